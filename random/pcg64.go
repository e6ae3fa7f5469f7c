package random

import "math/bits"

// PCG64's multiplier, NumPy's PCG_DEFAULT_MULTIPLIER_128
// (2549297995355413924·2⁶⁴ + 4865540595714422341).
const (
	pcgMultHi = 2549297995355413924
	pcgMultLo = 4865540595714422341
)

// jumpStep is the step of Jumped, NumPy's (φ−1)·2¹²⁸ rounded to an odd
// integer: 0x9e3779b97f4a7c15f39cc0605cedc835.
const (
	jumpHi = 0x9e3779b97f4a7c15
	jumpLo = 0xf39cc0605cedc835
)

// PCG64 is NumPy's PCG64 bit generator (numpy.random.PCG64): a 128-bit
// linear congruential generator with NumPy's multiplier whose 64-bit
// outputs are the XSL-RR permutation of the state (the upper and lower
// halves xor-ed, rotated right by the top 6 bits). It is not math/rand/v2's
// PCG, which uses another multiplier and output function.
//
// A PCG64 keeps, as NumPy's does, the upper half of a 64-bit output that
// Uint32 has not yet handed out, so that two calls of Uint32 consume one
// 64-bit output (semantics.md RG2). The zero value is not seeded; use
// NewPCG64. A PCG64 is not safe for concurrent use.
type PCG64 struct {
	hi, lo       uint64 // the 128-bit state
	incHi, incLo uint64 // the 128-bit increment (odd)
	hasUint32    bool   // uinteger holds an unused upper half
	uinteger     uint32
}

// NewPCG64 returns the PCG64 that numpy.random.PCG64(seed) builds from the
// seed sequence ss: four 64-bit words of ss.GenerateState64 give the
// initial state (the first two) and the stream (the last two).
func NewPCG64(ss *SeedSequence) *PCG64 {
	w := ss.GenerateState64(4)
	p := &PCG64{}
	p.setSeed(w[0], w[1], w[2], w[3])
	return p
}

// setSeed is NumPy's pcg_setseq_128_srandom_r: inc = initseq<<1 | 1,
// state = 0, step, state += initstate, step.
func (p *PCG64) setSeed(stateHi, stateLo, seqHi, seqLo uint64) {
	p.incHi = seqHi<<1 | seqLo>>63
	p.incLo = seqLo<<1 | 1
	p.hi, p.lo = 0, 0
	p.step()
	var c uint64
	p.lo, c = bits.Add64(p.lo, stateLo, 0)
	p.hi, _ = bits.Add64(p.hi, stateHi, c)
	p.step()
	p.hasUint32, p.uinteger = false, 0
}

// next advances a state held in local variables once (state =
// state·mult + inc mod 2¹²⁸) and returns the new state and its XSL-RR
// output. The fill loops keep the state in registers with it; Uint64
// uses it on the struct.
func next(hi, lo, incHi, incLo uint64) (nhi, nlo, out uint64) {
	return next2(hi, lo, pcgMultHi, pcgMultLo, incHi, incLo)
}

// next2 is next with another multiplier and increment: random's double
// steps.
func next2(hi, lo, mh, ml, ch, cl uint64) (nhi, nlo, out uint64) {
	h, l := bits.Mul64(lo, ml)
	h += hi*ml + lo*mh
	nlo, c := bits.Add64(l, cl, 0)
	nhi = h + ch + c
	return nhi, nlo, bits.RotateLeft64(nhi^nlo, -int(nhi>>58))
}

// Uint64 advances the state and returns its next 64-bit output
// (NumPy's next_uint64).
func (p *PCG64) Uint64() uint64 {
	var out uint64
	p.hi, p.lo, out = next(p.hi, p.lo, p.incHi, p.incLo)
	return out
}

// step advances the LCG once, discarding the output.
func (p *PCG64) step() { p.Uint64() }

// Uint32 returns the next 32-bit output (NumPy's next_uint32): the lower
// half of a fresh 64-bit output, and on the following call its upper half.
func (p *PCG64) Uint32() uint32 {
	if p.hasUint32 {
		p.hasUint32 = false
		return p.uinteger
	}
	x := p.Uint64()
	p.hasUint32 = true
	p.uinteger = uint32(x >> 32)
	return uint32(x)
}

