// Package plan is the traversal planner of ndview's kernels: how an
// element-wise operation walks the elements of one to four operands that
// share a shape, and how large walks are split across goroutines. It
// knows only ints (extents, strides and offsets in elements of each
// operand), never element types or memory.
package plan

// Traversal plans (semantics.md §9): how an element-wise operation walks the
// elements of one to four operands that share a shape. A plan knows only
// ints (extents, strides and offsets in elements of each operand), never
// element types, so kernels of any element types reuse it: a copy, a
// conversion from one element type to another, arithmetic.
//
// Operand 0 is the destination (or the only operand); the others are
// sources. A plan is built in this order:
//
//  1. Broadcast. Every source is laid over the destination's shape
//     (broadcastInto, semantics.md W1 and B2): extra leading source axes of
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
// A plan without reordering visits elements in C order (semantics.md N1); with
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
// layout.MaxRank indices, once per row (17 ns a row here).

import (
	"slices"

	"github.com/ndkit/ndkit/ndview/internal/layout"
)

// MaxOperands is the largest number of operands a plan walks together: a
// destination and up to three sources (Where reads a condition and two
// sources). A fourth operand did not slow small copies measurably: 125 ns
// for a transposed 4×4 float64 CopyFrom with either size.
const MaxOperands = 4

// Plan is a traversal of one shape by up to maxOperands strided operands,
// simplified by the rules at the top of this file. The zero Plan is empty.
type Plan struct {
	NOp  int                              // operands added; operand 0 is the destination
	Rank int                              // axes; 0 only before simplify or when size == 0
	Size int                              // elements in the shape
	Dim  [layout.MaxRank]int              // extents, outermost first
	St   [MaxOperands][layout.MaxRank]int // strides per operand, in its elements
	Base [MaxOperands]int                 // offset of element (0, …, 0) per operand
	TH   int                              // rows per tile of the row walk (rowTiles); 0: plain rows
	TW   int                              // elements per tile row
}

// Init starts a plan over shape, a valid shape (the destination's).
func (p *Plan) Init(shape []int) {
	p.NOp, p.TH, p.TW = 0, 0, 0
	p.Rank = len(shape)
	p.Size = layout.ShapeSize(shape)
	copy(p.Dim[:], shape)
}

// Add appends an operand with the plan's shape, given the offset of its
// element (0, …, 0) and one stride per axis.
func (p *Plan) Add(off int, strides []int) {
	k := p.NOp
	p.Base[k] = off
	copy(p.St[k][:p.Rank], strides)
	p.NOp++
}

// AddBroadcast appends a source operand of the given layout, broadcast to
// the plan's shape (rule 1). It reports false, adding nothing, when the
// shapes are incompatible.
func (p *Plan) AddBroadcast(off int, shape, strides []int) bool {
	k := p.NOp
	if !BroadcastInto(p.Dim[:p.Rank], shape, strides, p.St[k][:p.Rank]) {
		return false
	}
	p.Base[k] = off
	p.NOp++
	return true
}

// Rebase replaces operand k (a source) by another layout of a shape that
// broadcasts to the plan's, such as a copy of it.
func (p *Plan) Rebase(k, off int, shape, strides []int) {
	BroadcastInto(p.Dim[:p.Rank], shape, strides, p.St[k][:p.Rank])
	p.Base[k] = off
}

// BroadcastInto writes into out (len(target) ints) the strides under which a
// source layout reads as target, following semantics.md W1: source axes of
// extent 1 beyond target's rank are dropped from the left, then B2 applies.
// It reports false when the shapes are incompatible.
func BroadcastInto(target, shape, strides, out []int) bool {
	for len(shape) > len(target) && shape[0] == 1 {
		shape, strides = shape[1:], strides[1:]
	}
	return layout.BroadcastStrides(shape, strides, target, out)
}

// Empty reports whether the plan visits no element.
func (p *Plan) Empty() bool { return p.Size == 0 }

// Simplify applies rules 2 to 7. With reorder false the walk stays in C
// order (rules 4 and 5 are skipped).
func (p *Plan) Simplify(reorder bool) {
	if p.Size == 0 {
		p.Rank = 0
		return
	}
	// Rule 3: drop extent-1 axes.
	r := 0
	for a := range p.Rank {
		if p.Dim[a] == 1 {
			continue
		}
		p.moveTo(a, r)
		r++
	}
	p.Rank = r
	if reorder && r > 1 {
		p.sortByDest()
	}
	if reorder {
		for a := range r {
			if p.St[0][a] < 0 {
				p.Flip(a)
			}
		}
	}
	p.coalesce()
	if p.Rank == 0 { // rule 7: a 0-d or all-1 shape is one element
		p.Rank = 1
		p.Dim[0] = 1
		for k := range p.NOp {
			p.St[k][0] = 0
		}
	}
}

