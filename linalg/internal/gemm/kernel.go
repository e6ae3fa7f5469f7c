package gemm

import "unsafe"

// Float is the constraint of the element types of this package.
type Float interface{ float32 | float64 }

// kernel is one microkernel and the blocking that suits it.
type kernel[T Float] struct {
	name   string
	mr, nr int
	// fn stores into the mr×nr tile at c (row i at c + i·ldc elements,
	// nr contiguous elements) the product of the packed panels a (k steps
	// of mr) and b (k steps of nr), added to the tile when load != 0.
	fn         func(k int, a, b, c *T, ldc, load int)
	kc, mc, nc int
	// mul4, when not nil, stores A_q·B_q into C_q for q in [0, count):
	// 4×4 matrices of unit column stride and row strides rc, ra, rb, the
	// q-th at c + q·sc, a + q·sa, b + q·sb (smallBatch).
	mul4 func(count int, c, a, b *T, rc, ra, rb, sc, sa, sb int)
}

// newKernel returns the kernel fn of tile mr×nr with the blocking the
// cache sizes of the running CPU give it.
func newKernel[T Float](name string, mr, nr int, fn func(k int, a, b, c *T, ldc, load int)) *kernel[T] {
	var z T
	kc, mc, nc := blocking(mr, nr, int(unsafe.Sizeof(z)), cacheL1, cacheL2, cacheL3)
	return &kernel[T]{name: name, mr: mr, nr: nr, fn: fn, kc: kc, mc: mc, nc: nc}
}

// The kernels in use, chosen by the init of dispatch_*.go.
var (
	kern64 *kernel[float64]
	kern32 *kernel[float32]
)

// goKernels returns the pure-Go kernels.
func goKernels() (*kernel[float64], *kernel[float32]) {
	return newKernel("go4x4", 4, 4, goKernel[float64]), newKernel("go4x4", 4, 4, goKernel[float32])
}

// kernelFor returns the kernel in use for T.
func kernelFor[T Float]() *kernel[T] {
	var z T
	switch any(z).(type) {
	case float64:
		return any(kern64).(*kernel[T])
	default:
		return any(kern32).(*kernel[T])
	}
}

// goKernel is the pure-Go microkernel, of tile 4×4: sixteen scalar
// accumulators, p in increasing order (the contract of fn in kernel).
func goKernel[T Float](k int, a, b, c *T, ldc, load int) {
	const mr, nr = 4, 4
	as := unsafe.Slice(a, k*mr)
	bs := unsafe.Slice(b, k*nr)
	var c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33 T
	for p := 0; p < k; p++ {
		ap := as[p*mr : p*mr+mr : p*mr+mr]
		bp := bs[p*nr : p*nr+nr : p*nr+nr]
		b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
		a0 := ap[0]
		c00 += a0 * b0
		c01 += a0 * b1
		c02 += a0 * b2
		c03 += a0 * b3
		a1 := ap[1]
		c10 += a1 * b0
		c11 += a1 * b1
		c12 += a1 * b2
		c13 += a1 * b3
		a2 := ap[2]
		c20 += a2 * b0
		c21 += a2 * b1
		c22 += a2 * b2
		c23 += a2 * b3
		a3 := ap[3]
		c30 += a3 * b0
		c31 += a3 * b1
		c32 += a3 * b2
		c33 += a3 * b3
	}
	rows := [mr][nr]T{
		{c00, c01, c02, c03},
		{c10, c11, c12, c13},
		{c20, c21, c22, c23},
		{c30, c31, c32, c33},
	}
	base := unsafe.Pointer(c)
	for i := range mr {
		row := unsafe.Slice((*T)(unsafe.Add(base, i*ldc*int(unsafe.Sizeof(*c)))), nr)
		if load != 0 {
			for j := range nr {
				row[j] += rows[i][j]
			}
		} else {
			copy(row, rows[i][:])
		}
	}
}
