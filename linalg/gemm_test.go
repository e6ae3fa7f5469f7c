package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/ndkit/ndkit/ndview"
)

// Tests of MatMul against gonum's BLAS, the reference it replaced, and
// against a compensated (twice the working precision) dot product, on
// random values and random layouts, for the error bound of semantics.md
// §28 (GM4): |C − A·B| ≤ γ_k·(|A|·|B|), γ_k = k·u/(1 − k·u).

// floatOperand returns a view of shape holding random values of random
// sign and magnitudes 2^-8 to 2^8 (so that sums cancel), in a random
// layout: C order, transposed, stepped, reversed or read-only.
func floatOperand[T Float](r *rand.Rand, shape []int) ndview.NDView[T] {
	nd := len(shape)
	fill := func(v ndview.NDView[T]) {
		data, _ := v.Data()
		for i := range data {
			data[i] = T(math.Ldexp(2*r.Float64()-1, r.IntN(17)-8))
		}
	}
	switch r.IntN(5) {
	case 0: // C order
		c := ndview.Zeros[T](shape...)
		fill(c)
		return c
	case 1: // the last two axes transposed in memory
		sw := slices.Clone(shape)
		sw[nd-1], sw[nd-2] = sw[nd-2], sw[nd-1]
		c := ndview.Zeros[T](sw...)
		fill(c)
		return c.SwapAxes(-1, -2)
	case 2: // every other element of the matrices
		big := slices.Clone(shape)
		big[nd-1] *= 2
		big[nd-2] *= 2
		c := ndview.Zeros[T](big...)
		fill(c)
		items := make([]ndview.IndexItem, nd)
		for i := range items {
			items[i] = ndview.Colon()
		}
		items[nd-2], items[nd-1] = ndview.Step(2), ndview.Step(-2)
		return c.Slice(items...)
	case 3: // reversed axes
		c := ndview.Zeros[T](shape...)
		fill(c)
		return c.Flip()
	}
	c := ndview.Zeros[T](shape...)
	fill(c)
	return c.AsReadOnly()
}

// dot2 returns Σ x[i]·y[i] as if computed in twice the precision of
// float64 (Ogita, Rump and Oishi, "Accurate sum and dot product", 2005,
// Algorithm 5.3), and Σ |x[i]·y[i]|.
func dot2(x, y []float64) (s, abs float64) {
	var c float64
	for i := range x {
		p := x[i] * y[i]
		pe := math.FMA(x[i], y[i], -p)
		t := s + p
		z := t - s
		se := (s - (t - z)) + (p - z)
		s, c = t, c+pe+se
		abs += math.Abs(p)
	}
	return s + c, abs
}

// gonumMatMul returns the products of the C-contiguous stacks a and b by
// gonum's blas64 or blas32 Gemm, one matrix at a time.
func gonumMatMul[T Float](a, b ndview.NDView[T]) ndview.NDView[T] {
	sh := a.Shape()
	n, k, m := sh[len(sh)-2], sh[len(sh)-1], b.Shape()[b.NDim()-1]
	out := ndview.Zeros[T](append(slices.Clone(sh[:len(sh)-2]), n, m)...)
	ad, _ := a.Data()
	bd, _ := b.Data()
	od, _ := out.Data()
	for q := range len(od) / max(1, n*m) {
		x, y, z := ad[q*n*k:(q+1)*n*k], bd[q*k*m:(q+1)*k*m], od[q*n*m:(q+1)*n*m]
		switch any(od).(type) {
		case []float64:
			blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, blas64.General{Rows: n, Cols: k, Stride: max(1, k), Data: any(x).([]float64)},
				blas64.General{Rows: k, Cols: m, Stride: max(1, m), Data: any(y).([]float64)}, 0,
				blas64.General{Rows: n, Cols: m, Stride: max(1, m), Data: any(z).([]float64)})
		case []float32:
			blas32.Gemm(blas.NoTrans, blas.NoTrans, 1, blas32.General{Rows: n, Cols: k, Stride: max(1, k), Data: any(x).([]float32)},
				blas32.General{Rows: k, Cols: m, Stride: max(1, m), Data: any(y).([]float32)}, 0,
				blas32.General{Rows: n, Cols: m, Stride: max(1, m), Data: any(z).([]float32)})
		}
	}
	return out
}

