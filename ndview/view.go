package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/mem"

// inlineRank is the largest rank whose shape and strides live inside the
// NDView value itself; views of rank up to inlineRank are created, sliced,
// transposed and reshaped without allocating. Higher ranks keep shape and
// strides in a heap slice of 2·ndim ints (extra.big) that no other view
// writes.
const inlineRank = 4

// MaxRank is the largest number of dimensions a view may have, the limit of
// both NumPy and Python's memoryview.
const MaxRank = layout.MaxRank

// View flags. Contiguity is not among them: it is computed when asked
// (layout.contiguity), which costs less than keeping it up to date.
const (
	flagReadOnly uint8 = 1 << iota
)

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
	viewLayout // first, see layout
	data       []T
}

// layout is the part of a view that does not depend on T: offset, shape,
// strides, flags and owner. Code that needs only these (element offsets,
// panics) takes a *viewLayout and is compiled once for all element types.
//
// The inline shape and strides come first, at offset 0 of the NDView, so
// that they lie on the same 16-byte boundaries as the moves that copy a
// view: reading them just after a copy then never straddles two stores,
// which would stall store forwarding (BenchmarkSlice, 3-4 ns a call).
//
// What few views need (heap storage for high ranks, an owner) sits behind
// one pointer, so that every view operation copies a header of 14 words,
// not 18: copying headers in and out is most of what a view operation costs.
type viewLayout struct {
	small [2 * inlineRank]int
	off   int
	extra *extra // nil for most views; shared between views, never written
	rank1 int32  // ndim-1, so that the zero NDView is 1-D with shape [0]
	flags uint8
}

// extra holds the parts of a layout that few views need. Views copied from
// one another share it, so it is never modified once its creator (setRank,
// WithObj) has filled it in: a view that needs other contents gets a new one.
type extra struct {
	big []int // shape then strides when ndim > inlineRank; unused otherwise
	obj any   // the owner of data's memory, kept reachable; see Obj
}

// FromSlice returns a C-contiguous view of data with the given shape; with no
// shape the view is 1-D over all of data. The view shares data: writes
// through either are seen through the other.
//
// FromSlice returns an error wrapping ErrShape when the product of the
// extents differs from len(data), an extent is negative or the rank exceeds
// MaxRank, and ErrOverflow when the byte size of the shape overflows int.
func FromSlice[T any](data []T, shape ...int) (NDView[T], error) {
	if len(shape) == 0 {
		v := newView(data, 0, 1)
		v.small[0] = len(data)
		v.small[inlineRank] = 1
		return v, nil
	}
	size, err := layout.CheckShape("FromSlice", shape, mem.Sizeof[T]())
	if err != nil {
		return NDView[T]{}, err
	}
	if size != len(data) {
		return NDView[T]{}, errorf("FromSlice", ErrShape,
			"shape %s holds %d elements but data has %d; the product of the extents must equal len(data)",
			formatShape(shape), size, len(data))
	}
	v := newView(data, 0, len(shape))
	copy(v.shapeRef(), shape)
	layout.FillCStrides(shape, v.stridesRef())
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
	if err := layout.CheckLayout("Wrap", len(data), offset, shape, strides, mem.Sizeof[T]()); err != nil {
		return NDView[T]{}, err
	}
	v := newView(data, offset, len(shape))
	copy(v.shapeRef(), shape)
	copy(v.stridesRef(), strides)
	if layout.MayOverlap(shape, strides) {
		v.flags |= flagReadOnly
	}
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
	v := newView(make([]T, size), 0, len(shape))
	copy(v.shapeRef(), shape)
	layout.FillCStrides(shape, v.stridesRef())
	return v
}

// newView returns a view of data at offset with room for ndim axes and an
// unset layout.
func newView[T any](data []T, offset, ndim int) NDView[T] {
	v := NDView[T]{data: data, viewLayout: viewLayout{off: offset}}
	v.setRank(ndim)
	return v
}

// setRank prepares fresh storage for ndim axes. Storage is never shared with
// the view this one was copied from, so derived views cannot disturb their
// sources.
//
// A view of rank up to inlineRank keeps its extra (and so its owner) and
// ignores extra.big; a higher rank gets a new extra.
func (v *viewLayout) setRank(ndim int) {
	v.rank1 = int32(ndim - 1)
	if ndim > inlineRank {
		v.extra = &extra{big: make([]int, 2*ndim), obj: v.owner()}
	}
}

// heapStored reports whether the shape and strides live in extra.big.
func (v *viewLayout) heapStored() bool { return v.rank1 >= inlineRank }

