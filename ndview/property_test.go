package ndview

// Property tests: random layouts and random chains of view operations,
// each compared element by element with a reference model.
//
// The reference never looks at the strides or offset the implementation
// computes. It carries, next to each derived view, its shape and a map from
// an index of the derived view to an index of the base view; the base view
// is a view of arange data drawn by randomLayout, whose offset and strides
// the generator worked out itself, so the data offset of any element
// follows from the offset formula alone. Each
// operation transforms that map by its definition (a transpose permutes the
// index, a flip mirrors it, a reshape ravels and unravels it, ...).

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// refView is the reference model of a view.
type refView struct {
	shape []int
	src   func(idx []int) []int // the base index of element idx
	ro    bool
}

// base is the view every chain starts from, described by the numbers the
// test chose.
type base struct {
	data    []int
	off     int
	shape   []int
	strides []int
	v       NDView[int]
	lay     testLayout // the generator's description, for messages
}

// offset is the data index of base element idx: the offset formula.
func (b *base) offset(idx []int) int { return refOffset(b.off, b.strides, idx) }

// root returns the reference model of the base view itself.
func (b *base) root() refView {
	return refView{
		shape: slices.Clone(b.shape),
		src:   func(idx []int) []int { return slices.Clone(idx) },
		ro:    b.v.ReadOnly(),
	}
}

// size returns the element count of the reference view.
func (r refView) size() int { return shapeProduct(r.shape) }

// refPermute: result axis i is source axis perm[i].
func refPermute(r refView, perm []int) refView {
	shape := make([]int, len(perm))
	for i, p := range perm {
		shape[i] = r.shape[p]
	}
	src := r.src
	return refView{shape, func(idx []int) []int {
		s := make([]int, len(idx))
		for i, p := range perm {
			s[p] = idx[i]
		}
		return src(s)
	}, r.ro}
}

// refFlip mirrors the axes set in flip.
func refFlip(r refView, flip []bool) refView {
	shape := slices.Clone(r.shape)
	src := r.src
	return refView{shape, func(idx []int) []int {
		s := slices.Clone(idx)
		for a, f := range flip {
			if f {
				s[a] = shape[a] - 1 - idx[a]
			}
		}
		return src(s)
	}, r.ro}
}

// refRot90 rotates by k (mod 4, in 0..3) quarter turns in the plane of
// axes a0, a1 (normalised, different): result[i][j] = m[j][n1-1-i] for k=1
// and its powers.
func refRot90(r refView, k, a0, a1 int) refView {
	n0, n1 := r.shape[a0], r.shape[a1]
	shape := slices.Clone(r.shape)
	if k%2 == 1 {
		shape[a0], shape[a1] = n1, n0
	}
	src := r.src
	return refView{shape, func(idx []int) []int {
		s := slices.Clone(idx)
		switch k {
		case 1:
			s[a0], s[a1] = idx[a1], n1-1-idx[a0]
		case 2:
			s[a0], s[a1] = n0-1-idx[a0], n1-1-idx[a1]
		case 3:
			s[a0], s[a1] = n0-1-idx[a1], idx[a0]
		}
		return src(s)
	}, r.ro}
}

// refDiagonal: the other axes in order, then d, reading source positions
// d+r1 on a1 and d+r2 on a2 while both are inside their axes.
func refDiagonal(r refView, offset, a1, a2 int) refView {
	r1, r2 := max(-offset, 0), max(offset, 0)
	n := 0
	for n+r1 < r.shape[a1] && n+r2 < r.shape[a2] {
		n++
	}
	var shape, others []int
	for i, e := range r.shape {
		if i != a1 && i != a2 {
			shape = append(shape, e)
			others = append(others, i)
		}
	}
	shape = append(shape, n)
	src := r.src
	ndim := len(r.shape)
	return refView{shape, func(idx []int) []int {
		s := make([]int, ndim)
		for j, o := range others {
			s[o] = idx[j]
		}
		d := idx[len(idx)-1]
		s[a1], s[a2] = d+r1, d+r2
		return src(s)
	}, r.ro}
}

