package ndview

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The NumPy fixture (testdata/take.json, written by take_gen.py).

// fxArray is an array of the fixture: flat data in C order; floats are
// strings ("nan", "-0.0").
type fxArray struct {
	DType string            `json:"dtype"`
	Shape []int             `json:"shape"`
	Data  []json.RawMessage `json:"data"`
}

// fxCase is one case of the fixture.
type fxCase struct {
	Name       string          `json:"name"`
	Op         string          `json:"op"`
	Axis       int             `json:"axis"`
	A          fxArray         `json:"a"`
	Indices    fxArray         `json:"indices"`
	Values     fxArray         `json:"values"`
	Mask       fxArray         `json:"mask"`
	Condition  fxArray         `json:"condition"`
	Default    fxArray         `json:"default"`
	Choices    []fxArray       `json:"choices"`
	Conditions []fxArray       `json:"conditions"`
	Want       json.RawMessage `json:"want"`
	Error      string          `json:"error"`
}

func (a fxArray) ints(t *testing.T) NDView[int] {
	t.Helper()
	require.Equal(t, "i8", a.DType)
	d := make([]int, len(a.Data))
	for i, r := range a.Data {
		require.NoError(t, json.Unmarshal(r, &d[i]))
	}
	return fxView(t, d, a.Shape)
}

func (a fxArray) floats(t *testing.T) NDView[float64] {
	t.Helper()
	require.Equal(t, "f8", a.DType)
	d := make([]float64, len(a.Data))
	for i, r := range a.Data {
		var s string
		require.NoError(t, json.Unmarshal(r, &s))
		x, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err)
		d[i] = x
	}
	return fxView(t, d, a.Shape)
}

func (a fxArray) bools(t *testing.T) NDView[bool] {
	t.Helper()
	require.Equal(t, "b1", a.DType)
	d := make([]bool, len(a.Data))
	for i, r := range a.Data {
		require.NoError(t, json.Unmarshal(r, &d[i]))
	}
	return fxView(t, d, a.Shape)
}

// fxView returns a C-contiguous view of d with shape, 0-d included.
func fxView[T any](t *testing.T, d []T, shape []int) NDView[T] {
	t.Helper()
	if len(shape) == 0 {
		v, err := Wrap(d, 0, []int{}, []int{})
		require.NoError(t, err)
		return v
	}
	v, err := FromSlice(d, shape...)
	require.NoError(t, err)
	return v
}

// wantInts requires v to equal the fixture array w.
func wantInts(t *testing.T, w fxArray, v NDView[int]) {
	t.Helper()
	want := w.ints(t)
	assert.Equal(t, want.Shape(), v.Shape())
	assert.Equal(t, want.ToSlice(), v.ToSlice())
}

