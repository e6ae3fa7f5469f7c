package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Tests of reshape without copy (semantics.md §4): the target shape (R1), the
// unchanged shape (R2), contiguous fast paths and order A (R3), NumPy's
// no-copy algorithm with its exact strides, extent-1 axes included (R4),
// and the error that replaces NumPy's silent copy (R5).

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReshapeExamples(t *testing.T) {
	b := b234(t)
	bt := b.Transpose(1, 0, 2) // (3,2,4) st (4,12,1)
	bs := b.Slice(Colon(), Colon(), Step(2))
	rev, err := FromSlice(arange(12))
	require.NoError(t, err)
	rev = rev.Slice(Step(-1))
	mixed, err := Wrap(arange(12), 8, []int{3, 4}, []int{-4, 1})
	require.NoError(t, err)
	row, err := FromSlice(arange(4))
	require.NoError(t, err)
	bc, err := row.BroadcastTo(3, 4)
	require.NoError(t, err)
	col, err := Wrap(arange(6), 0, []int{3, 1}, []int{2, 1})
	require.NoError(t, err)
	zd := b.Slice(Int(1), Int(1), Int(1))
	even, err := FromSlice(arange(12))
	require.NoError(t, err)
	even = even.Slice(Step(2))

	tests := []struct {
		name    string
		v       NDView[int]
		order   Order
		shape   []int
		strides []int // nil: the reshape needs a copy (ErrLayout)
		off     int
	}{
		{"R4 bt to (3,2,2,2)", bt, OrderC, []int{3, 2, 2, 2}, []int{4, 12, 2, 1}, 0},
		{"R4 bt to (1,3,1,2,4)", bt, OrderC, []int{1, 3, 1, 2, 4}, []int{12, 4, 24, 12, 1}, 0},
		{"R4 bt to (3,8)", bt, OrderC, []int{3, 8}, nil, 0},
		{"R4 bt to (6,4)", bt, OrderC, []int{6, 4}, nil, 0},
		{"R4 bt to (24)", bt, OrderC, []int{24}, nil, 0},
		{"R4 b[:,:,::2] to (12)", bs, OrderC, []int{12}, []int{2}, 0},
		{"R4 b[:,:,::2] to (3,4)", bs, OrderC, []int{3, 4}, []int{8, 2}, 0},
		{"R4 b[:,:,::2] to (2,3,2,1)", bs, OrderC, []int{2, 3, 2, 1}, []int{12, 4, 2, 2}, 0},
		{"R4 b.T F to (12,2)", b.T(), OrderF, []int{12, 2}, []int{1, 12}, 0},
		{"R4 b.T C to (4,6)", b.T(), OrderC, []int{4, 6}, nil, 0},
		{"R4 arange(12)[::-1] C to (3,4)", rev, OrderC, []int{3, 4}, []int{-4, -1}, 11},
		{"R4 arange(12)[::-1] F to (3,4)", rev, OrderF, []int{3, 4}, []int{-1, -3}, 11},
		{"R4 (3,4) st (-4,1) to (3,2,2)", mixed, OrderC, []int{3, 2, 2}, []int{-4, 2, 1}, 8},
		{"R4 (3,4) st (-4,1) to (12)", mixed, OrderC, []int{12}, nil, 0},
		{"R4 (3,4) st (-4,1) to (6,2)", mixed, OrderC, []int{6, 2}, nil, 0},
		{"R4 broadcast to (3,2,2)", bc, OrderC, []int{3, 2, 2}, []int{0, 2, 1}, 0},
		{"R4 broadcast to (12)", bc, OrderC, []int{12}, nil, 0},
		{"R4 (3,1) st (2,1) to (1,3)", col, OrderC, []int{1, 3}, []int{6, 2}, 0},
		{"R4 (3,1) st (2,1) to (3,1,1)", col, OrderC, []int{3, 1, 1}, []int{2, 2, 2}, 0},
		{"R4 0-d to (1,1,1)", zd, OrderC, []int{1, 1, 1}, []int{1, 1, 1}, 17},
		{"R4 C trailing 1s", even, OrderC, []int{2, 3, 1}, []int{6, 2, 2}, 0},
		{"R4 F trailing 1s", even, OrderF, []int{2, 3, 1}, []int{2, 4, 12}, 0},
		{"R4 F leading 1", even, OrderF, []int{1, 6}, []int{2, 2}, 0},
		{"R4 C leading 1", even, OrderC, []int{1, 6}, []int{12, 2}, 0},
		{"R4 bt F to (2,3,4)", bt, OrderF, []int{2, 3, 4}, []int{4, 8, 1}, 0},
		{"R4 bt F to (24)", bt, OrderF, []int{24}, nil, 0},
		{"R3 b.T A is F", b.T(), OrderA, []int{12, 2}, []int{1, 12}, 0},
		{"R3 b A is C", b, OrderA, []int{4, 6}, []int{6, 1}, 0},
		{"R3 neither A is C", bs, OrderA, []int{3, 4}, []int{8, 2}, 0},
		{"R3 neither A is C, fails", bt, OrderA, []int{24}, nil, 0},
		{"R3 contiguous keeps offset", b.Slice(Int(1)), OrderC, []int{2, 6}, []int{6, 1}, 12},
		{"R3 contiguous F fresh strides", b.T(), OrderF, []int{6, 4}, []int{1, 6}, 0},
		{"R3 C-contiguous read in F", b, OrderF, []int{4, 6}, nil, 0},
		{"R3 1-D is both", row, OrderF, []int{2, 2}, []int{1, 2}, 0},
		{"R3 1-D is both, C", row, OrderC, []int{2, 2}, []int{2, 1}, 0},
		{"-1", b, OrderC, []int{-1, 8}, []int{8, 1}, 0},
		{"-1 last", bs, OrderC, []int{3, -1}, []int{8, 2}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r NDView[int]
			var err error
			if tt.order == OrderC {
				r, err = tt.v.Reshape(tt.shape...)
			} else {
				r, err = tt.v.ReshapeOrder(tt.order, tt.shape...)
			}
			if tt.strides == nil {
				msg := isErr(t, ErrLayout, err)
				assert.Contains(t, msg, "copy", "R5: the error says that a copy is needed")
				assert.Contains(t, msg, formatShape(tt.v.Shape()), "the message names the shape")
				return
			}
			require.NoError(t, err)
			want := make([]int, len(tt.shape))
			require.NoError(t, layout.ResolveShape("", tt.v.Size(), tt.shape, want))
			assert.Equal(t, want, r.Shape(), "Reshape(%v).Shape()", tt.shape)
			assert.Equal(t, tt.strides, r.Strides(), "Reshape(%v).Strides(), extent-1 axes included", tt.shape)
			assert.Equal(t, tt.off, r.Offset(), "Reshape(%v).Offset()", tt.shape)
			assert.Equal(t, tt.v.ReadOnly(), r.ReadOnly())
			// The elements are those of the source read in the order.
			assert.Equal(t, readOrder(tt.v, tt.order), readOrder(r, tt.order))
		})
	}
}

