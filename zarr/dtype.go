package zarr

import (
	"encoding/binary"
	"encoding/json"
	"math"
	"math/bits"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"github.com/ndkit/ndkit/npy"
	"github.com/x448/float16"
)

// DType is the data type of an array's elements: NumPy's kind and size
// with a byte order, as in the npy package ('<' or '>' for multi-byte
// types, '|' for one-byte ones). For Zarr v3 arrays the byte order is the
// one of the bytes codec.
type DType = npy.DType

// v3Names maps Zarr v3 data type names to kind and size.
var v3Names = map[string]DType{
	"bool": {Kind: 'b', Size: 1},
	"int8": {Kind: 'i', Size: 1}, "int16": {Kind: 'i', Size: 2}, "int32": {Kind: 'i', Size: 4}, "int64": {Kind: 'i', Size: 8},
	"uint8": {Kind: 'u', Size: 1}, "uint16": {Kind: 'u', Size: 2}, "uint32": {Kind: 'u', Size: 4}, "uint64": {Kind: 'u', Size: 8},
	"float16": {Kind: 'f', Size: 2}, "float32": {Kind: 'f', Size: 4}, "float64": {Kind: 'f', Size: 8},
	"complex64": {Kind: 'c', Size: 8}, "complex128": {Kind: 'c', Size: 16},
}

// v3Name returns the Zarr v3 name of d's kind and size.
func v3Name(d DType) string {
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

// hostOrder is the byte order of the host, '<' or '>'.
var hostOrder = func() byte {
	var b [2]byte
	binary.NativeEndian.PutUint16(b[:], 1)
	if b[0] == 1 {
		return '<'
	}
	return '>'
}()

var float16Type = reflect.TypeFor[float16.Float16]()

// dtypeOf returns the kind and size of T, and false when T is not an
// element type Zarr can hold.
func dtypeOf[T any]() (DType, bool) {
	t := reflect.TypeFor[T]()
	d := DType{Size: int(t.Size()), Order: hostOrder}
	if d.Size == 1 {
		d.Order = '|'
	}
	if t == float16Type {
		d.Kind = 'f'
		return d, true
	}
	switch t.Kind() {
	case reflect.Bool:
		if t != reflect.TypeFor[bool]() {
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
	return d, true
}

// checkType returns an error wrapping ErrDType unless T has d's kind and
// size.
func checkType[T any](op, path string, d DType) error {
	want, ok := dtypeOf[T]()
	if !ok {
		return errorf(op, path, ErrDType, "element type %s cannot hold Zarr data; use bool, an integer, float16.Float16, a float or a complex type", reflect.TypeFor[T]())
	}
	if want.Kind != d.Kind || want.Size != d.Size {
		return errorf(op, path, ErrDType, "array data type %s (%s) does not match element type %s (%s)",
			d.String(), v3Name(d), reflect.TypeFor[T](), v3Name(want))
	}
	return nil
}

// asBytes returns the memory of s as bytes, without copying.
func asBytes[T any](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(s[0])))
}

// swapBytes reverses the bytes of each size-byte element of b in place.
func swapBytes(b []byte, size int) {
	switch size {
	case 2:
		for i := 0; i+2 <= len(b); i += 2 {
			binary.LittleEndian.PutUint16(b[i:], bits.ReverseBytes16(binary.LittleEndian.Uint16(b[i:])))
		}
	case 4:
		for i := 0; i+4 <= len(b); i += 4 {
			binary.LittleEndian.PutUint32(b[i:], bits.ReverseBytes32(binary.LittleEndian.Uint32(b[i:])))
		}
	case 8:
		for i := 0; i+8 <= len(b); i += 8 {
			binary.LittleEndian.PutUint64(b[i:], bits.ReverseBytes64(binary.LittleEndian.Uint64(b[i:])))
		}
	}
}

// toNative converts element bytes of dtype d (in place) to the host's byte
// order; complex numbers swap each half.
func toNative(b []byte, d DType) {
	if d.Order == '|' || d.Order == hostOrder {
		return
	}
	n := d.Size
	if d.Kind == 'c' {
		n /= 2
	}
	swapBytes(b, n)
}

// normalizeBools makes every byte of b 0 or 1, as Go requires of bools.
func normalizeBools(b []byte) {
	for i, c := range b {
		if c > 1 {
			b[i] = 1
		}
	}
}

// parseFill decodes a JSON fill value for dtype d into the element's bytes
// in the host's byte order. null gives zero bytes and ok false (v2: no fill
// value). Floats accept numbers, "NaN", "Infinity", "-Infinity" and, in v3,
// hex strings "0x..." of the raw bits; complex numbers are [re, im].
func parseFill(raw json.RawMessage, d DType) (fill []byte, ok bool, err error) {
	fill = make([]byte, d.Size)
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return fill, false, nil
	}
	switch d.Kind {
	case 'b':
		switch s {
		case "true", "1":
			fill[0] = 1
		case "false", "0":
		default:
			return nil, false, errorf("", "", ErrFormat, "fill_value %s is not a bool", clip(s))
		}
	case 'i', 'u':
		var x int64
		var u uint64
		var perr error
		if d.Kind == 'i' {
			x, perr = strconv.ParseInt(s, 10, 8*d.Size)
			u = uint64(x)
		} else {
			u, perr = strconv.ParseUint(s, 10, 8*d.Size)
		}
		if perr != nil {
			// Integers written as floats ("0.0") by some writers.
			f, ferr := strconv.ParseFloat(s, 64)
			if ferr != nil || f != math.Trunc(f) {
				return nil, false, errorf("", "", ErrFormat, "fill_value %s is not a %s", clip(s), v3Name(d))
			}
			if d.Kind == 'i' {
				x, perr = strconv.ParseInt(strconv.FormatFloat(f, 'f', -1, 64), 10, 8*d.Size)
				u = uint64(x)
			} else {
				u, perr = strconv.ParseUint(strconv.FormatFloat(f, 'f', -1, 64), 10, 8*d.Size)
			}
			if perr != nil {
				return nil, false, errorf("", "", ErrFormat, "fill_value %s does not fit %s", clip(s), v3Name(d))
			}
		}
		putUint(fill, u)
	case 'f':
		if err := putFloat(fill, s, d.Size); err != nil {
			return nil, false, err
		}
	case 'c':
		var parts []json.RawMessage
		if json.Unmarshal(raw, &parts) != nil || len(parts) != 2 {
			return nil, false, errorf("", "", ErrFormat, "fill_value %s of a complex type must be [real, imag]", clip(s))
		}
		h := d.Size / 2
		for i, p := range parts {
			if err := putFloat(fill[i*h:(i+1)*h], strings.TrimSpace(string(p)), h); err != nil {
				return nil, false, err
			}
		}
	}
	return fill, true, nil
}

