package ndview

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestApply(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for i := range 300 {
		buf, v := randomLayout(r, layoutOpts{MaxExtent: 6, Writable: true}).guarded()
		fillDistinct(v)
		before := slices.Clone(buf)
		vals := values(v)
		for k := range vals {
			vals[k] = 3*vals[k] + 1
		}
		want := refCopy(before, v, vals)
		calls := 0
		v.Apply(func(x int) int { calls++; return 3*x + 1 })
		if !slices.Equal(buf, want) {
			t.Fatalf("#%d: Apply(3x+1) on shape %v strides %v: buffer = %v, want %v", i, v.Shape(), v.Strides(), buf, want)
		}
		if calls != v.Size() {
			t.Fatalf("#%d: Apply on %d elements called f %d times", i, v.Size(), calls)
		}
	}
	t.Run("read-only", func(t *testing.T) {
		v := arangeView(4)
		called := false
		panicsWith(t, ErrReadOnly, "Apply on a read-only view", func() { v.AsReadOnly().Apply(func(x int) int { called = true; return x }) })
		if called {
			t.Errorf("Apply on a read-only view called f")
		}
	})
}

func TestMap(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for i := range 300 {
		dl := randomLayout(r, layoutOpts{Writable: true})
		shape := dl.Shape
		buf, dst := dl.guarded()
		sl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, shape)}) // any mode
		src := layoutView(sl, counting(sl.N))
		vals := refBroadcast(src, shape)
		for k := range vals {
			vals[k] = -vals[k]
		}
		want := refCopy(buf, dst, vals)
		MapInto(dst, src, func(x int) int { return -x })
		if !slices.Equal(buf, want) {
			t.Fatalf("#%d: Map(-x) into %v from %v: buffer = %v, want %v", i, dl, sl, buf, want)
		}
	}
	t.Run("convert", func(t *testing.T) {
		src := arangeView(6, 2, 3)
		dst := Zeros[float64](3, 2)
		MapInto(dst, src.T(), func(x int) float64 { return float64(x) / 2 })
		if got, want := dst.ToSlice(), []float64{0, 1.5, 0.5, 2, 1, 2.5}; !slices.Equal(got, want) {
			t.Errorf("Map(x/2) of a transposed int view = %v, want %v", got, want)
		}
	})
	t.Run("overlap", func(t *testing.T) {
		a := arangeView(10)
		MapInto(mustIndex(a, "1:"), mustIndex(a, ":-1"), func(x int) int { return x * 10 })
		if got, want := a.ToSlice(), []int{0, 0, 10, 20, 30, 40, 50, 60, 70, 80}; !slices.Equal(got, want) {
			t.Errorf("Map(a[1:], a[:-1], 10x) = %v, want %v", got, want)
		}
		m := arangeView(9, 3, 3)
		MapInto(m, m.T(), func(x int) int { return x })
		if got, want := m.ToSlice(), []int{0, 3, 6, 1, 4, 7, 2, 5, 8}; !slices.Equal(got, want) {
			t.Errorf("Map(m, m.T, id) = %v, want %v", got, want)
		}
	})
	t.Run("errors", func(t *testing.T) {
		id := func(x int) int { return x }
		panicsWith(t, ErrReadOnly, "Map into a read-only view", func() { MapInto(arangeView(3).AsReadOnly(), arangeView(3), id) })
		panicsWith(t, ErrShape, "Map (4,) into (3,)", func() { MapInto(arangeView(3), arangeView(4), id) })
	})
}

func TestZip(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	for i := range 300 {
		dl := randomLayout(r, layoutOpts{Writable: true})
		shape := dl.Shape
		buf, dst := dl.guarded()
		al := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, shape)})
		bl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, shape)})
		a, b := layoutView(al, counting(al.N)), layoutView(bl, counting(bl.N))
		av, bv := refBroadcast(a, shape), refBroadcast(b, shape)
		vals := make([]int, len(av))
		for k := range vals {
			vals[k] = 100*av[k] + bv[k]
		}
		want := refCopy(buf, dst, vals)
		ZipInto(dst, a, b, func(x, y int) int { return 100*x + y })
		if !slices.Equal(buf, want) {
			t.Fatalf("#%d: Zip(100x+y) into %v from %v and %v: buffer = %v, want %v", i, dl, al, bl, buf, want)
		}
	}
	t.Run("in place", func(t *testing.T) {
		a := arangeView(6, 2, 3)
		col, _ := FromSlice([]int{10, 20}, 2, 1)
		ZipInto(a, a, col, func(x, y int) int { return x + y }) // a += col
		if got, want := a.ToSlice(), []int{10, 11, 12, 23, 24, 25}; !slices.Equal(got, want) {
			t.Errorf("a += col = %v, want %v", got, want)
		}
		m := arangeView(9, 3, 3)
		ZipInto(m, m, m.T(), func(x, y int) int { return x - y }) // m -= m.T
		if got, want := m.ToSlice(), []int{0, -2, -4, 2, 0, -2, 4, 2, 0}; !slices.Equal(got, want) {
			t.Errorf("m -= m.T = %v, want %v", got, want)
		}
	})
	t.Run("errors", func(t *testing.T) {
		add := func(x, y int) int { return x + y }
		panicsWith(t, ErrReadOnly, "Zip into a read-only view", func() { ZipInto(arangeView(3).AsReadOnly(), arangeView(3), arangeView(3), add) })
		panicsWith(t, ErrShape, "Zip a (4,)", func() { ZipInto(arangeView(3), arangeView(4), arangeView(3), add) })
		panicsWith(t, ErrShape, "Zip b (2,)", func() { ZipInto(arangeView(3), arangeView(3), arangeView(2), add) })
	})
}
