package ndview

import "github.com/ndkit/ndkit/ndview/internal/mem"

// Element formats (semantics.md C4, C5, M1): the PEP 3118 / struct-module code
// of an element type, the parser for such codes and for NumPy dtype
// strings, and the per-type facts (kind, size, alignment, whether the type
// holds pointers) that casts, conversions and byte views rely on.
//
// Facts about a type are computed once: the predeclared numeric types and
// float16.Float16 are found by a type switch, any other type through
// reflect, once, and then cached, so that no per-call path pays for
// reflection.

import (
	"encoding/binary"
	"strconv"
)

// Numeric is the constraint of element types that Convert converts by
// value: Go's integer, floating-point and complex kinds, including named
// types defined over them, and float16.Float16.
//
// float16.Float16 is defined over uint16, so it is in this type set through
// ~uint16; Convert recognises that exact type and converts it as an IEEE
// half-precision float, never as its bits. Any other type defined over
// uint16 (including one defined over float16.Float16) is an integer.
type Numeric interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 | ~complex64 | ~complex128
}

// Format returns the format code of v's element type (memoryview.format),
// in the notation of Python's struct module and PEP 3118, native order and
// sizes:
//
//	b int8    B uint8 (byte)    h int16   H uint16
//	i int32   I uint32          q int64   Q uint64
//	n int     N uint, uintptr   e float16.Float16
//	f float32 d float64         ? bool
//	Zf complex64                Zd complex128
//
// Named types take the code of their underlying type (a type defined over
// float64 is "d"), except that float16.Float16 is "e". int64 is "q", never
// NumPy's native "l". Other pointer-free types (structs, arrays) are
// "V<size>", NumPy's opaque void type of that many bytes: [4]uint8 is "V4".
// Types holding pointers (strings, slices, maps, pointers, channels,
// functions, interfaces, and structs or arrays containing them) are "O",
// NumPy's object code; they cannot be cast or seen as bytes.
func (v NDView[T]) Format() string { return mem.InfoOf[T]().Format }

// FormatOf returns the format code of T, as NDView[T].Format does.
func FormatOf[T any]() string { return mem.InfoOf[T]().Format }

// Kind classifies the items of a format: bool, signed or unsigned
// integer, float, complex, bytes or opaque bytes. ArrayEqual classifies
// element values by the same kinds.
type Kind uint8

// The kinds of a FormatSpec.
const (
	KindInvalid Kind = iota // the zero Kind; never returned by ParseFormat
	KindBool                // ? and b1: one byte, 0 or 1
	KindInt                 // signed integers: b h i l q n, i1 i2 i4 i8
	KindUint                // unsigned integers: B H I L Q N P, u1 u2 u4 u8
	KindFloat               // IEEE floats: e f d, f2 f4 f8
	KindComplex             // pairs of floats: Zf Zd, c8 c16
	KindBytes               // byte strings: c (one byte), S<n>
	KindVoid                // opaque bytes: V<n>
	// The narrow storage floats of semantics.md §26, by the names FormatOf
	// gives them (no struct or NumPy code exists): bfloat16 (2 bytes),
	// float8_e4m3fn and float8_e5m2 (1 byte).
	KindBFloat16
	KindFloat8E4M3FN
	KindFloat8E5M2
)

