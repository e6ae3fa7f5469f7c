package bench

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/linalg"
	"github.com/ndkit/ndkit/ndview"
)

// Benchmarks of package linalg's solvers, decompositions and Einsum,
// each beside what a Go user writes without ndkit: gonum's mat (copying
// the data into a mat.Dense) or a hand loop. bench/numpy/linalg.py times
// NumPy on the same cases under the same names. Bytes are the input
// matrix's (8 per element), so MB/s compares like with like.

// linalgMatrix returns an n×n float64 matrix with a strong diagonal (well
// conditioned), symmetric when sym is set.
func linalgMatrix(n int, sym bool) ndview.NDView[float64] {
	r := rand.New(rand.NewPCG(uint64(n), 17))
	a := ndview.Zeros[float64](n, n)
	for i := range n {
		for j := range n {
			a.Set(r.Float64()-0.5, i, j)
		}
		a.Set(a.At(i, i)+float64(n), i, i)
	}
	if sym {
		for i := range n {
			for j := range i {
				a.Set(a.At(j, i), i, j)
			}
		}
	}
	return a
}

func denseOf(a ndview.NDView[float64]) *mat.Dense {
	return mat.NewDense(a.Shape()[0], a.Shape()[1], a.ToSlice())
}

func BenchmarkLinalg(b *testing.B) {
	b.Run("Solve/512/ndkit", func(b *testing.B) {
		a, rhs := linalgMatrix(512, false), ndview.Ones[float64](512)
		b.ReportAllocs()
		b.SetBytes(512 * 512 * 8)
		for b.Loop() {
			if _, err := linalg.Solve(a, rhs); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Solve/512/gonum", func(b *testing.B) {
		a, rhs := linalgMatrix(512, false), ndview.Ones[float64](512)
		b.ReportAllocs()
		b.SetBytes(512 * 512 * 8)
		for b.Loop() {
			var x mat.VecDense
			if err := x.SolveVec(denseOf(a), mat.NewVecDense(512, rhs.ToSlice())); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Inv/512/ndkit", func(b *testing.B) {
		a := linalgMatrix(512, false)
		b.ReportAllocs()
		b.SetBytes(512 * 512 * 8)
		for b.Loop() {
			if _, err := linalg.Inv(a); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Inv/512/gonum", func(b *testing.B) {
		a := linalgMatrix(512, false)
		b.ReportAllocs()
		b.SetBytes(512 * 512 * 8)
		for b.Loop() {
			var x mat.Dense
			if err := x.Inverse(denseOf(a)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SVD/256/ndkit", func(b *testing.B) {
		a := linalgMatrix(256, false)
		b.ReportAllocs()
		b.SetBytes(256 * 256 * 8)
		for b.Loop() {
			if _, _, _, err := linalg.SVD(a, true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SVD/256/gonum", func(b *testing.B) {
		a := linalgMatrix(256, false)
		b.ReportAllocs()
		b.SetBytes(256 * 256 * 8)
		for b.Loop() {
			var svd mat.SVD
			if !svd.Factorize(denseOf(a), mat.SVDFull) {
				b.Fatal("no convergence")
			}
			var u, v mat.Dense
			svd.UTo(&u)
			svd.VTo(&v)
		}
	})
	b.Run("Eigh/256/ndkit", func(b *testing.B) {
		a := linalgMatrix(256, true)
		b.ReportAllocs()
		b.SetBytes(256 * 256 * 8)
		for b.Loop() {
			if _, _, err := linalg.Eigh(a, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Eigh/256/gonum", func(b *testing.B) {
		a := linalgMatrix(256, true)
		b.ReportAllocs()
		b.SetBytes(256 * 256 * 8)
		for b.Loop() {
			var es mat.EigenSym
			if !es.Factorize(mat.NewSymDense(256, a.ToSlice()), true) {
				b.Fatal("no convergence")
			}
			var v mat.Dense
			es.VectorsTo(&v)
		}
	})
	const batch, n = 64, 128
	x := ndview.Zeros[float64](batch, n, n)
	y := ndview.Zeros[float64](batch, n, n)
	xd, _ := x.Data()
	yd, _ := y.Data()
	for i := range xd {
		xd[i], yd[i] = float64(i%7)-3, float64(i%5)-2
	}
	name := fmt.Sprintf("Einsum_bij,bjk->bik/%dx%d", batch, n)
	b.Run(name+"/ndkit", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(2 * batch * n * n * 8)
		for b.Loop() {
			if _, err := linalg.Einsum("bij,bjk->bik", x, y); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run(name+"/gonum", func(b *testing.B) { // a loop over the batch, mat.Dense.Mul per matrix
		b.ReportAllocs()
		b.SetBytes(2 * batch * n * n * 8)
		for b.Loop() {
			out := make([]float64, batch*n*n)
			for k := range batch {
				xa := mat.NewDense(n, n, xd[k*n*n:(k+1)*n*n])
				ya := mat.NewDense(n, n, yd[k*n*n:(k+1)*n*n])
				mat.NewDense(n, n, out[k*n*n:(k+1)*n*n]).Mul(xa, ya)
			}
		}
	})
	sq := linalgMatrix(1024, false)
	b.Run("Einsum_ii->/1024/ndkit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := linalg.Einsum("ii->", sq); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Einsum_ii->/1024/loop", func(b *testing.B) {
		d, _ := sq.Data()
		b.ReportAllocs()
		for b.Loop() {
			var s float64
			for i := range 1024 {
				s += d[i*1025]
			}
			linalgSink = s
		}
	})
	b.Run("Einsum_ij->ji/1024/ndkit", func(b *testing.B) { // a view: O(1)
		b.ReportAllocs()
		for b.Loop() {
			if _, err := linalg.Einsum("ij->ji", sq); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Einsum_ij->ji/1024/loop", func(b *testing.B) { // a transposed copy
		d, _ := sq.Data()
		out := make([]float64, len(d))
		b.ReportAllocs()
		b.SetBytes(1024 * 1024 * 8)
		for b.Loop() {
			for i := range 1024 {
				for j := range 1024 {
					out[j*1024+i] = d[i*1024+j]
				}
			}
		}
	})
}

// linalgSink keeps a benchmark's result alive.
var linalgSink float64
