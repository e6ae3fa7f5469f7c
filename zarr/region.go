package zarr

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/ndkit/ndkit/ndview"
)

// axisSel is the selection of one array axis: count positions start,
// start+step, ...; drop marks an integer index, which removes the axis.
type axisSel struct {
	start, step, count int
	drop               bool
}

// selection is a parsed region: one axisSel per array axis, the shape of
// the result, and the items that turn a view of the result's shape into
// the work view of one axis per array axis (integer axes as extent 1, new
// axes removed).
type selection struct {
	axes  []axisSel
	shape []int
	work  []ndview.IndexItem
}

// parseRegion applies the NumPy basic index expr (ndview.Index syntax) to
// an array of the given shape. It uses ndview.Index itself on zero-size
// views, one per axis, so the rules are exactly Index's.
func parseRegion(shape []int, expr string) (*selection, error) {
	nd := len(shape)
	sel := &selection{axes: make([]axisSel, nd)}
	strides := make([]int, nd)
	mapped := make([]int, nd)
	probe := func(d int) (ndview.NDView[struct{}], error) {
		clear(strides)
		n := 1
		if d >= 0 {
			strides[d] = 1
			n = shape[d]
		}
		v, err := ndview.Wrap(make([]struct{}, n), 0, shape, strides)
		if err != nil {
			return v, err
		}
		return v.Index(expr)
	}
	r, err := probe(-1)
	if err != nil {
		return nil, err
	}
	sel.shape = r.Shape()
	isNew := make([]bool, len(sel.shape))
	for j := range isNew {
		isNew[j] = true
	}
	for d := range nd {
		r, err := probe(d)
		if err != nil {
			return nil, err
		}
		mapped[d] = -1
		for j, s := range r.Strides() {
			if s != 0 {
				mapped[d] = j
				isNew[j] = false
				sel.axes[d] = axisSel{start: r.Offset(), step: s, count: r.Shape()[j]}
			}
		}
		if mapped[d] < 0 {
			sel.axes[d] = axisSel{start: r.Offset(), step: 1, count: 1, drop: true}
		}
	}
	j := 0
	for d := range nd {
		if sel.axes[d].drop {
			sel.work = append(sel.work, ndview.NewAxis)
			continue
		}
		for ; j < mapped[d]; j++ {
			sel.work = append(sel.work, ndview.Int(0))
		}
		sel.work = append(sel.work, ndview.Colon())
		j++
	}
	for ; j < len(sel.shape); j++ {
		sel.work = append(sel.work, ndview.Int(0))
	}
	return sel, nil
}

// segment is the part of one axis's selection inside one chunk: the chunk
// index, the selection positions [i0, i1) and the first position inside
// the chunk.
type segment struct {
	chunk, i0, i1, first int
}

// segments splits an axis selection by chunks of size cs.
func segments(a axisSel, cs int) []segment {
	var out []segment
	for i := 0; i < a.count; {
		p := a.start + i*a.step
		c := p / cs
		var i1 int
		if a.step > 0 {
			i1 = ((c+1)*cs - a.start + a.step - 1) / a.step
		} else {
			i1 = (a.start-c*cs)/(-a.step) + 1
		}
		i1 = min(i1, a.count)
		out = append(out, segment{chunk: c, i0: i, i1: i1, first: p - c*cs})
		i = i1
	}
	return out
}

// task is one chunk touched by a selection.
type task struct {
	idx    []int              // chunk index
	work   []ndview.IndexItem // the part of the work view
	inner  []ndview.IndexItem // the part of the chunk
	local  []axisSel          // the same part of the chunk, as axis selections
	full   bool               // the selection covers the chunk's part inside the array
	extent []int              // the chunk's extent inside the array
}

// item returns the slice of count positions from first by step.
func item(first, step, count int) ndview.IndexItem {
	if stop := first + step*count; stop >= 0 {
		return ndview.Range(first, stop).By(step)
	}
	return ndview.From(first).By(step)
}

// tasks lists the chunks a selection touches, in C order of chunk index.
func (a *Array) tasks(sel *selection) []task {
	return chunkTasks(sel.axes, a.m.chunks, a.m.shape)
}

