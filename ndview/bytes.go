package ndview

// Views as bytes and values (semantics.md M3, M4, M5, C5): memoryview's
// tobytes, hex and tolist, byte swapping in place, and decoding bytes of
// either byte order into a new view. Byte order never changes silently:
// ToBytes and Hex show memory as it is (native order), ByteSwap swaps only
// when asked, and DecodeBytes swaps only when told the bytes' order.

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// ToBytes returns the bytes of v's elements in a new slice
// (memoryview.tobytes): each element's bytes as they are in memory (native
// byte order), elements in C order for OrderC, in Fortran order for OrderF,
// and for OrderA in memory order when v is C- or F-contiguous (as OrderF
// for a view that is F- but not C-contiguous), else in C order. A view
// without elements gives an empty slice.
//
// ToBytes panics with an error wrapping ErrLayout when order is not OrderC,
// OrderF or OrderA, and ErrType when T holds pointers.
func (v NDView[T]) ToBytes(order Order) []byte {
	const op = "ToBytes"
	ti := mem.InfoOf[T]()
	if ti.Kind == mem.Pointers {
		panicf(op, ErrType, "the element type holds pointers (format %s); its bytes cannot be handed out", ti.Format)
	}
	if order > OrderA {
		panicf(op, ErrLayout, "order must be 'C', 'F' or 'A', got %s", order)
	}
	size := v.Size()
	if size == 0 || ti.Size == 0 {
		return []byte{}
	}
	out := make([]T, size)
	if order == OrderF || order == OrderA && v.IsFContiguous() && !v.IsCContiguous() {
		t := v.T()
		t.copyTo(out)
	} else {
		v.copyTo(out)
	}
	return mem.Bytes(out)
}

// Hex returns the bytes of v in C order (as ToBytes(OrderC) gives them) as
// lowercase hexadecimal digits, memoryview.hex(sep, bytes_per_sep): with a
// non-empty sep, it is written between groups of bytesPerSep bytes counted
// from the right when bytesPerSep > 0, and |bytesPerSep| bytes counted from
// the left when it is negative. A bytesPerSep of 0, or of at least the
// byte count, writes no separator. So bytes b9 01 ef 02 03 give
// "b9:01:ef:02:03" with (":", 1), "b9:01ef:0203" with (":", 2) and
// "b901:ef02:03" with (":", -2). Elements of several bytes show their
// memory bytes: uint16 [1, 0x0203] on a little-endian machine is
// "01000302".
//
// Hex panics with an error wrapping ErrShape when sep has more than one
// character ("sep must be length 1") or is not ASCII ("sep must be
// ASCII"), and ErrType when T holds pointers.
func (v NDView[T]) Hex(sep string, bytesPerSep int) string {
	const op = "Hex"
	if utf8.RuneCountInString(sep) > 1 {
		panicf(op, ErrShape, "sep must be length 1, got %q", sep)
	}
	if sep != "" && sep[0] >= utf8.RuneSelf {
		panicf(op, ErrShape, "sep must be ASCII, got %q", sep)
	}
	if mem.InfoOf[T]().Kind == mem.Pointers {
		panicf(op, ErrType, "the element type holds pointers (format %s); its bytes cannot be shown", mem.InfoOf[T]().Format)
	}
	b := v.ToBytes(OrderC)
	group := layout.AbsInt(bytesPerSep)
	if sep == "" || group == 0 || group >= len(b) {
		group = len(b) + 1 // no separator
	}
	const digits = "0123456789abcdef"
	var sb strings.Builder
	sb.Grow(2*len(b) + len(b)/group)
	for i, x := range b {
		// Counting from the right, a separator goes before byte i when
		// the bytes after it fill whole groups; from the left, when the
		// bytes before it do.
		if i > 0 && (bytesPerSep > 0 && (len(b)-i)%group == 0 || bytesPerSep < 0 && i%group == 0) {
			sb.WriteString(sep)
		}
		sb.WriteByte(digits[x>>4])
		sb.WriteByte(digits[x&15])
	}
	return sb.String()
}

// ToList returns the elements of v as nested []any in C order
// (memoryview.tolist): a 1-D view gives []any of its elements, a 2-D view
// []any of such rows, and so on; a 0-d view gives its element itself. The
// elements are copies of type T (a float16.Float16 stays a Float16).
func (v NDView[T]) ToList() any {
	sh, st := v.lay.Shape(), v.lay.Strides()
	if len(sh) == 0 {
		return v.data[v.lay.Off]
	}
	return toList(v.data, sh, st, v.lay.Off)
}

// toList builds the nested list of the layout at off.
func toList[T any](data []T, sh, st []int, off int) []any {
	out := make([]any, sh[0])
	for i := range out {
		p := off + i*st[0]
		if len(sh) == 1 {
			out[i] = data[p]
		} else {
			out[i] = toList(data, sh[1:], st[1:], p)
		}
	}
	return out
}

