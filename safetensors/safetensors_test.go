package safetensors

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/float8"
	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// equalViews reports whether a and b have the same shape and elements,
// comparing elements by their bytes.
func equalViews[T any](a, b ndview.NDView[T]) bool {
	return slices.Equal(a.Shape(), b.Shape()) && bytes.Equal(a.ToBytes(ndview.OrderC), b.ToBytes(ndview.OrderC))
}

// roundTrip writes every layout of v through a Writer, reads the file back
// by Parse, Read and Map, and compares each tensor with the oracle: the
// elements of the original view, read one by one.
func roundTrip[T any](t *testing.T, v ndview.NDView[T]) {
	t.Helper()
	w := &Writer{Metadata: map[string]string{"k": "v"}}
	ls := layouts(t, v)
	for name, l := range ls {
		if err := Add(w, name, l); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	must(w.WriteTo(&buf))
	path := filepath.Join(t.TempDir(), "f.safetensors")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	opens := map[string]func() (*File, error){
		"Parse": func() (*File, error) { return Parse(slices.Clone(buf.Bytes())) },
		"Read":  func() (*File, error) { return Read(bytes.NewReader(buf.Bytes()), int64(buf.Len())) },
		"Map":   func() (*File, error) { return Map(path) },
	}
	for oname, open := range opens {
		f := must(open())
		for name, l := range ls {
			got, copied, err := Tensor[T](f, name)
			if err != nil {
				t.Fatalf("%s %s: %v", oname, name, err)
			}
			// The oracle: the elements of l in C order, one by one.
			var want []T
			for _, x := range l.Enumerate() {
				want = append(want, x)
			}
			oracle := must(ndview.FromSlice(want, l.Shape()...))
			if !equalViews(got, oracle) {
				t.Errorf("%s %s (%T): got %v, want %v", oname, name, *new(T), got, oracle)
			}
			if wantCopy := oname == "Read" || FormatOf[T]() == "?"; copied != wantCopy && l.Size() > 0 {
				t.Errorf("%s %s: copied = %v, want %v (files a Writer writes are aligned)", oname, name, copied, wantCopy)
			}
			if oname == "Map" && !copied && !got.ReadOnly() {
				t.Errorf("Map %s: a view of a mapping must be read-only", name)
			}
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// FormatOf is ndview.FormatOf, short.
func FormatOf[T any]() string { return ndview.FormatOf[T]() }

func TestRoundTripEveryDtype(t *testing.T) {
	roundTrip(t, must(ndview.FromSlice([]bool{true, false, true, true, false, false}, 2, 3)))
	roundTrip(t, pattern[uint8](t, 1, 3, 4))
	roundTrip(t, pattern[int8](t, 2, 3, 4))
	roundTrip(t, pattern[uint16](t, 3, 4, 3))
	roundTrip(t, pattern[int16](t, 4, 2, 5))
	roundTrip(t, pattern[uint32](t, 5, 3, 3))
	roundTrip(t, pattern[int32](t, 6, 2, 2, 3))
	roundTrip(t, pattern[uint64](t, 7, 4, 2))
	roundTrip(t, pattern[int64](t, 8, 3, 2))
	roundTrip(t, pattern[int](t, 8, 3, 2))
	roundTrip(t, pattern[float16.Float16](t, 9, 2, 6))
	roundTrip(t, pattern[bfloat16.BFloat16](t, 10, 5, 2))
	roundTrip(t, pattern[float32](t, 11, 3, 3))
	roundTrip(t, pattern[float64](t, 12, 2, 4))
	roundTrip(t, pattern[float8.E4M3FN](t, 13, 3, 5))
	roundTrip(t, pattern[float8.E5M2](t, 14, 4, 4))
	roundTrip(t, pattern[complex64](t, 15, 2, 3))
	roundTrip(t, pattern[float32](t, 16))            // 0-d
	roundTrip(t, ndview.Zeros[float64](0, 3))        // empty
	roundTrip(t, pattern[uint16](t, 17, 1, 1, 1, 2)) // extent-1 axes
}

// TestZeroCopy proves that Parse's views share the file's bytes (a write
// through the view is seen in the bytes, and back), that Map's views
// share the file's pages, and that a misaligned tensor is a copy and
// says so.
func TestZeroCopy(t *testing.T) {
	w := &Writer{}
	must(0, Add(w, "x", pattern[float32](t, 1, 2, 3)))
	must(0, Add(w, "b", pattern[uint8](t, 2, 5)))
	var buf bytes.Buffer
	must(w.WriteTo(&buf))
	b := buf.Bytes()
	f := must(Parse(b))
	v, copied, err := Tensor[float32](f, "x")
	if err != nil || copied {
		t.Fatalf("copied %v, err %v", copied, err)
	}
	v.Set(42, 1, 2)
	info, _ := f.Info("x")
	off := f.DataOffset() + info.Begin + 5*4
	if got := must(ndview.DecodeBytes[float32](b[off:off+4], binary.LittleEndian)).At(0); got != 42 {
		t.Errorf("write through the view: the bytes hold %v", got)
	}
	b[off], b[off+1], b[off+2], b[off+3] = 0, 0, 0x80, 0x3f // 1.0
	if got := v.At(1, 2); got != 1 {
		t.Errorf("write to the bytes: the view holds %v", got)
	}

	// Map: a change to the file is seen through the view (MAP_SHARED).
	path := filepath.Join(t.TempDir(), "z.safetensors")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	m := must(Map(path))
	mv, copied, err := Tensor[float32](m, "x")
	if err != nil || copied || !mv.ReadOnly() {
		t.Fatalf("Map: copied %v, readonly %v, err %v", copied, mv.ReadOnly(), err)
	}
	fd := must(os.OpenFile(path, os.O_WRONLY, 0))
	must(fd.WriteAt([]byte{0, 0, 0x40, 0x40}, off)) // 3.0
	fd.Close()
	if got := mv.At(1, 2); got != 3 {
		t.Errorf("Map: the view does not share the file's pages: %v", got)
	}

	// A misaligned tensor: the header's length is not a multiple of 4.
	mis := file(`{"x":`+hdrEntry("F32", "2", 0, 8)+`} `, seq(8))
	f = must(Parse(mis))
	v, copied, err = Tensor[float32](f, "x")
	if err != nil || !copied {
		t.Fatalf("misaligned: copied %v, err %v", copied, err)
	}
	want := must(ndview.DecodeBytes[float32](seq(8), binary.LittleEndian, 2))
	if !equalViews(v, want) {
		t.Errorf("misaligned: %v, want %v", v, want)
	}
}

// TestTensorErrors checks the errors of Tensor: a type mismatch, a dtype
// without element type, a missing name, a closed file, and BOOL bytes
// other than 0 and 1.
func TestTensorErrors(t *testing.T) {
	f := must(Parse(cases()[0].data)) // ok_basic: "a", F32 [2]
	if _, _, err := Tensor[float64](f, "a"); !errors.Is(err, ndview.ErrType) {
		t.Errorf("F32 as float64: %v, want ErrType", err)
	}
	if _, _, err := Tensor[uint32](f, "a"); !errors.Is(err, ndview.ErrType) {
		t.Errorf("F32 as uint32: %v, want ErrType", err)
	}
	if _, _, err := Tensor[[4]byte](f, "a"); !errors.Is(err, ndview.ErrType) {
		t.Errorf("F32 as [4]byte: %v, want ErrType", err)
	}
	if _, _, err := Tensor[float32](f, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing: %v, want ErrNotFound", err)
	}
	byName := map[string][]byte{}
	for _, c := range cases() {
		byName[c.name] = c.data
	}
	f4 := must(Parse(byName["ok_f4"]))
	if _, _, err := Tensor[uint8](f4, "q"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("F4 as uint8: %v, want ErrUnsupported", err)
	}
	if b, err := f4.Bytes("q"); err != nil || len(b) != 1 {
		t.Errorf("F4 bytes: %v %v", b, err)
	}
	bad := must(Parse(byName["ok_bool_bad_byte"]))
	if _, _, err := Tensor[bool](bad, "m"); !errors.Is(err, ErrHeader) {
		t.Errorf("BOOL byte 2: %v, want ErrHeader", err)
	}
	good := must(Parse(byName["ok_bool"]))
	if v, copied, err := Tensor[bool](good, "m"); err != nil || !copied || v.At(0, 1) != true || v.At(1, 1) != false {
		t.Errorf("BOOL: %v %v %v", v, copied, err)
	}
	f.Close()
	if _, _, err := Tensor[float32](f, "a"); !errors.Is(err, ErrClosed) {
		t.Errorf("closed: %v, want ErrClosed", err)
	}
}

// TestWriterErrors checks what Add and AddBytes refuse, and that nothing
// is added then.
func TestWriterErrors(t *testing.T) {
	w := &Writer{}
	must(0, Add(w, "a", pattern[float32](t, 1, 2)))
	for name, err := range map[string]error{
		"duplicate":   Add(w, "a", pattern[float32](t, 1, 2)),
		"reserved":    Add(w, "__metadata__", pattern[float32](t, 1, 2)),
		"not utf8":    Add(w, "a\xff", pattern[float32](t, 1, 2)),
		"bytes shape": AddBytes(w, "q", F4, []int{3}, []byte{1}),
		"bytes dtype": AddBytes(w, "q", "F7", []int{2}, []byte{1}),
	} {
		if !errors.Is(err, ErrHeader) {
			t.Errorf("%s: %v, want ErrHeader", name, err)
		}
	}
	if err := Add(w, "s", must(ndview.FromSlice([]string{"x"}))); !errors.Is(err, ErrUnsupported) {
		t.Errorf("string elements: %v, want ErrUnsupported", err)
	}
	if len(w.entries) != 1 {
		t.Errorf("%d entries after refusals, want 1", len(w.entries))
	}
	w.Metadata = map[string]string{"k": "\xff"}
	if _, err := w.WriteTo(&bytes.Buffer{}); !errors.Is(err, ErrHeader) {
		t.Errorf("metadata not UTF-8: %v", err)
	}
}

// TestMapOutlivesFile checks that views of a mapping stay readable after
// Close and after the File is dropped (the mapping is kept by the views).
func TestMapOutlivesFile(t *testing.T) {
	w := &Writer{}
	must(0, Add(w, "x", pattern[int64](t, 3, 64)))
	path := filepath.Join(t.TempDir(), "m.safetensors")
	if err := w.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	f := must(Map(path))
	v, _, err := Tensor[int64](f, "x")
	if err != nil {
		t.Fatal(err)
	}
	want := v.ToBytes(ndview.OrderC)
	f.Close()
	f = nil
	for range 3 {
		runtime.GC()
	}
	if !bytes.Equal(v.ToBytes(ndview.OrderC), want) {
		t.Error("the view changed after Close and GC")
	}
}
