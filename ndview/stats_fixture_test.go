package ndview

// Fixture tests of semantics.md §19: every case of testdata/stats.json
// (written by testdata/stats_gen.py with NumPy 1.24) runs through the
// ndkit function it names, over a C-contiguous view and over a reversed,
// strided copy of the same values, and must give NumPy's answer: bit for
// bit where "tol" is 0, within a relative tolerance where the result is a
// sum (ndkit's pairwise order differs from NumPy's, semantics.md N5).

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"testing"
)

type statsCase struct {
	Fn     string                     `json:"fn"`
	DType  string                     `json:"dtype"`
	Data   []any                      `json:"data"`
	Shape  []int                      `json:"shape"`
	Args   map[string]json.RawMessage `json:"args"`
	Tol    float64                    `json:"tol"`
	Want   json.RawMessage            `json:"want"`
	WShape json.RawMessage            `json:"wshape"`
	Error  string                     `json:"error"`
}

// num decodes a fixture number: a JSON number, or a repr string.
func num(x any) float64 {
	switch x := x.(type) {
	case float64:
		return x
	case string:
		f, err := strconv.ParseFloat(x, 64)
		if err != nil {
			panic(err)
		}
		return f
	case bool:
		if x {
			return 1
		}
		return 0
	}
	panic(fmt.Sprintf("num(%T)", x))
}

func nums(xs []any) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = num(x)
	}
	return out
}

func (c *statsCase) arg(name string, into any) bool {
	raw, ok := c.Args[name]
	if !ok {
		return false
	}
	if err := json.Unmarshal(raw, into); err != nil {
		panic(err)
	}
	return true
}

func (c *statsCase) floats(name string) []float64 {
	var xs []any
	if !c.arg(name, &xs) {
		return nil
	}
	return nums(xs)
}

func (c *statsCase) int(name string) int {
	var x int
	c.arg(name, &x)
	return x
}

func (c *statsCase) method() QuantileMethod {
	var s string
	c.arg("method", &s)
	for m := range numQuantileMethods {
		if m.String() == s {
			return m
		}
	}
	panic("method " + s)
}

// want returns the expected values (the first result when NumPy returned
// a tuple) as floats.
func (c *statsCase) want() []float64 {
	var xs []any
	if err := json.Unmarshal(c.Want, &xs); err != nil {
		panic(err)
	}
	if len(xs) > 0 {
		if _, ok := xs[0].([]any); ok {
			return nums(xs[0].([]any))
		}
	}
	return nums(xs)
}

func (c *statsCase) wants() [][]float64 {
	var xs [][]any
	if err := json.Unmarshal(c.Want, &xs); err != nil {
		panic(err)
	}
	out := make([][]float64, len(xs))
	for i, x := range xs {
		out[i] = nums(x)
	}
	return out
}

func (c *statsCase) wshape() []int {
	if len(c.WShape) == 0 {
		return nil
	}
	var s []int
	if json.Unmarshal(c.WShape, &s) != nil {
		var ss [][]int
		json.Unmarshal(c.WShape, &ss)
		return ss[0]
	}
	return s
}

// viewsOf returns the case's data as a C-contiguous view and as a view of
// the same shape over a reversed buffer with gaps (negative strides).
func viewsOf[T any](c *statsCase, conv func(float64) T) []NDView[T] {
	vals := nums(c.Data)
	n := len(vals)
	a := make([]T, n)
	for i, x := range vals {
		a[i] = conv(x)
	}
	v1, err := Wrap(a, 0, c.Shape, cStrides(c.Shape)) // FromSlice with no shape is 1-D
	if err != nil {
		panic(err)
	}
	// The strided twin: element i at buf[2(n-1-i)+1] of a 1-D view
	// reversed with step -2, reshaped… reshape of such a view fails
	// for rank > 1, so build the twin with Wrap and reversed strides.
	buf := make([]T, 2*n+1)
	sh := c.Shape
	st := make([]int, len(sh))
	acc := -2
	for k := len(sh) - 1; k >= 0; k-- {
		st[k] = acc
		acc *= max(sh[k], 1)
	}
	off := 0
	for k := range sh {
		off += (sh[k] - 1) * -st[k]
	}
	if n == 0 {
		off = 0
	}
	v2, err := Wrap(buf, off, sh, st)
	if err != nil {
		panic(fmt.Sprintf("%v: shape %v strides %v off %d", err, sh, st, off))
	}
	if n > 0 {
		v2.CopyFrom(v1)
	}
	return []NDView[T]{v1, v2}
}

