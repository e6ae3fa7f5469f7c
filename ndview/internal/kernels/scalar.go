package kernels

// Scalar helpers of the element-wise table: operations whose result takes
// more than one Go expression. Each is small enough for the compiler to
// inline into every loop that calls it.

// quoOrZero returns x / y truncated toward zero, and 0 when y is 0, for
// integers: a zero divisor is a fact of the data, so it never panics. The
// most negative value divided by −1 is itself, as in Go.
func quoOrZero[T numeric](x, y T) T {
	if y == 0 {
		return 0
	}
	return x / y
}

// absOf returns |x|. Negating x <= 0 as 0 − x makes −0 into +0, leaves
// unsigned values (only 0 is <= 0) and NaN alone, and wraps the most
// negative integer to itself.
func absOf[T ordered](x T) T {
	if x <= 0 {
		return 0 - x
	}
	return x
}
