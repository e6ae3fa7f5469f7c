package ndview

import (
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests of the buffer protocol (semantics.md §25).

// hidden hides a view behind the Exporter interface, so that ViewOf takes
// the buffer path, not the fast path for NDView[T].
type hidden[T any] struct{ v NDView[T] }

func (h hidden[T]) ExportBuffer() (Buffer, error) { return h.v.ExportBuffer() }

// fakeExporter exports a fixed Buffer and counts exports and releases.
type fakeExporter struct {
	b        Buffer
	err      error
	exports  atomic.Int64
	releases atomic.Int64
}

func (f *fakeExporter) ExportBuffer() (Buffer, error) {
	if f.err != nil {
		return Buffer{}, f.err
	}
	f.exports.Add(1)
	b := f.b
	b.Release = func() { f.releases.Add(1) }
	return b, nil
}

// countingBytes returns n bytes starting at an address aligned for any
// element type, holding 0, 1, 2, ...
func countingBytes(n int) []byte {
	b := alignedBytes(n)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}

// TestViewOfRandomLayouts exports views of random layouts (BP3) through
// the buffer path, and checks that ViewOf gives back the same view: shape,
// strides, read-only flag and elements (a naive oracle over At), sharing
// memory (a write through one side is read on the other).
func TestViewOfRandomLayouts(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 1))
	for range 400 {
		l := randomLayout(r, layoutOpts{})
		buf := make([]int32, l.N)
		for i := range buf {
			buf[i] = int32(i)
		}
		v := layoutView(l, buf)
		got, ex, err := ViewOf[int32](hidden[int32]{v})
		require.NoError(t, err, "%v", l)
		assert.Nil(t, ex, "a view needs no release")
		require.Equal(t, v.Shape(), got.Shape(), "%v", l)
		if v.Size() == 0 {
			continue
		}
		require.Equal(t, v.ReadOnly(), got.ReadOnly(), "%v", l)
		for idx, x := range v.Enumerate() {
			require.Equal(t, x, got.At(idx...), "%v at %v", l, idx)
		}
		// The strides agree on every axis that has more than one element.
		for k, n := range v.Shape() {
			if n > 1 {
				require.Equal(t, v.Strides()[k], got.Strides()[k], "%v axis %d", l, k)
			}
		}
		if !v.ReadOnly() {
			idx := make([]int, v.NDim())
			for k, n := range v.Shape() {
				idx[k] = r.IntN(n)
			}
			got.Set(-7, idx...)
			require.Equal(t, int32(-7), v.At(idx...), "zero-copy: %v", l)
		}
	}
}

// TestViewOfFastPath: an NDView[T] comes back as it is, with its owner.
func TestViewOfFastPath(t *testing.T) {
	v := WithObj(Must(FromSlice([]float64{1, 2, 3, 4}, 2, 2)).T(), any("owner"))
	got, ex, err := ViewOf[float64](v)
	require.NoError(t, err)
	assert.Nil(t, ex)
	assert.Equal(t, v.Strides(), got.Strides())
	assert.Equal(t, "owner", got.Obj())
	got.Set(9, 0, 1)
	assert.Equal(t, 9.0, v.At(0, 1))
}

// TestExportBufferOfView checks what an NDView exports (BP5).
func TestExportBufferOfView(t *testing.T) {
	v := Must(FromSlice([]int16{0, 1, 2, 3, 4, 5}, 2, 3)).T()
	b, err := v.ExportBuffer()
	require.NoError(t, err)
	assert.Equal(t, "h", b.Format)
	assert.Equal(t, []int{3, 2}, b.Shape)
	assert.Equal(t, []int{2, 6}, b.Strides)
	assert.False(t, b.ReadOnly)
	assert.Nil(t, b.Release)
	assert.Equal(t, 12, len(b.Data))

	// Bools are exported read-only: a consumer could store other bytes.
	bb, err := Must(FromSlice([]bool{true, false})).ExportBuffer()
	require.NoError(t, err)
	assert.True(t, bb.ReadOnly)
	assert.Equal(t, "?", bb.Format)

	// Types holding pointers have no bytes.
	_, err = Must(FromSlice([]string{"a"})).ExportBuffer()
	isErr(t, ErrType, err)

	// An empty view whose offset lies past its data exports no memory.
	e := Must(Wrap([]int32{1, 2}, 2, []int{0}, []int{1}))
	eb, err := e.ExportBuffer()
	require.NoError(t, err)
	got, _, err := ViewOf[int32](hidden[int32]{e})
	require.NoError(t, err, "%+v", eb)
	assert.Equal(t, []int{0}, got.Shape())
}

