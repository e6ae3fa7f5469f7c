package ndview

// Tests of broadcasting and stride tricks (semantics.md §5): BroadcastShapes
// (B1), BroadcastTo (B2, B3), AsStrided (B4) and SlidingWindow (B5).

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBroadcastShapes(t *testing.T) {
	tests := []struct {
		name   string
		shapes [][]int
		want   []int // nil: error
		msg    []string
	}{
		{"B1 (2,1,3) (4,1)", [][]int{{2, 1, 3}, {4, 1}}, []int{2, 4, 3}, nil},
		{"B1 () (3,2)", [][]int{{}, {3, 2}}, []int{3, 2}, nil},
		{"B1 (4,1) (1,0)", [][]int{{4, 1}, {1, 0}}, []int{4, 0}, nil},
		{"1 with 0", [][]int{{1}, {0}}, []int{0}, nil},
		{"none", nil, []int{}, nil},
		{"one", [][]int{{5, 1}}, []int{5, 1}, nil},
		{"three", [][]int{{3, 1, 1}, {1, 4, 1}, {5}}, []int{3, 4, 5}, nil},
		{"B1 0 with 2", [][]int{{0}, {2}}, nil, []string{"shape mismatch"}},
		{"B1 (2,3) (3,2)", [][]int{{2, 3}, {3, 2}}, nil,
			[]string{"shape mismatch", "arg 0 with shape (2, 3) and arg 1 with shape (3, 2)"}},
		{"mismatch names the args", [][]int{{1}, {3, 1}, {4}, {2, 1}}, nil,
			[]string{"arg 1 with shape (3, 1) and arg 3 with shape (2, 1)"}},
		{"negative", [][]int{{2, -1}}, nil, []string{"negative"}},
		{"rank 65", [][]int{ones(65)}, nil, []string{"65"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := BroadcastShapes(tt.shapes...)
			if tt.want == nil {
				msg := isErr(t, ErrShape, err)
				assert.Contains(t, msg, "BroadcastShapes")
				for _, m := range tt.msg {
					assert.Contains(t, msg, m)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got, "BroadcastShapes(%v)", tt.shapes)
			// Every input broadcasts to the result.
			for _, s := range tt.shapes {
				v, err := FromSlice(make([]int, shapeProduct(s)), s...)
				require.NoError(t, err)
				_, err = v.BroadcastTo(got...)
				assert.NoError(t, err, "%v broadcasts to %v", s, got)
			}
		})
	}
}

func TestBroadcastTo(t *testing.T) {
	row, err := FromSlice(arange(3))
	require.NoError(t, err)
	col, err := FromSlice(arange(3), 3, 1)
	require.NoError(t, err)
	one3, err := FromSlice(arange(3), 1, 3)
	require.NoError(t, err)
	empty, err := FromSlice([]int{}, 0, 3)
	require.NoError(t, err)
	neg, err := Wrap(arange(3), 2, []int{3}, []int{-1})
	require.NoError(t, err)
	zd := row.Slice(Int(2))
	tests := []struct {
		name    string
		v       NDView[int]
		shape   []int
		strides []int
		vals    []int
	}{
		{"B2 (3) to (2,3)", row, []int{2, 3}, []int{0, 1}, []int{0, 1, 2, 0, 1, 2}},
		{"B2 (3,1) to (3,4)", col, []int{3, 4}, []int{1, 0}, []int{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}},
		{"B2 (1,3) to (1,3)", one3, []int{1, 3}, []int{0, 1}, []int{0, 1, 2}},
		{"B2 (0,3) to (2,0,3)", empty, []int{2, 0, 3}, []int{0, 3, 1}, []int{}},
		{"same shape", row, []int{3}, []int{1}, []int{0, 1, 2}},
		{"negative stride", neg, []int{2, 3}, []int{0, -1}, []int{2, 1, 0, 2, 1, 0}},
		{"0-d to (2,2)", zd, []int{2, 2}, []int{0, 0}, []int{2, 2, 2, 2}},
		{"0-d to ()", zd, []int{}, []int{}, []int{2}},
		{"(1,3) to (4,0,3)", one3, []int{4, 0, 3}, []int{0, 0, 1}, []int{}},
		{"(3,1) to (2,3,0)", col, []int{2, 3, 0}, []int{0, 1, 0}, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.v.BroadcastTo(tt.shape...)
			require.NoError(t, err)
			assert.Equal(t, tt.shape, r.Shape())
			assert.Equal(t, tt.strides, r.Strides(), "B2 strides, extent-1 axes included")
			assert.Equal(t, tt.v.Offset(), r.Offset())
			assert.Equal(t, tt.vals, values(r))
			assert.True(t, r.ReadOnly(), "B3: broadcast views are read-only")
			_, err = r.Data()
			isErr(t, ErrReadOnly, err)
		})
	}
	errs := []struct {
		name     string
		v        NDView[int]
		shape    []int
		sentinel error
	}{
		{"B2 (0,3) to (1,3)", empty, []int{1, 3}, ErrShape},
		{"negative target", row, []int{-1, 3}, ErrShape},
		{"non-scalar to ()", row, []int{}, ErrShape},
		{"fewer axes", col, []int{3}, ErrShape},
		{"mismatch", row, []int{2, 4}, ErrShape},
		{"3 to 1", row, []int{1}, ErrShape},
		{"too big", row, []int{1 << 62, 3}, ErrOverflow},
		{"rank 65", zd, ones(65), ErrShape},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.v.BroadcastTo(tt.shape...)
			msg := isErr(t, tt.sentinel, err)
			assert.Contains(t, msg, "BroadcastTo")
		})
	}
	_, err = row.BroadcastTo(2, 4)
	msg := isErr(t, ErrShape, err)
	assert.Contains(t, msg, "(3,)")
	assert.Contains(t, msg, "(2, 4)")
}