// SimplifyK simplifies a plan for a reduction in NumPy's K order
// (semantics.md N5): rules 2, 3, 6 and 7, with the axes sorted as
// NumPy's iterator sorts them (sortK) and no axis flipped, so that the
// walk visits the elements in the order NumPy's reductions do.
func (p *Plan) SimplifyK() {
	if p.Size == 0 {
		p.Rank = 0
		return
	}
	r := 0
	for a := range p.Rank {
		if p.Dim[a] == 1 {
			continue
		}
		p.moveTo(a, r)
		r++
	}
	p.Rank = r
	p.sortK()
	p.coalesce()
	if p.Rank == 0 {
		p.Rank = 1
		p.Dim[0] = 1
		for k := range p.NOp {
			p.St[k][0] = 0
		}
	}
}

// sortK is NumPy's axis ordering for iteration in K order
// (npyiter_find_best_axis_ordering), mirrored into C order: an insertion
// sort, from the innermost axis out, that moves an axis inward past every
// axis on which an operand has a larger |stride|. Only operands with
// nonzero strides on both axes take part; on a tie, or when operands
// disagree, C order wins; an axis on which no operand takes part is
// passed over, so broadcast (stride 0) axes do not decide.
func (p *Plan) sortK() {
	for i := p.Rank - 2; i >= 0; i-- {
		pos := i
		for j := i + 1; j < p.Rank; j++ {
			ambiguous, swap := true, false
			for k := range p.NOp {
				si, sj := p.St[k][i], p.St[k][j]
				if si == 0 || sj == 0 {
					continue
				}
				if layout.AbsInt(sj) <= layout.AbsInt(si) {
					swap = false
				} else if ambiguous {
					swap = true
				}
				ambiguous = false
			}
			if ambiguous {
				continue
			}
			if !swap {
				break
			}
			pos = j
		}
		for a := i; a < pos; a++ {
			p.swap(a, a+1)
		}
	}
}

// moveTo copies axis a to position r <= a (used when compacting).
func (p *Plan) moveTo(a, r int) {
	if a == r {
		return
	}
	p.Dim[r] = p.Dim[a]
	for k := range p.NOp {
		p.St[k][r] = p.St[k][a]
	}
}

// sortByDest sorts the axes by |destination stride| descending, stably
// (rule 4). Ranks are small, so an insertion sort does.
func (p *Plan) sortByDest() {
	for i := 1; i < p.Rank; i++ {
		for j := i; j > 0 && layout.AbsInt(p.St[0][j-1]) < layout.AbsInt(p.St[0][j]); j-- {
			p.swap(j-1, j)
		}
	}
}

// swap exchanges axes a and b.
func (p *Plan) swap(a, b int) {
	p.Dim[a], p.Dim[b] = p.Dim[b], p.Dim[a]
	for k := range p.NOp {
		p.St[k][a], p.St[k][b] = p.St[k][b], p.St[k][a]
	}
}

// Flip reverses axis a for every operand (rule 5).
func (p *Plan) Flip(a int) {
	n := p.Dim[a] - 1
	for k := range p.NOp {
		p.Base[k] += p.St[k][a] * n
		p.St[k][a] = -p.St[k][a]
	}
}

// coalesce merges adjacent axes that every operand steps through as one
// (rule 6). The products cannot overflow: every extent is at least 2 and
// each stride times (extent-1) lies inside its operand's data.
func (p *Plan) coalesce() {
	if p.Rank < 2 {
		return
	}
	out := 0 // the last axis kept
	for a := 1; a < p.Rank; a++ {
		if p.mergeable(out, a) {
			p.Dim[out] *= p.Dim[a]
			for k := range p.NOp {
				p.St[k][out] = p.St[k][a]
			}
			continue
		}
		out++
		p.moveTo(a, out)
	}
	p.Rank = out + 1
}

// mergeable reports whether inner axis i can merge into outer axis o for
// every operand.
func (p *Plan) mergeable(o, i int) bool {
	for k := range p.NOp {
		if p.St[k][i]*p.Dim[i] != p.St[k][o] {
			return false
		}
	}
	return true
}

// MoveAxis moves axis from to position to, shifting the axes between; the
// walk order changes, so only reorderable plans may call it.
func (p *Plan) MoveAxis(from, to int) {
	for ; from < to; from++ {
		p.swap(from, from+1)
	}
	for ; from > to; from-- {
		p.swap(from, from-1)
	}
}

// Inner returns the extent of the innermost axis and the stride of operand
// k along it.
func (p *Plan) Inner(k int) (n, stride int) {
	return p.Dim[p.Rank-1], p.St[k][p.Rank-1]
}

