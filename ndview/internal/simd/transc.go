package simd

// The transcendental kernels (semantics.md §32). Unlike the others of this
// package, their results are not the Go loop's bits: they are within the
// ulp bounds of VT3 of the correctly rounded result, as the Go loop's are.
// Each stops before the first vector that holds a lane outside its fast
// range (VT2), and the caller computes that vector with the Go loop and
// calls again after it.

// hasFMA reports whether the CPU has FMA3, which the AVX2 kernels of this
// file use (AVX-512F has its own); set by transc_amd64.go.
var hasFMA bool

// transcOK reports whether the transcendental kernels of the level in use
// run.
func transcOK() bool { return lvl == 2 || lvl == 1 && hasFMA }

// Exp sets d[i] = e^a[i] for a prefix of d, of whole vectors, and returns
// its length; it stops before the first vector with a lane where the
// result would not be a normal number, or NaN: float32 lanes outside
// [−87.3, 88.7], float64 lanes outside [−708.3, 709.7]. len(a) >= len(d).
func Exp[T Float](d, a []T) int {
	if !transcOK() {
		return 0
	}
	a = a[:len(d)]
	if d, ok := f32(d); ok {
		a, _ := f32(a)
		return expF32(d, a)
	}
	return expF64(f64(d), f64(a))
}

// Log sets d[i] = ln a[i] for a prefix of d, of whole vectors, and returns
// its length; it stops before the first vector with a lane that is not a
// finite positive normal number. len(a) >= len(d).
func Log[T Float](d, a []T) int {
	if !transcOK() {
		return 0
	}
	a = a[:len(d)]
	if d, ok := f32(d); ok {
		a, _ := f32(a)
		return logF32(d, a)
	}
	return logF64(f64(d), f64(a))
}
