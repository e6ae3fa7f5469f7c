package zarr

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/ndkit/ndkit/npy"
)

// Options describe a new array for Create.
type Options struct {
	// Format is 2 (the default) or 3.
	Format int
	// DType is the data type: a NumPy dtype string ("<f4", ">i8", "|b1",
	// "<c16") or a Zarr v3 name ("float32", little-endian). Its byte order
	// is the stored one.
	DType string
	// Shape is the array's shape; Chunks its chunk shape (for a sharded
	// v3 array, the inner chunk shape).
	Shape, Chunks []int
	// Shards, for v3 only, is the shard shape, a multiple of Chunks; nil
	// stores every chunk under its own key.
	Shards []int
	// IndexAtStart puts a shard's index before its chunks (index_location
	// "start"); by default it is at the end.
	IndexAtStart bool
	// Order is 'C' (the default) or 'F': the memory order of each chunk
	// (v2 "order"; v3 writes a transpose codec).
	Order byte
	// Fill is the fill value: nil (zero, as zarr.create's default), a bool, an
	// integer, a float (NaN and infinities included) or a complex number.
	Fill any
	// Codecs are the bytes-to-bytes codecs, in encoding order: for v2 at
	// most one, the compressor; for v3 any of zstd, gzip, blosc and
	// crc32c. For a sharded array they apply to each inner chunk, and the
	// index gets a crc32c.
	Codecs []Codec
	// Separator is the chunk key separator, "." or "/"; the default is "."
	// for v2 and "/" for v3.
	Separator string
	// V2Keys selects the v3 "v2" chunk key encoding (keys without the "c"
	// prefix).
	V2Keys bool
	// Attrs are the array's attributes.
	Attrs map[string]any
}

// fillText writes a Go fill value as metadata JSON.
func fillText(x any) (json.RawMessage, error) {
	flt := func(f float64) string { return floatJSON(f, 64) }
	switch v := x.(type) {
	case nil:
		return json.RawMessage("null"), nil
	case float64:
		return json.RawMessage(flt(v)), nil
	case float32:
		return json.RawMessage(flt(float64(v))), nil
	case complex128:
		return json.RawMessage("[" + flt(real(v)) + "," + flt(imag(v)) + "]"), nil
	case complex64:
		c := complex128(v)
		return json.RawMessage("[" + flt(real(c)) + "," + flt(imag(c)) + "]"), nil
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		b, _ := json.Marshal(v)
		return b, nil
	}
	return nil, errorf("Create", "", ErrFormat, "fill value %v (%T) is not a bool, number or complex number", x, x)
}

// parseDTypeOption reads Options.DType.
func parseDTypeOption(s string) (DType, error) {
	if d, ok := v3Names[s]; ok {
		d.Order = '<'
		if d.Size == 1 {
			d.Order = '|'
		}
		return d, nil
	}
	d, err := npy.ParseDType(s)
	if err != nil {
		return DType{}, wrapf("Create", "", ErrUnsupported, err, "dtype %q", s)
	}
	return d, nil
}

