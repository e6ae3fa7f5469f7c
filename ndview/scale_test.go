package ndview

import "github.com/ndkit/ndkit/ndview/internal/plan"

import "github.com/ndkit/ndkit/ndview/internal/mem"

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// scaledOne is ConvertScaled's definition for one element: x converted to
// float64 (complex128 when U and T are both complex) as Convert converts,
// scaled and offset, and converted to U as Convert converts.
func scaledOne[U, T Numeric](x T, scale, offset float64) U {
	out := Zeros[U]()
	in := mustValue(FromSlice([]T{x})).Slice(Int(0))
	if isComplexKind(mem.InfoOf[U]().Kind) && isComplexKind(mem.InfoOf[T]().Kind) {
		z := Zeros[complex128]()
		ConvertInto(z, in)
		v := z.At()
		z.Set(complex(float64(real(v)*scale)+offset, imag(v)*scale))
		ConvertInto(out, z)
		return out.At()
	}
	f := Zeros[float64]()
	ConvertInto(f, in)
	f.Set(float64(f.At()*scale) + offset)
	ConvertInto(out, f)
	return out.At()
}

// refScaled returns what ConvertScaledInto(dst, src, scale, offset) writes,
// in C order over dst's shape, element by element from At: src is
// broadcast by semantics.md W1 index by index.
func refScaled[U, T Numeric](dst NDView[U], src NDView[T], scale, offset float64) []U {
	dsh, ssh := dst.Shape(), src.Shape()
	for len(ssh) > len(dsh) && ssh[0] == 1 {
		ssh = ssh[1:]
	}
	sidx := make([]int, src.NDim())
	out := []U{}
	// scaledOne builds four views per element: remember its results by
	// source value (NaNs never match, and are recomputed).
	memo := map[T]U{}
	forEachIndex(dsh, func(idx []int) {
		lead := len(sidx) - len(ssh) // dropped leading axes of extent 1
		for k := range ssh {
			i := idx[len(idx)-len(ssh)+k]
			if ssh[k] == 1 {
				i = 0
			}
			sidx[lead+k] = i
		}
		x := src.At(sidx...)
		u, ok := memo[x]
		if !ok {
			u = scaledOne[U](x, scale, offset)
			memo[x] = u
		}
		out = append(out, u)
	})
	return out
}

// randomBitsView builds l's view over a new buffer of random bits (every
// bit pattern of a Numeric type is a value).
func randomBitsView[T Numeric](r *rand.Rand, l testLayout) NDView[T] {
	buf := make([]T, l.N)
	b := mem.Bytes(buf)
	for i := range b {
		b[i] = uint8(r.Uint32())
	}
	return layoutView(l, buf)
}

// sameBits reports whether two slices hold the same bits (NaNs included).
func sameBits[U any](a, b []U) bool {
	return len(a) == len(b) && slices.Equal(mem.Bytes(a), mem.Bytes(b))
}

// scaledOpts draws the destinations of the conversion tests: sizes on
// both sides of lookupMinSize.
var scaledOpts = layoutOpts{MaxExtent: 14, MaxSize: 2048, Writable: true}

var scaleCases = []struct{ scale, offset float64 }{
	{1.0 / 255, 0}, {255, 0.5}, {-3.25, 7}, {1, 0}, {0, -1}, {1e300, 0}, {0.5, -128},
}

// propScaled checks ConvertScaled from T into U on random layouts, sizes
// on both sides of lookupMinSize, broadcast sources, with the tile knob
// lowered or not and the parallel path forced or not, against refScaled.
func propScaled[U, T Numeric](t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	for i := range 30 {
		// A writable destination and a source of any mode: read-only,
		// broadcast, overlapping, bytes and strings too.
		dl := randomLayout(r, scaledOpts)
		dst := randomBitsView[U](r, dl)
		sl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, dl.Shape)})
		src := randomBitsView[T](r, sl)
		sc := scaleCases[r.IntN(len(scaleCases))]
		want := refScaled(dst, src, sc.scale, sc.offset)
		tile, par := plan.TileMinDim, plan.MinParallelBytes
		plan.TileMinDim = []int{tile, 3}[r.IntN(2)]
		plan.MinParallelBytes = []int{par, 0}[r.IntN(2)]
		ConvertScaledInto(dst, src, sc.scale, sc.offset)
		plan.TileMinDim, plan.MinParallelBytes = tile, par
		if got := values(dst); !sameBits(got, want) {
			t.Fatalf("#%d: ConvertScaled(dst %v, src %v, %v, %v) = %v, want %v",
				i, dl, sl, sc.scale, sc.offset, got, want)
		}
	}
}

