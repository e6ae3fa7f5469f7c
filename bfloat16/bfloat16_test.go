package bfloat16

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// fixture is testdata/bfloat16.json, PyTorch's answers (bfloat16_gen.py).
type fixture struct {
	Torch       string      `json:"torch"`
	TableSHA256 string      `json:"table_sha256"`
	F32         [][3]uint32 `json:"f32"`
	F64         [][2]any    `json:"f64"`
}

func loadFixture(t *testing.T) fixture {
	b, err := os.ReadFile("testdata/bfloat16.json")
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestAllCodesAgainstTorch converts all 65,536 codes to float32 and
// compares the SHA-256 of the bits with PyTorch's.
func TestAllCodesAgainstTorch(t *testing.T) {
	f := loadFixture(t)
	b := make([]byte, 0, 4<<16)
	for c := range 1 << 16 {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(BFloat16(c).Float32()))
	}
	sum := sha256.Sum256(b)
	if got := hex.EncodeToString(sum[:]); got != f.TableSHA256 {
		t.Errorf("SHA-256 of the float32 bits of all codes = %s, torch %s %s", got, f.Torch, f.TableSHA256)
	}
}

// TestFromFloat32AgainstTorch checks the float32 rounding cases: equal
// bits, except NaN, where PyTorch gives 0xffff and ndkit keeps the sign
// and payload (semantics.md SF1).
func TestFromFloat32AgainstTorch(t *testing.T) {
	f := loadFixture(t)
	if len(f.F32) < 1000 {
		t.Fatalf("only %d cases", len(f.F32))
	}
	nans := 0
	for _, c := range f.F32 {
		x := math.Float32frombits(c[0])
		got := FromFloat32(x)
		if x != x {
			nans++
			if !got.IsNaN() || uint16(got) != uint16(c[0]>>16)|0x40 {
				t.Errorf("FromFloat32(NaN %#08x) = %#04x, want the quiet NaN %#04x", c[0], uint16(got), uint16(c[0]>>16)|0x40)
			}
			if !BFloat16(c[1]).IsNaN() || !BFloat16(c[2]).IsNaN() {
				t.Errorf("torch gave a non-NaN for NaN %#08x", c[0])
			}
			continue
		}
		if uint32(got) != c[1] || uint32(got) != c[2] {
			t.Errorf("FromFloat32(%#08x = %g) = %#04x, torch %#04x (scalar) %#04x (vector)", c[0], x, uint16(got), c[1], c[2])
		}
	}
	if nans == 0 {
		t.Error("no NaN case")
	}
}

// TestFromFloat64AgainstTorch checks that float64 rounds through float32,
// as PyTorch does: a value just above a bfloat16 tie rounds to even.
func TestFromFloat64AgainstTorch(t *testing.T) {
	f := loadFixture(t)
	twice := 0
	for _, c := range f.F64 {
		bits, err := strconv.ParseUint(c[0].(string), 16, 64)
		if err != nil {
			t.Fatal(err)
		}
		x, want := math.Float64frombits(bits), BFloat16(c[1].(float64))
		got := FromFloat64(x)
		if x != x {
			if !got.IsNaN() || !want.IsNaN() {
				t.Errorf("FromFloat64(NaN %#016x) = %#04x, torch %#04x", bits, uint16(got), uint16(want))
			}
			continue
		}
		if got != want {
			t.Errorf("FromFloat64(%#016x = %g) = %#04x, torch %#04x", bits, x, uint16(got), uint16(want))
		}
		if FromFloat64Exact(x) != want {
			twice++
		}
	}
	if twice == 0 {
		t.Error("no case where rounding through float32 differs from rounding once")
	}
}

// roundOnce is the oracle of FromFloat64Exact: x rounded to 8 significant
// bits, ties to even, with bfloat16's subnormal step 2^-133 and overflow.
func roundOnce(x float64) float64 {
	if math.IsInf(x, 0) || x == 0 {
		return x
	}
	if math.Abs(x) < 0x1p-126 {
		return math.Copysign(math.RoundToEven(x*0x1p133)*0x1p-133, x)
	}
	r, _ := new(big.Float).SetPrec(8).SetMode(big.ToNearestEven).SetFloat64(x).Float64()
	if math.Abs(r) >= 0x1p128 {
		return math.Copysign(math.Inf(1), x)
	}
	return r
}

