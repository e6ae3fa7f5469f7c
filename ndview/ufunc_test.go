package ndview

import "github.com/ndkit/ndkit/ndview/internal/plan"

import "github.com/ndkit/ndkit/ndview/internal/kernels"

import "github.com/ndkit/ndkit/ndview/internal/layout"

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// Helpers for the element-wise and reduction tests: views of any element
// type with random layouts over guarded buffers, and references built from
// the offset formula (refBroadcast, refOffsets in copy_test.go).

// randViewOf returns a writable view of shape with a random layout (as
// randView) over a new buffer of T whose every element is guard, and the
// buffer.
func randViewOf[T any](r *rand.Rand, shape []int, guard T) ([]T, NDView[T]) {
	off, strides, need := randLayout(r, shape)
	pad := r.IntN(3)
	buf := slices.Repeat([]T{guard}, need+2*pad)
	v, err := Wrap(buf, off+pad, shape, strides)
	if err != nil {
		panic(err)
	}
	return buf, v
}

// fillWith stores gen(k) at the k-th element of v in C order.
func fillWith[T any](v NDView[T], gen func(k int) T) {
	k := 0
	forEachIndex(v.Shape(), func(idx []int) { v.Set(gen(k), idx...); k++ })
}

// randSource returns a source view that broadcasts to shape, with a random
// layout, filled by gen; now and then read-only or broadcast by a
// zero-stride view.
func randSource[T any](r *rand.Rand, shape []int, gen func(k int) T) NDView[T] {
	var z T
	_, v := randViewOf(r, broadcastShapeFor(r, shape), z)
	fillWith(v, gen)
	if r.IntN(4) == 0 {
		v = v.AsReadOnly()
	}
	return v
}

// refStore returns buf after storing vals at the elements of dst in C
// order.
func refStore[T any](buf []T, dst NDView[T], vals []T) []T {
	want := slices.Clone(buf)
	for i, o := range refOffsets(dst) {
		want[o] = vals[i]
	}
	return want
}

// refZip returns f of the elements of a and b broadcast to shape, in C
// order.
func refZip[T, U any](shape []int, a, b NDView[T], f func(x, y T) U) []U {
	x, y := refBroadcast(a, shape), refBroadcast(b, shape)
	out := make([]U, len(x))
	for i := range x {
		out[i] = f(x[i], y[i])
	}
	return out
}

// smallInts returns a generator of integers in [-9, 9], 0 included.
func smallInts(r *rand.Rand) func(int) int { return func(int) int { return r.IntN(19) - 9 } }

// binaryCase is an element-wise binary operation on ints and its
// reference.
type binaryCase struct {
	name string
	run  func(dst, a, b NDView[int])
	ref  func(x, y int) int
}

var intBinaryCases = []binaryCase{
	{"Add", AddInto[int], func(x, y int) int { return x + y }},
	{"Sub", SubInto[int], func(x, y int) int { return x - y }},
	{"Mul", MulInto[int], func(x, y int) int { return x * y }},
	{"Div", DivInto[int], func(x, y int) int {
		if y == 0 {
			return 0
		}
		return x / y
	}},
	{"Minimum", MinimumInto[int], func(x, y int) int { return min(x, y) }},
	{"Maximum", MaximumInto[int], func(x, y int) int { return max(x, y) }},
}

// TestArithRandom runs every binary operation on random layouts
// (negative, transposed, gapped and zero strides, broadcast sources, 0-d
// and empty shapes) against the offset-formula reference, checking the
// whole destination buffer so that padding and gaps survive.
func TestArithRandom(t *testing.T) {
	for _, c := range intBinaryCases {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(81, uint64(len(c.name))))
			for i := range 400 {
				shape := randShape(r, 4, 5)
				buf, dst := randView(r, shape)
				a := randSource(r, shape, smallInts(r))
				b := randSource(r, shape, smallInts(r))
				want := refStore(buf, dst, refZip(shape, a, b, c.ref))
				c.run(dst, a, b)
				if !slices.Equal(buf, want) {
					t.Fatalf("#%d: %s(dst %v st %v, a %v st %v, b %v st %v): buffer = %v, want %v",
						i, c.name, dst.Shape(), dst.Strides(), a.Shape(), a.Strides(), b.Shape(), b.Strides(), buf, want)
				}
			}
		})
	}
}

