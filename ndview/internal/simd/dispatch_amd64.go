//go:build !purego

package simd

import "golang.org/x/sys/cpu"

// The kernels are chosen once, from the CPU's features: AVX-512 where the
// CPU has AVX-512F and the operating system saves its registers (package
// cpu checks both), else AVX2, else none.
func init() { use(best()) }

// best returns the best level the CPU runs.
func best() string {
	switch {
	case cpu.X86.HasAVX512F:
		return "AVX-512"
	case cpu.X86.HasAVX2:
		return "AVX2"
	}
	return "none"
}

// use switches to level, which the CPU runs.
func use(l string) {
	level, lvl = l, map[string]int{"AVX-512": 2, "AVX2": 1}[l]
}

// runs reports whether the CPU runs the kernels of level.
func runs(level string) bool {
	switch level {
	case "AVX-512":
		return cpu.X86.HasAVX512F
	case "AVX2":
		return cpu.X86.HasAVX2
	}
	return level == "none"
}
