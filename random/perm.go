package random

import (
	"math"
	"slices"

	"github.com/ndkit/ndkit/ndview"
)

// Shuffles, permutations and choices (semantics.md RG7).

// Shuffle permutes x in place along axis (Generator.shuffle(x, axis)):
// for i from n−1 down to 1 it swaps the sub-arrays at i and j, with j
// drawn from [0, i] by NumPy's masked rejection (random_interval). x may
// be any writable view (transposed, strided, reversed): the sub-arrays at
// its logical indices are swapped. A view with no elements is left alone
// and draws nothing, as in NumPy.
//
// Shuffle panics with an error wrapping ndview.ErrReadOnly when x is
// read-only and ndview.ErrAxis when axis is outside [−ndim, ndim) (a 0-d
// view has no axis).
func Shuffle[T any](g *Generator, x ndview.NDView[T], axis int) {
	if x.ReadOnly() {
		panicf("Shuffle", ndview.ErrReadOnly, "array is read-only")
	}
	ax := normAxis("Shuffle", axis, x.Shape())
	if x.Size() == 0 {
		return
	}
	v := x.SwapAxes(0, ax)
	n := v.Shape()[0]
	p := &g.bg
	if v.NDim() == 1 {
		for i := n - 1; i >= 1; i-- {
			j := int(p.interval(uint64(i)))
			a, b := v.At(i), v.At(j)
			v.Set(b, i)
			v.Set(a, j)
		}
		return
	}
	buf := ndview.Zeros[T](v.Shape()[1:]...)
	for i := n - 1; i >= 1; i-- {
		j := int(p.interval(uint64(i)))
		if i == j {
			continue
		}
		ri, rj := sub(v, i), sub(v, j)
		buf.CopyFrom(rj)
		rj.CopyFrom(ri)
		ri.CopyFrom(buf)
	}
}

// sub returns the sub-array v[i, ...], a view.
func sub[T any](v ndview.NDView[T], i int) ndview.NDView[T] {
	return v.Slice(ndview.Int(i))
}

// normAxis returns axis counted from the front, or panics with ErrAxis.
func normAxis(op string, axis int, shape []int) int {
	nd := len(shape)
	if axis < -nd || axis >= nd {
		panicf(op, ndview.ErrAxis, "axis %d is out of bounds for array of dimension %d", axis, nd)
	}
	if axis < 0 {
		axis += nd
	}
	return axis
}

// Permutation returns a new 1-d array holding 0, …, n−1 in random order
// (Generator.permutation(n)): np.arange(n) shuffled by Shuffle. It panics
// with ErrParam when n < 0.
func (g *Generator) Permutation(n int) ndview.NDView[int64] {
	if n < 0 {
		panicf("Permutation", ErrParam, "negative dimensions are not allowed (n = %d)", n)
	}
	perm := ndview.ArangeN[int64](n)
	Shuffle(g, perm, 0)
	return perm
}

// PermutationOf returns a new array holding the sub-arrays of x along
// axis in random order (Generator.permutation(x, axis)): the same draws
// and order as shuffling a copy of x. x is not changed and the result
// shares nothing with it. It panics with an error wrapping ndview.ErrAxis
// when axis is outside [−ndim, ndim).
func PermutationOf[T any](g *Generator, x ndview.NDView[T], axis int) ndview.NDView[T] {
	ax := normAxis("PermutationOf", axis, x.Shape())
	n := x.Shape()[ax]
	idx := ndview.ArangeN[int](n)
	Shuffle(g, idx, 0) // the same swaps as shuffling a copy of x
	return ndview.Must(ndview.Take(x, idx, ax))
}

// Choice returns a new array of the given shape of indices into a
// population of n (Generator.choice(n, size, replace, p)). With replace,
// the indices are drawn independently: uniformly as IntegersOf(0, n)
// does, or, with probabilities p, by searching the normalised running sum
// of p for samples of Random. Without replace they are distinct:
// uniformly by NumPy's Floyd algorithm with a shuffle (or a partial
// shuffle of 0, …, n−1 when n > 10000 and more than n/50 are asked), or
// with p by NumPy's repeated draws over the probabilities not yet chosen.
// A nil p means uniform.
//
// Choice panics with ErrParam when n < 0, or n == 0 and samples are asked,
// and on a negative extent in shape. It returns an error wrapping ErrParam,
// drawing nothing, when p's length is not n, p holds a negative or NaN
// value or does not sum to 1 within √ε, when more distinct samples are
// asked than n, or than p has non-zero entries.
func (g *Generator) Choice(n int, shape []int, replace bool, p []float64) (ndview.NDView[int64], error) {
	size := 1
	for _, e := range shape {
		if e < 0 {
			panicf("Choice", ErrParam, "negative dimensions are not allowed (shape %s)", ndview.FormatShape(shape))
		}
		size *= e // ndview.Zeros below checks the size for overflow
	}
	out := ndview.Zeros[int64](shape...)
	if n < 0 || (n == 0 && size != 0) {
		panicf("Choice", ErrParam, "a must be a positive integer unless no samples are taken (a = %d)", n)
	}
	if p != nil {
		if err := checkP(p, n); err != nil {
			return ndview.NDView[int64]{}, err
		}
	}
	data, _ := out.Data()
	data = data[:size]
	bg := &g.bg
	switch {
	case replace && p != nil:
		cdf := cumsumNorm(p)
		for i := range data {
			data[i] = int64(searchRight(cdf, bg.Float64()))
		}
	case replace:
		bounded64(bg, 0, uint64(n-1), data)
	case size > n:
		return ndview.NDView[int64]{}, newError("Choice", ErrParam, "cannot take a larger sample (%d) than population (%d) when replace is false", size, n)
	case p != nil:
		nz := 0
		for _, q := range p {
			if q > 0 {
				nz++
			}
		}
		if nz < size {
			return ndview.NDView[int64]{}, newError("Choice", ErrParam, "fewer non-zero entries in p (%d) than size (%d)", nz, size)
		}
		g.choiceP(data, slices.Clone(p))
	default:
		g.choiceFloyd(data, n)
	}
	return out, nil
}

