// Package simd holds the vector loops of ndview's kernels: AVX2 and
// AVX-512 assembly for amd64, generated with avo from gen/main.go, chosen
// at run time from the CPU's features (golang.org/x/sys/cpu).
//
// Every function works on whole vectors and returns the number of
// elements it processed, a multiple of its vector's lanes; the caller's Go
// loop, package kernels' generated loop of the same operation, finishes
// the rest. Where no vector code runs (another architecture, the purego
// build tag, a CPU without AVX2, or Disable) the functions process
// nothing and return 0, so the Go loop does everything: results are the
// same bits either way (semantics.md §27).
package simd

//go:generate go run ./gen -out simd_amd64.s -stubs stubs_amd64.go -pkg simd
//go:generate go run ./gen -transc -out transc_amd64.s -stubs transc_stubs_amd64.go -pkg simd
