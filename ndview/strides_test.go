package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Tests of the pure layout arithmetic in strides.go: checked integer
// operations, shape validation (L2, L5), contiguous strides (L6),
// contiguity (L7), reachable extents (L4), overlap detection (L3), axis
// normalisation, the reshape target (R1) and formatting.

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMulAddInt(t *testing.T) {
	fits := func(z *big.Int) bool {
		return z.Cmp(big.NewInt(minInt+1)) >= 0 && z.Cmp(big.NewInt(maxInt)) <= 0
	}
	vals := []int{0, 1, -1, 2, -2, 3, 7, -7, 1 << 31, -(1 << 31), 1 << 32, 1<<62 - 1, 1 << 62, -(1 << 62),
		maxInt / 2, maxInt/2 + 1, maxInt - 1, maxInt, minInt + 1, minInt, 3037000499, 3037000500}
	for _, a := range vals {
		for _, b := range vals {
			p := new(big.Int).Mul(big.NewInt(int64(a)), big.NewInt(int64(b)))
			got, ok := layout.MulInt(a, b)
			// MinInt itself is refused (it has no positive twin); every
			// other product that fits is exact.
			assert.Equal(t, fits(p), ok, "layout.MulInt(%d, %d) ok", a, b)
			if ok {
				assert.Equal(t, p.Int64(), int64(got), "layout.MulInt(%d, %d)", a, b)
			}
			s := new(big.Int).Add(big.NewInt(int64(a)), big.NewInt(int64(b)))
			sum, ok := layout.AddInt(a, b)
			inRange := s.IsInt64()
			assert.Equal(t, inRange, ok, "layout.AddInt(%d, %d) ok", a, b)
			if ok {
				assert.Equal(t, s.Int64(), int64(sum), "layout.AddInt(%d, %d)", a, b)
			}
		}
	}
}

func TestCheckShape(t *testing.T) {
	tests := []struct {
		name     string
		shape    []int
		itemSize int
		size     int
		err      error
	}{
		{"0-d", []int{}, 8, 1, nil},
		{"2x3", []int{2, 3}, 8, 6, nil},
		{"zero extent", []int{3, 0, 2}, 8, 0, nil},
		{"negative", []int{3, -1}, 8, 0, ErrShape},
		{"rank 64", ones(64), 8, 1, nil},
		{"rank 65", ones(65), 8, 0, ErrShape},
		{"float64 (0, 2**62)", []int{0, 1 << 62}, 8, 0, ErrOverflow},
		{"bytes (0, 2**62)", []int{0, 1 << 62}, 1, 0, nil},
		{"bytes MaxInt", []int{maxInt}, 1, maxInt, nil},
		{"int16 MaxInt", []int{maxInt}, 2, 0, ErrOverflow},
		{"zero-size items MaxInt", []int{maxInt, maxInt}, 0, 0, ErrOverflow},
		{"zero-size items", []int{maxInt}, 0, maxInt, nil},
		{"product overflows before the zero", []int{1 << 40, 1 << 40, 0}, 1, 0, ErrOverflow},
		{"byte size just fits", []int{1 << 30, 1<<32 - 1}, 2, (1 << 30) * (1<<32 - 1), nil},
		{"byte size just overflows", []int{1 << 30, 1 << 32}, 2, 0, ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			size, err := layout.CheckShape("Op", tt.shape, tt.itemSize)
			if tt.err != nil {
				msg := isErr(t, tt.err, err)
				assert.Contains(t, msg, "Op")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.size, size, "layout.CheckShape(%v, %d)", tt.shape, tt.itemSize)
		})
	}
}

func TestFillStrides(t *testing.T) {
	tests := []struct {
		shape, c, f []int
	}{
		{[]int{}, []int{}, []int{}},
		{[]int{5}, []int{1}, []int{1}},
		{[]int{2, 3, 4}, []int{12, 4, 1}, []int{1, 2, 6}},
		{[]int{3, 0, 2}, []int{2, 2, 1}, []int{1, 3, 3}}, // L6: a zero extent counts as 1
		{[]int{1, 4, 1}, []int{4, 1, 1}, []int{1, 1, 4}},
	}
	for _, tt := range tests {
		t.Run(sprint(tt.shape), func(t *testing.T) {
			c := make([]int, len(tt.shape))
			layout.FillCStrides(tt.shape, c)
			assert.Equal(t, tt.c, c, "layout.FillCStrides(%v)", tt.shape)
			f := make([]int, len(tt.shape))
			layout.FillFStrides(tt.shape, f)
			assert.Equal(t, tt.f, f, "layout.FillFStrides(%v)", tt.shape)
			assert.True(t, layout.IsCContiguous(tt.shape, c))
			assert.True(t, layout.IsFContiguous(tt.shape, f))
		})
	}
}

