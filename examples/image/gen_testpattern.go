//go:build ignore

// This program draws testpattern.png, the default input of the image
// example: colour gradients, rings and an asymmetric "F" glyph, so that
// crops, flips, rotations and channel swaps are easy to tell apart.
//
//	go run gen_testpattern.go
package main

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

func main() {
	const w, h = 480, 320
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			dx, dy := float64(x-w/3), float64(y-h/2)
			r := math.Hypot(dx, dy)
			ring := 0.5 + 0.5*math.Cos(r/6)
			c := color.RGBA{
				R: uint8(255 * x / (w - 1)),
				G: uint8(255 * y / (h - 1)),
				B: uint8(80 + 175*ring*math.Exp(-r/140)),
				A: 255,
			}
			img.SetRGBA(x, y, c)
		}
	}
	// An "F" in the upper right: its orientation shows flips and rotations.
	fill := func(x0, y0, x1, y1 int, c color.RGBA) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				img.SetRGBA(x, y, c)
			}
		}
	}
	white := color.RGBA{255, 255, 255, 255}
	fill(340, 40, 360, 160, white)
	fill(340, 40, 420, 60, white)
	fill(340, 90, 400, 110, white)
	f, err := os.Create("testpattern.png")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		panic(err)
	}
}
