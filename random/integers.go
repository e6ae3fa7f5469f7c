package random

import (
	"math/bits"

	"github.com/ndkit/ndkit/ndview"
)

// Integer is the set of integer element types Integers draws: NumPy's
// int8 to int64 and uint8 to uint64, with Go's int and uint as the 64-bit
// ones.
type Integer interface {
	int8 | int16 | int32 | int64 | int | uint8 | uint16 | uint32 | uint64 | uint
}

// Integers returns a new array of int64 samples from [low, high)
// (Generator.integers(low, high, size), NumPy's default dtype and
// endpoint=False). It panics with ErrParam when low >= high.
func (g *Generator) Integers(low, high int64, shape ...int) ndview.NDView[int64] {
	return IntegersOf(g, low, high, false, shape...)
}

// IntegersInto fills dst as Integers would.
func (g *Generator) IntegersInto(dst ndview.NDView[int64], low, high int64) {
	IntegersOfInto(g, dst, low, high, false)
}

// IntegersOf returns a new array of samples of element type T from
// [low, high), or from [low, high] when endpoint is true
// (Generator.integers(low, high, size, dtype, endpoint)). NumPy's draws
// for dtype T: Lemire's bounded method on 64-bit draws when the range
// needs more than 32 bits, on 32-bit draws otherwise, and for 8- and
// 16-bit types on a 32-bit buffer that starts empty at every call
// (semantics.md RG6). A high one past T's largest value, as NumPy's
// integers(0, 256, dtype=np.uint8), is written with endpoint true:
// IntegersOf[uint8](g, 0, 255, true, ...) draws the same values.
//
// It panics with ErrParam when the interval is empty (low > high with
// endpoint, low >= high without), before drawing.
func IntegersOf[T Integer](g *Generator, low, high T, endpoint bool, shape ...int) ndview.NDView[T] {
	off, rng := intBounds("IntegersOf", low, high, endpoint)
	return newFilled(shape, func(out []T) { boundedFill(&g.bg, off, rng, out) })
}

// IntegersOfInto fills dst as IntegersOf would.
func IntegersOfInto[T Integer](g *Generator, dst ndview.NDView[T], low, high T, endpoint bool) {
	off, rng := intBounds("IntegersOfInto", low, high, endpoint)
	fillInto("IntegersOfInto", dst, func(out []T) { boundedFill(&g.bg, off, rng, out) })
}

// intBounds returns NumPy's off and rng (the draws lie in
// [off, off+rng] modulo the width of T) or panics on an empty interval.
func intBounds[T Integer](op string, low, high T, endpoint bool) (off, rng uint64) {
	if low > high || (!endpoint && low == high) {
		if endpoint {
			panicf(op, ErrParam, "low > high (low %v, high %v)", low, high)
		}
		panicf(op, ErrParam, "low >= high (low %v, high %v)", low, high)
	}
	if !endpoint {
		high--
	}
	return uint64(low), uint64(high) - uint64(low)
}

// boundedFill dispatches on the width of T to NumPy's
// random_bounded_uintN_fill with use_masked false.
func boundedFill[T Integer](p *PCG64, off, rng uint64, out []T) {
	switch o := any(out).(type) {
	case []int8:
		bounded8(p, uint8(off), uint8(rng), o)
	case []uint8:
		bounded8(p, uint8(off), uint8(rng), o)
	case []int16:
		bounded16(p, uint16(off), uint16(rng), o)
	case []uint16:
		bounded16(p, uint16(off), uint16(rng), o)
	case []int32:
		bounded32(p, uint32(off), uint32(rng), o)
	case []uint32:
		bounded32(p, uint32(off), uint32(rng), o)
	case []int64:
		bounded64(p, off, rng, o)
	case []uint64:
		bounded64(p, off, rng, o)
	case []int:
		bounded64(p, off, rng, o)
	case []uint:
		bounded64(p, off, rng, o)
	}
}

// bounded64 is random_bounded_uint64_fill: ranges that fit 32 bits use
// 32-bit draws.
func bounded64[T int64 | uint64 | int | uint](p *PCG64, off, rng uint64, out []T) {
	switch {
	case rng == 0:
		for i := range out {
			out[i] = T(off)
		}
	case rng == 0xFFFFFFFF:
		for i := range out {
			out[i] = T(off + uint64(p.Uint32()))
		}
	case rng < 0xFFFFFFFF:
		r := uint32(rng)
		for i := range out {
			out[i] = T(off + uint64(p.lemire32(r)))
		}
	case rng == ^uint64(0):
		for i := range out {
			out[i] = T(off + p.Uint64())
		}
	default:
		for i := range out {
			out[i] = T(off + p.lemire64(rng))
		}
	}
}

