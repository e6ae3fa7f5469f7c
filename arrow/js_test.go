package arrow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/ndkit/ndkit/ndview"
	"github.com/x448/float16"
)

// The fixtures of scripts/check.sh (semantics.md AR13): testdata/js holds
// files written by Apache Arrow's JavaScript implementation and what it
// reads back from them (js_values.json); testdata/ndkit holds the files
// WriteFile and WriteStream write and what apache-arrow reads from them
// (js_read.json).

// jsColumn is one column as check.mjs describes it: its Arrow type and
// its rows (null for a null slot; an array for a list).
type jsColumn struct {
	Type string `json:"type"`
	Rows []any  `json:"rows"`
}

// readJS reads a JSON file of check.mjs: file name → column → column.
func readJS(t *testing.T, path string) map[string]map[string]jsColumn {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]map[string]jsColumn
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// number returns an item of a MemoryView as a float64.
func number(x any) float64 {
	switch x := x.(type) {
	case float16.Float16:
		return float64(x.Float32())
	case float32:
		return float64(x)
	case float64:
		return x
	case bool:
		if x {
			return 1
		}
		return 0
	}
	var f float64
	fmt.Sscan(fmt.Sprint(x), &f)
	return f
}

// flatRows returns the values and validity of JSON rows, lists flattened
// (a null list counts as n nulls), and the row length (1, or n for lists).
func flatRows(rows []any) (vals []float64, valid []bool, n int) {
	n = 1
	for _, r := range rows {
		if l, ok := r.([]any); ok {
			n = len(l)
		}
	}
	for _, r := range rows {
		switch r := r.(type) {
		case nil:
			for range n {
				vals, valid = append(vals, 0), append(valid, false)
			}
		case []any:
			for _, x := range r {
				vals, valid = append(vals, number(x)), append(valid, true)
			}
		default:
			vals, valid = append(vals, number(r)), append(valid, true)
		}
	}
	return vals, valid, n
}

// compareColumn checks column col of f against what apache-arrow read.
func compareColumn(t *testing.T, f *File, j int, name string, want jsColumn) {
	t.Helper()
	col, err := f.Column(0, j)
	if err != nil {
		t.Fatal(err)
	}
	vals, valid, n := flatRows(want.Rows)
	var got []float64
	shape := []int{col.Len()}
	if n > 1 {
		shape = append(shape, n)
	}
	if col.DataType().ID() == arrow.BOOL {
		b, err := Bools(col, AllowNulls)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for x := range b.Values() {
			got = append(got, number(x))
		}
	} else {
		m, err := ndview.MemoryViewOf(NewArray(col, AllowNulls))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if fmt.Sprint(m.Shape()) != fmt.Sprint(shape) {
			t.Fatalf("%s: shape %v, want %v", name, m.Shape(), shape)
		}
		for _, x := range flatten(m.ToList()) {
			got = append(got, number(x))
		}
		m.Release()
	}
	ok, err := Validity(col)
	if err != nil {
		t.Fatal(err)
	}
	okv := cOrder(ok)
	if len(got) != len(vals) || len(okv) != len(valid) {
		t.Fatalf("%s: %d values and %d validity bits, want %d", name, len(got), len(okv), len(vals))
	}
	for i := range vals {
		if okv[i] != valid[i] || valid[i] && got[i] != vals[i] {
			t.Fatalf("%s [%d]: %v (valid %v), apache-arrow reads %v (valid %v)", name, i, got[i], okv[i], vals[i], valid[i])
		}
	}
}

