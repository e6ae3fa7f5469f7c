package ndview

import "github.com/ndkit/ndkit/ndview/internal/plan"

// Row loops of the element-wise operations (ufunc.go, compare.go).
//
// Each operation has a walker (addRows, lessRows, …) that holds the
// operation as a function literal and walks the rows of a simplified plan,
// choosing per row one of a few small loops by the pattern of the inner
// strides. The loops are generic and small enough for the compiler to
// inline into the walker, and the function literal is then inlined into
// the loop body: one loop per operation and pattern, with no call per
// element. (A shared walker taking the operation as an argument would be
// too large to inline, and would call the operation through a pointer for
// every element.)

import "math"

// pattern is the layout of the innermost axis of a plan that the row loops
// specialise.
type pattern uint8

const (
	patStrided pattern = iota // any strides
	patVV                     // every operand contiguous
	patSV                     // the first source constant along the row (a broadcast or a scalar), the others contiguous
	patVS                     // the second source constant along the row, the others contiguous
)

// rows3 is the innermost axis of a plan of a destination and two sources:
// its extent, the operands' strides along it and their pattern.
type rows3 struct {
	n, ds, as, bs int
	pat           pattern
}

// rowsOf3 returns the innermost axis of the three-operand plan p.
func rowsOf3(p *plan.Plan) rows3 {
	n, ds := p.Inner(0)
	_, as := p.Inner(1)
	_, bs := p.Inner(2)
	r := rows3{n: n, ds: ds, as: as, bs: bs}
	if ds == 1 {
		switch {
		case as == 1 && bs == 1:
			r.pat = patVV
		case as == 0 && bs == 1:
			r.pat = patSV
		case as == 1 && bs == 0:
			r.pat = patVS
		}
	}
	return r
}

// loopVV sets d[i] = f(a[i], b[i]).
func loopVV[D, S any](d []D, a, b []S, f func(S, S) D) {
	a = a[:len(d)]
	b = b[:len(d)]
	for i := range d {
		d[i] = f(a[i], b[i])
	}
}

// loopSV sets d[i] = f(x, b[i]).
func loopSV[D, S any](d []D, x S, b []S, f func(S, S) D) {
	b = b[:len(d)]
	for i := range d {
		d[i] = f(x, b[i])
	}
}

// loopVS sets d[i] = f(a[i], y).
func loopVS[D, S any](d []D, a []S, y S, f func(S, S) D) {
	a = a[:len(d)]
	for i := range d {
		d[i] = f(a[i], y)
	}
}

// loop3 runs f along one row of any strides starting at di, ai and bi.
func loop3[D, S any](r *rows3, d []D, di int, a []S, ai int, b []S, bi int, f func(S, S) D) {
	for range r.n {
		d[di] = f(a[ai], b[bi])
		di, ai, bi = di+r.ds, ai+r.as, bi+r.bs
	}
}

// Binary arithmetic.

