package mem_test

import (
	"syscall"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// BenchmarkHuge measures the memory-bound operations on 16M float32 whose
// arrays ndview allocates (Zeros), with and without Make's huge-page
// advice (semantics.md §33, VK1), in one run. bench/simd2_test.go has the
// same cases beside a hand loop and NumPy.
func BenchmarkHuge(b *testing.B) {
	const n = 1 << 24
	type arrays struct{ a, c, d ndview.NDView[float32] }
	var sets [2]arrays
	var masks [2]ndview.NDView[bool]
	for k, huge := range []bool{false, true} {
		old := mem.SetHuge(huge)
		s := arrays{ndview.Zeros[float32](n), ndview.Zeros[float32](n), ndview.Zeros[float32](n)}
		masks[k] = ndview.Zeros[bool](n)
		mem.SetHuge(old)
		as, _ := s.a.Data()
		cs, _ := s.c.Data()
		for i := range as {
			as[i], cs[i] = float32(i%1000)-500, float32(i%997)-400
		}
		sets[k] = s
	}
	var sink float32
	ops := []struct {
		name  string
		bytes int
		f     func(s arrays, m ndview.NDView[bool])
	}{
		{"Add", 12 * n, func(s arrays, _ ndview.NDView[bool]) { ndview.AddInto(s.d, s.a, s.c) }},
		{"Sum", 4 * n, func(s arrays, _ ndview.NDView[bool]) { sink += ndview.Sum(s.a) }},
		{"Less", 9 * n, func(s arrays, m ndview.NDView[bool]) { ndview.LessInto(m, s.a, s.c) }},
		{"Max", 4 * n, func(s arrays, _ ndview.NDView[bool]) { sink += ndview.Max(s.a) }},
	}
	// Each operation runs on both sets back to back, so that the two
	// sides of a comparison see the same load on a shared machine.
	for _, op := range ops {
		for k, name := range []string{"4K", "huge"} {
			b.Run(op.name+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(op.bytes))
				for b.Loop() {
					op.f(sets[k], masks[k])
				}
			})
		}
	}
	_ = sink
}

// minorFaults returns the process's minor page faults so far.
func minorFaults() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Minflt
}

// TestFirstTouch reports where the pages of a fresh large array are first
// touched: in the allocation (Go's zeroing) or in the first write. It
// fails only if Zeros faulted in every page itself.
func TestFirstTouch(t *testing.T) {
	const n = 1 << 24
	for _, huge := range []bool{false, true} {
		old := mem.SetHuge(huge)
		f0 := minorFaults()
		v := ndview.Zeros[float32](n)
		f1 := minorFaults()
		v.Fill(1)
		f2 := minorFaults()
		mem.SetHuge(old)
		t.Logf("huge=%v: %d minor faults in Zeros, %d in the first write (64 MiB: %d small pages, %d huge)",
			huge, f1-f0, f2-f1, n*4/4096, n*4/(2<<20))
		if f1-f0 >= n*4/4096 {
			t.Errorf("Zeros touched every page")
		}
	}
}
