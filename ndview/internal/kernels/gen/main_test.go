package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFresh checks that the checked-in generated files are those the
// tables give.
func TestFresh(t *testing.T) {
	files, err := generate(elementwise, reductions, conversions)
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		cur, err := os.ReadFile(filepath.Join("..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(cur, src) {
			t.Errorf("%s is stale: run go generate in ndview/internal/kernels", name)
		}
	}
}

// TestFastSlot checks that an operation with a fast path calls it, in
// place of its all-contiguous loop, and only there.
func TestFastSlot(t *testing.T) {
	ops := []Op{
		{Name: "Add", Arity: 2, Cons: "numeric", Expr: "x + y", Doc: "x + y", Fast: "addFast"},
		{Name: "Neg", Arity: 1, Cons: "numeric", Expr: "-x", Doc: "−x", Fast: "negFast"},
	}
	reds := []Reduction{{Name: "Sum", Op: "Add", Doc: "the sum"}}
	files, err := generate(ops, reds, conversions)
	if err != nil {
		t.Fatal(err)
	}
	ew := string(files["zz_elementwise.go"])
	for _, call := range []string{"addFast(d[di:di+n], a[ai:ai+n], b[bi:bi+n])", "negFast(d[di:di+n], a[ai:ai+n])"} {
		if strings.Count(ew, call) != 1 {
			t.Errorf("the walker does not call %s once:\n%s", call, ew)
		}
	}
	if strings.Count(ew, "AddVV(d[di:di+n]") != 0 {
		t.Errorf("AddRows still calls AddVV:\n%s", ew)
	}
	red := string(files["zz_reduce.go"])
	if !strings.Contains(red, "addFast(d[di:di+n], d[di:di+n], s[si:si+n])") {
		t.Errorf("FoldSum does not call the fast path of Add:\n%s", red)
	}
	for name, src := range files {
		if n := strings.Count(string(src), "addFast("); n > 0 && name != "zz_reduce.go" && name != "zz_elementwise.go" {
			t.Errorf("%s calls addFast %d times", name, n)
		}
	}
}

// TestTableErrors checks that the generator refuses broken tables.
func TestTableErrors(t *testing.T) {
	add := Op{Name: "Add", Arity: 2, Cons: "numeric", Expr: "x + y", Doc: "x + y"}
	for name, c := range map[string]struct {
		ops  []Op
		reds []Reduction
	}{
		"twice":          {ops: []Op{add, add}},
		"arity":          {ops: []Op{{Name: "F", Arity: 3, Cons: "numeric", Expr: "x", Doc: "x"}}},
		"constraint":     {ops: []Op{{Name: "F", Arity: 1, Cons: "comparable", Expr: "x", Doc: "x"}}},
		"reserved param": {ops: []Op{{Name: "F", Arity: 1, Cons: "numeric", Expr: "x", Doc: "x", Params: []Param{{Name: "n", Type: "int"}}}}},
		"no op":          {ops: []Op{add}, reds: []Reduction{{Name: "Sum", Op: "Plus"}}},
		"chains":         {ops: []Op{add}, reds: []Reduction{{Name: "Sum", Op: "Add", Chains: 3}}},
		"chains stop":    {ops: []Op{add}, reds: []Reduction{{Name: "Sum", Op: "Add", Chains: 4, Stop: "r"}}},
	} {
		if _, err := generate(c.ops, c.reds, conversions); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := generate(nil, nil, conversions[:3]); err == nil {
		t.Error("conversions missing pairs: no error")
	}
}
