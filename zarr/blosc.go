package zarr

import (
	"bytes"
	"encoding/binary"
	"sync"

	"github.com/klauspost/compress/zlib"
	"github.com/pierrec/lz4/v4"
)

// Blosc 1 frames (c-blosc 1.x, as numcodecs writes them).
//
// A frame is a 16-byte header
//
//	version, versionlz, flags, typesize uint8; nbytes, blocksize, cbytes uint32 (little-endian)
//
// followed, unless the frame is memcpyed (flags bit 1), by one int32 start
// offset per block and the blocks. A block of blocksize bytes (the last one
// may be shorter) is stored as one stream, or as typesize streams when it
// is split (flags bit 4 clear, and not the last, short block); each stream
// is an int32 compressed size and the compressed bytes, stored raw when the
// size equals the stream's decoded size. The decoded block is then
// unshuffled: flags bit 0 is byte shuffle, bit 2 bit shuffle. Bits 5-7 name
// the inner compressor: 0 blosclz, 1 lz4 (and lz4hc), 3 zlib, 4 zstd.

const (
	bloscHeader    = 16
	bloscShuffle   = 0x1
	bloscMemcpyed  = 0x2
	bloscBitShuf   = 0x4
	bloscDontSplit = 0x10
	bloscMaxSize   = 1<<31 - 1 - bloscHeader
	// c-blosc 1.x splits a block into at most bloscMaxSplits streams,
	// each of at least bloscMinSplit bytes.
	bloscMaxSplits = 16
	bloscMinSplit  = 128
)

// lz4Compressors keeps LZ4 compressors (each holds a hash table) for
// reuse. They are the C-compatible LZ4_compress_fast, which takes the
// acceleration that c-blosc derives from the level (ZS9).
var lz4Compressors = sync.Pool{New: func() any { return new(lz4.CompressorCCompat) }}

var bloscCodes = map[string]byte{"blosclz": 0, "lz4": 1, "lz4hc": 1, "zlib": 3, "zstd": 4}

type bloscCodec struct {
	cname     string
	level     int
	shuffle   Shuffle
	typesize  int
	blocksize int
}

func (c bloscCodec) decode(src []byte, exact, limit int) ([]byte, error) {
	return bloscDecode(src, exact, limit, nil)
}

func (c bloscCodec) decodeInto(src, dst []byte) error {
	_, err := bloscDecode(src, len(dst), len(dst), dst)
	return err
}

func (c bloscCodec) encode(src []byte) ([]byte, error) {
	return bloscEncode(src, c.cname, c.level, c.shuffle, c.typesize, c.blocksize)
}

func bloscErr(format string, args ...any) error {
	return errorf("", "", ErrFormat, "blosc frame: "+format, args...)
}

