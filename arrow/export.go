package arrow

// Arrow arrays and tensors as ndview exporters (semantics.md §30, AR1-AR5).
//
// Rules and assumptions of this file:
//  1. Nothing an array says is trusted: offsets, lengths and list sizes are
//     checked for overflow here, and the buffer they describe goes through
//     ndview.ViewOf's checks (BP3), which refuse any element outside the
//     values buffer. A corrupted array gives an error, never a read outside
//     its memory.
//  2. Every export Retains the array (or tensor) and its release Releases
//     it, exactly once (ndview.Export guarantees the once). Exports of
//     arrays whose memory is a mapped file (ipc.go) are also counted by the
//     mapping, so that File.Close refuses while any is held.
//  3. Arrow booleans are bits; they are never exported as a buffer. Bools
//     copies them.

import (
	"math"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/arrow/tensor"
	"github.com/ndkit/ndkit/ndview"
)

// Nulls says what an export does with an array that has null slots
// (semantics.md AR3).
type Nulls uint8

const (
	// RefuseNulls refuses, with an error wrapping ErrNulls, an array with
	// a null slot in the exported range (at any level of a FixedSizeList).
	RefuseNulls Nulls = iota
	// AllowNulls exports the values buffer as it is: the values of null
	// slots are whatever the buffer holds (Arrow leaves them undefined).
	// Read which slots are valid with Validity.
	AllowNulls
)

// Array adapts an Arrow array to ndview's buffer protocol: it implements
// ndview.Exporter, so ndview.ViewOf[T](a) and ndview.MemoryViewOf(a) view
// the array's values without copying (semantics.md AR1, AR2). Make one
// with NewArray.
type Array struct {
	arr   arrow.Array
	nulls Nulls
}

// NewArray returns the exporter of arr's values: pyarrow's
// arr.to_numpy(zero_copy_only=True). A primitive array of a numeric type
// (int8…int64, uint8…uint64, float16, float32, float64) exports as a 1-D
// buffer of Len elements, starting at the array's offset; a FixedSizeList
// of n such values exports as a 2-D buffer (Len, n), and nested
// FixedSizeLists add one axis per level. nulls says whether null slots
// are refused (the default, RefuseNulls) or exported (AllowNulls).
//
// NewArray itself checks nothing and cannot fail; ExportBuffer does.
func NewArray(arr arrow.Array, nulls Nulls) Array { return Array{arr: arr, nulls: nulls} }

// ExportBuffer implements ndview.Exporter. The buffer is the array's
// values buffer, with the array's format, shape and offset; C-contiguous.
// It is writable for arrays of Go memory (writes through a view change
// the array: Arrow treats arrays as immutable, so only write to an array
// no one else reads), and read-only for arrays of a mapped file and for
// arrays ToArray made over a read-only buffer. Its Obj
// is the array, or the mapping for arrays of a mapped file, so the memory
// stays valid while a view is reachable. Each export Retains the array;
// its Release Releases it.
//
// ExportBuffer returns an error wrapping ErrUnsupported for a nil array
// or an element type without a view (booleans: use Bools; strings,
// dictionaries, other nested types), ErrNulls for a null slot under
// RefuseNulls, ErrFormat for an array whose offsets, lengths or buffers
// are inconsistent, and ErrClosed for an array of a closed File.
func (a Array) ExportBuffer() (b ndview.Buffer, err error) {
	const op = "ExportBuffer"
	defer recoverFormat(op, &err)
	if a.arr == nil {
		return ndview.Buffer{}, errorf(op, ErrUnsupported, "the array is nil")
	}
	lv, shape, err := levelsOf(op, a.arr.Data())
	if err != nil {
		return ndview.Buffer{}, err
	}
	leaf := lv[len(lv)-1]
	format, size, ok := formatOf(leaf.d.DataType())
	if !ok {
		if leaf.d.DataType().ID() == arrow.BOOL {
			return ndview.Buffer{}, errorf(op, ErrUnsupported,
				"Arrow booleans are packed 8 to a byte and cannot be viewed as Go bools; use Bools for a copy")
		}
		return ndview.Buffer{}, errorf(op, ErrUnsupported,
			"Arrow type %s has no ndkit element type; views exist for int8…int64, uint8…uint64, float16, float32, float64 and FixedSizeLists of them", leaf.d.DataType())
	}
	if a.nulls == RefuseNulls {
		if err := refuseNulls(op, lv); err != nil {
			return ndview.Buffer{}, err
		}
	}
	var data []byte
	var vb *memory.Buffer
	if bufs := leaf.d.Buffers(); len(bufs) >= 2 && bufs[1] != nil {
		vb = bufs[1]
		data = vb.Bytes()
	}
	first := leaf.d.Offset() + leaf.first
	if first < 0 || first > len(data)/size {
		return ndview.Buffer{}, errorf(op, ErrFormat,
			"the array's first value (index %d) lies outside its values buffer of %d bytes", first, len(data))
	}
	b = ndview.Buffer{Data: data, Offset: first * size, Format: format, Shape: shape, Obj: a.arr}
	return hold(op, b, vb, a.arr)
}

