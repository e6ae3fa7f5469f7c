package blocked

import (
	"gonum.org/v1/gonum/blas"
	"math/rand/v2"
	"testing"
)

func BenchmarkGetrf1024(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	a0, ld := randMat(r, 1024, 1024, 0)
	a := make([]float64, len(a0))
	ip := make([]int, 1024)
	for b.Loop() {
		copy(a, a0)
		Implementation{}.Dgetrf(1024, 1024, a, ld, ip)
	}
}

func BenchmarkQR1024(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	const n = 1024
	a0, ld := randMat(r, n, n, 0)
	a := make([]float64, len(a0))
	tau, work := make([]float64, n), make([]float64, n*qrBlock)
	for b.Loop() {
		copy(a, a0)
		Implementation{}.Dgeqrf(n, n, a, ld, tau, work, len(work))
		Implementation{}.Dorgqr(n, n, n, a, ld, tau, work, len(work))
	}
}

func BenchmarkPotrf1024(b *testing.B) {
	const n = 1024
	a0 := make([]float64, n*n)
	for i := range n {
		a0[i*n+i] = 2
		if i > 0 {
			a0[i*n+i-1], a0[(i-1)*n+i] = -1, -1
		}
	}
	a := make([]float64, len(a0))
	for b.Loop() {
		copy(a, a0)
		Implementation{}.Dpotrf(blas.Lower, n, a, n)
	}
}
