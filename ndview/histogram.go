package ndview

// Histograms and binning (NumPy's histogram, bincount and digitize),
// semantics.md §19.

import (
	"math"
	"sort"

	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// integer is the constraint of the integer element types.
type integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr
}

// Histogram returns the histogram of the elements of v in bins equal bins
// spanning the smallest to the largest element (NumPy's
// np.histogram(v, bins=bins)): the counts and the bins+1 edges. Each bin
// is half open, [e_i, e_i+1), except the last, which includes its right
// edge. When every element is equal the range is widened by 0.5 on each
// side; an empty v gets the range [0, 1]. The edges and the bin of each
// element are computed as NumPy computes them (semantics.md §19): in
// float32 for float32 data and in float64 otherwise, the bin by
// multiplication and then corrected against the edges. Histogram allocates
// the two slices only.
//
// Histogram panics with an error wrapping ErrShape when bins < 1; it
// returns an error wrapping ErrShape when the range it finds is not finite
// (a NaN or an infinity in v; NumPy: "autodetected range of [nan, nan] is
// not finite").
func Histogram[T Real](v NDView[T], bins int) ([]int, []float64, error) {
	return histogram("Histogram", v, bins, 0, 0, false)
}

// HistogramRange is Histogram over the range [lo, hi] (NumPy's
// np.histogram(v, bins=bins, range=(lo, hi))); elements outside the range,
// and NaNs, are not counted. lo == hi widens the range by 0.5 on each
// side. It returns an error wrapping ErrShape when lo > hi ("max must be
// larger than min in range parameter") or either is not finite; it panics
// as Histogram does.
func HistogramRange[T Real](v NDView[T], bins int, lo, hi float64) ([]int, []float64, error) {
	return histogram("HistogramRange", v, bins, lo, hi, true)
}

// HistogramEdges returns the histogram of the elements of v in the bins
// the edges give (NumPy's np.histogram(v, bins=edges)): len(edges)−1
// counts, bin i holding the elements x with edges[i] <= x < edges[i+1],
// the last bin also x == edges[last]. Elements are compared with the
// edges in float64. NaNs and elements outside the edges are not counted.
// It returns an error wrapping ErrShape when the edges decrease somewhere
// ("bins must increase monotonically"), and panics with an error wrapping
// ErrShape when there are fewer than 2 edges.
func HistogramEdges[T Real](v NDView[T], edges []float64) ([]int, error) {
	const op = "HistogramEdges"
	if len(edges) < 2 {
		panicf(op, ErrShape, "%d edges; want at least 2", len(edges))
	}
	for i := 1; i < len(edges); i++ {
		if edges[i-1] > edges[i] {
			return nil, errorf(op, ErrShape, "`bins` must increase monotonically, when an array (edges[%d] = %v > edges[%d] = %v)", i-1, edges[i-1], i, edges[i])
		}
	}
	counts := make([]int, len(edges)-1)
	last := edges[len(edges)-1]
	walkRows(v, func(off, st, n int) {
		for range n {
			x := float64(v.data[off])
			off += st
			i := sort.Search(len(edges), func(k int) bool { return edges[k] > x }) - 1
			switch {
			case i < 0 || x != x:
			case i == len(edges)-1:
				if x == last {
					counts[len(counts)-1]++
				}
			default:
				counts[i]++
			}
		}
	})
	return counts, nil
}

// histogram runs Histogram and HistogramRange.
func histogram[T Real](op string, v NDView[T], bins int, lo, hi float64, given bool) ([]int, []float64, error) {
	if bins < 1 {
		panicf(op, ErrShape, "`bins` must be positive, when an integer; got %d", bins)
	}
	if given {
		if lo > hi {
			return nil, nil, errorf(op, ErrShape, "max must be larger than min in range parameter: [%v, %v]", lo, hi)
		}
		if math.IsInf(lo, 0) || math.IsInf(hi, 0) || lo != lo || hi != hi {
			return nil, nil, errorf(op, ErrShape, "supplied range of [%v, %v] is not finite", lo, hi)
		}
	}
	if isF32[T]() {
		return histogramC[float32](op, v, bins, lo, hi, given)
	}
	return histogramC[float64](op, v, bins, lo, hi, given)
}

