package npy

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// npzContents are the arrays of the test archives.
type npzContents struct {
	f8   ndview.NDView[float64]
	i2   ndview.NDView[int16]
	b1   ndview.NDView[bool]
	c8   ndview.NDView[complex64]
	u1   ndview.NDView[uint8]
	cut  ndview.NDView[float32]
	zero ndview.NDView[int64]
}

func newContents(t testing.TB) npzContents {
	return npzContents{
		f8:   cView[float64](t, 3, 4),
		i2:   fView[int16](t, 5, 3),
		b1:   cView[bool](t),
		c8:   cView[complex64](t, 0, 2),
		u1:   cView[uint8](t, 7),
		cut:  index(t, cView[float32](t, 6, 6), "::2, 1::3"),
		zero: cView[int64](t, 4),
	}
}

// writeNPZ writes the test archive and returns its bytes.
func writeNPZ(t testing.TB, c npzContents, compress bool) []byte {
	t.Helper()
	var b bytes.Buffer
	w := NewNPZWriter(&b, compress)
	require.NoError(t, Save(w, "f8", c.f8))
	require.NoError(t, Save(w, "i2", c.i2))
	require.NoError(t, Save(w, "b1", c.b1))
	require.NoError(t, Save(w, "c8.npy", c.c8))
	require.NoError(t, Save(w, "u1", c.u1))
	require.NoError(t, Save(w, "cut", c.cut))
	require.NoError(t, Save(w, "zero", c.zero))
	require.NoError(t, w.Close())
	return b.Bytes()
}

// checkNPZ loads every array of the test archive from z and compares.
func checkNPZ(t *testing.T, z *NPZ, c npzContents) {
	t.Helper()
	assert.Equal(t, []string{"f8", "i2", "b1", "c8", "u1", "cut", "zero"}, z.Names())
	f8, err := Load[float64](z, "f8")
	require.NoError(t, err)
	assert.Equal(t, cOrder(c.f8), cOrder(f8))
	i2, err := Load[int16](z, "i2.npy")
	require.NoError(t, err)
	assert.Equal(t, cOrder(c.i2), cOrder(i2))
	assert.True(t, i2.IsFContiguous())
	b1, err := Load[bool](z, "b1")
	require.NoError(t, err)
	assert.Equal(t, cOrder(c.b1), cOrder(b1))
	assert.Equal(t, 0, b1.NDim())
	c8, err := Load[complex64](z, "c8")
	require.NoError(t, err)
	assert.Equal(t, []int{0, 2}, c8.Shape())
	u1, err := Load[uint8](z, "u1")
	require.NoError(t, err)
	assert.Equal(t, cOrder(c.u1), cOrder(u1))
	cut, err := Load[float32](z, "cut")
	require.NoError(t, err)
	assert.Equal(t, cOrder(c.cut), cOrder(cut))
	zero, err := Load[int64](z, "zero")
	require.NoError(t, err)
	assert.Equal(t, cOrder(c.zero), cOrder(zero))
	h, err := z.Header("i2")
	require.NoError(t, err)
	assert.True(t, h.FortranOrder)
	assert.Equal(t, []int{5, 3}, h.Shape)
	assert.Equal(t, DType{'i', 2, hostOrder}, h.DType)
}

func TestNPZRoundTrip(t *testing.T) {
	c := newContents(t)
	for _, compress := range []bool{false, true} {
		data := writeNPZ(t, c, compress)
		path := filepath.Join(t.TempDir(), "a.npz")
		require.NoError(t, os.WriteFile(path, data, 0o644))
		for _, open := range []struct {
			name string
			open func() (*NPZ, error)
		}{
			{"NewNPZ", func() (*NPZ, error) { return NewNPZ(bytes.NewReader(data), int64(len(data))) }},
			{"OpenNPZ", func() (*NPZ, error) { return OpenNPZ(path) }},
			{"MapNPZ", func() (*NPZ, error) { return MapNPZ(path) }},
		} {
			t.Run(map[bool]string{false: "stored", true: "deflated"}[compress]+"/"+open.name, func(t *testing.T) {
				z, err := open.open()
				require.NoError(t, err)
				checkNPZ(t, z, c)
				require.NoError(t, z.Close())
				require.NoError(t, z.Close(), "closing twice does nothing")
				_, err = Load[float64](z, "f8")
				assert.ErrorIs(t, err, ErrClosed)
			})
		}
	}
}

func TestNPZStoredIsAligned(t *testing.T) {
	data := writeNPZ(t, newContents(t), false)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	for _, f := range zr.File {
		assert.Equal(t, zip.Store, f.Method)
		off, err := f.DataOffset()
		require.NoError(t, err)
		assert.Zero(t, off%64, "member %s starts at %d, want a multiple of 64", f.Name, off)
	}
}

