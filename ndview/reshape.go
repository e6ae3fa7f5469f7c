package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/mem"

// Reshape without copy (semantics.md §4). A reshape reads the elements in an
// order (C: last index fastest; F: first index fastest) and lays them out
// in the new shape in the same order. It is a view when the old layout is
// contiguous in that order, or when NumPy's no-copy algorithm finds strides
// for it (reshapeStrides); otherwise it is an error, never a copy.

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
// order: NumPy's reshape(shape, order=...). It returns Reshape's errors.
//
// ReshapeOrder panics with an error wrapping ErrLayout when order is not
// OrderC, OrderF or OrderA: an Order is the program's own value, as for
// ToBytes.
func (v NDView[T]) ReshapeOrder(order Order, shape ...int) (NDView[T], error) {
	if order > OrderA {
		panicf("ReshapeOrder", ErrLayout, "order must be 'C', 'F' or 'A' (OrderC, OrderF or OrderA), got %s", order)
	}
	err := v.reshapeView("ReshapeOrder", order, shape)
	return v, err
}

// reshapeView reshapes v, a private copy, in place; on error it sets *v to
// the zero NDView. Reshape, inlined, calls it on its receiver so that the
// view is not copied again into and out of a call.
func (v *NDView[T]) reshapeView(op string, order Order, shape []int) error {
	err := v.lay.Reshape(op, order, shape, mem.Sizeof[T]())
	if err != nil {
		*v = NDView[T]{}
	}
	return err
}

// Order is the order in which elements are read or laid out: C (row-major,
// last index fastest), F (Fortran, column-major, first index fastest), or A
// (F when the view is F-contiguous and not C-contiguous, C otherwise). Its
// String method returns "C", "F" or "A".
type Order = layout.Order

// The orders; the zero Order is OrderC.
const (
	OrderC = layout.OrderC // row-major: the last index varies fastest
	OrderF = layout.OrderF // column-major: the first index varies fastest
	OrderA = layout.OrderA // F for F-contiguous views that are not C-contiguous, else C
)
