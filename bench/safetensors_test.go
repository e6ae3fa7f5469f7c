package bench

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/ndkit/ndkit/bfloat16"
	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/safetensors"
	"github.com/x448/float16"
)

// bfloat16 to float32 (ndview.Convert) beside the loop a user would write
// and beside ndkit's float16 to float32 on the same data, in the same run;
// and mapping a 2 GiB safetensors file of 500 tensors and opening every
// tensor as a view, beside a hand-written mmap with encoding/json. The
// PyTorch and NumPy timings of the same cases are in
// bench/numpy/safetensors.py.

// BenchmarkBF16ToF32 converts 16M weights (bytes: 2 read, 4 written).
func BenchmarkBF16ToF32(b *testing.B) {
	const n = 16 << 20
	w := weightsF32(n)
	bf, h := make([]bfloat16.BFloat16, n), make([]float16.Float16, n)
	for i, x := range w {
		bf[i], h[i] = bfloat16.FromFloat32(x), float16.Fromfloat32(x)
	}
	dst := make([]float32, n)
	bv, hv, dv := view(b, bf), view(b, h), view(b, dst)
	ndview.ConvertInto(dv, hv) // the float16 table, outside the timing
	run := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(n * (2 + 4))
			for b.Loop() {
				f()
			}
		})
	}
	run("ndkit/16M", func() { ndview.ConvertInto(dv, bv) })
	run("loop/16M", func() {
		for i, x := range bf {
			dst[i] = x.Float32()
		}
	})
	run("ndkit-f16/16M", func() { ndview.ConvertInto(dv, hv) })
}

// BenchmarkF32ToBF16 rounds 16M weights to bfloat16 (bytes: 4 read, 2
// written).
func BenchmarkF32ToBF16(b *testing.B) {
	const n = 16 << 20
	src := weightsF32(n)
	dst := make([]bfloat16.BFloat16, n)
	sv, dv := view(b, src), view(b, dst)
	b.Run("ndkit/16M", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n * (4 + 2))
		for b.Loop() {
			ndview.ConvertInto(dv, sv)
		}
	})
	b.Run("loop/16M", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(n * (4 + 2))
		for b.Loop() {
			for i, x := range src {
				dst[i] = bfloat16.FromFloat32(x)
			}
		}
	})
}

// sparseModel writes a sparse safetensors file of 500 float32 tensors
// totalling 2 GiB (the data is a hole: truncate, not write) and returns its
// path.
func sparseModel(b *testing.B) string {
	const tensors, elems = 500, 1073742 // 4,294,968 bytes each, 2 GiB in all
	var hdr strings.Builder
	hdr.WriteString(`{"__metadata__":{"format":"pt"}`)
	for i := range tensors {
		fmt.Fprintf(&hdr, `,"model.layers.%d.weight":{"dtype":"F32","shape":[1024,%d],"data_offsets":[%d,%d]}`,
			i, elems/1024+1, int64(i)*4*1024*(elems/1024+1), int64(i+1)*4*1024*(elems/1024+1))
	}
	hdr.WriteString("}")
	for hdr.Len()%8 != 0 {
		hdr.WriteByte(' ')
	}
	path := filepath.Join(b.TempDir(), "model.safetensors")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	var pre [8]byte
	binary.LittleEndian.PutUint64(pre[:], uint64(hdr.Len()))
	f.Write(pre[:])
	f.WriteString(hdr.String())
	size := int64(8+hdr.Len()) + tensors*4*1024*(elems/1024+1)
	if err := f.Truncate(size); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return path
}

// BenchmarkSafetensorsMap maps the 2 GiB file and opens all 500 tensors
// as float32 views (per operation: the whole of it). SetBytes is the file's
// size, so MB/s shows that nothing is read in proportion to it.
func BenchmarkSafetensorsMap(b *testing.B) {
	path := sparseModel(b)
	fi, _ := os.Stat(path)
	b.Run("ndkit/2GiB-500", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			f, err := safetensors.Map(path)
			if err != nil {
				b.Fatal(err)
			}
			for _, name := range f.Names() {
				v, copied, err := safetensors.Tensor[float32](f, name)
				if err != nil || copied || v.Size() == 0 {
					b.Fatal(name, err, copied)
				}
			}
			f.Close()
		}
	})
	// What a Go user writes by hand: mmap, encoding/json, a []byte per
	// tensor (no typed views, no validation of the byte ranges).
	b.Run("hand-mmap-json/2GiB-500", func(b *testing.B) {
		b.ReportAllocs()
		defer reportCPU(b)()
		for b.Loop() {
			fd, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			mem, err := syscall.Mmap(int(fd.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
			fd.Close()
			if err != nil {
				b.Fatal(err)
			}
			n := binary.LittleEndian.Uint64(mem)
			var hdr map[string]json.RawMessage
			if err := json.Unmarshal(mem[8:8+n], &hdr); err != nil {
				b.Fatal(err)
			}
			count := 0
			for name, raw := range hdr {
				if name == "__metadata__" {
					continue
				}
				var info struct {
					Dtype       string   `json:"dtype"`
					Shape       []int    `json:"shape"`
					DataOffsets [2]int64 `json:"data_offsets"`
				}
				if err := json.Unmarshal(raw, &info); err != nil {
					b.Fatal(err)
				}
				t := mem[8+int64(n)+info.DataOffsets[0] : 8+int64(n)+info.DataOffsets[1]]
				count += len(t) & 1
			}
			_ = count
			syscall.Munmap(mem)
		}
	})
}

// reportCPU starts counting the process's CPU time (user and system); the
// function it returns reports it per operation as cpu-ns/op. On this shared
// machine the wall time of a benchmark includes the time other processes
// hold the cores; the CPU time does not.
func reportCPU(b *testing.B) func() {
	var start syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &start)
	return func() {
		var end syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &end)
		ns := end.Utime.Nano() - start.Utime.Nano() + end.Stime.Nano() - start.Stime.Nano()
		b.ReportMetric(float64(ns)/float64(b.N), "cpu-ns/op")
	}
}
