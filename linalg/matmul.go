package linalg

import (
	"fmt"
	"reflect"

	"github.com/ndkit/ndkit/linalg/internal/gemm"
	"github.com/ndkit/ndkit/ndview"
)

// Float is the constraint of the element types MatMul and Dot compute:
// float32 and float64. (Named types defined over them are not accepted;
// Cast views them as the predeclared type without a copy.)
type Float interface{ float32 | float64 }

// MatMul returns the matrix product of a and b in a new array: NumPy's
// np.matmul(a, b) (a @ b), computed as MatMulInto computes it, into a
// C-contiguous result of the broadcast batch shape followed by (n, m)
// (without the axis of a 1-D operand). It panics as MatMulInto does, with
// an *ndview.Error wrapping ndview.ErrShape naming the shapes when a or b
// is 0-d or their batch axes do not broadcast (semantics.md §20, A1).
func MatMul[T Float](a, b ndview.NDView[T]) ndview.NDView[T] {
	const op = "MatMul"
	if a.NDim() == 0 || b.NDim() == 0 {
		panicf(op, ndview.ErrShape, "operands of shapes %s and %s: matmul needs at least one dimension in each", ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	ash, bsh := a.Shape(), b.Shape()
	am, bm := ash, bsh
	if len(am) == 1 {
		am = []int{1, am[0]}
	}
	if len(bm) == 1 {
		bm = []int{bm[0], 1}
	}
	sh, err := ndview.BroadcastShapes(am[:len(am)-2], bm[:len(bm)-2])
	if err != nil {
		panicf(op, ndview.ErrShape, "batch axes of shapes %s and %s do not broadcast", ndview.FormatShape(ash), ndview.FormatShape(bsh))
	}
	if len(ash) > 1 {
		sh = append(sh, am[len(am)-2])
	}
	if len(bsh) > 1 {
		sh = append(sh, bm[len(bm)-1])
	}
	dst := ndview.Zeros[T](sh...)
	MatMulInto(dst, a, b)
	return dst
}

// MatMulInto stores the matrix product of a and b into dst, NumPy's
// np.matmul(a, b, out=dst) (a @ b), computed by the packed-panel GEMM of
// semantics.md §28 (assembly microkernels on amd64 with AVX2 or AVX-512,
// pure Go elsewhere).
//
// The last two axes of a and b are matrices, (n, k) and (k, m). A 1-D a of
// length k is the row vector (1, k) and a 1-D b the column vector (k, 1);
// the added axis is then removed from the result. The leading axes of a
// and b are batch axes, broadcast against each other; dst has the
// broadcast batch shape followed by (n, m) (without the removed axes)
// exactly, and never changes shape. A product over k = 0 is all zeros.
//
// Operands and dst are read and written in place whatever their strides
// (transposed, stepped, reversed), except a read-only operand, whose
// memory is not handed out (a broadcast one is first cut to one copy of
// its repeated part), which is copied first by Clone, and a dst that
// shares memory with a or b, which receives the product through a
// temporary and CopyFrom, so that the result is as if a and b had been
// read before the first write. Large products run on up to
// ndview.MaxThreads() goroutines, and so do batches of smaller ones
// (semantics.md §28, GM6).
//
// MatMulInto panics, before writing anything, with an *ndview.Error wrapping
// ndview.ErrReadOnly when dst is read-only, and ndview.ErrShape, naming the
// shapes, when a or b is 0-d, the inner dimensions differ, the batch axes
// do not broadcast, or dst's shape is not the product's.
func MatMulInto[T Float](dst, a, b ndview.NDView[T]) {
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
	if sharesMemory(out, aw) || sharesMemory(out, bw) {
		tmp := ndview.Zeros[T](full...)
		products(tmp, aw, bw, batch)
		out.CopyFrom(tmp)
		return
	}
	products(out, aw, bw, batch)
}

// operand is a stack of matrices: the gemm.Mat of its first matrix and
// the strides of its batch axes, aligned on the right with the broadcast
// batch shape (an axis it lacks or of extent 1 has stride 0).
type operand[T Float] struct {
	mat   gemm.Mat[T]
	batch []int
}

// newOperand returns the operand of v, a writable view whose last two
// axes are matrices, for the broadcast batch shape batch.
func newOperand[T Float](v ndview.NDView[T], batch []int) operand[T] {
	sh, st := v.Shape(), v.Strides()
	r := len(sh) - 2
	data, err := v.Data()
	if err != nil {
		panic(err) // unreachable: readable copied read-only views
	}
	o := operand[T]{
		mat:   gemm.Mat[T]{Data: data, Off: v.Offset(), Rows: sh[r], Cols: sh[r+1], RS: st[r], CS: st[r+1]},
		batch: make([]int, len(batch)),
	}
	for j := range r {
		if sh[j] != 1 {
			o.batch[len(batch)-r+j] = st[j]
		}
	}
	return o
}

// at returns the matrix of batch index idx.
func (o operand[T]) at(idx []int) gemm.Mat[T] {
	m := o.mat
	for j, i := range idx {
		m.Off += i * o.batch[j]
	}
	return m
}

// products stores aw @ bw into out for every index of the batch shape.
// The operands are writable (so their memory is reachable) and out does
// not share memory with them. The innermost batch axes that each operand
// steps through with one stride are one gemm.Batch call; the others are
// looped over here.
func products[T Float](out, aw, bw ndview.NDView[T], batch []int) {
	c, a, b := newOperand(out, batch), newOperand(aw, batch), newOperand(bw, batch)
	// Merge batch axes from the right while every operand's strides allow.
	inner := len(batch)
	count := 1
	for inner > 0 {
		j := inner - 1
		if inner < len(batch) && !(c.batch[j] == c.batch[j+1]*batch[j+1] && a.batch[j] == a.batch[j+1]*batch[j+1] && b.batch[j] == b.batch[j+1]*batch[j+1]) {
			break
		}
		count *= batch[j]
		inner = j
	}
	var sc, sa, sb int
	if inner < len(batch) {
		sc, sa, sb = c.batch[len(batch)-1], a.batch[len(batch)-1], b.batch[len(batch)-1]
	}
	threads := ndview.MaxThreads()
	idx := make([]int, len(batch))
	for {
		gemm.Batch(count, c.at(idx), sc, a.at(idx), sa, b.at(idx), sb, threads)
		j := inner - 1
		for ; j >= 0; j-- { // next outer index, C order
			if idx[j]++; idx[j] < batch[j] {
				break
			}
			idx[j] = 0
		}
		if j < 0 {
			return
		}
	}
}

// readable returns v, or a C-contiguous copy of it when its memory cannot
// be reached: a read-only view. Zero-stride batch axes are cut to extent
// 1 first, so that a broadcast stack is copied once.
func readable[T Float](v ndview.NDView[T]) ndview.NDView[T] {
	sh, st := v.Shape(), v.Strides()
	for i := range len(sh) - 2 {
		if st[i] == 0 && sh[i] > 1 {
			items := make([]ndview.IndexItem, i+1)
			items[i] = ndview.Range(0, 1)
			v = v.Slice(items...)
		}
	}
	if !v.ReadOnly() {
		return v
	}
	return v.Clone()
}

// sharesMemory reports whether the elements of the writable view d and of
// v may share memory: whether the ranges of addresses they reach meet. A
// read-only v (whose memory cannot be reached here) never reaches gemm:
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
