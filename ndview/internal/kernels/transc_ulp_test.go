package kernels

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// The ulp bounds of semantics.md §32 VT3, checked on the Go twins (which
// the vector kernels equal bit for bit, transc_test.go): float32 against
// float64 results rounded (over a sweep of float32 bit patterns through
// every exponent), float64 against math/big at 160 bits on adversarial and
// random inputs. The float64 sweep is longer without -short.

// ulpErr returns |got − want| in units of the last place of want rounded
// to F (the spacing above |want| of F, the spacing of the smallest
// subnormal below the normal range), and 0 when both are NaN or equal.
func ulpErr[F float32 | float64](got F, want *big.Float) float64 {
	if want.IsInf() {
		if math.IsInf(float64(got), want.Sign()) {
			return 0
		}
		return math.Inf(1)
	}
	w, _ := want.Float64()
	if _, ok := any(got).(float32); ok && math.IsInf(float64(float32(w)), 0) || math.IsInf(w, 0) {
		if math.IsInf(float64(got), int(math.Copysign(1, w))) {
			return 0 // overflow, as the rounding of want
		}
		return math.Inf(1)
	}
	var u float64
	switch any(got).(type) {
	case float32:
		a := math.Abs(float64(float32(w)))
		if a >= math.MaxFloat32 {
			a = float64(math.Nextafter32(math.MaxFloat32, 0))
		}
		u = float64(math.Nextafter32(float32(a), float32(math.Inf(1))) - float32(a))
	default:
		a := math.Abs(w)
		if a >= math.MaxFloat64 {
			a = math.Nextafter(math.MaxFloat64, 0)
		}
		u = math.Nextafter(a, math.Inf(1)) - a
	}
	if math.IsInf(float64(got), 0) {
		return math.Inf(1)
	}
	d := new(big.Float).SetPrec(oraclePrec).SetFloat64(float64(got))
	d.Sub(d, want)
	e, _ := d.Float64()
	return math.Abs(e) / u
}

// ulpErr32 is ulpErr of a float32 against a float64 want.
func ulpErr32(got float32, want float64) float64 {
	w := float32(want)
	if math.IsInf(float64(w), 0) || math.IsInf(float64(got), 0) {
		if got == w {
			return 0
		}
		return math.Inf(1)
	}
	a := float32(math.Abs(float64(w)))
	if a == math.MaxFloat32 {
		a = math.Nextafter32(a, 0)
	}
	u := math.Nextafter32(a, float32(math.Inf(1))) - a
	return math.Abs(float64(got)-want) / float64(u)
}

const oraclePrec = 160

// bigPi is π to 200 decimal digits.
var bigPi, _ = new(big.Float).SetPrec(700).SetString("3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651328230664709384460955058223172535940812848111745028410270193852110555964462294895493038196")

// bigLn2 is ln 2: 2·atanh(1/3).
var bigLn2 = func() *big.Float {
	third := new(big.Float).SetPrec(oraclePrec+40).Quo(big.NewFloat(1), big.NewFloat(3))
	r := atanhSeries(third)
	return r.Mul(r, big.NewFloat(2))
}()

// atanhSeries returns atanh s = s + s³/3 + s⁵/5 + … for |s| ≤ 1/3.
func atanhSeries(s *big.Float) *big.Float {
	prec := uint(oraclePrec + 40)
	s2 := new(big.Float).SetPrec(prec).Mul(s, s)
	term := new(big.Float).SetPrec(prec).Set(s)
	sum := new(big.Float).SetPrec(prec).Set(s)
	for k := int64(3); ; k += 2 {
		term.Mul(term, s2)
		q := new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetInt64(k))
		if q.Sign() == 0 || q.MantExp(nil)-sum.MantExp(nil) < -int(prec) {
			break
		}
		sum.Add(sum, q)
	}
	return sum
}

// bigExp returns e^x: 2^k·e^r with r = x − k·ln 2, e^r by its series.
func bigExp(x float64) *big.Float {
	prec := uint(oraclePrec + 40)
	k := math.Round(x / math.Ln2)
	r := new(big.Float).SetPrec(prec).SetFloat64(x)
	r.Sub(r, new(big.Float).SetPrec(prec).Mul(bigLn2, big.NewFloat(k)))
	sum := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for n := int64(1); n < 80; n++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetInt64(n))
		sum.Add(sum, term)
	}
	return sum.SetMantExp(sum, int(k))
}

// bigLog returns ln x for x > 0.
func bigLog(x float64) *big.Float { return bigLogOf(new(big.Float).SetFloat64(x)) }

