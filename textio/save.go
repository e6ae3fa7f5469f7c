package textio

// SaveTxt (semantics.md TX10-TX12): np.savetxt's layout of rows, formats,
// header and footer, for 1-D and 2-D views of any layout.

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// SaveTxtOptions are the options of SaveTxt, after np.savetxt's keyword
// arguments. The zero value writes NumPy's default: "%.18e" values
// separated by a space, one row per line.
type SaveTxtOptions struct {
	// Fmt is the format of the values, in Python's printf style: nil means
	// {"%.18e"}. One format with one conversion is used for every column;
	// one format with one conversion per column (two for complex values)
	// is the whole line, and Delimiter is not used; otherwise there must
	// be one format per column, joined by Delimiter. Complex values with a
	// single conversion are written " (re+imj)", as NumPy writes them.
	Fmt []string
	// Delimiter separates the columns; "" means " ".
	Delimiter string
	// Newline ends each line; "" means "\n".
	Newline string
	// Header and Footer, if not empty, are written before and after the
	// data, each line of them preceded by Comments.
	Header, Footer string
	// Comments is the prefix of header and footer lines; "" means "# ".
	// Set NoComments to write them without a prefix.
	Comments   string
	NoComments bool
}

// SaveTxt writes v as text to w, one row per line, as
// np.savetxt(w, v, fmt, delimiter, newline, header, footer, comments)
// does in NumPy 1.24. A 1-D view is written as a column, one value per
// line; a 2-D view one row per line. Views of any layout (strided,
// transposed, reversed, broadcast) are written in their logical order.
//
// Values are converted as Python's % operator converts NumPy scalars:
// floats formatted by %d are truncated, integers formatted by %e become
// floats, bools are 1 and 0 (or True and False with %s); %s is Python's
// str (0.1, 1e-05, True).
//
// SaveTxt returns an *Error wrapping ErrParse, before writing anything, if
// a NaN or infinity would be formatted by an integer conversion (%d, %x,
// ...), and an *Error with the cause if w fails (what was written before
// stays written). It panics with an *ndview.Error wrapping ndview.ErrShape
// if v is not 1-D or 2-D, if a format is malformed, or if the formats do
// not match the number of columns.
func SaveTxt[T ndview.NumericOrBool](w io.Writer, v ndview.NDView[T], opts SaveTxtOptions) error {
	const op = "SaveTxt"
	if v.NDim() != 1 && v.NDim() != 2 {
		panicf(op, "the view has shape %s; SaveTxt writes 1-D and 2-D views", ndview.FormatShape(v.Shape()))
	}
	rows, ncol := v.Shape()[0], 1
	if v.NDim() == 2 {
		ncol = v.Shape()[1]
	}
	at := func(i, j int) T {
		if v.NDim() == 1 {
			return v.At(i)
		}
		return v.At(i, j)
	}
	_, isC64 := any(*new(T)).(complex64)
	_, isC128 := any(*new(T)).(complex128)
	cplx := isC64 || isC128
	line := lineFormat(op, opts, ncol, cplx)

	// Values per line and their formats: re and im for complex.
	per := ncol
	if cplx {
		per = 2 * ncol
	}
	vals := make([]pyValue, per)
	row := func(i int) {
		for j := range ncol {
			x := at(i, j)
			if cplx {
				c := toComplex(x)
				vals[2*j] = pyValue{kind: 'f', f: real(c), bits: 64}
				vals[2*j+1] = pyValue{kind: 'f', f: imag(c), bits: 64}
				if isC64 {
					vals[2*j].bits, vals[2*j+1].bits = 32, 32
				}
			} else {
				vals[j] = toPy(x)
			}
		}
	}
	// Validate every value first, so that an error writes nothing.
	for i := range rows {
		row(i)
		for k := range vals {
			if msg := line.specs[k].check(vals[k]); msg != "" {
				j := k
				if cplx {
					j /= 2
				}
				return &Error{Op: op, Err: ErrParse, Msg: fmt.Sprintf("row %d, column %d: %s", i, j, msg)}
			}
		}
	}

	newline := cmp(opts.Newline, "\n")
	comments := cmp(opts.Comments, "# ")
	if opts.NoComments {
		comments = ""
	}
	bw := bufio.NewWriter(w)
	if opts.Header != "" {
		bw.WriteString(comments + strings.ReplaceAll(opts.Header, "\n", "\n"+comments) + newline)
	}
	var b []byte
	for i := range rows {
		row(i)
		b = b[:0]
		for k := range vals {
			b = append(b, line.specs[k].lit...)
			b = line.specs[k].appendValue(b, vals[k])
		}
		b = append(b, line.tail...)
		b = append(b, newline...)
		if cplx {
			b = []byte(strings.ReplaceAll(string(b), "+-", "-"))
		}
		bw.Write(b)
	}
	if opts.Footer != "" {
		bw.WriteString(comments + strings.ReplaceAll(opts.Footer, "\n", "\n"+comments) + newline)
	}
	if err := bw.Flush(); err != nil {
		return &Error{Op: op, Msg: "writing", Cause: err}
	}
	return nil
}

