package random

import (
	"encoding/hex"
	"encoding/json"
	"math"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/require"
)

func init() {
	runMVN = func(t testing.TB, g *Generator, c fixCall) (any, bool) {
		var mean []float64
		var cov [][]float64
		require.NoError(t, json.Unmarshal(c.Args["mean"], &mean))
		require.NoError(t, json.Unmarshal(c.Args["cov"], &cov))
		cv := ndview.Zeros[float64](len(cov), len(cov))
		for i := range cov {
			for j := range cov[i] {
				cv.Set(cov[i][j], i, j)
			}
		}
		got, err := g.MultivariateNormal(mean, cv, c.Shape...)
		require.NoError(t, err)
		return mvnResult{got.ToSlice()}, true
	}
}

// mvnResult is compared with a tolerance (semantics.md RG8), not bits.
type mvnResult struct{ v []float64 }

func decodeHex64(t testing.TB, s string) []float64 {
	b, err := hex.DecodeString(s)
	require.NoError(t, err)
	out := make([]float64, len(b)/8)
	for i := range out {
		var u uint64
		for _, c := range b[8*i : 8*i+8] {
			u = u<<8 | uint64(c)
		}
		out[i] = math.Float64frombits(u)
	}
	return out
}