// histogramC computes a histogram of equal bins in C, following NumPy
// 1.24's np.histogram step by step.
func histogramC[C RealFloat, T Real](op string, v NDView[T], bins int, lo, hi float64, given bool) ([]int, []float64, error) {
	// NumPy's outer edges are Python floats or NumPy scalars, and its
	// scalar arithmetic is float64: only the span of float data found by
	// min and max is a difference in T.
	var f, l, span float64
	switch {
	case given:
		f, l, span = lo, hi, hi-lo
	case v.Size() == 0:
		f, l, span = 0, 1, 1
	default:
		mn, mx := Min(v), Max(v)
		if mn != mn || mx != mx || math.IsInf(float64(mn), 0) || math.IsInf(float64(mx), 0) {
			return nil, nil, errorf(op, ErrShape, "autodetected range of [%v, %v] is not finite", mn, mx)
		}
		f, l, span = float64(mn), float64(mx), float64(mx-mn)
		if isIntKind(mem.InfoOf[T]().Kind) {
			// NumPy subtracts integer edges as unsigned, which cannot
			// overflow.
			span = float64(uint64(mx) - uint64(mn))
		}
	}
	if f == l {
		f, l = f-0.5, l+0.5
		span = l - f
	}
	first, last, norm := C(f), C(l), C(float64(bins)/span)
	edges := linspaceEdges(f, l, bins, func(x float64) C { return C(x) })
	counts := make([]int, bins)
	walkRows(v, func(off, st, n int) {
		if st == 1 {
			histRow(counts, edges, v.data[off:off+n], first, last, norm)
			return
		}
		var buf [256]T
		for n > 0 {
			k := min(n, len(buf))
			for i := range k {
				buf[i] = v.data[off]
				off += st
			}
			histRow(counts, edges, buf[:k], first, last, norm)
			n -= k
		}
	})
	out := make([]float64, len(edges))
	for i, e := range edges {
		out[i] = float64(e)
	}
	return counts, out, nil
}

// histRow counts the elements of s into counts by NumPy's rule: elements
// outside [first, last] (and NaNs) are skipped; the bin is
// int((x − first)·norm), lowered from bins to bins−1, then lowered by one
// when x < edges[i] and raised by one when x >= edges[i+1] (but not past
// the last bin).
func histRow[C RealFloat, T Real](counts []int, edges []C, s []T, first, last, norm C) {
	nb := len(counts)
	edges = edges[:nb+1]
	for _, t := range s {
		x := C(t)
		if !(x >= first && x <= last) {
			continue
		}
		i := int((x - first) * norm)
		if i >= nb {
			i = nb - 1
		}
		if x < edges[i] {
			i--
		} else if i != nb-1 && x >= edges[i+1] {
			i++
		}
		counts[i]++
	}
}

// linspaceEdges returns the bins+1 edges np.linspace(lo, hi, bins+1)
// computes in float64 and converts to C by conv: i·step + lo with step =
// (hi−lo)/bins (or i/bins·(hi−lo) when step is 0), the last edge exactly
// hi.
func linspaceEdges[C RealFloat](lo, hi float64, bins int, conv func(float64) C) []C {
	type E = float64
	out := make([]C, bins+1)
	delta := hi - lo
	step := delta / E(bins)
	for i := range out {
		var y E
		if step == 0 {
			y = E(i) / E(bins) * delta
		} else {
			y = E(i) * step
		}
		out[i] = conv(y + lo)
	}
	out[bins] = conv(hi)
	return out
}

// Bincount returns the number of occurrences of each value in v (NumPy's
// np.bincount(v, minlength=minlength)): a slice of length
// max(max(v)+1, minlength), element i counting the elements equal to i.
// v must be 1-D (as NumPy requires). Bincount returns an error wrapping
// ErrShape when v is not 1-D, ErrIndex when v holds a negative value
// ("'list' argument must have no negative elements"), and ErrOverflow
// when max(v)+1 does not fit an int; it panics with an error wrapping
// ErrShape when minlength < 0.
func Bincount[T integer](v NDView[T], minlength int) ([]int, error) {
	n, err := bincountLen("Bincount", v, minlength)
	if err != nil {
		return nil, err
	}
	out := make([]int, n)
	walkRows(v, func(off, st, m int) {
		for range m {
			out[int(v.data[off])]++
			off += st
		}
	})
	return out, nil
}

