package bench

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ndkit/ndkit/ndview"
	"github.com/ndkit/ndkit/npy"
)

// .npy files of 256 MiB saved and loaded through the file system
// (semantics.md TD1, TD2), on tmpfs (/dev/shm) and on the disk (the test's
// temporary directory; the page cache absorbs the writes, as for NumPy,
// since neither syncs), each beside os.WriteFile / os.ReadFile of the
// same bytes. bench/numpy/npyfile.py times np.save and np.load on the same
// cases under the same names.

// npyDirs returns the directories the file benchmarks run in, by name;
// tmpfs is left out where /dev/shm does not exist.
func npyDirs(b *testing.B) map[string]string {
	dirs := map[string]string{"disk": b.TempDir()}
	if shm, err := os.MkdirTemp("/dev/shm", "ndkit-bench-"); err == nil {
		b.Cleanup(func() { os.RemoveAll(shm) })
		dirs["shm"] = shm
	}
	return dirs
}

// npySave creates path and writes v to it as a .npy file.
func npySave[T any](b *testing.B, path string, v ndview.NDView[T]) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := npy.Write(f, v); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkNPYSave(b *testing.B) {
	const n = 256 << 20
	data := make([]float32, n/4)
	for i := range data {
		data[i] = float32(i)
	}
	c, _ := ndview.FromSlice(data, 8192, 8192)
	raw := asBytes(b, c)
	strided, _ := ndview.Zeros[float32](8192, 16384).Index(":, ::2")
	strided.CopyFrom(c)
	for _, dir := range []string{"shm", "disk"} {
		path, ok := npyDirs(b)[dir]
		if !ok {
			continue
		}
		path = filepath.Join(path, "save.npy")
		for _, tc := range []struct {
			name string
			f    func()
		}{
			{"WriteFile", func() {
				if err := os.WriteFile(path, raw, 0o644); err != nil {
					b.Fatal(err)
				}
			}},
			{"C", func() { npySave(b, path, c) }},
			{"T", func() { npySave(b, path, c.T()) }},
			{"strided", func() { npySave(b, path, strided) }},
		} {
			b.Run(dir+"/"+tc.name+"/256MiB", func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(n)
				for b.Loop() {
					tc.f()
				}
			})
		}
	}
}

func BenchmarkNPYLoad(b *testing.B) {
	const n = 256 << 20
	for _, dir := range []string{"shm", "disk"} {
		d, ok := npyDirs(b)[dir]
		if !ok {
			continue
		}
		path := npyFloat32File(b, d, n)
		dst := ndview.Zeros[float32](n / 4)
		tdst := ndview.Zeros[float32](2, n/4).T()
		for _, tc := range []struct {
			name string
			f    func()
		}{
			{"ReadFile", func() {
				if _, err := os.ReadFile(path); err != nil {
					b.Fatal(err)
				}
			}},
			{"Read", func() { npyReadFile(b, path) }},
			{"LoadInto", func() {
				if err := npy.LoadInto(path, dst); err != nil {
					b.Fatal(err)
				}
			}},
			{"LoadInto/strided", func() {
				if err := npy.LoadInto(path, tdst.Slice(ndview.Colon(), ndview.Int(0))); err != nil {
					b.Fatal(err)
				}
			}},
		} {
			b.Run(dir+"/"+tc.name+"/256MiB", func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(n)
				for b.Loop() {
					tc.f()
				}
			})
		}
	}
}

// asBytes returns a copy of the bytes of the contiguous view v.
func asBytes[T any](b *testing.B, v ndview.NDView[T]) []byte {
	return v.ToBytes(ndview.OrderC)
}
