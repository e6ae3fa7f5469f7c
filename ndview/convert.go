package ndview

// Element-type conversion (NumPy's astype and copyto with casting="unsafe").
//
// ConvertInto plans the walk once per call (internal/plan), dispatches once on
// the two element kinds to a row kernel specialised for the pair, then
// walks the plan row by row (Plan.EachRow): the kernel loops over the
// elements of a row with no call, closure or interface in between. Both
// operands contiguous is one call for the whole view; a source read across
// its rows (a transpose, the channels of an interleaved image) is walked
// in tiles or strips (RowTiles), so that its cache lines are reused. The
// dispatch and the row kernels are generated in internal/kernels from a
// table of conversions (kernels.Convert).

import (
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// ConvertInto writes src, converted element by element to U, into dst: NumPy's
// np.copyto(dst, src, casting="unsafe"), or astype into a preallocated
// view. src is broadcast to dst's shape (semantics.md W1): extra leading
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
//   - bfloat16.BFloat16, float8.E4M3FN and float8.E5M2 are floats too
//     (semantics.md §26): to any type exactly through float32; any type to
//     them through float32 (float64 rounds twice, as PyTorch converts).
//   - complex to real keeps the real part (NumPy also drops the imaginary
//     part, with a ComplexWarning); real to complex has imaginary part 0.
//
// Float to integer truncates toward zero. When the truncated value does not
// fit the integer type, or is NaN, the result is Go's: implementation
// specific, like NumPy's (undefined behaviour in C); it is never a panic.
// Integer to integer wraps modulo 2^bits, float64 to float32 rounds to
// nearest even, as in Go.
//
// ConvertInto panics with an error wrapping ErrReadOnly when dst is read-only,
// and ErrShape when src cannot be broadcast to dst's shape.
func ConvertInto[U, T Numeric](dst NDView[U], src NDView[T]) {
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
		plan.Parallel(&p, w, func(part *plan.Plan) { convertKinds(kd, d, ks, s, part) })
		return
	}
	convertKinds(kd, d, ks, s, &p)
}

// convertKinds converts along p with the kernels of the pair of kinds:
// kernels.ConvertNarrow when one is bfloat16 or a float8 (semantics.md
// §26), kernels.Convert otherwise. Direct calls keep p on the caller's
// stack.
func convertKinds(kd mem.Kind, d mem.Raw, ks mem.Kind, s mem.Raw, p *plan.Plan) {
	if kd.IsNarrow() || ks.IsNarrow() {
		kernels.ConvertNarrow(kd, d, ks, s, p)
		return
	}
	kernels.Convert(kd, d, ks, s, p)
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
	if !plan2(op, p, dst, &src) {
		return src, 0
	}
	dsize, ssize := mem.Sizeof[U](), mem.Sizeof[T]()
	p.RowTiles(dsize, ssize)
	return src, plan.Workers(p, p.Size*(dsize+ssize))
}

// The float16 helpers of internal/kernels, under the names the rest of
// the package uses (semantics.md C6).

// f16Table returns the float32 value of every float16 bit pattern
// (kernels.F16Table), built on first use.
var f16Table = kernels.F16Table

// f32ToF16 returns the float16 bits nearest to f, ties to even.
func f32ToF16(f float32) uint16 { return kernels.F32ToF16(f) }

// f64ToF16 returns the float16 bits nearest to f, ties to even, rounding
// once.
func f64ToF16(f float64) uint16 { return kernels.F64ToF16(f) }
