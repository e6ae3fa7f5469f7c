package ndview

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

func TestConvertF16ToF32AllPatterns(t *testing.T) {
	src := make([]float16.Float16, 1<<16)
	for i := range src {
		src[i] = float16.Frombits(uint16(i))
	}
	s, err := FromSlice(src, 256, 256)
	require.NoError(t, err)
	d := Zeros[float32](256, 256)
	ConvertInto(d, s)
	got, _ := d.Data()
	for i, x := range src {
		if want := math.Float32bits(x.Float32()); math.Float32bits(got[i]) != want {
			t.Fatalf("Convert float16 %#04x = %#08x, want %#08x (x448)", i, math.Float32bits(got[i]), want)
		}
	}
	// The same through the strided kernel (a transposed source).
	dt := Zeros[float32](256, 256)
	ConvertInto(dt, s.T())
	for i := range 256 {
		for j := range 256 {
			x := src[j*256+i]
			require.Equal(t, math.Float32bits(x.Float32()), math.Float32bits(dt.At(i, j)), "strided float16 %#04x", x.Bits())
		}
	}
}

// f16Edges are float32 values whose float16 conversion is easy to get
// wrong, with the bits x448/float16 (and IEEE) give them.
var f16Edges = []struct {
	x    float32
	bits uint16
}{
	{1, 0x3c00},
	{-2, 0xc000},
	{65504, 0x7bff},                                    // largest finite
	{65519.996, 0x7bff},                                // just below the overflow threshold
	{65520, 0x7c00},                                    // halfway to 65536: rounds to even, which is Inf
	{-65520, 0xfc00},                                   //
	{1e10, 0x7c00},                                     //
	{float32(math.Inf(1)), 0x7c00},                     //
	{float32(math.Inf(-1)), 0xfc00},                    //
	{0x1p-24, 0x0001},                                  // smallest subnormal
	{0x1p-25, 0x0000},                                  // halfway to it: ties to even, 0
	{0x1.000002p-25, 0x0001},                           // just above halfway
	{0x3p-25, 0x0002},                                  // 1.5 steps: ties to even, 2
	{0x5p-25, 0x0002},                                  // 2.5 steps: 2
	{0x1p-14, 0x0400},                                  // smallest normal
	{0x1.ff8p-15, 0x03ff},                              // largest subnormal
	{0x1.ffcp-15, 0x0400},                              // halfway between it and 2^-14: rounds up to even
	{-0x1p-24, 0x8001},                                 //
	{float32(math.Copysign(0, -1)), 0x8000},            // -0 survives
	{0, 0x0000},                                        //
	{1 + 0x1p-11, 0x3c00},                              // tie: to even
	{1 + 0x3p-11, 0x3c02},                              // tie: to even
	{float32(math.NaN()), 0x7e00},                      //
	{math.Float32frombits(0xffc00001), 0xfe00},         // negative NaN keeps its sign
	{math.Float32frombits(0x7f802000), 0x7e01},         // signalling NaN: payload kept, made quiet
	{math.Float32frombits(0x7f800001), 0x7e00},         // payload below half precision: still NaN
	{math.Float32frombits(0x33000001), 0x0001},         // just above 2^-25
	{math.Float32frombits(0x33000000 - 1), 0x0000},     // just below
	{math.Float32frombits(0x477fefff), 0x7bff},         // just below 65520
	{math.Float32frombits(0x38800000 - 1), 0x0400},     // just below 2^-14 rounds up to it
	{math.Float32frombits(0x387fc000 - 1), 0x03ff},     //
	{math.Float32frombits(0x00000001), 0x0000},         // float32 subnormal
	{math.Float32frombits(0x80000001), 0x8000},         //
	{math.Float32frombits(0x3f7ff000), 0x3c00},         // rounds up into the next binade
	{math.Float32frombits(0x3f7fefff), 0x3bff},         //
	{math.Float32frombits(0x7f7fffff), 0x7c00},         // largest float32
	{math.Float32frombits(0x47800000), 0x7c00},         // 65536
	{math.Float32frombits(0x477fe000), 0x7bff},         // 65504 again, by bits
	{math.Float32frombits(0x477ff000 - 0x800), 0x7bff}, // 65512: below halfway
}

