package random

import (
	"errors"
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

// ErrParam reports a distribution parameter outside its domain (a negative
// scale, a probability outside [0, 1], an empty integer interval, ...):
// where NumPy raises ValueError. Panics and errors of this package are
// *ndview.Error values wrapping ErrParam or one of ndview's sentinels, so
// errors.Is classifies them (semantics.md RG9).
var ErrParam = errors.New("invalid parameter")

// newError builds the *ndview.Error of operation op of this package.
func newError(op string, kind error, format string, args ...any) *ndview.Error {
	return &ndview.Error{Op: "random." + op, Err: kind, Msg: fmt.Sprintf(format, args...)}
}

// panicf panics with newError's value.
//
//go:noinline
func panicf(op string, kind error, format string, args ...any) {
	panic(newError(op, kind, format, args...))
}
