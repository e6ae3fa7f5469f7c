package plan

// The parallel path: large copies and conversions are split along the
// longest axis of their plan into one part per available processor, each
// run by its own goroutine. It is automatic, above MinParallelBytes, for
// the copy kernels that ndview lists in parallelKernels (all but the fill) and for every
// conversion (Convert, ConvertScaled); smaller ones run on the calling
// goroutine, since starting goroutines costs more than they save there.
// SetMaxThreads(1) (or GOMAXPROCS=1) turns it off.
//
// BenchmarkParallel decides both knobs. On the 2-CPU machine of the
// project's performance table, with the second processor idle, two
// goroutines raised (GB/s, serial → parallel) a 4096² float32 contiguous
// copy from 50 to 88, a transposed one from 12.8 to 23.5, a[::2, ::2] from
// 10.0 to 19.0, a[::-1, ::-1] from 32 to 43, and the 1080×1920×3 image
// transposes HWC→CHW from 11.5 to 18.0 and CHW→HWC from 11.2 to 16.8: one
// processor alone cannot keep enough cache misses in flight. Fills gained
// nothing (38 GB/s either way), and below a few MiB starting goroutines
// costs what they save (a 512² transpose: 87 µs serial, 94 µs parallel).
// So every copy kernel but the fill goes parallel from 8 MiB read plus
// written (CopyFrom, Clone, ToSlice). When another process keeps the
// second processor busy the gain shrinks to nothing, never to a loss
// beyond noise. Of the element-wise operations, only Exp and Log, bound by
// computation, use the path (ufunc.go): 1.9 times as fast on two
// goroutines for a 1024² float64 view; broadcast adds and sums gained
// nothing.
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
	"sync/atomic"
)

// MinParallelBytes is the size of a walk (bytes read plus written) from
// which the work is split across goroutines; negative turns the path off.
// It is a variable so that tests can force the path.
var MinParallelBytes = 1 << 23

// maxThreads is the most goroutines one kernel call uses; 0 means
// runtime.GOMAXPROCS(0), read at each call.
var maxThreads atomic.Int64

// SetMaxThreads sets the most goroutines one kernel call may use and
// returns the previous setting; n <= 0 restores the default, GOMAXPROCS.
func SetMaxThreads(n int) int {
	old := int(maxThreads.Swap(int64(max(n, 0))))
	if old == 0 {
		old = runtime.GOMAXPROCS(0)
	}
	return old
}

// MaxThreads returns the most goroutines one kernel call may use: the
// value given to SetMaxThreads, or GOMAXPROCS.
func MaxThreads() int {
	if n := int(maxThreads.Load()); n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// Workers returns how many goroutines should run plan p, which reads and
// writes bytes bytes in all: 1 below MinParallelBytes or when no axis can
// be split, and never more than MaxThreads.
func Workers(p *Plan, bytes int) int {
	if MinParallelBytes < 0 || p.Rank == 0 || bytes < MinParallelBytes {
		return 1
	}
	return max(1, min(MaxThreads(), p.Dim[p.Longest()]))
}

// Parallel runs fn on w parts of p, split along its longest axis, and
// returns when all are done. The last part runs on the calling goroutine.
func Parallel(p *Plan, w int, fn func(part *Plan)) {
	axis := p.Longest()
	n := p.Dim[axis]
	var wg sync.WaitGroup
	for i := range w - 1 {
		part := p.Split(axis, i*n/w, (i+1)*n/w)
		wg.Go(func() { fn(&part) })
	}
	last := p.Split(axis, (w-1)*n/w, n)
	fn(&last)
	wg.Wait()
}
