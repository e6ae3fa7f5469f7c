package interop

import (
	"image"
	"image/color"
	"image/draw"

	"github.com/ndkit/ndkit/ndview"
)

// AsImage: any view as an image, element by element. The concrete image
// types need one byte layout (see AsRGBA); an image made by AsImage reads
// and writes each pixel through the view's strides instead, so rotated,
// flipped, transposed and channel-strided views work without a copy.

var _ draw.RGBA64Image = (*viewImage)(nil)

// pixelKind says how the bytes of a pixel map to a colour.
type pixelKind uint8

const (
	kindRGBA  pixelKind = iota // 4 channels, premultiplied alpha
	kindNRGBA                  // 4 channels, straight alpha
	kindRGB                    // 3 channels, opaque, RGBAModel
	kindNRGB                   // 3 channels, opaque, NRGBAModel
	kindGray                   // 1 channel
	kindAlpha                  // 1 channel
	kindCMYK                   // 4 channels
)

// AsImage returns v as a draw.Image in the given colour model, sharing v's
// bytes: no copy, and writes through either are seen through the other.
// v may have any strides (a view rotated by Rot90, flipped, transposed, a
// planar (C, H, W) buffer seen as (H, W, C) through Transpose(1, 2, 0)).
// Pixel (x, y) is v's element (y, x, …), and the image's Bounds are
// (0, 0)-(W, H) for a view of H rows and W columns. The models and the
// views they take:
//
//	color.RGBAModel, NRGBAModel  (H, W, 4): R, G, B, A (premultiplied for RGBAModel)
//	                             (H, W, 3): R, G, B, opaque (alpha 255)
//	color.CMYKModel              (H, W, 4): C, M, Y, K
//	color.GrayModel, AlphaModel  (H, W) or (H, W, 1)
//
// The image follows image.Image's rules: At outside Bounds returns the
// model's zero colour, Set outside Bounds does nothing, and SubImage
// returns the part inside Bounds with the same coordinates, sharing
// pixels. At returns the model's own colour type (color.RGBA, color.NRGBA,
// color.Gray, color.Alpha, color.CMYK); Set converts with the model and
// stores the result, so a colour stored into a 3-channel view loses its
// alpha after the conversion (premultiplied RGB, that is the colour over
// black, for RGBAModel; the straight colour for NRGBAModel). The image
// also implements draw.RGBA64Image, whose RGBA64At and SetRGBA64 convert
// exactly like the methods of the matching image types (*image.RGBA, …)
// without allocating, and an Opaque method, so image/draw and image/png
// take their fastest generic paths.
//
// For a read-only v the image reads normally and every Set or SetRGBA64
// panics with an error wrapping ndview.ErrReadOnly, inside Bounds or not.
//
// AsImage returns an error wrapping ndview.ErrType for another model and
// one wrapping ndview.ErrShape when v's rank or channel count does not fit
// the model. It allocates the small image header, never pixels.
func AsImage(v ndview.NDView[uint8], model color.Model) (draw.Image, error) {
	const op = "AsImage"
	sh, st := v.Shape(), v.Strides()
	var kind pixelKind
	var nc int // channels
	switch model {
	case color.RGBAModel, color.NRGBAModel:
		if len(sh) != 3 || (sh[2] != 4 && sh[2] != 3) {
			return nil, errorf(op, ndview.ErrShape, "view has shape %s; an RGBA or NRGBA image needs (H, W, 4) or, opaque, (H, W, 3)", ndview.FormatShape(sh))
		}
		nc = sh[2]
		switch {
		case model == color.RGBAModel && nc == 4:
			kind = kindRGBA
		case model == color.RGBAModel:
			kind = kindRGB
		case nc == 4:
			kind = kindNRGBA
		default:
			kind = kindNRGB
		}
	case color.CMYKModel:
		if len(sh) != 3 || sh[2] != 4 {
			return nil, errorf(op, ndview.ErrShape, "view has shape %s; a CMYK image needs (H, W, 4)", ndview.FormatShape(sh))
		}
		kind, nc = kindCMYK, 4
	case color.GrayModel, color.AlphaModel:
		if len(sh) != 2 && (len(sh) != 3 || sh[2] != 1) {
			return nil, errorf(op, ndview.ErrShape, "view has shape %s; a Gray or Alpha image needs (H, W) or (H, W, 1)", ndview.FormatShape(sh))
		}
		kind, nc = kindGray, 1
		if model == color.AlphaModel {
			kind = kindAlpha
		}
	default:
		return nil, errorf(op, ndview.ErrType,
			"colour model %T is not one AsImage supports; use color.RGBAModel, NRGBAModel, GrayModel, AlphaModel or CMYKModel", model)
	}
	p := &viewImage{v: v, rect: image.Rect(0, 0, sh[1], sh[0]), off: v.Offset(), sy: st[0], sx: st[1], kind: kind, nc: nc, model: model}
	if len(sh) == 3 {
		p.sc = st[2]
	}
	if !v.ReadOnly() {
		p.pix, _ = v.Data()
	}
	return p, nil
}