func TestContiguityRandom(t *testing.T) {
	// isCContiguous and isFContiguous agree with brute force (consecutive
	// offsets in C or F order) on random layouts with elements, and are
	// true for every empty layout: views of every mode, contiguous ones
	// (C, F, the whole of a parent) among them.
	r := rand.New(rand.NewPCG(1, 2))
	var c0, f0, neither int
	for range 5000 {
		l := randomLayout(r, layoutOpts{MaxExtent: 4, MaxSize: 128})
		v := layoutView(l, arange(l.N))
		shape, strides := v.Shape(), v.Strides() // the numbers the view holds
		if v.Size() == 0 {
			c, f := layout.Contiguity(shape, strides)
			assert.True(t, layout.IsCContiguous(shape, strides) && layout.IsFContiguous(shape, strides) && c && f, "empty %v", l)
			continue
		}
		bc, bf := bruteContig(v, false), bruteContig(v, true)
		assert.Equal(t, bc, layout.IsCContiguous(shape, strides), "layout.IsCContiguous(%v, %v) of %v", shape, strides, l)
		assert.Equal(t, bf, layout.IsFContiguous(shape, strides), "layout.IsFContiguous(%v, %v) of %v", shape, strides, l)
		c, f := layout.Contiguity(shape, strides)
		assert.Equal(t, [2]bool{layout.IsCContiguous(shape, strides), layout.IsFContiguous(shape, strides)}, [2]bool{c, f}, "layout.Contiguity(%v, %v)", shape, strides)
		switch {
		case bc && len(shape) > 1 && v.Size() > 1:
			c0++
		case bf && len(shape) > 1 && v.Size() > 1:
			f0++
		case !bc && !bf:
			neither++
		}
	}
	// Each answer must be common for the comparison to mean anything.
	assert.Greater(t, c0, 200, "C-contiguous layouts")
	assert.Greater(t, f0, 100, "F- but not C-contiguous layouts")
	assert.Greater(t, neither, 1000, "layouts neither C- nor F-contiguous")
	t.Logf("%d C-contiguous, %d F-contiguous only, %d neither", c0, f0, neither)
}

func TestExtent(t *testing.T) {
	tests := []struct {
		off            int
		shape, strides []int
		lo, hi         int
		ok             bool
	}{
		{8, []int{3, 4}, []int{-4, 1}, 0, 11, true}, // L4's example
		{7, []int{3, 4}, []int{-4, 1}, -1, 10, true},
		{0, []int{}, []int{}, 0, 0, true},
		{5, []int{3, 0, 2}, []int{2, 7, -1}, 4, 9, true}, // size 0 still sums (n-1)·s
		{0, []int{0}, []int{maxInt}, 0, 0, true},
		{0, []int{3}, []int{maxInt}, 0, 0, false},
		{maxInt, []int{2}, []int{1}, 0, 0, false},
		{minInt, []int{2}, []int{-1}, 0, 0, false},
		{maxInt, []int{2}, []int{-1}, maxInt - 1, maxInt, true},
	}
	for _, tt := range tests {
		lo, hi, ok := layout.Extent(tt.off, tt.shape, tt.strides)
		assert.Equal(t, tt.ok, ok, "layout.Extent(%d, %v, %v) ok", tt.off, tt.shape, tt.strides)
		if ok {
			assert.Equal(t, [2]int{tt.lo, tt.hi}, [2]int{lo, hi}, "layout.Extent(%d, %v, %v)", tt.off, tt.shape, tt.strides)
		}
	}
}

func TestMayOverlap(t *testing.T) {
	// mayOverlap may be conservative but must never miss a real overlap,
	// and is exact for zero strides on axes longer than 1.
	tests := []struct {
		shape, strides []int
		want           bool
	}{
		{[]int{3, 4}, []int{4, 1}, false},
		{[]int{3, 4}, []int{0, 1}, true},
		{[]int{1, 4}, []int{0, 1}, false},
		{[]int{4, 3}, []int{1, 1}, true}, // sliding windows
		{[]int{2, 2}, []int{1, 2}, false},
		{[]int{3, 0}, []int{0, 0}, false}, // nothing to reach twice
		{[]int{}, []int{}, false},
		{[]int{3, 4}, []int{-4, -1}, false},
		{[]int{2, 3}, []int{-1, 2}, false},
		{[]int{2, 3}, []int{3, 2}, true}, // conservative: offsets 0,2,4,3,5,7 are distinct
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, layout.MayOverlap(tt.shape, tt.strides), "layout.MayOverlap(%v, %v)", tt.shape, tt.strides)
	}
	// Strided layouts draw every stride from [-7, 7]: real overlaps of
	// every kind, zero strides among them.
	r := rand.New(rand.NewPCG(3, 4))
	overlaps := 0
	for range 8000 {
		l := randomLayout(r, layoutOpts{Modes: modes(modeStrided), MinRank: 1, MaxRank: 4, MaxExtent: 4, NonEmpty: true})
		shape, strides := l.Shape, l.Strides
		seen := map[int]bool{}
		overlap := false
		forEachIndex(shape, func(idx []int) {
			p := refOffset(0, strides, idx)
			overlap = overlap || seen[p]
			seen[p] = true
		})
		if overlap {
			overlaps++
			assert.True(t, layout.MayOverlap(shape, strides), "layout.MayOverlap(%v, %v) misses an overlap", shape, strides)
		}
	}
	assert.Greater(t, overlaps, 1000, "layouts with an overlap")
	t.Logf("%d layouts with an overlap", overlaps)
}

