// Command gen writes the AVX2 and AVX-512 kernels of package simd
// (simd_amd64.s and its Go declarations, stubs_amd64.go) with avo, and the
// Go functions that call the kernels of the level in use
// (zz_dispatch_amd64.go, and zz_dispatch_other.go for the purego tag and
// other architectures; dispatch.go). With -transc it writes the
// transcendental kernels of transc.go instead, into files of their own
// (transc_amd64.s, transc_stubs_amd64.go, zz_transc_dispatch_*.go). It
// runs through go generate in the package directory (doc.go there):
//
//	go run ./gen -out simd_amd64.s -stubs stubs_amd64.go -pkg simd
//	go run ./gen -transc -out transc_amd64.s -stubs transc_stubs_amd64.go -pkg simd
//
// Every kernel works on whole vectors only and returns how many elements
// it processed (a multiple of its vector's lanes); the caller finishes the
// tail with its Go loop. Each kernel exists once per instruction set:
// AVX2 (256-bit vectors) and AVX-512 (512-bit vectors, AVX-512F only).
package main

import (
	"flag"
	"fmt"
	"log"
	"reflect"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// An isa is an instruction set the kernels are written for.
type isa struct {
	name  string // suffix of the kernels' names
	bytes int    // vector width in bytes
	vec   func() reg.VecVirtual
	k     bool // whether comparisons go to mask registers (AVX-512)
}

var (
	avx2   = isa{"AVX2", 32, YMM, false}
	avx512 = isa{"AVX512", 64, ZMM, true}
	isas   = []isa{avx2, avx512}
)

// An elem is a float element type.
type elem struct {
	name string // suffix: F32 or F64
	goT  string
	size int
}

var (
	f32   = elem{"F32", "float32", 4}
	f64   = elem{"F64", "float64", 8}
	elems = []elem{f32, f64}
)

// text starts a kernel: TEXT with the noescape pragma, since no kernel
// keeps a pointer it is given (a buffer on the caller's stack stays there).
func text(name, signature string) {
	TEXT(name, NOSPLIT, signature)
	Pragma("noescape")
}

// per returns the lanes of one vector.
func (x isa) per(e elem) int { return x.bytes / e.size }

// insn is an avo instruction constructor, of fixed or variable arity.
type insn func(...Op)

// fn turns avo's constructor f, fixed-arity or variadic, into an insn.
func fn(f any) insn {
	v := reflect.ValueOf(f)
	return func(ops ...Op) {
		args := make([]reflect.Value, len(ops))
		for i, o := range ops {
			args[i] = reflect.ValueOf(&o).Elem()
		}
		v.Call(args) // Call packs the arguments of a variadic f

	}
}

// pick returns ps for float32 and pd for float64.
func pick(e elem, ps, pd any) insn {
	if e.size == 4 {
		return fn(ps)
	}
	return fn(pd)
}

// at is the memory operand of element i (+ k vectors) of base.
func at(base, i reg.Register, e elem, disp int) Mem {
	return Mem{Base: base, Index: i, Scale: uint8(e.size), Disp: disp}
}

// loops emits the vector loops of a kernel over i < n: unrolled by four
// vectors, then one vector at a time. body(u, disp) emits the work of one
// vector at byte offset disp from element i. The kernel's result is the
// number of elements processed.
func loops(n, i reg.Register, lanes int, body func(u int)) {
	XORQ(i, i)
	for _, unroll := range []int{4, 1} {
		step := unroll * lanes
		lim := GP64()
		MOVQ(n, lim)
		SUBQ(Imm(uint64(step)), lim)
		top := fmt.Sprintf("loop%d", unroll)
		end := fmt.Sprintf("done%d", unroll)
		Label(top)
		CMPQ(i, lim)
		JGT(LabelRef(end))
		for u := 0; u < unroll; u++ {
			body(u)
		}
		ADDQ(Imm(uint64(step)), i)
		JMP(LabelRef(top))
		Label(end)
	}
	Store(i, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// broadcast loads the float parameter name into every lane of a vector.
func broadcast(x isa, e elem, name string) reg.VecVirtual {
	s := Load(Param(name), XMM())
	v := x.vec()
	pick(e, VBROADCASTSS, VBROADCASTSD)(s, v)
	return v
}

// constant returns a vector with bits in every lane.
func constant(x isa, e elem, bits uint64) reg.VecVirtual {
	r := GP64()
	MOVQ(U64(bits), r)
	t := XMM()
	MOVQ(r, t)
	v := x.vec()
	pick(e, VBROADCASTSS, VBROADCASTSD)(t, v)
	return v
}

// arith are the binary operations, as dst = src1 op src2 with Go's operand
// order op(src2, src1, dst).
var arith = []struct {
	name, sym string
	ps, pd    any
}{
	{"Add", "+", VADDPS, VADDPD},
	{"Sub", "−", VSUBPS, VSUBPD},
	{"Mul", "×", VMULPS, VMULPD},
	{"Div", "÷", VDIVPS, VDIVPD},
}

// binary emits d = a op b, d = a op s and d = s op b.
func binary(x isa, e elem) {
	for _, o := range arith {
		reversed := o.name == "Sub" || o.name == "Div"
		binaryKernels(x, e, o.name, o.sym, " ", pick(e, o.ps, o.pd), reversed, movFloat, broadcast)
	}
}

// movFloat moves a whole vector of floats.
func movFloat(src, dst Op) { VMOVUPS(src, dst) }

// binaryKernels emits the kernels of one element-wise operation op:
// nameVV (d = a op b), nameVS (d = a op s) and, when reversed, nameSV
// (d = s op b). mov moves a whole vector and bcast broadcasts the scalar
// s, which is what differs between the float and integer families; note
// goes between the operation and "over whole vectors" in the doc lines
// (", wrapping, " for integers).
func binaryKernels(x isa, e elem, name, sym, note string, op insn, reversed bool,
	mov func(src, dst Op), bcast func(x isa, e elem, name string) reg.VecVirtual) {
	text(name+"VV"+e.name+x.name, fmt.Sprintf("func(d, a, b []%s) int", e.goT))
	Doc(fmt.Sprintf("%sVV%s%s sets d[i] = a[i] %s b[i]%sover whole vectors; len(a), len(b) >= len(d).", name, e.name, x.name, sym, note))
	d, a, b, n, i := Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("b").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, x.per(e), func(u int) {
		v := x.vec()
		mov(at(a, i, e, u*x.bytes), v)
		op(at(b, i, e, u*x.bytes), v, v)
		mov(v, at(d, i, e, u*x.bytes))
	})

	text(name+"VS"+e.name+x.name, fmt.Sprintf("func(d, a []%s, s %s) int", e.goT, e.goT))
	Doc(fmt.Sprintf("%sVS%s%s sets d[i] = a[i] %s s%sover whole vectors.", name, e.name, x.name, sym, note))
	s := bcast(x, e, "s")
	d, a, n, i = Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, x.per(e), func(u int) {
		v := x.vec()
		mov(at(a, i, e, u*x.bytes), v)
		op(s, v, v)
		mov(v, at(d, i, e, u*x.bytes))
	})

	if reversed {
		text(name+"SV"+e.name+x.name, fmt.Sprintf("func(d []%s, s %s, b []%s) int", e.goT, e.goT, e.goT))
		Doc(fmt.Sprintf("%sSV%s%s sets d[i] = s %s b[i]%sover whole vectors.", name, e.name, x.name, sym, note))
		s := bcast(x, e, "s")
		d, b, n, i := Load(Param("d").Base(), GP64()), Load(Param("b").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
		loops(n, i, x.per(e), func(u int) {
			v := x.vec()
			op(at(b, i, e, u*x.bytes), s, v)
			mov(v, at(d, i, e, u*x.bytes))
		})
	}
}

// signBit is the sign bit of e.
func signBit(e elem) uint64 {
	if e.size == 4 {
		return 1 << 31
	}
	return 1 << 63
}

// unary emits d = sqrt(a), d = −a and d = |a| (NaN kept as it is).
func unary(x isa, e elem) {
	sig := fmt.Sprintf("func(d, a []%s) int", e.goT)
	text("SqrtV"+e.name+x.name, sig)
	Doc(fmt.Sprintf("SqrtV%s%s sets d[i] = √a[i], correctly rounded, over whole vectors.", e.name, x.name))
	d, a, n, i := Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, x.per(e), func(u int) {
		v := x.vec()
		pick(e, VSQRTPS, VSQRTPD)(at(a, i, e, u*x.bytes), v)
		VMOVUPS(v, at(d, i, e, u*x.bytes))
	})

	xor, andn := fn(VPXOR), fn(VPANDN)
	if x.k {
		xor, andn = fn(VPXORQ), fn(VPANDNQ)
	}
	text("NegV"+e.name+x.name, sig)
	Doc(fmt.Sprintf("NegV%s%s sets d[i] = −a[i] (the sign bit flipped, NaN included) over whole vectors.", e.name, x.name))
	sign := constant(x, e, signBit(e))
	d, a, n, i = Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, x.per(e), func(u int) {
		v := x.vec()
		xor(at(a, i, e, u*x.bytes), sign, v)
		VMOVUPS(v, at(d, i, e, u*x.bytes))
	})

	text("AbsV"+e.name+x.name, sig)
	Doc(fmt.Sprintf("AbsV%s%s sets d[i] = |a[i]| over whole vectors: the sign bit cleared, except that a NaN is copied unchanged.", e.name, x.name))
	sign = constant(x, e, signBit(e))
	d, a, n, i = Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, x.per(e), func(u int) {
		v, r := x.vec(), x.vec()
		VMOVUPS(at(a, i, e, u*x.bytes), v)
		andn(v, sign, r) // r = ^sign & v
		if x.k {
			k := K()
			pick(e, VCMPPS, VCMPPD)(Imm(3), v, v, k) // unordered: v is NaN
			pick(e, VMOVUPS, VMOVUPD)(v, k, r)       // one mask bit per lane of e
		} else {
			m := x.vec()
			pick(e, VCMPPS, VCMPPD)(Imm(3), v, v, m)
			pick(e, VBLENDVPS, VBLENDVPD)(m, v, r, r)
		}
		VMOVUPS(r, at(d, i, e, u*x.bytes))
	})
}

