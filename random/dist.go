package random

import "github.com/ndkit/ndkit/ndview"

// Gamma, beta, binomial and Poisson (semantics.md RG3, RG5).

// StandardGamma returns a new array of samples of the gamma distribution
// with the given shape and scale 1 (Generator.standard_gamma(shape,
// size)). It panics with ErrParam when shape < 0 (−0 included; NaN
// passes, as in NumPy).
func (g *Generator) StandardGamma(shape float64, dims ...int) ndview.NDView[float64] {
	checkNonNeg("StandardGamma", "shape", shape)
	return newFilled(dims, g.gamma(shape, 1, false))
}

// StandardGammaInto fills dst as StandardGamma would.
func (g *Generator) StandardGammaInto(dst ndview.NDView[float64], shape float64) {
	checkNonNeg("StandardGammaInto", "shape", shape)
	fillInto("StandardGammaInto", dst, g.gamma(shape, 1, false))
}

// StandardGammaFloat32 returns a new array of float32 gamma samples
// (Generator.standard_gamma(shape, size, dtype=np.float32)): NumPy's
// float32 sampler, on 32-bit draws with glibc's logf and powf. It panics
// with ErrParam when shape < 0.
func (g *Generator) StandardGammaFloat32(shape float32, dims ...int) ndview.NDView[float32] {
	checkNonNeg("StandardGammaFloat32", "shape", float64(shape))
	return newFilled(dims, g.gammaF(shape))
}

// StandardGammaFloat32Into fills dst as StandardGammaFloat32 would.
func (g *Generator) StandardGammaFloat32Into(dst ndview.NDView[float32], shape float32) {
	checkNonNeg("StandardGammaFloat32Into", "shape", float64(shape))
	fillInto("StandardGammaFloat32Into", dst, g.gammaF(shape))
}

// Gamma returns a new array of samples of the gamma distribution
// (Generator.gamma(shape, scale, size)): scale times a standard gamma
// sample. It panics with ErrParam when shape or scale is negative.
func (g *Generator) Gamma(shape, scale float64, dims ...int) ndview.NDView[float64] {
	checkNonNeg("Gamma", "shape", shape)
	checkNonNeg("Gamma", "scale", scale)
	return newFilled(dims, g.gamma(shape, scale, true))
}

// GammaInto fills dst as Gamma would.
func (g *Generator) GammaInto(dst ndview.NDView[float64], shape, scale float64) {
	checkNonNeg("GammaInto", "shape", shape)
	checkNonNeg("GammaInto", "scale", scale)
	fillInto("GammaInto", dst, g.gamma(shape, scale, true))
}

func (g *Generator) gamma(shape, scale float64, scaled bool) func([]float64) {
	return func(out []float64) {
		p := &g.bg
		for i := range out {
			x := p.standardGamma(shape)
			if scaled {
				x *= scale
			}
			out[i] = x
		}
	}
}

func (g *Generator) gammaF(shape float32) func([]float32) {
	return func(out []float32) {
		p := &g.bg
		for i := range out {
			out[i] = p.standardGammaF(shape)
		}
	}
}

// Beta returns a new array of samples of the beta distribution
// (Generator.beta(a, b, size)): Johnk's algorithm when a and b are at
// most 1, X/(X+Y) for gamma samples X, Y otherwise. It panics with
// ErrParam when a <= 0 or b <= 0.
func (g *Generator) Beta(a, b float64, dims ...int) ndview.NDView[float64] {
	checkPositive("Beta", "a", a)
	checkPositive("Beta", "b", b)
	return newFilled(dims, g.beta(a, b))
}

// BetaInto fills dst as Beta would.
func (g *Generator) BetaInto(dst ndview.NDView[float64], a, b float64) {
	checkPositive("BetaInto", "a", a)
	checkPositive("BetaInto", "b", b)
	fillInto("BetaInto", dst, g.beta(a, b))
}

func (g *Generator) beta(a, b float64) func([]float64) {
	return func(out []float64) {
		p := &g.bg
		for i := range out {
			out[i] = p.beta(a, b)
		}
	}
}

// Binomial returns a new array of samples of the binomial distribution
// with n trials of success probability p (Generator.binomial(n, p,
// size)): NumPy's inversion when min(p, 1−p)·n <= 30, its BTPE sampler
// otherwise. It panics with ErrParam when n < 0 or p is outside [0, 1]
// or NaN.
func (g *Generator) Binomial(n int64, p float64, dims ...int) ndview.NDView[int64] {
	checkBinomial("Binomial", n, p)
	return newFilled(dims, g.binomial(n, p))
}

// BinomialInto fills dst as Binomial would.
func (g *Generator) BinomialInto(dst ndview.NDView[int64], n int64, p float64) {
	checkBinomial("BinomialInto", n, p)
	fillInto("BinomialInto", dst, g.binomial(n, p))
}

func checkBinomial(op string, n int64, p float64) {
	if !(p >= 0 && p <= 1) {
		panicf(op, ErrParam, "p < 0, p > 1 or p is NaN (p = %v)", p)
	}
	if n < 0 {
		panicf(op, ErrParam, "n < 0 (n = %d)", n)
	}
}

func (g *Generator) binomial(n int64, prob float64) func([]int64) {
	return func(out []int64) {
		var lo, hi *binomialSetup
		if n != 0 && prob != 0 {
			if prob <= 0.5 {
				lo = newBinomialSetup(n, prob)
			} else {
				hi = newBinomialSetup(n, 1.0-prob)
			}
		}
		p := &g.bg
		for i := range out {
			out[i] = p.binomial(n, prob, lo, hi)
		}
	}
}

// Poisson returns a new array of samples of the Poisson distribution with
// mean lam (Generator.poisson(lam, size)): products of uniforms below 10,
// Hörmann's PTRS rejection from 10 on. It panics with ErrParam when lam
// is negative, NaN or above NumPy's limit of about 9.2·10¹⁸.
func (g *Generator) Poisson(lam float64, dims ...int) ndview.NDView[int64] {
	checkPoisson("Poisson", lam)
	return newFilled(dims, g.poisson(lam))
}

// PoissonInto fills dst as Poisson would.
func (g *Generator) PoissonInto(dst ndview.NDView[int64], lam float64) {
	checkPoisson("PoissonInto", lam)
	fillInto("PoissonInto", dst, g.poisson(lam))
}

func checkPoisson(op string, lam float64) {
	if !(lam >= 0) {
		panicf(op, ErrParam, "lam < 0 or lam is NaN (lam = %v)", lam)
	}
	if !(lam <= poissonLamMax) {
		panicf(op, ErrParam, "lam value too large (lam = %v, at most %v)", lam, poissonLamMax)
	}
}

func (g *Generator) poisson(lam float64) func([]int64) {
	return func(out []int64) {
		var pt *ptrsSetup
		if lam >= 10 {
			pt = newPTRSSetup(lam)
		}
		p := &g.bg
		for i := range out {
			out[i] = p.poisson(lam, pt)
		}
	}
}
