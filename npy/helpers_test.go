package npy

import (
	"bytes"
	"encoding/binary"
	"io"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// valueAt returns a distinct, exactly representable test value of T for
// index i, with negatives for signed kinds.
func valueAt[T any](i int) T {
	var z T
	var x any
	switch any(z).(type) {
	case bool:
		x = i%3 == 0
	case int8:
		x = int8(i%100 - 50)
	case int16:
		x = int16(i*7 - 300)
	case int32:
		x = int32(i*100003 - 7)
	case int64:
		x = int64(i)*1e12 - 5
	case int:
		x = i*1e12 - 5
	case uint8:
		x = uint8(i*3 + 1)
	case uint16:
		x = uint16(i*1000 + 1)
	case uint32:
		x = uint32(i)*100003 + 3
	case uint64:
		x = uint64(i)*1e15 + 3
	case uint:
		x = uint(i)*1e15 + 3
	case float16.Float16:
		x = float16.Fromfloat32(float32(i)*0.5 - 3)
	case float32:
		x = float32(i)*0.25 - 3
	case float64:
		x = float64(i)*0.125 - 1e10
	case complex64:
		x = complex(float32(i), -float32(i)/2)
	case complex128:
		x = complex(float64(i)*1e6, -float64(i)/4)
	default:
		panic("valueAt: unsupported type")
	}
	return x.(T)
}

// values returns n test values.
func values[T any](n int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = valueAt[T](i)
	}
	return s
}

// cOrder returns the elements of v in C order, read with At: the oracle
// for every layout.
func cOrder[T any](v ndview.NDView[T]) []T {
	out := make([]T, 0, v.Size())
	if v.Size() == 0 {
		return out
	}
	shape := v.Shape()
	idx := make([]int, len(shape))
	for {
		out = append(out, v.At(idx...))
		j := len(shape) - 1
		for ; j >= 0; j-- {
			idx[j]++
			if idx[j] < shape[j] {
				break
			}
			idx[j] = 0
		}
		if j < 0 {
			return out
		}
	}
}

// cView returns a C-contiguous view of test values with the given shape.
func cView[T any](t testing.TB, shape ...int) ndview.NDView[T] {
	t.Helper()
	n := 1
	for _, e := range shape {
		n *= e
	}
	v, err := ndview.Wrap(values[T](n), 0, shape, contiguousStrides(shape, false))
	require.NoError(t, err)
	return v
}

// fView returns an F-contiguous view holding the same logical array as
// cView(shape...): element idx has the same value in both.
func fView[T any](t testing.TB, shape ...int) ndview.NDView[T] {
	t.Helper()
	c := cView[T](t, shape...)
	data := make([]T, c.Size())
	fs := contiguousStrides(shape, true)
	idx := make([]int, len(shape))
	for _, x := range cOrder(c) {
		p := 0
		for k := range idx {
			p += idx[k] * fs[k]
		}
		data[p] = x
		for j := len(shape) - 1; j >= 0; j-- {
			idx[j]++
			if idx[j] < shape[j] {
				break
			}
			idx[j] = 0
		}
	}
	v, err := ndview.Wrap(data, 0, shape, fs)
	require.NoError(t, err)
	return v
}

// encode returns Write's encoding of v with opts.
func encode[T any](t testing.TB, v ndview.NDView[T], opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteWith(&b, v, opts))
	return b.Bytes()
}

// stream hides every method of a reader but Read, so that the reader
// cannot tell how much input is left.
type stream struct{ r io.Reader }

func (s stream) Read(p []byte) (int, error) { return s.r.Read(p) }

// typeCase runs a test body for one element type.
type typeCase struct {
	name string
	run  func(t *testing.T)
}

