package ndview

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ndkit/ndkit/ndview/internal/layout"
)

// Window sums and means (semantics.md §36, SR9-SR11) against the naive
// oracle: SlidingWindow, then a plain loop over each window's elements.

// windowOracle returns the window sums of v by SlidingWindow: the windows
// copied out in C order, each summed by a plain loop over its elements;
// it also returns the shape of the result.
func windowOracle[T Numeric](v NDView[T], window []int, axes ...int) ([]T, []int) {
	sw, err := v.SlidingWindow(window, axes...)
	if err != nil {
		panic(err)
	}
	nd := v.NDim()
	sh := sw.lay.Shape()
	outSh := slices.Clone(sh[:nd])
	size := 1
	for _, w := range sh[nd:] {
		size *= w
	}
	vals := sw.ToSlice()
	out := make([]T, 0, layout.ShapeSize(outSh))
	for i := 0; i < len(vals); i += size {
		var acc T
		for _, x := range vals[i : i+size] {
			acc += x
		}
		out = append(out, acc)
	}
	for len(out) < cap(out) { // windows of extent 0 sum to 0
		out = append(out, 0)
	}
	return out, outSh
}

// randomWindow draws a window (and sometimes axes, repeated or negative)
// that fits shape sh.
func randomWindow(r *rand.Rand, sh []int) (window, axes []int) {
	left := slices.Clone(sh)
	if len(sh) > 0 && r.IntN(2) == 0 {
		for range 1 + r.IntN(3) {
			a := r.IntN(len(sh))
			if left[a] == 0 {
				continue
			}
			w := 1 + r.IntN(left[a])
			left[a] -= w - 1
			ax := a
			if r.IntN(3) == 0 {
				ax -= len(sh)
			}
			window, axes = append(window, w), append(axes, ax)
		}
		if len(window) > 0 {
			return window, axes
		}
	}
	window = make([]int, len(sh))
	for i, n := range sh {
		window[i] = 1
		if n > 0 {
			window[i] = 1 + r.IntN(n)
		}
	}
	return window, nil
}

func TestWindowSumProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(36, 9))
	for it := range 250 {
		o := layoutOpts{MaxRank: 3, MaxExtent: 12, MaxSize: 600}
		if it%5 == 0 {
			o = layoutOpts{MaxRank: 2, MaxExtent: 700, MaxSize: 1400, MinRank: 1}
		}
		l := drawLayout(r, o)
		ibuf := make([]int32, l.N)
		fbuf := make([]float64, l.N)
		for i := range ibuf {
			ibuf[i] = int32(r.Uint32()) // sums wrap
			fbuf[i] = r.NormFloat64()
		}
		iv, fv := layoutView(l, ibuf), layoutView(l, fbuf)
		if slices.Contains(l.Shape, 0) {
			continue
		}
		window, axes := randomWindow(r, l.Shape)
		want, sh := windowOracle(iv, window, axes...)
		got := WindowSum(iv, window, axes...)
		require.Equal(t, sh, got.Shape(), "%v window %v axes %v", l, window, axes)
		require.Equal(t, want, got.ToSlice(), "%v window %v axes %v", l, window, axes)

		fwant, _ := windowOracle(fv, window, axes...)
		size := 1
		for _, w := range window {
			size *= w
		}
		fgot := WindowSum(fv, window, axes...).ToSlice()
		mean := WindowMean[float64](fv, window, axes...).ToSlice()
		for i := range fwant {
			tol := 1e-12 * float64(size+2*windowRestart) * math.Sqrt(float64(size))
			require.InDelta(t, fwant[i], fgot[i], tol, "%v window %v axes %v at %d", l, window, axes, i)
			require.InDelta(t, fwant[i]/float64(size), mean[i], tol, "mean")
		}

		// Into a strided destination that shares memory with nothing, and
		// into one over v's own buffer (overlap).
		dst := Zeros[int32](sh...)
		WindowSumInto(dst, iv, window, axes...)
		require.Equal(t, want, dst.ToSlice())
	}
}

// TestWindowSumOverlap writes the window sums of a view into a destination
// over the view's own buffer: the result is that of a copy.
func TestWindowSumOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(36, 10))
	for _, w := range [][]int{{2, 3}, {3, 9}, {1, 10}, {5, 1}} {
		buf := make([]float64, 50)
		for i := range buf {
			buf[i] = float64(r.IntN(100))
		}
		v, _ := FromSlice(buf, 5, 10)
		want, sh := windowOracle(v, w)
		n := sh[0] * sh[1]
		for _, start := range []int{0, 50 - n} {
			b2 := slices.Clone(buf)
			v2, _ := FromSlice(b2, 5, 10)
			dst, _ := FromSlice(b2[start:start+n], sh...)
			WindowSumInto(dst, v2, w)
			require.Equal(t, want, dst.ToSlice(), "window %v start %d", w, start)
		}
		// Reversed destination, in place over v's buffer.
		b3 := slices.Clone(buf)
		v3, _ := FromSlice(b3, 5, 10)
		d3, _ := FromSlice(b3[:n], sh...)
		WindowSumInto(d3.Flip(0, 1), v3, w)
		got := d3.Flip(0, 1).ToSlice()
		require.Equal(t, want, got)
	}
}

