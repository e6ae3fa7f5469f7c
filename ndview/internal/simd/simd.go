package simd

// Float is the element types with vector kernels.
type Float interface{ float32 | float64 }

// Op is an arithmetic operation of two operands.
type Op int

// The arithmetic operations.
const (
	Add Op = iota
	Sub
	Mul
	Div
)

// Pred is a comparison.
type Pred int

// The comparisons: Equal and NotEqual (true when either is NaN), Less and
// LessEqual (false when either is NaN).
const (
	Equal Pred = iota
	NotEqual
	Less
	LessEqual
)

var (
	// level names the kernels in use: "AVX-512", "AVX2" or "none"; lvl is
	// 2, 1 or 0 for them (the generated dispatch, zz_dispatch_*.go,
	// switches on it).
	level = "none"
	lvl   = 0
)

// Level returns the instruction set of the kernels in use: "AVX-512",
// "AVX2" or "none".
func Level() string { return level }

// Use switches to the kernels of level ("AVX-512", "AVX2" or "none": no
// kernel, every function processes nothing) and returns a function that
// switches back, and whether the CPU runs that level (when it does not,
// nothing changes). Tests and benchmarks use it to run each path on the
// same data; it must not run concurrently with the kernels.
func Use(l string) (restore func(), ok bool) {
	if !runs(l) {
		return func() {}, false
	}
	old := level
	restore = func() {
		level, lvl = "none", 0
		use(old)
	}
	level, lvl = "none", 0
	use(l)
	return restore, true
}

// Disable turns the vector kernels off, as Use("none"), and returns a
// function that turns them back on.
func Disable() (restore func()) {
	restore, _ = Use("none")
	return restore
}

// f32 returns s as a []float32 when T is float32.
func f32[T Float](s []T) ([]float32, bool) {
	p, ok := any(&s).(*[]float32)
	if !ok {
		return nil, false
	}
	return *p, true
}

// f64 returns s as a []float64 when T is float64.
func f64[T Float](s []T) []float64 { return *any(&s).(*[]float64) }

// val returns x as a U, for U the type T is.
func val[U, T Float](x T) U { return *any(&x).(*U) }

// VV sets d[i] = a[i] op b[i] for a prefix of d and returns its length.
// len(a) and len(b) are at least len(d).
func VV[T Float](op Op, d, a, b []T) int {
	a, b = a[:len(d)], b[:len(d)]
	if d, ok := f32(d); ok {
		a, _ := f32(a)
		b, _ := f32(b)
		return vvF32(op, d, a, b)
	}
	return vvF64(op, f64(d), f64(a), f64(b))
}

// VS sets d[i] = a[i] op s for a prefix of d and returns its length.
func VS[T Float](op Op, d, a []T, s T) int {
	a = a[:len(d)]
	if d, ok := f32(d); ok {
		a, _ := f32(a)
		return vsF32(op, d, a, val[float32](s))
	}
	return vsF64(op, f64(d), f64(a), val[float64](s))
}

// SV sets d[i] = s op b[i] for a prefix of d and returns its length.
func SV[T Float](op Op, d []T, s T, b []T) int {
	b = b[:len(d)]
	if d, ok := f32(d); ok {
		b, _ := f32(b)
		return svF32(op, d, val[float32](s), b)
	}
	return svF64(op, f64(d), val[float64](s), f64(b))
}

// CmpVV sets d[i] = a[i] pred b[i] for a prefix of d and returns its
// length.
func CmpVV[T Float](p Pred, d []bool, a, b []T) int {
	a, b = a[:len(d)], b[:len(d)]
	if a, ok := f32(a); ok {
		b, _ := f32(b)
		return cmpVVF32(p, d, a, b)
	}
	return cmpVVF64(p, d, f64(a), f64(b))
}

// CmpVS sets d[i] = a[i] pred s for a prefix of d and returns its length.
func CmpVS[T Float](p Pred, d []bool, a []T, s T) int {
	a = a[:len(d)]
	if a, ok := f32(a); ok {
		return cmpVSF32(p, d, a, val[float32](s))
	}
	return cmpVSF64(p, d, f64(a), val[float64](s))
}

// CmpSV sets d[i] = s pred b[i] for a prefix of d and returns its length.
func CmpSV[T Float](p Pred, d []bool, s T, b []T) int {
	b = b[:len(d)]
	if b, ok := f32(b); ok {
		return cmpSVF32(p, d, val[float32](s), b)
	}
	return cmpSVF64(p, d, val[float64](s), f64(b))
}