// bloscDecode decodes one Blosc 1 frame. It checks every length against
// src and the expected size before allocating or copying.
// The result is written to dst when it has the decoded size.
func bloscDecode(src []byte, exact, limit int, dst []byte) ([]byte, error) {
	if len(src) < bloscHeader {
		return nil, bloscErr("%d bytes is shorter than the 16-byte header", len(src))
	}
	version, flags, typesize := src[0], src[2], int(src[3])
	nbytes := int(binary.LittleEndian.Uint32(src[4:]))
	blocksize := int(binary.LittleEndian.Uint32(src[8:]))
	cbytes := int(binary.LittleEndian.Uint32(src[12:]))
	if version == 0 || version > 2 {
		return nil, bloscErr("format version %d is not a Blosc 1 frame (1 or 2)", version)
	}
	if cbytes != len(src) {
		if cbytes > len(src) {
			return nil, bloscErr("header says %d bytes but only %d are present (truncated)", cbytes, len(src))
		}
		src = src[:cbytes]
	}
	if nbytes > limit || (exact >= 0 && nbytes != exact) {
		return nil, sizeMismatch("blosc", nbytes, exact)
	}
	if typesize == 0 {
		return nil, bloscErr("typesize is 0")
	}
	out := dst
	if len(out) != nbytes {
		out = make([]byte, nbytes)
	}
	if nbytes == 0 {
		return out, nil
	}
	if flags&bloscMemcpyed != 0 {
		if len(src)-bloscHeader < nbytes {
			return nil, bloscErr("memcpyed frame holds %d bytes, header says %d", len(src)-bloscHeader, nbytes)
		}
		copy(out, src[bloscHeader:])
		return out, nil
	}
	if blocksize <= 0 || blocksize > bloscMaxSize {
		return nil, bloscErr("block size %d is not positive", blocksize)
	}
	nblocks := nbytes / blocksize
	leftover := nbytes % blocksize
	if leftover > 0 {
		nblocks++
	}
	if nblocks > (len(src)-bloscHeader)/4 {
		return nil, bloscErr("%d blocks do not fit in %d bytes", nblocks, len(src))
	}
	code := (flags >> 5) & 7
	tmp := make([]byte, min(blocksize, nbytes)) // blocksize is not trusted
	for b := 0; b < nblocks; b++ {
		start := int(int32(binary.LittleEndian.Uint32(src[bloscHeader+4*b:])))
		if start < bloscHeader+4*nblocks || start > len(src) {
			return nil, bloscErr("block %d starts at %d, outside the frame of %d bytes", b, start, len(src))
		}
		bsize := blocksize
		last := b == nblocks-1 && leftover > 0
		if last {
			bsize = leftover
		}
		nsplits := 1
		if flags&bloscDontSplit == 0 && !last {
			nsplits = typesize
			if bsize%nsplits != 0 {
				return nil, bloscErr("block of %d bytes cannot be split in %d streams", bsize, nsplits)
			}
		}
		dst := out[b*blocksize : b*blocksize+bsize]
		if flags&(bloscShuffle|bloscBitShuf) != 0 {
			dst = tmp[:bsize]
		}
		neblock := bsize / nsplits
		pos := start
		for s := 0; s < nsplits; s++ {
			if pos+4 > len(src) {
				return nil, bloscErr("block %d stream %d is truncated", b, s)
			}
			csize := int(int32(binary.LittleEndian.Uint32(src[pos:])))
			pos += 4
			if csize < 0 || csize > len(src)-pos {
				return nil, bloscErr("block %d stream %d has %d bytes, past the frame's end", b, s, csize)
			}
			part := dst[s*neblock : (s+1)*neblock]
			if err := bloscInner(code, src[pos:pos+csize], part); err != nil {
				return nil, err
			}
			pos += csize
		}
		final := out[b*blocksize : b*blocksize+bsize]
		switch {
		case flags&bloscShuffle != 0 && typesize > 1:
			unshuffle(final, dst, typesize)
		case flags&bloscBitShuf != 0:
			bitunshuffle(final, dst, typesize, version)
		case flags&(bloscShuffle|bloscBitShuf) != 0:
			copy(final, dst)
		}
	}
	return out, nil
}

// bloscInner decodes one stream into part, which it must fill exactly.
func bloscInner(code byte, in, part []byte) error {
	if len(in) == len(part) {
		copy(part, in)
		return nil
	}
	var n int
	var err error
	switch code {
	case 0:
		n, err = blosclzDecode(in, part)
	case 1:
		n, err = lz4.UncompressBlock(in, part)
	case 3:
		var r interface {
			Read([]byte) (int, error)
			Close() error
		}
		r, err = zlib.NewReader(bytes.NewReader(in))
		if err == nil {
			var out []byte
			out, err = readLimited("zlib", r, len(part), len(part))
			n = copy(part, out)
		}
	case 4:
		var out []byte
		out, err = zstdDecode(in, len(part), len(part), part[:0])
		if len(out) > 0 && &out[0] != &part[0] {
			copy(part, out)
		}
		n = len(out)
	default:
		return bloscErr("inner compressor code %d is not supported (snappy and unknown codes are not)", code)
	}
	if err != nil {
		return wrapf("", "", ErrFormat, err, "blosc frame: inner stream is corrupt")
	}
	if n != len(part) {
		return bloscErr("inner stream decodes to %d bytes, expected %d", n, len(part))
	}
	return nil
}

