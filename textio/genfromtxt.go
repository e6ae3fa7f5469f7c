package textio

// GenFromTxt (semantics.md TX13-TX16): np.genfromtxt for tables with holes.

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// GenFromTxtOptions are the options of GenFromTxt, after np.genfromtxt's
// keyword arguments. The zero value reads a whitespace-separated table with
// # comments, where only empty fields are missing.
type GenFromTxtOptions[T ndview.NumericOrBool] struct {
	// Delimiter separates fields; "" splits at runs of blanks (where no
	// field can be empty, so only MissingValues are missing).
	Delimiter string
	// Comments are the comment markers; nil means {"#"}, an empty non-nil
	// slice none.
	Comments []string
	// SkipHeader lines are skipped at the start, whatever they hold;
	// SkipFooter data lines (lines with fields) are dropped at the end.
	SkipHeader, SkipFooter int
	// Names reads the column names from the first line after SkipHeader
	// (which may start with a comment marker) into Table.Names.
	Names bool
	// UseCols lists the columns to read; negative numbers count from the
	// end of each line; nil reads every column.
	UseCols []int
	// MissingValues are the fields, besides the empty one, that mark a
	// missing entry (compared after stripping blanks), such as "N/A".
	MissingValues []string
	// FillingValues replace missing entries: nil means NumPy's defaults
	// (NaN for floats and complex numbers, -1 for integers, wrapped to the
	// largest value for unsigned ones, false for bool); one value is used
	// for every column; otherwise one value per column read.
	FillingValues []T
	// NDMin is the least number of axes of the result, as in LoadTxt.
	NDMin int
}

// Table is what GenFromTxt returns: the values, a mask of the same shape
// that is true where an entry was missing (and filled), and the column
// names if they were asked for.
type Table[T any] struct {
	Data    ndview.NDView[T]
	Missing ndview.NDView[bool]
	Names   []string
}