// TestViewOfHostile feeds ViewOf and MemoryViewOf buffers that lie (BP3):
// each is refused with the right sentinel, nothing is read outside Data,
// and the export is released exactly once.
func TestViewOfHostile(t *testing.T) {
	data := countingBytes(64)
	cases := []struct {
		name  string
		b     Buffer
		typed error // ViewOf[float32]'s sentinel
		dyn   error // MemoryViewOf's sentinel, nil when it accepts
	}{
		{"negative extent", Buffer{Data: data, Format: "f", Shape: []int{-1}}, ErrShape, ErrShape},
		{"negative extent strided", Buffer{Data: data, Format: "f", Shape: []int{2, -3}, Strides: []int{4, 4}}, ErrShape, ErrShape},
		{"rank 65", Buffer{Data: data, Format: "f", Shape: make([]int, 65)}, ErrShape, ErrShape},
		{"stride count", Buffer{Data: data, Format: "f", Shape: []int{2, 2}, Strides: []int{8}}, ErrShape, ErrShape},
		{"data too short", Buffer{Data: data[:15], Format: "f", Shape: []int{4}}, ErrBounds, ErrBounds},
		{"lying length", Buffer{Data: data, Format: "f", Shape: []int{4, 5}}, ErrBounds, ErrBounds},
		{"offset past end", Buffer{Data: data, Offset: 64, Format: "f", Shape: []int{1}}, ErrBounds, ErrBounds},
		{"offset negative", Buffer{Data: data, Offset: -4, Format: "f", Shape: []int{1}}, ErrBounds, ErrBounds},
		{"offset far past end, empty", Buffer{Data: data, Offset: 100, Format: "f", Shape: []int{0}}, ErrBounds, ErrBounds},
		{"negative stride before data", Buffer{Data: data, Offset: 4, Format: "f", Shape: []int{3}, Strides: []int{-4}}, ErrBounds, ErrBounds},
		{"last item straddles the end", Buffer{Data: data, Offset: 56, Format: "f", Shape: []int{3}, Strides: []int{4}}, ErrBounds, ErrBounds},
		{"stride overflow", Buffer{Data: data, Format: "f", Shape: []int{9}, Strides: []int{math.MaxInt - 3}}, ErrOverflow, ErrOverflow},
		{"shape overflow", Buffer{Data: data, Format: "f", Shape: []int{1 << 40, 1 << 40}}, ErrOverflow, ErrOverflow},
		{"misaligned", Buffer{Data: data, Offset: 2, Format: "f", Shape: []int{2}}, ErrAlign, nil},
		{"stride not a multiple", Buffer{Data: data, Format: "f", Shape: []int{2}, Strides: []int{6}}, ErrLayout, nil},
		{"format of another size", Buffer{Data: data, Format: "d", Shape: []int{2}}, ErrType, nil},
		{"format of another kind", Buffer{Data: data, Format: "i", Shape: []int{2}}, ErrType, nil},
		{"format in the other byte order", Buffer{Data: data, Format: ">f", Shape: []int{2}}, ErrType, nil},
		{"format unknown", Buffer{Data: data, Format: "xyz", Shape: []int{2}}, ErrType, ErrType},
		{"format empty", Buffer{Data: data, Format: "", Shape: []int{2}}, ErrType, ErrType},
		{"nil data", Buffer{Format: "f", Shape: []int{1}}, ErrBounds, ErrBounds},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &fakeExporter{b: c.b}
			_, ex, err := ViewOf[float32](f)
			isErr(t, c.typed, err)
			assert.Nil(t, ex)
			assert.Equal(t, f.exports.Load(), f.releases.Load(), "a refused export is released")
			m, err := MemoryViewOf(f)
			if c.dyn == nil {
				require.NoError(t, err)
				_ = m.ToList() // reads every item: inside Data, or the race detector and bounds checks say so
				m.Release()
			} else {
				isErr(t, c.dyn, err)
			}
			assert.Equal(t, f.exports.Load(), f.releases.Load(), "every export is released once")
		})
	}
}

