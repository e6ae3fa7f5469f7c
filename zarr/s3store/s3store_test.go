package s3store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/zarr"
)

// The tests below need an S3-compatible server. zarr/scripts/minio.sh
// builds MinIO, starts it on the loopback interface and runs them with:
//
//	NDKIT_S3_ENDPOINT   host:port of the server (unset: the tests skip)
//	NDKIT_S3_ACCESS_KEY, NDKIT_S3_SECRET_KEY   its credentials
//	NDKIT_S3_BUCKET     the bucket to use (created if absent; default ndkit-test)

// testStore returns a store under a fresh prefix of the test bucket, and
// removes the prefix's objects when the test ends.
func testStore(t *testing.T) (*Store, *minio.Client) {
	t.Helper()
	ep := os.Getenv("NDKIT_S3_ENDPOINT")
	if ep == "" {
		t.Skip("no S3 server: run bash zarr/scripts/minio.sh, or set NDKIT_S3_ENDPOINT (and NDKIT_S3_ACCESS_KEY, NDKIT_S3_SECRET_KEY) to a running MinIO")
	}
	c, err := minio.New(ep, &minio.Options{Creds: credentials.NewStaticV4(os.Getenv("NDKIT_S3_ACCESS_KEY"), os.Getenv("NDKIT_S3_SECRET_KEY"), "")})
	if err != nil {
		t.Fatal(err)
	}
	bucket := os.Getenv("NDKIT_S3_BUCKET")
	if bucket == "" {
		bucket = "ndkit-test"
	}
	ctx := context.Background()
	ok, err := c.BucketExists(ctx, bucket)
	if err != nil {
		t.Fatal(err)
	}
	if !ok {
		if err := c.MakeBucket(ctx, bucket, minio.MakeBucketOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	prefix := fmt.Sprintf("%s-%d", t.Name(), time.Now().UnixNano())
	t.Cleanup(func() {
		for o := range c.ListObjects(ctx, bucket, minio.ListObjectsOptions{Prefix: prefix + "/", Recursive: true}) {
			c.RemoveObject(ctx, bucket, o.Key, minio.RemoveObjectOptions{})
		}
	})
	return New(c, bucket, prefix), c
}

// TestStoreOnServer checks Get, Set, Delete and GetRange against slicing
// the value, and the refusals: absent keys, ranges outside the value.
func TestStoreOnServer(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 6))
	val := make([]byte, 3000)
	for i := range val {
		val[i] = byte(r.IntN(256))
	}
	if _, err := s.Get(ctx, "a/k"); !errors.Is(err, zarr.ErrNotFound) {
		t.Fatalf("absent key: %v", err)
	}
	if _, err := s.GetRange(ctx, "a/k", 0, 1); !errors.Is(err, zarr.ErrNotFound) {
		t.Fatalf("absent key, range: %v", err)
	}
	if err := s.Set(ctx, "a/k", val); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, "a/k")
	if err != nil || !bytes.Equal(got, val) {
		t.Fatalf("Get: %d bytes, %v", len(got), err)
	}
	for range 30 {
		n := int64(r.IntN(len(val) + 1))
		off := int64(r.IntN(len(val) - int(n) + 1))
		want := val[off : off+n]
		if r.IntN(2) == 0 {
			off -= int64(len(val))
		}
		got, err := s.GetRange(ctx, "a/k", off, n)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("GetRange(%d, %d): %d bytes, %v", off, n, len(got), err)
		}
	}
	for _, c := range [][2]int64{{2990, 11}, {3001, 0}, {3000, 1}, {-3001, 1}, {-5, 6}, {0, -1}} {
		if _, err := s.GetRange(ctx, "a/k", c[0], c[1]); !errors.Is(err, zarr.ErrFormat) {
			t.Errorf("GetRange%v: %v, want ErrFormat", c, err)
		}
	}
	if err := s.Delete(ctx, "a/k"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "a/k"); err != nil {
		t.Fatalf("deleting an absent key: %v", err)
	}
	if _, err := s.Get(ctx, "a/k"); !errors.Is(err, zarr.ErrNotFound) {
		t.Fatalf("deleted key: %v", err)
	}
}

