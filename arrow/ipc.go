package arrow

// Arrow IPC files and streams mapped as views (semantics.md AR8-AR11).
//
// Rules and assumptions of this file:
//  1. The messages are framed here, over the mapped bytes, and handed to
//     arrow-go's ipc reader: every body buffer is a slice of the mapping
//     (checked to lie inside it before it is made), so column buffers
//     point into the file's pages and nothing is copied. Compressed
//     bodies cannot be read in place and are refused (ErrUnsupported).
//  2. Each message body is an Arrow buffer whose allocator is the mapping:
//     while any Arrow buffer of the file is alive (not Released), the
//     registry below holds it, and through its allocator the mapping, so
//     the pages cannot be unmapped under an Arrow array.
//  3. The mapping is unmapped only by a cleanup once nothing reaches it:
//     no File, no live Arrow buffer, no view whose owner it is. Close
//     never unmaps; it only refuses while exports are held.
//  4. Whatever the bytes are, reading returns an error, never a panic: the
//     framing is checked here, arrow-go's own panics on corrupted
//     flatbuffers are recovered, and every view is checked by ndview
//     (BP3) against the buffer it comes from.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/endian"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
)

// mapping owns the bytes of one File: a memory mapping, or a caller's
// slice (ReadBytes). It counts the exports of its arrays' buffers and the
// Arrow body buffers alive.
type mapping struct {
	mu      sync.Mutex
	closed  bool
	exports int    // ndview exports not yet released
	id      uint64 // the mapping's number (unmapped)
}

// Mappings are numbered; the cleanups record the numbers of the mappings
// they unmapped, which the tests watch.
var (
	mappings atomic.Uint64
	unmapped sync.Map // id → true
)

// unmapping is the argument of a mapping's cleanup.
type unmapping struct {
	id    uint64
	unmap func()
}

// bodies maps each live message body buffer to its mapping: the registry
// that lets an exporter find the mapping of any array read from a File
// (ownerOf), and that keeps the mapping reachable while an Arrow buffer
// of it is alive. An entry is removed when its buffer is freed.
var bodies sync.Map // *memory.Buffer → *mapping

// body is the allocator of one message body buffer: Free, called when the
// buffer's count reaches zero, removes it from the registry.
type body struct {
	m   *mapping
	buf *memory.Buffer
}

func (b *body) Allocate(n int) []byte             { return make([]byte, n) }
func (b *body) Reallocate(n int, p []byte) []byte { return append(p[:0:0], p[:min(n, len(p))]...) }
func (b *body) Free([]byte)                       { bodies.Delete(b.buf) }

// newBody returns a buffer over p, a slice of m's bytes, registered as
// m's.
func (m *mapping) newBody(p []byte) *memory.Buffer {
	a := &body{m: m}
	a.buf = memory.NewBufferWithAllocator(p, a)
	bodies.Store(a.buf, m)
	return a.buf
}

// ownerOf returns the mapping whose message body b was sliced from, or nil
// for a buffer of Go memory.
func ownerOf(b *memory.Buffer) *mapping {
	if b == nil {
		return nil
	}
	if m, ok := bodies.Load(rootOf(b)); ok {
		return m.(*mapping)
	}
	return nil
}

// rootOf returns the buffer b was sliced from (through Parent), or b.
func rootOf(b *memory.Buffer) *memory.Buffer {
	for b.Parent() != nil {
		b = b.Parent()
	}
	return b
}

// export counts one export, or refuses after Close.
func (m *mapping) export(op string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return errorf(op, ErrClosed, "the file is closed; its arrays export nothing")
	}
	m.exports++
	return nil
}

// unexport releases one export.
func (m *mapping) unexport() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.exports > 0 {
		m.exports--
	}
}

// File is an Arrow IPC file or stream whose record batches read the
// file's bytes in place. Open one with Map (a file on disk, mapped) or
// ReadBytes (bytes in memory), and Close it when done.
type File struct {
	m       *mapping
	data    []byte // the file's bytes: the mapping, or ReadBytes's slice
	schema  *arrow.Schema
	records []arrow.RecordBatch
	stream  bool
}

