package npy

// The .npy header: the magic string, the format version, the header length
// and a Python dict literal, padded so that the data starts at a multiple
// of 64 bytes. See NumPy's format specification (numpy.lib.format):
//
//	offset 0      "\x93NUMPY"
//	offset 6      major, minor version (1.0, 2.0 or 3.0)
//	offset 8      header length: 2 bytes (1.0) or 4 bytes (2.0, 3.0),
//	              little-endian
//	offset 10/12  the header: "{'descr': '<f8', 'fortran_order': False,
//	              'shape': (2, 3), }", spaces, and a final '\n', so that the
//	              data offset is a multiple of 64
//
// Rules kept by the reader:
//  1. Nothing is allocated in proportion to a length field before the bytes
//     have arrived: the header is read in bounded steps, and its length is
//     checked against what is left of the input when that is known.
//  2. The dict must hold exactly the keys 'descr', 'fortran_order' and
//     'shape' (in any order); 'descr' a supported dtype string,
//     'fortran_order' True or False, 'shape' a tuple of non-negative ints.
//  3. The element count times the item size must fit in int.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"math/bits"
	"strconv"

	"github.com/ndkit/ndkit/ndview"
)

// magic is the prefix of every .npy file.
const magic = "\x93NUMPY"

// Layout constants of the format.
const (
	prefixLen  = len(magic) + 2 // magic and version bytes
	arrayAlign = 64             // the data offset is a multiple of this
	// growthDigits is the number of digits NumPy reserves in the header
	// for the growth axis (the first axis, or the last in Fortran order),
	// so that a file can be extended in place: len(str(8*2**64-1)).
	growthDigits = 21
	// MaxHeaderLen is the largest header length ReadHeader accepts. The
	// headers of the dtypes this package reads need a few hundred bytes
	// at most (NumPy itself refuses headers above 10000 bytes by default).
	MaxHeaderLen = 1 << 20
)

// Version is a .npy format version: 1.0, 2.0 or 3.0. Version 2.0 widens
// the header length field from 2 to 4 bytes; 3.0 also allows UTF-8 in the
// header. The zero Version asks WriteHeader for the lowest version that can
// hold the header, as NumPy does.
type Version struct{ Major, Minor uint8 }

// The format versions this package reads and writes.
var (
	Version1 = Version{1, 0}
	Version2 = Version{2, 0}
	Version3 = Version{3, 0}
)

// String returns the version as "1.0".
func (v Version) String() string {
	return strconv.Itoa(int(v.Major)) + "." + strconv.Itoa(int(v.Minor))
}

// lenSize returns the size in bytes of the header length field.
func (v Version) lenSize() int {
	if v.Major == 1 {
		return 2
	}
	return 4
}

// known reports whether v is 1.0, 2.0 or 3.0.
func (v Version) known() bool {
	return v.Minor == 0 && v.Major >= 1 && v.Major <= 3
}

// Header is the description of the array in a .npy file.
type Header struct {
	// Version is the format version of the file.
	Version Version
	// DType is the element type of the data.
	DType DType
	// FortranOrder reports whether the data is stored in Fortran
	// (column-major) order; otherwise it is in C (row-major) order.
	FortranOrder bool
	// Shape is the extent of each axis; empty for a 0-d array (one
	// element).
	Shape []int
	// DataOffset is the number of bytes from the start of the file (the
	// magic string) to the first byte of data: the size of the whole
	// header. ReadHeader sets it; WriteHeader ignores it.
	DataOffset int64
}

// Size returns the number of elements, the product of Shape (1 for a 0-d
// array). For a Header returned by ReadHeader it cannot overflow.
func (h Header) Size() int {
	n := 1
	for _, e := range h.Shape {
		n *= e
	}
	return n
}

// NBytes returns the size of the data in bytes, Size()·DType.Size.
func (h Header) NBytes() int { return h.Size() * h.DType.Size }

