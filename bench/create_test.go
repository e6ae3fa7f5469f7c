package bench

import (
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Creation benchmarks: Arange, Linspace and Full of 16M float64 elements
// (128 MiB), each a new array per call as in NumPy, beside the hand loop
// a Go user would write (make, then a loop). b.SetBytes counts the bytes
// written. The NumPy figures of the same cases come from
// bench/numpy/create.py.

const createN = 16 << 20

var sinkView ndview.NDView[float64]

var sinkSlice []float64

// arangeLoop is the hand-written np.arange(0, n/2, 0.5).
//
//go:noinline
func arangeLoop(n int, start, step float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = start + float64(i)*step
	}
	return out
}

// linspaceLoop is the hand-written np.linspace(start, stop, n).
//
//go:noinline
func linspaceLoop(n int, start, stop float64) []float64 {
	out := make([]float64, n)
	step := (stop - start) / float64(n-1)
	for i := range out {
		out[i] = float64(i)*step + start
	}
	out[n-1] = stop
	return out
}

// fullLoop is the hand-written np.full(n, x).
//
//go:noinline
func fullLoop(n int, x float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = x
	}
	return out
}

// BenchmarkCreate measures Arange(0, n/2, 0.5), Linspace(0, 1, n, true)
// and Full(1.5, n) of n = 16M float64 against the hand loops.
//
// Each function runs twice before it is timed: on the project's machine
// the first calls of a process, while the heap grows by 128 MiB steps,
// took up to 2 s each (page faults on fresh memory), and with b.N = 1
// they would be the whole measurement.
func BenchmarkCreate(b *testing.B) {
	run := func(name string, fn func()) {
		fn()
		fn()
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(createN * 8)
			for b.Loop() {
				fn()
			}
		})
	}
	run("Arange/f64/16M/ndview", func() { sinkView = ndview.Arange(0, createN/2, 0.5) })
	run("Arange/f64/16M/loop", func() { sinkSlice = arangeLoop(createN, 0, 0.5) })
	run("Linspace/f64/16M/ndview", func() { sinkView = ndview.Linspace(0.0, 1, createN, true) })
	run("Linspace/f64/16M/loop", func() { sinkSlice = linspaceLoop(createN, 0, 1) })
	run("Full/f64/16M/ndview", func() { sinkView = ndview.Full(1.5, createN) })
	run("Full/f64/16M/loop", func() { sinkSlice = fullLoop(createN, 1.5) })
}
