package ndview

import "github.com/ndkit/ndkit/ndview/internal/plan"

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// operand is one operand of a plan in the tests: offset, shape, strides.
type operand struct {
	off     int
	shape   []int
	strides []int
}

// makePlan builds a plan over ops[0]'s shape with the others broadcast.
func makePlan(t *testing.T, reorder bool, ops ...operand) *plan.Plan {
	t.Helper()
	p := new(plan.Plan)
	p.Init(ops[0].shape)
	p.Add(ops[0].off, ops[0].strides)
	for _, o := range ops[1:] {
		if !p.AddBroadcast(o.off, o.shape, o.strides) {
			t.Fatalf("addBroadcast(%v) into %v failed", o.shape, ops[0].shape)
		}
	}
	p.Simplify(reorder)
	return p
}

// visits returns the offsets of every operand at every element the plan
// walks, in walk order, with inner axes enumerated by hand.
func visits(p *plan.Plan, inner int) [][plan.MaxOperands]int {
	var out [][plan.MaxOperands]int
	if p.Empty() {
		return out
	}
	w := p.Walk(inner)
	for w.Next(p) {
		shape := p.Dim[p.Rank-inner : p.Rank]
		forEachIndex(shape, func(idx []int) {
			var o [plan.MaxOperands]int
			for k := range p.NOp {
				o[k] = w.Off[k]
				for a, i := range idx {
					o[k] += i * p.St[k][p.Rank-inner+a]
				}
			}
			out = append(out, o)
		})
	}
	return out
}

// sorted returns a sorted copy of a list of visits.
func sorted(s [][plan.MaxOperands]int) [][plan.MaxOperands]int {
	s = slices.Clone(s)
	slices.SortFunc(s, func(a, b [plan.MaxOperands]int) int { return slices.Compare(a[:], b[:]) })
	return s
}

// refVisits returns the offsets of every operand at every element in C
// order, from the offset formula.
func refVisits(ops ...operand) [][plan.MaxOperands]int {
	var out [][plan.MaxOperands]int
	shape := ops[0].shape
	strides := make([][]int, len(ops))
	for k, o := range ops {
		strides[k] = make([]int, len(shape))
		plan.BroadcastInto(shape, o.shape, o.strides, strides[k])
	}
	forEachIndex(shape, func(idx []int) {
		var o [plan.MaxOperands]int
		for k, op := range ops {
			o[k] = refOffset(op.off, strides[k], idx)
		}
		out = append(out, o)
	})
	return out
}

