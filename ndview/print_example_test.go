package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// with np.printoptions(precision=3, threshold=10, edgeitems=2): print(a)
func ExampleNDView_FormatWith() {
	a := ndview.Must(ndview.FromSlice([]float64{1.0 / 3, 2, 1e-9, 1.5, 100, 0.25}, 2, 3))
	o := ndview.NumPyPrintOptions()
	fmt.Println(a.FormatWith(o))
	o.Precision, o.Suppress = 3, true
	fmt.Println(a.FormatWith(o))

	big := ndview.ArangeN[int](1000 * 1000)
	o = ndview.NumPyPrintOptions()
	o.EdgeItems = 2
	fmt.Println(ndview.Must(big.Reshape(1000, 1000)).FormatWith(o))
	// Output:
	// [[3.33333333e-01 2.00000000e+00 1.00000000e-09]
	//  [1.50000000e+00 1.00000000e+02 2.50000000e-01]]
	// [[  0.333   2.      0.   ]
	//  [  1.5   100.      0.25 ]]
	// [[     0      1 ...    998    999]
	//  [  1000   1001 ...   1998   1999]
	//  ...
	//  [998000 998001 ... 998998 998999]
	//  [999000 999001 ... 999998 999999]]
}

// np.set_printoptions(...) for the rest of a function, as a with block of
// np.printoptions does.
func ExampleSetPrintOptions() {
	defer ndview.SetPrintOptions(ndview.SetPrintOptions(ndview.NumPyPrintOptions()))
	fmt.Println(ndview.Must(ndview.FromSlice([]float64{1, 2.5, -0.125}, 3)))
	fmt.Println(ndview.Must(ndview.FromSlice([]bool{true, false}, 2)))
	// Output:
	// [ 1.     2.5   -0.125]
	// [ True False]
}
