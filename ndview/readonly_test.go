package ndview

// Read-only views refuse every write path of the core, and every view
// derived from one is read-only too (semantics.md B3, B5, L3; memoryview's
// readonly).

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readOnlySources lists every way to obtain a read-only view, and
// read-only views of every read-only mode of the shared generator, of rank
// 3 to 6, with elements.
func readOnlySources(t *testing.T) map[string]NDView[int] {
	t.Helper()
	must := func(v NDView[int], err error) NDView[int] {
		t.Helper()
		require.NoError(t, err)
		return v
	}
	c := must(FromSlice(arange(24), 2, 3, 4))
	row := must(FromSlice(arange(4)))
	data := arange(12)
	srcs := map[string]NDView[int]{
		"AsReadOnly":                 c.AsReadOnly(),
		"BroadcastTo":                must(row.BroadcastTo(2, 3, 4)),
		"SlidingWindow":              must(c.SlidingWindow([]int{2}, 1)),
		"Wrap zero stride":           must(Wrap(data, 0, []int{2, 3, 4}, []int{0, 4, 1})),
		"Wrap overlapping":           must(Wrap(data, 0, []int{2, 3, 4}, []int{1, 2, 1})),
		"AsStrided overlapping":      must(c.AsStrided([]int{2, 3, 4}, []int{4, 4, 1})),
		"AsStrided over a read-only": must(c.AsReadOnly().AsStrided([]int{2, 3, 4}, []int{12, 4, 1})),
		"read-only rank 5":           must(FromSlice(arange(48), 2, 3, 4, 2, 1)).AsReadOnly(),
	}
	r := rand.New(rand.NewPCG(41, 42))
	for i := range 12 {
		// FromString makes byte views only; for ints modeString is
		// modeReadOnly again.
		l := randomLayout(r, layoutOpts{Modes: modes(modeBroadcast, modeReadOnly, modeStrided), ReadOnly: true,
			MinRank: 3, NonEmpty: true, MaxSize: 64})
		srcs[fmt.Sprintf("generated %d %s rank %d", i, l.Mode, len(l.Shape))] = layoutView(l, arange(l.N))
	}
	return srcs
}

// splitAxis returns shape with its first axis of composite extent a·b (a
// its smallest prime factor) split into (a, b), or with an axis of extent
// 1 appended when no extent is composite: a reshape that every view
// allows without a copy, in either order.
func splitAxis(shape []int) []int {
	for k, n := range shape {
		for a := 2; a*a <= n; a++ {
			if n%a == 0 {
				return slices.Concat(shape[:k], []int{a, n / a}, shape[k+1:])
			}
		}
	}
	return append(slices.Clone(shape), 1)
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	for name, v := range readOnlySources(t) {
		t.Run(name, func(t *testing.T) {
			require.True(t, v.ReadOnly())
			before := values(v)
			idx := make([]int, v.NDim())
			msg := panics(t, ErrReadOnly, func() { v.Set(-1, idx...) })
			assert.Contains(t, msg, "Set")
			assert.Contains(t, msg, "read-only")
			// Read-only is checked before the index: a bad index on a
			// read-only view still reports the write.
			panics(t, ErrReadOnly, func() { v.Set(-1) })
			d, err := v.Data()
			msg = isErr(t, ErrReadOnly, err)
			assert.Contains(t, msg, "Data")
			assert.Nil(t, d, "no data is handed out")
			assert.Equal(t, before, values(v), "nothing was written")
		})
	}
}

