package linalg_test

import (
	"fmt"

	"github.com/ndkit/ndkit/linalg"
	"github.com/ndkit/ndkit/ndview"
)

func ExampleEinsum() {
	// NumPy: np.einsum('bij,bjk->bik', a, b, optimize=True), a batch of
	// matrix products, contracted by MatMul.
	a, _ := ndview.FromSlice([]float64{1, 2, 3, 4, 1, 0, 0, 1}, 2, 2, 2)
	b, _ := ndview.FromSlice([]float64{1, 1, 0, 1, 5, 6, 7, 8}, 2, 2, 2)
	c, _ := linalg.Einsum("bij,bjk->bik", a, b)
	fmt.Println(c)

	// np.einsum('ii->i', m) is a view of the diagonal: writing through it
	// changes m.
	m, _ := ndview.FromSlice([]float64{1, 2, 3, 4}, 2, 2)
	d, _ := linalg.Einsum("ii->i", m)
	d.Set(10, 1)
	fmt.Println(m)

	// np.einsum('ii', m): the trace, a new 0-d array.
	tr, _ := linalg.Einsum("ii", m)
	fmt.Println(tr)
	// Output:
	// [[[1 3]
	//   [3 7]]
	//
	//  [[5 6]
	//   [7 8]]]
	// [[ 1  2]
	//  [ 3 10]]
	// 11
}

func ExampleSolve() {
	// NumPy: np.linalg.solve(a, b) for a vector b.
	a, _ := ndview.FromSlice([]float64{3, 1, 1, 2}, 2, 2)
	b, _ := ndview.FromSlice([]float64{9, 8}, 2)
	x, err := linalg.Solve(a, b)
	fmt.Println(x, err)

	// A singular matrix is an error, naming the batch index.
	s, _ := ndview.FromSlice([]float64{3, 1, 1, 2, 1, 2, 2, 4}, 2, 2, 2)
	_, err = linalg.Solve(s, b)
	fmt.Println(err)
	// Output:
	// [2 3] <nil>
	// ndview: linalg.Solve: Singular matrix at batch index (1,)
}

func ExampleSVD() {
	// NumPy: u, s, vt = np.linalg.svd(a, full_matrices=False)
	a, _ := ndview.FromSlice([]float64{3, 0, 0, 0, -2, 0}, 2, 3)
	u, s, vt, _ := linalg.SVD(a, false)
	fmt.Println(u.Shape(), s, vt.Shape())
	// Singular values only: np.linalg.svd(a, compute_uv=False).
	sv, _ := linalg.Svdvals(a.T())
	fmt.Printf("%.6g\n", sv.ToSlice()) // LAPACK's rounding: print 6 digits
	// Output:
	// [2 2] [3 2] [2 3]
	// [3 2]
}

func ExampleDet() {
	// NumPy: np.linalg.det of a stack of two matrices.
	a, _ := ndview.FromSlice([]float64{1, 2, 3, 4, 2, 0, 0, 2}, 2, 2, 2)
	fmt.Printf("%.6g\n", linalg.Det(a).ToSlice())
	// Output:
	// [-2 4]
}

func ExampleNorm() {
	// NumPy: np.linalg.norm(a), np.linalg.norm(a, 'nuc'), and the 1-norms
	// of the rows, np.linalg.norm(a, 1, axis=1).
	a, _ := ndview.FromSlice([]float64{3, 0, 0, -4}, 2, 2)
	fmt.Println(linalg.Norm(a, linalg.OrdDefault))
	fmt.Println(linalg.Norm(a, linalg.OrdNuc))
	fmt.Println(linalg.Norm(a, linalg.OrdP(1), 1))
	// Output:
	// 5
	// 7
	// [3 4]
}

func ExampleTensordot() {
	// NumPy: np.tensordot(a, b, 1) of a (2, 3) and a (3,) array.
	a, _ := ndview.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
	b, _ := ndview.FromSlice([]float64{1, 0, -1}, 3)
	fmt.Println(linalg.Tensordot(a, b, 1))
	// Output:
	// [-2 -2]
}
