package ndview

// The split family (semantics.md §13): pieces are views (write-through
// both ways), keep the read-only flag, follow Python's slice rules, and
// refuse what NumPy refuses. testdata/join.json checks the values against
// NumPy.

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pythonSlice returns the indices [lo:hi] of an axis of extent n selects,
// by Python's rules.
func pythonSlice(lo, hi, n int) []int {
	clamp := func(i int) int {
		if i < 0 {
			i += n
		}
		return min(max(i, 0), n)
	}
	var out []int
	for i := clamp(lo); i < clamp(hi); i++ {
		out = append(out, i)
	}
	return out
}

func TestSplitAtRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for it := range 400 {
		l := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 4, MaxSize: 64})
		buf := counting(l.N)
		a := layoutView(l, buf)
		sh := a.Shape()
		ax := r.IntN(len(sh))
		n := sh[ax]
		cuts := make([]int, r.IntN(5))
		for i := range cuts {
			cuts[i] = r.IntN(2*n+5) - n - 2
		}
		pieces := SplitAt(a, cuts, ax-len(sh)*r.IntN(2))
		require.Len(t, pieces, len(cuts)+1)
		bounds := append(append([]int{0}, cuts...), n)
		for i, p := range pieces {
			idx := pythonSlice(bounds[i], bounds[i+1], n)
			want := slices.Clone(sh)
			want[ax] = len(idx)
			require.Equal(t, want, p.Shape(), "case %d: piece %d of SplitAt(%v, %v, %d)", it, i, sh, cuts, ax)
			assert.Equal(t, a.ReadOnly(), p.ReadOnly())
			assert.Equal(t, oracle(want, func(j []int) int {
				src := slices.Clone(j)
				src[ax] = idx[j[ax]]
				return a.At(src...)
			}), values(p), "case %d: piece %d", it, i)
		}
	}
}

func TestArraySplitRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for it := range 300 {
		a := randomSource(r, 1)
		sh := a.Shape()
		ax := r.IntN(len(sh))
		k := 1 + r.IntN(7)
		pieces := ArraySplit(a, k, ax)
		require.Len(t, pieces, k)
		var parts []NDView[int]
		total := 0
		for i, p := range pieces {
			m := p.Shape()[ax]
			want := sh[ax] / k
			if i < sh[ax]%k {
				want++
			}
			require.Equal(t, want, m, "case %d: piece %d", it, i)
			total += m
			if m > 0 {
				parts = append(parts, p)
			}
		}
		require.Equal(t, sh[ax], total)
		if len(parts) > 0 { // the pieces put back together are a
			back, err := Concatenate(ax, parts...)
			require.NoError(t, err)
			assert.Equal(t, values(a), values(back), "case %d", it)
		}
		eq, err := Split(a, k, ax)
		if sh[ax]%k == 0 {
			require.NoError(t, err)
			assert.Len(t, eq, k)
		} else {
			isErr(t, ErrShape, err)
			assert.Nil(t, eq)
		}
	}
}

func TestSplitViews(t *testing.T) {
	data := arange(24)
	a, _ := FromSlice(data, 4, 6)
	check := func(name string, pieces []NDView[int], err error) {
		t.Helper()
		require.NoError(t, err, name)
		for i, p := range pieces {
			if p.Size() == 0 {
				continue
			}
			idx := make([]int, p.NDim())
			old := p.At(idx...)
			p.Set(-1-i, idx...) // written through the piece, read in a
			assert.Contains(t, data, -1-i, "%s: piece %d is not a view", name, i)
			p.Set(old, idx...)
		}
		// Written through a, read in the first piece.
		require.Positive(t, pieces[0].Size(), name)
		off := pieces[0].Offset()
		data[off] = 999
		assert.Equal(t, 999, pieces[0].At(make([]int, pieces[0].NDim())...), name)
		data[off] = off
	}
	p, err := Split(a, 2, 1)
	check("Split", p, err)
	check("ArraySplit", ArraySplit(a, 5, 0), nil)
	check("SplitAt", SplitAt(a, []int{3, 1, -1, 10}, 1), nil)
	p, err = HSplit(a, 3)
	check("HSplit", p, err)
	p, err = VSplit(a, 2)
	check("VSplit", p, err)
	a3, _ := a.Reshape(2, 3, 4)
	p, err = DSplit(a3, 2)
	check("DSplit", p, err)
	check("Unstack", Unstack(a, -1), nil)

	ro := a.AsReadOnly()
	for _, p := range append(ArraySplit(ro, 3, 1), Unstack(ro, 0)...) {
		assert.True(t, p.ReadOnly())
	}
}

func TestSplitFailures(t *testing.T) {
	a := Zeros[int](4, 6)
	panics(t, ErrShape, func() { _, _ = Split(a, 0, 0) })
	panics(t, ErrShape, func() { ArraySplit(a, -1, 0) })
	panics(t, ErrAxis, func() { ArraySplit(a, 2, 2) })
	panics(t, ErrAxis, func() { SplitAt(a, nil, -3) })
	panics(t, ErrAxis, func() { Unstack(Scalar(1), 0) })
	assert.Contains(t, panics(t, ErrAxis, func() { _, _ = HSplit(Scalar(1), 1) }), "only works on arrays of 1 or more dimensions")
	panics(t, ErrAxis, func() { _, _ = VSplit(Zeros[int](4), 2) })
	panics(t, ErrAxis, func() { _, _ = DSplit(a, 2) })
	_, err := Split(a, 4, 1)
	assert.Contains(t, isErr(t, ErrShape, err), "array split does not result in an equal division")
}
