package zarr

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
)

// maxChunkBytes bounds the decoded size of one chunk (or shard), so that
// metadata from outside cannot make a read allocate without limit.
const maxChunkBytes = 1 << 31

// pipeline is a chunk's codec chain: an optional transpose, the byte
// order of the array-to-bytes step (or a sharding codec in its place),
// then bytes-to-bytes codecs in encoding order.
type pipeline struct {
	perm   []int // encoded axis k is chunk axis perm[k]; nil for identity
	endian byte  // '<', '>' or '|'
	shard  *shardSpec
	specs  []Codec
	bb     []bytesCodec
}

// shardSpec is the configuration of a sharding_indexed codec.
type shardSpec struct {
	inner   []int     // inner chunk shape
	p       *pipeline // codecs of an inner chunk
	index   *pipeline // codecs of the index (bytes and crc32c only)
	atStart bool      // index before the chunks (index_location "start")
}

// arrayMeta is the parsed metadata of one array, v2 or v3.
type arrayMeta struct {
	format    int
	shape     []int
	chunks    []int // the chunk grid's chunk shape (a shard when sharded)
	dtype     DType // Order is the stored byte order
	fill      []byte
	hasFill   bool
	sep       string // chunk key separator
	v2Keys    bool   // "v2" chunk key encoding (no "c" prefix)
	order     byte   // v2 'C' or 'F'; v3 'C'
	p         *pipeline
	attrs     map[string]any
	dimNames  []any
	zattrsKey bool // v2: attributes were in .zattrs
}

// checkShape validates a shape (extents ≥ 0, product fitting int) or a
// chunk shape (extents ≥ 1, byte size ≤ maxChunkBytes).
func checkShape(what string, sh []int, chunk bool, itemSize int) error {
	if len(sh) > ndview.MaxRank {
		return errorf("", "", ErrFormat, "%s has %d dimensions, above the maximum of %d", what, len(sh), ndview.MaxRank)
	}
	n := 1
	for _, e := range sh {
		if e < 0 || (chunk && e == 0) {
			return errorf("", "", ErrFormat, "%s %v has an extent below %d", what, sh, map[bool]int{true: 1, false: 0}[chunk])
		}
		if e != 0 && n > math.MaxInt/e {
			return errorf("", "", ErrFormat, "%s %v has more elements than an int can count", what, sh)
		}
		n *= e
	}
	if chunk && (n > maxChunkBytes/itemSize) {
		return errorf("", "", ErrFormat, "%s %v holds more than %d bytes; chunks that large are refused", what, sh, maxChunkBytes)
	}
	return nil
}

// parseInts reads a JSON array of integers.
func parseInts(raw json.RawMessage, what string) ([]int, error) {
	if raw == nil {
		return nil, errorf("", "", ErrFormat, "%s is missing", what)
	}
	var fs []json.Number
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&fs); err != nil {
		return nil, errorf("", "", ErrFormat, "%s is %s, not a list of integers", what, clip(string(raw)))
	}
	out := make([]int, len(fs))
	for i, f := range fs {
		v, err := strconv.ParseInt(string(f), 10, 64)
		if err != nil {
			return nil, errorf("", "", ErrFormat, "%s[%d] is %s, not an integer that fits int64", what, i, f)
		}
		out[i] = int(v)
	}
	return out, nil
}

// decodeObject reads a JSON object into a map of raw fields.
func decodeObject(data []byte, what string) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, wrapf("", "", ErrFormat, err, "%s is not a JSON object", what)
	}
	if m == nil {
		return nil, errorf("", "", ErrFormat, "%s is null, not a JSON object", what)
	}
	return m, nil
}

// parseAttrs reads an attributes object (null or absent is empty).
func parseAttrs(raw json.RawMessage) (map[string]any, error) {
	attrs := map[string]any{}
	if len(raw) == 0 || string(raw) == "null" {
		return attrs, nil
	}
	if err := json.Unmarshal(raw, &attrs); err != nil {
		return nil, wrapf("", "", ErrFormat, err, "attributes are not a JSON object")
	}
	if attrs == nil {
		attrs = map[string]any{}
	}
	return attrs, nil
}