func TestConvertScaledRandom(t *testing.T) {
	t.Run("uint8 to float32", func(t *testing.T) { propScaled[float32, uint8](t, 1) })
	t.Run("int8 to float64", func(t *testing.T) { propScaled[float64, int8](t, 2) })
	t.Run("uint8 to float16", func(t *testing.T) { propScaled[float16.Float16, uint8](t, 3) })
	t.Run("uint8 to complex64", func(t *testing.T) { propScaled[complex64, uint8](t, 4) })
	t.Run("uint8 to int16", func(t *testing.T) { propScaled[int16, uint8](t, 5) })
	t.Run("int8 to uint8", func(t *testing.T) { propScaled[uint8, int8](t, 6) })
	t.Run("uint8 to celsius", func(t *testing.T) { propScaled[celsius, uint8](t, 7) })
	t.Run("float32 to uint8", func(t *testing.T) { propScaled[uint8, float32](t, 8) })
	t.Run("float32 to float32", func(t *testing.T) { propScaled[float32, float32](t, 9) })
	t.Run("int16 to float64", func(t *testing.T) { propScaled[float64, int16](t, 10) })
	t.Run("float32 to float16", func(t *testing.T) { propScaled[float16.Float16, float32](t, 11) })
	t.Run("float16 to int32", func(t *testing.T) { propScaled[int32, float16.Float16](t, 12) })
	t.Run("uint64 to float32", func(t *testing.T) { propScaled[float32, uint64](t, 13) })
	t.Run("complex128 to float32", func(t *testing.T) { propScaled[float32, complex128](t, 14) })
	t.Run("complex64 to complex128", func(t *testing.T) { propScaled[complex128, complex64](t, 15) })
	t.Run("complex128 to complex64", func(t *testing.T) { propScaled[complex64, complex128](t, 16) })
	t.Run("float64 to complex128", func(t *testing.T) { propScaled[complex128, float64](t, 17) })
	t.Run("count to int", func(t *testing.T) { propScaled[int, count](t, 18) })
}

// propConvertBytes checks Convert from 8-bit T into the float kind U,
// which goes through ConvertScaled's tables from lookupMinSize elements,
// on random layouts against a one-element Convert.
func propConvertBytes[U, T Numeric](t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 8))
	for i := range 40 {
		dl := randomLayout(r, scaledOpts)
		dst := randomBitsView[U](r, dl)
		sl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, dl.Shape)})
		src := randomBitsView[T](r, sl)
		want := []U{}
		forEachIndex(dst.Shape(), func(idx []int) {
			out := Zeros[U]()
			ConvertInto(out, mustValue(FromSlice([]T{refBroadcastAt(src, dst.Shape(), idx)})).Slice(Int(0)))
			want = append(want, out.At())
		})
		par := plan.MinParallelBytes
		plan.MinParallelBytes = []int{par, 0}[r.IntN(2)]
		ConvertInto(dst, src)
		plan.MinParallelBytes = par
		if got := values(dst); !sameBits(got, want) {
			t.Fatalf("#%d: Convert(dst %v, src %v) = %v, want %v", i, dl, sl, got, want)
		}
	}
}

// refBroadcastAt returns the element of src at index idx of shape, with
// src broadcast to shape by semantics.md W1.
func refBroadcastAt[T any](src NDView[T], shape, idx []int) T {
	ssh := src.Shape()
	sidx := make([]int, len(ssh))
	for k := range ssh {
		if j := len(idx) - len(ssh) + k; j >= 0 && ssh[k] != 1 {
			sidx[k] = idx[j]
		}
	}
	return src.At(sidx...)
}

