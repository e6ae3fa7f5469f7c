package ndview

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// The allocating forms (semantics.md A1): each returns what its XInto
// stores into a fresh destination of the right shape.

func TestAllocatingElementwise(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		la := randomLayout(r, layoutOpts{MaxRank: 4})
		a := layoutView(la, counting(la.N))
		bsh := broadcastShapeFor(r, la.Shape)
		lb := randomLayout(r, layoutOpts{Shape: bsh})
		b := layoutView(lb, counting(lb.N))
		want, err := BroadcastShapes(a.Shape(), b.Shape())
		require.NoError(t, err)

		got := Add(a, b)
		require.Equal(t, want, got.Shape(), "%v + %v", la, lb)
		ref := Zeros[int](want...)
		AddInto(ref, a, b)
		require.True(t, ArrayEqual(got, ref), "Add(%v, %v)", la, lb)
		require.True(t, got.IsContiguous())

		less := Less(a, b)
		refLess := Zeros[bool](want...)
		LessInto(refLess, a, b)
		require.True(t, ArrayEqual(less, refLess))

		sq := Map(a, func(x int) float64 { return math.Sqrt(float64(x)) })
		require.Equal(t, a.Shape(), sq.Shape())
		for idx, x := range a.Enumerate() {
			require.Equal(t, math.Sqrt(float64(x)), sq.At(idx...))
		}
	}
}

func TestAllocatingElementwisePanics(t *testing.T) {
	a := Zeros[float64](2, 3)
	b := Zeros[float64](4)
	msg := panics(t, ErrShape, func() { Add(a, b) })
	require.Contains(t, msg, "Add")
	require.Contains(t, msg, "(2, 3) (4,)")
	_, err := Power(FromSliceMust([]int{2, 3}), FromSliceMust([]int{1, -1}))
	require.Error(t, err)
}

func TestAllocatingAllocs(t *testing.T) {
	a := Zeros[float64](1000)
	b := Zeros[float64](1000)
	dst := Zeros[float64](1000)
	m := Zeros[float64](10, 100)
	into := testing.AllocsPerRun(20, func() { AddInto(dst, a, b) })
	alloc := testing.AllocsPerRun(20, func() { _ = Add(a, b) })
	require.Equal(t, into+1, alloc, "Add allocates the result and nothing more than AddInto")
	alloc = testing.AllocsPerRun(20, func() { _ = AddScalar(a, 2) })
	require.Equal(t, 1.0, alloc)
	alloc = testing.AllocsPerRun(20, func() { _ = SumAxis(m, 1) })
	require.Equal(t, 1.0, alloc)
	alloc = testing.AllocsPerRun(20, func() { _ = SumAxis(m, 0, 1) })
	require.Equal(t, 1.0, alloc)
	alloc = testing.AllocsPerRun(20, func() { _ = Sqrt(a) })
	require.Equal(t, 1.0, alloc)
}

// refReduce reduces v over the axes (every axis when none) with f, starting
// from init, visiting elements in C order: the oracle of the multi-axis
// reductions.
func refReduce[T, R any](v NDView[T], axes []int, init R, f func(R, T) R) NDView[R] {
	nd := v.NDim()
	red := make([]bool, nd)
	if len(axes) == 0 {
		for k := range red {
			red[k] = true
		}
	}
	for _, a := range axes {
		if a < 0 {
			a += nd
		}
		red[a] = true
	}
	var keep []int
	for k, n := range v.Shape() {
		if !red[k] {
			keep = append(keep, n)
		}
	}
	out := Full(init, keep...)
	for idx, x := range v.Enumerate() {
		var o []int
		for k, i := range idx {
			if !red[k] {
				o = append(o, i)
			}
		}
		out.Set(f(out.At(o...), x), o...)
	}
	return out
}

// reduceAxesDraw draws a random set of distinct axes of an nd-dimensional
// view, some negative; sometimes none (every axis).
func reduceAxesDraw(r *rand.Rand, nd int) []int {
	if nd == 0 || r.IntN(5) == 0 {
		return nil
	}
	var axes []int
	for _, k := range r.Perm(nd)[:1+r.IntN(nd)] {
		if r.IntN(3) == 0 {
			k -= nd
		}
		axes = append(axes, k)
	}
	return axes
}

