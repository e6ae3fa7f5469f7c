package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleConcatenate() {
	// NumPy: np.concatenate([a, b.T], axis=1)
	a, _ := ndview.FromSlice([]int{1, 2, 3, 4}, 2, 2)
	b, _ := ndview.FromSlice([]int{5, 6}, 1, 2)
	c, err := ndview.Concatenate(1, a, b.T()) // any layout
	fmt.Println(c.Shape(), c.ToSlice(), err)

	// Extents that do not match off the axis are an error.
	_, err = ndview.Concatenate(0, a, ndview.Zeros[int](2, 3))
	fmt.Println(err)

	// axis=None: every array flattened, 0-d ones included.
	f, _ := ndview.ConcatenateFlat(a, ndview.Scalar(9))
	fmt.Println(f.ToSlice())
	// Output:
	// [2 3] [1 2 5 3 4 6] <nil>
	// ndview: Concatenate: all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3 (shapes (2, 2) and (2, 3), axis 0)
	// [1 2 3 4 9]
}

func ExampleConcatenateInto() {
	// NumPy: np.concatenate([v[2:], v[:2]], out=v), which reads v as it
	// was before the first write (NumPy itself does not promise this).
	v, _ := ndview.FromSlice([]int{0, 1, 2, 3, 4})
	head, _ := v.Index(":2")
	tail, _ := v.Index("2:")
	err := ndview.ConcatenateInto(v, 0, tail, head)
	fmt.Println(v.ToSlice(), err)
	// Output: [2 3 4 0 1] <nil>
}

func ExampleStack() {
	// NumPy: np.stack([x, y], axis=-1); np.column_stack, np.hstack
	x, _ := ndview.FromSlice([]int{1, 2, 3})
	y, _ := ndview.FromSlice([]int{4, 5, 6})
	s, _ := ndview.Stack(-1, x, y)
	fmt.Println(s.Shape(), s.ToSlice())
	c, _ := ndview.ColumnStack(x, y)
	fmt.Println(c.Shape(), c.ToSlice())
	h, _ := ndview.HStack(x, y)
	fmt.Println(h.Shape(), h.ToSlice())
	d, _ := ndview.DStack(x, y)
	fmt.Println(d.Shape())
	// Output:
	// [3 2] [1 4 2 5 3 6]
	// [3 2] [1 4 2 5 3 6]
	// [6] [1 2 3 4 5 6]
	// [1 3 2]
}
