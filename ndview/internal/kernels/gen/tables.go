package main

// The tables the kernels are generated from. Adding an element-wise
// operation is one row of elementwise; a reduction is one row of
// reductions over an element-wise row; a conversion between element
// representations is one row of conversions.

// An Op is an element-wise operation: d = f(x) or d = f(x, y) for the
// elements x of a and y of b.
type Op struct {
	// Name is the Go name the kernels start with: Add gives AddVV, AddSV,
	// AddVS and AddStrided.
	Name string

	// Arity is the number of sources, 1 or 2.
	Arity int

	// Cons is the constraint of the element type T of the sources (see
	// constraints.go in the kernels package): numeric, ordered, floating
	// or boolean.
	Cons string

	// Out is the element type of the destination; empty for T.
	Out string

	// Expr is the result as a Go expression in x (and y), of type T, and
	// the Params; or, for an operation that takes statements, the body of
	// a function of x (and y) that returns it. The loops hold it as a
	// function literal, which the compiler inlines.
	Expr string

	// Params are extra arguments that every kernel of the operation takes
	// after its operands and passes to Expr, such as the bounds of Clip.
	Params []Param

	// Doc describes the result in terms of x and y; it completes the
	// sentence "… sets each destination element to".
	Doc string

	// Tests optionally names the list of element types the generated
	// tests run (a key of consTypes), when not every type of Cons has a
	// meaning: Div divides integers by zero.
	Tests string

	// Fast optionally names a function of the kernels package, with the
	// signature of the VV kernel (VV for one source), that the walkers
	// call instead of it when every operand is contiguous along a row: the
	// slot of a SIMD loop. It must handle every element type of Cons,
	// falling back to the VV kernel for those it has no special code for.
	Fast string

	// Vec optionally names the vector kernels of the operation (package
	// simd, through the helpers of vec.go), which the contiguous loops
	// (VV, SV, VS; V) run first: they process a prefix of the row, for
	// the element types they have code for, and the loop the rest. For
	// two sources it is the simd operation or comparison, such as
	// simd.Add or simd.Less; for one source, the helper of vec.go, such
	// as vecSqrt, which takes d, a and the Params.
	Vec string
}

// A Param is an extra argument of an operation's kernels.
type Param struct {
	Name string // as used in Expr
	Type string // its Go type; T is the element type
	Test string // the value the generated tests pass
}

