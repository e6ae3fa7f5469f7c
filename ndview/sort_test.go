package ndview

// Tests of sort.go (semantics.md §18): every sort on random layouts of
// several element types, against an oracle that sorts each lane with
// sort.SliceStable under NumPy's order (NaN last, -0 == +0).

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// myFloat is a named float type: it sorts as its underlying type.
type myFloat float64

// npNum returns x as a float64 and whether x is a NaN, for the float types
// of the tests; ok is false for other types.
func npNum(x any) (f float64, nan, ok bool) {
	switch y := x.(type) {
	case float64:
		f = y
	case myFloat:
		f = float64(y)
	case float32:
		f = float64(y)
	case float16.Float16:
		f = float64(y.Float32())
	default:
		return 0, false, false
	}
	return f, f != f, true
}

// npLess is NumPy's order of the test types: numbers by value, NaN after
// every number, false before true.
func npLess[T Sortable](a, b T) bool {
	if fa, na, ok := npNum(a); ok {
		fb, nb, _ := npNum(b)
		return fa < fb || nb && !na
	}
	switch x := any(a).(type) {
	case bool:
		return !x && any(b).(bool)
	case int:
		return x < any(b).(int)
	case int8:
		return x < any(b).(int8)
	case int16:
		return x < any(b).(int16)
	case int32:
		return x < any(b).(int32)
	case int64:
		return x < any(b).(int64)
	case uint8:
		return x < any(b).(uint8)
	case uint16:
		return x < any(b).(uint16)
	case uint32:
		return x < any(b).(uint32)
	case uint64:
		return x < any(b).(uint64)
	}
	panic(fmt.Sprintf("npLess: %T", a))
}

// npEqual reports whether a and b are equal in NumPy's sort order: neither
// is less than the other (so -0 == +0 and NaN == NaN).
func npEqual[T Sortable](a, b T) bool { return !npLess(a, b) && !npLess(b, a) }

// isNaNVal reports whether x is a NaN of a float test type.
func isNaNVal[T any](x T) bool {
	_, nan, _ := npNum(x)
	return nan
}

// sortPool returns values to draw from for type T: duplicates, extremes
// and, for floats, NaNs (two payloads and a negative one), ±0 and ±Inf.
func sortPool[T Sortable]() []T {
	var z T
	conv := func(fs ...float64) []T {
		out := make([]T, 0, len(fs))
		for _, f := range fs {
			var v any
			switch any(z).(type) {
			case float64:
				v = f
			case myFloat:
				v = myFloat(f)
			case float32:
				v = float32(f)
			case float16.Float16:
				v = float16.Fromfloat32(float32(f))
			}
			out = append(out, v.(T))
		}
		return out
	}
	nan2 := math.Float64frombits(0x7FF8000000000123)
	negNaN := math.Float64frombits(0xFFF8000000000000)
	switch any(z).(type) {
	case float64, myFloat, float32, float16.Float16:
		p := conv(math.NaN(), nan2, negNaN, math.Inf(1), math.Inf(-1), 0, math.Copysign(0, -1),
			1, -1, 2.5, -2.5, 3, 1e-3, -7, 100, 1)
		if f, ok := any(p[2]).(float16.Float16); ok { // keep a negative half NaN
			p[2] = any(f | 0x8000).(T)
		}
		return p
	case bool:
		return []T{any(false).(T), any(true).(T)}
	case int8:
		return any([]int8{math.MinInt8, math.MaxInt8, 0, -1, 1, 5, -5, 5}).([]T)
	case int64:
		return any([]int64{math.MinInt64, math.MaxInt64, 0, -1, 1, 1 << 40, -(1 << 40), 3}).([]T)
	case int:
		return any([]int{math.MinInt, math.MaxInt, 0, -1, 1, 7, -7, 7}).([]T)
	case uint8:
		return any([]uint8{0, 255, 1, 128, 127, 3}).([]T)
	case uint16:
		return any([]uint16{0, math.MaxUint16, 1, 1 << 15, 1<<15 - 1, 9}).([]T)
	case uint32:
		return any([]uint32{0, math.MaxUint32, 1, 1 << 31, 1<<31 - 1, 9}).([]T)
	case uint64:
		return any([]uint64{0, math.MaxUint64, 1, 1 << 63, 1<<63 - 1, 9}).([]T)
	case int16:
		return any([]int16{math.MinInt16, math.MaxInt16, 0, -1, 1, 9}).([]T)
	case int32:
		return any([]int32{math.MinInt32, math.MaxInt32, 0, -1, 1, 9}).([]T)
	}
	panic(fmt.Sprintf("sortPool: %T", z))
}