func TestFromFloat64ExactOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(26, 2))
	check := func(x float64) {
		if x != x {
			return
		}
		got, want := FromFloat64Exact(x).Float64(), roundOnce(x)
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("FromFloat64Exact(%g = %#016x) = %g, want %g", x, math.Float64bits(x), got, want)
		}
	}
	for range 200000 {
		// Random bits, and values near bfloat16 codes and their ties.
		check(math.Float64frombits(r.Uint64()))
		c := BFloat16(r.Uint32())
		if c.IsNaN() || c.IsInf(0) {
			continue
		}
		b := math.Float64bits(c.Float64())
		for _, d := range []int64{1 << 44, 1<<44 + 1, 1<<44 - 1, int64(r.Uint64() >> 19), -1, 1} {
			check(math.Float64frombits(uint64(int64(b) + d)))
		}
	}
	for _, x := range []float64{0x1p-133, 0x1p-134, 0x1.8p-134, 0x1p-127, 0x1.fep127, 0x1.ffp127, 0x1.fefffffp127, -0x1p-140} {
		check(x)
	}
	if got := FromFloat64Exact(math.NaN()); !got.IsNaN() {
		t.Errorf("FromFloat64Exact(NaN) = %#04x", uint16(got))
	}
}

// TestFromFloat32Corners names the corners of semantics.md SF1.
func TestFromFloat32Corners(t *testing.T) {
	for _, c := range []struct {
		in   uint32
		want BFloat16
	}{
		{0x3f808000, 0x3f80}, // tie, even stays
		{0x3f818000, 0x3f82}, // tie, odd rounds up
		{0x3f808001, 0x3f81}, // above the tie
		{0x7f7f7fff, 0x7f7f}, // just below Max + half ulp
		{0x7f7f8000, 0x7f80}, // Max + half ulp: a tie to even Inf
		{0x7f7fffff, 0x7f80}, // float32 max
		{0x00008000, 0x0000}, // half the smallest subnormal: to even 0
		{0x00018000, 0x0002}, // 1.5 steps: to even 2
		{0x80000000, 0x8000}, // -0
		{0x7f800000, PosInf},
		{0xff800000, NegInf},
		{0xff800001, 0xffc0}, // signalling NaN: quiet, sign kept
		{0x7fa00000, 0x7fe0}, // payload kept
	} {
		if got := FromFloat32(math.Float32frombits(c.in)); got != c.want {
			t.Errorf("FromFloat32(%#08x) = %#04x, want %#04x", c.in, uint16(got), uint16(c.want))
		}
	}
}

// TestStringRoundTrips checks that every code's text reads back as the
// code, and that one digit fewer would not.
func TestStringRoundTrips(t *testing.T) {
	for c := range 1 << 16 {
		b := BFloat16(c)
		s := b.String()
		if b.IsNaN() {
			if s != "nan" {
				t.Fatalf("%#04x: %q, want nan", c, s)
			}
			continue
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || FromFloat64Exact(x) != b {
			t.Fatalf("%#04x = %g prints %q, which reads back as %v (%v)", c, b.Float32(), s, FromFloat64Exact(x), err)
		}
	}
	for _, c := range []struct {
		b    BFloat16
		want string
	}{
		{FromFloat32(1), "1.0"}, {FromFloat32(0.1), "0.1"}, {FromFloat32(-2.5), "-2.5"},
		{FromFloat32(1.0 / 3), "0.334"}, {Max, "3.39e+38"}, {SmallestSubnormal, "9e-41"},
		{FromFloat32(1e-5), "1e-05"}, {FromFloat32(12345), "12352.0"}, {FromFloat32(1e20), "1e+20"},
		{PosInf, "inf"}, {NegInf, "-inf"}, {NaN, "nan"}, {0x8000, "-0.0"}, {0, "0.0"},
	} {
		if got := c.b.String(); got != c.want {
			t.Errorf("%#04x prints %q, want %q", uint16(c.b), got, c.want)
		}
	}
}
