package ndview

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// NumPy's results of the element-wise mathematics on adversarial inputs
// (testdata/math.json, written by testdata/math_gen.py with NumPy 1.24.2):
// every float function within its ulp bound in float64 and float32
// (semantics.md §17: 0 for the exact functions, 4 for the
// transcendental ones), every integer function exactly.

// mathFixture is testdata/math.json: per float type, the inputs
// ("unary", "round", "binary_x", "binary_y") and each function's results,
// as hex bits; "int" holds per integer type the inputs and results as
// decimal strings.
type mathFixture struct {
	F64 map[string][]string            `json:"float64"`
	F32 map[string][]string            `json:"float32"`
	Int map[string]map[string][]string `json:"int"`
}

func loadMathFixture(t *testing.T) *mathFixture {
	t.Helper()
	raw, err := os.ReadFile("testdata/math.json")
	require.NoError(t, err)
	var f mathFixture
	require.NoError(t, json.Unmarshal(raw, &f))
	return &f
}

// fixtureFloat is a float type of the fixture.
type fixtureFloat interface{ float32 | float64 }

// fromHex decodes the hex bits of T values.
func fromHex[T fixtureFloat](t *testing.T, hs []string) []T {
	t.Helper()
	out := make([]T, len(hs))
	for i, h := range hs {
		u, err := strconv.ParseUint(h, 16, 64)
		require.NoError(t, err)
		switch p := any(&out[i]).(type) {
		case *float64:
			*p = math.Float64frombits(u)
		case *float32:
			*p = math.Float32frombits(uint32(u))
		}
	}
	return out
}

// ulps returns the number of values of T between x and y (0 when both are
// NaN; math.MaxInt when one only is).
func ulps[T fixtureFloat](x, y T) int {
	if x != x || y != y {
		if x != x && y != y {
			return 0
		}
		return math.MaxInt
	}
	ord := func(v T) int64 {
		var b int64
		switch p := any(v).(type) {
		case float64:
			b = int64(math.Float64bits(p))
		case float32:
			b = int64(math.Float32bits(p)) << 32 >> 32
		}
		if b < 0 {
			b = math.MinInt64 - b // negative values below the positive ones
		}
		return b
	}
	d := ord(x) - ord(y)
	if d < 0 {
		d = -d
	}
	if d < 0 { // overflow: signs differ far apart
		return math.MaxInt
	}
	return int(d)
}

// mathFns are the float functions of the fixture, by NumPy's name, with
// their bound in ulp.
type mathFns[T fixtureFloat] struct {
	unary  map[string]func(dst, a NDView[T])
	binary map[string]func(dst, a, b NDView[T])
}

func fixtureFns[T fixtureFloat]() mathFns[T] {
	return mathFns[T]{
		unary: map[string]func(dst, a NDView[T]){
			"sin": SinInto[T], "cos": CosInto[T], "tan": TanInto[T], "arcsin": ArcsinInto[T], "arccos": ArccosInto[T], "arctan": ArctanInto[T],
			"deg2rad": Deg2radInto[T], "rad2deg": Rad2degInto[T], "sinh": SinhInto[T], "cosh": CoshInto[T], "tanh": TanhInto[T],
			"arcsinh": ArcsinhInto[T], "arccosh": ArccoshInto[T], "arctanh": ArctanhInto[T],
			"exp2": Exp2Into[T], "expm1": Expm1Into[T], "log2": Log2Into[T], "log10": Log10Into[T], "log1p": Log1pInto[T],
			"rint": RintInto[T], "ceil": CeilInto[T], "floor": FloorInto[T], "trunc": TruncInto[T], "fix": FixInto[T],
			"reciprocal": ReciprocalInto[T], "spacing": SpacingInto[T], "sign": SignInto[T], "square": SquareInto[T],
			"cbrt": CbrtInto[T], "fabs": FabsInto[T],
		},
		binary: map[string]func(dst, a, b NDView[T]){
			"arctan2": Arctan2Into[T], "hypot": HypotInto[T], "logaddexp": LogaddexpInto[T], "logaddexp2": Logaddexp2Into[T],
			"power":        func(d, a, b NDView[T]) { _ = PowerInto(d, a, b) },
			"floor_divide": FloorDivideInto[T], "remainder": RemainderInto[T], "fmod": FmodInto[T],
			"copysign": CopysignInto[T], "nextafter": NextafterInto[T], "heaviside": HeavisideInto[T],
		},
	}
}