// fillFrom fills buf with values drawn from pool.
func fillFrom[T any](r *rand.Rand, buf []T, pool []T) {
	for i := range buf {
		buf[i] = pool[r.IntN(len(pool))]
	}
}

// sortModes returns the layout modes usable for T: views of bytes need a
// type FromBytes accepts, which bool is not.
func sortModes[T any](writable bool) modeSet {
	var z T
	if _, ok := any(z).(bool); ok {
		if writable {
			return modes(modeSlice)
		}
		return modes(modeSlice, modeReadOnly)
	}
	return 0
}

// drawLayout is randomLayout, drawing again when the generator fails: now
// and then (about one draw in several thousand of writable layouts with
// extents up to 6) drawSliced slices past the end of its list of extra
// parent axes (layouts_test.go, "extra = extra[:len(extra)-1]").
func drawLayout(r *rand.Rand, o layoutOpts) (l testLayout) {
	for {
		ok := func() (ok bool) {
			defer func() { ok = recover() == nil }()
			l = randomLayout(r, o)
			return
		}()
		if ok {
			return l
		}
	}
}

// laneOffsets returns, for a layout and an axis, the buffer offsets of the
// elements of every lane along the axis, by the offset formula.
func laneOffsets(l testLayout, ax int) [][]int {
	var lanes [][]int
	outer := slices.Clone(l.Shape)
	outer[ax] = 1
	forEachIndex(outer, func(idx []int) {
		lane := make([]int, l.Shape[ax])
		ix := slices.Clone(idx)
		for i := range lane {
			ix[ax] = i
			lane[i] = refOffset(l.Off, l.Strides, ix)
		}
		lanes = append(lanes, lane)
	})
	return lanes
}

// stableOrder returns the permutation that sorts vals stably in NumPy's
// order.
func stableOrder[T Sortable](vals []T) []int {
	idx := arange(len(vals))
	sort.SliceStable(idx, func(i, j int) bool { return npLess(vals[idx[i]], vals[idx[j]]) })
	return idx
}

func TestSortProperty(t *testing.T) {
	t.Run("float64", testSortProperty[float64])
	t.Run("myFloat", testSortProperty[myFloat])
	t.Run("float32", testSortProperty[float32])
	t.Run("float16", testSortProperty[float16.Float16])
	t.Run("int8", testSortProperty[int8])
	t.Run("int16", testSortProperty[int16])
	t.Run("int32", testSortProperty[int32])
	t.Run("int64", testSortProperty[int64])
	t.Run("int", testSortProperty[int])
	t.Run("uint8", testSortProperty[uint8])
	t.Run("uint16", testSortProperty[uint16])
	t.Run("uint32", testSortProperty[uint32])
	t.Run("uint64", testSortProperty[uint64])
	t.Run("bool", testSortProperty[bool])
}