func TestConvertBytesTable(t *testing.T) {
	t.Run("uint8 to float32", func(t *testing.T) { propConvertBytes[float32, uint8](t, 1) })
	t.Run("int8 to float32", func(t *testing.T) { propConvertBytes[float32, int8](t, 2) })
	t.Run("int8 to float16", func(t *testing.T) { propConvertBytes[float16.Float16, int8](t, 3) })
	t.Run("uint8 to complex128", func(t *testing.T) { propConvertBytes[complex128, uint8](t, 4) })
	t.Run("uint8 to celsius", func(t *testing.T) { propConvertBytes[celsius, uint8](t, 5) })
}

// scaledPair checks ConvertScaled from T to U by value, with scale 1/2 and
// offset 1 on values whose results are exact in every float type (and
// truncated in integers), strided and reversed too, through the buffer
// and, for 8-bit sources, through the table.
func scaledPair[U, T Numeric](t *testing.T, vals []float64) {
	t.Helper()
	src := Zeros[T](len(vals))
	for i, x := range vals {
		ConvertInto(src.Slice(Range(i, i+1)), mustValue(FromSlice([]float64{x})))
	}
	for _, lookup := range []int{lookupMinSize, 0} {
		old := lookupMinSize
		lookupMinSize = lookup
		d := Zeros[U](2 * len(vals))
		ConvertScaledInto(d.Slice(Step(-2)), src, 0.5, 1)
		lookupMinSize = old
		for i, x := range vals {
			want := x/2 + 1
			if isIntKind(mem.InfoOf[U]().Kind) {
				want = math.Trunc(want)
			}
			assert.Equal(t, complex(want, 0), asC128(d.At(2*len(vals)-1-2*i)), "ConvertScaled %T %v to %T", src.At(i), x, d.At(0))
		}
	}
}

func scaledFrom[T Numeric](t *testing.T, vals []float64) {
	scaledPair[int8, T](t, vals)
	scaledPair[int16, T](t, vals)
	scaledPair[int32, T](t, vals)
	scaledPair[int64, T](t, vals)
	scaledPair[int, T](t, vals)
	scaledPair[uint8, T](t, vals)
	scaledPair[uint16, T](t, vals)
	scaledPair[uint32, T](t, vals)
	scaledPair[uint64, T](t, vals)
	scaledPair[uintptr, T](t, vals)
	scaledPair[float16.Float16, T](t, vals)
	scaledPair[float32, T](t, vals)
	scaledPair[float64, T](t, vals)
	scaledPair[complex64, T](t, vals)
	scaledPair[complex128, T](t, vals)
	scaledPair[celsius, T](t, vals)
	scaledPair[count, T](t, vals)
}

func TestConvertScaledAllPairs(t *testing.T) {
	vals := []float64{0, 1, 2, 7, 100, 127}
	t.Run("int8", func(t *testing.T) { scaledFrom[int8](t, vals) })
	t.Run("int16", func(t *testing.T) { scaledFrom[int16](t, vals) })
	t.Run("int32", func(t *testing.T) { scaledFrom[int32](t, vals) })
	t.Run("int64", func(t *testing.T) { scaledFrom[int64](t, vals) })
	t.Run("uint8", func(t *testing.T) { scaledFrom[uint8](t, vals) })
	t.Run("uint16", func(t *testing.T) { scaledFrom[uint16](t, vals) })
	t.Run("uint32", func(t *testing.T) { scaledFrom[uint32](t, vals) })
	t.Run("uint64", func(t *testing.T) { scaledFrom[uint64](t, vals) })
	t.Run("uintptr", func(t *testing.T) { scaledFrom[uintptr](t, vals) })
	t.Run("float16", func(t *testing.T) { scaledFrom[float16.Float16](t, vals) })
	t.Run("float32", func(t *testing.T) { scaledFrom[float32](t, vals) })
	t.Run("float64", func(t *testing.T) { scaledFrom[float64](t, vals) })
	t.Run("complex64", func(t *testing.T) { scaledFrom[complex64](t, vals) })
	t.Run("complex128", func(t *testing.T) { scaledFrom[complex128](t, vals) })
	t.Run("celsius", func(t *testing.T) { scaledFrom[celsius](t, vals) })
	t.Run("count", func(t *testing.T) { scaledFrom[count](t, vals) })
}

