package bench

import (
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// BenchmarkSIMD2 measures the kernels of semantics.md §33 beside the loop
// a Go user would write, on the same memory: huge pages (arrays from
// ndview.Zeros, advised for huge pages, against the same operation on
// arrays from make), axis-0 sums, integer kernels and conversions. The
// NumPy timings of the same cases, in the same names, come from
// bench/numpy/simd2.py, and PyTorch's for bfloat16 from bench/numpy/bf16.py.

// fill sets v[i] = f(i) over the C-contiguous v and returns its slice.
func fill[T any](v ndview.NDView[T], f func(i int) T) []T {
	s, err := v.Data()
	if err != nil {
		panic(err)
	}
	for i := range s {
		s[i] = f(i)
	}
	return s
}

//go:noinline
func loopAddI32(d, a, b []int32) {
	b, d = b[:len(a)], d[:len(a)]
	for i, x := range a {
		d[i] = x + b[i]
	}
}

//go:noinline
func loopAddU8(d, a, b []uint8) {
	b, d = b[:len(a)], d[:len(a)]
	for i, x := range a {
		d[i] = x + b[i]
	}
}

//go:noinline
func loopLessI32(d []bool, a, b []int32) {
	b, d = b[:len(a)], d[:len(a)]
	for i, x := range a {
		d[i] = x < b[i]
	}
}

//go:noinline
func loopMaxI32(s []int32) int32 {
	r := s[0]
	for _, x := range s {
		r = max(r, x)
	}
	return r
}

// loopSum is the hand loop of a sum, in index order (wrapping for
// integers).
//
//go:noinline
func loopSum[T int32 | float32](s []T) T {
	var r T
	for _, x := range s {
		r += x
	}
	return r
}

//go:noinline
func loopI32ToF32(d []float32, s []int32) {
	d = d[:len(s)]
	for i, x := range s {
		d[i] = float32(x)
	}
}

//go:noinline
func loopF16ToF32(d []float32, s []float16.Float16) {
	d = d[:len(s)]
	for i, x := range s {
		d[i] = x.Float32()
	}
}

//go:noinline
func loopF32ToF16(d []float16.Float16, s []float32) {
	d = d[:len(s)]
	for i, x := range s {
		d[i] = float16.Fromfloat32(x)
	}
}

//go:noinline
func loopBF16ToF32(d []float32, s []bfloat16.BFloat16) {
	d = d[:len(s)]
	for i, x := range s {
		d[i] = x.Float32()
	}
}

//go:noinline
func loopF32ToBF16(d []bfloat16.BFloat16, s []float32) {
	d = d[:len(s)]
	for i, x := range s {
		d[i] = bfloat16.FromFloat32(x)
	}
}

// loopSumAxis0 is the hand loop of a column sum of a C-ordered m×n
// matrix: rows added into the output one at a time.
//
//go:noinline
func loopSumAxis0(d, s []float32, m, n int) {
	d = d[:n]
	clear(d)
	for i := range m {
		row := s[i*n : i*n+n]
		for j, x := range row {
			d[j] += x
		}
	}
}

// loopSumAxis1 is the hand loop of a row sum of a C-ordered m×n matrix.
//
//go:noinline
func loopSumAxis1(d, s []float32, m, n int) {
	d = d[:m]
	for i := range m {
		d[i] = loopSum(s[i*n : i*n+n])
	}
}

func BenchmarkSIMD2(b *testing.B) {
	run := func(name string, bytes int, fn func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(bytes))
			for b.Loop() {
				fn()
			}
		})
	}
	const n = simdN
	r := rand.New(rand.NewPCG(7, 8))

	// Huge pages: the same operation on arrays from ndview.Zeros (huge
	// pages) and on arrays from make (4 KiB pages, unless the system backs
	// the whole heap with huge pages).
	ha, hb, hd := ndview.Zeros[float32](n), ndview.Zeros[float32](n), ndview.Zeros[float32](n)
	hm := ndview.Zeros[bool](n)
	fill(ha, func(int) float32 { return float32(r.Float64()*2 - 1) })
	fill(hb, func(int) float32 { return float32(r.Float64()*2 - 1) })
	_, sa := simdData32(n, 1)
	_, sb := simdData32(n, 2)
	_, sd := simdData32(n, 3)
	sm, _ := ndview.FromSlice(make([]bool, n), n)
	var sink float32
	run("Add/f32/16M/huge", 12*n, func() { ndview.AddInto(hd, ha, hb) })
	run("Add/f32/16M/4K", 12*n, func() { ndview.AddInto(sd, sa, sb) })
	run("Sum/f32/16M/huge", 4*n, func() { sink += ndview.Sum(ha) })
	run("Sum/f32/16M/4K", 4*n, func() { sink += ndview.Sum(sa) })
	run("Less/f32/16M/huge", 9*n, func() { ndview.LessInto(hm, ha, hb) })
	run("Less/f32/16M/4K", 9*n, func() { ndview.LessInto(sm, sa, sb) })
	run("Max/f32/16M/huge", 4*n, func() { sink += ndview.Max(ha) })
	run("Max/f32/16M/4K", 4*n, func() { sink += ndview.Max(sa) })

	// Axis-0 sum of a float32 4096² matrix.
	sq, err := ha.Reshape(4096, 4096)
	if err != nil {
		b.Fatal(err)
	}
	col := ndview.Zeros[float32](4096)
	has, _ := ha.Data()
	cols, _ := col.Data()
	run("SumAxis0/f32/4096²/ndview", 4*n, func() { ndview.SumAxisInto(col, sq, 0) })
	run("SumAxis0/f32/4096²/loop", 4*n, func() { loopSumAxis0(cols, has, 4096, 4096) })
	run("SumAxis1/f32/4096²/ndview", 4*n, func() { ndview.SumAxisInto(col, sq, 1) })
	run("SumAxis1/f32/4096²/loop", 4*n, func() { loopSumAxis1(cols, has, 4096, 4096) })

	// Integers.
	ia, ib, id := ndview.Zeros[int32](n), ndview.Zeros[int32](n), ndview.Zeros[int32](n)
	ias := fill(ia, func(int) int32 { return int32(r.Uint32()) })
	ibs := fill(ib, func(int) int32 { return int32(r.Uint32()) })
	ids, _ := id.Data()
	hms, _ := hm.Data()
	var isink int32
	run("Add/i32/16M/ndview", 12*n, func() { ndview.AddInto(id, ia, ib) })
	run("Add/i32/16M/loop", 12*n, func() { loopAddI32(ids, ias, ibs) })
	run("Less/i32/16M/ndview", 9*n, func() { ndview.LessInto(hm, ia, ib) })
	run("Less/i32/16M/loop", 9*n, func() { loopLessI32(hms, ias, ibs) })
	run("Max/i32/16M/ndview", 4*n, func() { isink += ndview.Max(ia) })
	run("Max/i32/16M/loop", 4*n, func() { isink += loopMaxI32(ias) })
	run("Sum/i32/16M/ndview", 4*n, func() { isink += ndview.Sum(ia) })
	run("Sum/i32/16M/loop", 4*n, func() { isink += loopSum(ias) })
	ua, ub, ud := ndview.Zeros[uint8](n), ndview.Zeros[uint8](n), ndview.Zeros[uint8](n)
	uas := fill(ua, func(int) uint8 { return uint8(r.Uint32()) })
	ubs := fill(ub, func(int) uint8 { return uint8(r.Uint32()) })
	uds, _ := ud.Data()
	run("Add/u8/16M/ndview", 3*n, func() { ndview.AddInto(ud, ua, ub) })
	run("Add/u8/16M/loop", 3*n, func() { loopAddU8(uds, uas, ubs) })

	// Conversions.
	hds, _ := hd.Data()
	run("I32ToF32/16M/ndview", 8*n, func() { ndview.ConvertInto(hd, ia) })
	run("I32ToF32/16M/loop", 8*n, func() { loopI32ToF32(hds, ias) })
	h16 := ndview.Zeros[float16.Float16](n)
	h16s := fill(h16, func(i int) float16.Float16 { return float16.Fromfloat32(has[i]) })
	run("F16ToF32/16M/ndview", 6*n, func() { ndview.ConvertInto(hd, h16) })
	run("F16ToF32/16M/loop", 6*n, func() { loopF16ToF32(hds, h16s) })
	run("F32ToF16/16M/ndview", 6*n, func() { ndview.ConvertInto(h16, ha) })
	run("F32ToF16/16M/loop", 6*n, func() { loopF32ToF16(h16s, has) })
	b16 := ndview.Zeros[bfloat16.BFloat16](n)
	b16s := fill(b16, func(i int) bfloat16.BFloat16 { return bfloat16.FromFloat32(has[i]) })
	run("BF16ToF32/16M/ndview", 6*n, func() { ndview.ConvertInto(hd, b16) })
	run("BF16ToF32/16M/loop", 6*n, func() { loopBF16ToF32(hds, b16s) })
	// The allocating form, as PyTorch's x.to(torch.float32) allocates.
	run("BF16ToF32/16M/astype", 6*n, func() { _ = ndview.AsType[float32](b16) })
	run("F16ToF32/16M/astype", 6*n, func() { _ = ndview.AsType[float32](h16) })
	run("F32ToBF16/16M/ndview", 6*n, func() { ndview.ConvertInto(b16, ha) })
	run("F32ToBF16/16M/loop", 6*n, func() { loopF32ToBF16(b16s, has) })
	_, _ = sink, isink
}
