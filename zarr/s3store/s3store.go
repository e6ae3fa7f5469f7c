// Package s3store is a zarr.Store over S3-compatible object storage (AWS
// S3, MinIO, Ceph, Google Cloud Storage's XML API) through
// github.com/minio/minio-go/v7: zarr-python's FSStore over s3fs.
//
// It lives in a module of its own so that the zarr module does not carry
// minio-go's dependencies. Each key is one object under a prefix of a
// bucket. A Set is one PUT, which S3 applies whole: a reader sees the old
// object or the new one, never a torn chunk, and writers of different
// chunks need no lock (semantics.md §35, ZS4). The store reads byte
// ranges (zarr.RangeGetter), so sharded arrays fetch only the inner
// chunks a region touches.
package s3store

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/ndkit/ndkit/zarr"
)

// maxValue is the largest value the store reads, as zarr's other stores
// (2 GiB).
const maxValue = 1 << 31

// Store is a zarr.Store and zarr.RangeGetter over the objects of a bucket
// under a prefix. It is safe for concurrent use.
type Store struct {
	core   minio.Core
	bucket string
	prefix string
}

// New returns the store of the objects of bucket whose names start with
// prefix + "/" (every object when prefix is ""), through client. It does
// not check that the bucket exists; the first Get or Set does.
func New(client *minio.Client, bucket, prefix string) *Store {
	prefix = strings.Trim(prefix, "/")
	if prefix != "" {
		prefix += "/"
	}
	return &Store{core: minio.Core{Client: client}, bucket: bucket, prefix: prefix}
}

func errf(op, key string, kind, cause error, format string, args ...any) error {
	return &zarr.Error{Op: op, Path: key, Err: kind, Msg: fmt.Sprintf(format, args...), Cause: cause}
}

// absent reports whether err is S3's answer for an absent object.
func absent(err error) bool {
	r := minio.ToErrorResponse(err)
	return r.Code == "NoSuchKey" || r.StatusCode == http.StatusNotFound
}

// get fetches key, whole or (rng != "") the HTTP range rng, refusing more
// than limit bytes.
func (s *Store) get(ctx context.Context, op, key string, opts minio.GetObjectOptions, limit int64) ([]byte, error) {
	if err := zarr.CheckKey(key); err != nil {
		return nil, err
	}
	body, info, _, err := s.core.GetObject(ctx, s.bucket, s.prefix+key, opts)
	if err != nil {
		if absent(err) {
			return nil, errf(op, key, zarr.ErrNotFound, nil, "no such object in bucket %q", s.bucket)
		}
		if minio.ToErrorResponse(err).StatusCode == http.StatusRequestedRangeNotSatisfiable {
			return nil, errf(op, key, zarr.ErrFormat, nil, "range is outside the object")
		}
		return nil, errf(op, key, zarr.ErrFormat, err, "cannot get object")
	}
	defer body.Close()
	if info.Size > limit {
		return nil, errf(op, key, zarr.ErrFormat, nil, "value of %d bytes is larger than the %d bytes allowed", info.Size, limit)
	}
	var buf bytes.Buffer
	if info.Size > 0 {
		buf.Grow(int(info.Size))
	}
	n, err := buf.ReadFrom(io.LimitReader(body, limit+1))
	if err != nil {
		return nil, errf(op, key, zarr.ErrFormat, err, "cannot read object")
	}
	if n > limit {
		return nil, errf(op, key, zarr.ErrFormat, nil, "value is larger than the %d bytes allowed", limit)
	}
	return buf.Bytes(), nil
}

// Get reads the object of key; an absent one gives an error wrapping
// zarr.ErrNotFound.
func (s *Store) Get(ctx context.Context, key string) ([]byte, error) {
	return s.get(ctx, "Get", key, minio.GetObjectOptions{}, maxValue)
}

// GetRange reads length bytes of the object of key from offset (negative:
// from the end), with one ranged GET; see zarr.RangeGetter for the
// errors.
func (s *Store) GetRange(ctx context.Context, key string, offset, length int64) ([]byte, error) {
	if length < 0 || length > maxValue {
		return nil, errf("GetRange", key, zarr.ErrFormat, nil, "range length %d is outside [0, %d]", length, int64(maxValue))
	}
	if offset < 0 && (-offset < length || offset < -maxValue) {
		return nil, errf("GetRange", key, zarr.ErrFormat, nil, "range of %d bytes from %d bytes before the end passes the end", length, -offset)
	}
	want := length
	var opts minio.GetObjectOptions
	switch {
	case length == 0:
		// No Range header can ask for nothing: check that the object
		// exists and is long enough.
		info, err := s.core.StatObject(ctx, s.bucket, s.prefix+key, minio.StatObjectOptions{})
		if err != nil {
			if absent(err) {
				return nil, errf("GetRange", key, zarr.ErrNotFound, nil, "no such object in bucket %q", s.bucket)
			}
			return nil, errf("GetRange", key, zarr.ErrFormat, err, "cannot stat object")
		}
		if (offset >= 0 && offset > info.Size) || (offset < 0 && -offset > info.Size) {
			return nil, errf("GetRange", key, zarr.ErrFormat, nil, "range at offset %d is outside the object of %d bytes", offset, info.Size)
		}
		return []byte{}, nil
	case offset < 0:
		want = -offset
		opts.SetRange(0, offset)
	default:
		if offset > (1<<62)-length {
			return nil, errf("GetRange", key, zarr.ErrFormat, nil, "range offset %d is too large", offset)
		}
		opts.SetRange(offset, offset+length-1)
	}
	b, err := s.get(ctx, "GetRange", key, opts, want)
	if err != nil {
		return nil, err
	}
	if int64(len(b)) != want {
		return nil, errf("GetRange", key, zarr.ErrFormat, nil, "range of %d bytes at offset %d is outside the object: %d bytes came", length, offset, len(b))
	}
	return b[:length], nil
}

// Set writes value as the object of key with one PUT, which replaces the
// object whole.
func (s *Store) Set(ctx context.Context, key string, value []byte) error {
	if err := zarr.CheckKey(key); err != nil {
		return err
	}
	_, err := s.core.Client.PutObject(ctx, s.bucket, s.prefix+key, bytes.NewReader(value), int64(len(value)),
		minio.PutObjectOptions{ContentType: "application/octet-stream", DisableMultipart: true})
	if err != nil {
		return errf("Set", key, zarr.ErrFormat, err, "cannot put object")
	}
	return nil
}

// Delete removes the object of key; an absent object is not an error.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := zarr.CheckKey(key); err != nil {
		return err
	}
	err := s.core.Client.RemoveObject(ctx, s.bucket, s.prefix+key, minio.RemoveObjectOptions{})
	if err != nil && !absent(err) {
		return errf("Delete", key, zarr.ErrFormat, err, "cannot remove object")
	}
	return nil
}

var (
	_ zarr.Store       = (*Store)(nil)
	_ zarr.RangeGetter = (*Store)(nil)
)