func TestTakeFixture(t *testing.T) {
	raw, err := os.ReadFile("testdata/take.json")
	require.NoError(t, err)
	var fx struct {
		NumPy string   `json:"numpy"`
		Cases []fxCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(raw, &fx))
	require.NotEmpty(t, fx.Cases)
	for _, c := range fx.Cases {
		t.Run(c.Name, func(t *testing.T) {
			var want fxArray
			var wants []fxArray
			if c.Error == "" {
				if c.Want[0] == '[' {
					require.NoError(t, json.Unmarshal(c.Want, &wants))
				} else {
					require.NoError(t, json.Unmarshal(c.Want, &want))
				}
			}
			// check compares a result or an error with the fixture's; for
			// the writing routines, a is then the array after the call.
			check := func(err error, got func()) {
				t.Helper()
				if c.Error != "" {
					isErr(t, ErrIndex, err)
					return
				}
				require.NoError(t, err)
				got()
			}
			switch c.Op {
			case "take":
				r, err := Take(c.A.ints(t), c.Indices.ints(t), c.Axis)
				check(err, func() { wantInts(t, want, r) })
				if err == nil {
					dst := Zeros[int](r.Shape()...)
					require.NoError(t, TakeInto(dst, c.A.ints(t), c.Indices.ints(t), c.Axis))
					wantInts(t, want, dst)
				}
			case "takeflat":
				r, err := TakeFlat(c.A.ints(t), c.Indices.ints(t))
				check(err, func() { wantInts(t, want, r) })
			case "takealong":
				r, err := TakeAlongAxis(c.A.ints(t), c.Indices.ints(t), c.Axis)
				check(err, func() { wantInts(t, want, r) })
			case "put", "putalong", "putmask", "place":
				a := c.A.ints(t)
				before := a.ToSlice()
				var err error
				switch c.Op {
				case "put":
					err = Put(a, c.Indices.ints(t), c.Values.ints(t))
				case "putalong":
					err = PutAlongAxis(a, c.Indices.ints(t), c.Values.ints(t), c.Axis)
				case "putmask":
					err = Putmask(a, c.Mask.bools(t), c.Values.ints(t))
				case "place":
					err = Place(a, c.Mask.bools(t), c.Values.ints(t))
				}
				check(err, func() { wantInts(t, want, a) })
				if err != nil {
					assert.Equal(t, before, a.ToSlice(), "a changed by a call that failed")
				}
			case "compress":
				r, err := Compress(c.Condition.bools(t), c.A.ints(t), c.Axis)
				check(err, func() { wantInts(t, want, r) })
			case "compressflat":
				r, err := CompressFlat(c.Condition.bools(t), c.A.ints(t))
				check(err, func() { wantInts(t, want, r) })
			case "extract":
				r, err := Extract(c.Condition.bools(t), c.A.ints(t))
				check(err, func() { wantInts(t, want, r) })
			case "nonzero":
				r := Nonzero(c.A.floats(t))
				require.Len(t, r, len(wants))
				for d := range r {
					wantInts(t, wants[d], r[d])
				}
			case "flatnonzero":
				wantInts(t, want, Flatnonzero(c.A.floats(t)))
			case "argwhere":
				wantInts(t, want, Argwhere(c.A.floats(t)))
			case "count":
				assert.Equal(t, want.ints(t).At(), CountNonzero(c.A.floats(t)))
			case "countaxis":
				w := want.ints(t)
				dst := Zeros[int](w.Shape()...)
				CountNonzeroAxisInto(dst, c.A.floats(t), c.Axis)
				wantInts(t, want, dst)
			case "choose", "choosewrap", "chooseclip":
				var choices []NDView[int]
				for _, ch := range c.Choices {
					choices = append(choices, ch.ints(t))
				}
				mode := map[string]IndexMode{"choose": ModeRaise, "choosewrap": ModeWrap, "chooseclip": ModeClip}[c.Op]
				shape, _ := BroadcastShapes(c.Indices.Shape, c.Choices[0].Shape, c.Choices[1].Shape, c.Choices[2].Shape)
				dst := Zeros[int](shape...)
				dst.Fill(-7)
				err := ChooseModeInto(dst, c.Indices.ints(t), mode, choices...)
				check(err, func() { wantInts(t, want, dst) })
				if err != nil {
					assert.Equal(t, slices.Repeat([]int{-7}, dst.Size()), dst.ToSlice())
				}
			case "select":
				var conds []NDView[bool]
				var choices []NDView[int]
				for i := range c.Conditions {
					conds = append(conds, c.Conditions[i].bools(t))
					choices = append(choices, c.Choices[i].ints(t))
				}
				dst := Zeros[int](want.Shape...)
				SelectInto(dst, conds, choices, c.Default.ints(t))
				wantInts(t, want, dst)
			default:
				t.Fatalf("unknown op %q", c.Op)
			}
		})
	}
}

// Property tests against naive oracles on random layouts.

// randomIndices returns a view of a random layout drawn as o says, over a
// buffer of random indices in [-n, n) (zeros when n is 0).
func randomIndices(r *rand.Rand, o layoutOpts, n int) NDView[int] {
	l := randomLayout(r, o)
	buf := make([]int, l.N)
	for i := range buf {
		if n > 0 {
			buf[i] = r.IntN(2*n) - n
		}
	}
	return layoutView(l, buf)
}

// refTake is the oracle of Take: out[i..., j..., k...] = a[i..., ind[j...], k...].
func refTake(a NDView[int], ind NDView[int], ax int) ([]int, []int) {
	ash, ish := a.Shape(), ind.Shape()
	sh := slices.Concat(ash[:ax], ish, ash[ax+1:])
	out := []int{}
	n := ash[ax]
	forEachIndex(sh, func(idx []int) {
		j := ind.At(idx[ax : ax+len(ish)]...)
		if j < 0 {
			j += n
		}
		src := slices.Concat(idx[:ax], []int{j}, idx[ax+len(ish):])
		out = append(out, a.At(src...))
	})
	return sh, out
}

func TestTakeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 600 {
		al := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 4, Modes: modes(modeSlice, modeBroadcast, modeReadOnly, modeStrided)})
		a := layoutView(al, counting(al.N))
		ax := r.IntN(a.NDim())
		n := a.Shape()[ax]
		if n == 0 {
			continue
		}
		ind := randomIndices(r, layoutOpts{MaxRank: 3, MaxExtent: 4, Modes: modes(modeSlice, modeBroadcast, modeStrided, modeReadOnly)}, n)
		name := fmt.Sprintf("%d: a %v, indices %v, axis %d", i, al, ind.Shape(), ax)
		got, err := Take(a, ind, ax)
		require.NoError(t, err, name)
		sh, want := refTake(a, ind, ax)
		require.Equal(t, nonNil(sh), got.Shape(), name)
		require.Equal(t, nonNil(want), nonNil(got.ToSlice()), name)
		require.True(t, got.IsCContiguous(), name)

		// TakeInto a destination of any writable layout.
		dl := randomLayout(r, layoutOpts{Shape: nonNil(sh), Writable: true})
		buf, dst := dl.guarded()
		require.NoError(t, TakeInto(dst, a, ind, ax-a.NDim()), name)
		require.Equal(t, nonNil(want), nonNil(dst.ToSlice()), name)
		checkGuards(t, buf, dst, name)
	}
}

func TestTakeFlatRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 400 {
		al := randomLayout(r, layoutOpts{MaxRank: 4, NonEmpty: true})
		a := layoutView(al, counting(al.N))
		n := a.Size()
		ind := randomIndices(r, layoutOpts{MaxRank: 3, MaxExtent: 4}, n)
		name := fmt.Sprintf("%d: a %v, indices %v", i, al, ind.Shape())
		got, err := TakeFlat(a, ind)
		require.NoError(t, err, name)
		flat := a.ToSlice()
		var want []int
		for _, j := range ind.ToSlice() {
			want = append(want, flat[(j+n)%n])
		}
		require.Equal(t, ind.Shape(), got.Shape(), name)
		require.Equal(t, nonNil(want), nonNil(got.ToSlice()), name)
	}
}

func TestTakeAlongAxisRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 400 {
		al := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 4, NonEmpty: true, Modes: modes(modeSlice, modeBroadcast, modeStrided)})
		a := layoutView(al, counting(al.N))
		ax := r.IntN(a.NDim())
		ash := a.Shape()
		ish := slices.Clone(ash)
		for d := range ish {
			switch {
			case d == ax:
				ish[d] = r.IntN(4)
			case r.IntN(4) == 0:
				ish[d] = 1
			}
		}
		ind := randomIndices(r, layoutOpts{Shape: ish, Modes: modes(modeSlice, modeStrided)}, ash[ax])
		name := fmt.Sprintf("%d: a %v, indices %v, axis %d", i, al, ish, ax)
		got, err := TakeAlongAxis(a, ind, ax)
		require.NoError(t, err, name)
		sh := slices.Clone(ish)
		for d := range sh {
			if d != ax && ish[d] == 1 {
				sh[d] = ash[d]
			}
		}
		want := []int{}
		forEachIndex(sh, func(idx []int) {
			ii := slices.Clone(idx)
			ai := slices.Clone(idx)
			for d := range ii {
				if ish[d] == 1 {
					ii[d] = 0
				}
			}
			j := ind.At(ii...)
			ai[ax] = (j + ash[ax]) % ash[ax]
			want = append(want, a.At(ai...))
		})
		require.Equal(t, nonNil(sh), got.Shape(), name)
		require.Equal(t, nonNil(want), nonNil(got.ToSlice()), name)
	}
}

