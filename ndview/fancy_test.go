package ndview

// Tests of Gather and Scatter (semantics.md §16): NumPy's answers from
// testdata/fancy.json (written by testdata/fancy_gen.py), a naive oracle
// on random layouts, overlap, and errors that leave the target untouched.

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fancyArray is an array of a fixture: a shape and its elements in C
// order.
type fancyArray[T any] struct {
	Shape []int `json:"shape"`
	Data  []T   `json:"data"`
}

// view returns a new C-contiguous view of a.
func (a fancyArray[T]) view(t testing.TB) NDView[T] { return shaped(t, slices.Clone(a.Data), a.Shape) }

// shaped returns the C-contiguous view of data with shape; unlike
// FromSlice, an empty shape gives a 0-d view.
func shaped[T any](t testing.TB, data []T, shape []int) NDView[T] {
	v, err := FromSlice(data)
	require.NoError(t, err)
	v, err = v.Reshape(shape...)
	require.NoError(t, err)
	return v
}

// fancyItem is one index item of a fixture, as fancy_gen.py encodes it.
type fancyItem struct {
	Int      *int              `json:"int"`
	Slice    []*int            `json:"slice"`
	NewAxis  bool              `json:"newaxis"`
	Ellipsis bool              `json:"ellipsis"`
	Bool     *bool             `json:"bool"`
	List     []int             `json:"list"`
	BList    []bool            `json:"blist"`
	Ints     *fancyArray[int]  `json:"ints"`
	Bools    *fancyArray[bool] `json:"bools"`
}

// value returns the Go index item for it.
func (it fancyItem) value(t testing.TB) any {
	switch {
	case it.Int != nil:
		return *it.Int
	case it.Slice != nil:
		var s IndexItem
		switch start, stop := it.Slice[0], it.Slice[1]; {
		case start != nil && stop != nil:
			s = Range(*start, *stop)
		case start != nil:
			s = From(*start)
		case stop != nil:
			s = To(*stop)
		}
		if it.Slice[2] != nil {
			s = s.By(*it.Slice[2])
		}
		return s
	case it.NewAxis:
		return NewAxis
	case it.Ellipsis:
		return Ellipsis
	case it.Bool != nil:
		return *it.Bool
	case it.BList != nil:
		return it.BList
	case it.Ints != nil:
		return it.Ints.view(t)
	case it.Bools != nil:
		return it.Bools.view(t)
	}
	if it.List == nil {
		return []int{}
	}
	return it.List
}

// fancyError is the error NumPy raised.
type fancyError struct {
	Class string `json:"class"`
	Msg   string `json:"msg"`
}

// check requires err to be the error NumPy raised: the sentinel of its
// class, and a message holding NumPy's (spaces aside: ndkit writes shapes
// as (2, 4) where NumPy's value messages write (2,4)).
func (e *fancyError) check(t testing.TB, err error) {
	t.Helper()
	switch e.Class {
	case "IndexError":
		isErr(t, ErrIndex, err)
	case "deprecated": // NumPy 1.24 warns; ndkit refuses (semantics.md §16 F6)
		assert.Contains(t, isErr(t, ErrIndex, err), "out of bounds")
		return
	default:
		isErr(t, ErrShape, err)
	}
	squeeze := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	assert.Contains(t, squeeze(err.Error()), squeeze(e.Msg))
}

type fancyCase struct {
	Name      string           `json:"name"`
	Shape     []int            `json:"shape"`
	View      string           `json:"view"`
	Transpose bool             `json:"transpose"`
	Index     []fancyItem      `json:"index"`
	Get       *fancyArray[int] `json:"get"`
	GetError  *fancyError      `json:"get_error"`
	Values    *fancyArray[int] `json:"values"`
	Set       []int            `json:"set"`
	SetError  *fancyError      `json:"set_error"`
}

// source returns the case's buffer and the view of it the case indexes.
func (c *fancyCase) source(t testing.TB) ([]int, NDView[int]) {
	buf := arange(shapeProduct(c.Shape))
	v := shaped(t, buf, c.Shape)
	var err error
	if c.View != "" {
		v, err = v.Index(c.View)
		require.NoError(t, err)
	}
	if c.Transpose {
		v = v.T()
	}
	return buf, v
}

