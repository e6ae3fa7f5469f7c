package zarr

import (
	"bytes"
	"compress/bzip2"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
)

// Shuffle is Blosc's pre-compression filter: none, byte shuffle or bit
// shuffle.
type Shuffle int

// The Blosc shuffle modes, numbered as numcodecs numbers them in Zarr v2.
const (
	NoShuffle   Shuffle = 0
	ByteShuffle Shuffle = 1
	BitShuffle  Shuffle = 2
)

// Codec is a bytes-to-bytes codec of a chunk's encoded data: a compressor
// (zstd, gzip, zlib, lz4, blosc, bz2) or a checksum (crc32c). Build one
// with Zstd, Gzip, Zlib, LZ4, Blosc or CRC32C.
type Codec struct {
	// Name is "zstd", "gzip", "zlib", "lz4", "blosc", "bz2" or "crc32c".
	Name string
	// Level is the compression level (zstd, gzip, zlib, bz2, blosc's
	// clevel), or LZ4's acceleration.
	Level int
	// CName is Blosc's inner compressor: "lz4", "lz4hc", "zstd", "zlib" or
	// "blosclz".
	CName string
	// Shuffle is Blosc's shuffle filter.
	Shuffle Shuffle
	// BlockSize is Blosc's block size in bytes; 0 chooses one.
	BlockSize int
	// TypeSize is Blosc's element size (Zarr v3 stores it); 0 takes the
	// array's element size.
	TypeSize int
}

// Zstd returns the zstd codec at level (numcodecs.Zstd; v3 "zstd").
func Zstd(level int) Codec { return Codec{Name: "zstd", Level: level} }

// Gzip returns the gzip codec at level 1..9 (numcodecs.GZip; v3 "gzip").
func Gzip(level int) Codec { return Codec{Name: "gzip", Level: level} }

// Zlib returns the zlib codec at level 1..9 (numcodecs.Zlib, Zarr v2 only).
func Zlib(level int) Codec { return Codec{Name: "zlib", Level: level} }

// LZ4 returns numcodecs' LZ4 codec (an LZ4 block after a 4-byte size,
// Zarr v2 only), compressing with LZ4_compress_fast at acceleration
// (below 1: 1), as numcodecs does.
func LZ4(acceleration int) Codec { return Codec{Name: "lz4", Level: acceleration} }

// Blosc returns the Blosc 1 codec with the inner compressor cname ("lz4",
// "zstd", "zlib"; "blosclz" and "lz4hc" are read only), level clevel
// (0..9) and a shuffle filter (numcodecs.Blosc; v3 "blosc").
func Blosc(cname string, clevel int, shuffle Shuffle) Codec {
	return Codec{Name: "blosc", CName: cname, Level: clevel, Shuffle: shuffle}
}

// CRC32C returns the Zarr v3 crc32c checksum codec, which appends the
// 4-byte little-endian CRC-32C of the data.
func CRC32C() Codec { return Codec{Name: "crc32c"} }

// bytesCodec is a built codec. decode returns the decoded bytes; exact is
// the decoded size when it is known (else -1), and limit bounds it.
type bytesCodec interface {
	encode(src []byte) ([]byte, error)
	decode(src []byte, exact, limit int) ([]byte, error)
}

// intoDecoder is a codec that can decode straight into dst, which has
// exactly the decoded size.
type intoDecoder interface {
	decodeInto(src, dst []byte) error
}

func (zstdCodec) decodeInto(src, dst []byte) error {
	out, err := zstdDecode(src, len(dst), len(dst), dst[:0])
	if err != nil {
		return err
	}
	if len(out) > 0 && &out[0] != &dst[0] {
		copy(dst, out)
	}
	return nil
}

func (lz4Codec) decodeInto(src, dst []byte) error {
	if len(src) < 4 {
		return errorf("", "", ErrFormat, "LZ4 data of %d bytes is shorter than its 4-byte size header", len(src))
	}
	if n := int64(binary.LittleEndian.Uint32(src)); n != int64(len(dst)) {
		return sizeMismatch("lz4", int(n), len(dst))
	}
	m, err := lz4.UncompressBlock(src[4:], dst)
	if err != nil {
		return wrapf("", "", ErrFormat, err, "LZ4 data is corrupt or truncated")
	}
	if m != len(dst) {
		return sizeMismatch("lz4", m, len(dst))
	}
	return nil
}

