package npy

// Fixtures in testdata/: .npy files written by Write (golden files that pin
// its output byte for byte), a file spelled out by hand exactly as
// numpy.save writes it, and malformed files made by hand.
//
// Regenerate them with
//
//	go test -run 'Fixtures' ./npy -update
//
// and review the difference: a change to a golden file is a change of
// Write's output.

import (
	"bytes"
	"encoding/binary"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/x448/float16"
)

var update = flag.Bool("update", false, "rewrite the fixtures in testdata/")

// fixture is a .npy file in testdata/.
type fixture struct {
	name  string
	make  func(t testing.TB) []byte    // the file's bytes
	check func(t *testing.T, b []byte) // reads the file and compares
}

// typedFixtures returns the fixtures of element type T, whose dtype kind
// and size are code: every combination of byte order and memory order at
// shape (2, 3, 4), and a few versions and shapes.
func typedFixtures[T any](code string) []fixture {
	type variant struct {
		suffix  string
		shape   []int
		fortran bool
		opts    Options
	}
	var vs []variant
	for _, bo := range []struct {
		name string
		bo   binary.ByteOrder
	}{{"le", binary.LittleEndian}, {"be", binary.BigEndian}} {
		if code == "b1" || code == "i1" || code == "u1" {
			if bo.name == "be" {
				continue // one-byte types have no byte order
			}
			bo.name = "na"
		}
		for _, f := range []struct {
			name    string
			fortran bool
		}{{"c", false}, {"f", true}} {
			vs = append(vs, variant{bo.name + "_" + f.name, []int{2, 3, 4}, f.fortran, Options{ByteOrder: bo.bo}})
		}
	}
	switch code {
	case "f8":
		vs = append(vs,
			variant{"le_c_v2", []int{2, 3, 4}, false, Options{Version: Version2, ByteOrder: binary.LittleEndian}},
			variant{"le_c_v3", []int{2, 3, 4}, false, Options{Version: Version3, ByteOrder: binary.LittleEndian}},
			variant{"le_0d", []int{}, false, Options{ByteOrder: binary.LittleEndian}},
			variant{"be_empty", []int{3, 0, 2}, false, Options{ByteOrder: binary.BigEndian}})
	case "i2":
		vs = append(vs,
			variant{"be_f_v2", []int{2, 3, 4}, true, Options{Version: Version2, ByteOrder: binary.BigEndian}},
			variant{"be_f_v3", []int{2, 3, 4}, true, Options{Version: Version3, ByteOrder: binary.BigEndian}})
	case "c16":
		vs = append(vs, variant{"be_0d", []int{}, false, Options{ByteOrder: binary.BigEndian}})
	case "u1":
		vs = append(vs, variant{"na_empty", []int{0}, false, Options{}})
	case "f4":
		vs = append(vs,
			variant{"le_rank7", []int{2, 1, 3, 1, 2, 2, 1}, false, Options{ByteOrder: binary.LittleEndian}},
			variant{"be_f_rank7", []int{2, 1, 3, 1, 2, 2, 1}, true, Options{ByteOrder: binary.BigEndian}})
	}
	var fs []fixture
	for _, v := range vs {
		fs = append(fs, fixture{
			name: code + "_" + v.suffix + ".npy",
			make: func(t testing.TB) []byte {
				src := cView[T](t, v.shape...)
				if v.fortran {
					src = fView[T](t, v.shape...)
				}
				return encode(t, src, v.opts)
			},
			check: func(t *testing.T, b []byte) {
				h, err := ReadHeader(bytes.NewReader(b))
				require.NoError(t, err)
				want, _ := dtypeOf[T]()
				if want.Size > 1 {
					want.Order = orderOf(v.opts.ByteOrder)
				}
				assert.Equal(t, want, h.DType)
				assert.Equal(t, v.shape, h.Shape)
				assert.Equal(t, v.fortran && len(v.shape) > 1 && h.Size() > 1, h.FortranOrder)
				if v.opts.Version != (Version{}) {
					assert.Equal(t, v.opts.Version, h.Version)
				}
				got, err := Read[T](bytes.NewReader(b))
				require.NoError(t, err)
				assert.Equal(t, cOrder(cView[T](t, v.shape...)), cOrder(got))
			},
		})
	}
	return fs
}

// numpyBytes is np.save of np.arange(6.0).reshape(2, 3) / 2 on a
// little-endian machine, spelled out from the format specification.
func numpyBytes() []byte {
	b := []byte("\x93NUMPY\x01\x00\x76\x00{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }" + strings.Repeat(" ", 58) + "\n")
	for _, x := range []float64{0, 0.5, 1, 1.5, 2, 2.5} {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	}
	return b
}

