package interop

import (
	"image"

	"github.com/ndkit/ndkit/ndview"
)

// CopyImage16 decodes the 16-bit samples of img into a new C-contiguous
// view of native uint16 values: shape (H, W, 4) for *image.RGBA64 and
// *image.NRGBA64 (channels R, G, B, A; premultiplied or not as in img),
// (H, W) for *image.Gray16 and *image.Alpha16. Unlike FromImage it copies:
// the result does not share img's bytes. Element (i, j, …) is pixel
// (Rect.Min.X+j, Rect.Min.Y+i).
//
// CopyImage16 returns an error wrapping ndview.ErrType for any other type
// of image (FromImage views the 8-bit ones), and FromImage's errors for an
// inconsistent image.
func CopyImage16(img image.Image) (ndview.NDView[uint16], error) {
	const op = "CopyImage16"
	var (
		pix    []uint8
		stride int
		r      image.Rectangle
		c0, c1 int // the pixel axes of the byte view
		what   string
	)
	switch m := img.(type) {
	case *image.RGBA64:
		pix, stride, r, c0, c1, what = m.Pix, m.Stride, m.Rect, 4, 2, "*image.RGBA64"
	case *image.NRGBA64:
		pix, stride, r, c0, c1, what = m.Pix, m.Stride, m.Rect, 4, 2, "*image.NRGBA64"
	case *image.Gray16:
		pix, stride, r, c0, c1, what = m.Pix, m.Stride, m.Rect, 2, 0, "*image.Gray16"
	case *image.Alpha16:
		pix, stride, r, c0, c1, what = m.Pix, m.Stride, m.Rect, 2, 0, "*image.Alpha16"
	case *image.RGBA, *image.NRGBA, *image.CMYK, *image.Gray, *image.Alpha:
		return ndview.NDView[uint16]{}, errorf(op, ndview.ErrType, "%T has 8-bit samples; FromImage views them without a copy", img)
	default:
		return ndview.NDView[uint16]{}, errorf(op, ndview.ErrType,
			"%T is not a 16-bit image; CopyImage16 takes *image.RGBA64, *image.NRGBA64, *image.Gray16 and *image.Alpha16", img)
	}
	src, err := fromPix(op, what, pix, stride, r, c0, c1) // validates the buffer
	if err != nil {
		return ndview.NDView[uint16]{}, err
	}
	sh := src.Shape()
	h, w := sh[0], sh[1]
	n := w * (c0 * max(c1, 1) / 2) // samples per row
	out := make([]uint16, h*n)
	if n > 0 {
		for i := range h {
			row := pix[i*stride : i*stride+2*n]
			dst := out[i*n : (i+1)*n]
			for k := range dst {
				dst[k] = uint16(row[2*k])<<8 | uint16(row[2*k+1])
			}
		}
	}
	if c1 > 0 {
		return ndview.FromSlice(out, h, w, 4)
	}
	return ndview.FromSlice(out, h, w)
}
