package ndview

import "unsafe"

// sizeof returns the size of one T in bytes.
func sizeof[T any]() int {
	var z T
	return int(unsafe.Sizeof(z))
}
