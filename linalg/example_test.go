package linalg_test

import (
	"fmt"

	"github.com/ndkit/ndkit/linalg"
	"github.com/ndkit/ndkit/ndview"
)

func ExampleMatMulInto() {
	// NumPy: a = np.arange(6.).reshape(2, 3); a @ a.T
	a, _ := ndview.FromSlice([]float64{0, 1, 2, 3, 4, 5}, 2, 3)
	c := ndview.Zeros[float64](2, 2)
	linalg.MatMulInto(c, a, a.T()) // the transpose is read in place, not copied
	fmt.Println(c)

	// A matrix times a vector: (2, 3) @ (3,) is (2,).
	v, _ := ndview.FromSlice([]float64{1, 0, -1})
	y := ndview.Zeros[float64](2)
	linalg.MatMulInto(y, a, v)
	fmt.Println(y)
	// Output:
	// [[ 5 14]
	//  [14 50]]
	// [-2 -2]
}

func ExampleMatMulInto_batched() {
	// NumPy: np.matmul(stack, m) with stack of shape (3, 2, 2) and m of
	// shape (2, 2): m is broadcast over the batch axis.
	stack, _ := ndview.FromSlice([]float32{1, 0, 0, 1, 2, 0, 0, 2, 0, 1, 1, 0}, 3, 2, 2)
	m, _ := ndview.FromSlice([]float32{1, 2, 3, 4}, 2, 2)
	out := ndview.Zeros[float32](3, 2, 2)
	linalg.MatMulInto(out, stack, m)
	fmt.Println(out)
	// Output:
	// [[[1 2]
	//   [3 4]]
	//
	//  [[2 4]
	//   [6 8]]
	//
	//  [[3 4]
	//   [1 2]]]
}

func ExampleDot() {
	// NumPy: np.dot(a, b[::-1])
	a, _ := ndview.FromSlice([]float64{1, 2, 3})
	b, _ := ndview.FromSlice([]float64{4, 5, 6})
	fmt.Println(linalg.Dot(a, b.Flip(0))) // the reversed view is copied for BLAS
	// Output:
	// 28
}