// refSqueeze removes the axes set in drop (all of extent 1).
func refSqueeze(r refView, drop []bool) refView {
	var shape, keep []int
	for i, e := range r.shape {
		if !drop[i] {
			shape = append(shape, e)
			keep = append(keep, i)
		}
	}
	src := r.src
	ndim := len(r.shape)
	return refView{shape, func(idx []int) []int {
		s := make([]int, ndim)
		for j, k := range keep {
			s[k] = idx[j]
		}
		return src(s)
	}, r.ro}
}

// refExpand inserts axes of extent 1 at the result positions set in at.
func refExpand(r refView, at []bool) refView {
	shape := make([]int, len(at))
	j := 0
	for i := range at {
		if at[i] {
			shape[i] = 1
		} else {
			shape[i] = r.shape[j]
			j++
		}
	}
	src := r.src
	return refView{shape, func(idx []int) []int {
		var s []int
		for i, a := range at {
			if !a {
				s = append(s, idx[i])
			}
		}
		return src(s)
	}, r.ro}
}

// ravel returns the position of idx in shape, read in C or F order.
func ravel(idx, shape []int, fortran bool) int {
	p := 0
	if fortran {
		for i := len(shape) - 1; i >= 0; i-- {
			p = p*shape[i] + idx[i]
		}
		return p
	}
	for i, n := range shape {
		p = p*n + idx[i]
	}
	return p
}

// unravel is the inverse of ravel.
func unravel(p int, shape []int, fortran bool) []int {
	idx := make([]int, len(shape))
	if fortran {
		for i, n := range shape {
			idx[i] = p % n
			p /= n
		}
		return idx
	}
	for i := len(shape) - 1; i >= 0; i-- {
		idx[i] = p % shape[i]
		p /= shape[i]
	}
	return idx
}

// refReshape lays the elements, read in C or F order, into shape.
func refReshape(r refView, shape []int, fortran bool) refView {
	old := slices.Clone(r.shape)
	src := r.src
	shape = slices.Clone(shape)
	return refView{shape, func(idx []int) []int {
		return src(unravel(ravel(idx, shape, fortran), old, fortran))
	}, r.ro}
}

// refBroadcastMap aligns the source with the end of target; extent-1 source
// axes repeat their element. The result is read-only.
func refBroadcastMap(r refView, target []int) refView {
	lead := len(target) - len(r.shape)
	old := slices.Clone(r.shape)
	src := r.src
	return refView{slices.Clone(target), func(idx []int) []int {
		s := make([]int, len(old))
		for k, n := range old {
			if n != 1 {
				s[k] = idx[lead+k]
			}
		}
		return src(s)
	}, true}
}

// refWindow: window[i] slides over axis axes[i]; the result is read-only.
func refWindow(r refView, window, axes []int) refView {
	ndim := len(r.shape)
	shape := slices.Clone(r.shape)
	for i, a := range axes {
		shape[a] -= window[i] - 1
	}
	shape = append(shape, window...)
	src := r.src
	return refView{shape, func(idx []int) []int {
		s := slices.Clone(idx[:ndim])
		for i, a := range axes {
			s[a] += idx[ndim+i]
		}
		return src(s)
	}, true}
}

// itemKind is the kind of a reference index item.
type itemKind uint8

const (
	kindSlice itemKind = iota
	kindInt
	kindNewAxis
	kindEllipsis
)

// pyItem is a reference index item: the kind, and for ints and slices
// their parts (nil for omitted slice parts).
type pyItem struct {
	kind              itemKind
	i                 int
	start, stop, step *int
}

