package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/mem"

// The random-layout generator shared by every property test of the
// package. randomLayout draws the numbers of a view (shape, strides,
// offset, buffer length, read-only flag) and the recipe that builds it;
// layoutView builds the view over a buffer by that recipe, through the
// package's own constructors and view operations, and checks that the
// result has the layout the generator worked out for itself.
//
// One draw can give any of these corners, each often enough that a few
// hundred draws meet them all (TestRandomLayout counts them):
//
//   - ranks 0 to 6 by default: 0-d views, inline layouts (rank up to
//     layout.InlineRank) and heap-stored ones (higher ranks); the parent a
//     view is sliced from may have a higher rank than the view itself;
//   - C- and F-contiguous views, transposed ones, slices with steps of
//     either sign (negative strides), gaps between rows, views that start
//     inside their buffer (an offset), axes of extent 1 with any stride,
//     axes of extent 0 (empty views);
//   - every way the package makes a view (layoutMode): FromSlice, Wrap and
//     the zero NDView; FromBytes and Cast over the bytes of a buffer;
//     BroadcastTo (zero strides, read-only); AsReadOnly; FromString; and
//     Wrap or AsStrided with arbitrary strides, where two indices may reach
//     one element (read-only). Package npy adds one more storage mode,
//     views of memory-mapped files; they are views of bytes like
//     modeBytes, and npy's own tests cover the mapping.
//
// Draws depend only on the *rand.Rand, so a seeded math/rand/v2 source
// gives the same layouts on every run.

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// layoutMode is how the generator builds a view: which constructor makes
// the view of the buffer, and so how the view stores and guards its data.
type layoutMode uint8

const (
	// modeSlice: FromSlice over the buffer, then Reshape, Slice (or Index)
	// and Transpose; now and then Wrap of the numbers instead, or the zero
	// NDView for shape (0,). Writable.
	modeSlice layoutMode = iota
	// modeBytes: FromBytes, or Cast of a byte view, over the bytes of the
	// buffer, then as modeSlice (or AsStrided). Writable.
	modeBytes
	// modeBroadcast: a modeSlice or modeBytes view of a smaller shape
	// broadcast by BroadcastTo, with a zero stride on an axis longer than
	// 1 whenever the shape has one. Read-only.
	modeBroadcast
	// modeReadOnly: a modeSlice view made read-only by AsReadOnly, before
	// or after the view operations. Read-only.
	modeReadOnly
	// modeString: for byte views, FromString over a string holding the
	// buffer's bytes, then as modeSlice; other element types have no
	// string constructor and are built as modeReadOnly. Read-only.
	modeString
	// modeStrided: Wrap, or AsStrided of a FromSlice or FromBytes view,
	// with every stride drawn from [-7, 7], so that two indices may reach
	// one element, or (one time in 3, and always for Writable) strides of
	// axes nested in a random order that never overlap; read-only exactly
	// when Wrap says two indices might reach one element
	// (layout.MayOverlap).
	modeStrided
	numModes
)

var modeNames = [numModes]string{"slice", "bytes", "broadcast", "readonly", "string", "strided"}

func (m layoutMode) String() string { return modeNames[m] }

// modeSet is a set of layoutModes; the zero set means every mode.
type modeSet uint8

// modes returns the set of the given modes.
func modes(ms ...layoutMode) modeSet {
	var s modeSet
	for _, m := range ms {
		s |= 1 << m
	}
	return s
}

func (s modeSet) has(m layoutMode) bool { return s&(1<<m) != 0 }

// Modes that give writable views, and read-only ones; modeStrided gives
// either.
var (
	writableModes = modes(modeSlice, modeBytes, modeStrided)
	readOnlyModes = modes(modeBroadcast, modeReadOnly, modeString, modeStrided)
)

// Defaults of layoutOpts.
const (
	defaultMaxRank   = 6
	defaultMaxExtent = 5
	defaultMaxSize   = 512
)

// layoutOpts says which layouts randomLayout may draw. The zero value
// allows every corner, with ranks up to 6, extents up to 5 and at most 512
// elements.
type layoutOpts struct {
	// Shape, when not nil, is the shape of every layout ([]int{} asks for
	// 0-d views); MinRank, MaxRank, MaxExtent, MaxSize and NonEmpty are
	// then ignored.
	Shape []int
	// MinRank and MaxRank bound the rank, drawn uniformly between them;
	// MaxRank 0 means 6, which gives both inline and heap-stored layouts.
	MinRank, MaxRank int
	// MaxExtent bounds every extent, drawn uniformly from 1 to MaxExtent;
	// one shape in 10 also has extents of 0. MaxExtent 0 means 5.
	MaxExtent int
	// MaxSize bounds the number of elements: extents are lowered at
	// random until the shape holds at most MaxSize. 0 means 512; a
	// negative MaxSize sets no bound.
	MaxSize int
	// NonEmpty leaves out extent 0, so that every view has elements.
	NonEmpty bool
	// Writable asks for writable views only: modes slice and bytes, and
	// strided layouts where no two indices can reach one element.
	Writable bool
	// ReadOnly asks for read-only views only: modes broadcast, readonly,
	// string, and strided layouts that may overlap.
	ReadOnly bool
	// Modes, when not zero, restricts the modes drawn (see modes). A
	// mode that contradicts Writable or ReadOnly is never drawn.
	Modes modeSet
}

