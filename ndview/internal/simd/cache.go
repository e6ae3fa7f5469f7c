package simd

import "github.com/klauspost/cpuid/v2"

// l1d is the running CPU's L1 data cache in bytes, as
// github.com/klauspost/cpuid/v2 reads it; 32 KiB when the CPU does not
// say or reports less than 8 KiB (semantics.md §33, VK6).
var l1d = func() int {
	if c := cpuid.CPU.Cache.L1D; c >= 8<<10 {
		return c
	}
	return 32 << 10
}()

// L1D returns the size in bytes of the running CPU's L1 data cache, the
// size the kernels' callers tile to (32 KiB when the CPU does not say).
func L1D() int { return l1d }
