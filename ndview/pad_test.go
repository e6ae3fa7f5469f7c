package ndview

// Tests of Pad and PadInto (semantics.md §14): NumPy's answers from the
// fixture testdata/pad.json (written by testdata/pad_gen.py), and a naive
// oracle over random layouts.

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// padCase is one case of testdata/pad.json.
type padCase struct {
	DType    string         `json:"dtype"`
	Shape    []int          `json:"shape"`
	Data     []any          `json:"data"`
	Widths   [][2]int       `json:"widths"`
	Mode     string         `json:"mode"`
	Kwargs   map[string]any `json:"kwargs"`
	OutShape []int          `json:"out_shape"`
	Out      []any          `json:"out"`
	Error    string         `json:"error"`
}

func (c *padCase) String() string {
	return fmt.Sprintf("np.pad(%s%v, %v, %q, %v)", c.DType, c.Shape, c.Widths, c.Mode, c.Kwargs)
}

func TestPadNumPy(t *testing.T) {
	b, err := os.ReadFile("testdata/pad.json")
	require.NoError(t, err)
	var fx struct {
		NumPy string     `json:"numpy"`
		Cases []*padCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(b, &fx))
	require.Greater(t, len(fx.Cases), 1000)
	for _, c := range fx.Cases {
		switch c.DType {
		case "int64":
			runPadCase(t, c, func(x any) int64 { return int64(x.(float64)) })
		case "uint8":
			runPadCase(t, c, func(x any) uint8 { return uint8(x.(float64)) })
		case "int8":
			runPadCase(t, c, func(x any) int8 { return int8(x.(float64)) })
		case "float64":
			runPadCase(t, c, func(x any) float64 { return jsonFloat(x) })
		case "float32":
			runPadCase(t, c, func(x any) float32 { return float32(jsonFloat(x)) })
		case "float16":
			runPadCase(t, c, func(x any) float16.Float16 { return float16.Fromfloat32(float32(jsonFloat(x))) })
		case "bool":
			runPadCase(t, c, func(x any) bool { return x.(bool) })
		default:
			t.Fatalf("dtype %q", c.DType)
		}
	}
}

// jsonFloat returns a fixture number: a JSON number, or "inf", "-inf" or
// "nan".
func jsonFloat(x any) float64 {
	if s, ok := x.(string); ok {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			panic(err)
		}
		return f
	}
	return x.(float64)
}

// runPadCase runs one fixture case with elements of type T, made from
// JSON values by conv.
func runPadCase[T comparable](t *testing.T, c *padCase, conv func(any) T) {
	t.Helper()
	data := make([]T, len(c.Data))
	for i, x := range c.Data {
		data[i] = conv(x)
	}
	a, err := FromSlice(data, c.Shape...)
	require.NoError(t, err)
	mode := fixtureMode(t, c, conv)
	got, err := Pad(a, c.Widths, mode)
	if c.Error != "" {
		isErr(t, ErrShape, err)
		assert.Contains(t, err.Error(), "can't extend empty axis", "%v", c)
		return
	}
	require.NoError(t, err, "%v", c)
	require.Equal(t, c.OutShape, got.Shape(), "%v", c)
	want := make([]T, len(c.Out))
	for i, x := range c.Out {
		want[i] = conv(x)
	}
	if !slices.Equal(got.ToSlice(), want) {
		t.Errorf("%v\n got %v\nwant %v", c, got.ToSlice(), want)
	}
}

