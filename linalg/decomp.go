package linalg

import (
	"gonum.org/v1/gonum/blas"
	lapackapi "gonum.org/v1/gonum/lapack"

	"github.com/ndkit/ndkit/ndview"
)

// QRMode selects what QR returns, NumPy's mode argument of np.linalg.qr.
type QRMode int

const (
	// QRReduced: Q of shape (…, m, k) and R of shape (…, k, n), with
	// k = min(m, n) (NumPy's default "reduced").
	QRReduced QRMode = iota
	// QRComplete: Q of shape (…, m, m) and R of shape (…, m, n).
	QRComplete
	// QRR: R alone, of shape (…, k, n); Q is the zero NDView.
	QRR
)

// QR returns the QR factorisation A = Q·R of the matrices in a, NumPy's
// np.linalg.qr: Q with orthonormal columns and R upper triangular, as new
// arrays (see QRMode for their shapes), computed by LAPACK's geqrf and
// orgqr (blocked on ndkit's GEMM, or OpenBLAS's under the openblas build
// tag: semantics.md §34). Signs are LAPACK's (Householder reflections), as NumPy's are.
//
// QR panics with an *ndview.Error wrapping ndview.ErrShape when a has
// fewer than two axes, and with ndview.ErrIndex for an unknown mode.
func QR[T Float](a ndview.NDView[T], mode QRMode) (q, r ndview.NDView[T]) {
	const op = "QR"
	batch, m, n := stack(op, a, false)
	if mode < QRReduced || mode > QRR {
		panicf(op, ndview.ErrIndex, "mode %d: want QRReduced, QRComplete or QRR", int(mode))
	}
	k := min(m, n)
	qc, rr := k, k
	if mode == QRComplete {
		qc, rr = m, m
	}
	r = ndview.Zeros[T](withAxes(batch, rr, n)...)
	if mode != QRR {
		q = ndview.Zeros[T](withAxes(batch, m, qc)...)
	}
	w := newWork(m, max(n, qc))
	tau := make([]float64, max(k, 1))
	query := []float64{0}
	lapack.Dgeqrf(m, n, w.data, w.ld, tau, query, -1)
	lw := lwork(query)
	lapack.Dorgqr(m, qc, k, w.data, w.ld, tau[:k], query, -1)
	wk := make([]float64, max(lw, lwork(query)))
	items := make([]ndview.IndexItem, 0, len(batch)+1)
	forEachIndex(batch, func(idx []int) bool {
		clear(w.data)
		wa := work{m, n, w.ld, w.data}
		load(wa, at(a, idx, items))
		if m > 0 && n > 0 {
			lapack.Dgeqrf(m, n, wa.data, wa.ld, tau[:k], wk, len(wk))
		}
		rw := work{min(rr, m), n, w.ld, w.data}
		rv := at(r, idx, items).Slice(ndview.Range(0, rw.rows))
		if rw.rows > 0 && n > 0 {
			tmp := newWork(rw.rows, n)
			tmp.view().CopyFrom(rw.view())
			zeroTriangle(tmp, false)
			store(rv, tmp)
		}
		if mode != QRR && m > 0 {
			if qc > 0 {
				lapack.Dorgqr(m, qc, k, w.data, w.ld, tau[:k], wk, len(wk))
			}
			store(at(q, idx, items), work{m, qc, w.ld, w.data})
		}
		return true
	})
	return q, r
}

// SVD returns the singular value decomposition A = U·diag(S)·Vᵀ of the
// matrices in a, NumPy's np.linalg.svd(a, full_matrices, compute_uv=True):
// u of shape (…, m, m) and vt of shape (…, n, n) when fullMatrices is set,
// else (…, m, k) and (…, k, n) with k = min(m, n); s of shape (…, k) in
// descending order. All are new arrays, computed by LAPACK's gesvd
// (gonum's), or under the openblas build tag by OpenBLAS's gesdd, NumPy's
// routine (semantics.md §34, LP4); singular vectors agree with NumPy's up
// to the sign of each pair.
//
// SVD panics with an *ndview.Error wrapping ndview.ErrShape when a has
// fewer than two axes. It returns an *ndview.Error wrapping
// ErrNoConvergence, naming the batch index, when LAPACK does not converge
// or a matrix holds NaN (NumPy's "SVD did not converge").
func SVD[T Float](a ndview.NDView[T], fullMatrices bool) (u, s, vt ndview.NDView[T], err error) {
	job := lapackapi.SVDStore
	if fullMatrices {
		job = lapackapi.SVDAll
	}
	return svd("SVD", a, job)
}

