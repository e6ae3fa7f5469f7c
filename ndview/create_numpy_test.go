package ndview

// The creation routines against NumPy 1.24's answers, read from
// testdata/create.json (written by testdata/create_gen.py; semantics.md
// §12).

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// createFixture is testdata/create.json. Scalars are strings (see the
// generator): floats in Python's repr, integers in decimal.
type createFixture struct {
	Arange    []rangeCase `json:"arange"`
	ArangeN   []rangeCase `json:"arangen"`
	Linspace  []rangeCase `json:"linspace"`
	Logspace  []rangeCase `json:"logspace"`
	Geomspace []rangeCase `json:"geomspace"`
	Eye       []matCase   `json:"eye"`
	Tri       []matCase   `json:"tri"`
	Triangle  []struct {
		Shape    []int    `json:"shape"`
		K        int      `json:"k"`
		OutShape []int    `json:"outshape"`
		Tril     []string `json:"tril"`
		Triu     []string `json:"triu"`
	} `json:"triangle"`
	Diag []struct {
		Flat     bool     `json:"flat"`
		Shape    []int    `json:"shape"`
		K        int      `json:"k"`
		OutShape []int    `json:"outshape"`
		Values   []string `json:"values"`
	} `json:"diag"`
	Indices []struct {
		Shape    []int    `json:"shape"`
		OutShape []int    `json:"outshape"`
		Values   []string `json:"values"`
	} `json:"indices"`
	Meshgrid []struct {
		N        int    `json:"n"`
		Indexing string `json:"indexing"`
		Grids    []struct {
			Shape  []int    `json:"shape"`
			Values []string `json:"values"`
		} `json:"grids"`
	} `json:"meshgrid"`
	Like []struct {
		Name    string `json:"name"`
		Shape   []int  `json:"shape"`
		Strides []int  `json:"strides"`
	} `json:"like"`
}

// rangeCase is one case of Arange, ArangeN, Linspace, Logspace or
// Geomspace; Step is Arange's argument and Linspace's retstep.
type rangeCase struct {
	DType    string   `json:"dtype"`
	Start    string   `json:"start"`
	Stop     string   `json:"stop"`
	Step     string   `json:"step"`
	Base     string   `json:"base"`
	N        int      `json:"n"`
	Num      int      `json:"num"`
	Endpoint bool     `json:"endpoint"`
	Values   []string `json:"values"`
}

func (c rangeCase) String() string {
	return fmt.Sprintf("%s(%s, %s, step %s, n %d, num %d, endpoint %v, base %s)",
		c.DType, c.Start, c.Stop, c.Step, c.N, c.Num, c.Endpoint, c.Base)
}

// matCase is one case of Eye or Tri, with int64 values.
type matCase struct {
	N      int      `json:"n"`
	M      int      `json:"m"`
	K      int      `json:"k"`
	Values []string `json:"values"`
}

func loadCreateFixture(t *testing.T) createFixture {
	t.Helper()
	b, err := os.ReadFile("testdata/create.json")
	require.NoError(t, err)
	var f createFixture
	require.NoError(t, json.Unmarshal(b, &f))
	require.NotEmpty(t, f.Arange)
	return f
}

// parseReal parses a fixture scalar as a T.
func parseReal[T Real](t testing.TB, s string) T {
	t.Helper()
	switch {
	case isIntType[T]() && isUintType[T]():
		u, err := strconv.ParseUint(s, 10, 64)
		require.NoError(t, err, s)
		return T(u)
	case isIntType[T]():
		i, err := strconv.ParseInt(s, 10, 64)
		require.NoError(t, err, s)
		return T(i)
	}
	f, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, s)
	if isF16Type[T]() {
		return T(f64ToF16(f))
	}
	return T(f)
}

func parseF64(t testing.TB, s string) float64 {
	t.Helper()
	f, err := strconv.ParseFloat(s, 64)
	require.NoError(t, err, s)
	return f
}