func TestF32ToF16Edges(t *testing.T) {
	for _, e := range f16Edges {
		t.Run(fmt.Sprintf("%#08x", math.Float32bits(e.x)), func(t *testing.T) {
			assert.Equal(t, e.bits, float16.Fromfloat32(e.x).Bits(), "x448 Fromfloat32(%g)", e.x)
			assert.Equal(t, e.bits, f32ToF16(e.x), "f32ToF16(%g)", e.x)
			assert.Equal(t, e.bits, f64ToF16(float64(e.x)), "f64ToF16(%g)", e.x)
		})
	}
	// Through Convert, as a view.
	src := make([]float32, len(f16Edges))
	for i, e := range f16Edges {
		src[i] = e.x
	}
	s, err := FromSlice(src)
	require.NoError(t, err)
	d := Zeros[float16.Float16](len(src))
	ConvertInto(d, s)
	for i, e := range f16Edges {
		assert.Equal(t, e.bits, d.At(i).Bits(), "Convert(%g)", e.x)
	}
}

func TestConvertF32ToF16Random(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 1 << 20
	src := make([]float32, n)
	for i := range src {
		switch i % 4 {
		case 0: // any bit pattern: NaNs, infinities, huge and tiny values
			src[i] = math.Float32frombits(r.Uint32())
		case 1: // the finite half range
			src[i] = float32((r.Float64()*2 - 1) * 70000)
		case 2: // the subnormal half range
			src[i] = float32((r.Float64()*2 - 1) * 0x1p-13)
		case 3: // values near halfway points of half precision
			h := float16.Frombits(uint16(r.Uint32()))
			src[i] = math.Float32frombits(math.Float32bits(h.Float32()) + 0x1000 - 1 + r.Uint32N(3))
		}
	}
	s, err := FromSlice(src)
	require.NoError(t, err)
	d := Zeros[float16.Float16](n)
	ConvertInto(d, s)
	got, _ := d.Data()
	for i, x := range src {
		if want := float16.Fromfloat32(x); got[i] != want {
			t.Fatalf("Convert(%g = %#08x) = %#04x, want %#04x (x448)", x, math.Float32bits(x), got[i].Bits(), want.Bits())
		}
	}
}

func TestF32ToF16Sampled(t *testing.T) {
	// Every 4099th float32 bit pattern (about a million), against x448.
	// Set NDKIT_EXHAUSTIVE=1 to check all 2^32 (a minute or so).
	step := uint64(4099)
	if os.Getenv("NDKIT_EXHAUSTIVE") != "" {
		step = 1
	}
	for u := uint64(0); u < 1<<32; u += step {
		x := math.Float32frombits(uint32(u))
		if got, want := f32ToF16(x), float16.Fromfloat32(x).Bits(); got != want {
			t.Fatalf("f32ToF16(%#08x) = %#04x, want %#04x (x448)", u, got, want)
		}
	}
}

// nearestF16 reports whether h is the float16 nearest to x, ties to even,
// using exact arithmetic; x must be finite and below 65520 in magnitude.
func nearestF16(x float64, h uint16) bool {
	val := func(b uint16) *big.Float {
		return new(big.Float).SetPrec(0).SetFloat64(float64(float16.Frombits(b).Float32()))
	}
	dist := func(b uint16) *big.Float {
		d := new(big.Float).SetPrec(2000).Sub(val(b), new(big.Float).SetFloat64(x))
		return d.Abs(d)
	}
	if h&0x7c00 == 0x7c00 {
		return false
	}
	dh := dist(h)
	for _, nb := range []uint16{h + 1, h - 1} {
		if nb&0x7fff > 0x7bff || nb&0x8000 != h&0x8000 {
			continue
		}
		switch dh.Cmp(dist(nb)) {
		case 1:
			return false
		case 0:
			if h&1 != 0 {
				return false
			}
		}
	}
	// Across zero: +0 and -0 are both fine for x = 0; otherwise the sign
	// of h is the sign of x.
	return x == 0 || (h&0x8000 != 0) == (x < 0)
}

