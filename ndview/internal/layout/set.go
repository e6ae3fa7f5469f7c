package layout

import "math/bits"

// Setting a layout given from outside (Wrap, ViewOf): validate it as
// CheckLayout does and store it, in one pass over the axes for the usual
// ranks. The fast path proves that CheckLayout would accept the layout and
// MayOverlap would answer false using only bounds it can test without
// overflow; any layout it cannot prove so (an empty view, a huge extent or
// stride, axes not ordered by stride, a zero stride) goes through
// CheckLayout and MayOverlap, which give the same answer and the precise
// error. So the fast path changes the cost, never the result.

// fastLimit bounds the extents and strides the fast path accepts: with
// every extent and |stride| below 2^30, each |stride|·(extent−1) is below
// 2^60 and a sum of InlineRank of them below 2^62, so plain int
// arithmetic cannot overflow.
const fastLimit = 1 << 30

// Set validates a user-supplied layout over a buffer of n elements of
// itemSize bytes (CheckLayout: semantics.md L4, L5) and makes it l's
// offset, shape and strides, with FlagReadOnly set when two indices may
// reach the same element (MayOverlap). l must be a fresh Layout (no owner,
// no flags). On error l is unchanged.
func (l *Layout) Set(op string, n, off int, shape, strides []int, itemSize int) error {
	if len(shape) <= InlineRank && len(strides) == len(shape) && l.setFast(n, off, shape, strides, itemSize) {
		return nil
	}
	return l.setSlow(op, n, off, shape, strides, itemSize)
}

// setFast is Set for layouts of rank up to InlineRank with elements whose
// extents and strides are below fastLimit, and whose axes with extent > 1
// each step over the whole reach of the later ones (C order) or of the
// earlier ones (F order): then no index pair overlaps. It reports false,
// leaving l unchanged, for any other layout. Missing axes are counted as
// trailing extents of 1 with stride 0, which change neither the size, the
// reach nor the overlap test, so that the arithmetic is straight-line code.
func (l *Layout) setFast(n, off int, shape, strides []int, itemSize int) bool {
	n0, n1, n2, n3 := 1, 1, 1, 1
	s0, s1, s2, s3 := 0, 0, 0, 0
	strides = strides[:len(shape)]
	switch len(shape) {
	case 4:
		n3, s3 = shape[3], strides[3]
		fallthrough
	case 3:
		n2, s2 = shape[2], strides[2]
		fallthrough
	case 2:
		n1, s1 = shape[1], strides[1]
		fallthrough
	case 1:
		n0, s0 = shape[0], strides[0]
	}
	a0, a1, a2, a3 := AbsInt(s0), AbsInt(s1), AbsInt(s2), AbsInt(s3)
	// Extents in [1, fastLimit) and |strides| (MinInt included, whose
	// AbsInt is negative) in [0, fastLimit): one unsigned comparison each.
	if uint(n0-1)|uint(n1-1)|uint(n2-1)|uint(n3-1) >= fastLimit-1 ||
		uint(a0)|uint(a1)|uint(a2)|uint(a3) >= fastLimit ||
		uint(itemSize-1) >= 1<<32 || uint(off) >= uint(n) {
		return false
	}
	// The byte size fits in int (invariant 2): the products of two
	// extents are exact, the rest is checked once.
	hi, lo := bits.Mul64(uint64(n0*n1), uint64(n2*n3))
	hi2, lo2 := bits.Mul64(lo, uint64(itemSize))
	if hi|hi2 != 0 || lo2 > 1<<63-1 {
		return false
	}
	// Strides in bytes fit: |s| < 2^30 and itemSize <= 2^32.
	// The reach of each axis, and the bounds (L4): [off−neg, off+pos]
	// must lie in [0, n).
	d0, d1, d2, d3 := a0*(n0-1), a1*(n1-1), a2*(n2-1), a3*(n3-1)
	neg := 0
	if s0 < 0 {
		neg += d0
	}
	if s1 < 0 {
		neg += d1
	}
	if s2 < 0 {
		neg += d2
	}
	if s3 < 0 {
		neg += d3
	}
	pos := d0 + d1 + d2 + d3 - neg
	if neg > off || pos > n-1-off {
		return false
	}
	// No overlap: in C order each axis of extent > 1 steps over the
	// reach of the later ones, or in F order over the earlier ones. With
	// strides sorted this way MayOverlap's test reads the same.
	c := (n3 == 1 || a3 > 0) &&
		(n2 == 1 || a2 > d3) &&
		(n1 == 1 || a1 > d3+d2) &&
		(n0 == 1 || a0 > d3+d2+d1)
	f := (n0 == 1 || a0 > 0) &&
		(n1 == 1 || a1 > d0) &&
		(n2 == 1 || a2 > d0+d1) &&
		(n3 == 1 || a3 > d0+d1+d2)
	if !c && !f {
		return false
	}
	l.small = [2 * InlineRank]int{n0, n1, n2, n3, s0, s1, s2, s3}
	l.Off, l.rank1, l.Flags = off, int32(len(shape)-1), 0
	return true
}

// setSlow is Set for every other layout: CheckLayout's checks and errors,
// then MayOverlap.
func (l *Layout) setSlow(op string, n, off int, shape, strides []int, itemSize int) error {
	if err := CheckLayout(op, n, off, shape, strides, itemSize); err != nil {
		return err
	}
	l.Off = off
	l.Reset(len(shape))
	copy(l.Shape(), shape)
	copy(l.Strides(), strides)
	if MayOverlap(shape, strides) {
		l.Flags |= FlagReadOnly
	}
	return nil
}
