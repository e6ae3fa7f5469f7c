package ndview

// Property, error and zero-copy tests of the creation routines
// (semantics.md §12); create_numpy_test.go compares them with NumPy.

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

func TestFullAndOnes(t *testing.T) {
	f := Full(2.5, 2, 3)
	assert.Equal(t, []int{2, 3}, f.Shape())
	assert.True(t, f.IsCContiguous())
	assert.Equal(t, slices.Repeat([]float64{2.5}, 6), f.ToSlice())
	assert.Equal(t, []string{"x"}, Full("x").ToSlice(), "0-d")
	assert.Equal(t, 1000, len(Full(int8(-1), 10, 100).ToSlice()))
	assert.Equal(t, slices.Repeat([]int8{-1}, 1000), Full(int8(-1), 10, 100).ToSlice(), "the block copies of the fill kernel")
	assert.Empty(t, Full(1, 0, 3).ToSlice())

	assert.Equal(t, []int{1, 1}, Ones[int](2).ToSlice())
	assert.Equal(t, []bool{true, true}, Ones[bool](2).ToSlice())
	assert.Equal(t, []float16.Float16{float16.Fromfloat32(1)}, Ones[float16.Float16](1).ToSlice(), "1.0, not the bit pattern 1")
	assert.Equal(t, []complex64{1}, Ones[complex64](1).ToSlice())
	assert.Equal(t, []uint64{1}, Ones[uint64](1).ToSlice())
	assert.Equal(t, []float32{1}, Ones[float32](1).ToSlice())
	type myBool bool
	type myInt16 int16
	assert.Equal(t, []myBool{true}, Ones[myBool](1).ToSlice())
	assert.Equal(t, []myInt16{1}, Ones[myInt16](1).ToSlice())
}

// TestLikeProperties draws prototypes from randomLayout and checks, with
// an oracle written from the rule (semantics.md Z2), the layout of the
// *Like results: same shape, every element at its own place in a
// contiguous block, outer axes (by the prototype's |stride|, ties in axis
// order) with larger strides, C order for broadcast prototypes; and the
// values, and that the prototype is left alone.
func TestLikeProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 1))
	for range 400 {
		l := randomLayout(r, layoutOpts{})
		buf, p := l.guarded()
		before := slices.Clone(buf)
		for name, v := range map[string]NDView[int]{
			"ZerosLike": ZerosLike(p), "EmptyLike": EmptyLike(p), "OnesLike": OnesLike(p), "FullLike": FullLike(p, 9),
		} {
			want := map[string]int{"ZerosLike": 0, "EmptyLike": 0, "OnesLike": 1, "FullLike": 9}[name]
			require.Equal(t, l.Shape, v.Shape(), "%s of %v", name, l)
			require.False(t, v.ReadOnly())
			require.Equal(t, 0, v.Offset())
			// Every element at a distinct offset in [0, size).
			seen := make([]bool, v.Size())
			forEachIndex(l.Shape, func(idx []int) {
				o := refOffset(0, v.Strides(), idx)
				require.True(t, o >= 0 && o < len(seen) && !seen[o], "%s of %v: strides %v", name, l, v.Strides())
				seen[o] = true
				require.Equal(t, want, v.At(idx...))
			})
			checkLikeOrder(t, l, v.Strides())
		}
		require.Equal(t, before, buf, "the prototype is untouched")
	}
}

// checkLikeOrder requires the strides of a *Like result to order the axes
// longer than 1 as semantics.md Z2 says.
func checkLikeOrder(t *testing.T, l testLayout, got []int) {
	t.Helper()
	bcast := false
	for i, n := range l.Shape {
		bcast = bcast || n > 1 && l.Strides[i] == 0
	}
	abs := func(x int) int { return max(x, -x) }
	for a := range l.Shape {
		for b := a + 1; b < len(l.Shape); b++ {
			if l.Shape[a] <= 1 || l.Shape[b] <= 1 || slices.Contains(l.Shape, 0) {
				continue
			}
			outer := bcast || abs(l.Strides[a]) >= abs(l.Strides[b])
			require.Equal(t, outer, got[a] > got[b], "axes %d and %d of %v: strides %v", a, b, l, got)
		}
	}
}

