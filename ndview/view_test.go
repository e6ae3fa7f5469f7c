package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Tests of the view type: constructors (semantics.md L1–L5), attributes (M1),
// contiguity (L6, L7, M2), element access, the zero view, rank limits and
// zero-copy behaviour of every view operation.

import (
	"fmt"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLayoutTable(t *testing.T) {
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			v, data := l.view(t)
			checkViewLayout(t, v, l.shape, l.strides, l.off)
			assert.Equal(t, l.ro, v.ReadOnly(), "ReadOnly()")
			assert.Equal(t, shapeProduct(l.shape), v.Size(), "Size()")
			checkBounds(t, v, len(data))
			forEachIndex(l.shape, func(idx []int) {
				assert.Equal(t, l.at(idx), v.At(idx...), "At(%v)", idx)
			})
			assert.Equal(t, bruteContig(v, false), v.IsCContiguous(), "IsCContiguous()")
			assert.Equal(t, bruteContig(v, true), v.IsFContiguous(), "IsFContiguous()")
			assert.Equal(t, v.IsCContiguous() || v.IsFContiguous(), v.IsContiguous(), "IsContiguous()")
		})
	}
}

func TestFromSlice(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		shape   []int
		want    []int // shape
		strides []int
		err     error
	}{
		{"no shape", 5, nil, []int{5}, []int{1}, nil},
		{"no shape empty", 0, nil, []int{0}, []int{1}, nil},
		{"2x3", 6, []int{2, 3}, []int{2, 3}, []int{3, 1}, nil},
		{"L6 zero extent", 0, []int{3, 0, 2}, []int{3, 0, 2}, []int{2, 2, 1}, nil},
		{"empty shape is no shape", 3, []int{}, []int{3}, []int{1}, nil},
		{"ones", 1, []int{1, 1}, []int{1, 1}, []int{1, 1}, nil},
		{"product too small", 5, []int{2, 3}, nil, nil, ErrShape},
		{"product too large", 7, []int{2, 3}, nil, nil, ErrShape},
		{"negative extent", 0, []int{2, -1}, nil, nil, ErrShape},
		{"negative extent with zero", 0, []int{0, -3}, nil, nil, ErrShape},
		{"rank 65", 1, ones(65), nil, nil, ErrShape},
		{"overflow", 0, []int{0, 1 << 40, 1 << 40}, nil, nil, ErrOverflow},
		{"byte size overflow", 0, []int{0, 1 << 61}, nil, nil, ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := arange(tt.n)
			v, err := FromSlice(data, tt.shape...)
			if tt.err != nil {
				msg := isErr(t, tt.err, err)
				assert.Contains(t, msg, "FromSlice")
				return
			}
			require.NoError(t, err)
			checkViewLayout(t, v, tt.want, tt.strides, 0)
			assert.Equal(t, tt.strides, v.Strides(), "FromSlice(%d, %v).Strides()", tt.n, tt.shape)
			assert.True(t, v.IsCContiguous(), "IsCContiguous")
			assert.False(t, v.ReadOnly())
			assert.Equal(t, data, values(v))
		})
	}
}

// ones returns n extents of 1.
func ones(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = 1
	}
	return s
}

