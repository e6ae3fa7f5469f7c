package interop

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/ndview"
)

// iota64 returns 1, 2, …, n as float64 (no zeros, so that a misplaced
// element is visible).
func iota64(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = float64(i + 1)
	}
	return s
}

// mustView returns FromSlice's view or fails the test.
func mustView[T any](t testing.TB, data []T, shape ...int) ndview.NDView[T] {
	t.Helper()
	v, err := ndview.FromSlice(data, shape...)
	require.NoError(t, err)
	return v
}

// mustWrap returns Wrap's view or fails the test.
func mustWrap[T any](t testing.TB, data []T, off int, shape, strides []int) ndview.NDView[T] {
	t.Helper()
	v, err := ndview.Wrap(data, off, shape, strides)
	require.NoError(t, err)
	return v
}

// denseCopy returns a new Dense holding v's elements, read through the
// view's own At (the oracle for everything AsMatrix does).
func denseCopy(v ndview.NDView[float64]) *mat.Dense {
	sh := v.Shape()
	d := mat.NewDense(max(sh[0], 1), max(sh[1], 1), nil)
	for i := range sh[0] {
		for j := range sh[1] {
			d.Set(i, j, v.At(i, j))
		}
	}
	return d
}

// matrixLayouts are 2-D views of every kind AsMatrix distinguishes, each of
// shape 3×4 unless the name says otherwise, over buffers of 1, 2, ….
var matrixLayouts = []struct {
	name     string
	mk       func(t testing.TB) ndview.NDView[float64]
	writable bool
	raw      bool // row-major: RawMatrixer expected
	colMajor bool // column-major: Untransposer expected
}{
	{"C", func(t testing.TB) ndview.NDView[float64] { return mustView(t, iota64(12), 3, 4) }, true, true, false},
	{"cutout", func(t testing.TB) ndview.NDView[float64] {
		return mustView(t, iota64(42), 6, 7).Slice(ndview.Range(1, 4), ndview.Range(2, 6))
	}, true, true, false},
	{"F", func(t testing.TB) ndview.NDView[float64] { return mustView(t, iota64(12), 4, 3).T() }, true, false, true},
	{"F-cutout", func(t testing.TB) ndview.NDView[float64] {
		return mustView(t, iota64(56), 7, 8).Slice(ndview.Range(1, 5), ndview.Range(2, 5)).T()
	}, true, false, true},
	{"negrow", func(t testing.TB) ndview.NDView[float64] { return mustView(t, iota64(12), 3, 4).Flip(0) }, true, false, false},
	{"negcol", func(t testing.TB) ndview.NDView[float64] { return mustView(t, iota64(12), 3, 4).Flip(1) }, true, false, false},
	{"rot90", func(t testing.TB) ndview.NDView[float64] { return mustView(t, iota64(12), 4, 3).Rot90(1) }, true, false, false},
	{"colstep", func(t testing.TB) ndview.NDView[float64] {
		return mustView(t, iota64(24), 3, 8).Slice(ndview.Colon(), ndview.Step(2))
	}, true, false, false},
	{"rowoverlap", func(t testing.TB) ndview.NDView[float64] { // row stride 2 < 4 columns
		return mustWrap(t, iota64(12), 0, []int{3, 4}, []int{2, 1})
	}, false, false, false},
	{"bcast", func(t testing.TB) ndview.NDView[float64] {
		v, err := mustView(t, iota64(4), 4).BroadcastTo(3, 4)
		require.NoError(t, err)
		return v
	}, false, false, false},
	{"readonly-C", func(t testing.TB) ndview.NDView[float64] { return mustView(t, iota64(12), 3, 4).AsReadOnly() }, false, false, false},
	{"1x4", func(t testing.TB) ndview.NDView[float64] { // row stride meaningless
		return mustView(t, iota64(12), 3, 4).Slice(ndview.Range(2, 3), ndview.Colon()).Flip(0)
	}, true, true, false},
	{"3x1-strided", func(t testing.TB) ndview.NDView[float64] {
		return mustView(t, iota64(12), 3, 4).Slice(ndview.Colon(), ndview.Range(1, 2))
	}, true, true, false},
	{"empty", func(t testing.TB) ndview.NDView[float64] {
		return mustView(t, iota64(12), 3, 4).Slice(ndview.Range(1, 1), ndview.Colon())
	}, true, false, false},
}

