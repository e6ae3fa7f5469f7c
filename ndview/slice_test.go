package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Tests of NumPy basic indexing (semantics.md §2): slice normalisation (I2)
// against Python's definition, the slice table (I3), Ellipsis (I4),
// NewAxis (I5), too many indices (I6), the worked examples (I7), the index
// string parser and its errors, and the panics of the typed form.

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pySlice returns the positions that the slice start:stop:step selects on
// an axis of extent n, in order, straight from Python's definition (the
// positions i of range(n) that lie between the normalised bounds and are a
// whole number of steps from the start). Omitted bounds are nil.
func pySlice(n int, start, stop *int, step int) []int {
	norm := func(b *int, def int) int {
		if b == nil {
			return def
		}
		if *b < 0 {
			return *b + n
		}
		return *b
	}
	var out []int
	if step > 0 {
		s0 := max(norm(start, 0), 0)
		e0 := norm(stop, n)
		for i := range n {
			if i >= s0 && i < e0 && (i-s0)%step == 0 {
				out = append(out, i)
			}
		}
		return out
	}
	s0 := min(norm(start, n-1), n-1)
	e0 := norm(stop, -1)
	if stop == nil {
		e0 = -1 // the sentinel "before index 0", not n-1
	}
	for i := n - 1; i >= 0; i-- {
		if i <= s0 && i > e0 && (s0-i)%step == 0 {
			out = append(out, i)
		}
	}
	return out
}

// sliceItem builds the typed and string forms of start:stop:step.
func sliceItem(start, stop *int, step int) (IndexItem, string) {
	var it IndexItem
	var b strings.Builder
	switch {
	case start != nil && stop != nil:
		it = Range(*start, *stop)
	case start != nil:
		it = From(*start)
	case stop != nil:
		it = To(*stop)
	default:
		it = Colon()
	}
	if start != nil {
		b.WriteString(strconv.Itoa(*start))
	}
	b.WriteByte(':')
	if stop != nil {
		b.WriteString(strconv.Itoa(*stop))
	}
	if step != 1 {
		it = it.By(step)
		b.WriteString(":" + strconv.Itoa(step))
	}
	return it, b.String()
}

func ptr(i int) *int { return &i }

func TestSliceNormalisation(t *testing.T) {
	// I2 and I3: every combination of bounds (omitted, in range, negative,
	// far outside, extreme ints) and steps on axes of extent 0 to 7, typed
	// and as a string, against Python's definition.
	bounds := []*int{nil, ptr(0), ptr(1), ptr(2), ptr(-1), ptr(-2), ptr(3), ptr(5), ptr(7), ptr(8), ptr(-7), ptr(-8),
		ptr(-11), ptr(100), ptr(-100), ptr(maxInt), ptr(minInt)}
	steps := []int{1, 2, 3, 7, -1, -2, -3, -7, maxInt, minInt, minInt + 1}
	for _, stride := range []int{1, 3, -2} {
		for n := range 8 {
			// A 1-D view of extent n with the given stride.
			off := 0
			if stride < 0 && n > 0 {
				off = -stride * (n - 1)
			}
			data := arange(off + 3*n + 1)
			v, err := Wrap(data, off, []int{n}, []int{stride})
			require.NoError(t, err)
			for _, start := range bounds {
				for _, stop := range bounds {
					for _, step := range steps {
						pos := pySlice(n, start, stop, step)
						it, expr := sliceItem(start, stop, step)
						s := v.Slice(it)
						x, err := v.Index(expr)
						require.NoError(t, err, "Index(%q)", expr)
						for _, got := range []NDView[int]{s, x} {
							require.Equal(t, []int{len(pos)}, got.Shape(), "n=%d st=%d [%s] shape", n, stride, expr)
							wantOff, wantSt := off, stride // I3: an empty result keeps both
							if len(pos) > 0 {
								wantOff = off + pos[0]*stride
								if p, ok := layout.MulInt(step, stride); ok {
									wantSt = p
								}
							}
							require.Equal(t, wantOff, got.Offset(), "n=%d st=%d [%s] offset", n, stride, expr)
							if len(pos) != 1 {
								require.Equal(t, wantSt, got.Strides()[0], "n=%d st=%d [%s] stride", n, stride, expr)
							}
							for j, p := range pos {
								require.Equal(t, off+p*stride, got.At(j), "n=%d st=%d [%s] element %d", n, stride, expr, j)
							}
						}
					}
				}
			}
		}
	}
}

