package ndview

// Tests of semantics.md §13: every routine against NumPy 1.24's answers in
// testdata/join.json (written by testdata/join_gen.py), on inputs of
// random layouts; Concatenate and ConcatenateInto against a naive oracle on
// random layouts, with overlapping destinations and failing calls that
// must leave the destination untouched.

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// joinCase is one case of testdata/join.json.
type joinCase struct {
	Name    string
	Op      string
	Inputs  [][]int
	Params  joinParams
	Result  *joinArray
	Results []joinArray
	Error   string
}

type joinParams struct {
	Axis, Sections, Repeats                              int
	Indices, Reps, Counts, Shifts, Axes, Shape, Src, Dst []int
	Order                                                string
}

type joinArray struct {
	Shape []int
	Data  []int
}

// joinErrorOps are the ops whose refusals are returned errors in ndkit;
// every other refusal in the fixture is a panic (semantics.md §13).
var joinErrorOps = map[string]bool{
	"concatenate": true, "concatenate_flat": true, "stack": true, "hstack": true, "vstack": true,
	"dstack": true, "column_stack": true, "split": true, "repeat_counts": true,
	"repeat_counts_flat": true, "resize": true, "broadcast_arrays": true,
}

// runJoinCase runs c's op on ins and returns its results (one or several).
func runJoinCase(c joinCase, ins []NDView[int]) ([]NDView[int], error) {
	p := c.Params
	one := func(v NDView[int], err error) ([]NDView[int], error) {
		if err != nil {
			return nil, err
		}
		return []NDView[int]{v}, nil
	}
	var in0 NDView[int]
	if len(ins) > 0 {
		in0 = ins[0]
	}
	switch c.Op {
	case "concatenate":
		return one(Concatenate(p.Axis, ins...))
	case "concatenate_flat":
		return one(ConcatenateFlat(ins...))
	case "stack":
		return one(Stack(p.Axis, ins...))
	case "hstack":
		return one(HStack(ins...))
	case "vstack":
		return one(VStack(ins...))
	case "dstack":
		return one(DStack(ins...))
	case "column_stack":
		return one(ColumnStack(ins...))
	case "split":
		return Split(in0, p.Sections, p.Axis)
	case "array_split":
		return ArraySplit(in0, p.Sections, p.Axis), nil
	case "split_at":
		return SplitAt(in0, p.Indices, p.Axis), nil
	case "hsplit":
		return HSplit(in0, p.Sections)
	case "vsplit":
		return VSplit(in0, p.Sections)
	case "dsplit":
		return DSplit(in0, p.Sections)
	case "unstack":
		return Unstack(in0, p.Axis), nil
	case "tile":
		return one(Tile(in0, p.Reps...), nil)
	case "repeat":
		return one(Repeat(in0, p.Repeats, p.Axis), nil)
	case "repeat_flat":
		return one(RepeatFlat(in0, p.Repeats), nil)
	case "repeat_counts":
		return one(RepeatCounts(in0, p.Counts, p.Axis))
	case "repeat_counts_flat":
		return one(RepeatCountsFlat(in0, p.Counts))
	case "roll":
		if len(p.Shifts) == 1 {
			return one(Roll(in0, p.Shifts[0], p.Axes...), nil)
		}
		return one(RollEach(in0, p.Shifts, p.Axes), nil)
	case "resize":
		return one(Resize(in0, p.Shape...))
	case "atleast_1d":
		return one(AtLeast1D(in0), nil)
	case "atleast_2d":
		return one(AtLeast2D(in0), nil)
	case "atleast_3d":
		return one(AtLeast3D(in0), nil)
	case "broadcast_arrays":
		return BroadcastArrays(ins...)
	case "ravel", "ravel_t":
		if c.Op == "ravel_t" {
			in0 = in0.T()
		}
		order := map[string]Order{"C": OrderC, "F": OrderF, "A": OrderA}[p.Order]
		return one(RavelOrder(in0, order), nil)
	case "expand_dims":
		return one(in0.ExpandDims(p.Axes...), nil)
	case "flip":
		return one(in0.Flip(p.Axes...), nil)
	case "moveaxis":
		return one(in0.MoveAxis(p.Src, p.Dst), nil)
	}
	panic("unknown op " + c.Op)
}

