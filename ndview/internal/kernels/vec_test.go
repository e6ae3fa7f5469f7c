package kernels

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/ndview/internal/simd"
)

// The loops that run the vector kernels (vec.go, semantics.md §27) are
// checked under every level of vector code the CPU runs (AVX2, AVX-512
// and none: the Go loop alone) against naive loops, bit for bit, on every
// length up to 80 and random lengths up to 1000 (every tail), at unaligned
// starts, with NaNs of both signs and payloads, signed zeros, infinities
// and subnormals among the values.

// levels runs f under each level the CPU runs.
func levels(t *testing.T, f func(t *testing.T)) {
	for _, lvl := range []string{"AVX-512", "AVX2", "none"} {
		restore, ok := simd.Use(lvl)
		if !ok {
			continue
		}
		t.Run(lvl, f)
		restore()
	}
}

// vecSpecial are the values the inputs are seeded with.
var vecSpecial = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 2, math.Inf(1), math.Inf(-1), math.NaN(), -math.NaN(),
	math.Float64frombits(0x7ff0000000000123), 5e-324, -1e-310, math.MaxFloat64, 1e38, 1e-40, 3}

// randFloats returns n values of T starting at a random offset of a
// longer slice, a tenth of them special.
func randFloats[T float32 | float64](r *rand.Rand, n int) []T {
	off := r.IntN(9)
	s := make([]T, off+n)
	for i := range s {
		switch r.IntN(10) {
		case 0:
			s[i] = T(vecSpecial[r.IntN(len(vecSpecial))])
		case 1, 2:
			s[i] = T(r.IntN(5) - 2)
		default:
			s[i] = T(r.NormFloat64() * 3)
		}
	}
	return s[off:]
}

// vecLengths are the lengths checked.
func vecLengths(r *rand.Rand) []int {
	ns := make([]int, 0, 120)
	for n := range 81 {
		ns = append(ns, n)
	}
	for range 40 {
		ns = append(ns, r.IntN(1001))
	}
	return ns
}

// bitsEq reports whether x and y are the same bits.
func bitsEq[T float32 | float64](x, y T) bool {
	if v, ok := any(x).(float32); ok {
		return math.Float32bits(v) == math.Float32bits(any(y).(float32))
	}
	return math.Float64bits(any(x).(float64)) == math.Float64bits(any(y).(float64))
}

// sameArith reports whether got is want, the result of an operation of x
// and y, bit for bit; but when x and y are both NaN any NaN is right: which
// of the two the hardware passes on depends on the order of the operands in
// the instruction, which Go's compiler chooses freely for + and ×.
func sameArith[T float32 | float64](got, want, x, y T) bool {
	if x != x && y != y {
		return got != got
	}
	return bitsEq(got, want)
}

func vecBinary[T float32 | float64](t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	type binOp struct {
		name string
		ref  func(x, y T) T
		vv   func(d, a, b []T)
		sv   func(d []T, x T, b []T)
		vs   func(d, a []T, y T)
	}
	ops := []binOp{
		{"Add", func(x, y T) T { return x + y }, AddVV[T], AddSV[T], AddVS[T]},
		{"Sub", func(x, y T) T { return x - y }, SubVV[T], SubSV[T], SubVS[T]},
		{"Mul", func(x, y T) T { return x * y }, MulVV[T], MulSV[T], MulVS[T]},
		{"Div", func(x, y T) T { return x / y }, DivVV[T], DivSV[T], DivVS[T]},
	}
	for _, n := range vecLengths(r) {
		a, b := randFloats[T](r, n), randFloats[T](r, n)
		s := T(vecSpecial[r.IntN(len(vecSpecial))])
		for _, o := range ops {
			d := randFloats[T](r, n)
			o.vv(d, a, b)
			for i := range d {
				if want := o.ref(a[i], b[i]); !sameArith(d[i], want, a[i], b[i]) {
					t.Fatalf("%sVV n=%d: [%d] %v, %v: %v, want %v", o.name, n, i, a[i], b[i], d[i], want)
				}
			}
			o.sv(d, s, b)
			for i := range d {
				if want := o.ref(s, b[i]); !sameArith(d[i], want, s, b[i]) {
					t.Fatalf("%sSV n=%d: [%d] %v, %v: %v, want %v", o.name, n, i, s, b[i], d[i], want)
				}
			}
			o.vs(d, a, s)
			for i := range d {
				if want := o.ref(a[i], s); !sameArith(d[i], want, a[i], s) {
					t.Fatalf("%sVS n=%d: [%d] %v, %v: %v, want %v", o.name, n, i, a[i], s, d[i], want)
				}
			}
		}
		// In place, as Add(a, a, b) runs.
		c := append([]T(nil), a...)
		AddVV(c, c, b)
		for i := range c {
			if want := a[i] + b[i]; !bitsEq(c[i], want) {
				t.Fatalf("AddVV in place n=%d: [%d] %v, want %v", n, i, c[i], want)
			}
		}
	}
}