func TestFromSliceFloat64TooBig(t *testing.T) {
	// NumPy refuses np.empty((0, 2**62)) for float64: "array is too big".
	_, err := FromSlice([]float64{}, 0, 1<<62)
	msg := isErr(t, ErrOverflow, err)
	assert.Contains(t, msg, "(0, 4611686018427387904)", "message names the shape")
	// The same shape of bytes fits.
	_, err = FromSlice([]byte{}, 0, 1<<62)
	assert.NoError(t, err)
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name    string
		n       int
		off     int
		shape   []int
		strides []int
		err     error
		ro      bool
	}{
		{"L4 example valid", 12, 8, []int{3, 4}, []int{-4, 1}, nil, false},
		{"L4 example off 7", 12, 7, []int{3, 4}, []int{-4, 1}, ErrBounds, false},
		{"L4 hi past end", 12, 1, []int{3, 4}, []int{4, 1}, ErrBounds, false},
		{"L4 exactly fits", 12, 0, []int{3, 4}, []int{4, 1}, nil, false},
		{"negative offset", 12, -1, []int{2}, []int{1}, ErrBounds, false},
		{"offset past end", 12, 12, []int{1}, []int{1}, ErrBounds, false},
		{"0-d at last", 12, 11, []int{}, []int{}, nil, false},
		{"0-d past end", 12, 12, []int{}, []int{}, ErrBounds, false},
		{"0-d of empty data", 0, 0, []int{}, []int{}, ErrBounds, false},
		{"empty at len", 12, 12, []int{0}, []int{1}, nil, false},
		{"empty past len", 12, 13, []int{0}, []int{1}, ErrBounds, false},
		{"empty negative offset", 12, -1, []int{0, 3}, []int{1, 1}, ErrBounds, false},
		{"empty huge strides", 12, 0, []int{0, 3}, []int{maxInt, 1}, ErrOverflow, false},
		{"empty stride product fits", 12, 0, []int{0, 9}, []int{1, maxInt / 8}, nil, false},
		{"empty stride product overflows", 12, 0, []int{0, 10}, []int{1, maxInt / 8}, ErrOverflow, false},
		{"zero stride", 1, 0, []int{3, 4}, []int{0, 0}, nil, true},
		{"broadcast row", 4, 0, []int{3, 4}, []int{0, 1}, nil, true},
		{"overlapping windows", 6, 0, []int{4, 3}, []int{1, 1}, nil, true},
		{"extent-1 zero stride", 3, 0, []int{1, 3}, []int{0, 1}, nil, false},
		{"negative strides", 12, 11, []int{3, 4}, []int{-4, -1}, nil, false},
		{"extent-1 huge stride", 3, 0, []int{1, 3}, []int{maxInt / 8, 1}, nil, false},
		{"negative extent", 12, 0, []int{-1}, []int{1}, ErrShape, false},
		{"stride count", 12, 0, []int{3, 4}, []int{1}, ErrShape, false},
		{"rank 65", 1, 0, ones(65), make([]int, 65), ErrShape, false},
		{"L5 shape too big", 0, 0, []int{0, 1 << 62}, []int{1, 1}, ErrOverflow, false},
		{"L5 huge stride", 12, 0, []int{2}, []int{maxInt}, ErrOverflow, false},
		{"L5 stride bytes overflow", 12, 0, []int{1}, []int{maxInt/8 + 1}, ErrOverflow, false},
		{"L5 min stride", 12, 0, []int{1}, []int{minInt}, ErrOverflow, false},
		{"L5 stride product", 12, 0, []int{3}, []int{maxInt / 8}, ErrBounds, false},
		{"L5 stride product 9", 12, 0, []int{9}, []int{maxInt / 8}, ErrBounds, false},
		{"L5 stride product overflows", 12, 0, []int{10}, []int{maxInt / 8}, ErrOverflow, false},
		{"L5 MaxInt offset", 12, maxInt, []int{2}, []int{1}, ErrOverflow, false},
		{"L5 MaxInt offset 0-d", 12, maxInt, []int{}, []int{}, ErrBounds, false},
		{"L5 MinInt offset", 12, minInt, []int{2}, []int{-1}, ErrOverflow, false},
		{"L5 MaxInt offset back", 12, maxInt, []int{2}, []int{-maxInt / 8}, ErrBounds, false},
		{"L5 sum overflows", 12, 0, []int{2, 2}, []int{maxInt / 8, maxInt / 8}, ErrBounds, false},
		{"L5 hi overflows", 12, 5, []int{2, 2, 2, 2, 2, 2, 2, 2, 2}, []int{maxInt / 8, maxInt / 8, maxInt / 8, maxInt / 8, maxInt / 8, maxInt / 8, maxInt / 8, maxInt / 8, maxInt / 8}, ErrOverflow, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := arange(tt.n)
			v, err := Wrap(data, tt.off, tt.shape, tt.strides)
			if tt.err != nil {
				msg := isErr(t, tt.err, err)
				assert.Contains(t, msg, "Wrap")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.shape, v.Shape())
			assert.Equal(t, tt.strides, v.Strides())
			assert.Equal(t, tt.off, v.Offset())
			assert.Equal(t, tt.ro, v.ReadOnly(), "Wrap(%v, %v).ReadOnly()", tt.shape, tt.strides)
			checkBounds(t, v, tt.n)
			forEachIndex(tt.shape, func(idx []int) {
				assert.Equal(t, refOffset(tt.off, tt.strides, idx), v.At(idx...))
			})
		})
	}
}

func TestWrapOverflowMessageNamesShape(t *testing.T) {
	_, err := Wrap(make([]float64, 4), 0, []int{0, 1 << 62}, []int{1, 1})
	msg := isErr(t, ErrOverflow, err)
	assert.Contains(t, msg, "(0, 4611686018427387904)")
	_, err = Wrap(make([]int, 12), maxInt, []int{2, 3}, []int{3, 1})
	msg = isErr(t, ErrOverflow, err)
	assert.Contains(t, msg, "(2, 3)")
	_, err = Wrap(make([]int, 12), 7, []int{3, 4}, []int{-4, 1})
	msg = isErr(t, ErrBounds, err)
	assert.Contains(t, msg, "(3, 4)")
}