// Longest returns the axis of p with the largest extent (the outermost
// of equals): the axis the parallel path splits, so that every part keeps
// the shape of the kernel's blocks and the parts are even.
func (p *Plan) Longest() int {
	a := 0
	for k := 1; k < p.Rank; k++ {
		if p.Dim[k] > p.Dim[a] {
			a = k
		}
	}
	return a
}

// Split returns the part of p whose index along axis lies in [lo, hi):
// the unit of work of the parallel path.
func (p *Plan) Split(axis, lo, hi int) Plan {
	q := *p
	q.Dim[axis] = hi - lo
	q.Size = p.Size / p.Dim[axis] * (hi - lo)
	for k := range p.NOp {
		q.Base[k] += lo * p.St[k][axis]
	}
	return q
}

// equalStrides reports whether operands j and k have the same strides on
// every axis.
func (p *Plan) equalStrides(j, k int) bool {
	return slices.Equal(p.St[j][:p.Rank], p.St[k][:p.Rank])
}

// Walker steps the outer axes of a plan with an odometer, leaving the
// innermost inner axes to a kernel. After each successful next, off holds
// each operand's offset of the first element of the current block.
type Walker struct {
	outer int // axes stepped: p.rank - inner
	left  int // blocks not yet visited
	idx   [layout.MaxRank]int
	Off   [MaxOperands]int
	begun bool
}

// Walk returns a walker over the blocks formed by the innermost inner axes
// of p (inner is 1 for rows, 2 for tiles; it must not exceed p.rank).
// Declare the walker before its loop (w := p.Walk(1); for w.next(p) {…}):
// in a three-clause for statement Go gives each iteration its own copy of
// the loop variable, and copying a walker costs about as much as a short
// row.
func (p *Plan) Walk(inner int) Walker {
	w := Walker{outer: p.Rank - inner, Off: p.Base}
	if p.Size == 0 {
		return w
	}
	w.left = 1
	for a := range w.outer {
		w.left *= p.Dim[a]
	}
	return w
}

