package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
)

// npyData returns the header of a .npy file and its data converted to
// little-endian bytes (complex numbers by halves), so that files in
// either byte order compare.
func npyData(t *testing.T, path string) (npy.Header, []byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h, err := npy.ReadHeader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	data := b[h.DataOffset:]
	if h.FortranOrder && len(h.Shape) > 1 {
		// The bytes in F order are those of the reversed shape in C
		// order: transpose them, each element a row of Size bytes.
		nd := len(h.Shape)
		rs := make([]int, nd+1)
		perm := make([]int, nd+1)
		for d := range nd {
			rs[d] = h.Shape[nd-1-d]
			perm[d] = nd - 1 - d
		}
		rs[nd], perm[nd] = h.DType.Size, nd
		v, err := ndview.FromSlice(bytes.Clone(data), rs...)
		if err != nil {
			t.Fatal(err)
		}
		data = v.Transpose(perm...).Clone().ToSlice()
		h.FortranOrder = false
	}
	if h.DType.Order == '>' {
		data = swapped(data, h.DType)
	}
	return h, data
}

func swapped(b []byte, d npy.DType) []byte {
	out := bytes.Clone(b)
	n := d.Size
	if d.Kind == 'c' {
		n /= 2
	}
	for i := 0; i+n <= len(out); i += n {
		switch n {
		case 2:
			binary.LittleEndian.PutUint16(out[i:], bits.ReverseBytes16(binary.LittleEndian.Uint16(out[i:])))
		case 4:
			binary.LittleEndian.PutUint32(out[i:], bits.ReverseBytes32(binary.LittleEndian.Uint32(out[i:])))
		case 8:
			binary.LittleEndian.PutUint64(out[i:], bits.ReverseBytes64(binary.LittleEndian.Uint64(out[i:])))
		}
	}
	return out
}

func runOK(t *testing.T, args ...string) (string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(args, &out, &errb); err != nil {
		t.Fatalf("ndkit %s: %v\n%s", strings.Join(args, " "), err, errb.String())
	}
	return out.String(), errb.String()
}

// TestFixturesToNpy converts the arrays zarr-python (v2) and zarrita
// (v3) wrote to .npy and compares them with the values those libraries
// meant to write; then converts each .npy back to Zarr (v2 and sharded
// v3) and to .npy again, which must give the same file contents.
func TestFixturesToNpy(t *testing.T) {
	dir := t.TempDir()
	base := "../../testdata"
	type fx struct{ store, want string }
	var cases []fx
	v2, _ := filepath.Glob(filepath.Join(base, "v2_expected", "*.npy"))
	for _, w := range v2 {
		name := strings.TrimSuffix(filepath.Base(w), ".npy")
		if name == "zip_a" { // inside v2.zip, not at its root
			continue
		}
		p := filepath.Join(base, "v2.zarr", name)
		if _, err := os.Stat(p); err != nil {
			p = filepath.Join(base, "v2.zarr", "sub", name)
		}
		cases = append(cases, fx{p, w})
	}
	v3, _ := filepath.Glob(filepath.Join(base, "v3_expected", "*.bin"))
	for _, w := range v3 {
		name := strings.TrimSuffix(filepath.Base(w), ".bin")
		cases = append(cases, fx{filepath.Join(base, "v3.zarr", name), w})
	}
	if len(cases) < 20 {
		t.Fatalf("found %d fixtures", len(cases))
	}
	for i, c := range cases {
		out := filepath.Join(dir, filepath.Base(c.store)+".npy")
		runOK(t, "convert", "-q", c.store, out)
		h, got := npyData(t, out)
		var want []byte
		if strings.HasSuffix(c.want, ".npy") {
			wh, w := npyData(t, c.want)
			if !equalShape(wh.Shape, h.Shape) {
				t.Fatalf("%s: shape %v, want %v", c.store, h.Shape, wh.Shape)
			}
			want = w
		} else {
			var meta struct{ Shape []int }
			j, _ := os.ReadFile(strings.TrimSuffix(c.want, ".bin") + ".json")
			json.Unmarshal(j, &meta)
			if !equalShape(meta.Shape, h.Shape) {
				t.Fatalf("%s: shape %v, want %v", c.store, h.Shape, meta.Shape)
			}
			want, _ = os.ReadFile(c.want)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s: values differ from the fixture", c.store)
		}
		// Back to Zarr and to .npy again.
		flags := [][]string{{"-zarr-format", "2", "-codec", "blosc-lz4"}, {"-zarr-format", "3", "-codec", "gzip", "-level", "1"}}[i%2]
		if i%2 == 1 && len(h.Shape) > 0 {
			ch := make([]string, len(h.Shape))
			sh := make([]string, len(h.Shape))
			for d := range ch {
				ch[d], sh[d] = "2", "4"
			}
			flags = append(flags, "-chunks", strings.Join(ch, ","), "-shard", strings.Join(sh, ","))
		}
		z := filepath.Join(dir, filepath.Base(c.store)+".zarr")
		runOK(t, append(append([]string{"convert", "-q"}, flags...), out, z)...)
		back := filepath.Join(dir, filepath.Base(c.store)+".back.npy")
		runOK(t, "convert", "-q", z, back)
		if _, b := npyData(t, back); !bytes.Equal(b, got) {
			t.Fatalf("%s: %v round trip differs", c.store, flags)
		}
	}
}

func equalShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestConvertStreams converts an F-order big-endian .npy file to Zarr in
// slabs (with a progress bar), checks info on both sides, and reads the
// array back.
func TestConvertStreams(t *testing.T) {
	dir := t.TempDir()
	v := ndview.Zeros[float64](37, 23).T() // F order
	i := 0.0
	for idx := range v.Enumerate() {
		v.Set(i*0.25, idx...)
		i++
	}
	src := filepath.Join(dir, "a.npy")
	f, _ := os.Create(src)
	if err := npy.WriteWith(f, v, npy.Options{ByteOrder: binary.BigEndian}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, _ := runOK(t, "info", src)
	for _, want := range []string{"shape:   [23 37]", "dtype:   >f8", "order:   F"} {
		if !strings.Contains(out, want) {
			t.Errorf("info of the .npy lacks %q:\n%s", want, out)
		}
	}
	z := filepath.Join(dir, "a.zarr")
	_, bar := runOK(t, "convert", "-chunks", "8,4", "-codec", "zstd", "-level", "3", src, z)
	if !strings.Contains(bar, "100% 10/10") {
		t.Errorf("no progress bar over the 10 slabs: %q", bar)
	}
	out, _ = runOK(t, "info", z)
	for _, want := range []string{"format:  zarr v2", "shape:   [23 37]", "dtype:   >f8", "chunks:  [8 4]", "order:   F", "zstd", "stored in 30 chunk objects"} {
		if !strings.Contains(out, want) {
			t.Errorf("info of the Zarr array lacks %q:\n%s", want, out)
		}
	}
	back := filepath.Join(dir, "b.npy")
	runOK(t, "convert", z, back)
	h, got := npyData(t, back)
	if !equalShape(h.Shape, []int{23, 37}) {
		t.Fatalf("shape %v", h.Shape)
	}
	want := make([]byte, 0, len(got))
	for _, x := range v.Clone().ToSlice() {
		want = binary.LittleEndian.AppendUint64(want, mathBits(x))
	}
	if !bytes.Equal(got, want) {
		t.Fatal("values differ")
	}
}

// TestRefusals checks the command's errors: usage, flags, existing
// destinations, unreadable sources.
func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.npy")
	f, _ := os.Create(src)
	npy.Write(f, ndview.Zeros[int32](4, 4))
	f.Close()
	for _, args := range [][]string{
		{},
		{"nope"},
		{"info"},
		{"info", filepath.Join(dir, "missing.npy")},
		{"info", dir},
		{"convert", src},
		{"convert", "-chunks", "0,2", src, filepath.Join(dir, "x.zarr")},
		{"convert", "-chunks", "2", src, filepath.Join(dir, "x.zarr")},
		{"convert", "-codec", "lzma", src, filepath.Join(dir, "x.zarr")},
		{"convert", "-zarr-format", "4", src, filepath.Join(dir, "x.zarr")},
		{"convert", "-shard", "4,4", src, filepath.Join(dir, "x.zarr")},
		{"convert", src, src},
		{"convert", src, filepath.Join(dir, "y.npy")},
	} {
		var out, errb bytes.Buffer
		if err := run(args, &out, &errb); err == nil {
			t.Errorf("ndkit %q: no error", args)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.zarr", ".zarray")); err == nil {
		t.Error("a refused conversion left an array behind")
	}
}

func mathBits(x float64) uint64 { return math.Float64bits(x) }
