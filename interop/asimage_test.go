package interop

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ndkit/ndkit/ndview"
)

// models lists the colour models AsImage takes with a channel count each,
// and the concrete image type that serves as the oracle: AsImage must
// behave like it, pixel for pixel. For 3 channels the oracle has a fourth
// (alpha) channel, which is not compared.
var models = []struct {
	name  string
	model color.Model
	nc    int // channels; 0 for a 2-D view
	mk    func(w, h int) draw.Image
}{
	{"RGBA", color.RGBAModel, 4, func(w, h int) draw.Image { return image.NewRGBA(image.Rect(0, 0, w, h)) }},
	{"NRGBA", color.NRGBAModel, 4, func(w, h int) draw.Image { return image.NewNRGBA(image.Rect(0, 0, w, h)) }},
	{"RGB", color.RGBAModel, 3, func(w, h int) draw.Image { return image.NewRGBA(image.Rect(0, 0, w, h)) }},
	{"NRGB", color.NRGBAModel, 3, func(w, h int) draw.Image { return image.NewNRGBA(image.Rect(0, 0, w, h)) }},
	{"CMYK", color.CMYKModel, 4, func(w, h int) draw.Image { return image.NewCMYK(image.Rect(0, 0, w, h)) }},
	{"Gray", color.GrayModel, 0, func(w, h int) draw.Image { return image.NewGray(image.Rect(0, 0, w, h)) }},
	{"Alpha", color.AlphaModel, 0, func(w, h int) draw.Image { return image.NewAlpha(image.Rect(0, 0, w, h)) }},
	{"Gray-HW1", color.GrayModel, 1, func(w, h int) draw.Image { return image.NewGray(image.Rect(0, 0, w, h)) }},
}

// transforms turn a view of shape (5, 7[, c]) into views of every kind of
// layout; planar starts from a (c, 5, 7) buffer.
var transforms = []struct {
	name string
	f    func(v ndview.NDView[uint8]) ndview.NDView[uint8]
}{
	{"C", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v }},
	{"flip0", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Flip(0) }},
	{"flip1", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Flip(1) }},
	{"rot90", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Rot90(1) }},
	{"rot270", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Rot90(-1) }},
	{"rot180", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Rot90(2) }},
	{"transpose", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.SwapAxes(0, 1) }},
	{"cutout", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Slice(ndview.Range(1, 4), ndview.Step(-2)) }},
	{"planar", nil},
}

// modelView returns a view of shape (5, 7[, nc]) for m, transformed, over
// random bytes.
func modelView(t *testing.T, rng *rand.Rand, nc int, tr func(ndview.NDView[uint8]) ndview.NDView[uint8]) ndview.NDView[uint8] {
	shape := []int{5, 7}
	if nc > 0 {
		shape = append(shape, nc)
	}
	buf := make([]uint8, prod(shape))
	fillRandom(rng, buf)
	if tr == nil { // planar: (c, H, W) seen as (H, W, c)
		if nc == 0 {
			return mustView(t, buf, 5, 7).T().T()
		}
		return mustView(t, buf, nc, 5, 7).Transpose(1, 2, 0)
	}
	return tr(mustView(t, buf, shape...))
}

// oracleOf returns a concrete image holding the pixels of view w, built by
// hand from w's elements; alpha is 255 for 3-channel views.
func oracleOf(w ndview.NDView[uint8], mk func(w, h int) draw.Image) draw.Image {
	sh := w.Shape()
	m := mk(sh[1], sh[0])
	pix, stride := pixOf(m), 0
	switch m := m.(type) {
	case *image.RGBA:
		stride = m.Stride
	case *image.NRGBA:
		stride = m.Stride
	case *image.CMYK:
		stride = m.Stride
	case *image.Gray:
		stride = m.Stride
	case *image.Alpha:
		stride = m.Stride
	}
	px := stride / max(sh[1], 1)
	for i := range sh[0] {
		for j := range sh[1] {
			b := viewPixel(w, i, j)
			if len(b) == 3 {
				b = append(b, 0xff)
			}
			copy(pix[i*stride+j*px:], b)
		}
	}
	return m
}