// Float64 returns a float64 in [0, 1) from the upper 53 bits of the next
// 64-bit output (NumPy's next_double).
func (p *PCG64) Float64() float64 { return toDouble(p.Uint64()) }

// toDouble is NumPy's uint64_to_double: the upper 53 bits times 2⁻⁵³.
func toDouble(x uint64) float64 { return float64(x>>11) * (1.0 / 9007199254740992.0) }

// Float32 returns a float32 in [0, 1) from the upper 24 bits of the next
// 32-bit output (NumPy's next_float).
func (p *PCG64) Float32() float32 {
	return float32(p.Uint32()>>8) * (1.0 / 16777216.0)
}

// State returns the 128-bit state and increment as (high, low) word pairs,
// and the buffered upper half of Uint32 if there is one: the contents of
// NumPy's PCG64.state dictionary.
func (p *PCG64) State() (stateHi, stateLo, incHi, incLo uint64, hasUint32 bool, uinteger uint32) {
	return p.hi, p.lo, p.incHi, p.incLo, p.hasUint32, p.uinteger
}

// SetState sets the state as NumPy's PCG64.state setter does. The
// increment must be odd, as every increment PCG64 makes is; SetState
// panics otherwise.
func (p *PCG64) SetState(stateHi, stateLo, incHi, incLo uint64, hasUint32 bool, uinteger uint32) {
	if incLo&1 == 0 {
		panicf("PCG64.SetState", ErrParam, "increment %#x%016x is even; PCG64 increments are odd", incHi, incLo)
	}
	p.hi, p.lo, p.incHi, p.incLo = stateHi, stateLo, incHi, incLo
	p.hasUint32, p.uinteger = hasUint32, uinteger
}

// Advance moves p on as if 2⁶⁴·deltaHi + deltaLo 64-bit outputs had been
// drawn, in O(log delta) steps, and drops the buffered half of Uint32
// (numpy.random.PCG64.advance).
func (p *PCG64) Advance(deltaHi, deltaLo uint64) {
	// pcg_advance_lcg_128: accumulate mult and plus by squaring.
	accMH, accML := uint64(0), uint64(1)
	accPH, accPL := uint64(0), uint64(0)
	curMH, curML := uint64(pcgMultHi), uint64(pcgMultLo)
	curPH, curPL := p.incHi, p.incLo
	for deltaHi != 0 || deltaLo != 0 {
		if deltaLo&1 != 0 {
			accMH, accML = mul128(accMH, accML, curMH, curML)
			accPH, accPL = mul128(accPH, accPL, curMH, curML)
			accPH, accPL = add128(accPH, accPL, curPH, curPL)
		}
		m1H, m1L := add128(curMH, curML, 0, 1)
		curPH, curPL = mul128(m1H, m1L, curPH, curPL)
		curMH, curML = mul128(curMH, curML, curMH, curML)
		deltaLo = deltaLo>>1 | deltaHi<<63
		deltaHi >>= 1
	}
	h, l := mul128(accMH, accML, p.hi, p.lo)
	p.hi, p.lo = add128(h, l, accPH, accPL)
	p.hasUint32, p.uinteger = false, 0
}

// Jumped returns a new PCG64 whose state is p's advanced by jumps times
// (φ−1)·2¹²⁸ steps (numpy.random.PCG64.jumped): a stream that will not
// overlap p's for any practical length. p is not changed.
func (p *PCG64) Jumped(jumps uint64) *PCG64 {
	q := *p
	h, l := mul128(jumpHi, jumpLo, 0, jumps)
	q.Advance(h, l)
	return &q
}

// mul128 returns a·b mod 2¹²⁸.
func mul128(aHi, aLo, bHi, bLo uint64) (hi, lo uint64) {
	hi, lo = bits.Mul64(aLo, bLo)
	hi += aHi*bLo + aLo*bHi
	return hi, lo
}

// add128 returns a+b mod 2¹²⁸.
func add128(aHi, aLo, bHi, bLo uint64) (hi, lo uint64) {
	var c uint64
	lo, c = bits.Add64(aLo, bLo, 0)
	hi, _ = bits.Add64(aHi, bHi, c)
	return hi, lo
}
