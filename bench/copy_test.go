package bench

import (
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// number is the element types the benchmarks copy.
type number interface{ ~uint8 | ~float32 | ~float64 }

// ramp returns a C-contiguous view of shape holding 0, 1, 2, … (wrapping
// for small types) over a new slice, and the slice.
func ramp[T number](shape ...int) (ndview.NDView[T], []T) {
	v := ndview.Zeros[T](shape...)
	data, err := v.Data()
	if err != nil {
		panic(err)
	}
	for i := range data {
		data[i] = T(i % 251)
	}
	return v, data
}

// sizeOf returns the size of one element of v in bytes.
func sizeOf[T any](v ndview.NDView[T]) int64 { return int64(v.ItemSize()) }

// benchCopy runs dst.CopyFrom(src) as the ndview sub-benchmark.
func benchCopy[T any](b *testing.B, dst, src ndview.NDView[T]) {
	b.Run("ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(2 * int64(dst.Size()) * sizeOf(dst))
		for b.Loop() {
			dst.CopyFrom(src)
		}
	})
}

// benchBaseline runs fn as the baseline sub-benchmark name, counting the
// bytes of a copy of n elements of size bytes.
func benchBaseline(b *testing.B, name string, n int, size int64, fn func()) {
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(2 * int64(n) * size)
		for b.Loop() {
			fn()
		}
	})
}

// The baselines: what a Go programmer writes without ndkit.

//go:noinline
func transposeLoop[T any](dst, src []T, rows, cols int) {
	// dst is rows×cols, src is cols×rows; dst[i][j] = src[j][i].
	for i := range rows {
		row := dst[i*cols : (i+1)*cols]
		for j := range row {
			row[j] = src[j*rows+i]
		}
	}
}

//go:noinline
func hwcToCHWLoop(dst, src []uint8, h, w, c int) {
	for k := range c {
		for y := range h {
			for x := range w {
				dst[(k*h+y)*w+x] = src[(y*w+x)*c+k]
			}
		}
	}
}

//go:noinline
func chwToHWCLoop(dst, src []uint8, h, w, c int) {
	for y := range h {
		for x := range w {
			for k := range c {
				dst[(y*w+x)*c+k] = src[(k*h+y)*w+x]
			}
		}
	}
}

//go:noinline
func step2Loop[T any](dst, src []T, n int) {
	// dst is (n/2)×(n/2), src is n×n; dst[i][j] = src[2i][2j].
	m := n / 2
	for i := range m {
		row := dst[i*m : (i+1)*m]
		in := src[2*i*n:]
		for j := range row {
			row[j] = in[2*j]
		}
	}
}

//go:noinline
func reverseLoop[T any](dst, src []T, n int) {
	// dst[i][j] = src[n-1-i][n-1-j] for n×n matrices.
	for i := range n {
		row := dst[i*n : (i+1)*n]
		in := src[(n-1-i)*n : (n-i)*n]
		for j := range row {
			row[j] = in[n-1-j]
		}
	}
}

