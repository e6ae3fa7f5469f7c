package float8

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// The tables of the OCP 8-bit Floating Point Specification (OFP8, rev. 1.0,
// section 5.3), derived here from its definition independently of the
// package's decoder: a code S.E.M of a format with exponent bias B and
// m fraction bits is (-1)^S × 2^(1-B) × M/2^m when E = 0 (subnormal), and
// (-1)^S × 2^(E-B) × (1 + M/2^m) otherwise, except the codes the
// specification reserves:
//   - E4M3: S.1111.111 is NaN; there are no infinities (S.1111.000 to
//     S.1111.110 are the normal numbers 256 to 448).
//   - E5M2: S.11111.00 is ±Inf; S.11111.{01, 10, 11} are NaN.
func specValue(code uint8, ebits, mbits int, e5m2 bool) float64 {
	bias := 1<<(ebits-1) - 1
	s := 1.0
	if code&0x80 != 0 {
		s = -1
	}
	e := int(code>>mbits) & (1<<ebits - 1)
	m := float64(int(code) & (1<<mbits - 1))
	top := 1<<ebits - 1
	switch {
	case !e5m2 && e == top && m == float64(int(1)<<mbits-1):
		return math.NaN()
	case e5m2 && e == top && m == 0:
		return s * math.Inf(1)
	case e5m2 && e == top:
		return math.NaN()
	case e == 0:
		return s * math.Pow(2, float64(1-bias)) * m / math.Pow(2, float64(mbits))
	}
	return s * math.Pow(2, float64(e-bias)) * (1 + m/math.Pow(2, float64(mbits)))
}

func TestDecodeAgainstSpec(t *testing.T) {
	for c := range 256 {
		for _, f := range []struct {
			name string
			got  float32
			want float64
		}{
			{"E4M3FN", E4M3FN(c).Float32(), specValue(uint8(c), 4, 3, false)},
			{"E5M2", E5M2(c).Float32(), specValue(uint8(c), 5, 2, true)},
		} {
			if f.want != f.want {
				if f.got == f.got {
					t.Errorf("%s %#02x = %v, want NaN", f.name, c, f.got)
				}
				continue
			}
			if float64(f.got) != f.want || math.Signbit(float64(f.got)) != math.Signbit(f.want) {
				t.Errorf("%s %#02x = %v, want %v", f.name, c, f.got, f.want)
			}
		}
	}
	// The specification's named values (table 1).
	for _, c := range []struct {
		got, want float32
	}{
		{E4M3FNMax.Float32(), 448}, {E4M3FN(0x08).Float32(), 0x1p-6}, {E4M3FN(0x01).Float32(), 0x1p-9},
		{E5M2Max.Float32(), 57344}, {E5M2(0x04).Float32(), 0x1p-14}, {E5M2(0x01).Float32(), 0x1p-16},
	} {
		if c.got != c.want {
			t.Errorf("%v, want %v", c.got, c.want)
		}
	}
	if !E5M2Inf.IsInf(1) || !E5M2(0xfc).IsInf(-1) || !E4M3FNNaN.IsNaN() || !E4M3FN(0xff).IsNaN() || E4M3FN(0x7e).IsNaN() {
		t.Error("IsInf/IsNaN")
	}
}

// nearest is the oracle of the conversions from float32: the code of
// format fm nearest to x, ties to the even code, after PyTorch's rules:
// beyond the largest finite value, the next code up (E4M3's NaN 0x7f at
// 480, E5M2's Inf 0x7c at 65536) takes part in the rounding and
// everything above it maps to it; NaN gives 0x7f, and ±Inf E4M3's NaN and
// E5M2's Inf, with the sign of x.
func nearest(x float32, decode func(uint8) float32, beyond float64, beyondCode uint8) uint8 {
	sign := uint8(0)
	if math.Signbit(float64(x)) {
		sign = 0x80
	}
	a := math.Abs(float64(x))
	if x != x {
		return sign | 0x7f
	}
	if a >= beyond {
		return sign | beyondCode
	}
	best, bestD := uint8(0), math.Inf(1)
	cands := []uint8{beyondCode}
	for c := range uint8(0x80) {
		if v := decode(c); v == v && !math.IsInf(float64(v), 0) {
			cands = append(cands, c)
		}
	}
	for _, c := range cands {
		v := float64(decode(c))
		if c == beyondCode {
			v = beyond
		}
		d := math.Abs(v - a)
		if d < bestD || d == bestD && c&1 == 0 {
			best, bestD = c, d
		}
	}
	return sign | best
}

