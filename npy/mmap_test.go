package npy

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFile writes v to a new .npy file in a temporary directory and
// returns its path.
func writeFile[T any](t testing.TB, v ndview.NDView[T], opts Options) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.npy")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, WriteWith(f, v, opts))
	require.NoError(t, f.Close())
	return path
}

// panicsWith reports whether f panics with an error wrapping target.
func panicsWith(f func(), target error) (ok bool) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		ok = isErr && errors.Is(err, target)
	}()
	f()
	return false
}

func TestMap(t *testing.T) {
	want := cView[float64](t, 3, 4)
	m, err := Map[float64](writeFile(t, want, Options{}))
	require.NoError(t, err)
	defer m.Close()
	v := m.View()
	assert.Equal(t, []int{3, 4}, v.Shape())
	assert.Equal(t, cOrder(want), cOrder(v))
	assert.True(t, v.ReadOnly(), "Map gives read-only views")
	assert.True(t, v.IsCContiguous())
	assert.NotNil(t, v.Obj(), "the view carries its mapping as owner")
	assert.True(t, panicsWith(func() { v.Set(1, 0, 0) }, ndview.ErrReadOnly), "Set on a mapped view")
	_, err = v.Data()
	assert.ErrorIs(t, err, ndview.ErrReadOnly)
	h := m.Header()
	assert.Equal(t, []int{3, 4}, h.Shape)
	assert.Equal(t, int64(128), h.DataOffset)
	// Derived views keep the owner.
	assert.Equal(t, v.Obj(), index(t, v, "1:, ::-1").T().Obj())
}

func TestMapFortranAndShapes(t *testing.T) {
	tests := []struct {
		name string
		v    ndview.NDView[int16]
		f    bool
	}{
		{"F", fView[int16](t, 3, 5), true},
		{"0-d", cView[int16](t), false},
		{"empty", cView[int16](t, 0, 3), false},
		{"rank-6", cView[int16](t, 2, 1, 2, 3, 1, 2), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Map[int16](writeFile(t, tt.v, Options{}))
			require.NoError(t, err)
			defer m.Close()
			v := m.View()
			assert.Equal(t, tt.v.Shape(), v.Shape())
			assert.Equal(t, cOrder(tt.v), cOrder(v))
			assert.True(t, v.ReadOnly())
			if tt.f {
				assert.True(t, v.IsFContiguous())
				assert.Equal(t, tt.v.Strides(), v.Strides())
			}
		})
	}
}

func TestMapSharesFile(t *testing.T) {
	// Zero-copy: bytes written to the file show through a read-only
	// mapping, and writes through a writable mapping reach the file.
	path := writeFile(t, cView[uint32](t, 4), Options{})
	m, err := Map[uint32](path)
	require.NoError(t, err)
	defer m.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	require.NoError(t, err)
	defer f.Close()
	var b [4]byte
	binary.NativeEndian.PutUint32(b[:], 0xDEADBEEF)
	_, err = f.WriteAt(b[:], m.Header().DataOffset+8)
	require.NoError(t, err)
	assert.Equal(t, uint32(0xDEADBEEF), m.View().At(2), "a write to the file shows in the mapping")

	w, err := MapWritable[uint32](path)
	require.NoError(t, err)
	defer w.Close()
	wv := w.View()
	assert.False(t, wv.ReadOnly())
	wv.Set(7, 3)
	assert.Equal(t, uint32(7), m.View().At(3), "a write through one mapping shows in another")
	require.NoError(t, w.Flush())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, uint32(7), binary.NativeEndian.Uint32(data[w.Header().DataOffset+12:]), "a write through the mapping reaches the file")
	raw, err := wv.Data()
	require.NoError(t, err)
	raw[0] = 99
	assert.Equal(t, uint32(99), m.View().At(0), "Data() of a writable mapping is the mapped memory")
}

func TestMapAfterClose(t *testing.T) {
	want := cView[float64](t, 50, 100) // several pages
	path := writeFile(t, want, Options{})
	m, err := Map[float64](path)
	require.NoError(t, err)
	v := m.View()
	sub := index(t, v, "10:, ::-7").T()
	require.NoError(t, m.Close())
	require.NoError(t, m.Close(), "closing twice does nothing")
	// Views used after Close read zeros; they never fault.
	for _, x := range cOrder(v) {
		require.Zero(t, x)
	}
	for _, x := range cOrder(sub) {
		require.Zero(t, x)
	}
	assert.Zero(t, m.View().At(49, 99))

	// A writable view used after Close writes to discarded memory: no
	// fault, and the file keeps its data.
	w, err := MapWritable[float64](path)
	require.NoError(t, err)
	wv := w.View()
	require.NoError(t, w.Close())
	wv.Set(5, 1, 1)
	assert.Equal(t, 5.0, wv.At(1, 1))
	require.NoError(t, w.Flush(), "Flush after Close does nothing")
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	got, err := Read[float64](f)
	require.NoError(t, err)
	assert.Equal(t, cOrder(want), cOrder(got), "the file is unchanged by writes after Close")
}

