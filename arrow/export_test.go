package arrow

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/arrow/tensor"
	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// plainNumber is the Go types Arrow's primitive arrays store.
type plainNumber interface {
	int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64 | float32 | float64
}

// checkPrimitive builds arrays of dt over random values, sliced at random
// offsets, views them as T, and checks values, zero-copy (a write through
// the view shows in the array), and that every Retain was Released.
func checkPrimitive[T comparable, A plainNumber](t *testing.T, dt arrow.DataType, conv func(A) T) {
	t.Helper()
	r := rand.New(rand.NewPCG(1, uint64(dt.ID())))
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	for range 20 {
		n := r.IntN(40)
		vals := make([]A, n)
		for i := range vals {
			vals[i] = A(r.IntN(100))
		}
		off := 0
		if n > 0 {
			off = r.IntN(n + 1)
		}
		length := r.IntN(n - off + 1)
		arr := primitive(mem, dt, vals, nil, off, length)
		v, ex, err := View[T](arr, RefuseNulls)
		if err != nil {
			t.Fatalf("%s: %v", dt, err)
		}
		if !slices.Equal(v.Shape(), []int{length}) {
			t.Fatalf("%s: shape %v, want (%d,)", dt, v.Shape(), length)
		}
		for i := range length {
			if got, want := v.At(i), conv(vals[off+i]); got != want {
				t.Fatalf("%s [%d]: %v, want %v", dt, i, got, want)
			}
		}
		if length > 0 {
			v.Set(conv(A(77)), length-1)
			if got := arrow.GetValues[A](arr.Data(), 1)[length-1]; got != A(77) {
				t.Fatalf("%s: a write through the view did not reach the array (read %v)", dt, got)
			}
		}
		if ex == nil {
			t.Fatalf("%s: no export to release", dt)
		}
		ex.Release()
		arr.Release()
	}
	mem.AssertSize(t, 0) // every Retain of an export was Released
}

func TestPrimitiveViews(t *testing.T) {
	checkPrimitive(t, arrow.PrimitiveTypes.Int8, func(x int8) int8 { return x })
	checkPrimitive(t, arrow.PrimitiveTypes.Int16, func(x int16) int16 { return x })
	checkPrimitive(t, arrow.PrimitiveTypes.Int32, func(x int32) int32 { return x })
	checkPrimitive(t, arrow.PrimitiveTypes.Int64, func(x int64) int64 { return x })
	checkPrimitive(t, arrow.PrimitiveTypes.Int64, func(x int64) int { return int(x) })
	checkPrimitive(t, arrow.PrimitiveTypes.Uint8, func(x uint8) uint8 { return x })
	checkPrimitive(t, arrow.PrimitiveTypes.Uint16, func(x uint16) uint16 { return x })
	checkPrimitive(t, arrow.PrimitiveTypes.Uint32, func(x uint32) uint32 { return x })
	checkPrimitive(t, arrow.PrimitiveTypes.Uint64, func(x uint64) uint64 { return x })
	checkPrimitive(t, arrow.PrimitiveTypes.Float32, func(x float32) float32 { return x })
	checkPrimitive(t, arrow.PrimitiveTypes.Float64, func(x float64) float64 { return x })
	// float16: Arrow stores IEEE half bits, as float16.Float16 does.
	checkPrimitive(t, arrow.FixedWidthTypes.Float16, float16.Frombits)
}

func TestWrongType(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	arr := primitive(mem, arrow.PrimitiveTypes.Int32, []int32{1, 2, 3}, nil, 0, 3)
	_, ex, err := View[float32](arr, RefuseNulls)
	wantErr(t, err, ndview.ErrType, "int32 as float32")
	if ex != nil {
		t.Fatal("a refused view returned an export")
	}
	_, _, err = View[int64](arr, RefuseNulls)
	wantErr(t, err, ndview.ErrType, "int32 as int64")
	arr.Release()
	mem.AssertSize(t, 0) // the refusals released what they retained
}

func TestMemoryViewOf(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	arr := primitive(mem, arrow.PrimitiveTypes.Uint16, []uint16{1, 2, 258, 4}, nil, 1, 3)
	m, err := ndview.MemoryViewOf(NewArray(arr, RefuseNulls))
	if err != nil {
		t.Fatal(err)
	}
	if m.Format() != "H" || !slices.Equal(m.Shape(), []int{3}) || m.ReadOnly() {
		t.Fatalf("format %q shape %v read-only %v", m.Format(), m.Shape(), m.ReadOnly())
	}
	if got := m.ToList(); !slices.Equal(got.([]any), []any{uint16(2), uint16(258), uint16(4)}) {
		t.Fatalf("ToList %v", got)
	}
	m.Release()
	arr.Release()
	mem.AssertSize(t, 0)
}