func TestPlanSimplify(t *testing.T) {
	tests := []struct {
		name    string
		reorder bool
		ops     []operand
		dim     []int
		st      [][]int
		base    []int
	}{
		{"C contiguous", true, []operand{{0, []int{2, 3, 4}, []int{12, 4, 1}}},
			[]int{24}, [][]int{{1}}, []int{0}},
		{"rows with gaps", true, []operand{{0, []int{2, 3, 4}, []int{15, 5, 1}}},
			[]int{6, 4}, [][]int{{5, 1}}, []int{0}},
		{"transposed, reordered", true, []operand{{0, []int{4, 3, 2}, []int{1, 4, 12}}},
			[]int{24}, [][]int{{1}}, []int{0}},
		{"transposed, C order", false, []operand{{0, []int{4, 3, 2}, []int{1, 4, 12}}},
			[]int{4, 3, 2}, [][]int{{1, 4, 12}}, []int{0}},
		{"reversed, flipped", true, []operand{{11, []int{3, 4}, []int{-4, -1}}},
			[]int{12}, [][]int{{1}}, []int{0}},
		{"reversed, C order", false, []operand{{11, []int{3, 4}, []int{-4, -1}}},
			[]int{12}, [][]int{{-1}}, []int{11}},
		{"extent-1 axes dropped", true, []operand{{3, []int{1, 5, 1}, []int{99, 2, 77}}},
			[]int{5}, [][]int{{2}}, []int{3}},
		{"0-d", true, []operand{{4, []int{}, []int{}}, {6, []int{}, []int{}}},
			[]int{1}, [][]int{{0}, {0}}, []int{4, 6}},
		{"row broadcast", true, []operand{{0, []int{3, 4}, []int{4, 1}}, {0, []int{4}, []int{1}}},
			[]int{3, 4}, [][]int{{4, 1}, {0, 1}}, []int{0, 0}},
		{"scalar broadcast coalesces", true, []operand{{0, []int{3, 4}, []int{4, 1}}, {5, []int{}, []int{}}},
			[]int{12}, [][]int{{1}, {0}}, []int{0, 5}},
		{"flip moves every base", true, []operand{{3, []int{4}, []int{-1}}, {0, []int{4}, []int{2}}},
			[]int{4}, [][]int{{1}, {-2}}, []int{0, 6}},
		{"transpose copy", true, []operand{{0, []int{3, 4}, []int{4, 1}}, {0, []int{3, 4}, []int{1, 3}}},
			[]int{3, 4}, [][]int{{4, 1}, {1, 3}}, []int{0, 0}},
		{"F destination reordered", true, []operand{{0, []int{3, 4}, []int{1, 3}}, {0, []int{3, 4}, []int{4, 1}}},
			[]int{4, 3}, [][]int{{3, 1}, {1, 4}}, []int{0, 0}},
		{"three operands", true, []operand{{0, []int{2, 3}, []int{3, 1}}, {0, []int{2, 3}, []int{3, 1}}, {0, []int{2, 1}, []int{1, 1}}},
			[]int{2, 3}, [][]int{{3, 1}, {3, 1}, {1, 0}}, []int{0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := makePlan(t, tt.reorder, tt.ops...)
			if got := p.Dim[:p.Rank]; !slices.Equal(got, tt.dim) {
				t.Errorf("simplify: extents = %v, want %v", got, tt.dim)
			}
			for k := range tt.ops {
				if got := p.St[k][:p.Rank]; !slices.Equal(got, tt.st[k]) {
					t.Errorf("simplify: strides of operand %d = %v, want %v", k, got, tt.st[k])
				}
				if p.Base[k] != tt.base[k] {
					t.Errorf("simplify: base of operand %d = %d, want %d", k, p.Base[k], tt.base[k])
				}
			}
		})
	}
	t.Run("empty", func(t *testing.T) {
		p := makePlan(t, true, operand{0, []int{3, 0, 2}, []int{0, 2, 1}})
		if !p.Empty() || p.Rank != 0 {
			t.Errorf("simplify of a size-0 shape: empty %v rank %d, want true 0", p.Empty(), p.Rank)
		}
		if v := visits(p, 0); len(v) != 0 {
			t.Errorf("a size-0 plan visits %d elements", len(v))
		}
	})
}

// TestPlanWalk checks on random layouts of one to three operands that a
// plan visits every element once with the right offsets: in C order
// without reordering, in some order with it.
func TestPlanWalk(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for i := range 1000 {
		// A writable destination, and sources of any mode broadcast to
		// its shape.
		dl := randomLayout(r, layoutOpts{MaxExtent: 4, Writable: true})
		shape := dl.Shape
		nop := 1 + r.IntN(plan.MaxOperands)
		ops := make([]operand, nop)
		ops[0] = operand{dl.Off, shape, dl.Strides}
		for k := 1; k < nop; k++ {
			l := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, shape)})
			ops[k] = operand{l.Off, l.Shape, l.Strides}
		}
		want := refVisits(ops...)
		for _, reorder := range []bool{false, true} {
			p := makePlan(t, reorder, ops...)
			if p.Empty() {
				if len(want) != 0 || len(visits(p, 0)) != 0 {
					t.Fatalf("#%d: empty plan of %v: want %v", i, ops, want)
				}
				continue
			}
			for inner := 1; inner <= min(2, p.Rank); inner++ {
				got := visits(p, inner)
				if !reorder {
					if !slices.Equal(got, want) {
						t.Fatalf("#%d: C-order walk(%d) of %v = %v, want %v", i, inner, ops, got, want)
					}
					continue
				}
				if !slices.Equal(sorted(got), sorted(want)) {
					t.Fatalf("#%d: reordered walk(%d) of %v visits %v, want %v in any order", i, inner, ops, got, want)
				}
				// Reordering never leaves a destination stride negative.
				for a := range p.Rank {
					if p.St[0][a] < 0 {
						t.Fatalf("#%d: reordered plan of %v keeps negative destination stride %v", i, ops, p.St[0][:p.Rank])
					}
				}
			}
			// The parts of the parallel path cover the plan.
			for axis := range p.Rank {
				var parts [][plan.MaxOperands]int
				n := p.Dim[axis]
				for j := range 3 {
					q := p.Split(axis, j*n/3, (j+1)*n/3)
					parts = append(parts, visits(&q, 1)...)
				}
				if !slices.Equal(sorted(parts), sorted(want)) {
					t.Fatalf("#%d: parts of %v split on axis %d visit %v, want %v", i, ops, axis, parts, want)
				}
			}
		}
	}
}

