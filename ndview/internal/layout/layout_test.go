package layout

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSizeAndCContiguous(t *testing.T) {
	// The one-pass size and C contiguity that Reshape starts from equal
	// shapeSize and isCContiguous, for inline layouts (whose unused slots
	// hold leftovers from earlier layouts) and heap-stored ones.
	rng := rand.New(rand.NewPCG(7, 3))
	contiguous := 0
	for range 20000 {
		shape := make([]int, rng.IntN(7))
		for i := range shape {
			shape[i] = []int{1, 1, 2, 3, 4, 0}[rng.IntN(6)]
			if shape[i] == 0 && rng.IntN(4) != 0 {
				shape[i] = 2
			}
		}
		strides := make([]int, len(shape))
		FillCStrides(shape, strides)
		if len(strides) > 0 && rng.IntN(2) == 0 {
			strides[rng.IntN(len(strides))] += 1 + rng.IntN(2)
		}
		var l Layout
		for i := range l.small {
			l.small[i] = rng.IntN(9) - 4 // leftovers
		}
		l.Reset(len(shape))
		copy(l.Shape(), shape)
		copy(l.Strides(), strides)
		size, c := l.SizeAndCContiguous()
		require.Equal(t, ShapeSize(shape), size, "size of %v", shape)
		require.Equal(t, IsCContiguous(shape, strides), c, "C contiguity of %v, %v", shape, strides)
		if c {
			contiguous++
		}
	}
	// Both outcomes must be common for the comparison to mean anything.
	assert.Greater(t, contiguous, 3000)
	assert.Less(t, contiguous, 17000)
}

func TestIndexItemString(t *testing.T) {
	for _, tt := range []struct {
		item IndexItem
		want string
	}{
		{Int(3), "3"}, {Int(-1), "-1"}, {Colon(), ":"}, {IndexItem{}, ":"}, {Step(-1), "::-1"},
		{Range(1, 5), "1:5"}, {Range(1, 5).By(2), "1:5:2"}, {From(5).By(-1), "5::-1"},
		{To(3), ":3"}, {To(-3).By(-2), ":-3:-2"}, {NewAxis, "None"}, {Ellipsis, "..."},
	} {
		assert.Equal(t, tt.want, tt.item.String())
		// Every item parses back to itself.
		got, err := ParseIndex(tt.want, nil)
		require.NoError(t, err)
		require.Len(t, got, 1)
		want := tt.item
		if want.step == 1 {
			want.step = 0
		}
		assert.Equal(t, want, got[0], "ParseIndex(%q)", tt.want)
	}
}

func TestBroadcastMerge(t *testing.T) {
	// BroadcastStart and BroadcastMerge agree with a naive broadcast of random shapes, names
	// the two arguments that clash, and allocates nothing.
	rng := rand.New(rand.NewPCG(5, 9))
	naive := func(shapes [][]int) ([]int, bool) {
		nd := 0
		for _, s := range shapes {
			nd = max(nd, len(s))
		}
		out := make([]int, nd)
		for k := range out {
			out[k] = 1
		}
		for _, s := range shapes {
			for k, e := range s {
				j := nd - len(s) + k
				if e != 1 && out[j] != 1 && e != out[j] {
					return nil, false
				}
				if e != 1 {
					out[j] = e
				}
			}
		}
		return out, true
	}
	clashes := 0
	for range 5000 {
		shapes := make([][]int, 1+rng.IntN(4))
		nd := 0
		for i := range shapes {
			shapes[i] = make([]int, rng.IntN(5))
			for k := range shapes[i] {
				shapes[i][k] = []int{1, 1, 2, 3, 0}[rng.IntN(5)]
			}
			nd = max(nd, len(shapes[i]))
		}
		var out, from [MaxRank]int
		BroadcastStart(&out, &from, nd)
		a, b := -1, -1
		for i, s := range shapes {
			if a = BroadcastMerge(&out, &from, nd, i, s); a >= 0 {
				b = i
				break
			}
		}
		want, ok := naive(shapes)
		require.Equal(t, ok, a < 0, "shapes %v", shapes)
		if ok {
			assert.Equal(t, want, out[:nd], "shapes %v", shapes)
			continue
		}
		clashes++
		require.Less(t, a, b, "shapes %v", shapes)
		_, ok = naive([][]int{shapes[a], shapes[b]})
		assert.False(t, ok, "shapes %v: args %d and %d do not clash", shapes, a, b)
	}
	assert.Greater(t, clashes, 100, "too few clashing cases to test the report")
	shapes := [][]int{{3, 1}, {4}}
	var out, from [MaxRank]int
	assert.Zero(t, testing.AllocsPerRun(50, func() {
		BroadcastStart(&out, &from, 2)
		BroadcastMerge(&out, &from, 2, 0, shapes[0])
		BroadcastMerge(&out, &from, 2, 1, shapes[1])
	}))
}
