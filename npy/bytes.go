package npy

// Byte-level helpers: swapping the byte order of element data in place and
// normalising booleans. They work on bytes and know nothing of T.

import (
	"encoding/binary"
	"math/bits"
)

// swapBytes reverses the byte order of every element of dtype d in b, in
// place; a complex element swaps its real and imaginary parts separately.
// len(b) is a multiple of d.Size.
func swapBytes(b []byte, d DType) {
	w := d.Size
	if d.Kind == 'c' {
		w /= 2
	}
	le := binary.LittleEndian
	switch w {
	case 2:
		for i := 0; i+2 <= len(b); i += 2 {
			le.PutUint16(b[i:], bits.ReverseBytes16(le.Uint16(b[i:])))
		}
	case 4:
		for i := 0; i+4 <= len(b); i += 4 {
			le.PutUint32(b[i:], bits.ReverseBytes32(le.Uint32(b[i:])))
		}
	case 8:
		for i := 0; i+8 <= len(b); i += 8 {
			le.PutUint64(b[i:], bits.ReverseBytes64(le.Uint64(b[i:])))
		}
	}
}

// normalizeBools maps every nonzero byte of b to 1, so that the bytes are
// valid Go bools (NumPy reads any nonzero byte of a b1 array as True).
func normalizeBools(b []byte) {
	for i, c := range b {
		if c > 1 {
			b[i] = 1
		}
	}
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
