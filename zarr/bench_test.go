package zarr

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/ndkit/ndkit/ndview"
)

// Benchmarks of whole-array writes and reads of a float32 array with
// 256×256 chunks in a directory store: zstd level 1, and Blosc lz4 with
// byte shuffle. The array has 256 MiB (8192×8192) unless ZARR_BENCH_MB
// says otherwise; scripts/bench_zarr_python.py times zarr-python 2 on the
// same cases. The zstd cases have a hand-written baseline: the chunk
// loop a Go user would write with klauspost/compress and os.WriteFile.

// benchDir returns a directory for the stores: under $ZARR_BENCH_DIR, or
// t.TempDir(). scripts/bench.sh points both ndkit and zarr-python at the
// same tmpfs, so that the disk of a shared machine does not decide.
func benchDir(b *testing.B) string {
	if d := os.Getenv("ZARR_BENCH_DIR"); d != "" {
		dir, err := os.MkdirTemp(d, "ndkit-bench-")
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { os.RemoveAll(dir) })
		return dir
	}
	return b.TempDir()
}

func benchSide() int {
	mb := 256
	if s := os.Getenv("ZARR_BENCH_MB"); s != "" {
		mb, _ = strconv.Atoi(s)
	}
	n := 256
	for n*n*4*4 <= mb<<20 {
		n *= 2
	}
	return n
}

// benchData is the array written: x[i, j] = ((i*j) % 1000) / 8, smooth
// enough to compress as measured data does.
func benchData(n int) ndview.NDView[float32] {
	v := ndview.Zeros[float32](n, n)
	data, _ := v.Data()
	for i := range n {
		row := data[i*n : (i+1)*n]
		for j := range row {
			row[j] = float32((i*j)%1000) / 8
		}
	}
	return v
}

