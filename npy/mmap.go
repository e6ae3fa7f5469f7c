package npy

// Memory mapping. mmap_unix.go holds the system calls, and is the only
// file of the package that uses unsafe (for the addresses of mappings);
// mapped bytes become elements through ndview.FromBytes, which checks
// alignment.
//
// Lifetime rules:
//  1. A mapping is owned by a *mapping value. Every view of mapped memory
//     carries it as its owner (ndview.WithObj), and every view derived from
//     such a view keeps it, so the owner is reachable while any view is.
//  2. Close replaces the mapped pages with anonymous zero pages at the same
//     addresses (mmap with MAP_FIXED): a view used after Close reads zeros
//     (and, for a writable mapping, writes to discarded memory) instead of
//     faulting. The address range stays reserved.
//  3. The range is unmapped (munmap) only by a cleanup attached to the
//     owner (runtime.AddCleanup), which runs once no view and no Mapped can
//     reach the owner. Memory is therefore never unmapped under a view.

import (
	"bytes"
	"errors"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/ndkit/ndkit/internal/mmap"
	"github.com/ndkit/ndkit/ndview"
)

// mapping owns one mapped address range.
type mapping struct {
	mu       sync.Mutex
	mem      []byte // the whole mapped range
	writable bool   // mapped with PROT_WRITE
	closed   bool   // Close replaced the pages with zero pages
	exports  int    // buffers exported and not yet released (export.go)
	unexport func() // releases one export; made once, so exports do not allocate
}

// unmapped counts the ranges released by the owners' cleanups; the tests
// watch it.
var unmapped atomic.Int64

// newMapping takes ownership of mem and arranges for it to be unmapped
// once the returned owner is unreachable.
func newMapping(mem []byte, writable bool) *mapping {
	m := &mapping{mem: mem, writable: writable}
	m.unexport = m.releaseExport
	runtime.AddCleanup(m, releaseMapping, mem)
	return m
}

// releaseMapping is the cleanup of a mapping: it unmaps the range.
func releaseMapping(mem []byte) {
	if mmap.Unmap(mem) == nil {
		unmapped.Add(1)
	}
}

// close replaces the mapped pages with zero pages; closing twice does
// nothing.
func (m *mapping) close() error { return m.shut(true) }

// shut is close, refusing while buffers are exported (export.go) unless
// force is set.
func (m *mapping) shut(force bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	if m.exports > 0 && !force {
		return errorf("Close", ErrExported, "existing exports of data: %d exported buffer(s) not released; release them first, or use ForceClose", m.exports)
	}
	if err := mmap.ZeroPages(m.mem, m.writable); err != nil {
		return err
	}
	m.closed = true
	return nil
}

// sync flushes the pages of a writable mapping to its file.
func (m *mapping) sync() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed || !m.writable {
		return nil
	}
	return mmap.Sync(m.mem)
}

// Mapped is a .npy file mapped into memory: its view reads the file's
// pages directly, without reading the file. Create one with Map or
// MapWritable and Close it when done.
//
// The view and every view derived from it keep the mapping alive, as a
// memoryview's obj does: the memory is unmapped only after Close and once
// no view can reach it. A view used after Close reads zeros; it never
// faults. Slices returned by Data() of a writable view do not keep the
// mapping alive: keep a view reachable while using them.
//
// As with every memory mapping, a file truncated by another process while
// mapped makes reads of the lost pages fault (SIGBUS); do not shrink a file
// that is mapped.
type Mapped[T any] struct {
	header Header
	view   ndview.NDView[T]
	owner  *mapping // nil when the data is empty and nothing is mapped
}

// Map maps the .npy file at path read-only and returns it. The view is
// read-only and shares the file's pages: it costs no reading and no
// allocation in proportion to the file's size, so a file of any size maps
// in microseconds. Fortran-order files give F-contiguous views.
//
// Map returns the errors of Read, and one wrapping ErrUnsupported when the
// data is not in the host's byte order (use Read, which converts it), for
// bool data (Go requires bools to be 0 or 1, which a file need not keep;
// use Read), or when memory mapping is not available on the platform.
func Map[T any](path string) (*Mapped[T], error) {
	return openMapped[T]("Map", path, false, false)
}

// MapWritable maps the .npy file at path for reading and writing: the view
// is writable, and writes through it change the file (MAP_SHARED). Call
// Flush to force them to disk. Errors are those of Map; the file must be
// writable.
func MapWritable[T any](path string) (*Mapped[T], error) {
	return openMapped[T]("MapWritable", path, true, false)
}

// openMapped opens, checks and maps a .npy file; boolBytes lets a uint8
// mapping read a bool file (MapBoolAsUint8).
func openMapped[T any](op, path string, writable, boolBytes bool) (*Mapped[T], error) {
	flag := os.O_RDONLY
	if writable {
		flag = os.O_RDWR
	}
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return nil, wrapf(op, nil, err, "")
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, wrapf(op, nil, err, "")
	}
	if fi.Size() == 0 {
		_, _, _, err := readHeader(op, f)
		return nil, err
	}
	// Map the whole file and read the header from the mapping: no read
	// calls, and the data length is checked against the file's size.
	mem, err := mmap.Map(f, fi.Size(), writable)
	if err != nil {
		return nil, wrapf(op, ErrUnsupported, err, "mapping %s", path)
	}
	m, err := mapped[T](op, mem, writable, boolBytes)
	if err != nil || m.owner == nil {
		_ = mmap.Unmap(mem)
	}
	return m, err
}

