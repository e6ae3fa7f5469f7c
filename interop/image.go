package interop

import (
	"image"
	"image/color"
	"math"

	"github.com/ndkit/ndkit/ndview"
)

// Image buffers as views and views as image buffers. The buffer is the
// model: Go's image types keep their pixels in Pix, row y of the image at
// Pix[(y−Rect.Min.Y)·Stride:], each pixel a fixed number of bytes. A view
// of that buffer has the image's height and width as its first two axes,
// the row stride Stride and, for multi-byte pixels, trailing axes for the
// bytes of a pixel:
//
//	image type                 view shape       strides
//	*image.RGBA, NRGBA, CMYK   (H, W, 4)        (Stride, 4, 1)
//	*image.Gray, Alpha         (H, W)           (Stride, 1)
//	*image.RGBA64, NRGBA64     (H, W, 4, 2)     (Stride, 8, 2, 1)
//	*image.Gray16, Alpha16     (H, W, 2)        (Stride, 2, 1)
//	*image.Paletted            (H, W)           (Stride, 1)
//
// View index (i, j, …) is pixel (Rect.Min.X+j, Rect.Min.Y+i): a view
// always starts at 0, whatever the image's origin.

// FromImage returns a view of img's pixel bytes, sharing them: a write
// through the view changes the image and the other way round. Shapes and
// strides follow the table above; for the 16-bit types the last axis holds
// the two bytes of a sample, high byte first, so the C-order bytes of the
// view are the image's rows (v.Index("..., 0") is an 8-bit (H, W, 4) view
// of the high bytes; CopyImage16 decodes samples into uint16). The image's Rect and Stride are honoured, so the pixels of
// a SubImage are viewed in place. FromImage is O(1) and allocates nothing.
//
// FromImage returns an error wrapping ndview.ErrType for any other type of
// image, naming the function to use instead (FromYCbCr, FromNYCbCrA,
// FromPaletted, or draw.Draw into an *image.RGBA), and one wrapping
// ndview.ErrBounds, ErrLayout or ErrOverflow when the image's Pix, Stride
// and Rect are inconsistent (rows overlapping, Pix too short).
func FromImage(img image.Image) (ndview.NDView[uint8], error) {
	const op = "FromImage"
	switch m := img.(type) {
	case *image.RGBA:
		return fromPix(op, "*image.RGBA", m.Pix, m.Stride, m.Rect, 4)
	case *image.NRGBA:
		return fromPix(op, "*image.NRGBA", m.Pix, m.Stride, m.Rect, 4)
	case *image.CMYK:
		return fromPix(op, "*image.CMYK", m.Pix, m.Stride, m.Rect, 4)
	case *image.Gray:
		return fromPix(op, "*image.Gray", m.Pix, m.Stride, m.Rect, 0)
	case *image.Alpha:
		return fromPix(op, "*image.Alpha", m.Pix, m.Stride, m.Rect, 0)
	case *image.RGBA64:
		return fromPix(op, "*image.RGBA64", m.Pix, m.Stride, m.Rect, 4, 2)
	case *image.NRGBA64:
		return fromPix(op, "*image.NRGBA64", m.Pix, m.Stride, m.Rect, 4, 2)
	case *image.Gray16:
		return fromPix(op, "*image.Gray16", m.Pix, m.Stride, m.Rect, 2)
	case *image.Alpha16:
		return fromPix(op, "*image.Alpha16", m.Pix, m.Stride, m.Rect, 2)
	case *image.YCbCr:
		return ndview.NDView[uint8]{}, errorf(op, ndview.ErrType,
			"*image.YCbCr keeps three planes of different sizes, not one pixel buffer; FromYCbCr views each plane")
	case *image.NYCbCrA:
		return ndview.NDView[uint8]{}, errorf(op, ndview.ErrType,
			"*image.NYCbCrA keeps four planes of different sizes, not one pixel buffer; FromNYCbCrA views each plane")
	case *image.Paletted:
		return ndview.NDView[uint8]{}, errorf(op, ndview.ErrType,
			"*image.Paletted holds palette indices, not colours; FromPaletted views the indices and returns the palette")
	case nil:
		return ndview.NDView[uint8]{}, errorf(op, ndview.ErrType, "image is nil")
	}
	return ndview.NDView[uint8]{}, errorf(op, ndview.ErrType,
		"%T has no pixel buffer FromImage can view; draw it into an *image.RGBA with "+
			"draw.Draw(dst, dst.Bounds(), img, img.Bounds().Min, draw.Src) and view that", img)
}