func TestF64ToF16(t *testing.T) {
	// Rounding once: 1 + 2^-11 + 2^-40 lies just above halfway between 1
	// and the next float16, so it rounds up; through float32 it would
	// first become the halfway point 1 + 2^-11 and then round to even, 1.
	x := 1 + 0x1p-11 + 0x1p-40
	assert.Equal(t, uint16(0x3c01), f64ToF16(x))
	assert.Equal(t, uint16(0x3c00), float16.Fromfloat32(float32(x)).Bits(), "double rounding through float32")

	r := rand.New(rand.NewPCG(3, 4))
	for i := range 200000 {
		var x float64
		switch i % 3 {
		case 0:
			x = (r.Float64()*2 - 1) * 65519
		case 1:
			x = (r.Float64()*2 - 1) * 0x1p-13
		case 2: // near a halfway point
			h := float16.Frombits(uint16(r.Uint32()) & 0x7bff)
			x = math.Float64frombits(math.Float64bits(float64(h.Float32())) + 1<<41 - 2 + r.Uint64N(5))
		}
		if math.Abs(x) >= 65520 {
			continue
		}
		h := f64ToF16(x)
		require.True(t, nearestF16(x, h), "f64ToF16(%v) = %#04x is not the nearest float16", x, h)
		if float64(float32(x)) == x {
			require.Equal(t, float16.Fromfloat32(float32(x)).Bits(), h, "f64ToF16(%v) differs from x448 on a float32 value", x)
		}
	}
	for _, x := range []float64{65520, 1e300, math.Inf(1), math.MaxFloat64} {
		assert.Equal(t, uint16(0x7c00), f64ToF16(x), "f64ToF16(%g)", x)
		assert.Equal(t, uint16(0xfc00), f64ToF16(-x), "f64ToF16(%g)", -x)
	}
	assert.Equal(t, uint16(0x7bff), f64ToF16(65519.999999))
	assert.Equal(t, uint16(0x7e00), f64ToF16(math.NaN()))
	assert.Equal(t, uint16(0x8000), f64ToF16(math.Copysign(0, -1)))
	assert.Equal(t, uint16(0x0000), f64ToF16(math.SmallestNonzeroFloat64))
}

// asC128 returns x, of any numeric type, as a complex128 (float16 as its
// value).
func asC128(x any) complex128 {
	if h, ok := x.(float16.Float16); ok {
		return complex(float64(h.Float32()), 0)
	}
	r := reflect.ValueOf(x)
	switch r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return complex(float64(r.Int()), 0)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return complex(float64(r.Uint()), 0)
	case reflect.Float32, reflect.Float64:
		return complex(r.Float(), 0)
	case reflect.Complex64, reflect.Complex128:
		return r.Complex()
	}
	panic(fmt.Sprintf("asC128(%T)", x))
}

type celsius float32

type count uint16

// convertPair converts small values from T to U and checks the results by
// value: every value used is exact in every type.
func convertPair[U, T Numeric](t *testing.T, vals []float64) {
	t.Helper()
	src := make([]T, len(vals))
	sv, err := FromSlice(src)
	require.NoError(t, err)
	for i, x := range vals {
		fv, _ := FromSlice([]float64{x})
		ConvertInto(sv.Slice(Range(i, i+1)), fv) // float64 to T, itself under test
	}
	for i, x := range vals {
		require.Equal(t, complex(x, 0), asC128(src[i]), "float64 %v to %T", x, src[i])
	}
	d := Zeros[U](len(vals))
	ConvertInto(d, sv)
	for i, x := range vals {
		assert.Equal(t, complex(x, 0), asC128(d.At(i)), "Convert %T %v to %T", src[i], x, d.At(i))
	}
	// Strided and reversed too.
	d2 := Zeros[U](2 * len(vals))
	ConvertInto(d2.Slice(Step(-2)), sv)
	for i, x := range vals {
		assert.Equal(t, complex(x, 0), asC128(d2.At(2*len(vals)-1-2*i)), "strided Convert %T %v to %T", src[i], x, d.At(i))
	}
}

