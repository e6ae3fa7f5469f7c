package npy_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
)

func ExampleWrite() {
	// np.save(f, np.arange(6.0).reshape(2, 3))
	v, _ := ndview.FromSlice([]float64{0, 1, 2, 3, 4, 5}, 2, 3)
	var f bytes.Buffer
	if err := npy.Write(&f, v); err != nil {
		log.Fatal(err)
	}
	b := f.Bytes()
	fmt.Printf("%q\n", b[:10])
	fmt.Printf("%s|\n", bytes.TrimRight(b[10:128], " \n"))
	fmt.Println(len(b), "bytes: a 128-byte header and 6 float64")
	// Output:
	// "\x93NUMPY\x01\x00v\x00"
	// {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }|
	// 176 bytes: a 128-byte header and 6 float64
}

func ExampleWrite_transposed() {
	// The transpose of a C array is F-contiguous: it is written as it lies
	// in memory, with fortran_order True, as numpy.save does.
	v, _ := ndview.FromSlice([]int32{1, 2, 3, 4, 5, 6}, 2, 3)
	var f bytes.Buffer
	_ = npy.Write(&f, v.T())
	h, _ := npy.ReadHeader(&f)
	fmt.Println(h.FortranOrder, h.Shape)
	// Output:
	// true [3 2]
}

func ExampleRead() {
	var f bytes.Buffer
	v, _ := ndview.FromSlice([]int16{1, 2, 3, 4, 5, 6}, 2, 3)
	_ = npy.Write(&f, v.T())

	// a = np.load(f)
	a, err := npy.Read[int16](&f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a)
	fmt.Println(a.Shape(), a.Strides(), a.IsFContiguous())

	// The element type must match the file's dtype.
	_, err = npy.Read[float32](bytes.NewReader(must(encode(v))))
	fmt.Println(err)
	// Output:
	// [[1 4]
	//  [2 5]
	//  [3 6]]
	// [3 2] [1 3] true
	// npy: Read: file dtype "<i2" (int16) does not match element type float32 ("<f4", float32); read it with element type int16
}

func ExampleReadHeader() {
	f := bytes.NewReader(must(encode(ndview.Zeros[complex64](4, 0, 3))))
	h, err := npy.ReadHeader(f)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(h.Version, h.DType, h.FortranOrder, h.Shape, h.DataOffset, h.NBytes())
	// Output:
	// 1.0 <c8 false [4 0 3] 128 0
}

func ExampleMap() {
	dir, _ := os.MkdirTemp("", "npy")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "a.npy")
	v, _ := ndview.FromSlice([]float32{1, 2, 3, 4}, 2, 2)
	_ = os.WriteFile(path, must(encode(v)), 0o644)

	// m = np.load(path, mmap_mode='r')
	m, err := npy.Map[float32](path)
	if err != nil {
		log.Fatal(err)
	}
	a := m.View()
	fmt.Println(a, a.ReadOnly())
	col, _ := a.Index(":, 1")
	if err := m.Close(); err != nil {
		log.Fatal(err)
	}
	// Views used after Close read zeros instead of faulting.
	fmt.Println(col)
	// Output:
	// [[1 2]
	//  [3 4]] true
	// [0 0]
}

func ExampleMapWritable() {
	dir, _ := os.MkdirTemp("", "npy")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "a.npy")
	_ = os.WriteFile(path, must(encode(ndview.Zeros[int64](3))), 0o644)

	// m = np.load(path, mmap_mode='r+'); m[1] = 7
	m, err := npy.MapWritable[int64](path)
	if err != nil {
		log.Fatal(err)
	}
	m.View().Set(7, 1)
	if err := m.Flush(); err != nil {
		log.Fatal(err)
	}
	_ = m.Close()

	f, _ := os.Open(path)
	defer f.Close()
	a, _ := npy.Read[int64](f)
	fmt.Println(a)
	// Output:
	// [0 7 0]
}

func ExampleNPZWriter() {
	// np.savez(f, x=..., y=...)
	var f bytes.Buffer
	w := npy.NewNPZWriter(&f, false)
	x, _ := ndview.FromSlice([]float64{1.5, 2.5})
	y, _ := ndview.FromSlice([]uint8{1, 2, 3, 4}, 2, 2)
	_ = npy.Save(w, "x", x)
	_ = npy.Save(w, "y", y)
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}

	// z = np.load(f); z['y']
	z, err := npy.NewNPZ(bytes.NewReader(f.Bytes()), int64(f.Len()))
	if err != nil {
		log.Fatal(err)
	}
	defer z.Close()
	fmt.Println(z.Names())
	a, _ := npy.Load[uint8](z, "y")
	fmt.Println(a)
	// Output:
	// [x y]
	// [[1 2]
	//  [3 4]]
}

// encode returns the .npy encoding of v.
func encode[T any](v ndview.NDView[T]) ([]byte, error) {
	var b bytes.Buffer
	err := npy.Write(&b, v)
	return b.Bytes(), err
}

// must returns b, and stops the program on error.
func must(b []byte, err error) []byte {
	if err != nil {
		log.Fatal(err)
	}
	return b
}
