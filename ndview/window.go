package ndview

// Window reductions (semantics.md §36, SR9-SR11): the sum and the mean of
// every window of a sliding window, the box filter, in O(1) work per
// output element whatever the window's size.
//
// A window over several axes is separable: its sum is the sum along one
// axis of the sums along the others. Each (axis, extent) pair is one pass
// over a C-contiguous buffer that shrinks that axis from n to n-w+1:
//   - along an axis that is not the last, whole rows of the buffer are
//     added: small windows (w <= windowShiftMax) add w shifted slabs with
//     the vector kernels, larger ones keep a running row,
//     out[i] = out[i-1] + (in[i+w-1] - in[i-1]);
//   - along the last axis, small windows add w shifted rows, larger ones
//     keep a running sum per row;
//   - a window over both of the last two axes is summed last, a plane at
//     a time: each output row's column sums go to a row buffer that stays
//     in cache, then along it, so that no intermediate plane is written.
// A running sum is started again from scratch every windowRestart outputs,
// which bounds the rounding error of a float window (SR10). Integer sums
// wrap in T and are exact modulo 2^bits, as Sum's are.

import (
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// windowShiftMax is the largest window extent summed by shifted adds;
// larger ones keep running sums.
const windowShiftMax = 8

// windowRestart is the number of outputs after which a running sum is
// summed again from the window's elements.
const windowRestart = 256

// windowShape checks a window and its axes as SlidingWindow does and
// returns the shape of the window sums ("valid": each windowed axis of
// extent n becomes n-w+1) and the normalised axes.
func windowShape(op string, sh, window, axes []int) (out, ax []int) {
	ndim := len(sh)
	if len(axes) == 0 {
		if len(window) != ndim {
			panicf(op, ErrShape,
				"window %s must have one extent per axis of the view's shape %s when no axes are given",
				formatShape(window), formatShape(sh))
		}
		axes = make([]int, ndim)
		for i := range axes {
			axes[i] = i
		}
	} else if len(axes) != len(window) {
		panicf(op, ErrShape, "window %s and axes %s must have the same length",
			formatShape(window), formatShape(axes))
	}
	out = append([]int(nil), sh...)
	ax = make([]int, len(axes))
	for i, a := range axes {
		a = layout.NormalizeAxis(op, a, ndim)
		w := window[i]
		if w < 1 {
			panicf(op, ErrShape, "window extent %d (for axis %d) must be at least 1", w, a)
		}
		if out[a] < w {
			panicf(op, ErrShape,
				"window shape cannot be larger than input array shape: window %d on axis %d of extent %d (shape %s, window %s)",
				w, a, out[a], formatShape(sh), formatShape(window))
		}
		out[a] -= w - 1
		ax[i] = a
	}
	return out, ax
}

// WindowSum returns a new C-contiguous array holding the sum of every
// window of the given shape over v: what v.SlidingWindow(window, axes...)
// followed by a sum over its window axes gives (NumPy's
// sliding_window_view(v, window, axes).sum(axis=window axes)), with v's
// rank and each windowed axis of extent n shrunk to n-w+1 (the "valid"
// box filter). window and axes follow SlidingWindow; every extent must be
// at least 1. Each output element costs O(1) whatever the window's size
// (semantics.md §36, SR9): integers are exact (wrapping in T as Sum does),
// floats within the bound of SR10.
//
// WindowSum panics with an error wrapping ErrAxis when an axis is out of
// range and ErrShape when window and axes differ in length, or an extent
// is below 1 or larger than its axis.
func WindowSum[T Numeric](v NDView[T], window []int, axes ...int) NDView[T] {
	out, ax := windowShape("WindowSum", v.lay.Shape(), window, axes)
	return windowSum(v, out, window, ax)
}

// WindowSumInto stores WindowSum(v, window, axes...) into dst, which must
// have WindowSum's shape and may have any layout and share memory with v
// (the sums are computed in buffers of their own, then copied). It panics
// as WindowSum does, with ErrShape when dst's shape is not the result's and
// ErrReadOnly when dst is read-only, before writing anything.
func WindowSumInto[T Numeric](dst, v NDView[T], window []int, axes ...int) {
	const op = "WindowSumInto"
	out, ax := windowShape(op, v.lay.Shape(), window, axes)
	checkWindowDst(op, dst.lay, out)
	dst.CopyFrom(windowSum(v, out, window, ax))
}

// WindowMean returns a new C-contiguous array of D holding the mean of
// every window of the given shape over v (NumPy's
// sliding_window_view(v, window, axes).mean(axis=window axes)), shaped as
// WindowSum's result. The sums are taken in float32 for float32 data and
// in float64 otherwise (integers convert exactly up to 2^53), as NumPy's
// mean, then divided by the window's size and converted to D. It panics as
// WindowSum does.
func WindowMean[D RealFloat, T Real](v NDView[T], window []int, axes ...int) NDView[D] {
	out, ax := windowShape("WindowMean", v.lay.Shape(), window, axes)
	return windowMean[D](v, out, window, ax)
}

// WindowMeanInto stores WindowMean(v, window, axes...) into dst, which must
// have its shape; it panics as WindowSumInto does.
func WindowMeanInto[D RealFloat, T Real](dst NDView[D], v NDView[T], window []int, axes ...int) {
	const op = "WindowMeanInto"
	out, ax := windowShape(op, v.lay.Shape(), window, axes)
	checkWindowDst(op, dst.lay, out)
	dst.CopyFrom(windowMean[D](v, out, window, ax))
}

// checkWindowDst panics unless dst is writable and of shape sh.
func checkWindowDst(op string, dst layout.Layout, sh []int) {
	if dst.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	if !sameShape(dst.Shape(), sh) {
		panicf(op, ErrShape, "destination of shape %s for window sums of shape %s",
			formatShape(dst.Shape()), formatShape(sh))
	}
}

// windowMean is WindowMean with checked arguments.
func windowMean[D RealFloat, T Real](v NDView[T], out, window, ax []int) NDView[D] {
	size := 1
	for _, w := range window {
		size *= w
	}
	r := Zeros[D](out...)
	if mem.InfoOf[T]().Kind == mem.Float32 {
		s := windowSum(convertTo[float32](v), out, window, ax)
		for i, x := range s.data {
			r.data[i] = D(x / float32(size))
		}
		return r
	}
	s := windowSum(convertTo[float64](v), out, window, ax)
	for i, x := range s.data {
		r.data[i] = D(x / float64(size))
	}
	return r
}

// convertTo returns v's elements converted to C in a new C-contiguous
// array of v's shape.
func convertTo[C RealFloat, T Real](v NDView[T]) NDView[C] {
	if isF16[T]() {
		f := asFloat32(v)
		if mem.InfoOf[C]().Kind == mem.Float32 {
			return NDView[C]{lay: f.lay, data: mem.As[C](mem.Erase(f.data))}
		}
		return convertTo[C](f)
	}
	src := v.ToSlice()
	d := make([]C, len(src))
	for i, x := range src {
		d[i] = C(x)
	}
	r := vector(d)
	r, _ = r.Reshape(v.lay.Shape()...)
	return r
}

// windowSum returns the window sums of v, of the checked shape out, one
// pass per (axis, extent) pair.
func windowSum[T Numeric](v NDView[T], out, window, ax []int) NDView[T] {
	if layout.ShapeSize(out) == 0 {
		return Zeros[T](out...)
	}
	sh := v.lay.Shape()
	if len(sh) == 0 || !v.IsCContiguous() {
		v = v.Clone()
	} else {
		// The passes read a C-contiguous v where it lies, with no copy.
		n := layout.ShapeSize(sh)
		v = Must(vector(v.data[v.lay.Off : v.lay.Off+n]).Reshape(sh...))
	}
	// A window over both of the last two axes is summed by windowPlanes
	// after the other passes, with no intermediate plane.
	p0, p1 := -1, -1
	for i, a := range ax {
		if window[i] > 1 && a == len(sh)-2 && p0 < 0 {
			p0 = i
		}
		if window[i] > 1 && a == len(sh)-1 && p1 < 0 {
			p1 = i
		}
	}
	planes := p0 >= 0 && p1 >= 0
	cur, passes := v, 0
	for i, a := range ax {
		if window[i] == 1 || planes && (i == p0 || i == p1) {
			continue
		}
		cur = windowPass(cur, a, window[i])
		passes++
	}
	if planes {
		return windowPlanes(cur, window[p0], window[p1])
	}
	if passes == 0 {
		return v.Clone() // a result of its own, not v's memory
	}
	return cur
}

// windowPass returns the sums of w consecutive elements along axis a of the
// C-contiguous cur, in a new C-contiguous array.
func windowPass[T Numeric](cur NDView[T], a, w int) NDView[T] {
	sh := cur.lay.Shape()
	n := sh[a]
	m := n - w + 1
	inner := 1
	for _, e := range sh[a+1:] {
		inner *= e
	}
	outer := 1
	for _, e := range sh[:a] {
		outer *= e
	}
	osh := append([]int(nil), sh...)
	osh[a] = m
	res := Zeros[T](osh...)
	src, dst := cur.data, res.data
	for o := range outer {
		s := src[o*n*inner : (o+1)*n*inner]
		d := dst[o*m*inner : (o+1)*m*inner]
		if inner == 1 {
			windowLane(d, s, w)
		} else {
			windowRows(d, s, inner, m, w)
		}
	}
	return res
}

// windowLane stores into d[i] (len(d) = len(s)-w+1) the sum of s[i:i+w].
func windowLane[T Numeric](d, s []T, w int) {
	m := len(d)
	if w <= windowShiftMax {
		kernels.AddVV(d, s[:m], s[1:m+1])
		for k := 2; k < w; k++ {
			kernels.AddVV(d, d, s[k:k+m])
		}
		return
	}
	for i0 := 0; i0 < m; i0 += windowRestart {
		var acc T
		for _, x := range s[i0 : i0+w] {
			acc += x
		}
		d[i0] = acc
		end := min(i0+windowRestart, m)
		for i := i0 + 1; i < end; i++ {
			acc += s[i+w-1] - s[i-1]
			d[i] = acc
		}
	}
}

// windowRows stores into the m rows of d (rows of length r) the sums of
// w consecutive rows of s.
func windowRows[T Numeric](d, s []T, r, m, w int) {
	if w <= windowShiftMax {
		kernels.AddVV(d, s[:m*r], s[r:(m+1)*r])
		for k := 2; k < w; k++ {
			kernels.AddVV(d, d, s[k*r:(k+m)*r])
		}
		return
	}
	tmp := make([]T, r)
	for i0 := 0; i0 < m; i0 += windowRestart {
		row := d[i0*r : (i0+1)*r]
		kernels.AddVV(row, s[i0*r:(i0+1)*r], s[(i0+1)*r:(i0+2)*r])
		for k := 2; k < w; k++ {
			kernels.AddVV(row, row, s[(i0+k)*r:(i0+k+1)*r])
		}
		end := min(i0+windowRestart, m)
		for i := i0 + 1; i < end; i++ {
			kernels.SubVV(tmp, s[(i+w-1)*r:(i+w)*r], s[(i-1)*r:i*r])
			kernels.AddVV(d[i*r:(i+1)*r], d[(i-1)*r:i*r], tmp)
		}
	}
}

// sumWindowAxes takes the window path of SumAxisInto (semantics.md §36,
// SR11) when the reduced axes of v are the window axes of a sliding
// window: it stores the sums into dst and returns the number of elements
// summed per output and true. Otherwise it writes nothing and returns
// false, and the caller reduces as usual. It panics as SumAxisInto does.
func sumWindowAxes[T Numeric](op string, dst, v NDView[T], axes []int) (int, bool) {
	nd := v.NDim()
	if len(axes) == 0 || nd < 2 || mem.InfoOf[T]().Kind == mem.Float16 {
		return 0, false
	}
	reduced := reducedAxes(op, nd, axes)
	base, window, wax, ok := windowOfReduction(v, reduced[:nd])
	if !ok {
		return 0, false
	}
	if dst.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	sh := v.lay.Shape()
	keep := make([]int, 0, nd)
	m := 1
	for k, n := range sh {
		if reduced[k] {
			m *= n
		} else {
			keep = append(keep, n)
		}
	}
	d := keptDestination(op, dst, sh, reduced[:nd], keep)
	d.CopyFrom(windowSum(base, keep, window, wax))
	return m, true
}

// windowOfReduction recognises a reduction over the window axes of a
// sliding window: every reduced axis r has a stride s, not 0, equal to the
// stride of a kept axis k, so that moving one step along r reaches the
// element one step further along k. The element of v at i_k along k and
// j_r along r is then the element i_k + j_r of the base view: v without
// its reduced axes, each kept axis k lengthened by the extents of the
// axes r paired with it, less one each. Every element of base is an
// element of v, so base stays inside v's memory. windowOfReduction
// returns base, the window extents and their axes in base, and whether v
// has that form, with no empty axis.
func windowOfReduction[T any](v NDView[T], reduced []bool) (base NDView[T], window, axes []int, ok bool) {
	sh, st := v.lay.Shape(), v.lay.Strides()
	var pos [MaxRank]int // the axis of base of each kept axis of v
	nk := 0
	for k, n := range sh {
		if n == 0 {
			return base, nil, nil, false
		}
		if !reduced[k] {
			pos[k] = nk
			nk++
		}
	}
	if nk == 0 {
		return base, nil, nil, false
	}
	var grow [MaxRank]int
	for r, red := range reduced {
		if !red {
			continue
		}
		k := -1
		for j, red2 := range reduced {
			if !red2 && st[j] == st[r] && st[r] != 0 {
				k = j
				break
			}
		}
		if k < 0 {
			return base, nil, nil, false
		}
		grow[k] += sh[r] - 1
		window, axes = append(window, sh[r]), append(axes, pos[k])
	}
	base = v.derive(nk)
	bsh, bst := base.lay.Shape(), base.lay.Strides()
	for k, n := range sh {
		if !reduced[k] {
			bsh[pos[k]], bst[pos[k]] = n+grow[k], st[k]
		}
	}
	return base, window, axes, true
}

// windowPlanes returns the sums of the w0×w1 windows over the last two
// axes of the C-contiguous cur, in a new C-contiguous array, one plane at
// a time and one output row at a time: the column sums of w0 rows of a
// plane go to a row buffer that stays in cache, and windowLane sums them
// along the row into the result, so that no intermediate plane is
// written. Each output is summed as windowRows then windowLane sum it.
func windowPlanes[T Numeric](cur NDView[T], w0, w1 int) NDView[T] {
	sh := cur.lay.Shape()
	nd := len(sh)
	n0, n1 := sh[nd-2], sh[nd-1]
	osh := append([]int(nil), sh...)
	osh[nd-2], osh[nd-1] = n0-w0+1, n1-w1+1
	res := Zeros[T](osh...)
	m0, m1 := osh[nd-2], osh[nd-1]
	row, tmp := make([]T, n1), make([]T, n1)
	for p := range layout.ShapeSize(sh[:nd-2]) {
		s := cur.data[p*n0*n1 : (p+1)*n0*n1]
		d := res.data[p*m0*m1 : (p+1)*m0*m1]
		for i := range m0 {
			switch {
			case w0 <= windowShiftMax || i%windowRestart == 0:
				kernels.AddVV(row, s[i*n1:(i+1)*n1], s[(i+1)*n1:(i+2)*n1])
				for k := 2; k < w0; k++ {
					kernels.AddVV(row, row, s[(i+k)*n1:(i+k+1)*n1])
				}
			default:
				kernels.SubVV(tmp, s[(i+w0-1)*n1:(i+w0)*n1], s[(i-1)*n1:i*n1])
				kernels.AddVV(row, row, tmp)
			}
			windowLane(d[i*m1:(i+1)*m1], row, w1)
		}
	}
	return res
}
