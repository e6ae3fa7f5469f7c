//go:build !purego

package simd

import (
	"github.com/klauspost/cpuid/v2"
	"golang.org/x/sys/cpu"
)

// hasF16C reports whether the CPU converts float16 (VCVTPH2PS, VCVTPS2PH),
// and hasFMA whether it has the fused multiply-add of Dot's AVX2 kernel
// and of the AVX2 transcendental kernels (AVX-512F includes its own). Every AVX2 CPU made has both; they are
// checked all the same.
var (
	hasF16C = cpuid.CPU.Supports(cpuid.F16C)
	hasFMA  = cpu.X86.HasFMA
)
