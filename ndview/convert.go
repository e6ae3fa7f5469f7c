package ndview

import "github.com/ndkit/ndkit/ndview/internal/plan"

import "github.com/ndkit/ndkit/ndview/internal/mem"

// Element-type conversion (NumPy's astype and copyto with casting="unsafe").
//
// Convert plans the walk once per call (plan.go), dispatches once on the
// two element kinds to a row kernel specialised for the pair, then walks
// the plan row by row (eachRow): the kernel loops over the elements of a
// row with no call, closure or interface in between. Both operands
// contiguous is one call for the whole view; a source read across its
// rows (a transpose, the channels of an interleaved image) is walked in
// tiles or strips (rowTiles), so that its cache lines are reused.

import (
	"math"
	"sync"

	"github.com/x448/float16"
)

// Convert writes src, converted element by element to U, into dst: NumPy's
// np.copyto(dst, src, casting="unsafe"), or astype into a preallocated
// view. src is broadcast to dst's shape (SEMANTICS W1): extra leading
// extent-1 axes of src are dropped, then extents of 1 repeat. Any strides
// work on either side. When src and dst share memory the result is as if
// src had first been copied to a temporary (which Convert then allocates);
// otherwise Convert allocates only for the goroutines that share a large
// conversion (from 8 MiB read plus written, see parallel.go).
//
// Values convert as Go's conversions do, with two additions:
//   - float16.Float16 is a float, never its uint16 bits. Float16 to any
//     type is exact (through float32). Any type to Float16 rounds to the
//     nearest value, ties to even, overflows to ±Inf (65520 and above),
//     keeps NaN (sign and leading payload bits, quiet) and -0, exactly as
//     github.com/x448/float16's Fromfloat32. float64 rounds once, directly
//     to half precision, as NumPy does, not through float32.
//   - complex to real keeps the real part (NumPy also drops the imaginary
//     part, with a ComplexWarning); real to complex has imaginary part 0.
//
// Float to integer truncates toward zero. When the truncated value does not
// fit the integer type, or is NaN, the result is Go's: implementation
// specific, like NumPy's (undefined behaviour in C); it is never a panic.
// Integer to integer wraps modulo 2^bits, float64 to float32 rounds to
// nearest even, as in Go.
//
// Convert panics with an error wrapping ErrReadOnly when dst is read-only,
// and ErrShape when src cannot be broadcast to dst's shape.
func Convert[U, T Numeric](dst NDView[U], src NDView[T]) {
	var p plan.Plan
	src, w := planConvert("Convert", &p, &dst, src)
	if w == 0 {
		return
	}
	kd, d := mem.InfoOf[U]().Kind, mem.Erase(dst.data)
	ks, s := mem.InfoOf[T]().Kind, mem.Erase(src.data)
	if _, _, ok := planarChannels(&p); ok && isByteKind(ks) && kd == mem.Float32 && p.Size >= lookupMinSize {
		// The channels of 8-bit pixels into float32 planes (an image to
		// CHW) read a pixel at a time through the table of ConvertScaled,
		// which gives Convert's results: 8-bit values are exact in
		// float32, through float64 too. Elsewhere the kernels below are as
		// fast as a table.
		lookupConvert[U](kd, d, ks, s, &p, w, 1, 0)
		return
	}
	if w > 1 {
		plan.Parallel(&p, w, func(part *plan.Plan) { convertRaw(kd, d, ks, s, part) })
		return
	}
	convertRaw(kd, d, ks, s, &p)
}

// planConvert checks and plans an element-wise write of src into dst for
// op (the steps of Map, plan.go): it panics when dst is read-only or src
// does not broadcast to dst's shape, copies an overlapping src (returned
// in its place), simplifies p with reordering and chooses its row tiles
// (rowTiles). It returns how many goroutines should share the work
// (workers, parallel.go), or 0 when there is nothing to write. Callers create
// the goroutines' closure only when that is above 1, so that what it
// captures stays on the stack otherwise.
func planConvert[U, T any](op string, p *plan.Plan, dst *NDView[U], src NDView[T]) (NDView[T], int) {
	if dst.flags&flagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	p.Init(dst.shapeRef())
	p.Add(dst.off, dst.stridesRef())
	if !p.AddBroadcast(src.off, src.shapeRef(), src.stridesRef()) {
		broadcastPanic(op, src.shapeRef(), dst.shapeRef())
	}
	if p.Empty() {
		return src, 0
	}
	src = detach(p, 1, dst, src)
	p.Simplify(true)
	dsize, ssize := mem.Sizeof[U](), mem.Sizeof[T]()
	p.RowTiles(dsize, ssize)
	return src, plan.Workers(p, p.Size*(dsize+ssize))
}

