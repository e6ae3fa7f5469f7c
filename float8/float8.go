// Package float8 holds the two 8-bit floating-point storage types of the
// OCP 8-bit Floating Point Specification (OFP8, revision 1.0), as PyTorch
// (torch.float8_e4m3fn, torch.float8_e5m2) and safetensors (F8_E4M3,
// F8_E5M2) store them (semantics.md §26):
//
//   - E4M3FN: 1 sign, 4 exponent (bias 7), 3 fraction bits; no
//     infinities, NaN is S.1111.111; largest finite 448, smallest
//     subnormal 2^-9.
//   - E5M2: 1 sign, 5 exponent (bias 15), 2 fraction bits, IEEE 754
//     rules: ±Inf is S.11111.00, NaN S.11111.{01,10,11}; largest finite
//     57344, smallest subnormal 2^-16.
//
// Both convert to float32 exactly and from float32 rounding to the
// nearest value, ties to even, with PyTorch's rules for what does not fit
// (semantics.md SF4). ndview.Convert converts whole views of them through
// float32. The package depends on nothing but the standard library.
package float8

import (
	"math"

	"github.com/ndkit/ndkit/internal/floatfmt"
)

// E4M3FN holds the bits of an OFP8 E4M3 value (the "FN" of the name: finite
// values and NaN only, no infinities). It is a float, not an integer: use
// Float32 to compute with it.
type E4M3FN uint8

// E5M2 holds the bits of an OFP8 E5M2 value. It is a float, not an integer:
// use Float32 to compute with it.
type E5M2 uint8

// Special values.
const (
	E4M3FNMax E4M3FN = 0x7e // 448
	E4M3FNNaN E4M3FN = 0x7f // the NaN of positive sign; 0xff is the other
	E5M2Max   E5M2   = 0x7b // 57344
	E5M2Inf   E5M2   = 0x7c // +Inf; 0xfc is -Inf
	E5M2NaN   E5M2   = 0x7f // the NaN PyTorch gives (0x7d, 0x7e and the negatives are NaNs too)
)

// Tables of the float32 values of all 256 codes, decoded from the
// specification's definition (decode).
var (
	e4m3Table = decodeAll(4, 3, false)
	e5m2Table = decodeAll(5, 2, true)
)

// decodeAll returns the float32 values of the 256 codes of a format of
// ebits exponent and mbits fraction bits, bias 2^(ebits-1)-1. With ieee,
// the top exponent holds infinities (fraction 0) and NaNs; without, only
// the code of all ones (S.1…1.1…1) is a NaN and the rest of the top
// exponent holds normal numbers, as E4M3 does. NaNs are sign|0x7fc00000.
func decodeAll(ebits, mbits uint, ieee bool) *[256]float32 {
	var t [256]float32
	bias := 1<<(ebits-1) - 1
	emax := 1<<ebits - 1
	for c := range 256 {
		neg := c&0x80 != 0
		e := c >> mbits & emax
		m := c & (1<<mbits - 1)
		var v float64
		switch {
		case ieee && e == emax && m == 0:
			v = math.Inf(1)
		case ieee && e == emax, !ieee && e == emax && m == 1<<mbits-1:
			bits := uint32(0x7fc00000)
			if neg {
				bits |= 1 << 31
			}
			t[c] = math.Float32frombits(bits)
			continue
		case e == 0: // subnormal: 0.m × 2^(1-bias)
			v = math.Ldexp(float64(m), 1-bias-int(mbits))
		default: // normal: 1.m × 2^(e-bias)
			v = math.Ldexp(float64(1<<mbits|m), e-bias-int(mbits))
		}
		if neg {
			v = -v
		}
		t[c] = float32(v)
	}
	return &t
}

// Float32 returns the value of x, exactly; both NaN codes give a quiet
// float32 NaN of the same sign.
func (x E4M3FN) Float32() float32 { return e4m3Table[x] }

// Float32 returns the value of x, exactly; NaN codes give a quiet float32
// NaN of the same sign.
func (x E5M2) Float32() float32 { return e5m2Table[x] }

// Bits returns the bits of x.
func (x E4M3FN) Bits() uint8 { return uint8(x) }

// Bits returns the bits of x.
func (x E5M2) Bits() uint8 { return uint8(x) }

// IsNaN reports whether x is a NaN (0x7f or 0xff).
func (x E4M3FN) IsNaN() bool { return x&0x7f == 0x7f }