// parseV2 reads a .zarray document.
func parseV2(data []byte) (*arrayMeta, error) {
	m, err := decodeObject(data, ".zarray")
	if err != nil {
		return nil, err
	}
	var format int
	if err := json.Unmarshal(m["zarr_format"], &format); err != nil || format != 2 {
		return nil, errorf("", "", ErrFormat, "zarr_format is %s, expected 2", clip(string(m["zarr_format"])))
	}
	var dts string
	if err := json.Unmarshal(m["dtype"], &dts); err != nil {
		return nil, errorf("", "", ErrUnsupported, "dtype %s is not a simple dtype string (structured dtypes are not supported)", clip(string(m["dtype"])))
	}
	dt, err := npy.ParseDType(dts)
	if err != nil {
		return nil, wrapf("", "", ErrUnsupported, err, "dtype %q", dts)
	}
	a := &arrayMeta{format: 2, dtype: dt, sep: ".", v2Keys: true, order: 'C'}
	if a.shape, err = parseInts(m["shape"], "shape"); err != nil {
		return nil, err
	}
	if a.chunks, err = parseInts(m["chunks"], "chunks"); err != nil {
		return nil, err
	}
	if err := a.checkGrid(); err != nil {
		return nil, err
	}
	var order string
	if err := json.Unmarshal(m["order"], &order); err != nil || (order != "C" && order != "F") {
		return nil, errorf("", "", ErrFormat, "order is %s, expected \"C\" or \"F\"", clip(string(m["order"])))
	}
	a.order = order[0]
	p := &pipeline{endian: dt.Order}
	if order == "F" && len(a.shape) > 1 {
		p.perm = make([]int, len(a.shape))
		for k := range p.perm {
			p.perm[k] = len(a.shape) - 1 - k
		}
	}
	if raw := m["compressor"]; len(raw) > 0 && string(raw) != "null" {
		c, err := parseCodec2(raw)
		if err != nil {
			return nil, err
		}
		p.specs = []Codec{c}
	}
	if raw := m["filters"]; len(raw) > 0 && string(raw) != "null" {
		var fs []json.RawMessage
		if err := json.Unmarshal(raw, &fs); err != nil {
			return nil, errorf("", "", ErrFormat, "filters is %s, not a list", clip(string(raw)))
		}
		if len(fs) > 0 {
			return nil, errorf("", "", ErrUnsupported, "filters %s are not supported (only null or [])", clip(string(raw)))
		}
	}
	if raw, ok := m["dimension_separator"]; ok && string(raw) != "null" {
		if err := json.Unmarshal(raw, &a.sep); err != nil || (a.sep != "." && a.sep != "/") {
			return nil, errorf("", "", ErrFormat, "dimension_separator is %s, expected \".\" or \"/\"", clip(string(raw)))
		}
	}
	if a.fill, a.hasFill, err = parseFill(m["fill_value"], dt); err != nil {
		return nil, err
	}
	for k := range m {
		switch k {
		case "zarr_format", "shape", "chunks", "dtype", "compressor", "fill_value", "order", "filters", "dimension_separator":
		default:
			return nil, errorf("", "", ErrFormat, "unknown field %q in .zarray", k)
		}
	}
	if err := p.build(dt.Size); err != nil {
		return nil, err
	}
	a.p = p
	a.attrs = map[string]any{}
	return a, nil
}

// checkGrid validates shape and chunks against each other.
func (a *arrayMeta) checkGrid() error {
	if err := checkShape("shape", a.shape, false, a.dtype.Size); err != nil {
		return err
	}
	if err := checkShape("chunk shape", a.chunks, true, a.dtype.Size); err != nil {
		return err
	}
	if len(a.chunks) != len(a.shape) {
		return errorf("", "", ErrFormat, "chunk shape %v has %d dimensions, shape %v has %d", a.chunks, len(a.chunks), a.shape, len(a.shape))
	}
	return nil
}

// build makes the working codecs of p and its shard pipelines.
func (p *pipeline) build(itemSize int) error {
	p.bb = p.bb[:0]
	for _, c := range p.specs {
		b, err := c.build(itemSize)
		if err != nil {
			return err
		}
		p.bb = append(p.bb, b)
	}
	if p.shard != nil {
		if err := p.shard.p.build(itemSize); err != nil {
			return err
		}
		return p.shard.index.build(8)
	}
	return nil
}

