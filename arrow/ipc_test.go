package arrow

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/ndkit/ndkit/ndview"
)

// sampleRecord returns a record batch of 5 rows: f (float32), i (int64,
// a null at row 3), m (FixedSizeList of 3 float64), b (bool).
func sampleRecord() arrow.RecordBatch {
	mem := memory.DefaultAllocator
	fb := array.NewFloat32Builder(mem)
	fb.AppendValues([]float32{1.5, -2, 3, 4.25, 5}, nil)
	ib := array.NewInt64Builder(mem)
	ib.AppendValues([]int64{10, 20, 30, 40, 50}, []bool{true, true, true, false, true})
	lb := array.NewFixedSizeListBuilder(mem, 3, arrow.PrimitiveTypes.Float64)
	vb := lb.ValueBuilder().(*array.Float64Builder)
	for i := range 5 {
		lb.Append(true)
		vb.AppendValues([]float64{float64(i), float64(i) + 0.5, -float64(i)}, nil)
	}
	bb := array.NewBooleanBuilder(mem)
	bb.AppendValues([]bool{true, false, true, true, false}, nil)
	cols := []arrow.Array{fb.NewArray(), ib.NewArray(), lb.NewArray(), bb.NewArray()}
	for _, b := range []interface{ Release() }{fb, ib, lb, bb} {
		b.Release()
	}
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "f", Type: cols[0].DataType()}, {Name: "i", Type: cols[1].DataType(), Nullable: true},
		{Name: "m", Type: cols[2].DataType()}, {Name: "b", Type: cols[3].DataType()},
	}, nil)
	rec := array.NewRecordBatch(schema, cols, 5)
	for _, c := range cols {
		c.Release()
	}
	return rec
}

