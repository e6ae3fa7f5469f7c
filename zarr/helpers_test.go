package zarr

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
	"github.com/x448/float16"
)

// sameBits reports whether two views have the same shape and the same
// element bytes (so NaNs compare equal to themselves).
func sameBits[T any](a, b ndview.NDView[T]) bool {
	if !slices.Equal(a.Shape(), b.Shape()) {
		return false
	}
	return bytes.Equal(asBytes(a.ToSlice()), asBytes(b.ToSlice()))
}

// readNpy reads a .npy file.
func readNpy[T any](t *testing.T, path string) ndview.NDView[T] {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := npy.Read[T](f)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkAgainst reads all of a and compares it with the expected values in
// exp: a .npy file, or a .bin file of little-endian values in C order with
// the shape given by shape; it dispatches on the array's data type.
func checkAgainst(t *testing.T, a *Array, exp string, shape ...int) {
	t.Helper()
	d := a.DType()
	switch {
	case d.Kind == 'b':
		checkT[bool](t, a, exp, shape)
	case d.Kind == 'i' && d.Size == 1:
		checkT[int8](t, a, exp, shape)
	case d.Kind == 'i' && d.Size == 2:
		checkT[int16](t, a, exp, shape)
	case d.Kind == 'i' && d.Size == 4:
		checkT[int32](t, a, exp, shape)
	case d.Kind == 'i' && d.Size == 8:
		checkT[int64](t, a, exp, shape)
	case d.Kind == 'u' && d.Size == 1:
		checkT[uint8](t, a, exp, shape)
	case d.Kind == 'u' && d.Size == 2:
		checkT[uint16](t, a, exp, shape)
	case d.Kind == 'u' && d.Size == 4:
		checkT[uint32](t, a, exp, shape)
	case d.Kind == 'u' && d.Size == 8:
		checkT[uint64](t, a, exp, shape)
	case d.Kind == 'f' && d.Size == 2:
		checkT[float16.Float16](t, a, exp, shape)
	case d.Kind == 'f' && d.Size == 4:
		checkT[float32](t, a, exp, shape)
	case d.Kind == 'f' && d.Size == 8:
		checkT[float64](t, a, exp, shape)
	case d.Kind == 'c' && d.Size == 8:
		checkT[complex64](t, a, exp, shape)
	case d.Kind == 'c' && d.Size == 16:
		checkT[complex128](t, a, exp, shape)
	default:
		t.Fatalf("no element type for %v", d)
	}
}

func checkT[T any](t *testing.T, a *Array, exp string, shape []int) {
	t.Helper()
	var want ndview.NDView[T]
	if strings.HasSuffix(exp, ".npy") {
		want = readNpy[T](t, exp)
	} else {
		b, err := os.ReadFile(exp)
		if err != nil {
			t.Fatal(err)
		}
		if want, err = ndview.DecodeBytes[T](b, binary.LittleEndian, shape...); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Read[T](context.Background(), a, "")
	if err != nil {
		t.Fatalf("%s: %v", a.Path(), err)
	}
	if !sameBits(got, want) {
		t.Fatalf("%s: read\n%v\nwant\n%v", a.Path(), got, want)
	}
}

// fixtureNames lists the expected arrays (.npy files) of a fixture
// directory.
func fixtureNames(t *testing.T, dir string) []string { return fixtureNamesExt(t, dir, ".npy") }

// fixtureNamesExt lists the names of the files of dir ending in ext.
func fixtureNamesExt(t *testing.T, dir, ext string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if n, ok := strings.CutSuffix(e.Name(), ext); ok {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	return out
}
