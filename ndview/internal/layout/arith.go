// Package layout is the arithmetic of strided layouts: shapes, strides,
// offsets, contiguity, bounds, broadcasting and reshapes without copy. It
// works on plain ints (element units), knows nothing of element types or
// memory, and imports no unsafe.
package layout

// Invariants every function here keeps (see doc.go):
//  1. A shape has at most MaxRank extents, each >= 0.
//  2. The product of the nonzero extents times the item size fits in int.
//  3. Every sum and product is checked; overflow is an error, never a
//     wrapped value.

import (
	"github.com/ndkit/ndkit/ndview/internal/errs"

	"math"
	"math/bits"
	"slices"
)

// MaxRank is the largest number of dimensions a view may have, the limit of
// both NumPy and Python's memoryview.
const MaxRank = 64

// MulInt returns a*b and whether the product did not overflow.
func MulInt(a, b int) (int, bool) {
	hi, lo := bits.Mul64(uint64(AbsInt(a)), uint64(AbsInt(b)))
	if hi != 0 || lo > 1<<63-1 {
		// |a*b| >= 2^63 is only representable as MinInt, which we refuse too.
		return 0, false
	}
	p := int(lo)
	if (a < 0) != (b < 0) {
		p = -p
	}
	return p, true
}

// AddInt returns a+b and whether the sum did not overflow.
func AddInt(a, b int) (int, bool) {
	s := a + b
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) {
		return 0, false
	}
	return s, true
}

// AbsInt returns |a|; for MinInt it returns MinInt, which MulInt treats as
// 2^63 (the uint64 conversion is exact) and so as overflowing.
func AbsInt(a int) int {
	if a < 0 {
		return -a
	}
	return a
}

// CheckShape validates a shape (rank, non-negative extents, and that the
// product of its nonzero extents times itemSize fits in int) and returns its
// element count.
func CheckShape(op string, shape []int, itemSize int) (int, error) {
	if len(shape) > MaxRank {
		return 0, errs.Errorf(op, errs.ErrShape, "rank %d exceeds the maximum of %d", len(shape), MaxRank)
	}
	nonzero := max(itemSize, 1)
	size := 1
	for i, n := range shape {
		if n < 0 {
			return 0, errs.Errorf(op, errs.ErrShape, "negative extent %d on axis %d of shape %s; extents must be >= 0", n, i, errs.FormatShape(shape))
		}
		if n == 0 {
			size = 0
			continue
		}
		var ok bool
		if nonzero, ok = MulInt(nonzero, n); !ok {
			return 0, errs.Errorf(op, errs.ErrOverflow, "shape %s is too big: its byte size overflows int", errs.FormatShape(shape))
		}
	}
	if size != 0 {
		size = nonzero / max(itemSize, 1)
	}
	return size, nil
}

// ShapeSize returns the element count of a shape already validated.
func ShapeSize(shape []int) int {
	size := 1
	for _, n := range shape {
		size *= n
	}
	return size
}

// FillCStrides writes C-order (row-major) contiguous strides for shape into
// out: the last stride is 1 and each earlier one is the next times the next
// extent, with zero extents counted as 1 (semantics.md L6).
func FillCStrides(shape, out []int) {
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		out[i] = s
		s *= max(shape[i], 1)
	}
}

// FillFStrides writes F-order (column-major) contiguous strides for shape.
func FillFStrides(shape, out []int) {
	s := 1
	for i := range shape {
		out[i] = s
		s *= max(shape[i], 1)
	}
}

// IsCContiguous reports whether the layout is C-contiguous (semantics.md L7):
// every size-0 and 0-d layout is; otherwise, walking from the last axis and
// skipping extents of 1, each stride equals the product of the later extents.
func IsCContiguous(shape, strides []int) bool {
	want := 1
	for i := len(shape) - 1; i >= 0; i-- {
		n := shape[i]
		if n == 0 {
			return true
		}
		if n == 1 {
			continue
		}
		if strides[i] != want {
			// Keep scanning for a zero extent, which makes any layout
			// contiguous.
			return slices.Contains(shape[:i], 0)
		}
		want *= n
	}
	return true
}

