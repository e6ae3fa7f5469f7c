package ndview

// NaN-aware reductions (NumPy's nansum, nanprod, nanmean, nanvar, nanstd,
// nanmin, nanmax, nanargmin, nanargmax, nanmedian, nanquantile and
// nanpercentile), semantics.md §19. Each leaves NaNs out: sums count them
// as 0, products as 1, and the others ignore them. Integers hold no NaN,
// so for them each is its plain twin.

import (
	"math"

	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// nanSumLine pushes into c the pairwise sum of conv(x) over the non-NaN
// elements x of data[off], data[off+st], … (n elements), and returns how
// many there were.
func nanSumLine[C, T Numeric](c *cascade[C], data []T, off, st, n int, conv func(T) C) int {
	var buf [pwBlock]C
	cnt := 0
	k := 0
	for range n {
		x := data[off]
		off += st
		if x != x {
			continue
		}
		cnt++
		buf[k] = conv(x)
		if k++; k == pwBlock {
			c.push(blockSum(buf[:]))
			k = 0
		}
	}
	if k > 0 {
		c.push(blockSum(buf[:k]))
	}
	return cnt
}

// nanProdLine returns acc times the non-NaN elements of the line, in
// order.
func nanProdLine[T Numeric](acc T, data []T, off, st, n int) T {
	for range n {
		if x := data[off]; x == x {
			acc *= x
		}
		off += st
	}
	return acc
}

// NanSum returns the sum of the elements of v, NaNs counted as 0 (NumPy's
// np.nansum(v)): 0 for an empty or all-NaN v. It sums pairwise, as Sum
// does; integers wrap. NanSum does not allocate.
func NanSum[T Numeric](v NDView[T]) T {
	var c cascade[T]
	walkRows(v, func(off, st, n int) { nanSumLine(&c, v.data, off, st, n, func(x T) T { return x }) })
	return c.total()
}

// NanProd returns the product of the elements of v, NaNs counted as 1
// (NumPy's np.nanprod(v)), multiplied in memory order.
func NanProd[T Numeric](v NDView[T]) T {
	acc := T(1)
	walkRows(v, func(off, st, n int) { acc = nanProdLine(acc, v.data, off, st, n) })
	return acc
}

// nanMeanC returns the sum of the non-NaN elements of v in C, their
// number, and their mean (NaN when there is none), divided as NumPy
// divides by a count: in float64, rounded to C.
func nanMeanC[C RealFloat, T Real](data []T, rows func(func(off, st, n int))) (C, int) {
	var c cascade[C]
	cnt := 0
	rows(func(off, st, n int) { cnt += nanSumLine(&c, data, off, st, n, func(x T) C { return C(x) }) })
	return C(float64(c.total()) / float64(cnt)), cnt
}

// nanVarC returns the variance of the non-NaN elements in C, NaN when
// there are no more of them than ddof.
func nanVarC[C RealFloat, T Real](data []T, rows func(func(off, st, n int)), ddof int) C {
	mean, cnt := nanMeanC[C](data, rows)
	var c cascade[C]
	rows(func(off, st, n int) {
		nanSumLine(&c, data, off, st, n, func(x T) C { d := C(x) - mean; return d * d })
	})
	dof := cnt - ddof
	if dof <= 0 {
		return C(math.NaN())
	}
	return C(float64(c.total()) / float64(dof))
}

// viewRows returns walkRows over v as a function of the row callback.
func viewRows[T any](v NDView[T]) func(func(off, st, n int)) {
	return func(f func(off, st, n int)) { walkRows(v, f) }
}

// lineRows returns a walk of the one line at off.
func lineRows(off, st, n int) func(func(off, st, n int)) {
	return func(f func(off, st, n int)) { f(off, st, n) }
}

// NanMean returns the mean of the non-NaN elements of v (NumPy's
// np.nanmean(v)), NaN when there is none. It is computed in float32 for
// float32 data and in float64 otherwise, and returned as float64.
func NanMean[T Real](v NDView[T]) float64 {
	if isF16[T]() {
		return nanMeanHalf(v)
	}
	if isF32[T]() {
		m, _ := nanMeanC[float32](v.data, viewRows(v))
		return float64(m)
	}
	m, _ := nanMeanC[float64](v.data, viewRows(v))
	return m
}

// NanVar returns the variance of the non-NaN elements of v (NumPy's
// np.nanvar(v, ddof=ddof)), computed as Var is. Unlike Var, it gives NaN
// when no more than ddof elements are left (NumPy warns "Degrees of
// freedom <= 0 for slice"). For integer data it is Var.
func NanVar[T Real](v NDView[T], ddof int) float64 {
	switch {
	case isF16[T]():
		return float64(varHalf(v, ddof, true))
	case isIntKind(mem.InfoOf[T]().Kind):
		return Var(v, ddof)
	case isF32[T]():
		return float64(nanVarC[float32](v.data, viewRows(v), ddof))
	}
	return nanVarC[float64](v.data, viewRows(v), ddof)
}

// NanStd returns the square root of NanVar, taken in the same type
// (NumPy's np.nanstd(v, ddof=ddof)).
func NanStd[T Real](v NDView[T], ddof int) float64 {
	switch {
	case isF16[T]():
		return float64(sqrtHalf(varHalf(v, ddof, true)))
	case isIntKind(mem.InfoOf[T]().Kind):
		return Std(v, ddof)
	case isF32[T]():
		return float64(float32(math.Sqrt(float64(nanVarC[float32](v.data, viewRows(v), ddof)))))
	}
	return math.Sqrt(nanVarC[float64](v.data, viewRows(v), ddof))
}

// NanMin returns the smallest non-NaN element of v (NumPy's np.nanmin(v)),
// NaN when every element is NaN (NumPy warns "All-NaN slice
// encountered"). It panics with an error wrapping ErrShape when v is
// empty, as Min does.
func NanMin[T Real](v NDView[T]) T { return nanMinMax("NanMin", v, false) }

// NanMax returns the largest non-NaN element of v (NumPy's np.nanmax(v)),
// with the rules of NanMin.
func NanMax[T Real](v NDView[T]) T { return nanMinMax("NanMax", v, true) }

// nanMinMax runs NanMin and NanMax.
func nanMinMax[T Real](op string, v NDView[T], isMax bool) T {
	if v.Size() == 0 {
		emptyReducePanic(op)
	}
	var best T
	seen := false
	walkRows(v, func(off, st, n int) { best, seen = nanExtreme(best, seen, v.data, off, st, n, isMax) })
	if !seen {
		return T(math.NaN())
	}
	return best
}

// nanExtreme folds the non-NaN elements of a line into best (valid when
// seen).
func nanExtreme[T Real](best T, seen bool, data []T, off, st, n int, isMax bool) (T, bool) {
	for range n {
		x := data[off]
		off += st
		switch {
		case x != x:
		case !seen:
			best, seen = x, true
		case isMax && x > best, !isMax && x < best:
			best = x
		}
	}
	return best, seen
}

// NanArgmin returns the C-order index of the smallest non-NaN element of v
// (NumPy's np.nanargmin(v)), the first of equal ones. It returns an error
// wrapping ErrShape when every element is NaN (NumPy raises ValueError
// "All-NaN slice encountered"), and panics with an error wrapping
// ErrShape when v is empty, as ArgMin does.
func NanArgmin[T Real](v NDView[T]) (int, error) { return nanArg("NanArgmin", v, false) }

// NanArgmax returns the C-order index of the largest non-NaN element of v
// (NumPy's np.nanargmax(v)), with the rules of NanArgmin.
func NanArgmax[T Real](v NDView[T]) (int, error) { return nanArg("NanArgmax", v, true) }

// nanArg runs NanArgmin and NanArgmax.
func nanArg[T Real](op string, v NDView[T], isMax bool) (int, error) {
	var p plan.Plan
	if !planAll(&p, &v, false) {
		emptyReducePanic(op)
	}
	at, seen := -1, 0
	var best T
	n, st := p.Inner(0)
	w := p.Walk(1)
	for w.Next(&p) {
		at = nanArgScan(at, seen, v.data, w.Off[0], st, n, isMax, &best)
		seen += n
	}
	if at < 0 {
		return 0, allNaNError(op, v.lay.Shape())
	}
	return at, nil
}

// allNaNError is the error of an all-NaN argmin or argmax.
func allNaNError(op string, shape []int) error {
	return errorf(op, ErrShape, "All-NaN slice encountered (shape %s)", formatShape(shape))
}

// nanArgScan continues a C-order scan of a line of n elements: at is the
// index of the best element so far (−1 for none), whose value is *best,
// among the seen elements before the line.
func nanArgScan[T Real](at, seen int, data []T, off, st, n int, isMax bool, best *T) int {
	for k := range n {
		x := data[off]
		off += st
		switch {
		case x != x:
		case at < 0:
			at, *best = seen+k, x
		case isMax && x > *best, !isMax && x < *best:
			at, *best = seen+k, x
		}
	}
	return at
}

// NanMedian returns the median of the non-NaN elements of v (NumPy's
// np.nanmedian(v)), NaN when there is none, with the rules of Median.
func NanMedian[T Real](v NDView[T]) float64 {
	if isF16[T]() {
		return medianHalf(v, true)
	}
	a, _ := gatherAll(v, true)
	if isF32[T]() {
		return float64(medianOf[float32](a, false))
	}
	return medianOf[float64](a, false)
}

// NanQuantile is Quantile of the non-NaN elements of v (NumPy's
// np.nanquantile(v, q)): NaN when every element is NaN; an error wrapping
// ErrIndex when v is empty.
func NanQuantile[T Real](v NDView[T], q float64, m QuantileMethod) (float64, error) {
	var out [1]float64
	err := quantiles("NanQuantile", out[:], v, []float64{q}, m, true)
	return out[0], err
}

// NanQuantilesInto is Quantiles of the non-NaN elements of v (NumPy's
// np.nanquantile(v, qs)).
func NanQuantilesInto[T Real](dst []float64, v NDView[T], qs []float64, m QuantileMethod) error {
	return quantiles("NanQuantiles", dst, v, qs, m, true)
}

// NanQuantiles returns NanQuantilesInto's values in a new slice of len(qs) (NumPy's
// np.nanquantile(v, qs)). It returns NanQuantilesInto's errors and panics as it does
// (semantics.md A1).
func NanQuantiles[T Real](v NDView[T], qs []float64, m QuantileMethod) ([]float64, error) {
	dst := make([]float64, len(qs))
	if err := NanQuantilesInto(dst, v, qs, m); err != nil {
		return nil, err
	}
	return dst, nil
}

// NanPercentile is NanQuantile with q in percent (NumPy's
// np.nanpercentile(v, q)).
func NanPercentile[T Real](v NDView[T], q float64, m QuantileMethod) (float64, error) {
	var out [1]float64
	err := quantiles("NanPercentile", out[:], v, []float64{q / 100}, m, true)
	return out[0], err
}

// NanPercentilesInto is NanQuantiles with qs in percent.
func NanPercentilesInto[T Real](dst []float64, v NDView[T], qs []float64, m QuantileMethod) error {
	return quantiles("NanPercentiles", dst, v, percents(qs), m, true)
}

// NanPercentiles returns NanPercentilesInto's values in a new slice of len(qs) (NumPy's
// np.nanpercentile(v, qs)). It returns NanPercentilesInto's errors and panics as it does
// (semantics.md A1).
func NanPercentiles[T Real](v NDView[T], qs []float64, m QuantileMethod) ([]float64, error) {
	dst := make([]float64, len(qs))
	if err := NanPercentilesInto(dst, v, qs, m); err != nil {
		return nil, err
	}
	return dst, nil
}

// ---------------------------------------------------------------------
// Axis forms.

// NanSumAxisInto stores into dst the sums of v along axes with NaNs counted as
// 0 (NumPy's np.nansum(v, axis=axes, out=dst)); an empty axis gives 0.
// Shapes, overlap and panics are those of SumAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func NanSumAxisInto[T Numeric](dst, v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("NanSumAxis", dst, v, axes)
	eachLine("NanSumAxis", dst, v, axis, func() { dst.Fill(0) }, func(di, vi, vs, m int) {
		var c cascade[T]
		nanSumLine(&c, v.data, vi, vs, m, func(x T) T { return x })
		dst.data[di] = c.total()
	})
}

