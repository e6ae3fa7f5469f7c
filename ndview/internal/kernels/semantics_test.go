package kernels

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/x448/float16"
)

// Hand-written checks of the results the generated tests take from the
// tables' expressions: NaN propagation, signed zeros, integer division by
// zero, and the float16 conversions against x448/float16.

var (
	nan    = math.NaN()
	inf    = math.Inf(1)
	negZ   = math.Copysign(0, -1)
	isNegZ = func(x float64) bool { return x == 0 && math.Signbit(x) }
)

func TestDivIntByZero(t *testing.T) {
	d := make([]int8, 5)
	DivIntVV(d, []int8{7, -7, -128, -128, 0}, []int8{0, 2, -1, 0, 0})
	if want := []int8{0, -3, -128, 0, 0}; !equalSlices(d, want) {
		t.Errorf("DivIntVV int8: %v, want %v", d, want)
	}
	u := make([]uint32, 3)
	DivIntVS(u, []uint32{9, 0, math.MaxUint32}, 0)
	if want := []uint32{0, 0, 0}; !equalSlices(u, want) {
		t.Errorf("DivIntVS by 0: %v, want %v", u, want)
	}
	DivIntSV(u, 9, []uint32{2, 0, 9})
	if want := []uint32{4, 0, 1}; !equalSlices(u, want) {
		t.Errorf("DivIntSV: %v, want %v", u, want)
	}
}

func TestDivFloat(t *testing.T) {
	d := make([]float64, 4)
	DivVV(d, []float64{1, -1, 0, nan}, []float64{0, 0, 0, 1})
	if d[0] != inf || d[1] != -inf || !math.IsNaN(d[2]) || !math.IsNaN(d[3]) {
		t.Errorf("DivVV: %v, want [+Inf -Inf NaN NaN]", d)
	}
}

func TestAbsCorners(t *testing.T) {
	d := make([]float64, 4)
	AbsV(d, []float64{negZ, -inf, nan, -2})
	if isNegZ(d[0]) || d[0] != 0 || d[1] != inf || !math.IsNaN(d[2]) || d[3] != 2 {
		t.Errorf("AbsV: %v, want [+0 +Inf NaN 2]", d)
	}
	i := make([]int16, 3)
	AbsV(i, []int16{math.MinInt16, -5, 5})
	if want := []int16{math.MinInt16, 5, 5}; !equalSlices(i, want) {
		t.Errorf("AbsV int16: %v, want %v", i, want)
	}
	u := make([]uint8, 2)
	AbsStrided(u, 0, 1, []uint8{200, 0}, 0, 1, 2)
	if want := []uint8{200, 0}; !equalSlices(u, want) {
		t.Errorf("AbsStrided uint8: %v, want %v", u, want)
	}
}