func TestAsMatrixLayouts(t *testing.T) {
	for _, tc := range matrixLayouts {
		t.Run(tc.name, func(t *testing.T) {
			v := tc.mk(t)
			m := AsMatrix(v)
			r, c := m.Dims()
			assert.Equal(t, v.Shape(), []int{r, c}, "AsMatrix(v).Dims()")
			for i := range r {
				for j := range c {
					assert.Equal(t, v.At(i, j), m.At(i, j), "AsMatrix(v).At(%d, %d)", i, j)
					assert.Equal(t, v.At(i, j), m.T().At(j, i), "AsMatrix(v).T().At(%d, %d)", j, i)
					assert.Equal(t, v.At(i, j), m.T().T().At(i, j), "AsMatrix(v).T().T().At(%d, %d)", i, j)
				}
			}
			_, mutable := m.(mat.Mutable)
			_, raw := m.(mat.RawMatrixer)
			_, untrans := m.(mat.Untransposer)
			assert.Equal(t, tc.writable, mutable, "AsMatrix(v) is mat.Mutable")
			assert.Equal(t, tc.raw, raw, "AsMatrix(v) is mat.RawMatrixer")
			assert.Equal(t, tc.colMajor, untrans, "AsMatrix(v) is mat.Untransposer")
			if untrans {
				u := m.(mat.Untransposer).Untranspose()
				_, ok := u.(mat.RawMatrixer)
				assert.True(t, ok, "Untranspose() of a column-major view is a RawMatrixer")
			}
			if raw {
				g := m.(mat.RawMatrixer).RawMatrix()
				assert.Equal(t, r, g.Rows)
				assert.Equal(t, c, g.Cols)
				assert.GreaterOrEqual(t, g.Stride, g.Cols, "RawMatrix().Stride")
				assert.Equal(t, (g.Rows-1)*g.Stride+g.Cols, len(g.Data), "len(RawMatrix().Data)")
				assert.Equal(t, len(g.Data), cap(g.Data), "cap(RawMatrix().Data)")
				assert.Equal(t, v.At(0, 0), g.Data[0], "RawMatrix().Data[0]")
			}
			if r > 0 && c > 0 {
				assert.Panics(t, func() { m.At(r, 0) }, "At(r, 0)")
				assert.Panics(t, func() { m.At(0, -1) }, "At(0, -1)")
				assert.Panics(t, func() { m.T().At(0, r) }, "T().At(0, r)")
				if mutable {
					assert.Panics(t, func() { m.(mat.Mutable).Set(r, 0, 1) }, "Set(r, 0)")
					assert.Panics(t, func() { m.(mat.Mutable).Set(0, c, 1) }, "Set(0, c)")
				}
			}
		})
	}
}

func TestAsMatrixNot2D(t *testing.T) {
	for _, shape := range [][]int{{12}, {2, 3, 2}, {}} {
		t.Run(fmt.Sprint(shape), func(t *testing.T) {
			v := mustView(t, iota64(12)[:max(shapeProd(shape), 1)], shape...)
			err := panicValue(func() { AsMatrix(v) })
			assert.ErrorIs(t, err, ndview.ErrShape, "AsMatrix(%v) panics", shape)
		})
	}
}

func shapeProd(shape []int) int {
	p := 1
	for _, n := range shape {
		p *= n
	}
	return p
}

// panicValue returns the error f panics with, or nil.
func panicValue(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err, _ = r.(error)
			if err == nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}
	}()
	f()
	return nil
}

