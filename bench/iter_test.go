package bench

import (
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// sumValues sums a view through ndview's iterator.
func sumValues(v ndview.NDView[float32]) float32 {
	var s float32
	for x := range v.Values() {
		s += x
	}
	return s
}

// sumRange is the baseline for contiguous data: a range loop.
//
//go:noinline
func sumRange(data []float32) float32 {
	var s float32
	for _, x := range data {
		s += x
	}
	return s
}

// sumColumns is the baseline for a transposed view: the same elements in
// the same order (column by column of the underlying n×n matrix), written
// by hand with the index stepped by n.
//
//go:noinline
func sumColumns(data []float32, n int) float32 {
	var s float32
	for j := range n {
		for k := j; k < len(data); k += n {
			s += data[k]
		}
	}
	return s
}

var sink float32

// BenchmarkValues measures Values() summing a view, against the loops a
// Go programmer would write over the slice. Bytes are those read.
func BenchmarkValues(b *testing.B) {
	for _, n := range []int{1024, 4096} {
		v, data := ramp[float32](n, n)
		name := "/f32/" + itoa(n)
		run := func(name string, fn func() float32) {
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(n * n * 4))
				for b.Loop() {
					sink += fn()
				}
			})
		}
		run("C"+name+"/ndview", func() float32 { return sumValues(v) })
		run("C"+name+"/range", func() float32 { return sumRange(data) })
		run("T"+name+"/ndview", func() float32 { return sumValues(v.T()) })
		run("T"+name+"/loop", func() float32 { return sumColumns(data, n) })
	}
}

// BenchmarkAll measures All(), which also yields the index.
func BenchmarkAll(b *testing.B) {
	v, _ := ramp[float32](1024, 1024)
	b.Run("T/f32/1024/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(1024 * 1024 * 4)
		for b.Loop() {
			var s float32
			for idx, x := range v.T().Enumerate() {
				s += x + float32(idx[1])
			}
			sink += s
		}
	})
}

// itoa formats a small non-negative int.
func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
