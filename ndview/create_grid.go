package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Coordinate grids (semantics.md Z9): Meshgrid, whose results are
// read-only broadcast views of its inputs, and Indices, a new array.

// MeshIndexing is the indexing convention of Meshgrid: NumPy's indexing
// argument, "xy" or "ij".
type MeshIndexing uint8

const (
	// MeshXY is Cartesian indexing, NumPy's default indexing="xy": for
	// inputs of lengths M and N the grids have shape (N, M), x varying
	// along the columns and y along the rows, as for an image.
	MeshXY MeshIndexing = iota
	// MeshIJ is matrix indexing, NumPy's indexing="ij": for inputs of
	// lengths M and N the grids have shape (M, N).
	MeshIJ
)

// Meshgrid returns coordinate grids of the 1-D views xs: NumPy's
// np.meshgrid(*xs, indexing=..., copy=False) (semantics.md Z9). Grid k
// has one axis per input, of the inputs' lengths (with the first two
// exchanged under MeshXY when there are at least two inputs), and element
// (i0, i1, …) of grid k is xs[k] at the index along its own axis: ik under
// MeshIJ; under MeshXY i1 for grid 0, i0 for grid 1, ik for the others.
//
// Every grid is a read-only view that shares data with its input, with
// stride 0 along the other axes (as BroadcastTo gives): nothing is copied,
// writes to an input are seen through its grid, and a grid never writes
// (NumPy's copy=False results share memory the same way). Clone a grid
// for a writable copy. 0-d inputs count as length 1. With no inputs the
// result is empty.
//
// Meshgrid panics with an error wrapping ErrShape when an input has two
// or more axes (Reshape(-1) it first; NumPy flattens it) or there are more
// than MaxRank inputs, ErrOverflow when the grids' size overflows, and
// ErrLayout for an indexing other than MeshXY and MeshIJ.
func Meshgrid[T any](indexing MeshIndexing, xs ...NDView[T]) []NDView[T] {
	if indexing != MeshXY && indexing != MeshIJ {
		panicf("Meshgrid", ErrLayout, "indexing must be MeshXY or MeshIJ, got %d", indexing)
	}
	ndim := len(xs)
	if ndim > MaxRank {
		panicf("Meshgrid", ErrShape, "%d inputs give grids of rank %d, more than the maximum of %d", ndim, ndim, MaxRank)
	}
	shape := make([]int, ndim)
	axis := make([]int, ndim) // the grid axis along which input k varies
	for k, x := range xs {
		switch x.NDim() {
		case 0:
			shape[k] = 1
		case 1:
			shape[k] = x.lay.Shape()[0]
		default:
			panicf("Meshgrid", ErrShape, "input %d has shape %s; inputs must be 1-D (Reshape(-1) first)", k, formatShape(x.lay.Shape()))
		}
		axis[k] = k
	}
	if indexing == MeshXY && ndim > 1 {
		shape[0], shape[1] = shape[1], shape[0]
		axis[0], axis[1] = 1, 0
	}
	if _, err := layout.CheckShape("Meshgrid", shape, 1); err != nil {
		panic(err)
	}
	grids := make([]NDView[T], ndim)
	for k := range xs {
		g := xs[k].derive(ndim)
		copy(g.lay.Shape(), shape)
		st := g.lay.Strides()
		clear(st) // Reset keeps the old numbers of inline layouts
		if xs[k].NDim() == 1 {
			st[axis[k]] = xs[k].lay.Strides()[0]
		}
		g.lay.Flags |= layout.FlagReadOnly
		grids[k] = g
	}
	return grids
}

// Indices returns a new C-contiguous int array of shape (len(shape),
// shape…) whose slice d holds, at each position, its index along axis d:
// NumPy's np.indices(shape). Indices() has shape (0,).
//
// Indices panics with an error wrapping ErrShape on a negative extent or
// more than MaxRank−1 axes, and ErrOverflow when the array is larger than
// Go can allocate.
func Indices(shape ...int) NDView[int] {
	if len(shape) >= MaxRank {
		panicf("Indices", ErrShape, "shape %s has %d axes; at most %d are allowed", formatShape(shape), len(shape), MaxRank-1)
	}
	full := append([]int{len(shape)}, shape...)
	v := createAlloc[int]("Indices", full...)
	size := layout.ShapeSize(shape)
	if size == 0 {
		return v
	}
	inner := size
	for d, n := range shape {
		// In slice d, index i of axis d fills runs of inner/n elements,
		// repeated for each index of the axes before it.
		block := v.data[d*size : (d+1)*size]
		inner /= n
		for start := 0; start < size; start += n * inner {
			for i := range n {
				fillSlice(block[start+i*inner:start+(i+1)*inner], i)
			}
		}
	}
	return v
}