// Map maps the Arrow IPC file (or stream: the format is recognised by the
// file's magic string "ARROW1") at path read-only and reads its record
// batches, whose column buffers point into the mapped pages: nothing is
// read or copied in proportion to the data (semantics.md AR8). Columns are
// viewed with NewArray or View; those views are read-only and keep the
// mapping as their owner.
//
// Map returns an error wrapping ErrFormat for a malformed file (whatever
// its bytes, Map never panics and no view reaches outside the file),
// ErrUnsupported for a big-endian file or one with compressed bodies
// (semantics.md AR8), and ErrIO when the file cannot be opened or mapped
// (the cause is os.Open's or mmap's error: errors.Is(err, fs.ErrNotExist)
// holds for a missing file).
func Map(path string) (*File, error) {
	const op = "Map"
	data, unmap, err := mapFile(path)
	if err != nil {
		return nil, wrapf(op, ErrIO, err, "cannot map %s", path)
	}
	m := &mapping{id: mappings.Add(1)}
	if unmap != nil {
		runtime.AddCleanup(m, func(u unmapping) { u.unmap(); unmapped.Store(u.id, true) }, unmapping{m.id, unmap})
	}
	return open(op, data, m)
}

// ReadBytes reads the Arrow IPC file or stream in data as Map reads a
// mapped file: the record batches' buffers are slices of data, so data
// must not change while they are in use. Errors are those of Map.
func ReadBytes(data []byte) (*File, error) { return open("ReadBytes", data, &mapping{}) }

// magic is the first and last six bytes of an Arrow IPC file.
const magic = "ARROW1"

// open reads the file or stream in data, owned by m.
func open(op string, data []byte, m *mapping) (f *File, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, errorf(op, ErrFormat, "corrupted data: %v", p)
		}
	}()
	region, base, isFile, blocks, schemaMsg, err := frame(op, data)
	if err != nil {
		return nil, err
	}
	mr := &messages{data: region, base: base, m: m, prefix: schemaMsg}
	mr.refs.Store(1)
	rd, err := ipc.NewReaderFromMessageReader(mr, ipc.WithEnsureNativeEndian(false))
	if err != nil {
		return nil, wrapf(op, mr.kindOf(err), err, "cannot read the schema")
	}
	defer rd.Release()
	schema := rd.Schema()
	if schema.Endianness() != endian.NativeEndian {
		return nil, errorf(op, ErrUnsupported, "the data is %v-endian and this machine is not; a mapped file is read in place", schema.Endianness())
	}
	f = &File{m: m, data: data, schema: schema, stream: !isFile}
	for rd.Next() {
		rec := rd.RecordBatch()
		rec.Retain()
		f.records = append(f.records, rec)
	}
	if err := rd.Err(); err != nil {
		f.release()
		return nil, wrapf(op, mr.kindOf(err), err, "cannot read record batch %d", len(f.records))
	}
	for i, rec := range f.records {
		// Buffer sizes against lengths, for arrow-go's own accessors; the
		// exporters check their buffers again (BP3).
		if err := array.ValidateRecord(rec); err != nil {
			f.release()
			return nil, wrapf(op, ErrFormat, err, "record batch %d is inconsistent", i)
		}
	}
	if isFile && !slices.Equal(blocks, mr.batches) {
		f.release()
		return nil, errorf(op, ErrFormat, "the footer lists record batches at offsets %v but the file holds them at %v", blocks, mr.batches)
	}
	return f, nil
}

