// Command image runs an image-processing pipeline on ndkit views: it
// decodes an image, views its pixels as an (H, W, 4) array without copying,
// crops, flips, rotates and reorders channels as views, splits channels,
// computes per-channel statistics, turns the image into the CHW float32 and
// float16 tensors a neural network expects (saved as .npy), and blurs it
// through sliding-window views. Each step prints the shape and strides of
// its result, how many bytes it copied (0 for a view) and its time.
//
// Usage:
//
//	go run ./examples/image [-in FILE] [-out DIR]
//
// With no -in, it runs on an embedded test pattern. -in accepts PNG, JPEG
// and GIF. Results are written to -out (default ./out), created if needed.
package main

import (
	"bytes"
	_ "embed"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	_ "image/gif"
	_ "image/jpeg"
	"image/png"
	"io"
	"log"
	"os"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/x448/float16"

	"github.com/ndkit/ndkit/interop"
	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
)

//go:embed testpattern.png
var testPattern []byte

func main() {
	in := flag.String("in", "", "input image (PNG, JPEG or GIF); default: an embedded test pattern")
	out := flag.String("out", "out", "directory for the results")
	flag.Parse()
	if err := run(*in, *out, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// pipeline records the steps of a run and prints them as a table.
type pipeline struct {
	out   string
	table *tabwriter.Writer
	start time.Time
}

// begin starts timing a step.
func (p *pipeline) begin() { p.start = time.Now() }

// step prints one row: the operation, the result's shape and strides, the
// bytes it copied and the time since begin. Saving results is not timed.
func step[T any](p *pipeline, op string, v ndview.NDView[T], copied int) {
	elapsed := time.Since(p.start)
	fmt.Fprintf(p.table, "%s\t%v\t%v\t%d\t%v\n", op, v.Shape(), v.Strides(), copied, elapsed.Round(100*time.Nanosecond))
}

// savePNG encodes img into the output directory.
func (p *pipeline) savePNG(name string, img image.Image) error {
	f, err := os.Create(filepath.Join(p.out, name))
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// run executes the pipeline on the image in (or the test pattern) and
// writes its results into the directory out, printing the table to w.
func run(in, out string, w io.Writer) error {
	src := testPattern
	if in != "" {
		b, err := os.ReadFile(in)
		if err != nil {
			return err
		}
		src = b
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	p := &pipeline{out: out, table: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0), start: time.Now()}
	fmt.Fprintln(p.table, "operation\tshape\tstrides\tbytes copied\ttime")

	// 1. Decode, then view the pixels: FromImage shares the image's Pix.
	img, _, err := image.Decode(bytes.NewReader(src))
	if err != nil {
		return fmt.Errorf("decoding %s: %w", in, err)
	}
	copied := 0
	pix, err := interop.FromImage(img)
	if err != nil {
		// JPEG decodes to Y'CbCr and GIF to a palette: draw into RGBA once.
		rgba := image.NewRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Rect, img, img.Bounds().Min, draw.Src)
		copied = len(rgba.Pix)
		if pix, err = interop.FromImage(rgba); err != nil {
			return err
		}
	}
	step(p, "decode + FromImage (H, W, RGBA)", pix, copied)

	h, wd := pix.Shape()[0], pix.Shape()[1]
	rgb, err := pix.Index("..., :3") // drop alpha: a view with a short last axis
	if err != nil {
		return err
	}

	p.begin()
	// 2. Crop: the middle half of the image, by slicing.
	crop, err := pix.Index(fmt.Sprintf("%d:%d, %d:%d", h/4, h-h/4, wd/4, wd-wd/4))
	if err != nil {
		return err
	}
	step(p, "crop [h/4:-h/4, w/4:-w/4]", crop, 0)
	if err := p.saveView("crop.png", crop); err != nil {
		return err
	}

	p.begin()
	// 3. Flip left-right: a negative stride on the width axis.
	flip := pix.Flip(1)
	step(p, "flip (axis 1)", flip, 0)
	if err := p.saveView("flip.png", flip); err != nil {
		return err
	}

	p.begin()
	// 4. Rotate by 90° counter-clockwise: a transposed, flipped view.
	rot := pix.Rot90(1)
	step(p, "rot90", rot, 0)
	if err := p.saveView("rot90.png", rot); err != nil {
		return err
	}

	p.begin()
	// 5. RGB -> BGR: the channel axis read backwards.
	bgr, err := pix.Index("..., 2::-1")
	if err != nil {
		return err
	}
	step(p, "RGB->BGR [..., 2::-1]", bgr, 0)
	if err := p.saveView("bgr.png", bgr); err != nil {
		return err
	}

	p.begin()
	// 6. Split channels: each a 2-D view with a stride of 4 bytes, saved
	// as a grey image through AsImage.
	names := []string{"red", "green", "blue"}
	channels := make([]ndview.NDView[uint8], 3)
	for c := range channels {
		channels[c] = pix.Slice(ndview.Ellipsis, ndview.Int(c))
	}
	step(p, "split channels [..., c]", channels[0], 0)
	for c, ch := range channels {
		gray, err := interop.AsImage(ch, color.GrayModel)
		if err != nil {
			return err
		}
		if err := p.savePNG(names[c]+".png", gray); err != nil {
			return err
		}
	}

	p.begin()
	// 7. Per-channel mean and a coarse histogram, read through the views.
	var stats [3]struct {
		sum  int
		hist [8]int
	}
	for c, ch := range channels {
		for x := range ch.Values() {
			stats[c].sum += int(x)
			stats[c].hist[x>>5]++
		}
	}
	step(p, "per-channel mean + histogram", channels[2], 0)

	p.begin()
	// 8. HWC uint8 -> CHW float32 in [0, 1] -> float16: the usual input of
	// an image model. Transpose gives the CHW view; ConvertScaled reads it
	// once, converting and scaling (NumPy: (rgb.transpose(2, 0, 1) / 255)
	// .astype(np.float32)).
	chw := rgb.Transpose(2, 0, 1)
	tensor := ndview.Zeros[float32](3, h, wd)
	ndview.ConvertScaledInto(tensor, chw, 1.0/255, 0)
	step(p, "HWC->CHW float32 /255", tensor, tensor.NBytes())
	p.begin()
	half := ndview.Zeros[float16.Float16](3, h, wd)
	ndview.ConvertInto(half, tensor)
	step(p, "float32 -> float16", half, half.NBytes())
	if err := p.saveNPY("tensor_f16.npy", half); err != nil {
		return err
	}

	p.begin()
	// 9. 3×3 box blur: SlidingWindow gives every 3×3 neighbourhood as a
	// view of shape (H-2, W-2, 3, 3, 3); nine shifted views are summed.
	win, err := rgb.SlidingWindow([]int{3, 3}, 0, 1)
	if err != nil {
		return err
	}
	step(p, "SlidingWindow 3×3", win, 0)
	p.begin()
	acc := ndview.Zeros[float32](h-2, wd-2, 3)
	for dy := range 3 {
		for dx := range 3 {
			shifted := win.Slice(ndview.Ellipsis, ndview.Int(dy), ndview.Int(dx))
			ndview.ZipInto(acc, acc, shifted, func(s float32, x uint8) float32 { return s + float32(x) })
		}
	}
	blur := ndview.Zeros[uint8](h-2, wd-2, 3)
	ndview.MapInto(blur, acc, func(s float32) uint8 { return uint8(s/9 + 0.5) })
	step(p, "box blur (sum of 9 window views)", blur, acc.NBytes()+blur.NBytes())
	if err := p.saveView("blur.png", blur); err != nil {
		return err
	}

	if err := p.table.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	for c, s := range stats {
		fmt.Fprintf(w, "%-5s mean %6.2f  histogram (8 bins) %v\n", names[c], float64(s.sum)/float64(h*wd), s.hist)
	}
	fmt.Fprintf(w, "\nwrote crop.png flip.png rot90.png bgr.png red.png green.png blue.png blur.png tensor_f16.npy to %s\n", out)
	return nil
}

// saveView encodes an (H, W, 3) or (H, W, 4) byte view of any strides as a
// PNG through AsImage, which reads the view in place.
func (p *pipeline) saveView(name string, v ndview.NDView[uint8]) error {
	img, err := interop.AsImage(v, color.RGBAModel)
	if err != nil {
		return err
	}
	return p.savePNG(name, img)
}

// saveNPY writes v as a .npy file NumPy can load.
func (p *pipeline) saveNPY(name string, v ndview.NDView[float16.Float16]) error {
	f, err := os.Create(filepath.Join(p.out, name))
	if err != nil {
		return err
	}
	if err := npy.Write(f, v); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
