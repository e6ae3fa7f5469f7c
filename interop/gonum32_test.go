package interop

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"

	"github.com/ndkit/ndkit/ndview"
)

func iota32(n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(i + 1)
	}
	return s
}

// TestGeneral32Gemm runs blas32.Gemm from and into views and compares with
// a hand loop over the views.
func TestGeneral32Gemm(t *testing.T) {
	a := mustView(t, iota32(7*8), 7, 8).Slice(ndview.Range(1, 4), ndview.Range(2, 7)) // 3×5 cutout
	b := mustView(t, iota32(10), 5, 2)
	c := mustView(t, make([]float32, 6*4), 6, 4).Slice(ndview.Range(2, 5), ndview.Range(1, 3)) // 3×2 cutout
	ga, err := AsGeneral32(a)
	require.NoError(t, err)
	gb, err := AsGeneral32(b)
	require.NoError(t, err)
	gc, err := AsGeneral32(c)
	require.NoError(t, err)
	assert.Equal(t, 8, ga.Stride)
	blas32.Gemm(blas.NoTrans, blas.NoTrans, 1, ga, gb, 0, gc)
	for i := range 3 {
		for j := range 2 {
			var want float32
			for k := range 5 {
				want += a.At(i, k) * b.At(k, j)
			}
			assert.Equal(t, want, c.At(i, j), "Gemm into the view: element (%d, %d)", i, j)
		}
	}
	back, err := FromGeneral32(gc)
	require.NoError(t, err)
	assert.True(t, ndview.ArrayEqual(c, back), "FromGeneral32(AsGeneral32(c))")

	_, err = AsGeneral32(a.T())
	assert.ErrorIs(t, err, ndview.ErrLayout)
	_, err = AsGeneral32(a.AsReadOnly())
	assert.ErrorIs(t, err, ndview.ErrReadOnly)
	_, err = FromGeneral32(blas32.General{Rows: 2, Cols: 3, Stride: 3, Data: make([]float32, 5)})
	assert.ErrorIs(t, err, ndview.ErrBounds)
}

func TestVector32(t *testing.T) {
	v := mustView(t, iota32(12), 3, 4).Slice(ndview.Colon(), ndview.Int(1)) // stride 4
	x, err := AsVector32(v)
	require.NoError(t, err)
	assert.Equal(t, blas32.Vector{N: 3, Inc: 4, Data: iota32(12)[1:10]}, x)
	blas32.Scal(2, x)
	assert.Equal(t, []float32{4, 12, 20}, []float32{v.At(0), v.At(1), v.At(2)}, "view after blas32.Scal")
	back, err := FromVector32(x)
	require.NoError(t, err)
	assert.True(t, ndview.ArrayEqual(v, back), "FromVector32(AsVector32(v))")

	rev, err := FromVector32(blas32.Vector{N: 3, Inc: -4, Data: x.Data})
	require.NoError(t, err)
	assert.True(t, ndview.ArrayEqual(v.Flip(), rev), "FromVector32 with a negative Inc = %v, want %v", rev, v.Flip())

	_, err = AsVector32(v.Flip())
	assert.ErrorIs(t, err, ndview.ErrLayout)
	assert.Contains(t, err.Error(), "Flip")
}
