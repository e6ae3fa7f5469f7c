package ndview

import (
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// Joining arrays (semantics.md §13): Concatenate and Stack, their
// destination forms, and NumPy's hstack, vstack, dstack and column_stack.
//
// The shapes of the inputs are data (semantics.md E1): inputs that do not
// fit together, or no input at all, give an error. The axis is the
// program's own number and panics when out of range, as in every axis
// operation. A destination's shape and writability are the program's too:
// a wrong one panics. Everything is checked before the first write.
//
// Each input is copied by the copy kernels of CopyFrom into the sub-view
// of the output it fills, so transposed, reversed or broadcast inputs take
// the same fast paths as a single copy. When the pieces interleave finely
// in the output (stacking along the last axis), the output is filled in
// chunks along an outer axis, each chunk small enough to stay in cache
// while every input writes its part of it (concatCopy).

// Chunking of concatCopy. A piece whose contiguous run in the output is
// shorter than chunkRunBytes makes every input sweep the whole output once
// per input; above chunkMinBytes of output, the output is then filled in
// chunks of about chunkBytes (BenchmarkStack/last in bench/join_test.go:
// 64 pieces of (256, 256) float32 stacked on the last axis ran 5 times as
// fast in chunks of 256 KiB as piece by piece). Variables, so that tests
// can force chunks on small data.
var (
	chunkRunBytes = 256
	chunkMinBytes = 1 << 20
	chunkBytes    = 256 << 10
)

// Concatenate returns a new C-contiguous array holding the arrays joined
// along axis (NumPy's np.concatenate(arrays, axis)). The arrays must have
// the same rank and the same extents on every axis but axis; the result's
// extent on axis is the sum of theirs. A negative axis counts from the
// end. Inputs may have any layout (transposed, strided, broadcast,
// read-only) and empty pieces are allowed. The result shares nothing with
// the inputs.
//
// Concatenate returns an error wrapping ErrShape when no array is given,
// the arrays are 0-d ("zero-dimensional arrays cannot be concatenated"),
// their ranks differ, or their extents differ off axis, and ErrOverflow
// when the result's size overflows int. It panics with an error wrapping
// ErrAxis when axis is outside [-ndim, ndim) for the first array's rank.
// For NumPy's axis=None, see ConcatenateFlat.
func Concatenate[T any](axis int, arrays ...NDView[T]) (NDView[T], error) {
	return concatenate("Concatenate", axis, arrays)
}

// concatenate is Concatenate for the operation op, which its errors name.
func concatenate[T any](op string, axis int, arrays []NDView[T]) (NDView[T], error) {
	shape, ax, err := concatShape(op, axis, arrays)
	if err != nil {
		return NDView[T]{}, err
	}
	out := Zeros[T](shape...)
	concatCopy(out, ax, arrays)
	return out, nil
}

// ConcatenateInto writes the arrays joined along axis into dst (NumPy's
// np.concatenate(arrays, axis, out=dst)), whose shape must be the shape
// Concatenate would return. dst may have any writable layout, and may
// share memory with any input: the result is as if every input had first
// been copied (an input that overlaps dst other than as the very piece it
// fills is copied to a temporary before the first write).
//
// ConcatenateInto returns Concatenate's errors, having written nothing. It
// panics, before writing anything, with an error wrapping ErrReadOnly when
// dst is read-only, ErrShape when the inputs fit together but dst has
// another shape, and ErrAxis as Concatenate does.
func ConcatenateInto[T any](dst NDView[T], axis int, arrays ...NDView[T]) error {
	return concatenateInto("ConcatenateInto", dst, axis, arrays)
}

// concatenateInto is ConcatenateInto for the operation op.
func concatenateInto[T any](op string, dst NDView[T], axis int, arrays []NDView[T]) error {
	if dst.ReadOnly() {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	shape, ax, err := concatShape(op, axis, arrays)
	if err != nil {
		return err
	}
	if !equalInts(dst.lay.Shape(), shape) {
		panicf(op, ErrShape, "Output array is the wrong shape: the inputs give shape %s, the destination has shape %s",
			formatShape(shape), formatShape(dst.lay.Shape()))
	}
	concatCopy(dst, ax, detachAll(dst, ax, arrays))
	return nil
}

// detachAll returns arrays, or a copy of the slice in which every input
// that shares memory with dst, other than as exactly the piece of dst it
// is copied into, is replaced by a copy of itself (semantics.md W3). The
// caller's slice is never modified.
func detachAll[T any](dst NDView[T], ax int, arrays []NDView[T]) []NDView[T] {
	out, copied := arrays, false
	pos := 0
	for i := range arrays {
		a := &arrays[i]
		n := a.lay.Shape()[ax]
		if n > 0 && shareMemory(&dst, a) {
			piece := dst.narrow(ax, pos, n)
			if kind, _ := aliasOf(&piece, a, a.lay.Strides()); kind != aliasSame {
				if !copied {
					out, copied = append([]NDView[T](nil), arrays...), true
				}
				out[i] = a.Clone()
			}
		}
		pos += n
	}
	return out
}

// concatShape checks arrays for a concatenation along axis and returns
// the shape of the result and the axis in [0, ndim).
func concatShape[T any](op string, axis int, arrays []NDView[T]) ([]int, int, error) {
	if len(arrays) == 0 {
		return nil, 0, errorf(op, ErrShape, "need at least one array to concatenate")
	}
	first := arrays[0].lay.Shape()
	nd := len(first)
	if nd == 0 {
		return nil, 0, errorf(op, ErrShape, "zero-dimensional arrays cannot be concatenated; use ConcatenateFlat or Stack")
	}
	ax := layout.NormalizeAxis(op, axis, nd)
	shape := append([]int(nil), first...)
	for i := 1; i < len(arrays); i++ {
		sh := arrays[i].lay.Shape()
		if len(sh) != nd {
			return nil, 0, errorf(op, ErrShape,
				"all the input arrays must have same number of dimensions, but the array at index 0 has %d dimension(s) and the array at index %d has %d dimension(s)",
				nd, i, len(sh))
		}
		for d, n := range sh {
			if d != ax && n != first[d] {
				return nil, 0, errorf(op, ErrShape,
					"all the input array dimensions except for the concatenation axis must match exactly, but along dimension %d, the array at index 0 has size %d and the array at index %d has size %d (shapes %s and %s, axis %d)",
					d, first[d], i, n, formatShape(first), formatShape(sh), ax)
			}
		}
		var ok bool
		if shape[ax], ok = layout.AddInt(shape[ax], sh[ax]); !ok {
			return nil, 0, errorf(op, ErrOverflow, "the extents along axis %d add up to more than an int holds", ax)
		}
	}
	if _, err := layout.CheckShape(op, shape, mem.Sizeof[T]()); err != nil {
		return nil, 0, err
	}
	return shape, ax, nil
}

// concatCopy copies srcs, which have dst's shape off axis ax and share no
// memory with dst other than each with its own piece, side by side along
// ax into dst.
func concatCopy[T any](dst NDView[T], ax int, srcs []NDView[T]) {
	if dst.Size() == 0 {
		return
	}
	if interleaveRuns(dst, ax, srcs) {
		return
	}
	if c, step := chunking(&dst, ax, srcs); step > 0 {
		n := dst.lay.Shape()[c]
		for lo := 0; lo < n; lo += step {
			k := min(step, n-lo)
			part := dst.narrow(c, lo, k)
			pos := 0
			for i := range srcs {
				m := srcs[i].lay.Shape()[ax]
				if m > 0 {
					part.narrow(ax, pos, m).CopyFrom(srcs[i].narrow(c, lo, k))
				}
				pos += m
			}
		}
		return
	}
	pos := 0
	for i := range srcs {
		m := srcs[i].lay.Shape()[ax]
		if m > 0 {
			dst.narrow(ax, pos, m).CopyFrom(srcs[i])
		}
		pos += m
	}
}

// interleaveBytes is the size of the block of output rows interleaveRuns
// fills from every input before moving on: it stays in L2 while each
// input is read in long sequential runs (BenchmarkStack/last/into: 64
// pieces of (256, 256) float32 on the last axis took 7.6 ms, against 14
// ms with blocks of 16 KiB and 19 ms in chunks of CopyFrom calls).
var interleaveBytes = 256 << 10

// interleaveRuns copies srcs into dst and reports true when dst and every
// input are C-contiguous and the pieces interleave finely (a piece's run
// in the output shorter than chunkRunBytes, as for Stack on the last
// axis): dst is then rows of w elements, each the concatenation of one
// row of run[k] elements from each input, and blocks of rows are filled
// from every input in turn, by short loops rather than one CopyFrom per
// piece and block.
func interleaveRuns[T any](dst NDView[T], ax int, srcs []NDView[T]) bool {
	sh := dst.lay.Shape()
	size := max(mem.Sizeof[T](), 1)
	if ax == 0 || len(srcs) < 2 || !dst.lay.CContiguous() {
		return false
	}
	inner := layout.ShapeSize(sh[ax+1:])
	short := false
	for i := range srcs {
		if !srcs[i].lay.CContiguous() {
			return false
		}
		if m := srcs[i].lay.Shape()[ax]; m > 0 && m*inner*size < chunkRunBytes {
			short = true
		}
	}
	if !short {
		return false
	}
	w := sh[ax] * inner
	rows := dst.Size() / w
	out := dst.data[dst.lay.Off : dst.lay.Off+rows*w]
	block := max(1, interleaveBytes/(w*size))
	for r0 := 0; r0 < rows; r0 += block {
		r1 := min(r0+block, rows)
		pos := 0
		for i := 0; i < len(srcs); i++ {
			src := &srcs[i]
			run := src.lay.Shape()[ax] * inner
			if run == 1 && i+8 <= len(srcs) && unitRuns(srcs[i:i+8], ax, inner) {
				var in [8][]T
				for k := range in {
					s := &srcs[i+k]
					in[k] = s.data[s.lay.Off+r0 : s.lay.Off+r1]
				}
				copyColumns8(out[r0*w+pos:], &in, w)
				i += 7
				pos += 8
				continue
			}
			if run > 0 {
				in := src.data[src.lay.Off+r0*run : src.lay.Off+r1*run]
				copyRuns(out[r0*w+pos:], in, w, run)
			}
			pos += run
		}
	}
	return true
}

// unitRuns reports whether every one of srcs has extent 1 along ax and
// inner elements per index of ax is 1: each gives one element per row.
func unitRuns[T any](srcs []NDView[T], ax, inner int) bool {
	for i := range srcs {
		if srcs[i].lay.Shape()[ax]*inner != 1 {
			return false
		}
	}
	return inner == 1
}

// copyColumns8 writes element r of each of the 8 equal-length slices of
// in to elements 0 to 7 of row r of out, whose rows have w elements: 8
// adjacent output elements per row are written together, so each output
// line is visited once per 8 inputs rather than once per input.
func copyColumns8[T any](out []T, in *[8][]T, w int) {
	n := len(in[0])
	s0, s1, s2, s3 := in[0][:n], in[1][:n], in[2][:n], in[3][:n]
	s4, s5, s6, s7 := in[4][:n], in[5][:n], in[6][:n], in[7][:n]
	j := 0
	for r := range n {
		d := out[j : j+8 : j+8]
		d[0], d[1], d[2], d[3] = s0[r], s1[r], s2[r], s3[r]
		d[4], d[5], d[6], d[7] = s4[r], s5[r], s6[r], s7[r]
		j += w
	}
}

// copyRuns copies the runs of run elements of in to the starts of
// consecutive rows of w elements of out.
func copyRuns[T any](out, in []T, w, run int) {
	j := 0
	switch {
	case run == 1:
		for _, x := range in {
			out[j] = x
			j += w
		}
	case run <= 8:
		for i := 0; i+run <= len(in); i += run {
			d, s := out[j:j+run], in[i:i+run]
			for t := range s {
				d[t] = s[t]
			}
			j += w
		}
	default:
		for i := 0; i+run <= len(in); i += run {
			copy(out[j:j+run], in[i:i+run])
			j += w
		}
	}
}

// chunking returns the axis c < ax along which concatCopy fills dst in
// chunks and the number of indices of c in a chunk, or a step of 0 when
// the pieces are copied whole (see chunkRunBytes).
func chunking[T any](dst *NDView[T], ax int, srcs []NDView[T]) (c, step int) {
	sh := dst.lay.Shape()
	size := max(mem.Sizeof[T](), 1)
	if ax == 0 || len(srcs) < 2 || dst.Size()*size < chunkMinBytes {
		return 0, 0
	}
	inner := layout.ShapeSize(sh[ax+1:]) * size
	for i := range srcs {
		if m := srcs[i].lay.Shape()[ax]; m > 0 && m*inner < chunkRunBytes {
			for c = 0; c < ax && sh[c] == 1; c++ {
			}
			if c == ax {
				return 0, 0
			}
			per := layout.ShapeSize(sh[c+1:]) * size
			return c, max(1, chunkBytes/per)
		}
	}
	return 0, 0
}

// narrow returns the view of v's indices [lo, lo+n) along axis, which lie
// inside the axis and are not empty.
func (v *NDView[T]) narrow(axis, lo, n int) NDView[T] {
	r := *v
	sh, st := r.lay.Own()
	r.lay.Off += lo * st[axis]
	sh[axis] = n
	return r
}

// equalInts reports whether a and b hold the same ints.
func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ConcatenateFlat returns a new 1-D array holding the elements of every
// array in C order, one array after the other (NumPy's
// np.concatenate(arrays, axis=None)). Arrays of any shape, 0-d included,
// may be joined. The result shares nothing with the inputs.
//
// ConcatenateFlat returns an error wrapping ErrShape when no array is
// given, and ErrOverflow when the total size overflows int.
func ConcatenateFlat[T any](arrays ...NDView[T]) (NDView[T], error) {
	const op = "ConcatenateFlat"
	if len(arrays) == 0 {
		return NDView[T]{}, errorf(op, ErrShape, "need at least one array to concatenate")
	}
	total := 0
	for i := range arrays {
		var ok bool
		if total, ok = layout.AddInt(total, arrays[i].Size()); !ok {
			return NDView[T]{}, errorf(op, ErrOverflow, "the sizes of the arrays add up to more than an int holds")
		}
	}
	if _, err := layout.CheckShape(op, []int{total}, mem.Sizeof[T]()); err != nil {
		return NDView[T]{}, err
	}
	out := Zeros[T](total)
	pos := 0
	for i := range arrays {
		a := &arrays[i]
		if n := a.Size(); n > 0 {
			piece, err := out.narrow(0, pos, n).Reshape(a.lay.Shape()...)
			if err != nil {
				panic(err) // unreachable: a contiguous piece reshapes to any shape of its size
			}
			piece.CopyFrom(*a)
			pos += n
		}
	}
	return out, nil
}

// Stack returns a new C-contiguous array joining the arrays along a new
// axis, which is axis axis of the result (NumPy's np.stack): the arrays
// must all have the same shape s, and the result has shape s with
// len(arrays) inserted at axis. A negative axis counts from the end of the
// result's axes, so -1 puts the new axis last. 0-d arrays stack into a 1-D
// array.
//
// Stack returns an error wrapping ErrShape when no array is given ("need at
// least one array to stack"), the shapes differ ("all input arrays must
// have the same shape"), or the result would have more than MaxRank axes,
// and ErrOverflow when its size overflows. It panics with an error
// wrapping ErrAxis when axis is outside [-(ndim+1), ndim+1).
func Stack[T any](axis int, arrays ...NDView[T]) (NDView[T], error) {
	exp, ax, err := stackInputs("Stack", axis, arrays)
	if err != nil {
		return NDView[T]{}, err
	}
	return concatenate("Stack", ax, exp)
}

// StackInto writes the arrays stacked along a new axis into dst (NumPy's
// np.stack(arrays, axis, out=dst)), whose shape must be the shape Stack
// would return. Overlap, errors and panics are those of ConcatenateInto
// and Stack.
func StackInto[T any](dst NDView[T], axis int, arrays ...NDView[T]) error {
	exp, ax, err := stackInputs("StackInto", axis, arrays)
	if err != nil {
		if dst.ReadOnly() {
			panicf("StackInto", ErrReadOnly, "assignment destination is read-only")
		}
		return err
	}
	return concatenateInto("StackInto", dst, ax, exp)
}

// stackInputs checks arrays for Stack and returns each with a new axis of
// extent 1 at axis, and that axis in [0, ndim].
func stackInputs[T any](op string, axis int, arrays []NDView[T]) ([]NDView[T], int, error) {
	if len(arrays) == 0 {
		return nil, 0, errorf(op, ErrShape, "need at least one array to stack")
	}
	first := arrays[0].lay.Shape()
	for i := 1; i < len(arrays); i++ {
		if sh := arrays[i].lay.Shape(); !equalInts(sh, first) {
			return nil, 0, errorf(op, ErrShape,
				"all input arrays must have the same shape, but the array at index 0 has shape %s and the array at index %d has shape %s",
				formatShape(first), i, formatShape(sh))
		}
	}
	if len(first)+1 > MaxRank {
		return nil, 0, errorf(op, ErrShape, "the result would have %d dimensions, above the maximum of %d", len(first)+1, MaxRank)
	}
	ax := layout.NormalizeAxis(op, axis, len(first)+1)
	exp := make([]NDView[T], len(arrays))
	for i := range arrays {
		exp[i] = arrays[i].ExpandDims(ax)
	}
	return exp, ax, nil
}

// VStack returns a new array joining the arrays along their first axis
// after AtLeast2D (NumPy's np.vstack): 1-D arrays of length n become rows
// (1, n), 0-d arrays (1, 1). It returns Concatenate's errors.
func VStack[T any](arrays ...NDView[T]) (NDView[T], error) {
	return concatenate("VStack", 0, mapViews(arrays, AtLeast2D[T]))
}

// HStack returns a new array joining the arrays along their second axis,
// or along the first when the first array is 1-D after AtLeast1D (NumPy's
// np.hstack): 1-D arrays are joined end to end, 0-d arrays count as
// length 1. It returns Concatenate's errors.
func HStack[T any](arrays ...NDView[T]) (NDView[T], error) {
	arrs := mapViews(arrays, AtLeast1D[T])
	ax := 1
	if len(arrs) > 0 && arrs[0].NDim() == 1 {
		ax = 0
	}
	return concatenate("HStack", ax, arrs)
}

// DStack returns a new array joining the arrays along their third axis
// after AtLeast3D (NumPy's np.dstack): a 1-D array of length n becomes
// (1, n, 1), a 2-D array (m, n) becomes (m, n, 1). It returns
// Concatenate's errors.
func DStack[T any](arrays ...NDView[T]) (NDView[T], error) {
	return concatenate("DStack", 2, mapViews(arrays, AtLeast3D[T]))
}

// ColumnStack returns a new 2-D (or higher) array whose columns are the
// arrays (NumPy's np.column_stack): 1-D arrays of length n become columns
// (n, 1), 0-d arrays (1, 1), arrays of rank 2 or more are taken as they
// are; all are joined along their second axis. It returns Concatenate's
// errors.
func ColumnStack[T any](arrays ...NDView[T]) (NDView[T], error) {
	return concatenate("ColumnStack", 1, mapViews(arrays, func(a NDView[T]) NDView[T] {
		switch a.NDim() {
		case 0:
			return a.ExpandDims(0, 1)
		case 1:
			return a.ExpandDims(1)
		}
		return a
	}))
}

// mapViews returns f applied to each of arrays, in a new slice.
func mapViews[T any](arrays []NDView[T], f func(NDView[T]) NDView[T]) []NDView[T] {
	out := make([]NDView[T], len(arrays))
	for i, a := range arrays {
		out[i] = f(a)
	}
	return out
}
