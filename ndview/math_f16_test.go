package ndview

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/x448/float16"
)

// TestNextafterFloat16 checks half-precision Nextafter against NumPy
// 1.24's np.nextafter on float16 (bits printed by NumPy): one ulp on the
// bits, through zero, to infinity, and x returned where x equals y.
func TestNextafterFloat16(t *testing.T) {
	xs := []uint16{0x0, 0x8000, 0x3c00, 0xbc00, 0x7bff, 0xfbff, 0x1, 0x8001, 0x3800, 0x7c00, 0x4000, 0x3c00, 0x0}
	ys := []uint16{0x3c00, 0xbc00, 0x4000, 0xc000, 0x7c00, 0x0, 0x0, 0x0, 0x3800, 0x0, 0x7e00, 0xfc00, 0x8000}
	want := []uint16{0x1, 0x8001, 0x3c01, 0xbc01, 0x7c00, 0xfbfe, 0x0, 0x8000, 0x3800, 0x7bff, 0x7e00, 0x3bff, 0x0}
	half := func(b []uint16) NDView[float16.Float16] {
		h := make([]float16.Float16, len(b))
		for i, x := range b {
			h[i] = float16.Frombits(x)
		}
		return Must(FromSlice(h))
	}
	a, b := half(xs), half(ys)
	dst := Zeros[float16.Float16](len(xs))
	NextafterInto(dst, a, b)
	for i, x := range dst.ToSlice() {
		assert.Equal(t, want[i], x.Bits(), "nextafter(%#x, %#x)", xs[i], ys[i])
	}
	// In place, and against a scalar.
	NextafterInto(a, a, b)
	assert.Equal(t, dst.ToSlice(), a.ToSlice())
	one := half([]uint16{0x3c00, 0x3c00})
	NextafterScalarInto(one, one, float16.Fromfloat32(2))
	assert.Equal(t, []float16.Float16{float16.Frombits(0x3c01), float16.Frombits(0x3c01)}, one.ToSlice())
}
