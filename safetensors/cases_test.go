package safetensors

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Files checked against the official implementation (semantics.md SF5-SF7):
// scripts/check.sh writes them (TestWriteCases), has the Rust crate read
// each, and stores what it said in testdata/rust_verdicts.jsonl, which
// TestRustVerdicts compares with Parse.

// testCase is one file and what ndkit does with it where it differs from
// the official implementation on purpose.
type testCase struct {
	name string
	data []byte
	// stricter: the official implementation accepts the file and ndkit
	// refuses it (duplicate names, semantics.md SF6).
	stricter bool
}

// file returns the bytes of a file of header text hdr (unpadded) and data.
func file(hdr string, data []byte) []byte {
	b := binary.LittleEndian.AppendUint64(nil, uint64(len(hdr)))
	b = append(b, hdr...)
	return append(b, data...)
}

// withPrefix returns a file whose length prefix is n, followed by rest.
func withPrefix(n uint64, rest string) []byte {
	return append(binary.LittleEndian.AppendUint64(nil, n), rest...)
}

// seq returns n bytes 1, 2, 3, ….
func seq(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i + 1)
	}
	return b
}

// hdrEntry is the header entry of a tensor.
func hdrEntry(dtype, shape string, begin, end int) string {
	return `{"dtype":"` + dtype + `","shape":[` + shape + `],"data_offsets":[` + strconv.Itoa(begin) + `,` + strconv.Itoa(end) + `]}`
}

