package linalg

import (
	"errors"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/mat"

	"github.com/ndkit/ndkit/ndview"
)

// Views of small integers, so that every product is exact and results
// compare with ==, in random layouts that cover each path: C and F order,
// steps, reversed axes, read-only and broadcast views.

// guard is the value of every buffer element outside the views under test.
const guard = -999

// randOperand returns a view of shape holding small integers, in a random
// layout.
func randOperand[T Float](r *rand.Rand, shape []int) ndview.NDView[T] {
	c := ndview.Zeros[T](shape...)
	data, _ := c.Data()
	for i := range data {
		data[i] = T(r.IntN(9) - 4)
	}
	nd := len(shape)
	switch r.IntN(6) {
	case 0: // C order
		return c
	case 1: // F order: the transpose of a C-order view of the reversed shape
		rev := slices.Clone(shape)
		slices.Reverse(rev)
		f := ndview.Zeros[T](rev...)
		perm := make([]int, nd)
		for i := range perm {
			perm[i] = nd - 1 - i
		}
		v := f.Transpose(perm...)
		v.CopyFrom(c)
		return v
	case 2: // every other element along each axis
		big := slices.Clone(shape)
		items := make([]ndview.IndexItem, nd)
		for i := range big {
			big[i] *= 2
			items[i] = ndview.Step(2)
		}
		v := ndview.Zeros[T](big...).Slice(items...)
		v.CopyFrom(c)
		return v
	case 3: // reversed axes
		v := ndview.Zeros[T](shape...)
		axes := make([]int, nd)
		for i := range axes {
			axes[i] = i
		}
		v = v.Flip(axes...)
		v.CopyFrom(c)
		return v
	case 4:
		return c.AsReadOnly()
	}
	// Broadcast: the first axis repeats one slice.
	if nd > 0 && shape[0] > 0 {
		one := c.Slice(ndview.Range(0, 1))
		if b, err := one.BroadcastTo(shape...); err == nil {
			return b
		}
	}
	return c
}

// randDst returns a destination of shape in a random layout (C order, F
// order, or inside a guarded buffer with gaps and reversed axes), and its
// whole buffer.
func randDst[T Float](r *rand.Rand, shape []int) ([]T, ndview.NDView[T]) {
	nd := len(shape)
	strides := make([]int, nd)
	perm := r.Perm(nd)
	unit := 1 + r.IntN(2)
	for k := nd - 1; k >= 0; k-- {
		a := perm[k]
		strides[a] = unit
		unit *= max(shape[a], 1) + r.IntN(2)
	}
	off := 0
	if r.IntN(3) == 0 && ndview.Zeros[T](shape...).Size() > 0 {
		for a, n := range shape {
			if r.IntN(2) == 0 {
				off += strides[a] * (n - 1)
				strides[a] = -strides[a]
			}
		}
	}
	buf := make([]T, unit+2)
	for i := range buf {
		buf[i] = guard
	}
	v, err := ndview.Wrap(buf, off+1, shape, strides)
	if err != nil {
		panic(err)
	}
	return buf, v
}

// refMatMul returns np.matmul(a, b) computed by the definition.
func refMatMul[T Float](a, b ndview.NDView[T]) ndview.NDView[T] {
	aw, bw := a, b
	if a.NDim() == 1 {
		aw = a.ExpandDims(0)
	}
	if b.NDim() == 1 {
		bw = b.ExpandDims(1)
	}
	ash, bsh := aw.Shape(), bw.Shape()
	n, k, m := ash[len(ash)-2], ash[len(ash)-1], bsh[len(bsh)-1]
	batch, err := ndview.BroadcastShapes(ash[:len(ash)-2], bsh[:len(bsh)-2])
	if err != nil {
		panic(err)
	}
	full := append(slices.Clone(batch), n, m)
	out := ndview.Zeros[T](full...)
	ab := mustBroadcast(aw, append(slices.Clone(batch), n, k))
	bb := mustBroadcast(bw, append(slices.Clone(batch), k, m))
	eachIndex(full, func(idx []int) {
		var s T
		ia := slices.Clone(idx)
		ib := slices.Clone(idx)
		for q := range k {
			ia[len(ia)-1] = q
			ib[len(ib)-2] = q
			s += ab.At(ia...) * bb.At(ib...)
		}
		out.Set(s, idx...)
	})
	if a.NDim() == 1 {
		out = out.Squeeze(-2)
	}
	if b.NDim() == 1 {
		out = out.Squeeze(-1)
	}
	return out
}

