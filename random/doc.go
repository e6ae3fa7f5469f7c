// Package random draws random samples into ndview arrays with NumPy's
// generator: seeded alike, it gives NumPy 1.24's numbers bit for bit.
//
//	g := random.New(42)              // np.random.default_rng(42)
//	x := g.StandardNormal(1000, 3)   // rng.standard_normal((1000, 3))
//	g.UniformInto(v.T(), -1, 1)      // rng.uniform(-1, 1, out=...) into a view
//
// # The generator
//
// New(seed) is numpy.random.default_rng(seed): a PCG64 bit generator
// (NumPy's 128-bit LCG with the XSL-RR output, which is not math/rand/v2's
// PCG) seeded through NumPy's SeedSequence. SeedSequence.Spawn and
// PCG64.Jumped give independent streams; PCG64.Advance skips ahead.
//
// Each distribution is a method X that returns a new C-contiguous array
// of the given shape, and XInto, which fills any writable view, in C order
// of its logical indices, so that a transposed or strided destination
// holds at each index what NumPy's array holds there. Methods cannot have
// type parameters in Go, so the integer draws of every width are the
// functions IntegersOf and IntegersOfInto, and the shuffles of any element
// type Shuffle, PermutationOf and ChoiceOf.
//
// # Bit-identity
//
// Every sampler follows NumPy's C code (numpy/random/src/distributions)
// operation by operation: the ziggurats for normals and exponentials with
// NumPy's tables, Lemire's bounded integers with NumPy's buffers, the
// 32-bit halves of 64-bit draws kept between calls, the rejection loops
// of gamma, beta, binomial and Poisson. Where NumPy calls exp, log, log1p
// or pow (and their float32 twins), these come from internal/libm, which
// returns glibc's results bit for bit (Go's package math differs from
// glibc in the last bit for up to 40% of inputs). The reference is NumPy
// on glibc for x86-64 with FMA; the tests compare with NumPy's own streams
// (testdata/streams.json, written by testdata/streams_gen.py). The one
// exception is MultivariateNormal, whose SVD comes from gonum: its
// normal draws are NumPy's, its samples agree to rounding (semantics.md
// RG8).
//
// # Errors
//
// A distribution parameter outside its domain (a negative scale, p
// outside [0, 1], an empty integer interval) is a mistake of the calling
// program and panics, before anything is drawn, with an *ndview.Error
// wrapping ErrParam (NumPy raises ValueError). A read-only destination
// panics with ndview.ErrReadOnly, a negative extent with ndview.ErrShape,
// a bad axis with ndview.ErrAxis. Choice's probabilities and
// MultivariateNormal's covariance are data: their faults come back as
// errors wrapping ErrParam, with nothing drawn or written. The rules are
// semantics.md §21.
//
// A Generator is not safe for concurrent use.
package random
