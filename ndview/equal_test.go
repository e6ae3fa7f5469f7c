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

func TestEqualShapes(t *testing.T) {
	z03 := Zeros[int](0, 3)
	z04 := Zeros[int](0, 4)
	z10 := Zeros[int](1, 0)
	z20 := Zeros[int](2, 0)
	s0 := mustView(t, []int{7}).Slice(Int(0))
	s1 := mustView(t, []int{7})
	assert.True(t, Equal(z03, z04), "(0,3) equals (0,4)")
	assert.False(t, Equal(z10, z20), "(1,0) differs from (2,0)")
	assert.False(t, Equal(s0, s1), "0-d differs from (1,)")
	assert.True(t, Equal(s0, s0))
	assert.False(t, Equal(mustView(t, seqInts(6), 2, 3), mustView(t, seqInts(6), 3, 2)))
	assert.False(t, Equal(mustView(t, seqInts(6), 6), mustView(t, seqInts(6), 1, 6)))
}

func TestEqualByValue(t *testing.T) {
	u := mustView(t, []uint8{1, 2})
	d := mustView(t, []float64{1, 2})
	i8 := mustView(t, []int8{1, 2})
	assert.True(t, Equal(u, d), "B [1,2] equals d [1.0,2.0]")
	assert.True(t, Equal(i8, u), "b equals B for small values")
	assert.False(t, Equal(mustView(t, []int8{-1}), mustView(t, []uint8{255})))
	assert.True(t, Equal(mustView(t, []bool{true, false}), mustView(t, []int{1, 0})))
	assert.True(t, Equal(mustView(t, []float16.Float16{float16.Fromfloat32(1.5)}), mustView(t, []float32{1.5})))
	assert.True(t, Equal(mustView(t, []complex128{2}), mustView(t, []int{2})))
	assert.False(t, Equal(mustView(t, []complex128{2 + 1i}), mustView(t, []int{2})))
	// Integers and floats compare exactly, as Python does.
	assert.False(t, Equal(mustView(t, []int64{1<<53 + 1}), mustView(t, []float64{1 << 53})))
	assert.True(t, Equal(mustView(t, []uint64{math.MaxUint64}), mustView(t, []uint64{math.MaxUint64})))
	assert.False(t, Equal(mustView(t, []uint64{math.MaxUint64}), mustView(t, []float64{1 << 64})))
	assert.False(t, Equal(mustView(t, []int{1}), mustView(t, []float64{1.5})))
	type celsius float32
	assert.True(t, Equal(mustView(t, []celsius{3}), mustView(t, []int{3})), "named numeric types compare by value")
}

func TestEqualNaNAndZero(t *testing.T) {
	n := mustView(t, []float64{1, math.NaN()})
	assert.False(t, Equal(n, n), "a view holding NaN is unequal to itself")
	assert.True(t, Equal(mustView(t, []float64{math.Copysign(0, -1)}), mustView(t, []float64{0})))
}

func TestEqualIgnoresLayout(t *testing.T) {
	a := mustView(t, seqInts(6), 2, 3)
	c := mustView(t, []int{0, 3, 1, 4, 2, 5}, 3, 2).T() // F layout of the same values
	assert.True(t, Equal(a, c))
	r := mustView(t, []int{5, 4, 3, 2, 1, 0}, 2, 3).Flip()
	assert.True(t, Equal(a, r))
	c.T().Set(9, 1, 1)
	assert.False(t, Equal(a, c))
}

func TestEqualUnknownTypes(t *testing.T) {
	type point struct{ x, y int }
	p := mustView(t, []point{{1, 2}})
	assert.False(t, Equal(p, p), "unknown formats compare unequal")
	s := mustView(t, []string{"a"})
	assert.False(t, Equal(s, s))
}