// TestArithPatterns covers each specialised row loop (all contiguous, a
// constant first or second source) and the strided one, for every
// operation, on float64.
func TestArithPatterns(t *testing.T) {
	// 1, 2, 3, … so that no division is 0/0.
	up := func(shape ...int) NDView[float64] {
		v := seqView[float64](t, shape...)
		AddScalarInto(v, v, 1)
		return v
	}
	col := up(5, 1)    // (5, 1)
	row := up(1, 7)    // (1, 7)
	full := up(5, 7)   // (5, 7)
	tr := up(7, 5).T() // (5, 7), transposed
	s := Scalar(2.5)   // 0-d
	ops := map[string]struct {
		run func(dst, a, b NDView[float64])
		ref func(x, y float64) float64
	}{
		"Add":     {AddInto[float64], func(x, y float64) float64 { return x + y }},
		"Sub":     {SubInto[float64], func(x, y float64) float64 { return x - y }},
		"Mul":     {MulInto[float64], func(x, y float64) float64 { return x * y }},
		"Div":     {DivInto[float64], func(x, y float64) float64 { return x / y }},
		"Minimum": {MinimumInto[float64], func(x, y float64) float64 { return min(x, y) }},
		"Maximum": {MaximumInto[float64], func(x, y float64) float64 { return max(x, y) }},
	}
	pairs := []struct {
		name string
		a, b NDView[float64]
	}{
		{"vv", full, full.Flip(0).Clone()},
		{"sv", col, row},
		{"vs", row, col},
		{"scalar", full, s},
		{"scalar first", s, full},
		{"strided", full, tr},
		{"strided first", tr, row},
	}
	for name, op := range ops {
		for _, pr := range pairs {
			dst := Zeros[float64](5, 7)
			op.run(dst, pr.a, pr.b)
			want := refZip([]int{5, 7}, pr.a, pr.b, op.ref)
			assert.Equal(t, want, dst.ToSlice(), "%s %s", name, pr.name)
		}
	}
}

func TestArithValues(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	t.Run("integer division", func(t *testing.T) {
		a, _ := FromSlice([]int64{7, -7, 7, -7, 5, math.MinInt64, 0})
		b, _ := FromSlice([]int64{2, 2, -2, -2, 0, -1, 0})
		d := Zeros[int64](7)
		DivInto(d, a, b)
		assert.Equal(t, []int64{3, -3, -3, 3, 0, math.MinInt64, 0}, d.ToSlice(), "Div truncates, x/0 is 0, MinInt64/-1 is MinInt64")
		u := Zeros[uint8](3)
		ua, _ := FromSlice([]uint8{200, 7, 0})
		DivScalarInto(u, ua, 0)
		assert.Equal(t, []uint8{0, 0, 0}, u.ToSlice(), "DivScalar(uint8, 0)")
	})
	t.Run("wrapping", func(t *testing.T) {
		a, _ := FromSlice([]int8{127, -128, 100})
		d := Zeros[int8](3)
		AddScalarInto(d, a, 1)
		assert.Equal(t, []int8{-128, -127, 101}, d.ToSlice())
		NegInto(d, a)
		assert.Equal(t, []int8{-127, -128, -100}, d.ToSlice())
		AbsInto(d, a)
		assert.Equal(t, []int8{127, -128, 100}, d.ToSlice(), "Abs(MinInt8) is MinInt8, as in NumPy")
		u, _ := FromSlice([]uint8{0, 1, 255})
		ud := Zeros[uint8](3)
		NegInto(ud, u)
		assert.Equal(t, []uint8{0, 255, 1}, ud.ToSlice())
		AbsInto(ud, u)
		assert.Equal(t, []uint8{0, 1, 255}, ud.ToSlice())
	})
	t.Run("IEEE", func(t *testing.T) {
		a, _ := FromSlice([]float64{1, -1, 0, nan, 1, 3, math.Copysign(0, -1)})
		b, _ := FromSlice([]float64{0, 0, 0, 1, nan, nan, 0})
		d := Zeros[float64](7)
		DivInto(d, a, b)
		got := d.ToSlice()
		assert.Equal(t, []float64{inf, -inf}, got[:2])
		for _, x := range got[2:6] {
			assert.True(t, math.IsNaN(x), "Div with 0/0 or NaN = %v, want NaN", x)
		}
		MinimumInto(d, a, b)
		got = d.ToSlice()
		assert.True(t, math.IsNaN(got[3]) && math.IsNaN(got[4]) && math.IsNaN(got[5]), "Minimum with NaN = %v, want NaN", got[3:6])
		assert.True(t, math.Signbit(got[6]), "Minimum(-0, 0) = %v, want -0", got[6])
		MaximumInto(d, a, b)
		got = d.ToSlice()
		assert.True(t, math.IsNaN(got[3]) && math.IsNaN(got[4]), "Maximum with NaN = %v, want NaN", got[3:5])
		assert.False(t, math.Signbit(got[6]), "Maximum(-0, 0) = %v, want +0", got[6])
		AbsInto(d, a)
		assert.False(t, math.Signbit(d.At(6)), "Abs(-0) = %v, want +0", d.At(6))
	})
	t.Run("complex", func(t *testing.T) {
		a, _ := FromSlice([]complex128{1 + 2i, 3 - 1i})
		b, _ := FromSlice([]complex128{1i, 2})
		d := Zeros[complex128](2)
		MulInto(d, a, b)
		assert.Equal(t, []complex128{-2 + 1i, 6 - 2i}, d.ToSlice())
		DivInto(d, a, b)
		assert.Equal(t, []complex128{2 - 1i, 1.5 - 0.5i}, d.ToSlice())
		NegInto(d, a)
		assert.Equal(t, []complex128{-1 - 2i, -3 + 1i}, d.ToSlice())
	})
	t.Run("named types", func(t *testing.T) {
		type celsius float64
		type count int16
		c, _ := FromSlice([]celsius{20, 30})
		dc := Zeros[celsius](2)
		MulScalarInto(dc, c, 1.5)
		SqrtInto(dc, dc)
		assert.InDeltaSlice(t, []float64{math.Sqrt(30), math.Sqrt(45)}, []float64{float64(dc.At(0)), float64(dc.At(1))}, 1e-15)
		n, _ := FromSlice([]count{-3, 4})
		dn := Zeros[count](2)
		MaximumInto(dn, n, Scalar[count](0))
		assert.Equal(t, []count{0, 4}, dn.ToSlice())
	})
}