func convertFrom[T Numeric](t *testing.T, vals []float64) {
	convertPair[int8, T](t, vals)
	convertPair[int16, T](t, vals)
	convertPair[int32, T](t, vals)
	convertPair[int64, T](t, vals)
	convertPair[int, T](t, vals)
	convertPair[uint8, T](t, vals)
	convertPair[uint16, T](t, vals)
	convertPair[uint32, T](t, vals)
	convertPair[uint64, T](t, vals)
	convertPair[uint, T](t, vals)
	convertPair[uintptr, T](t, vals)
	convertPair[float16.Float16, T](t, vals)
	convertPair[float32, T](t, vals)
	convertPair[float64, T](t, vals)
	convertPair[complex64, T](t, vals)
	convertPair[complex128, T](t, vals)
	convertPair[celsius, T](t, vals)
	convertPair[count, T](t, vals)
}

func TestConvertAllPairs(t *testing.T) {
	vals := []float64{0, 1, 2, 7, 100, 127}
	t.Run("int8", func(t *testing.T) { convertFrom[int8](t, vals) })
	t.Run("int16", func(t *testing.T) { convertFrom[int16](t, vals) })
	t.Run("int32", func(t *testing.T) { convertFrom[int32](t, vals) })
	t.Run("int64", func(t *testing.T) { convertFrom[int64](t, vals) })
	t.Run("int", func(t *testing.T) { convertFrom[int](t, vals) })
	t.Run("uint8", func(t *testing.T) { convertFrom[uint8](t, vals) })
	t.Run("uint16", func(t *testing.T) { convertFrom[uint16](t, vals) })
	t.Run("uint32", func(t *testing.T) { convertFrom[uint32](t, vals) })
	t.Run("uint64", func(t *testing.T) { convertFrom[uint64](t, vals) })
	t.Run("uint", func(t *testing.T) { convertFrom[uint](t, vals) })
	t.Run("uintptr", func(t *testing.T) { convertFrom[uintptr](t, vals) })
	t.Run("float16", func(t *testing.T) { convertFrom[float16.Float16](t, vals) })
	t.Run("float32", func(t *testing.T) { convertFrom[float32](t, vals) })
	t.Run("float64", func(t *testing.T) { convertFrom[float64](t, vals) })
	t.Run("complex64", func(t *testing.T) { convertFrom[complex64](t, vals) })
	t.Run("complex128", func(t *testing.T) { convertFrom[complex128](t, vals) })
	t.Run("celsius", func(t *testing.T) { convertFrom[celsius](t, vals) })
	t.Run("count", func(t *testing.T) { convertFrom[count](t, vals) })
}