// owner returns the view's owner (see Obj), or nil.
func (v *viewLayout) owner() any {
	if v.extra == nil {
		return nil
	}
	return v.extra.obj
}

// keepOwner gives v, whose storage setRank has just prepared, the owner of
// src, so that views derived in new ways (casts, byte views) keep it.
func (v *viewLayout) keepOwner(src *viewLayout) {
	obj := src.owner()
	switch {
	case obj == nil:
	case v.heapStored():
		v.extra.obj = obj // a new extra, not yet shared
	default:
		v.extra = src.extra // extra.big is unused at this rank
	}
}

// shapeRef returns the view's own shape storage.
func (v *viewLayout) shapeRef() []int {
	n := int(v.rank1) + 1
	if v.heapStored() {
		return v.extra.big[:n:n]
	}
	return v.small[:n:n]
}

// stridesRef returns the view's own stride storage.
func (v *viewLayout) stridesRef() []int {
	n := int(v.rank1) + 1
	if v.heapStored() {
		return v.extra.big[n : 2*n : 2*n]
	}
	return v.small[inlineRank : inlineRank+n : inlineRank+n]
}

// sizeAndCContiguous returns the number of elements and whether the layout
// is C-contiguous (isCContiguous), in one pass. Inline layouts are computed
// as rank 4, the missing axes counted as trailing extents of 1 (which change
// neither the size nor the contiguity), so that no multiply waits for more
// than one other: a loop would chain them all.
func (v *viewLayout) sizeAndCContiguous() (size int, c bool) {
	if v.heapStored() {
		sh, st := v.shapeRef(), v.stridesRef()
		size, c = 1, true
		for i := len(sh) - 1; i >= 0; i-- {
			n := sh[i]
			if n != 1 && st[i] != size {
				c = false
			}
			size *= n
		}
		return size, c || size == 0
	}
	sm := &v.small
	n0, n1, n2, n3 := 1, 1, 1, 1
	switch v.rank1 {
	case 3:
		n3 = sm[3]
		fallthrough
	case 2:
		n2 = sm[2]
		fallthrough
	case 1:
		n1 = sm[1]
		fallthrough
	case 0:
		n0 = sm[0]
	}
	p3 := n2 * n3 // the extents after axis 1
	size = n0 * n1 * p3
	c = (n3 == 1 || sm[inlineRank+3] == 1) &&
		(n2 == 1 || sm[inlineRank+2] == n3) &&
		(n1 == 1 || sm[inlineRank+1] == p3) &&
		(n0 == 1 || sm[inlineRank] == n1*p3)
	return size, c || size == 0
}

// contiguity reports whether the layout is C- and F-contiguous
// (SEMANTICS L7). It is computed when asked, not kept with the view: a few
// multiplies for the usual ranks cost less than updating stored flags in
// every view operation (BenchmarkSlice).
func (v *viewLayout) contiguity() (c, f bool) { return layout.Contiguity(v.shapeRef(), v.stridesRef()) }

// cContiguous reports whether the layout is C-contiguous.
func (v *viewLayout) cContiguous() bool {
	_, c := v.sizeAndCContiguous()
	return c
}

// fContiguous reports whether the layout is F-contiguous.
func (v *viewLayout) fContiguous() bool { return layout.IsFContiguous(v.shapeRef(), v.stridesRef()) }

// NDim returns the number of dimensions (axes) of v.
func (v NDView[T]) NDim() int { return int(v.rank1) + 1 }

// Shape returns the extent of each axis of v, in a new slice; an empty slice
// for a 0-d view.
func (v NDView[T]) Shape() []int { return append([]int{}, v.shapeRef()...) }

// Strides returns the stride of each axis of v in elements, in a new slice.
func (v NDView[T]) Strides() []int { return append([]int{}, v.stridesRef()...) }

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
func (v NDView[T]) Offset() int { return v.off }

// Size returns the number of elements of v, the product of its shape: 1 for
// a 0-d view, 0 when any extent is 0.
func (v NDView[T]) Size() int { return layout.ShapeSize(v.shapeRef()) }

// ItemSize returns the size of one element in bytes.
func (v NDView[T]) ItemSize() int { return mem.Sizeof[T]() }

// NBytes returns Size()·ItemSize(): the logical size of v in bytes, not the
// span of memory it covers.
func (v NDView[T]) NBytes() int { return v.Size() * mem.Sizeof[T]() }

