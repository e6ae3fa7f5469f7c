package ndview

// Statistics (NumPy's median, quantile, percentile, average, var, std,
// cov, corrcoef and ptp), semantics.md §19.
//
// Result types. NumPy computes the statistics of float32 data in float32
// and those of every other real type (integers, float64) in float64. Go
// cannot name "float32 for float32, float64 otherwise" as a return type,
// so:
//   - the whole-view forms return float64, holding exactly the value NumPy
//     computes in its dtype (a float32 result converts to float64
//     exactly);
//   - the axis forms write into a destination of any RealFloat type D; the
//     value is computed as NumPy computes it (in float32 for float32 data,
//     in float64 otherwise) and then converted to D, as NumPy's out=
//     argument converts.
//
// QuantilesInto select, they do not sort: the elements of a line are copied
// into a scratch slice and partitioned around the wanted ranks by
// introselect (selectRank below). The selection routine is private to this
// file; sort.go is expected to bring a public partition, and the two
// should be unified then.

import (
	"math"
	"math/bits"
	"slices"

	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// RealFloat is the constraint of the result types of the statistics:
// float32, float64 and types defined over them.
type RealFloat interface {
	~float32 | ~float64
}

// isF32 reports whether T is float32 (or defined over it): the one real
// type whose statistics NumPy computes in float32.
func isF32[T any]() bool { return mem.InfoOf[T]().Kind == mem.Float32 }

// ---------------------------------------------------------------------
// Gathering elements.

// gatherAll returns the elements of v in memory order in a new slice,
// leaving out NaNs when dropNaN is set, and reports whether v holds a NaN.
func gatherAll[T Real](v NDView[T], dropNaN bool) ([]T, bool) {
	out := make([]T, 0, v.Size())
	var p plan.Plan
	if !planAll(&p, &v, true) {
		return out, false
	}
	nan := false
	n, st := p.Inner(0)
	w := p.Walk(1)
	for w.Next(&p) {
		var has bool
		out, has = appendLine(out, v.data, w.Off[0], st, n, dropNaN)
		nan = nan || has
	}
	return out, nan
}

// appendLine appends data[off], data[off+st], … (n elements) to out,
// leaving out NaNs when dropNaN is set, and reports whether it met a NaN.
func appendLine[T Real](out, data []T, off, st, n int, dropNaN bool) ([]T, bool) {
	nan := false
	if st == 1 && !dropNaN {
		s := data[off : off+n]
		out = append(out, s...)
		if !isIntKind(mem.InfoOf[T]().Kind) {
			for _, x := range s {
				if x != x {
					nan = true
					break
				}
			}
		}
		return out, nan
	}
	for range n {
		x := data[off]
		off += st
		if x != x {
			nan = true
			if dropNaN {
				continue
			}
		}
		out = append(out, x)
	}
	return out, nan
}

// eachLine checks a reduction of v along axis into dst (as SumAxis does)
// and calls line(di, vi, vs, m) for every destination element di, with
// the m elements of v at vi, vi+vs, … that reduce into it; when the axis
// is empty (and dst is not), it calls empty instead, once, before writing
// anything. A v that shares memory with dst is copied first.
func eachLine[D, T any](op string, dst NDView[D], v NDView[T], axis int, empty func(), line func(di, vi, vs, m int)) {
	var r axisPlan
	switch planAxis(op, &r, &dst, &v, axis, true) {
	case axisSkip:
		return
	case axisEmpty:
		empty()
		return
	}
	r.run(line, func(di, ds, vi, vm, vs, m, n int) {
		for j := range n {
			line(di+j*ds, vi+j*vs, vm, m)
		}
	})
}

// ---------------------------------------------------------------------
// Selection.

// selectRank partially sorts a (which holds no NaN) so that a[k] is the
// element a full sort would put there, every element before it is <= it
// and every element after it is >= it: introselect, quickselect with a
// median-of-three pivot that falls back to sorting the remaining range
// when the partitions stop shrinking fast enough (at most 2·log2(n)
// rounds), so that the worst case is O(n log n) and the usual one O(n).
// (A public partition belongs to sort.go; this one is private until the
// two are unified.)
func selectRank[T Real](a []T, k int) {
	lo, hi := 0, len(a)-1
	depth := 2 * bits.Len(uint(len(a)))
	for hi > lo {
		if hi-lo < 16 {
			insertionSortValues(a[lo : hi+1])
			return
		}
		if depth == 0 {
			slices.Sort(a[lo : hi+1])
			return
		}
		depth--
		mid := lo + (hi-lo)/2
		if a[mid] < a[lo] {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[mid] {
			a[hi], a[mid] = a[mid], a[hi]
			if a[mid] < a[lo] {
				a[mid], a[lo] = a[lo], a[mid]
			}
		}
		p := a[mid]
		i, j := lo, hi
		for i <= j {
			for a[i] < p {
				i++
			}
			for p < a[j] {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return // a[j+1:i] all equal p
		}
	}
}

// insertionSort sorts a short a.
func insertionSortValues[T Real](a []T) {
	for i := 1; i < len(a); i++ {
		x := a[i]
		j := i
		for ; j > 0 && x < a[j-1]; j-- {
			a[j] = a[j-1]
		}
		a[j] = x
	}
}

// selectRanks partially sorts a so that every rank in ks (sorted, within
// [0, len(a))) holds the element a full sort would put there. After the
// first rank the search continues to the right of the previous one; a
// rank next to the previous one is the minimum of the rest.
func selectRanks[T Real](a []T, ks []int) {
	done := -1
	for _, k := range ks {
		switch {
		case k <= done:
			continue
		case k == done+1 && done >= 0:
			m := k
			for i := k + 1; i < len(a); i++ {
				if a[i] < a[m] {
					m = i
				}
			}
			a[k], a[m] = a[m], a[k]
		default:
			selectRank(a[done+1:], k-done-1)
		}
		done = k
	}
}

// ---------------------------------------------------------------------
// Quantile methods.

// QuantileMethod is the method of a quantile (NumPy 1.24's method=
// argument): how the q-th quantile of n sorted values is taken from the
// values around the virtual index that q gives.
type QuantileMethod uint8

// The methods of NumPy 1.24, by its names; QuantileLinear (the zero value)
// is NumPy's default.
const (
	QuantileLinear                  QuantileMethod = iota // "linear": v = (n−1)q, interpolated
	QuantileInvertedCDF                                   // "inverted_cdf"
	QuantileAveragedInvertedCDF                           // "averaged_inverted_cdf"
	QuantileClosestObservation                            // "closest_observation"
	QuantileInterpolatedInvertedCDF                       // "interpolated_inverted_cdf"
	QuantileHazen                                         // "hazen"
	QuantileWeibull                                       // "weibull"
	QuantileMedianUnbiased                                // "median_unbiased"
	QuantileNormalUnbiased                                // "normal_unbiased"
	QuantileLower                                         // "lower": floor((n−1)q)
	QuantileHigher                                        // "higher": ceil((n−1)q)
	QuantileMidpoint                                      // "midpoint"
	QuantileNearest                                       // "nearest": (n−1)q rounded half to even
	numQuantileMethods
)

var quantileNames = [numQuantileMethods]string{
	"linear", "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
	"interpolated_inverted_cdf", "hazen", "weibull", "median_unbiased",
	"normal_unbiased", "lower", "higher", "midpoint", "nearest",
}

// String returns NumPy's name of the method.
func (m QuantileMethod) String() string {
	if m < numQuantileMethods {
		return quantileNames[m]
	}
	return "QuantileMethod(" + itoa(int(m)) + ")"
}

// qpoint is where a quantile lies among n sorted values: between ranks lo
// and hi, at weight gamma (NumPy's previous and next indexes and gamma,
// with its −1 "last" index kept for gamma's sake).
type qpoint struct {
	lo, hi   int     // ranks in [0, n)
	gamma    float64 // interpolation weight; ignored when discrete
	discrete bool    // the result is the value at rank lo
	half     bool    // the values are halves: b − a is rounded to half
}

// quantilePoint returns where the q-th quantile of n >= 1 values lies,
// following NumPy 1.24's _quantile step by step (the float operations in
// the same order).
func quantilePoint(m QuantileMethod, n int, q float64) qpoint {
	fn := float64(n)
	clip := func(i float64) qpoint {
		k := int(i)
		k = max(k, 0)
		return qpoint{lo: k, hi: k, discrete: true}
	}
	// discretes of _discret_interpolation_to_boundaries
	boundary := func(index float64, takePrev func(gamma, index float64) bool) qpoint {
		prev := math.Floor(index)
		if takePrev(index-prev, index) {
			return clip(prev)
		}
		return clip(prev + 1)
	}
	virtual := func(alpha, beta float64) float64 { return fn*q + (alpha + q*(1-alpha-beta)) - 1 }
	var v float64
	switch m {
	case QuantileInvertedCDF:
		return boundary(fn*q-1, func(g, _ float64) bool { return g == 0 })
	case QuantileClosestObservation:
		return boundary(fn*q-1-0.5, func(g, i float64) bool {
			r := math.Mod(math.Floor(i), 2)
			return g == 0 && r == 0
		})
	case QuantileLower:
		return clip(math.Floor(float64(n-1) * q))
	case QuantileHigher:
		return clip(math.Ceil(float64(n-1) * q))
	case QuantileNearest:
		return clip(math.RoundToEven(float64(n-1) * q))
	case QuantileLinear:
		v = float64(n-1) * q
	case QuantileAveragedInvertedCDF:
		v = fn*q - 1
	case QuantileInterpolatedInvertedCDF:
		v = virtual(0, 1)
	case QuantileHazen:
		v = virtual(0.5, 0.5)
	case QuantileWeibull:
		v = virtual(0, 0)
	case QuantileMedianUnbiased:
		v = virtual(1/3.0, 1/3.0)
	case QuantileNormalUnbiased:
		v = virtual(3/8.0, 3/8.0)
	case QuantileMidpoint:
		v = 0.5 * (math.Floor(float64(n-1)*q) + math.Ceil(float64(n-1)*q))
	}
	// _get_indexes: above the last index both are the last (−1 to
	// NumPy, which gamma sees), below the first both are the first.
	prev := math.Floor(v)
	p := qpoint{lo: int(prev), hi: int(prev) + 1}
	switch {
	case v >= float64(n-1):
		prev, p.lo, p.hi = -1, n-1, n-1
	case v < 0:
		prev, p.lo, p.hi = 0, 0, 0
	}
	p.gamma = v - prev
	switch m {
	case QuantileAveragedInvertedCDF:
		p.gamma = 1
		if v-prev == 0 {
			p.gamma = 0.5
		}
	case QuantileMidpoint:
		p.gamma = 0.5
		if math.Mod(v, 1) == 0 {
			p.gamma = 0
		}
	}
	return p
}

// quantileValue returns the quantile at p of the partitioned a as NumPy's
// _lerp computes it: the difference b − a in T (integers wrap, as NumPy's
// do), then, in float64, a + (b−a)·γ when γ < 0.5, else b − (b−a)·(1−γ).
// NumPy's γ is a float64 array, so the interpolation is in float64 for
// float32 data too.
func quantileValue[T Real](a []T, p qpoint) float64 {
	return interpolate(a[p.lo], a[p.hi], p)
}

// interpolate is quantileValue given the elements x and y of ranks p.lo
// and p.hi.
func interpolate[T Real](x, y T, p qpoint) float64 {
	if p.discrete {
		return float64(x)
	}
	d := float64(y - x)
	if p.half {
		d = float64(r16(float32(d)))
	}
	if p.gamma >= 0.5 {
		return float64(y) - d*(1-p.gamma)
	}
	return float64(x) + d*p.gamma
}

// checkQ panics unless every q lies in [0, 1] and the method is known.
func checkQ(op string, m QuantileMethod, qs ...float64) {
	if m >= numQuantileMethods {
		panicf(op, ErrType, "unknown quantile method %d; valid: QuantileLinear … QuantileNearest", int(m))
	}
	for _, q := range qs {
		if !(q >= 0 && q <= 1) {
			panicf(op, ErrIndex, "Quantiles must be in the range [0, 1]; got %v", q)
		}
	}
}

// quantilesOf computes into out the quantiles qs of the values a (which
// it partitions); nan says a held a NaN (every result is then NaN), and
// an empty a gives NaN too (the Nan forms' all-NaN lines).
// With half set the values are float16 ones held as T = float32.
func quantilesOf[T Real](out []float64, a []T, nan bool, qs []float64, m QuantileMethod, half bool) {
	if nan || len(a) == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return
	}
	var buf [8]qpoint
	pts := buf[:0]
	var kbuf [16]int
	ks := kbuf[:0]
	for _, q := range qs {
		p := quantilePoint(m, len(a), q)
		p.half = half
		pts = append(pts, p)
		ks = append(ks, p.lo)
		if !p.discrete {
			ks = append(ks, p.hi)
		}
	}
	slices.Sort(ks)
	selectRanks(a, ks)
	for i, p := range pts {
		out[i] = quantileValue(a, p)
	}
}

// medianOf returns the median of a (which it partitions) in C: the middle
// element, or the middle pair averaged as (a+b)/2 in C; NaN when a is
// empty or nan is set.
func medianOf[C RealFloat, T Real](a []T, nan bool) C {
	n := len(a)
	if n == 0 || nan {
		return C(math.NaN())
	}
	k := n / 2
	selectRank(a, k)
	if n%2 == 1 {
		return C(a[k])
	}
	lo := a[0]
	for _, x := range a[1:k] {
		lo = max(lo, x)
	}
	return (C(lo) + C(a[k])) / 2
}

// ---------------------------------------------------------------------
// Median and quantiles: whole views.

// Median returns the median of the elements of v (NumPy's np.median(v)):
// the middle element of the sorted values, or the mean of the middle two,
// (a+b)/2. It is computed in float32 for float32 data and in float64 for
// every other real type, and returned as float64. A NaN anywhere gives
// NaN, and so does an empty v (NumPy warns "Mean of empty slice"). Median
// copies the elements (a slice of v's size) and partitions the copy by
// selection, not a full sort; v is not changed.
func Median[T Real](v NDView[T]) float64 {
	if isF16[T]() {
		return medianHalf(v, false)
	}
	if n := v.Size(); n >= bandMin {
		ks := []int{n / 2}
		if n%2 == 0 {
			ks = []int{n/2 - 1, n / 2}
		}
		if b, ok := bandSelect(v, ks); ok {
			switch {
			case b.nan:
				return math.NaN()
			case n%2 == 1:
				return float64(b.at(ks[0]))
			case isF32[T]():
				return float64((float32(b.at(ks[0])) + float32(b.at(ks[1]))) / 2)
			}
			return (float64(b.at(ks[0])) + float64(b.at(ks[1]))) / 2
		}
	}
	a, nan := gatherAll(v, false)
	if isF32[T]() {
		return float64(medianOf[float32](a, nan))
	}
	return medianOf[float64](a, nan)
}

// Quantile returns the q-th quantile of the elements of v (NumPy's
// np.quantile(v, q, method=m)), q in [0, 1], computed as NumPy 1.24 does
// for the method (semantics.md §19): the difference of the two
// neighbours in T, the interpolation in float64 (also for float32 data,
// as NumPy's). The methods that pick an element (lower, higher, nearest,
// inverted_cdf, closest_observation) give that element converted to
// float64 (NumPy keeps the data's dtype there).
// A NaN anywhere gives NaN. Quantile copies the elements and selects on the
// copy; v is not changed.
//
// Quantile returns an error wrapping ErrIndex when v is empty (NumPy
// raises IndexError); it panics with an error wrapping ErrIndex when q is
// outside [0, 1] or NaN, and ErrType for an unknown method.
func Quantile[T Real](v NDView[T], q float64, m QuantileMethod) (float64, error) {
	var out [1]float64
	err := quantiles("Quantile", out[:], v, []float64{q}, m, false)
	return out[0], err
}

// QuantilesInto stores into dst the quantiles qs of the elements of v
// (NumPy's np.quantile(v, qs)), one selection for all of them; len(dst)
// must equal len(qs). Rules, errors and panics are those of Quantile; it
// also panics with an error wrapping ErrShape when the lengths differ.
func QuantilesInto[T Real](dst []float64, v NDView[T], qs []float64, m QuantileMethod) error {
	return quantiles("Quantiles", dst, v, qs, m, false)
}

// Quantiles returns QuantilesInto's values in a new slice of len(qs) (NumPy's
// np.quantile(v, qs)). It returns QuantilesInto's errors and panics as it does
// (semantics.md A1).
func Quantiles[T Real](v NDView[T], qs []float64, m QuantileMethod) ([]float64, error) {
	dst := make([]float64, len(qs))
	if err := QuantilesInto(dst, v, qs, m); err != nil {
		return nil, err
	}
	return dst, nil
}

// Percentile is Quantile with q in percent (NumPy's np.percentile): q is
// divided by 100 first, and must lie in [0, 100].
func Percentile[T Real](v NDView[T], q float64, m QuantileMethod) (float64, error) {
	var out [1]float64
	err := quantiles("Percentile", out[:], v, []float64{q / 100}, m, false)
	return out[0], err
}

// PercentilesInto is Quantiles with qs in percent (NumPy's np.percentile).
func PercentilesInto[T Real](dst []float64, v NDView[T], qs []float64, m QuantileMethod) error {
	return quantiles("Percentiles", dst, v, percents(qs), m, false)
}

// Percentiles returns PercentilesInto's values in a new slice of len(qs) (NumPy's
// np.percentile(v, qs)). It returns PercentilesInto's errors and panics as it does
// (semantics.md A1).
func Percentiles[T Real](v NDView[T], qs []float64, m QuantileMethod) ([]float64, error) {
	dst := make([]float64, len(qs))
	if err := PercentilesInto(dst, v, qs, m); err != nil {
		return nil, err
	}
	return dst, nil
}

// percents returns qs divided by 100.
func percents(qs []float64) []float64 {
	out := make([]float64, len(qs))
	for i, q := range qs {
		out[i] = q / 100
	}
	return out
}

// quantiles runs the whole-view quantile functions; dropNaN leaves NaNs
// out (the Nan forms), where an all-NaN v gives NaN.
func quantiles[T Real](op string, dst []float64, v NDView[T], qs []float64, m QuantileMethod, dropNaN bool) error {
	checkQ(op, m, qs...)
	if len(dst) != len(qs) {
		panicf(op, ErrShape, "destination of length %d for %d quantiles", len(dst), len(qs))
	}
	if v.Size() == 0 && !dropNaN {
		return errorf(op, ErrIndex, "cannot do a non-empty take from an empty axes (quantile of an empty view of shape %s)", formatShape(v.lay.Shape()))
	}
	if isF16[T]() {
		a, nan := halfGather(v, dropNaN)
		if dropNaN {
			nan = len(a) == 0
		}
		quantilesOf(dst, a, nan, qs, m, true)
		return nil
	}
	if n := v.Size(); n >= bandMin && !dropNaN {
		pts := make([]qpoint, len(qs))
		var ks []int
		for i, q := range qs {
			pts[i] = quantilePoint(m, n, q)
			ks = append(ks, pts[i].lo, pts[i].hi)
		}
		slices.Sort(ks)
		if b, ok := bandSelect(v, slices.Compact(ks)); ok {
			for i, p := range pts {
				dst[i] = math.NaN()
				if !b.nan {
					dst[i] = interpolate(b.at(p.lo), b.at(p.hi), p)
				}
			}
			return nil
		}
	}
	a, nan := gatherAll(v, dropNaN)
	if dropNaN {
		nan = len(a) == 0 // all NaN: NumPy warns and gives NaN
	}
	quantilesOf(dst, a, nan, qs, m, false)
	return nil
}

// Band selection. The whole-view median and quantiles of a large view do
// not copy it: a sample of the view brackets the wanted ranks between two
// values lo and hi; one pass over the view counts the elements below lo
// and copies those in [lo, hi] (about 2% of them) into a scratch slice,
// where the ranks are selected. If the bracket missed (the sample was
// unlucky), the view is copied whole instead; the result is the same
// either way. A NaN, in the sample or in the pass, ends the work: the
// result is NaN. Copying 10M float64 costs more than the whole selection
// (a fresh 80 MB buffer is faulted in page by page), which is why.

const (
	bandMin    = 1 << 16 // smallest view worth sampling
	bandSample = 1 << 16 // sample size
)

// bandSlack is the number of sample ranks added on each side of the
// bracket: 640 is 5 standard deviations of a sample rank at worst, so a
// miss is rare. A variable so that tests can make misses common.
var bandSlack = 640

// band is the result of bandSelect: the elements of the bracket,
// partitioned at the wanted ranks less below.
type band[T Real] struct {
	buf  []T
	less int
	nan  bool
}

// at returns the element of rank k, one of the ranks selected.
func (b *band[T]) at(k int) T { return b.buf[k-b.less] }

// bandSelect selects the ranks ks (sorted, distinct) of the elements of v
// by band selection. It reports false when the bracket missed.
func bandSelect[T Real](v NDView[T], ks []int) (band[T], bool) {
	n := v.Size()
	sh, st := v.lay.Shape(), v.lay.Strides()
	// A stratified sample: one element at a pseudo-random place in each
	// of bandSample equal stretches of the C order.
	smp := make([]T, bandSample)
	x := uint64(0x9e3779b97f4a7c15)
	for i := range smp {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		lo, hi := i*n/bandSample, (i+1)*n/bandSample
		flat := lo + int(x%uint64(hi-lo))
		off := v.lay.Off
		for a := len(sh) - 1; a >= 0; a-- {
			off += flat % sh[a] * st[a]
			flat /= sh[a]
		}
		smp[i] = v.data[off]
		if smp[i] != smp[i] {
			return band[T]{nan: true}, true
		}
	}
	slices.Sort(smp)
	rl := ks[0]*bandSample/n - bandSlack
	rh := ks[len(ks)-1]*bandSample/n + 1 + bandSlack
	hasLo, hasHi := rl >= 0, rh < bandSample
	var lo, hi T
	if hasLo {
		lo = smp[rl]
	}
	if hasHi {
		hi = smp[rh]
	}
	b := band[T]{buf: make([]T, 0, n/32)}
	nan := false
	walkRows(v, func(off, st, m int) {
		if nan {
			return
		}
		var less int
		b.buf, less, nan = bandRow(b.buf, v.data, off, st, m, lo, hi, hasLo, hasHi)
		b.less += less
	})
	if nan {
		return band[T]{nan: true}, true
	}
	if b.less > ks[0] || b.less+len(b.buf) <= ks[len(ks)-1] {
		return band[T]{}, false
	}
	rel := make([]int, len(ks))
	for i, k := range ks {
		rel[i] = k - b.less
	}
	selectRanks(b.buf, rel)
	return b, true
}

// bandRow appends to buf the elements of a row inside the bracket, and
// returns how many were below it and whether a NaN was met.
func bandRow[T Real](buf, data []T, off, st, m int, lo, hi T, hasLo, hasHi bool) ([]T, int, bool) {
	less := 0
	if st == 1 && hasLo && hasHi {
		// About half the elements lie below lo, at random: count them
		// without a branch (a conditional move), and branch only on the
		// rare elements inside the bracket and on NaNs.
		for _, x := range data[off : off+m] {
			c, d := 0, 0
			if x < lo {
				c = 1
			}
			if x > hi {
				d = 1
			}
			less += c
			if c|d == 0 {
				if x != x {
					return buf, less, true
				}
				buf = append(buf, x)
			}
		}
		return buf, less, false
	}
	for range m {
		x := data[off]
		off += st
		switch {
		case x != x:
			return buf, less, true
		case hasLo && x < lo:
			less++
		case hasHi && x > hi:
		default:
			buf = append(buf, x)
		}
	}
	return buf, less, false
}

// ---------------------------------------------------------------------
// Median and quantiles along an axis.

// MedianAxisInto stores into dst the medians of v along axes (NumPy's
// np.median(v, axis=axes, out=dst)), with the rules of Median; an axis of
// extent 0 gives NaN. dst has v's shape without the axis, or with it of
// extent 1 (keepdims). Each line is copied into a scratch slice (allocated
// once) and partitioned. When dst shares memory with v, v is copied first.
//
// MedianAxisInto panics, before writing anything, with an error wrapping
// ErrReadOnly when dst is read-only, ErrAxis when axis is out of range and
// ErrShape when dst's shape does not fit.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func MedianAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("MedianAxis", dst, v, axes)
	medianAxis("MedianAxis", dst, v, axis, false)
}

// medianAxis runs MedianAxis and NanMedianAxis.
func medianAxis[D RealFloat, T Real](op string, dst NDView[D], v NDView[T], axis int, dropNaN bool) {
	if isF16[T]() {
		medianAxis(op, dst, asFloat32(v), axis, dropNaN)
		return
	}
	d, data := dst.data, v.data
	var buf []T
	f32 := isF32[T]()
	eachLine(op, dst, v, axis, func() { dst.Fill(D(math.NaN())) }, func(di, vi, vs, m int) {
		var nan bool
		buf, nan = appendLine(buf[:0], data, vi, vs, m, dropNaN)
		if f32 {
			d[di] = D(medianOf[float32](buf, nan && !dropNaN))
		} else {
			d[di] = D(medianOf[float64](buf, nan && !dropNaN))
		}
	})
}

// QuantileAxisInto stores into dst the q-th quantiles of v along axis (NumPy's
// np.quantile(v, q, axis=axis, out=dst)), with the rules of Quantile and
// the shapes of MedianAxis. It returns an error wrapping ErrIndex, having
// written nothing, when the axis has extent 0 and dst is not empty; it
// panics as MedianAxis and Quantile do.
func QuantileAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axis int, q float64, m QuantileMethod) error {
	return quantileAxis("QuantileAxis", dst, v, axis, []float64{q}, m, false, false)
}

