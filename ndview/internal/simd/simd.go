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
	nOps
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
	nPreds
)

// table holds the vector kernels of one element type the CPU runs; a nil
// kernel processes nothing.
type table[T Float] struct {
	vv    [nOps]func(d, a, b []T) int
	vs    [nOps]func(d, a []T, s T) int
	sv    [nOps]func(d []T, s T, b []T) int
	cmpVV [nPreds]func(d []bool, a, b []T) int
	cmpVS [nPreds]func(d []bool, a []T, s T) int
	cmpSV [nPreds]func(d []bool, s T, b []T) int

	sqrt, neg, abs func(d, a []T) int
	clip           func(d, a []T, lo, hi T) int
	max, min       func(s []T, r *[16]T) int
	lanes          int // of max and min
	sum8           func(s []T, r *[8]T)
}

var (
	t32 table[float32]
	t64 table[float64]

	// where32 and where64 select 4- and 8-byte elements.
	where32 func(d []uint32, c []bool, a, b []uint32) int
	where64 func(d []uint64, c []bool, a, b []uint64) int

	u8ToF32  func(d []float32, s []uint8) int
	f64ToF32 func(d []float32, s []float64) int
	f32ToF64 func(d []float64, s []float32) int

	// level names the kernels chosen: "AVX-512", "AVX2" or "none".
	level = "none"
)

// tab returns the table of T.
func tab[T Float]() *table[T] {
	switch any((*T)(nil)).(type) {
	case *float32:
		return any(&t32).(*table[T])
	default:
		return any(&t64).(*table[T])
	}
}

// Level returns the instruction set of the kernels in use: "AVX-512",
// "AVX2" or "none".
func Level() string { return level }

// Use switches to the kernels of level ("AVX-512", "AVX2" or "none": no
// kernel, every function processes nothing) and returns a function that
// switches back, and whether the CPU runs that level (when it does not,
// nothing changes). Tests and benchmarks use it to run each path on the
// same data; it must not run concurrently with the kernels.
func Use(level string) (restore func(), ok bool) {
	if !runs(level) {
		return func() {}, false
	}
	restore = Disable()
	use(level)
	return restore, true
}

// Disable turns the vector kernels off, as Use("none"), and returns a
// function that turns them back on.
func Disable() (restore func()) {
	s32, s64, w32, w64, a, b, c, l := t32, t64, where32, where64, u8ToF32, f64ToF32, f32ToF64, level
	t32, t64 = table[float32]{}, table[float64]{}
	where32, where64, u8ToF32, f64ToF32, f32ToF64, level = nil, nil, nil, nil, nil, "none"
	return func() {
		t32, t64, where32, where64, u8ToF32, f64ToF32, f32ToF64, level = s32, s64, w32, w64, a, b, c, l
	}
}

// VV sets d[i] = a[i] op b[i] for a prefix of d and returns its length.
// len(a) and len(b) are at least len(d).
func VV[T Float](op Op, d, a, b []T) int {
	if f := tab[T]().vv[op]; f != nil {
		return f(d, a[:len(d)], b[:len(d)])
	}
	return 0
}

// VS sets d[i] = a[i] op s for a prefix of d and returns its length.
func VS[T Float](op Op, d, a []T, s T) int {
	if f := tab[T]().vs[op]; f != nil {
		return f(d, a[:len(d)], s)
	}
	return 0
}

// SV sets d[i] = s op b[i] for a prefix of d and returns its length.
func SV[T Float](op Op, d []T, s T, b []T) int {
	t := tab[T]()
	if f := t.sv[op]; f != nil {
		return f(d, s, b[:len(d)])
	}
	if op == Add || op == Mul { // commutative, bit for bit
		if f := t.vs[op]; f != nil {
			return f(d, b[:len(d)], s)
		}
	}
	return 0
}

// CmpVV sets d[i] = a[i] pred b[i] for a prefix of d and returns its
// length.
func CmpVV[T Float](p Pred, d []bool, a, b []T) int {
	if f := tab[T]().cmpVV[p]; f != nil {
		return f(d, a[:len(d)], b[:len(d)])
	}
	return 0
}

// CmpVS sets d[i] = a[i] pred s for a prefix of d and returns its length.
func CmpVS[T Float](p Pred, d []bool, a []T, s T) int {
	if f := tab[T]().cmpVS[p]; f != nil {
		return f(d, a[:len(d)], s)
	}
	return 0
}

