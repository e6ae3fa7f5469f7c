package linalg

import (
	"fmt"
	"reflect"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/ndkit/ndkit/interop"
	"github.com/ndkit/ndkit/ndview"
)

// Float is the constraint of the element types BLAS computes: float32 and
// float64. (BLAS takes []float32 and []float64, so named types defined over
// them are not accepted; Cast views them as the predeclared type without a
// copy.)
type Float interface{ float32 | float64 }

// MatMul stores the matrix product of a and b into dst, NumPy's
// np.matmul(a, b, out=dst) (a @ b), computed by BLAS's gemm.
//
// The last two axes of a and b are matrices, (n, k) and (k, m). A 1-D a of
// length k is the row vector (1, k) and a 1-D b the column vector (k, 1);
// the added axis is then removed from the result. The leading axes of a
// and b are batch axes, broadcast against each other; dst has the
// broadcast batch shape followed by (n, m) (without the removed axes)
// exactly, and never changes shape. A product over k = 0 is all zeros.
//
// Operands that BLAS cannot read in place (see the package documentation)
// are copied first by Clone; a destination that BLAS cannot write in place
// or that shares memory with a or b receives the product through a
// temporary and CopyFrom. Otherwise MatMul allocates only small headers.
//
// MatMul panics, before writing anything, with an *ndview.Error wrapping
// ndview.ErrReadOnly when dst is read-only, and ndview.ErrShape, naming the
// shapes, when a or b is 0-d, the inner dimensions differ, the batch axes
// do not broadcast, or dst's shape is not the product's.
func MatMul[T Float](dst, a, b ndview.NDView[T]) {
	const op = "MatMul"
	if dst.ReadOnly() {
		panicf(op, ndview.ErrReadOnly, "assignment destination is read-only")
	}
	if a.NDim() == 0 || b.NDim() == 0 {
		panicf(op, ndview.ErrShape, "operands of shapes %s and %s: matmul needs at least one dimension in each", ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	// Promote vectors to matrices; out is dst with the same axes added.
	out := dst
	aw, bw := a, b
	var drop []int // axes of the full result removed from dst
	if a.NDim() == 1 {
		aw = a.ExpandDims(0)
		drop = append(drop, -2)
	}
	if b.NDim() == 1 {
		bw = b.ExpandDims(1)
		drop = append(drop, -1)
	}
	ash, bsh := aw.Shape(), bw.Shape()
	n, k := ash[len(ash)-2], ash[len(ash)-1]
	k2, m := bsh[len(bsh)-2], bsh[len(bsh)-1]
	if k != k2 {
		panicf(op, ndview.ErrShape, "operands of shapes %s and %s: the inner dimensions differ (%d and %d); a (…, n, k) @ (…, k, m) product needs equal k",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()), k, k2)
	}
	batch, err := ndview.BroadcastShapes(ash[:len(ash)-2], bsh[:len(bsh)-2])
	if err != nil {
		panicf(op, ndview.ErrShape, "operands of shapes %s and %s: the batch axes %s and %s do not broadcast together",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()), ndview.FormatShape(ash[:len(ash)-2]), ndview.FormatShape(bsh[:len(bsh)-2]))
	}
	full := append(append([]int{}, batch...), n, m)
	want := removeAxes(full, drop)
	if !equalInts(dst.Shape(), want) {
		panicf(op, ndview.ErrShape, "destination of shape %s for the product of shapes %s and %s, whose shape is %s",
			ndview.FormatShape(dst.Shape()), ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()), ndview.FormatShape(want))
	}
	if len(drop) > 0 {
		out = dst.ExpandDims(drop...)
	}
	if n == 0 || m == 0 || shapeSize(batch) == 0 {
		return
	}
	if k == 0 {
		dst.Fill(0)
		return
	}
	aw, bw = readable(aw), readable(bw)
	if !writable(out) || sharesMemory(out, aw) || sharesMemory(out, bw) {
		tmp := ndview.Zeros[T](full...)
		products(tmp, aw, bw, batch)
		out.CopyFrom(tmp)
		return
	}
	products(out, aw, bw, batch)
}