func TestScalarOps(t *testing.T) {
	r := rand.New(rand.NewPCG(83, 84))
	ops := []struct {
		name string
		run  func(dst, a NDView[int], x int)
		ref  func(x, y int) int
	}{
		{"AddScalar", AddScalarInto[int], func(x, y int) int { return x + y }},
		{"SubScalar", SubScalarInto[int], func(x, y int) int { return x - y }},
		{"MulScalar", MulScalarInto[int], func(x, y int) int { return x * y }},
		{"DivScalar", DivScalarInto[int], func(x, y int) int {
			if y == 0 {
				return 0
			}
			return x / y
		}},
	}
	for _, op := range ops {
		for i := range 200 {
			shape := randShape(r, 4, 5)
			buf, dst := randView(r, shape)
			a := randSource(r, shape, smallInts(r))
			x := r.IntN(7) - 3
			want := refStore(buf, dst, refZip(shape, a, Scalar(x), op.ref))
			op.run(dst, a, x)
			if !slices.Equal(buf, want) {
				t.Fatalf("#%d: %s(dst %v st %v, a %v st %v, %d): buffer = %v, want %v",
					i, op.name, dst.Shape(), dst.Strides(), a.Shape(), a.Strides(), x, buf, want)
			}
		}
	}
	t.Run("Scalar", func(t *testing.T) {
		s := Scalar(4.5)
		assert.Equal(t, 0, s.NDim())
		assert.True(t, s.ReadOnly(), "Scalar is read-only")
		assert.Equal(t, 4.5, s.At())
		d := Zeros[float64](3)
		a, _ := FromSlice([]float64{1, 2, 3})
		SubInto(d, s, a)
		assert.Equal(t, []float64{3.5, 2.5, 1.5}, d.ToSlice(), "Sub(Scalar(4.5), a)")
	})
}

func TestUnaryRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(85, 86))
	fops := []struct {
		name string
		run  func(dst, a NDView[float64])
		ref  func(x float64) float64
	}{
		{"Neg", NegInto[float64], func(x float64) float64 { return -x }},
		{"Abs", AbsInto[float64], math.Abs},
		{"Sqrt", SqrtInto[float64], math.Sqrt},
		{"Exp", ExpInto[float64], kernels.Exp}, // the vector kernels' twins, semantics.md §32
		{"Log", LogInto[float64], kernels.LogF},
	}
	gen := func(int) float64 { return float64(r.IntN(41)-20) / 4 }
	for _, op := range fops {
		for i := range 200 {
			shape := randShape(r, 4, 5)
			buf, dst := randViewOf(r, shape, -999.0)
			a := randSource(r, shape, gen)
			vals := refBroadcast(a, shape)
			for k := range vals {
				vals[k] = op.ref(vals[k])
			}
			want := refStore(buf, dst, vals)
			op.run(dst, a)
			if !slices.EqualFunc(buf, want, sameFloat) {
				t.Fatalf("#%d: %s(dst %v st %v, a %v st %v): buffer = %v, want %v",
					i, op.name, dst.Shape(), dst.Strides(), a.Shape(), a.Strides(), buf, want)
			}
		}
	}
	t.Run("float32", func(t *testing.T) {
		// float32 results are the float64 results rounded once.
		a, _ := FromSlice([]float32{0, 0.5, 2, 3, 1e-3, 80, -1})
		d := Zeros[float32](7)
		for name, c := range map[string]struct {
			run func(dst, a NDView[float32])
			ref func(float64) float64
		}{"Sqrt": {SqrtInto[float32], math.Sqrt}, "Exp": {ExpInto[float32], math.Exp}, "Log": {LogInto[float32], math.Log}} {
			c.run(d, a)
			for i, x := range a.ToSlice() {
				want := float32(c.ref(float64(x)))
				assert.True(t, sameFloat(float64(d.At(i)), float64(want)), "%s(%v) = %v, want %v", name, x, d.At(i), want)
			}
		}
	})
	t.Run("integers", func(t *testing.T) {
		for i := range 100 {
			shape := randShape(r, 3, 5)
			buf, dst := randView(r, shape)
			a := randSource(r, shape, smallInts(r))
			vals := refBroadcast(a, shape)
			neg := make([]int, len(vals))
			abs := make([]int, len(vals))
			for k, x := range vals {
				neg[k], abs[k] = -x, max(x, -x)
			}
			want := refStore(buf, dst, neg)
			NegInto(dst, a)
			require.Equal(t, want, buf, "#%d Neg", i)
			want = refStore(buf, dst, abs)
			AbsInto(dst, a)
			require.Equal(t, want, buf, "#%d Abs", i)
		}
	})
}

