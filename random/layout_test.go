package random

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Property tests of semantics.md RG4: XInto writes into any writable view
// (transposed, reversed, stepped, 0-d, empty) the values X returns for
// that shape, at the same logical indices, leaves every other element of
// the buffer alone, and leaves the generator in the same state.

// layoutCase is a view over a guarded buffer: buf holds sentinel values
// outside the view.
type layoutCase[T any] struct {
	name string
	view ndview.NDView[T]
	buf  []T
}

// randomLayout builds a view of rank 0 to 4 by slicing a C-contiguous
// parent with random steps of either sign and offsets, then permuting its
// axes. Extents may be 0 or 1.
func randomLayout[T any](r *rand.Rand, fill T) layoutCase[T] {
	rank := r.IntN(5)
	parent := make([]int, rank)
	n := 1
	for i := range parent {
		parent[i] = 1 + r.IntN(6)
		n *= parent[i]
	}
	buf := make([]T, n+3)
	for i := range buf {
		buf[i] = fill
	}
	v := ndview.Must(ndview.Wrap(buf, 2, parent, cStrides(parent)))
	var idx []string
	for _, e := range parent {
		switch r.IntN(5) {
		case 0:
			idx = append(idx, "::-1")
		case 1:
			idx = append(idx, fmt.Sprintf("%d::2", r.IntN(e)))
		case 2:
			idx = append(idx, fmt.Sprintf("%d:%d", r.IntN(e+1), e)) // maybe empty
		case 3:
			idx = append(idx, "::-2")
		default:
			idx = append(idx, ":")
		}
	}
	name := "[" + strings.Join(idx, ",") + "]"
	if rank > 0 {
		v = ndview.Must(v.Index(strings.Join(idx, ",")))
	}
	if rank > 1 && r.IntN(2) == 0 {
		perm := r.Perm(rank)
		v = v.Transpose(perm...)
		name += fmt.Sprint(".T", perm)
	}
	return layoutCase[T]{name: name, view: v, buf: buf}
}

func cStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for i := len(shape) - 1; i >= 0; i-- {
		st[i] = s
		s *= shape[i]
	}
	return st
}

// checkInto runs alloc on one generator and into on a twin for many
// random layouts, and compares element by element with eq.
func checkInto[T any](t *testing.T, name string, sentinel T, eq func(a, b T) bool,
	alloc func(g *Generator, shape []int) ndview.NDView[T], into func(g *Generator, dst ndview.NDView[T])) {
	t.Run(name, func(t *testing.T) {
		r := rand.New(rand.NewPCG(3, uint64(len(name))))
		for it := range 150 {
			lc := randomLayout(r, sentinel)
			seed := uint64(it)
			ga, gb := New(seed), New(seed)
			// Draw something first so that buffered halves are in play.
			ga.RandomFloat32(1)
			gb.RandomFloat32(1)
			want := alloc(ga, lc.view.Shape())
			into(gb, lc.view)
			for idx, w := range want.Enumerate() {
				if got := lc.view.At(idx...); !eq(got, w) {
					t.Fatalf("%s layout %s shape %v: at %v got %v, want %v", name, lc.name, lc.view.Shape(), idx, got, w)
				}
			}
			// Elements outside the view keep their sentinel.
			inView := map[int]bool{}
			data, _ := lc.view.Data()
			for i := range data {
				inView[i] = false
			}
			for idx := range want.Enumerate() {
				off := lc.view.Offset()
				for k, s := range lc.view.Strides() {
					off += idx[k] * s
				}
				inView[off] = true
			}
			for i, x := range lc.buf {
				if !inView[i] && !eq(x, sentinel) {
					t.Fatalf("%s layout %s: element %d outside the view written", name, lc.name, i)
				}
			}
			require.Equal(t, ga.bg.Uint64(), gb.bg.Uint64(), "%s layout %s: generator states differ", name, lc.name)
		}
	})
}

