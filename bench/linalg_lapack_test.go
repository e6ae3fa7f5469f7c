package bench

import (
	"math/rand/v2"
	"syscall"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/linalg"
	"github.com/ndkit/ndkit/ndview"
)

// Benchmarks of issue #17's speed goals (semantics.md §34): the
// solvers and decompositions of a float64 and a float32 1024² matrix,
// beside gonum's float64 mat (what a Go user writes without ndkit); a batch of 100,000 3×3
// Det/Inv/Solve, beside a hand loop of the closed forms; and two einsums
// beside hand loops. bench/numpy/linalg_lapack.py times NumPy on the same
// cases under the same names. Build with -tags openblas for the OpenBLAS
// LAPACK path.

// cpuNanos returns the CPU time (user and system) the process has used.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// loopCPU runs f in the benchmark loop and also reports its CPU time per
// operation (cpu-ns/op): on a machine shared with other builds the wall
// time (ns/op) counts the time others hold the cores, the CPU time does
// not. The one-thread runs (-cpu 1, OPENBLAS_NUM_THREADS=1) compare it
// with NumPy's time.process_time.
func loopCPU(b *testing.B, f func()) {
	b.ReportAllocs()
	start := cpuNanos()
	for b.Loop() {
		f()
	}
	b.ReportMetric(float64(cpuNanos()-start)/float64(b.N), "cpu-ns/op")
}

