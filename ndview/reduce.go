package ndview

// Reductions (NumPy's sum, prod, mean, min, max, argmin, argmax, any and
// all): of a whole view to one value, and along one axis into a
// destination view.
//
// Whole-view reductions plan the view alone, reordered to its memory
// order (semantics.md N3), so that a transposed or reversed view is read as
// fast as a contiguous one: Sum of a transposed 4096² float64 view runs at
// the speed of the contiguous one (BenchmarkSum). Floats and complex
// numbers are summed in NumPy's order (pairwise.go), which reads in
// memory order but keeps each axis's direction, so that the result has
// NumPy's bits; products, minima and maxima are taken in memory order.
// ArgMin and ArgMax walk in C order, since ties go to the first index.
//
// Axis reductions plan the view and the destination together, the
// destination with stride 0 along the reduced axis, reordered to the
// view's memory order. Then:
//   - when the reduced axis is the innermost in memory (and has at least 8
//     elements), each destination element is the reduction of one row;
//   - otherwise the reduced axis is moved next to the innermost one, and
//     the rows of each block are folded into a row of the destination
//     (sums add one row at a time, in index order, as NumPy does);
//   - when the reduced axis has one element, the view is copied.
//
// float16.Float16 reductions accumulate in float32: the whole-view forms
// convert blocks of 128 elements at a time (Sum rounds to half precision
// after every chunk of 8192, as NumPy does), the axis forms convert the
// view to a float32 temporary (which they allocate) and reduce that.

