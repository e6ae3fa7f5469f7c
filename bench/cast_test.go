package bench

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/ndkit/ndkit/ndview"
)

// Reinterpreting casts and byte views cost a constant time, whatever the
// size: they build a view and copy nothing, so they report no bytes per
// second (ns/op and allocs/op are the measure). The baselines are what a
// Go user writes without unsafe: decoding the bytes into a new slice.

// alignedF32Bytes returns the bytes of n float32 values 0, 1, 2, … (as a
// view's bytes, so they are aligned for any element type).
func alignedF32Bytes(b *testing.B, n int) []byte {
	f := make([]float32, n)
	for i := range f {
		f[i] = float32(i)
	}
	v, err := ndview.ByteView(view(b, f))
	if err != nil {
		b.Fatal(err)
	}
	flat, err := v.Reshape(-1)
	if err != nil {
		b.Fatal(err)
	}
	data, err := flat.Data()
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// pixelRGBA is a pointer-free struct: its facts come from the type cache.
type pixelRGBA struct{ R, G, B, A uint8 }

func BenchmarkCast(b *testing.B) {
	raw := alignedF32Bytes(b, 4096)
	bytes1 := view(b, raw)
	shapes := map[string][]int{
		"rank1": {16384},
		"rank2": {64, 256},
		"rank3": {16, 32, 32},
		"rank4": {4, 4, 32, 32},
	}
	for _, name := range []string{"rank1", "rank2", "rank3", "rank4"} {
		v, err := bytes1.Reshape(shapes[name]...)
		if err != nil {
			b.Fatal(err)
		}
		b.Run("bytes-to-float32/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ndview.Cast[float32](v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	v4, _ := bytes1.Reshape(4, 4, 32, 32)
	f4, _ := ndview.Cast[float32](v4)
	b.Run("float32-to-uint32/rank4", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ndview.Cast[uint32](f4); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("bytes-to-struct/rank4", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ndview.Cast[pixelRGBA](v4); err != nil {
				b.Fatal(err)
			}
		}
	})
	f3 := f4.Slice(ndview.Int(1)).T()
	b.Run("ByteView/rank3", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := ndview.ByteView(f3); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkFromBytes(b *testing.B) {
	// other is the byte order that is not this machine's.
	other := binary.ByteOrder(binary.BigEndian)
	if binary.NativeEndian.Uint16([]byte{0, 1}) == 1 {
		other = binary.LittleEndian
	}
	for _, sz := range []struct {
		name string
		n    int
	}{{"4K", 4 << 10}, {"1M", 1 << 20}} {
		raw := alignedF32Bytes(b, sz.n)
		b.Run("ndkit/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ndview.FromBytes[float32](raw, sz.n/1024, 1024); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("decode-loop/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f := make([]float32, sz.n)
				for i := range f {
					f[i] = math.Float32frombits(binary.NativeEndian.Uint32(raw[4*i:]))
				}
			}
		})
		b.Run("binary.Decode/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f := make([]float32, sz.n)
				if _, err := binary.Decode(raw, binary.NativeEndian, f); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("DecodeBytes-native/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ndview.DecodeBytes[float32](raw, binary.NativeEndian); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("DecodeBytes-swapped/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ndview.DecodeBytes[float32](raw, other); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("binary.Decode-swapped/"+sz.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				f := make([]float32, sz.n)
				if _, err := binary.Decode(raw, other, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
