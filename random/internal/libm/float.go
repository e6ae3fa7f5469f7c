package libm

import "math"

const (
	exp2fTableBits = 5
	exp2fN         = 1 << exp2fTableBits
)

// Expf returns eˣ as glibc's expf does: computed in float64 from a
// 32-entry table of 2^(i/32) and a cubic, rounded once to float32.
func Expf(x float32) float32 {
	xd := float64(x)
	abstop := asuint(x) >> 20 & 0x7ff
	if abstop >= asuint(88.0)>>20 {
		// |x| >= 88 or x is NaN.
		if asuint(x) == asuint(float32(math.Inf(-1))) {
			return 0
		}
		if abstop >= asuint(float32(math.Inf(1)))>>20 {
			return x + x
		}
		if x > 0x1.62e42ep6 {
			return float32(math.Inf(1))
		}
		if x < -0x1.9fe368p6 {
			return 0
		}
	}
	// z = InvLn2N·xd is used by two additions: GCC fuses both.
	kd := math.FMA(exp2fInvLn2Scaled, xd, exp2fShift)
	ki := asuint64(kd)
	kd -= exp2fShift
	r := math.FMA(exp2fInvLn2Scaled, xd, -kd)
	c := &exp2fPolyScaled
	return float32(exp2fTail(r, ki, 0, c))
}

// exp2fTail evaluates s·(C0·r³ + C1·r² + C2·r + 1) for the table index
// and exponent in ki, as expf and powf's exp2_inline do.
func exp2fTail(r float64, ki uint64, sbias uint64, c *[3]float64) float64 {
	t := exp2fTab[ki%exp2fN]
	t += (ki + sbias) << (52 - exp2fTableBits)
	s := asdouble(t)
	z := math.FMA(c[0], r, c[1])
	r2 := r * r
	y := math.FMA(c[2], r, 1)
	y = math.FMA(z, r2, y)
	return y * s
}

const (
	logfTableBits = 4
	logfN         = 1 << logfTableBits
	logfOff       = 0x3f330000
)

// Logf returns the natural logarithm of x as glibc's logf does.
func Logf(x float32) float32 {
	ix := asuint(x)
	if ix == 0x3f800000 {
		return 0
	}
	if ix-0x00800000 >= 0x7f800000-0x00800000 {
		if ix*2 == 0 {
			return float32(math.Inf(-1))
		}
		if ix == 0x7f800000 {
			return x
		}
		if ix&0x80000000 != 0 || ix*2 >= 0xff000000 {
			return float32(math.NaN())
		}
		ix = asuint(x * 0x1p23)
		ix -= 23 << 23
	}
	tmp := ix - logfOff
	i := (tmp >> (23 - logfTableBits)) % logfN
	k := int32(tmp) >> 23
	iz := ix - (tmp & 0xff800000)
	invc, logc := logfTab[i][0], logfTab[i][1]
	z := float64(asfloat(iz))
	a := &logfPoly
	r := math.FMA(z, invc, -1)
	y0 := math.FMA(float64(k), logfLn2, logc)
	r2 := r * r
	y := math.FMA(a[1], r, a[2])
	y = math.FMA(a[0], r2, y)
	y = math.FMA(y, r2, y0+r)
	return float32(y)
}

const (
	powfTableBits = 4
	powfN         = 1 << powfTableBits
	powfOff       = 0x3f330000
	powfSignBias  = 1 << (exp2fTableBits + 11)
)

// Powf returns xʸ as glibc's powf does: y·log2(x) in float64, then 2^t.
func Powf(x, y float32) float32 {
	var sbias uint64
	ix, iy := asuint(x), asuint(y)
	if ix-0x00800000 >= 0x7f800000-0x00800000 || zeroinfnanf(iy) {
		if zeroinfnanf(iy) {
			if 2*iy == 0 {
				return 1
			}
			if ix == 0x3f800000 {
				return 1
			}
			if 2*ix > 2*0x7f800000 || 2*iy > 2*0x7f800000 {
				return x + y
			}
			if 2*ix == 2*0x3f800000 {
				return 1
			}
			if (2*ix < 2*0x3f800000) == (iy&0x80000000 == 0) {
				return 0
			}
			return y * y
		}
		if zeroinfnanf(ix) {
			x2 := x * x
			if ix&0x80000000 != 0 && checkintf(iy) == 1 {
				x2 = -x2
			}
			if iy&0x80000000 != 0 {
				return 1 / x2
			}
			return x2
		}
		if ix&0x80000000 != 0 {
			yint := checkintf(iy)
			if yint == 0 {
				return float32(math.NaN())
			}
			if yint == 1 {
				sbias = powfSignBias
			}
			ix &= 0x7fffffff
		}
		if ix < 0x00800000 {
			ix = asuint(x * 0x1p23)
			ix &= 0x7fffffff
			ix -= 23 << 23
		}
	}
	ylogx := float64(y) * powfLog2(ix)
	if asuint64(ylogx)>>47&0xffff >= asuint64(126.0)>>47 {
		neg := float32(1)
		if sbias != 0 {
			neg = -1
		}
		if ylogx <= -150.0 {
			return neg * 0
		}
		if ylogx > 0x1.fffffffa3aae2p+6 {
			if ylogx > 0x1.fffffffd1d571p+6 {
				return neg * float32(math.Inf(1))
			}
			// Round to nearest: the largest float32 (glibc's test of the
			// rounding mode).
			return neg * 0x1.fffffep127
		}
	}
	// exp2_inline without toint intrinsics.
	kd := ylogx + exp2fShiftScaled
	ki := asuint64(kd)
	kd -= exp2fShiftScaled
	r := ylogx - kd
	return float32(exp2fTail(r, ki, sbias, &exp2fPoly))
}

