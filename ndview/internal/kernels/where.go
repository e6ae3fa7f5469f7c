package kernels

import "github.com/ndkit/ndkit/ndview/internal/plan"

// WhereRows sets each element of d to the element of a at its position
// where c holds there, and to the element of b elsewhere, along the
// simplified plan p of four operands: d, c, a and b. Elements are copied,
// never computed, so T may be any type. It is written by hand: the only
// element-wise operation of three sources, one of them of another type.
// Rows where every operand is contiguous run one loop (after the vector
// kernel, semantics.md §27), the others a strided one.
func WhereRows[T any](p *plan.Plan, d []T, c []bool, a, b []T) {
	n, ds := p.Inner(0)
	_, cs := p.Inner(1)
	_, as := p.Inner(2)
	_, bs := p.Inner(3)
	contig := ds == 1 && cs == 1 && as == 1 && bs == 1
	w := p.Walk(1)
	for w.Next(p) {
		di, ci, ai, bi := w.Off[0], w.Off[1], w.Off[2], w.Off[3]
		if contig {
			d, c, a, b := d[di:di+n], c[ci:ci+n], a[ai:ai+n], b[bi:bi+n]
			k := vecWhere(d, c, a, b)
			d, c, a, b = d[k:], c[k:], a[k:], b[k:]
			for i, x := range c {
				if x {
					d[i] = a[i]
				} else {
					d[i] = b[i]
				}
			}
			continue
		}
		for range n {
			if c[ci] {
				d[di] = a[ai]
			} else {
				d[di] = b[bi]
			}
			di, ci, ai, bi = di+ds, ci+cs, ai+as, bi+bs
		}
	}
}