// elementwise is the table of element-wise operations.
var elementwise = []Op{
	// Arithmetic.
	{Name: "Add", Arity: 2, Cons: "numeric", Expr: "x + y", Doc: "x + y (integers wrap)", Vec: "simd.Add"},
	{Name: "Sub", Arity: 2, Cons: "numeric", Expr: "x - y", Doc: "x − y (integers wrap)", Vec: "simd.Sub"},
	{Name: "Mul", Arity: 2, Cons: "numeric", Expr: "x * y", Doc: "x × y (integers wrap)", Vec: "simd.Mul"},
	{Name: "Div", Arity: 2, Cons: "numeric", Expr: "x / y", Tests: "inexact",
		Doc: "x ÷ y as Go divides; for floats and complex numbers (IEEE 754: x/0 is ±Inf or NaN), since an integer y of 0 panics", Vec: "simd.Div"},
	{Name: "DivInt", Arity: 2, Cons: "numeric", Expr: "if y == 0 { return 0 }; return x / y", Tests: "integer",
		Doc: "x ÷ y truncated toward zero, or 0 where y is 0 (a zero divisor is a fact of the data, so it never panics; the most negative value ÷ −1 is itself): the integer division of ndview.Div"},
	{Name: "Min", Arity: 2, Cons: "ordered", Expr: "min(x, y)", Doc: "the smaller of x and y; NaN propagates, and of −0 and +0 it is −0"},
	{Name: "Max", Arity: 2, Cons: "ordered", Expr: "max(x, y)", Doc: "the larger of x and y; NaN propagates, and of −0 and +0 it is +0"},
	{Name: "Neg", Arity: 1, Cons: "numeric", Expr: "-x", Doc: "−x (integers wrap: the most negative value is its own negation)", Vec: "vecNeg"},
	// Negating x <= 0 as 0 − x makes −0 into +0, leaves unsigned values
	// (only 0 is <= 0) and NaN alone, and wraps the most negative integer
	// to itself.
	{Name: "Abs", Arity: 1, Cons: "ordered", Expr: "if x <= 0 { return 0 - x }; return x",
		Doc: "|x|: abs(−0) is +0, NaN stays NaN, the most negative integer is its own absolute value", Vec: "vecAbs"},
	{Name: "Sqrt", Arity: 1, Cons: "floating", Expr: "T(math.Sqrt(float64(x)))",
		Doc: "√x, computed in float64 and rounded once (never for float16.Float16, whose bits are not its value)", Vec: "vecSqrt"},
	{Name: "Math", Arity: 1, Cons: "floating", Expr: "T(f(float64(x)))",
		Params: []Param{{Name: "f", Type: "func(float64) float64", Test: "math.Exp"}},
		Doc:    "f(x) computed in float64, for functions of package math whose cost dwarfs the call through f, such as math.Exp (never for float16.Float16)"},
	{Name: "Clip", Arity: 1, Cons: "ordered", Expr: "min(max(x, lo), hi)",
		Params: []Param{{Name: "lo", Type: "T", Test: "T(2)"}, {Name: "hi", Type: "T", Test: "T(5)"}},
		Doc:    "min(max(x, lo), hi), as NumPy's clip: NaN in x, lo or hi gives NaN, and hi wins when lo > hi", Vec: "vecClip"},

	// Comparisons, into bools.
	{Name: "Equal", Arity: 2, Cons: "numeric", Out: "bool", Expr: "x == y", Doc: "x == y (NaN is unequal to itself, −0 equals +0)", Vec: "simd.Equal"},
	{Name: "NotEqual", Arity: 2, Cons: "numeric", Out: "bool", Expr: "x != y", Doc: "x != y", Vec: "simd.NotEqual"},
	{Name: "Less", Arity: 2, Cons: "ordered", Out: "bool", Expr: "x < y", Doc: "x < y (false when either is NaN)", Vec: "simd.Less"},
	{Name: "LessEqual", Arity: 2, Cons: "ordered", Out: "bool", Expr: "x <= y", Doc: "x <= y (false when either is NaN)", Vec: "simd.LessEqual"},

	// Logic on bools.
	{Name: "LogicalOr", Arity: 2, Cons: "boolean", Expr: "x || y", Doc: "x || y"},
	{Name: "LogicalAnd", Arity: 2, Cons: "boolean", Expr: "x && y", Doc: "x && y"},

	// Element-wise mathematics (ndview's math_*.go, semantics.md §17).
	// Float rows compute float32 in float64 and round once; the functions
	// they call that are not package math's are in math.go.
	{Name: "Sin", Arity: 1, Cons: "float", Expr: "T(Sin(float64(x)))", Doc: "sin x (Sin: exact argument reduction above 2²⁹)"},
	{Name: "Cos", Arity: 1, Cons: "float", Expr: "T(Cos(float64(x)))", Doc: "cos x (Cos: exact argument reduction above 2²⁹)"},
	{Name: "Tan", Arity: 1, Cons: "float", Expr: "T(Tan(float64(x)))", Doc: "tan x (Tan: exact argument reduction above 2²⁹)"},
	{Name: "Arcsin", Arity: 1, Cons: "float", Expr: "T(Asin(float64(x)))", Doc: "arcsin x (Asin, accurate near ±1)"},
	{Name: "Arccos", Arity: 1, Cons: "float", Expr: "T(Acos(float64(x)))", Doc: "arccos x (Acos, accurate near ±1)"},
	{Name: "Arctan", Arity: 1, Cons: "float", Expr: "T(math.Atan(float64(x)))", Doc: "arctan x"},
	{Name: "Arctan2", Arity: 2, Cons: "float", Expr: "T(Atan2(float64(x), float64(y)))", Doc: "the arc tangent of x/y in the quadrant of the point (y, x), with the sign of x"},
	{Name: "Hypot", Arity: 2, Cons: "float", Expr: "T(math.Hypot(float64(x), float64(y)))", Doc: "√(x² + y²) without overflow; +Inf when either is infinite, NaN included"},
	{Name: "Deg2rad", Arity: 1, Cons: "float", Expr: "x * (T(pi) / 180)", Doc: "x·(π/180), computed in T as NumPy does"},
	{Name: "Rad2deg", Arity: 1, Cons: "float", Expr: "x * (180 / T(pi))", Doc: "x·(180/π), computed in T as NumPy does"},
	{Name: "Sinh", Arity: 1, Cons: "float", Expr: "T(Sinh(float64(x)))", Doc: "sinh x"},
	{Name: "Cosh", Arity: 1, Cons: "float", Expr: "T(Cosh(float64(x)))", Doc: "cosh x"},
	{Name: "Tanh", Arity: 1, Cons: "float", Expr: "T(math.Tanh(float64(x)))", Doc: "tanh x"},
	{Name: "Arcsinh", Arity: 1, Cons: "float", Expr: "T(math.Asinh(float64(x)))", Doc: "arsinh x"},
	{Name: "Arccosh", Arity: 1, Cons: "float", Expr: "T(math.Acosh(float64(x)))", Doc: "arcosh x"},
	{Name: "Arctanh", Arity: 1, Cons: "float", Expr: "T(math.Atanh(float64(x)))", Doc: "artanh x"},
	{Name: "Exp2", Arity: 1, Cons: "float", Expr: "T(math.Exp2(float64(x)))", Doc: "2^x"},
	{Name: "Expm1", Arity: 1, Cons: "float", Expr: "T(math.Expm1(float64(x)))", Doc: "e^x − 1, accurate near 0"},
	{Name: "Log2", Arity: 1, Cons: "float", Expr: "T(Log2(float64(x)))", Doc: "log₂ x"},
	{Name: "Log10", Arity: 1, Cons: "float", Expr: "T(Log10(float64(x)))", Doc: "log₁₀ x"},
	{Name: "Log1p", Arity: 1, Cons: "float", Expr: "T(math.Log1p(float64(x)))", Doc: "ln(1 + x), accurate near 0"},
	{Name: "Logaddexp", Arity: 2, Cons: "float", Expr: "T(Logaddexp(float64(x), float64(y)))", Doc: "ln(eˣ + eʸ) without overflow"},
	{Name: "Logaddexp2", Arity: 2, Cons: "float", Expr: "T(Logaddexp2(float64(x), float64(y)))", Doc: "log₂(2ˣ + 2ʸ) without overflow"},
	{Name: "Power", Arity: 2, Cons: "float", Expr: "T(Pow(float64(x), float64(y)))", Doc: "xʸ"},
	{Name: "PowerInt", Arity: 2, Cons: "integer", Expr: "PowInt(x, y)", Doc: "xʸ by repeated squaring (wrapping), 0 for y < 0"},
	{Name: "FloorDivide", Arity: 2, Cons: "float", Expr: "FloorDiv(x, y)", Doc: "⌊x/y⌋ as NumPy's divmod computes it"},
	{Name: "FloorDivideInt", Arity: 2, Cons: "integer", Expr: "FloorDivInt(x, y)", Doc: "⌊x/y⌋, 0 where y is 0"},
	{Name: "Remainder", Arity: 2, Cons: "float", Expr: "Mod(x, y)", Doc: "x − ⌊x/y⌋·y with the sign of y, as NumPy's divmod computes it"},
	{Name: "RemainderInt", Arity: 2, Cons: "integer", Expr: "ModInt(x, y)", Doc: "x mod y with the sign of y, 0 where y is 0"},
	{Name: "Fmod", Arity: 2, Cons: "float", Expr: "T(Fmod(float64(x), float64(y)))", Doc: "C's fmod(x, y), with the sign of x"},
	{Name: "FmodInt", Arity: 2, Cons: "integer", Expr: "FmodInt(x, y)", Doc: "x % y, with the sign of x, 0 where y is 0"},
	{Name: "Round", Arity: 1, Cons: "float", Expr: "Round(x, scale, neg)",
		Params: []Param{{Name: "scale", Type: "T", Test: "T(100)"}, {Name: "neg", Type: "bool", Test: "false"}},
		Doc:    "x rounded to a multiple of 1/scale (neg: of scale), ties to even"},
	{Name: "Rint", Arity: 1, Cons: "float", Expr: "T(math.RoundToEven(float64(x)))", Doc: "x rounded to an integer, ties to even"},
	{Name: "Ceil", Arity: 1, Cons: "float", Expr: "T(math.Ceil(float64(x)))", Doc: "⌈x⌉"},
	{Name: "Floor", Arity: 1, Cons: "float", Expr: "T(math.Floor(float64(x)))", Doc: "⌊x⌋"},
	{Name: "Trunc", Arity: 1, Cons: "float", Expr: "T(math.Trunc(float64(x)))", Doc: "x rounded toward zero"},
	{Name: "Reciprocal", Arity: 1, Cons: "numeric", Expr: "1 / x", Tests: "inexact", Doc: "1/x, for floats and complex numbers"},
	{Name: "ReciprocalInt", Arity: 1, Cons: "integer", Expr: "if x == 0 { return 0 }; return 1 / x", Doc: "1/x truncated toward zero, 0 where x is 0"},
	{Name: "Copysign", Arity: 2, Cons: "float", Expr: "T(math.Copysign(float64(x), float64(y)))", Doc: "|x| with the sign of y"},
	{Name: "Nextafter", Arity: 2, Cons: "float", Expr: "Nextafter(x, y)", Doc: "the next value of T after x toward y; y where x == y"},
	{Name: "Spacing", Arity: 1, Cons: "float", Expr: "Spacing(x)", Doc: "the distance from x to the next value of T away from zero"},
	{Name: "Sign", Arity: 1, Cons: "ordered", Expr: "Sign(x)", Doc: "−1, 0 or 1 by the sign of x; +0 for ±0, NaN for NaN"},
	{Name: "Heaviside", Arity: 2, Cons: "float", Expr: "Heaviside(x, y)", Doc: "0 for x < 0, y for x == 0, 1 for x > 0, NaN for NaN"},
	{Name: "Square", Arity: 1, Cons: "numeric", Expr: "x * x", Doc: "x² (integers wrap)"},
	{Name: "Cbrt", Arity: 1, Cons: "float", Expr: "T(math.Cbrt(float64(x)))", Doc: "∛x"},
	{Name: "Fabs", Arity: 1, Cons: "float", Expr: "T(math.Abs(float64(x)))", Doc: "|x|, clearing the sign bit (NaN included)"},
	{Name: "Signbit", Arity: 1, Cons: "float", Out: "bool", Expr: "math.Signbit(float64(x))", Doc: "whether the sign bit of x is set (−0 and negative NaNs included)"},
	{Name: "Isnan", Arity: 1, Cons: "float", Out: "bool", Expr: "x != x", Doc: "whether x is NaN"},
	{Name: "Isinf", Arity: 1, Cons: "float", Out: "bool", Expr: "math.IsInf(float64(x), 0)", Doc: "whether x is +Inf or −Inf"},
	{Name: "Isfinite", Arity: 1, Cons: "float", Out: "bool", Expr: "x-x == 0", Doc: "whether x is neither infinite nor NaN"},

	// Logic on truth values: zero is false, anything else (NaN included)
	// true.
	{Name: "TruthAnd", Arity: 2, Cons: "logical", Out: "bool", Expr: "var z T; return x != z && y != z", Doc: "whether x and y are both nonzero"},
	{Name: "TruthOr", Arity: 2, Cons: "logical", Out: "bool", Expr: "var z T; return x != z || y != z", Doc: "whether x or y is nonzero"},
	{Name: "TruthXor", Arity: 2, Cons: "logical", Out: "bool", Expr: "var z T; return (x != z) != (y != z)", Doc: "whether exactly one of x and y is nonzero"},
	{Name: "TruthNot", Arity: 1, Cons: "logical", Out: "bool", Tests: "numbers", Expr: "var z T; return x == z", Doc: "whether x is zero (false)"},

	// Bits of integers.
	{Name: "BitwiseAnd", Arity: 2, Cons: "integer", Expr: "x & y", Doc: "x & y"},
	{Name: "BitwiseOr", Arity: 2, Cons: "integer", Expr: "x | y", Doc: "x | y"},
	{Name: "BitwiseXor", Arity: 2, Cons: "integer", Expr: "x ^ y", Doc: "x ^ y"},
	{Name: "Invert", Arity: 1, Cons: "integer", Expr: "^x", Doc: "^x, every bit flipped"},
	{Name: "LeftShift", Arity: 2, Cons: "integer", Expr: "Shl(x, y)", Doc: "x << y, 0 for y negative or at least the width"},
	{Name: "RightShift", Arity: 2, Cons: "integer", Expr: "Shr(x, y)", Doc: "x >> y; for y negative or at least the width 0, or −1 for negative x"},
	{Name: "Gcd", Arity: 2, Cons: "integer", Expr: "Gcd(x, y)", Doc: "the greatest common divisor of |x| and |y|"},
	{Name: "Lcm", Arity: 2, Cons: "integer", Expr: "Lcm(x, y)", Doc: "the least common multiple of |x| and |y|"},

	// Parts of complex numbers, into floats of their precision.
	{Name: "RealC64", Arity: 1, Cons: "c64", Out: "float32", Expr: "real(complex64(x))", Doc: "the real part of x"},
	{Name: "RealC128", Arity: 1, Cons: "c128", Out: "float64", Expr: "real(complex128(x))", Doc: "the real part of x"},
	{Name: "ImagC64", Arity: 1, Cons: "c64", Out: "float32", Expr: "imag(complex64(x))", Doc: "the imaginary part of x"},
	{Name: "ImagC128", Arity: 1, Cons: "c128", Out: "float64", Expr: "imag(complex128(x))", Doc: "the imaginary part of x"},
	{Name: "AbsC64", Arity: 1, Cons: "c64", Out: "float32", Expr: "float32(math.Hypot(float64(real(complex64(x))), float64(imag(complex64(x)))))", Doc: "|x|, computed in float64 and rounded once"},
	{Name: "AbsC128", Arity: 1, Cons: "c128", Out: "float64", Expr: "math.Hypot(real(complex128(x)), imag(complex128(x)))", Doc: "|x|"},
	{Name: "AngleC64", Arity: 1, Cons: "c64", Out: "float32", Expr: "float32(Atan2(float64(imag(complex64(x))), float64(real(complex64(x)))))", Doc: "the argument of x, in (−π, π]"},
	{Name: "AngleC128", Arity: 1, Cons: "c128", Out: "float64", Expr: "Atan2(imag(complex128(x)), real(complex128(x)))", Doc: "the argument of x, in (−π, π]"},
	{Name: "Conj", Arity: 1, Cons: "cmplxT", Expr: "return T(cmplx.Conj(complex128(x)))", Doc: "the complex conjugate of x"},
}

