package ndview

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/x448/float16"
)

// sumCase is one case of testdata/sums.json, written by sums_gen.py with
// NumPy 1.24: a view of deterministic inputs, a reduction, and NumPy's
// result as bit patterns.
type sumCase struct {
	Kind   string   `json:"kind"`
	Seed   uint64   `json:"seed"`
	Shape  []int    `json:"shape"`
	Perm   []int    `json:"perm"`
	Index  string   `json:"index"`
	Axis   *int     `json:"axis"`
	Op     string   `json:"op"`
	Bits   []uint64 `json:"bits"`
	N      int      `json:"n"`
	SHA256 string   `json:"sha256"`
}

// splitmix returns n outputs of splitmix64 from seed, the generator of
// sums_gen.py.
func splitmix(seed uint64, n int) []uint64 {
	out := make([]uint64, n)
	x := seed
	for i := range out {
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
		z = (z ^ z>>27) * 0x94D049BB133111EB
		out[i] = z ^ z>>31
	}
	return out
}

// sumInputs returns the float64 inputs of sums_gen.py's values (the real
// parts, and the imaginary parts for complex kinds).
func sumInputs(seed uint64, n int) (re, im []float64) {
	re, im = make([]float64, n), make([]float64, n)
	for i, z := range splitmix(seed, n) {
		re[i] = math.Ldexp(float64(z>>11)/(1<<53)-0.5, int(z&31)-12)
		im[i] = math.Ldexp(float64(z>>11)/(1<<53)-0.5, int(z>>5&31)-12)
	}
	return re, im
}

// TestSumMatchesNumPy checks Sum, SumAxis, Mean and MeanAxis bit for bit
// against NumPy 1.24 (semantics.md N5) on contiguous runs of every length
// to 300 and random lengths to 100,000, and on transposed, reversed and
// stepped layouts of rank 2 to 4, for every axis.
func TestSumMatchesNumPy(t *testing.T) {
	raw, err := os.ReadFile("testdata/sums.json")
	if err != nil {
		t.Fatal(err)
	}
	var fx struct {
		Cases []sumCase `json:"cases"`
	}
	if err := json.Unmarshal(raw, &fx); err != nil {
		t.Fatal(err)
	}
	if len(fx.Cases) < 1000 {
		t.Fatalf("only %d cases in testdata/sums.json", len(fx.Cases))
	}
	// Consecutive cases share their inputs (one seed and length for
	// every op, axis and layout): generate them once, which was most of
	// the test's time.
	var last struct {
		seed   uint64
		n      int
		re, im []float64
	}
	last.n = -1
	for i, c := range fx.Cases {
		name := fmt.Sprintf("%d/%s/%s%v/%v[%s]", i, c.Op, c.Kind, c.Shape, c.Perm, c.Index)
		if c.Axis != nil {
			name += fmt.Sprintf("/axis%d", *c.Axis)
		}
		n := 1
		for _, d := range c.Shape {
			n *= d
		}
		if last.seed != c.Seed || last.n != n {
			last.seed, last.n = c.Seed, n
			last.re, last.im = sumInputs(c.Seed, n)
		}
		re, im := last.re, last.im
		var got []uint64
		switch c.Kind {
		case "float64":
			got = runSumCase(t, c, re, func(x float64) uint64 { return math.Float64bits(x) })
		case "float32":
			f := make([]float32, n)
			for k, x := range re {
				f[k] = float32(x)
			}
			got = runSumCase(t, c, f, func(x float32) uint64 { return uint64(math.Float32bits(x)) })
		case "complex128":
			z := make([]complex128, n)
			for k := range z {
				z[k] = complex(re[k], im[k])
			}
			got = runSumCase(t, c, z, func(x complex128) uint64 { return math.Float64bits(real(x)) }, func(x complex128) uint64 { return math.Float64bits(imag(x)) })
		case "complex64":
			z := make([]complex64, n)
			for k := range z {
				z[k] = complex64(complex(re[k], im[k]))
			}
			got = runSumCase(t, c, z, func(x complex64) uint64 { return uint64(math.Float32bits(real(x))) }, func(x complex64) uint64 { return uint64(math.Float32bits(imag(x))) })
		case "float16":
			h := make([]float16.Float16, n)
			for k, z := range splitmix(c.Seed, n) {
				h[k] = float16.Frombits(uint16(z&0x3FFF | z>>20&0x8000))
			}
			got = runSumCase(t, c, h, func(x float16.Float16) uint64 { return uint64(x.Bits()) })
		default:
			t.Fatalf("%s: unknown kind", name)
		}
		checkSumBits(t, name, c, got)
	}
}

