package ndview

// Padding (NumPy's np.pad, semantics.md §14): a new array, or a
// destination, holding the input in its centre and, around it, borders
// filled by one of NumPy's modes.
//
// The work follows NumPy's arraypad.py step for step, because its results
// depend on the order of the steps (corners take the value of the last
// axis; reflections wider than the axis reflect the values written by the
// step before):
//
//  1. the input is copied once into the centre of the result (the copy
//     kernels of CopyFrom);
//  2. the axes are padded in order; axis k works on the region of the
//     result that is whole along the axes before k and the centre along
//     the axes after k (NumPy's _view_roi);
//  3. each border of an axis is filled by bulk copies of views of the
//     result: a broadcast of the edge slab (edge), a reversed slab
//     (reflect, symmetric), a slab from the other side (wrap), or a fill
//     (constant). Reflections and wraps wider than the axis repeat step 3
//     as NumPy does, each time from a longer stretch of valid values.
//
// Only the arithmetic modes (linear_ramp, maximum, minimum, mean, median,
// and reflect_type odd) compute values, line by line along the padded axis;
// they touch the borders and the stat lengths only.

import (
	"math"
	"slices"

	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
	"github.com/x448/float16"
)

// padKind is NumPy's mode argument.
type padKind uint8

const (
	padConstant padKind = iota
	padEdge
	padReflect
	padSymmetric
	padWrap
	padLinearRamp
	padMaximum
	padMinimum
	padMean
	padMedian
)

var padNames = [...]string{"constant", "edge", "reflect", "symmetric", "wrap", "linear_ramp", "maximum", "minimum", "mean", "median"}

// PadMode is how Pad fills the borders: NumPy's mode argument together
// with the keyword arguments that go with it (constant_values,
// end_values, reflect_type, stat_length). Build one with PadConstant,
// PadEdge, PadReflect and the other Pad… functions below; the zero
// PadMode is NumPy's default, mode="constant" with constant_values=0.
//
// Why a value built by functions, rather than an options struct or one
// function per mode: a PadMode says in one expression everything that
// belongs to the mode and nothing that does not (a stat length cannot be
// given to reflect by mistake), the call reads as NumPy's does
// (Pad(a, w, PadReflect()) for np.pad(a, w, "reflect")), and Pad and
// PadInto stay one pair of functions whatever the mode. The modes with
// values (PadConstant, PadLinearRamp) keep them typed as T; Pad panics
// when their type is not the view's element type, since an untyped
// constant such as PadConstant(1) is an int and would not pad a float64
// view: write PadConstant(1.0) or PadConstant[float64](1).
type PadMode struct {
	kind   padKind
	odd    bool     // reflect_type="odd"
	values any      // [][2]T: constant_values or end_values; nil is all zeros
	stat   [][2]int // stat_length; nil is the whole axis
}

// String returns NumPy's name of the mode, with ", odd" for
// reflect_type="odd".
func (m PadMode) String() string {
	if m.odd {
		return padNames[m.kind] + ", odd"
	}
	return padNames[m.kind]
}

// PadConstant returns the mode that fills every border with x (NumPy's
// mode="constant", constant_values=x). x must have the element type of
// the padded view.
func PadConstant[T any](x T) PadMode {
	return PadMode{kind: padConstant, values: [][2]T{{x, x}}}
}

// PadConstantPairs returns the mode that fills the borders of axis k with
// values[k][0] before and values[k][1] after (NumPy's constant_values as
// ((before, after), …)). One pair applies to every axis. Where the borders
// of two axes meet (the corners), the later axis's value wins, as in
// NumPy.
func PadConstantPairs[T any](values [][2]T) PadMode {
	return PadMode{kind: padConstant, values: slices.Clone(values)}
}

// PadEdge returns the mode that repeats the edge values (NumPy's
// mode="edge").
func PadEdge() PadMode { return PadMode{kind: padEdge} }

// PadReflect returns the mode that mirrors the values about the edge,
// without repeating it: 1 2 3 padded by 2 is 3 2 1 2 3 2 1 (NumPy's
// mode="reflect"). Borders wider than the axis reflect again, as NumPy
// does; an axis of extent 1 repeats its element.
func PadReflect() PadMode { return PadMode{kind: padReflect} }

