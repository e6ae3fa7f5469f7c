package ndview

import "github.com/ndkit/ndkit/ndview/internal/plan"

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Iteration (semantics.md N1): elements in C order (last index fastest),
// whatever the strides, and sub-views along one axis. Iterators check their
// arguments when they are made, not when they are ranged over, and stop as
// soon as the loop body breaks.

import "iter"

// Values returns an iterator over the elements of v in C order (the last
// index varies fastest), as NumPy's a.flat: a 0-d view yields its one
// element, an empty view none. Reversed and transposed strides change
// where the elements are read, not their order.
//
// Ranging over Values allocates nothing per element; elements are read
// when they are reached, so writes through other views during the loop
// are seen by the elements not yet yielded.
func (v NDView[T]) Values() iter.Seq[T] {
	return func(yield func(T) bool) {
		var w rowWalker
		w.init(v.lay.Off, v.lay.Shape(), v.lay.Strides())
		for w.next() {
			if w.st == 1 {
				for _, x := range v.data[w.off : w.off+w.n] {
					if !yield(x) {
						return
					}
				}
				continue
			}
			o := w.off
			for range w.n {
				if !yield(v.data[o]) {
					return
				}
				o += w.st
			}
		}
	}
}

// rowWalker walks the rows of a view in C order: its plan has one operand
// and keeps the order of the axes, only dropping extent-1 axes and
// coalescing.
type rowWalker struct {
	p   plan.Plan
	w   plan.Walker
	off int // data offset of the first element of the current row
	n   int // elements per row
	st  int // stride along the row
}

// init prepares w to walk the layout of a view.
func (w *rowWalker) init(off int, shape, strides []int) {
	w.p.Init(shape)
	w.p.Add(off, strides)
	w.p.Simplify(false)
	w.w = w.p.Walk(1)
	if !w.p.Empty() {
		w.n, w.st = w.p.Inner(0)
	}
}

// next moves to the next row and reports whether there is one.
func (w *rowWalker) next() bool {
	if !w.w.Next(&w.p) {
		return false
	}
	w.off = w.w.Off[0]
	return true
}

// Enumerate returns an iterator over the indices and elements of v in C
// order, NumPy's np.ndenumerate: for idx, x := range v.Enumerate(). The
// index slice is reused: each step overwrites the one before, so a caller
// that keeps an index must copy it (slices.Clone). For a 0-d view
// Enumerate yields one element with an empty index.
//
// Enumerate allocates the index slice once per loop, nothing per element.
func (v NDView[T]) Enumerate() iter.Seq2[[]int, T] {
	return func(yield func([]int, T) bool) {
		sh, st := v.lay.Shape(), v.lay.Strides()
		if layout.ShapeSize(sh) == 0 {
			return
		}
		nd := len(sh)
		idx := make([]int, nd)
		if nd == 0 {
			yield(idx, v.data[v.lay.Off])
			return
		}
		last, step := sh[nd-1], st[nd-1]
		off := v.lay.Off // offset of element (idx[:nd-1], 0)
		for {
			o := off
			for i := range last {
				idx[nd-1] = i
				if !yield(idx, v.data[o]) {
					return
				}
				o += step
			}
			// Odometer over the outer axes.
			a := nd - 2
			for ; a >= 0; a-- {
				idx[a]++
				off += st[a]
				if idx[a] < sh[a] {
					break
				}
				off -= st[a] * sh[a]
				idx[a] = 0
			}
			if a < 0 {
				return
			}
		}
	}
}

// All is Enumerate: an iterator over the indices and elements of v in C
// order.
//
// Deprecated: use Enumerate. The name All reads like the reduction All(v),
// NumPy's all, which reports whether every element is true.
func (v NDView[T]) All() iter.Seq2[[]int, T] { return v.Enumerate() }

// Axis returns an iterator over the sub-views of v along axis: step i
// yields i and v with axis fixed at index i, a view of one dimension fewer
// (NumPy's a[i] for axis 0, np.take(a, i, axis) as a view). Over an image
// of shape (C, H, W), Axis(0) yields its channels; over a matrix, Axis(1)
// yields its columns. A negative axis counts from the end.
//
// The sub-views share data with v and keep its read-only flag; for views
// of rank up to 5 they cost no allocation. Axis panics, when called, with
// an error wrapping ErrAxis when v is 0-d or axis is out of range.
func (v NDView[T]) Axis(axis int) iter.Seq2[int, NDView[T]] {
	checkIterAxis(axis, &v.lay)
	return func(yield func(int, NDView[T]) bool) {
		r, n, step := v.removeAxis(axis)
		off := r.lay.Off
		for i := range n {
			r.lay.Off = off + i*step
			if !yield(i, r) {
				return
			}
		}
	}
}

// checkIterAxis panics unless a view of layout l has axis. It takes the
// layout, not its rank, to keep Axis within the inlining budget, so that
// a range loop over Axis allocates nothing.
func checkIterAxis(axis int, l *layout.Layout) {
	nd := l.NDim()
	if nd == 0 {
		panicf("Axis", ErrAxis, "cannot iterate over a 0-d view")
	}
	layout.NormalizeAxis("Axis", axis, nd)
}

// removeAxis returns v without axis (valid, possibly negative) at index 0
// of it, with the extent of the axis and its stride.
func (v *NDView[T]) removeAxis(axis int) (r NDView[T], n, step int) {
	sh, st := v.lay.Shape(), v.lay.Strides()
	if axis < 0 {
		axis += len(sh)
	}
	r = v.derive(len(sh) - 1)
	rsh, rst := r.lay.Shape(), r.lay.Strides()
	copy(rsh, sh[:axis])
	copy(rsh[axis:], sh[axis+1:])
	copy(rst, st[:axis])
	copy(rst[axis:], st[axis+1:])
	return r, sh[axis], st[axis]
}

// Rows returns an iterator over the sub-views of v along its first axis:
// the rows of a matrix, the planes of a 3-d view (Python's iteration over
// an ndarray). It is Axis(0), and panics like it.
func (v NDView[T]) Rows() iter.Seq2[int, NDView[T]] { return v.Axis(0) }
