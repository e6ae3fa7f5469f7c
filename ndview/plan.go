package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Traversal plans (SEMANTICS §9): how an element-wise operation walks the
// elements of one to four operands that share a shape. A plan knows only
// ints (extents, strides and offsets in elements of each operand), never
// element types, so kernels of any element types reuse it: a copy, a
// conversion from one element type to another, arithmetic.
//
// Operand 0 is the destination (or the only operand); the others are
// sources. A plan is built in this order:
//
//  1. Broadcast. Every source is laid over the destination's shape
//     (broadcastInto, SEMANTICS W1 and B2): extra leading source axes of
//     extent 1 are dropped, missing and extent-1 axes get stride 0.
//  2. Size. A shape with a zero extent plans nothing (empty reports true);
//     a 0-d shape plans one element.
//  3. Axes of extent 1 are dropped: their strides are never used.
//  4. If the order of the walk may change (reorder), axes are sorted by
//     |destination stride|, largest first, by a stable sort, so that the
//     innermost axis is the one whose destination elements are closest.
//  5. If the order may change, every axis with a negative destination
//     stride is flipped: each operand's base moves to the far end of the
//     axis and its stride is negated. Pairs of elements are unchanged.
//  6. Coalescing, from the outermost axis in: an axis merges into the
//     axis outside it when, for every operand, the outer stride equals the
//     inner stride times the inner extent. The merged axis keeps the inner
//     strides and has the product of the extents. A contiguous operand
//     becomes one axis of stride 1.
//  7. After steps 3 and 6 at least one axis remains (extent 1 for a 0-d
//     shape), so kernels always have an innermost axis.
//
// A plan without reordering visits elements in C order (SEMANTICS N1); with
// it, in an order that equals C order for every observable result of an
// element-wise operation whose operands do not overlap (N4). Callers handle
// overlap (W3, W4) before they plan.
//
// Kernels walk a plan with a walker, which steps the outer axes with an
// odometer and hands the kernel the offsets of one block of the innermost
// one or two axes at a time: a function call per row, never per element.
//
// An element-wise kernel from src into dst (see Map in apply.go) runs:
//
//	var p plan
//	p.init(dst.shapeRef())
//	p.add(dst.off, dst.stridesRef())
//	if !p.addBroadcast(src.off, src.shapeRef(), src.stridesRef()) {
//		broadcastPanic(op, src.shapeRef(), dst.shapeRef())
//	}
//	if p.empty() {
//		return
//	}
//	src = detach(&p, 1, &dst, src) // W3: copy an overlapping source first
//	p.simplify(true)
//	n, ds := p.inner(0)
//	_, ss := p.inner(1)
//	w := p.walk(1)
//	for w.next(&p) {
//		d, s := w.off[0], w.off[1]
//		// n elements: dst.data[d + i·ds] from src.data[s + i·ss]
//	}
//
// The walker is declared before the loop, not in its init statement: a
// variable declared there is a new copy in every iteration (Go 1.22), and
// next takes its address, so the compiler copies the walker, with its
// MaxRank indices, once per row (17 ns a row here).

import "slices"

// maxOperands is the largest number of operands a plan walks together: a
// destination and up to three sources (Where reads a condition and two
// sources). A fourth operand did not slow small copies measurably: 125 ns
// for a transposed 4×4 float64 CopyFrom with either size.
const maxOperands = 4

// plan is a traversal of one shape by up to maxOperands strided operands,
// simplified by the rules at the top of this file. The zero plan is empty.
type plan struct {
	nop  int                       // operands added; operand 0 is the destination
	rank int                       // axes; 0 only before simplify or when size == 0
	size int                       // elements in the shape
	dim  [MaxRank]int              // extents, outermost first
	st   [maxOperands][MaxRank]int // strides per operand, in its elements
	base [maxOperands]int          // offset of element (0, …, 0) per operand
	th   int                       // rows per tile of the row walk (rowTiles); 0: plain rows
	tw   int                       // elements per tile row
}

// init starts a plan over shape, a valid shape (the destination's).
func (p *plan) init(shape []int) {
	p.nop, p.th, p.tw = 0, 0, 0
	p.rank = len(shape)
	p.size = layout.ShapeSize(shape)
	copy(p.dim[:], shape)
}

