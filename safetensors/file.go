package safetensors

import (
	"encoding/binary"
	"errors"
	"io"
	"maps"
	"slices"
	"sync/atomic"

	"github.com/ndkit/ndkit/ndview"
)

// File is an opened safetensors file: its validated header, and its data
// in memory (Parse), mapped (Map) or behind an io.ReaderAt (Read). A File
// is safe for concurrent use.
type File struct {
	h      *header
	data   []byte      // the data section, for Parse and Map
	ra     io.ReaderAt // the whole file, for Read
	owner  *mapping    // Map: kept by every view, unmaps once unreachable
	closed atomic.Bool
}

// Parse parses the safetensors file held in b. Its views share b: writes
// through a view change b and writes to b are seen through the views
// (where a tensor is copied, Tensor says so). b must not be changed while
// the File is in use other than through its views.
//
// Parse returns an error wrapping ErrHeader for a file the official
// implementation refuses (see ErrHeader), and ErrUnsupported on a
// big-endian host.
func Parse(b []byte) (*File, error) {
	const op = "Parse"
	if err := checkHost(op); err != nil {
		return nil, err
	}
	n, err := headerLength(op, b, int64(len(b)))
	if err != nil {
		return nil, err
	}
	h, err := parseHeader(op, b[8:8+n], int64(len(b)))
	if err != nil {
		return nil, err
	}
	return &File{h: h, data: b[8+n:]}, nil
}

// Read reads the header of the safetensors file of size bytes behind r;
// each tensor is read from r when Tensor or Bytes asks for it, into new
// memory. r must stay readable while the File is in use.
//
// Read returns the errors of Parse, and r's errors (with io.ErrUnexpectedEOF
// for a short read).
func Read(r io.ReaderAt, size int64) (*File, error) {
	const op = "Read"
	if err := checkHost(op); err != nil {
		return nil, err
	}
	var prefix [8]byte
	if size >= 8 {
		if err := readFull(r, prefix[:], 0); err != nil {
			return nil, wrapf(op, ErrHeader, err, "reading the header length")
		}
	}
	n, err := headerLength(op, prefix[:], size)
	if err != nil {
		return nil, err
	}
	hb := make([]byte, n)
	if err := readFull(r, hb, 8); err != nil {
		return nil, wrapf(op, ErrHeader, err, "reading the header")
	}
	h, err := parseHeader(op, hb, size)
	if err != nil {
		return nil, err
	}
	return &File{h: h, ra: r}, nil
}

// readFull reads len(b) bytes of r at off.
func readFull(r io.ReaderAt, b []byte, off int64) error {
	n, err := r.ReadAt(b, off)
	if n == len(b) {
		return nil
	}
	if err == nil || errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return err
}

// checkHost refuses big-endian hosts: the format is little-endian, and
// views share its bytes.
func checkHost(op string) error {
	var probe [2]byte
	binary.NativeEndian.PutUint16(probe[:], 1)
	if probe[0] != 1 {
		return errorf(op, ErrUnsupported, "the host is big-endian; safetensors data is little-endian")
	}
	return nil
}

// Names returns the names of the tensors, in the order of their data in
// the file.
func (f *File) Names() []string {
	names := make([]string, len(f.h.infos))
	for i := range f.h.infos {
		names[i] = f.h.infos[i].Name
	}
	return names
}

// Len returns the number of tensors.
func (f *File) Len() int { return len(f.h.infos) }

// Info returns the description of tensor name, and false when the file
// holds no such tensor. Its Shape is the caller's.
func (f *File) Info(name string) (TensorInfo, bool) {
	i, ok := f.h.index[name]
	if !ok {
		return TensorInfo{}, false
	}
	t := f.h.infos[i]
	t.Shape = slices.Clone(t.Shape)
	return t, true
}

// Metadata returns a copy of the file's __metadata__, or nil when it has
// none.
func (f *File) Metadata() map[string]string { return maps.Clone(f.h.meta) }

// DataOffset returns the byte offset of the data section in the file: 8
// plus the header's length.
func (f *File) DataOffset() int64 { return 8 + f.h.n }

// Close ends the use of f: Tensor and Bytes then return ErrClosed. Views
// already returned stay valid: a mapping is unmapped only once neither the
// File nor any view of it is reachable (semantics.md SF9). Close returns
// nil; closing twice does nothing.
func (f *File) Close() error {
	f.closed.Store(true)
	return nil
}

// info returns tensor name's entry, or the error of op.
func (f *File) info(op, name string) (*TensorInfo, error) {
	if f.closed.Load() {
		return nil, errorf(op, ErrClosed, "tensor %q: the file is closed", name)
	}
	i, ok := f.h.index[name]
	if !ok {
		return nil, errorf(op, ErrNotFound, "tensor %q: the file holds %d tensors and none of that name", name, len(f.h.infos))
	}
	return &f.h.infos[i], nil
}

