//go:build openblas && cgo

package cblas

/*
#cgo pkg-config: openblas
#include <cblas.h>
*/
import "C"

import "sync"

var (
	threadsMu sync.Mutex
	threads   int
)

// SetThreads sets OpenBLAS's thread count to n when it differs from the
// last count set.
func SetThreads(n int) {
	threadsMu.Lock()
	defer threadsMu.Unlock()
	if n != threads {
		C.openblas_set_num_threads(C.int(n))
		threads = n
	}
}

// Gemm computes C = A·B by cblas_dgemm or cblas_sgemm in row-major order:
// A is m×k at a[0] with leading dimension lda, transposed in memory when
// ta (then k×m in memory), likewise B (k×n); C is m×n at c[0], ldc. The
// caller has checked that every element lies in its slice and that the
// sizes fit a C int.
func Gemm[T float32 | float64](ta, tb bool, m, n, k int, a []T, lda int, b []T, ldb int, c []T, ldc int) {
	tra, trb := uint32(C.CblasNoTrans), uint32(C.CblasNoTrans)
	if ta {
		tra = C.CblasTrans
	}
	if tb {
		trb = C.CblasTrans
	}
	switch cd := any(c).(type) {
	case []float64:
		ad, bd := any(a).([]float64), any(b).([]float64)
		C.cblas_dgemm(C.CblasRowMajor, tra, trb, C.blasint(m), C.blasint(n), C.blasint(k), 1,
			(*C.double)(&ad[0]), C.blasint(lda), (*C.double)(&bd[0]), C.blasint(ldb), 0,
			(*C.double)(&cd[0]), C.blasint(ldc))
	case []float32:
		ad, bd := any(a).([]float32), any(b).([]float32)
		C.cblas_sgemm(C.CblasRowMajor, tra, trb, C.blasint(m), C.blasint(n), C.blasint(k), 1,
			(*C.float)(&ad[0]), C.blasint(lda), (*C.float)(&bd[0]), C.blasint(ldb), 0,
			(*C.float)(&cd[0]), C.blasint(ldc))
	}
}
