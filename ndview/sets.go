package ndview

// Unique elements and set routines on flattened views (NumPy's unique,
// isin, intersect1d, union1d, setdiff1d and setxor1d), semantics.md §18.
//
// Every routine reads its inputs in C order and maps each element to its
// normalised key (sort.go), widened to uint64: equal elements have equal
// keys (-0 and +0 do; all NaNs share the largest key of their width).
// NumPy's own algorithms are followed step by step on those keys, so that
// results, indices and the corners of NaN agree with NumPy 1.24: unique
// collapses NaNs into one (equal_nan), while the set routines compare
// with ==, under which a NaN equals nothing.
//
// Unique sorts the keys with their flat indices by the stable radix sort,
// which gives the first index of every distinct value. When the input is
// large and has few distinct values, it counts them in a hash table
// first, and sorts only the distinct keys (BenchmarkUnique: 10M int64 of
// 1000 distinct values); the result is the same.

import (
	"math"

	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// UniqueOptions says what Unique returns besides the sorted distinct
// values (NumPy's return_index, return_inverse and return_counts).
type UniqueOptions struct {
	Index   bool // the flat index of the first occurrence of each value
	Inverse bool // for each element, the index of its value in Values
	Counts  bool // how many times each value occurs
}

// UniqueResult holds the results of Unique: new 1-D arrays. The parts not
// asked for in UniqueOptions are zero NDViews.
type UniqueResult[T any] struct {
	Values  NDView[T]   // the distinct values, sorted
	Index   NDView[int] // v.ToSlice()[Index[i]] is the first Values[i]
	Inverse NDView[int] // Values[Inverse[j]] equals v.ToSlice()[j]
	Counts  NDView[int] // occurrences of Values[i]
}

// Unique returns the sorted distinct elements of v, flattened in C order
// (NumPy 1.24's np.unique(v, return_index, return_inverse,
// return_counts)), and what opt asks for besides. NaNs sort last and are
// collapsed into one value, whose count is the number of NaNs; -0 and +0
// are one value. Of equal elements, Values holds the first one (the sign
// of that zero, the bits of that NaN). Inverse is flat, as in NumPy 1.24.
// A 0-d view is one element. Unique allocates the results and buffers of
// about three times v's size. It never panics.
func Unique[T Orderable](v NDView[T], opt UniqueOptions) UniqueResult[T] {
	switch mem.InfoOf[T]().Kind {
	case mem.Complex64:
		return uniqueComplex[T, complex64](v, opt)
	case mem.Complex128:
		return uniqueComplex[T, complex128](v, opt)
	}
	f := flatOf(v)
	vals, index, inverse, counts := f.unique(opt.Inverse)
	r := UniqueResult[T]{Values: vector(vals)}
	if opt.Index {
		r.Index = vector(index)
	}
	if opt.Inverse {
		r.Inverse = vector(inverse)
	}
	if opt.Counts {
		r.Counts = vector(counts)
	}
	return r
}

// Isin returns a new bool array of element's shape telling, for each
// element, whether it equals some element of test (NumPy's
// np.isin(element, test, invert=invert)), or the negation when invert is
// true. Elements compare with ==: -0 equals +0, and a NaN is in no array,
// not even one holding NaNs. It allocates the result and buffers of the
// size of both inputs.
func Isin[T Sortable](element, test NDView[T], invert bool) NDView[bool] {
	e, s := flatOf(element), flatOf(test)
	keys := s.sortedKeys()
	out := Zeros[bool](element.lay.Shape()...)
	for i, k := range e.keys {
		j := searchKeys(keys, k)
		in := j < len(keys) && keys[j] == k && !e.isNaN(k)
		out.data[i] = in != invert
	}
	return out
}

// Intersect1d returns the sorted values common to a and b, flattened
// (NumPy's np.intersect1d(a, b, assume_unique, return_indices=True)),
// and for each value the flat index of its first occurrence in a and in
// b. NaNs are never common (NaN != NaN). With assumeUnique the inputs are
// taken to hold distinct values, which saves two sorts; if they do not,
// the result is NumPy's with the same flag (values that repeat in one
// input may appear). The results are new 1-D arrays.
func Intersect1d[T Sortable](a, b NDView[T], assumeUnique bool) (values NDView[T], ia, ib NDView[int]) {
	fa, fb := flatOf(a), flatOf(b)
	var xa, xb []int // the flat indices behind fa's and fb's elements
	if !assumeUnique {
		fa, xa = fa.uniqueSet()
		fb, xb = fb.uniqueSet()
	}
	aux := fa.concat(fb)
	perm := aux.argsort()
	var vals []T
	var ra, rb []int
	na := len(fa.vals)
	for i := 0; i+1 < len(perm); i++ {
		p, q := perm[i], perm[i+1]
		if aux.keys[p] != aux.keys[q] || aux.isNaN(aux.keys[p]) {
			continue
		}
		vals = append(vals, aux.vals[p])
		x, y := p, q-na
		if !assumeUnique {
			x, y = xa[x], xb[y]
		}
		ra, rb = append(ra, x), append(rb, y)
	}
	return vector(nonNil(vals)), vector(nonNil(ra)), vector(nonNil(rb))
}

// Union1d returns the sorted distinct values of a and b together,
// flattened (NumPy's np.union1d(a, b)): Unique of both, with its rules for
// NaN and zeros. The result is a new 1-D array.
func Union1d[T Sortable](a, b NDView[T]) NDView[T] {
	f := flatOf(a).concat(flatOf(b))
	vals, _, _, _ := f.unique(false)
	return vector(vals)
}

// Setdiff1d returns the values of a that are not in b, flattened (NumPy's
// np.setdiff1d(a, b, assume_unique)): the sorted distinct values of a,
// or, with assumeUnique, a's elements in their order. A NaN is never in b,
// so a's NaN stays. The result is a new 1-D array.
func Setdiff1d[T Sortable](a, b NDView[T], assumeUnique bool) NDView[T] {
	fa, fb := flatOf(a), flatOf(b)
	if !assumeUnique {
		fa, _ = fa.uniqueSet()
	}
	keys := fb.sortedKeys()
	var vals []T
	for i, k := range fa.keys {
		j := searchKeys(keys, k)
		if j == len(keys) || keys[j] != k || fa.isNaN(k) {
			vals = append(vals, fa.vals[i])
		}
	}
	return vector(nonNil(vals))
}

// Setxor1d returns the sorted values that are in exactly one of a and b,
// flattened (NumPy's np.setxor1d(a, b, assume_unique)). A NaN of each
// input stays, since NaN != NaN: two NaNs in, two out. The result is a new
// 1-D array.
func Setxor1d[T Sortable](a, b NDView[T], assumeUnique bool) NDView[T] {
	fa, fb := flatOf(a), flatOf(b)
	if !assumeUnique {
		fa, _ = fa.uniqueSet()
		fb, _ = fb.uniqueSet()
	}
	aux := fa.concat(fb)
	perm := aux.argsort()
	var vals []T
	for i, p := range perm {
		k := aux.keys[p]
		dupPrev := i > 0 && aux.keys[perm[i-1]] == k && !aux.isNaN(k)
		dupNext := i+1 < len(perm) && aux.keys[perm[i+1]] == k && !aux.isNaN(k)
		if !dupPrev && !dupNext {
			vals = append(vals, aux.vals[p])
		}
	}
	return vector(nonNil(vals))
}

// nonNil returns s, or an empty slice for nil, so that vector gives a view
// of shape (0,).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ---------------------------------------------------------------------
// Flattened inputs.

// flat is a view's elements in C order with their normalised keys.
type flat[T any] struct {
	vals   []T
	keys   []uint64
	float  bool   // T is a float: nanKey is the key of NaNs
	nanKey uint64 // the normalised key of NaN, widened
}

// flatOf returns v's elements in C order and their keys. vals may share
// v's memory; it is only read.
func flatOf[T any](v NDView[T]) flat[T] {
	n := v.Size()
	vals := []T{}
	switch {
	case n == 0: // the offset of a view without elements means nothing
	case v.lay.CContiguous():
		vals = v.data[v.lay.Off : v.lay.Off+n]
	default:
		vals = v.ToSlice()
	}
	f := flat[T]{vals: vals, keys: make([]uint64, n), float: keyKindOf[T]() == keyFloat}
	switch mem.Sizeof[T]() {
	case 1:
		f.nanKey = widenKeys[T, uint8](f.keys, vals)
	case 2:
		f.nanKey = widenKeys[T, uint16](f.keys, vals)
	case 4:
		f.nanKey = widenKeys[T, uint32](f.keys, vals)
	default:
		f.nanKey = widenKeys[T, uint64](f.keys, vals)
	}
	return f
}

// widenKeys writes the normalised keys of vals into keys and returns the
// key of NaN (the largest key of U), widened.
func widenKeys[T any, U ukey](keys []uint64, vals []T) uint64 {
	c := newCodec[T, U]()
	for i, x := range keyBits[U](vals) {
		keys[i] = uint64(c.norm(x))
	}
	return uint64(^U(0))
}

// isNaN reports whether k is the key of a NaN.
func (f *flat[T]) isNaN(k uint64) bool { return f.float && k == f.nanKey }

// concat returns f's elements followed by g's.
func (f flat[T]) concat(g flat[T]) flat[T] {
	r := f
	r.vals = append(append(make([]T, 0, len(f.vals)+len(g.vals)), f.vals...), g.vals...)
	r.keys = append(append(make([]uint64, 0, len(r.vals)), f.keys...), g.keys...)
	return r
}

// argsort returns the stable sorting permutation of f's keys.
func (f *flat[T]) argsort() []int {
	n := len(f.keys)
	perm := make([]int, n)
	if n == 0 {
		return perm
	}
	if n > math.MaxUint32 {
		argsortKeys[uint64](perm, f.keys)
	} else {
		argsortKeys[uint32](perm, f.keys)
	}
	return perm
}

// argsortKeys writes into perm the stable sorting permutation of keys.
func argsortKeys[I pidx](perm []int, keys []uint64) {
	var s sorter[uint64, I]
	s.init(len(keys), true)
	copy(s.keys, keys)
	for i := range s.idx {
		s.idx[i] = I(i)
	}
	_, idx := s.sort(s.keys, s.idx)
	for i, x := range idx {
		perm[i] = int(x)
	}
}

// sortedKeys returns f's distinct keys, sorted, without the key of NaN.
func (f *flat[T]) sortedKeys() []uint64 {
	if len(f.keys) == 0 {
		return nil
	}
	var s sorter[uint64, uint32]
	s.init(len(f.keys), false)
	copy(s.keys, f.keys)
	keys, _ := s.sort(s.keys, nil)
	out := keys[:0]
	for i, k := range keys {
		if (i == 0 || k != keys[i-1]) && !f.isNaN(k) {
			out = append(out, k)
		}
	}
	return out
}

// searchKeys returns the first index of keys, sorted, whose key is not
// less than k.
func searchKeys(keys []uint64, k uint64) int {
	lo, hi := 0, len(keys)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if keys[m] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// uniqueSet returns the distinct elements of f, sorted, as a flat, and the
// index in f of each.
func (f flat[T]) uniqueSet() (flat[T], []int) {
	vals, index, _, _ := f.unique(false)
	r := f
	r.vals = vals
	r.keys = make([]uint64, len(index))
	for i, x := range index {
		r.keys[i] = f.keys[x]
	}
	return r, index
}

// unique returns the distinct elements of f, sorted (the first of equal
// ones), the index of each one's first occurrence, the inverse (when
// withInverse) and the counts.
func (f *flat[T]) unique(withInverse bool) (vals []T, index, inverse, counts []int) {
	n := len(f.keys)
	var inv []int
	if withInverse {
		inv = make([]int, n)
	}
	if index, counts, ok := f.uniqueHash(inv); ok {
		return f.pick(index), index, inv, counts
	}
	perm := f.argsort()
	for i, p := range perm {
		if i == 0 || f.keys[p] != f.keys[perm[i-1]] {
			index = append(index, p)
			counts = append(counts, 0)
		}
		counts[len(counts)-1]++
		if inv != nil {
			inv[p] = len(index) - 1
		}
	}
	index, counts = nonNil(index), nonNil(counts)
	return f.pick(index), index, inv, counts
}

// pick returns f's elements at index.
func (f *flat[T]) pick(index []int) []T {
	vals := make([]T, len(index))
	for i, x := range index {
		vals[i] = f.vals[x]
	}
	return vals
}

// Hash counting.

// hashMinSize is the least number of elements that Unique counts in a
// hash table first: below it, sorting costs little anyway.
const hashMinSize = 1 << 12

// hashMaxDistinct is the most distinct values the hash table takes before
// Unique gives up and sorts: beyond it, the table no longer fits in the
// cache and the radix sort wins.
const hashMaxDistinct = 1 << 15

// uniqueHash counts f's distinct keys in an open-addressing hash table and
// returns, ordered by key, the index of each one's first occurrence and
// its count, filling inv when it is not nil. It reports false, having
// written nothing to inv, when f is small or has too many distinct values
// (more than hashMaxDistinct, or than a sixteenth of its elements).
func (f *flat[T]) uniqueHash(inv []int) (index, counts []int, ok bool) {
	n := len(f.keys)
	if n < hashMinSize {
		return nil, nil, false
	}
	limit := min(hashMaxDistinct, n/16)
	h := newKeyTable(1024)
	for i, k := range f.keys {
		s := h.find(k)
		if h.cnt[s] == 0 {
			if h.used == limit {
				return nil, nil, false
			}
			h.keys[s], h.first[s] = k, i
			h.used++
		}
		h.cnt[s]++
		if 2*h.used > len(h.keys) {
			h = h.grow()
		}
	}
	// Sort the occupied slots by key.
	slots := make([]int, 0, h.used)
	keys := make([]uint64, 0, h.used)
	for s, c := range h.cnt {
		if c > 0 {
			slots = append(slots, s)
			keys = append(keys, h.keys[s])
		}
	}
	perm := make([]int, len(keys))
	argsortKeys[uint32](perm, keys)
	index, counts = make([]int, len(perm)), make([]int, len(perm))
	rank := make([]int32, len(h.keys))
	for r, p := range perm {
		s := slots[p]
		index[r], counts[r] = h.first[s], h.cnt[s]
		rank[s] = int32(r)
	}
	for i, k := range f.keys {
		if inv == nil {
			break
		}
		inv[i] = int(rank[h.find(k)])
	}
	return index, counts, true
}

// keyTable is an open-addressing hash table of uint64 keys with linear
// probing; a slot is free when its count is 0.
type keyTable struct {
	keys  []uint64
	cnt   []int
	first []int
	used  int
	shift uint
}

// newKeyTable returns an empty table of size slots, a power of 2.
func newKeyTable(size int) *keyTable {
	bits := uint(0)
	for 1<<bits < size {
		bits++
	}
	return &keyTable{keys: make([]uint64, size), cnt: make([]int, size), first: make([]int, size), shift: 64 - bits}
}

// find returns the slot of k: the one holding it, or the free one where it
// goes.
func (h *keyTable) find(k uint64) int {
	mask := len(h.keys) - 1
	s := int((k * 0x9E3779B97F4A7C15) >> h.shift)
	for h.cnt[s] != 0 && h.keys[s] != k {
		s = (s + 1) & mask
	}
	return s
}

// grow returns a table of twice the size with h's entries.
func (h *keyTable) grow() *keyTable {
	g := newKeyTable(2 * len(h.keys))
	for s, c := range h.cnt {
		if c > 0 {
			t := g.find(h.keys[s])
			g.keys[t], g.cnt[t], g.first[t] = h.keys[s], c, h.first[s]
		}
	}
	g.used = h.used
	return g
}
