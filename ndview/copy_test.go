package ndview

import "github.com/ndkit/ndkit/ndview/internal/plan"

import "github.com/ndkit/ndkit/ndview/internal/mem"

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// Helpers shared by the copy, iteration and plan tests. Views are built on
// buffers whose every element starts with a distinct guard value, so a
// comparison of the whole buffer proves that a kernel wrote exactly the
// elements it should: padding around the view and gaps between its strides
// survive.

// guardValue is the initial value of buffer element i: negative, so that
// no test value collides with it.
func guardValue(i int) int { return -1000 - i }

// newGuarded returns a buffer of n elements holding guard values.
func newGuarded(n int) []int {
	buf := make([]int, n)
	for i := range buf {
		buf[i] = guardValue(i)
	}
	return buf
}

// refOffsets returns the data index of every element of v in C order.
func refOffsets[T any](v NDView[T]) []int {
	out := []int{}
	st := v.Strides()
	forEachIndex(v.Shape(), func(idx []int) { out = append(out, refOffset(v.Offset(), st, idx)) })
	return out
}

// refBroadcast returns the elements of src broadcast to shape in C order,
// by the rule of semantics.md W1 applied index by index.
func refBroadcast[T any](src NDView[T], shape []int) []T {
	ssh := src.Shape()
	for len(ssh) > len(shape) && ssh[0] == 1 {
		ssh = ssh[1:]
	}
	lead := len(shape) - len(ssh)
	out := []T{}
	sidx := make([]int, src.NDim())
	forEachIndex(shape, func(idx []int) {
		// Leading dropped axes of src stay at index 0.
		drop := src.NDim() - len(ssh)
		for k := range ssh {
			if ssh[k] == 1 {
				sidx[drop+k] = 0
			} else {
				sidx[drop+k] = idx[lead+k]
			}
		}
		out = append(out, src.At(sidx...))
	})
	return out
}

// refCopy returns buf after storing vals at the elements of dst in C order.
func refCopy(buf []int, dst NDView[int], vals []int) []int {
	want := slices.Clone(buf)
	for i, o := range refOffsets(dst) {
		want[o] = vals[i]
	}
	return want
}

// panicsWith reports whether fn panics with a value wrapping sentinel, and
// fails t otherwise.
func panicsWith(t *testing.T, sentinel error, name string, fn func()) {
	t.Helper()
	defer func() {
		t.Helper()
		e := recover()
		if e == nil {
			t.Errorf("%s did not panic, want a panic wrapping %v", name, sentinel)
			return
		}
		err, ok := e.(error)
		if !ok || !errors.Is(err, sentinel) {
			t.Errorf("%s panicked with %v, want a panic wrapping %v", name, e, sentinel)
		}
	}()
	fn()
}

// withKnobs runs fn with the kernel knobs set, restoring them after:
// kernel forced, tiles allowed from tileDim elements, parallel path from
// parBytes (for every kernel when parBytes is 0).
func withKnobs(force kernel, tileDim, parBytes int, fn func()) {
	f, td, pb, pk := forceKernel, plan.TileMinDim, plan.MinParallelBytes, parallelKernels
	defer func() { forceKernel, plan.TileMinDim, plan.MinParallelBytes, parallelKernels = f, td, pb, pk }()
	forceKernel, plan.TileMinDim, plan.MinParallelBytes = force, tileDim, parBytes
	if parBytes == 0 {
		parallelKernels = ^uint32(0)
	}
	fn()
}

// Tests.

