package ndview

import "github.com/ndkit/ndkit/ndview/internal/mem"

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

type rgba [4]uint8

type halfAlias float16.Float16

func TestFormat(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"int8", Zeros[int8](1).Format(), "b"},
		{"uint8", Zeros[uint8](1).Format(), "B"},
		{"byte", FromString("x").Format(), "B"},
		{"int16", Zeros[int16](1).Format(), "h"},
		{"uint16", Zeros[uint16](1).Format(), "H"},
		{"int32", Zeros[int32](1).Format(), "i"},
		{"uint32", Zeros[uint32](1).Format(), "I"},
		{"int64", Zeros[int64](1).Format(), "q"},
		{"uint64", Zeros[uint64](1).Format(), "Q"},
		{"int", Zeros[int](1).Format(), "n"},
		{"uint", Zeros[uint](1).Format(), "N"},
		{"uintptr", Zeros[uintptr](1).Format(), "N"},
		{"float16", Zeros[float16.Float16](1).Format(), "e"},
		{"float32", Zeros[float32](1).Format(), "f"},
		{"float64", Zeros[float64](1).Format(), "d"},
		{"bool", Zeros[bool](1).Format(), "?"},
		{"complex64", Zeros[complex64](1).Format(), "Zf"},
		{"complex128", Zeros[complex128](1).Format(), "Zd"},
		{"named float32", Zeros[celsius](1).Format(), "f"},
		{"named uint16", Zeros[count](1).Format(), "H"},
		{"named float16 is its bits", Zeros[halfAlias](1).Format(), "H"},
		{"array", Zeros[rgba](1).Format(), "V4"},
		{"struct", Zeros[pixel](1).Format(), "V4"},
		{"struct of floats", FormatOf[struct{ X, Y, Z float64 }](), "V24"},
		{"string", Zeros[string](1).Format(), "O"},
		{"pointer", FormatOf[*int](), "O"},
		{"struct with pointer", FormatOf[withPointer](), "O"},
		{"interface", FormatOf[any](), "O"},
		{"empty struct", FormatOf[struct{}](), "V0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got)
		})
	}
}

// formatRoundTrip checks that ParseFormat reads Format's code of T back as
// T's size.
func formatRoundTrip[T any](t *testing.T, kind Kind) {
	t.Helper()
	code := FormatOf[T]()
	spec, err := ParseFormat(code)
	require.NoError(t, err, "ParseFormat(%q)", code)
	assert.Equal(t, kind, spec.Kind, "ParseFormat(%q).Kind", code)
	assert.Equal(t, mem.Sizeof[T](), spec.Size, "ParseFormat(%q).Size", code)
	assert.True(t, spec.IsNative())
}

func TestFormatRoundTrip(t *testing.T) {
	formatRoundTrip[int8](t, KindInt)
	formatRoundTrip[uint8](t, KindUint)
	formatRoundTrip[int16](t, KindInt)
	formatRoundTrip[uint16](t, KindUint)
	formatRoundTrip[int32](t, KindInt)
	formatRoundTrip[uint32](t, KindUint)
	formatRoundTrip[int64](t, KindInt)
	formatRoundTrip[uint64](t, KindUint)
	formatRoundTrip[int](t, KindInt)
	formatRoundTrip[uint](t, KindUint)
	formatRoundTrip[uintptr](t, KindUint)
	formatRoundTrip[float16.Float16](t, KindFloat)
	formatRoundTrip[float32](t, KindFloat)
	formatRoundTrip[float64](t, KindFloat)
	formatRoundTrip[complex64](t, KindComplex)
	formatRoundTrip[complex128](t, KindComplex)
	formatRoundTrip[bool](t, KindBool)
	formatRoundTrip[rgba](t, KindVoid)
}