func sameF64(a, b float64) bool      { return math.Float64bits(a) == math.Float64bits(b) }
func sameF32(a, b float32) bool      { return math.Float32bits(a) == math.Float32bits(b) }
func same[T comparable](a, b T) bool { return a == b }

func TestIntoAnyLayout(t *testing.T) {
	nan := math.NaN()
	checkInto(t, "Random", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] { return g.Random(s...) },
		func(g *Generator, d ndview.NDView[float64]) { g.RandomInto(d) })
	checkInto(t, "RandomFloat32", float32(nan), sameF32,
		func(g *Generator, s []int) ndview.NDView[float32] { return g.RandomFloat32(s...) },
		func(g *Generator, d ndview.NDView[float32]) { g.RandomFloat32Into(d) })
	checkInto(t, "StandardNormal", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] { return g.StandardNormal(s...) },
		func(g *Generator, d ndview.NDView[float64]) { g.StandardNormalInto(d) })
	checkInto(t, "StandardNormalFloat32", float32(nan), sameF32,
		func(g *Generator, s []int) ndview.NDView[float32] { return g.StandardNormalFloat32(s...) },
		func(g *Generator, d ndview.NDView[float32]) { g.StandardNormalFloat32Into(d) })
	checkInto(t, "Normal", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] { return g.Normal(1, 2, s...) },
		func(g *Generator, d ndview.NDView[float64]) { g.NormalInto(d, 1, 2) })
	checkInto(t, "Uniform", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] { return g.Uniform(-1, 3, s...) },
		func(g *Generator, d ndview.NDView[float64]) { g.UniformInto(d, -1, 3) })
	checkInto(t, "StandardExponential", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] { return g.StandardExponential(s...) },
		func(g *Generator, d ndview.NDView[float64]) { g.StandardExponentialInto(d) })
	checkInto(t, "StandardExponentialFloat32", float32(nan), sameF32,
		func(g *Generator, s []int) ndview.NDView[float32] { return g.StandardExponentialFloat32(s...) },
		func(g *Generator, d ndview.NDView[float32]) { g.StandardExponentialFloat32Into(d) })
	checkInto(t, "Exponential", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] { return g.Exponential(3, s...) },
		func(g *Generator, d ndview.NDView[float64]) { g.ExponentialInto(d, 3) })
	checkInto(t, "StandardGamma", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] { return g.StandardGamma(0.5, s...) },
		func(g *Generator, d ndview.NDView[float64]) { g.StandardGammaInto(d, 0.5) })
	checkInto(t, "StandardGammaFloat32", float32(nan), sameF32,
		func(g *Generator, s []int) ndview.NDView[float32] { return g.StandardGammaFloat32(2.5, s...) },
		func(g *Generator, d ndview.NDView[float32]) { g.StandardGammaFloat32Into(d, 2.5) })
	checkInto(t, "Gamma", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] { return g.Gamma(3, 2, s...) },
		func(g *Generator, d ndview.NDView[float64]) { g.GammaInto(d, 3, 2) })
	checkInto(t, "Beta", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] { return g.Beta(0.5, 2, s...) },
		func(g *Generator, d ndview.NDView[float64]) { g.BetaInto(d, 0.5, 2) })
	checkInto(t, "Binomial", int64(-7), same[int64],
		func(g *Generator, s []int) ndview.NDView[int64] { return g.Binomial(100, 0.6, s...) },
		func(g *Generator, d ndview.NDView[int64]) { g.BinomialInto(d, 100, 0.6) })
	checkInto(t, "Poisson", int64(-7), same[int64],
		func(g *Generator, s []int) ndview.NDView[int64] { return g.Poisson(30, s...) },
		func(g *Generator, d ndview.NDView[int64]) { g.PoissonInto(d, 30) })
	checkInto(t, "Integers", int64(-7), same[int64],
		func(g *Generator, s []int) ndview.NDView[int64] { return g.Integers(-5, 1000, s...) },
		func(g *Generator, d ndview.NDView[int64]) { g.IntegersInto(d, -5, 1000) })
	checkInto(t, "IntegersOf[uint8]", uint8(77), same[uint8],
		func(g *Generator, s []int) ndview.NDView[uint8] { return IntegersOf[uint8](g, 3, 200, false, s...) },
		func(g *Generator, d ndview.NDView[uint8]) { IntegersOfInto(g, d, 3, 200, false) })
	checkInto(t, "IntegersOf[int16]", int16(77), same[int16],
		func(g *Generator, s []int) ndview.NDView[int16] { return IntegersOf[int16](g, -300, 300, true, s...) },
		func(g *Generator, d ndview.NDView[int16]) { IntegersOfInto(g, d, -300, 300, true) })
	cov := ndview.Must(ndview.FromSlice([]float64{2, 0.5, 0.5, 1}, 2, 2))
	checkInto(t, "MultivariateNormal", nan, sameF64,
		func(g *Generator, s []int) ndview.NDView[float64] {
			if len(s) == 0 || s[len(s)-1] != 2 {
				return mvnShapeMismatch(g, s)
			}
			return ndview.Must(g.MultivariateNormal([]float64{1, -1}, cov, s[:len(s)-1]...))
		},
		func(g *Generator, d ndview.NDView[float64]) {
			if s := d.Shape(); len(s) == 0 || s[len(s)-1] != 2 {
				g.StandardNormalInto(d)
				return
			}
			require.NoError(t, g.MultivariateNormalInto(d, []float64{1, -1}, cov))
		})
}

