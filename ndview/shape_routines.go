package ndview

import "errors"

// Shape routines (semantics.md §13): AtLeast1D, AtLeast2D, AtLeast3D,
// BroadcastArrays, Ravel and RavelOrder. All but Ravel of a layout that
// is not contiguous in the order asked for return views.

// AtLeast1D returns a as a view of at least one dimension (NumPy's
// np.atleast_1d): a 0-d view becomes shape (1,), others are returned as
// they are. The result shares data with a.
func AtLeast1D[T any](a NDView[T]) NDView[T] {
	if a.NDim() == 0 {
		return a.ExpandDims(0)
	}
	return a
}

// AtLeast2D returns a as a view of at least two dimensions (NumPy's
// np.atleast_2d): 0-d becomes (1, 1), a 1-D view of length n becomes the
// row (1, n); others are returned as they are. The result shares data
// with a.
func AtLeast2D[T any](a NDView[T]) NDView[T] {
	switch a.NDim() {
	case 0:
		return a.ExpandDims(0, 1)
	case 1:
		return a.ExpandDims(0)
	}
	return a
}

// AtLeast3D returns a as a view of at least three dimensions (NumPy's
// np.atleast_3d): 0-d becomes (1, 1, 1), a 1-D view of length n becomes
// (1, n, 1), a 2-D view (m, n) becomes (m, n, 1); others are returned as
// they are. The result shares data with a.
func AtLeast3D[T any](a NDView[T]) NDView[T] {
	switch a.NDim() {
	case 0:
		return a.ExpandDims(0, 1, 2)
	case 1:
		return a.ExpandDims(0, 2)
	case 2:
		return a.ExpandDims(2)
	}
	return a
}

// BroadcastArrays returns the arrays broadcast against each other (NumPy's
// np.broadcast_arrays): read-only views, one per array, all of the shape
// BroadcastShapes gives for their shapes, sharing data with their arrays.
// No arrays give an empty slice.
//
// BroadcastArrays returns an error wrapping ErrShape when the shapes do
// not broadcast together, naming the first two that disagree.
func BroadcastArrays[T any](arrays ...NDView[T]) ([]NDView[T], error) {
	const op = "BroadcastArrays"
	shapes := make([][]int, len(arrays))
	for i := range arrays {
		shapes[i] = arrays[i].lay.Shape()
	}
	shape, err := BroadcastShapes(shapes...)
	if err != nil {
		msg := err.Error()
		if e := (*Error)(nil); errors.As(err, &e) {
			msg = e.Msg
		}
		return nil, errorf(op, ErrShape, "%s", msg)
	}
	out := make([]NDView[T], len(arrays))
	for i := range arrays {
		if out[i], err = arrays[i].BroadcastTo(shape...); err != nil {
			panic(err) // unreachable: shape is the broadcast of every shape
		}
	}
	return out, nil
}

// Ravel returns the elements of a as a 1-D array in C order (NumPy's
// np.ravel(a)). As in NumPy, the result is a view sharing data with a
// exactly when a is C-contiguous (0-d, empty and size-1 views included),
// and otherwise a new array that shares nothing with a, even where strides
// could express the result (a[::2] is copied, as NumPy copies it). A
// read-only a gives a read-only view, or a writable copy.
func Ravel[T any](a NDView[T]) NDView[T] {
	if a.IsCContiguous() {
		r, err := a.Reshape(a.Size())
		if err != nil {
			panic(err) // unreachable: a C-contiguous view reshapes to 1-D
		}
		return r
	}
	r, err := a.Clone().Reshape(a.Size())
	if err != nil {
		panic(err) // unreachable
	}
	return r
}

// RavelOrder returns the elements of a as a 1-D array read in the given
// order (NumPy's np.ravel(a, order)): OrderC is Ravel; OrderF reads the
// first index fastest, and is a view exactly when a is F-contiguous;
// OrderA is OrderF for a view that is F-contiguous and not C-contiguous,
// and OrderC otherwise. NumPy's order "K" has no Order value. It panics
// with an error wrapping ErrLayout for any other order.
func RavelOrder[T any](a NDView[T], order Order) NDView[T] {
	switch order {
	case OrderC:
	case OrderA:
		if !a.IsFContiguous() || a.IsCContiguous() {
			break
		}
		fallthrough
	case OrderF:
		return Ravel(a.T()) // the F order of a is the C order of a.T()
	default:
		panicf("RavelOrder", ErrLayout, "order must be 'C', 'F' or 'A' (OrderC, OrderF or OrderA), got %s", order)
	}
	return Ravel(a)
}