// build returns the working codec for elements of itemSize bytes.
func (c Codec) build(itemSize int) (bytesCodec, error) {
	switch c.Name {
	case "zstd":
		return zstdCodec{level: c.Level}, nil
	case "gzip":
		return flateCodec{gz: true, level: c.Level}, nil
	case "zlib":
		return flateCodec{level: c.Level}, nil
	case "lz4":
		return lz4Codec{accel: c.Level}, nil
	case "bz2":
		return bz2Codec{}, nil
	case "crc32c":
		return crcCodec{}, nil
	case "blosc":
		ts := c.TypeSize
		if ts <= 0 {
			ts = itemSize
		}
		if ts > 255 {
			ts = 1
		}
		switch c.CName {
		case "lz4", "lz4hc", "zstd", "zlib", "blosclz":
		default:
			return nil, errorf("", "", ErrUnsupported, "blosc compressor %q is not supported; use lz4, lz4hc, zstd, zlib or blosclz", c.CName)
		}
		if c.Shuffle < NoShuffle || c.Shuffle > BitShuffle {
			return nil, errorf("", "", ErrFormat, "blosc shuffle %d is not 0, 1 or 2", c.Shuffle)
		}
		return bloscCodec{cname: c.CName, level: c.Level, shuffle: c.Shuffle, typesize: ts, blocksize: c.BlockSize}, nil
	}
	return nil, errorf("", "", ErrUnsupported, "codec %q is not supported; supported: zstd, gzip, zlib, lz4, blosc, bz2, crc32c", c.Name)
}

// tooBig is the error for decoded data larger than expected.
func tooBig(name string, limit int) error {
	return errorf("", "", ErrFormat, "%s data decodes to more than the %d bytes expected", name, limit)
}

// sizeMismatch is the error for decoded data of the wrong size.
func sizeMismatch(name string, got, want int) error {
	return errorf("", "", ErrFormat, "%s data decodes to %d bytes, expected %d", name, got, want)
}

// checkExact checks a decoded size against exact when it is known.
func checkExact(name string, out []byte, exact int) ([]byte, error) {
	if exact >= 0 && len(out) != exact {
		return nil, sizeMismatch(name, len(out), exact)
	}
	return out, nil
}

type zstdCodec struct{ level int }

var (
	zstdDecOnce sync.Once
	zstdDec     *zstd.Decoder
	zstdEncs    sync.Map // zstd.EncoderLevel -> *zstd.Encoder
)

func zstdDecoder() *zstd.Decoder {
	zstdDecOnce.Do(func() {
		zstdDec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(1<<32))
	})
	return zstdDec
}

func zstdEncoder(level int) *zstd.Encoder {
	l := zstd.EncoderLevelFromZstd(level)
	if e, ok := zstdEncs.Load(l); ok {
		return e.(*zstd.Encoder)
	}
	e, _ := zstd.NewWriter(nil, zstd.WithEncoderLevel(l), zstd.WithEncoderConcurrency(1), zstd.WithZeroFrames(true), zstd.WithSingleSegment(true))
	actual, _ := zstdEncs.LoadOrStore(l, e)
	return actual.(*zstd.Encoder)
}

func (c zstdCodec) encode(src []byte) ([]byte, error) {
	return zstdEncoder(c.level).EncodeAll(src, make([]byte, 0, len(src)/2+64)), nil
}

func (zstdCodec) decode(src []byte, exact, limit int) ([]byte, error) {
	return zstdDecode(src, exact, limit, nil)
}

