package ndview

import (
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Exponentials and logarithms (semantics.md §17): NumPy's exp2, expm1,
// log2, log10, log1p, logaddexp, logaddexp2 and power.

// Exp2Into stores 2^a into dst, element by element: NumPy's np.exp2(a,
// out=dst), by vector kernels within 4 ulp in float64 and 2 in float32
// (semantics.md §32 VT3). float32 is computed in float64 and rounded once,
// float16.Float16 in float32 and rounded once to half precision.
// Broadcasting, overlap, allocation and panics are those of Neg.
func Exp2Into[T Float](dst, a NDView[T]) { math1(mExp2, dst, a) }

// Expm1Into stores e^a − 1, accurate for a near 0 into dst, element by
// element: NumPy's np.expm1(a, out=dst), by vector kernels within 4 ulp
// in float64 and 2 in float32 (semantics.md §32 VT3). float32 is computed in float64
// and rounded once, float16.Float16 in float32 and rounded once to half
// precision. Broadcasting, overlap, allocation and panics are those of
// Neg.
func Expm1Into[T Float](dst, a NDView[T]) { math1(mExpm1, dst, a) }

// Log2Into stores the base-2 logarithm of a (−Inf at 0, NaN below) into dst,
// element by element: NumPy's np.log2(a, out=dst), exact at powers of two,
// by vector kernels within 4 ulp in float64 and 2 in float32
// (semantics.md §32 VT3). float32 is computed
// in float64 and rounded once, float16.Float16 in float32 and rounded
// once to half precision. Broadcasting, overlap, allocation and panics
// are those of Neg.
func Log2Into[T Float](dst, a NDView[T]) { math1(mLog2, dst, a) }

// Log10Into stores the base-10 logarithm of a (−Inf at 0, NaN below) into
// dst, element by element: NumPy's np.log10(a, out=dst). float32 is
// computed in float64 and rounded once, float16.Float16 in float32 and
// rounded once to half precision. Broadcasting, overlap, allocation and
// panics are those of Neg.
func Log10Into[T Float](dst, a NDView[T]) { math1(mLog10, dst, a) }

// Log1pInto stores ln(1 + a), accurate for a near 0 (−Inf at −1, NaN below)
// into dst, element by element: NumPy's np.log1p(a, out=dst), by vector
// kernels within 4 ulp in float64 and 2 in float32 (semantics.md §32
// VT3). float32 is
// computed in float64 and rounded once, float16.Float16 in float32 and
// rounded once to half precision. Broadcasting, overlap, allocation and
// panics are those of Neg.
func Log1pInto[T Float](dst, a NDView[T]) { math1(mLog1p, dst, a) }

// LogaddexpInto stores ln(e^a + e^b), computed without overflow as max +
// log1p(exp(−|a − b|)) into dst, element by element: NumPy's
// np.logaddexp(a, b, out=dst). float32 is computed in float64 and
// rounded once, float16.Float16 in float32 and rounded once to half
// precision. Broadcasting, overlap, allocation and panics are those of
// Add.
func LogaddexpInto[T Float](dst, a, b NDView[T]) { math2(mLogaddexp, dst, a, b) }

// LogaddexpScalarInto is Logaddexp with b the scalar x (NumPy's
// np.logaddexp(a, x, out=dst)), the same as LogaddexpInto(dst, a,
// Scalar(x)).
func LogaddexpScalarInto[T Float](dst, a NDView[T], x T) { math2Scalar(mLogaddexp, dst, a, x) }

// Logaddexp2Into stores log₂(2^a + 2^b), computed without overflow into dst,
// element by element: NumPy's np.logaddexp2(a, b, out=dst). float32 is
// computed in float64 and rounded once, float16.Float16 in float32 and
// rounded once to half precision. Broadcasting, overlap, allocation and
// panics are those of Add.
func Logaddexp2Into[T Float](dst, a, b NDView[T]) { math2(mLogaddexp2, dst, a, b) }

// Logaddexp2ScalarInto is Logaddexp2 with b the scalar x (NumPy's
// np.logaddexp2(a, x, out=dst)), the same as Logaddexp2Into(dst, a,
// Scalar(x)).
func Logaddexp2ScalarInto[T Float](dst, a NDView[T], x T) { math2Scalar(mLogaddexp2, dst, a, x) }

// PowerInto stores a raised to the power b into dst, element by element:
// NumPy's np.power(a, b, out=dst) (a ** b). Floats use Go's math.Pow,
// float32 computed in float64 and rounded once, float16.Float16 in
// float32 and rounded once to half precision; pow(x, 0) is 1 for every x,
// NaN included, and pow(1, y) is 1. Integers are raised by repeated
// squaring and wrap as multiplication does; 0⁰ is 1.
//
// An integer raised to a negative integer power has no integer result:
// when b holds a negative value and T is an integer type, Power returns an
// error wrapping ErrType that names the exponent, and writes nothing
// (NumPy raises ValueError). Broadcasting, overlap, allocation and panics
// are those of Add.
func PowerInto[T Real](dst, a, b NDView[T]) error {
	var p plan.Plan
	if !plan3("Power", &p, &dst, &a, &b) {
		return nil
	}
	if err := checkExponents("Power", &p, b.data); err != nil {
		return err
	}
	runMath(&p, mPower, dst.data, a.data, b.data)
	return nil
}

// PowerScalarInto stores a raised to the power x into dst, element by element
// (NumPy's np.power(a, x, out=dst), a ** x), with the rules of Power: for
// an integer type and x < 0 it returns an error and writes nothing.
func PowerScalarInto[T Real](dst, a NDView[T], x T) error {
	var p plan.Plan
	if !planScalar("PowerScalar", &p, &dst, &a) {
		return nil
	}
	xs := []T{x}
	if err := checkExponents("PowerScalar", &p, xs); err != nil {
		return err
	}
	runMath(&p, mPower, dst.data, a.data, xs)
	return nil
}

// checkExponents returns an error when T is an integer type and some
// element of operand 2 of p (the exponents, in b) is negative.
func checkExponents[T Real](op string, p *plan.Plan, b []T) error {
	if !isIntKind(mem.InfoOf[T]().Kind) {
		return nil
	}
	n, bs := p.Inner(2)
	w := p.Walk(1)
	for w.Next(p) {
		for k, i := 0, w.Off[2]; k < n; k, i = k+1, i+bs {
			if b[i] < 0 {
				return errorf(op, ErrType, "integers to negative integer powers are not allowed (exponent %v); use a float type", b[i])
			}
		}
	}
	return nil
}
