package ndview

// Logical and bitwise functions, greatest common divisors (semantics.md
// §17): NumPy's logical_and, logical_or, logical_xor, logical_not,
// bitwise_and, bitwise_or, bitwise_xor, invert, left_shift, right_shift,
// gcd and lcm.

// Integer is the constraint of integer element types: Go's integer kinds
// and named types defined over them. float16.Float16, a type over uint16,
// satisfies it but is a float: the functions of Integer panic with
// ErrType for it, as NumPy refuses bitwise functions of float16.
type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// Logical is the constraint of element types with a truth value: bools,
// and numbers, which are true when they are nonzero (NaN included).
type Logical interface {
	Numeric | ~bool
}

// LogicalAndInto stores whether a and b are both true into dst, element by
// element: NumPy's np.logical_and(a, b, out=dst). A number is true when
// it is nonzero: NaN is true, −0 false. float16.Float16 is tested as a
// float. Broadcasting, overlap, allocation and panics are those of Add.
func LogicalAndInto[T Logical](dst NDView[bool], a, b NDView[T]) { truth2(mLogicalAnd, dst, a, b) }

// LogicalOrInto stores whether a or b is true into dst, element by element:
// NumPy's np.logical_or(a, b, out=dst). Truth values are those of
// LogicalAnd. Broadcasting, overlap, allocation and panics are those of
// Add.
func LogicalOrInto[T Logical](dst NDView[bool], a, b NDView[T]) { truth2(mLogicalOr, dst, a, b) }

// LogicalXorInto stores whether exactly one of a and b is true into dst,
// element by element: NumPy's np.logical_xor(a, b, out=dst). Truth
// values are those of LogicalAnd. Broadcasting, overlap, allocation and
// panics are those of Add.
func LogicalXorInto[T Logical](dst NDView[bool], a, b NDView[T]) { truth2(mLogicalXor, dst, a, b) }

// LogicalNotInto stores whether a is false (zero) into dst, element by
// element: NumPy's np.logical_not(a, out=dst). Truth values are those of
// LogicalAnd. Broadcasting, overlap, allocation and panics are those of
// Neg.
func LogicalNotInto[T Logical](dst NDView[bool], a NDView[T]) { truth1(mLogicalNot, dst, a) }

// BitwiseAndInto stores a & b into dst, element by element: NumPy's
// np.bitwise_and(a, b, out=dst). Broadcasting, overlap, allocation and
// panics are those of Add.
func BitwiseAndInto[T Integer](dst, a, b NDView[T]) { math2(mBitwiseAnd, dst, a, b) }

// BitwiseAndScalarInto is BitwiseAnd with b the scalar x (NumPy's
// np.bitwise_and(a, x, out=dst)), the same as BitwiseAndInto(dst, a,
// Scalar(x)).
func BitwiseAndScalarInto[T Integer](dst, a NDView[T], x T) { math2Scalar(mBitwiseAnd, dst, a, x) }

// BitwiseOrInto stores a | b into dst, element by element: NumPy's
// np.bitwise_or(a, b, out=dst). Broadcasting, overlap, allocation and
// panics are those of Add.
func BitwiseOrInto[T Integer](dst, a, b NDView[T]) { math2(mBitwiseOr, dst, a, b) }

// BitwiseOrScalarInto is BitwiseOr with b the scalar x (NumPy's
// np.bitwise_or(a, x, out=dst)), the same as BitwiseOrInto(dst, a,
// Scalar(x)).
func BitwiseOrScalarInto[T Integer](dst, a NDView[T], x T) { math2Scalar(mBitwiseOr, dst, a, x) }

// BitwiseXorInto stores a ^ b into dst, element by element: NumPy's
// np.bitwise_xor(a, b, out=dst). Broadcasting, overlap, allocation and
// panics are those of Add.
func BitwiseXorInto[T Integer](dst, a, b NDView[T]) { math2(mBitwiseXor, dst, a, b) }

// BitwiseXorScalarInto is BitwiseXor with b the scalar x (NumPy's
// np.bitwise_xor(a, x, out=dst)), the same as BitwiseXorInto(dst, a,
// Scalar(x)).
func BitwiseXorScalarInto[T Integer](dst, a NDView[T], x T) { math2Scalar(mBitwiseXor, dst, a, x) }

// InvertInto stores ^a, every bit of a flipped into dst, element by element:
// NumPy's np.invert(a, out=dst). Broadcasting, overlap, allocation and
// panics are those of Neg.
func InvertInto[T Integer](dst, a NDView[T]) { math1(mInvert, dst, a) }

// LeftShiftInto stores a << b into dst, element by element: NumPy's
// np.left_shift(a, b, out=dst). A count that is negative or at least the
// bit width of T gives 0 (Go panics on a negative count); bits shifted
// out are lost. Broadcasting, overlap, allocation and panics are those
// of Add.
func LeftShiftInto[T Integer](dst, a, b NDView[T]) { math2(mLeftShift, dst, a, b) }

// LeftShiftScalarInto is LeftShift with b the scalar x (NumPy's
// np.left_shift(a, x, out=dst)), the same as LeftShiftInto(dst, a,
// Scalar(x)).
func LeftShiftScalarInto[T Integer](dst, a NDView[T], x T) { math2Scalar(mLeftShift, dst, a, x) }

// RightShiftInto stores a >> b, arithmetic for signed types into dst,
// element by element: NumPy's np.right_shift(a, b, out=dst). A count
// that is negative or at least the bit width of T gives 0, or −1 for a
// negative a. Broadcasting, overlap, allocation and panics are those of
// Add.
func RightShiftInto[T Integer](dst, a, b NDView[T]) { math2(mRightShift, dst, a, b) }

// RightShiftScalarInto is RightShift with b the scalar x (NumPy's
// np.right_shift(a, x, out=dst)), the same as RightShiftInto(dst, a,
// Scalar(x)).
func RightShiftScalarInto[T Integer](dst, a NDView[T], x T) { math2Scalar(mRightShift, dst, a, x) }

// GcdInto stores the greatest common divisor of |a| and |b| into dst,
// element by element: NumPy's np.gcd(a, b, out=dst). gcd(0, 0) is 0; the
// absolute value of the most negative value is itself, as in NumPy.
// Broadcasting, overlap, allocation and panics are those of Add.
func GcdInto[T Integer](dst, a, b NDView[T]) { math2(mGcd, dst, a, b) }

// GcdScalarInto is Gcd with b the scalar x (NumPy's np.gcd(a, x, out=dst)),
// the same as GcdInto(dst, a, Scalar(x)).
func GcdScalarInto[T Integer](dst, a NDView[T], x T) { math2Scalar(mGcd, dst, a, x) }

// LcmInto stores the least common multiple of |a| and |b| into dst, element
// by element: NumPy's np.lcm(a, b, out=dst). It is 0 when either is 0,
// and wraps as multiplication does. Broadcasting, overlap, allocation
// and panics are those of Add.
func LcmInto[T Integer](dst, a, b NDView[T]) { math2(mLcm, dst, a, b) }

// LcmScalarInto is Lcm with b the scalar x (NumPy's np.lcm(a, x, out=dst)),
// the same as LcmInto(dst, a, Scalar(x)).
func LcmScalarInto[T Integer](dst, a NDView[T], x T) { math2Scalar(mLcm, dst, a, x) }
