package ndview

import (
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// Tiling and rearranging (semantics.md §13): Tile, Repeat and its forms,
// Roll and Resize. Each returns a new C-contiguous array that shares
// nothing with its input.
//
// Tile and Repeat with one count are a single copy: the output, viewed
// with the repeated axes split out ((r0, n0, r1, n1, …) for Tile, (…, n,
// r, …) for Repeat), is filled by CopyFrom from a broadcast of the input,
// whose stride-0 axes repeat each element or block without a loop here.
// Roll copies at most two blocks per rolled axis; Resize copies the input
// once and then doubles the filled part with the builtin copy.
//
// Counts, repetitions and shifts are the program's own numbers (E1): a
// negative one panics, as does a result too big for int. Repeat's
// per-element counts often come from data, so a count slice of the wrong
// length is an error; Resize's shape is a shape passed as a value and
// gives errors, like Reshape's.

// Tile returns a new array holding a repeated reps[i] times along each
// axis i (NumPy's np.tile(a, reps)). When reps is shorter than a's rank,
// 1s are prepended to it; when longer, a is treated as having 1s prepended
// to its shape, so the result has max(len(reps), a.NDim()) axes. Tile(a)
// with no reps is a copy of a.
//
// Tile panics with an error wrapping ErrShape when a rep is negative or
// the result would have more than MaxRank axes, and ErrOverflow when its
// size overflows int.
func Tile[T any](a NDView[T], reps ...int) NDView[T] {
	const op = "Tile"
	for i, r := range reps {
		if r < 0 {
			panicf(op, ErrShape, "negative dimensions are not allowed: reps[%d] is %d", i, r)
		}
	}
	sh := a.lay.Shape()
	d := max(len(reps), len(sh))
	if d > MaxRank {
		panicf(op, ErrShape, "the result would have %d dimensions, above the maximum of %d", d, MaxRank)
	}
	src := a
	if d > len(sh) {
		src = a.ExpandDims(axisRange(0, d-len(sh))...)
	}
	ssh := src.lay.Shape()
	full := make([]int, d) // reps with 1s prepended
	for i := range full {
		full[i] = 1
	}
	copy(full[d-len(reps):], reps)
	shape := make([]int, d)
	pairs := make([]int, 0, 2*d) // the output with each repeated axis split in (r, n)
	var newAxes []int            // where src gets the axes of extent 1 that broadcast to r
	for i := range d {
		shape[i] = mulCount(ssh[i], full[i]) // checked by mustZeros below
		if full[i] != 1 {
			newAxes = append(newAxes, len(pairs))
			pairs = append(pairs, full[i])
		}
		pairs = append(pairs, ssh[i])
	}
	out := mustZeros[T](op, shape)
	if out.Size() == 0 {
		return out
	}
	if len(pairs) > MaxRank {
		tileBlocks(out, src, full)
		return out
	}
	dst, err := out.Reshape(pairs...)
	if err != nil {
		panic(err) // unreachable: out is C-contiguous
	}
	b, err := src.ExpandDims(newAxes...).BroadcastTo(pairs...)
	if err != nil {
		panic(err) // unreachable: the new axes have extent 1
	}
	dst.CopyFrom(b)
	return out
}

// tileBlocks is Tile for results whose split view would exceed MaxRank:
// src, of out's rank, is copied into out's first block, which is then
// copied along each axis in turn to fill the repetitions.
func tileBlocks[T any](out, src NDView[T], reps []int) {
	ssh := src.lay.Shape()
	block := out
	for i := range ssh {
		block = block.narrow(i, 0, ssh[i])
	}
	block.CopyFrom(src)
	for i, r := range reps {
		for k := 1; k < r; k++ {
			block.narrowAt(i, k*ssh[i]).CopyFrom(block)
		}
		block = block.narrow(i, 0, ssh[i]*r) // views the same data: narrow keeps the offset
	}
}

// narrowAt returns v moved by lo along axis, with its shape unchanged; the
// caller knows that the moved view lies inside the data.
func (v *NDView[T]) narrowAt(axis, lo int) NDView[T] {
	return v.narrow(axis, lo, v.lay.Shape()[axis])
}

// axisRange returns lo, lo+1, …, hi-1.
func axisRange(lo, hi int) []int {
	out := make([]int, hi-lo)
	for i := range out {
		out[i] = lo + i
	}
	return out
}

// mustZeros is Zeros for the operation op, which its panic names.
func mustZeros[T any](op string, shape []int) NDView[T] {
	for i, n := range shape {
		if n < 0 { // an extent times a count that overflowed
			panicf(op, ErrOverflow, "the result's extent on axis %d overflows int", i)
		}
	}
	if _, err := layout.CheckShape(op, shape, mem.Sizeof[T]()); err != nil {
		panic(err)
	}
	return Zeros[T](shape...)
}

// mulCount returns n·r for an extent n and a count r ≥ 0, or -1 when it
// overflows (mustZeros then panics).
func mulCount(n, r int) int {
	if p, ok := layout.MulInt(n, r); ok {
		return p
	}
	return -1
}

// Repeat returns a new array with each element of a repeated repeats times
// along axis (NumPy's np.repeat(a, repeats, axis) with one count): the
// extent n of axis becomes n·repeats, and element i of the axis fills
// positions i·repeats to (i+1)·repeats-1. A negative axis counts from the
// end. For NumPy's axis=None, see RepeatFlat; for one count per element,
// RepeatCounts.
//
// Repeat panics with an error wrapping ErrShape when repeats is negative,
// ErrAxis when axis is out of range, and ErrOverflow when the result's
// size overflows int.
func Repeat[T any](a NDView[T], repeats, axis int) NDView[T] {
	const op = "Repeat"
	ax := layout.NormalizeAxis(op, axis, a.NDim())
	checkCount(op, 0, repeats)
	shape := a.Shape()
	shape[ax] = mulCount(shape[ax], repeats)
	out := mustZeros[T](op, shape)
	repeatInto(out, a, ax, repeats)
	return out
}

// RepeatFlat returns a new 1-D array holding the elements of a in C order,
// each repeated repeats times (NumPy's np.repeat(a, repeats) with
// axis=None). It panics as Repeat does.
func RepeatFlat[T any](a NDView[T], repeats int) NDView[T] {
	const op = "RepeatFlat"
	checkCount(op, 0, repeats)
	out := mustZeros[T](op, []int{mulCount(a.Size(), repeats)})
	if a.NDim() == MaxRank { // no room for the repeat axis: repeat a flat copy
		a = Ravel(a)
	}
	repeatInto(out, a, a.NDim()-1, repeats)
	return out
}

// checkCount panics unless count (counts[i]) is not negative.
func checkCount(op string, i, count int) {
	if count < 0 {
		panicf(op, ErrShape, "negative dimensions are not allowed: count %d (index %d) is negative", count, i)
	}
}

// repeatInto fills out, a new C-contiguous array of a's size times
// repeats, with each element of a repeated repeats times after its
// position along axis ax, in C order: out viewed as a's shape with an
// axis of extent repeats inserted after ax is a broadcast of a.
func repeatInto[T any](out, a NDView[T], ax, repeats int) {
	if out.Size() == 0 {
		return
	}
	sh := a.lay.Shape()
	if len(sh) == MaxRank { // Repeat of a rank-64 view: one copy per index of ax
		for i := range sh[ax] {
			src := a.narrow(ax, i, 1)
			out.narrow(ax, i*repeats, repeats).CopyFrom(src)
		}
		return
	}
	split := make([]int, 0, len(sh)+1)
	split = append(append(append(split, sh[:ax+1]...), repeats), sh[ax+1:]...)
	dst, err := out.Reshape(split...)
	if err != nil {
		panic(err) // unreachable: out is C-contiguous
	}
	b, err := a.ExpandDims(ax + 1).BroadcastTo(split...)
	if err != nil {
		panic(err) // unreachable
	}
	dst.CopyFrom(b)
}

// RepeatCounts returns a new array with element i along axis repeated
// counts[i] times (NumPy's np.repeat(a, counts, axis)); a single count
// applies to every element, as in Repeat. A negative axis counts from the
// end.
//
// RepeatCounts returns an error wrapping ErrShape when len(counts) is
// neither 1 nor the extent of axis ("operands could not be broadcast
// together"), and ErrOverflow when the counts add up to more than an int
// holds. It panics with an error wrapping ErrShape when a count is
// negative and ErrAxis when axis is out of range.
func RepeatCounts[T any](a NDView[T], counts []int, axis int) (NDView[T], error) {
	return repeatCounts("RepeatCounts", a, counts, layout.NormalizeAxis("RepeatCounts", axis, a.NDim()))
}

// RepeatCountsFlat returns a new 1-D array holding the elements of a in C
// order, element i repeated counts[i] times (NumPy's np.repeat(a, counts)
// with axis=None); len(counts) must be 1 or a.Size(). Errors and panics
// are those of RepeatCounts.
func RepeatCountsFlat[T any](a NDView[T], counts []int) (NDView[T], error) {
	return repeatCounts("RepeatCountsFlat", Ravel(a), counts, 0)
}

// repeatCounts is RepeatCounts with ax in range.
func repeatCounts[T any](op string, a NDView[T], counts []int, ax int) (NDView[T], error) {
	for i, c := range counts {
		checkCount(op, i, c)
	}
	shape := a.Shape()
	n := shape[ax]
	if len(counts) == 1 {
		shape[ax] = mulCount(n, counts[0])
		if shape[ax] < 0 {
			return NDView[T]{}, errorf(op, ErrOverflow, "%d elements repeated %d times overflow int", n, counts[0])
		}
	} else {
		if len(counts) != n {
			return NDView[T]{}, errorf(op, ErrShape,
				"operands could not be broadcast together with shape (%d,) (%d,): want one count per element along axis %d of shape %s, or a single count",
				n, len(counts), ax, formatShape(shape))
		}
		total := 0
		for _, c := range counts {
			var ok bool
			if total, ok = layout.AddInt(total, c); !ok {
				return NDView[T]{}, errorf(op, ErrOverflow, "the counts add up to more than an int holds")
			}
		}
		shape[ax] = total
	}
	if _, err := layout.CheckShape(op, shape, mem.Sizeof[T]()); err != nil {
		return NDView[T]{}, err
	}
	out := Zeros[T](shape...)
	if len(counts) == 1 {
		repeatInto(out, a, ax, counts[0])
		return out, nil
	}
	if out.Size() == 0 {
		return out, nil
	}
	pos := 0
	for i, c := range counts {
		if c > 0 {
			out.narrow(ax, pos, c).CopyFrom(a.narrow(ax, i, 1))
			pos += c
		}
	}
	return out, nil
}

// Roll returns a new array holding a with its elements shifted by shift
// along each of the given axes, those shifted past the end coming back at
// the start (NumPy's np.roll(a, shift, axis)); a negative shift rolls the
// other way and shifts larger than the extent wrap around. An axis named
// twice is rolled twice. With no axes, a is rolled as a flat array in C
// order and the result has a's shape (NumPy's axis=None). For a different
// shift on each axis, see RollEach.
//
// Roll panics with an error wrapping ErrAxis when an axis is out of range.
func Roll[T any](a NDView[T], shift int, axes ...int) NDView[T] {
	return RollEach(a, []int{shift}, axes)
}

// RollEach is Roll with shifts[i] applied along axes[i] (NumPy's
// np.roll(a, shifts, axes) with tuples). The two slices broadcast: one
// shift applies to every axis, and one axis takes the sum of all shifts;
// with no axes, a is rolled flat by the sum of the shifts.
//
// RollEach panics with an error wrapping ErrShape when shifts and axes
// have different lengths and neither has length 1, and ErrAxis when an
// axis is out of range.
func RollEach[T any](a NDView[T], shifts, axes []int) NDView[T] {
	const op = "Roll"
	// shifts and axes broadcast against each other, to cnt pairs.
	cnt := len(shifts)
	switch {
	case len(axes) == 0:
		r, err := RollEach(Ravel(a), shifts, []int{0}).Reshape(a.lay.Shape()...)
		if err != nil {
			panic(err) // unreachable: a new C-contiguous array of a's size
		}
		return r
	case len(shifts) == 1:
		cnt = len(axes)
	case len(axes) != 1 && len(axes) != len(shifts):
		panicf(op, ErrShape, "shape mismatch: %d shifts cannot be broadcast against %d axes", len(shifts), len(axes))
	}
	nd := a.NDim()
	sh := a.lay.Shape()
	by := make([]int, nd) // the total shift of each axis, in [0, extent)
	for i := range cnt {
		ax := layout.NormalizeAxis(op, axes[min(i, len(axes)-1)], nd)
		if n := sh[ax]; n > 0 {
			by[ax] = (by[ax] + floorMod(shifts[min(i, len(shifts)-1)], n)) % n
		}
	}
	out := Zeros[T](sh...)
	if out.Size() == 0 {
		return out
	}
	var rolled []int // the axes with a nonzero shift
	for ax, s := range by {
		if s != 0 {
			rolled = append(rolled, ax)
		}
	}
	// Each rolled axis splits in two blocks: out[s:] = a[:n-s] and
	// out[:s] = a[n-s:]; every combination of blocks is one copy.
	for combo := range 1 << len(rolled) {
		dst, src := out, a
		for k, ax := range rolled {
			n, s := sh[ax], by[ax]
			if combo&(1<<k) == 0 {
				dst, src = dst.narrow(ax, s, n-s), src.narrow(ax, 0, n-s)
			} else {
				dst, src = dst.narrow(ax, 0, s), src.narrow(ax, n-s, s)
			}
		}
		dst.CopyFrom(src)
	}
	return out
}

// floorMod returns x mod n in [0, n) for n > 0.
func floorMod(x, n int) int {
	m := x % n
	if m < 0 {
		m += n
	}
	return m
}

// Resize returns a new array of the given shape filled with the elements
// of a in C order, repeated cyclically as often as needed or cut short
// (NumPy's np.resize(a, shape), not ndarray.resize). An empty a gives
// zeros.
//
// Resize returns an error wrapping ErrShape when shape has a negative
// extent ("all elements of new_shape must be non-negative") or more than
// MaxRank axes, and ErrOverflow when its size overflows int.
func Resize[T any](a NDView[T], shape ...int) (NDView[T], error) {
	total, err := layout.CheckShape("Resize", shape, mem.Sizeof[T]())
	if err != nil {
		return NDView[T]{}, err
	}
	out := Zeros[T](shape...)
	n := a.Size()
	if total == 0 || n == 0 {
		return out, nil
	}
	flat := out.data
	if total >= n {
		head, err := FromSlice(flat[:n], a.lay.Shape()...)
		if err != nil {
			panic(err) // unreachable: n elements take a's shape
		}
		head.CopyFrom(a)
		for filled := n; filled < total; filled *= 2 {
			copy(flat[filled:], flat[:filled])
		}
		return out, nil
	}
	r := Ravel(a)
	head, _ := FromSlice(flat)
	head.CopyFrom(r.narrow(0, 0, total))
	return out, nil
}
