package kernels

// The helpers through which the generated loops run the vector kernels of
// package simd (the Vec column of the tables, semantics.md §27). Each
// processes a prefix of its row with vector code when the element type is
// float32 or float64 (exactly: named types run the Go loop) and returns
// its length, or 0; the loop that called it finishes the row. Their
// results are the Go loop's bits (K2).

import (
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/simd"
)

// as returns s as a []U, for T whose representation is U's.
func as[U, T any](s []T) []U { return mem.As[U](mem.Erase(s)) }

// scalar returns x as a U, for T whose representation is U's. (Through a
// one-element array: x converted to an interface would be allocated.)
func scalar[U, T any](x T) U {
	a := [1]T{x}
	return as[U](a[:])[0]
}

// isF32 and isF64 report whether T is float32 or float64.
func isF32[T any]() bool { _, ok := any((*T)(nil)).(*float32); return ok }
func isF64[T any]() bool { _, ok := any((*T)(nil)).(*float64); return ok }

// vecVV runs d[i] = a[i] op b[i].
func vecVV[T any](op simd.Op, d, a, b []T) int {
	switch {
	case isF32[T]():
		return simd.VV(op, as[float32](d), as[float32](a), as[float32](b))
	case isF64[T]():
		return simd.VV(op, as[float64](d), as[float64](a), as[float64](b))
	}
	return vecIntVV(op, d, a, b)
}

// vecVS runs d[i] = a[i] op y.
func vecVS[T any](op simd.Op, d, a []T, y T) int {
	switch {
	case isF32[T]():
		return simd.VS(op, as[float32](d), as[float32](a), scalar[float32](y))
	case isF64[T]():
		return simd.VS(op, as[float64](d), as[float64](a), scalar[float64](y))
	}
	return vecIntVS(op, d, a, y)
}

// vecSV runs d[i] = x op b[i].
func vecSV[T any](op simd.Op, d []T, x T, b []T) int {
	switch {
	case isF32[T]():
		return simd.SV(op, as[float32](d), scalar[float32](x), as[float32](b))
	case isF64[T]():
		return simd.SV(op, as[float64](d), scalar[float64](x), as[float64](b))
	}
	return vecIntSV(op, d, x, b)
}

// vecCmpVV runs d[i] = a[i] p b[i].
func vecCmpVV[T any](p simd.Pred, d []bool, a, b []T) int {
	switch {
	case isF32[T]():
		return simd.CmpVV(p, d, as[float32](a), as[float32](b))
	case isF64[T]():
		return simd.CmpVV(p, d, as[float64](a), as[float64](b))
	}
	return vecIntCmpVV(p, d, a, b)
}

// vecCmpVS runs d[i] = a[i] p y.
func vecCmpVS[T any](p simd.Pred, d []bool, a []T, y T) int {
	switch {
	case isF32[T]():
		return simd.CmpVS(p, d, as[float32](a), scalar[float32](y))
	case isF64[T]():
		return simd.CmpVS(p, d, as[float64](a), scalar[float64](y))
	}
	return vecIntCmpVS(p, d, a, y)
}

// vecCmpSV runs d[i] = x p b[i].
func vecCmpSV[T any](p simd.Pred, d []bool, x T, b []T) int {
	switch {
	case isF32[T]():
		return simd.CmpSV(p, d, scalar[float32](x), as[float32](b))
	case isF64[T]():
		return simd.CmpSV(p, d, scalar[float64](x), as[float64](b))
	}
	return vecIntCmpSV(p, d, x, b)
}

// vecSqrt runs simd.Sqrt.
func vecSqrt[T any](d, a []T) int {
	switch {
	case isF32[T]():
		return simd.Sqrt(as[float32](d), as[float32](a))
	case isF64[T]():
		return simd.Sqrt(as[float64](d), as[float64](a))
	}
	return 0
}

// vecNeg runs simd.Neg.
func vecNeg[T any](d, a []T) int {
	switch {
	case isF32[T]():
		return simd.Neg(as[float32](d), as[float32](a))
	case isF64[T]():
		return simd.Neg(as[float64](d), as[float64](a))
	}
	return 0
}

