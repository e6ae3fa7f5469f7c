package ndview

// Trigonometric and hyperbolic functions (semantics.md §17): NumPy's
// sin, cos, tan, arcsin, arccos, arctan, arctan2, hypot, deg2rad,
// rad2deg, sinh, cosh, tanh, arcsinh, arccosh, arctanh. Results lie
// within 4 ulp of NumPy's (glibc's) in float64 and float32
// (TestMathFixture), including where Go's math is not that accurate:
// arcsin near ±1, arccos near 1 and arctan2 when y/x underflows have
// their own kernels (internal/kernels/math.go).

// SinInto stores sin a (a in radians) into dst, element by element: NumPy's
// np.sin(a, out=dst), by vector kernels within 4 ulp in float64 and 2 in
// float32 (semantics.md §32 VT3). float32 is computed in float64 and rounded once,
// float16.Float16 in float32 and rounded once to half precision. Large
// views of heavy functions (8 MiB read plus written) are split across
// goroutines, as Exp's are. Broadcasting, overlap, allocation and panics
// are those of Neg.
func SinInto[T Float](dst, a NDView[T]) { math1(mSin, dst, a) }

// CosInto stores cos a into dst, element by element: NumPy's np.cos(a,
// out=dst), by vector kernels within 4 ulp in float64 and 2 in float32
// (semantics.md §32 VT3). float32 is computed in float64 and rounded once,
// float16.Float16 in float32 and rounded once to half precision.
// Broadcasting, overlap, allocation and panics are those of Neg.
func CosInto[T Float](dst, a NDView[T]) { math1(mCos, dst, a) }

// TanInto stores tan a into dst, element by element: NumPy's np.tan(a,
// out=dst). float32 is computed in float64 and rounded once,
// float16.Float16 in float32 and rounded once to half precision.
// Broadcasting, overlap, allocation and panics are those of Neg.
func TanInto[T Float](dst, a NDView[T]) { math1(mTan, dst, a) }

// ArcsinInto stores the arc sine of a, in [−π/2, π/2] (NaN outside [−1, 1])
// into dst, element by element: NumPy's np.arcsin(a, out=dst). float32
// is computed in float64 and rounded once, float16.Float16 in float32
// and rounded once to half precision. Broadcasting, overlap, allocation
// and panics are those of Neg.
func ArcsinInto[T Float](dst, a NDView[T]) { math1(mArcsin, dst, a) }

// ArccosInto stores the arc cosine of a, in [0, π] (NaN outside [−1, 1])
// into dst, element by element: NumPy's np.arccos(a, out=dst). float32
// is computed in float64 and rounded once, float16.Float16 in float32
// and rounded once to half precision. Broadcasting, overlap, allocation
// and panics are those of Neg.
func ArccosInto[T Float](dst, a NDView[T]) { math1(mArccos, dst, a) }

// ArctanInto stores the arc tangent of a, in [−π/2, π/2] into dst, element
// by element: NumPy's np.arctan(a, out=dst). float32 is computed in
// float64 and rounded once, float16.Float16 in float32 and rounded once
// to half precision. Broadcasting, overlap, allocation and panics are
// those of Neg.
func ArctanInto[T Float](dst, a NDView[T]) { math1(mArctan, dst, a) }

// Arctan2Into stores the angle of the point (b, a), the arc tangent of a/b
// in the quadrant of the signs of both, in [−π, π], with the sign of a
// into dst, element by element: NumPy's np.arctan2(a, b, out=dst).
// float32 is computed in float64 and rounded once, float16.Float16 in
// float32 and rounded once to half precision. Broadcasting, overlap,
// allocation and panics are those of Add.
func Arctan2Into[T Float](dst, a, b NDView[T]) { math2(mArctan2, dst, a, b) }

// Arctan2ScalarInto is Arctan2 with b the scalar x (NumPy's np.arctan2(a, x,
// out=dst)), the same as Arctan2Into(dst, a, Scalar(x)).
func Arctan2ScalarInto[T Float](dst, a NDView[T], x T) { math2Scalar(mArctan2, dst, a, x) }

