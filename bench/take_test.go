package bench

import (
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Benchmarks of the index-array routines (semantics.md §15), beside the
// loop a Go programmer would write; bench/numpy/take.py times NumPy on the
// same cases, under the same names. b.SetBytes counts the bytes read plus
// written: for a take, the indices (8 bytes each) and each element taken
// twice (read and written); for Nonzero, the bools and the indices
// written.

var (
	sinkTake    ndview.NDView[float32]
	sinkNonzero []ndview.NDView[int]
	sinkIndices []int
)

// takeLoop is the baseline of a flat take: a range loop over the indices
// into a destination allocated once.
//
//go:noinline
func takeLoop(dst, src []float32, idx []int) {
	for j, i := range idx {
		dst[j] = src[i]
	}
}

// takeRowsLoop is the baseline of a take of whole rows of width w: one
// builtin copy per row.
//
//go:noinline
func takeRowsLoop(dst, src []float32, idx []int, w int) {
	for j, i := range idx {
		copy(dst[j*w:(j+1)*w], src[i*w:(i+1)*w])
	}
}

// nonzeroLoop is the baseline of Nonzero of a 1-D bool slice: append each
// true position.
//
//go:noinline
func nonzeroLoop(b []bool) []int {
	var out []int
	for i, x := range b {
		if x {
			out = append(out, i)
		}
	}
	return out
}

// BenchmarkTake measures a flat take of 1M random indices from 16M
// float32 (the source far outside the caches) and a take of 4096 random
// rows of a (65536, 64) float32 array along axis 0: Take (a new result),
// TakeInto (a destination allocated once) and the loop.
func BenchmarkTake(b *testing.B) {
	const n, k = 1 << 24, 1 << 20
	r := rand.New(rand.NewPCG(1, 1))
	data := make([]float32, n)
	for i := range data {
		data[i] = r.Float32()
	}
	a, _ := ndview.FromSlice(data)
	idxData := make([]int, k)
	for i := range idxData {
		idxData[i] = r.IntN(n)
	}
	idx, _ := ndview.FromSlice(idxData)
	out := make([]float32, k)
	dst, _ := ndview.FromSlice(out)
	b.Run("flat/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(k * (8 + 4 + 4))
		for b.Loop() {
			sinkTake, _ = ndview.TakeFlat(a, idx)
		}
	})
	b.Run("flat/into", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(k * (8 + 4 + 4))
		for b.Loop() {
			_ = ndview.TakeInto(dst, a, idx, 0)
		}
	})
	b.Run("flat/loop", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(k * (8 + 4 + 4))
		for b.Loop() {
			takeLoop(out, data, idxData)
		}
	})

	const rows, w, m = 65536, 64, 4096
	mat, _ := ndview.FromSlice(data[:rows*w], rows, w)
	rowData := make([]int, m)
	for i := range rowData {
		rowData[i] = r.IntN(rows)
	}
	ri, _ := ndview.FromSlice(rowData)
	rout := make([]float32, m*w)
	rdst, _ := ndview.FromSlice(rout, m, w)
	const rowBytes = m * (8 + 2*w*4)
	b.Run("rows/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(rowBytes)
		for b.Loop() {
			sinkTake, _ = ndview.Take(mat, ri, 0)
		}
	})
	b.Run("rows/into", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(rowBytes)
		for b.Loop() {
			_ = ndview.TakeInto(rdst, mat, ri, 0)
		}
	})
	b.Run("rows/loop", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(rowBytes)
		for b.Loop() {
			takeRowsLoop(rout, data, rowData, w)
		}
	})
}

// BenchmarkNonzero measures Nonzero of 16M bools with 1% and with 50%
// true, against the appending loop.
func BenchmarkNonzero(b *testing.B) {
	const n = 1 << 24
	for _, pct := range []int{1, 50} {
		r := rand.New(rand.NewPCG(2, uint64(pct)))
		data := make([]bool, n)
		cnt := 0
		for i := range data {
			data[i] = r.IntN(100) < pct
			if data[i] {
				cnt++
			}
		}
		v, _ := ndview.FromSlice(data)
		name := map[int]string{1: "1%", 50: "50%"}[pct]
		b.Run(name+"/ndview", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n + 8*cnt))
			for b.Loop() {
				sinkNonzero = ndview.Nonzero(v)
			}
		})
		b.Run(name+"/loop", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n + 8*cnt))
			for b.Loop() {
				sinkIndices = nonzeroLoop(data)
			}
		})
	}
}
