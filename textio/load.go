package textio

// LoadTxt (semantics.md TX1-TX9): the whole input is read into memory, the
// first data line fixes the number of columns, and the rest is cut into
// chunks at line breaks that are parsed in parallel, each into a buffer of
// its own that grows by doubling (so allocations do not grow with the
// number of lines), and then joined.

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/ndkit/ndkit/ndview"
)

// LoadTxtOptions are the options of LoadTxt, after np.loadtxt's keyword
// arguments. The zero value reads a whitespace-separated table with #
// comments.
type LoadTxtOptions struct {
	// Delimiter separates fields; "" (the default) splits at runs of
	// blanks (space, tab, \v, \f). With a delimiter, blanks around each
	// field are stripped and an empty field is an error.
	Delimiter string
	// Comments are the markers that start a comment, which runs to the end
	// of the line. nil means {"#"}; an empty, non-nil slice means no
	// comments.
	Comments []string
	// SkipRows is the number of lines skipped at the start, whatever they
	// hold (np.loadtxt's skiprows).
	SkipRows int
	// UseCols lists the columns to read, in order; negative numbers count
	// from the end of each line; nil reads every column.
	UseCols []int
	// MaxRows is the largest number of data rows read after SkipRows
	// (blank and comment lines do not count); 0 reads them all.
	MaxRows int
	// NDMin is the least number of axes of the result: 0, 1 or 2, as in
	// np.loadtxt (see LoadTxt).
	NDMin int
	// QuoteChar, if not 0, quotes fields: delimiters and comment markers
	// between two of them are text, and a doubled one is the character
	// itself.
	QuoteChar byte
	// Unpack returns the transpose of the result, a view, so that its rows
	// are the columns of the file (np.loadtxt's unpack=True).
	Unpack bool
}

// parallelMin is the input size below which LoadTxt parses in one
// goroutine.
const parallelMin = 1 << 20

// LoadTxt reads a table of numbers from r into a new array, as
// np.loadtxt(r, dtype=T, ...) does in NumPy 1.24.
//
// Each data line (a line that is not blank once its comment is cut) is one
// row; every row must have the number of columns of the first (or hold
// every column UseCols names). Fields are parsed as NumPy parses them:
// floats as Python's float() reads them (nan, inf, -inf in any case;
// values beyond the range become ±Inf or 0), integers as decimal integers
// that fit the type (no "1.5", no "1e3"), complex numbers as 1+2j, 2j or
// (1-2j), bools as integers (non-zero is true).
//
// The result has shape (rows, columns) with extents of 1 squeezed away
// when NDMin allows: a single row or column gives a 1-D array, a single
// value a 0-d array (NDMin 0), at least 1-D (NDMin 1), and with NDMin 2 a
// single row is (1, n) and a single column (n, 1). No data gives an empty
// array of shape (0,) or, with NDMin 2, (0, 1), and no error. With Unpack
// the result is the transpose of that array, a view of it.
//
// LoadTxt returns an *Error naming the line and column for a field that
// does not parse (ErrParse), a line with a different number of columns
// (ndview.ErrShape) or a UseCols entry outside a line (ndview.ErrIndex),
// and an *Error with the cause for a read error. It panics with an
// *ndview.Error for invalid options: a negative SkipRows or MaxRows, an
// NDMin other than 0, 1 and 2, a delimiter with a line break, an empty
// comment marker, a blank QuoteChar, or an element type with no parser
// (types defined over a predeclared one, other than float16.Float16).
func LoadTxt[T ndview.NumericOrBool](r io.Reader, opts LoadTxtOptions) (ndview.NDView[T], error) {
	l := newLoader[T]("LoadTxt", opts)
	data, err := io.ReadAll(r)
	if err != nil {
		return ndview.NDView[T]{}, &Error{Op: "LoadTxt", Msg: "reading", Cause: err}
	}
	return l.load(data)
}

// LoadTxtFile reads the file at path as LoadTxt reads a reader. It returns
// the error of os.ReadFile, wrapped in an *Error, if the file cannot be
// read.
func LoadTxtFile[T ndview.NumericOrBool](path string, opts LoadTxtOptions) (ndview.NDView[T], error) {
	l := newLoader[T]("LoadTxt", opts)
	data, err := os.ReadFile(path)
	if err != nil {
		return ndview.NDView[T]{}, &Error{Op: "LoadTxt", Msg: "reading " + path, Cause: err}
	}
	return l.load(data)
}

// loader holds the validated options of one LoadTxt call.
type loader[T ndview.NumericOrBool] struct {
	op    string
	opts  LoadTxtOptions
	parse fieldParser[T]
	dtype string
	// fast parses a whole line of plain numbers into its argument, which
	// has room for one row, and reports whether it could (nil: no fast
	// path for T or these options).
	fast func(line []byte, dst []T) bool
}

