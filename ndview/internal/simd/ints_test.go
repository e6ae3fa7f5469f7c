package simd

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/x448/float16"
)

// The checks of the kernels of ints.go (semantics.md §33, VK7), under
// every level the CPU runs (TestLevelsInts), against plain loops, on
// every length up to 80 and random lengths up to 1000 at unaligned starts.

// intValues returns n random values of T at an unaligned start: small
// values (ties, equal elements), the extremes of T and random bits.
func intValues[T Int](r *rand.Rand, n int) []T {
	off := r.IntN(16)
	s := make([]T, off+n)
	for i := range s {
		switch r.IntN(4) {
		case 0:
			s[i] = T(r.IntN(5) - 2)
		case 1:
			var z T
			s[i] = z - 1 // all ones: -1, or the largest uint8
			if r.IntN(2) == 0 {
				s[i] = T(1) << (8*intSize[T]() - 1) // the most negative, or 128
			}
		default:
			s[i] = T(r.Uint64())
		}
	}
	return s[off:]
}

func intSize[T Int]() int {
	switch any((*T)(nil)).(type) {
	case *int32:
		return 4
	case *int64:
		return 8
	}
	return 1
}

// checkVec checks that a kernel processed whole vectors, and most of a
// long row where a kernel runs.
func checkVec(t *testing.T, name string, k, n, lanes int) {
	t.Helper()
	if k < 0 || k > n || (lanes > 0 && k%lanes != 0) {
		t.Fatalf("%s: processed %d of %d", name, k, n)
	}
}

func testIntArith[T Int](t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ops := map[Op]func(x, y T) T{
		Add: func(x, y T) T { return x + y },
		Sub: func(x, y T) T { return x - y },
		Mul: func(x, y T) T { return x * y },
	}
	ran := false
	for _, n := range lengths(r) {
		a, b := intValues[T](r, n), intValues[T](r, n)
		s := intValues[T](r, 1)
		for op, f := range ops {
			for form := range 3 {
				d := intValues[T](r, n)
				var k int
				switch form {
				case 0:
					k = IntVV(op, d, a, b)
				case 1:
					k = IntVS(op, d, a, s[0])
				case 2:
					k = IntSV(op, d, s[0], b)
				}
				checkVec(t, "IntArith", k, n, 0)
				ran = ran || k > 0
				for i := range k {
					var want T
					switch form {
					case 0:
						want = f(a[i], b[i])
					case 1:
						want = f(a[i], s[0])
					case 2:
						want = f(s[0], b[i])
					}
					if d[i] != want {
						t.Fatalf("op %d form %d n %d: d[%d] = %v, want %v", op, form, n, i, d[i], want)
					}
				}
			}
		}
	}
	if Level() != "none" && !ran {
		t.Fatal("no integer kernel ran")
	}
}

func testIntCompare[T Int](t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	preds := map[Pred]func(x, y T) bool{
		Equal:     func(x, y T) bool { return x == y },
		NotEqual:  func(x, y T) bool { return x != y },
		Less:      func(x, y T) bool { return x < y },
		LessEqual: func(x, y T) bool { return x <= y },
	}
	for _, n := range lengths(r) {
		a, b := intValues[T](r, n), intValues[T](r, n)
		sv := intValues[T](r, 1)[0]
		for p, f := range preds {
			for form := range 3 {
				d := make([]bool, n)
				for i := range d {
					d[i] = r.IntN(2) == 0
				}
				var k int
				switch form {
				case 0:
					k = IntCmpVV(p, d, a, b)
				case 1:
					k = IntCmpVS(p, d, a, sv)
				case 2:
					k = IntCmpSV(p, d, sv, b)
				}
				checkVec(t, "IntCmp", k, n, 0)
				if Level() != "none" && n >= 128 && k < n-64 {
					t.Fatalf("pred %d form %d: processed %d of %d", p, form, k, n)
				}
				for i := range k {
					var want bool
					switch form {
					case 0:
						want = f(a[i], b[i])
					case 1:
						want = f(a[i], sv)
					case 2:
						want = f(sv, b[i])
					}
					if d[i] != want {
						t.Fatalf("pred %d form %d n %d: d[%d] = %v, want %v (%v, %v, %v)", p, form, n, i, d[i], want, a[i], b[i], sv)
					}
				}
			}
		}
	}
}

