package zarr

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// HTTPStore is a read-only Store over HTTP (zarr-python's FSStore over
// HTTP, zarrita's FetchStore): Get fetches base URL + "/" + key with GET.
// A 404 (or 403, which object stores answer for absent keys) reads as an
// absent key; bodies above 2 GiB are refused.
type HTTPStore struct {
	base   string
	client *http.Client
}

// NewHTTPStore returns a read-only store at the URL base, using client
// (http.DefaultClient when nil).
func NewHTTPStore(base string, client *http.Client) *HTTPStore {
	if client == nil {
		client = http.DefaultClient
	}
	return &HTTPStore{base: strings.TrimSuffix(base, "/"), client: client}
}

// Get fetches key.
func (s *HTTPStore) Get(ctx context.Context, key string) ([]byte, error) {
	if err := checkKey("Get", key); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+"/"+key, nil)
	if err != nil {
		return nil, wrapf("Get", key, ErrFormat, err, "bad URL")
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, wrapf("Get", key, ErrFormat, err, "request failed")
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusForbidden:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		return nil, wrapf("Get", key, ErrNotFound, nil, "HTTP %s", resp.Status)
	case resp.StatusCode != http.StatusOK:
		return nil, errorf("Get", key, ErrFormat, "HTTP %s", resp.Status)
	}
	if resp.ContentLength > maxChunkBytes {
		return nil, errorf("Get", key, ErrFormat, "value of %d bytes is larger than the %d bytes allowed", resp.ContentLength, maxChunkBytes)
	}
	b, err := readLimited("HTTP body", resp.Body, -1, maxChunkBytes)
	if err != nil {
		return nil, withPath("Get", key, err)
	}
	return b, nil
}

// GetRange fetches a range of key with an HTTP Range header
// ("bytes=a-b", or "bytes=-n" for a negative offset). A server that
// ignores the header and answers 200 with the whole body is served too,
// by keeping the range of the body.
func (s *HTTPStore) GetRange(ctx context.Context, key string, offset, length int64) ([]byte, error) {
	if err := checkKey("GetRange", key); err != nil {
		return nil, err
	}
	if err := checkRangeArgs(key, offset, length); err != nil {
		return nil, err
	}
	if length == 0 {
		// An empty range has no Range header; the key must still exist.
		b, err := s.Get(ctx, key)
		if err != nil {
			return nil, err
		}
		return sliceRange(key, b, offset, 0)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.base+"/"+key, nil)
	if err != nil {
		return nil, wrapf("GetRange", key, ErrFormat, err, "bad URL")
	}
	if offset < 0 {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d", offset))
	} else {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-%d", offset, offset+length-1))
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, wrapf("GetRange", key, ErrFormat, err, "request failed")
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusNotFound, http.StatusForbidden:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
		return nil, wrapf("GetRange", key, ErrNotFound, nil, "HTTP %s", resp.Status)
	case http.StatusRequestedRangeNotSatisfiable:
		return nil, errorf("GetRange", key, ErrFormat, "range of %d bytes at offset %d is outside the value (HTTP %s)", length, offset, resp.Status)
	case http.StatusOK:
		b, err := readLimited("HTTP body", resp.Body, -1, maxChunkBytes)
		if err != nil {
			return nil, withPath("GetRange", key, err)
		}
		return sliceRange(key, b, offset, length)
	case http.StatusPartialContent:
	default:
		return nil, errorf("GetRange", key, ErrFormat, "HTTP %s", resp.Status)
	}
	want := length
	if offset < 0 {
		want = -offset
	}
	b, err := readLimited("HTTP body", resp.Body, -1, int(want))
	if err != nil {
		return nil, withPath("GetRange", key, err)
	}
	if int64(len(b)) != want {
		return nil, errorf("GetRange", key, ErrFormat, "range of %d bytes at offset %d is outside the value: the server sent %d bytes", length, offset, len(b))
	}
	return b[:length], nil
}

// Set returns an error wrapping ErrReadOnly.
func (s *HTTPStore) Set(ctx context.Context, key string, value []byte) error {
	return errorf("Set", key, ErrReadOnly, "HTTP stores are read-only")
}

// Delete returns an error wrapping ErrReadOnly.
func (s *HTTPStore) Delete(ctx context.Context, key string) error {
	return errorf("Delete", key, ErrReadOnly, "HTTP stores are read-only")
}
