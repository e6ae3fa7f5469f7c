package zarr

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ndkit/ndkit/ndview"
)

// getOnly hides a store's GetRange, so that reads take whole values.
type getOnly struct{ Store }

// counting counts the bytes and the calls of Get and GetRange.
type counting struct {
	Store
	mu            sync.Mutex
	bytes, ranges int64
	gets          int64
}

func (c *counting) Get(ctx context.Context, key string) ([]byte, error) {
	b, err := c.Store.Get(ctx, key)
	c.mu.Lock()
	c.bytes += int64(len(b))
	c.gets++
	c.mu.Unlock()
	return b, err
}

func (c *counting) GetRange(ctx context.Context, key string, off, n int64) ([]byte, error) {
	b, err := GetRange(ctx, c.Store, key, off, n)
	c.mu.Lock()
	c.bytes += int64(len(b))
	c.ranges++
	c.mu.Unlock()
	return b, err
}

func (c *counting) reset() {
	c.mu.Lock()
	c.bytes, c.ranges, c.gets = 0, 0, 0
	c.mu.Unlock()
}

// rangeStores returns stores that all hold the value val under "a/k":
// memory, directory, zip (stored and deflated members), HTTP (honouring
// Range, and a server that ignores it) and a Get-only store.
func rangeStores(t *testing.T, val []byte) map[string]Store {
	t.Helper()
	ctx := context.Background()
	out := map[string]Store{}
	m := NewMemoryStore()
	m.Set(ctx, "a/k", val)
	out["memory"] = m
	out["getonly"] = getOnly{m}
	d, err := NewDirStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	d.Set(ctx, "a/k", val)
	out["dir"] = d
	for _, method := range []uint16{zip.Store, zip.Deflate} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "a/k", Method: method})
		w.Write(val)
		zw.Close()
		z, err := NewZipStore(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		out[fmt.Sprintf("zip%d", method)] = z
	}
	serve := func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/a/k" {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, "k", time.Time{}, bytes.NewReader(val))
	}
	srv := httptest.NewServer(http.HandlerFunc(serve))
	t.Cleanup(srv.Close)
	out["http"] = NewHTTPStore(srv.URL, srv.Client())
	whole := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Range")
		serve(w, r)
	}))
	t.Cleanup(whole.Close)
	out["http-norange"] = NewHTTPStore(whole.URL, whole.Client())
	return out
}

// TestGetRangeStores checks GetRange of every store against slicing the
// whole value, for random ranges from the start and from the end, and
// its refusals: ranges outside the value, negative lengths, absent keys.
func TestGetRangeStores(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(3, 4))
	val := make([]byte, 1000)
	for i := range val {
		val[i] = byte(r.IntN(256))
	}
	for name, s := range rangeStores(t, val) {
		for range 40 {
			n := int64(r.IntN(len(val) + 1))
			var off int64
			var want []byte
			if r.IntN(2) == 0 {
				off = int64(r.IntN(len(val) - int(n) + 1))
				want = val[off : off+n]
			} else {
				off = -int64(int(n) + r.IntN(len(val)-int(n)+1))
				start := int64(len(val)) + off
				want = val[start : start+n]
			}
			got, err := GetRange(ctx, s, "a/k", off, n)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%s: GetRange(%d, %d): %d bytes, %v; want %d bytes", name, off, n, len(got), err, len(want))
			}
		}
		for _, c := range [][2]int64{{990, 11}, {1001, 0}, {-1001, 1}, {-5, 6}, {0, -1}, {0, 1 << 40}} {
			if _, err := GetRange(ctx, s, "a/k", c[0], c[1]); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "a/k") {
				t.Errorf("%s: GetRange%v: %v, want ErrFormat naming the key", name, c, err)
			}
		}
		if _, err := GetRange(ctx, s, "a/nope", 0, 1); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: absent key: %v", name, err)
		}
	}
}

// shardedArray writes a 500×500 float32 array of shards 256×256 and inner
// chunks 64×64 (zstd, crc32c index) into s and returns it with the values
// written.
func shardedArray(t *testing.T, s Store, atStart bool) (*Array, ndview.NDView[float32]) {
	t.Helper()
	ctx := context.Background()
	a, err := Create(ctx, s, "sh", Options{Format: 3, DType: "<f4", Shape: []int{500, 500}, Chunks: []int{64, 64},
		Shards: []int{256, 256}, IndexAtStart: atStart, Fill: -1.0, Codecs: []Codec{Zstd(1)}})
	if err != nil {
		t.Fatal(err)
	}
	truth := ndview.Zeros[float32](500, 500)
	data, _ := truth.Data()
	for i := range data {
		data[i] = float32(i%977) * 0.5
	}
	if err := Write(ctx, a, "", truth); err != nil {
		t.Fatal(err)
	}
	return a, truth
}

// setEntry sets entry k of the index of shard b (of index length il, at
// the start or the end) and renews the index's crc32c.
func setEntry(b []byte, il int, atStart bool, k int, off, n uint64) {
	ib := b[len(b)-il:]
	if atStart {
		ib = b[:il]
	}
	binary.LittleEndian.PutUint64(ib[16*k:], off)
	binary.LittleEndian.PutUint64(ib[16*k+8:], n)
	crc, _ := crcCodec{}.encode(ib[:il-4])
	copy(ib, crc)
}

