package linalg

import (
	"errors"

	"github.com/ndkit/ndkit/ndview"
)

// Errors of the decompositions and solvers that depend on the data
// (semantics.md LA9). Each returned error is an *ndview.Error that unwraps
// to one of them and names the batch index of the failing matrix.
var (
	// ErrSingular: a matrix that Inv, Solve or MatrixPower must invert is
	// singular (NumPy's LinAlgError "Singular matrix").
	ErrSingular = errors.New("singular matrix")
	// ErrNotPositiveDefinite: Cholesky met a matrix that is not positive
	// definite (NumPy's "Matrix is not positive definite").
	ErrNotPositiveDefinite = errors.New("matrix is not positive definite")
	// ErrNoConvergence: an iterative decomposition (SVD, Eig, Eigh) did not
	// converge (NumPy's "SVD did not converge" and the like).
	ErrNoConvergence = errors.New("did not converge")
)

// lapack is the LAPACK the decompositions call, with gonum's signatures
// and row-major storage (a C-contiguous matrix is handed to it as it is):
// gonum's pure-Go LAPACK with ndkit's blocked drivers in the default
// build, OpenBLAS's LAPACK under the openblas build tag (semantics.md §34).
var lapack lapackImpl

// dataErr returns the *ndview.Error of a data-dependent failure of
// operation op at batch index idx (nil for an unbatched call).
func dataErr(op string, kind error, idx []int, what string) error {
	msg := what
	if len(idx) > 0 {
		msg += " at batch index " + ndview.FormatShape(idx)
	}
	return &ndview.Error{Op: "linalg." + op, Err: kind, Msg: msg}
}

// stack checks that a is a stack of matrices (at least two axes), square
// when square is set, and returns its batch shape and matrix extents.
func stack[T any](op string, a ndview.NDView[T], square bool) (batch []int, m, n int) {
	if a.NDim() < 2 {
		panicf(op, ndview.ErrShape, "operand of shape %s: %d-dimensional array given, the array must be at least two-dimensional",
			ndview.FormatShape(a.Shape()), a.NDim())
	}
	sh := a.Shape()
	m, n = sh[len(sh)-2], sh[len(sh)-1]
	if square && m != n {
		panicf(op, ndview.ErrShape, "operand of shape %s: the last two dimensions (%d, %d) must be square",
			ndview.FormatShape(sh), m, n)
	}
	return sh[:len(sh)-2], m, n
}

// forEachIndex calls f with every index of shape in C order (once with an
// empty index for a 0-d shape, never for an empty one), until f returns
// false. The index slice is reused between calls.
func forEachIndex(shape []int, f func(idx []int) bool) {
	if shapeSize(shape) == 0 {
		return
	}
	idx := make([]int, len(shape))
	for {
		if !f(idx) {
			return
		}
		i := len(idx) - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < shape[i] {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return
		}
	}
}

// at returns the sub-view of v at the leading index idx (trailing axes
// kept whole). items is scratch space for the index items.
func at[T any](v ndview.NDView[T], idx []int, items []ndview.IndexItem) ndview.NDView[T] {
	if len(idx) == 0 {
		return v
	}
	items = items[:0]
	for _, i := range idx {
		items = append(items, ndview.Int(i))
	}
	return v.Slice(append(items, ndview.Ellipsis)...)
}

// work is a row-major float64 matrix that LAPACK reads and overwrites:
// rows×cols elements with leading dimension ld (ld >= max(1, cols)).
type work struct {
	rows, cols, ld int
	data           []float64
}

// newWork allocates a rows×cols work matrix.
func newWork(rows, cols int) work {
	ld := max(cols, 1)
	return work{rows, cols, ld, make([]float64, rows*ld)}
}

// view returns the work matrix as a writable 2-D float64 view.
func (w work) view() ndview.NDView[float64] {
	v, err := ndview.Wrap(w.data, 0, []int{w.rows, w.cols}, []int{w.ld, 1})
	if err != nil {
		panic(err) // unreachable: the layout is valid by construction
	}
	return v
}

// load copies the 2-D view v (of the work's shape, any layout) into w,
// converting float32 to float64: the one copy LAPACK needs, since it
// overwrites its input. NumPy 1.24 also computes float32 in float64.
func load[T Float](w work, v ndview.NDView[T]) {
	switch x := any(v).(type) {
	case ndview.NDView[float64]:
		w.view().CopyFrom(x)
	case ndview.NDView[float32]:
		ndview.ConvertInto(w.view(), x)
	}
}

// loadT copies the transpose of the 2-D view v into w.
func loadT[T Float](w work, v ndview.NDView[T]) { load(w, v.T()) }

// store copies the work matrix w into the 2-D view dst (of w's shape),
// rounding to float32 where T is float32.
func store[T Float](dst ndview.NDView[T], w work) {
	src := w.view()
	switch d := any(dst).(type) {
	case ndview.NDView[float64]:
		d.CopyFrom(src)
	case ndview.NDView[float32]:
		ndview.ConvertInto(d, src)
	}
}

// storeVec copies the first len elements of x into the 1-D view dst.
func storeVec[T Float](dst ndview.NDView[T], x []float64) {
	n := dst.Shape()[0]
	store(dst.ExpandDims(0), work{1, n, max(n, 1), x[:n]})
}

// checkDst panics unless dst is writable and of shape want.
func checkDst[T any](op string, dst ndview.NDView[T], want []int) {
	if dst.ReadOnly() {
		panicf(op, ndview.ErrReadOnly, "assignment destination is read-only")
	}
	if !equalInts(dst.Shape(), want) {
		panicf(op, ndview.ErrShape, "destination of shape %s, the result's shape is %s",
			ndview.FormatShape(dst.Shape()), ndview.FormatShape(want))
	}
}

// withAxes returns shape followed by the extents tail.
func withAxes(shape []int, tail ...int) []int {
	return append(append(make([]int, 0, len(shape)+len(tail)), shape...), tail...)
}

// lwork returns the optimal workspace length LAPACK reports in q[0] after
// a workspace query.
func lwork(q []float64) int { return max(int(q[0]), 1) }

// lanes returns the new array of shape v.Shape()[:keep] whose element at
// idx is f(idx, v[idx, ...]): a reduction of the trailing axes of v.
func lanes[T, U any](v ndview.NDView[T], keep int, f func(idx []int, sub ndview.NDView[T]) U) ndview.NDView[U] {
	batch := v.Shape()[:keep]
	out := ndview.Zeros[U](batch...)
	data, _ := out.Data()
	items := make([]ndview.IndexItem, 0, keep+1)
	i := 0
	forEachIndex(batch, func(idx []int) bool {
		data[i] = f(idx, at(v, idx, items))
		i++
		return true
	})
	return out
}

// sum returns the sum of the elements of v, in C order.
func sum[T Float](v ndview.NDView[T]) T {
	var s T
	for x := range v.Values() {
		s += x
	}
	return s
}