// blosclzDecode decodes a BloscLZ stream (FastLZ level 1 with Blosc's
// far-distance extension) into out, returning the bytes written.
func blosclzDecode(in, out []byte) (int, error) {
	const maxDistance = 8191
	bad := bloscErr("blosclz stream is corrupt")
	if len(in) == 0 {
		return 0, bad
	}
	ip, op := 0, 0
	ctrl := int(in[ip] & 31)
	ip++
	for {
		if ctrl >= 32 {
			length := (ctrl >> 5) - 1
			ofs := (ctrl & 31) << 8
			if length == 6 {
				for {
					if ip >= len(in) {
						return 0, bad
					}
					code := int(in[ip])
					ip++
					length += code
					if code != 255 {
						break
					}
				}
			} else if ip >= len(in) {
				return 0, bad
			}
			code := int(in[ip])
			ip++
			length += 3
			ref := op - ofs - code
			if code == 255 && ofs == 31<<8 {
				if ip+1 >= len(in) {
					return 0, bad
				}
				ofs = int(in[ip])<<8 + int(in[ip+1])
				ip += 2
				ref = op - ofs - maxDistance
			}
			ref--
			if op+length > len(out) || ref < 0 {
				return 0, bad
			}
			if ref+length <= op {
				copy(out[op:op+length], out[ref:ref+length])
			} else {
				for i := range length {
					out[op+i] = out[ref+i]
				}
			}
			op += length
			if ip >= len(in) {
				break
			}
			ctrl = int(in[ip])
			ip++
		} else {
			ctrl++
			if op+ctrl > len(out) || ip+ctrl > len(in) {
				return 0, bad
			}
			copy(out[op:], in[ip:ip+ctrl])
			op += ctrl
			ip += ctrl
			if ip >= len(in) {
				break
			}
			ctrl = int(in[ip])
			ip++
		}
	}
	return op, nil
}

// shuffle groups byte j of every element together: dst[j*n+i] =
// src[i*ts+j] for the n whole elements; trailing bytes are copied. Type
// sizes 2, 4 and 8 transpose eight elements at a time in 64-bit words
// (semantics.md §35, ZS8); the others go byte by byte.
func shuffle(dst, src []byte, ts int) {
	n := len(src) / ts
	i := 0
	switch ts {
	case 2:
		i = shuffle2(dst, src, n)
	case 4:
		i = shuffle4(dst, src, n)
	case 8:
		i = transpose8(dst, src, n, true)
	}
	for j := range ts {
		d := dst[j*n : (j+1)*n]
		for k := i; k < n; k++ {
			d[k] = src[k*ts+j]
		}
	}
	copy(dst[n*ts:], src[n*ts:])
}

// unshuffle undoes shuffle.
func unshuffle(dst, src []byte, ts int) {
	n := len(src) / ts
	i := 0
	switch ts {
	case 2:
		i = unshuffle2(dst, src, n)
	case 4:
		i = unshuffle4(dst, src, n)
	case 8:
		i = transpose8(dst, src, n, false)
	}
	for j := range ts {
		s := src[j*n : (j+1)*n]
		for k := i; k < n; k++ {
			dst[k*ts+j] = s[k]
		}
	}
	copy(dst[n*ts:], src[n*ts:])
}

// The word kernels below exchange bit fields between 64-bit words
// (little-endian loads, so byte k of a word is byte k in memory):
// swapIn exchanges the fields of w selected by m with those s bits above
// them; blockT is the 2×2 block transpose of fields of s bits: x keeps
// its even fields and takes y's even ones, y takes x's odd fields.

func swapIn(w uint64, m uint64, s uint) uint64 {
	t := (w ^ w>>s) & m
	return w ^ t ^ t<<s
}

func blockT(x, y uint64, m uint64, s uint) (uint64, uint64) {
	t := (x>>s ^ y) & m
	return x ^ t<<s, y ^ t
}

const (
	mask8  = 0x00ff00ff00ff00ff
	mask16 = 0x0000ffff0000ffff
	mask32 = 0x00000000ffffffff
)

// shuffle2 shuffles the first elements of n 2-byte elements, eight at a
// time, and returns how many it did.
func shuffle2(dst, src []byte, n int) int {
	d0, d1 := dst[:n], dst[n:2*n]
	i := 0
	for ; i+8 <= n; i += 8 {
		s := src[2*i : 2*i+16 : 2*i+16]
		x := binary.LittleEndian.Uint64(s[0:8])
		y := binary.LittleEndian.Uint64(s[8:16])
		x = swapIn(swapIn(x, 0x0000ff000000ff00, 8), 0x00000000ffff0000, 16)
		y = swapIn(swapIn(y, 0x0000ff000000ff00, 8), 0x00000000ffff0000, 16)
		x, y = blockT(x, y, mask32, 32)
		binary.LittleEndian.PutUint64(d0[i:i+8], x)
		binary.LittleEndian.PutUint64(d1[i:i+8], y)
	}
	return i
}