// FromPaletted returns a view of m's palette indices, shape (H, W) and
// strides (Stride, 1), sharing them, and m's palette (the same slice, not a
// copy). FromPaletted panics with an error wrapping ndview.ErrBounds,
// ErrLayout or ErrOverflow when m's Pix, Stride and Rect are inconsistent.
func FromPaletted(m *image.Paletted) (ndview.NDView[uint8], color.Palette) {
	v, err := fromPix("FromPaletted", "*image.Paletted", m.Pix, m.Stride, m.Rect, 0)
	if err != nil {
		panic(err)
	}
	return v, m.Palette
}

// span1 returns the length of the half-open interval [lo, hi), 0 when it is
// empty, and false when the length overflows int.
func span1(lo, hi int) (int, bool) {
	if hi <= lo {
		return 0, true
	}
	d := hi - lo
	return d, d > 0
}

// pixShape returns the height, width and the bytes per pixel and per row
// of an image with rectangle r and pixels of c0·c1 bytes (c1 0 for a
// single channel axis, c0 0 for one byte per pixel).
func pixShape(op, what string, r image.Rectangle, c0, c1 int) (h, w, px, row int, err error) {
	h, okh := span1(r.Min.Y, r.Max.Y)
	w, okw := span1(r.Min.X, r.Max.X)
	if !okh || !okw {
		return 0, 0, 0, 0, errorf(op, ndview.ErrOverflow, "%s with Rect %v: its size overflows int", what, r)
	}
	px = max(c0, 1) * max(c1, 1)
	if w > math.MaxInt/px {
		return 0, 0, 0, 0, errorf(op, ndview.ErrOverflow, "%s with Rect %v: a row of %d pixels of %d bytes overflows int", what, r, w, px)
	}
	return h, w, px, w * px, nil
}

// fromPix returns the view of an image buffer (pix, stride, r) whose pixels
// have trailing axes c0 and c1 (0 for none): shape (H, W[, c0[, c1]]),
// C-contiguous within a row, rows stride apart, starting at pix[0] (the
// image types keep pixel r.Min there, also after SubImage).
func fromPix(op, what string, pix []uint8, stride int, r image.Rectangle, c ...int) (ndview.NDView[uint8], error) {
	var c0, c1 int
	if len(c) > 0 {
		c0 = c[0]
	}
	if len(c) > 1 {
		c1 = c[1]
	}
	h, w, px, row, err := pixShape(op, what, r, c0, c1)
	if err != nil {
		return ndview.NDView[uint8]{}, err
	}
	if h > 1 && w > 0 && stride < row {
		return ndview.NDView[uint8]{}, errorf(op, ndview.ErrLayout,
			"%s with Rect %v has Stride %d; rows of %d bytes need a Stride >= %d, or they would overlap", what, r, stride, row, row)
	}
	var v ndview.NDView[uint8]
	switch {
	case c0 == 0:
		v, err = ndview.Wrap(pix, 0, []int{h, w}, []int{stride, 1})
	case c1 == 0:
		v, err = ndview.Wrap(pix, 0, []int{h, w, c0}, []int{stride, px, 1})
	default:
		v, err = ndview.Wrap(pix, 0, []int{h, w, c0, c1}, []int{stride, px, c1, 1})
	}
	if err != nil {
		return ndview.NDView[uint8]{}, rewrap(op, what+" (Rect, Stride and Pix)", err)
	}
	return v, nil
}

// AsRGBA returns v as an *image.RGBA sharing v's bytes: no copy, and
// writes through either are seen through the other. v must be writable
// (an RGBA exposes Pix) and have shape (H, W, 4) with strides (S, 4, 1)
// and a row stride S >= 4·W (a single row may have any S; the stride of an
// axis of extent 1 never matters). The image's Rect is (0, 0)-(W, H), its
// Stride is S and its Pix starts at the view's first element and ends with
// its last, so Pix covers exactly the view's rows. An empty view gives an
// image with empty bounds. AsRGBA is O(1); it allocates only the image
// header.
//
// Otherwise AsRGBA returns an error wrapping ndview.ErrShape (wrong rank or
// channel count), ndview.ErrReadOnly, or ndview.ErrLayout naming the
// layout needed: a view with other strides (a flipped, rotated or
// transposed one) works with AsImage without a copy, or with AsRGBA after
// v.Clone().
func AsRGBA(v ndview.NDView[uint8]) (*image.RGBA, error) {
	pix, stride, r, err := asPix("AsRGBA", v, 4, 0)
	if err != nil {
		return nil, err
	}
	return &image.RGBA{Pix: pix, Stride: stride, Rect: r}, nil
}

