package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// refLines returns the lines of v along axis, one per element of v's shape
// without that axis, in C order, each in index order along the axis.
func refLines[T any](v NDView[T], axis int) [][]T {
	sh := v.Shape()
	rest := slices.Delete(slices.Clone(sh), axis, axis+1)
	var out [][]T
	forEachIndex(rest, func(idx []int) {
		full := slices.Insert(slices.Clone(idx), axis, 0)
		line := make([]T, sh[axis])
		for k := range line {
			full[axis] = k
			line[k] = v.At(full...)
		}
		out = append(out, line)
	})
	if len(rest) == 0 && layout.ShapeSize(sh) == 0 {
		out = [][]T{{}} // a 1-D empty view reduces to one empty line
	}
	return out
}

// randReduceDst returns a writable destination with a random layout for a
// reduction of shape along axis: the shape without the axis or, at random,
// with it of extent 1.
func randReduceDst[T any](r *rand.Rand, shape []int, axis int, guard T) ([]T, NDView[T]) {
	ds := slices.Clone(shape)
	if r.IntN(2) == 0 {
		ds[axis] = 1
	} else {
		ds = slices.Delete(ds, axis, axis+1)
	}
	return randViewOf(r, ds, guard)
}

// reduceCase is an axis reduction of ints and its reference on a line.
type reduceCase struct {
	name  string
	run   func(dst, v NDView[int], axis int)
	ref   func(line []int) int
	empty bool // defined on an empty line
}

func refArg(line []int, better func(x, y int) bool) int {
	k := 0
	for i, x := range line {
		if better(x, line[k]) {
			k = i
		}
	}
	return k
}

var intReduceCases = []reduceCase{
	{"SumAxis", func(d, v NDView[int], a int) { SumAxisInto(d, v, a) }, func(l []int) int {
		s := 0
		for _, x := range l {
			s += x
		}
		return s
	}, true},
	{"ProdAxis", func(d, v NDView[int], a int) { ProdAxisInto(d, v, a) }, func(l []int) int {
		p := 1
		for _, x := range l {
			p *= x
		}
		return p
	}, true},
	{"MinAxis", func(d, v NDView[int], a int) { MinAxisInto(d, v, a) }, func(l []int) int { return slices.Min(l) }, false},
	{"MaxAxis", func(d, v NDView[int], a int) { MaxAxisInto(d, v, a) }, func(l []int) int { return slices.Max(l) }, false},
	{"ArgMinAxis", ArgMinAxisInto[int], func(l []int) int { return refArg(l, func(x, y int) bool { return x < y }) }, false},
	{"ArgMaxAxis", ArgMaxAxisInto[int], func(l []int) int { return refArg(l, func(x, y int) bool { return x > y }) }, false},
}

