// Package kernels holds the inner loops of ndview's element-wise
// operations, reductions and conversions: functions on slices, offsets and
// strides, generated from tables, so that an operation is written once and
// every element type and loop pattern gets its own loop.
//
// # Families and patterns
//
// Element-wise operations (table elementwise in gen/tables.go) compute
// d = op(x) or d = op(x, y). Each operation Op has one loop per pattern of
// the innermost axis of a traversal, each holding op as a function literal
// that the compiler inlines into the loop body (a generic helper would be
// inlined too, but would check its dictionary on every element):
//
//	OpVV(d, a, b)                         every operand contiguous
//	OpSV(d, x, b), OpVS(d, a, y)          one source constant along the row
//	                                      (a broadcast or a scalar), the others contiguous
//	OpStrided(d, di, ds, a, ai, as, …, n) any strides
//	OpV(d, a), OpStrided(d, di, ds, a, ai, as, n)   the same for one source
//
// and a walker, OpRows(p, d, a, b), which runs them along a traversal
// plan (package plan), choosing the loop of each row by the pattern of the
// plan's innermost strides. The strided loops are kept out of line: inlined
// beside the contiguous ones, their strides would take the registers those
// need.
//
// Reductions (table reductions) fold with the function of an element-wise
// operation: ReduceOp(r, s) folds a contiguous row into r,
// ReduceOpRow(r, s, off, st, n) a row of any stride, ReduceOpRows(p, r, s)
// every row of a plan, and FoldOp folds the rows of a block into one row
// (a reduction along an axis that is not the innermost in memory), through
// the element-wise loops.
//
// Conversions (table conversions) have one row kernel per pair of
// representations, NameRow(d, di, ds, s, si, ss, n), with a contiguous
// and a strided loop, and a dispatch on the element kinds of package mem:
// Convert along a plan, ConvertRow for one row. float16.Float16 is
// converted as its bits, through F16Table, F32ToF16 and F64ToF16
// (f16.go).
//
// Every kernel is generic; the compiler instantiates it once per
// underlying element type (its GC shape), so each element type runs its
// own machine code with the operation inlined, and a named type shares
// the code of its underlying type. The constraints (constraints.go) have
// the type sets of ndview's Numeric, Real and Float.
//
// # Adding an operation
//
// Add a row to the table in gen/tables.go and run go generate in this
// directory (or go generate ./... at the root): the row names the
// operation, its constraint, its result as a Go expression in x and y,
// and a line of documentation (an operation that needs statements gives
// the body of a function of x and y instead of an expression). The
// generated tests (zz_*_test.go) check every new kernel, for every element
// type of its constraint and every pattern, against a naive loop of the
// expression; semantics_test.go holds the hand-written checks of corner
// cases (NaN, signed zeros, division by zero).
//
// # Fast paths
//
// The Fast column of a table row names a function with the signature of
// the all-contiguous loop (OpVV, OpV, or the contiguous branch of a row
// conversion) that runs in its place where every operand is contiguous:
// the slot of SIMD code. It must accept every element type of the
// constraint and fall back to the generated loop for the types it has no
// special code for. CopyRow uses the slot for the builtin copy.
//
// # Vector code
//
// The Vec column of a table row names the vector kernels of package simd
// (AVX2 and AVX-512, chosen at run time) that the contiguous loops run
// first, through the helpers of vec.go: they process a prefix of the row
// for float32 and float64 and return its length, and the generated loop
// finishes the rest, with the same bits (semantics.md §27). Under the
// purego build tag, and on other architectures, they process nothing.
//
// # Generated files
//
// The files zz_*.go are written by the command in gen/ and checked in; CI
// regenerates them and fails when they differ. The hand-written files are
// the constraints, the walkers' helpers (walk.go), Where's selection
// (where.go, the one operation of three sources of two types), the float16
// conversions and the test helpers.
package kernels

//go:generate go run ./gen