// PadReflectOdd is PadReflect with NumPy's reflect_type="odd": a mirrored
// value x becomes 2·edge − x, computed in the element type (integers
// wrap).
func PadReflectOdd() PadMode { return PadMode{kind: padReflect, odd: true} }

// PadSymmetric returns the mode that mirrors the values including the
// edge: 1 2 3 padded by 2 is 2 1 1 2 3 3 2 (NumPy's mode="symmetric").
func PadSymmetric() PadMode { return PadMode{kind: padSymmetric} }

// PadSymmetricOdd is PadSymmetric with reflect_type="odd" (see
// PadReflectOdd).
func PadSymmetricOdd() PadMode { return PadMode{kind: padSymmetric, odd: true} }

// PadWrap returns the mode that repeats the axis periodically: 1 2 3
// padded by 2 is 2 3 1 2 3 1 2 (NumPy's mode="wrap").
func PadWrap() PadMode { return PadMode{kind: padWrap} }

// PadLinearRamp returns the mode that fills each border with a linear
// ramp from end, at the outer end, towards the edge value (NumPy's
// mode="linear_ramp", end_values=end). The ramp is NumPy's
// linspace(end, edge, width, endpoint=False), computed in float64 for
// integers (then rounded down) and in the element type for floats.
func PadLinearRamp[T any](end T) PadMode {
	return PadMode{kind: padLinearRamp, values: [][2]T{{end, end}}}
}

// PadLinearRampPairs is PadLinearRamp with end values per axis, (before,
// after) (NumPy's end_values as ((before, after), …)); one pair applies to
// every axis.
func PadLinearRampPairs[T any](end [][2]T) PadMode {
	return PadMode{kind: padLinearRamp, values: slices.Clone(end)}
}

// PadMaximum returns the mode that fills each border with the maximum of
// the values along the axis (NumPy's mode="maximum"). statLength, as for
// widths, gives one (before, after) pair per axis or one pair for every
// axis: the number of values next to each edge that the statistic takes.
// With no pairs, or a length of 0 or more than the extent, the statistic
// takes the whole axis (NumPy's stat_length=None). A NaN gives NaN.
func PadMaximum(statLength ...[2]int) PadMode {
	return PadMode{kind: padMaximum, stat: slices.Clone(statLength)}
}

// PadMinimum is PadMaximum with the minimum (NumPy's mode="minimum").
func PadMinimum(statLength ...[2]int) PadMode {
	return PadMode{kind: padMinimum, stat: slices.Clone(statLength)}
}

// PadMean is PadMaximum with the mean (NumPy's mode="mean"). The mean of
// integers is computed in float64 and rounded half to even, as NumPy's
// np.round does (2.5 gives 2); the mean of float16 values is computed in
// float32.
func PadMean(statLength ...[2]int) PadMode {
	return PadMode{kind: padMean, stat: slices.Clone(statLength)}
}

// PadMedian is PadMaximum with the median (NumPy's mode="median"): of an
// even count, the mean of the middle two values, rounded half to even for
// integers.
func PadMedian(statLength ...[2]int) PadMode {
	return PadMode{kind: padMedian, stat: slices.Clone(statLength)}
}

// Pad returns a new C-contiguous array holding a, with widths[k][0]
// elements added before and widths[k][1] after along each axis k, filled
// as mode says (NumPy's np.pad(a, widths, mode, …)). widths has one
// (before, after) pair per axis, or one pair for every axis (NumPy's
// ((before, after),)); NumPy's pad_width=n is [][2]int{{n, n}}. Widths may
// exceed the extent of the axis in every mode. The result shares nothing
// with a. See PadMode and its constructors for the modes, and
// semantics.md §14 for every rule.
//
// Pad returns an error wrapping ErrShape, and no array, when a mode other
// than constant must extend an axis of extent 0 (NumPy raises "can't
// extend empty axis"): there are no values to repeat.
//
// Pad panics, as a caller's mistake, with an error wrapping ErrShape when
// a width is negative or widths or a mode's pairs do not have one pair or
// one per axis, or a stat length is negative; ErrOverflow when the padded
// size overflows; and ErrType when a mode's values are not of type T, or
// the mode computes values (linear_ramp, maximum, minimum, mean, median)
// and T is not an integer or float type, or reflect_type odd is asked of
// a type that is not numeric. It allocates the result and, for the
// arithmetic modes, a few small buffers.
func Pad[T any](a NDView[T], widths [][2]int, mode PadMode) (NDView[T], error) {
	var pp padPlan[T]
	pp.check("Pad", &a, widths, mode)
	if err := pp.checkEmpty("Pad", &a); err != nil {
		return NDView[T]{}, err
	}
	size, err := layout.CheckShape("Pad", pp.shape[:pp.ndim], mem.Sizeof[T]())
	if err != nil {
		panic(err)
	}
	out := newView(make([]T, size), 0, pp.ndim)
	copy(out.lay.Shape(), pp.shape[:pp.ndim])
	layout.FillCStrides(pp.shape[:pp.ndim], out.lay.Strides())
	pp.run(out, a)
	return out, nil
}

