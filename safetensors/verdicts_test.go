package safetensors

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// verdict is what the official implementation said of one file
// (testdata/rust_verdicts.jsonl, written by scripts/check.sh).
type verdict struct {
	File     string            `json:"file"`
	OK       bool              `json:"ok"`
	Error    string            `json:"error"`
	Metadata map[string]string `json:"metadata"`
	Tensors  map[string]struct {
		Dtype   string   `json:"dtype"`
		Shape   []int    `json:"shape"`
		Offsets [2]int64 `json:"offsets"`
		Data    string   `json:"data"`
	} `json:"tensors"`
}

// caseFiles returns the bytes of every file the verdicts name, and which
// are stricter cases.
func caseFiles(t *testing.T) (map[string][]byte, map[string]bool) {
	files, stricter := map[string][]byte{}, map[string]bool{}
	for _, c := range cases() {
		files[c.name+".safetensors"] = c.data
		stricter[c.name+".safetensors"] = c.stricter
	}
	for name, w := range writtenFiles(t) {
		var b bytes.Buffer
		if _, err := w.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		files[name+".safetensors"] = b.Bytes()
	}
	rust, _ := filepath.Glob("testdata/rust/*.safetensors")
	for _, p := range rust {
		files[filepath.Base(p)] = must(os.ReadFile(p))
	}
	return files, stricter
}

// TestRustVerdicts parses every file the official implementation judged
// and checks that ndkit agrees: the same files refused (with ErrHeader),
// and for accepted files the same tensors, dtypes, shapes, byte ranges,
// bytes and metadata. Cases marked stricter are accepted by the official
// implementation and refused by ndkit (duplicate names, semantics.md SF6).
func TestRustVerdicts(t *testing.T) {
	files, stricter := caseFiles(t)
	f := must(os.Open("testdata/rust_verdicts.jsonl"))
	defer f.Close()
	seen := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var v verdict
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		data, ok := files[v.File]
		if !ok {
			t.Errorf("%s: no such case (regenerate with scripts/check.sh)", v.File)
			continue
		}
		seen++
		got, err := Parse(data)
		switch {
		case stricter[v.File]:
			if !v.OK || err == nil || !errors.Is(err, ErrHeader) {
				t.Errorf("%s: official ok=%v, ndkit %v; want official ok and ndkit ErrHeader", v.File, v.OK, err)
			}
			continue
		case !v.OK:
			if err == nil || !errors.Is(err, ErrHeader) {
				t.Errorf("%s: the official implementation refuses it (%s); Parse gives %v", v.File, v.Error, err)
			}
			continue
		case err != nil:
			t.Errorf("%s: the official implementation reads it; Parse: %v", v.File, err)
			continue
		}
		if md := got.Metadata(); len(md) != len(v.Metadata) || (len(md) > 0 && !mapsEqual(md, v.Metadata)) {
			t.Errorf("%s: metadata %v, official %v", v.File, md, v.Metadata)
		}
		if got.Len() != len(v.Tensors) {
			t.Errorf("%s: %d tensors, official %d", v.File, got.Len(), len(v.Tensors))
		}
		for name, want := range v.Tensors {
			info, ok := got.Info(name)
			b, err := got.Bytes(name)
			if !ok || err != nil {
				t.Errorf("%s: tensor %q missing: %v", v.File, name, err)
				continue
			}
			if string(info.Dtype) != want.Dtype || !slices.Equal(info.Shape, want.Shape) ||
				info.Begin != want.Offsets[0] || info.End != want.Offsets[1] || hex.EncodeToString(b) != want.Data {
				t.Errorf("%s: tensor %q = %s %v [%d %d] %x, official %s %v %v %s", v.File, name,
					info.Dtype, info.Shape, info.Begin, info.End, b, want.Dtype, want.Shape, want.Offsets, want.Data)
			}
		}
	}
	if seen != len(files) {
		t.Errorf("the verdicts cover %d of %d files; regenerate them with scripts/check.sh", seen, len(files))
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestRewriteRustFile reads the file the official implementation wrote
// with every dtype and writes its tensors again: the bytes are identical
// (one metadata key, so no hash order is involved).
func TestRewriteRustFile(t *testing.T) {
	orig := must(os.ReadFile("testdata/rust/all_dtypes.safetensors"))
	f := must(Parse(orig))
	w := &Writer{Metadata: f.Metadata()}
	for _, name := range f.Names() {
		info, _ := f.Info(name)
		if err := addAs(w, f, info); err != nil {
			t.Fatal(err)
		}
	}
	var b bytes.Buffer
	must(w.WriteTo(&b))
	if !bytes.Equal(b.Bytes(), orig) {
		t.Errorf("rewritten file differs:\n%q\n%q", b.Bytes(), orig)
	}
}
