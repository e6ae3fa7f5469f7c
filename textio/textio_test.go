package textio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// layouts returns views of m×n float64 values of several layouts (C,
// transposed, reversed, stepped, broadcast, empty), each with a name.
func layouts(r *rand.Rand) map[string]ndview.NDView[float64] {
	fill := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			switch r.IntN(10) {
			case 0:
				s[i] = math.NaN()
			case 1:
				s[i] = math.Inf(1 - 2*r.IntN(2))
			case 2:
				s[i] = math.Copysign(0, -1)
			default:
				s[i] = r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
			}
		}
		return s
	}
	base := ndview.Must(ndview.FromSlice(fill(24), 4, 6))
	row := ndview.Must(ndview.FromSlice(fill(5), 5))
	return map[string]ndview.NDView[float64]{
		"C":          base,
		"transposed": base.T(),
		"reversed":   base.Flip(),
		"stepped":    ndview.Must(base.Index("::2, 1::3")),
		"broadcast":  ndview.Must(row.BroadcastTo(3, 5)),
		"1-D":        row,
		"1-D stride": ndview.Must(row.Index("::-2")),
		"empty":      ndview.Must(base.Index(":0, :")),
		"one column": ndview.Must(base.Index(":, 2:3")),
	}
}

// TestSaveLoadRoundTrip writes views of every layout with formats that
// keep every bit and reads them back: the values are the view's, in its
// logical order (semantics.md TX10, TX1).
func TestSaveLoadRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 5 {
		for name, v := range layouts(r) {
			for _, f := range []string{"%.18e", "%r", "%.17g"} {
				t.Run(name+" "+f, func(t *testing.T) {
					var b bytes.Buffer
					require.NoError(t, SaveTxt(&b, v, SaveTxtOptions{Fmt: []string{f}, Delimiter: ","}))
					got, err := LoadTxt[float64](&b, LoadTxtOptions{Delimiter: ",", NDMin: 2})
					require.NoError(t, err)
					want := v
					if v.NDim() == 1 {
						want = ndview.Must(v.Index(":, newaxis"))
					}
					if want.Size() == 0 {
						assert.Equal(t, 0, got.Size())
						return
					}
					require.Equal(t, want.Shape(), got.Shape())
					for idx, x := range want.Enumerate() {
						assert.Equal(t, canon(x), canon(got.At(idx...)), "at %v", idx)
					}
				})
			}
		}
	}
}

// oracleLoad parses text line by line with strings.Fields and
// strconv.ParseFloat: the naive loop LoadTxt must agree with.
func oracleLoad(text string) ([]float64, int, int, error) {
	var vals []float64
	rows, cols := 0, -1
	for i, line := range strings.Split(text, "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		fs := strings.Split(line, ",")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if cols >= 0 && len(fs) != cols {
			return nil, 0, 0, fmt.Errorf("line %d", i+1)
		}
		cols = len(fs)
		for _, f := range fs {
			f = strings.TrimSpace(f)
			x, err := strconv.ParseFloat(f, 64)
			if err != nil && !strings.Contains(err.Error(), "range") {
				return nil, 0, 0, fmt.Errorf("line %d", i+1)
			}
			vals = append(vals, x)
		}
		rows++
	}
	return vals, rows, cols, nil
}

// randomNumber writes a field: plain decimals (the fast path), long
// mantissas, exponents, nan and inf, with blanks around it.
func randomNumber(r *rand.Rand) string {
	var s string
	switch r.IntN(8) {
	case 0:
		s = strconv.FormatFloat(r.NormFloat64(), 'g', -1, 64)
	case 1:
		s = strconv.FormatFloat(r.NormFloat64()*1e300, 'e', r.IntN(20), 64)
	case 2:
		s = []string{"nan", "-inf", "inf", "Infinity", "-0", "+0.0", "1e400", "1e-400"}[r.IntN(8)]
	case 3:
		s = strconv.Itoa(r.IntN(2000) - 1000)
	case 4:
		s = "." + strconv.Itoa(r.IntN(1000))
	default:
		s = strconv.FormatFloat(r.Float64()*1000, 'f', r.IntN(12), 64)
	}
	return strings.Repeat(" ", r.IntN(2)) + s + strings.Repeat("\t", r.IntN(2))
}