// loadJoinCases reads testdata/join.json.
func loadJoinCases(t *testing.T) []joinCase {
	raw, err := os.ReadFile("testdata/join.json")
	require.NoError(t, err)
	var f struct {
		Numpy string
		Cases []joinCase
	}
	require.NoError(t, json.Unmarshal(raw, &f))
	require.NotEmpty(t, f.Cases)
	return f.Cases
}

// joinInput builds input k of shape sh, holding NumPy's arange(size) +
// 100·k in C order, on a layout drawn by r: C-contiguous for variant 0,
// any writable layout otherwise, made read-only one time in 4. It returns
// the view and its buffer.
func joinInput(r *rand.Rand, variant, k int, sh []int) (NDView[int], []int) {
	want := make([]int, shapeProduct(sh))
	for i := range want {
		want[i] = i + 100*k
	}
	c, err := FromSlice(want, append([]int{len(want)}, sh...)[min(len(sh), 1):]...)
	if err == nil {
		c, err = c.Reshape(sh...) // a 0-d view for sh = ()
	}
	if err != nil {
		panic(err)
	}
	if variant == 0 {
		return c, want
	}
	l := randomLayout(r, layoutOpts{Shape: sh, Writable: true, Modes: modes(modeSlice, modeStrided)})
	buf, v := l.guarded()
	v.CopyFrom(c)
	if r.IntN(4) == 0 {
		v = v.AsReadOnly()
	}
	return v, buf
}

func TestJoinNumPy(t *testing.T) {
	cases := loadJoinCases(t)
	r := rand.New(rand.NewPCG(13, 1))
	ops := map[string]int{}
	for _, c := range cases {
		ops[c.Op]++
		for variant := range 4 {
			if c.Params.Order == "A" && variant > 0 {
				continue // order A depends on the input's layout
			}
			t.Run(fmt.Sprintf("%s/%d", c.Name, variant), func(t *testing.T) {
				ins := make([]NDView[int], len(c.Inputs))
				for k, sh := range c.Inputs {
					ins[k], _ = joinInput(r, variant, k, sh)
				}
				var got []NDView[int]
				var err error
				panicked := catchPanic(func() { got, err = runJoinCase(c, ins) })
				if c.Error != "" {
					if joinErrorOps[c.Op] && !(c.Op == "split" && c.Params.Sections <= 0) {
						require.Nil(t, panicked, "NumPy: %s", c.Error)
						isErr(t, ErrShape, err)
					} else {
						require.NotNil(t, panicked, "want a panic like NumPy's %s, got %v", c.Error, got)
						var e *Error
						require.True(t, errors.As(panicked, &e), "panic %v", panicked)
					}
					return
				}
				require.Nil(t, panicked)
				require.NoError(t, err)
				want := c.Results
				if c.Result != nil {
					want = []joinArray{*c.Result}
				}
				require.Len(t, got, len(want))
				for i, w := range want {
					assert.Equal(t, w.Shape, got[i].Shape(), "piece %d shape", i)
					assert.Equal(t, w.Data, values(got[i]), "piece %d values", i)
				}
			})
		}
	}
	// The fixture covers every routine.
	for _, op := range []string{"concatenate", "concatenate_flat", "stack", "hstack", "vstack", "dstack",
		"column_stack", "split", "array_split", "split_at", "hsplit", "vsplit", "dsplit", "unstack", "tile",
		"repeat", "repeat_flat", "repeat_counts", "repeat_counts_flat", "roll", "resize", "atleast_1d",
		"atleast_2d", "atleast_3d", "broadcast_arrays", "ravel", "expand_dims", "flip", "moveaxis"} {
		assert.Positive(t, ops[op], "no fixture case for %s", op)
	}
}

// catchPanic runs f and returns the error it panicked with, or nil.
func catchPanic(f func()) (perr error) {
	defer func() {
		if p := recover(); p != nil {
			e, ok := p.(error)
			if !ok {
				e = fmt.Errorf("panic: %v", p)
			}
			perr = e
		}
	}()
	f()
	return nil
}

