package layout

// The layout of one view: its offset, shape and strides in elements, its
// flags and its owner. Views of rank up to InlineRank keep shape and
// strides inside the Layout value itself, so deriving a view costs no
// allocation; higher ranks keep them in a heap slice that no other view
// writes. Shape and Strides are the one accessor to that storage: code
// outside this file never asks where it lives.

// InlineRank is the largest rank whose shape and strides live inside the
// NDView value itself; views of rank up to InlineRank are created, sliced,
// transposed and reshaped without allocating. Higher ranks keep shape and
// strides in a heap slice of 2·ndim ints (extra.big) that no other view
// writes.
const InlineRank = 4

// View flags. Contiguity is not among them: it is computed when asked
// (Contiguity), which costs less than keeping it up to date.
//
// Every flag lies above the bits of any rank1 (0 to MaxRank-1, or -1 for a
// 0-d view), so that rank1|Flags equals rank1 exactly when no flag is set:
// WriteOffset2 and WriteOffset3 check the rank and writability in one
// comparison, which keeps Set2 and Set3 within the inlining budget. Every
// flag refuses writes; a property that does not would need a field of its
// own.
const (
	FlagReadOnly int32 = 1 << (8 + iota)
)

// layout is the part of a view that does not depend on T: offset, shape,
// strides, flags and Owner. Code that needs only these (element offsets,
// panics) takes a *Layout and is compiled once for all element types.
//
// The inline shape and strides come first, at offset 0 of the NDView, so
// that they lie on the same 16-byte boundaries as the moves that copy a
// view: reading them just after a copy then never straddles two stores,
// which would stall store forwarding (BenchmarkSlice, 3-4 ns a call).
//
// What few views need (heap storage for high ranks, an Owner) sits behind
// one pointer, so that every view operation copies a header of 14 words,
// not 18: copying headers in and out is most of what a view operation costs.
type Layout struct {
	small [2 * InlineRank]int
	Off   int    // the index in the data of element (0, …, 0)
	extra *extra // nil for most views; shared between views, never written
	rank1 int32  // ndim-1, so that the zero NDView is 1-D with shape [0]
	Flags int32  // FlagReadOnly; int32 like rank1, see FlagReadOnly
}

// extra holds the parts of a layout that few views need. Views copied from
// one another share it, so it is never modified once its creator (Reset,
// WithObj) has filled it in: a view that needs other contents gets a new one.
type extra struct {
	big []int // shape then strides when ndim > InlineRank; unused otherwise
	obj any   // the Owner of data's memory, kept reachable; see Obj
}

// Reset prepares fresh storage for ndim axes. Storage is never shared with
// the view this one was copied from, so derived views cannot disturb their
// sources.
//
// A view of rank up to InlineRank keeps its extra (and so its Owner) and
// ignores extra.big; a higher rank gets a new extra.
func (v *Layout) Reset(ndim int) {
	v.rank1 = int32(ndim - 1)
	if ndim > InlineRank {
		v.extra = &extra{big: make([]int, 2*ndim), obj: v.Owner()}
	}
}

// heapStored reports whether the shape and strides live in extra.big.
func (v *Layout) heapStored() bool { return v.rank1 >= InlineRank }

// Owner returns the view's Owner (see Obj), or nil.
func (v *Layout) Owner() any {
	if v.extra == nil {
		return nil
	}
	return v.extra.obj
}

// KeepOwner gives v, whose storage Reset has just prepared, the Owner of
// src, so that views derived in new ways (casts, byte views) keep it.
func (v *Layout) KeepOwner(src *Layout) {
	obj := src.Owner()
	switch {
	case obj == nil:
	case v.heapStored():
		v.extra.obj = obj // a new extra, not yet shared
	default:
		v.extra = src.extra // extra.big is unused at this rank
	}
}

// Shape returns the view's own shape storage.
func (v *Layout) Shape() []int {
	n := int(v.rank1) + 1
	if v.heapStored() {
		return v.extra.big[:n:n]
	}
	return v.small[:n:n]
}

// Strides returns the view's own stride storage.
func (v *Layout) Strides() []int {
	n := int(v.rank1) + 1
	if v.heapStored() {
		return v.extra.big[n : 2*n : 2*n]
	}
	return v.small[InlineRank : InlineRank+n : InlineRank+n]
}

// SizeAndCContiguous returns the number of elements and whether the layout
// is C-contiguous (isCContiguous), in one pass. Inline layouts are computed
// as rank 4, the missing axes counted as trailing extents of 1 (which change
// neither the size nor the contiguity), so that no multiply waits for more
// than one other: a loop would chain them all.
func (v *Layout) SizeAndCContiguous() (size int, c bool) {
	if v.heapStored() {
		sh, st := v.Shape(), v.Strides()
		size, c = 1, true
		for i := len(sh) - 1; i >= 0; i-- {
			n := sh[i]
			if n != 1 && st[i] != size {
				c = false
			}
			size *= n
		}
		return size, c || size == 0
	}
	sm := &v.small
	n0, n1, n2, n3 := 1, 1, 1, 1
	switch v.rank1 {
	case 3:
		n3 = sm[3]
		fallthrough
	case 2:
		n2 = sm[2]
		fallthrough
	case 1:
		n1 = sm[1]
		fallthrough
	case 0:
		n0 = sm[0]
	}
	p3 := n2 * n3 // the extents after axis 1
	size = n0 * n1 * p3
	c = (n3 == 1 || sm[InlineRank+3] == 1) &&
		(n2 == 1 || sm[InlineRank+2] == n3) &&
		(n1 == 1 || sm[InlineRank+1] == p3) &&
		(n0 == 1 || sm[InlineRank] == n1*p3)
	return size, c || size == 0
}