// bigLogOf returns ln x for x > 0: k·ln 2 + 2·atanh((m−1)/(m+1)), x = 2^k·m.
func bigLogOf(x *big.Float) *big.Float {
	prec := uint(oraclePrec + 40)
	bm := new(big.Float).SetPrec(prec)
	k := x.MantExp(bm) // x = bm·2^k, ½ ≤ bm < 1
	if bm.Cmp(big.NewFloat(math.Sqrt2/2)) < 0 {
		bm.SetMantExp(bm, 1)
		k--
	}
	s := new(big.Float).SetPrec(prec).Sub(bm, big.NewFloat(1))
	s.Quo(s, new(big.Float).SetPrec(prec).Add(bm, big.NewFloat(1)))
	r := atanhSeries(s)
	r.Mul(r, big.NewFloat(2))
	return r.Add(r, new(big.Float).SetPrec(prec).Mul(bigLn2, big.NewFloat(float64(k))))
}

// bigExp2 returns 2^x = 2^k·e^((x−k)·ln 2), k = round(x).
func bigExp2(x float64) *big.Float {
	prec := uint(oraclePrec + 40)
	k := math.Round(x)
	r := new(big.Float).SetPrec(prec).SetFloat64(x - k) // exact
	r.Mul(r, bigLn2)
	s := bigExpSeries(r, 0)
	return s.SetMantExp(s, int(k))
}

// bigExpSeries returns Σ r^n/n! from n = from (0 or 1), |r| < 1.
func bigExpSeries(r *big.Float, from int64) *big.Float {
	prec := uint(oraclePrec + 40)
	sum := new(big.Float).SetPrec(prec)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	if from == 0 {
		sum.SetInt64(1)
	}
	for n := int64(1); n < 80; n++ {
		term.Mul(term, r)
		term.Quo(term, new(big.Float).SetInt64(n))
		sum.Add(sum, term)
	}
	return sum
}

// bigExpm1 returns e^x − 1: its series where |x| < ½ (no cancellation),
// else bigExp(x) − 1.
func bigExpm1(x float64) *big.Float {
	if math.Abs(x) < 0.5 {
		return bigExpSeries(new(big.Float).SetPrec(oraclePrec+40).SetFloat64(x), 1)
	}
	e := bigExp(x)
	return e.Sub(e, big.NewFloat(1))
}

// bigTanh returns tanh x = −t/(t + 2), t = e^(−2|x|) − 1, with the sign
// of x.
func bigTanh(x float64) *big.Float {
	t := bigExpm1(-2 * math.Abs(x))
	d := new(big.Float).SetPrec(oraclePrec+40).Add(t, big.NewFloat(2))
	t.Quo(t, d)
	if x > 0 {
		t.Neg(t)
	}
	return t
}

// bigLog2 returns ln x / ln 2.
func bigLog2(x float64) *big.Float {
	l := bigLog(x)
	return l.Quo(l, bigLn2)
}

// bigLog1p returns ln(1 + x), 1 + x exact in big.Float, for x > −1.
func bigLog1p(x float64) *big.Float {
	prec := uint(oraclePrec + 40)
	if math.Abs(x) < 0.5 { // 2·atanh(x/(2 + x)), no cancellation
		s := new(big.Float).SetPrec(prec).SetFloat64(x)
		s.Quo(s, new(big.Float).SetPrec(prec).Add(s, big.NewFloat(2)))
		r := atanhSeries(s)
		return r.Mul(r, big.NewFloat(2))
	}
	u := new(big.Float).SetPrec(2000).SetFloat64(x)
	return bigLogOf(u.Add(u, big.NewFloat(1)))
}

// bigSinCos returns sin x (cos x when isCos) for |x| < 2⁶⁰: x reduced by
// π/2 with π to 700 bits, then the series.
func bigSinCos(x float64, isCos bool) *big.Float {
	prec := uint(700)
	bx := new(big.Float).SetPrec(prec).SetFloat64(x)
	half := new(big.Float).SetPrec(prec).Quo(bigPi, big.NewFloat(2))
	q := math.Round(x / (math.Pi / 2))
	r := new(big.Float).SetPrec(prec).Sub(bx, new(big.Float).SetPrec(prec).Mul(half, big.NewFloat(q)))
	n := int64(q)
	if isCos {
		n++
	}
	n &= 3
	// sin(r + n·π/2)
	var sum *big.Float
	r2 := new(big.Float).SetPrec(prec).Mul(r, r)
	term := new(big.Float).SetPrec(prec)
	if n&1 == 0 {
		term.Set(r) // sin r
	} else {
		term.SetInt64(1) // cos r
	}
	sum = new(big.Float).SetPrec(prec).Set(term)
	start := int64(n & 1) // the next factor pair: (k+1)(k+2)
	if start == 0 {
		start = 1
	} else {
		start = 0
	}
	for k := start; k < 120; k += 2 {
		term.Mul(term, r2)
		term.Quo(term, new(big.Float).SetInt64((k+1)*(k+2)))
		term.Neg(term)
		sum.Add(sum, term)
	}
	if n >= 2 {
		sum.Neg(sum)
	}
	return sum
}

