package ndview

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

func mustView[T any](t *testing.T, data []T, shape ...int) NDView[T] {
	t.Helper()
	v, err := FromSlice(data, shape...)
	require.NoError(t, err)
	return v
}

func TestArrayEqualShapes(t *testing.T) {
	// ArrayEqual needs identical shapes, as NumPy's array_equal does;
	// the deprecated Equal needs them equivalent, as memoryview's ==
	// does (semantics.md M8). They differ only for views without elements.
	z03 := Zeros[int](0, 3)
	z04 := Zeros[int](0, 4)
	z10 := Zeros[int](1, 0)
	z20 := Zeros[int](2, 0)
	s0 := mustView(t, []int{7}).Slice(Int(0))
	s1 := mustView(t, []int{7})
	assert.False(t, ArrayEqual(z03, z04), "ArrayEqual: (0,3) differs from (0,4)")
	assert.True(t, Equal(z03, z04), "Equal: (0,3) equals (0,4)")
	assert.True(t, ArrayEqual(z03, Zeros[float64](0, 3)), "empty views of one shape are equal")
	assert.True(t, ArrayEqual(Zeros[int](0), NDView[uint8]{}), "the zero view is (0,)")
	for _, eq := range []func(a, b NDView[int]) bool{ArrayEqual[int, int], Equal[int, int]} {
		assert.False(t, eq(z10, z20), "(1,0) differs from (2,0)")
		assert.False(t, eq(s0, s1), "0-d differs from (1,)")
		assert.True(t, eq(s0, s0))
		assert.False(t, eq(mustView(t, seqInts(6), 2, 3), mustView(t, seqInts(6), 3, 2)))
		assert.False(t, eq(mustView(t, seqInts(6), 6), mustView(t, seqInts(6), 1, 6)))
		assert.True(t, eq(mustView(t, seqInts(6), 2, 3), mustView(t, seqInts(6), 2, 3)))
	}
}

func TestArrayEqualByValue(t *testing.T) {
	u := mustView(t, []uint8{1, 2})
	d := mustView(t, []float64{1, 2})
	i8 := mustView(t, []int8{1, 2})
	assert.True(t, ArrayEqual(u, d), "B [1,2] equals d [1.0,2.0]")
	assert.True(t, ArrayEqual(i8, u), "b equals B for small values")
	assert.False(t, ArrayEqual(mustView(t, []int8{-1}), mustView(t, []uint8{255})))
	assert.True(t, ArrayEqual(mustView(t, []bool{true, false}), mustView(t, []int{1, 0})))
	assert.True(t, ArrayEqual(mustView(t, []float16.Float16{float16.Fromfloat32(1.5)}), mustView(t, []float32{1.5})))
	assert.True(t, ArrayEqual(mustView(t, []complex128{2}), mustView(t, []int{2})))
	assert.False(t, ArrayEqual(mustView(t, []complex128{2 + 1i}), mustView(t, []int{2})))
	// Integers and floats compare exactly, as Python does.
	assert.False(t, ArrayEqual(mustView(t, []int64{1<<53 + 1}), mustView(t, []float64{1 << 53})))
	assert.True(t, ArrayEqual(mustView(t, []uint64{math.MaxUint64}), mustView(t, []uint64{math.MaxUint64})))
	assert.False(t, ArrayEqual(mustView(t, []uint64{math.MaxUint64}), mustView(t, []float64{1 << 64})))
	assert.False(t, ArrayEqual(mustView(t, []int{1}), mustView(t, []float64{1.5})))
	type celsius float32
	assert.True(t, ArrayEqual(mustView(t, []celsius{3}), mustView(t, []int{3})), "named numeric types compare by value")
}

func TestArrayEqualNaNAndZero(t *testing.T) {
	n := mustView(t, []float64{1, math.NaN()})
	assert.False(t, ArrayEqual(n, n), "a view holding NaN is unequal to itself")
	assert.True(t, ArrayEqual(mustView(t, []float64{math.Copysign(0, -1)}), mustView(t, []float64{0})))
}

func TestArrayEqualIgnoresLayout(t *testing.T) {
	a := mustView(t, seqInts(6), 2, 3)
	c := mustView(t, []int{0, 3, 1, 4, 2, 5}, 3, 2).T() // F layout of the same values
	assert.True(t, ArrayEqual(a, c))
	r := mustView(t, []int{5, 4, 3, 2, 1, 0}, 2, 3).Flip()
	assert.True(t, ArrayEqual(a, r))
	c.T().Set(9, 1, 1)
	assert.False(t, ArrayEqual(a, c))
}

func TestArrayEqualUnknownTypes(t *testing.T) {
	type point struct{ x, y int }
	p := mustView(t, []point{{1, 2}})
	assert.False(t, ArrayEqual(p, p), "unknown formats compare unequal")
	s := mustView(t, []string{"a"})
	assert.False(t, ArrayEqual(s, s))
}

func TestScalarKinds(t *testing.T) {
	// Elements widen to scalars of the public format kinds; bools count as
	// integers, and anything that is not a number is KindInvalid.
	type celsius float32
	type point struct{ x, y int }
	assert.Equal(t, KindInt, scalarKindOf[bool]())
	assert.Equal(t, KindInt, scalarKindOf[int]())
	assert.Equal(t, KindUint, scalarKindOf[uintptr]())
	assert.Equal(t, KindFloat, scalarKindOf[float16.Float16]())
	assert.Equal(t, KindFloat, scalarKindOf[celsius]())
	assert.Equal(t, KindComplex, scalarKindOf[complex64]())
	assert.Equal(t, KindInvalid, scalarKindOf[point]())
	assert.Equal(t, KindInvalid, scalarKindOf[string]())
	// scalar.equal orders the two kinds it compares by this order.
	assert.True(t, KindInvalid < KindInt && KindInt < KindUint && KindUint < KindFloat && KindFloat < KindComplex)
}
