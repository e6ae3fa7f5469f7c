package ndview

import (
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Comparisons and logical functions with a plain scalar operand
// (semantics.md §31, DT1): NumPy's a < 3, a == x, np.logical_and(m, x).
// The scalar is held in an array on the stack and read with stride 0 by
// the kernels of the view forms (compare.go, math_bits.go),
// so that a contiguous float32 or float64 row goes to the vector
// comparison kernels (semantics.md §27) and the destination forms do not
// allocate. The logical functions need only the truth of x: they run as a
// fill, a's truth or its negation, and do not allocate either. Results, NaN rules, broadcasting, overlap and panics are those
// of the view forms: LessScalarInto(dst, a, x) stores what
// LessInto(dst, a, Scalar(x)) stores.

// EqualToScalarInto stores a == x into dst, element by element: NumPy's
// np.equal(a, x, out=dst), or dst[...] = a == x. NaN is unequal to
// itself; −0 equals +0. a is broadcast to dst's shape; dst never changes
// shape. EqualToScalarInto panics, before writing anything, with an error
// wrapping ErrReadOnly when dst is read-only and ErrShape when a cannot be
// broadcast to dst's shape. It does not allocate unless a overlaps dst
// other than element for element.
func EqualToScalarInto[T Numeric](dst NDView[bool], a NDView[T], x T) {
	compareScalar("EqualToScalar", cmpEq, dst, a, x)
}

// NotEqualScalarInto stores a != x into dst, element by element: NumPy's
// np.not_equal(a, x, out=dst). NaN is unequal to everything. Broadcasting,
// allocation and panics are those of EqualToScalar.
func NotEqualScalarInto[T Numeric](dst NDView[bool], a NDView[T], x T) {
	compareScalar("NotEqualScalar", cmpNe, dst, a, x)
}

// LessScalarInto stores a < x into dst, element by element: NumPy's
// np.less(a, x, out=dst), or dst[...] = a < x. Comparisons with NaN are
// false. Broadcasting, allocation and panics are those of EqualToScalar.
// x < a is GreaterScalarInto(dst, a, x).
func LessScalarInto[T Real](dst NDView[bool], a NDView[T], x T) {
	orderedScalar("LessScalar", cmpLt, false, dst, a, x)
}

// LessEqualScalarInto stores a <= x into dst, element by element: NumPy's
// np.less_equal(a, x, out=dst). Comparisons with NaN are false.
// Broadcasting, allocation and panics are those of EqualToScalar.
func LessEqualScalarInto[T Real](dst NDView[bool], a NDView[T], x T) {
	orderedScalar("LessEqualScalar", cmpLe, false, dst, a, x)
}

// GreaterScalarInto stores a > x into dst, element by element: NumPy's
// np.greater(a, x, out=dst). Comparisons with NaN are false.
// Broadcasting, allocation and panics are those of EqualToScalar.
func GreaterScalarInto[T Real](dst NDView[bool], a NDView[T], x T) {
	orderedScalar("GreaterScalar", cmpLt, true, dst, a, x)
}

// GreaterEqualScalarInto stores a >= x into dst, element by element:
// NumPy's np.greater_equal(a, x, out=dst). Comparisons with NaN are
// false. Broadcasting, allocation and panics are those of EqualToScalar.
func GreaterEqualScalarInto[T Real](dst NDView[bool], a NDView[T], x T) {
	orderedScalar("GreaterEqualScalar", cmpLe, true, dst, a, x)
}

// compareScalar runs dst = a c x for EqualTo and NotEqual: planScalar
// adds x as a third operand of stride 0, and the view forms' kernels run.
func compareScalar[T Numeric](op string, c cmpOp, dst NDView[bool], a NDView[T], x T) {
	var p plan.Plan
	xs := [1]T{x}
	if ad, bd, ok := planCompareScalar(op, c, false, &p, &dst, &a, xs[:]); ok {
		if c == cmpEq {
			kernels.EqualRows(&p, dst.data, ad, bd)
		} else {
			kernels.NotEqualRows(&p, dst.data, ad, bd)
		}
	}
}

// orderedScalar is compareScalar for Less (c is cmpLt) and LessEqual
// (cmpLe), and for Greater and GreaterEqual with swap (a > x is x < a).
func orderedScalar[T Real](op string, c cmpOp, swap bool, dst NDView[bool], a NDView[T], x T) {
	var p plan.Plan
	xs := [1]T{x}
	ad, bd, ok := planCompareScalar(op, c, swap, &p, &dst, &a, xs[:])
	switch {
	case !ok:
	case c == cmpLt:
		kernels.LessRows(&p, dst.data, ad, bd)
	default:
		kernels.LessEqualRows(&p, dst.data, ad, bd)
	}
}

// planCompareScalar is planCompare with a scalar second operand xs[0]: it
// returns the operands' data, exchanged when swap is set, runs float16
// comparisons itself, and reports whether the caller has work left.
func planCompareScalar[T Numeric](op string, c cmpOp, swap bool, p *plan.Plan, dst *NDView[bool], a *NDView[T], xs []T) ([]T, []T, bool) {
	if !planScalar(op, p, dst, a) {
		return nil, nil, false
	}
	ad, bd := a.data, xs
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

// LogicalAndScalarInto stores whether a and x are both true into dst,
// element by element: NumPy's np.logical_and(a, x, out=dst), m & True for
// a bool mask m. Truth values are those of LogicalAnd (a number is true
// when nonzero, NaN included). Broadcasting and panics are those of
// EqualToScalar; like it, LogicalAndScalarInto does not allocate unless
// a overlaps dst other than element for element.
func LogicalAndScalarInto[T Logical](dst NDView[bool], a NDView[T], x T) {
	truthScalar("LogicalAndScalar", mLogicalAnd, dst, a, x)
}

// LogicalOrScalarInto stores whether a or x is true into dst, element by
// element: NumPy's np.logical_or(a, x, out=dst), with the rules of
// LogicalAndScalar.
func LogicalOrScalarInto[T Logical](dst NDView[bool], a NDView[T], x T) {
	truthScalar("LogicalOrScalar", mLogicalOr, dst, a, x)
}

// LogicalXorScalarInto stores whether exactly one of a and x is true into
// dst, element by element: NumPy's np.logical_xor(a, x, out=dst), with
// the rules of LogicalAndScalar.
func LogicalXorScalarInto[T Logical](dst NDView[bool], a NDView[T], x T) {
	truthScalar("LogicalXorScalar", mLogicalXor, dst, a, x)
}

// truthScalar runs dst = op(a, x) for a logical operation named name
// (a constant, so that no name is built per call). Only the truth of x
// matters, so the result is a constant, a's truth (a || a) or its
// negation, each computed by a view form with no scalar operand to hold.
func truthScalar[T Logical](name string, op mathOp, dst NDView[bool], a NDView[T], x T) {
	var p plan.Plan
	if !planScalar(name, &p, &dst, &a) {
		return
	}
	var zero T
	t := x != zero
	if mem.InfoOf[T]().Kind == mem.Float16 {
		xs := [1]T{x}
		t = bitsF16(xs[:])[0]&0x7fff != 0 // −0 is false, NaN true
	}
	switch {
	case op == mLogicalAnd && !t:
		dst.Fill(false)
	case op == mLogicalOr && t:
		dst.Fill(true)
	case op == mLogicalXor && t:
		LogicalNotInto(dst, a)
	default:
		LogicalOrInto(dst, a, a)
	}
}