// GenFromTxt reads a table with missing entries from r, as
// np.genfromtxt(r, dtype=T, usemask=True, ...) does in NumPy 1.24: each
// missing entry (an empty field, or one of MissingValues) is replaced by
// its filling value and marked true in the mask. Data and Missing are new
// arrays shaped as LoadTxt shapes its result (NDMin).
//
// GenFromTxt returns an *Error naming the line for a data line whose
// number of columns differs from the first (ndview.ErrShape), a UseCols
// entry outside a line (ndview.ErrIndex), a field that is neither missing
// nor a number of type T (ErrParse), and read errors. It panics with an
// *ndview.Error for negative SkipHeader or SkipFooter, an NDMin other
// than 0, 1 and 2, a FillingValues whose length is neither 0, 1 nor the
// number of columns, and the invalid options LoadTxt refuses.
func GenFromTxt[T ndview.NumericOrBool](r io.Reader, opts GenFromTxtOptions[T]) (Table[T], error) {
	const op = "GenFromTxt"
	if opts.SkipHeader < 0 || opts.SkipFooter < 0 {
		panicf(op, "SkipHeader = %d and SkipFooter = %d; both must be at least 0", opts.SkipHeader, opts.SkipFooter)
	}
	if opts.NDMin < 0 || opts.NDMin > 2 {
		panicf(op, "NDMin = %d; it must be 0, 1 or 2", opts.NDMin)
	}
	lx := newLexer(op, opts.Delimiter, opts.Comments, 0)
	parse, dtype := parserFor[T](op)
	data, err := io.ReadAll(r)
	if err != nil {
		return Table[T]{}, &Error{Op: op, Msg: "reading", Cause: err}
	}
	data = skipLines(data, opts.SkipHeader)
	lineNo := opts.SkipHeader
	var t Table[T]

	if opts.Names {
		for len(data) > 0 {
			var line []byte
			line, data = nextLine(data)
			lineNo++
			line = trim(line)
			for _, c := range lx.comments {
				if len(line) >= len(c) && string(line[:len(c)]) == string(c) {
					line = line[len(c):]
					break
				}
			}
			fs := lx.split(line)
			if len(fs) == 0 {
				continue
			}
			for _, f := range fs {
				t.Names = append(t.Names, string(trim(f)))
			}
			break
		}
	}

	// Data lines, before SkipFooter drops the last of them.
	type dataLine struct {
		text []byte
		no   int
	}
	var lines []dataLine
	for len(data) > 0 {
		var line []byte
		line, data = nextLine(data)
		lineNo++
		if len(lx.split(line)) > 0 {
			lines = append(lines, dataLine{line, lineNo})
		}
	}
	lines = lines[:max(0, len(lines)-opts.SkipFooter)]
	if t.Names != nil && opts.UseCols != nil {
		names := make([]string, 0, len(opts.UseCols))
		for _, c := range opts.UseCols {
			if c < 0 {
				c += len(t.Names)
			}
			if c >= 0 && c < len(t.Names) {
				names = append(names, t.Names[c])
			}
		}
		t.Names = names
	}

	ncols, nfirst := 0, 0
	if len(lines) > 0 {
		nfirst = len(lx.split(lines[0].text))
		ncols = nfirst
	}
	if opts.UseCols != nil {
		ncols = len(opts.UseCols)
	}
	fill := defaultFill[T]()
	switch len(opts.FillingValues) {
	case 0:
	case 1:
		fill = opts.FillingValues[0]
	default:
		if len(opts.FillingValues) != ncols && len(lines) > 0 {
			panicf(op, "%d FillingValues for %d columns; give none, one, or one per column", len(opts.FillingValues), ncols)
		}
	}
	vals := make([]T, 0, len(lines)*ncols)
	miss := make([]bool, 0, len(lines)*ncols)
	isMissing := func(f []byte) bool {
		if len(f) == 0 {
			return true
		}
		for _, m := range opts.MissingValues {
			if string(f) == strings.TrimSpace(m) {
				return true
			}
		}
		return false
	}
	for _, dl := range lines {
		fs := lx.split(dl.text)
		cols := opts.UseCols
		if cols == nil {
			if len(fs) != nfirst {
				return Table[T]{}, &Error{Op: op, Line: dl.no, Err: ndview.ErrShape,
					Msg: fmt.Sprintf("got %d columns instead of %d", len(fs), nfirst)}
			}
		}
		for k := range ncols {
			c := k
			if cols != nil {
				c = cols[k]
				if c < 0 {
					c += len(fs)
				}
				if c < 0 || c >= len(fs) {
					return Table[T]{}, &Error{Op: op, Line: dl.no, Err: ndview.ErrIndex,
						Msg: fmt.Sprintf("UseCols[%d] = %d is outside the %d columns of the line", k, cols[k], len(fs))}
				}
			}
			f := trim(fs[c])
			if isMissing(f) {
				x := fill
				if len(opts.FillingValues) > 1 {
					x = opts.FillingValues[k]
				}
				vals = append(vals, x)
				miss = append(miss, true)
				continue
			}
			x, ok := parse(f)
			if !ok {
				return Table[T]{}, &Error{Op: op, Line: dl.no, Column: c + 1, Err: ErrParse,
					Msg: fmt.Sprintf("could not convert %q to %s; list it in MissingValues if it marks a missing entry", f, dtype)}
			}
			vals = append(vals, x)
			miss = append(miss, false)
		}
	}
	shape := ndminShape(len(lines), max(ncols, 1), opts.NDMin)
	t.Data = ndview.Must(ndview.Must(ndview.FromSlice(vals, len(vals))).Reshape(shape...))
	t.Missing = ndview.Must(ndview.Must(ndview.FromSlice(miss, len(miss))).Reshape(shape...))
	return t, nil
}

// defaultFill is np.genfromtxt's filling value for T: NaN for floats and
// complex numbers (NaN+0j), -1 for signed integers and all ones (-1
// wrapped) for unsigned ones, false for bool.
func defaultFill[T ndview.NumericOrBool]() T {
	var z T
	var r any
	switch any(z).(type) {
	case float64:
		r = math.NaN()
	case float32:
		r = float32(math.NaN())
	case float16.Float16:
		r = float16.NaN()
	case complex128:
		r = complex(math.NaN(), 0)
	case complex64:
		r = complex64(complex(math.NaN(), 0))
	case int:
		r = -1
	case int8:
		r = int8(-1)
	case int16:
		r = int16(-1)
	case int32:
		r = int32(-1)
	case int64:
		r = int64(-1)
	case uint:
		r = ^uint(0)
	case uint8:
		r = ^uint8(0)
	case uint16:
		r = ^uint16(0)
	case uint32:
		r = ^uint32(0)
	case uint64:
		r = ^uint64(0)
	case uintptr:
		r = ^uintptr(0)
	default:
		return z
	}
	return r.(T)
}