// mvnShapeMismatch stands for a layout whose last extent is not the
// dimension: both sides fill it with standard normals instead.
func mvnShapeMismatch(g *Generator, s []int) ndview.NDView[float64] { return g.StandardNormal(s...) }

// panicsWith reports whether f panics with an error wrapping target.
func panicsWith(t *testing.T, target error, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		require.NotNil(t, r, "no panic")
		err, ok := r.(error)
		require.True(t, ok, "panic value %v is not an error", r)
		assert.True(t, errors.Is(err, target), "panic %v does not wrap %v", err, target)
		var e *ndview.Error
		assert.True(t, errors.As(err, &e), "panic %T is not an *ndview.Error", err)
	}()
	f()
}

// TestReadOnlyAndParams checks that a read-only destination or a bad
// parameter panics before anything is drawn: the generator's next output
// is the one it would have been.
func TestReadOnlyAndParams(t *testing.T) {
	ro := ndview.Zeros[float64](3).AsReadOnly()
	bc := ndview.Must(ndview.Zeros[float64](1).BroadcastTo(4))
	cases := []struct {
		name string
		kind error
		f    func(g *Generator)
	}{
		{"RandomInto read-only", ndview.ErrReadOnly, func(g *Generator) { g.RandomInto(ro) }},
		{"StandardNormalInto broadcast", ndview.ErrReadOnly, func(g *Generator) { g.StandardNormalInto(bc) }},
		{"Shuffle read-only", ndview.ErrReadOnly, func(g *Generator) { Shuffle(g, ro, 0) }},
		{"Shuffle axis", ndview.ErrAxis, func(g *Generator) { Shuffle(g, ndview.Zeros[int](3), 1) }},
		{"Shuffle 0-d", ndview.ErrAxis, func(g *Generator) { Shuffle(g, ndview.Zeros[int](), 0) }},
		{"Normal scale<0", ErrParam, func(g *Generator) { g.Normal(0, -1, 3) }},
		{"Normal scale=-0", ErrParam, func(g *Generator) { g.Normal(0, math.Copysign(0, -1), 3) }},
		{"Uniform inf range", ErrParam, func(g *Generator) { g.Uniform(-math.MaxFloat64, math.MaxFloat64, 3) }},
		{"Uniform high<low", ErrParam, func(g *Generator) { g.Uniform(1, 0, 3) }},
		{"Exponential scale<0", ErrParam, func(g *Generator) { g.Exponential(-1, 3) }},
		{"Integers empty", ErrParam, func(g *Generator) { g.Integers(5, 5, 3) }},
		{"IntegersOf low>high", ErrParam, func(g *Generator) { IntegersOf[uint8](g, 9, 3, true, 3) }},
		{"Gamma shape<0", ErrParam, func(g *Generator) { g.Gamma(-1, 1, 3) }},
		{"Beta a=0", ErrParam, func(g *Generator) { g.Beta(0, 1, 3) }},
		{"Binomial p>1", ErrParam, func(g *Generator) { g.Binomial(3, 1.5, 3) }},
		{"Binomial p NaN", ErrParam, func(g *Generator) { g.Binomial(3, math.NaN(), 3) }},
		{"Binomial n<0", ErrParam, func(g *Generator) { g.Binomial(-1, 0.5, 3) }},
		{"Poisson lam<0", ErrParam, func(g *Generator) { g.Poisson(-1, 3) }},
		{"Poisson lam huge", ErrParam, func(g *Generator) { g.Poisson(1e19, 3) }},
		{"Permutation n<0", ErrParam, func(g *Generator) { g.Permutation(-1) }},
		{"Choice n<0", ErrParam, func(g *Generator) { _, _ = g.Choice(-1, []int{2}, true, nil) }},
		{"Choice n=0", ErrParam, func(g *Generator) { _, _ = g.Choice(0, []int{2}, true, nil) }},
		{"Random negative extent", ndview.ErrShape, func(g *Generator) { g.Random(2, -1) }},
		{"MVN cov shape", ErrParam, func(g *Generator) {
			_, _ = g.MultivariateNormal([]float64{0, 0}, ndview.Zeros[float64](3, 3), 2)
		}},
		{"MVN dst shape", ndview.ErrShape, func(g *Generator) {
			_ = g.MultivariateNormalInto(ndview.Zeros[float64](4, 3), []float64{0, 0}, ndview.Zeros[float64](2, 2))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g, ref := New(9), New(9)
			panicsWith(t, c.kind, func() { c.f(g) })
			assert.Equal(t, ref.bg.Uint64(), g.bg.Uint64(), "something was drawn")
		})
	}
	// Data-dependent failures are errors, with nothing drawn.
	errCases := []struct {
		name string
		f    func(g *Generator) error
	}{
		{"p length", func(g *Generator) error { _, err := g.Choice(3, []int{2}, true, []float64{0.5, 0.5}); return err }},
		{"p sum", func(g *Generator) error { _, err := g.Choice(2, []int{2}, true, []float64{0.5, 0.6}); return err }},
		{"p negative", func(g *Generator) error { _, err := g.Choice(2, []int{2}, true, []float64{1.5, -0.5}); return err }},
		{"p NaN", func(g *Generator) error { _, err := g.Choice(2, []int{2}, true, []float64{math.NaN(), 1}); return err }},
		{"too many", func(g *Generator) error { _, err := g.Choice(3, []int{4}, false, nil); return err }},
		{"too few nonzero", func(g *Generator) error {
			_, err := g.Choice(3, []int{3}, false, []float64{0.5, 0.5, 0})
			return err
		}},
		{"MVN not PSD", func(g *Generator) error {
			cov := ndview.Must(ndview.FromSlice([]float64{1, 2, 2, 1}, 2, 2))
			_, err := g.MultivariateNormal([]float64{0, 0}, cov, 3)
			return err
		}},
		{"MVN NaN", func(g *Generator) error {
			cov := ndview.Must(ndview.FromSlice([]float64{1, math.NaN(), 0, 1}, 2, 2))
			dst := ndview.Full(7.0, 3, 2)
			err := g.MultivariateNormalInto(dst, []float64{0, 0}, cov)
			assert.Equal(t, []float64{7, 7, 7, 7, 7, 7}, dst.ToSlice(), "destination written on error")
			return err
		}},
	}
	for _, c := range errCases {
		t.Run(c.name, func(t *testing.T) {
			g, ref := New(9), New(9)
			err := c.f(g)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrParam)
			assert.Equal(t, ref.bg.Uint64(), g.bg.Uint64(), "something was drawn")
		})
	}
}