// runSumCase builds the case's view over data and returns the bits of its
// result, each element through the given functions (two for complex
// numbers: real and imaginary parts, as NumPy's view of the result as
// floats lists them).
func runSumCase[T Numeric](t *testing.T, c sumCase, data []T, parts ...func(T) uint64) []uint64 {
	t.Helper()
	v := mustFrom(t, data, c.Shape...)
	if len(c.Perm) > 0 {
		v = v.Transpose(c.Perm...)
	}
	if c.Index != "" {
		v = mustValue(v.Index(strings.ReplaceAll(c.Index, " ", "")))
	}
	var out []T
	switch {
	case c.Axis == nil && c.Op == "sum":
		out = []T{Sum(v)}
	case c.Axis == nil && c.Op == "mean":
		out = []T{meanAny(v)}
	default:
		sh := v.Shape()
		dsh := append(append([]int{}, sh[:*c.Axis]...), sh[*c.Axis+1:]...)
		dst := Zeros[T](dsh...)
		if c.Op == "sum" {
			SumAxisInto(dst, v, *c.Axis)
		} else {
			meanAxisAny(dst, v, *c.Axis)
		}
		out = dst.ToSlice()
	}
	var bits []uint64
	for _, x := range out {
		for _, f := range parts {
			bits = append(bits, f(x))
		}
	}
	return bits
}

// meanAny and meanAxisAny call Mean and MeanAxis for the float kinds the
// fixture has means of.
func meanAny[T Numeric](v NDView[T]) T {
	switch w := any(v).(type) {
	case NDView[float64]:
		return any(Mean(w)).(T)
	case NDView[float32]:
		return any(Mean(w)).(T)
	case NDView[float16.Float16]:
		return any(Mean(w)).(T)
	}
	panic("no mean for " + FormatOf[T]())
}

func meanAxisAny[T Numeric](dst, v NDView[T], axis int) {
	switch w := any(v).(type) {
	case NDView[float64]:
		MeanAxisInto(any(dst).(NDView[float64]), w, axis)
	case NDView[float32]:
		MeanAxisInto(any(dst).(NDView[float32]), w, axis)
	default:
		panic("no mean for " + FormatOf[T]())
	}
}

// checkSumBits compares a result with the fixture: every bit pattern, or
// the first 8 and the SHA-256 of all for long results.
func checkSumBits(t *testing.T, name string, c sumCase, got []uint64) {
	t.Helper()
	if c.SHA256 == "" {
		if !equalBits(got, c.Bits) {
			t.Errorf("%s: got bits %x, NumPy %x", name, head(got), head(c.Bits))
		}
		return
	}
	if len(got) != c.N {
		t.Errorf("%s: %d results, NumPy %d", name, len(got), c.N)
		return
	}
	h := sha256.New()
	var b [8]byte
	for _, x := range got {
		binary.LittleEndian.PutUint64(b[:], x)
		h.Write(b[:])
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != c.SHA256 || !equalBits(got[:8], c.Bits) {
		t.Errorf("%s: results differ from NumPy's (first: %x, NumPy %x)", name, got[:8], c.Bits)
	}
}

func equalBits(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func head(b []uint64) []uint64 { return b[:min(len(b), 8)] }
