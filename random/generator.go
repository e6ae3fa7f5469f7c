package random

import "github.com/ndkit/ndkit/ndview"

// Generator draws samples from NumPy's distributions with NumPy's
// algorithms over a PCG64 bit generator: numpy.random.Generator. Seeded
// alike, it produces NumPy 1.24's values bit for bit (semantics.md RG1,
// RG3), whatever the layout of the destination (RG4).
//
// Every distribution comes as X, which returns a new C-contiguous array
// of the given shape (no shape: a 0-d array holding one sample), and as
// XInto, which fills a caller's writable view in C order of its logical
// indices, so that a transposed or strided destination holds at (i, j)
// what NumPy's array holds at (i, j). XInto panics with an error wrapping
// ndview.ErrReadOnly, before drawing anything, on a read-only view.
// Invalid parameters panic with an error wrapping ErrParam before anything
// is drawn, as NumPy raises ValueError.
//
// A Generator is not safe for concurrent use; give each goroutine its own
// (see SeedSequence.Spawn and PCG64.Jumped).
type Generator struct {
	bg PCG64
}

// New returns the generator of numpy.random.default_rng(seed): a PCG64
// seeded through SeedSequence(seed).
func New(seed uint64) *Generator {
	return NewFromSeedSequence(NewSeedSequence(seed))
}

// NewFromSeedSequence returns the generator of
// numpy.random.Generator(numpy.random.PCG64(ss)).
func NewFromSeedSequence(ss *SeedSequence) *Generator {
	return &Generator{bg: *NewPCG64(ss)}
}

// NewFromPCG64 returns a generator that continues from a copy of p's
// state; p itself is not advanced by the generator's draws.
func NewFromPCG64(p *PCG64) *Generator {
	return &Generator{bg: *p}
}

// BitGenerator returns the generator's PCG64 (Generator.bit_generator):
// drawing from it, or advancing it, moves the generator's stream.
func (g *Generator) BitGenerator() *PCG64 { return &g.bg }

// fillInto writes n values made by gen into dst in C order of dst's
// logical indices (semantics.md RG4): straight into the backing slice when
// dst is C-contiguous, otherwise into a temporary that CopyFrom scatters.
// It panics, before gen runs, when dst is read-only.
func fillInto[T any](op string, dst ndview.NDView[T], gen func(out []T)) {
	if dst.ReadOnly() {
		panicf(op, ndview.ErrReadOnly, "destination is read-only")
	}
	n := dst.Size()
	if n == 0 {
		return
	}
	if dst.IsCContiguous() {
		data, _ := dst.Data()
		off := dst.Offset()
		gen(data[off : off+n : off+n])
		return
	}
	tmp := make([]T, n)
	gen(tmp)
	dst.CopyFrom(ndview.Must(ndview.FromSlice(tmp, dst.Shape()...)))
}

// newFilled returns a new C-contiguous array of shape filled by gen. It
// panics, as ndview.Zeros does, on a negative extent or a size that
// overflows.
func newFilled[T any](shape []int, gen func(out []T)) ndview.NDView[T] {
	v := ndview.Zeros[T](shape...)
	if n := v.Size(); n > 0 {
		data, _ := v.Data()
		gen(data[:n:n])
	}
	return v
}
