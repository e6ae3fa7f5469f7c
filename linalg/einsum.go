package linalg

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ndkit/ndkit/ndview"
)

// Einsum evaluates the Einstein summation convention on the operands,
// NumPy's np.einsum(subscripts, *operands, optimize=True), with NumPy's
// subscript strings (semantics.md LA5–LA8):
//   - one term of letters (a–z, A–Z) per operand, separated by commas,
//     each naming the operand's axes; a term may hold one "..." standing
//     for the axes not named, broadcast across operands from the right;
//   - a letter repeated within one term takes a diagonal ("ii->i");
//   - "->" followed by the output's letters (and "..." where the
//     broadcast axes go) gives the output explicitly; without it the
//     output is the broadcast axes, then the letters that appear exactly
//     once, in ASCII order (uppercase first);
//   - every letter of the inputs not in the output is summed over.
//
// Extents of one letter must be equal, or 1 (broadcast). With one operand
// and nothing summed (a transpose, a diagonal, or both), the result is a
// view of the operand, writable when it is, as NumPy returns. Otherwise it
// is a new array: the letters each operand alone carries are summed first,
// then the operands are contracted pairwise, the pair with the smallest
// result first (NumPy's greedy order), each pair by transposing and
// reshaping to a batch of matrices multiplied by MatMul.
//
// The subscripts are a string that may come with the data, so every
// problem with them or with the operands' shapes (wrong count, a bad
// character, a term longer than its operand's rank, an output letter not
// in the inputs or repeated, extents that differ) returns an
// *ndview.Error wrapping ndview.ErrShape (ErrIndex for a malformed
// string), and the zero NDView.
func Einsum[T Float](subscripts string, operands ...ndview.NDView[T]) (ndview.NDView[T], error) {
	sp, err := parseEinsum(subscripts, operands)
	if err != nil {
		return ndview.NDView[T]{}, err
	}
	return sp.eval(operands)
}

// Labels are small ints: 0–51 for the letters, 52+j for the j-th
// broadcast axis ("..."), counted in the broadcast shape.
const ellLabel = 52

// einsumSpec is a parsed subscript string.
type einsumSpec[T Float] struct {
	in     [][]int     // the labels of each operand's axes
	out    []int       // the labels of the output's axes
	extent map[int]int // the broadcast extent of every label
}

// labelOf returns the label of a letter, or -1.
func labelOf(c byte) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return 26 + int(c-'a')
	}
	return -1
}

// einsumErr returns the error of a bad subscript string or shape.
func einsumErr(kind error, format string, args ...any) error {
	return &ndview.Error{Op: "linalg.Einsum", Err: kind, Msg: fmt.Sprintf(format, args...)}
}

// parseTerm splits a term into its letters' labels and the position of
// its "..." (-1 without).
func parseTerm(term string) (labels []int, ell int, err error) {
	ell = -1
	for i := 0; i < len(term); i++ {
		if strings.HasPrefix(term[i:], "...") {
			if ell >= 0 {
				return nil, 0, einsumErr(ndview.ErrIndex, "einstein sum subscripts string %q contains more than one ellipsis", term)
			}
			ell, i = len(labels), i+2
			continue
		}
		l := labelOf(term[i])
		if l < 0 {
			return nil, 0, einsumErr(ndview.ErrIndex, "invalid subscript %q in einstein sum subscripts string, subscripts must be letters", term[i])
		}
		labels = append(labels, l)
	}
	return labels, ell, nil
}

