package linalg

import (
	"iter"
	"math"

	"github.com/ndkit/ndkit/ndview"
)

// Ord is the order of a norm, NumPy's ord argument of np.linalg.norm and
// np.linalg.cond: OrdDefault (None), OrdFro, OrdNuc, or a number OrdP(p),
// where p may be ±Inf.
type Ord struct {
	kind byte // 0 default, 'f' Frobenius, 'n' nuclear, 'p' number
	p    float64
}

var (
	// OrdDefault is ord=None: the 2-norm of a vector, the Frobenius norm
	// of a matrix, and the 2-norm of the flattened array when no axis is
	// given.
	OrdDefault = Ord{}
	// OrdFro is ord='fro', the Frobenius norm of a matrix.
	OrdFro = Ord{kind: 'f'}
	// OrdNuc is ord='nuc', the nuclear norm (sum of singular values).
	OrdNuc = Ord{kind: 'n'}
)

// OrdP returns the numeric order p (0, ±1, ±2, ±Inf or any real for
// vectors).
func OrdP(p float64) Ord { return Ord{kind: 'p', p: p} }

// Norm returns a vector or matrix norm of x, NumPy's
// np.linalg.norm(x, ord, axis): a new array of x's shape without the
// reduced axes (0-d when all are reduced).
//   - No axis: with OrdDefault, the 2-norm of all elements; otherwise x
//     must be 1-D (a vector norm) or 2-D (a matrix norm).
//   - One axis: vector norms along it. ord 2 (default) is the Euclidean
//     norm, Inf max|x|, −Inf min|x|, 0 the count of nonzeros, any other p
//     (Σ|x|^p)^(1/p).
//   - Two axes (rows, columns): matrix norms of every such matrix. Fro
//     (default) √Σx², Nuc the sum of singular values, 1 / −1 the max / min
//     column sum of |x|, Inf / −Inf the max / min row sum, 2 / −2 the
//     largest / smallest singular value.
//
// NaN propagates, also through the norms computed from singular values
// (Nuc, ±2), where NumPy raises "SVD did not converge". Empty vectors and
// matrices have norm 0, as in NumPy; the max/min norms of empty arrays,
// which NumPy refuses, panic.
//
// Norm panics with an *ndview.Error wrapping ndview.ErrAxis for a bad or
// repeated axis or more than two axes, and ndview.ErrShape for an order
// that does not apply (Fro or Nuc of a vector, a fractional matrix order,
// no axis and no OrdDefault for x of more than 2 axes, an empty array's
// max or min norm).
func Norm[T Float](x ndview.NDView[T], ord Ord, axis ...int) ndview.NDView[T] {
	const op = "Norm"
	nd := x.NDim()
	if len(axis) == 0 {
		if ord.kind == 0 {
			return ndview.Scalar(T(vnorm(x.Values(), 2)))
		}
		switch nd {
		case 1:
			return vectorNorm(op, x, ord, 0)
		case 2:
			return matrixNorm(op, x, ord, 0, 1)
		}
		panicf(op, ndview.ErrShape, "x of shape %s: an order needs a 1-D or 2-D array, or axes", ndview.FormatShape(x.Shape()))
	}
	ax := make([]int, len(axis))
	for i, a := range axis {
		if a < -nd || a >= nd {
			panicf(op, ndview.ErrAxis, "axis %d is out of bounds for array of dimension %d", a, nd)
		}
		ax[i] = (a + nd) % max(nd, 1)
	}
	switch {
	case len(ax) == 1:
		return vectorNorm(op, x, ord, ax[0])
	case len(ax) == 2 && ax[0] != ax[1]:
		return matrixNorm(op, x, ord, ax[0], ax[1])
	}
	panicf(op, ndview.ErrAxis, "axes %v: want one axis (vector norm) or two distinct axes (matrix norm)", axis)
	panic("unreachable")
}

// vectorNorm reduces axis of x by a vector norm.
func vectorNorm[T Float](op string, x ndview.NDView[T], ord Ord, axis int) ndview.NDView[T] {
	if ord.kind == 'f' || ord.kind == 'n' {
		panicf(op, ndview.ErrShape, "invalid norm order for vectors (fro and nuc are matrix norms)")
	}
	p := 2.0
	if ord.kind == 'p' {
		p = ord.p
	}
	v := x.MoveAxis([]int{axis}, []int{-1})
	sh := v.Shape()
	batch := sh[:len(sh)-1]
	if sh[len(sh)-1] == 0 && math.IsInf(p, 0) {
		panicf(op, ndview.ErrShape, "x of shape %s: zero-size array to reduction operation maximum which has no identity", ndview.FormatShape(x.Shape()))
	}
	return lanes(v, len(batch), func(_ []int, sub ndview.NDView[T]) T { return T(vnorm(sub.Values(), p)) })
}

