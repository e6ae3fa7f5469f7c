package linalg

import (
	"slices"

	"github.com/ndkit/ndkit/ndview"
)

// flat returns the elements of v as a 1-D view in C order: v itself
// reshaped when its layout allows, else a C-contiguous copy.
func flat[T any](v ndview.NDView[T]) ndview.NDView[T] {
	if f, err := v.Reshape(v.Size()); err == nil {
		return f
	}
	f, _ := v.Clone().Reshape(v.Size())
	return f
}

// reshaped returns v with the given shape: a view when v's layout allows,
// else a reshaped C-contiguous copy.
func reshaped[T any](v ndview.NDView[T], shape ...int) ndview.NDView[T] {
	if r, err := v.Reshape(shape...); err == nil {
		return r
	}
	r, err := v.Clone().Reshape(shape...)
	if err != nil {
		panic(err) // unreachable: the sizes are equal
	}
	return r
}

// Vdot returns Σ a[i]·b[i] over the elements of a and b in C order,
// NumPy's np.vdot for real arrays: the arrays are flattened (a view where
// the layout allows, else a copy) and multiplied by Dot.
//
// Vdot panics with an *ndview.Error wrapping ndview.ErrShape when a and b
// have different sizes.
func Vdot[T Float](a, b ndview.NDView[T]) T {
	if a.Size() != b.Size() {
		panicf("Vdot", ndview.ErrShape, "operands of shapes %s and %s: vdot needs arrays of one size",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	return Dot(flat(a), flat(b))
}

// Inner returns the inner product over the last axes of a and b, NumPy's
// np.inner: a new array of shape a.shape[:-1] + b.shape[:-1] (0-d for two
// vectors); a 0-d operand multiplies the other. It is
// TensordotAxes(a, b, []int{-1}, []int{-1}).
//
// Inner panics with an *ndview.Error wrapping ndview.ErrShape when the
// last axes differ.
func Inner[T Float](a, b ndview.NDView[T]) ndview.NDView[T] {
	if a.NDim() == 0 || b.NDim() == 0 {
		return tensordot("Inner", a, b, nil, nil)
	}
	return tensordot("Inner", a, b, []int{-1}, []int{-1})
}

// Outer returns the outer product of the flattened a and b, NumPy's
// np.outer: a new array of shape (a.Size(), b.Size()) with
// out[i, j] = a.flat[i]·b.flat[j].
func Outer[T Float](a, b ndview.NDView[T]) ndview.NDView[T] {
	return tensordot("Outer", flat(a), flat(b), nil, nil)
}

// Tensordot returns the sum of products over the last n axes of a and the
// first n axes of b, NumPy's np.tensordot(a, b, n): a new array of shape
// a.shape[:-n] + b.shape[n:]. The operands are transposed and reshaped
// into two matrices (views where the layout allows, else copies) and
// multiplied by MatMul.
//
// Tensordot panics with an *ndview.Error wrapping ndview.ErrShape when n
// is negative, exceeds a rank, or the summed extents differ.
func Tensordot[T Float](a, b ndview.NDView[T], n int) ndview.NDView[T] {
	if n < 0 || n > a.NDim() || n > b.NDim() {
		panicf("Tensordot", ndview.ErrShape, "axes %d for operands of shapes %s and %s: want 0 <= axes <= each rank",
			n, ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	axa, axb := make([]int, n), make([]int, n)
	for i := range n {
		axa[i], axb[i] = a.NDim()-n+i, i
	}
	return tensordot("Tensordot", a, b, axa, axb)
}

// TensordotAxes returns the sum of products over the axes axesA of a and
// axesB of b, paired in order, NumPy's np.tensordot(a, b, (axesA, axesB)):
// a new array whose shape is a's free axes then b's free axes, each in
// order. Negative axes count from the end.
//
// TensordotAxes panics with an *ndview.Error wrapping ndview.ErrAxis for
// an axis out of range or repeated, and ndview.ErrShape when the lists
// differ in length or the paired extents differ.
func TensordotAxes[T Float](a, b ndview.NDView[T], axesA, axesB []int) ndview.NDView[T] {
	return tensordot("Tensordot", a, b, axesA, axesB)
}

// normAxes returns the axes, each in [0, nd), or panics.
func normAxes(op string, axes []int, nd int) []int {
	out := make([]int, len(axes))
	seen := make([]bool, nd)
	for i, ax := range axes {
		if ax < -nd || ax >= nd {
			panicf(op, ndview.ErrAxis, "axis %d is out of bounds for array of dimension %d", ax, nd)
		}
		if ax < 0 {
			ax += nd
		}
		if seen[ax] {
			panicf(op, ndview.ErrAxis, "repeated axis %d in %v", axes[i], axes)
		}
		seen[ax] = true
		out[i] = ax
	}
	return out
}

// tensordot contracts axa of a with axb of b through one MatMul.
func tensordot[T Float](op string, a, b ndview.NDView[T], axa, axb []int) ndview.NDView[T] {
	if len(axa) != len(axb) {
		panicf(op, ndview.ErrShape, "axes %v and %v: the lists differ in length", axa, axb)
	}
	axa, axb = normAxes(op, axa, a.NDim()), normAxes(op, axb, b.NDim())
	ash, bsh := a.Shape(), b.Shape()
	k := 1
	for i := range axa {
		if ash[axa[i]] != bsh[axb[i]] {
			panicf(op, ndview.ErrShape, "operands of shapes %s and %s: shape-mismatch for sum over axes %d and %d (%d and %d)",
				ndview.FormatShape(ash), ndview.FormatShape(bsh), axa[i], axb[i], ash[axa[i]], bsh[axb[i]])
		}
		k *= ash[axa[i]]
	}
	freeA, freeB := others(a.NDim(), axa), others(b.NDim(), axb)
	pa := a.Transpose(append(slices.Clone(freeA), axa...)...)
	pb := b.Transpose(append(slices.Clone(axb), freeB...)...)
	outShape := make([]int, 0, len(freeA)+len(freeB))
	m, n := 1, 1
	for _, ax := range freeA {
		outShape = append(outShape, ash[ax])
		m *= ash[ax]
	}
	for _, ax := range freeB {
		outShape = append(outShape, bsh[ax])
		n *= bsh[ax]
	}
	out := ndview.Zeros[T](m, n)
	MatMulInto(out, reshaped(pa, m, k), reshaped(pb, k, n))
	r, _ := out.Reshape(outShape...)
	return r
}

// others returns the axes of [0, nd) not in axes, in order.
func others(nd int, axes []int) []int {
	var out []int
	for i := range nd {
		if !slices.Contains(axes, i) {
			out = append(out, i)
		}
	}
	return out
}

// Vecdot returns Σ a[..., i]·b[..., i] over the last axes, broadcasting
// the other axes, NumPy 2's np.vecdot for real arrays: a new array of the
// broadcast batch shape, computed by MatMul of (…, 1, n) by (…, n, 1).
//
// Vecdot panics with an *ndview.Error wrapping ndview.ErrShape when an
// operand is 0-d, the last axes differ, or the batch axes do not
// broadcast.
func Vecdot[T Float](a, b ndview.NDView[T]) ndview.NDView[T] {
	if a.NDim() == 0 || b.NDim() == 0 {
		panicf("Vecdot", ndview.ErrShape, "operands of shapes %s and %s: vecdot needs at least one axis in each",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	r := batchedMatMul("Vecdot", a.ExpandDims(-2), b.ExpandDims(-1))
	return r.Squeeze(-1, -2)
}

// Matvec returns the matrix-vector products of the stacks a (…, m, n) and
// b (…, n), NumPy 2.2's np.matvec: a new array of shape (…, m), the batch
// axes broadcast, computed by MatMul.
//
// Matvec panics with an *ndview.Error wrapping ndview.ErrShape when a has
// fewer than two axes, b none, the extents n differ or the batch axes do
// not broadcast.
func Matvec[T Float](a, b ndview.NDView[T]) ndview.NDView[T] {
	if a.NDim() < 2 || b.NDim() == 0 {
		panicf("Matvec", ndview.ErrShape, "operands of shapes %s and %s: matvec needs a stack of matrices and a stack of vectors",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	return batchedMatMul("Matvec", a, b.ExpandDims(-1)).Squeeze(-1)
}

// Vecmat returns the vector-matrix products of the stacks a (…, n) and
// b (…, n, m), NumPy 2.2's np.vecmat for real arrays: a new array of shape
// (…, m), the batch axes broadcast, computed by MatMul. It panics as
// Matvec does.
func Vecmat[T Float](a, b ndview.NDView[T]) ndview.NDView[T] {
	if a.NDim() == 0 || b.NDim() < 2 {
		panicf("Vecmat", ndview.ErrShape, "operands of shapes %s and %s: vecmat needs a stack of vectors and a stack of matrices",
			ndview.FormatShape(a.Shape()), ndview.FormatShape(b.Shape()))
	}
	return batchedMatMul("Vecmat", a.ExpandDims(-2), b).Squeeze(-2)
}

// batchedMatMul returns a @ b for two stacks of matrices, as a new array.
func batchedMatMul[T Float](op string, a, b ndview.NDView[T]) ndview.NDView[T] {
	ash, bsh := a.Shape(), b.Shape()
	n, k := ash[len(ash)-2], ash[len(ash)-1]
	k2, m := bsh[len(bsh)-2], bsh[len(bsh)-1]
	batch, err := ndview.BroadcastShapes(ash[:len(ash)-2], bsh[:len(bsh)-2])
	if err != nil || k != k2 {
		panicf(op, ndview.ErrShape, "operands of shapes %s and %s do not match: the contracted extents must be equal and the batch axes broadcast",
			ndview.FormatShape(ash), ndview.FormatShape(bsh))
	}
	out := ndview.Zeros[T](withAxes(batch, n, m)...)
	MatMulInto(out, a, b)
	return out
}

// Kron returns the Kronecker product of a and b, NumPy's np.kron: the
// operand of lower rank is given leading axes of extent 1, and the result
// is a new array of shape a.shape[i]·b.shape[i] with
// out[i·b.shape + j] = a[i]·b[j].
func Kron[T Float](a, b ndview.NDView[T]) ndview.NDView[T] {
	nd := max(a.NDim(), b.NDim())
	for a.NDim() < nd {
		a = a.ExpandDims(0)
	}
	for b.NDim() < nd {
		b = b.ExpandDims(0)
	}
	o := tensordot("Kron", a, b, nil, nil) // shape a.shape + b.shape
	perm := make([]int, 0, 2*nd)
	shape := make([]int, nd)
	for i := range nd {
		perm = append(perm, i, nd+i)
		shape[i] = a.Shape()[i] * b.Shape()[i]
	}
	return reshaped(o.Transpose(perm...), shape...)
}

// Trace returns the sums along the diagonals of a, NumPy's
// np.trace(a, offset, axis1, axis2): a new array of a's shape without
// axis1 and axis2 (0-d for a matrix). offset selects the diagonal as in
// NDView.Diagonal; a diagonal outside the matrix sums to 0.
//
// Trace panics with an *ndview.Error wrapping ndview.ErrAxis when a has
// fewer than two axes or the axes are out of range or equal (Diagonal's
// panics).
func Trace[T Float](a ndview.NDView[T], offset, axis1, axis2 int) ndview.NDView[T] {
	d := a.Diagonal(offset, axis1, axis2) // the diagonal is the last axis
	return lanes(d, d.NDim()-1, func(_ []int, sub ndview.NDView[T]) T { return sum(sub) })
}

// MatrixPower returns a raised to the integer power n for every square
// matrix in a, NumPy's np.linalg.matrix_power: a new array of a's shape;
// n = 0 gives identities, n < 0 the power −n of Inv(a). Powers are
// computed by repeated squaring with MatMul.
//
// MatrixPower panics as Inv does, and returns Inv's ErrSingular for a
// negative power of a singular matrix.
func MatrixPower[T Float](a ndview.NDView[T], n int) (ndview.NDView[T], error) {
	batch, m, _ := stack("MatrixPower", a, true)
	if n == 0 {
		out := ndview.Zeros[T](a.Shape()...)
		out.Diagonal(0, -2, -1).Fill(1)
		return out, nil
	}
	base := a
	if n < 0 {
		inv, err := Inv(a)
		if err != nil {
			return ndview.NDView[T]{}, err
		}
		base, n = inv, -n
	}
	var result ndview.NDView[T]
	have := false
	shape := withAxes(batch, m, m)
	for {
		if n&1 == 1 {
			if !have {
				result, have = base.Clone(), true
			} else {
				next := ndview.Zeros[T](shape...)
				MatMulInto(next, result, base)
				result = next
			}
		}
		n >>= 1
		if n == 0 {
			return result, nil
		}
		sq := ndview.Zeros[T](shape...)
		MatMulInto(sq, base, base)
		base = sq
	}
}

// MultiDot returns the product of two or more matrices, NumPy's
// np.linalg.multi_dot: the first may be 1-D (a row vector) and the last
// 1-D (a column vector), the others 2-D; the product is evaluated in the
// order of fewest scalar multiplications (the matrix-chain dynamic
// programme NumPy uses) by MatMul. The result is a new array, 2-D, 1-D or
// 0-d as in NumPy.
//
// MultiDot panics with an *ndview.Error wrapping ndview.ErrShape when
// fewer than two arrays are given, a rank is wrong, or adjacent extents
// differ.
func MultiDot[T Float](arrays ...ndview.NDView[T]) ndview.NDView[T] {
	const op = "MultiDot"
	n := len(arrays)
	if n < 2 {
		panicf(op, ndview.ErrShape, "%d arrays: multi_dot needs at least two", n)
	}
	ms := slices.Clone(arrays)
	first, last := ms[0].NDim() == 1, ms[n-1].NDim() == 1
	if first {
		ms[0] = ms[0].ExpandDims(0)
	}
	if last {
		ms[n-1] = ms[n-1].ExpandDims(1)
	}
	dims := make([]int, n+1)
	for i, m := range ms {
		if m.NDim() != 2 {
			panicf(op, ndview.ErrShape, "array %d of shape %s: want 2-D (the first and last may be 1-D)", i, ndview.FormatShape(arrays[i].Shape()))
		}
		if i > 0 && m.Shape()[0] != dims[i] {
			panicf(op, ndview.ErrShape, "arrays %d and %d of shapes %s and %s: the inner dimensions differ", i-1, i,
				ndview.FormatShape(arrays[i-1].Shape()), ndview.FormatShape(arrays[i].Shape()))
		}
		dims[i], dims[i+1] = m.Shape()[0], m.Shape()[1]
	}
	split := chainOrder(dims)
	var prod func(i, j int) ndview.NDView[T]
	prod = func(i, j int) ndview.NDView[T] {
		if i == j {
			return ms[i]
		}
		s := split[i][j]
		l, r := prod(i, s), prod(s+1, j)
		out := ndview.Zeros[T](dims[i], dims[j+1])
		MatMulInto(out, l, r)
		return out
	}
	out := prod(0, n-1)
	switch {
	case first && last:
		return out.Squeeze(0, 1)
	case first:
		return out.Squeeze(0)
	case last:
		return out.Squeeze(1)
	}
	return out
}

// chainOrder returns the optimal split points of the matrix chain whose
// i-th matrix is dims[i]×dims[i+1] (Cormen et al., §15.2, as NumPy's
// _multi_dot_matrix_chain_order).
func chainOrder(dims []int) [][]int {
	n := len(dims) - 1
	cost := make([][]float64, n)
	split := make([][]int, n)
	for i := range n {
		cost[i], split[i] = make([]float64, n), make([]int, n)
	}
	for l := 1; l < n; l++ {
		for i := 0; i+l < n; i++ {
			j := i + l
			cost[i][j] = -1
			for k := i; k < j; k++ {
				c := cost[i][k] + cost[k+1][j] + float64(dims[i])*float64(dims[k+1])*float64(dims[j+1])
				if cost[i][j] < 0 || c < cost[i][j] {
					cost[i][j], split[i][j] = c, k
				}
			}
		}
	}
	return split
}