func testAgainstGonum[T Float](t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 11))
	u := 0x1p-24
	if _, ok := any(T(0)).(float64); ok {
		u = 0x1p-53
	}
	// Extents around every kernel's tile (MR 4, 6, 8; NR 4, 8, 16, 24, 48)
	// and past the small-product threshold; depths around KC (128 to 512).
	ext := []int{1, 3, 4, 5, 7, 8, 9, 17, 23, 24, 25, 47, 48, 49, 70}
	deep := []int{1, 2, 16, 17, 127, 128, 129, 255, 256, 257, 300}
	for trial := range 40 {
		n, m, k := ext[r.IntN(len(ext))], ext[r.IntN(len(ext))], deep[r.IntN(len(deep))]
		var batch []int
		if r.IntN(3) == 0 {
			batch = []int{1 + r.IntN(3)}
		}
		a := floatOperand[T](r, append(slices.Clone(batch), n, k))
		b := floatOperand[T](r, append(slices.Clone(batch), k, m))
		buf, dst := randDst[T](r, append(slices.Clone(batch), n, m))
		before := slices.Clone(buf)
		MatMulInto(dst, a, b)
		ref := gonumMatMul(a.Clone(), b.Clone())
		gamma := float64(k) * u / (1 - float64(k)*u)
		name := fmt.Sprintf("#%d %T (%v st %v) @ (%v st %v) into st %v", trial, T(0), a.Shape(), a.Strides(), b.Shape(), b.Strides(), dst.Strides())
		ac, bc := a.Clone(), b.Clone()
		ad, _ := ac.Data()
		bd, _ := bc.Data()
		x, y := make([]float64, k), make([]float64, k)
		for idx, got := range dst.Enumerate() {
			q, i, j := 0, idx[len(idx)-2], idx[len(idx)-1]
			if len(batch) > 0 {
				q = idx[0]
			}
			for p := range k {
				x[p], y[p] = float64(ad[(q*n+i)*k+p]), float64(bd[(q*k+p)*m+j])
			}
			exact, abs := dot2(x, y)
			g := float64(ref.At(idx...))
			bound := gamma*abs + 2*u*math.Abs(exact) // + the rounding of exact to T
			if d := math.Abs(float64(got) - exact); !(d <= bound) {
				t.Fatalf("%s: C%v = %v, exact %v: error %g > bound %g", name, idx, got, exact, d, bound)
			}
			if d := math.Abs(float64(got) - g); !(d <= 2*gamma*abs) {
				t.Fatalf("%s: C%v = %v, gonum %v: differ by %g > %g", name, idx, got, g, d, 2*gamma*abs)
			}
		}
		// Nothing outside dst written.
		inDst := make([]bool, len(buf))
		st := dst.Strides()
		for idx := range dst.Enumerate() {
			o := dst.Offset()
			for i, x := range idx {
				o += x * st[i]
			}
			inDst[o] = true
		}
		for i := range buf {
			if !inDst[i] && buf[i] != before[i] {
				t.Fatalf("%s: element %d of the buffer outside dst written", name, i)
			}
		}
	}
}

// TestMatMulGonum compares MatMul with gonum's BLAS and with a compensated
// dot product on random values, shapes around the kernels' tiles and
// blocks, and random layouts of operands and destination.
func TestMatMulGonum(t *testing.T) {
	t.Run("float64", func(t *testing.T) { testAgainstGonum[float64](t, 1) })
	t.Run("float32", func(t *testing.T) { testAgainstGonum[float32](t, 2) })
}

// TestMatMulBatchBroadcast multiplies a stack by a broadcast matrix and a
// (2, 1, …) stack by a (3, …) stack, whose batch axes cannot be merged
// into one stride, against gonum one product at a time.
func TestMatMulBatchBroadcast(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	a := floatOperand[float64](r, []int{2, 1, 5, 7}).Clone()
	b := floatOperand[float64](r, []int{3, 7, 4}).Clone()
	dst := ndview.Zeros[float64](2, 3, 5, 4)
	MatMulInto(dst, a, b)
	for i := range 2 {
		for j := range 3 {
			x := a.Slice(ndview.Int(i), ndview.Int(0)).Clone()
			y := b.Slice(ndview.Int(j)).Clone()
			want := gonumMatMul(x, y)
			got := dst.Slice(ndview.Int(i), ndview.Int(j))
			for idx, w := range want.Enumerate() {
				if d := math.Abs(got.At(idx...) - w); d > 1e-12*math.Max(1, math.Abs(w)) {
					t.Fatalf("dst[%d, %d]%v = %v, want %v", i, j, idx, got.At(idx...), w)
				}
			}
		}
	}
}

// TestMatMulThreads runs a product large enough to be split over two
// goroutines (and a batch of small ones split likewise) and compares it
// with the one-goroutine result: the split does not change the sums.
func TestMatMulThreads(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	for _, sh := range [][2][]int{{{200, 150}, {150, 130}}, {{300, 5, 6}, {300, 6, 7}}} {
		a := floatOperand[float32](r, sh[0])
		b := floatOperand[float32](r, sh[1])
		out := slices.Clone(sh[0])
		out[len(out)-1] = sh[1][len(sh[1])-1]
		one, two := ndview.Zeros[float32](out...), ndview.Zeros[float32](out...)
		old := ndview.SetMaxThreads(1)
		MatMulInto(one, a, b)
		ndview.SetMaxThreads(2)
		MatMulInto(two, a, b)
		ndview.SetMaxThreads(old)
		if !ndview.ArrayEqual(one, two) {
			t.Errorf("%v @ %v: the product on two goroutines differs from the one on one", sh[0], sh[1])
		}
	}
}

// TestDotBound checks Dot on random values against the compensated dot
// product within γ_{⌈n/4⌉+2}·Σ|x·y| (four partial sums, then two levels).
func TestDotBound(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	for range 100 {
		n := r.IntN(3000)
		x := floatOperand[float64](r, []int{n, 1}).Squeeze(1)
		y := floatOperand[float64](r, []int{n, 1}).Squeeze(1)
		xs, ys := x.ToSlice(), y.ToSlice()
		exact, abs := dot2(xs, ys)
		g := float64((n+3)/4+2) * 0x1p-53
		if d := math.Abs(Dot(x, y) - exact); !(d <= g*abs+0x1p-53*math.Abs(exact)) {
			t.Fatalf("Dot of %d: error %g > bound %g", n, d, g*abs)
		}
		x32 := floatOperand[float32](r, []int{n, 1}).Squeeze(1)
		y32 := floatOperand[float32](r, []int{n, 1}).Squeeze(1)
		xs, ys = make([]float64, n), make([]float64, n)
		for i := range n {
			xs[i], ys[i] = float64(x32.At(i)), float64(y32.At(i))
		}
		exact, abs = dot2(xs, ys)
		g = float64((n+3)/4+2) * 0x1p-24
		if d := math.Abs(float64(Dot(x32, y32)) - exact); !(d <= g*abs+0x1p-24*math.Abs(exact)) {
			t.Fatalf("float32 Dot of %d: error %g > bound %g", n, d, g*abs)
		}
	}
}
