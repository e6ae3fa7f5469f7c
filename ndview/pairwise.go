package ndview

// NumPy's summation order, the sum of Sum, SumAxis and Mean for floats and
// complex numbers (semantics.md N5). Integers share the code: their
// sums wrap, so any order gives the same result.
//
// NumPy 1.24 sums in an order fixed by its reduction machinery, and ndkit
// follows it exactly, so that a ported program gets the same bits:
//
//   - A whole-view sum reads the elements in NumPy's K order (the axes
//     sorted by decreasing |stride|, each walked in its own direction:
//     reductions do not flip negative strides). The sequence is cut into
//     chunks of npBuffer (8192) elements, the size of NumPy's iterator
//     buffer, and the sum is 0 + s₁ + s₂ + …, where s_k is the pairwise
//     sum of chunk k.
//   - An axis sum whose axis is the innermost in memory sums each lane the
//     same way (chunks of 8192 of the lane, in index order). Along any
//     other axis each destination element is 0 + x₀ + x₁ + …, one element
//     at a time in index order: NumPy adds whole rows into the output.
//
// pairwise is NumPy's pairwise_sum: fewer than 8 elements are added one by
// one to 0; up to pwBlock (128) go to eight accumulators (element i to
// accumulator i mod 8, for the first n − n mod 8 elements), which are
// added as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), and the last n mod 8 are
// added one by one to that; a longer run is split at n/2 rounded down to a
// multiple of 8. Complex numbers are summed as NumPy sums pairs of floats:
// four complex accumulators, with the thresholds counted in floats.
//
// Error bound. Within a chunk an element meets at most 15 additions in
// its accumulator, 3 in the accumulators' tree, 7 with the tail and one
// per level of splitting (⌈log2(8192/128)⌉ + 1 = 7), so d = 32; the
// chunk sums are then added one by one. For n elements in P = ⌈n/8192⌉
// chunks the computed sum s' satisfies
//
//	|s' − Σ x_i| <= γ_(32+P) · Σ |x_i|,  γ_d = d·u / (1 − d·u),
//
// with u the unit roundoff (2^-53 for float64, 2^-24 for float32). Along
// a non-innermost axis of extent m the sum is a plain loop: γ_m.
// TestSumErrorBound checks both against exact sums.

import (
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// pwBlock is the longest run that pairwise sums with its accumulators
// rather than by splitting (NumPy's PW_BLOCKSIZE).
const pwBlock = 128

// npBuffer is the number of elements NumPy's reductions hand their inner
// loop at a time (NPY_BUFSIZE): the chunk of the summation order.
const npBuffer = 8192

// lanesOf returns the number of accumulators of pairwise for T: 8, or 4
// for complex numbers (eight floats).
func lanesOf[T any]() int {
	if k := mem.InfoOf[T]().Kind; k == mem.Complex64 || k == mem.Complex128 {
		return 4
	}
	return 8
}

// splitAt returns where pairwise splits a run of n elements longer than
// its leaves: n/2 rounded down to a multiple of 8, counted in floats.
func splitAt(n, lanes int) int {
	if lanes == 4 {
		return (n - n%8) / 2
	}
	h := n / 2
	return h - h%8
}

// pairwise returns NumPy's pairwise sum of s; lanes is lanesOf[T]().
func pairwise[T Numeric](s []T, lanes int) T {
	if len(s) <= 16*lanes {
		return leafSum(s, lanes)
	}
	n2 := splitAt(len(s), lanes)
	a := pairwise(s[:n2], lanes)
	return a + pairwise(s[n2:], lanes)
}

// pairwiseFrom returns NumPy's pairwise sum of the next n elements of a
// sequence, given leaf, which returns leafSum of the next n <= 16·lanes
// elements. (leaf owns its buffer: a buffer passed to a function value
// would escape to the heap.)
func pairwiseFrom[T Numeric](leaf func(n int) T, n, lanes int) T {
	if n <= 16*lanes {
		return leaf(n)
	}
	n2 := splitAt(n, lanes)
	a := pairwiseFrom(leaf, n2, lanes)
	return a + pairwiseFrom(leaf, n-n2, lanes)
}

// leafSum is pairwise for a run of at most 16·lanes elements.
func leafSum[T Numeric](s []T, lanes int) T {
	if len(s) < lanes {
		var r T
		for _, x := range s {
			r += x
		}
		return r
	}
	if lanes == 4 {
		return leaf4(s)
	}
	return leaf8(s)
}

// leaf8 sums s (8 <= len(s) <= 128) with eight accumulators.
func leaf8[T Numeric](s []T) T {
	var acc [8]T
	if kernels.SumLanes(s, &acc) { // the same additions in vector lanes (semantics.md §27)
		r := ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]))
		for _, x := range s[len(s)-len(s)%8:] {
			r += x
		}
		return r
	}
	q := (*[8]T)(s)
	r0, r1, r2, r3, r4, r5, r6, r7 := q[0], q[1], q[2], q[3], q[4], q[5], q[6], q[7]
	body := s[8 : len(s)-len(s)%8]
	for len(body) >= 8 {
		q := (*[8]T)(body)
		r0 += q[0]
		r1 += q[1]
		r2 += q[2]
		r3 += q[3]
		r4 += q[4]
		r5 += q[5]
		r6 += q[6]
		r7 += q[7]
		body = body[8:]
	}
	r := ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
	for _, x := range s[len(s)-len(s)%8:] {
		r += x
	}
	return r
}

