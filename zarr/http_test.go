package zarr

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

// TestHTTPStore serves the zarr-python fixtures over HTTP on the loopback
// interface and reads them back through consolidated metadata.
func TestHTTPStore(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir("testdata/v2.zarr")))
	defer srv.Close()
	ctx := context.Background()
	s := NewHTTPStore(srv.URL, srv.Client())
	cons, err := OpenConsolidated(ctx, s, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"f4_zlib", "f8be_gzip_F", "u2_lz4_nested", "f4_fill_nan"} {
		a, err := Open(ctx, cons, v2Path(name))
		if err != nil {
			t.Fatal(err)
		}
		checkAgainst(t, a, filepath.Join("testdata/v2_expected", name+".npy"))
	}
	if _, err := s.Get(ctx, "nope/.zarray"); !errors.Is(err, ErrNotFound) {
		t.Errorf("absent key: %v", err)
	}
	if err := s.Set(ctx, "x", nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Set: %v", err)
	}
}
