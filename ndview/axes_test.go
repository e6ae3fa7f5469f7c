package ndview

// Tests of the axis operations (semantics.md §3, X1–X8): NumPy's worked
// examples to the offset and stride, and every panic with its sentinel and
// a message naming the operation, the argument and the shape.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// b234 returns b = arange(24) as (2,3,4) st (12,4,1), the view of
// semantics.md's examples.
func b234(t testing.TB) NDView[int] {
	t.Helper()
	b, err := FromSlice(arange(24), 2, 3, 4)
	require.NoError(t, err)
	return b
}

// m34 returns arange(12) as (3,4) st (4,1).
func m34(t testing.TB) NDView[int] {
	t.Helper()
	m, err := FromSlice(arange(12), 3, 4)
	require.NoError(t, err)
	return m
}

type axisCase struct {
	name    string
	got     NDView[int]
	shape   []int
	strides []int
	off     int
	vals    []int // nil: not checked
}

func runAxisCases(t *testing.T, tests []axisCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkViewLayout(t, tt.got, tt.shape, tt.strides, tt.off)
			if tt.vals != nil {
				assert.Equal(t, tt.vals, values(tt.got), "%s values", tt.name)
			}
		})
	}
}

type panicCase struct {
	name     string
	f        func()
	sentinel error
	want     []string // substrings of the message
}

func runPanicCases(t *testing.T, tests []panicCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := panics(t, tt.sentinel, tt.f)
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
		})
	}
}

func TestTranspose(t *testing.T) {
	b := b234(t)
	m := m34(t)
	z := b.Slice(Int(0), Int(0), Int(0))
	runAxisCases(t, []axisCase{
		{"X1 T", b.T(), []int{4, 3, 2}, []int{1, 4, 12}, 0, nil},
		{"X1 Transpose()", b.Transpose(), []int{4, 3, 2}, []int{1, 4, 12}, 0, nil},
		{"Transpose(1,0,2)", b.Transpose(1, 0, 2), []int{3, 2, 4}, []int{4, 12, 1}, 0, nil},
		{"Transpose(-1,0,-2)", b.Transpose(-1, 0, -2), []int{4, 2, 3}, []int{1, 12, 4}, 0, nil},
		{"identity", b.Transpose(0, 1, 2), []int{2, 3, 4}, []int{12, 4, 1}, 0, nil},
		{"matrix T", m.T(), []int{4, 3}, []int{1, 4}, 0, []int{0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}},
		{"0-d T", z.T(), []int{}, []int{}, 0, []int{0}},
		{"T of cutout", m.Slice(Range(1, 3), Step(2)).T(), []int{2, 2}, []int{2, 4}, 4, []int{4, 8, 6, 10}},
	})
	assert.True(t, b.T().IsFContiguous(), "X1: b.T is F-contiguous")
	assert.False(t, b.T().IsCContiguous())
	runPanicCases(t, []panicCase{
		{"wrong length", func() { b.Transpose(1, 0) }, ErrAxis, []string{"Transpose", "axes don't match array"}},
		{"too long", func() { b.Transpose(0, 1, 2, 3) }, ErrAxis, []string{"Transpose", "axes don't match array"}},
		{"repeat", func() { b.Transpose(0, 1, 1) }, ErrAxis, []string{"Transpose", "repeated axis"}},
		{"repeat via negative", func() { b.Transpose(0, 1, -2) }, ErrAxis, []string{"repeated axis"}},
		{"out of range", func() { b.Transpose(0, 1, 3) }, ErrAxis, []string{"Transpose", "axis 3 is out of bounds for array of dimension 3"}},
		{"out of range negative", func() { b.Transpose(0, 1, -4) }, ErrAxis, []string{"axis -4 is out of bounds"}},
		{"0-d", func() { z.Transpose(0) }, ErrAxis, []string{"axes don't match array"}},
	})
}

