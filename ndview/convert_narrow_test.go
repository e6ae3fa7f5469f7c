package ndview

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/float8"
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/x448/float16"
)

// Convert with the narrow storage floats (semantics.md §26, SF2): every
// pair against an oracle that converts one element at a time through
// float32, on random layouts, random bits, overlap included.

// narrowToF32 returns the float32 value of x, the oracle's first step.
func narrowToF32[T Numeric](x T) float32 {
	switch v := any(x).(type) {
	case bfloat16.BFloat16:
		return v.Float32()
	case float8.E4M3FN:
		return v.Float32()
	case float8.E5M2:
		return v.Float32()
	case float16.Float16:
		return v.Float32()
	case complex64:
		return real(v)
	case complex128:
		return float32(real(v))
	case float64:
		return float32(v)
	case float32:
		return v
	case int8:
		return float32(v)
	case int16:
		return float32(v)
	case int64:
		return float32(v)
	case uint8:
		return float32(v)
	case uint32:
		return float32(v)
	}
	panic(fmt.Sprintf("narrowToF32: %T", x))
}

// narrowFromF32 returns f as a U, the oracle's second step.
func narrowFromF32[U Numeric](f float32) U {
	var u U
	switch p := any(&u).(type) {
	case *bfloat16.BFloat16:
		*p = bfloat16.FromFloat32(f)
	case *float8.E4M3FN:
		*p = float8.E4M3FNFromFloat32(f)
	case *float8.E5M2:
		*p = float8.E5M2FromFloat32(f)
	case *float16.Float16:
		*p = float16.Frombits(kernels.F32ToF16(f))
	case *complex64:
		*p = complex(f, 0)
	case *complex128:
		*p = complex(float64(f), 0)
	case *float64:
		*p = float64(f)
	case *float32:
		*p = f
	case *int8:
		*p = int8(f)
	case *int16:
		*p = int16(f)
	case *int64:
		*p = int64(f)
	case *uint8:
		*p = uint8(f)
	case *uint32:
		*p = uint32(f)
	default:
		panic(fmt.Sprintf("narrowFromF32: %T", u))
	}
	return u
}

// sameValue reports whether a and b hold the same value: the same bits, or
// both NaN.
func sameValue[U Numeric](a, b U) bool {
	if mem8 := [2]U{a, b}; sameBits(mem8[:1], mem8[1:]) {
		return true
	}
	fa, fb := narrowToF32(a), narrowToF32(b)
	return fa != fa && fb != fb
}

// checkNarrowPair converts random sources of T into random destinations
// of U and compares with the oracle, element by element.
func checkNarrowPair[U, T Numeric](t *testing.T, r *rand.Rand) {
	t.Helper()
	for range 60 {
		dl := randomLayout(r, layoutOpts{Writable: true})
		dst := randomBitsView[U](r, dl)
		if dst.ReadOnly() {
			continue
		}
		src := randomBitsView[T](r, randomLayout(r, layoutOpts{Shape: dst.Shape()}))
		if r.IntN(8) == 0 && FormatOf[U]() == FormatOf[T]() {
			// An overlapping source: dst itself, seen reversed.
			src = any(dst.Flip()).(NDView[T])
		}
		want := make(map[string]U)
		for idx, x := range src.Enumerate() {
			want[fmt.Sprint(idx)] = narrowFromF32[U](narrowToF32(x))
		}
		ConvertInto(dst, src)
		for idx, got := range dst.Enumerate() {
			if w := want[fmt.Sprint(idx)]; !sameValue(got, w) {
				t.Fatalf("%T to %T, dst %v: element %v = %v, want %v", *new(T), *new(U), dl, idx, got, w)
			}
		}
	}
}

func TestConvertNarrowPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(26, 1))
	type bf = bfloat16.BFloat16
	type e4 = float8.E4M3FN
	type e5 = float8.E5M2
	checks := map[string]func(*testing.T, *rand.Rand){
		"bf16 to f32":                     checkNarrowPair[float32, bf],
		"f32 to bf16":                     checkNarrowPair[bf, float32],
		"f64 to bf16":                     checkNarrowPair[bf, float64],
		"bf16 to f64":                     checkNarrowPair[float64, bf],
		"bf16 to bf16":                    checkNarrowPair[bf, bf],
		"e4m3 to e4m3":                    checkNarrowPair[e4, e4],
		"e4m3 to f32":                     checkNarrowPair[float32, e4],
		"e5m2 to f32":                     checkNarrowPair[float32, e5],
		"f32 to e4m3":                     checkNarrowPair[e4, float32],
		"f32 to e5m2":                     checkNarrowPair[e5, float32],
		"f64 to e5m2":                     checkNarrowPair[e5, float64],
		"e4m3 to e5m2":                    checkNarrowPair[e5, e4],
		"e5m2 to bf16":                    checkNarrowPair[bf, e5],
		"bf16 to f16":                     checkNarrowPair[float16.Float16, bf],
		"f16 to bf16":                     checkNarrowPair[bf, float16.Float16],
		"i16 to bf16":                     checkNarrowPair[bf, int16],
		"i64 to e4m3":                     checkNarrowPair[e4, int64],
		"u32 to bf16":                     checkNarrowPair[bf, uint32],
		"bf16 to i8":                      checkNarrowPair[int8, bf],
		"e5m2 to u8":                      checkNarrowPair[uint8, e5],
		"bf16 to i64":                     checkNarrowPair[int64, bf],
		"c64 to bf16":                     checkNarrowPair[bf, complex64],
		"c128 to e4m3":                    checkNarrowPair[e4, complex128],
		"bf16 to c128":                    checkNarrowPair[complex128, bf],
		"e4m3 to c64":                     checkNarrowPair[complex64, e4],
		"u8 to e5m2":                      checkNarrowPair[e5, uint8],
		"bf16 to u32":                     checkNarrowPair[uint32, bf],
		"f16 to e4m3":                     checkNarrowPair[e4, float16.Float16],
		"e4m3 to f16":                     checkNarrowPair[float16.Float16, e4],
		"e5m2 to e4m3":                    checkNarrowPair[e4, e5],
		"bf16 to e5m2":                    checkNarrowPair[e5, bf],
		"f32 to f32 (no narrow, control)": checkNarrowPair[float32, float32],
	}
	for name, check := range checks {
		t.Run(name, func(t *testing.T) { check(t, r) })
	}
}

// TestConvertNarrowLarge converts a contiguous bfloat16 view large enough
// to be shared by goroutines, and its transpose.
func TestConvertNarrowLarge(t *testing.T) {
	const rows, cols = 1024, 2048
	buf := make([]bfloat16.BFloat16, rows*cols)
	for i := range buf {
		buf[i] = bfloat16.BFloat16(i * 2654435761)
	}
	src := FromSliceMust(buf, rows, cols)
	for name, s := range map[string]NDView[bfloat16.BFloat16]{"C": src, "T": src.T()} {
		dst := Zeros[float32](s.Shape()...)
		ConvertInto(dst, s)
		for idx, x := range s.Enumerate() {
			got, want := dst.At(idx...), x.Float32()
			if math.Float32bits(got) != math.Float32bits(want) {
				t.Fatalf("%s: element %v = %v, want %v", name, idx, got, want)
			}
		}
	}
}
