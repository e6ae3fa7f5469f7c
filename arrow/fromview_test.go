package arrow

import (
	"math/rand/v2"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/tensor"
	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// arrowValues returns the values of an array made by ToArray in C order,
// read through arrow-go's own accessors (the oracle).
func arrowValues(t *testing.T, a arrow.Array) []float64 {
	t.Helper()
	switch a := a.(type) {
	case *array.Float64:
		return slices.Clone(a.Float64Values())
	case *array.FixedSizeList:
		var out []float64
		for i := range a.Len() {
			lo, hi := a.ValueOffsets(i)
			s := array.NewSlice(a.ListValues(), lo, hi)
			out = append(out, arrowValues(t, s)...)
			s.Release()
		}
		return out
	}
	t.Fatalf("unexpected array type %T", a)
	return nil
}

// shapeOf returns the shape of an array made by ToArray.
func shapeOf(a arrow.Array) []int {
	shape := []int{a.Len()}
	for t := a.DataType(); ; {
		l, ok := t.(*arrow.FixedSizeListType)
		if !ok {
			return shape
		}
		shape = append(shape, int(l.Len()))
		t = l.Elem()
	}
}

func TestToArrayRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		v, name := randomView(r)
		arr, copied, err := ToArray(v)
		if v.NDim() == 0 {
			wantErr(t, err, ErrUnsupported, name+": a 0-d view")
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Equal(shapeOf(arr), v.Shape()) {
			t.Fatalf("%s: Arrow shape %v, want %v", name, shapeOf(arr), v.Shape())
		}
		if got, want := arrowValues(t, arr), cOrder(v); !slices.Equal(got, want) {
			t.Fatalf("%s: values %v, want %v", name, got, want)
		}
		if contiguous := v.IsCContiguous(); copied == contiguous {
			t.Fatalf("%s: copied = %v for a view that is C-contiguous: %v", name, copied, contiguous)
		}
		if !copied && v.Size() > 0 && !v.ReadOnly() {
			idx := make([]int, v.NDim())
			v.Set(12345, idx...)
			if got := arrowValues(t, arr)[0]; got != 12345 {
				t.Fatalf("%s: a write through the view did not reach the array (%v)", name, got)
			}
		}
		arr.Release()
	}
}

func TestToArrayTypes(t *testing.T) {
	check := func(x ndview.Exporter, want arrow.DataType) {
		t.Helper()
		arr, _, err := ToArray(x)
		if err != nil {
			t.Fatal(err)
		}
		if !arrow.TypeEqual(arr.DataType(), want) {
			t.Fatalf("type %s, want %s", arr.DataType(), want)
		}
		arr.Release()
	}
	check(ndview.Zeros[int](2), arrow.PrimitiveTypes.Int64)
	check(ndview.Zeros[uint](2), arrow.PrimitiveTypes.Uint64)
	check(ndview.Zeros[int8](2), arrow.PrimitiveTypes.Int8)
	check(ndview.Zeros[uint16](2), arrow.PrimitiveTypes.Uint16)
	check(ndview.Zeros[int32](2), arrow.PrimitiveTypes.Int32)
	check(ndview.Zeros[uint32](2), arrow.PrimitiveTypes.Uint32)
	check(ndview.Zeros[float32](2), arrow.PrimitiveTypes.Float32)
	check(ndview.Zeros[float16.Float16](2, 3), arrow.FixedSizeListOf(3, arrow.FixedWidthTypes.Float16))

	b := ndview.Must(ndview.FromSlice([]bool{true, false, true, true, false, true}, 2, 3))
	arr, copied, err := ToArray(b.T())
	if err != nil || !copied {
		t.Fatal(err, copied)
	}
	vals := arr.(*array.FixedSizeList).ListValues().(*array.Boolean)
	want := []bool{true, true, false, false, true, true}
	for i, w := range want {
		if vals.Value(i) != w {
			t.Fatalf("bool %d: %v, want %v", i, vals.Value(i), w)
		}
	}
	arr.Release()

	_, _, err = ToArray(ndview.Zeros[complex128](2))
	wantErr(t, err, ErrUnsupported, "complex")
	_, _, err = ToArray(nil)
	wantErr(t, err, ErrUnsupported, "nil")
	_, _, err = ToArray(bufferExporter{Data: make([]byte, 4), Format: ">H", Shape: []int{2}})
	wantErr(t, err, ErrUnsupported, "big-endian")
	_, _, err = ToArray(bufferExporter{Data: make([]byte, 4), Format: "<i4", Shape: []int{2}})
	wantErr(t, err, ErrUnsupported, "a buffer reaching past its data")
}

// bufferExporter exports itself.
type bufferExporter ndview.Buffer

func (b bufferExporter) ExportBuffer() (ndview.Buffer, error) { return ndview.Buffer(b), nil }

// countingExporter exports a view and counts the exports not released.
type countingExporter struct {
	v    ndview.NDView[float32]
	held atomic.Int64
}

func (c *countingExporter) ExportBuffer() (ndview.Buffer, error) {
	b, err := c.v.ExportBuffer()
	c.held.Add(1)
	b.Release = func() { c.held.Add(-1) }
	return b, err
}

