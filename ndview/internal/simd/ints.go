package simd

// The Go side of the kernels of semantics.md §33: integer arithmetic,
// comparisons and reductions, the row additions of axis-0 sums, dot
// products and more conversions. As everywhere in the package, each
// function processes a prefix of whole vectors and returns its length (0
// where no kernel runs); the caller's Go loop finishes the rest.

// Int is the integer element types with vector kernels.
type Int interface{ int32 | int64 | uint8 }

// cast returns s as a []U; T is U.
func cast[U, T any](s []T) []U { return *any(&s).(*[]U) }

// castVal returns x as a U; T is U.
func castVal[U, T any](x T) U { return *any(&x).(*U) }

// IntVV sets d[i] = a[i] op b[i] (Add, Sub, Mul; wrapping as Go's
// integers) for a prefix of d and returns its length; len(a), len(b) >=
// len(d). Operations without a kernel (Div; Mul of int64 and uint8)
// process nothing.
func IntVV[T Int](op Op, d, a, b []T) int {
	a, b = a[:len(d)], b[:len(d)]
	switch any((*T)(nil)).(type) {
	case *int32:
		return vvI32(op, cast[int32](d), cast[int32](a), cast[int32](b))
	case *int64:
		return vvI64(op, cast[int64](d), cast[int64](a), cast[int64](b))
	}
	return vvU8(op, cast[uint8](d), cast[uint8](a), cast[uint8](b))
}

// IntVS sets d[i] = a[i] op s for a prefix of d and returns its length.
func IntVS[T Int](op Op, d, a []T, s T) int {
	a = a[:len(d)]
	switch any((*T)(nil)).(type) {
	case *int32:
		return vsI32(op, cast[int32](d), cast[int32](a), castVal[int32](s))
	case *int64:
		return vsI64(op, cast[int64](d), cast[int64](a), castVal[int64](s))
	}
	return vsU8(op, cast[uint8](d), cast[uint8](a), castVal[uint8](s))
}

// IntSV sets d[i] = s op b[i] for a prefix of d and returns its length.
func IntSV[T Int](op Op, d []T, s T, b []T) int {
	b = b[:len(d)]
	switch any((*T)(nil)).(type) {
	case *int32:
		return svI32(op, cast[int32](d), castVal[int32](s), cast[int32](b))
	case *int64:
		return svI64(op, cast[int64](d), castVal[int64](s), cast[int64](b))
	}
	return svU8(op, cast[uint8](d), castVal[uint8](s), cast[uint8](b))
}

// IntCmpVV sets d[i] = a[i] pred b[i] (signed for int32 and int64,
// unsigned for uint8) for a prefix of d and returns its length.
func IntCmpVV[T Int](p Pred, d []bool, a, b []T) int {
	a, b = a[:len(d)], b[:len(d)]
	switch any((*T)(nil)).(type) {
	case *int32:
		return cmpVVI32(p, d, cast[int32](a), cast[int32](b))
	case *int64:
		return cmpVVI64(p, d, cast[int64](a), cast[int64](b))
	}
	return cmpVVU8(p, d, cast[uint8](a), cast[uint8](b))
}

// IntCmpVS sets d[i] = a[i] pred s for a prefix of d and returns its
// length.
func IntCmpVS[T Int](p Pred, d []bool, a []T, s T) int {
	a = a[:len(d)]
	switch any((*T)(nil)).(type) {
	case *int32:
		return cmpVSI32(p, d, cast[int32](a), castVal[int32](s))
	case *int64:
		return cmpVSI64(p, d, cast[int64](a), castVal[int64](s))
	}
	return cmpVSU8(p, d, cast[uint8](a), castVal[uint8](s))
}

// IntCmpSV sets d[i] = s pred b[i] for a prefix of d and returns its
// length.
func IntCmpSV[T Int](p Pred, d []bool, s T, b []T) int {
	b = b[:len(d)]
	switch any((*T)(nil)).(type) {
	case *int32:
		return cmpSVI32(p, d, castVal[int32](s), cast[int32](b))
	case *int64:
		return cmpSVI64(p, d, castVal[int64](s), cast[int64](b))
	}
	return cmpSVU8(p, d, castVal[uint8](s), cast[uint8](b))
}

// lanesIn returns the lanes of T in one vector of the level in use, and
// the lanes of the level's integer kernels (byte lanes run the AVX2
// kernels on both levels).
func lanesIn[T Int]() int {
	size := 8
	switch any((*T)(nil)).(type) {
	case *int32:
		size = 4
	case *uint8:
		return 32 * min(lvl, 1)
	}
	return 32 * lvl / size
}

