package linalg

import (
	"encoding/json"
	"fmt"
	"math"
	"math/cmplx"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ndkit/ndkit/ndview"
)

// NumPy 1.24's answers, written by testdata/linalg_gen.py (run it with
// /usr/bin/python3 from testdata/ to regenerate linalg.json). Every case
// runs in float64 and float32, each operand in C order and as the
// transpose of an F-order copy. Tolerance: |got − want| <= tol·(1 + max|want|)
// per case, tol = 1e-12 for float64 and 1e-5 for float32 (NumPy rounds its
// float64 answers; the inputs have condition numbers below 100).

type fixArray struct {
	Shape []int      `json:"shape"`
	Data  []fixFloat `json:"data"`
	Imag  []float64  `json:"imag"`
}

// fixFloat is a number of the fixture, where "inf", "-inf" and "nan"
// stand for the values JSON cannot write.
type fixFloat float64

func (f *fixFloat) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		x, err := strconv.ParseFloat(s, 64)
		*f = fixFloat(x)
		return err
	}
	var x float64
	err := json.Unmarshal(b, &x)
	*f = fixFloat(x)
	return err
}

type fixCase struct {
	Op     string         `json:"op"`
	Inputs []fixArray     `json:"inputs"`
	Want   []fixArray     `json:"want"`
	Params map[string]any `json:"params"`
}

func loadFixtures(t *testing.T) []fixCase {
	raw, err := os.ReadFile("testdata/linalg.json")
	require.NoError(t, err)
	var f struct {
		Numpy string    `json:"numpy"`
		Cases []fixCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(raw, &f))
	require.Equal(t, "1.24.2", f.Numpy)
	return f.Cases
}

// fixView returns the fixture array as a view of T, F-ordered when f is
// set (the same values, read through a transposed layout).
func fixView[T Float](a fixArray, fortran bool) ndview.NDView[T] {
	data := make([]T, len(a.Data))
	for i, x := range a.Data {
		data[i] = T(float64(x))
	}
	v, err := ndview.FromSlice(data, a.Shape...)
	if err != nil {
		panic(err)
	}
	if !fortran || v.NDim() < 2 {
		return v
	}
	rev := slices.Clone(a.Shape)
	slices.Reverse(rev)
	f := ndview.Zeros[T](rev...).T()
	f.CopyFrom(v)
	return f
}

func parseOrd(t *testing.T, s any) Ord {
	switch s {
	case "none", nil:
		return OrdDefault
	case "fro":
		return OrdFro
	case "nuc":
		return OrdNuc
	case "inf":
		return OrdP(math.Inf(1))
	}
	p, err := strconv.ParseFloat(s.(string), 64)
	require.NoError(t, err)
	return OrdP(p)
}

func intsParam(p any) []int {
	var out []int
	for _, x := range p.([]any) {
		out = append(out, int(x.(float64)))
	}
	return out
}