// TestToArrayHoldsExport: a shared Arrow array holds the export until its
// last Release; a copy releases it at once.
func TestToArrayHoldsExport(t *testing.T) {
	c := &countingExporter{v: ndview.ArangeN[float32](6)}
	arr, copied, err := ToArray(c)
	if err != nil || copied {
		t.Fatal(err, copied)
	}
	if c.held.Load() != 1 {
		t.Fatalf("%d exports held by the array, want 1", c.held.Load())
	}
	arr.Retain()
	arr.Release()
	if c.held.Load() != 1 {
		t.Fatal("released while the array is retained")
	}
	arr.Release()
	if c.held.Load() != 0 {
		t.Fatalf("%d exports held after the array's last Release", c.held.Load())
	}
	c.v = ndview.Must(c.v.Index("::2"))
	arr, copied, err = ToArray(c)
	if err != nil || !copied || c.held.Load() != 0 {
		t.Fatal(err, copied, c.held.Load())
	}
	arr.Release()
	_, _, err = ToArray(&countingExporter{v: ndview.Scalar[float32](1)})
	wantErr(t, err, ErrUnsupported, "0-d")
}

func TestToTensorRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		v, name := randomView(r)
		tn, copied, err := ToTensor(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sh := make([]int, tn.NumDims())
		for k, n := range tn.Shape() {
			sh[k] = int(n)
		}
		if !slices.Equal(sh, v.Shape()) {
			t.Fatalf("%s: tensor shape %v, want %v", name, sh, v.Shape())
		}
		f := tn.(*tensor.Float64)
		for idx, want := range v.Enumerate() {
			i64 := make([]int64, len(idx))
			for k, i := range idx {
				i64[k] = int64(i)
			}
			if got := f.Value(i64); got != want {
				t.Fatalf("%s %v: %v, want %v", name, idx, got, want)
			}
		}
		if shared := v.IsCContiguous() || v.IsFContiguous(); copied == shared && v.Size() > 1 {
			t.Fatalf("%s: copied = %v, contiguous = %v", name, copied, shared)
		}
		// And back: the tensor as a view reads the same memory.
		w, ex, err := TensorView[float64](tn)
		if err != nil {
			t.Fatalf("%s: back: %v", name, err)
		}
		if !slices.Equal(cOrder(w), cOrder(v)) {
			t.Fatalf("%s: back: %v, want %v", name, cOrder(w), cOrder(v))
		}
		if !copied && v.Size() > 0 && !v.ReadOnly() {
			v.Set(-7, make([]int, v.NDim())...)
			if w.At(make([]int, v.NDim())...) != -7 {
				t.Fatalf("%s: the tensor does not share the view's memory", name)
			}
		}
		ex.Release()
		tn.Release()
	}
	_, _, err := ToTensor(ndview.Zeros[float16.Float16](2))
	wantErr(t, err, ErrUnsupported, "float16 tensor")
}

// TestReadOnlyRoundTrip: an Arrow array or tensor that shares a read-only
// view's memory exports read-only buffers, also after slicing; one that
// shares a writable view's memory exports writable ones (semantics.md
// AR2).
func TestReadOnlyRoundTrip(t *testing.T) {
	base := ndview.Must(ndview.FromSlice([]float32{1, 2, 3, 4, 5, 6}, 2, 3))
	for _, ro := range []bool{false, true} {
		src := base
		if ro {
			src = base.AsReadOnly()
		}
		arr, copied, err := ToArray(src)
		if err != nil || copied {
			t.Fatal(err, copied)
		}
		v, ex, err := View[float32](arr, RefuseNulls)
		if err != nil {
			t.Fatal(err)
		}
		if v.ReadOnly() != ro {
			t.Fatalf("array of a view read-only %v: its view is read-only %v", ro, v.ReadOnly())
		}
		ex.Release()
		part := array.NewSlice(arr, 1, 2)
		v, ex, err = View[float32](part, RefuseNulls)
		if err != nil || v.ReadOnly() != ro || v.At(0, 2) != 6 {
			t.Fatalf("a slice: %v read-only %v (want %v)", err, v.ReadOnly(), ro)
		}
		ex.Release()
		part.Release()
		arr.Release()

		tn, copied, err := ToTensor(src.T())
		if err != nil || copied {
			t.Fatal(err, copied)
		}
		w, ex, err := TensorView[float32](tn)
		if err != nil || w.ReadOnly() != ro || w.At(2, 1) != 6 {
			t.Fatalf("a tensor: %v read-only %v (want %v)", err, w.ReadOnly(), ro)
		}
		ex.Release()
		tn.Release()
	}
	// A copy is new memory: writable, whatever the source was.
	arr, copied, err := ToArray(base.T().AsReadOnly())
	if err != nil || !copied {
		t.Fatal(err, copied)
	}
	v, ex, err := View[float32](arr, RefuseNulls)
	if err != nil || v.ReadOnly() {
		t.Fatalf("a copy: %v read-only %v", err, v.ReadOnly())
	}
	ex.Release()
	arr.Release()
}
