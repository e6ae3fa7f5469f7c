package ndview_test

import (
	"fmt"
	"math"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleSort() {
	// a = np.array([[3, nan, 1], [2, -0.0, -5]]); a.sort(axis=-1)
	a, _ := ndview.FromSlice([]float64{3, math.NaN(), 1, 2, math.Copysign(0, -1), -5}, 2, 3)
	ndview.Sort(a, -1)
	fmt.Println(a)
	// Sorting the rows of a.T() sorts the columns of a, in a's memory.
	ndview.Sort(a.T(), 1)
	fmt.Println(a)
	// Output:
	// [[  1   3 NaN]
	//  [ -5  -0   2]]
	// [[ -5  -0   2]
	//  [  1   3 NaN]]
}

func ExampleArgsort() {
	// np.argsort([3, 1, 2, 1], kind="stable")
	v, _ := ndview.FromSlice([]int{3, 1, 2, 1})
	fmt.Println(ndview.Argsort(v, 0))
	// Output: [1 3 2 0]
}

func ExamplePartition() {
	// a.partition(2): a[2] is in its sorted place, smaller ones before it
	a, _ := ndview.FromSlice([]int{7, 1, 5, 3, 9})
	ndview.Partition(a, []int{2}, 0)
	fmt.Println(a.At(2))
	// Output: 5
}

func ExampleLexsort() {
	// np.lexsort((first, last)): sort by last name, then by first name
	first, _ := ndview.FromSlice([]int{2, 1, 1, 3})
	last, _ := ndview.FromSlice([]int{9, 9, 4, 4})
	fmt.Println(ndview.Lexsort(first, last))
	// Output: [2 3 1 0]
}

func ExampleSearchsorted() {
	// np.searchsorted([1, 2, 2, 3, nan], [2, nan, 0], side=...)
	a, _ := ndview.FromSlice([]float64{1, 2, 2, 3, math.NaN()})
	v, _ := ndview.FromSlice([]float64{2, math.NaN(), 0})
	fmt.Println(ndview.Searchsorted(a, v, ndview.Left))
	fmt.Println(ndview.Searchsorted(a, v, ndview.Right))
	// Output:
	// [1 4 0]
	// [3 5 0]
}

func ExampleUnique() {
	// np.unique(x, return_index=True, return_inverse=True, return_counts=True)
	x, _ := ndview.FromSlice([]float64{2, math.NaN(), 1, 2, math.NaN()})
	u := ndview.Unique(x, ndview.UniqueOptions{Index: true, Inverse: true, Counts: true})
	fmt.Println(u.Values, u.Index, u.Inverse, u.Counts)
	// Output: [  1   2 NaN] [2 0 1] [1 2 0 1 2] [1 2 2]
}

func ExampleIntersect1d() {
	a, _ := ndview.FromSlice([]int{5, 1, 3, 1})
	b, _ := ndview.FromSlice([]int{3, 7, 1})
	v, ia, ib := ndview.Intersect1d(a, b, false)
	fmt.Println(v, ia, ib)
	fmt.Println(ndview.Union1d(a, b), ndview.Setdiff1d(a, b, false), ndview.Setxor1d(a, b, false))
	fmt.Println(ndview.Isin(a, b, false))
	// Output:
	// [1 3] [1 2] [2 0]
	// [1 3 5 7] [5] [5 7]
	// [false  true  true  true]
}
