// Package blocked holds blocked and recursive LAPACK drivers (LU, its
// solve, Cholesky, QR and the forming of Q) whose level-3 updates run on
// ndkit's GEMM (linalg/internal/gemm) instead of gonum's Dgemm, while the
// panels are factorised by gonum's own unblocked routines (Dgetf2,
// Dpotf2, Dgeqr2, Dlarft, Dorg2r) (semantics.md §34, LP1-LP3).
//
// Implementation embeds gonum's LAPACK and overrides Dgetrf, Dgetrs,
// Dpotrf, Dgeqrf and Dorgqr with these drivers, with gonum's signatures
// and row-major storage, so that package linalg calls it as it called
// gonum. gonum's global BLAS (blas64.Use) is never changed: a program's
// own gonum calls keep gonum's BLAS.
package blocked

import (
	"math"
	"sync"

	"gonum.org/v1/gonum/blas"
	gblas "gonum.org/v1/gonum/blas/gonum"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/gonum"

	"github.com/ndkit/ndkit/linalg/internal/gemm"
	"github.com/ndkit/ndkit/ndview"
)

// Implementation is gonum's pure-Go LAPACK with the blocked drivers of
// this package in place of its Dgetrf, Dgetrs, Dpotrf, Dgeqrf and Dorgqr.
type Implementation struct {
	gonum.Implementation
}

// mat is a float64 matrix of any strides, the operand type of the GEMM.
type mat = gemm.Mat[float64]

// Block sizes. Below base rows a triangular solve, an LU or a Cholesky
// factorisation calls gonum's unblocked routine; QR works in panels of
// qrBlock columns and calls gonum's unblocked QR below qrCross columns
// (LAPACK's Ilaenv values for DGEQRF are 32 and 128).
const (
	base     = 32
	qrBlock  = 32
	qrCross  = 128
	syrkRows = 128
)

// lp is gonum's LAPACK, for the unblocked routines.
var lp gonum.Implementation

// bl is gonum's pure-Go BLAS, called directly (never through the global
// blas64 implementation) for the small triangular blocks.
var bl gblas.Implementation

// rowMajor returns the rows×cols matrix at a[0] with leading dimension ld.
func rowMajor(a []float64, rows, cols, ld int) mat {
	return mat{Data: a, Rows: rows, Cols: cols, RS: ld, CS: 1}
}

// sub returns the r×c block of m at (i, j).
func sub(m mat, i, j, r, c int) mat {
	m.Off += i*m.RS + j*m.CS
	m.Rows, m.Cols = r, c
	return m
}

// slice returns m's storage from its first element, and its leading
// dimension, for gonum's row-major routines (m.CS must be 1).
func slice(m mat) ([]float64, int) { return m.Data[m.Off:], m.RS }

// scratch holds the temporaries of the updates.
var scratch = sync.Pool{New: func() any { return new([]float64) }}

// getScratch returns a buffer of n elements from the pool, and its
// holder to give back with scratch.Put.
func getScratch(n int) (*[]float64, []float64) {
	p := scratch.Get().(*[]float64)
	if cap(*p) < n {
		*p = make([]float64, n)
	}
	return p, (*p)[:n]
}

// mulSub stores C − A·B into C, the product computed by ndkit's GEMM on
// up to ndview.MaxThreads() goroutines into a temporary and then
// subtracted (C may share its memory with neither A nor B's elements
// that it changes, which the drivers never ask).
func mulSub(c, a, b mat) {
	m, n, k := c.Rows, c.Cols, a.Cols
	if m == 0 || n == 0 || k == 0 {
		return
	}
	p, t := getScratch(m * n)
	defer scratch.Put(p)
	gemm.Gemm(mat{Data: t, Rows: m, Cols: n, RS: n, CS: 1}, a, b, ndview.MaxThreads())
	for i := range m {
		bl.Daxpy(n, -1, t[i*n:i*n+n], 1, c.Data[c.Off+i*c.RS:], c.CS)
	}
}

