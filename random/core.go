package random

import (
	"math"

	"github.com/ndkit/ndkit/ndview"
)

// Uniform floats, normals and exponentials (semantics.md RG3, RG4).

// Random returns a new array of the given shape of float64 samples from
// [0, 1) (Generator.random(size)): each is the upper 53 bits of a 64-bit
// draw times 2⁻⁵³.
func (g *Generator) Random(shape ...int) ndview.NDView[float64] {
	return newFilled(shape, g.random)
}

// RandomInto fills dst with what Random would return for dst's shape
// (Generator.random(out=dst)).
func (g *Generator) RandomInto(dst ndview.NDView[float64]) {
	fillInto("RandomInto", dst, g.random)
}

// random fills out with Float64 draws. The LCG's steps form one chain of
// dependent 128-bit multiplications; random runs two chains of double
// steps instead (states 1, 3, 5, … and 2, 4, 6, …, with multiplier a² and
// increment (a+1)·c), which the processor overlaps. The outputs are the
// same states' in the same order (BenchmarkRandom: about 1.3× one chain).
func (g *Generator) random(out []float64) {
	p := &g.bg
	hi, lo, ih, il := p.hi, p.lo, p.incHi, p.incLo
	var r uint64
	if len(out)%2 == 1 {
		hi, lo, r = next(hi, lo, ih, il)
		out[0] = toDouble(r)
		out = out[1:]
	}
	if len(out) > 0 {
		m2h, m2l := mul128(pcgMultHi, pcgMultLo, pcgMultHi, pcgMultLo)
		a1h, a1l := add128(pcgMultHi, pcgMultLo, 0, 1)
		c2h, c2l := mul128(a1h, a1l, ih, il)
		var ra, rb uint64
		ah, al, ra := next(hi, lo, ih, il)
		bh, bl, rb := next(ah, al, ih, il)
		for i := 0; ; i += 2 {
			out[i] = toDouble(ra)
			out[i+1] = toDouble(rb)
			if i+2 >= len(out) {
				break
			}
			ah, al, ra = next2(ah, al, m2h, m2l, c2h, c2l)
			bh, bl, rb = next2(bh, bl, m2h, m2l, c2h, c2l)
		}
		hi, lo = bh, bl
	}
	p.hi, p.lo = hi, lo
}

// RandomFloat32 returns a new array of float32 samples from [0, 1)
// (Generator.random(size, dtype=np.float32)): each is the upper 24 bits of
// a 32-bit draw times 2⁻²⁴, two per 64-bit output.
func (g *Generator) RandomFloat32(shape ...int) ndview.NDView[float32] {
	return newFilled(shape, g.randomF)
}

// RandomFloat32Into fills dst as RandomFloat32 would
// (Generator.random(dtype=np.float32, out=dst)).
func (g *Generator) RandomFloat32Into(dst ndview.NDView[float32]) {
	fillInto("RandomFloat32Into", dst, g.randomF)
}

func (g *Generator) randomF(out []float32) {
	p := &g.bg
	for i := range out {
		out[i] = p.Float32()
	}
}

// StandardNormal returns a new array of samples of the standard normal
// distribution (Generator.standard_normal(size)), drawn with NumPy's
// ziggurat.
func (g *Generator) StandardNormal(shape ...int) ndview.NDView[float64] {
	return newFilled(shape, g.standardNormal)
}

// StandardNormalInto fills dst as StandardNormal would
// (Generator.standard_normal(out=dst)).
func (g *Generator) StandardNormalInto(dst ndview.NDView[float64]) {
	fillInto("StandardNormalInto", dst, g.standardNormal)
}

// standardNormal fills out with standardNormal draws: the first layer
// test of the ziggurat (99.3% of draws) inline with the state in
// registers, the rest through PCG64.normalSlow.
func (g *Generator) standardNormal(out []float64) {
	p := &g.bg
	hi, lo, ih, il := p.hi, p.lo, p.incHi, p.incLo
	var r uint64
	for i := range out {
		hi, lo, r = next(hi, lo, ih, il)
		x, idx, rabs, ok := normalFast(r)
		if ok {
			out[i] = x
			continue
		}
		p.hi, p.lo = hi, lo
		if v, ok := p.normalSlow(idx, rabs, x); ok {
			out[i] = v
		} else {
			out[i] = p.standardNormal()
		}
		hi, lo = p.hi, p.lo
	}
	p.hi, p.lo = hi, lo
}

// StandardNormalFloat32 returns a new array of float32 standard normal
// samples (Generator.standard_normal(size, dtype=np.float32)): NumPy's
// float32 ziggurat, one 32-bit draw per sample, not the float64 samples
// rounded.
func (g *Generator) StandardNormalFloat32(shape ...int) ndview.NDView[float32] {
	return newFilled(shape, g.standardNormalF)
}

// StandardNormalFloat32Into fills dst as StandardNormalFloat32 would.
func (g *Generator) StandardNormalFloat32Into(dst ndview.NDView[float32]) {
	fillInto("StandardNormalFloat32Into", dst, g.standardNormalF)
}

