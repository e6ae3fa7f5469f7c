package bench

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/ndkit/ndkit/linalg"
	"github.com/ndkit/ndkit/ndview"
)

// Matrix product benchmarks (semantics.md §28): linalg.MatMul beside
// gonum's BLAS (blas64/blas32 Gemm, what a Go user calls today) and, for
// the batch of 4×4 products, a hand triple loop; bench/numpy/gemm.py
// times NumPy (OpenBLAS) on the same cases under the same names. Each
// case reports GFLOP/s (2·n·m·k per product) beside ns/op; b.SetBytes
// counts the operands read and the product written once. Run with -cpu 1
// for one thread and -cpu 2 for two: MatMul uses ndview.MaxThreads(),
// GOMAXPROCS by default, and so does gonum.

// gemmRand returns a count×n×n stack of uniform values in [-1, 1).
func gemmRand[T float32 | float64](seed uint64, count, n int) ndview.NDView[T] {
	r := rand.New(rand.NewPCG(seed, 3))
	v := ndview.Zeros[T](count, n, n)
	data, _ := v.Data()
	for i := range data {
		data[i] = T(2*r.Float64() - 1)
	}
	return v
}

// gemmCase runs fn as sub-benchmark name, reporting GFLOP/s for count
// products of n×n matrices of s-byte elements.
func gemmCase(b *testing.B, name string, count, n, s int, fn func()) {
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(3 * count * n * n * s))
		for b.Loop() {
			fn()
		}
		b.ReportMetric(2*float64(count)*float64(n*n*n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
	})
}

// matmul44 is the baseline of a batch of 4×4 products: a triple loop per
// matrix over contiguous data.
//
//go:noinline
func matmul44(c, a, b []float32, count int) {
	for q := range count {
		x, y, z := a[16*q:16*q+16], b[16*q:16*q+16], c[16*q:16*q+16]
		for i := range 4 {
			for j := range 4 {
				var s float32
				for p := range 4 {
					s += x[4*i+p] * y[4*p+j]
				}
				z[4*i+j] = s
			}
		}
	}
}

func BenchmarkGemm(b *testing.B) {
	for _, n := range []int{1024, 4096} {
		a64, b64 := gemmRand[float64](1, 1, n), gemmRand[float64](2, 1, n)
		a32, b32 := gemmRand[float32](1, 1, n), gemmRand[float32](2, 1, n)
		c64, c32 := ndview.Zeros[float64](n, n), ndview.Zeros[float32](n, n)
		x64, y64 := a64.Squeeze(0), b64.Squeeze(0)
		x32, y32 := a32.Squeeze(0), b32.Squeeze(0)
		gemmCase(b, fmt.Sprintf("F64_%d/ndkit", n), 1, n, 8, func() { linalg.MatMulInto(c64, x64, y64) })
		gemmCase(b, fmt.Sprintf("F32_%d/ndkit", n), 1, n, 4, func() { linalg.MatMulInto(c32, x32, y32) })
		if n > 1024 {
			continue // gonum takes about 20 s per 4096² product
		}
		gemmCase(b, fmt.Sprintf("F64_%dT/ndkit", n), 1, n, 8, func() { linalg.MatMulInto(c64, x64.T(), y64) })
		d, _ := x64.Data()
		e, _ := y64.Data()
		f, _ := c64.Data()
		ga, gb, gc := blas64.General{Rows: n, Cols: n, Stride: n, Data: d}, blas64.General{Rows: n, Cols: n, Stride: n, Data: e}, blas64.General{Rows: n, Cols: n, Stride: n, Data: f}
		gemmCase(b, fmt.Sprintf("F64_%d/gonum", n), 1, n, 8, func() { blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, ga, gb, 0, gc) })
		d32, _ := x32.Data()
		e32, _ := y32.Data()
		f32, _ := c32.Data()
		ha, hb, hc := blas32.General{Rows: n, Cols: n, Stride: n, Data: d32}, blas32.General{Rows: n, Cols: n, Stride: n, Data: e32}, blas32.General{Rows: n, Cols: n, Stride: n, Data: f32}
		gemmCase(b, fmt.Sprintf("F32_%d/gonum", n), 1, n, 4, func() { blas32.Gemm(blas.NoTrans, blas.NoTrans, 1, ha, hb, 0, hc) })
	}

	// Batches: 100,000 products of 4×4 and 64 of 128×128, float32.
	for _, bc := range []struct{ count, n int }{{100_000, 4}, {64, 128}} {
		a, bb := gemmRand[float32](3, bc.count, bc.n), gemmRand[float32](4, bc.count, bc.n)
		c := ndview.Zeros[float32](bc.count, bc.n, bc.n)
		name := fmt.Sprintf("Batch%dx%d_F32", bc.count, bc.n)
		gemmCase(b, name+"/ndkit", bc.count, bc.n, 4, func() { linalg.MatMulInto(c, a, bb) })
		ad, _ := a.Data()
		bd, _ := bb.Data()
		cd, _ := c.Data()
		if bc.n == 4 {
			gemmCase(b, name+"/loop", bc.count, bc.n, 4, func() { matmul44(cd, ad, bd, bc.count) })
		}
		nn := bc.n * bc.n
		gemmCase(b, name+"/gonum", bc.count, bc.n, 4, func() {
			for q := range bc.count {
				blas32.Gemm(blas.NoTrans, blas.NoTrans, 1,
					blas32.General{Rows: bc.n, Cols: bc.n, Stride: bc.n, Data: ad[q*nn : (q+1)*nn]},
					blas32.General{Rows: bc.n, Cols: bc.n, Stride: bc.n, Data: bd[q*nn : (q+1)*nn]},
					0, blas32.General{Rows: bc.n, Cols: bc.n, Stride: bc.n, Data: cd[q*nn : (q+1)*nn]})
			}
		})
	}
}