func TestAttributes(t *testing.T) {
	// M1: ndim, shape (empty for 0-d), strides in bytes, itemsize, nbytes
	// (logical, also for non-contiguous views), readonly.
	data := make([]int32, 24)
	tests := []struct {
		name        string
		off         int
		shape, st   []int
		bst         []int
		size, bytes int
	}{
		{"C", 0, []int{2, 3, 4}, []int{12, 4, 1}, []int{48, 16, 4}, 24, 96},
		{"cutout", 5, []int{2, 2}, []int{4, 1}, []int{16, 4}, 4, 16},
		{"neg", 23, []int{3, 2}, []int{-8, -1}, []int{-32, -4}, 6, 24},
		{"0-d", 3, []int{}, []int{}, []int{}, 1, 4},
		{"empty", 0, []int{4, 0}, []int{1, 1}, []int{4, 4}, 0, 0},
		{"bcast", 0, []int{5, 3}, []int{0, 1}, []int{0, 4}, 15, 60},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Wrap(data, tt.off, tt.shape, tt.st)
			require.NoError(t, err)
			assert.Equal(t, len(tt.shape), v.NDim(), "NDim()")
			assert.Equal(t, tt.shape, v.Shape(), "Shape()")
			assert.NotNil(t, v.Shape(), "Shape() of 0-d is an empty slice")
			assert.Equal(t, tt.st, v.Strides(), "Strides()")
			assert.Equal(t, tt.bst, v.ByteStrides(), "ByteStrides()")
			assert.Equal(t, tt.off, v.Offset(), "Offset()")
			assert.Equal(t, tt.size, v.Size(), "Size()")
			assert.Equal(t, 4, v.ItemSize(), "ItemSize()")
			assert.Equal(t, tt.bytes, v.NBytes(), "NBytes()")
		})
	}
	type rgb struct{ R, G, B uint8 }
	v, err := FromSlice(make([]rgb, 6), 2, 3)
	require.NoError(t, err)
	assert.Equal(t, 3, v.ItemSize())
	assert.Equal(t, []int{9, 3}, v.ByteStrides())
	assert.Equal(t, 18, v.NBytes())
}

func TestContiguity(t *testing.T) {
	// L7 and M2, with L6's strides for zero extents.
	tests := []struct {
		name      string
		shape, st []int
		c, f      bool
	}{
		{"L7 C with junk extent-1 stride", []int{2, 1, 3}, []int{3, 100, 1}, true, false},
		{"L7 (1,4) st (7,1)", []int{1, 4}, []int{7, 1}, true, true},
		{"L7 (3) st (0)", []int{3}, []int{0}, false, false},
		{"L6 (3,0,2) st (2,2,1)", []int{3, 0, 2}, []int{2, 2, 1}, true, true},
		{"size 0 any strides", []int{3, 0, 2}, []int{5, -7, 0}, true, true},
		{"empty 1-D stride 5", []int{0}, []int{5}, true, true},
		{"0-d", []int{}, []int{}, true, true},
		{"C", []int{2, 3, 4}, []int{12, 4, 1}, true, false},
		{"F", []int{2, 3, 4}, []int{1, 2, 6}, false, true},
		{"1-D", []int{5}, []int{1}, true, true},
		{"1-D stride 2", []int{5}, []int{2}, false, false},
		{"1-D reversed", []int{5}, []int{-1}, false, false},
		{"ones", []int{1, 1, 1}, []int{9, -4, 0}, true, true},
		{"cutout", []int{3, 4}, []int{6, 1}, false, false},
		{"column", []int{3, 1}, []int{1, 5}, true, true},
		{"transposed cutout", []int{4, 3}, []int{1, 6}, false, false},
		{"F with junk extent-1 stride", []int{3, 1, 2}, []int{1, 0, 3}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := 0 // the lowest offset that keeps negative strides inside
			for k, n := range tt.shape {
				if tt.st[k] < 0 && n > 0 {
					off -= tt.st[k] * (n - 1)
				}
			}
			v, err := Wrap(arange(30), off, tt.shape, tt.st)
			require.NoError(t, err)
			assert.Equal(t, tt.c, v.IsCContiguous(), "IsCContiguous(%v st %v)", tt.shape, tt.st)
			assert.Equal(t, tt.f, v.IsFContiguous(), "IsFContiguous(%v st %v)", tt.shape, tt.st)
			assert.Equal(t, tt.c || tt.f, v.IsContiguous(), "IsContiguous(%v st %v)", tt.shape, tt.st)
			if v.Size() > 0 {
				assert.Equal(t, bruteContig(v, false), tt.c, "table entry agrees with brute force (C)")
				assert.Equal(t, bruteContig(v, true), tt.f, "table entry agrees with brute force (F)")
			}
		})
	}
	// L6: fresh C strides count a zero extent as 1.
	v, err := FromSlice([]int{}, 3, 0, 2)
	require.NoError(t, err)
	assert.Equal(t, []int{2, 2, 1}, v.Strides())
	f, err := v.ReshapeOrder(OrderF, 2, 0, 3)
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 2}, f.Strides(), "F-order strides of (2,0,3)")
}

func TestAtSet(t *testing.T) {
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			v, data := l.view(t)
			forEachIndex(l.shape, func(idx []int) {
				require.Equal(t, l.at(idx), v.At(idx...), "At(%v)", idx)
			})
			if v.ReadOnly() {
				return
			}
			forEachIndex(l.shape, func(idx []int) {
				v.Set(-1000-l.at(idx), idx...)
				require.Equal(t, -1000-l.at(idx), data[l.at(idx)], "Set(%v) lands at data[%d]", idx, l.at(idx))
				require.Equal(t, -1000-l.at(idx), v.At(idx...))
			})
		})
	}
}

