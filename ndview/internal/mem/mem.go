// Package mem is the one door between typed Go memory and raw memory: the
// only package of ndview that imports unsafe. It turns slices into bytes,
// bytes into slices of another element type, and erases and restores the
// element type of a slice so that kernels can dispatch on element kinds
// once, outside generic code.
//
// Every function rests on three rules, checked before any pointer is
// formed (a violation panics: it is a bug in the caller, never the result
// of outside data, which callers validate first):
//  1. Only pointer-free types of nonzero size are ever seen as bytes or
//     made from bytes (Info.BytesOK), so the garbage collector never meets
//     a forged pointer and never misses a real one.
//  2. A typed pointer is formed only at an address aligned for its type.
//  3. A reinterpreted slice lies inside the bytes of the slice it comes
//     from, so it is inside one allocation and keeps that allocation alive.
package mem

import (
	"fmt"
	"unsafe"
)

// Sizeof returns the size of one T in bytes.
func Sizeof[T any]() int {
	var z T
	return int(unsafe.Sizeof(z))
}

// Addr returns the address of s's first element (of its backing array when
// s is empty), for alignment and overlap tests. It is a number, never
// turned back into a pointer.
func Addr[T any](s []T) uintptr {
	return uintptr(unsafe.Pointer(unsafe.SliceData(s)))
}

// Raw is a slice with its element type erased: a pointer, a length and the
// size of one element. Only As turns it back into a typed slice.
type Raw struct {
	ptr  unsafe.Pointer
	n    int
	size int
}

// Erase erases the element type of s.
func Erase[T any](s []T) Raw {
	return Raw{unsafe.Pointer(unsafe.SliceData(s)), len(s), Sizeof[T]()}
}

// Len returns the number of elements of r.
func (r Raw) Len() int { return r.n }

// As returns r as a []T, which must have the representation of the type r
// was erased from: the same size and alignment (a named type and its
// underlying type; int and int64 on 64-bit platforms; float16.Float16 and
// uint16). It panics when T's size differs from r's element size, or the
// address of r is not aligned for T.
func As[T any](r Raw) []T {
	var z T
	if int(unsafe.Sizeof(z)) != r.size {
		panic(fmt.Sprintf("mem.As: a %T is %d bytes, the erased elements %d", z, unsafe.Sizeof(z), r.size))
	}
	if uintptr(r.ptr)%unsafe.Alignof(z) != 0 {
		panic(fmt.Sprintf("mem.As: address %#x is not aligned for %T", uintptr(r.ptr), z))
	}
	return unsafe.Slice((*T)(r.ptr), r.n)
}

// Reinterpret returns the longest []U inside the bytes of s whose elements
// are congruent with byte offset first of s modulo sizeof(U), and the index
// in it of the U starting at first: the memory of s "around" first, seen as
// U's. T and U must be pointer-free (their Info's BytesOK, which every
// caller checks first: finding it out costs a map look-up for structs, too
// much to repeat on every cast), 0 <= first <= len(s)·sizeof(T), and the
// address of byte first must be aligned for U (then so is every U in the
// result: sizes are multiples of alignments). It panics when a size is 0,
// first is outside the bytes of s or the address is misaligned.
func Reinterpret[U, T any](s []T, first int) ([]U, int) {
	su := Sizeof[U]()
	if su == 0 || Sizeof[T]() == 0 {
		panic("mem.Reinterpret: a type of size 0 holds no bytes")
	}
	total := len(s) * Sizeof[T]() // the byte length of a slice in memory fits in int
	if first < 0 || first > total {
		panic(fmt.Sprintf("mem.Reinterpret: byte %d outside [0, %d]", first, total))
	}
	var z U
	if (Addr(s)+uintptr(first))%unsafe.Alignof(z) != 0 {
		panic(fmt.Sprintf("mem.Reinterpret: byte %d of the slice is not aligned for %T", first, z))
	}
	k := first / su
	start := first - k*su
	n := k + (total-first)/su
	if n == 0 {
		return nil, 0
	}
	// start + n·su <= total: the n U's lie inside the bytes of s.
	p := unsafe.Add(unsafe.Pointer(unsafe.SliceData(s)), start)
	return unsafe.Slice((*U)(p), n), k
}

// Bytes returns the bytes of s, which must be of a pointer-free type.
func Bytes[T any](s []T) []byte {
	b, _ := Reinterpret[byte](s, 0)
	return b
}

// StringBytes returns the bytes of s without copying. They must never be
// written: callers hand them out only through read-only views.
func StringBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
