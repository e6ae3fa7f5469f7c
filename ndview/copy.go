package ndview

import "github.com/ndkit/ndkit/ndview/internal/plan"

import "github.com/ndkit/ndkit/ndview/internal/layout"

import "github.com/ndkit/ndkit/ndview/internal/mem"

// Assignment and copies (semantics.md §8): Fill, CopyFrom, Clone and ToSlice,
// and the copy kernels they share.
//
// A copy is planned once per call (plan.go), then one kernel walks the
// plan. The kernel is chosen from the innermost axes of the plan:
//
//  1. A short innermost axis (2 to 4 elements, such as the channels of an
//     interleaved image) under another axis: the two innermost axes are
//     walked together with the short one unrolled, so that no loop and no
//     call runs per short row.
//  2. Both inner strides 1: the builtin copy, once per row.
//  3. Source inner stride 0: a fill of each row.
//  4. Destination inner stride 1, source -1: a reversing loop.
//  5. A short second axis under a gathered inner axis (planar channels
//     read from an interleaved image): the loops are exchanged and the
//     short axis is unrolled.
//  6. A transpose, where the source is closest along an outer axis and
//     both axes are long (tileMinDim): square tiles, visited in blocks that
//     stay in L2, each copied by 4×4 register blocks when the source
//     columns are contiguous. The tile side depends on the row stride, and
//     a view smaller than a tile is one tile, so small copies are not
//     blocked.
//  7. Otherwise a strided loop over the rows (gather, scatter, or both).
//
// Overlap (W3, W4): when source and destination share memory the result is
// as if the source had first been copied to a temporary. Identical layouts
// copy nothing; one-axis plans with equal strides copy forwards or
// backwards as memmove does; everything else copies through a temporary.
// A destination never overlaps itself: views that could reach one element
// twice are read-only (Wrap, AsStrided, BroadcastTo), so the order in which
// a plan visits the destination cannot be observed.

// kernel names an inner loop of the copy.
type kernel uint8

// The copy kernels, in the order of the rules above; kernelGeneric is the
// slow path every other kernel is tested against.
const (
	kernelAuto       kernel = iota // choose by the rules (the default)
	kernelShortInner               // rule 1
	kernelContig                   // rule 2
	kernelFill                     // rule 3
	kernelReverse                  // rule 4
	kernelShortOuter               // rule 5
	kernelTile                     // rule 6
	kernelStrided                  // rule 7
	kernelGeneric                  // one strided loop per row, nothing special
	numKernels
)

var kernelNames = [numKernels]string{"auto", "shortinner", "contig", "fill", "reverse", "shortouter", "tile", "strided", "generic"}

func (k kernel) String() string { return kernelNames[k] }

// Tuning knobs, variables so that tests can force every path on small data.
var (
	// forceKernel, when not kernelAuto, replaces the choice of rules 1 to 7
	// whenever that kernel can run the plan (kernelGeneric always can).
	forceKernel kernel
)

// shortAxis is the largest extent handled by the unrolled kernels of rules
// 1 and 5.
const shortAxis = 4

// Fill sets every element of v to x (NumPy's a.fill(x), a[...] = x). An
// element reached through several indices is written several times. Fill
// panics with an error wrapping ErrReadOnly when v is read-only.
func (v NDView[T]) Fill(x T) {
	if v.lay.Flags&layout.FlagReadOnly != 0 {
		panicf("Fill", ErrReadOnly, "assignment destination is read-only")
	}
	size := v.Size()
	if size == 0 {
		return
	}
	if v.lay.CContiguous() {
		fillSlice(v.data[v.lay.Off:v.lay.Off+size], x)
		return
	}
	var p plan.Plan
	p.Init(v.lay.Shape())
	p.Add(v.lay.Off, v.lay.Strides())
	p.Simplify(true)
	fillPlan(&p, v.data, x)
}

// fillPlan stores x at every element of the one-operand plan p.
func fillPlan[T any](p *plan.Plan, data []T, x T) {
	n, ds := p.Inner(0)
	w := p.Walk(1)
	for w.Next(p) {
		d := w.Off[0]
		if ds == 1 && forceKernel != kernelGeneric {
			fillSlice(data[d:d+n], x)
			continue
		}
		for range n {
			data[d] = x
			d += ds
		}
	}
}