// A Reduction folds the elements of a row, or the rows of a block, with
// the function of an element-wise operation of two sources whose
// destination has the element type of its sources.
type Reduction struct {
	// Name is the Go name the kernels end with: Prod gives ReduceProd,
	// ReduceProdRow and FoldProd.
	Name string

	// Op is the Name of the element-wise operation that combines the
	// result so far (x) with the next element (y). Its constraint, its
	// expression and its fast path are the reduction's.
	Op string

	// Chains is the number of independent accumulators of the contiguous
	// loop (0 or 1: one). More chains overlap the latency of an operation
	// of several dependent instructions (min and max of floats), but
	// change the grouping: only for operations whose result does not
	// depend on it, NaN and signed zeros included.
	Chains int

	// Stop is an optional expression in r, the result so far, that holds
	// when no further element can change it: the loops return there.
	Stop string

	// Identity, when set, is the value each row of a plan is reduced from
	// before the row's result is combined into the running result (Prod:
	// the product of each row, then the product of the rows); empty, the
	// running result runs through the rows.
	Identity string

	// Doc describes the result of a row; it completes the sentence "…
	// returns".
	Doc string

	// Vec optionally names a helper of vec.go, func(r T, s []T) (T, int),
	// that the contiguous loop runs first: it folds a prefix of s into r
	// with vector code, for the element types it has code for, and
	// returns the result and the length of the prefix.
	Vec string
}