import (
	"slices"

	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Sum returns the sum of the elements of v (NumPy's v.sum()); 0 for an
// empty view. Floats and complex numbers are summed in NumPy's order
// (semantics.md N5), so that the result has the bits NumPy's has for the
// same view: pairwise within chunks of 8192 elements read in memory
// order, the chunk sums added one by one. The error is at most
// γ_(32+P)·Σ|x|, where γ_d = d·u/(1−d·u), u = 2^-53 for float64 and
// 2^-24 for float32, and P = ⌈n/8192⌉. Integers wrap modulo 2^bits (NumPy
// widens small integer types to int64 first; Convert to a wider type to
// do that). float16.Float16 is summed in float32 and rounded to half
// precision after each chunk, as NumPy does. Sum does not allocate.
func Sum[T Numeric](v NDView[T]) T {
	var p plan.Plan
	if !planK(&p, &v) {
		var zero T
		return zero
	}
	if mem.InfoOf[T]().Kind == mem.Float16 {
		return fromF32[T](sumF16(&p, bitsF16(v.data), true))
	}
	return sumPlan(&p, v.data)
}

// Prod returns the product of the elements of v (NumPy's v.prod()); 1 for
// an empty view. Elements are multiplied in memory order; integers wrap
// modulo 2^bits; float16.Float16 is multiplied in float32 and rounded once
// (NumPy rounds to half precision after every step). Prod does not
// allocate.
func Prod[T Numeric](v NDView[T]) T {
	var p plan.Plan
	if !planAll(&p, &v, true) {
		return 1
	}
	if mem.InfoOf[T]().Kind == mem.Float16 {
		r := float32(1)
		var f f16Blocks
		f.init(&p)
		for b := f.next(&p, bitsF16(v.data)); b != nil; b = f.next(&p, bitsF16(v.data)) {
			r = kernels.ReduceProd(r, b)
		}
		return fromF32[T](r)
	}
	return kernels.ReduceProdRows(&p, T(1), v.data)
}

// Mean returns the arithmetic mean of the elements of v (NumPy's
// v.mean()): Sum(v) divided by the number of elements, NaN for an empty
// view, with NumPy's bits: the division is done in float64 and rounded
// once to T, as NumPy divides its scalar sum by a Python int.
// float16.Float16 is summed in float32 (NumPy's accumulator for half
// precision) and the quotient rounded once to half precision. Mean does
// not allocate.
func Mean[T Float](v NDView[T]) T {
	n := float64(v.Size())
	if mem.InfoOf[T]().Kind == mem.Float16 {
		var p plan.Plan
		s := float32(0)
		if planK(&p, &v) {
			s = sumF16(&p, bitsF16(v.data), false)
		}
		var r [1]T
		bitsF16(r[:])[0] = kernels.F64ToF16(float64(s) / n)
		return r[0]
	}
	return T(float64(Sum(v)) / n)
}

// Min returns the smallest element of v (NumPy's v.min()). A NaN anywhere
// gives NaN. Min panics with an error wrapping ErrShape when v is empty,
// since a minimum of nothing does not exist (NumPy raises ValueError).
func Min[T Real](v NDView[T]) T { return minMax("Min", v, false) }

// Max returns the largest element of v (NumPy's v.max()). A NaN anywhere
// gives NaN. Max panics with an error wrapping ErrShape when v is empty.
func Max[T Real](v NDView[T]) T { return minMax("Max", v, true) }

// ArgMin returns the index of the smallest element of v in C order, the
// flat index NumPy's v.argmin() returns (use an unravelled index with
// v.Shape() to find its position). Of equal elements the first wins; a NaN
// is smaller than everything, so the first NaN wins. ArgMin panics with an
// error wrapping ErrShape when v is empty.
func ArgMin[T Real](v NDView[T]) int { return argMinMax("ArgMin", v, false) }

// ArgMax returns the index in C order of the largest element of v (NumPy's
// v.argmax()), with the rules of ArgMin: the first of equal elements, the
// first NaN. ArgMax panics with an error wrapping ErrShape when v is empty.
func ArgMax[T Real](v NDView[T]) int { return argMinMax("ArgMax", v, true) }

// Any reports whether some element of v is true (NumPy's v.any()); false
// for an empty view. It stops at the first true element it reads, reading
// in memory order. To test numbers, compare them first:
// NotEqualInto(mask, v, Scalar(0.0)), then Any(mask).
func Any(v NDView[bool]) bool {
	var p plan.Plan
	if !planAll(&p, &v, true) {
		return false
	}
	return kernels.ReduceAnyRows(&p, false, v.data)
}

// All reports whether every element of v is true (NumPy's v.all()); true
// for an empty view. It stops at the first false element it reads.
func All(v NDView[bool]) bool {
	var p plan.Plan
	if !planAll(&p, &v, true) {
		return true
	}
	return kernels.ReduceAllRows(&p, true, v.data)
}

// planK plans a walk over v alone in NumPy's K order, the order of its
// reductions (plan.SimplifyK), and reports whether v has elements.
func planK[T any](p *plan.Plan, v *NDView[T]) bool {
	p.Init(v.lay.Shape())
	p.Add(v.lay.Off, v.lay.Strides())
	if p.Empty() {
		return false
	}
	p.SimplifyK()
	return true
}

// planAll plans a walk over v alone, in memory order when reorder is true
// and in C order otherwise, and reports whether v has elements.
func planAll[T any](p *plan.Plan, v *NDView[T], reorder bool) bool {
	p.Init(v.lay.Shape())
	p.Add(v.lay.Off, v.lay.Strides())
	if p.Empty() {
		return false
	}
	p.Simplify(reorder)
	return true
}

// fromF32 returns x rounded to half precision as a T, which is
// float16.Float16.
func fromF32[T any](x float32) T {
	var r [1]T
	bitsF16(r[:])[0] = f32ToF16(x)
	return r[0]
}

// f16Blocks walks a one-operand plan over float16 bits in walk order,
// converting blocks of up to pwBlock elements to float32; a block never
// spans two rows. Like f16Walk, it is an iterator that keeps no pointer to
// the plan or the data, so that its buffer stays on the stack.
type f16Blocks struct {
	buf [pwBlock]float32
	w   plan.Walker
	k   int // offset of the next block in the current row
	tab *[1 << 16]float32
}

// init starts a walk of p.
func (f *f16Blocks) init(p *plan.Plan) {
	f.w = p.Walk(1)
	f.k = p.Dim[p.Rank-1]
	f.tab = f16Table()
}

// next returns the next block of the plan p over data, or nil at the end.
func (f *f16Blocks) next(p *plan.Plan, data []uint16) []float32 {
	n, st := p.Inner(0)
	if f.k >= n {
		if !f.w.Next(p) {
			return nil
		}
		f.k = 0
	}
	b := f.buf[:min(pwBlock, n-f.k)]
	off := f.w.Off[0] + f.k*st
	f.k += len(b)
	for i := range b {
		b[i] = f.tab[data[off]]
		off += st
	}
	return b
}

// minMax returns the smallest (largest when isMax) element of v.
func minMax[T Real](op string, v NDView[T], isMax bool) T {
	var p plan.Plan
	if !planAll(&p, &v, true) {
		emptyReducePanic(op)
	}
	if mem.InfoOf[T]().Kind == mem.Float16 {
		data := bitsF16(v.data)
		r := f16Table()[data[p.Base[0]]]
		var f f16Blocks
		f.init(&p)
		for b := f.next(&p, data); b != nil; b = f.next(&p, data) {
			if isMax {
				r = kernels.ReduceMax(r, b)
			} else {
				r = kernels.ReduceMin(r, b)
			}
		}
		return fromF32[T](r)
	}
	r := v.data[p.Base[0]]
	if isMax {
		return kernels.ReduceMaxRows(&p, r, v.data)
	}
	return kernels.ReduceMinRows(&p, r, v.data)
}

// argMinMax returns the C-order index of the smallest (largest when isMax)
// element of v.
func argMinMax[T Real](op string, v NDView[T], isMax bool) int {
	var p plan.Plan
	if !planAll(&p, &v, false) {
		emptyReducePanic(op)
	}
	var s argScan[T]
	if mem.InfoOf[T]().Kind == mem.Float16 {
		data := bitsF16(v.data)
		var s32 argScan[float32]
		var f f16Blocks
		f.init(&p)
		for b := f.next(&p, data); b != nil; b = f.next(&p, data) {
			if s32.scan(b, 0, 1, len(b), isMax) {
				break
			}
		}
		return s32.at
	}
	n, st := p.Inner(0)
	w := p.Walk(1)
	for w.Next(&p) {
		if s.scan(v.data, w.Off[0], st, n, isMax) {
			break
		}
	}
	return s.at
}

// argScan follows the extreme element of a sequence scanned in pieces.
type argScan[T Real] struct {
	best T
	at   int // index of best
	seen int // elements scanned
	nan  bool
}

// scan scans data[off], data[off+st], … (n elements) and reports whether a
// NaN has been found, after which nothing can change the result.
func (s *argScan[T]) scan(data []T, off, st, n int, isMax bool) bool {
	if s.nan {
		return true
	}
	k := 0
	if s.seen == 0 && n > 0 {
		s.best, s.at, k = data[off], 0, 1
		off += st
		if s.best != s.best {
			s.nan = true
			return true
		}
	}
	for k < n {
		end := n
		if st == 1 {
			// Blocks of a contiguous row go to the vector kernels
			// (semantics.md §27): the block's extreme, then, only when it
			// beats the best, the first index of it.
			if n-k >= argBlock {
				b := data[off : off+argBlock]
				if m, ok := kernels.VecExtreme(b, isMax); ok {
					if isMax && m > s.best || !isMax && m < s.best {
						j := 0
						for b[j] != m {
							j++
						}
						s.best, s.at = m, s.seen+k+j
					}
					k, off = k+argBlock, off+argBlock
					continue
				}
			}
			end = min(n, k+argBlock)
		}
		for ; k < end; k++ {
			x := data[off]
			switch {
			case x != x:
				s.at, s.nan = s.seen+k, true
				return true
			case isMax && x > s.best, !isMax && x < s.best:
				s.best, s.at = x, s.seen+k
			}
			off += st
		}
	}
	s.seen += n
	return false
}

// argBlock is the length of the blocks of a contiguous row that ArgMin and
// ArgMax scan with vector code: a multiple of every vector's lanes, long
// enough that the call per block costs little beside its reading (1024
// took a third longer on 16M float32), and short enough (16 or 32 KiB)
// that finding the index again reads the block from cache.
const argBlock = 4096

// emptyReducePanic panics for a reduction without identity of an empty
// view.
//
//go:noinline
func emptyReducePanic(op string) {
	panicf(op, ErrShape, "zero-size array to reduction operation %s which has no identity", op)
}

// ---------------------------------------------------------------------
// Reductions along an axis.

// SumAxisInto stores into dst the sums of v along axes (NumPy's
// np.sum(v, axis=axes, out=dst)). dst has v's shape without those axes, or
// with them of extent 1 (NumPy's keepdims=True); both are accepted.
// Summing an axis of extent 0 gives 0. Floats and complex numbers are
// summed in NumPy's order (semantics.md N5), with NumPy's bits: along the
// axis that is innermost in memory each result is summed as Sum sums a
// run, with Sum's error bound; along any other axis the rows are added
// one at a time in index order, so that a result of m elements has the
// bound γ_m of a plain loop. Integers wrap. float16.Float16 is summed in
// float32 and rounded once (NumPy rounds after every row of a
// non-innermost axis; see semantics.md N5).
//
// When dst shares memory with v, v is copied first (allocating), and
// float16.Float16 allocates float32 copies of v and dst. Otherwise
// SumAxisInto does not allocate.
//
// SumAxisInto panics, before writing anything, with an error wrapping
// ErrReadOnly when dst is read-only, ErrAxis when axis is outside
// [-ndim, ndim) (negative axes count from the end), and ErrShape when
// dst's shape is neither of the two above.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4. When they are the window
// axes of a SlidingWindow (each has the stride of a kept axis), the sums
// are WindowSum's, in O(1) per result, exact for integers and within the
// bound of semantics.md §36, SR10, for floats, not NumPy's bits (SR11).
func SumAxisInto[T Numeric](dst, v NDView[T], axes ...int) {
	if _, ok := sumWindowAxes("SumAxis", dst, v, axes); ok {
		return
	}
	dst, v, axis := mergeAxes("SumAxis", dst, v, axes)
	const op = "SumAxis"
	if mem.InfoOf[T]().Kind == mem.Float16 {
		f16Axis(op, dst, v, axis, SumAxisInto[float32])
		return
	}
	// keepOrder: the reduced axis is walked in index order, as NumPy's.
	// Rows shorter than pairwise's accumulators are folded: a plain loop
	// from 0, which is what pairwise does with them.
	lanes := lanesOf[T]()
	r := axisPlan{rowMin: lanes}
	switch planAxis(op, &r, &dst, &v, axis, true) {
	case axisSkip:
		return
	case axisEmpty:
		dst.Fill(0)
		return
	}
	d, data := dst.data, v.data
	r.run(func(di, vi, vs, m int) {
		d[di] = sumRun(data, vi, vs, m, lanes)
	}, func(di, ds, vi, vm, vs, m, n int) {
		sumRowsInto(d, di, ds, data, vi, vm, vs, m, n)
	})
}

// ProdAxisInto stores into dst the products of v along axes (NumPy's
// np.prod(v, axis=axes, out=dst)); an axis of extent 0 gives 1. Elements
// are multiplied in memory order; integers wrap. Shapes, overlap,
// allocation and panics are those of SumAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func ProdAxisInto[T Numeric](dst, v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("ProdAxis", dst, v, axes)
	const op = "ProdAxis"
	if mem.InfoOf[T]().Kind == mem.Float16 {
		f16Axis(op, dst, v, axis, ProdAxisInto[float32])
		return
	}
	var r axisPlan
	switch planAxis(op, &r, &dst, &v, axis, false) {
	case axisSkip:
		return
	case axisEmpty:
		dst.Fill(1)
		return
	}
	d, data := dst.data, v.data
	r.run(func(di, vi, vs, m int) {
		d[di] = kernels.ReduceProdRow(1, data, vi, vs, m)
	}, func(di, ds, vi, vm, vs, m, n int) {
		kernels.FoldProd(d, di, ds, data, vi, vm, vs, m, n)
	})
}

// MeanAxisInto stores into dst the means of v along axes (NumPy's
// np.mean(v, axis=axes, out=dst)): SumAxis divided by the extent of the
// axis, NaN for an axis of extent 0. float16.Float16 is summed and divided
// in float32 and rounded once, as NumPy does. Shapes, overlap, allocation
// and panics are those of SumAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4. The window axes of a
// SlidingWindow take SumAxisInto's window path (semantics.md §36, SR11).
func MeanAxisInto[T Float](dst, v NDView[T], axes ...int) {
	if m, ok := sumWindowAxes("MeanAxis", dst, v, axes); ok {
		DivScalarInto(dst, dst, T(m))
		return
	}
	dst, v, axis := mergeAxes("MeanAxis", dst, v, axes)
	const op = "MeanAxis"
	if mem.InfoOf[T]().Kind == mem.Float16 {
		f16Axis(op, dst, v, axis, MeanAxisInto[float32])
		return
	}
	checkAxis(op, &dst, &v, axis)
	SumAxisInto(dst, v, axis)
	m := v.lay.Shape()[layout.NormalizeAxis(op, axis, v.NDim())]
	DivScalarInto(dst, dst, T(m))
}

// MinAxisInto stores into dst the minima of v along axes (NumPy's
// np.min(v, axis=axes, out=dst)). A NaN gives NaN. Shapes, overlap and
// panics are those of SumAxis, and MinAxis also panics with an error
// wrapping ErrShape when the axis has extent 0 and dst is not empty (a
// minimum of nothing does not exist). It allocates only when dst shares
// memory with v, and for float16.Float16 (float32 copies).
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func MinAxisInto[T Real](dst, v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("MinAxis", dst, v, axes)
	minMaxAxis("MinAxis", dst, v, axis, false)
}

// MaxAxisInto stores into dst the maxima of v along axes (NumPy's
// np.max(v, axis=axes, out=dst)), with the rules of MinAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func MaxAxisInto[T Real](dst, v NDView[T], axes ...int) {
	dst, v, axis := mergeAxes("MaxAxis", dst, v, axes)
	minMaxAxis("MaxAxis", dst, v, axis, true)
}

