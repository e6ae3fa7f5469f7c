package interop

import (
	"image"
	"image/color"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"
)

// TestExporters: images, matrices, vectors and the adapters' values export
// the layouts of FromImage, FromGeneral and FromVector, sharing memory
// (semantics.md BP5).
func TestExporters(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	v, ex, err := ndview.ViewOf[uint8](ImageBuffer{img})
	require.NoError(t, err)
	assert.Nil(t, ex)
	assert.Equal(t, []int{2, 3, 4}, v.Shape())
	v.Set(200, 1, 2, 0)
	assert.Equal(t, uint8(200), img.RGBAAt(2, 1).R, "zero-copy")
	_, _, err = ndview.ViewOf[uint8](ImageBuffer{image.NewYCbCr(image.Rect(0, 0, 2, 2), image.YCbCrSubsampleRatio420)})
	assert.ErrorIs(t, err, ndview.ErrType)

	d := mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})
	dv, _, err := ndview.ViewOf[float64](MatrixBuffer{d})
	require.NoError(t, err)
	dv.Set(-1, 1, 1)
	assert.Equal(t, -1.0, d.At(1, 1), "zero-copy")
	m, err := ndview.MemoryViewOf(MatrixBuffer{d.Slice(0, 2, 1, 3).(*mat.Dense)})
	require.NoError(t, err)
	assert.Equal(t, []any{[]any{2.0, 3.0}, []any{-1.0, 6.0}}, m.ToList())
	m.Release()

	x := mat.NewVecDense(3, []float64{7, 8, 9})
	xv, _, err := ndview.ViewOf[float64](VectorBuffer{x})
	require.NoError(t, err)
	assert.Equal(t, []float64{7, 8, 9}, xv.ToSlice())

	// AsImage's image exports its visible pixels; AsMatrix's matrix its view.
	pix := ndview.Zeros[uint8](4, 5, 4)
	ai, err := AsImage(pix, color.RGBAModel)
	require.NoError(t, err)
	sub := ai.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(image.Rect(1, 1, 3, 4))
	sv, _, err := ndview.ViewOf[uint8](sub.(ndview.Exporter))
	require.NoError(t, err)
	assert.Equal(t, []int{3, 2, 4}, sv.Shape())
	sv.Set(9, 0, 0, 0)
	assert.Equal(t, uint8(9), pix.At(1, 1, 0))
	am := AsMatrix(ndview.Must(ndview.FromSlice([]float64{1, 2, 3, 4}, 2, 2)).T())
	mv, _, err := ndview.ViewOf[float64](am.(ndview.Exporter))
	require.NoError(t, err)
	assert.Equal(t, 3.0, mv.At(0, 1))
}