// BincountWeights returns the sums of the weights w of the elements of v
// equal to each value (NumPy's np.bincount(v, weights=w,
// minlength=minlength)), in float64 and in order. w must have v's shape;
// it panics with an error wrapping ErrShape otherwise. Errors and other
// panics are those of Bincount.
func BincountWeights[T integer, W Real](v NDView[T], w NDView[W], minlength int) ([]float64, error) {
	const op = "BincountWeights"
	if v.NDim() != 1 || w.NDim() != 1 || v.lay.Shape()[0] != w.lay.Shape()[0] {
		if v.NDim() == 1 {
			panicf(op, ErrShape, "The weights and list don't have the same length: shapes %s and %s", formatShape(v.lay.Shape()), formatShape(w.lay.Shape()))
		}
	}
	n, err := bincountLen(op, v, minlength)
	if err != nil {
		return nil, err
	}
	out := make([]float64, n)
	vs, ws := v.lay.Strides()[0], w.lay.Strides()[0]
	for i := range v.lay.Shape()[0] {
		out[int(v.data[v.lay.Off+i*vs])] += float64(w.data[w.lay.Off+i*ws])
	}
	return out, nil
}

// bincountLen checks v and returns the length of its bincount.
func bincountLen[T integer](op string, v NDView[T], minlength int) (int, error) {
	if minlength < 0 {
		panicf(op, ErrShape, "'minlength' must not be negative; got %d", minlength)
	}
	if v.NDim() != 1 {
		return 0, errorf(op, ErrShape, "object too deep for desired array: shape %s; want 1-D", formatShape(v.lay.Shape()))
	}
	n := minlength
	var bad error
	walkRows(v, func(off, st, m int) {
		for range m {
			x := v.data[off]
			off += st
			switch {
			case x < 0:
				if bad == nil {
					bad = errorf(op, ErrIndex, "'list' argument must have no negative elements (found %v)", x)
				}
			case uint64(x) >= math.MaxInt:
				if bad == nil {
					bad = errorf(op, ErrOverflow, "value %v too large for a count array", x)
				}
			default:
				n = max(n, int(x)+1)
			}
		}
	})
	return n, bad
}

// DigitizeInto stores into dst the index of the bin each element of x falls in
// (NumPy's np.digitize(x, bins, right=right)). For increasing bins the
// index i satisfies bins[i-1] <= x < bins[i] (bins[i-1] < x <= bins[i] with
// right); for decreasing bins, bins[i-1] > x >= bins[i] (> x > with
// right, reversed as NumPy does). Values below or above every edge give 0
// or len(bins); NaN gives len(bins) for increasing bins and 0 for
// decreasing ones. x is compared in float64 and broadcast to dst's shape.
//
// DigitizeInto returns an error wrapping ErrShape, having written nothing,
// when bins are not monotonic ("bins must be monotonically increasing or
// decreasing"). It panics, before writing, with an error wrapping
// ErrReadOnly for a read-only dst and ErrShape when x does not broadcast
// to dst's shape. When x shares memory with dst it is copied first.
func DigitizeInto[T Real](dst NDView[int], x NDView[T], bins []float64, right bool) error {
	const op = "Digitize"
	var p plan.Plan
	ok := plan2(op, &p, &dst, &x)
	inc, dec := true, true
	for i := 1; i < len(bins); i++ {
		inc = inc && bins[i-1] <= bins[i]
		dec = dec && bins[i-1] >= bins[i]
	}
	if !inc && !dec {
		return errorf(op, ErrShape, "bins must be monotonically increasing or decreasing")
	}
	if !ok {
		return nil
	}
	nb := len(bins)
	// search returns the number of edges below x (<= x unless right).
	search := func(e []float64, t float64) int {
		if right {
			return sort.Search(len(e), func(k int) bool { return e[k] >= t })
		}
		return sort.Search(len(e), func(k int) bool { return e[k] > t })
	}
	rev := make([]float64, nb)
	if !inc {
		for i, b := range bins {
			rev[nb-1-i] = b
		}
	}
	n, ds := p.Inner(0)
	_, xs := p.Inner(1)
	w := p.Walk(1)
	for w.Next(&p) {
		di, xi := w.Off[0], w.Off[1]
		for range n {
			t := float64(x.data[xi])
			var k int
			switch {
			case t != t && inc:
				k = nb
			case t != t:
				k = 0
			case inc:
				k = search(bins, t)
			default:
				k = nb - search(rev, t)
			}
			dst.data[di] = k
			di += ds
			xi += xs
		}
	}
	return nil
}
