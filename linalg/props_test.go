package linalg

import (
	"errors"
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ndkit/ndkit/ndview"
)

// Property tests of the decompositions (semantics.md §29): each result is
// checked by the identities that define it, on random batches in random
// layouts, in float64 and float32, well- and ill-conditioned.

// layoutOf returns a view holding the values of src (C order) in a
// random layout: C order, F order, stepped, reversed, read-only, or
// broadcast along a leading axis when src repeats along it.
func layoutOf[T any](r *rand.Rand, src ndview.NDView[T]) ndview.NDView[T] {
	shape := src.Shape()
	nd := len(shape)
	var v ndview.NDView[T]
	switch r.IntN(5) {
	case 0:
		v = ndview.Zeros[T](shape...)
	case 1: // F order
		rev := slices.Clone(shape)
		slices.Reverse(rev)
		v = ndview.Zeros[T](rev...).T()
	case 2: // every other element along every axis, with an offset
		big := slices.Clone(shape)
		from, step := make([]ndview.IndexItem, nd), make([]ndview.IndexItem, nd)
		for i := range big {
			big[i] = 2*big[i] + 1
			from[i], step[i] = ndview.From(1), ndview.Step(2)
		}
		v = ndview.Zeros[T](big...).Slice(from...).Slice(step...)
	case 3: // reversed axes, some transposed
		v = ndview.Zeros[T](shape...)
		if nd > 0 {
			v = v.Flip()
		}
	default:
		return src.Clone().AsReadOnly()
	}
	v.CopyFrom(src)
	return v
}

// randMatrices returns a (batch..., m, n) stack of random values in
// [-1, 1), C order; with cond > 1 each matrix is scaled along a diagonal
// to a condition number near cond.
func randMatrices[T Float](r *rand.Rand, cond float64, shape ...int) ndview.NDView[T] {
	v := ndview.Zeros[T](shape...)
	data, _ := v.Data()
	for i := range data {
		data[i] = T(2*r.Float64() - 1)
	}
	if cond > 1 && len(shape) >= 2 {
		n := shape[len(shape)-1]
		for idx, x := range v.Enumerate() {
			j := idx[len(idx)-1]
			v.Set(x*T(math.Pow(cond, -float64(j)/float64(max(n-1, 1)))), idx...)
		}
	}
	return v
}

// matmul64 returns a @ b in float64 (as a plain loop over At).
func matmul64[T Float](a, b ndview.NDView[T]) [][]float64 {
	m, k, n := a.Shape()[0], a.Shape()[1], b.Shape()[1]
	out := make([][]float64, m)
	for i := range m {
		out[i] = make([]float64, n)
		for j := range n {
			for l := range k {
				out[i][j] += float64(a.At(i, l)) * float64(b.At(l, j))
			}
		}
	}
	return out
}

// closeTo asserts that the 2-D view got equals want within tol·scale.
func closeTo[T Float](t *testing.T, got ndview.NDView[T], want [][]float64, tol float64, msg string) {
	t.Helper()
	for i := range want {
		for j := range want[i] {
			if d := math.Abs(float64(got.At(i, j)) - want[i][j]); !(d <= tol) {
				t.Errorf("%s: element (%d, %d) = %v, want %v (tolerance %g)", msg, i, j, got.At(i, j), want[i][j], tol)
				return
			}
		}
	}
}

// identity returns the n×n identity as rows.
func identity(n int) [][]float64 {
	out := make([][]float64, n)
	for i := range out {
		out[i] = make([]float64, n)
		out[i][i] = 1
	}
	return out
}

// rows returns the 2-D view v as rows of float64.
func rows[T Float](v ndview.NDView[T]) [][]float64 {
	out := make([][]float64, v.Shape()[0])
	for i := range out {
		out[i] = make([]float64, v.Shape()[1])
		for j := range out[i] {
			out[i][j] = float64(v.At(i, j))
		}
	}
	return out
}

// epsTol returns the tolerance of a result of condition number cond
// for T: a few hundred ulps, scaled by cond.
func epsTol[T Float](cond float64) float64 { return 200 * eps[T]() * max(cond, 1) }