// fillSlice sets every element of s to x. Long slices are filled by
// builtin copies of a filled block of about 4 KiB, which stays in L1 while
// whole cache lines are written.
func fillSlice[T any](s []T, x T) {
	if len(s) < 64 {
		for i := range s {
			s[i] = x
		}
		return
	}
	block := max(64, 4096/max(mem.Sizeof[T](), 1))
	s[0] = x
	j := 1
	for ; j < len(s) && j < block; j *= 2 {
		copy(s[j:], s[:j])
	}
	for ; j < len(s); j += block {
		copy(s[j:], s[:block])
	}
}

// CopyFrom copies the elements of src into v (NumPy's np.copyto(v, src)
// and v[...] = src). src is broadcast to v's shape: its shape, aligned on
// the right and without extra leading extents of 1, must have each extent
// equal to v's or 1, so that a (1, 1, 3, 4) or a (4,) source fits a (3, 4)
// destination. v's shape never changes.
//
// When src and v share memory, the result is as if src had first been
// copied to a temporary, whatever the overlap: v[1:] = v[:-1] shifts the
// elements, and m.CopyFrom(m.T()) transposes a square matrix (through a
// temporary).
//
// CopyFrom panics, before writing anything, with an error wrapping
// ErrReadOnly when v is read-only and ErrShape when src cannot be
// broadcast to v's shape. It allocates only when src and v overlap in a
// way that needs a temporary, and for the goroutines of the parallel path
// that large contiguous copies take.
func (v NDView[T]) CopyFrom(src NDView[T]) {
	var p plan.Plan
	if !planWrite("CopyFrom", &p, &v.lay, &src.lay) {
		return
	}
	switch kind, delta := aliasOf(&v, &src, p.St[1][:p.Rank]); kind {
	case aliasSame:
		return // every element is copied onto itself
	case aliasSome:
		p.Simplify(true)
		size := mem.Sizeof[T]()
		if p.Rank == 1 && p.St[0][0] == p.St[1][0] && delta%size == 0 {
			// W4.3: after the flips of simplify the common stride is
			// positive; copy forwards when the source starts at or
			// after the destination, as memmove does.
			rel := delta/size + (p.Base[1] - src.lay.Off) - (p.Base[0] - v.lay.Off)
			moveRow(&p, v.data, src.data, rel >= 0)
			return
		}
		v.CopyFrom(src.Clone())
		return
	}
	p.Simplify(true)
	runCopy(&p, v.data, src.data)
}

// broadcastPanic panics with W1's message for a source that does not fit.
//
//go:noinline
func broadcastPanic(op string, src, dst []int) {
	panicf(op, ErrShape, "could not broadcast input array from shape %s into shape %s", formatShape(src), formatShape(dst))
}

// moveRow copies the one-axis plan p, whose operands have the same stride,
// forwards or backwards.
func moveRow[T any](p *plan.Plan, dst, src []T, forward bool) {
	n, st := p.Inner(0)
	d, s := p.Base[0], p.Base[1]
	if st == 1 {
		copy(dst[d:d+n], src[s:s+n]) // memmove
		return
	}
	if !forward {
		d, s, st = d+(n-1)*st, s+(n-1)*st, -st
	}
	for range n {
		dst[d] = src[s]
		d += st
		s += st
	}
}

// Clone returns a new C-contiguous, writable copy of v's elements with v's
// shape (NumPy's a.copy()). The copy shares nothing with v: it has its own
// data and no owner (Obj is nil), also when v is read-only or broadcast.
func (v NDView[T]) Clone() NDView[T] {
	sh := v.lay.Shape()
	r := newView(mem.Make[T](v.Size()), 0, len(sh))
	copy(r.lay.Shape(), sh)
	layout.FillCStrides(sh, r.lay.Strides())
	v.copyTo(r.data)
	return r
}

// ToSlice returns the elements of v in C order in a new slice (NumPy's
// a.flatten()); a 0-d view gives one element. The slice shares nothing with
// v.
func (v NDView[T]) ToSlice() []T {
	out := make([]T, v.Size())
	v.copyTo(out)
	return out
}

// copyTo copies v's elements in C order into out, which has v.Size()
// elements and shares no memory with v.
func (v *NDView[T]) copyTo(out []T) {
	if len(out) == 0 {
		return
	}
	if v.lay.CContiguous() && 2*len(out)*mem.Sizeof[T]() < plan.MinParallelBytes {
		copy(out, v.data[v.lay.Off:v.lay.Off+len(out)])
		return
	}
	sh := v.lay.Shape()
	var p plan.Plan
	p.Init(sh)
	var cst [MaxRank]int
	layout.FillCStrides(sh, cst[:len(sh)])
	p.Add(0, cst[:len(sh)])
	p.Add(v.lay.Off, v.lay.Strides())
	p.Simplify(true)
	runCopy(&p, out, v.data)
}