// addRows stores a + b along the plan p.
func addRows[T Numeric](p *plan.Plan, d, a, b []T) {
	f := func(x, y T) T { return x + y }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// subRows stores a − b along the plan p.
func subRows[T Numeric](p *plan.Plan, d, a, b []T) {
	f := func(x, y T) T { return x - y }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// mulRows stores a × b along the plan p.
func mulRows[T Numeric](p *plan.Plan, d, a, b []T) {
	f := func(x, y T) T { return x * y }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// divRows stores a ÷ b along the plan p, for floats and complex numbers.
func divRows[T Numeric](p *plan.Plan, d, a, b []T) {
	f := func(x, y T) T { return x / y }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// divIntRows stores a ÷ b along the plan p, for integers: truncated, and 0
// where b is 0.
func divIntRows[T Numeric](p *plan.Plan, d, a, b []T) {
	f := func(x, y T) T {
		if y == 0 {
			return 0
		}
		return x / y
	}
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// minRows stores min(a, b) along the plan p; NaN propagates.
func minRows[T Real](p *plan.Plan, d, a, b []T) {
	f := func(x, y T) T { return min(x, y) }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// maxRows stores max(a, b) along the plan p; NaN propagates.
func maxRows[T Real](p *plan.Plan, d, a, b []T) {
	f := func(x, y T) T { return max(x, y) }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// Comparisons, into bools. Greater and GreaterEqual run lessRows and
// lessEqualRows with the sources exchanged.

// equalRows stores a == b along the plan p.
func equalRows[T Numeric](p *plan.Plan, d []bool, a, b []T) {
	f := func(x, y T) bool { return x == y }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// notEqualRows stores a != b along the plan p.
func notEqualRows[T Numeric](p *plan.Plan, d []bool, a, b []T) {
	f := func(x, y T) bool { return x != y }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// lessRows stores a < b along the plan p.
func lessRows[T Real](p *plan.Plan, d []bool, a, b []T) {
	f := func(x, y T) bool { return x < y }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// lessEqualRows stores a <= b along the plan p.
func lessEqualRows[T Real](p *plan.Plan, d []bool, a, b []T) {
	f := func(x, y T) bool { return x <= y }
	r := rowsOf3(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai, bi := w.Off[0], w.Off[1], w.Off[2]
		switch r.pat {
		case patVV:
			loopVV(d[di:di+r.n], a[ai:], b[bi:], f)
		case patSV:
			loopSV(d[di:di+r.n], a[ai], b[bi:], f)
		case patVS:
			loopVS(d[di:di+r.n], a[ai:], b[bi], f)
		default:
			loop3(&r, d, di, a, ai, b, bi, f)
		}
	}
}

// Unary operations.

// rows2 is the innermost axis of a plan of a destination and one source.
type rows2 struct {
	n, ds, as int
	contig    bool // both strides 1
}

// rowsOf2 returns the innermost axis of the two-operand plan p.
func rowsOf2(p *plan.Plan) rows2 {
	n, ds := p.Inner(0)
	_, as := p.Inner(1)
	return rows2{n: n, ds: ds, as: as, contig: ds == 1 && as == 1}
}

// loopV sets d[i] = f(a[i]).
func loopV[D, S any](d []D, a []S, f func(S) D) {
	a = a[:len(d)]
	for i := range d {
		d[i] = f(a[i])
	}
}

// loop2 runs f along one row of any strides starting at di and ai.
func loop2[D, S any](r *rows2, d []D, di int, a []S, ai int, f func(S) D) {
	for range r.n {
		d[di] = f(a[ai])
		di, ai = di+r.ds, ai+r.as
	}
}

// negRows stores −a along the plan p.
func negRows[T Numeric](p *plan.Plan, d, a []T) {
	f := func(x T) T { return -x }
	r := rowsOf2(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai := w.Off[0], w.Off[1]
		if r.contig {
			loopV(d[di:di+r.n], a[ai:], f)
			continue
		}
		loop2(&r, d, di, a, ai, f)
	}
}

// absRows stores |a| along the plan p. Negating x <= 0 as 0 − x makes −0
// into +0, leaves unsigned values (only 0 is <= 0) and NaN alone, and
// wraps the most negative integer to itself.
func absRows[T Real](p *plan.Plan, d, a []T) {
	f := func(x T) T {
		if x <= 0 {
			return 0 - x
		}
		return x
	}
	r := rowsOf2(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai := w.Off[0], w.Off[1]
		if r.contig {
			loopV(d[di:di+r.n], a[ai:], f)
			continue
		}
		loop2(&r, d, di, a, ai, f)
	}
}

// sqrtRows stores √a along the plan p (never for float16, whose bits are
// not its value).
func sqrtRows[T Float](p *plan.Plan, d, a []T) {
	f := func(x T) T { return T(math.Sqrt(float64(x))) }
	r := rowsOf2(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai := w.Off[0], w.Off[1]
		if r.contig {
			loopV(d[di:di+r.n], a[ai:], f)
			continue
		}
		loop2(&r, d, di, a, ai, f)
	}
}

// mathRows stores f(a) along the plan p (never for float16), for the
// functions of package math whose cost dwarfs the call through f: Exp and
// Log (BenchmarkArith/Exp runs at the speed of a hand loop calling
// math.Exp).
func mathRows[T Float](p *plan.Plan, d, a []T, f func(float64) float64) {
	g := func(x T) T { return T(f(float64(x))) }
	r := rowsOf2(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai := w.Off[0], w.Off[1]
		if r.contig {
			loopV(d[di:di+r.n], a[ai:], g)
			continue
		}
		loop2(&r, d, di, a, ai, g)
	}
}

// clipRows stores min(max(a, lo), hi) along the plan p; NaN in a, lo or hi
// propagates, as in NumPy's clip.
func clipRows[T Real](p *plan.Plan, d, a []T, lo, hi T) {
	f := func(x T) T { return min(max(x, lo), hi) }
	r := rowsOf2(p)
	w := p.Walk(1)
	for w.Next(p) {
		di, ai := w.Off[0], w.Off[1]
		if r.contig {
			loopV(d[di:di+r.n], a[ai:], f)
			continue
		}
		loop2(&r, d, di, a, ai, f)
	}
}
