package float8_test

import (
	"fmt"

	"github.com/ndkit/ndkit/float8"
	"github.com/ndkit/ndkit/ndview"
)

func Example() {
	for _, x := range []float32{1.1, 448, 464, 500} {
		fmt.Println(x, float8.E4M3FNFromFloat32(x), float8.E5M2FromFloat32(x))
	}
	q := ndview.Must(ndview.FromSlice([]float8.E4M3FN{0x38, 0x7e, 0x01, 0xff}))
	f := ndview.Zeros[float32](4)
	ndview.ConvertInto(f, q)
	fmt.Println(f)
	// Output:
	// 1.1 1.1 1.0
	// 448 448.0 448.0
	// 464 448.0 448.0
	// 500 nan 512.0
	// [          1         448 0.001953125         NaN]
}