// products stores aw @ bw into out for every index of the batch shape.
// The operands are readable by BLAS and out is writable by it.
func products[T Float](out, aw, bw ndview.NDView[T], batch []int) {
	ab, bb := aw.NDim()-2, bw.NDim()-2
	idx := make([]int, len(batch))
	items := make([]ndview.IndexItem, 0, len(batch)+1)
	for {
		c := out.Slice(batchItems(items[:0], idx, batch, len(batch))...)
		x := aw.Slice(batchItems(items[:0], idx, aw.Shape()[:ab], ab)...)
		y := bw.Slice(batchItems(items[:0], idx, bw.Shape()[:bb], bb)...)
		gemm(c, x, y)
		// Next batch index, C order.
		i := len(idx) - 1
		for ; i >= 0; i-- {
			idx[i]++
			if idx[i] < batch[i] {
				break
			}
			idx[i] = 0
		}
		if i < 0 {
			return
		}
	}
}

// batchItems appends to items the index of batch position idx (of the
// broadcast batch shape) in an operand whose own batch shape is shape
// (rank r, aligned on the right; extent 1 is broadcast), then an Ellipsis.
func batchItems(items []ndview.IndexItem, idx, shape []int, r int) []ndview.IndexItem {
	lead := len(idx) - r
	for j := range r {
		i := idx[lead+j]
		if shape[j] == 1 {
			i = 0
		}
		items = append(items, ndview.Int(i))
	}
	return append(items, ndview.Ellipsis)
}

// gemm stores a @ b into c, three 2-D views with elements: a and b row- or
// column-major, c row- or column-major and writable.
func gemm[T Float](c, a, b ndview.NDView[T]) {
	if !rowMajor(c) {
		// c is column-major: c.T() = b.T() @ a.T(), all views.
		c, a, b = c.T(), b.T(), a.T()
	}
	ga, ta := storage(a)
	gb, tb := storage(b)
	gc, _ := storage(c)
	switch cd := any(gc.data).(type) {
	case []float64:
		blas64.Gemm(ta, tb, 1, blas64.General{Rows: ga.rows, Cols: ga.cols, Stride: ga.stride, Data: any(ga.data).([]float64)},
			blas64.General{Rows: gb.rows, Cols: gb.cols, Stride: gb.stride, Data: any(gb.data).([]float64)},
			0, blas64.General{Rows: gc.rows, Cols: gc.cols, Stride: gc.stride, Data: cd})
	case []float32:
		blas32.Gemm(ta, tb, 1, blas32.General{Rows: ga.rows, Cols: ga.cols, Stride: ga.stride, Data: any(ga.data).([]float32)},
			blas32.General{Rows: gb.rows, Cols: gb.cols, Stride: gb.stride, Data: any(gb.data).([]float32)},
			0, blas32.General{Rows: gc.rows, Cols: gc.cols, Stride: gc.stride, Data: cd})
	}
}

// general is a BLAS General of either precision.
type general[T Float] struct {
	rows, cols, stride int
	data               []T
}

// storage returns the BLAS storage of a 2-D writable view that is
// row-major (with blas.NoTrans) or column-major (its transpose's storage,
// with blas.Trans), through interop's adapters.
func storage[T Float](v ndview.NDView[T]) (general[T], blas.Transpose) {
	t := blas.NoTrans
	if !rowMajor(v) {
		v, t = v.T(), blas.Trans
	}
	switch v := any(v).(type) {
	case ndview.NDView[float64]:
		d, err := interop.AsDense(v)
		if err != nil {
			panic(err) // unreachable: the layout was checked
		}
		g := d.RawMatrix()
		return general[T]{g.Rows, g.Cols, g.Stride, any(g.Data).([]T)}, t
	case ndview.NDView[float32]:
		g, err := interop.AsGeneral32(v)
		if err != nil {
			panic(err) // unreachable: the layout was checked
		}
		return general[T]{g.Rows, g.Cols, g.Stride, any(g.Data).([]T)}, t
	}
	panic("unreachable")
}

