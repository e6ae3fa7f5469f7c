package ndview

// Shared test helpers: the panics checker, arange, the naive offset-formula
// oracle, index enumeration and the layout table every operation runs over.

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// panics calls f, requires it to panic with an *Error or *IndexError that
// wraps sentinel, and returns the panic message.
func panics(t testing.TB, sentinel error, f func()) string {
	t.Helper()
	var got any
	func() {
		defer func() { got = recover() }()
		f()
	}()
	require.NotNil(t, got, "expected a panic wrapping %v, got none", sentinel)
	err, ok := got.(error)
	require.True(t, ok, "panic value %T (%v) is not an error", got, got)
	var e *Error
	var ie *IndexError
	require.True(t, errors.As(err, &e) || errors.As(err, &ie), "panic value %T is not an *Error or *IndexError", got)
	require.ErrorIs(t, err, sentinel, "panic %q", err)
	return err.Error()
}

// isErr requires err to be an *Error wrapping sentinel and returns its
// message.
func isErr(t testing.TB, sentinel error, err error) string {
	t.Helper()
	require.Error(t, err, "want an error wrapping %v", sentinel)
	var e *Error
	require.True(t, errors.As(err, &e), "error %T (%v) is not an *Error", err, err)
	require.ErrorIs(t, err, sentinel, "error %q", err)
	return err.Error()
}

// arange returns [0, 1, …, n-1], so that every element of a view over it
// shows its own data offset.
func arange(n int) []int {
	d := make([]int, n)
	for i := range d {
		d[i] = i
	}
	return d
}

// refOffset is the offset formula, written out once: the data index of
// element idx of the layout (off, strides).
func refOffset(off int, strides, idx []int) int {
	p := off
	for k, i := range idx {
		p += i * strides[k]
	}
	return p
}

// shapeProduct is the naive element count of shape.
func shapeProduct(shape []int) int {
	n := 1
	for _, e := range shape {
		n *= e
	}
	return n
}

