package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// Frame is a third-party type, say a camera frame, that knows nothing of
// ndkit's views: it exports its memory through the buffer protocol.
type Frame struct {
	pix           []byte
	width, height int
	exports       int // counted, so that the camera can refuse to reuse a frame still viewed
}

// ExportBuffer implements ndview.Exporter: (height, width) uint16 pixels,
// rows padded to 8 bytes.
func (f *Frame) ExportBuffer() (ndview.Buffer, error) {
	f.exports++
	return ndview.Buffer{
		Data:    f.pix,
		Format:  "H",
		Shape:   []int{f.height, f.width},
		Strides: []int{8, 2},
		Release: func() { f.exports-- },
	}, nil
}

// A third-party type joins ndkit through ExportBuffer; ViewOf is
// memoryview(obj) with the element type known, MemoryViewOf without.
func ExampleViewOf() {
	f := &Frame{pix: make([]byte, 16), width: 3, height: 2} // heap memory: aligned for uint16

	v, ex, err := ndview.ViewOf[uint16](f) // m = memoryview(frame)
	if err != nil {
		panic(err)
	}
	defer ex.Release() // the with block
	v.Set(500, 1, 2)
	fmt.Println(v.Shape(), v.Strides(), f.exports)
	fmt.Println(v)

	// A wrong element type is an error, not a reinterpretation.
	_, _, err = ndview.ViewOf[float32](f)
	fmt.Println(err)
	// Output:
	// [2 3] [4 1] 1
	// [[  0   0   0]
	//  [  0   0 500]]
	// ndview: ViewOf: the buffer's format "H" (uint of 2 bytes) does not describe the element type (format f, float of 4 bytes); use MemoryViewOf for a format known at run time
}

// MemoryViewOf views memory whose format is known only at run time, and
// Cast follows memoryview.cast.
func ExampleMemoryViewOf() {
	raw := ndview.Must(ndview.FromSlice([]int32{1, 2, 3, 4, 5, 6}))
	m, err := ndview.MemoryViewOf(raw) // m = memoryview(array('i', [1, 2, 3, 4, 5, 6]))
	if err != nil {
		panic(err)
	}
	defer m.Release()
	b, _ := m.Cast("B", nil)         // m.cast('B')
	g, _ := b.Cast("i", []int{3, 2}) // .cast('i', (3, 2))
	fmt.Println(g.Format(), g.Shape(), g.Strides())
	fmt.Println(g.ToList())
	fmt.Println(g.At(2, 1))
	typed, _ := ndview.FromMemoryView[int32](g)
	fmt.Println(typed.T())
	_, err = g.Cast("d", nil)
	fmt.Println(err)
	// Output:
	// i [3 2] [8 4]
	// [[1 2] [3 4] [5 6]]
	// 6
	// [[1 3 5]
	//  [2 4 6]]
	// ndview: Cast: memoryview: cannot cast between two non-byte formats ("i" to "d")
}
