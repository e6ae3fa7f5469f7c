package bench

import (
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// BenchmarkPad pads a 1080×1920×3 uint8 HWC image by 16 pixels on both
// spatial axes (np.pad(img, ((16, 16), (16, 16), (0, 0)), mode)), with
// zeros and by reflection: ndview's Pad (a new array, like np.pad), its
// PadInto into a destination allocated once, and the loop a Go programmer
// would write (one pass over the output, a source index per row and per
// pixel, into a new slice). bench/numpy/pad.py times NumPy on the same
// cases.
func BenchmarkPad(b *testing.B) {
	const h, w, c, p = 1080, 1920, 3, 16
	img, src := ramp[uint8](h, w, c)
	widths := [][2]int{{p, p}, {p, p}, {0, 0}}
	oh, ow := h+2*p, w+2*p
	bytes := int64(h*w*c + oh*ow*c)
	for _, tc := range []struct {
		name string
		mode ndview.PadMode
		loop func(dst, src []uint8, h, w, c, p int)
	}{
		{"Constant", ndview.PadMode{}, padConstantLoop},
		{"Reflect", ndview.PadReflect(), padReflectLoop},
	} {
		b.Run(tc.name+"/ndview", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(bytes)
			for b.Loop() {
				if _, err := ndview.Pad(img, widths, tc.mode); err != nil {
					b.Fatal(err)
				}
			}
		})
		dst := ndview.Zeros[uint8](oh, ow, c)
		b.Run(tc.name+"/into", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(bytes)
			for b.Loop() {
				if err := ndview.PadInto(dst, img, widths, tc.mode); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(tc.name+"/loop", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(bytes)
			for b.Loop() {
				out := make([]uint8, oh*ow*c)
				tc.loop(out, src, h, w, c, p)
			}
		})
	}
}

// padConstantLoop writes src (h×w×c) into the centre of dst, bordered by p
// zero pixels; dst is new, so the border is already zero.
//
//go:noinline
func padConstantLoop(dst, src []uint8, h, w, c, p int) {
	ow := w + 2*p
	for y := range h {
		copy(dst[((y+p)*ow+p)*c:((y+p)*ow+p+w)*c], src[y*w*c:(y+1)*w*c])
	}
}

// reflectIndex is NumPy's reflect rule for a border narrower than the
// axis: -1 → 1, n → n-2.
func reflectIndex(i, n int) int {
	if i < 0 {
		return -i
	}
	if i >= n {
		return 2*(n-1) - i
	}
	return i
}

// padReflectLoop writes src (h×w×c) into dst, bordered by p reflected
// pixels: per output row, the source row, then per pixel the source
// pixel.
//
//go:noinline
func padReflectLoop(dst, src []uint8, h, w, c, p int) {
	ow := w + 2*p
	for y := range h + 2*p {
		srow := src[reflectIndex(y-p, h)*w*c:][:w*c]
		drow := dst[y*ow*c:][:ow*c]
		for x := range ow {
			sx := reflectIndex(x-p, w) * c
			copy(drow[x*c:x*c+c], srow[sx:sx+c])
		}
	}
}
