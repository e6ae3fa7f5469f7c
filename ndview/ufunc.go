package ndview

// Element-wise arithmetic (NumPy's ufuncs add, subtract, multiply, divide,
// minimum, maximum, negative, absolute, sqrt, exp, log) into a destination
// view.
//
// Every operation writes into a destination that it never reshapes: the
// sources are broadcast to the destination's shape by the rule CopyFrom
// uses (semantics.md W1), so a (4096, 1) and a (1, 4096) source fill a
// (4096, 4096) destination. The destination is checked first (read-only,
// shapes), and nothing is written when a check fails.
//
// Overlap (semantics.md W3): the result is as if every source had first been
// copied to a temporary. A source that is the destination itself, element
// for element (AddInto(a, a, b)), is read in place, since every element is read
// before it is written; a source that overlaps the destination in any other
// way is copied first (detach, copy.go).
//
// The walk: one traversal plan per call (internal/plan), reordered to the
// destination's memory order and coalesced, then one row loop per row of
// the innermost axis. Row loops are specialised for the patterns that
// dominate real use: all three operands contiguous, or one source constant
// along the row (a broadcast or a scalar operand) and the others
// contiguous; any other strides take a strided loop. The loops and their
// walkers (kernels.AddRows, …) are generated in internal/kernels from a
// table with one row per operation, whose element function the compiler
// inlines into the loops, so no call is made per element.
//
// float16.Float16 is computed as a float, never on its bits: rows are
// converted to float32 in chunks, computed in float32 and rounded back to
// half precision (ufunc_f16.go). For +, −, ×, ÷ and √ of half-precision
// inputs this is the correctly rounded half-precision result, since
// float32 carries more than twice the half-precision significand plus two
// bits, so rounding twice cannot differ from rounding once.
//
// ExpInto and Log, whose work per element is large, take the parallel path of
// the copies (parallel.go) above parallelMinBytes: on the 2-CPU machine of
// the project's table a 1024² float64 Exp ran 1.9 times as fast on two
// goroutines (BenchmarkArith/Exp). The other operations are limited by
// memory: a broadcast add and a sum split in two ran no faster than on one
// goroutine, so they run on the calling goroutine.

import (
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
	"github.com/x448/float16"
)

// Real is the constraint of element types with an order: Go's integer and
// floating-point kinds, including named types defined over them, and
// float16.Float16, which is ordered as a half-precision float (NaN
// included), never by its bits. As for Convert, only float16.Float16 itself
// is a half-precision float: a type defined over it is an integer type.
// Complex numbers have no order in Go and are not in Real.
type Real interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64
}

// Float is the constraint of floating-point element types: float32,
// float64, named types defined over them, and float16.Float16 (computed in
// float32 and rounded to half precision).
type Float interface {
	~float32 | ~float64 | float16.Float16
}

// Scalar returns a read-only 0-d view holding x, over a new one-element
// slice: a scalar operand for any element-wise function, as NumPy treats a
// Python number as a 0-d array. SubInto(dst, Scalar(1.0), a) computes 1 − a and
// WhereInto(dst, c, a, Scalar(0.0)) keeps a where c holds. It allocates the
// element.
func Scalar[T any](x T) NDView[T] {
	v := newView([]T{x}, 0, 0)
	v.lay.Flags = layout.FlagReadOnly
	return v
}

// AddInto stores a + b into dst, element by element: NumPy's
// np.add(a, b, out=dst). a and b are broadcast to dst's shape as CopyFrom
// broadcasts (semantics.md W1); dst never changes shape. Integers wrap modulo
// 2^bits, floats follow IEEE 754, float16.Float16 is computed in float32 and
// rounded once.
//
// A source that shares memory with dst is read as if it had first been
// copied, so AddInto(a, a, b) adds b into a in place and AddInto(a[1:], a[:-1], b)
// reads the old elements; a source that overlaps dst other than element
// for element is copied to a temporary, which Add then allocates.
// Otherwise Add does not allocate.
//
// AddInto panics, before writing anything, with an error wrapping ErrReadOnly
// when dst is read-only and ErrShape, naming the shapes, when a or b cannot
// be broadcast to dst's shape.
func AddInto[T Numeric](dst, a, b NDView[T]) { arith(opAdd, dst, a, b) }

// SubInto stores a − b into dst, element by element: NumPy's
// np.subtract(a, b, out=dst). Broadcasting, overlap, allocation and panics
// are those of Add.
func SubInto[T Numeric](dst, a, b NDView[T]) { arith(opSub, dst, a, b) }

