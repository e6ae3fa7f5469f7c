//go:build openblas && cgo

package gemm

import (
	"math"

	"github.com/ndkit/ndkit/linalg/internal/gemm/cblas"
)

// With the openblas build tag (and cgo), large products whose operands
// BLAS can describe go to the system's OpenBLAS (semantics.md §28, GM7):
//
//	go build -tags openblas ./...   # needs libopenblas-dev (pkg-config openblas)

func init() {
	blas64Gemm = openblasGemm[float64]
	blas32Gemm = openblasGemm[float32]
}

// Backend names the library that computes large products: "openblas".
const Backend = "openblas"

// describe returns whether BLAS describes the storage of m, row-major
// (column stride 1) or column-major (row stride 1, trans), with a leading
// dimension ld that fits a C int, every element in m.Data.
func describe[T Float](m Mat[T]) (trans bool, ld int, ok bool) {
	switch {
	case m.CS == 1 && (m.Rows == 1 || m.RS >= m.Cols):
		ld = m.RS
		if m.Rows == 1 {
			ld = m.Cols
		}
	case m.RS == 1 && (m.Cols == 1 || m.CS >= m.Rows):
		trans, ld = true, m.CS
		if m.Cols == 1 {
			ld = m.Rows
		}
	default:
		return false, 0, false
	}
	lo, hi := m.span()
	return trans, max(ld, 1), ld <= math.MaxInt32 && lo >= 0 && hi < len(m.Data)
}

// openblasGemm computes C = A·B through OpenBLAS and reports true, or
// reports false, having done nothing, when BLAS cannot describe an operand
// or C is not row-major.
func openblasGemm[T Float](c, a, b Mat[T], threads int) bool {
	m, n, k := c.Rows, c.Cols, a.Cols
	if m > math.MaxInt32 || n > math.MaxInt32 || k > math.MaxInt32 {
		return false
	}
	tc, ldc, okC := describe(c)
	ta, lda, okA := describe(a)
	tb, ldb, okB := describe(b)
	if !okA || !okB || !okC || tc {
		return false
	}
	cblas.SetThreads(max(1, threads))
	cblas.Gemm(ta, tb, m, n, k, a.Data[a.Off:], lda, b.Data[b.Off:], ldb, c.Data[c.Off:], ldc)
	return true
}
