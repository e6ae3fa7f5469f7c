package ndview

// The parallel path: large copies and conversions are split along the
// longest axis of their plan into one part per available processor, each
// run by its own goroutine. It is automatic, above parallelMinBytes, for
// the copy kernels in parallelKernels and for every conversion (Convert,
// ConvertScaled); smaller ones run on the calling goroutine, since
// starting goroutines costs more than they save there.
//
// BenchmarkParallel decides both knobs. On the 2-CPU machine of the
// project's performance table, two goroutines raised a 4096² float32
// contiguous copy from 50 to 88 GB/s (best of repeated runs on a shared
// machine) and a 512² one from 79 to 96, while a 256² one lost a third;
// fills, transposes, strided gathers, reversals and the image kernels
// gained nothing or lost up to a third (the builtin copy seems limited by
// the cache misses one processor keeps in flight, the other kernels by
// their work per element or by stores). So only the contiguous copy
// (CopyFrom, Clone, ToSlice) goes parallel, from 8 MiB read plus written.
// Of the element-wise operations, only Exp and Log, bound by computation,
// use the path (ufunc.go): 1.9 times as fast on two goroutines for a 1024²
// float64 view; broadcast adds and sums gained nothing.
//
// Conversions do more work per byte, and two goroutines nearly halved
// their time from about 6 MB read plus written, when the second processor
// was free (BenchmarkConvertScaled and a sweep of Convert: float32 to
// float16 over 1M elements from 1.10 to 0.68 ms, a transposed 2048²
// float16 to float32 from 13 to 6.3 ms, an RGBA image to a CHW float32
// tensor from 1.4 to 0.8 ms at 1920×1080 and from 6.3 to 3.5 ms at
// 3840×2160); at 4.6 MB (a 640×480 image, 0.2 ms) waking the second
// goroutine on the shared machine cost what it saved. They use the same
// threshold.
//
// The parts write disjoint elements of the destination (a writable view
// never reaches one element twice) and only read the sources, so they need
// no synchronisation beyond waiting for all of them.

import (
	"runtime"
	"sync"
)

// Parallel knobs, variables so that tests can force the path.
var (
	// parallelMinBytes is the size of copy (bytes read plus written) from
	// which the work is split across GOMAXPROCS goroutines; negative turns
	// the path off.
	parallelMinBytes = 1 << 23

	// parallelKernels is the set of copy kernels (bit k for kernel k) that
	// may run in parallel.
	parallelKernels uint32 = 1 << kernelContig
)

// workers returns how many goroutines should run plan p, which reads and
// writes bytes bytes in all: 1 below parallelMinBytes or when no axis can
// be split.
func workers(p *plan, bytes int) int {
	if parallelMinBytes < 0 || p.rank == 0 || bytes < parallelMinBytes {
		return 1
	}
	return min(runtime.GOMAXPROCS(0), p.dim[p.longest()])
}

// parallel runs fn on w parts of p, split along its longest axis, and
// returns when all are done. The last part runs on the calling goroutine.
func parallel(p *plan, w int, fn func(part *plan)) {
	axis := p.longest()
	n := p.dim[axis]
	var wg sync.WaitGroup
	for i := range w - 1 {
		part := p.split(axis, i*n/w, (i+1)*n/w)
		wg.Go(func() { fn(&part) })
	}
	last := p.split(axis, (w-1)*n/w, n)
	fn(&last)
	wg.Wait()
}