// TestReduceAxisRandom runs every axis reduction on random layouts (any
// strides, broadcast views, 0-d rows, both destination shapes, negative
// axes, lines from 0 to 40 elements so that row, fold and copy walks all
// run) against the reference on each line.
func TestReduceAxisRandom(t *testing.T) {
	for _, c := range intReduceCases {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(101, uint64(len(c.name))))
			for i := range 600 {
				shape := randShape(r, 4, 6)
				if len(shape) == 0 {
					shape = []int{3}
				}
				axis := r.IntN(len(shape))
				if r.IntN(3) == 0 {
					shape[axis] = r.IntN(41)
				}
				if !c.empty && shape[axis] == 0 {
					shape[axis] = 1
				}
				v := randReadOf(r, shape, smallInts(r))
				buf, dst := randReduceDst(r, shape, axis, -1000)
				var vals []int
				if layout.ShapeSize(dst.Shape()) > 0 {
					for _, l := range refLines(v, axis) {
						vals = append(vals, c.ref(l))
					}
				}
				want := refStore(buf, dst, vals)
				ax := axis
				if r.IntN(2) == 0 {
					ax -= len(shape)
				}
				c.run(dst, v, ax)
				if !slices.Equal(buf, want) {
					t.Fatalf("#%d: %s(dst %v st %v, v %v st %v, axis %d): buffer = %v, want %v",
						i, c.name, dst.Shape(), dst.Strides(), v.Shape(), v.Strides(), ax, buf, want)
				}
			}
		})
	}
	t.Run("AnyAxis and AllAxis", func(t *testing.T) {
		r := rand.New(rand.NewPCG(103, 104))
		for i := range 600 {
			shape := randShape(r, 4, 6)
			if len(shape) == 0 {
				shape = []int{2}
			}
			axis := r.IntN(len(shape))
			if r.IntN(3) == 0 {
				shape[axis] = r.IntN(30)
			}
			density := r.IntN(10)
			v := randReadOf(r, shape, func(int) bool { return r.IntN(10) < density })
			for _, isAny := range []bool{true, false} {
				buf, dst := randReduceDst(r, shape, axis, false)
				var vals []bool
				if layout.ShapeSize(dst.Shape()) > 0 {
					for _, l := range refLines(v, axis) {
						vals = append(vals, isAny && slices.Contains(l, true) || !isAny && !slices.Contains(l, false))
					}
				}
				want := refStore(buf, dst, vals)
				if isAny {
					AnyAxisInto(dst, v, axis)
				} else {
					AllAxisInto(dst, v, axis)
				}
				require.Equal(t, want, buf, "#%d any=%v on v %v st %v axis %d", i, isAny, v.Shape(), v.Strides(), axis)
			}
		}
	})
	t.Run("MeanAxis", func(t *testing.T) {
		r := rand.New(rand.NewPCG(105, 106))
		for i := range 300 {
			shape := randShape(r, 3, 6)
			if len(shape) == 0 {
				shape = []int{2}
			}
			axis := r.IntN(len(shape))
			shape[axis] = 1 + r.IntN(40)
			v := randReadOf(r, shape, func(int) float64 { return float64(r.IntN(19) - 9) })
			buf, dst := randReduceDst(r, shape, axis, -1000.0)
			var vals []float64
			if layout.ShapeSize(dst.Shape()) > 0 {
				for _, l := range refLines(v, axis) {
					s := 0.0
					for _, x := range l {
						s += x // small integers: exact
					}
					vals = append(vals, s/float64(len(l)))
				}
			}
			want := refStore(buf, dst, vals)
			MeanAxisInto(dst, v, axis)
			require.Equal(t, want, buf, "#%d MeanAxis(v %v st %v, %d)", i, v.Shape(), v.Strides(), axis)
		}
	})
}

// randReadOf returns a view of shape filled by gen: a random layout, or
// now and then a broadcast (read-only, zero strides) view.
func randReadOf[T any](r *rand.Rand, shape []int, gen func(int) T) NDView[T] {
	var z T
	if r.IntN(3) == 0 {
		_, v := randViewOf(r, broadcastShapeFor(r, shape), z)
		fillWith(v, gen)
		if b, err := v.BroadcastTo(shape...); err == nil {
			return b
		}
	}
	_, v := randViewOf(r, shape, z)
	fillWith(v, gen)
	return v
}

