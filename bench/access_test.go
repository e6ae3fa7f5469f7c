package bench

import (
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/ndview"
)

// Element access benchmarks: every element of a view read (summed into a
// sink) or written, one checked access at a time, in index order. Each
// loop is its own function, not inlined into the benchmark, and takes what
// it reads as parameters, as a caller's loop over a view would. b.SetBytes
// counts the bytes read or written.
//
// Sub-benchmarks: ndkit-At2 and ndkit-At3 are the fixed-rank accessors
// (At2/Set2, At3/Set3); ndkit-At is the variadic At/Set; gonum-At is
// (*mat.Dense).At and Set over the same data; hand indexes the slice with
// data[off+i*s0+j*s1…] and only Go's own bounds check on the slice;
// hand-checked adds the per-axis checks that At3 makes
// (if uint(i) >= uint(e0) || … { panic(…) }), against extents passed apart
// from the loop bounds: checked against the loop bounds themselves, the
// compiler proves them and drops them, as it cannot for a view's extents.
//
// These loops take 0.5 to 5 ns an element, so where the linker happens to
// place them matters: on the AMD Turin (Zen 5) machine they were measured
// on, the same gonum loop runs at 0.57 or 1.1 ns an element depending on
// its position modulo 64 bytes, and any edit to this file can move it.
// Before comparing two sub-benchmarks, check that neither is in its slow
// placement (for instance by building copies of the loop at other
// offsets).

// access2 is the 2-D view, its data and the same data as a gonum matrix.
func access2() (ndview.NDView[float64], []float64, *mat.Dense) {
	const n = 256
	v, data := ramp[float64](n, n)
	return v, data, mat.NewDense(n, n, data)
}

//go:noinline
func readAt2(v *ndview.NDView[float64], n0, n1 int) float64 {
	var s float64
	for i := range n0 {
		for j := range n1 {
			s += v.At2(i, j)
		}
	}
	return s
}

//go:noinline
func readAt2D(v *ndview.NDView[float64], n0, n1 int) float64 {
	var s float64
	for i := range n0 {
		for j := range n1 {
			s += v.At(i, j)
		}
	}
	return s
}

//go:noinline
func readGonum(m *mat.Dense, n0, n1 int) float64 {
	var s float64
	for i := range n0 {
		for j := range n1 {
			s += m.At(i, j)
		}
	}
	return s
}

//go:noinline
func readHand2(data []float64, off, n0, n1, s0, s1 int) float64 {
	var s float64
	for i := range n0 {
		for j := range n1 {
			s += data[off+i*s0+j*s1]
		}
	}
	return s
}

//go:noinline
func writeSet2(v *ndview.NDView[float64], n0, n1 int) {
	for i := range n0 {
		for j := range n1 {
			v.Set2(float64(j), i, j)
		}
	}
}

//go:noinline
func writeSet2D(v *ndview.NDView[float64], n0, n1 int) {
	for i := range n0 {
		for j := range n1 {
			v.Set(float64(j), i, j)
		}
	}
}

//go:noinline
func writeGonum(m *mat.Dense, n0, n1 int) {
	for i := range n0 {
		for j := range n1 {
			m.Set(i, j, float64(j))
		}
	}
}

//go:noinline
func writeHand2(data []float64, off, n0, n1, s0, s1 int) {
	for i := range n0 {
		for j := range n1 {
			data[off+i*s0+j*s1] = float64(j)
		}
	}
}

// BenchmarkAccess2D reads and writes every element of a 256×256 float64
// view, against gonum's Dense over the same data and the hand loop.
func BenchmarkAccess2D(b *testing.B) {
	v, data, m := access2()
	sh, st := v.Shape(), v.Strides()
	n0, n1, s0, s1, off := sh[0], sh[1], st[0], st[1], v.Offset()
	bytes := int64(n0 * n1 * 8)
	read := map[string]func() float64{
		"ndkit-At2": func() float64 { return readAt2(&v, n0, n1) },
		"ndkit-At":  func() float64 { return readAt2D(&v, n0, n1) },
		"gonum-At":  func() float64 { return readGonum(m, n0, n1) },
		"hand":      func() float64 { return readHand2(data, off, n0, n1, s0, s1) },
	}
	write := map[string]func(){
		"ndkit-At2": func() { writeSet2(&v, n0, n1) },
		"ndkit-At":  func() { writeSet2D(&v, n0, n1) },
		"gonum-At":  func() { writeGonum(m, n0, n1) },
		"hand":      func() { writeHand2(data, off, n0, n1, s0, s1) },
	}
	for _, name := range []string{"ndkit-At2", "ndkit-At", "gonum-At", "hand"} {
		benchAccess(b, name, bytes, read[name], write[name])
	}
}

