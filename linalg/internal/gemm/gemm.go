package gemm

import (
	"fmt"
	"sync"
)

// Mat is a strided matrix: element (i, j), 0 ≤ i < Rows, 0 ≤ j < Cols, is
// Data[Off + i·RS + j·CS]. Strides may be negative or zero (a zero stride
// repeats a row or column).
type Mat[T Float] struct {
	Data       []T
	Off        int
	Rows, Cols int
	RS, CS     int
}

// T returns the transpose of m: the same elements, axes swapped.
func (m Mat[T]) T() Mat[T] {
	return Mat[T]{Data: m.Data, Off: m.Off, Rows: m.Cols, Cols: m.Rows, RS: m.CS, CS: m.RS}
}

// at returns element (i, j) of m.
func (m Mat[T]) at(i, j int) T { return m.Data[m.Off+i*m.RS+j*m.CS] }

// span returns the lowest and highest offsets into Data that a matrix
// with elements reaches.
func (m Mat[T]) span() (lo, hi int) {
	lo, hi = m.Off, m.Off
	for _, d := range [2]int{(m.Rows - 1) * m.RS, (m.Cols - 1) * m.CS} {
		if d < 0 {
			lo += d
		} else {
			hi += d
		}
	}
	return lo, hi
}

// Gemm stores A·B into C, using at most threads goroutines (semantics.md
// §28). C must not share memory with A or B, and two elements of C must
// not share one address (no zero stride in C). It panics when the shapes
// do not match or when an element of C lies outside C.Data.
func Gemm[T Float](c, a, b Mat[T], threads int) {
	m, n, k := c.Rows, c.Cols, a.Cols
	if a.Rows != m || b.Cols != n || b.Rows != k || m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("gemm: shapes %d×%d = %d×%d · %d×%d", m, n, a.Rows, a.Cols, b.Rows, b.Cols))
	}
	if m == 0 || n == 0 {
		return
	}
	// The assembly kernels write C through pointers: every element of C
	// must be in C.Data (A and B are read by bounds-checked Go code).
	if lo, hi := c.span(); lo < 0 || hi >= len(c.Data) {
		panic(fmt.Sprintf("gemm: C reaches offsets %d to %d of %d elements", lo, hi, len(c.Data)))
	}
	if k == 0 {
		fill(c, 0)
		return
	}
	switch {
	case isSmall(m, n, k):
		small(c, a, b)
	case m == 1 || n == 1:
		vector(c, a, b)
	default:
		packed(kernelFor[T](), c, a, b, threads)
	}
}

// fill stores x in every element of c.
func fill[T Float](c Mat[T], x T) {
	for i := range c.Rows {
		for j := range c.Cols {
			c.Data[c.Off+i*c.RS+j*c.CS] = x
		}
	}
}

// minParallelFlops is the number of multiply-adds below which a product
// runs on one goroutine: about 50 µs of work, against some µs to start
// and join goroutines.
const minParallelFlops = 1 << 21

// workspace holds the packing buffers of one product: the packed B block
// and, per goroutine, a packed A block and a tile.
type workspace[T Float] struct {
	b     []T
	a, ct [][]T
}

// The free workspaces of each type. Unlike a sync.Pool, the list keeps
// its buffers across garbage collections, which a product of a few
// megabytes of packed panels would otherwise set off and then pay for
// again; it holds at most maxFree workspaces per type.
var (
	freeMu         sync.Mutex
	free64, free32 []any
)

const maxFree = 8

// freeList returns the list of free workspaces of T.
func freeList[T Float]() *[]any {
	var z T
	if _, ok := any(z).(float64); ok {
		return &free64
	}
	return &free32
}

// getWorkspace returns a free workspace of T, or a new one.
func getWorkspace[T Float]() *workspace[T] {
	freeMu.Lock()
	defer freeMu.Unlock()
	l := freeList[T]()
	if n := len(*l); n > 0 {
		w := (*l)[n-1].(*workspace[T])
		*l = (*l)[:n-1]
		return w
	}
	return &workspace[T]{}
}

