package ndview_test

import (
	"fmt"

	"github.com/ndkit/ndkit/ndview"
)

func ExampleConvertScaled() {
	// A 2×2 RGBA image (H, W, 4) into the CHW float32 tensor a model
	// takes, scaled to [0, 1]: NumPy's
	// (img[:, :, :3].transpose(2, 0, 1) / 255).astype(np.float32).
	pix := []uint8{
		255, 0, 0, 255 /**/, 0, 255, 0, 255,
		0, 0, 255, 255 /**/, 51, 102, 153, 255,
	}
	img, _ := ndview.FromSlice(pix, 2, 2, 4)
	chw := img.Slice(ndview.Colon(), ndview.Colon(), ndview.Range(0, 3)).Transpose(2, 0, 1) // a view
	t := ndview.Zeros[float32](3, 2, 2)
	ndview.ConvertScaledInto(t, chw, 1.0/255, 0)
	fmt.Println(t.ToList())

	// And back to bytes, rounded: x·255 + 0.5, truncated.
	back := ndview.Zeros[uint8](2, 2, 3)
	ndview.ConvertScaledInto(back, t.Transpose(1, 2, 0), 255, 0.5)
	fmt.Println(back.ToList())
	// Output:
	// [[[1 0] [0 0.2]] [[0 1] [0 0.4]] [[0 0] [1 0.6]]]
	// [[[255 0 0] [0 255 0]] [[0 0 255] [51 102 153]]]
}
