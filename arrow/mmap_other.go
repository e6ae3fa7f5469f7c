//go:build !unix

package arrow

import "os"

// mapFile reads the file at path into memory where memory mappings are
// not supported; nothing needs unmapping.
func mapFile(path string) ([]byte, func(), error) {
	b, err := os.ReadFile(path)
	return b, nil, err
}
