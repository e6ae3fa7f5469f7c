package ndview

// Tests of sets.go (semantics.md §18): Unique and the set routines on
// random layouts against oracles written from the definitions, and
// NumPy's answers from testdata/sort.json.

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// sameFloats reports whether got and want hold the same numbers, NaN
// matching NaN and zeros compared with their sign.
func sameFloats(got, want []float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if !(g == w && math.Signbit(g) == math.Signbit(w) || g != g && w != w) {
			return false
		}
	}
	return true
}

func TestUniqueFixture(t *testing.T) {
	for i, c := range loadSortFixture(t).Unique {
		v, err := FromSlice(parseFloats(t, c.X), c.Shape...)
		require.NoError(t, err)
		r := Unique(v, UniqueOptions{Index: true, Inverse: true, Counts: true})
		want := parseFloats(t, c.Values)
		assert.True(t, sameFloats(r.Values.ToSlice(), want), "case %d: values %v, want %v", i, r.Values.ToSlice(), want)
		assert.Equal(t, c.Index, r.Index.ToSlice(), "case %d: index", i)
		assert.Equal(t, c.Inverse, r.Inverse.ToSlice(), "case %d: inverse", i)
		assert.Equal(t, c.Counts, r.Counts.ToSlice(), "case %d: counts", i)
		none := Unique(v, UniqueOptions{})
		assert.Equal(t, NDView[int]{}, none.Index, "not asked for")
		assert.True(t, sameFloats(none.Values.ToSlice(), want))
	}
}

func TestLexsortFixture(t *testing.T) {
	for _, c := range loadSortFixture(t).Lexsort {
		keys := make([]NDView[int], len(c.Keys))
		for k, s := range c.Keys {
			keys[k] = vector(s)
		}
		assert.Equal(t, c.Want, Lexsort(keys...).ToSlice())
	}
}

func TestSetsFixture(t *testing.T) {
	for _, c := range loadSortFixture(t).Sets {
		get := func(name string, dst any) {
			require.NoError(t, json.Unmarshal(c[name], dst), name)
		}
		floats := func(name string) []float64 {
			var s []string
			get(name, &s)
			return parseFloats(t, s)
		}
		ints := func(name string) []int {
			var s []int
			get(name, &s)
			return s
		}
		a, b := vector(floats("a")), vector(floats("b"))
		var isin, notin []bool
		get("isin", &isin)
		get("isin_invert", &notin)
		assert.Equal(t, isin, Isin(a, b, false).ToSlice())
		assert.Equal(t, notin, Isin(a, b, true).ToSlice())
		vals, ia, ib := Intersect1d(a, b, false)
		assert.True(t, sameFloats(vals.ToSlice(), floats("intersect")), "intersect1d %v", vals.ToSlice())
		assert.Equal(t, ints("intersect_a"), ia.ToSlice())
		assert.Equal(t, ints("intersect_b"), ib.ToSlice())
		assert.True(t, sameFloats(Union1d(a, b).ToSlice(), floats("union")), "union1d %v", Union1d(a, b).ToSlice())
		assert.True(t, sameFloats(Setdiff1d(a, b, false).ToSlice(), floats("setdiff")), "setdiff1d")
		assert.True(t, sameFloats(Setxor1d(a, b, false).ToSlice(), floats("setxor")), "setxor1d %v", Setxor1d(a, b, false).ToSlice())
		ua, ub := vector(floats("unique_a")), vector(floats("unique_b"))
		vals, ia, ib = Intersect1d(ua, ub, true)
		assert.True(t, sameFloats(vals.ToSlice(), floats("intersect_au")))
		assert.Equal(t, ints("intersect_au_a"), ia.ToSlice())
		assert.Equal(t, ints("intersect_au_b"), ib.ToSlice())
		assert.True(t, sameFloats(Setdiff1d(ua, ub, true).ToSlice(), floats("setdiff_au")))
		assert.True(t, sameFloats(Setxor1d(ua, ub, true).ToSlice(), floats("setxor_au")), "%v", Setxor1d(ua, ub, true).ToSlice())
	}
}