// transcOracles are the functions with their twins and oracles.
var transcOracles = []struct {
	name   string
	twin   func(float64) float64
	oracle func(float64) *big.Float
	bound  float64 // the ulp bound of float64 (VT3)
}{
	{"Exp", Exp, bigExp, 4},
	{"Log", LogF, bigLog, 4},
	{"Sin", SinF, func(x float64) *big.Float { return bigSinCos(x, false) }, 4},
	{"Cos", CosF, func(x float64) *big.Float { return bigSinCos(x, true) }, 4},
	{"Exp2", Exp2F, bigExp2, 4},
	{"Expm1", Expm1F, bigExpm1, 4},
	{"Tanh", TanhF, bigTanh, 4},
	{"Log2", Log2F, bigLog2, 4},
	{"Log1p", Log1pF, bigLog1p, 4},
}

// domain reports whether x is finite and in the domain of name (where the
// oracles compute).
func domain(name string, x float64) bool {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 0x1p52:
		return false
	case name == "Log" || name == "Log2":
		return x > 0
	case name == "Log1p":
		return x > -1
	}
	return true
}

// adversarial returns the hard inputs of name: the edges of the fast
// ranges, the ties of the reduction, values next to 1 and to multiples of
// π/2, and subnormals.
func adversarial(name string) []float64 {
	var xs []float64
	near := func(x float64, k int) {
		for i := 0; i < k; i++ {
			xs = append(xs, x)
			x = math.Nextafter(x, math.Inf(1))
		}
	}
	switch name {
	case "Exp":
		for _, x := range []float64{-708.3, 709.7, -708.39, 709.78, -745.1, -740, -720, 1e-300, 1e-17, -1e-17, 0.5 * math.Ln2, -0.5 * math.Ln2} {
			near(math.Nextafter(x, math.Inf(-1)), 3)
		}
		for k := -1020; k <= 1020; k += 7 {
			near((float64(k)+0.5)*math.Ln2, 2)
		}
	case "Exp2":
		for _, x := range []float64{-1021.5, 1023.49, 1023.5, 1023.99, -1022, -1074, -1075, 1e-300, 1e-17, -1e-17, 0.5, -0.5} {
			near(math.Nextafter(x, math.Inf(-1)), 3)
		}
		for k := -1020; k <= 1020; k += 7 {
			near(float64(k)+0.5, 2)
			near(math.Nextafter(float64(k)+0.5, 0), 1)
			near(float64(k), 1)
		}
	case "Expm1", "Tanh":
		for _, x := range []float64{-708.3, 709, 709.78, -745, -40, -22, 22, 19.1, -19.1, 1e-300, 5e-324, 1e-17, 1e-9, 1e-5, 0.1, 0.5, 0.54, 0.55, 0.5 * math.Ln2, 1.5 * math.Ln2, math.Ln2} {
			near(math.Nextafter(x, math.Inf(-1)), 3)
			near(-x, 3)
		}
		for k := -60; k <= 60; k++ {
			near((float64(k)+0.5)*math.Ln2, 2)
			near(math.Ldexp(1, k-20), 1)
			near(-math.Ldexp(1, k-20), 1)
		}
	case "Log2":
		for k := -1074; k <= 1023; k += 3 {
			xs = append(xs, math.Ldexp(1, k), math.Ldexp(math.Sqrt2, k), math.Nextafter(math.Ldexp(1, k), 0))
		}
		near(1, 8)
		near(math.Nextafter(1, 0), 1)
		for _, x := range []float64{5e-324, 1e-310, 0x1p-1022, math.MaxFloat64, math.Sqrt2, math.Sqrt2 / 2, 3, 1.5, 0.75, 1 + 1e-10, 1 - 1e-10} {
			near(math.Nextafter(x, 0), 3)
		}
	case "Log1p":
		for _, x := range []float64{-1 + 0x1p-53, -1 + 0x1p-52, -0.5, -0.29, 0.41, math.Sqrt2 - 1, math.Sqrt2/2 - 1, 1e-300, 5e-324, 1e-17, 1e-10, 1e-5, 1, 0x1p53, 1e300, math.MaxFloat64} {
			near(math.Nextafter(x, 0), 3)
			if x < 1 {
				near(-math.Nextafter(x, 0), 3)
			}
		}
		for k := -60; k <= 60; k++ {
			near(math.Ldexp(1, k)-1, 2)
			near(math.Ldexp(1, k-30), 1)
		}
	case "Log":
		near(1, 8)
		near(math.Nextafter(1, 0), 1)
		for _, x := range []float64{5e-324, 1e-310, 0x1p-1022, math.MaxFloat64, math.Sqrt2, math.Sqrt2 / 2, 2, 0.5, 1 + 1e-10, 1 - 1e-10} {
			near(math.Nextafter(x, 0), 3)
		}
		for k := -1074; k <= 1023; k += 13 {
			xs = append(xs, math.Ldexp(1, k), math.Ldexp(math.Sqrt2, k))
		}
	default:
		for k := 1; k < 1<<20; k = k*3 + 1 {
			near(float64(k)*(math.Pi/2), 1)
			near(math.Nextafter(float64(k)*(math.Pi/2), 0), 1)
		}
		for _, x := range []float64{1e-300, 5e-324, 1e-8, math.Pi / 4, 0x1p20 * math.Pi / 2, 1.5e6, 1e15, 0x1p51} {
			near(x, 2)
			near(-x, 2)
		}
	}
	return xs
}