func TestAsImageReads(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, md := range models {
		for _, tr := range transforms {
			for _, ro := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/readonly=%v", md.name, tr.name, ro), func(t *testing.T) {
					w := modelView(t, rng, md.nc, tr.f)
					if ro {
						w = w.AsReadOnly()
					}
					p, err := AsImage(w, md.model)
					require.NoError(t, err)
					want := oracleOf(w, md.mk)
					require.Equal(t, want.Bounds(), p.Bounds())
					assert.Equal(t, md.model, p.ColorModel())
					b := p.Bounds()
					for y := b.Min.Y - 1; y <= b.Max.Y; y++ {
						for x := b.Min.X - 1; x <= b.Max.X; x++ {
							assert.Equal(t, want.At(x, y), p.At(x, y), "At(%d, %d)", x, y)
							assert.Equal(t, want.(image.RGBA64Image).RGBA64At(x, y), p.(image.RGBA64Image).RGBA64At(x, y), "RGBA64At(%d, %d)", x, y)
						}
					}
					o, ok := want.(interface{ Opaque() bool })
					require.True(t, ok)
					assert.Equal(t, o.Opaque(), p.(interface{ Opaque() bool }).Opaque(), "Opaque()")
				})
			}
		}
	}
}

// randomColor returns a random colour of a random type.
func randomColor(rng *rand.Rand) color.Color {
	u8 := func() uint8 { return uint8(rng.Uint32()) }
	a := u8()
	pm := func() uint8 { return uint8(rng.IntN(int(a) + 1)) } // <= a: valid premultiplied
	switch rng.IntN(8) {
	case 0:
		return color.RGBA{R: pm(), G: pm(), B: pm(), A: a}
	case 1:
		return color.NRGBA{R: u8(), G: u8(), B: u8(), A: a}
	case 2:
		return color.Gray{Y: u8()}
	case 3:
		return color.Alpha{A: a}
	case 4:
		return color.CMYK{C: u8(), M: u8(), Y: u8(), K: u8()}
	case 5:
		return color.YCbCr{Y: u8(), Cb: u8(), Cr: u8()}
	case 6:
		return color.NRGBA64{R: uint16(rng.Uint32()), G: uint16(rng.Uint32()), B: uint16(rng.Uint32()), A: uint16(rng.Uint32())}
	}
	return color.RGBA{R: a, G: a, B: 0, A: 0xff}
}

// randomRGBA64 returns a random valid premultiplied colour.
func randomRGBA64(rng *rand.Rand) color.RGBA64 {
	a := uint16(rng.Uint32())
	if rng.IntN(4) == 0 {
		a = 0xffff
	}
	pm := func() uint16 { return uint16(rng.IntN(int(a) + 1)) }
	return color.RGBA64{R: pm(), G: pm(), B: pm(), A: a}
}

func TestAsImageWrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for _, md := range models {
		for _, tr := range transforms {
			t.Run(md.name+"/"+tr.name, func(t *testing.T) {
				w := modelView(t, rng, md.nc, tr.f)
				want := oracleOf(w, md.mk)
				p, err := AsImage(w, md.model)
				require.NoError(t, err)
				d := p.(draw.RGBA64Image)
				b := p.Bounds()
				for range 200 {
					x, y := rng.IntN(b.Dx()+2)-1, rng.IntN(b.Dy()+2)-1
					if rng.IntN(2) == 0 {
						c := randomColor(rng)
						p.Set(x, y, c)
						want.Set(x, y, c)
					} else {
						c := randomRGBA64(rng)
						d.SetRGBA64(x, y, c)
						want.(draw.RGBA64Image).SetRGBA64(x, y, c)
					}
				}
				for i := range b.Dy() {
					for j := range b.Dx() {
						got := viewPixel(w, i, j)
						assert.Equal(t, oraclePixel(want, j, i)[:len(got)], got, "view pixel (%d, %d) after the same writes", j, i)
					}
				}
			})
		}
	}
}

// oraclePixel returns the bytes of pixel (x, y) of a concrete image.
func oraclePixel(m image.Image, x, y int) []uint8 {
	for _, it := range imageTypes {
		if fmt.Sprintf("%T", it.mk(image.Rectangle{})) == fmt.Sprintf("%T", m) {
			return it.pixel(m, x, y)
		}
	}
	panic(fmt.Sprintf("%T", m))
}