// uniqueOracle returns what Unique must return for vals: groups of equal
// values (npEqual) in sorted order, each with its first occurrence.
func uniqueOracle[T Sortable](vals []T) (values []T, index, inverse, counts []int) {
	order := stableOrder(vals)
	inverse = make([]int, len(vals))
	for i, p := range order {
		if i == 0 || !npEqual(vals[p], vals[order[i-1]]) {
			values = append(values, vals[p])
			index = append(index, p)
			counts = append(counts, 0)
		}
		counts[len(counts)-1]++
		inverse[p] = len(index) - 1
	}
	return nonNil(values), nonNil(index), inverse, nonNil(counts)
}

func TestUniqueProperty(t *testing.T) {
	t.Run("float64", testUniqueProperty[float64])
	t.Run("float32", testUniqueProperty[float32])
	t.Run("float16", testUniqueProperty[float16.Float16])
	t.Run("int64", testUniqueProperty[int64])
	t.Run("uint8", testUniqueProperty[uint8])
	t.Run("bool", testUniqueProperty[bool])
}

// testUniqueProperty runs Unique on random layouts, and on long vectors
// with few distinct values (the hash table) and with many (beyond its
// limit), against the oracle: values bit for bit, index, inverse, counts.
func testUniqueProperty[T Sortable](t *testing.T) {
	r := rand.New(rand.NewPCG(18, 6))
	pool := sortPool[T]()
	check := func(v NDView[T], name string) {
		t.Helper()
		got := Unique(v, UniqueOptions{Index: true, Inverse: true, Counts: true})
		vals := v.ToSlice()
		wv, wi, winv, wc := uniqueOracle(vals)
		require.Equal(t, bitsList(wv), bitsList(got.Values.ToSlice()), "%s: values of %v", name, vals)
		require.Equal(t, wi, got.Index.ToSlice(), "%s: index", name)
		require.Equal(t, winv, got.Inverse.ToSlice(), "%s: inverse", name)
		require.Equal(t, wc, got.Counts.ToSlice(), "%s: counts", name)
	}
	for range 300 {
		l := drawLayout(r, layoutOpts{Modes: sortModes[T](false)})
		buf := make([]T, l.N)
		fillFrom(r, buf, pool)
		check(layoutView(l, buf), l.String())
	}
	long := make([]T, 3*hashMinSize)
	fillFrom(r, long, pool)
	check(vector(long), "few distinct")
	var z T
	if _, ok := any(z).(int64); ok { // many distinct int64s: past the hash limit
		many := make([]int64, 3*hashMinSize)
		for i := range many {
			many[i] = r.Int64N(1000) * 1e12
			if i%2 == 0 {
				many[i] = r.Int64()
			}
		}
		check(any(vector(many)).(NDView[T]), "many distinct")
	}
}

// TestUniqueHashGrows makes the hash table grow several times, with the
// inverse, against the sorting path.
func TestUniqueHashGrows(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 7))
	x := make([]int64, 1<<17)
	for i := range x {
		x[i] = r.Int64N(5000) - 2500
	}
	got := Unique(vector(x), UniqueOptions{Index: true, Inverse: true, Counts: true})
	wv, wi, winv, wc := uniqueOracle(x)
	require.Equal(t, wv, got.Values.ToSlice())
	require.Equal(t, wi, got.Index.ToSlice())
	require.Equal(t, winv, got.Inverse.ToSlice())
	require.Equal(t, wc, got.Counts.ToSlice())
}

func TestSetsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 8))
	pool := sortPool[float64]()
	in := func(x float64, s []float64) bool {
		for _, y := range s {
			if x == y {
				return true
			}
		}
		return false
	}
	for range 300 {
		la := drawLayout(r, layoutOpts{MaxSize: 40})
		lb := drawLayout(r, layoutOpts{MaxSize: 40})
		abuf, bbuf := make([]float64, la.N), make([]float64, lb.N)
		fillFrom(r, abuf, pool[:3+r.IntN(len(pool)-3)])
		fillFrom(r, bbuf, pool[:3+r.IntN(len(pool)-3)])
		a, b := layoutView(la, abuf), layoutView(lb, bbuf)
		av, bv := a.ToSlice(), b.ToSlice()

		got := Isin(a, b, false)
		require.Equal(t, la.Shape, got.Shape())
		gi := Isin(a, b, true).ToSlice()
		for i, x := range av {
			require.Equal(t, in(x, bv), got.ToSlice()[i], "isin %v in %v", x, bv)
			require.Equal(t, !in(x, bv), gi[i])
		}

		ua, _, _, _ := uniqueOracle(av)
		ub, _, _, _ := uniqueOracle(bv)
		// intersect1d: the distinct values of a found in b, with the first
		// index of each in a and in b.
		var wv []float64
		var wa, wb []int
		for _, x := range ua {
			if in(x, bv) {
				wv = append(wv, x)
				wa = append(wa, slices.IndexFunc(av, func(y float64) bool { return y == x }))
				wb = append(wb, slices.IndexFunc(bv, func(y float64) bool { return y == x }))
			}
		}
		vals, ia, ib := Intersect1d(a, b, false)
		require.True(t, sameFloats(vals.ToSlice(), nonNil(wv)), "intersect1d(%v, %v) = %v, want %v", av, bv, vals.ToSlice(), wv)
		require.Equal(t, nonNil(wa), ia.ToSlice())
		require.Equal(t, nonNil(wb), ib.ToSlice())

		uab, _, _, _ := uniqueOracle(append(slices.Clone(av), bv...))
		require.True(t, sameFloats(Union1d(a, b).ToSlice(), uab), "union1d")

		var wd []float64
		for _, x := range ua {
			if !in(x, bv) {
				wd = append(wd, x)
			}
		}
		require.True(t, sameFloats(Setdiff1d(a, b, false).ToSlice(), nonNil(wd)), "setdiff1d(%v, %v)", av, bv)

		var wx []float64
		for _, x := range ua {
			if !in(x, ub) {
				wx = append(wx, x)
			}
		}
		for _, x := range ub {
			if !in(x, ua) {
				wx = append(wx, x)
			}
		}
		sort.SliceStable(wx, func(i, j int) bool { return npLess(wx[i], wx[j]) })
		gx := Setxor1d(a, b, false).ToSlice()
		require.Equal(t, len(wx), len(gx), "setxor1d(%v, %v) = %v, want %v", av, bv, gx, wx)
		for i := range wx {
			require.True(t, npEqual(wx[i], gx[i]), "setxor1d(%v, %v) = %v, want %v", av, bv, gx, wx)
		}
	}
}

// TestSetsShapes checks results of empty and 0-d inputs, and that Isin
// keeps the element's shape.
func TestSetsShapes(t *testing.T) {
	e := Zeros[int](0, 3)
	s := Scalar(2)
	assert.Equal(t, []int{0}, Unique(e, UniqueOptions{Counts: true}).Counts.Shape())
	assert.Equal(t, []int{2}, Unique(s, UniqueOptions{}).Values.ToSlice())
	assert.Equal(t, []int{0, 3}, Isin(e, s, false).Shape())
	assert.Equal(t, []int{}, Isin(s, s, false).Shape())
	assert.True(t, Isin(s, s, false).At())
	v, ia, ib := Intersect1d(e, s, false)
	assert.Equal(t, []int{0}, v.Shape())
	assert.Equal(t, []int{0}, ia.Shape())
	assert.Equal(t, []int{0}, ib.Shape())
	assert.Equal(t, []int{2}, Union1d(e, s).ToSlice())
	assert.Equal(t, []int{0}, Setdiff1d(s, s, false).Shape())
	assert.Equal(t, []int{2}, Setxor1d(e, s, true).ToSlice())
	m := mustFrom(t, []int{4, 1, 4, 2}, 2, 2)
	assert.Equal(t, []bool{true, false, true, true}, Isin(m, vector([]int{2, 4}), false).ToSlice())
}