func (c *fancyCase) index(t testing.TB) []any {
	index := make([]any, len(c.Index))
	for i, it := range c.Index {
		index[i] = it.value(t)
	}
	return index
}

func loadFancyCases(t *testing.T) []fancyCase {
	raw, err := os.ReadFile("testdata/fancy.json")
	require.NoError(t, err)
	var f struct {
		NumPy string      `json:"numpy"`
		Cases []fancyCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(raw, &f))
	require.NotEmpty(t, f.Cases)
	return f.Cases
}

// TestFancyNumPy checks Gather and Scatter against NumPy 1.24 on every
// case of testdata/fancy.json.
func TestFancyNumPy(t *testing.T) {
	for _, c := range loadFancyCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			if c.Get != nil || c.GetError != nil {
				buf, v := c.source(t)
				before := slices.Clone(buf)
				got, err := v.Gather(c.index(t)...)
				if c.GetError != nil {
					c.GetError.check(t, err)
					assert.Equal(t, NDView[int]{}.Shape(), got.Shape(), "Gather returns the zero view on error")
				} else {
					require.NoError(t, err)
					assert.Equal(t, c.Get.Shape, got.Shape(), "shape")
					assert.Equal(t, c.Get.Data, got.ToSlice(), "elements")
					assert.True(t, got.IsCContiguous() && !got.ReadOnly())
					if got.Size() > 0 {
						assert.False(t, shareMemory(&got, &v), "Gather returns a copy")
					}
				}
				assert.Equal(t, before, buf, "Gather does not write")
			}
			if c.Values == nil {
				return
			}
			buf, v := c.source(t)
			before := slices.Clone(buf)
			err := v.Scatter(c.Values.view(t), c.index(t)...)
			if c.SetError != nil {
				c.SetError.check(t, err)
				assert.Equal(t, before, buf, "nothing written on error")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.Set, buf)
		})
	}
}

// TestFancyItems checks what index items Gather accepts: every form of an
// integer array, of a mask and of a 0-d boolean, and an error naming the
// position and the type of anything else.
func TestFancyItems(t *testing.T) {
	v, _ := FromSlice(arange(12), 3, 4)
	idx, _ := FromSlice([]int{2, 0})
	want := []int{8, 9, 10, 11, 0, 1, 2, 3}
	for _, item := range []any{[]int{2, 0}, idx, idx.Slice(Step(-1)).Slice(Step(-1))} {
		got, err := v.Gather(item)
		require.NoError(t, err)
		assert.Equal(t, want, got.ToSlice(), "%T", item)
	}
	m, _ := FromSlice([]bool{true, false, true})
	for _, item := range []any{[]bool{true, false, true}, m} {
		got, err := v.Gather(item, Int(1))
		require.NoError(t, err)
		assert.Equal(t, []int{1, 9}, got.ToSlice())
	}
	for _, item := range []any{true, Scalar(true)} {
		got, err := v.Gather(item)
		require.NoError(t, err)
		assert.Equal(t, []int{1, 3, 4}, got.Shape())
	}
	for _, item := range []any{Int(-1), -1, Scalar(-1)} {
		got, err := v.Gather(item, []int{0, 3})
		require.NoError(t, err)
		assert.Equal(t, []int{8, 11}, got.ToSlice(), "%T", item)
	}
	for _, bad := range []any{1.5, int32(1), "1", []int32{1}, nil, Zeros[float64](2)} {
		_, err := v.Gather(Colon(), bad)
		msg := isErr(t, ErrIndex, err)
		assert.Contains(t, msg, "index item 1 has type "+fmt.Sprintf("%T", bad))
		err = v.Scatter(Scalar(0), bad)
		assert.Contains(t, isErr(t, ErrIndex, err), "index item 0")
	}
}

