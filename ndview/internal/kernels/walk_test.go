package kernels

import (
	"testing"

	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// Helpers of the generated tests of the walkers and of the conversion
// dispatch: operands laid out over a 2-d shape in the ways that give each
// row pattern, planned as ndview plans them, and compared with naive loops
// over the indices.

// layout2 is a 2-d operand: its offset and strides within its buffer.
type layout2 struct {
	off    int
	st     [2]int
	name   string
	bufLen int
}

// layouts2 returns the layouts of an m×n operand tested: C order, F
// order, reversed, spread, and broadcast along either axis (for sources).
func layouts2(m, n int, source bool) []layout2 {
	ls := []layout2{
		{0, [2]int{n, 1}, "C", m * n},
		{0, [2]int{1, m}, "F", m * n},
		{m*n - 1, [2]int{-n, -1}, "reversed", m * n},
		{1, [2]int{2 * n, 2}, "spread", 2*m*n + 1},
	}
	if source {
		ls = append(ls,
			layout2{0, [2]int{1, 0}, "column", m}, // constant along rows
			layout2{0, [2]int{0, 1}, "row", n},
		)
	}
	return ls
}

// at returns the buffer index of element (i, j) of l.
func (l layout2) at(i, j int) int { return l.off + i*l.st[0] + j*l.st[1] }

// fillLayout returns a buffer for l whose element (i, j) is v(i, j).
func fillLayout[T any](l layout2, m, n int, v func(i, j int) T) []T {
	buf := make([]T, l.bufLen)
	for i := range m {
		for j := range n {
			buf[l.at(i, j)] = v(i, j)
		}
	}
	return buf
}

// plan2d plans an m×n shape over the operands ls, the destination first,
// reordered and coalesced as ndview plans element-wise operations.
func plan2d(m, n int, ls ...layout2) *plan.Plan {
	p := new(plan.Plan)
	p.Init([]int{m, n})
	for _, l := range ls {
		p.Add(l.off, l.st[:])
	}
	p.Simplify(true)
	return p
}

// checkBinaryRows checks the walker of a binary operation against ref on
// every combination of operand layouts, with pairs of corner values.
func checkBinaryRows[T, D any](t *testing.T, ref func(x, y T) D, rows func(p *plan.Plan, d []D, a, b []T)) {
	v := values[T]()
	m, n := len(v), len(v)
	for _, ld := range layouts2(m, n, false) {
		for _, la := range layouts2(m, n, true) {
			for _, lb := range layouts2(m, n, true) {
				xa := func(i, j int) T { return v[(i+3*j)%len(v)] }
				xb := func(i, j int) T { return v[(2*i+j)%len(v)] }
				if la.st[0] == 0 {
					xa = func(i, j int) T { return v[j] }
				} else if la.st[1] == 0 {
					xa = func(i, j int) T { return v[i] }
				}
				if lb.st[0] == 0 {
					xb = func(i, j int) T { return v[j] }
				} else if lb.st[1] == 0 {
					xb = func(i, j int) T { return v[i] }
				}
				a, b := fillLayout(la, m, n, xa), fillLayout(lb, m, n, xb)
				fill := sentinel[D]()
				d := fillLayout(ld, m, n, func(i, j int) D { return fill })
				rows(plan2d(m, n, ld, la, lb), d, a, b)
				for i := range m {
					for j := range n {
						if got, want := d[ld.at(i, j)], ref(xa(i, j), xb(i, j)); !same(got, want) {
							t.Fatalf("d %s, a %s, b %s: element (%d, %d) is %v, want %v", ld.name, la.name, lb.name, i, j, got, want)
						}
					}
				}
			}
		}
	}
}

// checkUnaryRows checks the walker of a unary operation against ref on
// every combination of operand layouts.
func checkUnaryRows[T, D any](t *testing.T, ref func(x T) D, rows func(p *plan.Plan, d []D, a []T)) {
	v := values[T]()
	m, n := 3, len(v)
	for _, ld := range layouts2(m, n, false) {
		for _, la := range layouts2(m, n, true) {
			xa := func(i, j int) T { return v[(i+j)%len(v)] }
			if la.st[0] == 0 {
				xa = func(i, j int) T { return v[j] }
			} else if la.st[1] == 0 {
				xa = func(i, j int) T { return v[i] }
			}
			a := fillLayout(la, m, n, xa)
			fill := sentinel[D]()
			d := fillLayout(ld, m, n, func(i, j int) D { return fill })
			rows(plan2d(m, n, ld, la), d, a)
			for i := range m {
				for j := range n {
					if got, want := d[ld.at(i, j)], ref(xa(i, j)); !same(got, want) {
						t.Fatalf("d %s, a %s: element (%d, %d) is %v, want %v", ld.name, la.name, i, j, got, want)
					}
				}
			}
		}
	}
}

// checkReduceRows checks the walker of a reduction against a naive fold by
// ref of the rows the plan visits, each reduced from identity when there
// is one, and then from r.
func checkReduceRows[T any](t *testing.T, ref func(x, y T) T, identity *T, rows func(p *plan.Plan, r T, s []T) T) {
	v := values[T]()
	m, n := 3, 5
	for _, l := range layouts2(m, n, false) {
		// One corner (a NaN, the smallest, a true) at each position in
		// turn, among copies of another, so that a reduction that misses
		// or repeats an element gives another result.
		for at := range m * n {
			for k := range v {
				s := fillLayout(l, m, n, func(i, j int) T {
					if i*n+j == at {
						return v[k]
					}
					return v[(k+1)%len(v)]
				})
				for _, r := range []T{v[0], v[len(v)-1]} {
					p := plan2d(m, n, l)
					want := r
					k, st := p.Inner(0)
					w := p.Walk(1)
					for w.Next(p) {
						acc := want
						if identity != nil {
							acc = *identity
						}
						for e := range k {
							acc = ref(acc, s[w.Off[0]+e*st])
						}
						if identity != nil {
							acc = ref(want, acc)
						}
						want = acc
					}
					if got := rows(p, r, s); !same(got, want) {
						t.Fatalf("layout %s, %v at %d among %v, from %v: %v, want %v", l.name, v[k], at, v[(k+1)%len(v)], r, got, want)
					}
				}
			}
		}
	}
}

// checkDispatch checks that Convert and ConvertRow convert elements of
// kind ks into kind kd with kernel, the row kernel the table gives the
// pair: on every layout of the destination and the source, in tiles.
func checkDispatch[D, S any](t *testing.T, kd, ks mem.Kind, kernel func(d []D, di, ds int, s []S, si, ss, n int)) {
	v := values[S]()
	m, n := 17, len(v)
	fill := sentinel[D]()
	for _, ld := range layouts2(m, n, false) {
		for _, ls := range layouts2(m, n, true) {
			x := func(i, j int) S { return v[(i+j)%len(v)] }
			if ls.st[0] == 0 {
				x = func(i, j int) S { return v[j] }
			} else if ls.st[1] == 0 {
				x = func(i, j int) S { return v[i%len(v)] }
			}
			s := fillLayout(ls, m, n, x)
			d := fillLayout(ld, m, n, func(i, j int) D { return fill })
			p := plan2d(m, n, ld, ls)
			p.RowTiles(mem.Sizeof[D](), mem.Sizeof[S]())
			Convert(kd, mem.Erase(d), ks, mem.Erase(s), p)
			for i := range m {
				for j := range n {
					want := []D{fill}
					kernel(want, 0, 1, []S{x(i, j)}, 0, 1, 1)
					if got := d[ld.at(i, j)]; !same(got, want[0]) {
						t.Fatalf("Convert, d %s, s %s: element (%d, %d) is %v, want %v", ld.name, ls.name, i, j, got, want[0])
					}
				}
			}
			// ConvertRow on the first column: a row of stride st[0].
			d = fillLayout(ld, m, n, func(i, j int) D { return fill })
			ConvertRow(kd, mem.Erase(d), ld.off, ld.st[0], ks, mem.Erase(s), ls.off, ls.st[0], m)
			for i := range m {
				want := []D{fill}
				kernel(want, 0, 1, []S{x(i, 0)}, 0, 1, 1)
				if got := d[ld.at(i, 0)]; !same(got, want[0]) {
					t.Fatalf("ConvertRow, d %s, s %s: element %d is %v, want %v", ld.name, ls.name, i, got, want[0])
				}
			}
		}
	}
}
