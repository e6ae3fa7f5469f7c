package safetensors

// The header: the length prefix, a JSON parser for exactly what the format
// allows, and the checks of the official implementation (semantics.md
// SF5-SF7). The parser is written out rather than built on encoding/json:
// the format's rules (duplicate names, integers that are not floats, UTF-8,
// whitespace only after the object) need a parser that sees every token,
// and a header of thousands of tensors parses in a fraction of the time.

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// MaxHeaderSize is the largest header the official implementation reads,
// in bytes; a longer one is refused (ErrHeader).
const MaxHeaderSize = 100_000_000

// maxDepth bounds the nesting of JSON values, as serde_json's recursion
// limit does.
const maxDepth = 128

// TensorInfo describes one tensor of a file.
type TensorInfo struct {
	Name  string
	Dtype Dtype
	Shape []int
	// Begin and End are the tensor's byte range in the data section (the
	// header's data_offsets): the bytes from DataOffset()+Begin to
	// DataOffset()+End of the file.
	Begin, End int64
}

// header is a parsed and validated header.
type header struct {
	n       int64             // the header's length in bytes
	meta    map[string]string // nil when the file has no __metadata__
	infos   []TensorInfo      // in the order of their byte ranges
	index   map[string]int    // name to position in infos
	dataLen int64             // the data section's length
}

// headerLength reads the length prefix of a file of size bytes whose first
// bytes are prefix (at most 8 of them), and checks it as the official
// implementation does.
func headerLength(op string, prefix []byte, size int64) (int64, error) {
	if len(prefix) < 8 || size < 8 {
		return 0, errorf(op, ErrHeader, "the file holds %d bytes, fewer than the 8 of the header length", size)
	}
	n := binary.LittleEndian.Uint64(prefix)
	if n > MaxHeaderSize {
		return 0, errorf(op, ErrHeader, "header length %d is above the limit of %d bytes", n, MaxHeaderSize)
	}
	if int64(n) > size-8 {
		return 0, errorf(op, ErrHeader, "header length %d runs past the end of the file (%d bytes after the length)", n, size-8)
	}
	return int64(n), nil
}

// parseHeader parses and checks the header text hb of a file of size bytes.
func parseHeader(op string, hb []byte, size int64) (*header, error) {
	if !utf8.Valid(hb) {
		return nil, errorf(op, ErrHeader, "the header is not valid UTF-8")
	}
	p := &jparser{op: op, b: hb}
	h := &header{n: int64(len(hb)), index: make(map[string]int)}
	more, err := p.open('{', 0)
	for ; more && err == nil; more, err = p.next('}', err) {
		var key []byte
		if key, err = p.key(); err != nil {
			break
		}
		if string(key) == "__metadata__" {
			if h.meta != nil {
				return nil, p.fail("duplicate key \"__metadata__\"")
			}
			err = p.metadata(h)
			continue
		}
		name := string(key)
		if _, dup := h.index[name]; dup {
			return nil, p.fail("duplicate tensor name %q", name)
		}
		var info TensorInfo
		if info, err = p.tensorInfo(name); err == nil {
			h.index[name] = len(h.infos)
			h.infos = append(h.infos, info)
		}
	}
	if err != nil {
		return nil, err
	}
	if p.ws(); p.i != len(p.b) {
		return nil, p.fail("trailing characters after the header object")
	}
	if err := h.validate(op, size); err != nil {
		return nil, err
	}
	return h, nil
}

