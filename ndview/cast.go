package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Reinterpreting casts (semantics.md C2, C3): views of the same memory as
// another element type, never a copy. The memory itself is reinterpreted
// by package mem, the one door to unsafe; this file checks the layout.

import "github.com/ndkit/ndkit/ndview/internal/mem"

// Cast returns a view of v's memory as elements of type U: NumPy's
// a.view(dtype), checked as Go requires (semantics.md C2, C3). Nothing is
// copied: the result shares v's memory, so writes through either are seen
// through the other. It stays read-only when v is, keeps v's owner (Obj),
// and costs no allocation for ranks up to 4.
//
// When U and T have the same size, the result has v's shape and strides.
// Otherwise only the last axis changes: it must be contiguous (its byte
// stride equal to T's size) unless its extent is 1 or v is empty; for a
// smaller U, sizeof(T) must be a multiple of sizeof(U) and the extent is
// multiplied by the ratio; for a larger U, the bytes of the last axis must
// be a multiple of sizeof(U) and the extent is divided accordingly. So a
// uint8 view of shape (2, 3, 4) cast to uint32 has shape (2, 3, 1) and
// byte strides (12, 4, 4), and float64 (2, 4) cast to complex128 is (2, 2).
//
// Unlike NumPy, Cast never forms a misaligned pointer: the first element's
// address must be a multiple of U's alignment, and every byte stride of an
// axis of extent > 1 a multiple of U's size. Views without elements reach
// no memory and skip those two checks.
//
// Go requires every bool to be 0 or 1 (compilers rely on it), so a type
// holding bools is only made from the memory of the same type (or of
// another bool type): a U holding bools is refused, and a cast of a T
// holding bools to another type is read-only, since writes through it
// could store other bytes in the bools.
//
// Cast returns an error, never panics: ErrType when T or U holds pointers
// (strings, slices, maps, pointers, channels, functions, interfaces, or
// structs and arrays containing them) or has size 0, or when U holds bools
// and T is not the same type or a bool; ErrShape when v is 0-d
// and the sizes differ, or a size does not divide as required; ErrLayout
// when the last axis is not contiguous or a byte stride is not a multiple
// of U's size; ErrAlign ("misaligned") when the first element is not
// aligned for U.
func Cast[U, T any](v NDView[T]) (NDView[U], error) {
	const op = "Cast"
	ti, ui := mem.InfoOf[T](), mem.InfoOf[U]()
	if !ti.BytesOK() {
		return NDView[U]{}, castTypeError(op, ti, "source")
	}
	if !ui.BytesOK() {
		return NDView[U]{}, castTypeError(op, ui, "target")
	}
	if !ui.MadeFrom(ti) {
		return NDView[U]{}, boolTypeError(op, ui)
	}
	st, su := ti.Size, ui.Size
	sh, str := v.lay.Shape(), v.lay.Strides()
	ndim := len(sh)
	size := layout.ShapeSize(sh)
	r := newView[U](nil, 0, ndim)
	r.lay.KeepOwner(&v.lay)
	r.lay.Flags = v.lay.Flags & layout.FlagReadOnly
	if !ti.MadeFrom(ui) {
		r.lay.Flags |= layout.FlagReadOnly // writes could store other bytes than 0 and 1 in a bool
	}
	rsh, rst := r.lay.Shape(), r.lay.Strides()
	copy(rsh, sh)
	axes := ndim // the axes whose strides are rescaled
	if st != su {
		if ndim == 0 {
			return NDView[U]{}, errorf(op, ErrShape,
				"cannot change the item size of a 0-d view (from %d to %d bytes); only a type of the same size can be cast to",
				st, su)
		}
		last := ndim - 1
		n := sh[last]
		if n != 1 && size != 0 && str[last] != 1 {
			return NDView[U]{}, errorf(op, ErrLayout,
				"to change the item size (from %d to %d bytes) the last axis must be contiguous, but its byte stride is %d with item size %d (shape %s); copy the view first",
				st, su, str[last]*st, st, formatShape(sh))
		}
		switch {
		case su < st && st%su != 0:
			return NDView[U]{}, errorf(op, ErrShape,
				"when changing to a smaller type, its size (%d bytes) must divide the size of the original type (%d bytes)", su, st)
		case su > st && n*st%su != 0:
			return NDView[U]{}, errorf(op, ErrShape,
				"when changing to a larger type, its size (%d bytes) must divide the %d bytes of the last axis (shape %s, item size %d)",
				su, n*st, formatShape(sh), st)
		}
		// n·st fits in int: it is at most the byte size of the nonzero
		// extents (invariant 2).
		rsh[last], rst[last] = n*st/su, 1
		axes = last
	}
	for k := range axes {
		bs, ok := layout.MulInt(str[k], st)
		if size > 0 && sh[k] > 1 && (!ok || bs%su != 0) {
			return NDView[U]{}, errorf(op, ErrLayout,
				"the byte stride of axis %d (%d elements of %d bytes, shape %s) is not a multiple of %d, the size of the new type",
				k, str[k], st, formatShape(sh), su)
		}
		// Strides of extent-1 axes mean nothing (semantics.md L8); keep what
		// can be expressed.
		rst[k] = bs / su
	}
	if size == 0 {
		// Nothing is reachable: keep the memory when the offset allows,
		// without checking alignment or strides (C3).
		if v.lay.Off >= 0 && v.lay.Off <= len(v.data) && (mem.Addr(v.data)+uintptr(v.lay.Off*st))%uintptr(ui.Align) == 0 {
			r.data, r.lay.Off = mem.Reinterpret[U](v.data, v.lay.Off*st)
		}
		return r, nil
	}
	first := v.lay.Off * st // v.off indexes data, so this fits
	if addr := mem.Addr(v.data) + uintptr(first); addr%uintptr(ui.Align) != 0 {
		return NDView[U]{}, errorf(op, ErrAlign,
			"misaligned: the first element is at address %#x, which is not a multiple of %d, the alignment of the new type (format %s)",
			addr, ui.Align, ui.Format)
	}
	r.data, r.lay.Off = mem.Reinterpret[U](v.data, first)
	// Every reachable U lies in the bytes v reaches, all inside data, and
	// starts at a multiple of su from the first: so inside r.data. Checked
	// anyway, since a mistake here would reach outside memory.
	if lo, hi, ok := layout.Extent(r.lay.Off, rsh, rst); !ok || lo < 0 || hi >= len(r.data) {
		return NDView[U]{}, errorf(op, ErrBounds,
			"the cast view of shape %s would reach outside its memory", formatShape(rsh))
	}
	return r, nil
}

