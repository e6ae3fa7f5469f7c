package layout

// Fixed-rank element access: the offsets of At2, Set2, At3 and Set3, small
// enough to be inlined into a caller's loop. See ndview/access.go.

import "github.com/ndkit/ndkit/ndview/internal/errs"

// Offset2 returns the data index of element (i, j) of a 2-D Layout. It
// panics with an at2Fault when the Layout is not 2-D or an index is out of
// range. Ranks 2 and 3 are always stored inline.
func (l *Layout) Offset2(i, j int) int {
	if l.rank1 != 1 || uint(i) >= uint(l.small[0]) || uint(j) >= uint(l.small[1]) {
		panic(at2Fault{*l, [3]int{i, j}})
	}
	return l.Off + i*l.small[InlineRank] + j*l.small[InlineRank+1]
}

// WriteOffset2 is Offset2 for a write: it also panics, with a set2Fault,
// when the Layout is read-only. rank1|flags is 1 exactly for a writable
// 2-D Layout.
func (l *Layout) WriteOffset2(i, j int) int {
	if l.rank1|l.Flags != 1 || uint(i) >= uint(l.small[0]) || uint(j) >= uint(l.small[1]) {
		panic(set2Fault{*l, [3]int{i, j}})
	}
	return l.Off + i*l.small[InlineRank] + j*l.small[InlineRank+1]
}

// Offset3 returns the data index of element (i, j, k) of a 3-D Layout. It
// panics with an at3Fault when the Layout is not 3-D or an index is out of
// range.
func (l *Layout) Offset3(i, j, k int) int {
	if l.rank1 != 2 || uint(i) >= uint(l.small[0]) || uint(j) >= uint(l.small[1]) || uint(k) >= uint(l.small[2]) {
		panic(at3Fault{*l, [3]int{i, j, k}})
	}
	return l.Off + i*l.small[InlineRank] + j*l.small[InlineRank+1] + k*l.small[InlineRank+2]
}

// WriteOffset3 is Offset3 for a write: it also panics, with a set3Fault,
// when the Layout is read-only.
func (l *Layout) WriteOffset3(i, j, k int) int {
	if l.rank1|l.Flags != 2 || uint(i) >= uint(l.small[0]) || uint(j) >= uint(l.small[1]) || uint(k) >= uint(l.small[2]) {
		panic(set3Fault{*l, [3]int{i, j, k}})
	}
	return l.Off + i*l.small[InlineRank] + j*l.small[InlineRank+1] + k*l.small[InlineRank+2]
}

// accessFault is what a failed fixed-rank access records: a copy of the
// view's Layout (a copy, so that the view need not escape to the heap) and
// the indices given. Building it takes fewer syntax nodes than any error
// built on the spot; the error it stands for is built when asked.
//
// The accessors panic with one of the four types below, alike but for the
// operation they name, which their type carries at no cost. Each is an
// error whose message is that of the error it wraps.
type accessFault struct {
	l   Layout
	idx [3]int // the indices, in order; idx[2] is 0 for At2 and Set2
}

type (
	at2Fault  accessFault // a failed At2
	set2Fault accessFault // a failed Set2
	at3Fault  accessFault // a failed At3
	set3Fault accessFault // a failed Set3
)

func (f at2Fault) Error() string  { return f.Unwrap().Error() }
func (f set2Fault) Error() string { return f.Unwrap().Error() }
func (f at3Fault) Error() string  { return f.Unwrap().Error() }
func (f set3Fault) Error() string { return f.Unwrap().Error() }

// Unwrap returns the error the fault stands for, as At would have built it.
func (f at2Fault) Unwrap() error { return accessFault(f).err("At2", false, 2) }

// Unwrap returns the error the fault stands for, as Set would have built it.
func (f set2Fault) Unwrap() error { return accessFault(f).err("Set2", true, 2) }

// Unwrap returns the error the fault stands for, as At would have built it.
func (f at3Fault) Unwrap() error { return accessFault(f).err("At3", false, 3) }

// Unwrap returns the error the fault stands for, as Set would have built it.
func (f set3Fault) Unwrap() error { return accessFault(f).err("Set3", true, 3) }

// err returns the error of the failed access op with the first n indices.
func (f accessFault) err(op string, write bool, n int) error {
	idx := f.idx[:n]
	if err := f.l.AccessError(op, write, idx); err != nil {
		return err
	}
	// Not reached: the accessors fault only when accessError finds a fault.
	return errs.Errorf(op, errs.ErrIndex, "indices %s reported out of range for shape %s",
		errs.FormatShape(idx), errs.FormatShape(f.l.Shape()))
}

// AccessError returns the error of element access op (At, Set, At2, …)
// with the indices idx, writing if write is set: an *Error wrapping
// errs.ErrReadOnly when the Layout is read-only and op writes, an *Error
// wrapping errs.ErrIndex when the number of indices is not the rank, and an
// *IndexError for the first index outside its axis. It returns nil when the
// access is valid.
func (l *Layout) AccessError(op string, write bool, idx []int) error {
	if write && l.Flags&FlagReadOnly != 0 {
		return errs.Errorf(op, errs.ErrReadOnly, "assignment destination is read-only")
	}
	sh := l.Shape()
	if len(idx) != len(sh) {
		return errs.Errorf(op, errs.ErrIndex, "%d indices %s for a view of %d dimensions (shape %s)",
			len(idx), errs.FormatShape(idx), len(sh), errs.FormatShape(sh))
	}
	for k, i := range idx {
		if uint(i) >= uint(sh[k]) {
			return &errs.IndexError{Op: op, Axis: k, Index: i, Shape: append([]int{}, sh...)}
		}
	}
	return nil
}