// fixtureMode builds the PadMode of a fixture case.
func fixtureMode[T any](t *testing.T, c *padCase, conv func(any) T) PadMode {
	pairs := func(x any) [][2]T {
		if l, ok := x.([]any); ok {
			out := make([][2]T, len(l))
			for i, p := range l {
				q := p.([]any)
				out[i] = [2]T{conv(q[0]), conv(q[1])}
			}
			return out
		}
		return [][2]T{{conv(x), conv(x)}}
	}
	var stat [][2]int
	if s, ok := c.Kwargs["stat_length"]; ok {
		for _, p := range s.([]any) {
			q := p.([]any)
			stat = append(stat, [2]int{int(q[0].(float64)), int(q[1].(float64))})
		}
	}
	odd := c.Kwargs["reflect_type"] == "odd"
	switch c.Mode {
	case "constant":
		if v, ok := c.Kwargs["constant_values"]; ok {
			return PadConstantPairs(pairs(v))
		}
		return PadMode{}
	case "edge":
		return PadEdge()
	case "reflect":
		if odd {
			return PadReflectOdd()
		}
		return PadReflect()
	case "symmetric":
		if odd {
			return PadSymmetricOdd()
		}
		return PadSymmetric()
	case "wrap":
		return PadWrap()
	case "linear_ramp":
		if v, ok := c.Kwargs["end_values"]; ok {
			return PadLinearRampPairs(pairs(v))
		}
		var zero T
		return PadLinearRamp(zero)
	case "maximum":
		return PadMaximum(stat...)
	case "minimum":
		return PadMinimum(stat...)
	case "mean":
		return PadMean(stat...)
	case "median":
		return PadMedian(stat...)
	}
	t.Fatalf("mode %q", c.Mode)
	return PadMode{}
}

// The naive oracle: NumPy's algorithm written element by element. The
// padded array is a C-ordered []int; the axes are padded in order, each
// along every line of its region (whole along the axes before it, the
// centre along the axes after it), and a line is padded by pad1D.

// oracleMode is a mode in the oracle's terms.
type oracleMode struct {
	kind padKind
	odd  bool
	vals [][2]int // per axis
	stat [][2]int // per axis
}

func oraclePad(a NDView[int], w [][2]int, m oracleMode) ([]int, []int) {
	sh := a.Shape()
	nd := len(sh)
	osh := make([]int, nd)
	for k := range sh {
		osh[k] = sh[k] + w[k][0] + w[k][1]
	}
	out := make([]int, shapeProduct(osh))
	st := cStrides(osh)
	forEachIndex(sh, func(idx []int) {
		o := 0
		for k, i := range idx {
			o += (i + w[k][0]) * st[k]
		}
		out[o] = a.At(idx...)
	})
	if a.Size() == 0 && m.kind != padConstant {
		return out, osh
	}
	for ax := range nd {
		// The region: every line along ax whose other indices lie in the
		// centre for the axes after ax.
		other := slices.Clone(osh)
		other[ax] = 1
		forEachIndex(other, func(idx []int) {
			for k := ax + 1; k < nd; k++ {
				if idx[k] < w[k][0] || idx[k] >= w[k][0]+sh[k] {
					return
				}
			}
			base := refOffset(0, st, idx)
			line := make([]int, osh[ax])
			for i := range line {
				line[i] = out[base+i*st[ax]]
			}
			pad1D(line, w[ax][0], sh[ax], w[ax][1], ax, m, rampAnyZero(out, osh, st, sh, w, ax, m))
			for i := range line {
				out[base+i*st[ax]] = line[i]
			}
		})
	}
	return out, osh
}

// rampAnyZero reports, for linear_ramp, whether any step of either border
// of axis ax is 0 (NumPy's linspace switches formula for the whole border
// then): [2]bool for the two borders.
func rampAnyZero(out, osh, st, sh []int, w [][2]int, ax int, m oracleMode) [2]bool {
	var z [2]bool
	if m.kind != padLinearRamp {
		return z
	}
	other := slices.Clone(osh)
	other[ax] = 1
	forEachIndex(other, func(idx []int) {
		for k := ax + 1; k < len(osh); k++ {
			if idx[k] < w[k][0] || idx[k] >= w[k][0]+sh[k] {
				return
			}
		}
		base := refOffset(0, st, idx)
		e0, e1 := out[base+w[ax][0]*st[ax]], out[base+(w[ax][0]+sh[ax]-1)*st[ax]]
		if w[ax][0] > 0 && float64(e0-m.vals[ax][0])/float64(w[ax][0]) == 0 {
			z[0] = true
		}
		if w[ax][1] > 0 && float64(e1-m.vals[ax][1])/float64(w[ax][1]) == 0 {
			z[1] = true
		}
	})
	return z
}

