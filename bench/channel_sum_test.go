package bench

import (
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// BenchmarkImageChannelSum: the per-channel sums of a 1080p RGB uint8
// image (NumPy's img.sum(axis=(0, 1)), bench/numpy/channel_sum.py) with
// SumAxisAsInto beside the loop a Go program would write.
func BenchmarkImageChannelSum(b *testing.B) {
	const h, w = 1080, 1920
	pix := make([]uint8, h*w*3)
	for i := range pix {
		pix[i] = uint8(i * 7)
	}
	img := ndview.Must(ndview.FromSlice(pix, h, w, 3))
	want := [3]uint64{}
	for i, p := range pix {
		want[i%3] += uint64(p)
	}
	b.Run("SumAxisAsInto", func(b *testing.B) {
		dst := ndview.Zeros[uint64](3)
		b.ReportAllocs()
		b.SetBytes(int64(len(pix)))
		for b.Loop() {
			ndview.SumAxisAsInto(dst, img, 0, 1)
		}
		if got := dst.ToSlice(); [3]uint64(got) != want {
			b.Fatalf("got %v, want %v", got, want)
		}
	})
	b.Run("loop", func(b *testing.B) {
		var s [3]uint64
		b.ReportAllocs()
		b.SetBytes(int64(len(pix)))
		for b.Loop() {
			s = [3]uint64{}
			for i := 0; i+3 <= len(pix); i += 3 {
				s[0] += uint64(pix[i])
				s[1] += uint64(pix[i+1])
				s[2] += uint64(pix[i+2])
			}
		}
		if s != want {
			b.Fatalf("got %v, want %v", s, want)
		}
	})
}
