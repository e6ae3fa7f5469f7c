package kernels

import "github.com/x448/float16"

// The constraints of the kernels. Each has the type set of the ndview
// constraint named beside it, so that ndview's generic functions can
// instantiate the kernels with their own type parameters.

// numeric is ndview.Numeric: the integer, floating-point and complex kinds,
// named types over them included.
type numeric interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 | ~complex64 | ~complex128
}

// ordered is ndview.Real: numeric without the complex kinds.
// float16.Float16 is in it as a type over uint16, so a kernel on ordered
// elements compares and computes its bits; ndview never passes it one
// (half-precision operations run on float32 chunks).
type ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64
}

// floating is ndview.Float: float32, float64, named types over them, and
// float16.Float16, for which ndview never calls a kernel of this package
// (it converts half-precision rows to float32 chunks first).
type floating interface {
	~float32 | ~float64 | float16.Float16
}

// boolean is the set of bool and named types over it.
type boolean interface {
	~bool
}

// fixedReal is the set of representations of the real element kinds a
// conversion dispatches on: int, uint and uintptr are converted as the
// fixed-size type of their size, float16.Float16 as its bits (uint16)
// through its own kernels.
type fixedReal interface {
	~int8 | ~int16 | ~int32 | ~int64 |
		~uint8 | ~uint16 | ~uint32 | ~uint64 |
		~float32 | ~float64
}
