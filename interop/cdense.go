package interop

import (
	"gonum.org/v1/gonum/blas/cblas128"
	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/ndview"
)

// Complex matrix adapters: the complex128 twins of AsMatrix, AsDense and
// FromDense, by the same layout rules (see gonum.go). gonum has no complex
// Mutable interface; the writable adapters still have Set(i, j, x).

var (
	_ mat.CMatrix       = (*cViewMatrix)(nil)
	_ mat.CMatrix       = (*cMutableMatrix)(nil)
	_ mat.RawCMatrixer  = (*cDenseMatrix)(nil)
	_ mat.CUntransposer = (*cDenseTranspose)(nil)
)

// AsCMatrix returns v, a 2-D view of any layout, as a gonum complex matrix
// without copying: At(i, j) reads v.At(i, j), T returns the matrix of v.T()
// and H its implicit conjugate transpose (mat.ConjTranspose). The matrix
// shares v's elements.
//
// As with AsMatrix, the result implements mat.RawCMatrixer only when v is
// writable and row-major, and mat.CUntransposer (onto such a matrix) when v
// is writable and column-major; writable results also have a method
// Set(i, j int, x complex128). At and Set panic with mat.ErrRowAccess or
// mat.ErrColAccess for an index out of range; AsCMatrix panics with an
// error wrapping ndview.ErrShape when v is not 2-D.
func AsCMatrix(v ndview.NDView[complex128]) mat.CMatrix {
	if v.NDim() != 2 {
		panicf("AsCMatrix", ndview.ErrShape, "view of shape %s has %d dimensions; a matrix needs 2", ndview.FormatShape(v.Shape()), v.NDim())
	}
	l := layoutOf(v)
	if v.ReadOnly() {
		return &cViewMatrix{v: v, l: l}
	}
	data, _ := v.Data()
	switch {
	case l.rowMajor():
		return &cDenseMatrix{cMutableMatrix{cViewMatrix{v: v, data: data, l: l}}}
	case l.t().rowMajor():
		return &cDenseTranspose{&cDenseMatrix{cMutableMatrix{cViewMatrix{v: v.T(), data: data, l: l.t()}}}}
	}
	return &cMutableMatrix{cViewMatrix{v: v, data: data, l: l}}
}

// cViewMatrix is a 2-D complex view as a gonum matrix, for any layout.
type cViewMatrix struct {
	v    ndview.NDView[complex128]
	data []complex128 // v's backing data; nil when v is read-only
	l    layout2
}

// Dims returns the shape of the view.
func (m *cViewMatrix) Dims() (r, c int) { return m.l.r, m.l.c }

// At returns element (i, j) of the view.
func (m *cViewMatrix) At(i, j int) complex128 {
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
func (m *cViewMatrix) T() mat.CMatrix { return AsCMatrix(m.v.T()) }

// H returns the implicit conjugate transpose.
func (m *cViewMatrix) H() mat.CMatrix { return mat.ConjTranspose{CMatrix: m} }

// cMutableMatrix is a writable 2-D complex view as a gonum matrix.
type cMutableMatrix struct{ cViewMatrix }

// Set stores x at element (i, j) of the view.
func (m *cMutableMatrix) Set(i, j int, x complex128) {
	if uint(i) >= uint(m.l.r) {
		panic(mat.ErrRowAccess)
	}
	if uint(j) >= uint(m.l.c) {
		panic(mat.ErrColAccess)
	}
	m.data[m.l.index(i, j)] = x
}

// cDenseMatrix is a writable row-major complex view with raw storage.
type cDenseMatrix struct{ cMutableMatrix }

// RawCMatrix returns the view's storage as a BLAS General, sharing its data.
func (m *cDenseMatrix) RawCMatrix() cblas128.General {
	return cblas128.General{Rows: m.l.r, Cols: m.l.c, Stride: m.l.stride(), Data: span(m.data, m.l)}
}

// T returns the implicit transpose of m, which gonum can untranspose.
func (m *cDenseMatrix) T() mat.CMatrix { return &cDenseTranspose{m} }

// H returns the implicit conjugate transpose.
func (m *cDenseMatrix) H() mat.CMatrix { return mat.ConjTranspose{CMatrix: m} }

// cDenseTranspose is a writable column-major complex view: the transpose of
// a row-major one.
type cDenseTranspose struct{ base *cDenseMatrix }

// Dims returns the shape of the view.
func (t *cDenseTranspose) Dims() (r, c int) { return t.base.l.c, t.base.l.r }

// At returns element (i, j) of the view.
func (t *cDenseTranspose) At(i, j int) complex128 {
	if uint(i) >= uint(t.base.l.c) {
		panic(mat.ErrRowAccess)
	}
	if uint(j) >= uint(t.base.l.r) {
		panic(mat.ErrColAccess)
	}
	return t.base.data[t.base.l.index(j, i)]
}

// Set stores x at element (i, j) of the view.
func (t *cDenseTranspose) Set(i, j int, x complex128) {
	if uint(i) >= uint(t.base.l.c) {
		panic(mat.ErrRowAccess)
	}
	if uint(j) >= uint(t.base.l.r) {
		panic(mat.ErrColAccess)
	}
	t.base.data[t.base.l.index(j, i)] = x
}

// T returns the row-major matrix this is the transpose of.
func (t *cDenseTranspose) T() mat.CMatrix { return t.base }

// H returns the implicit conjugate transpose.
func (t *cDenseTranspose) H() mat.CMatrix { return mat.ConjTranspose{CMatrix: t} }

// Untranspose returns the row-major matrix this is the transpose of.
func (t *cDenseTranspose) Untranspose() mat.CMatrix { return t.base }

// AsCDense returns v as a *mat.CDense sharing v's elements, under the rules
// and with the errors of AsDense: v must be 2-D, writable, non-empty and
// row-major (column stride 1, row stride >= the column count).
func AsCDense(v ndview.NDView[complex128]) (*mat.CDense, error) {
	if v.NDim() != 2 {
		return nil, errorf("AsCDense", ndview.ErrShape, "view of shape %s has %d dimensions; a matrix needs 2", ndview.FormatShape(v.Shape()), v.NDim())
	}
	l := layoutOf(v)
	if v.ReadOnly() || !l.rowMajor() {
		return nil, rowMajorError("AsCDense", l, v.ReadOnly(), "AsCMatrix(v) wraps any layout without a copy; ")
	}
	data, _ := v.Data()
	var d mat.CDense
	d.SetRawCMatrix(cblas128.General{Rows: l.r, Cols: l.c, Stride: l.stride(), Data: span(data, l)})
	return &d, nil
}

// FromCDense returns the 2-D view of m's elements, sharing its storage:
// shape (r, c), strides (Stride, 1), sub-matrices included. An empty CDense
// gives an empty view of shape (0, 0). FromCDense panics, like FromDense,
// when m's raw matrix is inconsistent.
func FromCDense(m *mat.CDense) ndview.NDView[complex128] {
	if m.IsEmpty() {
		return ndview.Zeros[complex128](0, 0)
	}
	g := m.RawCMatrix()
	v, err := fromGeneral("FromCDense", "cblas128.General", g.Rows, g.Cols, g.Stride, g.Data)
	if err != nil {
		panic(err)
	}
	return v
}