func TestWindowSumErrors(t *testing.T) {
	buf := make([]int, 12)
	v, _ := FromSlice(buf, 3, 4)
	panics(t, ErrShape, func() { WindowSum(v, []int{2}) })
	panics(t, ErrShape, func() { WindowSum(v, []int{4, 1}) })
	panics(t, ErrShape, func() { WindowSum(v, []int{0, 1}) })
	panics(t, ErrShape, func() { WindowSum(v, []int{2, 2}, 0) })
	panics(t, ErrAxis, func() { WindowSum(v, []int{2}, 2) })
	panics(t, ErrShape, func() { WindowSum(v, []int{3, 3}, 1, 1) }) // 4 - 2 = 2 left for the second 3
	require.Equal(t, []int{3, 2}, WindowSum(v, []int{2, 2}, 1, 1).Shape(), "4 - 1 - 1: fits")
	dst := Zeros[int](2, 2)
	for i := range dst.data {
		dst.data[i] = 7
	}
	panics(t, ErrShape, func() { WindowSumInto(dst, v, []int{2, 2}) })
	require.Equal(t, []int{7, 7, 7, 7}, dst.ToSlice(), "nothing written")
	panics(t, ErrReadOnly, func() { WindowSumInto(dst.AsReadOnly(), v, []int{2, 3}) })
	require.Equal(t, []int{7, 7, 7, 7}, dst.ToSlice(), "nothing written")
	panics(t, ErrShape, func() { WindowMeanInto(Zeros[float64](3), v, []int{2, 3}) })
}

// TestWindowSumAxisPath sums SlidingWindow views over their window axes
// with SumAxis and MeanAxis, which take WindowSum's path (semantics.md
// §36, SR11), against the oracle; reductions over other axes of the same
// views, and views whose strides only look alike, keep the usual path.
func TestWindowSumAxisPath(t *testing.T) {
	r := rand.New(rand.NewPCG(36, 11))
	for range 150 {
		l := drawLayout(r, layoutOpts{MaxRank: 3, MaxExtent: 12, MaxSize: 600, MinRank: 1})
		if slices.Contains(l.Shape, 0) {
			continue
		}
		buf := make([]int64, l.N)
		fbuf := make([]float64, l.N)
		for i := range buf {
			buf[i] = int64(r.IntN(1000)) - 500
			fbuf[i] = float64(buf[i]) / 8
		}
		v, fv := layoutView(l, buf), layoutView(l, fbuf)
		window, axes := randomWindow(r, l.Shape)
		sw, err := v.SlidingWindow(window, axes...)
		require.NoError(t, err)
		fsw, _ := fv.SlidingWindow(window, axes...)
		nd := v.NDim()
		wax := make([]int, len(window))
		for i := range wax {
			wax[i] = nd + i
		}
		want, sh := windowOracle(v, window, axes...)
		got := SumAxis(sw, wax...)
		require.Equal(t, sh, got.Shape(), "%v window %v axes %v", l, window, axes)
		require.Equal(t, want, got.ToSlice(), "%v window %v axes %v", l, window, axes)

		// keepdims destination, window axes named from the end and in
		// another order.
		kd := slices.Concat(sh, slices.Repeat([]int{1}, len(window)))
		dst := Zeros[int64](kd...)
		neg := make([]int, len(wax))
		for i, a := range wax {
			neg[len(wax)-1-i] = a - sw.NDim()
		}
		SumAxisInto(dst, sw, neg...)
		require.Equal(t, want, dst.ToSlice())

		// Mean: halves of eighths are exact in float64 whatever the order.
		size := float64(len(sw.ToSlice()) / max(len(want), 1))
		mean := MeanAxis(fsw, wax...).ToSlice()
		for i, w := range want {
			require.Equal(t, float64(w)/8/size, mean[i], "mean %v window %v", l, window)
		}

		// Summing a window axis together with a kept axis is not a window
		// sum: the usual path, checked against a plain loop.
		all := SumAxis(sw, append([]int{0}, wax...)...)
		var tot int64
		for _, x := range sw.ToSlice() {
			tot += x
		}
		var gotTot int64
		for _, x := range all.ToSlice() {
			gotTot += x
		}
		require.Equal(t, tot, gotTot)
	}
	// A transposed square matrix has no equal strides: the usual path.
	m, _ := FromSlice([]int{1, 2, 3, 4}, 2, 2)
	require.Equal(t, []int{3, 7}, SumAxis(m, 1).ToSlice())
	require.Equal(t, []int{4, 6}, SumAxis(m.T(), 1).ToSlice())
	// Read-only destination and wrong shapes panic before writing.
	sw, _ := m.SlidingWindow([]int{2}, 1)
	d := Zeros[int](2, 1)
	panics(t, ErrReadOnly, func() { SumAxisInto(d.AsReadOnly(), sw, 2) })
	panics(t, ErrShape, func() { SumAxisInto(Zeros[int](3), sw, 2) })
	panics(t, ErrAxis, func() { SumAxisInto(d, sw, 2, 2) })
	require.Equal(t, []int{0, 0}, d.ToSlice())
	SumAxisInto(d, sw, 2)
	require.Equal(t, []int{3, 7}, d.ToSlice())
}
