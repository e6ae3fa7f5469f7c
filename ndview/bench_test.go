package ndview

// Benchmarks of the view operations that must cost no allocation on views
// of rank up to 4, and of element access against the loop a user would
// write by hand over the raw data. TestAllocs pins the allocation goals.

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	sinkView NDView[float64]
	sinkF    float64
	sinkErr  error
)

// benchViews returns C-contiguous float64 views of rank 2, 3 and 4.
func benchViews(tb testing.TB) []struct {
	name string
	v    NDView[float64]
} {
	tb.Helper()
	mk := func(shape ...int) NDView[float64] {
		v, err := FromSlice(make([]float64, shapeProduct(shape)), shape...)
		require.NoError(tb, err)
		return v
	}
	return []struct {
		name string
		v    NDView[float64]
	}{
		{"rank2", mk(6, 8)},
		{"rank3", mk(4, 6, 8)},
		{"rank4", mk(2, 4, 6, 8)},
	}
}

// viewBenches lists the view operations with an allocation goal of 0.
var viewBenches = []struct {
	name string
	f    func(v NDView[float64])
}{
	{"T", func(v NDView[float64]) { sinkView = v.T() }},
	{"Transpose", func(v NDView[float64]) {
		switch v.NDim() {
		case 2:
			sinkView = v.Transpose(1, 0)
		case 3:
			sinkView = v.Transpose(1, 2, 0)
		default:
			sinkView = v.Transpose(1, 3, 0, 2)
		}
	}},
	{"Slice/int", func(v NDView[float64]) { sinkView = v.Slice(Int(1)) }},
	{"Slice/range", func(v NDView[float64]) { sinkView = v.Slice(Range(1, 3)) }},
	{"Slice/mixed", func(v NDView[float64]) { sinkView = v.Slice(Range(1, 3), Ellipsis, Step(-1)) }},
	{"Reshape/contiguous", func(v NDView[float64]) { sinkView, sinkErr = v.Reshape(-1, 4) }},
	{"Reshape/nocopy", func(v NDView[float64]) {
		// Every other row of the second-to-last axis, reshaped: a view,
		// but not a contiguous one, so NumPy's no-copy algorithm runs.
		w := v.Slice(Ellipsis, Step(2), Colon())
		s := w.lay.Shape()
		var buf [MaxRank]int
		target := buf[:0]
		if len(s) == 2 {
			target = append(target, s[0], 2, s[1]/2)
		} else {
			target = append(append(target, s[0]*s[1]), s[2:]...)
		}
		sinkView, sinkErr = w.Reshape(target...)
	}},
	{"SwapAxes", func(v NDView[float64]) { sinkView = v.SwapAxes(0, -1) }},
	{"Flip", func(v NDView[float64]) { sinkView = v.Flip(0) }},
	{"MoveAxis", func(v NDView[float64]) { sinkView = v.MoveAxis([]int{0}, []int{-1}) }},
	{"Diagonal", func(v NDView[float64]) { sinkView = v.Diagonal(0, 0, 1) }},
	{"ExpandDims", func(v NDView[float64]) { sinkView = v.Slice(Int(0)).ExpandDims(0) }},
	{"Squeeze", func(v NDView[float64]) { sinkView = v.Squeeze() }},
	{"Rot90", func(v NDView[float64]) { sinkView = v.Rot90(1) }},
}

// The benchmarks below call each operation directly in the loop, as a user
// would; sub-benchmarks name the rank of the source view.

func BenchmarkT(b *testing.B) {
	for _, bv := range benchViews(b) {
		b.Run(bv.name, func(b *testing.B) {
			v := bv.v
			b.ReportAllocs()
			for b.Loop() {
				sinkView = v.T()
			}
		})
	}
}

func BenchmarkTranspose(b *testing.B) {
	perms := map[int][]int{2: {1, 0}, 3: {1, 2, 0}, 4: {1, 3, 0, 2}}
	for _, bv := range benchViews(b) {
		b.Run(bv.name, func(b *testing.B) {
			v := bv.v
			p := perms[v.NDim()]
			b.ReportAllocs()
			for b.Loop() {
				sinkView = v.Transpose(p...)
			}
		})
	}
}

func BenchmarkSwapAxes(b *testing.B) {
	for _, bv := range benchViews(b) {
		b.Run(bv.name, func(b *testing.B) {
			v := bv.v
			b.ReportAllocs()
			for b.Loop() {
				sinkView = v.SwapAxes(0, -1)
			}
		})
	}
}

func BenchmarkSlice(b *testing.B) {
	for _, bv := range benchViews(b) {
		v := bv.v
		b.Run("int/"+bv.name, func(b *testing.B) { // v[1]
			b.ReportAllocs()
			for b.Loop() {
				sinkView = v.Slice(Int(1))
			}
		})
		b.Run("range/"+bv.name, func(b *testing.B) { // v[1:3]
			b.ReportAllocs()
			for b.Loop() {
				sinkView = v.Slice(Range(1, 3))
			}
		})
		b.Run("mixed/"+bv.name, func(b *testing.B) { // v[1:3, ..., ::-1]
			b.ReportAllocs()
			for b.Loop() {
				sinkView = v.Slice(Range(1, 3), Ellipsis, Step(-1))
			}
		})
	}
}

