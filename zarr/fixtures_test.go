package zarr

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// v2Path returns the path of a v2 fixture array in testdata/v2.zarr:
// arrays whose names start with "i" are in the group "sub" (but for
// i4_fill_null), as gen_v2.py writes them.
func v2Path(name string) string {
	if strings.HasPrefix(name, "i") && name != "i4_fill_null" {
		return "sub/" + name
	}
	return name
}

// TestZarrPythonV2Fixtures reads every array zarr-python 2 wrote
// (gen_v2.py: every compressor, both orders and byte orders, fill values,
// missing chunks) and compares it bit for bit with what zarr-python read.
func TestZarrPythonV2Fixtures(t *testing.T) {
	ctx := context.Background()
	s, err := NewDirStore("testdata/v2.zarr")
	if err != nil {
		t.Fatal(err)
	}
	cons, err := OpenConsolidated(ctx, s, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range fixtureNames(t, "testdata/v2_expected") {
		if name == "zip_a" {
			continue
		}
		for _, st := range []Store{s, cons} {
			a, err := Open(ctx, st, v2Path(name))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if a.Attrs()["case"] != name && name != "i4_fill_null" {
				t.Errorf("%s: attrs %v", name, a.Attrs())
			}
			checkAgainst(t, a, filepath.Join("testdata/v2_expected", name+".npy"))
		}
	}
	g, err := OpenGroup(ctx, cons, "sub")
	if err != nil {
		t.Fatal(err)
	}
	if g.Format() != 2 || g.Attrs()["flag"] != true {
		t.Errorf("group sub: format %d attrs %v", g.Format(), g.Attrs())
	}
	root, err := OpenGroup(ctx, s, "")
	if err != nil || root.Attrs()["title"] != "ndkit zarr v2 fixtures" {
		t.Errorf("root group: %v %v", root, err)
	}
}

// TestZipStoreFixture reads an array from a zip store zarr-python wrote.
func TestZipStoreFixture(t *testing.T) {
	zs, err := OpenZipStore("testdata/v2.zip")
	if err != nil {
		t.Fatal(err)
	}
	defer zs.Close()
	a, err := Open(context.Background(), zs, "a")
	if err != nil {
		t.Fatal(err)
	}
	checkAgainst(t, a, "testdata/v2_expected/zip_a.npy")
	if err := zs.Set(context.Background(), "a/0.0", nil); err == nil {
		t.Error("zip store accepted a write")
	}
}

// TestZarritaV3Fixtures reads every v3 array of gen_v3.mjs (zarrita's
// bytes in both endians, transpose, gzip, zstd, blosc, fill values, the v2
// key encoding, and sharded arrays with crc32c indexes at the start and the
// end and missing inner chunks) and compares it with what zarrita read.
func TestZarritaV3Fixtures(t *testing.T) {
	ctx := context.Background()
	s, err := NewDirStore("testdata/v3.zarr")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range fixtureNamesExt(t, "testdata/v3_expected", ".json") {
		var meta struct {
			Shape []int  `json:"shape"`
			DType string `json:"data_type"`
		}
		doc, err := os.ReadFile(filepath.Join("testdata/v3_expected", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(doc, &meta); err != nil {
			t.Fatal(err)
		}
		a, err := Open(ctx, s, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if a.Format() != 3 || v3Name(a.DType()) != meta.DType || a.Attrs()["case"] != name {
			t.Errorf("%s: format %d dtype %v attrs %v", name, a.Format(), a.DType(), a.Attrs())
		}
		checkAgainst(t, a, filepath.Join("testdata/v3_expected", name+".bin"), meta.Shape...)
	}
	g, err := OpenGroup(ctx, s, "")
	if err != nil || g.Format() != 3 || g.Attrs()["title"] != "ndkit zarr v3 fixtures" {
		t.Errorf("root group: %+v %v", g, err)
	}
}
