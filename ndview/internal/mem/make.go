package mem

// HugeMin is the size in bytes from which Make asks the operating system
// to back a new slice with huge pages (semantics.md §33, VK1): 4 MiB, the
// threshold NumPy's allocator uses for the same request.
const HugeMin = 4 << 20

// hugeAlign is the size and alignment of a transparent huge page on the
// platforms that have them (2 MiB on amd64 and arm64 with 4 KiB pages).
const hugeAlign = 2 << 20

// Make returns make([]T, n). When the slice is at least HugeMin bytes and
// the platform has transparent huge pages (Linux), it first advises the
// kernel (madvise MADV_HUGEPAGE) to back the whole huge pages inside the
// slice with huge pages, before anything is written to them: fewer TLB
// misses on a large array. The advice changes neither the content (zero)
// nor the lifetime of the slice, which the garbage collector owns as any
// other; where the kernel refuses or ignores it, nothing changes.
func Make[T any](n int) []T {
	s := make([]T, n)
	// n·size fits in int: make succeeded. Only pointer-free memory is seen
	// as bytes (rule 1); the others are left as they are.
	if n > 0 && n*Sizeof[T]() >= HugeMin && !noHuge && InfoOf[T]().BytesOK() {
		if b := hugeInterior(Bytes(s)); len(b) > 0 {
			adviseHuge(b)
		}
	}
	return s
}

// noHuge turns the advice off (SetHuge), for benchmarks that compare.
var noHuge bool

// SetHuge turns Make's huge-page advice on or off and returns the former
// setting. It must not run concurrently with Make.
func SetHuge(on bool) (was bool) {
	was, noHuge = !noHuge, !on
	return was
}

// hugeInterior returns the bytes of the whole 2 MiB-aligned pages inside
// b, empty when there is none.
func hugeInterior(b []byte) []byte {
	p := Addr(b)
	start := (p + hugeAlign - 1) &^ (hugeAlign - 1)
	end := (p + uintptr(len(b))) &^ (hugeAlign - 1)
	if end <= start {
		return nil
	}
	return b[start-p : end-p]
}
