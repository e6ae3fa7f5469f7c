package textio

// The fast path of LoadTxt for float64 and float32 (semantics.md TX1):
// a line of plain decimal numbers ("-12.5", "3e-4") is parsed in one pass,
// without splitting it into fields first; a number with at most 15
// significant digits and a decimal exponent within ±22 is m × 10^e or
// m / 10^-e with both operands exact, so one IEEE operation rounds it
// correctly (Clinger's fast path, as strconv's own). Anything else — nan,
// long mantissas, quotes, a wrong number of fields, a bad field — makes the
// line fall back to the general path, which gives the same values and the
// errors.

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// fastNumber parses a plain decimal number at the start of s and returns
// it and the number of bytes read; ok is false if s does not start with
// one the fast path can round exactly.
func fastNumber(s []byte) (f float64, n int, ok bool) {
	i := 0
	neg := false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	var m uint64
	digits, exp := 0, 0
	start := i
	for i < len(s) && s[i]-'0' < 10 {
		if m > 1e15 {
			return 0, 0, false
		}
		m = m*10 + uint64(s[i]-'0')
		i++
	}
	digits = i - start
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && s[i]-'0' < 10 {
			if m > 1e15 {
				return 0, 0, false
			}
			m = m*10 + uint64(s[i]-'0')
			i++
		}
		exp = -(i - fs)
		digits += i - fs
	}
	if digits == 0 {
		return 0, 0, false
	}
	if i < len(s) && s[i]|0x20 == 'e' {
		i++
		eneg := false
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			eneg = s[i] == '-'
			i++
		}
		es := i
		e := 0
		for i < len(s) && s[i]-'0' < 10 && i-es < 4 {
			e = e*10 + int(s[i]-'0')
			i++
		}
		if i == es || (i < len(s) && s[i]-'0' < 10) {
			return 0, 0, false
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	if m >= 1<<53 {
		return 0, 0, false
	}
	f = float64(m)
	switch {
	case m == 0 || exp == 0:
	case exp > 0 && exp <= 22:
		f *= pow10[exp]
	case exp < 0 && exp >= -22:
		f /= pow10[-exp]
	default:
		return 0, 0, false
	}
	if neg {
		f = -f
	}
	return f, i, true
}

// fastLine parses a line of exactly len(dst) plain numbers separated by
// delim (0: runs of blanks), optionally followed by blanks, a \r and a
// comment starting with the byte comment (-1: none), into dst. It
// reports false, having perhaps written part of dst, when the line is
// anything else.
func fastLine(line []byte, delim byte, comment int, dst []float64) bool {
	i := 0
	for k := range dst {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		f, n, ok := fastNumber(line[i:])
		if !ok {
			return false
		}
		dst[k] = f
		i += n
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if k == len(dst)-1 {
			break
		}
		if delim != 0 {
			if i == len(line) || line[i] != delim {
				return false
			}
			i++
		} else if i == len(line) || i == 0 || (line[i-1] != ' ' && line[i-1] != '\t') {
			return false
		}
	}
	if i < len(line) && line[i] == '\r' {
		i++
	}
	return i == len(line) || (comment >= 0 && int(line[i]) == comment)
}
