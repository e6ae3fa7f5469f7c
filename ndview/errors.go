package ndview

// The error values of the package (semantics.md E1-E4). They are defined in
// internal/errs so that the internal packages can build them; these names
// are the public ones.

import "github.com/ndkit/ndkit/ndview/internal/errs"

// Sentinel errors. Every error returned by this package, and every value it
// panics with, wraps exactly one of them, so callers can test the kind of a
// failure with errors.Is, also after recover.
var (
	// ErrShape reports a shape that is invalid (a negative extent, a rank
	// above MaxRank) or that does not fit the data or another shape.
	ErrShape = errs.ErrShape
	// ErrOverflow reports a shape, stride or offset whose arithmetic
	// overflows int.
	ErrOverflow = errs.ErrOverflow
	// ErrBounds reports a layout that would reach outside its backing data.
	ErrBounds = errs.ErrBounds
	// ErrLayout reports a layout an operation cannot express without a copy,
	// such as a reshape of a non-contiguous view.
	ErrLayout = errs.ErrLayout
	// ErrIndex reports an index outside an axis, or a malformed index
	// expression.
	ErrIndex = errs.ErrIndex
	// ErrAxis reports an axis number outside [-ndim, ndim), a repeated axis
	// or a wrong permutation.
	ErrAxis = errs.ErrAxis
	// ErrReadOnly reports a write to a read-only view.
	ErrReadOnly = errs.ErrReadOnly
	// ErrAlign reports memory whose address is not aligned for the element
	// type it is asked to hold.
	ErrAlign = errs.ErrAlign
	// ErrType reports an element type an operation cannot handle, such as a
	// type holding pointers in a reinterpreting cast.
	ErrType = errs.ErrType
)

// Error is the error type of this package: the operation that failed, the
// sentinel that classifies the failure, and a message saying what was wrong
// and what would be valid. Its Error method returns "ndview: Op: Msg" and
// its Unwrap method the sentinel. Values are never modified once made.
type Error = errs.Error

// IndexError is the panic value of element access with an index outside its
// axis: the operation, the axis, the index and the shape of the view. It
// unwraps to ErrIndex.
type IndexError = errs.IndexError

// errorf builds an *Error (errs.Errorf).
func errorf(op string, kind error, format string, args ...any) *Error {
	return errs.Errorf(op, kind, format, args...)
}

// panicf panics with an *Error (errs.Panicf, kept out of line).
func panicf(op string, kind error, format string, args ...any) {
	errs.Panicf(op, kind, format, args...)
}

// FormatShape writes a shape, or strides, as NumPy writes a tuple and as
// every message of ndkit does: (2, 3), (5,) or (). Packages that report
// their own failures as *Error values use it, so that their messages write
// shapes as this package's do.
func FormatShape(shape []int) string { return errs.FormatShape(shape) }

// formatShape is FormatShape, under the name the package's files use.
func formatShape(shape []int) string { return errs.FormatShape(shape) }
