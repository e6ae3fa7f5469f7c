package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/mem"

// MaxRank is the largest number of dimensions a view may have, the limit of
// both NumPy and Python's memoryview.
const MaxRank = layout.MaxRank

// NDView is an n-dimensional strided view of a Go slice: the NumPy ndarray
// and Python memoryview model for Go. Element (i0, …, ik) of a view is
//
//	data[offset + i0·strides[0] + … + ik·strides[k]]
//
// with strides counted in elements (negative and zero strides allowed).
//
// An NDView is a small value like a slice header: copying it copies the
// header, never the elements, and every view operation (Slice, Index, T,
// Transpose, Reshape, BroadcastTo, …) returns a new header over the same
// data. Views of rank up to 4 hold their shape and strides inline and cost
// no allocation to derive.
//
// Every view keeps the bounds invariant (see the package documentation):
// every element it can reach lies inside its data. A read-only view refuses
// every write path.
//
// The zero NDView is an empty 1-D view (shape [0]), like a nil slice.
type NDView[T any] struct {
	lay  layout.Layout // first: see layout.Layout
	data []T
}

// FromSlice returns a C-contiguous view of data with the given shape; with no
// shape the view is 1-D over all of data. The view shares data: writes
// through either are seen through the other.
//
// FromSlice returns an error wrapping ErrShape when the product of the
// extents differs from len(data), an extent is negative or the rank exceeds
// MaxRank, and ErrOverflow when the byte size of the shape overflows int.
func FromSlice[T any](data []T, shape ...int) (NDView[T], error) {
	return fromSlice("FromSlice", data, shape)
}

// fromSlice is FromSlice for the operation op, which its errors name:
// errors are built once, with the right Op, and never changed after
// (semantics.md E6).
func fromSlice[T any](op string, data []T, shape []int) (NDView[T], error) {
	if len(shape) == 0 {
		v := newView(data, 0, 1)
		v.lay.Shape()[0], v.lay.Strides()[0] = len(data), 1
		return v, nil
	}
	size, err := layout.CheckShape(op, shape, mem.Sizeof[T]())
	if err != nil {
		return NDView[T]{}, err
	}
	if size != len(data) {
		return NDView[T]{}, errorf(op, ErrShape,
			"shape %s holds %d elements but data has %d; the product of the extents must equal len(data)",
			formatShape(shape), size, len(data))
	}
	v := newView(data, 0, len(shape))
	copy(v.lay.Shape(), shape)
	layout.FillCStrides(shape, v.lay.Strides())
	return v, nil
}

// Wrap returns the view of data with the given offset, shape and strides (in
// elements): NumPy's as_strided, validated. It returns an error, never
// panics: ErrShape for a negative extent, a rank above MaxRank or a stride
// count that differs from the rank; ErrOverflow when the shape, strides or
// offset overflow int; and ErrBounds when a reachable element would lie
// outside data (for an empty view, when offset is outside [0, len(data)]).
//
// A view in which two indices might reach the same element (a zero stride,
// overlapping windows) is returned read-only, so that no write can land on
// one element twice. The view shares data.
func Wrap[T any](data []T, offset int, shape, strides []int) (NDView[T], error) {
	return wrap("Wrap", data, offset, shape, strides)
}

// wrap is Wrap for the operation op, which its errors name.
func wrap[T any](op string, data []T, offset int, shape, strides []int) (NDView[T], error) {
	var v NDView[T]
	if err := v.lay.Set(op, len(data), offset, shape, strides, mem.Sizeof[T]()); err != nil {
		return NDView[T]{}, err
	}
	v.data = data
	return v, nil
}

// Zeros returns a new C-contiguous view of zeroed elements with the given
// shape, over a freshly allocated slice. Like make, it panics (with an
// error wrapping ErrShape or ErrOverflow) on a negative extent, a rank above
// MaxRank or a size that overflows.
func Zeros[T any](shape ...int) NDView[T] {
	size, err := layout.CheckShape("Zeros", shape, mem.Sizeof[T]())
	if err != nil {
		panic(err)
	}
	v := newView(mem.Make[T](size), 0, len(shape))
	copy(v.lay.Shape(), shape)
	layout.FillCStrides(shape, v.lay.Strides())
	return v
}

// newView returns a view of data at offset with room for ndim axes and an
// unset layout.
func newView[T any](data []T, offset, ndim int) NDView[T] {
	v := NDView[T]{data: data, lay: layout.Layout{Off: offset}}
	v.lay.Reset(ndim)
	return v
}

// NDim returns the number of dimensions (axes) of v.
func (v NDView[T]) NDim() int { return v.lay.NDim() }