// minMaxAxis runs MinAxis or MaxAxis.
func minMaxAxis[T Real](op string, dst, v NDView[T], axis int, isMax bool) {
	if mem.InfoOf[T]().Kind == mem.Float16 {
		f16Axis(op, dst, v, axis, func(d, s NDView[float32], axes ...int) { minMaxAxis(op, d, s, axes[0], isMax) })
		return
	}
	var r axisPlan
	switch planAxis(op, &r, &dst, &v, axis, false) {
	case axisSkip:
		return
	case axisEmpty:
		emptyReducePanic(op)
	}
	d, data := dst.data, v.data
	r.run(func(di, vi, vs, m int) {
		if isMax {
			d[di] = kernels.ReduceMaxRow(data[vi], data, vi+vs, vs, m-1)
		} else {
			d[di] = kernels.ReduceMinRow(data[vi], data, vi+vs, vs, m-1)
		}
	}, func(di, ds, vi, vm, vs, m, n int) {
		if isMax {
			kernels.FoldMax(d, di, ds, data, vi, vm, vs, m, n)
		} else {
			kernels.FoldMin(d, di, ds, data, vi, vm, vs, m, n)
		}
	})
}

// ArgMinAxisInto stores into dst the index along axis of the smallest element
// of each line of v along that axis (NumPy's
// np.argmin(v, axis=axis, out=dst)). Of equal elements the first wins; the
// first NaN wins over everything. Shapes, overlap and panics are those of
// MinAxisInto (dst has v's shape without axis, or with axis of extent 1).
func ArgMinAxisInto[T Real](dst NDView[int], v NDView[T], axis int) {
	argAxis("ArgMinAxis", dst, v, axis, false)
}