// add appends an operand with the plan's shape, given the offset of its
// element (0, …, 0) and one stride per axis.
func (p *plan) add(off int, strides []int) {
	k := p.nop
	p.base[k] = off
	copy(p.st[k][:p.rank], strides)
	p.nop++
}

// addBroadcast appends a source operand of the given layout, broadcast to
// the plan's shape (rule 1). It reports false, adding nothing, when the
// shapes are incompatible.
func (p *plan) addBroadcast(off int, shape, strides []int) bool {
	k := p.nop
	if !broadcastInto(p.dim[:p.rank], shape, strides, p.st[k][:p.rank]) {
		return false
	}
	p.base[k] = off
	p.nop++
	return true
}

// rebase replaces operand k (a source) by another layout of a shape that
// broadcasts to the plan's, such as a copy of it.
func (p *plan) rebase(k, off int, shape, strides []int) {
	broadcastInto(p.dim[:p.rank], shape, strides, p.st[k][:p.rank])
	p.base[k] = off
}

// broadcastInto writes into out (len(target) ints) the strides under which a
// source layout reads as target, following SEMANTICS W1: source axes of
// extent 1 beyond target's rank are dropped from the left, then B2 applies.
// It reports false when the shapes are incompatible.
func broadcastInto(target, shape, strides, out []int) bool {
	for len(shape) > len(target) && shape[0] == 1 {
		shape, strides = shape[1:], strides[1:]
	}
	return layout.BroadcastStrides(shape, strides, target, out)
}

// empty reports whether the plan visits no element.
func (p *plan) empty() bool { return p.size == 0 }

// simplify applies rules 2 to 7. With reorder false the walk stays in C
// order (rules 4 and 5 are skipped).
func (p *plan) simplify(reorder bool) {
	if p.size == 0 {
		p.rank = 0
		return
	}
	// Rule 3: drop extent-1 axes.
	r := 0
	for a := range p.rank {
		if p.dim[a] == 1 {
			continue
		}
		p.moveTo(a, r)
		r++
	}
	p.rank = r
	if reorder && r > 1 {
		p.sortByDest()
	}
	if reorder {
		for a := range r {
			if p.st[0][a] < 0 {
				p.flip(a)
			}
		}
	}
	p.coalesce()
	if p.rank == 0 { // rule 7: a 0-d or all-1 shape is one element
		p.rank = 1
		p.dim[0] = 1
		for k := range p.nop {
			p.st[k][0] = 0
		}
	}
}

// moveTo copies axis a to position r <= a (used when compacting).
func (p *plan) moveTo(a, r int) {
	if a == r {
		return
	}
	p.dim[r] = p.dim[a]
	for k := range p.nop {
		p.st[k][r] = p.st[k][a]
	}
}

// sortByDest sorts the axes by |destination stride| descending, stably
// (rule 4). Ranks are small, so an insertion sort does.
func (p *plan) sortByDest() {
	for i := 1; i < p.rank; i++ {
		for j := i; j > 0 && layout.AbsInt(p.st[0][j-1]) < layout.AbsInt(p.st[0][j]); j-- {
			p.swap(j-1, j)
		}
	}
}

// swap exchanges axes a and b.
func (p *plan) swap(a, b int) {
	p.dim[a], p.dim[b] = p.dim[b], p.dim[a]
	for k := range p.nop {
		p.st[k][a], p.st[k][b] = p.st[k][b], p.st[k][a]
	}
}

// flip reverses axis a for every operand (rule 5).
func (p *plan) flip(a int) {
	n := p.dim[a] - 1
	for k := range p.nop {
		p.base[k] += p.st[k][a] * n
		p.st[k][a] = -p.st[k][a]
	}
}

// coalesce merges adjacent axes that every operand steps through as one
// (rule 6). The products cannot overflow: every extent is at least 2 and
// each stride times (extent-1) lies inside its operand's data.
func (p *plan) coalesce() {
	if p.rank < 2 {
		return
	}
	out := 0 // the last axis kept
	for a := 1; a < p.rank; a++ {
		if p.mergeable(out, a) {
			p.dim[out] *= p.dim[a]
			for k := range p.nop {
				p.st[k][out] = p.st[k][a]
			}
			continue
		}
		out++
		p.moveTo(a, out)
	}
	p.rank = out + 1
}