func TestMultiAxisReductions(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		l := randomLayout(r, layoutOpts{MaxRank: 5})
		v := layoutView(l, counting(l.N))
		axes := reduceAxesDraw(r, v.NDim())
		what := func() string { return l.String() + " axes " + itoa(len(axes)) }

		sum := SumAxis(v, axes...)
		require.True(t, ArrayEqual(sum, refReduce(v, axes, 0, func(a, x int) int { return a + x })), what())
		prod := ProdAxis(v, axes...)
		require.True(t, ArrayEqual(prod, refReduce(v, axes, 1, func(a, x int) int { return a * x })), what())
		odd := Map(v, func(x int) bool { return x%2 == 1 })
		require.True(t, ArrayEqual(AnyAxis(odd, axes...), refReduce(odd, axes, false, func(a, x bool) bool { return a || x })), what())
		require.True(t, ArrayEqual(AllAxis(odd, axes...), refReduce(odd, axes, true, func(a, x bool) bool { return a && x })), what())
		require.True(t, ArrayEqual(CountNonzeroAxis(odd, axes...), refReduce(odd, axes, 0, func(a int, x bool) int {
			if x {
				return a + 1
			}
			return a
		})), what())

		// keepdims: the destination form accepts the reduced axes as
		// extent-1 axes, and ExpandDims of the allocating form is that.
		keepShape := v.Shape()
		red := slices.Clone(axes)
		if len(red) == 0 {
			red = arange(v.NDim())
		}
		for i, a := range red {
			if a < 0 {
				red[i] = a + v.NDim()
			}
			keepShape[red[i]] = 1
		}
		kd := Zeros[int](keepShape...)
		SumAxisInto(kd, v, axes...)
		slices.Sort(red)
		require.True(t, ArrayEqual(kd, sum.ExpandDims(red...)), what())

		if v.Size() > 0 {
			f := Map(v, func(x int) float64 { return float64(x) })
			mx := MaxAxis(f, axes...)
			require.True(t, ArrayEqual(mx, refReduce(f, axes, math.Inf(-1), math.Max)), what())
			mean := MeanAxis(f, axes...)
			n := 1
			for _, a := range red {
				n *= v.Shape()[a]
			}
			refMean := refReduce(f, axes, 0.0, func(a, x float64) float64 { return a + x })
			for idx, m := range mean.Enumerate() {
				require.InDelta(t, refMean.At(idx...)/float64(n), m, 1e-9, what())
			}
			va := VarAxis[float64](f, 0, axes...)
			sq := refReduce(f, axes, 0.0, func(a, x float64) float64 { return a + x*x })
			for idx, got := range va.Enumerate() {
				mu := refMean.At(idx...) / float64(n)
				require.InDelta(t, sq.At(idx...)/float64(n)-mu*mu, got, 1e-6, what())
			}
		}
	}
}

func TestMultiAxisReductionPanics(t *testing.T) {
	v := Zeros[float64](2, 3, 4)
	panics(t, ErrAxis, func() { SumAxis(v, 0, -3) })
	panics(t, ErrAxis, func() { SumAxis(v, 0, 3) })
	panics(t, ErrAxis, func() { SumAxisInto(Zeros[float64](3), v, 0, 0) })
	msg := panics(t, ErrShape, func() { SumAxisInto(Zeros[float64](2), v, 0, 2) })
	require.Contains(t, msg, "want (3,) or (1, 3, 1) (keepdims)")
	panics(t, ErrReadOnly, func() { SumAxisInto(Zeros[float64](3).AsReadOnly(), v, 0, 2) })
	// No axes: every axis, into a 0-d result; a 0-d view reduces to itself.
	require.Equal(t, []int{}, SumAxis(v).Shape())
	s := Must(FromSlice([]int{7})).Squeeze()
	require.Equal(t, 7, SumAxis(s).At())
	panics(t, ErrAxis, func() { SumAxis(s, 0) })
}

