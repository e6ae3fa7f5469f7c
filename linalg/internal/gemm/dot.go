package gemm

// Dot returns Σ x[ox + i·incx]·y[oy + i·incy] over i in [0, n): four
// partial sums, element i going to sum i mod 4 in increasing i, added as
// (s0 + s1) + (s2 + s3) (semantics.md §28, GM5).
func Dot[T Float](n int, x []T, ox, incx int, y []T, oy, incy int) T {
	var s0, s1, s2, s3 T
	i := 0
	if incx == 1 && incy == 1 {
		xs, ys := x[ox:ox+n], y[oy:oy+n]
		for ; i+4 <= n; i += 4 {
			xx, yy := xs[i:i+4:i+4], ys[i:i+4:i+4]
			s0 += xx[0] * yy[0]
			s1 += xx[1] * yy[1]
			s2 += xx[2] * yy[2]
			s3 += xx[3] * yy[3]
		}
		for ; i < n; i++ {
			switch i & 3 {
			case 0:
				s0 += xs[i] * ys[i]
			case 1:
				s1 += xs[i] * ys[i]
			case 2:
				s2 += xs[i] * ys[i]
			}
		}
		return (s0 + s1) + (s2 + s3)
	}
	px, py := ox, oy
	for ; i+4 <= n; i += 4 {
		s0 += x[px] * y[py]
		s1 += x[px+incx] * y[py+incy]
		s2 += x[px+2*incx] * y[py+2*incy]
		s3 += x[px+3*incx] * y[py+3*incy]
		px += 4 * incx
		py += 4 * incy
	}
	for r := 0; i < n; i, r = i+1, r+1 {
		p := x[px] * y[py]
		switch r {
		case 0:
			s0 += p
		case 1:
			s1 += p
		case 2:
			s2 += p
		}
		px += incx
		py += incy
	}
	return (s0 + s1) + (s2 + s3)
}
