package simd

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The kernels are checked against plain Go loops of the same operation,
// bit for bit, on every length up to 1000 (every tail of every unrolled
// loop) at unaligned starts, with NaNs, signed zeros, infinities and
// subnormals among the values. Under the purego tag, or on a CPU without
// AVX2, every kernel processes nothing, which the checks accept.

// special are the values the inputs are seeded with.
var special = []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN(),
	-math.NaN(), 5e-324, -5e-324, 1e-310, math.MaxFloat64, 2, 3, 0.5}

// values returns n random values of T, a tenth of them special, starting
// at a random offset into a longer slice, so that starts are unaligned.
func values[T Float](r *rand.Rand, n int) []T {
	off := r.IntN(16)
	s := make([]T, off+n)
	for i := range s {
		if r.IntN(10) == 0 {
			s[i] = T(special[r.IntN(len(special))])
		} else {
			s[i] = T(r.NormFloat64() * 4)
			if r.IntN(4) == 0 {
				s[i] = T(r.IntN(5) - 2) // repeated values: ties and equal elements
			}
		}
	}
	// A signalling-NaN bit pattern now and then.
	if n > 0 && r.IntN(4) == 0 {
		var z T
		switch any(z).(type) {
		case float32:
			s[off+r.IntN(n)] = T(math.Float32frombits(0x7f800001))
		}
	}
	return s[off:]
}

// same reports whether x and y have the same bits.
func same[T Float](x, y T) bool {
	switch v := any(x).(type) {
	case float32:
		return math.Float32bits(v) == math.Float32bits(any(y).(float32))
	default:
		return math.Float64bits(any(x).(float64)) == math.Float64bits(any(y).(float64))
	}
}

// lengths are the lengths every check runs: all up to 80, then random up
// to 1000.
func lengths(r *rand.Rand) []int {
	var ns []int
	for n := range 81 {
		ns = append(ns, n)
	}
	for range 60 {
		ns = append(ns, r.IntN(1001))
	}
	return ns
}

// checkK checks that a kernel processed a whole number of vectors.
func checkK(t *testing.T, name string, k, n int) {
	t.Helper()
	if k < 0 || k > n || (k > 0 && k%4 != 0) {
		t.Fatalf("%s: processed %d of %d", name, k, n)
	}
	if Level() != "none" && n >= 64 && k < n-16 {
		t.Fatalf("%s: processed only %d of %d", name, k, n)
	}
}

func testArith[T Float](t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ops := []func(x, y T) T{
		func(x, y T) T { return x + y }, func(x, y T) T { return x - y },
		func(x, y T) T { return x * y }, func(x, y T) T { return x / y },
	}
	for _, n := range lengths(r) {
		a, b := values[T](r, n), values[T](r, n)
		s := T(special[r.IntN(len(special))])
		for o, f := range ops {
			op := Op(o)
			for form := range 3 {
				d := values[T](r, n)
				var k int
				switch form {
				case 0:
					k = VV(op, d, a, b)
				case 1:
					k = VS(op, d, a, s)
				default:
					k = SV(op, d, s, b)
				}
				checkK(t, "arith", k, n)
				for i := range k {
					var want T
					switch form {
					case 0:
						want = f(a[i], b[i])
					case 1:
						want = f(a[i], s)
					default:
						want = f(s, b[i])
					}
					// A NaN result's payload depends on which NaN operand the
					// hardware propagates, in Go's loop too: any NaN is right.
					if !same(d[i], want) && (want == want || d[i] == d[i]) {
						t.Fatalf("op %d form %d n %d: element %d of %v, %v (s %v): %v, want %v", o, form, n, i, a[i], b[i], s, d[i], want)
					}
				}
			}
		}
	}
}

func TestArith(t *testing.T) {
	testArith[float32](t)
	testArith[float64](t)
}

