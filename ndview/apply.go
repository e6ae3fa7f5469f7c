package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/plan"

// Element-wise functions: Apply in place, Map from one source and Zip from
// two, writing into a destination. They share the traversal plans of the
// copies (plan.go) and their overlap rules: a source that shares memory
// with the destination, other than element for element, is copied to a
// temporary first (semantics.md W3).
//
// The function is called once per destination element, on the calling
// goroutine, in the memory order of the destination, which need not be C
// order (a transposed destination is walked along its rows in memory). It
// should depend only on its arguments.

// Apply replaces every element x of v by f(x), in place (an element-wise
// NumPy expression assigned back, a[...] = f(a)). Apply panics with an
// error wrapping ErrReadOnly, before calling f, when v is read-only.
func (v NDView[T]) Apply(f func(T) T) {
	if v.lay.Flags&layout.FlagReadOnly != 0 {
		panicf("Apply", ErrReadOnly, "assignment destination is read-only")
	}
	var p plan.Plan
	p.Init(v.lay.Shape())
	p.Add(v.lay.Off, v.lay.Strides())
	if p.Empty() {
		return
	}
	p.Simplify(true)
	n, ds := p.Inner(0)
	w := p.Walk(1)
	for w.Next(&p) {
		d := w.Off[0]
		if ds == 1 {
			row := v.data[d : d+n]
			for i, x := range row {
				row[i] = f(x)
			}
			continue
		}
		for range n {
			v.data[d] = f(v.data[d])
			d += ds
		}
	}
}

// MapInto stores f(x) into each element of dst, where x is the corresponding
// element of src broadcast to dst's shape as CopyFrom broadcasts: NumPy's
// np.copyto(dst, f(src)) for an element-wise f, and a conversion between
// element types when f converts. When src shares memory with dst the
// result is as if src had first been copied.
//
// MapInto panics, before calling f, with an error wrapping ErrReadOnly when
// dst is read-only and ErrShape when src cannot be broadcast to dst's
// shape.
func MapInto[D, S any](dst NDView[D], src NDView[S], f func(S) D) {
	var p plan.Plan
	if !plan2("Map", &p, &dst, &src) {
		return
	}
	n, ds := p.Inner(0)
	_, ss := p.Inner(1)
	w := p.Walk(1)
	for w.Next(&p) {
		d, s := w.Off[0], w.Off[1]
		if ds == 1 && ss == 1 {
			out, in := dst.data[d:d+n], src.data[s:s+n]
			for i, x := range in {
				out[i] = f(x)
			}
			continue
		}
		for range n {
			dst.data[d] = f(src.data[s])
			d += ds
			s += ss
		}
	}
}

// ZipInto stores f(x, y) into each element of dst, where x and y are the
// corresponding elements of a and b broadcast to dst's shape as CopyFrom
// broadcasts: NumPy's np.copyto(dst, f(a, b)) for an element-wise f, such
// as ZipInto(c, a, b, func(x, y float64) float64 { return x + y }) for
// c = a + b. A source that shares memory with dst is read as if it had
// first been copied, so ZipInto(a, a, b, add) adds b into a in place.
//
// ZipInto panics, before calling f, with an error wrapping ErrReadOnly when
// dst is read-only and ErrShape when a or b cannot be broadcast to dst's
// shape.
func ZipInto[D, A, B any](dst NDView[D], a NDView[A], b NDView[B], f func(A, B) D) {
	var p plan.Plan
	if !plan3("Zip", &p, &dst, &a, &b) {
		return
	}
	n, ds := p.Inner(0)
	_, sa := p.Inner(1)
	_, sb := p.Inner(2)
	w := p.Walk(1)
	for w.Next(&p) {
		d, i, j := w.Off[0], w.Off[1], w.Off[2]
		if ds == 1 && sa == 1 && sb == 1 {
			out, x, y := dst.data[d:d+n], a.data[i:i+n], b.data[j:j+n]
			for k := range out {
				out[k] = f(x[k], y[k])
			}
			continue
		}
		for range n {
			dst.data[d] = f(a.data[i], b.data[j])
			d, i, j = d+ds, i+sa, j+sb
		}
	}
}
