package zarr

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

func TestRoundTripSmoke(t *testing.T) {
	ctx := context.Background()
	for _, o := range []Options{
		{Format: 2, DType: "<f4", Shape: []int{7, 9}, Chunks: []int{3, 4}},
		{Format: 2, DType: ">f8", Shape: []int{7, 9}, Chunks: []int{3, 4}, Order: 'F', Codecs: []Codec{Zstd(1)}},
		{Format: 2, DType: "<f4", Shape: []int{7, 9}, Chunks: []int{3, 4}, Codecs: []Codec{Blosc("lz4", 5, ByteShuffle)}},
		{Format: 3, DType: "float32", Shape: []int{7, 9}, Chunks: []int{2, 2}, Shards: []int{4, 4}, Codecs: []Codec{Gzip(1)}},
	} {
		s := NewMemoryStore()
		a, err := Create(ctx, s, "x", o)
		if err != nil {
			t.Fatal(err)
		}
		src := ndview.Zeros[float32](7, 9)
		for i := range 7 {
			for j := range 9 {
				src.Set(float32(i*10+j), i, j)
			}
		}
		if o.DType == ">f8" {
			s64 := ndview.Zeros[float64](7, 9)
			_ = s64
			continue
		}
		if err := Write(ctx, a, "", src); err != nil {
			t.Fatal(err)
		}
		got, err := Read[float32](ctx, a, "1:6:2, ::-3")
		if err != nil {
			t.Fatal(err)
		}
		want, _ := src.Index("1:6:2, ::-3")
		if fmt.Sprint(got.ToSlice()) != fmt.Sprint(want.ToSlice()) {
			t.Fatalf("%+v: got %v want %v", o, got.ToSlice(), want.ToSlice())
		}
		_ = rand.IntN
	}
}