// putUint stores the low len(b) bytes of u in b, in the host's order.
func putUint(b []byte, u uint64) {
	var t [8]byte
	binary.NativeEndian.PutUint64(t[:], u)
	if hostOrder == '<' {
		copy(b, t[:len(b)])
	} else {
		copy(b, t[8-len(b):])
	}
}

// putFloat parses a JSON float fill value into b (size 2, 4 or 8 bytes).
func putFloat(b []byte, s string, size int) error {
	var f float64
	var hex uint64
	isHex := false
	switch s {
	case `"NaN"`:
		f = math.NaN()
	case `"Infinity"`:
		f = math.Inf(1)
	case `"-Infinity"`:
		f = math.Inf(-1)
	default:
		if strings.HasPrefix(s, `"0x`) && strings.HasSuffix(s, `"`) && len(s) == 2*size+4 {
			h, err := strconv.ParseUint(s[3:len(s)-1], 16, 8*size)
			if err != nil {
				return errorf("", "", ErrFormat, "fill_value %s is not a hex float of %d bytes", clip(s), size)
			}
			hex, isHex = h, true
			break
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return errorf("", "", ErrFormat, "fill_value %s is not a number, \"NaN\", \"Infinity\" or \"-Infinity\"", clip(s))
		}
		f = v
	}
	var u uint64
	switch {
	case isHex:
		u = hex
	case size == 2:
		u = uint64(float16.Fromfloat32(float32(f)).Bits())
	case size == 4:
		u = uint64(math.Float32bits(float32(f)))
	default:
		u = math.Float64bits(f)
	}
	putUint(b, u)
	return nil
}

// fillJSON encodes the fill value bytes (host order) of dtype d as JSON,
// as zarr-python writes it.
func fillJSON(fill []byte, d DType) json.RawMessage {
	get := func(b []byte) uint64 {
		var t [8]byte
		if hostOrder == '<' {
			copy(t[:], b)
		} else {
			copy(t[8-len(b):], b)
		}
		return binary.NativeEndian.Uint64(t[:])
	}
	flt := func(b []byte) string {
		var f float64
		switch len(b) {
		case 2:
			f = float64(float16.Frombits(uint16(get(b))).Float32())
		case 4:
			f = float64(math.Float32frombits(uint32(get(b))))
		default:
			f = math.Float64frombits(get(b))
		}
		bitsz := 64
		if len(b) == 4 {
			bitsz = 32
		}
		return floatJSON(f, bitsz)
	}
	switch d.Kind {
	case 'b':
		if fill[0] != 0 {
			return json.RawMessage("true")
		}
		return json.RawMessage("false")
	case 'i':
		u := get(fill)
		shift := 64 - 8*uint(d.Size)
		return json.RawMessage(strconv.FormatInt(int64(u<<shift)>>shift, 10))
	case 'u':
		return json.RawMessage(strconv.FormatUint(get(fill), 10))
	case 'f':
		return json.RawMessage(flt(fill))
	case 'c':
		h := d.Size / 2
		return json.RawMessage("[" + flt(fill[:h]) + "," + flt(fill[h:]) + "]")
	}
	return json.RawMessage("null")
}

// floatJSON writes a float as Zarr metadata does: "NaN", "Infinity",
// "-Infinity", or the shortest decimal that reads back as the same
// float of bitsz bits, with ".0" added to whole numbers.
func floatJSON(f float64, bitsz int) string {
	switch {
	case math.IsNaN(f):
		return `"NaN"`
	case math.IsInf(f, 1):
		return `"Infinity"`
	case math.IsInf(f, -1):
		return `"-Infinity"`
	}
	s := strconv.FormatFloat(f, 'g', -1, bitsz)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

// clip shortens s for messages.
func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