// counting counts the bytes a store's Get and GetRange return.
type counting struct {
	*Store
	mu sync.Mutex
	n  int64
}

func (c *counting) Get(ctx context.Context, key string) ([]byte, error) {
	b, err := c.Store.Get(ctx, key)
	c.mu.Lock()
	c.n += int64(len(b))
	c.mu.Unlock()
	return b, err
}

func (c *counting) GetRange(ctx context.Context, key string, off, n int64) ([]byte, error) {
	b, err := c.Store.GetRange(ctx, key, off, n)
	c.mu.Lock()
	c.n += int64(len(b))
	c.mu.Unlock()
	return b, err
}

// TestArraysOnServer writes v2 and sharded v3 arrays from several
// goroutines at once (disjoint chunk-aligned regions), reads them whole
// and by region, and checks that a small region of the sharded array
// fetches far less than its shard.
func TestArraysOnServer(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	truth := ndview.Zeros[float32](256, 256)
	data, _ := truth.Data()
	for i := range data {
		data[i] = float32(i%1013) / 4
	}
	for _, o := range []zarr.Options{
		{Format: 2, DType: "<f4", Shape: []int{256, 256}, Chunks: []int{64, 64}, Codecs: []zarr.Codec{zarr.Zstd(1)}},
		{Format: 3, DType: ">f4", Shape: []int{256, 256}, Chunks: []int{32, 32}, Shards: []int{128, 128}, Codecs: []zarr.Codec{zarr.Blosc("lz4", 5, zarr.ByteShuffle)}},
	} {
		path := fmt.Sprintf("v%d", o.Format)
		a, err := zarr.Create(ctx, s, path, o)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make([]error, 4)
		for q := range 4 {
			wg.Go(func() {
				// Quadrants: whole chunks and whole shards, so
				// that no two writers share one.
				region := fmt.Sprintf("%d:%d, %d:%d", 128*(q/2), 128*(q/2)+128, 128*(q%2), 128*(q%2)+128)
				part, _ := truth.Index(region)
				errs[q] = zarr.Write(ctx, a, region, part)
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		c := &counting{Store: s}
		b, err := zarr.Open(ctx, c, path)
		if err != nil {
			t.Fatal(err)
		}
		for _, region := range []string{"", "10:20, ::-3", "40:72, 100:132"} {
			c.n = 0
			got, err := zarr.Read[float32](ctx, b, region)
			if err != nil {
				t.Fatalf("%s %q: %v", path, region, err)
			}
			want, _ := truth.Index(region)
			if !slicesEqual(got.ToSlice(), want.ToSlice()) {
				t.Fatalf("%s %q: values differ", path, region)
			}
			if o.Shards != nil && region == "40:72, 100:132" && c.n > 4*32*32*4+2000 {
				t.Errorf("%s %q: fetched %d bytes, more than the 4 inner chunks it touches", path, region, c.n)
			}
		}
	}
}

func slicesEqual(a, b []float32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRefusals needs no server: bad keys and ranges are refused before
// any request.
func TestRefusals(t *testing.T) {
	c, err := minio.New("127.0.0.1:1", &minio.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := New(c, "b", "p")
	ctx := context.Background()
	for _, key := range []string{"", "/x", "a/../b", "a//b", `a\b`} {
		if _, err := s.Get(ctx, key); !errors.Is(err, zarr.ErrFormat) {
			t.Errorf("Get(%q): %v", key, err)
		}
		if err := s.Set(ctx, key, nil); !errors.Is(err, zarr.ErrFormat) {
			t.Errorf("Set(%q): %v", key, err)
		}
	}
	for _, r := range [][2]int64{{0, -1}, {-2, 3}, {0, 1 << 40}} {
		if _, err := s.GetRange(ctx, "k", r[0], r[1]); !errors.Is(err, zarr.ErrFormat) {
			t.Errorf("GetRange%v: %v", r, err)
		}
	}
}
