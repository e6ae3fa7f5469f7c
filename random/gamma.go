package random

import (
	"math"

	"github.com/ndkit/ndkit/random/internal/libm"
)

// Gamma and beta samplers (distributions.c) with glibc's log and pow
// (semantics.md RG5).

// standardGamma is random_standard_gamma: Marsaglia and Tsang's method
// for shape > 1, Johnk's rejection for shape < 1.
func (p *PCG64) standardGamma(shape float64) float64 {
	switch {
	case shape == 1.0:
		return p.standardExponential()
	case shape == 0.0:
		return 0.0
	case shape < 1.0:
		inv := 1. / shape
		for {
			U := p.Float64()
			V := p.standardExponential()
			if U <= 1.0-shape {
				X := libm.Pow(U, inv)
				if X <= V {
					return X
				}
			} else {
				Y := -libm.Log((1 - U) / shape)
				X := libm.Pow(1.0-shape+float64(shape*Y), inv)
				if X <= V+Y {
					return X
				}
			}
		}
	}
	b := shape - 1./3.
	c := 1. / math.Sqrt(9*b)
	for {
		var X, V float64
		for {
			X = p.standardNormal()
			V = 1.0 + float64(c*X)
			if V > 0.0 {
				break
			}
		}
		V = V * V * V
		U := p.Float64()
		if U < 1.0-float64(0.0331*(X*X)*(X*X)) {
			return b * V
		}
		if libm.Log(U) < float64(0.5*X*X)+float64(b*(1.-V+libm.Log(V))) {
			return b * V
		}
	}
}

// standardGammaF is random_standard_gamma_f, in float32 with expf-,
// logf- and powf-based steps.
func (p *PCG64) standardGammaF(shape float32) float32 {
	switch {
	case shape == 1.0:
		return p.standardExponentialF()
	case shape == 0.0:
		return 0.0
	case shape < 1.0:
		inv := float32(1.0) / shape
		for {
			U := p.Float32()
			V := p.standardExponentialF()
			if U <= 1.0-shape {
				X := libm.Powf(U, inv)
				if X <= V {
					return X
				}
			} else {
				Y := -libm.Logf((1.0 - U) / shape)
				X := libm.Powf(1.0-shape+float32(shape*Y), inv)
				if X <= V+Y {
					return X
				}
			}
		}
	}
	b := shape - float32(1.0)/float32(3.0)
	c := float32(1.0) / float32(math.Sqrt(float64(float32(9.0)*b)))
	for {
		var X, V float32
		for {
			X = p.standardNormalF()
			V = 1.0 + float32(c*X)
			if V > 0.0 {
				break
			}
		}
		V = V * V * V
		U := p.Float32()
		if U < 1.0-float32(float32(0.0331*(X*X))*(X*X)) {
			return b * V
		}
		if libm.Logf(U) < float32(float32(0.5*X)*X)+float32(b*(1.0-V+libm.Logf(V))) {
			return b * V
		}
	}
}

// beta is random_beta: Johnk's algorithm when a, b <= 1, else a ratio
// of gammas.
func (p *PCG64) beta(a, b float64) float64 {
	if a <= 1.0 && b <= 1.0 {
		ia, ib := 1.0/a, 1.0/b
		for {
			U := p.Float64()
			V := p.Float64()
			X := libm.Pow(U, ia)
			Y := libm.Pow(V, ib)
			XpY := X + Y
			// Reject if both U and V are 0.0, about 1 in 10^106.
			if XpY <= 1.0 && XpY > 0.0 {
				if X+Y > 0 {
					return X / XpY
				}
				logX := libm.Log(U) / a
				logY := libm.Log(V) / b
				logM := logY
				if logX > logY {
					logM = logX
				}
				logX -= logM
				logY -= logM
				return libm.Exp(logX - libm.Log(libm.Exp(logX)+libm.Exp(logY)))
			}
		}
	}
	Ga := p.standardGamma(a)
	Gb := p.standardGamma(b)
	return Ga / (Ga + Gb)
}