// leaf4 sums s (4 <= len(s) <= 64 complex numbers) with four accumulators.
func leaf4[T Numeric](s []T) T {
	q := (*[4]T)(s)
	r0, r1, r2, r3 := q[0], q[1], q[2], q[3]
	body := s[4 : len(s)-len(s)%4]
	for len(body) >= 4 {
		q := (*[4]T)(body)
		r0 += q[0]
		r1 += q[1]
		r2 += q[2]
		r3 += q[3]
		body = body[4:]
	}
	r := (r0 + r1) + (r2 + r3)
	for _, x := range s[len(s)-len(s)%4:] {
		r += x
	}
	return r
}

// sumRun returns 0 + s₁ + s₂ + … over the chunks of npBuffer elements of
// data[off], data[off+st], … (n elements): the sum of one lane. lanes is
// lanesOf[T](), which callers summing many lanes look up once.
func sumRun[T Numeric](data []T, off, st, n, lanes int) T {
	var acc T
	if st == 1 {
		s := data[off : off+n]
		if r, ok := kernels.IntSum(s); ok { // integers wrap: any order (semantics.md §33, VK4)
			return r
		}
		for len(s) > 0 {
			k := min(len(s), npBuffer)
			acc += pairwise(s[:k], lanes)
			s = s[k:]
		}
		return acc
	}
	var buf [pwBlock]T
	leaf := func(k int) T {
		b := buf[:k]
		for i := range b {
			b[i] = data[off]
			off += st
		}
		return leafSum(b, lanes)
	}
	for n > 0 {
		k := min(n, npBuffer)
		acc += pairwiseFrom(leaf, k, lanes)
		n -= k
	}
	return acc
}

// planReader reads the elements of a one-operand plan in walk order, in
// pieces of any length.
type planReader[T any] struct {
	p         *plan.Plan
	w         plan.Walker
	data      []T
	off, left int // the next element of the current row, and how many remain in it
}

// read stores the next len(b) elements into b.
func (r *planReader[T]) read(b []T) {
	n, st := r.p.Inner(0)
	for len(b) > 0 {
		if r.left == 0 {
			r.w.Next(r.p)
			r.off, r.left = r.w.Off[0], n
		}
		k := min(len(b), r.left)
		data, off := r.data, r.off
		for i := range b[:k] {
			b[i] = data[off]
			off += st
		}
		b, r.off, r.left = b[k:], off, r.left-k
	}
}