// Shape returns the extent of each axis of v, in a new slice; an empty slice
// for a 0-d view.
func (v NDView[T]) Shape() []int { return append([]int{}, v.lay.Shape()...) }

// Strides returns the stride of each axis of v in elements, in a new slice.
func (v NDView[T]) Strides() []int { return append([]int{}, v.lay.Strides()...) }

// ByteStrides returns the stride of each axis of v in bytes, in a new slice
// (NumPy's strides and memoryview.strides).
func (v NDView[T]) ByteStrides() []int {
	s := v.Strides()
	size := mem.Sizeof[T]()
	for i := range s {
		s[i] *= size
	}
	return s
}

// Offset returns the index in the backing data of v's first element,
// element (0, …, 0). For a view without elements it is only bookkeeping, and
// may lie outside the data (NumPy's offset arithmetic is kept).
func (v NDView[T]) Offset() int { return v.lay.Off }

// Size returns the number of elements of v, the product of its shape: 1 for
// a 0-d view, 0 when any extent is 0.
func (v NDView[T]) Size() int { return layout.ShapeSize(v.lay.Shape()) }

// ItemSize returns the size of one element in bytes.
func (v NDView[T]) ItemSize() int { return mem.Sizeof[T]() }

// NBytes returns Size()·ItemSize(): the logical size of v in bytes, not the
// span of memory it covers.
func (v NDView[T]) NBytes() int { return v.Size() * mem.Sizeof[T]() }

// ReadOnly reports whether v refuses writes. Views made read-only by
// AsReadOnly, BroadcastTo, SlidingWindow or a self-overlapping Wrap stay
// read-only, as does every view derived from them.
func (v NDView[T]) ReadOnly() bool { return v.lay.Flags&layout.FlagReadOnly != 0 }

// IsCContiguous reports whether v's elements are adjacent in memory in C
// (row-major) order: every size-0 and 0-d view is; otherwise, skipping axes
// of extent 1, each stride is the product of the later extents.
func (v NDView[T]) IsCContiguous() bool {
	return v.lay.CContiguous()
}

// IsFContiguous reports whether v's elements are adjacent in memory in
// Fortran (column-major) order, the mirror of IsCContiguous.
func (v NDView[T]) IsFContiguous() bool {
	return v.lay.FContiguous()
}

// IsContiguous reports whether v is C- or F-contiguous.
func (v NDView[T]) IsContiguous() bool {
	c, f := v.lay.Contiguity()
	return c || f
}

// AsReadOnly returns a read-only view of the same elements
// (memoryview.toreadonly). v itself is unchanged.
func (v NDView[T]) AsReadOnly() NDView[T] {
	v.lay.Flags |= layout.FlagReadOnly
	return v
}

// Obj returns the object that owns the memory of v (memoryview.obj), or nil
// for views of ordinary Go slices. Packages that hand out views of memory
// they manage, such as mapped files, set it with WithObj; every view derived
// from v keeps it, and so keeps it reachable.
func (v NDView[T]) Obj() any { return v.lay.Owner() }

// WithObj returns v with its owner set to obj (see Obj): as long as any view
// derived from the result is reachable, so is obj, and a cleanup attached to
// obj cannot release the memory under the view. It panics with an error
// wrapping ErrLayout if v already has a different owner, which would
// otherwise stop protecting the memory.
func WithObj[T any](v NDView[T], obj any) NDView[T] {
	if old := v.lay.SetOwner(obj); old != nil && old != obj {
		panicf("WithObj", ErrLayout, "view already has an owner (%T); an owner cannot be replaced", old)
	}
	return v
}

// Data returns the whole backing slice of v, so that code handing the view
// to other libraries can reach its elements: element (i0, …, ik) is
// Data()[Offset() + Σ ij·Strides()[j]]. It returns an error wrapping
// ErrReadOnly, and no data, for a read-only view: a Go slice cannot be made
// read-only, so none is handed out.
func (v NDView[T]) Data() ([]T, error) {
	if v.ReadOnly() {
		return nil, errorf("Data", ErrReadOnly, "view is read-only; raw data is only handed out for writable views")
	}
	return v.data, nil
}

// At returns element idx of v. It panics with an *IndexError when len(idx)
// differs from NDim or an index is outside [0, extent) of its axis; as with
// Go slices, negative indices are not counted from the end (use Index for
// that).
func (v NDView[T]) At(idx ...int) T {
	return v.data[v.lay.ElemOffset(0, idx)]
}

// Set stores x at element idx of v. It panics like At, and with an error
// wrapping ErrReadOnly when v is read-only.
func (v NDView[T]) Set(x T, idx ...int) {
	v.data[v.lay.ElemOffset(layout.FlagReadOnly, idx)] = x
}
