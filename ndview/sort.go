package ndview

// Sorting (NumPy's sort, argsort, partition, argpartition and lexsort),
// semantics.md §18.
//
// Every sort works on the bits of the elements, never on T: a value is
// mapped to an unsigned key of its own width whose unsigned order is
// NumPy's order of the values (S1):
//   - unsigned integers and bools are their own keys;
//   - signed integers flip the sign bit;
//   - floats (float16.Float16, float32, float64) flip every bit of a
//     negative number and only the sign bit of a positive one, so that
//     -Inf < … < -0 < +0 < … < +Inf.
//
// Keys are sorted by an LSD radix sort (sorter.sort), stable and linear in
// the number of elements: one pass per byte of the key (8-bit digits beat
// 11-bit ones on 1M float64 keys, 42 against 55 ms), passes whose byte is
// the same for every key skipped; lanes of up to 32 elements are sorted by
// insertion.
// BenchmarkSort: 1M float64 in about a quarter of the time of slices.Sort.
//
// In-place sorts (Sort, Partition) keep the bits of every element: NaNs are
// set aside while the keys are gathered and written back after the sorted
// numbers, in the order they had, and -0 and +0 keep distinct keys (-0
// first), which is one of the orders NumPy's unstable sorts may give.
// Index sorts (Argsort, Argpartition, Lexsort) must be stable, so there
// every NaN has the largest key and -0 the key of +0 (keyNorm).
//
// A sort along an axis gathers each lane (the elements along that axis,
// for one index of the other axes) into a contiguous buffer of keys, sorts
// it and writes it back, so that any layout sorts at nearly the speed of a
// contiguous one.

