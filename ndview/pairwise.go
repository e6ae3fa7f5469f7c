package ndview

// Pairwise summation, the sum of Sum, SumAxis and Mean for floats and
// complex numbers (integers share the code: their sums wrap, so any order
// gives the same result).
//
// The elements are cut into blocks of at most pwBlock (128), as NumPy's
// pairwise_sum does. A block is summed by eight accumulators (element i
// goes to accumulator i mod 8, so each adds up at most 16 elements), which
// are then added as a balanced tree of depth 3. The block sums are
// combined by a cascade, a binary counter of partial sums in which level k
// holds the sum of 2^k blocks: pushing a block adds it to the occupied
// levels from the bottom up, as a carry propagates, so that the sums form
// a balanced tree however the blocks arrive (rows of any length, in any
// number). The cascade costs a few additions per block.
//
// Error bound. Each element takes part in at most d = 18 + ⌈log2 P⌉
// roundings, where P is the number of blocks pushed: 15 in its accumulator
// (the first addition, to zero, is exact), 3 in the block's tree, and at
// most ⌈log2 P⌉ in the cascade, counting the additions of the occupied
// levels at the end (a block at level k was added k times on its way up,
// and meets at most ⌊log2 P⌋ − k higher levels). So the computed sum s' of
// x_1…x_n satisfies
//
//	|s' − Σ x_i| <= γ_d · Σ |x_i|,  γ_d = d·u / (1 − d·u),
//
// with u the unit roundoff (2^-53 for float64, 2^-24 for float32). For a
// contiguous view P is ⌈n/128⌉: d = 35 for a 4096² view, against n − 1 for
// a plain loop. TestSumErrorBound checks the bound against exact
// sums on adversarial inputs. Compensated (Kahan) summation would be more
// accurate but costs four dependent additions per element and ran at less
// than half the bandwidth here.
//
// Vectors (SumAxis along an axis that is not the innermost in memory) are
// summed the same way with whole rows in place of elements: blocks of
// pwRows rows are added row by row into a buffer, and the buffers are
// combined by a cascade of vectors (vecCascade), so that every output
// element has the bound with d = 7 + ⌈log2 P⌉, P the number of row blocks
// (sumRows says why 7).

import "math/bits"

// pwBlock is the number of elements a block sums before the cascade
// takes over (NumPy's PW_BLOCKSIZE).
const pwBlock = 128

// pwRows is the number of rows summed one after the other before a
// vector cascade takes over: 16, as each accumulator of a block adds 16
// elements.
const pwRows = 16

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

// blockSumStrided returns the sum of the n <= pwBlock elements data[off],
// data[off+st], … as blockSum does.
func blockSumStrided[T Numeric](data []T, off, st, n int) T {
	var r0, r1, r2, r3, r4, r5, r6, r7 T
	for ; n >= 8; n -= 8 {
		r0 += data[off]
		r1 += data[off+st]
		r2 += data[off+2*st]
		r3 += data[off+3*st]
		r4 += data[off+4*st]
		r5 += data[off+5*st]
		r6 += data[off+6*st]
		r7 += data[off+7*st]
		off += 8 * st
	}
	switch n {
	case 7:
		r6 += data[off+6*st]
		fallthrough
	case 6:
		r5 += data[off+5*st]
		fallthrough
	case 5:
		r4 += data[off+4*st]
		fallthrough
	case 4:
		r3 += data[off+3*st]
		fallthrough
	case 3:
		r2 += data[off+2*st]
		fallthrough
	case 2:
		r1 += data[off+st]
		fallthrough
	case 1:
		r0 += data[off]
	}
	return ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
}

// sumRow pushes the block sums of the n elements data[off], data[off+st],
// … into c.
func sumRow[T Numeric](c *cascade[T], data []T, off, st, n int) {
	if st == 1 {
		s := data[off : off+n]
		for len(s) > pwBlock {
			c.push(blockSum(s[:pwBlock]))
			s = s[pwBlock:]
		}
		c.push(blockSum(s))
		return
	}
	for n > 0 {
		k := min(n, pwBlock)
		c.push(blockSumStrided(data, off, st, k))
		off += k * st
		n -= k
	}
}

// vecCascade sums vectors of n elements, block by block, pairwise: the
// vector version of cascade. Buffers are taken from one allocation: one
// per level and one for the block being summed.
type vecCascade[T Numeric] struct {
	lvl  [][]T // level k: the sum of 2^k blocks, when bit k of count is set
	leaf []T   // the block being summed
	cnt  uint64
}

