package npy

import (
	"encoding/binary"
	"io"
	"reflect"

	"github.com/ndkit/ndkit/ndview"
)

// writeChunk is the size in bytes of the staging buffer Write uses for
// views that it cannot write from their own memory.
const writeChunk = 64 << 10

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
// A writable contiguous view is written from its own memory in one call to
// w.Write. Other views (strided, read-only, or needing a byte swap) are
// copied in blocks through a 64 KiB buffer, never whole. Write does not
// modify v.
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
	n := v.Size()
	if n == 0 {
		return nil
	}
	swap := !dt.Native()
	isBool := dt.Kind == 'b'
	if !swap && !isBool && v.IsContiguous() {
		if data, err := v.Data(); err == nil {
			// Memory order is the order to write: C order for C-contiguous
			// views, F order (with fortran set) for the others.
			_, err := w.Write(asBytes(data[v.Offset() : v.Offset()+n]))
			return err
		}
	}
	if fortran {
		// The transpose of an F-contiguous view is C-contiguous, and its C
		// order is v's memory order.
		v = v.T()
	}
	buf := make([]T, min(n, max(writeChunk/dt.Size, 1)))
	var bools []byte
	if isBool {
		bools = make([]byte, len(buf))
	}
	return eachBlock(v, len(buf), func(block ndview.NDView[T]) error {
		k := block.Size()
		dst, err := ndview.FromSlice(buf[:k], block.Shape()...)
		if err != nil {
			return err // cannot happen: the shape holds k elements
		}
		if block.NDim() == 0 {
			buf[0] = block.At()
		} else {
			dst.CopyFrom(block)
		}
		var b []byte
		if isBool {
			for i, x := range any(buf[:k]).([]bool) {
				bools[i] = 0
				if x {
					bools[i] = 1
				}
			}
			b = bools[:k]
		} else {
			if swap {
				dst.ByteSwap()
			}
			b = asBytes(buf[:k])
		}
		_, err = w.Write(b)
		return err
	})
}

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
