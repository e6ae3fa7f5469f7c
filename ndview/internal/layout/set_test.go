package layout

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSetFastMatchesSlow(t *testing.T) {
	// Set's one-pass fast path gives exactly what CheckLayout and
	// MayOverlap give: the same acceptance, the same stored layout and the
	// same read-only flag, for random layouts near every boundary it
	// tests (zero, negative and huge extents and strides, offsets at the
	// ends of the data, permuted axes, byte sizes that overflow).
	rng := rand.New(rand.NewPCG(11, 5))
	pick := func(xs ...int) int { return xs[rng.IntN(len(xs))] }
	fast, overlap := 0, 0
	for range 6000 {
		ndim := rng.IntN(InlineRank + 2)
		shape, strides := make([]int, ndim), make([]int, ndim)
		for k := range shape {
			shape[k] = pick(0, 1, 1, 2, 3, 4, 5, -1, fastLimit-1, fastLimit, 1<<40)
		}
		FillCStrides(shape, strides)
		if rng.IntN(3) == 0 {
			FillFStrides(shape, strides)
		}
		for k := range strides {
			switch rng.IntN(4) {
			case 0:
				strides[k] = -strides[k]
			case 1:
				strides[k] = pick(0, 0, 1, -1, 2, 3, -3, 7, fastLimit-1, fastLimit, math.MinInt, math.MaxInt)
			}
		}
		if ndim > 1 && rng.IntN(4) == 0 {
			i, j := rng.IntN(ndim), rng.IntN(ndim)
			shape[i], shape[j] = shape[j], shape[i]
		}
		n := pick(0, 1, 60, 200, 1000, fastLimit)
		off := pick(0, 1, 30, 59, 60, 100, n-1, n, n+1, -1, math.MinInt, math.MaxInt)
		itemSize := pick(1, 4, 8, 16, 1<<32, 1<<33)
		var got, want Layout
		gotErr := got.Set("Wrap", n, off, shape, strides, itemSize)
		wantErr := want.setSlow("Wrap", n, off, shape, strides, itemSize)
		if (gotErr == nil) != (wantErr == nil) || wantErr != nil && gotErr.Error() != wantErr.Error() {
			t.Fatalf("shape %v strides %v off %d n %d size %d: error %v, want %v", shape, strides, off, n, itemSize, gotErr, wantErr)
		}
		if wantErr != nil {
			continue
		}
		if !slices.Equal(got.Shape(), want.Shape()) || !slices.Equal(got.Strides(), want.Strides()) ||
			got.Off != want.Off || got.Flags != want.Flags {
			t.Fatalf("shape %v strides %v off %d: got %v %v %d flags %d, want %v %v %d flags %d", shape, strides, off,
				got.Shape(), got.Strides(), got.Off, got.Flags, want.Shape(), want.Strides(), want.Off, want.Flags)
		}
		if got.Flags != 0 {
			overlap++
		}
		var probe Layout
		if ndim <= InlineRank && len(strides) == ndim && probe.setFast(n, off, shape, strides, itemSize) {
			fast++
		}
	}
	// The cases reach both paths and both answers.
	require.Greater(t, fast, 150)
	require.Greater(t, overlap, 15)
	t.Logf("fast %d, overlapping %d", fast, overlap)
}

func TestSetFastRefusesOverlap(t *testing.T) {
	// Layouts the fast path must hand to MayOverlap: zero strides,
	// interleaved axes, and strides too short to step over the later axes.
	for _, c := range []struct{ shape, strides []int }{
		{[]int{3}, []int{0}},
		{[]int{3, 2}, []int{2, 0}},
		{[]int{2, 3, 2}, []int{0, 2, 1}},
		{[]int{2, 3}, []int{1, 1}},
		{[]int{2, 3}, []int{2, 1}},
		{[]int{3, 3}, []int{1, 2}},
		{[]int{2, 2, 2}, []int{4, 1, 2}},
	} {
		var l Layout
		require.False(t, l.setFast(100, 0, c.shape, c.strides, 8), "%v %v", c.shape, c.strides)
		require.NoError(t, l.Set("Wrap", 100, 0, c.shape, c.strides, 8))
		require.Equal(t, MayOverlap(c.shape, c.strides), l.Flags&FlagReadOnly != 0)
	}
}