// TestShardRangeRead checks that a region of a sharded array read from a
// store with byte ranges fetches the shard index and then only the inner
// chunks the region touches, and gives the same values as the whole-shard
// read of a Get-only store.
func TestShardRangeRead(t *testing.T) {
	ctx := context.Background()
	for _, atStart := range []bool{false, true} {
		mem := NewMemoryStore()
		_, truth := shardedArray(t, mem, atStart)
		cs := &counting{Store: mem}
		ca, err := Open(ctx, cs, "sh")
		if err != nil {
			t.Fatal(err)
		}
		go1, _ := Open(ctx, getOnly{mem}, "sh")
		grid := []int{4, 4}
		il := int64(shardIndexLen(ca.m.p.shard, 16))
		// Inner chunk (2, 2) of shard (0, 1) becomes absent: it reads as
		// the fill value.
		sh01, _ := mem.Get(ctx, "sh/c/0/1")
		setEntry(sh01, int(il), atStart, 4*2+2, ^uint64(0), ^uint64(0))
		mem.Set(ctx, "sh/c/0/1", sh01)
		truth.Slice(ndview.Range(128, 192), ndview.Range(384, 448)).Fill(-1)
		// entry returns the offset and length of inner chunk (i, j) of
		// shard key.
		entry := func(key string, i, j int) (int64, int64) {
			raw, _ := mem.Get(ctx, key)
			idx, err := readShardIndex(ca.m, ca.m.p.shard, raw, grid)
			if err != nil {
				t.Fatal(err)
			}
			k := 4*i + j
			return int64(idx[2*k]), int64(idx[2*k+1])
		}
		for _, c := range []struct {
			region string
			want   func() int64 // bytes a ranged read must fetch
		}{
			{"64:128, 320:384", func() int64 { _, n := entry("sh/c/0/1", 1, 1); return il + n }},
			{"100:164, 100:164", func() int64 {
				var n int64
				for _, ij := range [][2]int{{1, 1}, {1, 2}, {2, 1}, {2, 2}} {
					_, m := entry("sh/c/0/0", ij[0], ij[1])
					n += m
				}
				return il + n
			}},
			{"-70:-6:3, 200:300", func() int64 { // rows 430..493, shards (1,0) and (1,1)
				var n int64
				for _, i := range []int{2, 3} {
					_, m := entry("sh/c/1/0", i, 3)
					_, m2 := entry("sh/c/1/1", i, 0)
					n += m + m2
				}
				return 2*il + n
			}},
			{"130, 440:460", func() int64 { _, n := entry("sh/c/0/1", 2, 3); return il + n }}, // (2,2) absent
		} {
			cs.reset()
			got, err := Read[float32](ctx, ca, c.region)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := truth.Index(c.region)
			if !sameBits(got, want.Clone()) {
				t.Fatalf("start=%v %q: values differ", atStart, c.region)
			}
			if cs.gets != 0 || cs.bytes != c.want() {
				t.Errorf("start=%v %q: fetched %d bytes in %d ranges and %d gets, want %d bytes in ranges only",
					atStart, c.region, cs.bytes, cs.ranges, cs.gets, c.want())
			}
			whole, err := Read[float32](ctx, go1, c.region)
			if err != nil || !sameBits(whole, got) {
				t.Fatalf("start=%v %q: the Get-only read differs (%v)", atStart, c.region, err)
			}
		}
		// The full array still reads whole shards with one Get each.
		cs.reset()
		all, err := Read[float32](ctx, ca, "")
		if err != nil || !sameBits(all, truth) {
			t.Fatalf("whole array differs (%v)", err)
		}
		if cs.gets != 4 || cs.ranges != 0 {
			t.Errorf("whole array: %d gets and %d ranges, want 4 gets", cs.gets, cs.ranges)
		}
	}
}

// TestShardRangeErrors checks that ranged reads refuse a shard whose
// index points past its end, a corrupt index and a truncated shard,
// naming the shard's key.
func TestShardRangeErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ds, _ := NewDirStore(dir)
	a, _ := shardedArray(t, ds, false)
	file := filepath.Join(dir, "sh", "c", "0", "0")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	il := shardIndexLen(a.m.p.shard, 16)
	rewrite := func(f func(b []byte) []byte) {
		b := f(append([]byte(nil), orig...))
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// An index entry pointing past the end, with a matching checksum.
	rewrite(func(b []byte) []byte {
		setEntry(b, il, false, 5, uint64(len(b)), 10)
		return b
	})
	for _, region := range []string{"64:128, 64:128", "0:10, 0:10"} {
		_, err := Read[float32](ctx, a, region)
		want := map[string]bool{"64:128, 64:128": true}[region]
		if want && (!errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "sh/c/0/0") || !strings.Contains(err.Error(), "past")) {
			t.Errorf("entry past the end: %v", err)
		}
		if !want && err != nil {
			t.Errorf("an untouched bad entry must not fail the read: %v", err)
		}
	}
	// A corrupt index (its checksum fails).
	rewrite(func(b []byte) []byte { b[len(b)-il+3] ^= 1; return b })
	if _, err := Read[float32](ctx, a, "0:10, 0:10"); !errors.Is(err, ErrChecksum) || !strings.Contains(err.Error(), "sh/c/0/0") {
		t.Errorf("corrupt index: %v", err)
	}
	// A shard shorter than its index.
	rewrite(func(b []byte) []byte { return b[:il-1] })
	if _, err := Read[float32](ctx, a, "0:10, 0:10"); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "sh/c/0/0") {
		t.Errorf("truncated shard: %v", err)
	}
}