// TestFancyBasic checks that an index without arrays gives Slice's view,
// copied, and that Scatter writes through it.
func TestFancyBasic(t *testing.T) {
	buf := arange(24)
	v, _ := FromSlice(buf, 2, 3, 4)
	items := []any{Int(1), Step(-1), NewAxis, Ellipsis, -2}
	got, err := v.Gather(items...)
	require.NoError(t, err)
	want := v.Slice(Int(1), Step(-1), NewAxis, Ellipsis, Int(-2))
	assert.Equal(t, want.Shape(), got.Shape())
	assert.Equal(t, want.ToSlice(), got.ToSlice())
	got.Set(-7, 0, 0)
	assert.Equal(t, 22, buf[22], "Gather copies")
	require.NoError(t, v.Scatter(Scalar(-1), items...))
	assert.Equal(t, []int{-1, -1, -1}, want.ToSlice())
	_, err = v.Gather(5)
	assert.Contains(t, isErr(t, ErrIndex, err), "index 5 is out of bounds for axis 0 with size 2")
	err = v.Scatter(Zeros[int](2), 0)
	assert.Contains(t, isErr(t, ErrShape, err), "could not be broadcast to indexing result of shape (3, 4)")
}

// TestFancyReadOnly checks that Scatter into a read-only view panics
// before looking at the index, and that Gather of one is writable.
func TestFancyReadOnly(t *testing.T) {
	buf := arange(6)
	v, _ := FromSlice(buf, 2, 3)
	ro := v.AsReadOnly()
	for _, index := range [][]any{{[]int{0}}, {[]bool{true, false}}, {1.5}, {[]int{9}}, {0}} {
		panics(t, ErrReadOnly, func() { _ = ro.Scatter(Scalar(1), index...) })
	}
	b, _ := v.BroadcastTo(2, 2, 3)
	panics(t, ErrReadOnly, func() { _ = b.Scatter(Scalar(1), []int{0}) })
	assert.Equal(t, arange(6), buf)
	got, err := ro.Gather([]int{1})
	require.NoError(t, err)
	assert.False(t, got.ReadOnly())
}

// TestFancyOverlap checks that values sharing memory with the target are
// read as they were before the write, on every path: the mask, the
// general path, and the basic one; and that a mask that is the target
// itself is read before it is written.
func TestFancyOverlap(t *testing.T) {
	// General path: a[[1, 2, 3]] = a[:3] reads the old a[:3].
	buf := arange(6)
	a, _ := FromSlice(buf)
	require.NoError(t, a.Scatter(a.Slice(To(3)), []int{1, 2, 3}))
	assert.Equal(t, []int{0, 0, 1, 2, 4, 5}, buf)
	// Reversed through a mask: a[mask] = a[::-1][mask-count].
	buf = arange(6)
	a, _ = FromSlice(buf)
	mask := []bool{true, true, true, true, false, false}
	require.NoError(t, a.Scatter(a.Slice(Step(-1)).Slice(To(4)), mask))
	assert.Equal(t, []int{5, 4, 3, 2, 4, 5}, buf)
	// 2-D, separated advanced indices, values a transposed view of a.
	buf = arange(9)
	m, _ := FromSlice(buf, 3, 3)
	want := arange(9)
	wm, _ := FromSlice(want, 3, 3)
	require.NoError(t, wm.Scatter(m.T().Clone(), []int{0, 1, 2}))
	require.NoError(t, m.Scatter(m.T(), []int{0, 1, 2}))
	assert.Equal(t, want, buf)
	// Basic path.
	buf = arange(6)
	a, _ = FromSlice(buf)
	require.NoError(t, a.Scatter(a.Slice(To(5)), From(1)))
	assert.Equal(t, []int{0, 0, 1, 2, 3, 4}, buf)
	// The mask is the target: m[m] = false, and its reverse.
	bits := []bool{true, false, true, true, false}
	mv, _ := FromSlice(bits)
	require.NoError(t, mv.Scatter(Scalar(false), mv))
	assert.Equal(t, make([]bool, 5), bits)
	bits = []bool{true, false, false, false, false}
	mv, _ = FromSlice(bits)
	require.NoError(t, mv.Scatter(Scalar(true), mv.Slice(Step(-1))))
	assert.Equal(t, []bool{true, false, false, false, true}, bits, "mask read before the write")
	// Index arrays that are the target: a[a] = 0 reads a first.
	buf = []int{2, 0, 1}
	a, _ = FromSlice(buf)
	require.NoError(t, a.Scatter(fv([]int{9, 8, 7}), a))
	assert.Equal(t, []int{8, 7, 9}, buf)
}

