package ndview

// Cumulative operations and differences (NumPy's cumsum, cumprod,
// nancumsum, nancumprod, diff, gradient, trapz and ediff1d), semantics.md
// §19.
//
// Cumulative sums along an axis run in one of two ways. When the axis is
// the innermost in memory, each line is scanned on its own. Otherwise the
// result is built a whole row at a time: row k of the result is row k−1
// plus row k of the source, so that every read and write is a contiguous
// stream (along axis 0 of a C-contiguous matrix, rows of the matrix)
// instead of a strided walk per column.

import (
	"math"
	"slices"

	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// walkLines calls f for every line along axis ax of the shape sh, with
// each operand's offset of the line's first element: operand k starts at
// offs[k] with strides sts[k] over sh (its entry for ax is ignored). The
// other axes are walked in C order.
func walkLines(sh []int, ax int, offs []int, sts [][]int, f func(off *[plan.MaxOperands]int)) {
	var other, st [MaxRank]int
	r := 0
	for k, e := range sh {
		if k != ax {
			other[r] = e
			r++
		}
	}
	var p plan.Plan
	p.Init(other[:r])
	for k, s := range sts {
		r = 0
		for a := range sh {
			if a != ax {
				st[r] = s[a]
				r++
			}
		}
		p.Add(offs[k], st[:r])
	}
	if p.Empty() {
		return
	}
	p.Simplify(false)
	w := p.Walk(0)
	for w.Next(&p) {
		f(&w.Off)
	}
}

// ---------------------------------------------------------------------
// Cumulative sums and products.

// cumKind says which cumulative operation runs.
type cumKind uint8

const (
	cumSum     cumKind = iota // running sum
	cumProd                   // running product
	nanCumSum                 // running sum, NaN counted as 0
	nanCumProd                // running product, NaN counted as 1
)

// CumsumInto stores into dst the running sums of the elements of v in C order
// (NumPy's np.cumsum(v), which flattens): dst is 1-D with v's size.
// Integers wrap, as NumPy's do in the same type; floats add in order, as
// NumPy does. When dst shares memory with v, v is copied first. Cumsum
// allocates only to flatten a v that cannot be reshaped without a copy,
// and for that copy.
//
// CumsumInto panics, before writing anything, with an error wrapping
// ErrReadOnly when dst is read-only and ErrShape when dst is not 1-D of
// v's size.
func CumsumInto[T Numeric](dst, v NDView[T]) { cumFlat("Cumsum", dst, v, cumSum) }

// Cumsum returns the running sums of the elements of v in C order, in a new 1-D
// array of v's size (NumPy's np.cumsum(v)), as CumsumInto computes them (semantics.md A1).
func Cumsum[T Numeric](v NDView[T]) NDView[T] {
	dst := Zeros[T](v.Size())
	CumsumInto(dst, v)
	return dst
}

// CumprodInto stores into dst the running products of the elements of v in C
// order (NumPy's np.cumprod(v)), with the rules of Cumsum.
func CumprodInto[T Numeric](dst, v NDView[T]) { cumFlat("Cumprod", dst, v, cumProd) }

// Cumprod returns the running products of the elements of v in C order, in a new 1-D
// array of v's size (NumPy's np.cumprod(v)), as CumprodInto computes them (semantics.md A1).
func Cumprod[T Numeric](v NDView[T]) NDView[T] {
	dst := Zeros[T](v.Size())
	CumprodInto(dst, v)
	return dst
}

// NanCumsumInto is Cumsum with NaNs counted as 0 (NumPy's np.nancumsum(v)).
func NanCumsumInto[T Numeric](dst, v NDView[T]) { cumFlat("NanCumsum", dst, v, nanCumSum) }

// NanCumsum returns the running sums, NaN counted as 0, of the elements of v in C order, in a new 1-D
// array of v's size (NumPy's np.nancumsum(v)), as NanCumsumInto computes them (semantics.md A1).
func NanCumsum[T Numeric](v NDView[T]) NDView[T] {
	dst := Zeros[T](v.Size())
	NanCumsumInto(dst, v)
	return dst
}

// NanCumprodInto is Cumprod with NaNs counted as 1 (NumPy's np.nancumprod(v)).
func NanCumprodInto[T Numeric](dst, v NDView[T]) { cumFlat("NanCumprod", dst, v, nanCumProd) }

// NanCumprod returns the running products, NaN counted as 1, of the elements of v in C order, in a new 1-D
// array of v's size (NumPy's np.nancumprod(v)), as NanCumprodInto computes them (semantics.md A1).
func NanCumprod[T Numeric](v NDView[T]) NDView[T] {
	dst := Zeros[T](v.Size())
	NanCumprodInto(dst, v)
	return dst
}

// CumsumAxisInto stores into dst the running sums of v along axis (NumPy's
// np.cumsum(v, axis=axis, out=dst)); dst has v's shape. Integers wrap;
// floats add in order along the axis. dst may be v itself (in place); when
// it shares memory with v otherwise, v is copied first.
//
// CumsumAxisInto panics, before writing anything, with an error wrapping
// ErrReadOnly when dst is read-only, ErrAxis when axis is outside
// [-ndim, ndim) (a 0-d v has no axis), and ErrShape when dst's shape
// differs from v's.
func CumsumAxisInto[T Numeric](dst, v NDView[T], axis int) {
	cumAxis("CumsumAxis", dst, v, axis, cumSum)
}

// CumprodAxisInto stores into dst the running products of v along axis
// (NumPy's np.cumprod(v, axis=axis, out=dst)), with the rules of
// CumsumAxis.
func CumprodAxisInto[T Numeric](dst, v NDView[T], axis int) {
	cumAxis("CumprodAxis", dst, v, axis, cumProd)
}

// NanCumsumAxisInto is CumsumAxis with NaNs counted as 0 (NumPy's
// np.nancumsum(v, axis=axis)).
func NanCumsumAxisInto[T Numeric](dst, v NDView[T], axis int) {
	cumAxis("NanCumsumAxis", dst, v, axis, nanCumSum)
}

// NanCumprodAxisInto is CumprodAxis with NaNs counted as 1 (NumPy's
// np.nancumprod(v, axis=axis)).
func NanCumprodAxisInto[T Numeric](dst, v NDView[T], axis int) {
	cumAxis("NanCumprodAxis", dst, v, axis, nanCumProd)
}

// flatC returns v as a 1-D view in C order: a view when v allows it, else
// a copy.
func flatC[T any](v NDView[T]) NDView[T] {
	f, err := v.Reshape(v.Size())
	if err != nil {
		f, _ = v.Clone().Reshape(v.Size())
	}
	return f
}

// cumFlat runs the flattening forms.
func cumFlat[T Numeric](op string, dst, v NDView[T], k cumKind) {
	if dst.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	if dst.NDim() != 1 || dst.lay.Shape()[0] != v.Size() {
		panicf(op, ErrShape, "destination shape %s for the running result of %d elements; want (%d,)", formatShape(dst.lay.Shape()), v.Size(), v.Size())
	}
	cumAxis(op, dst, flatC(v), 0, k)
}

// cumAxis runs the cumulative operations along an axis.
func cumAxis[T Numeric](op string, dst, v NDView[T], axis int, k cumKind) {
	if dst.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	sh := v.lay.Shape()
	ax := layout.NormalizeAxis(op, axis, len(sh))
	if !slices.Equal(dst.lay.Shape(), sh) {
		panicf(op, ErrShape, "destination shape %s differs from the source shape %s", formatShape(dst.lay.Shape()), formatShape(sh))
	}
	if v.Size() == 0 {
		return
	}
	if kind, _ := aliasOf(&dst, &v, v.lay.Strides()); kind == aliasSome {
		v = v.Clone()
	}
	m := sh[ax]
	ds, vs := dst.lay.Strides()[ax], v.lay.Strides()[ax]
	// The other axes, walked in dst's memory order.
	var other, dst2, vst2 [MaxRank]int
	r := 0
	for a := range sh {
		if a != ax {
			other[r], dst2[r], vst2[r] = sh[a], dst.lay.Strides()[a], v.lay.Strides()[a]
			r++
		}
	}
	var p plan.Plan
	p.Init(other[:r])
	p.Add(dst.lay.Off, dst2[:r])
	p.Add(v.lay.Off, vst2[:r])
	p.Simplify(true)
	n, dn := p.Inner(0)
	_, vn := p.Inner(1)
	d, s := dst.data, v.data
	if n == 1 || layout.AbsInt(ds) <= layout.AbsInt(dn) {
		// Line by line: the axis is the closest in memory.
		w := p.Walk(0)
		for w.Next(&p) {
			cumLine(d, w.Off[0], ds, s, w.Off[1], vs, m, k)
		}
		return
	}
	// Row by row: row i of the result is row i−1 op row i of v.
	for i := range m {
		w := p.Walk(1)
		for w.Next(&p) {
			di, vi := w.Off[0]+i*ds, w.Off[1]+i*vs
			cumRow(d, di, di-ds, dn, s, vi, vn, n, i == 0, k)
		}
	}
}

// nanTo returns x, or r when x is a NaN.
func nanTo[T Numeric](x, r T) T {
	if x != x {
		return r
	}
	return x
}

// cumLine scans one line of m >= 1 elements. The first result is the
// first element itself (so −0 stays −0, as in NumPy).
func cumLine[T Numeric](d []T, di, ds int, s []T, si, ss, m int, k cumKind) {
	acc := s[si]
	switch k {
	case nanCumSum:
		acc = nanTo(acc, 0)
	case nanCumProd:
		acc = nanTo(acc, 1)
	}
	d[di] = acc
	for range m - 1 {
		di += ds
		si += ss
		switch k {
		case cumSum:
			acc += s[si]
		case cumProd:
			acc *= s[si]
		case nanCumSum:
			acc += nanTo(s[si], 0)
		case nanCumProd:
			acc *= nanTo(s[si], 1)
		}
		d[di] = acc
	}
}

// cumRow writes d[di + j·dn] = d[pi + j·dn] op s[si + j·sn] for j < n, or,
// for the first row, the (NaN-replaced) source.
func cumRow[T Numeric](d []T, di, pi, dn int, s []T, si, sn, n int, first bool, k cumKind) {
	if dn == 1 && sn == 1 {
		dr, sr := d[di:di+n], s[si:si+n]
		if first {
			switch k {
			case nanCumSum:
				for j, x := range sr {
					dr[j] = nanTo(x, 0)
				}
			case nanCumProd:
				for j, x := range sr {
					dr[j] = nanTo(x, 1)
				}
			default:
				copy(dr, sr)
			}
			return
		}
		pr := d[pi : pi+n]
		pr = pr[:len(dr)]
		sr = sr[:len(dr)]
		switch k {
		case cumSum:
			for j := range dr {
				dr[j] = pr[j] + sr[j]
			}
		case cumProd:
			for j := range dr {
				dr[j] = pr[j] * sr[j]
			}
		case nanCumSum:
			for j := range dr {
				dr[j] = pr[j] + nanTo(sr[j], 0)
			}
		case nanCumProd:
			for j := range dr {
				dr[j] = pr[j] * nanTo(sr[j], 1)
			}
		}
		return
	}
	for range n {
		x := s[si]
		switch k {
		case nanCumSum:
			x = nanTo(x, 0)
		case nanCumProd:
			x = nanTo(x, 1)
		}
		switch {
		case first:
			d[di] = x
		case k == cumSum || k == nanCumSum:
			d[di] = d[pi] + x
		default:
			d[di] = d[pi] * x
		}
		di += dn
		pi += dn
		si += sn
	}
}

// ---------------------------------------------------------------------
// Differences.

// DiffInto stores into dst the n-th discrete difference of v along axis
// (NumPy's np.diff(v, n=n, axis=axis)): out[i] = v[i+1] − v[i], applied n
// times, in T (integers wrap, as NumPy's do). dst has v's shape with the
// axis shortened by n (to 0 when n reaches its extent); n = 0 copies v.
// When dst shares memory with v, v is copied first. Diff allocates one
// line of scratch.
//
// DiffInto panics, before writing anything, with an error wrapping
// ErrReadOnly when dst is read-only, ErrAxis for an axis out of range,
// and ErrShape when n < 0 ("order must be non-negative"), v is 0-d ("diff
// requires input that is at least one dimensional") or dst's shape does
// not fit.
func DiffInto[T Numeric](dst, v NDView[T], n, axis int) {
	diff("Diff", dst, v, n, axis, nil, nil, func(a, b T) T { return b - a })
}

// Diff returns the n-th discrete difference of v along axis in a new array
// (NumPy's np.diff(v, n=n, axis=axis)), as DiffInto computes it, of v's
// shape with the axis shortened by n (to 0 when n reaches its extent). It
// panics as DiffInto does (semantics.md A1).
func Diff[T Numeric](v NDView[T], n, axis int) NDView[T] {
	dst := Zeros[T](diffShape("Diff", v.lay.Shape(), n, axis, 0)...)
	DiffInto(dst, v, n, axis)
	return dst
}

// DiffWithInto is Diff of v with prepend and append joined to it along axis
// first (NumPy's np.diff(v, n, axis, prepend=p, append=q)); either may be
// nil. Each is 0-d (one element, broadcast across the other axes) or has
// v's rank with v's extents on the other axes; DiffWith panics with an
// error wrapping ErrShape otherwise. dst's extent along axis is then
// len(prepend) + len(v) + len(append) − n.
func DiffWithInto[T Numeric](dst, v NDView[T], n, axis int, prepend, append *NDView[T]) {
	diff("DiffWith", dst, v, n, axis, prepend, append, func(a, b T) T { return b - a })
}

// DiffWith returns DiffWithInto's result in a new array (NumPy's
// np.diff(v, n, axis, prepend=p, append=q)): v's shape with the extent
// along axis len(prepend) + len(v) + len(append) − n. It panics as
// DiffWithInto does (semantics.md A1).
func DiffWith[T Numeric](v NDView[T], n, axis int, prepend, append *NDView[T]) NDView[T] {
	extra := 0
	for _, p := range []*NDView[T]{prepend, append} {
		switch {
		case p == nil:
		case p.NDim() == 0:
			extra++
		case p.NDim() == v.NDim():
			extra += p.lay.Shape()[layout.NormalizeAxis("DiffWith", axis, v.NDim())]
		}
	}
	dst := Zeros[T](diffShape("DiffWith", v.lay.Shape(), n, axis, extra)...)
	DiffWithInto(dst, v, n, axis, prepend, append)
	return dst
}

// DiffBoolInto is Diff of booleans (NumPy's np.diff of a bool array): each
// difference is b != a (xor).
func DiffBoolInto(dst, v NDView[bool], n, axis int) {
	diff("DiffBool", dst, v, n, axis, nil, nil, func(a, b bool) bool { return a != b })
}

// DiffBool returns DiffBoolInto's result in a new array, of v's shape with
// the axis shortened by n (NumPy's np.diff of a bool array). It panics as
// DiffBoolInto does (semantics.md A1).
func DiffBool(v NDView[bool], n, axis int) NDView[bool] {
	dst := Zeros[bool](diffShape("DiffBool", v.lay.Shape(), n, axis, 0)...)
	DiffBoolInto(dst, v, n, axis)
	return dst
}

// diffShape is the shape of the n-th difference along axis of an array of
// shape vsh lengthened by extra elements along axis. Where the arguments are
// wrong it returns vsh, so that the destination form reports the error.
func diffShape(op string, vsh []int, n, axis, extra int) []int {
	sh := slices.Clone(vsh)
	if len(sh) == 0 || n < 0 || axis < -len(sh) || axis >= len(sh) {
		return sh
	}
	ax := layout.NormalizeAxis(op, axis, len(sh))
	sh[ax] = max(sh[ax]+extra-n, 0)
	return sh
}

// diff runs Diff, DiffWith and DiffBool.
func diff[T any](op string, dst, v NDView[T], n, axis int, pre, app *NDView[T], sub func(a, b T) T) {
	if dst.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	if n < 0 {
		panicf(op, ErrShape, "order must be non-negative but got %d", n)
	}
	sh := v.lay.Shape()
	if len(sh) == 0 {
		panicf(op, ErrShape, "diff requires input that is at least one dimensional")
	}
	ax := layout.NormalizeAxis(op, axis, len(sh))
	if n == 0 {
		pre, app = nil, nil // NumPy returns v before joining anything
	}
	ext := func(e *NDView[T], name string) (int, []int) {
		if e == nil {
			return 0, make([]int, len(sh))
		}
		if e.NDim() == 0 {
			return 1, make([]int, len(sh))
		}
		es := e.lay.Shape()
		ok := len(es) == len(sh)
		for a := range sh {
			ok = ok && (a == ax || es[a] == sh[a])
		}
		if !ok {
			panicf(op, ErrShape, "%s of shape %s does not join v of shape %s along axis %d", name, formatShape(es), formatShape(sh), ax)
		}
		return es[ax], e.lay.Strides()
	}
	np, pst := ext(pre, "prepend")
	na, ast := ext(app, "append")
	total := np + sh[ax] + na
	want := slices.Clone(sh)
	want[ax] = max(total-n, 0)
	if !slices.Equal(dst.lay.Shape(), want) {
		panicf(op, ErrShape, "destination shape %s; want %s", formatShape(dst.lay.Shape()), formatShape(want))
	}
	if dst.Size() == 0 {
		return
	}
	if shareMemory(&dst, &v) {
		v = v.Clone()
	}
	var pv, av NDView[T]
	if pre != nil {
		if pv = *pre; shareMemory(&dst, &pv) {
			pv = pv.Clone()
		}
	}
	if app != nil {
		if av = *app; shareMemory(&dst, &av) {
			av = av.Clone()
		}
	}
	offs := []int{dst.lay.Off, v.lay.Off, pv.lay.Off, av.lay.Off}
	sts := [][]int{dst.lay.Strides(), v.lay.Strides(), pst, ast}
	buf := make([]T, total)
	m, vs, ds := sh[ax], v.lay.Strides()[ax], dst.lay.Strides()[ax]
	walkLines(sh, ax, offs, sts, func(off *[plan.MaxOperands]int) {
		for i := range np {
			buf[i] = pv.data[off[2]+i*pst[ax]]
		}
		for i := range m {
			buf[np+i] = v.data[off[1]+i*vs]
		}
		for i := range na {
			buf[np+m+i] = av.data[off[3]+i*ast[ax]]
		}
		l := total
		for range n {
			for i := 0; i+1 < l; i++ {
				buf[i] = sub(buf[i], buf[i+1])
			}
			l--
		}
		for i := range total - n {
			dst.data[off[0]+i*ds] = buf[i]
		}
	})
}

// Ediff1d returns the differences between consecutive elements of v in C
// order, v flattened (NumPy's np.ediff1d(v, to_end, to_begin)), with
// toBegin before them and toEnd after them, in a new slice. Integers
// wrap.
func Ediff1d[T Numeric](v NDView[T], toBegin, toEnd []T) []T {
	a := v.ToSlice()
	out := make([]T, 0, len(toBegin)+max(len(a)-1, 0)+len(toEnd))
	out = append(out, toBegin...)
	for i := 1; i < len(a); i++ {
		out = append(out, a[i]-a[i-1])
	}
	return append(out, toEnd...)
}

// ---------------------------------------------------------------------
// GradientInto and integration.

// GradientInto stores into dst the gradient of f along axis with uniform
// spacing dx (NumPy's np.gradient(f, dx, axis=axis,
// edge_order=edgeOrder)): second-order central differences inside, and
// one-sided differences of order edgeOrder (1 or 2) at the two ends. It
// is computed in float32 for float32 data and in float64 otherwise
// (integers are converted first, as NumPy does), with NumPy's formulas
// and coefficients (semantics.md §19), and converted to D. dst has f's
// shape; when it shares memory with f, f is copied first.
//
// GradientInto returns an error wrapping ErrShape, having written nothing,
// when the axis has fewer than edgeOrder+1 elements ("Shape of array too
// small to calculate a numerical gradient"). It panics, before writing,
// with an error wrapping ErrReadOnly for a read-only dst, ErrAxis for an
// axis out of range, and ErrShape when edgeOrder is not 1 or 2 or dst's
// shape differs from f's.
func GradientInto[D RealFloat, T Real](dst NDView[D], f NDView[T], axis int, dx float64, edgeOrder int) error {
	return gradient("Gradient", dst, f, axis, dx, nil, edgeOrder)
}

// GradientCoordsInto is Gradient with the coordinates x of the points along
// the axis (NumPy's np.gradient(f, x, axis=axis)): len(x) must equal the
// extent of the axis (else a panic wrapping ErrShape). Evenly spaced x
// (every difference equal to the first, as NumPy tests) uses the uniform
// formulas; otherwise the inner points use NumPy's weights for uneven
// spacing, computed in float64.
func GradientCoordsInto[D RealFloat, T Real](dst NDView[D], f NDView[T], axis int, x []float64, edgeOrder int) error {
	return gradient("GradientCoords", dst, f, axis, 0, x, edgeOrder)
}

// gradient runs Gradient and GradientCoords.
func gradient[D RealFloat, T Real](op string, dst NDView[D], f NDView[T], axis int, dx float64, x []float64, edgeOrder int) error {
	if dst.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	sh := f.lay.Shape()
	ax := layout.NormalizeAxis(op, axis, len(sh))
	if edgeOrder != 1 && edgeOrder != 2 {
		panicf(op, ErrShape, "'edge_order' greater than 2 not supported; got %d (valid: 1, 2)", edgeOrder)
	}
	if !slices.Equal(dst.lay.Shape(), sh) {
		panicf(op, ErrShape, "destination shape %s differs from the source shape %s", formatShape(dst.lay.Shape()), formatShape(sh))
	}
	m := sh[ax]
	var dxs []float64
	if x != nil {
		if len(x) != m {
			panicf(op, ErrShape, "when 1d, distances must match the length of the corresponding dimension: %d coordinates for an axis of %d", len(x), m)
		}
		dxs = make([]float64, max(m-1, 0))
		uniform := true
		for i := range dxs {
			dxs[i] = x[i+1] - x[i]
			uniform = uniform && dxs[i] == dxs[0]
		}
		if uniform && len(dxs) > 0 {
			dx, dxs = dxs[0], nil
		}
	}
	if m < edgeOrder+1 {
		return errorf(op, ErrShape, "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required: axis %d of shape %s", ax, formatShape(sh))
	}
	if f.Size() == 0 {
		return nil
	}
	if shareMemory(&dst, &f) {
		f = f.Clone()
	}
	if isF32[T]() {
		gradLines[float32](dst, f, ax, dx, dxs, edgeOrder)
	} else {
		gradLines[float64](dst, f, ax, dx, dxs, edgeOrder)
	}
	return nil
}

// gradLines computes the gradient of every line in C.
func gradLines[C RealFloat, D RealFloat, T Real](dst NDView[D], f NDView[T], ax int, dx float64, dxs []float64, edgeOrder int) {
	sh := f.lay.Shape()
	m, fs, ds := sh[ax], f.lay.Strides()[ax], dst.lay.Strides()[ax]
	g := make([]C, m)
	out := make([]C, m)
	walkLines(sh, ax, []int{dst.lay.Off, f.lay.Off}, [][]int{dst.lay.Strides(), f.lay.Strides()}, func(off *[plan.MaxOperands]int) {
		for i := range g {
			g[i] = C(f.data[off[1]+i*fs])
		}
		gradLine(out, g, dx, dxs, edgeOrder, len(sh) == 1)
		for i, y := range out {
			dst.data[off[0]+i*ds] = D(y)
		}
	})
}

// gradLine writes into out the gradient of the line f (at least
// edgeOrder+1 values), uniform with spacing dx when dxs is nil; scalar
// says the data is 1-D (gradEdges).
func gradLine[C RealFloat](out, f []C, dx float64, dxs []float64, edgeOrder int, scalar bool) {
	n := len(f)
	if dxs == nil {
		h2 := C(2 * dx)
		for i := 1; i < n-1; i++ {
			out[i] = (f[i+1] - f[i-1]) / h2
		}
		gradEdges(out, f, dx, dx, -1.5/dx, 2/dx, -0.5/dx, 0.5/dx, -2/dx, 1.5/dx, edgeOrder, scalar)
		return
	}
	for i := 1; i < n-1; i++ {
		dx1, dx2 := dxs[i-1], dxs[i]
		a := -(dx2) / (dx1 * (dx1 + dx2))
		b := (dx2 - dx1) / (dx1 * dx2)
		c := dx1 / (dx2 * (dx1 + dx2))
		out[i] = C(a*float64(f[i-1]) + b*float64(f[i]) + c*float64(f[i+1]))
	}
	if edgeOrder == 1 {
		gradEdges(out, f, dxs[0], dxs[n-2], 0, 0, 0, 0, 0, 0, 1, scalar)
		return
	}
	dx1, dx2 := dxs[0], dxs[1]
	a0 := -(2*dx1 + dx2) / (dx1 * (dx1 + dx2))
	b0 := (dx1 + dx2) / (dx1 * dx2)
	c0 := -dx1 / (dx2 * (dx1 + dx2))
	dx1, dx2 = dxs[n-3], dxs[n-2]
	a1 := dx2 / (dx1 * (dx1 + dx2))
	b1 := -(dx2 + dx1) / (dx1 * dx2)
	c1 := (2*dx2 + dx1) / (dx2 * (dx1 + dx2))
	gradEdges(out, f, 0, 0, a0, b0, c0, a1, b1, c1, 2, scalar)
}

// gradEdges writes the two ends of a gradient. NumPy indexes the ends
// with integers: for 1-D data (scalar) they are NumPy scalars, whose
// arithmetic is float64, so that order 1 divides the difference (taken in
// C) by the spacing in float64, order 2 weighs three points by the
// coefficients in float64, and both round to C once. For data of more
// axes the ends are arrays, and both are computed in C (the coefficients
// rounded to C).
func gradEdges[C RealFloat](out, f []C, dx0, dxn, a0, b0, c0, a1, b1, c1 float64, edgeOrder int, scalar bool) {
	n := len(f)
	if !scalar {
		if edgeOrder == 1 {
			out[0] = (f[1] - f[0]) / C(dx0)
			out[n-1] = (f[n-1] - f[n-2]) / C(dxn)
			return
		}
		out[0] = C(a0)*f[0] + C(b0)*f[1] + C(c0)*f[2]
		out[n-1] = C(a1)*f[n-3] + C(b1)*f[n-2] + C(c1)*f[n-1]
		return
	}
	if edgeOrder == 1 {
		out[0] = C(float64(f[1]-f[0]) / dx0)
		out[n-1] = C(float64(f[n-1]-f[n-2]) / dxn)
		return
	}
	out[0] = C(a0*float64(f[0]) + b0*float64(f[1]) + c0*float64(f[2]))
	out[n-1] = C(a1*float64(f[n-3]) + b1*float64(f[n-2]) + c1*float64(f[n-1]))
}

// Trapezoid returns the integral of the 1-D y by the trapezoidal rule
// (NumPy 1.24's np.trapz(y, x, dx); np.trapezoid since NumPy 2.0): the
// sum of d_i·(y[i+1] + y[i])/2, where d_i = x[i+1] − x[i], or dx when x
// is nil. Each y[i+1] + y[i] is added in T (integers wrap, as NumPy's
// do); the products and the pairwise sum are in float32 for float32 data
// without x and in float64 otherwise. Fewer than 2 elements give 0.
//
// Trapezoid panics with an error wrapping ErrShape when y is not 1-D or x
// is given with a length other than y's.
func Trapezoid[T Real](y NDView[T], x []float64, dx float64) float64 {
	const op = "Trapezoid"
	if y.NDim() != 1 {
		panicf(op, ErrShape, "y of shape %s; want 1-D (use TrapezoidAxis)", formatShape(y.lay.Shape()))
	}
	checkTrapX(op, x, y.lay.Shape()[0])
	if isF32[T]() && x == nil {
		return float64(trapLine[float32](y.data, y.lay.Off, y.lay.Strides()[0], y.lay.Shape()[0], x, dx))
	}
	return trapLine[float64](y.data, y.lay.Off, y.lay.Strides()[0], y.lay.Shape()[0], x, dx)
}

// TrapezoidAxisInto stores into dst the integrals of y along axis by the
// trapezoidal rule (NumPy's np.trapz(y, x, dx, axis=axis)), with the rules
// of Trapezoid and the shapes and panics of MedianAxis; an axis of fewer
// than 2 elements gives 0.
func TrapezoidAxisInto[D RealFloat, T Real](dst NDView[D], y NDView[T], axis int, x []float64, dx float64) {
	const op = "TrapezoidAxis"
	ax, _ := checkAxis(op, &dst, &y, axis)
	checkTrapX(op, x, y.lay.Shape()[ax])
	f32 := isF32[T]() && x == nil
	eachLine(op, dst, y, axis, func() { dst.Fill(0) }, func(di, vi, vs, m int) {
		if f32 {
			dst.data[di] = D(trapLine[float32](y.data, vi, vs, m, x, dx))
		} else {
			dst.data[di] = D(trapLine[float64](y.data, vi, vs, m, x, dx))
		}
	})
}

// checkTrapX panics unless x is nil or has n coordinates.
func checkTrapX(op string, x []float64, n int) {
	if x != nil && len(x) != n {
		panicf(op, ErrShape, "%d coordinates for an axis of %d elements", len(x), n)
	}
}

// trapLine integrates one line of n elements in C.
func trapLine[C RealFloat, T Real](data []T, off, st, n int, x []float64, dx float64) C {
	var c cascade[C]
	var buf [pwBlock]C
	k := 0
	d := C(dx)
	for i := 0; i+1 < n; i++ {
		if x != nil {
			d = C(x[i+1] - x[i])
		}
		s := data[off+(i+1)*st] + data[off+i*st]
		buf[k] = d * C(s) / 2
		if k++; k == pwBlock {
			c.push(blockSum(buf[:]))
			k = 0
		}
	}
	if k > 0 {
		c.push(blockSum(buf[:k]))
	}
	return c.total()
}

// nanF returns a NaN of type C.
func nanF[C RealFloat]() C { return C(math.NaN()) }
