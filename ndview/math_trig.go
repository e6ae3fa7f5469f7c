package ndview

// Trigonometric and hyperbolic functions (semantics.md §17): NumPy's
// sin, cos, tan, arcsin, arccos, arctan, arctan2, hypot, deg2rad,
// rad2deg, sinh, cosh, tanh, arcsinh, arccosh, arctanh. Results lie
// within 4 ulp of NumPy's (glibc's) in float64 and float32
// (TestMathFixture), including where Go's math is not that accurate:
// arcsin near ±1, arccos near 1 and arctan2 when y/x underflows have
// their own kernels (internal/kernels/math.go).

// Sin stores sin a (a in radians) into dst, element by element: NumPy's
// np.sin(a, out=dst). float32 is computed in float64 and rounded once,
// float16.Float16 in float32 and rounded once to half precision. Large
// views of heavy functions (8 MiB read plus written) are split across
// goroutines, as Exp's are. Broadcasting, overlap, allocation and panics
// are those of Neg.
func Sin[T Float](dst, a NDView[T]) { math1(mSin, dst, a) }

// Cos stores cos a into dst, element by element: NumPy's np.cos(a,
// out=dst). float32 is computed in float64 and rounded once,
// float16.Float16 in float32 and rounded once to half precision.
// Broadcasting, overlap, allocation and panics are those of Neg.
func Cos[T Float](dst, a NDView[T]) { math1(mCos, dst, a) }

// Tan stores tan a into dst, element by element: NumPy's np.tan(a,
// out=dst). float32 is computed in float64 and rounded once,
// float16.Float16 in float32 and rounded once to half precision.
// Broadcasting, overlap, allocation and panics are those of Neg.
func Tan[T Float](dst, a NDView[T]) { math1(mTan, dst, a) }

// Arcsin stores the arc sine of a, in [−π/2, π/2] (NaN outside [−1, 1])
// into dst, element by element: NumPy's np.arcsin(a, out=dst). float32
// is computed in float64 and rounded once, float16.Float16 in float32
// and rounded once to half precision. Broadcasting, overlap, allocation
// and panics are those of Neg.
func Arcsin[T Float](dst, a NDView[T]) { math1(mArcsin, dst, a) }

// Arccos stores the arc cosine of a, in [0, π] (NaN outside [−1, 1])
// into dst, element by element: NumPy's np.arccos(a, out=dst). float32
// is computed in float64 and rounded once, float16.Float16 in float32
// and rounded once to half precision. Broadcasting, overlap, allocation
// and panics are those of Neg.
func Arccos[T Float](dst, a NDView[T]) { math1(mArccos, dst, a) }

// Arctan stores the arc tangent of a, in [−π/2, π/2] into dst, element
// by element: NumPy's np.arctan(a, out=dst). float32 is computed in
// float64 and rounded once, float16.Float16 in float32 and rounded once
// to half precision. Broadcasting, overlap, allocation and panics are
// those of Neg.
func Arctan[T Float](dst, a NDView[T]) { math1(mArctan, dst, a) }

// Arctan2 stores the angle of the point (b, a), the arc tangent of a/b
// in the quadrant of the signs of both, in [−π, π], with the sign of a
// into dst, element by element: NumPy's np.arctan2(a, b, out=dst).
// float32 is computed in float64 and rounded once, float16.Float16 in
// float32 and rounded once to half precision. Broadcasting, overlap,
// allocation and panics are those of Add.
func Arctan2[T Float](dst, a, b NDView[T]) { math2(mArctan2, dst, a, b) }

// Arctan2Scalar is Arctan2 with b the scalar x (NumPy's np.arctan2(a, x,
// out=dst)), the same as Arctan2(dst, a, Scalar(x)).
func Arctan2Scalar[T Float](dst, a NDView[T], x T) { math2Scalar(mArctan2, dst, a, x) }