func TestFill(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, force := range []kernel{kernelAuto, kernelGeneric} {
		for i := range 300 {
			l := randomLayout(r, layoutOpts{MaxExtent: 6, Writable: true})
			buf, v := l.guarded()
			want := refCopy(buf, v, slices.Repeat([]int{7}, v.Size()))
			withKnobs(force, plan.TileMinDim, plan.MinParallelBytes, func() { v.Fill(7) })
			if !slices.Equal(buf, want) {
				t.Fatalf("%s #%d: Fill(7) on %v: buffer = %v, want %v", force, i, l, buf, want)
			}
		}
	}
	t.Run("long rows", func(t *testing.T) {
		buf := newGuarded(1000)
		v, _ := Wrap(buf, 10, []int{3, 300}, []int{330, 1})
		want := refCopy(buf, v, slices.Repeat([]int{5}, v.Size()))
		v.Fill(5)
		if !slices.Equal(buf, want) {
			t.Errorf("Fill(5) on (3, 300) rows of 330 changed the wrong elements")
		}
	})
	t.Run("blocks", func(t *testing.T) {
		// Contiguous fills longer than the block fillSlice copies.
		for _, n := range []int{63, 64, 4095, 4096, 4097, 10000} {
			b := make([]uint8, n+2)
			v, _ := FromSlice(b[1 : n+1])
			v.Fill(9)
			if b[0] != 0 || b[n+1] != 0 || slices.ContainsFunc(b[1:n+1], func(x uint8) bool { return x != 9 }) {
				t.Errorf("Fill(9) on %d bytes left a wrong element or wrote past the view", n)
			}
			type rgb [3]uint8
			c := make([]rgb, n)
			cv, _ := FromSlice(c)
			cv.Fill(rgb{1, 2, 3})
			if slices.ContainsFunc(c, func(x rgb) bool { return x != rgb{1, 2, 3} }) {
				t.Errorf("Fill on %d 3-byte elements left a wrong element", n)
			}
		}
	})
	t.Run("read-only", func(t *testing.T) {
		v := Zeros[int](2, 3)
		b, _ := v.Slice(Int(0)).BroadcastTo(4, 3)
		for name, ro := range map[string]NDView[int]{"AsReadOnly": v.AsReadOnly(), "BroadcastTo": b} {
			panicsWith(t, ErrReadOnly, "Fill on "+name, func() { ro.Fill(1) })
		}
		if slices.ContainsFunc(v.ToSlice(), func(x int) bool { return x != 0 }) {
			t.Errorf("Fill on a read-only view wrote through it")
		}
	})
}

// TestFillLarge fills a strided view as large copies would run in
// parallel.
func TestFillLarge(t *testing.T) {
	buf := newGuarded(40 * 50)
	v, err := Wrap(buf, 40, []int{20, 30}, []int{-2, 50})
	if err != nil {
		t.Fatal(err)
	}
	v = v.Slice(Colon(), Step(-1))
	want := refCopy(buf, v, slices.Repeat([]int{9}, v.Size()))
	withKnobs(kernelAuto, plan.TileMinDim, 0, func() { v.Fill(9) })
	if !slices.Equal(buf, want) {
		t.Errorf("parallel Fill(9) changed the wrong elements")
	}
}

func TestCloneToSlice(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, force := range []kernel{kernelAuto, kernelGeneric} {
		for i := range 300 {
			// Every mode: negative, transposed, overlapping and
			// (broadcast) zero strides, read-only views, 0-d and empty
			// shapes.
			l := randomLayout(r, layoutOpts{MaxExtent: 6})
			v := layoutView(l, counting(l.N))
			want := values(v)
			var got []int
			var c NDView[int]
			withKnobs(force, 2, plan.MinParallelBytes, func() { got, c = v.ToSlice(), v.Clone() })
			if !slices.Equal(got, want) {
				t.Fatalf("%s #%d: ToSlice() on %v = %v, want %v", force, i, l, got, want)
			}
			if !slices.Equal(c.Shape(), v.Shape()) || !c.IsCContiguous() || c.ReadOnly() {
				t.Fatalf("Clone() of shape %v: shape %v, C-contiguous %v, read-only %v; want the same shape, C-contiguous, writable",
					v.Shape(), c.Shape(), c.IsCContiguous(), c.ReadOnly())
			}
			if cv := values(c); !slices.Equal(cv, want) {
				t.Fatalf("%s #%d: Clone() on %v = %v, want %v", force, i, l, cv, want)
			}
		}
	}
	t.Run("independent", func(t *testing.T) {
		v, _ := FromSlice([]int{1, 2, 3, 4}, 2, 2)
		c := v.T().Clone()
		c.Set(100, 0, 0)
		if v.At(0, 0) != 1 {
			t.Errorf("a write to Clone() reached the source")
		}
		s := v.ToSlice()
		s[0] = 100
		if v.At(0, 0) != 1 {
			t.Errorf("a write to ToSlice() reached the source")
		}
	})
	t.Run("broadcast", func(t *testing.T) {
		v, _ := FromSlice([]int{1, 2, 3})
		b, _ := v.BroadcastTo(2, 3)
		if got, want := b.ToSlice(), []int{1, 2, 3, 1, 2, 3}; !slices.Equal(got, want) {
			t.Errorf("BroadcastTo(2, 3).ToSlice() = %v, want %v", got, want)
		}
		c := b.Clone()
		c.Set(9, 0, 0)
		if got, want := c.ToSlice(), []int{9, 2, 3, 1, 2, 3}; !slices.Equal(got, want) {
			t.Errorf("Clone of a broadcast view after Set(9, 0, 0) = %v, want %v", got, want)
		}
	})
	t.Run("0-d and empty", func(t *testing.T) {
		v, _ := FromSlice([]int{4, 5, 6})
		z := v.Slice(Int(2))
		if got := z.ToSlice(); !slices.Equal(got, []int{6}) {
			t.Errorf("0-d ToSlice() = %v, want [6]", got)
		}
		if c := z.Clone(); c.NDim() != 0 || c.At() != 6 {
			t.Errorf("0-d Clone() = ndim %d value %d, want 0-d 6", c.NDim(), c.At())
		}
		e := v.Slice(Range(1, 1))
		if got := e.ToSlice(); len(got) != 0 {
			t.Errorf("empty ToSlice() = %v, want []", got)
		}
		var zero NDView[int]
		if got := zero.Clone(); got.NDim() != 1 || got.Size() != 0 {
			t.Errorf("zero NDView Clone() has shape %v, want [0]", got.Shape())
		}
	})
}

