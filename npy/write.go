package npy

import (
	"encoding/binary"
	"io"
	"reflect"

	"github.com/ndkit/ndkit/ndview"
)

// writeChunk is the size in bytes of the staging buffer Write uses for
// views that are not contiguous or need a byte swap.
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
// view, strided, reversed or transposed, is written in C order, walked in
// chunks without copying the whole view. Write does not modify v.
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

// writeData writes the elements of v in C order, or in F order when
// fortran is set, encoded as dt.
func writeData[T any](w io.Writer, v ndview.NDView[T], dt DType, fortran bool) error {
	n := v.Size()
	if n == 0 {
		return nil
	}
	swap := !dt.Native()
	data, err := v.Data()
	if err == nil && v.IsContiguous() {
		// Memory order is the order to write: C-contiguous views are
		// written in C order, F-contiguous ones with fortran set.
		elems := data[v.Offset() : v.Offset()+n]
		if !swap {
			_, err := w.Write(bytesOf(elems))
			return err
		}
		buf := make([]T, min(n, max(writeChunk/dt.Size, 1)))
		for len(elems) > 0 {
			k := copy(buf, elems)
			elems = elems[k:]
			b := bytesOf(buf[:k])
			swapBytes(b, dt)
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	}
	buf := make([]T, min(n, max(writeChunk/dt.Size, 1)))
	emit := func(chunk []T) error {
		b := bytesOf(chunk)
		if swap {
			swapBytes(b, dt)
		}
		_, err := w.Write(b)
		return err
	}
	if err == nil {
		return gatherData(data, v.Offset(), v.Shape(), v.Strides(), fortran, buf, emit)
	}
	return gatherAt(v, fortran, buf, emit)
}

// gatherData walks the elements data[off + Σ idx·strides] of a layout with
// at least one element in C order (F order when fortran is set), copying
// them into buf and calling emit each time buf is full, and once more with
// the rest.
func gatherData[T any](data []T, off int, shape, strides []int, fortran bool, buf []T, emit func([]T) error) error {
	nd := len(shape)
	if nd == 0 {
		buf[0] = data[off]
		return emit(buf[:1])
	}
	if fortran {
		// F order is C order over the reversed axes.
		for i, j := 0, nd-1; i < j; i, j = i+1, j-1 {
			shape[i], shape[j] = shape[j], shape[i]
			strides[i], strides[j] = strides[j], strides[i]
		}
	}
	idx := make([]int, nd-1)
	inner, step := shape[nd-1], strides[nd-1]
	k := 0
	p := off
	for {
		q := p
		for range inner {
			buf[k] = data[q]
			k++
			q += step
			if k == len(buf) {
				if err := emit(buf); err != nil {
					return err
				}
				k = 0
			}
		}
		j := nd - 2
		for ; j >= 0; j-- {
			idx[j]++
			p += strides[j]
			if idx[j] < shape[j] {
				break
			}
			p -= strides[j] * shape[j]
			idx[j] = 0
		}
		if j < 0 {
			break
		}
	}
	if k > 0 {
		return emit(buf[:k])
	}
	return nil
}

// gatherAt is gatherData for views whose data is not handed out (read-only
// views): it reads each element with At.
func gatherAt[T any](v ndview.NDView[T], fortran bool, buf []T, emit func([]T) error) error {
	shape := v.Shape()
	nd := len(shape)
	idx := make([]int, nd)
	k := 0
	for {
		buf[k] = v.At(idx...)
		k++
		if k == len(buf) {
			if err := emit(buf); err != nil {
				return err
			}
			k = 0
		}
		j := 0
		for ; j < nd; j++ {
			a := nd - 1 - j // C order: the last axis is fastest
			if fortran {
				a = j
			}
			idx[a]++
			if idx[a] < shape[a] {
				break
			}
			idx[a] = 0
		}
		if j == nd {
			break
		}
	}
	if k > 0 {
		return emit(buf[:k])
	}
	return nil
}
