package kernels

// The narrow storage floats (semantics.md §26): bfloat16 and the two OCP
// float8 formats. Convert dispatches a pair of kinds of which one is
// narrow here (ConvertNarrow): the common pairs with float32 and float64
// have row kernels of their own; every other pair goes through float32
// in chunks (viaF32), which is exact for every narrow value and rounds as
// PyTorch rounds into a narrow float: to float32 first.

import (
	"math"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/float8"
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
	"github.com/ndkit/ndkit/ndview/internal/simd"
)

// ConvertNarrow converts the elements of s, of kind ks, into d, of kind
// kd, along the simplified two-operand plan p, when kd or ks is narrow
// (mem.Kind.IsNarrow); elements of one kind are copied bit for bit. Like
// Convert, it does nothing for kinds that are not numbers and for Bool.
func ConvertNarrow(kd mem.Kind, d mem.Raw, ks mem.Kind, s mem.Raw, p *plan.Plan) {
	switch {
	case kd == ks && kd == mem.BFloat16:
		EachRow(p, mem.As[uint16](d), mem.As[uint16](s), CopyRow[uint16])
	case kd == ks:
		EachRow(p, mem.As[uint8](d), mem.As[uint8](s), CopyRow[uint8])
	case kd == mem.Float32 && ks == mem.BFloat16:
		EachRow(p, mem.As[uint32](d), mem.As[uint16](s), BF16ToF32Row)
	case kd == mem.BFloat16 && ks == mem.Float32:
		EachRow(p, mem.As[uint16](d), mem.As[float32](s), F32ToBF16Row)
	case kd == mem.BFloat16 && ks == mem.Float64:
		EachRow(p, mem.As[uint16](d), mem.As[float64](s), F64ToBF16Row)
	case kd == mem.Float32 && (ks == mem.Float8E4M3FN || ks == mem.Float8E5M2):
		tab := f8Tables[ks-mem.Float8E4M3FN]
		EachRow(p, mem.As[float32](d), mem.As[uint8](s), func(d []float32, di, ds int, s []uint8, si, ss, n int) {
			LookupF8Row(d, di, ds, s, si, ss, n, tab)
		})
	case kd == mem.Bool || ks == mem.Bool || kd < mem.Bool || ks < mem.Bool:
	default:
		viaF32(kd, d, ks, s, p)
	}
}

// f8Table returns the float32 values of the 256 codes of float8 kind k.
func f8Table(k mem.Kind) *[256]float32 {
	var t [256]float32
	for c := range t {
		if k == mem.Float8E4M3FN {
			t[c] = float8.E4M3FN(c).Float32()
		} else {
			t[c] = float8.E5M2(c).Float32()
		}
	}
	return &t
}

// BF16ToF32Row converts the n bfloat16 elements s[si], s[si+ss], … into
// the float32 bits d[di], d[di+ds], …, exactly: each is its bits followed
// by 16 zero bits. Contiguous rows run vector code (simd.BF16ToF32,
// semantics.md §33, VK8) and finish here.
func BF16ToF32Row(d []uint32, di, ds int, s []uint16, si, ss, n int) {
	if ds == 1 && ss == 1 {
		s = s[si : si+n]
		d = d[di : di+len(s)]
		k := simd.BF16ToF32(d, s)
		s, d = s[k:], d[k:]
		for i, x := range s {
			d[i] = uint32(x) << 16
		}
		return
	}
	for ; n > 0; n-- {
		d[di] = uint32(s[si]) << 16
		di, si = di+ds, si+ss
	}
}

// F32ToBF16Row converts the n float32 elements s[si], s[si+ss], … into
// bfloat16 bits d[di], d[di+ds], …, to nearest, ties to even
// (bfloat16.FromFloat32). Contiguous rows run vector code
// (simd.F32ToBF16, semantics.md §33, VK8) and finish here.
func F32ToBF16Row(d []uint16, di, ds int, s []float32, si, ss, n int) {
	if ds == 1 && ss == 1 {
		s = s[si : si+n]
		d = d[di : di+len(s)]
		k := simd.F32ToBF16(d, as[uint32](s))
		s, d = s[k:], d[k:]
		for i, x := range s {
			d[i] = uint16(bfloat16.FromFloat32(x))
		}
		return
	}
	for ; n > 0; n-- {
		d[di] = uint16(bfloat16.FromFloat32(s[si]))
		di, si = di+ds, si+ss
	}
}

// F64ToBF16Row converts the n float64 elements s[si], s[si+ss], … into
// bfloat16 bits d[di], d[di+ds], …, through float32 as PyTorch does
// (bfloat16.FromFloat64).
func F64ToBF16Row(d []uint16, di, ds int, s []float64, si, ss, n int) {
	if ds == 1 && ss == 1 {
		s = s[si : si+n]
		d = d[di : di+len(s)]
		for i, x := range s {
			d[i] = uint16(bfloat16.FromFloat32(float32(x)))
		}
		return
	}
	for ; n > 0; n-- {
		d[di] = uint16(bfloat16.FromFloat32(float32(s[si])))
		di, si = di+ds, si+ss
	}
}

// LookupF8Row writes the float32 values tab[s[si]], tab[s[si+ss]], … of n
// float8 codes into d[di], d[di+ds], ….
func LookupF8Row(d []float32, di, ds int, s []uint8, si, ss, n int, tab *[256]float32) {
	if ds == 1 && ss == 1 {
		s = s[si : si+n]
		d = d[di : di+len(s)]
		for i, x := range s {
			d[i] = tab[x]
		}
		return
	}
	for ; n > 0; n-- {
		d[di] = tab[s[si]]
		di, si = di+ds, si+ss
	}
}

// chunk is the number of elements viaF32 converts at a time.
const chunk = 256

