package ndview

// AtLeast1D/2D/3D, BroadcastArrays and Ravel (semantics.md §13): which
// results are views (proven by writing through one side), read-only flags,
// and Ravel's view-or-copy rule on random layouts. testdata/join.json
// checks shapes and values against NumPy.

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sharesFirst reports whether writing through b's first element changes
// a's first element: the two are views of one element.
func sharesFirst(a, b NDView[int]) bool {
	ia, ib := make([]int, a.NDim()), make([]int, b.NDim())
	old := a.At(ia...)
	b.Set(old+12345, ib...)
	same := a.At(ia...) == old+12345
	b.Set(old, ib...)
	return same
}

func TestAtLeastViews(t *testing.T) {
	for _, sh := range [][]int{{}, {3}, {2, 3}, {2, 3, 4}, {1, 2, 1, 2}} {
		a, err := FromSlice(arange(shapeProduct(sh)), append([]int{shapeProduct(sh)}, sh...)[min(len(sh), 1):]...)
		require.NoError(t, err)
		a, err = a.Reshape(sh...)
		require.NoError(t, err)
		for name, f := range map[string]func(NDView[int]) NDView[int]{"1D": AtLeast1D[int], "2D": AtLeast2D[int], "3D": AtLeast3D[int]} {
			v := f(a)
			assert.True(t, sharesFirst(a, v), "AtLeast%s(%v) is not a view", name, sh)
			assert.True(t, f(a.AsReadOnly()).ReadOnly())
		}
	}
}

func TestBroadcastArraysViews(t *testing.T) {
	a, _ := FromSlice([]int{1, 2, 3}, 3, 1)
	b, _ := FromSlice([]int{10, 20}, 2)
	out, err := BroadcastArrays(a, b)
	require.NoError(t, err)
	require.Len(t, out, 2)
	for _, v := range out {
		assert.Equal(t, []int{3, 2}, v.Shape())
		assert.True(t, v.ReadOnly())
	}
	b.Set(99, 1)
	assert.Equal(t, 99, out[1].At(2, 1), "not a view")
	// Arrays already of the broadcast shape are read-only views too.
	c := Zeros[int](2, 2)
	out, err = BroadcastArrays(c, c)
	require.NoError(t, err)
	assert.True(t, out[0].ReadOnly())
	out, err = BroadcastArrays[int]()
	require.NoError(t, err)
	assert.Empty(t, out)
	_, err = BroadcastArrays(a, Zeros[int](4, 2))
	assert.Contains(t, isErr(t, ErrShape, err), "shape mismatch: objects cannot be broadcast to a single shape")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "BroadcastArrays", e.Op)
}

func TestRavelRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for it := range 500 {
		l := randomLayout(r, layoutOpts{MaxRank: 4, MaxSize: 64})
		a := layoutView(l, counting(l.N))
		for _, order := range []Order{OrderC, OrderF, OrderA} {
			got := RavelOrder(a, order)
			fortran := order == OrderF || order == OrderA && a.IsFContiguous() && !a.IsCContiguous()
			src := a
			if fortran {
				src = a.T()
			}
			require.Equal(t, []int{a.Size()}, got.Shape())
			require.Equal(t, values(src), values(got), "case %d: %v order %v", it, l, order)
			view := src.IsCContiguous()
			if a.Size() > 0 && !a.ReadOnly() && !got.ReadOnly() {
				assert.Equal(t, view, sharesFirst(src, got), "case %d: %v order %v: view %v", it, l, order, view)
			}
			if view {
				assert.Equal(t, a.ReadOnly(), got.ReadOnly())
			} else {
				assert.False(t, got.ReadOnly(), "a copy is writable")
			}
		}
	}
	panics(t, ErrLayout, func() { RavelOrder(Zeros[int](2), Order(7)) })
	// NumPy copies a[::2], although a stride could express it.
	a, _ := FromSlice(arange(6))
	s := a.Slice(Step(2))
	assert.False(t, sharesFirst(s, Ravel(s)))
}