// uplo returns blas.Lower or blas.Upper.
func uplo(lower bool) blas.Uplo {
	if lower {
		return blas.Lower
	}
	return blas.Upper
}

// diag returns blas.Unit or blas.NonUnit.
func diag(unit bool) blas.Diag {
	if unit {
		return blas.Unit
	}
	return blas.NonUnit
}

// storage returns how gonum's row-major routines name the triangular
// matrix t, a row-major view (CS 1) or the transpose of one (RS 1):
// its storage, whether it is stored transposed, and its triangle in
// storage terms.
func storage(t mat, lower bool) (a []float64, lda int, tr blas.Transpose, ul blas.Uplo) {
	if t.CS == 1 {
		a, lda = slice(t)
		return a, lda, blas.NoTrans, uplo(lower)
	}
	a, lda = slice(t.T())
	return a, lda, blas.Trans, uplo(!lower)
}

// trsmLeft solves T·X = B for X and stores it in B. T is n×n triangular
// (lower or upper, with a unit diagonal when unit), row-major or the
// transpose of a row-major matrix; B is n×nrhs, row-major. Above base
// rows it halves T: two half solves and one GEMM update.
func trsmLeft(t mat, lower, unit bool, b mat) {
	n := t.Rows
	if n == 0 || b.Cols == 0 {
		return
	}
	if n <= base {
		a, lda, tr, ul := storage(t, lower)
		bs, ldb := slice(b)
		bl.Dtrsm(blas.Left, ul, tr, diag(unit), n, b.Cols, 1, a, lda, bs, ldb)
		return
	}
	n1 := half(n)
	t11, t22 := sub(t, 0, 0, n1, n1), sub(t, n1, n1, n-n1, n-n1)
	b1, b2 := sub(b, 0, 0, n1, b.Cols), sub(b, n1, 0, n-n1, b.Cols)
	if lower {
		trsmLeft(t11, lower, unit, b1)
		mulSub(b2, sub(t, n1, 0, n-n1, n1), b1)
		trsmLeft(t22, lower, unit, b2)
		return
	}
	trsmLeft(t22, lower, unit, b2)
	mulSub(b1, sub(t, 0, n1, n1, n-n1), b2)
	trsmLeft(t11, lower, unit, b1)
}

// trsmRight solves X·T = B for X and stores it in B, T as in trsmLeft
// (n×n), B m×n row-major.
func trsmRight(t mat, lower, unit bool, b mat) {
	n := t.Rows
	if n == 0 || b.Rows == 0 {
		return
	}
	if n <= base {
		a, lda, tr, ul := storage(t, lower)
		bs, ldb := slice(b)
		bl.Dtrsm(blas.Right, ul, tr, diag(unit), b.Rows, n, 1, a, lda, bs, ldb)
		return
	}
	n1 := half(n)
	t11, t22 := sub(t, 0, 0, n1, n1), sub(t, n1, n1, n-n1, n-n1)
	b1, b2 := sub(b, 0, 0, b.Rows, n1), sub(b, 0, n1, b.Rows, n-n1)
	if lower { // X1·T11 + X2·T21 = B1, X2·T22 = B2
		trsmRight(t22, lower, unit, b2)
		mulSub(b1, b2, sub(t, n1, 0, n-n1, n1))
		trsmRight(t11, lower, unit, b1)
		return
	}
	// X1·T11 = B1, X1·T12 + X2·T22 = B2
	trsmRight(t11, lower, unit, b1)
	mulSub(b2, b1, sub(t, 0, n1, n1, n-n1))
	trsmRight(t22, lower, unit, b2)
}

// half returns where a recursive driver splits n: about n/2, rounded to
// a multiple of 8 when n is large, so that the GEMM's blocks stay whole.
func half(n int) int {
	h := n / 2
	if h >= 64 {
		h &^= 7
	}
	return h
}

