package ndview

import (
	"bytes"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// Property tests of the element-wise mathematics (semantics.md §17): every
// function on random layouts (transposed, reversed, stepped, broadcast,
// 0-d, empty; sources read-only now and then) against a naive oracle, the
// function applied element by element in C order, with NaN, ±0 and ±Inf
// among the values; overlap, read-only destinations, errors, float16 and
// complex numbers. NumPy's values are math_fixture_test.go's.

// floatPool returns a generator of float values: specials half the time.
func floatPool[T ~float32 | ~float64](r *rand.Rand) func(int) T {
	specials := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -2.5, 3, math.Inf(1), math.Inf(-1), math.NaN(), 1e-310, 1e300, 1e9}
	return func(int) T {
		if r.IntN(2) == 0 {
			return T(specials[r.IntN(len(specials))])
		}
		return T((r.Float64()*2 - 1) * math.Exp2(float64(r.IntN(12)-4)))
	}
}

// intPool returns a generator of small and extreme integers of T.
func intPool[T Integer](r *rand.Rand) func(int) T {
	return func(int) T {
		switch r.IntN(6) {
		case 0:
			return ^T(0) // −1 or the largest unsigned value
		case 1:
			return ^T(0) >> 1 // the largest signed or half the unsigned range
		case 2:
			return ^(^T(0) >> 1) // the most negative, or 2^(n−1)
		}
		return T(r.IntN(21) - 10)
	}
}

// sameBytes reports whether x and y hold the same bits.
func sameBytes[T any](x, y []T) bool { return bytes.Equal(mem.Bytes(x), mem.Bytes(y)) }

// one1 and one2 compute a function of one element through 1-element
// contiguous views: the oracle of the traversal tests (the values
// themselves are checked against NumPy's by the fixture test).
func one1[D, S any](fn func(dst NDView[D], a NDView[S]), x S) D {
	d := make([]D, 1)
	fn(vec(d), vec([]S{x}))
	return d[0]
}

func one2[D, S any](fn func(dst NDView[D], a, b NDView[S]), x, y S) D {
	d := make([]D, 1)
	fn(vec(d), vec([]S{x}), vec([]S{y}))
	return d[0]
}

// checkLayouts1 runs fn on random layouts against one1.
func checkLayouts1[D, S any](t *testing.T, name string, fn func(dst NDView[D], a NDView[S]), gen func(*rand.Rand) func(int) S, guard D) {
	t.Helper()
	r := rand.New(rand.NewPCG(17, uint64(len(name))))
	for i := range 150 {
		shape := randShape(r, 4, 5)
		buf, dst := randViewOf(r, shape, guard)
		a := randSource(r, shape, gen(r))
		x := refBroadcast(a, shape)
		vals := make([]D, len(x))
		for k := range x {
			vals[k] = one1(fn, x[k])
		}
		want := refStore(buf, dst, vals)
		fn(dst, a)
		if !sameBytes(buf, want) {
			t.Fatalf("#%d: %s(dst %v st %v, a %v st %v): buffer = %v, want %v", i, name, dst.Shape(), dst.Strides(), a.Shape(), a.Strides(), buf, want)
		}
	}
}

// checkLayouts2 runs fn on random layouts against one2, and scalar, when
// not nil, against fn with a 0-d b.
func checkLayouts2[D, S any](t *testing.T, name string, fn func(dst NDView[D], a, b NDView[S]), scalar func(dst NDView[D], a NDView[S], x S), gen func(*rand.Rand) func(int) S, guard D) {
	t.Helper()
	r := rand.New(rand.NewPCG(23, uint64(len(name))))
	for i := range 150 {
		shape := randShape(r, 4, 5)
		buf, dst := randViewOf(r, shape, guard)
		a := randSource(r, shape, gen(r))
		b := randSource(r, shape, gen(r))
		if scalar != nil && i%3 == 0 {
			xs := gen(r)(0)
			b = Scalar(xs)
			want := slices.Clone(buf)
			fn(dst, a, b)
			copy(want, buf)
			copy(buf, slices.Repeat([]D{guard}, len(buf)))
			buf2, dst2 := buf, dst
			scalar(dst2, a, xs)
			if !sameBytes(buf2, want) {
				t.Fatalf("#%d: %sScalar(a %v, %v) = %v, want %v", i, name, a.Shape(), xs, buf2, want)
			}
			continue
		}
		x, y := refBroadcast(a, shape), refBroadcast(b, shape)
		vals := make([]D, len(x))
		for k := range x {
			vals[k] = one2(fn, x[k], y[k])
		}
		want := refStore(buf, dst, vals)
		fn(dst, a, b)
		if !sameBytes(buf, want) {
			t.Fatalf("#%d: %s(dst %v st %v, a %v st %v, b %v st %v): buffer = %v, want %v",
				i, name, dst.Shape(), dst.Strides(), a.Shape(), a.Strides(), b.Shape(), b.Strides(), buf, want)
		}
	}
}