// FromSliceMust is FromSlice for the tests' literals.
func FromSliceMust[T any](data []T, shape ...int) NDView[T] {
	v, err := FromSlice(data, shape...)
	if err != nil {
		panic(err)
	}
	return v
}

// TestFancyLastWins checks the order of writes on repeated indices: the
// last position of the broadcast index in C order wins, also when the
// index arrays are transposed views (NumPy would then follow memory
// order, semantics.md §16 F8).
func TestFancyLastWins(t *testing.T) {
	buf := arange(12)
	b, _ := FromSlice(buf, 3, 4)
	rows := fv([]int{0, 1, 1, 0}, 2, 2).T() // [[0 1] [1 0]]: unchanged by T
	cols := fv([]int{1, 1, 1, 1}, 2, 2).T()
	require.NoError(t, b.Scatter(fv([]int{1, 2, 3, 4}, 2, 2), rows, cols))
	assert.Equal(t, 4, buf[1], "b[0, 1]: position (1, 1) comes after (0, 0)")
	assert.Equal(t, 3, buf[5], "b[1, 1]: position (1, 0) comes after (0, 1)")
}

// fancyOracle computes v[index] for an index of integer arrays (each
// given with the source axis it indexes, all broadcast to bshape) and
// whole axes elsewhere, by the rules alone: it enumerates the result and
// reads each element with At. adjacent says where the broadcast axes go.
func fancyOracle(v NDView[int], arrays map[int]NDView[int], bshape []int, adjacent bool) ([]int, []int) {
	sh := v.Shape()
	var rest, adv []int
	for a := range sh {
		if _, ok := arrays[a]; ok {
			adv = append(adv, a)
		} else {
			rest = append(rest, a)
		}
	}
	npre := 0
	if adjacent {
		for _, a := range rest {
			if a < adv[0] {
				npre++
			}
		}
	}
	var shape []int
	for _, a := range rest[:npre] {
		shape = append(shape, sh[a])
	}
	shape = append(shape, bshape...)
	for _, a := range rest[npre:] {
		shape = append(shape, sh[a])
	}
	var out []int
	forEachIndex(shape, func(ri []int) {
		src := make([]int, len(sh))
		b := ri[npre : npre+len(bshape)]
		for k, a := range rest {
			if k < npre {
				src[a] = ri[k]
			} else {
				src[a] = ri[len(bshape)+k]
			}
		}
		for a, arr := range arrays {
			ai := make([]int, arr.NDim())
			for k := range ai {
				if arr.Shape()[k] != 1 {
					ai[k] = b[len(b)-len(ai)+k]
				}
			}
			x := arr.At(ai...)
			if x < 0 {
				x += sh[a]
			}
			src[a] = x
		}
		out = append(out, v.At(src...))
	})
	return shape, out
}

