package zarr

import (
	"fmt"
	"testing"
)

// Benchmarks of the byte shuffle alone, on one 256 KiB Blosc block of
// float32 and float64 data: the kernels beside the plain byte loop a Go
// user would write (shuffleLoop).
func BenchmarkShuffle(b *testing.B) {
	src := make([]byte, 1<<18)
	for i := range src {
		src[i] = byte(i * 7 / 3)
	}
	dst := make([]byte, len(src))
	for _, ts := range []int{2, 4, 8} {
		for _, c := range []struct {
			name string
			f    func(dst, src []byte, ts int)
		}{{"shuffle", shuffle}, {"unshuffle", unshuffle}, {"loop", shuffleLoop}} {
			b.Run(fmt.Sprintf("%s/ts=%d", c.name, ts), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					c.f(dst, src, ts)
				}
			})
		}
	}
}

// BenchmarkBloscEncodeLZ4 encodes one 256×256 float32 chunk of the
// BenchmarkZarr array as a Blosc lz4 frame with byte shuffle (level 5, one
// 256 KiB block); bench/numpy/blosc.py times numcodecs on the same chunk.
func BenchmarkBloscEncodeLZ4(b *testing.B) {
	n := 256 * 256
	src := make([]byte, 4*n)
	v := benchData(256)
	data, _ := v.Data()
	copy(src, asBytes(data))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		bloscEncode(src, "lz4", 5, ByteShuffle, 4, 0)
	}
}
