package npy

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this package wraps exactly one
// of them, so callers can tell the kind of a failure with errors.Is.
var (
	// ErrFormat reports data that is not a well-formed .npy file or .npz
	// archive: a wrong magic string, a truncated header or truncated data,
	// a malformed header dictionary, negative or overflowing extents.
	ErrFormat = errors.New("malformed npy data")
	// ErrUnsupported reports a well-formed file this package does not
	// handle: a format version other than 1.0, 2.0 and 3.0, object
	// (pickled), structured, string or date-time dtypes, byte orders other
	// than the host's for a memory mapping.
	ErrUnsupported = errors.New("unsupported npy content")
	// ErrDType reports a file whose dtype does not match the element type
	// it is read as.
	ErrDType = errors.New("dtype mismatch")
	// ErrShape reports a file whose shape differs from the shape of the
	// destination it is read into (ReadInto, LoadInto).
	ErrShape = errors.New("shape mismatch")
	// ErrClosed reports the use of a closed archive.
	ErrClosed = errors.New("use of closed archive")
)

// Error is the error type of this package: the operation that failed, the
// sentinel that classifies the failure, a message saying what was wrong,
// and the underlying error if there is one (an I/O error, or
// io.ErrUnexpectedEOF for truncated data).
type Error struct {
	Op    string // the operation, such as "Read" or "Map"
	Err   error  // one of the sentinel errors, or nil for a plain I/O error
	Msg   string // what was wrong, and what would be valid
	Cause error  // the underlying error, or nil
}

// Error returns "npy: Op: Msg".
func (e *Error) Error() string {
	if e.Cause != nil && e.Msg == "" {
		return "npy: " + e.Op + ": " + e.Cause.Error()
	}
	return "npy: " + e.Op + ": " + e.Msg
}

// Unwrap returns the sentinel error and the underlying error, when set.
func (e *Error) Unwrap() []error {
	errs := make([]error, 0, 2)
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

// wrapf builds an *Error of the given kind with an underlying cause; the
// message is followed by the cause's text.
func wrapf(op string, kind, cause error, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	if cause != nil {
		msg += ": " + cause.Error()
	}
	return &Error{Op: op, Err: kind, Msg: msg, Cause: cause}
}