func randStack(r *rand.Rand) []int {
	switch r.IntN(3) {
	case 0:
		return nil
	case 1:
		return []int{1 + r.IntN(3)}
	}
	return []int{r.IntN(2) + 1, r.IntN(3)}
}

func testDecompositions[T Float](t *testing.T) {
	r := rand.New(rand.NewPCG(29, 1))
	for trial := range 60 {
		batch := randStack(r)
		n := r.IntN(6)
		m := r.IntN(6)
		cond := []float64{1, 1e3, 1e6}[r.IntN(3)]
		if eps[T]() > 1e-10 {
			cond = min(cond, 1e3)
		}
		name := fmt.Sprintf("%d_batch%v_n%d_m%d_cond%g", trial, batch, n, m, cond)
		sq := randMatrices[T](r, cond, withAxes(batch, n, n)...)
		a := layoutOf(r, sq)
		rect := layoutOf(r, randMatrices[T](r, 1, withAxes(batch, m, n)...))
		tol := epsTol[T](cond) * float64(n+1)
		items := []ndview.IndexItem{}
		t.Run(name, func(t *testing.T) {
			inv, err := Inv(a)
			require.NoError(t, err)
			det := Det(a)
			sign, logdet := Slogdet(a)
			rhs := layoutOf(r, randMatrices[T](r, 1, withAxes(batch, n, 2)...))
			x, err := Solve(a, rhs)
			require.NoError(t, err)
			q, rr := QR(rect, QRReduced)
			qc, rc := QR(rect, QRComplete)
			u, s, vt, err := SVD(rect, false)
			require.NoError(t, err)
			uf, sf, vtf, err := SVD(rect, true)
			require.NoError(t, err)
			spd := ndview.Zeros[T](withAxes(batch, n, n)...)
			w, v, err := Eigh(a, r.IntN(2) == 0)
			require.NoError(t, err)
			ew, ev, err := Eig(a)
			require.NoError(t, err)
			forEachIndex(batch, func(idx []int) bool {
				ai := at(a, idx, items)
				prod := matmul64(ai, at(inv, idx, items))
				closeTo(t, ndview.NDView[float64](mustFrom(prod, n, n)), identity(n), tol, "A·inv(A)")
				// det against the product of |diag| of R times sign.
				l := float64(logdet.At(idx...))
				d := float64(det.At(idx...))
				assert.InDelta(t, d, float64(sign.At(idx...))*math.Exp(l), math.Abs(d)*1e-3+1e-300, "det vs slogdet")
				closeTo(t, ndview.NDView[float64](mustFrom(matmul64(ai, at(x, idx, items)), n, 2)), rows(at(rhs, idx, items)), tol*4, "A·solve(A, b)")
				// QR: Q orthonormal columns, R upper triangular, QR = A.
				ri := at(rect, idx, items)
				k := min(m, n)
				for _, f := range [][2]ndview.NDView[T]{{at(q, idx, items), at(rr, idx, items)}, {at(qc, idx, items), at(rc, idx, items)}} {
					qi, ri2 := f[0], f[1]
					cols := qi.Shape()[1]
					closeTo(t, ndview.NDView[float64](mustFrom(matmul64(qi.T(), qi), cols, cols)), identity(cols), epsTol[T](10), "QᵀQ")
					closeTo(t, ndview.NDView[float64](mustFrom(matmul64(qi, ri2), m, n)), rows(ri), epsTol[T](10), "QR")
					for i2, row := range rows(ri2) {
						for j2, e := range row {
							if j2 < i2 && e != 0 {
								t.Errorf("R(%d, %d) = %v below the diagonal", i2, j2, e)
							}
						}
					}
				}
				// SVD: U·diag(S)·Vᵀ = A, orthonormal factors, S descending.
				for _, f := range [][3]ndview.NDView[T]{{at(u, idx, items), at(s, idx, items), at(vt, idx, items)}, {at(uf, idx, items), at(sf, idx, items), at(vtf, idx, items)}} {
					ui, si, vi := f[0], f[1], f[2]
					us := ui.Slice(ndview.Colon(), ndview.Range(0, k)).Clone()
					for j := range k {
						c := us.Slice(ndview.Colon(), ndview.Int(j))
						for i2 := range m {
							c.Set(c.At(i2)*si.At(j), i2)
						}
					}
					vk := vi.Slice(ndview.Range(0, k))
					closeTo(t, ndview.NDView[float64](mustFrom(matmul64(us, vk), m, n)), rows(ri), epsTol[T](10), "U·S·Vᵀ")
					closeTo(t, ndview.NDView[float64](mustFrom(matmul64(ui.T(), ui), ui.Shape()[1], ui.Shape()[1])), identity(ui.Shape()[1]), epsTol[T](10), "UᵀU")
					closeTo(t, ndview.NDView[float64](mustFrom(matmul64(vi, vi.T()), vi.Shape()[0], vi.Shape()[0])), identity(vi.Shape()[0]), epsTol[T](10), "VᵀV")
					for j := 1; j < si.Shape()[0]; j++ {
						assert.GreaterOrEqual(t, si.At(j-1), si.At(j), "S descending")
					}
				}
				// Cholesky of AᵀA + I: L·Lᵀ = A.
				pd := matmul64(ai.T(), ai)
				for i2 := range n {
					pd[i2][i2]++
				}
				spdi := at(spd, idx, items)
				for i2 := range n {
					for j2 := range n {
						spdi.Set(T(pd[i2][j2]), i2, j2)
					}
				}
				return true
			})
			for _, upper := range []bool{false, true} {
				c, err := Cholesky(layoutOf(r, spd), upper)
				require.NoError(t, err)
				forEachIndex(batch, func(idx []int) bool {
					ci := at(c, idx, items)
					if upper {
						ci = ci.T()
					}
					for i2, row := range rows(ci) {
						for j2, e := range row {
							if j2 > i2 && e != 0 {
								t.Errorf("L(%d, %d) = %v above the diagonal", i2, j2, e)
							}
						}
					}
					closeTo(t, ndview.NDView[float64](mustFrom(matmul64(ci, ci.T()), n, n)), rows(at(spd, idx, items)), epsTol[T](10*float64(n+1)), "L·Lᵀ")
					return true
				})
			}
			// Eigh: A·v = λ·v on the triangle read, symmetrised; Eig: A·v = λ·v.
			_ = w
			_ = v
			forEachIndex(batch, func(idx []int) bool {
				ai := rows(at(a, idx, items))
				for j := range n {
					lam := at(ew, idx, items).At(j)
					for i2 := range n {
						var acc complex128
						for l := range n {
							acc += complex(ai[i2][l], 0) * at(ev, idx, items).At(l, j)
						}
						want := lam * at(ev, idx, items).At(i2, j)
						if cmplx.Abs(acc-want) > epsTol[T](cond)*50 {
							t.Errorf("Eig: (A·v)[%d] = %v, λ·v = %v", i2, acc, want)
							return false
						}
					}
				}
				return true
			})
		})
	}
}

