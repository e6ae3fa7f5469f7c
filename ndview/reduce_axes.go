package ndview

import (
	"slices"

	"github.com/ndkit/ndkit/ndview/internal/layout"
)

// Reductions over several axes at once (NumPy's axis tuple, semantics.md
// A4). Every reduction kernel reduces one axis; mergeAxes brings a
// reduction over any set of axes to that: the kept axes first, in order,
// then the reduced axes merged into one last axis.

// mergeAxes prepares the reduction of v over axes into dst for a kernel that
// reduces one axis. With exactly one axis it returns its inputs unchanged
// (the kernel checks them). Otherwise (no axes means every axis, NumPy's
// axis=None) it checks the axes and dst's shape, and returns dst without
// the reduced axes when it has them as extent-1 axes (keepdims), v
// transposed so that the kept axes come first in order and the reduced
// axes last, those merged into one axis, and the index of that axis. The
// merge is a view when the reduced axes can be merged without copying,
// and otherwise a C-contiguous copy of v (which mergeAxes then allocates).
//
// mergeAxes panics with an error wrapping ErrAxis for an axis out of range
// or repeated, ErrShape when dst fits neither the reduced shape nor the
// keepdims shape, and ErrReadOnly when dst is read-only.
func mergeAxes[D, T any](op string, dst NDView[D], v NDView[T], axes []int) (NDView[D], NDView[T], int) {
	if len(axes) == 1 {
		return dst, v, axes[0]
	}
	nd := v.NDim()
	if nd == 0 {
		if len(axes) > 0 {
			layout.AxisPanic(op, axes[0], 0)
		}
		// The one element of a 0-d view, as a 1-D view of one element.
		return dst, v.ExpandDims(0), 0
	}
	if len(axes) == 0 && nd == 1 {
		return dst, v, 0
	}
	reduced := reducedAxes(op, nd, axes)
	if dst.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	vsh := v.lay.Shape()
	var perm [MaxRank]int
	var keep [MaxRank + 1]int
	nk := 0
	for k := range nd {
		if !reduced[k] {
			perm[nk], keep[nk] = k, vsh[k]
			nk++
		}
	}
	m, np := 1, nk
	for k := range nd {
		if reduced[k] {
			perm[np] = k
			np++
			m *= vsh[k] // cannot overflow: v's size fits an int
		}
	}
	dst = keptDestination(op, dst, vsh, reduced[:nd], keep[:nk])
	t := v.Transpose(perm[:nd]...)
	keep[nk] = m
	merged, err := t.Reshape(keep[:nk+1]...)
	if err != nil {
		c := Zeros[T](t.lay.Shape()...)
		c.CopyFrom(t)
		merged = Must(c.Reshape(keep[:nk+1]...))
	}
	return dst, merged, nk
}

// keptDestination returns dst as a view of the reduced shape keep: dst
// itself when it has that shape, and dst without its reduced axes when it
// has v's rank with extent 1 along them (keepdims). It panics with an error
// wrapping ErrShape otherwise.
func keptDestination[D any](op string, dst NDView[D], vsh []int, reduced []bool, keep []int) NDView[D] {
	dsh := dst.lay.Shape()
	if slices.Equal(dsh, keep) {
		return dst
	}
	if len(dsh) == len(vsh) {
		ok := true
		var drop [MaxRank]int
		nd := 0
		for k, r := range reduced {
			if r {
				ok = ok && dsh[k] == 1
				drop[nd] = k
				nd++
			} else {
				ok = ok && dsh[k] == vsh[k]
			}
		}
		if ok {
			return dst.Squeeze(drop[:nd]...)
		}
	}
	keepDims := slices.Clone(vsh)
	var axes []int
	for k, r := range reduced {
		if r {
			keepDims[k] = 1
			axes = append(axes, k)
		}
	}
	panicf(op, ErrShape, "destination shape %s does not fit the reduction of shape %s over axes %v; want %s or %s (keepdims)",
		formatShape(dsh), formatShape(vsh), axes, formatShape(keep), formatShape(keepDims))
	return dst
}

// newReduced returns a new array of the reduced shape of a reduction of
// shape vsh over axes (every axis when axes is empty), for the allocating
// forms of reductions. It panics as mergeAxes does for bad axes, and
// allocates only the array.
func newReduced[R any](op string, vsh []int, axes []int) NDView[R] {
	reduced := reducedAxes(op, len(vsh), axes)
	var sh [MaxRank]int
	n := 0
	for k, e := range vsh {
		if !reduced[k] {
			sh[n] = e
			n++
		}
	}
	return Zeros[R](sh[:n]...)
}

// reducedAxes returns which of nd axes a reduction over axes reduces:
// every axis when axes is empty (NumPy's axis=None), otherwise the named
// ones, counted from the end when negative. It panics with an error
// wrapping ErrAxis for an axis out of range or named twice.
func reducedAxes(op string, nd int, axes []int) [MaxRank]bool {
	var reduced [MaxRank]bool
	if len(axes) == 0 {
		for k := range nd {
			reduced[k] = true
		}
	}
	for _, a := range axes {
		k := layout.NormalizeAxis(op, a, nd)
		if reduced[k] {
			repeatedAxisPanic(op, a, axes)
		}
		reduced[k] = true
	}
	return reduced
}

// repeatedAxisPanic panics for an axis named twice. It copies axes, so
// that the callers' variadic slices do not escape.
//
//go:noinline
func repeatedAxisPanic(op string, a int, axes []int) {
	panicf(op, ErrAxis, "repeated axis %d in axes %v", a, slices.Clone(axes))
}
