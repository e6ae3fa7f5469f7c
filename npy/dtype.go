package npy

import (
	"encoding/binary"
	"reflect"
	"strconv"

	"github.com/x448/float16"
)

// DType describes the element type of an array in a .npy file: NumPy's
// simple dtype strings such as "<f8" (little-endian float64), ">i4"
// (big-endian int32) or "|b1" (bool).
//
// The supported kinds and sizes, with the Go types they are read as:
//
//	b1                bool
//	i1 i2 i4 i8       int8 int16 int32 int64 (and int, which has 8 bytes)
//	u1 u2 u4 u8       uint8 uint16 uint32 uint64 (and uint)
//	f2 f4 f8          float16.Float16 (github.com/x448/float16) float32 float64
//	c8 c16            complex64 complex128
//
// Named numeric types are read as their underlying kind: a type Celsius
// float64 reads "<f8". Booleans are read as bool only.
type DType struct {
	// Kind is 'b' (boolean), 'i' (signed integer), 'u' (unsigned integer),
	// 'f' (floating point) or 'c' (complex floating point).
	Kind byte
	// Size is the size of one element in bytes.
	Size int
	// Order is the byte order: '<' little-endian, '>' big-endian, or '|'
	// (not applicable) for one-byte types.
	Order byte
}

// hostOrder is the byte order of the host, '<' or '>'.
var hostOrder = func() byte {
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], 1)
	if b[0] == 1 {
		return '<'
	}
	return '>'
}()

// String returns the dtype string NumPy writes for d, such as "<f8" or
// "|u1".
func (d DType) String() string {
	return string(d.Order) + string(d.Kind) + strconv.Itoa(d.Size)
}

// Native reports whether data of type d is in the host's byte order, so
// that it can be used without swapping bytes; one-byte types always are.
func (d DType) Native() bool { return d.Order == '|' || d.Order == hostOrder }

// Name returns NumPy's name for d's kind and size, such as "float64",
// "uint8", "complex64" or "bool" (numpy.dtype(d).name, which Zarr v3
// uses as its data type names), and "unknown" for an unsupported kind.
func (d DType) Name() string {
	switch d.Kind {
	case 'b':
		return "bool"
	case 'i':
		return "int" + strconv.Itoa(8*d.Size)
	case 'u':
		return "uint" + strconv.Itoa(8*d.Size)
	case 'f':
		return "float" + strconv.Itoa(8*d.Size)
	case 'c':
		return "complex" + strconv.Itoa(8*d.Size)
	}
	return "unknown"
}

// valid reports whether d is one of the supported kind and size pairs with
// a byte order valid for its size.
func (d DType) valid() bool {
	var ok bool
	switch d.Kind {
	case 'b':
		ok = d.Size == 1
	case 'i', 'u':
		ok = d.Size == 1 || d.Size == 2 || d.Size == 4 || d.Size == 8
	case 'f':
		ok = d.Size == 2 || d.Size == 4 || d.Size == 8
	case 'c':
		ok = d.Size == 8 || d.Size == 16
	}
	if !ok {
		return false
	}
	if d.Size == 1 {
		return d.Order == '|'
	}
	return d.Order == '<' || d.Order == '>'
}

// typeCodes maps NumPy's one-letter type codes to kind and size.
var typeCodes = map[byte]DType{
	'?': {Kind: 'b', Size: 1},
	'b': {Kind: 'i', Size: 1}, 'B': {Kind: 'u', Size: 1},
	'h': {Kind: 'i', Size: 2}, 'H': {Kind: 'u', Size: 2},
	'i': {Kind: 'i', Size: 4}, 'I': {Kind: 'u', Size: 4},
	'l': {Kind: 'i', Size: 8}, 'L': {Kind: 'u', Size: 8},
	'q': {Kind: 'i', Size: 8}, 'Q': {Kind: 'u', Size: 8},
	'e': {Kind: 'f', Size: 2}, 'f': {Kind: 'f', Size: 4}, 'd': {Kind: 'f', Size: 8},
	'F': {Kind: 'c', Size: 8}, 'D': {Kind: 'c', Size: 16},
}

// DTypeNamed returns the kind and size of the dtype NumPy names name
// ("float32", "int8", "bool", ...: the inverse of Name), with Order '|'
// for one-byte types and the host's order otherwise, and false for a name
// that is none of the supported dtypes.
func DTypeNamed(name string) (DType, bool) {
	for _, d := range typeCodes {
		if d.Name() == name {
			d.Order = hostOrder
			if d.Size == 1 {
				d.Order = '|'
			}
			return d, true
		}
	}
	return DType{}, false
}

// unsupportedKinds names the NumPy kinds this package recognises but does
// not read.
var unsupportedKinds = map[byte]string{
	'O': "object arrays hold pickled Python objects, which are not supported",
	'V': "void and structured dtypes are not supported",
	'S': "byte-string dtypes are not supported",
	'a': "byte-string dtypes are not supported",
	'U': "unicode-string dtypes are not supported",
	'M': "datetime64 dtypes are not supported",
	'm': "timedelta64 dtypes are not supported",
	'g': "long double dtypes are not supported",
	'G': "long double complex dtypes are not supported",
}

