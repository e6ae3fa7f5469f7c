package textio

// Python's printf-style formatting (semantics.md TX10), the formats of
// np.savetxt: "%.18e", "%d", "%10.5f", "%s", with flags "-+ #0", a width
// and a precision. Finite floats and integers are formatted by fmt, whose
// verbs follow C as Python's do; what differs is done here: nan and inf,
// %d of a float (truncated), %#o (0o prefix), %s and %r (Python's str of a
// NumPy scalar).

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// pyValue is one value to format: an integer, a float with the number of
// bits of its type, or a bool.
type pyValue struct {
	kind byte // 'i' int64, 'u' uint64, 'f' float, 'b' bool
	i    int64
	u    uint64
	f    float64
	bits int // float: 16, 32 or 64
}

// pySpec is one conversion of a format: the literal text before it, flags,
// width, precision (-1: none) and the conversion letter.
type pySpec struct {
	lit   string
	flags string
	width int
	prec  int
	conv  byte
}

// pyFormat is a parsed format: specs and the literal text after the last.
type pyFormat struct {
	specs []pySpec
	tail  string
}

// parsePyFormat parses a Python %-format, panicking (for op) on a
// malformed one.
func parsePyFormat(op, f string) pyFormat {
	var pf pyFormat
	var lit strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			lit.WriteByte(f[i])
			continue
		}
		i++
		if i < len(f) && f[i] == '%' {
			lit.WriteByte('%')
			continue
		}
		sp := pySpec{prec: -1}
		j := i
		for j < len(f) && strings.IndexByte("-+ #0", f[j]) >= 0 {
			j++
		}
		sp.flags = f[i:j]
		k := j
		for k < len(f) && f[k] >= '0' && f[k] <= '9' {
			k++
		}
		if k > j {
			sp.width, _ = strconv.Atoi(f[j:k])
		}
		if k < len(f) && f[k] == '.' {
			k++
			m := k
			for m < len(f) && f[m] >= '0' && f[m] <= '9' {
				m++
			}
			sp.prec, _ = strconv.Atoi(f[k:m])
			k = m
		}
		for k < len(f) && strings.IndexByte("hlL", f[k]) >= 0 {
			k++
		}
		if k >= len(f) || strings.IndexByte("diuoxXeEfFgGsr", f[k]) < 0 || sp.width > 1<<16 || sp.prec > 1<<16 {
			panicf(op, "format %q has an invalid conversion at byte %d; use Python's %%[flags][width][.precision]conversion with a conversion among d i u o x X e E f F g G s r", f, i-1)
		}
		sp.conv = f[k]
		sp.lit = lit.String()
		lit.Reset()
		pf.specs = append(pf.specs, sp)
		i = k
	}
	pf.tail = lit.String()
	return pf
}

// isIntConv reports whether c converts to an integer.
func isIntConv(c byte) bool { return strings.IndexByte("diuoxX", c) >= 0 }

// check reports what is wrong with formatting v by sp (only %d of nan or
// inf can fail), or "".
func (sp *pySpec) check(v pyValue) string {
	if v.kind == 'f' && isIntConv(sp.conv) && (math.IsNaN(v.f) || math.IsInf(v.f, 0)) {
		return fmt.Sprintf("cannot format %v with %%%c: it is not an integer; use a float format such as %%.18e", v.f, sp.conv)
	}
	return ""
}

