package layout

// Reshape without copy (semantics.md §4). A reshape reads the elements in
// an order (C: last index fastest; F: first index fastest) and lays them
// out in the new shape in the same order. It is a view when the old layout
// is contiguous in that order, or when NumPy's no-copy algorithm finds
// strides for it (ReshapeStrides); otherwise it is an error, never a copy.

import (
	"slices"
	"strconv"

	"github.com/ndkit/ndkit/ndview/internal/errs"
)

// Order is the order in which elements are read or laid out: C (row-major,
// last index fastest), F (Fortran, column-major, first index fastest), or A
// (F when the view is F-contiguous and not C-contiguous, C otherwise).
type Order uint8

// The orders; the zero Order is OrderC.
const (
	OrderC Order = iota // row-major: the last index varies fastest
	OrderF              // column-major: the first index varies fastest
	OrderA              // F for F-contiguous views that are not C-contiguous, else C
)

// String returns "C", "F" or "A".
func (o Order) String() string {
	switch o {
	case OrderC:
		return "C"
	case OrderF:
		return "F"
	case OrderA:
		return "A"
	}
	return "Order(" + strconv.Itoa(int(o)) + ")"
}

// Reshape implements NDView.Reshape, ReshapeOrder and ExpandDims on v, the layout
// of a private copy of a view whose elements are itemSize bytes; on error v
// is left in an unspecified state.
func (v *Layout) Reshape(op string, order Order, shape []int, itemSize int) error {
	if len(shape) > MaxRank {
		return errs.Errorf(op, errs.ErrShape, "rank %d exceeds the maximum of %d", len(shape), MaxRank)
	}
	var buf [InlineRank]int
	target := IntsOf(buf[:], len(shape))
	size, cc := v.SizeAndCContiguous()
	if err := ResolveShape(op, size, shape, target); err != nil {
		return err
	}
	if size == 0 {
		// Zero extents hide the size of the others: (0, 2**62) holds no
		// element but its byte size overflows (semantics.md L5). With elements,
		// the product is v's size, whose byte size fits.
		if _, err := CheckShape(op, target, itemSize); err != nil {
			return err
		}
	}
	if slices.Equal(target, v.Shape()) {
		return nil
	}
	if order == OrderC && cc {
		// The common case: the new C strides, written straight into the
		// new layout.
		v.Reset(len(target))
		sh, st := v.Shape(), v.Strides()
		copy(sh, target)
		FillCStrides(sh, st)
		return nil
	}
	fortran, fc := false, false
	switch order {
	case OrderF:
		fortran, fc = true, v.FContiguous()
	case OrderA:
		_, fc = v.Contiguity()
		fortran = fc && !cc
	}
	// The new strides are computed aside, so that the old layout stays
	// readable until they are known and nothing is saved first.
	var sbuf [InlineRank]int
	strides := IntsOf(sbuf[:], len(target))
	switch {
	case fortran && fc:
		FillFStrides(target, strides)
	case !fortran && cc:
		FillCStrides(target, strides)
	case !ReshapeStrides(v.Shape(), v.Strides(), target, fortran, strides):
		o := OrderC
		if fortran {
			o = OrderF
		}
		return errs.Errorf(op, errs.ErrLayout,
			"cannot reshape a view of shape %s and strides %s into shape %s in %s order without a copy: it is not contiguous enough; copy it first (Clone)",
			errs.FormatShape(v.Shape()), errs.FormatShape(v.Strides()), errs.FormatShape(target), o)
	}
	v.Reset(len(target))
	rsh, rst := v.Shape(), v.Strides()
	for i, n := range target { // not copy: memmove costs more for a few ints
		rsh[i], rst[i] = n, strides[i]
	}
	return nil
}
