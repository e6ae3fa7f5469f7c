package zarr

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
)

// RangeGetter is implemented by stores that can read part of a value
// without reading all of it: DirStore, MemoryStore, ZipStore, HTTPStore
// (an HTTP Range request) and the S3 store. Sharded arrays use it to read
// a shard's index and then only the inner chunks a region touches
// (semantics.md §35, ZS1). Stores without it keep working: their whole
// values are read.
//
// GetRange returns length bytes of the value of key from offset. A
// negative offset counts from the end of the value: offset -n reads from
// n bytes before the end (-length reads the last length bytes, an HTTP
// suffix range). It returns an error wrapping ErrNotFound for an absent
// key and one wrapping ErrFormat when the range does not lie inside the
// value or length is negative or above the 2 GiB a value may hold.
type RangeGetter interface {
	GetRange(ctx context.Context, key string, offset, length int64) ([]byte, error)
}

// GetRange reads length bytes of key from offset (negative: from the
// end) from s: with s's own GetRange when it has one, else by reading the
// whole value and keeping the range. Its errors are those of
// RangeGetter.GetRange.
func GetRange(ctx context.Context, s Store, key string, offset, length int64) ([]byte, error) {
	if rg, ok := s.(RangeGetter); ok {
		return rg.GetRange(ctx, key, offset, length)
	}
	if err := checkRangeArgs(key, offset, length); err != nil {
		return nil, err
	}
	b, err := s.Get(ctx, key)
	if err != nil {
		return nil, err
	}
	return sliceRange(key, b, offset, length)
}

// checkRangeArgs refuses a negative length, one above maxChunkBytes, and
// a negative offset whose range would pass the end of the value.
func checkRangeArgs(key string, offset, length int64) error {
	if length < 0 || length > maxChunkBytes {
		return errorf("GetRange", key, ErrFormat, "range length %d is outside [0, %d]", length, int64(maxChunkBytes))
	}
	if offset < 0 && (offset == math.MinInt64 || length > -offset) {
		return errorf("GetRange", key, ErrFormat, "range of %d bytes from %d bytes before the end passes the end", length, -offset)
	}
	return nil
}

// resolveRange returns the start of a range of a value of size bytes, or
// an error when [offset, offset+length) does not lie inside it.
func resolveRange(key string, size, offset, length int64) (int64, error) {
	start := offset
	if offset < 0 {
		start = size + offset
	}
	if start < 0 || start > size || length > size-start {
		return 0, errorf("GetRange", key, ErrFormat, "range of %d bytes at offset %d is outside the value of %d bytes", length, offset, size)
	}
	return start, nil
}

// sliceRange returns a copy of the range of b.
func sliceRange(key string, b []byte, offset, length int64) ([]byte, error) {
	start, err := resolveRange(key, int64(len(b)), offset, length)
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), b[start:start+length]...), nil
}

// readRangeAt reads the range of a value of size bytes from r.
func readRangeAt(key string, r io.ReaderAt, size, offset, length int64) ([]byte, error) {
	start, err := resolveRange(key, size, offset, length)
	if err != nil {
		return nil, err
	}
	b := make([]byte, length)
	if _, err := r.ReadAt(b, start); err != nil && !(errors.Is(err, io.EOF) && length == 0) {
		return nil, wrapf("GetRange", key, ErrFormat, err, "cannot read bytes [%d, %d)", start, start+length)
	}
	return b, nil
}

// GetRange reads a range of the value of key.
func (s *MemoryStore) GetRange(ctx context.Context, key string, offset, length int64) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkRangeArgs(key, offset, length); err != nil {
		return nil, err
	}
	s.mu.RLock()
	v, ok := s.m[key]
	s.mu.RUnlock()
	if !ok {
		return nil, wrapf("GetRange", key, ErrNotFound, nil, "no such key")
	}
	return sliceRange(key, v, offset, length)
}

// GetRange reads a range of the file of key with one positioned read.
func (s *DirStore) GetRange(ctx context.Context, key string, offset, length int64) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkRangeArgs(key, offset, length); err != nil {
		return nil, err
	}
	name, err := s.file("GetRange", key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, wrapf("GetRange", key, ErrNotFound, nil, "no such key")
	}
	if err != nil {
		return nil, wrapf("GetRange", key, ErrFormat, err, "cannot open")
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, wrapf("GetRange", key, ErrFormat, err, "cannot stat")
	}
	return readRangeAt(key, f, st.Size(), offset, length)
}

// GetRange reads a range of the member named key: by a positioned read
// for a stored (uncompressed) member, as zarr-python writes them, and by
// inflating up to the range's end for a compressed one.
func (s *ZipStore) GetRange(ctx context.Context, key string, offset, length int64) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkRangeArgs(key, offset, length); err != nil {
		return nil, err
	}
	f, ok := s.files[key]
	if !ok {
		return nil, wrapf("GetRange", key, ErrNotFound, nil, "no such member")
	}
	if f.UncompressedSize64 > maxChunkBytes {
		return nil, errorf("GetRange", key, ErrFormat, "member of %d bytes is larger than the %d bytes allowed", f.UncompressedSize64, maxChunkBytes)
	}
	size := int64(f.UncompressedSize64)
	if f.Method == 0 && f.CompressedSize64 == f.UncompressedSize64 {
		if raw, err := f.OpenRaw(); err == nil {
			if ra, ok := raw.(io.ReaderAt); ok {
				return readRangeAt(key, ra, size, offset, length)
			}
		}
	}
	start, err := resolveRange(key, size, offset, length)
	if err != nil {
		return nil, err
	}
	r, err := f.Open()
	if err != nil {
		return nil, wrapf("GetRange", key, ErrFormat, err, "cannot open member")
	}
	defer r.Close()
	if _, err := io.CopyN(io.Discard, r, start); err != nil {
		return nil, wrapf("GetRange", key, ErrFormat, err, "cannot read member")
	}
	b := make([]byte, length)
	if _, err := io.ReadFull(r, b); err != nil {
		return nil, wrapf("GetRange", key, ErrFormat, err, "cannot read member")
	}
	return b, nil
}