func TestNormalizeAxis(t *testing.T) {
	for _, tt := range []struct{ axis, ndim, want int }{
		{0, 3, 0}, {2, 3, 2}, {-1, 3, 2}, {-3, 3, 0}, {63, 64, 63}, {-64, 64, 0},
	} {
		assert.Equal(t, tt.want, layout.NormalizeAxis("Op", tt.axis, tt.ndim), "layout.NormalizeAxis(%d, %d)", tt.axis, tt.ndim)
	}
	for _, tt := range []struct{ axis, ndim int }{{3, 3}, {-4, 3}, {0, 0}, {maxInt, 3}, {minInt, 3}} {
		msg := panics(t, ErrAxis, func() { layout.NormalizeAxis("Op", tt.axis, tt.ndim) })
		assert.Contains(t, msg, "Op")
		assert.Contains(t, msg, "out of bounds for array of dimension")
	}
	msg := panics(t, ErrAxis, func() { layout.NormalizeAxis("Op", 3, 3) })
	assert.Contains(t, msg, "axis 3 is out of bounds for array of dimension 3")
}

func TestResolveShape(t *testing.T) {
	tests := []struct {
		size  int
		shape []int
		want  []int
		err   error
		msg   string
	}{
		{24, []int{4, 6}, []int{4, 6}, nil, ""},
		{24, []int{-1}, []int{24}, nil, ""},
		{24, []int{2, -1, 3}, []int{2, 4, 3}, nil, ""},
		{0, []int{0, 5}, []int{0, 5}, nil, ""},
		{0, []int{5, -1}, []int{5, 0}, nil, ""},
		{1, []int{}, []int{}, nil, ""},
		{1, []int{-1}, []int{1}, nil, ""},
		{24, []int{-1, -1}, nil, ErrShape, "can only specify one unknown dimension"},
		{24, []int{-2, 12}, nil, ErrShape, "negative"},
		{24, []int{5, -1}, nil, ErrShape, "cannot reshape array of size 24 into shape (5, -1)"},
		{24, []int{5, 5}, nil, ErrShape, "cannot reshape array of size 24 into shape (5, 5)"},
		{0, []int{0, -1}, nil, ErrShape, "cannot reshape array of size 0"},
		{24, []int{1 << 32, 1 << 32, -1}, nil, ErrOverflow, "too big"},
		{24, ones(65), nil, ErrShape, "rank 65"},
	}
	for _, tt := range tests {
		t.Run(sprint(tt.size, tt.shape), func(t *testing.T) {
			out := make([]int, len(tt.shape))
			err := layout.ResolveShape("Reshape", tt.size, tt.shape, out)
			if tt.err != nil {
				msg := isErr(t, tt.err, err)
				assert.Contains(t, msg, tt.msg)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, out)
		})
	}
}

func TestBroadcastStrides(t *testing.T) {
	tests := []struct {
		shape, strides, target, want []int
		ok                           bool
	}{
		{[]int{3}, []int{1}, []int{2, 3}, []int{0, 1}, true},
		{[]int{3, 1}, []int{1, 1}, []int{3, 4}, []int{1, 0}, true},
		{[]int{1, 3}, []int{3, 1}, []int{1, 3}, []int{0, 1}, true},
		{[]int{0, 3}, []int{3, 1}, []int{2, 0, 3}, []int{0, 3, 1}, true},
		{[]int{0, 3}, []int{3, 1}, []int{1, 3}, nil, false},
		{[]int{2}, []int{1}, []int{}, nil, false},
		{[]int{}, []int{}, []int{2, 2}, []int{0, 0}, true},
	}
	for _, tt := range tests {
		out := make([]int, len(tt.target))
		ok := layout.BroadcastStrides(tt.shape, tt.strides, tt.target, out)
		assert.Equal(t, tt.ok, ok, "layout.BroadcastStrides(%v, %v, %v)", tt.shape, tt.strides, tt.target)
		if ok {
			assert.Equal(t, tt.want, out, "layout.BroadcastStrides(%v, %v, %v)", tt.shape, tt.strides, tt.target)
		}
	}
}

func TestFormatShape(t *testing.T) {
	assert.Equal(t, "()", formatShape(nil))
	assert.Equal(t, "(5,)", formatShape([]int{5}))
	assert.Equal(t, "(2, 3)", formatShape([]int{2, 3}))
	assert.Equal(t, "(0, -1, 4)", formatShape([]int{0, -1, 4}))
}
