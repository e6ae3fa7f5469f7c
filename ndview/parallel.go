package ndview

// The parallel path: large copies are split along the longest axis of
// their plan into one part per available processor, each run by its own
// goroutine. It is automatic above parallelMinBytes; smaller copies run on
// the calling goroutine, since starting goroutines costs more than they
// save there.
//
// The parts write disjoint elements of the destination (a writable view
// never reaches one element twice) and only read the sources, so they need
// no synchronisation beyond waiting for all of them.

import (
	"runtime"
	"sync"
)

// parallelMinBytes is the size of copy (bytes read plus written) from which
// the work is split across GOMAXPROCS goroutines. BenchmarkParallel in
// bench/ measures the crossing.
var parallelMinBytes = 1 << 23

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
