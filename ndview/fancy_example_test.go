package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// Gather with integer arrays, adjacent and separated, and with a mask.
func ExampleNDView_Gather() {
	data := make([]int, 24)
	for i := range data {
		data[i] = i
	}
	a, _ := ndview.FromSlice(data, 2, 3, 4) // np.arange(24).reshape(2, 3, 4)

	// a[:, [2, 0], 1]: the array and the integer are adjacent, so the
	// broadcast axis stays in place.
	r, _ := a.Gather(ndview.Colon(), []int{2, 0}, 1)
	fmt.Println(r.Shape(), r)

	// a[0, :, [1, 3]]: separated by a slice, the broadcast axis comes first.
	r, _ = a.Gather(0, ndview.Colon(), []int{1, 3})
	fmt.Println(r.Shape(), r)

	// a[a % 5 == 0]: a mask of the whole shape gives a 1-D copy.
	mask := make([]bool, 24)
	for i := range mask {
		mask[i] = i%5 == 0
	}
	m, _ := ndview.FromSlice(mask, 2, 3, 4)
	r, _ = a.Gather(m)
	fmt.Println(r)

	_, err := a.Gather([]int{0, 2})
	fmt.Println(err)
	// Output:
	// [2 2] [[ 9  1]
	//  [21 13]]
	// [2 3] [[ 1  5  9]
	//  [ 3  7 11]]
	// [ 0  5 10 15 20]
	// ndview: Gather: index 2 is out of bounds for axis 0 with size 2 (shape (2, 3, 4)); valid indices are -2 to 1
}

// Scatter writes through an index: repeated indices keep the last value,
// and a mask takes one value or one per true element.
func ExampleNDView_Scatter() {
	a := ndview.Zeros[int](6)
	vals, _ := ndview.FromSlice([]int{1, 2, 3})
	_ = a.Scatter(vals, []int{4, 0, 4}) // a[[4, 0, 4]] = [1, 2, 3]
	fmt.Println(a)

	_ = a.Scatter(ndview.Scalar(-1), []bool{true, false, true, false, false, false})
	fmt.Println(a)

	err := a.Scatter(vals, []bool{true, true, false, false, false, false})
	fmt.Println(err)
	// Output:
	// [2 0 0 0 3 0]
	// [-1  0 -1  0  3  0]
	// ndview: Scatter: NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true
}
