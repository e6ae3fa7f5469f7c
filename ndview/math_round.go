package ndview

import (
	"math"
	"slices"

	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Division and rounding (semantics.md §17): NumPy's floor_divide,
// remainder (mod), fmod, divmod, round, rint, ceil, floor, trunc and
// fix.

// FloorDivideInto stores a // b, the quotient rounded toward −∞ into dst,
// element by element: NumPy's np.floor_divide(a, b, out=dst). Floats
// follow NumPy's divmod: the quotient is (a − RemainderInto(a, b))/b rounded
// to the nearest integer, so that FloorDivideInto(1, 0.1) is 9; a/b (±Inf or
// NaN) where b is 0. Integers divided by 0 give 0, and the most negative
// value divided by −1 is itself (NumPy warns in both cases; Go would
// panic in the first). float16.Float16 is computed in float32.
// Broadcasting, overlap, allocation and panics are those of Add.
func FloorDivideInto[T Real](dst, a, b NDView[T]) { math2(mFloorDivide, dst, a, b) }

// FloorDivideScalarInto is FloorDivide with b the scalar x (NumPy's
// np.floor_divide(a, x, out=dst)), the same as FloorDivideInto(dst, a,
// Scalar(x)).
func FloorDivideScalarInto[T Real](dst, a NDView[T], x T) { math2Scalar(mFloorDivide, dst, a, x) }

// RemainderInto stores a mod b, the remainder of FloorDivide with the sign
// of b into dst, element by element: NumPy's np.remainder(a, b,
// out=dst). For floats remainder(−1, +Inf) is +Inf and remainder(x, 0)
// is NaN; a zero remainder is +0 or −0 by the sign of b. Integers give 0
// where b is 0. float16.Float16 is computed in float32. Broadcasting,
// overlap, allocation and panics are those of Add.
func RemainderInto[T Real](dst, a, b NDView[T]) { math2(mRemainder, dst, a, b) }

// RemainderScalarInto is Remainder with b the scalar x (NumPy's
// np.remainder(a, x, out=dst)), the same as RemainderInto(dst, a,
// Scalar(x)).
func RemainderScalarInto[T Real](dst, a NDView[T], x T) { math2Scalar(mRemainder, dst, a, x) }

// ModInto stores a mod b, as Remainder does into dst, element by element:
// NumPy's np.mod(a, b, out=dst). Broadcasting, overlap, allocation and
// panics are those of Add.
func ModInto[T Real](dst, a, b NDView[T]) { math2(mRemainder, dst, a, b) }

// ModScalarInto is Mod with b the scalar x (NumPy's np.mod(a, x, out=dst)),
// the same as ModInto(dst, a, Scalar(x)).
func ModScalarInto[T Real](dst, a NDView[T], x T) { math2Scalar(mRemainder, dst, a, x) }

// FmodInto stores C's fmod(a, b), the remainder of the division truncated
// toward zero, with the sign of a into dst, element by element: NumPy's
// np.fmod(a, b, out=dst). Floats give NaN where b is 0 and a where b is
// infinite; integers give 0 where b is 0. The result is exact.
// Broadcasting, overlap, allocation and panics are those of Add.
func FmodInto[T Real](dst, a, b NDView[T]) { math2(mFmod, dst, a, b) }

// FmodScalarInto is Fmod with b the scalar x (NumPy's np.fmod(a, x,
// out=dst)), the same as FmodInto(dst, a, Scalar(x)).
func FmodScalarInto[T Real](dst, a NDView[T], x T) { math2Scalar(mFmod, dst, a, x) }

// RintInto stores a rounded to the nearest integer, ties to even into dst,
// element by element: NumPy's np.rint(a, out=dst). Signed zeros,
// infinities and NaN are kept. Broadcasting, overlap, allocation and
// panics are those of Neg.
func RintInto[T Float](dst, a NDView[T]) { math1(mRint, dst, a) }

// CeilInto stores the smallest integer not less than a into dst, element by
// element: NumPy's np.ceil(a, out=dst). Signed zeros, infinities and NaN
// are kept (ceil(−0.5) is −0). Broadcasting, overlap, allocation and
// panics are those of Neg.
func CeilInto[T Float](dst, a NDView[T]) { math1(mCeil, dst, a) }

// FloorInto stores the largest integer not greater than a into dst, element
// by element: NumPy's np.floor(a, out=dst). Signed zeros, infinities and
// NaN are kept. Broadcasting, overlap, allocation and panics are those
// of Neg.
func FloorInto[T Float](dst, a NDView[T]) { math1(mFloor, dst, a) }

// TruncInto stores a rounded toward zero into dst, element by element:
// NumPy's np.trunc(a, out=dst). Signed zeros, infinities and NaN are
// kept. Broadcasting, overlap, allocation and panics are those of Neg.
func TruncInto[T Float](dst, a NDView[T]) { math1(mTrunc, dst, a) }

// FixInto stores a rounded toward zero, as Trunc does into dst, element by
// element: NumPy's np.fix(a, out=dst). Broadcasting, overlap, allocation
// and panics are those of Neg.
func FixInto[T Float](dst, a NDView[T]) { math1(mFix, dst, a) }

// DivmodInto stores FloorDivideInto(a, b) into q and RemainderInto(a, b) into r,
// element by element: NumPy's np.divmod(a, b, out=(q, r)), with the
// corners of FloorDivide and Remainder. a and b are broadcast to the shape
// of q and r, which must be equal. A source that shares memory with q is
// copied first, so that r is computed from the sources as they were; r is
// written after q, so where q and r overlap r's values remain.
//
// DivmodInto panics, before writing anything, with an error wrapping
// ErrReadOnly when q or r is read-only, and ErrShape when q and r differ
// in shape or a or b cannot be broadcast to it.
func DivmodInto[T Real](q, r, a, b NDView[T]) {
	var pq, pr plan.Plan
	okq := planWrite("Divmod", &pq, &q.lay, &a.lay, &b.lay)
	planWrite("Divmod", &pr, &r.lay, &a.lay, &b.lay)
	if !slices.Equal(q.lay.Shape(), r.lay.Shape()) {
		panicf("Divmod", ErrShape, "the destinations' shapes %s and %s differ", formatShape(q.lay.Shape()), formatShape(r.lay.Shape()))
	}
	if !okq {
		return
	}
	if shareMemory(&q, &a) {
		a = a.Clone()
	}
	if shareMemory(&q, &b) {
		b = b.Clone()
	}
	math2(mFloorDivide, q, a, b)
	math2(mRemainder, r, a, b)
}

// Divmod returns FloorDivide(a, b) and Remainder(a, b) in two new arrays
// of the shape a and b broadcast to (NumPy's np.divmod(a, b)). It panics
// as DivmodInto does (semantics.md A1).
func Divmod[T Real](a, b NDView[T]) (q, r NDView[T]) {
	q = newResult[T]("Divmod", &a.lay, &b.lay)
	r = Zeros[T](q.lay.Shape()...)
	DivmodInto(q, r, a, b)
	return q, r
}

// RoundInto stores a rounded to the given number of decimals into dst,
// element by element: NumPy's np.round(a, decimals, out=dst) (np.around).
// Ties go to even, and the result is computed in T as NumPy computes it,
// rint(a·10^d)/10^d for d ≥ 0 and rint(a/10^−d)·10^−d for d < 0, so that
// RoundInto(2.675, 2) is 2.68 and a product that overflows gives ±Inf or NaN
// (float16.Float16 is computed in float32 and rounded once to half
// precision). Broadcasting, overlap, allocation and panics are those of
// Neg.
func RoundInto[T Float](dst, a NDView[T], decimals int) {
	var p plan.Plan
	if !plan2("Round", &p, &dst, &a) {
		return
	}
	decimals = min(max(decimals, -400), 400) // beyond, 10^d is 0 or Inf in every precision
	s, neg := math.Pow10(decimals), decimals < 0
	if neg {
		s = math.Pow10(-decimals)
	}
	switch mem.InfoOf[T]().Kind {
	case mem.Float16:
		var f f16Walk
		f.init(&p)
		z, x := f.bufs[0][:], f.bufs[1][:]
		d, src := bitsF16(dst.data), bitsF16(a.data)
		for f.next(&p, src, nil) {
			di, ds := f.toBuf()
			kernels.RoundRows(&f.q, z, x, float32(s), neg)
			toF16(d, di, ds, z[:f.q.Size])
		}
	case mem.Float32:
		kernels.RoundRows(&p, as[float32](dst.data), as[float32](a.data), float32(s), neg)
	default:
		kernels.RoundRows(&p, as[float64](dst.data), as[float64](a.data), s, neg)
	}
}
