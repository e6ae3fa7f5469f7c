package safetensors

// Memory mapping (semantics.md SF9). The file is mapped whole, read-only
// and shared; every view of it carries the *mapping as its owner
// (ndview.WithObj), so the pages stay mapped while any view, or the File,
// is reachable, and a cleanup unmaps them once none is. Nothing is ever
// unmapped under a view, and the package needs no unsafe code.

import (
	"os"
	"runtime"

	"github.com/ndkit/ndkit/internal/mmap"
)

// mapping owns one mapped range.
type mapping struct{ mem []byte }

// newMapping takes ownership of mem and unmaps it once the returned owner
// is unreachable.
func newMapping(mem []byte) *mapping {
	m := &mapping{mem: mem}
	runtime.AddCleanup(m, func(mem []byte) { _ = mmap.Unmap(mem) }, mem)
	return m
}

// Map maps the safetensors file at path, read-only, and parses its header.
// Tensor then returns read-only views that share the file's pages where
// the tensor is aligned (see Tensor): opening a tensor costs nothing in
// proportion to its size, and the file's pages are read when the view's
// elements are. The mapping lasts while the File or any view of it is
// reachable; Close only ends the File's use.
//
// Map returns the errors of Parse, the error of opening the file, and one
// wrapping ErrUnsupported when memory mapping is not available.
func Map(path string) (*File, error) {
	const op = "Map"
	if err := checkHost(op); err != nil {
		return nil, err
	}
	fd, err := os.Open(path)
	if err != nil {
		return nil, wrapf(op, nil, err, "opening %s", path)
	}
	defer fd.Close()
	fi, err := fd.Stat()
	if err != nil {
		return nil, wrapf(op, nil, err, "opening %s", path)
	}
	size := fi.Size()
	if size < 8 {
		_, err := headerLength(op, nil, size)
		return nil, err
	}
	mem, err := mmap.Map(fd, size, false)
	if err != nil {
		return nil, wrapf(op, ErrUnsupported, err, "mapping %s", path)
	}
	n, err := headerLength(op, mem, size)
	if err == nil {
		var h *header
		if h, err = parseHeader(op, mem[8:8+n], size); err == nil {
			return &File{h: h, data: mem[8+n:], owner: newMapping(mem)}, nil
		}
	}
	_ = mmap.Unmap(mem)
	return nil, err
}
