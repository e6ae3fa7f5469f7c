package linalg_test

import (
	"errors"
	"fmt"

	"github.com/ndkit/ndkit/linalg"
	"github.com/ndkit/ndkit/ndview"
)

// A stack of small matrices, as geometry code holds them: one call
// computes every determinant, inverse or solution, and a singular matrix
// is named by its batch index (semantics.md §34, LP6).
func ExampleDet_stack() {
	a := ndview.Must(ndview.FromSlice([]float64{
		2, 0, 0, 0, 3, 0, 0, 0, 4, // diag(2, 3, 4)
		1, 2, 3, 2, 4, 6, 0, 0, 1, // a row twice another: singular
	}, 2, 3, 3))
	fmt.Println(linalg.Det(a))
	_, err := linalg.Inv(a)
	fmt.Println(errors.Is(err, linalg.ErrSingular), err)
	// Output:
	// [24  0]
	// true ndview: linalg.Inv: Singular matrix at batch index (1,)
}

// Solve has no complex form (semantics.md §34, LP5); a complex system
// A·x = b, A = X + iY, is solved through the real system
// [[X, −Y], [Y, X]]·[Re x; Im x] = [Re b; Im b].
func ExampleSolve_complex() {
	a := [][]complex128{{1 + 2i, 3}, {0, 1 - 1i}}
	b := []complex128{1, 1i}
	n := len(b)
	r, rb := ndview.Zeros[float64](2*n, 2*n), ndview.Zeros[float64](2*n)
	for i := range n {
		for j := range n {
			x, y := real(a[i][j]), imag(a[i][j])
			r.Set(x, i, j)
			r.Set(-y, i, n+j)
			r.Set(y, n+i, j)
			r.Set(x, n+i, n+j)
		}
		rb.Set(real(b[i]), i)
		rb.Set(imag(b[i]), n+i)
	}
	s, err := linalg.Solve(r, rb)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range n {
		fmt.Printf("x[%d] = %.2f\n", i, complex(s.At(i), s.At(n+i)))
	}
	// Output:
	// x[0] = (-0.10-1.30i)
	// x[1] = (-0.50+0.50i)
}
