package ndview

import (
	"math"

	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// float16.Float16 in element-wise operations: values, never bits.
//
// Each row of a plan is cut into chunks of f16Chunk elements; the float16
// sources of a chunk are converted to float32 (through the exact table
// f16Table), the float32 kernel of the operation runs on the chunk, and
// the results are rounded back to half precision by f32ToF16 (nearest,
// ties to even, as x448/float16's Fromfloat32), or stored directly when
// the destination holds bools. A source constant along the row (a
// broadcast or a scalar) is converted once per chunk.
//
// The result of every operation is exactly
// float16.Fromfloat32(op(a.Float32(), b.Float32())) with op computed in
// float32: NumPy computes half-precision ufuncs the same way.

// f16Chunk is the number of elements converted at a time: the float32
// buffers of a chunk (4 KiB for four operands) stay in L1.
const f16Chunk = 256

// f16Walk walks the rows of a simplified plan in chunks of f16Chunk
// elements, converting float16 sources to float32. After each successful
// next, q is a one-axis plan over the chunk: operand 0 is the chunk of the
// walked plan's operand 0 (offset and stride in the caller's
// destination); operand j+1 is bufs[j+1], holding the chunk of source j
// converted, with stride 1, or 0 for a source constant along the row
// (converted once).
//
// It is an iterator rather than a function taking a callback, so that its
// buffers stay on the stack (a pointer handed to a function value
// escapes), and it keeps no pointer to the plan or the sources (storing
// one in a struct through a pointer makes it escape): every call to next
// passes them.
type f16Walk struct {
	q    plan.Plan
	bufs [plan.MaxOperands][f16Chunk]float32
	w    plan.Walker
	k    int // offset of the next chunk in the current row
	tab  *[1 << 16]float32
}

// init starts a walk of p.
func (f *f16Walk) init(p *plan.Plan) {
	f.w = p.Walk(1)
	f.k = p.Dim[p.Rank-1] // no row yet
	f.tab = f16Table()
	f.q.NOp, f.q.Rank = p.NOp, 1
}

// next moves to the next chunk of p, whose operands 1, 2 are a and b (b
// nil for a plan of one source), and reports whether there is one.
func (f *f16Walk) next(p *plan.Plan, a, b []uint16) bool {
	n, ds := p.Inner(0)
	if f.k >= n {
		if !f.w.Next(p) {
			return false
		}
		f.k = 0
	}
	k := f.k
	m := min(f16Chunk, n-k)
	f.k += m
	q := &f.q
	q.Size, q.Dim[0] = m, m
	q.Base[0], q.St[0][0] = f.w.Off[0]+k*ds, ds
	f.load(p, 1, a, k, m)
	if b != nil {
		f.load(p, 2, b, k, m)
	}
	return true
}

// load converts the m elements from k on of source j of p's current row
// into bufs[j].
func (f *f16Walk) load(p *plan.Plan, j int, s []uint16, k, m int) {
	_, ss := p.Inner(j)
	si := f.w.Off[j] + k*ss
	buf := f.bufs[j][:m]
	f.q.Base[j] = 0
	if ss == 0 {
		buf[0] = f.tab[s[si]]
		f.q.St[j][0] = 0
		return
	}
	f.q.St[j][0] = 1
	for i := range buf {
		buf[i] = f.tab[s[si]]
		si += ss
	}
}

// toBuf makes bufs[0] operand 0 of q, so that a kernel computes the chunk
// there, and returns the offset and stride of the chunk in the caller's
// destination.
func (f *f16Walk) toBuf() (di, ds int) {
	di, ds = f.q.Base[0], f.q.St[0][0]
	f.q.Base[0], f.q.St[0][0] = 0, 1
	return di, ds
}

// toF16 stores the float32 values z, rounded to half precision, at d[di],
// d[di+ds], ….
func toF16(d []uint16, di, ds int, z []float32) {
	if ds == 1 {
		out := d[di : di+len(z)]
		for i, x := range z {
			out[i] = f32ToF16(x)
		}
		return
	}
	for _, x := range z {
		d[di] = f32ToF16(x)
		di += ds
	}
}

// f16Binary runs a binary operation on float16 bits d, a and b along p.
func f16Binary(p *plan.Plan, op binOp, d, a, b []uint16) {
	var f f16Walk
	f.init(p)
	z, x, y := f.bufs[0][:], f.bufs[1][:], f.bufs[2][:]
	for f.next(p, a, b) {
		di, ds := f.toBuf()
		q := &f.q
		switch op {
		case opAdd:
			kernels.AddRows(q, z, x, y)
		case opSub:
			kernels.SubRows(q, z, x, y)
		case opMul:
			kernels.MulRows(q, z, x, y)
		case opDiv:
			kernels.DivRows(q, z, x, y)
		case opMin:
			kernels.MinRows(q, z, x, y)
		case opMax:
			kernels.MaxRows(q, z, x, y)
		}
		toF16(d, di, ds, z[:q.Size])
	}
}

// f16Unary runs a unary operation on float16 bits d and a along p.
func f16Unary(p *plan.Plan, op unOp, d, a []uint16) {
	var f f16Walk
	f.init(p)
	z, x := f.bufs[0][:], f.bufs[1][:]
	for f.next(p, a, nil) {
		di, ds := f.toBuf()
		q := &f.q
		switch op {
		case opNeg:
			kernels.NegRows(q, z, x)
		case opAbs:
			kernels.AbsRows(q, z, x)
		case opSqrt:
			kernels.SqrtRows(q, z, x)
		case opExp:
			kernels.MathRows(q, z, x, math.Exp)
		case opLog:
			kernels.MathRows(q, z, x, math.Log)
		}
		toF16(d, di, ds, z[:q.Size])
	}
}

// f16Clip clips float16 bits a into d along p, with bounds lo and hi
// already converted to float32.
func f16Clip(p *plan.Plan, d, a []uint16, lo, hi float32) {
	var f f16Walk
	f.init(p)
	z, x := f.bufs[0][:], f.bufs[1][:]
	for f.next(p, a, nil) {
		di, ds := f.toBuf()
		kernels.ClipRows(&f.q, z, x, lo, hi)
		toF16(d, di, ds, z[:f.q.Size])
	}
}

// f16Compare runs comparison op on float16 bits a and b along p, storing
// bools into d.
func f16Compare(p *plan.Plan, op cmpOp, d []bool, a, b []uint16) {
	var f f16Walk
	f.init(p)
	x, y := f.bufs[1][:], f.bufs[2][:]
	for f.next(p, a, b) {
		compareRows(&f.q, op, d, x, y)
	}
}