// chunkTasks lists the chunks of the given shape that the axis
// selections axes of an array of shape touch, in C order of chunk index.
// It serves both the array's chunk grid and a shard's inner chunk grid.
func chunkTasks(axes []axisSel, chunks, shape []int) []task {
	nd := len(shape)
	segs := make([][]segment, nd)
	for d := range nd {
		segs[d] = segments(axes[d], chunks[d])
		if len(segs[d]) == 0 {
			return nil
		}
	}
	var out []task
	pos := make([]int, nd)
	for {
		t := task{idx: make([]int, nd), work: make([]ndview.IndexItem, nd), inner: make([]ndview.IndexItem, nd),
			local: make([]axisSel, nd), full: true, extent: make([]int, nd)}
		for d := range nd {
			s := segs[d][pos[d]]
			ax := axes[d]
			cs := chunks[d]
			t.idx[d] = s.chunk
			t.work[d] = ndview.Range(s.i0, s.i1)
			t.inner[d] = item(s.first, ax.step, s.i1-s.i0)
			t.local[d] = axisSel{start: s.first, step: ax.step, count: s.i1 - s.i0}
			t.extent[d] = min(cs, shape[d]-s.chunk*cs)
			if (ax.step != 1 && ax.step != -1 && s.i1-s.i0 > 1) || s.i1-s.i0 != t.extent[d] {
				t.full = false
			}
		}
		out = append(out, t)
		d := nd - 1
		for ; d >= 0; d-- {
			pos[d]++
			if pos[d] < len(segs[d]) {
				break
			}
			pos[d] = 0
		}
		if d < 0 {
			return out
		}
	}
}

type progressKey struct{}

// WithProgress returns a context under which Read, ReadInto and Write call
// f after each chunk they finish, with the number of chunks done and the
// number the call touches. Calls to f are serialised, in order of done.
func WithProgress(ctx context.Context, f func(done, total int)) context.Context {
	return context.WithValue(ctx, progressKey{}, f)
}