// readOrder returns the elements of v in C order, or F order for OrderF and
// for OrderA on a view that is F- and not C-contiguous.
func readOrder(v NDView[int], o Order) []int {
	if o == OrderF || (o == OrderA && v.IsFContiguous() && !v.IsCContiguous()) {
		return values(v.T())
	}
	return values(v)
}

func TestReshapeSameShape(t *testing.T) {
	// R2: the same view, with its own strides, extent-1 axes included.
	v, err := Wrap(arange(20), 1, []int{3, 1, 2}, []int{6, 77, -1})
	require.NoError(t, err)
	for _, shape := range [][]int{{3, 1, 2}, {3, -1, 2}, {-1, 1, 2}} {
		r, err := v.Reshape(shape...)
		require.NoError(t, err)
		assert.Equal(t, v.Strides(), r.Strides())
		assert.Equal(t, v.Offset(), r.Offset())
		r, err = v.ReshapeOrder(OrderF, shape...)
		require.NoError(t, err)
		assert.Equal(t, v.Strides(), r.Strides())
	}
	ro := v.AsReadOnly()
	r, err := ro.Reshape(3, 1, 2)
	require.NoError(t, err)
	assert.True(t, r.ReadOnly())
}

func TestReshapeEmpty(t *testing.T) {
	// R3: every size-0 view is contiguous and gets fresh strides, whatever
	// its own strides; the offset is kept.
	v, err := Wrap(arange(10), 3, []int{3, 0, 2}, []int{-1, 5, 2})
	require.NoError(t, err)
	r, err := v.Reshape(0, 6)
	require.NoError(t, err)
	assert.Equal(t, []int{0, 6}, r.Shape())
	assert.Equal(t, []int{6, 1}, r.Strides())
	assert.Equal(t, 3, r.Offset())
	r, err = v.ReshapeOrder(OrderF, 2, 0, 3)
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 2}, r.Strides())
	r, err = v.Reshape(5, 0, -1)
	isErr(t, ErrShape, err) // R1: -1 with a known product of 0
	_ = r
}

