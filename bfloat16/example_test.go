package bfloat16_test

import (
	"fmt"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/ndview"
)

func Example() {
	b := bfloat16.FromFloat32(0.1)
	fmt.Println(b, b.Float32(), uint16(b))

	// Whole views convert with ndview.Convert (PyTorch's .to()).
	w := ndview.Must(ndview.FromSlice([]float32{1, 1.00390625, -3.14159, 3.4e38}))
	h := ndview.Zeros[bfloat16.BFloat16](4)
	ndview.ConvertInto(h, w)
	fmt.Println(h)
	// Output:
	// 0.1 0.100097656 15821
	// [  1.0   1.0 -3.14   inf]
}