func TestBroadcastStaysReadOnly(t *testing.T) {
	// B3: nothing makes a broadcast view writable, including broadcasting
	// it again to the same shape or reshaping it.
	row, err := FromSlice(arange(4))
	require.NoError(t, err)
	b, err := row.BroadcastTo(3, 4)
	require.NoError(t, err)
	again, err := b.BroadcastTo(3, 4)
	require.NoError(t, err)
	assert.True(t, again.ReadOnly())
	r, err := b.Reshape(3, 2, 2)
	require.NoError(t, err)
	assert.True(t, r.ReadOnly())
	s, err := b.AsStrided([]int{4}, []int{1})
	require.NoError(t, err)
	assert.True(t, s.ReadOnly(), "AsStrided over a read-only view")
	assert.False(t, row.ReadOnly(), "the source stays writable")
}

func TestAsStrided(t *testing.T) {
	// B4: NumPy's as_strided, validated against the whole backing data.
	data := arange(12)
	v, err := FromSlice(data, 3, 4)
	require.NoError(t, err)
	inner := v.Slice(Int(1), From(1)) // starts at data[5]
	tests := []struct {
		name      string
		v         NDView[int]
		shape, st []int
		vals      []int
		ro        bool
		err       error
	}{
		{"whole data", v, []int{2, 6}, []int{6, 1}, arange(12), false, nil},
		{"windows", v, []int{10, 3}, []int{1, 1}, nil, true, nil},
		{"zero stride", v, []int{3}, []int{0}, []int{0, 0, 0}, true, nil},
		{"from an inner view", inner, []int{2}, []int{3}, []int{5, 8}, false, nil},
		{"reaches behind the view, inside data", inner, []int{2}, []int{-5}, []int{5, 0}, false, nil},
		{"reaches past data", inner, []int{2}, []int{7}, nil, false, ErrBounds},
		{"reaches before data", inner, []int{3}, []int{-5}, nil, false, ErrBounds},
		{"overflow", v, []int{3}, []int{maxInt}, nil, false, ErrOverflow},
		{"negative extent", v, []int{-3}, []int{1}, nil, false, ErrShape},
		{"stride count", v, []int{3}, []int{1, 1}, nil, false, ErrShape},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.v.AsStrided(tt.shape, tt.st)
			if tt.err != nil {
				msg := isErr(t, tt.err, err)
				assert.Contains(t, msg, "AsStrided")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.shape, r.Shape())
			assert.Equal(t, tt.st, r.Strides())
			assert.Equal(t, tt.v.Offset(), r.Offset())
			assert.Equal(t, tt.ro, r.ReadOnly())
			if tt.vals != nil {
				assert.Equal(t, tt.vals, values(r))
			}
			checkBounds(t, r, len(data))
		})
	}
}

