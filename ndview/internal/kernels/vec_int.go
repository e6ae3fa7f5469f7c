package kernels

// The helpers of the kernels of semantics.md §33 (package simd's ints.go):
// integer arithmetic, comparisons and reductions, more conversions, the
// row additions of axis-0 sums and dot products. As in vec.go, each
// processes a prefix of its row with vector code and returns its length,
// or 0; the caller's Go loop finishes the row with the same bits.

import "github.com/ndkit/ndkit/ndview/internal/simd"

// intShape returns the size of T's lanes (1, 4 or 8) when T is one of the
// predeclared integer types with kernels, and whether T is signed; size 0
// for any other type (int16 and uint16 have none; a defined type runs the
// Go loop, as for floats).
func intShape[T any]() (size int, signed bool) {
	switch any((*T)(nil)).(type) {
	case *int8:
		return 1, true
	case *uint8:
		return 1, false
	case *int32:
		return 4, true
	case *uint32:
		return 4, false
	case *int64, *int:
		return 8, true
	case *uint64, *uint, *uintptr:
		return 8, false
	}
	return 0, false
}

// vecIntVV runs d[i] = a[i] op b[i] on integers: wrapping arithmetic has
// the same bits signed or not, so uint32 runs the int32 kernels, int8 the
// uint8 ones.
func vecIntVV[T any](op simd.Op, d, a, b []T) int {
	switch size, _ := intShape[T](); size {
	case 1:
		return simd.IntVV(op, as[uint8](d), as[uint8](a), as[uint8](b))
	case 4:
		return simd.IntVV(op, as[int32](d), as[int32](a), as[int32](b))
	case 8:
		return simd.IntVV(op, as[int64](d), as[int64](a), as[int64](b))
	}
	return 0
}

// vecIntVS runs d[i] = a[i] op y on integers.
func vecIntVS[T any](op simd.Op, d, a []T, y T) int {
	switch size, _ := intShape[T](); size {
	case 1:
		return simd.IntVS(op, as[uint8](d), as[uint8](a), scalar[uint8](y))
	case 4:
		return simd.IntVS(op, as[int32](d), as[int32](a), scalar[int32](y))
	case 8:
		return simd.IntVS(op, as[int64](d), as[int64](a), scalar[int64](y))
	}
	return 0
}

// vecIntSV runs d[i] = x op b[i] on integers.
func vecIntSV[T any](op simd.Op, d []T, x T, b []T) int {
	switch size, _ := intShape[T](); size {
	case 1:
		return simd.IntSV(op, as[uint8](d), scalar[uint8](x), as[uint8](b))
	case 4:
		return simd.IntSV(op, as[int32](d), scalar[int32](x), as[int32](b))
	case 8:
		return simd.IntSV(op, as[int64](d), scalar[int64](x), as[int64](b))
	}
	return 0
}

// cmpKernel reports which comparison kernel serves T: 1 (uint8), 4
// (int32), 8 (int64, int) or 0 (none: the order of the other integers is
// not the order of the kernels').
func cmpKernel[T any]() int {
	switch size, signed := intShape[T](); {
	case size == 1 && !signed, size > 1 && signed:
		return size
	}
	return 0
}

// vecIntCmpVV runs d[i] = a[i] p b[i] on integers.
func vecIntCmpVV[T any](p simd.Pred, d []bool, a, b []T) int {
	switch cmpKernel[T]() {
	case 1:
		return simd.IntCmpVV(p, d, as[uint8](a), as[uint8](b))
	case 4:
		return simd.IntCmpVV(p, d, as[int32](a), as[int32](b))
	case 8:
		return simd.IntCmpVV(p, d, as[int64](a), as[int64](b))
	}
	return 0
}

// vecIntCmpVS runs d[i] = a[i] p y on integers.
func vecIntCmpVS[T any](p simd.Pred, d []bool, a []T, y T) int {
	switch cmpKernel[T]() {
	case 1:
		return simd.IntCmpVS(p, d, as[uint8](a), scalar[uint8](y))
	case 4:
		return simd.IntCmpVS(p, d, as[int32](a), scalar[int32](y))
	case 8:
		return simd.IntCmpVS(p, d, as[int64](a), scalar[int64](y))
	}
	return 0
}

// vecIntCmpSV runs d[i] = x p b[i] on integers.
func vecIntCmpSV[T any](p simd.Pred, d []bool, x T, b []T) int {
	switch cmpKernel[T]() {
	case 1:
		return simd.IntCmpSV(p, d, scalar[uint8](x), as[uint8](b))
	case 4:
		return simd.IntCmpSV(p, d, scalar[int32](x), as[int32](b))
	case 8:
		return simd.IntCmpSV(p, d, scalar[int64](x), as[int64](b))
	}
	return 0
}