func mustBroadcast[T any](v ndview.NDView[T], shape []int) ndview.NDView[T] {
	b, err := v.BroadcastTo(shape...)
	if err != nil {
		panic(err)
	}
	return b
}

// eachIndex calls fn with every index of shape in C order.
func eachIndex(shape []int, fn func(idx []int)) {
	for _, n := range shape {
		if n == 0 {
			return
		}
	}
	idx := make([]int, len(shape))
	for {
		fn(idx)
		a := len(idx) - 1
		for ; a >= 0; a-- {
			idx[a]++
			if idx[a] < shape[a] {
				break
			}
			idx[a] = 0
		}
		if a < 0 {
			return
		}
	}
}

// refStore returns buf after storing the elements of vals (shape of dst)
// at the elements of dst.
func refStore[T Float](buf []T, dst, vals ndview.NDView[T]) []T {
	want := slices.Clone(buf)
	st := dst.Strides()
	eachIndex(dst.Shape(), func(idx []int) {
		o := dst.Offset()
		for i, x := range idx {
			o += x * st[i]
		}
		want[o] = vals.At(idx...)
	})
	return want
}

// randBatch returns a random batch shape of rank 0 to 2, and a shape that
// broadcasts with it.
func randBatch(r *rand.Rand) ([]int, []int) {
	a := make([]int, r.IntN(3))
	for i := range a {
		a[i] = 1 + r.IntN(3)
	}
	b := slices.Clone(a)
	for i := range b {
		if r.IntN(3) == 0 {
			b[i] = 1
		}
	}
	if r.IntN(3) == 0 && len(b) > 0 {
		b = b[1:]
	}
	if r.IntN(2) == 0 {
		return b, a
	}
	return a, b
}

func testMatMulRandom[T Float](t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	for i := range 500 {
		n, k, m := r.IntN(5), r.IntN(5), r.IntN(5)
		if r.IntN(8) != 0 {
			n, k, m = n+1, k+1, m+1 // zero extents now and then
		}
		ba, bb := randBatch(r)
		ash := append(slices.Clone(ba), n, k)
		bsh := append(slices.Clone(bb), k, m)
		switch r.IntN(6) {
		case 0:
			ash = []int{k}
		case 1:
			bsh = []int{k}
		}
		a := randOperand[T](r, ash)
		b := randOperand[T](r, bsh)
		want := refMatMul(a, b)
		buf, dst := randDst[T](r, want.Shape())
		exp := refStore(buf, dst, want)
		MatMulInto(dst, a, b)
		if !slices.Equal(buf, exp) {
			t.Fatalf("#%d: MatMul(dst %v st %v, a %v st %v ro %v, b %v st %v ro %v):\nbuffer = %v\nwant     %v",
				i, dst.Shape(), dst.Strides(), a.Shape(), a.Strides(), a.ReadOnly(), b.Shape(), b.Strides(), b.ReadOnly(), buf, exp)
		}
	}
}

// TestMatMulRandom compares MatMul with the definition on random shapes
// (batch axes broadcast, 1-D operands, zero extents) and layouts, checking
// the destination's whole buffer.
func TestMatMulRandom(t *testing.T) {
	t.Run("float64", func(t *testing.T) { testMatMulRandom[float64](t, 1) })
	t.Run("float32", func(t *testing.T) { testMatMulRandom[float32](t, 2) })
}