// rowKernel converts n elements of one row: s[si], s[si+ss], … into
// d[di], d[di+ds], ….
type rowKernel[D, S any] func(d []D, di, ds int, s []S, si, ss, n int)

// runRows calls kernel on every row of d and s along p, a plan prepared
// by rowTiles (eachRow).
func runRows[D, S any](p *plan.Plan, d []D, s []S, kernel rowKernel[D, S]) {
	_, ds := p.Inner(0)
	_, ss := p.Inner(1)
	p.EachRow(func(off [plan.MaxOperands]int, n int) {
		kernel(d, off[0], ds, s, off[1], ss, n)
	})
}

// ---------------------------------------------------------------------
// Dispatch on the element kinds, once per call. Named types run on the
// kernels of their underlying types (typedSlice).

// realNum is the set of the real kinds' representations.
type realNum interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64
}

// convertRaw converts s (of kind ks) into d (of kind kd) along p.
func convertRaw(kd mem.Kind, d mem.Raw, ks mem.Kind, s mem.Raw, p *plan.Plan) {
	if kd == ks {
		copyRaw(kd, d, s, p)
		return
	}
	switch kd {
	case mem.Int8:
		convertToReal(mem.As[int8](d), ks, s, p)
	case mem.Int16:
		convertToReal(mem.As[int16](d), ks, s, p)
	case mem.Int32:
		convertToReal(mem.As[int32](d), ks, s, p)
	case mem.Int64:
		convertToReal(mem.As[int64](d), ks, s, p)
	case mem.Uint8:
		convertToReal(mem.As[uint8](d), ks, s, p)
	case mem.Uint16:
		convertToReal(mem.As[uint16](d), ks, s, p)
	case mem.Uint32:
		convertToReal(mem.As[uint32](d), ks, s, p)
	case mem.Uint64:
		convertToReal(mem.As[uint64](d), ks, s, p)
	case mem.Float32:
		convertToReal(mem.As[float32](d), ks, s, p)
	case mem.Float64:
		convertToReal(mem.As[float64](d), ks, s, p)
	case mem.Float16:
		convertToF16(mem.As[uint16](d), ks, s, p)
	case mem.Complex64:
		convertToC64(mem.As[complex64](d), ks, s, p)
	case mem.Complex128:
		convertToC128(mem.As[complex128](d), ks, s, p)
	}
}

// copyRaw copies elements of one kind, bit for bit.
func copyRaw(k mem.Kind, d, s mem.Raw, p *plan.Plan) {
	switch k {
	case mem.Int8, mem.Uint8, mem.Bool:
		runRows(p, mem.As[uint8](d), mem.As[uint8](s), rowCopy[uint8])
	case mem.Int16, mem.Uint16, mem.Float16:
		runRows(p, mem.As[uint16](d), mem.As[uint16](s), rowCopy[uint16])
	case mem.Int32, mem.Uint32, mem.Float32:
		runRows(p, mem.As[uint32](d), mem.As[uint32](s), rowCopy[uint32])
	case mem.Int64, mem.Uint64, mem.Float64:
		runRows(p, mem.As[uint64](d), mem.As[uint64](s), rowCopy[uint64])
	case mem.Complex64:
		runRows(p, mem.As[complex64](d), mem.As[complex64](s), rowCopy[complex64])
	case mem.Complex128:
		runRows(p, mem.As[complex128](d), mem.As[complex128](s), rowCopy[complex128])
	}
}

