//go:build !openblas || !cgo

package gemm

// Backend names the library that computes large products: "ndkit", this
// package's own kernels (semantics.md §28, GM7).
const Backend = "ndkit"
