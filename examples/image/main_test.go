package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun runs the pipeline on the embedded pattern and checks its files
// against transformations done by hand on the decoded input.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run("", dir, &out); err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, op := range []string{"crop", "flip", "rot90", "RGB->BGR", "split channels", "float16", "SlidingWindow", "box blur"} {
		if !strings.Contains(out.String(), op) {
			t.Errorf("table lacks step %q:\n%s", op, out.String())
		}
	}
	in, err := png.Decode(bytes.NewReader(testPattern))
	if err != nil {
		t.Fatal(err)
	}
	b := in.Bounds()
	w, h := b.Dx(), b.Dy()
	load := func(name string) image.Image {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		img, err := png.Decode(f)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return img
	}
	rgba := func(img image.Image, x, y int) [4]uint32 {
		r, g, bl, a := img.At(x, y).RGBA()
		return [4]uint32{r, g, bl, a}
	}
	rot := load("rot90.png")
	if got := rot.Bounds().Size(); got != (image.Point{h, w}) {
		t.Fatalf("rot90.png size = %v, want %v", got, image.Point{h, w})
	}
	flip := load("flip.png")
	bgr := load("bgr.png")
	for _, p := range []image.Point{{0, 0}, {w - 1, 0}, {3, h - 1}, {w / 2, h / 3}, {350, 50}} {
		// np.rot90: out[i, j] = in[j, w-1-i].
		if got, want := rgba(rot, p.Y, w-1-p.X), rgba(in, p.X, p.Y); got != want {
			t.Errorf("rot90 at in(%d,%d) = %v, want %v", p.X, p.Y, got, want)
		}
		if got, want := rgba(flip, w-1-p.X, p.Y), rgba(in, p.X, p.Y); got != want {
			t.Errorf("flip at in(%d,%d) = %v, want %v", p.X, p.Y, got, want)
		}
		c, s := rgba(bgr, p.X, p.Y), rgba(in, p.X, p.Y)
		if c[0] != s[2] || c[1] != s[1] || c[2] != s[0] {
			t.Errorf("bgr at (%d,%d) = %v, source %v", p.X, p.Y, c, s)
		}
	}
	if got := load("blur.png").Bounds().Size(); got != (image.Point{w - 2, h - 2}) {
		t.Errorf("blur.png size = %v, want %v", got, image.Point{w - 2, h - 2})
	}
	if fi, err := os.Stat(filepath.Join(dir, "tensor_f16.npy")); err != nil || fi.Size() < int64(3*w*h*2) {
		t.Errorf("tensor_f16.npy: %v, %v", fi, err)
	}
}
