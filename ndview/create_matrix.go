package ndview

import "math"

// Building matrices (semantics.md Z7, Z8): Eye, Identity, Diag, Diagflat,
// Tri, Tril and Triu. Diagonal offsets k of any size are accepted, as in
// NumPy: a k beyond the matrix selects nothing (or everything), and is
// clamped before any index arithmetic, so no sum overflows.

// Eye returns a new (n, m) C-contiguous array with ones (true for bools)
// on the k-th diagonal and zeros elsewhere: NumPy's np.eye(n, m, k,
// dtype=T). k > 0 is above the main diagonal, k < 0 below; a k that misses
// the matrix gives all zeros.
//
// Eye panics with an error wrapping ErrShape when n or m is negative, and
// ErrOverflow when the array is larger than Go can allocate.
func Eye[T NumericOrBool](n, m, k int) NDView[T] {
	v := createAlloc[T]("Eye", n, m)
	if k >= m || k <= -n {
		return v
	}
	x := createOne[T]()
	// Row i holds its one at column i+k, for the rows where that column
	// lies in [0, m).
	for i := max(0, -k); i < min(n, m-k); i++ {
		v.data[i*m+i+k] = x
	}
	return v
}

// Identity returns a new (n, n) identity matrix: NumPy's np.identity(n,
// dtype=T), which is Eye(n, n, 0). It panics as Eye does.
func Identity[T NumericOrBool](n int) NDView[T] {
	v := createAlloc[T]("Identity", n, n)
	x := createOne[T]()
	for i := range n {
		v.data[i*n+i] = x
	}
	return v
}

// Diag extracts a diagonal or builds a diagonal array: NumPy's
// np.diag(v, k) (semantics.md Z7).
//
//   - v 1-D of length n: a new C-contiguous (n+|k|, n+|k|) array of zeros
//     with v on its k-th diagonal.
//   - v 2-D: the k-th diagonal of v, v.Diagonal(k, 0, 1): a view that
//     shares data with v, empty when k misses the matrix. NumPy returns a
//     read-only view; like Diagonal (semantics.md X6) it is writable when v
//     is, so Diag(a, 0).Fill(1) sets a's diagonal. Clone it for a copy.
//
// Diag panics with an error wrapping ErrShape when v is neither 1-D nor
// 2-D (NumPy: Input must be 1- or 2-d), and, for 1-D v, ErrOverflow when
// n+|k| overflows or the array is larger than Go can allocate.
func Diag[T any](v NDView[T], k int) NDView[T] {
	switch v.NDim() {
	case 1:
		return diagFrom("Diag", v, k)
	case 2:
		return v.Diagonal(k, 0, 1)
	}
	panicf("Diag", ErrShape, "input must be 1- or 2-d, got shape %s", formatShape(v.lay.Shape()))
	return NDView[T]{}
}

// Diagflat returns a new 2-D C-contiguous array with the elements of v,
// flattened in C order, on its k-th diagonal: NumPy's np.diagflat(v, k).
// v may have any rank (0-d gives a 1-element diagonal). It panics as Diag
// does for 1-D input.
func Diagflat[T any](v NDView[T], k int) NDView[T] {
	flat, err := FromSlice(v.ToSlice())
	if err != nil {
		panic(err) // unreachable: a 1-D view of a slice always fits it
	}
	return diagFrom("Diagflat", flat, k)
}

// diagFrom builds the (n+|k|, n+|k|) array with the 1-D view v on its k-th
// diagonal, for the operation op.
func diagFrom[T any](op string, v NDView[T], k int) NDView[T] {
	n := v.lay.Shape()[0]
	if k == math.MinInt || max(k, -k) > math.MaxInt-n {
		panicf(op, ErrOverflow, "offset %d is too large: the result would have %d + |%d| rows", k, n, k)
	}
	side := n + max(k, -k)
	r := createAlloc[T](op, side, side)
	r.Diagonal(k, 0, 1).CopyFrom(v)
	return r
}

// Tri returns a new (n, m) C-contiguous array with ones (true for bools)
// at and below the k-th diagonal and zeros above it: element (i, j) is one
// when j ≤ i+k. NumPy's np.tri(n, m, k, dtype=T). It panics as Eye does.
func Tri[T NumericOrBool](n, m, k int) NDView[T] {
	v := createAlloc[T]("Tri", n, m)
	x := createOne[T]()
	k = min(max(k, -n), m) // beyond these the result does not change
	for i := range n {
		fillSlice(v.data[i*m:i*m+min(max(i+k+1, 0), m)], x)
	}
	return v
}

// Tril returns a new C-contiguous copy of a with the elements above the
// k-th diagonal of its last two axes set to zero: element (…, i, j) is
// kept when j ≤ i+k. NumPy's np.tril(a, k). Any rank ≥ 2 works, on each
// matrix of the stack; a 1-D a of length n is taken as the (n, n) matrix
// whose every row is a, as NumPy broadcasts it (semantics.md Z8).
//
// Tril panics with an error wrapping ErrShape when a is 0-d, and
// ErrOverflow when the result is larger than Go can allocate.
func Tril[T any](a NDView[T], k int) NDView[T] { return triangle("Tril", a, k, true) }

// Triu returns a new C-contiguous copy of a with the elements below the
// k-th diagonal of its last two axes set to zero: element (…, i, j) is
// kept when j ≥ i+k. NumPy's np.triu(a, k). It takes the same inputs and
// panics as Tril does.
func Triu[T any](a NDView[T], k int) NDView[T] { return triangle("Triu", a, k, false) }

// triangle is Tril (lower) and Triu (!lower): a copy of a, through the
// copy kernels, then the other triangle of each matrix cleared row by row.
func triangle[T any](op string, a NDView[T], k int, lower bool) NDView[T] {
	shape := a.lay.Shape()
	switch len(shape) {
	case 0:
		panicf(op, ErrShape, "input must have at least 1 dimension, got shape ()")
	case 1:
		shape = []int{shape[0], shape[0]}
	}
	r := createAlloc[T](op, shape...)
	r.CopyFrom(a) // a 1-D a broadcasts along the rows
	n, m := shape[len(shape)-2], shape[len(shape)-1]
	if n == 0 || m == 0 {
		return r
	}
	k = min(max(k, -n), m) // beyond these the result does not change
	for base := 0; base < len(r.data); base += n * m {
		for i := range n {
			row := r.data[base+i*m : base+(i+1)*m]
			if lower {
				clear(row[min(max(i+k+1, 0), m):])
			} else {
				clear(row[:min(max(i+k, 0), m)])
			}
		}
	}
	return r
}
