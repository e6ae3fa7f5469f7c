package textio

// Splitting lines into fields (semantics.md TX2, TX3): comments are cut,
// trailing \r dropped, fields split at runs of blanks or at a delimiter
// string, and, with a quote character, a delimiter or comment inside
// quotes is text ("" is a quote inside quotes).

import (
	"bytes"
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// lexer splits lines into fields. Its scratch space is reused from line to
// line, so that splitting does not allocate per line.
type lexer struct {
	delim    []byte   // nil: runs of blanks
	comments [][]byte // comment markers
	comment1 int      // the byte of a single one-byte marker, or -1
	quote    byte     // 0: no quoting
	fields   [][]byte // the fields of the last line
	unq      []byte   // unquoted text of the last line
}

// newLexer validates the splitting options of op, panicking with
// ndview.ErrShape for an invalid one, and returns a lexer.
func newLexer(op, delimiter string, comments []string, quote byte) *lexer {
	lx := &lexer{comment1: -1, quote: quote}
	if delimiter != "" {
		if bytes.ContainsAny([]byte(delimiter), "\r\n") {
			panicf(op, "Delimiter %q holds a line break; use a string without \\r and \\n", delimiter)
		}
		lx.delim = []byte(delimiter)
	}
	if comments == nil {
		comments = []string{"#"}
	}
	for _, c := range comments {
		if c == "" || bytes.ContainsAny([]byte(c), "\r\n") {
			panicf(op, "comment marker %q is empty or holds a line break", c)
		}
		lx.comments = append(lx.comments, []byte(c))
	}
	if len(comments) == 1 && len(comments[0]) == 1 {
		lx.comment1 = int(comments[0][0])
	}
	if quote != 0 {
		if isBlank(quote) || quote == '\r' || quote == '\n' || bytes.IndexByte(lx.delim, quote) >= 0 {
			panicf(op, "QuoteChar %q is a blank, a line break or part of the delimiter", quote)
		}
	}
	return lx
}

// panicf panics with an *ndview.Error wrapping ndview.ErrShape: an
// invalid option is a mistake of the calling program (semantics.md E2).
func panicf(op, format string, args ...any) {
	panic(&ndview.Error{Op: op, Err: ndview.ErrShape, Msg: fmt.Sprintf(format, args...)})
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\v' || c == '\f' }

// trim strips blanks from both ends of b.
func trim(b []byte) []byte {
	for len(b) > 0 && isBlank(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isBlank(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// cutComment returns line up to its first comment marker.
func (lx *lexer) cutComment(line []byte) []byte {
	if lx.comment1 >= 0 {
		if i := bytes.IndexByte(line, byte(lx.comment1)); i >= 0 {
			return line[:i]
		}
		return line
	}
	end := len(line)
	for _, c := range lx.comments {
		if i := bytes.Index(line[:end], c); i >= 0 {
			end = i
		}
	}
	return line[:end]
}

// split splits one line (without its \n) into lx.fields and returns them;
// a blank line, or one holding only a comment, has no fields. The fields
// alias line or lx's scratch space and are valid until the next call.
func (lx *lexer) split(line []byte) [][]byte {
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	fs := lx.fields[:0]
	if lx.quote != 0 {
		fs = lx.splitQuoted(line, fs)
		lx.fields = fs
		return fs
	}
	line = lx.cutComment(line)
	if lx.delim == nil {
		i := 0
		for {
			for i < len(line) && isBlank(line[i]) {
				i++
			}
			if i == len(line) {
				break
			}
			j := i
			for j < len(line) && !isBlank(line[j]) {
				j++
			}
			fs = append(fs, line[i:j])
			i = j
		}
		lx.fields = fs
		return fs
	}
	if len(trim(line)) == 0 {
		lx.fields = fs
		return fs
	}
	if len(lx.delim) == 1 {
		d := lx.delim[0]
		for {
			i := bytes.IndexByte(line, d)
			if i < 0 {
				break
			}
			fs = append(fs, trim(line[:i]))
			line = line[i+1:]
		}
	} else {
		for {
			i := bytes.Index(line, lx.delim)
			if i < 0 {
				break
			}
			fs = append(fs, trim(line[:i]))
			line = line[i+len(lx.delim):]
		}
	}
	fs = append(fs, trim(line))
	lx.fields = fs
	return fs
}

// splitQuoted is split with a quote character: it walks the line byte by
// byte, so that delimiters and comment markers inside quotes are text.
func (lx *lexer) splitQuoted(line []byte, fs [][]byte) [][]byte {
	buf := lx.unq[:0]
	starts := make([]int, 0, 8) // offsets into buf of each field
	start := 0
	inQuote := false
	blank := true
	i := 0
	endField := func() {
		starts = append(starts, start)
		start = len(buf)
	}
loop:
	for i < len(line) {
		c := line[i]
		switch {
		case inQuote && c == lx.quote:
			if i+1 < len(line) && line[i+1] == lx.quote {
				buf = append(buf, c)
				i += 2
				continue
			}
			inQuote = false
		case inQuote:
			buf = append(buf, c)
		case c == lx.quote:
			inQuote, blank = true, false
		case lx.commentAt(line[i:]):
			break loop
		case lx.delim == nil && isBlank(c):
			if len(buf) > start || !blank {
				endField()
				blank = true
			}
		case lx.delim != nil && bytes.HasPrefix(line[i:], lx.delim):
			endField()
			blank = false
			i += len(lx.delim)
			continue
		default:
			buf = append(buf, c)
			if !isBlank(c) {
				blank = false
			}
		}
		i++
	}
	if len(trim(buf[start:])) > 0 || !blank {
		endField()
	}
	starts = append(starts, len(buf))
	lx.unq = buf
	for k := 0; k+1 < len(starts); k++ {
		f := buf[starts[k]:starts[k+1]:starts[k+1]]
		if lx.delim != nil {
			f = trim(f)
		}
		fs = append(fs, f)
	}
	return fs
}

// commentAt reports whether s starts with a comment marker.
func (lx *lexer) commentAt(s []byte) bool {
	for _, c := range lx.comments {
		if bytes.HasPrefix(s, c) {
			return true
		}
	}
	return false
}
