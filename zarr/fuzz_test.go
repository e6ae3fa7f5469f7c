package zarr

import (
	"context"
	"encoding/binary"
	"testing"
)

// FuzzMetadata feeds arbitrary .zarray and zarr.json documents to Open and
// reads a small region: nothing may panic, and an array that opens must
// have a valid grid.
func FuzzMetadata(f *testing.F) {
	f.Add([]byte(zarray), false)
	f.Add([]byte(zjson), true)
	f.Add([]byte(`{"zarr_format": 3, "node_type": "array", "shape": [3], "data_type": "int8", "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2]}}, "chunk_key_encoding": {"name": "v2"}, "fill_value": 1, "codecs": [{"name": "transpose", "configuration": {"order": [0]}}, {"name": "bytes"}, {"name": "blosc", "configuration": {"cname": "lz4", "shuffle": "bitshuffle"}}]}`), true)
	f.Fuzz(func(t *testing.T, doc []byte, v3 bool) {
		ctx := context.Background()
		s := NewMemoryStore()
		key := "a/.zarray"
		if v3 {
			key = "a/zarr.json"
		}
		s.Set(ctx, key, doc)
		s.Set(ctx, "a/0", []byte{1, 2, 3})
		s.Set(ctx, "a/c/0", []byte{1, 2, 3})
		a, err := Open(ctx, s, "a")
		if err != nil {
			return
		}
		if len(a.Shape()) != len(a.Chunks()) {
			t.Fatalf("shape %v chunks %v", a.Shape(), a.Chunks())
		}
		for _, c := range a.Chunks() {
			if c < 1 {
				t.Fatalf("chunks %v", a.Chunks())
			}
		}
		if len(a.Shape()) <= 3 && a.DType().Kind == 'i' && a.DType().Size == 1 {
			Read[int8](ctx, a, "...,:2")
		}
	})
}

// FuzzBlosc decodes arbitrary Blosc frames: nothing may panic or read
// outside the frame, and a frame that decodes gives the size it declares.
func FuzzBlosc(f *testing.F) {
	data := make([]byte, 300)
	for i := range data {
		data[i] = byte(i * i / 7)
	}
	for _, cname := range []string{"lz4", "zstd", "zlib"} {
		for _, sh := range []Shuffle{NoShuffle, ByteShuffle, BitShuffle} {
			fr, _ := bloscEncode(data, cname, 5, sh, 4, 64)
			f.Add(fr)
		}
	}
	// A split blosclz frame (flags 0x01: byte shuffle, split).
	f.Add([]byte{2, 1, 1, 4, 16, 0, 0, 0, 16, 0, 0, 0, 0x2c, 0, 0, 0, 0x14, 0, 0, 0,
		4, 0, 0, 0, 1, 2, 3, 4, 4, 0, 0, 0, 1, 2, 3, 4, 4, 0, 0, 0, 1, 2, 3, 4})
	f.Fuzz(func(t *testing.T, frame []byte) {
		out, err := bloscDecode(frame, -1, 1<<16, nil)
		if err != nil {
			return
		}
		if len(frame) >= 8 && len(out) != int(binary.LittleEndian.Uint32(frame[4:])) {
			t.Fatalf("decoded %d bytes, header says %d", len(out), binary.LittleEndian.Uint32(frame[4:]))
		}
	})
}

// FuzzShardIndex reads shards of arbitrary bytes (with a valid or a
// corrupt index checksum): nothing may panic or read outside the shard.
func FuzzShardIndex(f *testing.F) {
	f.Add([]byte{}, true)
	f.Add(make([]byte, 100), false)
	f.Fuzz(func(t *testing.T, raw []byte, fixCRC bool) {
		ctx := context.Background()
		s := NewMemoryStore()
		s.Set(ctx, "a/zarr.json", []byte(zjson))
		a, err := Open(ctx, s, "a")
		if err != nil {
			t.Fatal(err)
		}
		if fixCRC && len(raw) >= 68 {
			// Give the last 68 bytes a valid checksum, so the index's
			// offsets themselves are tested.
			idx := raw[len(raw)-68 : len(raw)-4]
			c, _ := crcCodec{}.encode(idx)
			copy(raw[len(raw)-68:], c)
		}
		s.Set(ctx, "a/c/0/0", raw)
		Read[float32](ctx, a, "")
	})
}