// randomCSV writes rows × cols random fields with comment and blank lines
// between, and \r\n line ends on some lines.
func randomCSV(r *rand.Rand, rows, cols int) string {
	var b strings.Builder
	for range rows {
		switch r.IntN(20) {
		case 0:
			b.WriteString("# a comment, 1, 2\n")
		case 1:
			b.WriteString("  \n")
		}
		for j := range cols {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(randomNumber(r))
		}
		if r.IntN(10) == 0 {
			b.WriteString(" # trailing")
		}
		if r.IntN(10) == 0 {
			b.WriteByte('\r')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestLoadTxtOracle compares LoadTxt with the naive oracle on random
// tables small enough for one goroutine and large enough for several.
func TestLoadTxtOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, rows := range []int{1, 7, 300, 40_000} {
		text := randomCSV(r, rows, 1+r.IntN(6))
		want, wr, wc, werr := oracleLoad(text)
		require.NoError(t, werr)
		for _, procs := range []int{1, 2, 4} {
			prev := runtime.GOMAXPROCS(procs)
			got, err := LoadTxt[float64](strings.NewReader(text), LoadTxtOptions{Delimiter: ",", NDMin: 2})
			runtime.GOMAXPROCS(prev)
			require.NoError(t, err)
			require.Equal(t, []int{wr, wc}, got.Shape())
			i := 0
			for x := range got.Values() {
				if canon(x) != canon(want[i]) {
					t.Fatalf("rows %d, procs %d: value %d = %v, want %v", rows, procs, i, x, want[i])
				}
				i++
			}
		}
	}
}

// TestLoadTxtErrorLine puts one bad field or one short line at random
// places of a large input: the error names its line and column however
// the input is cut into chunks, and the earliest bad line wins.
func TestLoadTxtErrorLine(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const rows = 60_000
	lines := strings.Split(strings.TrimSuffix(randomCSV(r, rows, 3), "\n"), "\n")
	for range 6 {
		a, b := r.IntN(len(lines)), r.IntN(len(lines))
		bad := append([]string(nil), lines...)
		bad[a] = "1,2x,3"
		bad[b] = "4,5"
		first := min(a, b) + 1
		text := strings.Join(bad, "\n") + "\n"
		for _, procs := range []int{1, 2} {
			prev := runtime.GOMAXPROCS(procs)
			_, err := LoadTxt[float64](strings.NewReader(text), LoadTxtOptions{Delimiter: ","})
			runtime.GOMAXPROCS(prev)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, first, e.Line, err.Error())
			if first == a+1 {
				assert.ErrorIs(t, err, ErrParse)
				assert.Equal(t, 2, e.Column)
				assert.Contains(t, err.Error(), `"2x"`)
			} else {
				assert.ErrorIs(t, err, ndview.ErrShape)
			}
		}
	}
}

// TestFastNumber checks the fast path against strconv on random
// decimals: it either declines or gives strconv's bits.
func TestFastNumber(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 200_000 {
		s := strings.TrimSpace(randomNumber(r))
		if r.IntN(3) == 0 {
			s = strconv.FormatUint(r.Uint64()>>r.IntN(64), 10) + "." + strconv.FormatUint(r.Uint64()>>r.IntN(64), 10) + "e" + strconv.Itoa(r.IntN(60)-30)
		}
		f, n, ok := fastNumber([]byte(s))
		if !ok {
			continue
		}
		want, err := strconv.ParseFloat(s[:n], 64)
		require.NoError(t, err, s)
		require.Equal(t, math.Float64bits(want), math.Float64bits(f), "%s: %v, want %v", s, f, want)
	}
}

func FuzzLoadTxt(f *testing.F) {
	f.Add("1,2\n3,4\n", ",")
	f.Add("1 2 # c\n\n3 4\r\n", "")
	f.Add("nan,-inf,1e400\n", ",")
	f.Fuzz(func(t *testing.T, text, delim string) {
		if len(text) > 1<<12 || strings.ContainsAny(delim, "\r\n#") {
			return
		}
		v, err := LoadTxt[float64](strings.NewReader(text), LoadTxtOptions{Delimiter: delim})
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 {
				t.Fatalf("error %v has no line", err)
			}
			return
		}
		// What was read is written and read again unchanged.
		if v.NDim() > 2 || v.NDim() == 0 {
			return
		}
		var b bytes.Buffer
		if err := SaveTxt(&b, v, SaveTxtOptions{}); err != nil {
			t.Fatal(err)
		}
		w, err := LoadTxt[float64](&b, LoadTxtOptions{NDMin: v.NDim()})
		if err != nil || w.Size() != v.Size() {
			t.Fatalf("round trip: %v, %v vs %v", err, w.Shape(), v.Shape())
		}
	})
}

// panicsWith checks that f panics with an error wrapping want.
func panicsWith(t *testing.T, want error, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		e, ok := recover().(error)
		require.True(t, ok, "no error panic")
		assert.ErrorIs(t, e, want)
	}()
	f()
}

