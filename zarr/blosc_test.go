package zarr

import (
	"bytes"
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
