package ndview

// Creation routines (semantics.md §12): new arrays filled with a value,
// new arrays shaped like a prototype, numerical ranges (create_range.go),
// building matrices (create_matrix.go) and coordinate grids
// (create_grid.go). Every function here returns a new array over a freshly
// allocated slice, unless its documentation says it returns a view.
//
// Go zeroes the memory it allocates, so there is no uninitialised array:
// EmptyLike is ZerosLike, and the zeros of Eye, Tri, Tril and Triu cost
// nothing beyond the allocation.

import (
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// NumericOrBool is the constraint of element types that have a value one:
// Numeric's types (float16.Float16 included, whose one is 1.0, not the bit
// pattern 1) and bool, whose one is true. Ones, OnesLike, Eye, Identity
// and Tri take it, as NumPy accepts dtype=bool for them.
type NumericOrBool interface {
	Numeric | ~bool
}

// maxAllocBytes is the largest allocation Go makes on 64-bit platforms
// (the runtime's maxAlloc on amd64 and arm64): a creation routine asked
// for more panics with ErrOverflow and a message naming the size, rather
// than let make panic with a runtime error (semantics.md Z1).
const maxAllocBytes = 1 << 48

// createAlloc returns a new zeroed C-contiguous view of shape for the operation
// op. It panics, naming op, with an error wrapping ErrShape for a negative
// extent or a rank above MaxRank, and ErrOverflow when the byte size
// overflows int or exceeds what Go can allocate.
func createAlloc[T any](op string, shape ...int) NDView[T] {
	size := checkAlloc[T](op, shape)
	v := newView(mem.Make[T](size), 0, len(shape))
	copy(v.lay.Shape(), shape)
	layout.FillCStrides(shape, v.lay.Strides())
	return v
}

// checkAlloc validates shape for a new array of T and returns its size
// (see createAlloc).
func checkAlloc[T any](op string, shape []int) int {
	size, err := layout.CheckShape(op, shape, mem.Sizeof[T]())
	if err != nil {
		panic(err)
	}
	if uint64(size)*uint64(max(mem.Sizeof[T](), 1)) > maxAllocBytes {
		panicf(op, ErrOverflow, "shape %s needs %d bytes, more than Go can allocate (%d); NumPy: Maximum allowed size exceeded",
			formatShape(shape), uint64(size)*uint64(mem.Sizeof[T]()), uint64(maxAllocBytes))
	}
	return size
}

// createOne returns the value one of T: 1 for the integer, float and complex
// kinds (1.0 for float16.Float16, whose bits are 0x3c00), true for bools.
// Types defined over these kinds have the one of their kind.
func createOne[T NumericOrBool]() T {
	var r [1]T
	raw := mem.Erase(r[:])
	switch mem.InfoOf[T]().Kind {
	case mem.Bool:
		mem.As[bool](raw)[0] = true
	case mem.Int8, mem.Uint8:
		mem.As[uint8](raw)[0] = 1
	case mem.Int16, mem.Uint16:
		mem.As[uint16](raw)[0] = 1
	case mem.Int32, mem.Uint32:
		mem.As[uint32](raw)[0] = 1
	case mem.Int64, mem.Uint64:
		mem.As[uint64](raw)[0] = 1
	case mem.Float16:
		mem.As[uint16](raw)[0] = 0x3c00
	case mem.Float32:
		mem.As[float32](raw)[0] = 1
	case mem.Float64:
		mem.As[float64](raw)[0] = 1
	case mem.Complex64:
		mem.As[complex64](raw)[0] = 1
	case mem.Complex128:
		mem.As[complex128](raw)[0] = 1
	}
	return r[0]
}

// Full returns a new C-contiguous array of the given shape with every
// element x: NumPy's np.full(shape, x). With no shape it is 0-d. It panics
// like Zeros: with an error wrapping ErrShape on a negative extent or a
// rank above MaxRank, and ErrOverflow when the size overflows or exceeds
// what Go can allocate (semantics.md Z1).
func Full[T any](x T, shape ...int) NDView[T] {
	v := createAlloc[T]("Full", shape...)
	fillSlice(v.data, x)
	return v
}

// Ones returns a new C-contiguous array of the given shape filled with one
// (1, 1.0, 1+0i, or true for bools): NumPy's np.ones(shape, dtype=T). It
// panics as Full does.
func Ones[T NumericOrBool](shape ...int) NDView[T] {
	v := createAlloc[T]("Ones", shape...)
	fillSlice(v.data, createOne[T]())
	return v
}

// ZerosLike returns a new array of zeros with the shape of a, laid out in
// a's memory order: NumPy's np.zeros_like(a) with its default order='K'
// (semantics.md Z2). The axes are ordered by a's strides, largest
// magnitude outermost, so ZerosLike(a) of a C-contiguous a is C-contiguous
// and ZerosLike(a.T()) is F-contiguous; a prototype with a zero stride on
// an axis longer than 1 (a broadcast view) gives a C-contiguous array. The
// result is writable even when a is read-only, and shares nothing with a.
// It allocates once.
func ZerosLike[T any](a NDView[T]) NDView[T] { return createLike("ZerosLike", a) }

// EmptyLike returns a new array with the shape and memory order of a:
// NumPy's np.empty_like(a). Go zeroes every allocation, so its elements are
// zero and EmptyLike is ZerosLike; the name is kept for NumPy users.
func EmptyLike[T any](a NDView[T]) NDView[T] { return createLike("EmptyLike", a) }

// OnesLike returns a new array of ones (true for bools) with the shape and
// memory order of a, as ZerosLike lays it out: NumPy's np.ones_like(a).
func OnesLike[T NumericOrBool](a NDView[T]) NDView[T] {
	v := createLike("OnesLike", a)
	fillSlice(v.data, createOne[T]())
	return v
}

// FullLike returns a new array with every element x and the shape and
// memory order of a, as ZerosLike lays it out: NumPy's np.full_like(a, x).
func FullLike[T any](a NDView[T], x T) NDView[T] {
	v := createLike("FullLike", a)
	fillSlice(v.data, x)
	return v
}

// createLike allocates a zeroed array with a's shape in a's memory order
// (semantics.md Z2): NumPy's PyArray_NewLikeArray with NPY_KEEPORDER,
// whose axes are sorted by decreasing stride magnitude, ties kept in axis
// order, except that a zero stride on an axis longer than 1 gives C order.
func createLike[T any](op string, a NDView[T]) NDView[T] {
	shape, strides := a.lay.Shape(), a.lay.Strides()
	size := checkAlloc[T](op, shape)
	v := newView(mem.Make[T](size), 0, len(shape))
	copy(v.lay.Shape(), shape)
	perm := make([]int, len(shape))
	broadcast := false
	for i := range perm {
		perm[i] = i
		broadcast = broadcast || strides[i] == 0 && shape[i] > 1
	}
	if !broadcast {
		// A stable insertion sort by decreasing |stride|: ranks are small.
		for i := 1; i < len(perm); i++ {
			for j := i; j > 0 && layout.AbsInt(strides[perm[j]]) > layout.AbsInt(strides[perm[j-1]]); j-- {
				perm[j], perm[j-1] = perm[j-1], perm[j]
			}
		}
	}
	out, s := v.lay.Strides(), 1
	for i := len(perm) - 1; i >= 0; i-- {
		out[perm[i]] = s
		s *= max(shape[perm[i]], 1)
	}
	return v
}