// benchAccess runs name/read and name/write.
func benchAccess(b *testing.B, name string, bytes int64, read func() float64, write func()) {
	b.Run(name+"/read", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(bytes)
		for b.Loop() {
			sinkF64 += read()
		}
	})
	b.Run(name+"/write", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(bytes)
		for b.Loop() {
			write()
		}
	})
}

//go:noinline
func readAt3(v *ndview.NDView[float64], n0, n1, n2 int) float64 {
	var s float64
	for i := range n0 {
		for j := range n1 {
			for k := range n2 {
				s += v.At3(i, j, k)
			}
		}
	}
	return s
}

//go:noinline
func readAt3D(v *ndview.NDView[float64], n0, n1, n2 int) float64 {
	var s float64
	for i := range n0 {
		for j := range n1 {
			for k := range n2 {
				s += v.At(i, j, k)
			}
		}
	}
	return s
}

//go:noinline
func readHand3Checked(data []float64, off, n0, n1, n2, e0, e1, e2, s0, s1, s2 int) float64 {
	var s float64
	for i := range n0 {
		for j := range n1 {
			for k := range n2 {
				if uint(i) >= uint(e0) || uint(j) >= uint(e1) || uint(k) >= uint(e2) {
					panic("index out of range")
				}
				s += data[off+i*s0+j*s1+k*s2]
			}
		}
	}
	return s
}

//go:noinline
func readHand3(data []float64, off, n0, n1, n2, s0, s1, s2 int) float64 {
	var s float64
	for i := range n0 {
		for j := range n1 {
			for k := range n2 {
				s += data[off+i*s0+j*s1+k*s2]
			}
		}
	}
	return s
}

//go:noinline
func writeSet3(v *ndview.NDView[float64], n0, n1, n2 int) {
	for i := range n0 {
		for j := range n1 {
			for k := range n2 {
				v.Set3(float64(k), i, j, k)
			}
		}
	}
}

//go:noinline
func writeSet3D(v *ndview.NDView[float64], n0, n1, n2 int) {
	for i := range n0 {
		for j := range n1 {
			for k := range n2 {
				v.Set(float64(k), i, j, k)
			}
		}
	}
}

//go:noinline
func writeHand3Checked(data []float64, off, n0, n1, n2, e0, e1, e2, s0, s1, s2 int) {
	for i := range n0 {
		for j := range n1 {
			for k := range n2 {
				if uint(i) >= uint(e0) || uint(j) >= uint(e1) || uint(k) >= uint(e2) {
					panic("index out of range")
				}
				data[off+i*s0+j*s1+k*s2] = float64(k)
			}
		}
	}
}

//go:noinline
func writeHand3(data []float64, off, n0, n1, n2, s0, s1, s2 int) {
	for i := range n0 {
		for j := range n1 {
			for k := range n2 {
				data[off+i*s0+j*s1+k*s2] = float64(k)
			}
		}
	}
}

// BenchmarkAccess3D reads and writes every element of a 64×64×64 float64
// view, against the hand loop with and without per-axis checks.
func BenchmarkAccess3D(b *testing.B) {
	const n = 64
	v, data := ramp[float64](n, n, n)
	sh, st := v.Shape(), v.Strides()
	n0, n1, n2, s0, s1, s2, off := sh[0], sh[1], sh[2], st[0], st[1], st[2], v.Offset()
	bytes := int64(n0 * n1 * n2 * 8)
	read := map[string]func() float64{
		"ndkit-At3":    func() float64 { return readAt3(&v, n0, n1, n2) },
		"ndkit-At":     func() float64 { return readAt3D(&v, n0, n1, n2) },
		"hand-checked": func() float64 { return readHand3Checked(data, off, n0, n1, n2, n0, n1, n2, s0, s1, s2) },
		"hand":         func() float64 { return readHand3(data, off, n0, n1, n2, s0, s1, s2) },
	}
	write := map[string]func(){
		"ndkit-At3":    func() { writeSet3(&v, n0, n1, n2) },
		"ndkit-At":     func() { writeSet3D(&v, n0, n1, n2) },
		"hand-checked": func() { writeHand3Checked(data, off, n0, n1, n2, n0, n1, n2, s0, s1, s2) },
		"hand":         func() { writeHand3(data, off, n0, n1, n2, s0, s1, s2) },
	}
	for _, name := range []string{"ndkit-At3", "ndkit-At", "hand-checked", "hand"} {
		benchAccess(b, name, bytes, read[name], write[name])
	}
}
