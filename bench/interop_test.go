package bench

import (
	"fmt"
	"image"
	"math"
	"testing"

	"github.com/ndkit/ndkit/interop"
	"github.com/ndkit/ndkit/ndview"
)

// Benchmarks of package interop: the adapters are O(1), so they report
// nanoseconds and allocations, not bandwidth (they read and write no
// element; the copy baseline shows what copying the pixels would cost).
// The ML preprocessing benchmark reports the bandwidth of each way to turn
// an RGBA image into a CHW float32 tensor.

// interopSizes are the image sizes: a thumbnail, a typical model input
// and 4K UHD.
var interopSizes = []struct{ w, h int }{{64, 64}, {640, 480}, {3840, 2160}}

// interopRGBA returns a w×h RGBA image with a fixed pattern of pixels.
func interopRGBA(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i*7 + i/4097)
	}
	return img
}

func BenchmarkFromImage(b *testing.B) {
	for _, sz := range interopSizes {
		img := interopRGBA(sz.w, sz.h)
		name := fmt.Sprintf("%dx%d", sz.w, sz.h)
		b.Run(name+"/ndview", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := interop.FromImage(img); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/builtin", func(b *testing.B) { // copying the pixels out
			dst := make([]uint8, len(img.Pix))
			b.ReportAllocs()
			b.SetBytes(int64(2 * len(img.Pix)))
			for b.Loop() {
				copy(dst, img.Pix)
			}
		})
	}
}