// TestAsMatrixRandom compares AsMatrix with the offset formula on random
// layouts made by Wrap (negative, zero, transposed and overlapping
// strides), through At, T, Set and gonum's own copies, which take the raw
// fast paths where the layout offers them.
func TestAsMatrixRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := map[string]int{}
	for range 2000 {
		r, c := rng.IntN(5)+1, rng.IntN(5)+1
		rs, cs := rng.IntN(15)-7, rng.IntN(15)-7
		switch rng.IntN(4) { // favour the gonum layouts
		case 0:
			cs, rs = 1, c+rng.IntN(3)
		case 1:
			rs, cs = 1, r+rng.IntN(3)
		}
		lo := min(0, (r-1)*rs) + min(0, (c-1)*cs)
		hi := max(0, (r-1)*rs) + max(0, (c-1)*cs)
		pad := rng.IntN(3)
		data := iota64(hi - lo + 1 + 2*pad)
		off := -lo + pad
		v := mustWrap(t, data, off, []int{r, c}, []int{rs, cs})
		if rng.IntN(8) == 0 {
			v = v.AsReadOnly()
		}
		name := fmt.Sprintf("%dx%d/strides(%d,%d)/ro=%v", r, c, rs, cs, v.ReadOnly())
		m := AsMatrix(v)
		kinds[fmt.Sprintf("%T", m)]++
		want := func(i, j int) float64 { return data[off+i*rs+j*cs] }
		for i := range r {
			for j := range c {
				if m.At(i, j) != want(i, j) || m.T().At(j, i) != want(i, j) {
					t.Fatalf("%s: AsMatrix(v).At(%d, %d) = %v, T().At = %v, want %v", name, i, j, m.At(i, j), m.T().At(j, i), want(i, j))
				}
			}
		}
		for _, mm := range []mat.Matrix{m, m.T()} {
			got := mat.DenseCopyOf(mm)
			mr, mc := mm.Dims()
			for i := range mr {
				for j := range mc {
					if got.At(i, j) != mm.At(i, j) {
						t.Fatalf("%s: mat.DenseCopyOf(%T).At(%d, %d) = %v, want %v", name, mm, i, j, got.At(i, j), mm.At(i, j))
					}
				}
			}
		}
		if mu, ok := m.(mat.Mutable); ok {
			i, j := rng.IntN(r), rng.IntN(c)
			mu.Set(i, j, -1)
			if want(i, j) != -1 || v.At(i, j) != -1 {
				t.Fatalf("%s: after Set(%d, %d, -1), data = %v, view = %v, want -1", name, i, j, want(i, j), v.At(i, j))
			}
		} else if !v.ReadOnly() {
			t.Fatalf("%s: AsMatrix of a writable view is not mat.Mutable", name)
		}
	}
	for _, k := range []string{"*interop.viewMatrix", "*interop.mutableMatrix", "*interop.denseMatrix", "*interop.denseTranspose"} {
		assert.Positive(t, kinds[k], "random layouts giving %s", k)
	}
}

// gonumOperands returns the layouts of matrixLayouts that gonum can
// compute with (not empty), reshaped to r×c by a fresh view of the same
// kind.
func operand(t testing.TB, kind string, r, c int, seed uint64) ndview.NDView[float64] {
	rng := rand.New(rand.NewPCG(seed, 7))
	fill := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = rng.Float64()*2 - 1
		}
		return s
	}
	switch kind {
	case "C":
		return mustView(t, fill(r*c), r, c)
	case "cutout":
		return mustView(t, fill((r+2)*(c+3)), r+2, c+3).Slice(ndview.Range(1, r+1), ndview.Range(2, c+2))
	case "F":
		return mustView(t, fill(r*c), c, r).T()
	case "negrow":
		return mustView(t, fill(r*c), r, c).Flip(0)
	case "rot90":
		return mustView(t, fill(r*c), c, r).Rot90(1)
	case "colstep":
		return mustView(t, fill(r*2*c), r, 2*c).Slice(ndview.Colon(), ndview.Step(-2))
	case "readonly":
		return mustView(t, fill(r*c), r, c).AsReadOnly()
	}
	panic(kind)
}