// parseEinsum parses the subscripts for the operands and checks shapes.
func parseEinsum[T Float](subscripts string, ops []ndview.NDView[T]) (*einsumSpec[T], error) {
	lhs, rhs, explicit := strings.Cut(subscripts, "->")
	if strings.Contains(rhs, "->") || strings.ContainsAny(strings.ReplaceAll(lhs, "->", ""), ">") {
		return nil, einsumErr(ndview.ErrIndex, "einstein sum subscripts string %q has a misplaced '->'", subscripts)
	}
	terms := strings.Split(lhs, ",")
	if len(terms) != len(ops) {
		return nil, einsumErr(ndview.ErrShape, "%d operands for %d terms in einstein sum subscripts string %q", len(ops), len(terms), subscripts)
	}
	sp := &einsumSpec[T]{extent: map[int]int{}}
	nell := 0
	ells := make([]int, len(ops))
	letters := make([][]int, len(ops))
	for i, term := range terms {
		labels, ell, err := parseTerm(term)
		if err != nil {
			return nil, err
		}
		nd := ops[i].NDim()
		if len(labels) > nd || (ell < 0 && len(labels) != nd) {
			return nil, einsumErr(ndview.ErrShape, "einstein sum subscripts string %q has %d subscripts for operand %d of shape %s",
				term, len(labels), i, ndview.FormatShape(ops[i].Shape()))
		}
		if ell >= 0 {
			nell = max(nell, nd-len(labels))
		}
		letters[i], ells[i] = labels, ell
	}
	counts := map[int]int{}
	for i, labels := range letters {
		nd := ops[i].NDim()
		var full []int
		if ells[i] < 0 {
			full = labels
		} else {
			e := nd - len(labels)
			full = append(full, labels[:ells[i]]...)
			for j := range e {
				full = append(full, ellLabel+nell-e+j)
			}
			full = append(full, labels[ells[i]:]...)
		}
		sh := ops[i].Shape()
		for ax, l := range full {
			counts[l]++
			x, seen := sp.extent[l]
			switch {
			case !seen || x == 1:
				sp.extent[l] = sh[ax]
			case sh[ax] != x && sh[ax] != 1:
				return nil, einsumErr(ndview.ErrShape, "operands could not be broadcast together: subscript %s has extents %d and %d",
					labelName(l), x, sh[ax])
			}
		}
		sp.in = append(sp.in, full)
	}
	if !explicit {
		for j := range nell {
			sp.out = append(sp.out, ellLabel+j)
		}
		for l := range ellLabel {
			if counts[l] == 1 {
				sp.out = append(sp.out, l)
			}
		}
		return sp, nil
	}
	labels, ell, err := parseTerm(rhs)
	if err != nil {
		return nil, err
	}
	if ell < 0 && nell > 0 {
		return nil, einsumErr(ndview.ErrShape, "output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions")
	}
	for i, l := range labels {
		if counts[l] == 0 {
			return nil, einsumErr(ndview.ErrShape, "einstein sum subscripts string included output subscript %s which never appeared in an input", labelName(l))
		}
		if slices.Contains(labels[:i], l) {
			return nil, einsumErr(ndview.ErrShape, "einstein sum subscripts string includes output subscript %s multiple times", labelName(l))
		}
	}
	if ell < 0 {
		sp.out = labels
		return sp, nil
	}
	sp.out = append(sp.out, labels[:ell]...)
	for j := range nell {
		sp.out = append(sp.out, ellLabel+j)
	}
	sp.out = append(sp.out, labels[ell:]...)
	return sp, nil
}

// labelName returns a label as the subscripts write it.
func labelName(l int) string {
	switch {
	case l < 26:
		return string(rune('A' + l))
	case l < ellLabel:
		return string(rune('a' + l - 26))
	}
	return fmt.Sprintf("... axis %d", l-ellLabel)
}

// term is an operand during evaluation: a view with one distinct label
// per axis.
type term[T Float] struct {
	v      ndview.NDView[T]
	labels []int
}

// eval evaluates the parsed sum.
func (sp *einsumSpec[T]) eval(ops []ndview.NDView[T]) (ndview.NDView[T], error) {
	terms := make([]term[T], len(ops))
	for i, op := range ops {
		terms[i] = diagonals(op, sp.in[i])
	}
	if len(terms) == 1 && sameSet(terms[0].labels, sp.out) {
		// A permutation of axes (after the diagonals): a view.
		return terms[0].v.Transpose(positions(terms[0].labels, sp.out)...), nil
	}
	for len(terms) > 1 {
		for i := range terms {
			terms[i] = sp.sumAlone(terms, i)
		}
		bi, bj, best := 0, 1, -1
		for i := range terms {
			for j := i + 1; j < len(terms); j++ {
				if size := sp.pairSize(terms, i, j); best < 0 || size < best {
					bi, bj, best = i, j, size
				}
			}
		}
		c := sp.contract(terms, bi, bj)
		rest := slices.Delete(slices.Clone(terms), bj, bj+1)
		terms = append(slices.Delete(rest, bi, bi+1), c) // NumPy appends it too
	}
	t := sp.sumAlone(terms, 0)
	return t.v.Transpose(positions(t.labels, sp.out)...), nil
}

// diagonals returns op with the diagonal taken over each label repeated
// in labels (a view; Diagonal moves the diagonal axis last).
func diagonals[T Float](op ndview.NDView[T], labels []int) term[T] {
	labels = slices.Clone(labels)
	for {
		i, j := repeated(labels)
		if i < 0 {
			return term[T]{op, labels}
		}
		l := labels[i]
		op = op.Diagonal(0, i, j)
		labels = append(slices.Delete(labels, j, j+1), l)
		labels = slices.Delete(labels, i, i+1)
	}
}

// repeated returns the first two positions holding one label, or -1.
func repeated(labels []int) (int, int) {
	for j, l := range labels {
		if i := slices.Index(labels[:j], l); i >= 0 {
			return i, j
		}
	}
	return -1, -1
}

