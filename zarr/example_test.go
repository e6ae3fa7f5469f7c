package zarr_test

import (
	"context"
	"fmt"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/zarr"
)

// Write a chunked, compressed array and read a region of it back.
func Example() {
	ctx := context.Background()
	s := zarr.NewMemoryStore() // or zarr.NewDirStore("data.zarr")
	a, err := zarr.Create(ctx, s, "temp", zarr.Options{
		DType: "<f4", Shape: []int{4, 6}, Chunks: []int{2, 3},
		Codecs: []zarr.Codec{zarr.Blosc("lz4", 5, zarr.ByteShuffle)},
	})
	if err != nil {
		panic(err)
	}
	v := ndview.Zeros[float32](4, 6)
	for i := range 4 {
		for j := range 6 {
			v.Set(float32(10*i+j), i, j)
		}
	}
	if err := zarr.Write(ctx, a, "", v); err != nil {
		panic(err)
	}
	r, err := zarr.Read[float32](ctx, a, "1:3, ::-2") // z[1:3, ::-2]
	if err != nil {
		panic(err)
	}
	fmt.Println(r)
	// Output:
	// [[15 13 11]
	//  [25 23 21]]
}

// Write accepts any view: here a transposed one, written into a region
// of a v3 sharded array; the chunks not written read as the fill value.
func ExampleWrite() {
	ctx := context.Background()
	s := zarr.NewMemoryStore()
	a, _ := zarr.Create(ctx, s, "", zarr.Options{
		Format: 3, DType: "int32", Shape: []int{4, 4}, Chunks: []int{2, 2}, Shards: []int{4, 4},
		Fill: -1, Codecs: []zarr.Codec{zarr.Zstd(1)},
	})
	src, _ := ndview.FromSlice([]int32{1, 2, 3, 4, 5, 6}, 3, 2)
	if err := zarr.Write(ctx, a, "1:3, :3", src.T()); err != nil {
		panic(err)
	}
	all, _ := zarr.Read[int32](ctx, a, "")
	fmt.Println(all)
	// Output:
	// [[-1 -1 -1 -1]
	//  [ 1  3  5 -1]
	//  [ 2  4  6 -1]
	//  [-1 -1 -1 -1]]
}

// ReadInto fills a caller-given destination of any layout, here the
// reversed rows of a larger view.
func ExampleReadInto() {
	ctx := context.Background()
	s := zarr.NewMemoryStore()
	a, _ := zarr.Create(ctx, s, "", zarr.Options{DType: "<i8", Shape: []int{3}, Chunks: []int{2}, Fill: 7})
	dst := ndview.Zeros[int64](2, 3)
	if err := zarr.ReadInto(ctx, a, dst.Slice(ndview.Int(1), ndview.Step(-1)), ""); err != nil {
		panic(err)
	}
	fmt.Println(dst)
	// Output:
	// [[0 0 0]
	//  [7 7 7]]
}

// A malformed store gives an error naming the key and the problem.
func ExampleOpen() {
	ctx := context.Background()
	s := zarr.NewMemoryStore()
	s.Set(ctx, "bad/.zarray", []byte(`{"zarr_format": 2, "shape": [-3], "chunks": [1], "dtype": "<f8", "order": "C", "fill_value": 0, "compressor": null}`))
	_, err := zarr.Open(ctx, s, "bad")
	fmt.Println(err)
	// Output:
	// zarr: Open bad/.zarray: shape [-3] has an extent below 0
}
