package zarr

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
)

// Sentinel errors. Every error this package returns is an *Error wrapping
// exactly one of them, so callers can test the kind of a failure with
// errors.Is.
var (
	// ErrFormat reports malformed metadata or chunk data: bad JSON, a
	// missing or ill-typed field, a negative or overflowing shape, a chunk
	// of the wrong size, truncated compressed data, a shard index pointing
	// outside its shard.
	ErrFormat = errors.New("malformed zarr data")
	// ErrUnsupported reports valid Zarr this package does not handle: an
	// unknown codec, data type or extension that must be understood.
	ErrUnsupported = errors.New("unsupported zarr feature")
	// ErrChecksum reports a checksum (crc32c) that does not match its data.
	ErrChecksum = errors.New("checksum mismatch")
	// ErrDType reports an element type that does not match the array's
	// data type.
	ErrDType = errors.New("element type does not match the data type")
	// ErrRegion reports a region that is malformed or outside the array,
	// or a destination or source whose shape does not match the region.
	ErrRegion = errors.New("bad region")
	// ErrNotFound reports a key absent from a store. It wraps
	// fs.ErrNotExist, so errors.Is(err, fs.ErrNotExist) holds too.
	ErrNotFound = fmt.Errorf("key not found: %w", fs.ErrNotExist)
	// ErrReadOnly reports a write to a read-only store (zip, HTTP).
	ErrReadOnly = errors.New("read-only store")
)

// Error is the error type of this package: the operation, the store path
// (key) it concerns, the sentinel that classifies the failure, and a
// message saying what was wrong.
type Error struct {
	Op    string // the operation, such as "Open" or "Read"
	Path  string // the store key concerned, such as "temp/.zarray" or "temp/c/0/1"
	Err   error  // one of the sentinel errors
	Msg   string // what was wrong, and what would be valid
	Cause error  // an underlying error (I/O, JSON, decompression), or nil
}

// Error returns "zarr: Op Path: Msg".
func (e *Error) Error() string {
	s := "zarr: " + e.Op
	if e.Path != "" {
		s += " " + e.Path
	}
	s += ": " + e.Msg
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

// Unwrap returns the sentinel error and the cause, if any.
func (e *Error) Unwrap() []error {
	if e.Cause != nil {
		return []error{e.Err, e.Cause}
	}
	return []error{e.Err}
}

func errorf(op, path string, kind error, format string, args ...any) *Error {
	return &Error{Op: op, Path: path, Err: kind, Msg: fmt.Sprintf(format, args...)}
}

func wrapf(op, path string, kind, cause error, format string, args ...any) *Error {
	return &Error{Op: op, Path: path, Err: kind, Msg: fmt.Sprintf(format, args...), Cause: cause}
}

// withPath returns err with Op and Path set when it is an *Error that has
// none yet (codecs build errors without knowing the key); other errors are
// wrapped as ErrFormat.
func withPath(op, path string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err // the caller's own cancellation, passed on as it is
	}
	var e *Error
	if errors.As(err, &e) {
		return &Error{Op: cmp.Or(e.Op, op), Path: cmp.Or(e.Path, path), Err: e.Err, Msg: e.Msg, Cause: e.Cause}
	}
	return wrapf(op, path, ErrFormat, err, "reading failed")
}
