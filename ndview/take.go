package ndview

// Indexing with arrays, the reading half (semantics.md §15): take,
// take_along_axis, compress and extract. The writing half is in put.go,
// nonzero and its siblings in nonzero.go, choose and select in choose.go.
// The a[...] syntax with index arrays (NumPy's advanced indexing) is not
// here.
//
// Every routine validates its index arrays completely before it writes
// anything (semantics.md E7): one tight pass finds the smallest and the
// largest index, and only when they fall outside [-n, n) does a second,
// slow pass look for the first bad index in C order to name it in the
// error. So the gather loops have no error path: an index is mapped to
// [0, n) by i + (i>>63)&n, without a branch.
//
// The gather walks one plan (internal/plan) over the result's shape with
// three operands: the destination, the source with stride 0 along the
// axes of the indices, and the indices with stride 0 along the source's
// other axes. The index picks the element along the source's taken axis
// (stride as). Then:
//   - when the innermost axis of the plan does not move the indices (one
//     index per row, such as whole rows taken along axis 0), each row is
//     copied as a slab, by the builtin copy when both sides are contiguous;
//   - when the destination and the indices are contiguous and the source
//     does not move (a flat take), a loop of one load per index;
//   - otherwise a strided loop per element.

import (
	"math"
	"slices"
	"strconv"

	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Take returns a new C-contiguous array of the elements of a at the given
// indices along axis: NumPy's np.take(a, indices, axis=axis) with
// mode='raise'. The result has shape a.shape[:axis] + indices.shape +
// a.shape[axis+1:], and
//
//	out[i..., j..., k...] = a[i..., indices[j...], k...]
//
// An index may be negative down to −n, counting from the end of the axis
// of extent n. Whole rows taken along a leading axis are copied row by
// row. The result shares nothing with a or indices.
//
// Take returns an error wrapping ErrIndex when an index lies outside
// [−n, n), naming the first such index in C order, its position in
// indices and n (also when the result is empty, unlike NumPy), and an
// error wrapping ErrShape or ErrOverflow when the result would have more
// than MaxRank axes or too many elements. It panics with an error wrapping
// ErrAxis when axis is outside [−ndim, ndim) (a 0-d a has no axis: use
// TakeFlat).
func Take[T any](a NDView[T], indices NDView[int], axis int) (NDView[T], error) {
	const op = "Take"
	ax := layout.NormalizeAxis(op, axis, a.NDim())
	sh, err := takeShape(op, &a, &indices, ax)
	if err != nil {
		return NDView[T]{}, err
	}
	if err := checkIndices(op, &indices, a.lay.Shape()[ax], ax); err != nil {
		return NDView[T]{}, err
	}
	out := Zeros[T](sh...)
	takeInto(&out, &a, &indices, ax)
	return out, nil
}

// TakeInto stores into dst the elements Take(a, indices, axis) would
// return: NumPy's np.take(a, indices, axis=axis, out=dst) with
// mode='raise'. dst must have exactly Take's result shape; it may have
// any layout. When dst shares memory with a or indices, they are copied
// first (allocating), so the result is as if they did not overlap.
// Otherwise TakeInto does not allocate.
//
// TakeInto returns Take's errors, and then leaves dst untouched. It
// panics, before writing anything, with an error wrapping ErrReadOnly when
// dst is read-only, ErrAxis for an axis out of range and ErrShape when
// dst's shape is not the result's.
func TakeInto[T any](dst, a NDView[T], indices NDView[int], axis int) error {
	const op = "TakeInto"
	if dst.ReadOnly() {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	ax := layout.NormalizeAxis(op, axis, a.NDim())
	sh, err := takeShape(op, &a, &indices, ax)
	if err != nil {
		return err
	}
	if !slices.Equal(sh, dst.lay.Shape()) {
		panicf(op, ErrShape, "destination shape %s is not the result shape %s (a.shape[:axis] + indices.shape + a.shape[axis+1:])",
			formatShape(dst.lay.Shape()), formatShape(sh))
	}
	if err := checkIndices(op, &indices, a.lay.Shape()[ax], ax); err != nil {
		return err
	}
	detachFrom(&dst, &a)
	detachFrom(&dst, &indices)
	takeInto(&dst, &a, &indices, ax)
	return nil
}

// TakeFlat returns a new C-contiguous array, of indices' shape, of the
// elements of a at the given flat indices, counted in C order: NumPy's
// np.take(a, indices) with axis=None and mode='raise'. A 0-d a has one
// element. An index may be negative down to −a.Size(). It returns the
// errors of Take.
func TakeFlat[T any](a NDView[T], indices NDView[int]) (NDView[T], error) {
	const op = "TakeFlat"
	n := a.Size()
	if err := checkIndices(op, &indices, n, -1); err != nil {
		return NDView[T]{}, err
	}
	out := Zeros[T](indices.lay.Shape()...)
	if flat, ok := flatView(a); ok {
		takeInto(&out, &flat, &indices, 0)
		return out, nil
	}
	// a's elements cannot be seen as one axis: each index is unravelled.
	var p plan.Plan
	if !planWrite(op, &p, &out.lay, &indices.lay) {
		return out, nil
	}
	p.Simplify(true)
	cnt, ds := p.Inner(0)
	_, ks := p.Inner(1)
	sh, st := a.lay.Shape(), a.lay.Strides()
	w := p.Walk(1)
	for w.Next(&p) {
		d, k := w.Off[0], w.Off[1]
		for range cnt {
			out.data[d] = a.data[flatOffset(a.lay.Off, sh, st, normIndex(indices.data[k], n))]
			d += ds
			k += ks
		}
	}
	return out, nil
}

// TakeAlongAxis returns a new C-contiguous array of the elements of a
// picked along axis by indices: NumPy's
// np.take_along_axis(a, indices, axis). a and indices have the same
// number of axes; along every other axis their extents are equal or one
// of them is 1 (it is broadcast). The result has that broadcast shape,
// with indices' extent along axis, and
//
//	out[i..., j, k...] = a[i..., indices[i..., j, k...], k...]
//
// An index may be negative down to −n. TakeAlongAxis returns an error
// wrapping ErrShape when the ranks differ or the shapes do not broadcast,
// and ErrIndex for an index outside [−n, n) (see Take). It panics with an
// error wrapping ErrAxis for an axis out of range.
func TakeAlongAxis[T any](a NDView[T], indices NDView[int], axis int) (NDView[T], error) {
	const op = "TakeAlongAxis"
	ax := layout.NormalizeAxis(op, axis, a.NDim())
	var p plan.Plan
	sh, err := alongAxisPlan(op, &p, &a, &indices, ax)
	if err != nil {
		return NDView[T]{}, err
	}
	if err := checkIndices(op, &indices, a.lay.Shape()[ax], ax); err != nil {
		return NDView[T]{}, err
	}
	out := Zeros[T](sh...)
	if p.Empty() {
		return out, nil
	}
	var cst [MaxRank]int
	layout.FillCStrides(sh, cst[:len(sh)])
	p.Rebase(0, 0, sh, cst[:len(sh)])
	p.Simplify(true)
	runGather(&p, out.data, a.data, indices.data, a.lay.Strides()[ax], a.lay.Shape()[ax])
	return out, nil
}

// Compress returns a new C-contiguous array of the slices of a along axis
// where condition is true: NumPy's np.compress(condition, a, axis). The
// result has a's shape with the extent along axis replaced by the number
// of true elements. condition may be shorter than the axis (the missing
// elements count as false, as in NumPy) or longer, if its extra elements
// are false.
//
// Compress returns an error wrapping ErrShape when condition is not 1-D,
// and ErrIndex, naming the position, when condition is true beyond the
// axis's extent. It panics with an error wrapping ErrAxis for an axis out
// of range.
func Compress[T any](condition NDView[bool], a NDView[T], axis int) (NDView[T], error) {
	const op = "Compress"
	ax := layout.NormalizeAxis(op, axis, a.NDim())
	idx, err := compressIndices(op, condition, a.lay.Shape()[ax], ax)
	if err != nil {
		return NDView[T]{}, err
	}
	sh := append([]int(nil), a.lay.Shape()...)
	sh[ax] = idx.Size()
	out := Zeros[T](sh...)
	takeInto(&out, &a, &idx, ax)
	return out, nil
}

// CompressFlat returns a new 1-D array of the elements of a, in C order,
// where condition is true: NumPy's np.compress(condition, a) with
// axis=None. condition is 1-D and may be shorter or longer than a.Size(),
// with the rules and errors of Compress.
func CompressFlat[T any](condition NDView[bool], a NDView[T]) (NDView[T], error) {
	idx, err := compressIndices("CompressFlat", condition, a.Size(), -1)
	if err != nil {
		return NDView[T]{}, err
	}
	return takeValid(a, idx), nil
}

// Extract returns a new 1-D array of the elements of a, in C order, where
// condition is true: NumPy's np.extract(condition, a). Both are read in C
// order, as flat sequences: condition may have any shape, and when it has
// a's shape Extract is NumPy's a[condition]. As in NumPy, condition may
// hold fewer elements than a (the rest count as false) or more, if the
// extra ones are false; a true element beyond a's size is an error
// wrapping ErrIndex.
func Extract[T any](condition NDView[bool], a NDView[T]) (NDView[T], error) {
	c, ok := flatView(condition)
	if !ok {
		c, _ = flatView(condition.Clone())
	}
	idx, err := compressIndices("Extract", c, a.Size(), -1)
	if err != nil {
		return NDView[T]{}, err
	}
	return takeValid(a, idx), nil
}

// takeValid returns TakeFlat(a, idx) for indices known to be valid.
func takeValid[T any](a NDView[T], idx NDView[int]) NDView[T] {
	if flat, ok := flatView(a); ok {
		out := Zeros[T](idx.Size())
		takeInto(&out, &flat, &idx, 0)
		return out
	}
	out, _ := TakeFlat(a, idx) // idx is valid: no error
	return out
}

// compressIndices returns the positions where the 1-D condition is true,
// refusing a condition of another rank and a true element at or beyond n
// (an axis of a, or the flat array when ax < 0).
func compressIndices(op string, condition NDView[bool], n, ax int) (NDView[int], error) {
	if condition.NDim() != 1 {
		return NDView[int]{}, errorf(op, ErrShape, "condition must be a 1-d array, got shape %s", formatShape(condition.lay.Shape()))
	}
	idx := Flatnonzero(condition)
	if k := idx.Size(); k > 0 && idx.data[k-1] >= n {
		return NDView[int]{}, errorf(op, ErrIndex, "index %d is out of bounds for %s with size %d: condition[%d] is true, but only its first %d elements may be",
			idx.data[k-1], axisWords(ax), n, idx.data[k-1], n)
	}
	return idx, nil
}

// takeShape returns the shape of Take's result, or an error when it has
// too many axes or elements.
func takeShape[T any](op string, a *NDView[T], ind *NDView[int], ax int) ([]int, error) {
	ash, ish := a.lay.Shape(), ind.lay.Shape()
	sh := make([]int, 0, len(ash)-1+len(ish))
	sh = append(append(append(sh, ash[:ax]...), ish...), ash[ax+1:]...)
	if _, err := layout.CheckShape(op, sh, mem.Sizeof[T]()); err != nil {
		return nil, err
	}
	return sh, nil
}

// takeInto gathers a along axis ax at indices, which are valid, into dst,
// of Take's result shape, which shares no memory with a or ind.
func takeInto[T any](dst, a *NDView[T], ind *NDView[int], ax int) {
	ash, ast := a.lay.Shape(), a.lay.Strides()
	ish, ist := ind.lay.Shape(), ind.lay.Strides()
	nd := dst.NDim()
	var sst, kst [MaxRank]int // the strides of the source and of the indices over dst's axes
	copy(sst[:], ast[:ax])
	copy(sst[ax+len(ish):nd], ast[ax+1:])
	copy(kst[ax:], ist)
	var p plan.Plan
	p.Init(dst.lay.Shape())
	if p.Empty() {
		return
	}
	p.Add(dst.lay.Off, dst.lay.Strides())
	p.Add(a.lay.Off, sst[:nd])
	p.Add(ind.lay.Off, kst[:nd])
	p.Simplify(true)
	runGather(&p, dst.data, a.data, ind.data, ast[ax], ash[ax])
}

// runGather runs the gather of the simplified plan p: operand 0 is the
// destination, operand 1 the source without its taken axis, operand 2 the
// indices, valid for an axis of extent n and source stride as. See the top
// of this file.
func runGather[T any](p *plan.Plan, dst, src []T, ind []int, as, n int) {
	r := p.Rank
	cnt, ds := p.Inner(0)
	_, ss := p.Inner(1)
	_, ks := p.Inner(2)
	contig := ds == 1 && ss == 1
	if ks == 0 && r >= 2 {
		// Slabs: one index per row, the rows of the second innermost
		// axis walked in one loop.
		m, dm, sm, km := p.Dim[r-2], p.St[0][r-2], p.St[1][r-2], p.St[2][r-2]
		w := p.Walk(2)
		for w.Next(p) {
			d, s, k := w.Off[0], w.Off[1], w.Off[2]
			for range m {
				o := s + normIndex(ind[k], n)*as
				if contig {
					copy(dst[d:d+cnt], src[o:o+cnt])
				} else {
					strided(dst, d, ds, src, o, ss, cnt)
				}
				d, s, k = d+dm, s+sm, k+km
			}
		}
		return
	}
	w := p.Walk(1)
	for w.Next(p) {
		d, s, k := w.Off[0], w.Off[1], w.Off[2]
		switch {
		case ks == 0:
			o := s + normIndex(ind[k], n)*as
			if contig {
				copy(dst[d:d+cnt], src[o:o+cnt])
			} else {
				strided(dst, d, ds, src, o, ss, cnt)
			}
		case ds == 1 && ss == 0 && ks == 1:
			gatherAt(dst[d:d+cnt], src, s, ind[k:k+cnt], as, n)
		default:
			for range cnt {
				dst[d] = src[s+normIndex(ind[k], n)*as]
				d, s, k = d+ds, s+ss, k+ks
			}
		}
	}
}

// gatherAt sets d[j] = src[s + ind[j]·as] for valid indices ind of an axis
// of extent n, four loads in flight per step.
func gatherAt[T any](d, src []T, s int, ind []int, as, n int) {
	ind = ind[:len(d)]
	if as == 1 {
		src = src[s:]
		j := 0
		for ; j+4 <= len(d); j += 4 {
			k4 := ind[j : j+4 : j+4]
			d4 := d[j : j+4 : j+4]
			i0, i1, i2, i3 := k4[0], k4[1], k4[2], k4[3]
			d4[0], d4[1], d4[2], d4[3] = src[i0+(i0>>63)&n], src[i1+(i1>>63)&n], src[i2+(i2>>63)&n], src[i3+(i3>>63)&n]
		}
		for ; j < len(d); j++ {
			d[j] = src[normIndex(ind[j], n)]
		}
		return
	}
	for j, i := range ind {
		d[j] = src[s+normIndex(i, n)*as]
	}
}

// alongAxisPlan checks the shapes of TakeAlongAxis or PutAlongAxis and
// starts p over the broadcast shape, which it returns, with operand 0 a
// placeholder for the destination, operand 1 the source a without its
// axis ax, and operand 2 the indices.
func alongAxisPlan[T any](op string, p *plan.Plan, a *NDView[T], ind *NDView[int], ax int) ([]int, error) {
	ash, ish := a.lay.Shape(), ind.lay.Shape()
	if len(ash) != len(ish) {
		return nil, errorf(op, ErrShape, "indices and a must have the same number of dimensions: shapes %s and %s", formatShape(ish), formatShape(ash))
	}
	sh := append([]int(nil), ish...)
	for d := range ash {
		switch {
		case d == ax || ash[d] == ish[d] || ash[d] == 1:
		case ish[d] == 1:
			sh[d] = ash[d]
		default:
			return nil, errorf(op, ErrShape, "shape mismatch: indices of shape %s do not broadcast against a of shape %s outside axis %d",
				formatShape(ish), formatShape(ash), ax)
		}
	}
	if _, err := layout.CheckShape(op, sh, mem.Sizeof[T]()); err != nil {
		return nil, err
	}
	var sst [MaxRank]int
	a1 := a.lay.Strides()
	for d := range ash {
		if d != ax && ash[d] != 1 {
			sst[d] = a1[d]
		}
	}
	p.Init(sh)
	p.Add(0, sst[:len(sh)]) // replaced by the destination
	p.Add(a.lay.Off, sst[:len(sh)])
	p.AddBroadcast(ind.lay.Off, ish, ind.lay.Strides())
	return sh, nil
}

// Index checks.

// normIndex maps an index in [-n, n) to [0, n) without a branch.
func normIndex(i, n int) int { return i + (i>>63)&n }

// checkIndices returns an error when an element of ind lies outside
// [-n, n), for the axis ax of the array indexed (ax < 0: the flat array).
// One pass finds the extremes; only a failure looks for the first bad
// index.
func checkIndices(op string, ind *NDView[int], n, ax int) error {
	lo, hi := indexExtremes(ind)
	if lo >= -n && hi < n {
		return nil
	}
	return indexError(op, ind, n, ax)
}

// indexExtremes returns the smallest and the largest element of ind, or
// 0 and -1 when it is empty.
func indexExtremes(ind *NDView[int]) (lo, hi int) {
	var p plan.Plan
	if !planAll(&p, ind, true) {
		return 0, -1
	}
	lo, hi = math.MaxInt, math.MinInt
	n, st := p.Inner(0)
	data := ind.data
	w := p.Walk(1)
	for w.Next(&p) {
		o := w.Off[0]
		if st == 1 {
			lo, hi = extremes(data[o:o+n], lo, hi)
			continue
		}
		for range n {
			lo, hi = min(lo, data[o]), max(hi, data[o])
			o += st
		}
	}
	return lo, hi
}

// extremes returns the extremes of s, lo and hi, in two interleaved
// chains so that the compare-and-moves overlap.
func extremes(s []int, lo, hi int) (int, int) {
	lo2, hi2 := lo, hi
	i := 0
	for ; i+2 <= len(s); i += 2 {
		x, y := s[i], s[i+1]
		lo, hi = min(lo, x), max(hi, x)
		lo2, hi2 = min(lo2, y), max(hi2, y)
	}
	for ; i < len(s); i++ {
		lo, hi = min(lo, s[i]), max(hi, s[i])
	}
	return min(lo, lo2), max(hi, hi2)
}

// indexError builds the error for the first element of ind, in C order,
// outside [-n, n).
//
//go:noinline
func indexError(op string, ind *NDView[int], n, ax int) error {
	for idx, i := range ind.Enumerate() {
		if i < -n || i >= n {
			valid := "the axis is empty"
			if n > 0 {
				valid = "valid indices are -" + itoa(n) + " to " + itoa(n-1)
			}
			return errorf(op, ErrIndex, "index %d is out of bounds for %s with size %d (at position %s of indices of shape %s); %s",
				i, axisWords(ax), n, formatShape(idx), formatShape(ind.lay.Shape()), valid)
		}
	}
	return nil
}

// axisWords names axis ax, or the flattened array when ax < 0.
func axisWords(ax int) string {
	if ax < 0 {
		return "the flattened array"
	}
	return "axis " + itoa(ax)
}

// itoa formats n in decimal.
func itoa(n int) string { return strconv.Itoa(n) }

// Helpers shared with put.go and nonzero.go.

// flatView returns a as a 1-D view of its elements in C order when its
// layout allows one without copying.
func flatView[T any](a NDView[T]) (NDView[T], bool) {
	f, err := a.Reshape(a.Size())
	return f, err == nil
}

// flatOffset returns the data offset of the element at flat (C order)
// position f of the layout (off, sh, st).
func flatOffset(off int, sh, st []int, f int) int {
	for d := len(sh) - 1; d >= 0 && f > 0; d-- {
		off += (f % sh[d]) * st[d]
		f /= sh[d]
	}
	return off
}

// detachFrom replaces *src by a copy when it shares memory with dst, so
// that dst can be written while src is read as it was (semantics.md W3).
func detachFrom[D, S any](dst *NDView[D], src *NDView[S]) {
	if shareMemory(dst, src) {
		*src = src.Clone()
	}
}