// pad1D pads line, whose centre is [b, b+n), by the rule of m.
func pad1D(line []int, b, n, a, ax int, m oracleMode, anyZero [2]bool) {
	L := len(line)
	switch {
	case m.kind == padConstant:
		for i := range b {
			line[i] = m.vals[ax][0]
		}
		for i := b + n; i < L; i++ {
			line[i] = m.vals[ax][1]
		}
	case m.kind == padEdge || (m.kind == padReflect || m.kind == padSymmetric) && n == 1:
		for i := range b {
			line[i] = line[b]
		}
		for i := b + n; i < L; i++ {
			line[i] = line[b+n-1]
		}
	case m.kind == padWrap:
		// Rounds of periodic copies, as NumPy 1.24 does: not a plain
		// modulo when one border is wider than the other and than the
		// axis (np.pad([1, 2, 3], (1, 7), "wrap") ends 3 3 1 2 3).
		lp, rp := b, a
		for lp > 0 || rp > 0 {
			period := L - lp - rp
			nl, nr := 0, 0
			if lp > 0 {
				c := min(period, lp)
				for t := range c {
					line[lp-c+t] = line[L-rp-c+t]
				}
				nl = lp - c
			}
			if rp > 0 {
				c := min(period, rp)
				for t := range c {
					line[L-rp+t] = line[lp+t]
				}
				nr = rp - c
			}
			lp, rp = nl, nr
		}
	case m.kind == padReflect || m.kind == padSymmetric:
		eo := 0
		if m.kind == padSymmetric {
			eo = 1
		}
		lp, rp := b, a
		for lp > 0 || rp > 0 {
			old := L - lp - rp - 1 + eo
			if lp > 0 {
				c := min(old, lp)
				for t := range c {
					x := line[lp-eo+1+t]
					if m.odd {
						x = 2*line[lp] - x
					}
					line[lp-1-t] = x
				}
				lp -= c
			}
			if rp > 0 {
				c := min(old, rp)
				for t := range c {
					x := line[L-rp+eo-2-t]
					if m.odd {
						x = 2*line[L-rp-1] - x
					}
					line[L-rp+t] = x
				}
				rp -= c
			}
		}
	case m.kind == padLinearRamp:
		for side, width := range [2]int{b, a} {
			end, edge := float64(m.vals[ax][side]), float64(line[b])
			if side == 1 {
				edge = float64(line[b+n-1])
			}
			div := float64(width)
			for i := range width {
				var y float64
				if anyZero[side] {
					y = float64(i)/div*(edge-end) + end
				} else {
					y = float64(i)*((edge-end)/div) + end
				}
				if side == 0 {
					line[i] = int(math.Floor(y))
				} else {
					line[L-1-i] = int(math.Floor(y))
				}
			}
		}
	default:
		for side, width := range [2]int{b, a} {
			if width == 0 {
				continue
			}
			sl := m.stat[ax][side]
			if sl == 0 || sl > n {
				sl = n
			}
			vals := slices.Clone(line[b : b+sl])
			if side == 1 {
				vals = slices.Clone(line[b+n-sl : b+n])
			}
			var r int
			switch m.kind {
			case padMaximum:
				r = slices.Max(vals)
			case padMinimum:
				r = slices.Min(vals)
			case padMean:
				s := 0.0
				for _, x := range vals {
					s += float64(x)
				}
				r = int(math.RoundToEven(s / float64(len(vals))))
			case padMedian:
				slices.Sort(vals)
				k := len(vals)
				if k%2 == 1 {
					r = vals[k/2]
				} else {
					r = int(math.RoundToEven((float64(vals[k/2-1]) + float64(vals[k/2])) / 2))
				}
			}
			if side == 0 {
				for i := range b {
					line[i] = r
				}
			} else {
				for i := b + n; i < L; i++ {
					line[i] = r
				}
			}
		}
	}
}

