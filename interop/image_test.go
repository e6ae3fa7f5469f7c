package interop

import (
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ndkit/ndkit/ndview"
)

// imageTypes lists every image type FromImage views: how to make one over
// a rectangle, the trailing axes of its view, and the bytes of a pixel as
// the image's own typed accessor gives them (16-bit samples big-endian).
var imageTypes = []struct {
	name  string
	mk    func(r image.Rectangle) image.Image
	inner []int
	pixel func(m image.Image, x, y int) []uint8
}{
	{"RGBA", func(r image.Rectangle) image.Image { return image.NewRGBA(r) }, []int{4}, func(m image.Image, x, y int) []uint8 {
		c := m.(*image.RGBA).RGBAAt(x, y)
		return []uint8{c.R, c.G, c.B, c.A}
	}},
	{"NRGBA", func(r image.Rectangle) image.Image { return image.NewNRGBA(r) }, []int{4}, func(m image.Image, x, y int) []uint8 {
		c := m.(*image.NRGBA).NRGBAAt(x, y)
		return []uint8{c.R, c.G, c.B, c.A}
	}},
	{"CMYK", func(r image.Rectangle) image.Image { return image.NewCMYK(r) }, []int{4}, func(m image.Image, x, y int) []uint8 {
		c := m.(*image.CMYK).CMYKAt(x, y)
		return []uint8{c.C, c.M, c.Y, c.K}
	}},
	{"Gray", func(r image.Rectangle) image.Image { return image.NewGray(r) }, nil, func(m image.Image, x, y int) []uint8 {
		return []uint8{m.(*image.Gray).GrayAt(x, y).Y}
	}},
	{"Alpha", func(r image.Rectangle) image.Image { return image.NewAlpha(r) }, nil, func(m image.Image, x, y int) []uint8 {
		return []uint8{m.(*image.Alpha).AlphaAt(x, y).A}
	}},
	{"RGBA64", func(r image.Rectangle) image.Image { return image.NewRGBA64(r) }, []int{4, 2}, func(m image.Image, x, y int) []uint8 {
		c := m.(*image.RGBA64).RGBA64At(x, y)
		return be16(c.R, c.G, c.B, c.A)
	}},
	{"NRGBA64", func(r image.Rectangle) image.Image { return image.NewNRGBA64(r) }, []int{4, 2}, func(m image.Image, x, y int) []uint8 {
		c := m.(*image.NRGBA64).NRGBA64At(x, y)
		return be16(c.R, c.G, c.B, c.A)
	}},
	{"Gray16", func(r image.Rectangle) image.Image { return image.NewGray16(r) }, []int{2}, func(m image.Image, x, y int) []uint8 {
		return be16(m.(*image.Gray16).Gray16At(x, y).Y)
	}},
	{"Alpha16", func(r image.Rectangle) image.Image { return image.NewAlpha16(r) }, []int{2}, func(m image.Image, x, y int) []uint8 {
		return be16(m.(*image.Alpha16).Alpha16At(x, y).A)
	}},
}

// be16 returns samples as big-endian bytes.
func be16(s ...uint16) []uint8 {
	b := make([]uint8, 0, 2*len(s))
	for _, x := range s {
		b = binary.BigEndian.AppendUint16(b, x)
	}
	return b
}

// pixOf returns the Pix slice of one of the image types above.
func pixOf(m image.Image) []uint8 {
	switch m := m.(type) {
	case *image.RGBA:
		return m.Pix
	case *image.NRGBA:
		return m.Pix
	case *image.CMYK:
		return m.Pix
	case *image.Gray:
		return m.Pix
	case *image.Alpha:
		return m.Pix
	case *image.RGBA64:
		return m.Pix
	case *image.NRGBA64:
		return m.Pix
	case *image.Gray16:
		return m.Pix
	case *image.Alpha16:
		return m.Pix
	case *image.Paletted:
		return m.Pix
	}
	panic(fmt.Sprintf("%T", m))
}

// fillRandom fills b with random bytes.
func fillRandom(rng *rand.Rand, b []uint8) {
	for i := range b {
		b[i] = uint8(rng.Uint32())
	}
}