// runCopy copies the simplified two-operand plan p, operand 1 into operand
// 0, which do not overlap.
func runCopy[T any](p *plan.Plan, dst, src []T) {
	k, q := chooseCopy(p)
	if q >= 0 {
		p.MoveAxis(q, p.Rank-2)
	}
	if parallelKernels&(1<<k) != 0 {
		if w := plan.Workers(p, 2*p.Size*mem.Sizeof[T]()); w > 1 {
			plan.Parallel(p, w, func(part *plan.Plan) { copyKernel(part, dst, src, k) })
			return
		}
	}
	copyKernel(p, dst, src, k)
}

// chooseCopy returns the kernel for the simplified plan p by the rules at
// the top of this file, or the forced one. For kernelTile it also returns
// the axis that the tiles pair with the innermost one (else -1).
func chooseCopy(p *plan.Plan) (kernel, int) {
	k, q := autoKernel(p)
	if forceKernel == kernelAuto || forceKernel == k {
		return k, q
	}
	if f, fq := forcedKernel(p, forceKernel); f != kernelAuto {
		return f, fq
	}
	return kernelGeneric, -1
}

// autoKernel applies rules 1 to 7.
func autoKernel(p *plan.Plan) (kernel, int) {
	r := p.Rank
	n, ds := p.Inner(0)
	_, ss := p.Inner(1)
	switch {
	case r >= 2 && n <= shortAxis:
		return kernelShortInner, -1
	case ds == 1 && ss == 1:
		return kernelContig, -1
	case ss == 0:
		return kernelFill, -1
	case ds == 1 && ss == -1:
		return kernelReverse, -1
	case r < 2:
		return kernelStrided, -1
	case p.Dim[r-2] <= shortAxis && layout.AbsInt(p.St[1][r-2]) < layout.AbsInt(ss):
		return kernelShortOuter, -1
	}
	if q := plan.TileAxis(p); q >= 0 {
		return kernelTile, q
	}
	return kernelStrided, -1
}

// forcedKernel returns kernel k if it can run plan p (with its tile axis),
// or kernelAuto.
func forcedKernel(p *plan.Plan, k kernel) (kernel, int) {
	r := p.Rank
	n, ds := p.Inner(0)
	_, ss := p.Inner(1)
	ok := false
	switch k {
	case kernelContig:
		ok = ds == 1 && ss == 1
	case kernelFill:
		ok = ss == 0
	case kernelReverse:
		ok = ds == 1 && ss == -1
	case kernelShortInner:
		ok = r >= 2 && n <= shortAxis
	case kernelShortOuter:
		ok = r >= 2 && p.Dim[r-2] <= shortAxis
	case kernelTile:
		if q := plan.TileAxis(p); q >= 0 {
			return k, q
		}
	case kernelStrided, kernelGeneric:
		ok = true
	}
	if ok {
		return k, -1
	}
	return kernelAuto, -1
}

// copyKernel runs kernel k over plan p, copying operand 1 into operand 0.
func copyKernel[T any](p *plan.Plan, dst, src []T, k kernel) {
	n, ds := p.Inner(0)
	_, ss := p.Inner(1)
	switch k {
	case kernelContig:
		w := p.Walk(1)
		for w.Next(p) {
			d, s := w.Off[0], w.Off[1]
			copy(dst[d:d+n], src[s:s+n])
		}
	case kernelFill:
		w := p.Walk(1)
		for w.Next(p) {
			d, x := w.Off[0], src[w.Off[1]]
			if ds == 1 {
				fillSlice(dst[d:d+n], x)
				continue
			}
			for range n {
				dst[d] = x
				d += ds
			}
		}
	case kernelReverse:
		w := p.Walk(1)
		for w.Next(p) {
			d, s := w.Off[0], w.Off[1]
			reverseCopy(dst[d:d+n], src[s-n+1:s+1])
		}
	case kernelShortInner:
		copyShortInner(p, dst, src)
	case kernelShortOuter:
		copyShortOuter(p, dst, src)
	case kernelTile:
		copyTiles(p, dst, src)
	case kernelStrided:
		w := p.Walk(1)
		for w.Next(p) {
			d, s := w.Off[0], w.Off[1]
			switch {
			case ds == 1:
				gather(dst[d:d+n], src, s, ss)
			case ss == 1:
				scatter(dst, d, ds, src[s:s+n])
			default:
				strided(dst, d, ds, src, s, ss, n)
			}
		}
	default:
		w := p.Walk(1)
		for w.Next(p) {
			strided(dst, w.Off[0], ds, src, w.Off[1], ss, n)
		}
	}
}