func TestSliceTable(t *testing.T) {
	// I3's table on arange(10) st (1).
	tests := []struct {
		expr  string
		item  IndexItem
		n, st int
		off   int
		vals  []int
	}{
		{"::-1", Step(-1), 10, -1, 9, []int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},
		{"-3::-3", From(-3).By(-3), 3, -3, 7, []int{7, 4, 1}},
		{"8:-20:-1", Range(8, -20).By(-1), 9, -1, 8, []int{8, 7, 6, 5, 4, 3, 2, 1, 0}},
		{"100:0:-4", Range(100, 0).By(-4), 3, -4, 9, []int{9, 5, 1}},
		{":-11:-1", To(-11).By(-1), 10, -1, 9, []int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},
		{"-11::-1", From(-11).By(-1), 0, 1, 0, []int{}},
		{"1::-1", From(1).By(-1), 2, -1, 1, []int{1, 0}},
		{"0:10:100", Range(0, 10).By(100), 1, 100, 0, []int{0}},
		{"-100:100", Range(-100, 100), 10, 1, 0, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
		{"3:1", Range(3, 1), 0, 1, 0, []int{}},
		{"5:5", Range(5, 5), 0, 1, 0, []int{}},
		{"20:", From(20), 0, 1, 0, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			v, err := FromSlice(arange(10))
			require.NoError(t, err)
			x, err := v.Index(tt.expr)
			require.NoError(t, err)
			s := v.Slice(tt.item)
			assert.Equal(t, tt.expr, tt.item.String(), "the typed item prints as the expression")
			for name, got := range map[string]NDView[int]{"Index": x, "Slice": s} {
				assert.Equal(t, []int{tt.n}, got.Shape(), "%s(%s).Shape()", name, tt.expr)
				assert.Equal(t, []int{tt.st}, got.Strides(), "%s(%s).Strides()", name, tt.expr)
				assert.Equal(t, tt.off, got.Offset(), "%s(%s).Offset()", name, tt.expr)
				assert.Equal(t, tt.vals, values(got), "%s(%s) values", name, tt.expr)
			}
		})
	}
}

func TestSliceStrideOverflow(t *testing.T) {
	// I3: when step·s overflows, the result has one element; the plain s is
	// kept rather than a wrapped product.
	v, err := Wrap(arange(10), 0, []int{5}, []int{2})
	require.NoError(t, err)
	s := v.Slice(From(1).By(maxInt))
	assert.Equal(t, []int{1}, s.Shape())
	assert.Equal(t, []int{2}, s.Strides())
	assert.Equal(t, 2, s.Offset())
	s = v.Slice(From(-1).By(minInt))
	assert.Equal(t, []int{1}, s.Shape())
	assert.Equal(t, []int{2}, s.Strides())
	assert.Equal(t, 8, s.At(0))
	x, err := v.Index(":: -9223372036854775808")
	require.NoError(t, err)
	assert.Equal(t, []int{1}, x.Shape())
	assert.Equal(t, 8, x.At(0))
}

func TestIntIndex(t *testing.T) {
	// I1: negative integers count from the end; no clipping.
	v, err := FromSlice(arange(5))
	require.NoError(t, err)
	for i := -5; i < 5; i++ {
		x, err := v.Index(strconv.Itoa(i))
		require.NoError(t, err)
		assert.Equal(t, 0, x.NDim())
		assert.Equal(t, (i+5)%5, x.At())
		assert.Equal(t, (i+5)%5, x.Offset())
		assert.Equal(t, x.Offset(), v.Slice(Int(i)).Offset())
	}
	for _, i := range []int{5, 6, -6, maxInt, minInt} {
		_, err := v.Index(strconv.Itoa(i))
		msg := isErr(t, ErrIndex, err)
		assert.Contains(t, msg, "index "+strconv.Itoa(i)+" is out of bounds for axis 0 with size 5")
		msg = panics(t, ErrIndex, func() { v.Slice(Int(i)) })
		assert.Contains(t, msg, "out of bounds for axis 0 with size 5")
		assert.Contains(t, msg, "Slice")
	}
}

