package ndview

// Fuzz targets for memory safety: Wrap accepts exactly the layouts whose
// every reachable element lies inside the data (and whose arithmetic fits
// in int), and Index never panics and returns only views that keep the
// bounds invariant and agree with NumPy's rules.

import (
	"encoding/binary"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// decodeLayout reads (extent, stride) pairs of signed varints from raw, at
// most 70 of them so that ranks above MaxRank are tried; with dropStride the
// last stride is left out.
func decodeLayout(raw []byte, dropStride bool) (shape, strides []int) {
	shape, strides = []int{}, []int{}
	for len(shape) < 70 {
		e, n := binary.Varint(raw)
		if n <= 0 {
			break
		}
		s, m := binary.Varint(raw[n:])
		if m <= 0 {
			break
		}
		raw = raw[n+m:]
		shape = append(shape, int(e))
		strides = append(strides, int(s))
	}
	if dropStride && len(strides) > 0 {
		strides = strides[:len(strides)-1]
	}
	return shape, strides
}

// wrapValid decides, in exact arithmetic, whether Wrap must accept the
// layout over n elements of itemSize bytes (semantics.md L4, L5).
func wrapValid(n, off int, shape, strides []int, itemSize int) bool {
	if len(shape) != len(strides) || len(shape) > MaxRank {
		return false
	}
	maxI, minI := big.NewInt(math.MaxInt), big.NewInt(math.MinInt)
	fitsSym := func(z *big.Int) bool { // |z| <= MaxInt
		return z.CmpAbs(maxI) <= 0
	}
	bytes := big.NewInt(int64(max(itemSize, 1)))
	empty := false
	for _, e := range shape {
		if e < 0 {
			return false
		}
		if e == 0 {
			empty = true
			continue
		}
		bytes.Mul(bytes, big.NewInt(int64(e)))
	}
	if !fitsSym(bytes) {
		return false
	}
	lo, hi := big.NewInt(int64(off)), big.NewInt(int64(off))
	for k, e := range shape {
		s := big.NewInt(int64(strides[k]))
		if !fitsSym(new(big.Int).Mul(s, big.NewInt(int64(max(itemSize, 1))))) {
			return false
		}
		d := new(big.Int).Mul(s, big.NewInt(int64(max(e-1, 0))))
		if !fitsSym(d) {
			return false
		}
		if d.Sign() < 0 {
			lo.Add(lo, d)
		} else {
			hi.Add(hi, d)
		}
	}
	if lo.Cmp(minI) < 0 || hi.Cmp(maxI) > 0 {
		return false
	}
	if empty {
		return off >= 0 && off <= n
	}
	return lo.Sign() >= 0 && hi.Cmp(big.NewInt(int64(n))) < 0
}

// fuzzWrapCheck runs Wrap on arange data of n elements of T and checks it
// against wrapValid and, when accepted, against the elements it reaches.
func fuzzWrapCheck[T int8 | int64](t *testing.T, n, off int, shape, strides []int) {
	data := make([]T, n)
	for i := range data {
		data[i] = T(i)
	}
	itemSize := 1
	if _, ok := any(data).([]int64); ok {
		itemSize = 8
	}
	valid := wrapValid(n, off, shape, strides, itemSize)
	v, err := Wrap(data, off, shape, strides)
	if err != nil {
		var e *Error
		require.True(t, errors.As(err, &e), "Wrap error %T is not an *Error", err)
		require.True(t, errors.Is(err, ErrShape) || errors.Is(err, ErrOverflow) || errors.Is(err, ErrBounds), "Wrap error %v", err)
		require.False(t, valid, "Wrap(%d, %d, %v, %v) refused a valid layout: %v", n, off, shape, strides, err)
		return
	}
	require.True(t, valid, "Wrap(%d, %d, %v, %v) accepted an invalid layout", n, off, shape, strides)
	require.Equal(t, shape, v.Shape())
	require.Equal(t, strides, v.Strides())
	require.Equal(t, off, v.Offset())
	size := shapeProduct(shape) // fits: the byte size was checked
	if size == 0 {
		return
	}
	check := func(idx []int) {
		p := refOffset(off, strides, idx)
		require.True(t, p >= 0 && p < n, "Wrap(%d, %d, %v, %v) reaches data[%d] at %v", n, off, shape, strides, p, idx)
		require.Equal(t, T(p), v.At(idx...))
	}
	if size <= 4096 {
		seen := make(map[int]bool, size)
		overlap := false
		forEachIndex(shape, func(idx []int) {
			check(idx)
			p := refOffset(off, strides, idx)
			overlap = overlap || seen[p]
			seen[p] = true
		})
		if overlap {
			require.True(t, v.ReadOnly(), "Wrap(%d, %d, %v, %v) reaches one element twice but is writable", n, off, shape, strides)
		}
		return
	}
	// Too many to enumerate: the offsets are affine in the index, so the
	// corners bound them all.
	var axes []int
	for k, e := range shape {
		if e > 1 {
			axes = append(axes, k)
			if strides[k] == 0 {
				require.True(t, v.ReadOnly(), "zero stride on an axis of extent %d must be read-only", e)
			}
		}
	}
	if len(axes) > 12 {
		axes = axes[:12]
	}
	idx := make([]int, len(shape))
	for mask := 0; mask < 1<<len(axes); mask++ {
		for j, k := range axes {
			idx[k] = 0
			if mask&(1<<j) != 0 {
				idx[k] = shape[k] - 1
			}
		}
		check(idx)
	}
}

// varints encodes (extent, stride) pairs for the seeds.
func varints(pairs ...int) []byte {
	var b []byte
	for _, x := range pairs {
		b = binary.AppendVarint(b, int64(x))
	}
	return b
}

func FuzzWrap(f *testing.F) {
	f.Add(uint8(12), 8, uint8(0), varints(3, -4, 4, 1))          // L4's example
	f.Add(uint8(12), 7, uint8(0), varints(3, -4, 4, 1))          // off 7: lo is -1
	f.Add(uint8(12), 0, uint8(1), varints(0, 1, 1<<62, 1))       // float64-like (0, 2**62)
	f.Add(uint8(12), 0, uint8(0), varints(3, math.MaxInt))       // huge stride
	f.Add(uint8(12), math.MaxInt, uint8(0), varints(2, 1))       // MaxInt offset
	f.Add(uint8(12), math.MinInt, uint8(0), varints(2, -1))      // MinInt offset
	f.Add(uint8(1), 0, uint8(0), varints(math.MaxInt, 0))        // huge stride-0 view of one byte
	f.Add(uint8(1), 0, uint8(1), varints(math.MaxInt, 0))        // the same with 8-byte items
	f.Add(uint8(6), 0, uint8(0), varints(4, 1, 3, 1))            // overlapping windows
	f.Add(uint8(12), 12, uint8(0), varints(0, 1))                // empty at len
	f.Add(uint8(12), 13, uint8(0), varints(0, 1))                // empty past len
	f.Add(uint8(12), 0, uint8(2), varints(3, 4, 4, 1))           // stride count mismatch
	f.Add(uint8(12), 0, uint8(0), varints(-1, 1))                // negative extent
	f.Add(uint8(5), 2, uint8(0), []byte{})                       // 0-d
	f.Add(uint8(12), 0, uint8(0), varints(0, math.MaxInt, 3, 1)) // empty, product overflows
	f.Add(uint8(3), 1, uint8(1), varints(1, math.MinInt, 1, math.MaxInt))
	f.Add(uint8(40), 3, uint8(1), varints(2, 12, 2, -6, 3, 2, 1, 1<<40, 2, 0))
	f.Fuzz(func(t *testing.T, n uint8, off int, elem uint8, raw []byte) {
		shape, strides := decodeLayout(raw, elem&2 != 0)
		if elem&1 == 0 {
			fuzzWrapCheck[int8](t, int(n%64), off, shape, strides)
		} else {
			fuzzWrapCheck[int64](t, int(n%64), off, shape, strides)
		}
	})
}

// refAtoi parses an optionally signed decimal integer. One that does not
// fit in int saturates to math.MaxInt or math.MinInt, with fits false.
func refAtoi(s string) (n int, fits, ok bool) {
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false, false
	}
	var u uint64
	over := false
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, false, false
		}
		if over || u > (1<<63)/10 {
			over = true
			continue
		}
		u = u*10 + uint64(c-'0')
		over = u > 1<<63
	}
	switch {
	case neg && over:
		return math.MinInt, false, true
	case neg:
		return int(-u), true, true
	case over || u == 1<<63:
		return math.MaxInt, false, true
	}
	return int(u), true, true
}

