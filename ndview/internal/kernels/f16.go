package kernels

// IEEE half precision (semantics.md C6): the float16 helpers of the
// conversion kernels and of ndview's half-precision paths. They are
// hand-written: the table is built once, and the rounding functions work
// on bits.

import (
	"math"
	"sync"

	"github.com/x448/float16"
)

// F16Table maps every float16 bit pattern to its float32 value, as
// x448/float16 converts it (exactly; NaNs keep sign and payload and become
// quiet). It is built on first use, from x448/float16 itself: 65,536
// conversions, about 0.15 ms here, paid only by programs that convert float16
// (ndview's BenchmarkF16Table).
var F16Table = sync.OnceValue(func() *[1 << 16]float32 {
	t := new([1 << 16]float32)
	for i := range t {
		t[i] = float16.Frombits(uint16(i)).Float32()
	}
	return t
})

// F32ToF16 returns the float16 bits nearest to f, ties to even: the result
// of x448/float16's Fromfloat32, computed without its per-bit loops.
func F32ToF16(f float32) uint16 {
	u := math.Float32bits(f)
	sign := uint16(u>>16) & 0x8000
	a := u & 0x7fffffff
	switch {
	case a > 0x7f800000: // NaN: keep the leading payload bits, set quiet
		return sign | 0x7e00 | uint16(a>>13)&0x3ff
	case a >= 0x477ff000: // 65520 and above, Inf: overflow to Inf
		return sign | 0x7c00
	case a < 0x38800000: // below 2^-14: a half subnormal or zero
		// Adding 0.5, whose float32 ulp is 2^-24 (the half subnormal
		// step), rounds |f| to that step, ties to even; the low bits of
		// the sum count the steps.
		return sign | uint16(math.Float32bits(float32(math.Float32frombits(a)+0.5))-0x3f000000)
	}
	// Normal: rebias the exponent (127 to 15) and round the 23-bit
	// fraction to 10 bits, ties to even; a carry moves into the exponent.
	return sign | uint16((a+0xfff+(a>>13)&1-0x38000000)>>13)
}

// F64ToF16 returns the float16 bits nearest to f, ties to even, rounding
// once (not through float32). NaN keeps its sign and leading payload bits
// and becomes quiet, as a float64 to float32 to float16 conversion would.
func F64ToF16(f float64) uint16 {
	u := math.Float64bits(f)
	sign := uint16(u>>48) & 0x8000
	a := u &^ (1 << 63)
	switch {
	case a > 0x7ff0000000000000: // NaN
		return sign | 0x7e00 | uint16(a>>42)&0x3ff
	case a >= 0x40effe0000000000: // 65520 and above, Inf
		return sign | 0x7c00
	case a < 0x3f10000000000000: // below 2^-14
		// 2^28 has a float64 ulp of 2^-24, the half subnormal step.
		return sign | uint16(math.Float64bits(float64(math.Float64frombits(a)+0x1p28))-0x41b0000000000000)
	}
	return sign | uint16((a+(1<<41-1)+(a>>42)&1-1008<<52)>>42)
}
