package ndview

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// accessCase is a view built by mk over a fresh arange(n). Building it
// twice gives two views of the same layout over separate data, so that
// writes through the fixed-rank accessors and through Set can be compared.
type accessCase struct {
	name string
	n    int
	mk   func(d []int) NDView[int]
}

// randomExtents returns nd extents in [1, 5].
func randomExtents(r *rand.Rand, nd int) []int {
	sh := make([]int, nd)
	for k := range sh {
		sh[k] = 1 + r.IntN(5)
	}
	return sh
}

// randomAccessCase returns a view of rank nd of a random layout: C, F,
// transposed, flipped (negative strides), sliced with steps (an offset into
// larger data), wrapped with mixed-sign strides and an offset, broadcast
// (read-only, zero strides), or one of these made read-only.
func randomAccessCase(t testing.TB, r *rand.Rand, nd int) accessCase {
	sh := randomExtents(r, nd)
	size := shapeProduct(sh)
	from := func(d []int, shape []int) NDView[int] {
		v, err := FromSlice(d, shape...)
		require.NoError(t, err)
		return v
	}
	var c accessCase
	switch kind := r.IntN(7); kind {
	case 0:
		c = accessCase{"C", size, func(d []int) NDView[int] { return from(d, sh) }}
	case 1:
		st := make([]int, nd)
		p := 1
		for k := range sh {
			st[k] = p
			p *= sh[k]
		}
		c = accessCase{"F", size, func(d []int) NDView[int] {
			v, err := Wrap(d, 0, sh, st)
			require.NoError(t, err)
			return v
		}}
	case 2:
		perm := r.Perm(nd)
		base := make([]int, nd) // base[perm[k]] = sh[k], so that Transpose(perm) has shape sh
		for k, p := range perm {
			base[p] = sh[k]
		}
		c = accessCase{fmt.Sprint("transposed", perm), size, func(d []int) NDView[int] {
			return from(d, base).Transpose(perm...)
		}}
	case 3:
		var axes []int
		for k := range nd {
			if r.IntN(2) == 0 {
				axes = append(axes, k)
			}
		}
		if len(axes) == 0 {
			axes = []int{nd - 1}
		}
		c = accessCase{fmt.Sprint("flipped", axes), size, func(d []int) NDView[int] {
			return from(d, sh).Flip(axes...)
		}}
	case 4:
		// Every axis of a larger array, cut with a start and a step.
		base := make([]int, nd)
		items := make([]IndexItem, nd)
		for k := range sh {
			start, step := r.IntN(3), 1+r.IntN(2)
			base[k] = start + (sh[k]-1)*step + 1 + r.IntN(2)
			items[k] = Range(start, start+(sh[k]-1)*step+1).By(step)
		}
		c = accessCase{fmt.Sprint("sliced", base), shapeProduct(base), func(d []int) NDView[int] {
			return from(d, base).Slice(items...)
		}}
	case 5:
		// Mixed-sign strides of a padded C layout, and an offset.
		st := make([]int, nd)
		p := 1 + r.IntN(2)
		for k := nd - 1; k >= 0; k-- {
			st[k] = p
			p *= sh[k] + r.IntN(2)
		}
		off := r.IntN(3)
		hi := off
		for k := range st {
			if r.IntN(2) == 0 {
				st[k] = -st[k]
				off += (sh[k] - 1) * -st[k]
			}
			hi += (sh[k] - 1) * max(st[k], -st[k])
		}
		n := hi + 1 + r.IntN(3)
		c = accessCase{fmt.Sprint("wrapped", st, off), n, func(d []int) NDView[int] {
			v, err := Wrap(d, off, sh, st)
			require.NoError(t, err)
			return v
		}}
	case 6:
		// Some axes of extent 1 broadcast to sh: read-only, zero strides.
		small := append([]int{}, sh...)
		for k := range small {
			if r.IntN(2) == 0 {
				small[k] = 1
			}
		}
		c = accessCase{fmt.Sprint("broadcast", small), shapeProduct(small), func(d []int) NDView[int] {
			v, err := from(d, small).BroadcastTo(sh...)
			require.NoError(t, err)
			return v
		}}
	}
	if r.IntN(5) == 0 {
		mk := c.mk
		c.name += "/readonly"
		c.mk = func(d []int) NDView[int] { return mk(d).AsReadOnly() }
	}
	c.name += fmt.Sprint(sh)
	return c
}