// ArgMaxAxisInto stores into dst the index along axis of the largest element
// of each line of v along that axis (NumPy's
// np.argmax(v, axis=axis, out=dst)), with the rules of ArgMinAxis.
func ArgMaxAxisInto[T Real](dst NDView[int], v NDView[T], axis int) {
	argAxis("ArgMaxAxis", dst, v, axis, true)
}

// argAxis runs ArgMinAxis or ArgMaxAxis.
func argAxis[T Real](op string, dst NDView[int], v NDView[T], axis int, isMax bool) {
	if mem.InfoOf[T]().Kind == mem.Float16 {
		checkAxis(op, &dst, &v, axis)
		tv := Zeros[float32](v.lay.Shape()...)
		ConvertInto(tv, v)
		argAxis(op, dst, tv, axis, isMax)
		return
	}
	var r axisPlan
	switch planAxis(op, &r, &dst, &v, axis, true) {
	case axisSkip:
		return
	case axisEmpty:
		emptyReducePanic(op)
	}
	d, data := dst.data, v.data
	r.run(func(di, vi, vs, m int) {
		var s argScan[T]
		s.scan(data, vi, vs, m, isMax)
		d[di] = s.at
	}, func(di, ds, vi, vm, vs, m, n int) {
		for j := range n {
			d[di+j*ds] = 0
		}
		for i := 1; i < m; i++ {
			o, s := di, vi+i*vm
			for j := range n {
				x, cur := data[s], data[vi+d[o]*vm+j*vs]
				if isMax && x > cur || !isMax && x < cur || x != x && cur == cur {
					d[o] = i
				}
				o += ds
				s += vs
			}
		}
	})
}