// NanProdAxisInto stores into dst the products of v along axes with NaNs
// counted as 1 (NumPy's np.nanprod(v, axis=axes, out=dst)).
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func NanProdAxisInto[T Numeric](dst, v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("NanProdAxis", dst, v, axes)
	eachLine("NanProdAxis", dst, v, axis, func() { dst.Fill(1) }, func(di, vi, vs, m int) {
		dst.data[di] = nanProdLine(T(1), v.data, vi, vs, m)
	})
}

// NanMeanAxisInto stores into dst the means of the non-NaN elements of v along
// axis (NumPy's np.nanmean(v, axis=axes, out=dst)), computed as NanMean
// computes them; NaN where there is none. Shapes and panics are those of
// MedianAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func NanMeanAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("NanMeanAxis", dst, v, axes)
	if isF16[T]() {
		NanMeanAxisInto(dst, asFloat32(v), axis)
		return
	}
	f32 := isF32[T]()
	eachLine("NanMeanAxis", dst, v, axis, func() { dst.Fill(D(math.NaN())) }, func(di, vi, vs, m int) {
		if f32 {
			r, _ := nanMeanC[float32](v.data, lineRows(vi, vs, m))
			dst.data[di] = D(r)
		} else {
			r, _ := nanMeanC[float64](v.data, lineRows(vi, vs, m))
			dst.data[di] = D(r)
		}
	})
}

