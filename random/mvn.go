package random

import (
	"math"

	"github.com/ndkit/ndkit/ndview"
	"gonum.org/v1/gonum/mat"
)

// MultivariateNormal returns a new array of samples of the multivariate
// normal distribution with the given mean (length d) and covariance
// (d×d) (Generator.multivariate_normal(mean, cov, size), method='svd'):
// its shape is dims followed by d. As NumPy does, it draws
// StandardNormal(dims..., d), factors cov = U·diag(s)·Vᵀ by a singular
// value decomposition and returns mean + z·(U·diag(√s))ᵀ for each row z.
//
// The standard normal draws are NumPy's bit for bit, so the generator's
// state afterwards is NumPy's. The samples agree with NumPy's to rounding
// (a few ulp of the largest term, semantics.md RG8) when the
// decomposition's singular vectors have LAPACK's signs; gonum's SVD, used
// here, is not LAPACK's dgesdd, and where a singular vector comes out with
// the opposite sign the samples differ though they have the same
// distribution. Degenerate (repeated) singular values leave the vectors
// themselves free, with the same effect.
//
// MultivariateNormal panics with ErrParam when len(mean) is 0 or cov is
// not d×d, and on a negative extent in dims. It returns an error wrapping
// ErrParam, drawing nothing, when cov is not symmetric positive
// semi-definite within NumPy's tolerance 1e-8, or contains NaN or an
// infinity, or when the decomposition fails (NumPy warns and goes on, or
// raises with check_valid='raise').
func (g *Generator) MultivariateNormal(mean []float64, cov ndview.NDView[float64], dims ...int) (ndview.NDView[float64], error) {
	f, err := mvnFactor("MultivariateNormal", mean, cov)
	if err != nil {
		return ndview.NDView[float64]{}, err
	}
	shape := append(append([]int{}, dims...), len(mean))
	out := ndview.Zeros[float64](shape...)
	data, _ := out.Data()
	g.mvnFill(data[:out.Size()], mean, f)
	return out, nil
}

// MultivariateNormalInto fills dst, whose last axis has extent len(mean),
// as MultivariateNormal would for dst's shape. It panics as
// MultivariateNormal does, and with ndview.ErrShape when dst is 0-d or
// its last extent is not len(mean), and with ndview.ErrReadOnly when dst
// is read-only; on an error nothing is drawn or written.
func (g *Generator) MultivariateNormalInto(dst ndview.NDView[float64], mean []float64, cov ndview.NDView[float64]) error {
	const op = "MultivariateNormalInto"
	if dst.ReadOnly() {
		panicf(op, ndview.ErrReadOnly, "destination is read-only")
	}
	if sh := dst.Shape(); len(sh) == 0 || sh[len(sh)-1] != len(mean) {
		panicf(op, ndview.ErrShape, "destination shape %s does not end in the dimension %d of mean", ndview.FormatShape(sh), len(mean))
	}
	f, err := mvnFactor(op, mean, cov)
	if err != nil {
		return err
	}
	fillInto(op, dst, func(out []float64) { g.mvnFill(out, mean, f) })
	return nil
}

// mvnFill draws the standard normals of out's shape in C order and maps
// each row z of length d to mean + z·fᵀ, summing over k in order.
func (g *Generator) mvnFill(out []float64, mean []float64, f [][]float64) {
	g.standardNormal(out)
	d := len(mean)
	z := make([]float64, d)
	for r := 0; r+d <= len(out); r += d {
		row := out[r : r+d]
		copy(z, row)
		for j := range row {
			fj := f[j]
			s := 0.0
			for k, zk := range z {
				s += float64(zk * fj[k])
			}
			row[j] = mean[j] + s
		}
	}
}

// mvnFactor validates mean and cov and returns U·diag(√s) as rows.
func mvnFactor(op string, mean []float64, cov ndview.NDView[float64]) ([][]float64, error) {
	d := len(mean)
	if d == 0 {
		panicf(op, ErrParam, "mean must have at least one element")
	}
	if sh := cov.Shape(); len(sh) != 2 || sh[0] != d || sh[1] != d {
		panicf(op, ErrParam, "cov has shape %s; it must be (%d, %d) for a mean of length %d", ndview.FormatShape(sh), d, d, d)
	}
	c := mat.NewDense(d, d, nil)
	for i := range d {
		for j := range d {
			v := cov.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, newError(op, ErrParam, "cov[%d, %d] = %v; the covariance must be finite", i, j, v)
			}
			c.Set(i, j, v)
		}
	}
	var svd mat.SVD
	if !svd.Factorize(c, mat.SVDFull) {
		return nil, newError(op, ErrParam, "the singular value decomposition of cov did not converge")
	}
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	s := svd.Values(nil)
	// NumPy's check: allclose(vhᵀ·diag(s)·vh, cov, rtol=1e-8, atol=1e-8).
	for i := range d {
		for j := range d {
			r := 0.0
			for k := range d {
				r += v.At(i, k) * s[k] * v.At(j, k)
			}
			if b := c.At(i, j); !(math.Abs(r-b) <= 1e-8+1e-8*math.Abs(b)) {
				return nil, newError(op, ErrParam, "covariance is not symmetric positive-semidefinite (at [%d, %d])", i, j)
			}
		}
	}
	f := make([][]float64, d)
	for j := range d {
		f[j] = make([]float64, d)
		for k := range d {
			f[j][k] = u.At(j, k) * math.Sqrt(s[k])
		}
	}
	return f, nil
}
