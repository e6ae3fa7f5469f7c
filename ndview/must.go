package ndview

// Must returns v, or panics with err when err is not nil: the form for
// arguments the program itself wrote, in the manner of regexp.MustCompile,
// so that a literal needs no error handling:
//
//	a := ndview.Must(ndview.FromSlice([]float64{1, 2, 3, 4}, 2, 2))
//	r := ndview.Must(a.Index("::-1, 1"))
//
// Keep the error forms for shapes, index strings and buffers that come
// from outside the program (semantics.md §0). The panic value is err
// itself, so errors.Is and errors.As work on it after a recover.
func Must[V any](v V, err error) V {
	if err != nil {
		panic(err)
	}
	return v
}