// newVecCascade returns a cascade for up to blocks vectors of n elements.
func newVecCascade[T Numeric](n, blocks int) *vecCascade[T] {
	levels := bits.Len(uint(blocks))
	buf := make([]T, (levels+1)*n)
	c := &vecCascade[T]{lvl: make([][]T, levels)}
	for k := range c.lvl {
		c.lvl[k] = buf[k*n : (k+1)*n : (k+1)*n]
	}
	c.leaf = buf[levels*n:]
	return c
}

// reset empties the cascade for a new sum.
func (c *vecCascade[T]) reset() { c.cnt = 0 }

// push adds the block in c.leaf and gives c.leaf a free buffer.
func (c *vecCascade[T]) push() {
	x := c.leaf
	k := 0
	for n := c.cnt; n&1 != 0; n >>= 1 {
		addTo(x, c.lvl[k])
		k++
	}
	c.leaf, c.lvl[k] = c.lvl[k], x
	c.cnt++
}

// total stores the sum of every block pushed at d[di], d[di+ds], …,
// adding the occupied levels from the lowest up.
func (c *vecCascade[T]) total(d []T, di, ds int) {
	var t []T
	for n, k := c.cnt, 0; n != 0; n, k = n>>1, k+1 {
		if n&1 == 0 {
			continue
		}
		if t == nil {
			t = c.lvl[k]
			continue
		}
		addTo(t, c.lvl[k])
	}
	for _, x := range t {
		d[di] = x
		di += ds
	}
}

// addTo sets x[i] += y[i].
func addTo[T Numeric](x, y []T) {
	y = y[:len(x)]
	for i := range x {
		x[i] += y[i]
	}
}

// sumRows stores into d[di+j·ds] the sum of the m rows
// data[vi + i·vm + j·vs], i < m, j < n. Contiguous rows are added four at
// a time, as (r0 + r1) + (r2 + r3), to the running sum, which takes fewer
// loads and stores and fewer roundings (at most 7 for 16 rows); other rows
// one at a time. It is pairwise summation's leaf, and the whole sum for up
// to pwRows rows, or of integers.
func sumRows[T Numeric](d []T, di, ds int, data []T, vi, vm, vs, m, n int) {
	if ds == 1 && vs == 1 {
		out := d[di : di+n]
		i := 1
		if m >= 4 {
			add4(out, data, vi, vm, false)
			i = 4
		} else {
			copy(out, data[vi:vi+n])
		}
		for ; i+4 <= m; i += 4 {
			add4(out, data, vi+i*vm, vm, true)
		}
		for ; i < m; i++ {
			addTo(out, data[vi+i*vm:])
		}
		return
	}
	for j := range n {
		d[di+j*ds] = data[vi+j*vs]
	}
	for i := 1; i < m; i++ {
		vi += vm
		o, s := di, vi
		for range n {
			d[o] += data[s]
			o += ds
			s += vs
		}
	}
}

// add4 sets out[j] (+)= (r0[j] + r1[j]) + (r2[j] + r3[j]) for the four
// contiguous rows at data[vi], data[vi+vm], …, adding to out when acc is
// true and overwriting it otherwise.
func add4[T Numeric](out, data []T, vi, vm int, acc bool) {
	n := len(out)
	r0 := data[vi : vi+n]
	r1 := data[vi+vm : vi+vm+n]
	r2 := data[vi+2*vm : vi+2*vm+n]
	r3 := data[vi+3*vm : vi+3*vm+n]
	if acc {
		for j := range out {
			out[j] += (r0[j] + r1[j]) + (r2[j] + r3[j])
		}
		return
	}
	for j := range out {
		out[j] = (r0[j] + r1[j]) + (r2[j] + r3[j])
	}
}

// sumRowsPairwise stores into d[di], d[di+ds], … the sums of the m rows of
// n elements data[vi + i·vm + j·vs], pairwise over the rows: blocks of
// pwRows rows summed into a buffer, combined by c (which has room for the
// blocks).
func sumRowsPairwise[T Numeric](c *vecCascade[T], d []T, di, ds int, data []T, vi, vm, vs, m, n int) {
	c.reset()
	for i := 0; i < m; i += pwRows {
		k := min(pwRows, m-i)
		sumRows(c.leaf, 0, 1, data, vi+i*vm, vm, vs, k, n)
		c.push()
	}
	c.total(d, di, ds)
}