// TestReduceAllRandom runs the whole-view reductions on random layouts
// against reductions of the elements in C order.
func TestReduceAllRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(107, 108))
	for i := range 600 {
		shape := randShape(r, 4, 6)
		v := randReadOf(r, shape, smallInts(r))
		vals := values(v)
		sum, prod := 0, 1
		for _, x := range vals {
			sum += x
			prod *= x
		}
		require.Equal(t, sum, Sum(v), "#%d Sum(%v st %v)", i, v.Shape(), v.Strides())
		require.Equal(t, prod, Prod(v), "#%d Prod", i)
		if len(vals) == 0 {
			panicsWith(t, ErrShape, "Min of an empty view", func() { Min(v) })
			panicsWith(t, ErrShape, "ArgMax of an empty view", func() { ArgMax(v) })
			continue
		}
		require.Equal(t, slices.Min(vals), Min(v), "#%d Min", i)
		require.Equal(t, slices.Max(vals), Max(v), "#%d Max", i)
		require.Equal(t, refArg(vals, func(x, y int) bool { return x < y }), ArgMin(v), "#%d ArgMin(%v st %v) of %v", i, v.Shape(), v.Strides(), vals)
		require.Equal(t, refArg(vals, func(x, y int) bool { return x > y }), ArgMax(v), "#%d ArgMax", i)
		fv := Zeros[float64](v.Shape()...)
		ConvertInto(fv, v)
		require.Equal(t, float64(sum)/float64(len(vals)), Mean(fv), "#%d Mean", i)
	}
	t.Run("Any and All", func(t *testing.T) {
		for i := range 400 {
			shape := randShape(r, 4, 6)
			density := r.IntN(12)
			v := randReadOf(r, shape, func(int) bool { return r.IntN(10) < density })
			vals := values(v)
			require.Equal(t, slices.Contains(vals, true), Any(v), "#%d Any", i)
			require.Equal(t, !slices.Contains(vals, false), All(v), "#%d All", i)
		}
	})
}

func TestReduceFloats(t *testing.T) {
	nan := math.NaN()
	v, _ := FromSlice([]float64{3, -1, nan, 7, -1, nan}, 2, 3)
	assert.True(t, math.IsNaN(Sum(v)) && math.IsNaN(Min(v)) && math.IsNaN(Max(v)), "NaN propagates")
	assert.Equal(t, 2, ArgMin(v), "ArgMin: the first NaN wins")
	assert.Equal(t, 2, ArgMax(v), "ArgMax: the first NaN wins")
	w, _ := FromSlice([]float64{3, -1, 2, 7, -1, 7}, 2, 3)
	assert.Equal(t, 1, ArgMin(w), "ArgMin: the first of equal minima")
	assert.Equal(t, 3, ArgMax(w), "ArgMax: the first of equal maxima")
	// w.T() is [[3 7] [-1 -1] [2 7]]: its C order, not memory order.
	assert.Equal(t, 2, ArgMin(w.T()), "ArgMin of the transpose counts in its own C order")
	assert.Equal(t, 1, ArgMax(w.T()))
	d := Zeros[int](3)
	ArgMinAxisInto(d, v, 0)
	assert.Equal(t, []int{0, 0, 0}, d.ToSlice())
	ArgMaxAxisInto(d, v, 0)
	assert.Equal(t, []int{1, 0, 0}, d.ToSlice())
	// w.Flip(0) is [[7 -1 7] [3 -1 2]]: indices and ties follow its own
	// index order.
	ArgMinAxisInto(d, w.Flip(0), 0)
	assert.Equal(t, []int{1, 0, 1}, d.ToSlice(), "ArgMinAxis counts along the flipped axis")
	mn := Zeros[float64](2)
	MinAxisInto(mn, v, 1)
	assert.True(t, math.IsNaN(mn.At(0)) && math.IsNaN(mn.At(1)), "MinAxis with NaN = %v", mn.ToSlice())

	assert.Equal(t, complex(4, 6), Sum(mustFrom(t, []complex128{1 + 2i, 3 + 4i})))
	assert.Equal(t, complex(-5, 10), Prod(mustFrom(t, []complex128{1 + 2i, 3 + 4i})))
	assert.Equal(t, int8(-56), Sum(mustFrom(t, []int8{100, 100})), "int8 sums wrap")

	t.Run("empty", func(t *testing.T) {
		e := Zeros[float64](0, 3)
		assert.Equal(t, 0.0, Sum(e))
		assert.Equal(t, 1.0, Prod(e))
		assert.True(t, math.IsNaN(Mean(e)))
		assert.False(t, Any(Zeros[bool](0)))
		assert.True(t, All(Zeros[bool](0)))
		d := Zeros[float64](3)
		d.Fill(9)
		SumAxisInto(d, e, 0)
		assert.Equal(t, []float64{0, 0, 0}, d.ToSlice())
		ProdAxisInto(d, e, 0)
		assert.Equal(t, []float64{1, 1, 1}, d.ToSlice())
		MeanAxisInto(d, e, 0)
		assert.True(t, math.IsNaN(d.At(0)))
		b := Zeros[bool](3)
		AllAxisInto(b, Zeros[bool](0, 3), 0)
		assert.Equal(t, []bool{true, true, true}, b.ToSlice())
		panicsWith(t, ErrShape, "MinAxis over an empty axis", func() { MinAxisInto(d, e, 0) })
		panicsWith(t, ErrShape, "ArgMaxAxis over an empty axis", func() { ArgMaxAxisInto(Zeros[int](3), e, 0) })
		MinAxisInto(Zeros[float64](0), e, 1) // nothing to reduce into: no panic
	})
}

