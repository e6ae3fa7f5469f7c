package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleSplitAt() {
	// NumPy: np.split(np.arange(10), [3, 1, -1, 10])
	v, _ := ndview.FromSlice([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	var pieces [][]int
	for _, p := range ndview.SplitAt(v, []int{3, 1, -1, 10}, 0) {
		pieces = append(pieces, p.ToSlice())
	}
	fmt.Println(pieces)
	// Pieces are views: writing through one writes v.
	ndview.SplitAt(v, []int{3}, 0)[1].Set(-1, 0)
	fmt.Println(v.ToSlice())
	// Output:
	// [[0 1 2] [] [1 2 3 4 5 6 7 8] [9] []]
	// [0 1 2 -1 4 5 6 7 8 9]
}

func ExampleArraySplit() {
	// NumPy: np.array_split(np.arange(10), 3); np.split needs equal pieces
	v, _ := ndview.FromSlice([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	var pieces [][]int
	for _, p := range ndview.ArraySplit(v, 3, 0) {
		pieces = append(pieces, p.ToSlice())
	}
	fmt.Println(pieces)
	_, err := ndview.Split(v, 3, 0)
	fmt.Println(err)
	// Output:
	// [[0 1 2 3] [4 5 6] [7 8 9]]
	// ndview: Split: array split does not result in an equal division: axis 0 of extent 10 into 3 sections (shape (10,)); use ArraySplit
}
