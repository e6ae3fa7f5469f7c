package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleRavel() {
	// NumPy: np.ravel(m) is a view of a C-contiguous m, a copy otherwise.
	m, _ := ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	r := ndview.Ravel(m)
	r.Set(-1, 0) // writes m
	fmt.Println(m.At(0, 0), ndview.Ravel(m.T()).ToSlice())
	fmt.Println(ndview.RavelOrder(m, ndview.OrderF).ToSlice())
	// Output:
	// -1 [-1 4 2 5 3 6]
	// [-1 4 2 5 3 6]
}

func ExampleBroadcastArrays() {
	// NumPy: np.broadcast_arrays(col, row)
	col, _ := ndview.FromSlice([]int{1, 2}, 2, 1)
	row, _ := ndview.FromSlice([]int{10, 20, 30})
	bs, _ := ndview.BroadcastArrays(col, row)
	fmt.Println(bs[0].Shape(), bs[0].ToSlice(), bs[1].ToSlice(), bs[1].ReadOnly())
	fmt.Println(ndview.AtLeast3D(row).Shape(), ndview.AtLeast2D(row).Shape())
	// Output:
	// [2 3] [1 1 1 2 2 2] [10 20 30 10 20 30] true
	// [1 3 1] [1 3]
}