// cmp returns s, or def if s is empty.
func cmp(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// lineFormat builds the format of one line from opts as np.savetxt does,
// panicking for formats that do not match ncol columns.
func lineFormat(op string, opts SaveTxtOptions, ncol int, cplx bool) pyFormat {
	delim := cmp(opts.Delimiter, " ")
	fmts := opts.Fmt
	if fmts == nil {
		fmts = []string{"%.18e"}
	}
	per := 1
	if cplx {
		per = 2
	}
	var whole string
	switch {
	case len(fmts) == 1 && strings.Count(fmts[0], "%") == 1:
		f := fmts[0]
		if cplx {
			f = " (" + f + "+" + f + "j)"
		}
		whole = strings.Repeat(f+delim, ncol)
		whole = whole[:len(whole)-len(delim)]
	case len(fmts) == 1:
		whole = fmts[0]
	case len(fmts) == ncol:
		whole = strings.Join(fmts, delim)
	default:
		panicf(op, "%d formats for %d columns; give one format, one per column, or one whole-line format", len(fmts), ncol)
	}
	pf := parsePyFormat(op, whole)
	if len(pf.specs) != per*ncol {
		panicf(op, "format %q has %d conversions; %d columns of %s values need %d", whole, len(pf.specs), ncol, map[bool]string{true: "complex", false: "real"}[cplx], per*ncol)
	}
	return pf
}

// toPy converts an element to the value Python's % operator sees.
func toPy[T ndview.NumericOrBool](x T) pyValue {
	switch y := any(x).(type) {
	case float64:
		return pyValue{kind: 'f', f: y, bits: 64}
	case float32:
		return pyValue{kind: 'f', f: float64(y), bits: 32}
	case float16.Float16:
		return pyValue{kind: 'f', f: float64(y.Float32()), bits: 16}
	case bool:
		return pyValue{kind: 'b', u: uint64(b2i(y))}
	case int:
		return pyValue{kind: 'i', i: int64(y)}
	case int8:
		return pyValue{kind: 'i', i: int64(y)}
	case int16:
		return pyValue{kind: 'i', i: int64(y)}
	case int32:
		return pyValue{kind: 'i', i: int64(y)}
	case int64:
		return pyValue{kind: 'i', i: y}
	case uint:
		return pyValue{kind: 'u', u: uint64(y)}
	case uint8:
		return pyValue{kind: 'u', u: uint64(y)}
	case uint16:
		return pyValue{kind: 'u', u: uint64(y)}
	case uint32:
		return pyValue{kind: 'u', u: uint64(y)}
	case uint64:
		return pyValue{kind: 'u', u: y}
	case uintptr:
		return pyValue{kind: 'u', u: uint64(y)}
	}
	parserFor[T]("SaveTxt") // panics with ErrType
	return pyValue{}
}

// toComplex returns a complex element as complex128.
func toComplex[T any](x T) complex128 {
	switch y := any(x).(type) {
	case complex64:
		return complex128(y)
	case complex128:
		return y
	}
	return 0
}