// TestShuffleAnyLayout: shuffling a view permutes its sub-arrays along the
// axis exactly as shuffling a C-contiguous copy does (the same draws), and
// touches nothing outside the view.
func TestShuffleAnyLayout(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for it := range 200 {
		lc := randomLayout(r, -1)
		if lc.view.NDim() == 0 {
			continue
		}
		k := 0
		for idx := range lc.view.Enumerate() {
			lc.view.Set(k, idx...)
			k++
		}
		axis := r.IntN(lc.view.NDim())
		ref := lc.view.Clone()
		Shuffle(New(uint64(it)), ref, axis)
		Shuffle(New(uint64(it)), lc.view, axis)
		assert.Equal(t, ref.ToSlice(), lc.view.ToSlice(), "layout %s axis %d", lc.name, axis)
		n := 0
		for _, x := range lc.buf {
			if x != -1 {
				n++
			}
		}
		assert.Equal(t, lc.view.Size(), n, "layout %s: writes outside the view", lc.name)
		// A shuffle is a permutation of the sub-arrays along axis.
		got := lc.view.ToSlice()
		slices.Sort(got)
		for i, x := range got {
			require.Equal(t, i, x)
		}
	}
}

// TestPermutationOfLeavesInput: PermutationOf copies; the input is not
// changed, and the result shares nothing with it.
func TestPermutationOfLeavesInput(t *testing.T) {
	x := ndview.Must(ndview.ArangeN[int](12).Reshape(4, 3))
	before := x.ToSlice()
	p := PermutationOf(New(1), x.T(), 1)
	assert.Equal(t, before, x.ToSlice())
	p.Set(-5, 0, 0)
	assert.Equal(t, before, x.ToSlice())
	assert.Equal(t, []int{3, 4}, p.Shape())
}