// MulInto stores a × b into dst, element by element: NumPy's
// np.multiply(a, b, out=dst). Broadcasting, overlap, allocation and panics
// are those of Add.
func MulInto[T Numeric](dst, a, b NDView[T]) { arith(opMul, dst, a, b) }

// DivInto stores a ÷ b into dst, element by element. Floats and complex
// numbers divide as in Go (IEEE 754: x/0 is ±Inf or NaN), as NumPy's
// np.divide does.
//
// Integers divide as Go's / does, truncating toward zero (−7/2 is −3;
// NumPy's floor division a // b gives −4). Division by zero gives 0 and
// never panics, as in NumPy (which also warns): a zero divisor is a fact of
// the data, not of the program. The most negative value divided by −1 is
// itself, as in Go and NumPy.
//
// Broadcasting, overlap, allocation and panics are those of Add.
func DivInto[T Numeric](dst, a, b NDView[T]) { arith(opDiv, dst, a, b) }

// MinimumInto stores the smaller of a and b into dst, element by element:
// NumPy's np.minimum(a, b, out=dst). A NaN in either operand gives NaN, as
// in NumPy; of −0 and +0 the result is −0 (Go's min). Broadcasting,
// overlap, allocation and panics are those of Add.
func MinimumInto[T Real](dst, a, b NDView[T]) { binaryOrdered(opMin, dst, a, b) }

// MaximumInto stores the larger of a and b into dst, element by element:
// NumPy's np.maximum(a, b, out=dst). A NaN in either operand gives NaN, as
// in NumPy; of −0 and +0 the result is +0 (Go's max). Broadcasting,
// overlap, allocation and panics are those of Add.
func MaximumInto[T Real](dst, a, b NDView[T]) { binaryOrdered(opMax, dst, a, b) }

// AddScalarInto stores a + x into dst, element by element (NumPy's
// np.add(a, x, out=dst)), with the rules of Add. Unlike AddInto(dst, a,
// Scalar(x)) it does not allocate.
func AddScalarInto[T Numeric](dst, a NDView[T], x T) { arithScalar(opAdd, dst, a, x) }

// SubScalarInto stores a − x into dst, element by element, with the rules of
// Sub. x − a is SubInto(dst, Scalar(x), a).
func SubScalarInto[T Numeric](dst, a NDView[T], x T) { arithScalar(opSub, dst, a, x) }

// MulScalarInto stores a × x into dst, element by element, with the rules of
// Mul.
func MulScalarInto[T Numeric](dst, a NDView[T], x T) { arithScalar(opMul, dst, a, x) }

// DivScalarInto stores a ÷ x into dst, element by element, with the rules of
// DivInto (an integer x of 0 gives 0 everywhere). x ÷ a is DivInto(dst, Scalar(x),
// a).
func DivScalarInto[T Numeric](dst, a NDView[T], x T) { arithScalar(opDiv, dst, a, x) }

// NegInto stores −a into dst, element by element: NumPy's
// np.negative(a, out=dst). Integers wrap (the most negative value is its
// own negation; unsigned values wrap modulo 2^bits, as NumPy's do). a is
// broadcast to dst's shape; overlap, allocation and panics are those of
// Add.
func NegInto[T Numeric](dst, a NDView[T]) { negate(dst, a) }

// AbsInto stores |a| into dst, element by element: NumPy's
// np.absolute(a, out=dst). abs(−0) is +0; the most negative integer is its
// own absolute value, as in NumPy; unsigned values are unchanged. The
// magnitude of a complex number is a float, of another type: use
// MapInto(dst, a, cmplx.Abs). Broadcasting, overlap, allocation and panics are
// those of Neg.
func AbsInto[T Real](dst, a NDView[T]) { absolute(dst, a) }

// SqrtInto stores the square root of a into dst, element by element: NumPy's
// np.sqrt(a, out=dst). Negative inputs give NaN. Results are correctly
// rounded in every precision (float32 and float16.Float16 are computed
// from float64 and float32 square roots, which round once for them).
// Broadcasting, overlap, allocation and panics are those of Neg.
func SqrtInto[T Float](dst, a NDView[T]) { floatUnary(opSqrt, dst, a) }

