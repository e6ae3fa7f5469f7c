package gemm

// smallFlops is the largest number of multiply-adds m·n·k for which a
// product runs the direct loop rather than packing: packing costs about
// (m + n)·k element moves and a kernel call per tile, which the direct
// loop does not pay.
const smallFlops = 16 * 16 * 16

// isSmall reports whether an m×k by k×n product runs the direct loop.
func isSmall(m, n, k int) bool { return m*n*k <= smallFlops || m == 1 && n == 1 }

// small stores A·B into C by a direct loop over the strided operands:
// each element a sum over p in increasing order (semantics.md §28, GM5).
func small[T Float](c, a, b Mat[T]) {
	m, n, k := c.Rows, c.Cols, a.Cols
	for i := range m {
		ai := a.Off + i*a.RS
		ci := c.Off + i*c.RS
		for j := range n {
			var s T
			ap, bp := ai, b.Off+j*b.CS
			for range k {
				s += a.Data[ap] * b.Data[bp]
				ap += a.CS
				bp += b.RS
			}
			c.Data[ci+j*c.CS] = s
		}
	}
}
