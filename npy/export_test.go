package npy

import (
	"sync"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMappedExport: a mapping exports its data (semantics.md BP5), counts
// the exports, and Close refuses while one is held (BP6).
func TestMappedExport(t *testing.T) {
	want := cView[float32](t, 3, 4)
	m, err := MapWritable[float32](writeFile(t, want, Options{}))
	require.NoError(t, err)
	v, ex, err := ndview.ViewOf[float32](m)
	require.NoError(t, err)
	require.NotNil(t, ex)
	assert.Equal(t, cOrder(want), cOrder(v))
	assert.Equal(t, 1, m.Exports())
	assert.NotNil(t, v.Obj(), "the view keeps the mapping reachable")

	// Zero-copy: a write through the exported view is seen by the mapping.
	v.Set(42, 2, 3)
	assert.Equal(t, float32(42), m.View().At(2, 3))

	mv, err := ndview.MemoryViewOf(m)
	require.NoError(t, err)
	assert.Equal(t, 2, m.Exports())
	assert.Equal(t, float32(42), mv.At(2, 3))

	err = m.Close()
	assert.ErrorIs(t, err, ErrExported)
	assert.Contains(t, err.Error(), "existing exports of data")
	assert.Equal(t, float32(42), m.View().At(2, 3), "a refused Close leaves the mapping open")

	ex.Release()
	ex.Release() // twice: counted once
	assert.Equal(t, 1, m.Exports())
	assert.ErrorIs(t, m.Close(), ErrExported)
	mv.Release()
	assert.Equal(t, 0, m.Exports())
	require.NoError(t, m.Close())
	_, err = m.ExportBuffer()
	assert.ErrorIs(t, err, ErrClosed)
	_, _, err = ndview.ViewOf[float32](m)
	assert.ErrorIs(t, err, ErrClosed)
}

// TestMappedForceClose: ForceClose closes under live exports; the views
// read zeros, never unmapped memory (BP6).
func TestMappedForceClose(t *testing.T) {
	m, err := Map[int64](writeFile(t, cView[int64](t, 5), Options{}))
	require.NoError(t, err)
	v, ex, err := ndview.ViewOf[int64](m)
	require.NoError(t, err)
	assert.True(t, v.ReadOnly(), "a read-only mapping exports read-only")
	require.NoError(t, m.ForceClose())
	for i := range 5 {
		assert.Equal(t, int64(0), v.At(i), "after ForceClose the view reads zeros")
	}
	ex.Release() // harmless after ForceClose
	assert.Equal(t, 0, m.Exports())
	require.NoError(t, m.Close())
}

// TestMappedExportConcurrent exports and releases from many goroutines
// while others try to Close; run with -race. Close succeeds only once
// every export is released.
func TestMappedExportConcurrent(t *testing.T) {
	m, err := Map[float64](writeFile(t, cView[float64](t, 64), Options{}))
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				v, ex, err := ndview.ViewOf[float64](m)
				if err != nil {
					continue // closed meanwhile
				}
				_ = v.At(3)
				ex.Release()
			}
		})
	}
	wg.Go(func() {
		for m.Close() != nil {
		}
	})
	wg.Wait()
	assert.Equal(t, 0, m.Exports())
}

// TestMapBoolAsUint8: a bool file maps as its bytes; ToBool is the checked
// copy (item 7 of the buffer protocol's issue; semantics.md BP11).
func TestMapBoolAsUint8(t *testing.T) {
	bools := ndview.Must(ndview.FromSlice([]bool{true, false, true, true, false, false}, 2, 3))
	path := writeFile(t, bools, Options{})
	_, err := Map[bool](path)
	assert.ErrorIs(t, err, ErrUnsupported, "Map[bool] stays refused")
	_, err = Map[uint8](path)
	assert.ErrorIs(t, err, ErrDType, "Map[uint8] of a bool file needs MapBoolAsUint8")

	m, err := MapBoolAsUint8(path)
	require.NoError(t, err)
	defer m.Close()
	assert.Equal(t, byte('b'), m.Header().DType.Kind, "the header keeps b1")
	v := m.View()
	assert.True(t, v.ReadOnly())
	assert.Equal(t, []uint8{1, 0, 1, 1, 0, 0}, cOrder(v))
	b, err := ToBool(v.T())
	require.NoError(t, err)
	assert.Equal(t, []int{3, 2}, b.Shape())
	assert.Equal(t, cOrder(bools.T()), cOrder(b))

	// A uint8 file maps too.
	m2, err := MapBoolAsUint8(writeFile(t, ndview.Must(ndview.FromSlice([]uint8{0, 1, 2})), Options{}))
	require.NoError(t, err)
	defer m2.Close()
	_, err = ToBool(m2.View())
	assert.ErrorIs(t, err, ErrFormat)
	assert.Contains(t, err.Error(), "byte 2 at index (2,)")
	// Other dtypes are refused.
	_, err = MapBoolAsUint8(writeFile(t, cView[int16](t, 3), Options{}))
	assert.ErrorIs(t, err, ErrDType)
}
