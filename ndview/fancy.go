package ndview

// Advanced indexing (semantics.md §16): NumPy's a[index] and a[index] = x
// when the index holds integer or boolean arrays, mixed with the basic
// items of Slice. Gather reads (always into a new array), Scatter writes.
//
// An index is resolved in three steps (fancyIndex.resolve), the same for
// both directions:
//
//  1. Classify. Every item is a basic IndexItem, an int, a bool, or an
//     array of ints or bools. Without an array (bools count as arrays)
//     the index is basic and Slice's rules apply. With one, integers are
//     advanced too (§16 F4), and every advanced item is replaced by what keeps
//     its axes whole: ":" for an integer or an integer array, k of them for
//     a k-d boolean array, NewAxis for a 0-d boolean.
//  2. Basic part. The replaced items go through the basic indexing code
//     (layout.Index), which also checks the Ellipsis and the number of
//     items. The result, w, is a view of the source with every advanced
//     axis still whole, at a position worked out from the items.
//  3. Broadcast index. Integers are checked and folded into a base
//     offset; each boolean array becomes the offsets of its true elements
//     (maskOffsets: NumPy's nonzero, with the strides already applied);
//     the integer arrays are checked and broadcast together with those, and
//     their offsets summed into one offset per position of the broadcast
//     index (offs, in C order). Nothing is written before all of this has
//     succeeded.
//
// The result has the shape pre + B + post: B is the broadcast index's
// shape, and pre and post are w's remaining axes, all in post when the
// advanced items are not adjacent (§16 F5). Both directions are one loop
// (fancyCopy): for each position of pre, for each position of B in C
// order, one block of post axes is copied, element by element when post
// is empty, by a row kernel of copy.go when it coalesces to one axis, and
// by the planned copy kernels otherwise. Since B is the middle loop,
// Scatter writes repeated indices in C order of the broadcast index, and
// the last write wins (§16 F8).
//
// The full-shape boolean mask alone (a[mask] with mask.shape == a.shape)
// takes a path of its own (gatherMask, scatterMask): one pass counts the
// true elements, a second walks mask and array together in C order,
// without index arrays. Its inner loops carry no branch that depends on
// the mask's values: a 50% random mask mispredicts half of them.