// Comparison predicates (imm8 of VCMPPS): quiet, false on NaN but for
// NotEqual, which is true on NaN.
var predicates = []struct {
	name, sym string
	imm, swap uint64 // the predicate of a op b, and of b op a
}{
	{"Equal", "==", 0x00, 0x00},     // EQ_OQ
	{"NotEqual", "!=", 0x04, 0x04},  // NEQ_UQ
	{"Less", "<", 0x11, 0x1e},       // LT_OQ, GT_OQ
	{"LessEqual", "<=", 0x12, 0x1d}, // LE_OQ, GE_OQ
}

// boolTable is the table of the eight bools (bytes 0 or 1) of each 8-bit
// mask, little-endian in a uint64.
var boolTable Mem

// emitBoolTable writes boolTable.
func emitBoolTable() {
	boolTable = GLOBL("boolsOfMask", RODATA|NOPTR)
	for m := 0; m < 256; m++ {
		var v uint64
		for j := 0; j < 8; j++ {
			if m>>j&1 != 0 {
				v |= 1 << (8 * j)
			}
		}
		DATA(8*m, U64(v))
	}
}

// storeBools stores the lanes of the comparison mask (a vector of lane
// masks, or a mask register) as bools at d[i+disp].
func storeBools(x isa, e elem, mask Op, d, i reg.Register, disp int) {
	lanes := x.per(e)
	bits := GP64()
	if x.k {
		KMOVW(mask, bits.As32())
	} else {
		pick(e, VMOVMSKPS, VMOVMSKPD)(mask, bits.As32())
	}
	tab := GP64()
	LEAQ(boolTable, tab)
	for off := 0; off < lanes; off += 8 {
		idx, v := GP64(), GP64()
		MOVQ(bits, idx)
		if off > 0 {
			SHRQ(Imm(uint64(off)), idx)
		}
		ANDQ(U32(255), idx)
		MOVQ(Mem{Base: tab, Index: idx, Scale: 8}, v)
		dst := Mem{Base: d, Index: i, Scale: 1, Disp: disp + off}
		if lanes-off >= 8 {
			MOVQ(v, dst)
		} else {
			MOVL(v.As32(), dst)
		}
	}
}

