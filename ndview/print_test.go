package ndview

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
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

// printCase is one case of testdata/print.json, written by
// testdata/print_gen.py with NumPy 1.24.2.
type printCase struct {
	Name      string         `json:"name"`
	DType     string         `json:"dtype"`
	Shape     []int          `json:"shape"`
	Values    []string       `json:"values"`
	Ramp      []float64      `json:"ramp"`
	Transpose bool           `json:"transpose"`
	Opts      map[string]any `json:"opts"`
	Text      string         `json:"text"`
}

// printValues returns the case's values as float64 pairs (re, im); bools
// are 1 and 0.
func (c printCase) printValues(t *testing.T) [][2]float64 {
	var r [][2]float64
	if c.Ramp != nil {
		n, start, step := int(c.Ramp[0]), c.Ramp[1], c.Ramp[2]
		for i := range n {
			r = append(r, [2]float64{start + float64(i)*step, 0})
		}
		return r
	}
	for _, s := range c.Values {
		var p [2]float64
		switch {
		case s == "true":
			p[0] = 1
		case s == "false":
		default:
			re, im, _ := strings.Cut(s, ",")
			var err error
			p[0], err = strconv.ParseFloat(re, 64)
			require.NoError(t, err)
			if im != "" {
				p[1], err = strconv.ParseFloat(im, 64)
				require.NoError(t, err)
			}
		}
		r = append(r, p)
	}
	return r
}

// printView builds the case's view of element type T.
func printView[T any](t *testing.T, c printCase, conv func([2]float64) T) NDView[T] {
	vals := c.printValues(t)
	data := make([]T, len(vals))
	for i, p := range vals {
		data[i] = conv(p)
	}
	var v NDView[T]
	if len(c.Shape) == 0 {
		v = Must(Must(FromSlice(data, 1)).Reshape())
	} else {
		v = Must(FromSlice(data, c.Shape...))
	}
	if c.Transpose {
		v = v.T()
	}
	return v
}

func (c printCase) options() PrintOptions {
	o := NumPyPrintOptions()
	for k, x := range c.Opts {
		switch k {
		case "precision":
			o.Precision = int(x.(float64))
		case "threshold":
			o.Threshold = int(x.(float64))
		case "edgeitems":
			o.EdgeItems = int(x.(float64))
		case "linewidth":
			o.LineWidth = int(x.(float64))
		case "suppress":
			o.Suppress = x.(bool)
		case "sign":
			o.Sign = x.(string)[0]
		default:
			panic("unknown option " + k)
		}
	}
	return o
}

// TestFormatWithNumPy compares FormatWith with NumPy's str() under
// np.printoptions for every case of testdata/print.json.
func TestFormatWithNumPy(t *testing.T) {
	b, err := os.ReadFile("testdata/print.json")
	require.NoError(t, err)
	var f struct {
		NumPy string      `json:"numpy"`
		Cases []printCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(b, &f))
	require.Equal(t, "1.24.2", f.NumPy)
	for _, c := range f.Cases {
		t.Run(c.Name, func(t *testing.T) {
			o := c.options()
			var got string
			switch c.DType {
			case "float64":
				got = printView(t, c, func(p [2]float64) float64 { return p[0] }).FormatWith(o)
			case "float32":
				got = printView(t, c, func(p [2]float64) float32 { return float32(p[0]) }).FormatWith(o)
			case "float16":
				got = printView(t, c, func(p [2]float64) float16.Float16 { return float16.Fromfloat32(float32(p[0])) }).FormatWith(o)
			case "int64":
				got = printView(t, c, func(p [2]float64) int64 { return int64(p[0]) }).FormatWith(o)
			case "int8":
				got = printView(t, c, func(p [2]float64) int8 { return int8(p[0]) }).FormatWith(o)
			case "uint8":
				got = printView(t, c, func(p [2]float64) uint8 { return uint8(p[0]) }).FormatWith(o)
			case "complex128":
				got = printView(t, c, func(p [2]float64) complex128 { return complex(p[0], p[1]) }).FormatWith(o)
			case "complex64":
				got = printView(t, c, func(p [2]float64) complex64 { return complex64(complex(p[0], p[1])) }).FormatWith(o)
			case "bool":
				got = printView(t, c, func(p [2]float64) bool { return p[0] != 0 }).FormatWith(o)
			default:
				t.Fatalf("dtype %s", c.DType)
			}
			assert.Equal(t, c.Text, got)
		})
	}
}