// TestFancyProperty checks Gather and Scatter against fancyOracle on
// random layouts with random integer arrays on random axes, adjacent or
// not, and Scatter of random values against the oracle's positions.
func TestFancyProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 1))
	var gathers, scatters, separated int
	for iter := range 600 {
		l := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 5, NonEmpty: iter%7 != 0})
		buf := counting(l.N)
		v := layoutView(l, buf)
		sh := v.Shape()
		// Choose the advanced axes and the broadcast shape.
		bshape := randomShape(r, layoutOpts{MaxRank: 2, MaxExtent: 3, MaxSize: 8})
		arrays := map[int]NDView[int]{}
		index := make([]any, len(sh))
		for a := range sh {
			index[a] = Colon()
			if sh[a] == 0 || r.IntN(2) == 0 {
				continue
			}
			// An array of bshape, or of a shape broadcasting to it.
			ash := slices.Clone(bshape)
			for k := range ash {
				if r.IntN(3) == 0 {
					ash[k] = 1
				}
			}
			if len(ash) > 0 && r.IntN(3) == 0 {
				ash = ash[1:]
			}
			data := make([]int, shapeProduct(ash))
			for i := range data {
				data[i] = r.IntN(2*sh[a]) - sh[a]
			}
			arr := fv(data, ash...)
			if arr.NDim() == 0 {
				index[a] = data[0] // a scalar
			} else {
				index[a] = arr
			}
			arrays[a] = arr
		}
		if len(arrays) == 0 {
			continue
		}
		var shapes [][]int
		hasArray := false
		for _, arr := range arrays {
			shapes = append(shapes, arr.Shape())
			hasArray = hasArray || arr.NDim() > 0
		}
		if !hasArray {
			continue // a basic index: TestFancyBasic
		}
		bs, err := BroadcastShapes(shapes...)
		require.NoError(t, err)
		adv := slices.Sorted(func(yield func(int) bool) {
			for a := range arrays {
				if !yield(a) {
					return
				}
			}
		})
		adjacent := adv[len(adv)-1]-adv[0] == len(adv)-1
		wantShape, want := fancyOracle(v, arrays, bs, adjacent)
		name := fmt.Sprintf("%d %v %v", iter, l, index)
		got, err := v.Gather(index...)
		require.NoError(t, err, name)
		require.Equal(t, wantShape, got.Shape(), name)
		if len(want) > 0 {
			require.Equal(t, want, got.ToSlice(), name)
			gathers++
			if !adjacent {
				separated++
			}
		}
		if l.ReadOnly {
			continue
		}
		// Scatter distinct values; each written element must hold the
		// value of the last result position reading it.
		vals := Zeros[int](wantShape...)
		vd, _ := vals.Data()
		for i := range vd {
			vd[i] = -1 - i
		}
		posBuf := arange(l.N)
		pv := layoutView(l, posBuf)
		_, pos := fancyOracle(pv, arrays, bs, adjacent)
		expect := slices.Clone(buf)
		for i, p := range pos {
			expect[p] = vd[i]
		}
		require.NoError(t, v.Scatter(vals, index...), name)
		require.Equal(t, expect, buf, name)
		scatters++
	}
	// The draws must reach every path often enough to mean something.
	assert.Greater(t, gathers, 150)
	assert.Greater(t, separated, 30)
	assert.Greater(t, scatters, 50)
}

// TestFancyMaskProperty checks the full-shape mask path (and masks of
// fewer axes) against a loop over Enumerate on random layouts, for
// Gather and Scatter with one value and with a value per true element.
func TestFancyMaskProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 2))
	for iter := range 400 {
		l := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 4, Writable: iter%2 == 0})
		buf := counting(l.N)
		v := layoutView(l, buf)
		// The mask has its own random layout of v's shape (broadcast ones
		// included), drawn for ints and laid over bools by Wrap.
		ml := randomLayout(r, layoutOpts{Shape: v.Shape()})
		mbuf := make([]bool, ml.N)
		for i := range mbuf {
			mbuf[i] = r.IntN(2) == 0
		}
		mask, err := Wrap(mbuf, ml.Off, ml.Shape, ml.Strides)
		require.NoError(t, err)
		var want, pos []int
		posv := layoutView(l, arange(l.N))
		for idx, x := range mask.Enumerate() {
			if x {
				want = append(want, v.At(idx...))
				pos = append(pos, posv.At(idx...))
			}
		}
		name := fmt.Sprintf("%d %v mask %v", iter, l, ml)
		got, err := v.Gather(mask)
		require.NoError(t, err, name)
		require.Equal(t, []int{len(want)}, got.Shape(), name)
		if len(want) > 0 {
			require.Equal(t, want, got.ToSlice(), name)
		}
		// A mask of the leading axes selects rows of the last axis.
		if sh := v.Shape(); len(sh) > 1 && sh[len(sh)-1] > 0 {
			lead := mask.Slice(Ellipsis, Int(0))
			var rows []int
			for idx, x := range lead.Enumerate() {
				if x {
					items := make([]IndexItem, len(idx))
					for k, i := range idx {
						items[k] = Int(i)
					}
					rows = append(rows, v.Slice(items...).ToSlice()...)
				}
			}
			g2, err := v.Gather(lead)
			require.NoError(t, err, name)
			require.Equal(t, countTrue(lead), g2.Shape()[0], name)
			require.Equal(t, len(rows), g2.Size(), name)
			if len(rows) > 0 {
				require.Equal(t, rows, g2.ToSlice(), name)
			}
		}
		if l.ReadOnly {
			continue
		}
		// One value, then one per true element through a strided view.
		expect := slices.Clone(buf)
		for _, p := range pos {
			expect[p] = -5
		}
		require.NoError(t, v.Scatter(Scalar(-5), mask), name)
		require.Equal(t, expect, buf, name)
		vals := make([]int, 2*len(pos)+1)
		for i := range vals {
			vals[i] = -100 - i
		}
		vv := fv(vals).Slice(Step(2))
		for i, p := range pos {
			expect[p] = vals[2*i]
		}
		require.NoError(t, v.Scatter(vv.Slice(To(len(pos))), mask), name)
		require.Equal(t, expect, buf, name)
		// A wrong count writes nothing.
		if len(pos) > 0 {
			err := v.Scatter(fv(make([]int, len(pos)+1)), mask)
			isErr(t, ErrShape, err)
			require.Equal(t, expect, buf, name)
		}
	}
}

