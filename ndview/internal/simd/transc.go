package simd

// The transcendental kernels (semantics.md §32): e^x, 2^x, e^x − 1,
// tanh x, ln x, log₂ x, ln(1 + x), sin x and cos x. Each computes in float64 (float32 lanes widened, computed and
// rounded once) with the operations of its Go twin in package kernels, so
// its results are the Go loop's bits, as the other kernels' are (K3). Each
// stops before the first vector that holds a lane outside its fast range
// (VT2), and the caller computes that vector with the Go loop and calls
// again after it.

// Transc reports whether the transcendental kernels run at the level in
// use (AVX-512, or AVX2 on a CPU with FMA): when they do not, Exp, Log,
// Sin and Cos process nothing.
func Transc() bool { return lvl == 2 || lvl == 1 && hasFMA }

// transc runs the kernel k32 or k64 of T on a prefix of d.
func transc[T Float](d, a []T, k32 func(d, a []float32) int, k64 func(d, a []float64) int) int {
	if !Transc() {
		return 0
	}
	a = a[:len(d)]
	if d, ok := f32(d); ok {
		a, _ := f32(a)
		return k32(d, a)
	}
	return k64(f64(d), f64(a))
}

// Exp sets d[i] = e^a[i] for a prefix of d, of whole vectors, and returns
// its length; it stops before the first vector with a lane outside
// [−708.3, 709.7] or NaN. len(a) >= len(d).
func Exp[T Float](d, a []T) int { return transc(d, a, expF32, expF64) }

// Exp2 sets d[i] = 2^a[i] for a prefix of d, as Exp; it stops before the
// first vector with a lane outside [−1021.5, 1023.49] or NaN.
func Exp2[T Float](d, a []T) int { return transc(d, a, exp2F32, exp2F64) }

// Expm1 sets d[i] = e^a[i] − 1 for a prefix of d, as Exp; it stops before
// the first vector with a lane outside [−708.3, 709] or NaN.
func Expm1[T Float](d, a []T) int { return transc(d, a, expm1F32, expm1F64) }

// Tanh sets d[i] = tanh a[i] for a prefix of d, as Exp; it stops before
// the first vector with a lane where |x| > 22, or NaN.
func Tanh[T Float](d, a []T) int { return transc(d, a, tanhF32, tanhF64) }

// Log2 sets d[i] = log₂ a[i] for a prefix of d, as Log.
func Log2[T Float](d, a []T) int { return transc(d, a, log2F32, log2F64) }

// Log1p sets d[i] = ln(1 + a[i]) for a prefix of d, as Exp; it stops
// before the first vector with a lane below −1 + 2⁻⁵³, +Inf or NaN.
func Log1p[T Float](d, a []T) int { return transc(d, a, log1pF32, log1pF64) }

// Log sets d[i] = ln a[i] for a prefix of d, as Exp; it stops before the
// first vector with a lane that is not a finite positive float64 normal
// number.
func Log[T Float](d, a []T) int { return transc(d, a, logF32, logF64) }

// Sin sets d[i] = sin a[i] for a prefix of d, as Exp; it stops before the
// first vector with a lane where |x| > 2²⁰·π/2, or NaN.
func Sin[T Float](d, a []T) int { return transc(d, a, sinF32, sinF64) }

// Cos sets d[i] = cos a[i] for a prefix of d, as Sin.
func Cos[T Float](d, a []T) int { return transc(d, a, cosF32, cosF64) }