// reductions is the table of simple reductions. Sums are pairwise and
// hand-written (ndview/pairwise.go).
var reductions = []Reduction{
	{Name: "Prod", Op: "Mul", Identity: "1", Doc: "the product of r and the elements, multiplied in order (integers wrap)"},
	// Go's min and max of floats take several dependent instructions (for
	// NaN and signed zeros): one chain ran at a third of the speed of
	// four (ndkit's BenchmarkMinMax). They are associative and
	// commutative, NaN included, so the result is that of one chain.
	{Name: "Min", Op: "Min", Chains: 4, Vec: "vecMin", Doc: "the smallest of r and the elements; a NaN anywhere gives NaN"},
	{Name: "Max", Op: "Max", Chains: 4, Vec: "vecMax", Doc: "the largest of r and the elements; a NaN anywhere gives NaN"},
	{Name: "Any", Op: "LogicalOr", Stop: "r", Doc: "whether r or some element is true, reading up to the first true one"},
	{Name: "All", Op: "LogicalAnd", Stop: "!r", Doc: "whether r and every element are true, reading up to the first false one"},
}

// A Conversion is a row kernel converting elements of one representation
// into another. The conversion dispatch sends every pair of distinct
// element kinds to the first row whose To and From hold them.
type Conversion struct {
	// Name names the kernel: RealToReal gives RealToRealRow.
	Name string

	// TParams are the kernel's type parameters with their constraints,
	// empty for a kernel of concrete types: "D, S fixedReal".
	TParams string

	// D and S are the element types of the destination and the source: a
	// type parameter or a concrete type (float16.Float16 is converted as
	// its bits, uint16).
	D, S string

	// Setup are statements run once per row, before the loop, such as
	// fetching a table.
	Setup string

	// Expr is the converted value, of type D, of the source element x.
	Expr string

	// To and From are the element kinds of the destination and the
	// source that the dispatch sends to this kernel; a kind whose
	// representation is a type parameter instantiates it.
	To, From []string

	// Doc describes the conversion; it completes the sentence "…
	// converts the n elements s[si], s[si+ss], … into d[di], d[di+ds], …".
	Doc string

	// Fast optionally names a function with the signature func(d []D, s
	// []S), the slices of equal length, that the kernel calls instead of
	// its loop when both operands are contiguous: the slot of a SIMD loop
	// (or, for Copy, the builtin copy).
	Fast string

	// Vec optionally names a helper of vec.go, func(d []D, s []S) int,
	// that the contiguous loop runs first: it converts a prefix of s with
	// vector code, for the pairs of types it has code for, and returns its
	// length.
	Vec string
}