// CmpSV sets d[i] = s pred b[i] for a prefix of d and returns its length.
func CmpSV[T Float](p Pred, d []bool, s T, b []T) int {
	if f := tab[T]().cmpSV[p]; f != nil {
		return f(d, s, b[:len(d)])
	}
	return 0
}

// Sqrt sets d[i] = √a[i], correctly rounded, for a prefix of d and
// returns its length.
func Sqrt[T Float](d, a []T) int { return unary(tab[T]().sqrt, d, a) }

// Neg sets d[i] = −a[i] (the sign bit flipped, as Go's negation) for a
// prefix of d and returns its length.
func Neg[T Float](d, a []T) int { return unary(tab[T]().neg, d, a) }

// Abs sets d[i] = |a[i]| for a prefix of d and returns its length: the
// sign bit is cleared, but a NaN is copied as it is (kernels' Abs, whose
// NaN stays the same NaN).
func Abs[T Float](d, a []T) int { return unary(tab[T]().abs, d, a) }

// unary runs f, if any, over d and a.
func unary[T Float](f func(d, a []T) int, d, a []T) int {
	if f != nil {
		return f(d, a[:len(d)])
	}
	return 0
}

// Clip sets d[i] = min(max(a[i], lo), hi), with Go's min and max, for a
// prefix of d and returns its length. It processes nothing when lo or hi
// is NaN.
func Clip[T Float](d, a []T, lo, hi T) int {
	if f := tab[T]().clip; f != nil && lo == lo && hi == hi {
		return f(d, a[:len(d)], lo, hi)
	}
	return 0
}

// Extreme returns max(r, s[0], s[1], …) (isMax) or the minimum, as Go's
// max and min compute them, for the prefix s[:k] of s, and k; it
// processes nothing (k = 0) when it cannot give Go's bits cheaply: when
// the prefix holds a NaN, or the result would be a zero (whose sign
// depends on the order). r is not NaN.
func Extreme[T Float](r T, s []T, isMax bool) (T, int) {
	t := tab[T]()
	f := t.min
	if isMax {
		f = t.max
	}
	if f == nil || len(s) < t.lanes || r != r {
		return r, 0
	}
	var lanes [16]T
	if f(s, &lanes) != 0 {
		return r, 0
	}
	k := len(s) - len(s)%t.lanes
	for _, x := range lanes[:t.lanes] {
		if isMax {
			r = max(r, x)
		} else {
			r = min(r, x)
		}
	}
	if r == 0 {
		return r, 0
	}
	return r, k
}

// SumLanes stores into r[j] the sum s[j] + s[8+j] + s[16+j] + … of the
// first len(s)/8 groups of eight elements, added in order, and reports
// whether it did (len(s) >= 8 and a kernel runs): the eight accumulators
// of NumPy's pairwise sum.
func SumLanes[T Float](s []T, r *[8]T) bool {
	if f := tab[T]().sum8; f != nil && len(s) >= 8 {
		f(s, r)
		return true
	}
	return false
}

// Where32 sets d[i] = a[i] where c[i], b[i] elsewhere, for a prefix of d,
// and returns its length; len(c), len(a), len(b) >= len(d).
func Where32(d []uint32, c []bool, a, b []uint32) int {
	if where32 != nil {
		return where32(d, c[:len(d)], a[:len(d)], b[:len(d)])
	}
	return 0
}

// Where64 is Where32 for 8-byte elements.
func Where64(d []uint64, c []bool, a, b []uint64) int {
	if where64 != nil {
		return where64(d, c[:len(d)], a[:len(d)], b[:len(d)])
	}
	return 0
}

// U8ToF32 sets d[i] = float32(s[i]) for a prefix of d and returns its
// length; len(s) >= len(d).
func U8ToF32(d []float32, s []uint8) int {
	if u8ToF32 != nil {
		return u8ToF32(d, s[:len(d)])
	}
	return 0
}

// F64ToF32 sets d[i] = float32(s[i]) (to nearest even, as Go converts)
// for a prefix of d and returns its length.
func F64ToF32(d []float32, s []float64) int {
	if f64ToF32 != nil {
		return f64ToF32(d, s[:len(d)])
	}
	return 0
}

// F32ToF64 sets d[i] = float64(s[i]) for a prefix of d and returns its
// length.
func F32ToF64(d []float64, s []float32) int {
	if f32ToF64 != nil {
		return f32ToF64(d, s[:len(d)])
	}
	return 0
}