func testCompare[T Float](t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	preds := []func(x, y T) bool{
		func(x, y T) bool { return x == y }, func(x, y T) bool { return x != y },
		func(x, y T) bool { return x < y }, func(x, y T) bool { return x <= y },
	}
	for _, n := range lengths(r) {
		a, b := values[T](r, n), values[T](r, n)
		s := T(special[r.IntN(len(special))])
		for p, f := range preds {
			for form := range 3 {
				d := make([]bool, n+1)
				d[n] = true // a sentinel past the end
				var k int
				switch form {
				case 0:
					k = CmpVV(Pred(p), d[:n], a, b)
				case 1:
					k = CmpVS(Pred(p), d[:n], a, s)
				default:
					k = CmpSV(Pred(p), d[:n], s, b)
				}
				checkK(t, "compare", k, n)
				if !d[n] {
					t.Fatalf("pred %d form %d wrote past the end", p, form)
				}
				for i := range k {
					want := [3]bool{f(a[i], b[i]), f(a[i], s), f(s, b[i])}[form]
					if d[i] != want {
						t.Fatalf("pred %d form %d n %d: element %d of %v, %v (s %v): %v", p, form, n, i, a[i], b[i], s, d[i])
					}
				}
				for i := k; i < n; i++ {
					if d[i] {
						t.Fatalf("pred %d form %d: wrote element %d past the %d processed", p, form, i, k)
					}
				}
			}
		}
	}
}

func TestCompare(t *testing.T) {
	testCompare[float32](t)
	testCompare[float64](t)
}

// abs is kernels' Abs.
func abs[T Float](x T) T {
	if x <= 0 {
		return 0 - x
	}
	return x
}

func testUnary[T Float](t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range lengths(r) {
		a := values[T](r, n)
		d := values[T](r, n)
		k := Sqrt(d, a)
		checkK(t, "sqrt", k, n)
		for i := range k {
			if want := T(math.Sqrt(float64(a[i]))); !same(d[i], want) && (want == want || d[i] == d[i]) {
				t.Fatalf("sqrt(%v) = %v, want %v", a[i], d[i], want)
			}
		}
		k = Neg(d, a)
		checkK(t, "neg", k, n)
		for i := range k {
			if want := -a[i]; !same(d[i], want) {
				t.Fatalf("neg(%v) = %v, want %v", a[i], d[i], want)
			}
		}
		k = Abs(d, a)
		checkK(t, "abs", k, n)
		for i := range k {
			if want := abs(a[i]); !same(d[i], want) {
				t.Fatalf("abs(%v) = %v, want %v (%v %v)", a[i], d[i], want, math.Float64bits(float64(d[i])), math.Float64bits(float64(want)))
			}
		}
		for _, lim := range [][2]T{{-1, 1}, {0, 1}, {T(math.Copysign(0, -1)), 0}, {-1, T(math.Copysign(0, -1))}, {2, -2}, {T(math.Inf(-1)), 0},
			{T(math.NaN()), 1}, {0, T(-math.NaN())}} {
			k = Clip(d, a, lim[0], lim[1])
			checkK(t, "clip", k, n)
			for i := range k {
				if want := min(max(a[i], lim[0]), lim[1]); !same(d[i], want) {
					t.Fatalf("clip(%v, %v, %v) = %v, want %v", a[i], lim[0], lim[1], d[i], want)
				}
			}
		}
	}
}

func TestUnary(t *testing.T) {
	testUnary[float32](t)
	testUnary[float64](t)
}

func testReduce[T Float](t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range lengths(r) {
		for _, nanFree := range []bool{true, false} {
			s := values[T](r, n)
			if nanFree {
				for i, x := range s {
					if x != x {
						s[i] = 1
					}
				}
			}
			for _, isMax := range []bool{true, false} {
				r0 := T(-3)
				got, k := Extreme(r0, s, isMax)
				if k > n || (k > 0 && k%4 != 0) {
					t.Fatalf("extreme processed %d of %d", k, n)
				}
				want := r0
				for _, x := range s[:k] {
					if isMax {
						want = max(want, x)
					} else {
						want = min(want, x)
					}
				}
				if !same(got, want) {
					t.Fatalf("extreme(max %v) of %d: %v, want %v", isMax, k, got, want)
				}
				if nanFree && Level() != "none" && n >= 64 && k == 0 && want != 0 {
					t.Fatalf("extreme of %d NaN-free elements processed nothing", n)
				}
			}
			var lanes [8]T
			if SumLanes(s, &lanes) {
				for j := range 8 {
					want := s[j]
					for i := 8 + j; i < n-n%8; i += 8 {
						want += s[i]
					}
					if !same(lanes[j], want) && (want == want || lanes[j] == lanes[j]) {
						t.Fatalf("sum lane %d of %d: %v, want %v", j, n, lanes[j], want)
					}
				}
			} else if Level() != "none" && n >= 8 {
				t.Fatalf("SumLanes of %d did not run", n)
			}
		}
	}
}

