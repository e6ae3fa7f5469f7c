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
	return randMatLayout[T](rng, r, c, rng.IntN(3))
}

// randMatLayout is randMat with the layout chosen: 0 row-major (column
// stride 1 or 2), 1 column-major, 2 stepped along both axes, 3 row-major
// with column stride 1.
func randMatLayout[T Float](rng *rand.Rand, r, c, layout int) Mat[T] {
	rs, cs := 1, 1
	pad := rng.IntN(3)
	switch layout {
	case 3:
		cs, rs = 1, 0
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
	if guard == nil {
		return
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
	for trial := range 120 {
		m, n, k := sizes[rng.IntN(len(sizes))], sizes[rng.IntN(len(sizes))], ksizes[rng.IntN(len(ksizes))]
		if trial < 10 { // the small path
			m, n, k = rng.IntN(9), rng.IntN(9), rng.IntN(9)
		}
		a, b, c := randMat[T](rng, m, k), randMat[T](rng, k, n), randMat[T](rng, m, n)
		guard := append([]T(nil), c.Data...)
		name := fmt.Sprintf("%s %T %d×%d·%d×%d strides A %d,%d B %d,%d C %d,%d", kr.name, T(0), m, k, k, n, a.RS, a.CS, b.RS, b.CS, c.RS, c.CS)
		threads := 1 + trial%3
		switch {
		case m*n*k == 0 || trial%3 == 0: // through Gemm: small, vector or packed
			withKernels(kern64, kern32, func() {
				setKernel(kr)
				Gemm(c, a, b, threads)
			})
		case isSmall(m, n, k):
			small(c, a, b)
		default:
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

// withKernels runs f with k64 and k32 as the kernels in use.
func withKernels(k64 *kernel[float64], k32 *kernel[float32], f func()) {
	o64, o32 := kern64, kern32
	kern64, kern32 = k64, k32
	defer func() { kern64, kern32 = o64, o32 }()
	f()
}

// setKernel makes kr the kernel in use for T.
func setKernel[T Float](kr *kernel[T]) {
	switch kr := any(kr).(type) {
	case *kernel[float64]:
		kern64 = kr
	case *kernel[float32]:
		kern32 = kr
	}
}

// randStack returns count matrices r×c in one buffer, the q-th at offset
// Off + q·s, each in the layout of randMat, s possibly negative or zero
// (a zero s repeats one matrix, as a broadcast operand does), and
// distinct matrices when distinct is set.
func randStack[T Float](rng *rand.Rand, count, r, c int, distinct, rowMajor bool) (Mat[T], int) {
	layout := rng.IntN(3)
	if rowMajor {
		layout = 3
	}
	one := randMatLayout[T](rng, r, c, layout)
	lo, hi := one.span()
	size := hi - lo + 1 + rng.IntN(3)
	if r == 0 || c == 0 {
		size = 1
	}
	s := size
	if !distinct && rng.IntN(3) == 0 {
		s = 0
	}
	data := make([]T, count*size+4)
	for i := range data {
		data[i] = T(math.NaN())
	}
	m := one
	m.Data = data
	m.Off = one.Off - lo + 2
	if s != 0 && rng.IntN(3) == 0 { // the stack reversed
		m.Off += (count - 1) * s
		s = -s
	}
	for q := range count {
		for i := range r {
			for j := range c {
				m.Data[m.Off+q*s+i*m.RS+j*m.CS] = T(2*rng.Float64() - 1)
			}
		}
	}
	return m, s
}

func testBatch[T Float](t *testing.T, kr *kernel[T], seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 9))
	for trial := range 200 {
		count := rng.IntN(6)
		m, n, k := rng.IntN(7), rng.IntN(7), rng.IntN(7)
		rowMajor := false
		switch trial % 4 {
		case 0:
			m, n, k = 4, 4, 4 // the unrolled and assembly 4×4 loops
			count = rng.IntN(40)
			rowMajor = rng.IntN(4) != 0
		case 1:
			m, n, k = rng.IntN(3*kr.mr), rng.IntN(3*kr.nr), rng.IntN(40)+1 // packed
		}
		a, sa := randStack[T](rng, count, m, k, false, rowMajor)
		b, sb := randStack[T](rng, count, k, n, false, rowMajor)
		c, sc := randStack[T](rng, count, m, n, true, rowMajor)
		guard := append([]T(nil), c.Data...)
		name := fmt.Sprintf("%s %T %d × %d×%d·%d×%d strides A %d,%d,%d B %d,%d,%d C %d,%d,%d", kr.name, T(0), count, m, k, k, n, sa, a.RS, a.CS, sb, b.RS, b.CS, sc, c.RS, c.CS)
		withKernels(kern64, kern32, func() {
			setKernel(kr)
			Batch(count, c, sc, a, sa, b, sb, 1+trial%2)
		})
		for q := range count {
			cq, aq, bq := c, a, b
			cq.Off, aq.Off, bq.Off = c.Off+q*sc, a.Off+q*sa, b.Off+q*sb
			checkProduct(t, fmt.Sprintf("%s product %d", name, q), cq, aq, bq, nil)
		}
		// Nothing outside the products written.
		inside := map[int]bool{}
		for q := range count {
			for i := range m {
				for j := range n {
					inside[c.Off+q*sc+i*c.RS+j*c.CS] = true
				}
			}
		}
		for o, x := range c.Data {
			if !inside[o] && !(x != x && guard[o] != guard[o]) && x != guard[o] {
				t.Fatalf("%s: element %d outside C written: %v", name, o, x)
			}
		}
	}
}

// TestBatch runs Batch with every kernel on random stacks (4×4 products
// for the unrolled and assembly loops, small and packed products,
// reversed and repeated operands) against the float64 triple loop.
func TestBatch(t *testing.T) {
	k64, k32 := allKernels()
	for i, kr := range k64 {
		t.Run("float64/"+kr.name, func(t *testing.T) { testBatch(t, kr, uint64(i)) })
	}
	for i, kr := range k32 {
		t.Run("float32/"+kr.name, func(t *testing.T) { testBatch(t, kr, uint64(10+i)) })
	}
}

// TestKernelsAgree runs each kernel against the pure-Go one on the same
// random products: the two results differ by at most twice the bound of
// either.
func TestKernelsAgree(t *testing.T) {
	k64, k32 := allKernels()
	agree(t, k64)
	agree(t, k32)
}

func agree[T Float](t *testing.T, ks []*kernel[T]) {
	rng := rand.New(rand.NewPCG(5, 5))
	for _, kr := range ks[1:] {
		for range 30 {
			m, n, k := 1+rng.IntN(3*kr.mr), 1+rng.IntN(3*kr.nr), 1+rng.IntN(kr.kc+9)
			a, b := randMat[T](rng, m, k), randMat[T](rng, k, n)
			c0, c1 := randMat[T](rng, m, n), randMat[T](rng, m, n)
			packed(ks[0], c0, a, b, 1)
			packed(kr, c1, a, b, 2)
			_, abs := naive(a, b)
			u := unitRoundoff[T]()
			gamma := float64(k) * u / (1 - float64(k)*u)
			for i := range m {
				for j := range n {
					x, y := float64(c0.at(i, j)), float64(c1.at(i, j))
					if d := math.Abs(x - y); !(d <= 2*gamma*abs[i][j]) {
						t.Fatalf("%T %s %d×%d·%d×%d: C[%d,%d] = %v, pure Go %v", T(0), kr.name, m, k, k, n, i, j, y, x)
					}
				}
			}
		}
	}
}
