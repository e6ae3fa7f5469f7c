package kernels

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/ndview/internal/simd"
)

// The vector kernels of the transcendental functions (semantics.md §32)
// against their Go twins, bit for bit, under every path the CPU runs, on
// every length up to 80 and random lengths up to 1000 at unaligned starts,
// with special values among random ones; the twins against oracles of
// higher precision in transc_ulp_test.go.

// transcSpecial are values the inputs are seeded with: the edges of the
// fast ranges, zeros, subnormals, infinities, NaN and huge values.
var transcSpecial = []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN(),
	5e-324, -5e-324, 1e-310, 0x1p-1022, math.MaxFloat64, -math.MaxFloat64, 708.3, -708.3, 709.7, 709.8,
	-708.4, -745.2, 709, 1023.49, 1023.5, -1021.5, -1022, 22, -22, 22.5, -1 + 0x1p-53, -1 + 0x1p-24, 88.8, -103.9, 1e300, 0x1p20 * math.Pi / 2, 0x1p20*math.Pi/2 + 1, 1e22, math.MaxFloat32,
	0x1p-126, 1e-45, math.Pi / 2, math.Pi, 3 * math.Pi / 2}

// transcInputs returns n values of F, a tenth special, the others random
// in [-scale, scale] (positive and spread over magnitudes for log), at an
// unaligned start.
func transcInputs[F float32 | float64](r *rand.Rand, n int, name string) []F {
	off := r.IntN(16)
	s := make([]F, off+n)
	for i := range s {
		switch {
		case r.IntN(10) == 0:
			s[i] = F(transcSpecial[r.IntN(len(transcSpecial))])
		case name == "Log" || name == "Log2":
			s[i] = F(math.Exp(r.NormFloat64() * 100))
		case name == "Log1p" && r.IntN(2) == 0:
			s[i] = F(math.Exp(r.NormFloat64()*100) - 1)
		case name == "Exp" || name == "Expm1" || name == "Exp2":
			s[i] = F(r.NormFloat64() * 200)
		case name == "Tanh" && r.IntN(2) == 0:
			s[i] = F(r.NormFloat64() * 10)
		default:
			s[i] = F(r.NormFloat64() * math.Pow(10, float64(r.IntN(7))))
		}
	}
	return s[off:]
}

// transcCases are the rows checked, with their twins.
var transcCases = []struct {
	name string
	rows func(n int, d, a []float64)
	f    *transc
}{
	{"Exp", nil, &tExp}, {"Log", nil, &tLog}, {"Sin", nil, &tSin}, {"Cos", nil, &tCos},
	{"Exp2", nil, &tExp2}, {"Expm1", nil, &tExpm1}, {"Tanh", nil, &tTanh}, {"Log2", nil, &tLog2}, {"Log1p", nil, &tLog1p},
}

func TestTranscSameBits(t *testing.T) {
	for _, level := range []string{"AVX-512", "AVX2", "none"} {
		restore, ok := simd.Use(level)
		if !ok {
			continue
		}
		for _, c := range transcCases {
			t.Run(level+"/"+c.name, func(t *testing.T) {
				checkTranscBits[float32](t, c.name, c.f)
				checkTranscBits[float64](t, c.name, c.f)
			})
		}
		restore()
	}
}

// checkTranscBits checks transcV of f against f's twin on every length,
// in place and not, and that the kernel processed what it should.
func checkTranscBits[F float32 | float64](t *testing.T, name string, f *transc) {
	r := rand.New(rand.NewPCG(7, uint64(len(name))))
	var v func(d, a []F) int
	switch any(F(0)).(type) {
	case float32:
		v = any(f.v32).(func(d, a []F) int)
	default:
		v = any(f.v64).(func(d, a []F) int)
	}
	ns := make([]int, 0, 140)
	for n := range 81 {
		ns = append(ns, n)
	}
	for range 60 {
		ns = append(ns, r.IntN(1001))
	}
	for _, n := range ns {
		a := transcInputs[F](r, n, name)
		d := make([]F, n)
		transcV(v, f.s, d, a)
		for i, x := range a {
			want := F(f.s(float64(x)))
			if !sameBits(d[i], want) {
				t.Fatalf("%s %T n=%d: [%d] f(%v) = %v, twin %v", name, x, n, i, x, d[i], want)
			}
		}
		in := append([]F(nil), a...)
		transcV(v, f.s, in, in)
		for i := range in {
			if !sameBits(in[i], d[i]) {
				t.Fatalf("%s %T n=%d in place: [%d] %v, want %v", name, in[i], n, i, in[i], d[i])
			}
		}
	}
	// A kernel runs up to the first vector outside its range, then
	// resumes: all-regular input is processed whole but for a tail.
	a := make([]F, 200)
	for i := range a {
		a[i] = F(0.5 + float64(i)/1000)
	}
	d := make([]F, len(a))
	k := v(d, a)
	if simd.Transc() && k < len(a)-8 || !simd.Transc() && k != 0 || k%4 != 0 {
		t.Fatalf("%s %T: processed %d of %d", name, a[0], k, len(a))
	}
	a[100] = F(math.NaN())
	if k := v(d, a); simd.Transc() && (k > 100 || k < 92) {
		t.Fatalf("%s %T: processed %d of %d with a NaN at 100", name, a[0], k, len(a))
	}
}

// sameBits reports whether x and y have the same bits.
func sameBits[F float32 | float64](x, y F) bool {
	return fmt.Sprint(math.Float64bits(float64(x))) == fmt.Sprint(math.Float64bits(float64(y))) && (x == y || x != x)
}

// TestTranscSpecial checks the twins (and so the kernels) on NaN, ±Inf,
// ±0 and subnormals against glibc's results (§32 VT2), which package
// math gives for these: the same bits, signs of zeros included.
func TestTranscSpecial(t *testing.T) {
	fs := []struct {
		name      string
		twin, ref func(float64) float64
	}{
		{"Exp", Exp, math.Exp}, {"Exp2", Exp2F, math.Exp2}, {"Expm1", Expm1F, math.Expm1},
		{"Tanh", TanhF, math.Tanh}, {"Log", LogF, Log}, {"Log2", Log2F, Log2},
		{"Log1p", Log1pF, math.Log1p}, {"Sin", SinF, Sin}, {"Cos", CosF, Cos},
	}
	xs := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1),
		5e-324, -5e-324, 1e-310, -1e-310, 0x1p-1022, -0x1p-1022}
	for _, f := range fs {
		for _, x := range xs {
			got, want := f.twin(x), f.ref(x)
			if !sameBits(got, want) || math.Signbit(got) != math.Signbit(want) && !math.IsNaN(want) {
				t.Errorf("%s(%v) = %v, glibc %v", f.name, x, got, want)
			}
			if g32, w32 := float32(f.twin(float64(float32(x)))), float32(f.ref(float64(float32(x)))); math.Signbit(float64(g32)) != math.Signbit(float64(w32)) && w32 == w32 || g32 != w32 && w32 == w32 {
				t.Errorf("%s(float32 %v) = %v, glibc %v", f.name, float32(x), g32, w32)
			}
		}
	}
}