// checkCopy runs dst.CopyFrom(src) and compares dst's whole buffer with a
// copy through a temporary made by the reference.
func checkCopy(t *testing.T, name string, buf []int, dst, src NDView[int]) {
	t.Helper()
	vals := refBroadcast(src, dst.Shape())
	want := refCopy(buf, dst, vals)
	dst.CopyFrom(src)
	if !slices.Equal(buf, want) {
		t.Fatalf("%s: CopyFrom: dst shape %v strides %v off %d, src shape %v strides %v off %d:\nbuffer = %v\nwant     %v",
			name, dst.Shape(), dst.Strides(), dst.Offset(), src.Shape(), src.Strides(), src.Offset(), buf, want)
	}
}

// fillDistinct stores 1, 2, 3, … at the elements of v in C order.
func fillDistinct(v NDView[int]) {
	n := 1
	forEachIndex(v.Shape(), func(idx []int) { v.Set(n, idx...); n++ })
}

func TestCopyFromRandom(t *testing.T) {
	for k := kernelAuto; k < numKernels; k++ {
		t.Run(k.String(), func(t *testing.T) {
			r := rand.New(rand.NewPCG(5, uint64(k)))
			withKnobs(k, 2, plan.MinParallelBytes, func() {
				for i := range 400 {
					dl := randomLayout(r, layoutOpts{MaxExtent: 6, Writable: true})
					buf, dst := dl.guarded()
					// A source of any mode: read-only, broadcast and
					// overlapping ones too.
					sl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, dl.Shape)})
					src := layoutView(sl, counting(sl.N))
					checkCopy(t, fmt.Sprintf("#%d: dst %v, src %v", i, dl, sl), buf, dst, src)
				}
			})
		})
	}
}

