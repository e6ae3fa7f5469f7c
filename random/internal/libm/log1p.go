package libm

import "math"

// fdlibm's log1p constants, as glibc's s_log1p.c has them.
const (
	ln2Hi = 6.93147180369123816490e-01 // 3fe62e42 fee00000
	ln2Lo = 1.90821492927058770002e-10 // 3dea39ef 35793c76
	lp1   = 6.666666666666735130e-01
	lp2   = 3.999999999940941908e-01
	lp3   = 2.857142874366239149e-01
	lp4   = 2.222219843214978396e-01
	lp5   = 1.818357216161805012e-01
	lp6   = 1.531383769920937332e-01
	lp7   = 1.479819860511658591e-01
)

// Log1p returns log(1+x) as glibc's log1p does: fdlibm's algorithm with
// Shimizu's split polynomial, in glibc's FMA build (products with one
// additive use fused; s·(hfsq+R), which both branches use, rounded on its
// own). Go's math.Log1p is fdlibm's with a Horner polynomial and differs
// from it in the last bit now and then.
func Log1p(x float64) float64 {
	hx := int32(asuint64(x) >> 32)
	ax := hx & 0x7fffffff
	k := int32(1)
	var f, c float64
	var hu int32
	if hx < 0x3FDA827A { // x < 0.41422
		if ax >= 0x3ff00000 { // x <= -1.0
			if x == -1.0 {
				return math.Inf(-1)
			}
			return math.NaN()
		}
		if ax < 0x3e200000 { // |x| < 2**-29
			if ax < 0x3c900000 {
				return x
			}
			return math.FMA(-(x * x), 0.5, x)
		}
		if hx > 0 || hx <= int32(-0x402d413d) { // 0xbfd2bec3: -0.2929 < x < 0.41422
			k = 0
			f = x
			hu = 1
		}
	} else if hx >= 0x7ff00000 {
		return x + x
	}
	if k != 0 {
		var u float64
		if hx < 0x43400000 {
			u = 1.0 + x
			hu = int32(asuint64(u) >> 32)
			k = (hu >> 20) - 1023
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			u = x
			hu = int32(asuint64(u) >> 32)
			k = (hu >> 20) - 1023
			c = 0
		}
		hu &= 0x000fffff
		lo := asuint64(u) & 0xffffffff
		if hu < 0x6a09e {
			u = asdouble(uint64(uint32(hu|0x3ff00000))<<32 | lo)
		} else {
			k++
			u = asdouble(uint64(uint32(hu|0x3fe00000))<<32 | lo)
			hu = (0x00100000 - hu) >> 2
		}
		f = u - 1.0
	}
	hfsq := 0.5 * f * f
	kd := float64(k)
	if hu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c = math.FMA(kd, ln2Lo, c)
			return math.FMA(kd, ln2Hi, c)
		}
		R := hfsq * math.FMA(-0.66666666666666666, f, 1.0)
		if k == 0 {
			return f - R
		}
		return math.FMA(kd, ln2Hi, -((R - math.FMA(kd, ln2Lo, c)) - f))
	}
	s := f / (2.0 + f)
	z := s * s
	z2 := z * z
	R2 := math.FMA(z, lp3, lp2)
	z4 := z2 * z2
	R3 := math.FMA(z, lp5, lp4)
	z6 := z4 * z2
	R4 := math.FMA(z, lp7, lp6)
	R := math.FMA(z6, R4, math.FMA(z4, R3, math.FMA(z, lp1, z2*R2)))
	sp := s * (hfsq + R)
	if k == 0 {
		return f - (hfsq - sp)
	}
	return math.FMA(kd, ln2Hi, -((hfsq - (sp + math.FMA(kd, ln2Lo, c))) - f))
}