func TestAt2Set2MatchAtSet(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 2))
	for range 400 {
		c := randomAccessCase(t, r, 2)
		d1, d2 := arange(c.n), arange(c.n)
		v1, v2 := c.mk(d1), c.mk(d2)
		require.Equal(t, 2, v1.NDim(), c.name)
		sh := v1.Shape()
		for i := range sh[0] {
			for j := range sh[1] {
				require.Equal(t, v1.At(i, j), v1.At2(i, j), "%s: At2(%d, %d)", c.name, i, j)
			}
		}
		if v1.ReadOnly() {
			continue
		}
		n := 0
		for i := range sh[0] {
			for j := range sh[1] {
				n++
				v1.Set2(-n, i, j)
				v2.Set(-n, i, j)
			}
		}
		require.Equal(t, d2, d1, "%s: Set2 writes where Set writes", c.name)
	}
}

func TestAt3Set3MatchAtSet(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for range 400 {
		c := randomAccessCase(t, r, 3)
		d1, d2 := arange(c.n), arange(c.n)
		v1, v2 := c.mk(d1), c.mk(d2)
		require.Equal(t, 3, v1.NDim(), c.name)
		sh := v1.Shape()
		forEachIndex(sh, func(idx []int) {
			i, j, k := idx[0], idx[1], idx[2]
			require.Equal(t, v1.At(i, j, k), v1.At3(i, j, k), "%s: At3%v", c.name, idx)
		})
		if v1.ReadOnly() {
			continue
		}
		n := 0
		forEachIndex(sh, func(idx []int) {
			n++
			v1.Set3(-n, idx[0], idx[1], idx[2])
			v2.Set(-n, idx...)
		})
		require.Equal(t, d2, d1, "%s: Set3 writes where Set writes", c.name)
	}
}

func TestAccessZeroCopy(t *testing.T) {
	// A write through one view is seen through another view of the same
	// data, and in the data itself.
	data := arange(20)
	v, err := FromSlice(data, 4, 5)
	require.NoError(t, err)
	tv := v.T()
	v.Set2(-1, 1, 3)
	assert.Equal(t, -1, tv.At2(3, 1))
	assert.Equal(t, -1, data[1*5+3])
	tv.Set2(-2, 4, 0)
	assert.Equal(t, -2, v.At2(0, 4))
	assert.Equal(t, -2, data[4])

	data = arange(24)
	c, err := FromSlice(data, 2, 3, 4)
	require.NoError(t, err)
	f := c.Transpose(2, 0, 1).Flip(1) // shape (4, 2, 3): f[k, i, j] is c[1-i, j, k]
	f.Set3(-3, 3, 0, 2)               // c[1, 2, 3]
	assert.Equal(t, -3, c.At3(1, 2, 3))
	assert.Equal(t, -3, data[23])
	c.Set3(-4, 0, 1, 2)
	assert.Equal(t, -4, f.At3(2, 1, 1))
}

// fixedOps are the fixed-rank accessors, each beside the variadic call it
// stands for, as functions of a view and an index tuple of its rank.
var fixedOps = []struct {
	name, like string
	rank       int
	fixed      func(v *NDView[int], idx []int)
	variadic   func(v NDView[int], idx []int)
}{
	{"At2", "At", 2, func(v *NDView[int], idx []int) { v.At2(idx[0], idx[1]) },
		func(v NDView[int], idx []int) { v.At(idx...) }},
	{"Set2", "Set", 2, func(v *NDView[int], idx []int) { v.Set2(7, idx[0], idx[1]) },
		func(v NDView[int], idx []int) { v.Set(7, idx...) }},
	{"At3", "At", 3, func(v *NDView[int], idx []int) { v.At3(idx[0], idx[1], idx[2]) },
		func(v NDView[int], idx []int) { v.At(idx...) }},
	{"Set3", "Set", 3, func(v *NDView[int], idx []int) { v.Set3(7, idx[0], idx[1], idx[2]) },
		func(v NDView[int], idx []int) { v.Set(7, idx...) }},
}

// recovered calls f and returns what it panicked with, or nil.
func recovered(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}