// named is a v3 extension object {"name": ..., "configuration": ...,
// "must_understand": ...}, or a bare name string.
type named struct {
	Name string
	Conf map[string]json.RawMessage
	Must bool
}

func parseNamed(raw json.RawMessage, what string) (named, error) {
	n := named{Must: true}
	if err := json.Unmarshal(raw, &n.Name); err == nil {
		return n, nil
	}
	m, err := decodeObject(raw, what)
	if err != nil {
		return n, err
	}
	if err := json.Unmarshal(m["name"], &n.Name); err != nil || n.Name == "" {
		return n, errorf("", "", ErrFormat, "%s has no string \"name\"", what)
	}
	if c, ok := m["configuration"]; ok && string(c) != "null" {
		if n.Conf, err = decodeObject(c, what+" configuration"); err != nil {
			return n, err
		}
	}
	if mu, ok := m["must_understand"]; ok {
		if err := json.Unmarshal(mu, &n.Must); err != nil {
			return n, errorf("", "", ErrFormat, "%s must_understand is not a bool", what)
		}
	}
	return n, nil
}

// parseV3 reads an array's zarr.json document (node_type "array").
func parseV3(m map[string]json.RawMessage) (*arrayMeta, error) {
	dn, err := parseNamed(m["data_type"], "data_type")
	if err != nil {
		return nil, err
	}
	kind, ok := v3Names[dn.Name]
	if !ok {
		return nil, errorf("", "", ErrUnsupported, "data_type %q is not supported; supported: bool, int8..int64, uint8..uint64, float16, float32, float64, complex64, complex128", dn.Name)
	}
	a := &arrayMeta{format: 3, dtype: kind, sep: "/", order: 'C'}
	if a.shape, err = parseInts(m["shape"], "shape"); err != nil {
		return nil, err
	}
	grid, err := parseNamed(m["chunk_grid"], "chunk_grid")
	if err != nil {
		return nil, err
	}
	if grid.Name != "regular" {
		return nil, errorf("", "", ErrUnsupported, "chunk_grid %q is not supported; only \"regular\"", grid.Name)
	}
	if a.chunks, err = parseInts(grid.Conf["chunk_shape"], "chunk_grid chunk_shape"); err != nil {
		return nil, err
	}
	if err := a.checkGrid(); err != nil {
		return nil, err
	}
	keys, err := parseNamed(m["chunk_key_encoding"], "chunk_key_encoding")
	if err != nil {
		return nil, err
	}
	switch keys.Name {
	case "default":
	case "v2":
		a.v2Keys, a.sep = true, "."
	default:
		return nil, errorf("", "", ErrUnsupported, "chunk_key_encoding %q is not supported; supported: default, v2", keys.Name)
	}
	if raw, ok := keys.Conf["separator"]; ok {
		if err := json.Unmarshal(raw, &a.sep); err != nil || (a.sep != "." && a.sep != "/") {
			return nil, errorf("", "", ErrFormat, "chunk_key_encoding separator is %s, expected \".\" or \"/\"", clip(string(raw)))
		}
	}
	var codecs []json.RawMessage
	if err := json.Unmarshal(m["codecs"], &codecs); err != nil {
		return nil, errorf("", "", ErrFormat, "codecs is %s, not a list", clip(string(m["codecs"])))
	}
	if a.p, err = parseCodecs3(codecs, a.chunks, a.dtype); err != nil {
		return nil, err
	}
	a.dtype.Order = a.p.endian
	if a.dtype.Size == 1 {
		a.dtype.Order = '|'
	}
	if a.fill, a.hasFill, err = parseFill(m["fill_value"], a.dtype); err != nil {
		return nil, err
	}
	if !a.hasFill {
		return nil, errorf("", "", ErrFormat, "fill_value is required in Zarr v3")
	}
	if a.attrs, err = parseAttrs(m["attributes"]); err != nil {
		return nil, err
	}
	if raw, ok := m["dimension_names"]; ok && string(raw) != "null" {
		if err := json.Unmarshal(raw, &a.dimNames); err != nil || len(a.dimNames) != len(a.shape) {
			return nil, errorf("", "", ErrFormat, "dimension_names %s is not a list of %d names", clip(string(raw)), len(a.shape))
		}
	}
	if raw, ok := m["storage_transformers"]; ok {
		var ts []json.RawMessage
		if err := json.Unmarshal(raw, &ts); err != nil {
			return nil, errorf("", "", ErrFormat, "storage_transformers is not a list")
		}
		for _, t := range ts {
			n, err := parseNamed(t, "storage transformer")
			if err != nil {
				return nil, err
			}
			if n.Must {
				return nil, errorf("", "", ErrUnsupported, "storage transformer %q is not supported", n.Name)
			}
		}
	}
	if err := checkExtensions(m, "zarr_format", "node_type", "shape", "data_type", "chunk_grid", "chunk_key_encoding",
		"fill_value", "codecs", "attributes", "dimension_names", "storage_transformers"); err != nil {
		return nil, err
	}
	return a, nil
}

