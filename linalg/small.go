package linalg

import (
	"math"

	"github.com/ndkit/ndkit/ndview"
)

// smallN is the largest order of the matrices that Det, Slogdet, Inv and
// Solve factorise by the direct loops of this file instead of a LAPACK
// call per matrix (semantics.md §34, LP6): for a stack of 100,000 3×3
// matrices the per-call cost, not the arithmetic, is what counts.
const smallN = 4

// smallLU factorises the n×n row-major matrix a (n ≤ smallN, row stride
// n) in place as P·L·U, exactly as LAPACK's unblocked dgetf2 (and gonum's
// Dgetf2) does: the pivot is the first element of largest magnitude in
// the column, the column below it is scaled by the pivot's reciprocal
// (divided when the pivot is below the smallest normal), and the trailing
// block takes the rank-one update. It reports false when a pivot is
// exactly zero, and factorises on, as dgetf2 does.
func smallLU(a []float64, n int, ipiv *[smallN]int) bool {
	if n == 3 {
		return lu3((*[9]float64)(a), ipiv)
	}
	ok := true
	for j := range n {
		jp, big := j, math.Abs(a[j*n+j])
		for i := j + 1; i < n; i++ {
			if v := math.Abs(a[i*n+j]); v > big {
				jp, big = i, v
			}
		}
		ipiv[j] = jp
		if a[jp*n+j] == 0 {
			ok = false
		} else {
			if jp != j {
				for c := range n {
					a[j*n+c], a[jp*n+c] = a[jp*n+c], a[j*n+c]
				}
			}
			if p := a[j*n+j]; math.Abs(p) >= 0x1p-1022 {
				r := 1 / p
				for i := j + 1; i < n; i++ {
					a[i*n+j] *= r
				}
			} else {
				for i := j + 1; i < n; i++ {
					a[i*n+j] /= p
				}
			}
		}
		for i := j + 1; i < n; i++ {
			l := -a[i*n+j]
			for c := j + 1; c < n; c++ {
				a[i*n+c] += l * a[j*n+c]
			}
		}
	}
	return ok
}

// lu3 is smallLU for n = 3, unrolled: the same comparisons and
// operations in the same order, without loops or bounds checks.
func lu3(a *[9]float64, ipiv *[smallN]int) bool {
	ok := true
	p, big := 0, math.Abs(a[0])
	if v := math.Abs(a[3]); v > big {
		p, big = 1, v
	}
	if v := math.Abs(a[6]); v > big {
		p = 2
	}
	ipiv[0] = p
	if a[3*p] == 0 {
		ok = false
	} else {
		if p != 0 {
			a[0], a[3*p] = a[3*p], a[0]
			a[1], a[3*p+1] = a[3*p+1], a[1]
			a[2], a[3*p+2] = a[3*p+2], a[2]
		}
		if d := a[0]; math.Abs(d) >= 0x1p-1022 {
			r := 1 / d
			a[3] *= r
			a[6] *= r
		} else {
			a[3] /= d
			a[6] /= d
		}
	}
	l := -a[3]
	a[4] += l * a[1]
	a[5] += l * a[2]
	l = -a[6]
	a[7] += l * a[1]
	a[8] += l * a[2]
	p = 1
	if math.Abs(a[7]) > math.Abs(a[4]) {
		p = 2
	}
	ipiv[1] = p
	if a[3*p+1] == 0 {
		ok = false
	} else {
		if p != 1 {
			a[3], a[6] = a[6], a[3]
			a[4], a[7] = a[7], a[4]
			a[5], a[8] = a[8], a[5]
		}
		if d := a[4]; math.Abs(d) >= 0x1p-1022 {
			a[7] *= 1 / d
		} else {
			a[7] /= d
		}
	}
	a[8] += -a[7] * a[5]
	ipiv[2] = 2
	return ok && a[8] != 0
}

// smallSolve solves L·U·x = P·b for the k columns of the n×k row-major
// b (row stride k) with smallLU's factors: the interchanges, then forward
// substitution with the unit lower L, then back substitution with U, in
// the order of LAPACK's getrs.
func smallSolve(lu []float64, n int, ipiv *[smallN]int, b []float64, k int) {
	if n == 3 {
		solve3((*[9]float64)(lu), ipiv, b, k)
		return
	}
	smallSolveLoops(lu, n, ipiv, b, k)
}

// smallSolveLoops is smallSolve for any n ≤ smallN.
func smallSolveLoops(lu []float64, n int, ipiv *[smallN]int, b []float64, k int) {
	for i := range n {
		if p := ipiv[i]; p != i {
			for c := range k {
				b[i*k+c], b[p*k+c] = b[p*k+c], b[i*k+c]
			}
		}
	}
	for i := range n {
		for j := range i {
			l := lu[i*n+j]
			for c := range k {
				b[i*k+c] -= l * b[j*k+c]
			}
		}
	}
	for i := n - 1; i >= 0; i-- {
		for j := i + 1; j < n; j++ {
			u := lu[i*n+j]
			for c := range k {
				b[i*k+c] -= u * b[j*k+c]
			}
		}
		d := lu[i*n+i]
		for c := range k {
			b[i*k+c] /= d
		}
	}
}

