package bench

import (
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// The two forms of an operation (semantics.md §20): X(…) returns a new
// array, XInto(dst, …) writes into one the caller keeps. On 1M float64
// elements each pair runs side by side with a hand loop that makes its own
// slice, the baseline a Go user would write; the difference is the cost
// of a fresh 8 MB result (the allocation and Go's zeroing of it).
func BenchmarkAllocatingForms(b *testing.B) {
	const n = 1 << 20
	x := ndview.Ones[float64](n)
	y := ndview.Ones[float64](n)
	dst := ndview.Zeros[float64](n)
	xs, _ := x.Data()
	ys, _ := y.Data()
	m := ndview.Ones[float64](1024, 1024)
	row := ndview.Zeros[float64](1024)
	run := func(name string, bytes int, f func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(bytes))
			for b.Loop() {
				f()
			}
		})
	}
	run("Add/into", 24*n, func() { ndview.AddInto(dst, x, y) })
	run("Add/new", 24*n, func() { _ = ndview.Add(x, y) })
	run("Add/loop-new", 24*n, func() {
		d := make([]float64, n)
		addLoop(d, xs, ys)
	})
	run("Sqrt/into", 16*n, func() { ndview.SqrtInto(dst, x) })
	run("Sqrt/new", 16*n, func() { _ = ndview.Sqrt(x) })
	run("SumAxis0/into", 8*n, func() { ndview.SumAxisInto(row, m, 0) })
	run("SumAxis0/new", 8*n, func() { _ = ndview.SumAxis(m, 0) })
}