// TestViewOfTypes: types that cannot be made from exported bytes (BP4).
func TestViewOfTypes(t *testing.T) {
	data := countingBytes(16)
	f := &fakeExporter{b: Buffer{Data: data, Format: "?", Shape: []int{4}}}
	_, _, err := ViewOf[bool](f)
	isErr(t, ErrType, err)
	_, _, err = ViewOf[struct{ A, B bool }](f)
	isErr(t, ErrType, err)
	_, _, err = ViewOf[string](f)
	isErr(t, ErrType, err)
	_, _, err = ViewOf[int](nil)
	isErr(t, ErrType, err)
	_, err = MemoryViewOf(nil)
	isErr(t, ErrType, err)

	// A view of bools comes back as it is.
	bv := Must(FromSlice([]bool{true, false}))
	got, _, err := ViewOf[bool](bv)
	require.NoError(t, err)
	assert.Equal(t, []bool{true, false}, got.ToSlice())

	// Equivalent formats: "<f4" (on a little-endian host), "=f", "q" for int.
	for _, fm := range []string{"f", "@f", "=f", "f4", "<f4"} {
		f := &fakeExporter{b: Buffer{Data: data, Format: fm, Shape: []int{4}}}
		_, _, err := ViewOf[float32](f)
		assert.NoError(t, err, fm)
	}
	for _, fm := range []string{"q", "l", "i8", "n"} {
		f := &fakeExporter{b: Buffer{Data: data, Format: fm, Shape: []int{2}}}
		_, _, err := ViewOf[int](f)
		assert.NoError(t, err, fm)
	}
	// Structs need V<size>.
	f = &fakeExporter{b: Buffer{Data: data, Format: "V8", Shape: []int{2}}}
	_, _, err = ViewOf[[2]float32](f)
	assert.NoError(t, err)
	_, _, err = ViewOf[[2]float64](f)
	isErr(t, ErrType, err)

	// An exporter's own error comes back as it is.
	sentinel := &Error{Op: "mine", Err: ErrReadOnly, Msg: "no"}
	_, _, err = ViewOf[int](&fakeExporter{err: sentinel})
	assert.Same(t, sentinel, err)
}

// TestViewOfFlags: read-only buffers and self-overlapping layouts give
// read-only views; Obj is kept (BP3).
func TestViewOfFlags(t *testing.T) {
	data := countingBytes(32)
	f := &fakeExporter{b: Buffer{Data: data, Format: "i", Shape: []int{2, 2}, ReadOnly: true, Obj: "file"}}
	v, ex, err := ViewOf[int32](f)
	require.NoError(t, err)
	defer ex.Release()
	assert.True(t, v.ReadOnly())
	assert.Equal(t, "file", v.Obj())
	panics(t, ErrReadOnly, func() { v.Set(1, 0, 0) })

	f = &fakeExporter{b: Buffer{Data: data, Format: "i", Shape: []int{3, 2}, Strides: []int{0, 4}}}
	v, ex, err = ViewOf[int32](f)
	require.NoError(t, err)
	ex.Release()
	assert.True(t, v.ReadOnly(), "a zero stride may reach one element twice")
	m, err := MemoryViewOf(f)
	require.NoError(t, err)
	assert.True(t, m.ReadOnly())
	m.Release()
}

// TestExportRelease: every export is released once, however often and from
// however many goroutines Release is called (BP6); run with -race.
func TestExportRelease(t *testing.T) {
	f := &fakeExporter{b: Buffer{Data: countingBytes(16), Format: "B", Shape: []int{16}}}
	_, ex, err := ViewOf[uint8](f)
	require.NoError(t, err)
	require.NotNil(t, ex)
	assert.False(t, ex.Released())
	m, err := MemoryViewOf(f)
	require.NoError(t, err)
	c, err := m.Cast("B", []int{4, 4})
	require.NoError(t, err)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			if i%2 == 0 {
				ex.Release()
			} else {
				c.Release()
			}
			m.Release()
		})
	}
	wg.Wait()
	assert.True(t, ex.Released())
	assert.Equal(t, int64(2), f.exports.Load())
	assert.Equal(t, int64(2), f.releases.Load())
	// A released MemoryView, and everything cast from it, refuses use.
	panics(t, ErrReleased, func() { m.At(0) })
	panics(t, ErrReleased, func() { c.Shape() })
	panics(t, ErrReleased, func() { _, _ = FromMemoryView[uint8](c) })
	assert.Equal(t, "<released memoryview>", c.String())
	var zero MemoryView
	assert.True(t, zero.Released())
	panics(t, ErrReleased, func() { zero.NDim() })
	var nilEx *Export
	nilEx.Release()
	assert.False(t, nilEx.Released())
}

