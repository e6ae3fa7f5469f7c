//go:build (linux && (amd64 || arm64 || riscv64 || ppc64le || loong64)) || (darwin && (amd64 || arm64)) || (freebsd && (amd64 || arm64))

package safetensors

import (
	"errors"
	"os"
	"syscall"
)

// mapFile maps the first n bytes of f, shared and read-only.
func mapFile(f *os.File, n int64) ([]byte, error) {
	if n <= 0 || n != int64(int(n)) {
		return nil, errors.New("mapping length out of range")
	}
	return syscall.Mmap(int(f.Fd()), 0, int(n), syscall.PROT_READ, syscall.MAP_SHARED)
}

// unmap unmaps mem, which mapFile returned.
func unmap(mem []byte) { _ = syscall.Munmap(mem) }
