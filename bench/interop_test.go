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
// an RGBA image into a CHW float32 tensor scaled to [0, 1]. With more than
// one processor the 3840×2160 image takes the parallel path (from 8 MiB
// read plus written); -cpu 1 keeps to one.

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

// chwView returns the CHW view of an RGBA image's R, G and B channels:
// shape (3, H, W), strides (1, Stride, 4), no copy.
func chwView(img *image.RGBA) ndview.NDView[uint8] {
	v, err := interop.FromImage(img)
	if err != nil {
		panic(err)
	}
	return v.Slice(ndview.Colon(), ndview.Colon(), ndview.Range(0, 3)).Transpose(2, 0, 1)
}

// chwViews is the ML preprocessing through views, as NumPy's
// (img.transpose(2, 0, 1)[:3] / 255).astype(np.float32): view the image,
// select R, G and B, move the channels first (a view, no copy), and
// convert into the CHW tensor scaled to [0, 1], in one pass.
func chwViews(img *image.RGBA, dst ndview.NDView[float32]) {
	ndview.ConvertScaledInto(dst, chwView(img), 1.0/255, 0)
}

// chwTwoPass converts with Convert, then scales the tensor in a second
// pass: the same views without a scaling conversion.
func chwTwoPass(img *image.RGBA, dst ndview.NDView[float32]) {
	ndview.ConvertInto(dst, chwView(img))
	d, err := dst.Data()
	if err != nil {
		panic(err)
	}
	for i := range d {
		d[i] *= 1.0 / 255
	}
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

// TestCHWAgree checks that the preprocessing paths compute the same
// tensor, so that the benchmark compares like with like: the views give
// the float32 nearest to x/255, the others within rounding of it.
func TestCHWAgree(t *testing.T) {
	img := interopRGBA(37, 23)
	views := ndview.Zeros[float32](3, 23, 37)
	chwViews(img, views)
	got, _ := views.Data()
	two := ndview.Zeros[float32](3, 23, 37)
	chwTwoPass(img, two)
	twoPass, _ := two.Data()
	at := make([]float32, len(got))
	chwAt(img, at)
	loop := make([]float32, len(got))
	chwLoop(img, loop)
	plane := 23 * 37
	for i := range got {
		x := img.Pix[img.PixOffset(i%plane%37, i%plane/37)+i/plane]
		if got[i] != float32(float64(x)/255) {
			t.Fatalf("element %d: views %v, want %v", i, got[i], float32(float64(x)/255))
		}
		for _, other := range []float32{twoPass[i], at[i], loop[i]} {
			if math.Abs(float64(got[i]-other)) > 1e-6 {
				t.Fatalf("element %d: views %v, two passes %v, At loop %v, Pix loop %v", i, got[i], twoPass[i], at[i], loop[i])
			}
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
		b.Run(name+"/ndview-2pass", func(b *testing.B) {
			dst := ndview.Zeros[float32](3, sz.h, sz.w)
			b.ReportAllocs()
			b.SetBytes(bytes)
			for b.Loop() {
				chwTwoPass(img, dst)
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
