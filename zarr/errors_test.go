package zarr

import (
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

const zarray = `{"zarr_format": 2, "shape": [4, 6], "chunks": [2, 3], "dtype": "<f4", "compressor": {"id": "zlib", "level": 1},
 "fill_value": 0, "order": "C", "filters": null}`

const zjson = `{"zarr_format": 3, "node_type": "array", "shape": [4, 6], "data_type": "float32",
 "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [4, 6]}},
 "chunk_key_encoding": {"name": "default"}, "fill_value": 0,
 "codecs": [{"name": "sharding_indexed", "configuration": {"chunk_shape": [2, 3],
   "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "crc32c"}],
   "index_codecs": [{"name": "bytes", "configuration": {"endian": "little"}}, {"name": "crc32c"}]}}]}`

// openErr stores doc under key and returns Open's error.
func openErr(t *testing.T, key, doc string) error {
	t.Helper()
	s := NewMemoryStore()
	if err := s.Set(context.Background(), key, []byte(doc)); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), s, "a")
	return err
}

// TestMalformedMetadata checks that each defect of .zarray and zarr.json
// gives an error of the right kind that names the store key and the
// problem.
func TestMalformedMetadata(t *testing.T) {
	v2 := func(old, new string) string { return strings.Replace(zarray, old, new, 1) }
	v3 := func(old, new string) string { return strings.Replace(zjson, old, new, 1) }
	cases := []struct {
		key, doc string
		kind     error
		msg      string
	}{
		{"a/.zarray", `{"zarr_format": 2,`, ErrFormat, "not a JSON object"},
		{"a/.zarray", v2(`"shape": [4, 6]`, `"shape": [-4, 6]`), ErrFormat, "extent below 0"},
		{"a/.zarray", v2(`"shape": [4, 6]`, `"shape": [4611686018427387904, 4]`), ErrFormat, "more elements than an int"},
		{"a/.zarray", v2(`"shape": [4, 6]`, `"shape": [4, 1e400]`), ErrFormat, "not an integer"},
		{"a/.zarray", v2(`"chunks": [2, 3]`, `"chunks": [0, 3]`), ErrFormat, "extent below 1"},
		{"a/.zarray", v2(`"chunks": [2, 3]`, `"chunks": [100000, 100000]`), ErrFormat, "chunks that large are refused"},
		{"a/.zarray", v2(`"chunks": [2, 3]`, `"chunks": [2]`), ErrFormat, "dimensions"},
		{"a/.zarray", v2(`"<f4"`, `"|O"`), ErrUnsupported, "object"},
		{"a/.zarray", v2(`"<f4"`, `"<f3"`), ErrUnsupported, "not understood"},
		{"a/.zarray", v2(`"zlib"`, `"lzma"`), ErrUnsupported, "lzma"},
		{"a/.zarray", v2(`"filters": null`, `"filters": [{"id": "delta"}]`), ErrUnsupported, "filters"},
		{"a/.zarray", v2(`"order": "C"`, `"order": "K"`), ErrFormat, "order"},
		{"a/.zarray", v2(`"fill_value": 0`, `"fill_value": "zero"`), ErrFormat, "fill_value"},
		{"a/.zarray", v2(`"zarr_format": 2`, `"zarr_format": 1`), ErrFormat, "zarr_format"},
		{"a/.zarray", v2(`"order": "C"`, `"order": "C", "extra": 1`), ErrFormat, "unknown field"},
		{"a/zarr.json", v3(`"float32"`, `"bfloat16"`), ErrUnsupported, "bfloat16"},
		{"a/zarr.json", v3(`"regular"`, `"rectilinear"`), ErrUnsupported, "rectilinear"},
		{"a/zarr.json", v3(`"name": "default"`, `"name": "custom"`), ErrUnsupported, "custom"},
		{"a/zarr.json", v3(`"fill_value": 0,`, ``), ErrFormat, "fill_value is required"},
		{"a/zarr.json", v3(`"fill_value": 0,`, `"fill_value": 0, "future": {"must_understand": true},`), ErrUnsupported, "future"},
		{"a/zarr.json", v3(`"fill_value": 0,`, `"fill_value": 0, "future": 3,`), ErrUnsupported, "future"},
		{"a/zarr.json", v3(`"chunk_shape": [2, 3]`, `"chunk_shape": [3, 3]`), ErrFormat, "not a multiple"},
		{"a/zarr.json", v3(`{"name": "crc32c"}]}}]`, `{"name": "gzip"}]}}]`), ErrUnsupported, "fixed size"},
		{"a/zarr.json", v3(`"codecs": [{"name": "bytes"`, `"codecs": [{"name": "rot13"}, {"name": "bytes"`), ErrUnsupported, "rot13"},
		{"a/zarr.json", v3(`"node_type": "array"`, `"node_type": "table"`), ErrFormat, "node_type"},
	}
	for _, c := range cases {
		err := openErr(t, c.key, c.doc)
		if err == nil {
			t.Errorf("%s %q: no error", c.key, c.msg)
			continue
		}
		if !errors.Is(err, c.kind) || !strings.Contains(err.Error(), c.key) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: error %q (kind %v), want kind %v naming the key and %q", c.key, err, errors.Unwrap(err), c.kind, c.msg)
		}
	}
	// An extension that need not be understood is ignored.
	if err := openErr(t, "a/zarr.json", v3(`"fill_value": 0,`, `"fill_value": 0, "future": {"must_understand": false},`)); err != nil {
		t.Errorf("must_understand false: %v", err)
	}
	if err := openErr(t, "a/zarr.json", zjson); err != nil {
		t.Errorf("valid zarr.json: %v", err)
	}
	if _, err := Open(context.Background(), NewMemoryStore(), "a"); !errors.Is(err, ErrNotFound) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("absent array: %v", err)
	}
}