// validate sorts the tensors by their byte ranges and checks them as the
// official implementation does: the ranges tile the data section from 0
// without gaps or overlaps, each holds exactly its shape's bytes, and the
// last ends at the end of the file.
func (h *header) validate(op string, size int64) error {
	slices.SortStableFunc(h.infos, func(a, b TensorInfo) int {
		if a.Begin != b.Begin {
			return cmpInt(a.Begin, b.Begin)
		}
		return cmpInt(a.End, b.End)
	})
	var start int64
	for i := range h.infos {
		t := &h.infos[i]
		h.index[t.Name] = i
		if t.Begin != start || t.End < t.Begin {
			what := "overlaps the tensor before it"
			switch {
			case t.End < t.Begin:
				what = "ends before it begins"
			case t.Begin > start:
				what = "leaves a hole after the tensor before it"
			}
			return errorf(op, ErrHeader, "tensor %q: data_offsets [%d, %d] %s (the next tensor must begin at %d)",
				t.Name, t.Begin, t.End, what, start)
		}
		start = t.End
		nbytes, ok := t.nbytes()
		if !ok {
			return errorf(op, ErrHeader, "tensor %q: shape %v of %s overflows", t.Name, t.Shape, t.Dtype)
		}
		if nbytes < 0 {
			return errorf(op, ErrHeader, "tensor %q: shape %v of %s (%d bits each) is not a whole number of bytes", t.Name, t.Shape, t.Dtype, t.Dtype.Bits())
		}
		if t.End-t.Begin != nbytes {
			return errorf(op, ErrHeader, "tensor %q: shape %v of %s needs %d bytes but data_offsets [%d, %d] hold %d",
				t.Name, t.Shape, t.Dtype, nbytes, t.Begin, t.End, t.End-t.Begin)
		}
	}
	h.dataLen = start
	if 8+h.n+start != size {
		return errorf(op, ErrHeader, "the tensors' data ends at byte %d of the file, which holds %d bytes: the data must fill the file exactly", 8+h.n+start, size)
	}
	return nil
}

// cmpInt compares a and b.
func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// nbytes returns the size of t's data in bytes, false when it overflows,
// or -1 when the bits do not make whole bytes.
func (t *TensorInfo) nbytes() (int64, bool) {
	n := int64(1)
	for _, e := range t.Shape {
		if e != 0 && n > math.MaxInt64/int64(e) {
			return 0, false
		}
		n *= int64(e)
	}
	bits := int64(t.Dtype.Bits())
	if bits == 0 || n > math.MaxInt64/bits {
		return 0, false
	}
	if n*bits%8 != 0 {
		return -1, true
	}
	return n * bits / 8, true
}

// jparser parses the JSON of a header.
type jparser struct {
	op string
	b  []byte
	i  int
}

// fail returns an ErrHeader error naming the byte offset of the parser.
func (p *jparser) fail(format string, args ...any) error {
	return errorf(p.op, ErrHeader, "invalid header JSON at byte %d: %s", p.i, fmt.Sprintf(format, args...))
}

// ws skips white space.
func (p *jparser) ws() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// eat skips white space and then c, reporting whether c was there.
func (p *jparser) eat(c byte) bool {
	p.ws()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// open skips white space and the opening c ('{' or '['), at nesting depth,
// and reports whether a member or element follows (false for an empty
// object or array, whose closing character it consumes).
func (p *jparser) open(c byte, depth int) (bool, error) {
	if depth >= maxDepth {
		return false, p.fail("values nested more than %d deep", maxDepth)
	}
	if !p.eat(c) {
		if c == '{' {
			return false, p.fail("want an object")
		}
		return false, p.fail("want an array")
	}
	return !p.eat(c + 2), nil // '}' is '{'+2, ']' is '['+2
}

// next consumes what follows a member or element: ',' (another follows,
// true) or the closing character (false). It does nothing and returns
// false and err when err, the error of the member or element, is not nil:
// loops call it as their post statement.
func (p *jparser) next(closing byte, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	if p.eat(closing) {
		return false, nil
	}
	if !p.eat(',') {
		return false, p.fail("want ',' or '%c'", closing)
	}
	return true, nil
}

// key parses a member's key and the ':' after it. The bytes are the
// parser's own when the key has no escapes: copy them to keep them.
func (p *jparser) key() ([]byte, error) {
	k, err := p.strBytes()
	if err == nil && !p.eat(':') {
		err = p.fail("want ':' after a key")
	}
	return k, err
}

// str parses a string at the parser's position (after white space).
func (p *jparser) str() (string, error) {
	b, err := p.strBytes()
	return string(b), err
}

// strBytes parses a string at the parser's position (after white space)
// and returns its bytes: the parser's own when it has no escapes.
func (p *jparser) strBytes() ([]byte, error) {
	p.ws()
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return nil, p.fail("want a string")
	}
	p.i++
	start := p.i
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			return p.b[start : p.i-1], nil
		case c == '\\':
			return p.escaped(start)
		case c < 0x20:
			return nil, p.fail("control character %#02x in a string", c)
		}
		p.i++
	}
	return nil, p.fail("unterminated string")
}

