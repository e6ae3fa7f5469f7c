package kernels

import (
	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
	"github.com/ndkit/ndkit/ndview/internal/simd"
)

// The transcendental functions with vector kernels (semantics.md §32).
// A contiguous row runs the kernel of package simd, which stops before a
// vector with a lane outside its fast range; the Go loop computes that
// vector (at most 16 elements, more than the widest vector) and the tail,
// and the kernel resumes after it. The Go loop runs the kernel's twin, so
// every element gets the same bits whichever path computed it. A strided row is gathered into a buffer on the
// stack, computed as a contiguous one and scattered back, so transposed
// and stepped views run the vector kernels too. Named types over float32
// and float64 run as their underlying type.

// A transc is one function: its vector kernels and its Go twin, the
// scalar function that computes the same bits (direct calls, with no
// closure between).
type transc struct {
	v32 func(d, a []float32) int
	v64 func(d, a []float64) int
	s   func(float64) float64
}

var (
	tExp = transc{simd.Exp[float32], simd.Exp[float64], Exp}
	tLog = transc{simd.Log[float32], simd.Log[float64], LogF}

	tExp2  = transc{simd.Exp2[float32], simd.Exp2[float64], Exp2F}
	tExpm1 = transc{simd.Expm1[float32], simd.Expm1[float64], Expm1F}
	tTanh  = transc{simd.Tanh[float32], simd.Tanh[float64], TanhF}
	tLog2  = transc{simd.Log2[float32], simd.Log2[float64], Log2F}
	tLog1p = transc{simd.Log1p[float32], simd.Log1p[float64], Log1pF}
	tSin   = transc{simd.Sin[float32], simd.Sin[float64], SinF}
	tCos   = transc{simd.Cos[float32], simd.Cos[float64], CosF}
)

// ExpRows sets d = e^a along the simplified plan p of two operands, d and
// a: NumPy's np.exp, computed by Exp (float32 in float64, rounded once).
func ExpRows[T floating](p *plan.Plan, d, a []T) { transcRows(p, &tExp, d, a) }

// LogRows sets d = ln a along p, as ExpRows, by LogF: NumPy's np.log
// (−Inf at 0, NaN below).
func LogRows[T floating](p *plan.Plan, d, a []T) { transcRows(p, &tLog, d, a) }

// SinVRows sets d = sin a along p, as ExpRows, by SinF: NumPy's np.sin.
func SinVRows[T floating](p *plan.Plan, d, a []T) { transcRows(p, &tSin, d, a) }

// CosVRows sets d = cos a along p, as ExpRows, by CosF: NumPy's np.cos.
func CosVRows[T floating](p *plan.Plan, d, a []T) { transcRows(p, &tCos, d, a) }

// Exp2VRows sets d = 2^a along p, as ExpRows, by Exp2F: NumPy's np.exp2.
func Exp2VRows[T floating](p *plan.Plan, d, a []T) { transcRows(p, &tExp2, d, a) }

// Expm1VRows sets d = e^a − 1 along p, as ExpRows, by Expm1F: NumPy's
// np.expm1.
func Expm1VRows[T floating](p *plan.Plan, d, a []T) { transcRows(p, &tExpm1, d, a) }

// TanhVRows sets d = tanh a along p, as ExpRows, by TanhF: NumPy's np.tanh.
func TanhVRows[T floating](p *plan.Plan, d, a []T) { transcRows(p, &tTanh, d, a) }

// Log2VRows sets d = log₂ a along p, as ExpRows, by Log2F: NumPy's np.log2.
func Log2VRows[T floating](p *plan.Plan, d, a []T) { transcRows(p, &tLog2, d, a) }

// Log1pVRows sets d = ln(1 + a) along p, as ExpRows, by Log1pF: NumPy's
// np.log1p.
func Log1pVRows[T floating](p *plan.Plan, d, a []T) { transcRows(p, &tLog1p, d, a) }

// transcRows runs f along p, dispatching on the element kind.
func transcRows[T floating](p *plan.Plan, f *transc, d, a []T) {
	switch mem.InfoOf[T]().Kind {
	case mem.Float32:
		transcWalk(p, f.v32, f.s, as[float32](d), as[float32](a))
	case mem.Float64:
		transcWalk(p, f.v64, f.s, as[float64](d), as[float64](a))
	}
}

// transcWalk runs d = f(a) row by row along p with the vector kernel v
// and the scalar function s.
func transcWalk[F float32 | float64](p *plan.Plan, v func(d, a []F) int, s func(float64) float64, d, a []F) {
	n, ds := p.Inner(0)
	_, as := p.Inner(1)
	w := p.Walk(1)
	if ds == 1 && as == 1 {
		for w.Next(p) {
			di, ai := w.Off[0], w.Off[1]
			transcV(v, s, d[di:di+n], a[ai:ai+n])
		}
		return
	}
	var buf [256]F
	for w.Next(p) {
		di, ai := w.Off[0], w.Off[1]
		for k := 0; k < n; k += len(buf) {
			b := buf[:min(len(buf), n-k)]
			for j := range b {
				b[j] = a[ai]
				ai += as
			}
			transcV(v, s, b, b)
			for _, x := range b {
				d[di] = x
				di += ds
			}
		}
	}
}

// transcV sets d[i] = f(a[i]) for i < len(d): the vector kernel v where it
// runs, and s for the vectors it leaves and the tail.
func transcV[F float32 | float64](v func(d, a []F) int, s func(float64) float64, d, a []F) {
	a = a[:len(d)]
	if !simd.Transc() {
		for i, x := range a {
			d[i] = F(s(float64(x)))
		}
		return
	}
	for i := 0; i < len(d); {
		i += v(d[i:], a[i:])
		end := min(i+16, len(d))
		for ; i < end; i++ {
			d[i] = F(s(float64(a[i])))
		}
	}
}