// vnorm returns the p-norm of the values of v.
func vnorm[T Float](v iter.Seq[T], p float64) float64 {
	switch {
	case p == 2:
		// Scaled sum of squares (LAPACK's nrm2), safe from overflow.
		scale, ssq := 0.0, 1.0
		for e := range v {
			x := math.Abs(float64(e))
			if x != x {
				return x
			}
			if x == 0 {
				continue
			}
			if scale < x {
				ssq = 1 + ssq*(scale/x)*(scale/x)
				scale = x
			} else {
				ssq += (x / scale) * (x / scale)
			}
		}
		return scale * math.Sqrt(ssq)
	case math.IsInf(p, 1), math.IsInf(p, -1):
		r := math.NaN()
		first := true
		for e := range v {
			x := math.Abs(float64(e))
			switch {
			case x != x:
				return x
			case first, p > 0 && x > r, p < 0 && x < r:
				r, first = x, false
			}
		}
		return r
	case p == 0:
		n := 0.0
		for e := range v {
			if e != 0 {
				n++
			}
		}
		return n
	}
	var s float64
	for e := range v {
		x := math.Abs(float64(e))
		switch p {
		case 1:
			s += x
		default:
			s += math.Pow(x, p)
		}
	}
	if p == 1 {
		return s
	}
	return math.Pow(s, 1/p)
}

// matrixNorm reduces axes r and c of x by a matrix norm.
func matrixNorm[T Float](op string, x ndview.NDView[T], ord Ord, r, c int) ndview.NDView[T] {
	kind, p := ord.kind, ord.p
	if kind == 0 {
		kind = 'f'
	}
	if kind == 'p' && p != 1 && p != -1 && p != 2 && p != -2 && !math.IsInf(p, 0) {
		panicf(op, ndview.ErrShape, "invalid norm order %v for matrices: want fro, nuc, ±1, ±2 or ±Inf", p)
	}
	v := x.MoveAxis([]int{r, c}, []int{-2, -1})
	sh := v.Shape()
	batch := sh[:len(sh)-2]
	m, n := sh[len(sh)-2], sh[len(sh)-1]
	if kind == 'f' { // the 2-norm of the elements
		return lanes(v, len(batch), func(_ []int, sub ndview.NDView[T]) T { return T(vnorm(sub.Values(), 2)) })
	}
	if kind == 'n' || p == 2 || p == -2 {
		if (m == 0 || n == 0) && kind != 'n' {
			panicf(op, ndview.ErrShape, "x of shape %s: zero-size array to reduction operation which has no identity", ndview.FormatShape(x.Shape()))
		}
		k := min(m, n)
		return lanes(v, len(batch), func(_ []int, sub ndview.NDView[T]) T {
			sv, err := Svdvals(sub)
			if err != nil { // NaN in the matrix
				return T(math.NaN())
			}
			switch {
			case kind == 'n':
				return sum(sv)
			case p == 2:
				return sv.At(0)
			}
			return sv.At(k - 1)
		})
	}
	// ±1: sums down the columns (axis -2), ±Inf: along the rows (axis -1);
	// then the max or min over the other axis.
	sumAxis, lanes := -2, n
	if math.IsInf(p, 0) {
		sumAxis, lanes = -1, m
	}
	if lanes == 0 {
		panicf(op, ndview.ErrShape, "x of shape %s: zero-size array to reduction operation which has no identity", ndview.FormatShape(x.Shape()))
	}
	sums := vectorNorm(op, v, OrdP(1), v.NDim()+sumAxis)
	return vectorNorm(op, sums, OrdP(math.Copysign(math.Inf(1), p)), sums.NDim()-1)
}

// Cond returns the condition numbers of the square matrices in x (any
// matrices for OrdDefault and ±2), NumPy's np.linalg.cond(x, p): a new
// array of x's batch shape. OrdDefault and OrdP(2) give max(S)/min(S) from
// the SVD, OrdP(-2) min(S)/max(S); any other order gives
// Norm(x)·Norm(Inv(x)), and +Inf for a singular matrix, as NumPy 1.24
// does (it maps the NaN of a failed inverse to Inf unless x holds NaN).
//
// Cond panics with an *ndview.Error wrapping ndview.ErrShape when x has
// fewer than two axes, is empty, or is not square for the norm-based
// orders, as Norm panics for an invalid order. It returns ErrNoConvergence
// as SVD does.
func Cond[T Float](x ndview.NDView[T], ord Ord) (ndview.NDView[T], error) {
	const op = "Cond"
	square := !(ord.kind == 0 || (ord.kind == 'p' && (ord.p == 2 || ord.p == -2)))
	batch, m, n := stack(op, x, square)
	if m == 0 || n == 0 {
		panicf(op, ndview.ErrShape, "x of shape %s: arrays cannot be empty", ndview.FormatShape(x.Shape()))
	}
	if !square {
		s, err := Svdvals(x)
		if err != nil {
			return ndview.NDView[T]{}, err
		}
		k := min(m, n)
		return lanes(s, len(batch), func(_ []int, sv ndview.NDView[T]) T {
			hi, lo := float64(sv.At(0)), float64(sv.At(k-1))
			if ord.kind == 'p' && ord.p == -2 {
				hi, lo = lo, hi
			}
			return T(hi / lo)
		}), nil
	}
	nx := Norm(x, ord, -2, -1)
	return lanes(x, len(batch), func(idx []int, xi ndview.NDView[T]) T {
		r := math.Inf(1)
		if inv, err := Inv(xi); err == nil {
			r = float64(nx.At(idx...)) * float64(Norm(inv, ord, -2, -1).At())
		}
		if math.IsNaN(r) && !hasNaNView(xi) {
			r = math.Inf(1)
		}
		return T(r)
	}), nil
}

// hasNaNView reports whether v holds a NaN.
func hasNaNView[T Float](v ndview.NDView[T]) bool {
	for e := range v.Values() {
		if e != e {
			return true
		}
	}
	return false
}