// Element kinds, as ndview's memory layer names them, with their
// representations.
var (
	realKinds = []string{"Int8", "Int16", "Int32", "Int64", "Uint8", "Uint16", "Uint32", "Uint64", "Float32", "Float64"}
	f16Kind   = []string{"Float16"}
	c64Kind   = []string{"Complex64"}
	c128Kind  = []string{"Complex128"}
)

// kindTypes maps each kind to the Go type its elements are converted as.
var kindTypes = map[string]string{
	"Bool": "bool",
	"Int8": "int8", "Int16": "int16", "Int32": "int32", "Int64": "int64",
	"Uint8": "uint8", "Uint16": "uint16", "Uint32": "uint32", "Uint64": "uint64",
	"Float16": "uint16", "Float32": "float32", "Float64": "float64",
	"Complex64": "complex64", "Complex128": "complex128",
}

// copyTypes maps each kind to the type of its size, through which the
// dispatch copies elements of one kind (CopyRow).
var copyTypes = map[string]string{
	"Bool": "uint8", "Int8": "uint8", "Uint8": "uint8",
	"Int16": "uint16", "Uint16": "uint16", "Float16": "uint16",
	"Int32": "uint32", "Uint32": "uint32", "Float32": "uint32",
	"Int64": "uint64", "Uint64": "uint64", "Float64": "uint64",
	"Complex64": "complex64", "Complex128": "complex128",
}

