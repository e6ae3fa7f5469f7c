package bench

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Element-wise mathematics (ndview's math_*.go) on 16M contiguous
// elements, each case beside the hand loop over Go's math a Go user would
// write. The NumPy timings of the same cases are bench/numpy/math.py.
// b.SetBytes counts the bytes read plus written.

const mathN = 1 << 24

// mathInputs returns n values uniform in [lo, hi).
func mathInputs[T float32 | float64](n int, lo, hi float64, seed uint64) []T {
	r := rand.New(rand.NewPCG(seed, 1))
	s := make([]T, n)
	for i := range s {
		s[i] = T(lo + (hi-lo)*r.Float64())
	}
	return s
}

// mathUnaryCase is a unary function: ndkit's, Go's and its input range.
type mathUnaryCase struct {
	name   string
	lo, hi float64
	f64    func(dst, a ndview.NDView[float64])
	f32    func(dst, a ndview.NDView[float32])
	goFn   func(float64) float64
}

var mathUnaryCases = []mathUnaryCase{
	{"Sin", -100, 100, ndview.SinInto[float64], ndview.SinInto[float32], math.Sin},
	{"Exp2", -10, 10, ndview.Exp2Into[float64], ndview.Exp2Into[float32], math.Exp2},
	{"Expm1", -1, 1, ndview.Expm1Into[float64], ndview.Expm1Into[float32], math.Expm1},
	{"Log1p", 0, 10, ndview.Log1pInto[float64], ndview.Log1pInto[float32], math.Log1p},
}

//go:noinline
func unaryLoop64(d, a []float64, f func(float64) float64) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = f(x)
	}
}

//go:noinline
func unaryLoop32(d, a []float32, f func(float64) float64) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = float32(f(float64(x)))
	}
}

func BenchmarkMath(b *testing.B) {
	for _, c := range mathUnaryCases {
		a64, d64 := mathInputs[float64](mathN, c.lo, c.hi, 1), make([]float64, mathN)
		a32, d32 := mathInputs[float32](mathN, c.lo, c.hi, 1), make([]float32, mathN)
		va64, vd64 := mustVec(a64), mustVec(d64)
		va32, vd32 := mustVec(a32), mustVec(d32)
		b.Run(c.name+"/float64/ndkit", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(16 * mathN)
			for b.Loop() {
				c.f64(vd64, va64)
			}
		})
		b.Run(c.name+"/float64/loop", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(16 * mathN)
			for b.Loop() {
				unaryLoop64(d64, a64, c.goFn)
			}
		})
		b.Run(c.name+"/float32/ndkit", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(8 * mathN)
			for b.Loop() {
				c.f32(vd32, va32)
			}
		})
		b.Run(c.name+"/float32/loop", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(8 * mathN)
			for b.Loop() {
				unaryLoop32(d32, a32, c.goFn)
			}
		})
	}
	benchDivision[float64](b, "float64", 24)
	benchDivision[float32](b, "float32", 12)
}

// benchDivision runs FloorDivide and Remainder beside the loops
// math.Floor(x/y) and x − math.Floor(x/y)·y.
func benchDivision[T float32 | float64](b *testing.B, name string, bytes int64) {
	a, y, d := mathInputs[T](mathN, -100, 100, 2), mathInputs[T](mathN, 0.5, 10, 3), make([]T, mathN)
	va, vy, vd := mustVec(a), mustVec(y), mustVec(d)
	for _, c := range []struct {
		op   string
		nd   func(dst, a, b ndview.NDView[T])
		loop func(x, y float64) float64
	}{
		{"FloorDivide", ndview.FloorDivideInto[T], func(x, y float64) float64 { return math.Floor(x / y) }},
		{"Remainder", ndview.RemainderInto[T], func(x, y float64) float64 { return x - math.Floor(x/y)*y }},
	} {
		b.Run(c.op+"/"+name+"/ndkit", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(bytes * mathN)
			for b.Loop() {
				c.nd(vd, va, vy)
			}
		})
		b.Run(c.op+"/"+name+"/loop", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(bytes * mathN)
			for b.Loop() {
				divLoop(d, a, y, c.loop)
			}
		})
	}
}

//go:noinline
func divLoop[T float32 | float64](d, a, y []T, f func(x, y float64) float64) {
	d, y = d[:len(a)], y[:len(a)]
	for i, x := range a {
		d[i] = T(f(float64(x), float64(y[i])))
	}
}

func mustVec[T any](s []T) ndview.NDView[T] {
	v, err := ndview.FromSlice(s, len(s))
	if err != nil {
		panic(err)
	}
	return v
}
