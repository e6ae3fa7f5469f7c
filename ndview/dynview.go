package ndview

// Runtime-format views (semantics.md §25, BP7-BP10): memory whose element
// type is known only when the program runs, from a file header or an
// exporter's format string. A MemoryView reads its items through their
// format, byte by byte, so it never forms a typed pointer: it has no
// alignment rule, and reads items in either byte order. FromMemoryView turns
// it into a typed NDView, with the checks of ViewOf.
//
// Representation: a byte view over the exported memory with one more last
// axis, of extent itemsize and stride 1, that walks the bytes of one item.
// Its validation is Wrap's, so every item lies inside the memory, and its
// copies are CopyFrom's.

import (
	"math"
	"slices"
	"strings"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/float8"
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/x448/float16"
)

// MemoryView is a view of memory whose element format is known only at run
// time: Python's memoryview. It carries its format string (Format) and
// reads items as Go values of the matching type (At, ToList). Make one
// with MemoryViewOf; Cast reinterprets it with memoryview's rules, and
// FromMemoryView gives a typed NDView.
//
// A MemoryView is a small value; copies share the memory and the export.
// Release releases the export of every MemoryView derived from the same
// MemoryViewOf call; after it, every method except Release and Released
// panics with an error wrapping ErrReleased (semantics.md BP6). The zero
// MemoryView is released.
type MemoryView struct {
	b      NDView[byte] // shape + (itemsize,), byte strides + (1,)
	format string
	spec   FormatSpec
	exp    *Export
}

// MemoryViewOf returns a runtime-format view of the memory x exports:
// memoryview(obj). The view shares the memory: writes through it (CopyFrom)
// change the exporter's memory, unless the buffer is read-only, in which
// case the view is. Release it when done (defer m.Release()).
//
// The buffer is checked as ViewOf checks it, except that there is no
// element type to match: the format must be one ParseFormat accepts, and
// the memory need not be aligned. The view has at most MaxRank-1 axes. A
// layout that may reach an item twice gives a read-only view, as Wrap does.
//
// MemoryViewOf returns the error of x.ExportBuffer as it is; otherwise its
// errors wrap ErrType (a nil exporter, a format ParseFormat refuses),
// ErrShape, ErrBounds or ErrOverflow. When it returns an error it has
// released the export.
func MemoryViewOf(x Exporter) (MemoryView, error) {
	const op = "MemoryViewOf"
	if x == nil {
		return MemoryView{}, errorf(op, ErrType, "the exporter is nil")
	}
	b, err := x.ExportBuffer()
	if err != nil {
		return MemoryView{}, err
	}
	m, err := memoryViewOfBuffer(op, &b)
	if err != nil {
		if b.Release != nil {
			b.Release()
		}
		return MemoryView{}, err
	}
	return m, nil
}

// memoryViewOfBuffer checks b and returns its MemoryView, which holds the
// export.
func memoryViewOfBuffer(op string, b *Buffer) (MemoryView, error) {
	spec, err := ParseFormat(b.Format)
	if err != nil {
		return MemoryView{}, errorf(op, ErrType, "the buffer's format %q is not valid: %s", b.Format, err.(*Error).Msg)
	}
	ndim := len(b.Shape)
	if ndim >= MaxRank {
		return MemoryView{}, errorf(op, ErrShape, "rank %d exceeds the maximum of %d for a runtime-format view", ndim, MaxRank-1)
	}
	if b.Strides != nil && len(b.Strides) != ndim {
		return MemoryView{}, errorf(op, ErrShape, "shape %s has %d axes but strides %s have %d; give one stride per axis",
			formatShape(b.Shape), ndim, formatShape(b.Strides), len(b.Strides))
	}
	sh := make([]int, 2*(ndim+1))
	st := sh[ndim+1:]
	sh = sh[:ndim+1]
	copy(sh, b.Shape)
	sh[ndim] = spec.Size
	if b.Strides == nil {
		layout.FillCStrides(sh, st)
	} else {
		copy(st, b.Strides)
		st[ndim] = 1
	}
	v, err := wrap(op, b.Data, b.Offset, sh, st)
	if err != nil {
		return MemoryView{}, err
	}
	if b.ReadOnly {
		v.lay.Flags |= layout.FlagReadOnly
	}
	if b.Obj != nil {
		v.lay.SetOwner(b.Obj)
	}
	return MemoryView{b: v, format: b.Format, spec: spec, exp: newExport(b.Release)}, nil
}