// TestCopyFromKernels forces every kernel on layouts where it applies,
// checks that the automatic choice is the fast one, and compares each with
// the generic slow path and the reference.
func TestCopyFromKernels(t *testing.T) {
	type layout struct {
		shape   []int
		off     int
		strides []int
	}
	tests := []struct {
		name     string
		dst, src layout
		want     kernel // the automatic choice when tiling is allowed at any size
	}{
		{"contig", layout{[]int{4, 5}, 0, []int{5, 1}}, layout{[]int{4, 5}, 0, []int{5, 1}}, kernelContig},
		{"rows with gaps", layout{[]int{4, 5}, 0, []int{7, 1}}, layout{[]int{4, 5}, 3, []int{6, 1}}, kernelContig},
		{"fill scalar", layout{[]int{4, 5}, 0, []int{5, 1}}, layout{[]int{}, 2, []int{}}, kernelFill},
		{"fill column", layout{[]int{4, 5}, 0, []int{5, 1}}, layout{[]int{4, 1}, 0, []int{1, 1}}, kernelFill},
		{"reverse", layout{[]int{6, 7}, 0, []int{7, 1}}, layout{[]int{6, 7}, 41, []int{-7, -1}}, kernelReverse},
		{"gather", layout{[]int{20}, 0, []int{1}}, layout{[]int{20}, 0, []int{3}}, kernelStrided},
		{"gather every other", layout{[]int{4, 19}, 0, []int{19, 1}}, layout{[]int{4, 19}, 1, []int{80, 2}}, kernelStrided},
		{"gather backwards", layout{[]int{19}, 0, []int{1}}, layout{[]int{19}, 40, []int{-2}}, kernelStrided},
		{"scatter", layout{[]int{20}, 0, []int{2}}, layout{[]int{20}, 0, []int{1}}, kernelStrided},
		{"strided both", layout{[]int{20}, 0, []int{2}}, layout{[]int{20}, 0, []int{3}}, kernelStrided},
		{"short contiguous rows", layout{[]int{6, 3}, 0, []int{4, 1}}, layout{[]int{6, 3}, 0, []int{5, 1}}, kernelShortInner},
		{"fill a colour", layout{[]int{6, 3}, 0, []int{3, 1}}, layout{[]int{3}, 0, []int{1}}, kernelShortInner},
		{"CHW to HWC", layout{[]int{5, 6, 3}, 0, []int{18, 3, 1}}, layout{[]int{5, 6, 3}, 0, []int{6, 1, 30}}, kernelShortInner},
		{"CHW to HWC 4", layout{[]int{5, 6, 4}, 0, []int{24, 4, 1}}, layout{[]int{5, 6, 4}, 0, []int{6, 1, 30}}, kernelShortInner},
		{"CHW to HWC 2", layout{[]int{5, 6, 2}, 0, []int{12, 2, 1}}, layout{[]int{5, 6, 2}, 0, []int{6, 1, 30}}, kernelShortInner},
		{"BGR to RGB planar", layout{[]int{5, 6, 3}, 0, []int{18, 3, 1}}, layout{[]int{5, 6, 3}, 60, []int{6, 1, -30}}, kernelShortInner},
		{"short inner strided", layout{[]int{7, 3}, 0, []int{4, 1}}, layout{[]int{7, 3}, 0, []int{1, 9}}, kernelShortInner},
		{"short inner 4 strided", layout{[]int{7, 4}, 0, []int{5, 1}}, layout{[]int{7, 4}, 0, []int{1, 9}}, kernelShortInner},
		{"short inner 2 strided", layout{[]int{7, 2}, 0, []int{5, 1}}, layout{[]int{7, 2}, 0, []int{1, 9}}, kernelShortInner},
		{"HWC to CHW", layout{[]int{3, 5, 6}, 0, []int{30, 6, 1}}, layout{[]int{3, 5, 6}, 0, []int{1, 18, 3}}, kernelShortOuter},
		{"HWC to CHW 4", layout{[]int{4, 5, 6}, 0, []int{30, 6, 1}}, layout{[]int{4, 5, 6}, 0, []int{1, 24, 4}}, kernelShortOuter},
		{"HWC to CHW 2", layout{[]int{2, 5, 6}, 0, []int{30, 6, 1}}, layout{[]int{2, 5, 6}, 0, []int{1, 12, 2}}, kernelShortOuter},
		{"short outer strided", layout{[]int{3, 20}, 0, []int{20, 1}}, layout{[]int{3, 20}, 0, []int{2, 7}}, kernelShortOuter},
		{"short outer 4 strided", layout{[]int{4, 20}, 0, []int{20, 1}}, layout{[]int{4, 20}, 0, []int{2, 9}}, kernelShortOuter},
		{"short outer 2 strided", layout{[]int{2, 20}, 0, []int{20, 1}}, layout{[]int{2, 20}, 0, []int{2, 7}}, kernelShortOuter},
		{"transpose", layout{[]int{37, 45}, 0, []int{45, 1}}, layout{[]int{37, 45}, 0, []int{1, 37}}, kernelTile},
		{"transpose strided dst", layout{[]int{37, 45}, 0, []int{92, 2}}, layout{[]int{37, 45}, 0, []int{1, 37}}, kernelTile},
		{"transpose 3-d", layout{[]int{20, 3, 30}, 0, []int{90, 30, 1}}, layout{[]int{20, 3, 30}, 0, []int{1, 600, 20}}, kernelTile},
		{"transpose many tiles", layout{[]int{130, 150}, 0, []int{150, 1}}, layout{[]int{130, 150}, 0, []int{1, 130}}, kernelTile},
		{"transpose 4 KiB rows", layout{[]int{128, 512}, 0, []int{512, 1}}, layout{[]int{128, 512}, 0, []int{1, 128}}, kernelTile},
		{"transpose reversed", layout{[]int{33, 34}, 0, []int{34, 1}}, layout{[]int{33, 34}, 33*34 - 1, []int{-1, -33}}, kernelTile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			size := func(l layout) int {
				_, hi := plan.ExtentOf(l.off, l.shape, l.strides)
				return hi + 1
			}
			mk := func(l layout, buf []int, pad int) NDView[int] {
				v, err := Wrap(buf, l.off+pad, l.shape, l.strides)
				if err != nil {
					t.Fatalf("Wrap(%v, %v): %v", l.shape, l.strides, err)
				}
				return v
			}
			for _, k := range []kernel{kernelAuto, tt.want, kernelStrided, kernelGeneric} {
				withKnobs(k, 2, plan.MinParallelBytes, func() {
					const pad = 5
					dbuf := newGuarded(size(tt.dst) + 2*pad)
					sbuf := newGuarded(size(tt.src) + 2*pad)
					dst, src := mk(tt.dst, dbuf, pad), mk(tt.src, sbuf, pad)
					for i := range sbuf {
						sbuf[i] = i
					}
					if k == kernelAuto {
						var p plan.Plan
						p.Init(dst.Shape())
						p.Add(dst.Offset(), dst.Strides())
						p.AddBroadcast(src.Offset(), src.Shape(), src.Strides())
						p.Simplify(true)
						if got, _ := chooseCopy(&p); got != tt.want {
							t.Errorf("kernel for dst %v src %v = %s, want %s", tt.dst, tt.src, got, tt.want)
						}
					} else if f, _ := forcedKernel(func() *plan.Plan {
						var p plan.Plan
						p.Init(dst.Shape())
						p.Add(dst.Offset(), dst.Strides())
						p.AddBroadcast(src.Offset(), src.Shape(), src.Strides())
						p.Simplify(true)
						return &p
					}(), k); f != k {
						t.Errorf("kernel %s cannot run dst %v src %v", k, tt.dst, tt.src)
					}
					checkCopy(t, k.String(), dbuf, dst, src)
				})
			}
		})
	}
}

