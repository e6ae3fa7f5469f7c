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

// smallSolve solves L·U·x = P·b for the k columns of the n×k row-major
// b (row stride k) with smallLU's factors: the interchanges, then forward
// substitution with the unit lower L, then back substitution with U, in
// the order of LAPACK's getrs.
func smallSolve(lu []float64, n int, ipiv *[smallN]int, b []float64, k int) {
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
// C-contiguous result (…, n, k). Nothing is stored before every matrix
// has been found regular, so that out is untouched on error.
func smallSolveInto[T Float](op string, out, a, b ndview.NDView[T], batch []int, n, k int) error {
	count := shapeSize(batch)
	src, rhs := flat64(a), flat64(b)
	nn, nk := n*n, n*k
	lus := make([]float64, count*nn)
	pivs := make([][smallN]int, count)
	for q := range count {
		w := lus[q*nn : q*nn+nn]
		copy(w, src[q*nn:q*nn+nn])
		if !smallLU(w, n, &pivs[q]) {
			return dataErr(op, ErrSingular, ndview.UnravelIndex(q, batch...), "Singular matrix")
		}
	}
	data, _ := out.Data()
	x := make([]float64, nk)
	for q := range count {
		copy(x, rhs[q*nk:q*nk+nk])
		smallSolve(lus[q*nn:q*nn+nn], n, &pivs[q], x, k)
		for i, v := range x {
			data[q*nk+i] = T(v)
		}
	}
	return nil
}
