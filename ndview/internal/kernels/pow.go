package kernels

import (
	"math"
	"math/big"
	"sync"
)

// Pow returns x**y within about 1 ulp, where math.Pow is not: it raises
// the fraction of x to the integer part of y by repeated squaring, whose
// rounding errors double with every squaring (pow(1.0003135, 499597.7)
// was 253460 ulp off), and takes math.Log of a subnormal x, wrong on amd64
// (pow(5e−324, 0.3) was off by a factor of 4·10⁴). Pow computes
// exp(y·ln x) with ln x in double-double (logDD) and the product rounded
// once into a float64 and a correction: exp(h + l) = exp(h)·(1 + l).
// Zeros, infinities, NaN, negative x and x == 1 are math.Pow's.
func Pow(x, y float64) float64 {
	switch {
	case x == 1 || y == 0 || y != y || x != x || math.IsInf(y, 0) || math.IsInf(x, 0) || x == 0:
		return math.Pow(x, y)
	case y == 1:
		return x
	case x < 0:
		if y != math.Trunc(y) {
			return math.NaN()
		}
		r := powPos(-x, y)
		if math.Abs(y) < 1<<53 && int64(y)&1 == 1 {
			r = -r
		}
		return r
	}
	return powPos(x, y)
}

// powPos returns x**y for finite x > 0 and finite y ≠ 0.
func powPos(x, y float64) float64 {
	lh, ll := logDD(x)
	h := y * lh
	l := math.FMA(y, lh, -h) + y*ll
	if h > 709.8 || h < -745.2 { // over or under flows whatever l is
		return math.Exp(h)
	}
	if h > 709 { // exp(h) may overflow where exp(h + l) does not: halve it
		logOnce.Do(initLogTable)
		hh, he := twoSum(h, -ln2H)
		l += he - ln2L
		e := math.Exp(hh)
		return (e + e*l) * 2
	}
	e := math.Exp(h)
	return e + e*l
}

// The table of logDD: ln(j/128) in double-double for j in [logLo, logHi]
// (fractions in [√½, √2) round to those), and ln 2 in double-double,
// computed once with math/big.
const logLo, logHi = 90, 182

var (
	logOnce          sync.Once
	logTabH, logTabL [logHi - logLo + 1]float64
	ln2H, ln2L       float64
)

// logDD returns ln x as hi + lo for finite x > 0, to about 2⁻⁷⁰
// relatively: x = m·2ᵉ with m in [√½, √2), c = j/128 the nearest table
// point, and ln m = ln c + 2·atanh(s), s = (m − c)/(m + c) ≤ 2⁻⁸, whose
// series after its first term (s³·(2/3 + …), 2⁻¹⁷ of it) is evaluated in
// float64.
func logDD(x float64) (hi, lo float64) {
	logOnce.Do(initLogTable)
	m, e := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	j := int(math.RoundToEven(m * 128))
	c := float64(j) / 128
	num := m - c // exact: m and c are within a factor of 2
	dh, dl := twoSum(m, c)
	sh := num / dh
	sl := (math.FMA(-sh, dh, num) - sh*dl) / dh
	s2 := sh * sh
	tail := sh * s2 * (2.0/3 + s2*(2.0/5+s2*(2.0/7+s2*(2.0/9))))
	// ln x = e·ln 2 + ln c + 2s + tail, summed from the largest.
	fe := float64(e)
	ph := fe * ln2H
	pl := math.FMA(fe, ln2H, -ph) + fe*ln2L
	hi, lo = twoSum(ph, logTabH[j-logLo])
	lo += pl + logTabL[j-logLo]
	hi, lo = fastTwoSum(hi, lo)
	t, tl := twoSum(hi, 2*sh)
	return fastTwoSum(t, tl+lo+2*sl+tail)
}

// twoSum returns a + b as the rounded sum and its error, exactly.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	return s, (a - (s - bb)) + (b - bb)
}

// fastTwoSum is twoSum for |a| ≥ |b| (or a == 0).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	return s, b - (s - a)
}

// initLogTable computes the table of logDD with math/big: ln c =
// 2·atanh((c − 1)/(c + 1)), the series summed to 2⁻¹⁴⁰.
func initLogTable() {
	const prec = 160
	lnBig := func(c *big.Float) *big.Float {
		one := new(big.Float).SetPrec(prec).SetInt64(1)
		s := new(big.Float).SetPrec(prec).Sub(c, one)
		s.Quo(s, new(big.Float).SetPrec(prec).Add(c, one))
		s2 := new(big.Float).SetPrec(prec).Mul(s, s)
		sum := new(big.Float).SetPrec(prec)
		pow := new(big.Float).SetPrec(prec).Set(s)
		term := new(big.Float).SetPrec(prec)
		for k := int64(1); k < 400; k += 2 {
			term.Quo(pow, new(big.Float).SetPrec(prec).SetInt64(k))
			sum.Add(sum, term)
			if term.Sign() == 0 || term.MantExp(nil)-sum.MantExp(nil) < -prec {
				break
			}
			pow.Mul(pow, s2)
		}
		return sum.Mul(sum, new(big.Float).SetPrec(prec).SetInt64(2))
	}
	split := func(v *big.Float) (float64, float64) {
		h, _ := v.Float64()
		l, _ := new(big.Float).SetPrec(prec).Sub(v, new(big.Float).SetFloat64(h)).Float64()
		return h, l
	}
	ln2H, ln2L = split(lnBig(new(big.Float).SetPrec(prec).SetInt64(2)))
	for j := logLo; j <= logHi; j++ {
		c := new(big.Float).SetPrec(prec).SetInt64(int64(j))
		c.Quo(c, new(big.Float).SetPrec(prec).SetInt64(128))
		logTabH[j-logLo], logTabL[j-logLo] = split(lnBig(c))
	}
}