// forEachIndex calls f with every index of shape in C order (the last index
// fastest); f must not keep idx. A 0-d shape has one index, the empty one.
func forEachIndex(shape []int, f func(idx []int)) {
	for _, n := range shape {
		if n == 0 {
			return
		}
	}
	idx := make([]int, len(shape))
	for {
		f(idx)
		k := len(shape) - 1
		for ; k >= 0; k-- {
			idx[k]++
			if idx[k] < shape[k] {
				break
			}
			idx[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// indicesOf returns every index of shape in C order.
func indicesOf(shape []int) [][]int {
	var out [][]int
	forEachIndex(shape, func(idx []int) { out = append(out, append([]int{}, idx...)) })
	return out
}

// values returns the elements of v in C order, read with At.
func values[T any](v NDView[T]) []T {
	out := []T{}
	forEachIndex(v.Shape(), func(idx []int) { out = append(out, v.At(idx...)) })
	return out
}

// layoutCase is an entry of the shared layout table: a view of arange(n) with
// the given offset, shape and strides, described by the numbers the offset
// formula needs so that the oracle never asks the view.
type layoutCase struct {
	name    string
	n       int // len(data)
	off     int
	shape   []int
	strides []int
	ro      bool                    // whether the view must be read-only
	mk      func([]int) NDView[int] // how to build it; nil means Wrap
}

// layouts lists the shapes of views every operation is tried on.
var layouts = []layoutCase{
	{name: "C", n: 24, shape: []int{2, 3, 4}, strides: []int{12, 4, 1}},
	{name: "F", n: 24, shape: []int{2, 3, 4}, strides: []int{1, 2, 6}},
	{name: "cutout", n: 30, off: 7, shape: []int{3, 4}, strides: []int{6, 1}},
	{name: "negstep", n: 12, off: 11, shape: []int{3, 4}, strides: []int{-4, -1}},
	{name: "mixed", n: 12, off: 8, shape: []int{3, 4}, strides: []int{-4, 1}},
	{name: "strided", n: 40, off: 6, shape: []int{3, 2, 3}, strides: []int{12, -6, 2}},
	{name: "bcast", n: 4, shape: []int{3, 4}, strides: []int{0, 1}, ro: true},
	{name: "empty", n: 6, shape: []int{3, 0, 2}, strides: []int{2, 2, 1}},
	{name: "0d", n: 10, off: 5, shape: []int{}, strides: []int{}},
	{name: "1d", n: 5, shape: []int{5}, strides: []int{1}},
	{name: "ones", n: 3, off: 1, shape: []int{1, 1, 1}, strides: []int{7, 100, -3}},
	{name: "rank5", n: 48, shape: []int{2, 1, 3, 2, 4}, strides: []int{24, 24, 8, 4, 1}},
	{name: "rank6neg", n: 96, off: 95, shape: []int{2, 2, 3, 1, 2, 2}, strides: []int{-48, -24, -8, 5, -2, -1}},
	{name: "readonly", n: 6, shape: []int{2, 3}, strides: []int{3, 1}, ro: true,
		mk: func(d []int) NDView[int] { v, _ := FromSlice(d, 2, 3); return v.AsReadOnly() }},
	{name: "zero", n: 0, shape: []int{0}, strides: []int{0},
		mk: func([]int) NDView[int] { return NDView[int]{} }},
}

// view builds the layout's view over a fresh arange and returns both.
func (l layoutCase) view(t testing.TB) (NDView[int], []int) {
	t.Helper()
	data := arange(l.n)
	if l.mk != nil {
		return l.mk(data), data
	}
	v, err := Wrap(data, l.off, l.shape, l.strides)
	require.NoError(t, err, "layout %s", l.name)
	return v, data
}

// at is the oracle: the element of the layout at idx, from the formula.
func (l layoutCase) at(idx []int) int { return refOffset(l.off, l.strides, idx) }

// checkLayout requires v to have the given shape, offset, and stride on
// every axis longer than 1 (the strides of other axes mean nothing, L8).
func checkViewLayout(t testing.TB, v NDView[int], shape []int, strides []int, off int) {
	t.Helper()
	require.Equal(t, shape, v.Shape(), "shape")
	require.Equal(t, off, v.Offset(), "offset")
	got := v.Strides()
	require.Len(t, got, len(shape), "strides")
	for k, n := range shape {
		if n > 1 {
			require.Equal(t, strides[k], got[k], "stride of axis %d (extent %d): strides %v, want %v", k, n, got, strides)
		}
	}
}

// checkBounds requires every element v reaches to lie inside data, and
// the element read by At to be data at the formula's offset.
func checkBounds(t testing.TB, v NDView[int], n int) {
	t.Helper()
	sh, st := v.Shape(), v.Strides()
	for _, e := range sh {
		require.GreaterOrEqual(t, e, 0, "extent in shape %v", sh)
	}
	forEachIndex(sh, func(idx []int) {
		p := refOffset(v.Offset(), st, idx)
		require.True(t, p >= 0 && p < n, "element %v at data[%d] outside [0, %d) (off %d shape %v strides %v)", idx, p, n, v.Offset(), sh, st)
	})
}

// bruteContig reports whether the elements of a view of arange data,
// visited in C order (or F order), sit at consecutive offsets: the
// definition of contiguity for views with elements.
func bruteContig(v NDView[int], fortran bool) bool {
	sh := v.Shape()
	if shapeProduct(sh) == 0 {
		return true
	}
	prev, ok, first := 0, true, true
	visit := func(idx []int) {
		x := v.At(idx...)
		if !first && x != prev+1 {
			ok = false
		}
		prev, first = x, false
	}
	if !fortran {
		forEachIndex(sh, visit)
		return ok
	}
	rev := make([]int, len(sh))
	for i := range sh {
		rev[i] = sh[len(sh)-1-i]
	}
	idx := make([]int, len(sh))
	forEachIndex(rev, func(r []int) {
		for i := range r {
			idx[len(r)-1-i] = r[i]
		}
		visit(idx)
	})
	return ok
}

// big numbers used by overflow tests.
const (
	maxInt = math.MaxInt
	minInt = math.MinInt
)

// sprint formats a list of ints for test names.
func sprint(a ...any) string { return fmt.Sprint(a...) }
