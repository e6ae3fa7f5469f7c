package ndview

// Sums and means with an accumulator type (semantics.md §31, DT3-DT5):
// NumPy's a.sum(dtype=U) and a.mean(dtype=U), and its default
// accumulators for the types Sum cannot widen. NumPy sums bool, int8,
// int16 and int32 arrays in int64 and uint8, uint16 and uint32 arrays in
// uint64 (the platform's long), and takes means of integers and bools in
// float64. Go's generics cannot choose a result type from T, so the
// caller names it: SumAs[uint64](img) is NumPy's img.sum() for a uint8
// image, SumAs[int64](mask) counts a mask, MeanAs[float64](ints) is
// ints.mean().
//
// Each element is converted to U as Go converts numbers (a bool is 0 or
// 1) and added in U. Integer accumulators wrap modulo 2^bits, in any
// order. Float accumulators add in NumPy's order (pairwise.go): the
// elements converted to U in chunks of 8192 read in memory order, each
// chunk summed pairwise, so that SumAs[float64] of a float32 view has the
// bits of NumPy's a.sum(dtype=np.float64).

import (
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Summable is the constraint of the element types SumAs, MeanAs and
// their axis forms read: real numbers and bools (true counts 1).
// float16.Float16 and complex numbers are not in it; convert them first.
type Summable interface {
	Real | ~bool
}

// SumAs returns the sum of the elements of v accumulated in U (NumPy's
// v.sum(dtype=U)); 0 for an empty view. SumAs[uint64] of a uint8 view is
// NumPy's default sum of uint8 (not taken modulo 256), SumAs[int64] of a
// bool view counts its true elements (semantics.md DT3). An integer U
// wraps modulo 2^bits; a float U is summed in NumPy's pairwise order. A
// float T with an integer U panics with ErrType, as NumPy refuses the
// cast under a reduction's same_kind rule. SumAs does not allocate.
func SumAs[U Real, T Summable](v NDView[T]) U {
	refuseFloatToInt[U, T]("SumAs")
	var p plan.Plan
	if !planK(&p, &v) {
		return 0
	}
	switch mem.InfoOf[T]().Kind {
	case mem.Bool, mem.Uint8:
		return sumAsPlan[U](&p, as[uint8](v.data))
	case mem.Int8:
		return sumAsPlan[U](&p, as[int8](v.data))
	case mem.Uint16:
		return sumAsPlan[U](&p, as[uint16](v.data))
	case mem.Int16:
		return sumAsPlan[U](&p, as[int16](v.data))
	case mem.Uint32:
		return sumAsPlan[U](&p, as[uint32](v.data))
	case mem.Int32:
		return sumAsPlan[U](&p, as[int32](v.data))
	case mem.Uint64:
		return sumAsPlan[U](&p, as[uint64](v.data))
	case mem.Int64:
		return sumAsPlan[U](&p, as[int64](v.data))
	case mem.Float32:
		return sumAsPlan[U](&p, as[float32](v.data))
	default:
		return sumAsPlan[U](&p, as[float64](v.data))
	}
}

// MeanAs returns the mean of the elements of v accumulated in U (NumPy's
// v.mean(dtype=U), and v.mean() of an integer or bool view for U
// float64): SumAs[U](v) divided by the number of elements in float64 and
// rounded once to U, NaN for an empty view (semantics.md DT4). It does
// not allocate.
func MeanAs[U RealFloat, T Summable](v NDView[T]) U {
	return U(float64(SumAs[U](v)) / float64(v.Size()))
}

// SumAxisAsInto stores into dst the sums of v along axes accumulated in U
// (NumPy's np.sum(v, axis=axes, dtype=U, out=dst)), with SumAs's rules
// for U and SumAxis's for shapes (keepdims included), order, overlap and
// panics; axes may name several axes, or none for every axis
// (semantics.md A4, DT3). It does not allocate unless dst shares memory
// with v or the reduced axes cannot be merged without a copy.
func SumAxisAsInto[U Real, T Summable](dst NDView[U], v NDView[T], axes ...int) {
	const op = "SumAxisAs"
	refuseFloatToInt[U, T](op)
	dst, v, axis := mergeAxes(op, dst, v, axes)
	r := axisPlan{rowMin: 8}
	switch planAxis(op, &r, &dst, &v, axis, true) {
	case axisSkip:
		return
	case axisEmpty:
		dst.Fill(0)
		return
	}
	switch mem.InfoOf[T]().Kind {
	case mem.Bool, mem.Uint8:
		sumAxisAs(&r, dst.data, as[uint8](v.data))
	case mem.Int8:
		sumAxisAs(&r, dst.data, as[int8](v.data))
	case mem.Uint16:
		sumAxisAs(&r, dst.data, as[uint16](v.data))
	case mem.Int16:
		sumAxisAs(&r, dst.data, as[int16](v.data))
	case mem.Uint32:
		sumAxisAs(&r, dst.data, as[uint32](v.data))
	case mem.Int32:
		sumAxisAs(&r, dst.data, as[int32](v.data))
	case mem.Uint64:
		sumAxisAs(&r, dst.data, as[uint64](v.data))
	case mem.Int64:
		sumAxisAs(&r, dst.data, as[int64](v.data))
	case mem.Float32:
		sumAxisAs(&r, dst.data, as[float32](v.data))
	default:
		sumAxisAs(&r, dst.data, as[float64](v.data))
	}
}

// MeanAxisAsInto stores into dst the means of v along axes accumulated in
// U (NumPy's np.mean(v, axis=axes, dtype=U, out=dst), and its default for
// integer and bool views when U is float64): SumAxisAs divided by the
// number of elements reduced, NaN when that is 0 (semantics.md DT4).
// Shapes, overlap, allocation and panics are those of SumAxisAsInto.
func MeanAxisAsInto[U RealFloat, T Summable](dst NDView[U], v NDView[T], axes ...int) {
	const op = "MeanAxisAs"
	reduced := reducedAxes(op, v.NDim(), axes)
	m := 1
	for k, e := range v.lay.Shape() {
		if reduced[k] {
			m *= e
		}
	}
	SumAxisAsInto(dst, v, axes...)
	if layout.ShapeSize(dst.lay.Shape()) > 0 {
		// In place, element for element: the division in float64 and one
		// rounding to U, as MeanAs.
		MapInto(dst, dst, func(s U) U { return U(float64(s) / float64(m)) })
	}
}

// refuseFloatToInt panics with ErrType when T is a float and U an
// integer: NumPy's reductions refuse that cast (same_kind).
func refuseFloatToInt[U, T any](op string) {
	tk, uk := mem.InfoOf[T]().Kind, mem.InfoOf[U]().Kind
	if (tk == mem.Float32 || tk == mem.Float64) && uk != mem.Float32 && uk != mem.Float64 {
		panicf(op, ErrType, "cannot accumulate %T in %T: a float sum needs a float accumulator (NumPy's same_kind rule)", *new(T), *new(U))
	}
}

// isFloatAcc reports whether U is a float: its sums follow NumPy's
// pairwise order; integer sums wrap and their order does not matter.
func isFloatAcc[U any]() bool {
	k := mem.InfoOf[U]().Kind
	return k == mem.Float32 || k == mem.Float64
}

// sumAsPlan returns the sum in U of the elements of the one-operand plan
// p over data: for a float U in NumPy's order, as sumPlan, converting
// each leaf of the pairwise tree to U first; for an integer U row by row.
func sumAsPlan[U, S Real](p *plan.Plan, data []S) U {
	if !isFloatAcc[U]() {
		var acc U
		n, st := p.Inner(0)
		w := p.Walk(1)
		for w.Next(p) {
			acc += sumIntRun[U](data, w.Off[0], st, n)
		}
		return acc
	}
	r := planReader[S]{p: p, w: p.Walk(1), data: data}
	var sb [pwBlock]S
	var ub [pwBlock]U
	leaf := func(k int) U {
		r.read(sb[:k])
		for i, x := range sb[:k] {
			ub[i] = U(x)
		}
		return leafSum(ub[:k], 8)
	}
	var acc U
	for n := p.Size; n > 0; n -= npBuffer {
		acc += pairwiseFrom(leaf, min(n, npBuffer), 8)
	}
	return acc
}

// sumIntRun returns the sum in the integer type U of data[off],
// data[off+st], … (n elements).
func sumIntRun[U, S Real](data []S, off, st, n int) U {
	var acc U
	if st == 1 {
		for _, x := range data[off : off+n] {
			acc += U(x)
		}
		return acc
	}
	for range n {
		acc += U(data[off])
		off += st
	}
	return acc
}

// sumConvRun returns the sum in U of data[off], data[off+st], … (n
// elements): for a float U in NumPy's order (sumRun's), for an integer U
// in any order.
func sumConvRun[U, S Real](data []S, off, st, n int) U {
	if !isFloatAcc[U]() {
		return sumIntRun[U](data, off, st, n)
	}
	var ub [pwBlock]U
	leaf := func(k int) U {
		b := ub[:k]
		for i := range b {
			b[i] = U(data[off])
			off += st
		}
		return leafSum(b, 8)
	}
	var acc U
	for ; n > 0; n -= npBuffer {
		acc += pairwiseFrom(leaf, min(n, npBuffer), 8)
	}
	return acc
}

// sumAxisAs runs SumAxisAsInto's plan: a row per destination element
// along the innermost axis, otherwise rows added into the destination one
// at a time in index order (NumPy's order for floats).
func sumAxisAs[U, S Real](r *axisPlan, d []U, data []S) {
	r.run(func(di, vi, vs, m int) {
		d[di] = sumConvRun[U](data, vi, vs, m)
	}, func(di, ds, vi, vm, vs, m, n int) {
		if ds == 1 && vs == 1 && n <= 4 && !isFloatAcc[U]() {
			sumFewColumns(d[di:di+n], data, vi, vm, m)
			return
		}
		for j := range n {
			d[di+j*ds] = 0
		}
		for i := range m {
			o, s := di, vi+i*vm
			for range n {
				d[o] += U(data[s])
				o += ds
				s += vs
			}
		}
	})
}

// sumFewColumns stores into out (at most 4 elements) the integer sums of
// the m rows data[vi+i·vm :][:len(out)]: the channels of an interleaved
// image, each accumulated in a register.
func sumFewColumns[U, S Real](out []U, data []S, vi, vm, m int) {
	var a [4]U
	n := len(out)
	for i := 0; i < m; i++ {
		row := data[vi : vi+n]
		switch n {
		case 4:
			a[3] += U(row[3])
			fallthrough
		case 3:
			a[2] += U(row[2])
			fallthrough
		case 2:
			a[1] += U(row[1])
			fallthrough
		default:
			a[0] += U(row[0])
		}
		vi += vm
	}
	copy(out, a[:n])
}
