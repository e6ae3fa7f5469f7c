package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// The allocating forms (semantics.md A1): every operation X that writes
// into a destination has a form XInto(dst, …) and a form X(…) that
// returns a new array. The element-wise and reduction families are
// generated into zz_alloc.go from their XInto forms; the rest are written
// beside their XInto.

//go:generate go run ./internal/allocgen

// newResult returns a new zeroed C-contiguous array of the shape the
// operands broadcast to (semantics.md W1), for the allocating form op of
// an element-wise operation. It panics with an error wrapping ErrShape,
// naming every operand's shape, when they cannot be broadcast together,
// and allocates only the array.
func newResult[R any](op string, operands ...*layout.Layout) NDView[R] {
	nd := 0
	for _, l := range operands {
		nd = max(nd, l.NDim())
	}
	var sh, from [MaxRank]int
	layout.BroadcastStart(&sh, &from, nd)
	for i, l := range operands {
		if layout.BroadcastMerge(&sh, &from, nd, i, l.Shape()) >= 0 {
			broadcastOperandsPanic(op, operands)
		}
	}
	return Zeros[R](sh[:nd]...)
}

// broadcastOperandsPanic is newResult's failure: NumPy's message.
//
//go:noinline
func broadcastOperandsPanic(op string, operands []*layout.Layout) {
	list := ""
	for i, l := range operands {
		if i > 0 {
			list += " "
		}
		list += formatShape(l.Shape())
	}
	panicf(op, ErrShape, "operands could not be broadcast together with shapes %s", list)
}
