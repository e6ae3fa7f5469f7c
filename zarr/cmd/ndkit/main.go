// Command ndkit inspects and converts n-dimensional array files: .npy
// files and Zarr v2 and v3 arrays.
//
//	ndkit info PATH
//	ndkit convert [flags] SRC DST
//
// info prints the shape, data type, chunks, codecs, attributes, and the
// stored and uncompressed sizes of a .npy file or a Zarr array (a
// directory holding .zarray or zarr.json, a .zip of one, or an http(s)
// URL).
//
// convert copies a .npy file into a new Zarr array, or a Zarr array into
// a new .npy file (a DST ending in ".npy"). It streams: it holds one slab
// of chunks at a time, never the whole array, and shows a progress bar on
// stderr when the work has many slabs. Flags (npy to Zarr):
//
//	-chunks 256,256    chunk shape (default: the whole array halved along
//	                   its longest axis until a chunk holds at most 4 MiB)
//	-codec zstd        zstd, gzip, blosc-lz4 (byte shuffle) or none
//	-level N           the codec's level (default: zstd 1, gzip 5, blosc 5)
//	-zarr-format 2     2 or 3
//	-shard 1024,1024   v3 shard shape, a multiple of the chunks: chunks
//	                   become inner chunks of sharded objects
//	-q                 no progress bar
//
// The rules are those of semantics.md §35 (ZS5–ZS7).
package main

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
	"github.com/ndkit/ndkit/zarr"
	"github.com/x448/float16"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "ndkit:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  ndkit info PATH
  ndkit convert [-chunks A,B,...] [-codec zstd|gzip|blosc-lz4|none] [-level N]
                [-zarr-format 2|3] [-shard A,B,...] [-q] SRC DST