func TestSwapAxes(t *testing.T) {
	b := b234(t)
	runAxisCases(t, []axisCase{
		{"X2 (0,2)", b.SwapAxes(0, 2), []int{4, 3, 2}, []int{1, 4, 12}, 0, nil},
		{"(-1,0)", b.SwapAxes(-1, 0), []int{4, 3, 2}, []int{1, 4, 12}, 0, nil},
		{"(1,2)", b.SwapAxes(1, 2), []int{2, 4, 3}, []int{12, 1, 4}, 0, nil},
		{"(1,1)", b.SwapAxes(1, -2), []int{2, 3, 4}, []int{12, 4, 1}, 0, nil},
	})
	runPanicCases(t, []panicCase{
		{"out of range", func() { b.SwapAxes(0, 3) }, ErrAxis, []string{"SwapAxes", "axis 3 is out of bounds for array of dimension 3"}},
		{"negative out of range", func() { b.SwapAxes(-4, 0) }, ErrAxis, []string{"SwapAxes", "axis -4"}},
		{"0-d", func() { b.Slice(Int(0), Int(0), Int(0)).SwapAxes(0, 0) }, ErrAxis, []string{"dimension 0"}},
	})
}

func TestMoveAxis(t *testing.T) {
	v, err := FromSlice(make([]int, 360), 3, 4, 5, 6)
	require.NoError(t, err)
	b := b234(t)
	runAxisCases(t, []axisCase{
		{"X3 [0,1]->[2,0]", v.MoveAxis([]int{0, 1}, []int{2, 0}), []int{4, 5, 3, 6}, []int{30, 6, 120, 1}, 0, nil},
		{"X3 [3,0]->[0,3]", v.MoveAxis([]int{3, 0}, []int{0, 3}), []int{6, 4, 5, 3}, []int{1, 30, 6, 120}, 0, nil},
		{"0->-1", v.MoveAxis([]int{0}, []int{-1}), []int{4, 5, 6, 3}, []int{30, 6, 1, 120}, 0, nil},
		{"-1->0", v.MoveAxis([]int{-1}, []int{0}), []int{6, 3, 4, 5}, []int{1, 120, 30, 6}, 0, nil},
		{"none", v.MoveAxis(nil, nil), []int{3, 4, 5, 6}, []int{120, 30, 6, 1}, 0, nil},
		{"all reversed", v.MoveAxis([]int{0, 1, 2, 3}, []int{3, 2, 1, 0}), []int{6, 5, 4, 3}, []int{1, 6, 30, 120}, 0, nil},
		{"b 1->0", b.MoveAxis([]int{1}, []int{0}), []int{3, 2, 4}, []int{4, 12, 1}, 0, nil},
	})
	runPanicCases(t, []panicCase{
		{"unequal lengths", func() { v.MoveAxis([]int{0, 1}, []int{2}) }, ErrAxis, []string{"MoveAxis", "same number of elements"}},
		{"repeated source", func() { v.MoveAxis([]int{0, -4}, []int{1, 2}) }, ErrAxis, []string{"MoveAxis", "repeated axis"}},
		{"repeated destination", func() { v.MoveAxis([]int{0, 1}, []int{2, 2}) }, ErrAxis, []string{"MoveAxis", "repeated axis"}},
		{"source out of range", func() { v.MoveAxis([]int{4}, []int{0}) }, ErrAxis, []string{"MoveAxis", "axis 4 is out of bounds for array of dimension 4"}},
		{"destination out of range", func() { v.MoveAxis([]int{0}, []int{-5}) }, ErrAxis, []string{"axis -5 is out of bounds"}},
	})
}

func TestFlip(t *testing.T) {
	b := b234(t)
	e, err := Wrap(arange(6), 0, []int{3, 0, 2}, []int{2, 2, 1})
	require.NoError(t, err)
	z := b.Slice(Int(1), Int(1), Int(1))
	runAxisCases(t, []axisCase{
		{"X4 flip(b,(0,2))", b.Flip(0, 2), []int{2, 3, 4}, []int{-12, 4, -1}, 15, nil},
		{"flip all", b.Flip(), []int{2, 3, 4}, []int{-12, -4, -1}, 23, nil},
		{"flip -1", b.Flip(-1), []int{2, 3, 4}, []int{12, 4, -1}, 3, nil},
		{"flip twice", b.Flip(1).Flip(1), []int{2, 3, 4}, []int{12, 4, 1}, 0, nil},
		{"zero extent unchanged", e.Flip(1), []int{3, 0, 2}, []int{2, 2, 1}, 0, nil},
		{"empty, other axes flip", e.Flip(), []int{3, 0, 2}, []int{-2, 2, -1}, 5, nil},
		{"0-d", z.Flip(), []int{}, []int{}, 17, []int{17}},
		{"1-D", b.Slice(Int(1), Int(2)).Flip(), []int{4}, []int{-1}, 23, []int{23, 22, 21, 20}},
	})
	runPanicCases(t, []panicCase{
		{"repeat", func() { b.Flip(0, -3) }, ErrAxis, []string{"Flip", "repeated axis"}},
		{"out of range", func() { b.Flip(3) }, ErrAxis, []string{"Flip", "axis 3 is out of bounds for array of dimension 3"}},
		{"0-d axis", func() { z.Flip(0) }, ErrAxis, []string{"Flip", "dimension 0"}},
	})
}