func TestReadOnlyDerivedViews(t *testing.T) {
	// Every operation on a read-only view gives a read-only view.
	ops := map[string]func(NDView[int]) (NDView[int], error){
		"Slice":          func(v NDView[int]) (NDView[int], error) { return v.Slice(Step(-1), NewAxis), nil },
		"Index":          func(v NDView[int]) (NDView[int], error) { return v.Index("..., ::2") },
		"Index all ints": func(v NDView[int]) (NDView[int], error) { return v.Index("0,0,0") },
		"T":              func(v NDView[int]) (NDView[int], error) { return v.T(), nil },
		"Transpose": func(v NDView[int]) (NDView[int], error) {
			perm := make([]int, v.NDim()) // rotate the axes left by one
			for i := range perm {
				perm[i] = (i + 1) % len(perm)
			}
			return v.Transpose(perm...), nil
		},
		"SwapAxes":      func(v NDView[int]) (NDView[int], error) { return v.SwapAxes(0, -1), nil },
		"MoveAxis":      func(v NDView[int]) (NDView[int], error) { return v.MoveAxis([]int{0}, []int{1}), nil },
		"Flip":          func(v NDView[int]) (NDView[int], error) { return v.Flip(), nil },
		"Rot90":         func(v NDView[int]) (NDView[int], error) { return v.Rot90(1), nil },
		"Diagonal":      func(v NDView[int]) (NDView[int], error) { return v.Diagonal(0, 0, 1), nil },
		"Squeeze":       func(v NDView[int]) (NDView[int], error) { return v.Slice(Range(0, 1)).Squeeze(), nil },
		"ExpandDims":    func(v NDView[int]) (NDView[int], error) { return v.ExpandDims(0), nil },
		"Reshape same":  func(v NDView[int]) (NDView[int], error) { return v.Reshape(v.Shape()...) },
		"Reshape":       func(v NDView[int]) (NDView[int], error) { return v.Reshape(splitAxis(v.Shape())...) },
		"ReshapeOrder":  func(v NDView[int]) (NDView[int], error) { return v.ReshapeOrder(OrderF, splitAxis(v.Shape())...) },
		"BroadcastTo":   func(v NDView[int]) (NDView[int], error) { return v.BroadcastTo(append([]int{2}, v.Shape()...)...) },
		"SlidingWindow": func(v NDView[int]) (NDView[int], error) { return v.SlidingWindow([]int{1}, 0) },
		"AsStrided":     func(v NDView[int]) (NDView[int], error) { return v.AsStrided(v.Shape(), v.Strides()) },
		"AsReadOnly":    func(v NDView[int]) (NDView[int], error) { return v.AsReadOnly(), nil },
		"WithObj":       func(v NDView[int]) (NDView[int], error) { return WithObj(v, new(int)), nil },
		"copy of value": func(v NDView[int]) (NDView[int], error) { w := v; return w, nil },
	}
	for name, v := range readOnlySources(t) {
		for opName, op := range ops {
			t.Run(name+"/"+opName, func(t *testing.T) {
				// Every operation applies to every source (rank 3 or
				// more, with elements), so none is left unchecked.
				d, err := op(v)
				require.NoError(t, err, "%s of %v (shape %v strides %v)", opName, name, v.Shape(), v.Strides())
				assert.True(t, d.ReadOnly(), "%s of a read-only view is read-only", opName)
				if d.Size() > 0 {
					panics(t, ErrReadOnly, func() { d.Set(0, make([]int, d.NDim())...) })
				}
				_, err = d.Data()
				isErr(t, ErrReadOnly, err)
				// A second derivation stays read-only too.
				assert.True(t, d.T().Flip().ReadOnly())
			})
		}
	}
}

func TestAsReadOnlyLeavesSourceWritable(t *testing.T) {
	data := arange(6)
	v, err := FromSlice(data, 2, 3)
	require.NoError(t, err)
	ro := v.AsReadOnly()
	assert.True(t, ro.ReadOnly())
	assert.False(t, v.ReadOnly())
	v.Set(42, 1, 2)
	assert.Equal(t, 42, ro.At(1, 2), "the read-only view sees writes through the source")
	d, err := v.Data()
	require.NoError(t, err)
	assert.Equal(t, data, d)
	// Non-overlapping Wrap results and AsStrided results stay writable.
	w, err := Wrap(data, 0, []int{3, 2}, []int{1, 3})
	require.NoError(t, err)
	assert.False(t, w.ReadOnly())
	s, err := v.AsStrided([]int{3}, []int{2})
	require.NoError(t, err)
	assert.False(t, s.ReadOnly())
}
