package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/mem"

// Reshape without copy (SEMANTICS §4). A reshape reads the elements in an
// order (C: last index fastest; F: first index fastest) and lays them out
// in the new shape in the same order. It is a view when the old layout is
// contiguous in that order, or when NumPy's no-copy algorithm finds strides
// for it (reshapeStrides); otherwise it is an error, never a copy.

import (
	"math/bits"
	"slices"
	"strconv"
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

// Reshape returns a view of v's elements in C order with the given shape.
// One extent may be -1, standing for whatever the others leave. The result
// shares data with v and never copies; views of rank up to 4 cost no
// allocation.
//
// Reshape returns an error wrapping ErrShape when the shape does not hold
// v.Size() elements, has more than one -1 or another negative extent, and
// ErrLayout when no strides can express the reshape without copying
// (NumPy would copy silently; Clone first, then reshape).
func (v NDView[T]) Reshape(shape ...int) (NDView[T], error) {
	err := v.reshapeView("Reshape", OrderC, shape)
	return v, err
}

// ReshapeOrder is Reshape with the elements read and placed in the given
// order: NumPy's reshape(shape, order=...).
func (v NDView[T]) ReshapeOrder(order Order, shape ...int) (NDView[T], error) {
	if order > OrderA {
		return NDView[T]{}, errorf("ReshapeOrder", ErrLayout, "order must be OrderC, OrderF or OrderA, got %d", int(order))
	}
	err := v.reshapeView("ReshapeOrder", order, shape)
	return v, err
}

// reshapeView reshapes v, a private copy, in place; on error it sets *v to
// the zero NDView. Reshape, inlined, calls it on its receiver so that the
// view is not copied again into and out of a call.
func (v *NDView[T]) reshapeView(op string, order Order, shape []int) error {
	err := v.reshape(op, order, shape, mem.Sizeof[T]())
	if err != nil {
		*v = NDView[T]{}
	}
	return err
}

// reshape implements Reshape, ReshapeOrder and ExpandDims on v, the layout
// of a private copy of a view whose elements are itemSize bytes; on error v
// is left in an unspecified state.
func (v *viewLayout) reshape(op string, order Order, shape []int, itemSize int) error {
	if len(shape) > MaxRank {
		return errorf(op, ErrShape, "rank %d exceeds the maximum of %d", len(shape), MaxRank)
	}
	var buf [inlineRank]int
	target := layout.IntsOf(buf[:], len(shape))
	size, cc := v.sizeAndCContiguous()
	// The usual shapes are resolved here, without a call and without an
	// overflow check on each product: extents whose bit lengths add up to
	// at most 62 cannot overflow. Anything else (a negative extent apart
	// from one -1, a possible overflow, a wrong size) is left to
	// resolveShape, which checks every product and explains the error.
	unknown, known, width, sign := -1, 1, 0, 0
	for i, n := range shape {
		target[i] = n
		if n == -1 && unknown < 0 {
			unknown = i
			continue
		}
		known *= n
		width += bits.Len(uint(n))
		sign |= n
	}
	resolved := false
	if sign >= 0 && width <= 62 {
		if unknown < 0 {
			resolved = known == size
		} else if known != 0 && size%known == 0 {
			target[unknown] = size / known
			resolved = true
		}
	}
	if !resolved {
		if err := layout.ResolveShape(op, size, shape, target); err != nil {
			return err
		}
	}
	if size == 0 {
		// Zero extents hide the size of the others: (0, 2**62) holds no
		// element but its byte size overflows (SEMANTICS L5). With elements,
		// the product is v's size, whose byte size fits.
		if _, err := layout.CheckShape(op, target, itemSize); err != nil {
			return err
		}
	}
	if slices.Equal(target, v.shapeRef()) {
		return nil
	}
	if order == OrderC && cc && len(target) <= inlineRank {
		// The common case, written straight into the inline layout.
		v.setRank(len(target))
		s := 1
		for i := len(target) - 1; i >= 0; i-- {
			n := target[i]
			v.small[i], v.small[inlineRank+i] = n, s
			s *= max(n, 1)
		}
		return nil
	}
	fortran, fc := false, false
	switch order {
	case OrderF:
		fortran, fc = true, v.fContiguous()
	case OrderA:
		_, fc = v.contiguity()
		fortran = fc && !cc
	}
	// The new strides are computed aside, so that the old layout stays
	// readable until they are known and nothing is saved first.
	var sbuf [inlineRank]int
	strides := layout.IntsOf(sbuf[:], len(target))
	switch {
	case fortran && fc:
		layout.FillFStrides(target, strides)
	case !fortran && cc:
		layout.FillCStrides(target, strides)
	case !layout.ReshapeStrides(v.shapeRef(), v.stridesRef(), target, fortran, strides):
		o := OrderC
		if fortran {
			o = OrderF
		}
		return errorf(op, ErrLayout,
			"cannot reshape a view of shape %s and strides %s into shape %s in %s order without a copy: it is not contiguous enough; copy it first (Clone)",
			formatShape(v.shapeRef()), formatShape(v.stridesRef()), formatShape(target), o)
	}
	v.setRank(len(target))
	rsh, rst := v.shapeRef(), v.stridesRef()
	for i, n := range target { // not copy: memmove costs more for a few ints
		rsh[i], rst[i] = n, strides[i]
	}
	return nil
}