// refIndex applies NumPy's basic indexing rules, written from the rules:
// it reports the sentinel of the expected refusal, or nil.
func refIndex(r refView, items []pyItem) (refView, error) {
	ndim := len(r.shape)
	ellipses, consumed, ints, newAxes := 0, 0, 0, 0
	for _, it := range items {
		switch it.kind {
		case kindEllipsis:
			ellipses++
		case kindInt:
			consumed++
			ints++
		case kindSlice:
			consumed++
		case kindNewAxis:
			newAxes++
		}
	}
	if ellipses > 1 || consumed > ndim {
		return refView{}, ErrIndex
	}
	// Expand: the Ellipsis, or the missing tail, becomes full slices.
	var full []pyItem
	for _, it := range items {
		if it.kind == kindEllipsis {
			for range ndim - consumed {
				full = append(full, pyItem{kind: kindSlice})
			}
			continue
		}
		full = append(full, it)
	}
	if ellipses == 0 {
		for range ndim - consumed {
			full = append(full, pyItem{kind: kindSlice})
		}
	}
	// For each result axis, the source axis (-1 for a new axis) and the
	// positions it selects; fixed positions of integer-indexed axes.
	type axis struct {
		src int
		pos []int
	}
	var out []axis
	fixed := make([]int, ndim)
	a := 0
	for _, it := range full {
		switch it.kind {
		case kindNewAxis:
			out = append(out, axis{-1, []int{0}})
		case kindInt:
			n, i := r.shape[a], it.i
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return refView{}, ErrIndex
			}
			fixed[a] = i
			a++
		case kindSlice:
			step := 1
			if it.step != nil {
				step = *it.step
			}
			out = append(out, axis{a, pySlice(r.shape[a], it.start, it.stop, step)})
			a++
		}
	}
	if len(out) > MaxRank {
		return refView{}, ErrShape
	}
	shape := make([]int, len(out))
	for i, ax := range out {
		shape[i] = len(ax.pos)
	}
	src := r.src
	return refView{shape, func(idx []int) []int {
		s := slices.Clone(fixed)
		for i, ax := range out {
			if ax.src >= 0 {
				s[ax.src] = ax.pos[idx[i]]
			}
		}
		return src(s)
	}, r.ro}, nil
}

// typed returns the typed form of a reference index item.
func (it pyItem) typed() IndexItem {
	switch it.kind {
	case kindInt:
		return Int(it.i)
	case kindNewAxis:
		return NewAxis
	case kindEllipsis:
		return Ellipsis
	}
	var s IndexItem
	switch {
	case it.start != nil && it.stop != nil:
		s = Range(*it.start, *it.stop)
	case it.start != nil:
		s = From(*it.start)
	case it.stop != nil:
		s = To(*it.stop)
	}
	if it.step != nil {
		s = s.By(*it.step)
	}
	return s
}

// format writes the items as an index string, with random spacing and
// spellings.
func formatItems(r *rand.Rand, items []pyItem) string {
	sp := func() string { return []string{"", "", " ", "  ", "\t"}[r.IntN(5)] }
	parts := make([]string, len(items))
	for i, it := range items {
		var s string
		switch it.kind {
		case kindInt:
			s = strconv.Itoa(it.i)
		case kindNewAxis:
			s = []string{"None", "newaxis"}[r.IntN(2)]
		case kindEllipsis:
			s = "..."
		case kindSlice:
			num := func(p *int) string {
				if p == nil {
					return ""
				}
				return sp() + strconv.Itoa(*p) + sp()
			}
			s = num(it.start) + ":" + num(it.stop)
			if it.step != nil {
				s += ":" + num(it.step)
			} else if r.IntN(4) == 0 {
				s += ":" // an empty step is allowed
			}
		}
		parts[i] = sp() + s + sp()
	}
	return strings.Join(parts, ",")
}

// checkRef compares v with its reference model, element by element, and
// checks the bounds invariant and the contiguity flags.
func checkRef(t *testing.T, what string, b *base, v NDView[int], r refView) {
	t.Helper()
	require.Equal(t, append([]int{}, r.shape...), v.Shape(), "%s: shape", what)
	require.Equal(t, r.ro, v.ReadOnly(), "%s: ReadOnly()", what)
	require.Equal(t, r.size(), v.Size(), "%s: Size()", what)
	off, st := v.Offset(), v.Strides()
	forEachIndex(r.shape, func(idx []int) {
		want := b.offset(r.src(idx))
		p := refOffset(off, st, idx)
		if p != want || v.At(idx...) != want {
			require.Failf(t, "element differs", "%s: element %v: At = %d, offset formula over Offset() %d and Strides() %v = %d, want data[%d]",
				what, idx, v.At(idx...), off, st, p, want)
		}
	})
	require.Equal(t, bruteContig(v, false), v.IsCContiguous(), "%s: IsCContiguous()", what)
	require.Equal(t, bruteContig(v, true), v.IsFContiguous(), "%s: IsFContiguous()", what)
}