// viewImage is a 2-D or 3-D byte view as a draw.Image. Pixel (x, y) is
// element (y, x, …) of v; rect is the visible part, (0, 0)-(W, H) or less
// after SubImage.
type viewImage struct {
	v          ndview.NDView[uint8]
	pix        []uint8 // v's backing data; nil when v is read-only
	rect       image.Rectangle
	off        int // v's offset
	sy, sx, sc int // v's row, column and channel strides
	kind       pixelKind
	nc         int // channels per pixel: 1, 3 or 4
	model      color.Model
}

// ColorModel returns the model AsImage was given.
func (p *viewImage) ColorModel() color.Model { return p.model }

// Bounds returns the visible rectangle.
func (p *viewImage) Bounds() image.Rectangle { return p.rect }

// bytes returns the channels of pixel (x, y), which must be inside rect;
// channels beyond nc are 0.
func (p *viewImage) bytes(x, y int) (b [4]uint8) {
	if p.pix != nil {
		o := p.off + y*p.sy + x*p.sx
		for k := range p.nc {
			b[k] = p.pix[o+k*p.sc]
		}
		return b
	}
	if p.v.NDim() == 2 {
		b[0] = p.v.At(y, x)
		return b
	}
	for k := range p.nc {
		b[k] = p.v.At(y, x, k)
	}
	return b
}

// At returns the colour of pixel (x, y) in the model's colour type, or the
// model's zero colour outside Bounds.
func (p *viewImage) At(x, y int) color.Color {
	in := image.Point{X: x, Y: y}.In(p.rect)
	var b [4]uint8
	if in {
		b = p.bytes(x, y)
	}
	switch p.kind {
	case kindRGBA:
		return color.RGBA{R: b[0], G: b[1], B: b[2], A: b[3]}
	case kindNRGBA:
		return color.NRGBA{R: b[0], G: b[1], B: b[2], A: b[3]}
	case kindRGB:
		if !in {
			return color.RGBA{}
		}
		return color.RGBA{R: b[0], G: b[1], B: b[2], A: 0xff}
	case kindNRGB:
		if !in {
			return color.NRGBA{}
		}
		return color.NRGBA{R: b[0], G: b[1], B: b[2], A: 0xff}
	case kindGray:
		return color.Gray{Y: b[0]}
	case kindAlpha:
		return color.Alpha{A: b[0]}
	}
	return color.CMYK{C: b[0], M: b[1], Y: b[2], K: b[3]}
}

// RGBA64At returns the colour of pixel (x, y) as At(x, y).RGBA() would,
// also outside Bounds (where the zero CMYK colour is opaque white and the
// zero Gray colour opaque black), without allocating.
func (p *viewImage) RGBA64At(x, y int) color.RGBA64 {
	in := image.Point{X: x, Y: y}.In(p.rect)
	var b [4]uint8
	if in {
		b = p.bytes(x, y)
	} else if p.kind == kindRGB || p.kind == kindNRGB {
		return color.RGBA64{}
	}
	var r, g, bl, a uint32
	switch p.kind {
	case kindRGBA:
		r, g, bl, a = color.RGBA{R: b[0], G: b[1], B: b[2], A: b[3]}.RGBA()
	case kindNRGBA:
		r, g, bl, a = color.NRGBA{R: b[0], G: b[1], B: b[2], A: b[3]}.RGBA()
	case kindRGB, kindNRGB:
		r, g, bl, a = color.RGBA{R: b[0], G: b[1], B: b[2], A: 0xff}.RGBA()
	case kindGray:
		r, g, bl, a = color.Gray{Y: b[0]}.RGBA()
	case kindAlpha:
		r, g, bl, a = color.Alpha{A: b[0]}.RGBA()
	default:
		r, g, bl, a = color.CMYK{C: b[0], M: b[1], Y: b[2], K: b[3]}.RGBA()
	}
	return color.RGBA64{R: uint16(r), G: uint16(g), B: uint16(bl), A: uint16(a)}
}