// ulpsApart returns how many float64 (or float32, for 4-byte T) steps lie
// between a and b; 0 when both are NaN or equal, a large number when only
// one is NaN or their signs differ.
func ulpsApart[T Real](a, b T) int64 {
	x, y := realToF64(a), realToF64(b)
	if x == y || math.IsNaN(x) && math.IsNaN(y) {
		return 0
	}
	if math.IsNaN(x) || math.IsNaN(y) || math.Signbit(x) != math.Signbit(y) {
		return math.MaxInt64
	}
	if isF16Type[T]() {
		d := int64(uint16(a)&0x7fff) - int64(uint16(b)&0x7fff)
		return max(d, -d)
	}
	if isIntType[T]() {
		return math.MaxInt64
	}
	if mem.Sizeof[T]() == 4 {
		d := int64(math.Float32bits(float32(math.Abs(x)))) - int64(math.Float32bits(float32(math.Abs(y))))
		return max(d, -d)
	}
	d := int64(math.Float64bits(math.Abs(x))) - int64(math.Float64bits(math.Abs(y)))
	return max(d, -d)
}

// checkValues requires the 1-D array got to hold want, exactly (NaN equal
// to NaN) when ulps is 0, and within ulps steps otherwise; it returns the
// largest distance seen.
func checkValues[T Real](t *testing.T, name string, got NDView[T], want []string, ulps int64) int64 {
	t.Helper()
	require.Equal(t, []int{len(want)}, got.Shape(), "%s: shape", name)
	require.True(t, got.IsCContiguous(), "%s: not C-contiguous", name)
	require.False(t, got.ReadOnly(), "%s: read-only", name)
	var worst int64
	for i, w := range want {
		g, wv := got.At(i), parseReal[T](t, w)
		d := ulpsApart(g, wv)
		worst = max(worst, d)
		if d > ulps {
			t.Errorf("%s: element %d = %v, want %v (NumPy), %d ulps apart", name, i, g, wv, d)
		}
	}
	return worst
}

// runRangeCase runs one fixture case of the routine kind for element type
// T and returns the largest distance from NumPy, in ulps.
func runRangeCase[T Real](t *testing.T, kind string, c rangeCase) int64 {
	name := kind + " " + c.String()
	switch kind {
	case "arange":
		return checkValues(t, name, Arange(parseReal[T](t, c.Start), parseReal[T](t, c.Stop), parseReal[T](t, c.Step)), c.Values, 0)
	case "arangen":
		return checkValues(t, name, ArangeN[T](c.N), c.Values, 0)
	case "linspace":
		v, step := LinspaceStep(parseReal[T](t, c.Start), parseReal[T](t, c.Stop), c.Num, c.Endpoint)
		want := parseF64(t, c.Step)
		assert.True(t, step == want || math.IsNaN(step) && math.IsNaN(want), "%s: step %v, want %v", name, step, want)
		w := Linspace(parseReal[T](t, c.Start), parseReal[T](t, c.Stop), c.Num, c.Endpoint)
		for i, x := range values(w) {
			assert.Zero(t, ulpsApart(x, v.At(i)), "%s: Linspace and LinspaceStep differ at %d", name, i)
		}
		return checkValues(t, name, v, c.Values, 0)
	case "logspace":
		v := Logspace[T](parseF64(t, c.Start), parseF64(t, c.Stop), c.Num, c.Endpoint, parseF64(t, c.Base))
		return checkValues(t, name, v, c.Values, 4) // semantics.md Z6
	case "geomspace":
		v := Geomspace(parseReal[T](t, c.Start), parseReal[T](t, c.Stop), c.Num, c.Endpoint)
		return checkValues(t, name, v, c.Values, 4)
	}
	t.Fatalf("unknown routine %q", kind)
	return 0
}

