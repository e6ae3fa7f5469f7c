package textio

import (
	"errors"
	"fmt"
)

// ErrParse reports a field that is not a number of the element type: "4x"
// as float64, "1.5" as an integer, "300" as int8, an empty field.
var ErrParse = errors.New("unparsable field")

// Error is the error type of this package's returned errors: the
// operation, the 1-based line of the input (counting every line, comments
// and blank lines included) and, where one field is at fault, its 1-based
// column (0 otherwise), a sentinel and a message saying what was expected.
//
// Err is ErrParse for a field that does not parse, ndview.ErrShape for a
// line with the wrong number of columns, ndview.ErrIndex for a UseCols
// entry outside a line, or nil for an I/O error, which is then Cause.
type Error struct {
	Op     string // "LoadTxt", "GenFromTxt" or "SaveTxt"
	Line   int    // 1-based line number, 0 if no line is at fault
	Column int    // 1-based column number, 0 if no field is at fault
	Err    error  // ErrParse, ndview.ErrShape, ndview.ErrIndex, or nil
	Msg    string // what was wrong, and what would be valid
	Cause  error  // the underlying I/O error, or nil
}

// Error returns "textio: Op: line L, column C: Msg".
func (e *Error) Error() string {
	s := "textio: " + e.Op + ": "
	switch {
	case e.Line > 0 && e.Column > 0:
		s += fmt.Sprintf("line %d, column %d: ", e.Line, e.Column)
	case e.Line > 0:
		s += fmt.Sprintf("line %d: ", e.Line)
	}
	s += e.Msg
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

// Unwrap returns the sentinel and the cause, so errors.Is finds either.
func (e *Error) Unwrap() []error {
	var r []error
	if e.Err != nil {
		r = append(r, e.Err)
	}
	if e.Cause != nil {
		r = append(r, e.Cause)
	}
	return r
}
