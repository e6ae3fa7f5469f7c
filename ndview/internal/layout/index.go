package layout

// NumPy basic indexing (semantics.md §2): integers, slices with steps and
// open ends, Ellipsis and NewAxis, as typed items and as NumPy writes them.
// Both produce layouts of the same memory; neither copies.
//
// Rules, in order of application:
//  1. At most one Ellipsis; it expands to as many full slices as the axes
//     not consumed by integers and slices. Without one, full slices are
//     appended on the right.
//  2. Integers and slices consume one source axis each, left to right;
//     more of them than axes is an error. NewAxis consumes none.
//  3. An integer i (negative counts from the end) must fall in [0, n); it
//     removes its axis and moves the offset by i·stride.
//  4. A slice is normalised by Python's rules (sliceBounds). A non-empty
//     result moves the offset to its start and multiplies the stride by
//     the step; an empty one keeps offset and stride.
//  5. NewAxis inserts an axis of extent 1 and stride 0.

import (
	"math"
	"strconv"
	"strings"

	"github.com/ndkit/ndkit/ndview/internal/errs"
)

type itemKind uint8

const (
	kindSlice itemKind = iota // the zero IndexItem is ":"
	kindInt
	kindNewAxis
	kindEllipsis
)

// IndexItem is one item of a NumPy basic index: an integer, a slice
// start:stop:step with any part omitted, NewAxis or Ellipsis. Build items
// with Int, Range, From, To, Colon, Step and By, or use the NewAxis and
// Ellipsis values. The zero IndexItem is the full slice ":".
type IndexItem struct {
	// Four fields, so that the compiler keeps an item in registers: with
	// more, building v.Slice(Int(1)) goes through a stack temporary that
	// costs a store-forwarding stall.
	start, stop, step int     // step 0 means the default, 1
	tag               itemTag // the kind, and which bounds are given
}

// itemTag packs an item's kind (the low bits) with tagStart and tagStop.
type itemTag uint8

const (
	tagKindMask itemTag = 3
	tagStart    itemTag = 4 // the slice's start is given
	tagStop     itemTag = 8 // the slice's stop is given
)

func (s *IndexItem) kind() itemKind { return itemKind(s.tag & tagKindMask) }

// IntValue reports whether s is an integer item, Int(i), and returns i.
func (s IndexItem) IntValue() (int, bool) {
	if s.kind() != kindInt {
		return 0, false
	}
	return s.start, true
}

func (s *IndexItem) hasStart() bool { return s.tag&tagStart != 0 }

func (s *IndexItem) hasStop() bool { return s.tag&tagStop != 0 }

// By returns the slice s with its step set to step, so that From(5).By(-1)
// is NumPy's 5::-1. It panics if s is not a slice or step is 0.
func (s IndexItem) By(step int) IndexItem {
	if s.kind() != kindSlice || step == 0 {
		stepPanic("By", s.kind(), s.start, step)
	}
	s.step = step
	return s
}

// stepPanic is the failure of op (By or Step) on an item of the given
// kind and start, kept out of line so that its callers stay small and
// Step inlines.
//
//go:noinline
func stepPanic(op string, kind itemKind, start, step int) {
	if kind != kindSlice {
		s := IndexItem{tag: itemTag(kind), start: start}
		errs.Panicf(op, errs.ErrIndex, "step %d applied to the non-slice index item %s", step, s)
	}
	errs.Panicf(op, errs.ErrIndex, "slice step cannot be zero")
}

// String returns the item as NumPy writes it: "3", "1:5:2", "::-1", ":",
// "None" or "...".
func (s IndexItem) String() string {
	switch s.kind() {
	case kindInt:
		return strconv.Itoa(s.start)
	case kindNewAxis:
		return "None"
	case kindEllipsis:
		return "..."
	}
	var b strings.Builder
	if s.hasStart() {
		b.WriteString(strconv.Itoa(s.start))
	}
	b.WriteByte(':')
	if s.hasStop() {
		b.WriteString(strconv.Itoa(s.stop))
	}
	if s.step != 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(s.step))
	}
	return b.String()
}

// ParseIndex parses a NumPy index expression into items, appending to buf.
func ParseIndex(expr string, buf []IndexItem) ([]IndexItem, error) {
	if strings.TrimSpace(expr) == "" {
		return buf, nil
	}
	parts := strings.Split(expr, ",")
	if len(parts) > 1 && strings.TrimSpace(parts[len(parts)-1]) == "" {
		parts = parts[:len(parts)-1] // a trailing comma, as in Python's a[1,]
	}
	for i, p := range parts {
		item, err := parseItem(strings.TrimSpace(p))
		if err != nil {
			return nil, errs.Errorf("Index", errs.ErrIndex, "item %d %q of %q: %v", i, strings.TrimSpace(p), expr, err)
		}
		buf = append(buf, item)
	}
	return buf, nil
}

