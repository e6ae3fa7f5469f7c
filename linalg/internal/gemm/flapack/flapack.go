//go:build openblas && cgo

package flapack

/*
#cgo pkg-config: openblas
#include <stddef.h>

// The Fortran LAPACK of OpenBLAS (LP64: 32-bit integers). Character
// arguments are followed, at the end, by their hidden lengths.
void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
void dgetrs_(const char *trans, const int *n, const int *nrhs, const double *a, const int *lda, const int *ipiv, double *b, const int *ldb, int *info, size_t);
void dtrsm_(const char *side, const char *uplo, const char *transa, const char *diag, const int *m, const int *n, const double *alpha, const double *a, const int *lda, double *b, const int *ldb, size_t, size_t, size_t, size_t);
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t);
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work, const int *lwork, int *info);
void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda, const double *tau, double *work, const int *lwork, int *info);
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s, double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork, int *iwork, int *info, size_t);
void dsyevd_(const char *jobz, const char *uplo, const int *n, double *a, const int *lda, double *w, double *work, const int *lwork, int *iwork, const int *liwork, int *info, size_t, size_t);
*/
import "C"

import (
	"fmt"
	"math"

	"github.com/ndkit/ndkit/linalg/internal/gemm/cblas"
)

// Every routine takes column-major matrices and returns LAPACK's info:
// 0 on success, i > 0 for a failure at step i (a zero pivot, a minor not
// positive definite, no convergence). The callers check the arguments
// (info < 0 would be their logic error, and panics here).

// SetThreads sets OpenBLAS's thread count (one count for its BLAS and
// its LAPACK), through package cblas, which keeps the count last set.
func SetThreads(n int) { cblas.SetThreads(n) }

// ci converts a dimension to a C int, panicking when it does not fit
// (LP64 LAPACK counts in 32 bits).
func ci(n int) C.int {
	if n < 0 || n > math.MaxInt32 {
		panic(fmt.Sprintf("flapack: dimension %d does not fit LAPACK's 32-bit integers", n))
	}
	return C.int(n)
}

// ptr returns the address of the first element of s, or nil when s is
// empty.
func ptr(s []float64) *C.double {
	if len(s) == 0 {
		return nil
	}
	return (*C.double)(&s[0])
}

// check panics on a negative info: an argument LAPACK refused.
func check(name string, info C.int) int {
	if info < 0 {
		panic(fmt.Sprintf("flapack: %s: argument %d is invalid", name, -info))
	}
	return int(info)
}

// Dgetrf: LU of the m×n a with partial pivoting; ipiv (1-based) has
// min(m, n) entries.
func Dgetrf(m, n int, a []float64, lda int, ipiv []int32) int {
	var info C.int
	cm, cn, cl := ci(m), ci(n), ci(lda)
	C.dgetrf_(&cm, &cn, ptr(a), &cl, (*C.int)(&ipiv[0]), &info)
	return check("dgetrf", info)
}

// Dgetrs solves op(A)·X = B with Dgetrf's factors, trans 'N' or 'T'.
func Dgetrs(trans byte, n, nrhs int, a []float64, lda int, ipiv []int32, b []float64, ldb int) {
	var info C.int
	t := C.char(trans)
	cn, cr, cla, clb := ci(n), ci(nrhs), ci(lda), ci(ldb)
	C.dgetrs_(&t, &cn, &cr, ptr(a), &cla, (*C.int)(&ipiv[0]), ptr(b), &clb, &info, 1)
	check("dgetrs", info)
}

// Dtrsm solves X·op(A) = B (side 'R') or op(A)·X = B (side 'L') for the
// m×n b in place, A triangular in uplo ('U' or 'L'), transa 'N' or 'T',
// diag 'U' (unit) or 'N'; alpha is 1. It is OpenBLAS's BLAS dtrsm.
func Dtrsm(side, uplo, transa, diag byte, m, n int, a []float64, lda int, b []float64, ldb int) {
	if m == 0 || n == 0 {
		return
	}
	sd, ul, tr, dg := C.char(side), C.char(uplo), C.char(transa), C.char(diag)
	cm, cn, cla, clb := ci(m), ci(n), ci(lda), ci(ldb)
	one := C.double(1)
	C.dtrsm_(&sd, &ul, &tr, &dg, &cm, &cn, &one, ptr(a), &cla, ptr(b), &clb, 1, 1, 1, 1)
}