// solve3 is smallSolve for n = 3, unrolled: each column of b takes the
// same operations in the same order.
func solve3(lu *[9]float64, ipiv *[smallN]int, b []float64, k int) {
	b = b[:3*k]
	for c := range k {
		x0, x1, x2 := b[c], b[k+c], b[2*k+c]
		switch ipiv[0] {
		case 1:
			x0, x1 = x1, x0
		case 2:
			x0, x2 = x2, x0
		}
		if ipiv[1] == 2 {
			x1, x2 = x2, x1
		}
		x1 -= lu[3] * x0
		x2 -= lu[6] * x0
		x2 -= lu[7] * x1
		x2 /= lu[8]
		x1 -= lu[5] * x2
		x1 /= lu[4]
		x0 -= lu[1] * x1
		x0 -= lu[2] * x2
		x0 /= lu[0]
		b[c], b[k+c], b[2*k+c] = x0, x1, x2
	}
}

// detOf returns the sign and the absolute determinant (or, with log, its
// natural logarithm) of the LU factors of an n×n matrix (row stride ld,
// pivots ipiv): the product of U's diagonal, the sign flipped by every
// interchange and every negative pivot (semantics.md LA10).
func detOf(lu []float64, ld, n int, ipiv []int, log bool) (s, v float64) {
	s = 1
	if !log {
		v = 1
	}
	for i := range n {
		d := lu[i*ld+i]
		if ipiv[i] != i {
			s = -s
		}
		if d < 0 {
			s, d = -s, -d
		}
		if log {
			v += math.Log(d)
		} else {
			v *= d
		}
	}
	switch {
	case math.IsNaN(v):
		s = math.NaN()
		if !log {
			s = 1
		}
	case log && math.IsInf(v, -1):
		s = 0
	case !log && v == 0: // +0, as NumPy's sign·exp(logdet) with sign 0
		s = 1
	}
	return s, v
}

// flat64 returns the matrices of the stack v as one C-ordered float64
// slice: v's own memory when v is a writable C-contiguous float64 view,
// else a copy (which reads any layout and converts float32).
func flat64[T Float](v ndview.NDView[T]) []float64 {
	if d, ok := any(v).(ndview.NDView[float64]); ok && d.IsCContiguous() && !d.ReadOnly() {
		if d.Size() == 0 {
			return nil
		}
		data, _ := d.Data()
		off := d.Offset()
		return data[off : off+d.Size()]
	}
	c := ndview.Zeros[float64](v.Shape()...)
	switch x := any(v).(type) {
	case ndview.NDView[float64]:
		c.CopyFrom(x)
	case ndview.NDView[float32]:
		ndview.ConvertInto(c, x)
	}
	data, _ := c.Data()
	return data
}

// smallDet is luDet for matrices of order at most smallN.
func smallDet[T Float](a ndview.NDView[T], count, n int, log bool) (sign, val []float64) {
	src := flat64(a)
	sign, val = make([]float64, count), make([]float64, count)
	var m [smallN * smallN]float64
	var ipiv [smallN]int
	nn := n * n
	for q := range count {
		w := m[:nn]
		copy(w, src[q*nn:q*nn+nn])
		smallLU(w, n, &ipiv)
		sign[q], val[q] = detOf(w, n, n, ipiv[:n], log)
	}
	return sign, val
}

// smallSolveInto is solveInto for matrices of order at most smallN: a
// and b are the broadcast stacks (…, n, n) and (…, n, k), out the new
// C-contiguous result (…, n, k). With inv set, b is not read: each
// right-hand side is the identity (Inv). out is a new array, dropped on
// error, so it is written as the matrices are solved.
func smallSolveInto[T Float](op string, out, a, b ndview.NDView[T], batch []int, n, k int, inv bool) error {
	count := shapeSize(batch)
	src := flat64(a)
	var rhs []float64
	if !inv {
		rhs = flat64(b)
	}
	nn, nk := n*n, n*k
	data, _ := out.Data()
	var lu [smallN * smallN]float64
	var x [smallN * smallN]float64
	var ipiv [smallN]int
	w, xs := lu[:nn], x[:nk]
	for q := range count {
		copy(w, src[q*nn:q*nn+nn])
		if !smallLU(w, n, &ipiv) {
			return dataErr(op, ErrSingular, ndview.UnravelIndex(q, batch...), "Singular matrix")
		}
		if inv {
			clear(xs)
			for i := range n {
				xs[i*n+i] = 1
			}
		} else {
			copy(xs, rhs[q*nk:q*nk+nk])
		}
		smallSolve(w, n, &ipiv, xs, k)
		for i, v := range xs {
			data[q*nk+i] = T(v)
		}
	}
	return nil
}
