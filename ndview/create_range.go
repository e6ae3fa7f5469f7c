package ndview

// Numerical ranges (semantics.md Z3 to Z6): Arange, ArangeN, Linspace,
// LinspaceStep, Logspace and Geomspace. Their values follow NumPy 1.24 bit
// for bit (Logspace and Geomspace up to Go's math.Pow, Z6): the order of
// operations and the precision each step is computed in are part of the
// contract, and the fill loops keep it. Every product in them is converted
// to its type before the addition, so that the compiler cannot fuse the
// two into one fused multiply-add, which rounds differently.

import (
	"math"
	"math/big"
	"strconv"

	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// Arange returns a new 1-D array of the values start, start+step, … up to
// but excluding stop: NumPy's np.arange(start, stop, step, dtype=T), with
// the arguments taken as the Python numbers of the same value (semantics.md
// Z3). The length is ceil((stop − start)/step), computed in float64 (for
// integer types, from the exact difference, as Python divides two ints),
// and 0 when that is negative. Element 0 is start, element 1 is T(start +
// step), and element i ≥ 2 is start + i·delta with delta = T(start + step)
// − start, computed in T (float16 in float32, as NumPy does): not a running
// sum, so Arange(0, 1, 0.1) has 10 elements and Arange(1, 1.3, 0.1) has 4,
// as in NumPy. An unsigned T cannot count down; use a signed type and
// Convert.
//
// Arange panics with an error wrapping ErrShape when step is 0 (NumPy:
// division by zero) or the length is NaN (a NaN argument), and ErrOverflow
// when the length does not fit in an int or the array is larger than Go can
// allocate (an infinite stop, for instance): it never allocates a size that
// was not asked for.
func Arange[T Real](start, stop, step T) NDView[T] {
	n := arangeLen(start, stop, step)
	v := createAlloc[T]("Arange", n)
	if n > 0 {
		arangeFill(v.data, start, start+step, step)
	}
	return v
}

// ArangeN returns a new 1-D array of 0, 1, …, n−1 as T: NumPy's
// np.arange(n, dtype=T). An n ≤ 0 gives an empty array, as in NumPy.
// Integer values that do not fit T wrap, as NumPy's do (ArangeN[int8](300)
// reaches 127 then −128). It panics with an error wrapping ErrOverflow when
// the array is larger than Go can allocate.
func ArangeN[T Real](n int) NDView[T] {
	v := createAlloc[T]("ArangeN", max(n, 0))
	if n > 0 {
		var one T = 1
		if isF16Type[T]() {
			one = fromF32[T](1)
		}
		arangeFill(v.data, 0, one, one)
	}
	return v
}

// isF16Type reports whether T is float16.Float16, whose values ndview computes
// as half-precision floats, never on their bits (semantics.md C6).
func isF16Type[T any]() bool { return mem.InfoOf[T]().Kind == mem.Float16 }

// isIntType reports whether T is one of the integer kinds.
func isIntType[T any]() bool { return isIntKind(mem.InfoOf[T]().Kind) }

// isUintType reports whether T is one of the unsigned integer kinds.
func isUintType[T any]() bool {
	k := mem.InfoOf[T]().Kind
	return k >= mem.Uint8 && k <= mem.Uint64
}

// realToF64 returns x as a float64: exactly for floats and float16, rounded to
// nearest for integers beyond 2^53.
func realToF64[T Real](x T) float64 {
	if isF16Type[T]() {
		return float64(f16Table()[uint16(x)])
	}
	return float64(x)
}

// realFromF64 returns x as a T: rounded once to nearest for floats (float16
// included), truncated toward zero for integers as Go converts (and NumPy's
// astype does; semantics.md C7).
func realFromF64[T Real](x float64) T {
	if isF16Type[T]() {
		return T(f64ToF16(x))
	}
	return T(x)
}

// arangeLen returns the length of Arange(start, stop, step) (semantics.md
// Z3), or panics as Arange does.
func arangeLen[T Real](start, stop, step T) int {
	var q float64 // (stop − start)/step, rounded once to float64
	if isIntType[T]() {
		if step == 0 {
			panicf("Arange", ErrShape, "step is 0; the step must not be zero (NumPy: division by zero)")
		}
		if stop == start {
			return 0
		}
		q = arangeQuotient(start, stop, step)
	} else {
		s, e, d := realToF64(start), realToF64(stop), realToF64(step)
		if d == 0 {
			panicf("Arange", ErrShape, "step is 0; the step must not be zero (NumPy: float division by zero)")
		}
		diff := e - s
		if diff == 0 {
			return 0
		}
		q = diff / d
		if q == 0 { // the quotient underflows, or step is infinite
			if math.Signbit(q) {
				return 0
			}
			return 1
		}
	}
	c := math.Ceil(q)
	switch {
	case math.IsNaN(c):
		panicf("Arange", ErrShape, "cannot compute the length of arange(%v, %v, %v): it is NaN (NumPy: arange: cannot compute length)", start, stop, step)
	case c >= float64(math.MaxInt):
		panicf("Arange", ErrOverflow, "the length of arange(%v, %v, %v) is %g, more than an int holds (NumPy: Maximum allowed size exceeded)", start, stop, step, c)
	case c <= 0:
		return 0
	}
	return int(c)
}

// arangeQuotient returns (stop − start)/step for integer T, from the exact
// difference, rounded once to float64, as Python's true division of two
// ints does. Small operands take the float64 division, which is then
// exact; the others go through math/big.
func arangeQuotient[T Real](start, stop, step T) float64 {
	const exact = 1 << 53
	if isUintType[T]() {
		s, e, d := uint64(start), uint64(stop), uint64(step)
		if e < s {
			return -1 // a positive step never reaches a smaller stop
		}
		if e-s <= exact && d <= exact {
			return float64(e-s) / float64(d)
		}
		q, _ := new(big.Rat).SetFrac(new(big.Int).SetUint64(e-s), new(big.Int).SetUint64(d)).Float64()
		return q
	}
	s, e, d := int64(start), int64(stop), int64(step)
	diff := e - s
	overflow := (e^s) < 0 && (diff^e) < 0
	if !overflow && diff <= exact && diff >= -exact && d <= exact && d >= -exact {
		return float64(diff) / float64(d)
	}
	num := new(big.Int).Sub(big.NewInt(e), big.NewInt(s))
	q, _ := new(big.Rat).SetFrac(num, big.NewInt(d)).Float64()
	return q
}

// arangeFill writes Arange's values into out (len(out) ≥ 1): out[0] =
// start, out[1] = next, and out[i] = start + i·(next − start) in T for
// i ≥ 2, as NumPy's fill functions compute them. For floats next is
// rounded from the float64 sum start + step, as NumPy stores the Python
// sum; for integers it is start + step, which does not wrap when there
// are two elements or more.
func arangeFill[T Real](out []T, start, next, step T) {
	switch {
	case isF16Type[T]():
		next = realFromF64[T](realToF64(start) + realToF64(step))
		out[0] = start
		if len(out) == 1 {
			return
		}
		out[1] = next
		tab := f16Table()
		s := tab[uint16(start)]
		d := tab[uint16(next)] - s
		bits := bitsF16(out[2:])
		for i := range bits {
			bits[i] = f32ToF16(s + float32(float32(i+2)*d))
		}
	case isIntType[T]():
		// Integers form a ring: the running sum equals start + i·step
		// modulo 2^bits, and keeps the loop to one add and one store.
		x := start
		for i := range out {
			out[i] = x
			x += step
		}
	default:
		if mem.Sizeof[T]() == 4 {
			next = T(float32(realToF64(start) + realToF64(step)))
		} else {
			next = T(realToF64(start) + realToF64(step))
		}
		out[0] = start
		if len(out) == 1 {
			return
		}
		out[1] = next
		delta := next - start
		arangeAffine(out[2:], start, delta, 2)
	}
}

// arangeAffine stores start + (first+i)·delta into out[i], computed in T
// with the product rounded before the sum.
func arangeAffine[T Real](out []T, start, delta T, first int) {
	for i := range out {
		out[i] = start + T(T(i+first)*delta)
	}
}

// Linspace returns a new 1-D array of num evenly spaced values from start
// to stop: NumPy's np.linspace(start, stop, num, endpoint, dtype=T)
// (semantics.md Z4). With endpoint the last value is exactly stop and the
// step is (stop − start)/(num − 1); without it stop is left out and the
// step is (stop − start)/num. Element i is i·step + start, computed in
// float64 and rounded once to T; integer types take the floor first, as
// NumPy does. num = 0 gives an empty array and num = 1 gives [start].
//
// Linspace panics with an error wrapping ErrShape when num is negative,
// and ErrOverflow when the array is larger than Go can allocate.
func Linspace[T Real](start, stop T, num int, endpoint bool) NDView[T] {
	v, _ := linspace("Linspace", start, stop, num, endpoint)
	return v
}

// LinspaceStep is Linspace that also returns the step between values, as
// np.linspace(..., retstep=True) does: (stop − start)/(num − 1) with
// endpoint and (stop − start)/num without, in float64, and NaN when that
// divisor is not positive (num = 0, or num = 1 with endpoint).
func LinspaceStep[T Real](start, stop T, num int, endpoint bool) (NDView[T], float64) {
	return linspace("LinspaceStep", start, stop, num, endpoint)
}

// linspace is Linspace and LinspaceStep for the operation op.
func linspace[T Real](op string, start, stop T, num int, endpoint bool) (NDView[T], float64) {
	y, step := newLinSeq(op, realToF64(start), realToF64(stop), num, endpoint)
	v := createAlloc[T](op, num)
	storeLin(v.data, y, isIntType[T]())
	return v, step
}

// linSeq is np.linspace(start, stop, num, endpoint) in float64: element
// i is i·step + start (at), with NumPy's special cases.
type linSeq struct {
	num       int
	start     float64
	stop      float64
	step      float64 // (stop − start)/div
	delta     float64 // stop − start
	div       float64 // num − 1 with endpoint, num without
	denormal  bool    // step underflowed to 0: element i is i/div·delta + start
	undefined bool    // div ≤ 0 (num 0, or 1 with endpoint): i·delta + start
	endpoint  bool
}

// newLinSeq validates num for the operation op and returns the sequence
// and the step NumPy's retstep gives (NaN when div ≤ 0).
func newLinSeq(op string, start, stop float64, num int, endpoint bool) (linSeq, float64) {
	if num < 0 {
		panicf(op, ErrShape, "number of samples, %d, must be non-negative", num)
	}
	div := num
	if endpoint {
		div = num - 1
	}
	s := linSeq{num: num, start: start, stop: stop, delta: stop - start, endpoint: endpoint}
	if div <= 0 {
		s.undefined = true
		return s, math.NaN()
	}
	s.div = float64(div)
	s.step = s.delta / s.div
	s.denormal = s.step == 0
	return s, s.step
}

// at returns element i of the sequence, in float64, as NumPy computes it.
func (s *linSeq) at(i int) float64 {
	if s.endpoint && s.num > 1 && i == s.num-1 {
		return s.stop
	}
	switch {
	case s.undefined:
		return float64(float64(i)*s.delta) + s.start
	case s.denormal:
		return float64(float64(i)/s.div*s.delta) + s.start
	}
	return float64(float64(i)*s.step) + s.start
}

// storeLin writes the sequence y into out, rounded once to T; integer
// types take the floor first when floor is set (Linspace), and are
// truncated otherwise (Logspace and Geomspace, as NumPy's astype). The
// common case, a float64 or float32 T with a defined step, is a tight
// loop with no call per element.
func storeLin[T Real](out []T, y linSeq, floor bool) {
	n := len(out)
	if y.endpoint && n > 1 {
		n-- // the last element is stop, stored below
	}
	body := out[:n]
	switch {
	case !y.undefined && !y.denormal && !isF16Type[T]() && !isIntType[T]():
		step, start := y.step, y.start
		for i := range body {
			body[i] = T(float64(float64(i)*step) + start)
		}
	case isIntType[T]() && floor:
		for i := range body {
			body[i] = T(math.Floor(y.at(i)))
		}
	default:
		for i := range body {
			body[i] = realFromF64[T](y.at(i))
		}
	}
	if n < len(out) {
		x := y.stop
		if floor && isIntType[T]() {
			x = math.Floor(x)
		}
		out[n] = realFromF64[T](x)
	}
}

// Logspace returns a new 1-D array of num values evenly spaced on a log
// scale: base^y for the values y of Linspace(start, stop, num, endpoint)
// in float64, rounded once to T (integers truncated, as NumPy's astype
// does): NumPy's np.logspace(start, stop, num, endpoint, base, dtype=T)
// (semantics.md Z5). The power is Go's math.Pow, which is exact for
// integer exponents (so base 2 and base 10 give exact powers there) and
// within a few ulp of C's pow otherwise (Z6).
//
// Logspace panics as Linspace does.
func Logspace[T Real](start, stop float64, num int, endpoint bool, base float64) NDView[T] {
	y, _ := newLinSeq("Logspace", start, stop, num, endpoint)
	v := createAlloc[T]("Logspace", num)
	for i := range v.data {
		v.data[i] = realFromF64[T](math.Pow(base, y.at(i)))
	}
	return v
}

// Geomspace returns a new 1-D array of num values in geometric progression
// from start to stop: NumPy's np.geomspace(start, stop, num, endpoint,
// dtype=T) (semantics.md Z5). The values are 10^y for the values y of
// Linspace(log10(start), log10(stop)) in float64, then the first value is
// set to exactly start, and the last to exactly stop with endpoint, and
// everything is rounded once to T (integers truncated). When both ends are
// negative the progression runs over their magnitudes and the signs are
// restored; with ends of opposite signs the inner values are NaN, as in
// NumPy (which warns). log10 is computed so that powers of ten give exact
// integers, so Geomspace(1, 1000, 4, true) is exactly [1, 10, 100, 1000].
//
// Geomspace panics with an error wrapping ErrShape when start or stop is
// zero (NumPy: Geometric sequence cannot include zero) or num is negative,
// and ErrOverflow when the array is larger than Go can allocate.
func Geomspace[T Real](start, stop T, num int, endpoint bool) NDView[T] {
	s, e := realToF64(start), realToF64(stop)
	if s == 0 || e == 0 {
		panicf("Geomspace", ErrShape, "geometric sequence cannot include zero (start %v, stop %v)", start, stop)
	}
	sign := 1.0
	if s < 0 && e < 0 {
		s, e, sign = -s, -e, -1
	}
	y, _ := newLinSeq("Geomspace", log10Exact(s), log10Exact(e), num, endpoint)
	v := createAlloc[T]("Geomspace", num)
	for i := range v.data {
		x := math.Pow(10, y.at(i))
		switch {
		case i == 0:
			x = s
		case i == num-1 && endpoint:
			x = e
		}
		v.data[i] = realFromF64[T](sign * x)
	}
	return v
}

// log10Exact returns the base-10 logarithm of x. Go's math.Log10 is
// math.Log(x)·(1/ln 10), which misses exact results (math.Log10(1000) is
// 2.9999999999999996, where C's log10 gives 3); log10Exact splits x into
// m·2^e with m in [√½, √2), adds e·log10(2) and log10(m) with the
// rounding errors of the products and of the sum carried, and returns k exactly when x is the float64
// nearest to 10^k.
func log10Exact(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.Log10(x) // NaN, −Inf, +Inf as C's log10
	}
	if k := math.Round(math.Log10(x)); k >= -323 && k <= 308 && pow10Nearest(int(k)) == x {
		return k
	}
	frac, exp := math.Frexp(x) // x = frac·2^exp, frac in [0.5, 1)
	if frac < math.Sqrt2/2 {
		frac, exp = frac*2, exp-1 // frac in [√½, √2): no cancellation near 1
	}
	const (
		log10TwoHi = 0.3010299956639812      // log10(2), rounded
		log10TwoLo = -2.8037281277851704e-18 // log10(2) − log10TwoHi
		invLn10    = 0.4342944819032518      // 1/ln(10), rounded
		invLn10Lo  = 1.098319650216765e-17   // 1/ln(10) − invLn10
	)
	e := float64(exp)
	hi := e * log10TwoHi
	lo := math.FMA(e, log10TwoHi, -hi) + e*log10TwoLo // the product's error
	l := math.Log(frac)
	m := l * invLn10
	mlo := math.FMA(l, invLn10, -m) + l*invLn10Lo
	sum := hi + m
	// The rounding error of hi + m (two-sum), added with the other errors.
	bv := sum - hi
	err := (hi - (sum - bv)) + (m - bv)
	return sum + (err + lo + mlo)
}

// pow10Nearest returns the float64 nearest to 10^k, for k in [−323, 308],
// as strconv would parse "1e<k>".
func pow10Nearest(k int) float64 {
	x, _ := strconv.ParseFloat("1e"+strconv.Itoa(k), 64)
	return x
}
