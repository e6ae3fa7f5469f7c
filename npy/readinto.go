package npy

import (
	"io"
	"os"
	"slices"

	"github.com/ndkit/ndkit/ndview"
)

// ReadInto reads a .npy file from r into dst, a writable view of any
// layout whose shape is the file's shape, without allocating the array
// (semantics.md TD2): np.load into a preallocated array. The file's dtype
// must have T's kind and size, as for Read; its byte order and memory
// order (fortran_order) may be either. r is left just after the data.
//
// When r can tell how many bytes it holds (it has a Len method or is an
// io.Seeker, as *os.File and bytes.Reader are), the data length is
// checked before anything is written, and the data is read straight into
// dst's memory when dst is contiguous in the file's order and the file is
// in the host's byte order, or through a reused 1 MiB buffer block by
// block otherwise (any nonzero byte reads as true for bools, as in
// NumPy). From any other reader the data is first read whole into a new
// array, then copied, so that a truncated stream writes nothing.
//
// ReadInto returns Read's errors (ErrFormat, ErrUnsupported, ErrDType)
// and one wrapping ErrShape when the file's shape is not dst's, having
// written nothing to dst. Only an I/O error in the middle of the data of
// a file whose length was checked leaves dst partly written (semantics.md
// TD2). It panics with an error wrapping ndview.ErrReadOnly, before
// reading anything, when dst is read-only.
func ReadInto[T any](r io.Reader, dst ndview.NDView[T]) error {
	return readInto("ReadInto", r, dst)
}

// LoadInto reads the .npy file at path into dst, as ReadInto does from
// the opened file (np.load of a file into a preallocated array). It
// returns ReadInto's errors and the error of opening the file, and panics
// as ReadInto does.
func LoadInto[T any](path string, dst ndview.NDView[T]) error {
	const op = "LoadInto"
	checkWritable(op, dst)
	f, err := os.Open(path)
	if err != nil {
		return wrapf(op, nil, err, "opening %s", path)
	}
	defer f.Close()
	return readInto(op, f, dst)
}

// checkWritable panics when dst is read-only.
func checkWritable[T any](op string, dst ndview.NDView[T]) {
	if dst.ReadOnly() {
		panic(errorf(op, ndview.ErrReadOnly, "assignment destination is read-only"))
	}
}

// readInto is ReadInto for the operation op.
func readInto[T any](op string, r io.Reader, dst ndview.NDView[T]) error {
	checkWritable(op, dst)
	h, left, known, err := readHeader(op, r)
	if err != nil {
		return err
	}
	if err := checkDType[T](op, h.DType); err != nil {
		return err
	}
	if !slices.Equal(h.Shape, dst.Shape()) {
		return errorf(op, ErrShape, "the file holds shape %s, the destination has shape %s; read it into a view of shape %s",
			ndview.FormatShape(h.Shape), ndview.FormatShape(dst.Shape()), ndview.FormatShape(h.Shape))
	}
	if !known {
		// A stream may end early: read it whole before writing.
		v, err := readData[T](op, r, h, 0, false)
		if err != nil {
			return err
		}
		dst.CopyFrom(v)
		return nil
	}
	nbytes := int64(h.NBytes())
	if nbytes > left {
		return wrapf(op, ErrFormat, io.ErrUnexpectedEOF,
			"data truncated: shape %s of %s needs %d bytes but %d remain", ndview.FormatShape(h.Shape), h.DType, nbytes, left)
	}
	if nbytes == 0 {
		return nil
	}
	target := dst
	if h.FortranOrder {
		// The file holds dst's elements in F order: the C order of dst.T().
		target = dst.T()
	}
	size := h.DType.Size
	isBool := h.DType.Kind == 'b'
	if !isBool && h.DType.Native() && target.IsCContiguous() {
		b, err := target.ExportBuffer()
		if err != nil {
			return err // cannot happen: the element types of DType export
		}
		m, err := io.ReadFull(r, b.Data[b.Offset:b.Offset+int(nbytes)])
		if err != nil {
			return truncatedData(op, err, m/size, h)
		}
		return nil
	}
	raw := getBlock()
	defer putBlock(raw)
	per := max(len(*raw)/size, 1)
	var bools []bool
	if isBool {
		bools = make([]bool, min(per, dst.Size()))
	}
	got := 0
	return eachBlock(target, per, func(block ndview.NDView[T]) error {
		k := block.Size()
		b := (*raw)[:k*size]
		m, err := io.ReadFull(r, b)
		got += m
		if err != nil {
			return truncatedData(op, err, got/size, h)
		}
		var src ndview.NDView[T]
		if isBool {
			for i, c := range b {
				bools[i] = c != 0
			}
			src, err = ndview.FromSlice(any(bools[:k]).([]T), block.Shape()...)
		} else {
			src, err = ndview.FromBytes[T](b, block.Shape()...)
			if err == nil && !h.DType.Native() {
				src.ByteSwap()
			}
		}
		if err == nil && block.NDim() == 0 {
			src, err = src.Reshape() // the one element of a 0-d array
		}
		if err != nil {
			return err // cannot happen: the buffer is aligned and holds the block
		}
		block.CopyFrom(src)
		return nil
	})
}