// live panics with an error wrapping ErrReleased when m's export was
// released (or m is the zero MemoryView).
func (m *MemoryView) live(op string) {
	if m.exp == nil || m.exp.Released() {
		panicf(op, ErrReleased, "the memoryview was released; a released view cannot be used (export it again)")
	}
}

// Release releases m's export, and with it every MemoryView derived from
// the same MemoryViewOf call (memoryview.release, or leaving a with
// block): the exporter's release function runs once, however often and
// from however many goroutines Release is called. Typed views taken with
// FromMemoryView stay valid Go memory (semantics.md BP6).
func (m MemoryView) Release() { m.exp.Release() }

// Released reports whether m's export was released.
func (m MemoryView) Released() bool { return m.exp == nil || m.exp.Released() }

// Format returns the format string m's items are read with, as the exporter
// gave it or as Cast set it (memoryview.format).
func (m MemoryView) Format() string { m.live("Format"); return m.format }

// FormatSpec returns m's parsed format: kind, item size and byte order.
func (m MemoryView) FormatSpec() FormatSpec { m.live("FormatSpec"); return m.spec }

// ItemSize returns the size of one item in bytes.
func (m MemoryView) ItemSize() int { m.live("ItemSize"); return m.spec.Size }

// NDim returns the number of axes of m.
func (m MemoryView) NDim() int { m.live("NDim"); return m.b.NDim() - 1 }

// Shape returns the extent of each axis of m, in a new slice.
func (m MemoryView) Shape() []int {
	m.live("Shape")
	s := m.b.Shape()
	return s[:len(s)-1]
}

// Strides returns the byte stride of each axis of m, in a new slice
// (memoryview.strides).
func (m MemoryView) Strides() []int {
	m.live("Strides")
	s := m.b.Strides()
	return s[:len(s)-1]
}

// Size returns the number of items of m.
func (m MemoryView) Size() int { m.live("Size"); return m.b.Size() / m.spec.Size }

// NBytes returns Size()·ItemSize() (memoryview.nbytes).
func (m MemoryView) NBytes() int { m.live("NBytes"); return m.b.Size() }

// ReadOnly reports whether m refuses writes (memoryview.readonly).
func (m MemoryView) ReadOnly() bool { m.live("ReadOnly"); return m.b.ReadOnly() }

// Obj returns the owner of m's memory, as the exporter gave it
// (memoryview.obj), or nil for Go memory.
func (m MemoryView) Obj() any { m.live("Obj"); return m.b.Obj() }

// IsCContiguous reports whether m's items are adjacent in C order.
func (m MemoryView) IsCContiguous() bool { m.live("IsCContiguous"); return m.b.IsCContiguous() }

// Bytes returns the bytes of m as a view of shape Shape()+(ItemSize(),),
// the last axis walking the bytes of one item: the same memory, read-only
// when m is. It is the way to hand m's memory to typed code when no
// element type fits its format.
func (m MemoryView) Bytes() NDView[byte] { m.live("Bytes"); return m.b }

// ExportBuffer implements Exporter: it exports m's memory with m's format,
// shape and strides. The export holds no release of its own; releasing m
// does not revoke views already made from it. It panics, wrapping
// ErrReleased, when m was released.
func (m MemoryView) ExportBuffer() (Buffer, error) {
	m.live("ExportBuffer")
	b, _ := m.b.ExportBuffer() // bytes: cannot fail
	n := len(b.Shape) - 1
	b.Shape, b.Strides, b.Format = b.Shape[:n:n], b.Strides[:n:n], m.format
	return b, nil
}

