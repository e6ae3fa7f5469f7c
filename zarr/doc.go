// Package zarr reads and writes Zarr v2 and v3 arrays (chunked,
// compressed n-dimensional arrays, as written by zarr-python, Dask,
// xarray, TensorStore and zarrita) as ndview views.
//
// # Overview
//
// Open an array in a Store (a directory with NewDirStore, a zip archive
// with OpenZipStore, memory with NewMemoryStore, HTTP with NewHTTPStore),
// then read a region with
// Read or ReadInto and write one with Write. Regions use the NumPy basic
// index syntax of ndview.Index:
//
//	s, _ := zarr.NewDirStore("data.zarr")
//	a, _ := zarr.Open(ctx, s, "temperature")
//	v, _ := zarr.Read[float32](ctx, a, "0, 100:200, ::-1") // z[0, 100:200, ::-1]
//	err := zarr.Write(ctx, a, "1, :, :", v2)              // z[1, :, :] = v2
//
// Only the chunks a region touches are read; chunks are decoded and
// encoded in parallel over ndview.MaxThreads() goroutines; absent chunks
// read as the fill value. Create writes a new array's metadata;
// CreateGroup, OpenGroup and the attribute methods handle groups;
// Consolidate and OpenConsolidated handle v2 consolidated metadata.
// Every call takes a context; WithProgress makes Read, ReadInto and Write
// report the chunks done.
//
// # Formats
//
// Zarr v2 (.zarray, .zattrs, .zgroup, .zmetadata; C and F order; either
// dimension separator; the compressors zlib, gzip, zstd, lz4, blosc and,
// for reading, bz2) and Zarr v3 (zarr.json; the regular grid; default and
// v2 chunk keys; the codecs transpose, bytes, sharding_indexed, gzip,
// zstd, blosc and crc32c). Data types are bool, the integers, float16
// (github.com/x448/float16), float32, float64, complex64 and complex128,
// in either byte order; Read converts to the host's. docs/semantics.md
// §24 gives the rules in full.
//
// # Errors and concurrency
//
// Store contents are outside data: every defect returns an *Error naming
// the store key and wrapping ErrFormat, ErrUnsupported, ErrChecksum,
// ErrDType, ErrRegion, ErrNotFound or ErrReadOnly; nothing panics.
// Writes of regions that touch disjoint chunks are safe from several
// goroutines or processes without locks; two writers inside one chunk are
// not (each rewrites the whole chunk), as in zarr-python.
//
// Not implemented: S3 stores, partial (byte-range) reads of
// shards, v2 filters, string and structured dtypes.
package zarr
