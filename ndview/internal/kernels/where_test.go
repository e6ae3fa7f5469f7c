package kernels

import "testing"

// TestWhereRows checks WhereRows on every combination of layouts of its
// four operands against the naive selection.
func TestWhereRows(t *testing.T) {
	v := values[float64]()
	m, n := 3, len(v)
	for _, ld := range layouts2(m, n, false) {
		for _, lc := range layouts2(m, n, true) {
			for _, la := range layouts2(m, n, true) {
				for _, lb := range []layout2{layouts2(m, n, true)[0], layouts2(m, n, true)[4]} {
					xc := func(i, j int) bool { return (i*7+j*3)%5 < 2 }
					switch {
					case lc.st[0] == 0: // a row repeated down the columns
						xc = func(i, j int) bool { return j%3 == 0 }
					case lc.st[1] == 0: // a column repeated along the rows
						xc = func(i, j int) bool { return i%2 == 0 }
					}
					pick := func(l layout2, i, j int) float64 {
						if l.st[0] == 0 {
							return v[j]
						}
						if l.st[1] == 0 {
							return v[i]
						}
						return v[(i+j)%len(v)]
					}
					c := fillLayout(lc, m, n, xc)
					a := fillLayout(la, m, n, func(i, j int) float64 { return pick(la, i, j) })
					b := fillLayout(lb, m, n, func(i, j int) float64 { return -pick(lb, i, j) })
					d := fillLayout(ld, m, n, func(i, j int) float64 { return 42 })
					WhereRows(plan2d(m, n, ld, lc, la, lb), d, c, a, b)
					for i := range m {
						for j := range n {
							want := -pick(lb, i, j)
							if xc(i, j) {
								want = pick(la, i, j)
							}
							if got := d[ld.at(i, j)]; !same(got, want) {
								t.Fatalf("d %s, c %s, a %s, b %s: (%d, %d) is %v, want %v", ld.name, lc.name, la.name, lb.name, i, j, got, want)
							}
						}
					}
				}
			}
		}
	}
}