// affine reports whether the reference view can be a strided view: its
// element offsets are an offset plus a stride per axis.
func affine(b *base, r refView) bool {
	if r.size() == 0 {
		return true
	}
	zero := make([]int, len(r.shape))
	o := b.offset(r.src(zero))
	st := make([]int, len(r.shape))
	for k, n := range r.shape {
		if n > 1 {
			e := make([]int, len(r.shape))
			e[k] = 1
			st[k] = b.offset(r.src(e)) - o
		}
	}
	ok := true
	forEachIndex(r.shape, func(idx []int) {
		if b.offset(r.src(idx)) != refOffset(o, st, idx) {
			ok = false
		}
	})
	return ok
}

// randomBase returns a view of arange data with a layout of any mode
// drawn by randomLayout.
func randomBase(r *rand.Rand) *base {
	l := randomLayout(r, layoutOpts{MaxRank: 7, MaxExtent: 4, MaxSize: 300})
	data := arange(l.N)
	return &base{data: data, off: l.Off, shape: l.Shape, strides: l.Strides, v: layoutView(l, data), lay: l}
}

// randomAxes returns k distinct axes of ndim, each written as a random one
// of its two spellings (a or a-ndim).
func randomAxes(r *rand.Rand, k, ndim int) (spelled, norm []int) {
	norm = r.Perm(ndim)[:k]
	spelled = make([]int, k)
	for i, a := range norm {
		spelled[i] = a
		if r.IntN(2) == 0 {
			spelled[i] = a - ndim
		}
	}
	return spelled, norm
}

// spell writes axis a of ndim as a or a-ndim at random.
func spell(r *rand.Rand, a, ndim int) int {
	if r.IntN(2) == 0 {
		return a - ndim
	}
	return a
}

// randomItems returns a random basic index for a view of the given shape;
// mostly valid, sometimes not.
func randomItems(r *rand.Rand, shape []int) []pyItem {
	ndim := len(shape)
	k := r.IntN(ndim + 3)
	items := make([]pyItem, 0, k)
	ell := false
	axis := 0 // a guess of the source axis, for in-range integers
	bound := func(n int) *int {
		switch x := r.IntN(10); {
		case x < 3:
			return nil
		case x == 9:
			return ptr([]int{maxInt, minInt, 1 << 40, -(1 << 40)}[r.IntN(4)])
		default:
			v := r.IntN(2*n+7) - n - 3
			return &v
		}
	}
	for range k {
		n := 3
		if axis >= 0 && axis < ndim {
			n = shape[axis]
		}
		switch x := r.IntN(20); {
		case x < 2 && (!ell || r.IntN(10) == 0):
			items = append(items, pyItem{kind: kindEllipsis})
			ell = true
			axis = ndim - (k - len(items))
		case x < 4:
			items = append(items, pyItem{kind: kindNewAxis})
		case x < 9:
			i := 0
			if n > 0 {
				i = r.IntN(2*n) - n
			}
			if r.IntN(15) == 0 {
				i = n + r.IntN(3) // out of range
			}
			items = append(items, pyItem{kind: kindInt, i: i})
			axis++
		default:
			it := pyItem{kind: kindSlice, start: bound(n), stop: bound(n)}
			if r.IntN(3) > 0 {
				s := r.IntN(7) - 3
				if s == 0 {
					s = []int{maxInt, minInt, 5, -5}[r.IntN(4)]
				}
				it.step = &s
			}
			items = append(items, it)
			axis++
		}
	}
	return items
}

