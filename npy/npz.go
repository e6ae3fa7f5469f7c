package npy

// .npz archives: zip files whose members are .npy files, one per array,
// named "<name>.npy" (numpy.savez stores them uncompressed,
// numpy.savez_compressed deflates them).
//
// Rules:
//  1. A stored (uncompressed) member of a mapped archive whose data is in
//     the host's byte order and aligned for its type is returned as a
//     read-only view of the mapping, which the view keeps alive as its
//     owner, as with Map. Every other member is read into fresh memory.
//  2. The sizes in the zip directory are outside data: a stored member's
//     extent is checked against the archive's size; a deflated member's
//     uncompressed size bounds its header but is not trusted with an
//     allocation (the data is read as it arrives, as by Read).
//  3. NPZWriter pads the local header of stored members (with a zip extra
//     field) so that their data starts at a multiple of 64 bytes in the
//     archive: such archives map without copies.

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"math"
	"os"
	"strings"
	"sync/atomic"

	"github.com/ndkit/ndkit/internal/mmap"
	"github.com/ndkit/ndkit/ndview"
)

// NPZ is an open .npz archive, as returned by numpy.load for .npz files.
// Its methods and Load may be called from several goroutines at once.
type NPZ struct {
	zr      *zip.Reader
	size    int64
	file    *os.File // the archive's file when opened by path, else nil
	owner   *mapping // the mapping of the whole archive, or nil
	members map[string]*zip.File
	names   []string
	closed  atomic.Bool
}

// OpenNPZ opens the .npz archive at path. Load reads members into fresh
// memory; use MapNPZ for views of stored members without reading. It
// returns an error wrapping ErrFormat when the file is not a zip archive.
func OpenNPZ(path string) (*NPZ, error) {
	return openNPZ("OpenNPZ", path, false)
}

// MapNPZ opens the .npz archive at path and maps it into memory read-only:
// Load returns read-only views of the mapped file for stored members in
// the host's byte order whose data is aligned for their type (archives
// written by NPZWriter always are), and reads the other members, such as
// deflated ones, and bool arrays, into fresh memory. Mapped views keep the mapping alive
// and read zeros after Close, as with Map.
func MapNPZ(path string) (*NPZ, error) {
	return openNPZ("MapNPZ", path, true)
}

// openNPZ opens an archive by path, mapped or not.
func openNPZ(op, path string, mapped bool) (*NPZ, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, wrapf(op, nil, err, "")
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, wrapf(op, nil, err, "")
	}
	z, err := newNPZ(op, f, fi.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	z.file = f
	if mapped && fi.Size() > 0 {
		mem, err := mmap.Map(f, fi.Size(), false)
		if err != nil {
			f.Close()
			return nil, wrapf(op, ErrUnsupported, err, "mapping %s", path)
		}
		z.owner = newMapping(mem, false)
	}
	return z, nil
}

// NewNPZ returns the .npz archive read from r, which holds size bytes.
// Load reads members into fresh memory. Close does not close r.
func NewNPZ(r io.ReaderAt, size int64) (*NPZ, error) {
	return newNPZ("NewNPZ", r, size)
}

// newNPZ reads the zip directory.
func newNPZ(op string, r io.ReaderAt, size int64) (*NPZ, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, wrapf(op, ErrFormat, err, "not a .npz archive")
	}
	z := &NPZ{zr: zr, size: size, members: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		name := strings.TrimSuffix(f.Name, ".npy")
		if _, dup := z.members[name]; dup {
			continue
		}
		z.members[name] = f
		z.names = append(z.names, name)
	}
	return z, nil
}

// Names returns the names of the archive's arrays in archive order, with
// the ".npy" suffix of the member names removed (numpy's NpzFile.files).
func (z *NPZ) Names() []string { return append([]string{}, z.names...) }

// member returns the zip member of the array name, which may also be given
// with its ".npy" suffix.
func (z *NPZ) member(op, name string) (*zip.File, error) {
	if z.closed.Load() {
		return nil, errorf(op, ErrClosed, "archive is closed")
	}
	f, ok := z.members[strings.TrimSuffix(name, ".npy")]
	if !ok {
		return nil, errorf(op, ErrFormat, "no array %q in the archive; it holds %q", name, z.names)
	}
	if f.Flags&0x1 != 0 {
		return nil, errorf(op, ErrUnsupported, "member %q is encrypted", f.Name)
	}
	return f, nil
}

