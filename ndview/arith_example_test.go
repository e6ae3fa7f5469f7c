package ndview_test

import (
	"fmt"
	"math"

	"github.com/x448/float16"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleAdd() {
	// NumPy: np.add(col, row, out=grid) with col of shape (3, 1) and row
	// of shape (1, 4): both are broadcast to the destination's (3, 4).
	col, _ := ndview.FromSlice([]float32{0, 10, 20}, 3, 1)
	row, _ := ndview.FromSlice([]float32{1, 2, 3, 4}, 1, 4)
	grid := ndview.Zeros[float32](3, 4)
	ndview.AddInto(grid, col, row)
	fmt.Println(grid)

	// In place, reading the old values: a[1:] += a[:-1].
	a, _ := ndview.FromSlice(arange(5))
	ndview.AddInto(a.Slice(ndview.From(1)), a.Slice(ndview.From(1)), a.Slice(ndview.To(-1)))
	fmt.Println(a)
	// Output:
	// [[ 1  2  3  4]
	//  [11 12 13 14]
	//  [21 22 23 24]]
	// [0 1 3 5 7]
}

func ExampleMulScalar() {
	// NumPy: np.multiply(a.T, 2, out=d)
	a, _ := ndview.FromSlice(arange(6), 2, 3)
	d := ndview.Zeros[int](3, 2)
	ndview.MulScalarInto(d, a.T(), 2)
	fmt.Println(d)
	// Output:
	// [[ 0  6]
	//  [ 2  8]
	//  [ 4 10]]
}

func ExampleDiv() {
	// Integers truncate like Go's /, and x/0 is 0 (NumPy: 0 with a
	// warning); floats follow IEEE 754.
	a, _ := ndview.FromSlice([]int{7, -7, 5})
	b, _ := ndview.FromSlice([]int{2, 2, 0})
	q := ndview.Zeros[int](3)
	ndview.DivInto(q, a, b)
	fmt.Println(q)

	x, _ := ndview.FromSlice([]float64{1, -1, 0})
	f := ndview.Zeros[float64](3)
	ndview.DivInto(f, x, ndview.Scalar(0.0))
	fmt.Println(f)
	// Output:
	// [ 3 -3  0]
	// [+Inf -Inf  NaN]
}

func ExampleMaximum() {
	// NumPy: np.maximum(a, 0, out=a), a ReLU in place; NaN propagates.
	a, _ := ndview.FromSlice([]float64{-1.5, 2, math.NaN(), -0.5})
	ndview.MaximumInto(a, a, ndview.Scalar(0.0))
	fmt.Println(a)
	// Output:
	// [  0   2 NaN   0]
}

func ExampleLess() {
	// NumPy: mask = a < 3; np.where(mask, a, -1)
	a, _ := ndview.FromSlice(arange(6), 2, 3)
	mask := ndview.Zeros[bool](2, 3)
	ndview.LessInto(mask, a, ndview.Scalar(3))
	fmt.Println(mask)
	out := ndview.Zeros[int](2, 3)
	ndview.WhereInto(out, mask, a, ndview.Scalar(-1))
	fmt.Println(out)
	fmt.Println(ndview.Any(mask), ndview.All(mask))
	// Output:
	// [[ true  true  true]
	//  [false false false]]
	// [[ 0  1  2]
	//  [-1 -1 -1]]
	// true false
}

func ExampleClip() {
	// NumPy: np.clip(a, 2, 4)
	a, _ := ndview.FromSlice(arange(7))
	d := ndview.Zeros[int](7)
	ndview.ClipInto(d, a, 2, 4)
	fmt.Println(d)
	// Output:
	// [2 2 2 3 4 4 4]
}

func ExampleSqrt() {
	// float16 is computed in float32 and rounded once.
	h, _ := ndview.FromSlice([]float16.Float16{float16.Fromfloat32(2), float16.Fromfloat32(9)})
	ndview.SqrtInto(h, h)
	fmt.Println(h.At(0).Float32(), h.At(1).Float32())
	// Output:
	// 1.4140625 3
}

func ExampleSum() {
	// NumPy: a.sum(), a.T.sum(): the transpose is read in memory order,
	// so it sums as fast as a contiguous view.
	a, _ := ndview.FromSlice([]float64{0.5, 1.5, 2, 3, 4, 5}, 2, 3)
	fmt.Println(ndview.Sum(a), ndview.Sum(a.T()), ndview.Mean(a))

	// NumPy's summation order, with NumPy's bits (np.full(10**7, 0.1).sum()
	// is 999999.9999999782): pairwise within chunks of 8192 elements,
	// far closer to 10^6 than a plain loop.
	tenths := make([]float64, 10_000_000)
	loop := 0.0
	for i := range tenths {
		tenths[i] = 0.1
		loop += 0.1
	}
	t, _ := ndview.FromSlice(tenths)
	fmt.Printf("%.10f %.10f\n", ndview.Sum(t), loop)
	// Output:
	// 16 16 2.6666666666666665
	// 999999.9999999782 999999.9998389754
}

func ExampleSumAxis() {
	// NumPy: a.sum(axis=0) and a.sum(axis=1, keepdims=True)
	a, _ := ndview.FromSlice(arange(6), 2, 3)
	cols := ndview.Zeros[int](3)
	ndview.SumAxisInto(cols, a, 0)
	fmt.Println(cols)
	rows := ndview.Zeros[int](2, 1)
	ndview.SumAxisInto(rows, a, 1)
	fmt.Println(rows)
	// Output:
	// [3 5 7]
	// [[ 3]
	//  [12]]
}

func ExampleArgMax() {
	// NumPy: a.argmax() (a flat index in C order), a.argmax(axis=1)
	a, _ := ndview.FromSlice([]float64{3, 9, 2, 9, 1, 7}, 2, 3)
	fmt.Println(ndview.ArgMax(a), ndview.Max(a))
	idx := ndview.Zeros[int](2)
	ndview.ArgMaxAxisInto(idx, a, 1)
	fmt.Println(idx)
	// Output:
	// 1 9
	// [1 0]
}
