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
