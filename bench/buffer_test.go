package bench

import (
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// The buffer protocol (semantics.md §25): turning an exporter into a view
// costs a constant time, whatever the size, so the cases report ns/op and
// allocs/op, not bytes per second. The baseline is what a Go user writes
// when the element type is known and the data is a typed slice: Wrap of
// the same layout. NumPy's side (bench/numpy/buffer.py) times
// memoryview(obj), release(), a with block and cast(fmt, shape).

// tensorBuf is a third-party exporter: C-contiguous float32 bytes.
type tensorBuf struct {
	data  []byte
	shape []int
}

func (x *tensorBuf) ExportBuffer() (ndview.Buffer, error) {
	return ndview.Buffer{Data: x.data, Format: "f", Shape: x.shape}, nil
}

// countedBuf is an exporter with counted exports and a release function.
type countedBuf struct {
	tensorBuf
	exports int
	release func()
}

func (x *countedBuf) ExportBuffer() (ndview.Buffer, error) {
	b, _ := x.tensorBuf.ExportBuffer()
	x.exports++
	b.Release = x.release
	return b, nil
}

var bufferShapes = []struct {
	name  string
	shape []int
}{
	{"rank1", []int{16384}},
	{"rank2", []int{64, 256}},
	{"rank3", []int{16, 32, 32}},
	{"rank4", []int{4, 4, 32, 32}},
}

func BenchmarkViewOf(b *testing.B) {
	raw := alignedF32Bytes(b, 16384)
	f := make([]float32, 16384)
	for _, c := range bufferShapes {
		var x ndview.Exporter = &tensorBuf{data: raw, shape: c.shape}
		b.Run(c.name+"/ViewOf", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, _, err := ndview.ViewOf[float32](x)
				if err != nil || v.NDim() != len(c.shape) {
					b.Fatal(err)
				}
			}
		})
		strides := make([]int, len(c.shape))
		s := 1
		for k := len(c.shape) - 1; k >= 0; k-- {
			strides[k] = s
			s *= c.shape[k]
		}
		b.Run(c.name+"/Wrap", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := ndview.Wrap(f, 0, c.shape, strides)
				if err != nil || v.NDim() != len(c.shape) {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMemoryView: memoryview(obj), release(), the with block (export,
// view, release), and a runtime cast(fmt, shape).
func BenchmarkMemoryView(b *testing.B) {
	raw := alignedF32Bytes(b, 16384)
	x := &countedBuf{tensorBuf: tensorBuf{data: raw, shape: []int{16384}}}
	x.release = func() { x.exports-- }
	b.Run("memoryview", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m, err := ndview.MemoryViewOf(x)
			if err != nil {
				b.Fatal(err)
			}
			_ = m
		}
	})
	b.Run("release", func(b *testing.B) {
		b.ReportAllocs()
		ms := make([]ndview.MemoryView, 0, 1<<16)
		for b.Loop() {
			b.StopTimer()
			if len(ms) == 0 {
				for range cap(ms) {
					m, _ := ndview.MemoryViewOf(x)
					ms = append(ms, m)
				}
			}
			m := ms[len(ms)-1]
			ms = ms[:len(ms)-1]
			b.StartTimer()
			m.Release()
		}
	})
	b.Run("with", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			func() {
				m, err := ndview.MemoryViewOf(x)
				if err != nil {
					b.Fatal(err)
				}
				defer m.Release()
			}()
		}
	})
	b.Run("typed-with", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			func() {
				_, ex, err := ndview.ViewOf[float32](x)
				if err != nil {
					b.Fatal(err)
				}
				defer ex.Release()
			}()
		}
	})
	m, _ := ndview.MemoryViewOf(&tensorBuf{data: raw[:24], shape: []int{6}})
	bm, _ := m.Cast("B", nil)
	b.Run("cast", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := bm.Cast("i", []int{3, 2})
			if err != nil {
				b.Fatal(err)
			}
			_ = r
		}
	})
}