// checkExtensions refuses unknown fields of a zarr.json document unless
// they are objects with "must_understand": false.
func checkExtensions(m map[string]json.RawMessage, known ...string) error {
outer:
	for k, raw := range m {
		for _, kk := range known {
			if k == kk {
				continue outer
			}
		}
		var ext struct {
			Must *bool `json:"must_understand"`
		}
		if json.Unmarshal(raw, &ext) == nil && ext.Must != nil && !*ext.Must {
			continue
		}
		return errorf("", "", ErrUnsupported, "extension field %q must be understood and is not supported", k)
	}
	return nil
}

// parseCodecs3 reads a v3 codec chain for chunks of the given shape.
func parseCodecs3(codecs []json.RawMessage, chunk []int, dt DType) (*pipeline, error) {
	p := &pipeline{endian: '|'}
	stage := 0 // 0 array-to-array, 1 bytes-to-bytes
	rank := len(chunk)
	for i, raw := range codecs {
		n, err := parseNamed(raw, "codec")
		if err != nil {
			return nil, err
		}
		switch n.Name {
		case "transpose":
			if stage != 0 {
				return nil, errorf("", "", ErrFormat, "codec %d: transpose after the array-to-bytes codec", i)
			}
			perm, err := parseOrder(n.Conf["order"], rank)
			if err != nil {
				return nil, err
			}
			p.perm = composePerm(p.perm, perm)
		case "bytes", "sharding_indexed":
			if stage != 0 {
				return nil, errorf("", "", ErrFormat, "codec %d: a second array-to-bytes codec %q", i, n.Name)
			}
			stage = 1
			if n.Name == "bytes" {
				p.endian = '|'
				if raw, ok := n.Conf["endian"]; ok {
					var e string
					if json.Unmarshal(raw, &e) != nil || (e != "little" && e != "big") {
						return nil, errorf("", "", ErrFormat, "bytes endian %s is not \"little\" or \"big\"", clip(string(raw)))
					}
					p.endian = map[string]byte{"little": '<', "big": '>'}[e]
				} else if dt.Size > 1 {
					return nil, errorf("", "", ErrFormat, "bytes codec needs \"endian\" for %s", v3Name(dt))
				}
				continue
			}
			sh, err := parseShard(n.Conf, chunk, p.perm, dt)
			if err != nil {
				return nil, err
			}
			p.shard = sh
			p.endian = sh.p.endian
		default:
			if stage != 1 {
				if n.Name == "blosc" || n.Name == "gzip" || n.Name == "zstd" || n.Name == "crc32c" {
					return nil, errorf("", "", ErrFormat, "codec %d: %q before the array-to-bytes codec", i, n.Name)
				}
			}
			c, err := parseCodec3Bytes(n.Name, n.Conf)
			if err != nil {
				return nil, err
			}
			p.specs = append(p.specs, c)
		}
	}
	if stage != 1 {
		return nil, errorf("", "", ErrFormat, "codecs have no array-to-bytes codec (bytes or sharding_indexed)")
	}
	if p.shard != nil && p.perm != nil {
		return nil, errorf("", "", ErrUnsupported, "transpose before sharding_indexed is not supported")
	}
	if dt.Size > 1 && p.endian == '|' && p.shard == nil {
		return nil, errorf("", "", ErrFormat, "bytes codec needs \"endian\" for %s", v3Name(dt))
	}
	if err := p.build(dt.Size); err != nil {
		return nil, err
	}
	return p, nil
}

