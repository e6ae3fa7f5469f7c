package arrow

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error this package returns is an *Error wrapping
// one of them (or one of ndview's, for a buffer ndview refuses), so callers
// can tell the kind of a failure with errors.Is.
var (
	// ErrNulls reports an array with null slots exported without asking
	// for them (semantics.md AR3): pass AllowNulls and read the validity
	// with Validity.
	ErrNulls = errors.New("array has nulls")
	// ErrUnsupported reports an Arrow type or layout this package does not
	// turn into a view: strings, nested types other than FixedSizeList,
	// dictionaries, bit-packed booleans as views, non-native byte order.
	ErrUnsupported = errors.New("unsupported arrow data")
	// ErrFormat reports a malformed Arrow IPC file or stream: a bad magic
	// string, a truncated or corrupted message, a footer that disagrees
	// with the data, a buffer outside the body of its message.
	ErrFormat = errors.New("malformed arrow data")
	// ErrExported reports a Close refused because buffers exported from the
	// file's arrays are not yet released: CPython's "BufferError: Existing
	// exports of data".
	ErrExported = errors.New("existing exports of data")
	// ErrClosed reports the use of a closed file.
	ErrClosed = errors.New("use of closed arrow file")
	// ErrIO reports a file that cannot be opened or mapped, or a writer
	// that failed; the error's Cause is the underlying error.
	ErrIO = errors.New("arrow i/o failed")
)

// Error is the error type of this package: the operation that failed, the
// sentinel that classifies the failure, a message saying what was wrong,
// and the underlying error when there is one (an I/O error, an error of
// arrow-go's reader, an error of ndview).
type Error struct {
	Op    string // the operation, such as "Map" or "ExportBuffer"
	Err   error  // one of the sentinel errors
	Msg   string // what was wrong, and what would be valid
	Cause error  // the underlying error, or nil
}

// Error returns "arrow: Op: Msg", followed by the cause when there is one.
func (e *Error) Error() string {
	s := "arrow: " + e.Op + ": " + e.Msg
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

// Unwrap returns the sentinel error and the cause, when set.
func (e *Error) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Err, e.Cause}
	}
	return []error{e.Err}
}

// errorf builds an *Error of the given kind.
func errorf(op string, kind error, format string, args ...any) *Error {
	return &Error{Op: op, Err: kind, Msg: fmt.Sprintf(format, args...)}
}

// wrapf builds an *Error of the given kind with an underlying cause.
func wrapf(op string, kind, cause error, format string, args ...any) *Error {
	return &Error{Op: op, Err: kind, Msg: fmt.Sprintf(format, args...), Cause: cause}
}
