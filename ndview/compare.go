package ndview

import (
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Element-wise comparisons into bool views (NumPy's equal, not_equal,
// less, less_equal, greater, greater_equal), selection (where) and
// clipping (clip). Broadcasting, overlap and panics follow ufunc.go.
//
// Comparisons follow IEEE 754 for floats (NaN compares unequal to
// everything, itself included, and is neither less nor greater; −0 equals
// +0), also for float16.Float16, which is compared as a float, never by its
// bits. Complex numbers have == and != only, as in Go.

// cmpOp names a comparison.
type cmpOp uint8

const (
	cmpEq cmpOp = iota
	cmpNe
	cmpLt
	cmpLe
)

// EqualToInto stores a == b into dst, element by element: NumPy's
// np.equal(a, b, out=dst) (the function Equal compares whole views). a and
// b are broadcast to dst's shape as CopyFrom broadcasts; dst never changes
// shape. NaN is unequal to itself; −0 equals +0.
//
// EqualToInto panics, before writing anything, with an error wrapping
// ErrReadOnly when dst is read-only and ErrShape, naming the shapes, when
// a or b cannot be broadcast to dst's shape. It does not allocate.
func EqualToInto[T Numeric](dst NDView[bool], a, b NDView[T]) {
	var p plan.Plan
	if ad, bd, ok := planCompare("EqualTo", cmpEq, false, &p, &dst, &a, &b); ok {
		kernels.EqualRows(&p, dst.data, ad, bd)
	}
}

// NotEqualInto stores a != b into dst, element by element: NumPy's
// np.not_equal(a, b, out=dst). NaN is unequal to everything. Broadcasting
// and panics are those of EqualTo.
func NotEqualInto[T Numeric](dst NDView[bool], a, b NDView[T]) {
	var p plan.Plan
	if ad, bd, ok := planCompare("NotEqual", cmpNe, false, &p, &dst, &a, &b); ok {
		kernels.NotEqualRows(&p, dst.data, ad, bd)
	}
}

// LessInto stores a < b into dst, element by element: NumPy's
// np.less(a, b, out=dst). Comparisons with NaN are false. Broadcasting and
// panics are those of EqualTo.
func LessInto[T Real](dst NDView[bool], a, b NDView[T]) { ordered("Less", cmpLt, false, dst, a, b) }

// LessEqualInto stores a <= b into dst, element by element: NumPy's
// np.less_equal(a, b, out=dst). Comparisons with NaN are false.
// Broadcasting and panics are those of EqualTo.
func LessEqualInto[T Real](dst NDView[bool], a, b NDView[T]) {
	ordered("LessEqual", cmpLe, false, dst, a, b)
}

// GreaterInto stores a > b into dst, element by element: NumPy's
// np.greater(a, b, out=dst). Comparisons with NaN are false. Broadcasting
// and panics are those of EqualTo.
func GreaterInto[T Real](dst NDView[bool], a, b NDView[T]) {
	ordered("Greater", cmpLt, true, dst, a, b)
}

// GreaterEqualInto stores a >= b into dst, element by element: NumPy's
// np.greater_equal(a, b, out=dst). Comparisons with NaN are false.
// Broadcasting and panics are those of EqualTo.
func GreaterEqualInto[T Real](dst NDView[bool], a, b NDView[T]) {
	ordered("GreaterEqual", cmpLe, true, dst, a, b)
}

// ordered runs Less (c is cmpLt) or LessEqual (cmpLe), or Greater and
// GreaterEqualInto with swap.
func ordered[T Real](op string, c cmpOp, swap bool, dst NDView[bool], a, b NDView[T]) {
	var p plan.Plan
	ad, bd, ok := planCompare(op, c, swap, &p, &dst, &a, &b)
	switch {
	case !ok:
	case c == cmpLt:
		kernels.LessRows(&p, dst.data, ad, bd)
	default:
		kernels.LessEqualRows(&p, dst.data, ad, bd)
	}
}

// planCompare plans a comparison and returns the sources' data, exchanged
// with the operands of the plan when swap is set (a > b is b < a: the
// sources are exchanged after planning, so that messages name them in the
// caller's order). It runs float16 comparisons itself, and reports whether
// the caller has work left.
func planCompare[T Numeric](op string, c cmpOp, swap bool, p *plan.Plan, dst *NDView[bool], a, b *NDView[T]) ([]T, []T, bool) {
	if !plan3(op, p, dst, a, b) {
		return nil, nil, false
	}
	ad, bd := a.data, b.data
	if swap {
		p.SwapOperands(1, 2)
		ad, bd = bd, ad
	}
	if mem.InfoOf[T]().Kind == mem.Float16 {
		f16Compare(p, c, dst.data, bitsF16(ad), bitsF16(bd))
		return nil, nil, false
	}
	return ad, bd, true
}

// compareRows runs comparison op along p (for float32 chunks of float16
// views).
func compareRows[T Real](p *plan.Plan, op cmpOp, d []bool, a, b []T) {
	switch op {
	case cmpEq:
		kernels.EqualRows(p, d, a, b)
	case cmpNe:
		kernels.NotEqualRows(p, d, a, b)
	case cmpLt:
		kernels.LessRows(p, d, a, b)
	case cmpLe:
		kernels.LessEqualRows(p, d, a, b)
	}
}

// WhereInto stores into dst the element of a where cond holds and of b where
// it does not: NumPy's np.copyto(dst, np.where(cond, a, b)). cond, a and b
// are broadcast to dst's shape as CopyFrom broadcasts (Scalar makes a
// scalar operand: WhereInto(dst, c, a, Scalar(0.0))). Elements are copied,
// never computed, so T may be any type.
//
// A source that shares memory with dst is read as if it had first been
// copied (WhereInto(a, c, b, a) replaces a by b where c holds), allocating a
// temporary when it overlaps dst other than element for element. Where
// panics, before writing anything, with an error wrapping ErrReadOnly when
// dst is read-only and ErrShape, naming the shapes, when cond, a or b
// cannot be broadcast to dst's shape.
func WhereInto[T any](dst NDView[T], cond NDView[bool], a, b NDView[T]) {
	var p plan.Plan
	if !planWrite("Where", &p, &dst.lay, &cond.lay, &a.lay, &b.lay) {
		return
	}
	cond = detach(&p, 1, &dst, cond)
	a = detach(&p, 2, &dst, a)
	b = detach(&p, 3, &dst, b)
	p.Simplify(true)
	kernels.WhereRows(&p, dst.data, cond.data, a.data, b.data)
}

// ClipInto stores a limited to [lo, hi] into dst, element by element: NumPy's
// np.clip(a, lo, hi, out=dst), that is min(max(a, lo), hi), so that hi
// wins when lo > hi. A NaN in a, lo or hi gives NaN. a is broadcast to
// dst's shape; overlap and panics are those of Neg (ErrReadOnly, ErrShape),
// and Clip does not allocate unless a overlaps dst other than element for
// element.
func ClipInto[T Real](dst, a NDView[T], lo, hi T) {
	var p plan.Plan
	if !plan2("Clip", &p, &dst, &a) {
		return
	}
	if mem.InfoOf[T]().Kind == mem.Float16 {
		tab := f16Table()
		f16Clip(&p, bitsF16(dst.data), bitsF16(a.data), tab[uint16(lo)], tab[uint16(hi)])
		return
	}
	kernels.ClipRows(&p, dst.data, a.data, lo, hi)
}