func TestRot90(t *testing.T) {
	a, err := FromSlice(arange(6), 2, 3) // [[0,1,2],[3,4,5]]
	require.NoError(t, err)
	b := b234(t)
	runAxisCases(t, []axisCase{
		{"X5 k=1", a.Rot90(1), []int{3, 2}, []int{-1, 3}, 2, []int{2, 5, 1, 4, 0, 3}},
		{"X5 k=2", a.Rot90(2), []int{2, 3}, []int{-3, -1}, 5, []int{5, 4, 3, 2, 1, 0}},
		{"X5 k=3", a.Rot90(3), []int{3, 2}, []int{1, -3}, 3, []int{3, 0, 4, 1, 5, 2}},
		{"X5 k=-1", a.Rot90(-1), []int{3, 2}, []int{1, -3}, 3, []int{3, 0, 4, 1, 5, 2}},
		{"k=0", a.Rot90(0), []int{2, 3}, []int{3, 1}, 0, []int{0, 1, 2, 3, 4, 5}},
		{"k=4", a.Rot90(4), []int{2, 3}, []int{3, 1}, 0, nil},
		{"k=5", a.Rot90(5), []int{3, 2}, []int{-1, 3}, 2, nil},
		{"k=-2", a.Rot90(-2), []int{2, 3}, []int{-3, -1}, 5, nil},
		{"k=-7", a.Rot90(-7), []int{3, 2}, []int{-1, 3}, 2, nil},
		{"axes (1,0) = k=-1", a.Rot90(1, 1, 0), []int{3, 2}, []int{1, -3}, 3, nil},
		{"X5 (2,3,4) k=1", b.Rot90(1), []int{3, 2, 4}, []int{-4, 12, 1}, 8, nil},
		{"(2,3,4) k=2", b.Rot90(2), []int{2, 3, 4}, []int{-12, -4, 1}, 20, nil},
		{"(2,3,4) k=3", b.Rot90(3), []int{3, 2, 4}, []int{4, -12, 1}, 12, nil},
		{"(2,3,4) k=1 axes (1,2)", b.Rot90(1, 1, 2), []int{2, 4, 3}, []int{12, -1, 4}, 3, nil},
		{"(2,3,4) k=1 axes (-1,0)", b.Rot90(1, -1, 0), []int{4, 3, 2}, []int{1, 4, -12}, 12, nil},
		{"(2,3,4) k=1 axes (2,0)", b.Rot90(1, 2, 0), []int{4, 3, 2}, []int{1, 4, -12}, 12, nil},
	})
	v1, err := FromSlice(arange(3))
	require.NoError(t, err)
	runPanicCases(t, []panicCase{
		{"len(axes) 1", func() { b.Rot90(1, 0) }, ErrAxis, []string{"Rot90", "len(axes) must be 2"}},
		{"len(axes) 3", func() { b.Rot90(1, 0, 1, 2) }, ErrAxis, []string{"Rot90", "len(axes) must be 2"}},
		{"same axes", func() { b.Rot90(1, 1, 1) }, ErrAxis, []string{"Rot90", "must be different"}},
		{"same axis, one negative", func() { b.Rot90(1, 1, -2) }, ErrAxis, []string{"must be different"}},
		{"2-D (0,-2)", func() { a.Rot90(1, 0, -2) }, ErrAxis, []string{"must be different"}},
		{"1-D", func() { v1.Rot90(1) }, ErrAxis, []string{"must be different"}},
		{"(0,3) on 3-D: NumPy says different first", func() { b.Rot90(1, 0, 3) }, ErrAxis, []string{"Rot90", "must be different"}},
		{"out of range", func() { b.Rot90(1, 0, 4) }, ErrAxis, []string{"Rot90", "axis 4 is out of bounds for array of dimension 3"}},
		{"out of range negative", func() { b.Rot90(1, -4, 0) }, ErrAxis, []string{"axis -4 is out of bounds"}},
	})
}

