package interop

import (
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/ndview"
)

// Matrix adapters for float64 views. AsMatrix picks one of four types by
// layout and writability, so that each offers exactly the gonum
// capabilities its storage supports:
//
//	layout                      type             Mutable  RawMatrixer  Untransposer
//	read-only, any strides      *viewMatrix      -        -            -
//	writable, any strides       *mutableMatrix   yes      -            -
//	writable, row-major         *denseMatrix     yes      yes          -
//	writable, column-major      *denseTranspose  yes      -            yes (a *denseMatrix)
//
// gonum looks for RawMatrixer (after Untranspose) to take its BLAS paths;
// only *denseMatrix has it, and only over a row-major layout, so no other
// layout can be read as row-major.

var (
	_ mat.Matrix       = (*viewMatrix)(nil)
	_ mat.Mutable      = (*mutableMatrix)(nil)
	_ mat.Mutable      = (*denseMatrix)(nil)
	_ mat.RawMatrixer  = (*denseMatrix)(nil)
	_ mat.Mutable      = (*denseTranspose)(nil)
	_ mat.Untransposer = (*denseTranspose)(nil)
)

// AsMatrix returns v, a 2-D view of any layout (negative, zero, transposed
// strides), as a gonum matrix without copying: At(i, j) reads v.At(i, j)
// and T returns the matrix of the view v.T(). The matrix shares v's
// elements, so changes through v are seen by gonum and the other way round.
//
// The dynamic type of the result offers gonum's optional interfaces only
// where they are sound, so that gonum's fast paths fire where they can:
//   - mat.Mutable (Set) only when v is writable;
//   - mat.RawMatrixer only when v is writable and row-major (column stride
//     1, row stride >= the column count), so that gonum's BLAS routines can
//     take the raw storage;
//   - mat.Untransposer when v is writable and column-major (its transpose is
//     row-major): gonum then runs BLAS on the transpose.
//
// Every other layout is reached element by element through At. gonum does
// not check whether such a matrix overlaps a destination it writes (see
// "Element Aliasing" in gonum's mat documentation); do not pass a view that
// shares elements with the receiver of a gonum method.
//
// At and Set panic with mat.ErrRowAccess or mat.ErrColAccess for an index
// out of range, as gonum's own matrices do. AsMatrix panics with an error
// wrapping ndview.ErrShape when v is not 2-D. It allocates the small
// adapter, never a copy of the elements.
func AsMatrix(v ndview.NDView[float64]) mat.Matrix {
	if v.NDim() != 2 {
		panicf("AsMatrix", ndview.ErrShape, "view of shape %s has %d dimensions; a matrix needs 2", ndview.FormatShape(v.Shape()), v.NDim())
	}
	l := layoutOf(v)
	if v.ReadOnly() {
		return &viewMatrix{v: v, l: l}
	}
	data, _ := v.Data()
	switch {
	case l.rowMajor():
		return &denseMatrix{mutableMatrix{viewMatrix{v: v, data: data, l: l}}}
	case l.t().rowMajor():
		return &denseTranspose{&denseMatrix{mutableMatrix{viewMatrix{v: v.T(), data: data, l: l.t()}}}}
	}
	return &mutableMatrix{viewMatrix{v: v, data: data, l: l}}
}

// viewMatrix is a 2-D view as a gonum matrix, for any layout.
type viewMatrix struct {
	v    ndview.NDView[float64]
	data []float64 // v's backing data; nil when v is read-only
	l    layout2
}

// Dims returns the shape of the view.
func (m *viewMatrix) Dims() (r, c int) { return m.l.r, m.l.c }

// At returns element (i, j) of the view.
func (m *viewMatrix) At(i, j int) float64 {
	if uint(i) >= uint(m.l.r) {
		panic(mat.ErrRowAccess)
	}
	if uint(j) >= uint(m.l.c) {
		panic(mat.ErrColAccess)
	}
	if m.data == nil {
		return m.v.At(i, j)
	}
	return m.data[m.l.index(i, j)]
}

// T returns the matrix of the transposed view.
func (m *viewMatrix) T() mat.Matrix { return AsMatrix(m.v.T()) }

// mutableMatrix is a writable 2-D view as a gonum matrix.
type mutableMatrix struct{ viewMatrix }

// Set stores x at element (i, j) of the view.
func (m *mutableMatrix) Set(i, j int, x float64) {
	if uint(i) >= uint(m.l.r) {
		panic(mat.ErrRowAccess)
	}
	if uint(j) >= uint(m.l.c) {
		panic(mat.ErrColAccess)
	}
	m.data[m.l.index(i, j)] = x
}

// denseMatrix is a writable row-major 2-D view as a gonum matrix with raw
// storage.
type denseMatrix struct{ mutableMatrix }

// RawMatrix returns the view's storage as a BLAS General, sharing its data.
func (m *denseMatrix) RawMatrix() blas64.General {
	return blas64.General{Rows: m.l.r, Cols: m.l.c, Stride: m.l.stride(), Data: span(m.data, m.l)}
}

// T returns the implicit transpose of m, which gonum can untranspose.
func (m *denseMatrix) T() mat.Matrix { return &denseTranspose{m} }

// denseTranspose is a writable column-major 2-D view as a gonum matrix: the
// transpose of a row-major one.
type denseTranspose struct{ base *denseMatrix }

// Dims returns the shape of the view.
func (t *denseTranspose) Dims() (r, c int) { return t.base.l.c, t.base.l.r }

// At returns element (i, j) of the view.
func (t *denseTranspose) At(i, j int) float64 {
	if uint(i) >= uint(t.base.l.c) {
		panic(mat.ErrRowAccess)
	}
	if uint(j) >= uint(t.base.l.r) {
		panic(mat.ErrColAccess)
	}
	return t.base.data[t.base.l.index(j, i)]
}