// readable returns v, or a C-contiguous copy of it when BLAS cannot read
// its matrices in place: a read-only view, or matrices neither row- nor
// column-major. Zero-stride batch axes are cut to extent 1 first, so that
// a broadcast stack is copied once.
func readable[T Float](v ndview.NDView[T]) ndview.NDView[T] {
	sh, st := v.Shape(), v.Strides()
	for i := range len(sh) - 2 {
		if st[i] == 0 && sh[i] > 1 {
			items := make([]ndview.IndexItem, i+1)
			items[i] = ndview.Range(0, 1)
			v = v.Slice(items...)
		}
	}
	if !v.ReadOnly() && matrixLayout(v) {
		return v
	}
	return v.Clone()
}

// writable reports whether BLAS can write the matrices of v in place.
func writable[T Float](v ndview.NDView[T]) bool { return !v.ReadOnly() && matrixLayout(v) }

// matrixLayout reports whether the matrices (last two axes) of v, which
// has elements, are row- or column-major.
func matrixLayout[T any](v ndview.NDView[T]) bool {
	sh, st := v.Shape(), v.Strides()
	r, c := sh[len(sh)-2], sh[len(sh)-1]
	rs, cs := st[len(st)-2], st[len(st)-1]
	return isRowMajor(r, c, rs, cs) || isRowMajor(c, r, cs, rs)
}

// rowMajor reports whether the 2-D view v is row-major.
func rowMajor[T any](v ndview.NDView[T]) bool {
	sh, st := v.Shape(), v.Strides()
	return isRowMajor(sh[0], sh[1], st[0], st[1])
}

// isRowMajor reports whether an r×c layout with strides rs and cs is one
// a BLAS General describes: column stride 1 and row stride at least c,
// where the stride of an axis of extent 1 does not matter (interop's
// rule).
func isRowMajor(r, c, rs, cs int) bool {
	return r > 0 && c > 0 && (c == 1 || cs == 1) && (r == 1 || rs >= c)
}

// sharesMemory reports whether the elements of the writable view d and of
// v may share memory: whether the ranges of addresses they reach meet. A
// read-only v (whose memory cannot be reached here) never reaches BLAS:
// readable has copied it.
func sharesMemory[T any](d, v ndview.NDView[T]) bool {
	if v.ReadOnly() {
		return false
	}
	dlo, dhi := addrRange(d)
	vlo, vhi := addrRange(v)
	return dlo <= vhi && vlo <= dhi
}

// addrRange returns the addresses of the lowest and highest elements a
// writable view with elements reaches.
func addrRange[T any](v ndview.NDView[T]) (lo, hi uintptr) {
	data, _ := v.Data()
	l, h := v.Offset(), v.Offset()
	st := v.Strides()
	for i, n := range v.Shape() {
		if d := st[i] * (n - 1); d < 0 {
			l += d
		} else {
			h += d
		}
	}
	return reflect.ValueOf(&data[l]).Pointer(), reflect.ValueOf(&data[h]).Pointer()
}

// removeAxes returns shape without the axes drop, counted from the end
// (-1 is the last).
func removeAxes(shape, drop []int) []int {
	out := []int{}
	for i, e := range shape {
		keep := true
		for _, a := range drop {
			keep = keep && i != len(shape)+a
		}
		if keep {
			out = append(out, e)
		}
	}
	return out
}

// equalInts reports whether a and b are equal.
func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// shapeSize returns the product of the extents.
func shapeSize(shape []int) int {
	n := 1
	for _, e := range shape {
		n *= e
	}
	return n
}

// panicf panics with an *ndview.Error for operation op of this package.
//
//go:noinline
func panicf(op string, kind error, format string, args ...any) {
	panic(&ndview.Error{Op: "linalg." + op, Err: kind, Msg: fmt.Sprintf(format, args...)})
}