// boolTypeError reports a target type holding bools.
func boolTypeError(op string, t *mem.Info) error {
	return errorf(op, ErrType,
		"the target element type (format %s) holds a bool, and Go requires every bool to be 0 or 1, which other bytes need not be; read the bytes as uint8, or decode them with DecodeBytes, which checks",
		t.Format)
}

// castTypeError reports an element type that cannot be reinterpreted.
func castTypeError(op string, t *mem.Info, role string) error {
	if t.Kind == mem.Pointers {
		return errorf(op, ErrType,
			"the %s element type holds pointers (format %s); only pointer-free types such as numbers, bools and structs or arrays of them can be seen as bytes", role, t.Format)
	}
	return errorf(op, ErrType, "the %s element type has size 0; it has no bytes to reinterpret", role)
}

// FromBytes returns a view of b's bytes as elements of type T in native
// byte order, without copying: writes through the view change b and
// writes to b are seen through the view. With no shape the view is 1-D;
// otherwise the product of shape must equal the number of elements. It
// costs no allocation for ranks up to 4.
//
// FromBytes returns an error, never panics: ErrType when T holds pointers
// or bools (whose bytes must be 0 or 1; DecodeBytes checks them) or has
// size 0; ErrShape when len(b) is not a multiple of T's size or the
// shape does not hold len(b)/size elements; ErrAlign ("misaligned") when
// b is not empty and does not start at an address aligned for T (a []byte
// may start anywhere: b[1:], small allocations); ErrOverflow when the shape
// overflows. To read bytes in another byte order, or unaligned ones, use
// DecodeBytes, which copies.
func FromBytes[T any](b []byte, shape ...int) (NDView[T], error) {
	const op = "FromBytes"
	ti := mem.InfoOf[T]()
	if !ti.BytesOK() {
		return NDView[T]{}, castTypeError(op, ti, "target")
	}
	if !ti.MadeFrom(mem.InfoOf[uint8]()) {
		return NDView[T]{}, boolTypeError(op, ti)
	}
	if len(b)%ti.Size != 0 {
		return NDView[T]{}, errorf(op, ErrShape,
			"byte length %d is not a multiple of the item size %d (format %s)", len(b), ti.Size, ti.Format)
	}
	var data []T
	if len(b) > 0 {
		if addr := mem.Addr(b); addr%uintptr(ti.Align) != 0 {
			return NDView[T]{}, errorf(op, ErrAlign,
				"misaligned: the bytes start at address %#x, which is not a multiple of %d, the alignment of the element type (format %s); copy them with DecodeBytes",
				addr, ti.Align, ti.Format)
		}
		data, _ = mem.Reinterpret[T](b, 0)
	}
	return fromSlice(op, data, shape)
}

