package gemm

import (
	"fmt"
	"testing"
)

func benchGemm[T Float](b *testing.B, n, threads int) {
	mk := func() Mat[T] {
		d := make([]T, n*n)
		for i := range d {
			d[i] = T(i%7) - 3
		}
		return Mat[T]{Data: d, Rows: n, Cols: n, RS: n, CS: 1}
	}
	x, y, z := mk(), mk(), mk()
	b.ResetTimer()
	for b.Loop() {
		Gemm(z, x, y, threads)
	}
	b.ReportMetric(2*float64(n*n*n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

func BenchmarkGemm(b *testing.B) {
	for _, n := range []int{256, 1024} {
		for _, th := range []int{1, 2} {
			b.Run(fmt.Sprintf("f64/%d/t%d", n, th), func(b *testing.B) { benchGemm[float64](b, n, th) })
			b.Run(fmt.Sprintf("f32/%d/t%d", n, th), func(b *testing.B) { benchGemm[float32](b, n, th) })
		}
	}
}