// QuantilesAxisInto stores into dst the quantiles qs of v along axis (NumPy's
// np.quantile(v, qs, axis=axis, out=dst)): dst has shape (len(qs),)
// followed by v's shape without the axis (or with it of extent 1), and
// dst[i] holds the qs[i]-th quantiles. Each line is selected once for all
// of qs. Rules, errors and panics are those of QuantileAxis.
func QuantilesAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axis int, qs []float64, m QuantileMethod) error {
	return quantileAxis("QuantilesAxis", dst, v, axis, qs, m, true, false)
}

// QuantilesAxis returns QuantilesAxisInto's values in a new array of shape (len(qs),)
// followed by v's shape without the axis (NumPy's np.quantile(v, qs, axis=axis)). It returns
// QuantilesAxisInto's errors and panics as it does (semantics.md A1).
func QuantilesAxis[D RealFloat, T Real](v NDView[T], axis int, qs []float64, m QuantileMethod) (NDView[D], error) {
	red := newReduced[D]("QuantilesAxis", v.lay.Shape(), []int{axis})
	dst := Zeros[D](append([]int{len(qs)}, red.lay.Shape()...)...)
	if err := QuantilesAxisInto(dst, v, axis, qs, m); err != nil {
		return NDView[D]{}, err
	}
	return dst, nil
}

