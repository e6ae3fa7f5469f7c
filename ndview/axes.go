package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/mem"

// Axis operations (semantics.md §3): every one returns a view of the same
// elements with its axes permuted, reversed, removed or added. No data
// moves. An axis a < 0 counts from the end (a+ndim); an axis outside
// [-ndim, ndim) is a caller's mistake and panics, as do repeated axes and
// wrong permutations. Results keep the read-only flag of their source.

// derive returns a view of v's data and offset with fresh storage for ndim
// axes and v's read-only flag; the caller fills in the layout.
func (v *NDView[T]) derive(ndim int) NDView[T] {
	r := *v
	r.lay.Reset(ndim)
	return r
}

// T returns v with its axes reversed: the transpose of a matrix, and for
// shape (2, 3, 4) a view of shape (4, 3, 2). The result shares data with v.
func (v NDView[T]) T() NDView[T] {
	v.lay.Reverse()
	return v
}

// Transpose returns v with its axes permuted: axis i of the result is axis
// axes[i] of v (NumPy's transpose). With no axes it reverses them, like T.
// The result shares data with v.
//
// Transpose panics with an error wrapping ErrAxis when axes is not a
// permutation of the axes of v (negative axes count from the end).
func (v NDView[T]) Transpose(axes ...int) NDView[T] {
	if len(axes) == 0 {
		return v.T()
	}
	ndim := v.lay.NDim()
	if len(axes) != ndim {
		panicf("Transpose", ErrAxis, "axes don't match array: %d axes given for a view of %d dimensions", len(axes), ndim)
	}
	var buf [layout.InlineRank]int
	perm := layout.IntsOf(buf[:], ndim)
	var seen uint64
	for i, a := range axes {
		a = layout.NormalizeAxis("Transpose", a, ndim)
		if seen&(1<<a) != 0 {
			panicf("Transpose", ErrAxis, "repeated axis %d in transpose", a)
		}
		seen |= 1 << a
		perm[i] = a
	}
	v.lay.Permute(perm)
	return v
}

// SwapAxes returns v with axes a and b exchanged. The result shares data
// with v. It panics with an error wrapping ErrAxis when an axis is out of
// range.
func (v NDView[T]) SwapAxes(a, b int) NDView[T] {
	ndim := v.lay.NDim()
	a = layout.NormalizeAxis("SwapAxes", a, ndim)
	b = layout.NormalizeAxis("SwapAxes", b, ndim)
	var buf [layout.InlineRank]int
	perm := layout.IntsOf(buf[:], ndim)
	for i := range perm {
		perm[i] = i
	}
	perm[a], perm[b] = b, a
	v.lay.Permute(perm)
	return v
}

// MoveAxis returns v with axis src[i] moved to position dst[i], the other
// axes keeping their order (NumPy's moveaxis). The result shares data with
// v. It panics with an error wrapping ErrAxis when src and dst differ in
// length, an axis is out of range or repeated.
func (v NDView[T]) MoveAxis(src, dst []int) NDView[T] {
	ndim := v.lay.NDim()
	if len(src) != len(dst) {
		panicf("MoveAxis", ErrAxis, "source and destination must have the same number of elements, got %d and %d", len(src), len(dst))
	}
	var srcBuf [layout.InlineRank]int
	srcAt := layout.IntsOf(srcBuf[:], ndim) // srcAt[d] = source axis placed at d, or -1
	for i := range ndim {
		srcAt[i] = -1
	}
	var seenSrc, seenDst uint64
	for i := range src {
		s := layout.NormalizeAxis("MoveAxis", src[i], ndim)
		d := layout.NormalizeAxis("MoveAxis", dst[i], ndim)
		if seenSrc&(1<<s) != 0 || seenDst&(1<<d) != 0 {
			panicf("MoveAxis", ErrAxis, "repeated axis in `source` or `destination` argument")
		}
		seenSrc |= 1 << s
		seenDst |= 1 << d
		srcAt[d] = s
	}
	var buf [layout.InlineRank]int
	perm := layout.IntsOf(buf[:], ndim)
	rest := 0 // next axis not in src
	for d := range perm {
		if srcAt[d] >= 0 {
			perm[d] = srcAt[d]
			continue
		}
		for seenSrc&(1<<rest) != 0 {
			rest++
		}
		perm[d] = rest
		rest++
	}
	v.lay.Permute(perm)
	return v
}

// Flip returns v with the order of elements reversed along the given axes,
// or along every axis when none are given (each flipped axis acts as
// [::-1]). The result shares data with v. It panics with an error wrapping
// ErrAxis when an axis is out of range or repeated.
func (v NDView[T]) Flip(axes ...int) NDView[T] {
	ndim := v.lay.NDim()
	var mask uint64
	if len(axes) == 0 {
		mask = ^uint64(0)
	}
	for _, a := range axes {
		a = layout.NormalizeAxis("Flip", a, ndim)
		if mask&(1<<a) != 0 {
			panicf("Flip", ErrAxis, "repeated axis %d", a)
		}
		mask |= 1 << a
	}
	sh, st := v.lay.Shape(), v.lay.Strides()
	r := v.derive(ndim)
	rsh, rst := r.lay.Shape(), r.lay.Strides()
	copy(rsh, sh)
	copy(rst, st)
	for a := range ndim {
		if mask&(1<<a) != 0 && sh[a] > 0 {
			r.lay.Off += (sh[a] - 1) * st[a]
			rst[a] = -st[a]
		}
	}
	return r
}

