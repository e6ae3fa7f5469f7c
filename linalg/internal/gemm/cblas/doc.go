// Package cblas calls the system's OpenBLAS through its CBLAS interface,
// with cgo, under the openblas build tag (semantics.md §28, GM7); without
// the tag it is empty. It lives apart from package gemm because a Go
// package cannot hold both cgo and Go assembly.
package cblas
