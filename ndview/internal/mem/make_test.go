package mem

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

func TestHugeInterior(t *testing.T) {
	b := make([]byte, 3*hugeAlign)
	in := hugeInterior(b)
	if len(in) == 0 || len(in)%hugeAlign != 0 || Addr(in)%hugeAlign != 0 {
		t.Fatalf("interior of 6 MiB: %d bytes at %#x", len(in), Addr(in))
	}
	if Addr(in) < Addr(b) || Addr(in)+uintptr(len(in)) > Addr(b)+uintptr(len(b)) {
		t.Fatal("interior outside the slice")
	}
	if len(hugeInterior(make([]byte, 100))) != 0 {
		t.Fatal("a small slice has no huge page")
	}
	if len(hugeInterior(nil)) != 0 {
		t.Fatal("nil has no huge page")
	}
}

// TestMakeHuge checks that Make returns zeroed slices of the length asked,
// small and large, and that on Linux with THP in madvise or always mode the
// advice reaches the mapping (the VMA of the slice is marked hg in smaps).
func TestMakeHuge(t *testing.T) {
	for _, n := range []int{0, 1, 1000, HugeMin/4 - 1, HugeMin, 3 * HugeMin / 4} {
		s := Make[float32](n)
		if len(s) != n {
			t.Fatalf("Make(%d): len %d", n, len(s))
		}
		for i, x := range s {
			if x != 0 {
				t.Fatalf("Make(%d)[%d] = %v", n, i, x)
			}
		}
	}
	if p := Make[*int](HugeMin); len(p) != HugeMin {
		t.Fatal("Make of pointers")
	}
	if runtime.GOOS != "linux" {
		return
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("no transparent huge pages")
	}
	s := Make[byte](4 * HugeMin)
	in := hugeInterior(s)
	smaps, err := os.ReadFile("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	if !vmaHasFlag(string(smaps), Addr(in), "hg") {
		t.Errorf("the mapping of a %d-byte slice is not advised for huge pages", len(s))
	}
	old := SetHuge(false)
	defer SetHuge(old)
	if SetHuge(false) {
		t.Fatal("SetHuge(false) did not turn the advice off")
	}
}

// vmaHasFlag reports whether the mapping of smaps holding address p has
// the VmFlags flag.
func vmaHasFlag(smaps string, p uintptr, flag string) bool {
	inside := false
	for _, line := range strings.Split(smaps, "\n") {
		var lo, hi uintptr
		if n, _ := parseRange(line, &lo, &hi); n == 2 {
			inside = lo <= p && p < hi
			continue
		}
		if inside && strings.HasPrefix(line, "VmFlags:") {
			for _, f := range strings.Fields(line[len("VmFlags:"):]) {
				if f == flag {
					return true
				}
			}
			return false
		}
	}
	return false
}

// parseRange parses the "lo-hi " head of a mapping line of smaps.
func parseRange(line string, lo, hi *uintptr) (int, error) {
	dash := strings.IndexByte(line, '-')
	sp := strings.IndexByte(line, ' ')
	if dash <= 0 || sp <= dash {
		return 0, nil
	}
	a, err1 := strconv.ParseUint(line[:dash], 16, 64)
	b, err2 := strconv.ParseUint(line[dash+1:sp], 16, 64)
	if err1 != nil || err2 != nil {
		return 0, nil
	}
	*lo, *hi = uintptr(a), uintptr(b)
	return 2, nil
}
