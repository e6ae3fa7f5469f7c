package kernels

import "math"

// The scalar functions of the element-wise mathematics (ndview's
// math_*.go, semantics.md §17) that the table elementwise calls where Go's
// package math is not what NumPy computes: either its result differs by
// more than 4 ulp from glibc's (Asin near ±1, Acos near 1, Atan2 when y/x
// underflows), or NumPy defines a corner differently (divmod, nextafter,
// integer division by zero, shifts by any count). Each function is small
// enough for the compiler to inline into the loops, or calls package math
// for the expensive part.

// float is the set of float32, float64 and named types over them: the
// element types the float kernels are instantiated with (ndview converts
// float16.Float16 rows to float32 first).
type float interface {
	~float32 | ~float64
}

// integer is the set of integer kinds, named types included.
type integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// logical is the set of types with a truth value: bools, and numbers
// (zero is false, NaN is true, as in NumPy).
type logical interface {
	numeric | ~bool
}

// c64, c128 and cmplxT are the sets of complex64, of complex128, and of
// both, named types included.
type (
	c64    interface{ ~complex64 }
	c128   interface{ ~complex128 }
	cmplxT interface{ ~complex64 | ~complex128 }
)

// pi is π rounded to float64, a variable so that T(pi) rounds it to T at
// run time (as NumPy's NPY_PIf is π rounded to float32) and T(pi)/180 is
// computed in T.
var pi = math.Pi

// Float64 functions more accurate than package math's.

// Asin returns the arc sine of x. math.Asin computes 1 − x² near ±1, where
// it cancels (up to about 128 ulp off); Asin computes (1 − |x|)(1 + |x|),
// whose first factor is exact for |x| ≥ 0.5.
func Asin(x float64) float64 {
	a := math.Abs(x)
	if !(a >= 0.5 && a <= 1) {
		return math.Asin(x) // accurate below 0.5, and NaN outside [-1, 1]
	}
	return math.Copysign(math.Atan(a/math.Sqrt((1-a)*(1+a))), x)
}

// Acos returns the arc cosine of x. math.Acos is π/2 − asin(x), which
// cancels near 1 (off by millions of ulp); Acos uses
// acos(x) = 2·asin(√((1−x)/2)) for x ≥ 0.5, π − 2·asin(√((1+x)/2)) for
// x ≤ −0.5, and π/2 − asin(x) between, where asin(x) is at most π/6.
func Acos(x float64) float64 {
	const (
		piHi   = 3.141592653589793116e+00  // π rounded to float64
		piLo   = 1.2246467991473532072e-16 // π − piHi
		pio2Hi = piHi / 2
		pio2Lo = piLo / 2
	)
	switch {
	case x >= 0.5 && x <= 1:
		return 2 * Asin(math.Sqrt((1-x)*0.5))
	case x <= -0.5 && x >= -1:
		return piHi - (2*Asin(math.Sqrt((1+x)*0.5)) - piLo)
	case x > -0.5 && x < 0.5:
		return pio2Hi - (Asin(x) - pio2Lo)
	}
	return math.NaN()
}

// Atan2 returns the arc tangent of y/x, using the signs of both to choose
// the quadrant. math.Atan2 computes atan(y/x) and adds ±π for x < 0, which
// gives the wrong sign when y/x underflows to a zero of the other sign
// (atan2(−8e−25, −1.8e308) is −π, not π); the result always has y's sign.
func Atan2(y, x float64) float64 {
	r := math.Atan2(y, x)
	if r != r {
		return r
	}
	return math.Copysign(r, y)
}

// Float functions of NumPy's definitions, in the precision of T.

// FloorDiv returns NumPy's floor_divide(a, b) of floats: the quotient of
// divmod, so that FloorDiv(1, 0.1) is 9 (1 = 9·0.1 + 0.09…), a/b where b
// is 0.
func FloorDiv[T float](a, b T) T {
	if b == 0 {
		return a / b
	}
	q, _ := divmod(a, b)
	return q
}

// Mod returns NumPy's remainder(a, b) of floats: the remainder of divmod,
// with b's sign; fmod(a, b) (NaN) where b is 0.
func Mod[T float](a, b T) T {
	if b == 0 {
		return T(math.Mod(float64(a), float64(b)))
	}
	_, m := divmod(a, b)
	return m
}