func TestAccessIndexErrors(t *testing.T) {
	// Every axis out of range both ways, alone and with a later axis also
	// out of range (the first is reported): the exact *IndexError, as At
	// gives it, with the operation's name.
	for _, op := range fixedOps {
		shape := []int{2, 3, 4}[:op.rank]
		v, err := FromSlice(make([]int, shapeProduct(shape)), shape...)
		require.NoError(t, err)
		for k := range op.rank {
			for _, bad := range []int{shape[k], -1, math.MaxInt, math.MinInt} {
				for _, later := range []bool{false, true} {
					idx := make([]int, op.rank)
					idx[k] = bad
					if later && k+1 < op.rank {
						idx[k+1] = -1
					}
					p := recovered(func() { op.fixed(&v, idx) })
					require.NotNil(t, p, "%s%v on shape %v panics", op.name, idx, shape)
					err, ok := p.(error)
					require.True(t, ok, "%s panics with an error, not %T", op.name, p)
					require.ErrorIs(t, err, ErrIndex)
					var ie *IndexError
					require.True(t, errors.As(err, &ie), "%s%v: %T wraps an *IndexError", op.name, idx, p)
					assert.Equal(t, IndexError{Op: op.name, Axis: k, Index: bad, Shape: shape}, *ie)
					assert.Equal(t, ie.Error(), err.Error())
					assert.Equal(t, fmt.Sprintf("ndview: %s: index %d out of range for axis %d of size %d (shape %s)",
						op.name, bad, k, shape[k], formatShape(shape)), err.Error())
				}
			}
		}
		for _, x := range values(v) {
			require.Zero(t, x, "%s wrote nothing", op.name)
		}
	}
}

func TestAccessWrongRank(t *testing.T) {
	// A view of any other rank, stored inline or on the heap, is refused
	// with At's message, whatever the indices.
	for _, op := range fixedOps {
		for _, shape := range [][]int{{}, {5}, {2, 3}, {2, 3, 4}, {2, 1, 3, 2}, {2, 1, 3, 2, 2}, {1, 1, 1, 1, 1, 1}} {
			if len(shape) == op.rank {
				continue
			}
			v, err := FromSlice(make([]int, shapeProduct(shape)), shape...)
			if len(shape) == 0 {
				v, err = Zeros[int](1).Reshape()
			}
			require.NoError(t, err)
			for _, idx := range [][]int{{0, 0, 0}, {1, 2, 3}, {-1, 0, 9}} {
				idx = idx[:op.rank]
				p := recovered(func() { op.fixed(&v, idx) })
				require.NotNil(t, p, "%s%v on shape %v panics", op.name, idx, shape)
				err, ok := p.(error)
				require.True(t, ok)
				require.ErrorIs(t, err, ErrIndex)
				var e *Error
				require.True(t, errors.As(err, &e), "%s: %T wraps an *Error", op.name, p)
				assert.Equal(t, op.name, e.Op)
				assert.Equal(t, fmt.Sprintf("ndview: %s: %d indices %s for a view of %d dimensions (shape %s)",
					op.name, op.rank, formatShape(idx), len(shape), formatShape(shape)), err.Error())
			}
			for _, x := range values(v) {
				require.Zero(t, x, "%s wrote nothing", op.name)
			}
		}
	}
}

func TestAccessReadOnly(t *testing.T) {
	// Set2 and Set3 refuse read-only views before looking at the rank or
	// the indices, as Set does, and write nothing.
	for _, op := range fixedOps {
		if op.like != "Set" {
			continue
		}
		shape := []int{2, 3, 4}[:op.rank]
		d := make([]int, shapeProduct(shape))
		v, err := FromSlice(d, shape...)
		require.NoError(t, err)
		row := append(make([]int, op.rank-1), shape[op.rank-1])
		for k := range op.rank - 1 {
			row[k] = 1
		}
		r, err := FromSlice(d[:shape[op.rank-1]], row...)
		require.NoError(t, err)
		bc, err := r.BroadcastTo(shape...) // zero strides
		require.NoError(t, err)
		wrongRank := Zeros[int](2, 2, 2, 2).AsReadOnly()
		for _, ro := range []NDView[int]{v.AsReadOnly(), bc, wrongRank} {
			require.True(t, ro.ReadOnly())
			for _, idx := range [][]int{{0, 0, 0}, {1, 2, 3}, {2, -1, 0}} {
				idx = idx[:op.rank]
				p := recovered(func() { op.fixed(&ro, idx) })
				require.NotNil(t, p, "%s%v on a read-only view of shape %v panics", op.name, idx, ro.Shape())
				err, ok := p.(error)
				require.True(t, ok)
				require.ErrorIs(t, err, ErrReadOnly)
				var e *Error
				require.True(t, errors.As(err, &e))
				assert.Equal(t, "ndview: "+op.name+": assignment destination is read-only", err.Error())
			}
		}
		assert.Equal(t, make([]int, len(d)), d, "%s wrote nothing", op.name)
	}
}