// composePerm applies transpose q after p (both "encoded axis k is input
// axis perm[k]").
func composePerm(p, q []int) []int {
	if p == nil {
		return q
	}
	out := make([]int, len(q))
	for k := range q {
		out[k] = p[q[k]]
	}
	return out
}

// parseOrder reads a transpose order: a permutation, or "C" / "F".
func parseOrder(raw json.RawMessage, rank int) ([]int, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		perm := make([]int, rank)
		for k := range perm {
			perm[k] = k
			if s == "F" {
				perm[k] = rank - 1 - k
			}
		}
		if s != "C" && s != "F" {
			return nil, errorf("", "", ErrFormat, "transpose order %q is not a permutation", s)
		}
		return perm, nil
	}
	perm, err := parseInts(raw, "transpose order")
	if err != nil {
		return nil, err
	}
	if len(perm) != rank {
		return nil, errorf("", "", ErrFormat, "transpose order %v has %d axes, the chunks %d", perm, len(perm), rank)
	}
	seen := make([]bool, rank)
	for _, a := range perm {
		if a < 0 || a >= rank || seen[a] {
			return nil, errorf("", "", ErrFormat, "transpose order %v is not a permutation of 0..%d", perm, rank-1)
		}
		seen[a] = true
	}
	return perm, nil
}

// parseShard reads a sharding_indexed configuration for shards of shape
// shard.
func parseShard(conf map[string]json.RawMessage, shard, perm []int, dt DType) (*shardSpec, error) {
	inner, err := parseInts(conf["chunk_shape"], "sharding chunk_shape")
	if err != nil {
		return nil, err
	}
	if err := checkShape("sharding chunk_shape", inner, true, dt.Size); err != nil {
		return nil, err
	}
	if len(inner) != len(shard) {
		return nil, errorf("", "", ErrFormat, "sharding chunk_shape %v has %d dimensions, the shard %v has %d", inner, len(inner), shard, len(shard))
	}
	for d := range inner {
		if shard[d]%inner[d] != 0 {
			return nil, errorf("", "", ErrFormat, "shard shape %v is not a multiple of the inner chunk shape %v", shard, inner)
		}
	}
	s := &shardSpec{inner: inner}
	var cs []json.RawMessage
	if err := json.Unmarshal(conf["codecs"], &cs); err != nil {
		return nil, errorf("", "", ErrFormat, "sharding codecs is not a list")
	}
	if s.p, err = parseCodecs3(cs, inner, dt); err != nil {
		return nil, err
	}
	var ic []json.RawMessage
	if err := json.Unmarshal(conf["index_codecs"], &ic); err != nil {
		return nil, errorf("", "", ErrFormat, "sharding index_codecs is not a list")
	}
	grid := make([]int, len(inner)+1)
	for d := range inner {
		grid[d] = shard[d] / inner[d]
	}
	grid[len(inner)] = 2
	if s.index, err = parseCodecs3(ic, grid, DType{Kind: 'u', Size: 8}); err != nil {
		return nil, err
	}
	if s.index.shard != nil || s.index.perm != nil {
		return nil, errorf("", "", ErrUnsupported, "sharding index_codecs may hold only bytes and crc32c")
	}
	for _, c := range s.index.specs {
		if c.Name != "crc32c" {
			return nil, errorf("", "", ErrUnsupported, "sharding index codec %q is not supported: the index must have a fixed size (bytes and crc32c)", c.Name)
		}
	}
	if raw, ok := conf["index_location"]; ok {
		var loc string
		if json.Unmarshal(raw, &loc) != nil || (loc != "start" && loc != "end") {
			return nil, errorf("", "", ErrFormat, "index_location is %s, expected \"start\" or \"end\"", clip(string(raw)))
		}
		s.atStart = loc == "start"
	}
	return s, nil
}

// chunkKey returns the store key of chunk idx, relative to the array.
func (a *arrayMeta) chunkKey(idx []int) string {
	var b strings.Builder
	if !a.v2Keys {
		b.WriteString("c")
		for _, i := range idx {
			b.WriteString(a.sep)
			b.WriteString(strconv.Itoa(i))
		}
		return b.String()
	}
	if len(idx) == 0 {
		return "0"
	}
	for k, i := range idx {
		if k > 0 {
			b.WriteString(a.sep)
		}
		b.WriteString(strconv.Itoa(i))
	}
	return b.String()
}
