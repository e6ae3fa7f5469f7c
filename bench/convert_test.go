package bench

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// Element-type conversion (ndview.Convert) beside the loop a user would
// write with x448/float16 or a plain conversion, in the same run. Bytes per
// element count the source read and the destination written once each.

// convertSizes crosses the cache levels: L1, L2/L3, main memory.
var convertSizes = []struct {
	name string
	n    int
}{{"4K", 4 << 10}, {"1M", 1 << 20}, {"16M", 16 << 20}}

// weightsF32 returns n float32 values shaped like model weights: normally
// distributed around 0 with standard deviation 0.5 (fixed seed).
func weightsF32(n int) []float32 {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]float32, n)
	for i := range out {
		out[i] = float32(r.NormFloat64() * 0.5)
	}
	return out
}

// weightsF16 returns weightsF32 rounded to float16.
func weightsF16(n int) []float16.Float16 {
	out := make([]float16.Float16, n)
	for i, x := range weightsF32(n) {
		out[i] = float16.Fromfloat32(x)
	}
	return out
}

// randomBitsF16 returns n uniformly random float16 bit patterns, which
// spread table lookups over the whole 256 KiB table.
func randomBitsF16(n int) []float16.Float16 {
	r := rand.New(rand.NewPCG(3, 4))
	out := make([]float16.Float16, n)
	for i := range out {
		out[i] = float16.Frombits(uint16(r.Uint32()))
	}
	return out
}

func view[T any](b *testing.B, data []T, shape ...int) ndview.NDView[T] {
	v, err := ndview.FromSlice(data, shape...)
	if err != nil {
		b.Fatal(err)
	}
	return v
}

func BenchmarkConvertF16ToF32(b *testing.B) {
	for _, sz := range convertSizes {
		src := weightsF16(sz.n)
		dst := make([]float32, sz.n)
		sv, dv := view(b, src), view(b, dst)
		ndview.ConvertInto(dv, sv) // build the float16 table outside the timing
		b.Run("ndkit/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(sz.n * (2 + 4)))
			for b.Loop() {
				ndview.ConvertInto(dv, sv)
			}
		})
		b.Run("x448-loop/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(sz.n * (2 + 4)))
			for b.Loop() {
				for i, x := range src {
					dst[i] = x.Float32()
				}
			}
		})
	}
	// Uniformly random bit patterns: the table's worst case.
	n := 16 << 20
	src := randomBitsF16(n)
	dst := make([]float32, n)
	sv, dv := view(b, src), view(b, dst)
	ndview.ConvertInto(dv, sv)
	b.Run("ndkit/random-bits/16M", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(n * (2 + 4)))
		for b.Loop() {
			ndview.ConvertInto(dv, sv)
		}
	})
	b.Run("x448-loop/random-bits/16M", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(n * (2 + 4)))
		for b.Loop() {
			for i, x := range src {
				dst[i] = x.Float32()
			}
		}
	})
}

// BenchmarkConvertF16ToF32Transposed converts a transposed 2048² float16
// view into a C-contiguous float32 one, beside the nested loop a user
// would write.
func BenchmarkConvertF16ToF32Transposed(b *testing.B) {
	const side = 2048
	src := weightsF16(side * side)
	dst := make([]float32, side*side)
	sv, dv := view(b, src, side, side).T(), view(b, dst, side, side)
	ndview.ConvertInto(dv, sv) // build the float16 table outside the timing
	b.Run("ndkit/T/2048x2048", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(side * side * (2 + 4)))
		for b.Loop() {
			ndview.ConvertInto(dv, sv)
		}
	})
	b.Run("x448-loop/T/2048x2048", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(side * side * (2 + 4)))
		for b.Loop() {
			for i := range side {
				row := dst[i*side : (i+1)*side]
				for j := range row {
					row[j] = src[j*side+i].Float32()
				}
			}
		}
	})
}

func BenchmarkConvertF32ToF16(b *testing.B) {
	for _, sz := range convertSizes {
		src := weightsF32(sz.n)
		dst := make([]float16.Float16, sz.n)
		sv, dv := view(b, src), view(b, dst)
		b.Run("ndkit/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(sz.n * (4 + 2)))
			for b.Loop() {
				ndview.ConvertInto(dv, sv)
			}
		})
		b.Run("x448-loop/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(sz.n * (4 + 2)))
			for b.Loop() {
				for i, x := range src {
					dst[i] = float16.Fromfloat32(x)
				}
			}
		})
	}
}

func BenchmarkConvertU8ToF32(b *testing.B) {
	for _, sz := range convertSizes {
		src := make([]uint8, sz.n)
		for i := range src {
			src[i] = uint8(i * 7)
		}
		dst := make([]float32, sz.n)
		sv, dv := view(b, src), view(b, dst)
		b.Run("ndkit/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(sz.n * (1 + 4)))
			for b.Loop() {
				ndview.ConvertInto(dv, sv)
			}
		})
		b.Run("hand-loop/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(sz.n * (1 + 4)))
			for b.Loop() {
				for i, x := range src {
					dst[i] = float32(x)
				}
			}
		})
	}
}

// BenchmarkConvertU8ToF32Image converts an HWC uint8 image into a CHW
// float32 tensor (the transposed layout a model wants), beside the nested
// loop a user would write.
func BenchmarkConvertU8ToF32Image(b *testing.B) {
	const h, w, c = 1080, 1920, 3
	src := make([]uint8, h*w*c)
	for i := range src {
		src[i] = uint8(i)
	}
	dst := make([]float32, h*w*c)
	sv := view(b, src, h, w, c).Transpose(2, 0, 1)
	dv := view(b, dst, c, h, w)
	name := strconv.Itoa(h) + "x" + strconv.Itoa(w) + "x3"
	b.Run("ndkit/HWC-to-CHW/"+name, func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(h * w * c * (1 + 4)))
		for b.Loop() {
			ndview.ConvertInto(dv, sv)
		}
	})
	b.Run("hand-loop/HWC-to-CHW/"+name, func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(h * w * c * (1 + 4)))
		for b.Loop() {
			for ch := range c {
				plane := dst[ch*h*w : (ch+1)*h*w]
				for y := range h {
					row := plane[y*w : (y+1)*w]
					for x := range row {
						row[x] = float32(src[(y*w+x)*c+ch])
					}
				}
			}
		}
	})
}