// AsNRGBA returns v as an *image.NRGBA (non-premultiplied alpha) sharing
// v's bytes, under the rules and with the errors of AsRGBA.
func AsNRGBA(v ndview.NDView[uint8]) (*image.NRGBA, error) {
	pix, stride, r, err := asPix("AsNRGBA", v, 4, 0)
	if err != nil {
		return nil, err
	}
	return &image.NRGBA{Pix: pix, Stride: stride, Rect: r}, nil
}

// AsCMYK returns v as an *image.CMYK sharing v's bytes, under the rules
// and with the errors of AsRGBA.
func AsCMYK(v ndview.NDView[uint8]) (*image.CMYK, error) {
	pix, stride, r, err := asPix("AsCMYK", v, 4, 0)
	if err != nil {
		return nil, err
	}
	return &image.CMYK{Pix: pix, Stride: stride, Rect: r}, nil
}

// AsGray returns v as an *image.Gray sharing v's bytes: no copy, and
// writes through either are seen through the other. v must be writable
// and have shape (H, W) with strides (S, 1), or (H, W, 1), and a row
// stride S >= W. Rect, Stride and Pix are as for AsRGBA, and so are the
// errors.
func AsGray(v ndview.NDView[uint8]) (*image.Gray, error) {
	pix, stride, r, err := asPix("AsGray", v, 0, 0)
	if err != nil {
		return nil, err
	}
	return &image.Gray{Pix: pix, Stride: stride, Rect: r}, nil
}

// AsAlpha returns v as an *image.Alpha sharing v's bytes, under the rules
// and with the errors of AsGray.
func AsAlpha(v ndview.NDView[uint8]) (*image.Alpha, error) {
	pix, stride, r, err := asPix("AsAlpha", v, 0, 0)
	if err != nil {
		return nil, err
	}
	return &image.Alpha{Pix: pix, Stride: stride, Rect: r}, nil
}

// AsPaletted returns v, a view of palette indices, as an *image.Paletted
// with palette p, sharing v's bytes, under the rules and with the errors
// of AsGray. Indices outside p are the caller's business, as with any
// Paletted image.
func AsPaletted(v ndview.NDView[uint8], p color.Palette) (*image.Paletted, error) {
	pix, stride, r, err := asPix("AsPaletted", v, 0, 0)
	if err != nil {
		return nil, err
	}
	return &image.Paletted{Pix: pix, Stride: stride, Rect: r, Palette: p}, nil
}

// AsRGBA64 returns v, a byte view of shape (H, W, 4, 2) with strides
// (S, 8, 2, 1) holding big-endian 16-bit samples (the layout FromImage
// gives an *image.RGBA64), as an *image.RGBA64 sharing v's bytes, under
// the rules and with the errors of AsRGBA.
func AsRGBA64(v ndview.NDView[uint8]) (*image.RGBA64, error) {
	pix, stride, r, err := asPix("AsRGBA64", v, 4, 2)
	if err != nil {
		return nil, err
	}
	return &image.RGBA64{Pix: pix, Stride: stride, Rect: r}, nil
}

// AsNRGBA64 returns v, a byte view of shape (H, W, 4, 2) as for AsRGBA64,
// as an *image.NRGBA64 sharing v's bytes.
func AsNRGBA64(v ndview.NDView[uint8]) (*image.NRGBA64, error) {
	pix, stride, r, err := asPix("AsNRGBA64", v, 4, 2)
	if err != nil {
		return nil, err
	}
	return &image.NRGBA64{Pix: pix, Stride: stride, Rect: r}, nil
}

