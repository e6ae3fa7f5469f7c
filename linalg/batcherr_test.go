package linalg

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// badStack returns a (2, 3, n, n) stack of well-conditioned symmetric
// matrices whose matrices at batch indices (1, 0) and (1, 2) are replaced
// by bad (an n×n matrix, row-major).
func badStack[T Float](n int, bad func(i, j int) float64) ndview.NDView[T] {
	a := ndview.Zeros[T](2, 3, n, n)
	for p := range 2 {
		for q := range 3 {
			for i := range n {
				for j := range n {
					v := 1 / float64(1+i+j)
					if i == j {
						v += float64(n)
					}
					if p == 1 && q != 1 {
						v = bad(i, j)
					}
					a.Set(T(v), p, q, i, j)
				}
			}
		}
	}
	return a
}

// wantBatchErr fails unless err wraps kind and names batch index (1, 0),
// the first failing matrix in C order.
func wantBatchErr(t *testing.T, what string, err, kind error) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Errorf("%s: error %v, want one wrapping %v", what, err, kind)
		return
	}
	if !strings.Contains(err.Error(), "at batch index (1, 0)") {
		t.Errorf("%s: error %q does not name batch index (1,0)", what, err)
	}
}

// TestBatchIndexErrors checks that every data-dependent error of a batched
// call names the first failing matrix by its full batch index, on the
// small-matrix path (n = 3) and the LAPACK path (n = 6), in float64 and
// float32, including a batch shape made by broadcasting a against b
// (semantics.md LA9, §34 LP6).
func TestBatchIndexErrors(t *testing.T) {
	for _, n := range []int{3, 6} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			batchErrors[float64](t, n)
			batchErrors[float32](t, n)
		})
	}
}

func batchErrors[T Float](t *testing.T, n int) {
	t.Helper()
	singular := badStack[T](n, func(i, j int) float64 { return float64(i*n + j) }) // rank 2
	notPD := badStack[T](n, func(i, j int) float64 {
		if i == j {
			return -1
		}
		return 0
	})
	nan := badStack[T](n, func(i, j int) float64 { return math.NaN() })
	typ := fmt.Sprintf("%T n=%d", T(0), n)

	_, err := Inv(singular)
	wantBatchErr(t, typ+" Inv", err, ErrSingular)
	_, err = Solve(singular, ndview.Ones[T](n))
	wantBatchErr(t, typ+" Solve vector", err, ErrSingular)
	_, err = Solve(singular, ndview.Ones[T](3, n, 2))
	wantBatchErr(t, typ+" Solve stack", err, ErrSingular)
	_, err = Cholesky(notPD, false)
	wantBatchErr(t, typ+" Cholesky", err, ErrNotPositiveDefinite)
	_, err = Cholesky(notPD, true)
	wantBatchErr(t, typ+" Cholesky upper", err, ErrNotPositiveDefinite)
	_, err = Svdvals(nan)
	wantBatchErr(t, typ+" Svdvals", err, ErrNoConvergence)
	_, _, _, err = SVD(nan, false)
	wantBatchErr(t, typ+" SVD", err, ErrNoConvergence)

	// Det and Slogdet give 0 and (0, −Inf) there, not an error.
	det := Det(singular)
	if got := det.At(1, 0); got != 0 {
		t.Errorf("%s Det at (1,0) = %v, want 0", typ, got)
	}
	if got := det.At(0, 0); got == 0 {
		t.Errorf("%s Det at (0,0) = 0, want non-zero", typ)
	}
	sign, logdet := Slogdet(singular)
	if s, l := sign.At(1, 2), logdet.At(1, 2); s != 0 || !math.IsInf(float64(l), -1) {
		t.Errorf("%s Slogdet at (1,2) = (%v, %v), want (0, -Inf)", typ, s, l)
	}

	// The batch shape (2, 3) comes from broadcasting a (2, 1, n, n)
	// against b (3, n, 2): a[1, 0] is singular, so every system (1, q)
	// is, and the first in C order is (1, 0).
	a := singular.Slice(ndview.Colon(), ndview.Range(0, 1))
	_, err = Solve(a, ndview.Ones[T](3, n, 2))
	wantBatchErr(t, typ+" Solve broadcast", err, ErrSingular)
}