// AnyAxisInto stores into dst whether any element of v is true along axes
// (NumPy's np.any(v, axis=axes, out=dst)); an axis of extent 0 gives
// false. Shapes, overlap and panics are those of SumAxis; AnyAxis
// allocates only when dst shares memory with v.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func AnyAxisInto(dst, v NDView[bool], axes ...int) {
	dst, v, axis := mergeAxes("AnyAxis", dst, v, axes)
	anyAllAxis("AnyAxis", dst, v, axis, true)
}

// AllAxisInto stores into dst whether every element of v is true along axes
// (NumPy's np.all(v, axis=axes, out=dst)); an axis of extent 0 gives true.
// Shapes, overlap, allocation and panics are those of AnyAxis.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func AllAxisInto(dst, v NDView[bool], axes ...int) {
	dst, v, axis := mergeAxes("AllAxis", dst, v, axes)
	anyAllAxis("AllAxis", dst, v, axis, false)
}

// anyAllAxis runs AnyAxis (isAny) or AllAxis.
func anyAllAxis(op string, dst, v NDView[bool], axis int, isAny bool) {
	var r axisPlan
	switch planAxis(op, &r, &dst, &v, axis, false) {
	case axisSkip:
		return
	case axisEmpty:
		dst.Fill(!isAny)
		return
	}
	d, data := dst.data, v.data
	r.run(func(di, vi, vs, m int) {
		if isAny {
			d[di] = kernels.ReduceAnyRow(false, data, vi, vs, m)
		} else {
			d[di] = kernels.ReduceAllRow(true, data, vi, vs, m)
		}
	}, func(di, ds, vi, vm, vs, m, n int) {
		if isAny {
			kernels.FoldAny(d, di, ds, data, vi, vm, vs, m, n)
		} else {
			kernels.FoldAll(d, di, ds, data, vi, vm, vs, m, n)
		}
	})
}

