package npy

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rawHeader builds a .npy header by hand from a dict text, with the given
// version and padding: the bytes a writer following the specification
// produces, independently of appendHeader.
func rawHeader(major byte, dict string) []byte {
	b := []byte(magic)
	b = append(b, major, 0)
	lenSize := 2
	if major != 1 {
		lenSize = 4
	}
	total := len(b) + lenSize + len(dict) + 1
	pad := 64 - total%64
	hlen := len(dict) + pad + 1
	if lenSize == 2 {
		b = binary.LittleEndian.AppendUint16(b, uint16(hlen))
	} else {
		b = binary.LittleEndian.AppendUint32(b, uint32(hlen))
	}
	b = append(b, dict...)
	b = append(b, strings.Repeat(" ", pad)...)
	return append(b, '\n')
}

func TestReadHeader(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want Header
	}{
		{"numpy-2x3", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"),
			Header{Version1, DType{'f', 8, '<'}, false, []int{2, 3}, 0}},
		{"1-d", rawHeader(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (5,), }"),
			Header{Version1, DType{'u', 1, '|'}, false, []int{5}, 0}},
		{"0-d", rawHeader(1, "{'descr': '>i4', 'fortran_order': False, 'shape': (), }"),
			Header{Version1, DType{'i', 4, '>'}, false, []int{}, 0}},
		{"fortran", rawHeader(1, "{'descr': '<c16', 'fortran_order': True, 'shape': (3, 2), }"),
			Header{Version1, DType{'c', 16, '<'}, true, []int{3, 2}, 0}},
		{"v2", rawHeader(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (0, 4), }"),
			Header{Version2, DType{'f', 4, '<'}, false, []int{0, 4}, 0}},
		{"v3", rawHeader(3, "{'descr': '<f2', 'fortran_order': False, 'shape': (7,), }"),
			Header{Version3, DType{'f', 2, '<'}, false, []int{7}, 0}},
		{"keys-any-order", rawHeader(1, "{'shape': (2,), 'fortran_order': False, 'descr': '<i8'}"),
			Header{Version1, DType{'i', 8, '<'}, false, []int{2}, 0}},
		{"double-quotes-and-spacing", rawHeader(1, "{ \"descr\" :\"<u2\" ,\t'fortran_order':False,'shape':( 2 ,3 , )\n}"),
			Header{Version1, DType{'u', 2, '<'}, false, []int{2, 3}, 0}},
		{"python2-long", rawHeader(1, "{'descr': '<i2', 'fortran_order': False, 'shape': (2L, 3L), }"),
			Header{Version1, DType{'i', 2, '<'}, false, []int{2, 3}, 0}},
		{"equals-order", rawHeader(1, "{'descr': '=i2', 'fortran_order': False, 'shape': (1,), }"),
			Header{Version1, DType{'i', 2, hostOrder}, false, []int{1}, 0}},
		{"repeated-key-last-wins", rawHeader(1, "{'descr': '<i2', 'descr': '>u4', 'fortran_order': False, 'shape': (1,), }"),
			Header{Version1, DType{'u', 4, '>'}, false, []int{1}, 0}},
		{"unpadded", append([]byte("\x93NUMPY\x01\x00\x3c\x00"), "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }\n"...),
			Header{Version1, DType{'f', 8, '<'}, false, []int{2, 3}, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bytes.NewReader(append(tt.in, "data"...))
			got, err := ReadHeader(r)
			require.NoError(t, err)
			tt.want.DataOffset = int64(len(tt.in))
			assert.Equal(t, tt.want, got, "ReadHeader(%q)", tt.in)
			assert.Equal(t, 4, r.Len(), "ReadHeader must stop at the data")
		})
	}
}