// Header returns the header of the array name.
func (z *NPZ) Header(name string) (Header, error) {
	const op = "Header"
	f, err := z.member(op, name)
	if err != nil {
		return Header{}, err
	}
	rc, err := f.Open()
	if err != nil {
		return Header{}, wrapf(op, ErrFormat, err, "member %q", f.Name)
	}
	defer rc.Close()
	h, _, _, err := readHeader(op, &limited{rc, memberSize(f)})
	return h, err
}

// Load returns the array name of archive z as a view of T (see Read for
// the rules on dtypes). For an archive opened with MapNPZ, a stored member
// in the host's byte order and aligned for T is a read-only view of the
// mapping; every other member is read into fresh, writable memory. It
// returns the errors of Read, one wrapping ErrFormat when there is no such
// array, and one wrapping ErrClosed after Close.
func Load[T any](z *NPZ, name string) (ndview.NDView[T], error) {
	const op = "Load"
	f, err := z.member(op, name)
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	if z.owner != nil && f.Method == zip.Store {
		if v, ok, err := loadMapped[T](op, z, f); ok || err != nil {
			return v, err
		}
	}
	stored := f.Method == zip.Store
	if stored {
		if err := z.checkStored(op, f); err != nil {
			return ndview.NDView[T]{}, err
		}
	}
	rc, err := f.Open()
	if err != nil {
		return ndview.NDView[T]{}, wrapf(op, ErrFormat, err, "member %q", f.Name)
	}
	defer rc.Close()
	lr := &limited{rc, memberSize(f)}
	h, _, _, err := readHeader(op, lr)
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	if nbytes := int64(h.NBytes()); nbytes > lr.n {
		return ndview.NDView[T]{}, wrapf(op, ErrFormat, io.ErrUnexpectedEOF,
			"data truncated: shape %s of %s needs %d bytes but member %q holds %d after its header", ndview.FormatShape(h.Shape), h.DType, nbytes, f.Name, lr.n)
	}
	// A stored member's size was checked against the archive; a deflated
	// one's is only a claim, so its data is read as it arrives.
	return readData[T](op, lr, h, lr.n, stored)
}

// checkStored returns an error unless the stored member f lies inside the
// archive, so that its size can be trusted.
func (z *NPZ) checkStored(op string, f *zip.File) error {
	off, err := f.DataOffset()
	if err != nil {
		return wrapf(op, ErrFormat, err, "member %q", f.Name)
	}
	size := memberSize(f)
	if f.CompressedSize64 != f.UncompressedSize64 || off < 0 || size > z.size-off {
		return errorf(op, ErrFormat, "stored member %q claims %d bytes at offset %d, beyond the archive's %d bytes", f.Name, size, off, z.size)
	}
	return nil
}

// loadMapped returns the view of a stored member in the mapping, and false
// (with no error) when the member can only be read by copying.
func loadMapped[T any](op string, z *NPZ, f *zip.File) (ndview.NDView[T], bool, error) {
	if err := z.checkStored(op, f); err != nil {
		return ndview.NDView[T]{}, false, err
	}
	off, _ := f.DataOffset()
	b := z.owner.mem[off : off+memberSize(f)]
	h, left, _, err := readHeader(op, bytes.NewReader(b))
	if err != nil {
		return ndview.NDView[T]{}, false, err
	}
	if err := checkDType[T](op, h.DType); err != nil {
		return ndview.NDView[T]{}, false, err
	}
	if nbytes := int64(h.NBytes()); nbytes > left {
		return ndview.NDView[T]{}, false, wrapf(op, ErrFormat, io.ErrUnexpectedEOF,
			"data truncated: shape %s of %s needs %d bytes but member %q holds %d after its header", ndview.FormatShape(h.Shape), h.DType, nbytes, f.Name, left)
	}
	if !h.DType.Native() || h.DType.Kind == 'b' || h.NBytes() == 0 {
		return ndview.NDView[T]{}, false, nil // swapped, bools or empty: copy instead
	}
	v, err := mappedView[T](op, b, h, false)
	if err != nil {
		return ndview.NDView[T]{}, false, nil // misaligned: copy instead
	}
	return ndview.WithObj(v, any(z.owner)), true, nil
}

