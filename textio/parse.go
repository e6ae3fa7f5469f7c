package textio

// Field parsers (semantics.md TX4-TX6): one function per element type,
// chosen once per call, that turns the bytes of one field into a value and
// reports whether they were a valid number of that type as NumPy 1.24's
// loadtxt reads it.

import (
	"bytes"
	"fmt"
	"math"
	"strconv"

	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// fieldParser parses one field (already stripped of surrounding blanks).
type fieldParser[T any] func(b []byte) (T, bool)

// parserFor returns the parser of T and NumPy's name of its dtype. It
// panics with ndview.ErrType for a type defined over a predeclared one
// (other than float16.Float16), which has no parser.
func parserFor[T ndview.NumericOrBool](op string) (fieldParser[T], string) {
	var z T
	var p any
	var name string
	switch any(z).(type) {
	case float64:
		p, name = fieldParser[float64](parseF64), "float64"
	case float32:
		p, name = fieldParser[float32](parseF32), "float32"
	case float16.Float16:
		p, name = fieldParser[float16.Float16](parseF16), "float16"
	case complex128:
		p, name = fieldParser[complex128](parseC128), "complex128"
	case complex64:
		p, name = fieldParser[complex64](parseC64), "complex64"
	case bool:
		p, name = fieldParser[bool](parseBool), "bool"
	case int:
		p, name = fieldParser[int](intParser[int](strconv.IntSize)), "int64"
	case int8:
		p, name = fieldParser[int8](intParser[int8](8)), "int8"
	case int16:
		p, name = fieldParser[int16](intParser[int16](16)), "int16"
	case int32:
		p, name = fieldParser[int32](intParser[int32](32)), "int32"
	case int64:
		p, name = fieldParser[int64](intParser[int64](64)), "int64"
	case uint:
		p, name = fieldParser[uint](uintParser[uint](strconv.IntSize)), "uint64"
	case uint8:
		p, name = fieldParser[uint8](uintParser[uint8](8)), "uint8"
	case uint16:
		p, name = fieldParser[uint16](uintParser[uint16](16)), "uint16"
	case uint32:
		p, name = fieldParser[uint32](uintParser[uint32](32)), "uint32"
	case uint64:
		p, name = fieldParser[uint64](uintParser[uint64](64)), "uint64"
	case uintptr:
		p, name = fieldParser[uintptr](uintParser[uintptr](strconv.IntSize)), "uintp"
	default:
		panic(&ndview.Error{Op: op, Err: ndview.ErrType,
			Msg: fmt.Sprintf("element type %T has no text parser; use a predeclared numeric type, bool or float16.Float16", z)})
	}
	return p.(fieldParser[T]), name
}

// isHex reports whether a field starts like a hexadecimal number (0x...,
// -0x...), which strconv accepts as a float and NumPy does not.
func isHex(b []byte) bool {
	i := 0
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		i = 1
	}
	return len(b) > i+1 && b[i] == '0' && b[i+1]|0x20 == 'x'
}

// parseFloat parses b as a float of bitSize bits: what Python's float()
// accepts (decimal digits, an exponent, nan, inf, infinity in any case,
// with an optional sign, but no hexadecimal and no underscores); values
// too large become ±Inf and values too
// small 0, as in NumPy.
func parseFloat(b []byte, bitSize int) (float64, bool) {
	if len(b) == 0 || isHex(b) || bytes.IndexByte(b, '_') >= 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(b), bitSize)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			if len(b) == 4 && (b[0] == '-' || b[0] == '+') && bytes.EqualFold(b[1:], []byte("nan")) {
				return math.NaN(), true // Python reads -nan and +nan; strconv does not
			}
			return 0, false
		}
	}
	return f, true
}

func parseF64(b []byte) (float64, bool) { return parseFloat(b, 64) }

func parseF32(b []byte) (float32, bool) {
	f, ok := parseFloat(b, 32)
	return float32(f), ok
}

// parseF16 parses b as a double and rounds it once to half precision;
// values beyond the range become ±Inf, as in NumPy.
func parseF16(b []byte) (float16.Float16, bool) {
	f, ok := parseFloat(b, 64)
	return f64ToF16(f), ok
}

// f64ToF16 rounds a double to the nearest half (ties to even) with one
// rounding: the double is first rounded to float32 towards zero with the
// last bit set when inexact (round to odd), which float32 → float16
// rounding then turns into the correctly rounded half.
func f64ToF16(f float64) float16.Float16 {
	f32 := float32(f)
	if !math.IsInf(float64(f32), 0) && float64(f32) != f && !math.IsNaN(f) {
		bits := math.Float32bits(f32)
		if math.Abs(float64(f32)) > math.Abs(f) {
			bits-- // towards zero: same sign, smaller magnitude
		}
		f32 = math.Float32frombits(bits | 1)
	}
	return float16.Fromfloat32(f32)
}

// parseComplex parses NumPy's complex syntax: a real number, an imaginary
// number ending in j, or both joined by + or - (1+2j, -1.5e3-2j, 2j), all
// optionally in parentheses. Only a lower-case j is accepted, as in NumPy.
func parseComplex(b []byte, bitSize int) (complex128, bool) {
	n := len(b)
	if n == 0 || isHex(b) || bytes.IndexByte(b, '_') >= 0 {
		return 0, false
	}
	var buf [64]byte
	if n > len(buf) {
		return 0, false
	}
	copy(buf[:], b)
	s := buf[:n]
	inner := s
	if n >= 2 && s[0] == '(' && s[n-1] == ')' {
		inner = s[1 : n-1]
	}
	if m := len(inner); m > 0 && inner[m-1]|0x20 == 'i' {
		return 0, false // Go's imaginary unit; NumPy knows only j
	}
	if m := len(inner); m > 0 && inner[m-1] == 'j' {
		if m == 1 || inner[m-2] == '+' || inner[m-2] == '-' || inner[m-2] == '(' {
			return 0, false // "j", "1+j": NumPy wants a number before j
		}
		inner[m-1] = 'i'
	}
	c, err := strconv.ParseComplex(string(s), bitSize)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return 0, false
		}
	}
	return c, true
}

func parseC128(b []byte) (complex128, bool) { return parseComplex(b, 128) }

func parseC64(b []byte) (complex64, bool) {
	c, ok := parseComplex(b, 64)
	return complex64(c), ok
}

// parseBool parses an integer and reports whether it is non-zero, as
// NumPy parses bool fields: "0", "1", "2", "-0"; "True" and "1.0" are
// refused.
func parseBool(b []byte) (bool, bool) {
	if len(b) == 0 {
		return false, false
	}
	i, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return true, true
		}
		return false, false
	}
	return i != 0, true
}

// intParser parses decimal integers with an optional sign that fit in
// bits bits.
func intParser[T ~int | ~int8 | ~int16 | ~int32 | ~int64](bits int) fieldParser[T] {
	return func(b []byte) (T, bool) {
		if len(b) == 0 {
			return 0, false
		}
		i, err := strconv.ParseInt(string(b), 10, bits)
		return T(i), err == nil
	}
}

// uintParser parses decimal integers with an optional + sign that fit in
// bits bits.
func uintParser[T ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr](bits int) fieldParser[T] {
	return func(b []byte) (T, bool) {
		if len(b) > 0 && b[0] == '+' {
			b = b[1:]
		}
		if len(b) == 0 {
			return 0, false
		}
		u, err := strconv.ParseUint(string(b), 10, bits)
		return T(u), err == nil
	}
}