// PercentileAxisInto is QuantileAxis with q in percent (NumPy's
// np.percentile(v, q, axis=axis, out=dst)).
func PercentileAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axis int, q float64, m QuantileMethod) error {
	return quantileAxis("PercentileAxis", dst, v, axis, []float64{q / 100}, m, false, false)
}

// PercentilesAxisInto is QuantilesAxis with qs in percent.
func PercentilesAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axis int, qs []float64, m QuantileMethod) error {
	return quantileAxis("PercentilesAxis", dst, v, axis, percents(qs), m, true, false)
}

// PercentilesAxis returns PercentilesAxisInto's values in a new array of shape (len(qs),)
// followed by v's shape without the axis (NumPy's np.percentile(v, qs, axis=axis)). It returns
// PercentilesAxisInto's errors and panics as it does (semantics.md A1).
func PercentilesAxis[D RealFloat, T Real](v NDView[T], axis int, qs []float64, m QuantileMethod) (NDView[D], error) {
	red := newReduced[D]("PercentilesAxis", v.lay.Shape(), []int{axis})
	dst := Zeros[D](append([]int{len(qs)}, red.lay.Shape()...)...)
	if err := PercentilesAxisInto(dst, v, axis, qs, m); err != nil {
		return NDView[D]{}, err
	}
	return dst, nil
}

