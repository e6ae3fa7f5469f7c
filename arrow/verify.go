package arrow

// A structural check of Arrow's flatbuffers (Message, Schema, Footer) before
// arrow-go reads them (semantics.md AR11).
//
// arrow-go reads flatbuffers without a verifier: an out-of-range read is a
// Go panic, which open recovers, but a corrupted vector length makes it
// allocate that many fields (make([]arrow.Field, n) with n up to 2^31: a
// fatal out-of-memory, not a panic), and a child that points back at its
// parent makes it recurse until the stack overflows (also fatal). So every
// table, vector and string arrow-go will follow is checked here first:
// it lies in the buffer, nesting is bounded, and the total number of
// tables visited is bounded by the buffer's size, which refuses shared or
// cyclic references. Only the fields arrow-go follows are checked; scalar
// fields are read by arrow-go through Go's bounds checks.

import (
	"encoding/binary"
	"errors"
)

// errStructure is the cause of every refusal of the structural check.
var errStructure = errors.New("corrupted flatbuffer")

// errCompressed is the cause of the refusal of a compressed record or
// dictionary batch (semantics.md AR8).
var errCompressed = errors.New("compressed bodies (LZ4, ZSTD) cannot be read in place; arrow-go's ipc.NewFileReader decompresses them")

// maxFieldDepth bounds the nesting of a schema's fields (arrow-go's own
// limit for nested arrays is 64).
const maxFieldDepth = 64

// fbCheck walks one flatbuffer.
type fbCheck struct {
	b      []byte
	visits int // tables visited; bounded by len(b)/4
}

// table is a checked flatbuffer table: its position and its vtable's.
type table struct {
	pos, vt, vtLen int
}

// u32 reads the little-endian uint32 at p, or fails.
func (c *fbCheck) u32(p int) (int, bool) {
	if p < 0 || p > len(c.b)-4 {
		return 0, false
	}
	return int(binary.LittleEndian.Uint32(c.b[p:])), true
}

// tableAt checks the table at p and its vtable.
func (c *fbCheck) tableAt(p int) (table, bool) {
	c.visits++
	if c.visits > len(c.b)/4+1 {
		return table{}, false
	}
	so, ok := c.u32(p)
	if !ok {
		return table{}, false
	}
	vt := p - int(int32(uint32(so)))
	if vt < 0 || vt > len(c.b)-4 {
		return table{}, false
	}
	vtLen := int(binary.LittleEndian.Uint16(c.b[vt:]))
	if vtLen < 4 || vtLen%2 != 0 || vt > len(c.b)-vtLen {
		return table{}, false
	}
	return table{pos: p, vt: vt, vtLen: vtLen}, true
}

// field returns the position of field i of t, or -1 when absent.
func (c *fbCheck) field(t table, i int) int {
	o := 4 + 2*i
	if o+2 > t.vtLen {
		return -1
	}
	off := int(binary.LittleEndian.Uint16(c.b[t.vt+o:]))
	if off == 0 {
		return -1
	}
	return t.pos + off
}

// ref follows the offset stored in field i of t: the position it points
// to, -1 when the field is absent, or false when it points outside.
func (c *fbCheck) ref(t table, i int) (int, bool) {
	p := c.field(t, i)
	if p < 0 {
		return -1, true
	}
	u, ok := c.u32(p)
	if !ok || p+u > len(c.b) {
		return 0, false
	}
	return p + u, true
}

// vector checks the vector in field i of t, of elements of size bytes,
// and returns the position of its first element and its length.
func (c *fbCheck) vector(t table, i, size int) (start, n int, ok bool) {
	p, ok := c.ref(t, i)
	if !ok || p < 0 {
		return 0, 0, ok
	}
	n, ok = c.u32(p)
	if !ok || n > (len(c.b)-p-4)/size {
		return 0, 0, false
	}
	return p + 4, n, true
}

// sub checks the table in field i of t; present is false when absent.
func (c *fbCheck) sub(t table, i int) (s table, present, ok bool) {
	p, ok := c.ref(t, i)
	if !ok || p < 0 {
		return table{}, false, ok
	}
	s, ok = c.tableAt(p)
	return s, true, ok
}

// tables calls f on each table of the vector of tables in field i of t.
func (c *fbCheck) tables(t table, i int, f func(table) bool) bool {
	start, n, ok := c.vector(t, i, 4)
	if !ok {
		return false
	}
	for k := range n {
		p := start + 4*k
		u, _ := c.u32(p)
		s, ok := c.tableAt(p + u)
		if !ok || !f(s) {
			return false
		}
	}
	return true
}

// keyValues checks a vector of KeyValue tables (key: 0, value: 1).
func (c *fbCheck) keyValues(t table, i int) bool {
	return c.tables(t, i, func(kv table) bool {
		_, _, ok1 := c.vector(kv, 0, 1)
		_, _, ok2 := c.vector(kv, 1, 1)
		return ok1 && ok2
	})
}

// schema checks a Schema table: fields (1), custom_metadata (2),
// features (3).
func (c *fbCheck) schema(s table) bool {
	_, _, ok := c.vector(s, 3, 8)
	return ok && c.keyValues(s, 2) && c.tables(s, 1, func(f table) bool { return c.fieldTable(f, 1) })
}

