package npy

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// index returns v.Index(expr), failing the test on error.
func index[T any](t testing.TB, v ndview.NDView[T], expr string) ndview.NDView[T] {
	t.Helper()
	r, err := v.Index(expr)
	require.NoError(t, err)
	return r
}

// layouts are the views Write is tested on, with the fortran_order it must
// write.
func layouts(t testing.TB) []struct {
	name    string
	v       ndview.NDView[float64]
	fortran bool
} {
	c := cView[float64](t, 4, 6)
	big := cView[float64](t, 300, 301)
	bcast, err := cView[float64](t, 5).BroadcastTo(3, 5)
	require.NoError(t, err)
	return []struct {
		name    string
		v       ndview.NDView[float64]
		fortran bool
	}{
		{"C", c, false},
		{"F", fView[float64](t, 4, 6), true},
		{"T", c.T(), true},
		{"cutout", index(t, c, "1:3, ::2"), false},
		{"negstep", index(t, c, "::-1, ::-1"), false},
		{"transpose-3d", cView[float64](t, 2, 3, 4).Transpose(1, 0, 2), false},
		{"F-cutout", index(t, fView[float64](t, 4, 6), ":, 1:3"), true},
		{"bcast", bcast, false},
		{"readonly-C", c.AsReadOnly(), false},
		{"readonly-F", c.T().AsReadOnly(), true},
		{"readonly-strided", index(t, c, "::2, ::-3").AsReadOnly(), false},
		{"0-d", index(t, c, "2, 3"), false},
		{"empty", index(t, c, "2:2"), false},
		{"1-d-strided", index(t, c, ":, 1"), false},
		{"row", index(t, c, "1:2, :"), false},
		{"big-strided", index(t, big, ":, ::2"), false},
		{"big-T-strided", index(t, big, "::3, :").T(), false},
		{"big-readonly", index(t, big, "::2, 1:").AsReadOnly(), false},
	}
}

func TestWriteLayouts(t *testing.T) {
	for _, l := range layouts(t) {
		for _, bo := range byteOrders {
			t.Run(l.name+"/"+bo.name, func(t *testing.T) {
				before := cOrder(l.v)
				b := encode(t, l.v, Options{ByteOrder: bo.bo})
				h, err := ReadHeader(bytes.NewReader(b))
				require.NoError(t, err)
				assert.Equal(t, l.fortran, h.FortranOrder, "Write(%s) fortran_order", l.name)
				assert.Equal(t, l.v.Shape(), h.Shape)
				assert.Equal(t, int(h.DataOffset)+8*l.v.Size(), len(b))
				got, err := Read[float64](bytes.NewReader(b))
				require.NoError(t, err)
				assert.Equal(t, before, cOrder(got), "Read(Write(%s))", l.name)
				assert.Equal(t, before, cOrder(l.v), "Write must not modify its view")
			})
		}
	}
}

func TestWriteDataOrder(t *testing.T) {
	// The data of a Fortran-order file is the view's memory order; that of
	// a C-order file is the C order of the elements.
	c := cView[int32](t, 2, 3)
	ft := c.T() // F-contiguous (3, 2)
	b := encode(t, ft, Options{})
	h, err := ReadHeader(bytes.NewReader(b))
	require.NoError(t, err)
	require.True(t, h.FortranOrder)
	var want []byte
	for _, x := range values[int32](6) {
		want = binary.LittleEndian.AppendUint32(want, uint32(x))
	}
	if hostOrder == '<' {
		assert.Equal(t, want, b[h.DataOffset:], "data of Write(c.T()) is c's memory")
	}
	b = encode(t, c.T(), Options{ByteOrder: binary.LittleEndian})
	assert.Equal(t, want, b[h.DataOffset:])

	// A reversed view writes its elements in C order.
	rev := index(t, c, "::-1, ::-1")
	b = encode(t, rev, Options{ByteOrder: binary.BigEndian})
	want = want[:0]
	for _, x := range cOrder(rev) {
		want = binary.BigEndian.AppendUint32(want, uint32(x))
	}
	assert.Equal(t, want, b[h.DataOffset:])
}

func TestWriteNumPyBytes(t *testing.T) {
	// np.save(f, np.arange(6, dtype='<f8').reshape(2, 3) / 2), spelled out
	// by hand from the format specification.
	want := []byte("\x93NUMPY\x01\x00\x76\x00{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }" + strings.Repeat(" ", 58) + "\n")
	require.Len(t, want, 128)
	data := []float64{0, 0.5, 1, 1.5, 2, 2.5}
	for _, x := range data {
		want = binary.LittleEndian.AppendUint64(want, math.Float64bits(x))
	}
	v, err := ndview.FromSlice(data, 2, 3)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, WriteWith(&b, v, Options{ByteOrder: binary.LittleEndian}))
	assert.Equal(t, want, b.Bytes())
}

func TestWriteErrors(t *testing.T) {
	type pair struct{ a, b float64 }
	v, err := ndview.FromSlice([]pair{{1, 2}})
	require.NoError(t, err)
	var b bytes.Buffer
	err = Write(&b, v)
	assert.ErrorIs(t, err, ErrUnsupported)
	assert.Zero(t, b.Len())
	err = WriteWith(&b, cView[uint8](t, 3), Options{Version: Version{9, 9}})
	assert.ErrorIs(t, err, ErrUnsupported)

	// Errors of the writer are returned from every path, wherever they
	// happen.
	for _, l := range layouts(t) {
		if l.v.Size() == 0 {
			continue
		}
		for _, bo := range byteOrders {
			full := len(encode(t, l.v, Options{ByteOrder: bo.bo}))
			for _, at := range []int{0, 100, full - 1} {
				w := &failWriter{n: at}
				err := WriteWith(w, l.v, Options{ByteOrder: bo.bo})
				assert.ErrorIs(t, err, errFail, "Write(%s, %s) failing after %d bytes", l.name, bo.name, at)
			}
		}
	}
}

var errFail = errors.New("write failed")

// failWriter accepts n bytes, then fails.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errFail
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteStreamsInChunks(t *testing.T) {
	// A strided view is written in bounded chunks, not gathered whole
	// (semantics.md TD1).
	big := index(t, cView[float64](t, 1024, 1024), ":, ::2")
	var sizes []int
	w := writerFunc(func(p []byte) (int, error) {
		sizes = append(sizes, len(p))
		return len(p), nil
	})
	require.NoError(t, Write(w, big))
	require.Greater(t, len(sizes), 4, "the header and at least 4 blocks")
	for _, n := range sizes {
		assert.LessOrEqual(t, n, blockBytes)
	}
	allocs := allocated(func() { _ = Write(io.Discard, big) })
	assert.Less(t, allocs, uint64(2*blockBytes), "Write of a %d-byte strided view allocated %d bytes", 8*big.Size(), allocs)
}

// writerFunc adapts a function to io.Writer.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