func TestReadHeaderErrors(t *testing.T) {
	long := rawHeader(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }")
	binary.LittleEndian.PutUint32(long[8:], MaxHeaderLen+64)
	long = append(long, make([]byte, MaxHeaderLen+64)...)
	tests := []struct {
		name string
		in   []byte
		want error
		msg  string
		// stream is the error when the input length is unknown, if it
		// differs: a length beyond the input then shows as truncation.
		stream error
	}{
		{"empty", nil, io.EOF, "empty", nil},
		{"short-magic", []byte("\x93NUM"), io.ErrUnexpectedEOF, "magic", nil},
		{"wrong-magic", []byte("\x93NUMPZ\x01\x00\x00\x00"), ErrFormat, "magic", nil},
		{"version-4", []byte("\x93NUMPY\x04\x00\x00\x00"), ErrUnsupported, "version 4.0", nil},
		{"version-1.1", []byte("\x93NUMPY\x01\x01\x00\x00"), ErrUnsupported, "version 1.1", nil},
		{"short-length", []byte("\x93NUMPY\x02\x00\x10\x00"), ErrFormat, "header length", nil},
		{"length-beyond-file", []byte("\x93NUMPY\x01\x00\xff\x00{}"), ErrFormat, "beyond the end", io.ErrUnexpectedEOF},
		{"length-beyond-limit", long, ErrUnsupported, "exceeds the limit", nil},
		{"length-4GiB", []byte("\x93NUMPY\x02\x00\xff\xff\xff\xff{"), ErrFormat, "beyond the end", ErrUnsupported},
		{"not-a-dict", rawHeader(1, "['descr', '<f8']"), ErrFormat, "want '{'", nil},
		{"missing-key", rawHeader(1, "{'descr': '<f8', 'shape': (2,), }"), ErrFormat, "missing keys", nil},
		{"extra-key", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'x': 1}"), ErrFormat, "unexpected key", nil},
		{"no-comma", rawHeader(1, "{'descr': '<f8' 'fortran_order': False, 'shape': (2,)}"), ErrFormat, "want ','", nil},
		{"unclosed", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), "), ErrFormat, "malformed", nil},
		{"trailing-junk", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), } x"), ErrFormat, "after the dict", nil},
		{"unterminated-string", rawHeader(1, "{'descr: '<f8'}"), ErrFormat, "malformed", nil},
		{"escape", rawHeader(1, "{'descr': '<f\\x38', 'fortran_order': False, 'shape': (2,), }"), ErrFormat, "escape", nil},
		{"fortran-int", rawHeader(1, "{'descr': '<f8', 'fortran_order': 0, 'shape': (2,), }"), ErrFormat, "True or False", nil},
		{"shape-int", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': 2, }"), ErrFormat, "tuple", nil},
		{"shape-paren-int", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2), }"), ErrFormat, "not a tuple", nil},
		{"shape-list", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': [2], }"), ErrFormat, "list", nil},
		{"shape-float", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2.5,), }"), ErrFormat, "want ','", nil},
		{"shape-bool", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (True,), }"), ErrFormat, "want an int", nil},
		{"shape-empty-comma", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (,), }"), ErrFormat, "want an int", nil},
		{"negative-extent", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1), }"), ErrFormat, "negative extent -1 on axis 1", nil},
		{"extent-overflows-int", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }"), ErrFormat, "overflows int", nil},
		{"size-overflows-int", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }"), ErrFormat, "too big", nil},
		{"bytes-overflow-int", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1152921504606846976, 8), }"), ErrFormat, "too big", nil},
		{"rank-65", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': ("+strings.Repeat("1, ", 65)+"), }"), ErrFormat, "more than 64 axes", nil},
		{"object", rawHeader(1, "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }"), ErrUnsupported, "pickled", nil},
		{"structured", rawHeader(1, "{'descr': [('x', '<i4'), ('y', '<f8')], 'fortran_order': False, 'shape': (2,), }"), ErrUnsupported, "structured", nil},
		{"subarray", rawHeader(1, "{'descr': ('<i4', (2,)), 'fortran_order': False, 'shape': (2,), }"), ErrUnsupported, "sub-array", nil},
		{"unicode", rawHeader(1, "{'descr': '<U10', 'fortran_order': False, 'shape': (2,), }"), ErrUnsupported, "unicode", nil},
		{"datetime", rawHeader(1, "{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (2,), }"), ErrUnsupported, "datetime64", nil},
		{"long-double", rawHeader(1, "{'descr': '<f16', 'fortran_order': False, 'shape': (2,), }"), ErrUnsupported, "long double", nil},
		{"unknown-dtype", rawHeader(1, "{'descr': '<x4', 'fortran_order': False, 'shape': (2,), }"), ErrFormat, "not understood", nil},
		{"bad-size", rawHeader(1, "{'descr': '<i3', 'fortran_order': False, 'shape': (2,), }"), ErrFormat, "not understood", nil},
		{"truncated-dict", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }")[:40], ErrFormat, "beyond the end", io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, src := range []struct {
				name string
				r    io.Reader
			}{{"sized", bytes.NewReader(tt.in)}, {"stream", stream{bytes.NewReader(tt.in)}}} {
				_, err := ReadHeader(src.r)
				require.Error(t, err, "ReadHeader(%s %q)", src.name, clip(tt.in, 80))
				if src.name == "stream" && tt.stream != nil {
					assert.ErrorIs(t, err, tt.stream, "ReadHeader(%s) = %v", src.name, err)
					continue
				}
				assert.ErrorIs(t, err, tt.want, "ReadHeader(%s) = %v", src.name, err)
				assert.Contains(t, err.Error(), tt.msg, "ReadHeader(%s) message", src.name)
				var e *Error
				if assert.True(t, errors.As(err, &e), "ReadHeader(%s) = %T, want *Error", src.name, err) {
					// Also for errors of the dtype parser.
					assert.Equal(t, "ReadHeader", e.Op, "ReadHeader(%s) = %v", src.name, err)
				}
			}
		})
	}
}