// ByteSwap reverses the byte order of every element of v in place
// (NumPy's a.byteswap(inplace=True)): each integer, float and float16
// element, and each half of a complex element separately. One-byte
// elements are unchanged. Swapping twice restores v.
//
// ByteSwap panics with an error wrapping ErrReadOnly when v is read-only,
// and ErrType when T is not a number or bool (a struct, an array, or a type
// holding pointers), whose byte order ByteSwap cannot know.
func (v NDView[T]) ByteSwap() {
	const op = "ByteSwap"
	if v.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	ti := mem.InfoOf[T]()
	unit, ok := ti.SwapUnit()
	if !ok {
		panicf(op, ErrType, "elements of format %s have no byte order to swap; only numbers and bools do", ti.Format)
	}
	if unit == 1 || v.Size() == 0 {
		return
	}
	// Walk v as units (uint16, uint32 or uint64 words): element strides
	// and offset scale by the units per element, and the units of one
	// element form one more contiguous axis.
	// Axes of extent 1 are left out: their strides are never used, and
	// without them the extra axis always fits in a plan (an element of at
	// least 2 bytes leaves at most 61 axes of extent >= 2).
	parts := ti.Size / unit
	sh, st := v.lay.Shape(), v.lay.Strides()
	var shBuf, stBuf [MaxRank]int
	ush, ust := shBuf[:0], stBuf[:0]
	for k, n := range sh {
		if n != 1 {
			ush = append(ush, n)
			ust = append(ust, st[k]*parts) // fits: st[k]·parts·unit bytes lie in data
		}
	}
	ush, ust = append(ush, parts), append(ust, 1)
	var p plan.Plan
	p.Init(ush)
	p.Add(v.lay.Off*parts, ust)
	p.Add(v.lay.Off*parts, ust)
	p.Simplify(true)
	p.RowTiles(unit, unit)
	switch unit {
	case 2:
		w, _ := mem.Reinterpret[uint16](v.data, 0)
		kernels.EachRow(&p, w, w, rowSwap16)
	case 4:
		w, _ := mem.Reinterpret[uint32](v.data, 0)
		kernels.EachRow(&p, w, w, rowSwap32)
	case 8:
		w, _ := mem.Reinterpret[uint64](v.data, 0)
		kernels.EachRow(&p, w, w, rowSwap64)
	}
}

func rowSwap16(d []uint16, di, ds int, _ []uint16, _, _, n int) {
	for ; n > 0; n-- {
		d[di] = bits.ReverseBytes16(d[di])
		di += ds
	}
}

func rowSwap32(d []uint32, di, ds int, _ []uint32, _, _, n int) {
	for ; n > 0; n-- {
		d[di] = bits.ReverseBytes32(d[di])
		di += ds
	}
}

func rowSwap64(d []uint64, di, ds int, _ []uint64, _, _, n int) {
	for ; n > 0; n-- {
		d[di] = bits.ReverseBytes64(d[di])
		di += ds
	}
}

// DecodeBytes returns a new C-contiguous view of the elements whose bytes
// are b, stored in the given byte order (binary.LittleEndian,
// binary.BigEndian or binary.NativeEndian; a FormatSpec's ByteOrder). It
// always copies: the result is native and does not share b, which may
// have any alignment. With no shape the view is 1-D. Bytes 01 00 00 01
// decode as uint16 [1, 256] with binary.LittleEndian and [256, 1] with
// binary.BigEndian.
//
// DecodeBytes returns an error, never panics, and allocates nothing on
// error: ErrType when T is not a number or bool, order is nil, or T is a
// bool and a byte is neither 0 nor 1; ErrShape
// when len(b) is not a multiple of T's size or the shape does not hold
// len(b)/size elements; ErrOverflow when the shape overflows.
func DecodeBytes[T any](b []byte, order binary.ByteOrder, shape ...int) (NDView[T], error) {
	const op = "DecodeBytes"
	ti := mem.InfoOf[T]()
	unit, ok := ti.SwapUnit()
	if !ok || !ti.BytesOK() {
		return NDView[T]{}, errorf(op, ErrType, "elements of format %s have no byte order to decode; only numbers and bools do", ti.Format)
	}
	if order == nil {
		return NDView[T]{}, errorf(op, ErrType, "byte order is nil; give binary.LittleEndian, binary.BigEndian or binary.NativeEndian")
	}
	if len(b)%ti.Size != 0 {
		return NDView[T]{}, errorf(op, ErrShape,
			"byte length %d is not a multiple of the item size %d (format %s)", len(b), ti.Size, ti.Format)
	}
	n := len(b) / ti.Size
	if len(shape) > 0 {
		size, err := layout.CheckShape(op, shape, ti.Size)
		if err != nil {
			return NDView[T]{}, err
		}
		if size != n {
			return NDView[T]{}, errorf(op, ErrShape,
				"shape %s holds %d elements but the %d bytes hold %d", formatShape(shape), size, len(b), n)
		}
	}
	if ti.HasBool {
		for i, x := range b {
			if x > 1 {
				return NDView[T]{}, errorf(op, ErrType, "byte %d is %d, which is not a bool; bools must be 0 or 1", i, x)
			}
		}
	}
	data := make([]T, n)
	copy(mem.Bytes(data), b)
	v, err := fromSlice(op, data, shape)
	if err != nil { // checked above
		return NDView[T]{}, err
	}
	if unit > 1 && isLittle(order) != isLittle(binary.NativeEndian) {
		v.ByteSwap()
	}
	return v, nil
}
