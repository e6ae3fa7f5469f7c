// Package libm holds the elementary functions of glibc that NumPy's
// samplers call (exp, log, pow, log1p and the float32 expf, logf, powf,
// log1pf), written to return glibc's results bit for bit, which Go's
// package math does not (math.Pow differs in the last bit for about 40%
// of inputs, math.Exp for 14%, math.Log for 7%).
//
// glibc 2.28 and later compute exp, log, pow, expf, logf and powf with
// the table-driven algorithms of ARM's optimized-routines; on x86-64
// processors with FMA (the machines NumPy's reference values come from)
// it runs builds of them compiled with -mfma, in which GCC fuses every
// product whose only use is an addition or subtraction into one FMA. The
// functions here follow that build: each such site is an explicit
// math.FMA, every other product is rounded on its own (a product that is
// then added is written float64(x*y) + z, so that Go's compiler cannot
// fuse it either). log1p and log1pf are fdlibm's, as glibc's are.
//
// Special inputs (NaN, infinities, zeros, subnormals, overflow and
// underflow) follow glibc's results; the error signalling of errno and
// floating-point exceptions is not reproduced.
package libm

import "math"

func asuint64(x float64) uint64 { return math.Float64bits(x) }
func asdouble(u uint64) float64 { return math.Float64frombits(u) }
func asuint(x float32) uint32   { return math.Float32bits(x) }
func asfloat(u uint32) float32  { return math.Float32frombits(u) }
func top12(x float64) uint32    { return uint32(asuint64(x) >> 52) }

const (
	expTableBits = 7
	expN         = 1 << expTableBits
)

// Exp returns eˣ as glibc's exp does.
func Exp(x float64) float64 {
	abstop := top12(x) & 0x7ff
	if abstop-top12(0x1p-54) >= top12(512)-top12(0x1p-54) {
		if abstop-top12(0x1p-54) >= 0x80000000 {
			return 1.0 + x // tiny x
		}
		if abstop >= top12(1024) {
			if asuint64(x) == asuint64(math.Inf(-1)) {
				return 0
			}
			if abstop >= top12(math.Inf(1)) {
				return 1.0 + x
			}
			if asuint64(x)>>63 != 0 {
				return 0 // underflow
			}
			return math.Inf(1) // overflow
		}
		abstop = 0 // large x: specialcase below
	}
	return expInline(x, 0, false, 0, abstop == 0)
}

// expInline is exp_inline of exp.c and pow.c: exp(x + xtail), negated
// when signBias is set; hasTail adds xtail to the reduced argument as
// pow's build does.
func expInline(x, xtail float64, hasTail bool, signBias uint64, special bool) float64 {
	// x = ln2/N·k + r; kd = round(x·N/ln2) by adding Shift. GCC fuses
	// the product into the addition.
	kd := math.FMA(expInvLn2N, x, expShift)
	ki := asuint64(kd)
	kd -= expShift
	r := math.FMA(kd, expNegLn2loN, math.FMA(kd, expNegLn2hiN, x))
	if hasTail {
		r += xtail
	}
	idx := 2 * (ki % expN)
	top := (ki + signBias) << (52 - expTableBits)
	tail := asdouble(expTab[idx])
	sbits := expTab[idx+1] + top
	r2 := r * r
	// tmp = tail + r + r2·(C2 + r·C3) + r2·r2·(C4 + r·C5)
	tmp := math.FMA(r2, math.FMA(r, expPoly[1], expPoly[0]), tail+r)
	tmp = math.FMA(r2*r2, math.FMA(r, expPoly[3], expPoly[2]), tmp)
	if special {
		return expSpecial(tmp, sbits, ki, hasTail)
	}
	scale := asdouble(sbits)
	return math.FMA(scale, tmp, scale)
}

