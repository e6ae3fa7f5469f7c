package ndview

// Binary search in sorted data (NumPy's searchsorted), semantics.md §18.
//
// Elements compare by their normalised keys (sort.go): NaN after every
// number and equal to NaN, -0 equal to +0, which is NumPy's order for
// searchsorted. Few queries are searched one by one, by binary search
// over the view; many queries (at least searchSortMin, into at least as
// many elements) are sorted first by the radix sort and then found in one
// forward sweep that gallops from the previous answer, which turns the
// random probes of a large array into a nearly sequential scan
// (BenchmarkSearchsorted: 1M queries into 1M float64 in about a third of
// the time of a loop of sort.SearchFloat64s).

import (
	"math"

	"github.com/ndkit/ndkit/ndview/internal/mem"
)

// Side says which of several equal elements Searchsorted returns.
type Side uint8

const (
	// Left gives the first suitable index: a[i-1] < x <= a[i] (NumPy's
	// side="left").
	Left Side = iota
	// Right gives the last suitable index: a[i-1] <= x < a[i] (NumPy's
	// side="right").
	Right
)

// searchSortMin is the least number of queries that Searchsorted sorts
// before it searches.
const searchSortMin = 1024

// Searchsorted returns, for each element x of v, the index at which x
// would be inserted into the sorted 1-D view a to keep it sorted (NumPy's
// np.searchsorted(a, v, side)): with side Left the first such index, with
// Right the last. NaNs count as larger than every number (NumPy's sort
// order, semantics.md S6). The result is a new C-contiguous int array of
// v's shape (0-d for a 0-d v). a must be sorted in that order; if it is
// not, the indices are in [0, len(a)] but otherwise unspecified, as in
// NumPy.
//
// Searchsorted panics with an error wrapping ErrShape when a is not 1-D,
// and ErrIndex when side is neither Left nor Right. It allocates the
// result and, for many queries, buffers of about four times v's size.
func Searchsorted[T Orderable](a, v NDView[T], side Side) NDView[int] {
	checkSearch("Searchsorted", a, side)
	return searchsorted(a, v, side, nil)
}

// SearchsortedSorter is Searchsorted for an a that is not sorted itself
// but whose elements a[sorter[0]], a[sorter[1]], … are (NumPy's
// np.searchsorted(a, v, side, sorter=sorter), where sorter is typically
// Argsort(a, 0)). The indices returned are positions in that sorted order.
//
// It panics as Searchsorted does, and with an error wrapping ErrShape
// when sorter is not 1-D or its length is not a's. It returns an error
// wrapping ErrIndex, and no result, when an element of sorter is outside
// [0, len(a)).
func SearchsortedSorter[T Orderable](a, v NDView[T], side Side, sorter NDView[int]) (NDView[int], error) {
	const op = "SearchsortedSorter"
	checkSearch(op, a, side)
	n := a.lay.Shape()[0]
	if sorter.NDim() != 1 || sorter.lay.Shape()[0] != n {
		panicf(op, ErrShape, "sorter of shape %s for a of shape %s; want shape %s",
			formatShape(sorter.lay.Shape()), formatShape(a.lay.Shape()), formatShape([]int{n}))
	}
	s := sorter.ToSlice()
	for i, j := range s {
		if j < 0 || j >= n {
			return NDView[int]{}, errorf(op, ErrIndex, "Sorter index out of range: sorter[%d] = %d; valid: [0, %d)", i, j, n)
		}
	}
	return searchsorted(a, v, side, s), nil
}

// checkSearch panics unless a is 1-D and side is valid.
func checkSearch[T any](op string, a NDView[T], side Side) {
	if a.NDim() != 1 {
		panicf(op, ErrShape, "a of shape %s must be 1-D", formatShape(a.lay.Shape()))
	}
	if side != Left && side != Right {
		panicf(op, ErrIndex, "side %d must be Left or Right", side)
	}
}

// searchsorted runs Searchsorted with a checked sorter (nil for none).
func searchsorted[T any](a, v NDView[T], side Side, sorter []int) NDView[int] {
	out := Zeros[int](v.lay.Shape()...)
	switch mem.InfoOf[T]().Kind {
	case mem.Complex64:
		searchComplex[T, complex64](out.data, a, v, side, sorter)
		return out
	case mem.Complex128:
		searchComplex[T, complex128](out.data, a, v, side, sorter)
		return out
	}
	switch mem.Sizeof[T]() {
	case 1:
		searchU[T, uint8](out.data, a, v, side, sorter)
	case 2:
		searchU[T, uint16](out.data, a, v, side, sorter)
	case 4:
		searchU[T, uint32](out.data, a, v, side, sorter)
	default:
		searchU[T, uint64](out.data, a, v, side, sorter)
	}
	return out
}

// viewKeys is the sequence of normalised keys of a 1-D view, through an
// optional sorter.
type viewKeys[U ukey] struct {
	c       keyCodec[U]
	d       []U
	off, st int
	sorter  []int
	n       int
}

// at returns the key of element i of the sequence.
func (s *viewKeys[U]) at(i int) U {
	if s.sorter != nil {
		i = s.sorter[i]
	}
	return s.c.norm(s.d[s.off+i*s.st])
}

// searchU writes into out the answers for the elements of v in C order;
// U is the type of T's bits.
func searchU[T any, U ukey](out []int, a, v NDView[T], side Side, sorter []int) {
	c := newCodec[T, U]()
	ks := viewKeys[U]{c: c, d: keyBits[U](a.data), off: a.lay.Off, st: a.lay.Strides()[0], sorter: sorter, n: a.lay.Shape()[0]}
	q := keyBits[U](v.ToSlice())
	for i, x := range q {
		q[i] = c.norm(x)
	}
	right := side == Right
	if len(q) < searchSortMin || ks.n < searchSortMin {
		for i, k := range q {
			out[i] = ks.search(0, ks.n, k, right)
		}
		return
	}
	if len(q) > math.MaxUint32 {
		sweep[U, uint64](out, &ks, q, right)
		return
	}
	sweep[U, uint32](out, &ks, q, right)
}

// before reports whether key k of the sequence comes before the insertion
// point of q: k < q, or k <= q on the right side.
func before[U ukey](k, q U, right bool) bool { return k < q || right && k == q }

// search returns the insertion point of key q in elements [lo, hi) of s:
// the first i there whose key does not come before q (hi if none).
func (s *viewKeys[U]) search(lo, hi int, q U, right bool) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if before(s.at(m), q, right) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// sweep answers the queries q, sorted first, in one forward pass over s:
// each search gallops from the previous answer.
func sweep[U ukey, I pidx](out []int, s *viewKeys[U], q []U, right bool) {
	var srt sorter[U, I]
	srt.keys, srt.tmp = q, make([]U, len(q))
	srt.idx, srt.itmp = make([]I, len(q)), make([]I, len(q))
	for i := range srt.idx {
		srt.idx[i] = I(i)
	}
	keys, idx := srt.sort(q, srt.idx)
	pos, n := 0, s.n
	for j, k := range keys {
		lo, hi, step := pos, pos, 1
		for hi < n && before(s.at(hi), k, right) {
			lo = hi + 1
			hi += step
			step <<= 1
		}
		pos = s.search(lo, min(hi, n), k, right)
		out[idx[j]] = pos
	}
}
