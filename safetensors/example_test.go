package safetensors_test

import (
	"bytes"
	"fmt"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/safetensors"
)

func Example() {
	// Write a float32 matrix (transposed: written in C order) and a
	// bfloat16 vector, with metadata.
	w := &safetensors.Writer{Metadata: map[string]string{"format": "pt"}}
	m := ndview.Must(ndview.FromSlice([]float32{1, 2, 3, 4, 5, 6}, 2, 3))
	safetensors.Add(w, "weight", m.T())
	safetensors.Add(w, "bias", ndview.Must(ndview.FromSlice([]bfloat16.BFloat16{0x3f80, 0xbf00})))
	var buf bytes.Buffer
	w.WriteTo(&buf)

	// Read it back: views of the bytes where aligned.
	f, err := safetensors.Parse(buf.Bytes())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Names(), f.Metadata())
	v, copied, _ := safetensors.Tensor[float32](f, "weight")
	fmt.Println(v, copied)
	_, _, err = safetensors.Tensor[float64](f, "weight")
	fmt.Println(err)
	b, _, _ := safetensors.Tensor[bfloat16.BFloat16](f, "bias")
	fmt.Println(b)
	// Output:
	// [weight bias] map[format:pt]
	// [[1 4]
	//  [2 5]
	//  [3 6]] false
	// safetensors: Tensor: tensor "weight" has dtype F32; the element type (format d) has dtype F64
	// [ 1.0 -0.5]
}