// TestAtPanicsEveryRank covers the unrolled paths of ranks 1 to 3 and the
// general one: each axis out of range in both directions, for At and Set.
func TestAtPanicsEveryRank(t *testing.T) {
	extents := []int{2, 3, 4, 5, 6}
	for r := 1; r <= len(extents); r++ {
		shape := extents[:r]
		v, err := FromSlice(make([]int, layout.ShapeSize(shape)), shape...)
		require.NoError(t, err)
		for k := range r {
			for _, bad := range []int{shape[k], -1, math.MaxInt, math.MinInt} {
				idx := make([]int, r)
				idx[k] = bad
				for op, f := range map[string]func(){
					"At":  func() { v.At(idx...) },
					"Set": func() { v.Set(1, idx...) },
				} {
					var ie *IndexError
					func() {
						defer func() { ie, _ = recover().(*IndexError) }()
						f()
					}()
					require.NotNil(t, ie, "%s(%v) on shape %v panics with an *IndexError", op, idx, shape)
					assert.Equal(t, IndexError{Op: op, Axis: k, Index: bad, Shape: shape}, *ie)
				}
			}
		}
		last := make([]int, r)
		for k := range last {
			last[k] = shape[k] - 1
		}
		v.Set(42, last...)
		require.Equal(t, 42, v.At(last...), "the last element of shape %v", shape)
		panics(t, ErrIndex, func() { v.At(append(last, 0)...) })
		panics(t, ErrIndex, func() { v.At(last[1:]...) })
		panics(t, ErrReadOnly, func() { v.AsReadOnly().Set(0, last...) })
	}
}

func TestAtPanics(t *testing.T) {
	v, err := FromSlice(arange(12), 3, 4)
	require.NoError(t, err)
	tests := []struct {
		name string
		idx  []int
		want []string
	}{
		{"too big", []int{1, 4}, []string{"At", "index 4", "axis 1", "size 4", "(shape (3, 4))"}},
		{"negative", []int{-1, 0}, []string{"At", "index -1", "axis 0", "(shape (3, 4))"}},
		{"first axis", []int{3, 0}, []string{"At", "index 3", "axis 0", "size 3"}},
		{"too few", []int{1}, []string{"At", "1 indices", "2 dimensions", "(3, 4)"}},
		{"too many", []int{1, 2, 0}, []string{"At", "3 indices", "(3, 4)"}},
		{"none", nil, []string{"At", "0 indices"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := panics(t, ErrIndex, func() { v.At(tt.idx...) })
			for _, w := range tt.want {
				assert.Contains(t, msg, w)
			}
			msg = panics(t, ErrIndex, func() { v.Set(0, tt.idx...) })
			assert.Contains(t, msg, "Set")
		})
	}
	// Rank above the inline storage goes through the general path.
	h, err := FromSlice(arange(32), 2, 2, 2, 2, 2)
	require.NoError(t, err)
	msg := panics(t, ErrIndex, func() { h.At(1, 1, 2, 0, 0) })
	assert.Contains(t, msg, "axis 2")
	panics(t, ErrIndex, func() { h.At(1, 1, 1, 1) })
	panics(t, ErrIndex, func() { h.Set(0, 0, 0, 0, 0, -1) })
	var ie *IndexError
	func() {
		defer func() { ie, _ = recover().(*IndexError) }()
		v.At(0, 9)
	}()
	require.NotNil(t, ie, "At panics with an *IndexError")
	assert.Equal(t, IndexError{Op: "At", Axis: 1, Index: 9, Shape: []int{3, 4}}, *ie)
	// A 0-d view takes no index.
	z, err := FromSlice([]int{7})
	require.NoError(t, err)
	s, err := z.Reshape()
	require.NoError(t, err)
	assert.Equal(t, 7, s.At())
	panics(t, ErrIndex, func() { s.At(0) })
}

func TestZeroView(t *testing.T) {
	// The zero NDView is an empty 1-D view, like a nil slice.
	var v NDView[float64]
	assert.Equal(t, 1, v.NDim())
	assert.Equal(t, []int{0}, v.Shape())
	assert.Equal(t, 0, v.Size())
	assert.Equal(t, 0, v.NBytes())
	assert.Equal(t, 8, v.ItemSize())
	assert.Equal(t, 0, v.Offset())
	assert.False(t, v.ReadOnly())
	assert.True(t, v.IsCContiguous(), "IsCContiguous()")
	assert.True(t, v.IsFContiguous(), "IsFContiguous()")
	assert.True(t, v.IsContiguous(), "IsContiguous()")
	d, err := v.Data()
	assert.NoError(t, err)
	assert.Empty(t, d)
	panics(t, ErrIndex, func() { v.At(0) })
	panics(t, ErrIndex, func() { v.Set(1, 0) })

	w, err := FromSlice([]float64(nil))
	require.NoError(t, err)
	for name, got := range map[string]NDView[float64]{"zero": v, "T": v.T(), "Flip": v.Flip(), "Slice": v.Slice(Step(-1))} {
		assert.Equal(t, w.Shape(), got.Shape(), name)
		assert.Equal(t, w.IsCContiguous(), got.IsCContiguous(), name)
	}
	s, err := v.Index("::-1")
	require.NoError(t, err)
	assert.Equal(t, []int{0}, s.Shape())
	s, err = v.Index("None, :")
	require.NoError(t, err)
	assert.Equal(t, []int{1, 0}, s.Shape())
	_, err = v.Index("0")
	isErr(t, ErrIndex, err)
	r, err := v.Reshape(2, 0, 3)
	require.NoError(t, err)
	assert.Equal(t, []int{2, 0, 3}, r.Shape())
	b, err := v.BroadcastTo(4, 0)
	require.NoError(t, err)
	assert.Equal(t, []int{4, 0}, b.Shape())
	e := v.ExpandDims(0)
	assert.Equal(t, []int{1, 0}, e.Shape())
	sw, err := v.SlidingWindow([]int{0})
	require.NoError(t, err)
	assert.Equal(t, []int{1, 0}, sw.Shape())
}

