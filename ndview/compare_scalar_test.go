package ndview

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// scalarCmpCase is one scalar comparison: its Into form, and the view form
// it must agree with.
type scalarCmpCase[T Real] struct {
	name   string
	scalar func(dst NDView[bool], a NDView[T], x T)
	view   func(dst NDView[bool], a, b NDView[T])
	want   func(a, x T) bool
}

func scalarCmpCases[T Real]() []scalarCmpCase[T] {
	return []scalarCmpCase[T]{
		{"EqualToScalar", EqualToScalarInto[T], EqualToInto[T], func(a, x T) bool { return a == x }},
		{"NotEqualScalar", NotEqualScalarInto[T], NotEqualInto[T], func(a, x T) bool { return a != x }},
		{"LessScalar", LessScalarInto[T], LessInto[T], func(a, x T) bool { return a < x }},
		{"LessEqualScalar", LessEqualScalarInto[T], LessEqualInto[T], func(a, x T) bool { return a <= x }},
		{"GreaterScalar", GreaterScalarInto[T], GreaterInto[T], func(a, x T) bool { return a > x }},
		{"GreaterEqualScalar", GreaterEqualScalarInto[T], GreaterEqualInto[T], func(a, x T) bool { return a >= x }},
	}
}

// checkScalarCmp compares every scalar comparison of a (strided and
// transposed layouts of one buffer) with the element rule and with the
// view form given Scalar(x).
func checkScalarCmp[T Real](t *testing.T, data []T, xs []T) {
	t.Helper()
	base := Must(FromSlice(data, 6, len(data)/6))
	layouts := []NDView[T]{base, base.Transpose(), Must(base.Index("::2, ::-3")), Must(base.Index("1, :"))}
	for _, c := range scalarCmpCases[T]() {
		for li, a := range layouts {
			for _, x := range xs {
				got := Zeros[bool](a.Shape()...)
				c.scalar(got, a, x)
				ref := Zeros[bool](a.Shape()...)
				c.view(ref, a, Scalar(x))
				av, gv := values(a), values(got)
				for i := range av {
					require.Equal(t, c.want(av[i], x), gv[i], "%s layout %d a=%v x=%v", c.name, li, av[i], x)
				}
				require.Equal(t, values(ref), gv, "%s layout %d x=%v", c.name, li, x)
				require.Equal(t, gv, values(scalarAlloc(c.name, a, x)), "%s allocating", c.name)
			}
		}
	}
}

// scalarAlloc runs the allocating form named name.
func scalarAlloc[T Real](name string, a NDView[T], x T) NDView[bool] {
	switch name {
	case "EqualToScalar":
		return EqualToScalar(a, x)
	case "NotEqualScalar":
		return NotEqualScalar(a, x)
	case "LessScalar":
		return LessScalar(a, x)
	case "LessEqualScalar":
		return LessEqualScalar(a, x)
	case "GreaterScalar":
		return GreaterScalar(a, x)
	}
	return GreaterEqualScalar(a, x)
}

func TestCompareScalarFloat(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	r := rand.New(rand.NewPCG(1, 2))
	data := make([]float64, 6*41)
	specials := []float64{nan, inf, -inf, 0, math.Copysign(0, -1), 3, -3, 1e-310}
	for i := range data {
		if i%5 == 0 {
			data[i] = specials[r.IntN(len(specials))]
		} else {
			data[i] = float64(r.IntN(9) - 4)
		}
	}
	xs := []float64{nan, 0, math.Copysign(0, -1), 3, -inf, inf}
	checkScalarCmp(t, data, xs)
	f32 := make([]float32, len(data))
	for i, x := range data {
		f32[i] = float32(x)
	}
	checkScalarCmp(t, f32, []float32{float32(nan), 0, 3})
}

func TestCompareScalarInt(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	i8 := make([]int8, 6*37)
	for i := range i8 {
		i8[i] = int8(r.IntN(256) - 128)
	}
	checkScalarCmp(t, i8, []int8{-128, -1, 0, 5, 127})
	u64 := make([]uint64, 6*19)
	for i := range u64 {
		u64[i] = r.Uint64() >> r.IntN(64)
	}
	checkScalarCmp(t, u64, []uint64{0, 1 << 40, math.MaxUint64})
}

// TestCompareScalarBroadcast: a is broadcast to dst's shape; dst never
// changes shape.
func TestCompareScalarBroadcast(t *testing.T) {
	a := Must(FromSlice([]float64{1, 5, math.NaN()}, 3, 1))
	dst := Zeros[bool](2, 3, 4)
	GreaterScalarInto(dst, a, 2)
	want := []bool{false, true, false}
	for i, w := range want {
		for _, k := range []int{0, 1} {
			for j := range 4 {
				require.Equal(t, w, dst.At(k, i, j), "(%d,%d,%d)", k, i, j)
			}
		}
	}
	msg := panics(t, ErrShape, func() { LessScalarInto(Zeros[bool](4), a, 2) })
	require.Contains(t, msg, "LessScalar")
	panics(t, ErrShape, func() { LogicalAndScalarInto(Zeros[bool](2), Zeros[bool](3), true) })
}

// TestCompareScalarReadOnly: a read-only destination panics before
// anything is written.
func TestCompareScalarReadOnly(t *testing.T) {
	a := Must(FromSlice([]int{1, 2, 3}, 3))
	d := Zeros[bool](3)
	ro := d.AsReadOnly()
	for name, f := range map[string]func(){
		"EqualToScalar":    func() { EqualToScalarInto(ro, a, 2) },
		"LessEqualScalar":  func() { LessEqualScalarInto(ro, a, 2) },
		"GreaterScalar":    func() { GreaterScalarInto(ro, a, 0) },
		"LogicalOrScalar":  func() { LogicalOrScalarInto(ro, a, 1) },
		"LogicalXorScalar": func() { LogicalXorScalarInto(ro, a, 0) },
	} {
		msg := panics(t, ErrReadOnly, f)
		require.Contains(t, msg, name)
		require.Equal(t, []bool{false, false, false}, values(d), name)
	}
}