// PadInto is Pad writing into dst, whose shape must be the padded shape.
// dst may share memory with a: the result is as if a had first been
// copied (it is, into a temporary that PadInto then allocates). Otherwise
// PadInto allocates only the small buffers of the arithmetic modes, and
// for views of more than 4 axes the layouts of its sub-views.
//
// PadInto returns Pad's error, before writing anything. It panics as Pad
// does, and also with an error wrapping ErrReadOnly when dst is read-only
// and ErrShape when dst does not have the padded shape, before writing
// anything.
func PadInto[T any](dst, a NDView[T], widths [][2]int, mode PadMode) error {
	var pp padPlan[T]
	pp.check("PadInto", &a, widths, mode)
	if dst.lay.Flags&layout.FlagReadOnly != 0 {
		panicf("PadInto", ErrReadOnly, "assignment destination is read-only")
	}
	if want := pp.shape[:pp.ndim]; !slices.Equal(dst.lay.Shape(), want) {
		panicf("PadInto", ErrShape, "destination has shape %s, the padded shape of %s is %s",
			formatShape(dst.lay.Shape()), formatShape(a.lay.Shape()), formatShape(want))
	}
	if err := pp.checkEmpty("PadInto", &a); err != nil {
		return err
	}
	if shareMemory(&dst, &a) {
		a = a.Clone() // semantics.md W3
	}
	pp.run(dst, a)
	return nil
}

// padPlan is one call of Pad or PadInto, checked: the widths and values
// broadcast to every axis, and the padded shape.
type padPlan[T any] struct {
	mode   PadMode
	ndim   int
	w      [MaxRank][2]int // widths per axis
	stat   [MaxRank][2]int // stat lengths per axis, 0 for the whole axis
	vals   [MaxRank][2]T   // constant_values or end_values per axis
	shape  [MaxRank]int    // the padded shape
	kind   mem.Kind
	floatK bool // T is float16, float32 or float64
}