// TestUnaryParallel runs Exp and Log on the parallel path, forced on small
// views, against the reference.
func TestUnaryParallel(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	r := rand.New(rand.NewPCG(97, 98))
	for i := range 100 {
		shape := randShape(r, 3, 9)
		buf, dst := randViewOf(r, shape, -999.0)
		a := randSource(r, shape, func(int) float64 { return float64(r.IntN(9)) / 2 })
		vals := refBroadcast(a, shape)
		for k := range vals {
			vals[k] = kernels.Exp(vals[k]) // semantics.md §32
		}
		want := refStore(buf, dst, vals)
		withKnobs(kernelAuto, plan.TileMinDim, 0, func() { ExpInto(dst, a) })
		require.Equal(t, want, buf, "#%d parallel Exp(dst %v st %v, a %v st %v)", i, dst.Shape(), dst.Strides(), a.Shape(), a.Strides())
		for k := range vals {
			vals[k] = kernels.LogF(vals[k])
		}
		want = refStore(buf, dst, vals)
		withKnobs(kernelAuto, plan.TileMinDim, 0, func() { LogInto(dst, dst) })
		require.Equal(t, want, buf, "#%d parallel Log in place", i)
	}
}

// sameFloat reports whether x and y are equal or both NaN.
func sameFloat(x, y float64) bool { return x == y || x != x && y != y }

// TestArithOverlap checks the W3 rule: sources are read as if copied
// first, whatever their overlap with the destination.
func TestArithOverlap(t *testing.T) {
	t.Run("cases", func(t *testing.T) {
		cases := []struct {
			name string
			run  func(a NDView[int])
			want []int
		}{
			// a[1:] = a[:-1] + a[1:]
			{"shift right", func(a NDView[int]) { AddInto(a.Slice(From(1)), a.Slice(To(-1)), a.Slice(From(1))) }, []int{0, 1, 3, 5, 7, 9, 11, 13, 15, 17}},
			// a[:-1] = a[1:] - a[:-1]
			{"shift left", func(a NDView[int]) { SubInto(a.Slice(To(-1)), a.Slice(From(1)), a.Slice(To(-1))) }, []int{1, 1, 1, 1, 1, 1, 1, 1, 1, 9}},
			// a[::-1] = a * 10
			{"reverse", func(a NDView[int]) { MulScalarInto(a.Slice(Step(-1)), a, 10) }, []int{90, 80, 70, 60, 50, 40, 30, 20, 10, 0}},
			// a[::2] = a[:5] + 100
			{"step 2", func(a NDView[int]) { AddScalarInto(a.Slice(Step(2)), a.Slice(To(5)), 100) }, []int{100, 1, 101, 3, 102, 5, 103, 7, 104, 9}},
			// a = a + a (in place, element for element)
			{"in place", func(a NDView[int]) { AddInto(a, a, a) }, []int{0, 2, 4, 6, 8, 10, 12, 14, 16, 18}},
			// a[1:] = -a[:-1]
			{"Neg shift", func(a NDView[int]) { NegInto(a.Slice(From(1)), a.Slice(To(-1))) }, []int{0, 0, -1, -2, -3, -4, -5, -6, -7, -8}},
		}
		for _, c := range cases {
			a := arangeView(10)
			c.run(a)
			assert.Equal(t, c.want, a.ToSlice(), c.name)
		}
	})
	t.Run("transpose", func(t *testing.T) {
		m := arangeView(16, 4, 4)
		want := arangeView(16, 4, 4)
		wt := Zeros[int](4, 4)
		AddInto(wt, want, want.T())
		AddInto(m, m, m.T()) // m = m + m.T, reading m.T as it was
		assert.Equal(t, wt.ToSlice(), m.ToSlice())
	})
	t.Run("random", func(t *testing.T) {
		// dst and both sources are random views of one buffer.
		r := rand.New(rand.NewPCG(87, 88))
		for i := range 400 {
			buf := newGuarded(80)
			for k := range buf {
				buf[k] = k
			}
			shape := randShape(r, 3, 4)
			dst, ok := randViewIn(r, buf, shape)
			if !ok {
				continue
			}
			a, okA := randViewIn(r, buf, broadcastShapeFor(r, shape))
			b, okB := randViewIn(r, buf, broadcastShapeFor(r, shape))
			if !okA || !okB {
				continue
			}
			want := refStore(buf, dst, refZip(shape, a, b, func(x, y int) int { return x - y }))
			SubInto(dst, a, b)
			if !slices.Equal(buf, want) {
				t.Fatalf("#%d: Sub(dst %v st %v off %d, a %v st %v off %d, b %v st %v off %d) on one buffer:\nbuffer = %v\nwant     %v",
					i, dst.Shape(), dst.Strides(), dst.Offset(), a.Shape(), a.Strides(), a.Offset(), b.Shape(), b.Strides(), b.Offset(), buf, want)
			}
		}
	})
}