// AsGray16 returns v, a byte view of shape (H, W, 2) with strides (S, 2, 1)
// holding big-endian 16-bit samples, as an *image.Gray16 sharing v's bytes,
// under the rules and with the errors of AsRGBA.
func AsGray16(v ndview.NDView[uint8]) (*image.Gray16, error) {
	pix, stride, r, err := asPix("AsGray16", v, 2, 0)
	if err != nil {
		return nil, err
	}
	return &image.Gray16{Pix: pix, Stride: stride, Rect: r}, nil
}

// AsAlpha16 returns v, a byte view of shape (H, W, 2) as for AsGray16, as
// an *image.Alpha16 sharing v's bytes.
func AsAlpha16(v ndview.NDView[uint8]) (*image.Alpha16, error) {
	pix, stride, r, err := asPix("AsAlpha16", v, 2, 0)
	if err != nil {
		return nil, err
	}
	return &image.Alpha16{Pix: pix, Stride: stride, Rect: r}, nil
}

// asPix returns the Pix, Stride and Rect of an image buffer sharing the
// bytes of v, which must have shape (H, W[, c0[, c1]]) (c0, c1 0 for no
// such axis), be C-contiguous within each row and have a positive row
// stride no smaller than a row, or op's error naming that layout. A view
// for one byte per pixel may also have shape (H, W, 1).
func asPix(op string, v ndview.NDView[uint8], c0, c1 int) (pix []uint8, stride int, r image.Rectangle, err error) {
	sh, st := v.Shape(), v.Strides()
	if c0 == 0 && len(sh) == 3 && sh[2] == 1 {
		sh, st = sh[:2], st[:2]
	}
	want := 2
	if c0 > 0 {
		want++
	}
	if c1 > 0 {
		want++
	}
	if len(sh) != want || (c0 > 0 && sh[2] != c0) || (c1 > 0 && sh[3] != c1) {
		return nil, 0, r, errorf(op, ndview.ErrShape, "view has shape %s; %s needs %s", ndview.FormatShape(sh), op, pixLayout(c0, c1))
	}
	h, w := sh[0], sh[1]
	px := max(c0, 1) * max(c1, 1)
	row := w * px // cannot overflow: the view's byte size fits in int, or it is empty
	if h == 0 || w == 0 {
		row = 0
	}
	// The strides of the axes after the first must be C order: px per
	// pixel, then c1 and 1 within one; extents of 1 do not count.
	ok := w == 1 || st[1] == px
	if c0 > 1 {
		ok = ok && st[2] == max(c1, 1)
	}
	if c1 > 1 {
		ok = ok && st[3] == 1
	}
	if h > 1 && row > 0 && st[0] < row {
		ok = false
	}
	if v.Size() == 0 {
		return nil, w * px, image.Rect(0, 0, w, h), nil
	}
	// AsImage takes the 8-bit colour layouts in any strides.
	alt := ""
	if c1 == 0 && (c0 == 0 || c0 == 4) && op != "AsPaletted" {
		alt = "AsImage(v, model) takes any strides without a copy; "
	}
	if !ok {
		return nil, 0, r, errorf(op, ndview.ErrLayout,
			"view of shape %s has strides %s; %s needs %s. %sv.Clone() makes a copy %s accepts",
			ndview.FormatShape(sh), ndview.FormatShape(st), op, pixLayout(c0, c1), alt, op)
	}
	if v.ReadOnly() {
		if alt != "" {
			alt = "AsImage(v, model) reads it without a copy; "
		}
		return nil, 0, r, errorf(op, ndview.ErrReadOnly,
			"view is read-only, and an image exposes its Pix for writing; %sv.Clone() makes a writable copy", alt)
	}
	stride = row
	if h > 1 {
		stride = st[0]
	}
	data, _ := v.Data()
	off := v.Offset()
	end := off + (h-1)*stride + row
	return data[off:end:end], stride, image.Rect(0, 0, w, h), nil
}

// pixLayout describes the view layout of an image buffer with pixel axes
// c0 and c1.
func pixLayout(c0, c1 int) string {
	switch {
	case c0 == 0:
		return "shape (H, W) with strides (S, 1), or (H, W, 1), and a row stride S >= W"
	case c1 == 0:
		return fmtLayout("shape (H, W, %d) with strides (S, %d, 1) and a row stride S >= %d·W", c0, c0, c0)
	}
	return fmtLayout("shape (H, W, %d, %d) with strides (S, %d, %d, 1) and a row stride S >= %d·W", c0, c1, c0*c1, c1, c0*c1)
}