// check validates everything that panics, and fills pp.
func (pp *padPlan[T]) check(op string, a *NDView[T], widths [][2]int, mode PadMode) {
	pp.mode = mode
	m := &pp.mode
	pp.ndim = a.lay.NDim()
	sh := a.lay.Shape()
	if len(widths) == 0 && pp.ndim > 0 {
		panicf(op, ErrShape, "pad_width is empty for an array of shape %s; give one pair, or one per axis", formatShape(sh))
	}
	broadcastPairs(op, "pad_width", widths, pp.w[:pp.ndim], sh)
	for k := range pp.ndim {
		if pp.w[k][0] < 0 || pp.w[k][1] < 0 {
			panicf(op, ErrShape, "index can't contain negative values: pad_width (%d, %d) for axis %d of shape %s",
				pp.w[k][0], pp.w[k][1], k, formatShape(sh))
		}
		n, ok := addInts(sh[k], pp.w[k][0], pp.w[k][1])
		if !ok {
			panicf(op, ErrOverflow, "padded extent of axis %d overflows int: %d + %d + %d", k, sh[k], pp.w[k][0], pp.w[k][1])
		}
		pp.shape[k] = n
	}
	info := mem.InfoOf[T]()
	pp.kind = info.Kind
	pp.floatK = pp.kind == mem.Float16 || pp.kind == mem.Float32 || pp.kind == mem.Float64
	realK := pp.kind >= mem.Int8 && pp.kind <= mem.Float64
	switch {
	case m.odd && !(realK || pp.kind == mem.Complex64 || pp.kind == mem.Complex128):
		panicf(op, ErrType, "reflect_type odd needs a numeric element type, not %s", info.Format)
	case m.kind >= padLinearRamp && !realK:
		panicf(op, ErrType, "mode %s needs an integer or float element type, not %q", padNames[m.kind], info.Format)
	}
	if m.kind >= padMaximum {
		broadcastPairs(op, "stat_length", m.stat, pp.stat[:pp.ndim], sh)
		for k := range pp.ndim {
			if pp.stat[k][0] < 0 || pp.stat[k][1] < 0 {
				panicf(op, ErrShape, "index can't contain negative values: stat_length (%d, %d) for axis %d",
					pp.stat[k][0], pp.stat[k][1], k)
			}
		}
	}
	if m.kind == padConstant || m.kind == padLinearRamp {
		if m.values != nil {
			v, ok := m.values.([][2]T)
			if !ok {
				var z T
				panicf(op, ErrType, "%s values are %T, the view's elements %T; convert the values", padNames[m.kind], m.values, []T{z})
			}
			name := "constant_values"
			if m.kind == padLinearRamp {
				name = "end_values"
			}
			broadcastPairs(op, name, v, pp.vals[:pp.ndim], sh)
		}
	}
}

// broadcastPairs copies pairs into out, one pair per axis: pairs has one
// per axis, one for all (NumPy's ((b, a),)), or none (zero values).
func broadcastPairs[P any](op, name string, pairs [][2]P, out [][2]P, shape []int) {
	switch len(pairs) {
	case 0:
		clear(out)
	case 1:
		for k := range out {
			out[k] = pairs[0]
		}
	case len(out):
		copy(out, pairs)
	default:
		panicf(op, ErrShape, "%s has %d pairs for an array of shape %s; give one pair, or one per axis", name, len(pairs), formatShape(shape))
	}
}

// addInts returns a+b+c for non-negative values and whether it fits.
func addInts(a, b, c int) (int, bool) {
	s := a + b
	if s < a {
		return 0, false
	}
	t := s + c
	return t, t >= s
}

// checkEmpty returns NumPy's error for a mode that must extend an empty
// axis.
func (pp *padPlan[T]) checkEmpty(op string, a *NDView[T]) error {
	if pp.mode.kind == padConstant {
		return nil
	}
	sh := a.lay.Shape()
	for k := range pp.ndim {
		if sh[k] == 0 && pp.w[k] != [2]int{} {
			return errorf(op, ErrShape, "can't extend empty axis %d using modes other than 'constant' (mode %s, shape %s, pad_width (%d, %d))",
				k, pp.mode, formatShape(sh), pp.w[k][0], pp.w[k][1])
		}
	}
	return nil
}

// run pads a into out, whose shape is the padded shape and which shares
// no memory with a.
func (pp *padPlan[T]) run(out, a NDView[T]) {
	if out.Size() == 0 {
		return
	}
	sh := a.lay.Shape()
	// 1. The centre.
	centre := out
	for k := range pp.ndim {
		centre = axisPart(centre, k, pp.w[k][0], sh[k])
	}
	copyDisjoint(centre, a)
	if a.Size() == 0 && pp.mode.kind != padConstant {
		return // checkEmpty: no axis to extend
	}
	// 2. The axes in order, each on its region (NumPy's _view_roi).
	for ax := range pp.ndim {
		w := pp.w[ax]
		if w == [2]int{} {
			continue
		}
		roi := out
		for k := ax + 1; k < pp.ndim; k++ {
			roi = axisPart(roi, k, pp.w[k][0], sh[k])
		}
		pp.axis(roi, ax, w, sh[ax])
	}
}

