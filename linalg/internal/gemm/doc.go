// Package gemm multiplies strided float32 and float64 matrices: C = A·B
// for any row and column strides of A, B and C (semantics.md §28).
//
// # Algorithm
//
// Large products follow BLIS (Van Zee and van de Geijn, "BLIS: A
// Framework for Rapidly Instantiating BLAS Functionality", 2015): B is
// packed, KC rows by NC columns at a time, into panels of NR columns; A is
// packed, MC rows by KC columns at a time, into panels of MR rows; a
// register-blocked microkernel multiplies one A panel by one B panel into
// an MR×NR tile of C. Packing reads A and B through their strides, so a
// transposed or stepped operand costs no more than a contiguous one. KC,
// MC and NC come from the cache sizes of the running CPU (cache.go), the
// kernel from its features (dispatch_amd64.go): generated AVX-512 or
// AVX2+FMA assembly (gen/main.go, kernel_amd64.s), or the pure-Go kernel
// (kernel.go) elsewhere and under the purego build tag.
//
// Small products (few multiply-adds, as in a batch of 4×4 matrices) skip
// the packing and run a direct loop over the strided operands (small.go).
//
// # Accuracy
//
// Every element of C is a sum over p of A[i,p]·B[p,j] taken in increasing
// p: within a KC block in one accumulator (one fused multiply-add per
// step in the assembly kernels), the blocks added to C in increasing
// order. The error is within the bound of recursive summation, |C − A·B|
// ≤ γ_k·(|A|·|B|) elementwise with γ_k = k·u/(1 − k·u), u the unit
// roundoff, the bound gonum's BLAS has (semantics.md §28, GM4).
//
//go:generate go run ./gen -out kernel_amd64.s -stubs kernel_amd64.go -pkg gemm
package gemm
