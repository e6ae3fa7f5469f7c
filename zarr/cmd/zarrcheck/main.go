// Command zarrcheck writes Zarr stores with ndkit for scripts/check.sh,
// which reads them back with zarr-python 2, Dask and zarrita.
//
//	zarrcheck -out DIR           write DIR/v2.zarr, DIR/v3.zarr, DIR/expected/ and DIR/manifest.json
//	zarrcheck -out DIR -init     create the array "halves" in DIR/halves.zarr (no chunks)
//	zarrcheck -out DIR -half K   write half K (0 or 1) of "halves", rows [K*64, K*64+64)
//
// The expected values are .npy files (for zarr-python) and raw
// little-endian .bin files (for zarrita), one per array.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
	"github.com/ndkit/ndkit/zarr"
	"github.com/x448/float16"
)

type entry struct {
	Store  string `json:"store"`
	Path   string `json:"path"`
	Format int    `json:"format"`
	DType  string `json:"dtype"`
	Shape  []int  `json:"shape"`
	Note   string `json:"note,omitempty"`
}

func main() {
	out := flag.String("out", "", "output directory")
	initHalves := flag.Bool("init", false, "create the array written in halves")
	half := flag.Int("half", -1, "write this half (0 or 1) of the halves array")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "zarrcheck: -out is required")
		os.Exit(2)
	}
	var err error
	switch {
	case *initHalves:
		err = halves(*out, -1)
	case *half >= 0:
		err = halves(*out, *half)
	default:
		err = writeAll(*out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "zarrcheck:", err)
		os.Exit(1)
	}
}

// halves creates (k < 0) or writes half k of a 128×96 int64 array with
// 32×32 chunks: two processes can write the halves at once.
func halves(dir string, k int) error {
	ctx := context.Background()
	s, err := zarr.NewDirStore(filepath.Join(dir, "halves.zarr"))
	if err != nil {
		return err
	}
	if k < 0 {
		_, err := zarr.Create(ctx, s, "", zarr.Options{DType: "<i8", Shape: []int{128, 96}, Chunks: []int{32, 32}, Codecs: []zarr.Codec{zarr.Blosc("lz4", 5, zarr.ByteShuffle)}})
		return err
	}
	a, err := zarr.Open(ctx, s, "")
	if err != nil {
		return err
	}
	v := ndview.Zeros[int64](64, 96)
	for i := range 64 {
		for j := range 96 {
			v.Set(int64((k*64+i)*1000+j), i, j)
		}
	}
	return zarr.Write(ctx, a, fmt.Sprintf("%d:%d", k*64, k*64+64), v)
}

// fill returns a test pattern of n values.
func pattern(n int, f func(i int) float64) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = f(i)
	}
	return x
}

func size(shape []int) int {
	n := 1
	for _, e := range shape {
		n *= e
	}
	return n
}

// writeArray creates one array, writes values through a transposed,
// reversed view of its data (to exercise any-layout sources), saves the
// expected values and returns the manifest entry.
func writeArray[T any](ctx context.Context, dir string, s zarr.Store, store, path string, o zarr.Options, conv func(float64) T, partial bool) (entry, error) {
	a, err := zarr.Create(ctx, s, path, o)
	if err != nil {
		return entry{}, err
	}
	n := size(o.Shape)
	vals := pattern(n, func(i int) float64 { return float64(i%29-11) / 4 })
	data := make([]T, n)
	for i, x := range vals {
		data[i] = conv(x)
	}
	want, _ := ndview.FromSlice(data, o.Shape...)
	if o.Shape == nil || len(o.Shape) == 0 {
		want, _ = ndview.FromSlice(data)
		want = want.Slice(ndview.Int(0))
	}
	region := ""
	if partial {
		// Only the first chunk row is written; the rest reads as fill.
		region = fmt.Sprintf(":%d", o.Chunks[0])
		src := want.Slice(ndview.To(o.Chunks[0]))
		if err := zarr.Write(ctx, a, region, src); err != nil {
			return entry{}, err
		}
		full, err := zarr.Read[T](ctx, a, "")
		if err != nil {
			return entry{}, err
		}
		want = full
	} else {
		// Write from a reversed, transposed copy seen back in order.
		nd := len(o.Shape)
		perm := make([]int, nd)
		for k := range perm {
			perm[k] = nd - 1 - k
		}
		rev := want.Flip().Transpose(perm...).Clone()
		src := rev.Transpose(perm...).Flip()
		if err := zarr.Write(ctx, a, region, src); err != nil {
			return entry{}, err
		}
	}
	e := entry{Store: store, Path: path, Format: o.Format, DType: o.DType, Shape: o.Shape}
	if e.Shape == nil {
		e.Shape = []int{}
	}
	base := filepath.Join(dir, "expected", store, path)
	if err := os.MkdirAll(filepath.Dir(base), 0o755); err != nil {
		return e, err
	}
	f, err := os.Create(base + ".npy")
	if err != nil {
		return e, err
	}
	if err := npy.Write(f, want); err != nil {
		return e, err
	}
	if err := f.Close(); err != nil {
		return e, err
	}
	return e, os.WriteFile(base+".bin", want.ToBytes(ndview.OrderC), 0o644)
}