// refParse parses an index string by the documented grammar: items
// separated by commas (one trailing comma allowed), each an integer,
// start:stop:step with optional parts, "...", "None", "newaxis" or
// "np.newaxis", with whitespace around items and parts ignored.
func refParse(expr string) ([]pyItem, bool) {
	trim := func(s string) string { return strings.TrimFunc(s, unicode.IsSpace) }
	if trim(expr) == "" {
		return nil, true
	}
	parts := strings.Split(expr, ",")
	if len(parts) > 1 && trim(parts[len(parts)-1]) == "" {
		parts = parts[:len(parts)-1]
	}
	var items []pyItem
	for _, p := range parts {
		p = trim(p)
		switch p {
		case "...":
			items = append(items, pyItem{kind: kindEllipsis})
			continue
		case "None", "newaxis", "np.newaxis":
			items = append(items, pyItem{kind: kindNewAxis})
			continue
		}
		fields := strings.Split(p, ":")
		if len(fields) == 1 {
			i, fits, ok := refAtoi(p)
			if !ok || !fits { // an integer index must fit (semantics.md E9)
				return nil, false
			}
			items = append(items, pyItem{kind: kindInt, i: i})
			continue
		}
		if len(fields) > 3 {
			return nil, false
		}
		it := pyItem{kind: kindSlice}
		for k, fl := range fields {
			fl = trim(fl)
			if fl == "" {
				continue
			}
			// Bounds that do not fit are clamped; a step below -MaxInt
			// is -MaxInt, as in Python (semantics.md E9).
			x, fits, ok := refAtoi(fl)
			if !ok || (k == 2 && x == 0) {
				return nil, false
			}
			if k == 2 && !fits && x < 0 {
				x = -math.MaxInt
			}
			switch k {
			case 0:
				it.start = &x
			case 1:
				it.stop = &x
			case 2:
				it.step = &x
			}
		}
		items = append(items, it)
	}
	return items, true
}