// testSortProperty sorts random writable layouts along random axes and
// checks each lane against the oracle: the same values in NumPy's order,
// the same bits (a permutation of the lane), and nothing outside the view
// touched. Lanes up to 80 elements cross the insertion/radix threshold.
func testSortProperty[T Sortable](t *testing.T) {
	r := rand.New(rand.NewPCG(18, 1))
	pool := sortPool[T]()
	// 120 small layouts per type, one in three with lanes up to 80 long:
	// every mode, rank and axis is drawn many times, and the race
	// detector's run stays near a second.
	for it := range 120 {
		o := layoutOpts{Writable: true, Modes: sortModes[T](true), MaxExtent: 6, MaxSize: 200}
		if it%3 == 0 {
			o.MaxRank, o.MaxExtent = 2, 80
		}
		l := drawLayout(r, o)
		buf := make([]T, l.N)
		fillFrom(r, buf, pool)
		orig := slices.Clone(buf)
		v := layoutView(l, buf)
		nd := len(l.Shape)
		if nd == 0 {
			panics(t, ErrAxis, func() { Sort(v, 0) })
			require.Equal(t, bitsList(orig), bitsList(buf))
			continue
		}
		ax := r.IntN(2*nd) - nd
		Sort(v, ax)
		a := ax
		if a < 0 {
			a += nd
		}
		seen := make([]bool, l.N)
		for _, lane := range laneOffsets(l, a) {
			before := make([]T, len(lane))
			after := make([]T, len(lane))
			for i, o := range lane {
				before[i], after[i] = orig[o], buf[o]
				seen[o] = true
			}
			want := slices.Clone(before)
			sort.SliceStable(want, func(i, j int) bool { return npLess(want[i], want[j]) })
			for i := range want {
				if !npEqual(want[i], after[i]) {
					t.Fatalf("%v axis %d: lane %v sorted to %v, want %v", l, ax, before, after, want)
				}
			}
			bb, ba := bitsList(before), bitsList(after)
			slices.Sort(bb)
			slices.Sort(ba)
			require.Equal(t, bb, ba, "%v: Sort keeps the bits", l)
		}
		ob, nb := bitsList(orig), bitsList(buf)
		for i := range buf {
			if !seen[i] && ob[i] != nb[i] {
				t.Fatalf("%v: element %d outside the view changed", l, i)
			}
		}
	}
}

// bitsList returns the bits of vals, so that NaNs and -0 compare by bits.
func bitsList[T any](vals []T) []uint64 {
	out := make([]uint64, len(vals))
	for i, x := range vals {
		switch y := any(x).(type) {
		case float64:
			out[i] = math.Float64bits(y)
		case myFloat:
			out[i] = math.Float64bits(float64(y))
		case float32:
			out[i] = uint64(math.Float32bits(y))
		case bool:
			if y {
				out[i] = 1
			}
		default:
			out[i] = uint64(reflectInt(x))
		}
	}
	return out
}

// reflectInt returns an integer test value (or float16 bits) as an int64.
func reflectInt(x any) int64 {
	switch y := x.(type) {
	case float16.Float16:
		return int64(y)
	case int:
		return int64(y)
	case int8:
		return int64(y)
	case int16:
		return int64(y)
	case int32:
		return int64(y)
	case int64:
		return y
	case uint8:
		return int64(y)
	case uint16:
		return int64(y)
	case uint32:
		return int64(y)
	case uint64:
		return int64(y)
	}
	panic(fmt.Sprintf("reflectInt: %T", x))
}

func TestArgsortProperty(t *testing.T) {
	t.Run("float64", testArgsortProperty[float64])
	t.Run("float32", testArgsortProperty[float32])
	t.Run("float16", testArgsortProperty[float16.Float16])
	t.Run("int8", testArgsortProperty[int8])
	t.Run("int64", testArgsortProperty[int64])
	t.Run("uint16", testArgsortProperty[uint16])
	t.Run("uint64", testArgsortProperty[uint64])
	t.Run("bool", testArgsortProperty[bool])
}

// testArgsortProperty checks Argsort and Argpartition on random layouts
// (read-only and broadcast ones too) against the stable oracle, exactly,
// and Partition's guarantee on writable ones.
func testArgsortProperty[T Sortable](t *testing.T) {
	r := rand.New(rand.NewPCG(18, 2))
	pool := sortPool[T]()
	// Sizes and counts as in testSortProperty.
	for it := range 120 {
		o := layoutOpts{Modes: sortModes[T](false), MaxExtent: 6, MaxSize: 200}
		if it%3 == 0 {
			o.MaxRank, o.MaxExtent = 2, 80
		}
		l := drawLayout(r, o)
		buf := make([]T, l.N)
		fillFrom(r, buf, pool)
		v := layoutView(l, buf)
		nd := len(l.Shape)
		if nd == 0 {
			panics(t, ErrAxis, func() { Argsort(v, 0) })
			continue
		}
		ax := r.IntN(2*nd) - nd
		a := (ax + nd) % nd
		got := Argsort(v, ax)
		require.Equal(t, l.Shape, got.Shape())
		require.True(t, got.IsCContiguous())
		var kth []int
		if l.Shape[a] > 0 {
			kth = []int{r.IntN(2*l.Shape[a]) - l.Shape[a], r.IntN(l.Shape[a])}
		}
		var part NDView[int]
		if kth != nil {
			part = Argpartition(v, kth, ax)
		}
		lanes := laneOffsets(l, a)
		outLanes := laneOffsets(testLayout{Shape: l.Shape, Strides: cStrides(l.Shape)}, a)
		for li, lane := range lanes {
			vals := make([]T, len(lane))
			for i, o := range lane {
				vals[i] = buf[o]
			}
			want := stableOrder(vals)
			gotLane := make([]int, len(lane))
			for i, o := range outLanes[li] {
				gotLane[i] = got.data[o]
			}
			require.Equal(t, want, gotLane, "%v axis %d: Argsort of %v", l, ax, vals)
			if kth != nil {
				pl := make([]T, len(lane))
				for i, o := range outLanes[li] {
					pl[i] = vals[part.data[o]]
				}
				checkPartitioned(t, pl, kth, fmt.Sprintf("%v: Argpartition of %v", l, vals))
			}
		}
		if !v.ReadOnly() && kth != nil {
			Partition(v, kth, ax)
			for _, lane := range lanes {
				pl := make([]T, len(lane))
				for i, o := range lane {
					pl[i] = buf[o]
				}
				checkPartitioned(t, pl, kth, fmt.Sprintf("%v: Partition", l))
			}
		}
	}
}

