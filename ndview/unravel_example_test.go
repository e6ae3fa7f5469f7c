package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleUnravelIndex() {
	// NumPy: np.unravel_index(a.argmax(), a.shape)
	a := ndview.Must(ndview.FromSlice([]float64{3, 1, 4, 1, 5, 9, 2, 6, 5}, 3, 3))
	fmt.Println(ndview.UnravelIndex(ndview.ArgMax(a), a.Shape()...))
	// NumPy: np.ravel_multi_index((1, 2), a.shape)
	fmt.Println(ndview.RavelMultiIndex([]int{1, 2}, a.Shape()...))
	// Output:
	// [1 2]
	// 5
}

func ExampleNdindex() {
	// NumPy: for idx in np.ndindex(2, 3)
	for idx := range ndview.Ndindex(2, 3) {
		fmt.Print(idx, " ")
	}
	fmt.Println()
	// Output:
	// [0 0] [0 1] [0 2] [1 0] [1 1] [1 2]
}

func ExampleMust() {
	// A literal the program wrote itself cannot fail: Must drops the error
	// (and panics, as regexp.MustCompile does, if it ever does fail).
	a := ndview.Must(ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3))
	fmt.Println(ndview.Must(a.Index("::-1, 1:")))
	// Output:
	// [[5 6]
	//  [2 3]]
}