// frame checks the framing of an IPC file (magic, footer) and returns the
// region that holds its messages, its offset in data, and the file
// offsets of the record batches the footer lists; a stream is its own
// region. For a file whose messages do not begin with its schema (as
// apache-arrow's JavaScript writer leaves it: the schema is in the
// footer), it also returns the schema as an encoded schema message.
func frame(op string, data []byte) (region []byte, base int, isFile bool, blocks []int64, schemaMsg []byte, err error) {
	if len(data) < 6 || string(data[:6]) != magic {
		return data, 0, false, nil, nil, nil
	}
	fail := func(cause error, format string, args ...any) ([]byte, int, bool, []int64, []byte, error) {
		kind := ErrFormat
		if errors.Is(cause, errCompressed) {
			kind = ErrUnsupported
		}
		return nil, 0, true, nil, nil, wrapf(op, kind, cause, format, args...)
	}
	// magic, 2 bytes of padding, messages, footer, footer length (int32), magic
	const tail = 4 + len(magic)
	if len(data) < 8+tail || string(data[len(data)-len(magic):]) != magic {
		return fail(nil, "an IPC file of %d bytes without its trailing magic string: truncated", len(data))
	}
	flen := int64(int32(binary.LittleEndian.Uint32(data[len(data)-tail:])))
	end := int64(len(data)-tail) - flen // where the footer begins
	if flen <= 0 || end < 8 {
		return fail(nil, "footer length %d does not fit a file of %d bytes", flen, len(data))
	}
	blocks, dicts, err := footerBlocks(data[end : len(data)-tail])
	if err != nil {
		return fail(err, "the footer is corrupted")
	}
	region = data[8:end]
	if first, err := firstKind(region); err != nil || first == headerSchema {
		return region, 8, true, blocks, nil, nil // an error is the message reader's to report
	}
	// The schema is the footer's: arrow-go decodes it (after every
	// flatbuffer it reads is checked) and encodes it as a message.
	for _, d := range dicts {
		if err := checkBlock(data, d[0], d[1]); err != nil {
			return fail(err, "dictionary block at byte %d", d[0])
		}
	}
	fr, err := ipc.NewMappedFileReader(data, ipc.WithEnsureNativeEndian(false))
	if err != nil {
		return fail(err, "cannot read the footer")
	}
	defer fr.Close()
	var buf bytes.Buffer
	w := ipc.NewWriter(&buf, ipc.WithSchema(fr.Schema()))
	if err := w.Close(); err != nil {
		return fail(err, "cannot encode the footer's schema")
	}
	msg := buf.Bytes()
	return region, 8, true, blocks, msg[:len(msg)-8], nil // without its end-of-stream marker
}

// firstKind returns the header kind of the first message of region.
func firstKind(region []byte) (int, error) {
	r := messages{data: region}
	_, meta, _, err := r.frame()
	if err != nil {
		return 0, err
	}
	kind, _, err := checkMessage(meta)
	return kind, err
}

// release releases the File's record batches.
func (f *File) release() {
	for _, r := range f.records {
		r.Release()
	}
	f.records = nil
}

// Schema returns the schema of the file's record batches.
func (f *File) Schema() *arrow.Schema { return f.schema }

// IsStream reports whether the data is an IPC stream rather than a file.
func (f *File) IsStream() bool { return f.stream }

// NumRecords returns the number of record batches.
func (f *File) NumRecords() int { return len(f.records) }

// Record returns record batch i, which stays valid until Close (Retain it
// to keep it longer; it then keeps the mapping). It returns an error
// wrapping ErrClosed after Close; i outside [0, NumRecords) panics, as a
// slice index does.
func (f *File) Record(i int) (arrow.RecordBatch, error) {
	if err := f.live("Record"); err != nil {
		return nil, err
	}
	return f.records[i], nil
}

// Column returns column j of record batch i, valid as Record's batch is;
// NewArray(f.Column(i, j)) exports it. Indices outside the file panic.
func (f *File) Column(i, j int) (arrow.Array, error) {
	if err := f.live("Column"); err != nil {
		return nil, err
	}
	return f.records[i].Column(j), nil
}

// live returns an error wrapping ErrClosed after Close.
func (f *File) live(op string) error {
	f.m.mu.Lock()
	defer f.m.mu.Unlock()
	if f.m.closed {
		return errorf(op, ErrClosed, "the file is closed")
	}
	return nil
}

// Exports returns the number of buffers exported from the file's arrays
// (through NewArray or View) and not yet released.
func (f *File) Exports() int {
	f.m.mu.Lock()
	defer f.m.mu.Unlock()
	return f.m.exports
}

// Close ends the use of the file: it releases the record batches the File
// holds, and later calls of Record, Column and exports of its arrays
// return ErrClosed. While buffers exported from its arrays are not
// released, Close returns an error wrapping ErrExported ("existing exports
// of data", CPython's BufferError) and leaves the file open. Closing twice
// does nothing.
//
// Close does not unmap: the pages stay mapped while an Arrow array of the
// file is retained elsewhere or a view made from an export is reachable,
// and are unmapped once nothing can reach them (semantics.md AR10).
func (f *File) Close() error {
	f.m.mu.Lock()
	if f.m.exports > 0 {
		n := f.m.exports
		f.m.mu.Unlock()
		return errorf("Close", ErrExported, "existing exports of data: %d exported buffer(s) not released; release them first", n)
	}
	was := f.m.closed
	f.m.closed = true
	f.m.mu.Unlock()
	if !was {
		f.release()
	}
	return nil
}

