package npy_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
)

func ExampleReadInto() {
	var f bytes.Buffer
	v, _ := ndview.FromSlice([]float32{1, 2, 3, 4, 5, 6}, 2, 3)
	_ = npy.Write(&f, v)
	file := f.Bytes()

	// buf[:, ::2] = np.load(f), into the columns 0, 2 and 4 of a
	// preallocated array, without a second array.
	buf := ndview.Zeros[float32](2, 6)
	dst, _ := buf.Index(":, ::2")
	if err := npy.ReadInto(bytes.NewReader(file), dst); err != nil {
		log.Fatal(err)
	}
	fmt.Println(buf)

	// The shape must be the file's; nothing is written otherwise.
	err := npy.ReadInto(bytes.NewReader(file), ndview.Zeros[float32](3, 2))
	fmt.Println(err)
	// Output:
	// [[1 0 2 0 3 0]
	//  [4 0 5 0 6 0]]
	// npy: ReadInto: the file holds shape (2, 3), the destination has shape (3, 2); read it into a view of shape (2, 3)
}
