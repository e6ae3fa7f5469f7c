package ndview

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// refNonzero is the oracle of Nonzero: the indices of the elements for
// which truth holds, in C order, and their flat positions.
func refNonzero[T any](v NDView[T], truth func(T) bool) (idxs [][]int, flat []int) {
	pos := 0
	forEachIndex(v.Shape(), func(idx []int) {
		if truth(v.At(idx...)) {
			idxs = append(idxs, slices.Clone(idx))
			flat = append(flat, pos)
		}
		pos++
	})
	return idxs, flat
}

// checkNonzero compares every nonzero routine on v with the oracle.
func checkNonzero[T comparable](t *testing.T, name string, v NDView[T], truth func(T) bool) {
	t.Helper()
	idxs, flat := refNonzero(v, truth)
	nd := v.NDim()
	require.Equal(t, len(flat), CountNonzero(v), name)
	require.Equal(t, nonNil(flat), nonNil(Flatnonzero(v).ToSlice()), name)

	nz := Nonzero(v)
	require.Len(t, nz, max(nd, 1), name)
	for d := range nz {
		require.Equal(t, []int{len(flat)}, nz[d].Shape(), name)
		for j, idx := range idxs {
			want := 0
			if nd > 0 {
				want = idx[d]
			}
			require.Equal(t, want, nz[d].At(j), "%s: Nonzero[%d][%d]", name, d, j)
		}
	}
	aw := Argwhere(v)
	require.Equal(t, []int{len(flat), nd}, aw.Shape(), name)
	for j, idx := range idxs {
		for d := range nd {
			require.Equal(t, idx[d], aw.At(j, d), name)
		}
	}
	for ax := range nd {
		sh := slices.Delete(v.Shape(), ax, ax+1)
		dst := Zeros[int](sh...)
		dst.Fill(-1)
		CountNonzeroAxisInto(dst, v, ax)
		want := Zeros[int](sh...)
		for _, idx := range idxs {
			o := slices.Delete(slices.Clone(idx), ax, ax+1)
			want.Set(want.At(o...)+1, o...)
		}
		require.Equal(t, want.ToSlice(), dst.ToSlice(), "%s: CountNonzeroAxis %d", name, ax)
	}
}

func TestNonzeroRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for i := range 300 {
		l := randomLayout(r, layoutOpts{MaxRank: 4, MaxExtent: 6})
		name := fmt.Sprintf("%d: %v", i, l)
		density := []int{1, 2, 20}[i%3] // one in density is nonzero
		fb := make([]float64, l.N)
		ib := make([]int, l.N)
		bb := make([]bool, l.N)
		hb := make([]float16.Float16, l.N)
		cb := make([]complex128, l.N)
		specials := []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(-1), 1e-300}
		for k := range l.N {
			nz := r.IntN(density) == 0
			x := specials[r.IntN(2)]
			if nz {
				x = specials[2+r.IntN(3)]
			}
			fb[k] = x
			hb[k] = float16.Fromfloat32(float32(x))
			bb[k] = nz
			if nz {
				ib[k] = 1 + r.IntN(5)
				cb[k] = complex(0, x)
			} else {
				cb[k] = complex(math.Copysign(0, -1), x)
			}
		}
		fv, _ := Wrap(fb, l.Off, l.Shape, l.Strides)
		checkNonzero(t, name+" float64", fv, func(x float64) bool { return x != 0 || x != x })
		iv := layoutView(l, ib)
		checkNonzero(t, name+" int", iv, func(x int) bool { return x != 0 })
		bv := boolView(t, l, bb)
		checkNonzero(t, name+" bool", bv, func(x bool) bool { return x })
		hv, _ := Wrap(hb, l.Off, l.Shape, l.Strides)
		checkNonzero(t, name+" float16", hv, func(x float16.Float16) bool { f := x.Float32(); return f != 0 || f != f })
		cv, _ := Wrap(cb, l.Off, l.Shape, l.Strides)
		checkNonzero(t, name+" complex128", cv, func(x complex128) bool { return x != 0 })
	}
}

// TestNonzeroBools runs the word paths of long bool rows: sparse and
// dense, at every start modulo 8 and with tails.
func TestNonzeroBools(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	for _, density := range []int{1, 2, 7, 40, 1000} {
		for start := range 9 {
			n := 200 + r.IntN(100)
			buf := make([]bool, start+n)
			for k := range buf {
				buf[k] = r.IntN(density) == 0
			}
			v, _ := FromSlice(buf[start:])
			name := fmt.Sprintf("density 1/%d, start %d, n %d", density, start, n)
			checkNonzero(t, name, v, func(x bool) bool { return x })
			m, _ := v.Slice(Range(0, n-n%8)).Reshape(-1, 8)
			checkNonzero(t, name+" as rows of 8", m, func(x bool) bool { return x })
		}
	}
}

func TestNonzeroExamples(t *testing.T) {
	f, _ := FromSlice([]float64{0, math.Copysign(0, -1), math.NaN(), 2})
	assert.Equal(t, []int{2, 3}, Flatnonzero(f).ToSlice(), "NaN is nonzero, −0 is zero")
	assert.Equal(t, 2, CountNonzero(f))

	// 0-d: one array, as NumPy 1.24.
	nz := Nonzero(Scalar(5))
	require.Len(t, nz, 1)
	assert.Equal(t, []int{0}, nz[0].ToSlice())
	assert.Equal(t, 0, Nonzero(Scalar(0.0))[0].Size())
	assert.Equal(t, []int{1, 0}, Argwhere(Scalar(true)).Shape())

	// Empty views.
	assert.Equal(t, []int{0, 3}, Argwhere(Zeros[int](2, 0, 4)).Shape())
	assert.Len(t, Nonzero(Zeros[int](2, 0, 4)), 3)

	// CountNonzeroAxis: keepdims, and the destination overlapping a.
	buf := []int{0, 1, 2, 0, 0, 3}
	a, _ := FromSlice(buf, 2, 3)
	d := Zeros[int](1, 3)
	CountNonzeroAxisInto(d, a, 0)
	assert.Equal(t, []int{0, 1, 2}, d.ToSlice())
	CountNonzeroAxisInto(a.Slice(Int(0)), a, 0) // row 0 gets the counts of a as it was
	assert.Equal(t, []int{0, 1, 2, 0, 0, 3}, buf)
	CountNonzeroAxisInto(a.Slice(Int(1)), a, 0)
	assert.Equal(t, []int{0, 1, 2, 0, 1, 2}, buf)

	panics(t, ErrReadOnly, func() { CountNonzeroAxisInto(d.AsReadOnly(), a, 0) })
	panics(t, ErrAxis, func() { CountNonzeroAxisInto(d, a, 2) })
	panics(t, ErrShape, func() { CountNonzeroAxisInto(Zeros[int](2), a, 0) })
	f16 := Zeros[float16.Float16](2, 3)
	panics(t, ErrShape, func() { CountNonzeroAxisInto(Zeros[int](2), f16, 0) })
}

// TestDenseBytes checks the gathering multiplication and the position
// table on every pattern of eight bools.
func TestDenseBytes(t *testing.T) {
	for m := range 256 {
		b := make([]byte, 8)
		var want []int
		for i := range 8 {
			if m>>i&1 != 0 {
				b[i] = 1
				want = append(want, 100+i)
			}
		}
		out := make([]int, len(want)+nonzeroSlack)
		j := denseBytes(b, 100, out, 0)
		require.Equal(t, nonNil(want), nonNil(out[:j]), "pattern %08b", m)
	}
}