func TestTakeErrors(t *testing.T) {
	a, _ := FromSlice(arange(12), 3, 4)
	ind, _ := FromSlice([]int{0, 1, -5, 9}, 2, 2)
	_, err := Take(a, ind, 1)
	msg := isErr(t, ErrIndex, err)
	assert.Contains(t, msg, "index -5 is out of bounds for axis 1 with size 4")
	assert.Contains(t, msg, "position (1, 0)")
	assert.Contains(t, msg, "-4 to 3")

	// Nothing written into the destination.
	dst := Zeros[int](3, 2, 2)
	dst.Fill(42)
	err = TakeInto(dst, a, ind, 1)
	isErr(t, ErrIndex, err)
	assert.Equal(t, slices.Repeat([]int{42}, 12), dst.ToSlice())

	// Indices are checked even when the result is empty (NumPy does not).
	e := Zeros[int](0, 4)
	_, err = Take(e, ind, 1)
	isErr(t, ErrIndex, err)

	// An empty axis refuses every index.
	_, err = Take(Zeros[int](3, 0), ind, 1)
	assert.Contains(t, isErr(t, ErrIndex, err), "the axis is empty")

	ind12, _ := FromSlice([]int{11, -12, 12})
	_, err = TakeFlat(a, ind12)
	assert.Contains(t, isErr(t, ErrIndex, err), "index 12 is out of bounds for the flattened array with size 12 (at position (2,)")

	panics(t, ErrAxis, func() { _, _ = Take(a, ind, 2) })
	panics(t, ErrAxis, func() { _, _ = Take(Scalar(1), ind, 0) })
	panics(t, ErrReadOnly, func() { _ = TakeInto(dst.AsReadOnly(), a, ind, 1) })
	panics(t, ErrShape, func() { _ = TakeInto(Zeros[int](3, 4), a, ind, 1) })

	// Too many axes for a result.
	big := Zeros[int](slices.Repeat([]int{1}, 40)...)
	bigInd := Zeros[int](slices.Repeat([]int{1}, 30)...)
	_, err = Take(big, bigInd, 0)
	isErr(t, ErrShape, err)

	// TakeAlongAxis: ranks and shapes are data.
	_, err = TakeAlongAxis(a, Zeros[int](4), 1)
	isErr(t, ErrShape, err)
	_, err = TakeAlongAxis(a, Zeros[int](2, 1), 1)
	isErr(t, ErrShape, err)
	bad, _ := FromSlice([]int{0, 4, 0}, 3, 1)
	_, err = TakeAlongAxis(a, bad, 1)
	assert.Contains(t, isErr(t, ErrIndex, err), "position (1, 0)")

	// Compress: a 2-d condition, a true past the axis.
	c2 := Zeros[bool](2, 2)
	_, err = Compress(c2, a, 0)
	isErr(t, ErrShape, err)
	c5, _ := FromSlice([]bool{false, false, false, false, true})
	_, err = Compress(c5, a, 1)
	isErr(t, ErrIndex, err)
}

func TestTakeOverlap(t *testing.T) {
	// The destination overlaps the source: the result is the one a copy
	// would give.
	buf := arange(10)
	a, _ := FromSlice(buf)
	ind, _ := FromSlice([]int{9, 8, 7, 6, 5})
	want, err := Take(a, ind, 0)
	require.NoError(t, err)
	dst := a.Slice(Range(3, 8))
	require.NoError(t, TakeInto(dst, a, ind, 0))
	assert.Equal(t, want.ToSlice(), dst.ToSlice())
	assert.Equal(t, []int{0, 1, 2, 9, 8, 7, 6, 5, 8, 9}, buf)

	// The destination overlaps the indices.
	ib := []int{3, 2, 1, 0}
	iv, _ := FromSlice(ib)
	src, _ := FromSlice([]int{10, 11, 12, 13})
	require.NoError(t, TakeInto(iv, src, iv, 0))
	assert.Equal(t, []int{13, 12, 11, 10}, ib)
}

func TestTakeRows(t *testing.T) {
	// Whole rows, the benchmark's case, against the oracle, with negative
	// and repeated rows; and the result shares nothing with a.
	buf := arange(6 * 5)
	a, _ := FromSlice(buf, 6, 5)
	ind, _ := FromSlice([]int{5, -6, 2, 2})
	got, err := Take(a, ind, 0)
	require.NoError(t, err)
	_, want := refTake(a, ind, 0)
	assert.Equal(t, want, got.ToSlice())
	got.Set(-1, 0, 0)
	assert.Equal(t, 25, buf[25])
}

// TestIndexExtremes checks the one-pass check against a direct scan.
func TestIndexExtremes(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		ind := randomIndices(r, layoutOpts{}, 50)
		lo, hi := indexExtremes(&ind)
		if ind.Size() == 0 {
			assert.Equal(t, 0, lo)
			assert.Equal(t, -1, hi)
			continue
		}
		s := ind.ToSlice()
		assert.Equal(t, slices.Min(s), lo)
		assert.Equal(t, slices.Max(s), hi)
		n := r.IntN(60)
		err := checkIndices("T", &ind, n, 0)
		bad := slices.ContainsFunc(s, func(i int) bool { return i < -n || i >= n })
		assert.Equal(t, bad, err != nil)
		assert.Equal(t, bad, errors.Is(err, ErrIndex))
	}
}
