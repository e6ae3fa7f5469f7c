package plan

import (
	"sync/atomic"
	"testing"
)

func TestWorkersHonoursMaxThreads(t *testing.T) {
	defer SetMaxThreads(SetMaxThreads(0))
	var p Plan
	p.Init([]int{1000, 1000})
	p.Add(0, []int{1000, 1})
	p.Simplify(false)
	big := MinParallelBytes
	for _, n := range []int{1, 2, 3, 7} {
		SetMaxThreads(n)
		if got := MaxThreads(); got != n {
			t.Fatalf("MaxThreads() = %d after SetMaxThreads(%d)", got, n)
		}
		if got := Workers(&p, big); got != n {
			t.Errorf("Workers with SetMaxThreads(%d) = %d, want %d", n, got, n)
		}
		if got := Workers(&p, big-1); got != 1 {
			t.Errorf("Workers below MinParallelBytes = %d, want 1", got)
		}
	}
	if old := SetMaxThreads(-5); old != 7 {
		t.Errorf("SetMaxThreads returned %d, want the previous 7", old)
	}
	if got := MaxThreads(); got < 1 {
		t.Errorf("MaxThreads() = %d after restoring the default", got)
	}
}

func TestParallelVisitsEveryPartOnce(t *testing.T) {
	for _, w := range []int{1, 2, 5} {
		var p Plan
		p.Init([]int{37})
		p.Add(0, []int{1})
		p.Simplify(false)
		var seen [37]atomic.Int32
		var calls atomic.Int32
		Parallel(&p, w, func(part *Plan) {
			calls.Add(1)
			n, _ := part.Inner(0)
			for i := range n {
				seen[part.Base[0]+i].Add(1)
			}
		})
		if int(calls.Load()) != w {
			t.Errorf("Parallel(w=%d) ran %d parts", w, calls.Load())
		}
		for i := range seen {
			if seen[i].Load() != 1 {
				t.Fatalf("Parallel(w=%d) visited element %d %d times", w, i, seen[i].Load())
			}
		}
	}
}
