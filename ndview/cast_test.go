package ndview

import "github.com/ndkit/ndkit/ndview/internal/mem"

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// alignedBytes returns n zero bytes starting at an address aligned for any
// element type (the bytes of a []uint64 allocation).
func alignedBytes(n int) []byte {
	return mem.Bytes(make([]uint64, (n+7)/8+1))[:n]
}

// castPanics checks that f panics with an error wrapping want.
func castPanics(t *testing.T, want error, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		require.NotNil(t, r, "no panic; want %v", want)
		err, ok := r.(error)
		require.True(t, ok, "panic value %v (%T) is not an error", r, r)
		assert.ErrorIs(t, err, want)
	}()
	f()
}

// seqView returns a C-contiguous view of 0, 1, 2, … with the given shape.
func seqView[T realNum](t *testing.T, shape ...int) NDView[T] {
	t.Helper()
	n := 1
	for _, e := range shape {
		n *= e
	}
	data := make([]T, n)
	for i := range data {
		data[i] = T(i)
	}
	v, err := FromSlice(data, shape...)
	require.NoError(t, err)
	return v
}

// elemAddr returns the address of element idx of v.
func elemAddr[T any](v NDView[T], idx []int) uintptr {
	p := v.lay.Off
	for k, i := range idx {
		p += i * v.lay.Strides()[k]
	}
	return mem.Addr(v.data) + uintptr(p*mem.Sizeof[T]())
}

// checkCastAddrs checks that every element of c starts at the same byte as
// the bytes that ByteView(v) says hold it: the cast shares memory, in C
// order of bytes within each row of the last axis.
func checkSameBytes[U, T any](t *testing.T, c NDView[U], v NDView[T]) {
	t.Helper()
	cb, err := ByteView(c)
	require.NoError(t, err)
	vb, err := ByteView(v)
	require.NoError(t, err)
	require.Equal(t, c.NBytes(), v.NBytes())
	var got, want []uintptr
	forEachIndex(cb.lay.Shape(), func(idx []int) { got = append(got, elemAddr(cb, idx)) })
	forEachIndex(vb.lay.Shape(), func(idx []int) { want = append(want, elemAddr(vb, idx)) })
	assert.Equal(t, want, got, "the cast reaches the same bytes in the same order")
}

func TestCastExamples(t *testing.T) {
	// semantics.md C2: uint8 (2,3,4) to uint32 gives (2,3,1) with byte strides (12,4,4).
	b, err := FromBytes[uint8](alignedBytes(24), 2, 3, 4)
	require.NoError(t, err)
	u, err := Cast[uint32](b)
	require.NoError(t, err)
	assert.Equal(t, []int{2, 3, 1}, u.Shape())
	assert.Equal(t, []int{12, 4, 4}, u.ByteStrides())

	// float64 (2,3) to complex128 is an error; (2,4) gives (2,2).
	f23 := Zeros[float64](2, 3)
	_, err = Cast[complex128](f23)
	assert.ErrorIs(t, err, ErrShape)
	f24 := Zeros[float64](2, 4)
	c, err := Cast[complex128](f24)
	require.NoError(t, err)
	assert.Equal(t, []int{2, 2}, c.Shape())
	assert.Equal(t, []int{32, 16}, c.ByteStrides())
}

