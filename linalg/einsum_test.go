package linalg

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ndkit/ndkit/ndview"
)

// naiveEinsum evaluates subscripts without "..." by the definition: one
// loop over every assignment of every letter, summing products into the
// output (explicit or implicit). It shares no code with Einsum.
func naiveEinsum[T Float](subscripts string, ops ...ndview.NDView[T]) ndview.NDView[float64] {
	lhs, rhs, explicit := strings.Cut(subscripts, "->")
	terms := strings.Split(lhs, ",")
	extent := map[byte]int{}
	count := map[byte]int{}
	for i, term := range terms {
		for ax := range len(term) {
			c := term[ax]
			count[c]++
			if e := ops[i].Shape()[ax]; e != 1 || extent[c] == 0 {
				extent[c] = max(extent[c], e)
				if e == 0 {
					extent[c] = -1
				}
			}
		}
	}
	if !explicit {
		var once []byte
		for c, n := range count {
			if n == 1 {
				once = append(once, c)
			}
		}
		slices.Sort(once)
		rhs = string(once)
	}
	letters := make([]byte, 0, len(extent))
	for c := range extent {
		letters = append(letters, c)
	}
	slices.Sort(letters)
	ext := func(c byte) int { return max(extent[c], 0) }
	outShape := make([]int, len(rhs))
	for i := range rhs {
		outShape[i] = ext(rhs[i])
	}
	out := ndview.Zeros[float64](outShape...)
	val := map[byte]int{}
	var rec func(k int)
	rec = func(k int) {
		if k == len(letters) {
			p := 1.0
			for i, term := range terms {
				idx := make([]int, len(term))
				for ax := range len(term) {
					if ops[i].Shape()[ax] != 1 {
						idx[ax] = val[term[ax]]
					}
				}
				p *= float64(ops[i].At(idx...))
			}
			oi := make([]int, len(rhs))
			for i := range rhs {
				oi[i] = val[rhs[i]]
			}
			out.Set(out.At(oi...)+p, oi...)
			return
		}
		for x := range ext(letters[k]) {
			val[letters[k]] = x
			rec(k + 1)
		}
	}
	rec(0)
	return out
}

// randEinsum returns random subscripts (without "...") and operand
// shapes: 1 to 4 operands over letters with extents 0 to 3, now and then
// an axis of extent 1 (broadcast), repeated letters, implicit output.
func randEinsum(r *rand.Rand) (string, [][]int) {
	alphabet := "abcdeAB"
	extent := map[byte]int{}
	for i := range len(alphabet) {
		extent[alphabet[i]] = []int{0, 1, 2, 3, 3, 2}[r.IntN(6)]
	}
	nops := 1 + r.IntN(4)
	terms := make([]string, nops)
	shapes := make([][]int, nops)
	used := map[byte]bool{}
	for i := range nops {
		nd := r.IntN(4)
		var b []byte
		for range nd {
			c := alphabet[r.IntN(len(alphabet))]
			b = append(b, c)
			used[c] = true
			e := extent[c]
			if r.IntN(8) == 0 && !slices.Contains(b[:len(b)-1], c) {
				e = 1
			}
			shapes[i] = append(shapes[i], e)
		}
		// A repeated letter within one term needs equal extents.
		for ax, c := range b {
			if j := slices.Index(b, c); j < ax {
				shapes[i][ax] = shapes[i][j]
			}
		}
		terms[i] = string(b)
	}
	sub := strings.Join(terms, ",")
	if r.IntN(3) > 0 {
		var out []byte
		for c := range used {
			if r.IntN(2) == 0 {
				out = append(out, c)
			}
		}
		r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		sub += "->" + string(out)
	}
	return sub, shapes
}

func TestEinsumRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 4))
	for trial := range 400 {
		sub, shapes := randEinsum(r)
		ops := make([]ndview.NDView[float64], len(shapes))
		for i, sh := range shapes {
			ops[i] = layoutOf(r, randMatrices[float64](r, 1, sh...))
		}
		t.Run(fmt.Sprintf("%d_%s_%v", trial, sub, shapes), func(t *testing.T) {
			got, err := Einsum(sub, ops...)
			// A letter whose extents differ (not 1) across terms must fail.
			if err != nil {
				require.ErrorIs(t, err, ndview.ErrShape)
				require.True(t, extentsDiffer(sub, shapes), "unexpected error %v", err)
				return
			}
			require.False(t, extentsDiffer(sub, shapes), "no error for differing extents")
			want := naiveEinsum(sub, ops...)
			require.Equal(t, want.Shape(), got.Shape())
			for idx, w := range want.Enumerate() {
				assert.InDelta(t, w, got.At(idx...), 1e-12*(1+math.Abs(w)), "at %v", idx)
			}
		})
	}
}

// extentsDiffer reports whether one letter has two extents other than 1.
func extentsDiffer(sub string, shapes [][]int) bool {
	lhs, _, _ := strings.Cut(sub, "->")
	seen := map[byte]int{}
	for i, term := range strings.Split(lhs, ",") {
		for ax := range len(term) {
			e := shapes[i][ax]
			if p, ok := seen[term[ax]]; ok && p != 1 && e != 1 && p != e {
				return true
			}
			if e != 1 {
				seen[term[ax]] = e
			}
		}
	}
	return false
}