// compare emits d = a pred b, d = a pred s and d = s pred b into bools.
func compare(x isa, e elem) {
	cmp := pick(e, VCMPPS, VCMPPD)
	newMask := func() Op {
		if x.k {
			return K()
		}
		return x.vec()
	}
	for _, p := range predicates {
		text(p.name+"VV"+e.name+x.name, fmt.Sprintf("func(d []bool, a, b []%s) int", e.goT))
		Doc(fmt.Sprintf("%sVV%s%s sets d[i] = a[i] %s b[i] over whole vectors.", p.name, e.name, x.name, p.sym))
		d, a, b, n, i := Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("b").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
		loops(n, i, x.per(e), func(u int) {
			v, m := x.vec(), newMask()
			VMOVUPS(at(a, i, e, u*x.bytes), v)
			cmp(Imm(p.imm), at(b, i, e, u*x.bytes), v, m)
			storeBools(x, e, m, d, i, u*x.per(e))
		})

		text(p.name+"VS"+e.name+x.name, fmt.Sprintf("func(d []bool, a []%s, s %s) int", e.goT, e.goT))
		Doc(fmt.Sprintf("%sVS%s%s sets d[i] = a[i] %s s over whole vectors.", p.name, e.name, x.name, p.sym))
		s := broadcast(x, e, "s")
		d, a, n, i = Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
		loops(n, i, x.per(e), func(u int) {
			m := newMask()
			cmp(Imm(p.swap), at(a, i, e, u*x.bytes), s, m) // s swap a
			storeBools(x, e, m, d, i, u*x.per(e))
		})

		text(p.name+"SV"+e.name+x.name, fmt.Sprintf("func(d []bool, s %s, b []%s) int", e.goT, e.goT))
		Doc(fmt.Sprintf("%sSV%s%s sets d[i] = s %s b[i] over whole vectors.", p.name, e.name, x.name, p.sym))
		s = broadcast(x, e, "s")
		d, b, n, i = Load(Param("d").Base(), GP64()), Load(Param("b").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
		loops(n, i, x.per(e), func(u int) {
			m := newMask()
			cmp(Imm(p.imm), at(b, i, e, u*x.bytes), s, m)
			storeBools(x, e, m, d, i, u*x.per(e))
		})
	}
}

// goMin sets r = min(x, y) as Go computes it on amd64, bit for bit (the
// compiler's rule in cmd/compile/internal/ssa/_gen/AMD64.rules):
// m1 = MIN(x, y), m2 = MIN(m1, x), r = m2 | m1, where MIN(a, b) is the
// instruction's a < b ? a : b. So NaN propagates, min(−0, +0) is −0, and
// which NaN comes out is Go's choice too.
func goMin(x isa, e elem, a, b Op, r reg.VecVirtual) {
	mn := pick(e, VMINPS, VMINPD)
	m1, m2 := x.vec(), x.vec()
	mn(b, a, m1)
	mn(a, m1, m2)
	or := fn(VPOR)
	if x.k {
		or = fn(VPORQ)
	}
	or(m1, m2, r)
}

// negate sets r = v with its sign bits flipped by sign.
func negate(x isa, v, sign Op, r reg.VecVirtual) {
	if x.k {
		VPXORQ(v, sign, r)
	} else {
		VPXOR(v, sign, r)
	}
}

// clip emits d = min(max(a, lo), hi) as Go computes it (lo and hi not NaN).
func clip(x isa, e elem) {
	text("ClipV"+e.name+x.name, fmt.Sprintf("func(d, a []%s, lo, hi %s) int", e.goT, e.goT))
	Doc(fmt.Sprintf("ClipV%s%s sets d[i] = min(max(a[i], lo), hi) with Go's min and max over whole vectors; lo and hi are not NaN.", e.name, x.name))
	// max(v, lo) is −min(−v, −lo), as Go computes it.
	lo, hi, sign := broadcast(x, e, "lo"), broadcast(x, e, "hi"), constant(x, e, signBit(e))
	negLo := x.vec()
	negate(x, lo, sign, negLo)
	d, a, n, i := Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, x.per(e), func(u int) {
		v, m, r := x.vec(), x.vec(), x.vec()
		negate(x, at(a, i, e, u*x.bytes), sign, v)
		goMin(x, e, v, negLo, m)
		negate(x, m, sign, m)
		goMin(x, e, m, hi, r)
		VMOVUPS(r, at(d, i, e, u*x.bytes))
	})
}