// FromMemoryView returns m as a typed view of T: the format must describe
// T, and the memory must be aligned for it, as in ViewOf (semantics.md
// BP4). The result shares m's memory and stays read-only when m is; it
// does not hold m's export (semantics.md BP6). It panics, wrapping
// ErrReleased, when m was released; its errors are those of ViewOf.
func FromMemoryView[T any](m MemoryView) (NDView[T], error) {
	m.live("FromMemoryView")
	b, _ := m.ExportBuffer()
	return viewOfBuffer[T]("FromMemoryView", &b)
}

// itemOffset returns the byte index in m.b.data of item idx, panicking
// like At for a wrong index.
func (m *MemoryView) itemOffset(op string, idx []int) int {
	sh, st := m.b.lay.Shape(), m.b.lay.Strides()
	ndim := len(sh) - 1
	if len(idx) != ndim {
		panicf(op, ErrIndex, "%d indices for a view of %d dimensions (shape %s); give one index per axis",
			len(idx), ndim, formatShape(sh[:ndim]))
	}
	p := m.b.lay.Off
	for k, i := range idx {
		if uint(i) >= uint(sh[k]) {
			panic(&IndexError{Op: op, Axis: k, Index: i, Shape: append([]int(nil), sh[:ndim]...)})
		}
		p += i * st[k]
	}
	return p
}

// At returns item idx of m as a Go value of the type its format names
// (memoryview's m[i, j]); see ToList for the types. It panics like
// NDView.At for a wrong index, and wrapping ErrReleased when m was
// released.
func (m MemoryView) At(idx ...int) any {
	m.live("At")
	p := m.itemOffset("At", idx)
	return decodeItem(m.spec, m.b.data[p:p+m.spec.Size])
}

// ToList returns m's items as nested []any in C order (memoryview.tolist):
// a 0-d view gives its item itself. Items become Go values by kind and
// size: bool; int8, int16, int32, int64; uint8, uint16, uint32, uint64;
// float16.Float16, float32, float64; complex64, complex128; and a new
// []byte for byte strings (c, S<n>) and opaque items (V<n>). Items in
// either byte order are decoded. It panics, wrapping ErrReleased, when m
// was released.
func (m MemoryView) ToList() any {
	m.live("ToList")
	return m.values().ToList()
}

// values returns m's items, decoded, as a new C-contiguous NDView[any].
func (m *MemoryView) values() NDView[any] {
	sh, st := m.b.lay.Shape(), m.b.lay.Strides()
	ndim := len(sh) - 1
	out := make([]any, layout.ShapeSize(sh[:ndim]))
	if len(out) > 0 {
		idx := make([]int, ndim)
		p := m.b.lay.Off
		for i := range out {
			out[i] = decodeItem(m.spec, m.b.data[p:p+m.spec.Size])
			// Advance the C-order odometer.
			for k := ndim - 1; k >= 0; k-- {
				idx[k]++
				p += st[k]
				if idx[k] < sh[k] {
					break
				}
				p -= idx[k] * st[k]
				idx[k] = 0
			}
		}
	}
	v := newView(out, 0, ndim) // C-contiguous, also for 0-d views
	copy(v.lay.Shape(), sh[:ndim])
	layout.FillCStrides(sh[:ndim], v.lay.Strides())
	return v
}

// String formats m's items as NDView.String does (NumPy's str()), decoded
// by format. A released view prints as "<released memoryview>", as CPython
// writes it.
func (m MemoryView) String() string {
	if m.Released() {
		return "<released memoryview>"
	}
	return m.values().String()
}