// viewPixel returns the bytes of view element (i, j) in C order of the
// trailing axes.
func viewPixel(v ndview.NDView[uint8], i, j int) []uint8 {
	switch v.NDim() {
	case 2:
		return []uint8{v.At(i, j)}
	case 3:
		out := make([]uint8, v.Shape()[2])
		for k := range out {
			out[k] = v.At(i, j, k)
		}
		return out
	}
	sh := v.Shape()
	out := make([]uint8, 0, sh[2]*sh[3])
	for k := range sh[2] {
		for l := range sh[3] {
			out = append(out, v.At(i, j, k, l))
		}
	}
	return out
}

// testRects are image rectangles of odd and even sizes, at the origin and
// away from it, negative coordinates included.
var testRects = []image.Rectangle{
	image.Rect(0, 0, 7, 5),
	image.Rect(0, 0, 8, 6),
	image.Rect(-3, 2, 4, 9),
	image.Rect(5, -4, 6, -3), // 1×1
	image.Rect(2, 3, 2, 8),   // empty
}

// subRects are sub-image rectangles, in the coordinates of testRects[0]
// and testRects[2]: inside, clamped, odd origin, empty.
var subRects = []image.Rectangle{
	image.Rect(1, 1, 4, 4),
	image.Rect(-1, 3, 3, 100),
	image.Rect(3, 2, 6, 7),
	image.Rect(100, 100, 101, 101),
}

// checkImageView checks that v views m: shape, every pixel against m's
// accessor, and writes both ways.
func checkImageView(t *testing.T, m image.Image, v ndview.NDView[uint8], inner []int, pixel func(image.Image, int, int) []uint8) {
	t.Helper()
	b := m.Bounds()
	h, w := max(b.Dy(), 0), max(b.Dx(), 0)
	if b.Empty() {
		h, w = max(h, 0), max(w, 0)
	}
	require.Equal(t, append([]int{h, w}, inner...), v.Shape(), "FromImage(m).Shape() for bounds %v", b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			assert.Equal(t, pixel(m, x, y), viewPixel(v, y-b.Min.Y, x-b.Min.X), "pixel (%d, %d)", x, y)
		}
	}
	if b.Empty() {
		return
	}
	// Write through the view, read through the image, and back.
	x, y := b.Max.X-1, b.Max.Y-1
	idx := make([]int, v.NDim())
	idx[0], idx[1] = y-b.Min.Y, x-b.Min.X
	v.Set(v.At(idx...)^0xff, idx...)
	assert.Equal(t, viewPixel(v, idx[0], idx[1]), pixel(m, x, y), "image pixel (%d, %d) after a write through the view", x, y)
	m.(interface{ Set(int, int, color.Color) }).Set(b.Min.X, b.Min.Y, color.RGBA{R: 10, G: 20, B: 30, A: 40})
	assert.Equal(t, pixel(m, b.Min.X, b.Min.Y), viewPixel(v, 0, 0), "view element (0, 0) after image.Set")
}

func TestFromImage(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, it := range imageTypes {
		for _, r := range testRects {
			t.Run(fmt.Sprintf("%s/%v", it.name, r), func(t *testing.T) {
				m := it.mk(r)
				fillRandom(rng, pixOf(m))
				v, err := FromImage(m)
				require.NoError(t, err)
				checkImageView(t, m, v, it.inner, it.pixel)
				if r == testRects[0] || r == testRects[2] {
					for _, sr := range subRects {
						t.Run(fmt.Sprintf("sub%v", sr), func(t *testing.T) {
							sub := m.(interface {
								SubImage(image.Rectangle) image.Image
							}).SubImage(sr.Add(r.Min))
							sv, err := FromImage(sub)
							require.NoError(t, err)
							checkImageView(t, sub, sv, it.inner, it.pixel)
						})
					}
				}
			})
		}
	}
}

