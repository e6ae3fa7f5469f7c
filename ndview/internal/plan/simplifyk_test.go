package plan

import (
	"slices"
	"testing"
)

// TestSimplifyK checks NumPy's K order for reductions: axes sorted by
// decreasing |stride|, C order on ties, zero strides passed over, and no
// axis flipped.
func TestSimplifyK(t *testing.T) {
	cases := []struct {
		name             string
		shape, strides   []int
		wantDim, wantSt  []int
		wantBase, offset int
	}{
		{"C contiguous", []int{3, 4}, []int{4, 1}, []int{12}, []int{1}, 0, 0},
		{"transposed", []int{4, 3}, []int{1, 4}, []int{12}, []int{1}, 0, 0},
		{"reversed is not flipped", []int{5}, []int{-1}, []int{5}, []int{-1}, 4, 4},
		{"reversed rows", []int{3, 4}, []int{-4, 1}, []int{3, 4}, []int{-4, 1}, 8, 8},
		{"3-d permuted", []int{4, 2, 3}, []int{1, 12, 4}, []int{24}, []int{1}, 0, 0},
		{"stepped", []int{3, 4}, []int{1, 6}, []int{4, 3}, []int{6, 1}, 0, 0},
		{"broadcast axis passed over", []int{2, 3, 4}, []int{1, 0, 2}, []int{3, 8}, []int{0, 1}, 0, 0},
		{"tie keeps C order", []int{2, 3}, []int{5, 5}, []int{2, 3}, []int{5, 5}, 0, 0},
	}
	for _, c := range cases {
		var p Plan
		p.Init(c.shape)
		p.Add(c.offset, c.strides)
		p.SimplifyK()
		dim, st := p.Dim[:p.Rank], p.St[0][:p.Rank]
		if !slices.Equal(dim, c.wantDim) || !slices.Equal(st, c.wantSt) || p.Base[0] != c.wantBase {
			t.Errorf("%s: got dims %v strides %v base %d, want %v %v %d", c.name, dim, st, p.Base[0], c.wantDim, c.wantSt, c.wantBase)
		}
	}
}
