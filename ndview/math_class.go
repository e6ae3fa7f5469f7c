package ndview

// Signs, classification and small functions (semantics.md §17): NumPy's
// reciprocal, copysign, nextafter, spacing, sign, signbit, isnan, isinf,
// isfinite, heaviside, square, cbrt and fabs.

// Reciprocal stores 1/a into dst, element by element: NumPy's
// np.reciprocal(a, out=dst). Integers divide as Go does, truncating
// toward zero (the reciprocal of 2 is 0), and give 0 where a is 0
// (NumPy's C loop divides by zero there). float16.Float16 is computed in
// float32. Broadcasting, overlap, allocation and panics are those of
// Neg.
func Reciprocal[T Numeric](dst, a NDView[T]) { math1(mReciprocal, dst, a) }

// Copysign stores |a| with the sign of b into dst, element by element:
// NumPy's np.copysign(a, b, out=dst). The sign bit of a NaN in b counts.
// The result is exact. Broadcasting, overlap, allocation and panics are
// those of Add.
func Copysign[T Float](dst, a, b NDView[T]) { math2(mCopysign, dst, a, b) }

// CopysignScalar is Copysign with b the scalar x (NumPy's np.copysign(a,
// x, out=dst)), the same as Copysign(dst, a, Scalar(x)).
func CopysignScalar[T Float](dst, a NDView[T], x T) { math2Scalar(mCopysign, dst, a, x) }

// Nextafter stores the next value of T after a in the direction of b
// into dst, element by element: NumPy's np.nextafter(a, b, out=dst).
// Where a equals b the result is b (C99, so nextafter(0, −0) is −0,
// unlike Go's math.Nextafter); NaN where either is NaN. float16.Float16
// steps in float32, then rounds, as NumPy's half-precision loop does not
// (semantics.md §17). Broadcasting, overlap, allocation and panics are
// those of Add.
func Nextafter[T Float](dst, a, b NDView[T]) { math2(mNextafter, dst, a, b) }

// NextafterScalar is Nextafter with b the scalar x (NumPy's
// np.nextafter(a, x, out=dst)), the same as Nextafter(dst, a,
// Scalar(x)).
func NextafterScalar[T Float](dst, a NDView[T], x T) { math2Scalar(mNextafter, dst, a, x) }

// Spacing stores the distance from a to the next value of T away from
// zero, with a's sign into dst, element by element: NumPy's
// np.spacing(a, out=dst). spacing(±0) is the smallest subnormal,
// positive; ±Inf and NaN give NaN; the largest finite value gives +Inf.
// Broadcasting, overlap, allocation and panics are those of Neg.
func Spacing[T Float](dst, a NDView[T]) { math1(mSpacing, dst, a) }

// Sign stores −1, 0 or 1 by the sign of a into dst, element by element:
// NumPy's np.sign(a, out=dst). sign(−0) is +0 and sign(NaN) is NaN;
// unsigned values give 0 or 1. Broadcasting, overlap, allocation and
// panics are those of Neg.
func Sign[T Real](dst, a NDView[T]) { math1(mSign, dst, a) }

// Heaviside stores the step function: 0 where a < 0, b where a == 0
// (either zero), 1 where a > 0, NaN where a is NaN into dst, element by
// element: NumPy's np.heaviside(a, b, out=dst). Broadcasting, overlap,
// allocation and panics are those of Add.
func Heaviside[T Float](dst, a, b NDView[T]) { math2(mHeaviside, dst, a, b) }

// HeavisideScalar is Heaviside with b the scalar x (NumPy's
// np.heaviside(a, x, out=dst)), the same as Heaviside(dst, a,
// Scalar(x)).
func HeavisideScalar[T Float](dst, a NDView[T], x T) { math2Scalar(mHeaviside, dst, a, x) }

// Square stores a·a into dst, element by element: NumPy's np.square(a,
// out=dst). Integers wrap; float16.Float16 is computed in float32.
// Broadcasting, overlap, allocation and panics are those of Neg.
func Square[T Numeric](dst, a NDView[T]) { math1(mSquare, dst, a) }

// Cbrt stores the real cube root of a (negative for negative a) into
// dst, element by element: NumPy's np.cbrt(a, out=dst). float32 is
// computed in float64 and rounded once, float16.Float16 in float32 and
// rounded once to half precision. Broadcasting, overlap, allocation and
// panics are those of Neg.
func Cbrt[T Float](dst, a NDView[T]) { math1(mCbrt, dst, a) }

// Fabs stores |a|, clearing the sign bit into dst, element by element:
// NumPy's np.fabs(a, out=dst). Unlike Abs it takes floats only, as
// NumPy's fabs does. Broadcasting, overlap, allocation and panics are
// those of Neg.
func Fabs[T Float](dst, a NDView[T]) { math1(mFabs, dst, a) }

// Signbit stores whether the sign bit of a is set into dst, element by
// element: NumPy's np.signbit(a, out=dst). It is set for −0 and for
// negative NaNs. Broadcasting, overlap, allocation and panics are those
// of Neg.
func Signbit[T Float](dst NDView[bool], a NDView[T]) { truth1(mSignbit, dst, a) }

// Isnan stores whether a is NaN into dst, element by element: NumPy's
// np.isnan(a, out=dst). Broadcasting, overlap, allocation and panics are
// those of Neg.
func Isnan[T Float](dst NDView[bool], a NDView[T]) { truth1(mIsnan, dst, a) }

// Isinf stores whether a is +Inf or −Inf into dst, element by element:
// NumPy's np.isinf(a, out=dst). Broadcasting, overlap, allocation and
// panics are those of Neg.
func Isinf[T Float](dst NDView[bool], a NDView[T]) { truth1(mIsinf, dst, a) }

// Isfinite stores whether a is neither infinite nor NaN into dst,
// element by element: NumPy's np.isfinite(a, out=dst). Broadcasting,
// overlap, allocation and panics are those of Neg.
func Isfinite[T Float](dst NDView[bool], a NDView[T]) { truth1(mIsfinite, dst, a) }
