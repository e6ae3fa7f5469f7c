package npy

import "testing"

// TestDTypeNames checks Name and DTypeNamed against NumPy's names for
// every supported dtype, and that unknown names are refused.
func TestDTypeNames(t *testing.T) {
	for _, c := range []struct {
		descr, name string
	}{{"|b1", "bool"}, {"|i1", "int8"}, {"<i2", "int16"}, {"<i4", "int32"}, {"<i8", "int64"},
		{"|u1", "uint8"}, {"<u2", "uint16"}, {"<u4", "uint32"}, {"<u8", "uint64"},
		{"<f2", "float16"}, {"<f4", "float32"}, {"<f8", "float64"}, {"<c8", "complex64"}, {"<c16", "complex128"}} {
		d, err := ParseDType(c.descr)
		if err != nil {
			t.Fatal(err)
		}
		if d.Name() != c.name {
			t.Errorf("%s: Name %q, want %q", c.descr, d.Name(), c.name)
		}
		got, ok := DTypeNamed(c.name)
		if !ok || got.Kind != d.Kind || got.Size != d.Size || (d.Size == 1) != (got.Order == '|') || (d.Size > 1 && got.Order != hostOrder) {
			t.Errorf("DTypeNamed(%q) = %v, %v", c.name, got, ok)
		}
	}
	for _, bad := range []string{"", "float128", "int", "object", "Float32"} {
		if _, ok := DTypeNamed(bad); ok {
			t.Errorf("DTypeNamed(%q) accepted", bad)
		}
	}
}