// ExpInto stores e^a into dst, element by element: NumPy's np.exp(a, out=dst).
// float64 and float32 run vector kernels (semantics.md §32): float64 is
// within 1 ulp of the correctly rounded result (≤ 4 ulp stated, VT3),
// float32 is computed in float64 and rounded once (≤ 2 ulp, measured
// 0.5), and float16.Float16 is computed as float32 and rounded to half
// precision. Broadcasting, overlap and panics are those of
// Neg. Large views (8 MiB read plus written) are split across GOMAXPROCS
// goroutines, which Exp starts and waits for (allocating their closures).
func ExpInto[T Float](dst, a NDView[T]) { floatUnary(opExp, dst, a) }

// LogInto stores the natural logarithm of a into dst, element by element:
// NumPy's np.log(a, out=dst). log(0) is −Inf, negative inputs give NaN.
// Precision, broadcasting, overlap, goroutines and panics are those of
// Exp.
func LogInto[T Float](dst, a NDView[T]) { floatUnary(opLog, dst, a) }

// binOp names a binary element-wise operation.
type binOp uint8

const (
	opAdd binOp = iota
	opSub
	opMul
	opDiv
	opMin
	opMax
)

var (
	binOpNames    = [...]string{"Add", "Sub", "Mul", "Div", "Minimum", "Maximum"}
	scalarOpNames = [...]string{"AddScalar", "SubScalar", "MulScalar", "DivScalar"}
)

// arith runs dst = a op b for an arithmetic op.
func arith[T Numeric](op binOp, dst, a, b NDView[T]) {
	var p plan.Plan
	if plan3(binOpNames[op], &p, &dst, &a, &b) {
		runArith(&p, op, dst.data, a.data, b.data)
	}
}

// arithScalar runs dst = a op x for an arithmetic op, planning x as a
// third operand that never moves, over a one-element array that stays on
// the stack.
func arithScalar[T Numeric](op binOp, dst, a NDView[T], x T) {
	var p plan.Plan
	if !plan2(scalarOpNames[op], &p, &dst, &a) {
		return
	}
	var zero [MaxRank]int
	p.Add(0, zero[:p.Rank])
	xs := [1]T{x}
	runArith(&p, op, dst.data, a.data, xs[:])
}

// runArith runs the arithmetic op over the simplified plan p of three
// operands, d, a and b.
func runArith[T Numeric](p *plan.Plan, op binOp, d, a, b []T) {
	switch k := mem.InfoOf[T]().Kind; {
	case k == mem.Float16:
		f16Binary(p, op, bitsF16(d), bitsF16(a), bitsF16(b))
	case op == opAdd:
		kernels.AddRows(p, d, a, b)
	case op == opSub:
		kernels.SubRows(p, d, a, b)
	case op == opMul:
		kernels.MulRows(p, d, a, b)
	case isIntKind(k):
		kernels.DivIntRows(p, d, a, b)
	default:
		kernels.DivRows(p, d, a, b)
	}
}

// binaryOrdered runs dst = min(a, b) or max(a, b).
func binaryOrdered[T Real](op binOp, dst, a, b NDView[T]) {
	var p plan.Plan
	if !plan3(binOpNames[op], &p, &dst, &a, &b) {
		return
	}
	switch {
	case mem.InfoOf[T]().Kind == mem.Float16:
		f16Binary(&p, op, bitsF16(dst.data), bitsF16(a.data), bitsF16(b.data))
	case op == opMin:
		kernels.MinRows(&p, dst.data, a.data, b.data)
	default:
		kernels.MaxRows(&p, dst.data, a.data, b.data)
	}
}

// unOp names a unary element-wise operation.
type unOp uint8

const (
	opNeg unOp = iota
	opAbs
	opSqrt
	opExp
	opLog
)

var unOpNames = [...]string{"Neg", "Abs", "Sqrt", "Exp", "Log"}

// unary plans dst = op(a) and reports whether there is anything to do.
// float16.Float16 elements are computed here; other types are left to the
// caller.
func unary[T Numeric](op unOp, p *plan.Plan, dst, a *NDView[T]) bool {
	if !plan2(unOpNames[op], p, dst, a) {
		return false
	}
	if mem.InfoOf[T]().Kind == mem.Float16 {
		f16Unary(p, op, bitsF16(dst.data), bitsF16(a.data))
		return false
	}
	return true
}

// negate runs Neg.
func negate[T Numeric](dst, a NDView[T]) {
	var p plan.Plan
	if unary(opNeg, &p, &dst, &a) {
		kernels.NegRows(&p, dst.data, a.data)
	}
}

// absolute runs Abs.
func absolute[T Real](dst, a NDView[T]) {
	var p plan.Plan
	if unary(opAbs, &p, &dst, &a) {
		kernels.AbsRows(&p, dst.data, a.data)
	}
}