// mergeable reports whether inner axis i can merge into outer axis o for
// every operand.
func (p *plan) mergeable(o, i int) bool {
	for k := range p.nop {
		if p.st[k][i]*p.dim[i] != p.st[k][o] {
			return false
		}
	}
	return true
}

// moveAxis moves axis from to position to, shifting the axes between; the
// walk order changes, so only reorderable plans may call it.
func (p *plan) moveAxis(from, to int) {
	for ; from < to; from++ {
		p.swap(from, from+1)
	}
	for ; from > to; from-- {
		p.swap(from, from-1)
	}
}

// inner returns the extent of the innermost axis and the stride of operand
// k along it.
func (p *plan) inner(k int) (n, stride int) {
	return p.dim[p.rank-1], p.st[k][p.rank-1]
}

// longest returns the axis of p with the largest extent (the outermost
// of equals): the axis the parallel path splits, so that every part keeps
// the shape of the kernel's blocks and the parts are even.
func (p *plan) longest() int {
	a := 0
	for k := 1; k < p.rank; k++ {
		if p.dim[k] > p.dim[a] {
			a = k
		}
	}
	return a
}

// split returns the part of p whose index along axis lies in [lo, hi):
// the unit of work of the parallel path.
func (p *plan) split(axis, lo, hi int) plan {
	q := *p
	q.dim[axis] = hi - lo
	q.size = p.size / p.dim[axis] * (hi - lo)
	for k := range p.nop {
		q.base[k] += lo * p.st[k][axis]
	}
	return q
}

// equalStrides reports whether operands j and k have the same strides on
// every axis.
func (p *plan) equalStrides(j, k int) bool {
	return slices.Equal(p.st[j][:p.rank], p.st[k][:p.rank])
}

// walker steps the outer axes of a plan with an odometer, leaving the
// innermost inner axes to a kernel. After each successful next, off holds
// each operand's offset of the first element of the current block.
type walker struct {
	outer int // axes stepped: p.rank - inner
	left  int // blocks not yet visited
	idx   [MaxRank]int
	off   [maxOperands]int
	begun bool
}

// walk returns a walker over the blocks formed by the innermost inner axes
// of p (inner is 1 for rows, 2 for tiles; it must not exceed p.rank).
// Declare the walker before its loop (w := p.walk(1); for w.next(p) {…}):
// in a three-clause for statement Go gives each iteration its own copy of
// the loop variable, and copying a walker costs about as much as a short
// row.
func (p *plan) walk(inner int) walker {
	w := walker{outer: p.rank - inner, off: p.base}
	if p.size == 0 {
		return w
	}
	w.left = 1
	for a := range w.outer {
		w.left *= p.dim[a]
	}
	return w
}

// next moves to the next block of p, the plan w was made from, and
// reports whether there is one.
func (w *walker) next(p *plan) bool {
	if w.left == 0 {
		return false
	}
	w.left--
	if !w.begun {
		w.begun = true
		return true
	}
	for a := w.outer - 1; a >= 0; a-- {
		w.idx[a]++
		if w.idx[a] < p.dim[a] {
			for k := range p.nop {
				w.off[k] += p.st[k][a]
			}
			return true
		}
		w.idx[a] = 0
		for k := range p.nop {
			w.off[k] -= p.st[k][a] * (p.dim[a] - 1)
		}
	}
	return true // unreachable while left counts correctly
}

// ---------------------------------------------------------------------
// Tiles.
//
// A kernel that walks a plan row by row, where a source is closer along an
// outer axis than along the innermost one (a transpose), uses each source
// cache line for one element of a row and moves on; the next rows need the
// rest of the line, which may be gone by then. Walking the plane of the
// innermost axis and that outer axis in tiles uses the lines while they
// are in L1. The copy kernels tile transposes so (copy.go, rule 6), and so
// do the row kernels of the conversions (rowTiles), on one walk
// (tileWalker).