// quantileAxis runs the axis forms of the quantiles. With many, dst has a
// leading axis of len(qs) quantiles.
func quantileAxis[D RealFloat, T Real](op string, dst NDView[D], v NDView[T], axis int, qs []float64, m QuantileMethod, many, dropNaN bool) error {
	if isF16[T]() {
		return quantileAxis(op, dst, asFloat32(v), axis, qs, m, many, dropNaN)
	}
	checkQ(op, m, qs...)
	first, qst := dst, 0
	if many {
		if dst.lay.Flags&layout.FlagReadOnly != 0 {
			panicf(op, ErrReadOnly, "assignment destination is read-only")
		}
		if dst.NDim() == 0 || dst.lay.Shape()[0] != len(qs) {
			panicf(op, ErrShape, "destination shape %s for %d quantiles; want (%d,) followed by the reduced shape", formatShape(dst.lay.Shape()), len(qs), len(qs))
		}
		if len(qs) == 0 {
			sub := newView(dst.data, dst.lay.Off, dst.NDim()-1)
			copy(sub.lay.Shape(), dst.lay.Shape()[1:])
			copy(sub.lay.Strides(), dst.lay.Strides()[1:])
			checkAxis(op, &sub, &v, axis)
			return nil
		}
		first = dst.Slice(Int(0))
		qst = dst.lay.Strides()[0]
		if shareMemory(&dst, &v) {
			v = v.Clone()
		}
	}
	ax, _ := checkAxis(op, &first, &v, axis)
	if v.lay.Shape()[ax] == 0 && first.Size() > 0 && !dropNaN {
		return errorf(op, ErrIndex, "cannot do a non-empty take from an empty axes (axis %d of shape %s)", ax, formatShape(v.lay.Shape()))
	}
	d, data := dst.data, v.data
	var buf []T
	out64 := make([]float64, len(qs))
	eachLine(op, first, v, axis, func() {
		for i := range qs { // the Nan forms: NaN for an empty axis
			sub := dst
			if many {
				sub = dst.Slice(Int(i))
			}
			sub.Fill(D(math.NaN()))
		}
	}, func(di, vi, vs, mm int) {
		var nan bool
		buf, nan = appendLine(buf[:0], data, vi, vs, mm, dropNaN)
		quantilesOf(out64, buf, nan && !dropNaN, qs, m, false)
		for i, x := range out64 {
			d[di+i*qst] = D(x)
		}
	})
	return nil
}

