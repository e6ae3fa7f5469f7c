package kernels

import (
	"math"
	"math/big"
)

// Float64 functions where Go's package math is not within 4 ulp of glibc
// (semantics.md §17; ndview's TestMathFixture measures every one against
// NumPy 1.24 on adversarial inputs).

// Go's math.Sin, Cos and Tan reduce x by π/4 in three float64 parts
// below 2²⁹, rounding the last product (sin(25π) was 213 ulp off), and by
// a Payne–Hanek reduction keeping 64 bits of the fraction above it
// (sin(−8.433148565326262e8) was 10⁷ ulp off, tan(5.3e255) 10¹⁴). Sin,
// Cos and Tan reduce x themselves, by π/2: as fdlibm's __ieee754_rem_pio2
// below 2²⁰·π/2 (up to three parts of π/2 of 33 bits, as many as the
// cancellation needs), exactly with math/big above; then they evaluate
// math's function on the reduced argument, in [−π/4, π/4], where it needs
// no reduction of its own. The tail of the reduced argument (below half an
// ulp of it) is dropped: it changes the result by less than an ulp.

// mediumTrig bounds the arguments reduced in float64: n·p1 is exact for
// n < 2²⁰.
const mediumTrig = 0x1p20 * math.Pi / 2

// Sin returns sin x.
func Sin(x float64) float64 {
	a := math.Abs(x)
	if !(a > math.Pi/4) || a > math.MaxFloat64 {
		return math.Sin(x) // no reduction there; NaN and ±Inf give NaN
	}
	q, r := reducePio2(a)
	switch q {
	case 0:
		r = math.Sin(r)
	case 1:
		r = math.Cos(r)
	case 2:
		r = -math.Sin(r)
	default:
		r = -math.Cos(r)
	}
	return math.Copysign(1, x) * r
}

// Cos returns cos x.
func Cos(x float64) float64 {
	a := math.Abs(x)
	if !(a > math.Pi/4) || a > math.MaxFloat64 {
		return math.Cos(x)
	}
	q, r := reducePio2(a)
	switch q {
	case 0:
		return math.Cos(r)
	case 1:
		return -math.Sin(r)
	case 2:
		return -math.Cos(r)
	}
	return math.Sin(r)
}

// Tan returns tan x. math.Tan also returns x itself for x² ≤ 1e−14,
// where tan x − x is x³/3, up to 11 ulp: tanReduced adds it.
func Tan(x float64) float64 {
	a := math.Abs(x)
	if !(a > math.Pi/4) || a > math.MaxFloat64 {
		return tanReduced(x)
	}
	q, r := reducePio2(a)
	t := tanReduced(r)
	if q&1 == 1 {
		t = -1 / t
	}
	return math.Copysign(1, x) * t
}

// tanReduced returns tan r for |r| ≤ π/4 (or NaN).
func tanReduced(r float64) float64 {
	if math.Abs(r) < 1e-7 {
		return r + r*r*r*(1.0/3) // the next term, 2r⁵/15, is below 2⁻¹⁰⁰·r
	}
	return math.Tan(r)
}

// The parts of π/2 of the float64 reduction, from piOver2 (init): p1 is
// π/2 to 33 bits, p1t = π/2 − p1 rounded; p2 is p1t to 33 bits, p2t =
// π/2 − p1 − p2; p3 and p3t likewise (fdlibm's pio2_1 … pio2_3t).
var invPio2, p1, p1t, p2, p2t, p3, p3t float64

// reducePio2 returns q = k mod 4 and r with x = k·π/2 + r, |r| ≤ π/4
// (within rounding), for finite x > π/4.
func reducePio2(x float64) (q uint, r float64) {
	if x >= mediumTrig {
		return reduceHuge(x)
	}
	fn := math.RoundToEven(x * invPio2)
	rr := x - fn*p1 // exact
	w := fn * p1t
	y := rr - w
	ex := exponent(x)
	if ex-exponent(y) > 16 { // cancellation: a second part, 118 bits
		t := rr
		w = fn * p2
		rr = t - w
		w = fn*p2t - ((t - rr) - w)
		y = rr - w
		if ex-exponent(y) > 49 { // a third, 151 bits
			t = rr
			w = fn * p3
			rr = t - w
			w = fn*p3t - ((t - rr) - w)
			y = rr - w
		}
	}
	return uint(int64(fn)) & 3, y
}

// exponent returns the biased exponent of x.
func exponent(x float64) int { return int(math.Float64bits(x)>>52) & 0x7ff }

// mPi4 are the binary digits of 4/π, 4/π = Σ mPi4[i]·2^(−64i), as in Go's
// math/trig_reduce.go: 1217 bits, enough for the largest float64.
var mPi4 = [...]uint64{
	0x0000000000000001, 0x45f306dc9c882a53, 0xf84eafa3ea69bb81, 0xb6c52b3278872083,
	0xfca2c757bd778ac3, 0x6e48dc74849ba5c0, 0x0c925dd413a32439, 0xfc3bd63962534e7d,
	0xd1046bea5d768909, 0xd338e04d68befc82, 0x7323ac7306a673e9, 0x3908bf177bf25076,
	0x3ff12fffbc0b301f, 0xde5e2316b414da3e, 0xda6cfd9e4f96136e, 0x9e8c7ecd3cbfd45a,
	0xea4f758fd7cbe2f6, 0x7a0e73ef14a525d4, 0xd7f6bf623f1aba10, 0xac06608df8f6d757,
}