// tileMinDim is the smallest extent of both axes of a square tile walk.
// From 16×16 up, tiles beat the strided loop at every size BenchmarkTile
// tries, in and out of the caches. A variable, so that tests can force
// tiles on small data.
var tileMinDim = 16

const (
	// tileBlock is the side of the blocks in which tiles are visited: a
	// block of source and destination rows stays in L2 and in the TLB
	// while its tiles are walked. It is a multiple of every tile side.
	tileBlock = 256

	// stripBytes is the span of source (or destination) memory one strip
	// of a short axis covers (rowTiles): well inside L1.
	stripBytes = 16 << 10
)

// closestAxis returns the outer axis of the two-operand plan p along
// which the source (operand 1) is closest, the outermost of equals, among
// the axes of at least minDim elements, when it is closer there than along
// the innermost axis; else -1.
func (p *plan) closestAxis(minDim int) int {
	q := -1
	best := layout.AbsInt(p.st[1][p.rank-1])
	for a := range p.rank - 1 {
		if s := layout.AbsInt(p.st[1][a]); s < best && p.dim[a] >= minDim {
			q, best = a, s
		}
	}
	return q
}

// tileAxis returns the outer axis along which the source is closest, when
// it is closer than along the innermost axis and both axes are long enough
// to tile in squares; else -1.
func tileAxis(p *plan) int {
	if p.rank < 2 || p.dim[p.rank-1] < tileMinDim {
		return -1
	}
	return p.closestAxis(tileMinDim)
}

// tileSide returns the side of square tiles of the plane of the two
// innermost axes of the two-operand plan p, whose operands have elements
// of dsize and ssize bytes: the destination's rows lie along axis rank-2,
// the source's along the innermost axis. Rows a multiple of 4 KiB apart
// fall into one set of an L1 cache and evict each other, so their tiles
// are smaller. BenchmarkTile measures the sides.
func (p *plan) tileSide(dsize, ssize int) int {
	r := p.rank
	rowBytes := max(layout.AbsInt(p.st[0][r-2])*dsize, layout.AbsInt(p.st[1][r-1])*ssize)
	switch {
	case max(dsize, ssize) > 8:
		return 16
	case rowBytes%4096 == 0:
		return 16
	}
	return 64
}

// rowTiles prepares the simplified two-operand plan p, with elements of
// dsize and ssize bytes, for a kernel that handles one row per call: it
// decides the tiles eachRow walks, which the parts of split inherit, and
// returns them (th == 0 for plain rows). It may exchange axes, so p must
// have been simplified with reordering.
//
//   - A short innermost axis (under tileMinDim) under a long one is
//     exchanged with it, so that rows are long, and the short axis is
//     walked in strips of all its rows (the channels of an interleaved
//     destination).
//   - When the source is closer along an outer axis than along the rows,
//     that axis is moved next to the innermost: a long one is walked in
//     square tiles (tileSide), a short one in strips of all its rows (the
//     channels of an interleaved source).
func (p *plan) rowTiles(dsize, ssize int) (th, tw int) {
	p.th, p.tw = p.chooseTiles(dsize, ssize)
	return p.th, p.tw
}

// chooseTiles is rowTiles without recording its choice.
func (p *plan) chooseTiles(dsize, ssize int) (th, tw int) {
	r := p.rank
	if r < 2 {
		return 0, 0
	}
	if p.dim[r-1] < tileMinDim {
		if p.dim[r-2] < tileMinDim {
			return 0, 0
		}
		p.swap(r-2, r-1)
		return p.dim[r-2], p.stripWidth(dsize, ssize)
	}
	if layout.AbsInt(p.st[1][r-1]) < 2 {
		return 0, 0 // contiguous, reversed or repeated rows: nothing to reuse
	}
	q := p.closestAxis(2)
	if q < 0 {
		return 0, 0
	}
	p.moveAxis(q, r-2)
	if p.dim[r-2] < tileMinDim {
		return p.dim[r-2], p.stripWidth(dsize, ssize)
	}
	b := p.tileSide(dsize, ssize)
	return b, b
}

// stripWidth returns the row length of strips of p: rows that span about
// stripBytes in the operand whose elements lie furthest apart along them,
// and at least tileBlock elements.
func (p *plan) stripWidth(dsize, ssize int) int {
	_, ds := p.inner(0)
	_, ss := p.inner(1)
	span := max(layout.AbsInt(ds)*dsize, layout.AbsInt(ss)*ssize, 1)
	return max(tileBlock, stripBytes/span)
}

