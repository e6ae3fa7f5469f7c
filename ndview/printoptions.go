package ndview

// Print options (semantics.md §23): NumPy's set_printoptions as a value,
// a package-level copy of it that is safe for concurrent use, and NumPy's
// element formats (FloatingFormat, ComplexFloatingFormat, IntegerFormat,
// BoolFormat of numpy/core/arrayprint.py), with Dragon4's shortest digits
// computed by strconv.

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/x448/float16"
)

// PrintOptions control how String and FormatWith print a view, as NumPy's
// np.set_printoptions and np.printoptions do (NumPy 1.24). Start from
// GetPrintOptions or NumPyPrintOptions and change fields: the zero value
// summarises every view (Threshold 0).
type PrintOptions struct {
	// Precision is the largest number of fraction digits of floats (and of
	// the mantissa in scientific notation); fewer are printed when fewer
	// tell the value apart (NumPy's floatmode "maxprec"). NumPy: 8.
	Precision int
	// Threshold is the largest size printed in full; larger views are
	// summarised, showing EdgeItems items at each end of every axis with
	// "..." between. NumPy: 1000.
	Threshold int
	// EdgeItems is the number of items shown at each end of a summarised
	// axis. NumPy: 3.
	EdgeItems int
	// LineWidth is the number of characters per line before rows wrap.
	// NumPy: 75.
	LineWidth int
	// Suppress prints small floats in fixed-point notation (rounded to
	// Precision digits, so that 1e-10 prints as 0.) rather than switching
	// the whole view to scientific notation; only values of 1e8 and above
	// still switch it. NumPy: False.
	Suppress bool
	// Sign is '-' (a sign only for negative values; 0 means '-'), '+'
	// (always a sign) or ' ' (a space where a positive value's sign
	// would go) for floats and complex numbers; integers ignore it, as in
	// NumPy 1.24. NumPy: '-'.
	Sign byte
	// GoValues formats each element with Go's %v (1, 0.5, true, (1+2i),
	// +Inf), right-aligned to a common width, rather than as NumPy does
	// (1., 0.5, True, 1.+2.j, inf); Precision, Suppress and Sign then do
	// not apply. It is true in the package's initial options, so that
	// fmt.Print of a view prints Go's values; NumPyPrintOptions sets it
	// false.
	GoValues bool
}

// NumPyPrintOptions returns NumPy 1.24's default print options: precision
// 8, threshold 1000, edgeitems 3, linewidth 75, no suppression, sign '-',
// elements formatted as NumPy formats them (GoValues false).
func NumPyPrintOptions() PrintOptions {
	return PrintOptions{Precision: 8, Threshold: 1000, EdgeItems: 3, LineWidth: 75, Sign: '-'}
}

// printOptions holds the package's options; nil means the initial ones.
var printOptions atomic.Pointer[PrintOptions]

// initialPrintOptions are NumPy's defaults with Go's %v for elements.
func initialPrintOptions() PrintOptions {
	o := NumPyPrintOptions()
	o.GoValues = true
	return o
}

// GetPrintOptions returns the options String uses (np.get_printoptions).
// Initially they are NumPyPrintOptions with GoValues set. It is safe for
// concurrent use.
func GetPrintOptions() PrintOptions {
	if p := printOptions.Load(); p != nil {
		return *p
	}
	return initialPrintOptions()
}

// SetPrintOptions makes o the options of String and fmt's %v for every
// view (np.set_printoptions) and returns the options it replaces, so that
//
//	defer ndview.SetPrintOptions(ndview.SetPrintOptions(o))
//
// sets options for the rest of a function, as NumPy's printoptions context
// manager does for a block. It is safe for concurrent use; a String call
// running at the same time uses either the old or the new options, never
// a mix. For options that apply to one call only, use FormatWith.
//
// SetPrintOptions panics with an *Error wrapping ErrShape for invalid
// options (see FormatWith).
func SetPrintOptions(o PrintOptions) PrintOptions {
	o.check("SetPrintOptions")
	old := GetPrintOptions()
	printOptions.Store(&o)
	return old
}