func TestCopyFromTypes(t *testing.T) {
	// The kernels are generic; run the image kernels on bytes and a
	// 3-byte struct, and the tiles on float64.
	type rgb struct{ r, g, b uint8 }
	hwc := make([]uint8, 4*5*3)
	for i := range hwc {
		hwc[i] = uint8(i)
	}
	src, _ := FromSlice(hwc, 4, 5, 3)
	chw := Zeros[uint8](3, 4, 5)
	chw.CopyFrom(src.Transpose(2, 0, 1))
	back := Zeros[uint8](4, 5, 3)
	back.CopyFrom(chw.Transpose(1, 2, 0))
	if !slices.Equal(back.ToSlice(), hwc) {
		t.Errorf("HWC to CHW and back = %v, want %v", back.ToSlice(), hwc)
	}
	if got, want := chw.At(1, 2, 3), hwc[(2*5+3)*3+1]; got != want {
		t.Errorf("CHW At(1, 2, 3) = %d, want %d", got, want)
	}
	px := make([]rgb, 6)
	for i := range px {
		px[i] = rgb{uint8(i), uint8(i + 1), uint8(i + 2)}
	}
	pv, _ := FromSlice(px, 2, 3)
	pt := Zeros[rgb](3, 2)
	pt.CopyFrom(pv.T())
	if got := pt.At(2, 1); got != px[5] {
		t.Errorf("struct transpose At(2, 1) = %v, want %v", got, px[5])
	}
	withKnobs(kernelAuto, 2, plan.MinParallelBytes, func() {
		f := make([]float64, 50*60)
		for i := range f {
			f[i] = float64(i)
		}
		fv, _ := FromSlice(f, 50, 60)
		ft := Zeros[float64](60, 50)
		ft.CopyFrom(fv.T())
		if !slices.Equal(ft.ToSlice(), values(fv.T())) {
			t.Errorf("tiled float64 transpose differs from the reference")
		}
	})
	var e NDView[struct{}]
	e.CopyFrom(e) // zero-size elements: nothing to do, nothing to crash
}

func TestCopyFromErrors(t *testing.T) {
	tests := []struct {
		name     string
		dst, src []int
		ok       bool
	}{
		{"equal", []int{3, 4}, []int{3, 4}, true},
		{"row", []int{3, 4}, []int{4}, true},
		{"column", []int{3, 4}, []int{3, 1}, true},
		{"scalar", []int{3, 4}, []int{}, true},
		{"leading ones dropped", []int{3, 4}, []int{1, 1, 3, 4}, true},
		{"into 0-d", []int{}, []int{1, 1}, true},
		{"one into empty", []int{3, 0}, []int{1}, true},
		{"extra axis", []int{3, 4}, []int{2, 3, 4}, false},
		{"mismatch", []int{3, 4}, []int{4, 3}, false},
		{"empty into one", []int{3, 1}, []int{0}, false},
		{"not 0-d", []int{}, []int{2}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := Zeros[int](tt.dst...)
			src := Zeros[int](tt.src...)
			src.Fill(3)
			if tt.ok {
				dst.CopyFrom(src)
				for x := range dst.Values() {
					if x != 3 {
						t.Fatalf("CopyFrom(%v into %v) left %d, want 3 everywhere", tt.src, tt.dst, x)
					}
				}
				return
			}
			panicsWith(t, ErrShape, fmt.Sprintf("CopyFrom(%v into %v)", tt.src, tt.dst), func() { dst.CopyFrom(src) })
			for x := range dst.Values() {
				if x != 0 {
					t.Fatalf("CopyFrom(%v into %v) panicked after writing", tt.src, tt.dst)
				}
			}
		})
	}
	t.Run("message", func(t *testing.T) {
		defer func() {
			err, _ := recover().(error)
			want := "ndview: CopyFrom: could not broadcast input array from shape (2, 3, 4) into shape (3, 4)"
			if err == nil || err.Error() != want {
				t.Errorf("CopyFrom panic = %v, want %q", err, want)
			}
		}()
		Zeros[int](3, 4).CopyFrom(Zeros[int](2, 3, 4))
	})
	t.Run("read-only", func(t *testing.T) {
		v := Zeros[int](2, 3)
		panicsWith(t, ErrReadOnly, "CopyFrom into a read-only view", func() { v.AsReadOnly().CopyFrom(Zeros[int](2, 3)) })
		// Read-only is checked before the shape.
		panicsWith(t, ErrReadOnly, "CopyFrom into a read-only view", func() { v.AsReadOnly().CopyFrom(Zeros[int](7)) })
	})
}