// kindOrder is the order of the kinds in the dispatch.
var kindOrder = []string{"Bool", "Int8", "Int16", "Int32", "Int64", "Uint8", "Uint16", "Uint32", "Uint64",
	"Float16", "Float32", "Float64", "Complex64", "Complex128"}

// conversions is the table of conversion kernels. Every integer converts
// to float32 exactly, or rounds to a float32 beyond 65520 that is infinite
// in half precision anyway, so RealToF16 rounds once; float64 rounds
// directly to half precision (F64ToF16).
var conversions = []Conversion{
	{Name: "RealToReal", TParams: "D, S fixedReal", D: "D", S: "S", Expr: "D(x)", To: realKinds, From: realKinds, Vec: "vecConvert",
		Doc: "from a real kind into another as Go converts them: integers wrap, floats truncate toward zero into integers and round to nearest even into float32"},
	{Name: "F64ToF16", D: "uint16", S: "float64", Expr: "F64ToF16(x)", To: f16Kind, From: []string{"Float64"},
		Doc: "from float64 into float16 bits, rounding once to nearest even"},
	{Name: "RealToF16", TParams: "S fixedReal", D: "uint16", S: "S", Expr: "F32ToF16(float32(x))", To: f16Kind, From: realKinds, Vec: "vecToF16",
		Doc: "from a real kind other than float64 into float16 bits, through float32 (one rounding)"},
	{Name: "F16ToReal", TParams: "D fixedReal", D: "D", S: "uint16", Setup: "tab := F16Table()", Expr: "D(tab[x])", To: realKinds, From: f16Kind, Vec: "vecFromF16",
		Doc: "from float16 bits into a real kind, through their exact float32 values"},
	{Name: "C64ToReal", TParams: "D fixedReal", D: "D", S: "complex64", Expr: "D(real(x))", To: realKinds, From: c64Kind,
		Doc: "from complex64 into a real kind, keeping the real part"},
	{Name: "C128ToReal", TParams: "D fixedReal", D: "D", S: "complex128", Expr: "D(real(x))", To: realKinds, From: c128Kind,
		Doc: "from complex128 into a real kind, keeping the real part"},
	{Name: "C64ToF16", D: "uint16", S: "complex64", Expr: "F32ToF16(real(x))", To: f16Kind, From: c64Kind,
		Doc: "from complex64 into float16 bits, keeping the real part"},
	{Name: "C128ToF16", D: "uint16", S: "complex128", Expr: "F64ToF16(real(x))", To: f16Kind, From: c128Kind,
		Doc: "from complex128 into float16 bits, keeping the real part, rounded once"},
	{Name: "RealToC64", TParams: "S fixedReal", D: "complex64", S: "S", Expr: "complex(float32(x), 0)", To: c64Kind, From: realKinds,
		Doc: "from a real kind into complex64 with imaginary part 0"},
	{Name: "RealToC128", TParams: "S fixedReal", D: "complex128", S: "S", Expr: "complex(float64(x), 0)", To: c128Kind, From: realKinds,
		Doc: "from a real kind into complex128 with imaginary part 0"},
	{Name: "F16ToC64", D: "complex64", S: "uint16", Setup: "tab := F16Table()", Expr: "complex(tab[x], 0)", To: c64Kind, From: f16Kind,
		Doc: "from float16 bits into complex64 with imaginary part 0"},
	{Name: "F16ToC128", D: "complex128", S: "uint16", Setup: "tab := F16Table()", Expr: "complex(float64(tab[x]), 0)", To: c128Kind, From: f16Kind,
		Doc: "from float16 bits into complex128 with imaginary part 0"},
	{Name: "C64ToC128", D: "complex128", S: "complex64", Expr: "complex128(x)", To: c128Kind, From: c64Kind,
		Doc: "from complex64 into complex128, exactly"},
	{Name: "C128ToC64", D: "complex64", S: "complex128", Expr: "complex64(x)", To: c64Kind, From: c128Kind,
		Doc: "from complex128 into complex64, rounding both parts to nearest even"},
	{Name: "Copy", TParams: "T any", D: "T", S: "T", Expr: "x", Fast: "copy",
		Doc: "from one type unchanged, bit for bit; the dispatch copies elements of one kind through the type of their size"},
}

