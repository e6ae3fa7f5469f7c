package linalg

import "github.com/ndkit/ndkit/ndview"

// The Into forms: each computes its allocating twin, then copies the
// result into dst (semantics.md LA3). dst must have the result's shape
// [panic ErrShape] and be writable [panic ErrReadOnly]; it may share
// memory with the inputs (the result is as if they were read first); when
// an error is returned, dst is unchanged.

// writeInto copies the result r of operation op into dst, unless err is
// set, which it returns.
func writeInto[T any](op string, dst, r ndview.NDView[T], err error) error {
	if err != nil {
		return err
	}
	checkDst(op, dst, r.Shape())
	dst.CopyFrom(r)
	return nil
}

// CholeskyInto stores Cholesky(a, upper) into dst; see Cholesky.
func CholeskyInto[T Float](dst, a ndview.NDView[T], upper bool) error {
	r, err := Cholesky(a, upper)
	return writeInto("Cholesky", dst, r, err)
}

// EigvalshInto stores Eigvalsh(a, upper) into dst; see Eigvalsh.
func EigvalshInto[T Float](dst, a ndview.NDView[T], upper bool) error {
	r, err := Eigvalsh(a, upper)
	return writeInto("Eigvalsh", dst, r, err)
}

// SvdvalsInto stores Svdvals(a) into dst; see Svdvals.
func SvdvalsInto[T Float](dst, a ndview.NDView[T]) error {
	r, err := Svdvals(a)
	return writeInto("Svdvals", dst, r, err)
}

// PinvInto stores Pinv(a, rcond) into dst; see Pinv.
func PinvInto[T Float](dst, a ndview.NDView[T], rcond float64) error {
	r, err := Pinv(a, rcond)
	return writeInto("Pinv", dst, r, err)
}

// MatrixPowerInto stores MatrixPower(a, n) into dst; see MatrixPower.
func MatrixPowerInto[T Float](dst, a ndview.NDView[T], n int) error {
	r, err := MatrixPower(a, n)
	return writeInto("MatrixPower", dst, r, err)
}

// EinsumInto stores Einsum(subscripts, operands...) into dst, NumPy's
// einsum(..., out=dst); see Einsum. A view result is copied.
func EinsumInto[T Float](dst ndview.NDView[T], subscripts string, operands ...ndview.NDView[T]) error {
	r, err := Einsum(subscripts, operands...)
	return writeInto("Einsum", dst, r, err)
}

// NormInto stores Norm(x, ord, axis...) into dst; see Norm.
func NormInto[T Float](dst, x ndview.NDView[T], ord Ord, axis ...int) {
	_ = writeInto("Norm", dst, Norm(x, ord, axis...), nil)
}

// TraceInto stores Trace(a, offset, axis1, axis2) into dst; see Trace.
func TraceInto[T Float](dst, a ndview.NDView[T], offset, axis1, axis2 int) {
	_ = writeInto("Trace", dst, Trace(a, offset, axis1, axis2), nil)
}
