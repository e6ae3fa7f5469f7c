//go:build !amd64 || purego

package gemm

// Without amd64 assembly (another architecture, or the purego build tag)
// the pure-Go kernel runs (semantics.md §28, GM3).
func init() { kern64, kern32 = goKernels() }

// allKernels returns every kernel pair this build runs: the pure-Go pair.
func allKernels() ([]*kernel[float64], []*kernel[float32]) {
	g64, g32 := goKernels()
	return []*kernel[float64]{g64}, []*kernel[float32]{g32}
}