// recoverFormat turns a panic of arrow-go's accessors on an inconsistent
// array (a nil ArrayData, a missing buffer) into an error wrapping
// ErrFormat in *err. Deferred by every function that walks an array.
func recoverFormat(op string, err *error) {
	if p := recover(); p != nil {
		*err = errorf(op, ErrFormat, "inconsistent array: %v", p)
	}
}

// retainer is what an export holds: an Arrow array or tensor.
type retainer interface {
	Retain()
	Release()
}

// hold completes b as one export of r, whose values buffer is vb: it
// Retains r, counts the export when vb lies in a mapped file (then the
// buffer is read-only and its Obj is the mapping), and sets the release
// that undoes both. A vb shared with a read-only export (ToArray,
// ToTensor) makes the buffer read-only.
func hold(op string, b ndview.Buffer, vb *memory.Buffer, r retainer) (ndview.Buffer, error) {
	b.ReadOnly = isReadOnly(vb)
	m := ownerOf(vb)
	if m != nil {
		if err := m.export(op); err != nil {
			return ndview.Buffer{}, err
		}
		b.ReadOnly, b.Obj = true, m
	}
	r.Retain()
	b.Release = func() {
		r.Release()
		if m != nil {
			m.unexport()
		}
	}
	return b, nil
}

// level is one level of an array: its data and the range [first,
// first+count) of its slots that the export covers, counted from the
// data's logical start (before its offset).
type level struct {
	d            arrow.ArrayData
	first, count int
}

// levelsOf walks d down through its FixedSizeList levels to the values,
// and returns each level and the shape: (Len, n1, n2, …).
func levelsOf(op string, d arrow.ArrayData) ([]level, []int, error) {
	first, count := 0, d.Len()
	shape := make([]int, 1, 2)
	shape[0] = count
	var lv []level
	for {
		if d.Offset() < 0 || count < 0 || first < 0 || first > d.Len()-count {
			return nil, nil, errorf(op, ErrFormat,
				"slots [%d, %d) are outside an array of length %d", first, first+count, d.Len())
		}
		lv = append(lv, level{d, first, count})
		t, ok := d.DataType().(*arrow.FixedSizeListType)
		if !ok {
			return lv, shape, nil
		}
		n := int(t.Len())
		ch := d.Children()
		if n < 0 || len(ch) != 1 || ch[0] == nil {
			return nil, nil, errorf(op, ErrFormat, "malformed FixedSizeList of %d values with %d children", n, len(ch))
		}
		if len(shape) == ndview.MaxRank {
			return nil, nil, errorf(op, ErrUnsupported, "FixedSizeLists nested more than %d deep", ndview.MaxRank-1)
		}
		start := d.Offset() + first
		if start < 0 || n != 0 && (start > math.MaxInt/n || count > math.MaxInt/n) {
			return nil, nil, errorf(op, ErrFormat, "FixedSizeList offsets overflow: slot %d of lists of %d", start, n)
		}
		first, count, d = start*n, count*n, ch[0]
		shape = append(shape, n)
	}
}

