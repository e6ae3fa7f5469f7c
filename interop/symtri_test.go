package interop

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/ndview"
)

// spd returns a 4×4 symmetric positive definite matrix's elements.
func spd() []float64 {
	return []float64{
		4, 1, 0.5, 0.2,
		1, 3, 0.3, 0.1,
		0.5, 0.3, 2, 0.4,
		0.2, 0.1, 0.4, 1,
	}
}

func TestAsSymDenseCholesky(t *testing.T) {
	buf := make([]float64, 6*7)
	base := mustView(t, buf, 6, 7)
	v := base.Slice(ndview.Range(1, 5), ndview.Range(2, 6))
	full := spd()
	for i := range 4 {
		for j := range 4 {
			if j >= i {
				v.Set(full[4*i+j], i, j)
			} else {
				v.Set(-99, i, j) // not part of the matrix
			}
		}
	}
	s, err := AsSymDense(v)
	require.NoError(t, err)
	var got, want mat.Cholesky
	require.True(t, got.Factorize(s))
	require.True(t, want.Factorize(mat.NewSymDense(4, spd())))
	assert.InDelta(t, want.Det(), got.Det(), 1e-12, "Cholesky determinant on AsSymDense")
	s.SetSym(3, 0, 7)
	assert.Equal(t, 7.0, v.At(0, 3), "SetSym(3, 0) lands in the upper triangle of the view")

	w := FromSymDense(s)
	assert.True(t, ndview.ArrayEqual(v, w), "FromSymDense(AsSymDense(v))")
	_, err = AsSymDense(mustView(t, make([]float64, 12), 3, 4))
	assert.ErrorIs(t, err, ndview.ErrShape)
}

func TestTriDense(t *testing.T) {
	v := mustView(t, spd(), 4, 4)
	for _, kind := range []mat.TriKind{mat.Upper, mat.Lower} {
		tri, err := AsTriDense(v, kind)
		require.NoError(t, err)
		for i := range 4 {
			for j := range 4 {
				want := v.At(i, j)
				if (kind == mat.Upper && j < i) || (kind == mat.Lower && j > i) {
					want = 0
				}
				assert.Equal(t, want, tri.At(i, j), "AsTriDense(v, %v).At(%d, %d)", kind, i, j)
			}
		}
		// Solve T·x = b through gonum and check it by multiplying back.
		b := mat.NewVecDense(4, []float64{1, 2, 3, 4})
		var x, back mat.VecDense
		require.NoError(t, x.SolveVec(tri, b))
		back.MulVec(tri, &x)
		assert.True(t, mat.EqualApprox(&back, b, 1e-12), "T·(T⁻¹·b) = b for kind %v", kind)
		assert.True(t, ndview.ArrayEqual(v, FromTriDense(tri)), "FromTriDense(AsTriDense(v))")
	}
	n := mat.NewTriDense(3, mat.Lower, []float64{1, 0, 0, 2, 3, 0, 4, 5, 6})
	w := FromTriDense(n)
	w.Set(10, 2, 1)
	assert.Equal(t, 10.0, n.At(2, 1), "TriDense after view.Set")
	assert.Equal(t, []int{0, 0}, FromTriDense(&mat.TriDense{}).Shape())
	assert.Equal(t, []int{0, 0}, FromSymDense(&mat.SymDense{}).Shape())
}
