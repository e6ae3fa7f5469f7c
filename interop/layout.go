package interop

import (
	"math"

	"github.com/ndkit/ndkit/ndview"
)

// Layout rules shared by the gonum adapters (float64, complex128, float32).
//
// gonum's raw matrix is BLAS's row-major General: Rows, Cols, Stride and
// Data, element (i, j) at Data[i·Stride+j], with Stride >= Cols and
// len(Data) >= (Rows−1)·Stride+Cols. A 2-D view has that layout exactly
// when it is non-empty, its column stride is 1 and its row stride is at
// least its column count, ignoring the stride of an axis of extent 1 (as
// NumPy's contiguity flags do). Only such views are handed to gonum as raw
// storage; every other layout is reached through At and Set, so no gonum
// fast path can read a strided view as if it were row-major.

// layout2 is the layout of a 2-D view: extents, strides (in elements) and
// the offset of element (0, 0).
type layout2 struct {
	r, c   int // rows and columns
	rs, cs int // row and column strides
	off    int
}

// layoutOf returns the layout of v, which must be 2-D.
func layoutOf[T any](v ndview.NDView[T]) layout2 {
	sh, st := v.Shape(), v.Strides()
	return layout2{r: sh[0], c: sh[1], rs: st[0], cs: st[1], off: v.Offset()}
}

// t returns the layout of the transpose.
func (l layout2) t() layout2 {
	return layout2{r: l.c, c: l.r, rs: l.cs, cs: l.rs, off: l.off}
}

// rowMajor reports whether l is a layout a BLAS General can describe: not
// empty, column stride 1 and row stride >= the column count, where the
// stride of an axis of extent 1 does not matter.
func (l layout2) rowMajor() bool {
	return l.r > 0 && l.c > 0 && (l.c == 1 || l.cs == 1) && (l.r == 1 || l.rs >= l.c)
}

// stride returns the General Stride of a row-major layout: the row stride,
// or the column count for a single row, whose row stride is meaningless.
func (l layout2) stride() int {
	if l.r == 1 {
		return l.c
	}
	return l.rs
}

// span returns the part of data a General describing the row-major layout
// l needs, data[off : off+(r−1)·stride+c], with its capacity cut to its
// length so that nothing beyond the view can be reached through it.
func span[T any](data []T, l layout2) []T {
	end := l.off + (l.r-1)*l.stride() + l.c
	return data[l.off:end:end]
}

// index returns the data index of element (i, j).
func (l *layout2) index(i, j int) int { return l.off + i*l.rs + j*l.cs }

// rowMajorError returns what is wrong with a 2-D view that op must hand to
// gonum as row-major storage, naming the layout gonum needs and the ways
// out: the transpose when that is row-major, alt (another adapter, such as
// "AsMatrix(v) wraps any layout; ", or ""), and Clone.
func rowMajorError(op string, l layout2, readOnly bool, alt string) error {
	switch {
	case readOnly:
		return errorf(op, ndview.ErrReadOnly,
			"view is read-only, and gonum's raw storage is writable; %sv.Clone() makes a writable copy", alt)
	case l.r == 0 || l.c == 0:
		return errorf(op, ndview.ErrShape,
			"view of shape %s is empty; gonum matrices have at least one row and one column", ndview.FormatShape([]int{l.r, l.c}))
	case l.t().rowMajor():
		return errorf(op, ndview.ErrLayout,
			"view of shape %s has strides %s (column-major); gonum needs row-major storage: "+
				"column stride 1 and a row stride >= %d. %s(v.T()) shares the transpose without a copy, %sv.Clone() copies v into row-major storage",
			ndview.FormatShape([]int{l.r, l.c}), ndview.FormatShape([]int{l.rs, l.cs}), l.c, op, alt)
	}
	return errorf(op, ndview.ErrLayout,
		"view of shape %s has strides %s; gonum needs row-major storage: "+
			"column stride 1 and a row stride >= %d (the column count). %sv.Clone() copies v into row-major storage",
		ndview.FormatShape([]int{l.r, l.c}), ndview.FormatShape([]int{l.rs, l.cs}), l.c, alt)
}

