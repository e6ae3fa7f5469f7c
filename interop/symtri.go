package interop

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/ndview"
)

// Symmetric and triangular matrices. gonum stores both in a full square of
// a row-major General (N, Stride, Data) and reads only one triangle of it:
// SymDense the upper one, TriDense the one its TriKind names. A view of the
// whole stored square maps onto that storage without copying; the other
// triangle is storage, not part of the matrix.

// FromSymDense returns the N×N view of the square in which s stores its
// elements, sharing it: strides (Stride, 1). Only the upper triangle
// (j >= i) of the view is the matrix; gonum neither reads the elements
// below the diagonal nor keeps them symmetric. An empty SymDense gives an
// empty view of shape (0, 0). FromSymDense panics, like FromDense, when s's
// raw storage is inconsistent.
func FromSymDense(s *mat.SymDense) ndview.NDView[float64] {
	if s.IsEmpty() {
		return ndview.Zeros[float64](0, 0)
	}
	r := s.RawSymmetric()
	v, err := fromGeneral("FromSymDense", "blas64.Symmetric", r.N, r.N, r.Stride, r.Data)
	if err != nil {
		panic(err)
	}
	return v
}

// FromTriDense returns the N×N view of the square in which t stores its
// elements, sharing it: strides (Stride, 1). Only the triangle t.Triangle
// names (j >= i for mat.Upper, j <= i for mat.Lower) is the matrix; gonum
// reads the other elements as zero without looking at them. An empty
// TriDense gives an empty view of shape (0, 0). FromTriDense panics, like
// FromDense, when t's raw storage is inconsistent.
func FromTriDense(t *mat.TriDense) ndview.NDView[float64] {
	if t.IsEmpty() {
		return ndview.Zeros[float64](0, 0)
	}
	r := t.RawTriangular()
	v, err := fromGeneral("FromTriDense", "blas64.Triangular", r.N, r.N, r.Stride, r.Data)
	if err != nil {
		panic(err)
	}
	return v
}

// AsSymDense returns the symmetric matrix stored in the upper triangle of
// v, a square view, as a *mat.SymDense sharing v's elements: gonum reads
// only elements (i, j) with j >= i. v must be writable,
// non-empty and row-major, as for AsDense; AsSymDense returns AsDense's
// errors, and one wrapping ndview.ErrShape when v is not square.
func AsSymDense(v ndview.NDView[float64]) (*mat.SymDense, error) {
	n, stride, data, err := squareStorage("AsSymDense", v)
	if err != nil {
		return nil, err
	}
	var s mat.SymDense
	s.SetRawSymmetric(blas64.Symmetric{N: n, Stride: stride, Data: data, Uplo: blas.Upper})
	return &s, nil
}

// AsTriDense returns the triangular matrix stored in the triangle of v
// that kind names (mat.Upper: j >= i, mat.Lower: j <= i), as a
// *mat.TriDense sharing v's elements; gonum does not read the other
// triangle. v must be square, writable, non-empty and row-major; AsTriDense
// returns the errors of AsSymDense.
func AsTriDense(v ndview.NDView[float64], kind mat.TriKind) (*mat.TriDense, error) {
	n, stride, data, err := squareStorage("AsTriDense", v)
	if err != nil {
		return nil, err
	}
	uplo := blas.Lower
	if kind == mat.Upper {
		uplo = blas.Upper
	}
	var t mat.TriDense
	t.SetRawTriangular(blas64.Triangular{N: n, Stride: stride, Data: data, Uplo: uplo, Diag: blas.NonUnit})
	return &t, nil
}

// squareStorage returns the order, stride and data of a square row-major
// writable view, or op's error.
func squareStorage(op string, v ndview.NDView[float64]) (n, stride int, data []float64, err error) {
	if v.NDim() != 2 {
		return 0, 0, nil, errorf(op, ndview.ErrShape, "view of shape %s has %d dimensions; a matrix needs 2", ndview.FormatShape(v.Shape()), v.NDim())
	}
	l := layoutOf(v)
	if l.r != l.c {
		return 0, 0, nil, errorf(op, ndview.ErrShape, "view of shape %s is not square", ndview.FormatShape([]int{l.r, l.c}))
	}
	if v.ReadOnly() || !l.rowMajor() {
		return 0, 0, nil, rowMajorError(op, l, v.ReadOnly(), "")
	}
	all, _ := v.Data()
	return l.r, l.stride(), span(all, l), nil
}