func TestWriteHeaderNumPyBytes(t *testing.T) {
	// The headers numpy.save writes (NumPy >= 1.24), spelled out: the
	// dict, 21 - len(str(growth axis extent)) spaces of room for growth,
	// then spaces up to a total that is a multiple of 64, then '\n'.
	tests := []struct {
		name string
		h    Header
		want string
	}{
		{"f8-2x3", Header{DType: DType{'f', 8, '<'}, Shape: []int{2, 3}},
			// 10 + 59 + 20 + 38 + 1 = 128; 59 + 20 + 38 + 1 = 118 = 0x76.
			"\x93NUMPY\x01\x00\x76\x00{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }" + strings.Repeat(" ", 20+38) + "\n"},
		{"u1-1d", Header{DType: DType{'u', 1, '|'}, Shape: []int{5}},
			// 10 + 57 + 20 + 40 + 1 = 128.
			"\x93NUMPY\x01\x00\x76\x00{'descr': '|u1', 'fortran_order': False, 'shape': (5,), }" + strings.Repeat(" ", 20+40) + "\n"},
		{"i4-0d", Header{DType: DType{'i', 4, '>'}, Shape: []int{}},
			// No growth room for 0-d: 10 + 55 + 62 + 1 = 128.
			"\x93NUMPY\x01\x00\x76\x00{'descr': '>i4', 'fortran_order': False, 'shape': (), }" + strings.Repeat(" ", 62) + "\n"},
		{"c8-fortran", Header{DType: DType{'c', 8, '<'}, FortranOrder: true, Shape: []int{3, 1000}},
			// growth axis is the last: 21 - 4 = 17 spaces;
			// 10 + 61 + 17 + 39 + 1 = 128.
			"\x93NUMPY\x01\x00\x76\x00{'descr': '<c8', 'fortran_order': True, 'shape': (3, 1000), }" + strings.Repeat(" ", 17+39) + "\n"},
		{"v2", Header{Version: Version2, DType: DType{'f', 4, '<'}, Shape: []int{2, 3}},
			// 12 + 59 + 20 + 36 + 1 = 128; 116 = 0x74.
			"\x93NUMPY\x02\x00\x74\x00\x00\x00{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + strings.Repeat(" ", 20+36) + "\n"},
		{"v3", Header{Version: Version3, DType: DType{'f', 4, '<'}, Shape: []int{2, 3}},
			"\x93NUMPY\x03\x00\x74\x00\x00\x00{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + strings.Repeat(" ", 20+36) + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, WriteHeader(&b, tt.h))
			assert.Equal(t, tt.want, b.String(), "WriteHeader(%+v)", tt.h)
			assert.Zero(t, b.Len()%64)
			got, err := ReadHeader(&b)
			require.NoError(t, err)
			want := tt.h
			if want.Version == (Version{}) {
				want.Version = Version1
			}
			want.DataOffset = int64(len(tt.want))
			assert.Equal(t, want, got)
		})
	}
}

// TestHeaderPad checks the padding rule on its own: 1 to 64 spaces (never
// 0, as in NumPy's _wrap_header), to a multiple of 64.
func TestHeaderPad(t *testing.T) {
	for n := 0; n < 300; n++ {
		for _, v := range []Version{Version1, Version2} {
			pad, fits := headerPad(v, n)
			require.True(t, fits)
			require.True(t, pad >= 1 && pad <= 64, "headerPad(%v, %d) = %d", v, n, pad)
			require.Zero(t, (prefixLen+v.lenSize()+n+pad+1)%64)
		}
	}
	_, fits := headerPad(Version1, 0xFFFF)
	assert.False(t, fits, "a 64 KiB dict cannot fit version 1.0")
	_, fits = headerPad(Version2, 0xFFFF)
	assert.True(t, fits)
}

func TestWriteHeaderVersionChoice(t *testing.T) {
	// numpy.save picks 1.0 unless the header does not fit its 2-byte
	// length. The headers of supported dtypes always fit, even at rank 64
	// with the largest extents.
	shape := make([]int, 64)
	for i := range shape {
		shape[i] = 1
	}
	shape[0] = 1 << 40
	var b bytes.Buffer
	require.NoError(t, WriteHeader(&b, Header{DType: DType{'u', 1, '|'}, Shape: shape}))
	h, err := ReadHeader(&b)
	require.NoError(t, err)
	assert.Equal(t, Version1, h.Version)
	assert.Equal(t, shape, h.Shape)
}

