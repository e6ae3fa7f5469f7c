package ndview

// Overlap between views (semantics.md W3, W4): whether two views share
// memory, and whether a source read while a destination is written must be
// copied first. Addresses are compared as integers and never turned back
// into pointers. Two views of one buffer need not share their data slices
// (one may be built on a re-slice of the other), so the tests compare the
// byte ranges their reachable elements span (W4.1).

import (
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// aliasKind says how the memory of a source overlaps a destination.
type aliasKind uint8

const (
	aliasNone aliasKind = iota // no byte is shared
	aliasSame                  // each element pairs with itself: same addresses, same steps
	aliasSome                  // any other overlap
)

// aliasOf classifies the overlap of src, read through the strides sst (its
// strides broadcast to dst's shape), with dst; both have elements. delta is
// the address of src's element (0, …, 0) minus dst's, in bytes, when they
// overlap.
func aliasOf[D, S any](dst *NDView[D], src *NDView[S], sst []int) (aliasKind, int) {
	dsize, ssize := mem.Sizeof[D](), mem.Sizeof[S]()
	if dsize == 0 || ssize == 0 {
		return aliasNone, 0 // zero-size elements hold no memory
	}
	a, b := spans(dst, src)
	if !overlaps(a, b, dsize, ssize) {
		return aliasNone, 0
	}
	delta := int(b[2] - a[2])
	if delta == 0 && dsize == ssize && plan.SameLayout(dst.lay.Shape(), dst.lay.Strides(), sst) {
		return aliasSame, 0
	}
	return aliasSome, delta
}

// detach returns src, operand k of the unsimplified plan p writing into
// dst, or, when src overlaps dst other than element for element, a copy of
// it put in its place in p: element-wise kernels then read the source as
// it was before the first write (semantics.md W3).
func detach[D, S any](p *plan.Plan, k int, dst *NDView[D], src NDView[S]) NDView[S] {
	if kind, _ := aliasOf(dst, &src, p.St[k][:p.Rank]); kind != aliasSome {
		return src
	}
	c := src.Clone()
	p.Rebase(k, 0, c.lay.Shape(), c.lay.Strides())
	return c
}

// shareMemory reports whether the elements of a and b share any byte.
func shareMemory[A, B any](a *NDView[A], b *NDView[B]) bool {
	sa, sb := mem.Sizeof[A](), mem.Sizeof[B]()
	if sa == 0 || sb == 0 || a.Size() == 0 || b.Size() == 0 {
		return false
	}
	x, y := spans(a, b)
	return overlaps(x, y, sa, sb)
}

// spans returns, for a and b (both with elements), the byte addresses of
// the lowest and highest elements they reach and of their element
// (0, …, 0). A buffer on a goroutine stack moves when the stack grows; if
// that happened between the two measurements, they are taken again.
func spans[A, B any](a *NDView[A], b *NDView[B]) (x, y [3]uintptr) {
	alo, ahi := plan.ExtentOf(a.lay.Off, a.lay.Shape(), a.lay.Strides())
	blo, bhi := plan.ExtentOf(b.lay.Off, b.lay.Shape(), b.lay.Strides())
	for {
		x = addrs(a.data, alo, ahi, a.lay.Off)
		y = addrs(b.data, blo, bhi, b.lay.Off)
		if addrs(a.data, alo, ahi, a.lay.Off) == x {
			return x, y
		}
	}
}

// overlaps reports whether the byte spans x and y of spans, of elements of
// sx and sy bytes, share a byte.
func overlaps(x, y [3]uintptr, sx, sy int) bool {
	return y[1]+uintptr(sy) > x[0] && x[1]+uintptr(sx) > y[0]
}

// addrs returns the addresses of data[lo], data[hi] and data[first],
// which are elements of data.
func addrs[T any](data []T, lo, hi, first int) [3]uintptr {
	base, size := mem.Addr(data), uintptr(mem.Sizeof[T]())
	return [3]uintptr{base + uintptr(lo)*size, base + uintptr(hi)*size, base + uintptr(first)*size}
}