// step applies one random operation to v and its reference. It returns
// false when the operation was refused as the reference expected.
func step(t *testing.T, r *rand.Rand, b *base, v NDView[int], ref refView) (NDView[int], refView, string, bool) {
	t.Helper()
	ndim := v.NDim()
	for {
		switch r.IntN(16) {
		case 0, 1: // Index and Slice
			items := randomItems(r, ref.shape)
			expr := formatItems(r, items)
			want, werr := refIndex(ref, items)
			typed := make([]IndexItem, len(items))
			for i, it := range items {
				typed[i] = it.typed()
			}
			what := fmt.Sprintf("Index(%q)", expr)
			x, err := v.Index(expr)
			if werr != nil {
				require.ErrorIs(t, err, werr, "%s on %v", what, ref.shape)
				panics(t, werr, func() { v.Slice(typed...) })
				return v, ref, what, false
			}
			require.NoError(t, err, "%s on %v", what, ref.shape)
			s := v.Slice(typed...)
			require.Equal(t, x.Strides(), s.Strides(), "%s and Slice agree", what)
			require.Equal(t, x.Offset(), s.Offset(), "%s and Slice agree", what)
			return x, want, what, true
		case 2: // T
			perm := make([]int, ndim)
			for i := range perm {
				perm[i] = ndim - 1 - i
			}
			return v.T(), refPermute(ref, perm), "T()", true
		case 3: // Transpose
			spelled, perm := randomAxes(r, ndim, ndim)
			what := fmt.Sprintf("Transpose(%v)", spelled)
			if ndim >= 2 && r.IntN(10) == 0 {
				spelled[0] = spelled[1] // a repeat
				panics(t, ErrAxis, func() { v.Transpose(spelled...) })
				return v, ref, what, false
			}
			return v.Transpose(spelled...), refPermute(ref, perm), what, true
		case 4: // SwapAxes
			if ndim == 0 {
				continue
			}
			a, c := r.IntN(ndim), r.IntN(ndim)
			perm := make([]int, ndim)
			for i := range perm {
				perm[i] = i
			}
			perm[a], perm[c] = c, a
			sa, sc := spell(r, a, ndim), spell(r, c, ndim)
			return v.SwapAxes(sa, sc), refPermute(ref, perm), fmt.Sprintf("SwapAxes(%d, %d)", sa, sc), true
		case 5: // MoveAxis, by X3's description
			k := r.IntN(ndim + 1)
			src, srcN := randomAxes(r, k, ndim)
			dst, dstN := randomAxes(r, k, ndim)
			var order []int
			for a := range ndim {
				if !slices.Contains(srcN, a) {
					order = append(order, a)
				}
			}
			idx := make([]int, k)
			for i := range idx {
				idx[i] = i
			}
			slices.SortFunc(idx, func(x, y int) int { return dstN[x] - dstN[y] })
			for _, i := range idx {
				order = slices.Insert(order, dstN[i], srcN[i])
			}
			return v.MoveAxis(src, dst), refPermute(ref, order), fmt.Sprintf("MoveAxis(%v, %v)", src, dst), true
		case 6: // Flip
			flip := make([]bool, ndim)
			var axes []int
			if r.IntN(3) == 0 {
				for i := range flip {
					flip[i] = true
				}
			} else {
				spelled, norm := randomAxes(r, r.IntN(ndim+1), ndim)
				for _, a := range norm {
					flip[a] = true
				}
				axes = spelled
				if len(axes) == 0 {
					continue // Flip() means every axis
				}
			}
			return v.Flip(axes...), refFlip(ref, flip), fmt.Sprintf("Flip(%v)", axes), true
		case 7: // Rot90
			if ndim < 2 {
				continue
			}
			k := r.IntN(11) - 5
			_, ax := randomAxes(r, 2, ndim)
			a0, a1 := spell(r, ax[0], ndim), spell(r, ax[1], ndim)
			what := fmt.Sprintf("Rot90(%d, %d, %d)", k, a0, a1)
			if a0-a1 == ndim || a1-a0 == ndim {
				panics(t, ErrAxis, func() { v.Rot90(k, a0, a1) })
				return v, ref, what, false
			}
			return v.Rot90(k, a0, a1), refRot90(ref, ((k%4)+4)%4, ax[0], ax[1]), what, true
		case 8: // Diagonal
			if ndim < 2 {
				continue
			}
			_, ax := randomAxes(r, 2, ndim)
			n := max(ref.shape[ax[0]], ref.shape[ax[1]])
			offset := r.IntN(2*n+5) - n - 2
			a1, a2 := spell(r, ax[0], ndim), spell(r, ax[1], ndim)
			return v.Diagonal(offset, a1, a2), refDiagonal(ref, offset, ax[0], ax[1]),
				fmt.Sprintf("Diagonal(%d, %d, %d)", offset, a1, a2), true
		case 9: // Squeeze
			drop := make([]bool, ndim)
			var axes []int
			all := r.IntN(2) == 0
			for i, n := range ref.shape {
				if n == 1 && (all || r.IntN(2) == 0) {
					drop[i] = true
					axes = append(axes, spell(r, i, ndim))
				}
			}
			if all {
				axes = nil
			} else if len(axes) == 0 {
				continue
			}
			return v.Squeeze(axes...), refSqueeze(ref, drop), fmt.Sprintf("Squeeze(%v)", axes), true
		case 10: // ExpandDims
			if ndim > 8 {
				continue
			}
			k := r.IntN(3)
			out := ndim + k
			spelled, norm := randomAxes(r, k, out)
			at := make([]bool, out)
			for _, a := range norm {
				at[a] = true
			}
			return v.ExpandDims(spelled...), refExpand(ref, at), fmt.Sprintf("ExpandDims(%v)", spelled), true
		case 11, 12: // Reshape, ReshapeOrder
			size := ref.size()
			var shape []int
			if size == 0 {
				shape = make([]int, 1+r.IntN(3))
				for i := range shape {
					shape[i] = r.IntN(4)
				}
				shape[r.IntN(len(shape))] = 0
			} else {
				rest := size
				for rest > 1 || r.IntN(3) == 0 {
					if len(shape) > 5 {
						shape = append(shape, rest)
						rest = 1
						break
					}
					var divs []int
					for d := 1; d <= rest; d++ {
						if rest%d == 0 {
							divs = append(divs, d)
						}
					}
					d := divs[r.IntN(len(divs))]
					shape = append(shape, d)
					rest /= d
				}
				if rest > 1 {
					shape = append(shape, rest)
				}
			}
			resolved := slices.Clone(shape)
			arg := slices.Clone(shape)
			if len(arg) > 0 && size > 0 && r.IntN(3) == 0 {
				arg[r.IntN(len(arg))] = -1
			}
			order := Order(r.IntN(3))
			fortran := order == OrderF || (order == OrderA && bruteContig(v, true) && !bruteContig(v, false))
			want := refReshape(ref, resolved, fortran)
			what := fmt.Sprintf("ReshapeOrder(%v, %v)", order, arg)
			x, err := v.ReshapeOrder(order, arg...)
			if !affine(b, want) {
				require.ErrorIs(t, err, ErrLayout, "%s of %v st %v", what, ref.shape, v.Strides())
				return v, ref, what, false
			}
			require.NoError(t, err, "%s of %v st %v", what, ref.shape, v.Strides())
			return x, want, what, true
		case 13: // BroadcastTo
			lead := r.IntN(3)
			if ndim+lead > 8 {
				continue
			}
			target := make([]int, 0, ndim+lead)
			for range lead {
				target = append(target, r.IntN(4))
			}
			for _, n := range ref.shape {
				if n == 1 && r.IntN(2) == 0 {
					n = r.IntN(4)
				}
				target = append(target, n)
			}
			if shapeProduct(target) > 2000 {
				continue
			}
			what := fmt.Sprintf("BroadcastTo(%v)", target)
			for i, n := range ref.shape {
				if n != 1 && r.IntN(20) == 0 {
					target[lead+i] = n + 1 // incompatible
					_, err := v.BroadcastTo(target...)
					require.ErrorIs(t, err, ErrShape, what)
					return v, ref, what, false
				}
			}
			x, err := v.BroadcastTo(target...)
			require.NoError(t, err, what)
			return x, refBroadcastMap(ref, target), what, true
		case 14: // SlidingWindow
			if ndim == 0 || ndim > 6 {
				continue
			}
			var window, spelled, axes []int
			trimmed := slices.Clone(ref.shape)
			if r.IntN(3) == 0 {
				for a := range ndim {
					w := r.IntN(trimmed[a] + 1)
					window = append(window, w)
					axes = append(axes, a)
					trimmed[a] -= w - 1
				}
			} else {
				for range 1 + r.IntN(2) {
					a := r.IntN(ndim)
					w := r.IntN(trimmed[a] + 1)
					window = append(window, w)
					axes = append(axes, a)
					spelled = append(spelled, spell(r, a, ndim))
					trimmed[a] -= w - 1
				}
			}
			want := refWindow(ref, window, axes)
			if want.size() > 2000 {
				continue
			}
			what := fmt.Sprintf("SlidingWindow(%v, %v)", window, spelled)
			x, err := v.SlidingWindow(window, spelled...)
			require.NoError(t, err, what)
			return x, want, what, true
		case 15: // AsReadOnly
			ro := ref
			ro.ro = true
			return v.AsReadOnly(), ro, "AsReadOnly()", true
		}
	}
}