func TestFromImageErrors(t *testing.T) {
	rect := image.Rect(0, 0, 3, 2)
	for _, tc := range []struct {
		name string
		img  image.Image
		want error
		hint string
	}{
		{"YCbCr", image.NewYCbCr(rect, image.YCbCrSubsampleRatio420), ndview.ErrType, "FromYCbCr"},
		{"NYCbCrA", image.NewNYCbCrA(rect, image.YCbCrSubsampleRatio420), ndview.ErrType, "FromNYCbCrA"},
		{"Paletted", image.NewPaletted(rect, nil), ndview.ErrType, "FromPaletted"},
		{"Uniform", image.NewUniform(color.White), ndview.ErrType, "draw.Draw"},
		{"nil", nil, ndview.ErrType, "nil"},
		{"short", &image.RGBA{Pix: make([]uint8, 23), Stride: 12, Rect: rect}, ndview.ErrBounds, "*image.RGBA"},
		{"overlap", &image.Gray{Pix: make([]uint8, 6), Stride: 2, Rect: rect}, ndview.ErrLayout, "Stride 2"},
		{"negstride", &image.Gray{Pix: make([]uint8, 6), Stride: -3, Rect: rect}, ndview.ErrLayout, "Stride -3"},
		{"overflow", &image.Gray{Rect: image.Rect(math.MinInt, 0, math.MaxInt, 1)}, ndview.ErrOverflow, "overflows"},
		{"rowoverflow", &image.RGBA{Rect: image.Rect(0, 0, math.MaxInt/2, 1)}, ndview.ErrOverflow, "overflows"},
		{"hugestride", &image.Gray{Pix: make([]uint8, 6), Stride: math.MaxInt / 2, Rect: image.Rect(0, 0, 3, 3)}, ndview.ErrOverflow, "Stride"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FromImage(tc.img)
			require.ErrorIs(t, err, tc.want, "FromImage(%s)", tc.name)
			assert.Contains(t, err.Error(), tc.hint, "FromImage(%s) error", tc.name)
		})
	}
}

func TestCopyImage16(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, it := range imageTypes {
		if len(it.inner) == 0 || it.inner[len(it.inner)-1] != 2 {
			continue
		}
		for _, r := range testRects {
			t.Run(fmt.Sprintf("%s/%v", it.name, r), func(t *testing.T) {
				m := it.mk(r)
				pix := pixOf(m)
				fillRandom(rng, pix)
				u, err := CopyImage16(m)
				require.NoError(t, err)
				ch := it.inner[0] / 2 * max(len(it.inner)*2-2, 1) // 4 for (4, 2), 1 for (2)
				if ch == 4 {
					require.Equal(t, []int{r.Dy(), r.Dx(), 4}, u.Shape())
				} else {
					require.Equal(t, []int{max(r.Dy(), 0), max(r.Dx(), 0)}, u.Shape())
				}
				for y := r.Min.Y; y < r.Max.Y; y++ {
					for x := r.Min.X; x < r.Max.X; x++ {
						want := it.pixel(m, x, y)
						for c := range ch {
							var got uint16
							if ch == 4 {
								got = u.At(y-r.Min.Y, x-r.Min.X, c)
							} else {
								got = u.At(y-r.Min.Y, x-r.Min.X)
							}
							assert.Equal(t, binary.BigEndian.Uint16(want[2*c:]), got, "CopyImage16(m) at (%d, %d) channel %d", x, y, c)
						}
					}
				}
				if len(pix) > 0 && u.Size() > 0 {
					data, err := u.Data()
					require.NoError(t, err)
					before := slices.Clone(data)
					pix[0]++
					assert.Equal(t, before, data, "CopyImage16 result changed with the image: not a copy")
				}
			})
		}
	}
	_, err := CopyImage16(image.NewRGBA(image.Rect(0, 0, 1, 1)))
	assert.ErrorIs(t, err, ndview.ErrType)
	assert.Contains(t, err.Error(), "FromImage")
	_, err = CopyImage16(image.NewUniform(color.Black))
	assert.ErrorIs(t, err, ndview.ErrType)
}

func TestFromPaletted(t *testing.T) {
	pal := color.Palette{color.Black, color.White, color.RGBA{R: 255, A: 255}}
	m := image.NewPaletted(image.Rect(-2, 1, 5, 6), pal)
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range m.Pix {
		m.Pix[i] = uint8(rng.IntN(3))
	}
	for _, img := range []*image.Paletted{m, m.SubImage(image.Rect(0, 2, 3, 5)).(*image.Paletted)} {
		v, p := FromPaletted(img)
		b := img.Bounds()
		require.Equal(t, []int{b.Dy(), b.Dx()}, v.Shape())
		assert.Same(t, &img.Palette[0], &p[0], "FromPaletted returns the image's palette")
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				assert.Equal(t, img.ColorIndexAt(x, y), v.At(y-b.Min.Y, x-b.Min.X), "index at (%d, %d)", x, y)
			}
		}
		v.Set(2, 0, 0)
		assert.Equal(t, uint8(2), img.ColorIndexAt(b.Min.X, b.Min.Y), "index after view.Set")
	}
	assert.ErrorIs(t, panicValue(func() { FromPaletted(&image.Paletted{Pix: make([]uint8, 3), Stride: 3, Rect: image.Rect(0, 0, 3, 2)}) }), ndview.ErrBounds)
}