// swapRows applies the row interchanges ipiv[k0:k1] to the columns of m:
// row i with row ipiv[i] for i from k0 up (LAPACK's laswp, forward).
func swapRows(m mat, ipiv []int, k0, k1 int) {
	for i := k0; i < k1; i++ {
		p := ipiv[i]
		if p == i {
			continue
		}
		r, s := m.Data[m.Off+i*m.RS:m.Off+i*m.RS+m.Cols], m.Data[m.Off+p*m.RS:m.Off+p*m.RS+m.Cols]
		for j := range r {
			r[j], s[j] = s[j], r[j]
		}
	}
}

// getrf factorises the m×n row-major a as P·L·U by LAPACK's recursive
// dgetrf2 (Toledo): the left half of the columns, their row interchanges
// applied to the right half, a triangular solve and a GEMM update, then
// the right half. Below base columns gonum's Dgetf2 factorises the panel.
// It reports false when a pivot is exactly zero, and factorises on.
func getrf(a mat, ipiv []int) bool {
	m, n := a.Rows, a.Cols
	mn := min(m, n)
	if mn == 0 {
		return true
	}
	if mn <= base {
		return getf2(a, ipiv[:mn])
	}
	n1 := half(mn)
	ok := getrf(sub(a, 0, 0, m, n1), ipiv[:n1])
	right := sub(a, 0, n1, m, n-n1)
	swapRows(right, ipiv, 0, n1)
	trsmLeft(sub(a, 0, 0, n1, n1), true, true, sub(a, 0, n1, n1, n-n1))
	mulSub(sub(a, n1, n1, m-n1, n-n1), sub(a, n1, 0, m-n1, n1), sub(a, 0, n1, n1, n-n1))
	ok2 := getrf(sub(a, n1, n1, m-n1, n-n1), ipiv[n1:mn])
	for i := n1; i < mn; i++ {
		ipiv[i] += n1
	}
	swapRows(sub(a, 0, 0, m, n1), ipiv, n1, mn)
	return ok && ok2
}

// getf2 factorises the m×n panel a (n ≤ base) as LAPACK's dgetf2 does,
// with its pivots and operations, but on a column-major copy: in a tall
// row-major panel each column step would touch m cache lines, in the copy
// it reads one contiguous column. (gonum's Dgetf2, otherwise the same,
// divides only the first element below a pivot smaller than the smallest
// normal number; this one divides the whole column, as LAPACK does.)
func getf2(a mat, ipiv []int) bool {
	m, n := a.Rows, a.Cols
	p, buf := getScratch(m * n)
	defer scratch.Put(p)
	for i := range m {
		for j, x := range a.Data[a.Off+i*a.RS : a.Off+i*a.RS+n] {
			buf[j*m+i] = x
		}
	}
	ok := true
	for j := range min(m, n) {
		col := buf[j*m : j*m+m]
		jp := j + bl.Idamax(m-j, col[j:], 1)
		ipiv[j] = jp
		if col[jp] == 0 {
			ok = false
		} else {
			if jp != j {
				for c := range n {
					buf[c*m+j], buf[c*m+jp] = buf[c*m+jp], buf[c*m+j]
				}
			}
			if aj := col[j]; math.Abs(aj) >= safeMin {
				bl.Dscal(m-j-1, 1/aj, col[j+1:], 1)
			} else {
				for i := j + 1; i < m; i++ {
					col[i] /= aj
				}
			}
		}
		for c := j + 1; c < n; c++ {
			cc := buf[c*m : c*m+m]
			bl.Daxpy(m-j-1, -cc[j], col[j+1:], 1, cc[j+1:], 1)
		}
	}
	for i := range m {
		row := a.Data[a.Off+i*a.RS : a.Off+i*a.RS+n]
		for j := range row {
			row[j] = buf[j*m+i]
		}
	}
	return ok
}

// safeMin is LAPACK's dlamch('S'), the smallest normal float64: a pivot
// at least this large is inverted once, a smaller one divides.
const safeMin = 0x1p-1022