func TestConvertValues(t *testing.T) {
	f := func(xs ...float64) NDView[float64] { v, _ := FromSlice(xs); return v }

	i := Zeros[int32](4)
	ConvertInto(i, f(2.7, -2.7, 0.5, -0.5))
	assert.Equal(t, []int32{2, -2, 0, 0}, mustValue(i.Data()), "float to int truncates toward zero")

	u := Zeros[uint8](3)
	ConvertInto(u, mustValue(FromSlice([]int{256 + 5, -1, 255})))
	assert.Equal(t, []uint8{5, 255, 255}, mustValue(u.Data()), "integers wrap as in Go")

	h := Zeros[float16.Float16](5)
	ConvertInto(h, mustValue(FromSlice([]int64{65519, 65520, 70000, -1 << 62, 3})))
	assert.Equal(t, []uint16{0x7bff, 0x7c00, 0x7c00, 0xfc00, 0x4200}, bitsOf(mustValue(h.Data())))
	ConvertInto(h.Slice(Range(0, 2)), mustValue(FromSlice([]uint64{math.MaxUint64, 1 << 11})))
	assert.Equal(t, uint16(0x7c00), h.At(0).Bits())
	assert.Equal(t, uint16(0x6800), h.At(1).Bits())

	back := Zeros[int16](2)
	ConvertInto(back, mustValue(FromSlice([]float16.Float16{float16.Fromfloat32(-3.75), float16.Fromfloat32(1000)})))
	assert.Equal(t, []int16{-3, 1000}, mustValue(back.Data()), "float16 converts as a float, never as its bits")

	c := Zeros[float32](2)
	ConvertInto(c, mustValue(FromSlice([]complex128{1.5 + 2i, -3 - 1i})))
	assert.Equal(t, []float32{1.5, -3}, mustValue(c.Data()), "complex to real keeps the real part")
	hc := Zeros[float16.Float16](1)
	ConvertInto(hc, mustValue(FromSlice([]complex64{0.5 + 9i})))
	assert.Equal(t, float32(0.5), hc.At(0).Float32())

	z := Zeros[complex64](2)
	ConvertInto(z, mustValue(FromSlice([]int64{1<<24 + 1, -7})))
	assert.Equal(t, []complex64{complex(float32(1<<24+1), 0), -7}, mustValue(z.Data()), "int64 to complex64 rounds once, as float32(x)")
	zz := Zeros[complex128](1)
	ConvertInto(zz, mustValue(FromSlice([]int64{1<<53 + 1})))
	assert.Equal(t, complex(float64(1<<53+1), 0), zz.At(0))
	ConvertInto(zz, mustValue(FromSlice([]float16.Float16{float16.Fromfloat32(-0.25)})))
	assert.Equal(t, complex128(-0.25), zz.At(0))

	nan := Zeros[float64](1)
	ConvertInto(nan, mustValue(FromSlice([]float16.Float16{float16.NaN()})))
	assert.True(t, math.IsNaN(nan.At(0)))
	f64 := Zeros[float64](1)
	ConvertInto(f64, mustValue(FromSlice([]float32{0.1})))
	assert.Equal(t, float64(float32(0.1)), f64.At(0))
	f32 := Zeros[float32](1)
	ConvertInto(f32, f(0.1))
	assert.Equal(t, float32(0.1), f32.At(0))

	ub := Zeros[float32](256)
	bytes := make([]uint8, 256)
	for i := range bytes {
		bytes[i] = uint8(i)
	}
	ConvertInto(ub, mustValue(FromSlice(bytes)))
	for i := range 256 {
		require.Equal(t, float32(i), ub.At(i))
	}
}

func bitsOf(h []float16.Float16) []uint16 {
	out := make([]uint16, len(h))
	for i, x := range h {
		out[i] = x.Bits()
	}
	return out
}

// refConvert is the naive Convert of int32 into float64 through At and Set,
// with src broadcast to dst's shape by the caller.
func refConvert(dst NDView[float64], src NDView[int32]) {
	forEachIndex(dst.lay.Shape(), func(idx []int) {
		dst.Set(float64(src.At(idx...)), idx...)
	})
}

func TestConvertLayouts(t *testing.T) {
	base := seqView[int32](t, 4, 5, 6)
	srcs := map[string]NDView[int32]{
		"C":        base,
		"T":        base.T().Transpose(2, 1, 0),
		"strided":  mustValue(base.Index("::-1, 1::2, ::3")),
		"window":   mustValue(base.Index("1:3, :, 2:5")),
		"reversed": base.Flip(),
		"rolled":   base.Transpose(2, 0, 1).Transpose(1, 2, 0),
	}
	for sname, s := range srcs {
		dsts := map[string]func() NDView[float64]{
			"C": func() NDView[float64] { return Zeros[float64](s.Shape()...) },
			"F": func() NDView[float64] {
				sh := s.Shape()
				slices.Reverse(sh)
				return Zeros[float64](sh...).T()
			},
			"strided": func() NDView[float64] {
				sh := s.Shape()
				big := slices.Clone(sh)
				big[len(big)-1] *= 2
				return Zeros[float64](big...).Slice(Ellipsis, Step(-2))
			},
		}
		for dname, mk := range dsts {
			t.Run(sname+" into "+dname, func(t *testing.T) {
				d, want := mk(), mk()
				ConvertInto(d, s)
				refConvert(want, s)
				forEachIndex(d.lay.Shape(), func(idx []int) {
					require.Equal(t, want.At(idx...), d.At(idx...), "element %v", idx)
				})
			})
		}
	}
}

