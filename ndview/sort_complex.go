package ndview

// Sorting, searching and Unique of complex numbers (semantics.md §36,
// SR5-SR7). NumPy orders complex numbers lexicographically, by the real
// part and then the imaginary part, with the numbers that hold a NaN last
// in this order (NumPy 1.24's npysort CLT):
//
//	[R + Rj, R + nanj, nan + Rj, nan + nanj]
//
// where R stands for any non-NaN float; inside each class the non-NaN parts
// order as floats do (-0 equal to +0), and the last class is all equal.
// ckey encodes that order as a class and two float keys; the routines
// here sort by comparison on those keys, since a 17-byte key would need 17
// radix passes.

import (
	"math"
	"slices"

	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// Orderable is the constraint of the element types that Sort, Argsort,
// Partition, Argpartition, Searchsorted and Unique accept: the Sortable
// types and complex numbers, which sort lexicographically, NaNs last, as
// NumPy sorts them (semantics.md §36, SR5).
type Orderable interface {
	Sortable | Complex
}

// ckey is the sort key of a complex number in NumPy's order: its class
// (0: no NaN, 1: NaN imaginary part only, 2: NaN real part only, 3: both
// NaN), then the float keys of its non-NaN parts.
type ckey struct {
	class uint8
	a, b  uint64
}

// fkey returns the order key of a non-NaN float64, -0 as +0.
func fkey(x float64) uint64 {
	if x == 0 {
		return 1 << 63
	}
	b := math.Float64bits(x)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// ckeyOf returns the key of z.
func ckeyOf(z complex128) ckey {
	re, im := real(z), imag(z)
	switch rn, in := re != re, im != im; {
	case !rn && !in:
		return ckey{0, fkey(re), fkey(im)}
	case !rn:
		return ckey{1, fkey(re), 0}
	case !in:
		return ckey{2, fkey(im), 0}
	}
	return ckey{3, 0, 0}
}

// cmpCkey compares two keys: -1, 0 or +1.
func cmpCkey(x, y ckey) int {
	if x.class != y.class {
		return int(x.class) - int(y.class)
	}
	if x.a != y.a {
		if x.a < y.a {
			return -1
		}
		return 1
	}
	if x.b != y.b {
		if x.b < y.b {
			return -1
		}
		return 1
	}
	return 0
}

// isComplexType reports whether T is complex64 or complex128 (or defined
// over them).
func isComplexType[T any]() bool {
	k := mem.InfoOf[T]().Kind
	return k == mem.Complex64 || k == mem.Complex128
}

// keyed is an element with its key.
type keyed[C any] struct {
	k ckey
	i int
	x C
}

// cmpKeyed orders keyed elements by their keys.
func cmpKeyed[C any](x, y keyed[C]) int { return cmpCkey(x.k, y.k) }

// sortComplex sorts v in place along the valid axis ax; C is T's complex
// type. Each lane is gathered with its keys, sorted stably and written
// back, bits unchanged.
func sortComplex[T any, C complex64 | complex128](v NDView[T], ax int) {
	n := v.lay.Shape()[ax]
	if n < 2 {
		return
	}
	data := keyBits[C](v.data)
	st := v.lay.Strides()[ax]
	forLanesPar(v.lay.Shape(), ax, v.lay.Off, v.lay.Strides(), v.lay.Off, v.lay.Strides(), MaxThreads(), func() func(a, b int) {
		buf := make([]keyed[C], n)
		return func(off, _ int) {
			o := off
			for i := range buf {
				x := data[o]
				buf[i] = keyed[C]{k: ckeyOf(complex128(x)), x: x}
				o += st
			}
			slices.SortStableFunc(buf, cmpKeyed[C])
			o = off
			for _, e := range buf {
				data[o] = e.x
				o += st
			}
		}
	})
}

// argsortComplex writes into out, a C-contiguous int array of v's shape,
// the stable sorting indices of v along the valid axis ax.
func argsortComplex[T any, C complex64 | complex128](out NDView[int], v NDView[T], ax int) {
	n := v.lay.Shape()[ax]
	if n == 0 {
		return
	}
	data := keyBits[C](v.data)
	st, ost := v.lay.Strides()[ax], out.lay.Strides()[ax]
	forLanesPar(v.lay.Shape(), ax, v.lay.Off, v.lay.Strides(), 0, out.lay.Strides(), MaxThreads(), func() func(a, b int) {
		buf := make([]keyed[C], n)
		return func(off, oo int) {
			for i := range buf {
				buf[i] = keyed[C]{k: ckeyOf(complex128(data[off])), i: i}
				off += st
			}
			slices.SortStableFunc(buf, cmpKeyed[C])
			for _, e := range buf {
				out.data[oo] = e.i
				oo += ost
			}
		}
	})
}

// searchComplex writes into out the insertion points of v's elements (C
// order) into a, through sorter when it is not nil.
func searchComplex[T any, C complex64 | complex128](out []int, a, v NDView[T], side Side, sorter []int) {
	d := keyBits[C](a.data)
	off, st, n := a.lay.Off, a.lay.Strides()[0], a.lay.Shape()[0]
	at := func(i int) ckey {
		if sorter != nil {
			i = sorter[i]
		}
		return ckeyOf(complex128(d[off+i*st]))
	}
	q := keyBits[C](v.ToSlice())
	for j, x := range q {
		k := ckeyOf(complex128(x))
		lo, hi := 0, n
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			c := cmpCkey(at(m), k)
			if c < 0 || side == Right && c == 0 {
				lo = m + 1
			} else {
				hi = m
			}
		}
		out[j] = lo
	}
}

// uniqueComplex is Unique for complex elements, C being T's complex type:
// a stable sort of the elements with their flat indices, then NumPy 1.24's
// _unique1d with equal_nan, under which every number holding a NaN is one
// value, the first of them in the sorted order.
func uniqueComplex[T any, C complex64 | complex128](v NDView[T], opt UniqueOptions) UniqueResult[T] {
	flat := v.ToSlice()
	xs := keyBits[C](flat)
	buf := make([]keyed[C], len(xs))
	for i, x := range xs {
		buf[i] = keyed[C]{k: ckeyOf(complex128(x)), i: i, x: x}
	}
	slices.SortStableFunc(buf, cmpKeyed[C])
	vals := make([]T, 0)
	var index, counts []int
	var inverse []int
	if opt.Inverse {
		inverse = make([]int, len(xs))
	}
	for j, e := range buf {
		start := j == 0 || (cmpCkey(buf[j-1].k, e.k) != 0 && buf[j-1].k.class == 0)
		if start {
			vals = append(vals, flat[e.i])
			index = append(index, e.i)
			counts = append(counts, 0)
		}
		counts[len(counts)-1]++
		if inverse != nil {
			inverse[e.i] = len(vals) - 1
		}
	}
	r := UniqueResult[T]{Values: vector(vals)}
	if opt.Index {
		r.Index = vector(nonNil(index))
	}
	if opt.Inverse {
		r.Inverse = vector(inverse)
	}
	if opt.Counts {
		r.Counts = vector(nonNil(counts))
	}
	return r
}