// Dgetrf computes the LU factorisation with partial pivoting of the m×n
// row-major matrix a, as gonum's Dgetrf (ipiv holds 0-based row
// interchanges), by the recursive getrf. It reports false when U has an
// exactly zero diagonal element.
func (Implementation) Dgetrf(m, n int, a []float64, lda int, ipiv []int) bool {
	if min(m, n) == 0 {
		return true
	}
	checkMat(m, n, a, lda)
	if len(ipiv) != min(m, n) {
		panic("blocked: len(ipiv) != min(m, n)")
	}
	return getrf(rowMajor(a, m, n, lda), ipiv)
}

// Dgetrs solves A·X = B (trans NoTrans) or Aᵀ·X = B with the LU factors
// of Dgetrf, as gonum's Dgetrs: B (n×nrhs, row-major) is overwritten by X.
func (Implementation) Dgetrs(trans blas.Transpose, n, nrhs int, a []float64, lda int, ipiv []int, b []float64, ldb int) {
	if n == 0 || nrhs == 0 {
		return
	}
	checkMat(n, n, a, lda)
	checkMat(n, nrhs, b, ldb)
	lu, x := rowMajor(a, n, n, lda), rowMajor(b, n, nrhs, ldb)
	if trans == blas.NoTrans {
		swapRows(x, ipiv, 0, n)
		trsmLeft(lu, true, true, x)
		trsmLeft(lu, false, false, x)
		return
	}
	trsmLeft(lu.T(), true, false, x)
	trsmLeft(lu.T(), false, true, x)
	for i := n - 1; i >= 0; i-- {
		swapRows(x, ipiv, i, i+1)
	}
}

// checkMat panics unless a holds an m×n row-major matrix of leading
// dimension lda.
func checkMat(m, n int, a []float64, lda int) {
	if m < 0 || n < 0 || lda < max(1, n) || (m > 0 && n > 0 && len(a) < (m-1)*lda+n) {
		panic("blocked: bad matrix dimensions")
	}
}

// potrf computes the Cholesky factor of the n×n row-major a in the
// triangle ul (the other triangle is left with garbage in the diagonal
// blocks): recursively, the leading half, a triangular solve for the
// off-diagonal block, a symmetric update of the trailing half by GEMM,
// then the trailing half. It reports false when a is not positive
// definite.
func potrf(lower bool, a mat) bool {
	n := a.Rows
	if n <= base {
		s, lda := slice(a)
		return Implementation{}.Implementation.Dpotf2(uplo(lower), n, s, lda)
	}
	n1 := half(n)
	a11, a22 := sub(a, 0, 0, n1, n1), sub(a, n1, n1, n-n1, n-n1)
	if !potrf(lower, a11) {
		return false
	}
	if lower { // L21 = A21·L11⁻ᵀ, A22 −= L21·L21ᵀ
		l21 := sub(a, n1, 0, n-n1, n1)
		trsmRight(a11.T(), false, false, l21)
		syrkSub(a22, l21, l21.T(), true)
	} else { // U12 = U11⁻ᵀ·A12, A22 −= U12ᵀ·U12
		u12 := sub(a, 0, n1, n1, n-n1)
		trsmLeft(a11.T(), true, false, u12)
		syrkSub(a22, u12.T(), u12, false)
	}
	return potrf(lower, a22)
}

// syrkSub stores C − X·Y into the lower (or upper) triangle of the
// square C, where X·Y is symmetric (Y = Xᵀ), by GEMMs over blocks of
// syrkRows rows, each reaching the diagonal: only the diagonal blocks
// compute elements of the other triangle.
func syrkSub(c, x, y mat, lower bool) {
	n := c.Rows
	for i0 := 0; i0 < n; i0 += syrkRows {
		r := min(syrkRows, n-i0)
		if lower {
			mulSub(sub(c, i0, 0, r, i0+r), sub(x, i0, 0, r, x.Cols), sub(y, 0, 0, y.Rows, i0+r))
		} else {
			mulSub(sub(c, i0, i0, r, n-i0), sub(x, i0, 0, r, x.Cols), sub(y, 0, i0, y.Rows, n-i0))
		}
	}
}

