package bench

import (
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Advanced indexing (semantics.md §16): the full-shape boolean mask, read
// and written, on 16M float32 elements with a 50% random mask, and two
// separated index arrays, a[i0, :, i1] on a (256, 256, 256) float32 array
// with 4096 indices each (a (4096, 256) result). bench/numpy/fancy.py
// times the same cases in NumPy. b.SetBytes counts the elements and mask
// bytes read plus the elements written.

const (
	maskN    = 1 << 24 // elements of the mask cases
	cubeSide = 256     // the extent of each axis of the separated case
	nIndex   = 4096    // indices per array in the separated case
)

// maskData returns a float32 array of maskN elements, a 50% random mask
// of its shape, and the number of true elements.
func maskData() ([]float32, []bool, int) {
	r := rand.New(rand.NewPCG(1, 2))
	a := make([]float32, maskN)
	m := make([]bool, maskN)
	count := 0
	for i := range a {
		a[i] = float32(i)
		m[i] = r.IntN(2) == 0
		if m[i] {
			count++
		}
	}
	return a, m, count
}

func BenchmarkFancy(b *testing.B) {
	a, m, count := maskData()
	av, _ := ndview.FromSlice(a)
	mv, _ := ndview.FromSlice(m)
	vals := make([]float32, count)
	for i := range vals {
		vals[i] = float32(-i)
	}
	vv, _ := ndview.FromSlice(vals)
	scalar := ndview.Scalar[float32](7)
	getBytes := int64(maskN*4 + maskN + count*4)
	setBytes := int64(maskN + count*4)

	b.Run("MaskGet", func(b *testing.B) {
		run(b, "ndview", getBytes, func() {
			if _, err := av.Gather(mv); err != nil {
				b.Fatal(err)
			}
		})
		run(b, "loop", getBytes, func() { maskGetLoop(a, m) })
	})
	b.Run("MaskSetScalar", func(b *testing.B) {
		run(b, "ndview", setBytes, func() {
			if err := av.Scatter(scalar, mv); err != nil {
				b.Fatal(err)
			}
		})
		run(b, "loop", setBytes, func() { maskSetScalarLoop(a, m, 7) })
	})
	b.Run("MaskSetValues", func(b *testing.B) {
		run(b, "ndview", setBytes+int64(count*4), func() {
			if err := av.Scatter(vv, mv); err != nil {
				b.Fatal(err)
			}
		})
		run(b, "loop", setBytes+int64(count*4), func() { maskSetValuesLoop(a, m, vals) })
	})

	cube := make([]float32, cubeSide*cubeSide*cubeSide)
	for i := range cube {
		cube[i] = float32(i)
	}
	cv, _ := ndview.FromSlice(cube, cubeSide, cubeSide, cubeSide)
	r := rand.New(rand.NewPCG(3, 4))
	i0, i1 := make([]int, nIndex), make([]int, nIndex)
	for k := range i0 {
		i0[k], i1[k] = r.IntN(cubeSide), r.IntN(cubeSide)
	}
	sepBytes := int64(2 * nIndex * cubeSide * 4)
	b.Run("Separated", func(b *testing.B) {
		run(b, "ndview", sepBytes, func() {
			if _, err := cv.Gather(i0, ndview.Colon(), i1); err != nil {
				b.Fatal(err)
			}
		})
		run(b, "loop", sepBytes, func() { separatedLoop(cube, i0, i1) })
	})
}

// run runs fn as the sub-benchmark name, counting n bytes.
func run(b *testing.B, name string, n int64, fn func()) {
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n)
		for b.Loop() {
			fn()
		}
	})
}

// The baselines: what a Go programmer writes without ndkit.

//go:noinline
func maskGetLoop(a []float32, m []bool) []float32 {
	n := 0
	for _, x := range m {
		if x {
			n++
		}
	}
	out := make([]float32, 0, n)
	for i, x := range m {
		if x {
			out = append(out, a[i])
		}
	}
	return out
}

//go:noinline
func maskSetScalarLoop(a []float32, m []bool, x float32) {
	for i, t := range m {
		if t {
			a[i] = x
		}
	}
}

//go:noinline
func maskSetValuesLoop(a []float32, m []bool, vals []float32) {
	j := 0
	for i, t := range m {
		if t {
			a[i] = vals[j]
			j++
		}
	}
}

//go:noinline
func separatedLoop(cube []float32, i0, i1 []int) []float32 {
	out := make([]float32, len(i0)*cubeSide)
	for k := range i0 {
		row := out[k*cubeSide : (k+1)*cubeSide]
		base := i0[k]*cubeSide*cubeSide + i1[k]
		for j := range row {
			row[j] = cube[base+j*cubeSide]
		}
	}
	return out
}
