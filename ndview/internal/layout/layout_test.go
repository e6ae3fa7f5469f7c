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