// NanVarAxisInto stores into dst the variances of the non-NaN elements of v
// along axes (NumPy's np.nanvar(v, axis=axes, ddof=ddof, out=dst)), with
// the rules of NanVar. For integer data it is VarAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func NanVarAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], ddof int, axes ...int) {
	dst, v, axis := mergeAxes("NanVarAxis", dst, v, axes)
	nanVarAxis("NanVarAxis", dst, v, axis, ddof, false)
}

// NanStdAxisInto stores into dst the square roots of NanVarAxis (NumPy's
// np.nanstd(v, axis=axes, ddof=ddof, out=dst)).
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func NanStdAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], ddof int, axes ...int) {
	dst, v, axis := mergeAxes("NanStdAxis", dst, v, axes)
	nanVarAxis("NanStdAxis", dst, v, axis, ddof, true)
}

// nanVarAxis runs NanVarAxis and NanStdAxis.
func nanVarAxis[D RealFloat, T Real](op string, dst NDView[D], v NDView[T], axis, ddof int, sqrt bool) {
	if isF16[T]() {
		nanVarAxis(op, dst, asFloat32(v), axis, ddof, sqrt)
		return
	}
	if isIntKind(mem.InfoOf[T]().Kind) {
		if sqrt {
			StdAxisInto(dst, v, ddof, axis)
		} else {
			VarAxisInto(dst, v, ddof, axis)
		}
		return
	}
	f32 := isF32[T]()
	eachLine(op, dst, v, axis, func() { dst.Fill(D(math.NaN())) }, func(di, vi, vs, m int) {
		var r float64
		if f32 {
			x := nanVarC[float32](v.data, lineRows(vi, vs, m), ddof)
			if sqrt {
				x = float32(math.Sqrt(float64(x)))
			}
			r = float64(x)
		} else {
			r = nanVarC[float64](v.data, lineRows(vi, vs, m), ddof)
			if sqrt {
				r = math.Sqrt(r)
			}
		}
		dst.data[di] = D(r)
	})
}

