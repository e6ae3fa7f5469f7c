package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestValuesEnumerate(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 500 {
		l := randomLayout(r, layoutOpts{})
		v := layoutView(l, counting(l.N))
		want := values(v)
		got := []int{}
		for x := range v.Values() {
			got = append(got, x)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("#%d: Values() on shape %v strides %v = %v, want %v", i, v.Shape(), v.Strides(), got, want)
		}
		var idxs [][]int
		forEachIndex(v.Shape(), func(idx []int) { idxs = append(idxs, slices.Clone(idx)) })
		n := 0
		for idx, x := range v.Enumerate() {
			if n >= len(want) {
				t.Fatalf("#%d: Enumerate() on shape %v yields more than %d elements", i, v.Shape(), len(want))
			}
			if !slices.Equal(idx, idxs[n]) || x != want[n] {
				t.Fatalf("#%d: Enumerate() step %d on shape %v = %v, %d, want %v, %d", i, n, v.Shape(), idx, x, idxs[n], want[n])
			}
			n++
		}
		if n != len(want) {
			t.Fatalf("#%d: Enumerate() on shape %v yields %d elements, want %d", i, v.Shape(), n, len(want))
		}
	}
	t.Run("0-d", func(t *testing.T) {
		v := arangeView(3).Slice(Int(1))
		for idx, x := range v.Enumerate() {
			if len(idx) != 0 || x != 1 {
				t.Errorf("Enumerate() on 0-d = %v, %d, want [], 1", idx, x)
			}
		}
		if got := slices.Collect(v.Values()); !slices.Equal(got, []int{1}) {
			t.Errorf("Values() on 0-d = %v, want [1]", got)
		}
	})
	t.Run("zero NDView", func(t *testing.T) {
		var v NDView[int]
		for x := range v.Values() {
			t.Errorf("Values() on the zero NDView yields %d", x)
		}
		for idx := range v.Enumerate() {
			t.Errorf("Enumerate() on the zero NDView yields %v", idx)
		}
	})
}

func TestAllIsEnumerate(t *testing.T) {
	// The deprecated All yields exactly what Enumerate yields.
	v := arangeView(24, 2, 3, 4).Transpose(2, 0, 1)
	type pair struct {
		idx []int
		x   int
	}
	var got, want []pair
	for idx, x := range v.Enumerate() {
		got = append(got, pair{slices.Clone(idx), x})
	}
	for idx, x := range v.Enumerate() {
		want = append(want, pair{slices.Clone(idx), x})
	}
	if len(want) != 24 || !slices.EqualFunc(got, want, func(a, b pair) bool { return a.x == b.x && slices.Equal(a.idx, b.idx) }) {
		t.Errorf("All() = %v, want Enumerate()'s %v", got, want)
	}
}

// TestEnumerateIndexReused shows the documented reuse of Enumerate's
// index slice: every step hands out the same slice with new contents.
func TestEnumerateIndexReused(t *testing.T) {
	v := arangeView(6, 2, 3)
	var first []int
	step := 0
	for idx := range v.Enumerate() {
		if first == nil {
			first = idx
		}
		if &idx[0] != &first[0] || !slices.Equal(first, idx) {
			t.Errorf("Enumerate() step %d: index %v is not the slice of step 0 (%v)", step, idx, first)
		}
		step++
	}
}

func TestIterBreak(t *testing.T) {
	v := arangeView(24, 2, 3, 4).Transpose(2, 0, 1) // strided rows of 2
	want := values(v)
	for _, stop := range []int{1, 2, 5, 24} {
		var got []int
		for x := range v.Values() {
			got = append(got, x)
			if len(got) == stop {
				break
			}
		}
		if !slices.Equal(got, want[:stop]) {
			t.Errorf("Values() with break after %d = %v, want %v", stop, got, want[:stop])
		}
		c, _ := FromSlice(slices.Clone(want))
		got = got[:0]
		for x := range c.Values() {
			got = append(got, x)
			if len(got) == stop {
				break
			}
		}
		if !slices.Equal(got, want[:stop]) {
			t.Errorf("contiguous Values() with break after %d = %v, want %v", stop, got, want[:stop])
		}
		n := 0
		for _, x := range v.Enumerate() {
			if x != want[n] {
				t.Errorf("Enumerate() step %d = %d, want %d", n, x, want[n])
			}
			n++
			if n == stop {
				break
			}
		}
		if n != stop {
			t.Errorf("Enumerate() with break after %d ran %d steps", stop, n)
		}
	}
	n := 0
	for i := range v.Axis(1) {
		n++
		if i == 1 {
			break
		}
	}
	if n != 2 {
		t.Errorf("Axis(1) with break at 1 ran %d steps, want 2", n)
	}
}

