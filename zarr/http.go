package zarr

import (
	"context"
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

// Set returns an error wrapping ErrReadOnly.
func (s *HTTPStore) Set(ctx context.Context, key string, value []byte) error {
	return errorf("Set", key, ErrReadOnly, "HTTP stores are read-only")
}

// Delete returns an error wrapping ErrReadOnly.
func (s *HTTPStore) Delete(ctx context.Context, key string) error {
	return errorf("Delete", key, ErrReadOnly, "HTTP stores are read-only")
}