// zstdDecode decodes one or more zstd frames, refusing more than limit
// bytes of output.
func zstdDecode(src []byte, exact, limit int, dst []byte) ([]byte, error) {
	d := zstdDecoder()
	// Refuse frames that declare more than limit before decoding them.
	var h zstd.Header
	if err := h.Decode(src); err == nil && h.HasFCS && h.FrameContentSize > uint64(limit) {
		return nil, tooBig("zstd", limit)
	}
	if dst == nil {
		dst = make([]byte, 0, max(exact, 0))
	}
	out, err := d.DecodeAll(src, dst)
	if err != nil {
		return nil, wrapf("", "", ErrFormat, err, "zstd data is corrupt or truncated")
	}
	if len(out) > limit {
		return nil, tooBig("zstd", limit)
	}
	return checkExact("zstd", out, exact)
}

type flateCodec struct {
	gz    bool
	level int
}

func (c flateCodec) encode(src []byte) ([]byte, error) {
	var buf bytes.Buffer
	var w io.WriteCloser
	var err error
	level := c.level
	if level < 0 || level > 9 {
		level = 6
	}
	if c.gz {
		w, err = gzip.NewWriterLevel(&buf, level)
	} else {
		w, err = zlib.NewWriterLevel(&buf, level)
	}
	if err != nil {
		return nil, wrapf("", "", ErrFormat, err, "bad compression level %d", c.level)
	}
	if _, err := w.Write(src); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (c flateCodec) decode(src []byte, exact, limit int) ([]byte, error) {
	name := "zlib"
	var r io.ReadCloser
	var err error
	if c.gz {
		name = "gzip"
		r, err = gzip.NewReader(bytes.NewReader(src))
	} else {
		r, err = zlib.NewReader(bytes.NewReader(src))
	}
	if err != nil {
		return nil, wrapf("", "", ErrFormat, err, "%s data is corrupt or truncated", name)
	}
	return readLimited(name, r, exact, limit)
}

// readLimited reads r to its end, refusing more than limit bytes.
func readLimited(name string, r io.Reader, exact, limit int) ([]byte, error) {
	hint := exact
	if hint < 0 {
		hint = 512
	}
	buf := bytes.NewBuffer(make([]byte, 0, hint+1))
	n, err := buf.ReadFrom(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, wrapf("", "", ErrFormat, err, "%s data is corrupt or truncated", name)
	}
	if n > int64(limit) {
		return nil, tooBig(name, limit)
	}
	return checkExact(name, buf.Bytes(), exact)
}

// lz4Codec is numcodecs' LZ4: a little-endian uint32 of the decoded size,
// then an LZ4 block.
type lz4Codec struct{ accel int }

func (l lz4Codec) encode(src []byte) ([]byte, error) {
	if uint64(len(src)) > 0x7e000000 {
		return nil, errorf("", "", ErrFormat, "LZ4 cannot compress %d bytes in one block", len(src))
	}
	out := make([]byte, 4+lz4.CompressBlockBound(len(src)))
	binary.LittleEndian.PutUint32(out, uint32(len(src)))
	c := lz4Compressors.Get().(*lz4.CompressorCCompat)
	c.Acceleration = max(1, l.accel)
	n, err := c.CompressBlock(src, out[4:])
	lz4Compressors.Put(c)
	if err != nil {
		return nil, wrapf("", "", ErrFormat, err, "LZ4 compression failed")
	}
	if n == 0 && len(src) > 0 { // incompressible: pierrec returns 0
		return nil, errorf("", "", ErrFormat, "LZ4 could not compress the data")
	}
	return out[:4+n], nil
}

func (lz4Codec) decode(src []byte, exact, limit int) ([]byte, error) {
	if len(src) < 4 {
		return nil, errorf("", "", ErrFormat, "LZ4 data of %d bytes is shorter than its 4-byte size header", len(src))
	}
	n := int64(binary.LittleEndian.Uint32(src))
	if n > int64(limit) || (exact >= 0 && n != int64(exact)) {
		return nil, sizeMismatch("lz4", int(n), exact)
	}
	out := make([]byte, n)
	m, err := lz4.UncompressBlock(src[4:], out)
	if err != nil {
		return nil, wrapf("", "", ErrFormat, err, "LZ4 data is corrupt or truncated")
	}
	if int64(m) != n {
		return nil, sizeMismatch("lz4", m, int(n))
	}
	return out, nil
}

type bz2Codec struct{}

func (bz2Codec) encode([]byte) ([]byte, error) {
	return nil, errorf("", "", ErrUnsupported, "bz2 chunks can be read but not written (Go's compress/bzip2 only decompresses)")
}

func (bz2Codec) decode(src []byte, exact, limit int) ([]byte, error) {
	return readLimited("bz2", bzip2.NewReader(bytes.NewReader(src)), exact, limit)
}

// crcCodec is Zarr v3's crc32c: the data followed by its CRC-32C
// (Castagnoli), little-endian.
type crcCodec struct{}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

func (crcCodec) encode(src []byte) ([]byte, error) {
	out := make([]byte, len(src)+4)
	copy(out, src)
	binary.LittleEndian.PutUint32(out[len(src):], crc32.Checksum(src, castagnoli))
	return out, nil
}

func (crcCodec) decode(src []byte, exact, limit int) ([]byte, error) {
	if len(src) < 4 {
		return nil, errorf("", "", ErrFormat, "crc32c data of %d bytes is shorter than its 4-byte checksum", len(src))
	}
	data := src[:len(src)-4]
	want := binary.LittleEndian.Uint32(src[len(src)-4:])
	if got := crc32.Checksum(data, castagnoli); got != want {
		return nil, errorf("", "", ErrChecksum, "crc32c checksum is %08x, the data gives %08x", want, got)
	}
	if len(data) > limit {
		return nil, tooBig("crc32c", limit)
	}
	return checkExact("crc32c", data, exact)
}

// codecJSON2 returns the numcodecs (Zarr v2) JSON of c.
func codecJSON2(c Codec) (map[string]any, error) {
	switch c.Name {
	case "zstd", "gzip", "zlib", "bz2":
		return map[string]any{"id": c.Name, "level": c.Level}, nil
	case "lz4":
		acc := c.Level
		if acc <= 0 {
			acc = 1
		}
		return map[string]any{"id": "lz4", "acceleration": acc}, nil
	case "blosc":
		return map[string]any{"id": "blosc", "cname": c.CName, "clevel": c.Level, "shuffle": int(c.Shuffle), "blocksize": c.BlockSize}, nil
	}
	return nil, errorf("", "", ErrUnsupported, "codec %q has no Zarr v2 form; v2 compressors: zstd, gzip, zlib, lz4, blosc, bz2", c.Name)
}

var shuffleNames = []string{"noshuffle", "shuffle", "bitshuffle"}

// codecJSON3 returns the Zarr v3 JSON of c for elements of itemSize bytes.
func codecJSON3(c Codec, itemSize int) (map[string]any, error) {
	var conf map[string]any
	switch c.Name {
	case "zstd":
		conf = map[string]any{"level": c.Level, "checksum": false}
	case "gzip":
		conf = map[string]any{"level": c.Level}
	case "crc32c":
		return map[string]any{"name": "crc32c"}, nil
	case "blosc":
		ts := c.TypeSize
		if ts <= 0 {
			ts = itemSize
		}
		conf = map[string]any{"cname": c.CName, "clevel": c.Level, "shuffle": shuffleNames[c.Shuffle], "typesize": ts, "blocksize": c.BlockSize}
	default:
		return nil, errorf("", "", ErrUnsupported, "codec %q has no Zarr v3 form; v3 bytes codecs: zstd, gzip, blosc, crc32c", c.Name)
	}
	return map[string]any{"name": c.Name, "configuration": conf}, nil
}

// jsonInt reads an integer field of a codec configuration.
func jsonInt(conf map[string]json.RawMessage, key string, def int) (int, error) {
	raw, ok := conf[key]
	if !ok || string(raw) == "null" {
		return def, nil
	}
	var n int
	if err := json.Unmarshal(raw, &n); err != nil {
		return 0, errorf("", "", ErrFormat, "codec field %q is %s, not an integer", key, clip(string(raw)))
	}
	return n, nil
}

// parseCodec2 reads a numcodecs compressor object {"id": ...}.
func parseCodec2(raw json.RawMessage) (Codec, error) {
	var conf map[string]json.RawMessage
	if err := json.Unmarshal(raw, &conf); err != nil {
		return Codec{}, wrapf("", "", ErrFormat, err, "compressor is not a JSON object")
	}
	var id string
	if err := json.Unmarshal(conf["id"], &id); err != nil {
		return Codec{}, errorf("", "", ErrFormat, "compressor has no string \"id\"")
	}
	c := Codec{Name: id}
	var err error
	switch id {
	case "zstd", "gzip", "zlib", "bz2":
		c.Level, err = jsonInt(conf, "level", 1)
	case "lz4":
		c.Level, err = jsonInt(conf, "acceleration", 1)
	case "blosc":
		if err = json.Unmarshal(conf["cname"], &c.CName); err != nil {
			return Codec{}, errorf("", "", ErrFormat, "blosc compressor has no string \"cname\"")
		}
		if c.Level, err = jsonInt(conf, "clevel", 5); err != nil {
			return Codec{}, err
		}
		var sh int
		if sh, err = jsonInt(conf, "shuffle", 1); err != nil {
			return Codec{}, err
		}
		if sh == -1 { // numcodecs AUTOSHUFFLE; frames say what they used
			sh = 1
		}
		c.Shuffle = Shuffle(sh)
		c.BlockSize, err = jsonInt(conf, "blocksize", 0)
	default:
		return Codec{}, errorf("", "", ErrUnsupported, "compressor %q is not supported; supported: zstd, gzip, zlib, lz4, blosc, bz2", id)
	}
	if err != nil {
		return Codec{}, err
	}
	if _, err := c.build(1); err != nil {
		return Codec{}, err
	}
	return c, nil
}

// parseCodec3Bytes reads the configuration of a v3 bytes-to-bytes codec.
func parseCodec3Bytes(name string, conf map[string]json.RawMessage) (Codec, error) {
	c := Codec{Name: name}
	var err error
	switch name {
	case "zstd":
		c.Level, err = jsonInt(conf, "level", 0)
	case "gzip":
		c.Level, err = jsonInt(conf, "level", 6)
	case "crc32c":
	case "blosc":
		var cname, shuffle string
		if err = json.Unmarshal(conf["cname"], &cname); err != nil {
			return Codec{}, errorf("", "", ErrFormat, "blosc codec has no string \"cname\"")
		}
		if raw, ok := conf["shuffle"]; ok {
			if err = json.Unmarshal(raw, &shuffle); err != nil {
				return Codec{}, errorf("", "", ErrFormat, "blosc \"shuffle\" is %s, not a string", clip(string(raw)))
			}
		}
		c.CName = cname
		switch shuffle {
		case "noshuffle":
			c.Shuffle = NoShuffle
		case "shuffle", "":
			c.Shuffle = ByteShuffle
		case "bitshuffle":
			c.Shuffle = BitShuffle
		default:
			return Codec{}, errorf("", "", ErrFormat, "blosc \"shuffle\" %q is not noshuffle, shuffle or bitshuffle", shuffle)
		}
		if c.Level, err = jsonInt(conf, "clevel", 5); err != nil {
			return Codec{}, err
		}
		if c.TypeSize, err = jsonInt(conf, "typesize", 0); err != nil {
			return Codec{}, err
		}
		c.BlockSize, err = jsonInt(conf, "blocksize", 0)
	default:
		return Codec{}, errorf("", "", ErrUnsupported, "codec %q is not supported", name)
	}
	if err != nil {
		return Codec{}, err
	}
	if _, err := c.build(1); err != nil {
		return Codec{}, err
	}
	return c, nil
}

// String returns the codec as "name(settings)" for messages and info.
func (c Codec) String() string {
	switch c.Name {
	case "blosc":
		return fmt.Sprintf("blosc(cname=%s, clevel=%d, shuffle=%s)", c.CName, c.Level, shuffleNames[c.Shuffle])
	case "crc32c":
		return "crc32c"
	}
	return fmt.Sprintf("%s(level=%d)", c.Name, c.Level)
}