// TestConvertScaledLayouts runs the layouts that take the tiles, strips
// and exchanged axes of rowTiles with the real knobs.
func TestConvertScaledLayouts(t *testing.T) {
	img := seqView[uint8](t, 37, 301, 4) // H, W, RGBA
	sub := img.Slice(Range(1, 36), Range(2, 299))
	planes := seqView[float32](t, 3, 37, 301)
	for name, tc := range map[string]struct {
		dst func() NDView[float32]
		src NDView[uint8]
	}{
		"RGBA to CHW": {func() NDView[float32] { return Zeros[float32](3, 37, 301) },
			img.Slice(Colon(), Colon(), Range(0, 3)).Transpose(2, 0, 1)},
		"RGBA sub-image to CHW": {func() NDView[float32] { return Zeros[float32](3, 35, 297) },
			sub.Slice(Colon(), Colon(), Range(0, 3)).Transpose(2, 0, 1)},
		"BGR to CHW": {func() NDView[float32] { return Zeros[float32](3, 37, 301) },
			img.Slice(Colon(), Colon(), From(2).By(-1)).Transpose(2, 0, 1)},
		"transpose": {func() NDView[float32] { return Zeros[float32](301, 37*4) },
			mustValue(img.Reshape(37*4, 301)).T()},
		"to HWC": {func() NDView[float32] { return Zeros[float32](37, 301, 4) }, img},
		"RGBA to 4 planes": {func() NDView[float32] { return Zeros[float32](4, 37, 301) },
			img.Transpose(2, 0, 1)},
		"RGB to CHW": {func() NDView[float32] { return Zeros[float32](3, 37, 401) },
			mustValue(seqView[uint8](t, 37*401*3).Reshape(37, 401, 3)).Transpose(2, 0, 1)},
		"RGB of RGBA ending at the last blue byte": {func() NDView[float32] { return Zeros[float32](3, 37, 301) },
			mustValue(Wrap(mustValue(img.Data())[:37*301*4-1], 0, []int{3, 37, 301}, []int{1, 301 * 4, 4}))},
		"RGB ending at the last blue byte": {func() NDView[float32] { return Zeros[float32](3, 23, 29) },
			mustValue(Wrap(mustValue(seqView[uint8](t, 23*29*3).Data()), 0, []int{3, 23, 29}, []int{1, 29 * 3, 3}))},
	} {
		t.Run(name, func(t *testing.T) {
			d := tc.dst()
			want := refScaled(d, tc.src, 1.0/255, 0)
			ConvertScaledInto(d, tc.src, 1.0/255, 0)
			assert.Equal(t, want, values(d))
		})
	}
	t.Run("CHW to HWC bytes", func(t *testing.T) {
		d := Zeros[uint8](37, 301, 3)
		src := planes.Transpose(1, 2, 0)
		want := refScaled(d, src, 0.5, 0.25)
		ConvertScaledInto(d, src, 0.5, 0.25)
		assert.Equal(t, want, values(d))
	})
}

// TestConvertScaledOverlap converts between views of one buffer on random
// slices: the result must be as if the source had been copied first, and
// no other memory changes.
func TestConvertScaledOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	for i := range 300 {
		mem := make([]uint64, 1024)
		for k := range mem {
			mem[k] = uint64(k * 2654435761)
		}
		want := slices.Clone(mem)
		n := 1 + r.IntN(900)
		// A run of n elements, every step-th, forwards or backwards, of
		// the memory seen as elements of size bytes.
		run := func(size, step int) func(NDView[uint64]) []IndexItem {
			lo := r.IntN(len(mem)*8/size - n*step + 1)
			back := r.IntN(2) == 0
			return func(NDView[uint64]) []IndexItem {
				if back {
					return []IndexItem{Range(lo, lo+n*step).By(step), Step(-1)}
				}
				return []IndexItem{Range(lo, lo+n*step).By(step), Colon()}
			}
		}
		dr, sr := run(4, 1+r.IntN(2)), run(1, 1+r.IntN(2))
		view := func(m []uint64) (NDView[float32], NDView[uint8]) {
			all := mustValue(FromSlice(m))
			d := mustValue(Cast[float32](all))
			s := mustValue(Cast[uint8](all))
			di, si := dr(all), sr(all)
			return d.Slice(di[0]).Slice(di[1]), s.Slice(si[0]).Slice(si[1])
		}
		wd, ws := view(want)
		ref := refScaled(wd, ws.Clone(), 2, 1)
		for k, x := range ref {
			wd.Set(x, k)
		}
		d, s := view(mem)
		ConvertScaledInto(d, s, 2, 1)
		require.Equal(t, want, mem, "#%d: ConvertScaled(%v, %v) over one buffer", i, d.Offset(), s.Offset())
	}
}