func TestLikeTransposedIsFContiguous(t *testing.T) {
	a := Zeros[float32](3, 4)
	z := ZerosLike(a.T())
	assert.True(t, z.IsFContiguous())
	assert.False(t, z.IsCContiguous())
	b, err := FromSlice(arange(12), 3, 4)
	require.NoError(t, err)
	c := OnesLike(b.AsReadOnly())
	assert.False(t, c.ReadOnly(), "a read-only prototype gives a writable array")
	c.Set(5, 0, 0)
	assert.Equal(t, 0, b.At(0, 0), "shares nothing")
}

// arangeOracle computes Arange for integers exactly, with math/big: the
// length is the ceiling of the exact quotient (NumPy rounds it to float64
// first, which changes nothing below 2^53) and element i is start + i·step.
func arangeOracle(start, stop, step int64) []int64 {
	q := new(big.Rat).SetFrac(new(big.Int).Sub(big.NewInt(stop), big.NewInt(start)), big.NewInt(step))
	n := new(big.Int).Quo(q.Num(), q.Denom()) // truncated toward zero
	if q.Sign() > 0 && !q.IsInt() {
		n.Add(n, big.NewInt(1))
	}
	out := []int64{}
	for i := int64(0); i < n.Int64(); i++ {
		out = append(out, start+i*step)
	}
	return out
}

func TestArangeIntegersProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 14))
	for range 3000 {
		start, stop := int8(r.IntN(256)-128), int8(r.IntN(256)-128)
		step := int8(r.IntN(256) - 128)
		if step == 0 {
			continue
		}
		got := Arange(start, stop, step).ToSlice()
		want := arangeOracle(int64(start), int64(stop), int64(step))
		require.Equal(t, len(want), len(got), "Arange[int8](%d, %d, %d)", start, stop, step)
		for i := range got {
			require.Equal(t, want[i], int64(got[i]), "Arange[int8](%d, %d, %d)[%d]", start, stop, step, i)
		}
		// The same range in int64, far from zero, where stop − start
		// overflows when the offsets are large.
		off := int64(r.Uint64() >> 1)
		if r.IntN(2) == 0 {
			off = -off - 1
		}
		s64 := int64(start)*(1<<50) + off/2
		e64 := int64(stop)*(1<<50) + off/2
		d64 := int64(step) * (1 << 44)
		if want := arangeOracle(s64, e64, d64); len(want) < 1<<14 {
			require.Equal(t, want, Arange(s64, e64, d64).ToSlice(), "Arange[int64](%d, %d, %d)", s64, e64, d64)
		}
	}
	// uint8 over its whole range.
	for range 1000 {
		start, stop, step := uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(1+r.IntN(255))
		want := arangeOracle(int64(start), int64(stop), int64(step))
		got := Arange(start, stop, step).ToSlice()
		require.Equal(t, len(want), len(got), "Arange[uint8](%d, %d, %d)", start, stop, step)
		for i := range got {
			require.Equal(t, want[i], int64(got[i]))
		}
	}
}

func TestArangeFloatsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 14))
	for range 2000 {
		start, stop := r.NormFloat64()*10, r.NormFloat64()*10
		step := r.NormFloat64()
		got := Arange(start, stop, step)
		n := max(int(math.Ceil((stop-start)/step)), 0)
		require.Equal(t, []int{n}, got.Shape(), "Arange(%v, %v, %v)", start, stop, step)
		next := start + step
		delta := next - start
		for i := range n {
			want := start + float64(i)*delta
			switch i {
			case 0:
				want = start
			case 1:
				want = next
			}
			require.Equal(t, want, got.At(i), "Arange(%v, %v, %v)[%d]", start, stop, step, i)
		}
		f := Arange(float32(start), float32(stop), float32(step))
		s32, d32 := float32(start), float32(float64(float32(start))+float64(float32(step)))-float32(start)
		for i := 2; i < f.Size(); i++ {
			require.Equal(t, s32+float32(i)*d32, f.At(i), "Arange[float32](%v, %v, %v)[%d]", start, stop, step, i)
		}
	}
}