func TestReshapeErrors(t *testing.T) {
	b := b234(t)
	tests := []struct {
		name     string
		shape    []int
		sentinel error
		msg      string
	}{
		{"two -1", []int{-1, -1}, ErrShape, "can only specify one unknown dimension"},
		{"other negative", []int{-2, -12}, ErrShape, "negative"},
		{"-3 alone", []int{-3, 8}, ErrShape, "negative"},
		{"-1 does not divide", []int{5, -1}, ErrShape, "cannot reshape array of size 24 into shape (5, -1)"},
		{"-1 with 0", []int{0, -1}, ErrShape, "cannot reshape array of size 24"},
		{"wrong size", []int{5, 5}, ErrShape, "cannot reshape array of size 24 into shape (5, 5)"},
		{"too big", []int{1 << 40, 1 << 40}, ErrOverflow, "too big"},
		{"rank 65", ones(65), ErrShape, "65"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := b.Reshape(tt.shape...)
			assert.Zero(t, r, "the zero NDView on error")
			msg := isErr(t, tt.sentinel, err)
			assert.Contains(t, msg, tt.msg)
			assert.Contains(t, msg, "Reshape")
		})
	}
	// An invalid Order is the program's mistake: it panics, as ToBytes
	// does (semantics.md E2, R3), even when the shape is wrong too.
	msg := panics(t, ErrLayout, func() { _, _ = b.ReshapeOrder(Order(7), 24) })
	assert.Contains(t, msg, "ndview: ReshapeOrder: order must be 'C', 'F' or 'A'")
	assert.Contains(t, msg, "Order(7)")
	panics(t, ErrLayout, func() { _, _ = b.ReshapeOrder(Order(3), 5, 5) })
	assert.Equal(t, "Order(7)", Order(7).String())
	assert.Equal(t, []string{"C", "F", "A"}, []string{OrderC.String(), OrderF.String(), OrderA.String()})
}