// IsFContiguous is the Fortran-order mirror of IsCContiguous.
func IsFContiguous(shape, strides []int) bool {
	want := 1
	for i, n := range shape {
		if n == 0 {
			return true
		}
		if n == 1 {
			continue
		}
		if strides[i] != want {
			return slices.Contains(shape[i+1:], 0)
		}
		want *= n
	}
	return true
}

// Contiguity reports IsCContiguous(shape, strides) and
// IsFContiguous(shape, strides) in one pass, for the predicates that need
// both.
// The products cannot overflow: those of the nonzero extents fit in int,
// and a zero extent makes them 0 for good, and the layout contiguous.
func Contiguity(shape, strides []int) (c, f bool) {
	c, f = true, true
	wc, wf := 1, 1
	for i := range shape {
		j := len(shape) - 1 - i
		c = c && (shape[j] == 1 || strides[j] == wc)
		f = f && (shape[i] == 1 || strides[i] == wf)
		wc *= shape[j]
		wf *= shape[i]
	}
	if wc == 0 {
		return true, true
	}
	return c, f
}

// Extent returns the lowest and highest element offsets a layout reaches
// (semantics.md L4): lo = off + Σ s·(n−1) over negative strides, hi the same
// over positive ones. For a size-0 layout the sums use max(n−1, 0), which
// still catches strides whose products overflow. ok is false on overflow.
func Extent(off int, shape, strides []int) (lo, hi int, ok bool) {
	lo, hi = off, off
	for i, n := range shape {
		d, ok := MulInt(strides[i], max(n-1, 0))
		if !ok {
			return 0, 0, false
		}
		if d < 0 {
			lo, ok = AddInt(lo, d)
		} else {
			hi, ok = AddInt(hi, d)
		}
		if !ok {
			return 0, 0, false
		}
	}
	return lo, hi, true
}

// CheckLayout validates a user-supplied layout over a buffer of n elements
// of itemSize bytes (semantics.md L4, L5): the shape is valid, every stride in
// bytes fits in int, the reachable range [lo, hi] lies inside [0, n) when the
// layout has elements, and 0 <= off <= n when it has none.
func CheckLayout(op string, n, off int, shape, strides []int, itemSize int) error {
	if len(strides) != len(shape) {
		return errs.Errorf(op, errs.ErrShape, "shape %s has %d axes but strides %s have %d; give one stride per axis",
			errs.FormatShape(shape), len(shape), errs.FormatShape(strides), len(strides))
	}
	size, err := CheckShape(op, shape, itemSize)
	if err != nil {
		return err
	}
	for i, s := range strides {
		if _, ok := MulInt(s, max(itemSize, 1)); !ok {
			return errs.Errorf(op, errs.ErrOverflow, "stride %d on axis %d overflows int when counted in bytes", s, i)
		}
	}
	lo, hi, ok := Extent(off, shape, strides)
	if !ok {
		return errs.Errorf(op, errs.ErrOverflow, "offset %d with shape %s and strides %s overflows int", off, errs.FormatShape(shape), errs.FormatShape(strides))
	}
	if size == 0 {
		if off < 0 || off > n {
			return errs.Errorf(op, errs.ErrBounds, "offset %d of an empty view is outside [0, %d]", off, n)
		}
		return nil
	}
	if lo < 0 || hi >= n {
		return errs.Errorf(op, errs.ErrBounds,
			"offset %d with shape %s and strides %s reaches elements [%d, %d], outside the %d elements of data (valid: [0, %d])",
			off, errs.FormatShape(shape), errs.FormatShape(strides), lo, hi, n, n-1)
	}
	return nil
}

// MayOverlap reports whether two different indices might reach the same
// element. It is exact for zero strides and conservative otherwise: sorted
// by |stride|, the axes of extent > 1 must each step over the whole span of
// the smaller ones (the sufficient condition Rust's ndarray uses); a layout
// that fails that test is treated as overlapping.
func MayOverlap(shape, strides []int) bool {
	if ShapeSize(shape) == 0 {
		return false
	}
	type axis struct{ n, s int }
	var buf [MaxRank]axis
	axes := buf[:0]
	for i, n := range shape {
		if n > 1 {
			if strides[i] == 0 {
				return true
			}
			axes = append(axes, axis{n, AbsInt(strides[i])})
		}
	}
	slices.SortFunc(axes, func(a, b axis) int { return a.s - b.s })
	span := 0 // the largest offset reached by the axes sorted so far
	for _, a := range axes {
		if a.s <= span {
			return true
		}
		// span < a.s and a.s*(a.n-1) was checked against the buffer, so
		// the sum cannot overflow.
		span += a.s * (a.n - 1)
	}
	return false
}

