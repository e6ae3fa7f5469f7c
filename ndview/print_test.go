package ndview

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func seqInts(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

func TestString(t *testing.T) {
	mk := func(n int, shape ...int) NDView[int] {
		v, err := FromSlice(seqInts(n), shape...)
		require.NoError(t, err)
		return v
	}
	tests := []struct {
		name string
		v    NDView[int]
		want string
	}{
		{"1d", mk(3), "[0 1 2]"},
		{"2d", mk(6, 2, 3), "[[0 1 2]\n [3 4 5]]"},
		{"3d padded", mk(24, 2, 3, 4), "[[[ 0  1  2  3]\n  [ 4  5  6  7]\n  [ 8  9 10 11]]\n\n [[12 13 14 15]\n  [16 17 18 19]\n  [20 21 22 23]]]"},
		{"0d", mk(24, 2, 3, 4).Slice(Int(1), Int(2), Int(3)), "23"},
		{"empty", mk(0, 2, 0), "[]"},
		{"zero value", NDView[int]{}, "[]"},
		{"transposed", mk(6, 2, 3).T(), "[[0 3]\n [1 4]\n [2 5]]"},
		{"reversed", mk(4).Slice(Step(-1)), "[3 2 1 0]"},
		{"wrapped", mk(40), "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39]"},
		{"summarised 1d", mk(1001), "[   0    1    2 ...  998  999 1000]"},
		{"summarised 2d", mk(2000, 2, 1000), "[[   0    1    2 ...  997  998  999]\n [1000 1001 1002 ... 1997 1998 1999]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.v.String())
			assert.Equal(t, tt.want, fmt.Sprint(tt.v))
		})
	}
}

func TestStringSummarisesEveryLongAxis(t *testing.T) {
	v, err := FromSlice(seqInts(3000), 10, 10, 30)
	require.NoError(t, err)
	s := v.String()
	// 6 of 10 blocks are shown, each with 6 of 10 rows and 6 of 30 columns.
	assert.Equal(t, 1, strings.Count(s, "\n\n ...\n\n"), s)
	assert.Equal(t, 6, strings.Count(s, "\n  ...\n"), s)
	assert.Equal(t, 36, strings.Count(s, " ... "), s)
	assert.True(t, strings.HasSuffix(s, "2997 2998 2999]]]"))
}

func TestGoString(t *testing.T) {
	v, err := FromSlice(seqInts(6), 2, 3)
	require.NoError(t, err)
	want := "ndview.NDView[int]{shape: (2, 3), strides: (3, 1), offset: 0, readonly: false, data: [[0 1 2] [3 4 5]]}"
	assert.Equal(t, want, fmt.Sprintf("%#v", v))
	r := v.T().AsReadOnly()
	want = "ndview.NDView[int]{shape: (3, 2), strides: (1, 3), offset: 0, readonly: true, data: [[0 3] [1 4] [2 5]]}"
	assert.Equal(t, want, fmt.Sprintf("%#v", r))
}