// Sqrt sets d[i] = √a[i], correctly rounded, for a prefix of d and
// returns its length.
func Sqrt[T Float](d, a []T) int {
	a = a[:len(d)]
	if d, ok := f32(d); ok {
		a, _ := f32(a)
		return sqrtF32(d, a)
	}
	return sqrtF64(f64(d), f64(a))
}

// Neg sets d[i] = −a[i] (the sign bit flipped, as Go's negation) for a
// prefix of d and returns its length.
func Neg[T Float](d, a []T) int {
	a = a[:len(d)]
	if d, ok := f32(d); ok {
		a, _ := f32(a)
		return negF32(d, a)
	}
	return negF64(f64(d), f64(a))
}

// Abs sets d[i] = |a[i]| for a prefix of d and returns its length: the
// sign bit is cleared, but a NaN is copied as it is (kernels' Abs, whose
// NaN stays the same NaN).
func Abs[T Float](d, a []T) int {
	a = a[:len(d)]
	if d, ok := f32(d); ok {
		a, _ := f32(a)
		return absF32(d, a)
	}
	return absF64(f64(d), f64(a))
}

// Clip sets d[i] = min(max(a[i], lo), hi), with Go's min and max, bit for
// bit, for a prefix of d and returns its length.
func Clip[T Float](d, a []T, lo, hi T) int {
	a = a[:len(d)]
	if d, ok := f32(d); ok {
		a, _ := f32(a)
		return clipF32(d, a, val[float32](lo), val[float32](hi))
	}
	return clipF64(f64(d), f64(a), val[float64](lo), val[float64](hi))
}

// Extreme returns max(r, s[0], s[1], …) (isMax) or the minimum, as Go's
// max and min compute them, of the prefix s[:k] of s, and k; it processes
// nothing (k = 0) when it cannot give Go's bits cheaply: when the prefix
// holds a NaN, or the result would be a zero (whose sign depends on the
// order). r is not NaN.
func Extreme[T Float](r T, s []T, isMax bool) (T, int) {
	lanes := 0
	if lvl > 0 {
		var z T
		lanes = 32 * lvl / sizeof(z)
	}
	if lanes == 0 || len(s) < lanes || r != r {
		return r, 0
	}
	var v [16]T
	var nan int
	if s32, ok := f32(s); ok {
		nan = extremeF32(isMax, s32, any(&v).(*[16]float32))
	} else {
		nan = extremeF64(isMax, f64(s), any(&v).(*[16]float64))
	}
	if nan != 0 {
		return r, 0
	}
	for _, x := range v[:lanes] {
		if isMax {
			r = max(r, x)
		} else {
			r = min(r, x)
		}
	}
	if r == 0 {
		return r, 0
	}
	return r, len(s) - len(s)%lanes
}

// sizeof returns the size of a T.
func sizeof[T Float](z T) int {
	if _, ok := any(z).(float32); ok {
		return 4
	}
	return 8
}

// SumLanes stores into r[j] the sum s[j] + s[8+j] + s[16+j] + … of the
// first len(s)/8 groups of eight elements, added in order, and reports
// whether it did (len(s) >= 8 and a kernel runs): the eight accumulators
// of NumPy's pairwise sum.
func SumLanes[T Float](s []T, r *[8]T) bool {
	if len(s) < 8 {
		return false
	}
	if s32, ok := f32(s); ok {
		return sumLanesF32(s32, any(r).(*[8]float32))
	}
	return sumLanesF64(f64(s), any(r).(*[8]float64))
}

// Where32 sets d[i] = a[i] where c[i], b[i] elsewhere, for a prefix of d,
// and returns its length; len(c), len(a), len(b) >= len(d).
func Where32(d []uint32, c []bool, a, b []uint32) int {
	return where32(d, c[:len(d)], a[:len(d)], b[:len(d)])
}

// Where64 is Where32 for 8-byte elements.
func Where64(d []uint64, c []bool, a, b []uint64) int {
	return where64(d, c[:len(d)], a[:len(d)], b[:len(d)])
}

// U8ToF32 sets d[i] = float32(s[i]) for a prefix of d and returns its
// length; len(s) >= len(d).
func U8ToF32(d []float32, s []uint8) int { return u8ToF32(d, s[:len(d)]) }

// F64ToF32 sets d[i] = float32(s[i]) (to nearest even, as Go converts)
// for a prefix of d and returns its length.
func F64ToF32(d []float32, s []float64) int { return f64ToF32(d, s[:len(d)]) }

// F32ToF64 sets d[i] = float64(s[i]) for a prefix of d and returns its
// length.
func F32ToF64(d []float64, s []float32) int { return f32ToF64(d, s[:len(d)]) }
