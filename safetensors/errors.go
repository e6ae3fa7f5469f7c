package safetensors

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error this package returns wraps one of them (and
// ndview.ErrType for a type mismatch), so callers can tell failures apart
// with errors.Is.
var (
	// ErrHeader reports a file the official implementation refuses: a
	// length prefix missing, above its limit (100,000,000 bytes) or beyond
	// the end of the file; a header that is not UTF-8, not JSON, or not an
	// object of tensor entries; an unknown dtype; a shape whose size
	// overflows or does not match the byte range; byte ranges that overlap,
	// leave a hole, or do not end at the end of the file. Also duplicate
	// names (which the official implementation lets the last one win).
	ErrHeader = errors.New("malformed safetensors header")
	// ErrNotFound reports a tensor name the file does not hold.
	ErrNotFound = errors.New("no such tensor")
	// ErrUnsupported reports what this package does not do: a tensor of a
	// dtype without element type read as a view, a big-endian host,
	// memory mapping on a platform without it, a view whose element type
	// has no dtype handed to a Writer.
	ErrUnsupported = errors.New("unsupported safetensors content")
	// ErrClosed reports the use of a closed File.
	ErrClosed = errors.New("use of closed safetensors file")
)

// Error is the error type of this package: the operation, the sentinel
// that classifies the failure, what was wrong, and the underlying error.
type Error struct {
	Op    string // the operation, such as "Parse" or "Tensor"
	Err   error  // the sentinel, or nil for a plain I/O error
	Msg   string // what was wrong, and what would be valid
	Cause error  // the underlying error, or nil
}

// Error returns "safetensors: Op: Msg".
func (e *Error) Error() string { return "safetensors: " + e.Op + ": " + e.Msg }

// Unwrap returns the sentinel and the underlying error, when set.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	if e.Cause != nil {
		errs = append(errs, e.Cause)
	}
	return errs
}

// errorf builds an *Error of the given kind.
func errorf(op string, kind error, format string, args ...any) *Error {
	return &Error{Op: op, Err: kind, Msg: fmt.Sprintf(format, args...)}
}

// wrapf builds an *Error of the given kind with a cause, whose text
// follows the message.
func wrapf(op string, kind, cause error, format string, args ...any) *Error {
	return &Error{Op: op, Err: kind, Msg: fmt.Sprintf(format, args...) + ": " + cause.Error(), Cause: cause}
}