func TestCastLayouts(t *testing.T) {
	base := seqView[uint32](t, 2, 3, 4) // byte strides (48, 16, 4)
	tests := []struct {
		name      string
		view      func() NDView[uint32]
		cast      func(t *testing.T, v NDView[uint32], shape, bstrides []int) error
		shape     []int
		bstrides  []int
		wantError error
	}{
		{"C to bytes", func() NDView[uint32] { return base },
			castTo[uint8], []int{2, 3, 16}, []int{48, 16, 1}, nil},
		{"C to uint64", func() NDView[uint32] { return base },
			castTo[uint64], []int{2, 3, 2}, []int{48, 16, 8}, nil},
		{"C to float32", func() NDView[uint32] { return base },
			castTo[float32], []int{2, 3, 4}, []int{48, 16, 4}, nil},
		{"transposed same size", func() NDView[uint32] { return base.T() },
			castTo[int32], []int{4, 3, 2}, []int{4, 16, 48}, nil},
		{"transposed to bytes", func() NDView[uint32] { return base.T() },
			castTo[uint8], nil, nil, ErrLayout},
		{"F-contiguous to uint16", func() NDView[uint32] { return base.Transpose(0, 2, 1).T() },
			castTo[uint16], nil, nil, ErrLayout},
		{"strided rows to uint16", func() NDView[uint32] { return base.Slice(Colon(), Step(2)) },
			castTo[uint16], []int{2, 2, 8}, []int{48, 32, 2}, nil},
		{"strided last axis", func() NDView[uint32] { return base.Slice(Ellipsis, Step(2)) },
			castTo[uint8], nil, nil, ErrLayout},
		{"strided last axis same size", func() NDView[uint32] { return base.Slice(Ellipsis, Step(2)) },
			castTo[float32], []int{2, 3, 2}, []int{48, 16, 8}, nil},
		{"reversed rows", func() NDView[uint32] { return base.Slice(Step(-1)) },
			castTo[uint16], []int{2, 3, 8}, []int{-48, 16, 2}, nil},
		{"reversed last axis", func() NDView[uint32] { return base.Slice(Ellipsis, Step(-1)) },
			castTo[uint16], nil, nil, ErrLayout},
		{"last extent 1 strided", func() NDView[uint32] { return base.Slice(Ellipsis, Range(1, 2)) },
			castTo[uint8], []int{2, 3, 4}, []int{48, 16, 1}, nil},
		{"larger misaligned", func() NDView[uint32] { return base.Slice(Ellipsis, Range(1, 3)) },
			castTo[uint64], nil, nil, ErrAlign},
		{"larger aligned window", func() NDView[uint32] { return base.Slice(Ellipsis, Range(2, 4)) },
			castTo[uint64], []int{2, 3, 1}, []int{48, 16, 8}, nil},
		{"larger not dividing", func() NDView[uint32] { return base.Slice(Ellipsis, Range(0, 3)) },
			castTo[uint64], nil, nil, ErrShape},
		{"0-d same size", func() NDView[uint32] { return base.Slice(Int(1), Int(2), Int(3)) },
			castTo[float32], []int{}, []int{}, nil},
		{"0-d other size", func() NDView[uint32] { return base.Slice(Int(1), Int(2), Int(3)) },
			castTo[uint8], nil, nil, ErrShape},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cast(t, tt.view(), tt.shape, tt.bstrides)
			if tt.wantError != nil {
				assert.ErrorIs(t, err, tt.wantError)
				return
			}
			require.NoError(t, err)
		})
	}
}

// castTo casts v to U; on success it checks the shape and byte strides of
// the result and that it reaches exactly v's bytes, in order.
func castTo[U any](t *testing.T, v NDView[uint32], shape, bstrides []int) error {
	t.Helper()
	c, err := Cast[U](v)
	if err != nil {
		return err
	}
	assert.Equal(t, shape, c.Shape())
	assert.Equal(t, bstrides, c.ByteStrides())
	checkSameBytes(t, c, v)
	if f, ok := any(c).(NDView[float32]); ok {
		forEachIndex(f.lay.Shape(), func(idx []int) {
			assert.Equal(t, v.At(idx...), math.Float32bits(f.At(idx...)))
		})
	}
	return nil
}

func TestCastSmallerValues(t *testing.T) {
	v := seqView[uint32](t, 2, 3)
	v.Set(0x01020304, 1, 2)
	b, err := Cast[uint8](v)
	require.NoError(t, err)
	var want [4]byte
	binary.NativeEndian.PutUint32(want[:], 0x01020304)
	for i := range 4 {
		assert.Equal(t, want[i], b.At(1, 8+i), "Cast[uint8](v).At(1, %d)", 8+i)
	}
}

