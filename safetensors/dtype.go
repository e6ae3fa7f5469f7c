package safetensors

import (
	"strconv"

	"github.com/ndkit/ndkit/ndview"
)

// Dtype is a safetensors dtype, as the header writes it: "F32", "BF16".
type Dtype string

// The dtypes of the format, in the order of the official implementation's
// enumeration, which is the order of increasing alignment: a Writer lays
// tensors out in the reverse order, so that every tensor of a file it
// writes starts at an offset aligned for its element type.
const (
	BOOL        Dtype = "BOOL"
	F4          Dtype = "F4"
	F6_E2M3     Dtype = "F6_E2M3"
	F6_E3M2     Dtype = "F6_E3M2"
	U8          Dtype = "U8"
	I8          Dtype = "I8"
	F8_E5M2     Dtype = "F8_E5M2"
	F8_E4M3     Dtype = "F8_E4M3"
	F8_E8M0     Dtype = "F8_E8M0"
	F8_E4M3FNUZ Dtype = "F8_E4M3FNUZ"
	F8_E5M2FNUZ Dtype = "F8_E5M2FNUZ"
	I16         Dtype = "I16"
	U16         Dtype = "U16"
	F16         Dtype = "F16"
	BF16        Dtype = "BF16"
	I32         Dtype = "I32"
	U32         Dtype = "U32"
	F32         Dtype = "F32"
	C64         Dtype = "C64"
	F64         Dtype = "F64"
	I64         Dtype = "I64"
	U64         Dtype = "U64"
)

// dtypeFacts are the facts about one dtype.
type dtypeFacts struct {
	name   Dtype
	bits   int    // bits per element
	format string // ndview.FormatOf of its element type, "" for none
}

// dtypes lists the dtypes in the official enumeration's order.
var dtypes = [...]dtypeFacts{
	{BOOL, 8, "?"}, {F4, 4, ""}, {F6_E2M3, 6, ""}, {F6_E3M2, 6, ""},
	{U8, 8, "B"}, {I8, 8, "b"}, {F8_E5M2, 8, "float8_e5m2"}, {F8_E4M3, 8, "float8_e4m3fn"},
	{F8_E8M0, 8, ""}, {F8_E4M3FNUZ, 8, ""}, {F8_E5M2FNUZ, 8, ""},
	{I16, 16, "h"}, {U16, 16, "H"}, {F16, 16, "e"}, {BF16, 16, "bfloat16"},
	{I32, 32, "i"}, {U32, 32, "I"}, {F32, 32, "f"}, {C64, 64, "Zf"},
	{F64, 64, "d"}, {I64, 64, "q"}, {U64, 64, "Q"},
}

// rank returns d's position in dtypes, or -1 for an unknown dtype.
func (d Dtype) rank() int {
	for i := range dtypes {
		if dtypes[i].name == d {
			return i
		}
	}
	return -1
}

// Bits returns the size of one element of d in bits (4 for F4, 6 for the
// F6 dtypes), or 0 for a name that is not a dtype.
func (d Dtype) Bits() int {
	if r := d.rank(); r >= 0 {
		return dtypes[r].bits
	}
	return 0
}

// DtypeOf returns the dtype of element type T, and false when T has none
// (see the package documentation for the table).
func DtypeOf[T any]() (Dtype, bool) {
	f := ndview.FormatOf[T]()
	switch f {
	case "n":
		f = "q"
		if strconv.IntSize == 32 {
			f = "i"
		}
	case "N":
		f = "Q"
		if strconv.IntSize == 32 {
			f = "I"
		}
	}
	for i := range dtypes {
		if dtypes[i].format != "" && dtypes[i].format == f {
			return dtypes[i].name, true
		}
	}
	return "", false
}