func testIntReduce[T Int](t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range lengths(r) {
		s := intValues[T](r, n)
		sum, k := IntSum(s)
		checkVec(t, "IntSum", k, n, 0)
		var want T
		for _, x := range s[:k] {
			want += x
		}
		if sum != want {
			t.Fatalf("IntSum n %d: %v over %d, want %v", n, sum, k, want)
		}
		if n == 0 {
			continue
		}
		for _, isMax := range []bool{true, false} {
			got, k := IntExtreme(s[0], s, isMax)
			checkVec(t, "IntExtreme", k, n, 0)
			want := s[0]
			for _, x := range s[:k] {
				if isMax {
					want = max(want, x)
				} else {
					want = min(want, x)
				}
			}
			if got != want {
				t.Fatalf("IntExtreme(max %v) n %d: %v over %d, want %v", isMax, n, got, k, want)
			}
		}
	}
}

func testAddRowsDot[T Float](t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, n := range lengths(r) {
		rows := [4][]T{values[T](r, n), values[T](r, n), values[T](r, n), values[T](r, n)}
		d := values[T](r, n)
		want := append([]T(nil), d...)
		k := AddRows4(d, rows[0], rows[1], rows[2], rows[3])
		checkK(t, "AddRows4", k, n)
		for i := range k {
			w := want[i]
			for _, row := range rows {
				w += row[i]
			}
			if !same(d[i], w) && !(d[i] != d[i] && w != w) {
				t.Fatalf("AddRows4 n %d: d[%d] = %v, want %v", n, i, d[i], w)
			}
		}
		// Dot on finite values, against the exact sum in float64 (exact
		// for float32 products, within the bound for float64).
		a, b := make([]T, n), make([]T, n)
		for i := range a {
			a[i], b[i] = T(r.NormFloat64()), T(r.NormFloat64())
		}
		got, k := Dot(a, b)
		checkVec(t, "Dot", k, n, 0)
		var exact, abs float64
		for i := range k {
			p := float64(a[i]) * float64(b[i])
			exact += p
			abs += math.Abs(p)
		}
		var z T
		u := math.Ldexp(1, -24)
		if sizeof(z) == 8 {
			u = math.Ldexp(1, -53)
		}
		bound := float64(k/16+8) * u * abs * 1.01
		if math.Abs(float64(got)-exact) > bound+1e-300 {
			t.Fatalf("Dot n %d: %v, exact %v, error %g above %g", n, got, exact, math.Abs(float64(got)-exact), bound)
		}
	}
}

func testMoreConversions(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, n := range lengths(r) {
		s32 := intValues[int32](r, n)
		d32 := make([]float32, n)
		k := I32ToF32(d32, s32)
		checkVec(t, "I32ToF32", k, n, 0)
		for i := range k {
			if d32[i] != float32(s32[i]) {
				t.Fatalf("I32ToF32: %v -> %v", s32[i], d32[i])
			}
		}
		d64 := make([]float64, n)
		k = I32ToF64(d64, s32)
		checkVec(t, "I32ToF64", k, n, 0)
		for i := range k {
			if d64[i] != float64(s32[i]) {
				t.Fatalf("I32ToF64: %v -> %v", s32[i], d64[i])
			}
		}
		u8 := intValues[uint8](r, n)
		k = U8ToF64(d64, u8)
		checkVec(t, "U8ToF64", k, n, 0)
		for i := range k {
			if d64[i] != float64(u8[i]) {
				t.Fatalf("U8ToF64: %v -> %v", u8[i], d64[i])
			}
		}
		// float32 → float16 against x448/float16, on values around
		// float16's range (rounding ties, subnormals, overflow) and
		// random bits (NaNs: x448 may leave a NaN signalling, the kernel
		// makes it quiet, as kernels.F32ToF16, which kernels' tests check
		// it against).
		f := make([]float32, n)
		for i := range f {
			switch r.IntN(8) {
			case 0:
				f[i] = math.Float32frombits(r.Uint32())
			case 1:
				f[i] = float16.Frombits(uint16(r.Uint32())).Float32()
			default:
				f[i] = float32(r.NormFloat64() * math.Ldexp(1, r.IntN(40)-24))
			}
		}
		h := make([]uint16, n)
		k = F32ToF16(h, f)
		checkVec(t, "F32ToF16", k, n, 0)
		for i := range k {
			if want := float16.Fromfloat32(f[i]).Bits(); h[i] != want && !(f[i] != f[i] && h[i] == want|0x200) {
				t.Fatalf("F32ToF16(%g = %#x) = %#x, want %#x", f[i], math.Float32bits(f[i]), h[i], want)
			}
		}
	}
}

