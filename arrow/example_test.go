package arrow_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	ndarrow "github.com/ndkit/ndkit/arrow"
	"github.com/ndkit/ndkit/ndview"
)

// An Arrow FixedSizeList array viewed as a 2-D ndview without copying,
// with its nulls refused and then exposed as a validity mask.
func ExampleView() {
	b := array.NewFixedSizeListBuilder(memory.DefaultAllocator, 3, arrow.PrimitiveTypes.Float32)
	defer b.Release()
	vals := b.ValueBuilder().(*array.Float32Builder)
	for i := range 3 {
		b.Append(true)
		vals.AppendValues([]float32{float32(i), float32(i) + 0.5, -float32(i)}, nil)
	}
	b.AppendNull() // a null list (its values are appended as nulls)
	arr := b.NewArray()
	defer arr.Release()

	_, _, err := ndarrow.View[float32](arr, ndarrow.RefuseNulls)
	fmt.Println(err)

	v, ex, err := ndarrow.View[float32](arr, ndarrow.AllowNulls)
	if err != nil {
		panic(err)
	}
	defer ex.Release()
	valid, _ := ndarrow.Validity(arr)
	fmt.Println(v.Shape(), v.At(2, 1))
	fmt.Println(ndview.Must(valid.Index(":, 0")))
	// Output:
	// arrow: ExportBuffer: slot 3 (level 0) is null; export with AllowNulls and read Validity, or fill the nulls first
	// [4 3] 2.5
	// [ true  true  true false]
}

// A view shared with an Arrow array, and a transposed one copied.
func ExampleToArray() {
	m := ndview.Must(ndview.FromSlice([]int32{1, 2, 3, 4, 5, 6}, 2, 3))
	arr, copied, err := ndarrow.ToArray(m)
	if err != nil {
		panic(err)
	}
	defer arr.Release()
	m.Set(-1, 0, 0) // the array shares m's memory
	fmt.Println(arr.DataType(), copied, arr)

	arrT, copied, _ := ndarrow.ToArray(m.T())
	defer arrT.Release()
	fmt.Println(arrT.DataType(), copied, arrT)
	// Output:
	// fixed_size_list<item: int32, nullable>[3] false [[-1 2 3] [4 5 6]]
	// fixed_size_list<item: int32, nullable>[2] true [[-1 4] [2 5] [3 6]]
}

// Views written into an Arrow IPC file, which is then mapped: the
// column views read the file's pages in place, and the file refuses to
// close while one is exported.
func ExampleMap() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "x.arrow")
	out, _ := os.Create(path)
	x := ndview.ArangeN[float64](6)
	err := ndarrow.WriteFile(out, []string{"x", "pairs"}, x, ndview.Must(ndview.FromSlice([]int16{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 6, 2)))
	out.Close()
	if err != nil {
		panic(err)
	}

	f, err := ndarrow.Map(path)
	if err != nil {
		panic(err)
	}
	col, _ := f.Column(0, 1)
	v, ex, err := ndarrow.View[int16](col, ndarrow.RefuseNulls)
	if err != nil {
		panic(err)
	}
	fmt.Println(f.Schema().Field(1).Name, v.Shape(), v.ReadOnly(), v.At(5, 1))
	fmt.Println(f.Close())
	ex.Release()
	fmt.Println(f.Close())
	// Output:
	// pairs [6 2] true 12
	// arrow: Close: existing exports of data: 1 exported buffer(s) not released; release them first
	// <nil>
}