func mustFrom[T any](t *testing.T, s []T, shape ...int) NDView[T] {
	t.Helper()
	v, err := FromSlice(s, shape...)
	require.NoError(t, err)
	return v
}

func TestReduceAxisPanics(t *testing.T) {
	v := arangeView(24, 2, 3, 4)
	cases := []struct {
		name  string
		f     func()
		err   error
		parts []string
	}{
		{"axis too big", func() { SumAxisInto(Zeros[int](2, 3), v, 3) }, ErrAxis, []string{"SumAxis", "axis 3 is out of bounds for array of dimension 3"}},
		{"axis too small", func() { MaxAxisInto(Zeros[int](2, 3), v, -4) }, ErrAxis, []string{"axis -4"}},
		{"0-d", func() { SumAxisInto(Zeros[int](), arangeView(1).Slice(Int(0)), 0) }, ErrAxis, []string{"dimension 0"}},
		{"wrong shape", func() { SumAxisInto(Zeros[int](2, 4), v, 2) }, ErrShape, []string{"SumAxis", "destination shape (2, 4)", "shape (2, 3, 4) along axis 2", "want (2, 3) or (2, 3, 1)"}},
		{"wrong keepdims", func() { ProdAxisInto(Zeros[int](2, 2, 4), v, 1) }, ErrShape, []string{"want (2, 4) or (2, 1, 4)"}},
		{"wrong rank", func() { ArgMinAxisInto(Zeros[int](24), v, 0) }, ErrShape, []string{"ArgMinAxis", "(24,)"}},
		{"read-only", func() { SumAxisInto(Zeros[int](3, 4).AsReadOnly(), v, 0) }, ErrReadOnly, nil},
		{"read-only any", func() { AnyAxisInto(Zeros[bool](3).AsReadOnly(), Zeros[bool](2, 3), 0) }, ErrReadOnly, nil},
		{"float16", func() { SumAxisInto(Zeros[float16.Float16](3), Zeros[float16.Float16](2, 4), 0) }, ErrShape, []string{"SumAxis"}},
		{"float16 mean", func() { MeanAxisInto(Zeros[float16.Float16](3).AsReadOnly(), Zeros[float16.Float16](2, 3), 0) }, ErrReadOnly, []string{"MeanAxis"}},
	}
	for _, c := range cases {
		func() {
			defer func() {
				e := recover()
				err, ok := e.(error)
				require.True(t, ok, "%s: panic value %v is not an error", c.name, e)
				assert.True(t, errors.Is(err, c.err), "%s: %v does not wrap %v", c.name, err, c.err)
				for _, p := range c.parts {
					assert.Contains(t, err.Error(), p, c.name)
				}
			}()
			c.f()
			t.Errorf("%s did not panic", c.name)
		}()
	}
}