PATH, SRC and DST are .npy files or Zarr arrays (a directory, a .zip to
read, or an http(s) URL to read).`

// run runs the command with args (without the program name), writing its
// output to stdout and messages and the progress bar to stderr.
func run(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return errors.New("no command given")
	}
	ctx := context.Background()
	switch args[0] {
	case "info":
		if len(args) != 2 {
			fmt.Fprintln(stderr, usage)
			return errors.New("info takes one PATH")
		}
		return info(ctx, args[1], stdout)
	case "convert":
		return convert(ctx, args[1:], stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprintln(stdout, usage)
		return nil
	}
	fmt.Fprintln(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

func isNpy(path string) bool { return strings.HasSuffix(strings.ToLower(path), ".npy") }

// openStore opens the Zarr store at path: a zip archive, an http(s) URL
// or a directory (which must exist when mustExist).
func openStore(path string, mustExist bool) (zarr.Store, func(), error) {
	switch {
	case strings.HasPrefix(path, "http://") || strings.HasPrefix(path, "https://"):
		return zarr.NewHTTPStore(path, nil), func() {}, nil
	case strings.HasSuffix(strings.ToLower(path), ".zip"):
		z, err := zarr.OpenZipStore(path)
		if err != nil {
			return nil, nil, err
		}
		return z, func() { z.Close() }, nil
	}
	if mustExist {
		if st, err := os.Stat(path); err != nil || !st.IsDir() {
			return nil, nil, fmt.Errorf("%s: not a .npy file or a Zarr directory", path)
		}
	}
	s, err := zarr.NewDirStore(path)
	return s, func() {}, err
}

// readNpyHeader opens a .npy file and reads its header, leaving the file
// at the data.
func readNpyHeader(path string) (*os.File, npy.Header, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, npy.Header{}, err
	}
	h, err := npy.ReadHeader(f)
	if err != nil {
		f.Close()
		return nil, npy.Header{}, fmt.Errorf("%s: %w", path, err)
	}
	return f, h, nil
}

// info prints what info prints.
func info(ctx context.Context, path string, w io.Writer) error {
	if isNpy(path) {
		f, h, err := readNpyHeader(path)
		if err != nil {
			return err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return err
		}
		order := "C"
		if h.FortranOrder {
			order = "F"
		}
		fmt.Fprintf(w, "format:  npy %s\n", h.Version)
		fmt.Fprintf(w, "shape:   %v\n", h.Shape)
		fmt.Fprintf(w, "dtype:   %s\n", h.DType)
		fmt.Fprintf(w, "order:   %s\n", order)
		fmt.Fprintf(w, "size:    %d bytes of data, %d bytes stored (header %d)\n", h.NBytes(), st.Size(), h.DataOffset)
		return nil
	}
	s, done, err := openStore(path, true)
	if err != nil {
		return err
	}
	defer done()
	a, err := zarr.Open(ctx, s, "")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "format:  zarr v%d\n", a.Format())
	fmt.Fprintf(w, "shape:   %v\n", a.Shape())
	fmt.Fprintf(w, "dtype:   %s\n", a.DType())
	if in := a.InnerChunks(); in != nil {
		fmt.Fprintf(w, "chunks:  %v in shards of %v\n", in, a.Chunks())
	} else {
		fmt.Fprintf(w, "chunks:  %v\n", a.Chunks())
	}
	fmt.Fprintf(w, "order:   %c\n", a.Order())
	fmt.Fprintf(w, "fill:    %s\n", a.FillValue())
	codecs := []string{}
	for _, c := range a.Codecs() {
		codecs = append(codecs, c.String())
	}
	if len(codecs) == 0 {
		codecs = append(codecs, "none")
	}
	fmt.Fprintf(w, "codecs:  %s\n", strings.Join(codecs, ", "))
	attrs, _ := json.Marshal(a.Attrs())
	fmt.Fprintf(w, "attrs:   %s\n", attrs)
	nbytes := int64(a.DType().Size)
	for _, e := range a.Shape() {
		nbytes *= int64(e)
	}
	if n, objects, ok := storedSize(s, path); ok {
		ratio := "-"
		if n > 0 {
			ratio = strconv.FormatFloat(float64(nbytes)/float64(n), 'f', 2, 64)
		}
		fmt.Fprintf(w, "size:    %d bytes of data, %d bytes stored in %d chunk objects (ratio %s)\n", nbytes, n, objects, ratio)
	} else {
		fmt.Fprintf(w, "size:    %d bytes of data (stored size unknown for this store)\n", nbytes)
	}
	return nil
}

// storedSize sums the sizes of the chunk objects (every key but the
// metadata) of a directory or zip store.
func storedSize(s zarr.Store, path string) (n int64, objects int, ok bool) {
	meta := func(name string) bool {
		switch filepath.Base(name) {
		case ".zarray", ".zattrs", ".zgroup", ".zmetadata", "zarr.json":
			return true
		}
		return false
	}
	switch s.(type) {
	case *zarr.DirStore:
		err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || meta(p) || strings.HasPrefix(d.Name(), ".tmp-") {
				return err
			}
			st, err := d.Info()
			if err != nil {
				return err
			}
			n += st.Size()
			objects++
			return nil
		})
		return n, objects, err == nil
	case *zarr.ZipStore:
		st, err := os.Stat(path)
		if err != nil {
			return 0, 0, false
		}
		return st.Size(), -1, false
	}
	return 0, 0, false
}

// convertFlags are the flags of convert.
type convertFlags struct {
	chunks, shard []int
	codec         string
	level         int
	format        int
	quiet         bool
}

// parseInts parses "256,256".
func parseInts(s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	var out []int
	for _, p := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a list of positive integers", s)
		}
		out = append(out, n)
	}
	return out, nil
}

func convert(ctx context.Context, args []string, stderr io.Writer) error {
	fl := flag.NewFlagSet("convert", flag.ContinueOnError)
	fl.SetOutput(stderr)
	chunks := fl.String("chunks", "", "chunk shape, as 256,256")
	shard := fl.String("shard", "", "v3 shard shape, a multiple of the chunks")
	var cf convertFlags
	fl.StringVar(&cf.codec, "codec", "zstd", "zstd, gzip, blosc-lz4 or none")
	fl.IntVar(&cf.level, "level", -1, "codec level (default: zstd 1, gzip 5, blosc 5)")
	fl.IntVar(&cf.format, "zarr-format", 2, "Zarr format of a new array, 2 or 3")
	fl.BoolVar(&cf.quiet, "q", false, "no progress bar")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() != 2 {
		return errors.New("convert takes SRC and DST")
	}
	var err error
	if cf.chunks, err = parseInts(*chunks); err != nil {
		return fmt.Errorf("-chunks: %w", err)
	}
	if cf.shard, err = parseInts(*shard); err != nil {
		return fmt.Errorf("-shard: %w", err)
	}
	if cf.format != 2 && cf.format != 3 {
		return fmt.Errorf("-zarr-format %d: want 2 or 3", cf.format)
	}
	if cf.shard != nil && cf.format != 3 {
		return errors.New("-shard needs -zarr-format 3")
	}
	src, dst := fl.Arg(0), fl.Arg(1)
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("%s exists; convert writes a new file or store", dst)
	}
	bar := newBar(stderr, cf.quiet)
	switch {
	case isNpy(src) && !isNpy(dst):
		return npyToZarr(ctx, src, dst, cf, bar)
	case !isNpy(src) && isNpy(dst):
		return zarrToNpy(ctx, src, dst, bar)
	}
	return errors.New("convert copies a .npy file to a Zarr array or a Zarr array to a .npy file")
}

// codecs returns the codecs the flags ask for.
func (cf convertFlags) codecs() ([]zarr.Codec, error) {
	lv := func(def int) int {
		if cf.level < 0 {
			return def
		}
		return cf.level
	}
	switch cf.codec {
	case "zstd":
		return []zarr.Codec{zarr.Zstd(lv(1))}, nil
	case "gzip":
		return []zarr.Codec{zarr.Gzip(lv(5))}, nil
	case "blosc-lz4":
		return []zarr.Codec{zarr.Blosc("lz4", lv(5), zarr.ByteShuffle)}, nil
	case "none":
		return nil, nil
	}
	return nil, fmt.Errorf("-codec %q: want zstd, gzip, blosc-lz4 or none", cf.codec)
}

// defaultChunks halves the longest axis of shape until a chunk of
// item-byte elements holds at most 4 MiB.
func defaultChunks(shape []int, item int) []int {
	c := make([]int, len(shape))
	for d, e := range shape {
		c[d] = max(e, 1)
	}
	for {
		n := item
		for _, e := range c {
			n *= e
		}
		if n <= 4<<20 {
			return c
		}
		d := 0
		for k := range c {
			if c[k] > c[d] {
				d = k
			}
		}
		c[d] = (c[d] + 1) / 2
	}
}

func byteOrder(d npy.DType) binary.ByteOrder {
	if d.Order == '>' {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// slabs splits axis ax of extent n into runs of step, calling f with each
// run's region ("a:b" on ax, ":" elsewhere) and its extent.
func slabs(nd, ax, n, step int, f func(region string, k int) error) error {
	items := make([]string, nd)
	for d := range items {
		items[d] = ":"
	}
	for r0 := 0; r0 < n; r0 += step {
		r1 := min(n, r0+step)
		items[ax] = fmt.Sprintf("%d:%d", r0, r1)
		if err := f(strings.Join(items, ","), r1-r0); err != nil {
			return err
		}
	}
	return nil
}

// withType calls the instance of a generic step for the element type of
// d; the steps are the two directions of convert.
func withType(d npy.DType, toZarr bool, c *copier) error {
	switch {
	case d.Kind == 'b':
		return step[bool](c, toZarr)
	case d.Kind == 'i' && d.Size == 1:
		return step[int8](c, toZarr)
	case d.Kind == 'i' && d.Size == 2:
		return step[int16](c, toZarr)
	case d.Kind == 'i' && d.Size == 4:
		return step[int32](c, toZarr)
	case d.Kind == 'i' && d.Size == 8:
		return step[int64](c, toZarr)
	case d.Kind == 'u' && d.Size == 1:
		return step[uint8](c, toZarr)
	case d.Kind == 'u' && d.Size == 2:
		return step[uint16](c, toZarr)
	case d.Kind == 'u' && d.Size == 4:
		return step[uint32](c, toZarr)
	case d.Kind == 'u' && d.Size == 8:
		return step[uint64](c, toZarr)
	case d.Kind == 'f' && d.Size == 2:
		return step[float16.Float16](c, toZarr)
	case d.Kind == 'f' && d.Size == 4:
		return step[float32](c, toZarr)
	case d.Kind == 'f' && d.Size == 8:
		return step[float64](c, toZarr)
	case d.Kind == 'c' && d.Size == 8:
		return step[complex64](c, toZarr)
	case d.Kind == 'c' && d.Size == 16:
		return step[complex128](c, toZarr)
	}
	return fmt.Errorf("data type %s is not supported", d)
}

// copier is the state of one conversion: the array, the .npy file's
// header and stream, and the slabs along axis ax of step positions.
type copier struct {
	ctx    context.Context
	a      *zarr.Array
	h      npy.Header
	r      io.Reader
	w      io.Writer
	ax     int
	step   int
	slabs  int
	report func(done, total int)
}

// step copies every slab, in file order, between the .npy stream and the
// array; toZarr picks the direction.
func step[T any](c *copier, toZarr bool) error {
	shape := c.h.Shape
	nd := len(shape)
	order := byteOrder(c.h.DType)
	if nd == 0 {
		buf := make([]T, 1)
		v, _ := ndview.Wrap(buf, 0, []int{}, []int{})
		if toZarr {
			if err := binary.Read(c.r, order, buf); err != nil {
				return err
			}
			return zarr.Write(c.ctx, c.a, "", v)
		}
		if err := zarr.ReadInto(c.ctx, c.a, v, ""); err != nil {
			return err
		}
		return binary.Write(c.w, order, buf)
	}
	done := 0
	return slabs(nd, c.ax, shape[c.ax], c.step, func(region string, k int) error {
		ss := slices.Clone(shape)
		ss[c.ax] = k
		n := 1
		for _, e := range ss {
			n *= e
		}
		buf := make([]T, n)
		st := make([]int, nd)
		m := 1
		for i := range nd {
			d := nd - 1 - i // C order
			if c.h.FortranOrder {
				d = i
			}
			st[d] = m
			m *= ss[d]
		}
		v, err := ndview.Wrap(buf, 0, ss, st)
		if err != nil {
			return err
		}
		if toZarr {
			if err := binary.Read(c.r, order, buf); err != nil {
				return fmt.Errorf("reading the .npy data: %w", err)
			}
			if err := zarr.Write(c.ctx, c.a, region, v); err != nil {
				return err
			}
		} else {
			if err := zarr.ReadInto(c.ctx, c.a, v, region); err != nil {
				return err
			}
			if err := binary.Write(c.w, order, buf); err != nil {
				return err
			}
		}
		done++
		c.report(done, c.slabs)
		return nil
	})
}

// plan sets the slab axis and step: the first axis for C order (the last
// for F), by whole chunks along it, so that every write covers whole
// chunks and the file is read or written in order.
func (c *copier) plan(chunks []int) {
	nd := len(c.h.Shape)
	if nd == 0 {
		return
	}
	if c.h.FortranOrder {
		c.ax = nd - 1
	}
	c.step = chunks[c.ax]
	c.slabs = (c.h.Shape[c.ax] + c.step - 1) / c.step
}

func npyToZarr(ctx context.Context, src, dst string, cf convertFlags, bar *bar) error {
	f, h, err := readNpyHeader(src)
	if err != nil {
		return err
	}
	defer f.Close()
	codecs, err := cf.codecs()
	if err != nil {
		return err
	}
	chunks := cf.chunks
	if chunks == nil {
		chunks = defaultChunks(h.Shape, h.DType.Size)
	}
	if len(chunks) != len(h.Shape) {
		return fmt.Errorf("-chunks %v: the array has %d axes", chunks, len(h.Shape))
	}
	if cf.shard != nil && len(cf.shard) != len(h.Shape) {
		return fmt.Errorf("-shard %v: the array has %d axes", cf.shard, len(h.Shape))
	}
	s, done, err := openStore(dst, false)
	if err != nil {
		return err
	}
	defer done()
	order := byte('C')
	if h.FortranOrder {
		order = 'F'
		if cf.format == 3 && cf.shard != nil {
			order = 'C' // a transpose codec cannot wrap a sharding codec here
		}
	}
	a, err := zarr.Create(ctx, s, "", zarr.Options{Format: cf.format, DType: h.DType.String(), Shape: h.Shape,
		Chunks: chunks, Shards: cf.shard, Order: order, Codecs: codecs})
	if err != nil {
		os.RemoveAll(dst)
		return err
	}
	c := &copier{ctx: ctx, a: a, h: h, r: readerOf(f), report: bar.report}
	c.plan(a.Chunks())
	err = withType(h.DType, true, c)
	bar.finish()
	if err != nil {
		return fmt.Errorf("%s: %w", dst, err)
	}
	return nil
}

func zarrToNpy(ctx context.Context, src, dst string, bar *bar) error {
	s, done, err := openStore(src, true)
	if err != nil {
		return err
	}
	defer done()
	a, err := zarr.Open(ctx, s, "")
	if err != nil {
		return err
	}
	h := npy.Header{DType: a.DType(), Shape: a.Shape()}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	bw := newWriter(f)
	err = npy.WriteHeader(bw, h)
	if err == nil {
		c := &copier{ctx: ctx, a: a, h: h, w: bw, report: bar.report}
		c.plan(a.Chunks())
		err = withType(h.DType, false, c)
	}
	bar.finish()
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
		return fmt.Errorf("%s: %w", dst, err)
	}
	return nil
}
