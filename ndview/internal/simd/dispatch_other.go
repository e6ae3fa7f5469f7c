//go:build purego || !amd64

package simd

// Without assembly no level runs but "none".

// use switches to "none".
func use(string) {}

// runs reports whether level is "none".
func runs(level string) bool { return level == "none" }
