// Package errs defines ndview's error values: the sentinels, the *Error
// and *IndexError types, and the one shape formatter every message uses.
// Package ndview re-exports them; the internal packages build them.
package errs

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this package, and every value it
// panics with, wraps exactly one of them, so callers can test the kind of a
// failure with errors.Is, also after recover.
var (
	// ErrShape reports a shape that is invalid (a negative extent, a rank
	// above MaxRank) or that does not fit the data or another shape.
	ErrShape = errors.New("invalid shape")
	// ErrOverflow reports a shape, stride or offset whose arithmetic
	// overflows int.
	ErrOverflow = errors.New("integer overflow")
	// ErrBounds reports a layout that would reach outside its backing data.
	ErrBounds = errors.New("out of bounds")
	// ErrLayout reports a layout an operation cannot express without a copy,
	// such as a reshape of a non-contiguous view.
	ErrLayout = errors.New("incompatible layout")
	// ErrIndex reports an index outside an axis, or a malformed index
	// expression.
	ErrIndex = errors.New("index error")
	// ErrAxis reports an axis number outside [-ndim, ndim), a repeated axis
	// or a wrong permutation.
	ErrAxis = errors.New("axis error")
	// ErrReadOnly reports a write to a read-only view.
	ErrReadOnly = errors.New("read-only view")
	// ErrAlign reports memory whose address is not aligned for the element
	// type it is asked to hold.
	ErrAlign = errors.New("misaligned memory")
	// ErrType reports an element type an operation cannot handle, such as a
	// type holding pointers in a reinterpreting cast.
	ErrType = errors.New("unsupported element type")
)

// Error is the error type of this package: the operation that failed, the
// sentinel that classifies the failure, and a message saying what was wrong
// and what would be valid.
type Error struct {
	Op  string // the operation, such as "Reshape" or "Wrap"
	Err error  // one of the sentinel errors
	Msg string // what was wrong, and what would be valid
}

// Error returns "ndview: Op: Msg".
func (e *Error) Error() string { return "ndview: " + e.Op + ": " + e.Msg }

// Unwrap returns the sentinel error.
func (e *Error) Unwrap() error { return e.Err }

// IndexError is the panic value of element access with an index outside its
// axis. It unwraps to ErrIndex.
type IndexError struct {
	Op    string // the operation, such as "At"
	Axis  int    // the axis indexed
	Index int    // the index given
	Shape []int  // the shape of the view
}

// Error returns a message naming the operation, index, axis and shape,
// with the shape written as NumPy writes it, like every other message:
// "ndview: At: index 7 out of range for axis 1 of size 4 (shape (3, 4))".
func (e *IndexError) Error() string {
	size := 0
	if e.Axis >= 0 && e.Axis < len(e.Shape) {
		size = e.Shape[e.Axis]
	}
	return fmt.Sprintf("ndview: %s: index %d out of range for axis %d of size %d (shape %s)",
		e.Op, e.Index, e.Axis, size, FormatShape(e.Shape))
}

// Unwrap returns ErrIndex.
func (e *IndexError) Unwrap() error { return ErrIndex }

// Errorf builds an *Error.
func Errorf(op string, kind error, format string, args ...any) *Error {
	return &Error{Op: op, Err: kind, Msg: fmt.Sprintf(format, args...)}
}

// Panicf panics with an *Error. It is kept out of line so that the callers'
// fast paths stay small enough to inline.
//
//go:noinline
func Panicf(op string, kind error, format string, args ...any) {
	panic(Errorf(op, kind, format, args...))
}

// FormatShape writes a shape as NumPy does: (2, 3), (5,) or ().
func FormatShape(shape []int) string {
	switch len(shape) {
	case 0:
		return "()"
	case 1:
		return fmt.Sprintf("(%d,)", shape[0])
	}
	b := []byte{'('}
	for i, n := range shape {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = fmt.Appendf(b, "%d", n)
	}
	return string(append(b, ')'))
}