// mustFrom returns the rows as an m×n float64 view.
func mustFrom(rows [][]float64, m, n int) ndview.NDView[float64] {
	out := ndview.Zeros[float64](m, n)
	for i := range m {
		for j := range n {
			out.Set(rows[i][j], i, j)
		}
	}
	return out
}

func TestDecompositionIdentities(t *testing.T) {
	t.Run("float64", testDecompositions[float64])
	t.Run("float32", testDecompositions[float32])
}

func testEigh[T Float](t *testing.T) {
	r := rand.New(rand.NewPCG(31, 2))
	items := []ndview.IndexItem{}
	for range 30 {
		batch := randStack(r)
		n := r.IntN(6)
		src := randMatrices[T](r, 1, withAxes(batch, n, n)...)
		upper := r.IntN(2) == 0
		a := layoutOf(r, src)
		w, v, err := Eigh(a, upper)
		require.NoError(t, err)
		wv, err := Eigvalsh(a, upper)
		require.NoError(t, err)
		forEachIndex(batch, func(idx []int) bool {
			// The symmetric matrix Eigh reads: the chosen triangle mirrored.
			ai := rows(at(a, idx, items))
			for i := range n {
				for j := range n {
					if (upper && j < i) || (!upper && j > i) {
						ai[i][j] = ai[j][i]
					}
				}
			}
			vi := at(v, idx, items)
			for j := range n {
				lam := float64(at(w, idx, items).At(j))
				assert.InDelta(t, lam, float64(at(wv, idx, items).At(j)), epsTol[T](10))
				if j > 0 {
					assert.LessOrEqual(t, at(w, idx, items).At(j-1), at(w, idx, items).At(j), "ascending")
				}
				for i := range n {
					var acc float64
					for l := range n {
						acc += ai[i][l] * float64(vi.At(l, j))
					}
					assert.InDelta(t, lam*float64(vi.At(i, j)), acc, epsTol[T](10)*float64(n+1))
				}
			}
			closeTo(t, mustFrom(matmul64(vi.T(), vi), n, n), identity(n), epsTol[T](10), "VᵀV")
			return true
		})
	}
}