func TestEinsumFloat32(t *testing.T) {
	r := rand.New(rand.NewPCG(43, 5))
	a := layoutOf(r, randMatrices[float32](r, 1, 2, 3, 4))
	b := layoutOf(r, randMatrices[float32](r, 1, 2, 4, 5))
	got, err := Einsum("bij,bjk->bik", a, b)
	require.NoError(t, err)
	want := naiveEinsum("bij,bjk->bik", a, b)
	for idx, w := range want.Enumerate() {
		assert.InDelta(t, w, float64(got.At(idx...)), 1e-5)
	}
}

// Einsum returns a view where NumPy does: a pure permutation or diagonal
// of one operand. Writing through the result changes the operand.
func TestEinsumViews(t *testing.T) {
	for _, c := range []struct {
		sub   string
		shape []int
		at    []int // an index into the result
		src   []int // the operand element it is
	}{
		{"ij->ji", []int{2, 3}, []int{2, 1}, []int{1, 2}},
		{"ij", []int{2, 3}, []int{1, 2}, []int{1, 2}},
		{"ba", []int{2, 3}, []int{2, 1}, []int{1, 2}},
		{"ii->i", []int{3, 3}, []int{2}, []int{2, 2}},
		{"iij->ji", []int{2, 2, 3}, []int{2, 1}, []int{1, 1, 2}},
		{"...ii->...i", []int{2, 3, 3}, []int{1, 2}, []int{1, 2, 2}},
		{"ijk->kij", []int{2, 3, 4}, []int{3, 1, 2}, []int{1, 2, 3}},
	} {
		t.Run(c.sub, func(t *testing.T) {
			a := ndview.Zeros[float64](c.shape...)
			v, err := Einsum(c.sub, a)
			require.NoError(t, err)
			require.False(t, v.ReadOnly())
			v.Set(42, c.at...)
			assert.Equal(t, 42.0, a.At(c.src...), "the write through the result reached the operand")
			ro, err := Einsum(c.sub, a.AsReadOnly())
			require.NoError(t, err)
			assert.True(t, ro.ReadOnly(), "a view of a read-only operand stays read-only")
		})
	}
	// A reduction is a new array.
	a := ndview.Ones[float64](3, 3)
	tr, err := Einsum("ii->", a)
	require.NoError(t, err)
	tr.Set(7)
	assert.Equal(t, 1.0, a.At(0, 0))
	assert.Equal(t, 7.0, tr.At())
}

func TestEinsumErrors(t *testing.T) {
	a := ndview.Zeros[float64](2, 3)
	b := ndview.Zeros[float64](4, 3)
	for _, c := range []struct {
		sub  string
		ops  []ndview.NDView[float64]
		kind error
	}{
		{"ij,jk", []ndview.NDView[float64]{a}, ndview.ErrShape},
		{"ijk", []ndview.NDView[float64]{a}, ndview.ErrShape},
		{"i", []ndview.NDView[float64]{a}, ndview.ErrShape},
		{"ij,ij", []ndview.NDView[float64]{a, b}, ndview.ErrShape},
		{"ij->k", []ndview.NDView[float64]{a}, ndview.ErrShape},
		{"ij->ii", []ndview.NDView[float64]{a}, ndview.ErrShape},
		{"i j", []ndview.NDView[float64]{a}, ndview.ErrIndex},
		{"i1", []ndview.NDView[float64]{a}, ndview.ErrIndex},
		{"......", []ndview.NDView[float64]{a}, ndview.ErrIndex},
		{"ij->i->j", []ndview.NDView[float64]{a}, ndview.ErrIndex},
		{"...i->i", []ndview.NDView[float64]{a}, ndview.ErrShape},
		{"ii", []ndview.NDView[float64]{a}, ndview.ErrShape},
	} {
		t.Run(c.sub, func(t *testing.T) {
			v, err := Einsum(c.sub, c.ops...)
			require.ErrorIs(t, err, c.kind)
			assert.Equal(t, ndview.NDView[float64]{}.Shape(), v.Shape(), "the zero NDView")
		})
	}
}

// Letters of extent 1 broadcast against the same letter elsewhere, as in
// NumPy: summed, free and batch letters, and "..." axes.
func TestEinsumBroadcast(t *testing.T) {
	r := rand.New(rand.NewPCG(47, 6))
	for _, c := range []struct {
		sub    string
		shapes [][]int
	}{
		{"i,i", [][]int{{1}, {3}}},
		{"ij,jk->ik", [][]int{{2, 1}, {3, 2}}},
		{"ij,jk,k->ik", [][]int{{2, 1}, {3, 1}, {4}}},
		{"bij,bjk->bik", [][]int{{1, 2, 3}, {4, 3, 2}}},
		{"ij,ij->ij", [][]int{{1, 3}, {2, 1}}},
	} {
		t.Run(c.sub, func(t *testing.T) {
			ops := make([]ndview.NDView[float64], len(c.shapes))
			for i, sh := range c.shapes {
				ops[i] = layoutOf(r, randMatrices[float64](r, 1, sh...))
			}
			got, err := Einsum(c.sub, ops...)
			require.NoError(t, err)
			want := naiveEinsum(c.sub, ops...)
			require.Equal(t, want.Shape(), got.Shape())
			for idx, w := range want.Enumerate() {
				assert.InDelta(t, w, got.At(idx...), 1e-12, "at %v", idx)
			}
		})
	}
	a := ndview.Ones[float64](2, 1, 3)
	b := ndview.Ones[float64](4, 3)
	got, err := Einsum("...j,...j->...", a, b)
	require.NoError(t, err)
	assert.Equal(t, []int{2, 4}, got.Shape())
	assert.Equal(t, 3.0, got.At(1, 3))
}