// convertToReal converts s of kind ks into the real slice d.
func convertToReal[D realNum](d []D, ks mem.Kind, s mem.Raw, p *plan.Plan) {
	switch ks {
	case mem.Int8:
		runRows(p, d, mem.As[int8](s), rowReal[D, int8])
	case mem.Int16:
		runRows(p, d, mem.As[int16](s), rowReal[D, int16])
	case mem.Int32:
		runRows(p, d, mem.As[int32](s), rowReal[D, int32])
	case mem.Int64:
		runRows(p, d, mem.As[int64](s), rowReal[D, int64])
	case mem.Uint8:
		runRows(p, d, mem.As[uint8](s), rowReal[D, uint8])
	case mem.Uint16:
		runRows(p, d, mem.As[uint16](s), rowReal[D, uint16])
	case mem.Uint32:
		runRows(p, d, mem.As[uint32](s), rowReal[D, uint32])
	case mem.Uint64:
		runRows(p, d, mem.As[uint64](s), rowReal[D, uint64])
	case mem.Float32:
		runRows(p, d, mem.As[float32](s), rowReal[D, float32])
	case mem.Float64:
		runRows(p, d, mem.As[float64](s), rowReal[D, float64])
	case mem.Float16:
		runRows(p, d, mem.As[uint16](s), rowF16ToReal[D])
	case mem.Complex64:
		runRows(p, d, mem.As[complex64](s), rowC64ToReal[D])
	case mem.Complex128:
		runRows(p, d, mem.As[complex128](s), rowC128ToReal[D])
	}
}

// convertToF16 converts s of kind ks into float16 bits d.
func convertToF16(d []uint16, ks mem.Kind, s mem.Raw, p *plan.Plan) {
	switch ks {
	case mem.Int8:
		runRows(p, d, mem.As[int8](s), rowToF16[int8])
	case mem.Int16:
		runRows(p, d, mem.As[int16](s), rowToF16[int16])
	case mem.Int32:
		runRows(p, d, mem.As[int32](s), rowToF16[int32])
	case mem.Int64:
		runRows(p, d, mem.As[int64](s), rowToF16[int64])
	case mem.Uint8:
		runRows(p, d, mem.As[uint8](s), rowToF16[uint8])
	case mem.Uint16:
		runRows(p, d, mem.As[uint16](s), rowToF16[uint16])
	case mem.Uint32:
		runRows(p, d, mem.As[uint32](s), rowToF16[uint32])
	case mem.Uint64:
		runRows(p, d, mem.As[uint64](s), rowToF16[uint64])
	case mem.Float32:
		runRows(p, d, mem.As[float32](s), rowToF16[float32])
	case mem.Float64:
		runRows(p, d, mem.As[float64](s), rowF64ToF16)
	case mem.Complex64:
		runRows(p, d, mem.As[complex64](s), rowC64ToF16)
	case mem.Complex128:
		runRows(p, d, mem.As[complex128](s), rowC128ToF16)
	}
}

// convertToC64 converts s of kind ks into d.
func convertToC64(d []complex64, ks mem.Kind, s mem.Raw, p *plan.Plan) {
	switch ks {
	case mem.Int8:
		runRows(p, d, mem.As[int8](s), rowToC64[int8])
	case mem.Int16:
		runRows(p, d, mem.As[int16](s), rowToC64[int16])
	case mem.Int32:
		runRows(p, d, mem.As[int32](s), rowToC64[int32])
	case mem.Int64:
		runRows(p, d, mem.As[int64](s), rowToC64[int64])
	case mem.Uint8:
		runRows(p, d, mem.As[uint8](s), rowToC64[uint8])
	case mem.Uint16:
		runRows(p, d, mem.As[uint16](s), rowToC64[uint16])
	case mem.Uint32:
		runRows(p, d, mem.As[uint32](s), rowToC64[uint32])
	case mem.Uint64:
		runRows(p, d, mem.As[uint64](s), rowToC64[uint64])
	case mem.Float32:
		runRows(p, d, mem.As[float32](s), rowToC64[float32])
	case mem.Float64:
		runRows(p, d, mem.As[float64](s), rowToC64[float64])
	case mem.Float16:
		runRows(p, d, mem.As[uint16](s), rowF16ToC64)
	case mem.Complex128:
		runRows(p, d, mem.As[complex128](s), rowC128ToC64)
	}
}

