//go:build openblas && cgo

package gemm

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestOpenBLAS runs products that OpenBLAS can describe (row- and
// column-major operands with gaps, C row- or column-major) through Gemm
// under the openblas tag, against the float64 triple loop within the
// stated bound, and checks that they reached OpenBLAS.
func TestOpenBLAS(t *testing.T) {
	if Backend != "openblas" {
		t.Fatalf("Backend = %q under the openblas tag", Backend)
	}
	rng := rand.New(rand.NewPCG(8, 8))
	for trial := range 40 {
		m, n, k := 17+rng.IntN(60), 17+rng.IntN(60), 17+rng.IntN(300)
		a, b := randMatLayout[float64](rng, m, k, rng.IntN(2)), randMatLayout[float64](rng, k, n, rng.IntN(2))
		c := randMatLayout[float64](rng, m, n, rng.IntN(2))
		_, _, okA := describe(a)
		_, _, okB := describe(b)
		tc, _, okC := describe(c)
		guard := append([]float64(nil), c.Data...)
		Gemm(c, a, b, 1+trial%2)
		checkProduct(t, fmt.Sprintf("openblas #%d", trial), c, a, b, guard)
		a32, b32 := randMatLayout[float32](rng, m, k, rng.IntN(2)), randMatLayout[float32](rng, k, n, rng.IntN(2))
		c32 := randMatLayout[float32](rng, m, n, 3)
		guard32 := append([]float32(nil), c32.Data...)
		Gemm(c32, a32, b32, 1)
		checkProduct(t, fmt.Sprintf("openblas float32 #%d", trial), c32, a32, b32, guard32)
		if okA && okB && okC && !tc && !openblasGemm(c, a, b, 1) {
			t.Fatalf("#%d: OpenBLAS refused row-major operands", trial)
		}
	}
}