// floatUnary runs Sqrt, Exp or Log; Exp and Log of large views in
// parallel.
func floatUnary[T Float](op unOp, dst, a NDView[T]) {
	var p plan.Plan
	if !unary(op, &p, &dst, &a) {
		return
	}
	d, s := dst.data, a.data
	switch w := plan.Workers(&p, 2*p.Size*mem.Sizeof[T]()); {
	case op == opSqrt:
		kernels.SqrtRows(&p, d, s)
	case w > 1:
		plan.Parallel(&p, w, func(part *plan.Plan) { transcendental(part, op, d, s) })
	default:
		transcendental(&p, op, d, s)
	}
}

// transcendental runs Exp or Log along p.
func transcendental[T Float](p *plan.Plan, op unOp, d, s []T) {
	if op == opExp {
		kernels.ExpRows(p, d, s) // vector kernels, semantics.md §32
	} else {
		kernels.LogRows(p, d, s)
	}
}

// isIntKind reports whether k is an integer kind.
func isIntKind(k mem.Kind) bool { return k >= mem.Int8 && k <= mem.Uint64 }

// bitsF16 returns a slice of float16.Float16 as its bits.
func bitsF16[T any](s []T) []uint16 { return mem.As[uint16](mem.Erase(s)) }

// Planning.

// planWrite starts p as an element-wise write into dst (operand 0) from
// sources of the given layouts (operands 1, 2, …): the preamble every
// element-wise operation shares (semantics.md W1, E7). It panics, naming
// op and the shapes, when dst is read-only or a source does not broadcast
// to dst's shape, so that nothing is written after a failed check, and it
// reports false when dst has no element. Callers then detach overlapping
// sources (W3) and simplify the plan.
func planWrite(op string, p *plan.Plan, dst *layout.Layout, srcs ...*layout.Layout) bool {
	if dst.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	p.Init(dst.Shape())
	p.Add(dst.Off, dst.Strides())
	for _, s := range srcs {
		if !p.AddBroadcast(s.Off, s.Shape(), s.Strides()) {
			writePanic(op, dst, srcs)
		}
	}
	return !p.Empty()
}

// writePanic is planWrite's failure: NumPy's copyto message for one source,
// and its ufunc message, naming every operand, for several.
//
//go:noinline
func writePanic(op string, dst *layout.Layout, srcs []*layout.Layout) {
	// The shapes are copied, so that the layouts (often on the callers'
	// stacks) do not escape.
	dsh := append([]int(nil), dst.Shape()...)
	if len(srcs) == 1 {
		broadcastPanic(op, append([]int(nil), srcs[0].Shape()...), dsh)
	}
	shapes := make([][]int, len(srcs))
	for i, s := range srcs {
		shapes[i] = append([]int(nil), s.Shape()...)
	}
	operandsPanic(op, dsh, shapes...)
}

// plan2 plans dst = f(a): planWrite, then a copy of a when it overlaps dst
// other than element for element (detach, semantics.md W3), then the plan
// simplified for the destination's memory order. It reports false when dst
// has no elements.
func plan2[D, A any](op string, p *plan.Plan, dst *NDView[D], a *NDView[A]) bool {
	if !planWrite(op, p, &dst.lay, &a.lay) {
		return false
	}
	*a = detach(p, 1, dst, *a)
	p.Simplify(true)
	return true
}

// plan3 plans dst = f(a, b) as plan2 does for one source.
func plan3[D, A, B any](op string, p *plan.Plan, dst *NDView[D], a *NDView[A], b *NDView[B]) bool {
	if !planWrite(op, p, &dst.lay, &a.lay, &b.lay) {
		return false
	}
	*a = detach(p, 1, dst, *a)
	*b = detach(p, 2, dst, *b)
	p.Simplify(true)
	return true
}

// operandsPanic panics with a message naming the shapes of the sources and
// of the destination, when the sources do not all fit the destination:
// NumPy's message when the sources cannot be broadcast together, and W1's
// otherwise.
//
//go:noinline
func operandsPanic(op string, dst []int, srcs ...[]int) {
	list := ""
	for i, s := range srcs {
		if i > 0 {
			list += " "
		}
		list += formatShape(s)
	}
	if _, err := BroadcastShapes(srcs...); err != nil {
		panicf(op, ErrShape, "operands could not be broadcast together with shapes %s (destination shape %s)", list, formatShape(dst))
	}
	panicf(op, ErrShape, "could not broadcast operands of shapes %s into the destination shape %s; the destination never changes shape", list, formatShape(dst))
}