func TestEighProperties(t *testing.T) {
	t.Run("float64", testEigh[float64])
	t.Run("float32", testEigh[float32])
}

func TestLstsqNormalEquations(t *testing.T) {
	r := rand.New(rand.NewPCG(37, 3))
	for range 30 {
		m, n, k := 1+r.IntN(6), 1+r.IntN(6), 1+r.IntN(3)
		a := layoutOf(r, randMatrices[float64](r, 1, m, n))
		b := layoutOf(r, randMatrices[float64](r, 1, m, k))
		x, res, rank, s, err := Lstsq(a, b, -1)
		require.NoError(t, err)
		assert.Equal(t, min(m, n), rank)
		assert.Equal(t, []int{min(m, n)}, s.Shape())
		// Aᵀ(A·x − b) = 0.
		ax := matmul64(a, x)
		br := rows(b)
		for i := range m {
			for j := range k {
				ax[i][j] -= br[i][j]
			}
		}
		grad := matmul64(a.T(), mustFrom(ax, m, k))
		closeTo(t, mustFrom(grad, n, k), make2(n, k), 1e-10, "Aᵀ(Ax−b)")
		if m > n {
			require.Equal(t, []int{k}, res.Shape())
			for j := range k {
				var ss float64
				for i := range m {
					ss += ax[i][j] * ax[i][j]
				}
				assert.InDelta(t, ss, res.At(j), 1e-10)
			}
		} else {
			assert.Equal(t, []int{0}, res.Shape())
		}
		// Pinv: A·pinv(A)·A = A.
		p, err := Pinv(a, 1e-15)
		require.NoError(t, err)
		apa := matmul64(mustFrom(matmul64(a, p), m, m), a)
		closeTo(t, mustFrom(apa, m, n), rows(a), 1e-10, "A·pinv(A)·A")
	}
}

func make2(m, n int) [][]float64 {
	out := make([][]float64, m)
	for i := range out {
		out[i] = make([]float64, n)
	}
	return out
}

// panicsWith asserts that f panics with an error wrapping want.
func panicsWith(t *testing.T, want error, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		e := recover()
		err, ok := e.(error)
		if !ok || !errors.Is(err, want) {
			t.Errorf("panic value %v, want an error wrapping %v", e, want)
		}
	}()
	f()
}

