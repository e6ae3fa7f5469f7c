package mem

// Facts about element types: their kind, size, alignment, format code and
// whether they hold pointers or bools. They are computed once: the
// predeclared numeric types, float16.Float16 and the narrow storage floats
// (bfloat16.BFloat16, float8.E4M3FN, float8.E5M2) are found by a type switch,
// any other type through reflect, once, and then cached, so that no
// per-call path pays for reflection.

import (
	"reflect"
	"slices"
	"strconv"
	"sync"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/float8"
	"github.com/x448/float16"
)

// Kind is the machine representation of an element type: what
// conversions and byte swaps must do with it. int, uint and uintptr map to
// the fixed-size kind of the same size.
type Kind uint8

// The kinds.
const (
	Other    Kind = iota // pointer-free, but not a scalar: a struct or an array
	Pointers             // holds pointers: never reinterpreted as bytes
	Bool
	Int8
	Int16
	Int32
	Int64
	Uint8
	Uint16
	Uint32
	Uint64
	Float16
	Float32
	Float64
	Complex64
	Complex128
	// The narrow storage floats (semantics.md §26): ndview moves them as
	// any element, and Convert converts them through float32. Kinds from
	// BFloat16 on are narrow (IsNarrow).
	BFloat16
	Float8E4M3FN
	Float8E5M2
)

// IsNarrow reports whether k is one of the narrow storage floats, which
// Convert takes through float32.
func (k Kind) IsNarrow() bool { return k >= BFloat16 }

// Info holds what ndview needs to know about an element type. Infos are
// shared and never modified.
type Info struct {
	Kind    Kind
	Size    int    // bytes
	Align   int    // bytes
	Format  string // the PEP 3118 code NDView.Format returns
	HasBool bool   // holds a bool, whose byte Go requires to be 0 or 1
}

// MadeFrom reports whether values of this type may be made from the
// memory of values of type src without a check: the type holds no bool,
// whose byte must be 0 or 1 (Go compilers rely on it, for instance to drop
// bounds checks), or src is the same type, or both are bools.
func (t *Info) MadeFrom(src *Info) bool {
	return !t.HasBool || t == src || t.Kind == Bool && src.Kind == Bool
}

// BytesOK reports whether values of the type may be seen as raw bytes:
// the type holds no pointers and has a nonzero size.
func (t *Info) BytesOK() bool { return t.Kind != Pointers && t.Size > 0 }

// SwapUnit returns the size of the units a byte swap reverses (the whole
// item, or each half of a complex number) and whether the type can be
// swapped at all: scalars can, structs, arrays and pointers cannot.
func (t *Info) SwapUnit() (int, bool) {
	switch t.Kind {
	case Other, Pointers:
		return 0, false
	case Complex64, Complex128:
		return t.Size / 2, true
	}
	return t.Size, true
}

// Infos of the predeclared types, found without reflection.
var (
	infoBool       = newTypeInfo(reflect.TypeFor[bool]())
	infoInt        = newTypeInfo(reflect.TypeFor[int]())
	infoInt8       = newTypeInfo(reflect.TypeFor[int8]())
	infoInt16      = newTypeInfo(reflect.TypeFor[int16]())
	infoInt32      = newTypeInfo(reflect.TypeFor[int32]())
	infoInt64      = newTypeInfo(reflect.TypeFor[int64]())
	infoUint       = newTypeInfo(reflect.TypeFor[uint]())
	infoUint8      = newTypeInfo(reflect.TypeFor[uint8]())
	infoUint16     = newTypeInfo(reflect.TypeFor[uint16]())
	infoUint32     = newTypeInfo(reflect.TypeFor[uint32]())
	infoUint64     = newTypeInfo(reflect.TypeFor[uint64]())
	infoUintptr    = newTypeInfo(reflect.TypeFor[uintptr]())
	infoFloat16    = newTypeInfo(reflect.TypeFor[float16.Float16]())
	infoFloat32    = newTypeInfo(reflect.TypeFor[float32]())
	infoFloat64    = newTypeInfo(reflect.TypeFor[float64]())
	infoComplex64  = newTypeInfo(reflect.TypeFor[complex64]())
	infoComplex128 = newTypeInfo(reflect.TypeFor[complex128]())
	infoBFloat16   = newTypeInfo(reflect.TypeFor[bfloat16.BFloat16]())
	infoE4M3FN     = newTypeInfo(reflect.TypeFor[float8.E4M3FN]())
	infoE5M2       = newTypeInfo(reflect.TypeFor[float8.E5M2]())
)

// typeInfos caches the infos of other types, keyed by reflect.Type.
var typeInfos sync.Map