func TestStatsFixture(t *testing.T) {
	raw, err := os.ReadFile("testdata/stats.json")
	if err != nil {
		t.Fatal(err)
	}
	var fx struct {
		NumPy string      `json:"numpy"`
		Cases []statsCase `json:"cases"`
	}
	if err := json.Unmarshal(raw, &fx); err != nil {
		t.Fatal(err)
	}
	if len(fx.Cases) < 1000 {
		t.Fatalf("%d cases", len(fx.Cases))
	}
	counts := map[string]int{}
	for i := range fx.Cases {
		c := &fx.Cases[i]
		counts[c.Fn]++
		name := fmt.Sprintf("%d/%s/%s", i, c.Fn, c.DType)
		switch c.DType {
		case "float64":
			runStatsCase(t, name, c, func(x float64) float64 { return x })
		case "float32":
			runStatsCase(t, name, c, func(x float64) float32 { return float32(x) })
		case "int64":
			runStatsCase(t, name, c, func(x float64) int64 { return int64(x) })
		case "int8":
			runStatsCase(t, name, c, func(x float64) int8 { return int8(x) })
		case "uint8":
			runStatsCase(t, name, c, func(x float64) uint8 { return uint8(x) })
		case "bool":
			runBoolCase(t, name, c)
		default:
			t.Fatalf("%s: dtype %s", name, c.DType)
		}
	}
	t.Logf("NumPy %s: %v", fx.NumPy, counts)
}

// anyZero makes same treat −0 and +0 as equal.
var anyZero bool

// same reports whether got matches want: both NaN, or equal with the same
// sign of zero, or within the relative tolerance tol.
func same(got, want, tol float64) bool {
	if got != got || want != want {
		return got != got && want != want
	}
	if tol == 0 || math.IsInf(want, 0) {
		return got == want && (anyZero || math.Signbit(got) == math.Signbit(want))
	}
	return math.Abs(got-want) <= tol*math.Max(math.Abs(want), 1e-300) || math.Abs(got-want) <= tol*1e-3
}

func checkVals(t *testing.T, name string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d values %v, want %d %v", name, len(got), got, len(want), want)
		return
	}
	for i := range got {
		if !same(got[i], want[i], tol) {
			t.Errorf("%s: [%d] = %v, want %v (all: %v, want %v)", name, i, got[i], want[i], got, want)
			return
		}
	}
}

func checkErr(t *testing.T, name string, c *statsCase, err error) bool {
	t.Helper()
	if c.Error != "" {
		if err == nil {
			t.Errorf("%s: no error, NumPy raised %s", name, c.Error)
		}
		return false
	}
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return false
	}
	return true
}

func f64s[T Real](v NDView[T]) []float64 {
	var out []float64
	for x := range v.Values() {
		out = append(out, float64(x))
	}
	return out
}

// reducedShape returns shape without axis ax.
func reducedShape(shape []int, ax int) []int {
	if ax < 0 {
		ax += len(shape)
	}
	out := append([]int{}, shape[:ax]...)
	return append(out, shape[ax+1:]...)
}

func runStatsCase[T Real](t *testing.T, name string, c *statsCase, conv func(float64) T) {
	for k, v := range viewsOf(c, conv) {
		name := fmt.Sprintf("%s/view%d", name, k)
		// Which of equal zeros a selection returns depends on the order
		// it meets them (semantics.md §19): NumPy's order is the one of
		// view 0.
		anyZero = k > 0
		runStatsOn(t, name, c, v)
		anyZero = false
	}
}