func (g *Generator) standardNormalF(out []float32) {
	p := &g.bg
	for i := range out {
		out[i] = p.standardNormalF()
	}
}

// Normal returns a new array of samples of the normal distribution with
// mean loc and standard deviation scale (Generator.normal(loc, scale,
// size)): loc + scale·z for standard normal z. It panics with ErrParam
// when scale < 0 (−0 included, as NumPy's sign-bit test; NaN passes).
func (g *Generator) Normal(loc, scale float64, shape ...int) ndview.NDView[float64] {
	checkNonNeg("Normal", "scale", scale)
	return newFilled(shape, g.normal(loc, scale))
}

// NormalInto fills dst as Normal would.
func (g *Generator) NormalInto(dst ndview.NDView[float64], loc, scale float64) {
	checkNonNeg("NormalInto", "scale", scale)
	fillInto("NormalInto", dst, g.normal(loc, scale))
}

func (g *Generator) normal(loc, scale float64) func([]float64) {
	return func(out []float64) {
		p := &g.bg
		for i := range out {
			out[i] = loc + float64(scale*p.standardNormal())
		}
	}
}

// Uniform returns a new array of samples from [low, high)
// (Generator.uniform(low, high, size)): low + (high−low)·u for u from
// Random. It panics with ErrParam when high − low is not finite or is
// negative (NumPy's OverflowError and ValueError).
func (g *Generator) Uniform(low, high float64, shape ...int) ndview.NDView[float64] {
	return newFilled(shape, g.uniform("Uniform", low, high))
}

// UniformInto fills dst as Uniform would.
func (g *Generator) UniformInto(dst ndview.NDView[float64], low, high float64) {
	fillInto("UniformInto", dst, g.uniform("UniformInto", low, high))
}

func (g *Generator) uniform(op string, low, high float64) func([]float64) {
	rng := high - low
	if math.IsInf(rng, 0) || math.IsNaN(rng) {
		panicf(op, ErrParam, "high - low range exceeds valid bounds (low %v, high %v)", low, high)
	}
	checkNonNeg(op, "high - low", rng)
	return func(out []float64) {
		p := &g.bg
		for i := range out {
			out[i] = low + float64(rng*p.Float64())
		}
	}
}

// StandardExponential returns a new array of samples of the exponential
// distribution with mean 1 (Generator.standard_exponential(size)), drawn
// with NumPy's ziggurat (method='zig').
func (g *Generator) StandardExponential(shape ...int) ndview.NDView[float64] {
	return newFilled(shape, g.standardExponential)
}

// StandardExponentialInto fills dst as StandardExponential would.
func (g *Generator) StandardExponentialInto(dst ndview.NDView[float64]) {
	fillInto("StandardExponentialInto", dst, g.standardExponential)
}

func (g *Generator) standardExponential(out []float64) {
	p := &g.bg
	for i := range out {
		out[i] = p.standardExponential()
	}
}

// StandardExponentialFloat32 returns a new array of float32 samples
// (Generator.standard_exponential(size, dtype=np.float32)).
func (g *Generator) StandardExponentialFloat32(shape ...int) ndview.NDView[float32] {
	return newFilled(shape, g.standardExponentialF)
}

// StandardExponentialFloat32Into fills dst as StandardExponentialFloat32
// would.
func (g *Generator) StandardExponentialFloat32Into(dst ndview.NDView[float32]) {
	fillInto("StandardExponentialFloat32Into", dst, g.standardExponentialF)
}

func (g *Generator) standardExponentialF(out []float32) {
	p := &g.bg
	for i := range out {
		out[i] = p.standardExponentialF()
	}
}

// Exponential returns a new array of samples of the exponential
// distribution with mean scale (Generator.exponential(scale, size)):
// scale·e for standard exponential e. It panics with ErrParam when
// scale < 0.
func (g *Generator) Exponential(scale float64, shape ...int) ndview.NDView[float64] {
	checkNonNeg("Exponential", "scale", scale)
	return newFilled(shape, g.exponential(scale))
}

// ExponentialInto fills dst as Exponential would.
func (g *Generator) ExponentialInto(dst ndview.NDView[float64], scale float64) {
	checkNonNeg("ExponentialInto", "scale", scale)
	fillInto("ExponentialInto", dst, g.exponential(scale))
}

func (g *Generator) exponential(scale float64) func([]float64) {
	return func(out []float64) {
		p := &g.bg
		for i := range out {
			out[i] = scale * p.standardExponential()
		}
	}
}

// checkNonNeg is NumPy's CONS_NON_NEGATIVE: a set sign bit fails (−0
// included), NaN passes.
func checkNonNeg(op, name string, v float64) {
	if !math.IsNaN(v) && math.Signbit(v) {
		panicf(op, ErrParam, "%s < 0 (%s = %v)", name, name, v)
	}
}

// checkPositive is NumPy's CONS_POSITIVE: v <= 0 fails, NaN passes.
func checkPositive(op, name string, v float64) {
	if v <= 0 {
		panicf(op, ErrParam, "%s <= 0 (%s = %v)", name, name, v)
	}
}
