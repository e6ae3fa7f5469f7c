package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// NumPy's i + f for int32 and float32 operands is float64: Promote makes
// the step explicit.
func ExamplePromote() {
	i := ndview.FromSliceMust([]int32{1, 2, 16777217}, 3)
	f := ndview.FromSliceMust([]float32{0.5, 0.25, 0}, 3)
	fmt.Println(ndview.Add(ndview.Promote[float64](i, f)).ToSlice())
	// Output: [1.5 2.25 1.6777217e+07]
}

// A mask of the pixels darker than 64: NumPy's img < 64.
func ExampleLessScalar() {
	img := ndview.FromSliceMust([]uint8{10, 200, 63, 64}, 2, 2)
	m := ndview.LessScalar(img, 64)
	fmt.Println(m.ToSlice(), ndview.SumAs[int64](m))
	// Output: [true false true false] 2
}

// Per-channel sums of an RGB uint8 image: NumPy's img.sum(axis=(0, 1)),
// in uint64 rather than modulo 256.
func ExampleSumAxisAs() {
	img := ndview.Full[uint8](200, 2, 2, 3)
	fmt.Println(ndview.SumAxisAs[uint64](img, 0, 1).ToSlice())
	// Output: [800 800 800]
}