func runStatsOn[T Real](t *testing.T, name string, c *statsCase, v NDView[T]) {
	t.Helper()
	one := func(x float64) []float64 { return []float64{x} }
	axis := c.int("axis")
	switch c.Fn {
	case "median":
		checkVals(t, name, one(Median(v)), c.want(), c.Tol)
	case "ptp":
		if v.Size() == 0 {
			panics(t, ErrShape, func() { Ptp(v) })
			return
		}
		checkVals(t, name, one(float64(Ptp(v))), c.want(), c.Tol)
	case "var":
		checkVals(t, name, one(Var(v, c.int("ddof"))), c.want(), c.Tol)
	case "std":
		checkVals(t, name, one(Std(v, c.int("ddof"))), c.want(), c.Tol)
	case "quantile", "percentile", "nanquantile":
		qs := c.floats("q")
		got := make([]float64, len(qs))
		var err error
		switch c.Fn {
		case "quantile":
			err = QuantilesInto(got, v, qs, c.method())
			if err == nil && len(qs) > 0 {
				g, err2 := Quantile(v, qs[len(qs)/2], c.method())
				if err2 != nil || !same(g, got[len(qs)/2], 0) {
					t.Errorf("%s: Quantile = %v, %v; Quantiles gave %v", name, g, err2, got[len(qs)/2])
				}
			}
		case "percentile":
			err = PercentilesInto(got, v, qs, c.method())
		default:
			err = NanQuantilesInto(got, v, qs, c.method())
		}
		if !checkErr(t, name, c, err) {
			return
		}
		want := c.want()
		if v.Size() == 0 && len(want) == 1 && len(qs) > 1 {
			// NumPy's nanquantile of nothing is one NaN whatever q is
			// (it returns nanmean); ndkit gives a NaN per q.
			want = slices.Repeat(want, len(qs))
		}
		checkVals(t, name, got, want, c.Tol)
	case "nansum":
		checkVals(t, name, one(float64(NanSum(v))), c.want(), c.Tol)
	case "nanprod":
		checkVals(t, name, one(float64(NanProd(v))), c.want(), c.Tol)
	case "nanmean":
		checkVals(t, name, one(NanMean(v)), c.want(), c.Tol)
	case "nanvar":
		checkVals(t, name, one(NanVar(v, c.int("ddof"))), c.want(), c.Tol)
	case "nanstd":
		checkVals(t, name, one(NanStd(v, c.int("ddof"))), c.want(), c.Tol)
	case "nanmin", "nanmax":
		f := NanMin[T]
		if c.Fn == "nanmax" {
			f = NanMax[T]
		}
		if c.Error != "" {
			panics(t, ErrShape, func() { f(v) })
			return
		}
		checkVals(t, name, one(float64(f(v))), c.want(), c.Tol)
	case "nanargmin", "nanargmax":
		f := NanArgmin[T]
		if c.Fn == "nanargmax" {
			f = NanArgmax[T]
		}
		if v.Size() == 0 {
			panics(t, ErrShape, func() { f(v) })
			return
		}
		i, err := f(v)
		if checkErr(t, name, c, err) {
			checkVals(t, name, one(float64(i)), c.want(), 0)
		}
	case "nanmedian":
		checkVals(t, name, one(NanMedian(v)), c.want(), c.Tol)
	case "cumsum", "cumprod", "nancumsum", "nancumprod":
		dst := Zeros[T](v.Size())
		map[string]func(d, v NDView[T]){"cumsum": CumsumInto[T], "cumprod": CumprodInto[T], "nancumsum": NanCumsumInto[T], "nancumprod": NanCumprodInto[T]}[c.Fn](dst, v)
		checkVals(t, name, f64s(dst), c.want(), c.Tol)
	case "diff":
		if c.Error != "" {
			panics(t, ErrShape, func() { DiffInto(Zeros[T](0), v, 1, 0) })
			return
		}
		n := c.int("n")
		ws := c.wshape()
		dst := Zeros[T](ws...)
		pre, app := c.floats("prepend"), c.floats("append")
		var p0 float64
		switch {
		case c.arg("prepend0d", &p0):
			pv := Scalar(T(p0))
			DiffWithInto(dst, v, n, axis, &pv, nil)
		case pre != nil:
			pv, av := convView[T](pre), convView[T](app)
			DiffWithInto(dst, v, n, axis, &pv, &av)
		default:
			DiffInto(dst, v, n, axis)
		}
		checkVals(t, name, f64s(dst), c.want(), 0)
	case "ediff1d":
		var b, e []T
		for _, x := range c.floats("to_begin") {
			b = append(b, T(x))
		}
		for _, x := range c.floats("to_end") {
			e = append(e, T(x))
		}
		got := Ediff1d(v, b, e)
		g := make([]float64, len(got))
		for i, x := range got {
			g[i] = float64(x)
		}
		checkVals(t, name, g, c.want(), 0)
	case "trapz":
		checkVals(t, name, one(Trapezoid(v, c.floats("x"), num(argAny(c, "dx", 1.0)))), c.want(), c.Tol)
	case "gradient":
		dst := Zeros[float64](v.Shape()...)
		var err error
		if x := c.floats("x"); x != nil {
			err = GradientCoordsInto(dst, v, 0, x, c.int("edge_order"))
		} else {
			err = GradientInto(dst, v, 0, num(argAny(c, "dx", 1.0)), c.int("edge_order"))
		}
		if !checkErr(t, name, c, err) {
			return
		}
		if c.DType == "float32" {
			d32 := Zeros[float32](v.Shape()...)
			if x := c.floats("x"); x != nil {
				GradientCoordsInto(d32, v, 0, x, c.int("edge_order"))
			} else {
				GradientInto(d32, v, 0, num(argAny(c, "dx", 1.0)), c.int("edge_order"))
			}
			checkVals(t, name+"/f32", f64s(d32), c.want(), c.Tol)
		}
		checkVals(t, name, f64s(dst), c.want(), c.Tol)
	case "histogram":
		var (
			counts []int
			edges  []float64
			err    error
		)
		rng := c.floats("range")
		switch {
		case c.floats("edges") != nil:
			edges = c.floats("edges")
			counts, err = HistogramEdges(v, edges)
		case rng != nil:
			counts, edges, err = HistogramRange(v, c.int("bins"), rng[0], rng[1])
		default:
			counts, edges, err = Histogram(v, c.int("bins"))
		}
		if !checkErr(t, name, c, err) {
			return
		}
		w := c.wants()
		g := make([]float64, len(counts))
		for i, x := range counts {
			g[i] = float64(x)
		}
		checkVals(t, name+"/counts", g, w[0], 0)
		checkVals(t, name+"/edges", edges, w[1], 0)
	case "digitize":
		var right bool
		c.arg("right", &right)
		dst := Zeros[int](v.Shape()...)
		err := DigitizeInto(dst, v, c.floats("bins"), right)
		if checkErr(t, name, c, err) {
			checkVals(t, name, f64s(dst), c.want(), 0)
		}
	case "bincount":
		runBincount(t, name, c, v)
	case "isclose":
		b := convView[T](c.floats("b"))
		dst := Zeros[bool](v.Shape()...)
		var eq bool
		c.arg("equal_nan", &eq)
		rtol, atol := num(argAny(c, "rtol", 0.0)), num(argAny(c, "atol", 0.0))
		IscloseInto(dst, v, b, rtol, atol, eq)
		checkVals(t, name, boolFloats(dst), c.want(), 0)
	case "allclose":
		b := convView[T](c.floats("b"))
		checkVals(t, name, []float64{b2f(Allclose(v, b, 1e-5, 1e-8, false))}, c.want(), 0)
	case "array_equiv":
		b := convView[T](c.floats("b"))
		checkVals(t, name, []float64{b2f(ArrayEquiv(v, b))}, c.want(), 0)
	case "average":
		w := convView[float64](c.floats("weights"))
		w, _ = w.Reshape(v.Shape()...)
		avg, sw, err := Average(v, w)
		if checkErr(t, name, c, err) {
			ws := c.wants()
			checkVals(t, name, []float64{avg, sw}, []float64{ws[0][0], ws[1][0]}, c.Tol)
		}
	case "cov", "corrcoef":
		var rowvar bool
		c.arg("rowvar", &rowvar)
		dst := Zeros[float64](c.wshape()...)
		if c.Fn == "cov" {
			CovInto(dst, v, rowvar, c.int("ddof"))
		} else {
			CorrcoefInto(dst, v, rowvar)
		}
		checkVals(t, name, f64s(dst), c.want(), c.Tol)
	default:
		runStatsAxis(t, name, c, v, axis)
	}
}

