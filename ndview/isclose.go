package ndview

// Closeness and equivalence (NumPy's isclose, allclose and array_equiv),
// semantics.md §19.

import (
	"math"

	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// closeTo reports whether x is close to y as NumPy's isclose decides, in
// C: for finite x and y, |x − y| <= atol + rtol·|y| (asymmetric in x and
// y); otherwise x == y (so equal infinities are close), or both NaN when
// equalNaN.
func closeTo[C RealFloat](x, y, atol, rtol C, equalNaN bool) bool {
	if isFinite(x) && isFinite(y) {
		return abs(x-y) <= atol+rtol*abs(y)
	}
	return x == y || equalNaN && x != x && y != y
}

// isFinite reports whether x is neither infinite nor NaN.
func isFinite[C RealFloat](x C) bool { return x-x == 0 }

// abs returns |x|.
func abs[C RealFloat](x C) C { return C(math.Abs(float64(x))) }

// IscloseInto stores into dst whether each element of a is close to the
// matching element of b (NumPy's np.isclose(a, b, rtol, atol, equal_nan)),
// a and b broadcast to dst's shape: |a − b| <= atol + rtol·|b|, computed in
// float32 for float32 data and in float64 otherwise (rtol and atol are
// rounded to that type first, as NumPy's scalars are). The test is
// asymmetric: b is the reference. Infinities are close only to an equal
// infinity; NaNs are close to NaN only with equalNaN. NumPy's defaults are
// rtol 1e-05, atol 1e-08.
//
// IscloseInto panics, before writing, with an error wrapping ErrReadOnly when
// dst is read-only and ErrShape when a or b does not broadcast to dst's
// shape. It does not allocate unless a source overlaps dst.
func IscloseInto[T Real](dst NDView[bool], a, b NDView[T], rtol, atol float64, equalNaN bool) {
	var p plan.Plan
	if !plan3("Isclose", &p, &dst, &a, &b) {
		return
	}
	if isF32[T]() {
		iscloseRows[float32](&p, dst.data, a.data, b.data, tol32(rtol, atol), equalNaN)
		return
	}
	iscloseRows[float64](&p, dst.data, a.data, b.data, [2]float64{rtol, atol}, equalNaN)
}

// tol32 returns rtol and atol as float32.
func tol32(rtol, atol float64) [2]float32 { return [2]float32{float32(rtol), float32(atol)} }

// iscloseRows runs the plan of Isclose in C.
func iscloseRows[C RealFloat, T Real](p *plan.Plan, d []bool, a, b []T, tol [2]C, equalNaN bool) {
	n, ds := p.Inner(0)
	_, as := p.Inner(1)
	_, bs := p.Inner(2)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		for range n {
			d[di] = closeTo(C(a[ai]), C(b[bi]), tol[1], tol[0], equalNaN)
			di += ds
			ai += as
			bi += bs
		}
	}
}

// Allclose reports whether every element of a is close to the matching
// element of b by Isclose's test (NumPy's np.allclose), a and b broadcast
// together; true when the broadcast shape is empty. It stops at the first
// element that is not close and does not allocate. Allclose panics with
// an error wrapping ErrShape when a and b do not broadcast together
// ("operands could not be broadcast together").
func Allclose[T Real](a, b NDView[T], rtol, atol float64, equalNaN bool) bool {
	var p plan.Plan
	if !planPair("Allclose", &p, &a, &b, true) {
		return true
	}
	f32 := isF32[T]()
	t32 := tol32(rtol, atol)
	n, as := p.Inner(0)
	_, bs := p.Inner(1)
	w := p.Walk(1)
	for w.Next(&p) {
		ai, bi := w.Off[0], w.Off[1]
		for range n {
			var ok bool
			if f32 {
				ok = closeTo(float32(a.data[ai]), float32(b.data[bi]), t32[1], t32[0], equalNaN)
			} else {
				ok = closeTo(float64(a.data[ai]), float64(b.data[bi]), atol, rtol, equalNaN)
			}
			if !ok {
				return false
			}
			ai += as
			bi += bs
		}
	}
	return true
}

// planPair plans a walk over a and b broadcast together and reports
// whether it has elements. When a and b do not broadcast, it panics (when
// mustFit) or reports false with an empty plan.
func planPair[A, B any](op string, p *plan.Plan, a *NDView[A], b *NDView[B], mustFit bool) bool {
	sh, err := BroadcastShapes(a.lay.Shape(), b.lay.Shape())
	if err != nil {
		if mustFit {
			panicf(op, ErrShape, "operands could not be broadcast together with shapes %s %s", formatShape(a.lay.Shape()), formatShape(b.lay.Shape()))
		}
		p.Init([]int{0})
		return false
	}
	p.Init(sh)
	p.AddBroadcast(a.lay.Off, a.lay.Shape(), a.lay.Strides())
	p.AddBroadcast(b.lay.Off, b.lay.Shape(), b.lay.Strides())
	if p.Empty() {
		return false
	}
	p.Simplify(true)
	return true
}

// ArrayEquiv reports whether a and b have shapes that broadcast together
// and equal elements once broadcast (NumPy's np.array_equiv): [1 2] and
// [[1 2] [1 2]] are equivalent. Shapes that do not broadcast give false;
// NaN equals nothing. It does not allocate.
func ArrayEquiv[T comparable](a, b NDView[T]) bool {
	var p plan.Plan
	if !planPair("ArrayEquiv", &p, &a, &b, false) {
		_, err := BroadcastShapes(a.lay.Shape(), b.lay.Shape())
		return err == nil
	}
	n, as := p.Inner(0)
	_, bs := p.Inner(1)
	w := p.Walk(1)
	for w.Next(&p) {
		ai, bi := w.Off[0], w.Off[1]
		for range n {
			if a.data[ai] != b.data[bi] {
				return false
			}
			ai += as
			bi += bs
		}
	}
	return true
}