// mapped checks the .npy file mapped at mem and returns its Mapped, which
// owns mem unless the data is empty (then m.owner is nil).
func mapped[T any](op string, mem []byte, writable, boolBytes bool) (*Mapped[T], error) {
	h, left, _, err := readHeader(op, bytes.NewReader(mem))
	if err != nil {
		return nil, err
	}
	d := h.DType
	if boolBytes && d.Kind == 'b' {
		d = DType{Kind: 'u', Size: 1, Order: d.Order} // the bytes as they are; Header keeps b1
	}
	if err := checkMapDType[T](op, d); err != nil {
		return nil, err
	}
	if !h.DType.Native() {
		return nil, errorf(op, ErrUnsupported, "data is in byte order %q (%s), not the host's %q; a mapping is a view of host-order data only: use Read, which converts it",
			h.DType.Order, h.DType, hostOrder)
	}
	nbytes := int64(h.NBytes())
	if nbytes > left {
		return nil, wrapf(op, ErrFormat, io.ErrUnexpectedEOF,
			"data truncated: shape %s of %s needs %d bytes but the file holds %d after the header", ndview.FormatShape(h.Shape), h.DType, nbytes, left)
	}
	m := &Mapped[T]{header: h}
	if nbytes == 0 {
		m.view, err = makeView(op, []T{}, h.Shape, h.FortranOrder)
		if err != nil {
			return nil, err
		}
		if !writable {
			m.view = m.view.AsReadOnly()
		}
		return m, nil
	}
	v, err := mappedView[T](op, mem, h, writable)
	if err != nil {
		return nil, err
	}
	m.owner = newMapping(mem, writable)
	m.view = ndview.WithObj(v, any(m.owner))
	return m, nil
}

// mappedView returns the view of the data header h describes, which starts
// at h.DataOffset in mem. T is not bool (see checkMapDType).
func mappedView[T any](op string, mem []byte, h Header, writable bool) (ndview.NDView[T], error) {
	b := mem[h.DataOffset : h.DataOffset+int64(h.NBytes())]
	flat, err := ndview.FromBytes[T](b)
	if err != nil {
		if errors.Is(err, ndview.ErrAlign) {
			return ndview.NDView[T]{}, wrapf(op, ErrUnsupported, err, "data at offset %d is not aligned for %s; use Read", h.DataOffset, h.DType)
		}
		return ndview.NDView[T]{}, wrapf(op, ErrFormat, err, "data of shape %s", ndview.FormatShape(h.Shape))
	}
	order := ndview.OrderC
	if h.FortranOrder {
		order = ndview.OrderF
	}
	v, err := flat.ReshapeOrder(order, h.Shape...)
	if err != nil {
		return ndview.NDView[T]{}, wrapf(op, ErrFormat, err, "data of shape %s", ndview.FormatShape(h.Shape))
	}
	if !writable {
		v = v.AsReadOnly()
	}
	return v, nil
}

// checkMapDType is checkDType for mappings, which also refuse bool data:
// Go requires every bool to be 0 or 1, and a mapped file can hold, or be
// changed by another process to hold, other bytes.
func checkMapDType[T any](op string, d DType) error {
	if err := checkDType[T](op, d); err != nil {
		return err
	}
	if d.Kind == 'b' {
		return errorf(op, ErrUnsupported, "bool data cannot be mapped: Go requires every bool to be 0 or 1, and a mapped file may hold other bytes; use Read, which copies and normalises them")
	}
	return nil
}

// View returns the view of the mapped data: read-only for Map, writable
// for MapWritable. It shares the mapped pages, and keeps them mapped while
// it (or any view derived from it) is reachable. After Close it reads
// zeros.
func (m *Mapped[T]) View() ndview.NDView[T] { return m.view }

// Header returns the header of the mapped file.
func (m *Mapped[T]) Header() Header {
	h := m.header
	h.Shape = append([]int{}, h.Shape...)
	return h
}

// Flush writes the changes made through a writable mapping to the file
// and waits for the write to complete (msync with MS_SYNC). It does nothing
// for read-only or closed mappings.
func (m *Mapped[T]) Flush() error {
	if m.owner == nil {
		return nil
	}
	if err := m.owner.sync(); err != nil {
		return wrapf("Flush", nil, err, "")
	}
	return nil
}

// Close releases the mapped file: its pages are replaced by zero pages, so
// that views still in use read zeros instead of faulting; the address range
// itself is unmapped once no view can reach it. Changes made through a
// writable mapping are already in the file (they may reach the disk later;
// call Flush first to wait for that). Closing twice does nothing.
//
// The address range is released by a cleanup that the garbage collector
// runs; until then it counts against the process's mappings. A program
// that maps many files in a loop while allocating little can call
// runtime.GC to release closed ranges sooner.
//
// While buffers exported by ExportBuffer are not released, Close returns an
// error wrapping ErrExported and leaves the mapping open, as CPython's mmap
// raises "BufferError: cannot close exported pointers exist"; ForceClose
// closes anyway.
func (m *Mapped[T]) Close() error { return m.close(false) }

// close is Close, refusing while buffers are exported unless force is set.
func (m *Mapped[T]) close(force bool) error {
	if m.owner == nil {
		return nil
	}
	if err := m.owner.shut(force); err != nil {
		var e *Error
		if errors.As(err, &e) {
			return e
		}
		return wrapf("Close", nil, err, "")
	}
	return nil
}