// run calls f on every task with ndview.MaxThreads() goroutines, stopping
// at the first error or when ctx is done, and reports progress.
func run(ctx context.Context, ts []task, f func(ctx context.Context, t task) error) error {
	if report, ok := ctx.Value(progressKey{}).(func(done, total int)); ok && report != nil {
		var mu sync.Mutex
		done := 0
		inner := f
		f = func(ctx context.Context, t task) error {
			if err := inner(ctx, t); err != nil {
				return err
			}
			mu.Lock()
			done++
			report(done, len(ts))
			mu.Unlock()
			return nil
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := min(ndview.MaxThreads(), len(ts))
	if workers <= 1 {
		for _, t := range ts {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := f(ctx, t); err != nil {
				return err
			}
		}
		return nil
	}
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
		next  = make(chan task)
	)
	for range workers {
		wg.Go(func() {
			for t := range next {
				if ctx.Err() != nil {
					continue
				}
				if err := f(ctx, t); err != nil {
					once.Do(func() { first = err; cancel() })
				}
			}
		})
	}
	for _, t := range ts {
		if ctx.Err() != nil {
			break
		}
		next <- t
	}
	close(next)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// getChunk reads and decodes chunk idx; absent chunks give ok false.
func getChunk[T any](ctx context.Context, a *Array, idx []int) (v ndview.NDView[T], ok bool, err error) {
	key := a.key(a.m.chunkKey(idx))
	raw, err := a.store.Get(ctx, key)
	if errors.Is(err, ErrNotFound) {
		return v, false, nil
	}
	if err != nil {
		return v, false, withPath("Read", key, err)
	}
	v, err = decodeChunk[T](a.m, a.m.p, raw, a.m.chunks)
	if err != nil {
		return v, false, withPath("Read", key, err)
	}
	return v, true, nil
}

// Read returns a new C-contiguous view of the region of a selected by
// region, a NumPy basic index written as for ndview.Index ("10:20, ::-1",
// "3, ...", "" for all): zarr-python's z[region]. Only the chunks the
// region touches are read, decoded in parallel over ndview.MaxThreads()
// goroutines; absent chunks read as the fill value.
//
// T must have the array's kind and size (float32 for "<f4" or ">f4");
// bytes are converted to the host's order. Read returns an error, and no
// view, when the region is malformed or outside the array (ErrRegion), T
// does not match (ErrDType), a chunk is corrupt (ErrFormat, ErrChecksum)
// or the store or ctx fails. The errors name the store key.
func Read[T any](ctx context.Context, a *Array, region string) (ndview.NDView[T], error) {
	sel, err := a.selection("Read", region)
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	if err := checkType[T]("Read", a.path, a.m.dtype); err != nil {
		return ndview.NDView[T]{}, err
	}
	out := ndview.Zeros[T](sel.shape...)
	if err := readSel(ctx, a, sel, out); err != nil {
		return ndview.NDView[T]{}, err
	}
	return out, nil
}

// ReadInto reads the region of a into dst, a writable view of any layout
// (strided, transposed, reversed) whose shape is the region's shape:
// zarr-python's z.get_basic_selection(region, out=dst). It returns the
// errors of Read, and ErrRegion when dst's shape differs from the
// region's; it panics with ndview.ErrReadOnly when dst is read-only. When
// an error is returned before any chunk is read (a bad region, type or
// shape) dst is untouched; a chunk that fails to decode may leave dst
// partly written (semantics.md §24, ZR7).
func ReadInto[T any](ctx context.Context, a *Array, dst ndview.NDView[T], region string) error {
	if dst.ReadOnly() {
		panic(&ndview.Error{Op: "zarr.ReadInto", Err: ndview.ErrReadOnly, Msg: "destination view is read-only"})
	}
	sel, err := a.selection("ReadInto", region)
	if err != nil {
		return err
	}
	if err := checkType[T]("ReadInto", a.path, a.m.dtype); err != nil {
		return err
	}
	if !slices.Equal(dst.Shape(), sel.shape) {
		return errorf("ReadInto", a.path, ErrRegion, "destination shape %v differs from the region's shape %v", dst.Shape(), sel.shape)
	}
	return readSel(ctx, a, sel, dst)
}

// selection parses region for operation op.
func (a *Array) selection(op, region string) (*selection, error) {
	sel, err := parseRegion(a.m.shape, region)
	if err != nil {
		return nil, wrapf(op, a.path, ErrRegion, err, "region %q of shape %v", clip(region), a.m.shape)
	}
	return sel, nil
}

// readSel reads a parsed selection into out (of the selection's shape).
func readSel[T any](ctx context.Context, a *Array, sel *selection, out ndview.NDView[T]) error {
	w := out.Slice(sel.work...)
	fill := fillOf[T](a.m)
	_, ranged := a.store.(RangeGetter)
	return run(ctx, a.tasks(sel), func(ctx context.Context, t task) error {
		part := w.Slice(t.work...)
		if ranged && a.m.p.shard != nil && !t.full {
			return readShardPart(ctx, a, t, part, fill)
		}
		c, ok, err := getChunk[T](ctx, a, t.idx)
		if err != nil {
			return err
		}
		if !ok {
			part.Fill(fill)
			return nil
		}
		part.CopyFrom(c.Slice(t.inner...))
		return nil
	})
}

// readShardPart reads the part t of a shard into part by byte ranges: the
// shard's index first (at its start or end), then each inner chunk the
// part touches, adjacent ones in one range (semantics.md §35, ZS2). An
// absent shard or inner chunk reads as fill.
func readShardPart[T any](ctx context.Context, a *Array, t task, part ndview.NDView[T], fill T) error {
	s := a.m.p.shard
	key := a.key(a.m.chunkKey(t.idx))
	grid := innerGrid(s, a.m.chunks)
	il := int64(shardIndexLen(s, size(grid)))
	off := -il
	if s.atStart {
		off = 0
	}
	ib, err := GetRange(ctx, a.store, key, off, il)
	if errors.Is(err, ErrNotFound) {
		part.Fill(fill)
		return nil
	}
	if err != nil {
		return withPath("Read", key, prefixErr("shard index", err))
	}
	idx, err := decodeShardIndex(s, ib, grid)
	if err != nil {
		return withPath("Read", key, err)
	}
	its := chunkTasks(t.local, s.inner, a.m.chunks)
	gst := cStrides(grid)
	// Runs of inner chunks stored one after another are fetched together.
	for i := 0; i < len(its); {
		k := linear(its[i].idx, gst)
		o, nb := idx[2*k], idx[2*k+1]
		if o == math.MaxUint64 && nb == math.MaxUint64 {
			part.Slice(its[i].work...).Fill(fill)
			i++
			continue
		}
		if nb > maxChunkBytes || o > math.MaxInt64-nb {
			return errorf("Read", key, ErrFormat, "shard index entry %d holds offset %d and length %d, outside any shard", k, o, nb)
		}
		j, end := i+1, o+nb
		for ; j < len(its); j++ {
			kj := linear(its[j].idx, gst)
			if idx[2*kj] != end || idx[2*kj+1] > maxChunkBytes || end+idx[2*kj+1]-o > maxChunkBytes {
				break
			}
			end += idx[2*kj+1]
		}
		raw, err := GetRange(ctx, a.store, key, int64(o), int64(end-o))
		if err != nil {
			return withPath("Read", key, prefixErr(fmt.Sprintf("shard index entry %d points past the shard's end", k), err))
		}
		for ; i < j; i++ {
			ki := linear(its[i].idx, gst)
			lo := idx[2*ki] - o
			c, err := decodeChunk[T](a.m, s.p, raw[lo:lo+idx[2*ki+1]], s.inner)
			if err != nil {
				return withPath("Read", key, prefixErr(fmt.Sprintf("inner chunk %v", its[i].idx), err))
			}
			part.Slice(its[i].work...).CopyFrom(c.Slice(its[i].inner...))
		}
	}
	return nil
}

// linear returns the C-order position of idx in a grid of strides st.
func linear(idx, st []int) int {
	k := 0
	for d, i := range idx {
		k += i * st[d]
	}
	return k
}

// Write writes src into the region of a selected by region (ndview.Index
// syntax): zarr-python's z[region] = src. src may have any layout
// (strided, transposed, reversed, broadcast, 0-d) and is broadcast to the
// region's shape as NumPy broadcasts an assignment. Chunks the region
// covers whole are encoded from src alone; partly covered chunks are read,
// modified and written back; chunks are encoded and stored in parallel.
//
// Write returns an error when the region is malformed or outside the
// array, src does not broadcast to it (ErrRegion), T does not match
// (ErrDType), an existing partial chunk is corrupt, or the store or ctx
// fails. Each chunk is stored whole (DirStore renames a finished file into
// place), so a failed Write leaves every chunk either as it was or as
// written; chunks written before the failure stay written.
func Write[T any](ctx context.Context, a *Array, region string, src ndview.NDView[T]) error {
	sel, err := a.selection("Write", region)
	if err != nil {
		return err
	}
	if err := checkType[T]("Write", a.path, a.m.dtype); err != nil {
		return err
	}
	b, err := src.BroadcastTo(sel.shape...)
	if err != nil {
		return wrapf("Write", a.path, ErrRegion, err, "source of shape %v does not broadcast to the region's shape %v", src.Shape(), sel.shape)
	}
	w := b.Slice(sel.work...)
	return run(ctx, a.tasks(sel), func(ctx context.Context, t task) error {
		var c ndview.NDView[T]
		if t.full {
			c = ndview.Zeros[T](a.m.chunks...)
			if !slices.Equal(t.extent, a.m.chunks) {
				c = newChunk[T](a.m, a.m.chunks)
			}
		} else {
			old, ok, err := getChunk[T](ctx, a, t.idx)
			if err != nil {
				return err
			}
			if ok {
				c = old
			} else {
				c = newChunk[T](a.m, a.m.chunks)
			}
		}
		c.Slice(t.inner...).CopyFrom(w.Slice(t.work...))
		key := a.key(a.m.chunkKey(t.idx))
		enc, err := encodeChunk(a.m, a.m.p, c)
		if err != nil {
			return withPath("Write", key, err)
		}
		if err := a.store.Set(ctx, key, enc); err != nil {
			return withPath("Write", key, err)
		}
		return nil
	})
}