func TestOptionPanics(t *testing.T) {
	in := func() io.Reader { return strings.NewReader("1 2\n") }
	v := ndview.Must(ndview.FromSlice([]float64{1, 2, 3, 4}, 2, 2))
	for name, f := range map[string]func(){
		"SkipRows":         func() { LoadTxt[float64](in(), LoadTxtOptions{SkipRows: -1}) },
		"MaxRows":          func() { LoadTxt[float64](in(), LoadTxtOptions{MaxRows: -1}) },
		"NDMin":            func() { LoadTxt[float64](in(), LoadTxtOptions{NDMin: 3}) },
		"Delimiter":        func() { LoadTxt[float64](in(), LoadTxtOptions{Delimiter: "\n"}) },
		"Comments":         func() { LoadTxt[float64](in(), LoadTxtOptions{Comments: []string{""}}) },
		"QuoteChar":        func() { LoadTxt[float64](in(), LoadTxtOptions{Delimiter: ",", QuoteChar: ','}) },
		"SkipHeader":       func() { GenFromTxt[float64](in(), GenFromTxtOptions[float64]{SkipHeader: -1}) },
		"FillingValues":    func() { GenFromTxt[float64](in(), GenFromTxtOptions[float64]{FillingValues: []float64{1, 2, 3}}) },
		"save 3-D":         func() { SaveTxt(io.Discard, ndview.Zeros[float64](1, 1, 1), SaveTxtOptions{}) },
		"save 0-D":         func() { SaveTxt(io.Discard, ndview.Must(v.Index("0, 0")), SaveTxtOptions{}) },
		"save bad fmt":     func() { SaveTxt(io.Discard, v, SaveTxtOptions{Fmt: []string{"%q"}}) },
		"save fmt count":   func() { SaveTxt(io.Discard, v, SaveTxtOptions{Fmt: []string{"%d", "%d", "%d"}}) },
		"save whole count": func() { SaveTxt(io.Discard, v, SaveTxtOptions{Fmt: []string{"%d %d %d"}}) },
	} {
		t.Run(name, func(t *testing.T) { panicsWith(t, ndview.ErrShape, f) })
	}
	type named float64
	panicsWith(t, ndview.ErrType, func() { LoadTxt[named](in(), LoadTxtOptions{}) })
}

// TestSaveTxtErrorWritesNothing: %d of NaN is refused before any byte is
// written.
func TestSaveTxtErrorWritesNothing(t *testing.T) {
	v := ndview.Must(ndview.FromSlice([]float64{1, 2, 3, math.NaN()}, 2, 2))
	var b bytes.Buffer
	err := SaveTxt(&b, v, SaveTxtOptions{Fmt: []string{"%d"}, Header: "h"})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, ErrParse)
	assert.Contains(t, err.Error(), "row 1, column 1")
	assert.Zero(t, b.Len())
}

type failing struct{ n int }

func (f *failing) Read(p []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk on fire")
	}
	f.n--
	return copy(p, "1 2\n"), nil
}

func (f *failing) Write(p []byte) (int, error) { return 0, errors.New("disk on fire") }

func TestIOErrors(t *testing.T) {
	_, err := LoadTxt[float64](&failing{n: 2}, LoadTxtOptions{})
	assert.ErrorContains(t, err, "disk on fire")
	_, err = GenFromTxt[float64](&failing{n: 2}, GenFromTxtOptions[float64]{})
	assert.ErrorContains(t, err, "disk on fire")
	err = SaveTxt(&failing{}, ndview.Zeros[float64](2), SaveTxtOptions{})
	assert.ErrorContains(t, err, "disk on fire")
	_, err = LoadTxtFile[float64](filepath.Join(t.TempDir(), "absent.txt"), LoadTxtOptions{})
	assert.ErrorIs(t, err, os.ErrNotExist)
}

func TestLoadTxtFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.csv")
	require.NoError(t, os.WriteFile(path, []byte("a,b\n1,2\n3,4\n"), 0o600))
	v, err := LoadTxtFile[int](path, LoadTxtOptions{Delimiter: ",", SkipRows: 1})
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3, 4}, v.ToSlice())
}

// TestUnpackIsView: Unpack is the transpose of the loaded array, a view:
// F-contiguous, and writing through it changes what the other layout sees.
func TestUnpackIsView(t *testing.T) {
	v, err := LoadTxt[float64](strings.NewReader("1 2 3\n4 5 6\n"), LoadTxtOptions{Unpack: true})
	require.NoError(t, err)
	assert.Equal(t, []int{3, 2}, v.Shape())
	assert.True(t, v.IsFContiguous())
	rows := v.T()
	v.Set(40, 0, 1)
	assert.Equal(t, 40.0, rows.At(1, 0))
}

// TestMultiCharDelimiter: NumPy 1.24 takes one character; ndkit any
// string without a line break.
func TestMultiCharDelimiter(t *testing.T) {
	v, err := LoadTxt[int](strings.NewReader("1::2::3\n4::5::6\n"), LoadTxtOptions{Delimiter: "::"})
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6}, v.ToSlice())
}

// TestLoadTxtAllocs: allocations do not grow with the number of lines.
func TestLoadTxtAllocs(t *testing.T) {
	small := strings.Repeat("1.5,2,3\n", 100)
	large := strings.Repeat("1.5,2,nan\n", 10_000)
	count := func(s string) float64 {
		return testing.AllocsPerRun(5, func() {
			if _, err := LoadTxt[float64](strings.NewReader(s), LoadTxtOptions{Delimiter: ","}); err != nil {
				t.Fatal(err)
			}
		})
	}
	a, b := count(small), count(large)
	assert.Less(t, b, a+40, "allocs %v for 100 lines, %v for 10000", a, b)
}