// sameSet reports whether a and b hold the same labels.
func sameSet(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for _, l := range a {
		if !slices.Contains(b, l) {
			return false
		}
	}
	return true
}

// positions returns, for every label of want, its axis in have.
func positions(have, want []int) []int {
	p := make([]int, len(want))
	for i, l := range want {
		p[i] = slices.Index(have, l)
	}
	return p
}

// needed reports whether label l is in the output or in a term other
// than terms[skip] (and terms[skip2]).
func (sp *einsumSpec[T]) needed(l int, terms []term[T], skip, skip2 int) bool {
	if slices.Contains(sp.out, l) {
		return true
	}
	for k, t := range terms {
		if k != skip && k != skip2 && slices.Contains(t.labels, l) {
			return true
		}
	}
	return false
}

// sumAlone returns terms[i] with the axes summed whose labels no other
// term and not the output carries.
func (sp *einsumSpec[T]) sumAlone(terms []term[T], i int) term[T] {
	t := terms[i]
	var keep, summed []int
	for ax, l := range t.labels {
		if sp.needed(l, terms, i, i) {
			keep = append(keep, ax)
		} else {
			summed = append(summed, ax)
		}
	}
	if len(summed) == 0 {
		return t
	}
	v := t.v.Transpose(append(slices.Clone(keep), summed...)...)
	out := lanes(v, len(keep), func(_ []int, sub ndview.NDView[T]) T { return sum(sub) })
	labels := make([]int, len(keep))
	for k, ax := range keep {
		labels[k] = t.labels[ax]
	}
	return term[T]{out, labels}
}

// pairLabels splits the labels of terms i and j into batch labels (in
// both, needed after), contracted ones (in both, not needed), and the
// free labels of each.
func (sp *einsumSpec[T]) pairLabels(terms []term[T], i, j int) (batch, sum, left, right []int) {
	a, b := terms[i].labels, terms[j].labels
	for _, l := range a {
		switch {
		case !slices.Contains(b, l):
			left = append(left, l)
		case sp.needed(l, terms, i, j):
			batch = append(batch, l)
		default:
			sum = append(sum, l)
		}
	}
	for _, l := range b {
		if !slices.Contains(a, l) {
			right = append(right, l)
		}
	}
	return batch, sum, left, right
}

// pairSize returns the element count of the contraction of terms i and j.
func (sp *einsumSpec[T]) pairSize(terms []term[T], i, j int) int {
	batch, _, left, right := sp.pairLabels(terms, i, j)
	n := 1
	for _, ls := range [][]int{batch, left, right} {
		for _, l := range ls {
			n *= sp.extent[l]
		}
	}
	return n
}

// contract returns the contraction of terms i and j: both are transposed
// to (batch…, free, summed) and (batch…, summed, free) stacks of matrices
// and multiplied by MatMul, which broadcasts the batch axes.
func (sp *einsumSpec[T]) contract(terms []term[T], i, j int) term[T] {
	batch, sum, left, right := sp.pairLabels(terms, i, j)
	a := sp.arrange(terms[i], batch, left, sum)
	b := sp.arrange(terms[j], batch, sum, right)
	out := batchedMatMul("Einsum", a, b)
	shape := make([]int, 0, len(batch)+len(left)+len(right))
	for range batch {
		shape = append(shape, out.Shape()[len(shape)])
	}
	for _, ls := range [][]int{left, right} {
		for _, l := range ls {
			shape = append(shape, sp.extent[l])
		}
	}
	r, err := out.Reshape(shape...)
	if err != nil {
		panic(err) // unreachable: out is C-contiguous
	}
	return term[T]{r, slices.Concat(batch, left, right)}
}

// arrange returns t's view transposed to the labels batch, rows, cols,
// with the rows and the columns each merged into one axis (a copy when
// the layout needs it); summed labels of extent 1 are broadcast to the
// label's extent.
func (sp *einsumSpec[T]) arrange(t term[T], batch, rows, cols []int) ndview.NDView[T] {
	v := t.v.Transpose(positions(t.labels, slices.Concat(batch, rows, cols))...)
	sh := v.Shape()
	want := slices.Clone(sh)
	for k := len(batch); k < len(sh); k++ {
		want[k] = sp.extent[slices.Concat(batch, rows, cols)[k]]
	}
	if !slices.Equal(want, sh) {
		v, _ = v.BroadcastTo(want...)
	}
	r, c := 1, 1
	for _, l := range rows {
		r *= sp.extent[l]
	}
	for _, l := range cols {
		c *= sp.extent[l]
	}
	return reshaped(v, withAxes(want[:len(batch)], r, c)...)
}