// check panics, naming op, for options no printer can follow.
func (o *PrintOptions) check(op string) {
	switch {
	case o.Precision < 0 || o.Precision > 1000:
		panicf(op, ErrShape, "Precision = %d; it must be in [0, 1000]", o.Precision)
	case o.Threshold < 0:
		panicf(op, ErrShape, "Threshold = %d; it must be at least 0", o.Threshold)
	case o.EdgeItems < 0:
		panicf(op, ErrShape, "EdgeItems = %d; it must be at least 0", o.EdgeItems)
	case o.LineWidth < 1:
		panicf(op, ErrShape, "LineWidth = %d; it must be at least 1", o.LineWidth)
	case o.Sign != 0 && o.Sign != '-' && o.Sign != '+' && o.Sign != ' ':
		panicf(op, ErrShape, "Sign = %q; it must be '-', '+' or ' '", o.Sign)
	}
}

// ---------------------------------------------------------------------------
// Shortest digits and Dragon4's two layouts.

// floatDigits returns the decimal digits d (no leading zeros; "0" for 0)
// and the exponent e with |f| = 0.d × 10^e: the shortest digits that read
// back as f in a float of bits bits (16, 32 or 64) when prec < 0;
// otherwise, if those have more than prec digits after the point
// (positional: after the decimal point; scientific: after the first
// digit), the exact value rounded to prec such digits, ties to even, as
// NumPy's Dragon4 rounds. Trailing zeros are dropped.
func floatDigits(f float64, bits, prec int, scientific bool) (string, int) {
	a := math.Abs(f)
	if a == 0 {
		return "0", 1
	}
	var s string
	if bits == 16 {
		h := kernels.F64ToF16(a)
		for p := 1; p <= 17; p++ {
			s = strconv.FormatFloat(a, 'e', p-1, 64)
			x, _ := strconv.ParseFloat(s, 64)
			if kernels.F64ToF16(x) == h {
				break
			}
		}
	} else {
		s = strconv.FormatFloat(a, 'e', -1, bits)
	}
	d, e := splitE(s)
	if prec >= 0 {
		if scientific && len(d)-1 > prec {
			d, e = splitE(strconv.FormatFloat(a, 'e', prec, 64))
		} else if !scientific && len(d)-e > prec {
			ip, fp, _ := strings.Cut(strconv.FormatFloat(a, 'f', prec, 64), ".")
			d, e = ip+fp, len(ip)
			for len(d) > 0 && d[0] == '0' {
				d, e = d[1:], e-1
			}
		}
	}
	d = strings.TrimRight(d, "0")
	if d == "" {
		return "0", 1
	}
	return d, e
}

// splitE splits strconv's 'e' form ("1.2345e+06") into digits and the
// exponent of 0.d × 10^e.
func splitE(s string) (string, int) {
	mant, exp, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(exp)
	return strings.Replace(mant, ".", "", 1), e + 1
}

// positional writes |f| from its digits in positional notation: integer
// part and fraction part, without sign ("12", "5"; "0", "0012").
func positional(d string, e int) (ip, fp string) {
	switch {
	case d == "0":
		return "0", ""
	case e <= 0:
		return "0", strings.Repeat("0", -e) + d
	case e >= len(d):
		return d + strings.Repeat("0", e-len(d)), ""
	}
	return d[:e], d[e:]
}

// pyRepr is Python's repr of a float of bits bits, as NumPy 1.24's str of
// a float scalar: positional when 1e-4 <= |f| < 1e16 (or f is 0), with
// ".0" when keepZero and the value is whole; scientific otherwise ("1e-05",
// "1.5e+16"); "nan", "inf", "-inf".
func pyRepr(f float64, bits int, keepZero bool) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	d, e := floatDigits(f, bits, -1, false)
	sign := ""
	if math.Signbit(f) {
		sign = "-"
	}
	a := math.Abs(f)
	if a == 0 || (a >= 1e-4 && a < 1e16) {
		ip, fp := positional(d, e)
		if fp == "" {
			if !keepZero {
				return sign + ip
			}
			fp = "0"
		}
		return sign + ip + "." + fp
	}
	s := d[:1]
	if len(d) > 1 {
		s += "." + d[1:]
	}
	return sign + s + "e" + expString(e-1, 2)
}

