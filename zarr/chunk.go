package zarr

import (
	"errors"
	"fmt"
	"math"
	"unsafe"

	"github.com/ndkit/ndkit/ndview"
)

// fillOf returns the fill value as a T (zero when the array has none).
func fillOf[T any](m *arrayMeta) T {
	var x T
	copy(asBytes(unsafe.Slice(&x, 1)), m.fill)
	return x
}

// newChunk returns a C-contiguous chunk of the given shape, filled with
// the fill value.
func newChunk[T any](m *arrayMeta, shape []int) ndview.NDView[T] {
	c := ndview.Zeros[T](shape...)
	if m.hasFill {
		var zero T
		if f := fillOf[T](m); asBytesEqual(f, zero) == false {
			c.Fill(f)
		}
	}
	return c
}

func asBytesEqual[T any](a, b T) bool {
	return string(asBytes(unsafe.Slice(&a, 1))) == string(asBytes(unsafe.Slice(&b, 1)))
}

// cStrides returns the C-order strides (in elements) of shape.
func cStrides(shape []int) []int {
	st := make([]int, len(shape))
	s := 1
	for d := len(shape) - 1; d >= 0; d-- {
		st[d] = s
		s *= shape[d]
	}
	return st
}

// size returns the number of elements of shape (validated not to
// overflow).
func size(shape []int) int {
	n := 1
	for _, e := range shape {
		n *= e
	}
	return n
}

// decodeChunk decodes the stored bytes raw of one chunk of the given
// shape through pipeline p into a new view of that shape (its strides
// follow the stored order: no reordering copy is made).
func decodeChunk[T any](m *arrayMeta, p *pipeline, raw []byte, shape []int) (ndview.NDView[T], error) {
	if p.shard != nil {
		return decodeShard[T](m, p.shard, raw, shape)
	}
	n := size(shape)
	var zero T
	item := int(unsafe.Sizeof(zero))
	nb := n * item
	buf := make([]T, n)
	b := asBytes(buf)
	data := raw
	direct := false
	for i := len(p.bb) - 1; i >= 0; i-- {
		if d, ok := p.bb[i].(intoDecoder); ok && i == 0 {
			if err := d.decodeInto(data, b); err != nil {
				return ndview.NDView[T]{}, err
			}
			direct = true
			break
		}
		exact, limit := -1, nb+1<<20
		if i == 0 {
			exact = nb
		}
		out, err := p.bb[i].decode(data, exact, limit)
		if err != nil {
			return ndview.NDView[T]{}, err
		}
		data = out
	}
	if !direct {
		if len(data) != nb {
			return ndview.NDView[T]{}, errorf("", "", ErrFormat, "chunk holds %d bytes, expected %d for shape %v of %d-byte elements", len(data), nb, shape, item)
		}
		copy(b, data)
	}
	d := m.dtype
	d.Order = p.endian
	if item > 1 {
		toNative(b, d)
	}
	if d.Kind == 'b' {
		normalizeBools(b)
	}
	enc := shape
	if p.perm != nil {
		enc = make([]int, len(shape))
		for k, ax := range p.perm {
			enc[k] = shape[ax]
		}
	}
	cst := cStrides(enc)
	st := cst
	if p.perm != nil {
		st = make([]int, len(shape))
		for k, ax := range p.perm {
			st[ax] = cst[k]
		}
	}
	v, err := ndview.Wrap(buf, 0, shape, st)
	if err != nil {
		return ndview.NDView[T]{}, errorf("", "", ErrFormat, "chunk layout: %v", err)
	}
	return v, nil
}

// encodeChunk encodes chunk (of the chunk shape) through p.
func encodeChunk[T any](m *arrayMeta, p *pipeline, chunk ndview.NDView[T]) ([]byte, error) {
	if p.shard != nil {
		return encodeShard(m, p.shard, chunk)
	}
	v := chunk
	if p.perm != nil {
		v = v.Transpose(p.perm...)
	}
	var b []byte
	if v.IsCContiguous() && !v.ReadOnly() && p.endian == hostOrder || v.ItemSize() == 1 && v.IsCContiguous() && !v.ReadOnly() {
		data, _ := v.Data()
		b = asBytes(data[v.Offset() : v.Offset()+v.Size()])
	} else {
		c := v.Clone()
		data, _ := c.Data()
		b = asBytes(data)
		d := m.dtype
		d.Order = p.endian
		toNative(b, d) // native to stored is the same swap
	}
	var err error
	for _, c := range p.bb {
		if b, err = c.encode(b); err != nil {
			return nil, err
		}
	}
	// The data may still alias the chunk's memory; the store copies or
	// writes it before the chunk is reused.
	return b, nil
}

// shardIndexLen returns the encoded byte size of a shard index of n
// entries.
func shardIndexLen(s *shardSpec, n int) int { return 16*n + 4*len(s.index.specs) }

// innerGrid returns the number of inner chunks along each axis of a shard.
func innerGrid(s *shardSpec, shard []int) []int {
	g := make([]int, len(shard))
	for d := range shard {
		g[d] = shard[d] / s.inner[d]
	}
	return g
}