// ReadHeader reads the header of a .npy file from r and leaves r at the
// first byte of the data (it reads no further). It returns an error
// wrapping ErrFormat for input that is not a well-formed header (also
// wrapping io.EOF when r is empty, so that the end of a stream of arrays
// can be told apart, and io.ErrUnexpectedEOF when it is truncated), and
// ErrUnsupported for versions other than 1.0, 2.0 and 3.0 and for dtypes
// this package does not read (objects, structured, strings).
func ReadHeader(r io.Reader) (Header, error) {
	h, _, _, err := readHeader("ReadHeader", r)
	return h, err
}

// readHeader reads a header and returns it with the number of bytes left in
// r after it, when that is known (r has a Len method or is an io.Seeker).
func readHeader(op string, r io.Reader) (h Header, left int64, known bool, err error) {
	left, known, err = remaining(r)
	if err != nil {
		return Header{}, 0, false, wrapf(op, nil, err, "finding the input size")
	}
	var pre [prefixLen + 4]byte
	if n, err := io.ReadFull(r, pre[:prefixLen]); err != nil {
		if n == 0 && err == io.EOF {
			return Header{}, 0, false, wrapf(op, ErrFormat, io.EOF, "no data: input is empty")
		}
		return Header{}, 0, false, truncated(op, "magic string", err)
	}
	if string(pre[:len(magic)]) != magic {
		return Header{}, 0, false, errorf(op, ErrFormat, "not a .npy file: the magic string is %q, want %q", pre[:len(magic)], magic)
	}
	h.Version = Version{pre[6], pre[7]}
	if !h.Version.known() {
		return Header{}, 0, false, errorf(op, ErrUnsupported, "format version %s is not supported; supported: 1.0, 2.0 and 3.0", h.Version)
	}
	ls := h.Version.lenSize()
	if _, err := io.ReadFull(r, pre[prefixLen:prefixLen+ls]); err != nil {
		return Header{}, 0, false, truncated(op, "header length", err)
	}
	var hlen int64
	if ls == 2 {
		hlen = int64(binary.LittleEndian.Uint16(pre[prefixLen:]))
	} else {
		hlen = int64(binary.LittleEndian.Uint32(pre[prefixLen:]))
	}
	start := int64(prefixLen + ls)
	if known {
		left -= start
		if hlen > left {
			return Header{}, 0, false, errorf(op, ErrFormat, "header length %d is beyond the end of the input (%d bytes left after the length field)", hlen, left)
		}
		left -= hlen
	}
	if hlen > MaxHeaderLen {
		return Header{}, 0, false, errorf(op, ErrUnsupported, "header length %d exceeds the limit of %d bytes", hlen, MaxHeaderLen)
	}
	// Read the header as it arrives: a length field is not trusted with an
	// allocation of its size.
	var buf bytes.Buffer
	buf.Grow(int(min(hlen, 4096)))
	if n, err := io.CopyN(&buf, r, hlen); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return Header{}, 0, false, wrapf(op, ErrFormat, err, "header truncated after %d of %d bytes", n, hlen)
	}
	h.DataOffset = start + hlen
	if err := parseDict(op, buf.Bytes(), &h); err != nil {
		return Header{}, 0, false, err
	}
	return h, left, known, nil
}

// truncated returns the error for input that ends inside the named part.
func truncated(op, part string, err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return wrapf(op, ErrFormat, err, "input ends inside the %s", part)
	}
	return wrapf(op, nil, err, "reading the %s", part)
}

// remaining returns the number of bytes left in r when r can tell: readers
// with a Len method (bytes.Reader, bytes.Buffer, strings.Reader) and
// seekers (files, io.SectionReader). A seeker is left where it was.
func remaining(r io.Reader) (int64, bool, error) {
	switch r := r.(type) {
	case interface{ Len() int }:
		return int64(r.Len()), true, nil
	case io.Seeker:
		cur, err := r.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0, false, nil // not seekable after all, such as a pipe
		}
		end, err := r.Seek(0, io.SeekEnd)
		if err != nil {
			return 0, false, nil
		}
		if _, err := r.Seek(cur, io.SeekStart); err != nil {
			return 0, false, err
		}
		return max(end-cur, 0), true, nil
	}
	return 0, false, nil
}

