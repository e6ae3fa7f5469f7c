package ndview

import (
	"github.com/ndkit/ndkit/ndview/internal/errs"
	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// Casting is NumPy's casting= rule: which conversions of element type
// AsTypeCasting and CanCast allow (semantics.md A5).
type Casting uint8

// The casting rules, from the most permissive.
const (
	// CastingUnsafe allows every conversion: NumPy's default for astype.
	CastingUnsafe Casting = iota
	// CastingSameKind allows safe conversions and conversions within a
	// kind (float64 to float32, int64 to int8), with the kinds ordered
	// bool < unsigned integer < signed integer < float < complex, as
	// NumPy's same_kind does.
	CastingSameKind
	// CastingSafe allows only conversions that keep every value.
	CastingSafe
	// CastingEquiv and CastingNo allow only the same type: Go types have
	// no byte-order variants, so the two rules agree.
	CastingEquiv
	CastingNo
)

// String returns NumPy's name of the rule, such as "same_kind".
func (c Casting) String() string {
	switch c {
	case CastingUnsafe:
		return "unsafe"
	case CastingSameKind:
		return "same_kind"
	case CastingSafe:
		return "safe"
	case CastingEquiv:
		return "equiv"
	case CastingNo:
		return "no"
	}
	return "Casting(" + itoa(int(c)) + ")"
}

// CanCast reports whether a conversion from T to U is allowed under
// casting: NumPy's np.can_cast(T, U, casting) for the element types Go
// and NumPy share (semantics.md A5). float16.Float16 is NumPy's float16.
func CanCast[U, T any](casting Casting) bool {
	return canCast(mem.InfoOf[T]().Kind, mem.InfoOf[U]().Kind, casting)
}

// kindOrder ranks the kinds of numbers as NumPy's same_kind rule does, and
// gives a kind's size in bytes: bool < unsigned < signed < float < complex.
func kindOrder(k mem.Kind) (order, size int) {
	switch {
	case k == mem.Bool:
		return 0, 1
	case k >= mem.Uint8 && k <= mem.Uint64:
		return 1, 1 << (k - mem.Uint8)
	case k >= mem.Int8 && k <= mem.Int64:
		return 2, 1 << (k - mem.Int8)
	case k >= mem.Float16 && k <= mem.Float64:
		return 3, 2 << (k - mem.Float16)
	case k == mem.Complex64 || k == mem.Complex128:
		return 4, 8 << (k - mem.Complex64)
	}
	return -1, 0
}

func canCast(from, to mem.Kind, casting Casting) bool {
	if from == to || casting == CastingUnsafe {
		return true
	}
	fo, fs := kindOrder(from)
	tk, ts := kindOrder(to)
	switch {
	case fo < 0 || tk < 0 || casting >= CastingEquiv:
		return false
	case casting == CastingSameKind && fo <= tk:
		return true
	}
	// Safe: every value of from is a value of to.
	switch {
	case fo == 0:
		return true
	case tk < fo:
		return false
	case fo == tk:
		return ts >= fs
	case tk == 2: // unsigned into signed needs a wider type
		return ts > fs
	case tk == 3: // integers into floats: float16 holds 8-bit ones, float32 16-bit, float64 all
		return fs <= map[int]int{2: 1, 4: 2, 8: 8}[ts]
	case fo <= 2: // integers into complex, as into its parts
		return fs <= map[int]int{8: 2, 16: 8}[ts]
	default: // floats into complex
		return fs <= ts/2
	}
}

// AsType returns v converted element by element to U, in a new
// C-contiguous array of v's shape: NumPy's v.astype(U) (casting="unsafe"),
// with ConvertInto's value rules. It allocates only the result.
func AsType[U, T Numeric](v NDView[T]) NDView[U] {
	dst := Zeros[U](v.lay.Shape()...)
	ConvertInto(dst, v)
	return dst
}

// AsTypeCasting is AsType under a casting rule: NumPy's v.astype(U,
// casting=casting). It returns an error wrapping ErrType, naming both
// types and the rule, when the rule does not allow the conversion from T
// to U (see CanCast), and allocates nothing then.
func AsTypeCasting[U, T Numeric](v NDView[T], casting Casting) (NDView[U], error) {
	if !CanCast[U, T](casting) {
		return NDView[U]{}, errs.Errorf("AsType", ErrType, "cannot cast array data from %T to %T according to the rule '%s'",
			*new(T), *new(U), casting)
	}
	return AsType[U](v), nil
}