// floatUnaries and floatBinaries are the float functions by name.
func floatUnaries[T Float]() map[string]func(dst, a NDView[T]) {
	return map[string]func(dst, a NDView[T]){
		"Sin": SinInto[T], "Cos": CosInto[T], "Tan": TanInto[T], "Arcsin": ArcsinInto[T], "Arccos": ArccosInto[T], "Arctan": ArctanInto[T],
		"Deg2rad": Deg2radInto[T], "Rad2deg": Rad2degInto[T], "Sinh": SinhInto[T], "Cosh": CoshInto[T], "Tanh": TanhInto[T],
		"Arcsinh": ArcsinhInto[T], "Arccosh": ArccoshInto[T], "Arctanh": ArctanhInto[T], "Exp2": Exp2Into[T], "Expm1": Expm1Into[T],
		"Log2": Log2Into[T], "Log10": Log10Into[T], "Log1p": Log1pInto[T], "Rint": RintInto[T], "Ceil": CeilInto[T], "Floor": FloorInto[T],
		"Trunc": TruncInto[T], "Fix": FixInto[T], "Reciprocal": ReciprocalInto[T], "Spacing": SpacingInto[T], "Sign": SignInto[T],
		"Square": SquareInto[T], "Cbrt": CbrtInto[T], "Fabs": FabsInto[T],
		"Round2": func(d, a NDView[T]) { RoundInto(d, a, 2) }, "Round-1": func(d, a NDView[T]) { RoundInto(d, a, -1) },
	}
}

type binaryFn[T any] struct {
	fn     func(dst, a, b NDView[T])
	scalar func(dst, a NDView[T], x T)
}

func floatBinaries[T Float]() map[string]binaryFn[T] {
	return map[string]binaryFn[T]{
		"Arctan2": {Arctan2Into[T], Arctan2ScalarInto[T]}, "Hypot": {HypotInto[T], HypotScalarInto[T]},
		"Logaddexp": {LogaddexpInto[T], LogaddexpScalarInto[T]}, "Logaddexp2": {Logaddexp2Into[T], Logaddexp2ScalarInto[T]},
		"Power":       {func(d, a, b NDView[T]) { _ = PowerInto(d, a, b) }, func(d, a NDView[T], x T) { _ = PowerScalarInto(d, a, x) }},
		"FloorDivide": {FloorDivideInto[T], FloorDivideScalarInto[T]}, "Remainder": {RemainderInto[T], RemainderScalarInto[T]},
		"Mod": {ModInto[T], ModScalarInto[T]}, "Fmod": {FmodInto[T], FmodScalarInto[T]}, "Copysign": {CopysignInto[T], CopysignScalarInto[T]},
		"Nextafter": {NextafterInto[T], NextafterScalarInto[T]}, "Heaviside": {HeavisideInto[T], HeavisideScalarInto[T]},
	}
}

