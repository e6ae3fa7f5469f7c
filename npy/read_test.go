package npy

import (
	"bytes"
	"encoding/binary"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// byteOrders are the byte orders every round trip is tried with.
var byteOrders = []struct {
	name string
	bo   binary.ByteOrder
}{{"native", nil}, {"little", binary.LittleEndian}, {"big", binary.BigEndian}}

// versions are the format versions every round trip is tried with.
var versions = []Version{{}, Version1, Version2, Version3}

func TestRoundTrip(t *testing.T) {
	for _, tc := range forEachType(func(r typeRunner) {
		t := r.T()
		for _, bo := range byteOrders {
			for _, fortran := range []bool{false, true} {
				for _, v := range versions {
					t.Run(bo.name+"/"+map[bool]string{false: "C", true: "F"}[fortran]+"/v"+v.String(), func(t *testing.T) {
						r := r.with(t)
						r.roundTrip([]int{2, 3, 4}, fortran, Options{Version: v, ByteOrder: bo.bo})
					})
				}
			}
		}
	}) {
		t.Run(tc.name, tc.run)
	}
}

func TestRoundTripShapes(t *testing.T) {
	ones64 := make([]int, 64)
	for i := range ones64 {
		ones64[i] = 1
	}
	shapes := []struct {
		name  string
		shape []int
	}{
		{"0-d", []int{}},
		{"1-d", []int{5}},
		{"empty", []int{0}},
		{"empty-3d", []int{3, 0, 2}},
		{"empty-trailing", []int{2, 0}},
		{"ones", []int{1, 1, 1}},
		{"row", []int{1, 7}},
		{"rank-7", []int{2, 1, 3, 1, 2, 2, 1}},
		{"rank-64", ones64},
	}
	for _, tc := range forEachType(func(r typeRunner) {
		for _, s := range shapes {
			for _, fortran := range []bool{false, true} {
				for _, bo := range byteOrders[1:] {
					r.T().Run(s.name+"/"+map[bool]string{false: "C", true: "F"}[fortran]+"/"+bo.name, func(t *testing.T) {
						r.with(t).roundTrip(s.shape, fortran, Options{ByteOrder: bo.bo})
					})
				}
			}
		}
	}) {
		t.Run(tc.name, tc.run)
	}
}

func TestReadByteOrder(t *testing.T) {
	data := []byte{0x01, 0x00, 0x00, 0x01}
	read := func(descr string) []uint16 {
		b := rawHeader(1, "{'descr': '"+descr+"', 'fortran_order': False, 'shape': (2,), }")
		v, err := Read[uint16](bytes.NewReader(append(b, data...)))
		require.NoError(t, err)
		return cOrder(v)
	}
	assert.Equal(t, []uint16{1, 256}, read("<u2"), "bytes 01 00 00 01 as <u2")
	assert.Equal(t, []uint16{256, 1}, read(">u2"), "bytes 01 00 00 01 as >u2")

	// Complex numbers swap their two halves separately.
	var be []byte
	be = binary.BigEndian.AppendUint32(be, math.Float32bits(1.5))
	be = binary.BigEndian.AppendUint32(be, math.Float32bits(-2))
	b := rawHeader(1, "{'descr': '>c8', 'fortran_order': False, 'shape': (), }")
	v, err := Read[complex64](bytes.NewReader(append(b, be...)))
	require.NoError(t, err)
	assert.Equal(t, complex64(complex(1.5, -2)), v.At())

	be = binary.BigEndian.AppendUint16(nil, 0xC000) // -2 in binary16
	b = rawHeader(1, "{'descr': '>f2', 'fortran_order': False, 'shape': (1,), }")
	h, err := Read[float16.Float16](bytes.NewReader(append(b, be...)))
	require.NoError(t, err)
	assert.Equal(t, float32(-2), h.At(0).Float32())
}

func TestReadBoolNormalises(t *testing.T) {
	b := rawHeader(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (4,), }")
	v, err := Read[bool](bytes.NewReader(append(b, 0, 1, 2, 255)))
	require.NoError(t, err)
	got := cOrder(v)
	assert.Equal(t, []bool{false, true, true, true}, got)
	for i, x := range got[1:] {
		assert.True(t, x == true, "element %d = %v must compare equal to true", i+1, x)
	}
}

func TestReadDTypeMismatch(t *testing.T) {
	f8 := encode(t, cView[float64](t, 2), Options{})
	_, err := Read[float32](bytes.NewReader(f8))
	assert.ErrorIs(t, err, ErrDType)
	assert.ErrorContains(t, err, `"<f8"`)
	assert.ErrorContains(t, err, "float32")

	tests := []struct {
		name string
		read func([]byte) error
	}{
		{"i8-as-uint64", func(b []byte) error { _, err := Read[uint64](bytes.NewReader(b)); return err }},
		{"i8-as-float64", func(b []byte) error { _, err := Read[float64](bytes.NewReader(b)); return err }},
		{"i8-as-int32", func(b []byte) error { _, err := Read[int32](bytes.NewReader(b)); return err }},
		{"i8-as-complex64", func(b []byte) error { _, err := Read[complex64](bytes.NewReader(b)); return err }},
	}
	i8 := encode(t, cView[int64](t, 3), Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.read(i8)
			assert.ErrorIs(t, err, ErrDType, "Read = %v", err)
		})
	}
	// int has 8 bytes and reads i8; named types read their kind.
	v, err := Read[int](bytes.NewReader(i8))
	require.NoError(t, err)
	assert.Equal(t, []int{valueAt[int](0), valueAt[int](1), valueAt[int](2)}, cOrder(v))
	type celsius float64
	_, err = Read[celsius](bytes.NewReader(f8))
	assert.NoError(t, err)
	type flag bool
	b1 := encode(t, cView[bool](t, 2), Options{})
	_, err = Read[flag](bytes.NewReader(b1))
	assert.ErrorIs(t, err, ErrUnsupported, "named bool element type")
	u1 := encode(t, cView[uint8](t, 2), Options{})
	_, err = Read[bool](bytes.NewReader(u1))
	assert.ErrorIs(t, err, ErrDType, "u1 read as bool")
	_, err = Read[string](bytes.NewReader(u1))
	assert.ErrorIs(t, err, ErrUnsupported, "string element type")
	_, err = Read[[2]float32](bytes.NewReader(f8))
	assert.ErrorIs(t, err, ErrUnsupported, "array element type")
}

