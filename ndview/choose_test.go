package ndview

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// atBroadcast reads v at idx of a destination shape v broadcasts to (the
// oracle of W1: leading axes dropped, extents of 1 repeated).
func atBroadcast[T any](v NDView[T], idx []int) T {
	sh := v.Shape()
	src := slices.Clone(idx[len(idx)-min(len(idx), len(sh)):])
	for len(src) < len(sh) {
		src = append([]int{0}, src...) // extra leading extents of 1
	}
	for d := range src {
		if sh[d] == 1 {
			src[d] = 0
		}
	}
	return v.At(src...)
}

func TestChooseRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	for i := range 400 {
		dl := randomLayout(r, layoutOpts{MaxRank: 4, Writable: true})
		buf, dst := dl.guarded()
		sh := dl.Shape
		nc := 1 + r.IntN(4)
		choices := make([]NDView[int], nc)
		for c := range choices {
			if r.IntN(5) == 0 && len(buf) > 0 {
				choices[c] = aliasView(r, buf).Slice(Range(0, 1)) // overlaps dst
				continue
			}
			cl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, sh)})
			b := counting(cl.N)
			for k := range b {
				b[k] += 100 * c
			}
			choices[c] = layoutView(cl, b)
		}
		mode := IndexMode(r.IntN(3))
		spread := nc
		if mode != ModeRaise {
			spread = 3 * nc
		}
		il := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, sh)})
		ib := make([]int, il.N)
		for k := range ib {
			ib[k] = r.IntN(spread)
			if mode != ModeRaise {
				ib[k] -= nc
			}
		}
		ind := layoutView(il, ib)
		name := fmt.Sprintf("%d: dst %v, indices %v, %d choices, mode %d", i, dl, il, nc, mode)
		want := slices.Clone(buf)
		forEachIndex(sh, func(idx []int) {
			c := atBroadcast(ind, idx)
			switch mode {
			case ModeWrap:
				c = ((c % nc) + nc) % nc
			case ModeClip:
				c = min(max(c, 0), nc-1)
			}
			want[refOffset(dl.Off, dl.Strides, idx)] = atBroadcast(choices[c], idx)
		})
		saved := slices.Clone(choices)
		require.NoError(t, ChooseModeInto(dst, ind, mode, choices...), name)
		require.Equal(t, want, buf, name)
		for c := range choices {
			require.Equal(t, saved[c].Offset(), choices[c].Offset(), "%s: the caller's choices were changed", name)
		}
	}
}

func TestChooseErrors(t *testing.T) {
	c0, _ := FromSlice([]int{1, 2, 3})
	c1, _ := FromSlice([]int{10, 20, 30})
	ind, _ := FromSlice([]int{0, 1, 2})
	dst := Zeros[int](3)
	dst.Fill(-1)
	msg := isErr(t, ErrIndex, ChooseInto(dst, ind, c0, c1))
	assert.Contains(t, msg, "invalid entry in choice array: index 2 at position (2,)")
	neg, _ := FromSlice([]int{0, -1, 1})
	isErr(t, ErrIndex, ChooseInto(dst, neg, c0, c1))
	assert.Equal(t, []int{-1, -1, -1}, dst.ToSlice())

	require.NoError(t, ChooseModeInto(dst, neg, ModeWrap, c0, c1))
	assert.Equal(t, []int{1, 20, 30}, dst.ToSlice())
	require.NoError(t, ChooseModeInto(dst, ind, ModeClip, c0, c1))
	assert.Equal(t, []int{1, 20, 30}, dst.ToSlice())

	panics(t, ErrShape, func() { _ = ChooseInto(dst, ind) })
	panics(t, ErrShape, func() { _ = ChooseInto(dst, ind, Zeros[int](2)) })
	panics(t, ErrShape, func() { _ = ChooseInto(dst, Zeros[int](2), c0) })
	panics(t, ErrReadOnly, func() { _ = ChooseInto(dst.AsReadOnly(), ind, c0) })
	panics(t, ErrIndex, func() { _ = ChooseModeInto(dst, ind, IndexMode(3), c0) })

	// 0-d.
	d0 := Zeros[int]()
	require.NoError(t, ChooseInto(d0, Scalar(1), Scalar(5), Scalar(6)))
	assert.Equal(t, 6, d0.At())
}

func TestSelectRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(33, 34))
	for i := range 300 {
		dl := randomLayout(r, layoutOpts{MaxRank: 4, Writable: true})
		buf, dst := dl.guarded()
		sh := dl.Shape
		k := 1 + r.IntN(3)
		conds := make([]NDView[bool], k)
		choices := make([]NDView[int], k)
		for c := range k {
			cl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, sh)})
			cb := make([]bool, cl.N)
			for q := range cb {
				cb[q] = r.IntN(3) == 0
			}
			conds[c] = boolView(t, cl, cb)
			if r.IntN(4) == 0 {
				choices[c] = aliasView(r, buf).Slice(Range(0, 1)) // overlaps dst
			} else {
				vl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, sh)})
				choices[c] = layoutView(vl, counting(vl.N))
			}
		}
		def := Scalar(-5)
		if r.IntN(3) == 0 {
			def = dst // the default is the destination itself
		}
		name := fmt.Sprintf("%d: dst %v, %d conditions", i, dl, k)
		want := slices.Clone(buf)
		forEachIndex(sh, func(idx []int) {
			x := atBroadcast(def, idx)
			for c := k - 1; c >= 0; c-- {
				if atBroadcast(conds[c], idx) {
					x = atBroadcast(choices[c], idx)
				}
			}
			want[refOffset(dl.Off, dl.Strides, idx)] = x
		})
		SelectInto(dst, conds, choices, def)
		require.Equal(t, want, buf, name)
	}
}

func TestSelectPanics(t *testing.T) {
	dst := Zeros[int](3)
	c := Zeros[bool](3)
	x := Zeros[int](3)
	panics(t, ErrShape, func() { SelectInto(dst, nil, nil, Scalar(0)) })
	panics(t, ErrShape, func() { SelectInto(dst, []NDView[bool]{c}, nil, Scalar(0)) })
	panics(t, ErrShape, func() { SelectInto(dst, []NDView[bool]{Zeros[bool](2)}, []NDView[int]{x}, Scalar(0)) })
	panics(t, ErrShape, func() { SelectInto(dst, []NDView[bool]{c}, []NDView[int]{x}, Zeros[int](4)) })
	panics(t, ErrReadOnly, func() { SelectInto(dst.AsReadOnly(), []NDView[bool]{c}, []NDView[int]{x}, Scalar(0)) })
}
