package zarr

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Group is an open Zarr group (v2 .zgroup, v3 zarr.json with node_type
// "group") and its attributes.
type Group struct {
	store  Store
	path   string
	format int
	attrs  map[string]any
}

// Path returns the group's path in its store ("" for the root).
func (g *Group) Path() string { return g.path }

// Format returns the Zarr format version, 2 or 3.
func (g *Group) Format() int { return g.format }

// Attrs returns a copy of the group's attributes.
func (g *Group) Attrs() map[string]any { return maps.Clone(g.attrs) }

// OpenGroup opens the group at path in s (zarr.open_group(store, path,
// mode="r")). It returns an error wrapping ErrNotFound when no group is
// there and ErrFormat for malformed metadata, naming the key.
func OpenGroup(ctx context.Context, s Store, path string) (*Group, error) {
	path = cleanPath(path)
	key := joinKey(path, "zarr.json")
	doc, err := s.Get(ctx, key)
	if err == nil {
		m, err := decodeObject(doc, "zarr.json")
		if err != nil {
			return nil, withPath("OpenGroup", key, err)
		}
		var nt string
		if err := checkFormat3(m, &nt); err != nil {
			return nil, withPath("OpenGroup", key, err)
		}
		if nt != "group" {
			return nil, errorf("OpenGroup", key, ErrFormat, "node_type is %q, not \"group\"", nt)
		}
		attrs, err := parseAttrs(m["attributes"])
		if err != nil {
			return nil, withPath("OpenGroup", key, err)
		}
		if err := checkExtensions(m, "zarr_format", "node_type", "attributes", "consolidated_metadata"); err != nil {
			return nil, withPath("OpenGroup", key, err)
		}
		return &Group{store: s, path: path, format: 3, attrs: attrs}, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return nil, withPath("OpenGroup", key, err)
	}
	key = joinKey(path, ".zgroup")
	doc, err = s.Get(ctx, key)
	if err != nil {
		if errors.Is(err, ErrNotFound) {
			return nil, wrapf("OpenGroup", path, ErrNotFound, nil, "no group here: neither zarr.json nor .zgroup exists")
		}
		return nil, withPath("OpenGroup", key, err)
	}
	m, err := decodeObject(doc, ".zgroup")
	if err != nil {
		return nil, withPath("OpenGroup", key, err)
	}
	var f int
	if json.Unmarshal(m["zarr_format"], &f) != nil || f != 2 {
		return nil, errorf("OpenGroup", key, ErrFormat, "zarr_format is %s, expected 2", clip(string(m["zarr_format"])))
	}
	attrs, err := getAttrs2(ctx, s, path)
	if err != nil {
		return nil, err
	}
	return &Group{store: s, path: path, format: 2, attrs: attrs}, nil
}

// CreateGroup writes the metadata of a group at path (format 2 or 3)
// with the given attributes, as zarr.group(store, path=path) does.
func CreateGroup(ctx context.Context, s Store, path string, format int, attrs map[string]any) (*Group, error) {
	path = cleanPath(path)
	if attrs == nil {
		attrs = map[string]any{}
	}
	g := &Group{store: s, path: path, format: format, attrs: maps.Clone(attrs)}
	switch format {
	case 2:
		if err := s.Set(ctx, joinKey(path, ".zgroup"), []byte("{\n    \"zarr_format\": 2\n}")); err != nil {
			return nil, withPath("CreateGroup", joinKey(path, ".zgroup"), err)
		}
	case 3:
	default:
		return nil, errorf("CreateGroup", path, ErrFormat, "format %d is not 2 or 3", format)
	}
	if err := g.SetAttrs(ctx, attrs); err != nil {
		return nil, err
	}
	return g, nil
}

// SetAttrs replaces the group's attributes and writes them to the store.
func (g *Group) SetAttrs(ctx context.Context, attrs map[string]any) error {
	if err := setAttrs(ctx, g.store, g.path, g.format, "group", attrs); err != nil {
		return err
	}
	g.attrs = maps.Clone(attrs)
	return nil
}

// SetAttrs replaces the array's attributes and writes them to the store
// (.zattrs in v2; zarr.json rewritten in v3).
func (a *Array) SetAttrs(ctx context.Context, attrs map[string]any) error {
	if err := setAttrs(ctx, a.store, a.path, a.m.format, "array", attrs); err != nil {
		return err
	}
	a.m.attrs = maps.Clone(attrs)
	return nil
}

// setAttrs writes attributes: v2 .zattrs, or the v3 zarr.json with its
// "attributes" replaced (a group's zarr.json is created if absent).
func setAttrs(ctx context.Context, s Store, path string, format int, nodeType string, attrs map[string]any) error {
	if attrs == nil {
		attrs = map[string]any{}
	}
	ab, err := json.MarshalIndent(attrs, "", "    ")
	if err != nil {
		return errorf("SetAttrs", path, ErrFormat, "attributes cannot be written as JSON: %v", err)
	}
	if format == 2 {
		return withPath("SetAttrs", joinKey(path, ".zattrs"), s.Set(ctx, joinKey(path, ".zattrs"), ab))
	}
	key := joinKey(path, "zarr.json")
	doc, err := s.Get(ctx, key)
	m := map[string]json.RawMessage{}
	switch {
	case err == nil:
		if m, err = decodeObject(doc, "zarr.json"); err != nil {
			return withPath("SetAttrs", key, err)
		}
	case errors.Is(err, ErrNotFound) && nodeType == "group":
		m["zarr_format"] = json.RawMessage("3")
		m["node_type"] = json.RawMessage(`"group"`)
	default:
		return withPath("SetAttrs", key, err)
	}
	m["attributes"] = ab
	out, _ := json.MarshalIndent(m, "", "  ")
	return withPath("SetAttrs", key, s.Set(ctx, key, out))
}

// Lister is a Store that can list its keys; Consolidate needs one.
type Lister interface {
	Store
	// List returns the keys that start with prefix, sorted.
	List(ctx context.Context, prefix string) ([]string, error)
}

// List returns the keys starting with prefix, sorted.
func (s *MemoryStore) List(ctx context.Context, prefix string) ([]string, error) {
	var out []string
	for _, k := range s.Keys() {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out, nil
}

// List returns the keys (files, in slash form) starting with prefix,
// sorted; temporary files of unfinished writes are left out.
func (s *DirStore) List(ctx context.Context, prefix string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(s.root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".tmp-") {
			return nil
		}
		rel, err := filepath.Rel(s.root, p)
		if err != nil {
			return err
		}
		k := filepath.ToSlash(rel)
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
		return nil
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, wrapf("List", prefix, ErrFormat, err, "cannot list the store")
	}
	slices.Sort(out)
	return out, nil
}

// List returns the member names starting with prefix, sorted.
func (s *ZipStore) List(ctx context.Context, prefix string) ([]string, error) {
	var out []string
	for k := range s.files {
		if strings.HasPrefix(k, prefix) && !strings.HasSuffix(k, "/") {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out, nil
}

// isMetaKey reports whether key names a v2 metadata document.
func isMetaKey(key string) bool {
	base := key[strings.LastIndexByte(key, '/')+1:]
	return base == ".zarray" || base == ".zgroup" || base == ".zattrs"
}

// Consolidate writes the v2 consolidated metadata .zmetadata of the
// hierarchy under path: every .zarray, .zgroup and .zattrs below it in one
// document (zarr.consolidate_metadata).
func Consolidate(ctx context.Context, s Lister, path string) error {
	path = cleanPath(path)
	prefix := ""
	if path != "" {
		prefix = path + "/"
	}
	keys, err := s.List(ctx, prefix)
	if err != nil {
		return err
	}
	meta := map[string]json.RawMessage{}
	for _, k := range keys {
		if !isMetaKey(k) {
			continue
		}
		doc, err := s.Get(ctx, k)
		if err != nil {
			return withPath("Consolidate", k, err)
		}
		if !json.Valid(doc) {
			return errorf("Consolidate", k, ErrFormat, "metadata is not valid JSON")
		}
		meta[strings.TrimPrefix(k, prefix)] = doc
	}
	out, _ := json.MarshalIndent(map[string]any{"metadata": meta, "zarr_consolidated_format": 1}, "", "    ")
	return withPath("Consolidate", joinKey(path, ".zmetadata"), s.Set(ctx, joinKey(path, ".zmetadata"), out))
}

// consolidated is a Store that answers metadata keys from a .zmetadata
// document and passes every other key to the store below.
type consolidated struct {
	Store
	prefix string
	meta   map[string][]byte
}

// OpenConsolidated reads the consolidated metadata .zmetadata at path and
// returns a store that serves the hierarchy's metadata from it, with one
// read, and chunks from s (zarr.open_consolidated). Metadata keys absent
// from the document read as absent. Writes go to s.
func OpenConsolidated(ctx context.Context, s Store, path string) (Store, error) {
	path = cleanPath(path)
	key := joinKey(path, ".zmetadata")
	doc, err := s.Get(ctx, key)
	if err != nil {
		return nil, withPath("OpenConsolidated", key, err)
	}
	var c struct {
		Metadata map[string]json.RawMessage `json:"metadata"`
		Format   *int                       `json:"zarr_consolidated_format"`
	}
	if err := json.Unmarshal(doc, &c); err != nil {
		return nil, wrapf("OpenConsolidated", key, ErrFormat, err, "not a JSON object")
	}
	if c.Format == nil || *c.Format != 1 {
		return nil, errorf("OpenConsolidated", key, ErrFormat, "zarr_consolidated_format is not 1")
	}
	if c.Metadata == nil {
		return nil, errorf("OpenConsolidated", key, ErrFormat, "no \"metadata\" object")
	}
	prefix := ""
	if path != "" {
		prefix = path + "/"
	}
	cs := &consolidated{Store: s, prefix: prefix, meta: map[string][]byte{}}
	for k, v := range c.Metadata {
		cs.meta[prefix+k] = v
	}
	return cs, nil
}

// Get serves metadata keys from the consolidated document.
func (c *consolidated) Get(ctx context.Context, key string) ([]byte, error) {
	if strings.HasPrefix(key, c.prefix) && isMetaKey(key) {
		if v, ok := c.meta[key]; ok {
			return slices.Clone(v), nil
		}
		return nil, wrapf("Get", key, ErrNotFound, nil, "not in the consolidated metadata")
	}
	if strings.HasSuffix(key, "zarr.json") {
		return nil, wrapf("Get", key, ErrNotFound, nil, "not in the consolidated metadata")
	}
	return c.Store.Get(ctx, key)
}
