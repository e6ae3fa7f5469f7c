package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/mem"

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The fuzz targets check, by brute force over every element, that a view
// FromBytes or Cast accepts reaches only memory it was given, with every
// element aligned; refusals must be errors, never panics. They decode
// their layouts from the fuzzer's bytes, so that the fuzzer can steer
// them; TestCastRandomLayouts runs the same checks on the layouts of the
// shared generator (randomLayout).

// fuzzShape turns fuzz bytes into at most 4 small extents (maybe negative).
func fuzzShape(spec []byte) []int {
	if len(spec) > 4 {
		spec = spec[:4]
	}
	shape := make([]int, len(spec))
	for i, b := range spec {
		shape[i] = int(int8(b)) % 9
	}
	return shape
}

// byteSpan returns the addresses of the bytes v's elements cover.
func byteSpan[T any](v NDView[T]) map[uintptr]bool {
	set := map[uintptr]bool{}
	size := uintptr(mem.Sizeof[T]())
	forEachIndex(v.lay.Shape(), func(idx []int) {
		a := elemAddr(v, idx)
		for j := range size {
			set[a+j] = true
		}
	})
	return set
}

// checkInside fails unless every element of v lies inside [lo, hi) and is
// aligned for T.
func checkInside[T any](t *testing.T, v NDView[T], lo, hi uintptr) {
	t.Helper()
	ti := mem.InfoOf[T]()
	forEachIndex(v.lay.Shape(), func(idx []int) {
		a := elemAddr(v, idx)
		if a < lo || a+uintptr(ti.Size) > hi {
			t.Fatalf("element %v at %#x..%#x is outside [%#x, %#x) (shape %v strides %v off %d)",
				idx, a, a+uintptr(ti.Size), lo, hi, v.Shape(), v.Strides(), v.lay.Off)
		}
		if a%uintptr(ti.Align) != 0 {
			t.Fatalf("element %v at %#x is misaligned for alignment %d", idx, a, ti.Align)
		}
	})
	// The bounds invariant holds in the view's own units.
	if v.Size() > 0 {
		l, h, ok := layout.Extent(v.lay.Off, v.lay.Shape(), v.lay.Strides())
		if !ok || l < 0 || h >= len(v.data) {
			t.Fatalf("bounds invariant broken: [%d, %d] of %d", l, h, len(v.data))
		}
	}
}

func fuzzFromBytesAs[T any](t *testing.T, b []byte, shape []int, withShape bool) {
	var v NDView[T]
	var err error
	if withShape {
		v, err = FromBytes[T](b, shape...)
	} else {
		v, err = FromBytes[T](b)
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("FromBytes error %v is not an *Error", err)
		}
		return
	}
	lo := mem.Addr(b)
	checkInside(t, v, lo, lo+uintptr(len(b)))
	if got, want := v.NBytes(), len(b); got != want {
		t.Fatalf("FromBytes covers %d bytes, want %d", got, want)
	}
}

func FuzzFromBytes(f *testing.F) {
	f.Add(uint8(0), uint16(24), uint8(2), []byte{2, 3}, true)
	f.Add(uint8(1), uint16(16), uint8(3), []byte{}, false)
	f.Add(uint8(4), uint16(8), uint8(4), []byte{1, 0xff}, true)
	f.Add(uint8(3), uint16(0), uint8(5), []byte{0, 7}, true)
	f.Add(uint8(0), uint16(48), uint8(6), []byte{2, 2, 1}, true)
	f.Add(uint8(7), uint16(12), uint8(1), []byte{3, 4}, true)
	f.Fuzz(func(t *testing.T, off uint8, length uint16, typ uint8, shapeSpec []byte, withShape bool) {
		base := alignedBytes(1 << 12)
		o := int(off % 64)
		n := min(int(length)%(1<<11), len(base)-o)
		b := base[o : o+n]
		shape := fuzzShape(shapeSpec)
		switch typ % 7 {
		case 0:
			fuzzFromBytesAs[uint8](t, b, shape, withShape)
		case 1:
			fuzzFromBytesAs[uint16](t, b, shape, withShape)
		case 2:
			fuzzFromBytesAs[float32](t, b, shape, withShape)
		case 3:
			fuzzFromBytesAs[uint64](t, b, shape, withShape)
		case 4:
			fuzzFromBytesAs[complex128](t, b, shape, withShape)
		case 5:
			fuzzFromBytesAs[[3]uint16](t, b, shape, withShape)
		case 6:
			fuzzFromBytesAs[pixel](t, b, shape, withShape)
		}
	})
}

// fuzzCastTo casts v to U and checks the result against brute force; it
// reports whether Cast accepted.
func fuzzCastTo[U, T any](t *testing.T, v NDView[T]) bool {
	c, err := Cast[U](v)
	if mem.InfoOf[U]().HasBool && err == nil {
		t.Fatalf("Cast to a bool type from format %s succeeded", v.Format())
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Cast error %v is not an *Error", err)
		}
		return false
	}
	lo := mem.Addr(v.data)
	checkInside(t, c, lo, lo+uintptr(len(v.data)*mem.Sizeof[T]()))
	if c.ReadOnly() != v.ReadOnly() {
		t.Fatalf("Cast changed read-only from %v to %v", v.ReadOnly(), c.ReadOnly())
	}
	if c.NBytes() != v.NBytes() {
		t.Fatalf("Cast covers %d bytes, source %d", c.NBytes(), v.NBytes())
	}
	want, got := byteSpan(v), byteSpan(c)
	for a := range got {
		if !want[a] {
			t.Fatalf("Cast reaches byte %#x, which the source does not (shape %v strides %v to shape %v strides %v)",
				a, v.Shape(), v.ByteStrides(), c.Shape(), c.ByteStrides())
		}
	}
	if len(got) != len(want) {
		t.Fatalf("Cast reaches %d bytes, the source %d", len(got), len(want))
	}
	// Casting back restores the layout when the last axis was contiguous.
	back, err := Cast[T](c)
	if err == nil && v.Size() > 0 && back.Size() != v.Size() {
		t.Fatalf("Cast back has %d elements, want %d", back.Size(), v.Size())
	}
	return true
}

