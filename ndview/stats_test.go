package ndview

// Property tests of semantics.md §19 on random layouts (randomLayout):
// each axis form against a naive oracle that reads lines through At, with
// guarded destination buffers, in-place and overlapping calls, and the
// error cases (panic before writing, or an error with the destination
// untouched). NumPy's values are checked by stats_fixture_test.go.

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

const guardF = -12345.0

// randVals fills buf with small integers (many ties) and, when nan, now
// and then a NaN.
func randVals(r *rand.Rand, buf []float64, nan bool) {
	for i := range buf {
		buf[i] = float64(r.IntN(9) - 4)
		if nan && r.IntN(6) == 0 {
			buf[i] = math.NaN()
		}
	}
}

func refMedian(l []float64) float64 {
	s := slices.Clone(l)
	slices.Sort(s)
	n := len(s)
	if n == 0 || s[n-1] != s[n-1] || slices.ContainsFunc(s, func(x float64) bool { return x != x }) {
		return math.NaN()
	}
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func dropNaNs(l []float64) []float64 {
	return slices.DeleteFunc(slices.Clone(l), func(x float64) bool { return x != x })
}

func refVar(l []float64, ddof int) float64 {
	m := 0.0
	for _, x := range l {
		m += x
	}
	m /= float64(len(l))
	s := 0.0
	for _, x := range l {
		s += (x - m) * (x - m)
	}
	return s / float64(max(len(l)-ddof, 0))
}

// refQuantile takes the quantile from a full sort, with the index rules
// of quantilePoint: it checks the selection, not the index arithmetic
// (the fixture checks that).
func refQuantile(l []float64, q float64, m QuantileMethod) float64 {
	s := slices.Clone(l)
	slices.Sort(s)
	if slices.ContainsFunc(s, func(x float64) bool { return x != x }) {
		return math.NaN()
	}
	return quantileValue(s, quantilePoint(m, len(s), q))
}

// axisDst draws a writable destination for a reduction of shape along
// axis (keepdims or not) over a guarded buffer.
func axisDst(r *rand.Rand, shape []int, axis int) (testLayout, []float64, NDView[float64]) {
	ds := slices.Delete(slices.Clone(shape), axis, axis+1)
	if r.IntN(3) == 0 {
		ds = slices.Clone(shape)
		ds[axis] = 1
	}
	dl := randomLayout(r, layoutOpts{Shape: ds, Writable: true})
	buf := make([]float64, dl.N)
	for i := range buf {
		buf[i] = guardF
	}
	return dl, buf, layoutView(dl, buf)
}

// expectAxis returns the buffer a reduction must leave: buf with each
// destination element set to ref of its line.
func expectAxis(dl testLayout, buf []float64, dst NDView[float64], v NDView[float64], axis int, ref func([]float64) float64) []float64 {
	want := slices.Clone(buf)
	lines := refLines(v, axis)
	i := 0
	forEachIndex(dst.Shape(), func(idx []int) {
		want[refOffset(dl.Off, dl.Strides, idx)] = ref(lines[i])
		i++
	})
	return want
}

func sameBufs(got, want []float64, tol float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !same(got[i], want[i], tol) {
			return false
		}
	}
	return true
}