func BenchmarkIndex(b *testing.B) {
	// The string form parses its expression on every call.
	for _, bv := range benchViews(b) {
		v := bv.v
		b.Run(bv.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkView, sinkErr = v.Index("1:3, ..., ::-1")
			}
		})
	}
}

func BenchmarkReshape(b *testing.B) {
	for _, bv := range benchViews(b) {
		v := bv.v
		b.Run("contiguous/"+bv.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkView, sinkErr = v.Reshape(-1, 4)
			}
		})
		w := v.Slice(Ellipsis, Step(2), Colon())
		target := w.Shape()
		if len(target) == 2 {
			target = []int{target[0], 2, target[1] / 2}
		} else {
			target = append([]int{target[0] * target[1]}, target[2:]...)
		}
		b.Run("nocopy/"+bv.name, func(b *testing.B) { // NumPy's no-copy algorithm
			b.ReportAllocs()
			for b.Loop() {
				sinkView, sinkErr = w.Reshape(target...)
			}
		})
	}
}

func BenchmarkOtherOps(b *testing.B) {
	for _, op := range viewBenches {
		switch name, _, _ := strings.Cut(op.name, "/"); name {
		case "T", "Transpose", "SwapAxes", "Slice", "Reshape":
			continue // above
		}
		for _, bv := range benchViews(b) {
			b.Run(op.name+"/"+bv.name, func(b *testing.B) {
				v := bv.v
				b.ReportAllocs()
				for b.Loop() {
					op.f(v)
				}
			})
		}
	}
}

func TestAllocs(t *testing.T) {
	for _, op := range viewBenches {
		for _, bv := range benchViews(t) {
			t.Run(op.name+"/"+bv.name, func(t *testing.T) {
				v := bv.v
				sinkErr = nil
				n := testing.AllocsPerRun(100, func() { op.f(v) })
				require.NoError(t, sinkErr)
				assert.Zero(t, n, "%s on a %s view allocates", op.name, bv.name)
			})
		}
	}
	v := benchViews(t)[1].v
	i, j, k := 1, 2, 3
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkF = v.At(i, j, k) }), "At")
	assert.Zero(t, testing.AllocsPerRun(100, func() { v.Set(1.5, i, j, k) }), "Set")
	shape := []int{4, 6, 8}
	b := v.Slice(Int(0), Int(0))
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkView, sinkErr = b.BroadcastTo(shape...) }), "BroadcastTo")
	sw := []int{2}
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkView, sinkErr = v.SlidingWindow(sw, 0) }), "SlidingWindow")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = v.IsCContiguous() && v.ReadOnly() }), "flags")
}

// cube returns a (n,n,n) view over a buffer with a one-element gap per row,
// so that it is not contiguous, with a negative last-axis stride.
func cube(tb testing.TB, n int) (NDView[float64], []float64) {
	tb.Helper()
	data := make([]float64, n*n*(n+1))
	for i := range data {
		data[i] = float64(i % 7)
	}
	v, err := Wrap(data, n-1, []int{n, n, n}, []int{n * (n + 1), n + 1, -1})
	require.NoError(tb, err)
	return v, data
}

func BenchmarkAt3D(b *testing.B) {
	const n = 32
	v, data := cube(b, n)
	off, st := v.Offset(), v.Strides()
	s0, s1, s2 := st[0], st[1], st[2]
	b.Run("At", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n * n * n * 8)
		for b.Loop() {
			var sum float64
			for i := range n {
				for j := range n {
					for k := range n {
						sum += v.At(i, j, k)
					}
				}
			}
			sinkF = sum
		}
	})
	b.Run("hand", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n * n * n * 8)
		for b.Loop() {
			var sum float64
			for i := range n {
				for j := range n {
					for k := range n {
						sum += data[off+i*s0+j*s1+k*s2]
					}
				}
			}
			sinkF = sum
		}
	})
}

func BenchmarkSet3D(b *testing.B) {
	const n = 32
	v, data := cube(b, n)
	off, st := v.Offset(), v.Strides()
	s0, s1, s2 := st[0], st[1], st[2]
	b.Run("Set", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n * n * n * 8)
		for b.Loop() {
			for i := range n {
				for j := range n {
					for k := range n {
						v.Set(float64(k), i, j, k)
					}
				}
			}
		}
	})
	b.Run("hand", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n * n * n * 8)
		for b.Loop() {
			for i := range n {
				for j := range n {
					for k := range n {
						data[off+i*s0+j*s1+k*s2] = float64(k)
					}
				}
			}
		}
	})
}

func TestAtMatchesHandLoop(t *testing.T) {
	// The benchmark's baseline computes the same elements as At.
	v, data := cube(t, 5)
	off, st := v.Offset(), v.Strides()
	forEachIndex(v.Shape(), func(idx []int) {
		require.Equal(t, data[off+idx[0]*st[0]+idx[1]*st[1]+idx[2]*st[2]], v.At(idx...))
	})
}