// reverseCopy sets d[i] = s[len(s)-1-i]; the slices have equal lengths.
func reverseCopy[T any](d, s []T) {
	s = s[:len(d)]
	j := len(s) - 1
	i := 0
	for ; i+4 <= len(d) && j >= 3; i, j = i+4, j-4 {
		d4 := d[i : i+4 : i+4]
		s4 := s[j-3 : j+1 : j+1]
		d4[0], d4[1], d4[2], d4[3] = s4[3], s4[2], s4[1], s4[0]
	}
	for ; i < len(d); i, j = i+1, j-1 {
		d[i] = s[j]
	}
}

// gather sets d[i] = src[s+i·ss], four elements per step. Every other
// element (a[::2]) takes a loop whose four loads need one bounds check.
func gather[T any](d, src []T, s, ss int) {
	i := 0
	if ss == 2 {
		for ; i+4 <= len(d); i += 4 {
			q := src[s : s+7 : s+7]
			d4 := d[i : i+4 : i+4]
			d4[0], d4[1], d4[2], d4[3] = q[0], q[2], q[4], q[6]
			s += 8
		}
	}
	for ; i+4 <= len(d); i += 4 {
		d4 := d[i : i+4 : i+4]
		d4[0], d4[1], d4[2], d4[3] = src[s], src[s+ss], src[s+2*ss], src[s+3*ss]
		s += 4 * ss
	}
	for ; i < len(d); i++ {
		d[i] = src[s]
		s += ss
	}
}

// scatter sets dst[d+i·ds] = s[i].
func scatter[T any](dst []T, d, ds int, s []T) {
	for _, x := range s {
		dst[d] = x
		d += ds
	}
}

// strided copies n elements from src (from s, step ss) to dst (from d,
// step ds).
func strided[T any](dst []T, d, ds int, src []T, s, ss, n int) {
	for range n {
		dst[d] = src[s]
		d += ds
		s += ss
	}
}

// copyShortInner is rule 1: the innermost axis has at most shortAxis
// elements, and each block of the two innermost axes is copied row by row
// with that axis unrolled. Planar sources into interleaved destinations
// (CHW to HWC images) take a loop over the channel slices.
func copyShortInner[T any](p *plan.Plan, dst, src []T) {
	w := p.Walk(2)
	for w.Next(p) {
		shortInnerBlock(p, dst, w.Off[0], src, w.Off[1])
	}
}

// shortInnerBlock copies the block of the two innermost axes of p at
// offsets d and s for copyShortInner, a call of its own as
// shortOuterBlock.
//
//go:noinline
func shortInnerBlock[T any](p *plan.Plan, dst []T, d int, src []T, s int) {
	r := p.Rank
	n, ds := p.Inner(0)
	_, ss := p.Inner(1)
	m, dm, sm := p.Dim[r-2], p.St[0][r-2], p.St[1][r-2]
	if ds == 1 && dm == n && sm == 1 {
		out := dst[d : d+n*m]
		switch n {
		case 2:
			interleave2(out, src[s:s+m], src[s+ss:s+ss+m])
			return
		case 3:
			interleave3(out, src[s:s+m], src[s+ss:s+ss+m], src[s+2*ss:s+2*ss+m])
			return
		case 4:
			interleave4(out, src[s:s+m], src[s+ss:s+ss+m], src[s+2*ss:s+2*ss+m], src[s+3*ss:s+3*ss+m])
			return
		}
	}
	switch n {
	case 1:
		strided(dst, d, dm, src, s, sm, m)
	case 2:
		for range m {
			dst[d], dst[d+ds] = src[s], src[s+ss]
			d, s = d+dm, s+sm
		}
	case 3:
		for range m {
			dst[d], dst[d+ds], dst[d+2*ds] = src[s], src[s+ss], src[s+2*ss]
			d, s = d+dm, s+sm
		}
	default:
		for range m {
			dst[d], dst[d+ds], dst[d+2*ds], dst[d+3*ds] = src[s], src[s+ss], src[s+2*ss], src[s+3*ss]
			d, s = d+dm, s+sm
		}
	}
}