// ---------------------------------------------------------------------------
// Parsing the header dict.
//
// The header is a Python literal. The parser accepts the subset NumPy and
// other writers produce: a dict whose keys are quoted strings and whose
// values are quoted strings (descr), True or False (fortran_order) and
// tuples of decimal ints (shape), with Python's whitespace and trailing
// commas. Python 2 long suffixes (3L) are accepted, as NumPy does for files
// of versions 1.0 and 2.0. Repeated keys keep the last value, as Python's
// dict does.

// parser walks a header dict.
type parser struct {
	op string
	s  []byte
	i  int
}

// isSpace reports whether c is Python whitespace.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// skip skips whitespace and reports whether input remains.
func (p *parser) skip() bool {
	for p.i < len(p.s) && isSpace(p.s[p.i]) {
		p.i++
	}
	return p.i < len(p.s)
}

// peek returns the next byte after whitespace, or 0 at the end.
func (p *parser) peek() byte {
	if !p.skip() {
		return 0
	}
	return p.s[p.i]
}

// accept consumes c if it is the next byte after whitespace.
func (p *parser) accept(c byte) bool {
	if p.peek() == c {
		p.i++
		return true
	}
	return false
}

// malformed returns an ErrFormat error describing where parsing stopped.
func (p *parser) malformed(what string) error {
	return errorf(p.op, ErrFormat, "malformed header: %s at byte %d of %q", what, p.i, clip(p.s, 200))
}

// clip returns at most n bytes of s, for messages.
func clip(s []byte, n int) []byte {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// str parses a quoted string without escapes.
func (p *parser) str() (string, error) {
	q := p.peek()
	if q != '\'' && q != '"' {
		return "", p.malformed("want a quoted string")
	}
	start := p.i + 1
	for j := start; j < len(p.s); j++ {
		switch p.s[j] {
		case q:
			p.i = j + 1
			return string(p.s[start:j]), nil
		case '\\', '\n':
			p.i = j
			return "", p.malformed("escape or newline inside a string")
		}
	}
	p.i = len(p.s)
	return "", p.malformed("unterminated string")
}

// word parses an identifier such as True or False.
func (p *parser) word() string {
	p.skip()
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c != '_' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			break
		}
		p.i++
	}
	return string(p.s[start:p.i])
}

// integer parses a Python int literal: an optional sign, decimal digits
// and an optional L suffix. It returns an error for values outside int.
func (p *parser) integer() (int, error) {
	p.skip()
	neg := false
	if p.i < len(p.s) && (p.s[p.i] == '-' || p.s[p.i] == '+') {
		neg = p.s[p.i] == '-'
		p.i++
		p.skip()
	}
	start := p.i
	n := 0
	overflow := false
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		d := int(p.s[p.i] - '0')
		if n > (math.MaxInt-d)/10 {
			overflow = true
		} else {
			n = 10*n + d
		}
		p.i++
	}
	if p.i == start {
		return 0, p.malformed("want an int")
	}
	if p.i < len(p.s) && (p.s[p.i] == 'L' || p.s[p.i] == 'l') {
		p.i++
	}
	if overflow {
		return 0, errorf(p.op, ErrFormat, "extent %s in the header overflows int", clip(p.s[start:p.i], 40))
	}
	if neg {
		n = -n
	}
	return n, nil
}

