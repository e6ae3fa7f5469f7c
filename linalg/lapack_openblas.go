//go:build openblas && cgo

package linalg

import (
	"gonum.org/v1/gonum/blas"
	lapackapi "gonum.org/v1/gonum/lapack"

	"github.com/ndkit/ndkit/linalg/internal/blocked"
	"github.com/ndkit/ndkit/linalg/internal/gemm/flapack"
	"github.com/ndkit/ndkit/ndview"
)

// lapackImpl sends LU, its solve, Cholesky, QR, the SVD and the symmetric
// eigenproblem to OpenBLAS's LAPACK (getrf, getrs, potrf, geqrf, orgqr,
// gesdd, syevd: what NumPy calls), keeping gonum's signatures and
// row-major storage for package linalg (semantics.md §34, LP4). Each
// matrix is copied into column-major order and back, as NumPy copies into
// Fortran order, so that LAPACK factorises A itself (not Aᵀ) with NumPy's
// pivots. Eig stays on gonum.
type lapackImpl struct {
	blocked.Implementation
}

// LAPACKBackend names the LAPACK behind the decompositions and solvers:
// "openblas" under the openblas build tag, "gonum+ndkit" without it
// (semantics.md §34).
const LAPACKBackend = "openblas"

// toCol returns a new column-major copy (leading dimension max(1, m)) of
// the m×n row-major a of leading dimension lda.
func toCol(m, n int, a []float64, lda int) []float64 {
	c := make([]float64, max(1, m)*n)
	if m > 0 && n > 0 {
		colView(m, n, c).CopyFrom(rowView(m, n, a, lda))
	}
	return c
}

// fromCol copies the column-major m×n c (leading dimension max(1, m))
// into the row-major a of leading dimension lda.
func fromCol(m, n int, c, a []float64, lda int) {
	if m > 0 && n > 0 {
		rowView(m, n, a, lda).CopyFrom(colView(m, n, c))
	}
}

// rowView and colView view a row-major and a column-major m×n matrix.
func rowView(m, n int, a []float64, lda int) ndview.NDView[float64] {
	return ndview.Must(ndview.Wrap(a, 0, []int{m, n}, []int{lda, 1}))
}

func colView(m, n int, c []float64) ndview.NDView[float64] {
	return ndview.Must(ndview.Wrap(c, 0, []int{m, n}, []int{1, max(1, m)}))
}

// threads sets OpenBLAS's thread count to the one linalg uses.
func threads() { flapack.SetThreads(ndview.MaxThreads()) }

// Dgetrf factorises the m×n a as P·L·U (dgetrf), ipiv 0-based; false
// when a pivot is exactly zero.
func (lapackImpl) Dgetrf(m, n int, a []float64, lda int, ipiv []int) bool {
	if min(m, n) == 0 {
		return true
	}
	c := toCol(m, n, a, lda)
	p := make([]int32, min(m, n))
	threads()
	info := flapack.Dgetrf(m, n, c, max(1, m), p)
	for i, x := range p {
		ipiv[i] = int(x) - 1
	}
	fromCol(m, n, c, a, lda)
	return info == 0
}

// Dgetrs solves op(A)·X = B with Dgetrf's factors (dgetrs). For A·X = B
// it copies nothing (semantics.md §34, LP4): it applies the interchanges
// to B's rows, then two triangular solves (dtrsm) that read the row-major
// factors and B as their column-major transposes: a read column-major
// holds Lᵀ above the diagonal (unit) and Uᵀ on and below it, and
// L·Y = B, U·X = Y are Yᵀ·Lᵀ = Bᵀ, Xᵀ·Uᵀ = Yᵀ.
func (lapackImpl) Dgetrs(trans blas.Transpose, n, nrhs int, a []float64, lda int, ipiv []int, b []float64, ldb int) {
	if n == 0 || nrhs == 0 {
		return
	}
	if trans == blas.NoTrans {
		for i, p := range ipiv[:n] {
			if p != i {
				ri, rp := b[i*ldb:i*ldb+nrhs], b[p*ldb:p*ldb+nrhs]
				for j := range ri {
					ri[j], rp[j] = rp[j], ri[j]
				}
			}
		}
		threads()
		flapack.Dtrsm('R', 'U', 'N', 'U', nrhs, n, a, lda, b, ldb)
		flapack.Dtrsm('R', 'L', 'N', 'N', nrhs, n, a, lda, b, ldb)
		return
	}
	c, x := toCol(n, n, a, lda), toCol(n, nrhs, b, ldb)
	p := make([]int32, n)
	for i, v := range ipiv[:n] {
		p[i] = int32(v + 1)
	}
	threads()
	flapack.Dgetrs(byte(trans), n, nrhs, c, n, p, x, n)
	fromCol(n, nrhs, x, b, ldb)
}