// TestJSFixtures reads the files apache-arrow wrote, mapped, and checks
// every column against what apache-arrow reads from them.
func TestJSFixtures(t *testing.T) {
	want := readJS(t, "testdata/js/js_values.json")
	for _, name := range []string{"js_file.arrow", "js_stream.arrows"} {
		cols := want[name]
		if len(cols) != 14 {
			t.Fatalf("%s: %d columns described, want 14", name, len(cols))
		}
		f, err := Map(filepath.Join("testdata/js", name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for j, fld := range f.Schema().Fields() {
			c, ok := cols[fld.Name]
			if !ok {
				t.Fatalf("%s: column %q not described", name, fld.Name)
			}
			compareColumn(t, f, j, name+"/"+fld.Name, c)
		}
		// A typed view, zero-copy from the mapped file.
		col, _ := f.Column(0, f.Schema().FieldIndices("list")[0])
		v, ex, err := View[float32](col, RefuseNulls)
		if err != nil {
			t.Fatal(err)
		}
		vals := col.Data().Children()[0].Buffers()[1].Bytes()
		if !within(addr(vals, 0), len(vals), f.data) || v.At(1, 1) != float32(-13+0.5) {
			t.Fatalf("%s: list column: %v", name, cOrder(v))
		}
		ex.Release()
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// ndkitColumns are the views written into testdata/ndkit: every layout
// WriteFile copies or shares, every element type with an Arrow type.
func ndkitColumns() ([]string, []ndview.Exporter) {
	m := ndview.Must(ndview.FromSlice([]float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, 3, 5))
	h := make([]float16.Float16, 5)
	for i := range h {
		h[i] = float16.Fromfloat32(float32(i) - 1.5)
	}
	return []string{"f64_T", "i32", "u8_rev", "f16", "i64_step", "bool", "u64"},
		[]ndview.Exporter{
			m.T(), // (5, 3), copied
			ndview.Must(ndview.FromSlice([]int32{-1, 2, -3, 4, -5}, 5)),
			ndview.Must(ndview.FromSlice([]uint8{1, 2, 3, 4, 250}, 5)).Flip(),
			ndview.Must(ndview.FromSlice(h, 5)),
			ndview.Must(ndview.Must(ndview.FromSlice([]int64{1 << 40, 0, -7, 0, 9, 0, 11, 0, 13, 0}, 10)).Index("::2")),
			ndview.Must(ndview.FromSlice([]bool{true, false, false, true, true}, 5)),
			ndview.Must(ndview.FromSlice([]uint64{0, 1, 2, 1 << 52, 4}, 5)),
		}
}

// TestNdkitFixtures checks that WriteFile and WriteStream still write the
// committed files (NDKIT_ARROW_UPDATE=1 rewrites them, as check.sh does),
// and that apache-arrow read from them the values of the views.
func TestNdkitFixtures(t *testing.T) {
	names, cols := ndkitColumns()
	files := map[string]func(*bytes.Buffer) error{
		"ndkit_file.arrow":    func(b *bytes.Buffer) error { return WriteFile(b, names, cols...) },
		"ndkit_stream.arrows": func(b *bytes.Buffer) error { return WriteStream(b, names, cols...) },
	}
	for name, write := range files {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata/ndkit", name)
		if os.Getenv("NDKIT_ARROW_UPDATE") == "1" {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(old, buf.Bytes()) {
			t.Fatalf("%s: the committed file differs from what is written now (%v): run scripts/check.sh", name, err)
		}
	}
	if os.Getenv("NDKIT_ARROW_UPDATE") == "1" {
		return
	}
	read := readJS(t, "testdata/ndkit/js_read.json")
	for name := range files {
		got := read[name]
		if len(got) != len(names) {
			t.Fatalf("%s: apache-arrow read %d columns, want %d", name, len(got), len(names))
		}
		for j, col := range names {
			vals, valid, _ := flatRows(got[col].Rows)
			m, err := ndview.MemoryViewOf(cols[j])
			if err != nil {
				t.Fatal(err)
			}
			var want []float64
			for _, x := range flatten(m.ToList()) {
				want = append(want, number(x))
			}
			if len(vals) != len(want) {
				t.Fatalf("%s/%s: apache-arrow read %d values, want %d", name, col, len(vals), len(want))
			}
			for i := range want {
				if !valid[i] || vals[i] != want[i] {
					t.Fatalf("%s/%s [%d]: apache-arrow read %v, want %v", name, col, i, vals[i], want[i])
				}
			}
		}
	}
}

// flatten returns the items of a nested ToList result in C order.
func flatten(x any) []any {
	l, ok := x.([]any)
	if !ok {
		return []any{x}
	}
	var out []any
	for _, e := range l {
		out = append(out, flatten(e)...)
	}
	return out
}
