package zarr

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// randomRegion returns a random NumPy basic index for shape: integers
// (negative ones too), slices with any step (negative too) and open ends,
// None and at most one "...".
func randomRegion(r *rand.Rand, shape []int) string {
	var items []string
	ellipsis := false
	for d := 0; d < len(shape); d++ {
		n := shape[d]
		switch k := r.IntN(10); {
		case k == 0 && !ellipsis:
			items = append(items, "...")
			ellipsis = true
			d = len(shape) // the rest of the axes are full
		case k == 1:
			items = append(items, "None")
			d--
		case k <= 3 && n > 0:
			i := r.IntN(n)
			if r.IntN(2) == 0 {
				i -= n
			}
			items = append(items, fmt.Sprint(i))
		default:
			b := func() string {
				if r.IntN(4) == 0 {
					return ""
				}
				return fmt.Sprint(r.IntN(2*n+3) - n - 1)
			}
			step := ""
			if r.IntN(2) == 0 {
				s := r.IntN(4) + 1
				if r.IntN(2) == 0 {
					s = -s
				}
				step = fmt.Sprint(s)
			}
			items = append(items, b()+":"+b()+":"+step)
		}
		if len(items) > 6 {
			break
		}
	}
	return strings.Join(items, ", ")
}

// randomView returns a view of the given shape with a random layout
// (inside a larger buffer, stepped, reversed, transposed) holding values
// from f.
func randomView(r *rand.Rand, shape []int, f func() float32) ndview.NDView[float32] {
	nd := len(shape)
	perm := r.Perm(nd)
	big := make([]int, nd)
	for k := range nd {
		big[k] = shape[perm[k]]*2 + 1
	}
	base := ndview.Zeros[float32](big...)
	items := make([]ndview.IndexItem, nd)
	for k := range nd {
		n := shape[perm[k]]
		if r.IntN(2) == 0 {
			items[k] = ndview.Range(2*n-1, -big[k]-1).By(-2) // reversed, stepped
			if n == 0 {
				items[k] = ndview.Range(0, 0)
			}
		} else {
			items[k] = ndview.Range(1, 1+n)
		}
	}
	v := base.Slice(items...)
	inv := make([]int, nd)
	for k, p := range perm {
		inv[p] = k
	}
	v = v.Transpose(inv...)
	for idx := range v.Enumerate() {
		v.Set(f(), idx...)
	}
	return v
}

type propCase struct {
	o     Options
	label string
}

func randomOptions(r *rand.Rand) propCase {
	nd := r.IntN(4)
	shape := make([]int, nd)
	chunks := make([]int, nd)
	for d := range nd {
		shape[d] = r.IntN(9)
		chunks[d] = r.IntN(4) + 1
	}
	o := Options{Format: 2 + r.IntN(2), Shape: shape, Chunks: chunks, Fill: float64(r.IntN(3)) - 1}
	o.DType = []string{"<f4", ">f4"}[r.IntN(2)]
	if r.IntN(2) == 0 {
		o.Order = 'F'
	}
	codecs := []Codec{Zstd(1), Gzip(1), Blosc("lz4", 5, ByteShuffle), Blosc("zstd", 1, BitShuffle), Blosc("zlib", 1, NoShuffle)}
	if o.Format == 2 {
		codecs = append(codecs, Zlib(1), LZ4(1))
	} else {
		codecs = append(codecs, CRC32C())
	}
	if k := r.IntN(len(codecs) + 1); k < len(codecs) {
		o.Codecs = []Codec{codecs[k]}
	}
	if o.Format == 3 && r.IntN(2) == 0 && nd > 0 {
		o.Order = 'C'
		o.Shards = make([]int, nd)
		for d := range nd {
			o.Shards[d] = chunks[d] * (r.IntN(3) + 1)
		}
		o.IndexAtStart = r.IntN(2) == 0
	}
	if o.Format == 3 && r.IntN(3) == 0 {
		o.V2Keys = true
	}
	return propCase{o: o, label: fmt.Sprintf("%+v", o)}
}

// TestReadWriteOracle writes random regions from random-layout sources
// into random arrays (v2 and v3, C and F order, every codec, sharded,
// both byte orders) and checks every read, into new views and into
// random-layout destinations, against an in-memory oracle array updated
// by ndview.Index and CopyFrom.
func TestReadWriteOracle(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	next := float32(0)
	val := func() float32 { next++; return next }
	for iter := range 300 {
		pc := randomOptions(r)
		// Odd cases hide GetRange, so that sharded reads take both
		// paths: byte ranges and whole shards (semantics.md §35, ZS2).
		var s Store = NewMemoryStore()
		if iter%2 == 1 {
			s = getOnly{s}
		}
		a, err := Create(ctx, s, "arr", pc.o)
		if err != nil {
			t.Fatalf("%s: %v", pc.label, err)
		}
		truth := ndview.Full(float32(pc.o.Fill.(float64)), pc.o.Shape...)
		for step := range 4 {
			region := randomRegion(r, pc.o.Shape)
			want, err := truth.Index(region)
			if err != nil {
				// Bad regions must be refused by zarr too, and change nothing.
				if werr := Write(ctx, a, region, ndview.Zeros[float32]()); werr == nil {
					t.Fatalf("%d %s: region %q: Index fails (%v) but Write succeeds", iter, pc.label, region, err)
				}
				continue
			}
			if step%2 == 0 {
				src := randomView(r, want.Shape(), val)
				if err := Write(ctx, a, region, src); err != nil {
					t.Fatalf("%d %s: Write %q: %v", iter, pc.label, region, err)
				}
				want.CopyFrom(src)
				continue
			}
			got, err := Read[float32](ctx, a, region)
			if err != nil {
				t.Fatalf("%d %s: Read %q: %v", iter, pc.label, region, err)
			}
			if !sameBits(got, want) {
				t.Fatalf("%d %s: Read %q:\n%v\nwant\n%v", iter, pc.label, region, got, want)
			}
			dst := randomView(r, want.Shape(), func() float32 { return -99 })
			if err := ReadInto(ctx, a, dst, region); err != nil {
				t.Fatalf("%d %s: ReadInto %q: %v", iter, pc.label, region, err)
			}
			if !sameBits(dst.Clone(), want.Clone()) {
				t.Fatalf("%d %s: ReadInto %q:\n%v\nwant\n%v", iter, pc.label, region, dst, want)
			}
		}
		all, err := Read[float32](ctx, a, "")
		if err != nil || !sameBits(all, truth) {
			t.Fatalf("%d %s: whole array %v\nwant\n%v (%v)", iter, pc.label, all, truth, err)
		}
	}
}