func newLoader[T ndview.NumericOrBool](op string, opts LoadTxtOptions) *loader[T] {
	if opts.SkipRows < 0 {
		panicf(op, "SkipRows = %d; it must be at least 0", opts.SkipRows)
	}
	if opts.MaxRows < 0 {
		panicf(op, "MaxRows = %d; it must be at least 0 (0 reads every row)", opts.MaxRows)
	}
	if opts.NDMin < 0 || opts.NDMin > 2 {
		panicf(op, "NDMin = %d; it must be 0, 1 or 2", opts.NDMin)
	}
	newLexer(op, opts.Delimiter, opts.Comments, opts.QuoteChar) // validates
	p, name := parserFor[T](op)
	l := &loader[T]{op: op, opts: opts, parse: p, dtype: name}
	comment := -1
	if opts.Comments == nil {
		comment = '#'
	} else if len(opts.Comments) == 1 && len(opts.Comments[0]) == 1 {
		comment = int(opts.Comments[0][0])
	}
	d := opts.Delimiter
	simple := opts.QuoteChar == 0 && opts.UseCols == nil && (len(opts.Comments) <= 1 || opts.Comments == nil) &&
		(d == "" || (len(d) == 1 && !isBlank(d[0]) && int(d[0]) != comment && (d[0] < '0' || d[0] > '9') && strings.IndexByte(".+-eE", d[0]) < 0))
	if opts.Comments != nil && len(opts.Comments) == 1 && comment < 0 {
		simple = false
	}
	if _, ok := any(*new(T)).(float64); ok && simple {
		var delim byte
		if d != "" {
			delim = d[0]
		}
		f := func(line []byte, dst []float64) bool { return fastLine(line, delim, comment, dst) }
		l.fast = any(f).(func([]byte, []T) bool)
	}
	return l
}

func (l *loader[T]) lexer() *lexer {
	return newLexer(l.op, l.opts.Delimiter, l.opts.Comments, l.opts.QuoteChar)
}

// skipLines returns data past its first n lines.
func skipLines(data []byte, n int) []byte {
	for ; n > 0 && len(data) > 0; n-- {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			return data[len(data):]
		}
		data = data[i+1:]
	}
	return data
}

// nextLine splits data into its first line (without \n) and the rest.
func nextLine(data []byte) (line, rest []byte) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return data[:i], data[i+1:]
	}
	return data, data[len(data):]
}

// chunkResult is what one chunk's parse produced.
type chunkResult[T any] struct {
	rows int
	err  *Error // Line counts lines from the start of the chunk (1-based)
}

func (l *loader[T]) load(data []byte) (ndview.NDView[T], error) {
	data = skipLines(data, l.opts.SkipRows)
	firstLine := l.opts.SkipRows + 1

	// The first data line fixes the number of columns.
	lx := l.lexer()
	rest := data
	ncols, nfirst := 0, 0
	for len(rest) > 0 {
		line, r := nextLine(rest)
		if fs := lx.split(line); len(fs) > 0 {
			nfirst = len(fs)
			break
		}
		rest = r
		firstLine++
	}
	ncols = nfirst
	if l.opts.UseCols != nil {
		ncols = len(l.opts.UseCols)
	}
	if nfirst == 0 || ncols == 0 {
		return l.shape(nil, 0, max(ncols, 1)), nil
	}

	// Each chunk parses into its own stretch of one array, sized for one
	// row per line; the stretches are then moved together.
	starts := []int{0}
	if l.opts.MaxRows == 0 && len(rest) >= parallelMin && runtime.GOMAXPROCS(0) > 1 {
		starts = chunkStarts(rest, 4*runtime.GOMAXPROCS(0))
	}
	ends := append(starts[1:len(starts):len(starts)], len(rest))
	offs := make([]int, len(starts)+1)
	for k := range starts {
		lines := bytes.Count(rest[starts[k]:ends[k]], []byte{'\n'}) + 1
		if l.opts.MaxRows > 0 {
			lines = min(lines, l.opts.MaxRows)
		}
		if lines > (math.MaxInt-offs[k])/ncols {
			return ndview.NDView[T]{}, &Error{Op: l.op, Line: firstLine, Err: ndview.ErrOverflow,
				Msg: fmt.Sprintf("%d columns on up to %d lines overflow int", ncols, lines)}
		}
		offs[k+1] = offs[k] + lines*ncols
	}
	out := make([]T, offs[len(starts)])
	res := make([]chunkResult[T], len(starts))
	parse := func(k int, lx *lexer) {
		res[k] = l.parseChunk(lx, rest[starts[k]:ends[k]], nfirst, ncols, l.opts.MaxRows, out[offs[k]:offs[k]:offs[k+1]])
	}
	if len(starts) == 1 {
		parse(0, lx)
	} else {
		var wg sync.WaitGroup
		for k := range starts {
			wg.Go(func() { parse(k, l.lexer()) })
		}
		wg.Wait()
	}

	rows := 0
	for k := range res {
		if e := res[k].err; e != nil {
			e.Line += firstLine - 1 + bytes.Count(rest[:starts[k]], []byte{'\n'})
			return ndview.NDView[T]{}, e
		}
		copy(out[rows*ncols:], out[offs[k]:offs[k]+res[k].rows*ncols])
		rows += res[k].rows
	}
	return l.shape(out[:rows*ncols:rows*ncols], rows, ncols), nil
}