// testLayout is one drawn layout: element idx of its view is buf[Off +
// Σ idx[k]·Strides[k]] for the buffer buf of N elements the view is built
// over, and every element it reaches lies in buf[0:N] (the bounds
// invariant). Where the numbers mean nothing (the stride of an axis of
// extent 1, the offset of a view without elements) the built view may hold
// other ones; everywhere else it holds exactly these.
type testLayout struct {
	Mode     layoutMode
	N        int   // the length of the buffer, in elements
	Off      int   // the buffer index of element (0, …, 0); in [0, N] when empty
	Shape    []int // the view's shape
	Strides  []int // the view's strides, in elements
	ReadOnly bool  // whether the view refuses writes

	rc recipe // how layoutView builds the view
}

// route is how a recipe lays out its view.
type route uint8

const (
	routeOps     route = iota // Reshape of a 1-D slice, then Slice or Index, then Transpose
	routeStrided              // Wrap of the numbers, or AsStrided of a slice of the 1-D view
	routeZero                 // the zero NDView
)

// recipe records every random choice of a draw that layoutView needs, so
// that building a view takes no randomness and a layout can be built
// again, over other buffers.
type recipe struct {
	route     route
	fromBytes bool  // the 1-D view of the buffer is a view of its bytes
	cast      bool  // fromBytes: Cast of a byte view, not FromBytes
	wrap      bool  // routeStrided: Wrap, not AsStrided
	roFirst   bool  // modeReadOnly: AsReadOnly before the view operations
	useIndex  bool  // routeOps: Index with the items written out, not Slice
	base      int   // routeOps: the first buffer element of the parent
	parent    []int // routeOps: the C-contiguous parent's shape
	items     []IndexItem
	perm      []int // routeOps: the Transpose after slicing
	off       int   // routeStrided: the offset given to Wrap or AsStrided
	shape     []int // the shape sliced or wrapped: the source of a broadcast
	strides   []int // routeStrided: the strides given to Wrap or AsStrided
	newAxes   int   // routeOps: NewAxis items among items
	extraAxes int   // routeOps: parent axes removed by an integer item
}

// randomShape draws a shape as o says (see layoutOpts).
func randomShape(r *rand.Rand, o layoutOpts) []int {
	if o.Shape != nil {
		return slices.Clone(o.Shape)
	}
	maxRank := cmp.Or(o.MaxRank, defaultMaxRank)
	maxExt := cmp.Or(o.MaxExtent, defaultMaxExtent)
	maxSize := cmp.Or(o.MaxSize, defaultMaxSize)
	if o.MinRank > maxRank || maxRank > MaxRank {
		panic(fmt.Sprintf("randomShape: ranks %d to %d", o.MinRank, maxRank))
	}
	shape := make([]int, o.MinRank+r.IntN(maxRank-o.MinRank+1))
	for i := range shape {
		shape[i] = 1 + r.IntN(maxExt)
	}
	for len(shape) > 0 && !o.NonEmpty && r.IntN(10) == 0 {
		shape[r.IntN(len(shape))] = 0 // an empty view, now and then with more zeros
	}
	for maxSize > 0 && shapeProduct(shape) > maxSize {
		if i := r.IntN(len(shape)); shape[i] > 1 {
			shape[i] = 1 + r.IntN(shape[i]-1)
		}
	}
	return shape
}

// randomLayout draws a layout as o says (see layoutOpts and the comment
// at the top of this file). It panics when o cannot be met.
func randomLayout(r *rand.Rand, o layoutOpts) testLayout {
	if o.Writable && o.ReadOnly {
		panic("randomLayout: Writable and ReadOnly together")
	}
	allowed := modeSet(1<<numModes - 1)
	if o.Modes != 0 {
		allowed = o.Modes
	}
	if o.Writable {
		allowed &= writableModes
	}
	if o.ReadOnly {
		allowed &= readOnlyModes
	}
	// Weights: views of slices are the most common in practice.
	weights := [numModes]int{modeSlice: 4, modeBytes: 2, modeBroadcast: 2, modeReadOnly: 1, modeString: 1, modeStrided: 2}
	total := 0
	for m := range numModes {
		if allowed.has(m) {
			total += weights[m]
		}
	}
	if total == 0 {
		panic(fmt.Sprintf("randomLayout: no mode satisfies %+v", o))
	}
	shape := randomShape(r, o)
	for try := range 100 {
		if try%20 == 19 {
			shape = randomShape(r, o) // a strided layout cannot meet o on this shape
		}
		x, mode := r.IntN(total), layoutMode(0)
		for m := range numModes {
			if allowed.has(m) {
				if x -= weights[m]; x < 0 {
					mode = m
					break
				}
			}
		}
		l := testLayout{Mode: mode, Shape: shape}
		switch mode {
		case modeStrided:
			l.drawStrided(r, o.Writable || r.IntN(3) == 0)
			if o.Writable && l.ReadOnly || o.ReadOnly && !l.ReadOnly {
				continue // draw again
			}
		case modeBroadcast:
			src := broadcastSource(r, shape, true)
			l.drawSliced(r, src)
			l.broadcast(shape)
		default:
			l.drawSliced(r, shape)
			l.ReadOnly = mode == modeReadOnly || mode == modeString
			if mode == modeReadOnly {
				l.rc.roFirst = r.IntN(2) == 0
			}
		}
		return l
	}
	panic(fmt.Sprintf("randomLayout: no layout of shape %v satisfies %+v", shape, o))
}