// randViewIn returns a view of shape with a random layout inside buf, if
// it fits.
func randViewIn(r *rand.Rand, buf []int, shape []int) (NDView[int], bool) {
	off, strides, need := randLayout(r, shape)
	if need > len(buf) {
		return NDView[int]{}, false
	}
	v, err := Wrap(buf, off+r.IntN(len(buf)-need+1), shape, strides)
	return v, err == nil
}

func TestArithPanics(t *testing.T) {
	a := arangeView(6, 2, 3)
	b := arangeView(6, 3, 2)
	dst := Zeros[int](2, 3)
	t.Run("read-only", func(t *testing.T) {
		ro := dst.AsReadOnly()
		bc, _ := arangeView(3).BroadcastTo(2, 3)
		for name, f := range map[string]func(){
			"Add":       func() { AddInto(ro, a, a) },
			"AddScalar": func() { AddScalarInto(bc, a, 1) },
			"Neg":       func() { NegInto(ro, a) },
			"Minimum":   func() { MinimumInto(ro, a, a) },
			"Clip":      func() { ClipInto(ro, a, 0, 1) },
			"Where":     func() { WhereInto(ro, Zeros[bool](2, 3), a, a) },
			"Less":      func() { LessInto(Zeros[bool](2, 3).AsReadOnly(), a, a) },
		} {
			panicsWith(t, ErrReadOnly, name+" on a read-only destination", f)
		}
		assert.Equal(t, make([]int, 6), dst.ToSlice(), "nothing written")
	})
	t.Run("shapes", func(t *testing.T) {
		cases := []struct {
			name  string
			f     func()
			parts []string
		}{
			{"sources disagree", func() { AddInto(dst, a, b) }, []string{"Add", "operands could not be broadcast together", "(2, 3) (3, 2)"}},
			{"bigger than dst", func() { MulInto(Zeros[int](3), a, arangeView(3)) }, []string{"Mul", "(2, 3) (3,)", "destination shape (3,)"}},
			{"unary", func() { NegInto(Zeros[int](3), a) }, []string{"Neg", "from shape (2, 3) into shape (3,)"}},
			{"scalar op", func() { DivScalarInto(Zeros[int](4), a, 2) }, []string{"DivScalar", "(2, 3)", "(4,)"}},
			{"compare", func() { LessInto(Zeros[bool](2, 3), a, b) }, []string{"Less", "(2, 3) (3, 2)"}},
			{"where", func() { WhereInto(dst, Zeros[bool](2), a, a) }, []string{"Where", "(2,) (2, 3) (2, 3)"}},
		}
		for _, c := range cases {
			func() {
				defer func() {
					e := recover()
					err, ok := e.(error)
					require.True(t, ok, "%s: panic value %v is not an error", c.name, e)
					assert.ErrorIs(t, err, ErrShape, c.name)
					for _, p := range c.parts {
						assert.Contains(t, err.Error(), p, c.name)
					}
				}()
				c.f()
				t.Errorf("%s did not panic", c.name)
			}()
		}
		assert.Equal(t, make([]int, 6), dst.ToSlice(), "nothing written")
	})
}

func TestArithAllocs(t *testing.T) {
	a := Zeros[float64](8, 8)
	b := Zeros[float64](8, 1)
	d := Zeros[float64](8, 8)
	m := Zeros[bool](8, 8)
	h := Zeros[float16.Float16](8, 8)
	ht := h.T().Clone()
	for name, f := range map[string]func(){
		"Add":          func() { AddInto(d, a, b) },
		"Add in place": func() { AddInto(a, a, b) },
		"AddScalar":    func() { AddScalarInto(d, a.T(), 2) },
		"Sqrt":         func() { SqrtInto(d, a) },
		"Less":         func() { LessInto(m, a, b) },
		"Where":        func() { WhereInto(d, m, a, b) },
		"Clip":         func() { ClipInto(d, a, 0, 1) },
		"float16 Mul":  func() { MulInto(h, h, ht) },
		"float16 Exp":  func() { ExpInto(h, ht) },
	} {
		assert.Zero(t, testing.AllocsPerRun(20, f), name)
	}
}

// f16Values returns n random float16 values: random bit patterns, so that
// subnormals, infinities and NaNs appear, mixed with small integers and
// halves whose arithmetic is exact.
func f16Values(r *rand.Rand, n int) []float16.Float16 {
	s := make([]float16.Float16, n)
	for i := range s {
		if r.IntN(2) == 0 {
			s[i] = float16.Frombits(uint16(r.Uint32()))
		} else {
			s[i] = float16.Fromfloat32(float32(r.IntN(41)-20) / 2)
		}
	}
	return s
}

