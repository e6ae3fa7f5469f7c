package mmap

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMap maps a file read-write, writes through the mapping, syncs, and
// reads the change back from the file; zero pages then read as zeros
// without touching the file.
func TestMap(t *testing.T) {
	if !Available {
		if _, err := Map(nil, 1, false); err != ErrUnsupported {
			t.Fatalf("Map = %v, want ErrUnsupported", err)
		}
		t.Skip("no memory mapping on this platform: only the ErrUnsupported path is tested")
	}
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("abcdefgh"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, n := range []int64{0, -1} {
		if _, err := Map(f, n, false); err == nil {
			t.Fatalf("Map(n=%d) gave no error", n)
		}
	}
	mem, err := Map(f, 8, true)
	if err != nil {
		t.Fatal(err)
	}
	mem[0] = 'X'
	if err := Sync(mem); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "Xbcdefgh" {
		t.Fatalf("file holds %q after a write through the mapping", b)
	}
	if err := ZeroPages(mem, true); err != nil {
		t.Fatal(err)
	}
	if mem[1] != 0 || mem[7] != 0 {
		t.Fatalf("zero pages read %q", mem)
	}
	mem[2] = 'Y' // private pages: writable, not written to the file
	if b, _ := os.ReadFile(path); string(b) != "Xbcdefgh" {
		t.Fatalf("file changed to %q by a write to zero pages", b)
	}
	if err := Unmap(mem); err != nil {
		t.Fatal(err)
	}
}