// checkPartitioned checks NumPy's guarantee of partition: for every k of
// kth, vals[k] is the k-th smallest value, and no value before it is
// greater, none after it less.
func checkPartitioned[T Sortable](t *testing.T, vals []T, kth []int, msg string) {
	t.Helper()
	sorted := slices.Clone(vals)
	sort.SliceStable(sorted, func(i, j int) bool { return npLess(sorted[i], sorted[j]) })
	for _, k := range kth {
		if k < 0 {
			k += len(vals)
		}
		require.True(t, npEqual(sorted[k], vals[k]), "%s: kth %d is %v, want %v", msg, k, vals[k], sorted[k])
		for i := range vals {
			// Plain comparisons: this loop runs for every element.
			if i < k && npLess(vals[k], vals[i]) {
				t.Fatalf("%s: %v before kth %d is greater", msg, vals[i], k)
			}
			if i > k && npLess(vals[i], vals[k]) {
				t.Fatalf("%s: %v after kth %d is less", msg, vals[i], k)
			}
		}
	}
}

func TestLexsortProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 3))
	pool := sortPool[float32]()
	for range 200 {
		l := randomLayout(r, layoutOpts{MaxRank: 3, MaxExtent: 40, MaxSize: 400})
		nk := 1 + r.IntN(3)
		keys := make([]NDView[float32], nk)
		for k := range keys {
			lk := randomLayout(r, layoutOpts{Shape: l.Shape})
			buf := make([]float32, lk.N)
			fillFrom(r, buf, pool[:5+r.IntN(len(pool)-5)])
			keys[k] = layoutView(lk, buf)
		}
		got := Lexsort(keys...)
		require.Equal(t, l.Shape, got.Shape())
		if len(l.Shape) == 0 {
			assert.Equal(t, 0, got.At())
			continue
		}
		ax := len(l.Shape) - 1
		outer := slices.Clone(l.Shape)
		outer[ax] = 1
		forEachIndex(outer, func(idx []int) {
			n := l.Shape[ax]
			at := func(k, i int) float32 {
				ix := slices.Clone(idx)
				ix[ax] = i
				return keys[k].At(ix...)
			}
			want := arange(n)
			sort.SliceStable(want, func(i, j int) bool {
				for k := nk - 1; k >= 0; k-- {
					a, b := at(k, want[i]), at(k, want[j])
					if npLess(a, b) {
						return true
					}
					if npLess(b, a) {
						return false
					}
				}
				return false
			})
			gl := make([]int, n)
			ix := slices.Clone(idx)
			for i := range gl {
				ix[ax] = i
				gl[i] = got.At(ix...)
			}
			require.Equal(t, want, gl, "Lexsort lane %v", idx)
		})
	}
}

