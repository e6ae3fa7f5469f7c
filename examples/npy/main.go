// Command npy opens a .npy file written by NumPy through a memory map and
// inspects it without reading it: header, shape and dtype, a strided slice,
// and per-hour means computed through column views of the mapped data.
//
// Usage:
//
//	go run ./examples/npy [-in FILE.npy]
//
// With no -in it uses temperatures.npy, a year of hourly float32
// temperatures saved by NumPy 1.24 with
//
//	np.save("temperatures.npy", t.astype("<f4"))  # shape (365, 24)
//
// which is embedded in the program and written to a temporary file first,
// since a mapping needs a file.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
)

//go:embed temperatures.npy
var temperatures []byte

func main() {
	in := flag.String("in", "", "a .npy file of float32 values with 2 dimensions; default: the embedded sample")
	flag.Parse()
	path := *in
	if path == "" {
		dir, err := os.MkdirTemp("", "ndkit-npy")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "temperatures.npy")
		if err := os.WriteFile(path, temperatures, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if err := run(path, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// run maps the file at path and prints what it holds.
func run(path string, w io.Writer) error {
	m, err := npy.Map[float32](path)
	if err != nil {
		return err
	}
	defer m.Close()
	h := m.Header()
	fmt.Fprintf(w, "%s: version %v, dtype %v, fortran_order %v, shape %v, data at byte %d\n",
		filepath.Base(path), h.Version, h.DType, h.FortranOrder, h.Shape, h.DataOffset)

	v := m.View() // the mapped file itself: nothing was read or copied
	fmt.Fprintf(w, "view: format %q, shape %v, strides %v, %d bytes, read-only %v\n\n",
		v.Format(), v.Shape(), v.ByteStrides(), v.NBytes(), v.ReadOnly())
	if v.NDim() != 2 {
		return fmt.Errorf("%s: want a 2-D array, got shape %v", path, v.Shape())
	}

	// Every 60th day at every 6th hour: a strided view of the mapping.
	s, err := v.Index("::60, ::6")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "v[::60, ::6], shape %v, strides %v:\n%v\n\n", s.Shape(), s.ByteStrides(), s)

	// The mean of each column (hour of the day), read through column views.
	fmt.Fprintln(w, "mean by column (v.mean(axis=0)):")
	for j, col := range v.Axis(1) {
		sum := 0.0
		for x := range col.Values() {
			sum += float64(x)
		}
		fmt.Fprintf(w, "%6.2f", sum/float64(col.Size()))
		if j%12 == 11 {
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w)

	// A copy that outlives the mapping, for code that wants to keep data.
	first := ndview.Zeros[float32](v.Shape()[1])
	first.CopyFrom(v.Slice(ndview.Int(0)))
	fmt.Fprintf(w, "first row, copied out of the mapping: %.2f\n", first.ToSlice()[:4])
	return nil
}