func TestReduce(t *testing.T) {
	testReduce[float32](t)
	testReduce[float64](t)
}

func TestWhereConvert(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, n := range lengths(r) {
		c := make([]bool, n+3)[3:]
		for i := range c {
			c[i] = r.IntN(2) == 0
		}
		a32, b32, d32 := make([]uint32, n), make([]uint32, n), make([]uint32, n+1)[1:]
		a64, b64, d64 := make([]uint64, n), make([]uint64, n), make([]uint64, n+1)[1:]
		for i := range n {
			a32[i], b32[i], a64[i], b64[i] = r.Uint32(), r.Uint32(), r.Uint64(), r.Uint64()
		}
		k := Where32(d32, c, a32, b32)
		checkK(t, "where32", k, n)
		for i := range k {
			if want := map[bool]uint32{true: a32[i], false: b32[i]}[c[i]]; d32[i] != want {
				t.Fatalf("where32 %d of %d", i, n)
			}
		}
		k = Where64(d64, c, a64, b64)
		checkK(t, "where64", k, n)
		for i := range k {
			if want := map[bool]uint64{true: a64[i], false: b64[i]}[c[i]]; d64[i] != want {
				t.Fatalf("where64 %d of %d", i, n)
			}
		}

		u := make([]uint8, n+5)[5:]
		for i := range u {
			u[i] = uint8(r.Uint32())
		}
		f := make([]float32, n+1)[1:]
		k = U8ToF32(f, u)
		checkK(t, "u8→f32", k, n)
		for i := range k {
			if f[i] != float32(u[i]) {
				t.Fatalf("u8→f32 %d: %v from %d", i, f[i], u[i])
			}
		}
		s64 := values[float64](r, n)
		for i := range s64 {
			if r.IntN(3) == 0 { // values that round in float32, overflow or go subnormal
				s64[i] = math.Float64frombits(r.Uint64())
			}
		}
		k = F64ToF32(f, s64)
		checkK(t, "f64→f32", k, n)
		for i := range k {
			if !same(f[i], float32(s64[i])) {
				t.Fatalf("f64→f32 of %v (%#x): %v, want %v", s64[i], math.Float64bits(s64[i]), f[i], float32(s64[i]))
			}
		}
		s32 := values[float32](r, n)
		g := make([]float64, n+1)[1:]
		k = F32ToF64(g, s32)
		checkK(t, "f32→f64", k, n)
		for i := range k {
			if !same(g[i], float64(s32[i])) {
				t.Fatalf("f32→f64 of %v: %v", s32[i], g[i])
			}
		}
	}
}

// TestDisable checks that Disable turns every kernel off and restore back
// on.
func TestDisable(t *testing.T) {
	lvl := Level()
	restore := Disable()
	d := make([]float64, 64)
	if k := VV(Add, d, d, d); k != 0 || Level() != "none" {
		t.Fatalf("disabled: processed %d, level %s", k, Level())
	}
	restore()
	if Level() != lvl {
		t.Fatalf("restored level %s, want %s", Level(), lvl)
	}
}

// TestLevels runs every check under each level the CPU runs.
func TestLevels(t *testing.T) {
	for _, lvl := range []string{"AVX2", "AVX-512", "none"} {
		restore, ok := Use(lvl)
		if !ok {
			t.Logf("the CPU does not run %s", lvl)
			continue
		}
		t.Run(lvl, func(t *testing.T) {
			if Level() != lvl {
				t.Fatalf("level %s, want %s", Level(), lvl)
			}
			TestArith(t)
			TestCompare(t)
			TestUnary(t)
			TestReduce(t)
			TestWhereConvert(t)
		})
		restore()
	}
}