func TestAxis(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for i := range 200 {
		l := randomLayout(r, layoutOpts{MinRank: 1, MaxExtent: 4}) // Axis needs an axis
		shape := l.Shape
		v := layoutView(l, counting(l.N))
		for axis := -len(shape); axis < len(shape); axis++ {
			a := layout.NormalizeAxis("test", axis, len(shape))
			items := slices.Repeat([]IndexItem{Colon()}, len(shape))
			n := 0
			for j, sub := range v.Axis(axis) {
				if j != n {
					t.Fatalf("#%d: Axis(%d) step %d yields index %d", i, axis, n, j)
				}
				items[a] = Int(j)
				want := v.Slice(items...)
				if !slices.Equal(sub.Shape(), want.Shape()) || !slices.Equal(values(sub), values(want)) ||
					sub.ReadOnly() != v.ReadOnly() || sub.IsCContiguous() != want.IsCContiguous() {
					t.Fatalf("#%d: Axis(%d) step %d on shape %v = %v of shape %v, want %v of shape %v",
						i, axis, j, v.Shape(), values(sub), sub.Shape(), values(want), want.Shape())
				}
				n++
			}
			if n != shape[a] {
				t.Fatalf("#%d: Axis(%d) on shape %v yields %d views, want %d", i, axis, shape, n, shape[a])
			}
		}
	}
	t.Run("zero-copy", func(t *testing.T) {
		img := Zeros[uint8](3, 2, 2) // CHW
		for c, ch := range img.Axis(0) {
			ch.Fill(uint8(10 * (c + 1)))
		}
		hwc := img.Transpose(1, 2, 0)
		for _, col := range hwc.Rows() {
			for _, px := range col.Rows() {
				if got := px.ToSlice(); !slices.Equal(got, []uint8{10, 20, 30}) {
					t.Errorf("pixel after filling channels through Axis(0) = %v, want [10 20 30]", got)
				}
			}
		}
	})
	t.Run("panics", func(t *testing.T) {
		v := arangeView(6, 2, 3)
		panicsWith(t, ErrAxis, "Axis(2)", func() { v.Axis(2) })
		panicsWith(t, ErrAxis, "Axis(-3)", func() { v.Axis(-3) })
		panicsWith(t, ErrAxis, "Rows() on 0-d", func() { v.Slice(Int(0), Int(0)).Rows() })
	})
}

func TestIterAllocs(t *testing.T) {
	c := arangeView(64*64, 64, 64)
	tr := c.T()
	var sink int
	tests := []struct {
		name string
		max  float64
		fn   func()
	}{
		{"Values C", 0, func() {
			for x := range c.Values() {
				sink += x
			}
		}},
		{"Values T", 0, func() {
			for x := range tr.Values() {
				sink += x
			}
		}},
		{"Enumerate", 1, func() { // the index slice
			for _, x := range tr.Enumerate() {
				sink += x
			}
		}},
		{"All (deprecated)", 1, func() {
			for _, x := range tr.All() {
				sink += x
			}
		}},
		{"Axis", 0, func() {
			for _, row := range tr.Axis(1) {
				sink += row.Size()
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := testing.AllocsPerRun(10, tt.fn); n > tt.max {
				t.Errorf("%s allocates %v times per loop, want at most %v", tt.name, n, tt.max)
			}
		})
	}
	_ = sink
}