func TestMathLayouts(t *testing.T) {
	nan := math.Float64frombits(0x7ff8dead00000000)
	for name, fn := range floatUnaries[float64]() {
		t.Run(name, func(t *testing.T) { checkLayouts1(t, name, fn, floatPool[float64], nan) })
	}
	for name, f := range floatBinaries[float64]() {
		t.Run(name, func(t *testing.T) { checkLayouts2(t, name, f.fn, f.scalar, floatPool[float64], nan) })
	}
	for name, fn := range map[string]func(NDView[bool], NDView[float32]){
		"Signbit": SignbitInto[float32], "Isnan": IsnanInto[float32], "Isinf": IsinfInto[float32], "Isfinite": IsfiniteInto[float32],
		"LogicalNot": LogicalNotInto[float32],
	} {
		t.Run(name, func(t *testing.T) { checkLayouts1(t, name, fn, floatPool[float32], true) })
	}
	for name, fn := range map[string]func(NDView[bool], NDView[int16], NDView[int16]){
		"LogicalAnd": LogicalAndInto[int16], "LogicalOr": LogicalOrInto[int16], "LogicalXor": LogicalXorInto[int16],
	} {
		t.Run(name, func(t *testing.T) { checkLayouts2(t, name, fn, nil, intPool[int16], true) })
	}
	ints := map[string]binaryFn[int32]{
		"FloorDivideInt": {FloorDivideInto[int32], FloorDivideScalarInto[int32]}, "RemainderInt": {RemainderInto[int32], RemainderScalarInto[int32]},
		"FmodInt": {FmodInto[int32], FmodScalarInto[int32]}, "BitwiseAnd": {BitwiseAndInto[int32], BitwiseAndScalarInto[int32]},
		"BitwiseOr": {BitwiseOrInto[int32], BitwiseOrScalarInto[int32]}, "BitwiseXor": {BitwiseXorInto[int32], BitwiseXorScalarInto[int32]},
		"LeftShift": {LeftShiftInto[int32], LeftShiftScalarInto[int32]}, "RightShift": {RightShiftInto[int32], RightShiftScalarInto[int32]},
		"Gcd": {GcdInto[int32], GcdScalarInto[int32]}, "Lcm": {LcmInto[int32], LcmScalarInto[int32]},
	}
	for name, f := range ints {
		t.Run(name, func(t *testing.T) { checkLayouts2(t, name, f.fn, f.scalar, intPool[int32], 12345) })
	}
	for name, fn := range map[string]func(dst, a NDView[uint8]){
		"Invert": InvertInto[uint8], "SignUint": SignInto[uint8], "SquareUint": SquareInto[uint8], "ReciprocalUint": ReciprocalInto[uint8],
	} {
		t.Run(name, func(t *testing.T) { checkLayouts1(t, name, fn, intPool[uint8], 77) })
	}
	t.Run("Conj", func(t *testing.T) {
		checkLayouts1(t, "Conj", ConjInto[complex128], func(r *rand.Rand) func(int) complex128 {
			f := floatPool[float64](r)
			return func(k int) complex128 { return complex(f(k), f(k)) }
		}, complex(nan, 0))
	})
}

// TestMathOverlap checks that a destination overlapping its source, in
// place or shifted by one element, gets the result of separate memory.
func TestMathOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	gen := floatPool[float64](r)
	base := make([]float64, 41)
	for i := range base {
		base[i] = gen(i)
	}
	check1 := func(name string, fn func(dst, a NDView[float64])) {
		for _, shift := range []int{0, 1, -1} {
			buf := slices.Clone(base)
			full := vec(buf)
			src, err := full.Index("1:40")
			require.NoError(t, err)
			dst, err := full.Index(map[int]string{0: "1:40", 1: "2:41", -1: "0:39"}[shift])
			require.NoError(t, err)
			want := make([]float64, 39)
			fn(vec(want), vec(slices.Clone(base[1:40])))
			fn(dst, src)
			require.True(t, sameBytes(dst.ToSlice(), want), "%s shift %d: %v, want %v", name, shift, dst.ToSlice(), want)
		}
	}
	for name, fn := range floatUnaries[float64]() {
		check1(name, fn)
	}
	for name, f := range floatBinaries[float64]() {
		check1(name, func(dst, a NDView[float64]) { f.fn(dst, a, a.Flip(0)) })
	}
	// Divmod: a source shared with the first destination is read as it was.
	buf := []float64{7, -7, 7.5, -1, 3, 2, -2, 0.1, 4, 4}
	q, r2 := vec(buf[:5]), Zeros[float64](5)
	wantQ, wantR := Zeros[float64](5), Zeros[float64](5)
	DivmodInto(wantQ, wantR, vec(slices.Clone(buf[:5])), vec(slices.Clone(buf[5:])))
	DivmodInto(q, r2, q, vec(buf[5:]))
	assert.Equal(t, wantQ.ToSlice(), q.ToSlice())
	assert.Equal(t, wantR.ToSlice(), r2.ToSlice())
}