// ChoiceOf returns a new array of elements of a taken along axis at the
// indices Choice draws for a population of a's extent along axis
// (Generator.choice(a, size, replace, p, axis)): its shape is a's with that
// axis replaced by shape. It panics and returns errors as Choice does, and
// panics with ndview.ErrAxis for an axis outside [−ndim, ndim).
func ChoiceOf[T any](g *Generator, a ndview.NDView[T], shape []int, replace bool, p []float64, axis int) (ndview.NDView[T], error) {
	ax := normAxis("ChoiceOf", axis, a.Shape())
	idx, err := g.Choice(a.Shape()[ax], shape, replace, p)
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	ii := ndview.Zeros[int](idx.Shape()...)
	d, _ := ii.Data()
	for i, v := range idx.ToSlice() {
		d[i] = int(v)
	}
	return ndview.Must(ndview.Take(a, ii, ax)), nil
}

// checkP is NumPy's validation of choice's p: length, NaN, sign, sum.
func checkP(p []float64, n int) error {
	if len(p) != n {
		return newError("Choice", ErrParam, "a and p must have same size (%d and %d)", n, len(p))
	}
	// kahan_sum, as NumPy checks the sum.
	var sum, c float64
	if len(p) > 0 {
		sum = p[0]
		for _, v := range p[1:] {
			y := v - c
			t := sum + y
			c = (t - sum) - y
			sum = t
		}
	}
	if math.IsNaN(sum) {
		return newError("Choice", ErrParam, "probabilities contain NaN")
	}
	for _, v := range p {
		if v < 0 {
			return newError("Choice", ErrParam, "probabilities are not non-negative (p contains %v)", v)
		}
	}
	if math.Abs(sum-1) > math.Sqrt(0x1p-52) {
		return newError("Choice", ErrParam, "probabilities do not sum to 1 (sum %v)", sum)
	}
	return nil
}

// cumsumNorm returns p.cumsum() / p.cumsum()[-1], in NumPy's order of
// additions.
func cumsumNorm(p []float64) []float64 {
	cdf := make([]float64, len(p))
	s := 0.0
	for i, v := range p {
		s += v
		cdf[i] = s
	}
	last := cdf[len(cdf)-1]
	for i := range cdf {
		cdf[i] /= last
	}
	return cdf
}

// searchRight is searchsorted(cdf, x, side='right'): the number of
// entries <= x.
func searchRight(cdf []float64, x float64) int {
	lo, hi := 0, len(cdf)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if cdf[m] <= x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// choiceP is NumPy's choice without replacement with probabilities:
// draw size−found uniforms, map them through the cdf of the probabilities
// left, keep the first occurrence of each new index in draw order, zero
// the chosen probabilities, repeat.
func (g *Generator) choiceP(out []int64, p []float64) {
	found := 0
	for found < len(out) {
		x := make([]float64, len(out)-found)
		g.random(x)
		for _, k := range out[:found] {
			p[k] = 0
		}
		cdf := cumsumNorm(p)
		seen := map[int64]bool{}
		for _, u := range x {
			k := int64(searchRight(cdf, u))
			if !seen[k] {
				seen[k] = true
				out[found] = k
				found++
			}
		}
	}
}

// choiceFloyd is NumPy's uniform choice without replacement.
func (g *Generator) choiceFloyd(out []int64, n int) {
	size := len(out)
	bg := &g.bg
	if n > 10000 && size > n/50 {
		// Tail shuffle: the last size entries of a partially shuffled
		// 0, …, n−1.
		idx := make([]int64, n)
		for i := range idx {
			idx[i] = int64(i)
		}
		shuffleInt(bg, idx, max(n-size, 1))
		copy(out, idx[n-size:])
		return
	}
	// Floyd's algorithm with NumPy's open-addressing set.
	mask := genMask(uint64(1.2 * float64(size)))
	set := make([]uint64, mask+1)
	for i := range set {
		set[i] = ^uint64(0)
	}
	for j := n - size; j < n; j++ {
		val := bg.boundedUint64(uint64(j))
		loc := val & mask
		for set[loc] != ^uint64(0) && set[loc] != val {
			loc = (loc + 1) & mask
		}
		if set[loc] == ^uint64(0) {
			set[loc] = val
			out[j-n+size] = int64(val)
		} else {
			loc = uint64(j) & mask
			for set[loc] != ^uint64(0) {
				loc = (loc + 1) & mask
			}
			set[loc] = uint64(j)
			out[j-n+size] = int64(j)
		}
	}
	shuffleInt(bg, out, 1)
}

// shuffleInt is NumPy's _shuffle_int: Fisher–Yates over data[first:]
// downwards with Lemire draws.
func shuffleInt(p *PCG64, data []int64, first int) {
	for i := len(data) - 1; i >= first; i-- {
		j := p.boundedUint64(uint64(i))
		data[i], data[j] = data[j], data[i]
	}
}

// genMask is NumPy's _gen_mask: the smallest 2ᵏ−1 >= max.
func genMask(max uint64) uint64 {
	m := max
	m |= m >> 1
	m |= m >> 2
	m |= m >> 4
	m |= m >> 8
	m |= m >> 16
	m |= m >> 32
	return m
}
