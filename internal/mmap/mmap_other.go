//go:build !((linux && (amd64 || arm64 || riscv64 || ppc64le || loong64)) || (darwin && (amd64 || arm64)) || (freebsd && (amd64 || arm64)))

package mmap

import "os"

// Available reports whether this platform maps files.
const Available = false

// Map returns ErrUnsupported: this platform has no memory mapping.
func Map(f *os.File, n int64, writable bool) ([]byte, error) { return nil, ErrUnsupported }

// ZeroPages returns ErrUnsupported.
func ZeroPages(mem []byte, writable bool) error { return ErrUnsupported }

// Unmap returns ErrUnsupported.
func Unmap(mem []byte) error { return ErrUnsupported }

// Sync returns ErrUnsupported.
func Sync(mem []byte) error { return ErrUnsupported }