// ---------------------------------------------------------------------
// Variance and standard deviation.

// sumC pushes into c the pairwise sum (pairwise.go's blocks and cascade)
// of the n elements data[off], data[off+st], … converted to C, or, with
// sq, of their squared deviations from mu. The two are one loop each, with
// no call per element.
func sumC[C RealFloat, T Real](c *cascade[C], data []T, off, st, n int, sq bool, mu C) {
	var buf [pwBlock]C
	for n > 0 {
		k := min(n, pwBlock)
		b := buf[:k]
		switch {
		case sq && st == 1:
			for i, x := range data[off : off+k] {
				d := C(x) - mu
				b[i] = d * d
			}
		case sq:
			for i := range b {
				d := C(data[off+i*st]) - mu
				b[i] = d * d
			}
		case st == 1:
			for i, x := range data[off : off+k] {
				b[i] = C(x)
			}
		default:
			for i := range b {
				b[i] = C(data[off+i*st])
			}
		}
		c.push(blockSum(b))
		off += k * st
		n -= k
	}
}

// walkRows calls row(off, st, n) for every row of v in memory order and
// reports whether v has elements.
func walkRows[T any](v NDView[T], row func(off, st, n int)) bool {
	var p plan.Plan
	if !planAll(&p, &v, true) {
		return false
	}
	n, st := p.Inner(0)
	w := p.Walk(1)
	for w.Next(&p) {
		row(w.Off[0], st, n)
	}
	return true
}