func TestParseFormat(t *testing.T) {
	native, little, big := binary.ByteOrder(binary.NativeEndian), binary.ByteOrder(binary.LittleEndian), binary.ByteOrder(binary.BigEndian)
	tests := []struct {
		in    string
		kind  Kind
		size  int
		order binary.ByteOrder
		str   string // the NumPy dtype string, "" to skip (native order)
	}{
		// struct codes, native sizes
		{"b", KindInt, 1, native, "|i1"},
		{"B", KindUint, 1, native, "|u1"},
		{"@h", KindInt, 2, native, ""},
		{"H", KindUint, 2, native, ""},
		{"i", KindInt, 4, native, ""},
		{"I", KindUint, 4, native, ""},
		{"l", KindInt, 8, native, ""},
		{"@L", KindUint, 8, native, ""},
		{"q", KindInt, 8, native, ""},
		{"Q", KindUint, 8, native, ""},
		{"n", KindInt, 8, native, ""},
		{"N", KindUint, 8, native, ""},
		{"P", KindUint, 8, native, ""},
		{"e", KindFloat, 2, native, ""},
		{"f", KindFloat, 4, native, ""},
		{"d", KindFloat, 8, native, ""},
		{"?", KindBool, 1, native, "|b1"},
		{"c", KindBytes, 1, native, "|S1"},
		{"Zf", KindComplex, 8, native, ""},
		{"Zd", KindComplex, 16, native, ""},
		// prefixes and standard sizes
		{"=l", KindInt, 4, native, ""},
		{"<l", KindInt, 4, little, "<i4"},
		{">L", KindUint, 4, big, ">u4"},
		{"!q", KindInt, 8, big, ">i8"},
		{"<i", KindInt, 4, little, "<i4"},
		{">i", KindInt, 4, big, ">i4"},
		{"<e", KindFloat, 2, little, "<f2"},
		{">Zd", KindComplex, 16, big, ">c16"},
		{"=?", KindBool, 1, native, "|b1"},
		// NumPy dtype strings
		{"<f4", KindFloat, 4, little, "<f4"},
		{">i2", KindInt, 2, big, ">i2"},
		{"|u1", KindUint, 1, native, "|u1"},
		{"f2", KindFloat, 2, native, ""},
		{"c16", KindComplex, 16, native, ""},
		{"<c8", KindComplex, 8, little, "<c8"},
		{">f8", KindFloat, 8, big, ">f8"},
		{"|b1", KindBool, 1, native, "|b1"},
		{"i8", KindInt, 8, native, ""},
		{"=u4", KindUint, 4, native, ""},
		{"|S5", KindBytes, 5, native, "|S5"},
		{"|V16", KindVoid, 16, native, "|V16"},
		{"V3", KindVoid, 3, native, "|V3"},
		// the narrow floats of semantics.md §26, by FormatOf's names
		{"bfloat16", KindBFloat16, 2, native, ""},
		{"<bfloat16", KindBFloat16, 2, little, "<bfloat16"},
		{">bfloat16", KindBFloat16, 2, big, ">bfloat16"},
		{"float8_e4m3fn", KindFloat8E4M3FN, 1, native, "float8_e4m3fn"},
		{"=float8_e5m2", KindFloat8E5M2, 1, native, "float8_e5m2"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			spec, err := ParseFormat(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.kind, spec.Kind, "ParseFormat(%q).Kind", tt.in)
			assert.Equal(t, tt.size, spec.Size, "ParseFormat(%q).Size", tt.in)
			assert.Equal(t, tt.order, spec.ByteOrder, "ParseFormat(%q).ByteOrder", tt.in)
			if tt.str != "" {
				assert.Equal(t, tt.str, spec.String(), "ParseFormat(%q).String()", tt.in)
			}
		})
	}
	for _, bad := range []string{"", "x", "2h", "hh", "<<f", "|f", "<n", "=N", ">P", "!n",
		"f3", "f16", "b2", "u0", "u01", "i3", "c4", "Zx", "Z", "V0", "S0", "q8", "<", "@", "f4x", "i+4", "i-4"} {
		t.Run("bad "+bad, func(t *testing.T) {
			_, err := ParseFormat(bad)
			assert.ErrorIs(t, err, ErrType, "ParseFormat(%q)", bad)
		})
	}
}

func TestFormatSpecNative(t *testing.T) {
	nativeLittle := isLittle(binary.NativeEndian)
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"<f4", nativeLittle},
		{">f4", !nativeLittle},
		{"=f4", true},
		{"f", true},
		{">u1", true},
		{"|S8", true},
		{">V8", true},
		{"!h", !nativeLittle},
	} {
		spec, err := ParseFormat(tt.in)
		require.NoError(t, err)
		assert.Equal(t, tt.want, spec.IsNative(), "ParseFormat(%q).IsNative()", tt.in)
	}
	native := FormatSpec{Kind: KindFloat, Size: 4, ByteOrder: binary.NativeEndian}
	if nativeLittle {
		assert.Equal(t, "<f4", native.String())
	} else {
		assert.Equal(t, ">f4", native.String())
	}
	assert.Equal(t, "invalid", FormatSpec{}.String())
	assert.Equal(t, "float", KindFloat.String())
	assert.Equal(t, "Kind(99)", Kind(99).String())
}