// axis pads axis ax of roi, whose centre along ax is [w[0], w[0]+n).
func (pp *padPlan[T]) axis(roi NDView[T], ax int, w [2]int, n int) {
	m := &pp.mode
	L := w[0] + n + w[1]
	before, after := axisPart(roi, ax, 0, w[0]), axisPart(roi, ax, w[0]+n, w[1])
	switch {
	case m.kind == padConstant:
		before.Fill(pp.vals[ax][0])
		after.Fill(pp.vals[ax][1])
	case m.kind == padEdge || (m.kind == padReflect || m.kind == padSymmetric) && n == 1:
		// semantics.md D5 (and §10 Q8): reflect on an axis of extent 1
		// repeats the edge, as NumPy does.
		copyDisjoint(before, axisPart(roi, ax, w[0], 1))
		copyDisjoint(after, axisPart(roi, ax, w[0]+n-1, 1))
	case m.kind == padReflect || m.kind == padSymmetric:
		lp, rp := w[0], w[1]
		for lp > 0 || rp > 0 {
			lp, rp = pp.reflectStep(roi, ax, L, lp, rp)
		}
	case m.kind == padWrap:
		lp, rp := w[0], w[1]
		for lp > 0 || rp > 0 {
			lp, rp = wrapStep(roi, ax, L, lp, rp)
		}
	default:
		padArith(pp, roi, ax, w, n)
	}
}

// reflectStep is NumPy's _set_reflect_both: one round of reflection into
// the unfilled borders lp and rp of an axis of padded extent L, from the
// values filled so far. It returns the borders still unfilled.
func (pp *padPlan[T]) reflectStep(roi NDView[T], ax, L, lp, rp int) (int, int) {
	eo := 0 // edge offset: 1 for symmetric, which repeats the edge
	old := L - lp - rp
	if pp.mode.kind == padSymmetric {
		eo = 1
	} else {
		old--
	}
	if lp > 0 {
		c := min(old, lp)
		// dst [lp-c, lp) ← src lp-eo+c, …, lp-eo+1 (reversed)
		src := axisPart(roi, ax, lp-eo+1, c).Flip(ax)
		dst := axisPart(roi, ax, lp-c, c)
		pp.reflectCopy(dst, src, axisPart(roi, ax, lp, 1), ax)
		lp -= c
	}
	if rp > 0 {
		c := min(old, rp)
		// dst [L-rp, L-rp+c) ← src L-rp+eo-2, …, L-rp+eo-1-c (reversed)
		src := axisPart(roi, ax, L-rp+eo-1-c, c).Flip(ax)
		dst := axisPart(roi, ax, L-rp, c)
		pp.reflectCopy(dst, src, axisPart(roi, ax, L-rp-1, 1), ax)
		rp -= c
	}
	return lp, rp
}

// reflectCopy copies src into dst, or for reflect_type odd stores
// 2·edge − src.
func (pp *padPlan[T]) reflectCopy(dst, src, edge NDView[T], ax int) {
	if !pp.mode.odd {
		copyDisjoint(dst, src)
		return
	}
	padOdd(pp.kind, dst, src, edge, ax)
}

// wrapStep is NumPy's _set_wrap_both: one round of periodic copies into
// the unfilled borders lp and rp.
func wrapStep[T any](roi NDView[T], ax, L, lp, rp int) (int, int) {
	period := L - lp - rp
	nl, nr := 0, 0
	if lp > 0 {
		c := min(period, lp)
		src := axisPart(roi, ax, L-rp-c, c)
		start := 0
		if lp > period {
			start, nl = lp-period, lp-period
		}
		copyDisjoint(axisPart(roi, ax, start, c), src)
	}
	if rp > 0 {
		c := min(period, rp)
		src := axisPart(roi, ax, lp, c)
		if rp > period {
			nr = rp - period
		}
		copyDisjoint(axisPart(roi, ax, L-rp, c), src)
	}
	return nl, nr
}

// axisPart returns v restricted to [start, start+n) along axis ax, a view
// that shares v's data; 0 <= start <= start+n <= the extent.
func axisPart[T any](v NDView[T], ax, start, n int) NDView[T] {
	nd := v.lay.NDim()
	r := v.derive(nd)
	copy(r.lay.Shape(), v.lay.Shape())
	copy(r.lay.Strides(), v.lay.Strides())
	if n > 0 {
		r.lay.Off += start * r.lay.Strides()[ax]
	}
	r.lay.Shape()[ax] = n
	return r
}