// shape parses a tuple of ints: (), (3,), (2, 3) or (2, 3,).
func (p *parser) shape() ([]int, error) {
	if !p.accept('(') {
		if c := p.peek(); c == '[' {
			return nil, p.malformed("shape is a list; want a tuple of ints")
		}
		return nil, p.malformed("shape must be a tuple of ints")
	}
	shape := []int{}
	for !p.accept(')') {
		if len(shape) == ndview.MaxRank {
			return nil, errorf(p.op, ErrFormat, "shape has more than %d axes, the maximum", ndview.MaxRank)
		}
		n, err := p.integer()
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, errorf(p.op, ErrFormat, "negative extent %d on axis %d of the shape; extents must be >= 0", n, len(shape))
		}
		shape = append(shape, n)
		if p.accept(',') {
			continue
		}
		if !p.accept(')') {
			return nil, p.malformed("want ',' or ')' in the shape")
		}
		if len(shape) == 1 {
			// (3) is the int 3 in Python, not a tuple.
			return nil, p.malformed("shape (n) is an int, not a tuple; a 1-d shape is written (n,)")
		}
		break
	}
	return shape, nil
}

// parseDict parses the header dict into h's DType, FortranOrder and Shape.
func parseDict(op string, s []byte, h *Header) error {
	p := &parser{op: op, s: s}
	if !p.accept('{') {
		return p.malformed("want '{'")
	}
	var descr string
	var seen [3]bool
	for !p.accept('}') {
		key, err := p.str()
		if err != nil {
			return err
		}
		if !p.accept(':') {
			return p.malformed("want ':' after a key")
		}
		switch key {
		case "descr":
			switch p.peek() {
			case '\'', '"':
			case '[':
				return errorf(op, ErrUnsupported, "structured dtypes (a list of fields in 'descr') are not supported; supported: %s", supportedList)
			case '(', '{':
				return errorf(op, ErrUnsupported, "sub-array and dict dtypes in 'descr' are not supported; supported: %s", supportedList)
			default:
				return p.malformed("'descr' must be a dtype string")
			}
			if descr, err = p.str(); err != nil {
				return err
			}
			seen[0] = true
		case "fortran_order":
			switch p.word() {
			case "True":
				h.FortranOrder = true
			case "False":
				h.FortranOrder = false
			default:
				return p.malformed("'fortran_order' must be True or False")
			}
			seen[1] = true
		case "shape":
			if h.Shape, err = p.shape(); err != nil {
				return err
			}
			seen[2] = true
		default:
			return errorf(op, ErrFormat, "malformed header: unexpected key %q; the header holds exactly 'descr', 'fortran_order' and 'shape'", clip([]byte(key), 40))
		}
		if p.accept(',') {
			continue
		}
		if !p.accept('}') {
			return p.malformed("want ',' or '}'")
		}
		break
	}
	if p.skip() {
		return p.malformed("unexpected bytes after the dict")
	}
	if !seen[0] || !seen[1] || !seen[2] {
		return errorf(op, ErrFormat, "malformed header: missing keys; the header holds exactly 'descr', 'fortran_order' and 'shape'")
	}
	d, err := parseDType(op, descr)
	if err != nil {
		return err
	}
	h.DType = d
	return checkSize(op, h.Shape, d.Size)
}

// checkSize returns an error wrapping ErrFormat when the byte size of shape
// overflows int (it counts the nonzero extents, as NumPy does).
func checkSize(op string, shape []int, itemSize int) error {
	n := uint64(itemSize)
	for _, e := range shape {
		if e == 0 {
			continue
		}
		hi, lo := bits.Mul64(n, uint64(e))
		if hi != 0 || lo > math.MaxInt {
			return errorf(op, ErrFormat, "shape %s is too big: its byte size overflows int", ndview.FormatShape(shape))
		}
		n = lo
	}
	return nil
}

// ---------------------------------------------------------------------------
// Formatting the header.