func TestAsImageReadOnly(t *testing.T) {
	v := mustView(t, seqBytes(5*7*4), 5, 7, 4).AsReadOnly()
	p, err := AsImage(v.Rot90(1), color.NRGBAModel)
	require.NoError(t, err)
	assert.Equal(t, color.NRGBA{R: v.At(0, 6, 0), G: v.At(0, 6, 1), B: v.At(0, 6, 2), A: v.At(0, 6, 3)}, p.At(0, 0))
	for _, pt := range []image.Point{{0, 0}, {-1, 0}, {100, 100}} {
		assert.ErrorIs(t, panicValue(func() { p.Set(pt.X, pt.Y, color.White) }), ndview.ErrReadOnly, "Set(%v)", pt)
		assert.ErrorIs(t, panicValue(func() { p.(draw.RGBA64Image).SetRGBA64(pt.X, pt.Y, color.RGBA64{}) }), ndview.ErrReadOnly, "SetRGBA64(%v)", pt)
	}
	b, err := AsImage(must(mustView(t, []uint8{1, 2, 3}, 3).BroadcastTo(4, 3)), color.GrayModel)
	require.NoError(t, err)
	assert.Equal(t, color.Gray{Y: 3}, b.At(2, 3), "a broadcast view is readable")
	assert.ErrorIs(t, panicValue(func() { b.Set(0, 0, color.Black) }), ndview.ErrReadOnly)
}

func TestAsImageSubImage(t *testing.T) {
	v := mustView(t, seqBytes(5*7), 5, 7).Flip(1)
	p, err := AsImage(v, color.GrayModel)
	require.NoError(t, err)
	s := p.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(2, 1, 100, 3))
	assert.Equal(t, image.Rect(2, 1, 7, 3), s.Bounds(), "SubImage clips to Bounds")
	for y := -1; y < 6; y++ {
		for x := -1; x < 8; x++ {
			want := color.Gray{}
			if (image.Point{x, y}).In(s.Bounds()) {
				want = p.At(x, y).(color.Gray)
			}
			assert.Equal(t, want, s.At(x, y), "SubImage At(%d, %d)", x, y)
		}
	}
	s.(draw.Image).Set(4, 2, color.Gray{Y: 200})
	assert.Equal(t, uint8(200), v.At(2, 4), "view after a Set through the sub-image")
	s.(draw.Image).Set(0, 0, color.Gray{Y: 201}) // outside the sub-image
	assert.NotEqual(t, uint8(201), v.At(0, 0), "a Set outside the sub-image does nothing")
	e := p.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(10, 10, 20, 20))
	assert.True(t, e.Bounds().Empty())
	assert.Equal(t, color.Gray{}, e.At(10, 10))
}

func TestAsImageErrors(t *testing.T) {
	rgba := mustView(t, make([]uint8, 2*3*4), 2, 3, 4)
	gray := mustView(t, make([]uint8, 6), 2, 3)
	for _, tc := range []struct {
		name  string
		v     ndview.NDView[uint8]
		model color.Model
		want  error
	}{
		{"gray16", gray, color.Gray16Model, ndview.ErrType},
		{"rgba-2d", gray, color.RGBAModel, ndview.ErrShape},
		{"rgba-2ch", rgba.Slice(ndview.Colon(), ndview.Colon(), ndview.Range(0, 2)), color.NRGBAModel, ndview.ErrShape},
		{"cmyk-3ch", rgba.Slice(ndview.Colon(), ndview.Colon(), ndview.Range(0, 3)), color.CMYKModel, ndview.ErrShape},
		{"gray-4ch", rgba, color.GrayModel, ndview.ErrShape},
		{"alpha-1d", mustView(t, make([]uint8, 3)), color.AlphaModel, ndview.ErrShape},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := AsImage(tc.v, tc.model)
			assert.Nil(t, p)
			assert.ErrorIs(t, err, tc.want)
		})
	}
}

// TestAsImageDraw draws through image/draw into a rotated view and
// compares with the same drawing on a concrete image.
func TestAsImageDraw(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	buf := make([]uint8, 6*9*4)
	fillRandom(rng, buf)
	v := mustView(t, buf, 6, 9, 4).Rot90(1) // (9, 6, 4)
	want := oracleOf(v, models[0].mk)
	src := image.NewNRGBA(image.Rect(0, 0, 4, 5))
	fillRandom(rng, src.Pix)
	mask := image.NewAlpha(image.Rect(0, 0, 4, 5))
	fillRandom(rng, mask.Pix)
	p, err := AsImage(v, color.RGBAModel)
	require.NoError(t, err)
	for _, op := range []draw.Op{draw.Over, draw.Src} {
		r := image.Rect(1, 2, 5, 7)
		draw.DrawMask(p, r, src, image.Point{}, mask, image.Point{}, op)
		draw.DrawMask(want, r, src, image.Point{}, mask, image.Point{}, op)
	}
	assert.Equal(t, pixOf(want), pixOf(oracleOf(v, models[0].mk)), "view after draw.DrawMask")
}

