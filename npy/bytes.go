package npy

import (
	"encoding/binary"

	"github.com/ndkit/ndkit/ndview"
)

// asBytes returns the memory of s as bytes, without copying, through
// ndview.Cast. T is one of the element types of DType other than bool
// (whose bytes Go does not let be written as bytes).
func asBytes[T any](s []T) []byte {
	v, err := ndview.FromSlice(s)
	if err != nil {
		panic(err) // a 1-D view of a whole slice cannot fail
	}
	b, err := ndview.Cast[byte](v)
	if err != nil {
		panic(err) // a contiguous, pointer-free view casts to bytes
	}
	d, err := b.Data()
	if err != nil {
		panic(err) // the cast of a writable view of non-bools is writable
	}
	return d[b.Offset() : b.Offset()+b.Size()]
}

// orderOf returns '<' or '>' for a byte order.
func orderOf(bo binary.ByteOrder) byte {
	var b [2]byte
	bo.PutUint16(b[:], 1)
	if b[0] == 1 {
		return '<'
	}
	return '>'
}
