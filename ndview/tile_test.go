package ndview

// Tile, Repeat, Roll and Resize (semantics.md §13) against naive oracles
// on random layouts of any mode (broadcast and read-only inputs included);
// testdata/join.json checks the same routines against NumPy.

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomSource draws a view of any layout with 1 to 4 axes (rank 0 when
// rank0 allows it) over counting values.
func randomSource(r *rand.Rand, minRank int) NDView[int] {
	l := randomLayout(r, layoutOpts{MinRank: minRank, MaxRank: 4, MaxSize: 64})
	return layoutView(l, counting(l.N))
}

// oracle builds the values of a result of shape from f, which maps an
// index of the result to the value it holds.
func oracle(shape []int, f func(idx []int) int) []int {
	out := []int{}
	forEachIndex(shape, func(idx []int) { out = append(out, f(idx)) })
	return out
}

func TestTileRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		a := randomSource(r, 0)
		reps := make([]int, r.IntN(5))
		for i := range reps {
			reps[i] = r.IntN(4)
		}
		checkTile(t, a, reps)
	}
}

// checkTile compares Tile(a, reps...) with the oracle: element idx of the
// result is a's element idx mod a's shape, on a's axes aligned right.
func checkTile(t *testing.T, a NDView[int], reps []int) {
	t.Helper()
	got := Tile(a, reps...)
	sh := a.Shape()
	d := max(len(sh), len(reps))
	full := append(slices.Repeat([]int{1}, d-len(reps)), reps...)
	ash := append(slices.Repeat([]int{1}, d-len(sh)), sh...)
	want := make([]int, d)
	for i := range want {
		want[i] = ash[i] * full[i]
	}
	require.Equal(t, want, got.Shape(), "Tile(%v, %v)", sh, reps)
	assert.Equal(t, oracle(want, func(idx []int) int {
		src := make([]int, len(sh))
		for i := range src {
			src[i] = idx[d-len(sh)+i] % sh[i]
		}
		return a.At(src...)
	}), values(got), "Tile(%v, %v)", sh, reps)
	assert.False(t, got.ReadOnly())
}

// TestTileBlocks covers the fallback of Tile for results whose split view
// would exceed MaxRank: a rank-64 input with some reps above 1.
func TestTileBlocks(t *testing.T) {
	sh := slices.Repeat([]int{1}, MaxRank)
	sh[3], sh[60] = 2, 3
	a := Zeros[int](sh...)
	d, _ := a.Data()
	copy(d, []int{1, 2, 3, 4, 5, 6})
	reps := slices.Repeat([]int{1}, MaxRank)
	reps[3], reps[10], reps[60] = 2, 2, 3
	checkTile(t, a.Flip(3, 60), reps)
	checkTile(t, a, reps[5:])
}

func TestRepeatRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for it := range 500 {
		a := randomSource(r, 1)
		sh := a.Shape()
		ax := r.IntN(len(sh))
		reps := r.IntN(4)
		got := Repeat(a, reps, ax-len(sh)*r.IntN(2))
		want := slices.Clone(sh)
		want[ax] *= reps
		require.Equal(t, want, got.Shape())
		assert.Equal(t, oracle(want, func(idx []int) int {
			src := slices.Clone(idx)
			src[ax] /= reps
			return a.At(src...)
		}), values(got), "case %d: Repeat(%v, %d, %d)", it, sh, reps, ax)

		// Per-element counts along ax.
		counts := make([]int, sh[ax])
		var from []int // the source index of each output index along ax
		for i := range counts {
			counts[i] = r.IntN(3)
			for range counts[i] {
				from = append(from, i)
			}
		}
		gc, err := RepeatCounts(a, counts, ax)
		require.NoError(t, err)
		want[ax] = len(from)
		require.Equal(t, want, gc.Shape())
		assert.Equal(t, oracle(want, func(idx []int) int {
			src := slices.Clone(idx)
			src[ax] = from[idx[ax]]
			return a.At(src...)
		}), values(gc), "case %d: RepeatCounts(%v, %v, %d)", it, sh, counts, ax)

		// Flat forms.
		flat := values(a)
		var wantFlat []int
		for _, x := range flat {
			for range reps {
				wantFlat = append(wantFlat, x)
			}
		}
		gf := RepeatFlat(a, reps)
		require.Equal(t, []int{len(wantFlat)}, gf.Shape())
		assert.Equal(t, append([]int{}, wantFlat...), values(gf))
		gcf, err := RepeatCountsFlat(a, []int{reps})
		require.NoError(t, err)
		assert.Equal(t, values(gf), values(gcf))
	}
}

