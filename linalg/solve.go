package linalg

import (
	"gonum.org/v1/gonum/blas"

	"github.com/ndkit/ndkit/ndview"
)

// Det returns the determinants of the square matrices in the last two axes
// of a, NumPy's np.linalg.det: a new array of a's batch shape (a 0-d array
// for a single matrix). The determinant of a 0×0 matrix is 1; a singular
// matrix has determinant 0 (not an error); NaN in a matrix gives NaN.
// It is computed by LU factorisation (LAPACK's getrf: gonum's pure-Go
// LAPACK driven by ndkit's GEMM, or OpenBLAS's under the openblas build
// tag; matrices up to 4×4 by direct loops over the stack, semantics.md
// §34), in float64 for float32 input as NumPy does (semantics.md LA1, LA10).
//
// Det panics with an *ndview.Error wrapping ndview.ErrShape when a has
// fewer than two axes or its matrices are not square.
func Det[T Float](a ndview.NDView[T]) ndview.NDView[T] {
	batch, n, _ := stack("Det", a, true)
	out := ndview.Zeros[T](batch...)
	sign, logdet := luDet(a, batch, n, false)
	data, _ := out.Data()
	for i := range sign {
		data[i] = T(sign[i] * logdet[i])
	}
	return out
}

// DetInto stores Det(a) into dst, which must have a's batch shape. It
// panics as Det does, and with ndview.ErrShape or ndview.ErrReadOnly for
// a destination of another shape or a read-only one.
func DetInto[T Float](dst, a ndview.NDView[T]) {
	batch, _, _ := stack("Det", a, true)
	checkDst("Det", dst, batch)
	dst.CopyFrom(Det(a))
}

// Slogdet returns the signs and the natural logarithms of the absolute
// values of the determinants of the matrices in a, NumPy's
// np.linalg.slogdet: two new arrays of a's batch shape. A singular matrix
// has sign 0 and logabsdet −Inf; a 0×0 matrix has sign 1 and logabsdet 0.
// It panics as Det does.
func Slogdet[T Float](a ndview.NDView[T]) (sign, logabsdet ndview.NDView[T]) {
	batch, n, _ := stack("Slogdet", a, true)
	sign, logabsdet = ndview.Zeros[T](batch...), ndview.Zeros[T](batch...)
	s, l := luDet(a, batch, n, true)
	sd, _ := sign.Data()
	ld, _ := logabsdet.Data()
	for i := range s {
		sd[i], ld[i] = T(s[i]), T(l[i])
	}
	return sign, logabsdet
}

// luDet returns, for every matrix of a in C order of the batch, the sign
// and either the absolute determinant (log false) or its logarithm.
func luDet[T Float](a ndview.NDView[T], batch []int, n int, log bool) (sign, val []float64) {
	if n > 0 && n <= smallN {
		return smallDet(a, shapeSize(batch), n, log)
	}
	w := newWork(n, n)
	ipiv := make([]int, n)
	items := make([]ndview.IndexItem, 0, len(batch)+1)
	forEachIndex(batch, func(idx []int) bool {
		load(w, at(a, idx, items))
		lapack.Dgetrf(n, n, w.data, w.ld, ipiv)
		s, v := detOf(w.data, w.ld, n, ipiv, log)
		sign, val = append(sign, s), append(val, v)
		return true
	})
	return sign, val
}

// setFlat sets element i (in C order) of the new C-contiguous array v.
func setFlat[T any](v ndview.NDView[T], i int, x T) {
	data, _ := v.Data()
	data[i] = x
}

// Inv returns the inverses of the square matrices in the last two axes of
// a, NumPy's np.linalg.inv: a new array of a's shape. As NumPy does, it
// solves A·X = I: each matrix is factorised by LU (LAPACK's getrf) and the
// identity solved for by getrs directly in the result's memory, after one
// copy of a into a work matrix (which reads any layout, and converts
// float32 to float64).
//
// Inv panics as Det does. It returns an *ndview.Error wrapping
// ErrSingular, naming the batch index, when a matrix is singular (exactly,
// as LAPACK finds a zero pivot; NumPy raises LinAlgError there).
func Inv[T Float](a ndview.NDView[T]) (ndview.NDView[T], error) {
	batch, n, _ := stack("Inv", a, true)
	out := ndview.Zeros[T](a.Shape()...)
	var err error
	if n > 0 && n <= smallN {
		err = smallSolveInto("Inv", out, a, a, batch, n, n, true)
	} else {
		id, _ := ndview.Identity[T](n).BroadcastTo(a.Shape()...)
		err = solveInto("Inv", out, a, id, batch, n, n)
	}
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	return out, nil
}

