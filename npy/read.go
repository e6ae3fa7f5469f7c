package npy

import (
	"errors"
	"io"

	"github.com/ndkit/ndkit/ndview"
)

// readChunk is the size of the steps in which Read grows its buffer when
// the length of its input is unknown.
const readChunk = 64 << 10

// Read reads a .npy file from r and returns a new view of its data: a
// C-contiguous view, or an F-contiguous one (strides in Fortran order, data
// as stored, not reordered) when the file is in Fortran order. The data is
// converted to the host's byte order. The view is writable and owns fresh
// memory; r is left just after the data.
//
// The file's dtype must have T's kind and size (see DType): "<f8" reads as
// float64, "|b1" as bool, "<f2" as float16.Float16.
//
// Read allocates only for data that has arrived: when r has a Len method or
// is an io.Seeker (an *os.File, a bytes.Reader), the data length is checked
// against what is left before anything is allocated; otherwise the buffer
// grows in bounded steps as data arrives. A header claiming 10^18 elements
// is an error, never an allocation. The data is read directly into the
// memory of the result (through a byte view of it, ndview.Cast); only
// bools pass through a small buffer, since Go bools must be 0 or 1 and
// NumPy reads any nonzero byte as True.
//
// Read returns errors wrapping ErrFormat (malformed or truncated file, also
// wrapping io.ErrUnexpectedEOF when truncated), ErrUnsupported (see
// ReadHeader) and ErrDType (the dtype does not match T).
func Read[T any](r io.Reader) (ndview.NDView[T], error) {
	const op = "Read"
	h, left, known, err := readHeader(op, r)
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	return readData[T](op, r, h, left, known)
}

// readData reads the data that header h describes from r, where left bytes
// remain when known is set.
func readData[T any](op string, r io.Reader, h Header, left int64, known bool) (ndview.NDView[T], error) {
	if err := checkDType[T](op, h.DType); err != nil {
		return ndview.NDView[T]{}, err
	}
	n := h.Size()
	nbytes := int64(h.NBytes())
	if known && nbytes > left {
		return ndview.NDView[T]{}, wrapf(op, ErrFormat, io.ErrUnexpectedEOF,
			"data truncated: shape %s of %s needs %d bytes but %d remain", ndview.FormatShape(h.Shape), h.DType, nbytes, left)
	}
	var data []T
	if h.DType.Kind == 'b' {
		bools, err := readBools(r, n, known)
		data = any(bools).([]T) // dtypeOf accepts only bool itself for b1
		if err != nil {
			return ndview.NDView[T]{}, truncatedData(op, err, len(data), h)
		}
	} else {
		var err error
		if data, err = readElems[T](r, n, h.DType.Size, known); err != nil {
			return ndview.NDView[T]{}, truncatedData(op, err, len(data), h)
		}
	}
	v, err := makeView(op, data, h.Shape, h.FortranOrder)
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	if !h.DType.Native() {
		v.ByteSwap()
	}
	return v, nil
}

// truncatedData returns the error for data that ended after got of the
// elements header h describes, or for another read error.
func truncatedData(op string, err error, got int, h Header) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF {
		return wrapf(op, ErrFormat, io.ErrUnexpectedEOF,
			"data truncated after %d of %d bytes (shape %s of %s)", int64(got)*int64(h.DType.Size), h.NBytes(), ndview.FormatShape(h.Shape), h.DType)
	}
	return wrapf(op, nil, err, "reading the data")
}

// readBools reads n one-byte booleans from r; any nonzero byte is true,
// as in NumPy. The bytes pass through a bounded buffer, since Go's bools
// cannot be written as bytes. When the input length was checked (sized),
// the result is allocated at once; otherwise it grows as data arrives.
func readBools(r io.Reader, n int, sized bool) ([]bool, error) {
	var out []bool
	if sized {
		out = make([]bool, 0, n)
	} else {
		out = make([]bool, 0, min(n, readChunk))
	}
	buf := make([]byte, min(n, readChunk))
	for len(out) < n {
		if len(out) == cap(out) {
			grown := make([]bool, len(out), min(n, 2*cap(out)))
			copy(grown, out)
			out = grown
		}
		m, err := io.ReadFull(r, buf[:min(n-len(out), len(buf), cap(out)-len(out))])
		for _, c := range buf[:m] {
			out = append(out, c != 0)
		}
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// readElems reads n elements of the given size from r. When the input
// length was checked (sized), it allocates them at once; otherwise it
// grows the buffer as data arrives, so that a lying header costs no more
// memory than the input holds. On error it returns the elements read.
func readElems[T any](r io.Reader, n, size int, sized bool) ([]T, error) {
	if sized || n <= readChunk/size {
		data := make([]T, n)
		m, err := io.ReadFull(r, asBytes(data))
		return data[:m/size], err
	}
	data := make([]T, 0, readChunk/size)
	for len(data) < n {
		if len(data) == cap(data) {
			grown := make([]T, len(data), min(n, 2*cap(data)))
			copy(grown, data)
			data = grown
		}
		m, err := io.ReadFull(r, asBytes(data[len(data):cap(data)]))
		data = data[:len(data)+m/size]
		if err != nil {
			return data, err
		}
	}
	return data, nil
}

// makeView returns the view of data with the given shape, with C strides,
// or F strides when fortran is set.
func makeView[T any](op string, data []T, shape []int, fortran bool) (ndview.NDView[T], error) {
	strides := contiguousStrides(shape, fortran)
	v, err := ndview.Wrap(data, 0, shape, strides)
	if err != nil {
		return ndview.NDView[T]{}, wrapf(op, ErrFormat, err, "shape %s", ndview.FormatShape(shape))
	}
	return v, nil
}

// contiguousStrides returns the C-order strides (F-order when fortran is
// set) of shape, in elements; zero extents count as 1, as in NumPy.
func contiguousStrides(shape []int, fortran bool) []int {
	strides := make([]int, len(shape))
	s := 1
	if fortran {
		for i, e := range shape {
			strides[i] = s
			s *= max(e, 1)
		}
		return strides
	}
	for i := len(shape) - 1; i >= 0; i-- {
		strides[i] = s
		s *= max(shape[i], 1)
	}
	return strides
}