// TestF16AllCodes converts all 65,536 float16 codes to float32 and every
// float16 value, its neighbours and the midpoints between them back, bit
// for bit against the pure-Go conversions.
func TestF16AllCodes(t *testing.T) {
	codes := make([]uint16, 1<<16)
	for i := range codes {
		codes[i] = uint16(i)
	}
	for _, lvl := range []string{"AVX2", "AVX-512", "none"} {
		restore, ok := Use(lvl)
		if !ok {
			continue
		}
		d := make([]float32, len(codes))
		k := F16ToF32(d, codes)
		for i := range k {
			want := float16.Frombits(codes[i]).Float32()
			if math.Float32bits(d[i]) != math.Float32bits(want) {
				t.Fatalf("%s: F16ToF32(%#x) = %#x, want %#x", lvl, codes[i], math.Float32bits(d[i]), math.Float32bits(want))
			}
		}
		if lvl != "none" && k != len(codes) {
			t.Fatalf("%s: F16ToF32 converted %d of %d", lvl, k, len(codes))
		}
		// Every finite float16 value, and the float32 values just above,
		// below and halfway to the next: the rounding of every tie.
		var fs []float32
		for c := range 1 << 16 {
			v := float16.Frombits(uint16(c)).Float32()
			if v != v || math.IsInf(float64(v), 0) {
				continue
			}
			next := float16.Frombits(uint16(c + 1)).Float32()
			fs = append(fs, v, math.Nextafter32(v, float32(math.Inf(1))), math.Nextafter32(v, float32(math.Inf(-1))))
			if next == next && c&0x7fff != 0x7bff {
				fs = append(fs, v+(next-v)/2)
			}
		}
		h := make([]uint16, len(fs))
		k = F32ToF16(h, fs)
		for i := range k {
			if want := float16.Fromfloat32(fs[i]).Bits(); h[i] != want {
				t.Fatalf("%s: F32ToF16(%g = %#x) = %#x, want %#x", lvl, fs[i], math.Float32bits(fs[i]), h[i], want)
			}
		}
		if lvl != "none" && k < len(fs)-16 {
			t.Fatalf("%s: F32ToF16 converted %d of %d", lvl, k, len(fs))
		}
		restore()
	}
}

// TestLevelsInts runs the checks of ints.go under each level the CPU runs.
func TestLevelsInts(t *testing.T) {
	for _, lvl := range []string{"AVX2", "AVX-512", "none"} {
		restore, ok := Use(lvl)
		if !ok {
			t.Logf("the CPU does not run %s", lvl)
			continue
		}
		t.Run(lvl, func(t *testing.T) {
			testIntArith[int32](t)
			testIntArith[int64](t)
			testIntArith[uint8](t)
			testIntCompare[int32](t)
			testIntCompare[int64](t)
			testIntCompare[uint8](t)
			testIntReduce[int32](t)
			testIntReduce[int64](t)
			testIntReduce[uint8](t)
			testAddRowsDot[float32](t)
			testAddRowsDot[float64](t)
			testMoreConversions(t)
		})
		restore()
	}
}
