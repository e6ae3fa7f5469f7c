package arrow

import (
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/ndkit/ndkit/ndview"
)

// WriteFile writes an Arrow IPC file (pyarrow's pa.ipc.new_file) of one
// record batch whose columns are the values of cols, made as ToArray
// makes them (1-D: primitive arrays; N-D: FixedSizeLists), named by
// names, with arrow-go's writer (semantics.md AR12). Contiguous views are
// written without an intermediate copy.
//
// It returns an error wrapping ndview.ErrShape when the names and columns
// differ in number or the columns in length, ToArray's errors, and one
// wrapping ErrIO (and the writer's error) when writing fails.
func WriteFile(w io.Writer, names []string, cols ...ndview.Exporter) error {
	return write("WriteFile", w, false, names, cols)
}

// WriteStream writes the columns as WriteFile does, as an Arrow IPC stream
// (pa.ipc.new_stream).
func WriteStream(w io.Writer, names []string, cols ...ndview.Exporter) error {
	return write("WriteStream", w, true, names, cols)
}

// write writes one record batch of the columns, as a file or a stream.
func write(op string, w io.Writer, stream bool, names []string, cols []ndview.Exporter) error {
	if len(names) != len(cols) {
		return errorf(op, ndview.ErrShape, "%d names for %d columns", len(names), len(cols))
	}
	arrs := make([]arrow.Array, 0, len(cols))
	defer func() {
		for _, a := range arrs {
			a.Release()
		}
	}()
	fields := make([]arrow.Field, len(cols))
	for i, c := range cols {
		a, _, err := ToArray(c)
		if err != nil {
			return err
		}
		arrs = append(arrs, a)
		if a.Len() != arrs[0].Len() {
			return errorf(op, ndview.ErrShape, "column %q has %d rows and column %q %d; all columns need the same length",
				names[i], a.Len(), names[0], arrs[0].Len())
		}
		fields[i] = arrow.Field{Name: names[i], Type: a.DataType()}
	}
	schema := arrow.NewSchema(fields, nil)
	rows := int64(0)
	if len(arrs) > 0 {
		rows = int64(arrs[0].Len())
	}
	rec := array.NewRecordBatch(schema, arrs, rows)
	defer rec.Release()
	var err error
	if stream {
		wr := ipc.NewWriter(w, ipc.WithSchema(schema))
		err = wr.Write(rec)
		if cerr := wr.Close(); err == nil {
			err = cerr
		}
	} else {
		var wr *ipc.FileWriter
		wr, err = ipc.NewFileWriter(w, ipc.WithSchema(schema))
		if err == nil {
			err = wr.Write(rec)
			if cerr := wr.Close(); err == nil {
				err = cerr
			}
		}
	}
	if err != nil {
		return wrapf(op, ErrIO, err, "cannot write the record batch")
	}
	return nil
}
