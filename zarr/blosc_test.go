package zarr

import (
	"bytes"
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// TestBloscRoundTrip encodes and decodes frames of every writable inner
// codec, shuffle, type size and odd length (leftover blocks and bytes),
// and checks the shuffles against their plain definitions.
func TestBloscRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 64, 1000, 4099} {
		src := make([]byte, n)
		for i := range src {
			src[i] = byte(r.IntN(4) + i%7)
		}
		for _, cname := range []string{"lz4", "zstd", "zlib"} {
			for _, sh := range []Shuffle{NoShuffle, ByteShuffle, BitShuffle} {
				for _, ts := range []int{1, 2, 4, 8, 3, 16} {
					fr, err := bloscEncode(src, cname, 5, sh, ts, 256)
					if err != nil {
						t.Fatal(err)
					}
					got, err := bloscDecode(fr, n, n, nil)
					if err != nil || !bytes.Equal(got, src) {
						t.Fatalf("%s shuffle %d ts %d n %d: %v", cname, sh, ts, n, err)
					}
				}
			}
		}
	}
	for _, ts := range []int{1, 2, 3, 4, 8, 16} {
		src := make([]byte, 8*ts*5+3)
		for i := range src {
			src[i] = byte(r.Uint32())
		}
		sh, un := make([]byte, len(src)), make([]byte, len(src))
		shuffle(sh, src, ts)
		n := len(src) / ts
		for i := range n {
			for j := range ts {
				if sh[j*n+i] != src[i*ts+j] {
					t.Fatalf("shuffle ts %d: byte %d of element %d misplaced", ts, j, i)
				}
			}
		}
		unshuffle(un, sh, ts)
		if !bytes.Equal(un, src) {
			t.Fatalf("unshuffle ts %d", ts)
		}
		bitshuffle(sh, src, ts, 3)
		bitunshuffle(un, sh, ts, 3)
		if !bytes.Equal(un, src) {
			t.Fatalf("bitunshuffle ts %d", ts)
		}
	}
}

// TestBloscSplit checks that lz4 frames of type size 2 to 16 split whole
// blocks into one stream per byte plane, as c-blosc 1.x does (flags bit 4
// clear; the leftover block is one stream), that zstd frames do not, and
// that both decode to the input.
func TestBloscSplit(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, ts := range []int{2, 4, 8, 16} {
		for _, sh := range []Shuffle{NoShuffle, ByteShuffle} {
			src := make([]byte, 2*2048+ts*9)
			for i := range src {
				src[i] = byte(i / ts % 5)
				if i%61 == 0 {
					src[i] = byte(r.Uint32())
				}
			}
			for _, cname := range []string{"lz4", "zstd"} {
				fr, err := bloscEncode(src, cname, 5, sh, ts, 2048)
				if err != nil {
					t.Fatal(err)
				}
				if fr[2]&bloscMemcpyed != 0 {
					t.Fatalf("%s ts %d: memcpyed frame of compressible data", cname, ts)
				}
				split := fr[2]&bloscDontSplit == 0
				if split != (cname == "lz4") {
					t.Errorf("%s ts %d shuffle %d: split %v", cname, ts, sh, split)
				}
				if split {
					// Block 0 holds ts streams: walking their sizes from
					// its start must end at block 1's start.
					pos := int(binary.LittleEndian.Uint32(fr[bloscHeader:]))
					for range ts {
						pos += 4 + int(binary.LittleEndian.Uint32(fr[pos:]))
					}
					if next := int(binary.LittleEndian.Uint32(fr[bloscHeader+4:])); pos != next {
						t.Errorf("%s ts %d: block 0's %d streams end at %d, block 1 starts at %d", cname, ts, ts, pos, next)
					}
				}
				got, err := bloscDecode(fr, len(src), len(src), nil)
				if err != nil || !bytes.Equal(got, src) {
					t.Fatalf("%s ts %d shuffle %d: round trip: %v", cname, ts, sh, err)
				}
			}
		}
	}
}