// expSpecial is specialcase of exp.c (pow selects pow.c's variant, which
// keeps the sign of a negative result).
func expSpecial(tmp float64, sbits, ki uint64, pow bool) float64 {
	if ki&0x80000000 == 0 {
		// k > 0: the exponent of scale may have overflowed by <= 460.
		sbits -= 1009 << 52
		scale := asdouble(sbits)
		return 0x1p1009 * math.FMA(scale, tmp, scale)
	}
	// k < 0: take care in the subnormal range.
	// scale·tmp has two uses here; GCC's build computes it once, unfused.
	sbits += 1022 << 52
	scale := asdouble(sbits)
	st := scale * tmp
	y := scale + st
	if math.Abs(y) < 1.0 && (pow || y < 1.0) {
		one := 1.0
		if pow && y < 0 {
			one = -1.0
		}
		lo := scale - y + st
		hi := one + y
		lo = one - hi + y + lo
		y = (hi + lo) - one
		if y == 0 {
			y = 0
			if pow {
				y = asdouble(sbits & 0x8000000000000000)
			}
		}
	}
	return 0x1p-1022 * y
}

const (
	logTableBits = 7
	logN         = 1 << logTableBits
	logOff       = 0x3fe6000000000000
)

// Log returns the natural logarithm of x as glibc's log does.
func Log(x float64) float64 {
	ix := asuint64(x)
	top := uint32(ix >> 48)
	const lo, hi = 0x3fee000000000000, 0x3ff1090000000000 // 1 − 2⁻⁴, 1 + 0x1.09p-4
	if ix-lo < hi-lo {
		if ix == asuint64(1.0) {
			return 0
		}
		return logNear1(x)
	}
	if top-0x0010 >= 0x7ff0-0x0010 {
		// x < 0x1p-1022 or inf or nan.
		if ix*2 == 0 {
			return math.Inf(-1)
		}
		if ix == asuint64(math.Inf(1)) {
			return x
		}
		if top&0x8000 != 0 || top&0x7ff0 == 0x7ff0 {
			return math.NaN()
		}
		// Subnormal: normalise.
		ix = asuint64(x * 0x1p52)
		ix -= 52 << 52
	}
	tmp := ix - logOff
	i := (tmp >> (52 - logTableBits)) % logN
	k := int64(tmp) >> 52
	iz := ix - (tmp & (0xfff << 52))
	invc, logc := logTab[i][0], logTab[i][1]
	z := asdouble(iz)
	r := math.FMA(z, invc, -1.0)
	kd := float64(k)
	w := math.FMA(kd, logLn2hi, logc)
	h := w + r
	l := math.FMA(kd, logLn2lo, w-h+r)
	r2 := r * r
	a := &logPoly
	// y = lo + r2·A0 + r·r2·(A1 + r·A2 + r2·(A3 + r·A4)) + hi
	p := math.FMA(r2, math.FMA(r, a[4], a[3]), math.FMA(r, a[2], a[1]))
	y := math.FMA(r*r2, p, math.FMA(r2, a[0], l))
	return y + h
}

// logNear1 is log's polynomial for x within 2⁻⁴ of 1.
func logNear1(x float64) float64 {
	b := &logPoly1
	r := x - 1.0
	r2 := r * r
	r3 := r * r2
	in := math.FMA(r3, b[10], math.FMA(r2, b[9], math.FMA(r, b[8], b[7])))
	mid := math.FMA(r3, in, math.FMA(r2, b[6], math.FMA(r, b[5], b[4])))
	out := math.FMA(r3, mid, math.FMA(r2, b[3], math.FMA(r, b[2], b[1])))
	w := r * 0x1p27
	rhi := r + w - w
	rlo := r - rhi
	w2 := rhi * rhi // exact: rhi has at most 27 significant bits
	hi := math.FMA(w2, b[0], r)
	lo := math.FMA(w2, b[0], r-hi)
	lo = math.FMA(b[0]*rlo, rhi+r, lo)
	y := math.FMA(r3, out, lo)
	return y + hi
}

const (
	powTableBits = 7
	powN         = 1 << powTableBits
	powOff       = 0x3fe6955500000000
	signBias     = 0x800 << expTableBits
)