// capSize halves the leading extents of shape until it has at most n
// elements, keeping the last axis (the kernels' inner run) as drawn.
func capSize(shape []int, n int) {
	for k := 0; k < len(shape)-1 && layout.ShapeSize(shape) > n; {
		if shape[k] <= 1 {
			k++
			continue
		}
		shape[k] = (shape[k] + 1) / 2
	}
}

// sameF16 reports whether x and y have the same bits, or are both NaN.
func sameF16(x, y float16.Float16) bool { return x == y || x.IsNaN() && y.IsNaN() }

// TestFloat16Arith checks that float16 arithmetic equals computing in
// float32 and rounding to half precision (x448's Fromfloat32), on random
// layouts, for every operation.
func TestFloat16Arith(t *testing.T) {
	r := rand.New(rand.NewPCG(89, 90))
	f32 := func(f func(x, y float32) float32) func(x, y float16.Float16) float16.Float16 {
		return func(x, y float16.Float16) float16.Float16 { return float16.Fromfloat32(f(x.Float32(), y.Float32())) }
	}
	binary := []struct {
		name string
		run  func(dst, a, b NDView[float16.Float16])
		ref  func(x, y float16.Float16) float16.Float16
	}{
		{"Add", AddInto[float16.Float16], f32(func(x, y float32) float32 { return x + y })},
		{"Sub", SubInto[float16.Float16], f32(func(x, y float32) float32 { return x - y })},
		{"Mul", MulInto[float16.Float16], f32(func(x, y float32) float32 { return x * y })},
		{"Div", DivInto[float16.Float16], f32(func(x, y float32) float32 { return x / y })},
		{"Minimum", MinimumInto[float16.Float16], f32(func(x, y float32) float32 { return min(x, y) })},
		{"Maximum", MaximumInto[float16.Float16], f32(func(x, y float32) float32 { return max(x, y) })},
	}
	for _, c := range binary {
		for i := range 200 {
			shape := randShape(r, 3, 40) // rows longer than a chunk now and then
			if r.IntN(4) == 0 && len(shape) > 0 {
				shape[len(shape)-1] = 300
			}
			capSize(shape, 4096)
			buf, dst := randViewOf(r, shape, float16.Fromfloat32(-777))
			vals := f16Values(r, 2*layout.ShapeSize(shape)+2)
			a := randSource(r, shape, func(k int) float16.Float16 { return vals[k%len(vals)] })
			b := randSource(r, shape, func(k int) float16.Float16 { return vals[len(vals)-1-k%len(vals)] })
			want := refStore(buf, dst, refZip(shape, a, b, c.ref))
			c.run(dst, a, b)
			if !slices.EqualFunc(buf, want, sameF16) {
				t.Fatalf("#%d: float16 %s on dst %v st %v, a %v st %v, b %v st %v: differs from float32 rounded",
					i, c.name, dst.Shape(), dst.Strides(), a.Shape(), a.Strides(), b.Shape(), b.Strides())
			}
		}
	}
	u32 := func(f func(x float64) float64) func(x float16.Float16) float16.Float16 {
		return func(x float16.Float16) float16.Float16 { return float16.Fromfloat32(float32(f(float64(x.Float32())))) }
	}
	unary := []struct {
		name string
		run  func(dst, a NDView[float16.Float16])
		ref  func(x float16.Float16) float16.Float16
	}{
		{"Neg", NegInto[float16.Float16], u32(func(x float64) float64 { return -x })},
		{"Abs", AbsInto[float16.Float16], u32(math.Abs)},
		{"Sqrt", SqrtInto[float16.Float16], u32(math.Sqrt)},
		{"Exp", ExpInto[float16.Float16], u32(math.Exp)},
		{"Log", LogInto[float16.Float16], u32(math.Log)},
		{"Clip", func(dst, a NDView[float16.Float16]) {
			ClipInto(dst, a, float16.Fromfloat32(-2.5), float16.Fromfloat32(3))
		},
			u32(func(x float64) float64 { return min(max(x, -2.5), 3) })},
	}
	for _, c := range unary {
		for i := range 100 {
			shape := randShape(r, 3, 40)
			capSize(shape, 4096)
			buf, dst := randViewOf(r, shape, float16.Fromfloat32(-777))
			vals := f16Values(r, layout.ShapeSize(shape)+1)
			a := randSource(r, shape, func(k int) float16.Float16 { return vals[k%len(vals)] })
			exp := refBroadcast(a, shape)
			for k := range exp {
				exp[k] = c.ref(exp[k])
			}
			want := refStore(buf, dst, exp)
			c.run(dst, a)
			if !slices.EqualFunc(buf, want, sameF16) {
				t.Fatalf("#%d: float16 %s on dst %v st %v, a %v st %v: differs from float32 rounded", i, c.name, dst.Shape(), dst.Strides(), a.Shape(), a.Strides())
			}
		}
	}
	t.Run("rounding", func(t *testing.T) {
		// 2049 is not a float16: 2048 + 1 rounds to even (2048), 2048 + 3
		// to 2052; 1/3 rounds to nearest.
		a, _ := FromSlice([]float16.Float16{float16.Fromfloat32(2048), float16.Fromfloat32(2048), float16.Fromfloat32(1)})
		b, _ := FromSlice([]float16.Float16{float16.Fromfloat32(1), float16.Fromfloat32(3), float16.Fromfloat32(3)})
		d := Zeros[float16.Float16](3)
		AddInto(d, a, b)
		assert.Equal(t, []float32{2048, 2052}, []float32{d.At(0).Float32(), d.At(1).Float32()})
		DivInto(d, a, b)
		assert.Equal(t, float16.Fromfloat32(1.0/3), d.At(2))
		// The bits of 1 + 1 are not the sum of the bits.
		AddScalarInto(d, a.Slice(Range(2, 3)), float16.Fromfloat32(1))
		assert.Equal(t, float32(2), d.At(0).Float32())
	})
}

