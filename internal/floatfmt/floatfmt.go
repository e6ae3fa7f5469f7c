// Package floatfmt formats the values of the narrow storage floats
// (bfloat16, float8) as NumPy prints a float16: the fewest significant
// digits that read back as the same value (semantics.md SF3).
package floatfmt

import (
	"math"
	"strconv"
)

// AppendShortest appends the shortest decimal of f, an exactly stored value
// of a narrow float type, that same reports as reading back to the same
// value (the caller's rounding of the parsed float64), with at most
// maxDigits significant digits. NaN is "nan", infinities "inf" and
// "-inf". The notation is NumPy's repr: plain for decimal exponents from
// -4 to 15, with at least one decimal ("1.0"), and scientific outside
// ("1e+20", "9e-41").
func AppendShortest(buf []byte, f float64, maxDigits int, same func(float64) bool) []byte {
	switch {
	case f != f:
		return append(buf, "nan"...)
	case math.IsInf(f, 1):
		return append(buf, "inf"...)
	case math.IsInf(f, -1):
		return append(buf, "-inf"...)
	}
	var d [32]byte
	prec := 1
	for ; prec < maxDigits; prec++ {
		s := strconv.AppendFloat(d[:0], f, 'e', prec-1, 64)
		if x, err := strconv.ParseFloat(string(s), 64); err == nil && same(x) {
			break
		}
	}
	// The decimal exponent of the rounded digits.
	s := strconv.AppendFloat(d[:0], f, 'e', prec-1, 64)
	e := 0
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == 'e' {
			e, _ = strconv.Atoi(string(s[i+1:]))
			break
		}
	}
	if e < -4 || e >= 16 {
		return strconv.AppendFloat(buf, f, 'g', prec, 64)
	}
	dec := max(prec-1-e, 0)
	out := strconv.AppendFloat(buf, f, 'f', dec, 64)
	if dec == 0 {
		out = append(out, ".0"...)
	}
	return out
}