// TestReduceAxisOverlap reduces a view into one of its own rows.
func TestReduceAxisOverlap(t *testing.T) {
	v := arangeView(12, 3, 4)
	SumAxisInto(v.Slice(Int(0)), v, 0) // v[0] = v.sum(axis=0)
	assert.Equal(t, []int{12, 15, 18, 21, 4, 5, 6, 7, 8, 9, 10, 11}, v.ToSlice())
	w := arangeView(12, 3, 4)
	ArgMaxAxisInto(w.Slice(Colon(), Int(3)), w, 1) // w[:, 3] = w.argmax(axis=1)
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5, 6, 3, 8, 9, 10, 3}, w.ToSlice())
}

// TestSumMemoryOrder shows that Sum reads in memory order: the sum of a
// view and of its transposes and reversals is the same to the bit,
// although their C orders differ and float addition is not associative.
func TestSumMemoryOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(109, 110))
	data := make([]float64, 300*70)
	for i := range data {
		data[i] = r.NormFloat64() * math.Pow(10, float64(r.IntN(20)-10))
	}
	v := mustFrom(t, data, 300, 70)
	want := Sum(v)
	// The same memory in the same direction sums to the same bits
	// (NumPy's K order, semantics.md N5); reversed axes change the order,
	// as in NumPy (TestSumMatchesNumPy).
	for name, u := range map[string]NDView[float64]{
		"T": v.T(), "reshape": mustValue(v.Reshape(70, 300)).T(), "3-d": mustValue(v.Reshape(30, 10, 70)).Transpose(2, 0, 1),
	} {
		assert.Equal(t, math.Float64bits(want), math.Float64bits(Sum(u)), "Sum(%s) = %v, want %v", name, Sum(u), want)
	}
}

// exactSum returns the exact sum of xs, rounded once to float64, and
// Σ|x| (rounded).
func exactSum[T float32 | float64](xs []T) (float64, float64) {
	s := new(big.Float).SetPrec(4096)
	a := new(big.Float).SetPrec(4096)
	for _, x := range xs {
		f := new(big.Float).SetFloat64(float64(x))
		s.Add(s, f)
		a.Add(a, f.Abs(f))
	}
	sf, _ := s.Float64()
	af, _ := a.Float64()
	return sf, af
}

// gamma returns γ_d = d·u/(1 − d·u).
func gamma(d int, u float64) float64 { return float64(d) * u / (1 - float64(d)*u) }

// ceilLog2 returns ⌈log2 n⌉ for n >= 1.
func ceilLog2(n int) int {
	k := 0
	for 1<<k < n {
		k++
	}
	return k
}

// adversarial returns inputs that defeat naive summation: cancellation,
// one huge element among many small ones, alternating signs, wildly
// mixed magnitudes.
func adversarial(r *rand.Rand, n int) map[string][]float64 {
	out := map[string][]float64{}
	ones := slices.Repeat([]float64{1}, n)
	ones[0] = 1e16
	out["1e16 then ones"] = ones
	canc := make([]float64, n)
	for i := 0; i+1 < n; i += 2 {
		big := math.Ldexp(1+r.Float64(), 60+r.IntN(200))
		canc[i], canc[i+1] = big, -big
	}
	for i := range n / 10 {
		canc[r.IntN(n)] = r.Float64() // small survivors among the pairs
		_ = i
	}
	out["huge cancellation"] = canc
	alt := make([]float64, n)
	for i := range alt {
		alt[i] = (1 + float64(i)*0x1p-40) * float64(1-2*(i%2))
	}
	out["alternating signs"] = alt
	mixed := make([]float64, n)
	for i := range mixed {
		mixed[i] = r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
	}
	out["mixed magnitudes"] = mixed
	tenth := slices.Repeat([]float64{0.1}, n)
	out["0.1 repeated"] = tenth
	return out
}

