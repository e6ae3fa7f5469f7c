package ndview_test

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

func ExampleCast() {
	// RGBA pixels as bytes, seen as one uint32 per pixel: NumPy's
	// a.view(np.uint32). Nothing is copied.
	px := []uint32{0, 0, 0, 0}
	v, _ := ndview.FromSlice(px, 2, 2)
	b, _ := ndview.Cast[uint8](v) // shape (2, 8): the bytes of each pixel
	b.Set(0xff, 1, 4)             // a byte of pixel (1, 1)
	fmt.Println(b.Shape(), b.ByteStrides())
	fmt.Println(px[3] != 0)

	// The last axis must be contiguous to change the item size.
	_, err := ndview.Cast[uint16](v.T())
	fmt.Println(err != nil)
	// Output:
	// [2 8] [8 1]
	// true
	// true
}

func ExampleFromBytes() {
	// Bytes read from a file, in native order, as float32: no copy. The
	// bytes must be aligned for float32; a []byte made by make is.
	raw := make([]byte, 16)
	binary.NativeEndian.PutUint32(raw[4:], 0x3fc00000) // 1.5
	f, err := ndview.FromBytes[float32](raw, 2, 2)
	fmt.Println(f.ToList(), err)

	_, err = ndview.FromBytes[float32](raw[1:13]) // misaligned start
	fmt.Println(errors.Is(err, ndview.ErrAlign))
	// Output:
	// [[0 1.5] [0 0]] <nil>
	// true
}

func ExampleConvertInto() {
	// float16 model weights to float32: NumPy's np.copyto(dst, src) or
	// src.astype(np.float32).
	w := []float16.Float16{float16.Fromfloat32(0.5), float16.Fromfloat32(-2), float16.Inf(1)}
	src, _ := ndview.FromSlice(w)
	dst := ndview.Zeros[float32](2, 3) // src broadcasts to every row
	ndview.ConvertInto(dst, src)
	fmt.Println(dst.ToList())

	// And back, rounding to nearest even: 65520 overflows to +Inf.
	f, _ := ndview.FromSlice([]float32{1.0009766, 65504, 65520})
	h := ndview.Zeros[float16.Float16](3)
	ndview.ConvertInto(h, f)
	fmt.Println(h.ToList())
	// Output:
	// [[0.5 -2 +Inf] [0.5 -2 +Inf]]
	// [1.0009766 65504 +Inf]
}

func ExampleNDView_ToBytes() {
	// memoryview.tobytes: 'C' and 'F' orders of a 2×2 byte view.
	v, _ := ndview.FromSlice([]byte("abcd"), 2, 2)
	fmt.Println(string(v.ToBytes(ndview.OrderC)), string(v.ToBytes(ndview.OrderF)))
	// Output: abcd acbd
}

func ExampleNDView_Hex() {
	v, _ := ndview.FromSlice([]byte{0xb9, 0x01, 0xef, 0x02, 0x03})
	fmt.Println(v.Hex(":", 1))
	fmt.Println(v.Hex(":", 2))
	fmt.Println(v.Hex(":", -2))
	// Output:
	// b9:01:ef:02:03
	// b9:01ef:0203
	// b901:ef02:03
}

func ExampleNDView_ToList() {
	v, _ := ndview.FromSlice([]int{1, 2, 3, 4}, 2, 2)
	fmt.Println(v.T().ToList())
	// Output: [[1 3] [2 4]]
}

func ExampleDecodeBytes() {
	// The same four bytes as little- and big-endian uint16 (a copy).
	raw := []byte{0x01, 0x00, 0x00, 0x01}
	le, _ := ndview.DecodeBytes[uint16](raw, binary.LittleEndian)
	spec, _ := ndview.ParseFormat(">u2")
	be, _ := ndview.DecodeBytes[uint16](raw, spec.ByteOrder)
	fmt.Println(le.ToList(), be.ToList())
	// Output: [1 256] [256 1]
}

func ExampleParseFormat() {
	for _, s := range []string{"<f4", ">i2", "|u1", "e", "!q", "Zd"} {
		spec, _ := ndview.ParseFormat(s)
		fmt.Println(s, spec.Kind, spec.Size, spec)
	}
	// Output:
	// <f4 float 4 <f4
	// >i2 int 2 >i2
	// |u1 uint 1 |u1
	// e float 2 <f2
	// !q int 8 >i8
	// Zd complex 16 <c16
}

func ExampleNDView_Format() {
	fmt.Println(ndview.Zeros[float32](1).Format(), ndview.Zeros[float16.Float16](1).Format(),
		ndview.Zeros[int64](1).Format(), ndview.Zeros[complex128](1).Format(), ndview.Zeros[[16]byte](1).Format())
	// Output: f e q Zd V16
}

func ExampleByteView() {
	v, _ := ndview.FromSlice([]uint16{0x0102, 0x0304})
	b, _ := ndview.ByteView(v)
	fmt.Println(b.Shape(), b.ByteStrides())
	// Output: [2 2] [2 1]
}

func ExampleFromString() {
	v := ndview.FromString("hello")
	fmt.Println(v.At(1), v.ReadOnly())
	// Output: 101 true
}
