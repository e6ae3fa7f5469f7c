package zarr

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// shuffleLoop is the plain definition of the byte shuffle: the oracle of
// the tests and the baseline of the benchmarks.
func shuffleLoop(dst, src []byte, ts int) {
	n := len(src) / ts
	for j := range ts {
		for i := range n {
			dst[j*n+i] = src[i*ts+j]
		}
	}
	copy(dst[n*ts:], src[n*ts:])
}

// TestShuffleKernels checks shuffle against the plain loop and unshuffle
// as its inverse, for every type size up to 17 and lengths with partial
// groups of eight elements and trailing bytes.
func TestShuffleKernels(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for ts := 1; ts <= 17; ts++ {
		for _, nb := range []int{0, 1, ts, 7 * ts, 8 * ts, 8*ts + 3, 64*ts + 5*ts + 1, 1000} {
			src := make([]byte, nb)
			for i := range src {
				src[i] = byte(r.IntN(256))
			}
			want := make([]byte, nb)
			shuffleLoop(want, src, ts)
			got := make([]byte, nb)
			shuffle(got, src, ts)
			if !bytes.Equal(got, want) {
				t.Fatalf("shuffle ts=%d len=%d differs from the loop", ts, nb)
			}
			back := make([]byte, nb)
			unshuffle(back, got, ts)
			if !bytes.Equal(back, src) {
				t.Fatalf("unshuffle ts=%d len=%d does not undo shuffle", ts, nb)
			}
		}
	}
}