// Type lists of the constraints, for the generated tests: every predeclared
// type of the set, and named types over some of them (test helpers).
var consTypes = map[string][]string{
	"numeric": {"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
		"float32", "float64", "complex64", "complex128", "namedInt32", "namedFloat64", "namedComplex128"},
	"ordered": {"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
		"float32", "float64", "namedInt32", "namedFloat64"},
	"floating":  {"float32", "float64", "namedFloat64"},
	"inexact":   {"float32", "float64", "complex64", "complex128", "namedFloat64", "namedComplex128"},
	"integer":   {"int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "namedInt32"},
	"boolean":   {"bool", "namedBool"},
	"fixedReal": {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"},
	"float":     {"float32", "float64", "namedFloat64"},
	"logical":   {"bool", "namedBool", "int8", "uint64", "float32", "float64", "complex64", "namedInt32", "namedFloat64"},
	// numbers are the types of logical but bools, whose two values are too
	// few for the layouts of the unary walker tests.
	"numbers": {"int8", "uint64", "float32", "float64", "complex64", "namedInt32", "namedFloat64"},
	"c64":     {"complex64"},
	"c128":    {"complex128", "namedComplex128"},
	"cmplxT":  {"complex64", "complex128", "namedComplex128"},
	"any":     {"bool", "int8", "uint16", "float32", "float64", "complex64", "complex128", "namedFloat64"},
}
