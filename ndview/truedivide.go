package ndview

// TrueDivideInto stores a / b into dst as floats: NumPy's
// np.true_divide(a, b, out=dst), the `/` of integer arrays (semantics.md
// A5). Each quotient is computed in float64 and rounded once to D, so a
// float32 result is the correctly rounded float32 quotient, and integers
// above 2^53 are rounded to float64 first, as NumPy rounds them. x / 0 is
// ±Inf, 0 / 0 is NaN. Broadcasting, overlap and panics are those of ZipInto.
func TrueDivideInto[D RealFloat, T Real](dst NDView[D], a, b NDView[T]) {
	ZipInto(dst, a, b, func(x, y T) D { return D(float64(x) / float64(y)) })
}
