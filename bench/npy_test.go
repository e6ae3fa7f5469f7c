package bench

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
)

// npySparseFile creates a float32 .npy file of n data bytes in dir whose data
// is a hole (f.Truncate): it costs no disk space and no writing.
func npySparseFile(b *testing.B, dir string, n int) string {
	b.Helper()
	path := filepath.Join(dir, fmt.Sprintf("sparse-%d.npy", n))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	h := npy.Header{DType: npy.DType{Kind: 'f', Size: 4, Order: '<'}, Shape: []int{n / 4}}
	if err := npy.WriteHeader(f, h); err != nil {
		b.Fatal(err)
	}
	off, _ := f.Seek(0, 1)
	if err := f.Truncate(off + int64(n)); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkNPYMap measures mapping a .npy file: open, read the header, mmap,
// make the view, Close. The cost does not depend on the file's size, since
// nothing is read; SetBytes is not used because no data moves. The
// baseline opens and stats the same file. The garbage collector is run
// outside the timer every 1000 mappings, so that the cleanups that unmap
// closed ranges keep up (a loop that only maps allocates too little to
// trigger collections by itself).
func BenchmarkNPYMap(b *testing.B) {
	dir := b.TempDir()
	for _, size := range []struct {
		name string
		n    int
	}{{"1MiB", 1 << 20}, {"1GiB", 1 << 30}} {
		path := npySparseFile(b, dir, size.n)
		b.Run("Map/"+size.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m, err := npy.Map[float32](path)
				if err != nil {
					b.Fatal(err)
				}
				if v := m.View(); v.Size() != size.n/4 {
					b.Fatalf("Map: size %d", v.Size())
				}
				if err := m.Close(); err != nil {
					b.Fatal(err)
				}
				if i++; i%1000 == 0 {
					b.StopTimer()
					runtime.GC()
					b.StartTimer()
				}
			}
		})
		b.Run("OpenStat/"+size.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := f.Stat(); err != nil {
					b.Fatal(err)
				}
				f.Close()
			}
		})
	}
}

// npyFloat32File writes a C-order float32 .npy file of n data bytes.
func npyFloat32File(b *testing.B, dir string, n int) string {
	b.Helper()
	data := make([]float32, n/4)
	for i := range data {
		data[i] = float32(i)
	}
	v, _ := ndview.FromSlice(data)
	path := filepath.Join(dir, fmt.Sprintf("f4-%d.npy", n))
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := npy.Write(f, v); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return path
}

// npyReadFile reads the float32 .npy file at path.
func npyReadFile(b *testing.B, path string) ndview.NDView[float32] {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	v, err := npy.Read[float32](f)
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// BenchmarkNPYRead measures npy.Read of a 256 MiB float32 file against
// os.ReadFile of the same file, the baseline a user would write; the file
// is in the page cache for both. The ratio benchmark alternates the two in
// each iteration and reports read/readfile, the time of Read over the time
// of os.ReadFile (the goal is at most 1.5).
func BenchmarkNPYRead(b *testing.B) {
	const n = 256 << 20
	path := npyFloat32File(b, b.TempDir(), n)
	b.Run("ReadFile/256MiB", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n)
		for b.Loop() {
			if _, err := os.ReadFile(path); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Read/256MiB", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n)
		for b.Loop() {
			npyReadFile(b, path)
		}
	})
	b.Run("Ratio/256MiB", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(2 * n)
		var tRead, tFile time.Duration
		for b.Loop() {
			t0 := time.Now()
			if _, err := os.ReadFile(path); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			npyReadFile(b, path)
			tFile += t1.Sub(t0)
			tRead += time.Since(t1)
		}
		b.ReportMetric(float64(tRead)/float64(tFile), "read/readfile")
	})
}

// BenchmarkNPYWrite measures npy.Write of a 16 MiB float32 view to memory:
// contiguous (one write of the view's memory), transposed (F-contiguous,
// also one write), read-only (copied out in 64 KiB blocks, as for mapped
// views) and strided (every other column, copied out in blocks), against
// bytes.Buffer.Write of the same bytes.
func BenchmarkNPYWrite(b *testing.B) {
	const rows, cols = 2048, 2048
	data := make([]float32, rows*cols)
	raw := make([]byte, 4*rows*cols)
	c, _ := ndview.FromSlice(data, rows, cols)
	strided, _ := c.Index(":, ::2")
	var buf bytes.Buffer
	buf.Grow(len(raw) + 1024)
	for _, tc := range []struct {
		name string
		n    int
		f    func() error
	}{
		{"Buffer.Write/16MiB", len(raw), func() error { _, err := buf.Write(raw); return err }},
		{"C/16MiB", len(raw), func() error { return npy.Write(&buf, c) }},
		{"T/16MiB", len(raw), func() error { return npy.Write(&buf, c.T()) }},
		{"readonly/16MiB", len(raw), func() error { return npy.Write(&buf, c.AsReadOnly()) }},
		{"strided/8MiB", len(raw) / 2, func() error { return npy.Write(&buf, strided) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(2 * tc.n))
			for b.Loop() {
				buf.Reset()
				if err := tc.f(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