var operandKinds = []string{"C", "cutout", "F", "negrow", "rot90", "colstep", "readonly"}

// TestGonumOnAdapters runs gonum's Mul, QR solve and SVD on adapters of
// every layout and compares with the same on copies.
func TestGonumOnAdapters(t *testing.T) {
	for ia, ka := range operandKinds {
		for ib, kb := range operandKinds {
			t.Run(ka+"*"+kb, func(t *testing.T) {
				a := operand(t, ka, 4, 5, uint64(10*ia+ib))
				b := operand(t, kb, 5, 3, uint64(100+10*ia+ib))
				var got, want mat.Dense
				got.Mul(AsMatrix(a), AsMatrix(b))
				want.Mul(denseCopy(a), denseCopy(b))
				assert.True(t, mat.EqualApprox(&got, &want, 1e-12), "Mul(%s, %s) =\n%v\nwant\n%v", ka, kb, mat.Formatted(&got), mat.Formatted(&want))
				// Aᵀ·Aᵀ-shaped products exercise the transposed paths.
				var gotT, wantT mat.Dense
				gotT.Mul(AsMatrix(b).T(), AsMatrix(a).T())
				wantT.Mul(denseCopy(b).T(), denseCopy(a).T())
				assert.True(t, mat.EqualApprox(&gotT, &wantT, 1e-12), "Mul(%s.T(), %s.T())", kb, ka)
			})
		}
		t.Run("solve-svd/"+ka, func(t *testing.T) {
			a := operand(t, ka, 5, 5, uint64(ia))
			b := operand(t, "C", 5, 2, 99)
			var qr, qrWant mat.QR
			qr.Factorize(AsMatrix(a))
			qrWant.Factorize(denseCopy(a))
			var x, xWant mat.Dense
			require.NoError(t, qr.SolveTo(&x, false, AsMatrix(b)))
			require.NoError(t, qrWant.SolveTo(&xWant, false, denseCopy(b)))
			assert.True(t, mat.EqualApprox(&x, &xWant, 1e-10), "QR solve on %s", ka)
			var lu mat.Dense
			require.NoError(t, lu.Solve(AsMatrix(a).T(), AsMatrix(b)))
			require.NoError(t, xWant.Solve(denseCopy(a).T(), denseCopy(b)))
			assert.True(t, mat.EqualApprox(&lu, &xWant, 1e-10), "Solve(%s.T(), b)", ka)
			var svd, svdWant mat.SVD
			require.True(t, svd.Factorize(AsMatrix(a), mat.SVDThin))
			require.True(t, svdWant.Factorize(denseCopy(a), mat.SVDThin))
			assert.InDeltaSlice(t, svdWant.Values(nil), svd.Values(nil), 1e-12, "SVD values on %s", ka)
		})
	}
}

// TestAsDenseGuarded lets gonum write a product into a cutout of a buffer
// full of NaN sentinels through AsDense: the result must land in the view,
// and no sentinel outside it may change.
func TestAsDenseGuarded(t *testing.T) {
	buf := make([]float64, 8*9)
	for i := range buf {
		buf[i] = math.NaN()
	}
	base := mustView(t, buf, 8, 9)
	dst := base.Slice(ndview.Range(2, 6), ndview.Range(3, 6)) // 4×3, row stride 9
	d, err := AsDense(dst)
	require.NoError(t, err)
	a, b := operand(t, "C", 4, 5, 1), operand(t, "F", 5, 3, 2)
	d.Mul(AsMatrix(a), AsMatrix(b))
	var want mat.Dense
	want.Mul(denseCopy(a), denseCopy(b))
	for i := range 8 {
		for j := range 9 {
			in := i >= 2 && i < 6 && j >= 3 && j < 6
			x := base.At(i, j)
			if in {
				assert.InDelta(t, want.At(i-2, j-3), x, 1e-12, "element (%d, %d) of the product", i-2, j-3)
			} else {
				assert.True(t, math.IsNaN(x), "sentinel (%d, %d) = %v, want NaN", i, j, x)
			}
		}
	}
}

