package bench

import (
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Joining and tiling (semantics.md §13), each beside the loop a Go
// programmer would write, both allocating their result as NumPy's
// np.concatenate, np.stack, np.tile and np.repeat do. bench/numpy/join.py
// times NumPy on the same cases under the same names. Throughput counts
// the bytes of the result twice (read once, written once).

// joinInputs returns k float32 arrays of shape (n, n) with distinct
// values, and their data; transposed ones are the T() of C-contiguous
// arrays.
func joinInputs(k, n int, transposed bool) ([]ndview.NDView[float32], [][]float32) {
	vs := make([]ndview.NDView[float32], k)
	ds := make([][]float32, k)
	for i := range vs {
		v, d := ramp[float32](n, n)
		for j := range d {
			d[j] += float32(i)
		}
		if transposed {
			v = v.T()
		}
		vs[i], ds[i] = v, d
	}
	return vs, ds
}

// benchJoin runs fn, which builds a result of n float32 elements, as the
// sub-benchmark name.
func benchJoin(b *testing.B, name string, n int, fn func()) {
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(2 * 4 * int64(n))
		for b.Loop() {
			fn()
		}
	})
}

func BenchmarkConcatenate(b *testing.B) {
	const k, n = 8, 1024
	for _, transposed := range []bool{false, true} {
		layout := "C"
		if transposed {
			layout = "T"
		}
		vs, ds := joinInputs(k, n, transposed)
		dst0, dst1 := ndview.Zeros[float32](k*n, n), ndview.Zeros[float32](n, k*n)
		b.Run("axis0/"+layout, func(b *testing.B) {
			benchJoin(b, "ndview", k*n*n, func() { _, _ = ndview.Concatenate(0, vs...) })
			benchJoin(b, "into", k*n*n, func() { _ = ndview.ConcatenateInto(dst0, 0, vs...) })
			benchJoin(b, "loop", k*n*n, func() { concat0Loop(ds, n, transposed) })
		})
		b.Run("axis1/"+layout, func(b *testing.B) {
			benchJoin(b, "ndview", k*n*n, func() { _, _ = ndview.Concatenate(1, vs...) })
			benchJoin(b, "into", k*n*n, func() { _ = ndview.ConcatenateInto(dst1, 1, vs...) })
			benchJoin(b, "loop", k*n*n, func() { concat1Loop(ds, n, transposed) })
		})
	}
}

func BenchmarkStack(b *testing.B) {
	const k, n = 64, 256
	vs, ds := joinInputs(k, n, false)
	dst0, dst1 := ndview.Zeros[float32](k, n, n), ndview.Zeros[float32](n, n, k)
	b.Run("axis0", func(b *testing.B) {
		benchJoin(b, "ndview", k*n*n, func() { _, _ = ndview.Stack(0, vs...) })
		benchJoin(b, "into", k*n*n, func() { _ = ndview.StackInto(dst0, 0, vs...) })
		benchJoin(b, "loop", k*n*n, func() { concat0Loop(ds, n, false) })
	})
	b.Run("last", func(b *testing.B) {
		benchJoin(b, "ndview", k*n*n, func() { _, _ = ndview.Stack(-1, vs...) })
		benchJoin(b, "into", k*n*n, func() { _ = ndview.StackInto(dst1, -1, vs...) })
		benchJoin(b, "loop", k*n*n, func() { stackLastLoop(ds, n) })
	})
}

// BenchmarkZeros is what allocating a result costs: make zeroes the
// memory it reuses, where NumPy's np.empty does not.
func BenchmarkZeros(b *testing.B) {
	benchJoin(b, "16MiB", 4<<20, func() { ndview.Zeros[float32](4 << 20) })
	benchJoin(b, "32MiB", 8<<20, func() { ndview.Zeros[float32](8 << 20) })
}

func BenchmarkTile(b *testing.B) {
	const n = 1024
	v, d := ramp[float32](n, n)
	b.Run("2x2", func(b *testing.B) {
		benchJoin(b, "ndview", 4*n*n, func() { ndview.Tile(v, 2, 2) })
		benchJoin(b, "loop", 4*n*n, func() { tileLoop(d, n) })
	})
}

func BenchmarkRepeat(b *testing.B) {
	const n = 1024
	v, d := ramp[float32](n, n)
	b.Run("4/axis1", func(b *testing.B) {
		benchJoin(b, "ndview", 4*n*n, func() { ndview.Repeat(v, 4, 1) })
		benchJoin(b, "loop", 4*n*n, func() { repeatLoop(d, n, 4) })
	})
}

// The baselines.

//go:noinline
func concat0Loop(ds [][]float32, n int, transposed bool) []float32 {
	out := make([]float32, len(ds)*n*n)
	for k, d := range ds {
		o := out[k*n*n : (k+1)*n*n]
		if !transposed {
			copy(o, d)
			continue
		}
		for i := range n {
			row := o[i*n : (i+1)*n]
			for j := range row {
				row[j] = d[j*n+i]
			}
		}
	}
	return out
}

//go:noinline
func concat1Loop(ds [][]float32, n int, transposed bool) []float32 {
	w := len(ds) * n
	out := make([]float32, w*n)
	for i := range n {
		for k, d := range ds {
			row := out[i*w+k*n : i*w+(k+1)*n]
			if !transposed {
				copy(row, d[i*n:(i+1)*n])
				continue
			}
			for j := range row {
				row[j] = d[j*n+i]
			}
		}
	}
	return out
}

//go:noinline
func stackLastLoop(ds [][]float32, n int) []float32 {
	k := len(ds)
	out := make([]float32, k*n*n)
	for i := range n * n {
		o := out[i*k : (i+1)*k]
		for j := range o {
			o[j] = ds[j][i]
		}
	}
	return out
}

//go:noinline
func tileLoop(d []float32, n int) []float32 {
	out := make([]float32, 4*n*n)
	for r := range 2 {
		for i := range n {
			o := out[(r*n+i)*2*n:]
			copy(o[:n], d[i*n:(i+1)*n])
			copy(o[n:2*n], d[i*n:(i+1)*n])
		}
	}
	return out
}

//go:noinline
func repeatLoop(d []float32, n, reps int) []float32 {
	out := make([]float32, reps*n*n)
	for i, x := range d {
		o := out[i*reps : (i+1)*reps]
		for j := range o {
			o[j] = x
		}
	}
	return out
}
