package ndview

// The buffer protocol (semantics.md §25): any Go type can export its memory
// as a Buffer, and ViewOf and MemoryViewOf turn any exporter into a view,
// as memoryview(obj) does with PEP 3118's getbuffer and releasebuffer.
//
// Rules and assumptions of this file:
//  1. An exporter is not trusted. Everything a Buffer says (format, shape,
//     strides, offset, length) is checked as strictly as Wrap and FromBytes
//     check their arguments before any element is reached (BP3).
//  2. A typed pointer is formed only at an address aligned for its type, and
//     only for types that may be made from bytes (no pointers, no bools:
//     semantics.md C3).
//  3. Every successful export is released exactly once: by the consumer
//     through Export.Release (or MemoryView.Release), and by the
//     constructor itself when it refuses the buffer after taking it.

import (
	"errors"
	"sync/atomic"

	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// ErrReleased reports the use of a released export: a MemoryView (or a view
// derived from it by Cast) after Release, or an export of an exporter that
// no longer exports (semantics.md BP6).
var ErrReleased = errors.New("use of released buffer")

// Buffer describes memory exported by an Exporter: PEP 3118's Py_buffer.
// Element (i0, …, ik) is the ItemSize bytes starting at byte
//
//	Offset + i0·Strides[0] + … + ik·Strides[k]
//
// of Data, where ItemSize is the size of Format. Consumers (ViewOf,
// MemoryViewOf) check every field before using it (semantics.md BP3), so an
// exporter that lies cannot make them reach outside Data.
type Buffer struct {
	// Data is the memory. Every byte a reachable element covers lies in
	// it. A view of Go memory keeps Data's backing array alive as any Go
	// slice does; memory from outside the Go heap (a mapping) needs Obj.
	Data []byte
	// Offset is the byte index in Data of element (0, …, 0).
	Offset int
	// Format is the element format, in the struct-module / PEP 3118
	// notation of FormatOf and ParseFormat ("f", "<i4", "Zd", "V16", ...).
	Format string
	// Shape is the extent of each axis; empty for a 0-d buffer.
	Shape []int
	// Strides are the byte strides of the axes, one per axis; nil means
	// C-contiguous (PEP 3118's NULL strides).
	Strides []int
	// ReadOnly says that consumers must not write the memory.
	ReadOnly bool
	// Obj is the owner of the memory (memoryview.obj): every view made from
	// the buffer keeps it reachable (NDView.Obj), so that a cleanup attached
	// to it cannot release the memory under a view. Nil for Go memory.
	Obj any
	// Release, when not nil, is called exactly once when the consumer is
	// done with the buffer (PEP 3118's releasebuffer): by Export.Release or
	// MemoryView.Release, or by the constructor when it refuses the buffer.
	Release func()
}

// Exporter is implemented by any type that can export its memory as a
// Buffer: the Go form of PEP 3118's getbuffer. ViewOf and MemoryViewOf
// accept any Exporter; NDView, npy.Mapped and interop's adapters implement
// it.
//
// ExportBuffer returns a description of the memory, or an error when it
// cannot be exported now (a closed file). Each successful call is one
// export; when the Buffer has a Release function, the consumer calls it
// exactly once. What an exporter promises is in semantics.md BP2.
type Exporter interface {
	ExportBuffer() (Buffer, error)
}

// Export is a consumer's hold on one exported buffer, to be released when
// done (PEP 3118's releasebuffer; memoryview.release). The zero of *Export,
// nil, is a valid export with nothing to release.
type Export struct {
	release  func()
	released atomic.Bool
}

// newExport returns the hold on an export whose buffer has the given
// release function.
func newExport(release func()) *Export { return &Export{release: release} }

// Release releases the export: it calls the exporter's release function,
// once, however many goroutines call Release and however often. It does
// nothing on a nil *Export. Views made from the buffer stay valid Go
// memory (semantics.md BP6).
func (e *Export) Release() {
	if e == nil || !e.released.CompareAndSwap(false, true) {
		return
	}
	if e.release != nil {
		e.release()
	}
}

// Released reports whether Release was called. A nil *Export reports false.
func (e *Export) Released() bool { return e != nil && e.released.Load() }

// ExportBuffer implements Exporter: it exports v's memory as bytes, with
// v's format, shape, byte strides, read-only flag and owner (Obj). Views of
// a type holding bools are exported read-only, since a consumer could store
// other bytes than 0 and 1 in them (semantics.md C3). Nothing needs
// releasing: the Buffer keeps v's memory alive as v does. It returns an
// error wrapping ErrType when T holds pointers or has size 0, since such
// elements have no bytes to export.
func (v NDView[T]) ExportBuffer() (Buffer, error) {
	ti := mem.InfoOf[T]()
	if !ti.BytesOK() {
		return Buffer{}, castTypeError("ExportBuffer", ti, "source")
	}
	sh, st := v.lay.Shape(), v.lay.Strides()
	n := len(sh)
	ls := make([]int, 2*n)
	copy(ls, sh)
	for k, s := range st {
		// Overflow is only possible on extent-1 axes, whose stride means
		// nothing, or in views without elements (invariant 2).
		ls[n+k], _ = layout.MulInt(s, ti.Size)
	}
	b := Buffer{Format: ti.Format, Shape: ls[:n:n], Strides: ls[n:], Obj: v.lay.Owner(),
		ReadOnly: v.ReadOnly() || ti.HasBool}
	if layout.ShapeSize(sh) > 0 || v.lay.Off >= 0 && v.lay.Off <= len(v.data) {
		b.Data, b.Offset = mem.Bytes(v.data), v.lay.Off*ti.Size
	}
	return b, nil
}

// ViewOf returns a typed view of the memory x exports: memoryview(obj)
// when the element type is known (semantics.md BP3, BP4). The view shares
// the exported memory: writes through it change the exporter's memory
// unless the buffer is read-only, in which case the view is.
//
// ViewOf also returns the hold on the export; release it when done with
// the view (defer ex.Release()). It is nil when the buffer needs no
// release, and Release on nil does nothing. An NDView[T] is returned as it
// is, with a nil hold.
//
// The buffer's format must describe T: the same kind and size in native
// byte order ("<f4" on a little-endian machine is float32; int and int64
// are both 8-byte signed integers); structs and arrays need "V<size>".
// Types holding bools are refused, since the exported bytes need not be 0
// or 1 (semantics.md C3); view them as uint8. The layout is checked as
// Wrap checks it, the alignment as FromBytes does.
//
// ViewOf returns the error of x.ExportBuffer as it is; otherwise its errors
// wrap ErrType (a nil exporter, a format that does not describe T, a type
// holding pointers or bools), ErrShape (a negative extent, more than
// MaxRank axes, a stride count that differs from the rank), ErrLayout (a
// byte stride that is not a multiple of T's size), ErrAlign (the first
// element not aligned for T), ErrBounds (an element outside Data) or
// ErrOverflow. When it returns an error it has released the export. It
// costs no allocation for buffers of rank up to 4 with no Release and no
// Obj (BenchmarkViewOf).
func ViewOf[T any](x Exporter) (NDView[T], *Export, error) {
	const op = "ViewOf"
	if v, ok := x.(NDView[T]); ok {
		return v, nil, nil
	}
	if x == nil {
		return NDView[T]{}, nil, errorf(op, ErrType, "the exporter is nil")
	}
	b, err := x.ExportBuffer()
	if err != nil {
		return NDView[T]{}, nil, err
	}
	v, err := viewOfBuffer[T](op, &b)
	if err != nil {
		if b.Release != nil {
			b.Release()
		}
		return NDView[T]{}, nil, err
	}
	if b.Release == nil {
		return v, nil, nil
	}
	return v, newExport(b.Release), nil
}

// viewOfBuffer checks b as the memory of T elements and returns the view
// of it (semantics.md BP3).
func viewOfBuffer[T any](op string, b *Buffer) (NDView[T], error) {
	// The success path does no division by a run-time value, no pass
	// over the shape beyond the byte-to-element strides and the one in
	// wrap, and no formatting; the element count is computed only on the
	// rare paths that need it.
	ti := mem.InfoOf[T]()
	if !ti.BytesOK() {
		return NDView[T]{}, castTypeError(op, ti, "target")
	}
	if ti.HasBool { // not made from bytes (C3): !ti.MadeFrom(uint8)
		return NDView[T]{}, boolTypeError(op, ti)
	}
	if b.Format != ti.Format {
		if err := checkFormatOf(op, b.Format, ti); err != nil {
			return NDView[T]{}, err
		}
	}
	ndim := len(b.Shape)
	if ndim > MaxRank {
		return NDView[T]{}, errorf(op, ErrShape, "rank %d exceeds the maximum of %d", ndim, MaxRank)
	}
	if b.Strides != nil && len(b.Strides) != ndim {
		return NDView[T]{}, errorf(op, ErrShape, "shape %s has %d axes but strides %s have %d; give one stride per axis",
			formatShape(b.Shape), ndim, formatShape(b.Strides), len(b.Strides))
	}
	// Element strides: on the stack for the usual ranks.
	var small [layout.InlineRank]int
	st := small[:0]
	if ndim > layout.InlineRank {
		st = make([]int, 0, ndim)
	}
	st = st[:ndim]
	// size is a compile-time constant in each instantiation, so the
	// divisions below are shifts for the usual element sizes.
	size := mem.Sizeof[T]()
	if b.Strides == nil {
		layout.FillCStrides(b.Shape, st)
	} else {
		for k, s := range b.Strides {
			if s%size != 0 && b.Shape[k] > 1 && layout.ShapeSize(b.Shape) != 0 {
				return NDView[T]{}, errorf(op, ErrLayout,
					"the byte stride %d of axis %d (shape %s) is not a multiple of %d, the size of the element type (format %s)",
					s, k, formatShape(b.Shape), ti.Size, ti.Format)
			}
			st[k] = s / size // strides of extent-1 axes mean nothing (L8)
		}
	}
	data, off := []T(nil), 0
	switch {
	case b.Offset < 0 || b.Offset > len(b.Data) || b.Offset == len(b.Data) && layout.ShapeSize(b.Shape) != 0:
		return NDView[T]{}, errorf(op, ErrBounds,
			"byte offset %d is outside the %d bytes of data (valid: [0, %d), or [0, %d] for a buffer without elements)",
			b.Offset, len(b.Data), len(b.Data), len(b.Data))
	case b.Offset < len(b.Data):
		// ti.Align is a power of two.
		if addr := mem.Addr(b.Data) + uintptr(b.Offset); addr&uintptr(ti.Align-1) != 0 {
			if layout.ShapeSize(b.Shape) == 0 {
				break // nothing is reachable, and no pointer is formed (C3)
			}
			return NDView[T]{}, errorf(op, ErrAlign,
				"misaligned: the first element is at address %#x, which is not a multiple of %d, the alignment of the element type (format %s)",
				addr, ti.Align, ti.Format)
		}
		// Every reachable element starts a multiple of ti.Size bytes from
		// Offset, so it lies in data exactly when its bytes lie in Data;
		// wrap checks that.
		data, off = mem.Reinterpret[T](b.Data, b.Offset)
	}
	v, err := wrap(op, data, off, b.Shape, st)
	if err != nil {
		return NDView[T]{}, err
	}
	if b.ReadOnly {
		v.lay.Flags |= layout.FlagReadOnly
	}
	if b.Obj != nil {
		v.lay.SetOwner(b.Obj)
	}
	return v, nil
}

// checkFormatOf checks that the format f describes the element type ti:
// the same kind and size, in native byte order (semantics.md BP4).
func checkFormatOf(op, f string, ti *mem.Info) error {
	spec, err := ParseFormat(f)
	if err != nil {
		return errorf(op, ErrType, "the buffer's format %q is not valid: %v", f, err.(*Error).Msg)
	}
	want := specOfInfo(ti)
	if spec.Kind != want.Kind || spec.Size != want.Size {
		return errorf(op, ErrType,
			"the buffer's format %q (%s of %d bytes) does not describe the element type (format %s, %s of %d bytes); use MemoryViewOf for a format known at run time",
			f, spec.Kind, spec.Size, ti.Format, want.Kind, want.Size)
	}
	if !spec.IsNative() {
		return errorf(op, ErrType,
			"the buffer's format %q is not in the host's byte order; a view holds native values only (semantics.md C5): decode it with DecodeBytes",
			f)
	}
	return nil
}

// specOfInfo returns the format spec of an element type: its kind and
// size; structs and arrays are opaque bytes (V<size>).
func specOfInfo(ti *mem.Info) FormatSpec {
	kinds := [...]Kind{mem.Bool: KindBool,
		mem.Int8: KindInt, mem.Int16: KindInt, mem.Int32: KindInt, mem.Int64: KindInt,
		mem.Uint8: KindUint, mem.Uint16: KindUint, mem.Uint32: KindUint, mem.Uint64: KindUint,
		mem.Float16: KindFloat, mem.Float32: KindFloat, mem.Float64: KindFloat,
		mem.Complex64: KindComplex, mem.Complex128: KindComplex,
		mem.BFloat16: KindBFloat16, mem.Float8E4M3FN: KindFloat8E4M3FN, mem.Float8E5M2: KindFloat8E5M2,
		mem.Other: KindVoid}
	return FormatSpec{Kind: kinds[ti.Kind], Size: ti.Size}
}
