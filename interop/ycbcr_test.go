package interop

import (
	"fmt"
	"image"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ndkit/ndkit/ndview"
)

// ratios are the six subsample ratios with their factors, written out
// independently of the package's table.
var ratios = []struct {
	r      image.YCbCrSubsampleRatio
	sx, sy int
}{
	{image.YCbCrSubsampleRatio444, 1, 1},
	{image.YCbCrSubsampleRatio422, 2, 1},
	{image.YCbCrSubsampleRatio420, 2, 2},
	{image.YCbCrSubsampleRatio440, 1, 2},
	{image.YCbCrSubsampleRatio411, 4, 1},
	{image.YCbCrSubsampleRatio410, 4, 2},
}

// ycbcrRects are image rectangles of odd and even sizes at and away from
// the origin; every Max is positive (see TestFromYCbCrShortPlanes).
var ycbcrRects = []image.Rectangle{
	image.Rect(0, 0, 7, 5),
	image.Rect(0, 0, 8, 6),
	image.Rect(0, 0, 1, 1),
	image.Rect(-3, -5, 6, 4),
	image.Rect(3, 1, 14, 8),
	image.Rect(-7, -7, 1, 1),
}

// checkYCbCr checks the planes of m against YCbCrAt for every pixel,
// checks that each chroma view is exactly as large as the samples the
// pixels use, and that writes go through.
func checkYCbCr(t *testing.T, m *image.YCbCr, sx, sy int, y, cb, cr ndview.NDView[uint8]) {
	t.Helper()
	b := m.Rect
	if b.Empty() {
		assert.Equal(t, 0, y.Size()+cb.Size()+cr.Size(), "planes of an empty image")
		return
	}
	require.Equal(t, []int{b.Dy(), b.Dx()}, y.Shape(), "luma shape")
	csh := cb.Shape()
	require.Equal(t, csh, cr.Shape(), "Cb and Cr shapes")
	used := make([]bool, csh[0]*csh[1])
	for py := b.Min.Y; py < b.Max.Y; py++ {
		for px := b.Min.X; px < b.Max.X; px++ {
			want := m.YCbCrAt(px, py)
			i, j := py/sy-b.Min.Y/sy, px/sx-b.Min.X/sx // Go's truncating division
			require.True(t, i >= 0 && i < csh[0] && j >= 0 && j < csh[1],
				"chroma index (%d, %d) of pixel (%d, %d) outside chroma shape %v", i, j, px, py, csh)
			used[i*csh[1]+j] = true
			assert.Equal(t, want.Y, y.At(py-b.Min.Y, px-b.Min.X), "Y at (%d, %d)", px, py)
			assert.Equal(t, want.Cb, cb.At(i, j), "Cb at (%d, %d)", px, py)
			assert.Equal(t, want.Cr, cr.At(i, j), "Cr at (%d, %d)", px, py)
		}
	}
	for k, u := range used {
		assert.True(t, u, "chroma element (%d, %d) of shape %v is used by no pixel", k/csh[1], k%csh[1], csh)
	}
	// Writes through the chroma view reach the image, and back.
	px, py := b.Max.X-1, b.Max.Y-1
	i, j := py/sy-b.Min.Y/sy, px/sx-b.Min.X/sx
	cb.Set(cb.At(i, j)^0xff, i, j)
	assert.Equal(t, cb.At(i, j), m.YCbCrAt(px, py).Cb, "Cb of pixel (%d, %d) after a write through the view", px, py)
	m.Cr[m.COffset(b.Min.X, b.Min.Y)] ^= 0x0f
	assert.Equal(t, m.YCbCrAt(b.Min.X, b.Min.Y).Cr, cr.At(0, 0), "view after a write to Cr")
	y.Set(7, 0, 0)
	assert.Equal(t, uint8(7), m.YCbCrAt(b.Min.X, b.Min.Y).Y, "Y after a write through the view")
}