// countTrue returns the number of true elements of m.
func countTrue(m NDView[bool]) int {
	n := 0
	for x := range m.Values() {
		if x {
			n++
		}
	}
	return n
}

// TestFancyErrorsUntouched checks that every error of Scatter, on every
// path, leaves the target as it was, including an out-of-range index that
// comes after valid ones.
func TestFancyErrorsUntouched(t *testing.T) {
	buf := arange(24)
	v, _ := FromSlice(buf, 2, 3, 4)
	bad := [][]any{
		{[]int{0, 1, 2}},                         // out of range late in the array
		{[]int{1, 0}, Colon(), []int{0, 4}},      // separated, out of range
		{[]int{0, 1}, []int{0, 1, 2}},            // no broadcast
		{[]bool{true, false, true}},              // mask shape
		{[]int{0}, []int{0}, []int{0}, []int{0}}, // too many
		{Ellipsis, []int{0}, Ellipsis},           // two ellipses
		{[]int{0}, 3.0},                          // a bad type
		{fv([]bool{true}, 1, 1, 1, 1)},           // too many through a mask
		{[]int{1}, 7},                            // an integer out of range
	}
	for _, index := range bad {
		err := v.Scatter(Scalar(-1), index...)
		isErr(t, ErrIndex, err)
		assert.Equal(t, arange(24), buf, "%v", index)
		_, err = v.Gather(index...)
		isErr(t, ErrIndex, err)
	}
	// Values that do not fit.
	mask := make([]bool, 24)
	mask[3], mask[9] = true, true
	full := fv(mask, 2, 3, 4)
	for _, tc := range []struct {
		values NDView[int]
		index  []any
	}{
		{Zeros[int](3), []any{full}},
		{Zeros[int](2, 1), []any{full}},
		{Zeros[int](3), []any{[]int{0, 1}}},
		{Zeros[int](2, 2), []any{[]int{0, 1}, Colon(), []int{0, 1}}},
	} {
		err := v.Scatter(tc.values, tc.index...)
		isErr(t, ErrShape, err)
		assert.Equal(t, arange(24), buf)
	}
}

// TestFancyLimits checks results too big to describe: more than MaxRank
// axes, and more elements than an int counts.
func TestFancyLimits(t *testing.T) {
	ones := func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = 1
		}
		return s
	}
	v := Zeros[int8](ones(30)...)
	idx := mustFrom(t, []int{0}, ones(40)...)
	_, err := v.Gather(idx)
	assert.Contains(t, isErr(t, ErrShape, err), "69 dimensions")
	err = v.Scatter(Scalar[int8](1), idx)
	isErr(t, ErrShape, err)
	_, err = v.Gather(mustFrom(t, []int{0}, ones(35)...))
	require.NoError(t, err, "35 + 29 axes")

	huge := mustBroadcast(t, Zeros[int8](1, 1), 1<<40, 1<<20)
	ix := mustBroadcast(t, Zeros[int](1<<10), 1<<25, 1<<10)
	_, err = huge.Gather(Colon(), ix)
	assert.True(t, errors.Is(err, ErrOverflow), "%v", err)
}

// fv is FromSlice for the tests' literals, which always fit.
func fv[T any](data []T, shape ...int) NDView[T] { return mustValue(FromSlice(data, shape...)) }