// Create writes the metadata of a new array at path in s (replacing any
// there) and returns it open; no chunk is written, so the array reads as
// its fill value. The zarr-python equivalent is zarr.create(shape, chunks,
// dtype, compressor, fill_value, order, store, path) (v2) or
// zarrita.create (v3). It returns an error (ErrFormat, ErrUnsupported)
// for invalid options: a bad shape or chunk shape, a dtype or codec the
// format cannot hold, shards that are not multiples of the chunks.
func Create(ctx context.Context, s Store, path string, o Options) (*Array, error) {
	path = cleanPath(path)
	dt, err := parseDTypeOption(o.DType)
	if err != nil {
		return nil, err
	}
	fill, err := fillText(o.Fill)
	if err != nil {
		return nil, err
	}
	if string(fill) == "null" { // zero, as zarr.create's default fill_value=0
		fill = json.RawMessage("0")
		if dt.Kind == 'b' {
			fill = json.RawMessage("false")
		} else if dt.Kind == 'c' {
			fill = json.RawMessage("[0.0,0.0]")
		}
	}
	order := o.Order
	if order == 0 {
		order = 'C'
	}
	if order != 'C' && order != 'F' {
		return nil, errorf("Create", path, ErrFormat, "order %q is not 'C' or 'F'", order)
	}
	attrs := o.Attrs
	if attrs == nil {
		attrs = map[string]any{}
	}
	var key string
	var doc []byte
	switch o.Format {
	case 0, 2:
		if o.Shards != nil || o.V2Keys {
			return nil, errorf("Create", path, ErrFormat, "Shards and V2Keys are Zarr v3 options")
		}
		if len(o.Codecs) > 1 {
			return nil, errorf("Create", path, ErrFormat, "Zarr v2 has one compressor, %d codecs given", len(o.Codecs))
		}
		var comp any
		if len(o.Codecs) == 1 {
			if comp, err = codecJSON2(o.Codecs[0]); err != nil {
				return nil, withPath("Create", path, err)
			}
		}
		sep := o.Separator
		if sep == "" {
			sep = "."
		}
		m := map[string]any{
			"zarr_format": 2, "shape": nonNil(o.Shape), "chunks": nonNil(o.Chunks), "dtype": dt.String(),
			"compressor": comp, "fill_value": fill, "order": string(order), "filters": nil,
			"dimension_separator": sep,
		}
		key = joinKey(path, ".zarray")
		if doc, err = json.MarshalIndent(m, "", "    "); err != nil {
			return nil, errorf("Create", key, ErrFormat, "%v", err)
		}
		if _, err := parseV2(doc); err != nil {
			return nil, withPath("Create", key, err)
		}
		ab, err := json.MarshalIndent(attrs, "", "    ")
		if err != nil {
			return nil, errorf("Create", path, ErrFormat, "attributes: %v", err)
		}
		if err := s.Set(ctx, joinKey(path, ".zattrs"), ab); err != nil {
			return nil, withPath("Create", joinKey(path, ".zattrs"), err)
		}
	case 3:
		key = joinKey(path, "zarr.json")
		if doc, err = create3(o, dt, fill, order, attrs); err != nil {
			return nil, withPath("Create", key, err)
		}
	default:
		return nil, errorf("Create", path, ErrFormat, "format %d is not 2 or 3", o.Format)
	}
	if err := s.Set(ctx, key, doc); err != nil {
		return nil, withPath("Create", key, err)
	}
	return Open(ctx, s, path)
}

func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// bytesJSON is the v3 bytes codec for dt.
func bytesJSON(dt DType) map[string]any {
	if dt.Size == 1 {
		return map[string]any{"name": "bytes"}
	}
	e := "little"
	if dt.Order == '>' {
		e = "big"
	}
	return map[string]any{"name": "bytes", "configuration": map[string]any{"endian": e}}
}

// create3 builds and checks a v3 zarr.json document.
func create3(o Options, dt DType, fill json.RawMessage, order byte, attrs map[string]any) ([]byte, error) {
	var codecs []any
	if order == 'F' && len(o.Shape) > 1 {
		perm := make([]int, len(o.Shape))
		for k := range perm {
			perm[k] = len(perm) - 1 - k
		}
		codecs = append(codecs, map[string]any{"name": "transpose", "configuration": map[string]any{"order": perm}})
	}
	codecs = append(codecs, bytesJSON(dt))
	for _, c := range o.Codecs {
		j, err := codecJSON3(c, dt.Size)
		if err != nil {
			return nil, err
		}
		codecs = append(codecs, j)
	}
	grid := nonNil(o.Chunks)
	if o.Shards != nil {
		grid = o.Shards
		loc := "end"
		if o.IndexAtStart {
			loc = "start"
		}
		codecs = []any{map[string]any{"name": "sharding_indexed", "configuration": map[string]any{
			"chunk_shape": nonNil(o.Chunks), "codecs": codecs, "index_location": loc,
			"index_codecs": []any{bytesJSON(DType{Kind: 'u', Size: 8, Order: '<'}), map[string]any{"name": "crc32c"}},
		}}}
	}
	sep := o.Separator
	keys := "default"
	if o.V2Keys {
		keys = "v2"
		if sep == "" {
			sep = "."
		}
	}
	if sep == "" {
		sep = "/"
	}
	m := map[string]any{
		"zarr_format": 3, "node_type": "array", "shape": nonNil(o.Shape), "data_type": v3Name(dt),
		"chunk_grid":         map[string]any{"name": "regular", "configuration": map[string]any{"chunk_shape": slices.Clone(grid)}},
		"chunk_key_encoding": map[string]any{"name": keys, "configuration": map[string]any{"separator": sep}},
		"fill_value":         fill, "codecs": codecs, "attributes": attrs,
	}
	doc, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, errorf("", "", ErrFormat, "%v", err)
	}
	pm, err := decodeObject(doc, "zarr.json")
	if err != nil {
		return nil, err
	}
	if _, err := parseV3(pm); err != nil {
		return nil, err
	}
	return doc, nil
}