// copyDisjoint copies src into dst, broadcasting src, when the two share
// no element: two parts of one padded array, which CopyFrom's overlap test
// (by address ranges) would copy through a temporary.
func copyDisjoint[T any](dst, src NDView[T]) {
	var p plan.Plan
	if !planWrite("Pad", &p, &dst.lay, &src.lay) {
		return
	}
	p.Simplify(true)
	runCopy(&p, dst.data, src.data)
}

// Arithmetic modes.

// retype returns v as a view of U, which has T's representation (kind).
func retype[U, T any](v NDView[T]) NDView[U] {
	return NDView[U]{lay: v.lay, data: mem.As[U](mem.Erase(v.data))}
}

// padOdd stores 2·edge − src into dst for the numeric kind k of T.
func padOdd[T any](k mem.Kind, dst, src, edge NDView[T], ax int) {
	switch k {
	case mem.Int8:
		oddLines(retype[int8](dst), retype[int8](src), retype[int8](edge), ax)
	case mem.Int16:
		oddLines(retype[int16](dst), retype[int16](src), retype[int16](edge), ax)
	case mem.Int32:
		oddLines(retype[int32](dst), retype[int32](src), retype[int32](edge), ax)
	case mem.Int64:
		oddLines(retype[int64](dst), retype[int64](src), retype[int64](edge), ax)
	case mem.Uint8:
		oddLines(retype[uint8](dst), retype[uint8](src), retype[uint8](edge), ax)
	case mem.Uint16:
		oddLines(retype[uint16](dst), retype[uint16](src), retype[uint16](edge), ax)
	case mem.Uint32:
		oddLines(retype[uint32](dst), retype[uint32](src), retype[uint32](edge), ax)
	case mem.Uint64:
		oddLines(retype[uint64](dst), retype[uint64](src), retype[uint64](edge), ax)
	case mem.Float32:
		oddLines(retype[float32](dst), retype[float32](src), retype[float32](edge), ax)
	case mem.Float64:
		oddLines(retype[float64](dst), retype[float64](src), retype[float64](edge), ax)
	case mem.Complex64:
		oddLines(retype[complex64](dst), retype[complex64](src), retype[complex64](edge), ax)
	case mem.Complex128:
		oddLines(retype[complex128](dst), retype[complex128](src), retype[complex128](edge), ax)
	case mem.Float16:
		d, s, e := retype[float16.Float16](dst), retype[float16.Float16](src), retype[float16.Float16](edge)
		forLines(&d, ax, &s, &e, func(do, ds, so, ss, eo, n int) {
			// NumPy: 2*e rounded to half precision, then the difference.
			twice := float16.Fromfloat32(2 * e.data[eo].Float32()).Float32()
			for range n {
				d.data[do] = float16.Fromfloat32(twice - s.data[so].Float32())
				do, so = do+ds, so+ss
			}
		})
	}
}

// oddLines stores 2·edge − src into dst, in U: integers wrap; the product
// is rounded before the difference, as NumPy computes it.
func oddLines[U Numeric](dst, src, edge NDView[U], ax int) {
	forLines(&dst, ax, &src, &edge, func(do, ds, so, ss, eo, n int) {
		twice := U(2) * edge.data[eo]
		for range n {
			dst.data[do] = twice - src.data[so]
			do, so = do+ds, so+ss
		}
	})
}

// forLines calls f once per line of dst along axis ax: the offsets and
// strides along ax of the line in dst and in src (which has dst's shape,
// or any extent along ax), and the offset of the matching element of the
// slab e (extent 1 along ax), and the line's length.
func forLines[U any](dst *NDView[U], ax int, src, e *NDView[U], f func(do, ds, so, ss, eo, n int)) {
	sh := dst.lay.Shape()
	nd := len(sh)
	dst0, src0, e0 := dst.lay.Strides(), src.lay.Strides(), e.lay.Strides()
	var idx [MaxRank]int
	for _, n := range sh {
		if n == 0 {
			return
		}
	}
	if src.lay.Shape()[ax] == 0 {
		return
	}
	do, so, eo := dst.lay.Off, src.lay.Off, e.lay.Off
	for {
		f(do, dst0[ax], so, src0[ax], eo, sh[ax])
		k := nd - 1
		for ; k >= 0; k-- {
			if k == ax {
				continue
			}
			idx[k]++
			do, so, eo = do+dst0[k], so+src0[k], eo+e0[k]
			if idx[k] < sh[k] {
				break
			}
			do, so, eo = do-sh[k]*dst0[k], so-sh[k]*src0[k], eo-sh[k]*e0[k]
			idx[k] = 0
		}
		if k < 0 {
			return
		}
	}
}