// Dpotrf computes the Cholesky factorisation of the n×n symmetric
// positive-definite row-major a, as gonum's Dpotrf: L (ul Lower) with
// A = L·Lᵀ or U (ul Upper) with A = Uᵀ·U in that triangle of a. The other
// triangle is overwritten in places. It reports false when a is not
// positive definite.
func (Implementation) Dpotrf(ul blas.Uplo, n int, a []float64, lda int) bool {
	if n == 0 {
		return true
	}
	checkMat(n, n, a, lda)
	return potrf(ul == blas.Lower, rowMajor(a, n, n, lda))
}

// larfb applies the block reflector H = I − V·T·Vᵀ (trans false) or Hᵀ
// (trans true) from the left to the m×n row-major C, with V the m×k unit
// lower trapezoid stored below the diagonal of v and T the k×k upper
// triangle at t (leading dimension ldt): C −= V·(op(T)·(Vᵀ·C)), the two
// large products on the GEMM.
func larfb(trans bool, v mat, t []float64, ldt int, c mat) {
	m, k, n := v.Rows, v.Cols, c.Cols
	if m == 0 || n == 0 || k == 0 {
		return
	}
	pv, vv := getScratch(m * k)
	defer scratch.Put(pv)
	for i := range m {
		row := vv[i*k : i*k+k]
		src := v.Data[v.Off+i*v.RS:]
		for j := range row {
			switch {
			case j < i:
				row[j] = src[j]
			case j == i:
				row[j] = 1
			default:
				row[j] = 0
			}
		}
	}
	vm := rowMajor(vv, m, k, k)
	pw, w := getScratch(k * n)
	defer scratch.Put(pw)
	wm := rowMajor(w, k, n, n)
	gemm.Gemm(wm, vm.T(), c, ndview.MaxThreads())
	tr := blas.NoTrans
	if trans {
		tr = blas.Trans
	}
	bl.Dtrmm(blas.Left, blas.Upper, tr, blas.NonUnit, k, n, 1, t, ldt, w, n)
	mulSub(c, vm, wm)
}

// Dgeqrf computes the QR factorisation of the m×n row-major a, as gonum's
// Dgeqrf (R above the diagonal, the Householder vectors below it and in
// tau): panels of qrBlock columns by gonum's Dgeqr2 and Dlarft, the
// trailing columns updated by larfb. lwork = −1 is a workspace query.
func (impl Implementation) Dgeqrf(m, n int, a []float64, lda int, tau, work []float64, lwork int) {
	k := min(m, n)
	if lwork == -1 {
		work[0] = float64(max(1, n) * qrBlock)
		return
	}
	if k == 0 {
		return
	}
	checkMat(m, n, a, lda)
	if len(tau) != k {
		panic("blocked: len(tau) != min(m, n)")
	}
	if len(work) < n {
		work = make([]float64, n)
	}
	am := rowMajor(a, m, n, lda)
	i := 0
	if k > qrCross {
		t := make([]float64, qrBlock*qrBlock)
		for ; i < k-qrCross; i += qrBlock {
			ib := min(k-i, qrBlock)
			var tt []float64
			if i+ib < n {
				tt = t
			}
			qrPanel(sub(am, i, i, m-i, ib), tau[i:i+ib], tt)
			if tt != nil {
				larfb(true, sub(am, i, i, m-i, ib), t, qrBlock, sub(am, i, i+ib, m-i, n-i-ib))
			}
		}
	}
	if i < k {
		qrPanel(sub(am, i, i, m-i, n-i), tau[i:], nil)
	}
}

