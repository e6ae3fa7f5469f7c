package ndview

// Tests of search.go (semantics.md §18): Searchsorted on random layouts
// against a counting oracle, on both of its paths, and NumPy's answers
// from testdata/sort.json.

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"slices"
	"sort"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// sortFixture is testdata/sort.json, written by testdata/sort_gen.py.
type sortFixture struct {
	Searchsorted []struct {
		A, V   []string
		Side   string
		Sorter []int
		Want   []int
	}
	Unique []struct {
		X                      []string
		Shape                  []int
		Values                 []string
		Index, Inverse, Counts []int
	}
	Lexsort []struct {
		Keys [][]int
		Want []int
	}
	Sets []map[string]json.RawMessage
}

// loadSortFixture reads testdata/sort.json.
func loadSortFixture(t *testing.T) sortFixture {
	t.Helper()
	b, err := os.ReadFile("testdata/sort.json")
	require.NoError(t, err)
	var f sortFixture
	require.NoError(t, json.Unmarshal(b, &f))
	return f
}

// parseFloats parses the fixture's float strings ("nan", "-0.0", …).
func parseFloats(t *testing.T, s []string) []float64 {
	t.Helper()
	out := make([]float64, len(s))
	for i, x := range s {
		f, err := strconv.ParseFloat(x, 64)
		require.NoError(t, err)
		out[i] = f
	}
	return out
}

// searchOracle counts the elements of sorted a before x's insertion
// point: those less than x (Left) or not greater (Right).
func searchOracle[T Sortable](a []T, x T, side Side) int {
	n := 0
	for _, y := range a {
		if npLess(y, x) || side == Right && npEqual(y, x) {
			n++
		}
	}
	return n
}

func TestSearchsortedFixture(t *testing.T) {
	for i, c := range loadSortFixture(t).Searchsorted {
		a, v := vector(parseFloats(t, c.A)), vector(parseFloats(t, c.V))
		side := Left
		if c.Side == "right" {
			side = Right
		}
		var got NDView[int]
		if c.Sorter != nil {
			var err error
			got, err = SearchsortedSorter(a, v, side, vector(c.Sorter))
			require.NoError(t, err)
		} else {
			got = Searchsorted(a, v, side)
		}
		assert.Equal(t, c.Want, got.ToSlice(), "case %d (%s, sorter %v)", i, c.Side, c.Sorter != nil)
	}
}

func TestSearchsortedProperty(t *testing.T) {
	t.Run("float64", testSearchsortedProperty[float64])
	t.Run("float16", testSearchsortedProperty[float16.Float16])
	t.Run("int8", testSearchsortedProperty[int8])
	t.Run("uint64", testSearchsortedProperty[uint64])
	t.Run("bool", testSearchsortedProperty[bool])
}

