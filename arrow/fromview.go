package arrow

// Views into Arrow arrays and tensors (semantics.md AR6, AR7).
//
// Rules and assumptions of this file:
//  1. The exporter's buffer is checked by ndview.MemoryViewOf (BP3) before
//     any byte is used; only then is a contiguous range of it handed to
//     Arrow.
//  2. Arrow memory shared with an export holds the export: the Arrow
//     buffer's allocator releases it when the buffer's reference count
//     reaches zero, so a mapped file stays counted as exported while an
//     Arrow array reads it.
//  3. Arrow reads values through typed slices made from the bytes, so a
//     shared range must be aligned for its type; a misaligned one is
//     copied.
//  4. Read-only stays read-only: an Arrow buffer shared with a read-only
//     export is registered as such, and the arrays and tensors over it
//     export read-only buffers in turn (hold, in export.go).

import (
	"math"
	"reflect"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/arrow/tensor"
	"github.com/ndkit/ndkit/ndview"
)

// View returns a typed view of arr's values without copying:
// ndview.ViewOf[T](NewArray(arr, nulls)). Release the export when done
// with the view (defer ex.Release()); it Releases the array.
func View[T any](arr arrow.Array, nulls Nulls) (ndview.NDView[T], *ndview.Export, error) {
	return ndview.ViewOf[T](NewArray(arr, nulls))
}

// TensorView returns a typed view of an Arrow tensor without copying:
// ndview.ViewOf[T](NewTensor(t)).
func TensorView[T any](t tensor.Interface) (ndview.NDView[T], *ndview.Export, error) {
	return ndview.ViewOf[T](NewTensor(t))
}

// exportHold is the allocator of an Arrow buffer that shares an export's
// memory: Free, called once when the buffer's count reaches zero,
// releases the export (and forgets the buffer, when it was registered as
// read-only). Allocate and Reallocate are never called for such a buffer
// (it is not resizable); they allocate Go memory.
type exportHold struct {
	m   ndview.MemoryView
	buf *memory.Buffer
}

func (h *exportHold) Allocate(n int) []byte { return make([]byte, n) }
func (h *exportHold) Reallocate(n int, b []byte) []byte {
	return append(b[:0:0], b[:min(n, len(b))]...)
}
func (h *exportHold) Free([]byte) {
	readOnlyBufs.Delete(h.buf)
	h.m.Release()
}

// readOnlyBufs holds the live Arrow buffers that share the memory of a
// read-only export: arrays over them export read-only buffers.
var readOnlyBufs sync.Map // *memory.Buffer → struct{}

// isReadOnly reports whether b (or the buffer it was sliced from) shares
// a read-only export's memory.
func isReadOnly(b *memory.Buffer) bool {
	if b == nil {
		return false
	}
	_, ok := readOnlyBufs.Load(rootOf(b))
	return ok
}

// share returns an Arrow buffer over p, memory of m's export, that holds
// the export until its last Release.
func share(m ndview.MemoryView, p []byte) *memory.Buffer {
	h := &exportHold{m: m}
	h.buf = memory.NewBufferWithAllocator(p, h)
	if m.ReadOnly() {
		readOnlyBufs.Store(h.buf, struct{}{})
	}
	return h.buf
}

// arrowType returns the Arrow type of a format (its byte order aside):
// numericTypes' for numbers, boolean for one-byte bools.
func arrowType(s ndview.FormatSpec) (arrow.DataType, bool) {
	if s.Kind == ndview.KindBool && s.Size == 1 {
		return arrow.FixedWidthTypes.Boolean, true
	}
	for _, n := range numericTypes {
		if t, err := ndview.ParseFormat(n.format); err == nil && t.Kind == s.Kind && t.Size == s.Size {
			return n.dt, true
		}
	}
	return nil, false
}

// source is an exporter's memory, checked, as Arrow will hold it: its
// element type, shape and the values buffer in C order (row-major), or
// in F order (column-major) when asked for and shared that way.
type source struct {
	dt     arrow.DataType
	shape  []int
	buf    *memory.Buffer
	fOrder bool // the buffer holds the values in F order
	copied bool
}

// sourceOf checks x's buffer and returns its values as an Arrow buffer:
// the exporter's own memory when it is contiguous (in C order, or also in
// F order when allowF) and aligned, else a C-order copy. The shared
// buffer holds the export until Arrow releases it.
func sourceOf(op string, x ndview.Exporter, allowF bool) (source, error) {
	if x == nil {
		return source{}, errorf(op, ErrUnsupported, "the exporter is nil")
	}
	m, err := ndview.MemoryViewOf(x)
	if err != nil {
		return source{}, wrapf(op, ErrUnsupported, err, "the exporter's buffer was refused")
	}
	spec := m.FormatSpec()
	dt, ok := arrowType(spec)
	if !ok || !spec.IsNative() {
		f := m.Format()
		m.Release()
		return source{}, errorf(op, ErrUnsupported,
			"format %q has no Arrow type here: want a native bool, integer or float (f2, f4, f8) format", f)
	}
	s := source{dt: dt, shape: m.Shape()}
	if dt.ID() == arrow.BOOL {
		s.buf, s.copied = packBools(m.Bytes()), true
		m.Release()
		return s, nil
	}
	b, _ := m.ExportBuffer() // a MemoryView exports its own layout; it cannot fail
	n := m.NBytes()
	fOrder := allowF && !m.IsCContiguous() && isFContiguous(m.Shape(), b.Strides, spec.Size)
	if (m.IsCContiguous() || fOrder) && aligned(b.Data, b.Offset, spec.Size) {
		s.buf = share(m, b.Data[b.Offset:b.Offset+n:b.Offset+n])
		s.fOrder = fOrder
		return s, nil
	}
	c := m.Bytes().Clone() // C order
	flat, _ := c.Data()    // a new view: writable
	m.Release()
	s.buf, s.copied = memory.NewBufferBytes(flat), true
	return s, nil
}