// encode writes rec as an IPC file or stream with arrow-go's writer.
func encode(t testing.TB, rec arrow.RecordBatch, stream bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if stream {
		w := ipc.NewWriter(&buf, ipc.WithSchema(rec.Schema()))
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	} else {
		w, err := ipc.NewFileWriter(&buf, ipc.WithSchema(rec.Schema()))
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// writeTemp writes data to a new file and returns its path.
func writeTemp(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// checkSample checks the columns of a File holding sampleRecord, and that
// every column buffer lies in the file's bytes.
func checkSample(t *testing.T, f *File) {
	t.Helper()
	if f.NumRecords() != 1 {
		t.Fatalf("%d record batches", f.NumRecords())
	}
	col, err := f.Column(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	v, ex, err := View[float32](col, RefuseNulls)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cOrder(v), []float32{1.5, -2, 3, 4.25, 5}) || !v.ReadOnly() {
		t.Fatalf("f: %v read-only %v", cOrder(v), v.ReadOnly())
	}
	// Zero-copy: the values buffer is in the file's bytes, by address.
	vals := col.Data().Buffers()[1].Bytes()
	if !within(addr(vals, 0), len(vals), f.data) {
		t.Fatal("column f's values are not in the file's bytes")
	}
	if f.Exports() != 1 {
		t.Fatalf("%d exports counted, want 1", f.Exports())
	}
	ex.Release()

	col, _ = f.Column(0, 1)
	_, _, err = View[int64](col, RefuseNulls)
	wantErr(t, err, ErrNulls, "column i")
	iv, ex, err := View[int64](col, AllowNulls)
	if err != nil {
		t.Fatal(err)
	}
	ok, _ := Validity(col)
	if !slices.Equal(cOrder(ok), []bool{true, true, true, false, true}) || iv.At(4) != 50 {
		t.Fatalf("i: %v %v", cOrder(iv), cOrder(ok))
	}
	ex.Release()

	col, _ = f.Column(0, 2)
	m, ex, err := View[float64](col, RefuseNulls)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Shape(), []int{5, 3}) || m.At(2, 1) != 2.5 || m.At(4, 2) != -4 {
		t.Fatalf("m: %v %v", m.Shape(), cOrder(m))
	}
	child := col.(*array.FixedSizeList).ListValues().Data().Buffers()[1].Bytes()
	if !within(addr(child, 0), len(child), f.data) {
		t.Fatal("column m's values are not in the file's bytes")
	}
	ex.Release()

	col, _ = f.Column(0, 3)
	b, err := Bools(col, RefuseNulls)
	if err != nil || !slices.Equal(cOrder(b), []bool{true, false, true, true, false}) {
		t.Fatal(cOrder(b), err)
	}
}

func TestMapFileAndStream(t *testing.T) {
	rec := sampleRecord()
	defer rec.Release()
	for _, stream := range []bool{false, true} {
		data := encode(t, rec, stream)
		f, err := Map(writeTemp(t, "x.arrow", data))
		if err != nil {
			t.Fatal(err)
		}
		if f.IsStream() != stream {
			t.Fatalf("IsStream %v, want %v", f.IsStream(), stream)
		}
		checkSample(t, f)

		// Close is refused while an export is held, and leaves the file open.
		col, _ := f.Column(0, 0)
		v, ex, err := View[float32](col, RefuseNulls)
		if err != nil {
			t.Fatal(err)
		}
		wantErr(t, f.Close(), ErrExported, "Close while exported")
		if _, err := f.Column(0, 0); err != nil {
			t.Fatalf("the refused Close closed the file: %v", err)
		}
		ex.Release()
		ex.Release() // harmless
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal("second Close:", err)
		}
		_, err = f.Column(0, 0)
		wantErr(t, err, ErrClosed, "Column after Close")
		if v.At(4) != 5 { // the view made before stays valid memory
			t.Fatal("view after Close")
		}

		g, err := ReadBytes(data)
		if err != nil {
			t.Fatal(err)
		}
		checkSample(t, g)
		g.Close()
	}
}

// TestMappingLifetime: an Arrow array retained past Close keeps the pages
// mapped and counts as exported for later exports (refused: closed); once
// released and unreachable, the mapping is unmapped.
func TestMappingLifetime(t *testing.T) {
	rec := sampleRecord()
	defer rec.Release()
	path := writeTemp(t, "x.arrow", encode(t, rec, false))
	var id uint64
	col := func() arrow.Array {
		f, err := Map(path)
		if err != nil {
			t.Fatal(err)
		}
		id = f.m.id
		c, _ := f.Column(0, 0)
		c.Retain()
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		_, _, err = View[float32](c, RefuseNulls)
		wantErr(t, err, ErrClosed, "an export after Close")
		return c
	}()
	for range 3 {
		runtime.GC()
	}
	if got := col.(*array.Float32).Float32Values(); !slices.Equal(got, []float32{1.5, -2, 3, 4.25, 5}) {
		t.Fatalf("retained column after Close and GC: %v", got)
	}
	if _, ok := unmapped.Load(id); ok {
		t.Fatal("unmapped while an Arrow array of it is retained")
	}
	col.Release()
	col = nil
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if _, ok := unmapped.Load(id); ok {
			return
		}
		runtime.GC()
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the mapping was never unmapped")
}

// exercise opens data and, when it is accepted, views every column of
// every batch every way, reading every value: nothing may panic.
func exercise(t testing.TB, data []byte) {
	f, err := ReadBytes(data)
	if err != nil {
		return
	}
	defer f.Close()
	for i := range f.NumRecords() {
		rec, _ := f.Record(i)
		for j := range int(rec.NumCols()) {
			col := rec.Column(j)
			if m, err := ndview.MemoryViewOf(NewArray(col, AllowNulls)); err == nil {
				_ = m.ToList()
				m.Release()
			}
			_, _ = Validity(col)
			_, _ = Bools(col, AllowNulls)
			_ = array.ValidateFull(col)
		}
	}
}

// TestMalformed: truncations and random corruptions of files and streams
// give an error or a readable file, never a panic. The cuts are each of
// the last 48 bytes (the footer's end, its length, the magic) and every
// 16th byte before them; FuzzReadBytes explores further (the budget keeps this test
// near a second under -race).
func TestMalformed(t *testing.T) {
	rec := sampleRecord()
	defer rec.Release()
	r := rand.New(rand.NewPCG(7, 8))
	inputs := [][]byte{encode(t, rec, false), encode(t, rec, true)}
	for _, p := range []string{"testdata/js/js_file.arrow", "testdata/js/js_stream.arrows"} {
		b, err := os.ReadFile(p) // files whose schema is only in the footer
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
	}
	for k, data := range inputs {
		stream := k%2 == 1
		for n := range len(data) {
			if n%16 != 0 && n < len(data)-48 {
				continue
			}
			cut := slices.Clone(data[:n])
			f, err := ReadBytes(cut)
			if err == nil && !stream {
				f.Close()
				t.Fatalf("a file truncated to %d of %d bytes was accepted", n, len(data))
			}
			exercise(t, cut)
		}
		for range 150 {
			bad := slices.Clone(data)
			for range 1 + r.IntN(4) {
				bad[r.IntN(len(bad))] ^= byte(1 + r.IntN(255))
			}
			exercise(t, bad)
		}
	}
	// On disk, through a mapping.
	data := encode(t, rec, false)
	_, err := Map(writeTemp(t, "cut.arrow", data[:len(data)-3]))
	wantErr(t, err, ErrFormat, "a truncated mapped file")
	_, err = Map(writeTemp(t, "empty.arrow", nil))
	wantErr(t, err, ErrFormat, "an empty file")
	_, err = Map(filepath.Join(t.TempDir(), "missing.arrow"))
	wantErr(t, err, ErrIO, "a missing file")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a missing file: %v does not wrap fs.ErrNotExist", err)
	}
}