// escaped finishes a string that began at start and has an escape at the
// parser's position.
func (p *jparser) escaped(start int) ([]byte, error) {
	out := append([]byte(nil), p.b[start:p.i]...)
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			p.i++
			return out, nil
		case c < 0x20:
			return nil, p.fail("control character %#02x in a string", c)
		case c != '\\':
			out = append(out, c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.b) {
			break
		}
		e := p.b[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, err := p.hex4()
			if err != nil {
				return nil, err
			}
			switch {
			case r >= 0xdc00 && r <= 0xdfff:
				return nil, p.fail("lone low surrogate \\u%04x", r)
			case r >= 0xd800 && r <= 0xdbff:
				if p.i+1 >= len(p.b) || p.b[p.i] != '\\' || p.b[p.i+1] != 'u' {
					return nil, p.fail("lone high surrogate \\u%04x", r)
				}
				p.i += 2
				lo, err := p.hex4()
				if err != nil {
					return nil, err
				}
				if lo < 0xdc00 || lo > 0xdfff {
					return nil, p.fail("high surrogate \\u%04x followed by \\u%04x", r, lo)
				}
				r = 0x10000 + (r-0xd800)<<10 + (lo - 0xdc00)
			}
			out = utf8.AppendRune(out, r)
		default:
			return nil, p.fail("invalid escape \\%c", e)
		}
	}
	return nil, p.fail("unterminated string")
}

// hex4 parses the 4 hex digits of a \u escape.
func (p *jparser) hex4() (rune, error) {
	if p.i+4 > len(p.b) {
		return 0, p.fail("short \\u escape")
	}
	var r rune
	for _, c := range p.b[p.i : p.i+4] {
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, p.fail("invalid \\u escape")
		}
		r = r<<4 | rune(d)
	}
	p.i += 4
	return r, nil
}