// Set stores x at element (i, j) of the view.
func (t *denseTranspose) Set(i, j int, x float64) {
	if uint(i) >= uint(t.base.l.c) {
		panic(mat.ErrRowAccess)
	}
	if uint(j) >= uint(t.base.l.r) {
		panic(mat.ErrColAccess)
	}
	t.base.data[t.base.l.index(j, i)] = x
}

// T returns the row-major matrix this is the transpose of.
func (t *denseTranspose) T() mat.Matrix { return t.base }

// Untranspose returns the row-major matrix this is the transpose of.
func (t *denseTranspose) Untranspose() mat.Matrix { return t.base }

// AsDense returns v as a *mat.Dense sharing v's elements: no copy, and
// writes through either are seen through the other. v must be 2-D, writable
// (a Dense exposes its raw storage), non-empty (gonum has no empty Dense
// other than the zero value) and row-major: column stride 1 and a row
// stride >= the column count (the stride of an axis of extent 1 does not
// matter). The Dense's Stride is v's row stride.
//
// Otherwise AsDense returns an error wrapping ndview.ErrShape (not 2-D,
// empty), ndview.ErrReadOnly or ndview.ErrLayout, naming the layout gonum
// needs: AsMatrix takes any layout without a copy, v.Clone() makes a
// row-major copy, and for a column-major v, AsDense(v.T()) shares the
// transpose.
func AsDense(v ndview.NDView[float64]) (*mat.Dense, error) {
	if v.NDim() != 2 {
		return nil, errorf("AsDense", ndview.ErrShape, "view of shape %s has %d dimensions; a matrix needs 2", ndview.FormatShape(v.Shape()), v.NDim())
	}
	l := layoutOf(v)
	if v.ReadOnly() || !l.rowMajor() {
		return nil, rowMajorError("AsDense", l, v.ReadOnly(), "AsMatrix(v) wraps any layout without a copy; ")
	}
	data, _ := v.Data()
	var d mat.Dense
	d.SetRawMatrix(blas64.General{Rows: l.r, Cols: l.c, Stride: l.stride(), Data: span(data, l)})
	return &d, nil
}

// AsVecDense returns v as a *mat.VecDense sharing v's elements: no copy,
// and writes through either are seen through the other. v must be 1-D,
// writable, non-empty and have a positive stride (any stride for a single
// element), which becomes the vector's Inc.
//
// Otherwise AsVecDense returns an error wrapping ndview.ErrShape,
// ndview.ErrReadOnly or ndview.ErrLayout saying what gonum needs.
func AsVecDense(v ndview.NDView[float64]) (*mat.VecDense, error) {
	if err := vectorError("AsVecDense", v); err != nil {
		return nil, err
	}
	n, inc, off := vectorLayout(v)
	data, _ := v.Data()
	s, inc := vectorSpan(data, n, inc, off)
	var x mat.VecDense
	x.SetRawVector(blas64.Vector{N: n, Inc: inc, Data: s})
	return &x, nil
}

// FromDense returns the 2-D view of m's elements, sharing its storage:
// shape (r, c) and strides (Stride, 1) over RawMatrix().Data, so a
// sub-matrix made by Slice is viewed with its parent's row stride. Writes
// through either are seen through the other. An empty Dense gives an empty
// view of shape (0, 0).
//
// FromDense panics with an error wrapping ndview.ErrBounds or
// ndview.ErrLayout when m's raw matrix is inconsistent (a Data slice too
// short for Rows, Cols and Stride, as only SetRawMatrix can make).
func FromDense(m *mat.Dense) ndview.NDView[float64] {
	if m.IsEmpty() {
		return ndview.Zeros[float64](0, 0)
	}
	v, err := FromGeneral(m.RawMatrix())
	if err != nil {
		panic(err)
	}
	return v
}

// FromVecDense returns the 1-D view of x's elements, sharing its storage:
// length N and stride Inc over RawVector().Data, so a column of a Dense
// taken with ColView is viewed with the Dense's row stride. Writes through
// either are seen through the other. An empty VecDense gives an empty view.
//
// FromVecDense panics with an error wrapping ndview.ErrBounds or
// ndview.ErrLayout when x's raw vector is inconsistent.
func FromVecDense(x *mat.VecDense) ndview.NDView[float64] {
	if x.IsEmpty() {
		return ndview.Zeros[float64](0)
	}
	v, err := FromVector(x.RawVector())
	if err != nil {
		panic(err)
	}
	return v
}

// FromGeneral returns the 2-D view of a BLAS General, sharing g.Data:
// shape (Rows, Cols), strides (Stride, 1). It returns an error wrapping
// ndview.ErrShape for negative dimensions, ndview.ErrLayout when Stride <
// Cols with more than one row, and ndview.ErrBounds when Data is shorter
// than (Rows−1)·Stride+Cols.
func FromGeneral(g blas64.General) (ndview.NDView[float64], error) {
	return fromGeneral("FromGeneral", "blas64.General", g.Rows, g.Cols, g.Stride, g.Data)
}

// FromVector returns the 1-D view of a BLAS vector, sharing x.Data: length
// N, stride Inc. A negative Inc follows BLAS: element i is
// Data[(N−1−i)·|Inc|]. It returns an error wrapping ndview.ErrShape for a
// negative N, ndview.ErrLayout for Inc 0, and ndview.ErrBounds when Data is
// too short.
func FromVector(x blas64.Vector) (ndview.NDView[float64], error) {
	return fromVector("FromVector", "blas64.Vector", x.N, x.Inc, x.Data)
}