func TestAccessorsReturnCopies(t *testing.T) {
	for _, l := range layouts {
		t.Run(l.name, func(t *testing.T) {
			v, _ := l.view(t)
			sh, st, bs := v.Shape(), v.Strides(), v.ByteStrides()
			for i := range sh {
				sh[i] = 99
				st[i] = 1 << 40
				bs[i] = -1
			}
			_ = append(sh[:0:0], 1, 2, 3) // appending to a copy is harmless too
			checkViewLayout(t, v, l.shape, l.strides, l.off)
			assert.Equal(t, l.strides, v.Strides())
			forEachIndex(l.shape, func(idx []int) {
				require.Equal(t, l.at(idx), v.At(idx...))
			})
		})
	}
}

func TestStructElement(t *testing.T) {
	type point struct {
		X, Y float64
		Name string
	}
	data := make([]point, 6)
	for i := range data {
		data[i] = point{float64(i), -float64(i), fmt.Sprint("p", i)}
	}
	v, err := FromSlice(data, 2, 3)
	require.NoError(t, err)
	assert.Equal(t, mem.Sizeof[point](), v.ItemSize())
	assert.Equal(t, "p5", v.At(1, 2).Name)
	tr := v.T()
	tr.Set(point{Name: "new"}, 2, 0)
	assert.Equal(t, "new", data[2].Name)
	s, err := v.Index("::-1, 1")
	require.NoError(t, err)
	assert.Equal(t, []string{"p4", "p1"}, []string{s.At(0).Name, s.At(1).Name})
	r, err := v.Reshape(3, 2)
	require.NoError(t, err)
	assert.Equal(t, 3.0, r.At(1, 1).X)

	// A zero-size element type.
	e := make([]struct{}, 10)
	ev, err := FromSlice(e, 2, 5)
	require.NoError(t, err)
	assert.Equal(t, 0, ev.ItemSize())
	assert.Equal(t, 0, ev.NBytes())
	assert.Equal(t, []int{0, 0}, ev.ByteStrides())
	ev.Set(struct{}{}, 1, 4)
}

// rank64 returns a C-contiguous view of arange(8) with 64 axes, three of
// them of extent 2 (axes 0, 31 and 63).
func rank64(t testing.TB) (NDView[int], []int) {
	t.Helper()
	shape := ones(64)
	shape[0], shape[31], shape[63] = 2, 2, 2
	data := arange(8)
	v, err := FromSlice(data, shape...)
	require.NoError(t, err)
	return v, data
}

func TestRank64(t *testing.T) {
	v, data := rank64(t)
	require.Equal(t, 64, v.NDim())
	idx := make([]int, 64)
	idx[0], idx[31], idx[63] = 1, 0, 1
	assert.Equal(t, 5, v.At(idx...))
	assert.True(t, v.IsCContiguous())

	// Wrap at rank 64 with negative and zero strides.
	st := make([]int, 64)
	st[0], st[31], st[63] = -4, 0, 1
	w, err := Wrap(data, 4, v.Shape(), st)
	require.NoError(t, err)
	assert.True(t, w.ReadOnly(), "zero stride on an axis of extent 2")
	assert.Equal(t, 1, w.At(idx...))

	// Index at rank 64: an integer on the last axis, a reversal of the first.
	x, err := v.Index("::-1, ..., 1")
	require.NoError(t, err)
	assert.Equal(t, 63, x.NDim())
	assert.Equal(t, 5, x.At(make([]int, 63)...))
	y := v.Slice(Step(-1), Ellipsis, Int(1))
	assert.Equal(t, x.Shape(), y.Shape())
	assert.Equal(t, x.Strides(), y.Strides())
	z, err := v.Index(strings64("-1"))
	require.NoError(t, err)
	assert.Equal(t, 0, z.NDim())
	assert.Equal(t, 7, z.At())

	// Transpose and T at rank 64.
	tr := v.T()
	perm := make([]int, 64)
	for i := range perm {
		perm[i] = 63 - i
	}
	tp := v.Transpose(perm...)
	assert.Equal(t, tr.Shape(), tp.Shape())
	assert.Equal(t, tr.Strides(), tp.Strides())
	assert.True(t, tr.IsFContiguous())
	for _, i := range indicesOf([]int{2, 2, 2}) {
		src := make([]int, 64)
		src[0], src[31], src[63] = i[0], i[1], i[2]
		dst := make([]int, 64)
		dst[63], dst[32], dst[0] = i[0], i[1], i[2]
		assert.Equal(t, v.At(src...), tr.At(dst...))
	}
	assert.Equal(t, 64, v.SwapAxes(0, 63).NDim())
	assert.Equal(t, 64, v.MoveAxis([]int{0}, []int{-1}).NDim())
	assert.Equal(t, 64, v.Flip().NDim())
	sq := v.Squeeze()
	assert.Equal(t, []int{2, 2, 2}, sq.Shape())
	back, err := sq.Reshape(v.Shape()...)
	require.NoError(t, err)
	assert.Equal(t, v.Strides(), back.Strides())
	two, err := FromSlice(arange(2))
	require.NoError(t, err)
	b, err := two.BroadcastTo(v.Shape()...)
	require.NoError(t, err)
	assert.Equal(t, 64, b.NDim())
	assert.Equal(t, 1, b.At(idx...))
	assert.Equal(t, 63, v.Diagonal(0, 0, 63).NDim())

	v.Set(-5, idx...)
	assert.Equal(t, -5, data[5])
}

