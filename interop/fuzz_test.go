package interop

import (
	"image"
	"image/color"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// FuzzFromImage builds images with arbitrary Rect, Stride and Pix length:
// FromImage must never panic, and when it accepts an image every element
// of the view must be the byte PixOffset names. The accepted view must
// then survive AsRGBA or AsGray and AsImage with the same bytes.
func FuzzFromImage(f *testing.F) {
	f.Add(0, 0, 3, 2, 12, 24, false)
	f.Add(-2, 5, 4, 3, 20, 56, false)
	f.Add(1, 1, 3, 3, 2, 9, true) // rows overlap
	f.Add(0, 0, 2, 2, -4, 16, false)
	f.Add(0, 0, 5, 1, 0, 20, false)    // one row, any stride
	f.Add(0, 0, 0, 7, 3, 0, true)      // empty
	f.Add(0, 0, 0, 1<<40, 4, 0, false) // empty, with 2^40 rows
	f.Fuzz(func(t *testing.T, minX, minY, w, h, stride, n int, gray bool) {
		if n < 0 || n > 1<<12 {
			return
		}
		r := image.Rectangle{Min: image.Pt(minX, minY), Max: image.Pt(minX+w, minY+h)}
		pix := make([]uint8, n)
		for i := range pix {
			pix[i] = uint8(i*31 + 7)
		}
		var m image.Image
		px := 4
		if gray {
			m, px = &image.Gray{Pix: pix, Stride: stride, Rect: r}, 1
		} else {
			m = &image.RGBA{Pix: pix, Stride: stride, Rect: r}
		}
		v, err := FromImage(m)
		if err != nil {
			return
		}
		if v.ReadOnly() {
			t.Fatalf("FromImage(%v, stride %d) gave a read-only view", r, stride)
		}
		sh := v.Shape()
		if v.Size() == 0 {
			// An empty image may have any number of empty rows (or
			// columns): walking them checks nothing and can take
			// arbitrarily long.
			sh[0], sh[1] = 0, 0
		}
		for i := range sh[0] {
			for j := range sh[1] {
				for c := range px {
					want := pix[i*stride+j*px+c]
					var got uint8
					if gray {
						got = v.At(i, j)
					} else {
						got = v.At(i, j, c)
					}
					if got != want {
						t.Fatalf("view element (%d, %d, %d) = %d, want Pix[%d] = %d", i, j, c, got, i*stride+j*px+c, want)
					}
				}
			}
		}
		var back image.Image
		if gray {
			back, err = AsGray(v)
		} else {
			back, err = AsRGBA(v)
		}
		if err != nil {
			t.Fatalf("As of FromImage's view %v: %v", sh, err)
		}
		w2, err := FromImage(back)
		if err != nil || !ndview.ArrayEqual(v, w2) {
			t.Fatalf("round trip through the image type: %v, equal %v", err, err == nil && ndview.ArrayEqual(v, w2))
		}
		model := color.RGBAModel
		if gray {
			model = color.GrayModel
		}
		p, err := AsImage(v.Flip(0, 1), model)
		if err != nil {
			t.Fatal(err)
		}
		for y := range sh[0] {
			for x := range sh[1] {
				if p.At(x, y) != m.At(r.Min.X+sh[1]-1-x, r.Min.Y+sh[0]-1-y) {
					t.Fatalf("AsImage(v.Flip(0, 1)).At(%d, %d) = %v, want %v", x, y, p.At(x, y), m.At(r.Min.X+sh[1]-1-x, r.Min.Y+sh[0]-1-y))
				}
			}
		}
	})
}

// FuzzAsRGBA wraps random layouts over a buffer: AsRGBA must accept
// exactly the row-contiguous writable ones, and its Pix must then hold
// the view's pixels at PixOffset.
func FuzzAsRGBA(f *testing.F) {
	f.Add(0, 2, 3, 12, 4, 1, 30)
	f.Add(5, 2, 3, 16, 4, 1, 40)
	f.Add(24, 2, 3, -12, 4, 1, 24)
	f.Add(3, 2, 3, 1, 8, -1, 40)
	f.Fuzz(func(t *testing.T, off, h, w, sy, sx, sc, n int) {
		if n < 0 || n > 1<<12 || h < 0 || w < 0 || h > 64 || w > 64 {
			return
		}
		data := make([]uint8, n)
		for i := range data {
			data[i] = uint8(i)
		}
		v, err := ndview.Wrap(data, off, []int{h, w, 4}, []int{sy, sx, sc})
		if err != nil {
			return
		}
		img, err := AsRGBA(v)
		ok := !v.ReadOnly() && (h*w == 0 || ((w == 1 || sx == 4) && sc == 1 && (h == 1 || sy >= 4*w)))
		if (err == nil) != ok {
			t.Fatalf("AsRGBA(shape (%d, %d, 4), strides (%d, %d, %d), read-only %v): error %v, want accepted %v", h, w, sy, sx, sc, v.ReadOnly(), err, ok)
		}
		if err != nil {
			return
		}
		for i := range h {
			for j := range w {
				for c := range 4 {
					if got, want := img.Pix[img.PixOffset(j, i)+c], v.At(i, j, c); got != want {
						t.Fatalf("Pix at pixel (%d, %d) channel %d = %d, want %d", j, i, c, got, want)
					}
				}
			}
		}
	})
}
