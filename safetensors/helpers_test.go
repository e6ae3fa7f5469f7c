package safetensors

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/float8"
	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// must returns v, and panics on err (the tests' literals).
func must[V any](v V, err error) V {
	if err != nil {
		panic(err)
	}
	return v
}

// pattern returns a view of shape of T whose elements are made of the
// bytes 1, 2, 3, … (every bit pattern of these types is a value).
func pattern[T any](t testing.TB, seed byte, shape ...int) ndview.NDView[T] {
	n := 1
	for _, e := range shape {
		n *= e
	}
	var zero [1]T
	size := must(ndview.FromSlice(zero[:])).ItemSize()
	b := make([]byte, n*size)
	for i := range b {
		b[i] = byte(i)*31 + seed
	}
	return must(ndview.DecodeBytes[T](b, binary.LittleEndian, shape...))
}

// layouts returns views of v's data in several layouts: v itself,
// transposed, reversed, stepped, read-only, and broadcast.
func layouts[T any](t testing.TB, v ndview.NDView[T]) map[string]ndview.NDView[T] {
	out := map[string]ndview.NDView[T]{"C": v, "readonly": v.AsReadOnly()}
	if v.NDim() >= 2 {
		out["T"] = v.T()
		out["stepped"] = must(v.Index("::2, ::-1"))
		if v.Shape()[0] > 0 {
			out["broadcast"] = must(must(v.Index("0:1")).BroadcastTo(append([]int{3}, v.Shape()[1:]...)...))
		}
	}
	if v.NDim() >= 1 {
		out["reversed"] = v.Flip()
	}
	return out
}

// writtenFiles returns the Writers of the files ndkit writes for the
// check against the official implementation.
func writtenFiles(t testing.TB) map[string]*Writer {
	all := &Writer{Metadata: map[string]string{"format": "pt"}}
	add := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	add(Add(all, "bool", must(ndview.FromSlice([]bool{true, false, true, true, false, false}, 2, 3))))
	add(Add(all, "u8", pattern[uint8](t, 1, 2, 3)))
	add(Add(all, "i8", pattern[int8](t, 2, 2, 3).T()))
	add(Add(all, "u16", pattern[uint16](t, 3, 4, 3)))
	add(Add(all, "i16", pattern[int16](t, 4, 3, 2).Flip()))
	add(Add(all, "u32", pattern[uint32](t, 5, 5)))
	add(Add(all, "i32", pattern[int32](t, 6, 2, 2, 2).Transpose(2, 0, 1)))
	add(Add(all, "u64", pattern[uint64](t, 7, 3)))
	add(Add(all, "i64", pattern[int64](t, 8)))
	add(Add(all, "f16", pattern[float16.Float16](t, 9, 3, 1)))
	add(Add(all, "bf16", must(pattern[bfloat16.BFloat16](t, 10, 4, 4).Index("::2, 1::2"))))
	add(Add(all, "f32", pattern[float32](t, 11, 2, 3).T()))
	add(Add(all, "f64", pattern[float64](t, 12, 1, 2)))
	add(Add(all, "f8_e4m3", pattern[float8.E4M3FN](t, 13, 4)))
	add(Add(all, "f8_e5m2", pattern[float8.E5M2](t, 14, 2, 2)))
	add(Add(all, "empty", ndview.Zeros[float64](0, 3)))
	add(Add(all, "scalar", must(ndview.FromSlice([]float32{float32(math.Pi)})).Slice(ndview.Int(0))))

	meta := &Writer{Metadata: map[string]string{"a": "1", "b\"\n": "é\u2028", "c": ""}}
	add(Add(meta, "name with spaces/and\\slashes", pattern[float32](t, 1, 2)))
	add(Add(meta, "\u00e9\U0001F600", pattern[uint8](t, 2, 3)))

	none := &Writer{}
	return map[string]*Writer{"ndkit_all_dtypes": all, "ndkit_metadata": meta, "ndkit_no_tensors": none}
}

// addAs reads tensor info of f as a view of its element type and adds it
// to w under the same name.
func addAs(w *Writer, f *File, info TensorInfo) error {
	switch info.Dtype {
	case BOOL:
		return addTyped[bool](w, f, info.Name)
	case U8:
		return addTyped[uint8](w, f, info.Name)
	case I8:
		return addTyped[int8](w, f, info.Name)
	case U16:
		return addTyped[uint16](w, f, info.Name)
	case I16:
		return addTyped[int16](w, f, info.Name)
	case U32:
		return addTyped[uint32](w, f, info.Name)
	case I32:
		return addTyped[int32](w, f, info.Name)
	case U64:
		return addTyped[uint64](w, f, info.Name)
	case I64:
		return addTyped[int64](w, f, info.Name)
	case F16:
		return addTyped[float16.Float16](w, f, info.Name)
	case BF16:
		return addTyped[bfloat16.BFloat16](w, f, info.Name)
	case F32:
		return addTyped[float32](w, f, info.Name)
	case F64:
		return addTyped[float64](w, f, info.Name)
	case F8_E4M3:
		return addTyped[float8.E4M3FN](w, f, info.Name)
	case F8_E5M2:
		return addTyped[float8.E5M2](w, f, info.Name)
	case C64:
		return addTyped[complex64](w, f, info.Name)
	}
	b, err := f.Bytes(info.Name)
	if err != nil {
		return err
	}
	return AddBytes(w, info.Name, info.Dtype, info.Shape, b)
}

// addTyped reads tensor name of f as a view of T and adds it to w.
func addTyped[T any](w *Writer, f *File, name string) error {
	v, _, err := Tensor[T](f, name)
	if err != nil {
		return err
	}
	return Add(w, name, v)
}