// memberSize returns the uncompressed size of f, capped to the int range.
func memberSize(f *zip.File) int64 {
	return int64(min(f.UncompressedSize64, math.MaxInt))
}

// Close closes the archive and the file OpenNPZ or MapNPZ opened. Views
// of a mapped archive read zeros afterwards; views read into fresh memory
// are not affected. Closing twice does nothing.
func (z *NPZ) Close() error {
	if z.closed.Swap(true) {
		return nil
	}
	var err error
	if z.owner != nil {
		err = z.owner.close()
	}
	if z.file != nil {
		if cerr := z.file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return wrapf("Close", nil, err, "")
	}
	return nil
}

// limited reads at most n bytes from r and reports what is left through
// Len, so that readers can check claimed lengths against it.
type limited struct {
	r io.Reader
	n int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

// Len returns the number of bytes left.
func (l *limited) Len() int { return int(min(l.n, math.MaxInt)) }

// ---------------------------------------------------------------------------
// Writing.

// alignExtraID is the zip extra-field ID of the padding NPZWriter adds to
// align stored data (the ID used for the same purpose by Android's
// zipalign).
const alignExtraID = 0xD935

// NPZWriter writes a .npz archive: one .npy member per array, stored as
// numpy.savez does, or deflated as numpy.savez_compressed does. Stored
// members are aligned so that MapNPZ gives views of them without copying.
type NPZWriter struct {
	zw       *zip.Writer
	cw       *countWriter
	compress bool
	names    map[string]bool
	// last counts the bytes of the member being written: when the next
	// member is created, the zip writer closes it with a data descriptor
	// whose size depends on it.
	last *countWriter
}

// NewNPZWriter returns a writer of a .npz archive to w; compress selects
// deflated members (numpy.savez_compressed) rather than stored ones
// (numpy.savez). Call Close to finish the archive.
func NewNPZWriter(w io.Writer, compress bool) *NPZWriter {
	cw := &countWriter{w: w}
	return &NPZWriter{zw: zip.NewWriter(cw), cw: cw, compress: compress, names: map[string]bool{}}
}

// Save adds v to the archive as the array name (the member "name.npy"),
// encoded as Write encodes it. It returns an error wrapping ErrFormat for
// an empty or repeated name, and the errors of Write and of the underlying
// writer.
func Save[T any](z *NPZWriter, name string, v ndview.NDView[T]) error {
	const op = "Save"
	name = strings.TrimSuffix(name, ".npy")
	if name == "" {
		return errorf(op, ErrFormat, "empty array name")
	}
	if z.names[name] {
		return errorf(op, ErrFormat, "array %q is already in the archive", name)
	}
	fh := &zip.FileHeader{Name: name + ".npy", Method: zip.Deflate}
	if !z.compress {
		fh.Method = zip.Store
		if err := z.zw.Flush(); err != nil {
			return err
		}
		// Before the new member come the data descriptor closing the
		// previous one (16 bytes, or 24 for members of 4 GiB and more)
		// and the local header: 30 bytes, the name and the extra field.
		// Pad the extra field so that the member (whose .npy header is a
		// multiple of 64 bytes) starts at a multiple of 64.
		base := z.cw.n + 30 + int64(len(fh.Name)) + 4
		if z.last != nil {
			base += 16
			if z.last.n >= math.MaxUint32 {
				base += 8
			}
		}
		pad := int((arrayAlign - base%arrayAlign) % arrayAlign)
		extra := make([]byte, 4+pad)
		binary.LittleEndian.PutUint16(extra, alignExtraID)
		binary.LittleEndian.PutUint16(extra[2:], uint16(pad))
		fh.Extra = extra
	}
	w, err := z.zw.CreateHeader(fh)
	if err != nil {
		return wrapf(op, nil, err, "")
	}
	z.names[name] = true
	z.last = &countWriter{w: w}
	return writeArray(op, z.last, v, Options{})
}

// Close finishes the archive by writing its directory. It does not close
// the underlying writer.
func (z *NPZWriter) Close() error { return z.zw.Close() }

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