// ReadOnly reports whether v refuses writes. Views made read-only by
// AsReadOnly, BroadcastTo, SlidingWindow or a self-overlapping Wrap stay
// read-only, as does every view derived from them.
func (v NDView[T]) ReadOnly() bool { return v.flags&flagReadOnly != 0 }

// IsCContiguous reports whether v's elements are adjacent in memory in C
// (row-major) order: every size-0 and 0-d view is; otherwise, skipping axes
// of extent 1, each stride is the product of the later extents.
func (v NDView[T]) IsCContiguous() bool {
	return v.cContiguous()
}

// IsFContiguous reports whether v's elements are adjacent in memory in
// Fortran (column-major) order, the mirror of IsCContiguous.
func (v NDView[T]) IsFContiguous() bool {
	return v.fContiguous()
}

// IsContiguous reports whether v is C- or F-contiguous.
func (v NDView[T]) IsContiguous() bool {
	c, f := v.contiguity()
	return c || f
}

// AsReadOnly returns a read-only view of the same elements
// (memoryview.toreadonly). v itself is unchanged.
func (v NDView[T]) AsReadOnly() NDView[T] {
	v.flags |= flagReadOnly
	return v
}

// Obj returns the object that owns the memory of v (memoryview.obj), or nil
// for views of ordinary Go slices. Packages that hand out views of memory
// they manage, such as mapped files, set it with WithObj; every view derived
// from v keeps it, and so keeps it reachable.
func (v NDView[T]) Obj() any { return v.owner() }

// WithObj returns v with its owner set to obj (see Obj): as long as any view
// derived from the result is reachable, so is obj, and a cleanup attached to
// obj cannot release the memory under the view. It panics with an error
// wrapping ErrLayout if v already has a different owner, which would
// otherwise stop protecting the memory.
func WithObj[T any](v NDView[T], obj any) NDView[T] {
	old := v.owner()
	if old != nil && old != obj {
		panicf("WithObj", ErrLayout, "view already has an owner (%T); an owner cannot be replaced", old)
	}
	if old == nil {
		e := &extra{obj: obj}
		if v.heapStored() {
			e.big = v.extra.big // never written again, so it can be shared
		}
		v.extra = e
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
	return v.data[v.elemOffset(0, idx)]
}

// Set stores x at element idx of v. It panics like At, and with an error
// wrapping ErrReadOnly when v is read-only.
func (v NDView[T]) Set(x T, idx ...int) {
	v.data[v.elemOffset(flagReadOnly, idx)] = x
}

// elemOffset returns the data index of element idx, checking each index
// against its extent, and panicking if v has any of the flags in refuse
// (At passes none, Set flagReadOnly). It is not generic, so the call passes
// no dictionary, and it handles views of rank 1 to 3 with the loop unrolled;
// everything else goes to elemOffsetSlow.
func (l *viewLayout) elemOffset(refuse uint8, idx []int) int {
	// Ranks 1 to 3 always have inline layouts.
	if l.flags&refuse == 0 && len(idx) == int(l.rank1)+1 {
		sm, off := &l.small, l.off
		switch len(idx) {
		case 3:
			i, j, k := idx[0], idx[1], idx[2]
			if uint(i) < uint(sm[0]) && uint(j) < uint(sm[1]) && uint(k) < uint(sm[2]) {
				return off + i*sm[inlineRank] + j*sm[inlineRank+1] + k*sm[inlineRank+2]
			}
		case 2:
			i, j := idx[0], idx[1]
			if uint(i) < uint(sm[0]) && uint(j) < uint(sm[1]) {
				return off + i*sm[inlineRank] + j*sm[inlineRank+1]
			}
		case 1:
			if i := idx[0]; uint(i) < uint(sm[0]) {
				return off + i*sm[inlineRank]
			}
		}
	}
	return l.elemOffsetSlow(refuse, idx)
}

// elemOffsetSlow is elemOffset for the other ranks and heap-stored
// layouts, and the panics.
func (l *viewLayout) elemOffsetSlow(refuse uint8, idx []int) int {
	op := "At"
	if refuse != 0 {
		op = "Set"
	}
	if l.flags&refuse != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	sh, st := l.shapeRef(), l.stridesRef()
	if len(idx) != len(sh) {
		panicf(op, ErrIndex, "%d indices %s for a view of %d dimensions (shape %s)", len(idx), formatShape(idx), len(sh), formatShape(sh))
	}
	p := l.off
	for k, i := range idx {
		if uint(i) >= uint(sh[k]) {
			panic(&IndexError{Op: op, Axis: k, Index: i, Shape: append([]int{}, sh...)})
		}
		p += i * st[k]
	}
	return p
}