// vectorLayout returns the length, stride and offset of a 1-D view.
func vectorLayout[T any](v ndview.NDView[T]) (n, inc, off int) {
	return v.Shape()[0], v.Strides()[0], v.Offset()
}

// vectorError returns what is wrong with a view that op must hand to gonum
// as a BLAS vector (1-D, non-empty, positive increment, writable), or nil.
func vectorError[T any](op string, v ndview.NDView[T]) error {
	if v.NDim() != 1 {
		return errorf(op, ndview.ErrShape, "view of shape %s has %d dimensions; a vector needs 1", ndview.FormatShape(v.Shape()), v.NDim())
	}
	n, inc, _ := vectorLayout(v)
	switch {
	case v.ReadOnly():
		return errorf(op, ndview.ErrReadOnly, "view is read-only, and gonum's raw storage is writable; v.Clone() makes a writable copy")
	case n == 0:
		return errorf(op, ndview.ErrShape, "view is empty; gonum vectors have at least one element")
	case n > 1 && inc <= 0:
		return errorf(op, ndview.ErrLayout,
			"view of length %d has stride %d; gonum needs a positive increment: v.Flip() reverses a negative stride without a copy, v.Clone() copies v", n, inc)
	}
	return nil
}

// vectorSpan returns the increment and the part of data a BLAS vector over
// a 1-D view of length n > 0, stride inc and offset off needs, capacity cut
// to length.
func vectorSpan[T any](data []T, n, inc, off int) ([]T, int) {
	if n == 1 {
		inc = 1
	}
	end := off + (n-1)*inc + 1
	return data[off:end:end], inc
}

// fromGeneral returns the 2-D view of a row-major General (rows, cols,
// stride, data), validated: what names the value in errors.
func fromGeneral[T any](op, what string, rows, cols, stride int, data []T) (ndview.NDView[T], error) {
	if rows < 0 || cols < 0 {
		return ndview.NDView[T]{}, errorf(op, ndview.ErrShape, "%s has Rows %d and Cols %d; both must be >= 0", what, rows, cols)
	}
	if rows > 1 && cols > 0 && stride < cols {
		return ndview.NDView[T]{}, errorf(op, ndview.ErrLayout,
			"%s has Stride %d, less than Cols %d: its rows would overlap; BLAS needs Stride >= Cols", what, stride, cols)
	}
	v, err := ndview.Wrap(data, 0, []int{rows, cols}, []int{stride, 1})
	if err != nil {
		return ndview.NDView[T]{}, rewrap(op, what, err)
	}
	return v, nil
}

// fromVector returns the 1-D view of a BLAS vector (n, inc, data). A
// negative increment follows BLAS: element i is data[(n−1−i)·|inc|].
func fromVector[T any](op, what string, n, inc int, data []T) (ndview.NDView[T], error) {
	if n < 0 {
		return ndview.NDView[T]{}, errorf(op, ndview.ErrShape, "%s has N %d; N must be >= 0", what, n)
	}
	if inc == 0 {
		return ndview.NDView[T]{}, errorf(op, ndview.ErrLayout, "%s has Inc 0; BLAS needs a nonzero increment", what)
	}
	off := 0
	if inc < 0 && n > 1 {
		if inc < -(math.MaxInt / (n - 1)) {
			return ndview.NDView[T]{}, errorf(op, ndview.ErrOverflow, "%s has N %d and Inc %d, whose span overflows int", what, n, inc)
		}
		off = (n - 1) * -inc
	}
	v, err := ndview.Wrap(data, off, []int{n}, []int{inc})
	if err != nil {
		return ndview.NDView[T]{}, rewrap(op, what, err)
	}
	return v, nil
}