// vecAbs runs simd.Abs.
func vecAbs[T any](d, a []T) int {
	switch {
	case isF32[T]():
		return simd.Abs(as[float32](d), as[float32](a))
	case isF64[T]():
		return simd.Abs(as[float64](d), as[float64](a))
	}
	return 0
}

// vecClip runs Clip.
func vecClip[T any](d, a []T, lo, hi T) int {
	switch {
	case isF32[T]():
		return simd.Clip(as[float32](d), as[float32](a), scalar[float32](lo), scalar[float32](hi))
	case isF64[T]():
		return simd.Clip(as[float64](d), as[float64](a), scalar[float64](lo), scalar[float64](hi))
	}
	return 0
}

// vecExtreme folds a prefix of s into r by max (isMax) or min.
func vecExtreme[T any](r T, s []T, isMax bool) (T, int) {
	switch {
	case isF32[T]():
		m, k := simd.Extreme(scalar[float32](r), as[float32](s), isMax)
		return scalar[T](m), k
	case isF64[T]():
		m, k := simd.Extreme(scalar[float64](r), as[float64](s), isMax)
		return scalar[T](m), k
	}
	return vecIntExtreme(r, s, isMax)
}

// vecMax and vecMin run ReduceMax and ReduceMin.
func vecMax[T any](r T, s []T) (T, int) { return vecExtreme(r, s, true) }

func vecMin[T any](r T, s []T) (T, int) { return vecExtreme(r, s, false) }

// vecConvert runs the conversions of package simd: uint8 and float64 into
// float32, float32 into float64, and those of vecConvertInts.
func vecConvert[D, S any](d []D, s []S) int {
	switch {
	case isF32[D]():
		switch any((*S)(nil)).(type) {
		case *uint8:
			return simd.U8ToF32(as[float32](d), as[uint8](s))
		case *float64:
			return simd.F64ToF32(as[float32](d), as[float64](s))
		}
	case isF64[D]():
		if isF32[S]() {
			return simd.F32ToF64(as[float64](d), as[float32](s))
		}
	}
	return vecConvertInts(d, s)
}

// SumLanes stores into r[j] the sums s[j] + s[8+j] + s[16+j] + … of the
// first len(s)/8 groups of eight elements of s, added in order, with
// vector code, and reports whether it did: for float32 and float64, when
// len(s) >= 8 and the CPU runs a kernel. These are the eight accumulators
// of NumPy's pairwise sum (ndview's leaf8).
func SumLanes[T any](s []T, r *[8]T) bool {
	switch {
	case isF32[T]():
		return simd.SumLanes(as[float32](s), (*[8]float32)(as[float32](r[:])))
	case isF64[T]():
		return simd.SumLanes(as[float64](s), (*[8]float64)(as[float64](r[:])))
	}
	return false
}

// vecWhere sets d[i] = a[i] where c[i], b[i] elsewhere, for a prefix of d
// with vector code, and returns its length: for numbers of 4 or 8 bytes
// (elements are copied, never computed, so the bits are kept).
func vecWhere[T any](d []T, c []bool, a, b []T) int {
	switch mem.InfoOf[T]().Kind {
	case mem.Int32, mem.Uint32, mem.Float32:
		return simd.Where32(as[uint32](d), c, as[uint32](a), as[uint32](b))
	case mem.Int64, mem.Uint64, mem.Float64:
		return simd.Where64(as[uint64](d), c, as[uint64](a), as[uint64](b))
	}
	return 0
}

// VecExtreme returns the largest (isMax) or smallest element of s, which
// is not empty, computed with vector code, and whether it could be: false
// for element types other than float32 and float64, without vector code,
// when len(s) is not a multiple of the vector's lanes (16 always is), and
// when s holds a NaN or its extreme is a zero. The value, when true, is
// then the only element with its bits that is the extreme: the first
// element equal to it is the first extreme.
func VecExtreme[T any](s []T, isMax bool) (T, bool) {
	r, k := vecExtreme(s[0], s, isMax)
	return r, k == len(s)
}