func BenchmarkLinalgLAPACK(b *testing.B) {
	const n = 1024
	a, spd := linalgMatrix(n, false), linalgMatrix(n, true)
	rhs := ndview.Ones[float64](n)
	gonum := map[string]func() error{
		"Solve": func() error {
			var x mat.VecDense
			return x.SolveVec(denseOf(a), mat.NewVecDense(n, rhs.ToSlice()))
		},
		"Inv": func() error {
			var x mat.Dense
			return x.Inverse(denseOf(a))
		},
		"Det": func() error { mat.Det(denseOf(a)); return nil },
		"Cholesky": func() error {
			var c mat.Cholesky
			c.Factorize(mat.NewSymDense(n, spd.ToSlice()))
			var l mat.TriDense
			c.LTo(&l)
			return nil
		},
		"QR": func() error {
			var qr mat.QR
			qr.Factorize(denseOf(a))
			var q, r mat.Dense
			qr.QTo(&q)
			qr.RTo(&r)
			return nil
		},
		"SVD": func() error {
			var s mat.SVD
			s.Factorize(denseOf(a), mat.SVDFull)
			return nil
		},
		"Eigh": func() error {
			var e mat.EigenSym
			e.Factorize(mat.NewSymDense(n, spd.ToSlice()), true)
			return nil
		},
	}
	names := []string{"Solve", "Inv", "Det", "Cholesky", "QR", "SVD", "Eigh"}
	run := func(name string, bytes int64, f func() error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(bytes)
			loopCPU(b, func() {
				if err := f(); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	nd64, nd32 := bigCases(a, spd, rhs), bigCases(ndview.AsType[float32](a), ndview.AsType[float32](spd), ndview.AsType[float32](rhs))
	for _, name := range names {
		run(name+"/1024/ndkit", n*n*8, nd64[name])
		run(name+"/1024/gonum", n*n*8, gonum[name])
		run(name+"/1024f32/ndkit", n*n*4, nd32[name])
	}
	benchSmallBatch(b)
	benchEinsumLAPACK(b)
}

// bigCases returns ndkit's calls for the 1024² cases in a's element type
// (gonum has no float32 decompositions: its float64 case is the baseline
// of both).
func bigCases[T linalg.Float](a, spd, rhs ndview.NDView[T]) map[string]func() error {
	return map[string]func() error{
		"Solve":    func() error { _, err := linalg.Solve(a, rhs); return err },
		"Inv":      func() error { _, err := linalg.Inv(a); return err },
		"Det":      func() error { linalg.Det(a); return nil },
		"Cholesky": func() error { _, err := linalg.Cholesky(spd, false); return err },
		"QR":       func() error { linalg.QR(a, linalg.QRReduced); return nil },
		"SVD":      func() error { _, _, _, err := linalg.SVD(a, true); return err },
		"Eigh":     func() error { _, _, err := linalg.Eigh(spd, false); return err },
	}
}

// batch3 returns count random well-conditioned 3×3 matrices and count
// right-hand sides, as (count, 3, 3) and (count, 3, 1) arrays.
func batch3(count int) (a, rhs ndview.NDView[float64]) {
	r := rand.New(rand.NewPCG(3, 3))
	a, rhs = ndview.Zeros[float64](count, 3, 3), ndview.Zeros[float64](count, 3, 1)
	ad, _ := a.Data()
	for i := range ad {
		ad[i] = r.Float64() - 0.5
		if i%9 == 0 || i%9 == 4 || i%9 == 8 {
			ad[i] += 2
		}
	}
	rd, _ := rhs.Data()
	for i := range rd {
		rd[i] = r.Float64()
	}
	return a, rhs
}

// det3 is the closed form a hand loop uses.
func det3(m []float64) float64 {
	return m[0]*(m[4]*m[8]-m[5]*m[7]) - m[1]*(m[3]*m[8]-m[5]*m[6]) + m[2]*(m[3]*m[7]-m[4]*m[6])
}

// inv3 stores the inverse of m (by cofactors) into o.
func inv3(o, m []float64) {
	d := 1 / det3(m)
	o[0] = (m[4]*m[8] - m[5]*m[7]) * d
	o[1] = (m[2]*m[7] - m[1]*m[8]) * d
	o[2] = (m[1]*m[5] - m[2]*m[4]) * d
	o[3] = (m[5]*m[6] - m[3]*m[8]) * d
	o[4] = (m[0]*m[8] - m[2]*m[6]) * d
	o[5] = (m[2]*m[3] - m[0]*m[5]) * d
	o[6] = (m[3]*m[7] - m[4]*m[6]) * d
	o[7] = (m[1]*m[6] - m[0]*m[7]) * d
	o[8] = (m[0]*m[4] - m[1]*m[3]) * d
}

func benchSmallBatch(b *testing.B) {
	const count = 100000
	a, rhs := batch3(count)
	ad, _ := a.Data()
	rd, _ := rhs.Data()
	run := func(name string, f func() error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(count * 9 * 8)
			loopCPU(b, func() {
				if err := f(); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
	run("Det/100000x3x3/ndkit", func() error { linalg.Det(a); return nil })
	run("Det/100000x3x3/loop", func() error {
		out := make([]float64, count)
		for i := range out {
			out[i] = det3(ad[9*i : 9*i+9])
		}
		return nil
	})
	run("Inv/100000x3x3/ndkit", func() error { _, err := linalg.Inv(a); return err })
	run("Inv/100000x3x3/loop", func() error {
		out := make([]float64, 9*count)
		for i := range count {
			inv3(out[9*i:9*i+9], ad[9*i:9*i+9])
		}
		return nil
	})
	run("Solve/100000x3x3/ndkit", func() error { _, err := linalg.Solve(a, rhs); return err })
	run("Solve/100000x3x3/loop", func() error { // Cramer's rule
		out := make([]float64, 3*count)
		var m [9]float64
		for i := range count {
			s, r := ad[9*i:9*i+9], rd[3*i:3*i+3]
			d := det3(s)
			for c := range 3 {
				copy(m[:], s)
				m[c], m[3+c], m[6+c] = r[0], r[1], r[2]
				out[3*i+c] = det3(m[:]) / d
			}
		}
		return nil
	})
}

func benchEinsumLAPACK(b *testing.B) {
	const nb, n = 4096, 16
	xv := ndview.Must(einsumOperand(nb*n*n, 7).Reshape(nb, n, n))
	yv := ndview.Must(einsumOperand(nb*n*n, 5).Reshape(nb, n, n))
	xd, _ := xv.Data()
	yd, _ := yv.Data()
	b.Run("Einsum_bij,bjk->bik/4096x16/ndkit", func(b *testing.B) {
		b.SetBytes(2 * nb * n * n * 8)
		loopCPU(b, func() {
			if _, err := linalg.Einsum("bij,bjk->bik", xv, yv); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("Einsum_bij,bjk->bik/4096x16/loop", func(b *testing.B) {
		b.SetBytes(2 * nb * n * n * 8)
		loopCPU(b, func() {
			out := make([]float64, nb*n*n)
			for q := range nb {
				o, p, r := out[q*n*n:], xd[q*n*n:], yd[q*n*n:]
				for i := range n {
					for k := range n {
						pik := p[i*n+k]
						for j := range n {
							o[i*n+j] += pik * r[k*n+j]
						}
					}
				}
			}
		})
	})
	const rows, cols = 100000, 64
	u, v := ndview.Must(einsumOperand(rows*cols, 7).Reshape(rows, cols)), ndview.Must(einsumOperand(rows*cols, 5).Reshape(rows, cols))
	ud, _ := u.Data()
	vd, _ := v.Data()
	b.Run("Einsum_ij,ij->i/100000x64/ndkit", func(b *testing.B) {
		b.SetBytes(2 * rows * cols * 8)
		loopCPU(b, func() {
			if _, err := linalg.Einsum("ij,ij->i", u, v); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("Einsum_ij,ij->i/100000x64/loop", func(b *testing.B) {
		b.SetBytes(2 * rows * cols * 8)
		loopCPU(b, func() {
			out := make([]float64, rows)
			for i := range out {
				var s float64
				for j, p := range ud[i*cols : i*cols+cols] {
					s += p * vd[i*cols+j]
				}
				out[i] = s
			}
		})
	})
}

// einsumOperand returns (i mod m) − m/2 for i < size, a 1-D array.
func einsumOperand(size, m int) ndview.NDView[float64] {
	v := ndview.Zeros[float64](size)
	d, _ := v.Data()
	for i := range d {
		d[i] = float64(i%m - m/2)
	}
	return v
}