func BenchmarkAsRGBA(b *testing.B) {
	for _, sz := range interopSizes {
		v, err := interop.FromImage(interopRGBA(sz.w, sz.h))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("%dx%d/ndview", sz.w, sz.h), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := interop.AsRGBA(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAsDense(b *testing.B) {
	for _, n := range []int{4, 1024} {
		v := ndview.Zeros[float64](n, n)
		b.Run(fmt.Sprintf("%d/ndview", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := interop.AsDense(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// convertScaled writes src's elements times scale into dst as float32,
// both 3-D of one shape, any strides. The last axis is innermost; of the
// other two, the one with the larger source stride is outermost, so that
// a source row is read while it is in cache (for a CHW view of an HWC
// image: each image row once for its three channels).
//
// With scale 1 it stands in for ndview.Convert(dst, src), which is not
// available yet: once it is, replace the call convertScaled(dst, chw, 1)
// in chwViews by ndview.Convert(dst, chw). chwOnePass passes the scale to
// show what a conversion that also scales (one pass instead of two) costs.
func convertScaled(dst ndview.NDView[float32], src ndview.NDView[uint8], scale float32) {
	d, err := dst.Data()
	if err != nil {
		panic(err)
	}
	s, err := src.Data()
	if err != nil {
		panic(err)
	}
	sh, ds, ss := dst.Shape(), dst.Strides(), src.Strides()
	outer, mid := 0, 1
	if interopAbs(ss[1]) > interopAbs(ss[0]) {
		outer, mid = 1, 0
	}
	n := sh[2]
	for a := range sh[outer] {
		for b := range sh[mid] {
			do := dst.Offset() + a*ds[outer] + b*ds[mid]
			so := src.Offset() + a*ss[outer] + b*ss[mid]
			if ds[2] == 1 && ss[2] > 0 && n > 0 {
				row := d[do : do+n]
				in := s[so : so+(n-1)*ss[2]+1]
				for k := range row {
					row[k] = float32(in[k*ss[2]]) * scale
				}
				continue
			}
			for k := range n {
				d[do+k*ds[2]] = float32(s[so+k*ss[2]]) * scale
			}
		}
	}
}

// interopAbs returns |x|.
func interopAbs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// chwView returns the CHW view of an RGBA image's R, G and B channels:
// shape (3, H, W), strides (1, Stride, 4), no copy.
func chwView(img *image.RGBA) ndview.NDView[uint8] {
	v, err := interop.FromImage(img)
	if err != nil {
		panic(err)
	}
	return v.Slice(ndview.Full(), ndview.Full(), ndview.Range(0, 3)).Transpose(2, 0, 1)
}

// chwViews is the ML preprocessing through views: view the image, select
// R, G and B, move the channels first (a view, no copy), convert into the
// CHW tensor and scale to [0, 1].
func chwViews(img *image.RGBA, dst ndview.NDView[float32]) {
	convertScaled(dst, chwView(img), 1) // ndview.Convert(dst, chwView(img))
	d, _ := dst.Data()
	for i := range d {
		d[i] *= 1.0 / 255
	}
}

// chwOnePass is chwViews with the scaling done by the conversion.
func chwOnePass(img *image.RGBA, dst ndview.NDView[float32]) {
	convertScaled(dst, chwView(img), 1.0/255)
}

// chwAt is the loop Go programs use today: At and RGBA per pixel.
func chwAt(img image.Image, dst []float32) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	plane := w * h
	for y := range h {
		for x := range w {
			r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			i := y*w + x
			dst[i] = float32(r) / 0xffff
			dst[plane+i] = float32(g) / 0xffff
			dst[2*plane+i] = float32(bl) / 0xffff
		}
	}
}

// chwLoop is the hand loop over Pix that a programmer who knows the
// layout of *image.RGBA writes.
func chwLoop(img *image.RGBA, dst []float32) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	plane := w * h
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		for x := range w {
			i := y*w + x
			dst[i] = float32(row[4*x]) * (1.0 / 255)
			dst[plane+i] = float32(row[4*x+1]) * (1.0 / 255)
			dst[2*plane+i] = float32(row[4*x+2]) * (1.0 / 255)
		}
	}
}

// TestCHWAgree checks that the three preprocessing paths compute the same
// tensor, so that the benchmark compares like with like.
func TestCHWAgree(t *testing.T) {
	img := interopRGBA(37, 23)
	views := ndview.Zeros[float32](3, 23, 37)
	chwViews(img, views)
	got, _ := views.Data()
	at := make([]float32, len(got))
	chwAt(img, at)
	loop := make([]float32, len(got))
	chwLoop(img, loop)
	one := ndview.Zeros[float32](3, 23, 37)
	chwOnePass(img, one)
	onePass, _ := one.Data()
	for i := range got {
		if math.Abs(float64(got[i]-at[i])) > 1e-6 || math.Abs(float64(got[i]-loop[i])) > 1e-6 || onePass[i] != loop[i] {
			t.Fatalf("element %d: views %v, one pass %v, At loop %v, Pix loop %v", i, got[i], onePass[i], at[i], loop[i])
		}
	}
}

func BenchmarkImageToCHW(b *testing.B) {
	for _, sz := range interopSizes[1:] {
		img := interopRGBA(sz.w, sz.h)
		n := sz.w * sz.h
		bytes := int64(n * (3 + 3*4)) // R, G, B read; three float32 written
		name := fmt.Sprintf("%dx%d", sz.w, sz.h)
		b.Run(name+"/ndview", func(b *testing.B) {
			dst := ndview.Zeros[float32](3, sz.h, sz.w)
			b.ReportAllocs()
			b.SetBytes(bytes)
			for b.Loop() {
				chwViews(img, dst)
			}
		})
		b.Run(name+"/ndview-onepass", func(b *testing.B) {
			dst := ndview.Zeros[float32](3, sz.h, sz.w)
			b.ReportAllocs()
			b.SetBytes(bytes)
			for b.Loop() {
				chwOnePass(img, dst)
			}
		})
		b.Run(name+"/At", func(b *testing.B) {
			dst := make([]float32, 3*n)
			b.ReportAllocs()
			b.SetBytes(bytes)
			for b.Loop() {
				chwAt(img, dst)
			}
		})
		b.Run(name+"/loop", func(b *testing.B) {
			dst := make([]float32, 3*n)
			b.ReportAllocs()
			b.SetBytes(bytes)
			for b.Loop() {
				chwLoop(img, dst)
			}
		})
	}
}
