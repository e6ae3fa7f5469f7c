package ndview

// Fixed-rank element access.
//
// At2, Set2, At3 and Set3 are checked element access cheap enough for an
// inner loop: each compiles, inlined, to a few comparisons and loads, which
// At and Set cannot (their index slice takes a call to check). To inline,
// a function must cost at most 80 in the compiler's count of syntax nodes,
// and any call it makes that is not inlined costs 57 of them. So these
// accessors make no call:
//
//   - the offset computation, non-generic, is a method of layout.Layout, inlined
//     into each accessor;
//   - the receiver is a pointer, as inlining a method on a view value would
//     copy the view's header at every call;
//   - one comparison checks the rank, and for Set2 and Set3 also the flags
//     (see layout.FlagReadOnly);
//   - on failure they panic with a value that only records the layout and
//     the indices (accessFault); what went wrong, and the message, are
//     worked out when the value is asked for them, out of line. Building an
//     *IndexError on the spot, with the failing axis and a copy of the
//     shape, costs more than the whole budget.
//
// Costs with Go 1.26: At2 58, Set2 62, At3 76, Set3 80, the budget itself.
// TestAccessInlines fails when an accessor stops being inlined.

// At2 returns element (i, j) of the 2-D view v: v.At(i, j) without the
// index slice, and inlined by the compiler. v must be addressable (At2 has
// a pointer receiver, so that it never copies the view).
//
// At2 panics, like At, when v is not 2-D or an index is outside
// [0, extent) of its axis; negative indices are not counted from the end.
// The panic value is an error with At's message, naming At2. It is not
// itself an *IndexError (see the package documentation) but wraps one for
// an index out of range, and an *Error wrapping ErrIndex for a wrong rank:
// after recover, errors.As finds them and errors.Is(err, ErrIndex) holds.
func (v *NDView[T]) At2(i, j int) T { return v.data[v.lay.Offset2(i, j)] }

// Set2 stores x at element (i, j) of the 2-D view v: v.Set(x, i, j)
// without the index slice, and inlined by the compiler. v must be
// addressable. Set2 panics like At2, and with an error wrapping an *Error
// that wraps ErrReadOnly when v is read-only.
func (v *NDView[T]) Set2(x T, i, j int) { v.data[v.lay.WriteOffset2(i, j)] = x }

// At3 returns element (i, j, k) of the 3-D view v: v.At(i, j, k) without
// the index slice, and inlined by the compiler. v must be addressable. At3
// panics like At2 when v is not 3-D or an index is out of range.
func (v *NDView[T]) At3(i, j, k int) T { return v.data[v.lay.Offset3(i, j, k)] }

// Set3 stores x at element (i, j, k) of the 3-D view v: v.Set(x, i, j, k)
// without the index slice, and inlined by the compiler. v must be
// addressable. Set3 panics like Set2 when v is not 3-D, an index is out of
// range or v is read-only.
func (v *NDView[T]) Set3(x T, i, j, k int) { v.data[v.lay.WriteOffset3(i, j, k)] = x }