// cases returns the files of the check, valid and malformed.
func cases() []testCase {
	a8 := `"a":` + hdrEntry("F32", "2", 0, 8)
	deep := strings.Repeat("[", 200) + strings.Repeat("]", 200)
	return []testCase{
		{name: "ok_basic", data: file(`{`+a8+`}`, seq(8))},
		{name: "ok_unaligned", data: file(`{`+a8+`} `, seq(8))},
		{name: "ok_unaligned_f64", data: file(`{"b":`+hdrEntry("F64", "2,1", 0, 16)+`}`, seq(16))},
		{name: "ok_metadata", data: file(`{"__metadata__":{"format":"pt","k\u00e9y":"v\n"},`+a8+`}`, seq(8))},
		{name: "ok_metadata_null", data: file(`{"__metadata__":null,`+a8+`}`, seq(8))},
		{name: "ok_unknown_field", data: file(`{"a":{"x":[1,{"y":null,"z":true}],"dtype":"F32","shape":[2],"data_offsets":[0,8],"w":-1.5e3}}`, seq(8))},
		{name: "ok_whitespace", data: file(" \n\t{ \"a\" :\r"+hdrEntry("F32", " 2 ", 0, 8)+" }  \n ", seq(8))},
		{name: "ok_escapes", data: file(`{"\u0061\"\\\/\n\ud83d\ude00":`+hdrEntry("U8", "3", 0, 3)+`}`, seq(3))},
		{name: "ok_empty_tensors", data: file(`{"e":`+hdrEntry("F64", "0,3", 0, 0)+`,"f":`+hdrEntry("I16", "2", 0, 4)+`,"g":`+hdrEntry("U8", "0", 4, 4)+`}`, seq(4))},
		{name: "ok_unordered", data: file(`{"z":`+hdrEntry("U16", "2", 0, 4)+`,"a":`+hdrEntry("I32", "1", 4, 8)+`}`, seq(8))},
		{name: "ok_scalar", data: file(`{"s":`+hdrEntry("F64", "", 0, 8)+`}`, seq(8))},
		{name: "ok_bool", data: file(`{"m":`+hdrEntry("BOOL", "2,2", 0, 4)+`}`, []byte{0, 1, 1, 0})},
		{name: "ok_bool_bad_byte", data: file(`{"m":`+hdrEntry("BOOL", "2", 0, 2)+`}`, []byte{0, 2})},
		{name: "ok_f4", data: file(`{"q":`+hdrEntry("F4", "2", 0, 1)+`}`, seq(1))},
		{name: "ok_no_tensors", data: file(`{}`, nil)},
		{name: "ok_all_16bit", data: file(`{"h":`+hdrEntry("F16", "2", 0, 4)+`,"b":`+hdrEntry("BF16", "2", 4, 8)+`,"e4":`+hdrEntry("F8_E4M3", "2", 8, 10)+`,"e5":`+hdrEntry("F8_E5M2", "2", 10, 12)+`}`, seq(12))},
		{name: "bad_too_small", data: []byte{1, 0, 0, 0, 0, 0, 0}},
		{name: "bad_empty", data: nil},
		{name: "bad_huge_prefix", data: withPrefix(^uint64(0), "{}")},
		{name: "bad_prefix_2p63", data: withPrefix(1<<63, "{}")},
		{name: "bad_over_limit", data: withPrefix(100_000_001, "{}")},
		{name: "bad_prefix_past_end", data: withPrefix(1000, `{}`)},
		{name: "bad_not_utf8", data: file("{\"a\xff\":"+hdrEntry("F32", "2", 0, 8)+`}`, seq(8))},
		{name: "bad_invalid_json", data: file(`{"a":`, nil)},
		{name: "bad_not_object", data: file(`[]`, nil)},
		{name: "bad_trailing", data: file(`{} x`, nil)},
		{name: "bad_unknown_dtype", data: file(`{"a":`+hdrEntry("F128", "2", 0, 8)+`}`, seq(8))},
		{name: "bad_offsets_past_data", data: file(`{"a":`+hdrEntry("F32", "4", 0, 16)+`}`, seq(8))},
		{name: "bad_data_too_long", data: file(`{`+a8+`}`, seq(12))},
		{name: "bad_overlap", data: file(`{"a":`+hdrEntry("F32", "2", 0, 8)+`,"b":`+hdrEntry("F32", "2", 4, 12)+`}`, seq(12))},
		{name: "bad_hole", data: file(`{"a":`+hdrEntry("F32", "1", 0, 4)+`,"b":`+hdrEntry("F32", "1", 8, 12)+`}`, seq(12))},
		{name: "bad_not_from_zero", data: file(`{"a":`+hdrEntry("F32", "1", 4, 8)+`}`, seq(8))},
		{name: "bad_size_mismatch", data: file(`{"a":`+hdrEntry("F32", "3", 0, 8)+`}`, seq(8))},
		{name: "bad_end_before_begin", data: file(`{"a":`+hdrEntry("U8", "0", 8, 0)+`}`, seq(8))},
		{name: "bad_shape_overflow", data: file(`{"a":`+hdrEntry("U8", "4294967296,4294967296,16", 0, 8)+`}`, seq(8))},
		{name: "bad_offsets_three", data: file(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8,8]}}`, seq(8))},
		{name: "bad_offsets_one", data: file(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[8]}}`, seq(8))},
		{name: "bad_offset_float", data: file(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8.0]}}`, seq(8))},
		{name: "bad_offset_exponent", data: file(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8e0]}}`, seq(8))},
		{name: "bad_offset_negative", data: file(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[-8,0]}}`, seq(8))},
		{name: "bad_offset_string", data: file(`{"a":{"dtype":"F32","shape":[2],"data_offsets":["0",8]}}`, seq(8))},
		{name: "bad_offset_huge", data: file(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,18446744073709551616]}}`, seq(8))},
		{name: "bad_extent_negative", data: file(`{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}`, seq(8))},
		{name: "bad_missing_shape", data: file(`{"a":{"dtype":"F32","data_offsets":[0,8]}}`, seq(8))},
		{name: "bad_missing_dtype", data: file(`{"a":{"shape":[2],"data_offsets":[0,8]}}`, seq(8))},
		{name: "bad_duplicate_field", data: file(`{"a":{"dtype":"F32","dtype":"F32","shape":[2],"data_offsets":[0,8]}}`, seq(8))},
		{name: "bad_entry_not_object", data: file(`{"a":[1,2]}`, nil)},
		{name: "bad_dup_name_same", data: file(`{`+a8+`,`+a8+`}`, seq(8)), stricter: true},
		{name: "bad_dup_name_diff", data: file(`{"a":`+hdrEntry("F32", "1", 0, 4)+`,"a":`+hdrEntry("F32", "1", 4, 8)+`}`, seq(8))},
		{name: "bad_metadata_nonstring", data: file(`{"__metadata__":{"a":1},`+a8+`}`, seq(8))},
		{name: "bad_metadata_array", data: file(`{"__metadata__":["a"],`+a8+`}`, seq(8))},
		{name: "bad_lone_surrogate", data: file(`{"\ud800":`+hdrEntry("F32", "2", 0, 8)+`}`, seq(8))},
		{name: "bad_control_char", data: file("{\"a\tb\":"+hdrEntry("F32", "2", 0, 8)+`}`, seq(8))},
		{name: "bad_bad_escape", data: file(`{"a\x":`+hdrEntry("F32", "2", 0, 8)+`}`, seq(8))},
		{name: "bad_deep_nesting", data: file(`{"a":{"x":`+deep+`,"dtype":"F32","shape":[2],"data_offsets":[0,8]}}`, seq(8))},
		{name: "bad_f4_odd", data: file(`{"q":`+hdrEntry("F4", "3", 0, 2)+`}`, seq(2))},
		{name: "bad_leading_zero", data: file(`{"a":{"dtype":"F32","shape":[02],"data_offsets":[0,8]}}`, seq(8))},
		{name: "bad_trailing_comma", data: file(`{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8],}}`, seq(8))},
	}
}

// TestWriteCases writes the cases, and files written by a Writer, into the
// directory named by NDKIT_SAFETENSORS_CASES (scripts/check.sh sets it).
func TestWriteCases(t *testing.T) {
	dir := os.Getenv("NDKIT_SAFETENSORS_CASES")
	if dir == "" {
		t.Skip("NDKIT_SAFETENSORS_CASES is not set; scripts/check.sh sets it")
	}
	for _, c := range cases() {
		if err := os.WriteFile(filepath.Join(dir, c.name+".safetensors"), c.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, w := range writtenFiles(t) {
		if err := w.WriteFile(filepath.Join(dir, name+".safetensors")); err != nil {
			t.Fatal(err)
		}
	}
}