// asFuncs are the zero-copy view-to-image adapters with the pixel axes
// they need and the accessor that reads the result.
var asFuncs = []struct {
	name  string
	as    func(ndview.NDView[uint8]) (image.Image, error)
	inner []int
	pixel func(image.Image, int, int) []uint8
}{
	{"AsRGBA", func(v ndview.NDView[uint8]) (image.Image, error) { return nilSafe(AsRGBA(v)) }, []int{4}, imageTypes[0].pixel},
	{"AsNRGBA", func(v ndview.NDView[uint8]) (image.Image, error) { return nilSafe(AsNRGBA(v)) }, []int{4}, imageTypes[1].pixel},
	{"AsCMYK", func(v ndview.NDView[uint8]) (image.Image, error) { return nilSafe(AsCMYK(v)) }, []int{4}, imageTypes[2].pixel},
	{"AsGray", func(v ndview.NDView[uint8]) (image.Image, error) { return nilSafe(AsGray(v)) }, nil, imageTypes[3].pixel},
	{"AsAlpha", func(v ndview.NDView[uint8]) (image.Image, error) { return nilSafe(AsAlpha(v)) }, nil, imageTypes[4].pixel},
	{"AsRGBA64", func(v ndview.NDView[uint8]) (image.Image, error) { return nilSafe(AsRGBA64(v)) }, []int{4, 2}, imageTypes[5].pixel},
	{"AsNRGBA64", func(v ndview.NDView[uint8]) (image.Image, error) { return nilSafe(AsNRGBA64(v)) }, []int{4, 2}, imageTypes[6].pixel},
	{"AsGray16", func(v ndview.NDView[uint8]) (image.Image, error) { return nilSafe(AsGray16(v)) }, []int{2}, imageTypes[7].pixel},
	{"AsAlpha16", func(v ndview.NDView[uint8]) (image.Image, error) { return nilSafe(AsAlpha16(v)) }, []int{2}, imageTypes[8].pixel},
	{"AsPaletted", func(v ndview.NDView[uint8]) (image.Image, error) {
		return nilSafe(AsPaletted(v, color.Palette{color.Black}))
	}, nil, func(m image.Image, x, y int) []uint8 { return []uint8{m.(*image.Paletted).ColorIndexAt(x, y)} }},
}

// nilSafe returns a typed nil image as a nil interface.
func nilSafe[P interface {
	*Q
	image.Image
}, Q any](m P, err error) (image.Image, error) {
	if m == nil {
		return nil, err
	}
	return m, err
}

// prod returns the product of s.
func prod(s []int) int {
	p := 1
	for _, n := range s {
		p *= n
	}
	return p
}

func TestAsImageTypes(t *testing.T) {
	for _, af := range asFuncs {
		px := prod(af.inner)
		for _, tc := range []struct {
			name string
			mk   func() ndview.NDView[uint8]
		}{
			{"C", func() ndview.NDView[uint8] { return mustView(t, seqBytes(5*7*px), append([]int{5, 7}, af.inner...)...) }},
			{"cutout", func() ndview.NDView[uint8] {
				return mustView(t, seqBytes(9*11*px), append([]int{9, 11}, af.inner...)...).Slice(ndview.Range(2, 7), ndview.Range(3, 10))
			}},
			{"onerow", func() ndview.NDView[uint8] {
				return mustView(t, seqBytes(9*11*px), append([]int{9, 11}, af.inner...)...).Slice(ndview.Range(4, 5), ndview.Range(1, 4)).Flip(0)
			}},
			{"empty", func() ndview.NDView[uint8] {
				return mustView(t, seqBytes(9*11*px), append([]int{9, 11}, af.inner...)...).Slice(ndview.Range(4, 4))
			}},
		} {
			t.Run(af.name+"/"+tc.name, func(t *testing.T) {
				v := tc.mk()
				m, err := af.as(v)
				require.NoError(t, err)
				sh := v.Shape()
				require.Equal(t, image.Rect(0, 0, sh[1], sh[0]), m.Bounds())
				checkImageView(t, m, v, af.inner, af.pixel)
				if v.Size() == 0 {
					return
				}
				pix := pixOf(m)
				row := sh[1] * px
				stride := v.Strides()[0]
				if sh[0] == 1 {
					stride = row
				}
				assert.Equal(t, (sh[0]-1)*stride+row, len(pix), "len(Pix) covers exactly the view's rows")
				assert.Equal(t, len(pix), cap(pix), "cap(Pix)")
				idx := make([]int, v.NDim())
				v.Set(0xa5, idx...)
				assert.Equal(t, uint8(0xa5), pix[0], "Pix[0] is the view's first element")
				back, err := FromImage(m)
				if af.name == "AsPaletted" {
					back, _ = FromPaletted(m.(*image.Paletted))
					err = nil
				}
				require.NoError(t, err)
				assert.True(t, ndview.ArrayEqual(v, back), "FromImage(%s(v)) = %v, want %v", af.name, back, v)
			})
		}
	}
}