// viaF32 converts the elements of s, of kind ks, into d, of kind kd, along
// p, through float32 chunks: loadF32 reads a chunk of a row into float32,
// storeF32 writes it out. One of the kinds is narrow, so the float32 step
// is exact on the narrow side and is PyTorch's rounding on the other.
func viaF32(kd mem.Kind, d mem.Raw, ks mem.Kind, s mem.Raw, p *plan.Plan) {
	_, ds := p.Inner(0)
	_, ss := p.Inner(1)
	var buf [chunk]float32
	p.EachRow(func(off [plan.MaxOperands]int, n int) {
		di, si := off[0], off[1]
		for n > 0 {
			m := min(n, chunk)
			loadF32(buf[:m], ks, s, si, ss)
			storeF32(kd, d, di, ds, buf[:m])
			n, di, si = n-m, di+m*ds, si+m*ss
		}
	})
}

// loadF32 sets b[i] to the float32 value of element si+i·ss of s, of kind
// k: exact for the narrow kinds and float16, rounded to nearest even for
// wider numbers; complex numbers give their real part.
func loadF32(b []float32, k mem.Kind, s mem.Raw, si, ss int) {
	switch k {
	case mem.Int8:
		loadRow(b, mem.As[int8](s), si, ss)
	case mem.Int16:
		loadRow(b, mem.As[int16](s), si, ss)
	case mem.Int32:
		loadRow(b, mem.As[int32](s), si, ss)
	case mem.Int64:
		loadRow(b, mem.As[int64](s), si, ss)
	case mem.Uint8:
		loadRow(b, mem.As[uint8](s), si, ss)
	case mem.Uint16:
		loadRow(b, mem.As[uint16](s), si, ss)
	case mem.Uint32:
		loadRow(b, mem.As[uint32](s), si, ss)
	case mem.Uint64:
		loadRow(b, mem.As[uint64](s), si, ss)
	case mem.Float32:
		loadRow(b, mem.As[float32](s), si, ss)
	case mem.Float64:
		loadRow(b, mem.As[float64](s), si, ss)
	case mem.Complex64:
		c := mem.As[complex64](s)
		for i := range b {
			b[i] = real(c[si+i*ss])
		}
	case mem.Complex128:
		c := mem.As[complex128](s)
		for i := range b {
			b[i] = float32(real(c[si+i*ss]))
		}
	case mem.Float16:
		tab, h := F16Table(), mem.As[uint16](s)
		for i := range b {
			b[i] = tab[h[si+i*ss]]
		}
	case mem.BFloat16:
		h := mem.As[uint16](s)
		for i := range b {
			b[i] = math.Float32frombits(uint32(h[si+i*ss]) << 16)
		}
	case mem.Float8E4M3FN, mem.Float8E5M2:
		LookupF8Row(b, 0, 1, mem.As[uint8](s), si, ss, len(b), f8Tables[k-mem.Float8E4M3FN])
	}
}

// f8Tables holds the float32 values of the codes of E4M3FN and E5M2.
var f8Tables = [2]*[256]float32{f8Table(mem.Float8E4M3FN), f8Table(mem.Float8E5M2)}

// loadRow sets b[i] to float32(s[si+i·ss]).
func loadRow[S fixedReal](b []float32, s []S, si, ss int) {
	for i := range b {
		b[i] = float32(s[si+i*ss])
	}
}

// storeF32 writes b[i] into element di+i·ds of d, of kind k: as Go
// converts float32 for the real kinds (truncation toward zero into
// integers), to nearest even for float16 and the narrow kinds, with
// imaginary part 0 into complex numbers.
func storeF32(k mem.Kind, d mem.Raw, di, ds int, b []float32) {
	switch k {
	case mem.Int8:
		storeRow(mem.As[int8](d), di, ds, b)
	case mem.Int16:
		storeRow(mem.As[int16](d), di, ds, b)
	case mem.Int32:
		storeRow(mem.As[int32](d), di, ds, b)
	case mem.Int64:
		storeRow(mem.As[int64](d), di, ds, b)
	case mem.Uint8:
		storeRow(mem.As[uint8](d), di, ds, b)
	case mem.Uint16:
		storeRow(mem.As[uint16](d), di, ds, b)
	case mem.Uint32:
		storeRow(mem.As[uint32](d), di, ds, b)
	case mem.Uint64:
		storeRow(mem.As[uint64](d), di, ds, b)
	case mem.Float32:
		storeRow(mem.As[float32](d), di, ds, b)
	case mem.Float64:
		storeRow(mem.As[float64](d), di, ds, b)
	case mem.Complex64:
		c := mem.As[complex64](d)
		for i, x := range b {
			c[di+i*ds] = complex(x, 0)
		}
	case mem.Complex128:
		c := mem.As[complex128](d)
		for i, x := range b {
			c[di+i*ds] = complex(float64(x), 0)
		}
	case mem.Float16:
		h := mem.As[uint16](d)
		for i, x := range b {
			h[di+i*ds] = F32ToF16(x)
		}
	case mem.BFloat16:
		h := mem.As[uint16](d)
		for i, x := range b {
			h[di+i*ds] = uint16(bfloat16.FromFloat32(x))
		}
	case mem.Float8E4M3FN:
		q := mem.As[uint8](d)
		for i, x := range b {
			q[di+i*ds] = uint8(float8.E4M3FNFromFloat32(x))
		}
	case mem.Float8E5M2:
		q := mem.As[uint8](d)
		for i, x := range b {
			q[di+i*ds] = uint8(float8.E5M2FromFloat32(x))
		}
	}
}

// storeRow sets d[di+i·ds] to D(b[i]).
func storeRow[D fixedReal](d []D, di, ds int, b []float32) {
	for i, x := range b {
		d[di+i*ds] = D(x)
	}
}
