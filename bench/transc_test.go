package bench

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// BenchmarkTransc measures the vectorised transcendental functions
// (semantics.md §32) on 16M contiguous elements, float32 and float64,
// beside the loop over package math a Go user would write. The NumPy
// timings of the same cases, in the same names, come from
// bench/numpy/transc.py. Run with -tags purego for the pure-Go path.
func BenchmarkTransc(b *testing.B) {
	const n = 1 << 24
	cases := []struct {
		name   string
		lo, hi float64
		f64    func(dst, a ndview.NDView[float64])
		f32    func(dst, a ndview.NDView[float32])
		loop64 func(d, a []float64)
		loop32 func(d, a []float32)
	}{
		{"Exp", -10, 10, ndview.ExpInto[float64], ndview.ExpInto[float32], loopExp64, loopExp32},
		{"Log", 0, 100, ndview.LogInto[float64], ndview.LogInto[float32], loopLog64, loopLog32},
		{"Sin", -10, 10, ndview.SinInto[float64], ndview.SinInto[float32], loopSin64, loopSin32},
		{"Cos", -10, 10, ndview.CosInto[float64], ndview.CosInto[float32], loopCos64, loopCos32},
		{"Tanh", -5, 5, ndview.TanhInto[float64], ndview.TanhInto[float32], loopTanh64, loopTanh32},
	}
	r := rand.New(rand.NewPCG(16, 2))
	a64, d64 := make([]float64, n), make([]float64, n)
	a32, d32 := make([]float32, n), make([]float32, n)
	for _, c := range cases {
		for i := range a64 {
			a64[i] = c.lo + (c.hi-c.lo)*r.Float64()
			a32[i] = float32(a64[i])
		}
		x64, d64v := must1(ndview.FromSlice(a64, n)), must1(ndview.FromSlice(d64, n))
		x32, d32v := must1(ndview.FromSlice(a32, n)), must1(ndview.FromSlice(d32, n))
		run(b, c.name+"/f64/16M/ndview", 16*n, func() { c.f64(d64v, x64) })
		run(b, c.name+"/f64/16M/loop", 16*n, func() { c.loop64(d64, a64) })
		run(b, c.name+"/f32/16M/ndview", 8*n, func() { c.f32(d32v, x32) })
		run(b, c.name+"/f32/16M/loop", 8*n, func() { c.loop32(d32, a32) })
	}
}

// must1 returns v, panicking on err.
func must1[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// The baselines: a plain loop calling package math directly, float32
// computed in float64 and rounded, each kept out of line.

//go:noinline
func loopExp64(d, a []float64) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = math.Exp(x)
	}
}

//go:noinline
func loopExp32(d, a []float32) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = float32(math.Exp(float64(x)))
	}
}

//go:noinline
func loopLog64(d, a []float64) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = math.Log(x)
	}
}

//go:noinline
func loopLog32(d, a []float32) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = float32(math.Log(float64(x)))
	}
}

//go:noinline
func loopSin64(d, a []float64) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = math.Sin(x)
	}
}

//go:noinline
func loopSin32(d, a []float32) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = float32(math.Sin(float64(x)))
	}
}

//go:noinline
func loopCos64(d, a []float64) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = math.Cos(x)
	}
}

//go:noinline
func loopCos32(d, a []float32) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = float32(math.Cos(float64(x)))
	}
}

//go:noinline
func loopTanh64(d, a []float64) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = math.Tanh(x)
	}
}

//go:noinline
func loopTanh32(d, a []float32) {
	d = d[:len(a)]
	for i, x := range a {
		d[i] = float32(math.Tanh(float64(x)))
	}
}