// randomPadMode draws a mode for an array of nd axes: the PadMode and the
// oracle's description of it.
func randomPadMode(r *rand.Rand, nd int) (PadMode, oracleMode) {
	kind := padKind(r.IntN(len(padNames)))
	om := oracleMode{kind: kind, vals: make([][2]int, nd), stat: make([][2]int, nd)}
	var m PadMode
	pairs := func(lo, hi int) [][2]int {
		if r.IntN(3) == 0 {
			return nil
		}
		p := make([][2]int, 1+r.IntN(2)*(nd-1))
		for i := range p {
			p[i] = [2]int{lo + r.IntN(hi-lo), lo + r.IntN(hi-lo)}
		}
		return p
	}
	fill := func(dst, p [][2]int) {
		for k := range dst {
			switch len(p) {
			case 0:
			case 1:
				dst[k] = p[0]
			default:
				dst[k] = p[k]
			}
		}
	}
	switch kind {
	case padConstant, padLinearRamp:
		p := pairs(-50, 50)
		fill(om.vals, p)
		if kind == padConstant {
			m = PadConstantPairs(p)
		} else {
			m = PadLinearRampPairs(p)
		}
		if p == nil && kind == padConstant {
			m = PadMode{}
		}
	case padEdge:
		m = PadEdge()
	case padReflect, padSymmetric:
		om.odd = r.IntN(2) == 0
		m = map[[2]bool]PadMode{{false, false}: PadReflect(), {false, true}: PadReflectOdd(),
			{true, false}: PadSymmetric(), {true, true}: PadSymmetricOdd()}[[2]bool{kind == padSymmetric, om.odd}]
	case padWrap:
		m = PadWrap()
	default:
		p := pairs(0, 4)
		fill(om.stat, p)
		m = map[padKind]func(...[2]int) PadMode{padMaximum: PadMaximum, padMinimum: PadMinimum,
			padMean: PadMean, padMedian: PadMedian}[kind](p...)
	}
	return m, om
}

// TestPadOracle compares Pad and PadInto with the oracle on random
// layouts of the input and of the destination, random widths (often wider
// than the axis) and every mode.
func TestPadOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 1))
	for trial := range 500 { // about 50 of each mode
		la := randomLayout(r, layoutOpts{MaxRank: 4, MaxSize: 60})
		buf := counting(la.N)
		for i := range buf {
			buf[i] = buf[i]*7%23 - 11 // values with repeats and signs
		}
		a := layoutView(la, buf)
		nd := a.NDim()
		w := make([][2]int, nd)
		for k := range w {
			w[k] = [2]int{r.IntN(8) * r.IntN(2), r.IntN(8) * r.IntN(2)}
		}
		widths := w
		if nd > 0 && r.IntN(4) == 0 {
			widths = [][2]int{w[0]}
			for k := range w {
				w[k] = w[0]
			}
		}
		mode, om := randomPadMode(r, nd)
		name := fmt.Sprintf("trial %d: %v %v %v", trial, la, widths, mode)

		wantErr := false
		if om.kind != padConstant {
			for k, n := range a.Shape() {
				wantErr = wantErr || n == 0 && w[k] != [2]int{}
			}
		}
		got, err := Pad(a, widths, mode)
		if wantErr {
			isErr(t, ErrShape, err)
			continue
		}
		require.NoError(t, err, name)
		want, wsh := oraclePad(a, w, om)
		require.Equal(t, wsh, got.Shape(), name)
		require.Equal(t, want, got.ToSlice(), name)
		require.True(t, got.IsCContiguous() && !got.ReadOnly(), name)

		// PadInto a destination of any writable layout; the guard values
		// around it survive.
		ld := randomLayout(r, layoutOpts{Shape: wsh, Writable: true})
		dbuf, dst := ld.guarded()
		require.NoError(t, PadInto(dst, a, widths, mode), name)
		require.Equal(t, want, dst.ToSlice(), name)
		checkGuards(t, dbuf, dst, name)
	}
}