// store writes the first nc channels of b to pixel (x, y), which must be
// inside rect, of a writable image.
func (p *viewImage) store(x, y int, b [4]uint8) {
	o := p.off + y*p.sy + x*p.sx
	for k := range p.nc {
		p.pix[o+k*p.sc] = b[k]
	}
}

// checkWritable panics when the image views read-only data.
func (p *viewImage) checkWritable(op string) {
	if p.v.ReadOnly() {
		panicf(op, ndview.ErrReadOnly, "the image views read-only data; AsImage(v.Clone(), model) gives a writable copy")
	}
}

// Set stores c, converted to the image's model, at pixel (x, y); outside
// Bounds it does nothing. It panics with an error wrapping
// ndview.ErrReadOnly when the image views read-only data.
func (p *viewImage) Set(x, y int, c color.Color) {
	p.checkWritable("AsImage.Set")
	if !(image.Point{X: x, Y: y}.In(p.rect)) {
		return
	}
	var b [4]uint8
	switch p.kind {
	case kindRGBA, kindRGB:
		k := color.RGBAModel.Convert(c).(color.RGBA)
		b = [4]uint8{k.R, k.G, k.B, k.A}
	case kindNRGBA, kindNRGB:
		k := color.NRGBAModel.Convert(c).(color.NRGBA)
		b = [4]uint8{k.R, k.G, k.B, k.A}
	case kindGray:
		b[0] = color.GrayModel.Convert(c).(color.Gray).Y
	case kindAlpha:
		b[0] = color.AlphaModel.Convert(c).(color.Alpha).A
	default:
		k := color.CMYKModel.Convert(c).(color.CMYK)
		b = [4]uint8{k.C, k.M, k.Y, k.K}
	}
	p.store(x, y, b)
}

// SetRGBA64 stores c at pixel (x, y) as the matching image type's
// SetRGBA64 does (*image.RGBA, *image.NRGBA, …), without allocating;
// outside Bounds it does nothing. It panics like Set for a read-only
// image.
func (p *viewImage) SetRGBA64(x, y int, c color.RGBA64) {
	p.checkWritable("AsImage.SetRGBA64")
	if !(image.Point{X: x, Y: y}.In(p.rect)) {
		return
	}
	r, g, b, a := uint32(c.R), uint32(c.G), uint32(c.B), uint32(c.A)
	var s [4]uint8
	switch p.kind {
	case kindRGBA, kindRGB:
		s = [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	case kindNRGBA, kindNRGB:
		if a != 0 && a != 0xffff { // undo the premultiplication
			r, g, b = r*0xffff/a, g*0xffff/a, b*0xffff/a
		}
		s = [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	case kindGray:
		// The luma weights of color.GrayModel (ITU-R BT.601), 16.16 fixed point.
		s[0] = uint8((19595*r + 38470*g + 7471*b + 1<<15) >> 24)
	case kindAlpha:
		s[0] = uint8(a >> 8)
	default:
		s[0], s[1], s[2], s[3] = color.RGBToCMYK(uint8(r>>8), uint8(g>>8), uint8(b>>8))
	}
	p.store(x, y, s)
}

// Opaque reports whether every pixel inside Bounds is fully opaque: always
// for the kinds without alpha, otherwise by scanning the alpha channel.
func (p *viewImage) Opaque() bool {
	var ch int // the alpha channel
	switch p.kind {
	case kindRGBA, kindNRGBA:
		ch = 3
	case kindAlpha:
		ch = 0
	default:
		return true
	}
	for y := p.rect.Min.Y; y < p.rect.Max.Y; y++ {
		for x := p.rect.Min.X; x < p.rect.Max.X; x++ {
			if p.bytes(x, y)[ch] != 0xff {
				return false
			}
		}
	}
	return true
}

// SubImage returns the part of the image inside r, clipped to Bounds, with
// the same coordinates, sharing its pixels.
func (p *viewImage) SubImage(r image.Rectangle) image.Image {
	q := *p
	q.rect = r.Intersect(p.rect)
	return &q
}