// Hypot stores √(a² + b²), without overflow or underflow; +Inf when
// either is infinite, even if the other is NaN into dst, element by
// element: NumPy's np.hypot(a, b, out=dst). float32 is computed in
// float64 and rounded once, float16.Float16 in float32 and rounded once
// to half precision. Broadcasting, overlap, allocation and panics are
// those of Add.
func Hypot[T Float](dst, a, b NDView[T]) { math2(mHypot, dst, a, b) }

// HypotScalar is Hypot with b the scalar x (NumPy's np.hypot(a, x,
// out=dst)), the same as Hypot(dst, a, Scalar(x)).
func HypotScalar[T Float](dst, a NDView[T], x T) { math2Scalar(mHypot, dst, a, x) }

// Deg2rad stores a·(π/180), a converted from degrees to radians into
// dst, element by element: NumPy's np.deg2rad(a, out=dst). It is
// computed in T (float16.Float16 in float32), as NumPy computes it.
// Broadcasting, overlap, allocation and panics are those of Neg.
func Deg2rad[T Float](dst, a NDView[T]) { math1(mDeg2rad, dst, a) }

// Rad2deg stores a·(180/π), a converted from radians to degrees into
// dst, element by element: NumPy's np.rad2deg(a, out=dst). It is
// computed in T (float16.Float16 in float32), as NumPy computes it.
// Broadcasting, overlap, allocation and panics are those of Neg.
func Rad2deg[T Float](dst, a NDView[T]) { math1(mRad2deg, dst, a) }

// Sinh stores the hyperbolic sine of a into dst, element by element:
// NumPy's np.sinh(a, out=dst). float32 is computed in float64 and
// rounded once, float16.Float16 in float32 and rounded once to half
// precision. Broadcasting, overlap, allocation and panics are those of
// Neg.
func Sinh[T Float](dst, a NDView[T]) { math1(mSinh, dst, a) }

// Cosh stores the hyperbolic cosine of a into dst, element by element:
// NumPy's np.cosh(a, out=dst). float32 is computed in float64 and
// rounded once, float16.Float16 in float32 and rounded once to half
// precision. Broadcasting, overlap, allocation and panics are those of
// Neg.
func Cosh[T Float](dst, a NDView[T]) { math1(mCosh, dst, a) }

// Tanh stores the hyperbolic tangent of a into dst, element by element:
// NumPy's np.tanh(a, out=dst). float32 is computed in float64 and
// rounded once, float16.Float16 in float32 and rounded once to half
// precision. Broadcasting, overlap, allocation and panics are those of
// Neg.
func Tanh[T Float](dst, a NDView[T]) { math1(mTanh, dst, a) }

// Arcsinh stores the inverse hyperbolic sine of a into dst, element by
// element: NumPy's np.arcsinh(a, out=dst). float32 is computed in
// float64 and rounded once, float16.Float16 in float32 and rounded once
// to half precision. Broadcasting, overlap, allocation and panics are
// those of Neg.
func Arcsinh[T Float](dst, a NDView[T]) { math1(mArcsinh, dst, a) }

// Arccosh stores the inverse hyperbolic cosine of a (NaN below 1) into
// dst, element by element: NumPy's np.arccosh(a, out=dst). float32 is
// computed in float64 and rounded once, float16.Float16 in float32 and
// rounded once to half precision. Broadcasting, overlap, allocation and
// panics are those of Neg.
func Arccosh[T Float](dst, a NDView[T]) { math1(mArccosh, dst, a) }

// Arctanh stores the inverse hyperbolic tangent of a (±Inf at ±1, NaN
// beyond) into dst, element by element: NumPy's np.arctanh(a, out=dst).
// float32 is computed in float64 and rounded once, float16.Float16 in
// float32 and rounded once to half precision. Broadcasting, overlap,
// allocation and panics are those of Neg.
func Arctanh[T Float](dst, a NDView[T]) { math1(mArctanh, dst, a) }
