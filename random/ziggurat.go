package random

import "github.com/ndkit/ndkit/random/internal/libm"

// The samplers of NumPy's numpy/random/src/distributions/distributions.c,
// one per function, in the same order of draws and the same floating-point
// operations (semantics.md RG3). Products that are then added are written
// float64(x*y) + z, so that the compiler never fuses them into one FMA,
// which C does not do either. exp, log1p and their float32 twins are
// glibc's, from internal/libm (RG5).

// standardNormal is random_standard_normal: NumPy's 256-layer ziggurat
// over 52-bit mantissas, with Marsaglia's tail.
func (p *PCG64) standardNormal() float64 {
	for {
		x, idx, rabs, ok := normalFast(p.Uint64())
		if ok {
			return x // 99.3% of the time
		}
		if v, ok := p.normalSlow(idx, rabs, x); ok {
			return v
		}
	}
}

// normalFast is the first test of the ziggurat on the 64-bit draw r
// (8 bits of layer, a sign bit, 52 bits of mantissa): the sample and true
// when it lies inside its layer's rectangle, else what normalSlow needs.
func normalFast(r uint64) (x float64, idx, rabs uint64, ok bool) {
	idx = r & 0xff
	r >>= 8
	rabs = (r >> 1) & 0x000fffffffffffff
	x = float64(rabs) * wiDouble[idx]
	if r&1 != 0 {
		x = -x
	}
	return x, idx, rabs, rabs < kiDouble[idx]
}

// normalSlow finishes a draw of standardNormal whose first test failed:
// the tail beyond r for layer 0, the wedge test for the others. It
// reports false when the draw is rejected and a fresh one must follow.
func (p *PCG64) normalSlow(idx, rabs uint64, x float64) (float64, bool) {
	if idx == 0 {
		for {
			xx := -zigguratNorInvR * libm.Log1p(-p.Float64())
			yy := -libm.Log1p(-p.Float64())
			if yy+yy > xx*xx {
				if (rabs>>8)&1 != 0 {
					return -(zigguratNorR + xx), true
				}
				return zigguratNorR + xx, true
			}
		}
	}
	return x, float64((fiDouble[idx-1]-fiDouble[idx])*p.Float64())+fiDouble[idx] < libm.Exp(-0.5*x*x)
}

// standardNormalF is random_standard_normal_f: the float32 ziggurat over
// 23-bit mantissas of 32-bit draws. Its rejection test calls the float64
// exp, as NumPy's does.
func (p *PCG64) standardNormalF() float32 {
	for {
		r := p.Uint32()
		idx := r & 0xff
		sign := (r >> 8) & 1
		rabs := (r >> 9) & 0x0007fffff
		x := float32(rabs) * wiFloat[idx]
		if sign != 0 {
			x = -x
		}
		if rabs < kiFloat[idx] {
			return x
		}
		if idx == 0 {
			for {
				xx := -zigguratNorInvRF * libm.Log1pf(-p.Float32())
				yy := -libm.Log1pf(-p.Float32())
				if yy+yy > xx*xx {
					if (rabs>>8)&1 != 0 {
						return -(zigguratNorRF + xx)
					}
					return zigguratNorRF + xx
				}
			}
		}
		// C promotes to double: (float - float)*float + float is float,
		// then compared with the double exp(-0.5*x*x).
		u := float32((fiFloat[idx-1]-fiFloat[idx])*p.Float32()) + fiFloat[idx]
		xd := float64(x)
		if float64(u) < libm.Exp(-0.5*xd*xd) {
			return x
		}
	}
}

// standardExponential is random_standard_exponential: NumPy's
// exponential ziggurat.
func (p *PCG64) standardExponential() float64 {
	for {
		ri := p.Uint64()
		ri >>= 3
		idx := ri & 0xff
		ri >>= 8
		x := float64(ri) * weDouble[idx]
		if ri < keDouble[idx] {
			return x // 98.9% of the time
		}
		if idx == 0 {
			return zigguratExpR - libm.Log1p(-p.Float64())
		}
		if float64((feDouble[idx-1]-feDouble[idx])*p.Float64())+feDouble[idx] < libm.Exp(-x) {
			return x
		}
	}
}

// standardExponentialF is random_standard_exponential_f.
func (p *PCG64) standardExponentialF() float32 {
	for {
		ri := p.Uint32()
		ri >>= 1
		idx := ri & 0xff
		ri >>= 8
		x := float32(ri) * weFloat[idx]
		if ri < keFloat[idx] {
			return x
		}
		if idx == 0 {
			return zigguratExpRF - libm.Log1pf(-p.Float32())
		}
		if float32((feFloat[idx-1]-feFloat[idx])*p.Float32())+feFloat[idx] < libm.Expf(-x) {
			return x
		}
	}
}