func unshuffle2(dst, src []byte, n int) int {
	s0, s1 := src[:n], src[n:2*n]
	i := 0
	for ; i+8 <= n; i += 8 {
		x := binary.LittleEndian.Uint64(s0[i : i+8])
		y := binary.LittleEndian.Uint64(s1[i : i+8])
		x, y = blockT(x, y, mask32, 32)
		x = swapIn(swapIn(x, 0x00000000ffff0000, 16), 0x0000ff000000ff00, 8)
		y = swapIn(swapIn(y, 0x00000000ffff0000, 16), 0x0000ff000000ff00, 8)
		d := dst[2*i : 2*i+16 : 2*i+16]
		binary.LittleEndian.PutUint64(d[0:8], x)
		binary.LittleEndian.PutUint64(d[8:16], y)
	}
	return i
}

// shuffle4 shuffles 4-byte elements eight at a time: each word's two
// elements are interleaved byte by byte, then 16- and 32-bit fields are
// transposed across the four words.
func shuffle4(dst, src []byte, n int) int {
	d0, d1, d2, d3 := dst[:n], dst[n:2*n], dst[2*n:3*n], dst[3*n:4*n]
	i := 0
	for ; i+8 <= n; i += 8 {
		s := src[4*i : 4*i+32 : 4*i+32]
		w0 := binary.LittleEndian.Uint64(s[0:8])
		w1 := binary.LittleEndian.Uint64(s[8:16])
		w2 := binary.LittleEndian.Uint64(s[16:24])
		w3 := binary.LittleEndian.Uint64(s[24:32])
		w0 = swapIn(swapIn(w0, 0x00000000ffff0000, 16), 0x0000ff000000ff00, 8)
		w1 = swapIn(swapIn(w1, 0x00000000ffff0000, 16), 0x0000ff000000ff00, 8)
		w2 = swapIn(swapIn(w2, 0x00000000ffff0000, 16), 0x0000ff000000ff00, 8)
		w3 = swapIn(swapIn(w3, 0x00000000ffff0000, 16), 0x0000ff000000ff00, 8)
		w0, w1 = blockT(w0, w1, mask16, 16)
		w2, w3 = blockT(w2, w3, mask16, 16)
		w0, w2 = blockT(w0, w2, mask32, 32)
		w1, w3 = blockT(w1, w3, mask32, 32)
		binary.LittleEndian.PutUint64(d0[i:i+8], w0)
		binary.LittleEndian.PutUint64(d1[i:i+8], w1)
		binary.LittleEndian.PutUint64(d2[i:i+8], w2)
		binary.LittleEndian.PutUint64(d3[i:i+8], w3)
	}
	return i
}

func unshuffle4(dst, src []byte, n int) int {
	s0, s1, s2, s3 := src[:n], src[n:2*n], src[2*n:3*n], src[3*n:4*n]
	i := 0
	for ; i+8 <= n; i += 8 {
		w0 := binary.LittleEndian.Uint64(s0[i : i+8])
		w1 := binary.LittleEndian.Uint64(s1[i : i+8])
		w2 := binary.LittleEndian.Uint64(s2[i : i+8])
		w3 := binary.LittleEndian.Uint64(s3[i : i+8])
		w0, w2 = blockT(w0, w2, mask32, 32)
		w1, w3 = blockT(w1, w3, mask32, 32)
		w0, w1 = blockT(w0, w1, mask16, 16)
		w2, w3 = blockT(w2, w3, mask16, 16)
		w0 = swapIn(swapIn(w0, 0x0000ff000000ff00, 8), 0x00000000ffff0000, 16)
		w1 = swapIn(swapIn(w1, 0x0000ff000000ff00, 8), 0x00000000ffff0000, 16)
		w2 = swapIn(swapIn(w2, 0x0000ff000000ff00, 8), 0x00000000ffff0000, 16)
		w3 = swapIn(swapIn(w3, 0x0000ff000000ff00, 8), 0x00000000ffff0000, 16)
		d := dst[4*i : 4*i+32 : 4*i+32]
		binary.LittleEndian.PutUint64(d[0:8], w0)
		binary.LittleEndian.PutUint64(d[8:16], w1)
		binary.LittleEndian.PutUint64(d[16:24], w2)
		binary.LittleEndian.PutUint64(d[24:32], w3)
	}
	return i
}