// expString writes an exponent with its sign and at least n digits.
func expString(e, n int) string {
	sign := "+"
	if e < 0 {
		sign, e = "-", -e
	}
	s := strconv.Itoa(e)
	if len(s) < n {
		s = strings.Repeat("0", n-len(s)) + s
	}
	return sign + s
}

// ---------------------------------------------------------------------------
// NumPy's FloatingFormat.

// floatFormat formats the floats of one view with common padding, as
// NumPy's FloatingFormat does in floatmode "maxprec".
type floatFormat struct {
	bits      int
	precision int
	sign      byte // '-', '+' or ' '
	exp       bool // scientific notation
	padLeft   int
	padRight  int
	expSize   int // digits of the exponent
	minDigits int // scientific: fraction digits every value shows
}

// newFloatFormat measures vals (the printed elements) as
// FloatingFormat.fillFormat does.
func newFloatFormat(vals []float64, bits int, o PrintOptions, sign byte) *floatFormat {
	ff := &floatFormat{bits: bits, precision: o.Precision, sign: sign}
	var finite []float64
	var minv, maxv float64
	first := true
	anyNeg, negInf, nonFinite := false, false, false
	for _, x := range vals {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			nonFinite = true
			negInf = negInf || math.IsInf(x, -1)
			continue
		}
		finite = append(finite, x)
		anyNeg = anyNeg || math.Signbit(x)
		if a := math.Abs(x); a != 0 {
			if first || a < minv {
				minv = a
			}
			if first || a > maxv {
				maxv = a
			}
			first = false
		}
	}
	if !first && (maxv >= 1e8 || (!o.Suppress && (minv < 0.0001 || maxv/minv > 1000))) {
		ff.exp = true
	}
	switch {
	case len(finite) == 0:
		ff.expSize = -1
	case ff.exp:
		for _, x := range finite {
			d, e := floatDigits(x, bits, ff.precision, true)
			ff.minDigits = max(ff.minDigits, len(d)-1)
			ff.expSize = max(ff.expSize, len(expString(e-1, 2))-1)
			ff.padLeft = max(ff.padLeft, 1+b2i(math.Signbit(x) || sign == '+'))
		}
		ff.padRight = ff.expSize + 2 + ff.minDigits
	default:
		for _, x := range finite {
			ip, fp := positional(floatDigits(x, bits, ff.precision, false))
			ff.padLeft = max(ff.padLeft, len(ip)+b2i(math.Signbit(x) || sign == '+'))
			ff.padRight = max(ff.padRight, len(fp))
		}
	}
	if sign == ' ' && !anyNeg {
		ff.padLeft++
	}
	if nonFinite {
		inflen := 3 + b2i(sign != '-' || negInf)
		off := ff.padRight + 1
		ff.padLeft = max(ff.padLeft, 3-off, inflen-off)
	}
	return ff
}

// format formats one value, padded.
func (ff *floatFormat) format(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		s := "nan"
		if math.IsInf(x, 0) {
			s = "inf"
		}
		switch {
		case math.IsInf(x, -1):
			s = "-" + s
		case ff.sign == '+':
			s = "+" + s
		}
		return pad(s, ff.padLeft+ff.padRight+1)
	}
	sign := ""
	switch {
	case math.Signbit(x):
		sign = "-"
	case ff.sign == '+':
		sign = "+"
	}
	if ff.exp {
		d, e := floatDigits(x, ff.bits, ff.precision, true)
		if len(d)-1 < ff.minDigits && d != "0" {
			// Dragon4's min_digits: more digits of the exact value, not
			// zeros (float16 0.1 is 9.998e-02 beside 3.333e-01).
			d, e = splitE(strconv.FormatFloat(math.Abs(x), 'e', ff.minDigits, 64))
		}
		frac := d[1:] + strings.Repeat("0", ff.minDigits-(len(d)-1))
		es := expString(e-1, ff.expSize)
		if d == "0" {
			es = expString(0, ff.expSize)
		}
		return pad(sign+d[:1], ff.padLeft) + "." + frac + "e" + es
	}
	ip, fp := positional(floatDigits(x, ff.bits, ff.precision, false))
	return pad(sign+ip, ff.padLeft) + "." + fp + strings.Repeat(" ", ff.padRight-len(fp))
}