func TestNulls(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	vals := []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	valid := []bool{true, true, false, true, true, true, true, true, true, false}
	arr := primitive(mem, arrow.PrimitiveTypes.Float64, vals, valid, 3, 6) // slots 3..8: no null
	v, ex, err := View[float64](arr, RefuseNulls)
	if err != nil {
		t.Fatalf("a slice without nulls of an array with nulls: %v", err)
	}
	if !slices.Equal(cOrder(v), vals[3:9]) {
		t.Fatal(cOrder(v))
	}
	ex.Release()
	arr.Release()

	arr = primitive(mem, arrow.PrimitiveTypes.Float64, vals, valid, 1, 6) // slot 2 is null
	_, _, err = View[float64](arr, RefuseNulls)
	wantErr(t, err, ErrNulls, "a null slot")
	v, ex, err = View[float64](arr, AllowNulls)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cOrder(v), vals[1:7]) {
		t.Fatal(cOrder(v))
	}
	ok, err := Validity(arr)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cOrder(ok), valid[1:7]) {
		t.Fatalf("validity %v, want %v", cOrder(ok), valid[1:7])
	}
	ex.Release()
	arr.Release()
	mem.AssertSize(t, 0)
}

func TestFixedSizeList(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	vals := make([]int32, 24)
	for i := range vals {
		vals[i] = int32(i)
	}
	child := primitive(mem, arrow.PrimitiveTypes.Int32, vals, nil, 0, 24)
	arr := fixedList(mem, child, 3, nil, 2, 5) // lists 2..6 of 3 values
	child.Release()
	v, ex, err := View[int32](arr, RefuseNulls)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v.Shape(), []int{5, 3}) || !slices.Equal(cOrder(v), vals[6:21]) {
		t.Fatalf("shape %v values %v", v.Shape(), cOrder(v))
	}
	v.Set(-1, 1, 2) // list 3, value 2: child value 11
	if got := arr.(*array.FixedSizeList).ListValues().(*array.Int32).Value(11); got != -1 {
		t.Fatalf("write through the view: child value 11 is %d", got)
	}
	ex.Release()
	arr.Release()

	// Nested: lists of 2 lists of 3, on a sliced child.
	child = primitive(mem, arrow.PrimitiveTypes.Int32, vals, nil, 0, 24)
	inner := fixedList(mem, child, 3, nil, 1, 6) // values 3..20
	child.Release()
	outer := fixedList(mem, inner, 2, nil, 1, 2) // inner lists 1+2..1+5: values 9..20
	inner.Release()
	v, ex, err = View[int32](outer, RefuseNulls)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v.Shape(), []int{2, 2, 3}) || !slices.Equal(cOrder(v), vals[9:21]) {
		t.Fatalf("nested: shape %v values %v", v.Shape(), cOrder(v))
	}
	ex.Release()
	outer.Release()

	// Nulls at the list level and in the values.
	cvalid := make([]bool, 24)
	for i := range cvalid {
		cvalid[i] = i != 10
	}
	child = primitive(mem, arrow.PrimitiveTypes.Int32, vals, cvalid, 0, 24)
	lvalid := []bool{true, true, true, true, true, false, true, true}
	arr = fixedList(mem, child, 3, lvalid, 2, 5) // list 5 null; value 10 (list 3) null
	child.Release()
	_, _, err = View[int32](arr, RefuseNulls)
	wantErr(t, err, ErrNulls, "nulls in a FixedSizeList")
	ok, err := Validity(arr)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]bool, 15)
	for i := range want {
		list, value := 2+i/3, 6+i
		want[i] = lvalid[list] && cvalid[value]
	}
	if !slices.Equal(ok.Shape(), []int{5, 3}) || !slices.Equal(cOrder(ok), want) {
		t.Fatalf("validity %v %v, want %v", ok.Shape(), cOrder(ok), want)
	}
	arr.Release()
	mem.AssertSize(t, 0)
}

func TestBools(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	b := array.NewBooleanBuilder(mem)
	want := []bool{true, false, false, true, true, false, true, true, false, true, false}
	b.AppendValues(want, nil)
	b.AppendNull()
	whole := b.NewArray()
	b.Release()
	arr := array.NewSlice(whole, 3, 11)
	_, _, err := View[bool](arr, RefuseNulls)
	wantErr(t, err, ErrUnsupported, "a boolean view")
	_, err = ndview.MemoryViewOf(NewArray(arr, RefuseNulls))
	wantErr(t, err, ErrUnsupported, "a boolean MemoryView")
	got, err := Bools(arr, RefuseNulls)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cOrder(got), want[3:11]) {
		t.Fatalf("Bools %v, want %v", cOrder(got), want[3:11])
	}
	_, err = Bools(whole, RefuseNulls)
	wantErr(t, err, ErrNulls, "Bools with a null")
	got, err = Bools(whole, AllowNulls)
	if err != nil || got.Size() != 12 {
		t.Fatal(got, err)
	}
	_, err = Bools(primitive(mem, arrow.PrimitiveTypes.Int8, []int8{1}, nil, 0, 1), RefuseNulls)
	wantErr(t, err, ErrUnsupported, "Bools of int8")
	arr.Release()
	whole.Release()
}

