package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Splitting arrays (semantics.md §13): Split, ArraySplit, SplitAt, HSplit,
// VSplit, DSplit and Unstack. Every piece is a view of the input: writes
// through a piece are seen in the input and the other way round, and the
// pieces keep the input's read-only flag. Pieces are cut with Python's
// slice rules, as NumPy cuts them, so an empty piece is a view like any
// other.

// Split returns sections views of a, of equal extent along axis, in order
// (NumPy's np.split(a, sections, axis)). A negative axis counts from the
// end.
//
// Split returns an error wrapping ErrShape, and no pieces, when the extent
// of axis is not a multiple of sections ("array split does not result in an
// equal division"): the extent is data. It panics with an error wrapping
// ErrShape when sections is not positive, and ErrAxis when axis is out of
// range. Use ArraySplit for pieces of nearly equal extent.
func Split[T any](a NDView[T], sections, axis int) ([]NDView[T], error) {
	ax := layout.NormalizeAxis("Split", axis, a.NDim())
	checkSections("Split", sections)
	if n := a.lay.Shape()[ax]; n%sections != 0 {
		return nil, errorf("Split", ErrShape,
			"array split does not result in an equal division: axis %d of extent %d into %d sections (shape %s); use ArraySplit",
			ax, n, sections, formatShape(a.lay.Shape()))
	}
	return arraySplit(a, sections, ax), nil
}

// ArraySplit returns sections views of a along axis (NumPy's
// np.array_split(a, sections, axis)): an extent n gives n%sections pieces
// of extent n/sections+1 first, then pieces of extent n/sections, so that
// 10 into 3 gives 4, 3, 3 and 10 into 12 gives ten pieces of 1 and two
// empty ones. It panics with an error wrapping ErrShape when sections is
// not positive ("number sections must be larger than 0"), and ErrAxis
// when axis is out of range.
func ArraySplit[T any](a NDView[T], sections, axis int) []NDView[T] {
	ax := layout.NormalizeAxis("ArraySplit", axis, a.NDim())
	checkSections("ArraySplit", sections)
	return arraySplit(a, sections, ax)
}

// checkSections panics unless sections is positive.
func checkSections(op string, sections int) {
	if sections <= 0 {
		panicf(op, ErrShape, "number sections must be larger than 0, got %d", sections)
	}
}

// arraySplit is ArraySplit with ax in range and sections positive.
func arraySplit[T any](a NDView[T], sections, ax int) []NDView[T] {
	n := a.lay.Shape()[ax]
	each, extra := n/sections, n%sections
	out := make([]NDView[T], sections)
	items := axisItems(ax)
	lo := 0
	for i := range out {
		hi := lo + each
		if i < extra {
			hi++
		}
		items[ax] = Range(lo, hi)
		out[i] = a.Slice(items...)
		lo = hi
	}
	return out
}

// axisItems returns ax+1 full slices, for an index whose last item
// selects along axis ax.
func axisItems(ax int) []IndexItem { return make([]IndexItem, ax+1) }

// SplitAt returns the len(indices)+1 views a[:i0], a[i0:i1], …, a[ik:]
// along axis (NumPy's np.split(a, indices, axis) and array_split with
// indices). Each cut follows Python's slice rules: a negative index counts
// from the end, an index past the end stands for the end, and cut points
// out of order give empty pieces, so cutting 10 elements at [3, 1, -1, 10]
// gives extents 3, 0, 8, 1, 0. It panics with an error wrapping ErrAxis
// when axis is out of range.
func SplitAt[T any](a NDView[T], indices []int, axis int) []NDView[T] {
	ax := layout.NormalizeAxis("SplitAt", axis, a.NDim())
	out := make([]NDView[T], len(indices)+1)
	items := axisItems(ax)
	for i := range out {
		switch {
		case len(indices) == 0:
			items[ax] = Colon()
		case i == 0:
			items[ax] = To(indices[0])
		case i == len(indices):
			items[ax] = From(indices[i-1])
		default:
			items[ax] = Range(indices[i-1], indices[i])
		}
		out[i] = a.Slice(items...)
	}
	return out
}

// HSplit is Split along the second axis, or along the first for a 1-D a
// (NumPy's np.hsplit with a number of sections). It panics with an error
// wrapping ErrAxis when a is 0-d ("hsplit only works on arrays of 1 or more
// dimensions"), and otherwise returns Split's errors and panics.
func HSplit[T any](a NDView[T], sections int) ([]NDView[T], error) {
	return Split(a, sections, minRankAxis("HSplit", a, 1, min(a.NDim()-1, 1)))
}

// VSplit is Split along the first axis of an a of rank 2 or more (NumPy's
// np.vsplit). It panics with an error wrapping ErrAxis when a has fewer
// than 2 dimensions, and otherwise returns Split's errors and panics.
func VSplit[T any](a NDView[T], sections int) ([]NDView[T], error) {
	return Split(a, sections, minRankAxis("VSplit", a, 2, 0))
}

// DSplit is Split along the third axis of an a of rank 3 or more (NumPy's
// np.dsplit). It panics with an error wrapping ErrAxis when a has fewer
// than 3 dimensions, and otherwise returns Split's errors and panics.
func DSplit[T any](a NDView[T], sections int) ([]NDView[T], error) {
	return Split(a, sections, minRankAxis("DSplit", a, 3, 2))
}

// minRankAxis returns axis, after panicking unless a has at least rank
// dimensions.
func minRankAxis[T any](op string, a NDView[T], rank, axis int) int {
	if a.NDim() < rank {
		panicf(op, ErrAxis, "%s only works on arrays of %d or more dimensions, got shape %s",
			op, rank, formatShape(a.lay.Shape()))
	}
	return axis
}

// Unstack returns the views a[i] taken along axis, for every i (NumPy
// 2.1's np.unstack; in NumPy 1.24, list(np.moveaxis(a, axis, 0))): each
// has a's shape without axis. It panics with an error wrapping ErrAxis
// when axis is out of range, also for a 0-d a.
func Unstack[T any](a NDView[T], axis int) []NDView[T] {
	ax := layout.NormalizeAxis("Unstack", axis, a.NDim())
	out := make([]NDView[T], a.lay.Shape()[ax])
	items := axisItems(ax)
	for i := range out {
		items[ax] = Int(i)
		out[i] = a.Slice(items...)
	}
	return out
}