// arange returns a C-contiguous view of 0, 1, …, n-1 with the given shape.
func arangeView(n int, shape ...int) NDView[int] {
	data := make([]int, n)
	for i := range data {
		data[i] = i
	}
	if len(shape) == 0 {
		shape = []int{n}
	}
	v, err := FromSlice(data, shape...)
	if err != nil {
		panic(err)
	}
	return v
}

// mustIndex is Index for valid expressions.
func mustIndex[T any](v NDView[T], expr string) NDView[T] {
	r, err := v.Index(expr)
	if err != nil {
		panic(err)
	}
	return r
}

// TestCopyFromOverlapW3 runs every example of semantics.md W3, including the
// two where NumPy is wrong.
func TestCopyFromOverlapW3(t *testing.T) {
	tests := []struct {
		name     string
		dst, src string
		want     []int
	}{
		{"a[1:]=a[:-1]", "1:", ":-1", []int{0, 0, 1, 2, 3, 4, 5, 6, 7, 8}},
		{"a[:-1]=a[1:]", ":-1", "1:", []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 9}},
		{"a[::-1]=a", "::-1", ":", []int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},
		{"a=a[::-1]", ":", "::-1", []int{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}},
		{"a[2:8]=a[7:1:-1]", "2:8", "7:1:-1", []int{0, 1, 7, 6, 5, 4, 3, 2, 8, 9}},
		{"a[::2]=a[:5] (NumPy errs)", "::2", ":5", []int{0, 1, 1, 3, 2, 5, 3, 7, 4, 9}},
		{"a[0:9:3]=a[1:4] (NumPy errs)", "0:9:3", "1:4", []int{1, 1, 2, 2, 4, 5, 3, 7, 8, 9}},
		{"a[0:9:3]=a[1::3]", "0:9:3", "1::3", []int{1, 1, 2, 4, 4, 5, 7, 7, 8, 9}},
		{"a[1::3]=a[0:9:3]", "1::3", "0:9:3", []int{0, 0, 2, 3, 3, 5, 6, 6, 8, 9}},
		{"a[3::3]=a[0:7:3] backwards", "3::3", "0:7:3", []int{0, 1, 2, 0, 4, 5, 3, 7, 8, 6}},
		{"a[:]=a", ":", ":", []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []kernel{kernelAuto, kernelGeneric} {
				withKnobs(k, plan.TileMinDim, plan.MinParallelBytes, func() {
					a := arangeView(10)
					mustIndex(a, tt.dst).CopyFrom(mustIndex(a, tt.src))
					if got := a.ToSlice(); !slices.Equal(got, tt.want) {
						t.Errorf("%s (%s) = %v, want %v", tt.name, k, got, tt.want)
					}
				})
			}
		})
	}
	t.Run("memoryview", func(t *testing.T) {
		mb, _ := FromSlice([]byte("abcdef"))
		mustIndex(mb, "::2").CopyFrom(mustIndex(mb, ":3"))
		if got := string(mb.ToSlice()); got != "abbdcf" {
			t.Errorf(`mb[::2]=mb[:3] on "abcdef" = %q, want "abbdcf"`, got)
		}
	})
	t.Run("m[...]=m.T", func(t *testing.T) {
		for _, n := range []int{3, 40} { // 40 runs in tiles
			withKnobs(kernelAuto, 2, plan.MinParallelBytes, func() {
				m := arangeView(n*n, n, n)
				m.CopyFrom(m.T())
				for i := range n {
					for j := range n {
						if got := m.At(i, j); got != j*n+i {
							t.Fatalf("m[...]=m.T (n=%d): m[%d, %d] = %d, want %d", n, i, j, got, j*n+i)
						}
					}
				}
			})
		}
	})
	t.Run("m[1:,1:]=m[:-1,:-1]", func(t *testing.T) {
		m := arangeView(16, 4, 4)
		mustIndex(m, "1:, 1:").CopyFrom(mustIndex(m, ":-1, :-1"))
		want := []int{0, 1, 2, 3, 4, 0, 1, 2, 8, 4, 5, 6, 12, 8, 9, 10}
		if got := m.ToSlice(); !slices.Equal(got, want) {
			t.Errorf("m[1:,1:]=m[:-1,:-1] = %v, want %v", got, want)
		}
	})
	t.Run("m[:]=m[0]", func(t *testing.T) {
		m := arangeView(12, 3, 4)
		mustIndex(m, ":").CopyFrom(m.Slice(Int(0)))
		want := []int{0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3}
		if got := m.ToSlice(); !slices.Equal(got, want) {
			t.Errorf("m[:]=m[0] = %v, want %v", got, want)
		}
	})
	t.Run("different slices of one buffer", func(t *testing.T) {
		buf := make([]int, 10)
		for i := range buf {
			buf[i] = i
		}
		// dst and src have different data slices over one array: overlap
		// is found from addresses, not from the slices' starts.
		dst, _ := FromSlice(buf[1:])
		src, _ := FromSlice(buf[:9])
		dst.CopyFrom(src)
		if want := []int{0, 0, 1, 2, 3, 4, 5, 6, 7, 8}; !slices.Equal(buf, want) {
			t.Errorf("buf[1:] = buf[:9] through two FromSlice views = %v, want %v", buf, want)
		}
		for i := range buf {
			buf[i] = i
		}
		d2, _ := FromSlice(buf[0:5:5])
		s2, _ := FromSlice(buf[2:7:7])
		mustIndex(d2, "::-1").CopyFrom(s2)
		if want := []int{6, 5, 4, 3, 2, 5, 6, 7, 8, 9}; !slices.Equal(buf, want) {
			t.Errorf("buf[0:5][::-1] = buf[2:7] through capped slices = %v, want %v", buf, want)
		}
	})
}