// NanMinAxisInto stores into dst the smallest non-NaN elements of v along axes
// (NumPy's np.nanmin(v, axis=axes, out=dst)), NaN where all are NaN.
// Shapes and panics are those of MinAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func NanMinAxisInto[T Real](dst, v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("NanMinAxis", dst, v, axes)
	nanMinMaxAxis("NanMinAxis", dst, v, axis, false)
}

// NanMaxAxisInto stores into dst the largest non-NaN elements of v along axes
// (NumPy's np.nanmax(v, axis=axes, out=dst)), with the rules of
// NanMinAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func NanMaxAxisInto[T Real](dst, v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("NanMaxAxis", dst, v, axes)
	nanMinMaxAxis("NanMaxAxis", dst, v, axis, true)
}

// nanMinMaxAxis runs NanMinAxis and NanMaxAxis.
func nanMinMaxAxis[T Real](op string, dst, v NDView[T], axis int, isMax bool) {
	eachLine(op, dst, v, axis, func() { emptyReducePanic(op) }, func(di, vi, vs, m int) {
		best, seen := nanExtreme(T(0), false, v.data, vi, vs, m, isMax)
		if !seen {
			best = T(math.NaN())
		}
		dst.data[di] = best
	})
}

// NanArgminAxisInto stores into dst the index along axis of the smallest
// non-NaN element of each line of v (NumPy's
// np.nanargmin(v, axis=axis, out=dst)). It returns an error wrapping
// ErrShape, having written nothing, when a line is all NaN; shapes and
// panics are those of ArgMinAxis. It allocates the results of a line
// scan before writing them.
func NanArgminAxisInto[T Real](dst NDView[int], v NDView[T], axis int) error {
	return nanArgAxis("NanArgminAxis", dst, v, axis, false)
}

