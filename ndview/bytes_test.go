package ndview

import "github.com/ndkit/ndkit/ndview/internal/mem"

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

func TestToBytesOrders(t *testing.T) {
	// semantics.md M3: the 2×2 byte view "abcd" gives "abcd" for 'C' and
	// "acbd" for 'F'; an F-contiguous view gives equal 'F' and 'A' bytes.
	m := mustValue(FromSlice([]byte("abcd"), 2, 2))
	assert.Equal(t, "abcd", string(m.ToBytes(OrderC)))
	assert.Equal(t, "acbd", string(m.ToBytes(OrderF)))
	assert.Equal(t, "abcd", string(m.ToBytes(OrderA)))
	f := m.T() // F-contiguous, not C
	assert.Equal(t, "acbd", string(f.ToBytes(OrderC)))
	assert.Equal(t, "abcd", string(f.ToBytes(OrderF)))
	assert.Equal(t, f.ToBytes(OrderF), f.ToBytes(OrderA), "'A' of an F-contiguous view is its memory")
	s := mustValue(FromSlice([]byte("abcdefghi"), 3, 3)).Slice(Step(2), Step(2)) // neither
	assert.Equal(t, "acgi", string(s.ToBytes(OrderA)), "'A' of a non-contiguous view acts as 'C'")
	assert.Equal(t, "agci", string(s.ToBytes(OrderF)))
	r := mustValue(FromSlice([]byte("abcdef"))).Slice(Step(-2))
	assert.Equal(t, "fdb", string(r.ToBytes(OrderC)))
	assert.Equal(t, "fdb", string(r.ToBytes(OrderA)))

	u := mustValue(FromSlice([]uint16{1, 0x0203}))
	want := binary.NativeEndian.AppendUint16(binary.NativeEndian.AppendUint16(nil, 1), 0x0203)
	assert.Equal(t, want, u.ToBytes(OrderC), "elements keep their native byte order")
	assert.Equal(t, []byte{}, Zeros[float64](0, 3).ToBytes(OrderC))
	assert.Equal(t, binary.NativeEndian.AppendUint32(nil, math.Float32bits(2.5)),
		mustValue(FromSlice([]float32{1, 2.5})).Slice(Int(1)).ToBytes(OrderC), "0-d")
	bc := mustBroadcast(t, mustValue(FromSlice([]byte("xy"))), 2, 2)
	assert.Equal(t, "xyxy", string(bc.ToBytes(OrderC)))

	castPanics(t, ErrLayout, func() { m.ToBytes(Order(3)) })
	defer func() {
		assert.Contains(t, recover().(error).Error(), "order must be 'C', 'F' or 'A'")
	}()
	castPanics(t, ErrType, func() { Zeros[string](2).ToBytes(OrderC) })
	m.ToBytes(Order(7))
}

func TestHex(t *testing.T) {
	// semantics.md M5.
	b := mustValue(FromSlice([]byte{0xb9, 0x01, 0xef, 0x02, 0x03}))
	tests := []struct {
		sep  string
		n    int
		want string
	}{
		{"", 0, "b901ef0203"},
		{"", 2, "b901ef0203"},
		{":", 1, "b9:01:ef:02:03"},
		{":", -1, "b9:01:ef:02:03"},
		{":", 2, "b9:01ef:0203"},
		{":", -2, "b901:ef02:03"},
		{"-", 3, "b901-ef0203"},
		{"-", -3, "b901ef-0203"},
		{":", 0, "b901ef0203"},
		{":", 5, "b901ef0203"},
		{":", -5, "b901ef0203"},
		{":", 4, "b9:01ef0203"},
		{":", -4, "b901ef02:03"},
		{" ", 1, "b9 01 ef 02 03"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, b.Hex(tt.sep, tt.n), "Hex(%q, %d)", tt.sep, tt.n)
	}
	u := mustValue(FromSlice([]uint16{1, 0x0203}))
	if isLittle(binary.NativeEndian) {
		assert.Equal(t, "01000302", u.Hex("", 0), "multi-byte elements show their memory bytes")
	} else {
		assert.Equal(t, "00010203", u.Hex("", 0))
	}
	r := mustValue(FromSlice([]byte{0, 1, 2, 3, 4, 5})).Slice(Step(-2))
	assert.Equal(t, "05.03.01", r.Hex(".", 1), "C order of the view, not memory order")
	assert.Equal(t, "", Zeros[byte](0).Hex(":", 1))

	castPanics(t, ErrShape, func() { b.Hex("::", 1) })
	castPanics(t, ErrShape, func() { b.Hex("é", 1) })
	castPanics(t, ErrType, func() { Zeros[*int](1).Hex("", 0) })
	defer func() { assert.Contains(t, recover().(error).Error(), "sep must be ASCII") }()
	b.Hex("é", 1)
}