// bitmap returns the level's validity bitmap, or nil when the level has
// no nulls; an error when the bitmap does not cover the level's slots.
func (l level) bitmap(op string) ([]byte, error) {
	if l.d.NullN() == 0 {
		return nil, nil
	}
	bufs := l.d.Buffers()
	if len(bufs) == 0 || bufs[0] == nil {
		if l.d.DataType().ID() == arrow.NULL {
			return nil, errorf(op, ErrUnsupported, "an array of type null has no values")
		}
		return nil, nil
	}
	bm := bufs[0].Bytes()
	if end := l.d.Offset() + l.first + l.count; end > len(bm)*8 || end < 0 {
		return nil, errorf(op, ErrFormat, "the validity bitmap of %d bytes does not cover slots up to %d", len(bm), end)
	}
	return bm, nil
}

// refuseNulls returns an error wrapping ErrNulls when a slot of any level
// is null.
func refuseNulls(op string, lv []level) error {
	for k, l := range lv {
		bm, err := l.bitmap(op)
		if err != nil || bm == nil {
			if err != nil {
				return err
			}
			continue
		}
		base := l.d.Offset() + l.first
		for i := range l.count {
			if !bitutil.BitIsSet(bm, base+i) {
				where := "slot"
				if k > 0 {
					where = "value of a list"
				}
				return errorf(op, ErrNulls,
					"%s %d (level %d) is null; export with AllowNulls and read Validity, or fill the nulls first", where, l.first+i, k)
			}
		}
	}
	return nil
}

// Validity returns a new bool array of the shape arr exports (see
// NewArray): true where the value is valid, false where it is null at
// any level (the list or the value). It is NumPy's ~masked_array.mask;
// ndview.LogicalNot of it is the mask. Arrays without nulls give all true.
// It returns the errors of ExportBuffer's layout checks (ErrFormat,
// ErrUnsupported); booleans are accepted.
func Validity(arr arrow.Array) (_ ndview.NDView[bool], err error) {
	const op = "Validity"
	defer recoverFormat(op, &err)
	if arr == nil {
		return ndview.NDView[bool]{}, errorf(op, ErrUnsupported, "the array is nil")
	}
	lv, shape, err := levelsOf(op, arr.Data())
	if err != nil {
		return ndview.NDView[bool]{}, err
	}
	total := lv[len(lv)-1].count
	out := make([]bool, total)
	for i := range out {
		out[i] = true
	}
	for _, l := range lv {
		bm, err := l.bitmap(op)
		if err != nil {
			return ndview.NDView[bool]{}, err
		}
		if bm == nil || l.count == 0 {
			continue
		}
		per := total / l.count // leaf values per slot of this level
		base := l.d.Offset() + l.first
		for i := range l.count {
			if !bitutil.BitIsSet(bm, base+i) {
				clear(out[i*per : (i+1)*per])
			}
		}
	}
	return ndview.FromSlice(out, shape...)
}

// Bools returns a new bool array of the values of a boolean array (or a
// FixedSizeList of booleans, shape as NewArray gives it): a copy, since
// Arrow packs booleans 8 to a byte and a Go bool is a byte (semantics.md
// AR4). Every bit is a valid bool, so nothing else is checked. Null slots
// are refused (ErrNulls) unless nulls is AllowNulls; then they hold the
// stored bit. Other element types give ErrUnsupported; inconsistent
// arrays ErrFormat.
func Bools(arr arrow.Array, nulls Nulls) (_ ndview.NDView[bool], err error) {
	const op = "Bools"
	defer recoverFormat(op, &err)
	if arr == nil {
		return ndview.NDView[bool]{}, errorf(op, ErrUnsupported, "the array is nil")
	}
	lv, shape, err := levelsOf(op, arr.Data())
	if err != nil {
		return ndview.NDView[bool]{}, err
	}
	leaf := lv[len(lv)-1]
	if leaf.d.DataType().ID() != arrow.BOOL {
		return ndview.NDView[bool]{}, errorf(op, ErrUnsupported, "Arrow type %s is not boolean; use NewArray for a view", leaf.d.DataType())
	}
	if nulls == RefuseNulls {
		if err := refuseNulls(op, lv); err != nil {
			return ndview.NDView[bool]{}, err
		}
	}
	var bits []byte
	if bufs := leaf.d.Buffers(); len(bufs) >= 2 && bufs[1] != nil {
		bits = bufs[1].Bytes()
	}
	base := leaf.d.Offset() + leaf.first
	if end := base + leaf.count; end < 0 || end > len(bits)*8 {
		return ndview.NDView[bool]{}, errorf(op, ErrFormat,
			"the values buffer of %d bytes does not cover bits up to %d", len(bits), end)
	}
	out := make([]bool, leaf.count)
	for i := range out {
		out[i] = bitutil.BitIsSet(bits, base+i)
	}
	return ndview.FromSlice(out, shape...)
}

