package zarr

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Store holds a Zarr hierarchy as keys ("group/array/.zarray",
// "array/c/0/1") mapped to byte values, as zarr-python's stores do.
//
// Get returns an error wrapping ErrNotFound (and so fs.ErrNotExist) for an
// absent key; read-only stores return one wrapping ErrReadOnly from Set and
// Delete. Implementations must be safe for concurrent use; Set must replace
// a value whole, so that a reader never sees a torn value.
type Store interface {
	Get(ctx context.Context, key string) ([]byte, error)
	Set(ctx context.Context, key string, value []byte) error
	Delete(ctx context.Context, key string) error
}

// CheckKey returns an error wrapping ErrFormat when key could leave a
// store's root: empty, absolute, or with empty, "." or ".." components or
// backslashes. Stores written outside this package use it to refuse the
// keys this package's stores refuse.
func CheckKey(key string) error { return checkKey("CheckKey", key) }

// checkKey is CheckKey for the operation op.
func checkKey(op, key string) error {
	if key == "" || strings.HasPrefix(key, "/") || strings.Contains(key, "\\") {
		return errorf(op, key, ErrFormat, "store key must be a relative slash-separated path")
	}
	for _, part := range strings.Split(key, "/") {
		if part == "" || part == "." || part == ".." {
			return errorf(op, key, ErrFormat, "store key has an empty, \".\" or \"..\" component")
		}
	}
	return nil
}

// MemoryStore is a Store in memory (zarr.storage.MemoryStore). The zero
// value is ready to use.
type MemoryStore struct {
	mu sync.RWMutex
	m  map[string][]byte
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore { return &MemoryStore{} }

// Get returns a copy of the value of key.
func (s *MemoryStore) Get(ctx context.Context, key string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	v, ok := s.m[key]
	s.mu.RUnlock()
	if !ok {
		return nil, wrapf("Get", key, ErrNotFound, nil, "no such key")
	}
	return append([]byte(nil), v...), nil
}

// Set stores a copy of value under key.
func (s *MemoryStore) Set(ctx context.Context, key string, value []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkKey("Set", key); err != nil {
		return err
	}
	v := append([]byte(nil), value...)
	s.mu.Lock()
	if s.m == nil {
		s.m = map[string][]byte{}
	}
	s.m[key] = v
	s.mu.Unlock()
	return nil
}

// Delete removes key; deleting an absent key is not an error.
func (s *MemoryStore) Delete(ctx context.Context, key string) error {
	s.mu.Lock()
	delete(s.m, key)
	s.mu.Unlock()
	return nil
}

// Keys returns the stored keys, in no particular order.
func (s *MemoryStore) Keys() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]string, 0, len(s.m))
	for k := range s.m {
		out = append(out, k)
	}
	return out
}

// DirStore is a Store in a directory on disk, one file per key
// (zarr.storage.DirectoryStore and NestedDirectoryStore: a key's slashes
// are directories). Set writes a temporary file in the target directory and
// renames it over the key, so a failed write or a crashed process never
// leaves a torn value, and writers of different keys need no lock.
type DirStore struct {
	root string
	// Sync makes Set flush each file to the disk (fsync) before renaming
	// it, so that a value survives a power loss too; it is off by default,
	// as in zarr-python, and makes writes several times slower.
	Sync bool
}

// NewDirStore returns the store rooted at dir, which is created if it does
// not exist.
func NewDirStore(dir string) (*DirStore, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, wrapf("NewDirStore", dir, ErrFormat, err, "cannot create the store directory")
	}
	return &DirStore{root: dir}, nil
}

func (s *DirStore) file(op, key string) (string, error) {
	if err := checkKey(op, key); err != nil {
		return "", err
	}
	return filepath.Join(s.root, filepath.FromSlash(key)), nil
}