// inPlace calls f on a copy of every matrix of the stack a, made in the
// memory of the matching matrix of the new array out (of a's shape) where
// target allows, else in scratch and stored afterwards. It returns out,
// or the first error of f and the zero NDView.
func inPlace[T Float](a, out ndview.NDView[T], batch []int, scratch work, f func(w work, idx []int) error) (ndview.NDView[T], error) {
	items := make([]ndview.IndexItem, 0, len(batch)+1)
	var err error
	forEachIndex(batch, func(idx []int) bool {
		dst := at(out, idx, items)
		w, direct := target(dst, scratch)
		load(w, at(a, idx, items))
		if err = f(w, idx); err != nil {
			return false
		}
		if !direct {
			store(dst, w)
		}
		return true
	})
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	return out, nil
}

// InvInto stores Inv(a) into dst, which must have a's shape; dst may
// share memory with a. On error dst is unchanged. It panics as Inv does,
// and as DetInto does for a wrong or read-only destination.
func InvInto[T Float](dst, a ndview.NDView[T]) error {
	stack("Inv", a, true)
	checkDst("Inv", dst, a.Shape())
	r, err := Inv(a)
	return writeInto("Inv", dst, r, err)
}

// target returns the work matrix LAPACK computes the 2-D result view dst
// in: dst's own memory when it is a row-major float64 matrix of a new
// array (direct), else scratch, to be stored into dst afterwards.
func target[T Float](dst ndview.NDView[T], scratch work) (w work, direct bool) {
	d, ok := any(dst).(ndview.NDView[float64])
	sh, st := dst.Shape(), dst.Strides()
	if !ok || sh[0] == 0 || sh[1] == 0 || st[1] != 1 || st[0] < sh[1] {
		return scratch, false
	}
	data, err := d.Data()
	if err != nil {
		return scratch, false
	}
	off := d.Offset()
	return work{sh[0], sh[1], st[0], data[off : off+(sh[0]-1)*st[0]+sh[1]]}, true
}