// ByteView returns a view of the bytes of v's elements, for any layout:
// NumPy's a.view((np.uint8, a.itemsize)). The result has v's axes with
// their strides in bytes, and one more last axis of extent ItemSize() and
// stride 1 that walks the bytes of one element in memory order (native
// byte order). Nothing is copied: writes through either view are seen
// through the other; it stays read-only when v is and keeps v's owner. When
// T holds bools the result is read-only, since writing other bytes than 0
// and 1 into a bool is not allowed in Go.
// For a C-contiguous v, ByteView(v).Reshape(-1) is the whole memory. It
// costs no allocation when v has rank up to 3 (the result has one more
// axis).
//
// ByteView returns an error wrapping ErrType when T holds pointers or has
// size 0, and ErrShape when v already has MaxRank axes.
func ByteView[T any](v NDView[T]) (NDView[byte], error) {
	const op = "ByteView"
	ti := mem.InfoOf[T]()
	if !ti.BytesOK() {
		return NDView[byte]{}, castTypeError(op, ti, "source")
	}
	sh, str := v.lay.Shape(), v.lay.Strides()
	ndim := len(sh)
	if ndim+1 > MaxRank {
		return NDView[byte]{}, errorf(op, ErrShape, "a view of %d dimensions has no room for a byte axis (maximum %d)", ndim, MaxRank)
	}
	r := newView[byte](nil, 0, ndim+1)
	r.lay.KeepOwner(&v.lay)
	r.lay.Flags = v.lay.Flags & layout.FlagReadOnly
	if ti.HasBool {
		r.lay.Flags |= layout.FlagReadOnly // writes could store other bytes than 0 and 1 in a bool
	}
	rsh, rst := r.lay.Shape(), r.lay.Strides()
	copy(rsh, sh)
	rsh[ndim], rst[ndim] = ti.Size, 1
	for k := range ndim {
		// Overflow is only possible on extent-1 axes, whose stride means
		// nothing, or in views without elements.
		rst[k], _ = layout.MulInt(str[k], ti.Size)
	}
	if v.Size() > 0 || v.lay.Off >= 0 && v.lay.Off <= len(v.data) {
		r.data, r.lay.Off = mem.Reinterpret[byte](v.data, v.lay.Off*ti.Size)
	}
	return r, nil
}

// FromString returns a read-only 1-D view of the bytes of s, without
// copying. Go strings are immutable, so the view refuses every write, as
// do all views derived from it (casts included).
func FromString(s string) NDView[byte] {
	// The bytes of a string are never written; the read-only flag, which
	// every write path checks, keeps it so.
	data := mem.StringBytes(s)
	v, _ := FromSlice(data) // 1-D over all of data cannot fail
	return v.AsReadOnly()
}