func TestConvertTiled(t *testing.T) {
	s := seqView[int32](t, 3, 150, 170)
	for name, src := range map[string]NDView[int32]{
		"T":        s.T(),
		"moved":    s.Transpose(1, 2, 0),
		"reversed": s.Transpose(2, 1, 0).Flip(1),
	} {
		t.Run(name, func(t *testing.T) {
			d, want := Zeros[float64](src.Shape()...), Zeros[float64](src.Shape()...)
			ConvertInto(d, src)
			refConvert(want, src)
			assert.Equal(t, mustValue(want.Data()), mustValue(d.Data()))
		})
	}
}

func TestConvertBroadcast(t *testing.T) {
	row := seqView[int32](t, 4)
	d := Zeros[float64](3, 4)
	ConvertInto(d, row)
	assert.Equal(t, []float64{0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3}, mustValue(d.Data()))

	col := seqView[int32](t, 3, 1)
	ConvertInto(d, col)
	assert.Equal(t, []float64{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}, mustValue(d.Data()))

	lead := seqView[int32](t, 1, 1, 3, 4)
	ConvertInto(d, lead)
	assert.Equal(t, 11.0, d.At(2, 3), "extra leading extent-1 axes are dropped")

	scalar := seqView[int32](t, 1).Slice(Int(0))
	ConvertInto(d, scalar)
	assert.Equal(t, make([]float64, 12), mustValue(d.Data()))

	castPanics(t, ErrShape, func() { ConvertInto(d, seqView[int32](t, 2, 3, 4)) })
	castPanics(t, ErrShape, func() { ConvertInto(d, seqView[int32](t, 3)) })
	castPanics(t, ErrShape, func() { ConvertInto(Zeros[float64](3, 0), seqView[int32](t, 2, 1)) })
	defer func() {
		err := recover().(error)
		assert.Equal(t, "ndview: Convert: could not broadcast input array from shape (2, 3, 4) into shape (3, 4)", err.Error())
	}()
	ConvertInto(d, seqView[int32](t, 2, 3, 4))
}

func TestConvertEmptyAndReadOnly(t *testing.T) {
	ConvertInto(Zeros[float64](0, 3), seqView[int32](t, 1, 3)) // nothing to do
	ConvertInto(Zeros[float64](0, 3), seqView[int32](t, 0, 3))
	d := Zeros[float64](3)
	castPanics(t, ErrReadOnly, func() { ConvertInto(d.AsReadOnly(), seqView[int32](t, 3)) })
	castPanics(t, ErrReadOnly, func() { ConvertInto(mustBroadcast(t, d, 2, 3), seqView[int32](t, 3)) })
	castPanics(t, ErrReadOnly, func() { ConvertInto(Zeros[float64](0).AsReadOnly(), seqView[int32](t, 0)) })
}

