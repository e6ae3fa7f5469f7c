package npy

// The buffer protocol for mapped files (semantics.md BP5, BP6): a Mapped
// exports its view as an ndview.Buffer and counts the exports, so that
// Close refuses to close a mapping still exported, as CPython's mmap
// refuses ("BufferError: cannot close exported pointers exist").

import (
	"errors"

	"github.com/ndkit/ndkit/ndview"
)

// ErrExported reports a Close refused because buffers exported by
// ExportBuffer are not yet released: CPython's "BufferError: Existing
// exports of data".
var ErrExported = errors.New("existing exports of data")

// ExportBuffer implements ndview.Exporter: it exports the mapped data with
// the view's format, shape, byte strides and read-only flag, and the
// mapping as its owner, so that views made from it (ndview.ViewOf,
// ndview.MemoryViewOf) keep the pages mapped. Each export is counted until
// its release; while any is not released, Close returns an error wrapping
// ErrExported. Exports of a file without data count nothing.
//
// ExportBuffer returns an error wrapping ErrClosed after Close.
func (m *Mapped[T]) ExportBuffer() (ndview.Buffer, error) {
	b, err := m.view.ExportBuffer()
	if err != nil || m.owner == nil {
		return b, err
	}
	if err := m.owner.export(); err != nil {
		return ndview.Buffer{}, err
	}
	b.Release = m.owner.unexport
	return b, nil
}

// Exports returns the number of buffers exported by ExportBuffer and not
// yet released.
func (m *Mapped[T]) Exports() int {
	if m.owner == nil {
		return 0
	}
	m.owner.mu.Lock()
	defer m.owner.mu.Unlock()
	return m.owner.exports
}

// ForceClose closes the mapping even while buffers are exported: the pages
// are replaced by zero pages, as Close replaces them, so that views made
// from the exports read zeros (and writes to a writable mapping land in
// discarded memory) instead of faulting; the address range stays reserved
// until no view can reach it. The exports stay counted until released, and
// releasing them after ForceClose is harmless.
func (m *Mapped[T]) ForceClose() error { return m.close(true) }

// export counts one export, or refuses after Close.
func (m *mapping) export() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return errorf("ExportBuffer", ErrClosed, "the mapping is closed; it has no data to export")
	}
	m.exports++
	return nil
}

// releaseExport is the release function of every export (m.unexport).
// ndview's Export calls it once per export.
func (m *mapping) releaseExport() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.exports > 0 {
		m.exports--
	}
}

// MapBoolAsUint8 maps a .npy file of bool data (dtype |b1) read-only as
// its bytes, without copying: the honest alternative to Map[bool], which
// is refused because Go requires every bool to be 0 or 1 and a file (or
// another process writing to it) may hold other bytes. Each element is the
// byte NumPy stored: 0 for False, 1 for True as NumPy writes them, and any
// other value a file may hold. Header still reports dtype |b1. Use
// ToBool for a checked copy as bools. Files of uint8 data map as with
// Map[uint8]. Errors are those of Map.
func MapBoolAsUint8(path string) (*Mapped[uint8], error) {
	return openMapped[uint8]("MapBoolAsUint8", path, false, true)
}

// ToBool returns a new C-contiguous bool array holding the values of v
// (NumPy's a.astype(bool) for an array of 0s and 1s), refusing any other
// byte: it returns an error wrapping ErrFormat that names the first byte
// that is neither 0 nor 1 (in C order) and its index, and then the zero
// view. v may have any layout, and is left as it is.
func ToBool(v ndview.NDView[uint8]) (ndview.NDView[bool], error) {
	const op = "ToBool"
	out := make([]bool, 0, v.Size())
	for x := range v.Values() {
		if x > 1 {
			return ndview.NDView[bool]{}, errorf(op, ErrFormat,
				"byte %d at index %s is not a bool: a bool byte is 0 (False) or 1 (True)",
				x, ndview.FormatShape(ndview.UnravelIndex(len(out), v.Shape()...)))
		}
		out = append(out, x == 1)
	}
	return ndview.FromSlice(out, v.Shape()...)
}