// convertToC128 converts s of kind ks into d.
func convertToC128(d []complex128, ks mem.Kind, s mem.Raw, p *plan.Plan) {
	switch ks {
	case mem.Int8:
		runRows(p, d, mem.As[int8](s), rowToC128[int8])
	case mem.Int16:
		runRows(p, d, mem.As[int16](s), rowToC128[int16])
	case mem.Int32:
		runRows(p, d, mem.As[int32](s), rowToC128[int32])
	case mem.Int64:
		runRows(p, d, mem.As[int64](s), rowToC128[int64])
	case mem.Uint8:
		runRows(p, d, mem.As[uint8](s), rowToC128[uint8])
	case mem.Uint16:
		runRows(p, d, mem.As[uint16](s), rowToC128[uint16])
	case mem.Uint32:
		runRows(p, d, mem.As[uint32](s), rowToC128[uint32])
	case mem.Uint64:
		runRows(p, d, mem.As[uint64](s), rowToC128[uint64])
	case mem.Float32:
		runRows(p, d, mem.As[float32](s), rowToC128[float32])
	case mem.Float64:
		runRows(p, d, mem.As[float64](s), rowToC128[float64])
	case mem.Float16:
		runRows(p, d, mem.As[uint16](s), rowF16ToC128)
	case mem.Complex64:
		runRows(p, d, mem.As[complex64](s), rowC64ToC128)
	}
}

// ---------------------------------------------------------------------
// Row kernels. Each has a contiguous loop (both strides 1, bounds checks
// hoisted by reslicing) and a strided one.

func rowCopy[T any](d []T, di, ds int, s []T, si, ss, n int) {
	if ds == 1 && ss == 1 {
		copy(d[di:di+n], s[si:si+n])
		return
	}
	for ; n > 0; n-- {
		d[di] = s[si]
		di, si = di+ds, si+ss
	}
}

func rowReal[D, S realNum](d []D, di, ds int, s []S, si, ss, n int) {
	if ds == 1 && ss == 1 {
		s = s[si : si+n]
		d = d[di : di+len(s)]
		for i, x := range s {
			d[i] = D(x)
		}
		return
	}
	for ; n > 0; n-- {
		d[di] = D(s[si])
		di, si = di+ds, si+ss
	}
}

func rowF16ToReal[D realNum](d []D, di, ds int, s []uint16, si, ss, n int) {
	tab := f16Table()
	if ds == 1 && ss == 1 {
		s = s[si : si+n]
		d = d[di : di+len(s)]
		for i, x := range s {
			d[i] = D(tab[x])
		}
		return
	}
	for ; n > 0; n-- {
		d[di] = D(tab[s[si]])
		di, si = di+ds, si+ss
	}
}

func rowToF16[S realNum](d []uint16, di, ds int, s []S, si, ss, n int) {
	// Every integer converts to float32 exactly, or rounds to a float32
	// beyond 65520 that is infinite in half precision anyway: one rounding.
	if ds == 1 && ss == 1 {
		s = s[si : si+n]
		d = d[di : di+len(s)]
		for i, x := range s {
			d[i] = f32ToF16(float32(x))
		}
		return
	}
	for ; n > 0; n-- {
		d[di] = f32ToF16(float32(s[si]))
		di, si = di+ds, si+ss
	}
}

func rowF64ToF16(d []uint16, di, ds int, s []float64, si, ss, n int) {
	if ds == 1 && ss == 1 {
		s = s[si : si+n]
		d = d[di : di+len(s)]
		for i, x := range s {
			d[i] = f64ToF16(x)
		}
		return
	}
	for ; n > 0; n-- {
		d[di] = f64ToF16(s[si])
		di, si = di+ds, si+ss
	}
}

// The complex kernels are not hot paths: one strided loop each.

func rowC64ToReal[D realNum](d []D, di, ds int, s []complex64, si, ss, n int) {
	for ; n > 0; n-- {
		d[di] = D(real(s[si]))
		di, si = di+ds, si+ss
	}
}

func rowC128ToReal[D realNum](d []D, di, ds int, s []complex128, si, ss, n int) {
	for ; n > 0; n-- {
		d[di] = D(real(s[si]))
		di, si = di+ds, si+ss
	}
}

func rowC64ToF16(d []uint16, di, ds int, s []complex64, si, ss, n int) {
	for ; n > 0; n-- {
		d[di] = f32ToF16(real(s[si]))
		di, si = di+ds, si+ss
	}
}

func rowC128ToF16(d []uint16, di, ds int, s []complex128, si, ss, n int) {
	for ; n > 0; n-- {
		d[di] = f64ToF16(real(s[si]))
		di, si = di+ds, si+ss
	}
}

