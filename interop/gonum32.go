package interop

import (
	"gonum.org/v1/gonum/blas/blas32"

	"github.com/ndkit/ndkit/ndview"
)

// float32 adapters. gonum's mat package is float64 only; float32 code uses
// the BLAS structs of package blas32 directly, and these functions convert
// between them and views without copying, by the layout rules of gonum.go.

// AsGeneral32 returns v as a blas32.General sharing v's elements, for
// blas32's routines (Gemm, Gemv, …). v must be 2-D, writable, non-empty and
// row-major: column stride 1 and a row stride >= the column count.
// Otherwise AsGeneral32 returns an error wrapping ndview.ErrShape,
// ndview.ErrReadOnly or ndview.ErrLayout naming the layout BLAS needs (and
// v.Clone(), which makes such a copy).
func AsGeneral32(v ndview.NDView[float32]) (blas32.General, error) {
	if v.NDim() != 2 {
		return blas32.General{}, errorf("AsGeneral32", ndview.ErrShape, "view of shape %s has %d dimensions; a matrix needs 2", ndview.FormatShape(v.Shape()), v.NDim())
	}
	l := layoutOf(v)
	if v.ReadOnly() || !l.rowMajor() {
		return blas32.General{}, rowMajorError("AsGeneral32", l, v.ReadOnly(), "")
	}
	data, _ := v.Data()
	return blas32.General{Rows: l.r, Cols: l.c, Stride: l.stride(), Data: span(data, l)}, nil
}

// AsVector32 returns v as a blas32.Vector sharing v's elements. v must be
// 1-D, writable, non-empty and have a positive stride (any stride for a
// single element); otherwise AsVector32 returns an error wrapping
// ndview.ErrShape, ndview.ErrReadOnly or ndview.ErrLayout.
func AsVector32(v ndview.NDView[float32]) (blas32.Vector, error) {
	if err := vectorError("AsVector32", v); err != nil {
		return blas32.Vector{}, err
	}
	n, inc, off := vectorLayout(v)
	data, _ := v.Data()
	s, inc := vectorSpan(data, n, inc, off)
	return blas32.Vector{N: n, Inc: inc, Data: s}, nil
}

// FromGeneral32 returns the 2-D view of a blas32.General, sharing g.Data:
// shape (Rows, Cols), strides (Stride, 1). It returns the errors of
// FromGeneral.
func FromGeneral32(g blas32.General) (ndview.NDView[float32], error) {
	return fromGeneral("FromGeneral32", "blas32.General", g.Rows, g.Cols, g.Stride, g.Data)
}

// FromVector32 returns the 1-D view of a blas32.Vector, sharing x.Data,
// with the rules and errors of FromVector (a negative Inc follows BLAS).
func FromVector32(x blas32.Vector) (ndview.NDView[float32], error) {
	return fromVector("FromVector32", "blas32.Vector", x.N, x.Inc, x.Data)
}