func TestConvertScaledValues(t *testing.T) {
	bytes := seqView[uint8](t, 256)
	f := Zeros[float32](256)
	ConvertScaledInto(f, bytes, 1.0/255, 0)
	for x := range 256 {
		require.Equal(t, float32(float64(x)/255), f.At(x), "byte %d / 255 is the nearest float32", x)
	}
	assert.Equal(t, float32(1), f.At(255))

	back := Zeros[uint8](256)
	ConvertScaledInto(back, f, 255, 0.5)
	assert.Equal(t, mustValue(bytes.Data()), mustValue(back.Data()), "scale 255 and offset 0.5 round back to the bytes")

	i8 := mustValue(FromSlice([]int8{-128, -1, 0, 127}))
	g := Zeros[float64](4)
	ConvertScaledInto(g, i8, 1.0/128, 0)
	assert.Equal(t, []float64{-1, -1.0 / 128, 0, 127.0 / 128}, mustValue(g.Data()), "int8 is signed")

	z := Zeros[complex64](1)
	ConvertScaledInto(z, mustValue(FromSlice([]complex128{2 + 4i})), 0.5, 1)
	assert.Equal(t, complex64(2+2i), z.At(0), "complex: the real part is offset, both parts scaled")
	re := Zeros[float32](1)
	ConvertScaledInto(re, mustValue(FromSlice([]complex128{2 + 4i})), 0.5, 1)
	assert.Equal(t, float32(2), re.At(0), "complex to real keeps the real part")
	c := Zeros[complex128](1)
	ConvertScaledInto(c, mustValue(FromSlice([]float32{3})), 2, 1)
	assert.Equal(t, complex128(7), c.At(0))

	h := Zeros[float16.Float16](2)
	ConvertScaledInto(h, mustValue(FromSlice([]float64{1 + 0x1p-11, 65520 - 0x1p-30})), 1, 0x1p-30)
	assert.Equal(t, []uint16{0x3c01, 0x7c00}, bitsOf(mustValue(h.Data())),
		"float16 rounds once from float64 (through float32, 1+2^-11+2^-30 would tie to 1)")

	// With scale 1 and offset 0, Convert's results for every type float64 holds.
	s := seqView[int32](t, 3, 5).T()
	a, b := Zeros[float16.Float16](5, 3), Zeros[float16.Float16](5, 3)
	ConvertInto(a, s)
	ConvertScaledInto(b, s, 1, 0)
	assert.Equal(t, mustValue(a.Data()), mustValue(b.Data()))

	// Broadcast, and the message of a shape that does not fit.
	row := seqView[uint8](t, 4)
	m := Zeros[float64](3, 4)
	ConvertScaledInto(m, row, 2, 0)
	assert.Equal(t, []float64{0, 2, 4, 6, 0, 2, 4, 6, 0, 2, 4, 6}, mustValue(m.Data()))
	defer func() {
		err := recover().(error)
		assert.ErrorIs(t, err, ErrShape)
		assert.Equal(t, "ndview: ConvertScaled: could not broadcast input array from shape (3,) into shape (3, 4)", err.Error())
	}()
	ConvertScaledInto(m, seqView[uint8](t, 3), 1, 0)
}