// supportedList is the list of supported dtype strings, for messages.
const supportedList = "b1 i1 u1 i2 u2 i4 u4 i8 u8 f2 f4 f8 c8 c16, with byte order '<', '>', '|' or '='"

// ParseDType parses a NumPy dtype string such as "<f8", ">i4", "|b1",
// "=u2" or "f4" (no prefix means the host's order, as does '='; '|' on a
// multi-byte type is taken as the host's order as NumPy does). One-letter
// type codes such as "<d" or "?" are accepted too. The result's Order is
// '<' or '>' for multi-byte types and '|' for one-byte types.
//
// ParseDType returns an error wrapping ErrUnsupported for dtypes NumPy
// knows but this package does not read (objects, strings, structured,
// date-time, long double), saying so, and ErrFormat for strings that are
// no dtype at all.
func ParseDType(descr string) (DType, error) { return parseDType("ParseDType", descr) }

// parseDType is ParseDType for the operation op, which its errors name:
// an error is built once, with the right Op, and never changed after.
func parseDType(op, descr string) (DType, error) {
	s := descr
	order := hostOrder
	if s != "" {
		switch s[0] {
		case '<', '>':
			order = s[0]
			s = s[1:]
		case '!':
			order = '>'
			s = s[1:]
		case '=', '|', '@':
			s = s[1:]
		}
	}
	if s == "" {
		return DType{}, errorf(op, ErrFormat, "dtype %q is empty after its byte order; supported: %s", descr, supportedList)
	}
	var d DType
	if len(s) == 1 {
		if msg, ok := unsupportedKinds[s[0]]; ok {
			return DType{}, errorf(op, ErrUnsupported, "dtype %q: %s; supported: %s", descr, msg, supportedList)
		}
		code, ok := typeCodes[s[0]]
		if !ok {
			return DType{}, errorf(op, ErrFormat, "dtype %q is not understood; supported: %s", descr, supportedList)
		}
		d = code
	} else {
		if msg, ok := unsupportedKinds[s[0]]; ok {
			return DType{}, errorf(op, ErrUnsupported, "dtype %q: %s; supported: %s", descr, msg, supportedList)
		}
		digits := s[1:]
		if len(digits) > 3 {
			return DType{}, errorf(op, ErrFormat, "dtype %q is not understood; supported: %s", descr, supportedList)
		}
		n := 0
		for i := 0; i < len(digits); i++ {
			c := digits[i]
			if c < '0' || c > '9' {
				return DType{}, errorf(op, ErrFormat, "dtype %q is not understood; supported: %s", descr, supportedList)
			}
			n = 10*n + int(c-'0')
		}
		d = DType{Kind: s[0], Size: n}
		if (d.Kind == 'f' && n == 16) || (d.Kind == 'c' && n == 32) {
			return DType{}, errorf(op, ErrUnsupported, "dtype %q: long double dtypes are not supported; supported: %s", descr, supportedList)
		}
	}
	d.Order = order
	if d.Size == 1 {
		d.Order = '|'
	}
	if !d.valid() {
		return DType{}, errorf(op, ErrFormat, "dtype %q is not understood; supported: %s", descr, supportedList)
	}
	return d, nil
}

// The Go types read from "f2" and "b1".
var (
	float16Type = reflect.TypeFor[float16.Float16]()
	boolType    = reflect.TypeFor[bool]()
)

// dtypeOf returns the dtype of T in the host's byte order, and false when
// T is not one of the supported element types.
func dtypeOf[T any]() (DType, bool) {
	t := reflect.TypeFor[T]()
	d := DType{Size: int(t.Size())}
	switch {
	case t == float16Type:
		d.Kind = 'f'
	default:
		switch t.Kind() {
		case reflect.Bool:
			if t != boolType {
				// Named bool types cannot share bool's conversions.
				return DType{}, false
			}
			d.Kind = 'b'
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			d.Kind = 'i'
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			d.Kind = 'u'
		case reflect.Float32, reflect.Float64:
			d.Kind = 'f'
		case reflect.Complex64, reflect.Complex128:
			d.Kind = 'c'
		default:
			return DType{}, false
		}
	}
	d.Order = hostOrder
	if d.Size == 1 {
		d.Order = '|'
	}
	return d, true
}

// checkDType returns an error wrapping ErrDType unless the file's dtype d
// has T's kind and size, and ErrUnsupported when T is not a supported
// element type.
func checkDType[T any](op string, d DType) error {
	want, ok := dtypeOf[T]()
	if !ok {
		return errorf(op, ErrUnsupported, "element type %s is not supported; use one of bool, int8..int64, int, uint8..uint64, uint, float16.Float16, float32, float64, complex64, complex128",
			reflect.TypeFor[T]())
	}
	if d.Kind != want.Kind || d.Size != want.Size {
		return errorf(op, ErrDType, "file dtype %q (%s) does not match element type %s (%q, %s); read it with element type %s",
			d.String(), d.Name(), reflect.TypeFor[T](), want.String(), want.Name(), goTypeName(d))
	}
	return nil
}

// goTypeName returns the Go type that reads dtype d, for messages.
func goTypeName(d DType) string {
	switch d.Kind {
	case 'b':
		return "bool"
	case 'f':
		if d.Size == 2 {
			return "float16.Float16"
		}
	}
	return d.Name()
}
