package ndview

// Finding nonzero elements (semantics.md §15): nonzero, flatnonzero,
// argwhere and count_nonzero.
//
// An element is nonzero when it differs from the zero value of its type,
// NumPy's truthiness: false is zero, NaN is nonzero (it is unequal to
// everything), −0.0 is zero (it equals 0), a complex number is nonzero
// when either part is. float16.Float16 is compared as a float (a temporary
// bool mask is made with NotEqual), never by its bits, whose −0 is not 0.
//
// The routines that return indices count first, allocate the exact result,
// then fill it. The fill reads bools as bytes: where few elements are true
// it skips eight zero bytes at a time and finds the true ones in a word by
// its trailing zeros; where many are, it stores every position and
// advances the output by the byte (0 or 1), without a branch to mispredict.
// Other types take the same two strategies one element at a time.

import (
	"encoding/binary"
	"math/bits"

	"github.com/ndkit/ndkit/ndview/internal/layout"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
	"github.com/x448/float16"
)

// CountNonzero returns the number of nonzero elements of a: NumPy's
// np.count_nonzero(a). NaN counts as nonzero and −0.0 as zero (see the
// top of nonzero.go). It allocates only for float16.Float16 (a bool mask).
func CountNonzero[T comparable](a NDView[T]) int {
	if m, ok := f16Nonzero(a); ok {
		return CountNonzero(m)
	}
	var p plan.Plan
	if !planAll(&p, &a, true) {
		return 0
	}
	c := 0
	n, st := p.Inner(0)
	w := p.Walk(1)
	for w.Next(&p) {
		c += countRow(a.data, w.Off[0], st, n)
	}
	return c
}

// CountNonzeroAxisInto stores into dst the number of nonzero elements of a
// along axes: NumPy's np.count_nonzero(a, axis=axes), written into dst
// as by SumAxis: dst has a's shape without axis, or with axis of extent 1
// (keepdims). An axis of extent 0 gives 0. Truthiness is CountNonzero's.
// When dst shares memory with a, a is copied first (allocating).
//
// CountNonzeroAxisInto panics, before writing anything, with an error
// wrapping ErrReadOnly when dst is read-only, ErrAxis when axis is outside
// [−ndim, ndim), and ErrShape when dst's shape does not fit.
//
// axes may name several axes at once (NumPy's axis tuple), or none to
// reduce every axis (axis=None); semantics.md A4.
func CountNonzeroAxisInto[T comparable](dst NDView[int], a NDView[T], axes ...int) {
	dst, a, axis := mergeAxes("CountNonzeroAxis", dst, a, axes)
	const op = "CountNonzeroAxis"
	if mem.InfoOf[T]().Kind == mem.Float16 {
		checkAxis(op, &dst, &a, axis)
		m, _ := f16Nonzero(a)
		CountNonzeroAxisInto(dst, m, axis)
		return
	}
	var r axisPlan
	switch planAxis(op, &r, &dst, &a, axis, false) {
	case axisSkip:
		return
	case axisEmpty:
		dst.Fill(0)
		return
	}
	d, data := dst.data, a.data
	var zero T
	r.run(func(di, vi, vs, m int) {
		d[di] = countRow(data, vi, vs, m)
	}, func(di, ds, vi, vm, vs, m, n int) {
		for j := range n {
			d[di+j*ds] = 0
		}
		for i := range m {
			o, s := di, vi+i*vm
			for range n {
				if data[s] != zero {
					d[o]++
				}
				o, s = o+ds, s+vs
			}
		}
	})
}

// Nonzero returns the indices of the nonzero elements of a, one new 1-D
// index array per axis, in C order of the elements: NumPy's np.nonzero(a)
// and a.nonzero(), and NumPy's one-argument np.where(a) (Go has no
// overloading: the three-argument form is Where). The j-th nonzero
// element is a[out[0][j], out[1][j], …]; to gather the elements, pass the
// flat positions of Flatnonzero to TakeFlat, or use Extract. Truthiness is
// CountNonzero's (NaN nonzero, −0.0 zero).
//
// A 0-d a gives one array, [0] when its element is nonzero and [] when it
// is not, as NumPy 1.24 does (with a deprecation warning). Nonzero does
// not fail; it allocates the arrays (a bool mask more for
// float16.Float16).
func Nonzero[T comparable](a NDView[T]) []NDView[int] {
	if a.NDim() <= 1 {
		return []NDView[int]{Flatnonzero(a)}
	}
	cols := nonzeroCoords(a)
	out := make([]NDView[int], len(cols))
	for d, c := range cols {
		out[d], _ = FromSlice(c)
	}
	return out
}

