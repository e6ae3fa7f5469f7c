package linalg

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack/gonum"

	"github.com/ndkit/ndkit/ndview"
)

// Tests of the direct path for stacks of matrices of order at most
// smallN (semantics.md §34, LP6): its LU is dgetf2's, bit for bit, and
// Det, Slogdet, Inv and Solve agree with the LAPACK path, singular
// matrices included.

// smallEntry returns a random entry: mostly uniform, sometimes an exact
// small integer (so that rows repeat and pivots tie), zero or tiny.
func smallEntry(r *rand.Rand) float64 {
	switch r.IntN(8) {
	case 0:
		return float64(r.IntN(3) - 1)
	case 1:
		return 0
	case 2:
		return (r.Float64() - 0.5) * 0x1p-1000 // tiny: huge inverses
	}
	return 2*r.Float64() - 1
}

// regularEntry returns a uniform entry in [-1, 1): matrices of these are
// regular with probability 1, whatever the rounding.
func regularEntry(r *rand.Rand) float64 { return 2*r.Float64() - 1 }

func sameBits(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || (math.IsNaN(a) && math.IsNaN(b))
}

func TestSmallLUIsDgetf2(t *testing.T) {
	r := rand.New(rand.NewPCG(34, 6))
	for trial := range 20000 {
		n := 1 + trial%smallN
		a := make([]float64, n*n)
		for i := range a {
			a[i] = smallEntry(r)
		}
		if trial%7 == 0 && n > 1 { // a repeated row
			copy(a[(n-1)*n:], a[:n])
		}
		want := append([]float64(nil), a...)
		wp := make([]int, n)
		okW := gonum.Implementation{}.Dgetf2(n, n, want, n, wp)
		var ip [smallN]int
		okG := smallLU(a, n, &ip)
		if okG != okW {
			t.Fatalf("trial %d: ok %v, Dgetf2 %v", trial, okG, okW)
		}
		for i := range n {
			if ip[i] != wp[i] {
				t.Fatalf("trial %d: ipiv[%d] = %d, Dgetf2 %d", trial, i, ip[i], wp[i])
			}
		}
		for i := range a {
			if !sameBits(a[i], want[i]) {
				t.Fatalf("trial %d: element %d is %v, Dgetf2 gives %v", trial, i, a[i], want[i])
			}
		}
	}
}

// gonum's Dgetf2 divides only the first element below a pivot smaller
// than the smallest normal number (or NaN); smallLU divides the whole
// column, as LAPACK's dgetf2 does.
func TestSmallLUTinyPivot(t *testing.T) {
	const s = 0x1p-1060
	a := []float64{s, 1, 0, s, 2, 0, s, 0, 1}
	var ip [smallN]int
	if !smallLU(a, 3, &ip) {
		t.Fatal("a regular matrix with a subnormal pivot factorised as singular")
	}
	if a[3] != 1 || a[6] != 1 {
		t.Errorf("multipliers %v and %v, want 1 and 1 (s/s)", a[3], a[6])
	}
	nan := []float64{math.NaN(), 1, 2, 3}
	if d := Det(ndview.Must(ndview.FromSlice(nan, 2, 2))).At(); !math.IsNaN(d) {
		t.Errorf("Det of a matrix holding NaN = %v, want NaN", d)
	}
}

// lapackOracle returns, for every matrix of the stack a (C order of the
// batch), whether the LAPACK path finds it regular, its determinant, and
// its solution for the stack rhs (n×k each), all by lapack.Dgetrf and
// lapack.Dgetrs on one matrix at a time.
func lapackOracle[T Float](a, rhs ndview.NDView[T], n, k int) (ok []bool, det []float64, x [][]float64) {
	batch := a.Shape()[:a.NDim()-2]
	forEachIndex(batch, func(idx []int) bool {
		w, b := newWork(n, n), newWork(n, k)
		load(w, at(a, idx, nil))
		load(b, at(rhs, idx, nil))
		ipiv := make([]int, n)
		good := lapack.Dgetrf(n, n, w.data, w.ld, ipiv)
		s, v := detOf(w.data, w.ld, n, ipiv, false)
		ok, det = append(ok, good), append(det, s*v)
		if good {
			lapack.Dgetrs(blas.NoTrans, n, k, w.data, w.ld, ipiv, b.data, b.ld)
		}
		x = append(x, b.data)
		return true
	})
	return ok, det, x
}

func near(got, want, tol float64) bool {
	return got == want || math.Abs(got-want) <= tol*(1+math.Abs(want)) || (math.IsNaN(got) && math.IsNaN(want))
}