// refConcat is the naive concatenation of arrays along ax: element idx of
// the result is read with At from the array whose range holds idx[ax].
func refConcat(arrays []NDView[int], ax int) ([]int, []int) {
	shape := arrays[0].Shape()
	shape[ax] = 0
	for _, a := range arrays {
		shape[ax] += a.Shape()[ax]
	}
	out := []int{}
	forEachIndex(shape, func(idx []int) {
		i := slices.Clone(idx)
		for _, a := range arrays {
			if n := a.Shape()[ax]; i[ax] >= n {
				i[ax] -= n
				continue
			}
			out = append(out, a.At(i...))
			return
		}
	})
	return shape, out
}

// randomConcatInputs draws 1 to 5 arrays of any layout (broadcast,
// read-only and empty ones included) that fit together along a random
// axis, which it returns (negative one time in 3).
func randomConcatInputs(r *rand.Rand) ([]NDView[int], int) {
	base := randomShape(r, layoutOpts{MinRank: 1, MaxRank: 4, MaxSize: 64})
	ax := r.IntN(len(base))
	arrays := make([]NDView[int], 1+r.IntN(5))
	for i := range arrays {
		sh := slices.Clone(base)
		sh[ax] = r.IntN(4)
		l := randomLayout(r, layoutOpts{Shape: sh})
		buf := counting(l.N)
		for j := range buf {
			buf[j] += 1000 * i
		}
		arrays[i] = layoutView(l, buf)
	}
	if r.IntN(3) == 0 {
		ax -= len(base)
	}
	return arrays, ax
}

func TestConcatenateRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for it := range 600 {
		arrays, axis := randomConcatInputs(r)
		ax := axis
		if ax < 0 {
			ax += arrays[0].NDim()
		}
		wantShape, want := refConcat(arrays, ax)
		got, err := Concatenate(axis, arrays...)
		require.NoError(t, err, "case %d", it)
		require.Equal(t, wantShape, got.Shape(), "case %d", it)
		require.True(t, got.IsCContiguous() && !got.ReadOnly())
		require.Equal(t, want, values(got), "case %d: axis %d", it, axis)

		// Into a random writable destination: same values, guards kept.
		l := randomLayout(r, layoutOpts{Shape: wantShape, Writable: true})
		buf, dst := l.guarded()
		require.NoError(t, ConcatenateInto(dst, axis, arrays...))
		require.Equal(t, want, values(dst), "case %d (into %v)", it, l)
		checkGuards(t, buf, dst, fmt.Sprintf("case %d (into %v)", it, l))
	}
}

// TestConcatenateIntoOverlap fills a destination from inputs that are
// views of the destination's own buffer, in every arrangement the draw
// gives (the very piece, another piece, a reversed or transposed view of
// the whole), and compares with the same call on copies of the inputs.
func TestConcatenateIntoOverlap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	for it := range 400 {
		rows, cols := 1+r.IntN(4), 1+r.IntN(4)
		k := 1 + r.IntN(3)
		buf := counting(rows*cols*k + rows*cols*2 + 3)
		all, err := FromSlice(buf)
		require.NoError(t, err)
		region, err := all.Slice(Range(0, rows*cols*k)).Reshape(k*rows, cols) // the destination
		require.NoError(t, err)
		dst := region
		if r.IntN(2) == 0 {
			dst = dst.Flip(0)
		}
		arrays := make([]NDView[int], k)
		for i := range arrays {
			switch r.IntN(4) {
			case 0: // the piece of dst it fills
				arrays[i] = dst.Slice(Range(i*rows, (i+1)*rows))
			case 1: // another piece of dst, or the same one reversed
				j := r.IntN(k)
				arrays[i] = dst.Slice(Range(j*rows, (j+1)*rows)).Flip(r.IntN(2))
			case 2: // a strided view across all of the buffer
				start := r.IntN(3)
				v, err := all.Slice(Range(start, start+rows*cols*2)).Reshape(rows, 2*cols)
				require.NoError(t, err)
				arrays[i] = v.Slice(Colon(), Step(2))
			default: // memory outside dst
				v, err := all.Slice(From(rows*cols*k)).Slice(To(rows*cols)).Reshape(rows, cols)
				require.NoError(t, err)
				arrays[i] = v
			}
		}
		copies := make([]NDView[int], k)
		for i, a := range arrays {
			copies[i] = a.Clone()
		}
		want, err := Concatenate(0, copies...)
		require.NoError(t, err)
		require.NoError(t, ConcatenateInto(dst, 0, arrays...))
		require.Equal(t, values(want), values(dst), "case %d", it)
		// The part of the buffer outside dst is untouched.
		for j := rows * cols * k; j < len(buf); j++ {
			require.Equal(t, j+1, buf[j])
		}
	}
}