// powfLog2 is log2_inline of powf.c: log2(x) in float64.
func powfLog2(ix uint32) float64 {
	tmp := ix - powfOff
	i := (tmp >> (23 - powfTableBits)) % powfN
	top := tmp & 0xff800000
	iz := ix - top
	k := int32(top) >> 23
	invc, logc := powfTab[i][0], powfTab[i][1]
	z := float64(asfloat(iz))
	a := &powfPoly
	r := math.FMA(z, invc, -1)
	y0 := logc + float64(k)
	r2 := r * r
	y := math.FMA(a[0], r, a[1])
	p := math.FMA(a[2], r, a[3])
	r4 := r2 * r2
	q := math.FMA(a[4], r, y0)
	q = math.FMA(p, r2, q)
	return math.FMA(y, r4, q)
}

func checkintf(iy uint32) int {
	e := int(iy >> 23 & 0xff)
	if e < 0x7f {
		return 0
	}
	if e > 0x7f+23 {
		return 2
	}
	if iy&(1<<(0x7f+23-e)-1) != 0 {
		return 0
	}
	if iy&(1<<(0x7f+23-e)) != 0 {
		return 1
	}
	return 2
}

func zeroinfnanf(i uint32) bool { return 2*i-1 >= 2*0x7f800000-1 }

// fdlibm's log1pf constants, as glibc's s_log1pf.c has them.
const (
	ln2HiF float32 = 6.9313812256e-01 // 0x3f317180
	ln2LoF float32 = 9.0580006145e-06 // 0x3717f7d1
	lp1F   float32 = 6.6666668653e-01
	lp2F   float32 = 4.0000000596e-01
	lp3F   float32 = 2.8571429849e-01
	lp4F   float32 = 2.2222198546e-01
	lp5F   float32 = 1.8183572590e-01
	lp6F   float32 = 1.5313838422e-01
	lp7F   float32 = 1.4798198640e-01
)

// Log1pf returns log(1+x) as glibc's log1pf does (fdlibm's algorithm in
// float32 arithmetic, no fused operations).
func Log1pf(x float32) float32 {
	hx := int32(asuint(x))
	ax := hx & 0x7fffffff
	k := int32(1)
	var f, c float32
	var hu int32
	if hx < 0x3ed413d7 { // x < 0.41422
		if ax >= 0x3f800000 { // x <= -1.0
			if x == -1.0 {
				return float32(math.Inf(-1))
			}
			return float32(math.NaN())
		}
		if ax < 0x31000000 { // |x| < 2**-29
			if ax < 0x24800000 {
				return x
			}
			return x - float32(float32(x*x)*0.5)
		}
		if hx > 0 || hx <= int32(-0x416a09e1) { // -0.2929 < x < 0.41422; 0xbe95f61f
			k = 0
			f = x
			hu = 1
		}
	}
	if hx >= 0x7f800000 {
		return x + x
	}
	if k != 0 {
		var u float32
		if hx < 0x5a000000 {
			u = 1.0 + x
			hu = int32(asuint(u))
			k = (hu >> 23) - 127
			if k > 0 {
				c = 1.0 - (u - x)
			} else {
				c = x - (u - 1.0)
			}
			c /= u
		} else {
			u = x
			hu = int32(asuint(u))
			k = (hu >> 23) - 127
			c = 0
		}
		hu &= 0x007fffff
		if hu < 0x3504f7 {
			u = asfloat(uint32(hu | 0x3f800000))
		} else {
			k++
			u = asfloat(uint32(hu | 0x3f000000))
			hu = (0x00800000 - hu) >> 2
		}
		f = u - 1.0
	}
	hfsq := float32(float32(0.5)*f) * f
	kf := float32(k)
	if hu == 0 { // |f| < 2**-20
		if f == 0 {
			if k == 0 {
				return 0
			}
			c += float32(kf * ln2LoF)
			return float32(kf*ln2HiF) + c
		}
		R := hfsq * (1.0 - float32(float32(0.66666666666666666)*f))
		if k == 0 {
			return f - R
		}
		return float32(kf*ln2HiF) - ((R - (float32(kf*ln2LoF) + c)) - f)
	}
	s := f / (2.0 + f)
	z := s * s
	R := z * (lp1F + float32(z*(lp2F+float32(z*(lp3F+float32(z*(lp4F+float32(z*(lp5F+float32(z*(lp6F+float32(z*lp7F))))))))))))
	if k == 0 {
		return f - (hfsq - float32(s*(hfsq+R)))
	}
	return float32(kf*ln2HiF) - ((hfsq - (float32(s*(hfsq+R)) + (float32(kf*ln2LoF) + c))) - f)
}
