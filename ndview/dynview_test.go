package ndview

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/x448/float16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tests of runtime-format views (semantics.md BP7-BP10).

// bufferFixture is testdata/buffer.json, written by buffer_gen.py from
// CPython's memoryview.
type bufferFixture struct {
	Cases []struct {
		Name  string
		N     int
		Step  int
		Casts []struct {
			Format string
			Shape  []int
			Result *struct {
				Format   string
				Itemsize int
				Shape    []int
				Strides  []int
				Tolist   any
			}
			Error string
		}
	}
}

// jsonList converts ToList's result to what encoding/json reads from the
// fixture: numbers as float64, bools and bytes as the generator wrote them.
func jsonList(x any) any {
	switch x := x.(type) {
	case []any:
		out := make([]any, len(x))
		for i, y := range x {
			out[i] = jsonList(y)
		}
		return out
	case bool:
		return map[string]any{"bool": x}
	case []byte:
		return map[string]any{"bytes": hex.EncodeToString(x)}
	case float32:
		return float64(x)
	}
	var f float64
	fmt.Sscan(fmt.Sprint(x), &f)
	return f
}

// TestMemoryViewCastFixture replays CPython's casts (C1, BP9): the same
// results, and errors with memoryview's words.
func TestMemoryViewCastFixture(t *testing.T) {
	raw, err := os.ReadFile("testdata/buffer.json")
	require.NoError(t, err)
	var f bufferFixture
	require.NoError(t, json.Unmarshal(raw, &f))
	require.NotEmpty(t, f.Cases)
	for _, c := range f.Cases {
		t.Run(c.Name, func(t *testing.T) {
			data := make([]byte, c.N)
			for i := range data {
				data[i] = byte((7*i + 250) % 256)
			}
			src := Must(FromSlice(data))
			if c.Step != 1 {
				src = src.Slice(Step(c.Step))
			}
			m, err := MemoryViewOf(src)
			require.NoError(t, err)
			defer m.Release()
			for _, k := range c.Casts {
				var shape []int
				if k.Shape != nil {
					shape = k.Shape
				}
				r, err := m.Cast(k.Format, shape)
				if k.Error != "" {
					require.Error(t, err)
					assert.Contains(t, err.Error(), k.Error)
					return
				}
				require.NoError(t, err)
				want := k.Result
				assert.Equal(t, want.Format, r.Format())
				assert.Equal(t, want.Itemsize, r.ItemSize())
				assert.Equal(t, want.Shape, r.Shape())
				assert.Equal(t, want.Strides, r.Strides())
				assert.Equal(t, want.Tolist, jsonList(r.ToList()))
				m = r
			}
		})
	}
}

// TestMemoryViewRandomLayouts compares At, ToList, Shape and Strides of
// MemoryViews of random layouts with the typed view's (BP8), for several
// element types.
func TestMemoryViewRandomLayouts(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 2))
	for range 200 {
		l := randomLayout(r, layoutOpts{})
		checkMemoryView(t, l, func(i int) float32 { return float32(i) + 0.5 })
		checkMemoryView(t, l, func(i int) int16 { return int16(-i) })
		checkMemoryView(t, l, func(i int) complex128 { return complex(float64(i), -1) })
		checkMemoryView(t, l, func(i int) float16.Float16 { return float16.Fromfloat32(float32(i)) })
		checkMemoryView(t, l, func(i int) uint64 { return uint64(i) << 40 })
	}
}

func checkMemoryView[T any](t *testing.T, l testLayout, val func(int) T) {
	t.Helper()
	buf := make([]T, l.N)
	for i := range buf {
		buf[i] = val(i)
	}
	v := layoutView(l, buf)
	m, err := MemoryViewOf(v)
	require.NoError(t, err, "%v", l)
	defer m.Release()
	require.Equal(t, v.Format(), m.Format())
	require.Equal(t, v.Shape(), m.Shape())
	require.Equal(t, v.NBytes(), m.NBytes())
	require.Equal(t, v.ReadOnly(), m.ReadOnly(), "%v", l)
	if v.Size() == 0 {
		return
	}
	for k, n := range v.Shape() {
		if n > 1 {
			require.Equal(t, v.ByteStrides()[k], m.Strides()[k], "%v", l)
		}
	}
	for idx, x := range v.Enumerate() {
		require.Equal(t, any(x), m.At(idx...), "%v at %v", l, idx)
	}
	require.Equal(t, v.ToList(), m.ToList(), "%v", l)
	require.Equal(t, v.String(), m.String(), "%v", l)
	// Back to a typed view: the same memory.
	back, err := FromMemoryView[T](m)
	require.NoError(t, err)
	require.Equal(t, v.ToList(), back.ToList())
}

