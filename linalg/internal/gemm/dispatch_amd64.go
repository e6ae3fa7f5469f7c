//go:build !purego

package gemm

import "golang.org/x/sys/cpu"

// The kernel is chosen once from the CPU's features (semantics.md §28,
// GM3): AVX-512F (tiles 8×24 float64, 8×48 float32), else AVX2 with FMA
// (6×8, 6×16), else the pure-Go kernel (4×4). With AVX2 and FMA, batches
// of 4×4 products run an assembly loop too.
func init() { kern64, kern32 = bestKernels() }

// bestKernels returns the fastest kernels the CPU runs: the last of
// allKernels.
func bestKernels() (*kernel[float64], *kernel[float32]) {
	k64, k32 := allKernels()
	return k64[len(k64)-1], k32[len(k32)-1]
}

// allKernels returns every kernel pair the CPU runs, the pure-Go pair
// first, for tests that run each against the others.
func allKernels() (k64 []*kernel[float64], k32 []*kernel[float32]) {
	g64, g32 := goKernels()
	k64, k32 = append(k64, g64), append(k32, g32)
	if !cpu.X86.HasAVX2 || !cpu.X86.HasFMA {
		return k64, k32
	}
	a64, a32 := newKernel("avx2", 6, 8, kernF64AVX2), newKernel("avx2", 6, 16, kernF32AVX2)
	a64.mul4, a32.mul4 = mul4x4F64FMA, mul4x4F32FMA
	k64, k32 = append(k64, a64), append(k32, a32)
	if cpu.X86.HasAVX512F {
		z64, z32 := newKernel("avx512", 8, 24, kernF64AVX512), newKernel("avx512", 8, 48, kernF32AVX512)
		z64.mul4, z32.mul4 = mul4x4F64FMA, mul4x4F32FMA
		k64, k32 = append(k64, z64), append(k32, z32)
	}
	return k64, k32
}