// TestSumErrorBound checks the error bound of the pairwise.go
// documentation against sums computed exactly with math/big, on
// adversarial inputs and several layouts, for Sum and for SumAxis along
// inner and outer axes.
func TestSumErrorBound(t *testing.T) {
	r := rand.New(rand.NewPCG(111, 112))
	const n = 1 << 17
	const u64 = 0x1p-53
	for name, xs := range adversarial(r, n) {
		exact, abs := exactSum(xs)
		check := func(layout string, got float64, d int) {
			t.Helper()
			bound := gamma(d, u64) * abs
			if err := math.Abs(got - exact); err > bound {
				t.Errorf("%s, %s: Sum = %v, exact %v: error %g above the bound %g (d = %d)", name, layout, got, exact, err, bound, d)
			}
		}
		v := mustFrom(t, xs)
		chunks := (n + npBuffer - 1) / npBuffer
		check("contiguous", Sum(v), 32+chunks)
		check("reversed", Sum(v.Flip(0)), 32+chunks)
		m := mustValue(v.Reshape(512, 256))
		check("transposed", Sum(m.T()), 32+chunks)
		// A strided layout: rows of 4 elements (every other column),
		// read in chunks across rows.
		s := mustValue(v.Reshape(n/8, 8)).Slice(Colon(), Step(2))
		sx := s.ToSlice()
		sExact, sAbs := exactSum(sx)
		if err := math.Abs(Sum(s) - sExact); err > gamma(32+(n/2+npBuffer-1)/npBuffer, u64)*sAbs {
			t.Errorf("%s, strided rows: error %g above the bound", name, err)
		}
		// SumAxis along the inner axis (each row reduced, rows of 2^13)
		// and the outer axis (rows folded), each element checked.
		rows := mustValue(v.Reshape(16, n/16))
		inner := Zeros[float64](16)
		SumAxisInto(inner, rows, 1)
		for i := range 16 {
			e, a := exactSum(rows.Slice(Int(i)).ToSlice())
			if err := math.Abs(inner.At(i) - e); err > gamma(32+1, u64)*a {
				t.Errorf("%s, SumAxis inner row %d: error %g above the bound", name, i, err)
			}
		}
		cols := mustValue(v.Reshape(n/8, 8))
		outer := Zeros[float64](8)
		SumAxisInto(outer, cols, 0)
		for j := range 8 {
			e, a := exactSum(cols.Slice(Colon(), Int(j)).ToSlice())
			// A plain loop down the column, as NumPy's: γ_m.
			if err := math.Abs(outer.At(j) - e); err > gamma(n/8, u64)*a {
				t.Errorf("%s, SumAxis outer column %d: error %g above the bound", name, j, err)
			}
		}
	}
	t.Run("float32", func(t *testing.T) {
		// 2^20 copies of 0.1f: a float32 loop drifts far (its sum stalls
		// where 0.1 is below half an ulp); the pairwise sum stays within
		// the bound.
		xs := slices.Repeat([]float32{0.1}, 1<<20)
		exact, abs := exactSum(xs)
		got := Sum(mustFrom(t, xs))
		bound := gamma(32+len(xs)/npBuffer, 0x1p-24) * abs
		assert.LessOrEqual(t, math.Abs(float64(got)-exact), bound, "float32 Sum = %v, exact %v", got, exact)
		var naive float32
		for _, x := range xs {
			naive += x
		}
		assert.Greater(t, math.Abs(float64(naive)-exact), 100*math.Abs(float64(got)-exact), "the naive loop should be far worse (naive %v, pairwise %v)", naive, got)
	})
}