// fieldTable checks a Field table: name (0), type_type (2), type (3),
// dictionary (4), children (5), custom_metadata (6).
func (c *fbCheck) fieldTable(f table, depth int) bool {
	if depth > maxFieldDepth {
		return false
	}
	if _, _, ok := c.vector(f, 0, 1); !ok {
		return false
	}
	typ, present, ok := c.sub(f, 3)
	if !ok {
		return false
	}
	if present {
		kind := -1
		if p := c.field(f, 2); p >= 0 && p < len(c.b) {
			kind = int(c.b[p])
		}
		switch kind {
		case 14: // Union: mode (0), typeIds (1)
			if _, _, ok := c.vector(typ, 1, 4); !ok {
				return false
			}
		case 10: // Timestamp: unit (0), timezone (1)
			if _, _, ok := c.vector(typ, 1, 1); !ok {
				return false
			}
		}
	}
	dict, present, ok := c.sub(f, 4)
	if !ok {
		return false
	}
	if present { // DictionaryEncoding: indexType (1)
		if _, _, ok := c.sub(dict, 1); !ok {
			return false
		}
	}
	return c.keyValues(f, 6) && c.tables(f, 5, func(ch table) bool { return c.fieldTable(ch, depth+1) })
}

// recordBatch checks a RecordBatch table: nodes (1), buffers (2),
// compression (3), variadicBufferCounts (4). Compressed bodies are
// refused: they would be decompressed into memory of a size the file
// states, not mapped.
func (c *fbCheck) recordBatch(r table) (ok, compressed bool) {
	_, _, ok1 := c.vector(r, 1, 16)
	_, _, ok2 := c.vector(r, 2, 16)
	_, _, ok3 := c.vector(r, 4, 8)
	_, present, ok4 := c.sub(r, 3)
	return ok1 && ok2 && ok3 && ok4, present
}

// Message header kinds (flatbuf.MessageHeader).
const (
	headerSchema          = 1
	headerDictionaryBatch = 2
	headerRecordBatch     = 3
)

// checkMessage checks the flatbuffer of an IPC message's metadata and
// returns the kind of its header (0 when absent), and whether it is a
// compressed record or dictionary batch.
func checkMessage(meta []byte) (kind int, compressed bool, err error) {
	c := &fbCheck{b: meta}
	root, _ := c.u32(0)
	m, ok := c.tableAt(root)
	if !ok || !c.keyValues(m, 4) {
		return 0, false, errStructure
	}
	h, present, ok := c.sub(m, 2)
	if !ok {
		return 0, false, errStructure
	}
	if !present {
		return 0, false, nil
	}
	if p := c.field(m, 1); p >= 0 && p < len(meta) {
		kind = int(meta[p])
	}
	switch kind {
	case headerSchema:
		ok = c.schema(h)
	case headerDictionaryBatch: // data (1)
		var r table
		var present bool
		if r, present, ok = c.sub(h, 1); ok && present {
			ok, compressed = c.recordBatch(r)
		}
	case headerRecordBatch:
		ok, compressed = c.recordBatch(h)
	}
	if !ok {
		return 0, false, errStructure
	}
	return kind, compressed, nil
}

// footerBlocks checks the flatbuffer of an IPC file's footer (version (0),
// schema (1), dictionaries (2) and recordBatches (3), vectors of Blocks of
// 24 bytes: offset, metadata length, padding, body length;
// custom_metadata (4)) and returns the file offsets of its record
// batches' messages, and the offset and metadata length of its
// dictionaries' messages.
func footerBlocks(footer []byte) (records []int64, dicts [][2]int64, err error) {
	c := &fbCheck{b: footer}
	root, _ := c.u32(0)
	f, ok := c.tableAt(root)
	if !ok {
		return nil, nil, errStructure
	}
	s, present, ok := c.sub(f, 1)
	if !ok || present && !c.schema(s) {
		return nil, nil, errStructure
	}
	ds, nd, ok1 := c.vector(f, 2, 24)
	rs, nr, ok2 := c.vector(f, 3, 24)
	if !ok1 || !ok2 || !c.keyValues(f, 4) {
		return nil, nil, errStructure
	}
	records = make([]int64, nr)
	for k := range records {
		records[k] = int64(binary.LittleEndian.Uint64(footer[rs+24*k:]))
	}
	dicts = make([][2]int64, nd)
	for k := range dicts {
		p := ds + 24*k
		dicts[k] = [2]int64{int64(binary.LittleEndian.Uint64(footer[p:])), int64(int32(binary.LittleEndian.Uint32(footer[p+8:])))}
	}
	return records, dicts, nil
}

// checkBlock checks the message a footer's block points to: in data, at
// offset off, metaLen bytes of prefix and metadata (the form arrow-go's
// file reader reads).
func checkBlock(data []byte, off, metaLen int64) error {
	if off < 0 || metaLen < 8 || off > int64(len(data)) || metaLen > int64(len(data))-off {
		return errStructure
	}
	meta := data[off : off+metaLen]
	prefix := 4
	if binary.LittleEndian.Uint32(meta) == 0xFFFFFFFF {
		prefix = 8
	}
	_, compressed, err := checkMessage(meta[prefix:])
	if err == nil && compressed {
		err = errCompressed
	}
	return err
}