func TestAllocatingHandWritten(t *testing.T) {
	v := FromSliceMust([]int{1, 4, 9, 16, 25, 36}, 2, 3)
	require.Equal(t, []int{2, 1}, Diff(v, 2, 1).Shape())
	require.Equal(t, []int{2, 2}, Diff(v, 1, -1).Shape())
	require.Equal(t, []int{3, 5, 7, 9, 11}, Diff(Ravel(v), 1, 0).ToSlice())
	require.Equal(t, []int{2, 0}, Diff(v, 5, 1).Shape())
	pre := Scalar(0)
	require.Equal(t, []int{1, 3, 5, 7, 9, 11}, DiffWith(Ravel(v), 1, 0, &pre, nil).ToSlice())
	require.Equal(t, []int{1, 5, 14, 30, 55, 91}, Cumsum(v).ToSlice())
	q, rem := Divmod(FromSliceMust([]int{7, -7}), Scalar(2))
	require.Equal(t, []int{3, -4}, q.ToSlice())
	require.Equal(t, []int{1, 1}, rem.ToSlice())
	c := Cov[float64](Map(v, func(x int) float64 { return float64(x) }), true, 1)
	require.Equal(t, []int{2, 2}, c.Shape())
	require.Equal(t, []int{}, Cov[float64](Ravel(v), true, 1).Shape())
	qs, err := QuantilesAxis[float64](v, 1, []float64{0, 0.5, 1}, QuantileLinear)
	require.NoError(t, err)
	require.Equal(t, []int{3, 2}, qs.Shape())
	require.Equal(t, 4.0, qs.At(1, 0))
	ch, err := Choose(FromSliceMust([]int{0, 1, 0}), FromSliceMust([]int{1, 2, 3}), Scalar(9))
	require.NoError(t, err)
	require.Equal(t, []int{1, 9, 3}, ch.ToSlice())
	sel := Select([]NDView[bool]{FromSliceMust([]bool{true, false})}, []NDView[int]{Scalar(5)}, Scalar(-1))
	require.Equal(t, []int{5, -1}, sel.ToSlice())
}

// canCastNumPy is np.can_cast(from, to, casting) of NumPy 1.24 for the
// types b1 i1 i2 i4 i8 u1 u2 u4 u8 f2 f4 f8 c8 c16, row from, column to.
var canCastNumPy = map[Casting][]string{
	CastingSafe: {
		"11111111111111", ".1111....11111", "..111.....1111", "...11......1.1", "....1......1.1",
		"..111111111111", "...11.111.1111", "....1..11..1.1", "........1..1.1", ".........11111",
		"..........1111", "...........1.1", "............11", ".............1",
	},
	CastingSameKind: {
		"11111111111111", ".1111....11111", ".1111....11111", ".1111....11111", ".1111....11111",
		".1111111111111", ".1111111111111", ".1111111111111", ".1111111111111", ".........11111",
		".........11111", ".........11111", "............11", "............11",
	},
}

func TestCanCastMatchesNumPy(t *testing.T) {
	kinds := canCastKinds()
	for casting, rows := range canCastNumPy {
		for i, row := range rows {
			for j, c := range row {
				require.Equal(t, c == '1', canCast(kinds[i], kinds[j], casting), "%s: %d -> %d", casting, i, j)
			}
		}
	}
	for i := range kinds {
		for j := range kinds {
			require.True(t, canCast(kinds[i], kinds[j], CastingUnsafe))
			require.Equal(t, i == j, canCast(kinds[i], kinds[j], CastingNo))
			require.Equal(t, i == j, canCast(kinds[i], kinds[j], CastingEquiv))
		}
	}
	require.True(t, CanCast[int64, int8](CastingSafe))
	require.False(t, CanCast[float32, int32](CastingSafe))
	require.True(t, CanCast[float32, float64](CastingSameKind))
	require.True(t, CanCast[int, uintptr](CastingSameKind))
}

func TestAsType(t *testing.T) {
	v := FromSliceMust([]float64{1.5, -2.5, 3}).Flip()
	got := AsType[int32](v)
	require.Equal(t, []int32{3, -2, 1}, got.ToSlice())
	_, err := AsTypeCasting[int32](v, CastingSameKind)
	msg := isErr(t, ErrType, err)
	require.Contains(t, msg, "from float64 to int32 according to the rule 'same_kind'")
	f32, err := AsTypeCasting[float32](v, CastingSameKind)
	require.NoError(t, err)
	require.Equal(t, []float32{3, -2.5, 1.5}, f32.ToSlice())
	// AsType always copies: the result does not share v's memory.
	same := AsType[float64](v)
	same.Set(100, 0)
	require.Equal(t, 3.0, v.At(0))
}

// canCastKinds are the kinds of b1 i1 i2 i4 i8 u1 u2 u4 u8 f2 f4 f8 c8 c16.
func canCastKinds() []mem.Kind {
	return []mem.Kind{mem.Bool, mem.Int8, mem.Int16, mem.Int32, mem.Int64, mem.Uint8, mem.Uint16, mem.Uint32, mem.Uint64,
		mem.Float16, mem.Float32, mem.Float64, mem.Complex64, mem.Complex128}
}