// putWorkspace adds w to the free workspaces of T.
func putWorkspace[T Float](w *workspace[T]) {
	freeMu.Lock()
	defer freeMu.Unlock()
	if l := freeList[T](); len(*l) < maxFree {
		*l = append(*l, w)
	}
}

// grow returns s with length n, reallocated when its capacity is short.
func grow[T Float](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// blas64Gemm and blas32Gemm, when not nil (the openblas build tag),
// compute C = A·B, C with column stride 1, and report true, or report
// false when they cannot describe the operands.
var (
	blas64Gemm func(c, a, b Mat[float64], threads int) bool
	blas32Gemm func(c, a, b Mat[float32], threads int) bool
)

// external computes C = A·B through the external BLAS, when there is one
// and it can describe the operands, and reports whether it did.
func external[T Float](c, a, b Mat[T], threads int) bool {
	switch c := any(c).(type) {
	case Mat[float64]:
		return blas64Gemm != nil && blas64Gemm(c, any(a).(Mat[float64]), any(b).(Mat[float64]), threads)
	case Mat[float32]:
		return blas32Gemm != nil && blas32Gemm(c, any(a).(Mat[float32]), any(b).(Mat[float32]), threads)
	}
	return false
}

// packed computes C = A·B by packed panels with kernel kr (semantics.md
// §28, GM2), or through the external BLAS of the openblas build tag when
// kr is the kernel in use and BLAS describes the operands (GM7).
func packed[T Float](kr *kernel[T], c, a, b Mat[T], threads int) {
	// The kernels store rows of contiguous elements: make C's column
	// stride 1 when one of its strides is (Cᵀ = Bᵀ·Aᵀ).
	if c.CS != 1 && c.RS == 1 {
		c, a, b = c.T(), b.T(), a.T()
	}
	if kr == kernelFor[T]() && external(c, a, b, threads) {
		return
	}
	m, n, k := c.Rows, c.Cols, a.Cols
	mr, nr := kr.mr, kr.nr
	// Blocks of equal size, so that no last block is small.
	kc := ceilDiv(k, ceilDiv(k, kr.kc))
	nc := roundUp(ceilDiv(n, ceilDiv(n, kr.nc)), nr)
	mc := kr.mc

	// Threads: split the rows of C in MR multiples, or, when there are
	// too few rows, the NR panels of each B block.
	if m*n*k < minParallelFlops {
		threads = 1
	}
	threads = max(1, threads)
	splitRows := ceilDiv(m, mr) >= 2*threads
	if !splitRows {
		threads = max(1, min(threads, ceilDiv(min(n, nc), nr)))
	}

	w := getWorkspace[T]()
	defer putWorkspace(w)
	w.b = grow(w.b, kc*nc)
	if len(w.a) < threads {
		w.a = make([][]T, threads)
		w.ct = make([][]T, threads)
	}
	for t := range threads {
		w.a[t] = grow(w.a[t], min(mc, roundUp(m, mr))*kc)
		w.ct[t] = grow(w.ct[t], mr*nr)
	}

	rowsPer := roundUp(ceilDiv(m, threads), mr)
	for jc := 0; jc < n; jc += nc {
		ncur := min(nc, n-jc)
		panels := ceilDiv(ncur, nr)
		for pc := 0; pc < k; pc += kc {
			kcur := min(kc, k-pc)
			load := 0
			if pc > 0 {
				load = 1
			}
			pb := w.b[:kcur*panels*nr]
			bblk := Mat[T]{Data: b.Data, Off: b.Off + pc*b.RS + jc*b.CS, Rows: kcur, Cols: ncur, RS: b.RS, CS: b.CS}
			run(threads, func(t int) {
				p0, p1 := span(panels, threads, t)
				packB(pb[p0*kcur*nr:p1*kcur*nr], bblk, p0*nr, min(p1*nr, ncur), nr)
			})
			run(threads, func(t int) {
				r0, r1, q0, q1 := 0, m, 0, panels
				if splitRows {
					r0, r1 = min(m, t*rowsPer), min(m, (t+1)*rowsPer)
				} else {
					q0, q1 = span(panels, threads, t)
				}
				for ic := r0; ic < r1; ic += mc {
					mcur := min(mc, r1-ic)
					ablk := Mat[T]{Data: a.Data, Off: a.Off + ic*a.RS + pc*a.CS, Rows: mcur, Cols: kcur, RS: a.RS, CS: a.CS}
					pa := w.a[t][:roundUp(mcur, mr)*kcur]
					packB(pa, ablk.T(), 0, mcur, mr) // panels of A are those of Aᵀ
					cblk := Mat[T]{Data: c.Data, Off: c.Off + ic*c.RS + jc*c.CS, Rows: mcur, Cols: ncur, RS: c.RS, CS: c.CS}
					macro(kr, cblk, pa, pb, kcur, q0, q1, load, w.ct[t])
				}
			})
		}
	}
}

// macro multiplies the packed A block pa (panels of mr rows, kc steps) by
// the B panels q0 to q1 of pb into the block c, through the tile ct where
// the kernel cannot store into c directly.
func macro[T Float](kr *kernel[T], c Mat[T], pa, pb []T, kc, q0, q1, load int, ct []T) {
	mr, nr := kr.mr, kr.nr
	for q := q0; q < q1; q++ {
		j0 := q * nr
		nb := min(nr, c.Cols-j0)
		bp := &pb[q*kc*nr]
		for i0 := 0; i0 < c.Rows; i0 += mr {
			mb := min(mr, c.Rows-i0)
			ap := &pa[i0*kc]
			if mb == mr && nb == nr && c.CS == 1 {
				kr.fn(kc, ap, bp, &c.Data[c.Off+i0*c.RS+j0], c.RS, load)
				continue
			}
			kr.fn(kc, ap, bp, &ct[0], nr, 0)
			for i := range mb {
				o := c.Off + (i0+i)*c.RS + j0*c.CS
				t := ct[i*nr : i*nr+nb]
				for j, x := range t {
					if load != 0 {
						x += c.Data[o+j*c.CS]
					}
					c.Data[o+j*c.CS] = x
				}
			}
		}
	}
}

// packB packs columns j0 to j1 of the block b into dst as panels of nr
// columns: element (p, j) of panel q at dst[q·nr·kc + p·nr + j], counted
// from j0, columns past j1 zero. The panels of mr rows of an A block are
// those of its transpose: element (i, p) of panel r at
// dst[r·mr·kc + p·mr + i].
func packB[T Float](dst []T, b Mat[T], j0, j1, nr int) {
	kc := b.Rows
	for q0 := j0; q0 < j1; q0 += nr {
		d := dst[(q0-j0)*kc : (q0-j0)*kc+nr*kc]
		cols := min(nr, j1-q0)
		if cols < nr {
			clear(d)
		}
		if b.CS == 1 {
			for p := range kc {
				o := b.Off + p*b.RS + q0
				copy(d[p*nr:p*nr+cols], b.Data[o:o+cols])
			}
			continue
		}
		for j := range cols {
			o := b.Off + (q0+j)*b.CS
			if b.RS == 1 {
				src := b.Data[o : o+kc]
				for p, x := range src {
					d[p*nr+j] = x
				}
				continue
			}
			for p := range kc {
				d[p*nr+j] = b.Data[o+p*b.RS]
			}
		}
	}
}

// run calls f(t) for t in [0, threads), on threads goroutines when
// threads > 1, and returns when all have returned.
func run(threads int, f func(t int)) {
	if threads == 1 {
		f(0)
		return
	}
	var wg sync.WaitGroup
	for t := 1; t < threads; t++ {
		wg.Go(func() { f(t) })
	}
	f(0)
	wg.Wait()
}

// span returns the part [lo, hi) of [0, n) that worker t of threads takes.
func span(n, threads, t int) (lo, hi int) {
	return n * t / threads, n * (t + 1) / threads
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }

func roundUp(a, b int) int { return ceilDiv(a, b) * b }