// Solve returns the solution x of a @ x = b, NumPy's np.linalg.solve with
// NumPy 2's rule for b: a 1-D b of length n is one right-hand side
// (result shape: a's batch shape then n), any other b is a stack of
// matrices (…, n, k) whose batch axes broadcast with a's (result: the
// broadcast batch shape then (n, k)). The result is a new array. Each
// matrix is factorised once by LU (getrf) and solved by getrs, in float64.
//
// Solve panics with an *ndview.Error wrapping ndview.ErrShape when a is
// not a stack of square matrices, b is 0-d, b's rows differ from a's
// order, or the batch axes do not broadcast. It returns an *ndview.Error
// wrapping ErrSingular, naming the batch index, when a matrix is singular.
func Solve[T Float](a, b ndview.NDView[T]) (ndview.NDView[T], error) {
	const op = "Solve"
	abatch, n, _ := stack(op, a, true)
	vec := b.NDim() == 1
	bw := b
	if vec {
		bw = b.ExpandDims(1)
	}
	if b.NDim() == 0 {
		panicf(op, ndview.ErrShape, "b of shape (): b must be a vector (n,) or a stack of matrices (..., n, k)")
	}
	bsh := bw.Shape()
	if bsh[len(bsh)-2] != n {
		panicf(op, ndview.ErrShape, "a of shape %s and b of shape %s: b needs %d rows (NumPy 2's rule: a 1-D b is a vector, any other b a stack of (n, k) matrices)",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()), n)
	}
	k := bsh[len(bsh)-1]
	batch, err := ndview.BroadcastShapes(abatch, bsh[:len(bsh)-2])
	if err != nil {
		panicf(op, ndview.ErrShape, "a of shape %s and b of shape %s: the batch axes do not broadcast together",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	out := ndview.Zeros[T](withAxes(batch, n, k)...)
	ab, bb := a, bw // broadcast only where needed: a broadcast view is read-only
	if !equalInts(a.Shape(), withAxes(batch, n, n)) {
		ab, _ = a.BroadcastTo(withAxes(batch, n, n)...)
	}
	if !equalInts(bw.Shape(), withAxes(batch, n, k)) {
		bb, _ = bw.BroadcastTo(withAxes(batch, n, k)...)
	}
	if err := solveInto(op, out, ab, bb, batch, n, k); err != nil {
		return ndview.NDView[T]{}, err
	}
	if vec {
		return out.Squeeze(-1), nil
	}
	return out, nil
}

// solveInto solves every system of the broadcast stacks a (…, n, n) and
// b (…, n, k) into the new array out.
func solveInto[T Float](op string, out, a, b ndview.NDView[T], batch []int, n, k int) error {
	if n > 0 && n <= smallN {
		return smallSolveInto(op, out, a, b, batch, n, k, false)
	}
	aw, scratch := newWork(n, n), newWork(n, k)
	ipiv := make([]int, n)
	items := make([]ndview.IndexItem, 0, len(batch)+1)
	var err error
	forEachIndex(batch, func(idx []int) bool {
		load(aw, at(a, idx, items))
		if !lapack.Dgetrf(n, n, aw.data, aw.ld, ipiv) {
			err = dataErr(op, ErrSingular, idx, "Singular matrix")
			return false
		}
		if k == 0 {
			return true
		}
		dst := at(out, idx, items)
		w, direct := target(dst, scratch)
		load(w, at(b, idx, items))
		lapack.Dgetrs(blas.NoTrans, n, k, aw.data, aw.ld, ipiv, w.data, w.ld)
		if !direct {
			store(dst, w)
		}
		return true
	})
	return err
}

// SolveInto stores Solve(a, b) into dst, which must have the solution's
// shape; dst may share memory with a or b. On error dst is unchanged. It
// panics as Solve does, and for a wrong or read-only destination.
func SolveInto[T Float](dst, a, b ndview.NDView[T]) error {
	x, err := Solve(a, b)
	return writeInto("Solve", dst, x, err)
}

// Cholesky returns the Cholesky factors of the symmetric positive-definite
// matrices in a, NumPy's np.linalg.cholesky: the lower-triangular L with
// L·Lᵀ = A, or with upper set the upper-triangular U = Lᵀ with Uᵀ·U = A
// (NumPy 2's upper=True). Only the named triangle of a is read. The result
// is a new array of a's shape, computed by LAPACK's potrf (semantics.md §34).
//
// Cholesky panics as Det does. It returns an *ndview.Error wrapping
// ErrNotPositiveDefinite, naming the batch index, when a matrix is not
// positive definite (NaN input included, as in NumPy).
func Cholesky[T Float](a ndview.NDView[T], upper bool) (ndview.NDView[T], error) {
	batch, n, _ := stack("Cholesky", a, true)
	out := ndview.Zeros[T](a.Shape()...)
	scratch := newWork(n, n)
	ul := blas.Lower
	if upper {
		ul = blas.Upper
	}
	return inPlace(a, out, batch, scratch, func(w work, idx []int) error {
		if !lapack.Dpotrf(ul, n, w.data, w.ld) || hasNaN(w) {
			return dataErr("Cholesky", ErrNotPositiveDefinite, idx, "Matrix is not positive definite")
		}
		zeroTriangle(w, !upper)
		return nil
	})
}

// hasNaN reports whether the work matrix holds a NaN.
func hasNaN(w work) bool {
	for i := range w.rows {
		for _, x := range w.data[i*w.ld : i*w.ld+w.cols] {
			if x != x {
				return true
			}
		}
	}
	return false
}

// zeroTriangle sets the strict upper triangle of w to zero when upper is
// set (keeping the lower factor), else the strict lower triangle.
func zeroTriangle(w work, upper bool) {
	for i := range w.rows {
		row := w.data[i*w.ld : i*w.ld+w.cols]
		for j := range row {
			if (upper && j > i) || (!upper && j < i) {
				row[j] = 0
			}
		}
	}
}