func TestCastRoundTrip(t *testing.T) {
	data := make([]float64, 24)
	for i := range data {
		data[i] = float64(i) + 0.25
	}
	data[5] = math.NaN()
	data[6] = math.Copysign(0, -1)
	v, err := FromSlice(data, 2, 3, 4)
	require.NoError(t, err)
	views := map[string]NDView[float64]{
		"C":        v,
		"F":        v.T(),
		"strided":  v.Slice(Colon(), Step(2)),
		"reversed": v.Slice(Step(-1), Step(-1)),
	}
	for name, w := range views {
		t.Run(name, func(t *testing.T) {
			u, err := Cast[uint64](w)
			require.NoError(t, err)
			back, err := Cast[float64](u)
			require.NoError(t, err)
			assert.Equal(t, w.Shape(), back.Shape())
			assert.Equal(t, w.Strides(), back.Strides())
			assert.Equal(t, w.Offset(), back.Offset())
			forEachIndex(w.lay.Shape(), func(idx []int) {
				assert.Equal(t, math.Float64bits(w.At(idx...)), math.Float64bits(back.At(idx...)))
				assert.Equal(t, math.Float64bits(w.At(idx...)), u.At(idx...))
			})
		})
	}
	// Through bytes and back, on a C view.
	b, err := Cast[uint8](v)
	require.NoError(t, err)
	back, err := Cast[float64](b)
	require.NoError(t, err)
	assert.Equal(t, v.Shape(), back.Shape())
	assert.Equal(t, v.Strides(), back.Strides())
}

func TestCastZeroCopy(t *testing.T) {
	v := seqView[uint32](t, 3, 4)
	f, err := Cast[float32](v)
	require.NoError(t, err)
	f.Set(1.5, 2, 1)
	assert.Equal(t, math.Float32bits(1.5), v.At(2, 1), "a write through the cast is seen through the source")
	v.Set(math.Float32bits(-2), 0, 3)
	assert.Equal(t, float32(-2), f.At(0, 3), "a write through the source is seen through the cast")

	b, err := Cast[uint8](v.Slice(Step(2)))
	require.NoError(t, err)
	for i := range 4 {
		b.Set(0xff, 1, i)
	}
	assert.Equal(t, uint32(0xffffffff), v.At(2, 0), "rows 0 and 2 as bytes: byte (1, 0..3) is element (2, 0)")

	raw := alignedBytes(16)
	fb, err := FromBytes[uint32](raw)
	require.NoError(t, err)
	fb.Set(0x11223344, 2)
	assert.Equal(t, uint32(0x11223344), binary.NativeEndian.Uint32(raw[8:]), "FromBytes writes reach b")
	raw[0] = 7
	assert.Equal(t, uint32(7), fb.At(0)&0xff|fb.At(0)>>24&0xff, "writes to b are seen through FromBytes")
}

func TestCastKeepsReadOnlyAndOwner(t *testing.T) {
	owner := new(int)
	v := WithObj(seqView[uint32](t, 4), owner)
	c, err := Cast[uint8](v)
	require.NoError(t, err)
	assert.Same(t, owner, c.Obj().(*int), "Cast keeps the owner")
	assert.False(t, c.ReadOnly())
	r, err := Cast[uint8](v.AsReadOnly())
	require.NoError(t, err)
	assert.True(t, r.ReadOnly(), "Cast of a read-only view is read-only")
	castPanics(t, ErrReadOnly, func() { r.Set(1, 0) })
	bv, err := ByteView(v.AsReadOnly())
	require.NoError(t, err)
	assert.True(t, bv.ReadOnly())
	assert.Same(t, owner, bv.Obj().(*int))
	cb, err := Cast[int32](mustBroadcast(t, v, 3, 4))
	require.NoError(t, err)
	assert.True(t, cb.ReadOnly(), "a broadcast view stays read-only through Cast")
}

type withPointer struct {
	x int
	p *int
}

type pixel struct{ R, G, B, A uint8 }