func TestStatsAxisRandom(t *testing.T) {
	cases := []struct {
		name string
		nan  bool
		tol  float64
		run  func(dst, v NDView[float64], axis int)
		ref  func([]float64) float64
	}{
		{"MedianAxis", true, 0, func(d, v NDView[float64], a int) { MedianAxisInto(d, v, a) }, refMedian},
		{"NanMedianAxis", true, 0, func(d, v NDView[float64], a int) { NanMedianAxisInto(d, v, a) },
			func(l []float64) float64 { return refMedian(dropNaNs(l)) }},
		{"VarAxis", false, 1e-12, func(d, v NDView[float64], a int) { VarAxisInto(d, v, 1, a) },
			func(l []float64) float64 { return refVar(l, 1) }},
		{"StdAxis", false, 1e-12, func(d, v NDView[float64], a int) { StdAxisInto(d, v, 0, a) },
			func(l []float64) float64 { return math.Sqrt(refVar(l, 0)) }},
		{"NanVarAxis", true, 1e-12, func(d, v NDView[float64], a int) { NanVarAxisInto(d, v, 0, a) },
			func(l []float64) float64 {
				l = dropNaNs(l)
				if len(l) == 0 {
					return math.NaN()
				}
				return refVar(l, 0)
			}},
		{"NanMeanAxis", true, 1e-12, func(d, v NDView[float64], a int) { NanMeanAxisInto(d, v, a) },
			func(l []float64) float64 {
				l = dropNaNs(l)
				s := 0.0
				for _, x := range l {
					s += x
				}
				return s / float64(len(l))
			}},
		{"NanSumAxis", true, 0, func(d, v NDView[float64], a int) { NanSumAxisInto(d, v, a) },
			func(l []float64) float64 {
				s := 0.0
				for _, x := range dropNaNs(l) {
					s += x
				}
				return s
			}},
		{"NanMaxAxis", true, 0, func(d, v NDView[float64], a int) {
			if v.Shape()[(a+v.NDim())%v.NDim()] > 0 {
				NanMaxAxisInto(d, v, a)
			}
		}, func(l []float64) float64 {
			l = dropNaNs(l)
			if len(l) == 0 {
				return math.NaN()
			}
			return slices.Max(l)
		}},
		{"QuantileAxis", true, 0, func(d, v NDView[float64], a int) {
			if err := QuantileAxisInto(d, v, a, 0.3, QuantileLinear); err != nil {
				panic(err)
			}
		}, func(l []float64) float64 { return refQuantile(l, 0.3, QuantileLinear) }},
		{"TrapezoidAxis", false, 1e-12, func(d, v NDView[float64], a int) { TrapezoidAxisInto(d, v, a, nil, 0.5) },
			func(l []float64) float64 {
				s := 0.0
				for i := 1; i < len(l); i++ {
					s += 0.5 * (l[i] + l[i-1]) / 2
				}
				return s
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(19, uint64(len(c.name))))
			for i := range 400 {
				vl := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 4, MaxExtent: 6})
				axis := r.IntN(len(vl.Shape))
				if vl.Shape[axis] == 0 && (c.name == "QuantileAxis" || c.name == "NanMaxAxis") {
					continue
				}
				vbuf := make([]float64, vl.N)
				randVals(r, vbuf, c.nan)
				v := layoutView(vl, vbuf)
				dl, dbuf, dst := axisDst(r, vl.Shape, axis)
				want := dbuf
				if dst.Size() > 0 {
					want = expectAxis(dl, dbuf, dst, v, axis, c.ref)
				}
				ax := axis
				if r.IntN(2) == 0 {
					ax -= len(vl.Shape)
				}
				c.run(dst, v, ax)
				if !sameBufs(dbuf, want, c.tol) {
					t.Fatalf("#%d %s(dst %v, v %v, axis %d):\n got %v\nwant %v", i, c.name, dl, vl, ax, dbuf, want)
				}
			}
		})
	}
}

func TestStatsAxisOverlap(t *testing.T) {
	// The destination is a row of the source: the result is as if the
	// source had been copied first.
	data := []float64{5, 1, 4, 2, 3, 9, 8, 7, 6, 0, 2, 2}
	for _, f := range []struct {
		name string
		run  func(d, v NDView[float64])
	}{
		{"MedianAxis", func(d, v NDView[float64]) { MedianAxisInto(d, v, 0) }},
		{"VarAxis", func(d, v NDView[float64]) { VarAxisInto(d, v, 0, 0) }},
		{"NanMeanAxis", func(d, v NDView[float64]) { NanMeanAxisInto(d, v, 0) }},
		{"QuantilesAxis", func(d, v NDView[float64]) {
			d2, _ := d.Reshape(1, 4)
			QuantilesAxisInto(d2, v, 0, []float64{0.7}, QuantileHazen)
		}},
	} {
		buf := slices.Clone(data)
		v, _ := FromSlice(buf, 3, 4)
		ref := v.Clone()
		want := Zeros[float64](4)
		f.run(want, ref)
		dst := v.Slice(Int(1))
		f.run(dst, v)
		if !slices.Equal(dst.ToSlice(), want.ToSlice()) {
			t.Errorf("%s into a row of its source = %v, want %v", f.name, dst.ToSlice(), want.ToSlice())
		}
	}
}