// TestViewOfAllocs: turning an exporter into a typed view of rank up to 4
// costs no allocation (semantics.md BP3; BenchmarkViewOf measures time).
func TestViewOfAllocs(t *testing.T) {
	data := countingBytes(4 * 2 * 3 * 4 * 5)
	for _, sh := range [][]int{{120}, {4, 30}, {2, 3, 20}, {2, 3, 4, 5}} {
		x := &tensor{data: data, shape: sh}
		got := testing.AllocsPerRun(100, func() {
			v, _, err := ViewOf[float32](x)
			if err != nil || v.NDim() != len(sh) {
				t.Fatal(err)
			}
		})
		assert.Zero(t, got, "rank %d", len(sh))
	}
}

// tensor is a third-party exporter: C-contiguous float32 data.
type tensor struct {
	data  []byte
	shape []int
}

func (x *tensor) ExportBuffer() (Buffer, error) {
	return Buffer{Data: x.data, Format: "f", Shape: x.shape}, nil
}

// FuzzViewOf checks that ViewOf and MemoryViewOf accept a buffer exactly
// when a brute-force walk over every index finds every item inside Data
// (and, for the typed view, aligned, with strides that are multiples of
// the item size), and that the accepted views read every item without
// leaving Data.
func FuzzViewOf(f *testing.F) {
	f.Add(uint8(16), uint8(0), uint8(2), uint32(0x0302), int64(0x00040008), false)
	f.Add(uint8(40), uint8(4), uint8(2), uint32(0x0203), int64(-0x00040008), false)
	f.Add(uint8(8), uint8(1), uint8(1), uint32(0x02), int64(0x4), false)
	f.Add(uint8(64), uint8(8), uint8(3), uint32(0x020202), int64(0x000c0010), true)
	f.Fuzz(func(t *testing.T, n, off, ndim uint8, ext uint32, st int64, huge bool) {
		data := countingBytes(int(n % 80))
		rank := int(ndim % 5)
		shape := make([]int, rank)
		strides := make([]int, rank)
		for k := range rank {
			shape[k] = int(ext>>(8*k)&0xff) % 5
			strides[k] = int(int16(st >> (16 * k)))
			if huge && k == 0 {
				strides[k] *= 1 << 50
			}
		}
		b := Buffer{Data: data, Offset: int(off) - 16, Format: "i", Shape: shape, Strides: strides}
		// The brute-force answer: the byte ranges of every item.
		size := 1
		for _, e := range shape {
			size *= e
		}
		inside, aligned, multiple := true, true, true
		if size > 0 {
			aligned = b.Offset%4 == 0
			for k, e := range shape {
				if e > 1 && strides[k]%4 != 0 {
					multiple = false
				}
			}
			idx := make([]int, rank)
			for range size {
				p := b.Offset
				for k := range rank {
					p += idx[k] * strides[k] // small enough: |stride| < 2^66/2^16... checked below
				}
				if p < 0 || p+4 > len(data) {
					inside = false
				}
				for k := rank - 1; k >= 0; k-- {
					if idx[k]++; idx[k] < shape[k] {
						break
					}
					idx[k] = 0
				}
			}
		} else {
			inside = b.Offset >= 0 && b.Offset <= len(data)
		}
		if huge && size > 0 {
			for k, e := range shape {
				if k == 0 && e > 1 && strides[0] != 0 {
					inside = false // 2^50·|stride| ≥ 2^50: far outside, or overflowing
				}
			}
		}
		v, _, err := ViewOf[int32](&fakeExporter{b: b})
		if want := inside && aligned && multiple; want != (err == nil) {
			t.Fatalf("ViewOf(%+v) error %v, want success %v (inside %v aligned %v multiple %v)", b, err, want, inside, aligned, multiple)
		}
		m, err := MemoryViewOf(&fakeExporter{b: b})
		if inside != (err == nil) {
			t.Fatalf("MemoryViewOf(%+v) error %v, want success %v", b, err, inside)
		}
		if err != nil {
			return
		}
		got := m.ToList()
		if v.NDim() == rank && v.Size() > 0 {
			want := v.ToList()
			if !assert.ObjectsAreEqual(want, got) {
				t.Fatalf("MemoryView %v != ViewOf %v", got, want)
			}
		}
	})
}
