package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// bf16 is the bfloat16 storage element: the upper half of a float32.
var bf16 = elem{"BF16", "uint16", 2}

// bf16Kernels emits the bfloat16 ↔ float32 conversions of semantics.md §33,
// VK8 for the instruction set x. Widening is a zero extension and a shift
// by 16. Narrowing adds 0x7fff plus the lowest kept bit and keeps the upper
// half (to nearest, ties to even; a carry moves into the exponent, so
// values past the largest finite bfloat16 become ±Inf), except in NaN
// lanes, which keep their sign and leading payload bits with the quiet bit
// set, as bfloat16.FromFloat32 does.
func bf16Kernels(x isa) {
	lanes, half := x.per(f32), x.bytes/2
	and, or := fn(VPAND), fn(VPOR)
	if x.k {
		and, or = fn(VPANDD), fn(VPORD)
	}

	text("BF16ToF32"+x.name, "func(d []uint32, s []uint16) int")
	Doc("BF16ToF32" + x.name + " sets d[i] = uint32(s[i]) << 16, the float32 bits of the bfloat16 bits s[i], over whole vectors.")
	d, s, n, i := Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, lanes, func(u int) {
		v := x.vec()
		VPMOVZXWD(at(s, i, bf16, u*half), v)
		VPSLLD(Imm(16), v, v)
		VMOVUPS(v, at(d, i, f32, u*x.bytes))
	})

	text("F32ToBF16"+x.name, "func(d []uint16, s []uint32) int")
	Doc("F32ToBF16" + x.name + " sets d[i] to the bfloat16 bits nearest to the float32 bits s[i], ties to even, a NaN made quiet with its sign and leading payload bits, over whole vectors.")
	one, bias := constant(x, f32, 1), constant(x, f32, 0x7fff)
	abs, inf, quiet := constant(x, f32, 0x7fffffff), constant(x, f32, 0x7f800000), constant(x, f32, 0x00400000)
	d, s, n, i = Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, lanes, func(u int) {
		v, t, a := x.vec(), x.vec(), x.vec()
		VMOVUPS(at(s, i, f32, u*x.bytes), v)
		VPSRLD(Imm(16), v, t)
		and(one, t, t)
		VPADDD(bias, t, t)
		VPADDD(v, t, t) // v + 0x7fff + lowest kept bit
		and(abs, v, a)
		q := x.vec()
		or(quiet, v, q)
		if x.k {
			k := K()
			VPCMPGTD(inf, a, k) // |v| > Inf: NaN
			VMOVDQU32(q, k, t)
			VPSRLD(Imm(16), t, t)
			VPMOVDW(t, at(d, i, bf16, u*half))
			return
		}
		m := x.vec()
		VPCMPGTD(inf, a, m)
		VPBLENDVB(m, q, t, t)
		VPSRLD(Imm(16), t, t)
		hi := XMM()
		VEXTRACTI128(Imm(1), t, hi)
		out := XMM()
		VPACKUSDW(hi, t.(reg.VecVirtual).AsX(), out)
		VMOVDQU(out, at(d, i, bf16, u*half))
	})
}

// bf16Families returns the dispatch functions of bf16Kernels.
func bf16Families() []family {
	return []family{
		{"bf16ToF32", "d []uint32, s []uint16", "d, s", "", [][2]string{{"", "BF16ToF32"}}, true},
		{"f32ToBF16", "d []uint16, s []uint32", "d, s", "", [][2]string{{"", "F32ToBF16"}}, true},
	}
}