func TestStatsAxisErrors(t *testing.T) {
	v, _ := FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
	ro := Zeros[float64](3).AsReadOnly()
	panics(t, ErrReadOnly, func() { MedianAxisInto(ro, v, 0) })
	panics(t, ErrReadOnly, func() { VarAxisInto(ro, v, 0, 0) })
	panics(t, ErrAxis, func() { MedianAxisInto(Zeros[float64](3), v, 2) })
	panics(t, ErrShape, func() { MedianAxisInto(Zeros[float64](2), v, 0) })
	panics(t, ErrShape, func() { QuantilesAxisInto(Zeros[float64](3), v, 0, []float64{0.5}, QuantileLinear) })
	panics(t, ErrIndex, func() { Quantile(v, 1.5, QuantileLinear) })
	panics(t, ErrIndex, func() { Quantile(v, math.NaN(), QuantileLinear) })
	panics(t, ErrType, func() { Quantile(v, 0.5, QuantileMethod(99)) })
	panics(t, ErrShape, func() { Histogram(v, 0) })
	panics(t, ErrShape, func() { DiffInto(Zeros[float64](2, 2), v, -1, 1) })
	panics(t, ErrShape, func() { GradientInto(Zeros[float64](2, 3), v, 1, 1, 3) })

	// Errors that depend on the data write nothing.
	e, _ := FromSlice([]float64{}, 0, 3)
	d := Zeros[float64](3)
	d.Fill(7)
	err := QuantileAxisInto(d, e, 0, 0.5, QuantileLinear)
	isErr(t, ErrIndex, err)
	if !slices.Equal(d.ToSlice(), []float64{7, 7, 7}) {
		t.Errorf("QuantileAxis of an empty axis wrote %v", d.ToSlice())
	}
	nanv, _ := FromSlice([]float64{1, math.NaN(), math.NaN(), math.NaN()}, 2, 2)
	di := Zeros[int](2)
	di.Fill(9)
	isErr(t, ErrShape, NanArgminAxisInto(di, nanv, 1))
	if !slices.Equal(di.ToSlice(), []int{9, 9}) {
		t.Errorf("NanArgminAxis with an all-NaN line wrote %v", di.ToSlice())
	}
	g := Zeros[float64](2, 3)
	g.Fill(7)
	isErr(t, ErrShape, GradientInto(g, v, 0, 1, 2))
	if slices.ContainsFunc(g.ToSlice(), func(x float64) bool { return x != 7 }) {
		t.Errorf("Gradient of a short axis wrote %v", g.ToSlice())
	}
	dg := Zeros[int](3)
	x, _ := FromSlice([]float64{1, 2, 3})
	dg.Fill(4)
	isErr(t, ErrShape, DigitizeInto(dg, x, []float64{0, 2, 1}, false))
	if !slices.Equal(dg.ToSlice(), []int{4, 4, 4}) {
		t.Errorf("Digitize with unsorted bins wrote %v", dg.ToSlice())
	}
}

func TestQuantileSelection(t *testing.T) {
	// Selection must agree with a full sort for every method, on data
	// with many ties and on long inputs (where introselect recurses),
	// with one q or several.
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 300 {
		n := 1 + r.IntN(40)
		if i%10 == 0 {
			n = 500 + r.IntN(3000)
		}
		a := make([]float64, n)
		for j := range a {
			a[j] = float64(r.IntN(1 + n/3))
			if i%3 == 0 {
				a[j] = r.NormFloat64()
			}
		}
		if i%7 == 0 {
			slices.Sort(a) // sorted input, the quickselect worst case without median of 3
		}
		v, _ := FromSlice(a)
		m := QuantileMethod(r.IntN(int(numQuantileMethods)))
		qs := []float64{r.Float64(), 0, 1, r.Float64(), 0.5}
		got := make([]float64, len(qs))
		if err := QuantilesInto(got, v, qs, m); err != nil {
			t.Fatal(err)
		}
		for k, q := range qs {
			if want := refQuantile(a, q, m); !same(got[k], want, 0) {
				t.Fatalf("#%d Quantiles(n=%d, q=%v, %v) = %v, want %v", i, n, q, m, got[k], want)
			}
		}
		if got, want := Median(v), refMedian(a); !same(got, want, 0) {
			t.Fatalf("#%d Median(n=%d) = %v, want %v", i, n, got, want)
		}
	}
}

func TestCumulativeRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 500 {
		vl := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 4, MaxExtent: 6})
		axis := r.IntN(len(vl.Shape))
		vbuf := make([]int8, vl.N)
		for j := range vbuf {
			vbuf[j] = int8(r.IntN(256))
		}
		v := layoutView(vl, vbuf)
		inPlace := !vl.ReadOnly && r.IntN(4) == 0
		dl := vl
		var dbuf []int8
		var dst NDView[int8]
		if inPlace {
			dbuf, dst = vbuf, v
		} else {
			dl = randomLayout(r, layoutOpts{Shape: vl.Shape, Writable: true})
			dbuf = make([]int8, dl.N)
			for j := range dbuf {
				dbuf[j] = 77
			}
			dst = layoutView(dl, dbuf)
		}
		want := slices.Clone(dbuf)
		prod := r.IntN(2) == 0
		rest := slices.Delete(slices.Clone(vl.Shape), axis, axis+1)
		lines := refLines(v, axis)
		li := 0
		forEachIndex(rest, func(idx []int) {
			full := slices.Insert(slices.Clone(idx), axis, 0)
			var acc int8
			for k, x := range lines[li] {
				switch {
				case k == 0:
					acc = x
				case prod:
					acc *= x
				default:
					acc += x
				}
				full[axis] = k
				want[refOffset(dl.Off, dl.Strides, full)] = acc
			}
			li++
		})
		if prod {
			CumprodAxisInto(dst, v, axis)
		} else {
			CumsumAxisInto(dst, v, axis)
		}
		if !slices.Equal(dbuf, want) {
			t.Fatalf("#%d cum (prod %v, in place %v) along %d of %v:\n got %v\nwant %v", i, prod, inPlace, axis, vl, dbuf, want)
		}
	}
}

func TestCumsumOverlapShift(t *testing.T) {
	// dst is v shifted by one: the result is that of a copy of v.
	buf := []float64{1, 2, 3, 4, 5, 0}
	a, _ := FromSlice(buf)
	v := a.Slice(Range(0, 5))
	dst := a.Slice(Range(1, 6))
	CumsumAxisInto(dst, v, 0)
	if want := []float64{1, 1, 3, 6, 10, 15}; !slices.Equal(buf, want) {
		t.Errorf("CumsumAxis into v shifted = %v, want %v", buf, want)
	}
	panics(t, ErrReadOnly, func() { CumsumAxisInto(a.AsReadOnly(), a, 0) })
	panics(t, ErrShape, func() { CumsumAxisInto(Zeros[float64](5), a, 0) })
	panics(t, ErrAxis, func() { CumsumAxisInto(a, a, 1) })
}

func TestDiffRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 300 {
		vl := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 3, MaxExtent: 6})
		axis := r.IntN(len(vl.Shape))
		vbuf := make([]int, vl.N)
		for j := range vbuf {
			vbuf[j] = r.IntN(100)
		}
		v := layoutView(vl, vbuf)
		n := r.IntN(4)
		ds := slices.Clone(vl.Shape)
		ds[axis] = max(ds[axis]-n, 0)
		dst := Zeros[int](ds...)
		DiffInto(dst, v, n, axis)
		lines := refLines(v, axis)
		var want []int
		for _, l := range lines {
			for range n {
				for k := 0; k+1 < len(l); k++ {
					l[k] = l[k+1] - l[k]
				}
				if len(l) > 0 {
					l = l[:len(l)-1]
				}
			}
			want = append(want, l...)
		}
		got := refLines(dst, axis)
		if !slices.Equal(slices.Concat(got...), want) {
			t.Fatalf("#%d Diff(n=%d, axis %d) of %v = %v, want %v", i, n, axis, vl, got, want)
		}
	}
}

func TestIscloseRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	specials := []float64{0, math.Copysign(0, -1), 1, 1 + 1e-9, math.Inf(1), math.Inf(-1), math.NaN(), 1e-12}
	for i := range 300 {
		dl := randomLayout(r, layoutOpts{Writable: true, MaxRank: 3, Modes: modes(modeSlice)})
		al := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, dl.Shape)})
		bl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, dl.Shape)})
		ab, bb := make([]float64, al.N), make([]float64, bl.N)
		for j := range ab {
			ab[j] = specials[r.IntN(len(specials))]
		}
		for j := range bb {
			bb[j] = specials[r.IntN(len(specials))]
		}
		a, b := layoutView(al, ab), layoutView(bl, bb)
		dbuf := make([]bool, dl.N)
		dst := layoutView(dl, dbuf)
		eq := r.IntN(2) == 0
		IscloseInto(dst, a, b, 1e-5, 1e-8, eq)
		all := true
		forEachIndex(dl.Shape, func(idx []int) {
			x, y := atBroadcast(a, idx), atBroadcast(b, idx)
			var want bool
			if math.IsInf(x, 0) || math.IsInf(y, 0) || x != x || y != y {
				want = x == y || eq && x != x && y != y
			} else {
				want = math.Abs(x-y) <= 1e-8+1e-5*math.Abs(y)
			}
			all = all && want
			if got := dst.At(idx...); got != want {
				t.Fatalf("#%d Isclose(%v, %v, equalNaN %v) = %v, want %v", i, x, y, eq, got, want)
			}
		})
		// a and b broadcast together pair the same elements as over
		// dst's shape, unless that shape is empty.
		if got := Allclose(a, b, 1e-5, 1e-8, eq); got != all && dst.Size() > 0 {
			t.Fatalf("#%d Allclose = %v, want %v", i, got, all)
		}
		if !ArrayEquiv(a, a) && !slices.ContainsFunc(ab, func(x float64) bool { return x != x }) {
			t.Fatalf("#%d ArrayEquiv(a, a) = false", i)
		}
	}
	a, _ := FromSlice([]float64{1, 2, 3})
	b, _ := FromSlice([]float64{1, 2})
	panics(t, ErrShape, func() { Allclose(a, b, 0, 0, false) })
	if ArrayEquiv(a, b) {
		t.Error("ArrayEquiv of shapes (3,) and (2,) = true")
	}
}

func TestBandSelection(t *testing.T) {
	// Large views take the sampled bracket (bandSelect); with no slack
	// the bracket often misses and the copy path takes over. Both must
	// agree with a full sort, on every layout kind of data.
	defer func(s int) { bandSlack = s }(bandSlack)
	r := rand.New(rand.NewPCG(21, 22))
	for i, slack := range []int{512, 0, 0, 512, 0, 512} {
		bandSlack = slack
		n := bandMin + r.IntN(5000) // just above bandMin: sampled, and quick under -race
		a := make([]float64, n)
		for j := range a {
			switch i % 3 {
			case 0:
				a[j] = r.NormFloat64()
			case 1:
				a[j] = float64(r.IntN(20)) // heavy ties
			default:
				a[j] = float64(j % 1000) // structured
			}
		}
		v, _ := FromSlice(a)
		if i >= 3 {
			v, _ = FromSlice(a[:n/2*2], n/2, 2)
			v = v.T() // a strided walk
		}
		qs := []float64{0, 0.001, 0.25, 0.5, 0.9, 0.999, 1}
		// The full sort, once per case (refQuantile and refMedian sort
		// on every call): the data has no NaN yet.
		sorted := v.ToSlice()
		slices.Sort(sorted)
		for _, m := range []QuantileMethod{QuantileLinear, QuantileNearest, QuantileMidpoint, QuantileWeibull} {
			got := make([]float64, len(qs))
			if err := QuantilesInto(got, v, qs, m); err != nil {
				t.Fatal(err)
			}
			for k, q := range qs {
				if want := quantileValue(sorted, quantilePoint(m, len(sorted), q)); got[k] != want {
					t.Fatalf("#%d slack %d: Quantile(n=%d, %v, %v) = %v, want %v", i, slack, len(sorted), q, m, got[k], want)
				}
			}
		}
		if got, want := Median(v), refMedian(sorted); got != want {
			t.Fatalf("#%d slack %d: Median = %v, want %v", i, slack, got, want)
		}
		a[r.IntN(n/2)] = math.NaN()
		if got := Median(v); got == got {
			t.Fatalf("#%d: Median with a NaN = %v", i, got)
		}
		if got, _ := Quantile(v, 0.3, QuantileLower); got == got {
			t.Fatalf("#%d: Quantile with a NaN = %v", i, got)
		}
	}
}