// transposed runs f on a row-major copy of the transpose of p (p.Cols
// rows of p.Rows contiguous elements) and copies it back into p: the
// tall, narrow panels of QR are factorised as the LQ of their transpose
// (gonum's Dgelq2 and Dorgl2 compute the same Householder reflectors on
// rows that Dgeqr2 and Dorg2r compute on columns), so that each
// reflector is a contiguous row instead of a column that touches a cache
// line per element.
func transposed(p mat, f func(pt []float64)) {
	m, n := p.Rows, p.Cols
	h, pt := getScratch(m * n)
	defer scratch.Put(h)
	for i := range m {
		for j, x := range p.Data[p.Off+i*p.RS : p.Off+i*p.RS+n] {
			pt[j*m+i] = x
		}
	}
	f(pt)
	for i := range m {
		row := p.Data[p.Off+i*p.RS : p.Off+i*p.RS+n]
		for j := range row {
			row[j] = pt[j*m+i]
		}
	}
}

// qrPanel computes the QR factorisation of the m×ib panel p as gonum's
// Dgeqr2 (through the LQ of its transpose) and, when t is not nil, the
// triangular factor T of its block reflector (leading dimension qrBlock)
// as Dlarft.
func qrPanel(p mat, tau, t []float64) {
	m, ib := p.Rows, p.Cols
	transposed(p, func(pt []float64) {
		lp.Dgelq2(ib, m, pt, m, tau, make([]float64, ib))
		if t != nil {
			lp.Dlarft(lapack.Forward, lapack.RowWise, m, ib, pt, m, tau, t, qrBlock)
		}
	})
}

// orgPanel forms, as gonum's Dorg2r, the m×n matrix Q of the first n
// columns of the k reflectors stored in the m×n panel p (through Dorgl2
// on its transpose).
func orgPanel(p mat, k int, tau []float64) {
	m, n := p.Rows, p.Cols
	transposed(p, func(pt []float64) {
		lp.Dorgl2(n, m, k, pt, m, tau, make([]float64, n))
	})
}

// Dorgqr forms the m×n matrix Q with orthonormal columns from the first
// n columns of the product of the k Householder reflectors of Dgeqrf, as
// gonum's Dorgqr: the last columns by gonum's Dorg2r, then blocks of
// qrBlock reflectors, each applied to the columns on its right by larfb.
// lwork = −1 is a workspace query.
func (impl Implementation) Dorgqr(m, n, k int, a []float64, lda int, tau, work []float64, lwork int) {
	if lwork == -1 {
		work[0] = float64(max(1, n) * qrBlock)
		return
	}
	if n == 0 {
		return
	}
	checkMat(m, n, a, lda)
	if len(tau) != k || k > n || n > m {
		panic("blocked: bad Dorgqr dimensions")
	}
	if len(work) < n {
		work = make([]float64, n)
	}
	am := rowMajor(a, m, n, lda)
	ki, kk := 0, 0
	if k > qrCross {
		ki = ((k - qrCross - 1) / qrBlock) * qrBlock
		kk = min(k, ki+qrBlock)
		for i := range kk {
			clear(a[i*lda+kk : i*lda+n])
		}
	}
	if kk < n {
		orgPanel(sub(am, kk, kk, m-kk, n-kk), k-kk, tau[kk:])
	}
	if kk == 0 {
		return
	}
	t := make([]float64, qrBlock*qrBlock)
	for i := ki; i >= 0; i -= qrBlock {
		ib := min(qrBlock, k-i)
		p, ld := slice(sub(am, i, i, m-i, ib))
		if i+ib < n {
			impl.Dlarft(lapack.Forward, lapack.ColumnWise, m-i, ib, p, ld, tau[i:i+ib], t, qrBlock)
			larfb(false, sub(am, i, i, m-i, ib), t, qrBlock, sub(am, i, i+ib, m-i, n-i-ib))
		}
		orgPanel(sub(am, i, i, m-i, ib), ib, tau[i:i+ib])
		for l := range i {
			clear(a[l*lda+i : l*lda+i+ib])
		}
	}
}