// IntSum returns the sum of a prefix of s, wrapping as Go's integer
// addition (whose result does not depend on the order), and its length.
func IntSum[T Int](s []T) (T, int) {
	var r [64]T
	var k int
	switch any((*T)(nil)).(type) {
	case *int32:
		k = intSumI32(cast[int32](s), (*[64]int32)(cast[int32](r[:])))
	case *int64:
		k = intSumI64(cast[int64](s), (*[64]int64)(cast[int64](r[:])))
	default:
		k = intSumU8(cast[uint8](s), (*[64]uint8)(cast[uint8](r[:])))
	}
	var t T
	if k > 0 {
		for _, x := range r[:lanesIn[T]()] {
			t += x
		}
	}
	return t, k
}

// IntExtreme returns max(r, s[0], …) (isMax) or the minimum over a prefix
// of s, and its length: int32 and uint8 (int64 has no kernel).
func IntExtreme[T Int](r T, s []T, isMax bool) (T, int) {
	lanes := lanesIn[T]()
	if lanes == 0 || len(s) < lanes {
		return r, 0
	}
	var v [64]T
	var k int
	switch any((*T)(nil)).(type) {
	case *int32:
		k = intExtremeI32(isMax, cast[int32](s), (*[64]int32)(cast[int32](v[:])))
	case *uint8:
		k = intExtremeU8(isMax, cast[uint8](s), (*[64]uint8)(cast[uint8](v[:])))
	}
	if k == 0 {
		return r, 0
	}
	for _, x := range v[:lanes] {
		if isMax {
			r = max(r, x)
		} else {
			r = min(r, x)
		}
	}
	return r, k
}

// AddRows4 sets d[i] = (((d[i] + r0[i]) + r1[i]) + r2[i]) + r3[i], the
// additions in this order (NumPy's order of an axis-0 sum: one row at a
// time), for a prefix of d and returns its length; the rows are at least
// len(d) long.
func AddRows4[T Float](d, r0, r1, r2, r3 []T) int {
	n := len(d)
	r0, r1, r2, r3 = r0[:n], r1[:n], r2[:n], r3[:n]
	if d, ok := f32(d); ok {
		r0, _ := f32(r0)
		r1, _ := f32(r1)
		r2, _ := f32(r2)
		r3, _ := f32(r3)
		return addRows4F32(d, r0, r1, r2, r3)
	}
	return addRows4F64(f64(d), f64(r0), f64(r1), f64(r2), f64(r3))
}

// Dot returns Σ a[i]·b[i] over a prefix of a, and its length; len(b) >=
// len(a). The products are added with fused multiply-adds into four
// vector accumulators (4·lanes partial sums, added at the end), not in
// index order: the result is within the bound of semantics.md §33 (VK5)
// of the exact sum, not the bits of a loop.
func Dot[T Float](a, b []T) (T, int) {
	b = b[:len(a)]
	if lvl == 1 && !hasFMA {
		return 0, 0
	}
	var r [16]T
	var k int
	if a32, ok := f32(a); ok {
		b32, _ := f32(b)
		k = dotLanesF32(a32, b32, any(&r).(*[16]float32))
	} else {
		k = dotLanesF64(f64(a), f64(b), any(&r).(*[16]float64))
	}
	var t T
	if k > 0 {
		var z T
		for _, x := range r[:32*lvl/sizeof(z)] {
			t += x
		}
	}
	return t, k
}

// I32ToF32 sets d[i] = float32(s[i]) (to nearest even, as Go converts)
// for a prefix of d and returns its length; len(s) >= len(d).
func I32ToF32(d []float32, s []int32) int { return i32ToF32(d, s[:len(d)]) }

// I32ToF64 sets d[i] = float64(s[i]) for a prefix of d and returns its
// length.
func I32ToF64(d []float64, s []int32) int { return i32ToF64(d, s[:len(d)]) }

// U8ToF64 sets d[i] = float64(s[i]) for a prefix of d and returns its
// length.
func U8ToF64(d []float64, s []uint8) int { return u8ToF64(d, s[:len(d)]) }

// F16ToF32 sets d[i] to the float32 value of the float16 bits s[i] (exact;
// a NaN keeps its payload, a signalling NaN is quieted) for a prefix of d
// and returns its length. It needs F16C, as every AVX2 CPU has.
func F16ToF32(d []float32, s []uint16) int {
	if !hasF16C {
		return 0
	}
	return f16ToF32(d, s[:len(d)])
}

// F32ToF16 sets d[i] to the float16 bits of s[i], rounded to nearest even,
// for a prefix of d and returns its length: the bits of kernels.F32ToF16,
// NaN included (its sign and leading payload bits kept, made quiet).
func F32ToF16(d []uint16, s []float32) int {
	if !hasF16C {
		return 0
	}
	return f32ToF16(d, s[:len(d)])
}