// TestMathReadOnly checks that every family refuses a read-only
// destination before writing, and that Power's error writes nothing.
func TestMathReadOnly(t *testing.T) {
	f := []float64{1, 2, 3}
	ro := vec(slices.Clone(f)).AsReadOnly()
	src := vec(f)
	for name, fn := range floatUnaries[float64]() {
		panics(t, ErrReadOnly, func() { fn(ro, src) })
		_ = name
	}
	for _, b := range floatBinaries[float64]() {
		panics(t, ErrReadOnly, func() { b.fn(ro, src, src) })
		panics(t, ErrReadOnly, func() { b.scalar(ro, src, 2) })
	}
	bro := vec([]bool{false, false, false}).AsReadOnly()
	panics(t, ErrReadOnly, func() { IsnanInto(bro, src) })
	panics(t, ErrReadOnly, func() { LogicalAndInto(bro, src, src) })
	iro := vec([]int8{1, 2, 3}).AsReadOnly()
	panics(t, ErrReadOnly, func() { BitwiseAndInto(iro, iro, iro) })
	panics(t, ErrReadOnly, func() { DivmodInto(ro, vec(make([]float64, 3)), src, src) })
	panics(t, ErrReadOnly, func() { DivmodInto(vec(make([]float64, 3)), ro, src, src) })
	panics(t, ErrReadOnly, func() { RealPartInto(ro, vec([]complex128{1, 2, 3})) })
	assert.Equal(t, f, ro.ToSlice())
}

func TestMathErrors(t *testing.T) {
	dst := vec([]int64{9, 9, 9, 9})
	err := PowerInto(dst, vec([]int64{2, 3, 4, 5}), vec([]int64{1, 2, -1, 3}))
	msg := isErr(t, ErrType, err)
	assert.Contains(t, msg, "negative integer powers")
	assert.Equal(t, []int64{9, 9, 9, 9}, dst.ToSlice(), "nothing written")
	isErr(t, ErrType, PowerScalarInto(dst, dst, -2))
	assert.Equal(t, []int64{9, 9, 9, 9}, dst.ToSlice())
	require.NoError(t, PowerInto(vec([]float64{0}), vec([]float64{2}), vec([]float64{-1})))
	require.NoError(t, PowerScalarInto(dst, dst, 2))
	assert.Equal(t, []int64{81, 81, 81, 81}, dst.ToSlice())

	panics(t, ErrShape, func() { SinInto(Zeros[float64](3), Zeros[float64](4)) })
	panics(t, ErrShape, func() { Arctan2Into(Zeros[float64](3), Zeros[float64](3), Zeros[float64](2)) })
	panics(t, ErrShape, func() { DivmodInto(Zeros[float64](3), Zeros[float64](3, 1), Zeros[float64](3), Zeros[float64](3)) })
	h := Zeros[float16.Float16](3)
	panics(t, ErrType, func() { BitwiseAndInto(h, h, h) })
	panics(t, ErrType, func() { GcdInto(h, h, h) })
	panics(t, ErrType, func() { RealPartInto(Zeros[float64](3), Zeros[complex64](3)) })
	panics(t, ErrType, func() { AbsComplexInto(Zeros[float32](3), Zeros[complex128](3)) })
}

// TestMathEmptyAnd0d runs functions on empty and 0-d views.
func TestMathEmptyAnd0d(t *testing.T) {
	e := Zeros[float64](0, 3)
	SinInto(e, e)
	Arctan2Into(e, e, Scalar(1.0))
	DivmodInto(e, Zeros[float64](0, 3), e, e)
	d := Zeros[float64]()
	SinInto(d, Scalar(math.Pi/2))
	assert.Equal(t, 1.0, d.At())
	q, r := Zeros[float64](), Zeros[float64]()
	DivmodInto(q, r, Scalar(-7.0), Scalar(2.0))
	assert.Equal(t, []float64{-4, 1}, []float64{q.At(), r.At()})
}

