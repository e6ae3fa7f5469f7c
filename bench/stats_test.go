package bench

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Statistics benchmarks (semantics.md §19), each beside the loop a Go
// user would otherwise write; bench/numpy/stats.py times NumPy on the
// same cases under the same names. b.SetBytes counts the bytes of the
// source read once.

const (
	statsN    = 10_000_000 // elements of the 1-D cases
	statsSide = 4096       // side of the square cases
)

// statsData returns n normal float64 values from a fixed seed.
func statsData(n int) []float64 {
	r := rand.New(rand.NewPCG(1, 2))
	a := make([]float64, n)
	for i := range a {
		a[i] = r.NormFloat64()
	}
	return a
}

// sortQuantile is the baseline of a median or quantile: copy, sort,
// interpolate (NumPy's linear method).
//
//go:noinline
func sortQuantile(a []float64, q float64) float64 {
	s := slices.Clone(a)
	slices.Sort(s)
	v := float64(len(s)-1) * q
	i := int(v)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	g := v - float64(i)
	return s[i] + (s[i+1]-s[i])*g
}

// cumsumRows is the baseline of a cumulative sum along axis 0 of an n×n
// matrix: row i is row i−1 plus the source row.
//
//go:noinline
func cumsumRows(dst, src []float64, n int) {
	copy(dst[:n], src[:n])
	for i := 1; i < n; i++ {
		p, d, s := dst[(i-1)*n:i*n], dst[i*n:(i+1)*n], src[i*n:(i+1)*n]
		for j := range d {
			d[j] = p[j] + s[j]
		}
	}
}

// cumsumLines is the baseline along axis 1: a running sum per row.
//
//go:noinline
func cumsumLines(dst, src []float64, n int) {
	for i := range n {
		var acc float64
		for j, x := range src[i*n : (i+1)*n] {
			acc += x
			dst[i*n+j] = acc
		}
	}
}

// varCols is the baseline of a variance along axis 0: two passes of rows
// added into row buffers.
//
//go:noinline
func varCols(dst, src []float64, n int) {
	mean := make([]float64, n)
	for i := range n {
		for j, x := range src[i*n : (i+1)*n] {
			mean[j] += x
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}
	clear(dst)
	for i := range n {
		for j, x := range src[i*n : (i+1)*n] {
			d := x - mean[j]
			dst[j] += d * d
		}
	}
	for j := range dst {
		dst[j] /= float64(n)
	}
}

// varRows is the baseline along axis 1: two passes over each row.
//
//go:noinline
func varRows(dst, src []float64, n int) {
	for i := range n {
		row := src[i*n : (i+1)*n]
		var m float64
		for _, x := range row {
			m += x
		}
		m /= float64(n)
		var s float64
		for _, x := range row {
			d := x - m
			s += d * d
		}
		dst[i] = s / float64(n)
	}
}

// histUniform is the baseline histogram: the bin by multiplication,
// clamped, no edge fix-up.
//
//go:noinline
func histUniform(counts []int, a []float64, lo, hi float64) {
	clear(counts)
	nb := len(counts)
	norm := float64(nb) / (hi - lo)
	for _, x := range a {
		if x < lo || x > hi {
			continue
		}
		i := int((x - lo) * norm)
		if i >= nb {
			i = nb - 1
		}
		counts[i]++
	}
}

func BenchmarkStats(b *testing.B) {
	a := statsData(statsN)
	v, _ := ndview.FromSlice(a)
	b.Run("Median/ndkit", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * statsN))
		for b.Loop() {
			sinkF64 = ndview.Median(v)
		}
	})
	b.Run("Median/loop", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * statsN))
		for b.Loop() {
			sinkF64 = sortQuantile(a, 0.5)
		}
	})
	b.Run("Quantile90/ndkit", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * statsN))
		for b.Loop() {
			sinkF64, _ = ndview.Quantile(v, 0.9, ndview.QuantileLinear)
		}
	})
	b.Run("Quantile90/loop", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * statsN))
		for b.Loop() {
			sinkF64 = sortQuantile(a, 0.9)
		}
	})
	b.Run("Histogram256/ndkit", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * statsN))
		for b.Loop() {
			c, _, _ := ndview.HistogramRange(v, 256, -4, 4)
			sinkF64 = float64(c[0])
		}
	})
	b.Run("Histogram256/loop", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * statsN))
		counts := make([]int, 256)
		for b.Loop() {
			histUniform(counts, a, -4, 4)
		}
	})

	n := statsSide
	m := statsData(n * n)
	mv, _ := ndview.FromSlice(m, n, n)
	out := make([]float64, n*n)
	for i := range out {
		out[i] = 1 // fault the pages in before timing
	}
	ov, _ := ndview.FromSlice(out, n, n)
	row := ndview.Zeros[float64](n)
	rowData := make([]float64, n)
	for axis := range 2 {
		name := []string{"0", "1"}[axis]
		b.Run("CumsumAxis"+name+"/ndkit", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(8 * n * n))
			for b.Loop() {
				ndview.CumsumAxisInto(ov, mv, axis)
			}
		})
		b.Run("CumsumAxis"+name+"/loop", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(8 * n * n))
			for b.Loop() {
				if axis == 0 {
					cumsumRows(out, m, n)
				} else {
					cumsumLines(out, m, n)
				}
			}
		})
		b.Run("VarAxis"+name+"/ndkit", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(8 * n * n))
			for b.Loop() {
				ndview.VarAxisInto(row, mv, 0, axis)
			}
		})
		b.Run("VarAxis"+name+"/loop", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(8 * n * n))
			for b.Loop() {
				if axis == 0 {
					varCols(rowData, m, n)
				} else {
					varRows(rowData, m, n)
				}
			}
		})
	}
}