// Rot90 returns v rotated by 90° k times in the plane of two axes, from the
// first towards the second (NumPy's rot90; axes default to 0 and 1; k may
// be negative). The result shares data with v. It panics with an error
// wrapping ErrAxis when axes does not name two different axes in range.
func (v NDView[T]) Rot90(k int, axes ...int) NDView[T] {
	if len(axes) == 0 {
		axes = []int{0, 1}
	}
	if len(axes) != 2 {
		panicf("Rot90", ErrAxis, "len(axes) must be 2, got %d", len(axes))
	}
	ndim := v.lay.NDim()
	if axes[0] == axes[1] || layout.AbsInt(axes[0]-axes[1]) == ndim {
		panicf("Rot90", ErrAxis, "axes must be different, got %d and %d for a view of %d dimensions", axes[0], axes[1], ndim)
	}
	a0 := layout.NormalizeAxis("Rot90", axes[0], ndim)
	a1 := layout.NormalizeAxis("Rot90", axes[1], ndim)
	switch k & 3 { // k mod 4, also for negative k
	case 1:
		return v.Flip(a1).SwapAxes(a0, a1)
	case 2:
		return v.Flip(a0, a1)
	case 3:
		return v.SwapAxes(a0, a1).Flip(a1)
	}
	return v
}

// Diagonal returns the diagonal of v in the plane of axes axis1 and axis2,
// offset above the main diagonal by offset (below when negative), as NumPy's
// diagonal: the other axes in order, then one axis along the diagonal. The
// result shares data with v and, unlike NumPy's, is writable when v is.
//
// Diagonal panics with an error wrapping ErrAxis when v has fewer than two
// dimensions or the axes are out of range or equal.
func (v NDView[T]) Diagonal(offset, axis1, axis2 int) NDView[T] {
	ndim := v.lay.NDim()
	if ndim < 2 {
		panicf("Diagonal", ErrAxis, "diag requires an array of at least two dimensions, got %d", ndim)
	}
	a1 := layout.NormalizeAxis("Diagonal", axis1, ndim)
	a2 := layout.NormalizeAxis("Diagonal", axis2, ndim)
	if a1 == a2 {
		panicf("Diagonal", ErrAxis, "axis1 and axis2 cannot be the same (both %d)", a1)
	}
	sh, st := v.lay.Shape(), v.lay.Strides()
	n1, s1, n2, s2 := sh[a1], st[a1], sh[a2], st[a2]
	r := v.derive(ndim - 1)
	var length int // negative when the offset leaves the plane
	if offset >= 0 {
		if length = min(n1, n2-offset); length >= 0 {
			r.lay.Off += offset * s2
		}
	} else {
		if length = min(n1+offset, n2); length >= 0 {
			r.lay.Off -= offset * s1
		}
	}
	length = max(length, 0)
	rsh, rst := r.lay.Shape(), r.lay.Strides()
	j := 0
	for i := range ndim {
		if i != a1 && i != a2 {
			rsh[j], rst[j] = sh[i], st[i]
			j++
		}
	}
	rsh[j], rst[j] = length, s1+s2
	return r
}

// Squeeze returns v without the given axes of extent 1, or without every
// axis of extent 1 when none are given. The result shares data with v. It
// panics with an error wrapping ErrAxis when an axis is out of range or
// repeated, and ErrShape when a named axis has an extent other than 1.
func (v NDView[T]) Squeeze(axes ...int) NDView[T] {
	sh, st := v.lay.Shape(), v.lay.Strides()
	ndim := len(sh)
	var drop uint64
	if len(axes) == 0 {
		for i, n := range sh {
			if n == 1 {
				drop |= 1 << i
			}
		}
	}
	for _, a := range axes {
		a = layout.NormalizeAxis("Squeeze", a, ndim)
		if drop&(1<<a) != 0 {
			panicf("Squeeze", ErrAxis, "repeated axis %d", a)
		}
		if sh[a] != 1 {
			panicf("Squeeze", ErrShape,
				"cannot select an axis to squeeze out which has size not equal to one (axis %d of shape %s)", a, formatShape(sh))
		}
		drop |= 1 << a
	}
	r := v.derive(ndim - popCount(drop))
	rsh, rst := r.lay.Shape(), r.lay.Strides()
	j := 0
	for i := range ndim {
		if drop&(1<<i) == 0 {
			rsh[j], rst[j] = sh[i], st[i]
			j++
		}
	}
	return r
}

// ExpandDims returns v with new axes of extent 1 inserted so that they sit
// at the given positions of the result (NumPy's expand_dims). Positions
// count in the result's dimensions, negative ones from its end. Strides are
// those of NumPy, which inserts the axes by a reshape. The result shares
// data with v. It panics with an error wrapping ErrAxis when a position is
// out of range or repeated, and ErrShape when the result exceeds MaxRank.
func (v NDView[T]) ExpandDims(axes ...int) NDView[T] {
	sh := v.lay.Shape()
	out := len(sh) + len(axes)
	if out > MaxRank {
		panicf("ExpandDims", ErrShape, "the result would have %d dimensions, above the maximum of %d", out, MaxRank)
	}
	var mask uint64
	for _, a := range axes {
		a = layout.NormalizeAxis("ExpandDims", a, out)
		if mask&(1<<a) != 0 {
			panicf("ExpandDims", ErrAxis, "repeated axis %d", a)
		}
		mask |= 1 << a
	}
	var buf [layout.InlineRank]int
	shape := layout.IntsOf(buf[:], out)
	j := 0
	for i := range shape {
		if mask&(1<<i) != 0 {
			shape[i] = 1
		} else {
			shape[i] = sh[j]
			j++
		}
	}
	if err := v.lay.Reshape("ExpandDims", OrderC, shape, mem.Sizeof[T]()); err != nil {
		panic(err) // unreachable: inserting 1s never needs a copy
	}
	return v
}

// popCount returns the number of set bits of m.
func popCount(m uint64) int {
	n := 0
	for ; m != 0; m &= m - 1 {
		n++
	}
	return n
}
