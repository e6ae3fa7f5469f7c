package ndview

import (
	"github.com/ndkit/ndkit/ndview/internal/kernels"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Scaling conversion: Convert with an affine map on the way, the one pass
// that turns image bytes into model input (NumPy's
// (img.transpose(2, 0, 1) / 255).astype(np.float32)).
//
// It walks the plan of Convert (planConvert, eachRow) with two kinds of
// row kernels:
//   - 8-bit sources take a table: the 256 results are computed once per
//     call, as below, and each element is one lookup (rowLookup). The
//     table holds the destination's bits, so its kernels depend only on
//     the destination's size. The channels of interleaved pixels going to
//     float32 planes (an image to CHW) are read a pixel at a time
//     (lookupPlanar); Convert takes that path too.
//   - Any other source converts a chunk of a row into a float64 buffer
//     with Convert's row kernels (loadF64), scales it, and converts it into
//     the destination with Convert's row kernels again (storeF64), so that
//     every value goes through exactly the conversions Convert makes. Both
//     complex go through complex128 instead. The kernels are called
//     directly, dispatched per chunk on the element kinds, so that the
//     buffer and the table stay on the stack.

// ConvertScaledInto writes src·scale + offset, converted element by element to
// U, into dst: NumPy's np.copyto(dst, src*scale + offset,
// casting="unsafe") with the arithmetic in float64, or
// (src*scale + offset).astype(U) into a preallocated view. It takes the
// paths of Convert: src is broadcast to dst's shape (semantics.md W1), any
// strides work on either side, and when src and dst share memory the
// result is as if src had first been copied to a temporary (which
// ConvertScaledInto then allocates); otherwise it allocates only for the
// goroutines that share a large conversion, as Convert does.
//
// Each element x becomes:
//
//	v := float64(x)             // as Convert converts to float64: float16 exactly,
//	                            // complex to its real part, 64-bit integers rounded
//	r := float64(v*scale) + offset // two roundings, never a fused multiply-add
//	dst = U(r)                  // as Convert converts float64 to U
//
// When both types are complex, the real part is scaled and offset and the
// imaginary part scaled, in complex128. So 8-bit pixels become floats in
// [0, 1] with scale 1/255 (exactly the float32 nearest to x/255), and
// floats in [0, 1] become bytes, rounded, with scale 255 and offset 0.5.
// With scale 1 and offset 0 the result equals Convert's whenever float64
// holds every value of T (every type but 64-bit integers).
//
// ConvertScaledInto panics with an error wrapping ErrReadOnly when dst is
// read-only, and ErrShape when src cannot be broadcast to dst's shape.
func ConvertScaledInto[U, T Numeric](dst NDView[U], src NDView[T], scale, offset float64) {
	var p plan.Plan
	src, w := planConvert("ConvertScaled", &p, &dst, src)
	if w == 0 {
		return
	}
	kd, d := mem.InfoOf[U]().Kind, mem.Erase(dst.data)
	ks, s := mem.InfoOf[T]().Kind, mem.Erase(src.data)
	if isByteKind(ks) && p.Size >= lookupMinSize {
		lookupConvert[U](kd, d, ks, s, &p, w, scale, offset)
		return
	}
	if w > 1 {
		plan.Parallel(&p, w, func(part *plan.Plan) { scaledRaw(kd, d, ks, s, part, scale, offset) })
		return
	}
	scaledRaw(kd, d, ks, s, &p, scale, offset)
}

// isByteKind reports whether k is an 8-bit integer kind.
func isByteKind(k mem.Kind) bool { return k == mem.Uint8 || k == mem.Int8 }

// lookupConvert writes the 8-bit source s (of kind ks) into d (of kind kd,
// elements U) along p, on w goroutines, through a table of the 256 values
// x·scale + offset. The table stays on the stack; the goroutines share a
// copy.
func lookupConvert[U any](kd mem.Kind, d mem.Raw, ks mem.Kind, s mem.Raw, p *plan.Plan, w int, scale, offset float64) {
	var tab [256]U
	scaledTable(kd, mem.Erase(tab[:]), ks, scale, offset)
	if w > 1 {
		shared := tab
		plan.Parallel(p, w, func(part *plan.Plan) { lookupRaw(kd, d, s, mem.Erase(shared[:]), part) })
		return
	}
	lookupRaw(kd, d, s, mem.Erase(tab[:]), p)
}

// lookupMinSize is the size of conversion from which 8-bit sources go
// through a table: below it, computing the 256 entries costs more than
// converting the elements (BenchmarkConvertScaled). A variable, so that
// tests can force either path.
var lookupMinSize = 512

// byteValues holds every byte value in order: the sources of the tables.
var byteValues = func() (b [256]uint8) {
	for i := range b {
		b[i] = uint8(i)
	}
	return b
}()

// scaledTable fills tab, 256 elements of kind kd, with the results for
// every 8-bit source value of kind ks, indexed by the source's byte.
func scaledTable(kd mem.Kind, tab mem.Raw, ks mem.Kind, scale, offset float64) {
	var buf [256]float64
	loadF64(buf[:], ks, mem.Erase(byteValues[:]), 0, 1)
	scaleF64(buf[:], scale, offset)
	storeF64(kd, tab, 0, 1, buf[:])
}

// lookupRaw writes tab[s[i]] into d along p; tab holds 256 elements of
// d's kind.
func lookupRaw(kd mem.Kind, d, s, tab mem.Raw, p *plan.Plan) {
	switch kd {
	case mem.Int8, mem.Uint8:
		lookupRows(p, mem.As[uint8](d), mem.As[uint8](s), mem.As[uint8](tab))
	case mem.Int16, mem.Uint16, mem.Float16:
		lookupRows(p, mem.As[uint16](d), mem.As[uint8](s), mem.As[uint16](tab))
	case mem.Int32, mem.Uint32, mem.Float32:
		if h, ss, ok := planarChannels(p); ok {
			lookupPlanar(p, mem.As[uint32](d), mem.As[uint8](s), mem.As[uint32](tab), h, ss)
			return
		}
		lookupRows(p, mem.As[uint32](d), mem.As[uint8](s), mem.As[uint32](tab))
	case mem.Int64, mem.Uint64, mem.Float64:
		lookupRows(p, mem.As[uint64](d), mem.As[uint8](s), mem.As[uint64](tab))
	case mem.Complex64:
		lookupRows(p, mem.As[complex64](d), mem.As[uint8](s), mem.As[complex64](tab))
	case mem.Complex128:
		lookupRows(p, mem.As[complex128](d), mem.As[uint8](s), mem.As[complex128](tab))
	}
}

// lookupRows calls rowLookup on every row of p (eachRow) through the
// 256-element table tab.
func lookupRows[D any](p *plan.Plan, d []D, s []uint8, tab []D) {
	t := (*[256]D)(tab)
	_, ds := p.Inner(0)
	_, ss := p.Inner(1)
	p.EachRow(func(off [plan.MaxOperands]int, n int) {
		rowLookup(d, off[0], ds, s, off[1], ss, n, t)
	})
}

// planarChannels reports whether the 8-bit source of p, prepared by
// rowTiles, is walked in strips of h channels one byte apart, of pixels
// ss bytes apart (3 <= h <= ss <= 4: RGB, RGBA, or RGB of RGBA), into
// planes of contiguous rows: the channels of an interleaved image going
// to CHW, which lookupPlanar reads a pixel at a time.
func planarChannels(p *plan.Plan) (h, ss int, ok bool) {
	r := p.Rank
	_, ds := p.Inner(0)
	_, ss = p.Inner(1)
	h = p.TH
	return h, ss, h >= 3 && h <= ss && ss <= 4 && ds == 1 && p.St[1][r-2] == 1
}

// lookupPlanar writes the strips of planarChannels through the table tab
// of 4-byte elements: the float32 tensors of ML preprocessing. (Generic
// over the element size, the loops below run out of registers and lose a
// tenth of their speed.)
func lookupPlanar(p *plan.Plan, d []uint32, s []uint8, tab []uint32, h, ss int) {
	t := (*[256]uint32)(tab)
	dm := p.St[0][p.Rank-2]
	w := p.WalkTiles(h, p.Dim[p.Rank-1]) // bands of whole rows: no tile to cut
	for w.Next(p) {
		planarStrip(d, w.Off[0], dm, s, w.Off[1], ss, h, w.W, t)
	}
}

// planarStrip sets d[di + c·dm + i] = tab[s[si + i·ss + c]] for channels
// c < h and pixels i < n (planarChannels) into h planes dm apart. The
// loops over four pixels at a time read them as 8-byte words, so that
// loads are few, and stop before a word could pass the end of the source
// (a view whose last pixel lacks its alpha byte); the pixels left are
// read byte by byte.
func planarStrip(d []uint32, di, dm int, s []uint8, si, ss, h, n int, tab *[256]uint32) {
	in := s[si : si+(n-1)*ss+h]
	d0 := d[di : di+n]
	d1 := d[di+dm : di+dm+n]
	d2 := d[di+2*dm : di+2*dm+n]
	var d3 []uint32
	i := 0
	switch {
	case ss == 3:
		i = planarRGB(d0, d1, d2, in, tab)
	case h == 3:
		i = planarRGBOfRGBA(d0, d1, d2, in, tab)
	default:
		d3 = d[di+3*dm : di+3*dm+n]
		i = planarRGBA(d0, d1, d2, d3, in, tab)
	}
	for ; i < n; i++ {
		q := in[ss*i : ss*i+h : ss*i+h]
		d0[i], d1[i], d2[i] = tab[q[0]], tab[q[1]], tab[q[2]]
		if h == 4 {
			d3[i] = tab[q[3]]
		}
	}
}

// planarRGB is planarStrip for 3 channels of 3-byte pixels, four pixels
// at a time; it returns the pixels done.
//
// The planar loops spell their little-endian words out byte by byte (one
// load each for the compiler): through binary.LittleEndian or a helper,
// the compiler of Go 1.26 spilled registers in the loop, and the loop lost
// a third of its speed (BenchmarkConvertScaled).
func planarRGB(d0, d1, d2 []uint32, in []uint8, tab *[256]uint32) int {
	m := min(len(d0), len(in)/3) // pixels whose 3 bytes lie in in
	d0, d1, d2, in = d0[:m], d1[:m], d2[:m], in[:3*m]
	i := 0
	for ; i+4 <= len(d0); i += 4 {
		q := in[3*i : 3*i+12 : 3*i+12]
		a, b, c := d0[i:i+4:i+4], d1[i:i+4:i+4], d2[i:i+4:i+4]
		x := uint64(q[0]) | uint64(q[1])<<8 | uint64(q[2])<<16 | uint64(q[3])<<24 | uint64(q[4])<<32 | uint64(q[5])<<40 | uint64(q[6])<<48 | uint64(q[7])<<56
		y := uint32(q[8]) | uint32(q[9])<<8 | uint32(q[10])<<16 | uint32(q[11])<<24
		a[0], b[0], c[0] = tab[uint8(x)], tab[uint8(x>>8)], tab[uint8(x>>16)]
		a[1], b[1], c[1] = tab[uint8(x>>24)], tab[uint8(x>>32)], tab[uint8(x>>40)]
		a[2], b[2], c[2] = tab[uint8(x>>48)], tab[uint8(x>>56)], tab[uint8(y)]
		a[3], b[3], c[3] = tab[uint8(y>>8)], tab[uint8(y>>16)], tab[uint8(y>>24)]
	}
	return i
}

// planarRGBOfRGBA is planarStrip for 3 channels of 4-byte pixels.
func planarRGBOfRGBA(d0, d1, d2 []uint32, in []uint8, tab *[256]uint32) int {
	m := min(len(d0), len(in)/4) // pixels whose 4 bytes lie in in
	d0, d1, d2, in = d0[:m], d1[:m], d2[:m], in[:4*m]
	i := 0
	for ; i+4 <= len(d0); i += 4 {
		q := in[4*i : 4*i+16 : 4*i+16]
		a, b, c := d0[i:i+4:i+4], d1[i:i+4:i+4], d2[i:i+4:i+4]
		x := uint64(q[0]) | uint64(q[1])<<8 | uint64(q[2])<<16 | uint64(q[3])<<24 | uint64(q[4])<<32 | uint64(q[5])<<40 | uint64(q[6])<<48 | uint64(q[7])<<56
		y := uint64(q[8]) | uint64(q[9])<<8 | uint64(q[10])<<16 | uint64(q[11])<<24 | uint64(q[12])<<32 | uint64(q[13])<<40 | uint64(q[14])<<48 | uint64(q[15])<<56
		a[0], b[0], c[0] = tab[uint8(x)], tab[uint8(x>>8)], tab[uint8(x>>16)]
		a[1], b[1], c[1] = tab[uint8(x>>32)], tab[uint8(x>>40)], tab[uint8(x>>48)]
		a[2], b[2], c[2] = tab[uint8(y)], tab[uint8(y>>8)], tab[uint8(y>>16)]
		a[3], b[3], c[3] = tab[uint8(y>>32)], tab[uint8(y>>40)], tab[uint8(y>>48)]
	}
	return i
}

// planarRGBA is planarStrip for 4 channels of 4-byte pixels.
func planarRGBA(d0, d1, d2, d3 []uint32, in []uint8, tab *[256]uint32) int {
	m := min(len(d0), len(in)/4)
	d0, d1, d2, d3, in = d0[:m], d1[:m], d2[:m], d3[:m], in[:4*m]
	i := 0
	for ; i+4 <= len(d0); i += 4 {
		q := in[4*i : 4*i+16 : 4*i+16]
		a, b, c, e := d0[i:i+4:i+4], d1[i:i+4:i+4], d2[i:i+4:i+4], d3[i:i+4:i+4]
		x := uint64(q[0]) | uint64(q[1])<<8 | uint64(q[2])<<16 | uint64(q[3])<<24 | uint64(q[4])<<32 | uint64(q[5])<<40 | uint64(q[6])<<48 | uint64(q[7])<<56
		y := uint64(q[8]) | uint64(q[9])<<8 | uint64(q[10])<<16 | uint64(q[11])<<24 | uint64(q[12])<<32 | uint64(q[13])<<40 | uint64(q[14])<<48 | uint64(q[15])<<56
		a[0], b[0], c[0], e[0] = tab[uint8(x)], tab[uint8(x>>8)], tab[uint8(x>>16)], tab[uint8(x>>24)]
		a[1], b[1], c[1], e[1] = tab[uint8(x>>32)], tab[uint8(x>>40)], tab[uint8(x>>48)], tab[uint8(x>>56)]
		a[2], b[2], c[2], e[2] = tab[uint8(y)], tab[uint8(y>>8)], tab[uint8(y>>16)], tab[uint8(y>>24)]
		a[3], b[3], c[3], e[3] = tab[uint8(y>>32)], tab[uint8(y>>40)], tab[uint8(y>>48)], tab[uint8(y>>56)]
	}
	return i
}

// rowLookup sets d[di + i·ds] = tab[s[si + i·ss]] for i < n. Rows of
// contiguous destination take several elements per step, with one bounds
// check for their source bytes when these are contiguous or every second,
// third or fourth byte (the channels of an interleaved image).
func rowLookup[D any](d []D, di, ds int, s []uint8, si, ss, n int, tab *[256]D) {
	if ds != 1 {
		for ; n > 0; n-- {
			d[di] = tab[s[si]]
			di, si = di+ds, si+ss
		}
		return
	}
	d = d[di : di+n]
	i := 0
	switch ss {
	case 1:
		for k, x := range s[si : si+n] {
			d[k] = tab[x]
		}
		return
	case 2:
		for ; i+4 <= len(d); i += 4 {
			q := s[si : si+7 : si+7]
			o := d[i : i+4 : i+4]
			o[0], o[1], o[2], o[3] = tab[q[0]], tab[q[2]], tab[q[4]], tab[q[6]]
			si += 8
		}
	case 3:
		for ; i+8 <= len(d); i += 8 {
			q := s[si : si+22 : si+22]
			o := d[i : i+8 : i+8]
			o[0], o[1], o[2], o[3] = tab[q[0]], tab[q[3]], tab[q[6]], tab[q[9]]
			o[4], o[5], o[6], o[7] = tab[q[12]], tab[q[15]], tab[q[18]], tab[q[21]]
			si += 24
		}
	case 4:
		for ; i+8 <= len(d); i += 8 {
			q := s[si : si+29 : si+29]
			o := d[i : i+8 : i+8]
			o[0], o[1], o[2], o[3] = tab[q[0]], tab[q[4]], tab[q[8]], tab[q[12]]
			o[4], o[5], o[6], o[7] = tab[q[16]], tab[q[20]], tab[q[24]], tab[q[28]]
			si += 32
		}
	}
	for ; i < len(d); i++ {
		d[i] = tab[s[si]]
		si += ss
	}
}

// scaleChunk is the number of elements converted through the buffer of
// scaledRaw at a time: the buffer stays in L1.
const scaleChunk = 128

// scaledRaw writes s (of kind ks) scaled into d (of kind kd) along p,
// through a buffer: each chunk of a row is loaded (loadF64), scaled and
// stored (storeF64). Between complex kinds the buffer is complex128.
func scaledRaw(kd mem.Kind, d mem.Raw, ks mem.Kind, s mem.Raw, p *plan.Plan, scale, offset float64) {
	_, ds := p.Inner(0)
	_, ss := p.Inner(1)
	if isComplexKind(kd) && isComplexKind(ks) {
		var buf [scaleChunk]complex128
		p.EachRow(func(off [plan.MaxOperands]int, n int) {
			for di, si := off[0], off[1]; n > 0; {
				c := buf[:min(n, scaleChunk)]
				loadC128(c, ks, s, si, ss)
				for i, z := range c {
					c[i] = complex(float64(real(z)*scale)+offset, imag(z)*scale)
				}
				storeC128(kd, d, di, ds, c)
				n, di, si = n-len(c), di+len(c)*ds, si+len(c)*ss
			}
		})
		return
	}
	var buf [scaleChunk]float64
	p.EachRow(func(off [plan.MaxOperands]int, n int) {
		for di, si := off[0], off[1]; n > 0; {
			c := buf[:min(n, scaleChunk)]
			loadF64(c, ks, s, si, ss)
			scaleF64(c, scale, offset)
			storeF64(kd, d, di, ds, c)
			n, di, si = n-len(c), di+len(c)*ds, si+len(c)*ss
		}
	})
}

// scaleF64 sets each v of c to float64(v·scale) + offset: two roundings,
// never fused.
func scaleF64(c []float64, scale, offset float64) {
	for i, v := range c {
		c[i] = float64(v*scale) + offset
	}
}

// isComplexKind reports whether k is a complex kind.
func isComplexKind(k mem.Kind) bool { return k == mem.Complex64 || k == mem.Complex128 }

// loadF64 converts the elements s[si], s[si+ss], … of kind ks into c, as
// ConvertInto converts them to float64.
func loadF64(c []float64, ks mem.Kind, s mem.Raw, si, ss int) {
	kernels.ConvertRow(mem.Float64, mem.Erase(c), 0, 1, ks, s, si, ss, len(c))
}

// storeF64 converts c into the elements d[di], d[di+ds], … of kind kd, as
// ConvertInto converts float64 to that kind.
func storeF64(kd mem.Kind, d mem.Raw, di, ds int, c []float64) {
	kernels.ConvertRow(kd, d, di, ds, mem.Float64, mem.Erase(c), 0, 1, len(c))
}

// loadC128 is loadF64 from a complex kind into complex128.
func loadC128(c []complex128, ks mem.Kind, s mem.Raw, si, ss int) {
	kernels.ConvertRow(mem.Complex128, mem.Erase(c), 0, 1, ks, s, si, ss, len(c))
}

// storeC128 is storeF64 from complex128 into a complex kind.
func storeC128(kd mem.Kind, d mem.Raw, di, ds int, c []complex128) {
	kernels.ConvertRow(kd, d, di, ds, mem.Complex128, mem.Erase(c), 0, 1, len(c))
}