func vecCompare[T float32 | float64](t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	type cmpOp struct {
		name string
		ref  func(x, y T) bool
		vv   func(d []bool, a, b []T)
		sv   func(d []bool, x T, b []T)
		vs   func(d []bool, a []T, y T)
	}
	ops := []cmpOp{
		{"Equal", func(x, y T) bool { return x == y }, EqualVV[T], EqualSV[T], EqualVS[T]},
		{"NotEqual", func(x, y T) bool { return x != y }, NotEqualVV[T], NotEqualSV[T], NotEqualVS[T]},
		{"Less", func(x, y T) bool { return x < y }, LessVV[T], LessSV[T], LessVS[T]},
		{"LessEqual", func(x, y T) bool { return x <= y }, LessEqualVV[T], LessEqualSV[T], LessEqualVS[T]},
	}
	for _, n := range vecLengths(r) {
		a, b := randFloats[T](r, n), randFloats[T](r, n)
		s := T(vecSpecial[r.IntN(len(vecSpecial))])
		for _, o := range ops {
			buf := make([]bool, n+2)
			d := buf[1 : n+1]
			buf[n+1] = true
			check := func(form string, ref func(i int) bool) {
				for i := range d {
					if d[i] != ref(i) {
						t.Fatalf("%s%s n=%d: [%d] %v, %v, s %v: %v", o.name, form, n, i, a[i], b[i], s, d[i])
					}
				}
				if buf[0] || !buf[n+1] {
					t.Fatalf("%s%s n=%d wrote outside d", o.name, form, n)
				}
			}
			o.vv(d, a, b)
			check("VV", func(i int) bool { return o.ref(a[i], b[i]) })
			o.sv(d, s, b)
			check("SV", func(i int) bool { return o.ref(s, b[i]) })
			o.vs(d, a, s)
			check("VS", func(i int) bool { return o.ref(a[i], s) })
		}
	}
}

func vecUnaryOps[T float32 | float64](t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	type unOp struct {
		name string
		ref  func(x T) T
		v    func(d, a []T)
	}
	clips := [][2]T{{-1, 1}, {0, 1}, {T(math.Copysign(0, -1)), 0}, {2, -2}, {T(math.Inf(-1)), 0}, {T(math.NaN()), 1}}
	for _, n := range vecLengths(r) {
		lim := clips[r.IntN(len(clips))]
		ops := []unOp{
			{"Sqrt", func(x T) T { return T(math.Sqrt(float64(x))) }, SqrtV[T]},
			{"Neg", func(x T) T { return -x }, NegV[T]},
			{"Abs", func(x T) T {
				if x <= 0 {
					return 0 - x
				}
				return x
			}, AbsV[T]},
			{"Clip", func(x T) T { return min(max(x, lim[0]), lim[1]) }, func(d, a []T) { ClipV(d, a, lim[0], lim[1]) }},
		}
		a := randFloats[T](r, n)
		for _, o := range ops {
			d := randFloats[T](r, n)
			o.v(d, a)
			for i := range d {
				if want := o.ref(a[i]); !bitsEq(d[i], want) {
					t.Fatalf("%s n=%d: [%d] %v: %v, want %v", o.name, n, i, a[i], d[i], want)
				}
			}
		}
	}
}

