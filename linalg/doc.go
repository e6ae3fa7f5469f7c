// Package linalg computes matrix products of ndview views through gonum's
// BLAS (gonum.org/v1/gonum/blas/blas64 and blas32), reaching the views'
// memory through the adapters of package interop, without copying where
// BLAS can describe the layout.
//
// # Functions
//
//	NumPy                      linalg
//	np.dot(a, b), 1-D a and b  Dot(a, b)
//	np.matmul(a, b, out=dst)   MatMul(dst, a, b)
//	a @ b                      MatMul(dst, a, b)
//
// Both take float32 or float64 views, the element types BLAS computes.
// MatMul follows np.matmul: the last two axes are matrices, a 1-D first
// operand is a row vector and a 1-D second operand a column vector (the
// added axis is removed from the result), and the leading (batch) axes
// are broadcast against each other (ndview's BroadcastShapes rule), so
// that a (4, 1, 2, 3) stack times a (5, 3, 2) stack is a (4, 5, 2, 2)
// stack of products.
//
// # Layouts and copies
//
// BLAS reads a matrix stored row-major (column stride 1, row stride at
// least the column count) or, through its transpose flags, column-major,
// and interop hands such writable views to it as they are: a transposed
// view costs no copy. Any other operand is first copied by Clone into a
// C-contiguous temporary: a view with steps or negative strides, a
// broadcast view (its zero-stride batch axes are kept at extent 1 first,
// so a broadcast stack is copied once, not once per batch), and any
// read-only view (interop refuses to hand the memory of a read-only view
// to BLAS, whose raw storage is writable).
//
// The destination is written in place when it is row-major, and through
// the transposed product (dst.T() = b.T() @ a.T()) when it is
// column-major. Any other destination, and any destination that shares
// memory with a or b, receives the product through a C-contiguous
// temporary and CopyFrom, so that the result is as if a and b had been
// read before the first write.
//
// # Panics
//
// Shapes are the caller's logic: mismatched inner dimensions, batch axes
// that do not broadcast, a destination of the wrong shape, a 0-d operand
// or a read-only destination make MatMul and Dot panic, before writing
// anything, with an *ndview.Error (Op "linalg.MatMul" or "linalg.Dot")
// wrapping ndview.ErrShape or ndview.ErrReadOnly, as gonum panics on
// mismatched dimensions.
//
// gonum's BLAS runs large products on several goroutines by itself.
package linalg