func TestSortFlat(t *testing.T) {
	nan := math.NaN()
	v := mustFrom(t, []float64{3, nan, -1, 0, math.Inf(-1), 2, -0.5}, 7)
	m, _ := v.Reshape(7)
	got := SortFlat(m.Slice(Step(-1)))
	want := []float64{math.Inf(-1), -1, -0.5, 0, 2, 3, nan}
	require.Equal(t, []int{7}, got.Shape())
	for i, w := range want {
		g := got.At(i)
		assert.True(t, g == w || g != g && w != w, "SortFlat[%d] = %v, want %v", i, g, w)
	}
	// 2-D, read-only: flattened in C order, then sorted; v untouched.
	a := mustFrom(t, []int{5, 1, 4, 2, 3, 0}, 2, 3).T().AsReadOnly()
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, SortFlat(a).ToSlice())
	assert.Equal(t, []int{5, 2, 1, 3, 4, 0}, a.ToSlice())
	assert.Equal(t, []int{5, 2, 1, 3, 4, 0}, ArgsortFlat(a).ToSlice())
	s := Scalar(7)
	assert.Equal(t, []int{7}, SortFlat(s).ToSlice())
	assert.Equal(t, []int{0}, ArgsortFlat(s).ToSlice())
	assert.Equal(t, []int{0}, SortFlat(Zeros[int](0, 3)).Shape())
}

// TestSortInPlace proves that Sort writes through the view into the
// memory it shares: sorting the columns of a matrix through its transpose
// changes the matrix.
func TestSortInPlace(t *testing.T) {
	data := []int{3, 1, 2, 9, 7, 8}
	m := mustFrom(t, data, 2, 3)
	Sort(m.T(), 0) // the rows of m, through its transpose
	assert.Equal(t, []int{1, 2, 3, 7, 8, 9}, data)
	Sort(m, 0) // columns: already sorted
	assert.Equal(t, []int{1, 2, 3, 7, 8, 9}, data)
	Sort(m.Slice(Colon(), Step(-1)), -1) // descending rows
	assert.Equal(t, []int{3, 2, 1, 9, 8, 7}, data)
}

func TestSortPanics(t *testing.T) {
	ro := mustFrom(t, []float64{2, 1}, 2).AsReadOnly()
	buf := []float64{2, 1}
	w := mustFrom(t, buf, 2)
	for _, c := range []struct {
		name     string
		f        func()
		sentinel error
	}{
		{"read-only", func() { Sort(ro, 0) }, ErrReadOnly},
		{"broadcast", func() { b, _ := mustFrom(t, []float64{1}, 1).BroadcastTo(3); Sort(b, 0) }, ErrReadOnly},
		{"axis", func() { Sort(w, 1) }, ErrAxis},
		{"axis -2", func() { Sort(w, -2) }, ErrAxis},
		{"0-d", func() { Sort(Zeros[float64](), -1) }, ErrAxis},
		{"argsort axis", func() { Argsort(ro, 2) }, ErrAxis},
		{"partition read-only", func() { Partition(ro, []int{0}, 0) }, ErrReadOnly},
		{"partition kth", func() { Partition(w, []int{2}, 0) }, ErrIndex},
		{"partition kth -3", func() { Partition(w, []int{-3}, 0) }, ErrIndex},
		{"partition no kth", func() { Partition(w, nil, 0) }, ErrIndex},
		{"argpartition kth", func() { Argpartition(ro, []int{0, 5}, 0) }, ErrIndex},
		{"lexsort none", func() { Lexsort[int]() }, ErrShape},
		{"lexsort shapes", func() { Lexsort(Zeros[int](3), Zeros[int](4)) }, ErrShape},
	} {
		t.Run(c.name, func(t *testing.T) {
			msg := panics(t, c.sentinel, c.f)
			assert.Contains(t, msg, "ndview: ")
			assert.Equal(t, []float64{2, 1}, buf, "nothing written")
		})
	}
	assert.Contains(t, panics(t, ErrIndex, func() { Partition(w, []int{5}, 0) }), "kth(=5) out of bounds (2)")
}