// numericTypes pairs each Arrow fixed-width numeric type that has an
// ndkit element type with its buffer-protocol format: the one table
// behind formatOf (Arrow to ndview) and arrowType (ndview to Arrow).
var numericTypes = []struct {
	dt     arrow.DataType
	format string
}{
	{arrow.PrimitiveTypes.Int8, "b"}, {arrow.PrimitiveTypes.Int16, "h"},
	{arrow.PrimitiveTypes.Int32, "i"}, {arrow.PrimitiveTypes.Int64, "q"},
	{arrow.PrimitiveTypes.Uint8, "B"}, {arrow.PrimitiveTypes.Uint16, "H"},
	{arrow.PrimitiveTypes.Uint32, "I"}, {arrow.PrimitiveTypes.Uint64, "Q"},
	{arrow.FixedWidthTypes.Float16, "e"},
	{arrow.PrimitiveTypes.Float32, "f"}, {arrow.PrimitiveTypes.Float64, "d"},
}

// formatOf returns the buffer-protocol format and the byte size of an
// Arrow fixed-width numeric type.
func formatOf(t arrow.DataType) (string, int, bool) {
	for _, n := range numericTypes {
		if n.dt.ID() == t.ID() {
			return n.format, n.dt.(arrow.FixedWidthDataType).BitWidth() / 8, true
		}
	}
	return "", 0, false
}

// Tensor adapts an Arrow tensor to ndview's buffer protocol, as Array
// adapts arrays. Make one with NewTensor.
type Tensor struct{ t tensor.Interface }

// NewTensor returns the exporter of an Arrow tensor: its data with its
// shape and byte strides (row-major, column-major or any other), so that
// ndview.ViewOf[T] views it without copying (semantics.md AR5).
func NewTensor(t tensor.Interface) Tensor { return Tensor{t} }

// ExportBuffer implements ndview.Exporter for the tensor, as
// Array.ExportBuffer does for arrays: same read-only rule, Obj, Retain
// and Release. Tensors have no nulls. The errors are those of
// Array.ExportBuffer; strides and shape are checked by the consumer.
func (x Tensor) ExportBuffer() (_ ndview.Buffer, err error) {
	const op = "ExportBuffer"
	defer recoverFormat(op, &err)
	if x.t == nil {
		return ndview.Buffer{}, errorf(op, ErrUnsupported, "the tensor is nil")
	}
	format, size, ok := formatOf(x.t.DataType())
	if !ok {
		return ndview.Buffer{}, errorf(op, ErrUnsupported, "Arrow type %s has no ndkit element type", x.t.DataType())
	}
	sh64, st64 := x.t.Shape(), x.t.Strides()
	shape, strides := make([]int, len(sh64)), make([]int, len(st64))
	for k, n := range sh64 {
		shape[k] = int(n)
	}
	for k, s := range st64 {
		strides[k] = int(s)
	}
	if len(strides) == 0 {
		strides = nil
	}
	d := x.t.Data()
	var data []byte
	var vb *memory.Buffer
	if bufs := d.Buffers(); len(bufs) >= 2 && bufs[1] != nil {
		vb = bufs[1]
		data = vb.Bytes()
	}
	if d.Offset() < 0 || d.Offset() > len(data)/size {
		return ndview.Buffer{}, errorf(op, ErrFormat, "the tensor's offset %d lies outside its %d bytes", d.Offset(), len(data))
	}
	b := ndview.Buffer{Data: data, Offset: d.Offset() * size, Format: format, Shape: shape, Strides: strides, Obj: x.t}
	return hold(op, b, vb, x.t)
}
