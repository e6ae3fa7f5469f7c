// Package arrow connects Apache Arrow to ndkit's buffer protocol
// (semantics.md §30), on github.com/apache/arrow-go/v18, in a module of
// its own so that the core ndkit module does not depend on arrow-go.
//
// Arrow to ndkit, without copying:
//   - NewArray makes a primitive or FixedSizeList array an ndview.Exporter,
//     and View[T] views it as an NDView[T] (1-D, or one axis per level of
//     FixedSizeList). Null slots are refused (RefuseNulls) or exported as
//     stored (AllowNulls), with Validity giving the mask. Booleans are bits
//     and are copied by Bools.
//   - NewTensor and TensorView do the same for Arrow tensors, with their
//     strides.
//   - Map maps an Arrow IPC file or stream (any implementation's) and reads
//     its record batches in place: their columns are read-only views of
//     the mapped pages, counted as exports, and Close refuses while one is
//     held. Malformed files give errors, never a panic.
//
// ndkit to Arrow: ToArray and ToTensor share a view's memory when it is
// contiguous and copy it otherwise; WriteFile and WriteStream write views
// as an IPC file or stream.
package arrow