func TestTranscUlp64(t *testing.T) {
	// Random inputs beside the adversarial ones; the math/big oracles
	// (700 bits for sin and cos) cost about 50 µs each, so 3000 per
	// function keep the test near 2 s.
	n := 1000
	if !testing.Short() {
		n = 3000
	}
	r := rand.New(rand.NewPCG(5, 6))
	for _, c := range transcOracles {
		xs := adversarial(c.name)
		for range n {
			switch c.name {
			case "Exp", "Expm1":
				xs = append(xs, (r.Float64()*2-1)*745)
			case "Exp2":
				xs = append(xs, (r.Float64()*2-1)*1075)
			case "Tanh", "Log1p":
				xs = append(xs, (r.Float64()*2-1)*math.Pow(2, float64(r.IntN(80)-60)))
			case "Log", "Log2":
				xs = append(xs, math.Float64frombits(r.Uint64()>>1)) // every positive exponent
			default:
				xs = append(xs, (r.Float64()*2-1)*math.Pow(2, float64(r.IntN(21))))
			}
		}
		worst, at := 0.0, 0.0
		for _, x := range xs {
			if !domain(c.name, x) {
				continue
			}
			if e := ulpErr(c.twin(x), c.oracle(x)); e > worst {
				worst, at = e, x
			}
		}
		t.Logf("%s float64: max %.3f ulp (at %v) on %d inputs", c.name, worst, at, len(xs))
		if worst > c.bound {
			t.Errorf("%s float64: %.3f ulp at %v, bound %g", c.name, worst, at, c.bound)
		}
	}
}

func TestTranscUlp32(t *testing.T) {
	// A sweep of about 2M bit patterns of each sign: every exponent, and
	// mantissas spread over each binade.
	step := uint32(4099)
	if !testing.Short() {
		step = 1021
	}
	for _, c := range transcOracles {
		worst, at := 0.0, float32(0)
		for b := uint32(0); b < 1<<31-step; b += step {
			for _, x := range []float32{math.Float32frombits(b), -math.Float32frombits(b)} {
				// Beyond the fast range sin and cos are Sin and Cos (math/big
				// above 2²⁰·π/2, slow), which §17's fixtures check.
				if !domain(c.name, float64(x)) || (c.name == "Sin" || c.name == "Cos") && math.Abs(float64(x)) > 0x1p21 {
					continue
				}
				got := float32(c.twin(float64(x)))
				var want float64
				switch c.name {
				case "Exp":
					want = math.Exp(float64(x))
				case "Log":
					want = math.Log(float64(x))
				case "Exp2":
					want = math.Exp2(float64(x))
				case "Expm1":
					want = math.Expm1(float64(x))
				case "Tanh":
					want = math.Tanh(float64(x))
				case "Log2":
					want = Log2(float64(x))
				case "Log1p":
					want = math.Log1p(float64(x))
				case "Sin":
					want = Sin(float64(x))
				default:
					want = Cos(float64(x))
				}
				if e := ulpErr32(got, want); e > worst {
					worst, at = e, x
				}
			}
		}
		t.Logf("%s float32: max %.3f ulp (at %v)", c.name, worst, at)
		if worst > 2 {
			t.Errorf("%s float32: %.3f ulp at %v, bound 2", c.name, worst, at)
		}
	}
}
