//go:build unix

package arrow

import (
	"errors"
	"os"
	"syscall"
)

// mapFile maps the file at path read-only and shared, and returns its
// bytes and the function that unmaps them (nil for an empty file, which
// maps nothing).
func mapFile(path string) ([]byte, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	n := fi.Size()
	if n == 0 {
		return nil, nil, nil
	}
	if n < 0 || n != int64(int(n)) {
		return nil, nil, errors.New("file size out of range")
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, int(n), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, err
	}
	return mem, func() { _ = syscall.Munmap(mem) }, nil
}