// parseItem parses one index item.
func parseItem(s string) (IndexItem, error) {
	switch s {
	case "":
		return IndexItem{}, errString("empty item; write ':' for a whole axis")
	case "...":
		return Ellipsis, nil
	case "None", "newaxis", "np.newaxis":
		return NewAxis, nil
	}
	if !strings.Contains(s, ":") {
		i, fits, err := parseInt(s)
		if err != nil {
			return IndexItem{}, err
		}
		if !fits {
			// NumPy refuses it too: an integer selects one position, and
			// no position lies this far out.
			return IndexItem{}, errString("integer " + s + " overflows int: cannot fit 'int' into an index-sized integer")
		}
		return Int(i), nil
	}
	fields := strings.Split(s, ":")
	if len(fields) > 3 {
		return IndexItem{}, errString("a slice has at most three parts, start:stop:step")
	}
	var item IndexItem
	for k, f := range fields {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		// A bound that does not fit is clamped, as Python clamps slice
		// indices (semantics.md E9): it lies beyond every axis anyway.
		n, fits, err := parseInt(f)
		if err != nil {
			return IndexItem{}, err
		}
		switch k {
		case 0:
			item.start, item.tag = n, item.tag|tagStart
		case 1:
			item.stop, item.tag = n, item.tag|tagStop
		case 2:
			if n == 0 {
				return IndexItem{}, errString("slice step cannot be zero")
			}
			if !fits && n < 0 {
				n = -math.MaxInt // Python's lower limit for a step
			}
			item.step = n
		}
	}
	return item, nil
}

// parseInt parses a decimal integer with an optional sign. A number that
// does not fit in an int gives the int of its sign with the largest
// magnitude (math.MaxInt or math.MinInt) and fits == false.
func parseInt(s string) (n int, fits bool, err error) {
	// ParseInt stops at the first digit that overflows, so the syntax is
	// checked here first, whole.
	digits := s
	if digits != "" && (digits[0] == '+' || digits[0] == '-') {
		digits = digits[1:]
	}
	ok := digits != ""
	for i := 0; ok && i < len(digits); i++ {
		ok = '0' <= digits[i] && digits[i] <= '9'
	}
	if !ok {
		return 0, false, errString("not an integer, slice, '...', 'None' or 'newaxis': " + strconv.Quote(s))
	}
	// Out of range, ParseInt returns the bound of the sign.
	i, err := strconv.ParseInt(s, 10, strconv.IntSize)
	return int(i), err == nil, nil
}

// errString is a plain error message used inside parse errors.
type errString string

func (e errString) Error() string { return string(e) }

// sliceBounds normalises a slice of an axis of extent n by Python's rules
// (slice.indices) and returns its first position and its length. step must
// not be 0; bounds may be any int.
func sliceBounds(n int, s *IndexItem) (first, length int) {
	step := s.stepValue()
	if step > 0 {
		start, stop := 0, n
		if s.hasStart() {
			start = clampBound(s.start, n, 0, n)
		}
		if s.hasStop() {
			stop = clampBound(s.stop, n, 0, n)
		}
		if start >= stop {
			return start, 0
		}
		if step == 1 { // the common case needs no division
			return start, stop - start
		}
		return start, int(uint(stop-start-1)/uint(step)) + 1
	}
	start, stop := n-1, -1
	if s.hasStart() {
		start = clampBound(s.start, n, -1, n-1)
	}
	if s.hasStop() {
		stop = clampBound(s.stop, n, -1, n-1)
	}
	if stop >= start {
		return start, 0
	}
	if step == -1 {
		return start, start - stop
	}
	// -step as uint is exact even for step == MinInt.
	return start, int(uint(start-stop-1)/uint(-step)) + 1
}

// clampBound applies Python's rule to one slice bound b on an axis of
// extent n: a negative b counts from the end, and the result is clamped to
// [lo, hi].
func clampBound(b, n, lo, hi int) int {
	if b < 0 {
		b += n // cannot overflow: b < 0 <= n
		if b < 0 {
			return lo
		}
		return b
	}
	return min(b, hi)
}