// meanC returns the pairwise sum of the elements of v converted to C,
// divided by their number (NaN when v is empty).
func meanC[C RealFloat, T Real](v NDView[T]) C {
	var c cascade[C]
	walkRows(v, func(off, st, n int) { sumC(&c, v.data, off, st, n, false, 0) })
	return c.total() / C(v.Size())
}

// varC returns the variance of the elements of v in C (semantics.md §19).
func varC[C RealFloat, T Real](v NDView[T], ddof int) C {
	mean := meanC[C](v)
	var c cascade[C]
	walkRows(v, func(off, st, n int) { sumC(&c, v.data, off, st, n, true, mean) })
	return c.total() / C(max(v.Size()-ddof, 0))
}

// Var returns the variance of the elements of v (NumPy's np.var(v,
// ddof=ddof)): the mean of the squared deviations from the mean, divided by
// max(n − ddof, 0) instead of n. It is computed in float32 for float32 data
// and in float64 for every other real type (integers are converted first,
// as NumPy's float64 accumulator does), and returned as float64; sums are
// pairwise (semantics.md N5). n <= ddof gives +Inf, or NaN when the
// deviations are all 0 or v is empty; it is not an error. A NaN gives NaN.
// Var reads v twice and does not allocate.
func Var[T Real](v NDView[T], ddof int) float64 {
	if isF16[T]() {
		return float64(varHalf(v, ddof, false))
	}
	if isF32[T]() {
		return float64(varC[float32](v, ddof))
	}
	return varC[float64](v, ddof)
}

// Std returns the standard deviation of the elements of v (NumPy's
// np.std(v, ddof=ddof)): the square root of Var, taken in the same type.
func Std[T Real](v NDView[T], ddof int) float64 {
	if isF16[T]() {
		return float64(sqrtHalf(varHalf(v, ddof, false)))
	}
	if isF32[T]() {
		return float64(float32(math.Sqrt(float64(varC[float32](v, ddof)))))
	}
	return math.Sqrt(varC[float64](v, ddof))
}

// VarAxisInto stores into dst the variances of v along axes (NumPy's
// np.var(v, axis=axes, ddof=ddof, out=dst)), computed as Var computes them
// and converted to D. Along the axis innermost in memory each line is
// summed pairwise; along any other axis whole rows are accumulated into two
// row buffers (the means, then the squared deviations), which NumPy does
// too. Shapes, overlap and panics are those of MedianAxis; an axis of
// extent 0 gives NaN. It allocates two row buffers for the second case,
// and a copy of v when dst shares memory with v.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func VarAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], ddof int, axes ...int) {
	dst, v, axis := mergeAxes("VarAxis", dst, v, axes)
	if isF32[T]() {
		varAxis[float32]("VarAxis", dst, v, axis, ddof, false)
		return
	}
	varAxis[float64]("VarAxis", dst, v, axis, ddof, false)
}

// StdAxisInto stores into dst the standard deviations of v along axes (NumPy's
// np.std(v, axis=axes, ddof=ddof, out=dst)), with the rules of VarAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func StdAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], ddof int, axes ...int) {
	dst, v, axis := mergeAxes("StdAxis", dst, v, axes)
	if isF32[T]() {
		varAxis[float32]("StdAxis", dst, v, axis, ddof, true)
		return
	}
	varAxis[float64]("StdAxis", dst, v, axis, ddof, true)
}