// checkZeroCopy writes through v and reads through the base view, and
// back, then restores the data.
func checkZeroCopy(t *testing.T, what string, r *rand.Rand, b *base, v NDView[int], ref refView) {
	t.Helper()
	if ref.size() == 0 {
		return
	}
	idx := make([]int, len(ref.shape))
	for i, n := range ref.shape {
		idx[i] = r.IntN(n)
	}
	bi := ref.src(idx)
	p := b.offset(bi)
	if !v.ReadOnly() {
		v.Set(-7, idx...)
		require.Equal(t, -7, b.v.At(bi...), "%s: Set(%v) through the view is seen through the base at %v", what, idx, bi)
		b.data[p] = p
	}
	if !b.v.ReadOnly() {
		b.v.Set(-9, bi...)
		require.Equal(t, -9, v.At(idx...), "%s: Set through the base at %v is seen through the view at %v", what, bi, idx)
		b.data[p] = p
	}
}

func TestPropertyChains(t *testing.T) {
	r := rand.New(rand.NewPCG(20240601, 2))
	chains := 4000
	if testing.Short() {
		chains = 500
	}
	refused := 0
	for c := range chains {
		b := randomBase(r)
		v, ref := b.v, b.root()
		hist := fmt.Sprintf("chain %d: %v", c, b.lay)
		checkRef(t, hist, b, v, ref)
		for range 1 + r.IntN(6) {
			var what string
			var ok bool
			v, ref, what, ok = step(t, r, b, v, ref)
			hist += "." + what
			if !ok {
				refused++
				continue
			}
			checkRef(t, hist, b, v, ref)
			checkBounds(t, v, len(b.data))
		}
		checkZeroCopy(t, hist, r, b, v, ref)
	}
	t.Logf("%d chains, %d refused operations", chains, refused)
}