// index applies items to v, the layout of a private copy (the rules at the
// top of this file). On error v is left in an unspecified state.
func (v *Layout) Index(op string, items []IndexItem) *errs.Error {
	ndim := v.NDim()
	consumed, newAxes, ints := 0, 0, 0
	ellipsis := false
	for i := range items {
		switch items[i].kind() {
		case kindInt:
			consumed++
			ints++
		case kindSlice:
			consumed++
		case kindNewAxis:
			newAxes++
		case kindEllipsis:
			if ellipsis {
				return errs.Errorf(op, errs.ErrIndex, "an index can only have a single ellipsis ('...')")
			}
			ellipsis = true
		}
	}
	if consumed > ndim {
		return errs.Errorf(op, errs.ErrIndex,
			"too many indices for array: array is %d-dimensional, but %d were indexed", ndim, consumed)
	}
	outRank := ndim - ints + newAxes
	if outRank > MaxRank {
		return errs.Errorf(op, errs.ErrShape, "the index gives %d dimensions, above the maximum of %d", outRank, MaxRank)
	}
	var old Scratch
	var sh, st []int
	inPlace := ints == 0 && newAxes == 0
	if inPlace {
		// Only slices and an ellipsis: every axis stays where it is and
		// no item can fail, so the layout is rewritten in place.
		sh, st = v.Own()
	} else {
		sh, st = v.Relayout(outRank, &old)
	}
	rsh, rst := v.Shape(), v.Strides()
	src, dst := 0, 0
	for j := range items {
		it := &items[j]
		switch it.kind() {
		case kindEllipsis:
			if inPlace {
				src += ndim - consumed
				dst = src
				continue
			}
			for range ndim - consumed {
				rsh[dst], rst[dst] = sh[src], st[src]
				src, dst = src+1, dst+1
			}
		case kindNewAxis:
			rsh[dst], rst[dst] = 1, 0
			dst++
		case kindInt:
			n, i := sh[src], it.start
			if i < 0 {
				i += n
			}
			if i < 0 || i >= n {
				return errs.Errorf(op, errs.ErrIndex,
					"index %d is out of bounds for axis %d with size %d (shape %s)", it.start, src, n, errs.FormatShape(sh))
			}
			v.Off += i * st[src]
			src++
		case kindSlice:
			n, s := sh[src], st[src]
			rsh[dst], rst[dst] = n, s
			if *it == (IndexItem{}) { // ":" keeps the axis
				src++
				dst++
				continue
			}
			first, length := sliceBounds(n, it)
			rsh[dst] = length
			if length > 0 {
				v.Off += first * s
				// If step·s overflows, length is 1 and the stride is never
				// used; keep s (NumPy stores garbage there).
				switch step := it.step; step {
				case 0, 1:
				case -1:
					if s != math.MinInt { // -MinInt overflows: keep s
						rst[dst] = -s
					}
				default:
					if p, ok := MulInt(step, s); ok {
						rst[dst] = p
					}
				}
			}
			src++
			dst++
		}
	}
	if inPlace {
		return nil // the remaining axes are where they were
	}
	// The remaining axes, copied by hand: copy calls memmove, which costs
	// more than these few ints.
	for ; src < len(sh); src, dst = src+1, dst+1 {
		rsh[dst], rst[dst] = sh[src], st[src]
	}
	return nil
}

// stepValue returns the slice's step, 1 when it was omitted.
func (s IndexItem) stepValue() int {
	if s.step == 0 {
		return 1
	}
	return s.step
}

// Int returns the index item i, which selects one position of an axis and
// removes the axis; a negative i counts from the end (NumPy's a[i]).
func Int(i int) IndexItem { return IndexItem{tag: itemTag(kindInt), start: i} }

// Range returns the slice start:stop (NumPy's a[start:stop]).
func Range(start, stop int) IndexItem {
	return IndexItem{tag: tagStart | tagStop, start: start, stop: stop}
}

// From returns the slice start: (NumPy's a[start:]).
func From(start int) IndexItem { return IndexItem{tag: tagStart, start: start} }

// To returns the slice :stop (NumPy's a[:stop]).
func To(stop int) IndexItem { return IndexItem{tag: tagStop, stop: stop} }

// Colon returns the slice ":", which keeps a whole axis.
func Colon() IndexItem { return IndexItem{} }

// Step returns the slice ::step; Step(-1) reverses an axis (NumPy's
// a[::-1]).
func Step(step int) IndexItem {
	if step == 0 {
		stepPanic("Step", kindSlice, 0, 0)
	}
	return IndexItem{step: step}
}

// NewAxis is the index item that inserts a new axis of extent 1 (NumPy's
// None or np.newaxis).
var NewAxis = IndexItem{tag: itemTag(kindNewAxis)}

// Ellipsis is the index item that stands for as many full slices as needed
// (NumPy's ...).
var Ellipsis = IndexItem{tag: itemTag(kindEllipsis)}