// TestConvertOverlap converts between views of one buffer: the result must
// be as if the source had been copied first.
func TestConvertOverlap(t *testing.T) {
	type tcase struct {
		name string
		run  func(mem []uint64) // converts within mem's memory
		ref  func(mem []uint64) // the same through a temporary
	}
	as := func(mem []uint64, n int) (NDView[uint32], NDView[float32], NDView[float64], NDView[int64]) {
		m, _ := FromSlice(mem)
		u32 := mustValue(Cast[uint32](m)).Slice(Range(0, n))
		f32 := mustValue(Cast[float32](m)).Slice(Range(0, n))
		f64 := mustValue(Cast[float64](m)).Slice(Range(0, n))
		i64 := mustValue(Cast[int64](m)).Slice(Range(0, n))
		return u32, f32, f64, i64
	}
	tests := []tcase{
		{"in place same size", func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(f, u)
		}, func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(f, seqCopy(u))
		}},
		{"shift forward", func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(f.Slice(From(1)), u.Slice(To(-1)))
		}, func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(f.Slice(From(1)), seqCopy(u.Slice(To(-1))))
		}},
		{"shift back", func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(f.Slice(To(-1)), u.Slice(From(1)))
		}, func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(f.Slice(To(-1)), seqCopy(u.Slice(From(1))))
		}},
		{"reversed", func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(f.Slice(Step(-1)), u)
		}, func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(f.Slice(Step(-1)), seqCopy(u))
		}},
		{"widening in place", func(mem []uint64) {
			u, _, d, _ := as(mem, 8)
			ConvertInto(d, u)
		}, func(mem []uint64) {
			u, _, d, _ := as(mem, 8)
			ConvertInto(d, seqCopy(u))
		}},
		{"narrowing in place", func(mem []uint64) {
			_, _, _, i := as(mem, 8)
			_, f, _, _ := as(mem, 16)
			ConvertInto(f.Slice(Range(4, 12)), i)
		}, func(mem []uint64) {
			_, _, _, i := as(mem, 8)
			_, f, _, _ := as(mem, 16)
			ConvertInto(f.Slice(Range(4, 12)), seqCopy(i))
		}},
		{"transposed square", func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(mustValue(f.Reshape(4, 4)), mustValue(u.Reshape(4, 4)).T())
		}, func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(mustValue(f.Reshape(4, 4)), seqCopy(mustValue(u.Reshape(4, 4)).T()))
		}},
		{"row broadcast", func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(mustValue(f.Reshape(4, 4)), u.Slice(Range(4, 8)))
		}, func(mem []uint64) {
			u, f, _, _ := as(mem, 16)
			ConvertInto(mustValue(f.Reshape(4, 4)), seqCopy(u.Slice(Range(4, 8))))
		}},
	}
	fill := func() []uint64 {
		mem := make([]uint64, 8)
		u, _ := Cast[uint32](mustValue(FromSlice(mem)))
		for i := range 16 {
			u.Set(uint32(i*3+1), i)
		}
		return mem
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := fill(), fill()
			tt.run(got)
			tt.ref(want)
			assert.Equal(t, want, got)
		})
	}
}

// seqCopy returns a C-contiguous copy of v in fresh memory.
func seqCopy[T any](v NDView[T]) NDView[T] {
	return v.Clone()
}

func TestConvertAllocs(t *testing.T) {
	s := seqView[uint8](t, 4, 8, 16, 3)
	d := Zeros[float32](4, 8, 16, 3)
	h := Zeros[float16.Float16](4, 8, 16, 3)
	st := s.Transpose(3, 2, 1, 0)
	dt := Zeros[float32](3, 16, 8, 4)
	for name, fn := range map[string]func(){
		"contiguous": func() { ConvertInto(d, s) },
		"to float16": func() { ConvertInto(h, d) },
		"strided":    func() { ConvertInto(dt, st) },
		"broadcast":  func() { ConvertInto(d, s.Slice(Int(0))) },
	} {
		assert.Zero(t, testing.AllocsPerRun(20, fn), "Convert %s allocates", name)
	}
}

func TestF16TableInit(t *testing.T) {
	tab := f16Table()
	assert.Equal(t, float32(1), tab[0x3c00])
	assert.Equal(t, float32(-2), tab[0xc000])
	assert.True(t, math.IsInf(float64(tab[0x7c00]), 1))
	assert.True(t, math.IsNaN(float64(tab[0x7e00])))
	assert.Equal(t, float32(0x1p-24), tab[1])
	assert.Equal(t, uint32(0x80000000), math.Float32bits(tab[0x8000]), "-0 survives")
}

func BenchmarkF16Table(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		t := new([1 << 16]float32)
		for i := range t {
			t[i] = float16.Frombits(uint16(i)).Float32()
		}
	}
}
