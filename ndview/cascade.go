package ndview

// A pairwise cascade, the summation of the statistics routines (Var, Std,
// the NaN-aware sums and means; semantics.md §19): blocks of up to
// pwBlock elements summed by eight accumulators, the block sums combined
// as a binary counter, so that the error bound grows with the logarithm
// of the number of blocks however the blocks arrive. Sum, Mean and
// SumAxisInto follow NumPy's own order instead (pairwise.go); these routines
// skip NaNs or square deviations into blocks on the fly, which NumPy's
// chunked order would need a buffer of 8192 elements for.

// cascade sums values pushed one at a time, pairwise: level k of s holds
// the sum of 2^k values when bit k of n is set.
type cascade[T Numeric] struct {
	s [64]T
	n uint64
}

// push adds x.
func (c *cascade[T]) push(x T) {
	k := 0
	for n := c.n; n&1 != 0; n >>= 1 {
		x = c.s[k] + x
		k++
	}
	c.s[k] = x
	c.n++
}

// total returns the sum of every value pushed, adding the occupied levels
// from the lowest up (0 when nothing was pushed).
func (c *cascade[T]) total() T {
	var t T
	first := true
	for n, k := c.n, 0; n != 0; n, k = n>>1, k+1 {
		if n&1 == 0 {
			continue
		}
		if first {
			t, first = c.s[k], false
			continue
		}
		t += c.s[k]
	}
	return t
}

// blockSum returns the sum of s (len(s) <= pwBlock) by eight accumulators
// combined as a balanced tree.
func blockSum[T Numeric](s []T) T {
	var r0, r1, r2, r3, r4, r5, r6, r7 T
	for len(s) >= 8 {
		q := (*[8]T)(s)
		r0 += q[0]
		r1 += q[1]
		r2 += q[2]
		r3 += q[3]
		r4 += q[4]
		r5 += q[5]
		r6 += q[6]
		r7 += q[7]
		s = s[8:]
	}
	switch len(s) {
	case 7:
		r6 += s[6]
		fallthrough
	case 6:
		r5 += s[5]
		fallthrough
	case 5:
		r4 += s[4]
		fallthrough
	case 4:
		r3 += s[3]
		fallthrough
	case 3:
		r2 += s[2]
		fallthrough
	case 2:
		r1 += s[1]
		fallthrough
	case 1:
		r0 += s[0]
	}
	return ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
}