func TestDiagonal(t *testing.T) {
	m := m34(t)
	b := b234(t)
	// L8: arange(12).reshape(3,4)[1:,1:3].diagonal(-2) is at element 13 of 12.
	cut := m.Slice(From(1), Range(1, 3))
	runAxisCases(t, []axisCase{
		{"offset 0", m.Diagonal(0, 0, 1), []int{3}, []int{5}, 0, []int{0, 5, 10}},
		{"X6 offset 1", m.Diagonal(1, 0, 1), []int{3}, []int{5}, 1, []int{1, 6, 11}},
		{"offset 2", m.Diagonal(2, 0, 1), []int{2}, []int{5}, 2, []int{2, 7}},
		{"X6 offset -2", m.Diagonal(-2, 0, 1), []int{1}, []int{5}, 8, []int{8}},
		{"X6 offset 5 empty", m.Diagonal(5, 0, 1), []int{0}, []int{5}, 0, []int{}},
		{"X6 offset -4 empty", m.Diagonal(-4, 0, 1), []int{0}, []int{5}, 0, []int{}},
		{"offset 4, len exactly 0, moves", m.Diagonal(4, 0, 1), []int{0}, []int{5}, 4, []int{}},
		{"offset -3, len exactly 0, moves", m.Diagonal(-3, 0, 1), []int{0}, []int{5}, 12, []int{}},
		{"L8 cutout diagonal(-2)", cut.Diagonal(-2, 0, 1), []int{0}, []int{5}, 13, []int{}},
		{"axes swapped", m.Diagonal(1, 1, 0), []int{2}, []int{5}, 4, []int{4, 9}},
		{"X6 (2,3,4).diagonal()", b.Diagonal(0, 0, 1), []int{4, 2}, []int{1, 16}, 0, []int{0, 16, 1, 17, 2, 18, 3, 19}},
		{"(2,3,4) axes (1,2)", b.Diagonal(0, 1, 2), []int{2, 3}, []int{12, 5}, 0, []int{0, 5, 10, 12, 17, 22}},
		{"(2,3,4) axes (2,0)", b.Diagonal(0, 2, 0), []int{3, 2}, []int{4, 13}, 0, []int{0, 13, 4, 17, 8, 21}},
		{"(2,3,4) offset 1 axes (-1,-2)", b.Diagonal(1, -1, -2), []int{2, 2}, []int{12, 5}, 4, []int{4, 9, 16, 21}},
		{"transposed", m.T().Diagonal(0, 0, 1), []int{3}, []int{5}, 0, []int{0, 5, 10}},
		{"negative strides", m.Flip().Diagonal(0, 0, 1), []int{3}, []int{-5}, 11, []int{11, 6, 1}},
	})
	assert.False(t, m.Diagonal(0, 0, 1).ReadOnly(), "ndkit's diagonal inherits writability")
	assert.True(t, m.AsReadOnly().Diagonal(0, 0, 1).ReadOnly())
	v1, err := FromSlice(arange(3))
	require.NoError(t, err)
	runPanicCases(t, []panicCase{
		{"1-D", func() { v1.Diagonal(0, 0, 1) }, ErrAxis, []string{"Diagonal", "diag requires an array of at least two dimensions"}},
		{"0-d", func() { v1.Slice(Int(0)).Diagonal(0, 0, 1) }, ErrAxis, []string{"diag requires an array of at least two dimensions"}},
		{"same axes", func() { b.Diagonal(0, 1, 1) }, ErrAxis, []string{"Diagonal", "cannot be the same"}},
		{"same axes negative", func() { b.Diagonal(0, 0, -3) }, ErrAxis, []string{"cannot be the same"}},
		{"out of range", func() { b.Diagonal(0, 0, 3) }, ErrAxis, []string{"Diagonal", "axis 3 is out of bounds for array of dimension 3"}},
	})
}