// varAxis runs VarAxis and StdAxis in C.
func varAxis[C RealFloat, D RealFloat, T Real](op string, dst NDView[D], v NDView[T], axis, ddof int, sqrt bool) {
	if isF16[T]() {
		varAxis[float32](op, dst, asFloat32(v), axis, ddof, sqrt)
		return
	}
	var r axisPlan
	switch planAxis(op, &r, &dst, &v, axis, false) {
	case axisSkip:
		return
	case axisEmpty:
		dst.Fill(D(math.NaN()))
		return
	}
	d, data := dst.data, v.data
	fin := func(s C, m int) D {
		x := s / C(max(m-ddof, 0))
		if sqrt {
			x = C(math.Sqrt(float64(x)))
		}
		return D(x)
	}
	var mean, acc []C
	r.run(func(di, vi, vs, m int) {
		var c cascade[C]
		sumC(&c, data, vi, vs, m, false, 0)
		mu := c.total() / C(m)
		c = cascade[C]{}
		sumC(&c, data, vi, vs, m, true, mu)
		d[di] = fin(c.total(), m)
	}, func(di, ds, vi, vm, vs, m, n int) {
		if cap(mean) < n {
			mean, acc = make([]C, n), make([]C, n)
		}
		mu, sq := mean[:n], acc[:n]
		clear(mu)
		clear(sq)
		for i := range m {
			addRow(mu, data, vi+i*vm, vs)
		}
		for j := range mu {
			mu[j] /= C(m)
		}
		for i := range m {
			addSqDev(sq, mu, data, vi+i*vm, vs)
		}
		for j, s := range sq {
			d[di+j*ds] = fin(s, m)
		}
	})
}

// addRow adds data[off], data[off+st], … (len(acc) elements) to acc.
func addRow[C RealFloat, T Real](acc []C, data []T, off, st int) {
	if st == 1 {
		s := data[off : off+len(acc)]
		for j, x := range s {
			acc[j] += C(x)
		}
		return
	}
	for j := range acc {
		acc[j] += C(data[off])
		off += st
	}
}

// addSqDev adds (x − mu)² for the row data[off], data[off+st], … to acc.
func addSqDev[C RealFloat, T Real](acc, mu []C, data []T, off, st int) {
	if st == 1 {
		s := data[off : off+len(acc)]
		mu = mu[:len(s)]
		for j, x := range s {
			e := C(x) - mu[j]
			acc[j] += e * e
		}
		return
	}
	for j := range acc {
		e := C(data[off]) - mu[j]
		acc[j] += e * e
		off += st
	}
}

// ---------------------------------------------------------------------
// Average, covariance, correlation, peak to peak.

// Average returns the weighted average of the elements of v (NumPy's
// np.average(v, weights=w, returned=True)): Σ v·w / Σ w, and Σ w. The
// weights have v's shape. Products and sums are computed in
// float64 for every type (NumPy's result type includes 'f8'); sums are
// pairwise. For an unweighted average use Mean.
//
// Average panics with an error wrapping ErrShape when w's shape differs
// from v's (NumPy: "Axis must be specified when shapes of a and weights
// differ"); it returns an error wrapping ErrShape when the weights sum to
// 0 (NumPy raises ZeroDivisionError "Weights sum to zero, can't be
// normalized"), or when v is empty.
func Average[T, W Real](v NDView[T], w NDView[W]) (avg, sumW float64, err error) {
	const op = "Average"
	if !slices.Equal(v.lay.Shape(), w.lay.Shape()) {
		panicf(op, ErrShape, "Axis must be specified when shapes of a and weights differ: %s and %s", formatShape(v.lay.Shape()), formatShape(w.lay.Shape()))
	}
	avg, sumW = averageC(v, w)
	if sumW == 0 {
		return 0, 0, errorf(op, ErrShape, "Weights sum to zero, can't be normalized (shape %s)", formatShape(v.lay.Shape()))
	}
	return avg, sumW, nil
}

// averageC returns Σ v·w / Σ w and Σ w in float64, walking v and w
// together in C order.
func averageC[T, W Real](v NDView[T], w NDView[W]) (float64, float64) {
	type C = float64
	var p plan.Plan
	p.Init(v.lay.Shape())
	p.Add(v.lay.Off, v.lay.Strides())
	p.Add(w.lay.Off, w.lay.Strides())
	if p.Empty() {
		return 0, 0
	}
	p.Simplify(false)
	var sw, swv cascade[C]
	var bw, bwv [pwBlock]C
	n, vs := p.Inner(0)
	_, ws := p.Inner(1)
	it := p.Walk(1)
	for it.Next(&p) {
		vi, wi := it.Off[0], it.Off[1]
		for k := 0; k < n; k += pwBlock {
			m := min(pwBlock, n-k)
			for j := range m {
				x := C(w.data[wi])
				bw[j], bwv[j] = x, C(v.data[vi])*x
				vi += vs
				wi += ws
			}
			sw.push(blockSum(bw[:m]))
			swv.push(blockSum(bwv[:m]))
		}
	}
	s := sw.total()
	return swv.total() / s, s
}

// Ptp returns the range of the elements of v, Max(v) − Min(v), in T
// (NumPy's np.ptp(v)): integers wrap, as NumPy's do (np.ptp of int8
// [-100, 100] is −56). A NaN gives NaN. Ptp panics with an error wrapping
// ErrShape when v is empty, as Min does.
func Ptp[T Real](v NDView[T]) T {
	if v.Size() == 0 {
		emptyReducePanic("Ptp")
	}
	return Max(v) - Min(v)
}

// PtpAxisInto stores into dst the ranges of v along axes (NumPy's
// np.ptp(v, axis=axes, out=dst)): MaxAxis − MinAxis in T. Shapes and
// panics are those of MinAxis. It allocates a temporary of dst's shape.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func PtpAxisInto[T Real](dst, v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("PtpAxis", dst, v, axes)
	const op = "PtpAxis"
	checkAxis(op, &dst, &v, axis)
	if shareMemory(&dst, &v) {
		v = v.Clone()
	}
	lo := Zeros[T](dst.lay.Shape()...)
	MinAxisInto(lo, v, axis)
	MaxAxisInto(dst, v, axis)
	SubInto(dst, dst, lo)
}