// TestPrintOptionsConcurrent sets options while other goroutines print:
// each String sees one whole set of options (run under -race).
func TestPrintOptionsConcurrent(t *testing.T) {
	v := Must(FromSlice([]float64{1, 2.5, 1.0 / 3}, 3))
	a := NumPyPrintOptions()
	b := NumPyPrintOptions()
	b.Precision = 2
	wantA, wantB := v.FormatWith(a), v.FormatWith(b)
	require.NotEqual(t, wantA, wantB)
	old := SetPrintOptions(a)
	defer SetPrintOptions(old)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 200 {
			SetPrintOptions([]PrintOptions{a, b}[i%2])
		}
	}()
	for range 200 {
		s := v.String()
		if s != wantA && s != wantB {
			t.Fatalf("String() = %q, a mix of options", s)
		}
	}
	<-done
}

// TestSetPrintOptionsReturnsOld: the old options come back, and String
// follows the package's options while FormatWith leaves them alone.
func TestSetPrintOptionsReturnsOld(t *testing.T) {
	init := GetPrintOptions()
	assert.True(t, init.GoValues)
	o := NumPyPrintOptions()
	o.Threshold = 2
	prev := SetPrintOptions(o)
	assert.Equal(t, init, prev)
	v := Must(FromSlice(seqInts(5), 5))
	assert.Equal(t, "[0 1 2 3 4]", v.FormatWith(NumPyPrintOptions()))
	assert.Equal(t, o, GetPrintOptions())
	assert.Equal(t, "[0 1 2 3 4]", v.String()) // 5 <= 2*EdgeItems: nothing to hide
	o.EdgeItems = 1
	SetPrintOptions(o)
	assert.Equal(t, "[0 ... 4]", v.String())
	assert.Equal(t, o, SetPrintOptions(prev))
	assert.Equal(t, init, GetPrintOptions())
}

func TestPrintOptionsPanics(t *testing.T) {
	v := Must(FromSlice(seqInts(5), 5))
	for name, f := range map[string]func(*PrintOptions){
		"precision": func(o *PrintOptions) { o.Precision = -1 },
		"threshold": func(o *PrintOptions) { o.Threshold = -1 },
		"edgeitems": func(o *PrintOptions) { o.EdgeItems = -1 },
		"linewidth": func(o *PrintOptions) { o.LineWidth = 0 },
		"sign":      func(o *PrintOptions) { o.Sign = 'x' },
	} {
		t.Run(name, func(t *testing.T) {
			o := NumPyPrintOptions()
			f(&o)
			before := GetPrintOptions()
			assert.PanicsWithError(t, mustPanicMsg(t, func() { SetPrintOptions(o) }), func() { SetPrintOptions(o) })
			assert.Equal(t, before, GetPrintOptions())
			defer func() {
				e, _ := recover().(error)
				assert.ErrorIs(t, e, ErrShape)
			}()
			v.FormatWith(o)
		})
	}
}

// mustPanicMsg returns the message f panics with.
func mustPanicMsg(t *testing.T, f func()) (msg string) {
	defer func() {
		e, ok := recover().(error)
		require.True(t, ok)
		msg = e.Error()
	}()
	f()
	return ""
}

// TestFormatWithLayouts: a view of any layout prints as its C-contiguous
// copy does.
func TestFormatWithLayouts(t *testing.T) {
	base := Must(FromSlice(seqInts(60), 3, 4, 5))
	o := NumPyPrintOptions()
	o.Threshold = 20
	for name, v := range map[string]NDView[int]{
		"transposed": base.T(),
		"reversed":   base.Flip(),
		"stepped":    Must(base.Index("::2, 1::2, ::-3")),
		"broadcast":  Must(Must(base.Index("0, 0")).BroadcastTo(4, 5)),
	} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, v.Clone().FormatWith(o), v.FormatWith(o))
		})
	}
}