func FuzzIndex(f *testing.F) {
	for i, expr := range []string{
		"", "...", "1:5, ::-1, ..., newaxis", "::-1", "-3::-3", "8:-20:-1", "100:0:-4", ":-11:-1",
		"-11::-1", "1::-1", "0:10:100", "-100:100", "3:1", "...,1", ":,None,::2", "None,...,None",
		"1,...,2", "::-1,::-2,::-3", ":,5:", "1,2,3", "0,", "a", "1:2:3:4", "::0", "...,...",
		"0,0,0,0", "99999999999999999999", "-9223372036854775808", ":: -9223372036854775808",
		":100000000000000000000", "-100000000000000000000::-1", "::-100000000000000000000",
		" 1 : , np.newaxis ,\t- 1", "+1", "1,,2", ",", strings.Repeat("None,", 70),
	} {
		f.Add(uint8(i), expr)
	}
	f.Fuzz(func(t *testing.T, sel uint8, expr string) {
		l := layouts[int(sel)%len(layouts)]
		data := arange(l.n)
		v := l.mk
		var lv NDView[int]
		if v != nil {
			lv = v(data)
		} else {
			var err error
			lv, err = Wrap(data, l.off, l.shape, l.strides)
			require.NoError(t, err)
		}
		x, err := lv.Index(expr) // must not panic
		b := &base{data: data, off: l.off, shape: l.shape, strides: l.strides, v: lv}
		items, parsed := refParse(expr)
		if !parsed {
			require.Error(t, err, "Index(%q) accepted what the grammar refuses", expr)
			require.ErrorIs(t, err, ErrIndex)
			return
		}
		want, werr := refIndex(b.root(), items)
		if werr != nil {
			require.Error(t, err, "Index(%q) on %v accepted; want %v", expr, l.shape, werr)
			require.ErrorIs(t, err, werr, "Index(%q) on %v", expr, l.shape)
			var e *Error
			require.True(t, errors.As(err, &e))
			return
		}
		require.NoError(t, err, "Index(%q) on %v", expr, l.shape)
		checkBounds(t, x, len(data))
		if want.size() <= 4096 {
			checkRef(t, "Index("+expr+")", b, x, want)
		}
	})
}