func TestArangeCorners(t *testing.T) {
	assert.Equal(t, 10, Arange(0, 1, 0.1).Size(), "arange(0, 1, 0.1)")
	assert.Equal(t, []float64{1, 1.1, 1.2000000000000002, 1.3000000000000003}, Arange(1, 1.3, 0.1).ToSlice())
	assert.Equal(t, []int{5, 2}, Arange(5, 0, -3).ToSlice())
	assert.Empty(t, Arange(0, 5, -1).ToSlice())
	assert.Empty(t, Arange(3, 3, 1).ToSlice())
	assert.Equal(t, []int64{math.MinInt64, -1 << 62, 0, 1 << 62}, Arange[int64](math.MinInt64, math.MaxInt64, 1<<62).ToSlice())
	assert.Equal(t, []uint64{math.MaxUint64 - 2}, Arange[uint64](math.MaxUint64-2, math.MaxUint64, 5).ToSlice())
	assert.Equal(t, []int8{126}, Arange[int8](126, 127, 100).ToSlice(), "start+step wraps, but only one element is needed")
	assert.Equal(t, []float64{0}, Arange(0, 1, math.Inf(1)).ToSlice(), "divide-by-inf gives one element")
	assert.Empty(t, Arange(0, -1, math.Inf(1)).ToSlice())
	assert.Equal(t, []int{0, 1, 2}, ArangeN[int](3).ToSlice())
	assert.Empty(t, ArangeN[int](-3).ToSlice())
	assert.Equal(t, int8(-128), ArangeN[int8](300).At(128))
}

func TestLinspaceCorners(t *testing.T) {
	assert.Equal(t, []float64{0, 0.25, 0.5, 0.75, 1}, Linspace(0.0, 1, 5, true).ToSlice())
	assert.Equal(t, []float64{0, 0.2, 0.4, 0.6000000000000001, 0.8}, Linspace(0.0, 1, 5, false).ToSlice())
	v, step := LinspaceStep(2.0, 3, 1, true)
	assert.Equal(t, []float64{2}, v.ToSlice())
	assert.True(t, math.IsNaN(step))
	v, step = LinspaceStep(2.0, 3, 1, false)
	assert.Equal(t, []float64{2}, v.ToSlice())
	assert.Equal(t, 1.0, step)
	v, step = LinspaceStep(2.0, 3, 0, false)
	assert.Empty(t, v.ToSlice())
	assert.True(t, math.IsNaN(step))
	assert.Equal(t, []int{-5, -2, 1, 5}, Linspace(-5, 5, 4, true).ToSlice(), "integers floor")
	// The last element is exactly stop, whatever i·step + start gives.
	for num := 2; num < 200; num++ {
		v := Linspace(0.1, 0.7, num, true)
		require.Equal(t, 0.7, v.At(num-1))
		require.Equal(t, 0.1, v.At(0))
	}
}