func TestMapNPZViews(t *testing.T) {
	c := newContents(t)
	path := filepath.Join(t.TempDir(), "a.npz")
	require.NoError(t, os.WriteFile(path, writeNPZ(t, c, false), 0o644))
	z, err := MapNPZ(path)
	require.NoError(t, err)
	f8, err := Load[float64](z, "f8")
	require.NoError(t, err)
	assert.True(t, f8.ReadOnly(), "a mapped member is a read-only view")
	assert.NotNil(t, f8.Obj(), "a mapped member carries the mapping as owner")

	// Zero-copy: a change to the file shows through the view.
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	off, err := zr.File[0].DataOffset()
	require.NoError(t, err)
	zr.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	var b [8]byte
	binary.NativeEndian.PutUint64(b[:], 0x4045000000000000) // 42.0
	_, err = f.WriteAt(b[:], off+128+8*5)
	require.NoError(t, err)
	require.NoError(t, f.Close())
	assert.Equal(t, 42.0, f8.At(1, 1))

	require.NoError(t, z.Close())
	assert.Zero(t, f8.At(1, 1), "a mapped member reads zeros after Close")

	// Deflated members are read into fresh memory.
	require.NoError(t, os.WriteFile(path, writeNPZ(t, c, true), 0o644))
	z, err = MapNPZ(path)
	require.NoError(t, err)
	defer z.Close()
	f8, err = Load[float64](z, "f8")
	require.NoError(t, err)
	assert.False(t, f8.ReadOnly())
	assert.Nil(t, f8.Obj())
}

func TestMapNPZFallsBackToCopy(t *testing.T) {
	// numpy.savez does not align members, and may hold big-endian data:
	// such stored members are read into fresh memory.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	other := binary.ByteOrder(binary.BigEndian)
	if hostOrder == '>' {
		other = binary.LittleEndian
	}
	members := []struct {
		name string
		v    ndview.NDView[float64]
		bo   binary.ByteOrder
	}{
		{"odd.npy", cView[float64](t, 3, 3), nil},
		{"swapped.npy", cView[float64](t, 4), other},
		{"x.npy", cView[float64](t, 2), nil},
	}
	for _, m := range members {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: zip.Store})
		require.NoError(t, err)
		require.NoError(t, WriteWith(w, m.v, Options{ByteOrder: m.bo}))
	}
	require.NoError(t, zw.Close())
	path := filepath.Join(t.TempDir(), "numpy.npz")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))

	z, err := MapNPZ(path)
	require.NoError(t, err)
	defer z.Close()
	for _, m := range members {
		v, err := Load[float64](z, m.name)
		require.NoError(t, err, "Load(%s)", m.name)
		assert.Equal(t, cOrder(m.v), cOrder(v), "Load(%s)", m.name)
		f, _ := z.members[m.name[:len(m.name)-4]].DataOffset()
		if m.bo != nil || f%8 != 0 {
			assert.False(t, v.ReadOnly(), "Load(%s) must copy", m.name)
		}
	}
}

func TestNPZErrors(t *testing.T) {
	data := writeNPZ(t, newContents(t), false)
	z, err := NewNPZ(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	_, err = Load[float64](z, "nope")
	assert.ErrorIs(t, err, ErrFormat)
	assert.ErrorContains(t, err, `"nope"`)
	_, err = Load[float32](z, "f8")
	assert.ErrorIs(t, err, ErrDType)
	_, err = z.Header("nope")
	assert.ErrorIs(t, err, ErrFormat)

	_, err = NewNPZ(bytes.NewReader([]byte("not a zip")), 9)
	assert.ErrorIs(t, err, ErrFormat)
	junk := filepath.Join(t.TempDir(), "junk.npz")
	require.NoError(t, os.WriteFile(junk, []byte("not a zip"), 0o644))
	_, err = OpenNPZ(junk)
	assert.ErrorIs(t, err, ErrFormat)
	_, err = MapNPZ(junk)
	assert.ErrorIs(t, err, ErrFormat)
	_, err = OpenNPZ(filepath.Join(t.TempDir(), "missing.npz"))
	assert.ErrorIs(t, err, os.ErrNotExist)

	w := NewNPZWriter(io.Discard, false)
	assert.ErrorIs(t, Save(w, "", cView[uint8](t, 1)), ErrFormat)
	require.NoError(t, Save(w, "a", cView[uint8](t, 1)))
	assert.ErrorIs(t, Save(w, "a.npy", cView[uint8](t, 1)), ErrFormat)
	require.NoError(t, w.Close())
}

func TestNPZLyingMembers(t *testing.T) {
	// Members whose .npy headers claim more data than they hold, or that
	// are no .npy at all.
	huge := rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000, 1000000000), }")
	short := append(rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (100,), }"), make([]byte, 80)...)
	for _, method := range []uint16{zip.Store, zip.Deflate} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, body := range map[string][]byte{"huge.npy": huge, "short.npy": short, "text.npy": []byte("hello")} {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
			require.NoError(t, err)
			_, err = w.Write(body)
			require.NoError(t, err)
		}
		require.NoError(t, zw.Close())
		path := filepath.Join(t.TempDir(), "lying.npz")
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		for _, open := range []func(string) (*NPZ, error){OpenNPZ, MapNPZ} {
			z, err := open(path)
			require.NoError(t, err)
			n := allocated(func() {
				_, err = Load[float64](z, "huge")
			})
			assert.ErrorIs(t, err, ErrFormat)
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
			assert.Less(t, n, uint64(1<<20), "Load of a lying member allocated %d bytes", n)
			_, err = Load[float64](z, "short")
			assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
			_, err = Load[float64](z, "text")
			assert.ErrorIs(t, err, ErrFormat)
			require.NoError(t, z.Close())
		}
	}
}
