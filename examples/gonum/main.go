// Command gonum hands strided ndkit views of one large data matrix to gonum
// without copying it: a least-squares fit on every other row, and a
// covariance matrix through a transposed view. It prints the results and
// shows, by comparing addresses and by writing through the views, that
// gonum worked on the original data.
//
// Usage:
//
//	go run ./examples/gonum
package main

import (
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"os"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/ndkit/ndkit/interop"
	"github.com/ndkit/ndkit/ndview"
)

func main() {
	if err := run(os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run builds a data matrix whose last column is a noisy linear function of
// the others, and analyses it through views.
func run(w io.Writer) error {
	const rows, cols = 200_000, 5 // 4 features and a response
	beta := []float64{1.5, -2, 0.25, 3}
	rng := rand.New(rand.NewPCG(1, 2))
	data := make([]float64, rows*cols)
	for i := range rows {
		row := data[i*cols : (i+1)*cols]
		y := 0.0
		for j := range cols - 1 {
			row[j] = rng.NormFloat64()
			y += beta[j] * row[j]
		}
		row[cols-1] = y + 0.01*rng.NormFloat64()
	}
	m, err := ndview.FromSlice(data, rows, cols)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "data matrix: shape %v, %d MB\n\n", m.Shape(), m.NBytes()>>20)

	// Least squares on every other row: X = m[::2, :4], y = m[::2, 4].
	// Both are views with a row stride of 2·cols; AsDense and AsVecDense
	// hand them to gonum as they are.
	xv, err := m.Index("::2, :4")
	if err != nil {
		return err
	}
	yv, err := m.Index("::2, 4")
	if err != nil {
		return err
	}
	x, err := interop.AsDense(xv)
	if err != nil {
		return err
	}
	y, err := interop.AsVecDense(yv)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "X = m[::2, :4]: shape %v strides %v -> mat.Dense stride %d, shares data: %v\n",
		xv.Shape(), xv.Strides(), x.RawMatrix().Stride, &x.RawMatrix().Data[0] == &data[0])
	fmt.Fprintf(w, "y = m[::2, 4]:  shape %v strides %v -> mat.VecDense inc %d, shares data: %v\n",
		yv.Shape(), yv.Strides(), y.RawVector().Inc, &y.RawVector().Data[0] == &data[4])
	var qr mat.QR
	qr.Factorize(x)
	var fit mat.VecDense
	if err := qr.SolveVecTo(&fit, false, y); err != nil {
		return err
	}
	fmt.Fprintf(w, "least squares on %d rows: beta = %.3f (true %v)\n\n", xv.Shape()[0], mat.Formatted(fit.T(), mat.Squeeze()), beta)

	// Covariance of the four features, centred in place through column
	// views, then X^T X through a transposed view: AsMatrix(xs.T()) offers
	// gonum the row-major matrix underneath, so Mul takes its BLAS path.
	xs, err := m.Index(":, :4")
	if err != nil {
		return err
	}
	for j, col := range xs.Axis(1) {
		vec, err := interop.AsVecDense(col)
		if err != nil {
			return err
		}
		mean := mat.Sum(vec) / rows
		col.Apply(func(v float64) float64 { return v - mean })
		if j == 0 {
			fmt.Fprintf(w, "column view m[:, 0]: strides %v, centred in place (mean was %.4f)\n", col.Strides(), mean)
		}
	}
	xd, err := interop.AsDense(xs)
	if err != nil {
		return err
	}
	var cov mat.Dense
	cov.Mul(interop.AsMatrix(xs.T()), xd)
	cov.Scale(1/float64(rows-1), &cov)
	fmt.Fprintf(w, "covariance via X^T X on views:\n%.3f\n", mat.Formatted(&cov, mat.Prefix(""), mat.Squeeze()))

	// Check against gonum's own routine on a copy of the same columns.
	var ref mat.SymDense
	stat.CovarianceMatrix(&ref, mat.DenseCopyOf(xd), nil)
	fmt.Fprintf(w, "equal to stat.CovarianceMatrix on a copy: %v\n\n", mat.EqualApprox(&cov, &ref, 1e-9))

	// Zero-copy proof: a write through gonum is seen through ndkit.
	x.Set(0, 0, 42)
	fmt.Fprintf(w, "x.Set(0, 0, 42) through gonum -> m.At(0, 0) = %v\n", m.At(0, 0))
	return nil
}
