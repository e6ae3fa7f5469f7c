package bench

import (
	"math"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Element-wise benchmarks. b.SetBytes counts the bytes written plus the
// bytes of the sources, each source element once: for a broadcast add of a
// (n, 1) and a (1, n) float32 source into an n×n destination that is
// 4·n² + 4·n + 4·n, although the kernel reads each source element n times
// (from cache).

// addBroadcastLoop is the baseline of the broadcast add: d[i][j] = a[i] +
// b[j] in a nested loop.
//
//go:noinline
func addBroadcastLoop(d, a, b []float32) {
	n := len(b)
	for i, x := range a {
		row := d[i*n : (i+1)*n]
		for j, y := range b {
			row[j] = x + y
		}
	}
}

// addLoop is the baseline of a contiguous add.
//
//go:noinline
func addLoop(d, a, b []float64) {
	b = b[:len(a)]
	d = d[:len(a)]
	for i, x := range a {
		d[i] = x + b[i]
	}
}

// addTransposedLoop is the baseline of a + b.T for n×n matrices.
//
//go:noinline
func addTransposedLoop(d, a, b []float64, n int) {
	for i := range n {
		for j := range n {
			d[i*n+j] = a[i*n+j] + b[j*n+i]
		}
	}
}

// expLoop is the baseline of Exp.
//
//go:noinline
func expLoop(d, a []float64) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = math.Exp(x)
	}
}

// BenchmarkArith measures element-wise operations into a preallocated
// destination against the loops a user would write.
func BenchmarkArith(b *testing.B) {
	run := func(b *testing.B, name string, bytes int, fn func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(bytes))
			for b.Loop() {
				fn()
			}
		})
	}
	b.Run("BroadcastAdd/f32/4096", func(b *testing.B) {
		const n = 4096
		col, a := ramp[float32](n, 1)
		row, c := ramp[float32](1, n)
		dst, d := ramp[float32](n, n)
		bytes := 4*n*n + 2*4*n
		run(b, "ndview", bytes, func() { ndview.AddInto(dst, col, row) })
		run(b, "loop", bytes, func() { addBroadcastLoop(d, a, c) })
	})
	b.Run("Add/f64/4096", func(b *testing.B) {
		const n = 4096
		x, a := ramp[float64](n, n)
		y, c := ramp[float64](n, n)
		dst, d := ramp[float64](n, n)
		bytes := 3 * 8 * n * n
		run(b, "ndview", bytes, func() { ndview.AddInto(dst, x, y) })
		run(b, "loop", bytes, func() { addLoop(d, a, c) })
	})
	b.Run("AddTransposed/f64/1000", func(b *testing.B) {
		const n = 1000
		x, a := ramp[float64](n, n)
		y, c := ramp[float64](n, n)
		dst, d := ramp[float64](n, n)
		bytes := 3 * 8 * n * n
		run(b, "ndview", bytes, func() { ndview.AddInto(dst, x, y.T()) })
		run(b, "loop", bytes, func() { addTransposedLoop(d, a, c, n) })
	})
	b.Run("AddScalar/f32/4096", func(b *testing.B) {
		const n = 4096
		x, _ := ramp[float32](n, n)
		dst, _ := ramp[float32](n, n)
		run(b, "ndview", 2*4*n*n, func() { ndview.AddScalarInto(dst, x, 1.5) })
	})
	b.Run("Exp/f64/1024", func(b *testing.B) {
		const n = 1024
		x, a := ramp[float64](n, n)
		dst, d := ramp[float64](n, n)
		run(b, "ndview", 2*8*n*n, func() { ndview.ExpInto(dst, x) })
		run(b, "loop", 2*8*n*n, func() { expLoop(d, a) })
	})
	b.Run("Less/f64/4096", func(b *testing.B) {
		const n = 4096
		x, _ := ramp[float64](n, n)
		mask := ndview.Zeros[bool](n, n)
		limit := ndview.Scalar(100.0)
		run(b, "ndview", 9*n*n, func() { ndview.LessInto(mask, x, limit) })
	})
}