// Svdvals returns the singular values of the matrices in a, in descending
// order, NumPy's np.linalg.svd(a, compute_uv=False) (np.linalg.svdvals in
// NumPy 2): a new array of shape (…, min(m, n)). It panics and fails as
// SVD does.
func Svdvals[T Float](a ndview.NDView[T]) (ndview.NDView[T], error) {
	_, s, _, err := svd("Svdvals", a, lapackapi.SVDNone)
	return s, err
}

// svd runs gesvd on every matrix of a with the same job for U and Vᵀ.
func svd[T Float](op string, a ndview.NDView[T], job lapackapi.SVDJob) (u, s, vt ndview.NDView[T], err error) {
	batch, m, n := stack(op, a, false)
	k := min(m, n)
	uc, vr := k, k
	if job == lapackapi.SVDAll {
		uc, vr = m, n
	}
	s = ndview.Zeros[T](withAxes(batch, k)...)
	if job != lapackapi.SVDNone {
		u = ndview.Zeros[T](withAxes(batch, m, uc)...)
		vt = ndview.Zeros[T](withAxes(batch, vr, n)...)
		if k == 0 { // identity factors of an empty matrix, as NumPy gives
			for _, f := range []ndview.NDView[T]{u, vt} {
				forEachIndex(batch, func(idx []int) bool {
					at(f, idx, nil).Diagonal(0, 0, 1).Fill(1)
					return true
				})
			}
		}
	}
	if k == 0 {
		return u, s, vt, nil
	}
	w := newWork(m, n)
	sv := make([]float64, k)
	uw, vw := newWork(m, uc), newWork(vr, n)
	query := []float64{0}
	lapack.Dgesvd(job, job, m, n, w.data, w.ld, sv, uw.data, uw.ld, vw.data, vw.ld, query, -1)
	wk := make([]float64, lwork(query))
	items := make([]ndview.IndexItem, 0, len(batch)+1)
	forEachIndex(batch, func(idx []int) bool {
		load(w, at(a, idx, items))
		// NaN makes LAPACK's SVD fail in NumPy; gonum's returns NaN.
		if hasNaN(w) || !lapack.Dgesvd(job, job, m, n, w.data, w.ld, sv, uw.data, uw.ld, vw.data, vw.ld, wk, len(wk)) {
			err = dataErr(op, ErrNoConvergence, idx, "SVD did not converge")
			return false
		}
		storeVec(at(s, idx, items), sv)
		if job != lapackapi.SVDNone {
			store(at(u, idx, items), uw)
			store(at(vt, idx, items), vw)
		}
		return true
	})
	if err != nil {
		return u, s, vt, err
	}
	return u, s, vt, nil
}

// Eigh returns the eigenvalues (ascending) and the orthonormal
// eigenvectors (the columns of v) of the symmetric matrices in a, NumPy's
// np.linalg.eigh: w of shape (…, n) and v of a's shape, new arrays,
// computed by LAPACK's syev (gonum's), or under the openblas build tag by
// OpenBLAS's syevd, NumPy's routine (semantics.md §34, LP4). Only the lower triangle is read, or the
// upper one when upper is set (NumPy's UPLO='U').
//
// Eigh panics as Det does. It returns an *ndview.Error wrapping
// ErrNoConvergence, naming the batch index, when LAPACK does not converge.
func Eigh[T Float](a ndview.NDView[T], upper bool) (w, v ndview.NDView[T], err error) {
	return eigh("Eigh", a, upper, true)
}

// Eigvalsh returns the eigenvalues of the symmetric matrices in a in
// ascending order, NumPy's np.linalg.eigvalsh: a new array of shape
// (…, n). It panics and fails as Eigh does.
func Eigvalsh[T Float](a ndview.NDView[T], upper bool) (ndview.NDView[T], error) {
	w, _, err := eigh("Eigvalsh", a, upper, false)
	return w, err
}

// eigh runs syev on every matrix of a.
func eigh[T Float](op string, a ndview.NDView[T], upper, vectors bool) (w, v ndview.NDView[T], err error) {
	batch, n, _ := stack(op, a, true)
	w = ndview.Zeros[T](withAxes(batch, n)...)
	if vectors {
		v = ndview.Zeros[T](a.Shape()...)
	}
	if n == 0 {
		return w, v, nil
	}
	ul, job := blas.Lower, lapackapi.EVNone
	if upper {
		ul = blas.Upper
	}
	if vectors {
		job = lapackapi.EVCompute
	}
	mw := newWork(n, n)
	ev := make([]float64, n)
	query := []float64{0}
	lapack.Dsyev(job, ul, n, mw.data, mw.ld, ev, query, -1)
	wk := make([]float64, lwork(query))
	items := make([]ndview.IndexItem, 0, len(batch)+1)
	forEachIndex(batch, func(idx []int) bool {
		load(mw, at(a, idx, items))
		if !lapack.Dsyev(job, ul, n, mw.data, mw.ld, ev, wk, len(wk)) {
			err = dataErr(op, ErrNoConvergence, idx, "Eigenvalues did not converge")
			return false
		}
		storeVec(at(w, idx, items), ev)
		if vectors {
			store(at(v, idx, items), mw)
		}
		return true
	})
	return w, v, err
}