func writeAll(dir string) error {
	ctx := context.Background()
	var manifest []entry
	add := func(e entry, err error) error {
		if err == nil {
			manifest = append(manifest, e)
		}
		return err
	}
	f32 := func(x float64) float32 { return float32(x) }
	f64 := func(x float64) float64 { return x }
	i64 := func(x float64) int64 { return int64(4 * x) }
	i16 := func(x float64) int16 { return int16(4 * x) }
	u8 := func(x float64) uint8 { return uint8(4*x + 11) }
	b1 := func(x float64) bool { return x > 0 }
	f16 := func(x float64) float16.Float16 { return float16.Fromfloat32(float32(x)) }
	c128 := func(x float64) complex128 { return complex(x, -x/2) }

	s2, err := zarr.NewDirStore(filepath.Join(dir, "v2.zarr"))
	if err != nil {
		return err
	}
	if _, err := zarr.CreateGroup(ctx, s2, "", 2, map[string]any{"writer": "ndkit"}); err != nil {
		return err
	}
	codecs := map[string]*zarr.Codec{
		"none": nil, "zlib": ptr(zarr.Zlib(1)), "gzip": ptr(zarr.Gzip(5)), "zstd": ptr(zarr.Zstd(1)), "lz4": ptr(zarr.LZ4(1)),
		"blosc_lz4_shuffle": ptr(zarr.Blosc("lz4", 5, zarr.ByteShuffle)), "blosc_zstd_bitshuffle": ptr(zarr.Blosc("zstd", 3, zarr.BitShuffle)),
		"blosc_zlib_noshuffle": ptr(zarr.Blosc("zlib", 5, zarr.NoShuffle)),
	}
	for name, c := range codecs {
		for _, order := range []byte{'C', 'F'} {
			o := zarr.Options{Format: 2, DType: "<f4", Shape: []int{37, 23}, Chunks: []int{16, 8}, Order: order}
			if c != nil {
				o.Codecs = []zarr.Codec{*c}
			}
			if err := add(writeArray(ctx, dir, s2, "v2.zarr", fmt.Sprintf("%s_%c", name, order), o, f32, false)); err != nil {
				return err
			}
		}
	}
	more := []error{
		add(writeArray(ctx, dir, s2, "v2.zarr", "f8be_zstd_F", zarr.Options{Format: 2, DType: ">f8", Shape: []int{9, 8, 7}, Chunks: []int{4, 3, 5}, Order: 'F', Codecs: []zarr.Codec{zarr.Zstd(3)}}, f64, false)),
		add(writeArray(ctx, dir, s2, "v2.zarr", "i8be_blosc", zarr.Options{Format: 2, DType: ">i8", Shape: []int{30, 20}, Chunks: []int{7, 9}, Codecs: []zarr.Codec{zarr.Blosc("lz4", 5, zarr.ByteShuffle)}}, i64, false)),
		add(writeArray(ctx, dir, s2, "v2.zarr", "b1_gzip", zarr.Options{Format: 2, DType: "|b1", Shape: []int{13, 11}, Chunks: []int{5, 5}, Codecs: []zarr.Codec{zarr.Gzip(1)}, Fill: true}, b1, true)),
		add(writeArray(ctx, dir, s2, "v2.zarr", "f2_zlib", zarr.Options{Format: 2, DType: "<f2", Shape: []int{13, 11}, Chunks: []int{5, 5}, Codecs: []zarr.Codec{zarr.Zlib(1)}}, f16, false)),
		// zarr-python 2 builds a complex fill value as re + 1j*im, so an
		// infinite imaginary part would turn the real part into NaN there;
		// the infinity is in the real part.
		add(writeArray(ctx, dir, s2, "v2.zarr", "c16_lz4_fill", zarr.Options{Format: 2, DType: "<c16", Shape: []int{8, 6}, Chunks: []int{3, 4}, Codecs: []zarr.Codec{zarr.LZ4(1)}, Fill: complex(math.Inf(-1), 2)}, c128, true)),
		add(writeArray(ctx, dir, s2, "v2.zarr", "f4_nan_fill_nested", zarr.Options{Format: 2, DType: "<f4", Shape: []int{10, 10}, Chunks: []int{4, 4}, Fill: math.NaN(), Separator: "/", Codecs: []zarr.Codec{zarr.Zstd(1)}}, f32, true)),
		add(writeArray(ctx, dir, s2, "v2.zarr", "scalar", zarr.Options{Format: 2, DType: "<f8", Codecs: []zarr.Codec{zarr.Zstd(1)}}, f64, false)),
	}
	for _, err := range more {
		if err != nil {
			return err
		}
	}
	if err := zarr.Consolidate(ctx, s2, ""); err != nil {
		return err
	}

	s3, err := zarr.NewDirStore(filepath.Join(dir, "v3.zarr"))
	if err != nil {
		return err
	}
	if _, err := zarr.CreateGroup(ctx, s3, "", 3, map[string]any{"writer": "ndkit"}); err != nil {
		return err
	}
	v3 := []error{
		add(writeArray(ctx, dir, s3, "v3.zarr", "f4_gzip", zarr.Options{Format: 3, DType: "float32", Shape: []int{37, 23}, Chunks: []int{16, 8}, Codecs: []zarr.Codec{zarr.Gzip(5)}}, f32, false)),
		add(writeArray(ctx, dir, s3, "v3.zarr", "f8_zstd_crc", zarr.Options{Format: 3, DType: "float64", Shape: []int{37, 23}, Chunks: []int{16, 8}, Codecs: []zarr.Codec{zarr.Zstd(1), zarr.CRC32C()}}, f64, false)),
		add(writeArray(ctx, dir, s3, "v3.zarr", "i2_big_blosc", zarr.Options{Format: 3, DType: ">i2", Shape: []int{37, 23}, Chunks: []int{16, 8}, Codecs: []zarr.Codec{zarr.Blosc("zstd", 3, zarr.ByteShuffle)}}, i16, false)),
		add(writeArray(ctx, dir, s3, "v3.zarr", "u1_v2keys", zarr.Options{Format: 3, DType: "uint8", Shape: []int{37, 23}, Chunks: []int{16, 8}, V2Keys: true}, u8, false)),
		add(writeArray(ctx, dir, s3, "v3.zarr", "f4_sharded", zarr.Options{Format: 3, DType: "float32", Shape: []int{37, 23}, Chunks: []int{4, 4}, Shards: []int{16, 8}, Codecs: []zarr.Codec{zarr.Zstd(1)}}, f32, false)),
		add(writeArray(ctx, dir, s3, "v3.zarr", "f4_sharded_partial", zarr.Options{Format: 3, DType: "float32", Shape: []int{37, 23}, Chunks: []int{4, 4}, Shards: []int{16, 8}, Fill: -1.5, Codecs: []zarr.Codec{zarr.Blosc("lz4", 5, zarr.ByteShuffle)}}, f32, true)),
	}
	for _, err := range v3 {
		if err != nil {
			return err
		}
	}
	e, err := writeArray(ctx, dir, s3, "v3.zarr", "f4_transpose", zarr.Options{Format: 3, DType: "float32", Shape: []int{9, 7, 5}, Chunks: []int{4, 3, 2}, Order: 'F'}, f32, false)
	if err != nil {
		return err
	}
	e.Note = "zarrita 0.7.5 misreads transposed chunks"
	manifest = append(manifest, e)
	e, err = writeArray(ctx, dir, s3, "v3.zarr", "f4_sharded_start", zarr.Options{Format: 3, DType: "float32", Shape: []int{37, 23}, Chunks: []int{4, 4}, Shards: []int{16, 8}, IndexAtStart: true}, f32, false)
	if err != nil {
		return err
	}
	e.Note = "zarrita 0.7.5 reads shard indexes from the end only"
	manifest = append(manifest, e)
	doc, _ := json.MarshalIndent(manifest, "", "  ")
	return os.WriteFile(filepath.Join(dir, "manifest.json"), doc, 0o644)
}

func ptr[T any](x T) *T { return &x }