func testSmallBatch[T Float](t *testing.T, tol float64) {
	r := rand.New(rand.NewPCG(34, 7))
	// The default build's LAPACK path runs the same dgetf2 for these
	// orders, so even matrices of small integers, singular or not by a
	// rounding, agree. OpenBLAS's getrf rounds otherwise (its own kernels,
	// with FMA): there the matrices are regular but for the structurally
	// singular ones made below (semantics.md LA9, LP6).
	entry := smallEntry
	if LAPACKBackend == "openblas" {
		entry = regularEntry
	}
	for trial := range 300 {
		n := 1 + trial%smallN
		batch := []int{r.IntN(5), 1 + r.IntN(4)}[:1+r.IntN(2)]
		k := 1 + r.IntN(3)
		src := ndview.Zeros[T](withAxes(batch, n, n)...)
		data, _ := src.Data()
		for i := range data {
			data[i] = T(entry(r))
			if i%(n*n)%(n+1) == 0 {
				data[i] += 3 // mostly regular, well conditioned
			}
		}
		singular := trial%2 == 0 && len(data) > 0
		if singular { // one matrix with a zero row or column, or a repeated row
			q := r.IntN(len(data) / (n * n))
			m := data[q*n*n : q*n*n+n*n]
			switch c := r.IntN(n); trial % 3 {
			case 0:
				clear(m[c*n : c*n+n])
			case 1:
				for i := range n {
					m[i*n+c] = 0
				}
			default:
				// Exactly singular only where the rounding makes it so
				// (p·(1/p) need not be 1): the same rounding in the default
				// build, not under OpenBLAS.
				if LAPACKBackend == "openblas" {
					clear(m[c*n : c*n+n])
				} else {
					copy(m[(n-1)*n:], m[:n])
				}
			}
		}
		rhs := randMatrices[T](r, 1, withAxes(batch, n, k)...)
		a, b := layoutOf(r, src), layoutOf(r, rhs)
		ok, det, x := lapackOracle(a, b, n, k)

		d := Det(a)
		for q, v := range d.Clone().ToSlice() {
			if !near(float64(v), det[q], tol) {
				t.Fatalf("trial %d: Det[%d] = %v, LAPACK path %v", trial, q, v, det[q])
			}
		}
		sign, logdet := Slogdet(a)
		for q, s := range sign.Clone().ToSlice() {
			l := logdet.Clone().ToSlice()[q]
			if got := float64(s) * math.Exp(float64(l)); !near(got, det[q], tol) {
				t.Fatalf("trial %d: Slogdet[%d] = %v·e^%v, LAPACK path %v", trial, q, s, l, det[q])
			}
		}

		first := -1
		for q, good := range ok {
			if !good {
				first = q
				break
			}
		}
		dst := ndview.Full(T(7), withAxes(batch, n, k)...)
		err := SolveInto(dst, a, b)
		xs, _ := Solve(a, b)
		if first >= 0 {
			if !errors.Is(err, ErrSingular) {
				t.Fatalf("trial %d: SolveInto error %v, want ErrSingular (matrix %d is singular)", trial, err, first)
			}
			if len(batch) > 0 && !strings.Contains(err.Error(), ndview.FormatShape(ndview.UnravelIndex(first, batch...))) {
				t.Fatalf("trial %d: error %q does not name batch index %d", trial, err, first)
			}
			for v := range dst.Values() {
				if v != 7 {
					t.Fatalf("trial %d: SolveInto wrote into its destination before failing", trial)
				}
			}
			if _, err := Inv(a); !errors.Is(err, ErrSingular) {
				t.Fatalf("trial %d: Inv error %v, want ErrSingular", trial, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("trial %d: SolveInto: %v", trial, err)
		}
		flat := xs.Clone().ToSlice()
		for q := range x {
			for i, want := range x[q] {
				if !near(float64(flat[q*n*k+i]), want, tol*1e3) {
					t.Fatalf("trial %d: Solve[%d][%d] = %v, LAPACK path %v", trial, q, i, flat[q*n*k+i], want)
				}
			}
		}
		inv, err := Inv(a)
		if err != nil {
			t.Fatalf("trial %d: Inv: %v", trial, err)
		}
		id, _ := ndview.Identity[T](n).BroadcastTo(a.Shape()...)
		_, _, want := lapackOracle(a, id, n, n)
		got := inv.Clone().ToSlice()
		for q := range want {
			for i, w := range want[q] {
				if !near(float64(got[q*n*n+i]), w, tol*1e3) {
					t.Fatalf("trial %d: Inv[%d][%d] = %v, LAPACK path %v", trial, q, i, got[q*n*n+i], w)
				}
			}
		}
	}
}

func TestSmallBatch(t *testing.T) {
	t.Run("float64", func(t *testing.T) { testSmallBatch[float64](t, 1e-12) })
	t.Run("float32", func(t *testing.T) { testSmallBatch[float32](t, 1e-6) })
}

// solve3 is smallSolve's loops unrolled: the same bits.
func TestSolve3IsSmallSolve(t *testing.T) {
	r := rand.New(rand.NewPCG(34, 8))
	for trial := range 5000 {
		a := make([]float64, 9)
		for i := range a {
			a[i] = smallEntry(r)
		}
		var ip [smallN]int
		smallLU(a, 3, &ip)
		k := 1 + trial%4
		b := make([]float64, 3*k)
		for i := range b {
			b[i] = regularEntry(r)
		}
		want := append([]float64(nil), b...)
		solve3((*[9]float64)(a), &ip, b, k)
		smallSolveLoops(a, 3, &ip, want, k)
		for i := range b {
			if !sameBits(b[i], want[i]) {
				t.Fatalf("trial %d: element %d is %v, the loops give %v", trial, i, b[i], want[i])
			}
		}
	}
}