// Flatnonzero returns a new 1-D array of the flat positions (C order) of
// the nonzero elements of a, ascending: NumPy's np.flatnonzero(a). A 0-d
// a has the one position 0. Truthiness is CountNonzero's.
func Flatnonzero[T comparable](a NDView[T]) NDView[int] {
	if m, ok := f16Nonzero(a); ok {
		return Flatnonzero(m)
	}
	c := CountNonzero(a)
	out := make([]int, c, c+nonzeroSlack)
	if c > 0 {
		var p plan.Plan
		planAll(&p, &a, false)
		dense := isDense(c, a.Size())
		n, st := p.Inner(0)
		base, j := 0, 0
		w := p.Walk(1)
		for w.Next(&p) {
			j = nonzeroRow(a.data, w.Off[0], st, n, base, out[:c+nonzeroSlack], j, dense)
			base += n
		}
	}
	v, _ := FromSlice(out)
	return v
}

// Argwhere returns a new array of shape (N, ndim) holding the index of
// each of the N nonzero elements of a, in C order: NumPy's np.argwhere(a)
// (the transpose of Nonzero's arrays, stacked). A 0-d a gives shape
// (1, 0) or (0, 0). Truthiness is CountNonzero's.
func Argwhere[T comparable](a NDView[T]) NDView[int] {
	nd := a.NDim()
	if nd == 0 {
		return Zeros[int](CountNonzero(a), 0)
	}
	var cols [][]int
	if nd == 1 {
		cols = [][]int{Flatnonzero(a).data}
	} else {
		cols = nonzeroCoords(a)
	}
	c := len(cols[0])
	out := Zeros[int](c, nd)
	for d, col := range cols {
		o := d
		for _, x := range col {
			out.data[o] = x
			o += nd
		}
	}
	return out
}

// nonzeroCoords returns the coordinates of the nonzero elements of a, of
// rank 2 or more, in C order: one slice per axis. The rows along the last
// axis are scanned in C order; a row's nonzero positions are its last
// coordinates, and its outer index fills the others.
func nonzeroCoords[T comparable](a NDView[T]) [][]int {
	if m, ok := f16Nonzero(a); ok {
		return nonzeroCoords(m)
	}
	sh, st := a.lay.Shape(), a.lay.Strides()
	nd := len(sh)
	c := CountNonzero(a)
	cols := make([][]int, nd)
	for d := range cols {
		cols[d] = make([]int, c, c+nonzeroSlack)
	}
	if c == 0 {
		return cols
	}
	dense := isDense(c, a.Size())
	last, step := sh[nd-1], st[nd-1]
	lastCol := cols[nd-1][:c+nonzeroSlack]
	var idxBuf [MaxRank]int
	idx := idxBuf[:nd-1]
	off, j := a.lay.Off, 0
	for {
		j0 := j
		j = nonzeroRow(a.data, off, step, last, 0, lastCol, j, dense)
		for d, i := range idx {
			col := cols[d][j0:j]
			for k := range col {
				col[k] = i
			}
		}
		// Odometer over the outer axes.
		d := nd - 2
		for ; d >= 0; d-- {
			idx[d]++
			off += st[d]
			if idx[d] < sh[d] {
				break
			}
			off -= st[d] * sh[d]
			idx[d] = 0
		}
		if d < 0 || j == c {
			return cols
		}
	}
}

// isDense reports whether c nonzero elements among n are many enough for
// the branch-free fill.
func isDense(c, n int) bool { return c > n/16 }