func TestWriteHeaderErrors(t *testing.T) {
	tests := []struct {
		name string
		h    Header
		want error
		msg  string // a part of the message, if given
	}{
		{"bad-dtype", Header{DType: DType{'f', 3, '<'}}, ErrUnsupported, ""},
		{"zero-dtype", Header{}, ErrUnsupported, ""},
		{"one-byte-with-order", Header{DType: DType{'u', 1, '<'}}, ErrUnsupported, ""},
		{"version-4", Header{Version: Version{4, 0}, DType: DType{'u', 1, '|'}}, ErrUnsupported, ""},
		{"negative", Header{DType: DType{'u', 1, '|'}, Shape: []int{2, -1}}, ErrFormat, "of shape (2, -1);"},
		{"rank-65", Header{DType: DType{'u', 1, '|'}, Shape: make([]int, 65)}, ErrFormat, ""},
		{"overflow", Header{DType: DType{'f', 8, '<'}, Shape: []int{1 << 62, 2}}, ErrFormat, "shape (4611686018427387904, 2) is too big"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := WriteHeader(&b, tt.h)
			assert.ErrorIs(t, err, tt.want, "WriteHeader(%+v) = %v", tt.h, err)
			if tt.msg != "" {
				assert.ErrorContains(t, err, tt.msg)
			}
			assert.Zero(t, b.Len(), "nothing is written on error")
		})
	}
}

func TestParseDType(t *testing.T) {
	other := byte('>')
	if hostOrder == '>' {
		other = '<'
	}
	tests := []struct {
		in   string
		want DType
		err  error
	}{
		{in: "<f8", want: DType{'f', 8, '<'}},
		{in: ">f8", want: DType{'f', 8, '>'}},
		{in: "=f8", want: DType{'f', 8, hostOrder}},
		{in: "f8", want: DType{'f', 8, hostOrder}},
		{in: "|f8", want: DType{'f', 8, hostOrder}},
		{in: "!i4", want: DType{'i', 4, '>'}},
		{in: "|b1", want: DType{'b', 1, '|'}},
		{in: "<b1", want: DType{'b', 1, '|'}},
		{in: "|i1", want: DType{'i', 1, '|'}},
		{in: ">u1", want: DType{'u', 1, '|'}},
		{in: "<i2", want: DType{'i', 2, '<'}},
		{in: "<u8", want: DType{'u', 8, '<'}},
		{in: "<f2", want: DType{'f', 2, '<'}},
		{in: "<c8", want: DType{'c', 8, '<'}},
		{in: ">c16", want: DType{'c', 16, '>'}},
		{in: "?", want: DType{'b', 1, '|'}},
		{in: "<d", want: DType{'f', 8, '<'}},
		{in: string(other) + "e", want: DType{'f', 2, other}},
		{in: "b", want: DType{'i', 1, '|'}},
		{in: "<q", want: DType{'u', 8, '<'}, err: nil},
		{in: "|O", err: ErrUnsupported},
		{in: "|O8", err: ErrUnsupported},
		{in: "|V16", err: ErrUnsupported},
		{in: "|S5", err: ErrUnsupported},
		{in: "<U3", err: ErrUnsupported},
		{in: "<m8[s]", err: ErrUnsupported},
		{in: "<c32", err: ErrUnsupported},
		{in: "<g", err: ErrUnsupported},
		{in: "", err: ErrFormat},
		{in: "<", err: ErrFormat},
		{in: "<b2", err: ErrFormat},
		{in: "<i16", err: ErrFormat},
		{in: "<f8 ", err: ErrFormat},
		{in: "<f0008", err: ErrFormat},
		{in: "<z8", err: ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDType(tt.in)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err, "ParseDType(%q) = %v", tt.in, err)
				return
			}
			require.NoError(t, err)
			if tt.in == "<q" {
				tt.want = DType{'i', 8, '<'}
			}
			assert.Equal(t, tt.want, got, "ParseDType(%q)", tt.in)
		})
	}
}

func TestDTypeString(t *testing.T) {
	for _, s := range []string{"|b1", "|i1", "|u1", "<i2", ">u2", "<i4", ">u4", "<i8", ">u8", "<f2", ">f4", "<f8", ">c8", "<c16"} {
		d, err := ParseDType(s)
		require.NoError(t, err)
		assert.Equal(t, s, d.String(), "ParseDType(%q).String()", s)
	}
}
