//go:build !((linux && (amd64 || arm64 || riscv64 || ppc64le || loong64)) || (darwin && (amd64 || arm64)) || (freebsd && (amd64 || arm64)))

package npy

import (
	"errors"
	"os"
	"runtime"
)

// errNoMmap reports that memory mapping is not available.
var errNoMmap = errors.New("memory mapping is not supported on " + runtime.GOOS + "/" + runtime.GOARCH)

func mapFile(f *os.File, n int64, writable bool) ([]byte, error) { return nil, errNoMmap }
func zeroPages(mem []byte, writable bool) error                  { return errNoMmap }
func unmap(mem []byte) error                                     { return errNoMmap }
func syncPages(mem []byte) error                                 { return errNoMmap }