// messages is an ipc.MessageReader over the messages of a region of a
// File's bytes: it frames each message (continuation marker, metadata
// length, metadata, body) and checks that it lies in the region, so
// arrow-go receives only slices of the file.
type messages struct {
	data    []byte
	base    int // the offset of data in the file
	pos     int
	batches []int64 // the file offsets of the record batch messages read
	prefix  []byte  // an encoded schema message to read first, or nil
	m       *mapping
	msg     *ipc.Message
	refs    atomic.Int64
	// compressed is set when a message with a compressed body was met:
	// the reader's error is then ErrUnsupported, not ErrFormat.
	compressed bool
}

// kindOf classifies an error of the reader over r: ErrUnsupported when
// it stopped at a compressed body, else ErrFormat.
func (r *messages) kindOf(err error) error {
	if r.compressed || errors.Is(err, errCompressed) {
		return ErrUnsupported
	}
	return ErrFormat
}

func (r *messages) Retain() { r.refs.Add(1) }

func (r *messages) Release() {
	if r.refs.Add(-1) == 0 && r.msg != nil {
		r.msg.Release()
		r.msg = nil
	}
}

// frame finds the next message of r.data at r.pos: the length of its
// prefix and its metadata; io.EOF at the end or at an end-of-stream
// marker.
func (r *messages) frame() (n int, meta []byte, rest []byte, err error) {
	rest = r.data[r.pos:]
	if len(rest) == 0 {
		return 0, nil, nil, io.EOF
	}
	if len(rest) < 4 {
		return 0, nil, nil, fmt.Errorf("truncated message at byte %d", r.base+r.pos)
	}
	n, mlen := 4, int64(int32(binary.LittleEndian.Uint32(rest)))
	if uint32(mlen) == 0xFFFFFFFF { // continuation marker, then the length
		if len(rest) < 8 {
			return 0, nil, nil, fmt.Errorf("truncated message length at byte %d", r.base+r.pos)
		}
		n, mlen = 8, int64(int32(binary.LittleEndian.Uint32(rest[4:])))
	}
	if mlen == 0 {
		return 0, nil, nil, io.EOF // end-of-stream marker
	}
	if mlen < 4 || mlen > int64(len(rest)-n) {
		return 0, nil, nil, fmt.Errorf("message metadata length %d at byte %d does not fit the %d bytes left", mlen, r.base+r.pos, len(rest)-n)
	}
	return n, rest[n : n+int(mlen)], rest, nil
}

// Message returns the next message, valid until the next call; io.EOF at
// the end of the region or at an end-of-stream marker. A prefix (the
// footer's schema) comes first.
func (r *messages) Message() (msg *ipc.Message, err error) {
	defer func() {
		if p := recover(); p != nil {
			msg, err = nil, fmt.Errorf("corrupted message at byte %d: %v", r.base+r.pos, p)
		}
	}()
	if r.msg != nil {
		r.msg.Release()
		r.msg = nil
	}
	if r.prefix != nil {
		pre := &messages{data: r.prefix, m: r.m}
		pre.refs.Store(1)
		r.prefix = nil
		msg, err := pre.Message()
		if err != nil {
			return nil, err
		}
		msg.Retain()
		pre.Release()
		r.msg = msg
		return msg, nil
	}
	n, metaBytes, rest, err := r.frame()
	if err != nil {
		return nil, err
	}
	mlen := len(metaBytes)
	kind, compressed, err := checkMessage(metaBytes)
	if err != nil {
		return nil, fmt.Errorf("message at byte %d: %w", r.base+r.pos, err)
	}
	if compressed {
		r.compressed = true
		return nil, fmt.Errorf("message at byte %d: %w", r.base+r.pos, errCompressed)
	}
	if kind == headerRecordBatch {
		r.batches = append(r.batches, int64(r.base+r.pos))
	}
	meta := memory.NewBufferBytes(metaBytes)
	probe := ipc.NewMessage(meta, memory.NewBufferBytes(nil))
	blen := probe.BodyLen()
	probe.Release()
	left := int64(len(rest) - n - mlen)
	if blen < 0 || blen > left {
		return nil, fmt.Errorf("message body length %d at byte %d does not fit the %d bytes left", blen, r.base+r.pos, left)
	}
	start := n + mlen
	b := r.m.newBody(rest[start : start+int(blen) : start+int(blen)])
	msg = ipc.NewMessage(meta, b)
	b.Release() // the message holds it
	r.pos += start + int(blen)
	r.msg = msg
	return msg, nil
}