// TestCompressed: files and streams whose bodies are compressed cannot be
// read in place and are refused as unsupported, not as malformed
// (semantics.md AR8).
func TestCompressed(t *testing.T) {
	rec := sampleRecord()
	defer rec.Release()
	for _, codec := range []ipc.Option{ipc.WithLZ4(), ipc.WithZstd()} {
		var file, stream bytes.Buffer
		fw, err := ipc.NewFileWriter(&file, ipc.WithSchema(rec.Schema()), codec)
		if err != nil {
			t.Fatal(err)
		}
		sw := ipc.NewWriter(&stream, ipc.WithSchema(rec.Schema()), codec)
		for _, w := range []interface {
			Write(arrow.RecordBatch) error
			Close() error
		}{fw, sw} {
			if err := w.Write(rec); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
		}
		for _, data := range [][]byte{file.Bytes(), stream.Bytes()} {
			f, err := ReadBytes(data)
			wantErr(t, err, ErrUnsupported, "compressed bodies")
			if f != nil {
				t.Fatal("a refused file was returned")
			}
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, fs.ErrClosed }

// TestWriteFails: a failing writer gives ErrIO with its error as the cause.
func TestWriteFails(t *testing.T) {
	x := ndview.ArangeN[float32](4)
	for _, write := range []func(io.Writer, []string, ...ndview.Exporter) error{WriteFile, WriteStream} {
		err := write(failingWriter{}, []string{"x"}, x)
		wantErr(t, err, ErrIO, "a failing writer")
		if !errors.Is(err, fs.ErrClosed) {
			t.Fatalf("the writer's error is not the cause: %v", err)
		}
	}
}

func FuzzReadBytes(f *testing.F) {
	rec := sampleRecord()
	defer rec.Release()
	f.Add(encode(f, rec, false))
	f.Add(encode(f, rec, true))
	if fixtures, _ := filepath.Glob("testdata/js/*.arrow*"); len(fixtures) > 0 {
		for _, p := range fixtures {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) { exercise(t, data) })
}

func TestWriteRoundTrip(t *testing.T) {
	x := ndview.Must(ndview.FromSlice([]float32{1, 2, 3, 4, 5, 6}, 3, 2))
	y := ndview.Must(ndview.FromSlice([]int16{7, 8, 9}, 3))
	z := ndview.Must(ndview.FromSlice([]bool{true, false, true}, 3))
	for _, stream := range []bool{false, true} {
		var buf bytes.Buffer
		write := WriteFile
		if stream {
			write = WriteStream
		}
		if err := write(&buf, []string{"x", "y", "z"}, x.T().T(), y.Flip(), z); err != nil {
			t.Fatal(err)
		}
		f, err := ReadBytes(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		c, _ := f.Column(0, 0)
		xv, ex, err := View[float32](c, RefuseNulls)
		if err != nil || !slices.Equal(cOrder(xv), cOrder(x)) || !slices.Equal(xv.Shape(), x.Shape()) {
			t.Fatal(err, cOrder(xv))
		}
		ex.Release()
		c, _ = f.Column(0, 1)
		yv, ex, err := View[int16](c, RefuseNulls)
		if err != nil || !slices.Equal(cOrder(yv), []int16{9, 8, 7}) {
			t.Fatal(err, cOrder(yv))
		}
		ex.Release()
		c, _ = f.Column(0, 2)
		zv, err := Bools(c, RefuseNulls)
		if err != nil || !slices.Equal(cOrder(zv), cOrder(z)) {
			t.Fatal(err, cOrder(zv))
		}
		f.Close()
	}
	err := WriteFile(&bytes.Buffer{}, []string{"x", "y"}, x, ndview.Zeros[int16](4))
	wantErr(t, err, ndview.ErrShape, "columns of different lengths")
	err = WriteFile(&bytes.Buffer{}, []string{"x"}, x, y)
	wantErr(t, err, ndview.ErrShape, "names and columns")
}
