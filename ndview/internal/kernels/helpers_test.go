package kernels

import (
	"github.com/ndkit/ndkit/ndview/internal/mem"

	"bytes"
	"fmt"
	"math"
	"reflect"
	"testing"
)

// Helpers of the generated tests: corner values of every element type, and
// checks of each family's kernels against naive loops.

// Named types over some of the predeclared ones, to test that the kernels
// accept the types ndview's constraints accept.
type (
	namedBool       bool
	namedInt32      int32
	namedFloat64    float64
	namedComplex128 complex128
)

// Corner values, converted to each element type by kind.
var (
	signedCorners   = []int64{0, 1, -1, 2, -2, 3, -7, 100, math.MaxInt64, math.MinInt64, math.MaxInt32, math.MinInt32, 127, -128, 32767, -32768}
	unsignedCorners = []uint64{0, 1, 2, 3, 7, 100, 255, 0x3c00, 0x7c00, 0x7e00, 0x8000, 0xfc00, 0xffff, math.MaxUint32, math.MaxUint64}
	floatCorners    = []float64{0, math.Copysign(0, -1), 1, -1, 2, -2.5, 7.25, 0.1, 1 + 0x1p-11 + 0x1p-40, 1e-310, -1e-310, 65504, 65520, 1e300, -1e300,
		math.MaxFloat32, math.SmallestNonzeroFloat32, math.Inf(1), math.Inf(-1), math.NaN(), -math.NaN()}
)

