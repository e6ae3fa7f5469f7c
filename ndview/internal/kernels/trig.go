package kernels

import (
	"math"
	"math/big"
	"sync"
)

// Float64 functions where Go's package math is not within 4 ulp of glibc
// (semantics.md §17; ndview's TestMathFixture measures every one against
// NumPy 1.24 on adversarial inputs).

// hugeTrig is where math.Sin, Cos and Tan switch to their Payne–Hanek
// reduction, which keeps 64 bits of the fraction of x/(π/4): near a
// multiple of π/2 the reduced argument, and so the result, loses most of
// its bits (sin(−8.433148565326262e8) was 10⁷ ulp off, tan(5.3e255) 10¹⁴).
const hugeTrig = 1 << 29

// Sin returns sin x: math.Sin below 2²⁹, an exact reduction above.
func Sin(x float64) float64 {
	a := math.Abs(x)
	if !(a >= hugeTrig) || a > math.MaxFloat64 {
		return math.Sin(x) // NaN and ±Inf give NaN there
	}
	q, hi, lo := reduceHuge(a)
	var r float64
	switch q {
	case 0:
		r = sinDD(hi, lo)
	case 1:
		r = cosDD(hi, lo)
	case 2:
		r = -sinDD(hi, lo)
	default:
		r = -cosDD(hi, lo)
	}
	return math.Copysign(1, x) * r
}

// Cos returns cos x: math.Cos below 2²⁹, an exact reduction above.
func Cos(x float64) float64 {
	a := math.Abs(x)
	if !(a >= hugeTrig) || a > math.MaxFloat64 {
		return math.Cos(x)
	}
	q, hi, lo := reduceHuge(a)
	switch q {
	case 0:
		return cosDD(hi, lo)
	case 1:
		return -sinDD(hi, lo)
	case 2:
		return -cosDD(hi, lo)
	}
	return sinDD(hi, lo)
}

// Tan returns tan x: math.Tan below 2²⁹, an exact reduction above.
func Tan(x float64) float64 {
	a := math.Abs(x)
	if !(a >= hugeTrig) || a > math.MaxFloat64 {
		return math.Tan(x)
	}
	q, hi, lo := reduceHuge(a)
	t := math.Tan(hi)
	t += lo * (1 + t*t) // tan(hi + lo) to first order in lo
	if q&1 == 1 {
		t = -1 / t
	}
	return math.Copysign(1, x) * t
}

// sinDD and cosDD return sin and cos of hi + lo, |hi| ≤ π/4, |lo| below
// an ulp of hi.
func sinDD(hi, lo float64) float64 { return math.Sin(hi) + lo*math.Cos(hi) }
func cosDD(hi, lo float64) float64 { return math.Cos(hi) - lo*math.Sin(hi) }

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
	reduceOnce sync.Once
	twoOverPi  *big.Float // 2/π to 1280 bits
	piOver2    *big.Float // π/2 to reducePrec bits
)

// reduceHuge returns x = k·π/2 + (hi + lo) for x ≥ 2²⁹ finite, with
// |hi + lo| ≤ π/4, as q = k mod 4 and the double-double hi + lo, computed
// with math/big: x·(2/π) is exact to 2⁻²⁵⁰, so hi and lo are correct even
// for the float64 closest to a multiple of π/2. It takes microseconds, and
// is only used where math's reduction fails.
func reduceHuge(x float64) (q uint, hi, lo float64) {
	reduceOnce.Do(func() {
		n := new(big.Int)
		for _, w := range mPi4 {
			n.Lsh(n, 64)
			n.Or(n, new(big.Int).SetUint64(w))
		}
		twoOverPi = new(big.Float).SetPrec(reducePrec).SetInt(n)
		twoOverPi.SetMantExp(twoOverPi, -64*(len(mPi4)-1)-1) // 4/π, halved
		piOver2 = new(big.Float).SetPrec(reducePrec).Quo(big.NewFloat(1).SetPrec(reducePrec), twoOverPi)
	})
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
	hi, _ = f.Float64()
	f.Sub(f, new(big.Float).SetFloat64(hi))
	lo, _ = f.Float64()
	return uint(k.Bits()[0]) & 3, hi, lo
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

// Pow returns x**y. math.Pow takes math.Log of x, wrong for a subnormal
// x: Pow scales it by 2⁶⁴ first (x^y = (2⁶⁴x)^y · 2^(−64y), both exact
// scalings of the exponent).
func Pow(x, y float64) float64 {
	if a := math.Abs(x); a != 0 && a < 0x1p-1022 {
		return math.Pow(x*0x1p64, y) * math.Exp2(-64*y)
	}
	return math.Pow(x, y)
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