// Eig returns the eigenvalues and right eigenvectors (the columns of v,
// each of unit length, its largest component real) of the square matrices
// in a, NumPy's np.linalg.eig: w of shape (…, n) and v of a's shape, new
// complex128 arrays, computed by LAPACK's geev. Complex eigenvalues come
// in conjugate pairs, the one with positive imaginary part first.
//
// Difference: NumPy returns real arrays when every eigenvalue is real and
// complex64 for float32 input; Eig always returns complex128, since a Go
// result type cannot depend on the data (semantics.md LA13).
//
// Eig panics as Det does. It returns an *ndview.Error wrapping
// ErrNoConvergence, naming the batch index, when LAPACK does not converge.
func Eig[T Float](a ndview.NDView[T]) (w, v ndview.NDView[complex128], err error) {
	return eig("Eig", a, true)
}

// Eigvals returns the eigenvalues of the square matrices in a, NumPy's
// np.linalg.eigvals: a new complex128 array of shape (…, n). It panics and
// fails as Eig does.
func Eigvals[T Float](a ndview.NDView[T]) (ndview.NDView[complex128], error) {
	w, _, err := eig("Eigvals", a, false)
	return w, err
}

// eig runs geev on every matrix of a.
func eig[T Float](op string, a ndview.NDView[T], vectors bool) (w, v ndview.NDView[complex128], err error) {
	batch, n, _ := stack(op, a, true)
	w = ndview.Zeros[complex128](withAxes(batch, n)...)
	if vectors {
		v = ndview.Zeros[complex128](a.Shape()...)
	}
	if n == 0 {
		return w, v, nil
	}
	job := lapackapi.RightEVNone
	if vectors {
		job = lapackapi.RightEVCompute
	}
	mw, vr := newWork(n, n), newWork(n, n)
	wr, wi := make([]float64, n), make([]float64, n)
	query := []float64{0}
	lapack.Dgeev(lapackapi.LeftEVNone, job, n, mw.data, mw.ld, wr, wi, nil, 1, vr.data, vr.ld, query, -1)
	wk := make([]float64, lwork(query))
	items := make([]ndview.IndexItem, 0, len(batch)+1)
	forEachIndex(batch, func(idx []int) bool {
		load(mw, at(a, idx, items))
		if hasNaN(mw) || lapack.Dgeev(lapackapi.LeftEVNone, job, n, mw.data, mw.ld, wr, wi, nil, 1, vr.data, vr.ld, wk, len(wk)) > 0 {
			err = dataErr(op, ErrNoConvergence, idx, "Eigenvalues did not converge")
			return false
		}
		wv := at(w, idx, items)
		for j := range n {
			wv.Set(complex(wr[j], wi[j]), j)
		}
		if !vectors {
			return true
		}
		vv := at(v, idx, items)
		for j := 0; j < n; j++ {
			if wi[j] == 0 {
				for i := range n {
					vv.Set(complex(vr.data[i*vr.ld+j], 0), i, j)
				}
				continue
			}
			for i := range n {
				re, im := vr.data[i*vr.ld+j], vr.data[i*vr.ld+j+1]
				vv.Set(complex(re, im), i, j)
				vv.Set(complex(re, -im), i, j+1)
			}
			j++
		}
		return true
	})
	return w, v, err
}

// Pinv returns the Moore-Penrose pseudo-inverses of the matrices in a,
// NumPy's np.linalg.pinv(a, rcond): a new array of shape (…, n, m),
// computed from the SVD, with singular values at most rcond·max(S) taken
// as zero (NumPy's default rcond is 1e-15). It panics as SVD does and
// returns its errors.
func Pinv[T Float](a ndview.NDView[T], rcond float64) (ndview.NDView[T], error) {
	batch, m, n := stack("Pinv", a, false)
	u, s, vt, err := svd("Pinv", a, lapackapi.SVDStore)
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	k := min(m, n)
	out := ndview.Zeros[T](withAxes(batch, n, m)...)
	items := make([]ndview.IndexItem, 0, len(batch)+1)
	forEachIndex(batch, func(idx []int) bool {
		sv, uv, vv, o := at(s, idx, items), at(u, idx, items), at(vt, idx, items), at(out, idx, items)
		cut := 0.0
		if k > 0 {
			cut = rcond * float64(sv.At(0))
		}
		for i := range n {
			for j := range m {
				var acc float64
				for l := range k {
					if x := float64(sv.At(l)); x > cut {
						acc += float64(vv.At(l, i)) * float64(uv.At(j, l)) / x
					}
				}
				o.Set(T(acc), i, j)
			}
		}
		return true
	})
	return out, nil
}