// mathBounds are the ulp bounds of the transcendental functions; the
// others are exact (0 ulp). logaddexp and logaddexp2 cancel where the
// result is much smaller than the larger operand, and NumPy's own result
// is several ulp from the true one there: logaddexp(−0.1, −2.5) is
// 4 ulp above the true value (60-digit decimal arithmetic), ndkit's 4
// below; in float32, which NumPy computes with float32 functions, NumPy is
// 9 ulp from ndkit's float64-computed result, which is the true one
// rounded (semantics.md §17).
var mathBounds = map[string]int{
	"sin": 4, "cos": 4, "tan": 4, "arcsin": 4, "arccos": 4, "arctan": 4, "sinh": 4, "cosh": 4, "tanh": 4,
	"arcsinh": 4, "arccosh": 4, "arctanh": 4, "exp2": 4, "expm1": 4, "log2": 4, "log10": 4, "log1p": 4,
	"cbrt": 4, "arctan2": 4, "hypot": 4, "logaddexp": 10, "logaddexp2": 10, "power": 4,
}

func TestMathFixture(t *testing.T) {
	f := loadMathFixture(t)
	t.Run("float64", func(t *testing.T) { checkMathFixture[float64](t, f.F64) })
	t.Run("float32", func(t *testing.T) { checkMathFixture[float32](t, f.F32) })
}

func checkMathFixture[T fixtureFloat](t *testing.T, fx map[string][]string) {
	fns := fixtureFns[T]()
	check := func(name string, x, y []T, got []T) {
		want := fromHex[T](t, fx[name])
		require.Len(t, got, len(want), name)
		bound, worst, at := mathBounds[name], 0, 0
		for i := range got {
			if u := ulps(got[i], want[i]); u > worst {
				worst, at = u, i
			}
		}
		args := func(i int) string {
			if y == nil {
				return strconv.FormatFloat(float64(x[i]), 'g', -1, 64)
			}
			return strconv.FormatFloat(float64(x[i]), 'g', -1, 64) + ", " + strconv.FormatFloat(float64(y[i]), 'g', -1, 64)
		}
		if worst > bound {
			t.Errorf("%s(%s) = %v, want %v: %d ulp off, bound %d", name, args(at), got[at], want[at], worst, bound)
		} else if worst > 0 {
			t.Logf("%s: at most %d ulp off", name, worst)
		}
	}
	x := fromHex[T](t, fx["unary"])
	for name, fn := range fns.unary {
		got := make([]T, len(x))
		fn(vec(got), vec(x))
		check(name, x, nil, got)
	}
	xr := fromHex[T](t, fx["round"])
	for _, d := range []int{-2, -1, 0, 1, 2, 5} {
		got := make([]T, len(xr))
		RoundInto(vec(got), vec(xr), d)
		check("round"+strconv.Itoa(d), xr, nil, got)
	}
	xb, yb := fromHex[T](t, fx["binary_x"]), fromHex[T](t, fx["binary_y"])
	for name, fn := range fns.binary {
		got := make([]T, len(xb))
		fn(vec(got), vec(xb), vec(yb))
		check(name, xb, yb, got)
	}
}

// vec returns s as a 1-D view.
func vec[T any](s []T) NDView[T] {
	v, err := FromSlice(s, len(s))
	if err != nil {
		panic(err)
	}
	return v
}