// runRange dispatches a case on its dtype.
func runRange(t *testing.T, kind string, c rangeCase) int64 {
	switch c.DType {
	case "float64":
		return runRangeCase[float64](t, kind, c)
	case "float32":
		return runRangeCase[float32](t, kind, c)
	case "float16":
		return runRangeCase[float16.Float16](t, kind, c)
	case "int64":
		return runRangeCase[int64](t, kind, c)
	case "int32":
		return runRangeCase[int32](t, kind, c)
	case "int16":
		return runRangeCase[int16](t, kind, c)
	case "int8":
		return runRangeCase[int8](t, kind, c)
	case "uint8":
		return runRangeCase[uint8](t, kind, c)
	case "uint64":
		return runRangeCase[uint64](t, kind, c)
	}
	t.Fatalf("unknown dtype %q", c.DType)
	return 0
}

func TestCreateRangesMatchNumPy(t *testing.T) {
	f := loadCreateFixture(t)
	for _, g := range []struct {
		kind  string
		cases []rangeCase
	}{{"arange", f.Arange}, {"arangen", f.ArangeN}, {"linspace", f.Linspace}, {"logspace", f.Logspace}, {"geomspace", f.Geomspace}} {
		t.Run(g.kind, func(t *testing.T) {
			require.NotEmpty(t, g.cases)
			var worst int64
			for _, c := range g.cases {
				worst = max(worst, runRange(t, g.kind, c))
			}
			t.Logf("%s: %d cases, largest distance from NumPy %d ulps", g.kind, len(g.cases), worst)
		})
	}
}

// intValues returns v's elements in C order as decimal strings, the
// fixture's notation for integers.
func intValues[T Real](v NDView[T]) []string {
	out := []string{}
	for _, x := range values(v) {
		out = append(out, strconv.FormatInt(int64(x), 10))
	}
	return out
}

func TestCreateMatricesMatchNumPy(t *testing.T) {
	f := loadCreateFixture(t)
	for _, c := range f.Eye {
		v := Eye[int64](c.N, c.M, c.K)
		assert.Equal(t, []int{c.N, c.M}, v.Shape())
		assert.Equal(t, c.Values, intValues(v), "Eye(%d, %d, %d)", c.N, c.M, c.K)
	}
	for _, c := range f.Tri {
		v := Tri[int64](c.N, c.M, c.K)
		assert.Equal(t, []int{c.N, c.M}, v.Shape())
		assert.Equal(t, c.Values, intValues(v), "Tri(%d, %d, %d)", c.N, c.M, c.K)
	}
	for _, c := range f.Triangle {
		a := int64Counting(t, c.Shape)
		lo, up := Tril(a, c.K), Triu(a, c.K)
		assert.Equal(t, c.OutShape, lo.Shape(), "Tril %v k %d", c.Shape, c.K)
		assert.Equal(t, c.OutShape, up.Shape(), "Triu %v k %d", c.Shape, c.K)
		assert.Equal(t, c.Tril, intValues(lo), "Tril %v k %d", c.Shape, c.K)
		assert.Equal(t, c.Triu, intValues(up), "Triu %v k %d", c.Shape, c.K)
		assert.True(t, lo.IsCContiguous() && up.IsCContiguous())
	}
	for _, c := range f.Diag {
		a := int64Counting(t, c.Shape)
		var v NDView[int64]
		if c.Flat {
			v = Diagflat(a, c.K)
		} else {
			v = Diag(a, c.K)
		}
		assert.Equal(t, c.OutShape, v.Shape(), "Diag flat %v %v k %d", c.Flat, c.Shape, c.K)
		assert.Equal(t, c.Values, intValues(v), "Diag flat %v %v k %d", c.Flat, c.Shape, c.K)
	}
	for _, c := range f.Indices {
		v := Indices(c.Shape...)
		assert.Equal(t, c.OutShape, v.Shape(), "Indices%v", c.Shape)
		assert.Equal(t, c.Values, intValues(v), "Indices%v", c.Shape)
	}
}