func TestCastRefusesTypes(t *testing.T) {
	b, err := FromBytes[byte](alignedBytes(64))
	require.NoError(t, err)
	checks := []struct {
		name string
		err  error
	}{
		{"to string", second(Cast[string](b))},
		{"to pointer", second(Cast[*int](b))},
		{"to slice", second(Cast[[]byte](b))},
		{"to map", second(Cast[map[int]int](b))},
		{"to chan", second(Cast[chan int](b))},
		{"to func", second(Cast[func()](b))},
		{"to interface", second(Cast[any](b))},
		{"to struct with pointer", second(Cast[withPointer](b))},
		{"to array of strings", second(Cast[[2]string](b))},
		{"to empty struct", second(Cast[struct{}](b))},
		{"from string", second(Cast[byte](Zeros[string](4)))},
		{"from struct with pointer", second(Cast[byte](Zeros[withPointer](2)))},
		{"from zero-size array", second(Cast[byte](Zeros[[0]int64](2)))},
		{"FromBytes string", second(FromBytes[string](alignedBytes(16)))},
		{"FromBytes pointer", second(FromBytes[*int](alignedBytes(16)))},
		{"FromBytes empty struct", second(FromBytes[struct{}](nil))},
		{"ByteView string", second(ByteView(Zeros[string](2)))},
		{"DecodeBytes struct", second(DecodeBytes[pixel](make([]byte, 8), binary.BigEndian))},
		{"DecodeBytes string", second(DecodeBytes[string](make([]byte, 16), binary.BigEndian))},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			assert.ErrorIs(t, c.err, ErrType)
		})
	}
	// Pointer-free structs and arrays are fine.
	p, err := Cast[pixel](b)
	require.NoError(t, err)
	assert.Equal(t, []int{16}, p.Shape())
	_, err = Cast[[2]float64](b)
	assert.NoError(t, err)
}

// second returns the error of a (value, error) pair.
func second[T any](_ T, err error) error { return err }

func TestCastMisaligned(t *testing.T) {
	raw := alignedBytes(64)
	b, err := FromBytes[byte](raw)
	require.NoError(t, err)
	for _, off := range []int{1, 2, 3, 5, 7} {
		_, err := Cast[uint64](b.Slice(Range(off, off+8)))
		require.ErrorIs(t, err, ErrAlign, "Cast[uint64](b[%d:%d])", off, off+8)
		assert.Contains(t, err.Error(), "misaligned")
		_, err = FromBytes[uint64](raw[off : off+8])
		require.ErrorIs(t, err, ErrAlign, "FromBytes[uint64](b[%d:])", off)
		assert.Contains(t, err.Error(), "misaligned")
	}
	_, err = Cast[uint32](b.Slice(Range(4, 12)))
	assert.NoError(t, err, "4-byte aligned is enough for uint32")
	_, err = Cast[uint16](b.Slice(Range(2, 4)))
	assert.NoError(t, err)
	// Byte strides that are not multiples of the new size.
	m, err := b.Slice(Range(0, 60)).Reshape(10, 6)
	require.NoError(t, err)
	_, err = Cast[uint32](m.Slice(Colon(), Range(0, 4)))
	assert.ErrorIs(t, err, ErrLayout, "row stride 6 with uint32")
	_, err = Cast[uint16](m.Slice(Colon(), Range(0, 4)))
	assert.NoError(t, err, "row stride 6 with uint16")
	w := seqView[uint32](t, 3, 5).Slice(Colon(), Range(0, 2))
	_, err = Cast[uint64](w)
	assert.ErrorIs(t, err, ErrLayout, "row stride 20 bytes with uint64")
	// Empty views reach nothing: no alignment or stride checks.
	e, err := Cast[uint64](b.Slice(Range(3, 3)))
	require.NoError(t, err)
	assert.Equal(t, []int{0}, e.Shape())
	e2, err := Cast[uint32](m.Slice(Range(0, 0), Range(0, 4)))
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1}, e2.Shape())
	_, err = FromBytes[uint64](raw[3:3])
	assert.NoError(t, err, "an empty b may start anywhere")
}