// TestCopyFromOverlapRandom copies between random views of one buffer and
// compares with a copy through a temporary.
func TestCopyFromOverlapRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, k := range []kernel{kernelAuto, kernelGeneric} {
		withKnobs(k, 2, plan.MinParallelBytes, func() {
			for i := range 2000 {
				// Two layouts placed at random in one buffer: a writable
				// destination and a source of any mode (Wrap makes those
				// that may overlap themselves read-only).
				dl := randomLayout(r, layoutOpts{MaxRank: 3, Writable: true})
				shape, doff, dst, dneed := dl.Shape, dl.Off, dl.Strides, dl.N
				sshape := broadcastShapeFor(r, shape)
				if r.IntN(2) == 0 {
					sshape = shape
				}
				sl := randomLayout(r, layoutOpts{Shape: sshape})
				soff, sst, sneed := sl.Off, sl.Strides, sl.N
				buf := newGuarded(max(dneed, sneed) + 4)
				for j := range buf {
					buf[j] = j
				}
				dshift, sshift := r.IntN(len(buf)-dneed+1), r.IntN(len(buf)-sneed+1)
				// Half the time the source gets its own data slice of the
				// same array.
				sdata, sbase := buf, 0
				if r.IntN(2) == 0 {
					sbase = r.IntN(sshift + 1)
					sdata = buf[sbase:]
				}
				d, err := Wrap(buf, doff+dshift, shape, dst)
				if err != nil {
					t.Fatal(err)
				}
				s, err := Wrap(sdata, soff+sshift-sbase, sshape, sst)
				if err != nil {
					t.Fatal(err)
				}
				checkCopy(t, fmt.Sprintf("%s #%d", k, i), buf, d, s)
			}
		})
	}
}

// TestCopyFromParallel runs random copies with the parallel path forced
// for every kernel (run it with -race), and Fill, Clone and ToSlice above
// the threshold.
func TestCopyFromParallel(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for k := kernelAuto; k < numKernels; k++ {
		r := rand.New(rand.NewPCG(9, uint64(k)))
		withKnobs(k, 2, 0, func() {
			for i := range 100 {
				dl := randomLayout(r, layoutOpts{MaxExtent: 9, MaxSize: 2048, Writable: true})
				buf, dst := dl.guarded()
				sl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, dl.Shape)})
				src := layoutView(sl, counting(sl.N))
				checkCopy(t, fmt.Sprintf("%s #%d: dst %v, src %v", k, i, dl, sl), buf, dst, src)
			}
		})
	}
	withKnobs(kernelAuto, 2, 0, func() {
		a := arangeView(300*200, 300, 200)
		b := Zeros[int](200, 300)
		b.CopyFrom(a.T())
		if !slices.Equal(b.ToSlice(), values(a.T())) {
			t.Errorf("parallel transpose differs from the reference")
		}
		if got, want := a.Clone().ToSlice(), values(a); !slices.Equal(got, want) {
			t.Errorf("parallel Clone().ToSlice() differs from the reference")
		}
	})
}

