package ndview

// Indexing with arrays, the writing half (semantics.md §15): put,
// put_along_axis, putmask and place.
//
// Each routine checks everything first (the read-only flag, the shapes,
// every index, the number of values) and writes only when every check has
// passed (semantics.md E7). Values, indices and masks that share memory
// with the array written are copied first, so the result is the one they
// would give if they did not overlap it (W3). Writes follow the C order of
// the indices, so that of repeated indices the last one wins, as in NumPy.

import (
	"slices"

	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Put sets the elements of a at the given flat indices (counted in C
// order over a's shape) to values: NumPy's np.put(a, indices, values) with
// mode='raise'. indices and values are read in C order, and values is
// cycled: a.flat[indices[j]] = values.flat[j % values.Size()]. An index
// may be negative down to −a.Size(); of repeated indices the last one
// wins. Values or indices that share memory with a are copied first, so
// the result is as if they did not overlap; Put then allocates, as it does
// for values that are not C-contiguous.
//
// Put returns an error wrapping ErrIndex, naming the first bad index in C
// order and its position, when an index lies outside [−a.Size(),
// a.Size()), and ErrShape when indices is not empty but values is (NumPy
// does nothing then: semantics.md §15). Nothing is written when it returns
// an error. Put panics with an error wrapping ErrReadOnly when a is
// read-only.
func Put[T any](a NDView[T], indices NDView[int], values NDView[T]) error {
	const op = "Put"
	if a.ReadOnly() {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	n := a.Size()
	if err := checkIndices(op, &indices, n, -1); err != nil {
		return err
	}
	var p plan.Plan
	if !planAll(&p, &indices, false) {
		return nil
	}
	if values.Size() == 0 {
		return errorf(op, ErrShape, "cannot put values of shape %s at %d indices; give at least one value", formatShape(values.lay.Shape()), indices.Size())
	}
	if shareMemory(&a, &indices) {
		indices = indices.Clone()
		planAll(&p, &indices, false)
	}
	detachFrom(&a, &values)
	vals := flatData(values)
	flat, isFlat := flatView(a)
	off, st := flat.lay.Off, flat.lay.Strides()[0]
	sh, ast := a.lay.Shape(), a.lay.Strides()
	cnt, ks := p.Inner(0)
	v := 0
	w := p.Walk(1)
	for w.Next(&p) {
		k := w.Off[0]
		for range cnt {
			f := normIndex(indices.data[k], n)
			t := off + f*st
			if !isFlat {
				t = flatOffset(a.lay.Off, sh, ast, f)
			}
			a.data[t] = vals[v]
			if v++; v == len(vals) {
				v = 0
			}
			k += ks
		}
	}
	return nil
}

// PutAlongAxis sets the elements of a picked along axis by indices to
// values: NumPy's np.put_along_axis(a, indices, values, axis), the
// inverse of TakeAlongAxis:
//
//	a[i..., indices[i..., j, k...], k...] = values[i..., j, k...]
//
// a and indices have the same number of axes, and along every other axis
// equal extents or an extent of 1 (broadcast); values is broadcast to that
// broadcast shape (with indices' extent along axis). Writes follow its C
// order, so of repeated indices the last one wins. An index may be
// negative down to −n. Values or indices that share memory with a are
// copied first (allocating), so the result is as if they did not overlap.
//
// PutAlongAxis returns an error wrapping ErrShape when the ranks differ or
// a shape does not broadcast, and ErrIndex for an index outside [−n, n);
// nothing is written then. It panics with an error wrapping ErrReadOnly
// when a is read-only and ErrAxis for an axis out of range.
func PutAlongAxis[T any](a NDView[T], indices NDView[int], values NDView[T], axis int) error {
	const op = "PutAlongAxis"
	if a.ReadOnly() {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	ax := layout.NormalizeAxis(op, axis, a.NDim())
	var p plan.Plan
	sh, err := alongAxisPlan(op, &p, &a, &indices, ax)
	if err != nil {
		return err
	}
	if !p.AddBroadcast(values.lay.Off, values.lay.Shape(), values.lay.Strides()) {
		return errorf(op, ErrShape, "shape mismatch: value array of shape %s could not be broadcast to indexing result of shape %s",
			formatShape(values.lay.Shape()), formatShape(sh))
	}
	if err := checkIndices(op, &indices, a.lay.Shape()[ax], ax); err != nil {
		return err
	}
	if p.Empty() {
		return nil
	}
	if shareMemory(&a, &indices) {
		indices = indices.Clone()
		p.Rebase(2, 0, indices.lay.Shape(), indices.lay.Strides())
	}
	if shareMemory(&a, &values) {
		values = values.Clone()
		p.Rebase(3, 0, values.lay.Shape(), values.lay.Strides())
	}
	p.Simplify(false)
	as, n := a.lay.Strides()[ax], a.lay.Shape()[ax]
	cnt, ss := p.Inner(1)
	_, ks := p.Inner(2)
	_, vs := p.Inner(3)
	w := p.Walk(1)
	for w.Next(&p) {
		s, k, v := w.Off[1], w.Off[2], w.Off[3]
		for range cnt {
			a.data[s+normIndex(indices.data[k], n)*as] = values.data[v]
			s, k, v = s+ss, k+ks, v+vs
		}
	}
	return nil
}

// Putmask sets the elements of a where mask is true to values, cycled by
// flat position: NumPy's np.putmask(a, mask, values), which sets
// a.flat[n] = values.flat[n % values.Size()] wherever mask.flat[n] holds.
// mask has a's shape. Values or a mask that share memory with a are
// copied first (allocating), so the result is as if they did not overlap;
// values that are not C-contiguous are also copied.
//
// Putmask returns an error wrapping ErrShape when mask's shape differs
// from a's (NumPy accepts any mask of a's size: semantics.md §15) or when
// values is empty and mask holds a true element (NumPy does nothing);
// nothing is written then. It panics with an error wrapping ErrReadOnly
// when a is read-only.
func Putmask[T any](a NDView[T], mask NDView[bool], values NDView[T]) error {
	return putMasked("Putmask", a, mask, values, false)
}

// Place sets the elements of a where mask is true to vals, taken in
// order and cycled: NumPy's np.place(a, mask, vals), where the k-th true
// element of mask in C order gets vals.flat[k % vals.Size()]. Unlike
// Putmask, the values advance only at selected elements, so fewer values
// than true elements repeat. mask has a's shape. Overlap and allocation
// are those of Putmask.
//
// Place returns an error wrapping ErrShape when mask's shape differs from
// a's (NumPy accepts any mask of a's size) and when vals is empty while
// mask holds a true element (NumPy: "Cannot insert from an empty array");
// nothing is written then. It panics with an error wrapping ErrReadOnly
// when a is read-only.
func Place[T any](a NDView[T], mask NDView[bool], vals NDView[T]) error {
	return putMasked("Place", a, mask, vals, true)
}

// putMasked runs Putmask (values cycled by flat position) or Place
// (bySelected: cycled over the selected elements).
func putMasked[T any](op string, a NDView[T], mask NDView[bool], values NDView[T], bySelected bool) error {
	if a.ReadOnly() {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	if !slices.Equal(mask.lay.Shape(), a.lay.Shape()) {
		return errorf(op, ErrShape, "mask of shape %s does not have the shape %s of the array", formatShape(mask.lay.Shape()), formatShape(a.lay.Shape()))
	}
	if values.Size() == 0 {
		if Any(mask) {
			return errorf(op, ErrShape, "cannot insert from empty values of shape %s where the mask holds %d true elements; give at least one value",
				formatShape(values.lay.Shape()), CountNonzero(mask))
		}
		return nil
	}
	var p plan.Plan
	p.Init(a.lay.Shape())
	if p.Empty() {
		return nil
	}
	detachFrom(&a, &mask)
	detachFrom(&a, &values)
	vals := flatData(values)
	p.Add(a.lay.Off, a.lay.Strides())
	p.Add(mask.lay.Off, mask.lay.Strides())
	p.Simplify(false)
	cnt, ds := p.Inner(0)
	_, ms := p.Inner(1)
	v := 0
	w := p.Walk(1)
	for w.Next(&p) {
		d, m := w.Off[0], w.Off[1]
		for range cnt {
			sel := mask.data[m]
			if sel {
				a.data[d] = vals[v]
			}
			if sel || !bySelected {
				if v++; v == len(vals) {
					v = 0
				}
			}
			d, m = d+ds, m+ms
		}
	}
	return nil
}

// flatData returns the elements of v in C order: v's own data when it is
// C-contiguous, else a copy.
func flatData[T any](v NDView[T]) []T {
	if n := v.Size(); v.lay.CContiguous() {
		return v.data[v.lay.Off : v.lay.Off+n]
	}
	return v.ToSlice()
}