// runFixture returns the results of c computed by ndkit, as float64 views.
func runFixture[T Float](t *testing.T, c fixCase, fortran bool) []ndview.NDView[float64] {
	in := make([]ndview.NDView[T], len(c.Inputs))
	for i, a := range c.Inputs {
		in[i] = fixView[T](a, fortran)
	}
	must := func(v ndview.NDView[T], err error) ndview.NDView[T] {
		require.NoError(t, err)
		return v
	}
	num := func(p string) int { return int(c.Params[p].(float64)) }
	var out []ndview.NDView[T]
	switch c.Op {
	case "det":
		out = append(out, Det(in[0]))
	case "slogdet":
		s, l := Slogdet(in[0])
		out = append(out, s, l)
	case "inv":
		out = append(out, must(Inv(in[0])))
	case "solve":
		out = append(out, must(Solve(in[0], in[1])))
	case "cholesky":
		out = append(out, must(Cholesky(in[0], false)))
	case "eigvalsh":
		out = append(out, must(Eigvalsh(in[0], false)))
	case "svdvals":
		out = append(out, must(Svdvals(in[0])))
	case "qr_abs_r":
		_, r := QR(in[0], QRR)
		r.Apply(func(x T) T { return T(math.Abs(float64(x))) })
		out = append(out, r)
	case "pinv":
		out = append(out, must(Pinv(in[0], 1e-15)))
	case "eigvals_sorted":
		w, err := Eigvals(in[0])
		require.NoError(t, err)
		vals := w.ToSlice()
		slices.SortFunc(vals, func(a, b complex128) int {
			if real(a) != real(b) {
				return int(math.Copysign(1, real(a)-real(b)))
			}
			return int(math.Copysign(1, imag(a)-imag(b)))
		})
		re, im := ndview.Zeros[float64](len(vals)), ndview.Zeros[float64](len(vals))
		for i, z := range vals {
			re.Set(real(z), i)
			im.Set(imag(z), i)
		}
		return []ndview.NDView[float64]{re, im}
	case "matrix_rank":
		r, err := MatrixRank(in[0], -1)
		require.NoError(t, err)
		f := ndview.Zeros[float64](r.Shape()...)
		ndview.ConvertInto(f, r)
		return []ndview.NDView[float64]{f}
	case "lstsq":
		x, res, rank, s, err := Lstsq(in[0], in[1], -1)
		require.NoError(t, err)
		out = append(out, x, res, ndview.Scalar(T(rank)), s)
	case "norm_vec", "norm_mat", "norm_all":
		out = append(out, Norm(in[0], parseOrd(t, c.Params["ord"])))
	case "norm_axis":
		out = append(out, Norm(in[0], parseOrd(t, c.Params["ord"]), intsParam(c.Params["axis"])...))
	case "cond":
		out = append(out, must(Cond(in[0], parseOrd(t, c.Params["ord"]))))
	case "vdot":
		out = append(out, ndview.Scalar(Vdot(in[0], in[1])))
	case "inner":
		out = append(out, Inner(in[0], in[1]))
	case "outer":
		out = append(out, Outer(in[0], in[1]))
	case "vecdot":
		out = append(out, Vecdot(in[0], in[1]))
	case "matvec":
		out = append(out, Matvec(in[0], in[1]))
	case "vecmat":
		out = append(out, Vecmat(in[0], in[1]))
	case "tensordot":
		out = append(out, Tensordot(in[0], in[1], num("n")))
	case "tensordot_pairs":
		out = append(out, TensordotAxes(in[0], in[1], intsParam(c.Params["a"]), intsParam(c.Params["b"])))
	case "kron":
		out = append(out, Kron(in[0], in[1]))
	case "trace":
		out = append(out, Trace(in[0], num("offset"), num("axis1"), num("axis2")))
	case "matrix_power":
		out = append(out, must(MatrixPower(in[0], num("n"))))
	case "multi_dot":
		out = append(out, MultiDot(in...))
	case "einsum":
		out = append(out, must(Einsum(c.Params["subscripts"].(string), in...)))
	default:
		t.Fatalf("unknown fixture op %q", c.Op)
	}
	res := make([]ndview.NDView[float64], len(out))
	for i, v := range out {
		res[i] = ndview.Zeros[float64](v.Shape()...)
		ndview.ConvertInto(res[i], v)
	}
	return res
}

func TestNumPyFixtures(t *testing.T) {
	for i, c := range loadFixtures(t) {
		for _, fortran := range []bool{false, true} {
			name := fmt.Sprintf("%d_%s_%v_F%v", i, c.Op, c.Params, fortran)
			t.Run(name+"/float64", func(t *testing.T) { checkFixture(t, c, runFixture[float64](t, c, fortran), 1e-12) })
			t.Run(name+"/float32", func(t *testing.T) { checkFixture(t, c, runFixture[float32](t, c, fortran), 1e-5) })
		}
	}
}

func checkFixture(t *testing.T, c fixCase, got []ndview.NDView[float64], tol float64) {
	if c.Op == "eigvals_sorted" {
		w := c.Want[0]
		require.Len(t, got, 2)
		for i := range w.Data {
			want := complex(float64(w.Data[i]), w.Imag[i])
			g := complex(got[0].At(i), got[1].At(i))
			assert.LessOrEqual(t, cmplx.Abs(g-want), tol*10*(1+cmplx.Abs(want)), "eigenvalue %d = %v, want %v", i, g, want)
		}
		return
	}
	require.Len(t, got, len(c.Want))
	for k, w := range c.Want {
		require.Equal(t, w.Shape, got[k].Shape(), "result %d shape", k)
		scale := 1.0
		for _, x := range w.Data {
			x := float64(x)
			if !math.IsInf(x, 0) {
				scale = max(scale, 1+math.Abs(x))
			}
		}
		for i, g := range got[k].ToSlice() {
			want := float64(w.Data[i])
			if math.IsInf(want, 0) || math.IsNaN(want) {
				assert.Equal(t, want, g, "result %d element %d", k, i)
				continue
			}
			assert.LessOrEqual(t, math.Abs(g-want), tol*scale, "%s result %d element %d = %v, want %v", c.Op, k, i, g, want)
		}
	}
}
