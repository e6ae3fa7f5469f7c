package ndview_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleTake() {
	// NumPy: a = np.arange(12).reshape(3, 4); np.take(a, [2, -3], axis=0)
	a, _ := ndview.FromSlice([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4)
	rows, _ := ndview.FromSlice([]int{2, -3})
	r, _ := ndview.Take(a, rows, 0)
	fmt.Println(r.Shape(), r.ToSlice())

	// np.take(a, [[0, 3]], axis=1): the indices' shape replaces the axis.
	cols, _ := ndview.FromSlice([]int{0, 3}, 1, 2)
	c, _ := ndview.Take(a, cols, 1)
	fmt.Println(c.Shape(), c.ToSlice())

	// An index outside [-n, n) is an error, and names itself.
	bad, _ := ndview.FromSlice([]int{1, 4})
	_, err := ndview.Take(a, bad, 1)
	fmt.Println(errors.Is(err, ndview.ErrIndex))
	// Output:
	// [2 4] [8 9 10 11 0 1 2 3]
	// [3 1 2] [0 3 4 7 8 11]
	// true
}

func ExampleTakeFlat() {
	// NumPy: np.take(a, [0, -1]) reads a as a flat array in C order.
	a, _ := ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	idx, _ := ndview.FromSlice([]int{0, -1, 4})
	r, _ := ndview.TakeFlat(a.T(), idx) // a.T is [[1 4] [2 5] [3 6]]
	fmt.Println(r.ToSlice())
	// Output: [1 6 3]
}

func ExampleTakeAlongAxis() {
	// NumPy: np.take_along_axis(a, np.argsort(a, axis=1), axis=1)
	a, _ := ndview.FromSlice([]float64{3, 1, 2, 9, 7, 8}, 2, 3)
	order, _ := ndview.FromSlice([]int{1, 2, 0, 1, 2, 0}, 2, 3)
	s, _ := ndview.TakeAlongAxis(a, order, 1)
	fmt.Println(s.ToSlice())
	// Output: [1 2 3 7 8 9]
}

func ExamplePut() {
	// NumPy: a = np.zeros(6, int); np.put(a, [0, 2, 4, -1], [7, 8])
	a := ndview.Zeros[int](6)
	idx, _ := ndview.FromSlice([]int{0, 2, 4, -1})
	vals, _ := ndview.FromSlice([]int{7, 8})
	_ = ndview.Put(a, idx, vals) // the values repeat
	fmt.Println(a.ToSlice())

	// Nothing is written when an index is out of range.
	bad, _ := ndview.FromSlice([]int{1, 6})
	err := ndview.Put(a, bad, vals)
	fmt.Println(err != nil, a.ToSlice())
	// Output:
	// [7 0 8 0 7 8]
	// true [7 0 8 0 7 8]
}

func ExamplePutAlongAxis() {
	// NumPy: np.put_along_axis(a, np.argmax(a, axis=1)[:, None], 0, axis=1)
	a, _ := ndview.FromSlice([]int{3, 9, 2, 8, 1, 5}, 2, 3)
	at, _ := ndview.FromSlice([]int{1, 0}, 2, 1)
	_ = ndview.PutAlongAxis(a, at, ndview.Scalar(0), 1)
	fmt.Println(a.ToSlice())
	// Output: [3 0 2 0 1 5]
}

func ExamplePutmask() {
	// NumPy: np.putmask(a, a > 2, [10, 20]): values by flat position.
	a, _ := ndview.FromSlice([]int{1, 5, 2, 7, 9})
	mask := ndview.Zeros[bool](5)
	ndview.GreaterInto(mask, a, ndview.Scalar(2))
	vals, _ := ndview.FromSlice([]int{10, 20})
	_ = ndview.Putmask(a, mask, vals)
	fmt.Println(a.ToSlice())
	// Output: [1 20 2 20 10]
}

func ExamplePlace() {
	// NumPy: np.place(a, a > 2, [10, 20]): values in order of the true elements.
	a, _ := ndview.FromSlice([]int{1, 5, 2, 7, 9})
	mask := ndview.Zeros[bool](5)
	ndview.GreaterInto(mask, a, ndview.Scalar(2))
	vals, _ := ndview.FromSlice([]int{10, 20})
	_ = ndview.Place(a, mask, vals)
	fmt.Println(a.ToSlice())
	// Output: [1 10 2 20 10]
}

func ExampleCompress() {
	// NumPy: np.compress([True, False], a, axis=1) (a shorter condition).
	a, _ := ndview.FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	cond, _ := ndview.FromSlice([]bool{false, true})
	c, _ := ndview.Compress(cond, a, 1)
	fmt.Println(c.Shape(), c.ToSlice())

	// np.extract(a % 2 == 0, a)
	even, _ := ndview.FromSlice([]bool{false, true, false, true, false, true}, 2, 3)
	e, _ := ndview.Extract(even, a)
	fmt.Println(e.ToSlice())
	// Output:
	// [2 1] [2 5]
	// [2 4 6]
}

func ExampleNonzero() {
	// NumPy: np.nonzero(a), and np.where(a) with one argument.
	a, _ := ndview.FromSlice([]float64{0, math.NaN(), math.Copysign(0, -1), 4}, 2, 2)
	nz := ndview.Nonzero(a) // NaN is nonzero, -0.0 is zero
	fmt.Println(nz[0].ToSlice(), nz[1].ToSlice())
	fmt.Println(ndview.Flatnonzero(a).ToSlice(), ndview.CountNonzero(a))
	w := ndview.Argwhere(a)
	fmt.Println(w.Shape(), w.ToSlice())

	// np.count_nonzero(a, axis=0)
	counts := ndview.Zeros[int](2)
	ndview.CountNonzeroAxisInto(counts, a, 0)
	fmt.Println(counts.ToSlice())
	// Output:
	// [0 1] [1 1]
	// [1 3] 2
	// [2 2] [0 1 1 1]
	// [0 2]
}

func ExampleChoose() {
	// NumPy: np.choose([[0, 1], [1, 0]], [a, b], out=dst)
	idx, _ := ndview.FromSlice([]int{0, 1, 1, 0}, 2, 2)
	a, _ := ndview.FromSlice([]int{1, 2}) // broadcast over rows
	dst := ndview.Zeros[int](2, 2)
	_ = ndview.ChooseInto(dst, idx, a, ndview.Scalar(-1))
	fmt.Println(dst.ToSlice())

	// mode="clip"
	far, _ := ndview.FromSlice([]int{-5, 7, 0, 1}, 2, 2)
	_ = ndview.ChooseModeInto(dst, far, ndview.ModeClip, a, ndview.Scalar(-1))
	fmt.Println(dst.ToSlice())
	// Output:
	// [1 -1 -1 2]
	// [1 -1 1 -1]
}

func ExampleSelect() {
	// NumPy: np.select([x < 2, x > 4], [x * 10, -x], default=0)
	x, _ := ndview.FromSlice([]int{0, 1, 2, 3, 4, 5, 6})
	lt, gt := ndview.Zeros[bool](7), ndview.Zeros[bool](7)
	ndview.LessInto(lt, x, ndview.Scalar(2))
	ndview.GreaterInto(gt, x, ndview.Scalar(4))
	x10, neg := ndview.Zeros[int](7), ndview.Zeros[int](7)
	ndview.MulScalarInto(x10, x, 10)
	ndview.NegInto(neg, x)
	dst := ndview.Zeros[int](7)
	ndview.SelectInto(dst, []ndview.NDView[bool]{lt, gt}, []ndview.NDView[int]{x10, neg}, ndview.Scalar(0))
	fmt.Println(dst.ToSlice())
	// Output: [0 10 0 0 0 -5 -6]
}
