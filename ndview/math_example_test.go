package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// The division family follows NumPy's divmod: the remainder takes the
// divisor's sign (np.floor_divide, np.remainder).
func ExampleFloorDivide() {
	a, _ := ndview.FromSlice([]float64{7, -7, 1, -1}, 4)
	b, _ := ndview.FromSlice([]float64{2, 2, 0.1, 3}, 4)
	q, r := ndview.Zeros[float64](4), ndview.Zeros[float64](4)
	ndview.DivmodInto(q, r, a, b)
	fmt.Println(q.ToSlice(), r.ToSlice())
	// Output: [3 -4 9 -1] [1 1 0.09999999999999995 2]
}

// Sin of huge arguments is reduced exactly (np.sin).
func ExampleSin() {
	a, _ := ndview.FromSlice([]float64{0, 1e22, 5.319372648326541e255}, 3)
	d := ndview.Zeros[float64](3)
	ndview.SinInto(d, a)
	fmt.Println(d.ToSlice())
	// Output: [0 -0.8522008497671888 1]
}

// Integers to negative powers are an error, and nothing is written
// (np.power raises ValueError).
func ExamplePower() {
	a, _ := ndview.FromSlice([]int{2, 3, 4}, 3)
	d := ndview.Zeros[int](3)
	fmt.Println(ndview.PowerScalarInto(d, a, 3), d.ToSlice())
	fmt.Println(ndview.PowerScalarInto(d, a, -1) != nil, d.ToSlice())
	// Output:
	// <nil> [8 27 64]
	// true [8 27 64]
}

// Shifts by any count are defined (np.left_shift, np.right_shift).
func ExampleRightShift() {
	a, _ := ndview.FromSlice([]int8{-5, 5, -5, 100}, 4)
	d := ndview.Zeros[int8](4)
	ndview.RightShiftScalarInto(d, a, 9)
	fmt.Println(d.ToSlice())
	// Output: [-1 0 -1 0]
}
