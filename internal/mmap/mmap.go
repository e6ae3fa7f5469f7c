// Package mmap is the module's one door to memory-mapped files: mapping
// the start of a file, replacing mapped pages by zero pages, syncing and
// unmapping. npy and safetensors both map through it. Where the platform
// has no mapping (see Available), every function returns ErrUnsupported.
package mmap

import "errors"

// ErrUnsupported is returned by every function on platforms without
// memory mapping.
var ErrUnsupported = errors.New("memory mapping is not available on this platform")

// errLength reports a mapping length that is not positive or not an int.
var errLength = errors.New("mapping length out of range")