// strings64 returns 64 copies of item joined by commas.
func strings64(item string) string {
	s := item
	for range 63 {
		s += "," + item
	}
	return s
}

func TestRank65Refused(t *testing.T) {
	v, _ := rank64(t)
	// Constructors return errors.
	_, err := FromSlice([]int{1}, ones(65)...)
	isErr(t, ErrShape, err)
	_, err = Wrap([]int{1}, 0, ones(65), make([]int, 65))
	isErr(t, ErrShape, err)
	panics(t, ErrShape, func() { Zeros[int](ones(65)...) })
	// Operations that would exceed 64 dimensions fail.
	_, err = v.Index("None")
	isErr(t, ErrShape, err)
	_, err = v.Index("..., newaxis")
	isErr(t, ErrShape, err)
	panics(t, ErrShape, func() { v.Slice(NewAxis) })
	panics(t, ErrShape, func() { v.ExpandDims(0) })
	_, err = v.SlidingWindow([]int{1}, 0)
	isErr(t, ErrShape, err)
	_, err = v.Reshape(append(ones(57), 2, 2, 2, 1, 1, 1, 1, 1)...)
	isErr(t, ErrShape, err)
	_, err = v.BroadcastTo(append([]int{1}, v.Shape()...)...)
	isErr(t, ErrShape, err)
	_, err = v.AsStrided(ones(65), make([]int, 65))
	isErr(t, ErrShape, err)
	_, err = BroadcastShapes(ones(65))
	isErr(t, ErrShape, err)
	// Dropping an axis first leaves room for one more.
	x, err := v.Index("0, ..., None")
	require.NoError(t, err)
	assert.Equal(t, 64, x.NDim())
	// Half the rank, windowed on every axis, is exactly 64.
	h, err := FromSlice(arange(1), ones(32)...)
	require.NoError(t, err)
	w, err := h.SlidingWindow(ones(32))
	require.NoError(t, err)
	assert.Equal(t, 64, w.NDim())
	h33, err := FromSlice(arange(1), ones(33)...)
	require.NoError(t, err)
	_, err = h33.SlidingWindow(ones(33))
	isErr(t, ErrShape, err)
	axes := make([]int, 32)
	for i := range axes {
		axes[i] = 2 * i
	}
	assert.Equal(t, 64, h.ExpandDims(axes...).NDim())
	panics(t, ErrShape, func() { h33.ExpandDims(axes...) })
}

func TestByteSizeOverflowRefused(t *testing.T) {
	// Shapes whose byte size (nonzero extents × item size) overflows int are
	// refused everywhere a shape comes in.
	huge := []int{0, 1 << 61}
	_, err := FromSlice([]int64{}, huge...)
	isErr(t, ErrOverflow, err)
	_, err = Wrap([]int64{}, 0, huge, []int{1, 1})
	isErr(t, ErrOverflow, err)
	panics(t, ErrOverflow, func() { Zeros[int64](huge...) })
	panics(t, ErrOverflow, func() { Zeros[int64](1<<31, 1<<31) })
	e, err := FromSlice([]int64{}, 0)
	require.NoError(t, err)
	_, err = e.BroadcastTo(huge...)
	isErr(t, ErrOverflow, err)
	_, err = e.Reshape(huge...)
	isErr(t, ErrOverflow, err)
	_, err = e.Reshape(1<<62, 4, 0)
	isErr(t, ErrOverflow, err)
	_, err = e.ReshapeOrder(OrderF, 1<<40, 0, 1<<40)
	isErr(t, ErrOverflow, err)
	// The same shapes of bytes fit, and are views.
	b, err := FromSlice([]byte{}, 0)
	require.NoError(t, err)
	r, err := b.Reshape(0, 1<<61)
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1 << 61}, r.Shape())
	// A stride-0 view of one byte may be huge; windows over it may not
	// overflow the extent nor the byte size.
	one := []int8{7}
	w, err := Wrap(one, 0, []int{maxInt, 0}, []int{0, 0})
	require.NoError(t, err)
	_, err = w.SlidingWindow([]int{0, 0})
	isErr(t, ErrOverflow, err)
	w, err = Wrap(one, 0, []int{maxInt / 2}, []int{0})
	require.NoError(t, err)
	_, err = w.SlidingWindow([]int{maxInt / 4})
	isErr(t, ErrOverflow, err)
	sw, err := w.SlidingWindow([]int{1})
	require.NoError(t, err)
	assert.Equal(t, []int{maxInt / 2, 1}, sw.Shape())
	assert.Equal(t, int8(7), sw.At(maxInt/2-1, 0))
}

