package ndview

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUnravelIndexNumPy checks the examples of NumPy's documentation.
func TestUnravelIndexNumPy(t *testing.T) {
	// np.unravel_index(1621, (6, 7, 8, 9)) == (3, 1, 4, 1)
	assert.Equal(t, []int{3, 1, 4, 1}, UnravelIndex(1621, 6, 7, 8, 9))
	// np.unravel_index([22, 41, 37], (7, 6)) == ([3, 6, 6], [4, 5, 1])
	got, err := UnravelIndices(Must(FromSlice([]int{22, 41, 37})), 7, 6)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, []int{3, 6, 6}, got[0].ToSlice())
	assert.Equal(t, []int{4, 5, 1}, got[1].ToSlice())
	// np.ravel_multi_index([[3, 6, 6], [4, 5, 1]], (7, 6)) == [22, 41, 37]
	flat, err := RavelMultiIndices([]NDView[int]{got[0], got[1]}, 7, 6)
	require.NoError(t, err)
	assert.Equal(t, []int{22, 41, 37}, flat.ToSlice())
	// np.ravel_multi_index((3, 1, 4, 1), (6, 7, 8, 9)) == 1621
	assert.Equal(t, 1621, RavelMultiIndex([]int{3, 1, 4, 1}, 6, 7, 8, 9))
	// Broadcasting: np.ravel_multi_index(([[0], [1]], [0, 1, 2]), (2, 3))
	b, err := RavelMultiIndices([]NDView[int]{Must(FromSlice([]int{0, 1}, 2, 1)), Must(FromSlice([]int{0, 1, 2}))}, 2, 3)
	require.NoError(t, err)
	assert.Equal(t, []int{2, 3}, b.Shape())
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, b.ToSlice())
	// The empty shape has one element, at the empty index.
	assert.Equal(t, []int{}, UnravelIndex(0))
	assert.Equal(t, 0, RavelMultiIndex(nil))
}

// TestUnravelRoundTrip checks, on random shapes, that UnravelIndex visits
// the indices in C order (the order of Ndindex and Enumerate) and that
// RavelMultiIndex inverts it, and the array forms on transposed inputs.
func TestUnravelRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	for range 200 {
		shape := make([]int, r.IntN(5))
		for k := range shape {
			shape[k] = 1 + r.IntN(4)
		}
		size := 1
		for _, n := range shape {
			size *= n
		}
		flat := 0
		for idx := range Ndindex(shape...) {
			require.Equal(t, idx, UnravelIndex(flat, shape...), "shape %v, flat %d", shape, flat)
			require.Equal(t, flat, RavelMultiIndex(idx, shape...), "shape %v, index %v", shape, idx)
			flat++
		}
		require.Equal(t, size, flat, "Ndindex(%v) yields every index once", shape)
		if len(shape) == 0 {
			continue // no index array to carry the positions' shape back
		}
		// Array forms, on a transposed view of positions.
		pos := make([]int, 12)
		for i := range pos {
			pos[i] = r.IntN(size)
		}
		v := Must(FromSlice(pos, 3, 4)).T()
		parts, err := UnravelIndices(v, shape...)
		require.NoError(t, err)
		back, err := RavelMultiIndices(parts, shape...)
		require.NoError(t, err)
		assert.Equal(t, v.ToSlice(), back.ToSlice(), "shape %v", shape)
		for k := range parts {
			assert.Equal(t, []int{4, 3}, parts[k].Shape())
		}
	}
}

func TestUnravelErrors(t *testing.T) {
	var ie *IndexError
	for _, f := range []func(){
		func() { UnravelIndex(6, 2, 3) },
		func() { UnravelIndex(-1, 2, 3) },
		func() { RavelMultiIndex([]int{2, 0}, 2, 3) },
		func() { RavelMultiIndex([]int{0, -1}, 2, 3) },
	} {
		v := recoverValue(f)
		err, ok := v.(error)
		require.True(t, ok, "panic value %v", v)
		require.ErrorAs(t, err, &ie)
		assert.ErrorIs(t, err, ErrIndex)
	}
	for _, f := range []func(){
		func() { UnravelIndex(0, 2, -3) },
		func() { RavelMultiIndex([]int{0}, 2, 3) },
		func() { Ndindex(-1) },
	} {
		err, ok := recoverValue(f).(error)
		require.True(t, ok)
		assert.ErrorIs(t, err, ErrShape)
	}
	_, err := UnravelIndices(Must(FromSlice([]int{0, 6})), 2, 3)
	assert.ErrorIs(t, err, ErrIndex)
	assert.ErrorContains(t, err, "index 6 at position [1]")
	_, err = RavelMultiIndices([]NDView[int]{Must(FromSlice([]int{0, 1})), Must(FromSlice([]int{3, 0}))}, 2, 3)
	assert.ErrorIs(t, err, ErrIndex)
	assert.ErrorContains(t, err, "index 3 at position [0] of array 1")
	_, err = RavelMultiIndices([]NDView[int]{Must(FromSlice([]int{0, 1})), Must(FromSlice([]int{0, 1, 2}))}, 2, 3)
	assert.ErrorIs(t, err, ErrShape)
}

func TestNdindexStops(t *testing.T) {
	n := 0
	for idx := range Ndindex(3, 4) {
		n++
		if slices.Equal(idx, []int{1, 1}) {
			break
		}
	}
	assert.Equal(t, 6, n)
	for range Ndindex(3, 0) {
		t.Fatal("a shape with a zero extent has no index")
	}
}

func TestMust(t *testing.T) {
	assert.Equal(t, 3, Must(3, nil))
	_, want := FromSlice([]int{1, 2, 3}, 2, 2)
	require.Error(t, want)
	got := recoverValue(func() { Must(FromSlice([]int{1, 2, 3}, 2, 2)) })
	err, ok := got.(error)
	require.True(t, ok)
	assert.True(t, errors.Is(err, ErrShape), "%v", err)
	assert.Equal(t, want.Error(), err.Error())
}

// recoverValue returns what f panics with, or nil.
func recoverValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}