func TestToList(t *testing.T) {
	v := seqView[int32](t, 2, 3)
	assert.Equal(t, []any{[]any{int32(0), int32(1), int32(2)}, []any{int32(3), int32(4), int32(5)}}, v.ToList())
	assert.Equal(t, []any{[]any{int32(0), int32(3)}, []any{int32(1), int32(4)}, []any{int32(2), int32(5)}}, v.T().ToList())
	assert.Equal(t, int32(4), v.Slice(Int(1), Int(1)).ToList(), "0-d gives a scalar")
	assert.Equal(t, []any{}, Zeros[int](0, 3).ToList())
	assert.Equal(t, []any{[]any{}, []any{}}, Zeros[int](2, 0).ToList())
	h := mustValue(FromSlice([]float16.Float16{float16.Fromfloat32(0.5)}))
	assert.Equal(t, []any{float16.Fromfloat32(0.5)}, h.ToList())
	assert.Equal(t, []any{true, false}, mustValue(FromSlice([]bool{true, false})).ToList())
	assert.Equal(t, []any{"a"}, mustValue(FromSlice([]string{"a"})).ToList())
}

// swapped returns x with its bytes reversed, as a reference.
func swapped(b []byte) []byte {
	out := make([]byte, len(b))
	for i := range b {
		out[i] = b[len(b)-1-i]
	}
	return out
}

func TestByteSwap(t *testing.T) {
	t.Run("uint32 strided", func(t *testing.T) {
		data := []uint32{0x01020304, 0x05060708, 0x090a0b0c, 0x0d0e0f10, 0x11121314, 0x15161718}
		v := mustValue(FromSlice(data, 2, 3))
		v.Slice(Colon(), Step(-2)).ByteSwap()
		assert.Equal(t, []uint32{0x04030201, 0x05060708, 0x0c0b0a09, 0x100f0e0d, 0x11121314, 0x18171615}, data,
			"only the view's elements are swapped")
		v.Slice(Colon(), Step(-2)).ByteSwap()
		assert.Equal(t, []uint32{0x01020304, 0x05060708, 0x090a0b0c, 0x0d0e0f10, 0x11121314, 0x15161718}, data,
			"swapping twice restores")
	})
	t.Run("uint16 transposed", func(t *testing.T) {
		data := []uint16{0x0102, 0x0304, 0x0506, 0x0708}
		mustValue(FromSlice(data, 2, 2)).T().ByteSwap()
		assert.Equal(t, []uint16{0x0201, 0x0403, 0x0605, 0x0807}, data)
	})
	t.Run("float64", func(t *testing.T) {
		v := mustValue(FromSlice([]float64{1.5, -2}))
		before := v.ToBytes(OrderC)
		v.ByteSwap()
		after := v.ToBytes(OrderC)
		assert.Equal(t, swapped(before[:8]), after[:8])
		assert.Equal(t, swapped(before[8:]), after[8:])
	})
	t.Run("complex halves separately", func(t *testing.T) {
		v := mustValue(FromSlice([]complex64{complex(1, 2)}))
		before := v.ToBytes(OrderC)
		v.ByteSwap()
		after := v.ToBytes(OrderC)
		assert.Equal(t, append(swapped(before[:4]), swapped(before[4:])...), after)
		w := mustValue(FromSlice([]complex128{complex(1, 2), complex(3, 4)}))
		before = w.ToBytes(OrderC)
		w.Slice(Step(-1)).ByteSwap()
		after = w.ToBytes(OrderC)
		for i := 0; i < 32; i += 8 {
			assert.Equal(t, swapped(before[i:i+8]), after[i:i+8])
		}
	})
	t.Run("float16 and int", func(t *testing.T) {
		h := mustValue(FromSlice([]float16.Float16{0x3c00}))
		h.ByteSwap()
		assert.Equal(t, float16.Float16(0x003c), h.At(0))
		n := mustValue(FromSlice([]int{1}))
		n.ByteSwap()
		assert.Equal(t, 1<<((mem.Sizeof[int]()-1)*8), n.At(0))
	})
	t.Run("one byte and empty", func(t *testing.T) {
		b := mustValue(FromSlice([]int8{-1, 2}))
		b.ByteSwap()
		assert.Equal(t, []int8{-1, 2}, mustValue(b.Data()))
		Zeros[uint32](0, 4).ByteSwap()
		Zeros[bool](2).ByteSwap()
	})
	t.Run("0-d", func(t *testing.T) {
		v := mustValue(FromSlice([]uint32{0x01020304, 0x05060708}))
		v.Slice(Int(1)).ByteSwap()
		assert.Equal(t, []uint32{0x01020304, 0x08070605}, mustValue(v.Data()))
	})
	castPanics(t, ErrReadOnly, func() { Zeros[uint32](2).AsReadOnly().ByteSwap() })
	castPanics(t, ErrType, func() { Zeros[pixel](2).ByteSwap() })
	castPanics(t, ErrType, func() { Zeros[string](2).ByteSwap() })
}

