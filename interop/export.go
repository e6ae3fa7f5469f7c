package interop

// The buffer protocol for Go images and gonum matrices (semantics.md
// §25): types of other packages cannot gain methods, so small wrapper
// types export them, and the adapters of this package (AsImage, AsMatrix)
// export the views they wrap.

import (
	"image"

	"github.com/ndkit/ndkit/ndview"
	"gonum.org/v1/gonum/mat"
)

// ImageBuffer exports the pixels of a Go image as an ndview.Buffer, so
// that ndview.ViewOf and ndview.MemoryViewOf view them (format "B", the
// layout of FromImage). It shares the image's Pix: nothing needs
// releasing.
type ImageBuffer struct{ Image image.Image }

// ExportBuffer implements ndview.Exporter with FromImage's view of the
// image, and returns FromImage's errors (ndview.ErrType for image types it
// does not view).
func (e ImageBuffer) ExportBuffer() (ndview.Buffer, error) {
	v, err := FromImage(e.Image)
	if err != nil {
		return ndview.Buffer{}, err
	}
	return v.ExportBuffer()
}

// MatrixBuffer exports the storage of a gonum matrix with raw storage
// (*mat.Dense and anything else with RawMatrix) as an ndview.Buffer: format
// "d", shape (Rows, Cols), byte strides (8·Stride, 8). It shares the
// matrix's Data: nothing needs releasing.
type MatrixBuffer struct{ Matrix mat.RawMatrixer }

// ExportBuffer implements ndview.Exporter with FromGeneral's view of the
// matrix, and returns FromGeneral's errors.
func (e MatrixBuffer) ExportBuffer() (ndview.Buffer, error) {
	v, err := FromGeneral(e.Matrix.RawMatrix())
	if err != nil {
		return ndview.Buffer{}, err
	}
	return v.ExportBuffer()
}

// VectorBuffer exports the storage of a gonum vector with raw storage
// (*mat.VecDense) as a 1-D ndview.Buffer of format "d". It shares the
// vector's Data: nothing needs releasing.
type VectorBuffer struct{ Vector mat.RawVectorer }

// ExportBuffer implements ndview.Exporter with FromVector's view of the
// vector, and returns FromVector's errors.
func (e VectorBuffer) ExportBuffer() (ndview.Buffer, error) {
	v, err := FromVector(e.Vector.RawVector())
	if err != nil {
		return ndview.Buffer{}, err
	}
	return v.ExportBuffer()
}

// ExportBuffer implements ndview.Exporter for the images AsImage returns:
// the visible pixels (Bounds, after SubImage) of the view it wraps.
func (p *viewImage) ExportBuffer() (ndview.Buffer, error) {
	r := p.rect
	return p.v.Slice(ndview.Range(r.Min.Y, r.Max.Y), ndview.Range(r.Min.X, r.Max.X)).ExportBuffer()
}

// ExportBuffer implements ndview.Exporter for the matrices AsMatrix
// returns: the view it wraps.
func (m *viewMatrix) ExportBuffer() (ndview.Buffer, error) { return m.v.ExportBuffer() }

// ExportBuffer implements ndview.Exporter for the complex matrices
// AsCMatrix returns: the view it wraps.
func (m *cViewMatrix) ExportBuffer() (ndview.Buffer, error) { return m.v.ExportBuffer() }

// ExportBuffer implements ndview.Exporter for the transposed matrices
// AsMatrix returns for column-major views: the view it wraps.
func (t *denseTranspose) ExportBuffer() (ndview.Buffer, error) { return t.base.v.T().ExportBuffer() }

// ExportBuffer implements ndview.Exporter for the transposed complex
// matrices AsCMatrix returns for column-major views: the view it wraps.
func (t *cDenseTranspose) ExportBuffer() (ndview.Buffer, error) { return t.base.v.T().ExportBuffer() }

var (
	_ ndview.Exporter = ImageBuffer{}
	_ ndview.Exporter = MatrixBuffer{}
	_ ndview.Exporter = VectorBuffer{}
	_ ndview.Exporter = (*viewImage)(nil)
	_ ndview.Exporter = (*viewMatrix)(nil)
	_ ndview.Exporter = (*cViewMatrix)(nil)
)
