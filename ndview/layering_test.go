package ndview

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLayering checks the import rules of the internal packages (README,
// Architecture): each may import only the ndkit packages listed here, so
// that layout arithmetic never sees element types or memory, and only mem
// imports unsafe.
func TestLayering(t *testing.T) {
	const module = "github.com/ndkit/ndkit/"
	allowed := map[string][]string{
		"allocgen": {}, // a generator command: writes zz_alloc.go
		"errs":     {},
		"mem":      {"bfloat16", "float8"}, // the narrow storage floats, leaf packages like x448/float16 (semantics.md §26)
		"layout":   {"ndview/internal/errs"},
		"plan":     {"ndview/internal/layout", "ndview/internal/errs"},
		"simd":     {},
		"kernels":  {"ndview/internal/plan", "ndview/internal/mem", "ndview/internal/simd", "bfloat16", "float8"},
	}
	dirs, err := os.ReadDir("internal")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		ok, known := allowed[d.Name()]
		if !known {
			t.Errorf("internal/%s has no entry in the layering table", d.Name())
			continue
		}
		seen++
		files, _ := filepath.Glob(filepath.Join("internal", d.Name(), "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range file.Imports {
				path := strings.Trim(imp.Path.Value, `"`)
				if path == "unsafe" && d.Name() != "mem" {
					t.Errorf("%s imports unsafe; only internal/mem may", f)
				}
				if !strings.HasPrefix(path, module) {
					continue
				}
				rel := strings.TrimPrefix(path, module)
				found := false
				for _, a := range ok {
					found = found || a == rel
				}
				if !found {
					t.Errorf("%s imports %s, which internal/%s may not import", f, rel, d.Name())
				}
			}
		}
	}
	top, _ := filepath.Glob("*.go")
	for _, f := range top {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range file.Imports {
			if imp.Path.Value == `"unsafe"` {
				t.Errorf("%s imports unsafe; only internal/mem may", f)
			}
		}
	}
	if seen < 4 {
		t.Errorf("found %d internal packages, want at least errs, mem, layout and plan", seen)
	}
}