func TestMinMaxCorners(t *testing.T) {
	d := make([]float64, 4)
	MinVV(d, []float64{nan, 1, negZ, 0}, []float64{1, nan, 0, negZ})
	if !math.IsNaN(d[0]) || !math.IsNaN(d[1]) || !isNegZ(d[2]) || !isNegZ(d[3]) {
		t.Errorf("MinVV: %v, want [NaN NaN -0 -0]", d)
	}
	MaxVV(d, []float64{nan, 1, negZ, 0}, []float64{1, nan, 0, negZ})
	if !math.IsNaN(d[0]) || !math.IsNaN(d[1]) || isNegZ(d[2]) || isNegZ(d[3]) {
		t.Errorf("MaxVV: %v, want [NaN NaN +0 +0]", d)
	}
	// A NaN anywhere in a reduction, in any chain or the tail, gives NaN.
	for at := range 11 {
		s := []float64{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
		s[at] = nan
		if r := ReduceMin(0, s); !math.IsNaN(r) {
			t.Errorf("ReduceMin with NaN at %d: %v", at, r)
		}
		if r := ReduceMaxRow(0, s, 0, 1, len(s)); !math.IsNaN(r) {
			t.Errorf("ReduceMaxRow with NaN at %d: %v", at, r)
		}
	}
	if r := ReduceMax(negZ, []float64{negZ, 0, negZ}); isNegZ(r) {
		t.Errorf("ReduceMax of signed zeros: -0, want +0")
	}
	if r := ReduceMin(0, []float64{0, 0, 0, 0, negZ}); !isNegZ(r) {
		t.Errorf("ReduceMin of signed zeros: %v, want -0", r)
	}
}

func TestClipCorners(t *testing.T) {
	d := make([]float64, 4)
	ClipV(d, []float64{nan, -5, 5, 0}, 0, 1)
	if !math.IsNaN(d[0]) || d[1] != 0 || d[2] != 1 || d[3] != 0 {
		t.Errorf("ClipV: %v, want [NaN 0 1 0]", d)
	}
	ClipV(d[:1], []float64{0.5}, nan, 1)
	if !math.IsNaN(d[0]) {
		t.Errorf("ClipV with lo NaN: %v, want NaN", d[0])
	}
	ClipV(d[:1], []float64{0.5}, 0, nan)
	if !math.IsNaN(d[0]) {
		t.Errorf("ClipV with hi NaN: %v, want NaN", d[0])
	}
	i := make([]int, 1)
	ClipV(i, []int{3}, 5, 1)
	if i[0] != 1 {
		t.Errorf("ClipV with lo > hi: %d, want hi", i[0])
	}
}

func TestCompareCorners(t *testing.T) {
	b := make([]bool, 3)
	EqualVV(b, []float64{nan, negZ, 1}, []float64{nan, 0, 1})
	if b[0] || !b[1] || !b[2] {
		t.Errorf("EqualVV: %v, want [false true true]", b)
	}
	NotEqualVS(b, []float64{nan, 1, 2}, nan)
	if !b[0] || !b[1] || !b[2] {
		t.Errorf("NotEqualVS NaN: %v, want all true", b)
	}
	LessSV(b, nan, []float64{1, nan, -inf})
	if b[0] || b[1] || b[2] {
		t.Errorf("LessSV NaN: %v, want all false", b)
	}
	LessEqualVV(b, []float64{negZ, 1, 2}, []float64{0, 1, 1})
	if !b[0] || !b[1] || b[2] {
		t.Errorf("LessEqualVV: %v, want [true true false]", b)
	}
	c := make([]bool, 2)
	EqualVV(c, []complex128{complex(1, nan), complex(negZ, 2)}, []complex128{complex(1, nan), complex(0, 2)})
	if c[0] || !c[1] {
		t.Errorf("EqualVV complex: %v, want [false true]", c)
	}
}

func TestSqrtMath(t *testing.T) {
	d := make([]float32, 4)
	SqrtV(d, []float32{-1, negZ32(), 2, float32(inf)})
	if !math.IsNaN(float64(d[0])) || !math.Signbit(float64(d[1])) || d[1] != 0 ||
		d[2] != float32(math.Sqrt(2)) || !math.IsInf(float64(d[3]), 1) {
		t.Errorf("SqrtV: %v, want [NaN -0 √2 +Inf]", d)
	}
	e := make([]float32, 2)
	MathV(e, []float32{1, 0}, math.Exp)
	if e[0] != float32(math.E) || e[1] != 1 {
		t.Errorf("MathV Exp: %v", e)
	}
}

func negZ32() float32 { return float32(math.Copysign(0, -1)) }

func TestReduceStops(t *testing.T) {
	// A stop returns at once: the elements after it are never read, so a
	// row that ends early (off the slice) is not an error.
	s := []bool{false, true}
	if !ReduceAnyRow(false, s, 0, 1, 2) || !ReduceAnyRow(false, s, 0, 1, 2) {
		t.Error("ReduceAnyRow: false, want true")
	}
	if !ReduceAnyRow(false, []bool{true}, 0, 5, 3) {
		t.Error("ReduceAnyRow does not stop at the first true")
	}
	if ReduceAllRow(true, []bool{false}, 0, 5, 3) {
		t.Error("ReduceAllRow does not stop at the first false")
	}
	if ReduceAny(false, nil) || !ReduceAll(true, nil) {
		t.Error("empty Any/All: want the initial value")
	}
	if got := ReduceProd(int8(1), []int8{16, 16, 3}); got != 0 {
		t.Errorf("ReduceProd int8 wraps: %d, want 0", got)
	}
}

func TestFoldAxis(t *testing.T) {
	// Three rows of two, folded into one: elementwise products and minima.
	s := []float64{1, 2, 3, nan, 5, negZ}
	d := make([]float64, 2)
	FoldProd(d, 0, 1, s, 0, 2, 1, 3, 2)
	if d[0] != 15 || !math.IsNaN(d[1]) {
		t.Errorf("FoldProd: %v, want [15 NaN]", d)
	}
	FoldMin(d, 1, -1, s, 0, 2, 1, 3, 2) // into d reversed
	if d[1] != 1 || !math.IsNaN(d[0]) {
		t.Errorf("FoldMin into a reversed row: %v, want [NaN 1]", d)
	}
	b := make([]bool, 2)
	FoldAny(b, 0, 1, []bool{false, false, true, false}, 0, 2, 1, 2, 2)
	if !b[0] || b[1] {
		t.Errorf("FoldAny: %v, want [true false]", b)
	}
}

func TestF16Conversions(t *testing.T) {
	tab := F16Table()
	for i := range 1 << 16 {
		h := float16.Frombits(uint16(i))
		if got, want := math.Float32bits(tab[i]), math.Float32bits(h.Float32()); got != want {
			t.Fatalf("F16Table[%#04x] = %#08x, want %#08x", i, got, want)
		}
		// Every half value round trips through float32 and float64,
		// NaNs quieted.
		want := uint16(i)
		if h.IsNaN() {
			want |= 0x200
		}
		if got := F32ToF16(tab[i]); got != want {
			t.Fatalf("F32ToF16(%v) = %#04x, want %#04x", tab[i], got, want)
		}
		if got := F64ToF16(float64(tab[i])); got != want {
			t.Fatalf("F64ToF16(%v) = %#04x, want %#04x", tab[i], got, want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		f := math.Float32frombits(rng.Uint32())
		if got, want := F32ToF16(f), float16.Fromfloat32(f).Bits(); got != want && !(f != f && got|0x200 == want|0x200) {
			t.Fatalf("F32ToF16(%v) = %#04x, want %#04x", f, got, want)
		}
	}
	// float64 rounds once: 1 + 2^-11 + 2^-40 is above the tie between 1
	// and the next half, 1 + 2^-10, but rounds to the tie in float32.
	x := 1 + 0x1p-11 + 0x1p-40
	if got := F64ToF16(x); got != 0x3c01 {
		t.Errorf("F64ToF16(1+2^-11+2^-40) = %#04x, want 0x3c01 (one rounding)", got)
	}
	if got := F32ToF16(float32(x)); got != 0x3c00 {
		t.Errorf("F32ToF16(float32(1+2^-11+2^-40)) = %#04x, want 0x3c00 (the tie to even)", got)
	}
}

func TestConversionCorners(t *testing.T) {
	i := make([]int32, 3)
	RealToRealRow(i, 0, 1, []float64{-2.7, 2.7, negZ}, 0, 1, 3)
	if want := []int32{-2, 2, 0}; !equalSlices(i, want) {
		t.Errorf("float64 to int32: %v, want %v (truncated)", i, want)
	}
	u := make([]uint8, 2)
	RealToRealRow(u, 0, 1, []int16{-1, 300}, 0, 1, 2)
	if want := []uint8{255, 44}; !equalSlices(u, want) {
		t.Errorf("int16 to uint8: %v, want %v (wrapped)", u, want)
	}
	r := make([]float32, 1)
	C128ToRealRow(r, 0, 1, []complex128{complex(1.5, nan)}, 0, 1, 1)
	if r[0] != 1.5 {
		t.Errorf("complex128 to float32: %v, want the real part 1.5", r[0])
	}
	c := make([]complex64, 1)
	RealToC64Row(c, 0, 1, []int8{-3}, 0, 1, 1)
	if c[0] != complex(-3, 0) {
		t.Errorf("int8 to complex64: %v, want (-3+0i)", c[0])
	}
	h := make([]uint16, 2)
	RealToF16Row(h, 0, 1, []int64{65519, 65520}, 0, 1, 2)
	if h[0] != 0x7bff || h[1] != 0x7c00 {
		t.Errorf("int64 to float16: %#04x, want [0x7bff 0x7c00] (65504, +Inf)", h)
	}
	f := make([]float64, 1)
	F16ToRealRow(f, 0, 1, []uint16{0x8000}, 0, 1, 1)
	if !isNegZ(f[0]) {
		t.Errorf("float16 -0 to float64: %v, want -0", f[0])
	}
}

// equalSlices reports whether a and b hold equal elements.
func equalSlices[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