// srcAxis is the plan of one axis of a sliced view: the parent axis it
// comes from and how that axis is sliced.
type srcAxis struct {
	n       int  // the extent in the view
	step    int  // the slice's step (the stride is the parent's times it)
	first   int  // the parent index of the axis's first element
	ext     int  // the parent axis's extent
	newAxis bool // made by NewAxis, not taken from the parent
}

// drawSliced draws a view of shape sh sliced from a C-contiguous parent
// that lies in the buffer after a few padding elements, and sets l's
// numbers and recipe (routeOps), or the same numbers given to Wrap or
// AsStrided (routeStrided), or the zero NDView (routeZero).
func (l *testLayout) drawSliced(r *rand.Rand, sh []int) {
	rc := &l.rc
	rc.shape = slices.Clone(sh)
	if l.Mode == modeSlice && slices.Equal(sh, []int{0}) && r.IntN(2) == 0 {
		rc.route = routeZero
		l.Off, l.Strides, l.N = 0, []int{0}, 0
		return
	}
	rc.fromBytes = l.Mode == modeBytes || l.Mode == modeBroadcast && r.IntN(2) == 0
	rc.cast = rc.fromBytes && r.IntN(2) == 0
	k := len(sh)
	const (
		styleC = iota
		styleF
		styleAny
	)
	style := styleAny
	switch x := r.IntN(8); {
	case x < 2:
		style = styleC
	case x < 3:
		style = styleF
	}
	axes := make([]srcAxis, k)
	for a, n := range sh {
		ax := srcAxis{n: n, step: 1, ext: n}
		if style == styleAny {
			ax.step = []int{1, 1, 2, 3, -1, -1, -2, -3}[r.IntN(8)]
			lead, gap := r.IntN(2), r.IntN(2)
			switch {
			case n == 1 && r.IntN(4) == 0:
				ax.newAxis = true
			case n == 0:
				ax.ext = r.IntN(3)
				ax.first = r.IntN(ax.ext + 1)
			case ax.step > 0:
				ax.first = lead
				ax.ext = lead + (n-1)*ax.step + 1 + gap
			default: // lead elements after the last one
				ax.first = lead + (n-1)*-ax.step
				ax.ext = ax.first + 1 + gap
			}
		}
		axes[a] = ax
	}
	// Parent axes that an integer item removes.
	var extra []srcAxis
	if style == styleAny && r.IntN(4) == 0 {
		for range 1 + r.IntN(2) {
			e := 1 + r.IntN(3)
			extra = append(extra, srcAxis{ext: e, first: r.IntN(e)})
		}
	}
	// Keep the parent within a few times the view's size: tighten axes,
	// then drop the extra ones.
	parentSize := func() int {
		p := 1
		for _, ax := range slices.Concat(axes, extra) {
			if !ax.newAxis {
				p *= ax.ext
			}
		}
		return p
	}
	limit := 4*shapeProduct(nonZero(sh)) + 64
	for parentSize() > limit {
		loose := []int{}
		for a, ax := range axes {
			if !ax.newAxis && ax.ext > ax.n {
				loose = append(loose, a)
			}
		}
		if len(loose) == 0 {
			extra = extra[:len(extra)-1]
			continue
		}
		ax := &axes[loose[r.IntN(len(loose))]]
		// An empty axis's parent extent may exceed its 0 too: with
		// several of them and no extra axis left to drop, the loop
		// would otherwise have nothing to tighten.
		if ax.step > 0 || ax.n == 0 {
			ax.step, ax.first = 1, 0
		} else {
			ax.step, ax.first = -1, ax.n-1
		}
		ax.ext = ax.n
	}
	// The parent's axes, outermost first: indices into axes, then extra
	// axes as k, k+1, …
	var order []int
	for a, ax := range axes {
		if !ax.newAxis {
			order = append(order, a)
		}
	}
	for i := range extra {
		order = append(order, k+i)
	}
	switch style {
	case styleF:
		slices.Reverse(order)
	case styleAny:
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	at := func(id int) *srcAxis {
		if id < k {
			return &axes[id]
		}
		return &extra[id-k]
	}
	rc.parent = make([]int, len(order))
	for p, id := range order {
		rc.parent[p] = at(id).ext
	}
	cs := cStrides(rc.parent)
	pad0, pad1 := r.IntN(3), r.IntN(3)
	rc.base = pad0
	l.N = pad0 + shapeProduct(rc.parent) + pad1
	l.Off = pad0
	l.Strides = make([]int, k)
	// The items in parent order, NewAxis items at random places among
	// them, and which view axis each resulting axis is.
	var outAxes []int
	rc.items = rc.items[:0]
	pending := []int{}
	for a, ax := range axes {
		if ax.newAxis {
			pending = append(pending, a)
		}
	}
	r.Shuffle(len(pending), func(i, j int) { pending[i], pending[j] = pending[j], pending[i] })
	emitNew := func(all bool) {
		for len(pending) > 0 && (all || r.IntN(3) == 0) {
			rc.items = append(rc.items, NewAxis)
			outAxes = append(outAxes, pending[0])
			pending = pending[1:]
			rc.newAxes++
		}
	}
	for p, id := range order {
		emitNew(false)
		ax := at(id)
		if id >= k {
			i := ax.first
			if r.IntN(2) == 0 {
				i -= ax.ext // counted from the end
			}
			rc.items = append(rc.items, Int(i))
			rc.extraAxes++
			l.Off += ax.first * cs[p]
			continue
		}
		rc.items = append(rc.items, drawSliceItem(r, ax))
		outAxes = append(outAxes, id)
		l.Off += ax.first * cs[p]
		l.Strides[id] = ax.step * cs[p]
	}
	emitNew(true)
	rc.perm = make([]int, k)
	for i, a := range outAxes {
		rc.perm[a] = i
	}
	rc.useIndex = r.IntN(4) == 0
	if shapeProduct(sh) == 0 {
		l.Off = pad0 // the slices keep the offset of the first empty axis; any offset in range will do
	}
	// Now and then the same numbers go to Wrap or AsStrided, with any
	// stride on axes of extent 1 and any offset in range for an empty
	// view.
	if l.Mode != modeString && r.IntN(4) == 0 {
		rc.route = routeStrided
		rc.wrap = l.Mode == modeSlice && r.IntN(2) == 0
		for a, n := range sh {
			if n == 1 {
				l.Strides[a] = r.IntN(201) - 100
			}
		}
		if shapeProduct(sh) == 0 {
			l.Off = r.IntN(l.N + 1)
		}
		rc.off, rc.strides = l.Off, slices.Clone(l.Strides)
	}
}

// drawSliceItem returns a slice item that takes ax.n elements, ax.step apart,
// from ax.first of a parent axis of extent ax.ext, spelled in one of the
// ways NumPy allows.
func drawSliceItem(r *rand.Rand, ax *srcAxis) IndexItem {
	n, s, f, e := ax.n, ax.step, ax.first, ax.ext
	switch {
	case n == 0:
		return Range(f, f).By(s)
	case s == 1 && f == 0 && n == e && r.IntN(2) == 0:
		return Colon()
	case s > 0:
		start := f
		if r.IntN(4) == 0 {
			start -= e // counted from the end
		}
		stop := f + (n-1)*s + 1
		if stop == e && r.IntN(2) == 0 {
			return From(start).By(s)
		}
		return Range(start, stop).By(s)
	}
	last := f - (n-1)*-s
	if last == 0 {
		if f == e-1 && r.IntN(2) == 0 {
			return Step(s)
		}
		return From(f).By(s)
	}
	return Range(f, last-1).By(s)
}

// broadcastSource returns a shape that broadcasts to shape under
// BroadcastTo: one time in 4 some leading axes dropped, and each extent
// replaced by 1 one time in 4. With force, at least one axis longer than 1
// is broadcast whenever shape has one, so that a zero stride matters.
func broadcastSource(r *rand.Rand, shape []int, force bool) []int {
	lead := 0
	if r.IntN(4) == 0 {
		lead = r.IntN(len(shape) + 1)
	}
	src := slices.Clone(shape[lead:])
	for i := range src {
		if r.IntN(4) == 0 {
			src[i] = 1
		}
	}
	if !force {
		return src
	}
	var long []int
	for a, n := range shape {
		if n > 1 {
			if a < lead || src[a-lead] == 1 {
				return src
			}
			long = append(long, a)
		}
	}
	if len(long) > 0 {
		src[long[r.IntN(len(long))]-lead] = 1
	}
	return src
}

// broadcastShapeFor returns a random source shape that broadcasts to
// shape under W1 (CopyFrom and the element-wise operations): a
// broadcastSource, or one time in 4 that with extent-1 axes added in
// front.
func broadcastShapeFor(r *rand.Rand, shape []int) []int {
	src := broadcastSource(r, shape, false)
	if r.IntN(4) == 0 {
		src = append(slices.Repeat([]int{1}, 1+r.IntN(2)), src...)
	}
	return src
}

// broadcast turns l, the layout of the source rc.shape, into the layout of
// its broadcast to shape.
func (l *testLayout) broadcast(shape []int) {
	src := l.rc.shape
	lead := len(shape) - len(src)
	st := make([]int, len(shape))
	for a := lead; a < len(shape); a++ {
		if src[a-lead] != 1 {
			st[a] = l.Strides[a-lead]
		}
	}
	l.Strides = st
	l.ReadOnly = true
}

// drawStrided draws strides for l.Shape, each in [-7, 7] or, when
// disjoint, such that no two indices reach one element, and places the
// layout in a buffer with a little padding on both sides.
func (l *testLayout) drawStrided(r *rand.Rand, disjoint bool) {
	rc := &l.rc
	rc.route = routeStrided
	rc.wrap = r.IntN(2) == 0
	rc.fromBytes = !rc.wrap && r.IntN(2) == 0 // AsStrided of a view of bytes
	rc.cast = rc.fromBytes && r.IntN(2) == 0
	rc.shape = slices.Clone(l.Shape)
	l.Strides = make([]int, len(l.Shape))
	if disjoint {
		// Axes nested in a random order, each stride 1 to 3 times the
		// span of the axes inside it, plus a gap, and of either sign.
		unit := 1
		for _, a := range r.Perm(len(l.Shape)) {
			step := 1 + r.IntN(3)
			l.Strides[a] = unit * step
			if r.IntN(3) == 0 {
				l.Strides[a] = -l.Strides[a]
			}
			unit *= max(l.Shape[a], 1)*step + r.IntN(2)
		}
	} else {
		for a := range l.Shape {
			l.Strides[a] = r.IntN(15) - 7
		}
	}
	lo, hi := 0, 0
	for a, n := range l.Shape {
		s := l.Strides[a]
		if n > 0 {
			if d := s * (n - 1); d < 0 {
				lo += d
			} else {
				hi += d
			}
		}
	}
	l.Off = -lo + r.IntN(3)
	l.N = l.Off + hi + 1 + r.IntN(3)
	if shapeProduct(l.Shape) == 0 {
		l.Off = r.IntN(l.N + 1)
	}
	rc.off, rc.strides = l.Off, slices.Clone(l.Strides)
	l.ReadOnly = layout.MayOverlap(l.Shape, l.Strides)
}

// cStrides returns the C-contiguous strides of shape, an extent of 0
// counting as 1 (semantics.md L6): the strides FromSlice and Reshape give.
func cStrides(shape []int) []int {
	st := make([]int, len(shape))
	unit := 1
	for k := len(shape) - 1; k >= 0; k-- {
		st[k] = unit
		unit *= max(shape[k], 1)
	}
	return st
}

// nonZero returns shape with extents of 0 counted as 1.
func nonZero(shape []int) []int {
	out := slices.Clone(shape)
	for i, n := range out {
		out[i] = max(n, 1)
	}
	return out
}

// String describes the layout and its recipe, for failure messages.
func (l testLayout) String() string {
	rc := &l.rc
	var b strings.Builder
	fmt.Fprintf(&b, "%s layout: shape %v strides %v off %d over %d elements", l.Mode, l.Shape, l.Strides, l.Off, l.N)
	if l.ReadOnly {
		b.WriteString(", read-only")
	}
	switch rc.route {
	case routeZero:
		b.WriteString("; the zero NDView")
	case routeStrided:
		how := "AsStrided"
		if rc.wrap {
			how = "Wrap"
		}
		fmt.Fprintf(&b, "; %s(off %d, shape %v, strides %v)", how, rc.off, rc.shape, rc.strides)
	case routeOps:
		items := make([]string, len(rc.items))
		for i, it := range rc.items {
			items[i] = it.String()
		}
		fmt.Fprintf(&b, "; Slice(%d…).Reshape%v[%s].Transpose%v", rc.base, rc.parent, strings.Join(items, ", "), rc.perm)
	}
	if l.Mode == modeBroadcast {
		fmt.Fprintf(&b, ".BroadcastTo%v", l.Shape)
	}
	return b.String()
}

// layoutView builds l's view over buf, which must hold l.N elements, and
// panics unless it has l's layout. The view shares buf (writes through
// either are seen through the other), except in modeString, where it reads
// a string holding buf's bytes as they were when it was built.
//
// modeBytes, and modeBroadcast and modeStrided when they take the bytes
// route, need a T that FromBytes accepts (no pointers, no bools, size > 0);
// ask for other modes (layoutOpts.Modes) for other element types.
func layoutView[T any](l testLayout, buf []T) NDView[T] {
	if len(buf) != l.N {
		panic(fmt.Sprintf("layoutView: a buffer of %d elements for %v", len(buf), l))
	}
	v, err := buildView(l, buf)
	if err == nil {
		err = layoutMismatch(l, v, buf)
	}
	if err != nil {
		panic(fmt.Sprintf("layoutView: %v: %v", l, err))
	}
	return v
}

// buildView follows l's recipe over buf.
func buildView[T any](l testLayout, buf []T) (v NDView[T], err error) {
	rc := &l.rc
	if rc.route == routeZero {
		return NDView[T]{}, nil
	}
	// The 1-D view of all of buf, by the mode's constructor.
	var all NDView[T]
	bs, isBytes := any(buf).([]byte)
	switch {
	case l.Mode == modeString && isBytes:
		all = any(FromString(string(bs))).(NDView[T])
	case rc.fromBytes && rc.cast:
		var raw NDView[byte]
		if raw, err = FromSlice(mem.Bytes(buf)); err == nil {
			all, err = Cast[T](raw)
		}
	case rc.fromBytes:
		all, err = FromBytes[T](mem.Bytes(buf))
	default:
		all, err = FromSlice(buf)
	}
	if err != nil {
		return v, err
	}
	readOnly := l.Mode == modeReadOnly || l.Mode == modeString && !isBytes
	if readOnly && rc.roFirst {
		all = all.AsReadOnly()
	}
	switch rc.route {
	case routeStrided:
		if rc.wrap {
			v, err = Wrap(buf, rc.off, rc.shape, rc.strides)
		} else {
			v, err = all.Slice(From(rc.off)).AsStrided(rc.shape, rc.strides)
		}
	case routeOps:
		v, err = all.Slice(Range(rc.base, rc.base+shapeProduct(rc.parent))).Reshape(rc.parent...)
		if err != nil {
			return v, err
		}
		if rc.useIndex {
			expr := make([]string, len(rc.items))
			for i, it := range rc.items {
				expr[i] = it.String()
			}
			v, err = v.Index(strings.Join(expr, ", "))
		} else {
			v = v.Slice(rc.items...)
		}
		if err == nil {
			v = v.Transpose(rc.perm...)
		}
	}
	if err != nil {
		return v, err
	}
	if l.Mode == modeBroadcast {
		v, err = v.BroadcastTo(l.Shape...)
	}
	if readOnly && (!rc.roFirst || rc.route == routeStrided && rc.wrap) {
		v = v.AsReadOnly()
	}
	return v, err
}

// layoutMismatch reports how v, built over buf by l's recipe, differs
// from l: its shape, the strides of its axes longer than 1, its offset
// when it has elements, its read-only flag, and its data, which must be
// all of buf (for modeString, as long as buf).
func layoutMismatch[T any](l testLayout, v NDView[T], buf []T) error {
	sh, st := v.Shape(), v.Strides()
	if !slices.Equal(sh, l.Shape) {
		return fmt.Errorf("built with shape %v", sh)
	}
	for a, n := range sh {
		if n > 1 && st[a] != l.Strides[a] {
			return fmt.Errorf("built with strides %v", st)
		}
	}
	if v.Size() > 0 && v.Offset() != l.Off {
		return fmt.Errorf("built with offset %d", v.Offset())
	}
	if v.ReadOnly() != l.ReadOnly {
		return fmt.Errorf("built with ReadOnly() %v", v.ReadOnly())
	}
	if len(v.data) != l.N {
		return fmt.Errorf("built over %d elements", len(v.data))
	}
	if _, isBytes := any(buf).([]byte); l.N > 0 && !(l.Mode == modeString && isBytes) && mem.Addr(v.data) != mem.Addr(buf) {
		return fmt.Errorf("built over other memory than the buffer")
	}
	return nil
}

// guarded builds l's view over a new buffer of guard values (guardValue),
// and returns the buffer and the view.
func (l testLayout) guarded() ([]int, NDView[int]) {
	buf := newGuarded(l.N)
	return buf, layoutView(l, buf)
}

// The helpers below keep the signatures the element-wise and reduction
// tests (ufunc_test.go, reduce_test.go) were written against; they draw
// from randomLayout.

// randShape returns a random shape of rank 0 to maxRank with extents up
// to maxExtent, of any size (randomShape).
func randShape(r *rand.Rand, maxRank, maxExtent int) []int {
	if maxRank == 0 {
		return []int{}
	}
	return randomShape(r, layoutOpts{MaxRank: maxRank, MaxExtent: maxExtent, MaxSize: -1})
}

// randLayout returns the numbers of a random writable layout of shape:
// its offset and strides over elements [0, need) of a buffer.
func randLayout(r *rand.Rand, shape []int) (off int, strides []int, need int) {
	l := randomLayout(r, layoutOpts{Shape: shape, Writable: true})
	return l.Off, l.Strides, l.N
}

// randView returns a writable view of shape with a random layout over a
// new guarded buffer, and the buffer.
func randView(r *rand.Rand, shape []int) ([]int, NDView[int]) {
	return randomLayout(r, layoutOpts{Shape: shape, Writable: true}).guarded()
}

// counting returns [1, 2, …, n]: distinct positive values, unlike the
// guard values, for the buffers of source views.
func counting(n int) []int {
	d := make([]int, n)
	for i := range d {
		d[i] = i + 1
	}
	return d
}

// Tests of the generator itself.

// checkLayoutBounds requires every element of v, built from l over buf, to
// lie inside buf by the offset formula over l's numbers and over the view's
// own, to be read from there, and, for a writable view, to be reached by
// one index only. For an empty view it requires l.Off in [0, N].
func checkLayoutBounds[T comparable](t *testing.T, l testLayout, v NDView[T], buf []T) {
	t.Helper()
	if shapeProduct(l.Shape) == 0 {
		require.True(t, l.Off >= 0 && l.Off <= l.N, "%v: the offset of an empty layout is outside [0, N]", l)
		return
	}
	seen := map[int]bool{}
	off, st := v.Offset(), v.Strides()
	forEachIndex(l.Shape, func(idx []int) {
		p := refOffset(l.Off, l.Strides, idx)
		if p < 0 || p >= l.N {
			require.Failf(t, "outside the buffer", "%v: element %v at buf[%d]", l, idx, p)
		}
		if q := refOffset(off, st, idx); q != p {
			require.Failf(t, "offsets differ", "%v: element %v at %d by the view's numbers, %d by the layout's", l, idx, q, p)
		}
		if v.At(idx...) != buf[p] {
			require.Failf(t, "element differs", "%v: At%v = %v, buf[%d] = %v", l, idx, v.At(idx...), p, buf[p])
		}
		if !l.ReadOnly && seen[p] {
			require.Failf(t, "writable overlap", "%v: element %v shares buf[%d] with another index", l, idx, p)
		}
		seen[p] = true
	})
	if l.ReadOnly || l.Mode != modeStrided {
		return
	}
	// A writable strided layout: every element can be written, and the
	// write lands where the formula says.
	idx := make([]int, len(l.Shape))
	for i, n := range l.Shape {
		idx[i] = n - 1
	}
	p := refOffset(l.Off, l.Strides, idx)
	old := buf[p]
	var z T
	v.Set(z, idx...)
	require.Equal(t, z, buf[p], "%v: Set of the last element", l)
	buf[p] = old
}

// layoutCorners names what a layout shows, for TestRandomLayout to count.
func layoutCorners(l testLayout) []string {
	rc := &l.rc
	size := shapeProduct(l.Shape)
	nd := len(l.Shape)
	var out []string
	add := func(ok bool, name string) {
		if ok {
			out = append(out, name)
		}
	}
	add(true, "mode "+l.Mode.String())
	add(nd == 0, "rank 0")
	add(nd >= 1 && nd <= layout.InlineRank, "inline rank")
	add(nd > layout.InlineRank, "heap rank")
	add(size == 0, "empty")
	add(rc.route == routeZero, "zero NDView")
	add(rc.route == routeStrided && rc.wrap, "Wrap")
	add(rc.route == routeStrided && !rc.wrap, "AsStrided")
	add(rc.route == routeOps && rc.useIndex, "Index")
	add(rc.route == routeOps && !rc.useIndex, "Slice")
	add(rc.fromBytes && rc.cast, "Cast")
	add(rc.fromBytes && !rc.cast, "FromBytes")
	add(l.Mode == modeReadOnly && rc.roFirst, "AsReadOnly first")
	add(rc.newAxes > 0, "NewAxis")
	add(rc.extraAxes > 0, "integer index")
	add(l.ReadOnly, "read-only")
	add(!l.ReadOnly, "writable")
	if size > 0 && nd >= 2 {
		c, f := layout.IsCContiguous(l.Shape, l.Strides), layout.IsFContiguous(l.Shape, l.Strides)
		add(c, "C-contiguous")
		add(f && !c, "F-contiguous only")
		add(!c && !f, "not contiguous")
		transposed := false
		for a := 1; a < nd; a++ {
			if l.Shape[a-1] > 1 && l.Shape[a] > 1 && layout.AbsInt(l.Strides[a-1]) < layout.AbsInt(l.Strides[a]) {
				transposed = true
			}
		}
		add(transposed, "transposed")
	}
	if size > 0 {
		add(l.Off > 0, "offset")
		var neg, zero, one, gap bool
		for a, n := range l.Shape {
			neg = neg || n > 1 && l.Strides[a] < 0
			zero = zero || n > 1 && l.Strides[a] == 0
			one = one || n == 1 && l.Strides[a] != 0
			gap = gap || n > 1 && layout.AbsInt(l.Strides[a]) > 1 && !slices.Contains(l.Shape, 0)
		}
		add(neg, "negative stride")
		add(zero, "zero stride")
		add(one, "extent 1 with a nonzero stride")
		add(gap, "stride above 1")
		seen, overlap := map[int]bool{}, false
		forEachIndex(l.Shape, func(idx []int) {
			p := refOffset(l.Off, l.Strides, idx)
			overlap = overlap || seen[p]
			seen[p] = true
		})
		add(overlap, "overlap")
		add(overlap && !zero, "overlap without zero strides")
	}
	return out
}

// TestRandomLayout checks the generator: every drawn view keeps the bounds
// invariant and has the layout drawn, each corner comes up, the options
// are kept, and the draws depend on the seed alone.
func TestRandomLayout(t *testing.T) {
	const draws = 3000
	want := []string{
		"rank 0", "inline rank", "heap rank", "empty", "zero NDView",
		"Wrap", "AsStrided", "Index", "Slice", "Cast", "FromBytes", "AsReadOnly first",
		"NewAxis", "integer index", "read-only", "writable",
		"C-contiguous", "F-contiguous only", "not contiguous", "transposed",
		"offset", "negative stride", "zero stride", "extent 1 with a nonzero stride",
		"stride above 1", "overlap", "overlap without zero strides",
	}
	for m := range numModes {
		want = append(want, "mode "+m.String())
	}
	count := func(t *testing.T, counts map[string]int, names []string) {
		t.Helper()
		for _, name := range names {
			assert.Positive(t, counts[name], "corner %q in %d draws", name, draws)
		}
		t.Logf("corners in %d draws: %v", draws, counts)
	}
	t.Run("int", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 1))
		counts := map[string]int{}
		for range draws {
			l := randomLayout(r, layoutOpts{})
			buf := arange(l.N)
			v := layoutView(l, buf)
			checkLayoutBounds(t, l, v, buf)
			for _, c := range layoutCorners(l) {
				counts[c]++
			}
		}
		count(t, counts, want)
	})
	t.Run("bytes", func(t *testing.T) {
		// FromString makes views of bytes only.
		r := rand.New(rand.NewPCG(2, 2))
		counts := map[string]int{}
		strings := 0
		for range draws {
			l := randomLayout(r, layoutOpts{})
			buf := make([]byte, l.N)
			for i := range buf {
				buf[i] = byte(i*7 + 1)
			}
			v := layoutView(l, buf)
			checkLayoutBounds(t, l, v, buf)
			if l.Mode == modeString {
				strings++
				require.True(t, v.ReadOnly())
				if l.N > 0 {
					require.NotEqual(t, mem.Addr(buf), mem.Addr(v.data), "%v: FromString views a string, not the buffer", l)
				}
			}
			for _, c := range layoutCorners(l) {
				counts[c]++
			}
		}
		assert.GreaterOrEqual(t, strings, 50, "FromString views in %d draws", draws)
		count(t, counts, want)
	})
	t.Run("options", func(t *testing.T) {
		r := rand.New(rand.NewPCG(3, 3))
		opts := []layoutOpts{
			{Writable: true},
			{ReadOnly: true},
			{NonEmpty: true},
			{MinRank: 5, MaxRank: 8, MaxSize: 64},
			{MaxRank: 2, MaxExtent: 40, MaxSize: -1},
			{Shape: []int{}},
			{Shape: []int{3, 0, 2}},
			{Shape: []int{2, 3, 4, 1, 2}, Writable: true},
			{Modes: modes(modeBroadcast, modeBytes)},
			{Modes: modes(modeStrided), ReadOnly: true, MinRank: 1, NonEmpty: true},
			{Modes: modes(modeStrided), Writable: true},
		}
		for _, o := range opts {
			for range 300 {
				l := randomLayout(r, o)
				buf := arange(l.N)
				v := layoutView(l, buf)
				checkLayoutBounds(t, l, v, buf)
				what := fmt.Sprintf("%+v: %v", o, l)
				size := shapeProduct(l.Shape)
				if o.Shape != nil {
					require.Equal(t, o.Shape, l.Shape, what)
				} else {
					require.GreaterOrEqual(t, len(l.Shape), o.MinRank, what)
					require.LessOrEqual(t, len(l.Shape), cmp.Or(o.MaxRank, defaultMaxRank), what)
					for _, n := range l.Shape {
						require.LessOrEqual(t, n, cmp.Or(o.MaxExtent, defaultMaxExtent), what)
						require.True(t, n > 0 || !o.NonEmpty, what)
					}
					if o.MaxSize >= 0 {
						require.LessOrEqual(t, size, cmp.Or(o.MaxSize, defaultMaxSize), what)
					}
				}
				require.True(t, o.Modes == 0 || o.Modes.has(l.Mode), what)
				require.False(t, o.Writable && v.ReadOnly(), what)
				require.False(t, o.ReadOnly && !v.ReadOnly(), what)
			}
		}
		require.Panics(t, func() { randomLayout(r, layoutOpts{Writable: true, ReadOnly: true}) })
		require.Panics(t, func() { randomLayout(r, layoutOpts{Writable: true, Modes: modes(modeBroadcast)}) })
	})
	t.Run("seeded", func(t *testing.T) {
		a, b := rand.New(rand.NewPCG(4, 4)), rand.New(rand.NewPCG(4, 4))
		for range 200 {
			la, lb := randomLayout(a, layoutOpts{}), randomLayout(b, layoutOpts{})
			require.Equal(t, la.String(), lb.String())
		}
	})
	t.Run("rebuilt", func(t *testing.T) {
		// A layout builds the same view again, over another buffer.
		r := rand.New(rand.NewPCG(5, 5))
		for range 200 {
			l := randomLayout(r, layoutOpts{})
			v, w := layoutView(l, arange(l.N)), layoutView(l, arange(l.N))
			require.Equal(t, v.Shape(), w.Shape())
			require.Equal(t, v.Strides(), w.Strides())
			require.Equal(t, v.Offset(), w.Offset())
			require.Equal(t, values(v), values(w))
		}
	})
}

// checkGuards requires every element of buf that dst does not reach to
// hold its guard value.
func checkGuards(t *testing.T, buf []int, dst NDView[int], name string) {
	t.Helper()
	reached := map[int]bool{}
	forEachIndex(dst.Shape(), func(idx []int) { reached[refOffset(dst.Offset(), dst.Strides(), idx)] = true })
	for i, x := range buf {
		if !reached[i] && x != guardValue(i) {
			t.Fatalf("%s: buffer element %d outside the destination changed to %d", name, i, x)
		}
	}
}

// TestRandomLayoutEmptyAxes draws layouts with several empty axes, whose
// parent extents can outgrow the size limit with nothing else to
// tighten: the generator must still return a valid layout.
func TestRandomLayoutEmptyAxes(t *testing.T) {
	r := rand.New(rand.NewPCG(71, 72))
	for range 3000 {
		l := randomLayout(r, layoutOpts{Shape: []int{0, 0, 0, 5 + r.IntN(30)}, Writable: r.IntN(2) == 0})
		_, v := l.guarded()
		if v.Size() != 0 {
			t.Fatalf("layout %v has %d elements", l, v.Size())
		}
	}
}