func TestMatMulShapes(t *testing.T) {
	a := ndview.Zeros[float64](2, 3)
	b := ndview.Zeros[float64](3, 4)
	cases := []struct {
		name  string
		dst   ndview.NDView[float64]
		a, b  ndview.NDView[float64]
		err   error
		parts []string
	}{
		{"inner", ndview.Zeros[float64](2, 4), a, a, ndview.ErrShape, []string{"linalg.MatMul", "(2, 3) and (2, 3)", "inner dimensions differ (3 and 2)"}},
		{"dst", ndview.Zeros[float64](4, 2), a, b, ndview.ErrShape, []string{"destination of shape (4, 2)", "whose shape is (2, 4)"}},
		{"batch", ndview.Zeros[float64](3, 2, 4), ndview.Zeros[float64](3, 2, 3), ndview.Zeros[float64](2, 3, 4), ndview.ErrShape, []string{"batch axes (3,) and (2,)"}},
		{"0-d", ndview.Zeros[float64](), ndview.Zeros[float64](), b, ndview.ErrShape, []string{"at least one dimension"}},
		{"vector dst", ndview.Zeros[float64](1, 4), ndview.Zeros[float64](3), b, ndview.ErrShape, []string{"whose shape is (4,)"}},
		{"read-only", ndview.Zeros[float64](2, 4).AsReadOnly(), a, b, ndview.ErrReadOnly, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				e := recover()
				err, ok := e.(error)
				require.True(t, ok, "panic value %v is not an error", e)
				assert.True(t, errors.Is(err, c.err), "%v does not wrap %v", err, c.err)
				for _, p := range c.parts {
					assert.Contains(t, err.Error(), p)
				}
			}()
			MatMulInto(c.dst, c.a, c.b)
			t.Errorf("MatMul did not panic")
		})
	}
	t.Run("vectors", func(t *testing.T) {
		v, _ := ndview.FromSlice([]float64{1, 2, 3})
		m, _ := ndview.FromSlice([]float64{1, 0, 0, 1, 1, 1}, 3, 2)
		d0 := ndview.Zeros[float64]()
		MatMulInto(d0, v, v) // (3,) @ (3,) is 0-d
		assert.Equal(t, 14.0, d0.At())
		d1 := ndview.Zeros[float64](2)
		MatMulInto(d1, v, m) // (3,) @ (3, 2) is (2,)
		assert.Equal(t, []float64{4, 5}, d1.ToSlice())
		MatMulInto(d1, m.T(), v) // (2, 3) @ (3,) is (2,)
		assert.Equal(t, []float64{4, 5}, d1.ToSlice())
	})
	t.Run("k = 0", func(t *testing.T) {
		d := ndview.Zeros[float64](2, 2)
		d.Fill(7)
		MatMulInto(d, ndview.Zeros[float64](2, 0), ndview.Zeros[float64](0, 2))
		assert.Equal(t, []float64{0, 0, 0, 0}, d.ToSlice())
	})
}

