package ndview

// Converting between flat positions and multi-indices (NumPy's
// unravel_index, ravel_multi_index and ndindex), in C order. A flat
// position counts elements in C order (last index fastest), as ArgMin,
// ArgMax and Flatnonzero return them.

import (
	"iter"

	"github.com/ndkit/ndkit/ndview/internal/layout"
)

// UnravelIndex returns the multi-index of the element at flat position
// flat of an array of the given shape, in C order: NumPy's
// np.unravel_index(flat, shape). Use it with ArgMax:
// UnravelIndex(ArgMax(v), v.Shape()...).
//
// It panics with an *IndexError when flat is outside [0, size) (NumPy
// raises ValueError; negative positions are refused, as NumPy does), and
// with an error wrapping ErrShape for a negative extent.
func UnravelIndex(flat int, shape ...int) []int {
	size := checkIndexShape("UnravelIndex", shape)
	if flat < 0 || flat >= size {
		panic(&IndexError{Op: "UnravelIndex", Axis: 0, Index: flat, Shape: []int{size}})
	}
	idx := make([]int, len(shape))
	for k := len(shape) - 1; k >= 0; k-- {
		idx[k] = flat % shape[k]
		flat /= shape[k]
	}
	return idx
}

// UnravelIndices is UnravelIndex for an array of flat positions: it
// returns one index array per axis of shape, each of flat's shape (NumPy's
// np.unravel_index(indices, shape)). A position outside [0, size) is data
// rather than a mistake of the program, so it is an error wrapping
// ErrIndex that names the position and the size; no array is returned
// then. UnravelIndices panics with an error wrapping ErrShape for a
// negative extent.
func UnravelIndices(flat NDView[int], shape ...int) ([]NDView[int], error) {
	const op = "UnravelIndices"
	size := checkIndexShape(op, shape)
	for idx, f := range flat.Enumerate() {
		if f < 0 || f >= size {
			return nil, errorf(op, ErrIndex, "index %d at position %v is out of bounds for an array of size %d; want 0 <= index < %d", f, idx, size, size)
		}
	}
	out := make([]NDView[int], len(shape))
	data := make([][]int, len(shape))
	for k := range out {
		out[k] = Zeros[int](flat.lay.Shape()...)
		data[k] = out[k].data
	}
	i := 0
	for f := range flat.Values() {
		for k := len(shape) - 1; k >= 0; k-- {
			data[k][i] = f % shape[k]
			f /= shape[k]
		}
		i++
	}
	return out, nil
}

// RavelMultiIndex returns the flat position, in C order, of the element
// at idx of an array of the given shape: NumPy's
// np.ravel_multi_index(idx, shape) with mode="raise". It panics with an
// *IndexError when an index is outside its axis (negative indices are
// refused, as NumPy does), and with an error wrapping ErrShape when idx
// and shape differ in length or an extent is negative.
func RavelMultiIndex(idx []int, shape ...int) int {
	const op = "RavelMultiIndex"
	checkIndexShape(op, shape)
	if len(idx) != len(shape) {
		panicf(op, ErrShape, "%d indices for a shape of %d dimensions %s", len(idx), len(shape), formatShape(shape))
	}
	flat := 0
	for k, i := range idx {
		if i < 0 || i >= shape[k] {
			panic(&IndexError{Op: op, Axis: k, Index: i, Shape: append([]int(nil), shape...)})
		}
		flat = flat*shape[k] + i
	}
	return flat
}

// RavelMultiIndices is RavelMultiIndex for index arrays, one per axis of
// shape, broadcast together: it returns a new array of their broadcast
// shape (NumPy's np.ravel_multi_index(arrays, shape)). An index outside
// its axis is an error wrapping ErrIndex naming it, its axis and its
// position, and so are index arrays that do not broadcast together (an
// error wrapping ErrShape). It panics with an error wrapping ErrShape when
// the number of arrays differs from the number of axes or an extent is
// negative.
func RavelMultiIndices(idx []NDView[int], shape ...int) (NDView[int], error) {
	const op = "RavelMultiIndices"
	checkIndexShape(op, shape)
	if len(idx) != len(shape) {
		panicf(op, ErrShape, "%d index arrays for a shape of %d dimensions %s", len(idx), len(shape), formatShape(shape))
	}
	shapes := make([][]int, len(idx))
	for k, a := range idx {
		shapes[k] = a.lay.Shape()
	}
	bshape, err := BroadcastShapes(shapes...)
	if err != nil {
		return NDView[int]{}, errorf(op, ErrShape, "index arrays do not broadcast together: %v", err)
	}
	views := make([]NDView[int], len(idx))
	for k, a := range idx {
		views[k] = Must(a.BroadcastTo(bshape...))
		for pos, i := range views[k].Enumerate() {
			if i < 0 || i >= shape[k] {
				return NDView[int]{}, errorf(op, ErrIndex, "index %d at position %v of array %d is out of bounds for axis %d of size %d", i, pos, k, k, shape[k])
			}
		}
	}
	out := Zeros[int](bshape...)
	for k, v := range views {
		i := 0
		for x := range v.Values() {
			out.data[i] = out.data[i]*shape[k] + x
			i++
		}
	}
	return out, nil
}

// Ndindex returns an iterator over every multi-index of an array of the
// given shape, in C order: NumPy's np.ndindex(*shape). The index slice is
// reused: each step overwrites the one before, so keep a copy
// (slices.Clone) of any index you keep. A shape with a zero extent yields
// nothing; the empty shape yields one empty index. Ndindex panics with an
// error wrapping ErrShape for a negative extent.
func Ndindex(shape ...int) iter.Seq[[]int] {
	size := checkIndexShape("Ndindex", shape)
	shape = append([]int(nil), shape...)
	return func(yield func([]int) bool) {
		if size == 0 {
			return
		}
		idx := make([]int, len(shape))
		for {
			if !yield(idx) {
				return
			}
			k := len(shape) - 1
			for ; k >= 0; k-- {
				idx[k]++
				if idx[k] < shape[k] {
					break
				}
				idx[k] = 0
			}
			if k < 0 {
				return
			}
		}
	}
}

// checkIndexShape returns the size of shape, panicking for a negative
// extent or a size that overflows int.
func checkIndexShape(op string, shape []int) int {
	size, err := layout.CheckShape(op, shape, 1)
	if err != nil {
		panic(err)
	}
	return size
}