func TestSlidingWindow(t *testing.T) {
	a6, err := FromSlice(arange(6))
	require.NoError(t, err)
	m := m34(t)
	tests := []struct {
		name    string
		v       NDView[int]
		window  []int
		axes    []int
		shape   []int
		strides []int
		vals    []int
	}{
		{"B5 arange(6) w=3", a6, []int{3}, nil, []int{4, 3}, []int{1, 1},
			[]int{0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4, 5}},
		{"B5 w=0", a6, []int{0}, nil, []int{7, 0}, []int{1, 1}, []int{}},
		{"w=6", a6, []int{6}, nil, []int{1, 6}, []int{1, 1}, arange(6)},
		{"w=1", a6, []int{1}, nil, []int{6, 1}, []int{1, 1}, arange(6)},
		{"2-D all axes", m, []int{2, 3}, nil, []int{2, 2, 2, 3}, []int{4, 1, 4, 1}, nil},
		{"axis 1", m, []int{2}, []int{1}, []int{3, 3, 2}, []int{4, 1, 1},
			[]int{0, 1, 1, 2, 2, 3, 4, 5, 5, 6, 6, 7, 8, 9, 9, 10, 10, 11}},
		{"axis -2", m, []int{2}, []int{-2}, []int{2, 4, 2}, []int{4, 1, 4}, nil},
		{"repeated axis", m, []int{2, 2}, []int{1, 1}, []int{3, 2, 2, 2}, []int{4, 1, 1, 1}, nil},
		{"reversed source", a6.Flip(), []int{2}, nil, []int{5, 2}, []int{-1, -1}, []int{5, 4, 4, 3, 3, 2, 2, 1, 1, 0}},
		{"0-d, no window", a6.Slice(Int(4)), []int{}, nil, []int{}, []int{}, []int{4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.v.SlidingWindow(tt.window, tt.axes...)
			require.NoError(t, err)
			assert.Equal(t, tt.shape, r.Shape())
			assert.Equal(t, tt.strides, r.Strides())
			assert.Equal(t, tt.v.Offset(), r.Offset())
			assert.True(t, r.ReadOnly(), "B5: read-only")
			if tt.vals != nil {
				assert.Equal(t, tt.vals, values(r))
			}
			checkBounds(t, r, 12)
		})
	}
	// Mistakes in the window or the axes are the program's own: they
	// panic, like any other bad axis or extent (semantics.md E1, B5).
	mistakes := []struct {
		name     string
		v        NDView[int]
		window   []int
		axes     []int
		sentinel error
		msg      string
	}{
		{"too large", a6, []int{7}, nil, ErrShape, "window shape cannot be larger than input array shape: window 7 on axis 0 of extent 6"},
		{"negative", a6, []int{-1}, nil, ErrShape, "negative"},
		{"count without axes", m, []int{2}, nil, ErrShape, "one extent per axis"},
		{"axes and window lengths", m, []int{2, 2}, []int{0}, ErrShape, "same length"},
		{"axis out of range", m, []int{2}, []int{2}, ErrAxis, "axis 2 is out of bounds for array of dimension 2"},
		{"negative axis out of range", m, []int{2}, []int{-3}, ErrAxis, "axis -3 is out of bounds for array of dimension 2"},
		{"axis of a 0-d view", a6.Slice(Int(0)), []int{1}, []int{0}, ErrAxis, "axis 0 is out of bounds for array of dimension 0"},
		{"repeat too large", m, []int{3, 3}, []int{1, 1}, ErrShape, "window 3 on axis 1 of extent 2"},
		{"bad axis after a bad window", m, []int{9, 1}, []int{0, 5}, ErrShape, "window 9 on axis 0"},
	}
	for _, tt := range mistakes {
		t.Run(tt.name, func(t *testing.T) {
			msg := panics(t, tt.sentinel, func() { _, _ = tt.v.SlidingWindow(tt.window, tt.axes...) })
			assert.Contains(t, msg, tt.msg)
			assert.Contains(t, msg, "SlidingWindow")
		})
	}
	// A result too big to describe is an error, since it depends on v's
	// shape: more than MaxRank axes, or a shape that overflows int
	// (TestRankLimit and TestByteSizeOverflowRefused test more).
	h, err := FromSlice(arange(1), ones(33)...)
	require.NoError(t, err)
	_, err = h.SlidingWindow(ones(33))
	isErr(t, ErrShape, err)
	huge, err := Wrap([]int8{7}, 0, []int{maxInt, 1}, []int{0, 0})
	require.NoError(t, err)
	_, err = huge.SlidingWindow([]int{0, 1})
	msg := isErr(t, ErrOverflow, err)
	assert.Contains(t, msg, "SlidingWindow")
}
