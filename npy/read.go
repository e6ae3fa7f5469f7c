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
// memory of the result.
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
			"data truncated: shape %v of %s needs %d bytes but %d remain", h.Shape, h.DType, nbytes, left)
	}
	data, err := readElems[T](r, n, h.DType.Size, known)
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF {
			return ndview.NDView[T]{}, wrapf(op, ErrFormat, io.ErrUnexpectedEOF,
				"data truncated after %d of %d bytes (shape %v of %s)", int64(len(data))*int64(h.DType.Size), nbytes, h.Shape, h.DType)
		}
		return ndview.NDView[T]{}, wrapf(op, nil, err, "reading the data")
	}
	b := bytesOf(data)
	if !h.DType.Native() {
		swapBytes(b, h.DType)
	}
	if h.DType.Kind == 'b' {
		normalizeBools(b)
	}
	return makeView(op, data, h.Shape, h.FortranOrder)
}

// readElems reads n elements of the given size from r. When the input
// length was checked (sized), it allocates them at once; otherwise it
// grows the buffer as data arrives, so that a lying header costs no more
// memory than the input holds. On error it returns the elements read.
func readElems[T any](r io.Reader, n, size int, sized bool) ([]T, error) {
	if sized || n <= readChunk/size {
		data := make([]T, n)
		m, err := io.ReadFull(r, bytesOf(data))
		return data[:m/size], err
	}
	data := make([]T, 0, readChunk/size)
	for len(data) < n {
		if len(data) == cap(data) {
			grown := make([]T, len(data), min(n, 2*cap(data)))
			copy(grown, data)
			data = grown
		}
		m, err := io.ReadFull(r, bytesOf(data[len(data):cap(data)]))
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
		return ndview.NDView[T]{}, wrapf(op, ErrFormat, err, "shape %v", shape)
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
