package bench

import (
	"testing"

	"gonum.org/v1/gonum/floats"

	"github.com/ndkit/ndkit/ndview"
)

// Reduction benchmarks. b.SetBytes counts the bytes read (the view's
// elements, each once); the destination of an axis reduction is a
// thousandth of that and is not counted.

var sinkF64 float64

// sumRange64 is the baseline for contiguous data: a range loop.
//
//go:noinline
func sumRange64(data []float64) float64 {
	var s float64
	for _, x := range data {
		s += x
	}
	return s
}

// sumIndexOrder64 is the baseline for a transposed view: the loop over
// the view's indices a user writes, t[i][j] = data[j·n+i], in index order.
//
//go:noinline
func sumIndexOrder64(data []float64, n int) float64 {
	var s float64
	for i := range n {
		for j := range n {
			s += data[j*n+i]
		}
	}
	return s
}

// sumRows64 is the baseline of a sum along axis 1: one loop per row.
//
//go:noinline
func sumRows64(dst, data []float64, n int) {
	for i := range dst {
		var s float64
		for _, x := range data[i*n : (i+1)*n] {
			s += x
		}
		dst[i] = s
	}
}

// sumCols64 is the baseline of a sum along axis 0: rows added into the
// destination, as NumPy does.
//
//go:noinline
func sumCols64(dst, data []float64, n int) {
	clear(dst)
	for i := 0; i < len(data); i += n {
		row := data[i : i+n]
		for j, x := range row {
			dst[j] += x
		}
	}
}

// BenchmarkSum measures Sum of a 4096² float64 view, contiguous (C) and
// transposed (T), against a range loop, gonum's assembly floats.Sum and,
// for the transposed view, the index-order loop.
func BenchmarkSum(b *testing.B) {
	const n = 4096
	v, data := ramp[float64](n, n)
	run := func(name string, fn func() float64) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(n * n * 8)
			for b.Loop() {
				sinkF64 += fn()
			}
		})
	}
	run("C/f64/4096/ndview", func() float64 { return ndview.Sum(v) })
	run("C/f64/4096/range", func() float64 { return sumRange64(data) })
	run("C/f64/4096/gonum", func() float64 { return floats.Sum(data) })
	run("T/f64/4096/ndview", func() float64 { return ndview.Sum(v.T()) })
	run("T/f64/4096/loop", func() float64 { return sumIndexOrder64(data, n) })
	// Every other column: rows of 2048 with stride 2, read in chunks
	// of 8192 across rows (NumPy's buffered order). SetBytes counts the
	// whole array; the elements read are half of it.
	step := v.Slice(ndview.Colon(), ndview.Step(2))
	run("Step2/f64/4096/ndview", func() float64 { return ndview.Sum(step) })
	run("Step2/f64/4096/loop", func() float64 { return sumStep2(data) })
}

// sumStep2 is the baseline of a sum of every other element: a stepped
// range loop.
//
//go:noinline
func sumStep2(data []float64) float64 {
	var s float64
	for i := 0; i < len(data); i += 2 {
		s += data[i]
	}
	return s
}

// BenchmarkSumAxis measures SumAxis of a 4096² float64 view along each
// axis against the loops a user would write.
func BenchmarkSumAxis(b *testing.B) {
	const n = 4096
	v, data := ramp[float64](n, n)
	dst, d := ramp[float64](n)
	run := func(name string, fn func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(n * n * 8)
			for b.Loop() {
				fn()
			}
		})
	}
	run("Axis1/f64/4096/ndview", func() { ndview.SumAxisInto(dst, v, 1) })
	run("Axis1/f64/4096/loop", func() { sumRows64(d, data, n) })
	run("Axis0/f64/4096/ndview", func() { ndview.SumAxisInto(dst, v, 0) })
	run("Axis0/f64/4096/loop", func() { sumCols64(d, data, n) })
}

// BenchmarkMinMax measures Max and ArgMax of a 4096² float64 view against
// a range loop.
func BenchmarkMinMax(b *testing.B) {
	const n = 4096
	v, data := ramp[float64](n, n)
	run := func(name string, fn func() float64) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(n * n * 8)
			for b.Loop() {
				sinkF64 += fn()
			}
		})
	}
	run("Max/f64/4096/ndview", func() float64 { return ndview.Max(v) })
	run("Max/f64/4096/range", func() float64 {
		m := data[0]
		for _, x := range data {
			m = max(m, x)
		}
		return m
	})
	run("ArgMax/f64/4096/ndview", func() float64 { return float64(ndview.ArgMax(v)) })
}