// TestCompare checks the comparisons on random layouts, and their float
// rules.
func TestCompare(t *testing.T) {
	r := rand.New(rand.NewPCG(91, 92))
	ops := []struct {
		name string
		run  func(dst NDView[bool], a, b NDView[int])
		ref  func(x, y int) bool
	}{
		{"EqualTo", EqualToInto[int], func(x, y int) bool { return x == y }},
		{"NotEqual", NotEqualInto[int], func(x, y int) bool { return x != y }},
		{"Less", LessInto[int], func(x, y int) bool { return x < y }},
		{"LessEqual", LessEqualInto[int], func(x, y int) bool { return x <= y }},
		{"Greater", GreaterInto[int], func(x, y int) bool { return x > y }},
		{"GreaterEqual", GreaterEqualInto[int], func(x, y int) bool { return x >= y }},
	}
	small := func(int) int { return r.IntN(4) }
	for _, op := range ops {
		for i := range 200 {
			shape := randShape(r, 4, 5)
			buf, dst := randViewOf(r, shape, false)
			a := randSource(r, shape, small)
			b := randSource(r, shape, small)
			want := refStore(buf, dst, refZip(shape, a, b, op.ref))
			op.run(dst, a, b)
			if !slices.Equal(buf, want) {
				t.Fatalf("#%d: %s(dst %v st %v, a %v st %v, b %v st %v): buffer = %v, want %v",
					i, op.name, dst.Shape(), dst.Strides(), a.Shape(), a.Strides(), b.Shape(), b.Strides(), buf, want)
			}
		}
	}
	t.Run("NaN and zeros", func(t *testing.T) {
		nan := math.NaN()
		a, _ := FromSlice([]float64{nan, nan, 0, 1})
		b, _ := FromSlice([]float64{nan, 1, math.Copysign(0, -1), 2})
		d := Zeros[bool](4)
		check := func(name string, f func(d NDView[bool], a, b NDView[float64]), want []bool) {
			f(d, a, b)
			assert.Equal(t, want, d.ToSlice(), name)
		}
		check("EqualTo", EqualToInto[float64], []bool{false, false, true, false})
		check("NotEqual", NotEqualInto[float64], []bool{true, true, false, true})
		check("Less", LessInto[float64], []bool{false, false, false, true})
		check("LessEqual", LessEqualInto[float64], []bool{false, false, true, true})
		check("Greater", GreaterInto[float64], []bool{false, false, false, false})
		check("GreaterEqual", GreaterEqualInto[float64], []bool{false, false, true, false})
		c, _ := FromSlice([]complex64{1 + 1i, 2})
		dc := Zeros[bool](2)
		EqualToInto(dc, c, Scalar[complex64](2))
		assert.Equal(t, []bool{false, true}, dc.ToSlice())
	})
	t.Run("float16", func(t *testing.T) {
		// Compared as floats: by bits, -0 < +0 and NaN equals itself;
		// 1 (0x3c00) < -1 (0xbc00) by bits.
		vals := f16Values(r, 600)
		vals = append(vals, float16.Frombits(0x8000), float16.Frombits(0), float16.Fromfloat32(1), float16.Fromfloat32(-1))
		n := len(vals) / 2
		a, _ := FromSlice(vals[:n])
		b, _ := FromSlice(vals[n : 2*n])
		d := Zeros[bool](n)
		for _, op := range []struct {
			name string
			run  func(d NDView[bool], a, b NDView[float16.Float16])
			ref  func(x, y float32) bool
		}{
			{"EqualTo", EqualToInto[float16.Float16], func(x, y float32) bool { return x == y }},
			{"NotEqual", NotEqualInto[float16.Float16], func(x, y float32) bool { return x != y }},
			{"Less", LessInto[float16.Float16], func(x, y float32) bool { return x < y }},
			{"GreaterEqual", GreaterEqualInto[float16.Float16], func(x, y float32) bool { return x >= y }},
		} {
			op.run(d, a, b)
			for i := range n {
				x, y := vals[i].Float32(), vals[n+i].Float32()
				require.Equal(t, op.ref(x, y), d.At(i), "float16 %s(%v, %v)", op.name, x, y)
			}
		}
	})
}

