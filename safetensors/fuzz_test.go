package safetensors

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"slices"
	"testing"
)

// FuzzParse feeds arbitrary files to Parse. It must never panic; a file it
// accepts must have a header that encoding/json finds valid, tensors whose
// bytes have their byte ranges' lengths and whose views open, and must
// write back (AddBytes) to a file that parses to the same tensors.
func FuzzParse(f *testing.F) {
	for _, c := range cases() {
		f.Add(c.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := Parse(data)
		if err != nil {
			return
		}
		n := binary.LittleEndian.Uint64(data)
		if !json.Valid(data[8 : 8+n]) {
			t.Fatalf("accepted a header encoding/json finds invalid: %q", data[8:8+n])
		}
		w := &Writer{Metadata: st.Metadata()}
		for _, name := range st.Names() {
			info, _ := st.Info(name)
			b, err := st.Bytes(name)
			if err != nil || int64(len(b)) != info.End-info.Begin {
				t.Fatalf("tensor %q: %d bytes for [%d, %d]: %v", name, len(b), info.Begin, info.End, err)
			}
			if info.Dtype == F32 {
				if _, _, err := Tensor[float32](st, name); err != nil {
					t.Fatalf("tensor %q: %v", name, err)
				}
			}
			if err := AddBytes(w, name, info.Dtype, info.Shape, b); err != nil {
				t.Fatalf("tensor %q: %v", name, err)
			}
		}
		var out bytes.Buffer
		if _, err := w.WriteTo(&out); err != nil {
			t.Fatal(err)
		}
		back, err := Parse(out.Bytes())
		if err != nil {
			t.Fatalf("the rewritten file does not parse: %v", err)
		}
		for _, name := range st.Names() {
			a, _ := st.Info(name)
			b, _ := back.Info(name)
			if a.Dtype != b.Dtype || !slices.Equal(a.Shape, b.Shape) {
				t.Fatalf("tensor %q: %v became %v", name, a, b)
			}
			ab, _ := st.Bytes(name)
			bb, _ := back.Bytes(name)
			if !bytes.Equal(ab, bb) {
				t.Fatalf("tensor %q: bytes changed", name)
			}
		}
	})
}