func TestAsDenseZeroCopy(t *testing.T) {
	for _, tc := range matrixLayouts {
		if !tc.raw {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			v := tc.mk(t)
			d, err := AsDense(v)
			require.NoError(t, err)
			r, c := d.Dims()
			assert.Equal(t, v.Shape(), []int{r, c})
			d.Set(r-1, c-1, -7)
			assert.Equal(t, -7.0, v.At(r-1, c-1), "view after Dense.Set")
			v.Set(-8, 0, 0)
			assert.Equal(t, -8.0, d.At(0, 0), "Dense after view.Set")
			back := FromDense(d)
			assert.True(t, ndview.ArrayEqual(v, back), "FromDense(AsDense(v)) = %v, want %v", back, v)
		})
	}
}

func TestAsDenseErrors(t *testing.T) {
	three := mustView(t, iota64(24), 2, 3, 4)
	for _, tc := range []struct {
		name  string
		v     ndview.NDView[float64]
		want  error
		hints []string
	}{
		{"3-D", three, ndview.ErrShape, nil},
		{"1-D", mustView(t, iota64(4)), ndview.ErrShape, nil},
		{"empty", mustView(t, iota64(12), 3, 4).Slice(ndview.Range(0, 0)), ndview.ErrShape, nil},
		{"readonly", mustView(t, iota64(12), 3, 4).AsReadOnly(), ndview.ErrReadOnly, []string{"Clone"}},
		{"F", mustView(t, iota64(12), 4, 3).T(), ndview.ErrLayout, []string{"v.T()", "Clone", "AsMatrix"}},
		{"negrow", mustView(t, iota64(12), 3, 4).Flip(0), ndview.ErrLayout, []string{"Clone", "row stride >= 4"}},
		{"colstep", mustView(t, iota64(24), 3, 8).Slice(ndview.Colon(), ndview.Step(2)), ndview.ErrLayout, []string{"column stride 1"}},
		{"bcast", must(mustView(t, iota64(4), 4).BroadcastTo(3, 4)), ndview.ErrReadOnly, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := AsDense(tc.v)
			assert.Nil(t, d)
			require.ErrorIs(t, err, tc.want, "AsDense(%s)", tc.name)
			for _, h := range tc.hints {
				assert.Contains(t, err.Error(), h, "AsDense(%s) error", tc.name)
			}
			var e *ndview.Error
			assert.True(t, errors.As(err, &e), "AsDense(%s) error is an *ndview.Error", tc.name)
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestAsVecDense(t *testing.T) {
	base := mustView(t, iota64(20), 4, 5)
	for _, tc := range []struct {
		name string
		v    ndview.NDView[float64]
		want error
	}{
		{"contiguous", mustView(t, iota64(6)), nil},
		{"column", base.Slice(ndview.Colon(), ndview.Int(2)), nil},
		{"step3", mustView(t, iota64(10)).Slice(ndview.Step(3)), nil},
		{"single-reversed", mustView(t, iota64(10)).Slice(ndview.Range(4, 5)).Flip(), nil},
		{"reversed", mustView(t, iota64(6)).Flip(), ndview.ErrLayout},
		{"readonly", mustView(t, iota64(6)).AsReadOnly(), ndview.ErrReadOnly},
		{"empty", mustView(t, iota64(6)).Slice(ndview.Range(2, 2)), ndview.ErrShape},
		{"2-D", base, ndview.ErrShape},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := AsVecDense(tc.v)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want, "AsVecDense(%s)", tc.name)
				assert.Nil(t, x)
				return
			}
			require.NoError(t, err)
			n := tc.v.Shape()[0]
			require.Equal(t, n, x.Len())
			for i := range n {
				assert.Equal(t, tc.v.At(i), x.AtVec(i), "AsVecDense(v).AtVec(%d)", i)
			}
			raw := x.RawVector()
			assert.Equal(t, (n-1)*raw.Inc+1, len(raw.Data), "len(RawVector().Data)")
			x.SetVec(n-1, -3)
			assert.Equal(t, -3.0, tc.v.At(n-1), "view after SetVec")
			tc.v.Set(-4, 0)
			assert.Equal(t, -4.0, x.AtVec(0), "VecDense after view.Set")
			// gonum's BLAS on the adapter equals a hand loop.
			want := 0.0
			for i := range n {
				want += tc.v.At(i) * tc.v.At(i)
			}
			assert.InDelta(t, want, mat.Dot(x, x), 1e-12, "mat.Dot(x, x)")
		})
	}
}