// TestChoiceOf takes the chosen sub-arrays along the axis.
func TestChoiceOf(t *testing.T) {
	a := ndview.Must(ndview.ArangeN[int](12).Reshape(3, 4))
	idx, err := New(4).Choice(4, []int{2, 2}, false, nil)
	require.NoError(t, err)
	got, err := ChoiceOf(New(4), a, []int{2, 2}, false, nil, 1)
	require.NoError(t, err)
	require.Equal(t, []int{3, 2, 2}, got.Shape())
	for r := range 3 {
		for i := range 2 {
			for j := range 2 {
				assert.Equal(t, a.At(r, int(idx.At(i, j))), got.At(r, i, j))
			}
		}
	}
}

// TestUint32Buffer: two Uint32 draws share one 64-bit output, low half
// first (RG2), and the buffer survives between calls of different methods.
func TestUint32Buffer(t *testing.T) {
	a, b := NewPCG64(NewSeedSequence(3)), NewPCG64(NewSeedSequence(3))
	x := b.Uint64()
	assert.Equal(t, uint32(x), a.Uint32())
	assert.Equal(t, uint32(x>>32), a.Uint32())
	a.Uint32()
	y := a.Uint64() // the buffered half stays buffered
	b.Uint64()
	assert.Equal(t, b.Uint64(), y)
	sh, sl, ih, il, has, u := a.State()
	var c PCG64
	c.SetState(sh, sl, ih, il, has, u)
	assert.Equal(t, a.Uint32(), c.Uint32())
	panicsWith(t, ErrParam, func() { c.SetState(0, 0, 0, 2, false, 0) })
}

// TestRandomChainsMatchSerial: Random's two interleaved chains of double
// steps give the serial stream and end in the serial state, for odd and
// even lengths.
func TestRandomChainsMatchSerial(t *testing.T) {
	for n := range 12 {
		g, ref := New(uint64(n)), New(uint64(n))
		got := g.Random(n).ToSlice()
		for i := range n {
			require.Equal(t, ref.bg.Float64(), got[i], "n %d element %d", n, i)
		}
		require.Equal(t, ref.bg.Uint64(), g.bg.Uint64(), "n %d: state", n)
	}
}
