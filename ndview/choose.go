package ndview

// Choosing among arrays by index or by condition (semantics.md §15):
// NumPy's choose and select.

import (
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// IndexMode says what ChooseMode does with an index outside [0, n): NumPy's
// mode argument of choose (and of take and put).
type IndexMode uint8

const (
	// ModeRaise refuses the index: an error wrapping ErrIndex.
	ModeRaise IndexMode = iota
	// ModeWrap wraps the index modulo n, into [0, n).
	ModeWrap
	// ModeClip clips the index to [0, n−1].
	ModeClip
)

// ChooseInto stores into dst, at each position, the element of the choice
// that indices selects there: NumPy's np.choose(indices, choices,
// out=dst) with mode='raise':
//
//	dst[i...] = choices[indices[i...]][i...]
//
// indices and every choice are broadcast to dst's shape as CopyFrom
// broadcasts (Scalar gives a scalar choice). Indices are in [0,
// len(choices)): unlike Take, a negative index is refused, as in NumPy.
// Choices or indices that share memory with dst are copied first
// (allocating), so the result is as if they did not overlap; Choose also
// allocates a few slices of len(choices) elements.
//
// ChooseInto returns an error wrapping ErrIndex, naming the first bad index
// and its position, when an index lies outside [0, len(choices)); dst is
// then untouched. It panics, before writing anything, with an error
// wrapping ErrReadOnly when dst is read-only, and ErrShape when there is
// no choice or an operand does not broadcast to dst's shape.
func ChooseInto[T any](dst NDView[T], indices NDView[int], choices ...NDView[T]) error {
	return chooseMode("Choose", dst, indices, ModeRaise, choices)
}

// Choose returns, in a new array of the shape indices and choices
// broadcast to, what ChooseInto would store (NumPy's np.choose(indices,
// choices)). It returns ChooseInto's errors and panics as it does
// (semantics.md A1).
func Choose[T any](indices NDView[int], choices ...NDView[T]) (NDView[T], error) {
	return ChooseMode(indices, ModeRaise, choices...)
}

// ChooseModeInto is Choose with NumPy's mode argument: ModeRaise is Choose,
// ModeWrap and ModeClip map every index into [0, len(choices)) and never
// return an error. It panics as Choose does, and with an error wrapping
// ErrIndex for a mode other than these three.
func ChooseModeInto[T any](dst NDView[T], indices NDView[int], mode IndexMode, choices ...NDView[T]) error {
	return chooseMode("ChooseMode", dst, indices, mode, choices)
}

// ChooseMode is Choose with NumPy's mode= for out-of-range indices
// (semantics.md A1).
func ChooseMode[T any](indices NDView[int], mode IndexMode, choices ...NDView[T]) (NDView[T], error) {
	ls := make([]*layout.Layout, 0, len(choices)+1)
	ls = append(ls, &indices.lay)
	for i := range choices {
		ls = append(ls, &choices[i].lay)
	}
	dst := newResult[T]("ChooseMode", ls...)
	if err := ChooseModeInto(dst, indices, mode, choices...); err != nil {
		return NDView[T]{}, err
	}
	return dst, nil
}

// chooseMode runs Choose and ChooseMode.
func chooseMode[T any](op string, dst NDView[T], indices NDView[int], mode IndexMode, choices []NDView[T]) error {
	if dst.ReadOnly() {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	if mode > ModeClip {
		panicf(op, ErrIndex, "invalid mode %d: want ModeRaise, ModeWrap or ModeClip", mode)
	}
	nc := len(choices)
	if nc == 0 {
		panicf(op, ErrShape, "0-length sequence: there must be at least one choice")
	}
	dsh := dst.lay.Shape()
	nd := len(dsh)
	var scratch [MaxRank]int
	srcs := make([]*layout.Layout, 0, nc+1)
	srcs = append(srcs, &indices.lay)
	for i := range choices {
		srcs = append(srcs, &choices[i].lay)
	}
	for _, s := range srcs {
		if !plan.BroadcastInto(dsh, s.Shape(), s.Strides(), scratch[:nd]) {
			writePanic(op, &dst.lay, srcs)
		}
	}
	if mode == ModeRaise {
		if lo, hi := indexExtremes(&indices); lo < 0 || hi >= nc {
			return chooseError(op, &indices, nc)
		}
	}
	if dst.Size() == 0 {
		return nil
	}
	detachFrom(&dst, &indices)
	choices = append([]NDView[T](nil), choices...) // the caller's slice is left alone
	for i := range choices {
		detachFrom(&dst, &choices[i])
	}
	// Each operand's strides over dst's axes, and its offset at the start
	// of the current row, stepped by an odometer over the outer axes.
	st := make([]int, (nc+2)*max(nd, 1))
	off := make([]int, nc+2)
	dstSt := st[:nd]
	copy(dstSt, dst.lay.Strides())
	off[0] = dst.lay.Off
	plan.BroadcastInto(dsh, indices.lay.Shape(), indices.lay.Strides(), st[nd:2*nd])
	off[1] = indices.lay.Off
	for i, c := range choices {
		plan.BroadcastInto(dsh, c.lay.Shape(), c.lay.Strides(), st[(i+2)*nd:(i+3)*nd])
		off[i+2] = c.lay.Off
	}
	last, ds, ks := 1, 0, 0
	if nd > 0 {
		last, ds, ks = dsh[nd-1], dstSt[nd-1], st[2*nd-1]
	}
	var idxBuf [MaxRank]int
	idx := idxBuf[:max(nd-1, 0)]
	for {
		d, k := off[0], off[1]
		for j := range last {
			c := indices.data[k]
			switch mode {
			case ModeWrap:
				c %= nc
				if c < 0 {
					c += nc
				}
			case ModeClip:
				c = min(max(c, 0), nc-1)
			}
			o := off[c+2]
			if nd > 0 {
				o += j * st[(c+3)*nd-1]
			}
			dst.data[d] = choices[c].data[o]
			d += ds
			k += ks
		}
		// Odometer over the outer axes.
		a := nd - 2
		for ; a >= 0; a-- {
			idx[a]++
			for q := range off {
				off[q] += st[q*nd+a]
			}
			if idx[a] < dsh[a] {
				break
			}
			for q := range off {
				off[q] -= st[q*nd+a] * dsh[a]
			}
			idx[a] = 0
		}
		if a < 0 {
			return nil
		}
	}
}

// chooseError builds Choose's error for the first index, in C order,
// outside [0, nc).
//
//go:noinline
func chooseError(op string, ind *NDView[int], nc int) error {
	for idx, i := range ind.Enumerate() {
		if i < 0 || i >= nc {
			return errorf(op, ErrIndex, "invalid entry in choice array: index %d at position %s of indices of shape %s; valid indices are 0 to %d (one per choice)",
				i, formatShape(idx), formatShape(ind.lay.Shape()), nc-1)
		}
	}
	return nil
}

// SelectInto stores into dst, at each position, the element of the first
// choice whose condition holds there, or of def where none does: NumPy's
// np.select(condlist, choicelist, default). The conditions, the choices
// and def are broadcast to dst's shape as CopyFrom broadcasts (Scalar(x)
// gives NumPy's scalar default). Operands that share memory with dst are
// copied first (allocating), so the result is as if they did not overlap.
//
// SelectInto panics, before writing anything, with an error wrapping
// ErrReadOnly when dst is read-only, and ErrShape when the lists differ
// in length or are empty (NumPy's ValueErrors) or an operand does not
// broadcast to dst's shape.
func SelectInto[T any](dst NDView[T], condlist []NDView[bool], choicelist []NDView[T], def NDView[T]) {
	const op = "Select"
	if dst.ReadOnly() {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	switch {
	case len(condlist) != len(choicelist):
		panicf(op, ErrShape, "list of cases must be same length as list of conditions: %d conditions, %d choices", len(condlist), len(choicelist))
	case len(condlist) == 0:
		panicf(op, ErrShape, "select with an empty condition list is not possible")
	}
	srcs := []*layout.Layout{&def.lay}
	for i := range condlist {
		srcs = append(srcs, &condlist[i].lay, &choicelist[i].lay)
	}
	var scratch [MaxRank]int
	dsh := dst.lay.Shape()
	for _, s := range srcs {
		if !plan.BroadcastInto(dsh, s.Shape(), s.Strides(), scratch[:len(dsh)]) {
			writePanic(op, &dst.lay, srcs)
		}
	}
	if dst.Size() == 0 {
		return
	}
	conds := append([]NDView[bool](nil), condlist...)
	choices := append([]NDView[T](nil), choicelist...)
	detachFrom(&dst, &def)
	for i := range conds {
		detachFrom(&dst, &conds[i])
		detachFrom(&dst, &choices[i])
	}
	dst.CopyFrom(def)
	for i := len(conds) - 1; i >= 0; i-- {
		WhereInto(dst, conds[i], choices[i], dst)
	}
}

// Select returns, in a new array of the shape every condition, choice and
// def broadcast to, what SelectInto would store (NumPy's np.select(condlist,
// choicelist, default)). It panics as SelectInto does (semantics.md A1).
func Select[T any](condlist []NDView[bool], choicelist []NDView[T], def NDView[T]) NDView[T] {
	ls := make([]*layout.Layout, 0, len(condlist)+len(choicelist)+1)
	for i := range condlist {
		ls = append(ls, &condlist[i].lay)
	}
	for i := range choicelist {
		ls = append(ls, &choicelist[i].lay)
	}
	ls = append(ls, &def.lay)
	dst := newResult[T]("Select", ls...)
	SelectInto(dst, condlist, choicelist, def)
	return dst
}