import (
	"encoding/binary"
	"math/bits"

	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Gather returns a new array holding v[index] by NumPy's advanced
// indexing (semantics.md §16): v.Gather([]int{2, 0}, Colon(), idx) is
// NumPy's v[[2, 0], :, idx].
//
// Each item of index is one of:
//   - an IndexItem (Int, Range, From, To, Colon, Step, By, NewAxis,
//     Ellipsis), or a plain int, with the rules of Slice;
//   - an integer array, NDView[int] or []int: one index per element, into
//     one axis; negative indices count from the end;
//   - a boolean array, NDView[bool] or []bool, of k dimensions: it selects
//     the true positions of the k axes it covers, whose extents it must
//     match (NumPy's nonzero); a 0-d NDView[bool] or a bool adds an axis of
//     extent 1 (true) or 0 (false).
//
// The integer arrays (and the true positions of the boolean ones)
// broadcast together to one shape B, and element i of the result's B axes
// is read at the indices of element i of each array. When the array items
// (integers counted) are adjacent, B's axes replace them in place;
// separated by a slice, Ellipsis or NewAxis, B's axes come first
// (NumPy's v[0, :, idx] has shape (len(idx), v.Shape()[1])).
//
// The result is C-contiguous, writable and shares nothing with v, also
// when index holds no array: then Gather is Slice followed by Clone.
//
// Gather returns an error wrapping ErrIndex, and no array, for an item of
// another type (naming its position and type), an index out of range
// (naming the index, the axis and its extent; valid indices run from -n
// to n-1), a boolean array whose shape does not match the axes it covers,
// index arrays that do not broadcast together, too many items or a second
// Ellipsis; and ErrShape or ErrOverflow for a result of more than MaxRank
// axes or too many elements. The index syntax of Index has no arrays:
// a list inside an index string could not be told apart from the items
// around it without a full Python parser, so arrays are given as values.
func (v NDView[T]) Gather(index ...any) (NDView[T], error) {
	var ix fancyIndex
	if err := ix.resolve("Gather", &v.lay, index, mem.Sizeof[T]()); err != nil {
		return NDView[T]{}, err
	}
	switch ix.kind {
	case fancyBasic:
		w := NDView[T]{lay: ix.w, data: v.data}
		return w.Clone(), nil
	case fancyMask:
		return gatherMask(v, ix.mask), nil
	}
	out := newView(make([]T, ix.size), 0, len(ix.shape))
	copy(out.lay.Shape(), ix.shape)
	layout.FillCStrides(ix.shape, out.lay.Strides())
	if ix.size == 0 {
		return out, nil
	}
	preSh, postSh := ix.preShape(), ix.postShape()
	nc := layout.ShapeSize(postSh)
	rst := out.lay.Strides()
	np := len(preSh)
	d := fancySide{pre: rst[:np], step: nc, post: rst[len(rst)-len(postSh):]}
	s := fancySide{base: ix.base, pre: ix.preStrides(), offs: ix.offs, post: ix.postStrides()}
	fancyCopy(out.data, &d, v.data, &s, preSh, postSh, ix.nb)
	return out, nil
}

// Scatter stores values into v[index] by NumPy's advanced indexing
// (semantics.md §16): v.Scatter(x, mask) is NumPy's v[mask] = x, and
// v.Scatter(x, idx, Colon()) is v[idx, :] = x. index takes the items of
// Gather, with the same rules; values is broadcast to the shape Gather
// would return (its shape, aligned on the right and without extra leading
// extents of 1, must have each extent equal or 1). A boolean mask of v's
// whole shape, alone, takes NumPy's rule for a[mask] = x instead: values
// must be 0-d or 1-d, with one element or as many as the mask has true
// elements.
//
// WhereInto index selects an element more than once, the value written last
// in C order of the broadcast index stays: v.Scatter(FromSlice([1 2]),
// []int{0, 0}) leaves 2 at v[0]. Values that share memory with v are read
// as they were before the call (they are copied first, which allocates).
//
// Scatter panics with an error wrapping ErrReadOnly, before anything
// else, when v is read-only. It returns Gather's errors for the index,
// and an error wrapping ErrShape when values does not fit; after an error
// nothing has been written.
func (v NDView[T]) Scatter(values NDView[T], index ...any) error {
	if v.ReadOnly() {
		panicf("Scatter", ErrReadOnly, "assignment destination is read-only")
	}
	var ix fancyIndex
	if err := ix.resolve("Scatter", &v.lay, index, mem.Sizeof[T]()); err != nil {
		return err
	}
	switch ix.kind {
	case fancyBasic:
		w := NDView[T]{lay: ix.w, data: v.data}
		if err := fitValues(&values.lay, w.lay.Shape()); err != nil {
			return err
		}
		w.CopyFrom(values) // broadcasting and overlap as CopyFrom's
		return nil
	case fancyMask:
		return scatterMask(v, ix.mask, values)
	}
	var vst [MaxRank]int
	if err := fitValues(&values.lay, ix.shape); err != nil {
		return err
	}
	if ix.size == 0 {
		return nil
	}
	if shareMemory(&v, &values) {
		values = values.Clone() // semantics.md W3
	}
	plan.BroadcastInto(ix.shape, values.lay.Shape(), values.lay.Strides(), vst[:len(ix.shape)])
	preSh, postSh := ix.preShape(), ix.postShape()
	np, nbr := len(preSh), len(ix.bshape)
	st := vst[:len(ix.shape)]
	d := fancySide{base: ix.base, pre: ix.preStrides(), offs: ix.offs, post: ix.postStrides()}
	s := fancySide{base: values.lay.Off, pre: st[:np], post: st[np+nbr:]}
	s.offs, s.step = linearOffsets(ix.bshape, st[np:np+nbr])
	fancyCopy(v.data, &d, values.data, &s, preSh, postSh, ix.nb)
	return nil
}

// fitValues returns an error unless values (a layout) broadcasts to
// shape, with NumPy's message for a[index] = values.
func fitValues(values *layout.Layout, shape []int) error {
	var st [MaxRank]int
	if len(shape) <= MaxRank && plan.BroadcastInto(shape, values.Shape(), values.Strides(), st[:len(shape)]) {
		return nil
	}
	return errorf("Scatter", ErrShape, "shape mismatch: value array of shape %s could not be broadcast to indexing result of shape %s",
		formatShape(values.Shape()), formatShape(shape))
}

// linearOffsets returns the offsets, in C order of shape, of a layout with
// the given strides: nil and the step when they are step·k for position
// k (always so for a rank of at most 1, and for zero strides), else a new
// slice of them.
func linearOffsets(shape, strides []int) ([]int, int) {
	last := lastLong(shape)
	if last < 0 {
		return nil, 0
	}
	step, inner, linear := strides[last], shape[last], true
	for a := last - 1; a >= 0 && linear; a-- {
		if shape[a] != 1 {
			linear = strides[a] == step*inner
			inner *= shape[a]
		}
	}
	if linear {
		return nil, step
	}
	offs := make([]int, layout.ShapeSize(shape))
	var p plan.Plan
	p.Init(shape)
	p.Add(0, strides)
	p.Simplify(false)
	m, ps := p.Inner(0)
	w := p.Walk(1)
	k := 0
	for w.Next(&p) {
		o := w.Off[0]
		for i := range m {
			offs[k+i] = o
			o += ps
		}
		k += m
	}
	return offs, 0
}

// lastLong returns the last axis of shape whose extent is not 1, or -1.
func lastLong(shape []int) int {
	for a := len(shape) - 1; a >= 0; a-- {
		if shape[a] != 1 {
			return a
		}
	}
	return -1
}

// -------------------------------------------------------------------------
// Resolving an index.

// fancyKind is how an index is carried out.
type fancyKind uint8

const (
	fancyBasic   fancyKind = iota // no array: basic indexing (w is the view)
	fancyMask                     // one boolean array of the source's shape, alone
	fancyGeneral                  // the general path: w, base and offs
)

// advKind is the kind of an advanced item.
type advKind uint8

const (
	advInt   advKind = iota // an integer (advanced only beside an array)
	advArray                // an integer array of rank >= 1
	advMask                 // a boolean array of rank >= 1
	advBool                 // a 0-d boolean
)

// advItem is one advanced item of an index.
type advItem struct {
	kind advKind
	pos  int          // the item's position in the index
	i    int          // advInt: the integer; advBool: 1 for true
	ints NDView[int]  // advArray
	mask NDView[bool] // advMask
	wax  int          // the first axis of w it covers
	sax  int          // the first source axis it covers (-1 for advBool)
}

// width returns the number of axes of w the item covers.
func (a *advItem) width() int {
	if a.kind == advMask {
		return a.mask.NDim()
	}
	return 1
}

// idxArray is one array of the broadcast index.
type idxArray struct {
	v      NDView[int] // the indices, or the offsets when scaled
	n      int         // the extent of the axis indexed
	stride int         // w's stride along it
	sax    int         // the source axis, for messages
	scaled bool        // v holds offsets already (boolean arrays)
	reps   int         // the index arrays it stands for (a k-d mask: k)
}

// fancyIndex is an index resolved against a source layout (see the top of
// this file).
type fancyIndex struct {
	kind   fancyKind
	w      layout.Layout // the source after the basic items
	mask   NDView[bool]  // fancyMask: the mask
	base   int           // w's offset plus the integers' offsets
	offs   []int         // per position of the broadcast index (C order), added to base
	nb     int           // positions of the broadcast index
	bshape []int         // the broadcast index's shape
	shape  []int         // the result's shape
	size   int           // the result's element count
	rest   []int         // w's axes that are not advanced, in result order
	npre   int           // how many of rest come before the broadcast axes
}

func (ix *fancyIndex) preShape() []int    { return ix.pick(ix.w.Shape(), ix.rest[:ix.npre]) }
func (ix *fancyIndex) postShape() []int   { return ix.pick(ix.w.Shape(), ix.rest[ix.npre:]) }
func (ix *fancyIndex) preStrides() []int  { return ix.pick(ix.w.Strides(), ix.rest[:ix.npre]) }
func (ix *fancyIndex) postStrides() []int { return ix.pick(ix.w.Strides(), ix.rest[ix.npre:]) }

// pick returns x[axes[0]], x[axes[1]], … in a new slice.
func (ix *fancyIndex) pick(x []int, axes []int) []int {
	out := make([]int, len(axes))
	for i, a := range axes {
		out[i] = x[a]
	}
	return out
}

// resolve classifies index, applies its basic part to src and, for the
// general path, works out the broadcast index, as the top of this file
// says. It returns the first problem it finds as an error wrapping
// ErrIndex (ErrShape or ErrOverflow for a result too big).
func (ix *fancyIndex) resolve(op string, src *layout.Layout, index []any, itemSize int) error {
	items := make([]IndexItem, 0, len(index)+4)
	var adv []advItem
	arrays := false
	for pos, x := range index {
		switch t := x.(type) {
		case IndexItem:
			if n, ok := t.IntValue(); ok {
				adv = append(adv, advItem{kind: advInt, pos: pos, i: n})
			}
			items = append(items, t)
			continue
		case int:
			adv = append(adv, advItem{kind: advInt, pos: pos, i: t})
			items = append(items, Int(t))
			continue
		case bool:
			adv = append(adv, advItem{kind: advBool, pos: pos, i: b2i(t)})
		case []int:
			a, _ := FromSlice(t)
			adv = append(adv, advItem{kind: advArray, pos: pos, ints: a})
		case []bool:
			m, _ := FromSlice(t)
			adv = append(adv, advItem{kind: advMask, pos: pos, mask: m})
		case NDView[int]:
			if t.NDim() == 0 { // NumPy reads a 0-d integer array as an integer
				n := t.data[t.lay.Off]
				adv = append(adv, advItem{kind: advInt, pos: pos, i: n})
				items = append(items, Int(n))
				continue
			}
			adv = append(adv, advItem{kind: advArray, pos: pos, ints: t})
		case NDView[bool]:
			if t.NDim() == 0 {
				adv = append(adv, advItem{kind: advBool, pos: pos, i: b2i(t.data[t.lay.Off])})
			} else {
				adv = append(adv, advItem{kind: advMask, pos: pos, mask: t})
			}
		default:
			return errorf(op, ErrIndex,
				"index item %d has type %T: only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices (IndexItem, int, bool, []int, []bool, NDView[int], NDView[bool])",
				pos, x)
		}
		arrays = true
		items = append(items, IndexItem{}) // a placeholder, replaced below
	}
	ix.w = *src
	if !arrays {
		ix.kind = fancyBasic
		if err := ix.w.Index(op, items); err != nil {
			return err
		}
		return nil
	}
	// The basic part: every advanced item keeps its axes whole.
	basic := items[:0:0]
	for pos, it := range items {
		switch a := advAt(adv, pos); {
		case a == nil:
			basic = append(basic, it)
		case a.kind == advBool:
			basic = append(basic, NewAxis)
		default:
			for range a.width() {
				basic = append(basic, Colon())
			}
		}
	}
	if err := ix.w.Index(op, basic); err != nil {
		return err
	}
	ndim := src.NDim()
	if len(index) == 1 && adv[0].kind == advMask && adv[0].mask.NDim() == ndim {
		ix.kind, ix.mask = fancyMask, adv[0].mask
		return checkMask(op, &adv[0], src.Shape())
	}
	ix.kind = fancyGeneral
	return ix.general(op, src, items, adv, itemSize)
}

// general is resolve's third step for the general path.
func (ix *fancyIndex) general(op string, src *layout.Layout, items []IndexItem, adv []advItem, itemSize int) error {
	ndim, sh := src.NDim(), src.Shape()
	consumed := 0
	for pos, it := range items {
		if a := advAt(adv, pos); a != nil {
			if a.kind != advBool {
				consumed += a.width()
			}
		} else if it != NewAxis && it != Ellipsis {
			consumed++
		}
	}
	// WhereInto each advanced item lands in w and in the source.
	wax, sax := 0, 0
	for pos, it := range items {
		a := advAt(adv, pos)
		switch {
		case a != nil:
			a.wax, a.sax = wax, sax
			if a.kind == advBool {
				a.sax = -1
				wax++
				continue
			}
			wax += a.width()
			sax += a.width()
		case it == NewAxis:
			wax++
		case it == Ellipsis:
			wax += ndim - consumed
			sax += ndim - consumed
		default: // a slice
			wax++
			sax++
		}
	}
	// Integers and boolean shapes, in the order of the items, then the
	// broadcast index.
	wsh, wst := ix.w.Shape(), ix.w.Strides()
	ix.base = ix.w.Off
	arrays := make([]idxArray, 0, len(adv)+1)
	for i := range adv {
		a := &adv[i]
		switch a.kind {
		case advInt:
			n, k := wsh[a.wax], a.i
			if k < 0 {
				k += n
			}
			if k < 0 || k >= n {
				return outOfBounds(op, a.i, a.sax, sh)
			}
			ix.base += k * wst[a.wax]
		case advArray:
			arrays = append(arrays, idxArray{v: a.ints, n: wsh[a.wax], stride: wst[a.wax], sax: a.sax, reps: 1})
		case advMask:
			if err := checkMask(op, a, sh); err != nil {
				return err
			}
			offs := maskOffsets(a.mask, wst[a.wax:a.wax+a.width()])
			m, _ := FromSlice(offs)
			arrays = append(arrays, idxArray{v: m, scaled: true, reps: a.width()})
		case advBool:
			m, _ := FromSlice(make([]int, a.i)) // (1,) holding offset 0, or (0,)
			arrays = append(arrays, idxArray{v: m, scaled: true, reps: 1})
		}
	}
	shapes := make([][]int, len(arrays))
	for i := range arrays {
		shapes[i] = arrays[i].v.lay.Shape()
	}
	bshape, err := layout.BroadcastShapes(shapes...)
	if err != nil {
		msg := "shape mismatch: indexing arrays could not be broadcast together with shapes"
		for i, s := range shapes {
			for range arrays[i].reps { // NumPy lists a mask's nonzero arrays
				msg += " " + formatShape(s)
			}
		}
		return errorf(op, ErrIndex, "%s", msg)
	}
	ix.bshape = bshape
	// The result's axes: w's other axes around the broadcast ones.
	adjacent := true
	for i := range adv {
		adjacent = adjacent && adv[i].pos == adv[0].pos+i
	}
	isAdv := make([]bool, len(wsh))
	for i := range adv {
		for k := range adv[i].width() {
			isAdv[adv[i].wax+k] = true
		}
	}
	for a := range wsh {
		if isAdv[a] {
			continue
		}
		if adjacent && a < adv[0].wax {
			ix.npre++
		}
		ix.rest = append(ix.rest, a)
	}
	shape := make([]int, 0, len(ix.rest)+len(bshape))
	shape = append(shape, ix.preShape()...)
	shape = append(shape, bshape...)
	shape = append(shape, ix.postShape()...)
	if len(shape) > MaxRank {
		return errorf(op, ErrShape, "the index gives %d dimensions, above the maximum of %d", len(shape), MaxRank)
	}
	if ix.size, err = layout.CheckShape(op, shape, itemSize); err != nil {
		return err
	}
	ix.shape = shape
	ix.nb = layout.ShapeSize(bshape)
	if ix.nb == 0 {
		return nil // no index is used, and none is checked (as in NumPy)
	}
	ix.offs = make([]int, ix.nb)
	for i := range arrays {
		if err := addOffsets(op, ix.offs, bshape, &arrays[i], sh); err != nil {
			return err
		}
	}
	return nil
}

// advAt returns the advanced item at position pos of the index, or nil.
func advAt(adv []advItem, pos int) *advItem {
	for i := range adv {
		if adv[i].pos == pos {
			return &adv[i]
		}
	}
	return nil
}

// checkMask returns NumPy's error when the boolean array a does not match
// the source axes it covers.
func checkMask(op string, a *advItem, sh []int) error {
	for k, n := range a.mask.lay.Shape() {
		if sh[a.sax+k] != n {
			return errorf(op, ErrIndex,
				"boolean index did not match indexed array along dimension %d; dimension is %d but corresponding boolean dimension is %d",
				a.sax+k, sh[a.sax+k], n)
		}
	}
	return nil
}

// outOfBounds is the error of an index outside its axis.
func outOfBounds(op string, i, axis int, sh []int) error {
	return errorf(op, ErrIndex, "index %d is out of bounds for axis %d with size %d (shape %s); valid indices are -%d to %d",
		i, axis, sh[axis], formatShape(sh), sh[axis], sh[axis]-1)
}

// addOffsets adds the offsets of array a, broadcast to bshape, to offs,
// checking its indices.
func addOffsets(op string, offs, bshape []int, a *idxArray, sh []int) error {
	var p plan.Plan
	p.Init(bshape)
	p.AddBroadcast(a.v.lay.Off, a.v.lay.Shape(), a.v.lay.Strides())
	p.Simplify(false)
	n, st := p.Inner(0)
	data := a.v.data
	w := p.Walk(1)
	k := 0
	for w.Next(&p) {
		s := w.Off[0]
		row := offs[k : k+n]
		k += n
		if a.scaled {
			for i := range row {
				row[i] += data[s]
				s += st
			}
			continue
		}
		ext, stride := a.n, a.stride
		for i := range row {
			x := data[s]
			if x < 0 {
				x += ext
			}
			if uint(x) >= uint(ext) {
				return outOfBounds(op, data[s], a.sax, sh)
			}
			row[i] += x * stride
			s += st
		}
	}
	return nil
}

// maskOffsets returns, for every true element of mask in C order, the
// offset Σ j_i·strides[i] of its position j: NumPy's nonzero(mask), with
// the strides of the axes it indexes already applied.
func maskOffsets(mask NDView[bool], strides []int) []int {
	var p plan.Plan
	p.Init(mask.lay.Shape())
	p.Add(mask.lay.Off, mask.lay.Strides())
	p.Add(0, strides)
	p.Simplify(false)
	if p.Empty() {
		return nil
	}
	mb := boolBytes(mask.data)
	offs := make([]int, countMask(&p, mb))
	n, ms := p.Inner(0)
	_, os := p.Inner(1)
	w := p.Walk(1)
	k := 0
	for w.Next(&p) {
		m, o := w.Off[0], w.Off[1]
		for range n {
			if mb[m] != 0 {
				offs[k] = o
				k++
			}
			m += ms
			o += os
		}
	}
	return offs
}

// b2i returns 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// -------------------------------------------------------------------------
// The general path's copy.

// fancySide is one side of fancyCopy: where the block of post axes at
// position (a, k) of pre and the broadcast index starts, base + a·pre +
// offs[k] (or k·step when offs is nil), and the strides of the post axes.
type fancySide struct {
	base int
	pre  []int
	offs []int
	step int
	post []int
}

// at returns the offset of broadcast position k.
func (s *fancySide) at(k int) int {
	if s.offs != nil {
		return s.offs[k]
	}
	return k * s.step
}

// fancyCopy copies, for every position a of preShape and k < nb, the
// block of postShape at (a, k) of src into the one of dst; pre is the
// outer loop and k the middle one, in C order, so that of two writes to
// one element the one of the larger k comes last. Source and destination
// do not overlap.
func fancyCopy[T any](dst []T, d *fancySide, src []T, s *fancySide, preSh, postSh []int, nb int) {
	var pp plan.Plan
	pp.Init(preSh)
	pp.Add(d.base, d.pre)
	pp.Add(s.base, s.pre)
	pp.Simplify(false)
	nc := layout.ShapeSize(postSh)
	if nc == 1 {
		w := pp.Walk(0)
		for w.Next(&pp) {
			fancyElems(dst, d, w.Off[0], src, s, w.Off[1], nb)
		}
		return
	}
	var bp plan.Plan
	bp.Init(postSh)
	bp.Add(0, d.post)
	bp.Add(0, s.post)
	bp.Simplify(true)
	k, q := chooseCopy(&bp)
	if q >= 0 {
		bp.MoveAxis(q, bp.Rank-2)
	}
	base := bp.Base
	n, ds := bp.Inner(0)
	_, ss := bp.Inner(1)
	w := pp.Walk(0)
	for w.Next(&pp) {
		db, sb := w.Off[0]+base[0], w.Off[1]+base[1]
		for j := range nb {
			do, so := db+d.at(j), sb+s.at(j)
			if bp.Rank > 1 {
				bp.Base[0], bp.Base[1] = do, so
				copyKernel(&bp, dst, src, k)
				continue
			}
			switch {
			case ds == 1 && ss == 1:
				copy(dst[do:do+n], src[so:so+n])
			case ds == 1:
				gather(dst[do:do+n], src, so, ss)
			default:
				strided(dst, do, ds, src, so, ss, n)
			}
		}
	}
}

// fancyElems is fancyCopy's middle loop when the blocks are single
// elements: element db+d.at(k) of dst from element sb+s.at(k) of src.
func fancyElems[T any](dst []T, d *fancySide, db int, src []T, s *fancySide, sb, nb int) {
	switch {
	case d.offs == nil && d.step == 1 && s.offs != nil: // Gather
		out := dst[db : db+nb]
		for k, o := range s.offs[:nb] {
			out[k] = src[sb+o]
		}
	case s.offs == nil && d.offs != nil: // Scatter of a linear source
		st := s.step
		for k, o := range d.offs[:nb] {
			dst[db+o] = src[sb+k*st]
		}
	default:
		for k := range nb {
			dst[db+d.at(k)] = src[sb+s.at(k)]
		}
	}
}

// -------------------------------------------------------------------------
// The full-shape boolean mask.

// maskPlan plans the walk of mask (operand 0) and v (operand 1), of one
// shape, in C order.
func maskPlan[T any](p *plan.Plan, mask *NDView[bool], v *NDView[T]) {
	p.Init(v.lay.Shape())
	p.Add(mask.lay.Off, mask.lay.Strides())
	p.Add(v.lay.Off, v.lay.Strides())
	p.Simplify(false)
}

// countMask returns the number of true elements of operand 0 of p, whose
// data are the bytes mb.
func countMask(p *plan.Plan, mb []byte) int {
	if p.Empty() {
		return 0
	}
	n, ms := p.Inner(0)
	count := 0
	w := p.Walk(1)
	for w.Next(p) {
		m := w.Off[0]
		if ms == 1 {
			count += countBytes(mb[m : m+n])
			continue
		}
		for range n {
			count += int(mb[m])
			m += ms
		}
	}
	return count
}

// countBytes returns the sum of b, whose bytes are 0 or 1: the bits set,
// eight bytes at a time.
func countBytes(b []byte) int {
	c, i := 0, 0
	for ; i+32 <= len(b); i += 32 {
		q := b[i : i+32 : i+32]
		c += bits.OnesCount64(binary.LittleEndian.Uint64(q[0:])) +
			bits.OnesCount64(binary.LittleEndian.Uint64(q[8:])) +
			bits.OnesCount64(binary.LittleEndian.Uint64(q[16:])) +
			bits.OnesCount64(binary.LittleEndian.Uint64(q[24:]))
	}
	for ; i+8 <= len(b); i += 8 {
		c += bits.OnesCount64(binary.LittleEndian.Uint64(b[i:]))
	}
	for ; i < len(b); i++ {
		c += int(b[i])
	}
	return c
}

// gatherMask returns v[mask] for a mask of v's shape: the elements where
// mask is true, in C order, in a new 1-D array.
func gatherMask[T any](v NDView[T], mask NDView[bool]) NDView[T] {
	var p plan.Plan
	maskPlan(&p, &mask, &v)
	mb := boolBytes(mask.data)
	count := countMask(&p, mb)
	// One element more than the result, so that the branch-free loops
	// may store past the last element taken.
	buf := make([]T, count+1)
	out := newView(buf[:count], 0, 1)
	out.lay.Shape()[0], out.lay.Strides()[0] = count, 1
	if count == 0 {
		return out
	}
	n, ms := p.Inner(0)
	_, vs := p.Inner(1)
	j := 0
	w := p.Walk(1)
	for w.Next(&p) {
		m, s := w.Off[0], w.Off[1]
		if ms == 1 && vs == 1 {
			j = compress(buf, j, v.data[s:s+n], mb[m:m+n])
			continue
		}
		for range n {
			buf[j] = v.data[s]
			j += int(mb[m])
			m += ms
			s += vs
		}
	}
	return out
}

// compress stores the elements of src whose byte of m is 1 at dst[j],
// dst[j+1], …, and returns the next j. It stores every element, and moves
// on only past those taken: no branch depends on m. dst must have room for
// one element past the last one taken.
func compress[T any](dst []T, j int, src []T, m []byte) int {
	m = m[:len(src)]
	for i, x := range src {
		dst[j] = x
		j += int(m[i])
	}
	return j
}

// scatterMask is Scatter(values, mask) for a mask of v's shape.
func scatterMask[T any](v NDView[T], mask NDView[bool], values NDView[T]) error {
	var p plan.Plan
	maskPlan(&p, &mask, &v)
	count := countMask(&p, boolBytes(mask.data))
	if nd := values.NDim(); nd > 1 {
		return errorf("Scatter", ErrShape,
			"NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has %d dimensions", nd)
	}
	nv := values.Size()
	if nv != count && nv != 1 {
		return errorf("Scatter", ErrShape,
			"NumPy boolean array indexing assignment cannot assign %d input values to the %d output values where the mask is true",
			nv, count)
	}
	if count == 0 {
		return nil
	}
	if shareMemory(&v, &values) {
		values = values.Clone() // semantics.md W3
	}
	if shareMemory(&v, &mask) {
		mask = mask.Clone() // a mask read while it is written (T is bool)
		maskPlan(&p, &mask, &v)
	}
	mb := boolBytes(mask.data)
	n, ms := p.Inner(0)
	_, ds := p.Inner(1)
	vals, j, vst := values.data, values.lay.Off, 0
	if nv > 1 {
		vst = values.lay.Strides()[0]
	}
	w := p.Walk(1)
	for w.Next(&p) {
		m, d := w.Off[0], w.Off[1]
		switch {
		case nv == 1 && ms == 1 && ds == 1:
			fillMasked(v.data[d:d+n], mb[m:m+n], vals[j])
		case ms == 1 && ds == 1 && vst == 1:
			j = expandMasked(v.data[d:d+n], mb[m:m+n], vals, j, values.lay.Off+count-1)
		default:
			for range n {
				if mb[m] != 0 {
					v.data[d] = vals[j]
					j += vst
				}
				m += ms
				d += ds
			}
		}
	}
	return nil
}

// fillMasked stores x in the elements of d whose byte of m is 1. Every
// element is read and stored again, the old value or x picked by the
// mask's byte as an index: no branch depends on the mask.
func fillMasked[T any](d []T, m []byte, x T) {
	m = m[:len(d)]
	for i := range d {
		pick := [2]T{d[i], x}
		d[i] = pick[m[i]&1]
	}
}

// expandMasked stores vals[j], vals[j+1], … in the elements of d whose
// byte of m is 1, and returns the next j; last is the index of the last
// value, which j may pass only after the last element taken. Like
// fillMasked it stores every element, with no branch on the mask.
func expandMasked[T any](d []T, m []byte, vals []T, j, last int) int {
	m = m[:len(d)]
	for i := range d {
		b := int(m[i] & 1)
		pick := [2]T{d[i], vals[min(j, last)]}
		d[i] = pick[b]
		j += b
	}
	return j
}