// vecIntExtreme folds a prefix of s into r by max (isMax) or min, for
// int32 and uint8.
func vecIntExtreme[T any](r T, s []T, isMax bool) (T, int) {
	switch cmpKernel[T]() {
	case 1:
		m, k := simd.IntExtreme(scalar[uint8](r), as[uint8](s), isMax)
		return scalar[T](m), k
	case 4:
		m, k := simd.IntExtreme(scalar[int32](r), as[int32](s), isMax)
		return scalar[T](m), k
	}
	return r, 0
}

// IntSum returns the sum of s, wrapping, and true, when T is an integer
// type with kernels (any order of wrapping additions gives the same
// bits); false for any other type.
func IntSum[T any](s []T) (T, bool) {
	var r T
	var k int
	switch size, _ := intShape[T](); size {
	case 1:
		var t uint8
		t, k = simd.IntSum(as[uint8](s))
		r = scalar[T](t)
	case 4:
		var t int32
		t, k = simd.IntSum(as[int32](s))
		r = scalar[T](t)
	case 8:
		var t int64
		t, k = simd.IntSum(as[int64](s))
		r = scalar[T](t)
	default:
		return r, false
	}
	return addRest(r, s[k:]), true
}

// addRest returns r + x₀ + x₁ + … over s, for the integer types of IntSum.
func addRest[T any](r T, s []T) T {
	switch size, _ := intShape[T](); size {
	case 1:
		t := scalar[uint8](r)
		for _, x := range as[uint8](s) {
			t += x
		}
		return scalar[T](t)
	case 4:
		t := scalar[int32](r)
		for _, x := range as[int32](s) {
			t += x
		}
		return scalar[T](t)
	}
	t := scalar[int64](r)
	for _, x := range as[int64](s) {
		t += x
	}
	return scalar[T](t)
}

// AddRows4 sets d[i] = (((d[i] + r0[i]) + r1[i]) + r2[i]) + r3[i] for a
// prefix of d with vector code and returns its length: float32 and
// float64 (the additions in this order, NumPy's order of an axis-0 sum).
func AddRows4[T any](d, r0, r1, r2, r3 []T) int {
	switch {
	case isF32[T]():
		return simd.AddRows4(as[float32](d), as[float32](r0), as[float32](r1), as[float32](r2), as[float32](r3))
	case isF64[T]():
		return simd.AddRows4(as[float64](d), as[float64](r0), as[float64](r1), as[float64](r2), as[float64](r3))
	}
	return 0
}

// AddRow sets d[i] += r[i] for a prefix of d with vector code and returns
// its length (float32, float64 and the integers of IntSum).
func AddRow[T any](d, r []T) int { return vecVV(simd.Add, d, d, r) }

// Dot returns Σ a[i]·b[i] over a prefix of a with vector code (fused
// multiply-adds, several accumulators: semantics.md §33 VK5 bounds the
// error), and its length: float32 and float64.
func Dot[T any](a, b []T) (T, int) {
	switch {
	case isF32[T]():
		r, k := simd.Dot(as[float32](a), as[float32](b))
		return scalar[T](r), k
	case isF64[T]():
		r, k := simd.Dot(as[float64](a), as[float64](b))
		return scalar[T](r), k
	}
	var z T
	return z, 0
}

// vecConvertInts runs the conversions of ints.go: int32 into float32 and
// float64, uint8 into float64.
func vecConvertInts[D, S any](d []D, s []S) int {
	switch any((*S)(nil)).(type) {
	case *int32:
		switch {
		case isF32[D]():
			return simd.I32ToF32(as[float32](d), as[int32](s))
		case isF64[D]():
			return simd.I32ToF64(as[float64](d), as[int32](s))
		}
	case *uint8:
		if isF64[D]() {
			return simd.U8ToF64(as[float64](d), as[uint8](s))
		}
	}
	return 0
}

// vecToF16 runs float32 into float16 bits (RealToF16Row from float32).
func vecToF16[S any](d []uint16, s []S) int {
	if isF32[S]() {
		return simd.F32ToF16(d, as[float32](s))
	}
	return 0
}

// vecFromF16 runs float16 bits into float32 (F16ToRealRow into float32).
func vecFromF16[D any](d []D, s []uint16) int {
	if isF32[D]() {
		return simd.F16ToF32(as[float32](d), s)
	}
	return 0
}

// RowBlock returns the number of elements of size bytes in a block of a
// row that half the L1 data cache holds, at least 64: the width of the
// column strips of an axis-0 sum, whose accumulator row stays in L1 while
// every row adds into it (semantics.md §33, VK3).
func RowBlock(size int) int { return max(simd.L1D()/2/size, 64) }
