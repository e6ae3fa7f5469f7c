package interop_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"

	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/interop"
	"github.com/ndkit/ndkit/ndview"
)

func ExampleAsMatrix() {
	a, _ := ndview.FromSlice([]float64{1, 2, 3, 4, 5, 6}, 2, 3)
	// A flipped view has a negative row stride, which gonum's Dense cannot
	// hold; AsMatrix hands it to gonum without a copy.
	f := a.Flip(0) // NumPy: a[::-1]
	var p mat.Dense
	p.Mul(interop.AsMatrix(f), interop.AsMatrix(a.T()))
	fmt.Println(mat.Formatted(&p))

	_, raw := interop.AsMatrix(a).(mat.RawMatrixer)
	_, rawFlipped := interop.AsMatrix(f).(mat.RawMatrixer)
	fmt.Println(raw, rawFlipped)
	// Output:
	// ⎡32  77⎤
	// ⎣14  32⎦
	// true false
}

func ExampleAsDense() {
	buf := make([]float64, 4*5)
	v, _ := ndview.FromSlice(buf, 4, 5)
	block := v.Slice(ndview.Range(1, 3), ndview.Range(1, 4)) // a 2×3 block, row stride 5
	d, err := interop.AsDense(block)
	if err != nil {
		panic(err)
	}
	// gonum writes its result straight into the block.
	d.Mul(mat.NewDense(2, 2, []float64{1, 2, 3, 4}), mat.NewDense(2, 3, []float64{1, 0, 1, 0, 1, 1}))
	fmt.Println(v)

	_, err = interop.AsDense(v.T())
	fmt.Println(err)
	// Output:
	// [[0 0 0 0 0]
	//  [0 1 2 3 0]
	//  [0 3 4 7 0]
	//  [0 0 0 0 0]]
	// ndview: interop.AsDense: view of shape (5, 4) has strides (1, 5) (column-major); gonum needs row-major storage: column stride 1 and a row stride >= 4. AsDense(v.T()) shares the transpose without a copy, AsMatrix(v) wraps any layout without a copy; v.Clone() copies v into row-major storage
}

func ExampleFromDense() {
	m := mat.NewDense(3, 4, []float64{
		1, 2, 3, 4,
		5, 6, 7, 8,
		9, 10, 11, 12,
	})
	sub := m.Slice(1, 3, 1, 3).(*mat.Dense)
	v := interop.FromDense(sub)
	fmt.Println(v.Shape(), v.Strides())
	fmt.Println(v)
	v.Set(0, 1, 1) // writes m[2][2]
	fmt.Println(m.At(2, 2))

	col := interop.FromVecDense(m.ColView(3).(*mat.VecDense))
	fmt.Println(col, col.Strides())
	// Output:
	// [2 2] [4 1]
	// [[ 6  7]
	//  [10 11]]
	// 0
	// [ 4  8 12] [4]
}

func ExampleFromImage() {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	v, err := interop.FromImage(img)
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Shape(), v.Strides())

	// The red channel is a 2-D view of every fourth byte.
	red := v.Slice(ndview.Colon(), ndview.Colon(), ndview.Int(0))
	red.Set(255, 1, 2)
	fmt.Println(img.RGBAAt(2, 1))

	// A sub-image is viewed in place, from its own corner.
	sub, _ := interop.FromImage(img.SubImage(image.Rect(1, 1, 3, 2)))
	fmt.Println(sub.Shape(), sub.At(0, 1, 0))
	// Output:
	// [2 3 4] [12 4 1]
	// {255 0 0 0}
	// [1 2 4] 255
}

func ExampleAsRGBA() {
	// An (H, W, 4) buffer, as a model's output might be.
	v := ndview.Zeros[uint8](2, 3, 4)
	img, err := interop.AsRGBA(v)
	if err != nil {
		panic(err)
	}
	draw.Draw(img, image.Rect(1, 0, 3, 1), image.NewUniform(color.RGBA{R: 9, A: 255}), image.Point{}, draw.Src)
	fmt.Println(v.Slice(ndview.Colon(), ndview.Colon(), ndview.Int(0)))

	_, err = interop.AsRGBA(v.Flip(1))
	fmt.Println(err != nil)
	// Output:
	// [[0 9 9]
	//  [0 0 0]]
	// true
}

func ExampleAsImage() {
	// A 2×3 gray image, rotated by 90° as a view, then encoded as PNG.
	v, _ := ndview.FromSlice([]uint8{
		10, 20, 30,
		40, 50, 60,
	}, 2, 3)
	rot := v.Rot90(1) // NumPy: np.rot90(v)
	img, err := interop.AsImage(rot, color.GrayModel)
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	dec, _ := png.Decode(&buf)
	fmt.Println(dec.Bounds())
	g := dec.(*image.Gray)
	for y := range 3 {
		fmt.Println(g.GrayAt(0, y).Y, g.GrayAt(1, y).Y)
	}
	// Output:
	// (0,0)-(2,3)
	// 30 60
	// 20 50
	// 10 40
}

func ExampleFromYCbCr() {
	m := image.NewYCbCr(image.Rect(0, 0, 7, 5), image.YCbCrSubsampleRatio420)
	y, cb, cr := interop.FromYCbCr(m)
	fmt.Println(y.Shape(), cb.Shape(), cr.Shape())

	// Pixel (x, y) takes its chroma from element (y/2, x/2).
	cb.Set(200, 2, 3)
	fmt.Println(m.YCbCrAt(6, 4).Cb)
	// Output:
	// [5 7] [3 4] [3 4]
	// 200
}

func ExampleCopyImage16() {
	m := image.NewGray16(image.Rect(0, 0, 2, 1))
	m.SetGray16(1, 0, color.Gray16{Y: 0x1234})
	bytes, _ := interop.FromImage(m) // big-endian byte pairs, shared
	fmt.Println(bytes.Shape(), bytes)
	samples, _ := interop.CopyImage16(m) // native uint16, copied
	fmt.Printf("%v %#x\n", samples.Shape(), samples.At(0, 1))
	// Output:
	// [1 2 2] [[[ 0  0]
	//   [18 52]]]
	// [1 2] 0x1234
}