func TestGeomspaceAndLogspaceExact(t *testing.T) {
	assert.Equal(t, []float64{1, 10, 100, 1000}, Geomspace(1.0, 1000, 4, true).ToSlice())
	assert.Equal(t, []float64{-1, -10, -100, -1000}, Geomspace(-1.0, -1000, 4, true).ToSlice())
	assert.Equal(t, []float64{1000, 100, 10, 1}, Geomspace(1000.0, 1, 4, true).ToSlice())
	assert.Equal(t, []int{1, 10, 100, 1000}, Geomspace(1, 1000, 4, true).ToSlice())
	assert.Equal(t, []float64{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024}, Logspace[float64](0, 10, 11, true, 2).ToSlice())
	assert.Equal(t, []float64{1, 10, 100, 1000}, Logspace[float64](0, 3, 4, true, 10).ToSlice())
	g := Geomspace(-1.0, 1, 5, true).ToSlice()
	assert.Equal(t, -1.0, g[0])
	assert.Equal(t, 1.0, g[4])
	for _, x := range g[1:4] {
		assert.True(t, math.IsNaN(x), "opposite signs give NaN inside, as NumPy")
	}
	// log10Exact is exact on every power of ten and within one ulp of
	// the rounded true value elsewhere (big.Float is the oracle).
	for k := -300; k <= 300; k++ {
		require.Equal(t, float64(k), log10Exact(pow10Nearest(k)), "log10(1e%d)", k)
	}
	r := rand.New(rand.NewPCG(5, 5))
	for range 500 {
		x := math.Exp(r.NormFloat64() * 100)
		got := log10Exact(x)
		want := bigLog10(x)
		require.LessOrEqual(t, math.Abs(got-want), math.Abs(math.Nextafter(want, 0)-want), "log10(%v) = %v, want %v", x, got, want)
	}
}

// bigLog10 returns log10(x) rounded to float64, through an expansion of
// ln in big.Float: ln(x) = 2·atanh((x−1)/(x+1)) after scaling x to [1, 2).
func bigLog10(x float64) float64 {
	const prec = 200
	frac, exp := math.Frexp(x)
	m := new(big.Float).SetPrec(prec).SetFloat64(frac * 2)
	lnm := bigLn(m)
	ln2 := bigLn(new(big.Float).SetPrec(prec).SetFloat64(2))
	ln10 := new(big.Float).SetPrec(prec).Mul(ln2, new(big.Float).SetPrec(prec).SetInt64(3))
	ln10.Add(ln10, bigLn(new(big.Float).SetPrec(prec).SetFloat64(1.25))) // 10 = 2³·1.25
	sum := new(big.Float).SetPrec(prec).Mul(ln2, new(big.Float).SetPrec(prec).SetInt64(int64(exp-1)))
	sum.Add(sum, lnm)
	sum.Quo(sum, ln10)
	f, _ := sum.Float64()
	return f
}

// bigLn returns ln(m) for m in [1, 2] by the atanh series.
func bigLn(m *big.Float) *big.Float {
	prec := m.Prec()
	one := new(big.Float).SetPrec(prec).SetInt64(1)
	z := new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).Sub(m, one), new(big.Float).SetPrec(prec).Add(m, one))
	z2 := new(big.Float).SetPrec(prec).Mul(z, z)
	term := new(big.Float).SetPrec(prec).Set(z)
	sum := new(big.Float).SetPrec(prec)
	for k := int64(1); term.Sign() != 0 && term.MantExp(nil) > -int(prec)-8; k += 2 {
		sum.Add(sum, new(big.Float).SetPrec(prec).Quo(term, new(big.Float).SetPrec(prec).SetInt64(k)))
		term.Mul(term, z2)
	}
	return sum.Mul(sum, new(big.Float).SetPrec(prec).SetInt64(2))
}

