package bench

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// BenchmarkSIMD measures the element-wise operations and reductions whose
// contiguous inner loops run vector code (semantics.md §27), on 16M
// elements (4096² for the sums), beside the loop a Go user would write.
// The NumPy timings of the same cases, in the same names, come from
// bench/numpy/simd.py. Run with -tags purego for the pure-Go loops.

const simdN = 1 << 24

// simdData returns n float32 values uniform in [-1, 1) and their view.
func simdData32(n int, seed uint64) ([]float32, ndview.NDView[float32]) {
	r := rand.New(rand.NewPCG(seed, 1))
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(r.Float64()*2 - 1)
	}
	v, err := ndview.FromSlice(s, n)
	if err != nil {
		panic(err)
	}
	return s, v
}

// simdData64 is simdData32 for float64, in [0, 2) for Sqrt.
func simdData64(n int, seed uint64) ([]float64, ndview.NDView[float64]) {
	r := rand.New(rand.NewPCG(seed, 2))
	s := make([]float64, n)
	for i := range s {
		s[i] = r.Float64() * 2
	}
	v, err := ndview.FromSlice(s, n)
	if err != nil {
		panic(err)
	}
	return s, v
}

// The baselines, kept out of line so that each runs as its own loop.

//go:noinline
func loopAdd32(d, a, b []float32) {
	b, d = b[:len(a)], d[:len(a)]
	for i, x := range a {
		d[i] = x + b[i]
	}
}

//go:noinline
func loopMulScalar32(d, a []float32, s float32) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = x * s
	}
}

//go:noinline
func loopSqrt64(d, a []float64) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = math.Sqrt(x)
	}
}

//go:noinline
func loopLess32(d []bool, a, b []float32) {
	b, d = b[:len(a)], d[:len(a)]
	for i, x := range a {
		d[i] = x < b[i]
	}
}

//go:noinline
func loopClip32(d, a []float32, lo, hi float32) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = min(max(x, lo), hi)
	}
}

//go:noinline
func loopWhere32(d []float32, c []bool, a, b []float32) {
	a, b, d = a[:len(c)], b[:len(c)], d[:len(c)]
	for i, x := range c {
		if x {
			d[i] = a[i]
		} else {
			d[i] = b[i]
		}
	}
}

//go:noinline
func loopMax32(s []float32) float32 {
	r := s[0]
	for _, x := range s {
		r = max(r, x)
	}
	return r
}

//go:noinline
func loopArgMax32(s []float32) int {
	best, at := s[0], 0
	for i, x := range s {
		if x > best || x != x {
			best, at = x, i
			if x != x {
				break
			}
		}
	}
	return at
}

//go:noinline
func loopSum64(s []float64) float64 {
	var r float64
	for _, x := range s {
		r += x
	}
	return r
}

//go:noinline
func loopU8ToF32(d []float32, s []uint8) {
	d = d[:len(s)]
	for i, x := range s {
		d[i] = float32(x)
	}
}

//go:noinline
func loopF64ToF32(d []float32, s []float64) {
	d = d[:len(s)]
	for i, x := range s {
		d[i] = float32(x)
	}
}

func BenchmarkSIMD(b *testing.B) {
	run := func(name string, bytes int, fn func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(bytes))
			for b.Loop() {
				fn()
			}
		})
	}
	n := simdN
	a32, av := simdData32(n, 1)
	b32, bv := simdData32(n, 2)
	d32, dv := simdData32(n, 3)
	run("Add/f32/16M/ndview", 12*n, func() { ndview.AddInto(dv, av, bv) })
	run("Add/f32/16M/loop", 12*n, func() { loopAdd32(d32, a32, b32) })
	run("MulScalar/f32/16M/ndview", 8*n, func() { ndview.MulScalarInto(dv, av, 2) })
	run("MulScalar/f32/16M/loop", 8*n, func() { loopMulScalar32(d32, a32, 2) })
	run("Clip/f32/16M/ndview", 8*n, func() { ndview.ClipInto(dv, av, -0.5, 0.5) })
	run("Clip/f32/16M/loop", 8*n, func() { loopClip32(d32, a32, -0.5, 0.5) })

	m := make([]bool, n)
	mv, _ := ndview.FromSlice(m, n)
	run("Less/f32/16M/ndview", 9*n, func() { ndview.LessInto(mv, av, bv) })
	run("Less/f32/16M/loop", 9*n, func() { loopLess32(m, a32, b32) })
	run("Where/f32/16M/ndview", 13*n, func() { ndview.WhereInto(dv, mv, av, bv) })
	run("Where/f32/16M/loop", 13*n, func() { loopWhere32(d32, m, a32, b32) })

	var sink float32
	var isink int
	run("Max/f32/16M/ndview", 4*n, func() { sink += ndview.Max(av) })
	run("Max/f32/16M/loop", 4*n, func() { sink += loopMax32(a32) })
	run("ArgMax/f32/16M/ndview", 4*n, func() { isink += ndview.ArgMax(av) })
	run("ArgMax/f32/16M/loop", 4*n, func() { isink += loopArgMax32(a32) })

	u8 := make([]uint8, n)
	for i := range u8 {
		u8[i] = uint8(i * 7)
	}
	u8v, _ := ndview.FromSlice(u8, n)
	run("U8ToF32/16M/ndview", 5*n, func() { ndview.ConvertInto(dv, u8v) })
	run("U8ToF32/16M/loop", 5*n, func() { loopU8ToF32(d32, u8) })

	a64, a64v := simdData64(n, 4)
	d64, d64v := simdData64(n, 5)
	run("F64ToF32/16M/ndview", 12*n, func() { ndview.ConvertInto(dv, a64v) })
	run("F64ToF32/16M/loop", 12*n, func() { loopF64ToF32(d32, a64) })
	run("Sqrt/f64/16M/ndview", 16*n, func() { ndview.SqrtInto(d64v, a64v) })
	run("Sqrt/f64/16M/loop", 16*n, func() { loopSqrt64(d64, a64) })

	sq, err := a64v.Reshape(4096, 4096)
	if err != nil {
		b.Fatal(err)
	}
	var fsink float64
	run("Sum/f64/4096²/ndview", 8*n, func() { fsink += ndview.Sum(sq) })
	run("Sum/f64/4096²/loop", 8*n, func() { fsink += loopSum64(a64) })
	run("SumT/f64/4096²/ndview", 8*n, func() { fsink += ndview.Sum(sq.T()) })
	_ = d64
	_, _, _ = sink, isink, fsink
}