// reducePrec is the precision of the reduction: the exact product of a
// 53-bit x and the 1280 bits of mPi4, with room.
const reducePrec = 1400

var (
	twoOverPi *big.Float // 2/π to 1280 bits
	piOver2   *big.Float // π/2 to reducePrec bits
)

// init computes 2/π and π/2 from mPi4, and the parts of π/2.
func init() {
	n := new(big.Int)
	for _, w := range mPi4 {
		n.Lsh(n, 64)
		n.Or(n, new(big.Int).SetUint64(w))
	}
	twoOverPi = new(big.Float).SetPrec(reducePrec).SetInt(n)
	twoOverPi.SetMantExp(twoOverPi, -64*(len(mPi4)-1)-1) // 4/π, halved
	piOver2 = new(big.Float).SetPrec(reducePrec).Quo(new(big.Float).SetPrec(reducePrec).SetInt64(1), twoOverPi)
	invPio2, _ = twoOverPi.Float64()
	rest := new(big.Float).SetPrec(reducePrec).Set(piOver2)
	part := func() (hi, tail float64) { // 33 bits of rest, and the rest after them rounded
		f, _ := rest.Float64()
		hi = math.Float64frombits(math.Float64bits(f) &^ (1<<20 - 1))
		rest.Sub(rest, new(big.Float).SetFloat64(hi))
		tail, _ = rest.Float64()
		return hi, tail
	}
	p1, p1t = part()
	p2, p2t = part()
	p3, p3t = part()
}

// reduceHuge returns q = k mod 4 and r = x − k·π/2 rounded, |r| ≤ π/4,
// for finite x ≥ 2²⁰·π/2, computed with math/big: x·(2/π) is exact to
// 2⁻²⁵⁰, so r is correctly rounded even for the float64 closest to a
// multiple of π/2. It takes microseconds: arguments this large are rare.
func reduceHuge(x float64) (q uint, r float64) {
	y := new(big.Float).SetPrec(reducePrec).SetFloat64(x)
	y.Mul(y, twoOverPi)
	k, _ := y.Int(nil) // y > 0: the integer part
	f := new(big.Float).SetPrec(reducePrec).SetInt(k)
	f.Sub(y, f) // the fraction, exact
	if f.Cmp(big.NewFloat(0.5)) > 0 {
		f.Sub(f, big.NewFloat(1))
		k.Add(k, big.NewInt(1))
	}
	f.Mul(f, piOver2)
	r, _ = f.Float64()
	return uint(k.Bits()[0]) & 3, r
}

// Log returns ln x. math.Log on amd64 returns about −709.09 for every
// subnormal x (ln 5e−324 is −744.44); Log scales a subnormal into the
// normal range first.
func Log(x float64) float64 {
	if x > 0 && x < 0x1p-1022 {
		return math.Log(x*0x1p54) - 54*math.Ln2
	}
	return math.Log(x)
}

// Log2 returns log₂ x. math.Log2 adds the exponent of x to the logarithm
// of its fraction in [0.5, 1), which cancels just above 1 (log₂(1 + 4ε)
// was 10¹⁴ ulp off); Log2 takes the fraction in [√½, √2), and is exact
// for powers of 2.
func Log2(x float64) float64 {
	if !(x > 0) || x > math.MaxFloat64 {
		return math.Log2(x)
	}
	frac, exp := math.Frexp(x)
	if frac == 0.5 {
		return float64(exp - 1)
	}
	if frac < math.Sqrt2/2 {
		frac *= 2
		exp--
	}
	return math.Log(frac)*(1/math.Ln2) + float64(exp)
}

// Log10 returns log₁₀ x as fdlibm does: the logarithm of the fraction of
// x in [√½, √2) divided by ln 10, plus the exponent times log₁₀ 2 in two
// parts. math.Log10 goes through math.Log, wrong for subnormals.
func Log10(x float64) float64 {
	const (
		ivln10    = 4.34294481903251816668e-01 // 1/ln 10
		log10_2hi = 3.01029995663611771306e-01 // log₁₀ 2, its last 13 bits 0
		log10_2lo = 3.69423907715893078616e-13
	)
	if !(x > 0) || x > math.MaxFloat64 {
		return math.Log10(x)
	}
	frac, exp := math.Frexp(x)
	if frac < math.Sqrt2/2 {
		frac *= 2
		exp--
	}
	e := float64(exp)
	return math.Log(frac)*ivln10 + e*log10_2lo + e*log10_2hi
}

// Sinh returns sinh x. math.Sinh computes e^|x|/2, which overflows for
// |x| in (709.78, 710.48) where sinh does not: there Sinh squares
// e^(|x|/2).
func Sinh(x float64) float64 {
	if a := math.Abs(x); a > 709 && a < 711 {
		h := math.Exp(0.5 * a)
		return math.Copysign(0.5*h*h, x)
	}
	return math.Sinh(x)
}

// Cosh returns cosh x, as Sinh does near overflow.
func Cosh(x float64) float64 {
	if a := math.Abs(x); a > 709 && a < 711 {
		h := math.Exp(0.5 * a)
		return 0.5 * h * h
	}
	return math.Cosh(x)
}
