package interop

import (
	"image"

	"github.com/ndkit/ndkit/ndview"
)

// Y'CbCr planes. image.YCbCr keeps luma at full resolution and each chroma
// plane subsampled by a horizontal factor sx and a vertical factor sy:
//
//	ratio   4:4:4  4:2:2  4:2:0  4:4:0  4:1:1  4:1:0
//	sx, sy  1, 1   2, 1   2, 2   1, 2   4, 1   4, 2
//
// Pixel (x, y) takes its chroma from Cb[COffset(x, y)], where
// COffset(x, y) = (y/sy − Min.Y/sy)·CStride + (x/sx − Min.X/sx) with Go's
// integer division, which truncates towards zero. The chroma views follow
// exactly that rule: the chroma of pixel (x, y) is element
// (y/sy − Min.Y/sy, x/sx − Min.X/sx), and a chroma view has one row and
// column for each distinct value those take over the image's Rect. For an
// image of odd size, or a sub-image starting at an odd position, the
// first or last chroma row or column is thus shared by fewer pixels than
// the others.

// subsample returns the horizontal and vertical chroma subsampling factors
// of a ratio; unknown ratios are 4:4:4, as in image.YCbCr.COffset.
func subsample(r image.YCbCrSubsampleRatio) (sx, sy int) {
	switch r {
	case image.YCbCrSubsampleRatio422:
		return 2, 1
	case image.YCbCrSubsampleRatio420:
		return 2, 2
	case image.YCbCrSubsampleRatio440:
		return 1, 2
	case image.YCbCrSubsampleRatio411:
		return 4, 1
	case image.YCbCrSubsampleRatio410:
		return 4, 2
	}
	return 1, 1
}

// chromaExtent returns the number of distinct values of p/s − lo/s for p in
// [lo, hi), with Go's truncating division (which is monotonic), given that
// the interval is not empty.
func chromaExtent(lo, hi, s int) int { return (hi-1)/s - lo/s + 1 }

// FromYCbCr returns views of m's luma and chroma planes, sharing them:
// y has shape (H, W) and strides (YStride, 1), cb and cr the chroma shape
// of m's subsample ratio and Rect (see the table above) and strides
// (CStride, 1). Sub-images are viewed in place. FromYCbCr is O(1) and
// allocates nothing.
//
// FromYCbCr panics with an error wrapping ndview.ErrBounds, ErrLayout or
// ErrOverflow when a plane is too short for m's Rect and strides or its
// rows overlap. image.NewYCbCr allocates one chroma column or row too few
// for some rectangles whose Max.X or Max.Y is in [−3, 0] (where m's own
// YCbCrAt reads the wrong sample or panics); those images are refused.
func FromYCbCr(m *image.YCbCr) (y, cb, cr ndview.NDView[uint8]) {
	y, cb, cr = ycbcrPlanes("FromYCbCr", "*image.YCbCr", m)
	return y, cb, cr
}

// FromNYCbCrA returns views of m's luma, chroma and alpha planes, sharing
// them: y, cb and cr as FromYCbCr gives them, and a with shape (H, W) and
// strides (AStride, 1). It panics like FromYCbCr.
func FromNYCbCrA(m *image.NYCbCrA) (y, cb, cr, a ndview.NDView[uint8]) {
	const op = "FromNYCbCrA"
	y, cb, cr = ycbcrPlanes(op, "*image.NYCbCrA", &m.YCbCr)
	a, err := fromPix(op, "alpha plane of *image.NYCbCrA", m.A, m.AStride, m.Rect, 0)
	if err != nil {
		panic(err)
	}
	return y, cb, cr, a
}

// ycbcrPlanes returns the views of m's three planes, or panics.
func ycbcrPlanes(op, what string, m *image.YCbCr) (y, cb, cr ndview.NDView[uint8]) {
	y, err := fromPix(op, "luma plane of "+what, m.Y, m.YStride, m.Rect, 0)
	if err != nil {
		panic(err)
	}
	sx, sy := subsample(m.SubsampleRatio)
	c := m.Rect
	if !c.Empty() {
		// A rectangle whose extents are the chroma view's shape.
		c = image.Rect(0, 0, chromaExtent(c.Min.X, c.Max.X, sx), chromaExtent(c.Min.Y, c.Max.Y, sy))
	}
	if cb, err = fromPix(op, "Cb plane of "+what, m.Cb, m.CStride, c, 0); err != nil {
		panic(err)
	}
	if cr, err = fromPix(op, "Cr plane of "+what, m.Cr, m.CStride, c, 0); err != nil {
		panic(err)
	}
	return y, cb, cr
}