func TestIndexExamples(t *testing.T) {
	// I4–I7 on b = arange(24) as (2,3,4) st (12,4,1).
	tests := []struct {
		expr    string
		items   []IndexItem
		shape   []int
		strides []int
		off     int
		vals    []int // nil: not checked
	}{
		{"...,1", []IndexItem{Ellipsis, Int(1)}, []int{2, 3}, []int{12, 4}, 1, []int{1, 5, 9, 13, 17, 21}},
		{":,None,::2", []IndexItem{Colon(), NewAxis, Step(2)}, []int{2, 1, 2, 4}, []int{12, 0, 8, 1}, 0, nil},
		{"None,...,None", []IndexItem{NewAxis, Ellipsis, NewAxis}, []int{1, 2, 3, 4, 1}, []int{0, 12, 4, 1, 0}, 0, nil},
		{"1,...,2", []IndexItem{Int(1), Ellipsis, Int(2)}, []int{3}, []int{4}, 14, []int{14, 18, 22}},
		{"::-1,::-2,::-3", []IndexItem{Step(-1), Step(-2), Step(-3)}, []int{2, 2, 2}, []int{-12, -8, -3}, 23, []int{23, 20, 15, 12, 11, 8, 3, 0}},
		{":,5:", []IndexItem{Colon(), From(5)}, []int{2, 0, 4}, []int{12, 4, 1}, 0, []int{}},
		{"1,2,3", []IndexItem{Int(1), Int(2), Int(3)}, []int{}, []int{}, 23, []int{23}},
		{"-1,-1,-1", []IndexItem{Int(-1), Int(-1), Int(-1)}, []int{}, []int{}, 23, []int{23}},
		{"", nil, []int{2, 3, 4}, []int{12, 4, 1}, 0, nil},
		{"...", []IndexItem{Ellipsis}, []int{2, 3, 4}, []int{12, 4, 1}, 0, nil},
		{"1,2,3,...", []IndexItem{Int(1), Int(2), Int(3), Ellipsis}, []int{}, []int{}, 23, []int{23}}, // zero-width Ellipsis
		{"...,1,2,3", []IndexItem{Ellipsis, Int(1), Int(2), Int(3)}, []int{}, []int{}, 23, []int{23}},
		{"1", []IndexItem{Int(1)}, []int{3, 4}, []int{4, 1}, 12, nil}, // fewer items than axes
		{"None", []IndexItem{NewAxis}, []int{1, 2, 3, 4}, []int{0, 12, 4, 1}, 0, nil},
		{"newaxis, 0, newaxis", []IndexItem{NewAxis, Int(0), NewAxis}, []int{1, 1, 3, 4}, []int{0, 0, 4, 1}, 0, nil},
		{"..., None", []IndexItem{Ellipsis, NewAxis}, []int{2, 3, 4, 1}, []int{12, 4, 1, 0}, 0, nil},
		{"  1 :  , ::-1 ,..., newaxis ", []IndexItem{From(1), Step(-1), Ellipsis, NewAxis}, []int{1, 3, 4, 1}, []int{12, -4, 1, 0}, 20, nil},
		{"0,", []IndexItem{Int(0)}, []int{3, 4}, []int{4, 1}, 0, nil}, // Python's b[0,]
		{"1:2, 1:3, 1:4:2", []IndexItem{Range(1, 2), Range(1, 3), Range(1, 4).By(2)}, []int{1, 2, 2}, []int{12, 4, 2}, 17, []int{17, 19, 21, 23}},
		{"1, 0:0", []IndexItem{Int(1), Range(0, 0)}, []int{0, 4}, []int{4, 1}, 12, []int{}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			b, err := FromSlice(arange(24), 2, 3, 4)
			require.NoError(t, err)
			x, err := b.Index(tt.expr)
			require.NoError(t, err)
			s := b.Slice(tt.items...)
			for name, got := range map[string]NDView[int]{"Index": x, "Slice": s} {
				assert.Equal(t, tt.shape, got.Shape(), "%s(%q).Shape()", name, tt.expr)
				assert.Equal(t, tt.strides, got.Strides(), "%s(%q).Strides()", name, tt.expr)
				assert.Equal(t, tt.off, got.Offset(), "%s(%q).Offset()", name, tt.expr)
				if tt.vals != nil {
					assert.Equal(t, tt.vals, values(got), "%s(%q) values", name, tt.expr)
				}
			}
		})
	}
}