// CopyFrom copies the items of src into m (m[...] = src): the formats
// must be equal (the same kind, size and byte order) and the shapes
// identical, as memoryview's slice assignment requires. The memory may
// overlap: the result is as if src had been copied first (semantics.md
// W3). It panics with an error wrapping ErrReleased when m or src was
// released, and with one wrapping ErrReadOnly when m is read-only. It
// returns an error wrapping ErrType when the formats differ and ErrShape
// when the shapes do; then nothing is written.
func (m MemoryView) CopyFrom(src MemoryView) error {
	const op = "CopyFrom"
	m.live(op)
	src.live(op)
	if m.b.ReadOnly() {
		panicf(op, ErrReadOnly, "the destination memoryview is read-only")
	}
	if m.spec.Kind != src.spec.Kind || m.spec.Size != src.spec.Size ||
		m.spec.Size > 1 && m.spec.IsNative() != src.spec.IsNative() {
		return errorf(op, ErrType, "memoryview assignment: formats %q and %q are not the same (%s and %s); the items would be reinterpreted",
			m.format, src.format, m.spec, src.spec)
	}
	if !slices.Equal(m.b.lay.Shape(), src.b.lay.Shape()) {
		return errorf(op, ErrShape, "memoryview assignment: lvalue and rvalue have different structures: shape %s and %s",
			formatShape(m.Shape()), formatShape(src.Shape()))
	}
	m.b.CopyFrom(src.b)
	return nil
}

// Cast returns m with a new format and shape, memoryview.cast(format,
// shape) with CPython's rules (semantics.md C1, BP9): m must be
// C-contiguous; format is one native struct code (b B h H i I l L q Q n N
// P e f d ? c Zf Zd), optionally after '@'; m's format or the new one must
// be a byte format (b, B or c); m's byte length must be a multiple of the
// new item size. With a nil shape the result is 1-D; otherwise it has that
// shape (an empty, non-nil shape gives a 0-d view of one item), which may
// only go from 1-D to N-D or from N-D to 1-D, must have extents > 0 and
// must hold m's bytes exactly. Views with a zero extent can only be cast
// from 1-D without a shape.
//
// The result shares m's memory, stays read-only when m is, and shares m's
// export: Release of either releases both. Cast panics, wrapping
// ErrReleased, when m was released. It returns an error wrapping ErrLayout
// (not C-contiguous), ErrType (a format that is not one native code, or
// two formats that are not bytes) or ErrShape (lengths and shapes), with
// memoryview's words.
func (m MemoryView) Cast(format string, shape []int) (MemoryView, error) {
	const op = "Cast"
	m.live(op)
	sh := m.b.lay.Shape()
	ndim := len(sh) - 1
	if !m.b.IsCContiguous() {
		return MemoryView{}, errorf(op, ErrLayout, "memoryview: casts are restricted to C-contiguous views")
	}
	nbytes := m.b.Size()
	if (shape != nil || ndim != 1) && nbytes == 0 {
		return MemoryView{}, errorf(op, ErrShape, "memoryview: cannot cast view with zeros in shape or strides")
	}
	if shape != nil && len(shape) > 1 && ndim != 1 {
		return MemoryView{}, errorf(op, ErrShape, "memoryview: cast must be 1D -> ND or ND -> 1D (shape %s to %s)",
			formatShape(sh[:ndim]), formatShape(shape))
	}
	if len(shape) > MaxRank-1 {
		return MemoryView{}, errorf(op, ErrShape, "memoryview: number of dimensions must not exceed %d", MaxRank-1)
	}
	body := format
	if len(body) > 0 && body[0] == '@' {
		body = body[1:]
	}
	spec, err := ParseFormat(body)
	if err != nil || !(len(body) == 1 && strings.IndexByte("bBhHiIlLqQnNPefd?c", body[0]) >= 0 || body == "Zf" || body == "Zd") {
		return MemoryView{}, errorf(op, ErrType,
			"memoryview: destination format must be a native single character format prefixed with an optional '@' (got %q)", format)
	}
	if !isByteFormat(m.spec) && !isByteFormat(spec) {
		return MemoryView{}, errorf(op, ErrType, "memoryview: cannot cast between two non-byte formats (%q to %q)", m.format, format)
	}
	if nbytes%spec.Size != 0 {
		return MemoryView{}, errorf(op, ErrShape, "memoryview: length is not a multiple of itemsize (%d bytes, item size %d)", nbytes, spec.Size)
	}
	if shape == nil {
		shape = []int{nbytes / spec.Size}
	} else {
		prod := 1
		for _, n := range shape {
			if n <= 0 {
				return MemoryView{}, errorf(op, ErrShape, "memoryview.cast(): elements of shape must be integers > 0 (shape %s)", formatShape(shape))
			}
			var ok bool
			if prod, ok = layout.MulInt(prod, n); !ok {
				return MemoryView{}, errorf(op, ErrOverflow, "memoryview.cast(): product(shape) > SSIZE_MAX (shape %s)", formatShape(shape))
			}
		}
		if p, ok := layout.MulInt(prod, spec.Size); !ok || p != nbytes {
			return MemoryView{}, errorf(op, ErrShape, "memoryview: product(shape) * itemsize != buffer size (shape %s, item size %d, %d bytes)",
				formatShape(shape), spec.Size, nbytes)
		}
	}
	n := len(shape)
	ls := make([]int, 2*(n+1))
	rsh, rst := ls[:n+1], ls[n+1:]
	copy(rsh, shape)
	rsh[n] = spec.Size
	layout.FillCStrides(rsh, rst)
	r, err := wrap(op, m.b.data, m.b.lay.Off, rsh, rst)
	if err != nil {
		return MemoryView{}, err // unreachable: the same bytes, C-contiguous
	}
	r.lay.Flags |= m.b.lay.Flags & layout.FlagReadOnly
	r.lay.KeepOwner(&m.b.lay)
	return MemoryView{b: r, format: format, spec: spec, exp: m.exp}, nil
}