// Pow returns xʸ as glibc's pow does.
func Pow(x, y float64) float64 {
	var sbias uint64
	ix, iy := asuint64(x), asuint64(y)
	topx, topy := top12(x), top12(y)
	if topx-0x001 >= 0x7ff-0x001 || (topy&0x7ff)-0x3be >= 0x43e-0x3be {
		if zeroinfnan(iy) {
			if 2*iy == 0 {
				return 1.0
			}
			if ix == asuint64(1.0) {
				return 1.0
			}
			if 2*ix > 2*asuint64(math.Inf(1)) || 2*iy > 2*asuint64(math.Inf(1)) {
				return x + y
			}
			if 2*ix == 2*asuint64(1.0) {
				return 1.0
			}
			if (2*ix < 2*asuint64(1.0)) == (iy>>63 == 0) {
				return 0.0
			}
			return y * y
		}
		if zeroinfnan(ix) {
			x2 := x * x
			if ix>>63 != 0 && checkint(iy) == 1 {
				x2 = -x2
			}
			if iy>>63 != 0 {
				return 1 / x2
			}
			return x2
		}
		if ix>>63 != 0 {
			yint := checkint(iy)
			if yint == 0 {
				return math.NaN()
			}
			if yint == 1 {
				sbias = signBias
			}
			ix &= 0x7fffffffffffffff
			topx &= 0x7ff
		}
		if (topy&0x7ff)-0x3be >= 0x43e-0x3be {
			if ix == asuint64(1.0) {
				return 1.0
			}
			if topy&0x7ff < 0x3be {
				if ix > asuint64(1.0) {
					return 1.0 + y
				}
				return 1.0 - y
			}
			if (ix > asuint64(1.0)) == (topy < 0x800) {
				return math.Inf(1)
			}
			return 0
		}
		if topx == 0 {
			ix = asuint64(x * 0x1p52)
			ix &= 0x7fffffffffffffff
			ix -= 52 << 52
		}
	}
	hi, lo := powLog(ix)
	ehi := y * hi
	elo := math.FMA(y, lo, math.FMA(y, hi, -ehi))
	// exp_inline of pow.c, with its own special cases.
	abstop := top12(ehi) & 0x7ff
	if abstop-top12(0x1p-54) >= top12(512)-top12(0x1p-54) {
		if abstop-top12(0x1p-54) >= 0x80000000 {
			one := 1.0 + ehi
			if sbias != 0 {
				return -one
			}
			return one
		}
		if abstop >= top12(1024) {
			res := math.Inf(1)
			if asuint64(ehi)>>63 != 0 {
				res = 0
			}
			if sbias != 0 {
				return -res
			}
			return res
		}
		abstop = 0
	}
	return expInline(ehi, elo, true, sbias, abstop == 0)
}

// powLog is log_inline of pow.c: log(x) as hi + lo with about 15 bits
// more than a double.
func powLog(ix uint64) (float64, float64) {
	tmp := ix - powOff
	i := (tmp >> (52 - powTableBits)) % powN
	k := int64(tmp) >> 52
	iz := ix - (tmp & (0xfff << 52))
	z := asdouble(iz)
	kd := float64(k)
	invc, logc, logctail := powTab[i][0], powTab[i][1], powTab[i][2]
	r := math.FMA(z, invc, -1.0)
	t1 := math.FMA(kd, powLn2hi, logc)
	t2 := t1 + r
	lo1 := math.FMA(kd, powLn2lo, logctail)
	lo2 := t1 - t2 + r
	a := &powPoly
	ar := a[0] * r
	ar2 := r * ar
	ar3 := r * ar2
	hi := t2 + ar2
	lo3 := math.FMA(ar, r, -ar2)
	lo4 := t2 - hi + ar2
	// p = ar3·(A1 + r·A2 + ar2·(A3 + r·A4 + ar2·(A5 + r·A6)))
	q := math.FMA(ar2, math.FMA(ar2, math.FMA(r, a[6], a[5]), math.FMA(r, a[4], a[3])), math.FMA(r, a[2], a[1]))
	lo := math.FMA(ar3, q, lo1+lo2+lo3+lo4)
	y := hi + lo
	tail := hi - y + lo
	return y, tail
}

// checkint returns 0 if iy is not an integer, 1 if odd, 2 if even.
func checkint(iy uint64) int {
	e := int(iy >> 52 & 0x7ff)
	if e < 0x3ff {
		return 0
	}
	if e > 0x3ff+52 {
		return 2
	}
	if iy&(1<<(0x3ff+52-e)-1) != 0 {
		return 0
	}
	if iy&(1<<(0x3ff+52-e)) != 0 {
		return 1
	}
	return 2
}

// zeroinfnan reports whether i is the bit pattern of ±0, ±Inf or NaN.
func zeroinfnan(i uint64) bool { return 2*i-1 >= 2*asuint64(math.Inf(1))-1 }
