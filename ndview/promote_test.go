package ndview

import (
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview/internal/mem"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

// resultTypeNumPy is np.result_type(row, column) of NumPy 1.24.2 for the
// types b1 i1 i2 i4 i8 u1 u2 u4 u8 f2 f4 f8 c8 c16 (the order of
// canCastKinds), printed by
//
//	ts = 'b1 i1 i2 i4 i8 u1 u2 u4 u8 f2 f4 f8 c8 c16'.split()
//	for a in ts: print(' '.join(np.result_type(np.dtype(a), np.dtype(b)).str[1:] for b in ts))
var resultTypeNumPy = []string{
	"b1 i1 i2 i4 i8 u1 u2 u4 u8 f2 f4 f8 c8 c16",
	"i1 i1 i2 i4 i8 i2 i4 i8 f8 f2 f4 f8 c8 c16",
	"i2 i2 i2 i4 i8 i2 i4 i8 f8 f4 f4 f8 c8 c16",
	"i4 i4 i4 i4 i8 i4 i4 i8 f8 f8 f8 f8 c16 c16",
	"i8 i8 i8 i8 i8 i8 i8 i8 f8 f8 f8 f8 c16 c16",
	"u1 i2 i2 i4 i8 u1 u2 u4 u8 f2 f4 f8 c8 c16",
	"u2 i4 i4 i4 i8 u2 u2 u4 u8 f4 f4 f8 c8 c16",
	"u4 i8 i8 i8 i8 u4 u4 u4 u8 f8 f8 f8 c16 c16",
	"u8 f8 f8 f8 f8 u8 u8 u8 u8 f8 f8 f8 c16 c16",
	"f2 f2 f4 f8 f8 f2 f4 f8 f8 f2 f4 f8 c8 c16",
	"f4 f4 f4 f8 f8 f4 f4 f8 f8 f4 f4 f8 c8 c16",
	"f8 f8 f8 f8 f8 f8 f8 f8 f8 f8 f8 f8 c16 c16",
	"c8 c8 c8 c16 c16 c8 c8 c16 c16 c8 c8 c16 c8 c16",
	"c16 c16 c16 c16 c16 c16 c16 c16 c16 c16 c16 c16 c16 c16",
}

func TestResultKindMatchesNumPy(t *testing.T) {
	kinds := canCastKinds()
	codes := strings.Fields(resultTypeNumPy[0])
	code := map[mem.Kind]string{}
	for i, k := range kinds {
		code[k] = codes[i]
	}
	for i, row := range resultTypeNumPy {
		for j, want := range strings.Fields(row) {
			require.Equal(t, want, code[resultKind(kinds[i], kinds[j])], "result_type(%s, %s)", codes[i], codes[j])
		}
	}
}

// TestPromote: the operand already of type R is a view (a write through it
// shows in the original), the other a converted new array; Add of the two
// is NumPy's i + f.
func TestPromote(t *testing.T) {
	i := FromSliceMust([]int32{1, -2, 1 << 30}, 3)
	f := FromSliceMust([]float64{0.5, 0.25, 0.125}, 3)
	x, y := Promote[float64](i, f)
	require.Equal(t, []float64{1, -2, 1 << 30}, x.ToSlice())
	y.Set(7, 1)
	require.Equal(t, 7.0, f.At(1), "the float64 operand is a view")
	x.Set(9, 0)
	require.Equal(t, int32(1), i.At(0), "the int32 operand is a copy")
	require.Equal(t, []float64{9.5, 5, 1<<30 + 0.125}, Add(x, y).ToSlice())

	// Both of type R: two views, no allocation.
	u := Zeros[uint8](4)
	require.Zero(t, testing.AllocsPerRun(10, func() { Promote[uint8](u, u) }))
	p, q := Promote[uint8](u, u)
	p.Set(3, 2)
	require.Equal(t, uint8(3), q.At(2))

	// int8 and uint8 meet in int16; uint64 and int64 in float64; float16
	// and int16 in float32.
	s, v := Promote[int16](FromSliceMust([]int8{-128}, 1), FromSliceMust([]uint8{255}, 1))
	require.Equal(t, []int16{-128}, s.ToSlice())
	require.Equal(t, []int16{255}, v.ToSlice())
	w, _ := Promote[float64](Zeros[uint64](1), Zeros[int64](1))
	require.Equal(t, []float64{0}, w.ToSlice())
	h, _ := Promote[float32](FromSliceMust([]float16.Float16{float16.Fromfloat32(1.5)}, 1), Zeros[int16](1))
	require.Equal(t, []float32{1.5}, h.ToSlice())
	c, _ := Promote[complex128](Zeros[complex64](1), Zeros[int32](1))
	require.Equal(t, []complex128{0}, c.ToSlice())
}

func TestPromoteRefuses(t *testing.T) {
	msg := panics(t, ErrType, func() { Promote[float32](Zeros[int32](2), Zeros[float32](2)) })
	require.Contains(t, msg, "np.result_type(int32, float32) is float64, not float32")
	msg = panics(t, ErrType, func() { Promote[float64](Zeros[int8](2), Zeros[int8](2)) })
	require.Contains(t, msg, "np.result_type(int8, int8) is int8, not float64")
	panics(t, ErrType, func() { Promote[int64](Zeros[uint64](2), Zeros[int64](2)) })
}
