// Package linalg is NumPy's linear algebra on ndview views: matrix
// products through its own packed GEMM, contractions and einsum, and
// batched decompositions and solvers on gonum's LAPACK. Every function
// takes float32 or float64 views of any layout.
//
// # Functions
//
//	NumPy                                  linalg
//	np.dot(a, b), 1-D a and b              Dot(a, b)
//	a @ b, np.matmul(a, b)                 MatMul(a, b)
//	np.matmul(a, b, out=dst)               MatMulInto(dst, a, b)
//	np.vdot, np.inner, np.outer            Vdot, Inner, Outer
//	np.tensordot(a, b, axes)               Tensordot, TensordotAxes
//	np.vecdot, np.matvec, np.vecmat        Vecdot, Matvec, Vecmat
//	np.kron, np.trace                      Kron, Trace
//	np.linalg.matrix_power, multi_dot      MatrixPower, MultiDot
//	np.einsum(s, *ops, optimize=True)      Einsum(s, ops...)
//	np.linalg.det, slogdet, inv, solve     Det, Slogdet, Inv, Solve
//	np.linalg.lstsq, pinv, matrix_rank     Lstsq, Pinv, MatrixRank
//	np.linalg.cholesky, qr, svd, svdvals   Cholesky, QR, SVD, Svdvals
//	np.linalg.eigh, eigvalsh, eig, eigvals Eigh, Eigvalsh, Eig, Eigvals
//	np.linalg.norm, cond                   Norm, Cond
//
// Functions that compute an array return a new one; most also have an
// Into form that writes into a destination of any layout (semantics.md
// §20). MatMul follows np.matmul: the last two axes are matrices, a 1-D
// first operand is a row vector and a 1-D second operand a column vector
// (the added axis is removed from the result), and the leading (batch)
// axes are broadcast against each other, so that a (4, 1, 2, 3) stack
// times a (5, 3, 2) stack is a (4, 5, 2, 2) stack of products. The
// decompositions and solvers are batched over leading axes by NumPy 2's
// rules (semantics.md §29).
//
// # Matrix products
//
// MatMul and Dot run the packed-panel GEMM of internal/gemm (semantics.md
// §28): panels of A and B packed with block sizes taken from the CPU's
// caches, AVX-512 or AVX2 FMA microkernels generated with avo and chosen at
// run time, a pure-Go kernel elsewhere and under the purego build tag, and
// the system's OpenBLAS under the openblas build tag (cgo). Operands are
// read in place whatever their strides; a read-only operand is copied
// first, because its memory is not handed out, and a destination that
// shares memory with an operand receives the product through a temporary.
// Large products and batches run on up to ndview.MaxThreads() goroutines,
// with the same bits whatever the count.
//
// # Errors and panics
//
// Shapes are the caller's logic: mismatched inner dimensions, batch axes
// that do not broadcast, a destination of the wrong shape, a 0-d operand
// or a read-only destination panic, before writing anything, with an
// *ndview.Error wrapping ndview.ErrShape or ndview.ErrReadOnly, as gonum
// panics on mismatched dimensions. What depends on the values is an
// error: ErrSingular, ErrNotPositiveDefinite, ErrNoConvergence, and the
// subscripts of Einsum.
package linalg