func TestCopyAllocs(t *testing.T) {
	a := arangeView(64*64, 64, 64)
	b := Zeros[int](64, 64)
	tests := []struct {
		name string
		fn   func()
	}{
		{"contig", func() { b.CopyFrom(a) }},
		{"transpose", func() { b.CopyFrom(a.T()) }},
		{"reverse", func() { b.CopyFrom(a.Flip()) }},
		{"row broadcast", func() { b.CopyFrom(a.Slice(Int(3))) }},
		{"Fill strided", func() { b.T().Slice(Step(2)).Fill(1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if n := testing.AllocsPerRun(20, tt.fn); n != 0 {
				t.Errorf("%s allocates %v times, want 0", tt.name, n)
			}
		})
	}
}

// Tuning benchmarks for the knobs of copy.go and parallel.go; the
// user-facing benchmarks are in bench/.

// BenchmarkTile compares transposes in tiles with the strided loop over a
// ladder of sizes, to check tileMinDim and tileSide.
func BenchmarkTile(b *testing.B) {
	for _, n := range []int{16, 64, 256, 512, 1024, 2048, 4096} {
		for _, k := range []kernel{kernelStrided, kernelTile} {
			benchTranspose[float32](b, fmt.Sprintf("f32/%d/%s", n, k), n, k)
			benchTranspose[float64](b, fmt.Sprintf("f64/%d/%s", n, k), n, k)
		}
	}
}

func benchTranspose[T any](b *testing.B, name string, n int, k kernel) {
	src, dst := Zeros[T](n, n), Zeros[T](n, n)
	var one T
	src.Fill(one) // touch every page
	dst.Fill(one)
	b.Run(name, func(b *testing.B) {
		withKnobs(k, 2, -1, func() {
			b.ReportAllocs()
			b.SetBytes(int64(2 * n * n * mem.Sizeof[T]()))
			for b.Loop() {
				dst.CopyFrom(src.T())
			}
		})
	})
}

// BenchmarkParallel compares large copies on one goroutine and on
// GOMAXPROCS, to place parallelMinBytes.
func BenchmarkParallel(b *testing.B) {
	a, t := Zeros[float32](4096, 4096), Zeros[float32](4096, 4096)
	half := Zeros[float32](2048, 2048)
	hwc, chw := Zeros[uint8](1080, 1920, 3), Zeros[uint8](3, 1080, 1920)
	small, smallT := Zeros[float32](512, 512), Zeros[float32](512, 512)
	tiny, tinyT := Zeros[float32](256, 256), Zeros[float32](256, 256)
	// Touch every page: untouched sources read the shared zero page.
	for _, v := range []NDView[float32]{a, t, half, small, smallT, tiny, tinyT} {
		v.Fill(1.5)
	}
	hwc.Fill(7)
	chw.Fill(8)
	const big = 2 * 4 * 4096 * 4096
	cases := []struct {
		name  string
		fn    func()
		bytes int
	}{
		{"contig/f32/4096", func() { t.CopyFrom(a) }, big},
		{"fill/f32/4096", func() { t.Fill(2) }, big / 2},
		{"transpose/f32/4096", func() { t.CopyFrom(a.T()) }, big},
		{"reverse/f32/4096", func() { t.CopyFrom(a.Flip()) }, big},
		{"step2/f32/4096", func() { half.CopyFrom(a.Slice(Step(2), Step(2))) }, big / 4},
		{"hwc2chw/u8/1080x1920x3", func() { chw.CopyFrom(hwc.Transpose(2, 0, 1)) }, 2 * 1080 * 1920 * 3},
		{"chw2hwc/u8/1080x1920x3", func() { hwc.CopyFrom(chw.Transpose(1, 2, 0)) }, 2 * 1080 * 1920 * 3},
		{"contig/f32/2048", func() { half.CopyFrom(a.Slice(To(2048), To(2048))) }, big / 4},
		{"contig/f32/512", func() { smallT.CopyFrom(small) }, 2 * 4 * 512 * 512},
		{"contig/f32/256", func() { tinyT.CopyFrom(tiny) }, 2 * 4 * 256 * 256},
		{"fill/f32/2048", func() { half.Fill(3) }, big / 8},
		{"fill/f32/512", func() { small.Fill(3) }, 4 * 512 * 512},
		{"transpose/f32/512", func() { smallT.CopyFrom(small.T()) }, 2 * 4 * 512 * 512},
	}
	for _, c := range cases {
		for _, par := range []int{-1, 0} {
			name := c.name + "/serial"
			if par == 0 {
				name = c.name + "/parallel"
			}
			b.Run(name, func(b *testing.B) {
				withKnobs(kernelAuto, plan.TileMinDim, par, func() {
					b.ReportAllocs()
					b.SetBytes(int64(c.bytes))
					for b.Loop() {
						c.fn()
					}
				})
			})
		}
	}
}