// TestMemoryViewByteOrder: items in either byte order are decoded (BP8),
// and a typed view refuses the non-native one.
func TestMemoryViewByteOrder(t *testing.T) {
	data := []byte{0x01, 0x00, 0x00, 0x01}
	for _, c := range []struct {
		format string
		want   []any
	}{
		{"<H", []any{uint16(1), uint16(256)}},
		{">H", []any{uint16(256), uint16(1)}},
		{"<h", []any{int16(1), int16(256)}},
		{">u2", []any{uint16(256), uint16(1)}},
	} {
		f := &fakeExporter{b: Buffer{Data: data, Format: c.format, Shape: []int{2}}}
		m, err := MemoryViewOf(f)
		require.NoError(t, err)
		assert.Equal(t, c.want, m.ToList(), c.format)
		_, err = FromMemoryView[uint16](m)
		if (binary.NativeEndian.Uint16(data) == 1) == (c.format[0] == '<') && c.format[len(c.format)-1] != 'h' {
			assert.NoError(t, err, c.format)
		} else {
			isErr(t, ErrType, err)
		}
		m.Release()
	}
	// Bools read as struct's '?' does; no Go bool is formed from the bytes.
	f := &fakeExporter{b: Buffer{Data: []byte{0, 1, 2}, Format: "?", Shape: []int{3}}}
	m, err := MemoryViewOf(f)
	require.NoError(t, err)
	assert.Equal(t, []any{false, true, true}, m.ToList())
	_, err = FromMemoryView[bool](m)
	isErr(t, ErrType, err)
	m.Release()
}

// TestMemoryViewAt: index errors panic as NDView.At's do (E2).
func TestMemoryViewAt(t *testing.T) {
	m, err := MemoryViewOf(Must(FromSlice([]int32{1, 2, 3, 4, 5, 6}, 2, 3)))
	require.NoError(t, err)
	defer m.Release()
	assert.Equal(t, int32(6), m.At(1, 2))
	panics(t, ErrIndex, func() { m.At(2, 0) })
	panics(t, ErrIndex, func() { m.At(-1, 0) })
	panics(t, ErrIndex, func() { m.At(1) })
	z, err := m.Cast("B", nil)
	require.NoError(t, err)
	s, err := z.Cast("q", []int{})
	assert.Error(t, err, "24 bytes are not one int64")
	s, err = z.Cast("i", []int{6})
	require.NoError(t, err)
	assert.Equal(t, int32(4), s.At(3))
	assert.Equal(t, "[[1 2 3]\n [4 5 6]]", m.String())
	assert.Equal(t, 6, m.Size())
	assert.Equal(t, 2, m.NDim())
	assert.True(t, m.IsCContiguous())
	assert.Nil(t, m.Obj())
	assert.Equal(t, []int{2, 3, 4}, m.Bytes().Shape())
}

// TestMemoryViewCopyFrom: copies between equal formats (BP10), zero-copy
// into the exporter's memory, overlap-safe, and refusals with nothing
// written.
func TestMemoryViewCopyFrom(t *testing.T) {
	dst := Must(FromSlice([]int32{0, 0, 0, 0, 0, 0}, 2, 3))
	src := Must(FromSlice([]int32{1, 2, 3, 4, 5, 6}, 3, 2)).T()
	md, err := MemoryViewOf(dst)
	require.NoError(t, err)
	ms, err := MemoryViewOf(src)
	require.NoError(t, err)
	require.NoError(t, md.CopyFrom(ms))
	assert.Equal(t, []int32{1, 3, 5, 2, 4, 6}, dst.ToSlice(), "written through to the exporter's memory")

	// Format and shape mismatches: an error, nothing written.
	other, err := MemoryViewOf(Must(FromSlice([]uint32{9, 9, 9, 9, 9, 9}, 2, 3)))
	require.NoError(t, err)
	isErr(t, ErrType, md.CopyFrom(other))
	wide, err := MemoryViewOf(Must(FromSlice([]int32{9, 9, 9}, 1, 3)))
	require.NoError(t, err)
	isErr(t, ErrShape, md.CopyFrom(wide))
	assert.Equal(t, []int32{1, 3, 5, 2, 4, 6}, dst.ToSlice())

	// "<i" and "i" are the same format on a little-endian host.
	le := &fakeExporter{b: Buffer{Data: Must(ByteView(Must(FromSlice([]int32{7, 7, 7, 7, 7, 7})))).ToSlice(), Format: "<i4", Shape: []int{2, 3}}}
	ml, err := MemoryViewOf(le)
	require.NoError(t, err)
	if binary.NativeEndian.Uint16([]byte{1, 0}) == 1 {
		require.NoError(t, md.CopyFrom(ml))
		assert.Equal(t, []int32{7, 7, 7, 7, 7, 7}, dst.ToSlice())
	}

	// Read-only destinations panic.
	ro, err := MemoryViewOf(dst.AsReadOnly())
	require.NoError(t, err)
	panics(t, ErrReadOnly, func() { _ = ro.CopyFrom(ms) })

	// Overlap: a reversed view of the same memory copies as if from a copy.
	buf := []int16{1, 2, 3, 4, 5}
	a := Must(FromSlice(buf))
	ma, err := MemoryViewOf(a)
	require.NoError(t, err)
	mr, err := MemoryViewOf(a.Flip())
	require.NoError(t, err)
	require.NoError(t, ma.CopyFrom(mr))
	assert.Equal(t, []int16{5, 4, 3, 2, 1}, buf)
}
