package ndview

import (
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Parts of complex numbers (semantics.md §17): NumPy's real, imag, conj,
// angle and absolute of complex arrays. The parts of a complex64 are
// float32, those of a complex128 float64, as in NumPy: the destination's
// element type must be the one of the source's precision.

// Complex is the constraint of complex element types: complex64,
// complex128 and named types defined over them.
type Complex interface {
	~complex64 | ~complex128
}

// RealPartInto stores the real parts of a into dst, element by element:
// NumPy's np.real(a) copied into dst (np.copyto(dst, a.real)). dst holds
// float32 for a complex64 a and float64 for a complex128 a. a is
// broadcast to dst's shape; overlap and allocation are those of Neg.
//
// RealPartInto panics, before writing anything, with an error wrapping
// ErrType when the element types' precisions differ, ErrReadOnly when dst
// is read-only, and ErrShape when a cannot be broadcast to dst's shape.
func RealPartInto[F ~float32 | ~float64, C Complex](dst NDView[F], a NDView[C]) { parts(mReal, dst, a) }

// ImagPartInto stores the imaginary parts of a into dst, element by element:
// NumPy's np.imag(a) copied into dst, with the rules of RealPart.
func ImagPartInto[F ~float32 | ~float64, C Complex](dst NDView[F], a NDView[C]) { parts(mImag, dst, a) }

// AngleInto stores the argument of each element of a into dst, in radians in
// [−π, π]: NumPy's np.angle(a), atan2(imag, real) (so the angle of −1−0i
// is −π). The rules are those of RealPart; complex64 is computed in
// float64 and rounded once.
func AngleInto[F ~float32 | ~float64, C Complex](dst NDView[F], a NDView[C]) { parts(mAngle, dst, a) }

// AbsComplexInto stores the magnitude of each element of a into dst: NumPy's
// np.absolute(a) (np.abs) of a complex array, √(re² + im²) without
// overflow, +Inf when a part is infinite even if the other is NaN. The
// rules are those of RealPart; complex64 is computed in float64 and
// rounded once. Abs takes real types.
func AbsComplexInto[F ~float32 | ~float64, C Complex](dst NDView[F], a NDView[C]) {
	parts(mAbsComplex, dst, a)
}

// ConjInto stores the complex conjugate of a into dst, element by element:
// NumPy's np.conjugate(a, out=dst) (np.conj). Broadcasting, overlap,
// allocation and panics are those of Neg.
func ConjInto[C Complex](dst, a NDView[C]) { math1(mConj, dst, a) }

// partOp names a function from complex numbers to floats.
type partOp uint8

const (
	mReal partOp = iota
	mImag
	mAngle
	mAbsComplex
)

var partNames = [...]string{"RealPart", "ImagPart", "Angle", "AbsComplex"}

// parts runs dst = op(a) for a partOp.
func parts[F ~float32 | ~float64, C Complex](op partOp, dst NDView[F], a NDView[C]) {
	c64 := mem.InfoOf[C]().Kind == mem.Complex64
	if f32 := mem.InfoOf[F]().Kind == mem.Float32; f32 != c64 {
		want := map[bool]string{true: "float32", false: "float64"}[c64]
		panicf(partNames[op], ErrType, "the parts of %s are %s: want a destination of %s, not %s",
			mem.InfoOf[C]().Format, want, want, map[bool]string{true: "float32", false: "float64"}[f32])
	}
	var p plan.Plan
	if !plan2(partNames[op], &p, &dst, &a) {
		return
	}
	if c64 {
		parts64(&p, op, as[float32](dst.data), as[complex64](a.data))
	} else {
		parts128(&p, op, as[float64](dst.data), as[complex128](a.data))
	}
}

// parts64 runs op on complex64 elements.
func parts64(p *plan.Plan, op partOp, d []float32, a []complex64) {
	switch op {
	case mReal:
		kernels.RealC64Rows(p, d, a)
	case mImag:
		kernels.ImagC64Rows(p, d, a)
	case mAngle:
		kernels.AngleC64Rows(p, d, a)
	default:
		kernels.AbsC64Rows(p, d, a)
	}
}

// parts128 runs op on complex128 elements.
func parts128(p *plan.Plan, op partOp, d []float64, a []complex128) {
	switch op {
	case mReal:
		kernels.RealC128Rows(p, d, a)
	case mImag:
		kernels.ImagC128Rows(p, d, a)
	case mAngle:
		kernels.AngleC128Rows(p, d, a)
	default:
		kernels.AbsC128Rows(p, d, a)
	}
}