// IntsOf returns buf[:n] when n fits in buf, and a new slice of n ints
// otherwise: scratch space for a layout that costs no allocation, and no
// zeroing of a MaxRank-sized array, for ranks up to len(buf).
func IntsOf(buf []int, n int) []int {
	if n <= len(buf) {
		return buf[:n]
	}
	return make([]int, n)
}

// NormalizeAxis maps an axis in [-ndim, ndim) to [0, ndim) and panics
// otherwise.
func NormalizeAxis(op string, axis, ndim int) int {
	if axis < -ndim || axis >= ndim {
		AxisPanic(op, axis, ndim)
	}
	if axis < 0 {
		axis += ndim
	}
	return axis
}

// AxisPanic is NormalizeAxis's failure, kept out of line so that
// NormalizeAxis inlines into the view operations.
//
//go:noinline
func AxisPanic(op string, axis, ndim int) {
	errs.Panicf(op, errs.ErrAxis, "axis %d is out of bounds for array of dimension %d", axis, ndim)
}

// ResolveShape returns the target shape of a reshape of size elements with
// the single -1 (if any) replaced (semantics.md R1). The result is written into
// out, which must have len(shape) room.
func ResolveShape(op string, size int, shape, out []int) error {
	if len(shape) > MaxRank {
		return errs.Errorf(op, errs.ErrShape, "rank %d exceeds the maximum of %d", len(shape), MaxRank)
	}
	unknown := -1
	known := uint64(1)
	for i, n := range shape {
		out[i] = n
		switch {
		case n >= 0: // first: the usual case takes one comparison
			hi, lo := bits.Mul64(known, uint64(n))
			if hi != 0 || lo > math.MaxInt {
				return errs.Errorf(op, errs.ErrOverflow, "shape %s is too big: its size overflows int", errs.FormatShape(shape))
			}
			known = lo
		case n == -1 && unknown < 0:
			unknown = i
		case n == -1:
			return errs.Errorf(op, errs.ErrShape, "can only specify one unknown dimension in %s", errs.FormatShape(shape))
		default:
			return errs.Errorf(op, errs.ErrShape, "negative extent %d in %s; extents must be >= 0, or one -1", n, errs.FormatShape(shape))
		}
	}
	if unknown >= 0 {
		if known == 0 || size%int(known) != 0 {
			return errs.Errorf(op, errs.ErrShape, "cannot reshape array of size %d into shape %s", size, errs.FormatShape(shape))
		}
		out[unknown] = size / int(known)
	} else if int(known) != size {
		return errs.Errorf(op, errs.ErrShape, "cannot reshape array of size %d into shape %s", size, errs.FormatShape(shape))
	}
	return nil
}

// ReshapeStrides computes strides under which newShape reads the elements
// of the old layout in C order (or F order when fortran is set) without
// moving them, writing them into newStrides, and reports false when no such
// strides exist. The layout must have at least one element and the shapes
// the same size. The strides are exactly those of NumPy's
// _attempt_nocopy_reshape (semantics.md R4), extent-1 axes included, which
// TestReshapeStridesMatchNumPy checks against a line-by-line port.
//
// NumPy drops the old extent-1 axes, then matches groups of old and new axes
// with equal products and requires each group of old axes to be contiguous.
// The same result, in one pass and without the intermediate arrays: the old
// non-1 axes fall into maximal contiguous runs, and a new axis gets the stride
// of its run's fastest axis times the extents of the new axes between it and
// that axis. A reshape fails exactly when a new axis would straddle two runs.
// Both layouts are walked from their fastest axis (the last in C order, the
// first in F order). A new extent-1 axis between two runs belongs, as in
// NumPy, to the run that follows it in index order, and one after the last
// run to that run.
func ReshapeStrides(oldShape, oldStrides, newShape []int, fortran bool, newStrides []int) bool {
	no, nn := len(oldShape), len(newShape)
	oldStrides, newStrides = oldStrides[:no], newStrides[:nn] // spares bounds checks
	o, k, step := no-1, nn-1, -1
	if fortran {
		o, k, step = 0, 0, 1
	}
	// s is the stride of the next new axis; the current run spans run
	// elements, done of which the new axes so far cover.
	s, run, done := 1, 1, 1
	for i := 0; i < nn; i, k = i+1, k+step {
		n := newShape[k]
		// Start the next run when the current one is covered: at once in F
		// order, and in C order only for an extent above 1 (or for the first
		// axis), so that extent-1 axes stay with the run after them.
		if done == run && (fortran || n != 1 || i == 0) {
			for uint(o) < uint(no) && oldShape[o] == 1 {
				o += step
			}
			if uint(o) < uint(no) {
				s, run, done = oldStrides[o], oldShape[o], 1
				for o += step; uint(o) < uint(no); o += step {
					if m := oldShape[o]; m != 1 {
						if oldStrides[o] != s*run {
							break
						}
						run *= m
					}
				}
			}
		}
		newStrides[k] = s
		// done·n <= the product of the new extents so far <= the size,
		// which fits in int.
		if done *= n; done > run {
			return false // this axis straddles two runs
		}
		s *= n
	}
	return true
}

