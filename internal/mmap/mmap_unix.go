//go:build (linux && (amd64 || arm64 || riscv64 || ppc64le || loong64)) || (darwin && (amd64 || arm64)) || (freebsd && (amd64 || arm64))

package mmap

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

// Available reports whether this platform maps files.
const Available = true

// Map maps the first n bytes of f, shared, read-only or, when writable,
// read-write. n must be positive and fit in an int.
func Map(f *os.File, n int64, writable bool) ([]byte, error) {
	if n <= 0 || n != int64(int(n)) {
		return nil, errLength
	}
	prot := syscall.PROT_READ
	if writable {
		prot |= syscall.PROT_WRITE
	}
	return syscall.Mmap(int(f.Fd()), 0, int(n), prot, syscall.MAP_SHARED)
}

// ZeroPages replaces the pages of mem, which Map returned, with private
// anonymous zero pages at the same addresses (MAP_FIXED), readable and,
// when writable, writable.
func ZeroPages(mem []byte, writable bool) error {
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

// Unmap unmaps mem, which Map returned.
func Unmap(mem []byte) error { return syscall.Munmap(mem) }

// Sync writes the dirty pages of mem, which Map returned writable, to its
// file and waits.
func Sync(mem []byte) error {
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(mem)))
	_, _, errno := syscall.Syscall(syscall.SYS_MSYNC, addr, uintptr(len(mem)), syscall.MS_SYNC)
	if errno != 0 {
		return errno
	}
	return nil
}
