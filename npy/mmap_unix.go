//go:build (linux && (amd64 || arm64 || riscv64 || ppc64le || loong64)) || (darwin && (amd64 || arm64)) || (freebsd && (amd64 || arm64))

package npy

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

// mapFile maps the first n bytes of f, shared, read-only or read-write.
func mapFile(f *os.File, n int64, writable bool) ([]byte, error) {
	if n <= 0 || n != int64(int(n)) {
		return nil, errors.New("mapping length out of range")
	}
	prot := syscall.PROT_READ
	if writable {
		prot |= syscall.PROT_WRITE
	}
	return syscall.Mmap(int(f.Fd()), 0, int(n), prot, syscall.MAP_SHARED)
}

// zeroPages replaces the pages of mem, which mapFile returned, with
// private anonymous zero pages at the same addresses (MAP_FIXED), readable
// and, when writable, writable.
func zeroPages(mem []byte, writable bool) error {
	prot := syscall.PROT_READ
	if writable {
		prot |= syscall.PROT_WRITE
	}
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(mem)))
	r, _, errno := syscall.Syscall6(syscall.SYS_MMAP, addr, uintptr(len(mem)), uintptr(prot),
		syscall.MAP_FIXED|syscall.MAP_ANON|syscall.MAP_PRIVATE, ^uintptr(0), 0)
	if errno != 0 {
		return errno
	}
	if r != addr {
		return errors.New("zero pages mapped at a different address")
	}
	return nil
}

// unmap unmaps mem, which mapFile returned.
func unmap(mem []byte) error { return syscall.Munmap(mem) }

// syncPages writes the dirty pages of mem to its file and waits.
func syncPages(mem []byte) error {
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(mem)))
	_, _, errno := syscall.Syscall(syscall.SYS_MSYNC, addr, uintptr(len(mem)), syscall.MS_SYNC)
	if errno != 0 {
		return errno
	}
	return nil
}