// BroadcastShapes returns the shape that shapes broadcast to (semantics.md B1):
// aligned on the right, with missing leading extents counted as 1, each
// group of extents must be equal apart from 1s; a 1 paired with 0 gives 0.
// It returns an error wrapping errs.ErrShape naming the first two shapes that
// disagree.
func BroadcastShapes(shapes ...[]int) ([]int, error) {
	nd := 0
	for i, s := range shapes {
		if len(s) > MaxRank {
			return nil, errs.Errorf("BroadcastShapes", errs.ErrShape, "arg %d has rank %d, above the maximum of %d", i, len(s), MaxRank)
		}
		for _, n := range s {
			if n < 0 {
				return nil, errs.Errorf("BroadcastShapes", errs.ErrShape, "arg %d has a negative extent in %s", i, errs.FormatShape(s))
			}
		}
		nd = max(nd, len(s))
	}
	var out, from [MaxRank]int
	BroadcastStart(&out, &from, nd)
	for i, sh := range shapes {
		if a := BroadcastMerge(&out, &from, nd, i, sh); a >= 0 {
			return nil, errs.Errorf("BroadcastShapes", errs.ErrShape,
				"shape mismatch: objects cannot be broadcast to a single shape. Mismatch is between arg %d with shape %s and arg %d with shape %s",
				a, errs.FormatShape(shapes[a]), i, errs.FormatShape(sh))
		}
	}
	res := make([]int, nd)
	copy(res, out[:nd])
	return res, nil
}

// BroadcastStart and BroadcastMerge compute, into a caller's arrays and
// without allocating, the shape that several shapes broadcast to
// (semantics.md B1): BroadcastStart sets out[:nd] to 1s, where nd, at
// most MaxRank, is the largest rank among the shapes, then BroadcastMerge
// merges each shape in turn. from[k] records which argument set out[k],
// for messages.
func BroadcastStart(out, from *[MaxRank]int, nd int) {
	for k := range nd {
		out[k], from[k] = 1, 0
	}
}

// BroadcastMerge merges shape s, argument number i, into out[:nd] (see
// BroadcastStart). It returns -1, or when s clashes with out, the
// argument whose extent it clashes with (out is then left as it was
// before the clash).
func BroadcastMerge(out, from *[MaxRank]int, nd, i int, s []int) int {
	lead := nd - len(s)
	for k, e := range s {
		j := lead + k
		switch {
		case e == out[j] || e == 1:
		case out[j] == 1:
			out[j], from[j] = e, i
		default:
			return from[j]
		}
	}
	return -1
}

// BroadcastStrides writes into out the strides under which a layout of
// shape and strides reads as target (semantics.md B2): target axes with no
// source axis, and source axes of extent 1, get stride 0; equal extents keep
// their stride. It reports false when the shapes are incompatible.
func BroadcastStrides(shape, strides, target, out []int) bool {
	lead := len(target) - len(shape)
	if lead < 0 {
		return false
	}
	for i := range lead {
		out[i] = 0
	}
	for k, n := range shape {
		switch t := target[lead+k]; {
		case n == 1:
			out[lead+k] = 0
		case n == t:
			out[lead+k] = strides[k]
		default:
			return false
		}
	}
	return true
}
