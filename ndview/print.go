package ndview

// Printing: NumPy's str() layout for views (numpy/core/arrayprint.py,
// _formatArray), under the options of printoptions.go (semantics.md §23).
// Each axis opens a bracket; blocks of an axis k levels above the last are
// separated by k blank lines; rows wrap before LineWidth, the width
// shrinking by one for each bracket still to close; views with more than
// Threshold elements show EdgeItems items at each end of every long axis,
// with "..." between. The element format is chosen from the printed
// elements only, as NumPy chooses it.

import (
	"fmt"
	"strings"
)

// String formats v as NumPy's str() does, under the package's print
// options (GetPrintOptions): nested brackets, one row of the last axis per
// line, elements right-aligned to a common width, and views of more than
// Threshold (1000) elements summarised with "...". A 0-d view prints as
// its element. With the initial options elements are formatted with Go's
// %v (1 rather than NumPy's 1.); SetPrintOptions(NumPyPrintOptions())
// prints NumPy's exact text. fmt's %v and %s verbs print this.
func (v NDView[T]) String() string { return v.FormatWith(GetPrintOptions()) }

// FormatWith formats v as String does, under the options o rather than
// the package's: np.array2string(v, precision=..., threshold=...,
// edgeitems=..., max_line_width=..., suppress_small=..., sign=...), or
// str(v) inside "with np.printoptions(...)". It allocates a new string.
//
// FormatWith panics with an *Error wrapping ErrShape for options no
// printer can follow: a Precision outside [0, 1000], a negative Threshold
// or EdgeItems, a LineWidth below 1, or a Sign other than 0, '-', '+' and
// ' '.
func (v NDView[T]) FormatWith(o PrintOptions) string {
	o.check("FormatWith")
	p := newPrinter(v, o, false)
	if v.NDim() == 0 {
		return p.format(p.v.data[v.lay.Off])
	}
	if v.Size() == 0 {
		return "[]"
	}
	return p.recurse(0, v.lay.Off, " ", o.LineWidth)
}

// GoString formats v for fmt's %#v: its type, layout and elements (Go's
// %v, summarised as String summarises) on one line, as in
//
//	ndview.NDView[int]{shape: (2, 3), strides: (3, 1), offset: 0, readonly: false, data: [[0 1 2] [3 4 5]]}
func (v NDView[T]) GoString() string {
	o := GetPrintOptions()
	o.GoValues = true
	p := newPrinter(v, o, true)
	return fmt.Sprintf("%T{shape: %s, strides: %s, offset: %d, readonly: %t, data: %s}",
		v, formatShape(v.lay.Shape()), formatShape(v.lay.Strides()), v.lay.Off, v.ReadOnly(), p.compactBlock(0, v.lay.Off))
}

// printer formats one view.
type printer[T any] struct {
	v         *NDView[T]
	shape     []int
	strides   []int
	summarize bool
	edge      int
	format    func(T) string
}

func newPrinter[T any](v NDView[T], o PrintOptions, compact bool) *printer[T] {
	p := &printer[T]{v: &v, shape: v.lay.Shape(), strides: v.lay.Strides(), edge: o.EdgeItems}
	p.summarize = v.Size() > o.Threshold
	var shown []T
	if !compact && v.Size() > 0 {
		p.collect(0, v.lay.Off, &shown)
	}
	p.format = elemFormatter(shown, o, v.NDim() == 0)
	if compact {
		p.format = func(x T) string { return fmt.Sprint(x) }
	}
	return p
}

// shown calls f with each index of an axis of extent n that is printed, and
// with -1 where the "..." goes.
func (p *printer[T]) shown(n int, f func(i int)) {
	if !p.summarize || n <= 2*p.edge {
		for i := range n {
			f(i)
		}
		return
	}
	for i := range p.edge {
		f(i)
	}
	f(-1)
	for i := n - p.edge; i < n; i++ {
		f(i)
	}
}

// collect appends the printed elements to shown.
func (p *printer[T]) collect(axis, off int, shown *[]T) {
	if axis == len(p.shape) {
		*shown = append(*shown, p.v.data[off])
		return
	}
	p.shown(p.shape[axis], func(i int) {
		if i >= 0 {
			p.collect(axis+1, off+i*p.strides[axis], shown)
		}
	})
}

// extendLine adds word to line, first moving line to s and starting a new
// line with indent when the word would pass width (NumPy's _extendLine):
// a line that holds only its indent is never wrapped.
func extendLine(s *strings.Builder, line, word string, width int, indent string) string {
	if len(line)+len(word) > width && len(line) > len(indent) {
		s.WriteString(strings.TrimRight(line, " "))
		s.WriteByte('\n')
		line = indent
	}
	return line + word
}

// recurse formats the sub-view whose first element is at off, from axis
// on; indent is the hanging indent of its lines and width the line width
// left for it (NumPy's _formatArray.recurser).
func (p *printer[T]) recurse(axis, off int, indent string, width int) string {
	ndim := len(p.shape)
	if axis == ndim {
		return p.format(p.v.data[off])
	}
	next := indent + " "
	var s strings.Builder
	if axis == ndim-1 {
		elemWidth := width - 1 // room for "]"
		line := indent
		first := true
		p.shown(p.shape[axis], func(i int) {
			if !first {
				line += " "
			}
			first = false
			word := "..."
			if i >= 0 {
				word = p.recurse(axis+1, off+i*p.strides[axis], next, width-1)
			}
			line = extendLine(&s, line, word, elemWidth, indent)
		})
		s.WriteString(line)
	} else {
		sep := "\n" + strings.Repeat("\n", ndim-axis-2)
		first := true
		p.shown(p.shape[axis], func(i int) {
			if !first {
				s.WriteString(sep)
			}
			first = false
			s.WriteString(indent)
			if i < 0 {
				s.WriteString("...")
				return
			}
			s.WriteString(p.recurse(axis+1, off+i*p.strides[axis], next, width-1))
		})
	}
	return "[" + s.String()[len(indent):] + "]"
}

// compactBlock formats the sub-view from axis on in one line, for
// GoString.
func (p *printer[T]) compactBlock(axis, off int) string {
	if len(p.shape) == 0 {
		return p.format(p.v.data[off])
	}
	if p.v.Size() == 0 {
		return "[]"
	}
	if axis == len(p.shape) {
		return p.format(p.v.data[off])
	}
	var b strings.Builder
	b.WriteByte('[')
	first := true
	p.shown(p.shape[axis], func(i int) {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		if i < 0 {
			b.WriteString("...")
			return
		}
		b.WriteString(p.compactBlock(axis+1, off+i*p.strides[axis]))
	})
	b.WriteByte(']')
	return b.String()
}