func TestCastEmpty(t *testing.T) {
	b := Zeros[uint8](0, 3)
	_, err := Cast[uint32](b)
	assert.ErrorIs(t, err, ErrShape, "(0,3) bytes to uint32: 3 bytes per row do not divide by 4 (NumPy agrees)")
	c, err := Cast[uint32](Zeros[uint8](3, 0))
	require.NoError(t, err)
	assert.Equal(t, []int{3, 0}, c.Shape())
	d, err := Cast[uint8](Zeros[uint32](0, 2))
	require.NoError(t, err)
	assert.Equal(t, []int{0, 8}, d.Shape())
	assert.Equal(t, 0, d.Size())
}

func TestFromBytes(t *testing.T) {
	raw := alignedBytes(24)
	tests := []struct {
		name  string
		b     []byte
		shape []int
		want  []int
		err   error
	}{
		{"1-D", raw, nil, []int{6}, nil},
		{"2-D", raw, []int{2, 3}, []int{2, 3}, nil},
		{"one element", raw[:4], []int{1}, []int{1}, nil},
		{"extent 0", raw[:0], []int{0, 5}, []int{0, 5}, nil},
		{"empty", nil, nil, []int{0}, nil},
		{"short", raw[:23], nil, nil, ErrShape},
		{"mismatch", raw, []int{4, 2}, nil, ErrShape},
		{"negative", raw, []int{-2, -3}, nil, ErrShape},
		{"overflow", raw, []int{1 << 40, 1 << 40}, nil, ErrOverflow},
		{"misaligned", raw[2:18], nil, nil, ErrAlign},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := FromBytes[float32](tt.b, tt.shape...)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			want := tt.want
			if want == nil {
				want = []int{}
			}
			assert.Equal(t, want, v.Shape())
			assert.True(t, v.IsCContiguous())
			assert.False(t, v.ReadOnly())
		})
	}
	e, err := FromBytes[float32](raw[4:4], 0, 3)
	require.NoError(t, err)
	assert.Equal(t, 0, e.Size())
	var fe *Error
	_, err = FromBytes[float32](raw, 5)
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "FromBytes", fe.Op)
}

func TestByteView(t *testing.T) {
	v := seqView[uint16](t, 3, 4)
	layouts := map[string]NDView[uint16]{
		"C":        v,
		"T":        v.T(),
		"strided":  v.Slice(Step(2), Step(-3)),
		"0-d":      v.Slice(Int(2), Int(1)),
		"empty":    v.Slice(Range(1, 1)),
		"bcast":    mustBroadcast(t, v.Slice(Int(1)), 2, 4),
		"col":      v.Slice(Colon(), Int(1)),
		"reversed": v.Slice(Step(-1), Step(-1)),
	}
	for name, w := range layouts {
		t.Run(name, func(t *testing.T) {
			b, err := ByteView(w)
			require.NoError(t, err)
			assert.Equal(t, append(w.Shape(), 2), b.Shape())
			assert.Equal(t, append(w.ByteStrides(), 1), b.ByteStrides())
			assert.Equal(t, w.ReadOnly(), b.ReadOnly())
			assert.Equal(t, w.ToBytes(OrderC), b.ToBytes(OrderC), "the bytes in C order are the elements' bytes")
			checkSameBytes(t, b, w)
		})
	}
	b, err := ByteView(v.T())
	require.NoError(t, err)
	b.Set(0xab, 1, 2, 0)
	b.Set(0xcd, 1, 2, 1)
	assert.Equal(t, binary.NativeEndian.Uint16([]byte{0xab, 0xcd}), v.At(2, 1), "ByteView shares memory")
}

func mustBroadcast[T any](t *testing.T, v NDView[T], shape ...int) NDView[T] {
	t.Helper()
	r, err := v.BroadcastTo(shape...)
	require.NoError(t, err)
	return r
}