// isByteFormat reports whether s is one of memoryview's byte formats b, B
// and c: items of one byte that are integers or bytes.
func isByteFormat(s FormatSpec) bool {
	return s.Size == 1 && (s.Kind == KindInt || s.Kind == KindUint || s.Kind == KindBytes)
}

// decodeItem returns the item b (its bytes, in the order s names) as the
// Go value of its kind and size.
func decodeItem(s FormatSpec, b []byte) any {
	o := s.ByteOrder
	switch s.Kind {
	case KindBool:
		return b[0] != 0 // struct's '?': any nonzero byte is true
	case KindInt:
		switch s.Size {
		case 1:
			return int8(b[0])
		case 2:
			return int16(o.Uint16(b))
		case 4:
			return int32(o.Uint32(b))
		case 8:
			return int64(o.Uint64(b))
		}
	case KindUint:
		switch s.Size {
		case 1:
			return b[0]
		case 2:
			return o.Uint16(b)
		case 4:
			return o.Uint32(b)
		case 8:
			return o.Uint64(b)
		}
	case KindFloat:
		switch s.Size {
		case 2:
			return float16.Frombits(o.Uint16(b))
		case 4:
			return math.Float32frombits(o.Uint32(b))
		case 8:
			return math.Float64frombits(o.Uint64(b))
		}
	case KindBFloat16:
		return bfloat16.FromBits(o.Uint16(b))
	case KindFloat8E4M3FN:
		return float8.E4M3FN(b[0])
	case KindFloat8E5M2:
		return float8.E5M2(b[0])
	case KindComplex:
		h := s.Size / 2
		re := decodeItem(FormatSpec{KindFloat, h, o}, b[:h])
		im := decodeItem(FormatSpec{KindFloat, h, o}, b[h:])
		if h == 4 {
			return complex(re.(float32), im.(float32))
		}
		return complex(re.(float64), im.(float64))
	}
	return append([]byte(nil), b...) // c, S<n>, V<n>
}