func TestConvertScaledEmptyAndReadOnly(t *testing.T) {
	ConvertScaledInto(Zeros[float32](0, 3), seqView[uint8](t, 1, 3), 2, 1) // nothing to do
	d := Zeros[float32](600)
	castPanics(t, ErrReadOnly, func() { ConvertScaledInto(d.AsReadOnly(), seqView[uint8](t, 600), 2, 1) })
	castPanics(t, ErrReadOnly, func() { ConvertScaledInto(mustBroadcast(t, d.Slice(Range(0, 3)), 2, 3), seqView[uint8](t, 3), 1, 0) })
	castPanics(t, ErrReadOnly, func() { ConvertScaledInto(Zeros[float32](0).AsReadOnly(), seqView[uint8](t, 0), 1, 0) })
	castPanics(t, ErrShape, func() { ConvertScaledInto(d, seqView[uint8](t, 2, 600), 1, 0) })
	assert.Equal(t, make([]float32, 600), mustValue(d.Data()), "nothing is written before a panic")
}

func TestConvertScaledAllocs(t *testing.T) {
	img := seqView[uint8](t, 48, 64, 4)
	chw := img.Slice(Colon(), Colon(), Range(0, 3)).Transpose(2, 0, 1)
	dst := Zeros[float32](3, 48, 64)
	f := Zeros[float32](48, 64)
	h := Zeros[float16.Float16](48, 64)
	for name, fn := range map[string]func(){
		"table":     func() { ConvertScaledInto(dst, chw, 1.0/255, 0) },
		"small":     func() { ConvertScaledInto(f.Slice(Int(0)), img.Slice(Int(0), Colon(), Int(1)), 1.0/255, 0) },
		"float":     func() { ConvertScaledInto(f, dst.Slice(Int(1)), 2, 1) },
		"float16":   func() { ConvertScaledInto(h, f.T().T(), 2, 1) },
		"broadcast": func() { ConvertScaledInto(dst, img.Slice(Range(0, 1), Colon(), Range(0, 3)).Transpose(2, 0, 1), 2, 1) },
	} {
		assert.Zero(t, testing.AllocsPerRun(20, fn), "ConvertScaled %s allocates", name)
	}
}

// BenchmarkConvertScaled places lookupMinSize (the table against the
// float64 buffer for small conversions) and checks parallelMinBytes for
// conversions (one goroutine against GOMAXPROCS, on the image path).
func BenchmarkConvertScaled(b *testing.B) {
	knobs := func(lookup, par int, fn func()) {
		l, p := lookupMinSize, plan.MinParallelBytes
		defer func() { lookupMinSize, plan.MinParallelBytes = l, p }()
		lookupMinSize, plan.MinParallelBytes = lookup, par
		fn()
	}
	for _, n := range []int{64, 256, 512, 1024, 4096} {
		src := Zeros[uint8](n)
		dst := Zeros[float32](n)
		for _, path := range []struct {
			name   string
			lookup int
		}{{"table", 0}, {"buffer", math.MaxInt}} {
			b.Run(fmt.Sprintf("%s/%d", path.name, n), func(b *testing.B) {
				knobs(path.lookup, -1, func() {
					b.ReportAllocs()
					b.SetBytes(int64(5 * n))
					for b.Loop() {
						ConvertScaledInto(dst, src, 1.0/255, 0)
					}
				})
			})
		}
	}
	for _, sz := range []struct{ w, h int }{{64, 64}, {320, 240}, {640, 480}, {1920, 1080}, {3840, 2160}} {
		img := Zeros[uint8](sz.h, sz.w, 4)
		img.Fill(7) // touch every page
		chw := img.Slice(Colon(), Colon(), Range(0, 3)).Transpose(2, 0, 1)
		dst := Zeros[float32](3, sz.h, sz.w)
		for _, par := range []int{-1, 0} {
			name := fmt.Sprintf("RGBA-to-CHW/%dx%d/serial", sz.w, sz.h)
			if par == 0 {
				name = fmt.Sprintf("RGBA-to-CHW/%dx%d/parallel", sz.w, sz.h)
			}
			b.Run(name, func(b *testing.B) {
				knobs(lookupMinSize, par, func() {
					b.ReportAllocs()
					b.SetBytes(int64(sz.w * sz.h * (3 + 3*4)))
					for b.Loop() {
						ConvertScaledInto(dst, chw, 1.0/255, 0)
					}
				})
			})
		}
	}
}