func TestMathFixtureInt(t *testing.T) {
	f := loadMathFixture(t)
	t.Run("int8", func(t *testing.T) { checkIntFixture[int8](t, f.Int["int8"]) })
	t.Run("int16", func(t *testing.T) { checkIntFixture[int16](t, f.Int["int16"]) })
	t.Run("int32", func(t *testing.T) { checkIntFixture[int32](t, f.Int["int32"]) })
	t.Run("int64", func(t *testing.T) { checkIntFixture[int64](t, f.Int["int64"]) })
	t.Run("uint8", func(t *testing.T) { checkIntFixture[uint8](t, f.Int["uint8"]) })
	t.Run("uint64", func(t *testing.T) { checkIntFixture[uint64](t, f.Int["uint64"]) })
}

func checkIntFixture[T int8 | int16 | int32 | int64 | uint8 | uint64](t *testing.T, fx map[string][]string) {
	parse := func(ss []string) []T {
		out := make([]T, len(ss))
		for i, s := range ss {
			if s == "" {
				continue
			}
			if v, err := strconv.ParseInt(s, 10, 64); err == nil {
				out[i] = T(v)
				continue
			}
			v, err := strconv.ParseUint(s, 10, 64)
			require.NoError(t, err)
			out[i] = T(v)
		}
		return out
	}
	x, y := parse(fx["x"]), parse(fx["y"])
	binary := map[string]func(dst, a, b NDView[T]){
		"floor_divide": FloorDivideInto[T], "remainder": RemainderInto[T], "fmod": FmodInto[T], "gcd": GcdInto[T], "lcm": LcmInto[T],
		"left_shift": LeftShiftInto[T], "right_shift": RightShiftInto[T],
		"bitwise_and": BitwiseAndInto[T], "bitwise_or": BitwiseOrInto[T], "bitwise_xor": BitwiseXorInto[T],
	}
	unary := map[string]func(dst, a NDView[T]){"sign": SignInto[T], "square": SquareInto[T], "invert": InvertInto[T], "reciprocal": ReciprocalInto[T]}
	compare := func(name string, got []T, skip func(i int) bool) {
		want := parse(fx[name])
		for i := range got {
			if (skip == nil || !skip(i)) && got[i] != want[i] {
				t.Errorf("%s(%v, %v) = %v, want %v", name, x[i], y[i], got[i], want[i])
				return
			}
		}
	}
	for name, fn := range binary {
		got := make([]T, len(x))
		fn(vec(got), vec(x), vec(y))
		if name == "lcm" {
			// NumPy's lcm of int8 and int16 takes the absolute value of the
			// product promoted to int, ndkit of the wrapped product: they
			// differ where the product overflows (semantics.md §17).
			compare(name, got, func(i int) bool { return lcmOverflows(x[i], y[i]) })
			continue
		}
		compare(name, got, nil)
	}
	for name, fn := range unary {
		got := make([]T, len(x))
		fn(vec(got), vec(x))
		compare(name, got, nil)
	}
	// Power: the elements with non-negative exponents.
	var px, py []T
	pw := fx["power"]
	var want []string
	for i := range x {
		if pw[i] != "" {
			px, py, want = append(px, x[i]), append(py, y[i]), append(want, pw[i])
		}
	}
	got := make([]T, len(px))
	require.NoError(t, PowerInto(vec(got), vec(px), vec(py)))
	w := parse(want)
	for i := range got {
		if got[i] != w[i] {
			t.Errorf("power(%v, %v) = %v, want %v", px[i], py[i], got[i], w[i])
			break
		}
	}
}

// lcmOverflows reports whether |x·y/gcd| overflows T.
func lcmOverflows[T int8 | int16 | int32 | int64 | uint8 | uint64](x, y T) bool {
	a, _ := new(big.Int).SetString(fmt.Sprint(x), 10)
	b, _ := new(big.Int).SetString(fmt.Sprint(y), 10)
	a.Abs(a)
	b.Abs(b)
	if a.Sign() == 0 || b.Sign() == 0 {
		return false
	}
	l := new(big.Int).Mul(new(big.Int).Div(a, new(big.Int).GCD(nil, nil, a, b)), b)
	hi, _ := new(big.Int).SetString(fmt.Sprint(^T(0)>>1), 10) // the largest signed value
	if ^T(0) > 0 {
		hi.SetString(fmt.Sprint(^T(0)), 10) // unsigned: all ones
	}
	return l.Cmp(hi) > 0
}