// appendValue appends v formatted by sp (check(v) must be "").
func (sp *pySpec) appendValue(b []byte, v pyValue) []byte {
	if sp.conv == 's' || sp.conv == 'r' {
		return sp.pad(b, pyStr(v))
	}
	if isIntConv(sp.conv) {
		var n any
		switch v.kind {
		case 'i':
			n = v.i
		case 'u':
			n = v.u
		case 'b':
			n = b2i(v.u != 0)
		default:
			bf := new(big.Float).SetFloat64(math.Trunc(v.f))
			n, _ = bf.Int(nil)
		}
		conv, flags := sp.conv, sp.flags
		switch conv {
		case 'i', 'u':
			conv = 'd'
		case 'o':
			if strings.IndexByte(flags, '#') >= 0 {
				conv, flags = 'O', strings.ReplaceAll(flags, "#", "")
			}
		}
		return fmt.Appendf(b, "%"+flags+sp.widthPrec()+string(conv), n)
	}
	f := v.f
	switch v.kind {
	case 'i':
		f = float64(v.i)
	case 'u':
		f = float64(v.u)
	case 'b':
		f = float64(b2i(v.u != 0))
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		s := "inf"
		if math.IsNaN(f) {
			s = "nan"
		}
		if sp.conv >= 'A' && sp.conv <= 'Z' {
			s = strings.ToUpper(s)
		}
		sign := ""
		switch {
		case math.Signbit(f) && !math.IsNaN(f):
			sign = "-"
		case strings.IndexByte(sp.flags, '+') >= 0:
			sign = "+"
		case strings.IndexByte(sp.flags, ' ') >= 0:
			sign = " "
		}
		// Python pads nan and inf with zeros too under the 0 flag.
		if n := sp.width - len(sign) - len(s); n > 0 && strings.IndexByte(sp.flags, '0') >= 0 && strings.IndexByte(sp.flags, '-') < 0 {
			s = strings.Repeat("0", n) + s
		}
		return sp.pad(b, sign+s)
	}
	return fmt.Appendf(b, "%"+sp.flags+sp.widthPrec()+string(sp.conv), f)
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// widthPrec returns the width and precision of sp as fmt writes them.
func (sp *pySpec) widthPrec() string {
	s := ""
	if sp.width > 0 {
		s = strconv.Itoa(sp.width)
	}
	if sp.prec >= 0 {
		s += "." + strconv.Itoa(sp.prec)
	} else if strings.IndexByte("eEfFgG", sp.conv) >= 0 {
		s += ".6" // Python's default; fmt's %g would print the shortest form
	}
	return s
}

// pad appends s padded to sp's width (left-justified with the - flag).
func (sp *pySpec) pad(b []byte, s string) []byte {
	if sp.prec >= 0 && (sp.conv == 's' || sp.conv == 'r') && len(s) > sp.prec {
		s = s[:sp.prec]
	}
	n := sp.width - len(s)
	if n > 0 && strings.IndexByte(sp.flags, '-') < 0 {
		b = append(b, strings.Repeat(" ", n)...)
	}
	b = append(b, s...)
	if n > 0 && strings.IndexByte(sp.flags, '-') >= 0 {
		b = append(b, strings.Repeat(" ", n)...)
	}
	return b
}

// pyStr is Python's str of the NumPy scalar v: True, 12, 0.1, 1e-05,
// 1e+16, nan, -inf.
func pyStr(v pyValue) string {
	switch v.kind {
	case 'i':
		return strconv.FormatInt(v.i, 10)
	case 'u':
		return strconv.FormatUint(v.u, 10)
	case 'b':
		if v.u != 0 {
			return "True"
		}
		return "False"
	}
	return pyFloatStr(v.f, v.bits)
}

// pyFloatStr returns Python's str of a NumPy float scalar of the given bit
// size (16, 32 or 64): the shortest digits that read back as the same
// value of that type, positional with at least one fraction digit ("1.0",
// "0.0001") when 1e-4 <= |f| < 1e16 or f is 0, and scientific otherwise
// ("1e-05", "1.5e+16"); "nan", "inf", "-inf" for the others. NumPy: str(np.float64(f)).
func pyFloatStr(f float64, bits int) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	digits, exp := shortestDigits(f, bits) // f = 0.digits × 10^exp
	neg := math.Signbit(f)
	a := math.Abs(f)
	var s string
	if a == 0 || (a >= 1e-4 && a < 1e16) {
		switch {
		case exp <= 0:
			s = "0." + strings.Repeat("0", -exp) + digits
		case exp >= len(digits):
			s = digits + strings.Repeat("0", exp-len(digits)) + ".0"
		default:
			s = digits[:exp] + "." + digits[exp:]
		}
	} else {
		s = digits[:1]
		if len(digits) > 1 {
			s += "." + digits[1:]
		}
		e := exp - 1
		sign := "+"
		if e < 0 {
			sign, e = "-", -e
		}
		es := strconv.Itoa(e)
		if len(es) < 2 {
			es = "0" + es
		}
		s += "e" + sign + es
	}
	if neg {
		s = "-" + s
	}
	return s
}

// shortestDigits returns the shortest decimal digits d (no leading or
// trailing zeros, "0" for zero) and exponent e with |f| = 0.d × 10^e that
// read back as f in a float of bits bits. Half precision, which strconv
// does not know, tries 1 to 5 significant digits, each correctly rounded,
// and takes the first that reads back: that is the shortest, and of the
// strings of that length the closest.
func shortestDigits(f float64, bits int) (string, int) {
	a := math.Abs(f)
	if a == 0 {
		return "0", 1
	}
	var s string
	if bits == 16 {
		h := f64ToF16(a)
		for p := 1; p <= 17; p++ {
			s = strconv.FormatFloat(a, 'e', p-1, 64)
			x, _ := strconv.ParseFloat(s, 64)
			if f64ToF16(x) == h {
				break
			}
		}
	} else {
		s = strconv.FormatFloat(a, 'e', -1, bits)
	}
	mant, expStr, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(expStr)
	d := strings.Replace(mant, ".", "", 1)
	d = strings.TrimRight(d, "0")
	if d == "" {
		d = "0"
	}
	return d, e + 1
}