func TestIndexZeroD(t *testing.T) {
	// I6: a 0-d view takes no integer or slice, only "", "..." and NewAxis.
	v, err := FromSlice([]int{4, 5, 6})
	require.NoError(t, err)
	z := v.Slice(Int(1))
	require.Equal(t, 0, z.NDim())
	for _, expr := range []string{"", "...", " ... "} {
		x, err := z.Index(expr)
		require.NoError(t, err, expr)
		assert.Equal(t, 0, x.NDim())
		assert.Equal(t, 5, x.At())
	}
	x, err := z.Index("None")
	require.NoError(t, err)
	assert.Equal(t, []int{1}, x.Shape())
	assert.Equal(t, []int{0}, x.Strides())
	assert.Equal(t, []int{5}, values(x))
	x, err = z.Index("None, ..., None")
	require.NoError(t, err)
	assert.Equal(t, []int{1, 1}, x.Shape())
	for _, expr := range []string{"0", ":", "::-1", "...,0"} {
		_, err := z.Index(expr)
		msg := isErr(t, ErrIndex, err)
		assert.Contains(t, msg, "too many indices for array: array is 0-dimensional, but 1 were indexed")
	}
	panics(t, ErrIndex, func() { z.Slice(Colon()) })
	panics(t, ErrIndex, func() { z.Slice(Int(0)) })
}

func TestIndexErrors(t *testing.T) {
	// Index strings come from outside the program: every refusal is an
	// error wrapping ErrIndex, never a panic (semantics.md §2, last note).
	b, err := FromSlice(arange(24), 2, 3, 4)
	require.NoError(t, err)
	tests := []struct {
		expr string
		msg  string
	}{
		{"a", "not an integer"},
		{"1.5", "not an integer"},
		{"1:2:3:4", "at most three parts"},
		{"1,,2", "empty item"},
		{",", "empty item"},
		{",1", "empty item"},
		{"1 2", "not an integer"},
		{"[1]", "not an integer"},
		{"none", "not an integer"},
		{"Ellipsis,Ellipsis", "not an integer"},
		{"..", "not an integer"},
		{"1:a", "not an integer"},
		{"::x", "not an integer"},
		{"99999999999999999999", "cannot fit 'int' into an index-sized integer"},
		{"-99999999999999999999", "cannot fit 'int' into an index-sized integer"},
		{"0,99999999999999999999", "cannot fit 'int' into an index-sized integer"},
		{":99999999999999999999a", "not an integer"},
		{"::-99999999999999999999-", "not an integer"},
		{"- 1", "not an integer"},
		{"::0", "slice step cannot be zero"},
		{"1:3:0", "slice step cannot be zero"},
		{" : : -0 ", "slice step cannot be zero"},
		{"2", "index 2 is out of bounds for axis 0 with size 2"},
		{"-3", "index -3 is out of bounds for axis 0 with size 2"},
		{":,3", "index 3 is out of bounds for axis 1 with size 3"},
		{"...,4", "index 4 is out of bounds for axis 2 with size 4"},
		{"...,0,...", "an index can only have a single ellipsis"},
		{"...,...", "an index can only have a single ellipsis"},
		{"0,0,0,0", "too many indices for array: array is 3-dimensional, but 4 were indexed"},
		{":,:,:,:", "too many indices for array: array is 3-dimensional, but 4 were indexed"},
		{"0,0,0,...,0", "too many indices"},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			var x NDView[int]
			var err error
			require.NotPanics(t, func() { x, err = b.Index(tt.expr) })
			msg := isErr(t, ErrIndex, err)
			assert.Contains(t, msg, tt.msg)
			assert.Contains(t, msg, "Index")
			assert.Equal(t, NDView[int]{}.Shape(), x.Shape(), "a failed Index returns the zero view")
		})
	}
	v, err := FromSlice(arange(3))
	require.NoError(t, err)
	_, err = v.Index("0, 1")
	msg := isErr(t, ErrIndex, err)
	assert.Contains(t, msg, "too many indices for array: array is 1-dimensional, but 2 were indexed")
}