// TestLogicalScalar checks the logical functions with a scalar against
// the element rule (a number is true when nonzero, NaN included) and the
// view forms, in place on a bool mask (dst is a), and with a reversed
// overlap.
func TestLogicalScalar(t *testing.T) {
	nan := math.NaN()
	f := Must(FromSlice([]float64{0, math.Copysign(0, -1), nan, 2, -1, 0}, 2, 3))
	ops := []struct {
		name   string
		scalar func(NDView[bool], NDView[float64], float64)
		view   func(NDView[bool], NDView[float64], NDView[float64])
		want   func(a, b bool) bool
	}{
		{"And", LogicalAndScalarInto[float64], LogicalAndInto[float64], func(a, b bool) bool { return a && b }},
		{"Or", LogicalOrScalarInto[float64], LogicalOrInto[float64], func(a, b bool) bool { return a || b }},
		{"Xor", LogicalXorScalarInto[float64], LogicalXorInto[float64], func(a, b bool) bool { return a != b }},
	}
	for _, op := range ops {
		for _, x := range []float64{0, nan, -3} {
			got := Zeros[bool](2, 3)
			op.scalar(got, f, x)
			ref := Zeros[bool](2, 3)
			op.view(ref, f, Scalar(x))
			for i, a := range values(f) {
				require.Equal(t, op.want(a != 0, x != 0), values(got)[i], "%s %v %v", op.name, a, x)
			}
			require.Equal(t, values(ref), values(got), op.name)
		}
	}
	// float16: −0 is false, NaN true, for the scalar and the elements.
	h := Must(FromSlice([]float16.Float16{0x8000, 0x7e00, 0x3c00, 0}, 4))
	for _, c := range []struct {
		x    uint16
		want []bool
	}{{0x8000, []bool{false, true, true, false}}, {0x7e00, []bool{true, true, true, true}}} {
		require.Equal(t, c.want, values(LogicalOrScalar(h, float16.Frombits(c.x))), "%#x", c.x)
	}
	require.Equal(t, []bool{true, false, false, true}, values(LogicalXorScalar(h, float16.Frombits(0x3c00))))
	// In place and overlapping: m &= true keeps m; m[::-1] ^ true into m
	// reads the old values.
	m := Must(FromSlice([]bool{true, false, false, true, true}, 5))
	LogicalAndScalarInto(m, m, true)
	require.Equal(t, []bool{true, false, false, true, true}, values(m))
	LogicalXorScalarInto(m, Must(m.Index("::-1")), true)
	require.Equal(t, []bool{false, false, true, true, false}, values(m))
	require.Equal(t, []bool{false, false, true, true, false}, values(LogicalOrScalar(m, m.At(0))))
}

// TestCompareScalarOverlap: a destination sharing memory with its operand
// in reverse order (the bytes of a bool mask seen as uint8) reads the
// operand as it was.
func TestCompareScalarOverlap(t *testing.T) {
	m := Must(FromSlice([]bool{true, true, false, false, false}, 5))
	u := Must(Cast[uint8](m))
	EqualToScalarInto(m, Must(u.Index("::-1")), 0)
	require.Equal(t, []bool{true, true, true, false, false}, values(m))
	LessScalarInto(m, Must(u.Index("::-1")), 1)
	require.Equal(t, []bool{true, true, false, false, false}, values(m))
}

// TestCompareScalarNoAlloc: the destination forms do not allocate, for a
// vector-kernel float32 row, an integer strided view, float16-free logical
// forms and a bool mask.
func TestCompareScalarNoAlloc(t *testing.T) {
	a := Zeros[float32](1000)
	i := Must(Zeros[int16](40, 50).Index("::2, ::-1"))
	d := Zeros[bool](1000)
	di := Zeros[bool](20, 50)
	m := Zeros[bool](1000)
	for name, f := range map[string]func(){
		"LessScalar/float32":         func() { LessScalarInto(d, a, 3) },
		"GreaterEqualScalar/float32": func() { GreaterEqualScalarInto(d, a, 3) },
		"EqualToScalar/float32":      func() { EqualToScalarInto(d, a, 3) },
		"NotEqualScalar/int16":       func() { NotEqualScalarInto(di, i, 3) },
		"GreaterScalar/int16":        func() { GreaterScalarInto(di, i, 3) },
		"LessEqualScalar/int16":      func() { LessEqualScalarInto(di, i, 3) },
	} {
		if n := testing.AllocsPerRun(20, f); n != 0 {
			t.Errorf("%s: %v allocations, want 0", name, n)
		}
	}
	require.Equal(t, 1.0, testing.AllocsPerRun(20, func() { LessScalar(a, 3) }), "allocating form: the result only")
	// The logical forms do not allocate either (semantics.md DT1), on
	// every path: a fill, a's truth and its negation.
	for name, f := range map[string]func(){
		"LogicalOrScalar/fill":    func() { LogicalOrScalarInto(d, m, true) },
		"LogicalAndScalar/truth":  func() { LogicalAndScalarInto(d, a, 1) },
		"LogicalXorScalar/negate": func() { LogicalXorScalarInto(d, m, true) },
		"LogicalAndScalar/fill":   func() { LogicalAndScalarInto(d, a, 0) },
	} {
		if n := testing.AllocsPerRun(20, f); n != 0 {
			t.Errorf("%s: %v allocations, want 0", name, n)
		}
	}
}