func TestSqueeze(t *testing.T) {
	v, err := Wrap(arange(10), 2, []int{1, 3, 1}, []int{99, 2, -5})
	require.NoError(t, err)
	one, err := Wrap(arange(10), 4, []int{1, 1}, []int{3, 1})
	require.NoError(t, err)
	b := b234(t)
	runAxisCases(t, []axisCase{
		{"all", v.Squeeze(), []int{3}, []int{2}, 2, []int{2, 4, 6}},
		{"axis 0", v.Squeeze(0), []int{3, 1}, []int{2, -5}, 2, nil},
		{"axis -1", v.Squeeze(-1), []int{1, 3}, []int{99, 2}, 2, nil},
		{"axes 0 and 2", v.Squeeze(0, 2), []int{3}, []int{2}, 2, nil},
		{"X7 (1,1) to 0-d", one.Squeeze(), []int{}, []int{}, 4, []int{4}},
		{"nothing to squeeze", b.Squeeze(), []int{2, 3, 4}, []int{12, 4, 1}, 0, nil},
		{"0-d", one.Squeeze().Squeeze(), []int{}, []int{}, 4, nil},
	})
	assert.Equal(t, []int{99, 2, -5}, v.Strides(), "the source keeps its layout")
	assert.Equal(t, []int{2, -5}, v.Squeeze(0).Strides(), "other strides are kept, also on extent-1 axes")
	runPanicCases(t, []panicCase{
		{"extent not 1", func() { v.Squeeze(1) }, ErrShape, []string{"Squeeze", "cannot select an axis to squeeze out which has size not equal to one", "(1, 3, 1)"}},
		{"repeat", func() { v.Squeeze(0, -3) }, ErrAxis, []string{"Squeeze", "repeated axis"}},
		{"out of range", func() { v.Squeeze(3) }, ErrAxis, []string{"Squeeze", "axis 3 is out of bounds for array of dimension 3"}},
	})
}

func TestExpandDims(t *testing.T) {
	// X8: NumPy inserts the axes by a reshape, so the strides are R4's.
	v, err := Wrap(arange(12), 0, []int{3, 2}, []int{4, 2})
	require.NoError(t, err)
	c, err := FromSlice(arange(6), 3, 2)
	require.NoError(t, err)
	z := c.Slice(Int(1), Int(1))
	runAxisCases(t, []axisCase{
		{"X8 at 0", v.ExpandDims(0), []int{1, 3, 2}, []int{12, 4, 2}, 0, nil},
		{"X8 at 1", v.ExpandDims(1), []int{3, 1, 2}, []int{4, 4, 2}, 0, nil},
		{"X8 at 2", v.ExpandDims(2), []int{3, 2, 1}, []int{4, 2, 2}, 0, nil},
		{"at -1", v.ExpandDims(-1), []int{3, 2, 1}, []int{4, 2, 2}, 0, nil},
		{"at -3", v.ExpandDims(-3), []int{1, 3, 2}, []int{12, 4, 2}, 0, nil},
		{"at 0 and -1", v.ExpandDims(0, -1), []int{1, 3, 2, 1}, []int{12, 4, 2, 2}, 0, nil},
		{"at 1 and 2", v.ExpandDims(1, 2), []int{3, 1, 1, 2}, []int{4, 4, 4, 2}, 0, nil},
		{"contiguous source, fresh strides", c.ExpandDims(0), []int{1, 3, 2}, []int{6, 2, 1}, 0, nil},
		{"contiguous at end", c.ExpandDims(2), []int{3, 2, 1}, []int{2, 1, 1}, 0, nil},
		{"0-d", z.ExpandDims(0), []int{1}, []int{1}, 3, []int{3}},
		{"none", v.ExpandDims(), []int{3, 2}, []int{4, 2}, 0, nil},
	})
	runPanicCases(t, []panicCase{
		{"out of range", func() { v.ExpandDims(3) }, ErrAxis, []string{"ExpandDims", "axis 3 is out of bounds for array of dimension 3"}},
		{"out of range negative", func() { v.ExpandDims(-4) }, ErrAxis, []string{"axis -4"}},
		{"repeat", func() { v.ExpandDims(0, 0) }, ErrAxis, []string{"ExpandDims", "repeated axis"}},
		{"repeat via negative", func() { v.ExpandDims(0, -4) }, ErrAxis, []string{"repeated axis"}},
	})
}

func TestAxisOpsKeepReadOnly(t *testing.T) {
	ro := b234(t).AsReadOnly()
	for name, d := range map[string]NDView[int]{
		"T": ro.T(), "Transpose": ro.Transpose(2, 0, 1), "SwapAxes": ro.SwapAxes(0, 1),
		"MoveAxis": ro.MoveAxis([]int{0}, []int{2}), "Flip": ro.Flip(), "Rot90": ro.Rot90(3),
		"Diagonal": ro.Diagonal(0, 0, 2), "Squeeze": ro.Squeeze(), "ExpandDims": ro.ExpandDims(1),
	} {
		assert.True(t, d.ReadOnly(), "%s of a read-only view", name)
	}
}