// copyShortOuter is rule 5: the second innermost axis has at most
// shortAxis elements; the loops are exchanged so that the long innermost
// axis is the loop and the short one is unrolled. Interleaved sources into
// planar destinations (HWC to CHW images) take a loop over the channel
// slices.
func copyShortOuter[T any](p *plan.Plan, dst, src []T) {
	w := p.Walk(2)
	for w.Next(p) {
		shortOuterBlock(p, dst, w.Off[0], src, w.Off[1])
	}
}

// shortOuterBlock copies the block of the two innermost axes of p at
// offsets d and s for copyShortOuter. It is a call of its own so that its
// loops compile apart from the walker, which made them slower inline.
//
//go:noinline
func shortOuterBlock[T any](p *plan.Plan, dst []T, d int, src []T, s int) {
	r := p.Rank
	n, ds := p.Inner(0)
	_, ss := p.Inner(1)
	m, dm, sm := p.Dim[r-2], p.St[0][r-2], p.St[1][r-2]
	if ds == 1 && sm == 1 && ss == m {
		in := src[s : s+n*m]
		switch m {
		case 2:
			deinterleave2(dst[d:d+n], dst[d+dm:d+dm+n], in)
			return
		case 3:
			deinterleave3(dst[d:d+n], dst[d+dm:d+dm+n], dst[d+2*dm:d+2*dm+n], in)
			return
		case 4:
			deinterleave4(dst[d:d+n], dst[d+dm:d+dm+n], dst[d+2*dm:d+2*dm+n], dst[d+3*dm:d+3*dm+n], in)
			return
		}
	}
	switch m {
	case 1:
		strided(dst, d, ds, src, s, ss, n)
	case 2:
		for range n {
			dst[d], dst[d+dm] = src[s], src[s+sm]
			d, s = d+ds, s+ss
		}
	case 3:
		for range n {
			dst[d], dst[d+dm], dst[d+2*dm] = src[s], src[s+sm], src[s+2*sm]
			d, s = d+ds, s+ss
		}
	default:
		for range n {
			dst[d], dst[d+dm], dst[d+2*dm], dst[d+3*dm] = src[s], src[s+sm], src[s+2*sm], src[s+3*sm]
			d, s = d+ds, s+ss
		}
	}
}

// The (de)interleaving loops below are never inlined: inlined into their
// callers, the same loop ran from 1.05 to 1.95 ms on a 1080×1920×3 byte
// image depending on the binary it was linked into (BenchmarkCopy and
// BenchmarkParallel), and on its own it runs at the fast end in both.

// interleave2 sets d[2i+c] = c-th source[i].
//
//go:noinline
func interleave2[T any](d, s0, s1 []T) {
	s1 = s1[:len(s0)]
	d = d[:2*len(s0)]
	for i, x := range s0 {
		o := d[2*i : 2*i+2 : 2*i+2]
		o[0], o[1] = x, s1[i]
	}
}

// interleave3 sets d[3i+c] = c-th source[i].
//
//go:noinline
func interleave3[T any](d, s0, s1, s2 []T) {
	s1, s2 = s1[:len(s0)], s2[:len(s0)]
	d = d[:3*len(s0)]
	for i, x := range s0 {
		o := d[3*i : 3*i+3 : 3*i+3]
		o[0], o[1], o[2] = x, s1[i], s2[i]
	}
}

// interleave4 sets d[4i+c] = c-th source[i].
//
//go:noinline
func interleave4[T any](d, s0, s1, s2, s3 []T) {
	s1, s2, s3 = s1[:len(s0)], s2[:len(s0)], s3[:len(s0)]
	d = d[:4*len(s0)]
	for i, x := range s0 {
		o := d[4*i : 4*i+4 : 4*i+4]
		o[0], o[1], o[2], o[3] = x, s1[i], s2[i], s3[i]
	}
}

// deinterleave2 sets c-th destination[i] = s[2i+c].
//
//go:noinline
func deinterleave2[T any](d0, d1, s []T) {
	d1 = d1[:len(d0)]
	s = s[:2*len(d0)]
	for i := range d0 {
		in := s[2*i : 2*i+2 : 2*i+2]
		d0[i], d1[i] = in[0], in[1]
	}
}

