package ndview

import (
	"errors"
	"testing"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/float8"
	"github.com/x448/float16"
)

// TestNarrowFormats: the runtime-format views accept the names FormatOf
// gives bfloat16 and the float8 types (semantics.md §26 SF3, BP4, BP8):
// MemoryViewOf decodes their items, ViewOf and FromMemoryView check them
// against the element type.
func TestNarrowFormats(t *testing.T) {
	b := Must(FromSlice([]bfloat16.BFloat16{bfloat16.FromFloat32(1.5), bfloat16.FromFloat32(-3)}, 2))
	m, err := MemoryViewOf(hidden[bfloat16.BFloat16]{b})
	if err != nil {
		t.Fatal(err)
	}
	if m.Format() != "bfloat16" || m.ItemSize() != 2 || m.FormatSpec().Kind != KindBFloat16 {
		t.Fatalf("format %q size %d kind %v", m.Format(), m.ItemSize(), m.FormatSpec().Kind)
	}
	if got := m.At(1); got != bfloat16.FromFloat32(-3) {
		t.Fatalf("At(1) = %v (%T)", got, got)
	}
	if s := m.String(); s != "[ 1.5 -3.0]" {
		t.Fatalf("String %q", s)
	}
	back, err := FromMemoryView[bfloat16.BFloat16](m)
	if err != nil || back.At(0) != b.At(0) {
		t.Fatal(back, err)
	}
	if _, err := FromMemoryView[float16.Float16](m); !errors.Is(err, ErrType) {
		t.Fatalf("bfloat16 viewed as float16: %v", err)
	}
	if _, err := FromMemoryView[uint16](m); !errors.Is(err, ErrType) {
		t.Fatalf("bfloat16 viewed as uint16: %v", err)
	}
	m.Release()

	// A buffer in the host's order, by a prefixed name; and the other order.
	data := alignedBytes(4)
	copy(data, []byte{0xc0, 0x3f, 0x40, 0xc0}) // 1.5, -3 little-endian
	for _, c := range []struct {
		format string
		ok     bool
	}{{"<bfloat16", true}, {"=bfloat16", true}, {">bfloat16", false}, {"e", false}, {"H", false}} {
		v, _, err := ViewOf[bfloat16.BFloat16](&fakeExporter{b: Buffer{Data: data, Format: c.format, Shape: []int{2}}})
		if c.ok != (err == nil) {
			t.Fatalf("%s: %v", c.format, err)
		}
		if c.ok && (v.At(0).Float32() != 1.5 || v.At(1).Float32() != -3) {
			t.Fatalf("%s: %v", c.format, v)
		}
	}
	m, err = MemoryViewOf(&fakeExporter{b: Buffer{Data: data, Format: ">bfloat16", Shape: []int{2}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.At(0); got != bfloat16.FromBits(0xc03f) {
		t.Fatalf("big-endian item %v", got)
	}
	m.Release()

	// float8: one byte, no byte order.
	for _, c := range []struct {
		format string
		want   any
	}{{"float8_e4m3fn", float8.E4M3FN(0xc0)}, {"float8_e5m2", float8.E5M2(0xc0)}} {
		m, err := MemoryViewOf(&fakeExporter{b: Buffer{Data: data, Format: c.format, Shape: []int{4}}})
		if err != nil {
			t.Fatal(err)
		}
		if got := m.At(0); got != c.want {
			t.Fatalf("%s: At(0) = %v (%T)", c.format, got, got)
		}
		m.Release()
	}
	if _, _, err := ViewOf[float8.E5M2](&fakeExporter{b: Buffer{Data: data, Format: "float8_e4m3fn", Shape: []int{4}}}); !errors.Is(err, ErrType) {
		t.Fatalf("E4M3FN viewed as E5M2: %v", err)
	}
	if _, _, err := ViewOf[float8.E4M3FN](&fakeExporter{b: Buffer{Data: data, Format: "B", Shape: []int{4}}}); !errors.Is(err, ErrType) {
		t.Fatalf("bytes viewed as E4M3FN: %v", err)
	}
	if _, err := ParseFormat("|bfloat16"); !errors.Is(err, ErrType) {
		t.Fatalf("|bfloat16: %v", err)
	}
}
