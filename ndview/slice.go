package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// NumPy basic indexing (semantics.md §2): integers, slices with steps and open
// ends, Ellipsis and NewAxis, in a typed form (Slice) and as NumPy writes
// it (Index). Both produce views; neither copies.
//
// Rules, in order of application:
//  1. At most one Ellipsis; it expands to as many full slices as the axes
//     not consumed by integers and slices. Without one, full slices are
//     appended on the right.
//  2. Integers and slices consume one source axis each, left to right;
//     more of them than axes is an error. NewAxis consumes none.
//  3. An integer i (negative counts from the end) must fall in [0, n); it
//     removes its axis and moves the offset by i·stride.
//  4. A slice is normalised by Python's rules (sliceBounds). A non-empty
//     result moves the offset to its start and multiplies the stride by
//     the step; an empty one keeps offset and stride.
//  5. NewAxis inserts an axis of extent 1 and stride 0.

// Int returns the index item i, which selects one position of an axis and
// removes the axis; a negative i counts from the end (NumPy's a[i]).
func Int(i int) IndexItem { return layout.Int(i) }

// Range returns the slice start:stop (NumPy's a[start:stop]).
func Range(start, stop int) IndexItem { return layout.Range(start, stop) }

// From returns the slice start: (NumPy's a[start:]).
func From(start int) IndexItem { return layout.From(start) }

// To returns the slice :stop (NumPy's a[:stop]).
func To(stop int) IndexItem { return layout.To(stop) }

// Colon returns the slice ":", which keeps a whole axis.
func Colon() IndexItem { return IndexItem{} }

// Step returns the slice ::step; Step(-1) reverses an axis (NumPy's
// a[::-1]). It panics with an error wrapping ErrIndex when step is 0.
func Step(step int) IndexItem { return layout.Step(step) }

// NewAxis is the index item that inserts a new axis of extent 1 (NumPy's
// None or np.newaxis).
var NewAxis = layout.NewAxis

// Ellipsis is the index item that stands for as many full slices as needed
// (NumPy's ...).
var Ellipsis = layout.Ellipsis

// IndexItem is one item of a NumPy basic index: an integer, a slice
// start:stop:step with any part omitted, NewAxis or Ellipsis. Build items
// with Int, Range, From, To, Colon, Step and By, or use the NewAxis and
// Ellipsis values. The zero IndexItem is the full slice ":". Its String
// method writes it as NumPy does ("1:5:2", "::-1", "None", "..."), and
// item.By(step) sets a slice's step.
type IndexItem = layout.IndexItem

// Slice returns the view of v selected by NumPy basic indexing with items:
// v.Slice(Int(1), Step(-2), Ellipsis, NewAxis) is NumPy's v[1, ::-2, ...,
// None]. Fewer items than axes leave the remaining axes whole; integers on
// every axis give a 0-d view. The result shares data with v and keeps its
// read-only flag; views of rank up to 4 cost no allocation.
//
// Slice panics with an error wrapping ErrIndex on an integer outside its
// axis, more integers and slices than axes, or a second Ellipsis, and with
// ErrShape when the result would exceed MaxRank. Use Index to parse
// indices that come from outside the program.
func (v NDView[T]) Slice(items ...IndexItem) NDView[T] {
	if err := v.lay.Index("Slice", items); err != nil {
		panic(err)
	}
	return v
}

// Index returns the view of v selected by expr, a NumPy basic index written
// as NumPy writes it between brackets: "1:5, ::-1, ..., newaxis". Items are
// integers (negative ones count from the end), slices start:stop:step with
// any part omitted, "..." and "None" or "newaxis"; whitespace around items
// is ignored and the empty string selects all of v. An all-integer index
// gives a 0-d view (NumPy's v[1, 2, ...]). The result shares data with v.
// Slice bounds too large for an int are clamped like any bound past the
// end of an axis, and such a step acts as math.MaxInt or -math.MaxInt, as
// in NumPy: ":100000000000000000000" is ":".
//
// Index returns an error wrapping ErrIndex, never panics, when expr is
// malformed or cannot apply to v's shape: a parse error, an integer index
// outside its axis (also one too large for an int), a step of 0, a second
// Ellipsis, or too many indices.
func (v NDView[T]) Index(expr string) (NDView[T], error) {
	var buf [MaxRank + 1]IndexItem
	items, err := layout.ParseIndex(expr, buf[:0])
	if err != nil {
		return NDView[T]{}, err
	}
	if ierr := v.lay.Index("Index", items); ierr != nil {
		return NDView[T]{}, ierr
	}
	return v, nil
}
