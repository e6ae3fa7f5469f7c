// Package safetensors reads, maps and writes safetensors files, the format
// of Hugging Face model weights, as ndview views (semantics.md §26).
//
// A file is an 8-byte little-endian length n, a JSON header of n bytes
// naming each tensor's dtype, shape and byte range (data_offsets) in the
// data section that follows, and the data: every tensor C-contiguous and
// little-endian, the ranges tiling the data section without gaps or
// overlaps. An optional "__metadata__" entry maps strings to strings.
//
//   - Parse reads a file held in memory; its views share the bytes.
//   - Map maps a file; its views share the file's pages, and opening a
//     tensor costs nothing in proportion to its size.
//   - Read reads the header from an io.ReaderAt and each tensor when it is
//     asked for.
//   - Tensor returns one tensor as an ndview.NDView[T], checking T against
//     the dtype; it says whether the view shares the file or is a copy (the
//     format does not pad, so a tensor may start at an offset that is not
//     a multiple of its element size, and bools are checked).
//   - Writer writes any views, strided ones included, with metadata, in the
//     order and layout the official implementation writes.
//
// Headers are validated as the official implementation (the Rust crate
// safetensors, which the Python package wraps) validates them, and a little
// more strictly (duplicate names are refused): see ErrHeader.
//
// The dtypes and their element types:
//
//	BOOL bool    U8 uint8    I8 int8    U16 uint16   I16 int16
//	U32 uint32   I32 int32   U64 uint64 I64 int64    F16 float16.Float16
//	BF16 bfloat16.BFloat16   F32 float32             F64 float64
//	F8_E4M3 float8.E4M3FN    F8_E5M2 float8.E5M2     C64 complex64
//
// Named types over these take their dtype (a type over uint8 is U8), as
// do int and uint (I64, U64 on 64-bit platforms). The dtypes F4, F6_E2M3,
// F6_E3M2, F8_E8M0, F8_E4M3FNUZ and F8_E5M2FNUZ are read and listed, and
// their bytes are available through Bytes, but have no element type.
package safetensors
