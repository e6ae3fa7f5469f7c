package linalg

import (
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/ndkit/ndkit/interop"
	"github.com/ndkit/ndkit/ndview"
)

// Dot returns the inner product Σ a[i]·b[i] of two 1-D views of equal
// length, NumPy's np.dot(a, b) for vectors, computed by BLAS's dot; 0 for
// empty views. (MatMul multiplies matrices and stacks.)
//
// A view with a positive stride is read in place through interop's
// adapters; any other (a negative or zero stride, or a read-only view,
// whose memory interop does not hand out) is first copied by Clone.
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
	switch x := any(a).(type) {
	case ndview.NDView[float64]:
		y := any(b).(ndview.NDView[float64])
		return T(blas64.Dot(vector64(x), vector64(y)))
	case ndview.NDView[float32]:
		y := any(b).(ndview.NDView[float32])
		return T(blas32.Dot(vector32(x), vector32(y)))
	}
	panic("unreachable")
}

// vector64 returns the BLAS vector of a non-empty 1-D view, through a copy
// when interop cannot hand out its memory.
func vector64(v ndview.NDView[float64]) blas64.Vector {
	x, err := interop.AsVecDense(v)
	if err != nil {
		x, _ = interop.AsVecDense(v.Clone())
	}
	return x.RawVector()
}

// vector32 returns the BLAS vector of a non-empty 1-D view, through a copy
// when interop cannot hand out its memory.
func vector32(v ndview.NDView[float32]) blas32.Vector {
	x, err := interop.AsVector32(v)
	if err != nil {
		x, _ = interop.AsVector32(v.Clone())
	}
	return x
}