func TestOpsOverLayouts(t *testing.T) {
	// Every view operation on every layout of the shared table, with fixed
	// arguments, against the reference model.
	type op struct {
		name string
		ok   func(ref refView) bool
		do   func(v NDView[int]) (NDView[int], error)
		ref  func(ref refView) refView
	}
	nd := func(ref refView) int { return len(ref.shape) }
	always := func(refView) bool { return true }
	reverse := func(n int) []int {
		p := make([]int, n)
		for i := range p {
			p[i] = n - 1 - i
		}
		return p
	}
	ops := []op{
		{"T", always, func(v NDView[int]) (NDView[int], error) { return v.T(), nil },
			func(r refView) refView { return refPermute(r, reverse(nd(r))) }},
		{"Transpose reversed", always, func(v NDView[int]) (NDView[int], error) { return v.Transpose(reverse(v.NDim())...), nil },
			func(r refView) refView { return refPermute(r, reverse(nd(r))) }},
		{"SwapAxes(0,-1)", func(r refView) bool { return nd(r) > 0 },
			func(v NDView[int]) (NDView[int], error) { return v.SwapAxes(0, -1), nil },
			func(r refView) refView {
				p := reverse(nd(r))
				for i := 1; i < len(p)-1; i++ {
					p[i] = i
				}
				return refPermute(r, p)
			}},
		{"Flip()", always, func(v NDView[int]) (NDView[int], error) { return v.Flip(), nil },
			func(r refView) refView {
				f := make([]bool, nd(r))
				for i := range f {
					f[i] = true
				}
				return refFlip(r, f)
			}},
		{"Rot90(1)", func(r refView) bool { return nd(r) > 2 },
			func(v NDView[int]) (NDView[int], error) { return v.Rot90(1), nil },
			func(r refView) refView { return refRot90(r, 1, 0, 1) }},
		{"Rot90(-1, -1, 0)", func(r refView) bool { return nd(r) > 2 },
			func(v NDView[int]) (NDView[int], error) { return v.Rot90(-1, -1, 0), nil },
			func(r refView) refView { return refRot90(r, 3, nd(r)-1, 0) }},
		{"Diagonal(1,0,1)", func(r refView) bool { return nd(r) >= 2 },
			func(v NDView[int]) (NDView[int], error) { return v.Diagonal(1, 0, 1), nil },
			func(r refView) refView { return refDiagonal(r, 1, 0, 1) }},
		{"Diagonal(-1,-1,0)", func(r refView) bool { return nd(r) >= 2 },
			func(v NDView[int]) (NDView[int], error) { return v.Diagonal(-1, -1, 0), nil },
			func(r refView) refView { return refDiagonal(r, -1, nd(r)-1, 0) }},
		{"Squeeze()", always, func(v NDView[int]) (NDView[int], error) { return v.Squeeze(), nil },
			func(r refView) refView {
				d := make([]bool, nd(r))
				for i, n := range r.shape {
					d[i] = n == 1
				}
				return refSqueeze(r, d)
			}},
		{"ExpandDims(0,-1)", always, func(v NDView[int]) (NDView[int], error) { return v.ExpandDims(0, -1), nil },
			func(r refView) refView {
				at := make([]bool, nd(r)+2)
				at[0], at[len(at)-1] = true, true
				return refExpand(r, at)
			}},
		{"Index(::-1, ..., None)", func(r refView) bool { return nd(r) > 0 },
			func(v NDView[int]) (NDView[int], error) { return v.Index("::-1, ..., None") },
			func(r refView) refView {
				m, _ := refIndex(r, []pyItem{{kind: kindSlice, step: ptr(-1)}, {kind: kindEllipsis}, {kind: kindNewAxis}})
				return m
			}},
		{"Slice(-1, 1::2)", func(r refView) bool { return nd(r) > 1 && r.shape[0] > 0 },
			func(v NDView[int]) (NDView[int], error) { return v.Slice(Int(-1), From(1).By(2)), nil },
			func(r refView) refView {
				m, _ := refIndex(r, []pyItem{{kind: kindInt, i: -1}, {kind: kindSlice, start: ptr(1), step: ptr(2)}})
				return m
			}},
		{"BroadcastTo(2, ...)", func(r refView) bool { return nd(r) < MaxRank },
			func(v NDView[int]) (NDView[int], error) { return v.BroadcastTo(append([]int{2}, v.Shape()...)...) },
			func(r refView) refView { return refBroadcastMap(r, append([]int{2}, r.shape...)) }},
		{"SlidingWindow(1 on axis 0, 2 on axis -1)", func(r refView) bool { return nd(r) > 0 && r.shape[nd(r)-1] >= 2 },
			func(v NDView[int]) (NDView[int], error) { return v.SlidingWindow([]int{1, 2}, 0, -1) },
			func(r refView) refView { return refWindow(r, []int{1, 2}, []int{0, nd(r) - 1}) }},
		{"Reshape(-1)", always, func(v NDView[int]) (NDView[int], error) { return v.Reshape(-1) },
			func(r refView) refView { return refReshape(r, []int{r.size()}, false) }},
		{"ReshapeOrder(F, -1)", always, func(v NDView[int]) (NDView[int], error) { return v.ReshapeOrder(OrderF, -1) },
			func(r refView) refView { return refReshape(r, []int{r.size()}, true) }},
	}
	ran := map[string]int{}
	for _, l := range layouts {
		for _, o := range ops {
			// Operations that need more axes, or a longer last axis,
			// than the layout has are not run on it (and not reported as
			// skipped tests); each must run on some layouts.
			if !o.ok(refView{shape: l.shape}) {
				continue
			}
			ran[o.name]++
			t.Run(l.name+"/"+o.name, func(t *testing.T) {
				lv, data := l.view(t)
				b := &base{data: data, off: l.off, shape: l.shape, strides: l.strides, v: lv}
				ref := b.root()
				want := o.ref(ref)
				v, err := o.do(lv)
				if err != nil {
					var e *Error
					require.True(t, errors.As(err, &e))
					require.ErrorIs(t, err, ErrLayout, "only a reshape may be refused here")
					require.False(t, affine(b, want), "%s refused but a view exists", o.name)
					return
				}
				checkRef(t, o.name, b, v, want)
				checkBounds(t, v, len(data))
				checkZeroCopy(t, o.name, rand.New(rand.NewPCG(1, 1)), b, v, want)
			})
		}
	}
	for _, o := range ops {
		assert.GreaterOrEqual(t, ran[o.name], 3, "%s runs on too few layouts of the table", o.name)
	}
}