// chunkStarts cuts data into about n chunks that start at line starts and
// returns their offsets.
func chunkStarts(data []byte, n int) []int {
	starts := []int{0}
	size := len(data) / n
	for pos := size; pos < len(data); pos += size {
		i := bytes.IndexByte(data[pos:], '\n')
		if i < 0 || pos+i+1 >= len(data) {
			break
		}
		pos += i + 1
		if pos > starts[len(starts)-1] {
			starts = append(starts, pos)
		}
	}
	return starts
}

// parseChunk parses the lines of chunk into vals, which has room for
// ncols values per line: each row must have nfirst fields (without
// UseCols), and ncols values are kept per row. maxRows > 0 stops after
// that many rows.
func (l *loader[T]) parseChunk(lx *lexer, chunk []byte, nfirst, ncols, maxRows int, vals []T) chunkResult[T] {
	var r chunkResult[T]
	use := l.opts.UseCols
	lineNo := 0
	for len(chunk) > 0 && (maxRows == 0 || r.rows < maxRows) {
		var line []byte
		line, chunk = nextLine(chunk)
		lineNo++
		if l.fast != nil {
			n := len(vals)
			if l.fast(line, vals[n:n+ncols]) {
				vals = vals[:n+ncols]
				r.rows++
				continue
			}
		}
		fs := lx.split(line)
		if len(fs) == 0 {
			continue
		}
		if use == nil {
			if len(fs) != nfirst {
				r.err = &Error{Op: l.op, Line: lineNo, Err: ndview.ErrShape,
					Msg: fmt.Sprintf("the number of columns changed from %d to %d; every row needs %d (or use UseCols to read a subset)", nfirst, len(fs), nfirst)}
				return r
			}
			for c, f := range fs {
				x, ok := l.parse(f)
				if !ok {
					r.err = l.parseError(lineNo, c, f)
					return r
				}
				vals = append(vals, x)
			}
		} else {
			for k, c := range use {
				cc := c
				if cc < 0 {
					cc += len(fs)
				}
				if cc < 0 || cc >= len(fs) {
					r.err = &Error{Op: l.op, Line: lineNo, Err: ndview.ErrIndex,
						Msg: fmt.Sprintf("UseCols[%d] = %d is outside the %d columns of the line; valid columns are %d to %d", k, c, len(fs), -len(fs), len(fs)-1)}
					return r
				}
				x, ok := l.parse(fs[cc])
				if !ok {
					r.err = l.parseError(lineNo, cc, fs[cc])
					return r
				}
				vals = append(vals, x)
			}
		}
		r.rows++
	}
	return r
}

// parseError is the error of field f in 0-based column c.
func (l *loader[T]) parseError(line, c int, f []byte) *Error {
	return &Error{Op: l.op, Line: line, Column: c + 1, Err: ErrParse,
		Msg: fmt.Sprintf("could not convert %q to %s", f, l.dtype)}
}

// shape gives the rows × ncols values the shape np.loadtxt gives them
// (NDMin, Unpack).
func (l *loader[T]) shape(vals []T, rows, ncols int) ndview.NDView[T] {
	if vals == nil {
		vals = []T{}
	}
	v := ndview.Must(ndview.FromSlice(vals, len(vals)))
	v = ndview.Must(v.Reshape(ndminShape(rows, ncols, l.opts.NDMin)...))
	if l.opts.Unpack {
		v = v.T()
	}
	return v
}

// ndminShape is the shape NumPy gives a (rows, cols) table for ndmin:
// squeezed of extents 1 when it has more than ndmin axes, then at least
// 1-D, or at least 2-D as a column.
func ndminShape(rows, cols, ndmin int) []int {
	s := []int{rows, cols}
	if len(s) > ndmin {
		s = s[:0]
		for _, n := range []int{rows, cols} {
			if n != 1 {
				s = append(s, n)
			}
		}
	}
	switch {
	case len(s) >= ndmin:
	case ndmin == 1:
		s = []int{1}
	case len(s) == 0:
		s = []int{1, 1}
	default:
		s = []int{s[0], 1}
	}
	return s
}
