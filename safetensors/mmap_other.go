//go:build !((linux && (amd64 || arm64 || riscv64 || ppc64le || loong64)) || (darwin && (amd64 || arm64)) || (freebsd && (amd64 || arm64)))

package safetensors

import (
	"errors"
	"os"
)

// mapFile reports that memory mapping is not available here.
func mapFile(*os.File, int64) ([]byte, error) {
	return nil, errors.New("memory mapping is not available on this platform")
}

// unmap does nothing where nothing is mapped.
func unmap([]byte) {}
