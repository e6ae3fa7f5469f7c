//go:build purego || !amd64

package simd

// Without assembly no level runs but "none".

// use installs nothing.
func use(string) {}

// runs reports whether level is "none".
func runs(level string) bool { return level == "none" }
