package mem

import "golang.org/x/sys/unix"

// adviseHuge advises MADV_HUGEPAGE on b, whole huge pages. The pages belong to a live Go allocation; the advice is a
// property of the mapping and touches no byte. Errors (an old kernel, THP
// turned off) are ignored: the advice is only a hint.
func adviseHuge(b []byte) {
	_ = unix.Madvise(b, unix.MADV_HUGEPAGE)
}
