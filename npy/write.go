package npy

import (
	"encoding/binary"
	"io"
	"reflect"
	"sync"

	"github.com/ndkit/ndkit/ndview"
)

// Options control how WriteWith encodes an array.
type Options struct {
	// Version is the format version of the header; the zero Version
	// selects the lowest that can hold it (1.0), as numpy.save does.
	Version Version
	// ByteOrder is the byte order of the data, binary.LittleEndian or
	// binary.BigEndian; nil means the host's order, as numpy.save writes
	// native arrays.
	ByteOrder binary.ByteOrder
}

// Write writes v to w as a .npy file, as numpy.save does: a version 1.0
// header with the host's byte order, then the data. A view that is
// F-contiguous but not C-contiguous (such as the transpose of a C array)
// is written with fortran_order True, its data in memory order; every other
// view, strided, reversed or transposed, is written in C order.
//
// A contiguous view in the host's byte order (read-only, mapped and bool
// views included) is written from its own memory in one call to w.Write,
// as numpy.save writes it. Other views (strided, or needing a byte swap)
// are copied in blocks of 1 MiB through a reused buffer, never whole, one
// call to w.Write per block (semantics.md TD1). Write does not modify v.
//
// Write returns an error wrapping ErrUnsupported when T is not a supported
// element type (see DType), and the errors of w.
func Write[T any](w io.Writer, v ndview.NDView[T]) error {
	return writeArray("Write", w, v, Options{})
}

// WriteWith is Write with a chosen format version and byte order.
func WriteWith[T any](w io.Writer, v ndview.NDView[T], opts Options) error {
	return writeArray("WriteWith", w, v, opts)
}

// writeArray writes the header and data of v.
func writeArray[T any](op string, w io.Writer, v ndview.NDView[T], opts Options) error {
	dt, ok := dtypeOf[T]()
	if !ok {
		return errorf(op, ErrUnsupported, "element type %s is not supported; use one of bool, int8..int64, int, uint8..uint64, uint, float16.Float16, float32, float64, complex64, complex128",
			reflect.TypeFor[T]())
	}
	if opts.ByteOrder != nil && dt.Size > 1 {
		dt.Order = orderOf(opts.ByteOrder)
	}
	fortran := v.IsFContiguous() && !v.IsCContiguous()
	hdr, err := appendHeader(nil, op, Header{Version: opts.Version, DType: dt, FortranOrder: fortran, Shape: v.Shape()})
	if err != nil {
		return err
	}
	if _, err := w.Write(hdr); err != nil {
		return err
	}
	return writeData(w, v, dt, fortran)
}

// writeData writes the elements of v in C order, or in memory order (F
// order) when fortran is set, encoded as dt.
func writeData[T any](w io.Writer, v ndview.NDView[T], dt DType, fortran bool) error {
	if dt.Kind == 'b' {
		// Go stores a bool as the byte 0 or 1, the bytes NumPy writes: a
		// (read-only) uint8 view of the same memory writes them as they are.
		u, err := ndview.Cast[uint8](v)
		if err != nil {
			panic(err) // cannot happen: bool and uint8 have one size
		}
		return writeBytes(w, u, dt, fortran)
	}
	return writeBytes(w, v, dt, fortran)
}

// writeBytes is writeData for element types whose memory holds the bytes
// to write (all but bool).
func writeBytes[T any](w io.Writer, v ndview.NDView[T], dt DType, fortran bool) error {
	n := v.Size()
	if n == 0 {
		return nil
	}
	swap := !dt.Native()
	if !swap && v.IsContiguous() {
		// Memory order is the order to write: C order for C-contiguous
		// views, F order (with fortran set) for the others.
		b, err := v.ExportBuffer()
		if err != nil {
			return err // cannot happen: the element types of DType export
		}
		_, err = w.Write(b.Data[b.Offset : b.Offset+n*dt.Size])
		return err
	}
	if fortran {
		// The transpose of an F-contiguous view is C-contiguous, and its C
		// order is v's memory order.
		v = v.T()
	}
	raw := getBlock()
	defer putBlock(raw)
	per := max(len(*raw)/dt.Size, 1)
	return eachBlock(v, per, func(block ndview.NDView[T]) error {
		b := (*raw)[:block.Size()*dt.Size]
		dst, err := ndview.FromBytes[T](b, block.Shape()...)
		if err != nil {
			return err // cannot happen: the buffer is aligned and holds the block
		}
		dst.CopyFrom(block)
		if swap {
			dst.ByteSwap()
		}
		_, err = w.Write(b)
		return err
	})
}

// blockBytes is the size of the buffer through which Write copies views
// it cannot write from their own memory, and ReadInto reads data it cannot
// read straight into the destination: large enough that a 256 MiB array
// costs 256 calls to Write or Read, small enough to stay in L2.
const blockBytes = 1 << 20

// blocks holds buffers of blockBytes bytes for reuse; a fresh []byte of
// that size is page-aligned, so every element type's view of it is
// aligned.
var blocks = sync.Pool{New: func() any { b := make([]byte, blockBytes); return &b }}

// getBlock returns a buffer of blockBytes bytes from blocks.
func getBlock() *[]byte { return blocks.Get().(*[]byte) }

// putBlock returns a buffer to blocks.
func putBlock(b *[]byte) { blocks.Put(b) }

// eachBlock calls fn with consecutive blocks of the view v, which has
// elements, in C order: sub-views of at most max elements (max >= 1),
// made of whole rows of the first axis where they fit and otherwise split
// along the next axes.
func eachBlock[T any](v ndview.NDView[T], max int, fn func(ndview.NDView[T]) error) error {
	if v.Size() <= max || v.NDim() == 0 {
		return fn(v)
	}
	n0 := v.Shape()[0]
	inner := v.Size() / n0
	if inner <= max {
		step := max / inner
		for i := 0; i < n0; i += step {
			if err := fn(v.Slice(ndview.Range(i, min(i+step, n0)))); err != nil {
				return err
			}
		}
		return nil
	}
	for i := range n0 {
		if err := eachBlock(v.Slice(ndview.Int(i)), max, fn); err != nil {
			return err
		}
	}
	return nil
}
