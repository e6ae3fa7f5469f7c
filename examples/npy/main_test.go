package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.npy")
	if err := os.WriteFile(path, temperatures, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(path, &out); err != nil {
		t.Fatalf("run: %v", err)
	}
	// Values NumPy 1.24 prints for this file: v.mean(axis=0)[:4] and
	// v[::60, ::6][0, 0].
	for _, want := range []string{"shape [365 24]", "dtype <f4", "  8.00  7.17  6.54  6.14", "[[0.26521748", "read-only true"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
