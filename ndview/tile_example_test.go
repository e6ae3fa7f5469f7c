package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleTile() {
	// NumPy: np.tile([1, 2], (2, 2))
	v, _ := ndview.FromSlice([]int{1, 2})
	t := ndview.Tile(v, 2, 2)
	fmt.Println(t.Shape(), t.ToSlice())
	// Output: [2 4] [1 2 1 2 1 2 1 2]
}

func ExampleRepeat() {
	// NumPy: np.repeat(m, 2, axis=1); np.repeat(m, [0, 2], axis=0); np.repeat(m, 2)
	m, _ := ndview.FromSlice([]int{1, 2, 3, 4}, 2, 2)
	fmt.Println(ndview.Repeat(m, 2, 1).ToSlice())
	r, _ := ndview.RepeatCounts(m, []int{0, 2}, 0)
	fmt.Println(r.Shape(), r.ToSlice())
	fmt.Println(ndview.RepeatFlat(m, 2).ToSlice())
	// Output:
	// [1 1 2 2 3 3 4 4]
	// [2 2] [3 4 3 4]
	// [1 1 2 2 3 3 4 4]
}

func ExampleRoll() {
	// NumPy: np.roll(m, 1, axis=1); np.roll(m, -1) (flattened)
	m, _ := ndview.FromSlice([]int{0, 1, 2, 3, 4, 5}, 2, 3)
	fmt.Println(ndview.Roll(m, 1, 1).ToSlice())
	fmt.Println(ndview.Roll(m, -1).ToSlice())
	fmt.Println(ndview.RollEach(m, []int{1, 4}, []int{0, 1}).ToSlice())
	// Output:
	// [2 0 1 5 3 4]
	// [1 2 3 4 5 0]
	// [5 3 4 2 0 1]
}

func ExampleResize() {
	// NumPy: np.resize([1, 2, 3], (2, 4))
	v, _ := ndview.FromSlice([]int{1, 2, 3})
	r, _ := ndview.Resize(v, 2, 4)
	fmt.Println(r.ToSlice())
	// Output: [1 2 3 1 2 3 1 2]
}
