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

// smallBatch runs small on count products, the offsets of each operand
// moving by its stride, with a fully unrolled loop for 4×4 by 4×4
// products of row-major matrices (the 4×4 transforms of graphics and
// robotics), which sums in the same order.
func smallBatch[T Float](count int, c Mat[T], sc int, a Mat[T], sa int, b Mat[T], sb int) {
	if c.Rows == 4 && c.Cols == 4 && a.Cols == 4 && a.CS == 1 && b.CS == 1 && c.CS == 1 && a.RS >= 0 && b.RS >= 0 && c.RS > 0 {
		if f := kernelFor[T]().mul4; f != nil && inBounds(count, a, sa) && inBounds(count, b, sb) {
			// Batch has checked C; the assembly reads A and B without checks.
			f(count, &c.Data[c.Off], &a.Data[a.Off], &b.Data[b.Off], c.RS, a.RS, b.RS, sc, sa, sb)
			return
		}
		for range count {
			mul4x4(c.Data[c.Off:], c.RS, a.Data[a.Off:], a.RS, b.Data[b.Off:], b.RS)
			c.Off, a.Off, b.Off = c.Off+sc, a.Off+sa, b.Off+sb
		}
		return
	}
	for range count {
		small(c, a, b)
		c.Off, a.Off, b.Off = c.Off+sc, a.Off+sa, b.Off+sb
	}
}

// mul4x4 stores the product of the 4×4 row-major matrices a and b (row
// strides ra and rb) into c (row stride rc).
func mul4x4[T Float](c []T, rc int, a []T, ra int, b []T, rb int) {
	b0, b1, b2, b3 := b[0:4:4], b[rb:rb+4:rb+4], b[2*rb:2*rb+4:2*rb+4], b[3*rb:3*rb+4:3*rb+4]
	for i := range 4 {
		x := a[i*ra : i*ra+4 : i*ra+4]
		z := c[i*rc : i*rc+4 : i*rc+4]
		a0, a1, a2, a3 := x[0], x[1], x[2], x[3]
		z[0] = a0*b0[0] + a1*b1[0] + a2*b2[0] + a3*b3[0]
		z[1] = a0*b0[1] + a1*b1[1] + a2*b2[1] + a3*b3[1]
		z[2] = a0*b0[2] + a1*b1[2] + a2*b2[2] + a3*b3[2]
		z[3] = a0*b0[3] + a1*b1[3] + a2*b2[3] + a3*b3[3]
	}
}

// inBounds reports whether the count matrices x, x moved by s, … lie in
// x.Data. The offsets are linear in the index: the first and the last
// matrices bound the others.
func inBounds[T Float](count int, x Mat[T], s int) bool {
	last := x
	last.Off += (count - 1) * s
	for _, y := range [2]Mat[T]{x, last} {
		if lo, hi := y.span(); lo < 0 || hi >= len(y.Data) {
			return false
		}
	}
	return true
}

// vector stores A·B into C when C has one column (n = 1) or one row
// (m = 1, through Cᵀ = Bᵀ·Aᵀ): a matrix-vector product, which packing
// would pad to a whole tile. Each element is summed in increasing p, as
// everywhere (semantics.md §28, GM5): along the rows of A four at a time
// when they are contiguous, else by adding column p of A times B[p] to C
// for p in increasing order.
func vector[T Float](c, a, b Mat[T]) {
	if c.Cols != 1 {
		c, a, b = c.T(), b.T(), a.T()
	}
	m, k := c.Rows, a.Cols
	if a.CS == 1 {
		i := 0
		for ; i+4 <= m; i += 4 {
			r0, r1, r2, r3 := a.Off+i*a.RS, a.Off+(i+1)*a.RS, a.Off+(i+2)*a.RS, a.Off+(i+3)*a.RS
			x0, x1, x2, x3 := a.Data[r0:r0+k], a.Data[r1:r1+k], a.Data[r2:r2+k], a.Data[r3:r3+k]
			var s0, s1, s2, s3 T
			bp := b.Off
			for p := range k {
				y := b.Data[bp]
				s0 += x0[p] * y
				s1 += x1[p] * y
				s2 += x2[p] * y
				s3 += x3[p] * y
				bp += b.RS
			}
			o := c.Off + i*c.RS
			c.Data[o], c.Data[o+c.RS], c.Data[o+2*c.RS], c.Data[o+3*c.RS] = s0, s1, s2, s3
		}
		if i < m {
			rest := c
			rest.Off, rest.Rows = c.Off+i*c.RS, m-i
			ra := a
			ra.Off, ra.Rows = a.Off+i*a.RS, m-i
			small(rest, ra, b)
		}
		return
	}
	fill(c, 0)
	for p := range k {
		y := b.Data[b.Off+p*b.RS]
		ap, cp := a.Off+p*a.CS, c.Off
		for range m {
			c.Data[cp] += a.Data[ap] * y
			ap += a.RS
			cp += c.RS
		}
	}
}