// Bytes returns the bytes of tensor name, as the file holds them
// (little-endian, C order): a subslice of the File's memory for Parse,
// a new slice otherwise (a mapping's pages are never handed out as a
// writable slice). It works for every dtype, those without an element
// type included. It returns ErrNotFound, ErrClosed, or r's error for Read.
func (f *File) Bytes(name string) ([]byte, error) {
	const op = "Bytes"
	t, err := f.info(op, name)
	if err != nil {
		return nil, err
	}
	switch {
	case f.ra != nil:
		b := make([]byte, t.End-t.Begin)
		if err := readFull(f.ra, b, f.DataOffset()+t.Begin); err != nil {
			return nil, wrapf(op, ErrHeader, err, "tensor %q", name)
		}
		return b, nil
	case f.owner != nil:
		return slices.Clone(f.data[t.Begin:t.End]), nil
	}
	return f.data[t.Begin:t.End:t.End], nil
}

// Tensor returns tensor name of f as a view of T, C-contiguous with the
// tensor's shape, and whether it is a copy. It shares the file's memory
// (copied false) when f holds its data in memory (Parse, Map), the tensor
// starts at an address aligned for T, and T is not bool; views of a mapping
// are read-only. Otherwise it is a new array (copied true): for Read, for
// a tensor at a misaligned offset (the format does not pad: a header whose
// length is not a multiple of 8, or tensors of mixed sizes in an order
// other than the official writer's), and for BOOL, whose bytes are checked
// to be 0 or 1 (semantics.md SF8).
//
// T must be the tensor's element type (DtypeOf[T]() == its dtype): any
// other returns an error wrapping ndview.ErrType, and ErrUnsupported for
// a dtype without element type. A BOOL byte other than 0 or 1 returns
// ErrHeader. It also returns ErrNotFound, ErrClosed, and for Read the
// reader's error.
func Tensor[T any](f *File, name string) (v ndview.NDView[T], copied bool, err error) {
	const op = "Tensor"
	t, err := f.info(op, name)
	if err != nil {
		return v, false, err
	}
	if err := checkType[T](op, t); err != nil {
		return v, false, err
	}
	if f.ra != nil {
		v, err = readTensor[T](op, f, t)
		return v, true, err
	}
	b := f.data[t.Begin:t.End:t.End]
	if t.Dtype != BOOL && t.Begin != t.End {
		v, err = ndview.FromBytes[T](b, t.Shape...)
		if err == nil {
			v = scalar(v, t)
			if f.owner != nil {
				v = ndview.WithObj(v.AsReadOnly(), any(f.owner))
			}
			return v, false, nil
		}
		if !errors.Is(err, ndview.ErrAlign) {
			return v, false, wrapf(op, ErrHeader, err, "tensor %q", name)
		}
	}
	v, err = decode[T](op, b, t)
	return v, true, err
}

// scalar returns v, a view of the one element of a tensor of shape [], as
// a 0-d view (FromBytes and DecodeBytes make 1-D views without a shape);
// v itself for other tensors.
func scalar[T any](v ndview.NDView[T], t *TensorInfo) ndview.NDView[T] {
	if len(t.Shape) == 0 && v.NDim() == 1 {
		return v.Slice(ndview.Int(0))
	}
	return v
}

// checkType checks that T is the element type of t's dtype.
func checkType[T any](op string, t *TensorInfo) error {
	d, ok := DtypeOf[T]()
	if ok && d == t.Dtype {
		return nil
	}
	if dtypes[t.Dtype.rank()].format == "" {
		return errorf(op, ErrUnsupported, "tensor %q: dtype %s has no element type; its bytes are available through Bytes", t.Name, t.Dtype)
	}
	if !ok {
		d = "none"
	}
	return errorf(op, ndview.ErrType, "tensor %q has dtype %s; the element type (format %s) has dtype %s", t.Name, t.Dtype, ndview.FormatOf[T](), d)
}

// decode copies the little-endian bytes b of tensor t into a new view of
// T, checking bools.
func decode[T any](op string, b []byte, t *TensorInfo) (ndview.NDView[T], error) {
	v, err := ndview.DecodeBytes[T](b, binary.LittleEndian, t.Shape...)
	v = scalar(v, t)
	if err != nil {
		if t.Dtype == BOOL {
			return v, wrapf(op, ErrHeader, err, "tensor %q: BOOL data holds a byte other than 0 and 1", t.Name)
		}
		return v, wrapf(op, ErrHeader, err, "tensor %q", t.Name)
	}
	return v, nil
}

// readTensor reads tensor t from f's reader into a new view.
func readTensor[T any](op string, f *File, t *TensorInfo) (ndview.NDView[T], error) {
	b := make([]byte, t.End-t.Begin)
	if err := readFull(f.ra, b, f.DataOffset()+t.Begin); err != nil {
		return ndview.NDView[T]{}, wrapf(op, ErrHeader, err, "reading tensor %q", t.Name)
	}
	return decode[T](op, b, t)
}