func TestMathCorners(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	f1 := func(fn func(dst, a NDView[float64]), x ...float64) []float64 {
		d := make([]float64, len(x))
		fn(vec(d), vec(x))
		return d
	}
	f2 := func(fn func(dst, a, b NDView[float64]), x, y []float64) []float64 {
		d := make([]float64, len(x))
		fn(vec(d), vec(x), vec(y))
		return d
	}
	negz := math.Copysign(0, -1)
	// Q2: divmod signs, floor_divide(1, 0.1), remainder(−1, inf), x mod 0.
	assert.Equal(t, []float64{9, -4, 3, -4}, f2(FloorDivideInto[float64], []float64{1, -7, 7, 7}, []float64{0.1, 2, 2, -2}))
	got := f2(RemainderInto[float64], []float64{-1, -7, 7, 1, negz}, []float64{inf, 2, -2, 0, 3})
	assert.Equal(t, inf, got[0])
	assert.Equal(t, []float64{1, -1}, got[1:3])
	assert.True(t, math.IsNaN(got[3]))
	assert.False(t, math.Signbit(got[4]), "remainder(−0, 3) is +0")
	assert.Equal(t, []float64{-2, 1}, f2(FmodInto[float64], []float64{-5, 5}, []float64{3, 2}))
	// Q3: round ties to even in T, sign of −0 and NaN, nextafter(x, x).
	d := make([]float64, 4)
	RoundInto(vec(d), vec([]float64{2.675, 0.5, 1.5, -0.5}), 2)
	assert.Equal(t, 2.68, d[0])
	RoundInto(vec(d), vec([]float64{2.5, 0.5, 1.5, -0.5}), 0)
	assert.Equal(t, []float64{2, 0, 2, 0}, d)
	assert.True(t, math.Signbit(d[3]))
	s := f1(SignInto[float64], negz, nan, -3, inf)
	assert.False(t, math.Signbit(s[0]))
	assert.True(t, math.IsNaN(s[1]))
	assert.Equal(t, []float64{-1, 1}, s[2:])
	n := f2(NextafterInto[float64], []float64{1, 0, 0}, []float64{1, negz, -1})
	assert.Equal(t, 1.0, n[0])
	assert.True(t, math.Signbit(n[1]), "nextafter(0, −0) is −0")
	assert.Equal(t, -5e-324, n[2])
	// Q4: atan2's sign when y/x underflows; asin and acos near 1.
	assert.Equal(t, []float64{-math.Pi, -math.Pi}, f2(Arctan2Into[float64], []float64{-8e-25, -8e-25}, []float64{-math.MaxFloat64, math.Inf(-1)}))
	assert.Equal(t, 0.0, f1(ArccosInto[float64], 1)[0])
	x := 1 - 0x1p-52
	assert.InDelta(t, math.Sqrt(2*0x1p-52), f1(ArccosInto[float64], x)[0], 1e-22)
	// Integers: division by 0, MIN // −1, shifts.
	i8 := func(fn func(dst, a, b NDView[int8]), x, y []int8) []int8 {
		d := make([]int8, len(x))
		fn(vec(d), vec(x), vec(y))
		return d
	}
	assert.Equal(t, []int8{0, -128, -4}, i8(FloorDivideInto[int8], []int8{5, -128, -7}, []int8{0, -1, 2}))
	assert.Equal(t, []int8{0, 0, 1}, i8(RemainderInto[int8], []int8{5, -128, -7}, []int8{0, -1, 2}))
	assert.Equal(t, []int8{0, 0, -128}, i8(LeftShiftInto[int8], []int8{1, 1, 1}, []int8{8, -1, 7}))
	assert.Equal(t, []int8{-1, 0, -1, -3}, i8(RightShiftInto[int8], []int8{-5, 5, -5, -5}, []int8{8, -1, 100, 1}))
	// Logical: NaN is true, −0 false; bools.
	b := make([]bool, 3)
	LogicalAndInto(vec(b), vec([]float64{nan, negz, 1}), Scalar(1.0))
	assert.Equal(t, []bool{true, false, true}, b)
	LogicalXorInto(vec(b), vec([]bool{true, false, true}), vec([]bool{true, true, false}))
	assert.Equal(t, []bool{false, true, true}, b)
	LogicalNotInto(vec(b), vec([]complex64{0, 1i, 0}))
	assert.Equal(t, []bool{true, false, true}, b)
}