func TestCreatePanics(t *testing.T) {
	for _, c := range []struct {
		name     string
		sentinel error
		f        func()
	}{
		{"Arange step 0", ErrShape, func() { Arange(0, 10, 0) }},
		{"Arange float step 0", ErrShape, func() { Arange(0, 1, 0.0) }},
		{"Arange float16 step -0", ErrShape, func() {
			Arange(float16.Fromfloat32(0), float16.Fromfloat32(1), float16.Fromfloat32(float32(math.Copysign(0, -1))))
		}},
		{"Arange NaN", ErrShape, func() { Arange(0, math.NaN(), 1) }},
		{"Arange inf", ErrOverflow, func() { Arange(0, math.Inf(1), 1) }},
		{"Arange length beyond int", ErrOverflow, func() { Arange[int64](0, math.MaxInt64, 1) }},
		{"Arange bytes beyond int", ErrOverflow, func() { Arange[int64](0, 1<<62, 1) }},
		{"Arange beyond Go's allocation limit", ErrOverflow, func() { Arange(0, 1e18, 1.0) }},
		{"Arange uint64 huge", ErrOverflow, func() { Arange[uint64](0, math.MaxUint64, 1) }},
		{"ArangeN huge", ErrOverflow, func() { ArangeN[float64](1 << 50) }},
		{"Linspace negative num", ErrShape, func() { Linspace(0.0, 1, -1, true) }},
		{"LinspaceStep negative num", ErrShape, func() { LinspaceStep(0.0, 1, -1, true) }},
		{"Linspace huge", ErrOverflow, func() { Linspace(0.0, 1, math.MaxInt, true) }},
		{"Logspace negative num", ErrShape, func() { Logspace[float64](0, 1, -2, true, 10) }},
		{"Geomspace zero start", ErrShape, func() { Geomspace(0.0, 1, 4, true) }},
		{"Geomspace zero stop", ErrShape, func() { Geomspace(1, 0, 4, true) }},
		{"Geomspace negative num", ErrShape, func() { Geomspace(1.0, 2, -1, true) }},
		{"Full negative", ErrShape, func() { Full(1, 2, -1) }},
		{"Ones overflow", ErrOverflow, func() { Ones[int64](1<<40, 1<<40) }},
		{"Full rank", ErrShape, func() { Full(1, make([]int, MaxRank+1)...) }},
		{"Eye negative", ErrShape, func() { Eye[int](-1, 3, 0) }},
		{"Eye negative m", ErrShape, func() { Eye[int](3, -1, 0) }},
		{"Identity negative", ErrShape, func() { Identity[int](-1) }},
		{"Tri negative", ErrShape, func() { Tri[int](2, -2, 0) }},
		{"Diag 0-d", ErrShape, func() { Diag(Scalar(1), 0) }},
		{"Diag 3-d", ErrShape, func() { Diag(Zeros[int](2, 2, 2), 0) }},
		{"Diag offset MinInt", ErrOverflow, func() { Diag(Zeros[int](2), math.MinInt) }},
		{"Diag offset MaxInt", ErrOverflow, func() { Diag(Zeros[int](2), math.MaxInt) }},
		{"Diag offset too big", ErrOverflow, func() { Diag(Zeros[int](2), 1<<40) }},
		{"Diagflat offset", ErrOverflow, func() { Diagflat(Zeros[int](2, 2), math.MinInt) }},
		{"Tril 0-d", ErrShape, func() { Tril(Scalar(1), 0) }},
		{"Triu 0-d", ErrShape, func() { Triu(Scalar(1), 0) }},
		{"Meshgrid 2-d input", ErrShape, func() { Meshgrid(MeshXY, Zeros[int](3), Zeros[int](2, 2)) }},
		{"Meshgrid indexing", ErrLayout, func() { Meshgrid(MeshIndexing(7), Zeros[int](3)) }},
		{"Meshgrid rank", ErrShape, func() { Meshgrid(MeshIJ, make([]NDView[int], MaxRank+1)...) }},
		{"Meshgrid overflow", ErrOverflow, func() {
			big, err := Zeros[int](1).BroadcastTo(1 << 40)
			require.NoError(t, err)
			Meshgrid(MeshIJ, big, big)
		}},
		{"Indices negative", ErrShape, func() { Indices(2, -1) }},
		{"Indices rank", ErrShape, func() { Indices(make([]int, MaxRank)...) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			msg := panics(t, c.sentinel, c.f)
			assert.NotEmpty(t, msg)
		})
	}
	assert.Contains(t, panics(t, ErrShape, func() { Geomspace(0.0, 1, 4, true) }), "cannot include zero")
	assert.Contains(t, panics(t, ErrShape, func() { Arange(0, 10, 0) }), "division by zero")
	assert.Contains(t, panics(t, ErrShape, func() { Diag(Scalar(1), 0) }), "1- or 2-d")
	assert.Contains(t, panics(t, ErrOverflow, func() { Arange(0, 1e18, 1.0) }), "Maximum allowed size exceeded")
}

func TestEyeAndTriProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 6))
	ks := []int{math.MinInt, math.MinInt + 1, -1 << 40, math.MaxInt, math.MaxInt - 1, 1 << 40}
	for range 500 {
		n, m := r.IntN(6), r.IntN(6)
		k := r.IntN(15) - 7
		if r.IntN(8) == 0 {
			k = ks[r.IntN(len(ks))]
		}
		e, tr := Eye[float32](n, m, k), Tri[bool](n, m, k)
		require.Equal(t, []int{n, m}, e.Shape())
		forEachIndex([]int{n, m}, func(idx []int) {
			i, j := idx[0], idx[1]
			// j − i is exact here: both are small.
			require.Equal(t, j-i == k, e.At(i, j) == 1, "Eye(%d, %d, %d) at %v", n, m, k, idx)
			require.Equal(t, j-i <= k, tr.At(i, j), "Tri(%d, %d, %d) at %v", n, m, k, idx)
		})
		id := Identity[complex128](n)
		forEachIndex([]int{n, n}, func(idx []int) {
			require.Equal(t, idx[0] == idx[1], id.At(idx...) == 1)
		})
	}
}

// TestTriangleProperty compares Tril and Triu of random layouts (stacks of
// any rank ≥ 1, transposed, reversed, broadcast, read-only) with the rule
// read through At.
func TestTriangleProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for range 600 {
		l := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 4})
		buf, a := l.guarded()
		before := slices.Clone(buf)
		k := r.IntN(11) - 5
		if r.IntN(10) == 0 {
			k = []int{math.MinInt, math.MaxInt}[r.IntN(2)]
		}
		lo, up := Tril(a, k), Triu(a, k)
		shape := l.Shape
		if len(shape) == 1 {
			shape = []int{shape[0], shape[0]}
		}
		require.Equal(t, shape, lo.Shape())
		require.True(t, lo.IsCContiguous() && !lo.ReadOnly())
		forEachIndex(shape, func(idx []int) {
			i, j := idx[len(idx)-2], idx[len(idx)-1]
			var x int
			if len(l.Shape) == 1 {
				x = a.At(j)
			} else {
				x = a.At(idx...)
			}
			wantLo, wantUp := 0, 0
			if k >= math.MaxInt-j || j <= i+k {
				wantLo = x
			}
			if k <= math.MinInt+j || j >= i+k {
				wantUp = x
			}
			if k == math.MaxInt {
				wantUp = 0
			}
			if k == math.MinInt {
				wantLo = 0
			}
			require.Equal(t, wantLo, lo.At(idx...), "Tril(%v, %d) at %v", l, k, idx)
			require.Equal(t, wantUp, up.At(idx...), "Triu(%v, %d) at %v", l, k, idx)
		})
		require.Equal(t, before, buf)
	}
}

func TestDiagProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	for range 400 {
		l := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 1})
		_, v := l.guarded()
		k := r.IntN(9) - 4
		d := Diag(v, k)
		n := l.Shape[0] + max(k, -k)
		require.Equal(t, []int{n, n}, d.Shape())
		require.True(t, d.IsCContiguous() && !d.ReadOnly())
		forEachIndex([]int{n, n}, func(idx []int) {
			i, j := idx[0], idx[1]
			want := 0
			if j-i == k {
				want = v.At(min(i, j))
			}
			require.Equal(t, want, d.At(i, j), "Diag(%v, %d) at %v", l, k, idx)
		})
		// Diagflat of any rank is Diag of the C-order flattening.
		l2 := randomLayout(r, layoutOpts{MaxRank: 3})
		_, w := l2.guarded()
		flat, err := FromSlice(values(w))
		require.NoError(t, err)
		require.Equal(t, Diag(flat, k).ToSlice(), Diagflat(w, k).ToSlice(), "Diagflat(%v, %d)", l2, k)
	}
}