func TestUnsupported(t *testing.T) {
	b := array.NewStringBuilder(memory.DefaultAllocator)
	b.Append("x")
	s := b.NewArray()
	defer s.Release()
	_, _, err := View[uint8](s, RefuseNulls)
	wantErr(t, err, ErrUnsupported, "a string array")
	_, _, err = View[uint8](nil, RefuseNulls)
	wantErr(t, err, ErrUnsupported, "a nil array")
}

// lyingArray is an array whose data reports another length and offset
// than its buffers hold: a hostile or corrupted array.
type lyingArray struct {
	arrow.Array
	d arrow.ArrayData
}

func (a lyingArray) Data() arrow.ArrayData { return a.d }

type lyingData struct {
	arrow.ArrayData
	length, off int
	children    []arrow.ArrayData
}

func (d lyingData) Len() int                    { return d.length }
func (d lyingData) Offset() int                 { return d.off }
func (d lyingData) Children() []arrow.ArrayData { return d.children }

// TestHostileArrays: arrays whose offsets, lengths and buffers disagree
// give errors, never a view outside their memory.
func TestHostileArrays(t *testing.T) {
	good := primitive(memory.DefaultAllocator, arrow.PrimitiveTypes.Float32, []float32{1, 2, 3, 4}, nil, 0, 4)
	defer good.Release()
	cases := []struct {
		name        string
		length, off int
	}{
		{"length past the buffer", 5, 0},
		{"offset past the buffer", 1, 4},
		{"negative offset", 1, -1},
		{"negative length", -1, 0},
		{"huge offset", 1, 1 << 61},
		{"huge length", 1 << 61, 0},
	}
	for _, c := range cases {
		arr := lyingArray{good, lyingData{good.Data(), c.length, c.off, nil}}
		_, ex, err := View[float32](arr, RefuseNulls)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
		}
		if ex != nil {
			t.Errorf("%s: a refused view returned an export", c.name)
		}
		_, err = Validity(arr)
		if c.length < 0 && err == nil {
			t.Errorf("%s: Validity accepted", c.name)
		}
	}
	// FixedSizeLists whose child is too short, or whose offsets overflow.
	for _, c := range []struct {
		name     string
		n        int32
		length   int
		childLen int
	}{{"a short child", 3, 2, 4}, {"overflowing lists", 1 << 30, 1 << 40, 4}, {"a child longer than its buffer", 2, 3, 6}} {
		d := array.NewData(arrow.FixedSizeListOf(c.n, arrow.PrimitiveTypes.Float32), 1, []*memory.Buffer{nil}, []arrow.ArrayData{good.Data()}, 0, 0)
		list := array.NewFixedSizeListData(d)
		arr := lyingArray{list, lyingData{d, c.length, 0, []arrow.ArrayData{lyingData{good.Data(), c.childLen, 0, nil}}}}
		_, _, err := View[float32](arr, RefuseNulls)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
		}
		list.Release()
		d.Release()
	}
}

func TestTensor(t *testing.T) {
	mem := memory.NewCheckedAllocator(memory.NewGoAllocator())
	vals := make([]float64, 12)
	for i := range vals {
		vals[i] = float64(i)
	}
	for _, order := range []string{"C", "F"} {
		vb := newBuf(mem, vals)
		d := array.NewData(arrow.PrimitiveTypes.Float64, 12, []*memory.Buffer{nil, vb}, nil, 0, 0)
		vb.Release()
		strides := []int64{32, 8}
		if order == "F" {
			strides = []int64{8, 24}
		}
		tn := tensor.New(d, []int64{3, 4}, strides, nil)
		d.Release()
		v, ex, err := TensorView[float64](tn)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			for j := range 4 {
				at := int(strides[0])/8*i + int(strides[1])/8*j
				if v.At(i, j) != vals[at] {
					t.Fatalf("%s (%d, %d): %v, want %v", order, i, j, v.At(i, j), vals[at])
				}
			}
		}
		v.Set(-5, 2, 3)
		if tn.(*tensor.Float64).Value([]int64{2, 3}) != -5 {
			t.Fatalf("%s: a write through the view did not reach the tensor", order)
		}
		ex.Release()
		tn.Release()
	}
	mem.AssertSize(t, 0)
}
