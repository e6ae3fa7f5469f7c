package ndview

import "github.com/ndkit/ndkit/ndview/internal/plan"

// SetMaxThreads sets the most goroutines that one call of a kernel (a large
// CopyFrom, Clone, ToSlice, Convert, ConvertScaled, Exp or Log) may use, and
// returns the previous setting. n <= 0 restores the default, GOMAXPROCS.
// SetMaxThreads(1) keeps every kernel on the calling goroutine.
//
// Work is split only from 8 MiB read plus written, where two goroutines
// pay for themselves (semantics.md P1-P4); results never depend on the
// setting. It is safe to call concurrently with running kernels, which
// read it once per call.
func SetMaxThreads(n int) int { return plan.SetMaxThreads(n) }

// MaxThreads returns the most goroutines that one call of a kernel may use:
// the value given to SetMaxThreads, or GOMAXPROCS.
func MaxThreads() int { return plan.MaxThreads() }