func TestIndexHugeSliceBounds(t *testing.T) {
	// A slice bound that does not fit in an int is clamped like any other
	// out-of-range bound, and a huge step acts as ±MaxInt (semantics.md
	// E9). The wants are CPython's memoryview(bytes(range(5)))[expr],
	// which NumPy agrees with.
	const huge = "100000000000000000000" // 1e20 > MaxInt
	v, err := FromSlice(arange(5))
	require.NoError(t, err)
	tests := []struct {
		expr string
		want []int
	}{
		{":" + huge, []int{0, 1, 2, 3, 4}},
		{"-" + huge + ":", []int{0, 1, 2, 3, 4}},
		{huge + ":", []int{}},
		{":-" + huge, []int{}},
		{"::" + huge, []int{0}},
		{"::-" + huge, []int{4}},
		{"-" + huge + "::-1", []int{}},
		{huge + "::-1", []int{4, 3, 2, 1, 0}},
		{":-" + huge + ":-1", []int{4, 3, 2, 1, 0}},
		{"1:" + huge + ":" + huge, []int{1}},
		{"-" + huge + ":" + huge + ":2", []int{0, 2, 4}},
		{"+" + huge + ":-" + huge + ":-" + huge, []int{4}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			x, err := v.Index(tt.expr)
			require.NoError(t, err, "Index(%q)", tt.expr)
			assert.Equal(t, tt.want, values(x), "Index(%q)", tt.expr)
			checkBounds(t, x, 5)
		})
	}
	// The same through the typed form, with the clamped numbers.
	assert.Equal(t, []int{0}, values(v.Slice(Step(math.MaxInt))))
	assert.Equal(t, []int{4}, values(v.Slice(Step(-math.MaxInt))))
	assert.Equal(t, []int{0, 1, 2, 3, 4}, values(v.Slice(Range(math.MinInt, math.MaxInt))))
}

func TestSlicePanics(t *testing.T) {
	// The same mistakes through the typed form panic, wrapping ErrIndex.
	b, err := FromSlice(arange(24), 2, 3, 4)
	require.NoError(t, err)
	tests := []struct {
		name  string
		f     func()
		msg   string
		sntnl error
	}{
		{"step 0", func() { b.Slice(Colon().By(0)) }, "ndview: By: slice step cannot be zero", ErrIndex},
		{"step 0 on range", func() { b.Slice(Range(1, 2).By(0)) }, "ndview: By: slice step cannot be zero", ErrIndex},
		{"Step(0)", func() { Step(0) }, "ndview: Step: slice step cannot be zero", ErrIndex},
		{"By on an int", func() { Int(1).By(2) }, "ndview: By: step 2 applied to the non-slice", ErrIndex},
		{"By on NewAxis", func() { NewAxis.By(2) }, "non-slice", ErrIndex},
		{"out of range", func() { b.Slice(Int(2)) }, "index 2 is out of bounds for axis 0 with size 2", ErrIndex},
		{"negative out of range", func() { b.Slice(Colon(), Int(-4)) }, "index -4 is out of bounds for axis 1 with size 3", ErrIndex},
		{"second ellipsis", func() { b.Slice(Ellipsis, Int(0), Ellipsis) }, "an index can only have a single ellipsis", ErrIndex},
		{"too many", func() { b.Slice(Int(0), Int(0), Int(0), Int(0)) }, "too many indices for array: array is 3-dimensional, but 4 were indexed", ErrIndex},
		{"too many slices", func() { b.Slice(Colon(), Colon(), Colon(), Step(-1)) }, "too many indices", ErrIndex},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := panics(t, tt.sntnl, tt.f)
			assert.Contains(t, msg, tt.msg)
		})
	}
}

func TestIndexKeepsReadOnly(t *testing.T) {
	v, err := FromSlice(arange(12), 3, 4)
	require.NoError(t, err)
	ro := v.AsReadOnly()
	x, err := ro.Index("::-1, None, 1")
	require.NoError(t, err)
	assert.True(t, x.ReadOnly())
	assert.True(t, ro.Slice(Int(0)).ReadOnly())
	assert.False(t, v.Slice(Int(0)).ReadOnly())
}
