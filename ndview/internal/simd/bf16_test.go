package simd

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/bfloat16"
)

// TestBF16AllCodes converts all 65,536 bfloat16 codes to float32, and
// back every float32 that decides a rounding (each bfloat16 value, its
// float32 neighbours, the midpoints to the next value and just beside
// them, NaNs with every leading payload), bit for bit against package
// bfloat16's scalar conversions, under every level (semantics.md §33, VK8).
func TestBF16AllCodes(t *testing.T) {
	codes := make([]uint16, 1<<16)
	for i := range codes {
		codes[i] = uint16(i)
	}
	var fs []uint32
	for c := range uint32(1 << 16) {
		u := c << 16
		mid := u | 0x8000
		fs = append(fs, u, u+1, u-1, mid, mid-1, mid+1)
	}
	for _, lvl := range []string{"AVX2", "AVX-512", "none"} {
		restore, ok := Use(lvl)
		if !ok {
			continue
		}
		d := make([]uint32, len(codes))
		k := BF16ToF32(d, codes)
		if lvl != "none" && k != len(codes) {
			t.Fatalf("%s: BF16ToF32 converted %d of %d", lvl, k, len(codes))
		}
		for i := range k {
			if want := math.Float32bits(bfloat16.BFloat16(codes[i]).Float32()); d[i] != want {
				t.Fatalf("%s: BF16ToF32(%#x) = %#x, want %#x", lvl, codes[i], d[i], want)
			}
		}
		h := make([]uint16, len(fs))
		k = F32ToBF16(h, fs)
		if lvl != "none" && k != len(fs) {
			t.Fatalf("%s: F32ToBF16 converted %d of %d", lvl, k, len(fs))
		}
		for i := range k {
			if want := uint16(bfloat16.FromFloat32(math.Float32frombits(fs[i]))); h[i] != want {
				t.Fatalf("%s: F32ToBF16(%#x) = %#x, want %#x", lvl, fs[i], h[i], want)
			}
		}
		restore()
	}
}

// TestBF16Lengths runs both conversions on every length up to 80 and
// random lengths up to 1000 at unaligned starts: the kernels touch only
// whole vectors inside d and leave the rest of d as it was.
func TestBF16Lengths(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 19))
	for _, lvl := range []string{"AVX2", "AVX-512"} {
		restore, ok := Use(lvl)
		if !ok {
			continue
		}
		for trial := range 200 {
			n := trial
			if trial > 80 {
				n = r.IntN(1001)
			}
			off := r.IntN(16)
			s := make([]uint32, off+n+16)
			for i := range s {
				s[i] = r.Uint32()
			}
			d := make([]uint16, off+n+16)
			for i := range d {
				d[i] = 0xdead
			}
			k := F32ToBF16(d[off:off+n], s[off:])
			checkVec(t, lvl+" F32ToBF16", k, n, 0)
			for i := range d {
				want := uint16(0xdead)
				if i >= off && i < off+k {
					want = uint16(bfloat16.FromFloat32(math.Float32frombits(s[i])))
				}
				if d[i] != want {
					t.Fatalf("%s: F32ToBF16 n=%d off=%d: d[%d] = %#x, want %#x", lvl, n, off, i, d[i], want)
				}
			}
			if n-k >= 16 {
				t.Fatalf("%s: F32ToBF16 left %d of %d", lvl, n-k, n)
			}
			h := make([]uint16, off+n)
			for i := range h {
				h[i] = uint16(r.Uint32())
			}
			w := make([]uint32, off+n+16)
			k = BF16ToF32(w[off:off+n], h[off:])
			checkVec(t, lvl+" BF16ToF32", k, n, 0)
			for i := range w {
				var want uint32
				if i >= off && i < off+k {
					want = uint32(h[i]) << 16
				}
				if w[i] != want {
					t.Fatalf("%s: BF16ToF32 n=%d off=%d: w[%d] = %#x, want %#x", lvl, n, off, i, w[i], want)
				}
			}
			if n-k >= 16 {
				t.Fatalf("%s: BF16ToF32 left %d of %d", lvl, n-k, n)
			}
		}
		restore()
	}
}
