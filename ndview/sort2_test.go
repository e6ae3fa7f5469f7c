package ndview

import (
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// Complex sorting, searching and Unique against NumPy 1.24
// (testdata/sort2.json, written by testdata/sort2_gen.py) and against a
// naive oracle on random layouts; the parallel sort along an axis against
// the serial one (semantics.md §36).

type sort2Case struct {
	Dtype   string      `json:"dtype"`
	Data    [][2]string `json:"data"`
	Sort    [][2]string `json:"sort"`
	Argsort []int       `json:"argsort"`
	Unique  [][2]string `json:"unique"`
	UIndex  []int       `json:"unique_index"`
	UInv    []int       `json:"unique_inverse"`
	UCounts []int       `json:"unique_counts"`
	Queries [][2]string `json:"queries"`
	Left    []int       `json:"left"`
	Right   []int       `json:"right"`
}

func loadSort2(t *testing.T) []sort2Case {
	t.Helper()
	raw, err := os.ReadFile("testdata/sort2.json")
	require.NoError(t, err)
	var f struct {
		Complex []sort2Case `json:"complex"`
	}
	require.NoError(t, json.Unmarshal(raw, &f))
	require.NotEmpty(t, f.Complex)
	return f.Complex
}

func parseComplex(t *testing.T, zs [][2]string) []complex128 {
	t.Helper()
	out := make([]complex128, len(zs))
	for i, z := range zs {
		re, err := strconv.ParseFloat(z[0], 64)
		require.NoError(t, err)
		im, err := strconv.ParseFloat(z[1], 64)
		require.NoError(t, err)
		out[i] = complex(re, im)
	}
	return out
}

// sameComplex reports whether x and y are equal, a NaN part matching a
// NaN part.
func sameComplex(x, y complex128) bool {
	eq := func(a, b float64) bool { return a == b || a != a && b != b }
	return eq(real(x), real(y)) && eq(imag(x), imag(y))
}

func toC[C complex64 | complex128](zs []complex128) []C {
	out := make([]C, len(zs))
	for i, z := range zs {
		out[i] = C(z)
	}
	return out
}

func fromC[C complex64 | complex128](zs []C) []complex128 {
	out := make([]complex128, len(zs))
	for i, z := range zs {
		out[i] = complex128(z)
	}
	return out
}

func TestComplexSortFixture(t *testing.T) {
	for _, c := range loadSort2(t) {
		if c.Dtype == "complex64" {
			checkComplexFixture[complex64](t, c)
		} else {
			checkComplexFixture[complex128](t, c)
		}
	}
}

func checkComplexFixture[C complex64 | complex128](t *testing.T, c sort2Case) {
	t.Helper()
	data := toC[C](parseComplex(t, c.Data))
	v, _ := FromSlice(slices.Clone(data))
	s := SortFlat(v)
	want := parseComplex(t, c.Sort)
	got := fromC(s.ToSlice())
	require.Len(t, got, len(want))
	for i := range want {
		require.True(t, sameComplex(got[i], want[i]), "%s %v: sort[%d] = %v, want %v", c.Dtype, data, i, got[i], want[i])
	}
	require.Equal(t, c.Argsort, nonNil(Argsort(v, 0).ToSlice()), "%s argsort of %v", c.Dtype, data)

	u := Unique(v, UniqueOptions{Index: true, Inverse: true, Counts: true})
	wu := parseComplex(t, c.Unique)
	gu := fromC(u.Values.ToSlice())
	require.Len(t, gu, len(wu), "%s unique of %v: %v", c.Dtype, data, gu)
	for i := range wu {
		require.True(t, sameComplex(gu[i], wu[i]), "%s unique[%d] = %v, want %v", c.Dtype, i, gu[i], wu[i])
	}
	require.Equal(t, c.UIndex, nonNil(u.Index.ToSlice()))
	require.Equal(t, c.UInv, nonNil(u.Inverse.ToSlice()))
	require.Equal(t, c.UCounts, nonNil(u.Counts.ToSlice()))

	q, _ := FromSlice(toC[C](parseComplex(t, c.Queries)))
	require.Equal(t, c.Left, Searchsorted(s, q, Left).ToSlice(), "%s searchsorted left", c.Dtype)
	require.Equal(t, c.Right, Searchsorted(s, q, Right).ToSlice(), "%s searchsorted right", c.Dtype)
	// Through a sorter: the unsorted data and its argsort.
	srt := Argsort(v, 0)
	got2, err := SearchsortedSorter(v, q, Left, srt)
	require.NoError(t, err)
	require.Equal(t, c.Left, got2.ToSlice(), "%s searchsorted left with sorter", c.Dtype)
}

// npCLess is NumPy 1.24's complex less-than (npysort's CLT), written out
// as NumPy writes it: the oracle of the property tests.
func npCLess(a, b complex128) bool {
	ar, ai, br, bi := real(a), imag(a), real(b), imag(b)
	switch {
	case ar < br:
		return ai == ai || bi != bi
	case ar > br:
		return bi != bi && ai == ai
	case ar == br || (ar != ar && br != br):
		return ai < bi || (bi != bi && ai == ai)
	}
	return br != br
}

// complexPool returns values whose parts come from a small set, so that
// ties, signed zeros and NaNs are common.
func complexPool(r *rand.Rand, n int) []complex128 {
	parts := []float64{0, math.Copysign(0, -1), 1, -1, 2.5, math.NaN(), math.Inf(1), math.Inf(-1)}
	out := make([]complex128, n)
	for i := range out {
		out[i] = complex(parts[r.IntN(len(parts))], parts[r.IntN(len(parts))])
	}
	return out
}

func TestComplexSortProperty(t *testing.T) {
	t.Run("complex128", testComplexSortProperty[complex128])
	t.Run("complex64", testComplexSortProperty[complex64])
}

// testComplexSortProperty sorts and argsorts random layouts along random
// axes and checks each lane against the stable oracle order of npCLess:
// Sort gives equal values lane by lane and keeps the bits of the lane,
// Argsort gives exactly the stable permutation.
func testComplexSortProperty[C complex64 | complex128](t *testing.T) {
	r := rand.New(rand.NewPCG(36, 5))
	for it := range 300 {
		o := layoutOpts{Writable: true, Modes: modes(modeSlice, modeStrided), MaxExtent: 6, MaxSize: 300}
		if it%4 == 0 {
			o.MaxRank, o.MaxExtent = 2, 60
		}
		l := drawLayout(r, o)
		buf := toC[C](complexPool(r, l.N))
		orig := slices.Clone(buf)
		v := layoutView(l, buf)
		nd := len(l.Shape)
		if nd == 0 {
			panics(t, ErrAxis, func() { Sort(v, 0) })
			continue
		}
		ax := r.IntN(nd)
		idx := Argsort(v, ax)
		Sort(v, ax)
		seen := make([]bool, l.N)
		for _, lane := range laneOffsets(l, ax) {
			before := make([]complex128, len(lane))
			for i, o := range lane {
				before[i] = complex128(orig[o])
				seen[o] = true
			}
			order := arange(len(before))
			sort.SliceStable(order, func(i, j int) bool { return npCLess(before[order[i]], before[order[j]]) })
			for i, o := range lane {
				require.True(t, sameComplex(complex128(buf[o]), before[order[i]]),
					"%v axis %d: lane %v sorted to %v at %d", l, ax, before, buf[o], i)
			}
		}
		// Argsort: the indices, lane by lane, read through the index array.
		outer := slices.Clone(l.Shape)
		outer[ax] = 1
		forEachIndex(outer, func(ix []int) {
			before := make([]complex128, l.Shape[ax])
			got := make([]int, l.Shape[ax])
			for i := range before {
				ix[ax] = i
				before[i] = complex128(orig[refOffset(l.Off, l.Strides, ix)])
				got[i] = idx.At(ix...)
			}
			order := arange(len(before))
			sort.SliceStable(order, func(i, j int) bool { return npCLess(before[order[i]], before[order[j]]) })
			require.Equal(t, order, got, "%v axis %d: argsort of %v", l, ax, before)
		})
		for i := range buf {
			if !seen[i] {
				require.Equal(t, math.Float64bits(real(complex128(orig[i]))), math.Float64bits(real(complex128(buf[i]))), "outside the view")
			}
		}
	}
}

// TestSortParallel sorts and argsorts views large enough for the lanes to
// be shared among goroutines and compares with one goroutine.
func TestSortParallel(t *testing.T) {
	r := rand.New(rand.NewPCG(36, 6))
	src := make([]float32, 300*400)
	for i := range src {
		src[i] = float32(r.IntN(1000)) - 500
		if i%97 == 0 {
			src[i] = float32(math.NaN())
		}
	}
	for _, ax := range []int{0, 1} {
		var want [][]float32
		var wantIdx [][]int
		for _, threads := range []int{1, 2, 3} {
			old := SetMaxThreads(threads)
			buf := slices.Clone(src)
			v, _ := FromSlice(buf, 300, 400)
			tv := v.T() // a transposed layout: lanes are strided
			idx := Argsort(tv, ax).ToSlice()
			Sort(tv, ax)
			SetMaxThreads(old)
			if want == nil {
				want, wantIdx = [][]float32{buf}, [][]int{idx}
				continue
			}
			require.Equal(t, bitsList(want[0]), bitsList(buf), "threads %d axis %d", threads, ax)
			require.Equal(t, wantIdx[0], idx, "threads %d axis %d", threads, ax)
		}
	}
}

// TestHalfStatsFixture checks the whole-view statistics of float16 data
// bit for bit against NumPy 1.24 (semantics.md §36, SR8), on a contiguous
// view and on a reversed one (the same elements in the other order are
// another input for the sums, so only the order-free results are checked
// there).
func TestHalfStatsFixture(t *testing.T) {
	raw, err := os.ReadFile("testdata/sort2.json")
	require.NoError(t, err)
	var f struct {
		Half []struct {
			Bits string            `json:"bits"`
			Want map[string]string `json:"want"`
		} `json:"half"`
	}
	require.NoError(t, json.Unmarshal(raw, &f))
	require.NotEmpty(t, f.Half)
	for _, c := range f.Half {
		b, err := hex.DecodeString(c.Bits)
		require.NoError(t, err)
		data := make([]float16.Float16, len(b)/2)
		for i := range data {
			data[i] = float16.Float16(binary.LittleEndian.Uint16(b[2*i:]))
		}
		v, _ := FromSlice(data)
		must := func(x float64, err error) float64 { require.NoError(t, err); return x }
		got := map[string]float64{
			"median":    Median(v),
			"nanmedian": NanMedian(v),
			"nanmean":   NanMean(v),
			"var0":      Var(v, 0),
			"var1":      Var(v, 1),
			"std0":      Std(v, 0),
			"std1":      Std(v, 1),
			"nanvar0":   NanVar(v, 0),
			"nanvar1":   NanVar(v, 1),
			"nanstd1":   NanStd(v, 1),
			"q30":       must(Quantile(v, 0.3, QuantileLinear)),
			"q90":       must(Quantile(v, 0.9, QuantileLinear)),
			"q90hazen":  must(Quantile(v, 0.9, QuantileHazen)),
			"q50lower":  must(Quantile(v, 0.5, QuantileLower)),
			"nanq90":    must(NanQuantile(v, 0.9, QuantileLinear)),
		}
		rev := v.Flip(0)
		orderFree := map[string]float64{
			"median":    Median(rev),
			"nanmedian": NanMedian(rev),
			"q90":       must(Quantile(rev, 0.9, QuantileLinear)),
		}
		for name, w := range c.Want {
			want, err := strconv.ParseFloat(w, 64)
			require.NoError(t, err)
			g, ok := got[name]
			require.True(t, ok, name)
			require.True(t, g == want || g != g && want != want, "n=%d %s = %v, want %v", len(data), name, g, want)
			if g2, ok := orderFree[name]; ok {
				require.True(t, g2 == want || g2 != g2 && want != want, "reversed n=%d %s = %v, want %v", len(data), name, g2, want)
			}
		}
	}
}

// TestHalfStatsAxis checks that the axis forms of float16 data compute as
// for the same data converted to float32 (semantics.md §36, SR8).
func TestHalfStatsAxis(t *testing.T) {
	r := rand.New(rand.NewPCG(36, 7))
	h := make([]float16.Float16, 6*7)
	f := make([]float32, len(h))
	for i := range h {
		h[i] = float16.Fromfloat32(float32(r.NormFloat64()))
		f[i] = h[i].Float32()
	}
	h[5] = float16.Fromfloat32(float32(math.NaN()))
	f[5] = float32(math.NaN())
	hv, _ := FromSlice(h, 6, 7)
	fv, _ := FromSlice(f, 6, 7)
	for ax := range 2 {
		sh := []int{7}
		if ax == 1 {
			sh = []int{6}
		}
		a, b := Zeros[float64](sh...), Zeros[float64](sh...)
		NanMedianAxisInto(a, hv, ax)
		NanMedianAxisInto(b, fv, ax)
		require.Equal(t, b.ToSlice(), a.ToSlice())
		VarAxisInto(a, hv, 1, ax)
		VarAxisInto(b, fv, 1, ax)
		require.Equal(t, bitsList(b.ToSlice()), bitsList(a.ToSlice()))
		NanMeanAxisInto(a, hv, ax)
		NanMeanAxisInto(b, fv, ax)
		require.Equal(t, bitsList(b.ToSlice()), bitsList(a.ToSlice()))
	}
}