func TestPlanSortStable(t *testing.T) {
	// Equal destination strides keep their order: axes 0 and 1 (stride 0)
	// go inside axis 2 (stride 1), in their own order.
	p := new(plan.Plan)
	p.Init([]int{2, 3, 4})
	p.Add(0, []int{0, 0, 1})
	p.Add(0, []int{1, 2, 6})
	p.Simplify(true)
	if got, want := p.St[1][:p.Rank], []int{6, 1, 2}; !slices.Equal(got, want) {
		t.Errorf("source strides after sorting ties = %v, want %v", got, want)
	}
	p.MoveAxis(2, 0)
	if got, want := p.St[1][:p.Rank], []int{2, 6, 1}; !slices.Equal(got, want) {
		t.Errorf("moveAxis(2, 0) = %v, want %v", got, want)
	}
	p.MoveAxis(0, 2)
	if got, want := p.St[1][:p.Rank], []int{6, 1, 2}; !slices.Equal(got, want) {
		t.Errorf("moveAxis(0, 2) = %v, want %v", got, want)
	}
}

func TestBroadcastInto(t *testing.T) {
	tests := []struct {
		target, shape, strides []int
		want                   []int // nil when incompatible
	}{
		{[]int{3, 4}, []int{4}, []int{1}, []int{0, 1}},
		{[]int{3, 4}, []int{3, 1}, []int{5, 9}, []int{5, 0}},
		{[]int{3, 4}, []int{1, 1, 3, 4}, []int{0, 0, 4, 1}, []int{4, 1}},
		{[]int{3, 4}, []int{}, []int{}, []int{0, 0}},
		{[]int{}, []int{1, 1}, []int{3, 3}, []int{}},
		{[]int{3, 4}, []int{2, 3, 4}, []int{12, 4, 1}, nil},
		{[]int{3, 4}, []int{4, 3}, []int{3, 1}, nil},
		{[]int{3, 0}, []int{1}, []int{1}, []int{0, 0}},
		{[]int{3, 1}, []int{0}, []int{1}, nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.shape, "→", tt.target), func(t *testing.T) {
			out := make([]int, len(tt.target))
			ok := plan.BroadcastInto(tt.target, tt.shape, tt.strides, out)
			if ok != (tt.want != nil) || (ok && !slices.Equal(out, tt.want)) {
				t.Errorf("broadcastInto(%v, %v, %v) = %v, %v, want %v", tt.target, tt.shape, tt.strides, out, ok, tt.want)
			}
		})
	}
}

// TestSameLayout covers the identical-layout test of W4.2.
func TestSameLayout(t *testing.T) {
	shape := []int{3, 1, 4}
	if !plan.SameLayout(shape, []int{4, 100, 1}, []int{4, 0, 1}) {
		t.Errorf("sameLayout ignores extent-1 axes: got false")
	}
	if plan.SameLayout(shape, []int{4, 1, 1}, []int{1, 1, 3}) {
		t.Errorf("sameLayout of C and transposed strides: got true")
	}
}

// rowVisits returns the offsets of every operand at every element eachRow
// reaches, and the longest row it hands out.
func rowVisits(p *plan.Plan) (out [][plan.MaxOperands]int, longest int) {
	p.EachRow(func(off [plan.MaxOperands]int, n int) {
		longest = max(longest, n)
		for j := range n {
			var o [plan.MaxOperands]int
			for k := range p.NOp {
				o[k] = off[k] + j*p.St[k][p.Rank-1]
			}
			out = append(out, o)
		}
	})
	return out, longest
}

// countCommon returns how many visits of got are in want (as multisets).
func countCommon(got, want [][plan.MaxOperands]int) int {
	left := map[[plan.MaxOperands]int]int{}
	for _, v := range want {
		left[v]++
	}
	n := 0
	for _, v := range got {
		if left[v] > 0 {
			left[v]--
			n++
		}
	}
	return n
}