// extreme emits the lane-wise maximum (minimum) of whole vectors of s into
// r, with a flag, the result, that is nonzero when a NaN was read.
func extreme(x isa, e elem, isMax bool) {
	name := "Min"
	mm := pick(e, VMINPS, VMINPD)
	if isMax {
		name = "Max"
		mm = pick(e, VMAXPS, VMAXPD)
	}
	lanes := x.per(e)
	text(name+"Lanes"+e.name+x.name, fmt.Sprintf("func(s []%s, r *[16]%s) int", e.goT, e.goT))
	Doc(fmt.Sprintf("%sLanes%s%s stores into r[:%d] the lane-wise %s of the first len(s)/%d vectors of s (len(s) >= %d), as the vector instruction computes it, and returns a nonzero value when one of those elements is NaN.", name, e.name, x.name, lanes, name, lanes, lanes))
	s, n, out := Load(Param("s").Base(), GP64()), Load(Param("s").Len(), GP64()), Load(Param("r"), GP64())
	cmp := pick(e, VCMPPS, VCMPPD)
	acc := make([]reg.VecVirtual, 4)
	for k := range acc {
		acc[k] = x.vec()
		VMOVUPS(Mem{Base: s}, acc[k])
	}
	var nanV reg.VecVirtual
	var nanK []reg.Register
	if x.k {
		for range 4 {
			k := K()
			KXORW(k, k, k)
			nanK = append(nanK, k)
		}
	} else {
		nanV = x.vec()
		VPXOR(nanV, nanV, nanV)
	}
	i := GP64()
	XORQ(i, i)
	for _, unroll := range []int{4, 1} {
		step := unroll * lanes
		lim := GP64()
		MOVQ(n, lim)
		SUBQ(Imm(uint64(step)), lim)
		top, end := fmt.Sprintf("loop%d", unroll), fmt.Sprintf("done%d", unroll)
		Label(top)
		CMPQ(i, lim)
		JGT(LabelRef(end))
		for u := 0; u < unroll; u++ {
			v := x.vec()
			VMOVUPS(at(s, i, e, u*x.bytes), v)
			mm(v, acc[u], acc[u])
			if x.k {
				k := K()
				cmp(Imm(3), v, v, k)
				KORW(k, nanK[u], nanK[u])
			} else {
				m := x.vec()
				cmp(Imm(3), v, v, m)
				VPOR(m, nanV, nanV)
			}
		}
		ADDQ(Imm(uint64(step)), i)
		JMP(LabelRef(top))
		Label(end)
	}
	for k := 1; k < 4; k++ {
		mm(acc[k], acc[0], acc[0])
	}
	VMOVUPS(acc[0], Mem{Base: out})
	flag := GP64()
	if x.k {
		KORW(nanK[1], nanK[0], nanK[0])
		KORW(nanK[3], nanK[2], nanK[2])
		KORW(nanK[2], nanK[0], nanK[0])
		KMOVW(nanK[0], flag.As32())
	} else {
		pick(e, VMOVMSKPS, VMOVMSKPD)(nanV, flag.As32())
	}
	Store(flag, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// sumLanes emits the eight lane sums of NumPy's pairwise leaf: r[j] =
// s[j] + s[8+j] + s[16+j] + … over the first len(s)/8 groups of eight,
// added in order (len(s) >= 8).
func sumLanes(x isa, e elem) {
	text("SumLanes"+e.name+x.name, fmt.Sprintf("func(s []%s, r *[8]%s)", e.goT, e.goT))
	Doc(fmt.Sprintf("SumLanes%s%s stores into r[j] the sum s[j] + s[8+j] + s[16+j] + … of the first len(s)/8 groups of eight elements of s, added in order (len(s) >= 8): the eight accumulators of NumPy's pairwise leaf.", e.name, x.name))
	s, n, out := Load(Param("s").Base(), GP64()), Load(Param("s").Len(), GP64()), Load(Param("r"), GP64())
	// One group of eight is one vector, or two (float64 under AVX2).
	var parts []reg.VecVirtual
	var width int
	switch {
	case e.size == 8 && !x.k:
		parts, width = []reg.VecVirtual{YMM(), YMM()}, 32
	case e.size == 8:
		parts, width = []reg.VecVirtual{ZMM()}, 64
	default:
		parts, width = []reg.VecVirtual{YMM()}, 32
	}
	add := pick(e, VADDPS, VADDPD)
	for k, p := range parts {
		VMOVUPS(Mem{Base: s, Disp: k * width}, p)
	}
	ANDQ(I32(-8), n)
	i := GP64()
	MOVQ(U32(8), i)
	Label("loop")
	CMPQ(i, n)
	JGE(LabelRef("done"))
	for k, p := range parts {
		add(at(s, i, e, k*width), p, p)
	}
	ADDQ(Imm(8), i)
	JMP(LabelRef("loop"))
	Label("done")
	for k, p := range parts {
		VMOVUPS(p, Mem{Base: out, Disp: k * width})
	}
	VZEROUPPER()
	RET()
}

// where emits d[i] = c[i] ? a[i] : b[i] for 4- and 8-byte elements.
func where(x isa, size int) {
	e := elem{fmt.Sprint(8 * size), fmt.Sprintf("uint%d", 8*size), size}
	lanes := x.per(e)
	text("Where"+e.name+x.name, fmt.Sprintf("func(d []%s, c []bool, a, b []%s) int", e.goT, e.goT))
	Doc(fmt.Sprintf("Where%s%s sets d[i] = a[i] where c[i], b[i] elsewhere, over whole vectors.", e.name, x.name))
	d, c, a, b, n, i := Load(Param("d").Base(), GP64()), Load(Param("c").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("b").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	var zero reg.VecVirtual
	if !x.k {
		zero = x.vec()
		VPXOR(zero, zero, zero)
	}
	loops(n, i, lanes, func(u int) {
		cm := Mem{Base: c, Index: i, Scale: 1, Disp: u * lanes}
		m, r := x.vec(), x.vec()
		if size == 4 {
			VPMOVZXBD(cm, m)
		} else {
			VPMOVZXBQ(cm, m)
		}
		if x.k {
			k := K()
			VMOVUPS(at(b, i, e, u*x.bytes), r)
			if size == 4 {
				VPTESTMD(m, m, k)
				VMOVDQU32(at(a, i, e, u*x.bytes), k, r)
			} else {
				VPTESTMQ(m, m, k)
				VMOVDQU64(at(a, i, e, u*x.bytes), k, r)
			}
		} else {
			VMOVUPS(at(a, i, e, u*x.bytes), r)
			if size == 4 {
				VPCMPEQD(zero, m, m)
				VBLENDVPS(m, at(b, i, e, u*x.bytes), r, r)
			} else {
				VPCMPEQQ(zero, m, m)
				VBLENDVPD(m, at(b, i, e, u*x.bytes), r, r)
			}
		}
		VMOVUPS(r, at(d, i, e, u*x.bytes))
	})
}

// conversions emits uint8 → float32, float64 → float32 and float32 →
// float64, rounding as Go's conversions do (to nearest even).
func conversions(x isa) {
	u8 := elem{"U8", "uint8", 1}
	lanes := x.per(f32) // float32 lanes of one vector
	text("U8ToF32"+x.name, "func(d []float32, s []uint8) int")
	Doc("U8ToF32" + x.name + " sets d[i] = float32(s[i]) over whole vectors.")
	d, s, n, i := Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, lanes, func(u int) {
		v := x.vec()
		VPMOVZXBD(at(s, i, u8, u*lanes), v)
		VCVTDQ2PS(v, v)
		VMOVUPS(v, at(d, i, f32, u*x.bytes))
	})

	half := x.bytes / 2
	text("F64ToF32"+x.name, "func(d []float32, s []float64) int")
	Doc("F64ToF32" + x.name + " sets d[i] = float32(s[i]) over whole vectors.")
	d, s, n, i = Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, x.per(f64), func(u int) {
		if x.k {
			v := YMM()
			VCVTPD2PS(at(s, i, f64, u*x.bytes), v)
			VMOVUPS(v, at(d, i, f32, u*half))
		} else {
			v := XMM()
			VCVTPD2PSY(at(s, i, f64, u*x.bytes), v)
			VMOVUPS(v, at(d, i, f32, u*half))
		}
	})

	text("F32ToF64"+x.name, "func(d []float64, s []float32) int")
	Doc("F32ToF64" + x.name + " sets d[i] = float64(s[i]) over whole vectors.")
	d, s, n, i = Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, x.per(f64), func(u int) {
		v := x.vec()
		VCVTPS2PD(at(s, i, f32, u*half), v)
		VMOVUPS(v, at(d, i, f64, u*x.bytes))
	})
}

func main() {
	dir := flag.String("dispatch", ".", "directory to write the dispatch files into")
	transc := flag.Bool("transc", false, "write the transcendental kernels (transc.go) instead of the others")
	flag.Parse()
	ConstraintExpr("!purego")
	if *transc {
		if err := writeDispatch(*dir, "zz_transc_dispatch", transcFamilies()); err != nil {
			log.Fatal(err)
		}
		transcKernels()
		Generate()
		return
	}
	fs := append(append(families(f32), families(f64)...), others...)
	fs = append(fs, intFamilies()...)
	fs = append(fs, bf16Families()...)
	if err := writeDispatch(*dir, "zz_dispatch", fs); err != nil {
		log.Fatal(err)
	}
	emitBoolTable()
	for _, x := range isas {
		for _, e := range elems {
			binary(x, e)
			unary(x, e)
			compare(x, e)
			clip(x, e)
			extreme(x, e, true)
			extreme(x, e, false)
			// Eight float32 lanes are one AVX2 vector: AVX-512 adds nothing.
			if x.k == false || e.size == 8 {
				sumLanes(x, e)
			}
		}
		where(x, 4)
		where(x, 8)
		conversions(x)
		intKernels(x)
		bf16Kernels(x)
	}
	Generate()
}
