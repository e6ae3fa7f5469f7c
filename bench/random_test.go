package bench

import (
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/random"
)

// Random generation benchmarks: Random and StandardNormal filling 16M
// float64 (128 MiB) with NumPy's streams, into a preallocated array
// (NumPy's out=) and as a new array per call, beside the hand loop a Go
// user would otherwise write with math/rand/v2 (its PCG and its own
// ziggurat: other streams, not NumPy's). b.SetBytes counts the bytes
// written. The NumPy figures of the same cases come from
// bench/numpy/rng.py.

const randomN = 16 << 20

// randLoop fills s with math/rand/v2's Float64.
//
//go:noinline
func randLoop(r *rand.Rand, s []float64) {
	for i := range s {
		s[i] = r.Float64()
	}
}

// normLoop fills s with math/rand/v2's NormFloat64.
//
//go:noinline
func normLoop(r *rand.Rand, s []float64) {
	for i := range s {
		s[i] = r.NormFloat64()
	}
}

// BenchmarkRandom measures Random and StandardNormal of 16M float64.
func BenchmarkRandom(b *testing.B) {
	g := random.New(42)
	dst := ndview.Zeros[float64](randomN)
	buf := make([]float64, randomN)
	r := rand.New(rand.NewPCG(42, 54))
	// Each function runs twice before it is timed, as in BenchmarkCreate:
	// the first calls of a process that grow the heap by 128 MiB are
	// dominated by page faults.
	run := func(name string, fn func()) {
		fn()
		fn()
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(randomN * 8)
			for b.Loop() {
				fn()
			}
		})
	}
	run("Random/f64/16M/into/ndview", func() { g.RandomInto(dst) })
	run("Random/f64/16M/new/ndview", func() { sinkView = g.Random(randomN) })
	run("Random/f64/16M/loop", func() { randLoop(r, buf) })
	run("StandardNormal/f64/16M/into/ndview", func() { g.StandardNormalInto(dst) })
	run("StandardNormal/f64/16M/new/ndview", func() { sinkView = g.StandardNormal(randomN) })
	run("StandardNormal/f64/16M/loop", func() { normLoop(r, buf) })
}
