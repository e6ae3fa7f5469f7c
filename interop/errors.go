package interop

import (
	"errors"
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// errorf returns an *ndview.Error for operation op of this package, wrapping
// the ndview sentinel kind, so that errors.Is classifies interop failures
// exactly like those of package ndview.
func errorf(op string, kind error, format string, args ...any) error {
	return &ndview.Error{Op: "interop." + op, Err: kind, Msg: fmt.Sprintf(format, args...)}
}

// panicf panics with an *ndview.Error built like errorf's. It is kept out of
// line so that its callers stay small.
//
//go:noinline
func panicf(op string, kind error, format string, args ...any) {
	panic(errorf(op, kind, format, args...))
}

// rewrap returns err, the error of an ndview constructor refusing a layout
// read from a gonum or image value, as an error of operation op saying which
// value was at fault. It keeps err's sentinel.
func rewrap(op, what string, err error) error {
	kind, msg := ndview.ErrBounds, err.Error()
	var e *ndview.Error
	if errors.As(err, &e) {
		kind, msg = e.Err, e.Msg
	}
	return errorf(op, kind, "%s does not fit its storage: %s", what, msg)
}

// fmtLayout formats a layout description.
func fmtLayout(format string, args ...any) string { return fmt.Sprintf(format, args...) }