func TestReadTruncatedData(t *testing.T) {
	b := encode(t, cView[float64](t, 4, 5), Options{})
	for _, cut := range []int{1, 8, 9, 159} {
		in := b[:len(b)-cut]
		for _, src := range []struct {
			name string
			r    io.Reader
		}{{"sized", bytes.NewReader(in)}, {"stream", stream{bytes.NewReader(in)}}} {
			_, err := Read[float64](src.r)
			assert.ErrorIs(t, err, ErrFormat, "Read(%s, %d bytes cut) = %v", src.name, cut, err)
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF, "Read(%s, %d bytes cut) = %v", src.name, cut, err)
			assert.ErrorContains(t, err, "truncated")
			// Shapes in messages are written as NumPy and ndview write
			// them (ndview.FormatShape).
			assert.ErrorContains(t, err, "shape (4, 5)")
		}
	}
}

// allocated returns the bytes allocated while f runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestReadHugeClaimDoesNotAllocate(t *testing.T) {
	tests := []struct {
		name  string
		descr string
		shape string
		data  int
	}{
		{"1e18-bytes", "|u1", "(1000000000000000000,)", 1000},
		{"1e18-f8", "<f8", "(1000000, 1000000, 1000000)", 1 << 20},
		{"1e18-bool", "|b1", "(1000000000, 1000000000)", 3 << 20},
	}
	for _, tt := range tests {
		b := rawHeader(1, "{'descr': '"+tt.descr+"', 'fortran_order': False, 'shape': "+tt.shape+", }")
		b = append(b, make([]byte, tt.data)...)
		for _, src := range []struct {
			name string
			r    func() io.Reader
		}{
			{"sized", func() io.Reader { return bytes.NewReader(b) }},
			{"stream", func() io.Reader { return stream{bytes.NewReader(b)} }},
		} {
			t.Run(tt.name+"/"+src.name, func(t *testing.T) {
				var err error
				n := allocated(func() {
					switch tt.descr {
					case "|u1":
						_, err = Read[uint8](src.r())
					case "<f8":
						_, err = Read[float64](src.r())
					default:
						_, err = Read[bool](src.r())
					}
				})
				assert.ErrorIs(t, err, ErrFormat)
				assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
				// What arrived, at most doubled by growth, plus slack.
				assert.Less(t, n, uint64(2*tt.data+(4<<20)), "Read allocated %d bytes for %d bytes of input", n, len(b))
			})
		}
	}
	// Sizes beyond int are refused by the header check.
	b := rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000, 1000000000000), }")
	_, err := Read[float64](bytes.NewReader(b))
	assert.ErrorIs(t, err, ErrFormat)
	assert.ErrorContains(t, err, "too big")
}