func TestWhere(t *testing.T) {
	r := rand.New(rand.NewPCG(93, 94))
	for i := range 300 {
		shape := randShape(r, 4, 5)
		buf, dst := randView(r, shape)
		_, c := randViewOf(r, broadcastShapeFor(r, shape), false)
		fillWith(c, func(int) bool { return r.IntN(2) == 0 })
		a := randSource(r, shape, smallInts(r))
		b := randSource(r, shape, func(k int) int { return 100 + k })
		cv := refBroadcast(c, shape)
		av, bv := refBroadcast(a, shape), refBroadcast(b, shape)
		vals := make([]int, len(cv))
		for k := range cv {
			vals[k] = bv[k]
			if cv[k] {
				vals[k] = av[k]
			}
		}
		want := refStore(buf, dst, vals)
		WhereInto(dst, c, a, b)
		if !slices.Equal(buf, want) {
			t.Fatalf("#%d: Where(dst %v st %v, c %v st %v, a %v, b %v): buffer = %v, want %v",
				i, dst.Shape(), dst.Strides(), c.Shape(), c.Strides(), a.Shape(), b.Shape(), buf, want)
		}
	}
	t.Run("overlap", func(t *testing.T) {
		// a[::-1] = where(c, a, 0): reads a as it was.
		a := arangeView(6)
		c, _ := FromSlice([]bool{true, false, true, true, false, true})
		WhereInto(a.Slice(Step(-1)), c, a, Scalar(0))
		assert.Equal(t, []int{5, 0, 3, 2, 0, 0}, a.ToSlice())
	})
	t.Run("any type", func(t *testing.T) {
		c, _ := FromSlice([]bool{true, false})
		s, _ := FromSlice([]string{"yes", "yes"})
		d := Zeros[string](2)
		WhereInto(d, c, s, Scalar("no"))
		assert.Equal(t, []string{"yes", "no"}, d.ToSlice())
	})
}

func TestClip(t *testing.T) {
	r := rand.New(rand.NewPCG(95, 96))
	for i := range 200 {
		shape := randShape(r, 4, 5)
		buf, dst := randView(r, shape)
		a := randSource(r, shape, smallInts(r))
		lo, hi := r.IntN(7)-3, r.IntN(7)-3
		vals := refBroadcast(a, shape)
		for k := range vals {
			vals[k] = min(max(vals[k], lo), hi)
		}
		want := refStore(buf, dst, vals)
		ClipInto(dst, a, lo, hi)
		require.Equal(t, want, buf, "#%d Clip(%d, %d)", i, lo, hi)
	}
	a, _ := FromSlice([]float64{-5, 0.5, 7, math.NaN()})
	d := Zeros[float64](4)
	ClipInto(d, a, 0, 1)
	got := d.ToSlice()
	assert.Equal(t, []float64{0, 0.5, 1}, got[:3])
	assert.True(t, math.IsNaN(got[3]), "Clip(NaN) = %v, want NaN", got[3])
	ClipInto(d, a, 2, 1) // lo > hi: hi everywhere but NaN, as NumPy
	assert.Equal(t, []float64{1, 1, 1}, d.ToSlice()[:3])
}

// TestPanicMessages pins the wording of the broadcasting errors.
func TestPanicMessages(t *testing.T) {
	msg := func(f func()) (s string) {
		defer func() { s = fmt.Sprint(recover()) }()
		f()
		return ""
	}
	got := msg(func() { AddInto(Zeros[int](2, 3), arangeView(6, 2, 3), arangeView(6, 3, 2)) })
	assert.Equal(t, "ndview: Add: operands could not be broadcast together with shapes (2, 3) (3, 2) (destination shape (2, 3))", got)
	got = msg(func() { AddInto(Zeros[int](3), arangeView(6, 2, 3), arangeView(3)) })
	assert.True(t, strings.HasPrefix(got, "ndview: Add: could not broadcast operands of shapes (2, 3) (3,) into the destination shape (3,)"), got)
}

// TestLogSubnormal checks Log of subnormal float64 against NumPy 1.24
// (np.log of the same values): Go's math.Log on amd64 returns about
// −709.09 for every subnormal.
func TestLogSubnormal(t *testing.T) {
	xs := Must(FromSlice([]float64{5e-324, 1e-310, 2.2250738585072014e-308, 1e-320}))
	want := []float64{-744.4400719213812, -713.8013788281542, -708.3964185322641, -736.8272408909738}
	got := Zeros[float64](4)
	LogInto(got, xs)
	for i, w := range want {
		if d := math.Abs(got.At(i) - w); d > 4*(math.Nextafter(math.Abs(w), math.Inf(1))-math.Abs(w)) {
			t.Errorf("Log(%g) = %v, NumPy %v", xs.At(i), got.At(i), w)
		}
	}
}