// isFContiguous reports whether byte strides st describe a column-major
// layout of shape with items of size bytes.
func isFContiguous(shape, st []int, size int) bool {
	want := size
	for k, n := range shape {
		if n == 0 {
			return true
		}
		if n != 1 && st[k] != want {
			return false
		}
		want *= n
	}
	return true
}

// aligned reports whether data[off:] starts at an address that is a
// multiple of size (an empty range always is).
func aligned(data []byte, off, size int) bool {
	if off >= len(data) {
		return true
	}
	return reflect.ValueOf(&data[off]).Pointer()%uintptr(size) == 0
}

// packBools packs the one-byte items of a bool view (its Bytes view: one
// more axis of extent 1) into an Arrow bitmap, in C order. A byte other
// than 0 is true, as the struct module reads '?'.
func packBools(b ndview.NDView[byte]) *memory.Buffer {
	bits := make([]byte, bitutil.BytesForBits(int64(b.Size())))
	i := 0
	for x := range b.Values() {
		if x != 0 {
			bitutil.SetBit(bits, i)
		}
		i++
	}
	return memory.NewBufferBytes(bits)
}

// ToArray returns an Arrow array of the values x exports (pyarrow's
// pa.array(ndarray)): a 1-D buffer becomes a primitive array, and an N-D
// buffer of shape (d0, d1, …, dk) a FixedSizeList array of length d0
// whose lists hold d1 FixedSizeLists … of dk values (semantics.md AR6).
// Every ndkit numeric element type maps to the Arrow type of its kind and
// size (int and uint to int64 and uint64, float16.Float16 to float16);
// the array has no nulls.
//
// The array shares x's memory when the buffer is C-contiguous and aligned
// (copied is false): writes to x's memory show in the array, which holds
// x's export until the array's last Release. When x's buffer is
// read-only, so are the buffers the array exports (NewArray). Otherwise (strided,
// transposed, broadcast views) the values are copied in C order and
// copied is true. Bool views are always copied, into Arrow's bit-packed
// booleans.
//
// ToArray returns an error wrapping ErrUnsupported when x's buffer is
// refused by ndview.MemoryViewOf (the cause tells why), for a 0-d buffer
// (an Arrow array has a length: reshape it to (1,)), for a format with no
// Arrow type (complex, byte strings, structs, non-native byte order), and
// for an inner extent above 2^31-1 (Arrow's list sizes are int32).
func ToArray(x ndview.Exporter) (arr arrow.Array, copied bool, err error) {
	const op = "ToArray"
	s, err := sourceOf(op, x, false)
	if err != nil {
		return nil, false, err
	}
	defer s.buf.Release()
	if len(s.shape) == 0 {
		return nil, false, errorf(op, ErrUnsupported, "a 0-d buffer has no Arrow array; reshape it to (1,)")
	}
	for _, n := range s.shape[1:] {
		if n > math.MaxInt32 {
			return nil, false, errorf(op, ErrUnsupported,
				"shape %s: an Arrow FixedSizeList holds at most %d values", ndview.FormatShape(s.shape), math.MaxInt32)
		}
	}
	d := array.NewData(s.dt, productOf(s.shape), []*memory.Buffer{nil, s.buf}, nil, 0, 0)
	for k := len(s.shape) - 1; k >= 1; k-- {
		list := array.NewData(arrow.FixedSizeListOf(int32(s.shape[k]), d.DataType()), productOf(s.shape[:k]),
			[]*memory.Buffer{nil}, []arrow.ArrayData{d}, 0, 0)
		d.Release()
		d = list
	}
	defer d.Release()
	return array.MakeFromData(d), s.copied, nil
}

// productOf returns the product of the extents of a shape that
// ndview.MemoryViewOf checked (it cannot overflow).
func productOf(shape []int) int {
	p := 1
	for _, n := range shape {
		p *= n
	}
	return p
}

// ToTensor returns an Arrow tensor of the values x exports, of its shape
// (pyarrow's pa.Tensor.from_numpy). It shares x's memory when the buffer
// is C-contiguous (row-major strides) or F-contiguous (column-major) and
// aligned, and holds x's export until the tensor's last Release; other
// layouts are copied in C order (copied is true).
//
// Arrow tensors hold int8…int64, uint8…uint64, float32 and float64 in
// arrow-go; other formats (float16, bool, complex, …) give an error
// wrapping ErrUnsupported, as does a buffer ndview.MemoryViewOf refuses.
func ToTensor(x ndview.Exporter) (t tensor.Interface, copied bool, err error) {
	const op = "ToTensor"
	s, err := sourceOf(op, x, true)
	if err != nil {
		return nil, false, err
	}
	defer s.buf.Release()
	switch s.dt.ID() {
	case arrow.BOOL, arrow.FLOAT16:
		return nil, false, errorf(op, ErrUnsupported, "arrow-go has no tensor of %s", s.dt)
	}
	size := s.dt.(arrow.FixedWidthDataType).BitWidth() / 8
	shape, strides := make([]int64, len(s.shape)), make([]int64, len(s.shape))
	step := int64(size)
	for i := range s.shape {
		k := len(s.shape) - 1 - i // C order: the last axis is contiguous
		if s.fOrder {
			k = i
		}
		shape[k], strides[k] = int64(s.shape[k]), step
		step *= int64(max(s.shape[k], 1))
	}
	d := array.NewData(s.dt, productOf(s.shape), []*memory.Buffer{nil, s.buf}, nil, 0, 0)
	defer d.Release()
	return tensor.New(d, shape, strides, nil), s.copied, nil
}