func TestFromDense(t *testing.T) {
	m := mat.NewDense(5, 6, iota64(30))
	for _, tc := range []struct {
		name string
		d    *mat.Dense
		r, c int
		at   func(i, j int) float64
	}{
		{"whole", m, 5, 6, m.At},
		{"slice", m.Slice(1, 4, 2, 5).(*mat.Dense), 3, 3, func(i, j int) float64 { return m.At(i+1, j+2) }},
		{"row", m.Slice(4, 5, 0, 6).(*mat.Dense), 1, 6, func(i, j int) float64 { return m.At(4, j) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := FromDense(tc.d)
			require.Equal(t, []int{tc.r, tc.c}, v.Shape(), "FromDense(m).Shape()")
			for i := range tc.r {
				for j := range tc.c {
					assert.Equal(t, tc.at(i, j), v.At(i, j), "FromDense(m).At(%d, %d)", i, j)
				}
			}
			v.Set(-1, tc.r-1, tc.c-1)
			assert.Equal(t, -1.0, tc.d.At(tc.r-1, tc.c-1), "Dense after view.Set")
			tc.d.Set(0, 0, -2)
			assert.Equal(t, -2.0, v.At(0, 0), "view after Dense.Set")
		})
	}
	t.Run("empty", func(t *testing.T) {
		v := FromDense(&mat.Dense{})
		assert.Equal(t, []int{0, 0}, v.Shape())
	})
	t.Run("inconsistent", func(t *testing.T) {
		var d mat.Dense
		d.SetRawMatrix(blas64.General{Rows: 3, Cols: 3, Stride: 3, Data: make([]float64, 8)})
		assert.ErrorIs(t, panicValue(func() { FromDense(&d) }), ndview.ErrBounds)
	})
}

func TestFromVecDense(t *testing.T) {
	m := mat.NewDense(4, 5, iota64(20))
	col := m.ColView(3).(*mat.VecDense) // Inc 5
	row := m.RowView(2).(*mat.VecDense)
	sub := mat.NewVecDense(8, iota64(8)).SliceVec(2, 6).(*mat.VecDense)
	for _, tc := range []struct {
		name string
		x    *mat.VecDense
	}{{"col", col}, {"row", row}, {"slice", sub}} {
		t.Run(tc.name, func(t *testing.T) {
			v := FromVecDense(tc.x)
			require.Equal(t, []int{tc.x.Len()}, v.Shape())
			for i := range tc.x.Len() {
				assert.Equal(t, tc.x.AtVec(i), v.At(i), "FromVecDense(x).At(%d)", i)
			}
			v.Set(-1, 1)
			assert.Equal(t, -1.0, tc.x.AtVec(1), "VecDense after view.Set")
			tc.x.SetVec(0, -2)
			assert.Equal(t, -2.0, v.At(0), "view after SetVec")
		})
	}
	assert.Equal(t, -1.0, m.At(1, 3), "the column view wrote into its Dense")
	assert.Equal(t, []int{0}, FromVecDense(&mat.VecDense{}).Shape())
}

