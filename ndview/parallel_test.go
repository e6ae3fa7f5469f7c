package ndview

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/ndkit/ndkit/ndview/internal/plan"
)

// TestMaxThreadsResultsAgree runs the parallel kernels with one goroutine
// and with several, from the smallest size, and checks the results agree.
func TestMaxThreadsResultsAgree(t *testing.T) {
	defer SetMaxThreads(SetMaxThreads(0))
	old := plan.MinParallelBytes
	defer func() { plan.MinParallelBytes = old }()
	plan.MinParallelBytes = 0

	src := Zeros[float64](61, 47)
	for i := range src.data {
		src.data[i] = float64(i%97) - 40.5
	}
	run := func(n int) (NDView[float64], NDView[float32], NDView[float64]) {
		SetMaxThreads(n)
		assert.Equal(t, n, MaxThreads())
		tr := Zeros[float64](47, 61)
		tr.CopyFrom(src.T())
		cv := Zeros[float32](61, 47)
		ConvertInto(cv, src)
		ex := Zeros[float64](61, 47)
		ExpInto(ex, src)
		return tr, cv, ex
	}
	t1, c1, e1 := run(1)
	for _, n := range []int{2, 3, 8} {
		tn, cn, en := run(n)
		assert.Equal(t, t1.ToSlice(), tn.ToSlice(), "transposed copy with %d threads", n)
		assert.Equal(t, c1.ToSlice(), cn.ToSlice(), "Convert with %d threads", n)
		assert.Equal(t, e1.ToSlice(), en.ToSlice(), "Exp with %d threads", n)
	}
	assert.Equal(t, src.At(3, 5), t1.At(5, 3))
}