func TestErrors(t *testing.T) {
	sing, _ := ndview.FromSlice([]float64{1, 2, 2, 4}, 2, 2)
	eye := ndview.Eye[float64](2, 2, 0)
	st, _ := ndview.Stack(0, eye, sing, eye)
	_, err := Inv(st)
	require.ErrorIs(t, err, ErrSingular)
	assert.Contains(t, err.Error(), "batch index (1,)")
	dst := ndview.Full(7.0, 3, 2, 2)
	require.ErrorIs(t, InvInto(dst, st), ErrSingular)
	for x := range dst.Values() {
		require.Equal(t, 7.0, x, "InvInto wrote before failing")
	}
	b := ndview.Ones[float64](2)
	_, err = Solve(st, b)
	require.ErrorIs(t, err, ErrSingular)
	d2 := ndview.Full(7.0, 3, 2)
	require.ErrorIs(t, SolveInto(d2, st, b), ErrSingular)
	for x := range d2.Values() {
		require.Equal(t, 7.0, x, "SolveInto wrote before failing")
	}
	_, err = MatrixPower(sing, -1)
	require.ErrorIs(t, err, ErrSingular)
	notpd, _ := ndview.FromSlice([]float64{1, 2, 2, 1}, 2, 2)
	_, err = Cholesky(notpd, false)
	require.ErrorIs(t, err, ErrNotPositiveDefinite)
	nan, _ := ndview.FromSlice([]float64{math.NaN(), 0, 0, 1}, 2, 2)
	_, err = Cholesky(nan, false)
	require.ErrorIs(t, err, ErrNotPositiveDefinite)
	_, _, err = Eig(nan)
	require.ErrorIs(t, err, ErrNoConvergence)
	_, err = Svdvals(nan)
	require.ErrorIs(t, err, ErrNoConvergence)
	_, err = Cond(nan, OrdDefault)
	require.ErrorIs(t, err, ErrNoConvergence)
	assert.True(t, math.IsNaN(Norm(nan, OrdNuc).At()))
	assert.True(t, math.IsNaN(Norm(nan, OrdP(-2)).At()))

	// NaN propagates where NumPy's does.
	assert.True(t, math.IsNaN(Det(nan).At()))
	inv, err := Inv(nan)
	require.NoError(t, err)
	assert.True(t, math.IsNaN(inv.At(0, 0)))
	assert.True(t, math.IsNaN(Norm(nan, OrdDefault).At()))

	// Logic errors panic.
	rect := ndview.Zeros[float64](2, 3)
	vec := ndview.Zeros[float64](3)
	panicsWith(t, ndview.ErrShape, func() { Det(rect) })
	panicsWith(t, ndview.ErrShape, func() { Det(vec) })
	panicsWith(t, ndview.ErrShape, func() { _, _ = Inv(rect) })
	panicsWith(t, ndview.ErrShape, func() { _, _ = Solve(eye, vec) })
	panicsWith(t, ndview.ErrShape, func() { _, _ = Solve(eye, ndview.Scalar(1.0)) })
	panicsWith(t, ndview.ErrShape, func() { _, _ = Solve(st, ndview.Zeros[float64](2, 2, 1)) })
	panicsWith(t, ndview.ErrShape, func() { _, _ = Cholesky(rect, false) })
	panicsWith(t, ndview.ErrShape, func() { InvInto(ndview.Zeros[float64](3, 3), eye) })
	panicsWith(t, ndview.ErrReadOnly, func() { InvInto(ndview.Zeros[float64](2, 2).AsReadOnly(), eye) })
	panicsWith(t, ndview.ErrReadOnly, func() { DetInto(ndview.Zeros[float64]().AsReadOnly(), eye) })
	panicsWith(t, ndview.ErrIndex, func() { QR(eye, QRMode(7)) })
	panicsWith(t, ndview.ErrShape, func() { Norm(vec, OrdFro) })
	panicsWith(t, ndview.ErrShape, func() { Norm(rect, OrdP(3)) })
	panicsWith(t, ndview.ErrAxis, func() { Norm(rect, OrdDefault, 2) })
	panicsWith(t, ndview.ErrAxis, func() { Norm(rect, OrdDefault, 0, 0) })
	panicsWith(t, ndview.ErrShape, func() { Norm(ndview.Zeros[float64](2, 3, 4), OrdP(1)) })
	panicsWith(t, ndview.ErrShape, func() { Norm(ndview.Zeros[float64](0), OrdP(math.Inf(1))) })
	panicsWith(t, ndview.ErrShape, func() { _, _ = Cond(rect, OrdP(1)) })
	panicsWith(t, ndview.ErrShape, func() { _, _, _, _, _ = Lstsq(rect, ndview.Zeros[float64](3), -1) })
	panicsWith(t, ndview.ErrShape, func() { MultiDot(eye) })
	panicsWith(t, ndview.ErrShape, func() { MultiDot(eye, rect, eye) })
	panicsWith(t, ndview.ErrShape, func() { Tensordot(eye, rect, 3) })
	panicsWith(t, ndview.ErrShape, func() { Tensordot(eye, rect, -1) })
	panicsWith(t, ndview.ErrAxis, func() { TensordotAxes(eye, rect, []int{0, 0}, []int{0, 1}) })
	panicsWith(t, ndview.ErrShape, func() { Vdot(eye, vec) })
	panicsWith(t, ndview.ErrShape, func() { Vecdot(eye, vec) })
	panicsWith(t, ndview.ErrShape, func() { Matvec(vec, vec) })
	panicsWith(t, ndview.ErrAxis, func() { Trace(vec, 0, 0, 1) })
}