// TestPadIntoOverlap pads a view into a destination that shares its
// memory: the result is that of a copy of the input.
func TestPadIntoOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 2))
	for trial := range 300 {
		buf := make([]int, 64)
		for i := range buf {
			buf[i] = i*5%17 - 8
		}
		all, _ := FromSlice(buf, 8, 8)
		mode, _ := randomPadMode(r, 2)
		// The input: a window of the destination, maybe reversed.
		dst := all.Slice(Range(r.IntN(2), 8-r.IntN(2)), Range(r.IntN(2), 8-r.IntN(2)))
		b0, b1 := r.IntN(3), r.IntN(3)
		a := dst.Slice(Range(b0, dst.Shape()[0]-r.IntN(3)), Range(b1, dst.Shape()[1]-r.IntN(3)))
		if r.IntN(2) == 0 {
			a = a.Flip()
		}
		w := [][2]int{{b0, dst.Shape()[0] - a.Shape()[0] - b0}, {b1, dst.Shape()[1] - a.Shape()[1] - b1}}
		want, err := Pad(a.Clone(), w, mode)
		require.NoError(t, err)
		require.NoError(t, PadInto(dst, a, w, mode))
		require.Equal(t, want.ToSlice(), dst.ToSlice(), "trial %d: %v %v", trial, w, mode)
	}
}

// TestPadAnyType pads strings (T any) in the data-movement modes, and
// checks that the result shares nothing with the input.
func TestPadAnyType(t *testing.T) {
	ints, _ := FromSlice(arange(6), 2, 3)
	strs := make([]string, 6)
	for i := range strs {
		strs[i] = fmt.Sprint(i)
	}
	s, _ := FromSlice(strs, 2, 3)
	for _, m := range []PadMode{PadEdge(), PadReflect(), PadSymmetric(), PadWrap(), PadConstant("x")} {
		got, err := Pad(s, [][2]int{{3, 4}}, m)
		require.NoError(t, err)
		im := m
		if m.kind == padConstant {
			im = PadConstant(-1)
		}
		want, err := Pad(ints, [][2]int{{3, 4}}, im)
		require.NoError(t, err)
		ws := make([]string, 0, want.Size())
		for x := range want.Values() {
			if x == -1 {
				ws = append(ws, "x")
			} else {
				ws = append(ws, fmt.Sprint(x))
			}
		}
		assert.Equal(t, ws, got.ToSlice(), "%v", m)
		got.Set("changed", 4, 4)
		assert.Equal(t, "1", s.At(0, 1), "the result shares nothing with the input")
	}
}

// TestPadExamples pins the documented one-line examples.
func TestPadExamples(t *testing.T) {
	a, _ := FromSlice([]int{1, 2, 3})
	for _, c := range []struct {
		m    PadMode
		want []int
	}{
		{PadReflect(), []int{3, 2, 1, 2, 3, 2, 1}},
		{PadSymmetric(), []int{2, 1, 1, 2, 3, 3, 2}},
		{PadWrap(), []int{2, 3, 1, 2, 3, 1, 2}},
		{PadEdge(), []int{1, 1, 1, 2, 3, 3, 3}},
		{PadMode{}, []int{0, 0, 1, 2, 3, 0, 0}},
		{PadReflectOdd(), []int{-1, 0, 1, 2, 3, 4, 5}},
	} {
		got, err := Pad(a, [][2]int{{2, 2}}, c.m)
		require.NoError(t, err)
		assert.Equal(t, c.want, got.ToSlice(), "%v", c.m)
	}
	// reflect wider than the axis (NumPy: np.pad([1, 2, 3], (0, 7), "reflect")).
	got, _ := Pad(a, [][2]int{{0, 7}}, PadReflect())
	assert.Equal(t, []int{1, 2, 3, 2, 1, 2, 3, 2, 1, 2}, got.ToSlice())
	// reflect on an axis of extent 1 repeats the edge (semantics.md §10 Q8).
	one, _ := FromSlice([]int{5})
	got, _ = Pad(one, [][2]int{{2, 1}}, PadReflect())
	assert.Equal(t, []int{5, 5, 5, 5}, got.ToSlice())
	// 0-d: nothing to pad.
	z := Scalar(4)
	got, err := Pad(z, nil, PadWrap())
	require.NoError(t, err)
	assert.Equal(t, []int{}, got.Shape())
	assert.Equal(t, 4, got.At())
}

