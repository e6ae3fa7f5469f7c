package textio

// Tests against NumPy 1.24.2's answers in testdata/textio.json, written by
// testdata/textio_gen.py (run it with /usr/bin/python3 to regenerate).

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

type fixtureCase struct {
	Name   string         `json:"name"`
	Text   string         `json:"text"`
	DType  string         `json:"dtype"`
	Opts   map[string]any `json:"opts"`
	Shape  []int          `json:"shape"`
	Values []string       `json:"values"`
	Mask   []bool         `json:"mask"`
	Names  []string       `json:"names"`
	Error  string         `json:"error"`
}

type fixtures struct {
	NumPy      string        `json:"numpy"`
	LoadTxt    []fixtureCase `json:"loadtxt"`
	GenFromTxt []fixtureCase `json:"genfromtxt"`
	SaveTxt    []fixtureCase `json:"savetxt"`
}

func readFixtures(t *testing.T) fixtures {
	t.Helper()
	b, err := os.ReadFile("testdata/textio.json")
	require.NoError(t, err)
	var f fixtures
	require.NoError(t, json.Unmarshal(b, &f))
	require.Equal(t, "1.24.2", f.NumPy)
	return f
}

// loadDifferences are the fixture cases where ndkit deliberately differs
// from NumPy 1.24 (semantics.md §22, Difference lines): NumPy parses these
// integers through float, with a DeprecationWarning, truncating or
// wrapping; ndkit refuses them.
var loadDifferences = map[string]bool{
	"int refuses 1.5": true,
	"int refuses 1e3": true,
	"int8 overflow":   true,
}

// canon writes an element so that equal values (NaN with NaN, -0 apart
// from 0) write the same.
func canon(x any) string {
	switch y := x.(type) {
	case float16.Float16:
		return canon(float64(y.Float32()))
	case float32:
		return strconv.FormatFloat(float64(y), 'g', -1, 32)
	case float64:
		return strconv.FormatFloat(y, 'g', -1, 64)
	case complex64:
		return canon(real(y)) + "," + canon(imag(y))
	case complex128:
		return canon(real(y)) + "," + canon(imag(y))
	}
	return fmt.Sprint(x)
}

// decode parses a fixture value (Python's repr) as T.
func decode[T ndview.NumericOrBool](t *testing.T, s string) T {
	var z T
	var r any
	f := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err)
		return v
	}
	switch any(z).(type) {
	case float64:
		r = f(s)
	case float32:
		r = float32(f(s))
	case float16.Float16:
		r = float16.Fromfloat32(float32(f(s)))
	case complex128, complex64:
		re, im, _ := strings.Cut(s, ",")
		c := complex(f(re), f(im))
		if _, ok := any(z).(complex64); ok {
			r = complex64(c)
		} else {
			r = c
		}
	case bool:
		r = s == "true"
	case int64:
		r, _ = strconv.ParseInt(s, 10, 64)
	case int32:
		i, _ := strconv.ParseInt(s, 10, 32)
		r = int32(i)
	case int8:
		i, _ := strconv.ParseInt(s, 10, 8)
		r = int8(i)
	case uint8:
		i, _ := strconv.ParseUint(s, 10, 8)
		r = uint8(i)
	case uint64:
		r, _ = strconv.ParseUint(s, 10, 64)
	default:
		t.Fatalf("no decoder for %T", z)
	}
	return r.(T)
}

func ints(v any) []int {
	var r []int
	for _, x := range v.([]any) {
		r = append(r, int(x.(float64)))
	}
	return r
}

func loadOpts(m map[string]any) LoadTxtOptions {
	var o LoadTxtOptions
	for k, v := range m {
		switch k {
		case "delimiter":
			o.Delimiter = v.(string)
		case "comments":
			o.Comments = []string{}
			if v != nil {
				for _, c := range v.([]any) {
					o.Comments = append(o.Comments, c.(string))
				}
			}
		case "skiprows":
			o.SkipRows = int(v.(float64))
		case "max_rows":
			o.MaxRows = int(v.(float64))
		case "ndmin":
			o.NDMin = int(v.(float64))
		case "usecols":
			o.UseCols = ints(v)
		case "unpack":
			o.Unpack = v.(bool)
		case "quotechar":
			o.QuoteChar = v.(string)[0]
		default:
			panic("unknown option " + k)
		}
	}
	return o
}

func checkLoad[T ndview.NumericOrBool](t *testing.T, c fixtureCase) {
	v, err := LoadTxt[T](strings.NewReader(c.Text), loadOpts(c.Opts))
	if c.Error != "" || loadDifferences[c.Name] {
		require.Error(t, err, "NumPy: %s", c.Error)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Positive(t, e.Line, err.Error())
		return
	}
	require.NoError(t, err)
	assert.Equal(t, c.Shape, v.Shape())
	if len(c.Shape) == 0 {
		assert.Empty(t, v.Shape())
	}
	var got, want []string
	for x := range v.Values() {
		got = append(got, canon(x))
	}
	for _, s := range c.Values {
		want = append(want, canon(decode[T](t, s)))
	}
	assert.Equal(t, want, got)
}