// InfoOf returns the facts about T. It does not allocate: predeclared types
// are matched by a type switch, and any other type is looked up in a cache
// filled through reflect on first use.
func InfoOf[T any]() *Info {
	switch any((*T)(nil)).(type) {
	case *float32:
		return infoFloat32
	case *float64:
		return infoFloat64
	case *uint8:
		return infoUint8
	case *float16.Float16:
		return infoFloat16
	case *int:
		return infoInt
	case *int8:
		return infoInt8
	case *int16:
		return infoInt16
	case *int32:
		return infoInt32
	case *int64:
		return infoInt64
	case *uint:
		return infoUint
	case *uint16:
		return infoUint16
	case *uint32:
		return infoUint32
	case *uint64:
		return infoUint64
	case *uintptr:
		return infoUintptr
	case *complex64:
		return infoComplex64
	case *complex128:
		return infoComplex128
	case *bool:
		return infoBool
	case *bfloat16.BFloat16:
		return infoBFloat16
	case *float8.E4M3FN:
		return infoE4M3FN
	case *float8.E5M2:
		return infoE5M2
	}
	return cachedInfo(reflect.TypeFor[T]())
}

// cachedInfo returns the cached info of t, computing it on first use.
func cachedInfo(t reflect.Type) *Info {
	if i, ok := typeInfos.Load(t); ok {
		return i.(*Info)
	}
	i, _ := typeInfos.LoadOrStore(t, newTypeInfo(t))
	return i.(*Info)
}

// newTypeInfo computes the facts about t through reflect.
func newTypeInfo(t reflect.Type) *Info {
	info := &Info{Size: int(t.Size()), Align: t.Align(), HasBool: hasBool(t)}
	kinds := [...]struct {
		kind Kind
		code string
	}{
		reflect.Bool:       {Bool, "?"},
		reflect.Int:        {intKind(t.Size()), "n"},
		reflect.Int8:       {Int8, "b"},
		reflect.Int16:      {Int16, "h"},
		reflect.Int32:      {Int32, "i"},
		reflect.Int64:      {Int64, "q"},
		reflect.Uint:       {intKind(t.Size()) + Uint8 - Int8, "N"},
		reflect.Uint8:      {Uint8, "B"},
		reflect.Uint16:     {Uint16, "H"},
		reflect.Uint32:     {Uint32, "I"},
		reflect.Uint64:     {Uint64, "Q"},
		reflect.Uintptr:    {intKind(t.Size()) + Uint8 - Int8, "N"},
		reflect.Float32:    {Float32, "f"},
		reflect.Float64:    {Float64, "d"},
		reflect.Complex64:  {Complex64, "Zf"},
		reflect.Complex128: {Complex128, "Zd"},
	}
	switch k := t.Kind(); {
	case t == reflect.TypeFor[float16.Float16]():
		info.Kind, info.Format = Float16, "e"
	case t == reflect.TypeFor[bfloat16.BFloat16]():
		// No struct or PEP 3118 code exists for the narrow floats: their
		// formats are the names NumPy's ml_dtypes and PyTorch give them.
		info.Kind, info.Format = BFloat16, "bfloat16"
	case t == reflect.TypeFor[float8.E4M3FN]():
		info.Kind, info.Format = Float8E4M3FN, "float8_e4m3fn"
	case t == reflect.TypeFor[float8.E5M2]():
		info.Kind, info.Format = Float8E5M2, "float8_e5m2"
	case hasPointers(t):
		info.Kind, info.Format = Pointers, "O"
	case int(k) < len(kinds) && kinds[k].code != "":
		info.Kind, info.Format = kinds[k].kind, kinds[k].code
	default:
		info.Kind, info.Format = Other, "V"+strconv.Itoa(info.Size)
	}
	return info
}

// intKind returns the signed kind of an integer of size bytes.
func intKind(size uintptr) Kind {
	switch size {
	case 1:
		return Int8
	case 2:
		return Int16
	case 4:
		return Int32
	}
	return Int64
}

// holds reports whether values of t hold a value of a kind in kinds,
// directly or inside arrays and structs.
func holds(t reflect.Type, kinds ...reflect.Kind) bool {
	switch k := t.Kind(); k {
	case reflect.Array:
		return t.Len() > 0 && holds(t.Elem(), kinds...)
	case reflect.Struct:
		for i := range t.NumField() {
			if holds(t.Field(i).Type, kinds...) {
				return true
			}
		}
		return false
	default:
		return slices.Contains(kinds, k)
	}
}

// hasPointers reports whether values of t hold references to memory:
// pointers, unsafe.Pointer, and the headers of strings, slices, maps,
// channels, functions and interfaces. Such values must never be seen as
// bytes, nor made from them.
func hasPointers(t reflect.Type) bool {
	return holds(t, reflect.Pointer, reflect.UnsafePointer, reflect.Map, reflect.Slice,
		reflect.String, reflect.Chan, reflect.Func, reflect.Interface)
}

// hasBool reports whether values of t hold a bool.
func hasBool(t reflect.Type) bool { return holds(t, reflect.Bool) }