func BenchmarkZarr(b *testing.B) {
	n := benchSide()
	src := benchData(n)
	ctx := context.Background()
	nbytes := int64(n * n * 4)
	for _, c := range []struct {
		name  string
		codec Codec
	}{{"zstd1", Zstd(1)}, {"bloscLZ4shuffle", Blosc("lz4", 5, ByteShuffle)}} {
		dir := benchDir(b)
		s, _ := NewDirStore(dir)
		a, err := Create(ctx, s, "", Options{DType: "<f4", Shape: []int{n, n}, Chunks: []int{256, 256}, Codecs: []Codec{c.codec}})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("write/%s/n=%d/ndkit", c.name, n), func(b *testing.B) {
			b.SetBytes(nbytes)
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(ctx, a, "", src); err != nil {
					b.Fatal(err)
				}
			}
		})
		dst := ndview.Zeros[float32](n, n)
		b.Run(fmt.Sprintf("read/%s/n=%d/ndkit", c.name, n), func(b *testing.B) {
			b.SetBytes(nbytes)
			b.ReportAllocs()
			for b.Loop() {
				if err := ReadInto(ctx, a, dst, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
		// A 64×64 region straddling four chunks: the time depends on the
		// chunks touched, not on the array's size.
		b.Run(fmt.Sprintf("region64/%s/n=%d/ndkit", c.name, n), func(b *testing.B) {
			b.SetBytes(64 * 64 * 4)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read[float32](ctx, a, "1000:1064, 2000:2064"); err != nil {
					b.Fatal(err)
				}
			}
		})
		if c.name != "zstd1" {
			continue
		}
		hand := benchDir(b)
		b.Run(fmt.Sprintf("write/%s/n=%d/hand", c.name, n), func(b *testing.B) {
			b.SetBytes(nbytes)
			b.ReportAllocs()
			enc, _ := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1))
			data, _ := src.Data()
			buf := make([]float32, 256*256)
			for b.Loop() {
				for ci := 0; ci < n/256; ci++ {
					for cj := 0; cj < n/256; cj++ {
						for i := range 256 {
							copy(buf[i*256:(i+1)*256], data[(ci*256+i)*n+cj*256:])
						}
						out := enc.EncodeAll(asBytes(buf), nil)
						if err := os.WriteFile(filepath.Join(hand, fmt.Sprintf("%d.%d", ci, cj)), out, 0o644); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
		})
		b.Run(fmt.Sprintf("read/%s/n=%d/hand", c.name, n), func(b *testing.B) {
			b.SetBytes(nbytes)
			b.ReportAllocs()
			dec, _ := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
			data, _ := dst.Data()
			buf := make([]byte, 256*256*4)
			for b.Loop() {
				for ci := 0; ci < n/256; ci++ {
					for cj := 0; cj < n/256; cj++ {
						raw, err := os.ReadFile(filepath.Join(hand, fmt.Sprintf("%d.%d", ci, cj)))
						if err != nil {
							b.Fatal(err)
						}
						out, err := dec.DecodeAll(raw, buf[:0])
						if err != nil {
							b.Fatal(err)
						}
						for i := range 256 {
							for j := range 256 {
								data[(ci*256+i)*n+cj*256+j] = math.Float32frombits(binary.LittleEndian.Uint32(out[4*(i*256+j):]))
							}
						}
					}
				}
			}
		})
	}
}

// BenchmarkZarrRegionSparse reads a 64×64 region straddling four chunks
// from float32 arrays of 1 GiB (16384²) and 8 GiB (32768×65536) in which
// only the chunks around the region were written: the time must not grow
// with the array (semantics.md §35, ZS3).
func BenchmarkZarrRegionSparse(b *testing.B) {
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		codec Codec
	}{{"zstd1", Zstd(1)}, {"bloscLZ4shuffle", Blosc("lz4", 5, ByteShuffle)}} {
		for _, shape := range [][]int{{16384, 16384}, {32768, 65536}} {
			s, _ := NewDirStore(benchDir(b))
			a, err := Create(ctx, s, "", Options{DType: "<f4", Shape: shape, Chunks: []int{256, 256}, Codecs: []Codec{c.codec}})
			if err != nil {
				b.Fatal(err)
			}
			r0, c0 := shape[0]/2-32, shape[1]/2-32
			around := fmt.Sprintf("%d:%d, %d:%d", r0-256, r0+320, c0-256, c0+320)
			if err := Write(ctx, a, around, benchData(576)); err != nil {
				b.Fatal(err)
			}
			region := fmt.Sprintf("%d:%d, %d:%d", r0, r0+64, c0, c0+64)
			gib := shape[0] * shape[1] * 4 >> 30
			b.Run(fmt.Sprintf("region64/%s/%dGiB/ndkit", c.name, gib), func(b *testing.B) {
				b.SetBytes(64 * 64 * 4)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Read[float32](ctx, a, region); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkZarrSharded reads the benchmark array whole and by a 64×64
// region from a v3 array with 256×256 chunks and from one with 256×256
// inner chunks in 1024×1024 shards (zstd 1): the sharded read should be
// within 20% of the unsharded one.
func BenchmarkZarrSharded(b *testing.B) {
	n := benchSide()
	src := benchData(n)
	ctx := context.Background()
	nbytes := int64(n * n * 4)
	dst := ndview.Zeros[float32](n, n)
	for _, sh := range []struct {
		name   string
		shards []int
	}{{"unsharded", nil}, {"sharded1024", []int{1024, 1024}}} {
		s, _ := NewDirStore(benchDir(b))
		a, err := Create(ctx, s, "", Options{Format: 3, DType: "<f4", Shape: []int{n, n}, Chunks: []int{256, 256}, Shards: sh.shards, Codecs: []Codec{Zstd(1)}})
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(ctx, a, "", src); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("read/v3-%s/n=%d/ndkit", sh.name, n), func(b *testing.B) {
			b.SetBytes(nbytes)
			b.ReportAllocs()
			for b.Loop() {
				if err := ReadInto(ctx, a, dst, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("region64/v3-%s/n=%d/ndkit", sh.name, n), func(b *testing.B) {
			b.SetBytes(64 * 64 * 4)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read[float32](ctx, a, "1000:1064, 2000:2064"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