// castToEach casts v to each target type of FuzzCast and returns how
// many casts were accepted.
func castToEach[T any](t *testing.T, v NDView[T]) int {
	n := 0
	for _, ok := range []bool{
		fuzzCastTo[uint8](t, v),
		fuzzCastTo[uint16](t, v),
		fuzzCastTo[float32](t, v),
		fuzzCastTo[uint64](t, v),
		fuzzCastTo[complex128](t, v),
		fuzzCastTo[[3]uint16](t, v),
		fuzzCastTo[string](t, v),
		fuzzCastTo[bool](t, v),
	} {
		if ok {
			n++
		}
	}
	return n
}

// castRandomLayouts casts views of T of every mode (views of bytes and
// strings, broadcast, overlapping and read-only ones too) to each type.
func castRandomLayouts[T any](t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 31))
	accepted := 0
	for range 150 {
		l := randomLayout(r, layoutOpts{MaxSize: 96})
		accepted += castToEach(t, layoutView(l, make([]T, l.N)))
	}
	// Most casts of most layouts are refused (a last axis that is not
	// contiguous, a size that does not divide); enough must be accepted
	// for the checks to mean anything.
	assert.Greater(t, accepted, 100, "casts accepted")
	t.Logf("%d of %d casts accepted", accepted, 150*8)
}

func TestCastRandomLayouts(t *testing.T) {
	t.Run("uint8", func(t *testing.T) { castRandomLayouts[uint8](t, 1) })
	t.Run("uint16", func(t *testing.T) { castRandomLayouts[uint16](t, 2) })
	t.Run("float32", func(t *testing.T) { castRandomLayouts[float32](t, 3) })
	t.Run("uint64", func(t *testing.T) { castRandomLayouts[uint64](t, 4) })
	t.Run("[3]uint16", func(t *testing.T) { castRandomLayouts[[3]uint16](t, 5) })
	t.Run("pixel", func(t *testing.T) { castRandomLayouts[pixel](t, 6) })
}

// fuzzCastFrom builds a view of T over aligned memory and casts it to the
// type chosen by to.
func fuzzCastFrom[T any](t *testing.T, off int, shape, strides []int, to uint8, readOnly bool) {
	size := mem.Sizeof[T]()
	data := mustValue(FromBytes[T](alignedBytes((1 << 11) / size * size))).data
	v, err := Wrap(data, off, shape, strides)
	if err != nil {
		return
	}
	if readOnly {
		v = v.AsReadOnly()
	}
	switch to % 8 {
	case 0:
		fuzzCastTo[uint8](t, v)
	case 1:
		fuzzCastTo[uint16](t, v)
	case 2:
		fuzzCastTo[float32](t, v)
	case 3:
		fuzzCastTo[uint64](t, v)
	case 4:
		fuzzCastTo[complex128](t, v)
	case 5:
		fuzzCastTo[[3]uint16](t, v)
	case 6:
		fuzzCastTo[string](t, v)
	case 7:
		fuzzCastTo[bool](t, v)
	}
}

func FuzzCast(f *testing.F) {
	f.Add(uint8(0), uint8(2), uint16(0), []byte{2, 3, 4}, []byte{12, 4, 1}, false)
	f.Add(uint8(2), uint8(0), uint16(3), []byte{2, 4}, []byte{4, 1}, false)
	f.Add(uint8(0), uint8(3), uint16(7), []byte{3, 8}, []byte{8, 1}, true)
	f.Add(uint8(1), uint8(4), uint16(5), []byte{4, 2}, []byte{0xfc, 1}, false)
	f.Add(uint8(3), uint8(0), uint16(40), []byte{2, 3}, []byte{0xfd, 0xff}, false)
	f.Add(uint8(0), uint8(5), uint16(1), []byte{0, 6}, []byte{6, 1}, false)
	f.Add(uint8(4), uint8(1), uint16(0), []byte{}, []byte{}, false)
	f.Fuzz(func(t *testing.T, from, to uint8, off uint16, shapeSpec, strideSpec []byte, readOnly bool) {
		shape := fuzzShape(shapeSpec)
		strides := make([]int, len(shape))
		for i := range strides {
			if i < len(strideSpec) {
				strides[i] = int(int8(strideSpec[i]))
			}
		}
		o := int(off % 512)
		switch from % 5 {
		case 0:
			fuzzCastFrom[uint8](t, o, shape, strides, to, readOnly)
		case 1:
			fuzzCastFrom[uint16](t, o, shape, strides, to, readOnly)
		case 2:
			fuzzCastFrom[float32](t, o, shape, strides, to, readOnly)
		case 3:
			fuzzCastFrom[uint64](t, o, shape, strides, to, readOnly)
		case 4:
			fuzzCastFrom[[3]uint16](t, o, shape, strides, to, readOnly)
		}
	})
}