// fixtures returns every well-formed fixture.
func fixtures() []fixture {
	var fs []fixture
	fs = append(fs, typedFixtures[bool]("b1")...)
	fs = append(fs, typedFixtures[int8]("i1")...)
	fs = append(fs, typedFixtures[uint8]("u1")...)
	fs = append(fs, typedFixtures[int16]("i2")...)
	fs = append(fs, typedFixtures[uint16]("u2")...)
	fs = append(fs, typedFixtures[int32]("i4")...)
	fs = append(fs, typedFixtures[uint32]("u4")...)
	fs = append(fs, typedFixtures[int64]("i8")...)
	fs = append(fs, typedFixtures[uint64]("u8")...)
	fs = append(fs, typedFixtures[float16.Float16]("f2")...)
	fs = append(fs, typedFixtures[float32]("f4")...)
	fs = append(fs, typedFixtures[float64]("f8")...)
	fs = append(fs, typedFixtures[complex64]("c8")...)
	fs = append(fs, typedFixtures[complex128]("c16")...)
	fs = append(fs, fixture{
		name: "numpy_f8_2x3.npy",
		make: func(testing.TB) []byte { return numpyBytes() },
		check: func(t *testing.T, b []byte) {
			v, err := Read[float64](bytes.NewReader(b))
			require.NoError(t, err)
			assert.Equal(t, []int{2, 3}, v.Shape())
			assert.Equal(t, []float64{0, 0.5, 1, 1.5, 2, 2.5}, cOrder(v))
			// Write reproduces numpy.save byte for byte.
			assert.Equal(t, b, encode(t, v, Options{ByteOrder: binary.LittleEndian}))
		},
	})
	return fs
}

func TestFixtures(t *testing.T) {
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			path := filepath.Join("testdata", f.name)
			want := f.make(t)
			if *update {
				require.NoError(t, os.WriteFile(path, want, 0o644))
			}
			b, err := os.ReadFile(path)
			require.NoError(t, err, "missing fixture; run go test -run Fixtures ./npy -update")
			assert.Equal(t, want, b, "%s differs from Write's output", path)
			f.check(t, b)
		})
	}
}

// badFixtures are malformed or unsupported .npy files, made by hand, and
// the error each must give.
var badFixtures = []struct {
	name string
	data []byte
	want error
}{
	{"bad_magic.npy", []byte("\x93NUMPZ\x01\x00\x10\x00{}              \n"), ErrFormat},
	{"bad_version.npy", append([]byte("\x93NUMPY\x07\x00"), rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }")[8:]...), ErrUnsupported},
	{"bad_truncated_header.npy", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }")[:50], ErrFormat},
	{"bad_truncated_data.npy", append(rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }"), make([]byte, 31)...), ErrFormat},
	{"bad_header_length.npy", []byte("\x93NUMPY\x02\x00\x00\x00\x00\x40{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n"), ErrFormat},
	{"bad_dict.npy", rawHeader(1, "{'descr': '<f8', 'fortran_order': False 'shape': (1,), }"), ErrFormat},
	{"bad_missing_key.npy", rawHeader(1, "{'descr': '<f8', 'shape': (1,), }"), ErrFormat},
	{"bad_negative_extent.npy", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }"), ErrFormat},
	{"bad_overflow_extent.npy", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (123456789012345678901234567890,), }"), ErrFormat},
	{"bad_overflow_size.npy", rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3037000500, 3037000500), }"), ErrFormat},
	{"bad_huge_claim.npy", append(rawHeader(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000000000,), }"), make([]byte, 64)...), ErrFormat},
	{"bad_object.npy", append(rawHeader(1, "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"), "\x80\x04\x95"...), ErrUnsupported},
	{"bad_structured.npy", rawHeader(1, "{'descr': [('a', '<i4'), ('b', '<f8')], 'fortran_order': False, 'shape': (1,), }"), ErrUnsupported},
	{"bad_string_dtype.npy", append(rawHeader(1, "{'descr': '<U4', 'fortran_order': False, 'shape': (1,), }"), make([]byte, 16)...), ErrUnsupported},
	{"bad_dtype_mismatch.npy", append(rawHeader(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }"), make([]byte, 8)...), ErrDType},
}

func TestMalformedFixtures(t *testing.T) {
	for _, f := range badFixtures {
		t.Run(f.name, func(t *testing.T) {
			path := filepath.Join("testdata", f.name)
			if *update {
				require.NoError(t, os.WriteFile(path, f.data, 0o644))
			}
			b, err := os.ReadFile(path)
			require.NoError(t, err, "missing fixture; run go test -run Fixtures ./npy -update")
			assert.Equal(t, f.data, b)
			_, err = Read[float64](bytes.NewReader(b))
			assert.ErrorIs(t, err, f.want, "Read(%s) = %v", f.name, err)
			file, err := os.Open(path)
			require.NoError(t, err)
			defer file.Close()
			_, err = Read[float64](file)
			assert.ErrorIs(t, err, f.want, "Read(file %s) = %v", f.name, err)
			_, err = Map[float64](path)
			assert.ErrorIs(t, err, f.want, "Map(%s) = %v", f.name, err)
		})
	}
}
