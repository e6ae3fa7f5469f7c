package npy

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// maxFuzzLen caps fuzz inputs, as image/png's fuzz test does.
const maxFuzzLen = 1 << 16

// fuzzSeeds returns seed inputs: valid files of several layouts and
// versions, and the malformed fixtures.
func fuzzSeeds(t testing.TB) [][]byte {
	seeds := [][]byte{
		numpyBytes(),
		encode(t, cView[float64](t), Options{}),
		encode(t, fView[float32](t, 3, 2), Options{Version: Version2}),
		encode(t, cView[uint8](t, 0, 4), Options{Version: Version3}),
		encode(t, cView[complex64](t, 2, 1, 2), Options{ByteOrder: binaryBig}),
		encode(t, cView[bool](t, 5), Options{}),
		encode(t, cView[float16.Float16](t, 3), Options{}),
	}
	for _, f := range badFixtures {
		seeds = append(seeds, f.data)
	}
	return seeds
}

// checkErr fails unless err is nil or an *Error.
func checkErr(t *testing.T, op string, err error) {
	var e *Error
	if err != nil && !errors.As(err, &e) {
		t.Fatalf("%s = %T %v, want an *Error", op, err, err)
	}
}

func FuzzHeader(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzLen {
			return
		}
		h, err := ReadHeader(bytes.NewReader(data))
		checkErr(t, "ReadHeader", err)
		if err != nil {
			return
		}
		if h.DataOffset > int64(len(data)) {
			t.Fatalf("DataOffset %d beyond the %d bytes of input", h.DataOffset, len(data))
		}
		// What was read writes and reads back the same.
		var b bytes.Buffer
		if err := WriteHeader(&b, h); err != nil {
			t.Fatalf("WriteHeader(%+v) = %v", h, err)
		}
		if b.Len()%64 != 0 {
			t.Fatalf("WriteHeader wrote %d bytes, not a multiple of 64", b.Len())
		}
		h2, err := ReadHeader(&b)
		if err != nil {
			t.Fatalf("ReadHeader(WriteHeader(%+v)) = %v", h, err)
		}
		h2.DataOffset = h.DataOffset
		require.Equal(t, h, h2)
	})
}

func FuzzRead(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzLen {
			return
		}
		fuzzRead[float64](t, data)
		fuzzRead[float32](t, data)
		fuzzRead[uint8](t, data)
		fuzzRead[bool](t, data)
		fuzzRead[complex64](t, data)
		fuzzRead[float16.Float16](t, data)
	})
}

// fuzzRead reads data as T from a sized and an unsized reader: both must
// agree, and a successful read must write back to a file that reads back to
// the same bytes.
func fuzzRead[T any](t *testing.T, data []byte) {
	v, err := Read[T](bytes.NewReader(data))
	checkErr(t, "Read", err)
	v2, err2 := Read[T](stream{bytes.NewReader(data)})
	checkErr(t, "Read(stream)", err2)
	if (err == nil) != (err2 == nil) {
		t.Fatalf("Read = %v but Read(stream) = %v", err, err2)
	}
	if err != nil {
		return
	}
	h, _ := ReadHeader(bytes.NewReader(data))
	if v.Size() != h.Size() || fmt.Sprint(v.Shape()) != fmt.Sprint(h.Shape) {
		t.Fatalf("Read gave shape %v for header shape %v", v.Shape(), h.Shape)
	}
	once := encodeFuzz(t, v)
	if !bytes.Equal(once, encodeFuzz(t, v2)) {
		t.Fatalf("Read and Read(stream) differ")
	}
	back, err := Read[T](bytes.NewReader(once))
	if err != nil {
		t.Fatalf("Read(Write(Read(data))) = %v", err)
	}
	if !bytes.Equal(once, encodeFuzz(t, back)) {
		t.Fatalf("Write(Read(Write(v))) differs from Write(v)")
	}
}

// encodeFuzz returns Write's encoding of v in little-endian order.
func encodeFuzz[T any](t *testing.T, v ndview.NDView[T]) []byte {
	var b bytes.Buffer
	if err := WriteWith(&b, v, Options{ByteOrder: binaryLittle}); err != nil {
		t.Fatalf("Write = %v", err)
	}
	return b.Bytes()
}

// TestFuzzCorpus keeps the seed corpus in testdata/fuzz in step with the
// seeds; run with -update to rewrite it.
func TestFuzzCorpus(t *testing.T) {
	for _, target := range []string{"FuzzHeader", "FuzzRead"} {
		dir := filepath.Join("testdata", "fuzz", target)
		for i, s := range fuzzSeeds(t) {
			path := filepath.Join(dir, fmt.Sprintf("seed%02d", i))
			want := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", s)
			if *update {
				require.NoError(t, os.MkdirAll(dir, 0o755))
				require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
			}
			got, err := os.ReadFile(path)
			require.NoError(t, err, "missing corpus file; run go test -run FuzzCorpus ./npy -update")
			require.Equal(t, want, string(got))
		}
	}
}
