package bench

import (
	"bufio"
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/ndkit/ndkit/textio"
)

// textioCSV is the benchmark input of BenchmarkLoadTxt: 1,000,000 rows of
// 10 comma-separated float64 values in [0, 1000) with 6 decimals (about
// 110 MB), written once per process into a temporary file.
var textioCSV = sync.OnceValues(func() (string, error) {
	const rows, cols = 1_000_000, 10
	dir, err := os.MkdirTemp("", "ndkit-textio")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "bench.csv")
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	r := rand.New(rand.NewPCG(1, 2))
	var b []byte
	for range rows {
		b = b[:0]
		for j := range cols {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendFloat(b, r.Float64()*1000, 'f', 6, 64)
		}
		b = append(b, '\n')
		w.Write(b)
	}
	if err := w.Flush(); err != nil {
		return "", err
	}
	return path, f.Close()
})

// BenchmarkLoadTxt reads the file of textioCSV as float64
// (np.loadtxt(path, delimiter=",")): textio's LoadTxtFile, and the loop a
// Go programmer would write with bufio.Scanner, bytes.Split and
// strconv.ParseFloat into one growing slice. bench/numpy/textio.py times
// NumPy on the same file. The bytes are the file's size.
func BenchmarkLoadTxt(b *testing.B) {
	path, err := textioCSV()
	if err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("CSV/ndview", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(st.Size())
		for b.Loop() {
			v, err := textio.LoadTxtFile[float64](path, textio.LoadTxtOptions{Delimiter: ","})
			if err != nil || v.Shape()[1] != 10 {
				b.Fatal(err, v.Shape())
			}
		}
	})
	b.Run("CSV/scanner", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(st.Size())
		for b.Loop() {
			vals, err := scanCSV(path)
			if err != nil || len(vals) != 10_000_000 {
				b.Fatal(err, len(vals))
			}
		}
	})
}

// scanCSV is the hand-written baseline: one line at a time, split at
// commas, each field parsed by strconv.ParseFloat.
func scanCSV(path string) ([]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var vals []float64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		for _, field := range bytes.Split(sc.Bytes(), []byte{','}) {
			x, err := strconv.ParseFloat(string(field), 64)
			if err != nil {
				return nil, err
			}
			vals = append(vals, x)
		}
	}
	return vals, sc.Err()
}