// bounded32 is random_bounded_uint32_fill.
func bounded32[T int32 | uint32](p *PCG64, off, rng uint32, out []T) {
	switch rng {
	case 0:
		for i := range out {
			out[i] = T(off)
		}
	case 0xFFFFFFFF:
		for i := range out {
			out[i] = T(off + p.Uint32())
		}
	default:
		for i := range out {
			out[i] = T(off + p.lemire32(rng))
		}
	}
}

// buffer32 is the 32-bit buffer of NumPy's 8- and 16-bit integers.
type buffer32 struct {
	buf uint32
	cnt int
}

// next is buffered_uint8 (w = 8) and buffered_uint16 (w = 16): the low w
// bits of a fresh 32-bit draw, then of the draw shifted right by w, until
// the draw is used up.
func (b *buffer32) next(p *PCG64, w uint) uint32 {
	if b.cnt == 0 {
		b.buf = p.Uint32()
		b.cnt = 32/int(w) - 1
	} else {
		b.buf >>= w
		b.cnt--
	}
	return b.buf & (1<<w - 1)
}

// bounded16 is random_bounded_uint16_fill.
func bounded16[T int16 | uint16](p *PCG64, off, rng uint16, out []T) {
	boundedSmall(p, uint32(off), uint32(rng), 16, out)
}

// bounded8 is random_bounded_uint8_fill.
func bounded8[T int8 | uint8](p *PCG64, off, rng uint8, out []T) {
	boundedSmall(p, uint32(off), uint32(rng), 8, out)
}

// boundedSmall is random_bounded_uint{8,16}_fill for w-bit T, with a
// buffer that starts empty at every call: Lemire's method on w-bit draws,
// whose products fit in 2w bits (computed here in 32).
func boundedSmall[T int8 | uint8 | int16 | uint16](p *PCG64, off, rng uint32, w uint, out []T) {
	var b buffer32
	mask := uint32(1)<<w - 1
	switch rng {
	case 0:
		for i := range out {
			out[i] = T(off)
		}
	case mask:
		for i := range out {
			out[i] = T(off + b.next(p, w))
		}
	default:
		excl := rng + 1
		for i := range out {
			m := b.next(p, w) * excl
			if left := m & mask; left < excl {
				thr := (mask - rng) % excl
				for left < thr {
					m = b.next(p, w) * excl
					left = m & mask
				}
			}
			out[i] = T(off + m>>w)
		}
	}
}

// lemire32 is buffered_bounded_lemire_uint32: a value in [0, rng] for
// rng < 2³²−1.
func (p *PCG64) lemire32(rng uint32) uint32 {
	excl := rng + 1
	m := uint64(p.Uint32()) * uint64(excl)
	if left := uint32(m); left < excl {
		thr := (0xFFFFFFFF - rng) % excl
		for left < thr {
			m = uint64(p.Uint32()) * uint64(excl)
			left = uint32(m)
		}
	}
	return uint32(m >> 32)
}

// lemire64 is bounded_lemire_uint64: a value in [0, rng] for
// rng < 2⁶⁴−1.
func (p *PCG64) lemire64(rng uint64) uint64 {
	excl := rng + 1
	hi, lo := bits.Mul64(p.Uint64(), excl)
	if lo < excl {
		thr := (^uint64(0) - rng) % excl
		for lo < thr {
			hi, lo = bits.Mul64(p.Uint64(), excl)
		}
	}
	return hi
}

// boundedUint64 is random_bounded_uint64 with use_masked false: one value
// in [0, rng] (Choice's and shuffles' single draws).
func (p *PCG64) boundedUint64(rng uint64) uint64 {
	switch {
	case rng == 0:
		return 0
	case rng == 0xFFFFFFFF:
		return uint64(p.Uint32())
	case rng < 0xFFFFFFFF:
		return uint64(p.lemire32(uint32(rng)))
	case rng == ^uint64(0):
		return p.Uint64()
	}
	return p.lemire64(rng)
}

// interval is random_interval: a value in [0, max] by masked rejection,
// on 32-bit draws when max fits 32 bits (Shuffle's and Permutation's
// draws).
func (p *PCG64) interval(max uint64) uint64 {
	if max == 0 {
		return 0
	}
	mask := uint64(1)<<(64-bits.LeadingZeros64(max)) - 1
	if max>>32 == 0 {
		for {
			if v := uint64(p.Uint32()) & mask; v <= max {
				return v
			}
		}
	}
	for {
		if v := p.Uint64() & mask; v <= max {
			return v
		}
	}
}