func TestRepeatFailures(t *testing.T) {
	a, _ := FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	panics(t, ErrShape, func() { Repeat(a, -1, 0) })
	panics(t, ErrShape, func() { RepeatFlat(a, -1) })
	panics(t, ErrShape, func() { _, _ = RepeatCounts(a, []int{1, -1, 1}, 1) })
	panics(t, ErrShape, func() { _, _ = RepeatCounts(a, []int{1, -1}, 1) }) // negative before length
	panics(t, ErrAxis, func() { Repeat(a, 2, 2) })
	panics(t, ErrAxis, func() { _, _ = RepeatCounts(a, []int{1}, -3) })
	_, err := RepeatCounts(a, []int{1, 2}, 1)
	assert.Contains(t, isErr(t, ErrShape, err), "operands could not be broadcast together with shape (3,) (2,)")
	_, err = RepeatCountsFlat(a, []int{1, 2})
	isErr(t, ErrShape, err)
	panics(t, ErrShape, func() { Tile(a, 2, -1) })
	panics(t, ErrShape, func() { Tile(a, slices.Repeat([]int{1}, MaxRank+1)...) })
}

func TestRollRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for it := range 500 {
		a := randomSource(r, 0)
		sh := a.Shape()
		nd := len(sh)
		if nd == 0 || r.IntN(4) == 0 { // flat
			s := r.IntN(41) - 20
			got := Roll(a, s)
			require.Equal(t, sh, got.Shape())
			flat := values(a)
			n := len(flat)
			assert.Equal(t, oracle([]int{n}, func(idx []int) int { return flat[floorMod(idx[0]-s, n)] }),
				values(got), "case %d: Roll(%v, %d)", it, sh, s)
			continue
		}
		k := 1 + r.IntN(3)
		shifts, axes := make([]int, k), make([]int, k)
		by := make([]int, nd)
		for i := range k {
			shifts[i], axes[i] = r.IntN(41)-20, r.IntN(nd)
			by[axes[i]] += shifts[i]
			if r.IntN(2) == 0 {
				axes[i] -= nd
			}
		}
		got := RollEach(a, shifts, axes)
		require.Equal(t, sh, got.Shape())
		assert.Equal(t, oracle(sh, func(idx []int) int {
			src := slices.Clone(idx)
			for i := range src {
				src[i] = floorMod(idx[i]-by[i], sh[i])
			}
			return a.At(src...)
		}), values(got), "case %d: RollEach(%v, %v, %v)", it, sh, shifts, axes)
	}
}

func TestRollFailures(t *testing.T) {
	a := Zeros[int](2, 3)
	panics(t, ErrAxis, func() { Roll(a, 1, 2) })
	panics(t, ErrShape, func() { RollEach(a, []int{1, 2, 3}, []int{0, 1}) })
	// One axis takes the sum of the shifts; no shifts roll nothing.
	b, _ := FromSlice([]int{0, 1, 2, 3})
	assert.Equal(t, []int{1, 2, 3, 0}, values(RollEach(b, []int{1, -2}, []int{0})))
	assert.Equal(t, []int{0, 1, 2, 3}, values(RollEach(b, nil, []int{0})))
}

func TestResizeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for it := range 300 {
		a := randomSource(r, 0)
		shape := randomShape(r, layoutOpts{MaxRank: 3, MaxSize: 100})
		got, err := Resize(a, shape...)
		require.NoError(t, err)
		require.Equal(t, shape, got.Shape())
		flat := values(a)
		i := 0
		assert.Equal(t, oracle(shape, func([]int) int {
			defer func() { i++ }()
			if len(flat) == 0 {
				return 0
			}
			return flat[i%len(flat)]
		}), values(got), "case %d: Resize(%v, %v)", it, a.Shape(), shape)
	}
	_, err := Resize(Zeros[int](3), -1, 3)
	isErr(t, ErrShape, err)
	_, err = Resize(Zeros[int](3), slices.Repeat([]int{1}, MaxRank+1)...)
	isErr(t, ErrShape, err)
}

// TestRepeatRank64 covers Repeat and RepeatFlat of a rank-64 view, which
// leave no room for the split view of the single copy.
func TestRepeatRank64(t *testing.T) {
	sh := slices.Repeat([]int{1}, MaxRank)
	sh[5], sh[63] = 2, 3
	a := Zeros[int](sh...)
	d, _ := a.Data()
	copy(d, []int{1, 2, 3, 4, 5, 6})
	v := a.Flip(63)
	got := Repeat(v, 2, 5)
	want := slices.Clone(sh)
	want[5] = 4
	require.Equal(t, want, got.Shape())
	assert.Equal(t, []int{3, 2, 1, 3, 2, 1, 6, 5, 4, 6, 5, 4}, values(got))
	assert.Equal(t, []int{3, 3, 2, 2, 1, 1, 6, 6, 5, 5, 4, 4}, values(RepeatFlat(v, 2)))
	huge, err := Scalar(int8(0)).BroadcastTo(1 << 62)
	require.NoError(t, err)
	panics(t, ErrOverflow, func() { Repeat(huge, 4, 0) })
}