func rowToC64[S realNum](d []complex64, di, ds int, s []S, si, ss, n int) {
	for ; n > 0; n-- {
		d[di] = complex(float32(s[si]), 0)
		di, si = di+ds, si+ss
	}
}

func rowToC128[S realNum](d []complex128, di, ds int, s []S, si, ss, n int) {
	for ; n > 0; n-- {
		d[di] = complex(float64(s[si]), 0)
		di, si = di+ds, si+ss
	}
}

func rowF16ToC64(d []complex64, di, ds int, s []uint16, si, ss, n int) {
	tab := f16Table()
	for ; n > 0; n-- {
		d[di] = complex(tab[s[si]], 0)
		di, si = di+ds, si+ss
	}
}

func rowF16ToC128(d []complex128, di, ds int, s []uint16, si, ss, n int) {
	tab := f16Table()
	for ; n > 0; n-- {
		d[di] = complex(float64(tab[s[si]]), 0)
		di, si = di+ds, si+ss
	}
}

func rowC64ToC128(d []complex128, di, ds int, s []complex64, si, ss, n int) {
	for ; n > 0; n-- {
		d[di] = complex128(s[si])
		di, si = di+ds, si+ss
	}
}

func rowC128ToC64(d []complex64, di, ds int, s []complex128, si, ss, n int) {
	for ; n > 0; n-- {
		d[di] = complex64(s[si])
		di, si = di+ds, si+ss
	}
}

// ---------------------------------------------------------------------
// IEEE half precision (SEMANTICS C6).

// f16Table maps every float16 bit pattern to its float32 value, as
// x448/float16 converts it (exactly; NaNs keep sign and payload and become
// quiet). It is built on first use, from x448/float16 itself: 65,536
// conversions, about 0.15 ms here, paid only by programs that convert float16
// (BenchmarkF16Table).
var f16Table = sync.OnceValue(func() *[1 << 16]float32 {
	t := new([1 << 16]float32)
	for i := range t {
		t[i] = float16.Frombits(uint16(i)).Float32()
	}
	return t
})

// f32ToF16 returns the float16 bits nearest to f, ties to even: the result
// of x448/float16's Fromfloat32, computed without its per-bit loops.
func f32ToF16(f float32) uint16 {
	u := math.Float32bits(f)
	sign := uint16(u>>16) & 0x8000
	a := u & 0x7fffffff
	switch {
	case a > 0x7f800000: // NaN: keep the leading payload bits, set quiet
		return sign | 0x7e00 | uint16(a>>13)&0x3ff
	case a >= 0x477ff000: // 65520 and above, Inf: overflow to Inf
		return sign | 0x7c00
	case a < 0x38800000: // below 2^-14: a half subnormal or zero
		// Adding 0.5, whose float32 ulp is 2^-24 (the half subnormal
		// step), rounds |f| to that step, ties to even; the low bits of
		// the sum count the steps.
		return sign | uint16(math.Float32bits(float32(math.Float32frombits(a)+0.5))-0x3f000000)
	}
	// Normal: rebias the exponent (127 to 15) and round the 23-bit
	// fraction to 10 bits, ties to even; a carry moves into the exponent.
	return sign | uint16((a+0xfff+(a>>13)&1-0x38000000)>>13)
}

// f64ToF16 returns the float16 bits nearest to f, ties to even, rounding
// once (not through float32). NaN keeps its sign and leading payload bits
// and becomes quiet, as a float64 to float32 to float16 conversion would.
func f64ToF16(f float64) uint16 {
	u := math.Float64bits(f)
	sign := uint16(u>>48) & 0x8000
	a := u &^ (1 << 63)
	switch {
	case a > 0x7ff0000000000000: // NaN
		return sign | 0x7e00 | uint16(a>>42)&0x3ff
	case a >= 0x40effe0000000000: // 65520 and above, Inf
		return sign | 0x7c00
	case a < 0x3f10000000000000: // below 2^-14
		// 2^28 has a float64 ulp of 2^-24, the half subnormal step.
		return sign | uint16(math.Float64bits(float64(math.Float64frombits(a)+0x1p28))-0x41b0000000000000)
	}
	return sign | uint16((a+(1<<41-1)+(a>>42)&1-1008<<52)>>42)
}
