//go:build purego || !amd64

package simd

// hasF16C and hasFMA are false: no assembly.
const (
	hasF16C = false
	hasFMA  = false
)