// Next moves to the Next block of p, the plan w was made from, and
// reports whether there is one.
func (w *Walker) Next(p *Plan) bool {
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
		if w.idx[a] < p.Dim[a] {
			for k := range p.NOp {
				w.Off[k] += p.St[k][a]
			}
			return true
		}
		w.idx[a] = 0
		for k := range p.NOp {
			w.Off[k] -= p.St[k][a] * (p.Dim[a] - 1)
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

// TileMinDim is the smallest extent of both axes of a square tile walk.
// From 16×16 up, tiles beat the strided loop at every size BenchmarkTile
// tries, in and out of the caches. A variable, so that tests can force
// tiles on small data.
var TileMinDim = 16

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
func (p *Plan) closestAxis(minDim int) int {
	q := -1
	best := layout.AbsInt(p.St[1][p.Rank-1])
	for a := range p.Rank - 1 {
		if s := layout.AbsInt(p.St[1][a]); s < best && p.Dim[a] >= minDim {
			q, best = a, s
		}
	}
	return q
}

// TileAxis returns the outer axis along which the source is closest, when
// it is closer than along the innermost axis and both axes are long enough
// to tile in squares; else -1.
func TileAxis(p *Plan) int {
	if p.Rank < 2 || p.Dim[p.Rank-1] < TileMinDim {
		return -1
	}
	return p.closestAxis(TileMinDim)
}

// TileSide returns the side of square tiles of the plane of the two
// innermost axes of the two-operand plan p, whose operands have elements
// of dsize and ssize bytes: the destination's rows lie along axis rank-2,
// the source's along the innermost axis. Rows a multiple of 4 KiB apart
// fall into one set of an L1 cache and evict each other, so their tiles
// are smaller. BenchmarkTile measures the sides.
func (p *Plan) TileSide(dsize, ssize int) int {
	r := p.Rank
	rowBytes := max(layout.AbsInt(p.St[0][r-2])*dsize, layout.AbsInt(p.St[1][r-1])*ssize)
	switch {
	case max(dsize, ssize) > 8:
		return 16
	case rowBytes%4096 == 0:
		return 16
	}
	return 64
}

// RowTiles prepares the simplified two-operand plan p, with elements of
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
func (p *Plan) RowTiles(dsize, ssize int) (th, tw int) {
	p.TH, p.TW = p.chooseTiles(dsize, ssize)
	return p.TH, p.TW
}

// chooseTiles is rowTiles without recording its choice.
func (p *Plan) chooseTiles(dsize, ssize int) (th, tw int) {
	r := p.Rank
	if r < 2 {
		return 0, 0
	}
	if p.Dim[r-1] < TileMinDim {
		if p.Dim[r-2] < TileMinDim {
			return 0, 0
		}
		p.swap(r-2, r-1)
		return p.Dim[r-2], p.stripWidth(dsize, ssize)
	}
	if layout.AbsInt(p.St[1][r-1]) < 2 {
		return 0, 0 // contiguous, reversed or repeated rows: nothing to reuse
	}
	q := p.closestAxis(2)
	if q < 0 {
		return 0, 0
	}
	p.MoveAxis(q, r-2)
	if p.Dim[r-2] < TileMinDim {
		return p.Dim[r-2], p.stripWidth(dsize, ssize)
	}
	b := p.TileSide(dsize, ssize)
	return b, b
}

// stripWidth returns the row length of strips of p: rows that span about
// stripBytes in the operand whose elements lie furthest apart along them,
// and at least tileBlock elements.
func (p *Plan) stripWidth(dsize, ssize int) int {
	_, ds := p.Inner(0)
	_, ss := p.Inner(1)
	span := max(layout.AbsInt(ds)*dsize, layout.AbsInt(ss)*ssize, 1)
	return max(tileBlock, stripBytes/span)
}

// TileWalker steps through the plane of the two innermost axes of a plan,
// under every index of the outer axes, in bands: th rows (along axis
// rank-2; fewer at the far edge) by up to a block's width of columns,
// which the kernel cuts into tiles of tw columns. Bands are visited in
// blocks of about tileBlock×tileBlock elements (whole tiles), so that the
// rows of a block stay in L2 and in the TLB while its tiles are walked.
// After each successful next, off holds each operand's offset of the
// band's first element, h its rows and w its columns.
type TileWalker struct {
	Off    [MaxOperands]int
	H, W   int
	i      int // the band's first row
	bi, bj int // the block's first row and column
	m, n   int // the plane's extents
	th     int // rows per band
	bh, bw int // block extents
	outer  Walker
}

// WalkTiles returns a tileWalker over the th×tw tiles of p, which has at
// least two axes.
func (p *Plan) WalkTiles(th, tw int) TileWalker {
	r := p.Rank
	t := TileWalker{outer: p.Walk(2), th: th, m: p.Dim[r-2], n: p.Dim[r-1]}
	t.bh, t.bw = max(th, tileBlock/th*th), max(tw, tileBlock/tw*tw)
	t.bi, t.bj, t.i = t.m, t.n, t.m // past the last band: the first next starts a plane
	return t
}

// Next moves to the Next band of p, the plan t was made from, and reports
// whether there is one.
func (t *TileWalker) Next(p *Plan) bool {
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
		if !t.outer.Next(p) || t.m == 0 || t.n == 0 {
			return false
		}
		t.bi, t.bj, t.i = 0, 0, 0
	}
	r := p.Rank
	for k := range p.NOp {
		t.Off[k] = t.outer.Off[k] + t.i*p.St[k][r-2] + t.bj*p.St[k][r-1]
	}
	t.H, t.W = min(t.th, t.m-t.i), min(t.bw, t.n-t.bj)
	return true
}

// EachRow calls fn for every row of p (its innermost axis), or, when
// rowTiles chose tiles, for every row of every tile (tileWalker), with each
// operand's offset of the row's first element and the row's length. The
// elements of a row follow the innermost strides (inner).
func (p *Plan) EachRow(fn func(off [MaxOperands]int, n int)) {
	if p.TH == 0 {
		n := p.Dim[p.Rank-1]
		if p.Rank == 1 { // one row: no walker to set up
			fn(p.Base, n)
			return
		}
		w := p.Walk(1)
		for w.Next(p) {
			fn(w.Off, n)
		}
		return
	}
	r, tw := p.Rank, p.TW
	t := p.WalkTiles(p.TH, tw)
	for t.Next(p) {
		for j := 0; j < t.W; j += tw {
			off := t.Off
			for k := range p.NOp {
				off[k] += j * p.St[k][r-1]
			}
			for range t.H {
				fn(off, min(tw, t.W-j))
				for k := range p.NOp {
					off[k] += p.St[k][r-2]
				}
			}
		}
	}
}

// ExtentOf returns the lowest and highest element offsets a valid layout
// with elements reaches (semantics.md L4); the view invariants rule out
// overflow.
func ExtentOf(off int, shape, strides []int) (lo, hi int) {
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

// SameLayout reports whether two layouts of one shape step through memory
// identically: equal strides on every axis of extent above 1.
func SameLayout(shape, a, b []int) bool {
	for i, n := range shape {
		if n > 1 && a[i] != b[i] {
			return false
		}
	}
	return true
}

// SwapOperands exchanges operands j and k of p.
func (p *Plan) SwapOperands(j, k int) {
	p.St[j], p.St[k] = p.St[k], p.St[j]
	p.Base[j], p.Base[k] = p.Base[k], p.Base[j]
}
