package ndview

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flatOffsets returns the buffer offsets of the elements of the layout l
// in C order: the oracle's a.flat.
func flatOffsets(l testLayout) []int {
	var offs []int
	forEachIndex(l.Shape, func(idx []int) { offs = append(offs, refOffset(l.Off, l.Strides, idx)) })
	return offs
}

// refPut is the oracle of Put on a buffer: values and indices are read
// first (as copies), then written in order.
func refPut(buf []int, offs, ind, vals []int) {
	n := len(offs)
	for j, i := range ind {
		buf[offs[(i+n)%n]] = vals[j%len(vals)]
	}
}

// aliasView returns a random 1-D view of buf of at least one element:
// forwards or backwards, with a step.
func aliasView(r *rand.Rand, buf []int) NDView[int] {
	all, _ := FromSlice(buf)
	step := 1 + r.IntN(2)
	if r.IntN(2) == 0 {
		step = -step
	}
	return all.Slice(Step(step))
}

// boolView returns the view of buf with l's numbers, made by Wrap: the
// generator's routes through bytes cannot make bools.
func boolView(t *testing.T, l testLayout, buf []bool) NDView[bool] {
	t.Helper()
	v, err := Wrap(buf, l.Off, l.Shape, l.Strides)
	require.NoError(t, err, "%v", l)
	return v
}

func TestPutRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 500 {
		al := randomLayout(r, layoutOpts{MaxRank: 4, NonEmpty: true, Writable: true})
		buf, a := al.guarded()
		n := a.Size()
		ind := randomIndices(r, layoutOpts{MaxRank: 3, MaxExtent: 4}, n)
		var vals NDView[int]
		switch r.IntN(4) {
		case 0: // values overlap a
			vals = aliasView(r, buf)
		case 1: // indices overlap a, and hold valid indices
			for _, o := range flatOffsets(al) {
				buf[o] = r.IntN(2*n) - n
			}
			ind = a
			fallthrough
		default:
			vl := randomLayout(r, layoutOpts{MaxRank: 2, NonEmpty: true})
			vals = layoutView(vl, counting(vl.N))
		}
		name := fmt.Sprintf("%d: a %v, indices %v, values %v", i, al, ind.Shape(), vals.Shape())
		want := slices.Clone(buf)
		refPut(want, flatOffsets(al), ind.ToSlice(), vals.ToSlice())
		require.NoError(t, Put(a, ind, vals), name)
		require.Equal(t, want, buf, name)
	}
}

func TestPutErrors(t *testing.T) {
	buf := arange(6)
	a, _ := FromSlice(buf, 2, 3)
	ind, _ := FromSlice([]int{0, -6, 7, 1})
	vals, _ := FromSlice([]int{9})
	msg := isErr(t, ErrIndex, Put(a, ind, vals))
	assert.Contains(t, msg, "index 7 is out of bounds for the flattened array with size 6 (at position (2,)")
	assert.Equal(t, arange(6), buf, "a written by a Put that failed")

	ok, _ := FromSlice([]int{0, 1})
	isErr(t, ErrShape, Put(a, ok, Zeros[int](0)))
	assert.Equal(t, arange(6), buf)
	require.NoError(t, Put(a, Zeros[int](0), Zeros[int](0)), "no index, no value: nothing to do")

	panics(t, ErrReadOnly, func() { _ = Put(a.AsReadOnly(), ok, vals) })
	// The read-only check comes first, also without any index.
	panics(t, ErrReadOnly, func() { _ = Put(a.AsReadOnly(), Zeros[int](0), vals) })

	// Repeated indices: the last write wins.
	rep, _ := FromSlice([]int{2, 2, -4})
	require.NoError(t, Put(a, rep, ok))
	assert.Equal(t, []int{0, 1, 0, 3, 4, 5}, buf)
}

// refAlong returns, for PutAlongAxis and TakeAlongAxis, the broadcast
// shape of a (shape ash) and indices (shape ish) along ax.
func refAlongShape(ash, ish []int, ax int) []int {
	sh := slices.Clone(ish)
	for d := range sh {
		if d != ax && ish[d] == 1 {
			sh[d] = ash[d]
		}
	}
	return sh
}

func TestPutAlongAxisRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for i := range 400 {
		al := randomLayout(r, layoutOpts{MinRank: 1, MaxRank: 4, NonEmpty: true, Writable: true})
		buf, a := al.guarded()
		ash := a.Shape()
		ax := r.IntN(len(ash))
		ish := slices.Clone(ash)
		for d := range ish {
			switch {
			case d == ax:
				ish[d] = r.IntN(4)
			case r.IntN(4) == 0:
				ish[d] = 1
			}
		}
		ind := randomIndices(r, layoutOpts{Shape: ish, Modes: modes(modeSlice, modeStrided, modeBroadcast)}, ash[ax])
		sh := refAlongShape(ash, ish, ax)
		var vals NDView[int]
		if r.IntN(4) == 0 {
			vals = aliasView(r, buf).Slice(Range(0, 1)) // one value of a, broadcast
		} else {
			vl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, sh)})
			vals = layoutView(vl, counting(vl.N))
		}
		name := fmt.Sprintf("%d: a %v, indices %v, values %v, axis %d", i, al, ish, vals.Shape(), ax)
		want := slices.Clone(buf)
		vsq := vals
		for vsq.NDim() > len(sh) {
			vsq = vsq.Squeeze(0) // W1 drops extra leading extents of 1; BroadcastTo does not
		}
		vb, err := vsq.BroadcastTo(sh...)
		require.NoError(t, err, name)
		vb = vb.Clone()
		forEachIndex(sh, func(idx []int) {
			ii := slices.Clone(idx)
			for d := range ii {
				if ish[d] == 1 {
					ii[d] = 0
				}
			}
			ai := slices.Clone(idx)
			for d := range ai {
				if ash[d] == 1 {
					ai[d] = 0
				}
			}
			ai[ax] = (ind.At(ii...) + ash[ax]) % ash[ax]
			want[refOffset(al.Off, al.Strides, ai)] = vb.At(idx...)
		})
		require.NoError(t, PutAlongAxis(a, ind, vals, ax), name)
		require.Equal(t, want, buf, name)

		// TakeAlongAxis reads back what a distinct-index put wrote.
		got, err := TakeAlongAxis(a, ind, ax)
		require.NoError(t, err, name)
		assert.Equal(t, sh, got.Shape(), name)
	}
}