// values returns corner values of T: zeros of both signs, ones, extremes,
// infinities and NaN as far as T has them, and a float64 that rounds
// differently to half precision directly and through float32.
func values[T any]() []T {
	var out []T
	add := func(set func(v reflect.Value)) {
		var x T
		set(reflect.ValueOf(&x).Elem())
		out = append(out, x)
	}
	var zero T
	switch reflect.TypeOf(zero).Kind() {
	case reflect.Bool:
		add(func(v reflect.Value) { v.SetBool(false) })
		add(func(v reflect.Value) { v.SetBool(true) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		for _, c := range signedCorners {
			add(func(v reflect.Value) { v.SetInt(c) }) // wraps into small types
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		for _, c := range unsignedCorners {
			add(func(v reflect.Value) { v.SetUint(c) })
		}
	case reflect.Float32, reflect.Float64:
		for _, c := range floatCorners {
			add(func(v reflect.Value) { v.SetFloat(c) })
		}
	case reflect.Complex64, reflect.Complex128:
		parts := []float64{0, math.Copysign(0, -1), 1, -2.5, math.Inf(1), math.NaN()}
		for _, re := range parts {
			for _, im := range parts {
				add(func(v reflect.Value) { v.SetComplex(complex(re, im)) })
			}
		}
	default:
		panic(fmt.Sprintf("values: no corners for %T", zero))
	}
	return out
}

// same reports whether x and y have the same bits, except that any two
// NaNs are the same: which NaN an operation of two NaNs returns (sign and
// payload) depends on the order of the operands in the instruction.
func same[T any](x, y T) bool {
	vx, vy := reflect.ValueOf(x), reflect.ValueOf(y)
	switch {
	case vx.CanFloat():
		return sameFloat(vx.Float(), vy.Float())
	case vx.CanComplex():
		cx, cy := vx.Complex(), vy.Complex()
		return sameFloat(real(cx), real(cy)) && sameFloat(imag(cx), imag(cy))
	}
	return bytes.Equal(mem.Bytes([]T{x}), mem.Bytes([]T{y}))
}

// sameFloat reports whether x and y have the same bits or are both NaN.
func sameFloat(x, y float64) bool {
	return math.Float64bits(x) == math.Float64bits(y) || x != x && y != y
}

// sentinel returns a value of T that marks destination elements a kernel
// must not write: the last corner value.
func sentinel[T any]() T {
	v := values[T]()
	return v[len(v)-1]
}

// strideCase is the layout of one row of a strided kernel: its length and
// each operand's stride (operand 0 the destination).
type strideCase struct {
	n  int
	st [3]int
}

// strideCases are the rows strided kernels are tested on: contiguous,
// reversed, spread, repeated (stride 0) and mixed strides.
var strideCases = []strideCase{
	{0, [3]int{1, 1, 1}},
	{1, [3]int{1, 1, 1}},
	{13, [3]int{1, 1, 1}},
	{13, [3]int{2, 3, 1}},
	{13, [3]int{-1, 2, 0}},
	{13, [3]int{3, -2, -1}},
	{13, [3]int{1, 0, 0}},
	{13, [3]int{-2, -1, 5}},
}

// row lays out n elements of stride st in a buffer, with a margin of 2 on
// both sides: it returns the buffer's length and the offset of the first
// element.
func row(n, st int) (size, off int) {
	span := max(n-1, 0) * abs(st)
	off = 2
	if st < 0 {
		off += span
	}
	return span + 5, off
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// spread returns a buffer holding xs at off, off+st, … in a buffer of size
// elements whose other elements are fill.
func spread[T any](xs []T, size, off, st int, fill T) []T {
	buf := make([]T, size)
	for i := range buf {
		buf[i] = fill
	}
	for k, x := range xs {
		buf[off+k*st] = x
	}
	return buf
}

// checkRow compares the destination buffer got, written by a kernel along
// n elements from off every st, with want there and with fill elsewhere.
func checkRow[D any](t *testing.T, what string, got []D, off, st int, want []D, fill D) {
	t.Helper()
	exp := spread(want, len(got), off, st, fill)
	for i := range exp {
		if !same(got[i], exp[i]) {
			t.Fatalf("%s: element %d of the destination is %v, want %v (row from %d every %d: %v)", what, i, got[i], exp[i], off, st, want)
		}
	}
}

// pairs returns two sources holding every pair of corner values of T.
func pairs[T any]() (a, b []T) {
	v := values[T]()
	for _, x := range v {
		for _, y := range v {
			a = append(a, x)
			b = append(b, y)
		}
	}
	return a, b
}

// checkBinary checks the kernels of a binary operation against ref on every
// pair of corner values of T.
func checkBinary[T, D any](t *testing.T, ref func(x, y T) D,
	vv func(d []D, a, b []T), sv func(d []D, x T, b []T), vs func(d []D, a []T, y T),
	strided func(d []D, di, ds int, a []T, ai, as int, b []T, bi, bs, n int)) {
	a, b := pairs[T]()
	want := make([]D, len(a))
	for i := range a {
		want[i] = ref(a[i], b[i])
	}
	fill := sentinel[D]()

	// VV: the sources may be longer than the destination.
	d := spread(nil, len(a)+2, 0, 1, fill)
	vv(d[1:len(a)+1], append(a, a...), append(b, b...))
	checkRow(t, "VV", d, 1, 1, want, fill)

	// SV and VS: each corner as the constant.
	v := values[T]()
	for _, x := range v {
		row := make([]D, len(v))
		for j, y := range v {
			row[j] = ref(x, y)
		}
		d := spread(nil, len(v)+2, 0, 1, fill)
		sv(d[1:len(v)+1], x, v)
		checkRow(t, fmt.Sprintf("SV x=%v", x), d, 1, 1, row, fill)
		for j, y := range v {
			row[j] = ref(y, x)
		}
		d = spread(nil, len(v)+2, 0, 1, fill)
		vs(d[1:len(v)+1], v, x)
		checkRow(t, fmt.Sprintf("VS y=%v", x), d, 1, 1, row, fill)
	}

	// Strided: every row layout, over windows of the pairs.
	for _, c := range strideCases {
		for start := 0; start+c.n <= len(a); start += max(c.n, 1) * 7 {
			xs, ys := a[start:start+c.n], b[start:start+c.n]
			if c.st[1] == 0 && c.n > 0 {
				xs = repeat(a[start], c.n)
			}
			if c.st[2] == 0 && c.n > 0 {
				ys = repeat(b[start], c.n)
			}
			exp := make([]D, c.n)
			for k := range exp {
				exp[k] = ref(xs[k], ys[k])
			}
			dsz, doff := row(c.n, c.st[0])
			asz, aoff := row(c.n, c.st[1])
			bsz, boff := row(c.n, c.st[2])
			var zero T
			d := spread(nil, dsz, 0, 1, fill)
			strided(d, doff, c.st[0], spread(xs, asz, aoff, c.st[1], zero), aoff, c.st[1], spread(ys, bsz, boff, c.st[2], zero), boff, c.st[2], c.n)
			checkRow(t, fmt.Sprintf("Strided %v from %d", c, start), d, doff, c.st[0], exp, fill)
		}
	}
}

// checkUnary checks the kernels of a unary operation against ref on every
// corner value of T.
func checkUnary[T, D any](t *testing.T, ref func(x T) D, v func(d []D, a []T), strided func(d []D, di, ds int, a []T, ai, as, n int)) {
	a := values[T]()
	want := make([]D, len(a))
	for i, x := range a {
		want[i] = ref(x)
	}
	fill := sentinel[D]()
	d := spread(nil, len(a)+2, 0, 1, fill)
	v(d[1:len(a)+1], append(a, a...))
	checkRow(t, "V", d, 1, 1, want, fill)
	for _, c := range strideCases {
		n := min(c.n, len(a))
		xs := a[:n]
		if c.st[1] == 0 && n > 0 {
			xs = repeat(a[len(a)/2], n)
		}
		exp := make([]D, n)
		for k := range exp {
			exp[k] = ref(xs[k])
		}
		dsz, doff := row(n, c.st[0])
		asz, aoff := row(n, c.st[1])
		var zero T
		d := spread(nil, dsz, 0, 1, fill)
		strided(d, doff, c.st[0], spread(xs, asz, aoff, c.st[1], zero), aoff, c.st[1], n)
		checkRow(t, fmt.Sprintf("Strided %v", c), d, doff, c.st[0], exp, fill)
	}
}

// repeat returns n copies of x.
func repeat[T any](x T, n int) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = x
	}
	return s
}

// checkReduce checks the kernels of a reduction against a naive fold by
// ref, from every corner value of T as the initial value, over rows of
// every length up to a few times the chains and at every stride.
func checkReduce[T any](t *testing.T, ref func(x, y T) T,
	contig func(r T, s []T) T, rowFn func(r T, s []T, off, st, n int) T,
	fold func(d []T, di, ds int, s []T, si, sm, ss, m, n int)) {
	v := values[T]()
	// Sequences: the corners in order, reversed, and rotated, so that
	// every corner (NaN, a zero of either sign, false) turns up in every
	// chain and at the end.
	var seqs [][]T
	for k := range 5 {
		s := make([]T, len(v))
		for i := range s {
			s[i] = v[(i*(k+1)+k)%len(v)]
		}
		seqs = append(seqs, s)
	}
	for _, r := range v {
		for si, s := range seqs {
			for n := range min(len(s), 11) + 1 {
				want := r
				for _, x := range s[:n] {
					want = ref(want, x)
				}
				if got := contig(r, s[:n]); !same(got, want) {
					t.Fatalf("contiguous from %v over %v: %v, want %v", r, s[:n], got, want)
				}
				for _, st := range []int{1, 2, -1, -3} {
					size, off := row(n, st)
					var zero T
					buf := spread(s[:n], size, off, st, zero)
					if got := rowFn(r, buf, off, st, n); !same(got, want) {
						t.Fatalf("row of stride %d from %v over %v: %v, want %v", st, r, s[:n], got, want)
					}
				}
			}
			// The whole sequence, in each chain arrangement.
			want := r
			for _, x := range s {
				want = ref(want, x)
			}
			if got := contig(r, s); !same(got, want) {
				t.Fatalf("sequence %d from %v: %v, want %v", si, r, got, want)
			}
		}
	}
	// Fold: an m×n block of the corners, laid out with the rows sm apart
	// and the elements ss apart, into a row of stride ds.
	var fill T = v[len(v)-1]
	for _, c := range []struct{ m, n, sm, ss, ds int }{
		{1, 5, 5, 1, 1}, {4, 5, 5, 1, 1}, {4, 5, 1, 4, 1}, {3, 6, 6, 1, 2}, {5, 3, -3, 1, -1}, {3, 4, 1, -3, 1},
	} {
		src := make([]T, c.m*c.n)
		for i := range src {
			src[i] = v[(i*3+1)%len(v)]
		}
		want := make([]T, c.n)
		for j := range want {
			want[j] = src[j]
			for i := 1; i < c.m; i++ {
				want[j] = ref(want[j], src[i*c.n+j])
			}
		}
		// Lay src out with strides sm and ss in a buffer wide enough.
		size := c.m*c.n*4 + 8
		base := size / 2
		buf := make([]T, size)
		for i := range c.m {
			for j := range c.n {
				buf[base+i*c.sm+j*c.ss] = src[i*c.n+j]
			}
		}
		dsz, doff := row(c.n, c.ds)
		d := spread(nil, dsz, 0, 1, fill)
		fold(d, doff, c.ds, buf, base, c.sm, c.ss, c.m, c.n)
		checkRow(t, fmt.Sprintf("fold %+v", c), d, doff, c.ds, want, fill)
	}
}

// checkConv checks a conversion row kernel against ref on every corner
// value of S, contiguous and at every stride.
func checkConv[D, S any](t *testing.T, ref func(x S) D, rowFn func(d []D, di, ds int, s []S, si, ss, n int)) {
	s := values[S]()
	fill := sentinel[D]()
	for _, c := range strideCases {
		n := min(c.n, len(s))
		if c.n == 13 {
			n = len(s)
		}
		xs := s[:n]
		if c.st[1] == 0 && n > 0 {
			xs = repeat(s[len(s)/2], n)
		}
		want := make([]D, n)
		for i, x := range xs {
			want[i] = ref(x)
		}
		dsz, doff := row(n, c.st[0])
		ssz, soff := row(n, c.st[1])
		var zero S
		d := spread(nil, dsz, 0, 1, fill)
		rowFn(d, doff, c.st[0], spread(xs, ssz, soff, c.st[1], zero), soff, c.st[1], n)
		checkRow(t, fmt.Sprintf("strides %v", c), d, doff, c.st[0], want, fill)
	}
}