// padArith fills the borders of axis ax of roi for the modes that compute
// values, for the integer or float kind of T.
func padArith[T any](pp *padPlan[T], roi NDView[T], ax int, w [2]int, n int) {
	switch pp.kind {
	case mem.Int8:
		arithAxis[int8](pp, roi, ax, w, n)
	case mem.Int16:
		arithAxis[int16](pp, roi, ax, w, n)
	case mem.Int32:
		arithAxis[int32](pp, roi, ax, w, n)
	case mem.Int64:
		arithAxis[int64](pp, roi, ax, w, n)
	case mem.Uint8:
		arithAxis[uint8](pp, roi, ax, w, n)
	case mem.Uint16:
		arithAxis[uint16](pp, roi, ax, w, n)
	case mem.Uint32:
		arithAxis[uint32](pp, roi, ax, w, n)
	case mem.Uint64:
		arithAxis[uint64](pp, roi, ax, w, n)
	case mem.Float16:
		arithAxis[float16.Float16](pp, roi, ax, w, n)
	case mem.Float32:
		arithAxis[float32](pp, roi, ax, w, n)
	case mem.Float64:
		arithAxis[float64](pp, roi, ax, w, n)
	}
}

// numKind describes how U's values are computed: float16 in float32 with
// a rounding to half precision, float32 with a rounding to float32, the
// rest in float64.
type numKind struct {
	f16, f32, isFloat bool
}

func numKindOf(k mem.Kind) numKind {
	return numKind{f16: k == mem.Float16, f32: k == mem.Float32, isFloat: k == mem.Float16 || k == mem.Float32 || k == mem.Float64}
}

// round rounds x, a float64, to the precision the element type computes
// in (float32 for both float16 and float32, as NumPy's float16 loops do).
func (nk numKind) round(x float64) float64 {
	if nk.f16 || nk.f32 {
		return float64(float32(x))
	}
	return x
}

// roundElem rounds x to the precision of the element type itself.
func (nk numKind) roundElem(x float64) float64 {
	switch {
	case nk.f16:
		return float64(float16.Frombits(f64ToF16(x)).Float32())
	case nk.f32:
		return float64(float32(x))
	}
	return x
}

// load returns u as a float64.
func load[U Real](nk numKind, u U) float64 {
	if nk.f16 {
		return float64(float16.Frombits(uint16(u)).Float32())
	}
	return float64(u)
}

// store returns x as a U: rounded half to even for integers (NumPy's
// np.round after the float computation), rounded once for floats.
func store[U Real](nk numKind, x float64) U {
	switch {
	case nk.f16:
		return U(f64ToF16(x))
	case nk.isFloat:
		return U(x)
	}
	return U(math.RoundToEven(x))
}

// arithAxis pads axis ax of roi (as U) for linear_ramp, maximum, minimum,
// mean or median.
func arithAxis[U Real, T any](pp *padPlan[T], roiT NDView[T], ax int, w [2]int, n int) {
	roi := retype[U](roiT)
	nk := numKindOf(pp.kind)
	before, after := axisPart(roi, ax, 0, w[0]), axisPart(roi, ax, w[0]+n, w[1])
	if pp.mode.kind == padLinearRamp {
		vals := mem.As[U](mem.Erase(pp.vals[ax][:]))
		ramp(nk, before, axisPart(roi, ax, w[0], 1), ax, load(nk, vals[0]), false)
		ramp(nk, after, axisPart(roi, ax, w[0]+n-1, 1), ax, load(nk, vals[1]), true)
		return
	}
	// Statistics: computed into the border's slab next to the centre,
	// then broadcast over the rest of the border.
	lens := pp.stat[ax]
	for side, pad := range [2]NDView[U]{before, after} {
		if w[side] == 0 {
			continue
		}
		sl := lens[side]
		if sl == 0 || sl > n {
			sl = n
		}
		chunk, slab, rest := axisPart(roi, ax, w[0], sl), axisPart(pad, ax, w[0]-1, 1), axisPart(pad, ax, 0, w[0]-1)
		if side == 1 {
			chunk, slab, rest = axisPart(roi, ax, w[0]+n-sl, sl), axisPart(pad, ax, 0, 1), axisPart(pad, ax, 1, w[1]-1)
		}
		stat(nk, pp.mode.kind, slab, chunk, ax)
		copyDisjoint(rest, slab)
	}
}