// forEachIndex calls f with every index of grid, in C order.
func forEachIndex(grid []int, f func(idx []int) error) error {
	if size(grid) == 0 {
		return nil
	}
	idx := make([]int, len(grid))
	for {
		if err := f(idx); err != nil {
			return err
		}
		d := len(grid) - 1
		for ; d >= 0; d-- {
			idx[d]++
			if idx[d] < grid[d] {
				break
			}
			idx[d] = 0
		}
		if d < 0 {
			return nil
		}
	}
}

// innerSlice returns the items selecting inner chunk idx of a shard.
func innerSlice(s *shardSpec, idx []int) []ndview.IndexItem {
	items := make([]ndview.IndexItem, len(idx))
	for d, i := range idx {
		items[d] = ndview.Range(i*s.inner[d], (i+1)*s.inner[d])
	}
	return items
}

// readShardIndex decodes and checks the index of a shard of raw bytes.
func readShardIndex(m *arrayMeta, s *shardSpec, raw []byte, grid []int) ([]uint64, error) {
	n := size(grid)
	il := shardIndexLen(s, n)
	if len(raw) < il {
		return nil, errorf("", "", ErrFormat, "shard of %d bytes is shorter than its %d-byte index", len(raw), il)
	}
	ib := raw[len(raw)-il:]
	if s.atStart {
		ib = raw[:il]
	}
	idx, err := decodeShardIndex(s, ib, grid)
	if err != nil {
		return nil, err
	}
	for k := 0; k < n; k++ {
		off, nb := idx[2*k], idx[2*k+1]
		if off == math.MaxUint64 && nb == math.MaxUint64 {
			continue
		}
		if off > uint64(len(raw)) || nb > uint64(len(raw))-off {
			return nil, errorf("", "", ErrFormat, "shard index entry %d points at bytes [%d, %d+%d), past the shard's %d bytes", k, off, off, nb, len(raw))
		}
	}
	return idx, nil
}

// decodeShardIndex decodes the index bytes ib of a shard of inner grid
// grid into offset and length pairs, checking its checksum; the pairs are
// not checked against the shard's size.
func decodeShardIndex(s *shardSpec, ib []byte, grid []int) ([]uint64, error) {
	ig := append(append([]int{}, grid...), 2)
	iv, err := decodeChunk[uint64](&arrayMeta{dtype: DType{Kind: 'u', Size: 8}}, s.index, ib, ig)
	if err != nil {
		return nil, prefixErr("shard index", err)
	}
	return iv.ToSlice(), nil
}

// prefixErr returns err with its message prefixed, keeping its kind.
func prefixErr(prefix string, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return &Error{Op: e.Op, Path: e.Path, Err: e.Err, Msg: prefix + ": " + e.Msg, Cause: e.Cause}
	}
	return wrapf("", "", ErrFormat, err, "%s", prefix)
}

// decodeShard decodes a whole shard: missing inner chunks read as the
// fill value.
func decodeShard[T any](m *arrayMeta, s *shardSpec, raw []byte, shape []int) (ndview.NDView[T], error) {
	grid := innerGrid(s, shape)
	idx, err := readShardIndex(m, s, raw, grid)
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	out := newChunk[T](m, shape)
	k := 0
	err = forEachIndex(grid, func(ci []int) error {
		off, nb := idx[2*k], idx[2*k+1]
		k++
		if off == math.MaxUint64 && nb == math.MaxUint64 {
			return nil
		}
		c, err := decodeChunk[T](m, s.p, raw[off:off+nb], s.inner)
		if err != nil {
			return prefixErr(fmt.Sprintf("inner chunk %v", ci), err)
		}
		out.Slice(innerSlice(s, ci)...).CopyFrom(c)
		return nil
	})
	return out, err
}

// encodeShard encodes every inner chunk of a shard, then its index (at
// the start or the end).
func encodeShard[T any](m *arrayMeta, s *shardSpec, shard ndview.NDView[T]) ([]byte, error) {
	grid := innerGrid(s, shard.Shape())
	n := size(grid)
	il := shardIndexLen(s, n)
	base := 0
	if s.atStart {
		base = il
	}
	index := make([]uint64, 2*n)
	var body []byte
	k := 0
	err := forEachIndex(grid, func(ci []int) error {
		b, err := encodeChunk(m, s.p, shard.Slice(innerSlice(s, ci)...))
		if err != nil {
			return err
		}
		index[2*k], index[2*k+1] = uint64(base+len(body)), uint64(len(b))
		body = append(body, b...)
		k++
		return nil
	})
	if err != nil {
		return nil, err
	}
	ig := append(append([]int{}, grid...), 2)
	iv, _ := ndview.FromSlice(index, ig...)
	ib, err := encodeChunk(&arrayMeta{dtype: DType{Kind: 'u', Size: 8}}, s.index, iv)
	if err != nil {
		return nil, err
	}
	ib = append([]byte(nil), ib...)
	if s.atStart {
		return append(ib, body...), nil
	}
	return append(body, ib...), nil
}
