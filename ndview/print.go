package ndview

// Printing: NumPy's str() layout for views. Elements are formatted with
// Go's %v, right-aligned to a common width; each axis opens a bracket;
// blocks of an axis k levels above the last are separated by k blank lines;
// rows longer than printLineWidth wrap; views with more than
// printThreshold elements show only printEdgeItems items at each end of
// every long axis, with "..." between.

import (
	"fmt"
	"strings"
)

const (
	printThreshold = 1000 // NumPy's threshold: larger views are summarised
	printEdgeItems = 3    // NumPy's edgeitems
	printLineWidth = 75   // NumPy's linewidth
)

// String formats the elements of v as NumPy's str() does: nested brackets,
// one row of the last axis per line, elements right-aligned, and views of
// more than 1000 elements summarised with "..." (3 items at each end of
// every axis). A 0-d view prints as its element. Elements are formatted
// with %v, so floats print as Go prints them (1 rather than NumPy's 1.).
// fmt's %v and %s verbs print this.
func (v NDView[T]) String() string {
	p := newPrinter(v, false)
	return p.block(0, v.lay.Off, "")
}

// GoString formats v for fmt's %#v: its type, layout and elements on one
// line, as in
//
//	ndview.NDView[int]{shape: (2, 3), strides: (3, 1), offset: 0, readonly: false, data: [[0 1 2] [3 4 5]]}
func (v NDView[T]) GoString() string {
	p := newPrinter(v, true)
	return fmt.Sprintf("%T{shape: %s, strides: %s, offset: %d, readonly: %t, data: %s}",
		v, formatShape(v.lay.Shape()), formatShape(v.lay.Strides()), v.lay.Off, v.ReadOnly(), p.block(0, v.lay.Off, ""))
}

// printer formats one view.
type printer[T any] struct {
	v         *NDView[T]
	shape     []int
	strides   []int
	summarize bool
	compact   bool // one line: no newlines, no padding
	width     int  // the common element width
}

func newPrinter[T any](v NDView[T], compact bool) *printer[T] {
	p := &printer[T]{v: &v, shape: v.lay.Shape(), strides: v.lay.Strides(), compact: compact}
	p.summarize = v.Size() > printThreshold
	if !compact && v.Size() > 0 {
		p.measure(0, v.lay.Off)
	}
	return p
}

// shown calls f with each index of an axis of extent n that is printed, and
// with -1 where the "..." goes.
func (p *printer[T]) shown(n int, f func(i int)) {
	if !p.summarize || n <= 2*printEdgeItems {
		for i := range n {
			f(i)
		}
		return
	}
	for i := range printEdgeItems {
		f(i)
	}
	f(-1)
	for i := n - printEdgeItems; i < n; i++ {
		f(i)
	}
}

// measure sets p.width to the widest printed element.
func (p *printer[T]) measure(axis, off int) {
	if axis == len(p.shape) {
		p.width = max(p.width, len(fmt.Sprint(p.v.data[off])))
		return
	}
	p.shown(p.shape[axis], func(i int) {
		if i >= 0 {
			p.measure(axis+1, off+i*p.strides[axis])
		}
	})
}

// element formats one element, padded to the common width.
func (p *printer[T]) element(off int) string {
	s := fmt.Sprint(p.v.data[off])
	if !p.compact && len(s) < p.width {
		s = strings.Repeat(" ", p.width-len(s)) + s
	}
	return s
}

// block formats the sub-view starting at axis with its first element at
// off; indent is the indentation of continuation lines inside it.
func (p *printer[T]) block(axis, off int, indent string) string {
	ndim := len(p.shape)
	if ndim == 0 {
		return fmt.Sprint(p.v.data[off])
	}
	if p.v.Size() == 0 {
		return "[]"
	}
	var b strings.Builder
	b.WriteByte('[')
	inner := indent + " "
	if axis == ndim-1 {
		line := len(inner)
		first := true
		p.shown(p.shape[axis], func(i int) {
			word := "..."
			if i >= 0 {
				word = p.element(off + i*p.strides[axis])
			}
			if !first {
				if !p.compact && line+1+len(word)+1 > printLineWidth {
					b.WriteString("\n")
					b.WriteString(inner)
					line = len(inner)
				} else {
					b.WriteByte(' ')
					line++
				}
			}
			b.WriteString(word)
			line += len(word)
			first = false
		})
		b.WriteByte(']')
		return b.String()
	}
	sep := " "
	if !p.compact {
		sep = strings.Repeat("\n", ndim-axis-1) + inner
	}
	first := true
	p.shown(p.shape[axis], func(i int) {
		if !first {
			b.WriteString(sep)
		}
		first = false
		if i < 0 {
			b.WriteString("...")
			return
		}
		b.WriteString(p.block(axis+1, off+i*p.strides[axis], inner))
	})
	b.WriteByte(']')
	return b.String()
}