// String returns the kind's name, such as "int" or "float".
func (k Kind) String() string {
	names := [...]string{"invalid", "bool", "int", "uint", "float", "complex", "bytes", "void",
		"bfloat16", "float8_e4m3fn", "float8_e5m2"}
	if int(k) < len(names) {
		return names[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// FormatSpec is a parsed item format: its kind, its size in bytes and the
// byte order of its items.
type FormatSpec struct {
	Kind Kind
	Size int
	// ByteOrder is binary.NativeEndian for native order ('@', '=', '|' or
	// no prefix), binary.LittleEndian for '<' and binary.BigEndian for '>'
	// and '!'. It is never nil.
	ByteOrder binary.ByteOrder
}

// IsNative reports whether items in format f are laid out as Go lays out a
// value of the same kind and size on this machine: their order is native,
// or they are single bytes, or they have no byte order (KindBytes,
// KindVoid). Items of a non-native format must be decoded (DecodeBytes), or
// byte-swapped in place (ByteSwap), before they are read as Go values.
func (f FormatSpec) IsNative() bool {
	if f.Size <= 1 || f.Kind == KindBytes || f.Kind == KindVoid {
		return true
	}
	return isLittle(f.ByteOrder) == isLittle(binary.NativeEndian)
}

// String returns f as a NumPy dtype string: "<f4", ">i2", "|u1", "|b1",
// "<c16", "|S5", "|V16". Native order is written as this machine's order.
// The narrow floats, which have no NumPy code, are written by name, with
// the byte order for bfloat16: "<bfloat16", "float8_e4m3fn".
func (f FormatSpec) String() string {
	order := ">"
	if f.ByteOrder == nil || isLittle(f.ByteOrder) {
		order = "<"
	}
	if name, ok := narrowNames[f.Kind]; ok {
		if f.Size <= 1 {
			return name
		}
		return order + name
	}
	codes := [...]string{KindBool: "b", KindInt: "i", KindUint: "u", KindFloat: "f",
		KindComplex: "c", KindBytes: "S", KindVoid: "V"}
	if f.Kind == KindInvalid || int(f.Kind) >= len(codes) {
		return "invalid"
	}
	if f.Size <= 1 || f.Kind == KindBytes || f.Kind == KindVoid {
		order = "|"
	}
	return order + codes[f.Kind] + strconv.Itoa(f.Size)
}

// isLittle reports whether order is little-endian.
func isLittle(order binary.ByteOrder) bool {
	return order.Uint16(littleProbe[:]) == 1
}

var littleProbe = [2]byte{1, 0}

// ParseFormat parses an item format, as Python's struct module and PEP
// 3118 write it or as NumPy writes a dtype string (semantics.md C4, C5).
//
// Struct codes are one code with an optional byte-order prefix:
//
//	@ or none  native order and native sizes
//	=          native order, standard sizes
//	<          little-endian, standard sizes
//	> and !    big-endian, standard sizes
//
// The codes are b B h H i I l L q Q n N P e f d ? c Zf Zd, and the names
// bfloat16, float8_e4m3fn and float8_e5m2 of the narrow floats of
// semantics.md §26 (FormatOf's; no code exists for them). Native sizes are
// those of 64-bit Unix: l, L, n, N and P are 8 bytes. Standard sizes are
// those of the struct module: l and L are 4, and n, N and P are illegal.
//
// NumPy dtype strings are an optional prefix (<, >, = or |), a kind letter
// and a size: i1 i2 i4 i8, u1 u2 u4 u8, f2 f4 f8, c8 c16, b1 (bool), S<n>
// (byte strings) and V<n> (opaque bytes). So "<f4", ">i2", "|u1", "f2" and
// "c16" are accepted; "|" means "order not applicable", read as native.
//
// ParseFormat returns an error wrapping ErrType, naming what was wrong, for
// anything else (an unknown code, a size NumPy has no type for, a count
// such as "2h", a second prefix).
func ParseFormat(s string) (FormatSpec, error) {
	body := s
	prefix := byte('@')
	if len(body) > 0 {
		switch body[0] {
		case '@', '=', '<', '>', '!', '|':
			prefix, body = body[0], body[1:]
		}
	}
	spec := FormatSpec{ByteOrder: binary.NativeEndian}
	switch prefix {
	case '<':
		spec.ByteOrder = binary.LittleEndian
	case '>', '!':
		spec.ByteOrder = binary.BigEndian
	}
	if kind, ok := narrowKinds[body]; ok {
		if prefix == '|' {
			return FormatSpec{}, errorf("ParseFormat", ErrType, "format %q: the '|' prefix belongs to NumPy dtype strings", s)
		}
		spec.Kind, spec.Size = kind, narrowSizes[kind]
		return spec, nil
	}
	// A NumPy dtype string: a kind letter followed by a decimal size.
	if len(body) >= 2 && body[1] >= '0' && body[1] <= '9' {
		return parseDtype(s, body, spec)
	}
	if prefix == '|' {
		return FormatSpec{}, errorf("ParseFormat", ErrType,
			"format %q: the '|' prefix belongs to NumPy dtype strings such as \"|u1\"", s)
	}
	native := prefix == '@'
	var kind Kind
	size := 0
	switch body {
	case "b":
		kind, size = KindInt, 1
	case "B":
		kind, size = KindUint, 1
	case "h":
		kind, size = KindInt, 2
	case "H":
		kind, size = KindUint, 2
	case "i":
		kind, size = KindInt, 4
	case "I":
		kind, size = KindUint, 4
	case "l", "L":
		kind, size = KindInt, 4
		if body == "L" {
			kind = KindUint
		}
		if native {
			size = nativeLong
		}
	case "q":
		kind, size = KindInt, 8
	case "Q":
		kind, size = KindUint, 8
	case "n", "N", "P":
		if !native {
			return FormatSpec{}, errorf("ParseFormat", ErrType,
				"format %q: %q is only valid with native sizes ('@' or no prefix)", s, body)
		}
		kind, size = KindUint, strconv.IntSize/8
		if body == "n" {
			kind = KindInt
		}
	case "e":
		kind, size = KindFloat, 2
	case "f":
		kind, size = KindFloat, 4
	case "d":
		kind, size = KindFloat, 8
	case "?":
		kind, size = KindBool, 1
	case "c":
		kind, size = KindBytes, 1
	case "Zf":
		kind, size = KindComplex, 8
	case "Zd":
		kind, size = KindComplex, 16
	default:
		return FormatSpec{}, errorf("ParseFormat", ErrType,
			"unknown format %q: want one struct code (b B h H i I l L q Q n N P e f d ? c Zf Zd) with an optional prefix @ = < > !, or a NumPy dtype string such as \"<f4\"", s)
	}
	spec.Kind, spec.Size = kind, size
	return spec, nil
}

// The narrow floats' names (FormatOf's), kinds and sizes.
var (
	narrowKinds = map[string]Kind{"bfloat16": KindBFloat16, "float8_e4m3fn": KindFloat8E4M3FN, "float8_e5m2": KindFloat8E5M2}
	narrowNames = map[Kind]string{KindBFloat16: "bfloat16", KindFloat8E4M3FN: "float8_e4m3fn", KindFloat8E5M2: "float8_e5m2"}
	narrowSizes = map[Kind]int{KindBFloat16: 2, KindFloat8E4M3FN: 1, KindFloat8E5M2: 1}
)

// nativeLong is the size of C's long with native sizes: 8 on 64-bit Unix
// (LP64), 4 on 32-bit platforms.
const nativeLong = strconv.IntSize / 8

// parseDtype parses the NumPy dtype string body (kind letter and size) of s.
func parseDtype(s, body string, spec FormatSpec) (FormatSpec, error) {
	n, err := strconv.Atoi(body[1:])
	if err != nil || n <= 0 || body[1] == '0' {
		return FormatSpec{}, errorf("ParseFormat", ErrType, "dtype %q: the size after %q must be a positive decimal number", s, body[:1])
	}
	ok := false
	switch body[0] {
	case 'b':
		spec.Kind, ok = KindBool, n == 1
	case 'i':
		spec.Kind, ok = KindInt, n == 1 || n == 2 || n == 4 || n == 8
	case 'u':
		spec.Kind, ok = KindUint, n == 1 || n == 2 || n == 4 || n == 8
	case 'f':
		spec.Kind, ok = KindFloat, n == 2 || n == 4 || n == 8
	case 'c':
		spec.Kind, ok = KindComplex, n == 8 || n == 16
	case 'S':
		spec.Kind, ok = KindBytes, true
	case 'V':
		spec.Kind, ok = KindVoid, true
	default:
		return FormatSpec{}, errorf("ParseFormat", ErrType,
			"dtype %q: unknown kind %q; want one of b i u f c S V", s, body[:1])
	}
	if !ok {
		return FormatSpec{}, errorf("ParseFormat", ErrType, "dtype %q: no %s type has %d bytes", s, spec.Kind, n)
	}
	spec.Size = n
	return spec, nil
}