// setup returns an array of shape (4, 6) with every chunk written.
func setup(t *testing.T, doc string) (*MemoryStore, *Array) {
	t.Helper()
	ctx := context.Background()
	s := NewMemoryStore()
	key := "a/.zarray"
	if strings.Contains(doc, "zarr.json") || strings.Contains(doc, `"zarr_format": 3`) {
		key = "a/zarr.json"
	}
	s.Set(ctx, key, []byte(doc))
	a, err := Open(ctx, s, "a")
	if err != nil {
		t.Fatal(err)
	}
	v := ndview.Zeros[float32](4, 6)
	for i := range 4 {
		for j := range 6 {
			v.Set(float32(10*i+j), i, j)
		}
	}
	if err := Write(ctx, a, "", v); err != nil {
		t.Fatal(err)
	}
	return s, a
}

// TestCorruptChunks checks the errors of damaged chunk data: each names
// the chunk's key, and a failed read leaves the destination untouched
// when the failure is found before any chunk is copied.
func TestCorruptChunks(t *testing.T) {
	ctx := context.Background()
	corrupt := func(s *MemoryStore, key string, f func([]byte) []byte) {
		b, err := s.Get(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		s.Set(ctx, key, f(b))
	}
	check := func(a *Array, key string, kind error) {
		t.Helper()
		_, err := Read[float32](ctx, a, "")
		if err == nil || !errors.Is(err, kind) || !strings.Contains(err.Error(), key) {
			t.Errorf("%s: error %v, want kind %v naming the key", key, err, kind)
		}
	}
	s, a := setup(t, zarray)
	corrupt(s, "a/0.1", func(b []byte) []byte { return b[:len(b)/2] })
	check(a, "a/0.1", ErrFormat)

	s, a = setup(t, strings.Replace(zarray, `{"id": "zlib", "level": 1}`, `null`, 1))
	corrupt(s, "a/1.0", func(b []byte) []byte { return b[:len(b)-4] })
	check(a, "a/1.0", ErrFormat) // a chunk of the wrong size

	s, a = setup(t, zjson)
	corrupt(s, "a/c/0/0", func(b []byte) []byte { b[3] ^= 1; return b })
	check(a, "a/c/0/0", ErrChecksum) // inner chunk checksum

	s, a = setup(t, zjson)
	corrupt(s, "a/c/0/0", func(b []byte) []byte { b[len(b)-5] ^= 1; return b })
	check(a, "a/c/0/0", ErrChecksum) // index checksum

	// A shard index pointing past the end, with a valid checksum.
	s, a = setup(t, zjson)
	corrupt(s, "a/c/0/0", func(b []byte) []byte {
		il := 16*4 + 4
		idx := b[len(b)-il : len(b)-4]
		idx[0] = 0xff
		idx[1] = 0x7f
		c, _ := crcCodec{}.encode(idx)
		return append(b[:len(b)-il], c...)
	})
	check(a, "a/c/0/0", ErrFormat)

	// A failed partial write leaves the stored chunk as it was.
	s, a = setup(t, zarray)
	before, _ := s.Get(ctx, "a/0.0")
	corrupt(s, "a/0.1", func(b []byte) []byte { return b[:3] })
	err := Write(ctx, a, "0, 1:5", ndview.Full[float32](7, 4))
	if err == nil || !strings.Contains(err.Error(), "a/0.1") {
		t.Errorf("write over a corrupt chunk: %v", err)
	}
	after, _ := s.Get(ctx, "a/0.1")
	if len(after) != 3 {
		t.Errorf("corrupt chunk was replaced")
	}
	_ = before
}

// TestRegionErrors checks bad regions, element types and destinations.
func TestRegionErrors(t *testing.T) {
	ctx := context.Background()
	_, a := setup(t, zarray)
	for _, region := range []string{"4", "0, 6", "0, 0, 0", "::0", "1:2:3:4", "..., ...", "x"} {
		if _, err := Read[float32](ctx, a, region); !errors.Is(err, ErrRegion) || !strings.Contains(err.Error(), "a") {
			t.Errorf("Read %q: %v", region, err)
		}
		if err := Write(ctx, a, region, ndview.Zeros[float32]()); !errors.Is(err, ErrRegion) {
			t.Errorf("Write %q: %v", region, err)
		}
	}
	if _, err := Read[float64](ctx, a, ""); !errors.Is(err, ErrDType) {
		t.Errorf("wrong element type: %v", err)
	}
	if err := Write(ctx, a, "", ndview.Zeros[int32](4, 6)); !errors.Is(err, ErrDType) {
		t.Errorf("wrong element type: %v", err)
	}
	if err := Write(ctx, a, ":2", ndview.Zeros[float32](3, 6)); !errors.Is(err, ErrRegion) {
		t.Errorf("source not broadcasting: %v", err)
	}
	dst := ndview.Full[float32](-1, 2, 5)
	if err := ReadInto(ctx, a, dst, ":2"); !errors.Is(err, ErrRegion) {
		t.Errorf("destination shape: %v", err)
	}
	for x := range dst.Values() {
		if x != -1 {
			t.Fatal("destination written after an error")
		}
	}
	func() {
		defer func() {
			if r := recover(); r == nil || !errors.Is(r.(error), ndview.ErrReadOnly) {
				t.Errorf("read-only destination: recovered %v", r)
			}
		}()
		ReadInto(ctx, a, ndview.Zeros[float32](4, 6).AsReadOnly(), "")
	}()
	// A 0-d broadcast source fills a region.
	if err := Write(ctx, a, "1:3, ::-2", ndview.Full[float32](5)); err != nil {
		t.Fatal(err)
	}
	got, _ := Read[float32](ctx, a, "1:3, ::-2")
	for x := range got.Values() {
		if x != 5 {
			t.Fatalf("broadcast write: %v", got)
		}
	}
}

// TestStoreKeys checks that stores refuse keys leaving their root.
func TestStoreKeys(t *testing.T) {
	ctx := context.Background()
	d, err := NewDirStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"../x", "/etc/x", "a/../../x", "a//b", "", "a\\b"} {
		if err := d.Set(ctx, k, []byte("x")); !errors.Is(err, ErrFormat) {
			t.Errorf("DirStore.Set(%q): %v", k, err)
		}
		if _, err := d.Get(ctx, k); !errors.Is(err, ErrFormat) {
			t.Errorf("DirStore.Get(%q): %v", k, err)
		}
	}
	if err := d.Set(ctx, "a/b/c", []byte("v")); err != nil {
		t.Fatal(err)
	}
	if b, err := d.Get(ctx, "a/b/c"); err != nil || string(b) != "v" {
		t.Errorf("DirStore round trip: %q %v", b, err)
	}
	keys, _ := d.List(ctx, "")
	if len(keys) != 1 || keys[0] != "a/b/c" {
		t.Errorf("DirStore.List: %v (no temporary file may remain)", keys)
	}
}