// TestSortLong sorts lanes long enough for the 11-bit radix digits (more
// than 2^15 elements) in every width, with and without NaNs, against
// slices.SortFunc.
func TestSortLong(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 4))
	n := 1<<15 + 77
	f := make([]float64, n)
	for i := range f {
		switch r.IntN(50) {
		case 0:
			f[i] = math.NaN()
		case 1:
			f[i] = math.Copysign(0, -1)
		default:
			f[i] = r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
		}
	}
	want := slices.Clone(f)
	slices.SortStableFunc(want, func(a, b float64) int {
		switch {
		case npLess(a, b):
			return -1
		case npLess(b, a):
			return 1
		}
		return 0
	})
	got := vector(slices.Clone(f))
	Sort(got, 0)
	idx := ArgsortFlat(vector(f))
	for i := range want {
		g := got.At(i)
		require.True(t, g == want[i] || g != g && want[i] != want[i], "Sort[%d] = %v, want %v", i, g, want[i])
		require.True(t, npEqual(f[idx.At(i)], want[i]), "Argsort[%d]", i)
		if i > 0 && npEqual(f[idx.At(i)], f[idx.At(i-1)]) {
			require.Less(t, idx.At(i-1), idx.At(i), "Argsort is stable")
		}
	}
	u := make([]uint32, n)
	for i := range u {
		u[i] = r.Uint32() >> r.IntN(32)
	}
	ws := slices.Clone(u)
	slices.Sort(ws)
	Sort(vector(u), 0)
	require.Equal(t, ws, u)
	h := make([]int16, n)
	for i := range h {
		h[i] = int16(r.Uint32())
	}
	wh := slices.Clone(h)
	slices.Sort(wh)
	Sort(vector(h), -1)
	require.Equal(t, wh, h)
}

// TestReduceNaN checks the NaN rules of reduce.go that §18 relies on, on
// random layouts and along every axis (both the row and the fold walks of
// the axis forms): Min and Max give NaN when a NaN is present, ArgMin and
// ArgMax the index of the first NaN, as NumPy does.
func TestReduceNaN(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 9))
	pool := []float64{math.NaN(), 1, -1, 2, 0, 3, -2, 5, 4}
	ref := func(vals []float64, isMax bool) (float64, int) {
		best, at := vals[0], 0
		for i, x := range vals {
			switch {
			case best != best:
				return best, at
			case x != x, isMax && x > best, !isMax && x < best:
				best, at = x, i
			}
		}
		return best, at
	}
	same := func(a, b float64) bool { return a == b || a != a && b != b }
	for range 300 {
		l := drawLayout(r, layoutOpts{NonEmpty: true, MaxExtent: 12, MaxSize: 300})
		buf := make([]float64, l.N)
		for i := range buf {
			buf[i] = pool[r.IntN(len(pool))]
			if r.IntN(3) > 0 && buf[i] != buf[i] {
				buf[i] = 1 // keep NaNs rare enough that some lanes have none
			}
		}
		v := layoutView(l, buf)
		vals := v.ToSlice()
		for _, isMax := range []bool{false, true} {
			wv, wi := ref(vals, isMax)
			gv, gi := Min(v), ArgMin(v)
			if isMax {
				gv, gi = Max(v), ArgMax(v)
			}
			require.True(t, same(wv, gv), "%v: max %v: %v, want %v", l, isMax, gv, wv)
			require.Equal(t, wi, gi, "%v: arg (max %v) of %v", l, isMax, vals)
		}
		if len(l.Shape) == 0 {
			continue
		}
		ax := r.IntN(len(l.Shape))
		dsh := slices.Delete(slices.Clone(l.Shape), ax, ax+1)
		mn, mx := Zeros[float64](dsh...), Zeros[float64](dsh...)
		amn, amx := Zeros[int](dsh...), Zeros[int](dsh...)
		MinAxisInto(mn, v, ax)
		MaxAxisInto(mx, v, ax)
		ArgMinAxisInto(amn, v, ax)
		ArgMaxAxisInto(amx, v, ax)
		forEachIndex(dsh, func(idx []int) {
			lane := make([]float64, l.Shape[ax])
			for i := range lane {
				full := slices.Insert(slices.Clone(idx), ax, i)
				lane[i] = v.At(full...)
			}
			w0, i0 := ref(lane, false)
			w1, i1 := ref(lane, true)
			require.True(t, same(w0, mn.At(idx...)), "%v axis %d: MinAxis of %v = %v", l, ax, lane, mn.At(idx...))
			require.True(t, same(w1, mx.At(idx...)), "%v axis %d: MaxAxis of %v", l, ax, lane)
			require.Equal(t, i0, amn.At(idx...), "%v axis %d: ArgMinAxis of %v", l, ax, lane)
			require.Equal(t, i1, amx.At(idx...), "%v axis %d: ArgMaxAxis of %v", l, ax, lane)
		})
	}
}