// TestAsImagePNG encodes rotated and flipped views with image/png and
// checks the decoded image against the rotation done by hand.
func TestAsImagePNG(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	src := image.NewNRGBA(image.Rect(-2, 3, 5, 8)) // 7×5, away from the origin
	fillRandom(rng, src.Pix)
	opaque := image.NewNRGBA(src.Rect)
	copy(opaque.Pix, src.Pix)
	for i := 3; i < len(opaque.Pix); i += 4 {
		opaque.Pix[i] = 0xff
	}
	gray := image.NewGray(src.Rect)
	fillRandom(rng, gray.Pix)
	W, H := src.Rect.Dx(), src.Rect.Dy()
	// Each transform maps output pixel (x, y) to source pixel (sx, sy),
	// relative to the source's Min, written out by hand.
	for _, tr := range []struct {
		name   string
		f      func(ndview.NDView[uint8]) ndview.NDView[uint8]
		w, h   int
		source func(x, y int) (int, int)
	}{
		{"rot90", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Rot90(1) }, H, W,
			func(x, y int) (int, int) { return W - 1 - y, x }},
		{"rot270", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Rot90(-1) }, H, W,
			func(x, y int) (int, int) { return y, H - 1 - x }},
		{"rot90-flip", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Rot90(1).Flip(1) }, H, W,
			func(x, y int) (int, int) { return W - 1 - y, H - 1 - x }},
		{"flipud", func(v ndview.NDView[uint8]) ndview.NDView[uint8] { return v.Flip(0) }, W, H,
			func(x, y int) (int, int) { return x, H - 1 - y }},
	} {
		for _, in := range []struct {
			name  string
			img   image.Image
			model color.Model
			rgb   bool // view only the first three channels
		}{
			{"NRGBA", src, color.NRGBAModel, false},
			{"RGBA-opaque", opaque, color.RGBAModel, false},
			{"RGB", src, color.RGBAModel, true},
			{"Gray", gray, color.GrayModel, false},
		} {
			t.Run(tr.name+"/"+in.name, func(t *testing.T) {
				v, err := FromImage(in.img)
				require.NoError(t, err)
				if in.rgb {
					v = v.Slice(ndview.Colon(), ndview.Colon(), ndview.Range(0, 3))
				}
				p, err := AsImage(tr.f(v), in.model)
				require.NoError(t, err)
				var buf bytes.Buffer
				require.NoError(t, png.Encode(&buf, p))
				dec, err := png.Decode(&buf)
				require.NoError(t, err)
				require.Equal(t, image.Rect(0, 0, tr.w, tr.h), dec.Bounds())
				min := in.img.Bounds().Min
				for y := range tr.h {
					for x := range tr.w {
						sx, sy := tr.source(x, y)
						var want color.Color
						switch m := in.img.(type) {
						case *image.Gray:
							want = m.GrayAt(min.X+sx, min.Y+sy)
						case *image.NRGBA:
							c := m.NRGBAAt(min.X+sx, min.Y+sy)
							if in.rgb {
								c.A = 0xff
							}
							want = c
						}
						assert.Equal(t, in.model.Convert(want), in.model.Convert(dec.At(x, y)), "decoded pixel (%d, %d)", x, y)
					}
				}
			})
		}
	}
}

func TestAsImageAllocs(t *testing.T) {
	v := mustView(t, seqBytes(5*7*4), 5, 7, 4).Rot90(1)
	p, err := AsImage(v, color.NRGBAModel)
	require.NoError(t, err)
	d := p.(draw.RGBA64Image)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = d.RGBA64At(1, 2) }), "RGBA64At allocs")
	assert.Zero(t, testing.AllocsPerRun(100, func() { d.SetRGBA64(1, 2, color.RGBA64{R: 1, A: 2}) }), "SetRGBA64 allocs")
	assert.Zero(t, testing.AllocsPerRun(100, func() { p.Set(1, 2, color.NRGBA{R: 1, A: 2}) }), "Set allocs for the model's own colour type")
}