// TestMathFloat16 checks that half-precision functions are the float32
// function of the exact float32 values, rounded once.
func TestMathFloat16(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := 300
	xs, ys := make([]float16.Float16, n), make([]float16.Float16, n)
	for i := range xs {
		xs[i], ys[i] = float16.Frombits(uint16(r.Uint32())), float16.Frombits(uint16(r.Uint32()))
	}
	xs[0], ys[0] = float16.Fromfloat32(-1), float16.Fromfloat32(0.5)
	to32 := func(s []float16.Float16) []float32 {
		out := make([]float32, len(s))
		for i, v := range s {
			out[i] = v.Float32()
		}
		return out
	}
	check := func(name string, got []float16.Float16, want32 []float32) {
		for i := range got {
			w := float16.Fromfloat32(want32[i])
			if got[i] != w && !(got[i].IsNaN() && w.IsNaN()) {
				t.Fatalf("%s(%v, %v) = %v, want %v", name, xs[i], ys[i], got[i], w)
			}
		}
	}
	u16, u32 := floatUnaries[float16.Float16](), floatUnaries[float32]()
	for name, fn := range u16 {
		got, want := make([]float16.Float16, n), make([]float32, n)
		fn(vec(got), vec(xs))
		u32[name](vec(want), vec(to32(xs)))
		check(name, got, want)
	}
	b16, b32 := floatBinaries[float16.Float16](), floatBinaries[float32]()
	for name, f := range b16 {
		if name == "Nextafter" {
			continue // steps on the half's bits (TestNextafterFloat16)
		}
		got, want := make([]float16.Float16, n), make([]float32, n)
		f.fn(vec(got), vec(xs), vec(ys).Flip(0))
		b32[name].fn(vec(want), vec(to32(xs)), vec(to32(ys)).Flip(0))
		check(name, got, want)
	}
	got, want := make([]bool, n), make([]bool, n)
	LogicalOrInto(vec(got), vec(xs), vec(ys))
	LogicalOrInto(vec(want), vec(to32(xs)), vec(to32(ys)))
	assert.Equal(t, want, got)
	SignbitInto(vec(got), vec(xs))
	SignbitInto(vec(want), vec(to32(xs)))
	assert.Equal(t, want, got)
}

func TestMathComplex(t *testing.T) {
	z := []complex128{complex(3, 4), complex(-1, math.Copysign(0, -1)), complex(math.Inf(1), math.NaN()), 0, complex(-2, 1e-300)}
	f := make([]float64, len(z))
	c := make([]complex128, len(z))
	RealPartInto(vec(f), vec(z))
	for i, v := range z {
		assert.Equal(t, math.Float64bits(real(v)), math.Float64bits(f[i]))
	}
	ImagPartInto(vec(f), vec(z))
	for i, v := range z {
		assert.Equal(t, math.Float64bits(imag(v)), math.Float64bits(f[i]))
	}
	AbsComplexInto(vec(f), vec(z))
	assert.Equal(t, []float64{5, 1, math.Inf(1), 0, 2}, f)
	AngleInto(vec(f), vec(z))
	assert.Equal(t, -math.Pi, f[1], "angle(−1−0i)")
	assert.Equal(t, cmplx.Phase(z[4]), f[4])
	ConjInto(vec(c), vec(z))
	for i, v := range z {
		assert.Equal(t, math.Float64bits(-imag(v)), math.Float64bits(imag(c[i])))
	}
	z64 := []complex64{complex(3, 4), 1i}
	f32 := make([]float32, 2)
	AbsComplexInto(vec(f32), vec(z64))
	assert.Equal(t, []float32{5, 1}, f32)
	SquareInto(vec(c), vec(z))
	assert.Equal(t, complex(-7, 24), c[0])
}