func TestPutAlongAxisErrors(t *testing.T) {
	buf := arange(6)
	a, _ := FromSlice(buf, 2, 3)
	ind, _ := FromSlice([]int{0, 3}, 2, 1)
	vals, _ := FromSlice([]int{7, 8}, 2, 1)
	assert.Contains(t, isErr(t, ErrIndex, PutAlongAxis(a, ind, vals, 1)), "position (1, 0)")
	isErr(t, ErrShape, PutAlongAxis(a, Zeros[int](2), vals, 1))
	isErr(t, ErrShape, PutAlongAxis(a, Zeros[int](2, 1), Zeros[int](3, 1), 1))
	assert.Equal(t, arange(6), buf)
	panics(t, ErrReadOnly, func() { _ = PutAlongAxis(a.AsReadOnly(), ind, vals, 1) })
	panics(t, ErrAxis, func() { _ = PutAlongAxis(a, ind, vals, 2) })
}

func TestPutmaskPlaceRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for i := range 600 {
		place := i%2 == 1
		al := randomLayout(r, layoutOpts{MaxRank: 4, Writable: true})
		buf, a := al.guarded()
		ml := randomLayout(r, layoutOpts{Shape: al.Shape})
		mbuf := make([]bool, ml.N)
		for k := range mbuf {
			mbuf[k] = r.IntN(3) == 0
		}
		mask := boolView(t, ml, mbuf)
		var vals NDView[int]
		if r.IntN(3) == 0 {
			vals = aliasView(r, buf)
		} else {
			vl := randomLayout(r, layoutOpts{MaxRank: 2, NonEmpty: true})
			vals = layoutView(vl, counting(vl.N))
		}
		name := fmt.Sprintf("%d (place %v): a %v, mask %v, values %v", i, place, al, ml, vals.Shape())
		want := slices.Clone(buf)
		v := vals.ToSlice()
		m := mask.ToSlice()
		k := 0
		for pos, o := range flatOffsets(al) {
			if m[pos] {
				if place {
					want[o] = v[k%len(v)]
					k++
				} else {
					want[o] = v[pos%len(v)]
				}
			}
		}
		if place {
			require.NoError(t, Place(a, mask, vals), name)
		} else {
			require.NoError(t, Putmask(a, mask, vals), name)
		}
		require.Equal(t, want, buf, name)
	}
}

func TestPutmaskPlaceErrors(t *testing.T) {
	for _, f := range []func(NDView[int], NDView[bool], NDView[int]) error{Putmask[int], Place[int]} {
		buf := arange(6)
		a, _ := FromSlice(buf, 2, 3)
		mask := Zeros[bool](2, 3)
		mask.Set(true, 1, 2)
		vals, _ := FromSlice([]int{9})
		isErr(t, ErrShape, f(a, Zeros[bool](6), vals))
		isErr(t, ErrShape, f(a, Zeros[bool](3, 2), vals))
		assert.Contains(t, isErr(t, ErrShape, f(a, mask, Zeros[int](0))), "1 true elements")
		assert.Equal(t, arange(6), buf)
		require.NoError(t, f(a, Zeros[bool](2, 3), Zeros[int](0)), "nothing selected, no value needed")
		panics(t, ErrReadOnly, func() { _ = f(a.AsReadOnly(), mask, vals) })

		// The mask is a view of a's own memory (bools over bools).
		bb := []bool{true, false, true, true}
		bv, _ := FromSlice(bb)
		fv, _ := FromSlice([]bool{false})
		require.NoError(t, Putmask(bv, bv, fv))
		assert.Equal(t, []bool{false, false, false, false}, bb)
	}
}

func TestPutOverlapExamples(t *testing.T) {
	// a.flat[[0, 1, 2]] = a[::-1]: the values are read before any write.
	buf := arange(5)
	a, _ := FromSlice(buf)
	ind, _ := FromSlice([]int{0, 1, 2})
	require.NoError(t, Put(a, ind, a.Slice(Step(-1))))
	assert.Equal(t, []int{4, 3, 2, 3, 4}, buf)

	// The indices are a itself: a.flat[a] = 7 − a, with a = [1, 2, 0].
	ib := []int{1, 2, 0}
	iv, _ := FromSlice(ib)
	vals, _ := FromSlice([]int{6, 5, 7})
	require.NoError(t, Put(iv, iv, vals))
	assert.Equal(t, []int{7, 6, 5}, ib)

	// Putmask with values shifted over a.
	pb := arange(6)
	p, _ := FromSlice(pb)
	m, _ := FromSlice([]bool{false, true, true, true, true, true})
	require.NoError(t, Putmask(p, m, p.Slice(Range(0, 5))))
	// a.flat[n] = v[n % 5] with v = a[:5] as it was: [0, 1, 2, 3, 4].
	assert.Equal(t, []int{0, 1, 2, 3, 4, 0}, pb)
	qb := arange(6)
	q, _ := FromSlice(qb)
	require.NoError(t, Place(q, m, q.Slice(Range(0, 5))))
	assert.Equal(t, []int{0, 0, 1, 2, 3, 4}, qb)
}