// Get reads the file of key.
func (s *DirStore) Get(ctx context.Context, key string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	name, err := s.file("Get", key)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, wrapf("Get", key, ErrNotFound, nil, "no such key")
	}
	if err != nil {
		return nil, wrapf("Get", key, ErrFormat, err, "cannot read")
	}
	return b, nil
}

// Set writes value to a temporary file beside the key's file (flushed to
// the disk when s.Sync is set) and renames it over the key's file.
func (s *DirStore) Set(ctx context.Context, key string, value []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	name, err := s.file("Set", key)
	if err != nil {
		return err
	}
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return wrapf("Set", key, ErrFormat, err, "cannot create the directory")
	}
	f, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(name)+"-*")
	if err != nil {
		return wrapf("Set", key, ErrFormat, err, "cannot create a temporary file")
	}
	tmp := f.Name()
	_, werr := f.Write(value)
	if werr == nil && s.Sync {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp, 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp, name)
	}
	if werr != nil {
		os.Remove(tmp)
		return wrapf("Set", key, ErrFormat, werr, "cannot write")
	}
	return nil
}

// Delete removes the file of key; an absent key is not an error.
func (s *DirStore) Delete(ctx context.Context, key string) error {
	name, err := s.file("Delete", key)
	if err != nil {
		return err
	}
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return wrapf("Delete", key, ErrFormat, err, "cannot delete")
	}
	return nil
}

// ZipStore is a read-only Store over a zip archive
// (zarr.storage.ZipStore), such as one zarr-python wrote.
type ZipStore struct {
	r     *zip.Reader
	c     io.Closer
	files map[string]*zip.File
}

// OpenZipStore opens the zip archive at path as a read-only store. Close
// releases it.
func OpenZipStore(path string) (*ZipStore, error) {
	rc, err := zip.OpenReader(path)
	if err != nil {
		return nil, wrapf("OpenZipStore", path, ErrFormat, err, "not a readable zip archive")
	}
	s := newZipStore(&rc.Reader)
	s.c = rc
	return s, nil
}

// NewZipStore returns a read-only store over the zip archive in r, of
// size bytes.
func NewZipStore(r io.ReaderAt, size int64) (*ZipStore, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, wrapf("NewZipStore", "", ErrFormat, err, "not a readable zip archive")
	}
	return newZipStore(zr), nil
}

func newZipStore(r *zip.Reader) *ZipStore {
	s := &ZipStore{r: r, files: map[string]*zip.File{}}
	for _, f := range r.File {
		s.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	return s
}

// Get reads the member named key, refusing members that inflate past
// maxChunkBytes.
func (s *ZipStore) Get(ctx context.Context, key string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, ok := s.files[key]
	if !ok {
		return nil, wrapf("Get", key, ErrNotFound, nil, "no such member")
	}
	if f.UncompressedSize64 > maxChunkBytes {
		return nil, errorf("Get", key, ErrFormat, "member of %d bytes is larger than the %d bytes allowed", f.UncompressedSize64, maxChunkBytes)
	}
	r, err := f.Open()
	if err != nil {
		return nil, wrapf("Get", key, ErrFormat, err, "cannot open member")
	}
	defer r.Close()
	b, err := readLimited("zip member", r, int(f.UncompressedSize64), maxChunkBytes)
	if err != nil {
		return nil, withPath("Get", key, err)
	}
	return b, nil
}

// Set returns an error wrapping ErrReadOnly.
func (s *ZipStore) Set(ctx context.Context, key string, value []byte) error {
	return errorf("Set", key, ErrReadOnly, "zip stores are read-only")
}

// Delete returns an error wrapping ErrReadOnly.
func (s *ZipStore) Delete(ctx context.Context, key string) error {
	return errorf("Delete", key, ErrReadOnly, "zip stores are read-only")
}

// Close closes the archive file when the store was opened by
// OpenZipStore.
func (s *ZipStore) Close() error {
	if s.c != nil {
		return s.c.Close()
	}
	return nil
}