func vecReduce[T float32 | float64](t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for _, n := range vecLengths(r) {
		for _, kind := range []string{"plain", "nan", "zero"} {
			s := randFloats[T](r, n)
			for i, x := range s {
				switch {
				case kind != "nan" && x != x:
					s[i] = 1
				case kind == "zero" && x > 0:
					s[i] = T(math.Copysign(0, float64(r.IntN(2)-1)))
				}
			}
			for _, isMax := range []bool{true, false} {
				r0 := T(math.Inf(1))
				if isMax {
					r0 = T(math.Inf(-1))
				}
				want := r0
				for _, x := range s {
					if isMax {
						want = max(want, x)
					} else {
						want = min(want, x)
					}
				}
				var got T
				if isMax {
					got = ReduceMax(r0, s)
				} else {
					got = ReduceMin(r0, s)
				}
				// Of several NaNs the result is one of them: Go's max takes
				// whichever its chains meet first.
				if !bitsEq(got, want) && (got == got || want == want) {
					t.Fatalf("Reduce max=%v %s n=%d: %v, want %v", isMax, kind, n, got, want)
				}
			}
			var lanes [8]T
			if SumLanes(s, &lanes) {
				for j := range 8 {
					want := s[j]
					for i := 8 + j; i < n-n%8; i += 8 {
						want += s[i]
					}
					if !bitsEq(lanes[j], want) && (want == want || lanes[j] == lanes[j]) {
						t.Fatalf("SumLanes n=%d lane %d: %v, want %v", n, j, lanes[j], want)
					}
				}
			}
		}
	}
}

func TestVecFloat(t *testing.T) {
	levels(t, func(t *testing.T) {
		vecBinary[float32](t)
		vecBinary[float64](t)
		vecCompare[float32](t)
		vecCompare[float64](t)
		vecUnaryOps[float32](t)
		vecUnaryOps[float64](t)
		vecReduce[float32](t)
		vecReduce[float64](t)
	})
}

func TestVecConvertWhere(t *testing.T) {
	levels(t, func(t *testing.T) {
		r := rand.New(rand.NewPCG(19, 20))
		for _, n := range vecLengths(r) {
			u := make([]uint8, n+3)[3:]
			for i := range u {
				u[i] = uint8(r.Uint32())
			}
			f := make([]float32, n+5)
			RealToRealRow(f, 1, 1, u, 0, 1, n)
			for i := range n {
				if f[1+i] != float32(u[i]) {
					t.Fatalf("uint8→float32 n=%d: [%d] %v from %d", n, i, f[1+i], u[i])
				}
			}
			s64 := randFloats[float64](r, n)
			for i := range s64 {
				if r.IntN(3) == 0 {
					s64[i] = math.Float64frombits(r.Uint64())
				}
			}
			RealToRealRow(f, 1, 1, s64, 0, 1, n)
			for i := range n {
				if !bitsEq(f[1+i], float32(s64[i])) {
					t.Fatalf("float64→float32 n=%d: [%d] %v from %v", n, i, f[1+i], s64[i])
				}
			}
			s32 := randFloats[float32](r, n)
			g := make([]float64, n)
			RealToRealRow(g, 0, 1, s32, 0, 1, n)
			for i := range n {
				if !bitsEq(g[i], float64(s32[i])) {
					t.Fatalf("float32→float64 n=%d: [%d] %v from %v", n, i, g[i], s32[i])
				}
			}

			c := make([]bool, n+1)[1:]
			for i := range c {
				c[i] = r.IntN(2) == 0
			}
			checkWhere(t, c, randFloats[float32](r, n), randFloats[float32](r, n))
			checkWhere(t, c, randFloats[float64](r, n), randFloats[float64](r, n))
			ia, ib := make([]int32, n), make([]int32, n)
			for i := range n {
				ia[i], ib[i] = int32(r.Uint32()), int32(r.Uint32())
			}
			checkWhere(t, c, ia, ib)
		}
	})
}

// checkWhere checks a contiguous row of WhereRows through vecWhere and
// the loop after it.
func checkWhere[T comparable](t *testing.T, c []bool, a, b []T) {
	d := make([]T, len(c))
	k := vecWhere(d, c, a, b)
	for i := k; i < len(c); i++ {
		if c[i] {
			d[i] = a[i]
		} else {
			d[i] = b[i]
		}
	}
	for i := range c {
		want := b[i]
		if c[i] {
			want = a[i]
		}
		if d[i] != want && d[i] == d[i] {
			t.Fatalf("where %T n=%d: [%d] %v, want %v", a[0], len(c), i, d[i], want)
		}
	}
}