func TestConcatenateIntoFailures(t *testing.T) {
	buf := newGuarded(12)
	dst, err := FromSlice(buf, 4, 3)
	require.NoError(t, err)
	a := Zeros[int](2, 3)
	a.Fill(7)
	untouched := func() {
		t.Helper()
		for i, x := range buf {
			require.Equal(t, guardValue(i), x)
		}
	}
	// Inputs that do not fit: an error, nothing written.
	isErr(t, ErrShape, ConcatenateInto(dst, 0, a, Zeros[int](2, 2)))
	isErr(t, ErrShape, ConcatenateInto(dst, 0, a, Zeros[int](3)))
	isErr(t, ErrShape, ConcatenateInto[int](dst, 0))
	isErr(t, ErrShape, StackInto(dst, 0, a, Zeros[int](3, 2)))
	untouched()
	// A destination of the wrong shape, read-only, or an axis out of range:
	// panics, nothing written.
	panics(t, ErrShape, func() { _ = ConcatenateInto(dst, 0, a, a, a) })
	panics(t, ErrShape, func() { _ = ConcatenateInto(dst, 1, a, a) })
	panics(t, ErrReadOnly, func() { _ = ConcatenateInto(dst.AsReadOnly(), 0, a, a) })
	panics(t, ErrReadOnly, func() { _ = ConcatenateInto(dst.AsReadOnly(), 0, a, Zeros[int](1)) })
	panics(t, ErrReadOnly, func() { _ = StackInto(dst.AsReadOnly(), 0, a, Zeros[int](1)) })
	panics(t, ErrAxis, func() { _ = ConcatenateInto(dst, 2, a, a) })
	panics(t, ErrAxis, func() { _, _ = Concatenate(-3, a, a) })
	panics(t, ErrAxis, func() { _, _ = Stack(3, a, a) })
	untouched()
	require.NoError(t, ConcatenateInto(dst, 0, a, a))
	assert.Equal(t, slices.Repeat([]int{7}, 12), values(dst))
}

func TestStackIntoAndMessages(t *testing.T) {
	a, _ := FromSlice([]int{1, 2, 3})
	b, _ := FromSlice([]int{4, 5, 6})
	dst := Zeros[int](3, 2)
	require.NoError(t, StackInto(dst, -1, a, b))
	assert.Equal(t, []int{1, 4, 2, 5, 3, 6}, values(dst))
	// StackInto with dst being the view of an input.
	m, _ := FromSlice([]int{1, 2, 3, 4, 5, 6}, 2, 3)
	require.NoError(t, StackInto(m, 0, m.Slice(Int(1)), m.Slice(Int(0))))
	assert.Equal(t, []int{4, 5, 6, 1, 2, 3}, values(m))

	_, err := Concatenate(0, Zeros[int](2, 3), Zeros[int](2, 2))
	assert.Contains(t, isErr(t, ErrShape, err), "along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 2")
	_, err = Concatenate(0, Scalar(1), Scalar(2))
	assert.Contains(t, isErr(t, ErrShape, err), "zero-dimensional arrays cannot be concatenated")
	_, err = Stack(0, Zeros[int](2), Zeros[int](3))
	assert.Contains(t, isErr(t, ErrShape, err), "all input arrays must have the same shape")
	// A result above MaxRank is an error: ranks are data here.
	big := Zeros[int](slices.Repeat([]int{1}, MaxRank)...)
	_, err = Stack(0, big)
	isErr(t, ErrShape, err)
}

func TestConcatenateOverflow(t *testing.T) {
	huge, err := Scalar(0).BroadcastTo(1 << 59)
	require.NoError(t, err)
	_, err = Concatenate(0, huge, huge, huge, huge)
	isErr(t, ErrOverflow, err)
	_, err = Concatenate(0, huge, huge)
	isErr(t, ErrOverflow, err) // 2^60 ints: the byte size overflows
	_, err = ConcatenateFlat(huge, huge, huge, huge)
	isErr(t, ErrOverflow, err)
	panics(t, ErrOverflow, func() { Tile(huge, 8) })
	panics(t, ErrOverflow, func() { Repeat(huge, 8, 0) })
	panics(t, ErrOverflow, func() { RepeatFlat(huge, 8) })
	_, err = RepeatCounts(huge, []int{8}, 0)
	isErr(t, ErrOverflow, err)
	_, err = Resize(Scalar(1), 1<<62, 4)
	isErr(t, ErrOverflow, err)
}