// pad right-aligns s in width n.
func pad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat(" ", n-len(s)) + s
}

// ---------------------------------------------------------------------------
// One formatter per element type.

// elemFormatter returns the function that formats the elements of a view
// whose printed elements are shown, as NumPy's _get_format_function does,
// or, for 0-d views, as str of a NumPy scalar.
func elemFormatter[T any](shown []T, o PrintOptions, zeroD bool) func(T) string {
	sign := o.Sign
	if sign == 0 {
		sign = '-'
	}
	if o.GoValues {
		return goFormatter(shown, zeroD)
	}
	var z T
	if _, ok := any(z).(float16.Float16); ok {
		return floatFormatter(shown, o, sign, zeroD, 16, func(x T) float64 { return float64(any(x).(float16.Float16).Float32()) })
	}
	switch reflect.TypeFor[T]().Kind() {
	case reflect.Float64:
		return floatFormatter(shown, o, sign, zeroD, 64, func(x T) float64 { return reflect.ValueOf(x).Float() })
	case reflect.Float32:
		return floatFormatter(shown, o, sign, zeroD, 32, func(x T) float64 { return reflect.ValueOf(x).Float() })
	case reflect.Complex128, reflect.Complex64:
		bits := 64
		if reflect.TypeFor[T]().Kind() == reflect.Complex64 {
			bits = 32
		}
		get := func(x T) complex128 { return reflect.ValueOf(x).Complex() }
		if zeroD {
			return func(x T) string { return complexScalar(get(x), bits) }
		}
		re := make([]float64, len(shown))
		im := make([]float64, len(shown))
		for i, x := range shown {
			c := get(x)
			re[i], im[i] = real(c), imag(c)
		}
		rf := newFloatFormat(re, bits, o, sign)
		imf := newFloatFormat(im, bits, o, '+')
		return func(x T) string {
			c := get(x)
			i := imf.format(imag(c))
			t := strings.TrimRight(i, " ")
			return rf.format(real(c)) + t + "j" + i[len(t):]
		}
	case reflect.Bool:
		return func(x T) string {
			switch {
			case !reflect.ValueOf(x).Bool():
				return "False"
			case zeroD:
				return "True"
			}
			return " True"
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		str := func(x T) string {
			v := reflect.ValueOf(x)
			s := ""
			if v.CanInt() {
				s = strconv.FormatInt(v.Int(), 10)
			} else {
				s = strconv.FormatUint(v.Uint(), 10)
			}
			return s
		}
		if zeroD {
			return str
		}
		// NumPy's IntegerFormat: the width of the widest; no Sign.
		w := 0
		for _, x := range shown {
			w = max(w, len(str(x)))
		}
		return func(x T) string { return pad(str(x), w) }
	}
	return goFormatter(shown, zeroD)
}

// goFormatter formats with %v, right-aligned to the widest shown element.
func goFormatter[T any](shown []T, zeroD bool) func(T) string {
	w := 0
	if !zeroD {
		for _, x := range shown {
			w = max(w, len(fmt.Sprint(x)))
		}
	}
	return func(x T) string { return pad(fmt.Sprint(x), w) }
}

// floatFormatter is FloatingFormat over the shown values, or str of a
// scalar for 0-d views.
func floatFormatter[T any](shown []T, o PrintOptions, sign byte, zeroD bool, bits int, get func(T) float64) func(T) string {
	if zeroD {
		return func(x T) string { return pyRepr(get(x), bits, true) }
	}
	vals := make([]float64, len(shown))
	for i, x := range shown {
		vals[i] = get(x)
	}
	ff := newFloatFormat(vals, bits, o, sign)
	return func(x T) string { return ff.format(get(x)) }
}

// complexScalar is str of a NumPy complex scalar, Python's repr of a
// complex: "2j" when the real part is zero, "(1+2j)", "(1.5-0j)", with
// whole parts written without ".0".
func complexScalar(c complex128, bits int) string {
	im := pyRepr(imag(c), bits, false)
	if real(c) == 0 {
		return im + "j"
	}
	if im[0] != '-' {
		im = "+" + im
	}
	return "(" + pyRepr(real(c), bits, false) + im + "j)"
}