func TestHeapStorageNotShared(t *testing.T) {
	// Views of rank above 4 keep shape and strides on the heap; deriving one
	// from another must never let either see the other's layout change.
	v, err := FromSlice(arange(96), 2, 2, 3, 1, 2, 4)
	require.NoError(t, err)
	shape0, strides0 := v.Shape(), v.Strides()
	derived := []NDView[int]{
		v.T(), v.Transpose(5, 4, 3, 2, 1, 0), v.SwapAxes(0, 5), v.MoveAxis([]int{0}, []int{5}),
		v.Flip(2), v.Rot90(1, 0, 2), v.Diagonal(0, 0, 1), v.Squeeze(), v.ExpandDims(0, -1),
		v.Slice(Step(-1), Int(1)), v.AsReadOnly(),
	}
	more := func(r NDView[int], err error) NDView[int] {
		require.NoError(t, err)
		return r
	}
	derived = append(derived,
		more(v.Reshape(4, 3, 2, 4)), more(v.Reshape(2, 2, 3, 2, 2, 2)), more(v.Reshape(v.Shape()...)),
		more(v.Index("::2, ..., None")), more(v.BroadcastTo(3, 2, 2, 3, 1, 2, 4)),
		more(v.SlidingWindow([]int{2}, 5)), more(v.AsStrided(v.Shape(), v.Strides())))
	layoutsOf := func() [][2][]int {
		var out [][2][]int
		for _, d := range derived {
			out = append(out, [2][]int{d.Shape(), d.Strides()})
		}
		return out
	}
	before := layoutsOf()
	// Derive again from every derived view (each writes fresh storage), and
	// from the source.
	for _, d := range derived {
		_ = d.T().Flip()
		_ = d.ExpandDims(0)
		if d.NDim() >= 2 {
			_ = d.SwapAxes(0, -1).Diagonal(0, 0, 1)
		}
		_, _ = d.Reshape(-1)
	}
	_ = v.Flip().T().Squeeze()
	assert.Equal(t, shape0, v.Shape())
	assert.Equal(t, strides0, v.Strides())
	assert.Equal(t, before, layoutsOf())
	// A copy of a view value is independent too.
	c := v
	c = c.Flip()
	assert.Equal(t, strides0, v.Strides())
}

func TestZeros(t *testing.T) {
	v := Zeros[float32](2, 0, 3)
	assert.Equal(t, []int{2, 0, 3}, v.Shape())
	assert.Equal(t, []int{3, 3, 1}, v.Strides())
	z := Zeros[int](3, 4)
	assert.Equal(t, make([]int, 12), values(z))
	z.Set(5, 2, 3)
	d, err := z.Data()
	require.NoError(t, err)
	assert.Len(t, d, 12)
	assert.Equal(t, 5, d[11])
	s := Zeros[int]()
	assert.Equal(t, 0, s.NDim())
	assert.Equal(t, 0, s.At())
	msg := panics(t, ErrShape, func() { Zeros[int](2, -3) })
	assert.Contains(t, msg, "Zeros")
}

// viewOps lists every operation that returns a view, applied to a
// C-contiguous (2,3,4) view, and whether its result is writable.
var viewOps = []struct {
	name     string
	op       func(NDView[int]) (NDView[int], error)
	writable bool
}{
	{"Slice", func(v NDView[int]) (NDView[int], error) { return v.Slice(Int(1), Step(-2), From(1)), nil }, true},
	{"Index", func(v NDView[int]) (NDView[int], error) { return v.Index("::-1, None, 1:, -1") }, true},
	{"T", func(v NDView[int]) (NDView[int], error) { return v.T(), nil }, true},
	{"Transpose", func(v NDView[int]) (NDView[int], error) { return v.Transpose(1, 2, 0), nil }, true},
	{"SwapAxes", func(v NDView[int]) (NDView[int], error) { return v.SwapAxes(0, 2), nil }, true},
	{"MoveAxis", func(v NDView[int]) (NDView[int], error) { return v.MoveAxis([]int{0}, []int{-1}), nil }, true},
	{"Flip", func(v NDView[int]) (NDView[int], error) { return v.Flip(0, 2), nil }, true},
	{"Rot90", func(v NDView[int]) (NDView[int], error) { return v.Rot90(1, 1, 2), nil }, true},
	{"Diagonal", func(v NDView[int]) (NDView[int], error) { return v.Diagonal(1, 1, 2), nil }, true},
	{"Squeeze", func(v NDView[int]) (NDView[int], error) { return v.Slice(Range(0, 1)).Squeeze(), nil }, true},
	{"ExpandDims", func(v NDView[int]) (NDView[int], error) { return v.ExpandDims(1, -1), nil }, true},
	{"Reshape", func(v NDView[int]) (NDView[int], error) { return v.Reshape(6, -1) }, true},
	{"Reshape non-contiguous", func(v NDView[int]) (NDView[int], error) {
		return v.Transpose(1, 0, 2).Reshape(3, 2, 2, 2)
	}, true},
	{"ReshapeOrder F", func(v NDView[int]) (NDView[int], error) { return v.T().ReshapeOrder(OrderF, 12, 2) }, true},
	{"AsStrided", func(v NDView[int]) (NDView[int], error) { return v.AsStrided([]int{3, 2}, []int{5, 2}) }, true},
	{"AsReadOnly", func(v NDView[int]) (NDView[int], error) { return v.AsReadOnly(), nil }, false},
	{"BroadcastTo", func(v NDView[int]) (NDView[int], error) { return v.BroadcastTo(2, 2, 3, 4) }, false},
	{"SlidingWindow", func(v NDView[int]) (NDView[int], error) { return v.SlidingWindow([]int{2}, 2) }, false},
	{"AsStrided overlapping", func(v NDView[int]) (NDView[int], error) { return v.AsStrided([]int{4, 3}, []int{1, 1}) }, false},
}

