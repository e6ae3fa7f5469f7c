package npy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// destinations returns views of the given shape in several layouts, all
// zero: C-contiguous, F-contiguous (a transposed C array), and stepped
// and reversed (every other index of the first axis of a larger array,
// the other axes reversed), so that ReadInto takes both its direct path
// and its blocked one.
func destinations[T any](t testing.TB, shape []int) map[string]ndview.NDView[T] {
	t.Helper()
	rev := make([]int, len(shape))
	for i, e := range shape {
		rev[len(shape)-1-i] = e
	}
	out := map[string]ndview.NDView[T]{
		"C": ndview.Zeros[T](shape...),
		"F": ndview.Zeros[T](rev...).T(),
	}
	if len(shape) > 0 {
		big := append([]int{2*shape[0] + 1}, shape[1:]...)
		idx := []string{"1::2"}
		for range shape[1:] {
			idx = append(idx, "::-1")
		}
		v, err := ndview.Zeros[T](big...).Index(strings.Join(idx, ", "))
		require.NoError(t, err)
		out["stepped"] = v
	}
	return out
}

// checkReadInto reads the encoding b of v into destinations of every
// layout, from a reader that knows its length and from a stream, and
// compares with v element by element (semantics.md TD2).
func checkReadInto[T any](t *testing.T, v ndview.NDView[T], b []byte) {
	t.Helper()
	want := cOrder(v)
	for name, dst := range destinations[T](t, v.Shape()) {
		for _, src := range []struct {
			name string
			r    io.Reader
		}{{"sized", bytes.NewReader(b)}, {"stream", stream{bytes.NewReader(b)}}} {
			dst.CopyFrom(ndview.Zeros[T](v.Shape()...))
			require.NoError(t, ReadInto(src.r, dst), "ReadInto(%s) into %s", src.name, name)
			require.Equal(t, want, cOrder(dst), "ReadInto(%s) into %s", src.name, name)
		}
	}
}

func TestReadIntoBlocks(t *testing.T) {
	// Arrays of several 1 MiB blocks, in both file orders and byte orders,
	// into every layout: the blocked path crosses block boundaries in the
	// middle of rows.
	for _, fortran := range []bool{false, true} {
		for _, bo := range byteOrders {
			t.Run(fmt.Sprint(fortran, bo.name), func(t *testing.T) {
				v := cView[float64](t, 700, 3, 211)
				if fortran {
					v = fView[float64](t, 700, 3, 211)
				}
				checkReadInto(t, v, encode(t, v, Options{ByteOrder: bo.bo}))
				bv := cView[bool](t, 1100, 1001)
				checkReadInto(t, bv, encode(t, bv, Options{ByteOrder: bo.bo}))
			})
		}
	}
}

func TestReadIntoBoolNormalises(t *testing.T) {
	// Any nonzero byte reads as true, as in Read.
	b := encode(t, cView[bool](t, 4), Options{})
	n := len(b)
	copy(b[n-4:], []byte{0, 2, 0, 255})
	for name, dst := range destinations[bool](t, []int{4}) {
		require.NoError(t, ReadInto(bytes.NewReader(b), dst))
		assert.Equal(t, []bool{false, true, false, true}, cOrder(dst), name)
	}
}

func TestReadIntoErrors(t *testing.T) {
	// Every error leaves the destination as it was; a read-only
	// destination panics before anything is read.
	good := encode(t, cView[float32](t, 3, 4), Options{})
	cases := []struct {
		name string
		b    []byte
		kind error
	}{
		{"dtype", encode(t, cView[int32](t, 3, 4), Options{}), ErrDType},
		{"shape", encode(t, cView[float32](t, 4, 3), Options{}), ErrShape},
		{"rank", encode(t, cView[float32](t, 12), Options{}), ErrShape},
		{"truncated", good[:len(good)-1], ErrFormat},
		{"header", good[:20], ErrFormat},
		{"empty", nil, ErrFormat},
	}
	for _, tc := range cases {
		for name, dst := range destinations[float32](t, []int{3, 4}) {
			for _, src := range []struct {
				name string
				r    io.Reader
			}{{"sized", bytes.NewReader(tc.b)}, {"stream", stream{bytes.NewReader(tc.b)}}} {
				sentinel := ndview.Full[float32](7, 3, 4)
				dst.CopyFrom(sentinel)
				err := ReadInto(src.r, dst)
				require.Error(t, err, "%s %s %s", tc.name, name, src.name)
				assert.ErrorIs(t, err, tc.kind, "%s %s %s", tc.name, name, src.name)
				var e *Error
				require.True(t, errors.As(err, &e))
				assert.Equal(t, "ReadInto", e.Op)
				assert.Equal(t, cOrder(sentinel), cOrder(dst), "%s %s %s: the destination was written", tc.name, name, src.name)
			}
		}
	}
	ro := ndview.Zeros[float32](3, 4).AsReadOnly()
	r := bytes.NewReader(good)
	func() {
		defer func() {
			err, _ := recover().(error)
			require.Error(t, err, "ReadInto into a read-only view must panic")
			assert.ErrorIs(t, err, ndview.ErrReadOnly)
		}()
		_ = ReadInto(r, ro)
	}()
	assert.Equal(t, len(good), r.Len(), "nothing is read before the panic")
}

func TestLoadInto(t *testing.T) {
	// LoadInto reads a file into a preallocated view and writes nothing
	// when the file does not fit it; a missing file is an error.
	dir := t.TempDir()
	path := filepath.Join(dir, "a.npy")
	v := cView[int16](t, 5, 6)
	require.NoError(t, os.WriteFile(path, encode(t, v, Options{}), 0o644))
	for name, dst := range destinations[int16](t, []int{5, 6}) {
		require.NoError(t, LoadInto(path, dst), name)
		assert.Equal(t, cOrder(v), cOrder(dst), name)
	}
	dst := ndview.Zeros[int16](6, 5)
	err := LoadInto(path, dst)
	assert.ErrorIs(t, err, ErrShape)
	assert.Equal(t, make([]int16, 30), cOrder(dst))
	err = LoadInto(filepath.Join(dir, "missing.npy"), dst)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestReadIntoAllocates(t *testing.T) {
	// Reading a contiguous native file into a C-contiguous destination
	// allocates nothing in proportion to the data.
	v := cView[float64](t, 512, 512)
	b := encode(t, v, Options{})
	dst := ndview.Zeros[float64](512, 512)
	allocs := allocated(func() { _ = ReadInto(bytes.NewReader(b), dst) })
	assert.Less(t, allocs, uint64(64<<10), "ReadInto of %d bytes allocated %d bytes", len(b), allocs)
	assert.Equal(t, cOrder(v), cOrder(dst))
}