func TestReduceFloat16(t *testing.T) {
	h := func(x float32) float16.Float16 { return float16.Fromfloat32(x) }
	// 4096 ones: a float16 accumulator would stop at 2048.
	ones := mustFrom(t, slices.Repeat([]float16.Float16{h(1)}, 4096), 64, 64)
	assert.Equal(t, float32(4096), Sum(ones).Float32())
	assert.Equal(t, float32(4096), Sum(ones.T()).Float32())
	assert.Equal(t, float32(1), Mean(ones).Float32())
	col := Zeros[float16.Float16](64)
	SumAxisInto(col, ones, 0)
	assert.Equal(t, float32(64), col.At(5).Float32())
	MeanAxisInto(col, ones.T(), 1)
	assert.Equal(t, float32(1), col.At(7).Float32())
	// Values ordered as floats, not by bits: -3 (0xc200) is the smallest,
	// 2 (0x4000) the largest, though 0xc200 > 0x4000.
	v := mustFrom(t, []float16.Float16{h(1), h(-3), h(2), h(-0.5), h(0.25), h(1.5)}, 2, 3)
	assert.Equal(t, float32(-3), Min(v).Float32())
	assert.Equal(t, float32(2), Max(v).Float32())
	assert.Equal(t, 1, ArgMin(v))
	assert.Equal(t, 2, ArgMax(v))
	assert.Equal(t, float32(1.25), Sum(v).Float32())
	assert.Equal(t, float32(1*-3*2*-0.5*0.25*1.5), Prod(v).Float32())
	d := Zeros[float16.Float16](3)
	MinAxisInto(d, v, 0)
	assert.Equal(t, []float32{-0.5, -3, 1.5}, []float32{d.At(0).Float32(), d.At(1).Float32(), d.At(2).Float32()})
	MaxAxisInto(d, v, 0)
	assert.Equal(t, []float32{1, 0.25, 2}, []float32{d.At(0).Float32(), d.At(1).Float32(), d.At(2).Float32()})
	ProdAxisInto(d, v, 0)
	assert.Equal(t, []float32{-0.5, -0.75, 3}, []float32{d.At(0).Float32(), d.At(1).Float32(), d.At(2).Float32()})
	ai := Zeros[int](2)
	ArgMaxAxisInto(ai, v, 1)
	assert.Equal(t, []int{2, 2}, ai.ToSlice())
	ArgMinAxisInto(ai, v, 1)
	assert.Equal(t, []int{1, 0}, ai.ToSlice())
	nan := mustFrom(t, []float16.Float16{h(1), float16.NaN(), h(5)})
	assert.True(t, Max(nan).IsNaN())
	assert.Equal(t, 1, ArgMin(nan))
	// The float32 sum is rounded once: 2048 + 1 + 1 is 2050, where
	// rounding after each addition would give 2048.
	assert.Equal(t, float32(2050), Sum(mustFrom(t, []float16.Float16{h(2048), h(1), h(1)})).Float32())
}

func TestReduceAllocs(t *testing.T) {
	v := Zeros[float64](64, 64)
	h := Zeros[float16.Float16](64, 64)
	b := Zeros[bool](64, 64)
	d := Zeros[float64](64)
	i := Zeros[int](64)
	for name, f := range map[string]func(){
		"Sum":              func() { Sum(v.T()) },
		"Prod":             func() { Prod(v) },
		"Min":              func() { Min(v.T()) },
		"ArgMax":           func() { ArgMax(v.T()) },
		"Mean float16":     func() { Mean(h.T()) },
		"Max float16":      func() { Max(h) },
		"ArgMin float16":   func() { ArgMin(h) },
		"Any":              func() { Any(b) },
		"SumAxis inner":    func() { SumAxisInto(d, v, 1) },
		"SumAxis outer 16": func() { SumAxisInto(d, v.Slice(Range(0, 16)), 0) },
		"MaxAxis outer":    func() { MaxAxisInto(d, v, 0) },
		"ArgMinAxis":       func() { ArgMinAxisInto(i, v, 0) },
	} {
		assert.Zero(t, testing.AllocsPerRun(10, f), name)
	}
}

// TestReduceMessages pins the wording of the reduction errors.
func TestReduceMessages(t *testing.T) {
	defer func() {
		got := recover().(error).Error()
		want := "ndview: SumAxis: destination shape (3,) does not fit the reduction of shape (2, 3) along axis 1; want (2,) or (2, 1) (keepdims)"
		if !strings.EqualFold(got, want) {
			t.Errorf("message = %q, want %q", got, want)
		}
	}()
	SumAxisInto(Zeros[int](3), arangeView(6, 2, 3), 1)
}
