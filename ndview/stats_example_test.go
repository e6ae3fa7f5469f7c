package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// The median, a quantile and the variance of a view, and the same along
// an axis (np.median, np.quantile, np.var).
func ExampleMedian() {
	v, _ := ndview.FromSlice([]float64{3, 1, 4, 1, 5, 9, 2, 6}, 2, 4)
	fmt.Println(ndview.Median(v)) // np.median(v)
	q, _ := ndview.Quantile(v, 0.9, ndview.QuantileLinear)
	fmt.Printf("%.1f\n", q) // np.quantile(v, 0.9)
	fmt.Println(ndview.Var(v, 1))

	rows := ndview.Zeros[float64](2)
	ndview.MedianAxisInto(rows, v, 1) // np.median(v, axis=1, out=rows)
	fmt.Println(rows)
	// Output:
	// 3.5
	// 6.9
	// 7.553571428571429
	// [  2 5.5]
}

// Running sums along an axis, and a difference (np.cumsum, np.diff).
func ExampleCumsumAxis() {
	v, _ := ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	c := ndview.Zeros[int](2, 3)
	ndview.CumsumAxisInto(c, v, 0) // np.cumsum(v, axis=0)
	fmt.Println(c)
	d := ndview.Zeros[int](2, 2)
	ndview.DiffInto(d, v, 1, 1) // np.diff(v, axis=1)
	fmt.Println(d)
	// Output:
	// [[1 2 3]
	//  [5 7 9]]
	// [[1 1]
	//  [1 1]]
}

// A histogram of equal bins (np.histogram(v, bins=4)).
func ExampleHistogram() {
	v, _ := ndview.FromSlice([]float64{0, 0.5, 1, 1.5, 2, 2, 3.9, 4})
	counts, edges, _ := ndview.Histogram(v, 4)
	fmt.Println(counts, edges)
	// Output:
	// [2 2 2 2] [0 1 2 3 4]
}

// NaN-aware reductions skip NaNs (np.nanmean, np.nanargmax).
func ExampleNanMean() {
	nan := 0.0
	nan /= nan
	v, _ := ndview.FromSlice([]float64{1, nan, 3})
	fmt.Println(ndview.NanMean(v), ndview.Mean(v))
	i, _ := ndview.NanArgmax(v)
	fmt.Println(i)
	// Output:
	// 2 NaN
	// 2
}

// Isclose is asymmetric: b is the reference (np.isclose).
func ExampleIsclose() {
	a, _ := ndview.FromSlice([]float64{1, 1e-9, 100})
	b, _ := ndview.FromSlice([]float64{1.000001, 0, 101})
	m := ndview.Zeros[bool](3)
	ndview.IscloseInto(m, a, b, 1e-5, 1e-8, false)
	fmt.Println(m, ndview.Allclose(a, b, 1e-2, 0, false))
	// Output:
	// [ true  true false] false
}