// Fmod returns C's fmod(a, b), exactly, as math.Mod does. math.Mod
// subtracts shifted copies of b in a loop (15 times slower than a floor
// division on 16M float64, BenchmarkMath); where |a/b| < 2⁵², Fmod takes
// t = trunc(a/b), corrected by one where a/b rounded across an integer,
// and a − t·b by one FMA, exact since the remainder is representable.
func Fmod(a, b float64) float64 {
	q := a / b
	if !(math.Abs(q) < 0x1p52) || b == 0 || math.IsInf(b, 0) {
		return math.Mod(a, b)
	}
	t := math.Trunc(q)
	r := math.FMA(-t, b, a)
	switch {
	case r != 0 && (r < 0) != (a < 0): // t one too far from 0
		t -= math.Copysign(1, q)
		r = math.FMA(-t, b, a)
	case math.Abs(r) >= math.Abs(b): // t one too close to 0
		t += math.Copysign(1, q)
		r = math.FMA(-t, b, a)
	}
	if r == 0 {
		return math.Copysign(0, a)
	}
	return r
}

// divmod is NumPy's npy_divmod for b ≠ 0, computed in T: the remainder
// from fmod, moved to b's sign, and the quotient (a − mod)/b snapped to
// the nearest integer.
func divmod[T float](a, b T) (T, T) {
	mod := T(Fmod(float64(a), float64(b))) // exact in float64, so in T
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div--
		}
	} else {
		mod = T(math.Copysign(0, float64(b)))
	}
	var fdiv T
	if div != 0 {
		fdiv = T(math.Floor(float64(div)))
		if div-fdiv > 0.5 {
			fdiv++
		}
	} else {
		fdiv = T(math.Copysign(0, float64(a/b)))
	}
	return fdiv, mod
}

// Divmod returns FloorDiv(a, b) and Mod(a, b).
func Divmod[T float](a, b T) (T, T) {
	if b == 0 {
		return a / b, T(math.Mod(float64(a), float64(b)))
	}
	return divmod(a, b)
}

// Nextafter returns the next value of T after x toward y: y itself when x
// equals y (C99's rule, which NumPy follows; math.Nextafter returns x, so
// that nextafter(0, −0) is +0 there and −0 here), NaN when either is NaN.
func Nextafter[T float](x, y T) T {
	switch {
	case x == y:
		return y
	case x != x || y != y:
		return x + y // a NaN
	}
	if is32[T]() {
		return T(math.Nextafter32(float32(x), float32(y)))
	}
	return T(math.Nextafter(float64(x), float64(y)))
}

// is32 reports whether T is a float32 type: one with fewer than 30 bits
// of significand.
func is32[T float]() bool {
	return T(1+0x1p-30) == 1
}

// Spacing returns NumPy's spacing(x): the distance from x to the next
// value of T away from zero, negative for negative x; NaN for ±Inf and
// NaN. The spacing of the largest finite value is +Inf.
func Spacing[T float](x T) T {
	if x != x || x-x != 0 {
		return T(math.NaN())
	}
	inf := T(math.Inf(1))
	if x < 0 || x == 0 && math.Signbit(float64(x)) {
		if x == 0 {
			return Nextafter(x, inf) // NumPy: the smallest subnormal, positive
		}
		return Nextafter(x, -inf) - x
	}
	return Nextafter(x, inf) - x
}

// Sign returns NumPy's sign(x): −1, 0 or 1; +0 for both zeros; NaN for
// NaN.
func Sign[T ordered](x T) T {
	var one T = 1
	switch {
	case x > 0:
		return one
	case x < 0:
		return -one
	case x == 0:
		return 0
	}
	return x
}

// Heaviside returns NumPy's heaviside(x, h0): 0 for x < 0, h0 for x == 0,
// 1 for x > 0, NaN for NaN x.
func Heaviside[T float](x, h0 T) T {
	switch {
	case x < 0:
		return 0
	case x > 0:
		return 1
	case x == 0:
		return h0
	}
	return x
}