// deinterleave3 sets c-th destination[i] = s[3i+c].
//
//go:noinline
func deinterleave3[T any](d0, d1, d2, s []T) {
	d1, d2 = d1[:len(d0)], d2[:len(d0)]
	s = s[:3*len(d0)]
	for i := range d0 {
		in := s[3*i : 3*i+3 : 3*i+3]
		d0[i], d1[i], d2[i] = in[0], in[1], in[2]
	}
}

// deinterleave4 sets c-th destination[i] = s[4i+c].
//
//go:noinline
func deinterleave4[T any](d0, d1, d2, d3, s []T) {
	d1, d2, d3 = d1[:len(d0)], d2[:len(d0)], d3[:len(d0)]
	s = s[:4*len(d0)]
	for i := range d0 {
		in := s[4*i : 4*i+4 : 4*i+4]
		d0[i], d1[i], d2[i], d3[i] = in[0], in[1], in[2], in[3]
	}
}

// copyTiles is rule 6: the two innermost axes (the tile axis was moved
// next to the innermost by runCopy) are copied in square tiles
// (tileWalker in plan.go). When both the destination rows and the source columns are
// contiguous (a plain transpose), each tile is copied by 4×4 blocks held
// in registers; other strides run a strided loop per tile row.
func copyTiles[T any](p *plan.Plan, dst, src []T) {
	r := p.Rank
	_, ds := p.Inner(0)
	_, ss := p.Inner(1)
	dm, sm := p.St[0][r-2], p.St[1][r-2]
	size := mem.Sizeof[T]()
	b := p.TileSide(size, size)
	blocks := ds == 1 && sm == 1
	t := p.WalkTiles(b, b)
	for t.Next(p) {
		for j := 0; j < t.W; j += b {
			d, s, w := t.Off[0]+j*ds, t.Off[1]+j*ss, min(b, t.W-j)
			if blocks {
				transposeTile(dst, d, dm, src, s, ss, t.H, w)
				continue
			}
			for i := range t.H {
				strided(dst, d+i*dm, ds, src, s+i*sm, ss, w)
			}
		}
	}
}

// transposeTile sets dst[d + i·dm + j] = src[s + i + j·ss] for i < h and
// j < w: 4×4 blocks are read as four short source rows and written as four
// short destination rows, so every load and store but the edges' touches
// four adjacent elements.
func transposeTile[T any](dst []T, d, dm int, src []T, s, ss, h, w int) {
	i := 0
	for ; i+4 <= h; i += 4 {
		j := 0
		for ; j+4 <= w; j += 4 {
			o := s + i + j*ss
			r0 := src[o : o+4 : o+4]
			r1 := src[o+ss : o+ss+4 : o+ss+4]
			r2 := src[o+2*ss : o+2*ss+4 : o+2*ss+4]
			r3 := src[o+3*ss : o+3*ss+4 : o+3*ss+4]
			q := d + i*dm + j
			d0 := dst[q : q+4 : q+4]
			d1 := dst[q+dm : q+dm+4 : q+dm+4]
			d2 := dst[q+2*dm : q+2*dm+4 : q+2*dm+4]
			d3 := dst[q+3*dm : q+3*dm+4 : q+3*dm+4]
			d0[0], d0[1], d0[2], d0[3] = r0[0], r1[0], r2[0], r3[0]
			d1[0], d1[1], d1[2], d1[3] = r0[1], r1[1], r2[1], r3[1]
			d2[0], d2[1], d2[2], d2[3] = r0[2], r1[2], r2[2], r3[2]
			d3[0], d3[1], d3[2], d3[3] = r0[3], r1[3], r2[3], r3[3]
		}
		if j < w {
			for k := range 4 {
				o := d + (i+k)*dm
				gather(dst[o+j:o+w], src, s+i+k+j*ss, ss)
			}
		}
	}
	for ; i < h; i++ {
		o := d + i*dm
		gather(dst[o:o+w], src, s+i, ss)
	}
}

// Overlap.

// parallelKernels is the set of copy kernels (bit k for kernel k) that may
// run in parallel (internal/plan/parallel.go explains the choice); a
// variable so that tests can force the path.
var parallelKernels uint32 = 1<<kernelContig | 1<<kernelShortInner | 1<<kernelReverse |
	1<<kernelShortOuter | 1<<kernelTile | 1<<kernelStrided | 1<<kernelGeneric
