package interop

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/ndview"
)

func iotaC(n int) []complex128 {
	s := make([]complex128, n)
	for i := range s {
		s[i] = complex(float64(i+1), -float64(i))
	}
	return s
}

func TestAsCMatrix(t *testing.T) {
	for _, tc := range []struct {
		name         string
		v            ndview.NDView[complex128]
		raw, untrans bool
		writable     bool
	}{
		{"C", mustView(t, iotaC(12), 3, 4), true, false, true},
		{"cutout", mustView(t, iotaC(30), 5, 6).Slice(ndview.Range(1, 4), ndview.Range(1, 5)), true, false, true},
		{"F", mustView(t, iotaC(12), 4, 3).T(), false, true, true},
		{"flip", mustView(t, iotaC(12), 3, 4).Flip(), false, false, true},
		{"readonly", mustView(t, iotaC(12), 3, 4).AsReadOnly(), false, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := AsCMatrix(tc.v)
			r, c := m.Dims()
			require.Equal(t, tc.v.Shape(), []int{r, c})
			for i := range r {
				for j := range c {
					x := tc.v.At(i, j)
					assert.Equal(t, x, m.At(i, j), "AsCMatrix(v).At(%d, %d)", i, j)
					assert.Equal(t, x, m.T().At(j, i), "T().At(%d, %d)", j, i)
					assert.Equal(t, complex(real(x), -imag(x)), m.H().At(j, i), "H().At(%d, %d)", j, i)
				}
			}
			_, raw := m.(mat.RawCMatrixer)
			_, untrans := m.(mat.CUntransposer)
			setter, writable := m.(interface{ Set(i, j int, x complex128) })
			assert.Equal(t, tc.raw, raw, "RawCMatrixer")
			assert.Equal(t, tc.untrans, untrans, "CUntransposer")
			assert.Equal(t, tc.writable, writable, "has Set")
			if raw {
				g := m.(mat.RawCMatrixer).RawCMatrix()
				assert.Equal(t, []int{r, c}, []int{g.Rows, g.Cols})
				assert.Equal(t, (g.Rows-1)*g.Stride+g.Cols, len(g.Data), "len(RawCMatrix().Data)")
				assert.Equal(t, tc.v.At(0, 0), g.Data[0], "RawCMatrix().Data[0]")
			}
			if untrans {
				_, ok := m.(mat.CUntransposer).Untranspose().(mat.RawCMatrixer)
				assert.True(t, ok, "Untranspose() of a column-major view is a RawCMatrixer")
			}
			assert.Panics(t, func() { m.At(r, 0) }, "At(r, 0)")
			assert.Panics(t, func() { m.At(0, c) }, "At(0, c)")
			if writable {
				assert.Panics(t, func() { setter.Set(0, c, 1) }, "Set(0, c)")
				assert.Panics(t, func() { setter.Set(-1, 0, 1) }, "Set(-1, 0)")
			}
			// gonum's CDense.Copy takes the raw paths where offered.
			var d mat.CDense
			d.Copy(m)
			var want mat.CDense
			want.Copy(mat.CTranspose{CMatrix: mat.CTranspose{CMatrix: m}}) // element by element
			assert.True(t, mat.CEqual(&d, &want), "CDense.Copy(AsCMatrix(v))")
			if writable {
				setter.Set(r-1, 0, 9i)
				assert.Equal(t, 9i, tc.v.At(r-1, 0), "view after Set")
			}
		})
	}
}

func TestAsCDenseFromCDense(t *testing.T) {
	v := mustView(t, iotaC(30), 5, 6).Slice(ndview.Range(1, 4), ndview.Range(2, 6))
	d, err := AsCDense(v)
	require.NoError(t, err)
	d.Set(2, 3, 7+7i)
	assert.Equal(t, 7+7i, v.At(2, 3), "view after CDense.Set")
	v.Set(-1i, 0, 0)
	assert.Equal(t, -1i, d.At(0, 0), "CDense after view.Set")
	back := FromCDense(d)
	assert.True(t, ndview.ArrayEqual(v, back), "FromCDense(AsCDense(v))")

	m := mat.NewCDense(4, 5, iotaC(20))
	sub := m.Slice(1, 3, 1, 4).(*mat.CDense)
	w := FromCDense(sub)
	require.Equal(t, []int{2, 3}, w.Shape())
	for i := range 2 {
		for j := range 3 {
			assert.Equal(t, m.At(i+1, j+1), w.At(i, j), "FromCDense(sub).At(%d, %d)", i, j)
		}
	}
	w.Set(5, 1, 2)
	assert.Equal(t, complex128(5), m.At(2, 3), "CDense after view.Set")
	assert.Equal(t, []int{0, 0}, FromCDense(&mat.CDense{}).Shape())

	_, err = AsCDense(mustView(t, iotaC(12), 4, 3).T())
	assert.ErrorIs(t, err, ndview.ErrLayout)
	assert.Contains(t, err.Error(), "AsCDense(v.T())")
	_, err = AsCDense(mustView(t, iotaC(12), 3, 4).AsReadOnly())
	assert.ErrorIs(t, err, ndview.ErrReadOnly)
}