// forEachType returns one case per supported element type, each running
// body instantiated for that type.
func forEachType(body func(tc typeRunner)) []typeCase {
	return []typeCase{
		{"b1", func(t *testing.T) { body(runner[bool]{t}) }},
		{"i1", func(t *testing.T) { body(runner[int8]{t}) }},
		{"u1", func(t *testing.T) { body(runner[uint8]{t}) }},
		{"i2", func(t *testing.T) { body(runner[int16]{t}) }},
		{"u2", func(t *testing.T) { body(runner[uint16]{t}) }},
		{"i4", func(t *testing.T) { body(runner[int32]{t}) }},
		{"u4", func(t *testing.T) { body(runner[uint32]{t}) }},
		{"i8", func(t *testing.T) { body(runner[int64]{t}) }},
		{"u8", func(t *testing.T) { body(runner[uint64]{t}) }},
		{"f2", func(t *testing.T) { body(runner[float16.Float16]{t}) }},
		{"f4", func(t *testing.T) { body(runner[float32]{t}) }},
		{"f8", func(t *testing.T) { body(runner[float64]{t}) }},
		{"c8", func(t *testing.T) { body(runner[complex64]{t}) }},
		{"c16", func(t *testing.T) { body(runner[complex128]{t}) }},
	}
}

// typeRunner runs type-specific checks for a test body that is not
// generic itself: Go functions cannot take type parameters as values.
type typeRunner interface {
	T() *testing.T
	// roundTrip writes the test array of shape (C order, or F order when
	// fortran is set) with opts, checks the header, reads it back and
	// compares, and returns the encoded bytes.
	roundTrip(shape []int, fortran bool, opts Options) []byte
	// with returns the runner for a subtest.
	with(t *testing.T) typeRunner
}

// runner is the typeRunner for T.
type runner[T any] struct{ t *testing.T }

func (r runner[T]) T() *testing.T { return r.t }

func (r runner[T]) roundTrip(shape []int, fortran bool, opts Options) []byte {
	t := r.t
	t.Helper()
	v := cView[T](t, shape...)
	if fortran {
		v = fView[T](t, shape...)
	}
	b := encode(t, v, opts)
	h, err := ReadHeader(bytes.NewReader(b))
	require.NoError(t, err)
	require.Zero(t, h.DataOffset%64, "DataOffset = %d, want a multiple of 64", h.DataOffset)
	want, _ := dtypeOf[T]()
	if opts.ByteOrder != nil && want.Size > 1 {
		want.Order = orderOf(opts.ByteOrder)
	}
	require.Equal(t, want, h.DType)
	wantVersion := opts.Version
	if wantVersion == (Version{}) {
		wantVersion = Version1
	}
	require.Equal(t, wantVersion, h.Version)
	require.Equal(t, shape, h.Shape)
	wantF := fortran && !v.IsCContiguous()
	require.Equal(t, wantF, h.FortranOrder)
	require.Equal(t, int(h.DataOffset)+v.Size()*v.ItemSize(), len(b))

	for _, src := range []struct {
		name string
		r    func() io.Reader
	}{
		{"sized", func() io.Reader { return bytes.NewReader(b) }},
		{"stream", func() io.Reader { return stream{bytes.NewReader(b)} }},
	} {
		got, err := Read[T](src.r())
		require.NoError(t, err, "Read(%s)", src.name)
		require.Equal(t, shape, got.Shape(), "Read(%s).Shape()", src.name)
		require.Equal(t, cOrder(v), cOrder(got), "Read(%s) elements", src.name)
		require.False(t, got.ReadOnly())
		if wantF {
			require.True(t, got.IsFContiguous(), "Read(%s) of a Fortran-order file: want an F-contiguous view", src.name)
			require.Equal(t, contiguousStrides(shape, true), got.Strides())
		} else {
			require.True(t, got.IsCContiguous(), "Read(%s): want a C-contiguous view", src.name)
		}
	}
	checkReadInto(t, v, b)
	return b
}

// Byte orders, by name.
var (
	binaryLittle = binary.LittleEndian
	binaryBig    = binary.BigEndian
)
