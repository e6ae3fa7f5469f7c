package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleNDView_CopyFrom() {
	// NumPy: m = np.zeros((2, 3), int); m[...] = np.arange(3)
	row, _ := ndview.FromSlice([]int{1, 2, 3})
	m := ndview.Zeros[int](2, 3)
	m.CopyFrom(row) // broadcast to every row
	fmt.Println(m.ToSlice())

	// A transpose into a new layout: NumPy's np.ascontiguousarray(a.T).
	a, _ := ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	t := ndview.Zeros[int](3, 2)
	t.CopyFrom(a.T())
	fmt.Println(t.ToSlice())

	// Overlapping views behave as if the source were copied first.
	v, _ := ndview.FromSlice([]int{0, 1, 2, 3, 4, 5})
	dst, _ := v.Index("1:")
	src, _ := v.Index(":-1")
	dst.CopyFrom(src)
	fmt.Println(v.ToSlice())
	// Output:
	// [1 2 3 1 2 3]
	// [1 4 2 5 3 6]
	// [0 0 1 2 3 4]
}

func ExampleNDView_Fill() {
	// NumPy: img[:, :, 1] = 255 on an HWC image
	img := ndview.Zeros[uint8](2, 2, 3)
	img.Slice(ndview.Ellipsis, ndview.Int(1)).Fill(255)
	fmt.Println(img.ToSlice())
	// Output: [0 255 0 0 255 0 0 255 0 0 255 0]
}

func ExampleNDView_Clone() {
	a, _ := ndview.FromSlice([]int{1, 2, 3, 4}, 2, 2)
	c := a.T().Clone() // np.array(a.T): a new C-contiguous copy
	fmt.Println(c.Shape(), c.Strides(), c.ToSlice())
	// Output: [2 2] [2 1] [1 3 2 4]
}

func ExampleNDView_Values() {
	a, _ := ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	for x := range a.T().Values() { // C order of the transpose: a.T.flat
		fmt.Print(x, " ")
	}
	fmt.Println()
	// Output: 1 4 2 5 3 6
}

func ExampleNDView_Enumerate() {
	a, _ := ndview.FromSlice([]int{1, 2, 3, 4}, 2, 2)
	for idx, x := range a.Enumerate() { // np.ndenumerate(a)
		fmt.Println(idx, x)
	}
	// Output:
	// [0 0] 1
	// [0 1] 2
	// [1 0] 3
	// [1 1] 4
}

func ExampleNDView_Axis() {
	// The channels of an HWC image, as views.
	img, _ := ndview.FromSlice([]uint8{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 2, 2, 3)
	for c, ch := range img.Axis(2) {
		fmt.Println(c, ch.ToSlice())
	}
	// Output:
	// 0 [1 4 7 10]
	// 1 [2 5 8 11]
	// 2 [3 6 9 12]
}

func ExampleNDView_Apply() {
	a, _ := ndview.FromSlice([]float64{1, 2, 3, 4}, 2, 2)
	a.T().Slice(ndview.Int(0)).Apply(func(x float64) float64 { return x * 10 }) // a[:, 0] *= 10
	fmt.Println(a.ToSlice())
	// Output: [10 2 30 4]
}

func ExampleMap() {
	// NumPy: dst[...] = src.T / 255, converting uint8 to float32.
	src, _ := ndview.FromSlice([]uint8{0, 51, 102, 153, 204, 255}, 2, 3)
	dst := ndview.Zeros[float32](3, 2)
	ndview.MapInto(dst, src.T(), func(x uint8) float32 { return float32(x) / 255 })
	fmt.Println(dst.ToSlice())
	// Output: [0 0.6 0.2 0.8 0.4 1]
}

func ExampleZip() {
	// NumPy: c = a + b[:, None], b broadcast along the rows.
	a, _ := ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	b, _ := ndview.FromSlice([]int{10, 20}, 2, 1)
	c := ndview.Zeros[int](2, 3)
	ndview.ZipInto(c, a, b, func(x, y int) int { return x + y })
	fmt.Println(c.ToSlice())
	// Output: [11 12 13 24 25 26]
}

func ExampleNDView_Rows() {
	m, _ := ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	for i, row := range m.Rows() { // for row in m
		fmt.Println(i, row.ToSlice())
	}
	// Output:
	// 0 [1 2 3]
	// 1 [4 5 6]
}

func ExampleNDView_ToSlice() {
	m, _ := ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	fmt.Println(m.T().ToSlice()) // m.T.flatten()
	// Output: [1 4 2 5 3 6]
}