// Logaddexp returns log(e^x + e^y) as NumPy computes it, without
// overflow: x + log(2) for x == y (so that two infinities of one sign
// give that infinity), max + log1p(exp(−|x − y|)) otherwise.
func Logaddexp(x, y float64) float64 {
	if x == y {
		return x + math.Ln2
	}
	d := x - y
	switch {
	case d > 0:
		return x + math.Log1p(math.Exp(-d))
	case d <= 0:
		return y + math.Log1p(math.Exp(d))
	}
	return d // NaN
}

// Logaddexp2 returns log2(2^x + 2^y) as NumPy computes it: Logaddexp in
// base 2.
func Logaddexp2(x, y float64) float64 {
	if x == y {
		return x + 1
	}
	d := x - y
	switch {
	case d > 0:
		return x + math.Log1p(math.Exp2(-d))*math.Log2E
	case d <= 0:
		return y + math.Log1p(math.Exp2(d))*math.Log2E
	}
	return d
}

// Round returns x rounded to the multiple of 10^−decimals nearest to it,
// ties to even, computed in T as NumPy computes it: rint(x·10^d)/10^d for
// d ≥ 0, rint(x/10^−d)·10^−d for d < 0. scale is 10^|decimals| in T.
func Round[T float](x, scale T, neg bool) T {
	if neg {
		return T(math.RoundToEven(float64(x/scale))) * scale
	}
	return T(math.RoundToEven(float64(x*scale))) / scale
}

// Integer functions of NumPy's definitions, which never panic.

// FloorDivInt returns a // b: the quotient rounded toward −∞, 0 where b is
// 0, and the most negative value where it is divided by −1.
func FloorDivInt[T integer](a, b T) T {
	if b == 0 {
		return 0
	}
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// ModInt returns NumPy's remainder(a, b) of integers: the remainder with
// b's sign, 0 where b is 0.
func ModInt[T integer](a, b T) T {
	if b == 0 {
		return 0
	}
	r := a % b
	if r != 0 && (r < 0) != (b < 0) {
		r += b
	}
	return r
}

// FmodInt returns C's a % b (the remainder with a's sign), 0 where b is 0.
func FmodInt[T integer](a, b T) T {
	if b == 0 {
		return 0
	}
	return a % b
}

// PowInt returns a^b by repeated squaring, wrapping as multiplication
// does; 1 for b == 0, and 0 for b < 0 (which ndview refuses before
// calling).
func PowInt[T integer](a, b T) T {
	if b < 0 {
		return 0
	}
	r := T(1)
	for b > 0 {
		if b&1 != 0 {
			r *= a
		}
		b >>= 1
		a *= a
	}
	return r
}

// Gcd returns the greatest common divisor of |a| and |b|, 0 for two
// zeros (the absolute value of the most negative value is itself, as in
// NumPy).
func Gcd[T integer](a, b T) T {
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	// Only the most negative value stays negative; it stands for 2^(n−1),
	// as NumPy computes in the unsigned type: one step of Euclid's
	// algorithm brings it into range (−(m % b) is 2^(n−1) mod b).
	switch {
	case a < 0 && b < 0, a < 0 && b == 0:
		return a
	case b < 0 && a == 0:
		return b
	case a < 0:
		a = -(a % b)
	case b < 0:
		b = -(b % a)
	}
	for a != 0 {
		a, b = b%a, a
	}
	return b
}

// Lcm returns the least common multiple of |a| and |b|, 0 when either is
// 0 (wrapping as multiplication does).
func Lcm[T integer](a, b T) T {
	g := Gcd(a, b)
	if g == 0 {
		return 0
	}
	r := a / g * b
	if r < 0 {
		r = -r
	}
	return r
}

// Shl returns a << b, 0 when b is negative or at least the width of T.
func Shl[T integer](a, b T) T {
	if b < 0 {
		return 0
	}
	return a << uint64(b) // Go's shift by the width or more gives 0
}

// Shr returns a >> b (arithmetic for signed a); when b is negative or at
// least the width of T, 0, or −1 for negative a.
func Shr[T integer](a, b T) T {
	s := uint64(b)
	if b < 0 {
		s = 64 // a shift by the width or more
	}
	return a >> s
}