func TestDecodeBytes(t *testing.T) {
	// semantics.md C5: bytes 01 00 00 01 read as '<u2' give [1, 256], as '>u2' [256, 1].
	raw := []byte{0x01, 0x00, 0x00, 0x01}
	le := mustValue(DecodeBytes[uint16](raw, binary.LittleEndian))
	assert.Equal(t, []uint16{1, 256}, mustValue(le.Data()))
	be := mustValue(DecodeBytes[uint16](raw, binary.BigEndian))
	assert.Equal(t, []uint16{256, 1}, mustValue(be.Data()))
	for _, tt := range []struct {
		dtype string
		want  []uint16
	}{{"<u2", []uint16{1, 256}}, {">u2", []uint16{256, 1}}, {"!H", []uint16{256, 1}}, {"<H", []uint16{1, 256}}} {
		spec := mustValue(ParseFormat(tt.dtype))
		v := mustValue(DecodeBytes[uint16](raw, spec.ByteOrder))
		assert.Equal(t, tt.want, mustValue(v.Data()), "DecodeBytes as %s", tt.dtype)
	}

	// A copy: later writes to the bytes are not seen; any alignment works.
	buf := make([]byte, 17)
	binary.BigEndian.PutUint32(buf[1:], math.Float32bits(1.5))
	binary.BigEndian.PutUint32(buf[5:], math.Float32bits(-3))
	binary.BigEndian.PutUint32(buf[9:], math.Float32bits(0.25))
	binary.BigEndian.PutUint32(buf[13:], math.Float32bits(1e9))
	f := mustValue(DecodeBytes[float32](buf[1:], binary.BigEndian, 2, 2))
	buf[1] = 0
	assert.Equal(t, []int{2, 2}, f.Shape())
	assert.Equal(t, []float32{1.5, -3, 0.25, 1e9}, mustValue(f.Data()))

	c := make([]byte, 16)
	binary.BigEndian.PutUint64(c, math.Float64bits(1))
	binary.BigEndian.PutUint64(c[8:], math.Float64bits(-2))
	z := mustValue(DecodeBytes[complex128](c, binary.BigEndian))
	assert.Equal(t, complex(1, -2), z.At(0))
	n := mustValue(DecodeBytes[float64](c, binary.NativeEndian))
	assert.Equal(t, binary.NativeEndian.Uint64(c), math.Float64bits(n.At(0)), "native order: no swap")
	bo := mustValue(DecodeBytes[bool]([]byte{1, 0}, binary.BigEndian))
	assert.Equal(t, []bool{true, false}, mustValue(bo.Data()))

	_, err := DecodeBytes[uint32](raw[:3], binary.LittleEndian)
	assert.ErrorIs(t, err, ErrShape)
	_, err = DecodeBytes[uint16](raw, binary.LittleEndian, 3)
	assert.ErrorIs(t, err, ErrShape)
	_, err = DecodeBytes[uint16](raw, binary.LittleEndian, 1<<40, 1<<40)
	assert.ErrorIs(t, err, ErrOverflow)
	_, err = DecodeBytes[uint16](raw, nil)
	assert.ErrorIs(t, err, ErrType)
	e := mustValue(DecodeBytes[uint64](nil, binary.BigEndian))
	assert.Equal(t, []int{0}, e.Shape())
	_, err = DecodeBytes[uint16](make([]byte, 1<<20), binary.LittleEndian, 1<<40)
	require.ErrorIs(t, err, ErrShape, "a shape that does not match is refused before anything is allocated")
}

// TestByteSwapRank64 swaps a view of the highest rank, whose element axis
// would not fit in a traversal plan beside 64 view axes.
func TestByteSwapRank64(t *testing.T) {
	shape := make([]int, MaxRank)
	for i := range shape {
		shape[i] = 1
	}
	shape[10], shape[63] = 2, 3
	v, err := FromSlice([]uint32{0x01020304, 2, 3, 4, 5, 6}, shape...)
	if err != nil {
		t.Fatal(err)
	}
	v.ByteSwap()
	flat, _ := v.Reshape(-1)
	want := []uint32{0x04030201, 0x02000000, 0x03000000, 0x04000000, 0x05000000, 0x06000000}
	for i, w := range want {
		if got := flat.At(i); got != w {
			t.Errorf("ByteSwap at rank 64: element %d = %#x, want %#x", i, got, w)
		}
	}
}
