// Package bfloat16 is the brain floating-point storage type: the upper 16
// bits of an IEEE 754 binary32 (1 sign bit, 8 exponent bits, 7 fraction
// bits), as PyTorch's torch.bfloat16, TensorFlow's tf.bfloat16 and the
// BF16 dtype of safetensors store it (semantics.md §26).
//
// BFloat16 is a storage type: it converts to float32 exactly and from
// float32 rounding to the nearest value, ties to even. ndview.Convert
// converts whole views of it to and from every numeric type, through
// float32. The package depends on nothing but the standard library, so
// that ndview's memory layer can know the type.
package bfloat16

import (
	"math"

	"github.com/ndkit/ndkit/internal/floatfmt"
)

// BFloat16 holds the bits of a bfloat16 value: the upper half of the bits
// of a float32. Its zero value is +0. It is a float, not an integer: use
// Float32 to compute with it. A type defined over uint16 is in ndview's
// Numeric set; ndview.Convert recognises this exact type and converts it
// as a float (semantics.md SF2).
type BFloat16 uint16

// Special values.
const (
	PosInf            BFloat16 = 0x7f80 // +Inf
	NegInf            BFloat16 = 0xff80 // -Inf
	NaN               BFloat16 = 0x7fc0 // the quiet NaN PyTorch's scalar conversion gives
	Max               BFloat16 = 0x7f7f // the largest finite value, 3.3895314e38
	SmallestNormal    BFloat16 = 0x0080 // 2^-126
	SmallestSubnormal BFloat16 = 0x0001 // 2^-133
)

// FromBits returns the BFloat16 whose bits are u.
func FromBits(u uint16) BFloat16 { return BFloat16(u) }

// Bits returns the bits of b.
func (b BFloat16) Bits() uint16 { return uint16(b) }

// Float32 returns the value of b, exactly: its bits followed by 16 zero
// bits. A NaN keeps its sign and payload.
func (b BFloat16) Float32() float32 { return math.Float32frombits(uint32(b) << 16) }

// Float64 returns the value of b, exactly.
func (b BFloat16) Float64() float64 { return float64(b.Float32()) }

// FromFloat32 returns the BFloat16 nearest to f, ties to even, as
// PyTorch's float32 to bfloat16 conversion rounds: values beyond the
// largest finite bfloat16 by half an ulp or more become ±Inf, subnormals
// round like normals (the formats share their exponent range), and -0
// stays -0. A NaN stays a NaN with its sign and the leading 7 bits of its
// payload, made quiet (semantics.md SF1; PyTorch gives 0x7fc0 instead).
func FromFloat32(f float32) BFloat16 {
	u := math.Float32bits(f)
	if u&0x7fffffff > 0x7f800000 {
		return BFloat16(u>>16 | 0x40)
	}
	return BFloat16((u + 0x7fff + (u>>16)&1) >> 16)
}

// FromFloat64 returns f rounded to float32 and then to bfloat16, as
// PyTorch's float64 to bfloat16 conversion does (semantics.md SF1): two
// roundings, so that a value just above a tie in float64 can round down
// where a single rounding would round up. Use FromFloat64Exact for one
// rounding.
func FromFloat64(f float64) BFloat16 { return FromFloat32(float32(f)) }

// FromFloat64Exact returns the BFloat16 nearest to f, ties to even,
// rounding once. A NaN keeps its sign and the leading bits of its payload,
// made quiet, as FromFloat64 keeps them.
func FromFloat64Exact(f float64) BFloat16 {
	u := math.Float64bits(f)
	a := u &^ (1 << 63)
	sign := BFloat16(u>>48) & 0x8000
	switch {
	case a > 0x7ff0000000000000:
		return FromFloat32(float32(f))
	case a >= 0x47eff00000000000: // Max + half an ulp and above: Inf
		return sign | PosInf
	case a < 0x3810000000000000: // below 2^-126: a subnormal or zero
		// 2^-81 has a float64 ulp of 2^-133, the bfloat16 subnormal
		// step: adding it rounds |f| to that step, ties to even, and the
		// low bits of the sum count the steps.
		return sign | BFloat16(math.Float64bits(math.Float64frombits(a)+0x1p-81)-0x3ae0000000000000)
	}
	// Normal: rebias the exponent (1023 to 127) and round the 52-bit
	// fraction to 7 bits, ties to even; a carry moves into the exponent.
	return sign | BFloat16((a+(1<<44-1)+(a>>45)&1-896<<52)>>45)
}

// IsNaN reports whether b is a NaN.
func (b BFloat16) IsNaN() bool { return b&0x7fff > 0x7f80 }

// IsInf reports whether b is an infinity, according to sign: sign > 0
// asks for +Inf, sign < 0 for -Inf, sign == 0 for either.
func (b BFloat16) IsInf(sign int) bool {
	return sign >= 0 && b == PosInf || sign <= 0 && b == NegInf
}

// Inf returns +Inf if sign >= 0, -Inf if sign < 0.
func Inf(sign int) BFloat16 {
	if sign < 0 {
		return NegInf
	}
	return PosInf
}

// String returns the shortest decimal that reads back as b (rounded to
// bfloat16, ties to even), as NumPy prints a float16 and ml_dtypes a
// bfloat16: 0.1 prints as "0.1", 1/3 as "0.334", 2^-133 as "9e-41",
// 3.3895314e38 as "3.39e+38"; also "inf", "-inf", "nan" (semantics.md
// SF3). The digits are those of strconv's shortest formatting: plain
// notation from 1e-4 to below 1e16, scientific outside, as NumPy's repr.
func (b BFloat16) String() string { return string(b.AppendFormat(nil)) }

// AppendFormat appends String's text of b to buf and returns the result.
func (b BFloat16) AppendFormat(buf []byte) []byte {
	if b.IsNaN() {
		return append(buf, "nan"...)
	}
	// 4 significant digits always suffice for 8 significant bits.
	return floatfmt.AppendShortest(buf, b.Float64(), 4, func(x float64) bool { return FromFloat64Exact(x) == b })
}