// Dpotrf: Cholesky factor in the triangle uplo ('L' or 'U').
func Dpotrf(uplo byte, n int, a []float64, lda int) int {
	var info C.int
	u := C.char(uplo)
	cn, cl := ci(n), ci(lda)
	C.dpotrf_(&u, &cn, ptr(a), &cl, &info, 1)
	return check("dpotrf", info)
}

// lwork runs a workspace query q and returns the optimal length.
func lwork(q func(work *C.double, lwork *C.int)) int {
	var w C.double
	l := C.int(-1)
	q(&w, &l)
	return max(1, int(w))
}

// Dgeqrf: QR factorisation of the m×n a; tau has min(m, n) entries.
func Dgeqrf(m, n int, a []float64, lda int, tau []float64) {
	var info C.int
	cm, cn, cl := ci(m), ci(n), ci(lda)
	work := make([]float64, lwork(func(w *C.double, l *C.int) {
		C.dgeqrf_(&cm, &cn, ptr(a), &cl, ptr(tau), w, l, &info)
	}))
	lw := ci(len(work))
	C.dgeqrf_(&cm, &cn, ptr(a), &cl, ptr(tau), ptr(work), &lw, &info)
	check("dgeqrf", info)
}

// Dorgqr forms the m×n Q of the first k reflectors of Dgeqrf.
func Dorgqr(m, n, k int, a []float64, lda int, tau []float64) {
	var info C.int
	cm, cn, ck, cl := ci(m), ci(n), ci(k), ci(lda)
	work := make([]float64, lwork(func(w *C.double, l *C.int) {
		C.dorgqr_(&cm, &cn, &ck, ptr(a), &cl, ptr(tau), w, l, &info)
	}))
	lw := ci(len(work))
	C.dorgqr_(&cm, &cn, &ck, ptr(a), &cl, ptr(tau), ptr(work), &lw, &info)
	check("dorgqr", info)
}

// Dgesdd: the SVD of the m×n a by divide and conquer, jobz 'A', 'S' or
// 'N' (u and vt unused then).
func Dgesdd(jobz byte, m, n int, a []float64, lda int, s, u []float64, ldu int, vt []float64, ldvt int) int {
	var info C.int
	j := C.char(jobz)
	cm, cn, cl, cu, cv := ci(m), ci(n), ci(lda), ci(max(1, ldu)), ci(max(1, ldvt))
	iwork := make([]C.int, 8*max(1, min(m, n)))
	work := make([]float64, lwork(func(w *C.double, l *C.int) {
		C.dgesdd_(&j, &cm, &cn, ptr(a), &cl, ptr(s), ptr(u), &cu, ptr(vt), &cv, w, l, &iwork[0], &info, 1)
	}))
	lw := ci(len(work))
	C.dgesdd_(&j, &cm, &cn, ptr(a), &cl, ptr(s), ptr(u), &cu, ptr(vt), &cv, ptr(work), &lw, &iwork[0], &info, 1)
	return check("dgesdd", info)
}

// Dsyevd: eigenvalues (ascending, in w) and, for jobz 'V', eigenvectors
// (in a's columns) of the symmetric n×n a, read from the triangle uplo.
func Dsyevd(jobz, uplo byte, n int, a []float64, lda int, w []float64) int {
	var info C.int
	j, u := C.char(jobz), C.char(uplo)
	cn, cl := ci(n), ci(lda)
	var wq C.double
	var iq C.int
	lq, liq := C.int(-1), C.int(-1)
	C.dsyevd_(&j, &u, &cn, ptr(a), &cl, ptr(w), &wq, &lq, &iq, &liq, &info, 1, 1)
	work, iwork := make([]float64, max(1, int(wq))), make([]C.int, max(1, int(iq)))
	lw, liw := ci(len(work)), ci(len(iwork))
	C.dsyevd_(&j, &u, &cn, ptr(a), &cl, ptr(w), ptr(work), &lw, &iwork[0], &liw, &info, 1, 1)
	return check("dsyevd", info)
}
