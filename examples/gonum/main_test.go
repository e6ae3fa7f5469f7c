package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, want := range []string{
		"shares data: true",
		"beta = [1.500  -2.000  0.250  3.000]",
		"equal to stat.CovarianceMatrix on a copy: true",
		"m.At(0, 0) = 42",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
