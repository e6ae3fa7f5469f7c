package ndview

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestAddAtRepeatedIndices(t *testing.T) {
	// np.add.at(a, [0, 1, 0, -1], 1) on arange(4): [2, 2, 2, 4].
	a := Must(FromSlice([]int{0, 1, 2, 3}))
	require.NoError(t, AddAt(a, Must(FromSlice([]int{0, 1, 0, -1})), Scalar(1)))
	require.Equal(t, []int{2, 2, 2, 4}, a.ToSlice())

	// 2-D: rows, with values broadcast along the row.
	m := Zeros[float64](3, 2)
	require.NoError(t, AddAt(m, Must(FromSlice([]int{2, 2})), Must(FromSlice([]float64{1, 10}))))
	require.Equal(t, []float64{0, 0, 0, 0, 2, 20}, Ravel(m).ToSlice())

	x := Must(FromSlice([]float64{1, 5, math.NaN()}))
	require.NoError(t, MaximumAt(x, Must(FromSlice([]int{0, 0, 1, 2})), Must(FromSlice([]float64{3, 2, 4, 7}))))
	require.Equal(t, 3.0, x.At(0))
	require.Equal(t, 5.0, x.At(1))
	require.True(t, math.IsNaN(x.At(2)))
	require.NoError(t, MinimumAt(x, Must(FromSlice([]int{0})), Scalar(-1.0)))
	require.Equal(t, -1.0, x.At(0))
	y := Must(FromSlice([]int{2, 3}))
	require.NoError(t, MultiplyAt(y, Must(FromSlice([]int{1, 1})), Scalar(2)))
	require.NoError(t, SubtractAt(y, Must(FromSlice([]int{0})), Scalar(5)))
	require.Equal(t, []int{-3, 12}, y.ToSlice())
}

// TestAddAtProperty checks AddAt against a loop on random layouts, with
// repeated and negative indices, and that an index error writes nothing.
func TestAddAtProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		l := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 3, NonEmpty: true, Writable: true})
		buf := counting(l.N)
		a := layoutView(l, buf)
		n := a.Shape()[0]
		idx := Zeros[int](r.IntN(4), 1+r.IntN(3))
		idx.Apply(func(int) int { return r.IntN(2*n) - n })
		sel := append(idx.Shape(), a.Shape()[1:]...)
		b := Zeros[int](sel...)
		b.Apply(func(int) int { return r.IntN(100) })

		want := a.Clone()
		for p, i := range idx.All() {
			if i < 0 {
				i += n
			}
			row := want.Slice(Int(i))
			items := []IndexItem{}
			for _, j := range p {
				items = append(items, Int(j))
			}
			br := b.Slice(items...)
			for e, x := range row.All() {
				row.Set(x+br.At(e...), e...)
			}
		}
		require.NoError(t, AddAt(a, idx, b), l.String())
		require.True(t, ArrayEqual(want, a), l.String())

		before := a.Clone()
		bad := Must(FromSlice([]int{0, n}))
		err := AddAt(a, bad, Scalar(1))
		require.Contains(t, isErr(t, ErrIndex, err), "out of bounds")
		require.True(t, ArrayEqual(before, a), "written after an index error")
	}
	panics(t, ErrReadOnly, func() { _ = AddAt(Zeros[int](2).AsReadOnly(), Zeros[int](1), Scalar(1)) })
	panics(t, ErrShape, func() { _ = AddAt(Zeros[int](2, 3), Zeros[int](2), Zeros[int](4)) })
	panics(t, ErrShape, func() { _ = AddAt(Zeros[int](), Zeros[int](2), Scalar(1)) })
	// b overlapping a is read as if copied first.
	v := Must(FromSlice([]int{1, 2, 3}))
	require.NoError(t, AddAt(v, Must(FromSlice([]int{0, 1, 2})), v.Flip()))
	require.Equal(t, []int{4, 4, 4}, v.ToSlice())
}

func TestTrueDivide(t *testing.T) {
	a := Must(FromSlice([]int{7, -7, 1, 0}))
	b := Must(FromSlice([]int{2, 2, 0, 0}))
	q := TrueDivide[float64](a, b)
	require.Equal(t, []float64{3.5, -3.5, math.Inf(1)}, q.ToSlice()[:3])
	require.True(t, math.IsNaN(q.At(3)))
	f := TrueDivide[float32](Must(FromSlice([]float32{1})), Must(FromSlice([]float32{3})))
	require.Equal(t, float32(1)/float32(3), f.At(0))
	require.Equal(t, []int{2, 4}, TrueDivide[float64](Zeros[int](2, 1), Zeros[int](4)).Shape())
}