func TestEmpty(t *testing.T) {
	e := ndview.Zeros[float64](0, 0)
	assert.Equal(t, 1.0, Det(e).At())
	s, l := Slogdet(e)
	assert.Equal(t, []float64{1, 0}, []float64{s.At(), l.At()})
	assert.Equal(t, []int{3}, Det(ndview.Zeros[float64](3, 0, 0)).Shape())
	assert.Equal(t, []int{0}, Det(ndview.Zeros[float64](0, 2, 2)).Shape())
	inv, err := Inv(e)
	require.NoError(t, err)
	assert.Equal(t, []int{0, 0}, inv.Shape())
	x, err := Solve(ndview.Zeros[float64](0, 0), ndview.Zeros[float64](0))
	require.NoError(t, err)
	assert.Equal(t, []int{0}, x.Shape())
	u, sv, vt, err := SVD(ndview.Zeros[float64](3, 0), true)
	require.NoError(t, err)
	assert.Equal(t, [][]int{{3, 3}, {0}, {0, 0}}, [][]int{u.Shape(), sv.Shape(), vt.Shape()})
	assert.True(t, ndview.ArrayEqual(u, ndview.Eye[float64](3, 3, 0)))
	q, r := QR(ndview.Zeros[float64](2, 0), QRComplete)
	assert.Equal(t, [][]int{{2, 2}, {2, 0}}, [][]int{q.Shape(), r.Shape()})
	w, v, err := Eigh(e, false)
	require.NoError(t, err)
	assert.Equal(t, [][]int{{0}, {0, 0}}, [][]int{w.Shape(), v.Shape()})
	assert.Equal(t, 0.0, Norm(ndview.Zeros[float64](0), OrdDefault).At())
	assert.Equal(t, 0.0, Norm(ndview.Zeros[float64](0, 3), OrdFro).At())
	assert.Equal(t, 0.0, Trace(ndview.Zeros[float64](2, 3), 5, 0, 1).At())
	p, err := MatrixPower(ndview.Zeros[float64](2, 3, 3), 0)
	require.NoError(t, err)
	assert.Equal(t, 1.0, p.At(1, 2, 2))
}

// The Into forms may write over their inputs: the result is as if the
// inputs had been read first (semantics.md LA3).
func TestIntoOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(59, 8))
	a := randMatrices[float64](r, 1, 3, 4, 4)
	want, err := Inv(a)
	require.NoError(t, err)
	require.NoError(t, InvInto(a, a))
	assert.True(t, ndview.ArrayEqual(want, a), "InvInto(a, a)")

	// dst is a's transpose: every element is read before any is written.
	a = randMatrices[float64](r, 1, 4, 4)
	want, err = Inv(a.T())
	require.NoError(t, err)
	require.NoError(t, InvInto(a, a.T()))
	assert.True(t, ndview.ArrayEqual(want, a), "InvInto(a, a.T())")

	a = randMatrices[float64](r, 1, 2, 3, 3)
	b := randMatrices[float64](r, 1, 2, 3, 2)
	wantX, err := Solve(a, b)
	require.NoError(t, err)
	require.NoError(t, SolveInto(b, a, b))
	assert.True(t, ndview.ArrayEqual(wantX, b), "SolveInto(b, a, b)")

	// Det into a view of a's own first column.
	a = randMatrices[float64](r, 1, 4, 2, 2)
	wantD := Det(a)
	col := a.Slice(ndview.Colon(), ndview.Int(0), ndview.Int(0))
	DetInto(col, a)
	assert.True(t, ndview.ArrayEqual(wantD, col), "DetInto over a's elements")
}

