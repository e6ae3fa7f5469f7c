package blocked

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack/gonum"
)

// The drivers are checked against gonum's own (unblocked-update) LAPACK
// on the same inputs: the same pivots and factors within a small
// multiple of the rounding error, on sizes around every block boundary
// and with a leading dimension larger than the row.

var ref gonum.Implementation

var sizes = []int{0, 1, 2, 5, 31, 32, 33, 64, 65, 100, 129, 130, 200, 257}

// randMat returns an m×n matrix with leading dimension n+pad.
func randMat(r *rand.Rand, m, n, pad int) ([]float64, int) {
	ld := max(1, n+pad)
	a := make([]float64, max(0, (m-1)*ld+n))
	for i := range a {
		a[i] = r.Float64()*2 - 1
	}
	return a, ld
}

// closeTo fails the test when got and want differ by more than tol
// times (1 + max|want|) at any element of the m×n matrices.
func closeTo(t *testing.T, what string, m, n int, got, want []float64, ld int, tol float64) {
	t.Helper()
	scale := 1.0
	for i := range m {
		for j := range n {
			scale = math.Max(scale, math.Abs(want[i*ld+j]))
		}
	}
	for i := range m {
		for j := range n {
			if d := math.Abs(got[i*ld+j] - want[i*ld+j]); !(d <= tol*scale) {
				t.Fatalf("%s: element (%d, %d) is %g, want %g", what, i, j, got[i*ld+j], want[i*ld+j])
			}
		}
	}
}

func TestGetrfGetrs(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range sizes {
		for _, m := range []int{n, n + 7, max(0, n-3)} {
			a, ld := randMat(r, m, n, 3)
			want := append([]float64(nil), a...)
			ip, wp := make([]int, min(m, n)), make([]int, min(m, n))
			okG := Implementation{}.Dgetrf(m, n, a, ld, ip)
			okW := ref.Dgetrf(m, n, want, ld, wp)
			if okG != okW {
				t.Fatalf("%d×%d: ok %v, want %v", m, n, okG, okW)
			}
			for i := range ip {
				if ip[i] != wp[i] {
					t.Fatalf("%d×%d: ipiv[%d] = %d, want %d", m, n, i, ip[i], wp[i])
				}
			}
			closeTo(t, "getrf", m, n, a, want, ld, 1e-11)
			if m != n {
				continue
			}
			for _, tr := range []blas.Transpose{blas.NoTrans, blas.Trans} {
				b, ldb := randMat(r, n, 9, 2)
				bw := append([]float64(nil), b...)
				Implementation{}.Dgetrs(tr, n, 9, a, ld, ip, b, ldb)
				ref.Dgetrs(tr, n, 9, want, ld, wp, bw, ldb)
				closeTo(t, "getrs", n, 9, b, bw, ldb, 1e-10)
			}
		}
	}
}

func TestGetrfSingular(t *testing.T) {
	for _, n := range []int{3, 40, 100} {
		a := make([]float64, n*n)
		for i := range n {
			for j := range n {
				a[i*n+j] = float64((i*j)%7 + i)
			}
		}
		copy(a[(n-1)*n:], a[:n]) // a repeated row: an exactly zero pivot
		if (Implementation{}).Dgetrf(n, n, a, n, make([]int, n)) {
			t.Errorf("n=%d: a matrix with a repeated row factorised as regular", n)
		}
	}
}

func TestPotrf(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range sizes {
		for _, ul := range []blas.Uplo{blas.Lower, blas.Upper} {
			b, _ := randMat(r, n, n, 0)
			ld := n + 2
			a := make([]float64, max(0, (n-1)*ld+n))
			for i := range n {
				for j := range n {
					var s float64
					for p := range n {
						s += b[i*n+p] * b[j*n+p]
					}
					if i == j {
						s += float64(n)
					}
					a[i*ld+j] = s
				}
			}
			want := append([]float64(nil), a...)
			if !(Implementation{}).Dpotrf(ul, n, a, ld) || !ref.Dpotrf(ul, n, want, ld) {
				t.Fatalf("n=%d: not positive definite", n)
			}
			for i := range n { // compare the factor's triangle only
				for j := range n {
					if (ul == blas.Lower) != (j <= i) {
						a[i*ld+j], want[i*ld+j] = 0, 0
					}
				}
			}
			closeTo(t, "potrf", n, n, a, want, ld, 1e-11)
		}
	}
	a := []float64{1, 2, 2, 1} // indefinite
	if (Implementation{}).Dpotrf(blas.Lower, 2, a, 2) {
		t.Error("an indefinite matrix factorised")
	}
	n := 100
	a = make([]float64, n*n)
	for i := range n {
		a[i*n+i] = 1
	}
	a[80*n+80] = -1
	if (Implementation{}).Dpotrf(blas.Upper, n, a, n) {
		t.Error("an indefinite 100×100 matrix factorised")
	}
}

func TestGeqrfOrgqr(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range sizes {
		for _, m := range []int{n, n + 40, max(0, n-10)} {
			k := min(m, n)
			a, ld := randMat(r, m, n, 1)
			want := append([]float64(nil), a...)
			tau, tw := make([]float64, k), make([]float64, k)
			q := []float64{0}
			Implementation{}.Dgeqrf(m, n, a, ld, tau, q, -1)
			Implementation{}.Dgeqrf(m, n, a, ld, tau, make([]float64, max(n, int(q[0]))), max(n, int(q[0])))
			ref.Dgeqrf(m, n, want, ld, tw, q, -1)
			ref.Dgeqrf(m, n, want, ld, tw, make([]float64, max(n, int(q[0]))), max(n, int(q[0])))
			closeTo(t, "geqrf", m, n, a, want, ld, 1e-11)
			closeTo(t, "tau", 1, k, tau, tw, k, 1e-11)
			if m < n {
				continue
			}
			Implementation{}.Dorgqr(m, n, k, a, ld, tau, q, -1)
			Implementation{}.Dorgqr(m, n, k, a, ld, tau, make([]float64, max(n, int(q[0]))), max(n, int(q[0])))
			ref.Dorgqr(m, n, k, want, ld, tw, q, -1)
			ref.Dorgqr(m, n, k, want, ld, tw, make([]float64, max(n, int(q[0]))), max(n, int(q[0])))
			closeTo(t, "orgqr", m, n, a, want, ld, 1e-11)
		}
	}
}