// NanArgmaxAxisInto stores into dst the index along axis of the largest
// non-NaN element of each line of v (NumPy's np.nanargmax(v, axis=axis,
// out=dst)), with the rules of NanArgminAxis.
func NanArgmaxAxisInto[T Real](dst NDView[int], v NDView[T], axis int) error {
	return nanArgAxis("NanArgmaxAxis", dst, v, axis, true)
}

// nanArgAxis runs NanArgminAxis and NanArgmaxAxis: the indices go to a
// scratch slice first, so that an all-NaN line leaves dst untouched.
func nanArgAxis[T Real](op string, dst NDView[int], v NDView[T], axis int, isMax bool) error {
	type hit struct{ di, at int }
	var hits []hit
	bad := false
	eachLine(op, dst, v, axis, func() { emptyReducePanic(op) }, func(di, vi, vs, m int) {
		var best T
		at := nanArgScan(-1, 0, v.data, vi, vs, m, isMax, &best)
		bad = bad || at < 0
		hits = append(hits, hit{di, at})
	})
	if bad {
		return allNaNError(op, v.lay.Shape())
	}
	for _, h := range hits {
		dst.data[h.di] = h.at
	}
	return nil
}

// NanMedianAxisInto stores into dst the medians of the non-NaN elements of v
// along axes (NumPy's np.nanmedian(v, axis=axes, out=dst)), NaN where
// there is none; the rules of MedianAxis otherwise.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func NanMedianAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("NanMedianAxis", dst, v, axes)
	medianAxis("NanMedianAxis", dst, v, axis, true)
}

// NanQuantileAxisInto is QuantileAxis of the non-NaN elements (NumPy's
// np.nanquantile(v, q, axis=axis, out=dst)); an all-NaN line gives NaN.
func NanQuantileAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axis int, q float64, m QuantileMethod) error {
	return quantileAxis("NanQuantileAxis", dst, v, axis, []float64{q}, m, false, true)
}

// NanQuantilesAxisInto is QuantilesAxis of the non-NaN elements.
func NanQuantilesAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axis int, qs []float64, m QuantileMethod) error {
	return quantileAxis("NanQuantilesAxis", dst, v, axis, qs, m, true, true)
}

// NanQuantilesAxis returns NanQuantilesAxisInto's values in a new array of shape (len(qs),)
// followed by v's shape without the axis (NumPy's np.nanquantile(v, qs, axis=axis)). It returns
// NanQuantilesAxisInto's errors and panics as it does (semantics.md A1).
func NanQuantilesAxis[D RealFloat, T Real](v NDView[T], axis int, qs []float64, m QuantileMethod) (NDView[D], error) {
	red := newReduced[D]("NanQuantilesAxis", v.lay.Shape(), []int{axis})
	dst := Zeros[D](append([]int{len(qs)}, red.lay.Shape()...)...)
	if err := NanQuantilesAxisInto(dst, v, axis, qs, m); err != nil {
		return NDView[D]{}, err
	}
	return dst, nil
}

// NanPercentileAxisInto is NanQuantileAxis with q in percent.
func NanPercentileAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axis int, q float64, m QuantileMethod) error {
	return quantileAxis("NanPercentileAxis", dst, v, axis, []float64{q / 100}, m, false, true)
}

// NanPercentilesAxisInto is NanQuantilesAxis with qs in percent.
func NanPercentilesAxisInto[D RealFloat, T Real](dst NDView[D], v NDView[T], axis int, qs []float64, m QuantileMethod) error {
	return quantileAxis("NanPercentilesAxis", dst, v, axis, percents(qs), m, true, true)
}

// NanPercentilesAxis returns NanPercentilesAxisInto's values in a new array of shape (len(qs),)
// followed by v's shape without the axis (NumPy's np.nanpercentile(v, qs, axis=axis)). It returns
// NanPercentilesAxisInto's errors and panics as it does (semantics.md A1).
func NanPercentilesAxis[D RealFloat, T Real](v NDView[T], axis int, qs []float64, m QuantileMethod) (NDView[D], error) {
	red := newReduced[D]("NanPercentilesAxis", v.lay.Shape(), []int{axis})
	dst := Zeros[D](append([]int{len(qs)}, red.lay.Shape()...)...)
	if err := NanPercentilesAxisInto(dst, v, axis, qs, m); err != nil {
		return NDView[D]{}, err
	}
	return dst, nil
}
