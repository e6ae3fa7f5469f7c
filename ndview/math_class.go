package ndview

// Signs, classification and small functions (semantics.md §17): NumPy's
// reciprocal, copysign, nextafter, spacing, sign, signbit, isnan, isinf,
// isfinite, heaviside, square, cbrt and fabs.

import (
	"github.com/x448/float16"

	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// ReciprocalInto stores 1/a into dst, element by element: NumPy's
// np.reciprocal(a, out=dst). Integers divide as Go does, truncating
// toward zero (the reciprocal of 2 is 0), and give 0 where a is 0
// (NumPy's C loop divides by zero there). float16.Float16 is computed in
// float32. Broadcasting, overlap, allocation and panics are those of
// Neg.
func ReciprocalInto[T Numeric](dst, a NDView[T]) { math1(mReciprocal, dst, a) }

// CopysignInto stores |a| with the sign of b into dst, element by element:
// NumPy's np.copysign(a, b, out=dst). The sign bit of a NaN in b counts.
// The result is exact. Broadcasting, overlap, allocation and panics are
// those of Add.
func CopysignInto[T Float](dst, a, b NDView[T]) { math2(mCopysign, dst, a, b) }

// CopysignScalarInto is Copysign with b the scalar x (NumPy's np.copysign(a,
// x, out=dst)), the same as CopysignInto(dst, a, Scalar(x)).
func CopysignScalarInto[T Float](dst, a NDView[T], x T) { math2Scalar(mCopysign, dst, a, x) }

// NextafterInto stores the next value of T after a in the direction of b
// into dst, element by element: NumPy's np.nextafter(a, b, out=dst).
// WhereInto a equals b the result is b (C99, so nextafter(0, −0) is −0,
// unlike Go's math.Nextafter); NaN where either is NaN. float16.Float16
// steps by one half-precision ulp, on its bits, as NumPy's half loop
// does, and that loop returns a (not b) where a equals b, so
// nextafter(0, −0) is +0 there. Broadcasting, overlap, allocation and
// panics are those of Add.
func NextafterInto[T Float](dst, a, b NDView[T]) {
	if mem.InfoOf[T]().Kind == mem.Float16 {
		nextafterF16(bitsView(dst), bitsView(a), bitsView(b))
		return
	}
	math2(mNextafter, dst, a, b)
}

// NextafterScalarInto is Nextafter with b the scalar x (NumPy's
// np.nextafter(a, x, out=dst)), the same as NextafterInto(dst, a,
// Scalar(x)).
func NextafterScalarInto[T Float](dst, a NDView[T], x T) { NextafterInto(dst, a, Scalar(x)) }

// nextafterF16 is Nextafter of half-precision values given as their bits.
func nextafterF16(dst, a, b NDView[uint16]) {
	var p plan.Plan
	if !plan3("Nextafter", &p, &dst, &a, &b) {
		return
	}
	n, ds := p.Inner(0)
	_, sa := p.Inner(1)
	_, sb := p.Inner(2)
	w := p.Walk(1)
	for w.Next(&p) {
		d, i, j := w.Off[0], w.Off[1], w.Off[2]
		for range n {
			dst.data[d] = nextHalf(a.data[i], b.data[j])
			d, i, j = d+ds, i+sa, j+sb
		}
	}
}

// nextHalf returns the half-precision value after x in the direction of
// y, on bits, as NumPy's npy_half_nextafter: NaN if either is NaN, x if
// they are equal, the smallest subnormal with y's sign after a zero, else
// x's bits one step away from or towards zero.
func nextHalf(x, y uint16) uint16 {
	const sign, nan = 0x8000, 0x7e00
	isNaN := func(h uint16) bool { return h&0x7c00 == 0x7c00 && h&0x03ff != 0 }
	switch {
	case isNaN(x) || isNaN(y):
		return nan
	case x == y || x&^sign == 0 && y&^sign == 0:
		return x
	case x&^sign == 0:
		return y&sign | 1
	}
	// Moving away from zero (|y| > |x| on x's side of zero) adds one
	// to the magnitude's bits; moving towards it takes one away.
	xf, yf := float16.Frombits(x).Float32(), float16.Frombits(y).Float32()
	if (yf > xf) == (x&sign == 0) {
		return x + 1
	}
	return x - 1
}

// SpacingInto stores the distance from a to the next value of T away from
// zero, with a's sign into dst, element by element: NumPy's
// np.spacing(a, out=dst). spacing(±0) is the smallest subnormal,
// positive; ±Inf and NaN give NaN; the largest finite value gives +Inf.
// Broadcasting, overlap, allocation and panics are those of Neg.
func SpacingInto[T Float](dst, a NDView[T]) { math1(mSpacing, dst, a) }

// SignInto stores −1, 0 or 1 by the sign of a into dst, element by element:
// NumPy's np.sign(a, out=dst). sign(−0) is +0 and sign(NaN) is NaN;
// unsigned values give 0 or 1. Broadcasting, overlap, allocation and
// panics are those of Neg.
func SignInto[T Real](dst, a NDView[T]) { math1(mSign, dst, a) }

// HeavisideInto stores the step function: 0 where a < 0, b where a == 0
// (either zero), 1 where a > 0, NaN where a is NaN into dst, element by
// element: NumPy's np.heaviside(a, b, out=dst). Broadcasting, overlap,
// allocation and panics are those of Add.
func HeavisideInto[T Float](dst, a, b NDView[T]) { math2(mHeaviside, dst, a, b) }

// HeavisideScalarInto is Heaviside with b the scalar x (NumPy's
// np.heaviside(a, x, out=dst)), the same as HeavisideInto(dst, a,
// Scalar(x)).
func HeavisideScalarInto[T Float](dst, a NDView[T], x T) { math2Scalar(mHeaviside, dst, a, x) }

// SquareInto stores a·a into dst, element by element: NumPy's np.square(a,
// out=dst). Integers wrap; float16.Float16 is computed in float32.
// Broadcasting, overlap, allocation and panics are those of Neg.
func SquareInto[T Numeric](dst, a NDView[T]) { math1(mSquare, dst, a) }

// CbrtInto stores the real cube root of a (negative for negative a) into
// dst, element by element: NumPy's np.cbrt(a, out=dst). float32 is
// computed in float64 and rounded once, float16.Float16 in float32 and
// rounded once to half precision. Broadcasting, overlap, allocation and
// panics are those of Neg.
func CbrtInto[T Float](dst, a NDView[T]) { math1(mCbrt, dst, a) }

// FabsInto stores |a|, clearing the sign bit into dst, element by element:
// NumPy's np.fabs(a, out=dst). Unlike Abs it takes floats only, as
// NumPy's fabs does. Broadcasting, overlap, allocation and panics are
// those of Neg.
func FabsInto[T Float](dst, a NDView[T]) { math1(mFabs, dst, a) }

// SignbitInto stores whether the sign bit of a is set into dst, element by
// element: NumPy's np.signbit(a, out=dst). It is set for −0 and for
// negative NaNs. Broadcasting, overlap, allocation and panics are those
// of Neg.
func SignbitInto[T Float](dst NDView[bool], a NDView[T]) { truth1(mSignbit, dst, a) }

// IsnanInto stores whether a is NaN into dst, element by element: NumPy's
// np.isnan(a, out=dst). Broadcasting, overlap, allocation and panics are
// those of Neg.
func IsnanInto[T Float](dst NDView[bool], a NDView[T]) { truth1(mIsnan, dst, a) }

// IsinfInto stores whether a is +Inf or −Inf into dst, element by element:
// NumPy's np.isinf(a, out=dst). Broadcasting, overlap, allocation and
// panics are those of Neg.
func IsinfInto[T Float](dst NDView[bool], a NDView[T]) { truth1(mIsinf, dst, a) }

// IsfiniteInto stores whether a is neither infinite nor NaN into dst,
// element by element: NumPy's np.isfinite(a, out=dst). Broadcasting,
// overlap, allocation and panics are those of Neg.
func IsfiniteInto[T Float](dst NDView[bool], a NDView[T]) { truth1(mIsfinite, dst, a) }

// bitsView returns v, whose elements are float16.Float16, as a view of
// their bits with v's layout and flags.
func bitsView[T any](v NDView[T]) NDView[uint16] {
	return NDView[uint16]{lay: v.lay, data: bitsF16(v.data)}
}
