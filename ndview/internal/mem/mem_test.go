package mem

import (
	"testing"

	"github.com/x448/float16"
)

// panics reports whether f panics.
func panics(f func()) (did bool) {
	defer func() { did = recover() != nil }()
	f()
	return false
}

func TestAsRestoresTheErasedSlice(t *testing.T) {
	s := []float32{1, 2, 3}
	r := Erase(s)
	if r.Len() != 3 {
		t.Fatalf("Erase(s).Len() = %d, want 3", r.Len())
	}
	u := As[uint32](r) // same representation size
	u[1] = 0x3f800000  // 1.0
	if s[1] != 1 {
		t.Fatalf("write through As was not seen: s[1] = %v", s[1])
	}
	h := As[float16.Float16](Erase([]uint16{0x3c00}))
	if h[0].Float32() != 1 {
		t.Fatalf("As[float16] = %v, want 1", h[0])
	}
}

func TestAsRefusesOtherSizes(t *testing.T) {
	r := Erase([]uint16{1, 2})
	if !panics(func() { As[uint32](r) }) {
		t.Fatal("As[uint32] of erased uint16s did not panic")
	}
	if !panics(func() { As[byte](r) }) {
		t.Fatal("As[byte] of erased uint16s did not panic")
	}
}

func TestAsRefusesMisalignedMemory(t *testing.T) {
	b := make([]byte, 16)
	odd := b[1:]
	// A []byte erased and read back as bytes is fine at any address.
	As[byte](Erase(odd))
	// Reinterpreting at an odd byte as uint16 is refused.
	s16 := make([]uint16, 8)
	if !panics(func() { Reinterpret[uint32](s16, 2) }) {
		t.Fatal("Reinterpret[uint32] at byte 2 did not panic")
	}
}

func TestReinterpret(t *testing.T) {
	s := []uint32{0x01020304, 0x05060708}
	b, k := Reinterpret[byte](s, 4)
	if len(b) != 8 || k != 4 {
		t.Fatalf("Reinterpret[byte](s, 4) = len %d, index %d; want 8, 4", len(b), k)
	}
	b[k] = 0xff
	if s[1]&0xff != 0xff && s[1]>>24 != 0xff {
		t.Fatalf("write through the byte view was not seen: %#x", s[1])
	}
	if !panics(func() { Reinterpret[byte](s, 9) }) {
		t.Fatal("Reinterpret past the end did not panic")
	}
	if !panics(func() { Reinterpret[byte](s, -1) }) {
		t.Fatal("Reinterpret before the start did not panic")
	}
	if !panics(func() { Reinterpret[struct{}]([]byte{1}, 0) }) {
		t.Fatal("Reinterpret to a type of size 0 did not panic")
	}
	if b, _ := Reinterpret[uint64]([]byte{}, 0); b != nil {
		t.Fatalf("Reinterpret of nothing = %v, want nil", b)
	}
}

func TestBytesAndStringBytes(t *testing.T) {
	if got := Bytes([]uint16{1, 2}); len(got) != 4 {
		t.Fatalf("len(Bytes) = %d, want 4", len(got))
	}
	if got := string(StringBytes("abc")); got != "abc" {
		t.Fatalf("StringBytes = %q", got)
	}
}

func TestInfoOf(t *testing.T) {
	type named float64
	type withBool struct {
		a int32
		b bool
	}
	cases := []struct {
		info *Info
		kind Kind
		size int
		fmt  string
		ok   bool
	}{
		{InfoOf[float64](), Float64, 8, "d", true},
		{InfoOf[named](), Float64, 8, "d", true},
		{InfoOf[float16.Float16](), Float16, 2, "e", true},
		{InfoOf[int](), Int64, 8, "n", true},
		{InfoOf[bool](), Bool, 1, "?", true},
		{InfoOf[withBool](), Other, 8, "V8", true},
		{InfoOf[string](), Pointers, 16, "O", false},
		{InfoOf[struct{}](), Other, 0, "V0", false},
	}
	for _, c := range cases {
		if c.info.Kind != c.kind || c.info.Size != c.size || c.info.Format != c.fmt || c.info.BytesOK() != c.ok {
			t.Errorf("InfoOf = %+v, want kind %d size %d format %s bytesOK %v", *c.info, c.kind, c.size, c.fmt, c.ok)
		}
	}
	if !InfoOf[withBool]().HasBool || InfoOf[withBool]().MadeFrom(InfoOf[uint64]()) {
		t.Error("a struct holding a bool must not be made from other memory")
	}
}
