package bench

import (
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Box filters (window sums, semantics.md §36, SR9-SR11) on a 1080p
// float32 image: WindowSum, SumAxis over the window axes of a
// SlidingWindow (which takes WindowSum's path), and the idiom a user
// would otherwise write with ndkit, w×w shifted Adds into one result.
// NumPy's figures come from bench/numpy/window.py. b.SetBytes counts the
// image's bytes.

const blurRows, blurCols = 1080, 1920

func BenchmarkBoxBlur(b *testing.B) {
	img := make([]float32, blurRows*blurCols)
	for i := range img {
		img[i] = float32(i%251) / 251
	}
	v, _ := ndview.FromSlice(img, blurRows, blurCols)
	for _, w := range []int{3, 15} {
		name := map[int]string{3: "3x3", 15: "15x15"}[w]
		out := ndview.Zeros[float32](blurRows-w+1, blurCols-w+1)
		b.Run(name+"/WindowSum", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(4 * len(img)))
			for b.Loop() {
				ndview.WindowSumInto(out, v, []int{w, w})
			}
		})
		b.Run(name+"/SlidingWindow-SumAxis", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(4 * len(img)))
			for b.Loop() {
				sw, _ := v.SlidingWindow([]int{w, w})
				ndview.SumAxisInto(out, sw, 2, 3)
			}
		})
		if w > 3 {
			continue
		}
		b.Run(name+"/shifted-Adds", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(4 * len(img)))
			m, n := blurRows-w+1, blurCols-w+1
			for b.Loop() {
				out.CopyFrom(v.Slice(ndview.Range(0, m), ndview.Range(0, n)))
				for k := 1; k < w*w; k++ {
					i, j := k/w, k%w
					ndview.AddInto(out, out, v.Slice(ndview.Range(i, i+m), ndview.Range(j, j+n)))
				}
			}
		})
	}
}