// sumPlan returns the sum of the elements of the one-operand plan p over
// data in NumPy's order: 0 + s₁ + s₂ + …, chunks of npBuffer elements of
// the walk.
func sumPlan[T Numeric](p *plan.Plan, data []T) T {
	if p.Rank == 1 {
		n, st := p.Inner(0)
		return sumRun(data, p.Base[0], st, n, lanesOf[T]())
	}
	r := planReader[T]{p: p, w: p.Walk(1), data: data}
	lanes := lanesOf[T]()
	var buf [pwBlock]T
	leaf := func(k int) T {
		b := buf[:k]
		r.read(b)
		return leafSum(b, lanes)
	}
	var acc T
	for n := p.Size; n > 0; n -= npBuffer {
		acc += pairwiseFrom(leaf, min(n, npBuffer), lanes)
	}
	return acc
}

// sumF16 returns the sum of the float16 elements (as bits) of the plan p
// in NumPy's order, each chunk summed in float32. NumPy's half-precision
// sum rounds the running total to half precision after each chunk
// (roundEach); its mean sums in float32 and does not.
func sumF16(p *plan.Plan, data []uint16, roundEach bool) float32 {
	tab := f16Table()
	r := planReader[uint16]{p: p, w: p.Walk(1), data: data}
	var bits [pwBlock]uint16
	var buf [pwBlock]float32
	leaf := func(k int) float32 {
		h, b := bits[:k], buf[:k]
		r.read(h)
		for i, x := range h {
			b[i] = tab[x]
		}
		return leafSum(b, 8)
	}
	var acc float32
	for n := p.Size; n > 0; n -= npBuffer {
		acc += pairwiseFrom(leaf, min(n, npBuffer), 8)
		if roundEach {
			acc = tab[f32ToF16(acc)]
		}
	}
	return acc
}

// sumRowsInto stores into d[di+j·ds] the sums 0 + r₀[j] + r₁[j] + … of the
// m rows r_i = data[vi + i·vm + j·vs], j < n, one row at a time: NumPy's
// order along an axis that is not the innermost in memory.
func sumRowsInto[T Numeric](d []T, di, ds int, data []T, vi, vm, vs, m, n int) {
	if ds == 1 && vs == 1 {
		// The columns in strips whose accumulator row stays in L1 while
		// every row adds into it (semantics.md §33, VK3); the additions of
		// one column are those of a plain loop over the rows, in order.
		out := d[di : di+n]
		clear(out)
		bw := kernels.RowBlock(mem.Sizeof[T]())
		for j0 := 0; j0 < n; j0 += bw {
			sumRowsStrip(out[j0:min(n, j0+bw)], data, vi+j0, vm, m)
		}
		return
	}
	for j := range n {
		d[di+j*ds] = 0
	}
	for range m {
		o, s := di, vi
		for range n {
			d[o] += data[s]
			o += ds
			s += vs
		}
		vi += vm
	}
}

// sumRowsStrip adds to o, in order, the m rows data[vi+i·vm:][:len(o)].
func sumRowsStrip[T Numeric](o, data []T, vi, vm, m int) {
	n := len(o)
	i := 0
	for ; i+4 <= m; i += 4 {
		// Four rows per pass over o, added in order: the same roundings
		// as one row at a time, a quarter of the stores.
		r0 := data[vi : vi+n]
		r1 := data[vi+vm : vi+vm+n]
		r2 := data[vi+2*vm : vi+2*vm+n]
		r3 := data[vi+3*vm : vi+3*vm+n]
		for j := kernels.AddRows4(o, r0, r1, r2, r3); j < n; j++ {
			o[j] = o[j] + r0[j] + r1[j] + r2[j] + r3[j]
		}
		vi += 4 * vm
	}
	for ; i < m; i++ {
		row := data[vi : vi+n]
		for j := kernels.AddRow(o, row); j < n; j++ {
			o[j] += row[j]
		}
		vi += vm
	}
}
