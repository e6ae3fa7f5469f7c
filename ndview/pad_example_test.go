package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

func ExamplePad() {
	a, _ := ndview.FromSlice([]int{1, 2, 3})
	two := [][2]int{{2, 2}} // NumPy's pad_width=2

	for _, m := range []ndview.PadMode{
		ndview.PadConstant(9), // np.pad(a, 2, constant_values=9)
		ndview.PadEdge(),      // np.pad(a, 2, "edge")
		ndview.PadReflect(),   // np.pad(a, 2, "reflect")
		ndview.PadSymmetric(), // np.pad(a, 2, "symmetric")
		ndview.PadWrap(),      // np.pad(a, 2, "wrap")
		ndview.PadLinearRamp(7),
		ndview.PadMean(),
	} {
		p, _ := ndview.Pad(a, two, m)
		fmt.Printf("%-11s %v\n", m, p.ToSlice())
	}

	// Wider than the axis: NumPy reflects again and again.
	p, _ := ndview.Pad(a, [][2]int{{0, 7}}, ndview.PadReflect())
	fmt.Println(p.ToSlice())

	// Per axis (before, after): np.pad(m, ((1, 0), (0, 2)), "edge").
	m, _ := ndview.FromSlice([]int{1, 2, 3, 4}, 2, 2)
	p, _ = ndview.Pad(m, [][2]int{{1, 0}, {0, 2}}, ndview.PadEdge())
	fmt.Println(p)
	// Output:
	// constant    [9 9 1 2 3 9 9]
	// edge        [1 1 1 2 3 3 3]
	// reflect     [3 2 1 2 3 2 1]
	// symmetric   [2 1 1 2 3 3 2]
	// wrap        [2 3 1 2 3 1 2]
	// linear_ramp [7 4 1 2 3 5 7]
	// mean        [2 2 1 2 3 2 2]
	// [1 2 3 2 1 2 3 2 1 2]
	// [[1 2 2 2]
	//  [1 2 2 2]
	//  [3 4 4 4]]
}

func ExamplePadInto() {
	// Pad an image's two spatial axes into a buffer allocated once:
	// np.pad(img, ((1, 1), (1, 1), (0, 0)), "reflect").
	img, _ := ndview.FromSlice([]uint8{10, 11, 20, 21, 30, 31, 40, 41}, 2, 2, 2)
	dst := ndview.Zeros[uint8](4, 4, 2)
	if err := ndview.PadInto(dst, img, [][2]int{{1, 1}, {1, 1}, {0, 0}}, ndview.PadReflect()); err != nil {
		panic(err)
	}
	ch0, _ := dst.Index("..., 0")
	fmt.Println(ch0)

	// Only constant padding can extend an empty axis.
	empty := ndview.Zeros[uint8](0, 2, 2)
	_, err := ndview.Pad(empty, [][2]int{{1, 1}, {0, 0}, {0, 0}}, ndview.PadEdge())
	fmt.Println(err)
	// Output:
	// [[40 30 40 30]
	//  [20 10 20 10]
	//  [40 30 40 30]
	//  [20 10 20 10]]
	// ndview: Pad: can't extend empty axis 0 using modes other than 'constant' (mode edge, shape (0, 2, 2), pad_width (1, 1))
}