func TestReshapeStridesDirect(t *testing.T) {
	// reshapeStrides on its own, in both orders, including groups that
	// merge several old axes into one and split one into several.
	tests := []struct {
		oldShape, oldStrides, newShape []int
		fortran                        bool
		want                           []int // nil: fails
	}{
		{[]int{2, 3, 4}, []int{12, 4, 1}, []int{6, 4}, false, []int{4, 1}},
		{[]int{2, 3, 4}, []int{12, 4, 1}, []int{4, 6}, false, []int{6, 1}},
		{[]int{3, 2, 4}, []int{4, 12, 1}, []int{3, 2, 2, 2}, false, []int{4, 12, 2, 1}},
		{[]int{3, 2, 4}, []int{4, 12, 1}, []int{3, 8}, false, nil},
		{[]int{4, 2}, []int{1, 8}, []int{2, 2, 2}, true, []int{1, 2, 8}},
		{[]int{4, 2}, []int{1, 8}, []int{8}, true, nil},
		{[]int{2, 2}, []int{0, 0}, []int{4}, false, []int{0}}, // one element, repeated
		{[]int{2, 3}, []int{3, 0}, []int{3, 2}, false, nil},
		{[]int{5, 1, 1}, []int{3, 9, 9}, []int{1, 5}, false, []int{15, 3}},
		{[]int{5, 1, 1}, []int{3, 9, 9}, []int{5, 1}, true, []int{3, 15}},
	}
	for _, tt := range tests {
		got := make([]int, len(tt.newShape))
		ok := layout.ReshapeStrides(tt.oldShape, tt.oldStrides, tt.newShape, tt.fortran, got)
		if tt.want == nil {
			assert.False(t, ok, "layout.ReshapeStrides(%v, %v, %v, F=%v) succeeds", tt.oldShape, tt.oldStrides, tt.newShape, tt.fortran)
			continue
		}
		if assert.True(t, ok, "layout.ReshapeStrides(%v, %v, %v, F=%v) fails", tt.oldShape, tt.oldStrides, tt.newShape, tt.fortran) {
			assert.Equal(t, tt.want, got, "layout.ReshapeStrides(%v, %v, %v, F=%v)", tt.oldShape, tt.oldStrides, tt.newShape, tt.fortran)
		}
	}
}

// numpyReshapeStrides is a line-by-line port of NumPy's
// _attempt_nocopy_reshape (semantics.md R4), the reference for reshapeStrides.
func numpyReshapeStrides(oldShape, oldStrides, newShape []int, fortran bool, newStrides []int) bool {
	// The old layout without its extent-1 axes: od, os.
	var buf [2 * layout.InlineRank]int
	od, os := buf[:layout.InlineRank], buf[layout.InlineRank:]
	if len(oldShape) > layout.InlineRank {
		od, os = make([]int, len(oldShape)), make([]int, len(oldShape))
	}
	m := 0
	for i, n := range oldShape {
		if n != 1 {
			od[m], os[m] = n, oldStrides[i]
			m++
		}
	}
	od, os = od[:m], os[:m]
	nd := len(newShape)
	oi, oj, ni, nj := 0, 1, 0, 1
	for ni < nd && oi < len(od) {
		np, op := newShape[ni], od[oi]
		for np != op {
			if np < op {
				np *= newShape[nj]
				nj++
			} else {
				op *= od[oj]
				oj++
			}
		}
		for k := oi; k < oj-1; k++ {
			if fortran {
				if os[k+1] != od[k]*os[k] {
					return false
				}
			} else if os[k] != od[k+1]*os[k+1] {
				return false
			}
		}
		if fortran {
			newStrides[ni] = os[oi]
			for k := ni + 1; k < nj; k++ {
				newStrides[k] = newStrides[k-1] * newShape[k-1]
			}
		} else {
			newStrides[nj-1] = os[oj-1]
			for k := nj - 1; k > ni; k-- {
				newStrides[k-1] = newStrides[k] * newShape[k]
			}
		}
		ni, nj = nj, nj+1
		oi, oj = oj, oj+1
	}
	last := 1
	if ni >= 1 {
		last = newStrides[ni-1]
		if fortran {
			last *= newShape[ni-1]
		}
	}
	for k := ni; k < nd; k++ {
		newStrides[k] = last
	}
	return true
}