// CovInto stores into dst the covariance matrix of the variables of m (NumPy's
// np.cov(m, rowvar=rowvar, ddof=ddof); bias=True is ddof 0, the default
// bias=False is ddof 1). m is 1-D (one variable) or 2-D: with rowvar each
// row is a variable and each column an observation, without it the
// reverse. dst is (k, k) for k variables, or 0-d for one variable given
// 1-D. Entry (i, j) is Σ (x_i − mean_i)(x_j − mean_j) · (1 / max(n − ddof,
// 0)), computed in float64 for every type (NumPy's result type includes
// float64), with the product sums taken in order of the observations
// (NumPy calls BLAS, whose order differs in the last bits). Cov allocates
// the centred data.
//
// CovInto panics with an error wrapping ErrShape when m has more than 2 axes
// or dst's shape does not fit, and ErrReadOnly when dst is read-only.
// n <= ddof gives Inf or NaN, as Var.
func CovInto[D RealFloat, T Real](dst NDView[D], m NDView[T], rowvar bool, ddof int) {
	covC("Cov", dst, m, rowvar, ddof, false)
}

// Cov returns CovInto's matrix in a new array (NumPy's np.cov(m, rowvar=rowvar, ddof=ddof)): (k, k)
// for k variables, 0-d for one variable given 1-D. It panics as CovInto
// does (semantics.md A1).
func Cov[D RealFloat, T Real](m NDView[T], rowvar bool, ddof int) NDView[D] {
	dst := Zeros[D](covShape("Cov", m.lay.Shape(), rowvar)...)
	CovInto(dst, m, rowvar, ddof)
	return dst
}

// CorrcoefInto stores into dst the correlation coefficients of the variables
// of m (NumPy's np.corrcoef(m, rowvar=rowvar)): Cov divided by the outer
// product of the standard deviations, as NumPy divides (by stddev along
// rows, then along columns), clipped to [−1, 1]. One variable gives 1, or
// NaN when it has no spread. Shapes and panics are those of Cov.
func CorrcoefInto[D RealFloat, T Real](dst NDView[D], m NDView[T], rowvar bool) {
	covC("Corrcoef", dst, m, rowvar, 1, true)
}

// Corrcoef returns CorrcoefInto's matrix in a new array (NumPy's np.corrcoef(m, rowvar=rowvar)): (k, k)
// for k variables, 0-d for one variable given 1-D. It panics as CorrcoefInto
// does (semantics.md A1).
func Corrcoef[D RealFloat, T Real](m NDView[T], rowvar bool) NDView[D] {
	dst := Zeros[D](covShape("Corrcoef", m.lay.Shape(), rowvar)...)
	CorrcoefInto(dst, m, rowvar)
	return dst
}

// covShape is the shape of Cov's result for m of shape msh: 0-d for 1-D m,
// (k, k) for k variables of 2-D m. Other ranks give msh, so that the
// destination form reports the error.
func covShape(op string, msh []int, rowvar bool) []int {
	switch len(msh) {
	case 1:
		return nil
	case 2:
		k := msh[1]
		if rowvar {
			k = msh[0]
		}
		return []int{k, k}
	}
	return slices.Clone(msh)
}

// covC runs Cov and Corrcoef, in float64.
func covC[D RealFloat, T Real](op string, dst NDView[D], m NDView[T], rowvar bool, ddof int, corr bool) {
	type C = float64
	if dst.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	if m.NDim() > 2 {
		panicf(op, ErrShape, "m has more than 2 dimensions: shape %s", formatShape(m.lay.Shape()))
	}
	x := m
	switch {
	case m.NDim() < 2:
		x = newView(m.data, m.lay.Off, 2)
		x.lay.Shape()[0], x.lay.Shape()[1] = 1, m.Size()
		if m.NDim() == 1 {
			x.lay.Strides()[1] = m.lay.Strides()[0]
		}
	case !rowvar:
		x = m.T()
	}
	k, n := x.lay.Shape()[0], x.lay.Shape()[1]
	dsh := dst.lay.Shape()
	scalar := m.NDim() < 2 || (k == 1 && len(dsh) == 0)
	if scalar && len(dsh) != 0 || !scalar && !slices.Equal(dsh, []int{k, k}) {
		want := "(" + itoa(k) + ", " + itoa(k) + ")"
		if m.NDim() < 2 {
			want = "()"
		}
		panicf(op, ErrShape, "destination shape %s for the covariance of %d variables; want %s", formatShape(dsh), k, want)
	}
	// Centre each variable (NumPy: X -= avg[:, None]).
	c := make([]C, k*n)
	for i := range k {
		row := c[i*n : (i+1)*n]
		var cs cascade[C]
		off, st := x.lay.Off+i*x.lay.Strides()[0], x.lay.Strides()[1]
		sumC(&cs, x.data, off, st, n, false, 0)
		mu := cs.total() / C(n)
		for j := range row {
			row[j] = C(x.data[off+j*st]) - mu
		}
	}
	scale := 1 / C(max(n-ddof, 0))
	cov := make([]C, k*k)
	for i := range k {
		for j := i; j < k; j++ {
			var s C
			a, b := c[i*n:(i+1)*n], c[j*n:(j+1)*n]
			for t := range a {
				s += a[t] * b[t]
			}
			cov[i*k+j], cov[j*k+i] = s*scale, s*scale
		}
	}
	if corr {
		sd := make([]C, k)
		for i := range k {
			sd[i] = C(math.Sqrt(float64(cov[i*k+i])))
		}
		for i := range k {
			for j := range k {
				r := cov[i*k+j] / sd[i] / sd[j]
				cov[i*k+j] = max(min(r, 1), -1) // NaN stays NaN
				if r != r {
					cov[i*k+j] = r
				}
			}
		}
	}
	if len(dsh) == 0 {
		dst.data[dst.lay.Off] = D(cov[0])
		return
	}
	st := dst.lay.Strides()
	for i := range k {
		for j := range k {
			dst.data[dst.lay.Off+i*st[0]+j*st[1]] = D(cov[i*k+j])
		}
	}
}