func TestFromGeneralAndVector(t *testing.T) {
	data := iota64(12)
	for _, tc := range []struct {
		name string
		g    blas64.General
		want error
	}{
		{"ok", blas64.General{Rows: 2, Cols: 3, Stride: 5, Data: data[:8]}, nil},
		{"short", blas64.General{Rows: 2, Cols: 3, Stride: 5, Data: data[:7]}, ndview.ErrBounds},
		{"overlap", blas64.General{Rows: 2, Cols: 3, Stride: 2, Data: data}, ndview.ErrLayout},
		{"negative", blas64.General{Rows: -1, Cols: 3, Stride: 3, Data: data}, ndview.ErrShape},
		{"empty", blas64.General{Rows: 0, Cols: 3, Stride: 3}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := FromGeneral(tc.g)
			if tc.want != nil {
				assert.ErrorIs(t, err, tc.want)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, []int{tc.g.Rows, tc.g.Cols}, v.Shape())
			if tc.g.Rows > 0 {
				assert.Equal(t, tc.g.Data[tc.g.Stride+2], v.At(1, 2))
			}
		})
	}
	for _, tc := range []struct {
		name string
		x    blas64.Vector
		want []float64
		err  error
	}{
		{"inc2", blas64.Vector{N: 3, Inc: 2, Data: data[:5]}, []float64{1, 3, 5}, nil},
		{"neg", blas64.Vector{N: 3, Inc: -2, Data: data[:5]}, []float64{5, 3, 1}, nil},
		{"zero", blas64.Vector{N: 3, Inc: 0, Data: data}, nil, ndview.ErrLayout},
		{"short", blas64.Vector{N: 3, Inc: 3, Data: data[:6]}, nil, ndview.ErrBounds},
		{"overflow", blas64.Vector{N: 3, Inc: math.MinInt, Data: data}, nil, ndview.ErrOverflow},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := FromVector(tc.x)
			if tc.err != nil {
				assert.ErrorIs(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			for i, w := range tc.want {
				assert.Equal(t, w, v.At(i), "FromVector(%v).At(%d)", tc.x, i)
			}
		})
	}
}

// TestGonumAllocs checks that element access allocates nothing and that
// the adapters allocate a few small headers, the same for any size.
func TestGonumAllocs(t *testing.T) {
	small, large := mustView(t, iota64(12), 3, 4), mustView(t, make([]float64, 512*512), 512, 512)
	m := AsMatrix(small)
	s := AsMatrix(small.Flip(1))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = m.At(1, 2) }), "At allocs")
	assert.Zero(t, testing.AllocsPerRun(100, func() { s.(mat.Mutable).Set(1, 2, 3) }), "Set allocs")
	for _, tc := range []struct {
		name string
		f    func(v ndview.NDView[float64])
		max  float64
	}{
		// Shape and Strides of ndview return new slices: 2 allocations.
		{"AsMatrix", func(v ndview.NDView[float64]) { _ = AsMatrix(v) }, 3},
		{"AsMatrix.T", func(v ndview.NDView[float64]) { _ = AsMatrix(v.T()) }, 4},
		{"AsDense", func(v ndview.NDView[float64]) { _, _ = AsDense(v) }, 3},
	} {
		a := testing.AllocsPerRun(50, func() { tc.f(small) })
		b := testing.AllocsPerRun(50, func() { tc.f(large) })
		assert.Equal(t, a, b, "%s allocations for 3×4 and 512×512", tc.name)
		assert.LessOrEqual(t, a, tc.max, "%s allocations", tc.name)
	}
	d := mat.NewDense(3, 4, iota64(12))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = FromDense(d) }), "FromDense allocs")
}