// runStatsAxis runs the axis forms.
func runStatsAxis[T Real](t *testing.T, name string, c *statsCase, v NDView[T], axis int) {
	t.Helper()
	ws := c.wshape()
	if ws == nil {
		ws = reducedShape(v.Shape(), axis)
	}
	d := Zeros[float64](ws...)
	switch c.Fn {
	case "median_axis":
		MedianAxisInto(d, v, axis)
	case "quantile_axis", "nanquantile_axis":
		f := QuantilesAxisInto[float64, T]
		if c.Fn == "nanquantile_axis" {
			f = NanQuantilesAxisInto[float64, T]
		}
		if c.Error != "" {
			d = Zeros[float64](append([]int{len(c.floats("q"))}, reducedShape(v.Shape(), axis)...)...)
			d.Fill(7)
		}
		err := f(d, v, axis, c.floats("q"), c.method())
		if !checkErr(t, name, c, err) {
			for x := range d.Values() {
				if x != 7 {
					t.Errorf("%s: destination written on error", name)
					break
				}
			}
			return
		}
	case "var_axis":
		VarAxisInto(d, v, c.int("ddof"), axis)
	case "nanmean_axis":
		NanMeanAxisInto(d, v, axis)
	case "nanvar_axis":
		NanVarAxisInto(d, v, c.int("ddof"), axis)
	case "nanmedian_axis":
		NanMedianAxisInto(d, v, axis)
	case "trapz_axis":
		TrapezoidAxisInto(d, v, axis, nil, num(argAny(c, "dx", 1.0)))
	case "gradient_axis":
		if err := GradientInto(d, v, axis, num(argAny(c, "dx", 1.0)), c.int("edge_order")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	case "cumsum_axis", "nancumprod_axis", "nanmin_axis", "diff_axis":
		dt := Zeros[T](ws...)
		switch c.Fn {
		case "cumsum_axis":
			CumsumAxisInto(dt, v, axis)
		case "nancumprod_axis":
			NanCumprodAxisInto(dt, v, axis)
		case "nanmin_axis":
			NanMinAxisInto(dt, v, axis)
		case "diff_axis":
			DiffInto(dt, v, c.int("n"), axis)
		}
		checkVals(t, name, f64s(dt), c.want(), c.Tol)
		return
	case "nanargmax_axis":
		di := Zeros[int](ws...)
		err := NanArgmaxAxisInto(di, v, axis)
		if checkErr(t, name, c, err) {
			checkVals(t, name, f64s(di), c.want(), 0)
		}
		if c.Error != "" {
			for x := range di.Values() {
				if x != 0 {
					t.Errorf("%s: destination written on error", name)
				}
			}
		}
		return
	default:
		t.Fatalf("%s: unknown function %s", name, c.Fn)
	}
	checkVals(t, name, f64s(d), c.want(), c.Tol)
}

func runBincount[T Real](t *testing.T, name string, c *statsCase, v NDView[T]) {
	t.Helper()
	iv := Zeros[int64](v.Shape()...)
	for i, x := range v.ToSlice() {
		iv.Set(int64(x), i)
	}
	w := c.floats("weights")
	if w == nil {
		got, err := Bincount(iv, c.int("minlength"))
		if checkErr(t, name, c, err) {
			g := make([]float64, len(got))
			for i, x := range got {
				g[i] = float64(x)
			}
			checkVals(t, name, g, c.want(), 0)
		}
		return
	}
	got, err := BincountWeights(iv, convView[float64](w), c.int("minlength"))
	if checkErr(t, name, c, err) {
		checkVals(t, name, got, c.want(), 0)
	}
}

func runBoolCase(t *testing.T, name string, c *statsCase) {
	vals := nums(c.Data)
	a := make([]bool, len(vals))
	for i, x := range vals {
		a[i] = x != 0
	}
	v, _ := FromSlice(a)
	dst := Zeros[bool](c.wshape()...)
	DiffBoolInto(dst, v, c.int("n"), 0)
	checkVals(t, name, boolFloats(dst), c.want(), 0)
}

func argAny(c *statsCase, name string, def float64) any {
	var x any
	if !c.arg(name, &x) {
		return def
	}
	return x
}

func convView[T Real](xs []float64) NDView[T] {
	a := make([]T, len(xs))
	for i, x := range xs {
		a[i] = T(x)
	}
	v, _ := FromSlice(a)
	return v
}

func boolFloats(v NDView[bool]) []float64 {
	var out []float64
	for x := range v.Values() {
		out = append(out, b2f(x))
	}
	return out
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