import (
	"math"

	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Sortable is the constraint of element types that sort, search and form
// sets: the ordered types of Real (float16.Float16 ordered as a half-precision
// float) and bool (false before true), including named types defined over
// them. Complex numbers, which NumPy sorts lexicographically, are not
// Sortable.
type Sortable interface {
	Real | ~bool
}

// Sort sorts v in place along axis (NumPy's v.sort(axis=axis)); a negative
// axis counts from the end. NaNs sort last, after +Inf; -0 and +0 are equal
// (semantics.md S1, S2). Sort keeps the bits of every element (NaN
// payloads, the sign of zero); the order of equal elements is unspecified.
// v may have any layout; each lane along axis is gathered into a buffer,
// sorted and written back. Sort allocates two buffers of the axis's
// length and the digit counts (2 KiB per byte of the element).
//
// Sort panics, before writing anything, with an error wrapping ErrReadOnly
// when v is read-only and ErrAxis when axis is outside [-ndim, ndim) (a 0-d
// view has no axis, as in NumPy).
func Sort[T Orderable](v NDView[T], axis int) {
	const op = "Sort"
	if v.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	ax := layout.NormalizeAxis(op, axis, v.NDim())
	switch mem.InfoOf[T]().Kind {
	case mem.Complex64:
		sortComplex[T, complex64](v, ax)
		return
	case mem.Complex128:
		sortComplex[T, complex128](v, ax)
		return
	}
	switch mem.Sizeof[T]() {
	case 1:
		sortAxis[T, uint8](v, ax)
	case 2:
		sortAxis[T, uint16](v, ax)
	case 4:
		sortAxis[T, uint32](v, ax)
	default:
		sortAxis[T, uint64](v, ax)
	}
}

// SortFlat returns a new 1-D array of the elements of v, sorted (NumPy's
// np.sort(v, axis=None)): the elements in C order, sorted as Sort sorts.
// v may be read-only; a 0-d view gives one element. SortFlat allocates the
// result and the buffers of Sort.
func SortFlat[T Orderable](v NDView[T]) NDView[T] {
	out := vector(v.ToSlice())
	Sort(out, 0)
	return out
}

// Argsort returns a new C-contiguous int array of v's shape whose lanes
// along axis hold the indices that sort v's lanes (NumPy's
// np.argsort(v, axis=axis, kind="stable")): taking v's elements along axis
// in that order gives them sorted, NaNs last, and equal elements (-0 and
// +0 are equal; so are all NaNs) keep their order (semantics.md S3). v may
// be read-only. Argsort allocates the result and buffers of about three
// times the axis's length.
//
// Argsort panics with an error wrapping ErrAxis when axis is outside
// [-ndim, ndim).
func Argsort[T Orderable](v NDView[T], axis int) NDView[int] {
	ax := layout.NormalizeAxis("Argsort", axis, v.NDim())
	return argsortAxis(v, ax)
}

// ArgsortFlat returns a new 1-D int array of the C-order flat indices that
// sort v's elements (NumPy's np.argsort(v, axis=None, kind="stable")), with
// the order of Argsort. A 0-d view gives [0].
func ArgsortFlat[T Orderable](v NDView[T]) NDView[int] {
	return argsortAxis(vector(v.ToSlice()), 0)
}

// Partition rearranges v in place along axis so that, in every lane, the
// element at each position k of kth is the one a sort would put there,
// every element before it is less than or equal to it and every element
// after it is greater than or equal to it (NumPy's
// v.partition(kth, axis=axis)); NaNs count as the largest. Negative kth
// count from the end of the axis. Only this guarantee is promised: ndkit
// sorts each lane (in linear time, semantics.md S4), which satisfies it,
// whereas NumPy's introselect leaves other orders.
//
// Partition panics, before writing anything, with an error wrapping
// ErrReadOnly when v is read-only, ErrAxis when axis is out of range, and
// ErrIndex when kth is empty or a kth is outside [-n, n) for an axis of
// extent n (NumPy: "kth(=5) out of bounds (5)").
func Partition[T Orderable](v NDView[T], kth []int, axis int) {
	const op = "Partition"
	if v.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	ax := layout.NormalizeAxis(op, axis, v.NDim())
	checkKth(op, kth, v.lay.Shape()[ax])
	Sort(v, ax)
}

// Argpartition returns a new C-contiguous int array of v's shape whose
// lanes along axis hold indices that partition v's lanes as Partition
// would (NumPy's np.argpartition(v, kth, axis=axis)): taking the elements
// in that order puts the kth elements in their sorted places, smaller or
// equal ones before, greater or equal ones after. ndkit returns the
// stable sorting indices of Argsort, which satisfy this. Argpartition
// panics as Partition does, except that v may be read-only.
func Argpartition[T Orderable](v NDView[T], kth []int, axis int) NDView[int] {
	const op = "Argpartition"
	ax := layout.NormalizeAxis(op, axis, v.NDim())
	checkKth(op, kth, v.lay.Shape()[ax])
	return argsortAxis(v, ax)
}

// checkKth panics unless kth is a non-empty list of indices in [-n, n).
func checkKth(op string, kth []int, n int) {
	if len(kth) == 0 {
		panicf(op, ErrIndex, "kth is empty; want at least one index in [%d, %d)", -n, n)
	}
	for _, k := range kth {
		if k < -n || k >= n {
			panicf(op, ErrIndex, "kth(=%d) out of bounds (%d); valid: [%d, %d)", k, n, -n, n)
		}
	}
}

// Lexsort returns the indices that sort by several keys (NumPy's
// np.lexsort(keys)): the last key is the primary one, ties are broken by
// the one before it, and so on; equal rows keep their order. Keys of more
// than one axis are sorted along their last axis, each lane on its own,
// and the result has their shape; 0-d keys give a 0-d result holding 0.
// Every key is ordered as Argsort orders it. Lexsort allocates the result
// and buffers of about four times the length of the last axis.
//
// Lexsort panics with an error wrapping ErrShape when no key is given or
// the keys' shapes differ.
func Lexsort[T Sortable](keys ...NDView[T]) NDView[int] {
	const op = "Lexsort"
	if len(keys) == 0 {
		panicf(op, ErrShape, "need sequence of keys with len > 0")
	}
	sh := keys[0].lay.Shape()
	for i, k := range keys[1:] {
		if !sameShape(k.lay.Shape(), sh) {
			panicf(op, ErrShape, "all keys need to be the same shape: key %d has shape %s, key 0 %s",
				i+1, formatShape(k.lay.Shape()), formatShape(sh))
		}
	}
	switch mem.Sizeof[T]() {
	case 1:
		return lexsortU[T, uint8](keys)
	case 2:
		return lexsortU[T, uint16](keys)
	case 4:
		return lexsortU[T, uint32](keys)
	}
	return lexsortU[T, uint64](keys)
}

// vector returns a writable 1-D view of all of data.
func vector[T any](data []T) NDView[T] {
	v := newView(data, 0, 1)
	v.lay.Shape()[0], v.lay.Strides()[0] = len(data), 1
	return v
}

// sameShape reports whether two shapes are equal.
func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------------
// Keys.

// ukey is the set of key types: unsigned integers of each element width.
type ukey interface {
	~uint8 | ~uint16 | ~uint32 | ~uint64
}

// keyKind says how the bits of an element map to its key.
type keyKind uint8

const (
	keyUnsigned keyKind = iota // unsigned integers and bools: the bits
	keySigned                  // signed integers: the sign bit flipped
	keyFloat                   // IEEE floats: see the top of this file
)

// keyKindOf returns the key kind of T's elements.
func keyKindOf[T any]() keyKind {
	switch mem.InfoOf[T]().Kind {
	case mem.Int8, mem.Int16, mem.Int32, mem.Int64:
		return keySigned
	case mem.Float16, mem.Float32, mem.Float64:
		return keyFloat
	}
	return keyUnsigned
}

// signBit returns the top bit of U.
func signBit[U ukey]() U { return ^(^U(0) >> 1) }

// infBits returns the bits of +Inf for floats of U's width: a float x is
// NaN when x&^signBit > infBits.
func infBits[U ukey]() U {
	var inf uint64
	switch mem.Sizeof[U]() {
	case 2:
		inf = 0x7C00
	case 4:
		inf = 0x7F800000
	case 8:
		inf = 0x7FF0000000000000
	default:
		return ^U(0) // no float of one byte: nothing is NaN
	}
	return U(inf)
}

// keyBits returns s as a slice of its elements' bits; U has T's size.
func keyBits[U, T any](s []T) []U { return mem.As[U](mem.Erase(s)) }

// keyCodec maps element bits to keys and back, for one key kind.
type keyCodec[U ukey] struct {
	kind keyKind
	sign U
	inf  U
}

// newCodec returns the codec of T's elements, whose bits are U's.
func newCodec[T any, U ukey]() keyCodec[U] {
	return keyCodec[U]{kind: keyKindOf[T](), sign: signBit[U](), inf: infBits[U]()}
}

// isNaN reports whether the bits x are a NaN of a float kind.
func (c keyCodec[U]) isNaN(x U) bool { return c.kind == keyFloat && x&^c.sign > c.inf }

// key returns the order-preserving key of the bits x; a NaN's key has no
// meaning (callers set NaNs aside or use norm).
func (c keyCodec[U]) key(x U) U {
	switch c.kind {
	case keySigned:
		return x ^ c.sign
	case keyFloat:
		if x&c.sign != 0 {
			return ^x
		}
		return x | c.sign
	}
	return x
}

// unkey returns the bits whose key is k (the inverse of key).
func (c keyCodec[U]) unkey(k U) U {
	switch c.kind {
	case keySigned:
		return k ^ c.sign
	case keyFloat:
		if k&c.sign != 0 {
			return k &^ c.sign
		}
		return ^k
	}
	return k
}

// norm returns the key of x under which equal values have equal keys: every
// NaN has the largest key (no number has it) and -0 the key of +0.
func (c keyCodec[U]) norm(x U) U {
	if c.kind == keyFloat {
		switch {
		case x&^c.sign > c.inf:
			return ^U(0)
		case x == c.sign:
			x = 0
		}
	}
	return c.key(x)
}

// isNaNKey reports whether k is the normalised key of a NaN.
func (c keyCodec[U]) isNaNKey(k U) bool { return c.kind == keyFloat && k == ^U(0) }

// ---------------------------------------------------------------------
// Lanes.

// forLanes calls fn for every lane along axis ax of a view of shape sh:
// with the offset of the lane's first element in operand a (offset aOff,
// strides aSt) and in operand b (bOff, bSt; give a's again when there is
// no second operand). Nothing is called when the shape is empty.
func forLanes(sh []int, ax int, aOff int, aSt []int, bOff int, bSt []int, fn func(a, b int)) {
	forLanesPar(sh, ax, aOff, aSt, bOff, bSt, 1, func() func(a, b int) { return fn })
}

// minParallelSort is the number of elements from which the sorts along an
// axis share their lanes among up to MaxThreads goroutines.
const minParallelSort = 1 << 16

// forLanesPar is forLanes split among up to threads goroutines (only when
// the view holds at least minParallelSort elements and has several lanes):
// each goroutine calls newFn once for its own fn, so that each has its
// own buffers, and the lanes it is given are disjoint.
func forLanesPar(sh []int, ax int, aOff int, aSt []int, bOff int, bSt []int, threads int, newFn func() func(a, b int)) {
	size := layout.ShapeSize(sh)
	if size == 0 {
		return
	}
	var outer, sa, sb [MaxRank]int
	r := 0
	for k := range sh {
		if k != ax {
			outer[r], sa[r], sb[r] = sh[k], aSt[k], bSt[k]
			r++
		}
	}
	var p plan.Plan
	p.Init(outer[:r])
	p.Add(aOff, sa[:r])
	p.Add(bOff, sb[:r])
	p.Simplify(true)
	run := func(p *plan.Plan) {
		fn := newFn()
		n, s0 := p.Inner(0)
		_, s1 := p.Inner(1)
		w := p.Walk(1)
		for w.Next(p) {
			a, b := w.Off[0], w.Off[1]
			for range n {
				fn(a, b)
				a += s0
				b += s1
			}
		}
	}
	if w := min(threads, size/sh[ax]); w > 1 && size >= minParallelSort && p.Rank > 0 {
		plan.Parallel(&p, min(w, p.Dim[p.Longest()]), run)
		return
	}
	run(&p)
}

// sortAxis sorts v in place along the valid axis ax; U is the type of T's
// bits. Lanes go to up to MaxThreads goroutines, each with its buffers.
func sortAxis[T any, U ukey](v NDView[T], ax int) {
	n := v.lay.Shape()[ax]
	if n < 2 {
		return
	}
	c := newCodec[T, U]()
	data := keyBits[U](v.data)
	st := v.lay.Strides()[ax]
	forLanesPar(v.lay.Shape(), ax, v.lay.Off, v.lay.Strides(), v.lay.Off, v.lay.Strides(), MaxThreads(), func() func(a, b int) {
		var s sorter[U, uint32]
		s.init(n, false)
		return func(off, _ int) { s.sortLane(c, data, off, st, n) }
	})
}

// argsortAxis returns the stable sorting indices of v along the valid
// axis ax, as a new C-contiguous array of v's shape.
func argsortAxis[T any](v NDView[T], ax int) NDView[int] {
	sh := v.lay.Shape()
	out := Zeros[int](sh...)
	switch mem.InfoOf[T]().Kind {
	case mem.Complex64:
		argsortComplex[T, complex64](out, v, ax)
		return out
	case mem.Complex128:
		argsortComplex[T, complex128](out, v, ax)
		return out
	}
	switch mem.Sizeof[T]() {
	case 1:
		argsortInto[T, uint8](out, v, ax)
	case 2:
		argsortInto[T, uint16](out, v, ax)
	case 4:
		argsortInto[T, uint32](out, v, ax)
	default:
		argsortInto[T, uint64](out, v, ax)
	}
	return out
}

// argsortInto writes into out, a C-contiguous array of v's shape, the
// stable sorting indices of v along ax.
func argsortInto[T any, U ukey](out NDView[int], v NDView[T], ax int) {
	n := v.lay.Shape()[ax]
	if n == 0 {
		return
	}
	if n > math.MaxUint32 {
		argsortLanes[T, U, uint64](out, v, ax)
		return
	}
	argsortLanes[T, U, uint32](out, v, ax)
}

// argsortLanes is argsortInto with indices of type I while sorting.
func argsortLanes[T any, U ukey, I pidx](out NDView[int], v NDView[T], ax int) {
	n := v.lay.Shape()[ax]
	c := newCodec[T, U]()
	data := keyBits[U](v.data)
	st, ost := v.lay.Strides()[ax], out.lay.Strides()[ax]
	forLanesPar(v.lay.Shape(), ax, v.lay.Off, v.lay.Strides(), 0, out.lay.Strides(), MaxThreads(), func() func(a, b int) {
		var s sorter[U, I]
		s.init(n, true)
		return func(off, oo int) {
			keys, idx := s.keys[:n], s.idx[:n]
			for i := range keys {
				keys[i] = c.norm(data[off])
				idx[i] = I(i)
				off += st
			}
			keys, idx = s.sort(keys, idx)
			for _, i := range idx {
				out.data[oo] = int(i)
				oo += ost
			}
		}
	})
}

// lexsortU is Lexsort for keys whose bits are U's.
func lexsortU[T any, U ukey](keys []NDView[T]) NDView[int] {
	sh := keys[0].lay.Shape()
	out := Zeros[int](sh...)
	if len(sh) == 0 {
		return out // one element: index 0
	}
	ax := len(sh) - 1
	n := sh[ax]
	if n == 0 || out.Size() == 0 {
		return out
	}
	c := newCodec[T, U]()
	// The lanes of key 0 give the lanes of the others: walk the offsets of
	// key 0 and of out, and find the other keys' lane starts from the
	// lane's index, recomputed from out's C-order offset.
	ost := out.lay.Strides()
	var s sorter[U, uint64]
	s.init(n, true)
	perm := make([]uint64, n)
	forLanes(sh, ax, 0, ost, 0, ost, func(oo, _ int) {
		for i := range perm {
			perm[i] = uint64(i)
		}
		for k := range keys { // the first key is the least significant
			kv := &keys[k]
			off := kv.lay.Off
			rem := oo
			for a := 0; a < ax; a++ {
				off += (rem / ost[a]) * kv.lay.Strides()[a]
				rem %= ost[a]
			}
			st := kv.lay.Strides()[ax]
			d := keyBits[U](kv.data)
			kb, ib := s.keys[:n], s.idx[:n]
			for i, p := range perm {
				kb[i] = c.norm(d[off+int(p)*st])
				ib[i] = p
			}
			_, sorted := s.sort(kb, ib)
			copy(perm, sorted)
		}
		for i, p := range perm {
			out.data[oo+i] = int(p)
		}
	})
	return out
}

// ---------------------------------------------------------------------
// The radix sort.

// pidx is the set of index types carried beside keys.
type pidx interface{ ~uint32 | ~uint64 }

// insertionMax is the longest lane sorted by insertion: up to here it beat
// the radix sort's fixed cost of clearing and summing its digit counts.
const insertionMax = 32

// sorter holds the buffers of a sort of lanes of n elements.
type sorter[U ukey, I pidx] struct {
	keys, tmp []U
	idx, itmp []I
	cnt       *[8][256]uint32 // digit counts, one table per byte of U
	big       *[8][256]uint64 // the same, for lanes of 2^32 elements or more
}

// init allocates the buffers for lanes of n elements, with index buffers
// when withIdx is true.
func (s *sorter[U, I]) init(n int, withIdx bool) {
	s.keys, s.tmp = make([]U, n), make([]U, n)
	if withIdx {
		s.idx, s.itmp = make([]I, n), make([]I, n)
	}
}

// sortLane sorts in place the n elements data[off], data[off+st], … as
// Sort does.
func (s *sorter[U, I]) sortLane(c keyCodec[U], data []U, off, st, n int) {
	keys := s.keys[:n]
	j, t := 0, n
	if st == 1 {
		for _, x := range data[off : off+n] {
			if c.isNaN(x) {
				t--
				keys[t] = x // NaNs from the end, in reverse order
				continue
			}
			keys[j] = c.key(x)
			j++
		}
	} else {
		o := off
		for range n {
			x := data[o]
			o += st
			if c.isNaN(x) {
				t--
				keys[t] = x
				continue
			}
			keys[j] = c.key(x)
			j++
		}
	}
	sorted, _ := s.sort(keys[:j], nil)
	o := off
	if st == 1 {
		out := data[off : off+n]
		for i, k := range sorted {
			out[i] = c.unkey(k)
		}
		o += len(sorted)
	} else {
		for _, k := range sorted {
			data[o] = c.unkey(k)
			o += st
		}
	}
	for i := n - 1; i >= t; i-- {
		data[o] = keys[i]
		o += st
	}
}

// sort sorts keys ascending, permuting idx (when not nil) alongside, by a
// stable sort; keys and idx are s.keys and s.idx or prefixes of them. It
// returns the sorted keys and indices, which are in keys and idx or in
// s.tmp and s.itmp.
func (s *sorter[U, I]) sort(keys []U, idx []I) ([]U, []I) {
	n := len(keys)
	if n <= insertionMax {
		insertionSort(keys, idx)
		return keys, idx
	}
	if uint64(n) <= math.MaxUint32 {
		if s.cnt == nil {
			s.cnt = new([8][256]uint32)
		}
		return radixSort(s.cnt, keys, s.tmp[:n], idx, s.itmp)
	}
	if s.big == nil {
		s.big = new([8][256]uint64)
	}
	return radixSort(s.big, keys, s.tmp[:n], idx, s.itmp)
}

// radixSort sorts keys by an LSD radix sort of one pass per byte, with tmp
// (and itmp, when idx is not nil) as the second buffer and cnt as the
// digit counts, whose type C holds len(keys). It returns the sorted keys
// and indices.
func radixSort[U ukey, I pidx, C uint32 | uint64](cnt *[8][256]C, keys, tmp []U, idx, itmp []I) ([]U, []I) {
	n := len(keys)
	w := mem.Sizeof[U]()
	clear(cnt[:w])
	radixCounts(cnt, keys)
	src, dst := keys, tmp[:n]
	var isrc, idst []I
	if idx != nil {
		isrc, idst = idx, itmp[:n]
	}
	first := keys[0]
	for p := range w {
		c := &cnt[p]
		sh := 8 * p
		if c[uint8(first>>sh)] == C(n) {
			continue // every key has this digit
		}
		var sum C
		for d := 0; d < 256; d += 4 {
			m0, m1, m2, m3 := c[d], c[d+1], c[d+2], c[d+3]
			c[d], c[d+1], c[d+2], c[d+3] = sum, sum+m0, sum+m0+m1, sum+m0+m1+m2
			sum += m0 + m1 + m2 + m3
		}
		if idx == nil {
			for _, k := range src {
				d := uint8(k >> sh)
				dst[c[d]] = k
				c[d]++
			}
		} else {
			for i, k := range src {
				d := uint8(k >> sh)
				dst[c[d]] = k
				idst[c[d]] = isrc[i]
				c[d]++
			}
			isrc, idst = idst, isrc
		}
		src, dst = dst, src
	}
	return src, isrc
}

// radixCounts adds to cnt[p][d] the number of keys whose byte p is d, in
// one pass over the keys, unrolled for each width.
func radixCounts[U ukey, C uint32 | uint64](cnt *[8][256]C, keys []U) {
	switch mem.Sizeof[U]() {
	case 1:
		c0 := &cnt[0]
		for _, kk := range keys {
			c0[uint8(kk)]++
		}
	case 2:
		c0, c1 := &cnt[0], &cnt[1]
		for _, kk := range keys {
			k := uint64(kk)
			c0[uint8(k)]++
			c1[uint8(k>>8)]++
		}
	case 4:
		c0, c1, c2, c3 := &cnt[0], &cnt[1], &cnt[2], &cnt[3]
		for _, kk := range keys {
			k := uint32(kk)
			c0[uint8(k)]++
			c1[uint8(k>>8)]++
			c2[uint8(k>>16)]++
			c3[k>>24]++
		}
	default:
		c := cnt
		for _, kk := range keys {
			k := uint64(kk)
			c[0][uint8(k)]++
			c[1][uint8(k>>8)]++
			c[2][uint8(k>>16)]++
			c[3][uint8(k>>24)]++
			c[4][uint8(k>>32)]++
			c[5][uint8(k>>40)]++
			c[6][uint8(k>>48)]++
			c[7][uint8(k>>56)]++
		}
	}
}

// insertionSort sorts keys, and idx (when not nil) alongside, by a stable
// insertion sort.
func insertionSort[U ukey, I pidx](keys []U, idx []I) {
	for i := 1; i < len(keys); i++ {
		k := keys[i]
		j := i
		for j > 0 && keys[j-1] > k {
			keys[j] = keys[j-1]
			j--
		}
		keys[j] = k
		if idx != nil {
			x := idx[i]
			copy(idx[j+1:i+1], idx[j:i])
			idx[j] = x
		}
	}
}