// stat stores into the slab (extent 1 along ax) the statistic of each
// line of chunk along ax.
func stat[U Real](nk numKind, kind padKind, slab, chunk NDView[U], ax int) {
	var buf []float64
	forLines(&slab, ax, &chunk, &slab, func(do, _, so, ss, _, _ int) {
		m := chunk.lay.Shape()[ax]
		if kind == padMaximum || kind == padMinimum {
			slab.data[do] = extreme(nk, chunk.data, so, ss, m, kind == padMaximum)
			return
		}
		buf = buf[:0]
		nan := false
		for i := range m {
			x := load(nk, chunk.data[so+i*ss])
			nan = nan || x != x
			buf = append(buf, x)
		}
		var r float64
		switch {
		case nan:
			r = math.NaN()
		case kind == padMean:
			for _, x := range buf {
				r = nk.round(r + x)
			}
			r = nk.round(r / float64(m))
		default: // median
			slices.Sort(buf)
			if m%2 == 1 {
				r = buf[m/2]
			} else {
				r = nk.round(nk.round(buf[m/2-1]+buf[m/2]) / 2)
			}
		}
		slab.data[do] = store[U](nk, r)
	})
}

// extreme returns the maximum (or minimum) of the m elements of data from
// so, step ss; the first NaN if there is one, as NumPy's amax.
func extreme[U Real](nk numKind, data []U, so, ss, m int, isMax bool) U {
	best := data[so]
	bf := load(nk, best)
	for i := 1; i < m && bf == bf; i++ {
		x := data[so+i*ss]
		xf := load(nk, x)
		better := isMax && x > best || !isMax && x < best
		if nk.f16 {
			better = isMax && xf > bf || !isMax && xf < bf
		}
		if xf != xf || better {
			best, bf = x, xf
		}
	}
	return best
}

// ramp fills pad (along ax) with NumPy's linspace(end, edge, width,
// endpoint=False), reversed when rev (the border after the centre).
// linspace computes in float64 for integers and in the element type for
// floats (float64 for 1-D views, as NumPy): step = (edge − end)/width and y_i = i·step + end, except that
// when any step of the border is 0 it computes y_i = (i/width)·(edge −
// end) + end for every element (NumPy's gh-5437 path). Integers are
// rounded down.
func ramp[U Real](nk numKind, pad, edge NDView[U], ax int, end float64, rev bool) {
	width := pad.lay.Shape()[ax]
	if pad.Size() == 0 {
		return
	}
	// linspace computes in the element type, except for 1-D views: their
	// edge is a 0-d array, which NumPy promotes as a scalar, to float64
	// (semantics.md D7).
	rnd := nk.roundElem
	if pad.lay.NDim() == 1 {
		rnd = func(x float64) float64 { return x }
	}
	div := float64(width)
	start := nk.roundElem(end)
	anyZero := false
	forLines(&edge, ax, &edge, &edge, func(_, _, so, _, _, _ int) {
		if rnd(rnd(load(nk, edge.data[so])-start)/div) == 0 {
			anyZero = true
		}
	})
	forLines(&pad, ax, &pad, &edge, func(do, ds, _, _, eo, n int) {
		delta := rnd(load(nk, edge.data[eo]) - start)
		step := rnd(delta / div)
		for i := range n {
			var y float64
			if anyZero {
				y = rnd(rnd(rnd(float64(i)/div)*delta) + start)
			} else {
				y = rnd(rnd(float64(i)*step) + start)
			}
			if !nk.isFloat {
				y = math.Floor(y)
			}
			j := i
			if rev {
				j = n - 1 - i
			}
			pad.data[do+j*ds] = store[U](nk, y)
		}
	})
}
