package gemm

import "github.com/klauspost/cpuid/v2"

// Cache sizes in bytes of the running CPU (per core where the CPU reports
// it so), with defaults for what the CPU does not report: 32 KiB L1 data,
// 512 KiB L2, 8 MiB L3.
var cacheL1, cacheL2, cacheL3 = cacheSizes()

func cacheSizes() (l1, l2, l3 int) {
	l1, l2, l3 = cpuid.CPU.Cache.L1D, cpuid.CPU.Cache.L2, cpuid.CPU.Cache.L3
	if l1 < 8<<10 {
		l1 = 32 << 10
	}
	if l2 < 64<<10 {
		l2 = 512 << 10
	}
	if l3 < l2 {
		l3 = 8 << 20
	}
	return l1, l2, l3
}

// blocking returns the block sizes KC, MC and NC for a kernel of tile
// MR×NR over elements of es bytes (semantics.md §28, GM2):
//
//   - KC: the B micro-panel (KC×NR), which every kernel call along a
//     column of tiles reads again, about fills L1 (the A micro-panel
//     streams from L2 through what the B panel leaves), 128 to 512.
//   - MC: the packed A block (MC×KC) fills half of L2.
//   - NC: the packed B block (KC×NC) fills a quarter of L3, at most 4096
//     columns (an L3 shared by many cores is not all one core's).
func blocking(mr, nr, es, l1, l2, l3 int) (kc, mc, nc int) {
	kc = l1 / (nr * es)
	kc = max(128, min(kc, 512)) &^ 7
	mc = l2 / 2 / (kc * es) / mr * mr
	mc = max(mr, min(mc, 1024/mr*mr))
	nc = l3 / 4 / (kc * es) / nr * nr
	nc = max(nr, min(nc, 4096/nr*nr))
	return kc, mc, nc
}