func TestFromFloat32Oracle(t *testing.T) {
	e4 := func(c uint8) float32 { return E4M3FN(c).Float32() }
	e5 := func(c uint8) float32 { return E5M2(c).Float32() }
	xs := []float32{0, float32(math.Copysign(0, -1)), 448, 464, 465, 479, 480, 1e6, 57344, 61439, 61440, 65536,
		float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), 0x1p-10, 0x1.0001p-10, 0x1p-17, 0x1.0001p-17, 0x1p-30}
	r := rand.New(rand.NewPCG(26, 8))
	for range 5000 {
		xs = append(xs, math.Float32frombits(r.Uint32()))
		// Near the codes and the midpoints between them.
		v := E4M3FN(r.UintN(256)).Float32()
		w := E5M2(r.UintN(256)).Float32()
		xs = append(xs, v, w, math.Nextafter32(v, 0), math.Nextafter32(w, float32(math.Inf(1))))
		c4 := E4M3FN(r.UintN(0x7e))
		xs = append(xs, (c4.Float32()+(c4+1).Float32())/2)
		c5 := E5M2(r.UintN(0x7b))
		xs = append(xs, (c5.Float32()+(c5+1).Float32())/2)
	}
	for _, x := range xs {
		if got, want := E4M3FNFromFloat32(x), nearest(x, e4, 480, 0x7f); uint8(got) != want {
			t.Fatalf("E4M3FNFromFloat32(%g = %#08x) = %#02x, want %#02x", x, math.Float32bits(x), uint8(got), want)
		}
		if got, want := E5M2FromFloat32(x), nearest(x, e5, 65536, 0x7c); uint8(got) != want {
			t.Fatalf("E5M2FromFloat32(%g = %#08x) = %#02x, want %#02x", x, math.Float32bits(x), uint8(got), want)
		}
	}
}

func TestRoundTripAndString(t *testing.T) {
	for c := range 256 {
		a, b := E4M3FN(c), E5M2(c)
		if !a.IsNaN() && E4M3FNFromFloat32(a.Float32()) != a {
			t.Errorf("E4M3FN %#02x does not round-trip", c)
		}
		if !b.IsNaN() && E5M2FromFloat32(b.Float32()) != b {
			t.Errorf("E5M2 %#02x does not round-trip", c)
		}
		for _, s := range []struct {
			text string
			back func(float64) bool
			nan  bool
		}{
			{a.String(), func(x float64) bool { return E4M3FNFromFloat64(x) == a }, a.IsNaN()},
			{b.String(), func(x float64) bool { return E5M2FromFloat64(x) == b }, b.IsNaN()},
		} {
			if s.nan {
				if s.text != "nan" {
					t.Errorf("%#02x: %q, want nan", c, s.text)
				}
				continue
			}
			x, err := strconv.ParseFloat(s.text, 64)
			if err != nil || !s.back(x) {
				t.Errorf("%#02x prints %q, which does not read back", c, s.text)
			}
		}
	}
	got := []string{E4M3FNMax.String(), E4M3FN(0x01).String(), E5M2Max.String(), E5M2Inf.String(), E5M2(0xfc).String(), E4M3FN(0x80).String()}
	if want := []string{"448.0", "0.002", "57344.0", "inf", "-inf", "-0.0"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