func TestAccessPanicsLikeAt(t *testing.T) {
	// On views of every rank up to 5, writable or not, and indices in and
	// out of range on every axis, each fixed-rank accessor panics exactly
	// when At or Set does, with the same kind of error and message, but for
	// the operation's name.
	var views []NDView[int]
	for nd := range 6 {
		sh := []int{2, 3, 4, 1, 2}[:nd]
		v, err := FromSlice(make([]int, shapeProduct(sh)), sh...)
		if nd == 0 {
			v, err = Zeros[int](1).Reshape()
		}
		require.NoError(t, err)
		views = append(views, v, v.AsReadOnly(), v.Flip())
	}
	for _, op := range fixedOps {
		for _, v := range views {
			sh := v.Shape()
			extent := func(k int) int {
				if k < len(sh) {
					return sh[k]
				}
				return 1
			}
			var tuples [][]int
			var gen func(prefix []int)
			gen = func(prefix []int) {
				k := len(prefix)
				if k == op.rank {
					tuples = append(tuples, append([]int{}, prefix...))
					return
				}
				for _, i := range []int{0, extent(k) - 1, extent(k), -1, math.MaxInt, math.MinInt} {
					gen(append(prefix, i))
				}
			}
			gen(nil)
			for _, idx := range tuples {
				w := v // a copy for the variadic call, so that v stays as it is
				want := recovered(func() { op.variadic(w, idx) })
				got := recovered(func() { op.fixed(&v, idx) })
				what := fmt.Sprintf("%s%v on shape %v (read-only %v)", op.name, idx, sh, v.ReadOnly())
				if want == nil {
					require.Nil(t, got, what)
					continue
				}
				require.NotNil(t, got, what)
				werr, gerr := want.(error), got.(error)
				for _, sentinel := range []error{ErrIndex, ErrReadOnly} {
					require.Equal(t, errors.Is(werr, sentinel), errors.Is(gerr, sentinel), "%s: %v", what, gerr)
				}
				require.Equal(t, strings.Replace(werr.Error(), ": "+op.like+": ", ": "+op.name+": ", 1), gerr.Error(), what)
			}
		}
	}
}

func TestAccessAllocs(t *testing.T) {
	m := Zeros[float64](4, 5)
	c := Zeros[float64](3, 4, 5).Transpose(2, 0, 1)
	i, j, k := 1, 2, 3
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkF = m.At2(i, j) }), "At2")
	assert.Zero(t, testing.AllocsPerRun(100, func() { m.Set2(1.5, i, j) }), "Set2")
	assert.Zero(t, testing.AllocsPerRun(100, func() { sinkF = c.At3(k, i, j) }), "At3")
	assert.Zero(t, testing.AllocsPerRun(100, func() { c.Set3(1.5, k, i, j) }), "Set3")
}

// TestAccessInlines checks that the compiler inlines the fixed-rank
// accessors, which is what they are for: each is close to the inlining
// budget (Set3 is at it), and a change that pushes one over still passes
// every other test.
func TestAccessInlines(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the package with -gcflags=-m")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(goTool, "build", "-gcflags=-m", ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, name := range []string{"At2", "Set2", "At3", "Set3"} {
		// The shape instantiation is the body every caller inlines; the
		// instantiations for named types only call it.
		can := regexp.MustCompile(`(?m)can inline \(\*NDView\[go\.shape\.[^\]]+\]\)\.` + name + `$`)
		cannot := regexp.MustCompile(`cannot inline \(\*NDView\[[^\]]+\]\)\.` + name + `:.*`)
		assert.True(t, can.Match(out), "%s is not inlined", name)
		assert.Nil(t, cannot.Find(out), "%s is not inlined", name)
	}
	// The offsets must inline into them too: an accessor that calls its
	// offset still inlines, but pays a call per element.
	out, err = exec.Command(goTool, "build", "-gcflags=-m", "./internal/layout").CombinedOutput()
	require.NoError(t, err, "%s", out)
	for _, name := range []string{"Offset2", "WriteOffset2", "Offset3", "WriteOffset3"} {
		can := regexp.MustCompile(`(?m)can inline \(\*Layout\)\.` + name + `$`)
		assert.True(t, can.Match(out), "layout.%s is not inlined", name)
	}
}
