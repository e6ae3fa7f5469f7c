package kernels

import "github.com/ndkit/ndkit/ndview/internal/plan"

// Helpers of the generated walkers, which run the loops of one operation
// row by row along a simplified plan (package plan).

// pattern is the layout of the innermost axis of a plan of a destination
// and two sources: which loop of an element-wise operation runs its rows.
type pattern uint8

const (
	patStrided pattern = iota // any strides: the Strided loop
	patVV                     // every operand contiguous: VV, or the fast path
	patSV                     // the first source constant along the row (a broadcast or a scalar), the others contiguous
	patVS                     // the second source constant along the row, the others contiguous
)

// patternOf returns the pattern of rows whose destination has stride ds
// and whose sources have strides as and bs.
func patternOf(ds, as, bs int) pattern {
	if ds != 1 {
		return patStrided
	}
	switch {
	case as == 1 && bs == 1:
		return patVV
	case as == 0 && bs == 1:
		return patSV
	case as == 1 && bs == 0:
		return patVS
	}
	return patStrided
}

// EachRow calls kernel on every row of d and s along the two-operand plan
// p, in the tiles RowTiles chose (Plan.EachRow): a call per row, through
// the kernel's function value.
func EachRow[D, S any](p *plan.Plan, d []D, s []S, kernel func(d []D, di, ds int, s []S, si, ss, n int)) {
	_, ds := p.Inner(0)
	_, ss := p.Inner(1)
	p.EachRow(func(off [plan.MaxOperands]int, n int) {
		kernel(d, off[0], ds, s, off[1], ss, n)
	})
}
