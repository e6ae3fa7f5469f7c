package zarr

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"slices"
)

// Array is an open Zarr array (v2 or v3) in a store. Its methods and the
// functions Read, ReadInto and Write are safe for concurrent use; writes
// of different chunks from several goroutines or processes need no lock
// (semantics.md §24, ZR9).
type Array struct {
	store Store
	path  string
	m     *arrayMeta
}

// key joins the array's path and a relative key.
func (a *Array) key(rel string) string { return joinKey(a.path, rel) }

func joinKey(path, rel string) string {
	if path == "" {
		return rel
	}
	return path + "/" + rel
}

// Path returns the array's path in its store ("" for the root).
func (a *Array) Path() string { return a.path }

// Format returns the Zarr format version, 2 or 3.
func (a *Array) Format() int { return a.m.format }

// Shape returns a copy of the array's shape.
func (a *Array) Shape() []int { return slices.Clone(a.m.shape) }

// Chunks returns a copy of the chunk grid's chunk shape: the shard shape
// of a sharded v3 array.
func (a *Array) Chunks() []int { return slices.Clone(a.m.chunks) }

// InnerChunks returns the inner chunk shape of a sharded v3 array, and
// nil for other arrays.
func (a *Array) InnerChunks() []int {
	if a.m.p.shard == nil {
		return nil
	}
	return slices.Clone(a.m.p.shard.inner)
}

// DType returns the array's data type, with its stored byte order.
func (a *Array) DType() DType { return a.m.dtype }

// Order returns 'C' or 'F', the memory order of v2 chunks ('C' for v3,
// whose transpose codec says the same).
func (a *Array) Order() byte { return a.m.order }

// Codecs returns the bytes-to-bytes codecs of the array's chunks (for v2,
// the compressor), in encoding order; for a sharded array, those of the
// inner chunks.
func (a *Array) Codecs() []Codec {
	p := a.m.p
	if p.shard != nil {
		p = p.shard.p
	}
	return slices.Clone(p.specs)
}

// Attrs returns a copy of the array's attributes (.zattrs in v2, the
// "attributes" of zarr.json in v3).
func (a *Array) Attrs() map[string]any { return maps.Clone(a.m.attrs) }

// FillValue returns the JSON of the fill value, as the metadata holds it
// ("NaN", 0, [1.0, 2.0]); "null" for a v2 array without one.
func (a *Array) FillValue() string {
	if !a.m.hasFill {
		return "null"
	}
	return string(fillJSON(a.m.fill, a.m.dtype))
}

// Open opens the array at path in s: a v3 zarr.json if there is one, else
// a v2 .zarray with its .zattrs. It returns an error naming the key and
// the problem for absent (ErrNotFound), malformed (ErrFormat) or
// unsupported (ErrUnsupported) metadata. The zarr-python equivalent is
// zarr.open_array(store, mode="r+", path=path).
func Open(ctx context.Context, s Store, path string) (*Array, error) {
	path = cleanPath(path)
	doc, err := s.Get(ctx, joinKey(path, "zarr.json"))
	if err == nil {
		m, err := decodeObject(doc, "zarr.json")
		if err != nil {
			return nil, withPath("Open", joinKey(path, "zarr.json"), err)
		}
		var nt string
		if err := checkFormat3(m, &nt); err != nil {
			return nil, withPath("Open", joinKey(path, "zarr.json"), err)
		}
		if nt != "array" {
			return nil, errorf("Open", joinKey(path, "zarr.json"), ErrFormat, "node_type is %q, not \"array\"", nt)
		}
		meta, err := parseV3(m)
		if err != nil {
			return nil, withPath("Open", joinKey(path, "zarr.json"), err)
		}
		return &Array{store: s, path: path, m: meta}, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return nil, withPath("Open", joinKey(path, "zarr.json"), err)
	}
	key := joinKey(path, ".zarray")
	doc, err = s.Get(ctx, key)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, wrapf("Open", path, ErrNotFound, nil, "no array here: neither zarr.json nor .zarray exists")
		}
		return nil, withPath("Open", key, err)
	}
	meta, err := parseV2(doc)
	if err != nil {
		return nil, withPath("Open", key, err)
	}
	attrs, err := getAttrs2(ctx, s, path)
	if err != nil {
		return nil, err
	}
	meta.attrs = attrs
	return &Array{store: s, path: path, m: meta}, nil
}

// getAttrs2 reads the .zattrs of the node at path; an absent one is empty.
func getAttrs2(ctx context.Context, s Store, path string) (map[string]any, error) {
	key := joinKey(path, ".zattrs")
	doc, err := s.Get(ctx, key)
	if errors.Is(err, ErrNotFound) {
		return map[string]any{}, nil
	}
	if err != nil {
		return nil, withPath("Open", key, err)
	}
	attrs, err := parseAttrs(doc)
	if err != nil {
		return nil, withPath("Open", key, err)
	}
	return attrs, nil
}

// checkFormat3 checks zarr_format 3 and reads node_type.
func checkFormat3(m map[string]json.RawMessage, nodeType *string) error {
	var f int
	if err := json.Unmarshal(m["zarr_format"], &f); err != nil || f != 3 {
		return errorf("", "", ErrFormat, "zarr_format is %s, expected 3", clip(string(m["zarr_format"])))
	}
	if err := json.Unmarshal(m["node_type"], nodeType); err != nil {
		return errorf("", "", ErrFormat, "node_type is %s, not a string", clip(string(m["node_type"])))
	}
	return nil
}

// cleanPath trims slashes from a node path.
func cleanPath(p string) string {
	for len(p) > 0 && p[0] == '/' {
		p = p[1:]
	}
	for len(p) > 0 && p[len(p)-1] == '/' {
		p = p[:len(p)-1]
	}
	return p
}
