package gemm

import "fmt"

// Batch stores A_q·B_q into C_q for q in [0, count), where X_q is the
// matrix X with its offset moved by q·sx elements, using at most threads
// goroutines: a batch of small products runs its products on several
// goroutines, each on one; a batch of large ones each product on several
// (semantics.md §28, GM6). The products must not write one element of
// C twice, nor one that an operand reads. Batch panics like Gemm.
func Batch[T Float](count int, c Mat[T], sc int, a Mat[T], sa int, b Mat[T], sb int, threads int) {
	m, n, k := c.Rows, c.Cols, a.Cols
	if a.Rows != m || b.Cols != n || b.Rows != k || m < 0 || n < 0 || k < 0 || count < 0 {
		panic(fmt.Sprintf("gemm: shapes %d × %d×%d = %d×%d · %d×%d", count, m, n, a.Rows, a.Cols, b.Rows, b.Cols))
	}
	if count == 0 || m == 0 || n == 0 {
		return
	}
	if !inBounds(count, c, sc) {
		panic(fmt.Sprintf("gemm: %d matrices C of stride %d reach outside its %d elements", count, sc, len(c.Data)))
	}
	if m*n*k >= minParallelFlops || count == 1 {
		for range count {
			Gemm(c, a, b, threads)
			c.Off, a.Off, b.Off = c.Off+sc, a.Off+sa, b.Off+sb
		}
		return
	}
	threads = max(1, min(threads, count, count*m*n*k/(minParallelFlops/8)))
	run(threads, func(t int) {
		lo, hi := span(count, threads, t)
		c, a, b := c, a, b
		c.Off, a.Off, b.Off = c.Off+lo*sc, a.Off+lo*sa, b.Off+lo*sb
		if k == 0 {
			for range hi - lo {
				fill(c, 0)
				c.Off += sc
			}
			return
		}
		if isSmall(m, n, k) {
			smallBatch(hi-lo, c, sc, a, sa, b, sb)
			return
		}
		kr := kernelFor[T]()
		for range hi - lo {
			if m == 1 || n == 1 {
				vector(c, a, b)
			} else {
				packed(kr, c, a, b, 1)
			}
			c.Off, a.Off, b.Off = c.Off+sc, a.Off+sa, b.Off+sb
		}
	})
}