// byDType runs f instantiated for the fixture's dtype.
func byDType(t *testing.T, c fixtureCase, f map[string]func(*testing.T, fixtureCase)) {
	run, ok := f[c.DType]
	require.True(t, ok, "dtype %s", c.DType)
	run(t, c)
}

func TestLoadTxtNumPy(t *testing.T) {
	f := readFixtures(t)
	fs := map[string]func(*testing.T, fixtureCase){
		"float64": checkLoad[float64], "float32": checkLoad[float32], "float16": checkLoad[float16.Float16],
		"int64": checkLoad[int64], "int32": checkLoad[int32], "int8": checkLoad[int8],
		"uint8": checkLoad[uint8], "uint64": checkLoad[uint64], "complex128": checkLoad[complex128],
		"complex64": checkLoad[complex64], "bool": checkLoad[bool],
	}
	for _, c := range f.LoadTxt {
		t.Run(c.Name, func(t *testing.T) { byDType(t, c, fs) })
	}
}

func genOpts[T ndview.NumericOrBool](t *testing.T, m map[string]any) GenFromTxtOptions[T] {
	var o GenFromTxtOptions[T]
	for k, v := range m {
		switch k {
		case "delimiter":
			o.Delimiter = v.(string)
		case "skip_header":
			o.SkipHeader = int(v.(float64))
		case "skip_footer":
			o.SkipFooter = int(v.(float64))
		case "names":
			o.Names = v.(bool)
		case "usecols":
			o.UseCols = ints(v)
		case "missing_values":
			for _, s := range v.([]any) {
				o.MissingValues = append(o.MissingValues, s.(string))
			}
		case "filling_values":
			for _, x := range v.([]any) {
				o.FillingValues = append(o.FillingValues, decode[T](t, strconv.FormatFloat(x.(float64), 'g', -1, 64)))
			}
		default:
			panic("unknown option " + k)
		}
	}
	return o
}

func checkGen[T ndview.NumericOrBool](t *testing.T, c fixtureCase) {
	tab, err := GenFromTxt[T](strings.NewReader(c.Text), genOpts[T](t, c.Opts))
	if c.Error != "" {
		require.Error(t, err, "NumPy: %s", c.Error)
		return
	}
	require.NoError(t, err)
	assert.Equal(t, c.Shape, tab.Data.Shape())
	assert.Equal(t, c.Shape, tab.Missing.Shape())
	var got, want []string
	for x := range tab.Data.Values() {
		got = append(got, canon(x))
	}
	for _, s := range c.Values {
		want = append(want, canon(decode[T](t, s)))
	}
	assert.Equal(t, want, got)
	var mask []bool
	for m := range tab.Missing.Values() {
		mask = append(mask, m)
	}
	assert.Equal(t, c.Mask, mask)
	assert.Equal(t, c.Names, tab.Names)
}

func TestGenFromTxtNumPy(t *testing.T) {
	f := readFixtures(t)
	fs := map[string]func(*testing.T, fixtureCase){
		"float64": checkGen[float64], "int64": checkGen[int64], "uint8": checkGen[uint8], "complex128": checkGen[complex128],
	}
	for _, c := range f.GenFromTxt {
		t.Run(c.Name, func(t *testing.T) { byDType(t, c, fs) })
	}
}

func saveOpts(m map[string]any) SaveTxtOptions {
	var o SaveTxtOptions
	for k, v := range m {
		switch k {
		case "fmt":
			if s, ok := v.(string); ok {
				o.Fmt = []string{s}
			} else {
				for _, f := range v.([]any) {
					o.Fmt = append(o.Fmt, f.(string))
				}
			}
		case "delimiter":
			o.Delimiter = v.(string)
		case "newline":
			o.Newline = v.(string)
		case "header":
			o.Header = v.(string)
		case "footer":
			o.Footer = v.(string)
		case "comments":
			o.Comments = v.(string)
			o.NoComments = o.Comments == ""
		default:
			panic("unknown option " + k)
		}
	}
	return o
}

func checkSave[T ndview.NumericOrBool](t *testing.T, c fixtureCase) {
	vals := make([]T, len(c.Values))
	for i, s := range c.Values {
		vals[i] = decode[T](t, s)
	}
	v := ndview.Must(ndview.FromSlice(vals, c.Shape...))
	var b bytes.Buffer
	require.NoError(t, SaveTxt(&b, v, saveOpts(c.Opts)))
	assert.Equal(t, c.Text, b.String())
}

func TestSaveTxtNumPy(t *testing.T) {
	f := readFixtures(t)
	fs := map[string]func(*testing.T, fixtureCase){
		"float64": checkSave[float64], "float32": checkSave[float32], "float16": checkSave[float16.Float16],
		"int64": checkSave[int64], "int32": checkSave[int32], "int8": checkSave[int8],
		"uint64": checkSave[uint64], "complex128": checkSave[complex128], "bool": checkSave[bool],
	}
	for _, c := range f.SaveTxt {
		t.Run(c.Name, func(t *testing.T) { byDType(t, c, fs) })
	}
}