// f16Axis runs the float32 reduction fn for float16.Float16 views: v is
// converted to a float32 temporary, reduced into another, which is rounded
// into dst. The arguments are checked first, under op's name.
func f16Axis[T Numeric](op string, dst, v NDView[T], axis int, fn func(dst, v NDView[float32], axes ...int)) {
	checkAxis(op, &dst, &v, axis)
	tv := Zeros[float32](v.lay.Shape()...)
	ConvertInto(tv, v)
	td := Zeros[float32](dst.lay.Shape()...)
	fn(td, tv, axis)
	ConvertInto(dst, td)
}

// axisKind says how an axis reduction walks its plan.
type axisKind uint8

const (
	axisSkip  axisKind = iota // dst is empty: nothing to do
	axisEmpty                 // the reduced axis is empty: dst gets the identity
	axisRow                   // each dst element reduces one row along the innermost axis
	axisFold                  // rows along the second innermost axis fold into dst rows
	axisCopy                  // the reduced axis has extent 1
)

// axisPlan is the plan of a reduction along an axis: operand 0 is the
// view, operand 1 the destination, with stride 0 along the reduced axis.
type axisPlan struct {
	p    plan.Plan
	kind axisKind
	// rowMin is the shortest innermost reduced axis that is reduced row
	// by row (axisRow); 0 means 8. Shorter ones are folded.
	rowMin int
}

