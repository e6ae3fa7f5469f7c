package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/mem"

import "math"

// Broadcasting and other stride tricks (semantics.md §5): views in which one
// element may appear at many indices. Such views are read-only, so that no
// write can land on an element twice.

// BroadcastTo returns a read-only view of v with the given shape, NumPy's
// broadcast_to: v's shape is aligned with the end of shape; axes of extent 1
// and new leading axes get stride 0 and repeat their element; other extents
// must match. The result shares data with v; nothing can make it writable.
//
// BroadcastTo returns an error wrapping ErrShape when shape has a negative
// extent, fewer axes than v, or an extent that v's cannot broadcast to, and
// ErrOverflow when shape's size overflows.
func (v NDView[T]) BroadcastTo(shape ...int) (NDView[T], error) {
	if _, err := layout.CheckShape("BroadcastTo", shape, mem.Sizeof[T]()); err != nil {
		return NDView[T]{}, err
	}
	sh, st := v.lay.Shape(), v.lay.Strides()
	r := v.derive(len(shape))
	rsh, rst := r.lay.Shape(), r.lay.Strides()
	if len(shape) < len(sh) || !layout.BroadcastStrides(sh, st, shape, rst) {
		return NDView[T]{}, errorf("BroadcastTo", ErrShape,
			"cannot broadcast a view of shape %s to shape %s: aligned on the right, each extent must equal the target's or be 1",
			formatShape(sh), formatShape(shape))
	}
	copy(rsh, shape)
	r.lay.Flags |= layout.FlagReadOnly
	return r, nil
}

// SlidingWindow returns a read-only view of every window of the given shape
// over v, NumPy's sliding_window_view. With no axes, window has one extent
// per axis of v; otherwise window[i] applies to axes[i] (axes may repeat,
// as in NumPy, and a negative axis counts from the end). Each windowed
// axis of extent n becomes n-w+1, and the window extents are appended as
// new trailing axes: arange(6) with window 3 gives shape (4, 3) whose rows
// are [0 1 2] … [3 4 5]. The result shares data with v.
//
// The window and the axes are the program's own numbers, so mistakes in
// them panic, as an out-of-range index does (semantics.md E1, B5): with an
// error wrapping ErrAxis when an axis is out of range, and ErrShape when
// window and axes differ in length (or, with no axes, window and v's
// shape), or a window extent is negative or larger than its axis
// ("window shape cannot be larger than input array shape").
//
// SlidingWindow returns an error only when a valid window gives a result
// too big to describe: ErrShape when it would have more than MaxRank axes,
// and ErrOverflow when its shape overflows int (its byte size, or an
// extent of n+1 windows of 0, possible over a huge stride-0 view).
func (v NDView[T]) SlidingWindow(window []int, axes ...int) (NDView[T], error) {
	const op = "SlidingWindow"
	sh, st := v.lay.Shape(), v.lay.Strides()
	ndim := len(sh)
	var axisBuf [MaxRank]int
	var trimmed [MaxRank]uint // the extents left, which may reach MaxInt+1
	if len(axes) == 0 {
		if len(window) != ndim {
			panicf(op, ErrShape,
				"window %s must have one extent per axis of the view's shape %s when no axes are given",
				formatShape(window), formatShape(sh))
		}
		axes = axisBuf[:ndim]
		for i := range axes {
			axes[i] = i
		}
	} else if len(axes) != len(window) {
		panicf(op, ErrShape, "window %s and axes %s must have the same length",
			formatShape(window), formatShape(axes))
	}
	// Check every (axis, window) pair before anything is built; repeated
	// axes shrink one extent several times.
	for k, n := range sh {
		trimmed[k] = uint(n)
	}
	for i, a := range axes {
		a = layout.NormalizeAxis(op, a, ndim)
		w := window[i]
		if w < 0 {
			panicf(op, ErrShape, "window extent %d (for axis %d) is negative", w, a)
		}
		if trimmed[a] < uint(w) {
			panicf(op, ErrShape,
				"window shape cannot be larger than input array shape: window %d on axis %d of extent %d (shape %s, window %s)",
				w, a, trimmed[a], formatShape(sh), formatShape(window))
		}
		trimmed[a] = trimmed[a] - uint(w) + 1 // at most MaxInt+1
	}
	out := ndim + len(window)
	if out > MaxRank {
		return NDView[T]{}, errorf(op, ErrShape, "the result would have %d dimensions, above the maximum of %d", out, MaxRank)
	}
	for k, n := range trimmed[:ndim] {
		if n > math.MaxInt { // a window of 0 on an axis of extent MaxInt
			return NDView[T]{}, errorf(op, ErrOverflow,
				"the window %s gives %d windows along axis %d of extent %d, which overflows int",
				formatShape(window), n, k, sh[k])
		}
	}
	r := v.derive(out)
	rsh, rst := r.lay.Shape(), r.lay.Strides()
	for k := range ndim {
		rsh[k] = int(trimmed[k])
	}
	copy(rst, st)
	for i, a := range axes {
		if a < 0 {
			a += ndim
		}
		rsh[ndim+i], rst[ndim+i] = window[i], st[a]
	}
	// The windows and the window extents together can outgrow int even
	// when v's shape does not (a stride-0 view may be huge).
	if _, err := layout.CheckShape(op, rsh, mem.Sizeof[T]()); err != nil {
		return NDView[T]{}, err
	}
	r.lay.Flags |= layout.FlagReadOnly
	return r, nil
}

// AsStrided returns a view with the given shape and strides (in elements)
// starting at v's first element, NumPy's as_strided, validated against the
// whole backing data of v exactly as Wrap validates (and with Wrap's
// errors). The result is read-only when v is, or when two of its indices
// might reach one element. It shares data with v.
func (v NDView[T]) AsStrided(shape, strides []int) (NDView[T], error) {
	r, err := wrap("AsStrided", v.data, v.lay.Off, shape, strides)
	if err != nil {
		return NDView[T]{}, err
	}
	r.lay.Flags |= v.lay.Flags & layout.FlagReadOnly
	r.lay.KeepOwner(&v.lay)
	return r, nil
}

// BroadcastShapes returns the shape that the given shapes broadcast to
// (NumPy's broadcast_shapes, semantics.md B1): shapes are aligned on their
// last axis, missing leading axes count as 1, and the extents of each
// group must be equal apart from 1s; a 1 paired with 0 gives 0. It returns
// an error wrapping ErrShape naming the first two shapes that disagree.
func BroadcastShapes(shapes ...[]int) ([]int, error) { return layout.BroadcastShapes(shapes...) }