// testSearchsortedProperty searches random queries of random layouts in
// sorted 1-D views of random layouts, through a sorter now and then, and
// in long vectors that take the sorted sweep.
func testSearchsortedProperty[T Sortable](t *testing.T) {
	r := rand.New(rand.NewPCG(18, 5))
	pool := sortPool[T]()
	// 120 searches per type, and two sweeps just past searchSortMin: every
	// layout mode, side and the sorter are drawn many times, and the race
	// detector's run stays near a second.
	for it := range 120 {
		la := drawLayout(r, layoutOpts{MinRank: 1, MaxRank: 1, MaxExtent: 40, Modes: sortModes[T](false)})
		abuf := make([]T, la.N)
		fillFrom(r, abuf, pool)
		// Sort the view's elements in place in the buffer, by the oracle.
		offs := laneOffsets(la, 0)[0]
		vals := make([]T, len(offs))
		for i, o := range offs {
			vals[i] = abuf[o]
		}
		sort.SliceStable(vals, func(i, j int) bool { return npLess(vals[i], vals[j]) })
		for i, o := range offs {
			abuf[o] = vals[i]
		}
		a := layoutView(la, abuf)
		lv := drawLayout(r, layoutOpts{Modes: sortModes[T](false), MaxSize: 120})
		vbuf := make([]T, lv.N)
		fillFrom(r, vbuf, pool)
		v := layoutView(lv, vbuf)
		if len(vals) > 1 && la.Mode == modeBroadcast {
			continue // a broadcast a repeats one value: sorted, but dull
		}
		side := Side(it % 2)
		var got NDView[int]
		var av []T
		if it%3 == 0 {
			// Search a shuffled copy through its sorter.
			perm := r.Perm(len(vals))
			sh := make([]T, len(vals))
			srt := make([]int, len(vals))
			for i, p := range perm {
				sh[p] = vals[i]
				srt[i] = p
			}
			var err error
			got, err = SearchsortedSorter(vector(sh), v, side, vector(srt))
			require.NoError(t, err)
			av = vals
		} else {
			got = Searchsorted(a, v, side)
			av = a.ToSlice()
		}
		require.Equal(t, lv.Shape, got.Shape())
		want := make([]int, 0, v.Size())
		for _, x := range v.ToSlice() {
			want = append(want, searchOracle(av, x, side))
		}
		require.Equal(t, want, got.ToSlice(), "%v in %v, side %d", v.ToSlice(), av, side)
	}
	// The sweep: many queries into a long array.
	for _, n := range []int{searchSortMin, searchSortMin + 77} {
		a := make([]T, n)
		fillFrom(r, a, pool)
		sort.SliceStable(a, func(i, j int) bool { return npLess(a[i], a[j]) })
		q := make([]T, n+7)
		fillFrom(r, q, pool)
		for _, side := range []Side{Left, Right} {
			got := Searchsorted(vector(a), vector(q), side).ToSlice()
			for i, x := range q {
				// a is sorted in the oracle's order, so a binary search
				// in it is the oracle; every 64th query checks that
				// against the linear oracle.
				w := sort.Search(n, func(j int) bool {
					if side == Right {
						return npLess(x, a[j])
					}
					return !npLess(a[j], x)
				})
				if i%64 == 0 {
					require.Equal(t, searchOracle(a, x, side), w, "binary oracle")
				}
				if got[i] != w {
					t.Fatalf("n %d side %d: query %d (%v) = %d, want %d", n, side, i, x, got[i], w)
				}
			}
		}
	}
}

func TestSearchsortedErrors(t *testing.T) {
	a := vector([]float64{1, 2, 3})
	v := vector([]float64{2})
	panics(t, ErrShape, func() { Searchsorted(Zeros[float64](2, 2), v, Left) })
	panics(t, ErrShape, func() { Searchsorted(Scalar(1.0), v, Left) })
	panics(t, ErrIndex, func() { Searchsorted(a, v, Side(2)) })
	panics(t, ErrShape, func() { _, _ = SearchsortedSorter(a, v, Left, vector([]int{0, 1})) })
	got, err := SearchsortedSorter(a, v, Left, vector([]int{0, 1, 3}))
	msg := isErr(t, ErrIndex, err)
	assert.Contains(t, msg, "Sorter index out of range")
	assert.Contains(t, msg, "sorter[2] = 3")
	assert.Equal(t, NDView[int]{}, got, "no result with an error")
	_, err = SearchsortedSorter(a, v, Left, vector([]int{-1, 1, 2}))
	isErr(t, ErrIndex, err)
	// 0-d queries give a 0-d result; an empty a gives zeros.
	s := Searchsorted(a, Scalar(2.5), Right)
	assert.Equal(t, 0, s.NDim())
	assert.Equal(t, 2, s.At())
	assert.Equal(t, []int{0, 0}, Searchsorted(vector([]float64{}), vector([]float64{1, 2}), Right).ToSlice())
	assert.Equal(t, []int{0}, Zeros[int](0).Shape(), "shape helper")
	assert.True(t, slices.Equal([]int{2, 0}, Searchsorted(a, Zeros[float64](2, 0), Left).Shape()))
}