// nonzeroRow appends to out, from index j, base+k for each nonzero
// data[off+k·st], k < n, and returns the new j. out has room for one more
// nonzeroSlack indices than the nonzero elements: the dense fills store
// positions past the ones they keep.
func nonzeroRow[T comparable](data []T, off, st, n, base int, out []int, j int, dense bool) int {
	if mem.InfoOf[T]().Kind == mem.Bool && st == 1 {
		b := boolBytes(data[off : off+n])
		if dense {
			return denseBytes(b, base, out, j)
		}
		return sparseBytes(b, base, out, j)
	}
	var zero T
	if dense {
		for k := range n {
			out[j] = base + k
			if data[off] != zero {
				j++
			}
			off += st
		}
		return j
	}
	for k := range n {
		if data[off] != zero {
			out[j] = base + k
			j++
		}
		off += st
	}
	return j
}

// denseBytes appends to out, from index j, base+k for each nonzero b[k]
// (bytes of bools, 0 or 1), and returns the new j. Eight bytes at a time:
// their low bits are gathered into a byte m by one multiplication, and
// the eight positions listed for m in bytePositions are stored at once,
// of which the first popcount(m) are kept. out has room for
// nonzeroSlack more indices than the nonzero elements.
func denseBytes(b []byte, base int, out []int, j int) int {
	k := 0
	for ; k+8 <= len(b); k += 8 {
		m := binary.LittleEndian.Uint64(b[k:k+8]) * 0x0102040810204080 >> 56
		t := bytePositions[m]
		o := out[j : j+8 : j+8]
		p := base + k
		o[0], o[1], o[2], o[3] = p+int(t&7), p+int(t>>8&7), p+int(t>>16&7), p+int(t>>24&7)
		o[4], o[5], o[6], o[7] = p+int(t>>32&7), p+int(t>>40&7), p+int(t>>48&7), p+int(t>>56&7)
		j += bits.OnesCount8(uint8(m))
	}
	for ; k < len(b); k++ {
		out[j] = base + k
		j += int(b[k])
	}
	return j
}

// nonzeroSlack is the room the fills of nonzeroRow need past the last
// index they keep.
const nonzeroSlack = 8

// bytePositions lists, for each byte m, the positions of its set bits in
// ascending order, one per byte from the lowest (unused bytes are 0).
var bytePositions = func() (t [256]uint64) {
	for m := range 256 {
		sh := 0
		for i := range 8 {
			if m>>i&1 != 0 {
				t[m] |= uint64(i) << sh
				sh += 8
			}
		}
	}
	return t
}()

// sparseBytes appends to out, from index j, base+k for each nonzero b[k]
// (bytes of bools, 0 or 1), skipping zero words of eight bytes, and
// returns the new j.
func sparseBytes(b []byte, base int, out []int, j int) int {
	k := 0
	for ; k+8 <= len(b); k += 8 {
		w := binary.LittleEndian.Uint64(b[k : k+8])
		for w != 0 {
			out[j] = base + k + bits.TrailingZeros64(w)>>3
			j++
			w &= w - 1 // a true byte is 1: one bit
		}
	}
	for ; k < len(b); k++ {
		if b[k] != 0 {
			out[j] = base + k
			j++
		}
	}
	return j
}

// countRow returns the number of nonzero elements data[off+k·st], k < n.
func countRow[T comparable](data []T, off, st, n int) int {
	if mem.InfoOf[T]().Kind == mem.Bool && st == 1 {
		return countBytes(boolBytes(data[off : off+n]))
	}
	var zero T
	c := 0
	for range n {
		if data[off] != zero {
			c++
		}
		off += st
	}
	return c
}

// boolBytes returns the bytes of a slice of bools (a T of kind Bool).
func boolBytes[T any](s []T) []byte { return mem.As[byte](mem.Erase(s)) }

// f16Nonzero returns, for a view of float16.Float16, a new bool view of its
// shape that is true where an element is nonzero as a float (NaN true, −0
// false), and false for other types.
func f16Nonzero[T any](a NDView[T]) (NDView[bool], bool) {
	if mem.InfoOf[T]().Kind != mem.Float16 {
		return NDView[bool]{}, false
	}
	h := NDView[float16.Float16]{lay: a.lay, data: mem.As[float16.Float16](mem.Erase(a.data))}
	h.lay.Flags |= layout.FlagReadOnly // it is only read; a view of another's layout
	m := Zeros[bool](a.lay.Shape()...)
	NotEqualInto(m, h, Scalar(float16.Float16(0)))
	return m, true
}