// contiguity reports whether the layout is C- and F-contiguous
// (semantics.md L7). It is computed when asked, not kept with the view: a few
// multiplies for the usual ranks cost less than updating stored flags in
// every view operation (BenchmarkSlice).
func (v *Layout) Contiguity() (c, f bool) { return Contiguity(v.Shape(), v.Strides()) }

// CContiguous reports whether the layout is C-contiguous.
func (v *Layout) CContiguous() bool {
	_, c := v.SizeAndCContiguous()
	return c
}

// FContiguous reports whether the layout is F-contiguous.
func (v *Layout) FContiguous() bool { return IsFContiguous(v.Shape(), v.Strides()) }

// ElemOffset returns the data index of element idx, checking each index
// against its extent, and panicking if v has any of the flags in refuse
// (At passes none, Set FlagReadOnly). It is not generic, so the call passes
// no dictionary, and it handles views of rank 1 to 3 with the loop unrolled;
// everything else goes to elemOffsetSlow.
func (l *Layout) ElemOffset(refuse int32, idx []int) int {
	// Ranks 1 to 3 always have inline layouts.
	if l.Flags&refuse == 0 && len(idx) == int(l.rank1)+1 {
		sm, off := &l.small, l.Off
		switch len(idx) {
		case 3:
			i, j, k := idx[0], idx[1], idx[2]
			if uint(i) < uint(sm[0]) && uint(j) < uint(sm[1]) && uint(k) < uint(sm[2]) {
				return off + i*sm[InlineRank] + j*sm[InlineRank+1] + k*sm[InlineRank+2]
			}
		case 2:
			i, j := idx[0], idx[1]
			if uint(i) < uint(sm[0]) && uint(j) < uint(sm[1]) {
				return off + i*sm[InlineRank] + j*sm[InlineRank+1]
			}
		case 1:
			if i := idx[0]; uint(i) < uint(sm[0]) {
				return off + i*sm[InlineRank]
			}
		}
	}
	return l.elemOffsetSlow(refuse, idx)
}

// elemOffsetSlow is ElemOffset for the other ranks and heap-stored
// layouts, and the panics.
func (l *Layout) elemOffsetSlow(refuse int32, idx []int) int {
	op := "At"
	if refuse != 0 {
		op = "Set"
	}
	if err := l.AccessError(op, refuse != 0, idx); err != nil {
		panic(err)
	}
	p := l.Off
	for k, s := range l.Strides() {
		p += idx[k] * s
	}
	return p
}

// Relayout prepares v, which must be a private copy (a value receiver),
// to receive a new layout of ndim axes, written through v.Shape and
// v.Strides. It returns the old shape and
// strides, which stay readable meanwhile: an inline layout is first saved
// into *old, and heap storage, which other views may share, is never
// written but replaced. Working on the copy instead of building a second
// view saves copying and zeroing whole NDView values, which dominates the
// cost of view operations (BenchmarkT, BenchmarkTranspose, BenchmarkSlice).
func (v *Layout) Relayout(ndim int, old *Scratch) (sh, st []int) {
	n := int(v.rank1) + 1
	if !v.heapStored() {
		*old = v.small
		sh, st = old[:n], old[InlineRank:InlineRank+n]
	} else {
		sh, st = v.extra.big[:n], v.extra.big[n:]
	}
	v.Reset(ndim)
	return sh, st
}

// ndim is NDim for internal use: calling a value method on *v copies the
// whole NDView, which costs more than the rest of a transpose.
func (v *Layout) NDim() int { return int(v.rank1) + 1 }

// Scratch holds a copy of an inline layout's shape and strides while
// Relayout replaces them.
type Scratch [2 * InlineRank]int

// SetOwner makes obj the owner of l (see Owner); l must have none, or have
// obj already. It returns the previous owner, so that a caller can refuse
// to replace a different one.
func (l *Layout) SetOwner(obj any) (old any) {
	old = l.Owner()
	if old == nil {
		e := &extra{obj: obj}
		if l.heapStored() {
			e.big = l.extra.big // never written again, so it can be shared
		}
		l.extra = e
	}
	return old
}

// Own returns l's shape and strides as storage that l alone writes, for an
// operation that rewrites them in place without changing the rank: the
// inline storage, which belongs to this copy of the view, or a fresh copy
// of heap storage, which other views may share.
func (l *Layout) Own() (sh, st []int) {
	if l.heapStored() {
		l.unshare()
	}
	return l.Shape(), l.Strides()
}

// unshare gives a heap-stored l its own copy of its storage.
func (l *Layout) unshare() {
	l.extra = &extra{big: append([]int(nil), l.extra.big...), obj: l.extra.obj}
}

// Permute rearranges the axes of l, the layout of a private copy of a
// view, so that axis i becomes old axis perm[i]; perm must be a valid
// permutation of l's axes.
func (l *Layout) Permute(perm []int) {
	if !l.heapStored() {
		// In place: saving the inline array and writing it back costs
		// less than Relayout's Reset of every field.
		old := l.small
		for i, p := range perm {
			l.small[i], l.small[InlineRank+i] = old[p], old[InlineRank+p]
		}
		return
	}
	var old Scratch
	sh, st := l.Relayout(len(perm), &old)
	rsh, rst := l.Shape(), l.Strides()
	for i, p := range perm {
		rsh[i], rst[i] = sh[p], st[p]
	}
}

// Reverse reverses the order of l's axes: the transpose.
func (l *Layout) Reverse() {
	sh, st := l.Own()
	for i, j := 0, len(sh)-1; i < j; i, j = i+1, j-1 {
		sh[i], sh[j] = sh[j], sh[i]
		st[i], st[j] = st[j], st[i]
	}
}