// HypotInto stores √(a² + b²), without overflow or underflow; +Inf when
// either is infinite, even if the other is NaN into dst, element by
// element: NumPy's np.hypot(a, b, out=dst). float32 is computed in
// float64 and rounded once, float16.Float16 in float32 and rounded once
// to half precision. Broadcasting, overlap, allocation and panics are
// those of Add.
func HypotInto[T Float](dst, a, b NDView[T]) { math2(mHypot, dst, a, b) }

// HypotScalarInto is Hypot with b the scalar x (NumPy's np.hypot(a, x,
// out=dst)), the same as HypotInto(dst, a, Scalar(x)).
func HypotScalarInto[T Float](dst, a NDView[T], x T) { math2Scalar(mHypot, dst, a, x) }

// Deg2radInto stores a·(π/180), a converted from degrees to radians into
// dst, element by element: NumPy's np.deg2rad(a, out=dst). It is
// computed in T (float16.Float16 in float32), as NumPy computes it.
// Broadcasting, overlap, allocation and panics are those of Neg.
func Deg2radInto[T Float](dst, a NDView[T]) { math1(mDeg2rad, dst, a) }

// Rad2degInto stores a·(180/π), a converted from radians to degrees into
// dst, element by element: NumPy's np.rad2deg(a, out=dst). It is
// computed in T (float16.Float16 in float32), as NumPy computes it.
// Broadcasting, overlap, allocation and panics are those of Neg.
func Rad2degInto[T Float](dst, a NDView[T]) { math1(mRad2deg, dst, a) }

// SinhInto stores the hyperbolic sine of a into dst, element by element:
// NumPy's np.sinh(a, out=dst). float32 is computed in float64 and
// rounded once, float16.Float16 in float32 and rounded once to half
// precision. Broadcasting, overlap, allocation and panics are those of
// Neg.
func SinhInto[T Float](dst, a NDView[T]) { math1(mSinh, dst, a) }

// CoshInto stores the hyperbolic cosine of a into dst, element by element:
// NumPy's np.cosh(a, out=dst). float32 is computed in float64 and
// rounded once, float16.Float16 in float32 and rounded once to half
// precision. Broadcasting, overlap, allocation and panics are those of
// Neg.
func CoshInto[T Float](dst, a NDView[T]) { math1(mCosh, dst, a) }

// TanhInto stores the hyperbolic tangent of a into dst, element by element:
// NumPy's np.tanh(a, out=dst), by vector kernels within 4 ulp in float64
// and 2 in float32 (semantics.md §32 VT3). float32 is computed in float64 and
// rounded once, float16.Float16 in float32 and rounded once to half
// precision. Broadcasting, overlap, allocation and panics are those of
// Neg.
func TanhInto[T Float](dst, a NDView[T]) { math1(mTanh, dst, a) }

// ArcsinhInto stores the inverse hyperbolic sine of a into dst, element by
// element: NumPy's np.arcsinh(a, out=dst). float32 is computed in
// float64 and rounded once, float16.Float16 in float32 and rounded once
// to half precision. Broadcasting, overlap, allocation and panics are
// those of Neg.
func ArcsinhInto[T Float](dst, a NDView[T]) { math1(mArcsinh, dst, a) }

// ArccoshInto stores the inverse hyperbolic cosine of a (NaN below 1) into
// dst, element by element: NumPy's np.arccosh(a, out=dst). float32 is
// computed in float64 and rounded once, float16.Float16 in float32 and
// rounded once to half precision. Broadcasting, overlap, allocation and
// panics are those of Neg.
func ArccoshInto[T Float](dst, a NDView[T]) { math1(mArccosh, dst, a) }

// ArctanhInto stores the inverse hyperbolic tangent of a (±Inf at ±1, NaN
// beyond) into dst, element by element: NumPy's np.arctanh(a, out=dst).
// float32 is computed in float64 and rounded once, float16.Float16 in
// float32 and rounded once to half precision. Broadcasting, overlap,
// allocation and panics are those of Neg.
func ArctanhInto[T Float](dst, a NDView[T]) { math1(mArctanh, dst, a) }