// transpose8 shuffles (fwd) or unshuffles 8-byte elements eight at a
// time: an 8×8 byte transpose in three rounds of block transposes, which
// is its own inverse; only the memory sides differ.
func transpose8(dst, src []byte, n int, fwd bool) int {
	var w [8]uint64
	i := 0
	for ; i+8 <= n; i += 8 {
		if fwd {
			s := src[8*i : 8*i+64 : 8*i+64]
			for k := range w {
				w[k] = binary.LittleEndian.Uint64(s[8*k : 8*k+8])
			}
		} else {
			for k := range w {
				w[k] = binary.LittleEndian.Uint64(src[k*n+i : k*n+i+8])
			}
		}
		w[0], w[1] = blockT(w[0], w[1], mask8, 8)
		w[2], w[3] = blockT(w[2], w[3], mask8, 8)
		w[4], w[5] = blockT(w[4], w[5], mask8, 8)
		w[6], w[7] = blockT(w[6], w[7], mask8, 8)
		w[0], w[2] = blockT(w[0], w[2], mask16, 16)
		w[1], w[3] = blockT(w[1], w[3], mask16, 16)
		w[4], w[6] = blockT(w[4], w[6], mask16, 16)
		w[5], w[7] = blockT(w[5], w[7], mask16, 16)
		w[0], w[4] = blockT(w[0], w[4], mask32, 32)
		w[1], w[5] = blockT(w[1], w[5], mask32, 32)
		w[2], w[6] = blockT(w[2], w[6], mask32, 32)
		w[3], w[7] = blockT(w[3], w[7], mask32, 32)
		if fwd {
			for k := range w {
				binary.LittleEndian.PutUint64(dst[k*n+i:k*n+i+8], w[k])
			}
		} else {
			d := dst[8*i : 8*i+64 : 8*i+64]
			for k := range w {
				binary.LittleEndian.PutUint64(d[8*k:8*k+8], w[k])
			}
		}
	}
	return i
}

// bitElems returns how many elements of a block of nbytes are bit
// shuffled: all of them if a multiple of 8 (else none) in format version
// 2, the largest multiple of 8 from version 3 on.
func bitElems(nbytes, ts int, version byte) int {
	n := nbytes / ts
	if version <= 2 {
		if n%8 != 0 {
			return 0
		}
		return n
	}
	return n - n%8
}

// bitshuffle is bitshuffle's bshuf_trans_bit_elem over the first n
// elements: bit k of byte j of element 8g+b goes to bit b of byte
// (8j+k)·n/8 + g. The remaining bytes are copied.
func bitshuffle(dst, src []byte, ts int, version byte) {
	n := bitElems(len(src), ts, version)
	clear(dst[:n*ts])
	rows := n / 8
	for e := range n {
		g, b := e/8, uint(e%8)
		for j := range ts {
			c := src[e*ts+j]
			for k := range 8 {
				dst[(8*j+k)*rows+g] |= (c >> uint(k) & 1) << b
			}
		}
	}
	copy(dst[n*ts:], src[n*ts:])
}

// bitunshuffle undoes bitshuffle.
func bitunshuffle(dst, src []byte, ts int, version byte) {
	n := bitElems(len(src), ts, version)
	rows := n / 8
	for e := range n {
		g, b := e/8, uint(e%8)
		for j := range ts {
			var c byte
			for k := range 8 {
				c |= (src[(8*j+k)*rows+g] >> b & 1) << uint(k)
			}
			dst[e*ts+j] = c
		}
	}
	copy(dst[n*ts:], src[n*ts:])
}

