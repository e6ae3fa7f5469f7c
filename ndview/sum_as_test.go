package ndview

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

// The expected values below are NumPy 1.24's (np.sum and np.mean with
// their default or given dtype), written by /usr/bin/python3.

// testImage returns a (4, 5, 3) uint8 image whose element k is 37k mod 256.
func testImage() NDView[uint8] {
	d := make([]uint8, 60)
	for k := range d {
		d[k] = uint8(37 * k)
	}
	return Must(FromSlice(d, 4, 5, 3))
}

func TestSumAsImage(t *testing.T) {
	img := testImage()
	require.Equal(t, uint64(7122), SumAs[uint64](img)) // img.sum(): not mod 256
	require.Equal(t, uint8(210), SumAs[uint8](img))    // img.sum(dtype=np.uint8) wraps
	require.Equal(t, uint8(210), Sum(img))
	require.Equal(t, []uint64{2402, 2374, 2346}, values(SumAxisAs[uint64](img, 0, 1)))
	// The same through a transposed (CHW) view, keepdims, and float64.
	chw := img.Transpose(2, 0, 1)
	keep := Zeros[int64](3, 1, 1)
	SumAxisAsInto(keep, chw, 1, 2)
	require.Equal(t, []int64{2402, 2374, 2346}, values(keep))
	require.Equal(t, []uint64{111, 444, 265, 342, 419, 240}, values(SumAxisAs[uint64](img, 2))[:6])
	require.Equal(t, 118.7, MeanAs[float64](img))
	require.Equal(t, []float64{120.1, 118.7, 117.3}, values(MeanAxisAs[float64](img, 0, 1)))
	require.Zero(t, testing.AllocsPerRun(10, func() { SumAs[uint64](img) }))
	require.Zero(t, testing.AllocsPerRun(10, func() { SumAxisAsInto(keep, chw, 1, 2) }))
}

func TestSumAsBool(t *testing.T) {
	d := make([]bool, 20)
	for k := range d {
		d[k] = k%3 == 0
	}
	m := Must(FromSlice(d, 4, 5))
	require.Equal(t, int64(7), SumAs[int64](m))
	require.Equal(t, []int64{2, 1, 1, 2, 1}, values(SumAxisAs[int64](m, 0)))
	require.Equal(t, 0.35, MeanAs[float64](m))
	keep := Zeros[float64](4, 1)
	MeanAxisAsInto(keep, m, 1)
	require.Equal(t, []float64{0.4, 0.4, 0.2, 0.4}, values(keep))
	require.Equal(t, []int{2, 1, 1, 2, 1}, values(CountNonzeroAxis(m, 0)))
	require.True(t, math.IsNaN(MeanAs[float64](Zeros[bool](0))))
	require.Equal(t, []float64{0, 0}, values(SumAxisAs[float64](Zeros[bool](2, 0), 1)))
}

func TestSumAsWiden(t *testing.T) {
	i8 := Must(FromSlice([]int8{-128, -128, -128, 127}, 4))
	require.Equal(t, int64(-257), SumAs[int64](i8))
	require.Equal(t, -64.25, MeanAs[float64](i8))
	require.Equal(t, int8(-1), Sum(i8)) // Sum keeps T and wraps
	// float32 accumulated in float64 in NumPy's pairwise order: bit-identical.
	f := make([]float32, 10000)
	for k := range f {
		f[k] = float32(k) * 0.1
	}
	fv := Must(FromSlice(f, 100, 100))
	require.Equal(t, 4999500.080403648, SumAs[float64](fv))
	require.Equal(t, 499.9500080403648, MeanAs[float64](fv))
	require.Equal(t, 7495.000152587891, values(SumAxisAs[float64](fv, 1))[7])
	require.Equal(t, 49570.00089472532, values(SumAxisAs[float64](fv, 0))[7])
	// A float source into an integer accumulator is refused, as NumPy does.
	msg := panics(t, ErrType, func() { SumAs[int64](fv) })
	require.Contains(t, msg, "SumAs")
	panics(t, ErrType, func() { SumAxisAsInto(Zeros[int64](100), fv, 0) })
	panics(t, ErrReadOnly, func() { SumAxisAsInto(Zeros[int64](3).AsReadOnly(), testImage(), 0, 1) })
	panics(t, ErrShape, func() { SumAxisAsInto(Zeros[int64](4), testImage(), 0, 1) })
}

// TestSumAsLayouts compares SumAs and SumAxisAs with a plain loop on
// strided and reversed views of int16 data accumulated in int64.
func TestSumAsLayouts(t *testing.T) {
	d := make([]int16, 7*9*4)
	for k := range d {
		d[k] = int16(k*7919%65536 - 32768)
	}
	base := Must(FromSlice(d, 7, 9, 4))
	for _, v := range []NDView[int16]{base, Must(base.Index("::-2, 1::3, ::-1")), base.Transpose(2, 0, 1)} {
		var want int64
		for _, x := range values(v) {
			want += int64(x)
		}
		require.Equal(t, want, SumAs[int64](v))
		sh := v.Shape()
		got := SumAxisAs[int64](v, 0)
		for k, g := range values(got) {
			var w int64
			for i := range sh[0] {
				w += int64(v.At(append([]int{i}, k/sh[2], k%sh[2])...))
			}
			require.Equal(t, w, g)
		}
	}
}
