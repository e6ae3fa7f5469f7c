package arrow

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/bitutil"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ndkit/ndkit/ndview"
)

// newBuf returns a buffer of the allocator holding the bytes of vals.
func newBuf[T arrow.FixedWidthType](mem memory.Allocator, vals []T) *memory.Buffer {
	b := memory.NewResizableBuffer(mem)
	raw := arrow.GetBytes(vals)
	b.Resize(len(raw))
	copy(b.Bytes(), raw)
	return b
}

// newBitmap returns a validity bitmap of the allocator: bit i is valid[i].
func newBitmap(mem memory.Allocator, valid []bool) (*memory.Buffer, int) {
	b := memory.NewResizableBuffer(mem)
	b.Resize(int(bitutil.BytesForBits(int64(len(valid)))))
	clear(b.Bytes())
	nulls := 0
	for i, ok := range valid {
		if ok {
			bitutil.SetBit(b.Bytes(), i)
		} else {
			nulls++
		}
	}
	return b, nulls
}

// primitive returns an array of type dt over vals, with the validity
// (nil: no bitmap), sliced to [off, off+n).
func primitive[T arrow.FixedWidthType](mem memory.Allocator, dt arrow.DataType, vals []T, valid []bool, off, n int) arrow.Array {
	vb := newBuf(mem, vals)
	defer vb.Release()
	var bm *memory.Buffer
	nulls := 0
	if valid != nil {
		bm, nulls = newBitmap(mem, valid)
		defer bm.Release()
	}
	d := array.NewData(dt, len(vals), []*memory.Buffer{bm, vb}, nil, nulls, 0)
	defer d.Release()
	whole := array.MakeFromData(d)
	defer whole.Release()
	return array.NewSlice(whole, int64(off), int64(off+n))
}

// fixedList returns a FixedSizeList array of lists of n values of child,
// with the list validity (nil: none), sliced to [off, off+length).
func fixedList(mem memory.Allocator, child arrow.Array, n int, valid []bool, off, length int) arrow.Array {
	total := child.Len() / n
	var bm *memory.Buffer
	nulls := 0
	if valid != nil {
		bm, nulls = newBitmap(mem, valid)
		defer bm.Release()
	}
	d := array.NewData(arrow.FixedSizeListOf(int32(n), child.DataType()), total, []*memory.Buffer{bm}, []arrow.ArrayData{child.Data()}, nulls, 0)
	defer d.Release()
	whole := array.MakeFromData(d)
	defer whole.Release()
	return array.NewSlice(whole, int64(off), int64(off+length))
}

// wantErr fails unless err wraps kind.
func wantErr(t *testing.T, err, kind error, what string) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("%s: got error %v, want one wrapping %v", what, err, kind)
	}
}

// addr returns the address of b[i].
func addr(b []byte, i int) uintptr { return reflect.ValueOf(&b[i]).Pointer() }

// within reports whether the n bytes at address a lie inside b.
func within(a uintptr, n int, b []byte) bool {
	if len(b) == 0 {
		return false
	}
	lo := addr(b, 0)
	return a >= lo && a+uintptr(n) <= lo+uintptr(len(b))
}

// randomView returns a view of random layout over new float64 data, as
// ndview's randomLayout draws them with the public API: C-contiguous,
// transposed, reversed, stepped, broadcast, 0-d or empty; and a name.
func randomView(r *rand.Rand) (ndview.NDView[float64], string) {
	rank := r.IntN(4)
	shape := make([]int, rank)
	n := 1
	for i := range shape {
		shape[i] = 1 + r.IntN(4)
		if r.IntN(12) == 0 {
			shape[i] = 0
		}
		n *= shape[i]
	}
	data := make([]float64, n)
	for i := range data {
		data[i] = float64(r.IntN(1000)) - 500
	}
	v := ndview.Must(ndview.FromSlice(data, shape...))
	name := fmt.Sprintf("C%v", shape)
	switch r.IntN(6) {
	case 1:
		v, name = v.T(), "T"+name
	case 2:
		if rank > 0 {
			v, name = v.Flip(), "flip"+name
		}
	case 3:
		if rank > 0 && shape[0] > 1 {
			v, name = ndview.Must(v.Index("::2")), "step"+name
		}
	case 4:
		b := append([]int{2}, shape...)
		w, err := v.BroadcastTo(b...)
		if err == nil {
			v, name = w, "bcast"+name
		}
	case 5:
		if rank > 0 {
			v, name = ndview.Must(v.Index("::-1")), "rev"+name
		}
	}
	return v, name
}

// cOrder returns the values of v in C order.
func cOrder[T any](v ndview.NDView[T]) []T { return slices.Collect(v.Values()) }
