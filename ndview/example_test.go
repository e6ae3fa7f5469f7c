package ndview_test

import (
	"errors"
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// arange returns 0, 1, …, n-1.
func arange(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func ExampleFromSlice() {
	// NumPy: b = np.arange(24).reshape(2, 3, 4)
	b, err := ndview.FromSlice(arange(24), 2, 3, 4)
	if err != nil {
		panic(err)
	}
	fmt.Println(b.Shape(), b.Strides(), b.At(1, 2, 3))

	_, err = ndview.FromSlice(arange(24), 5, 5)
	fmt.Println(err)
	// Output:
	// [2 3 4] [12 4 1] 23
	// ndview: FromSlice: shape (5, 5) holds 25 elements but data has 24; the product of the extents must equal len(data)
}

func ExampleWrap() {
	// NumPy: as_strided(data[8:], shape=(3, 4), strides=(-4, 1)), validated.
	data := arange(12)
	v, err := ndview.Wrap(data, 8, []int{3, 4}, []int{-4, 1})
	fmt.Println(v, err)

	_, err = ndview.Wrap(data, 7, []int{3, 4}, []int{-4, 1})
	fmt.Println(errors.Is(err, ndview.ErrBounds))
	// Output:
	// [[ 8  9 10 11]
	//  [ 4  5  6  7]
	//  [ 0  1  2  3]] <nil>
	// true
}

func ExampleNDView_Index() {
	b, _ := ndview.FromSlice(arange(24), 2, 3, 4)
	// NumPy: b[::-1, 1, ::2]
	r, err := b.Index("::-1, 1, ::2")
	if err != nil {
		panic(err)
	}
	fmt.Println(r)
	fmt.Println(r.Shape(), r.Strides(), r.Offset())

	r.Set(-1, 0, 0) // writes through to b
	fmt.Println(b.At(1, 1, 0))

	_, err = b.Index("0, 0, 0, 0")
	fmt.Println(err)
	// Output:
	// [[16 18]
	//  [ 4  6]]
	// [2 2] [-12 2] 16
	// -1
	// ndview: Index: too many indices for array: array is 3-dimensional, but 4 were indexed
}

func ExampleNDView_Slice() {
	b, _ := ndview.FromSlice(arange(24), 2, 3, 4)
	// NumPy: b[1, ..., ::-1, None]
	r := b.Slice(ndview.Int(1), ndview.Ellipsis, ndview.Step(-1), ndview.NewAxis)
	fmt.Println(r.Shape(), r.Strides())
	// NumPy: b[0, 1:, 3::-2]
	fmt.Println(b.Slice(ndview.Int(0), ndview.From(1), ndview.From(3).By(-2)))
	// Output:
	// [3 4 1] [4 -1 0]
	// [[ 7  5]
	//  [11  9]]
}

func ExampleNDView_Transpose() {
	b, _ := ndview.FromSlice(arange(24), 2, 3, 4)
	t := b.Transpose(1, 0, 2)
	fmt.Println(t.Shape(), t.Strides(), b.T().IsFContiguous())
	// Output:
	// [3 2 4] [4 12 1] true
}

func ExampleNDView_Reshape() {
	b, _ := ndview.FromSlice(arange(24), 2, 3, 4)
	t := b.Transpose(1, 0, 2) // shape (3, 2, 4), strides (4, 12, 1)

	r, err := t.Reshape(3, 2, 2, -1)
	fmt.Println(r.Shape(), r.Strides(), err)

	_, err = t.Reshape(6, 4) // NumPy would copy; ndview never does
	fmt.Println(errors.Is(err, ndview.ErrLayout))
	// Output:
	// [3 2 2 2] [4 12 2 1] <nil>
	// true
}

func ExampleNDView_BroadcastTo() {
	row, _ := ndview.FromSlice([]int{1, 2, 3})
	m, err := row.BroadcastTo(2, 3)
	fmt.Println(m, m.Strides(), m.ReadOnly(), err)
	// Output:
	// [[1 2 3]
	//  [1 2 3]] [0 1] true <nil>
}

func ExampleNDView_SlidingWindow() {
	v, _ := ndview.FromSlice(arange(6))
	w, err := v.SlidingWindow([]int{3})
	fmt.Println(w, err)
	// Output:
	// [[0 1 2]
	//  [1 2 3]
	//  [2 3 4]
	//  [3 4 5]] <nil>
}

func ExampleNDView_Rot90() {
	m, _ := ndview.FromSlice(arange(6), 2, 3)
	fmt.Println(m.Rot90(1))
	// Output:
	// [[2 5]
	//  [1 4]
	//  [0 3]]
}

func ExampleNDView_Diagonal() {
	m, _ := ndview.FromSlice(arange(12), 3, 4)
	d := m.Diagonal(1, 0, 1)
	fmt.Println(d, d.Strides(), d.Offset())
	// Output:
	// [ 1  6 11] [5] 1
}

func ExampleArrayEqual() {
	// np.array_equal(u, f[::-1]), across element types and layouts.
	u, _ := ndview.FromSlice([]uint8{1, 2, 3})
	f, _ := ndview.FromSlice([]float64{3, 2, 1})
	fmt.Println(ndview.ArrayEqual(u, f.Flip()))
	// Output:
	// true
}

func ExampleNDView_AsReadOnly() {
	v, _ := ndview.FromSlice([]int{1, 2, 3})
	r := v.AsReadOnly()
	defer func() {
		err := recover().(error)
		fmt.Println(errors.Is(err, ndview.ErrReadOnly), err)
	}()
	r.Set(0, 0)
	// Output:
	// true ndview: Set: assignment destination is read-only
}

func ExampleNDView_At2() {
	// NumPy: m = np.arange(6).reshape(2, 3); m[1, 2]
	m, err := ndview.FromSlice(arange(6), 2, 3)
	if err != nil {
		panic(err)
	}
	fmt.Println(m.At2(1, 2))

	// A column sum, one checked access at a time: At2 compiles inline, to a
	// few comparisons and loads.
	sum := 0
	for i := range m.Shape()[0] {
		sum += m.At2(i, 1)
	}
	fmt.Println(sum)

	t := m.T()
	t.Set2(-1, 2, 0) // m[0, 2] = -1, through the transposed view
	fmt.Println(m)

	defer func() {
		err := recover().(error)
		var ie *ndview.IndexError
		fmt.Println(errors.As(err, &ie), ie.Axis, ie.Index)
		fmt.Println(err)
	}()
	m.At2(0, 3)
	// Output:
	// 5
	// 5
	// [[ 0  1 -1]
	//  [ 3  4  5]]
	// true 1 3
	// ndview: At2: index 3 out of range for axis 1 of size 3 (shape (2, 3))
}
