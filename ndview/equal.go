package ndview

import "github.com/ndkit/ndkit/ndview/internal/mem"

// Equality of views: ArrayEqual (NumPy's array_equal) and Equal
// (memoryview's ==, semantics.md M8). Both compare elements by value in C
// order, whatever the layouts and the element types; they differ only in
// which shapes match.

import (
	"math"
	"reflect"
	"slices"

	"github.com/x448/float16"
)

// ArrayEqual reports whether a and b have the same shape and equal
// elements, as NumPy's array_equal does (semantics.md M8):
//
//   - The shapes are identical: the same number of dimensions and the same
//     extents, so a 0-d view differs from a (1,) view, and (0, 3) from
//     (0, 4). Two views of the same shape without elements are equal.
//   - Elements are compared by value in C order, through their types: a
//     uint8 1 equals a float64 1.0, an int8 equals a uint8 of the same
//     value, a bool true equals 1. Integers and floats compare exactly
//     (NumPy compares int64 with uint64 through float64, which rounds).
//   - Layout is ignored, and memory is never compared: NaN is unequal to
//     itself (a view holding NaN is unequal to itself, NumPy's default
//     equal_nan=False), -0.0 equals 0.0.
//   - Element types that are not numbers or bools (structs, strings, …)
//     compare unequal, even to themselves, as with memoryview.
//
// ArrayEqual compares whole views and returns one bool; EqualTo compares
// them element by element into a mask (NumPy's equal).
func ArrayEqual[T, U any](a NDView[T], b NDView[U]) bool {
	if !slices.Equal(a.lay.Shape(), b.lay.Shape()) {
		return false
	}
	return equalElements(&a, &b)
}

// Equal reports whether a and b hold equal elements in equivalent shapes,
// as Python's memoryview == does: the shapes need the same number of
// dimensions and the same extents up to and including the first 0, so
// (0, 3) equals (0, 4). Elements compare as in ArrayEqual.
//
// Deprecated: use ArrayEqual, whose name does not read like the
// element-wise EqualTo. The two differ only for views without elements,
// whose shapes ArrayEqual requires to be identical, as NumPy does.
func Equal[T, U any](a NDView[T], b NDView[U]) bool {
	as, bs := a.lay.Shape(), b.lay.Shape()
	if len(as) != len(bs) {
		return false
	}
	for i := range as {
		if as[i] != bs[i] {
			return false
		}
		if as[i] == 0 {
			break
		}
	}
	return equalElements(&a, &b)
}

// equalElements compares the elements of a and b, whose shapes match as
// far as they have elements, by value in C order.
func equalElements[T, U any](a *NDView[T], b *NDView[U]) bool {
	ta, tb := scalarKindOf[T](), scalarKindOf[U]()
	if ta == KindInvalid || tb == KindInvalid {
		return false
	}
	if a.Size() == 0 {
		return true
	}
	return equalRec(a, b, 0, a.lay.Off, b.lay.Off)
}

// equalRec compares the sub-views from axis on, starting at offsets pa and
// pb of a and b.
func equalRec[T, U any](a *NDView[T], b *NDView[U], axis, pa, pb int) bool {
	as := a.lay.Shape()
	if axis == len(as) {
		return scalarOf(a.data[pa]).equal(scalarOf(b.data[pb]))
	}
	sa, sb := a.lay.Strides()[axis], b.lay.Strides()[axis]
	for i := range as[axis] {
		if !equalRec(a, b, axis+1, pa+i*sa, pb+i*sb) {
			return false
		}
	}
	return true
}

// scalar is one element widened to a comparable value. Its kind is one
// of KindInt (bools too, as 0 and 1), KindUint, KindFloat and KindComplex,
// which hold the value in i, u, f and c; KindInvalid marks an element that
// is no number, which equals nothing. The order of the kinds matters to
// equal.
type scalar struct {
	kind Kind
	i    int64
	u    uint64
	f    float64
	c    complex128
}