// TestMatMulOverlap multiplies into an operand: the result is as if the
// operands had been read first.
func TestMatMulOverlap(t *testing.T) {
	a, _ := ndview.FromSlice([]float64{1, 2, 3, 4}, 2, 2)
	b, _ := ndview.FromSlice([]float64{0, 1, 1, 0}, 2, 2)
	MatMulInto(a, a, b) // a = a @ b swaps the columns
	assert.Equal(t, []float64{2, 1, 4, 3}, a.ToSlice())
	MatMulInto(a.T(), a, a) // a.T = a @ a
	assert.Equal(t, []float64{8, 20, 5, 13}, a.ToSlice())
	c, _ := ndview.FromSlice([]float32{1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2)
	MatMulInto(c.Slice(ndview.Int(1)), c.Slice(ndview.Int(0)), c.Slice(ndview.Int(1))) // c[1] = c[0] @ c[1]
	assert.Equal(t, []float32{1, 2, 3, 4, 19, 22, 43, 50}, c.ToSlice())
}

// allocated returns the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestMatMulNoCopy shows that operands and destinations of any strides
// are read and written in place (the packing of semantics.md §28 reads
// through strides), and that a read-only operand is copied.
func TestMatMulNoCopy(t *testing.T) {
	const n = 256
	matBytes := uint64(n * n * 8)
	a := ndview.Zeros[float64](n, n)
	b := ndview.Zeros[float64](n, n)
	d := ndview.Zeros[float64](n, n)
	wide := ndview.Zeros[float64](n, 2*n).Slice(ndview.Colon(), ndview.Step(2)) // column stride 2
	MatMulInto(d, a, b)                                                         // warm up
	for name, f := range map[string]func(){
		"C":                func() { MatMulInto(d, a, b) },
		"transposed a":     func() { MatMulInto(d, a.T(), b) },
		"transposed b":     func() { MatMulInto(d, a, b.T()) },
		"F dst":            func() { MatMulInto(d.T(), a, b) },
		"reversed a":       func() { MatMulInto(d, a.Flip(1), b) },
		"reversed dst":     func() { MatMulInto(d.Slice(ndview.Colon(), ndview.Step(-1)), a, b) },
		"stepped operands": func() { MatMulInto(d.Slice(ndview.Step(2)), a.Slice(ndview.Step(2)), wide.T()) },
	} {
		f() // the packing buffers are allocated once, then kept
		got := allocated(f)
		assert.Less(t, got, matBytes/4, "%s: MatMul allocated %d bytes; a %d-byte matrix means a copy", name, got, matBytes)
	}
	got := allocated(func() { MatMulInto(d, a.AsReadOnly(), b) })
	assert.GreaterOrEqual(t, got, matBytes, "a read-only operand is copied")
}

func TestDot(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 300 {
		n := r.IntN(20)
		a := randOperand[float64](r, []int{n})
		b := randOperand[float64](r, []int{n})
		var want float64
		for k := range n {
			want += a.At(k) * b.At(k)
		}
		require.Equal(t, want, Dot(a, b), "#%d Dot(%v st %v, %v st %v)", i, a.Shape(), a.Strides(), b.Shape(), b.Strides())
		a32 := randOperand[float32](r, []int{n})
		b32 := randOperand[float32](r, []int{n})
		var want32 float32
		for k := range n {
			want32 += a32.At(k) * b32.At(k)
		}
		require.Equal(t, want32, Dot(a32, b32), "#%d float32 Dot", i)
	}
	defer func() {
		err, _ := recover().(error)
		require.Error(t, err)
		assert.True(t, errors.Is(err, ndview.ErrShape))
		assert.True(t, strings.Contains(err.Error(), "(3,) and (4,)"), err.Error())
	}()
	Dot(ndview.Zeros[float64](3), ndview.Zeros[float64](4))
}

// TestMatMulLarge checks a product large enough for the packed kernels
// against the definition.
func TestMatMulLarge(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	a := randOperand[float64](r, []int{70, 130})
	b := randOperand[float64](r, []int{130, 90})
	d := ndview.Zeros[float64](90, 70).T()
	MatMulInto(d, a, b)
	want := refMatMul(a, b)
	assert.True(t, ndview.ArrayEqual(d, want), "MatMul of 70×130 by 130×90 differs from the definition")
}

// BenchmarkMatMul measures MatMul of 512² float64 matrices, with the first
// operand in C order, transposed (read in place) and reversed (copied
// first), beside gonum's mat.Dense Mul on the same data. SetBytes counts
// the two operands read and the product written.
func BenchmarkMatMul(b *testing.B) {
	const n = 512
	r := rand.New(rand.NewPCG(7, 8))
	a := randOperand[float64](r, []int{n, n}).Clone()
	c := randOperand[float64](r, []int{n, n}).Clone()
	d := ndview.Zeros[float64](n, n)
	run := func(name string, fn func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(3 * n * n * 8)
			for b.Loop() {
				fn()
			}
		})
	}
	run("C/f64/512/ndview", func() { MatMulInto(d, a, c) })
	run("T/f64/512/ndview", func() { MatMulInto(d, a.T(), c) })
	run("Reversed/f64/512/ndview", func() { MatMulInto(d, a.Flip(1), c) })
	ad, _ := a.Data()
	cd, _ := c.Data()
	ma, mc := mat.NewDense(n, n, ad), mat.NewDense(n, n, cd)
	var md mat.Dense
	md.Mul(ma, mc)
	run("C/f64/512/gonum", func() { md.Mul(ma, mc) })
}

func TestMatMulAllocating(t *testing.T) {
	cases := []struct{ a, b, want []int }{
		{[]int{2, 3}, []int{3, 4}, []int{2, 4}},
		{[]int{3}, []int{3, 4}, []int{4}},
		{[]int{2, 3}, []int{3}, []int{2}},
		{[]int{3}, []int{3}, []int{}},
		{[]int{5, 1, 2, 3}, []int{4, 3, 2}, []int{5, 4, 2, 2}},
	}
	for _, c := range cases {
		a := ndview.Ones[float64](c.a...)
		b := ndview.Ones[float64](c.b...)
		got := MatMul(a, b)
		if !slices.Equal(got.Shape(), c.want) {
			t.Fatalf("MatMul %v @ %v: shape %v, want %v", c.a, c.b, got.Shape(), c.want)
		}
		ref := ndview.Zeros[float64](c.want...)
		MatMulInto(ref, a, b)
		if !ndview.ArrayEqual(got, ref) {
			t.Fatalf("MatMul %v @ %v differs from MatMulInto", c.a, c.b)
		}
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("MatMul of mismatched batches did not panic")
			}
		}()
		MatMul(ndview.Ones[float64](2, 2, 3), ndview.Ones[float64](3, 3, 2))
	}()
}
