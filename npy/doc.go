// Package npy reads, writes and memory-maps NumPy's .npy and .npz files as
// ndview views.
//
// # Overview
//
// A .npy file is a header (a magic string, a format version and a Python
// dict giving the dtype, the memory order and the shape) followed by the
// array's raw bytes. This package handles format versions 1.0, 2.0 and 3.0
// and the numeric dtypes:
//
//	dtype       Go element type
//	b1          bool
//	i1 u1       int8 uint8
//	i2 u2       int16 uint16
//	i4 u4       int32 uint32
//	i8 u8       int64 uint64 (and int, uint)
//	f2          float16.Float16 (github.com/x448/float16)
//	f4 f8       float32 float64
//	c8 c16      complex64 complex128
//
// in either byte order ('<', '>', '|' or '='). Object arrays (which hold
// pickled Python objects), structured, string and date-time dtypes are
// refused with an error that says so.
//
// # Reading and writing
//
// Read returns a new view of a file's data, converted to the host's byte
// order: a C-contiguous view, or an F-contiguous one for files in Fortran
// order (the data is kept as stored, not reordered). The data is read
// straight into the view's memory. ReadInto and LoadInto read a file into
// a preallocated view of any layout instead, checking its dtype and shape
// first. ReadHeader reads the header alone.
//
// Write writes any view, as numpy.save does: a view that is F-contiguous
// but not C-contiguous is written in memory order with fortran_order True;
// every other view, however strided, reversed or transposed, is written in
// C order, in blocks of 1 MiB; contiguous views are written straight from
// their memory. WriteWith chooses the version and the byte order, and
// WriteHeader writes a header alone, byte for byte as NumPy does.
//
// # Memory mapping
//
// Map maps a file and returns a read-only view of its pages, without
// reading them: a file of any size maps in microseconds. MapWritable gives
// a writable view whose writes go to the file (Flush waits for them to
// reach the disk). Only data in the host's byte order can be mapped, and
// no bool data (Go requires bools to be 0 or 1, which a file need not
// keep); use Read for those.
//
// Mapped memory must never fault, whatever the program does with its
// views. Each view of a mapping carries the mapping as its owner
// (ndview.WithObj, like memoryview.obj), and every view derived from it
// keeps it:
//
//  1. Close replaces the mapped pages with zero pages at the same addresses.
//     A view used after Close reads zeros (writes through a writable view go
//     to discarded memory); it does not crash.
//  2. The address range is unmapped only by a cleanup on the owner, once no
//     view and no Mapped can reach it.
//
// Two things escape these rules: a slice returned by Data() of a writable
// mapped view does not keep the mapping reachable (keep a view alive while
// using it), and, as with any mapping, a file truncated by another process
// faults when its lost pages are read.
//
// # .npz archives
//
// A .npz file is a zip archive of .npy members. OpenNPZ, MapNPZ and NewNPZ
// open one; Load reads an array of it. With MapNPZ, stored (uncompressed)
// members in the host's byte order are read-only views of the mapped
// archive, under the rules above; deflated members, and bool arrays, are
// read into fresh memory. NPZWriter writes archives, stored (numpy.savez) or
// deflated (numpy.savez_compressed); it aligns stored members to 64 bytes
// so that they can always be mapped.
//
// # Errors and safety
//
// Files are outside data: every defect gives an error, never a panic.
// Errors are *Error values wrapping one of ErrFormat (malformed or
// truncated data; truncation also wraps io.ErrUnexpectedEOF),
// ErrUnsupported (a valid file this package does not handle), ErrDType (a
// dtype that does not match the element type) or ErrClosed. Lengths in
// headers and archives are not trusted: nothing is allocated for data that
// has not arrived, so a header claiming 10^18 elements costs nothing, and
// every extent, product and offset is checked for overflow.
//
// # NumPy names
//
//	NumPy                                   npy
//	np.load(f)                              Read[T](f)
//	np.save(f, a)                           Write(f, v)
//	np.lib.format.read_array_header_1_0     ReadHeader(f)
//	np.lib.format.write_array_header_2_0    WriteHeader(f, Header{Version: Version2, ...})
//	np.load(path, mmap_mode='r')            Map[T](path)
//	np.load(path, mmap_mode='r+')           MapWritable[T](path)
//	np.load('a.npz')['x']                   Load[T](z, "x") with z from OpenNPZ or MapNPZ
//	np.savez(f, x=a)                        Save(NewNPZWriter(f, false), "x", v)
//	np.savez_compressed(f, x=a)             Save(NewNPZWriter(f, true), "x", v)
package npy