func TestPadErrors(t *testing.T) {
	a, _ := FromSlice(arange(6), 2, 3)
	panics(t, ErrShape, func() { Pad(a, [][2]int{{1, -1}}, PadEdge()) })
	panics(t, ErrShape, func() { Pad(a, [][2]int{{1, 1}, {1, 1}, {1, 1}}, PadEdge()) })
	panics(t, ErrShape, func() { Pad(a, nil, PadEdge()) })
	panics(t, ErrShape, func() { Pad(a, [][2]int{{1, 1}}, PadMean([2]int{-1, 2})) })
	panics(t, ErrShape, func() { Pad(a, [][2]int{{1, 1}}, PadConstantPairs([][2]int{{1, 1}, {1, 1}, {1, 1}})) })
	panics(t, ErrOverflow, func() { Pad(a, [][2]int{{math.MaxInt - 1, 1}}, PadEdge()) })
	panics(t, ErrOverflow, func() { Pad(a, [][2]int{{math.MaxInt / 4, 0}}, PadEdge()) })
	msg := panics(t, ErrType, func() { Pad(a, [][2]int{{1, 1}}, PadConstant(1.5)) })
	assert.Contains(t, msg, "float64")
	b, _ := FromSlice([]bool{true, false})
	panics(t, ErrType, func() { Pad(b, [][2]int{{1, 1}}, PadMean()) })
	panics(t, ErrType, func() { Pad(b, [][2]int{{1, 1}}, PadReflectOdd()) })
	s, _ := FromSlice([]string{"a"})
	panics(t, ErrType, func() { Pad(s, [][2]int{{1, 1}}, PadLinearRamp("z")) })
	c, _ := FromSlice([]complex128{1, 2i})
	panics(t, ErrType, func() { Pad(c, [][2]int{{1, 1}}, PadMaximum()) })
	got, err := Pad(c, [][2]int{{1, 1}}, PadReflectOdd())
	require.NoError(t, err)
	assert.Equal(t, []complex128{2 - 2i, 1, 2i, -1 + 4i}, got.ToSlice())

	// Destinations: read-only, wrong shape; nothing written.
	dbuf := newGuarded(20)
	dst, _ := FromSlice(dbuf, 4, 5)
	panics(t, ErrReadOnly, func() { PadInto(dst.AsReadOnly(), a, [][2]int{{1, 1}}, PadEdge()) })
	panics(t, ErrShape, func() { PadInto(dst, a, [][2]int{{1, 2}}, PadEdge()) })
	panics(t, ErrShape, func() { PadInto(dst, a, [][2]int{{1, -1}}, PadEdge()) })

	// An empty axis cannot be extended but by constant: an error, and
	// the destination untouched.
	e := Zeros[int](0, 3)
	_, err = Pad(e, [][2]int{{1, 0}, {0, 0}}, PadEdge())
	msg = isErr(t, ErrShape, err)
	assert.Contains(t, msg, "can't extend empty axis 0")
	ed, _ := FromSlice(dbuf[:3], 1, 3)
	isErr(t, ErrShape, PadInto(ed, e, [][2]int{{1, 0}, {0, 0}}, PadWrap()))
	for i, x := range dbuf {
		require.Equal(t, guardValue(i), x)
	}
	got2, err := Pad(e, [][2]int{{0, 0}, {2, 2}}, PadReflect()) // only the non-empty axis
	require.NoError(t, err)
	assert.Equal(t, []int{0, 7}, got2.Shape())
	got2, err = Pad(e, [][2]int{{1, 0}, {1, 0}}, PadConstant(9))
	require.NoError(t, err)
	assert.Equal(t, []int{9, 9, 9, 9}, got2.ToSlice())
}

func TestPadAllocs(t *testing.T) {
	a, _ := FromSlice(make([]uint8, 4*5*3), 4, 5, 3)
	dst := Zeros[uint8](8, 9, 3)
	w := [][2]int{{2, 2}, {2, 2}, {0, 0}}
	for _, m := range []PadMode{PadMode{}, PadEdge(), PadReflect(), PadSymmetric(), PadWrap()} {
		n := testing.AllocsPerRun(20, func() { PadInto(dst, a, w, m) })
		assert.Zero(t, n, "%v", m)
	}
}
