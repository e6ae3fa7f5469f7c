package kernels

import "math"

// The Go twins of the vector kernels of package simd (simd/gen/transc.go,
// semantics.md §32): the same float64 operations in the same order, with
// math.FMA where a kernel fuses a multiplication and an addition and an
// explicit float64 conversion where it does not (so that no compiler fuses
// them), so that a twin gives a kernel's bits on every architecture. In
// their fast ranges they compute; outside they return what glibc does,
// through package math or this package's fixes. A float32 is computed as
// its float64 value and rounded once. The constants must change with the
// generator's.

const (
	shift52 = 0x1.8p52 // 1.5·2⁵²: x + shift52 rounds x to an integer in the low bits
	ln2Hi   = 0x1.62e42fefa39efp-1
	ln2Lo   = 0x1.abc9e3b39803fp-56
	pio2a   = 0x1.921fb54442d18p+0 // π/2 in three parts
	pio2b   = 0x1.1a62633145c07p-54
	pio2c   = -0x1.f1976b7ed8fbcp-110
	sinMax  = 0x1p20 * pio2a

	logSqrtHalf = 0x3fe6a09e667f3bcd // the bits of √½
	logOne      = 0x3ff0000000000000
	ln2HiLog    = 6.93147180369123816490e-01 // fdlibm's ln 2 in two parts
	ln2LoLog    = 1.90821492927058770002e-10
)

// expPoly is the Taylor polynomial of e^r to degree 13, 1/k!.
var expPoly = func() (c [14]float64) {
	f := 1.0
	for k := range c {
		if k > 0 {
			f *= float64(k)
		}
		c[k] = 1 / f
	}
	return c
}()

// exp2Poly are the coefficients of 2^r to degree 13, (ln 2)^k/k!.
var exp2Poly = func() (c [14]float64) {
	c[0] = 1
	for k := 1; k < len(c); k++ {
		c[k] = c[k-1] * math.Ln2 / float64(k)
	}
	return c
}()

// taylor returns sign·1/k! for k = from, from+2, …, to, the signs
// alternating.
func taylor(from, to int, sign float64) []float64 {
	var c []float64
	for k := from; k <= to; k += 2 {
		f := 1.0
		for j := 2; j <= k; j++ {
			f *= float64(j)
		}
		c = append(c, sign/f)
		sign = -sign
	}
	return c
}

var (
	sinPoly = [8]float64(taylor(3, 17, -1)) // sin r = r + r³·S(r²)
	cosPoly = [9]float64(taylor(2, 18, -1)) // cos r = 1 + r²·C(r²)
	logOdd  = [4]float64{6.666666666666735130e-01, 2.857142874366239149e-01, 1.818357216161805012e-01, 1.479819860511658591e-01}
	logEven = [3]float64{3.999999999940941908e-01, 2.222219843214978396e-01, 1.531383769920937332e-01}
)

// horner returns c[0] + r·(c[1] + r·(…)), each step one FMA, as the
// kernels' horner.
func horner(r float64, c []float64) float64 {
	p := c[len(c)-1]
	for k := len(c) - 2; k >= 0; k-- {
		p = math.FMA(r, p, c[k])
	}
	return p
}

// Exp returns e^x: within 1 ulp of the correctly rounded result where
// −708.3 ≤ x ≤ 709.7 (§32 VT3), math.Exp elsewhere.
//
// Near overflow, where math.Exp on amd64 returns +Inf for x above about
// 709.70 (e^709.78 is 1.797e308, finite), Exp scales by 2^(k−1) and
// doubles.
func Exp(x float64) float64 {
	if x >= -708.3 && x <= 709.7 {
		p, k := expCore(x)
		return math.Float64frombits(math.Float64bits(p) + k<<52)
	}
	if x > 709.7 && x < 709.8 {
		p, k := expCore(x)
		return 2 * math.Float64frombits(math.Float64bits(p)+(k-1)<<52)
	}
	return math.Exp(x)
}

// expCore returns e^r and k (in its low bits) of x = k·ln 2 + r.
func expCore(x float64) (p float64, k uint64) {
	t := math.FMA(x, math.Log2E, shift52)
	kd := t - shift52
	r := math.FMA(-kd, ln2Hi, x)
	r = math.FMA(-kd, ln2Lo, r)
	return horner(r, expPoly[:]), math.Float64bits(t)
}

// LogF returns ln x as fdlibm's log computes it, and for subnormals,
// zeros, negative numbers, infinities and NaN as Log does.
func LogF(x float64) float64 {
	if !(x >= 0x1p-1022 && x <= math.MaxFloat64) {
		return Log(x)
	}
	return logCore(x)
}

// logCore returns ln x for a positive normal x as fdlibm: k·ln2hi −
// ((hf − (s·hr + k·ln2lo)) − f).
func logCore(x float64) float64 {
	kd, f, hf, s, hr := logParts(x)
	lo := math.FMA(s, hr, float64(kd*ln2LoLog))
	hf = hf - lo - f
	return float64(kd*ln2HiLog) - hf
}