// seqBytes returns 0, 1, 2, … modulo 256.
func seqBytes(n int) []uint8 {
	b := make([]uint8, n)
	for i := range b {
		b[i] = uint8(i * 7)
	}
	return b
}

func TestAsImageTypesErrors(t *testing.T) {
	rgba := mustView(t, seqBytes(5*6*4), 5, 6, 4)
	gray := mustView(t, seqBytes(5*6), 5, 6)
	for _, tc := range []struct {
		name string
		f    func() error
		want error
		hint string
	}{
		{"rank", func() error { _, err := AsRGBA(gray); return err }, ndview.ErrShape, "(H, W, 4)"},
		{"channels", func() error {
			_, err := AsRGBA(rgba.Slice(ndview.Colon(), ndview.Colon(), ndview.Range(0, 3)))
			return err
		}, ndview.ErrShape, "(H, W, 4)"},
		{"flipped", func() error { _, err := AsRGBA(rgba.Flip(0)); return err }, ndview.ErrLayout, "Clone"},
		{"mirrored", func() error { _, err := AsRGBA(rgba.Flip(1)); return err }, ndview.ErrLayout, "strides (S, 4, 1)"},
		{"bgra", func() error { _, err := AsRGBA(rgba.Flip(2)); return err }, ndview.ErrLayout, "AsImage"},
		{"transposed", func() error { _, err := AsNRGBA(rgba.Transpose(1, 0, 2)); return err }, ndview.ErrLayout, "AsImage"},
		{"readonly", func() error { _, err := AsCMYK(rgba.AsReadOnly()); return err }, ndview.ErrReadOnly, "read-only"},
		{"gray-rank", func() error { _, err := AsGray(rgba); return err }, ndview.ErrShape, "(H, W)"},
		{"gray-step", func() error { _, err := AsGray(gray.Slice(ndview.Colon(), ndview.Step(2))); return err }, ndview.ErrLayout, "strides (S, 1)"},
		{"gray16-odd", func() error { _, err := AsGray16(gray); return err }, ndview.ErrShape, "(H, W, 2)"},
		{"rgba64", func() error { _, err := AsRGBA64(rgba); return err }, ndview.ErrShape, "(H, W, 4, 2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.f()
			require.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), tc.hint)
		})
	}
	// (H, W, 1) is accepted for one-byte pixels.
	g, err := AsGray(gray.ExpandDims(2))
	require.NoError(t, err)
	assert.Equal(t, image.Rect(0, 0, 6, 5), g.Bounds())
}

func TestImageAllocs(t *testing.T) {
	small := image.NewRGBA(image.Rect(0, 0, 3, 2))
	large := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	for _, tc := range []struct {
		name string
		f    func(m *image.RGBA)
	}{
		{"FromImage", func(m *image.RGBA) { _, _ = FromImage(m) }},
		{"AsRGBA", func(m *image.RGBA) { v, _ := FromImage(m); _, _ = AsRGBA(v) }},
		{"AsImage", func(m *image.RGBA) { v, _ := FromImage(m); _, _ = AsImage(v.Rot90(1), color.RGBAModel) }},
	} {
		a := testing.AllocsPerRun(20, func() { tc.f(small) })
		b := testing.AllocsPerRun(20, func() { tc.f(large) })
		assert.Equal(t, a, b, "%s allocations for 3×2 and 1920×1080", tc.name)
		assert.LessOrEqual(t, a, 5.0, "%s allocations", tc.name)
	}
}
