package ndview

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/bfloat16"

	"github.com/ndkit/ndkit/ndview/internal/simd"
)

// Tests of semantics.md §33 at the level of ndview: axis-0 sums of
// C-ordered rows (VK3) and integer sums (VK4), under every level of
// vector code the CPU runs.

// simdLevels runs f under each level of vector code the CPU runs.
func simdLevels(t *testing.T, f func(t *testing.T)) {
	for _, lvl := range []string{"AVX-512", "AVX2", "none"} {
		restore, ok := simd.Use(lvl)
		if !ok {
			continue
		}
		t.Run(lvl, f)
		restore()
	}
}

// axis0Oracle returns the sums along axis 0 of v, each 0 + v[0, …] +
// v[1, …] + … in index order (NumPy's order along an axis that is not the
// innermost in memory), by a plain loop over Enumerate.
func axis0Oracle[T Numeric](v NDView[T]) []T {
	sh := v.Shape()
	rest := 1
	for _, n := range sh[1:] {
		rest *= n
	}
	out := make([]T, rest)
	k := 0
	for _, x := range v.Enumerate() {
		out[k%max(rest, 1)] += x
		k++
	}
	return out
}

// axis0Shape draws shapes of C-ordered arrays whose axis-0 sums run the
// row kernels: few and many rows (every remainder of the groups of four),
// rows shorter than a vector, and rows longer than a strip of L1
// (kernels.RowBlock), now and then with a third axis.
func axis0Shape(r *rand.Rand) []int {
	m := r.IntN(11)
	switch r.IntN(4) {
	case 0:
		return []int{m, r.IntN(40)}
	case 1:
		return []int{m, 3000 + r.IntN(14000)}
	case 2:
		return []int{m, 1 + r.IntN(9), 1 + r.IntN(300)}
	}
	return []int{m, r.IntN(1200)}
}

func testAxis0Sum[T Numeric](t *testing.T, gen func(r *rand.Rand) T) {
	r := rand.New(rand.NewPCG(33, 34))
	for range 60 {
		sh := axis0Shape(r)
		v := Zeros[T](sh...)
		data, _ := v.Data()
		for i := range data {
			data[i] = gen(r)
		}
		// Half the time a view of every other row of a larger array:
		// rows with a gap between them, still contiguous each.
		if r.IntN(2) == 0 && len(sh) == 2 {
			big := Zeros[T](2*sh[0], sh[1])
			bd, _ := big.Data()
			for i := range bd {
				bd[i] = gen(r)
			}
			v = big.Slice(Step(2), Colon())
		}
		got := SumAxis(v, 0)
		want := axis0Oracle(v)
		gd := got.ToSlice()
		if len(gd) != len(want) {
			t.Fatalf("shape %v: %d sums, want %d", v.Shape(), len(gd), len(want))
		}
		for j := range want {
			if !sameBits(gd[j:j+1], want[j:j+1]) && !(gd[j] != gd[j] && want[j] != want[j]) { // NaN + NaN: either NaN (semantics.md §27, K3)
				t.Fatalf("shape %v strides %v: sum %d is %v, want %v", v.Shape(), v.Strides(), j, gd[j], want[j])
			}
		}
	}
}

// TestSumAxis0Rows checks SumAxis along axis 0 of C-ordered rows against
// the plain loop in NumPy's order, bit for bit (semantics.md §33, VK3).
func TestSumAxis0Rows(t *testing.T) {
	simdLevels(t, func(t *testing.T) {
		testAxis0Sum(t, func(r *rand.Rand) float32 {
			return float32(math.Ldexp(r.NormFloat64(), r.IntN(30)-15))
		})
		testAxis0Sum(t, func(r *rand.Rand) float64 {
			if r.IntN(50) == 0 {
				return []float64{math.Inf(1), math.Inf(-1), math.NaN(), math.Copysign(0, -1)}[r.IntN(4)]
			}
			return math.Ldexp(r.NormFloat64(), r.IntN(60)-30)
		})
		testAxis0Sum(t, func(r *rand.Rand) int32 { return int32(r.Uint32()) })
	})
}

// TestIntSumWraps checks Sum of the integer types with kernels against a
// wrapping loop over Enumerate, on random layouts (semantics.md §33, VK4).
func TestIntSumWraps(t *testing.T) {
	simdLevels(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(35, 36))
		for range 200 {
			o := layoutOpts{Modes: modes(modeSlice, modeReadOnly, modeBroadcast, modeStrided)}
			if r.IntN(3) == 0 {
				o = layoutOpts{MaxRank: 1, MaxExtent: 3000, MaxSize: -1}
			}
			checkIntSum[int32](t, r, o)
			checkIntSum[uint8](t, r, o)
			checkIntSum[int64](t, r, o)
			checkIntSum[int](t, r, o)
		}
	})
}

func checkIntSum[T int32 | uint8 | int64 | int](t *testing.T, r *rand.Rand, o layoutOpts) {
	l := randomLayout(r, o)
	buf := make([]T, l.N)
	for i := range buf {
		buf[i] = T(r.Uint64())
	}
	v := layoutView(l, buf)
	var want T
	for _, x := range v.Enumerate() {
		want += x
	}
	if got := Sum(v); got != want {
		t.Fatalf("%T %v: Sum %v, want %v", want, l, got, want)
	}
}

// TestConvertBF16Levels converts random layouts of bfloat16 to float32
// and of float32 (random bits: NaNs, ties, subnormals) to bfloat16 under
// every level, element by element against package bfloat16's scalar
// conversions (semantics.md §33, VK8).
func TestConvertBF16Levels(t *testing.T) {
	simdLevels(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(16, 19))
		for range 150 {
			o := layoutOpts{Modes: modes(modeSlice, modeReadOnly, modeBroadcast, modeStrided)}
			if r.IntN(3) == 0 {
				o = layoutOpts{MaxRank: 1, MaxExtent: 3000, MaxSize: -1}
			}
			l := randomLayout(r, o)
			hb := make([]bfloat16.BFloat16, l.N)
			fb := make([]float32, l.N)
			for i := range hb {
				hb[i] = bfloat16.BFloat16(r.Uint32())
				fb[i] = math.Float32frombits(r.Uint32())
			}
			h, f := layoutView(l, hb), layoutView(l, fb)
			hf, fh := Zeros[float32](h.Shape()...), Zeros[bfloat16.BFloat16](f.Shape()...)
			ConvertInto(hf, h)
			ConvertInto(fh, f)
			got32, got16 := values(hf), values(fh)
			k := 0
			for _, x := range h.Enumerate() {
				if want := math.Float32bits(x.Float32()); math.Float32bits(got32[k]) != want {
					t.Fatalf("%v: element %d of bfloat16 %#x: float32 %#x, want %#x", l, k, x, math.Float32bits(got32[k]), want)
				}
				k++
			}
			k = 0
			for _, x := range f.Enumerate() {
				if want := bfloat16.FromFloat32(x); got16[k] != want {
					t.Fatalf("%v: element %d of float32 %#x: bfloat16 %#x, want %#x", l, k, math.Float32bits(x), got16[k], want)
				}
				k++
			}
		}
	})
}
