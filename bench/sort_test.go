package bench

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Sorting, searching and set benchmarks (semantics.md §18), beside the
// code a Go user writes with the standard library. b.SetBytes counts the
// bytes of the input read once. An in-place sort needs unsorted data on
// every run, so both ndkit and the baseline first copy the input into the
// buffer they sort (as np.sort copies before it sorts): the copy is part
// of every figure.

// sortInput returns n random float64 values in [0, 1), as NumPy's
// rng.random(n).
func sortInput(n int, seed uint64) []float64 {
	r := rand.New(rand.NewPCG(seed, 18))
	s := make([]float64, n)
	for i := range s {
		s[i] = r.Float64()
	}
	return s
}

func BenchmarkSort(b *testing.B) {
	src := sortInput(1_000_000, 1)
	buf := make([]float64, len(src))
	v, _ := ndview.FromSlice(buf)
	b.Run("float64-1M/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * len(src)))
		for b.Loop() {
			copy(buf, src)
			ndview.Sort(v, 0)
		}
	})
	b.Run("float64-1M/slices", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * len(src)))
		for b.Loop() {
			copy(buf, src)
			slices.Sort(buf)
		}
	})
}

func BenchmarkArgsort(b *testing.B) {
	src := sortInput(1_000_000, 1)
	v, _ := ndview.FromSlice(src)
	b.Run("float64-1M/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * len(src)))
		for b.Loop() {
			ndview.Argsort(v, 0)
		}
	})
	b.Run("float64-1M/slices", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * len(src)))
		for b.Loop() {
			idx := make([]int, len(src))
			for i := range idx {
				idx[i] = i
			}
			slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(src[i], src[j]) })
		}
	})
}

func BenchmarkSortAxis(b *testing.B) {
	const rows, cols = 4096, 256
	r := rand.New(rand.NewPCG(2, 18))
	src := make([]float32, rows*cols)
	for i := range src {
		src[i] = r.Float32()
	}
	buf := make([]float32, len(src))
	v, _ := ndview.FromSlice(buf, rows, cols)
	b.Run("float32-4096x256/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(4 * len(src)))
		for b.Loop() {
			copy(buf, src)
			ndview.Sort(v, -1)
		}
	})
	b.Run("float32-4096x256/slices", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(4 * len(src)))
		for b.Loop() {
			copy(buf, src)
			for i := 0; i < len(buf); i += cols {
				slices.Sort(buf[i : i+cols])
			}
		}
	})
}

func BenchmarkUnique(b *testing.B) {
	// 10M int64 drawn from 1000 distinct values spread over the int64
	// range, as bench/numpy/sort.py draws them.
	r := rand.New(rand.NewPCG(3, 18))
	distinct := make([]int64, 1000)
	for i := range distinct {
		distinct[i] = r.Int64() - 1<<62
	}
	src := make([]int64, 10_000_000)
	for i := range src {
		src[i] = distinct[r.IntN(len(distinct))]
	}
	v, _ := ndview.FromSlice(src)
	b.Run("int64-10M-1000/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * len(src)))
		for b.Loop() {
			ndview.Unique(v, ndview.UniqueOptions{Counts: true})
		}
	})
	b.Run("int64-10M-1000/map", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * len(src)))
		for b.Loop() {
			m := map[int64]int{}
			for _, x := range src {
				m[x]++
			}
			vals := make([]int64, 0, len(m))
			for x := range m {
				vals = append(vals, x)
			}
			slices.Sort(vals)
			counts := make([]int, len(vals))
			for i, x := range vals {
				counts[i] = m[x]
			}
		}
	})
}

func BenchmarkSearchsorted(b *testing.B) {
	a := sortInput(1_000_000, 4)
	slices.Sort(a)
	q := sortInput(1_000_000, 5)
	av, _ := ndview.FromSlice(a)
	qv, _ := ndview.FromSlice(q)
	b.Run("float64-1M-1M/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * len(q)))
		for b.Loop() {
			ndview.Searchsorted(av, qv, ndview.Left)
		}
	})
	b.Run("float64-1M-1M/sort", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(8 * len(q)))
		for b.Loop() {
			out := make([]int, len(q))
			for i, x := range q {
				out[i] = sort.SearchFloat64s(a, x)
			}
		}
	})
}
