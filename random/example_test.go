package random_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/random"
)

// printf prints the values of v with the given verb, one line.
func printf[T any](verb string, v ndview.NDView[T]) {
	for i, x := range v.ToSlice() {
		if i > 0 {
			fmt.Print(" ")
		}
		fmt.Printf(verb, x)
	}
	fmt.Println()
}

// The first values for seed 42 are NumPy's:
//
//	rng = np.random.default_rng(42)
//	rng.random(3)  # [0.77395605 0.43887844 0.85859792]
func ExampleGenerator_Random() {
	g := random.New(42)
	printf("%.8f", g.Random(3))
	// Output: 0.77395605 0.43887844 0.85859792
}

// NumPy: np.random.default_rng(42).standard_normal(3) is
// [0.30471708 -1.03998411 0.7504512], and with dtype=np.float32
// [0.14190717 -1.6685079 -1.332108].
func ExampleGenerator_StandardNormal() {
	printf("%.8f", random.New(42).StandardNormal(3))
	printf("%.7f", random.New(42).StandardNormalFloat32(3))
	// Output:
	// 0.30471708 -1.03998411 0.75045120
	// 0.1419072 -1.6685079 -1.3321080
}

// A transposed destination receives NumPy's values at the same logical
// indices: dst[i, j] is what rng.random((2, 3))[i, j] is.
func ExampleGenerator_RandomInto() {
	buf := ndview.Zeros[float64](3, 2)
	dst := buf.T() // shape (2, 3), not C-contiguous
	random.New(42).RandomInto(dst)
	fmt.Printf("%.8f %.8f\n", dst.At(0, 0), dst.At(0, 1))
	// Output: 0.77395605 0.43887844
}

// NumPy: np.random.default_rng(42).integers(0, 10, 5) is [0 7 6 4 4];
// integers(0, 256, 4, dtype=np.uint8), [136 38 217 22], is written with
// endpoint.
func ExampleIntegersOf() {
	printf("%d", random.New(42).Integers(0, 10, 5))
	printf("%d", random.IntegersOf[uint8](random.New(42), 0, 255, true, 4))
	// Output:
	// 0 7 6 4 4
	// 136 38 217 22
}

// NumPy: np.random.default_rng(42).permutation(6) is [3 2 5 4 1 0], and
// choice(5, 3, replace=False) is [4 0 3].
func ExampleGenerator_Permutation() {
	printf("%d", random.New(42).Permutation(6))
	idx, _ := random.New(42).Choice(5, []int{3}, false, nil)
	printf("%d", idx)
	// Output:
	// 3 2 5 4 1 0
	// 4 0 3
}

// NumPy: x = np.arange(6).reshape(3, 2); default_rng(42).shuffle(x)
// gives [[4, 5], [2, 3], [0, 1]].
func ExampleShuffle() {
	x := ndview.Must(ndview.ArangeN[int](6).Reshape(3, 2))
	random.Shuffle(random.New(42), x, 0)
	fmt.Println(x.ToSlice())
	// Output: [4 5 2 3 0 1]
}

// NumPy, each from default_rng(42): gamma(0.5, 2.0, 3) is [1.60900029
// 2.56058594 0.01773875], beta(2.0, 3.0, 3) is [0.33841184 0.41040973
// 0.52590011], poisson(4.0, 5) is [6 3 6 8 1], binomial(10, 0.3, 5) is
// [4 3 5 4 1].
func ExampleGenerator_Gamma() {
	printf("%.8f", random.New(42).Gamma(0.5, 2.0, 3))
	printf("%.8f", random.New(42).Beta(2.0, 3.0, 3))
	printf("%d", random.New(42).Poisson(4.0, 5))
	printf("%d", random.New(42).Binomial(10, 0.3, 5))
	// Output:
	// 1.60900029 2.56058594 0.01773875
	// 0.33841184 0.41040973 0.52590011
	// 6 3 6 8 1
	// 4 3 5 4 1
}

// NumPy: default_rng(42).multivariate_normal([0, 0], [[1, 0.5], [0.5, 2]], 2)
// is [[-0.68231791 0.772622] [1.2004211 0.70952339]].
func ExampleGenerator_MultivariateNormal() {
	cov := ndview.Must(ndview.FromSlice([]float64{1, 0.5, 0.5, 2}, 2, 2))
	x, err := random.New(42).MultivariateNormal([]float64{0, 0}, cov, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	printf("%.8f", x)
	// Output: -0.68231791 0.77262200 1.20042110 0.70952339
}
