package zarr

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// TestDisjointWriters has eight goroutines write disjoint chunk-aligned
// blocks of one directory-store array at once (semantics.md §24 ZR9), then
// checks every element; run under -race it also checks the package for
// data races.
func TestDisjointWriters(t *testing.T) {
	ctx := context.Background()
	s, err := NewDirStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	a, err := Create(ctx, s, "g/a", Options{Format: 3, DType: "int64", Shape: []int{16, 12}, Chunks: []int{2, 6}, Codecs: []Codec{Zstd(1), CRC32C()}})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for k := range 8 {
		wg.Go(func() {
			v := ndview.Zeros[int64](2, 12)
			for i := range 2 {
				for j := range 12 {
					v.Set(int64((2*k+i)*100+j), i, j)
				}
			}
			errs[k] = Write(ctx, a, fmt.Sprintf("%d:%d", 2*k, 2*k+2), v)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	b, err := Open(ctx, s, "g/a")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read[int64](ctx, b, "")
	if err != nil {
		t.Fatal(err)
	}
	for idx, x := range got.Enumerate() {
		if x != int64(idx[0]*100+idx[1]) {
			t.Fatalf("element %v is %d", idx, x)
		}
	}
}

// TestGroupsAndConsolidation writes groups with attributes (v2 and v3),
// consolidates a v2 hierarchy and opens it through the consolidated
// metadata.
func TestGroupsAndConsolidation(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	if _, err := CreateGroup(ctx, s, "", 2, map[string]any{"a": 1.0}); err != nil {
		t.Fatal(err)
	}
	arr, err := Create(ctx, s, "x/y", Options{DType: "|u1", Shape: []int{3}, Chunks: []int{2}, Attrs: map[string]any{"units": "K"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := arr.SetAttrs(ctx, map[string]any{"units": "C"}); err != nil {
		t.Fatal(err)
	}
	if err := Consolidate(ctx, s, ""); err != nil {
		t.Fatal(err)
	}
	c, err := OpenConsolidated(ctx, s, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, c, "x/y")
	if err != nil || b.Attrs()["units"] != "C" || b.DType().String() != "|u1" {
		t.Fatalf("consolidated open: %v %v", b, err)
	}
	g, err := OpenGroup(ctx, c, "")
	if err != nil || g.Attrs()["a"] != 1.0 {
		t.Fatalf("consolidated group: %v %v", g, err)
	}
	g3, err := CreateGroup(ctx, s, "v3", 3, map[string]any{"b": "x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g3.SetAttrs(ctx, map[string]any{"b": "y"}); err != nil {
		t.Fatal(err)
	}
	h, err := OpenGroup(ctx, s, "v3")
	if err != nil || h.Format() != 3 || h.Attrs()["b"] != "y" {
		t.Fatalf("v3 group: %+v %v", h, err)
	}
	a3, err := Create(ctx, s, "v3/arr", Options{Format: 3, DType: ">c8", Shape: []int{2}, Chunks: []int{2}, Fill: complex(1, 2)})
	if err != nil {
		t.Fatal(err)
	}
	if err := a3.SetAttrs(ctx, map[string]any{"k": true}); err != nil {
		t.Fatal(err)
	}
	a3b, err := Open(ctx, s, "v3/arr")
	if err != nil || a3b.Attrs()["k"] != true || a3b.FillValue() != "[1.0,2.0]" || a3b.DType().Order != '>' {
		t.Fatalf("v3 array attrs: %v %v %s", a3b.Attrs(), err, a3b.FillValue())
	}
	v, _ := Read[complex64](ctx, a3b, "")
	if v.At(1) != complex(1, 2) {
		t.Errorf("fill %v", v)
	}
}

// TestProgressAndCancel checks progress reports (one per chunk touched)
// and that a cancelled context stops a read with its error.
func TestProgressAndCancel(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore()
	a, err := Create(ctx, s, "", Options{DType: "<f8", Shape: []int{10, 10}, Chunks: []int{3, 4}})
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	pctx := WithProgress(ctx, func(done, total int) {
		if total != 4*3 {
			t.Errorf("total %d, want 12", total)
		}
		seen = append(seen, done)
	})
	if err := Write(pctx, a, "", ndview.Full(1.5, 10, 10)); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 12 || seen[11] != 12 {
		t.Errorf("progress %v", seen)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Read[float64](cctx, a, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled read: %v", err)
	}
}