// bloscEncode writes a Blosc 1 frame (format version 2, as c-blosc 1.x
// writes) of src: blocks compressed with cname (lz4, zstd or zlib), each
// stream stored raw when that does not help, or a memcpyed frame when
// nothing compresses. Like c-blosc 1.x (its forward-compatible split
// mode), lz4 frames of type size 2 to 16 split every whole block into
// typesize streams, one per byte plane after a byte shuffle, which are
// shorter and faster to compress than the block as one stream
// (semantics.md §35, ZS9).
func bloscEncode(src []byte, cname string, level int, sh Shuffle, ts, blocksize int) ([]byte, error) {
	if len(src) > bloscMaxSize {
		return nil, errorf("", "", ErrFormat, "blosc cannot hold %d bytes in one frame", len(src))
	}
	code, ok := bloscCodes[cname]
	if !ok || cname == "blosclz" || cname == "lz4hc" {
		return nil, errorf("", "", ErrUnsupported, "blosc compressor %q can be read but not written; write lz4, zstd or zlib", cname)
	}
	if ts < 1 || ts > 255 {
		ts = 1
	}
	if blocksize <= 0 {
		blocksize = 1 << 18
	}
	unit := 8 * ts
	blocksize = max(unit, blocksize/unit*unit)
	if blocksize > len(src) {
		blocksize = len(src)
	}
	split := code == 1 && ts > 1 && ts <= bloscMaxSplits && blocksize/ts >= bloscMinSplit
	flags := code << 5
	if !split {
		flags |= bloscDontSplit
	}
	switch sh {
	case ByteShuffle:
		if ts > 1 {
			flags |= bloscShuffle
		}
	case BitShuffle:
		flags |= bloscBitShuf
	}
	nblocks := 0
	if blocksize > 0 {
		nblocks = (len(src) + blocksize - 1) / blocksize
	}
	// The frame is built in a pooled buffer big enough for the memcpyed
	// fallback, then copied out at its final size: the caller keeps only
	// the compressed bytes.
	bp := bloscScratch.Get().(*[]byte)
	need := 2*blocksize + bloscHeader + 4*nblocks + len(src) + 4*ts*nblocks
	if cap(*bp) < need {
		*bp = make([]byte, need)
	}
	if need <= bloscPoolMax {
		defer bloscScratch.Put(bp)
	}
	buf := (*bp)[:need]
	tmp, scratch := buf[:blocksize], buf[blocksize:2*blocksize]
	out := buf[2*blocksize : 2*blocksize+bloscHeader+4*nblocks]
	limit := len(src) + bloscHeader // past this, the memcpyed frame is shorter
	for b := range nblocks {
		blk := src[b*blocksize : min(len(src), (b+1)*blocksize)]
		in := blk
		if flags&bloscShuffle != 0 {
			shuffle(tmp[:len(blk)], blk, ts)
			in = tmp[:len(blk)]
		} else if flags&bloscBitShuf != 0 {
			bitshuffle(tmp[:len(blk)], blk, ts, 2)
			in = tmp[:len(blk)]
		}
		binary.LittleEndian.PutUint32(out[bloscHeader+4*b:], uint32(len(out)))
		nsplits := 1
		if split && len(blk) == blocksize {
			nsplits = ts
		}
		part := len(in) / nsplits
		for s := range nsplits {
			stream := in[s*part : (s+1)*part]
			c, err := bloscCompress(code, level, stream, scratch)
			if err != nil {
				return nil, err
			}
			if len(c) == 0 || len(c) >= len(stream) {
				c = stream
			}
			if len(out)+4+len(c) > limit {
				return bloscMemcpy(src, flags, ts, blocksize), nil
			}
			out = binary.LittleEndian.AppendUint32(out, uint32(len(c)))
			out = append(out, c...)
		}
	}
	if nblocks == 0 {
		return bloscMemcpy(src, flags, ts, blocksize), nil
	}
	bloscHead(out, flags, ts, len(src), blocksize)
	return bytes.Clone(out), nil
}

// bloscMemcpy returns the memcpyed frame of src: the header and the bytes
// as they are.
func bloscMemcpy(src []byte, flags byte, ts, blocksize int) []byte {
	out := make([]byte, bloscHeader+len(src))
	copy(out[bloscHeader:], src)
	bloscHead(out, flags|bloscMemcpyed, ts, len(src), blocksize)
	return out
}

// bloscHead writes the 16-byte header of the frame out.
func bloscHead(out []byte, flags byte, ts, nbytes, blocksize int) {
	out[0], out[1], out[2], out[3] = 2, 1, flags, byte(ts)
	binary.LittleEndian.PutUint32(out[4:], uint32(nbytes))
	binary.LittleEndian.PutUint32(out[8:], uint32(blocksize))
	binary.LittleEndian.PutUint32(out[12:], uint32(len(out)))
}

// bloscScratch holds the scratch buffers of bloscEncode; buffers above
// bloscPoolMax bytes (chunks of several MiB) are not kept.
var bloscScratch = sync.Pool{New: func() any { return new([]byte) }}

const bloscPoolMax = 16 << 20

// bloscCompress compresses one stream with the inner compressor code; an
// empty result means "store raw".
func bloscCompress(code byte, level int, in, scratch []byte) ([]byte, error) {
	switch code {
	case 1:
		// Into scratch of the input's size: output that does not fit
		// would not be kept anyway (the block is stored raw).
		buf := scratch[:len(in)]
		c := lz4Compressors.Get().(*lz4.CompressorCCompat)
		c.Acceleration = max(1, 10-level)
		n, err := c.CompressBlock(in, buf)
		lz4Compressors.Put(c)
		if err != nil || n == 0 {
			return nil, nil
		}
		return buf[:n], nil
	case 4:
		return zstdCodec{level: level}.encode(in)
	case 3:
		return flateCodec{level: max(1, level)}.encode(in)
	}
	return nil, nil
}