// IsNaN reports whether x is a NaN.
func (x E5M2) IsNaN() bool { return x&0x7f > 0x7c }

// IsInf reports whether x is an infinity, according to sign: sign > 0 asks
// for +Inf, sign < 0 for -Inf, sign == 0 for either.
func (x E5M2) IsInf(sign int) bool {
	return sign >= 0 && x == 0x7c || sign <= 0 && x == 0xfc
}

// E4M3FNFromFloat32 returns the E4M3FN nearest to f, ties to even, as
// PyTorch converts (c10::Float8_e4m3fn): |f| above 464 (the tie between
// 448, the largest finite value, and the NaN code, which rounds to even
// 448), ±Inf and NaN become the NaN of f's sign (0x7f, 0xff), since the
// format has no infinity; it does not saturate to ±448. -0 stays -0;
// values up to 2^-10 (a tie, to even 0) become ±0.
func E4M3FNFromFloat32(f float32) E4M3FN {
	u := math.Float32bits(f)
	sign := E4M3FN(u >> 24 & 0x80)
	u &^= 1 << 31
	switch {
	case u >= 0x43f00000: // 480, Inf, NaN
		return sign | 0x7f
	case u < 0x3c800000: // below 2^-6: subnormal or zero
		// 2^14 has a float32 ulp of 2^-9, the E4M3 subnormal step.
		return sign | E4M3FN(math.Float32bits(math.Float32frombits(u)+0x1p14)-0x46800000)
	}
	// Normal: rebias (127 to 7), round 23 fraction bits to 3, ties to even.
	return sign | E4M3FN((u+0x7ffff+(u>>20)&1-120<<23)>>20)
}

// E5M2FromFloat32 returns the E5M2 nearest to f, ties to even, as PyTorch
// converts (c10::Float8_e5m2): |f| from 61440 up (half an ulp past 57344)
// and ±Inf become ±Inf (0x7c, 0xfc); it does not saturate. NaN becomes
// 0x7f with f's sign bit (0xff for a negative NaN). -0 stays -0; values
// up to 2^-17 (a tie, to even 0) become ±0.
func E5M2FromFloat32(f float32) E5M2 {
	u := math.Float32bits(f)
	sign := E5M2(u >> 24 & 0x80)
	u &^= 1 << 31
	switch {
	case u > 0x7f800000:
		return sign | 0x7f
	case u >= 0x47800000: // 65536 and Inf
		return sign | 0x7c
	case u < 0x38800000: // below 2^-14: subnormal or zero
		// 2^7 has a float32 ulp of 2^-16, the E5M2 subnormal step.
		return sign | E5M2(math.Float32bits(math.Float32frombits(u)+0x1p7)-0x43000000)
	}
	// Normal: rebias (127 to 15), round 23 fraction bits to 2, ties to
	// even; from 61440 the carry reaches the exponent of Inf.
	return sign | E5M2((u+0xfffff+(u>>21)&1-112<<23)>>21)
}

// E4M3FNFromFloat64 returns f rounded to float32, then to E4M3FN, as
// PyTorch converts float64 (two roundings).
func E4M3FNFromFloat64(f float64) E4M3FN { return E4M3FNFromFloat32(float32(f)) }

// E5M2FromFloat64 returns f rounded to float32, then to E5M2, as PyTorch
// converts float64 (two roundings).
func E5M2FromFloat64(f float64) E5M2 { return E5M2FromFloat32(float32(f)) }

// String returns the shortest decimal that reads back as x, as NumPy
// prints a float16: "448.0", "0.002" (2^-9), "nan" (semantics.md SF3).
func (x E4M3FN) String() string {
	// A float64 rounds to float32 exactly enough here: the decimals tried
	// have at most 3 digits, far from float32 ties at 3 fraction bits.
	return string(floatfmt.AppendShortest(nil, float64(x.Float32()), 4,
		func(v float64) bool { return E4M3FNFromFloat64(v) == x }))
}

// String returns the shortest decimal that reads back as x, as NumPy
// prints a float16: "57344.0", "inf", "-inf", "nan" (semantics.md SF3).
func (x E5M2) String() string {
	return string(floatfmt.AppendShortest(nil, float64(x.Float32()), 4,
		func(v float64) bool { return E5M2FromFloat64(v) == x }))
}
