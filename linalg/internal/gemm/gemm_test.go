package gemm

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// randMat returns an r×c matrix of random values in [-1, 1) in a random
// layout: row- or column-major, with a gap between rows or columns,
// stepped, or reversed along either axis. Elements outside the matrix hold
// NaN, so that reading one shows in the product.
func randMat[T Float](rng *rand.Rand, r, c int) Mat[T] {
	rs, cs := 1, 1
	pad := rng.IntN(3)
	switch rng.IntN(3) {
	case 0: // row-major
		cs, rs = 1+rng.IntN(2)*rng.IntN(3), 0
	case 1: // column-major
		rs, cs = 1+rng.IntN(2)*rng.IntN(3), 0
	default: // both stepped
		rs, cs = 2+rng.IntN(2), 0
	}
	if cs == 0 {
		cs = rs*max(r, 1) + pad
	} else {
		rs = cs*max(c, 1) + pad
	}
	size := 1
	if r > 0 && c > 0 {
		size = (r-1)*rs + (c-1)*cs + 1
	}
	data := make([]T, size+5)
	for i := range data {
		data[i] = T(math.NaN())
	}
	m := Mat[T]{Data: data, Off: 2, Rows: r, Cols: c, RS: rs, CS: cs}
	if r > 0 && rng.IntN(4) == 0 { // rows reversed
		m.Off += (r - 1) * rs
		m.RS = -rs
	}
	if c > 0 && rng.IntN(4) == 0 { // columns reversed
		m.Off += (c - 1) * cs
		m.CS = -cs
	}
	for i := range r {
		for j := range c {
			m.Data[m.Off+i*m.RS+j*m.CS] = T(2*rng.Float64() - 1)
		}
	}
	return m
}

// naive returns A·B in float64 by a triple loop, with |A|·|B|.
func naive[T Float](a, b Mat[T]) (prod, abs [][]float64) {
	prod = make([][]float64, a.Rows)
	abs = make([][]float64, a.Rows)
	for i := range a.Rows {
		prod[i] = make([]float64, b.Cols)
		abs[i] = make([]float64, b.Cols)
		for j := range b.Cols {
			for p := range a.Cols {
				x, y := float64(a.at(i, p)), float64(b.at(p, j))
				prod[i][j] += x * y
				abs[i][j] += math.Abs(x * y)
			}
		}
	}
	return prod, abs
}

// unitRoundoff returns u for T.
func unitRoundoff[T Float]() float64 {
	var z T
	if _, ok := any(z).(float64); ok {
		return 0x1p-53
	}
	return 0x1p-24
}

// checkProduct checks that c holds A·B within the bound of semantics.md
// §28 (GM4), γ_k·(|A|·|B|) with γ_k = k·u/(1 − k·u), plus the error of
// the float64 reference itself, and that no element of c.Data outside
// the matrix was written.
func checkProduct[T Float](t *testing.T, name string, c, a, b Mat[T], guard []T) {
	t.Helper()
	want, abs := naive(a, b)
	u := unitRoundoff[T]()
	k := float64(a.Cols)
	gamma := k * u / (1 - k*u)
	ref := 2 * k * 0x1p-53 // the reference's own error, relative to abs
	if _, ok := any(T(0)).(float32); ok {
		gamma += u // the rounding of the float64 reference to T
	}
	for i := range c.Rows {
		for j := range c.Cols {
			got := float64(c.at(i, j))
			if d := math.Abs(got - want[i][j]); !(d <= (gamma+ref)*abs[i][j]) {
				t.Fatalf("%s: C[%d,%d] = %v, want %v (error %g > bound %g)", name, i, j, got, want[i][j], d, (gamma+ref)*abs[i][j])
			}
		}
	}
	inside := map[int]bool{}
	for i := range c.Rows {
		for j := range c.Cols {
			inside[c.Off+i*c.RS+j*c.CS] = true
		}
	}
	for o, x := range c.Data {
		if !inside[o] && x != guard[o] && !(x != x && guard[o] != guard[o]) {
			t.Fatalf("%s: element %d outside C written: %v", name, o, x)
		}
	}
}

// edgeSizes returns extents around the tile and block sizes of kr, where
// the tails of the loops are.
func edgeSizes[T Float](kr *kernel[T]) []int {
	return []int{0, 1, 2, kr.mr - 1, kr.mr, kr.mr + 1, kr.nr - 1, kr.nr, kr.nr + 1, 2*kr.nr + 3, 37}
}

func testKernel[T Float](t *testing.T, kr *kernel[T]) {
	rng := rand.New(rand.NewPCG(1, uint64(kr.mr*100+kr.nr)))
	sizes := edgeSizes(kr)
	ksizes := []int{0, 1, 2, 3, 5, 17, kr.kc - 1, kr.kc, kr.kc + 1}
	for trial := range 300 {
		m, n, k := sizes[rng.IntN(len(sizes))], sizes[rng.IntN(len(sizes))], ksizes[rng.IntN(len(ksizes))]
		if trial < 20 { // the small path
			m, n, k = rng.IntN(9), rng.IntN(9), rng.IntN(9)
		}
		a, b, c := randMat[T](rng, m, k), randMat[T](rng, k, n), randMat[T](rng, m, n)
		guard := append([]T(nil), c.Data...)
		name := fmt.Sprintf("%s %T %d×%d·%d×%d strides A %d,%d B %d,%d C %d,%d", kr.name, T(0), m, k, k, n, a.RS, a.CS, b.RS, b.CS, c.RS, c.CS)
		threads := 1 + trial%3
		if m*n*k == 0 || isSmall(m, n, k) && trial%2 == 0 {
			Gemm(c, a, b, threads)
		} else {
			packed(kr, c, a, b, threads)
		}
		checkProduct(t, name, c, a, b, guard)
	}
}

// TestKernels runs every kernel the CPU runs (the pure-Go one always) on
// random shapes around its tile and block sizes and random layouts,
// against a float64 triple loop within the stated error bound.
func TestKernels(t *testing.T) {
	k64, k32 := allKernels()
	for _, kr := range k64 {
		t.Run("float64/"+kr.name, func(t *testing.T) { testKernel(t, kr) })
	}
	for _, kr := range k32 {
		t.Run("float32/"+kr.name, func(t *testing.T) { testKernel(t, kr) })
	}
}