// TestConcatenateChunked forces the chunked fill (pieces that interleave
// finely in a large output) and compares with the oracle, for each way of
// choosing the chunked axis.
func TestConcatenateChunked(t *testing.T) {
	defer func(a, b, c int) { chunkRunBytes, chunkMinBytes, chunkBytes = a, b, c }(chunkRunBytes, chunkMinBytes, chunkBytes)
	chunkMinBytes, chunkBytes = 1024, 512
	r := rand.New(rand.NewPCG(5, 5))
	for _, tc := range []struct {
		shape []int
		axis  int
	}{{[]int{30, 50}, -1}, {[]int{1, 30, 50}, 2}, {[]int{3, 1, 10, 50}, -1}, {[]int{60, 4, 10}, 1}, {[]int{50, 1, 7}, 2}} {
		n := 2 + r.IntN(3)
		arrays := make([]NDView[int], n)
		for i := range arrays {
			sh := slices.Clone(tc.shape)
			ax := tc.axis
			if ax < 0 {
				ax += len(sh)
			}
			sh[ax] = 1 + r.IntN(2)
			a := Zeros[int](sh...)
			d, _ := a.Data()
			for j := range d {
				d[j] = j + 1000000*i
			}
			if i%2 == 1 {
				a = a.Flip() // a reversed view
			}
			arrays[i] = a
		}
		dst, err := Concatenate(tc.axis, arrays...)
		require.NoError(t, err)
		ax := tc.axis
		if ax < 0 {
			ax += len(tc.shape)
		}
		_, step := chunking(&dst, ax, arrays)
		require.Positive(t, step, "%v: not chunked", tc.shape)
		_, want := refConcat(arrays, ax)
		require.Equal(t, want, values(dst), "%v axis %d", tc.shape, tc.axis)
	}
}

func TestJoinOtherTypes(t *testing.T) {
	f, _ := FromSlice([]float32{1, 2, 3, 4}, 2, 2)
	s, err := Stack(-1, f, f.T())
	require.NoError(t, err)
	assert.Equal(t, []float32{1, 1, 2, 3, 3, 2, 4, 4}, values(s))
	b, _ := FromSlice([]bool{true, false})
	c, err := HStack(b, Scalar(true))
	require.NoError(t, err)
	assert.Equal(t, []bool{true, false, true}, values(c))
	strs, _ := FromSlice([]string{"a", "b", "c"})
	assert.Equal(t, []string{"c", "a", "b"}, values(Roll(strs, 1)))
	assert.Equal(t, []string{"a", "a", "b", "b", "c", "c"}, values(RepeatFlat(strs, 2)))
	assert.Equal(t, []string{"a", "b", "c", "a", "b", "c"}, values(Tile(strs, 2)))
}

// TestConcatenateInterleaved covers interleaveRuns: C-contiguous inputs
// whose runs in the output are short, in groups of 8 unit runs and runs
// of every length up to 9, over several blocks of rows.
func TestConcatenateInterleaved(t *testing.T) {
	defer func(b int) { interleaveBytes = b }(interleaveBytes)
	interleaveBytes = 200
	r := rand.New(rand.NewPCG(9, 9))
	for it := range 100 {
		k := 1 + r.IntN(20)
		rows, inner := 1+r.IntN(30), 1+r.IntN(2)
		arrays := make([]NDView[int], k)
		unit := r.IntN(2) == 0
		for i := range arrays {
			m := 1
			if !unit {
				m = r.IntN(10)
			}
			a := Zeros[int](rows, m, inner)
			d, _ := a.Data()
			for j := range d {
				d[j] = j + 1000*i
			}
			arrays[i] = a
		}
		dst := Zeros[int](rows, 0, inner)
		if k > 1 {
			_, want := refConcat(arrays, 1)
			var err error
			dst, err = Concatenate(1, arrays...)
			require.NoError(t, err)
			require.True(t, dst.Size() == 0 || interleaveRuns(dst, 1, arrays))
			require.Equal(t, want, values(dst), "case %d", it)
		}
	}
}
