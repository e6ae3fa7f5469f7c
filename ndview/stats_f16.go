package ndview

// Statistics of float16.Float16 data (semantics.md §36, SR8). NumPy
// computes them in half precision, operation by operation, each result
// rounded to half precision: its sums accumulate in float32 and round at
// the end (Sum's order, pairwise.go), its divisions and square roots are
// taken in float32 or float64 and rounded. The whole-view functions
// follow NumPy 1.24's median, _quantile, _var, nanmean and nanvar step by
// step on the half-precision values (held as float32, which holds every
// half exactly), rounding where NumPy stores a half:
//   - median: the middle element, or the middle pair's float32 mean
//     rounded to half (np.mean of two halves);
//   - quantiles: the difference b − a rounded to half, the interpolation
//     in float64 (NumPy's γ is float64), returned as float64;
//   - var, std: mean = Σx / n, the deviations x − mean, their squares, Σ,
//     / max(n − ddof, 0), √, each rounded to half;
//   - nanmean, nanvar, nanstd: NaNs count as 0 in the sums, and the
//     divisions by a count are in float64 (_divide_by_count divides a
//     half scalar by an integer), then rounded.
// The axis forms convert the data to float32 and compute as for float32
// data (a Difference of semantics.md §36).

import (
	"math"

	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// isF16 reports whether T is float16.Float16.
func isF16[T any]() bool { return mem.InfoOf[T]().Kind == mem.Float16 }

// r16 rounds x to half precision.
func r16(x float32) float32 { return f16Table()[f32ToF16(x)] }

// r16d rounds x to half precision in one step.
func r16d(x float64) float32 { return f16Table()[kernels.F64ToF16(x)] }

// halfGather returns the elements of v, which are float16.Float16, in C
// order as float32 values (exact), leaving NaNs out when dropNaN is set,
// and reports whether v holds a NaN.
func halfGather[T any](v NDView[T], dropNaN bool) ([]float32, bool) {
	tab := f16Table()
	out := make([]float32, 0, v.Size())
	nan := false
	for _, b := range bitsF16(v.ToSlice()) {
		x := tab[b]
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

// asFloat32 returns the float16.Float16 elements of v converted to a new
// float32 array of v's shape.
func asFloat32[T any](v NDView[T]) NDView[float32] {
	a, _ := halfGather(v, false)
	out := vector(a)
	r, err := out.Reshape(v.lay.Shape()...)
	if err != nil {
		panic(err)
	}
	return r
}

// sumHalfBits is NumPy's half-precision sum of the halves h (bits): float32
// partial sums in NumPy's order, rounded to half.
func sumHalfBits(h []uint16) float32 {
	v := vector(h)
	var p plan.Plan
	if !planK(&p, &v) {
		return 0
	}
	return r16(sumF16(&p, h, true))
}

// medianHalf returns NumPy's median (NanMedian with dropNaN) of the
// float16.Float16 elements of v.
func medianHalf[T any](v NDView[T], dropNaN bool) float64 {
	a, nan := halfGather(v, dropNaN)
	return float64(r16(medianOf[float32](a, nan && !dropNaN)))
}

// varHalf returns NumPy's var (nanvar when nan is set) of the
// float16.Float16 elements of v, a half held in float32.
func varHalf[T any](v NDView[T], ddof int, nan bool) float32 {
	xs, _ := halfGather(v, false)
	tab := f16Table()
	h := make([]uint16, len(xs))
	n := len(xs)
	for i, x := range xs {
		if nan && x != x {
			n-- // NaN counts as 0 (h[i] is 0)
			continue
		}
		h[i] = f32ToF16(x)
	}
	s := sumHalfBits(h)
	var mean float32
	if nan {
		mean = r16d(float64(s) / float64(n))
	} else {
		mean = r16(s / tab[f32ToF16(float32(n))])
	}
	for i, x := range xs {
		if nan && x != x {
			continue
		}
		d := r16(x - mean)
		h[i] = f32ToF16(d * d)
	}
	ss := sumHalfBits(h)
	if nan {
		dof := n - ddof
		if dof <= 0 {
			return float32(math.NaN())
		}
		return r16d(float64(ss) / float64(dof))
	}
	return r16(ss / tab[f32ToF16(float32(max(n-ddof, 0)))])
}

// sqrtHalf returns the square root of the half x, rounded to half.
func sqrtHalf(x float32) float32 { return r16(float32(math.Sqrt(float64(x)))) }

// nanMeanHalf returns NumPy's nanmean of the float16.Float16 elements of
// v: their half-precision sum, NaNs as 0, divided in float64 by their
// number and rounded.
func nanMeanHalf[T any](v NDView[T]) float64 {
	xs, _ := halfGather(v, false)
	n := len(xs)
	for i, x := range xs {
		if x != x {
			xs[i], n = 0, n-1
		}
	}
	return float64(r16d(float64(sumHalfBits(halfBits(xs))) / float64(n)))
}

// halfBits returns the half bits of xs, each a half held in float32.
func halfBits(xs []float32) []uint16 {
	h := make([]uint16, len(xs))
	for i, x := range xs {
		h[i] = f32ToF16(x)
	}
	return h
}
