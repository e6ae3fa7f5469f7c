package ndview

import "github.com/ndkit/ndkit/ndview/internal/layout"

// Unbuffered accumulation: NumPy's ufunc.at (semantics.md A6).

// AddAt adds b into the rows of a that indices select, unbuffered:
// NumPy's np.add.at(a, indices, b). indices picks elements along a's first
// axis (negative ones count from the end), and a row picked several times
// receives every addition, where a[indices] += b would keep only the last.
// b is broadcast to the shape of a[indices] (indices' shape followed by
// a's shape without its first axis). Rows are updated in the C order of
// indices.
//
// AddAt returns an error wrapping ErrIndex, naming the position, when an
// index lies outside [−n, n) for a first axis of extent n, and then has
// written nothing. It panics with an error wrapping ErrReadOnly when a is
// read-only, and ErrShape when a is 0-d or b cannot be broadcast to the
// selection's shape. When b shares memory with a, b is copied first.
func AddAt[T Numeric](a NDView[T], indices NDView[int], b NDView[T]) error {
	return ufuncAt("AddAt", a, indices, b, func(x, y T) T { return x + y })
}

// SubtractAt is AddAt subtracting: NumPy's np.subtract.at(a, indices, b).
func SubtractAt[T Numeric](a NDView[T], indices NDView[int], b NDView[T]) error {
	return ufuncAt("SubtractAt", a, indices, b, func(x, y T) T { return x - y })
}

// MultiplyAt is AddAt multiplying: NumPy's np.multiply.at(a, indices, b).
func MultiplyAt[T Numeric](a NDView[T], indices NDView[int], b NDView[T]) error {
	return ufuncAt("MultiplyAt", a, indices, b, func(x, y T) T { return x * y })
}

// MaximumAt is AddAt keeping the larger value: NumPy's
// np.maximum.at(a, indices, b), with Maximum's NaN rule (a NaN wins).
func MaximumAt[T Real](a NDView[T], indices NDView[int], b NDView[T]) error {
	return ufuncAt("MaximumAt", a, indices, b, func(x, y T) T {
		if x != x || x >= y {
			return x
		}
		return y
	})
}

// MinimumAt is AddAt keeping the smaller value: NumPy's
// np.minimum.at(a, indices, b), with Minimum's NaN rule (a NaN wins).
func MinimumAt[T Real](a NDView[T], indices NDView[int], b NDView[T]) error {
	return ufuncAt("MinimumAt", a, indices, b, func(x, y T) T {
		if x != x || x <= y {
			return x
		}
		return y
	})
}

// ufuncAt applies f unbuffered at the rows of a that indices select.
func ufuncAt[T any](op string, a NDView[T], indices NDView[int], b NDView[T], f func(x, y T) T) error {
	if a.lay.Flags&layout.FlagReadOnly != 0 {
		panicf(op, ErrReadOnly, "assignment destination is read-only")
	}
	if a.NDim() == 0 {
		panicf(op, ErrShape, "a is 0-d: indices select along its first axis")
	}
	n := a.lay.Shape()[0]
	for idx, i := range indices.All() {
		if i < -n || i >= n {
			return errorf(op, ErrIndex, "index %d is out of bounds for axis 0 with size %d: indices%v", i, n, idx)
		}
	}
	sel := append(indices.Shape(), a.lay.Shape()[1:]...)
	bb, err := b.BroadcastTo(sel...)
	if err != nil {
		panicf(op, ErrShape, "values of shape %s cannot be broadcast to the selection's shape %s", formatShape(b.lay.Shape()), formatShape(sel))
	}
	if shareMemory(&a, &bb) {
		bb = bb.Clone()
	}
	items := make([]IndexItem, indices.NDim())
	for idx, i := range indices.All() {
		if i < 0 {
			i += n
		}
		row := a.Slice(Int(i))
		for k, j := range idx {
			items[k] = Int(j)
		}
		ZipInto(row, row, bb.Slice(items...), f)
	}
	return nil
}