// TestDiagOfMatrixIsAView proves Diag's zero-copy 2-D case both ways, and
// that it keeps the source's read-only flag (semantics.md Z7).
func TestDiagOfMatrixIsAView(t *testing.T) {
	data := arange(12)
	a, err := FromSlice(data, 3, 4)
	require.NoError(t, err)
	d := Diag(a, 1)
	assert.Equal(t, []int{1, 6, 11}, d.ToSlice())
	data[6] = -6
	assert.Equal(t, -6, d.At(1), "a write to the matrix is seen through the diagonal")
	d.Set(100, 2)
	assert.Equal(t, 100, data[11], "a write to the diagonal lands in the matrix")
	assert.True(t, Diag(a.AsReadOnly(), 0).ReadOnly())
	assert.Equal(t, []int{0}, Diag(a, 4).Shape(), "an offset past the matrix gives an empty view")
	assert.Equal(t, []int{0}, Diag(a, -3).Shape())
}

// TestMeshgridZeroCopy draws 1-D inputs of every layout (reversed,
// stepped, broadcast, read-only, empty) and checks every grid against its
// input through At, that the grids are read-only, and that a write to an
// input is seen through its grid.
func TestMeshgridZeroCopy(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for range 300 {
		n := r.IntN(4)
		ix := MeshIndexing(r.IntN(2))
		ls := make([]testLayout, n)
		bufs := make([][]int, n)
		xs := make([]NDView[int], n)
		for k := range xs {
			ls[k] = randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 1, MaxExtent: 4})
			bufs[k], xs[k] = ls[k].guarded()
			if r.IntN(6) == 0 {
				if ls[k].Shape[0] > 0 {
					xs[k] = xs[k].Slice(Int(0)).AsReadOnly() // a 0-d input, as length 1
				} else {
					xs[k] = Scalar(5)
				}
			}
		}
		gs := Meshgrid(ix, xs...)
		require.Len(t, gs, n)
		shape := make([]int, n)
		for k, x := range xs {
			shape[k] = max(x.Size(), 1)
			if x.NDim() == 1 {
				shape[k] = x.Size()
			}
		}
		if ix == MeshXY && n > 1 {
			shape[0], shape[1] = shape[1], shape[0]
		}
		for k, g := range gs {
			require.Equal(t, shape, g.Shape())
			require.True(t, g.ReadOnly())
			panics(t, ErrReadOnly, func() { g.Fill(0) })
			ax := k
			if ix == MeshXY && n > 1 && k < 2 {
				ax = 1 - k
			}
			forEachIndex(shape, func(idx []int) {
				var want int
				if xs[k].NDim() == 0 {
					want = xs[k].At()
				} else {
					want = xs[k].At(idx[ax])
				}
				require.Equal(t, want, g.At(idx...), "grid %d of %v at %v", k, ls, idx)
			})
			// Zero copy: change the input's memory, read it through the grid.
			if xs[k].NDim() == 1 && xs[k].Size() > 0 && g.Size() > 0 {
				for i := range bufs[k] {
					bufs[k][i] = 7000 + i
				}
				idx := make([]int, n)
				idx[ax] = xs[k].Size() - 1
				require.Equal(t, xs[k].At(xs[k].Size()-1), g.At(idx...))
				require.GreaterOrEqual(t, g.At(idx...), 7000)
			}
		}
	}
	assert.Empty(t, Meshgrid[int](MeshXY))
}

func TestIndicesProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 10))
	for range 200 {
		shape := randomShape(r, layoutOpts{MaxRank: 5})
		v := Indices(shape...)
		require.Equal(t, append([]int{len(shape)}, shape...), v.Shape())
		forEachIndex(shape, func(idx []int) {
			for d := range shape {
				require.Equal(t, idx[d], v.At(append([]int{d}, idx...)...), "Indices%v", shape)
			}
		})
	}
}
