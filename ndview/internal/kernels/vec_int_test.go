package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The loops that run the kernels of vec_int.go (semantics.md §33) under
// every level of vector code the CPU runs, against naive loops, on every
// length up to 80 and random lengths up to 1000 at unaligned starts.

type vecInt interface {
	int8 | uint8 | int16 | int32 | uint32 | int64 | uint64 | int | uint
}

// randInts returns n values of T at an unaligned start: small values,
// both extremes of T and random bits.
func randInts[T vecInt](r *rand.Rand, n int) []T {
	off := r.IntN(9)
	s := make([]T, off+n)
	for i := range s {
		switch r.IntN(5) {
		case 0:
			s[i] = T(r.IntN(5) - 2)
		case 1:
			var z T
			s[i] = ^z // −1 or the largest
		case 2:
			var z T
			s[i] = ^z >> 1 // the largest, or half the range
			if r.IntN(2) == 0 {
				s[i] = ^s[i] // the most negative, or above half
			}
		default:
			s[i] = T(r.Uint64())
		}
	}
	return s[off:]
}

func vecIntLoops[T vecInt](t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for _, n := range vecLengths(r) {
		a, b := randInts[T](r, n), randInts[T](r, n)
		y := randInts[T](r, 1)[0]
		d := make([]T, n)
		check := func(name string, f func(i int) T) {
			t.Helper()
			for i := range d {
				if want := f(i); d[i] != want {
					t.Fatalf("%s n %d: d[%d] = %v, want %v", name, n, i, d[i], want)
				}
			}
		}
		AddVV(d, a, b)
		check("AddVV", func(i int) T { return a[i] + b[i] })
		AddVS(d, a, y)
		check("AddVS", func(i int) T { return a[i] + y })
		AddSV(d, y, b)
		check("AddSV", func(i int) T { return y + b[i] })
		SubVV(d, a, b)
		check("SubVV", func(i int) T { return a[i] - b[i] })
		SubVS(d, a, y)
		check("SubVS", func(i int) T { return a[i] - y })
		SubSV(d, y, b)
		check("SubSV", func(i int) T { return y - b[i] })
		MulVV(d, a, b)
		check("MulVV", func(i int) T { return a[i] * b[i] })
		MulVS(d, a, y)
		check("MulVS", func(i int) T { return a[i] * y })
		MulSV(d, y, b)
		check("MulSV", func(i int) T { return y * b[i] })

		m := make([]bool, n)
		checkB := func(name string, f func(i int) bool) {
			t.Helper()
			for i := range m {
				if want := f(i); m[i] != want {
					t.Fatalf("%s n %d: m[%d] = %v, want %v (%v %v %v)", name, n, i, m[i], want, a[i], b[i], y)
				}
			}
		}
		EqualVV(m, a, b)
		checkB("EqualVV", func(i int) bool { return a[i] == b[i] })
		NotEqualVS(m, a, y)
		checkB("NotEqualVS", func(i int) bool { return a[i] != y })
		LessVV(m, a, b)
		checkB("LessVV", func(i int) bool { return a[i] < b[i] })
		LessVS(m, a, y)
		checkB("LessVS", func(i int) bool { return a[i] < y })
		LessSV(m, y, b)
		checkB("LessSV", func(i int) bool { return y < b[i] })
		LessEqualVV(m, a, b)
		checkB("LessEqualVV", func(i int) bool { return a[i] <= b[i] })
		LessEqualSV(m, y, b)
		checkB("LessEqualSV", func(i int) bool { return y <= b[i] })

		if n > 0 {
			wmax, wmin := a[0], a[0]
			var wsum T
			for _, x := range a {
				wmax, wmin, wsum = max(wmax, x), min(wmin, x), wsum+x
			}
			if got := ReduceMax(a[0], a); got != wmax {
				t.Fatalf("ReduceMax n %d: %v, want %v", n, got, wmax)
			}
			if got := ReduceMin(a[0], a); got != wmin {
				t.Fatalf("ReduceMin n %d: %v, want %v", n, got, wmin)
			}
			got, ok := IntSum(a)
			if _, is16 := any(a[0]).(int16); ok == is16 || ok && got != wsum {
				t.Fatalf("IntSum of %T n %d: %v, %v; want %v, %v", a[0], n, got, ok, wsum, !is16)
			}
		}
	}
}

func TestVecInt(t *testing.T) {
	levels(t, func(t *testing.T) {
		t.Run("int8", vecIntLoops[int8])
		t.Run("uint8", vecIntLoops[uint8])
		t.Run("int16", vecIntLoops[int16])
		t.Run("int32", vecIntLoops[int32])
		t.Run("uint32", vecIntLoops[uint32])
		t.Run("int64", vecIntLoops[int64])
		t.Run("uint64", vecIntLoops[uint64])
		t.Run("int", vecIntLoops[int])
		t.Run("uint", vecIntLoops[uint])
	})
}

// TestVecConvertMore checks the conversions of vec_int.go through the
// row kernels: int32 into float32 and float64, uint8 into float64, and
// float32 to and from float16 bits against F32ToF16 and F16Table, bit for
// bit, NaNs included, on random bits and every float16 code.
func TestVecConvertMore(t *testing.T) {
	levels(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(23, 24))
		for _, n := range vecLengths(r) {
			i32 := randInts[int32](r, n)
			f32 := make([]float32, n)
			RealToRealRow(f32, 0, 1, i32, 0, 1, n)
			for i, x := range i32 {
				if f32[i] != float32(x) {
					t.Fatalf("int32 %d -> float32 %v", x, f32[i])
				}
			}
			f64 := make([]float64, n)
			RealToRealRow(f64, 0, 1, i32, 0, 1, n)
			for i, x := range i32 {
				if f64[i] != float64(x) {
					t.Fatalf("int32 %d -> float64 %v", x, f64[i])
				}
			}
			u8 := randInts[uint8](r, n)
			RealToRealRow(f64, 0, 1, u8, 0, 1, n)
			for i, x := range u8 {
				if f64[i] != float64(x) {
					t.Fatalf("uint8 %d -> float64 %v", x, f64[i])
				}
			}
			for i := range f32 {
				f32[i] = math.Float32frombits(r.Uint32())
				if r.IntN(2) == 0 {
					f32[i] = float32(r.NormFloat64() * math.Ldexp(1, r.IntN(40)-24))
				}
			}
			h := make([]uint16, n)
			RealToF16Row(h, 0, 1, f32, 0, 1, n)
			for i, x := range f32 {
				if want := F32ToF16(x); h[i] != want {
					t.Fatalf("float32 %#x -> float16 %#x, want %#x", math.Float32bits(x), h[i], want)
				}
			}
		}
		codes := make([]uint16, 1<<16)
		for i := range codes {
			codes[i] = uint16(i)
		}
		f := make([]float32, len(codes))
		F16ToRealRow(f, 0, 1, codes, 0, 1, len(codes))
		tab := F16Table()
		for i, c := range codes {
			if math.Float32bits(f[i]) != math.Float32bits(tab[c]) {
				t.Fatalf("float16 %#x -> %#x, want %#x", c, math.Float32bits(f[i]), math.Float32bits(tab[c]))
			}
		}
		back := make([]uint16, len(codes))
		RealToF16Row(back, 0, 1, f, 0, 1, len(f))
		for i, c := range codes {
			if want := F32ToF16(f[i]); back[i] != want {
				t.Fatalf("float16 %#x round trip: %#x, want %#x", c, back[i], want)
			}
		}
	})
}