// Dpotrf computes the Cholesky factor in the triangle ul (dpotrf). A
// row-major triangle is the other triangle of the same memory read
// column-major, and A is symmetric, so no copy is needed: the row-major
// lower factor L is the column-major upper factor U = Lᵀ.
func (lapackImpl) Dpotrf(ul blas.Uplo, n int, a []float64, lda int) bool {
	if n == 0 {
		return true
	}
	other := byte(blas.Upper)
	if ul == blas.Upper {
		other = byte(blas.Lower)
	}
	threads()
	return flapack.Dpotrf(other, n, a, lda) == 0
}

// Dgeqrf computes the QR factorisation (dgeqrf) in gonum's layout.
func (lapackImpl) Dgeqrf(m, n int, a []float64, lda int, tau, work []float64, lwork int) {
	if lwork == -1 {
		work[0] = 1
		return
	}
	if min(m, n) == 0 {
		return
	}
	c := toCol(m, n, a, lda)
	threads()
	flapack.Dgeqrf(m, n, c, max(1, m), tau)
	fromCol(m, n, c, a, lda)
}

// Dorgqr forms Q from Dgeqrf's reflectors (dorgqr).
func (lapackImpl) Dorgqr(m, n, k int, a []float64, lda int, tau, work []float64, lwork int) {
	if lwork == -1 {
		work[0] = 1
		return
	}
	if n == 0 {
		return
	}
	c := toCol(m, n, a, lda)
	threads()
	flapack.Dorgqr(m, n, k, c, max(1, m), tau)
	fromCol(m, n, c, a, lda)
}

// Dgesvd computes the SVD by divide and conquer (dgesdd, NumPy's
// routine), jobU and jobVT equal (all, the min(m, n) leading vectors, or
// none); false when it does not converge.
func (lapackImpl) Dgesvd(jobU, _ lapackapi.SVDJob, m, n int, a []float64, lda int, s, u []float64, ldu int, vt []float64, ldvt int, work []float64, lwork int) bool {
	if lwork == -1 {
		work[0] = 1
		return true
	}
	k := min(m, n)
	if k == 0 {
		return true
	}
	uc, vr := k, k
	switch jobU {
	case lapackapi.SVDAll:
		uc, vr = m, n
	case lapackapi.SVDNone:
		uc, vr = 0, 0
	}
	c := toCol(m, n, a, lda)
	uw, vw := make([]float64, m*uc), make([]float64, vr*n)
	threads()
	if flapack.Dgesdd(byte(jobU), m, n, c, max(1, m), s, uw, m, vw, vr) != 0 {
		return false
	}
	fromCol(m, uc, uw, u, ldu)
	fromCol(vr, n, vw, vt, ldvt)
	return true
}

// Dsyev computes the eigenvalues and, for EVCompute, the eigenvectors of
// the symmetric a by divide and conquer (dsyevd, NumPy's routine).
func (lapackImpl) Dsyev(jobz lapackapi.EVJob, ul blas.Uplo, n int, a []float64, lda int, w, work []float64, lwork int) bool {
	if lwork == -1 {
		work[0] = 1
		return true
	}
	if n == 0 {
		return true
	}
	c := toCol(n, n, a, lda)
	threads()
	if flapack.Dsyevd(byte(jobz), byte(ul), n, c, n, w) != 0 {
		return false
	}
	if jobz == lapackapi.EVCompute {
		fromCol(n, n, c, a, lda)
	}
	return true
}
