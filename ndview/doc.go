// Package ndview provides NDView, a zero-copy n-dimensional strided view of a
// Go slice with NumPy's indexing and view semantics and the attributes of
// Python's memoryview.
//
// # Model
//
// A view is a slice of data, an offset, a shape and strides counted in
// elements, and a read-only flag. Element (i0, …, ik) is
//
//	data[offset + i0·strides[0] + … + ik·strides[k]]
//
// Strides may be negative (a reversed axis) or zero (a repeated element).
// A view has 0 to MaxRank (64) dimensions; a 0-d view holds exactly one
// element, data[offset]. Views of rank up to 4 keep shape and strides inside
// the NDView value, so deriving them costs no allocation.
//
// # Views, never copies
//
// Slice, Index, T, Transpose, SwapAxes, MoveAxis, Flip, Rot90, Diagonal,
// Squeeze, ExpandDims, Reshape, BroadcastTo, SlidingWindow, AsStrided and
// AsReadOnly return views: new headers over the same data. A write through
// one view is seen through every view of the same elements. Operations
// whose result cannot be a view (a reshape of a layout that is not
// contiguous enough) return an error rather than copying.
//
// # Invariants
//
// Every view satisfies, from construction on:
//
//  1. 0 <= ndim <= MaxRank, and every extent is >= 0.
//  2. The product of the nonzero extents times the item size fits in int.
//  3. If the view has elements, the lowest and highest element it reaches,
//     offset + Σ stride·(extent−1) over negative and positive strides
//     respectively, lie inside [0, len(data)). Element access can therefore
//     never leave data. A view without elements reaches nothing; its offset
//     is bookkeeping and may lie outside data after NumPy's arithmetic.
//  4. A view whose indices might reach one element twice (zero strides,
//     overlapping windows) is read-only.
//
// FromSlice and Wrap check the invariants on user input; every operation
// keeps them.
//
// # Errors and panics
//
// One rule decides, as in the Go standard library and gonum: what the
// failure depends on (docs/semantics.md E1). Values the program computes
// itself are its own logic, and a mistake in them panics, as an index out
// of range of a Go slice does:
//
//   - an index outside its axis (At, Set, Slice), or a step of 0 (Step,
//     By);
//   - an axis out of range, a repeated axis or a wrong permutation
//     (Transpose, Flip, Squeeze, Axis, SumAxis, …), and the window and axes
//     of SlidingWindow;
//   - operands whose shapes do not broadcast to the destination's in the
//     element-wise functions and copies (CopyFrom, Convert, Map, Zip, Add,
//     Less, Where, Clip, …), or a reduction destination of the wrong shape;
//   - a write to a read-only view, through any write path;
//   - an invalid enum value, such as an Order other than OrderC, OrderF
//     and OrderA (ToBytes, ReshapeOrder);
//   - Zeros with a bad shape, as make panics.
//
// Values the program receives are data, and a problem with them is
// returned as an error: a buffer with its offset and strides (FromSlice,
// Wrap, AsStrided, FromBytes, Cast, ByteView, DecodeBytes), an index
// string read at run time (Index), a target shape passed as a value,
// which often comes with the data (Reshape, ReshapeOrder, BroadcastTo,
// BroadcastShapes), a reshape that would need a copy, a result too big to
// describe (SlidingWindow), a format string (ParseFormat), the backing
// slice of a read-only view (Data), and files (package npy). The same index
// given as a string to Index returns an error, and given as typed items to
// Slice panics. A call that fails returns the zero NDView and changes
// nothing: every argument is checked before the first write (E7).
//
// Every panic value and every error of this package is an *Error, or an
// *IndexError for element access, that unwraps to exactly one of the
// sentinels ErrShape, ErrOverflow, ErrBounds, ErrLayout, ErrIndex, ErrAxis,
// ErrReadOnly, ErrAlign or ErrType, so errors.Is classifies a failure,
// also after recover (E4). The fixed-rank accessors (At2, Set2, At3,
// Set3) are the one exception: to be inlined they panic with a small value
// that builds its *Error or *IndexError only when asked and wraps it, so
// that errors.Is and errors.As find it and the message is the same. A
// message names the operation, the argument at
// fault and the shapes involved, written as NumPy writes tuples
// (FormatShape), and says what would be valid (E5). Error values never
// change after they are made and may be kept or shared (E6); lengths and
// sizes are never truncated to fit (E8); slice bounds too large for an int
// in an index string are clamped, as in NumPy (E9). docs/semantics.md §0
// lists every case, rules E1 to E9.
//
// # Aliasing
//
// Views share their data freely. Operations that read some views and write
// another (CopyFrom, Convert, Map, Zip, Add and the other element-wise
// functions) behave as if every source had been copied to a temporary
// first, whatever the overlap, including the cases where NumPy itself gets
// it wrong (semantics.md W3). Sources are broadcast to the destination's
// shape; the destination never changes shape.
//
// # Traversal
//
// Element-wise operations plan their walk once per call (plan.go): the
// sources are broadcast, axes are ordered by destination stride, negative
// strides flipped, extent-1 axes dropped and mergeable axes coalesced, and
// one specialised inner loop runs per row: a builtin copy for contiguous
// data, a fill for zero strides, unrolled loops for short axes such as
// image channels, cache-blocked tiles for transposes, and a strided loop
// otherwise. Results equal the plain C-order loop. Large contiguous copies
// and some costly functions (Exp, Log) use several goroutines.
//
// # Casts and byte order
//
// Cast and FromBytes reinterpret memory as another element type without
// copying; they check that the types hold no pointers, that addresses are
// aligned and that strides divide, and they never make a bool from
// arbitrary bytes. Views are always in native byte order: DecodeBytes and
// ByteSwap are the explicit ways to change it. Convert changes element
// types by value (float16 included, rounding like github.com/x448/float16).
//
// # Read-only views
//
// AsReadOnly, BroadcastTo, SlidingWindow and self-overlapping Wrap and
// AsStrided results are read-only, as is every view derived from them.
// Set panics on them, and Data refuses to hand out their backing slice,
// since a Go slice cannot be made read-only.
//
// # NumPy names
//
//	NumPy                        ndview
//	np.asarray(a).reshape(2, 3)  FromSlice(a, 2, 3)
//	np.zeros((2, 3))             Zeros[float64](2, 3)
//	as_strided(a, shape, st)     Wrap(a, off, shape, st), v.AsStrided(shape, st)
//	a[1:5, ::-1, ..., None]      v.Index("1:5, ::-1, ..., None")
//	                             v.Slice(Range(1, 5), Step(-1), Ellipsis, NewAxis)
//	a[i, j, k]                   v.At(i, j, k), v.At3(i, j, k)
//	a[i, j, k] = x               v.Set(x, i, j, k), v.Set3(x, i, j, k)
//	a.T, a.transpose(1, 0, 2)    v.T(), v.Transpose(1, 0, 2)
//	a.swapaxes, np.moveaxis      v.SwapAxes, v.MoveAxis
//	np.flip, np.rot90            v.Flip, v.Rot90
//	a.diagonal(o, a1, a2)        v.Diagonal(o, a1, a2)
//	a.squeeze, np.expand_dims    v.Squeeze, v.ExpandDims
//	a.reshape(s), order="F"      v.Reshape(s...), v.ReshapeOrder(OrderF, s...)
//	np.broadcast_to(a, s)        v.BroadcastTo(s...)
//	np.broadcast_shapes          BroadcastShapes
//	sliding_window_view          v.SlidingWindow(window, axes...)
//	a.ndim, a.shape, a.strides   v.NDim(), v.Shape(), v.ByteStrides()
//	a.size, a.itemsize, a.nbytes v.Size(), v.ItemSize(), v.NBytes()
//	a.flags.c_contiguous         v.IsCContiguous()
//	memoryview.toreadonly()      v.AsReadOnly()
//	np.array_equal(a, b)         ArrayEqual(a, b)
//	a.view(np.float32)           Cast[float32](v)
//	np.frombuffer(b, np.float32) FromBytes[float32](b, shape...)
//	a.astype(t), np.copyto       ConvertInto(dst, v)
//	dst[...] = src               dst.CopyFrom(src)
//	a.copy(), a.tolist()         v.Clone(), v.ToList(); v.ToSlice() flat
//	a.tobytes(order), a.hex()    v.ToBytes(OrderC), v.Hex(sep, n)
//	a.fill(x)                    v.Fill(x)
//	a.flat, np.ndenumerate       v.Values(), v.Enumerate()
//	for row in a                 v.Rows(), v.Axis(k)
//	np.add(a, b, out=dst)        AddInto(dst, a, b); Sub, Mul, Div, Minimum, Maximum
//	a + 2                        AddScalarInto(dst, a, 2); SubScalar, MulScalar, DivScalar
//	np.exp, np.sqrt, np.abs      ExpInto(dst, a), Sqrt, Log, Abs, Neg
//	np.less(a, b), np.where      LessInto(mask, a, b), EqualTo, …; WhereInto(dst, c, a, b)
//	np.clip(a, lo, hi)           ClipInto(dst, a, lo, hi)
//	a.sum(), a.mean(), a.max()   Sum(v), Mean, Prod, Min, Max, ArgMin, ArgMax, Any, All
//	a.sum(axis=k)                SumAxisInto(dst, v, k), MeanAxis, MaxAxis, …
package ndview
