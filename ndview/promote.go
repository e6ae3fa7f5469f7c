package ndview

import "github.com/ndkit/ndkit/ndview/internal/mem"

// Promote returns a and b as arrays of R, the explicit promotion step of
// mixed-type arithmetic (semantics.md §31, DT5): with i an NDView[int32]
// and f an NDView[float32], NumPy's i + f is
//
//	x, y := ndview.Promote[float64](i, f)
//	sum := ndview.Add(x, y)
//
// R must be NumPy's np.result_type of the two element types (float64
// above, as int32 does not fit float32). An operand whose type already is
// R is returned itself, a view sharing its memory; the other is converted
// by AsType into a new C-contiguous array. Promote panics with an error
// wrapping ErrType, before allocating anything, when R is not the result
// type, naming the two types, the result type and R: a program that wants
// another type converts with AsType or AsTypeCasting.
func Promote[R, A, B Numeric](a NDView[A], b NDView[B]) (NDView[R], NDView[R]) {
	ka, kb, kr := mem.InfoOf[A]().Kind, mem.InfoOf[B]().Kind, mem.InfoOf[R]().Kind
	if want := resultKind(ka, kb); want != kr {
		panicf("Promote", ErrType, "np.result_type(%s, %s) is %s, not %s (%T): convert with AsType to choose another type",
			kindNames[ka], kindNames[kb], kindNames[want], kindNames[kr], *new(R))
	}
	return promoted[R](a), promoted[R](b)
}

// promoted returns v itself when T is R, and AsType[R](v) otherwise.
func promoted[R, T Numeric](v NDView[T]) NDView[R] {
	if r, ok := any(v).(NDView[R]); ok {
		return r
	}
	return AsType[R](v)
}

// promotionOrder lists the kinds NumPy promotes to, smallest first within
// each kind of number, in the order bool < unsigned < signed < float <
// complex.
var promotionOrder = [...]mem.Kind{
	mem.Bool, mem.Uint8, mem.Uint16, mem.Uint32, mem.Uint64,
	mem.Int8, mem.Int16, mem.Int32, mem.Int64,
	mem.Float16, mem.Float32, mem.Float64, mem.Complex64, mem.Complex128,
}

// resultKind is NumPy's np.result_type (np.promote_types) of two kinds:
// the first kind of promotionOrder that both convert to safely (CanCast
// with CastingSafe). int64 and uint64 thus give float64, as in NumPy.
func resultKind(a, b mem.Kind) mem.Kind {
	for _, k := range promotionOrder {
		if canCast(a, k, CastingSafe) && canCast(b, k, CastingSafe) {
			return k
		}
	}
	return mem.Other
}

// kindNames are NumPy's names of the kinds Promote takes.
var kindNames = map[mem.Kind]string{
	mem.Other: "none", mem.Bool: "bool",
	mem.Int8: "int8", mem.Int16: "int16", mem.Int32: "int32", mem.Int64: "int64",
	mem.Uint8: "uint8", mem.Uint16: "uint16", mem.Uint32: "uint32", mem.Uint64: "uint64",
	mem.Float16: "float16", mem.Float32: "float32", mem.Float64: "float64",
	mem.Complex64: "complex64", mem.Complex128: "complex128",
}