func TestFromString(t *testing.T) {
	v := FromString("hello")
	assert.Equal(t, []int{5}, v.Shape())
	assert.True(t, v.ReadOnly())
	assert.Equal(t, byte('e'), v.At(1))
	castPanics(t, ErrReadOnly, func() { v.Set('j', 0) })
	_, err := v.Data()
	assert.ErrorIs(t, err, ErrReadOnly)
	assert.Equal(t, []byte("hello"), v.ToBytes(OrderC))
	castPanics(t, ErrReadOnly, func() { ConvertInto(v, seqView[int64](t, 5)) })
	castPanics(t, ErrReadOnly, func() { v.ByteSwap() })
	e := FromString("")
	assert.Equal(t, 0, e.Size())
	assert.True(t, e.ReadOnly())
}

func TestCastAllocs(t *testing.T) {
	raw := alignedBytes(4096)
	b, err := FromBytes[byte](raw)
	require.NoError(t, err)
	v4, err := b.Reshape(4, 4, 16, 16)
	require.NoError(t, err)
	f := mustValue(Cast[float32](v4))
	for name, fn := range map[string]func(){
		"Cast rank 4":       func() { _, _ = Cast[float32](v4) },
		"Cast back":         func() { _, _ = Cast[uint8](f) },
		"Cast same size":    func() { _, _ = Cast[uint32](f) },
		"FromBytes rank 1":  func() { _, _ = FromBytes[float64](raw) },
		"FromBytes rank 4":  func() { _, _ = FromBytes[float32](raw, 2, 2, 16, 16) },
		"ByteView rank 3":   func() { _, _ = ByteView(f.Slice(Int(1))) },
		"Format":            func() { _ = f.Format() },
		"Cast named struct": func() { _, _ = Cast[pixel](v4) },
	} {
		assert.Zero(t, testing.AllocsPerRun(100, fn), "%s allocates", name)
	}
}

func mustValue[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestCastErrorMessages(t *testing.T) {
	_, err := Cast[uint32](Zeros[uint8](2, 3))
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, "Cast", e.Op)
	assert.Contains(t, err.Error(), "larger type")
	_, err = Cast[string](Zeros[uint8](2))
	assert.Contains(t, err.Error(), "pointers")
}

type flag bool

type record struct {
	Valid bool
	Value int32
}

// TestCastBools checks that no path makes a bool from bytes other than 0
// and 1: Go compilers rely on it.
func TestCastBools(t *testing.T) {
	b := mustValue(FromBytes[byte](alignedBytes(16)))
	for name, err := range map[string]error{
		"Cast to bool":             second(Cast[bool](b)),
		"Cast to struct with bool": second(Cast[record](b)),
		"Cast to bool array":       second(Cast[[4]bool](b)),
		"Cast to named bool":       second(Cast[flag](b)),
		"FromBytes bool":           second(FromBytes[bool](alignedBytes(8))),
		"FromBytes struct":         second(FromBytes[record](alignedBytes(16))),
		"DecodeBytes invalid bool": second(DecodeBytes[bool]([]byte{0, 1, 2}, binary.LittleEndian)),
		"DecodeBytes named bool":   second(DecodeBytes[flag]([]byte{7}, binary.LittleEndian)),
	} {
		assert.ErrorIs(t, err, ErrType, name)
	}

	bools := mustValue(FromSlice([]bool{true, false, true, true}))
	asBytes, err := Cast[uint8](bools)
	require.NoError(t, err)
	assert.True(t, asBytes.ReadOnly(), "bools seen as bytes are read-only")
	assert.Equal(t, uint8(1), asBytes.At(0))
	bv, err := ByteView(bools)
	require.NoError(t, err)
	assert.True(t, bv.ReadOnly())
	u32, err := Cast[uint32](bools)
	require.NoError(t, err)
	assert.True(t, u32.ReadOnly())

	// Between bool types, and to the same type, casts stay writable.
	f, err := Cast[flag](bools)
	require.NoError(t, err)
	assert.False(t, f.ReadOnly())
	f.Set(false, 0)
	assert.False(t, bools.At(0))
	recs := Zeros[record](2)
	same, err := Cast[record](recs)
	require.NoError(t, err)
	assert.False(t, same.ReadOnly())

	ok := mustValue(DecodeBytes[bool]([]byte{1, 0, 1}, binary.BigEndian))
	assert.Equal(t, []bool{true, false, true}, mustValue(ok.Data()))
}
