package safetensors

import (
	"bufio"
	"cmp"
	"io"
	"os"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/ndkit/ndkit/ndview"
)

// Writer collects tensors and metadata and writes them as one safetensors
// file, as the official implementation's serialize does (semantics.md
// SF10): tensors sorted by dtype from the widest to the narrowest (the
// reverse of the order of the Dtype constants) and then by name, their
// data back to back in C order, the header compact JSON padded with spaces
// to a multiple of 8 bytes. Every tensor of such a file starts at an offset
// aligned for its element type. For the same tensors and at most one
// metadata entry the bytes are the official implementation's; with more,
// metadata keys are sorted (the official implementation writes them in
// hash order).
//
// A Writer holds the views, not copies: their elements are read when the
// file is written.
type Writer struct {
	// Metadata is written as "__metadata__" when not nil.
	Metadata map[string]string
	entries  []entry
}

// entry is one tensor to write.
type entry struct {
	name  string
	dtype Dtype
	shape []int
	bytes func() []byte // the tensor's bytes, C order
	n     int64         // len of bytes()
}

// Add adds view v to w as tensor name. v may have any layout (strided,
// transposed, broadcast, read-only): it is written in C order. It returns
// an error wrapping ErrUnsupported when T has no dtype (see DtypeOf), and
// ErrHeader when name is not valid UTF-8, is
// "__metadata__", or was added before; nothing is added then.
func Add[T any](w *Writer, name string, v ndview.NDView[T]) error {
	const op = "Add"
	d, ok := DtypeOf[T]()
	if !ok {
		return errorf(op, ErrUnsupported, "tensor %q: element type %s has no safetensors dtype", name, ndview.FormatOf[T]())
	}
	if err := checkName(op, w, name); err != nil {
		return err
	}
	w.entries = append(w.entries, entry{
		name: name, dtype: d, shape: v.Shape(), n: int64(v.NBytes()),
		bytes: func() []byte { return v.ToBytes(ndview.OrderC) },
	})
	return nil
}

// AddBytes adds tensor name of dtype d and shape from its bytes (C order,
// little-endian), for dtypes without element type (F4, F8_E8M0, ...). It
// returns an error wrapping ErrHeader when d is not a dtype, the shape's
// size does not match len(b), or the name is invalid as for Add.
func AddBytes(w *Writer, name string, d Dtype, shape []int, b []byte) error {
	const op = "AddBytes"
	if d.rank() < 0 {
		return errorf(op, ErrHeader, "tensor %q: unknown dtype %q", name, d)
	}
	for _, e := range shape {
		if e < 0 {
			return errorf(op, ErrHeader, "tensor %q: negative extent in shape %v", name, shape)
		}
	}
	t := TensorInfo{Name: name, Dtype: d, Shape: shape}
	if n, ok := t.nbytes(); !ok || n != int64(len(b)) {
		return errorf(op, ErrHeader, "tensor %q: shape %v of %s does not hold %d bytes", name, shape, d, len(b))
	}
	if err := checkName(op, w, name); err != nil {
		return err
	}
	w.entries = append(w.entries, entry{name: name, dtype: d, shape: slices.Clone(shape), n: int64(len(b)),
		bytes: func() []byte { return b }})
	return nil
}

// checkName checks a new tensor name for w.
func checkName(op string, w *Writer, name string) error {
	switch {
	case !utf8.ValidString(name):
		return errorf(op, ErrHeader, "tensor name %q is not valid UTF-8", name)
	case name == "__metadata__":
		return errorf(op, ErrHeader, "tensor name %q is reserved for the metadata", name)
	case slices.ContainsFunc(w.entries, func(e entry) bool { return e.name == name }):
		return errorf(op, ErrHeader, "tensor %q was added before", name)
	}
	return nil
}

// Header returns the header w writes: the JSON text padded with spaces to
// a multiple of 8 bytes. It returns an error wrapping ErrHeader when a
// metadata key or value is not valid UTF-8.
func (w *Writer) Header() ([]byte, error) {
	for k, v := range w.Metadata {
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			return nil, errorf("Header", ErrHeader, "metadata %q: %q is not valid UTF-8", k, v)
		}
	}
	w.sort()
	b := []byte{'{'}
	if w.Metadata != nil {
		b = appendString(b, "__metadata__")
		b = append(b, ":{"...)
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range w.Metadata {
				if !yield(k) {
					return
				}
			}
		})
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k)
			b = append(b, ':')
			b = appendString(b, w.Metadata[k])
		}
		b = append(b, '}')
	}
	var off int64
	for i, e := range w.entries {
		if i > 0 || w.Metadata != nil {
			b = append(b, ',')
		}
		b = appendString(b, e.name)
		b = append(b, `:{"dtype":`...)
		b = appendString(b, string(e.dtype))
		b = append(b, `,"shape":[`...)
		for j, x := range e.shape {
			if j > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(x), 10)
		}
		b = append(b, `],"data_offsets":[`...)
		b = strconv.AppendInt(b, off, 10)
		b = append(b, ',')
		off += e.n
		b = strconv.AppendInt(b, off, 10)
		b = append(b, "]}"...)
	}
	b = append(b, '}')
	for len(b)%8 != 0 {
		b = append(b, ' ')
	}
	return b, nil
}

// sort orders w's tensors as the official writer does: dtype from the
// widest (the last Dtype) down, then name.
func (w *Writer) sort() {
	slices.SortStableFunc(w.entries, func(a, b entry) int {
		if c := cmp.Compare(b.dtype.rank(), a.dtype.rank()); c != 0 {
			return c
		}
		return cmp.Compare(a.name, b.name)
	})
}

// appendString appends s as serde_json writes a string: quotes, backslash
// and control characters escaped (\b \f \n \r \t, others as \u00XX),
// everything else as is.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\b':
			b = append(b, `\b`...)
		case c == '\f':
			b = append(b, `\f`...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\r':
			b = append(b, `\r`...)
		case c == '\t':
			b = append(b, `\t`...)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// WriteTo writes the file to out and returns the number of bytes written.
// It returns the errors of Header and out's error.
func (w *Writer) WriteTo(out io.Writer) (int64, error) {
	const op = "WriteTo"
	h, err := w.Header()
	if err != nil {
		return 0, err
	}
	var pre [8]byte
	for i := range 8 {
		pre[i] = byte(uint64(len(h)) >> (8 * i))
	}
	var total int64
	for _, b := range [][]byte{pre[:], h} {
		n, err := out.Write(b)
		total += int64(n)
		if err != nil {
			return total, wrapf(op, nil, err, "writing the header")
		}
	}
	for _, e := range w.entries {
		n, err := out.Write(e.bytes())
		total += int64(n)
		if err != nil {
			return total, wrapf(op, nil, err, "writing tensor %q", e.name)
		}
	}
	return total, nil
}

// WriteFile writes the file to path, creating or truncating it. It returns
// the errors of WriteTo and of creating the file.
func (w *Writer) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return wrapf("WriteFile", nil, err, "creating %s", path)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	_, err = w.WriteTo(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return wrapf("WriteFile", nil, err, "writing %s", path)
	}
	return nil
}