// logParts returns fdlibm's parts of ln x for a positive normal x: x =
// 2^k·m with √½ ≤ m < √2, f = m − 1, hf = f²/2, s = f/(2+f) and hr = f²/2
// + R(s²), so that ln m = f − (hf − s·hr).
func logParts(x float64) (kd, f, hf, s, hr float64) {
	u := math.Float64bits(x) + (logOne - logSqrtHalf)
	kd = math.Float64frombits(u>>52|0x4330000000000000) - (0x1p52 + 1023)
	m := math.Float64frombits(u&(1<<52-1) + logSqrtHalf)
	f = m - 1
	s = f / (f + 2)
	z := s * s
	w := z * z
	t1 := float64(horner(w, logOdd[:]) * z)
	t2 := float64(horner(w, logEven[:]) * w)
	r := t1 + t2
	hf = float64(f * f * 0.5)
	return kd, f, hf, s, hf + r
}

// Log2F returns log₂ x = k + ln(m)·log₂e (one FMA, exact at powers of
// two) for positive normal x, and Log2 elsewhere: within 2 ulp (§32 VT3).
func Log2F(x float64) float64 {
	if !(x >= 0x1p-1022 && x <= math.MaxFloat64) {
		return Log2(x)
	}
	kd, f, hf, s, hr := logParts(x)
	lnm := f - (hf - float64(s*hr))
	return math.FMA(math.Log2E, lnm, kd)
}

// Log1pF returns ln(1 + x) = ln u + (x − (u − 1))/u with u = 1 + x
// rounded, with the sign of x, for −1 + 2⁻⁵³ ≤ x ≤ MaxFloat64, and
// math.Log1p elsewhere (−Inf at −1, NaN below, +Inf, NaN).
func Log1pF(x float64) float64 {
	if !(x >= -1+0x1p-53 && x <= math.MaxFloat64) {
		return math.Log1p(x)
	}
	u := 1 + x
	c := (x - (u - 1)) / u
	y := logCore(u) + c
	return math.Float64frombits(math.Float64bits(y) | math.Float64bits(x)&(1<<63))
}

// Exp2F returns 2^x = 2^k·2^r, k = round(x), r = x − k, for −1021.5 ≤ x
// ≤ 1023.49, and math.Exp2 elsewhere.
func Exp2F(x float64) float64 {
	if !(x >= -1021.5 && x <= 1023.49) {
		return math.Exp2(x)
	}
	t := x + shift52
	kd := t - shift52
	p := horner(x-kd, exp2Poly[:])
	return math.Float64frombits(math.Float64bits(p) + math.Float64bits(t)<<52)
}

// Expm1F returns e^x − 1 for −708.3 ≤ x ≤ 709 as the kernels do
// (expm1Core), and math.Expm1 elsewhere.
func Expm1F(x float64) float64 {
	if !(x >= -708.3 && x <= 709) {
		return math.Expm1(x)
	}
	return expm1Core(x)
}

// expm1Core returns e^x − 1 = 2^k·(e^r − 1) + (2^k − 1), one FMA, with
// x = k·ln 2 + r, e^r − 1 = r + r²·Q(r), and the sign of x.
func expm1Core(x float64) float64 {
	t := math.FMA(x, math.Log2E, shift52)
	kd := t - shift52
	r := math.FMA(-kd, ln2Hi, x)
	r = math.FMA(-kd, ln2Lo, r)
	p := math.FMA(float64(r*r), horner(r, expPoly[2:]), r)
	sc := math.Float64frombits(math.Float64bits(t)<<52 + logOne)
	y := math.FMA(sc, p, sc-1)
	return math.Float64frombits(math.Float64bits(y) | math.Float64bits(x)&(1<<63))
}

// TanhF returns tanh x = −t/(t + 2), t = e^(−2|x|) − 1 (expm1Core), with
// the sign of x, for |x| ≤ 22, and math.Tanh (±1, NaN) elsewhere.
func TanhF(x float64) float64 {
	if !(math.Abs(x) <= 22) {
		return math.Tanh(x)
	}
	t := expm1Core(-2 * math.Abs(x))
	y := t / (t + 2)
	return math.Float64frombits(math.Float64bits(y)&^(1<<63) | math.Float64bits(x)&(1<<63))
}

// SinF returns sin x, reduced by π/2 in three parts where |x| ≤ 2²⁰·π/2
// and by Sin (fdlibm's and math/big's reductions) elsewhere.
func SinF(x float64) float64 {
	if !(math.Abs(x) <= sinMax) {
		return Sin(x)
	}
	return sinCos(x, 0, math.Float64bits(x))
}

// CosF returns cos x, as SinF.
func CosF(x float64) float64 {
	if !(math.Abs(x) <= sinMax) {
		return Cos(x)
	}
	return sinCos(x, 1, 0)
}

// sinCos returns sin(|x| + q0·π/2) with its sign flipped by the sign bit
// of sign, for |x| ≤ sinMax.
func sinCos(x float64, q0, sign uint64) float64 {
	ax := math.Abs(x)
	t := math.FMA(ax, 2/math.Pi, shift52)
	qd := t - shift52
	r := math.FMA(-qd, pio2a, ax)
	r = math.FMA(-qd, pio2b, r)
	r = math.FMA(-qd, pio2c, r)
	q := math.Float64bits(t) + q0
	z := r * r
	rz := z * r
	y := math.FMA(rz, horner(z, sinPoly[:]), r)
	if q&1 != 0 {
		y = math.FMA(z, horner(z, cosPoly[:]), 1)
	}
	return math.Float64frombits(math.Float64bits(y) ^ (q<<62^sign)&(1<<63))
}