// number scans a JSON number and returns its text and whether it is an
// integer (no fraction, no exponent).
func (p *jparser) number() ([]byte, bool, error) {
	p.ws()
	start := p.i
	digits := func() int {
		n := 0
		for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.i < len(p.b) && p.b[p.i] == '-' {
		p.i++
	}
	first := p.i
	if digits() == 0 {
		return nil, false, p.fail("want a value")
	}
	if p.b[first] == '0' && p.i-first > 1 {
		return nil, false, p.fail("number with a leading zero")
	}
	integer := true
	if p.i < len(p.b) && p.b[p.i] == '.' {
		p.i++
		integer = false
		if digits() == 0 {
			return nil, false, p.fail("want digits after '.'")
		}
	}
	if p.i < len(p.b) && (p.b[p.i] == 'e' || p.b[p.i] == 'E') {
		p.i++
		integer = false
		if p.i < len(p.b) && (p.b[p.i] == '+' || p.b[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, false, p.fail("want digits in the exponent")
		}
	}
	return p.b[start:p.i], integer, nil
}

// uint parses a non-negative integer that fits an int64, as the
// official implementation's usize fields want (a float such as 2.0 or
// 1e3 is refused, as serde refuses it).
func (p *jparser) uint(what string) (int64, error) {
	text, integer, err := p.number()
	if err != nil {
		return 0, err
	}
	if !integer || text[0] == '-' {
		return 0, p.fail("%s %s: want a non-negative integer", what, text)
	}
	n, err := strconv.ParseInt(string(text), 10, 64)
	if err != nil {
		return 0, p.fail("%s %s is too large", what, text)
	}
	return n, nil
}

// skip parses and discards any value at nesting depth.
func (p *jparser) skip(depth int) error {
	p.ws()
	if p.i >= len(p.b) {
		return p.fail("want a value")
	}
	switch c := p.b[p.i]; c {
	case '{', '[':
		more, err := p.open(c, depth+1)
		for ; more && err == nil; more, err = p.next(c+2, err) {
			if c == '{' {
				if _, err = p.key(); err != nil {
					break
				}
			}
			err = p.skip(depth + 1)
		}
		return err
	case '"':
		_, err := p.str()
		return err
	case 't', 'f', 'n':
		for _, lit := range [...]string{"true", "false", "null"} {
			if len(p.b)-p.i >= len(lit) && string(p.b[p.i:p.i+len(lit)]) == lit {
				p.i += len(lit)
				return nil
			}
		}
		return p.fail("invalid literal")
	}
	_, _, err := p.number()
	return err
}

// null skips a null, reporting whether there was one.
func (p *jparser) null() bool {
	p.ws()
	if len(p.b)-p.i >= 4 && string(p.b[p.i:p.i+4]) == "null" {
		p.i += 4
		return true
	}
	return false
}

// metadata parses the value of "__metadata__": null, or an object of
// strings.
func (p *jparser) metadata(h *header) error {
	h.meta = map[string]string{}
	if p.null() {
		return nil
	}
	more, err := p.open('{', 1)
	for ; more && err == nil; more, err = p.next('}', err) {
		var k []byte
		if k, err = p.key(); err != nil {
			break
		}
		key := string(k)
		if _, dup := h.meta[key]; dup {
			return p.fail("duplicate __metadata__ key %q", key)
		}
		v, err := p.str()
		if err != nil {
			return p.fail("__metadata__ %q: values must be strings", key)
		}
		h.meta[key] = v
	}
	return err
}

// tensorInfo parses the entry of tensor name: an object with dtype, shape
// and data_offsets (other keys are ignored, as the official implementation
// ignores them; a key given twice is refused, as it refuses it).
func (p *jparser) tensorInfo(name string) (TensorInfo, error) {
	t := TensorInfo{Name: name}
	var seen [3]bool
	more, err := p.open('{', 1)
	for ; more && err == nil; more, err = p.next('}', err) {
		var key []byte
		if key, err = p.key(); err != nil {
			break
		}
		field := -1
		switch string(key) {
		case "dtype":
			field = 0
		case "shape":
			field = 1
		case "data_offsets":
			field = 2
		default:
			err = p.skip(1)
			continue
		}
		if seen[field] {
			return t, p.fail("tensor %q: duplicate field %s", name, key)
		}
		seen[field] = true
		switch field {
		case 0:
			t.Dtype, err = p.dtype(name)
		case 1:
			t.Shape, err = p.ints(name, "extent", -1, make([]int, 0, 4))
		case 2:
			var buf [2]int
			var o []int
			if o, err = p.ints(name, "offset", 2, buf[:0]); err == nil {
				t.Begin, t.End = int64(o[0]), int64(o[1])
			}
		}
	}
	if err != nil {
		return t, err
	}
	for i, f := range [...]string{"dtype", "shape", "data_offsets"} {
		if !seen[i] {
			return t, p.fail("tensor %q: missing field %s", name, f)
		}
	}
	return t, nil
}

// dtype parses the dtype of tensor name.
func (p *jparser) dtype(name string) (Dtype, error) {
	b, err := p.strBytes()
	if err != nil {
		return "", err
	}
	for i := range dtypes {
		if string(b) == string(dtypes[i].name) {
			return dtypes[i].name, nil
		}
	}
	return "", p.fail("tensor %q: unknown dtype %q", name, b)
}

// ints parses an array of non-negative integers that fit an int, of
// length n (any length for n < 0), for tensor name, appending them to out.
func (p *jparser) ints(name, what string, n int, out []int) ([]int, error) {
	more, err := p.open('[', 2)
	for ; more && err == nil; more, err = p.next(']', err) {
		var x int64
		if x, err = p.uint(what); err != nil {
			break
		}
		if x > math.MaxInt {
			return nil, p.fail("tensor %q: %s %d does not fit an int", name, what, x)
		}
		if n >= 0 && len(out) == n {
			return nil, p.fail("tensor %q: data_offsets must hold %d offsets", name, n)
		}
		out = append(out, int(x))
	}
	if err == nil && n >= 0 && len(out) != n {
		err = p.fail("tensor %q: data_offsets must hold %d offsets", name, n)
	}
	return out, err
}