// MatrixRank returns the ranks of the matrices in a, NumPy's
// np.linalg.matrix_rank(a, tol): the number of singular values greater
// than tol, or, for a negative tol, than max(S)·max(m, n)·ε with ε the
// machine epsilon of T (NumPy's default). The result is a new int array of
// a's batch shape. A 1-D or 0-d a has rank 1 unless all its elements are
// zero, as in NumPy. It panics as SVD does and returns its errors.
func MatrixRank[T Float](a ndview.NDView[T], tol float64) (ndview.NDView[int], error) {
	if a.NDim() < 2 {
		r := 0
		for x := range a.Values() {
			if x != 0 {
				r = 1
			}
		}
		return ndview.Scalar(r), nil
	}
	batch, m, n := stack("MatrixRank", a, false)
	s, err := Svdvals(a)
	if err != nil {
		return ndview.NDView[int]{}, err
	}
	return lanes(s, len(batch), func(_ []int, sv ndview.NDView[T]) int {
		t := tol
		if t < 0 {
			t = 0
			if min(m, n) > 0 {
				t = float64(sv.At(0)) * float64(max(m, n)) * eps[T]()
			}
		}
		r := 0
		for x := range sv.Values() {
			if float64(x) > t {
				r++
			}
		}
		return r
	}), nil
}

// eps returns the machine epsilon of T, as NumPy's finfo(T).eps.
func eps[T Float]() float64 {
	var z T
	if _, ok := any(z).(float32); ok {
		return 0x1p-23
	}
	return 0x1p-52
}

// Lstsq returns the least-squares solution x of a @ x ≈ b, NumPy's
// np.linalg.lstsq(a, b, rcond): a is (m, n), b is (m,) or (m, k) (NumPy
// 1.24 does not batch lstsq). x has shape (n,) or (n, k); residuals holds
// the squared 2-norm of each column of b − a·x when rank = n < m, and is
// empty (shape (0,)) otherwise; s holds the singular values of a. Singular
// values at most rcond·max(S) are taken as zero; a negative rcond means
// max(m, n)·ε (NumPy's rcond=None). It is computed from the SVD (NumPy
// uses gelsd, another route to the same minimum-norm solution).
//
// Lstsq panics with an *ndview.Error wrapping ndview.ErrShape when a is
// not 2-D, b is not 1-D or 2-D, or their rows differ. It returns
// ErrNoConvergence as SVD does.
func Lstsq[T Float](a, b ndview.NDView[T], rcond float64) (x, residuals ndview.NDView[T], rank int, s ndview.NDView[T], err error) {
	const op = "Lstsq"
	if a.NDim() != 2 || (b.NDim() != 1 && b.NDim() != 2) || a.Shape()[0] != b.Shape()[0] {
		panicf(op, ndview.ErrShape, "a of shape %s and b of shape %s: want a 2-D a (m, n) and b of shape (m,) or (m, k)",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	m, n := a.Shape()[0], a.Shape()[1]
	bw := b
	if b.NDim() == 1 {
		bw = b.ExpandDims(1)
	}
	k := bw.Shape()[1]
	if rcond < 0 {
		rcond = float64(max(m, n)) * eps[T]()
	}
	u, s, vt, err := svd(op, a, lapackapi.SVDStore)
	if err != nil {
		return x, residuals, 0, s, err
	}
	r := min(m, n)
	cut := 0.0
	if r > 0 {
		cut = rcond * float64(s.At(0))
	}
	for i := range r {
		if float64(s.At(i)) > cut {
			rank++
		}
	}
	bm := newWork(m, k)
	load(bm, bw)
	xm := newWork(n, k)
	// x = V · diag(1/s) · Uᵀ · b over the first rank singular values.
	for l := range rank {
		sl := float64(s.At(l))
		for c := range k {
			var ub float64
			for i := range m {
				ub += float64(u.At(i, l)) * bm.data[i*bm.ld+c]
			}
			ub /= sl
			for i := range n {
				xm.data[i*xm.ld+c] += float64(vt.At(l, i)) * ub
			}
		}
	}
	x = ndview.Zeros[T](n, k)
	store(x, xm)
	residuals = ndview.Zeros[T](0)
	if rank == n && m > n {
		res := make([]float64, k)
		am := newWork(m, n)
		load(am, a)
		for i := range m {
			for c := range k {
				d := bm.data[i*bm.ld+c]
				for j := range n {
					d -= am.data[i*am.ld+j] * xm.data[j*xm.ld+c]
				}
				res[c] += d * d
			}
		}
		residuals = ndview.Zeros[T](k)
		storeVec(residuals, res)
	}
	if b.NDim() == 1 {
		x = x.Squeeze(1)
	}
	return x, residuals, rank, s, nil
}
