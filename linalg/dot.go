package linalg

import (
	"github.com/ndkit/ndkit/linalg/internal/gemm"
	"github.com/ndkit/ndkit/ndview"
)

// Dot returns the inner product Σ a[i]·b[i] of two 1-D views of equal
// length, NumPy's np.dot(a, b) for vectors; 0 for empty views. (MatMul
// multiplies matrices and stacks.) The sum is taken in four interleaved
// partial sums, added pairwise at the end (semantics.md §28, GM5).
//
// Views of any stride are read in place, except a read-only view, whose
// memory is not handed out, which is first copied by Clone.
//
// Dot panics with an *ndview.Error wrapping ndview.ErrShape when a or b is
// not 1-D or their lengths differ.
func Dot[T Float](a, b ndview.NDView[T]) T {
	const op = "Dot"
	if a.NDim() != 1 || b.NDim() != 1 || a.Size() != b.Size() {
		panicf(op, ndview.ErrShape, "operands of shapes %s and %s: Dot needs two 1-D views of one length (MatMul multiplies matrices)",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	if a.Size() == 0 {
		return 0
	}
	x, y := vector(a), vector(b)
	return gemm.Dot(x.Cols, x.Data, x.Off, x.CS, y.Data, y.Off, y.CS)
}

// vector returns the 1×n gemm.Mat of a non-empty 1-D view, through a copy
// when its memory cannot be reached (a read-only view).
func vector[T Float](v ndview.NDView[T]) gemm.Mat[T] {
	if v.ReadOnly() {
		v = v.Clone()
	}
	data, _ := v.Data()
	return gemm.Mat[T]{Data: data, Off: v.Offset(), Rows: 1, Cols: v.Size(), RS: 1, CS: v.Strides()[0]}
}
