// Package textio reads and writes arrays as delimited text, as NumPy's
// np.loadtxt, np.savetxt and np.genfromtxt do (NumPy 1.24; semantics.md
// §22).
//
// LoadTxt parses a table of numbers into a new C-contiguous ndview.NDView
// (or a transposed view of one, for Unpack). SaveTxt writes a 1-D or 2-D
// view of any layout with Python's printf-style formats. GenFromTxt reads
// tables with missing entries, fills them, and returns a mask of where
// they were.
//
// Errors follow semantics.md §0: what depends on the text (a field that
// does not parse, a line with the wrong number of columns, a column index
// the data does not have) is a returned *Error that names the line and
// column; mistakes in the options (a negative SkipRows, an NDMin other
// than 0, 1 or 2, an empty format) panic with an *ndview.Error.
package textio