// tileWalker steps through the plane of the two innermost axes of a plan,
// under every index of the outer axes, in bands: th rows (along axis
// rank-2; fewer at the far edge) by up to a block's width of columns,
// which the kernel cuts into tiles of tw columns. Bands are visited in
// blocks of about tileBlock×tileBlock elements (whole tiles), so that the
// rows of a block stay in L2 and in the TLB while its tiles are walked.
// After each successful next, off holds each operand's offset of the
// band's first element, h its rows and w its columns.
type tileWalker struct {
	off    [maxOperands]int
	h, w   int
	i      int // the band's first row
	bi, bj int // the block's first row and column
	m, n   int // the plane's extents
	th     int // rows per band
	bh, bw int // block extents
	outer  walker
}

// walkTiles returns a tileWalker over the th×tw tiles of p, which has at
// least two axes.
func (p *plan) walkTiles(th, tw int) tileWalker {
	r := p.rank
	t := tileWalker{outer: p.walk(2), th: th, m: p.dim[r-2], n: p.dim[r-1]}
	t.bh, t.bw = max(th, tileBlock/th*th), max(tw, tileBlock/tw*tw)
	t.bi, t.bj, t.i = t.m, t.n, t.m // past the last band: the first next starts a plane
	return t
}

// next moves to the next band of p, the plan t was made from, and reports
// whether there is one.
func (t *tileWalker) next(p *plan) bool {
	switch {
	case t.i+t.th < min(t.bi+t.bh, t.m): // the next band of the block
		t.i += t.th
	case t.bj+t.bw < t.n: // the next block of the row of blocks
		t.bj += t.bw
		t.i = t.bi
	case t.bi+t.bh < t.m: // the next row of blocks
		t.bi, t.bj = t.bi+t.bh, 0
		t.i = t.bi
	default: // the next plane
		if !t.outer.next(p) || t.m == 0 || t.n == 0 {
			return false
		}
		t.bi, t.bj, t.i = 0, 0, 0
	}
	r := p.rank
	for k := range p.nop {
		t.off[k] = t.outer.off[k] + t.i*p.st[k][r-2] + t.bj*p.st[k][r-1]
	}
	t.h, t.w = min(t.th, t.m-t.i), min(t.bw, t.n-t.bj)
	return true
}

// eachRow calls fn for every row of p (its innermost axis), or, when
// rowTiles chose tiles, for every row of every tile (tileWalker), with each
// operand's offset of the row's first element and the row's length. The
// elements of a row follow the innermost strides (inner).
func (p *plan) eachRow(fn func(off [maxOperands]int, n int)) {
	if p.th == 0 {
		n := p.dim[p.rank-1]
		if p.rank == 1 { // one row: no walker to set up
			fn(p.base, n)
			return
		}
		w := p.walk(1)
		for w.next(p) {
			fn(w.off, n)
		}
		return
	}
	r, tw := p.rank, p.tw
	t := p.walkTiles(p.th, tw)
	for t.next(p) {
		for j := 0; j < t.w; j += tw {
			off := t.off
			for k := range p.nop {
				off[k] += j * p.st[k][r-1]
			}
			for range t.h {
				fn(off, min(tw, t.w-j))
				for k := range p.nop {
					off[k] += p.st[k][r-2]
				}
			}
		}
	}
}

// extentOf returns the lowest and highest element offsets a valid layout
// with elements reaches (SEMANTICS L4); the view invariants rule out
// overflow.
func extentOf(off int, shape, strides []int) (lo, hi int) {
	lo, hi = off, off
	for i, n := range shape {
		d := strides[i] * (n - 1)
		if d < 0 {
			lo += d
		} else {
			hi += d
		}
	}
	return lo, hi
}

// sameLayout reports whether two layouts of one shape step through memory
// identically: equal strides on every axis of extent above 1.
func sameLayout(shape, a, b []int) bool {
	for i, n := range shape {
		if n > 1 && a[i] != b[i] {
			return false
		}
	}
	return true
}