// planAxis checks and plans a reduction of v along axis into dst, for the
// walk of the rules at the top of this file. When dst shares memory with
// v, v is replaced by a copy. With keepOrder the reduced axis is walked in
// index order (ties in ArgMin go to the first index), else in memory
// order.
func planAxis[D, T any](op string, r *axisPlan, dst *NDView[D], v *NDView[T], axis int, keepOrder bool) axisKind {
	ax, dstStrides := checkAxis(op, dst, v, axis)
	vsh := v.lay.Shape()
	switch {
	case layout.ShapeSize(dst.lay.Shape()) == 0:
		return axisSkip
	case vsh[ax] == 0:
		return axisEmpty
	}
	if shareMemory(dst, v) {
		*v = v.Clone()
	}
	p := &r.p
	p.Init(vsh)
	p.Add(v.lay.Off, v.lay.Strides())
	p.Add(dst.lay.Off, dstStrides[:len(vsh)])
	p.Simplify(true)
	// The reduced axis is the only one on which dst has stride 0: dst is
	// writable, so it never reaches an element twice along other axes,
	// and no other axis can merge with it.
	q := -1
	for a := range p.Rank {
		if p.St[1][a] == 0 && p.Dim[a] > 1 {
			q = a
		}
	}
	if q < 0 {
		r.kind = axisCopy
		return r.kind
	}
	if keepOrder && v.lay.Strides()[ax] < 0 {
		p.Flip(q) // simplify flipped it to walk memory forwards
	}
	last := p.Rank - 1
	rowMin := r.rowMin
	if rowMin == 0 {
		rowMin = 8
	}
	if q == last && (last == 0 || p.Dim[q] >= rowMin) {
		r.kind = axisRow
		return r.kind
	}
	// A short innermost reduced axis (the channels of an image) would
	// cost a call per destination element: fold it instead.
	p.MoveAxis(q, last-1)
	r.kind = axisFold
	return r.kind
}

// run walks the plan, calling row(di, vi, vs, m) for each destination
// element di that reduces the m elements of v at vi, vi+vs, … (axisRow),
// or fold(di, ds, vi, vm, vs, m, n) for each row of n destination elements
// di, di+ds, … that reduces the m rows of v at vi, vi+vm, …, each of n
// elements at vi, vi+vs, … (axisFold; m is 1 for axisCopy).
func (r *axisPlan) run(row func(di, vi, vs, m int), fold func(di, ds, vi, vm, vs, m, n int)) {
	p := &r.p
	n, vs := p.Inner(0)
	_, ds := p.Inner(1)
	switch r.kind {
	case axisRow:
		w := p.Walk(1)
		for w.Next(p) {
			row(w.Off[1], w.Off[0], vs, n)
		}
	case axisFold:
		m, vm := p.Dim[p.Rank-2], p.St[0][p.Rank-2]
		w := p.Walk(2)
		for w.Next(p) {
			fold(w.Off[1], ds, w.Off[0], vm, vs, m, n)
		}
	case axisCopy:
		w := p.Walk(1)
		for w.Next(p) {
			fold(w.Off[1], ds, w.Off[0], 0, vs, 1, n)
		}
	}
}

// checkAxis checks a reduction of v along axis into dst: dst writable, axis
// in range, and dst's shape v's without the axis or with it of extent 1.
// It returns the axis in [0, ndim) and dst's strides laid over v's axes,
// 0 along the reduced one.
func checkAxis[D, T any](op string, dst *NDView[D], v *NDView[T], axis int) (int, [MaxRank]int) {
	if dst.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	vsh := v.lay.Shape()
	nd := len(vsh)
	ax := layout.NormalizeAxis(op, axis, nd)
	dsh, dst1 := dst.lay.Shape(), dst.lay.Strides()
	var st [MaxRank]int
	ok := true
	switch len(dsh) {
	case nd - 1:
		for k := range nd {
			switch {
			case k < ax:
				ok = ok && dsh[k] == vsh[k]
				st[k] = dst1[k]
			case k > ax:
				ok = ok && dsh[k-1] == vsh[k]
				st[k] = dst1[k-1]
			}
		}
	case nd:
		for k := range nd {
			if k == ax {
				ok = ok && dsh[k] == 1
				continue
			}
			ok = ok && dsh[k] == vsh[k]
			st[k] = dst1[k]
		}
	default:
		ok = false
	}
	if !ok {
		reduceShapePanic(op, dsh, vsh, ax)
	}
	return ax, st
}

// reduceShapePanic panics for a destination that does not fit a reduction
// of shape vsh along axis ax, naming the shapes that would.
//
//go:noinline
func reduceShapePanic(op string, dsh, vsh []int, ax int) {
	drop := slices.Delete(slices.Clone(vsh), ax, ax+1)
	keep := slices.Clone(vsh)
	keep[ax] = 1
	panicf(op, ErrShape, "destination shape %s does not fit the reduction of shape %s along axis %d; want %s or %s (keepdims)",
		formatShape(dsh), formatShape(vsh), ax, formatShape(drop), formatShape(keep))
}