func TestFromYCbCr(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, rt := range ratios {
		for _, r := range ycbcrRects {
			t.Run(fmt.Sprintf("%v/%v", rt.r, r), func(t *testing.T) {
				m := image.NewYCbCr(r, rt.r)
				fillRandom(rng, m.Y)
				fillRandom(rng, m.Cb)
				fillRandom(rng, m.Cr)
				y, cb, cr := FromYCbCr(m)
				checkYCbCr(t, m, rt.sx, rt.sy, y, cb, cr)
				// Sub-images at odd and even offsets, clamped and empty.
				for _, sr := range []image.Rectangle{
					image.Rect(1, 1, 4, 4), image.Rect(2, 1, 7, 3), image.Rect(3, 3, 50, 50),
					image.Rect(-1, -1, 2, 2), image.Rect(100, 100, 101, 101),
				} {
					sub := m.SubImage(sr.Add(r.Min)).(*image.YCbCr)
					t.Run(fmt.Sprintf("sub%v", sr), func(t *testing.T) {
						y, cb, cr := FromYCbCr(sub)
						checkYCbCr(t, sub, rt.sx, rt.sy, y, cb, cr)
					})
				}
			})
		}
	}
}

// TestFromYCbCrShapes pins the chroma shapes of a 7×5 image.
func TestFromYCbCrShapes(t *testing.T) {
	want := map[image.YCbCrSubsampleRatio][]int{
		image.YCbCrSubsampleRatio444: {5, 7},
		image.YCbCrSubsampleRatio422: {5, 4},
		image.YCbCrSubsampleRatio420: {3, 4},
		image.YCbCrSubsampleRatio440: {3, 7},
		image.YCbCrSubsampleRatio411: {5, 2},
		image.YCbCrSubsampleRatio410: {3, 2},
	}
	for r, w := range want {
		_, cb, cr := FromYCbCr(image.NewYCbCr(image.Rect(0, 0, 7, 5), r))
		assert.Equal(t, w, cb.Shape(), "Cb shape for %v", r)
		assert.Equal(t, w, cr.Shape(), "Cr shape for %v", r)
	}
}

// TestFromYCbCrShortPlanes: image.NewYCbCr allocates too little chroma
// for some rectangles ending at or just below 0, where YCbCrAt itself
// fails; FromYCbCr refuses them instead of viewing the wrong samples.
func TestFromYCbCrShortPlanes(t *testing.T) {
	m := image.NewYCbCr(image.Rect(-4, 0, 0, 2), image.YCbCrSubsampleRatio420)
	assert.Panics(t, func() { m.YCbCrAt(-1, 0) }, "YCbCrAt(-1, 0) of the image itself")
	err := panicValue(func() { FromYCbCr(m) })
	assert.ErrorIs(t, err, ndview.ErrBounds, "FromYCbCr panics")
	assert.Contains(t, err.Error(), "Cb plane")
}

func TestFromNYCbCrA(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, rt := range ratios {
		r := image.Rect(-1, 2, 8, 7)
		m := image.NewNYCbCrA(r, rt.r)
		fillRandom(rng, m.Y)
		fillRandom(rng, m.Cb)
		fillRandom(rng, m.Cr)
		fillRandom(rng, m.A)
		for _, img := range []*image.NYCbCrA{m, m.SubImage(image.Rect(0, 3, 5, 6)).(*image.NYCbCrA)} {
			t.Run(fmt.Sprintf("%v/%v", rt.r, img.Rect), func(t *testing.T) {
				y, cb, cr, a := FromNYCbCrA(img)
				checkYCbCr(t, &img.YCbCr, rt.sx, rt.sy, y, cb, cr)
				b := img.Rect
				require.Equal(t, []int{b.Dy(), b.Dx()}, a.Shape())
				for py := b.Min.Y; py < b.Max.Y; py++ {
					for px := b.Min.X; px < b.Max.X; px++ {
						assert.Equal(t, img.NYCbCrAAt(px, py).A, a.At(py-b.Min.Y, px-b.Min.X), "A at (%d, %d)", px, py)
					}
				}
				a.Set(3, 1, 1)
				assert.Equal(t, uint8(3), img.NYCbCrAAt(b.Min.X+1, b.Min.Y+1).A, "A after a write through the view")
			})
		}
	}
}