func TestZeroCopy(t *testing.T) {
	// Every view operation shares data: a Set through the derived view is
	// seen through the source, and a Set through the source is seen
	// through the derived view.
	for _, tt := range viewOps {
		t.Run(tt.name, func(t *testing.T) {
			data := arange(24)
			src, err := FromSlice(data, 2, 3, 4)
			require.NoError(t, err)
			d, err := tt.op(src)
			require.NoError(t, err)
			require.Greater(t, d.Size(), 0)
			assert.Equal(t, !tt.writable, d.ReadOnly(), "ReadOnly()")
			srcIdx := indicesOf(src.Shape())
			marker := 1000
			for _, idx := range indicesOf(d.Shape()) {
				if tt.writable {
					// derived -> source
					marker++
					d.Set(marker, idx...)
					found := 0
					for _, s := range srcIdx {
						if src.At(s...) == marker {
							found++
						}
					}
					require.Equal(t, 1, found, "Set(%d, %v) on the derived view is seen once through the source", marker, idx)
				}
				// source -> derived: change the element d reads at idx.
				x := d.At(idx...)
				for _, s := range srcIdx {
					if src.At(s...) == x {
						marker++
						src.Set(marker, s...)
						require.Equal(t, marker, d.At(idx...), "Set through the source at %v is seen at %v", s, idx)
						break
					}
				}
			}
		})
	}
}

func TestObj(t *testing.T) {
	// M1: obj, the owner of the memory, is nil for plain slices, set by
	// WithObj, and kept by every derived view.
	v, err := FromSlice(arange(24), 2, 3, 4)
	require.NoError(t, err)
	assert.Nil(t, v.Obj())
	owner := &struct{ name string }{"mapping"}
	w := WithObj(v, owner)
	assert.Same(t, owner, w.Obj())
	assert.Nil(t, v.Obj(), "the source is unchanged")
	assert.Same(t, owner, WithObj(w, owner).Obj(), "setting the same owner again is fine")
	msg := panics(t, ErrLayout, func() { WithObj(w, &struct{ name string }{"other"}) })
	assert.Contains(t, msg, "WithObj")
	for _, op := range viewOps {
		d, err := op.op(w)
		require.NoError(t, err, op.name)
		assert.Same(t, owner, d.Obj(), "%s keeps the owner", op.name)
	}
	h, err := FromSlice(arange(64), 2, 2, 2, 2, 2, 2)
	require.NoError(t, err)
	h = WithObj(h, owner)
	assert.Same(t, owner, h.T().Obj(), "heap-stored layouts too")
	assert.Same(t, owner, h.Slice(Int(0), NewAxis).Obj())
	r, err := h.Reshape(8, 8)
	require.NoError(t, err)
	assert.Same(t, owner, r.Obj())
	// From inline storage back to the heap, and through casts.
	r, err = r.Reshape(2, 2, 2, 2, 2, 2)
	require.NoError(t, err)
	assert.Same(t, owner, r.Obj())
	bv, err := ByteView(r)
	require.NoError(t, err)
	assert.Same(t, owner, bv.Obj())
	c, err := Cast[uint32](h.Slice(Int(1)))
	require.NoError(t, err)
	assert.Same(t, owner, c.Obj())
	// Giving a heap-stored view an owner leaves its source as it was.
	plain, err := FromSlice(arange(64), 2, 2, 2, 2, 4)
	require.NoError(t, err)
	owned := WithObj(plain, owner)
	assert.Nil(t, plain.Obj())
	assert.Equal(t, plain.Shape(), owned.Shape())
	assert.Equal(t, plain.Strides(), owned.Strides())
	assert.Equal(t, []int{4, 2, 2, 2, 2}, owned.T().Shape())
	assert.Equal(t, []int{2, 2, 2, 2, 4}, plain.Shape())
}
