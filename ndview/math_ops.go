package ndview

import (
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// The machinery of the element-wise mathematics (semantics.md §17): every
// function of math_*.go is one call of math1, math2 or math2Scalar (or of
// their bool-valued twins truth1 and truth2) with its mathOp. They plan
// the write as Add does (planWrite, plan2, plan3: broadcasting, read-only
// and overlap rules, every check before the first write), then dispatch
// once on the element kind, reinterpreting the data as the predeclared type
// of the kind (a named type shares its underlying type's kernels), to one
// switch over the operations per family: floats (floatRows), integers
// (intRows), complex numbers (complexRows), truth values (truthRows,
// classRows). float16.Float16 is computed through float32 chunks
// (f16Math, f16Truth), as Add computes it.
//
// The kernels are rows of the table elementwise of internal/kernels;
// none is written here.

// mathOp names an element-wise function of §17.
type mathOp uint8

const (
	mSin mathOp = iota
	mCos
	mTan
	mArcsin
	mArccos
	mArctan
	mArctan2
	mHypot
	mDeg2rad
	mRad2deg
	mSinh
	mCosh
	mTanh
	mArcsinh
	mArccosh
	mArctanh
	mExp2
	mExpm1
	mLog2
	mLog10
	mLog1p
	mLogaddexp
	mLogaddexp2
	mPower
	mFloorDivide
	mRemainder
	mFmod
	mRound
	mRint
	mCeil
	mFloor
	mTrunc
	mFix
	mReciprocal
	mCopysign
	mNextafter
	mSpacing
	mSign
	mHeaviside
	mSquare
	mCbrt
	mFabs
	mSignbit
	mIsnan
	mIsinf
	mIsfinite
	mLogicalAnd
	mLogicalOr
	mLogicalXor
	mLogicalNot
	mBitwiseAnd
	mBitwiseOr
	mBitwiseXor
	mInvert
	mLeftShift
	mRightShift
	mGcd
	mLcm
	mConj
	mDivmod
	nMathOps
)

// mathNames are the operations' names in messages, by mathOp.
var mathNames = [nMathOps]string{
	"Sin", "Cos", "Tan", "Arcsin", "Arccos", "Arctan", "Arctan2", "Hypot", "Deg2rad", "Rad2deg",
	"Sinh", "Cosh", "Tanh", "Arcsinh", "Arccosh", "Arctanh",
	"Exp2", "Expm1", "Log2", "Log10", "Log1p", "Logaddexp", "Logaddexp2", "Power",
	"FloorDivide", "Remainder", "Fmod", "Round", "Rint", "Ceil", "Floor", "Trunc", "Fix",
	"Reciprocal", "Copysign", "Nextafter", "Spacing", "Sign", "Heaviside", "Square", "Cbrt", "Fabs",
	"Signbit", "Isnan", "Isinf", "Isfinite",
	"LogicalAnd", "LogicalOr", "LogicalXor", "LogicalNot",
	"BitwiseAnd", "BitwiseOr", "BitwiseXor", "Invert", "LeftShift", "RightShift", "Gcd", "Lcm",
	"Conj", "Divmod",
}

// heavy reports whether op costs enough per element (a transcendental
// function) that large views are split across goroutines, as Exp's are
// (parallel.go, semantics.md P1).
func (op mathOp) heavy() bool {
	return op <= mPower && op != mDeg2rad && op != mRad2deg || op == mCbrt
}

// math1 runs dst = op(a).
func math1[T any](op mathOp, dst, a NDView[T]) {
	refuseF16[T](op)
	var p plan.Plan
	if plan2(mathNames[op], &p, &dst, &a) {
		runMath(&p, op, dst.data, a.data, nil)
	}
}

// math2 runs dst = op(a, b).
func math2[T any](op mathOp, dst, a, b NDView[T]) {
	refuseF16[T](op)
	var p plan.Plan
	if plan3(mathNames[op], &p, &dst, &a, &b) {
		runMath(&p, op, dst.data, a.data, b.data)
	}
}

// math2Scalar runs dst = op(a, x), planning x as a third operand that
// never moves, as arithScalar does.
func math2Scalar[T any](op mathOp, dst, a NDView[T], x T) {
	refuseF16[T](op)
	var p plan.Plan
	if planScalar(mathNames[op]+"Scalar", &p, &dst, &a) {
		xs := []T{x}
		runMath(&p, op, dst.data, a.data, xs)
	}
}

// planScalar plans dst = f(a, x) for a scalar x, operand 2 of stride 0
// (at offset 0 of a one-element slice), and reports whether dst has
// elements.
func planScalar[D, S any](name string, p *plan.Plan, dst *NDView[D], a *NDView[S]) bool {
	if !plan2(name, p, dst, a) {
		return false
	}
	var zero [MaxRank]int
	p.Add(0, zero[:p.Rank])
	return true
}

// refuseF16 panics when op is an integer operation and T is
// float16.Float16, which the constraint Integer admits as a type over
// uint16 (NumPy refuses the bitwise functions of float16 too).
func refuseF16[T any](op mathOp) {
	if op >= mBitwiseAnd && op <= mLcm && mem.InfoOf[T]().Kind == mem.Float16 {
		panicf(mathNames[op], ErrType, "float16.Float16 is a float: %s takes integers", mathNames[op])
	}
}

// as returns s reinterpreted as a []U, U the predeclared type of s's
// element kind.
func as[U, T any](s []T) []U { return mem.As[U](mem.Erase(s)) }

// runMath runs op along p into d from a and b (nil for a unary op),
// dispatching on the element kind of T.
func runMath[T any](p *plan.Plan, op mathOp, d, a, b []T) {
	switch mem.InfoOf[T]().Kind {
	case mem.Float16:
		f16Math(p, op, bitsF16(d), bitsF16(a), bitsF16(b))
	case mem.Float32:
		floatParallel(p, op, as[float32](d), as[float32](a), as[float32](b))
	case mem.Float64:
		floatParallel(p, op, as[float64](d), as[float64](a), as[float64](b))
	case mem.Int8:
		intRows(p, op, as[int8](d), as[int8](a), as[int8](b))
	case mem.Int16:
		intRows(p, op, as[int16](d), as[int16](a), as[int16](b))
	case mem.Int32:
		intRows(p, op, as[int32](d), as[int32](a), as[int32](b))
	case mem.Int64:
		intRows(p, op, as[int64](d), as[int64](a), as[int64](b))
	case mem.Uint8:
		intRows(p, op, as[uint8](d), as[uint8](a), as[uint8](b))
	case mem.Uint16:
		intRows(p, op, as[uint16](d), as[uint16](a), as[uint16](b))
	case mem.Uint32:
		intRows(p, op, as[uint32](d), as[uint32](a), as[uint32](b))
	case mem.Uint64:
		intRows(p, op, as[uint64](d), as[uint64](a), as[uint64](b))
	case mem.Complex64:
		complexRows(p, op, as[complex64](d), as[complex64](a), as[complex64](b))
	case mem.Complex128:
		complexRows(p, op, as[complex128](d), as[complex128](a), as[complex128](b))
	}
}

// floatParallel runs floatRows, splitting large views of heavy operations
// across goroutines.
func floatParallel[F ~float32 | ~float64](p *plan.Plan, op mathOp, d, a, b []F) {
	if op.heavy() {
		if w := plan.Workers(p, 2*p.Size*mem.Sizeof[F]()); w > 1 {
			plan.Parallel(p, w, func(part *plan.Plan) { floatRows(part, op, d, a, b) })
			return
		}
	}
	floatRows(p, op, d, a, b)
}

// floatRows runs the float kernel of op along p.
func floatRows[F ~float32 | ~float64](p *plan.Plan, op mathOp, d, a, b []F) {
	switch op {
	case mSin:
		kernels.SinVRows(p, d, a) // vector kernels, semantics.md §32
	case mCos:
		kernels.CosVRows(p, d, a)
	case mTan:
		kernels.TanRows(p, d, a)
	case mArcsin:
		kernels.ArcsinRows(p, d, a)
	case mArccos:
		kernels.ArccosRows(p, d, a)
	case mArctan:
		kernels.ArctanRows(p, d, a)
	case mArctan2:
		kernels.Arctan2Rows(p, d, a, b)
	case mHypot:
		kernels.HypotRows(p, d, a, b)
	case mDeg2rad:
		kernels.Deg2radRows(p, d, a)
	case mRad2deg:
		kernels.Rad2degRows(p, d, a)
	case mSinh:
		kernels.SinhRows(p, d, a)
	case mCosh:
		kernels.CoshRows(p, d, a)
	case mTanh:
		kernels.TanhVRows(p, d, a)
	case mArcsinh:
		kernels.ArcsinhRows(p, d, a)
	case mArccosh:
		kernels.ArccoshRows(p, d, a)
	case mArctanh:
		kernels.ArctanhRows(p, d, a)
	case mExp2:
		kernels.Exp2VRows(p, d, a)
	case mExpm1:
		kernels.Expm1VRows(p, d, a)
	case mLog2:
		kernels.Log2VRows(p, d, a)
	case mLog10:
		kernels.Log10Rows(p, d, a)
	case mLog1p:
		kernels.Log1pVRows(p, d, a)
	case mLogaddexp:
		kernels.LogaddexpRows(p, d, a, b)
	case mLogaddexp2:
		kernels.Logaddexp2Rows(p, d, a, b)
	case mPower:
		kernels.PowerRows(p, d, a, b)
	case mFloorDivide:
		kernels.FloorDivideRows(p, d, a, b)
	case mRemainder:
		kernels.RemainderRows(p, d, a, b)
	case mFmod:
		kernels.FmodRows(p, d, a, b)
	case mRint:
		kernels.RintRows(p, d, a)
	case mCeil:
		kernels.CeilRows(p, d, a)
	case mFloor:
		kernels.FloorRows(p, d, a)
	case mTrunc, mFix:
		kernels.TruncRows(p, d, a)
	case mReciprocal:
		kernels.ReciprocalRows(p, d, a)
	case mCopysign:
		kernels.CopysignRows(p, d, a, b)
	case mNextafter:
		kernels.NextafterRows(p, d, a, b)
	case mSpacing:
		kernels.SpacingRows(p, d, a)
	case mSign:
		kernels.SignRows(p, d, a)
	case mHeaviside:
		kernels.HeavisideRows(p, d, a, b)
	case mSquare:
		kernels.SquareRows(p, d, a)
	case mCbrt:
		kernels.CbrtRows(p, d, a)
	case mFabs:
		kernels.FabsRows(p, d, a)
	}
}

// intRows runs the integer kernel of op along p.
func intRows[I ~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64](p *plan.Plan, op mathOp, d, a, b []I) {
	switch op {
	case mPower:
		kernels.PowerIntRows(p, d, a, b)
	case mFloorDivide:
		kernels.FloorDivideIntRows(p, d, a, b)
	case mRemainder:
		kernels.RemainderIntRows(p, d, a, b)
	case mFmod:
		kernels.FmodIntRows(p, d, a, b)
	case mReciprocal:
		kernels.ReciprocalIntRows(p, d, a)
	case mSign:
		kernels.SignRows(p, d, a)
	case mSquare:
		kernels.SquareRows(p, d, a)
	case mBitwiseAnd:
		kernels.BitwiseAndRows(p, d, a, b)
	case mBitwiseOr:
		kernels.BitwiseOrRows(p, d, a, b)
	case mBitwiseXor:
		kernels.BitwiseXorRows(p, d, a, b)
	case mInvert:
		kernels.InvertRows(p, d, a)
	case mLeftShift:
		kernels.LeftShiftRows(p, d, a, b)
	case mRightShift:
		kernels.RightShiftRows(p, d, a, b)
	case mGcd:
		kernels.GcdRows(p, d, a, b)
	case mLcm:
		kernels.LcmRows(p, d, a, b)
	}
}

// complexRows runs the complex kernel of op along p.
func complexRows[C ~complex64 | ~complex128](p *plan.Plan, op mathOp, d, a, b []C) {
	switch op {
	case mReciprocal:
		kernels.ReciprocalRows(p, d, a)
	case mSquare:
		kernels.SquareRows(p, d, a)
	case mConj:
		kernels.ConjRows(p, d, a)
	}
}

// f16Math runs op on float16 bits along p (b nil for a unary op), through
// float32 chunks rounded once to half precision.
func f16Math(p *plan.Plan, op mathOp, d, a, b []uint16) {
	var f f16Walk
	f.init(p)
	z, x, y := f.bufs[0][:], f.bufs[1][:], f.bufs[2][:]
	for f.next(p, a, b) {
		di, ds := f.toBuf()
		floatRows(&f.q, op, z, x, y)
		toF16(d, di, ds, z[:f.q.Size])
	}
}

// Functions into bools.

// truth1 runs dst = op(a) for a classification or LogicalNot.
func truth1[T any](op mathOp, dst NDView[bool], a NDView[T]) {
	var p plan.Plan
	if plan2(mathNames[op], &p, &dst, &a) {
		runTruth(&p, op, dst.data, a.data, nil)
	}
}

// truth2 runs dst = op(a, b) for a logical operation.
func truth2[T any](op mathOp, dst NDView[bool], a, b NDView[T]) {
	var p plan.Plan
	if plan3(mathNames[op], &p, &dst, &a, &b) {
		runTruth(&p, op, dst.data, a.data, b.data)
	}
}

// runTruth runs op along p into bools d, dispatching on the element kind
// of T.
func runTruth[T any](p *plan.Plan, op mathOp, d []bool, a, b []T) {
	switch mem.InfoOf[T]().Kind {
	case mem.Float16:
		f16Truth(p, op, d, bitsF16(a), bitsF16(b))
	case mem.Float32:
		classRows(p, op, d, as[float32](a), as[float32](b))
	case mem.Float64:
		classRows(p, op, d, as[float64](a), as[float64](b))
	case mem.Bool:
		truthRows(p, op, d, as[bool](a), as[bool](b))
	case mem.Int8, mem.Uint8:
		truthRows(p, op, d, as[uint8](a), as[uint8](b))
	case mem.Int16, mem.Uint16:
		truthRows(p, op, d, as[uint16](a), as[uint16](b))
	case mem.Int32, mem.Uint32:
		truthRows(p, op, d, as[uint32](a), as[uint32](b))
	case mem.Int64, mem.Uint64:
		truthRows(p, op, d, as[uint64](a), as[uint64](b))
	case mem.Complex64:
		truthRows(p, op, d, as[complex64](a), as[complex64](b))
	case mem.Complex128:
		truthRows(p, op, d, as[complex128](a), as[complex128](b))
	}
}

// classRows runs a classification, or a logical operation, of floats
// along p.
func classRows[F ~float32 | ~float64](p *plan.Plan, op mathOp, d []bool, a, b []F) {
	switch op {
	case mSignbit:
		kernels.SignbitRows(p, d, a)
	case mIsnan:
		kernels.IsnanRows(p, d, a)
	case mIsinf:
		kernels.IsinfRows(p, d, a)
	case mIsfinite:
		kernels.IsfiniteRows(p, d, a)
	default:
		truthRows(p, op, d, a, b)
	}
}

// truthRows runs a logical operation along p: zero is false, anything
// else true (integers are compared as unsigned values of their size,
// which are zero exactly when they are).
func truthRows[T ~bool | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64 | ~complex64 | ~complex128](p *plan.Plan, op mathOp, d []bool, a, b []T) {
	switch op {
	case mLogicalAnd:
		kernels.TruthAndRows(p, d, a, b)
	case mLogicalOr:
		kernels.TruthOrRows(p, d, a, b)
	case mLogicalXor:
		kernels.TruthXorRows(p, d, a, b)
	case mLogicalNot:
		kernels.TruthNotRows(p, d, a)
	}
}

// f16Truth runs op on float16 bits along p into bools, through float32
// chunks, as f16Compare does.
func f16Truth(p *plan.Plan, op mathOp, d []bool, a, b []uint16) {
	var f f16Walk
	f.init(p)
	x, y := f.bufs[1][:], f.bufs[2][:]
	for f.next(p, a, b) {
		classRows(&f.q, op, d, x, y)
	}
}