// scalarKindOf returns the kind of scalar that elements of type T widen
// to, from the element facts of package mem: KindInvalid for elements
// that are not numbers or bools.
func scalarKindOf[T any]() Kind {
	switch mem.InfoOf[T]().Kind {
	case mem.Bool, mem.Int8, mem.Int16, mem.Int32, mem.Int64:
		return KindInt
	case mem.Uint8, mem.Uint16, mem.Uint32, mem.Uint64:
		return KindUint
	case mem.Float16, mem.Float32, mem.Float64:
		return KindFloat
	case mem.Complex64, mem.Complex128:
		return KindComplex
	}
	return KindInvalid
}

// scalarOf widens one element. The common types are handled without
// reflection; named numeric types go through reflect.
func scalarOf[T any](x T) scalar {
	switch x := any(x).(type) {
	case float64:
		return scalar{kind: KindFloat, f: x}
	case float32:
		return scalar{kind: KindFloat, f: float64(x)}
	case int:
		return scalar{kind: KindInt, i: int64(x)}
	case int64:
		return scalar{kind: KindInt, i: x}
	case int32:
		return scalar{kind: KindInt, i: int64(x)}
	case int16:
		return scalar{kind: KindInt, i: int64(x)}
	case int8:
		return scalar{kind: KindInt, i: int64(x)}
	case uint8:
		return scalar{kind: KindUint, u: uint64(x)}
	case uint16:
		return scalar{kind: KindUint, u: uint64(x)}
	case uint32:
		return scalar{kind: KindUint, u: uint64(x)}
	case uint64:
		return scalar{kind: KindUint, u: x}
	case uint:
		return scalar{kind: KindUint, u: uint64(x)}
	case bool:
		if x {
			return scalar{kind: KindInt, i: 1}
		}
		return scalar{kind: KindInt}
	case float16.Float16:
		return scalar{kind: KindFloat, f: float64(x.Float32())}
	case complex64:
		return scalar{kind: KindComplex, c: complex128(x)}
	case complex128:
		return scalar{kind: KindComplex, c: x}
	}
	r := reflect.ValueOf(x)
	switch r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return scalar{kind: KindInt, i: r.Int()}
	case reflect.Bool:
		if r.Bool() {
			return scalar{kind: KindInt, i: 1}
		}
		return scalar{kind: KindInt}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return scalar{kind: KindUint, u: r.Uint()}
	case reflect.Float32, reflect.Float64:
		return scalar{kind: KindFloat, f: r.Float()}
	case reflect.Complex64, reflect.Complex128:
		return scalar{kind: KindComplex, c: r.Complex()}
	}
	return scalar{}
}

// complex128 returns s as a complex number.
func (s scalar) complex128() complex128 {
	switch s.kind {
	case KindInt:
		return complex(float64(s.i), 0)
	case KindUint:
		return complex(float64(s.u), 0)
	case KindFloat:
		return complex(s.f, 0)
	}
	return s.c
}

// equal compares two scalars by value, exactly for integers and floats.
// It relies on the order of the kinds: KindInvalid < KindInt < KindUint <
// KindFloat < KindComplex.
func (s scalar) equal(t scalar) bool {
	if s.kind > t.kind {
		s, t = t, s
	}
	switch {
	case s.kind == KindInvalid:
		return false
	case t.kind == KindComplex:
		if s.kind == KindComplex {
			return s.c == t.c
		}
		return imag(t.c) == 0 && scalar{kind: KindFloat, f: real(t.c)}.equal(s)
	case s.kind == KindInt && t.kind == KindInt:
		return s.i == t.i
	case s.kind == KindUint && t.kind == KindUint:
		return s.u == t.u
	case s.kind == KindInt && t.kind == KindUint:
		return s.i >= 0 && uint64(s.i) == t.u
	case s.kind == KindFloat && t.kind == KindFloat:
		return s.f == t.f
	case s.kind == KindInt: // t is float
		f := t.f
		return f == math.Trunc(f) && f >= -(1<<63) && f < 1<<63 && int64(f) == s.i
	default: // s unsigned, t float
		f := t.f
		return f == math.Trunc(f) && f >= 0 && f < 1<<64 && uint64(f) == s.u
	}
}