func TestMapCloseWhileReading(t *testing.T) {
	m, err := Map[uint8](writeFile(t, cView[uint8](t, 1<<16), Options{}))
	require.NoError(t, err)
	v := m.View()
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum := 0
			for range 20 {
				for i := range v.Size() {
					sum += int(v.At(i))
				}
			}
			_ = sum
		}()
	}
	time.Sleep(time.Millisecond)
	require.NoError(t, m.Close())
	wg.Wait()
}

// settle runs the garbage collector until no more cleanups run, and
// returns the count of unmapped ranges.
func settle() int64 {
	last := unmapped.Load()
	for stable := 0; stable < 5; {
		runtime.GC()
		time.Sleep(5 * time.Millisecond)
		if n := unmapped.Load(); n != last {
			last, stable = n, 0
		} else {
			stable++
		}
	}
	return last
}

// mapAndView maps path and returns a view derived from the mapping's view,
// and nothing else that refers to the mapping.
//
//go:noinline
func mapAndView(t *testing.T, path string, closeIt bool) ndview.NDView[float32] {
	m, err := Map[float32](path)
	require.NoError(t, err)
	if closeIt {
		require.NoError(t, m.Close())
	}
	return index(t, m.View(), "1:")
}

func TestMapCleanup(t *testing.T) {
	want := cView[float32](t, 1000)
	path := writeFile(t, want, Options{})

	// A view alone keeps the mapping: it stays mapped, and readable,
	// through collections.
	base := settle()
	v := mapAndView(t, path, false)
	assert.Equal(t, base, settle(), "no range may be unmapped while a view can reach it")
	assert.Equal(t, cOrder(want)[1:], cOrder(v))
	runtime.KeepAlive(v)

	// Once the views are gone, the cleanup unmaps the range, whether the
	// mapping was closed or not.
	v = ndview.NDView[float32]{}
	assert.Equal(t, base+1, settle(), "the range is unmapped once no view can reach it")

	v = mapAndView(t, path, true)
	assert.Zero(t, v.At(5), "a closed mapping reads zeros")
	assert.Equal(t, base+1, settle(), "a closed mapping stays reserved while a view can reach it")
	runtime.KeepAlive(v)
	v = ndview.NDView[float32]{}
	assert.Equal(t, base+2, settle())
	_ = v
}

func TestMapErrors(t *testing.T) {
	other := binary.ByteOrder(binary.BigEndian)
	if hostOrder == '>' {
		other = binary.LittleEndian
	}
	swapped := writeFile(t, cView[float64](t, 3), Options{ByteOrder: other})
	_, err := Map[float64](swapped)
	assert.ErrorIs(t, err, ErrUnsupported)
	assert.ErrorContains(t, err, "use Read")
	_, err = MapWritable[float64](swapped)
	assert.ErrorIs(t, err, ErrUnsupported)

	f8 := writeFile(t, cView[float64](t, 3), Options{})
	_, err = Map[float32](f8)
	assert.ErrorIs(t, err, ErrDType)

	_, err = Map[float64](filepath.Join(t.TempDir(), "missing.npy"))
	assert.ErrorIs(t, err, os.ErrNotExist)

	require.NoError(t, os.Truncate(f8, 128+16))
	_, err = Map[float64](f8)
	assert.ErrorIs(t, err, ErrFormat)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)

	junk := filepath.Join(t.TempDir(), "junk.npy")
	require.NoError(t, os.WriteFile(junk, []byte("not a numpy file at all"), 0o644))
	_, err = Map[float64](junk)
	assert.ErrorIs(t, err, ErrFormat)

	// Bool data is never mapped: the file could hold, or come to hold,
	// bytes other than 0 and 1, which Go bools must not.
	bools := filepath.Join(t.TempDir(), "bools.npy")
	b := rawHeader(1, "{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }")
	require.NoError(t, os.WriteFile(bools, append(b, 0, 1, 1), 0o644))
	_, err = Map[bool](bools)
	assert.ErrorIs(t, err, ErrUnsupported)
	assert.ErrorContains(t, err, "use Read")
	_, err = Map[uint8](bools)
	assert.ErrorIs(t, err, ErrDType)
}

func TestWriteMappedView(t *testing.T) {
	// A mapped view is read-only: Write copies it out in blocks, and the
	// result is the file it came from.
	for _, src := range []ndview.NDView[float32]{cView[float32](t, 300, 200), fView[float32](t, 300, 200)} {
		want := encode(t, src, Options{})
		path := filepath.Join(t.TempDir(), "a.npy")
		require.NoError(t, os.WriteFile(path, want, 0o644))
		m, err := Map[float32](path)
		require.NoError(t, err)
		got := encode(t, m.View(), Options{})
		require.Equal(t, want, got)
		require.NoError(t, m.Close())
	}
}