// TestPlanRowTiles checks that the row walk of rowTiles visits every
// (destination, source) pair once, on random layouts with the tile knob
// lowered so that small shapes are tiled, and on large layouts with the
// real knobs, where tiles and strips have ragged edges.
func TestPlanRowTiles(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	check := func(t *testing.T, name string, dsize, ssize int, ops ...operand) (th, tw int) {
		t.Helper()
		p := makePlan(t, true, ops...)
		if p.Empty() {
			return 0, 0
		}
		th, tw = p.RowTiles(dsize, ssize)
		got, longest := rowVisits(p)
		want := refVisits(ops...)
		if !slices.Equal(sorted(got), sorted(want)) {
			t.Fatalf("%s: rowTiles(%d, %d) = %d×%d walk of %v visits %d elements, %d of them right, want each of %d once",
				name, dsize, ssize, th, tw, ops, len(got), countCommon(got, want), len(want))
		}
		if th > 0 && longest > tw {
			t.Fatalf("%s: a row of %d elements in tiles of width %d", name, longest, tw)
		}
		// The parts of the parallel path keep the tiles and cover the plan.
		var parts [][plan.MaxOperands]int
		axis, n := p.Longest(), p.Dim[p.Longest()]
		for j := range 3 {
			q := p.Split(axis, j*n/3, (j+1)*n/3)
			if q.TH != th || q.TW != tw {
				t.Fatalf("%s: a part has tiles %d×%d, want %d×%d", name, q.TH, q.TW, th, tw)
			}
			v, _ := rowVisits(&q)
			parts = append(parts, v...)
		}
		if !slices.Equal(sorted(parts), sorted(want)) {
			t.Fatalf("%s: the parts of %v split on axis %d visit %d elements, %d of them right, want each of %d once",
				name, ops, axis, len(parts), countCommon(parts, want), len(want))
		}
		return th, tw
	}
	for _, minDim := range []int{2, 3, 5, 16} {
		old := plan.TileMinDim
		plan.TileMinDim = minDim
		for i := range 150 {
			// Offsets stay in the model only: the source is moved away
			// from the destination.
			dl := randomLayout(r, layoutOpts{MaxExtent: 7, MaxSize: 256, Writable: true})
			sl := randomLayout(r, layoutOpts{Shape: broadcastShapeFor(r, dl.Shape)})
			check(t, fmt.Sprintf("minDim %d #%d", minDim, i), 1<<r.IntN(4), 1<<r.IntN(4),
				operand{dl.Off, dl.Shape, dl.Strides}, operand{sl.Off + 1000, sl.Shape, sl.Strides})
		}
		plan.TileMinDim = old
	}
	tests := []struct {
		name   string
		shape  []int
		dst    []int
		src    []int
		th, tw int // want
	}{
		{"transpose", []int{150, 200}, []int{200, 1}, []int{1, 150}, 64, 64},
		{"transpose 4 KiB rows", []int{150, 1024}, []int{1024, 1}, []int{1, 150}, 16, 16},
		{"moved axes", []int{3, 70, 130}, []int{70 * 130, 130, 1}, []int{1, 3, 3 * 70}, 3, 256},
		{"reversed channels", []int{3, 70, 130}, []int{70 * 130, 130, 1}, []int{-1, 3, 3 * 70}, 3, 256},
		{"four axes", []int{2, 65, 3, 129}, []int{65 * 3 * 129, 3 * 129, 129, 1}, []int{1, 6, 2, 390}, 2, 256},
		{"RGBA to CHW", []int{3, 40, 300}, []int{12000, 300, 1}, []int{1, 1200, 4}, 3, 4096},
		{"RGBA sub-image to CHW", []int{3, 40, 300}, []int{12000, 300, 1}, []int{1, 1600, 4}, 3, 4096},
		{"CHW to HWC", []int{40, 300, 3}, []int{900, 3, 1}, []int{300, 1, 12000}, 3, 1365},
		{"contiguous", []int{40, 300}, []int{300, 1}, []int{300, 1}, 0, 0},
		{"gather without a closer axis", []int{40, 300}, []int{300, 1}, []int{600, 2}, 0, 0},
		{"broadcast rows", []int{40, 300}, []int{300, 1}, []int{0, 1}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, tw := check(t, tt.name, 4, 1, operand{0, tt.shape, tt.dst}, operand{100000, tt.shape, tt.src})
			if th != tt.th || tw != tt.tw {
				t.Errorf("rowTiles of %v from strides %v = %d×%d, want %d×%d", tt.shape, tt.src, th, tw, tt.th, tt.tw)
			}
		})
	}
}