func TestIntoForms(t *testing.T) {
	r := rand.New(rand.NewPCG(61, 9))
	a := randMatrices[float64](r, 1, 2, 3, 3)
	spd, err := MatrixPower(a, 2)
	require.NoError(t, err)
	for i := range 2 {
		for j := range 3 {
			spd.Set(spd.At(i, j, j)+10, i, j, j)
		}
	}
	spd = Einsum2(t, "bij,bkj->bik", spd, spd)
	check := func(name string, want ndview.NDView[float64], into func(dst ndview.NDView[float64]) error) {
		t.Run(name, func(t *testing.T) {
			dst := layoutOf(r, ndview.Full(-7.0, want.Shape()...))
			for dst.ReadOnly() {
				dst = layoutOf(r, ndview.Full(-7.0, want.Shape()...))
			}
			require.NoError(t, into(dst))
			assert.True(t, ndview.ArrayEqual(want, dst))
			panicsWith(t, ndview.ErrReadOnly, func() { _ = into(ndview.Zeros[float64](want.Shape()...).AsReadOnly()) })
			panicsWith(t, ndview.ErrShape, func() { _ = into(ndview.Zeros[float64](append(want.Shape(), 2)...)) })
		})
	}
	c, _ := Cholesky(spd, true)
	check("Cholesky", c, func(d ndview.NDView[float64]) error { return CholeskyInto(d, spd, true) })
	w, _ := Eigvalsh(spd, false)
	check("Eigvalsh", w, func(d ndview.NDView[float64]) error { return EigvalshInto(d, spd, false) })
	s, _ := Svdvals(a)
	check("Svdvals", s, func(d ndview.NDView[float64]) error { return SvdvalsInto(d, a) })
	p, _ := Pinv(a, 1e-15)
	check("Pinv", p, func(d ndview.NDView[float64]) error { return PinvInto(d, a, 1e-15) })
	mp, _ := MatrixPower(a, 3)
	check("MatrixPower", mp, func(d ndview.NDView[float64]) error { return MatrixPowerInto(d, a, 3) })
	e := Einsum2(t, "bii->bi", a)
	check("Einsum", e, func(d ndview.NDView[float64]) error { return EinsumInto(d, "bii->bi", a) })
	check("Norm", Norm(a, OrdNuc, 1, 2), func(d ndview.NDView[float64]) error { NormInto(d, a, OrdNuc, 1, 2); return nil })
	check("Trace", Trace(a, 0, 1, 2), func(d ndview.NDView[float64]) error { TraceInto(d, a, 0, 1, 2); return nil })
	check("Det", Det(a), func(d ndview.NDView[float64]) error { DetInto(d, a); return nil })

	// An error leaves the destination as it was.
	notpd := ndview.Full(-1.0, 2, 2)
	dst := ndview.Full(5.0, 2, 2)
	require.ErrorIs(t, CholeskyInto(dst, notpd, false), ErrNotPositiveDefinite)
	assert.True(t, ndview.ArrayEqual(ndview.Full(5.0, 2, 2), dst))
}

// Einsum2 returns Einsum's result or fails the test.
func Einsum2(t *testing.T, sub string, ops ...ndview.NDView[float64]) ndview.NDView[float64] {
	t.Helper()
	r, err := Einsum(sub, ops...)
	require.NoError(t, err)
	return r
}
