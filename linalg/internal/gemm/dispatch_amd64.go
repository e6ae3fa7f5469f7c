//go:build !purego

package gemm

import "golang.org/x/sys/cpu"

// The kernel is chosen once from the CPU's features (semantics.md §28,
// GM3): AVX-512F (tiles 8×24 float64, 8×48 float32), else AVX2 with FMA
// (6×8, 6×16), else the pure-Go kernel (4×4).
func init() { kern64, kern32 = bestKernels() }

// bestKernels returns the fastest kernels the CPU runs.
func bestKernels() (*kernel[float64], *kernel[float32]) {
	switch {
	case cpu.X86.HasAVX512F:
		return newKernel("avx512", 8, 24, kernF64AVX512), newKernel("avx512", 8, 48, kernF32AVX512)
	case cpu.X86.HasAVX2 && cpu.X86.HasFMA:
		return newKernel("avx2", 6, 8, kernF64AVX2), newKernel("avx2", 6, 16, kernF32AVX2)
	}
	return goKernels()
}

// allKernels returns every kernel pair the CPU runs, the pure-Go pair
// first, for tests that run each against the others.
func allKernels() (k64 []*kernel[float64], k32 []*kernel[float32]) {
	g64, g32 := goKernels()
	k64, k32 = append(k64, g64), append(k32, g32)
	if cpu.X86.HasAVX2 && cpu.X86.HasFMA {
		k64 = append(k64, newKernel("avx2", 6, 8, kernF64AVX2))
		k32 = append(k32, newKernel("avx2", 6, 16, kernF32AVX2))
	}
	if cpu.X86.HasAVX512F {
		k64 = append(k64, newKernel("avx512", 8, 24, kernF64AVX512))
		k32 = append(k32, newKernel("avx512", 8, 48, kernF32AVX512))
	}
	return k64, k32
}