// BenchmarkCopy covers the cases of the performance table, each into a
// preallocated destination.
func BenchmarkCopy(b *testing.B) {
	b.Run("Contig/f32/4096", func(b *testing.B) {
		src, s := ramp[float32](4096, 4096)
		dst, d := ramp[float32](4096, 4096)
		benchCopy(b, dst, src)
		benchBaseline(b, "builtin", len(d), 4, func() { copy(d, s) })
	})
	transpose := func(b *testing.B, dst, src ndview.NDView[float32], d, s []float32, n int) {
		benchCopy(b, dst, src.T())
		benchBaseline(b, "loop", len(d), 4, func() { transposeLoop(d, s, n, n) })
	}
	b.Run("Transpose/f32/4096", func(b *testing.B) {
		src, s := ramp[float32](4096, 4096)
		dst, d := ramp[float32](4096, 4096)
		transpose(b, dst, src, d, s, 4096)
	})
	b.Run("Transpose/f64/4096", func(b *testing.B) {
		src, s := ramp[float64](4096, 4096)
		dst, d := ramp[float64](4096, 4096)
		benchCopy(b, dst, src.T())
		benchBaseline(b, "loop", len(d), 8, func() { transposeLoop(d, s, 4096, 4096) })
	})
	b.Run("Transpose/f32/4000", func(b *testing.B) {
		src, s := ramp[float32](4000, 4000)
		dst, d := ramp[float32](4000, 4000)
		transpose(b, dst, src, d, s, 4000)
	})
	b.Run("Transpose/f64/1000", func(b *testing.B) {
		src, s := ramp[float64](1000, 1000)
		dst, d := ramp[float64](1000, 1000)
		benchCopy(b, dst, src.T())
		benchBaseline(b, "loop", len(d), 8, func() { transposeLoop(d, s, 1000, 1000) })
	})
	const h, w = 1080, 1920
	b.Run("HWC2CHW/u8/1080x1920x3", func(b *testing.B) {
		src, s := ramp[uint8](h, w, 3)
		dst, d := ramp[uint8](3, h, w)
		benchCopy(b, dst, src.Transpose(2, 0, 1))
		benchBaseline(b, "loop", len(d), 1, func() { hwcToCHWLoop(d, s, h, w, 3) })
	})
	b.Run("CHW2HWC/u8/1080x1920x3", func(b *testing.B) {
		src, s := ramp[uint8](3, h, w)
		dst, d := ramp[uint8](h, w, 3)
		benchCopy(b, dst, src.Transpose(1, 2, 0))
		benchBaseline(b, "loop", len(d), 1, func() { chwToHWCLoop(d, s, h, w, 3) })
	})
	b.Run("Step2/f32/4096", func(b *testing.B) {
		src, s := ramp[float32](4096, 4096)
		dst, d := ramp[float32](2048, 2048)
		benchCopy(b, dst, src.Slice(ndview.Step(2), ndview.Step(2)))
		benchBaseline(b, "loop", len(d), 4, func() { step2Loop(d, s, 4096) })
	})
	b.Run("Reverse/f32/4096", func(b *testing.B) {
		src, s := ramp[float32](4096, 4096)
		dst, d := ramp[float32](4096, 4096)
		benchCopy(b, dst, src.Slice(ndview.Step(-1), ndview.Step(-1)))
		benchBaseline(b, "loop", len(d), 4, func() { reverseLoop(d, s, 4096) })
	})
}

// BenchmarkClone measures materialising a transposed view into new memory
// (np.ascontiguousarray(a.T)), allocation included.
func BenchmarkClone(b *testing.B) {
	src, s := ramp[float32](1024, 1024)
	b.Run("Transpose/f32/1024/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(2 * 1024 * 1024 * 4)
		for b.Loop() {
			_ = src.T().Clone()
		}
	})
	benchBaseline(b, "Transpose/f32/1024/loop", len(s), 4, func() {
		d := make([]float32, len(s))
		transposeLoop(d, s, 1024, 1024)
	})
}

// BenchmarkFill measures Fill on a contiguous and a transposed strided
// view against a hand loop.
func BenchmarkFill(b *testing.B) {
	v, d := ramp[float32](4096, 4096)
	b.Run("Contig/f32/4096/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(d)) * 4)
		for b.Loop() {
			v.Fill(1)
		}
	})
	b.Run("Contig/f32/4096/loop", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(d)) * 4)
		for b.Loop() {
			for i := range d {
				d[i] = 1
			}
		}
	})
	b.Run("Channel/u8/1080x1920x3/ndview", func(b *testing.B) {
		img, _ := ramp[uint8](1080, 1920, 3)
		ch := img.Slice(ndview.Ellipsis, ndview.Int(1))
		b.ReportAllocs()
		b.SetBytes(int64(ch.Size()))
		for b.Loop() {
			ch.Fill(255)
		}
	})
}
