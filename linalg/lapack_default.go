//go:build !openblas || !cgo

package linalg

import "github.com/ndkit/ndkit/linalg/internal/blocked"

// lapackImpl is gonum's pure-Go LAPACK with the blocked drivers of
// package blocked, whose level-3 updates run on ndkit's GEMM
// (semantics.md §34, LP1).
type lapackImpl = blocked.Implementation

// LAPACKBackend names the LAPACK behind the decompositions and solvers:
// "gonum+ndkit" (gonum's pure-Go LAPACK, its LU, Cholesky and QR driven by
// ndkit's GEMM) in the default build, "openblas" under the openblas build
// tag (semantics.md §34).
const LAPACKBackend = "gonum+ndkit"
