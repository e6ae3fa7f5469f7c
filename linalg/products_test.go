package linalg

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ndkit/ndkit/ndview"
)

// Every product against the definition (naiveEinsum's loops) on random
// layouts and extents (0 included).
func TestProductsRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(53, 7))
	ext := func() int { return r.IntN(4) }
	op := func(shape ...int) ndview.NDView[float64] {
		return layoutOf(r, randMatrices[float64](r, 1, shape...))
	}
	for trial := range 60 {
		i, j, k, l := ext(), ext(), ext(), ext()
		type check struct {
			name string
			got  ndview.NDView[float64]
			want ndview.NDView[float64]
		}
		var cs []check
		a, b := op(i, j, k), op(j, k, l)
		cs = append(cs, check{"Tensordot 2", Tensordot(a, b, 2), naiveEinsum("ijk,jkl->il", a, b)})
		c := op(k, i, l)
		cs = append(cs, check{"TensordotAxes", TensordotAxes(a, c, []int{2, 0}, []int{0, 1}), naiveEinsum("ijk,kil->jl", a, c)})
		v, w := op(i), op(j, k)
		cs = append(cs, check{"Tensordot 0", Tensordot(v, w, 0), naiveEinsum("i,jk->ijk", v, w)})
		x, y := op(i, j), op(k, j)
		cs = append(cs, check{"Inner", Inner(x, y), naiveEinsum("ij,kj->ik", x, y)})
		cs = append(cs, check{"Outer", Outer(v, w), flatOuter(v, w)})
		vd, s := op(i, j), op(j)
		cs = append(cs, check{"Vecdot", Vecdot(vd, s), naiveEinsum("ij,j->i", vd, s)})
		m3 := op(i, j, k)
		vk := op(k)
		cs = append(cs, check{"Matvec", Matvec(m3, vk), naiveEinsum("ijk,k->ij", m3, vk)})
		vj := op(j)
		cs = append(cs, check{"Vecmat", Vecmat(vj, m3), naiveEinsum("j,ijk->ik", vj, m3)})
		tr := op(i, j, j)
		cs = append(cs, check{"Trace", Trace(tr, 0, 1, 2), naiveEinsum("ijj->i", tr)})
		m1, m2, m4 := op(i, j), op(j, k), op(k, l)
		cs = append(cs, check{"MultiDot", MultiDot(m1, m2, m4), naiveEinsum("ij,jk,kl->il", m1, m2, m4)})
		u, z := op(j), op(k)
		cs = append(cs, check{"MultiDot vectors", MultiDot(u, m2, z), naiveEinsum("j,jk,k->", u, m2, z)})
		ka, kb := op(i, j), op(k, l)
		kw, err := naiveEinsum("pr,qs->pqrs", ka, kb).Reshape(i*k, j*l)
		require.NoError(t, err)
		cs = append(cs, check{"Kron", Kron(ka, kb), kw})
		for _, c := range cs {
			t.Run(fmt.Sprintf("%d_%s", trial, c.name), func(t *testing.T) {
				require.Equal(t, c.want.Shape(), c.got.Shape())
				for idx, wv := range c.want.Enumerate() {
					assert.InDelta(t, wv, c.got.At(idx...), 1e-12, "at %v", idx)
				}
			})
		}
	}
}

// flatOuter returns the outer product of the flattened views by the
// definition.
func flatOuter(a, b ndview.NDView[float64]) ndview.NDView[float64] {
	av, bv := a.ToSlice(), b.ToSlice()
	out := ndview.Zeros[float64](len(av), len(bv))
	for i, x := range av {
		for j, y := range bv {
			out.Set(x*y, i, j)
		}
	}
	return out
}