func TestReshapeStridesMatchNumPy(t *testing.T) {
	// reshapeStrides against the port of NumPy's algorithm, on random
	// layouts of every mode (contiguous runs broken at random places,
	// extent-1 axes with any stride, zero strides), and random new shapes
	// of the same size, in both orders: the same success, and the same
	// strides on every axis, extent-1 ones too.
	rng := rand.New(rand.NewPCG(5, 8))
	var succeeded, failed int
	for range 20000 {
		l := randomLayout(rng, layoutOpts{MaxExtent: 6, MaxSize: -1, NonEmpty: true}) // NumPy reshapes empty arrays before this
		oldShape, oldStrides := l.Shape, l.Strides
		// A new shape of the same size: the prime factors of the size in
		// random groups, with extent-1 axes among them.
		var factors []int
		for n, p := layout.ShapeSize(oldShape), 2; n > 1; {
			if n%p == 0 {
				factors = append(factors, p)
				n /= p
			} else {
				p++
			}
		}
		rng.Shuffle(len(factors), func(i, j int) { factors[i], factors[j] = factors[j], factors[i] })
		var newShape []int
		for len(factors) > 0 || rng.IntN(3) == 0 {
			if len(newShape) == MaxRank {
				break
			}
			if len(factors) == 0 || rng.IntN(4) == 0 {
				newShape = append(newShape, 1)
				continue
			}
			g := 1 + rng.IntN(len(factors))
			newShape = append(newShape, layout.ShapeSize(factors[:g]))
			factors = factors[g:]
		}
		if len(factors) > 0 {
			continue
		}
		for _, fortran := range []bool{false, true} {
			want := make([]int, len(newShape))
			got := make([]int, len(newShape))
			wantOK := numpyReshapeStrides(oldShape, oldStrides, newShape, fortran, want)
			gotOK := layout.ReshapeStrides(oldShape, oldStrides, newShape, fortran, got)
			require.Equal(t, wantOK, gotOK, "layout.ReshapeStrides(%v, %v, %v, F=%v)", oldShape, oldStrides, newShape, fortran)
			if wantOK {
				require.Equal(t, want, got, "layout.ReshapeStrides(%v, %v, %v, F=%v)", oldShape, oldStrides, newShape, fortran)
				succeeded++
			} else {
				failed++
			}
		}
	}
	// Both outcomes must be common for the comparison to mean anything.
	assert.Greater(t, succeeded, 5000)
	assert.Greater(t, failed, 5000)
	t.Logf("%d reshapes found strides, %d did not", succeeded, failed)
}

func TestReshapeTargetMatchesResolveShape(t *testing.T) {
	// Reshape resolves the usual shapes itself and leaves the rest to
	// resolveShape: on random targets (one or two -1s, other negatives,
	// zeros, extents near overflow) both must agree on the shape or on the
	// error, for contiguous views with elements and without.
	rng := rand.New(rand.NewPCG(11, 4))
	extents := []int{-1, -1, -2, 0, 1, 2, 3, 4, 6, 8, 1 << 31, 1 << 40, 1 << 62, math.MaxInt}
	for _, size := range []int{0, 1, 24, 48} {
		v := Zeros[float64](size)
		for range 5000 {
			shape := make([]int, rng.IntN(6))
			for i := range shape {
				shape[i] = extents[rng.IntN(len(extents))]
			}
			want := make([]int, len(shape))
			wantErr := layout.ResolveShape("Reshape", size, shape, want)
			if wantErr == nil && size == 0 {
				_, wantErr = layout.CheckShape("Reshape", want, 8)
			}
			r, err := v.Reshape(shape...)
			if wantErr != nil {
				require.Error(t, err, "Reshape%v of size %d", shape, size)
				assert.Equal(t, wantErr.Error(), err.Error())
				continue
			}
			require.NoError(t, err, "Reshape%v of size %d", shape, size)
			assert.Equal(t, want, r.Shape(), "Reshape%v of size %d", shape, size)
		}
	}
}