// int64Counting returns a new C-contiguous int64 array of shape holding
// 1, 2, …, as the generator's arange(1, 1 + size).
func int64Counting(t testing.TB, shape []int) NDView[int64] {
	data := make([]int64, shapeProduct(shape))
	for i := range data {
		data[i] = int64(i + 1)
	}
	v, err := FromSlice(data, shape...)
	require.NoError(t, err)
	return v
}

func TestMeshgridMatchesNumPy(t *testing.T) {
	f := loadCreateFixture(t)
	// The generator's inputs: [1, 2, 3], [4, 5], [6, 7, 8, 9].
	ins := []NDView[int64]{int64Counting(t, []int{3}), int64Counting(t, []int{2}), int64Counting(t, []int{4})}
	AddScalarInto(ins[1], ins[1], 3)
	AddScalarInto(ins[2], ins[2], 5)
	require.Len(t, f.Meshgrid, 8)
	for _, c := range f.Meshgrid {
		ix := MeshXY
		if c.Indexing == "ij" {
			ix = MeshIJ
		}
		gs := Meshgrid(ix, ins[:c.N]...)
		require.Len(t, gs, len(c.Grids))
		for k, g := range gs {
			assert.Equal(t, c.Grids[k].Shape, g.Shape(), "Meshgrid(%s, %d inputs) grid %d", c.Indexing, c.N, k)
			assert.Equal(t, c.Grids[k].Values, intValues(g), "Meshgrid(%s, %d inputs) grid %d", c.Indexing, c.N, k)
			assert.True(t, g.ReadOnly())
		}
	}
}

// likePrototypes builds, from arange(24) as (2, 3, 4) int64, the
// prototypes of the generator's "like" cases.
func likePrototypes(t *testing.T) map[string]NDView[int64] {
	b := int64Counting(t, []int{2, 3, 4})
	fb := int64Counting(t, []int{4, 3, 2}).T()
	sliced, err := b.Index(":, ::-1, ::2")
	require.NoError(t, err)
	newAxis, err := b.Index(":, None, 1")
	require.NoError(t, err)
	col, err := int64Counting(t, []int{3}).Reshape(3, 1)
	require.NoError(t, err)
	rows, err := col.BroadcastTo(3, 4)
	require.NoError(t, err)
	cols, err := int64Counting(t, []int{3}).BroadcastTo(4, 3)
	require.NoError(t, err)
	return map[string]NDView[int64]{
		"C": b, "T": b.T(), "transpose102": b.Transpose(1, 0, 2), "sliced": sliced,
		"F": fb, "newaxis": newAxis, "swap12": b.SwapAxes(1, 2).Flip(0),
		"bcast_rows": rows, "bcast_cols": cols,
	}
}

func TestLikeOrderMatchesNumPy(t *testing.T) {
	f := loadCreateFixture(t)
	protos := likePrototypes(t)
	require.Len(t, f.Like, len(protos))
	for _, c := range f.Like {
		p, ok := protos[c.Name]
		require.True(t, ok, c.Name)
		want := c.Strides
		if c.Name == "bcast_cols" {
			// semantics.md Z2, Difference: NumPy sorts the zero stride
			// innermost and answers (1, 4), an F-ordered array; a
			// broadcast prototype gives C order here.
			assert.Equal(t, []int{1, 4}, want, "the fixture no longer shows the difference")
			want = []int{3, 1}
		}
		for name, v := range map[string]NDView[int64]{
			"ZerosLike": ZerosLike(p), "EmptyLike": EmptyLike(p), "OnesLike": OnesLike(p), "FullLike": FullLike(p, 7),
		} {
			assert.Equal(t, c.Shape, v.Shape(), "%s(%s)", name, c.Name)
			assert.Equal(t, want, v.Strides(), "%s(%s)", name, c.Name)
		}
	}
}