// WriteHeader writes the header h describes to w, byte for byte as NumPy's
// numpy.save writes it: the dict with keys in sorted order, room for the
// growth axis, spaces and a final '\n' so that the data starts at a
// multiple of 64 bytes. A zero h.Version selects the lowest version that
// can hold the header (1.0 for every header this package writes);
// h.DataOffset is ignored.
//
// WriteHeader returns an error wrapping ErrUnsupported for an unsupported
// version or dtype, or a header too long for version 1.0, and ErrFormat for
// a shape with a negative extent, more than 64 axes or a size that
// overflows int.
func WriteHeader(w io.Writer, h Header) error {
	b, err := appendHeader(nil, "WriteHeader", h)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// appendHeader appends the encoded header to dst.
func appendHeader(dst []byte, op string, h Header) ([]byte, error) {
	if !h.DType.valid() {
		return nil, errorf(op, ErrUnsupported, "dtype %q is not supported; supported: %s", h.DType.String(), supportedList)
	}
	if len(h.Shape) > ndview.MaxRank {
		return nil, errorf(op, ErrFormat, "shape has %d axes, more than the maximum of %d", len(h.Shape), ndview.MaxRank)
	}
	for i, e := range h.Shape {
		if e < 0 {
			return nil, errorf(op, ErrFormat, "negative extent %d on axis %d of shape %s; extents must be >= 0", e, i, ndview.FormatShape(h.Shape))
		}
	}
	if err := checkSize(op, h.Shape, h.DType.Size); err != nil {
		return nil, err
	}
	v := h.Version
	if v != (Version{}) && !v.known() {
		return nil, errorf(op, ErrUnsupported, "format version %s is not supported; supported: 1.0, 2.0 and 3.0", v)
	}

	var dict []byte
	dict = append(dict, "{'descr': '"...)
	dict = append(dict, h.DType.String()...)
	dict = append(dict, "', 'fortran_order': "...)
	if h.FortranOrder {
		dict = append(dict, "True"...)
	} else {
		dict = append(dict, "False"...)
	}
	dict = append(dict, ", 'shape': ("...)
	for i, e := range h.Shape {
		if i > 0 {
			dict = append(dict, ", "...)
		}
		dict = strconv.AppendInt(dict, int64(e), 10)
	}
	if len(h.Shape) == 1 {
		dict = append(dict, ',')
	}
	dict = append(dict, "), }"...)
	if len(h.Shape) > 0 {
		g := h.Shape[0]
		if h.FortranOrder {
			g = h.Shape[len(h.Shape)-1]
		}
		for range growthDigits - len(strconv.Itoa(g)) {
			dict = append(dict, ' ')
		}
	}

	if v == (Version{}) {
		v = Version1
		if _, fits := headerPad(Version1, len(dict)); !fits {
			v = Version2
		}
	}
	pad, fits := headerPad(v, len(dict))
	if !fits {
		return nil, errorf(op, ErrUnsupported, "header of %d bytes is too long for format version %s; use version 2.0", len(dict), v)
	}
	hlen := len(dict) + pad + 1
	dst = append(dst, magic...)
	dst = append(dst, v.Major, v.Minor)
	if v.lenSize() == 2 {
		dst = binary.LittleEndian.AppendUint16(dst, uint16(hlen))
	} else {
		dst = binary.LittleEndian.AppendUint32(dst, uint32(hlen))
	}
	dst = append(dst, dict...)
	for range pad {
		dst = append(dst, ' ')
	}
	return append(dst, '\n'), nil
}

// headerPad returns the number of spaces that pad a dict of n bytes in a
// header of version v (NumPy's _wrap_header: 1 to 64 of them, never 0), and
// whether the padded length fits the version's length field.
func headerPad(v Version, n int) (pad int, fits bool) {
	hlen := n + 1 // the final '\n'
	pad = arrayAlign - (prefixLen+v.lenSize()+hlen)%arrayAlign
	total := hlen + pad
	if v.lenSize() == 2 {
		return pad, total <= 0xFFFF
	}
	return pad, int64(total) <= 0xFFFFFFFF
}