func TestReadAllocatesOnce(t *testing.T) {
	// The data is read straight into the result: about one copy of the
	// data is allocated, for sized inputs and for files.
	const n = 1 << 18 // 2 MiB of float64
	b := encode(t, cView[float64](t, n), Options{})
	path := filepath.Join(t.TempDir(), "a.npy")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	r := bytes.NewReader(b)
	got := allocated(func() {
		_, err := Read[float64](r)
		require.NoError(t, err)
	})
	assert.Less(t, got, uint64(n*8*5/4), "Read(bytes.Reader) allocated %d bytes for %d bytes of data", got, n*8)
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	got = allocated(func() {
		_, err := Read[float64](f)
		require.NoError(t, err)
	})
	assert.Less(t, got, uint64(n*8*5/4), "Read(file) allocated %d bytes for %d bytes of data", got, n*8)
}

func TestReadSequence(t *testing.T) {
	// Arrays written one after another read back one after another, and
	// the end of the stream is io.EOF.
	var b bytes.Buffer
	a := cView[int16](t, 3, 2)
	c := fView[float32](t, 2, 5)
	require.NoError(t, Write(&b, a))
	require.NoError(t, Write(&b, c))
	for _, src := range []io.Reader{bytes.NewReader(b.Bytes()), stream{bytes.NewReader(b.Bytes())}} {
		got1, err := Read[int16](src)
		require.NoError(t, err)
		assert.Equal(t, cOrder(a), cOrder(got1))
		got2, err := Read[float32](src)
		require.NoError(t, err)
		assert.Equal(t, cOrder(c), cOrder(got2))
		_, err = Read[float32](src)
		assert.ErrorIs(t, err, io.EOF)
	}
}

func TestReadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.npy")
	want := fView[complex128](t, 3, 4)
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, Write(f, want))
	require.NoError(t, f.Close())

	f, err = os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	got, err := Read[complex128](f)
	require.NoError(t, err)
	assert.Equal(t, cOrder(want), cOrder(got))
	assert.True(t, got.IsFContiguous())
	// The data comes as stored: F order in memory, not reordered.
	data, err := got.Data()
	require.NoError(t, err)
	wantData, _ := want.Data()
	assert.Equal(t, wantData, data)

	// A file that lies about its size is caught before allocating.
	require.NoError(t, os.Truncate(path, 200))
	f2, err := os.Open(path)
	require.NoError(t, err)
	defer f2.Close()
	_, err = Read[complex128](f2)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.ErrorContains(t, err, "remain")
}

func TestReadResultIsWritable(t *testing.T) {
	v, err := Read[float64](bytes.NewReader(encode(t, cView[float64](t, 2, 2), Options{})))
	require.NoError(t, err)
	v.Set(42, 1, 0)
	data, err := v.Data()
	require.NoError(t, err)
	assert.Equal(t, 42.0, data[2], "Set(42, 1, 0) must land in Data()[2]")
}

func TestReadOneByteAtATime(t *testing.T) {
	// A reader that returns one byte per call exercises every partial
	// read.
	want := cView[uint32](t, 7, 3)
	b := encode(t, want, Options{ByteOrder: binary.BigEndian})
	got, err := Read[uint32](stream{&oneByte{b}})
	require.NoError(t, err)
	assert.Equal(t, cOrder(want), cOrder(got))
}

// oneByte reads one byte per call.
type oneByte struct{ b []byte }

func (o *oneByte) Read(p []byte) (int, error) {
	if len(o.b) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = o.b[0]
	o.b = o.b[1:]
	return 1, nil
}

func TestReadErrorsAreErrors(t *testing.T) {
	// Every prefix of a valid file, and every single-byte corruption of
	// its header, gives an error or a valid view: never a panic.
	b := encode(t, cView[float32](t, 2, 3), Options{})
	for i := range b {
		_, err := Read[float32](bytes.NewReader(b[:i]))
		require.Error(t, err, "Read(prefix of %d bytes)", i)
	}
	hdr, _ := ReadHeader(bytes.NewReader(b))
	for i := 0; i < int(hdr.DataOffset); i++ {
		for _, c := range []byte{0, ' ', '(', ')', ',', '\'', '9', '-', 0xff} {
			m := append([]byte{}, b...)
			m[i] = c
			v, err := Read[float32](bytes.NewReader(m))
			if err == nil {
				_ = cOrder(v)
			}
		}
	}
}

func TestReadIOError(t *testing.T) {
	b := encode(t, cView[float64](t, 100), Options{})
	boom := io.ErrClosedPipe
	_, err := Read[float64](stream{io.MultiReader(bytes.NewReader(b[:300]), errReader{boom})})
	assert.ErrorIs(t, err, boom)
	assert.NotErrorIs(t, err, ErrFormat)
	assert.True(t, strings.HasPrefix(err.Error(), "npy: Read: "), "error %q", err)
}

// errReader fails every read.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// with returns the runner for another *testing.T.
func (r runner[T]) with(t *testing.T) typeRunner { return runner[T]{t} }
