package main

// The kernels of semantics.md §33: integer arithmetic, comparisons and
// reductions, more conversions (int32, uint8, float16), the row additions
// of axis-0 sums, and dot products.

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// The integer element types with kernels.
var (
	i32  = elem{"I32", "int32", 4}
	i64  = elem{"I64", "int64", 8}
	u8   = elem{"U8", "uint8", 1}
	ints = []elem{i32, i64, u8}
)

// pickInt returns the instruction of e's size: b for bytes, d for 32-bit
// and q for 64-bit lanes; nil when there is none.
func pickInt(e elem, b, d, q any) insn {
	f := map[int]any{1: b, 4: d, 8: q}[e.size]
	if f == nil {
		return nil
	}
	return fn(f)
}

// intArith are the integer operations that wrap as Go's: the instruction
// for bytes, 32-bit and 64-bit lanes (nil: none in AVX2 and AVX-512F).
var intArith = []struct {
	name, sym string
	b, d, q   any
}{
	{"Add", "+", VPADDB, VPADDD, VPADDQ},
	{"Sub", "−", VPSUBB, VPSUBD, VPSUBQ},
	{"Mul", "×", nil, VPMULLD, nil},
}

// avx512Int reports whether e has AVX-512F kernels: byte lanes need
// AVX-512BW, which the dispatch does not check, so the AVX2 kernels serve
// the AVX-512 level for them.
func avx512Int(e elem) bool { return e.size != 1 }

// broadcastInt loads the integer parameter name into every lane.
func broadcastInt(x isa, e elem, name string) reg.VecVirtual {
	r := Load(Param(name), GP64())
	t := XMM()
	MOVQ(r, t)
	v := x.vec()
	pickInt(e, VPBROADCASTB, VPBROADCASTD, VPBROADCASTQ)(t, v)
	return v
}

// intBinary emits d = a op b, d = a op s and d = s − b for e.
func intBinary(x isa, e elem) {
	if x.k && !avx512Int(e) {
		return
	}
	for _, o := range intArith {
		op := pickInt(e, o.b, o.d, o.q)
		if op == nil {
			continue
		}
		binaryKernels(x, e, o.name, o.sym, ", wrapping, ", op, o.name == "Sub", movInt, broadcastInt)
	}
}

// movInt moves a whole vector of integers (VMOVDQU64 under AVX-512).
func movInt(src, dst Op) {
	if _, ok := dst.(reg.VecVirtual); ok && dst.(reg.VecVirtual).Size() == 64 {
		VMOVDQU64(src, dst)
		return
	}
	if r, ok := src.(reg.VecVirtual); ok && r.Size() == 64 {
		VMOVDQU64(src, dst)
		return
	}
	VMOVUPS(src, dst) // the same bytes, and as fast on integer data
}

// intPredicate is the AVX-512 predicate (imm8 of VPCMPD) of each
// comparison.
var intPredicate = map[string]uint64{"Equal": 0, "NotEqual": 4, "Less": 1, "LessEqual": 2}

// intCmp emits the comparison p of the signed 32- or 64-bit lanes of
// vectors a and b into a mask (a mask register under AVX-512, else a vector
// of lane masks; ones is a vector of all ones, for the negations).
func intCmp(x isa, e elem, p string, a, b, ones reg.VecVirtual) Op {
	if x.k {
		k := K()
		pickInt(e, nil, VPCMPD, VPCMPQ)(Imm(intPredicate[p]), b, a, k)
		return k
	}
	eq, gt := pickInt(e, nil, VPCMPEQD, VPCMPEQQ), pickInt(e, nil, VPCMPGTD, VPCMPGTQ)
	m := x.vec()
	switch p {
	case "Equal", "NotEqual":
		eq(b, a, m)
	case "Less":
		gt(a, b, m) // b > a
	case "LessEqual":
		gt(b, a, m) // a > b, negated below
	}
	if p == "NotEqual" || p == "LessEqual" {
		VPXOR(ones, m, m)
	}
	return m
}

// intCompare emits d = a pred b, d = a pred s and d = s pred b into bools
// for the signed 32- and 64-bit elements e.
func intCompare(x isa, e elem) {
	var ones reg.VecVirtual
	allOnes := func() {
		if !x.k {
			ones = x.vec()
			VPCMPEQD(ones, ones, ones)
		}
	}
	for _, p := range predicates {
		for _, form := range []string{"VV", "VS", "SV"} {
			name := p.name + form + e.name + x.name
			sig := map[string]string{
				"VV": "func(d []bool, a, b []%[1]s) int",
				"VS": "func(d []bool, a []%[1]s, s %[1]s) int",
				"SV": "func(d []bool, s %[1]s, b []%[1]s) int",
			}[form]
			text(name, fmt.Sprintf(sig, e.goT))
			lr := map[string][2]string{"VV": {"a[i]", "b[i]"}, "VS": {"a[i]", "s"}, "SV": {"s", "b[i]"}}[form]
			Doc(fmt.Sprintf("%s sets d[i] = %s %s %s over whole vectors.", name, lr[0], p.sym, lr[1]))
			allOnes()
			var s reg.VecVirtual
			if form != "VV" {
				s = broadcastInt(x, e, "s")
			}
			var pa, pb reg.Register
			if form != "SV" {
				pa = Load(Param("a").Base(), GP64())
			}
			if form != "VS" {
				pb = Load(Param("b").Base(), GP64())
			}
			d, n, i := Load(Param("d").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
			loops(n, i, x.per(e), func(u int) {
				va, vb := s, s
				if pa != nil {
					va = x.vec()
					movInt(at(pa, i, e, u*x.bytes), va)
				}
				if pb != nil {
					vb = x.vec()
					movInt(at(pb, i, e, u*x.bytes), vb)
				}
				m := intCmp(x, e, p.name, va, vb, ones)
				fe := f32
				if e.size == 8 {
					fe = f64
				}
				storeBools(x, fe, m, d, i, u*x.per(e))
			})
		}
	}
}

// u8Compare emits the comparisons of uint8 (AVX2: 32 lanes, whose masks
// are bytes already): d[i] = a[i] pred b[i], a[i] pred s, s pred b[i].
func u8Compare(x isa) {
	for _, p := range predicates {
		for _, form := range []string{"VV", "VS", "SV"} {
			name := p.name + form + "U8" + x.name
			sig := map[string]string{
				"VV": "func(d []bool, a, b []uint8) int",
				"VS": "func(d []bool, a []uint8, s uint8) int",
				"SV": "func(d []bool, s uint8, b []uint8) int",
			}[form]
			text(name, sig)
			Doc(fmt.Sprintf("%s sets d[i] to the unsigned comparison %s of its operands over whole vectors.", name, p.sym))
			one := x.vec()
			{
				r := GP64()
				MOVQ(U32(1), r)
				t := XMM()
				MOVQ(r, t)
				VPBROADCASTB(t, one)
			}
			var s reg.VecVirtual
			if form != "VV" {
				s = broadcastInt(x, u8, "s")
			}
			var pa, pb reg.Register
			if form != "SV" {
				pa = Load(Param("a").Base(), GP64())
			}
			if form != "VS" {
				pb = Load(Param("b").Base(), GP64())
			}
			d, n, i := Load(Param("d").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
			loops(n, i, x.per(u8), func(u int) {
				va, vb := s, s
				if pa != nil {
					va = x.vec()
					movInt(at(pa, i, u8, u*x.bytes), va)
				}
				if pb != nil {
					vb = x.vec()
					movInt(at(pb, i, u8, u*x.bytes), vb)
				}
				m, t := x.vec(), x.vec()
				negated := false
				switch p.name {
				case "Equal":
					VPCMPEQB(vb, va, m)
				case "NotEqual":
					VPCMPEQB(vb, va, m)
					negated = true
				case "LessEqual": // a <= b: min(a, b) == a
					VPMINUB(vb, va, t)
					VPCMPEQB(va, t, m)
				case "Less": // a < b: not (b <= a), min(a, b) == b
					VPMINUB(vb, va, t)
					VPCMPEQB(vb, t, m)
					negated = true
				}
				if negated {
					VPANDN(one, m, m) // ^m & 1
				} else {
					VPAND(one, m, m)
				}
				movInt(m, Mem{Base: d, Index: i, Scale: 1, Disp: u * x.bytes})
			})
		}
	}
}

// intSum emits the lane sums, wrapping, of the whole vectors of s: Go's
// sum of integers in any order.
func intSum(x isa, e elem) {
	if x.k && !avx512Int(e) {
		return
	}
	lanes := x.per(e)
	name := "SumLanes" + e.name + x.name
	text(name, fmt.Sprintf("func(s []%s, r *[64]%s) int", e.goT, e.goT))
	Doc(fmt.Sprintf("%s stores into r[:%d] the lane-wise wrapped sums of the whole vectors of s and returns how many elements it added.", name, lanes))
	add := pickInt(e, VPADDB, VPADDD, VPADDQ)
	s, n, out := Load(Param("s").Base(), GP64()), Load(Param("s").Len(), GP64()), Load(Param("r"), GP64())
	acc := make([]reg.VecVirtual, 4)
	for k := range acc {
		acc[k] = x.vec()
		if x.k {
			VPXORQ(acc[k], acc[k], acc[k])
		} else {
			VPXOR(acc[k], acc[k], acc[k])
		}
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
			add(at(s, i, e, u*x.bytes), acc[u], acc[u])
		}
		ADDQ(Imm(uint64(step)), i)
		JMP(LabelRef(top))
		Label(end)
	}
	for k := 1; k < 4; k++ {
		add(acc[k], acc[0], acc[0])
	}
	movInt(acc[0], Mem{Base: out})
	Store(i, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// intExtreme emits the lane-wise maximum (minimum) of the whole vectors of
// s: no NaN, no signed zero, so any order gives Go's result.
func intExtreme(x isa, e elem, isMax bool) {
	name := "Min"
	mm := pickInt(e, VPMINUB, VPMINSD, VPMINSQ)
	if isMax {
		name = "Max"
		mm = pickInt(e, VPMAXUB, VPMAXSD, VPMAXSQ)
	}
	if (x.k && !avx512Int(e)) || e.size == 8 { // no 64-bit min in AVX2
		return
	}
	lanes := x.per(e)
	kname := name + "Lanes" + e.name + x.name
	text(kname, fmt.Sprintf("func(s []%s, r *[64]%s) int", e.goT, e.goT))
	Doc(fmt.Sprintf("%s stores into r[:%d] the lane-wise %s of the whole vectors of s (len(s) >= %d) and returns how many elements it read.", kname, lanes, name, lanes))
	s, n, out := Load(Param("s").Base(), GP64()), Load(Param("s").Len(), GP64()), Load(Param("r"), GP64())
	acc := make([]reg.VecVirtual, 4)
	for k := range acc {
		acc[k] = x.vec()
		movInt(Mem{Base: s}, acc[k])
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
			mm(at(s, i, e, u*x.bytes), acc[u], acc[u])
		}
		ADDQ(Imm(uint64(step)), i)
		JMP(LabelRef(top))
		Label(end)
	}
	for k := 1; k < 4; k++ {
		mm(acc[k], acc[0], acc[0])
	}
	movInt(acc[0], Mem{Base: out})
	Store(i, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// addRows emits d[i] = (((d[i] + r0[i]) + r1[i]) + r2[i]) + r3[i]: four
// rows of an axis-0 sum added in order, as NumPy adds them one by one.
func addRows(x isa, e elem) {
	name := "AddRows4" + e.name + x.name
	text(name, fmt.Sprintf("func(d, r0, r1, r2, r3 []%s) int", e.goT))
	Doc(fmt.Sprintf("%s sets d[i] = (((d[i] + r0[i]) + r1[i]) + r2[i]) + r3[i] over whole vectors; the rows are at least len(d) long.", name))
	add := pick(e, VADDPS, VADDPD)
	d, n, i := Load(Param("d").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	rs := []reg.Register{Load(Param("r0").Base(), GP64()), Load(Param("r1").Base(), GP64()), Load(Param("r2").Base(), GP64()), Load(Param("r3").Base(), GP64())}
	loops(n, i, x.per(e), func(u int) {
		v := x.vec()
		VMOVUPS(at(d, i, e, u*x.bytes), v)
		for _, r := range rs {
			add(at(r, i, e, u*x.bytes), v, v)
		}
		VMOVUPS(v, at(d, i, e, u*x.bytes))
	})
}

// moreConversions emits int32 → float32, int32 → float64, uint8 →
// float64 and float16 ↔ float32 (F16C).
func moreConversions(x isa) {
	lanes32, lanes64 := x.per(f32), x.per(f64)
	half := x.bytes / 2

	text("I32ToF32"+x.name, "func(d []float32, s []int32) int")
	Doc("I32ToF32" + x.name + " sets d[i] = float32(s[i]) (to nearest even) over whole vectors.")
	d, s, n, i := Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, lanes32, func(u int) {
		v := x.vec()
		VCVTDQ2PS(at(s, i, i32, u*x.bytes), v)
		VMOVUPS(v, at(d, i, f32, u*x.bytes))
	})

	text("I32ToF64"+x.name, "func(d []float64, s []int32) int")
	Doc("I32ToF64" + x.name + " sets d[i] = float64(s[i]) over whole vectors.")
	d, s, n, i = Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, lanes64, func(u int) {
		v := x.vec()
		VCVTDQ2PD(at(s, i, i32, u*half), v)
		VMOVUPS(v, at(d, i, f64, u*x.bytes))
	})

	text("U8ToF64"+x.name, "func(d []float64, s []uint8) int")
	Doc("U8ToF64" + x.name + " sets d[i] = float64(s[i]) over whole vectors.")
	d, s, n, i = Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, lanes64, func(u int) {
		v := x.vec()
		var t reg.VecVirtual = XMM()
		if x.k {
			t = YMM()
		}
		VPMOVZXBD(at(s, i, u8, u*lanes64), t)
		VCVTDQ2PD(t, v)
		VMOVUPS(v, at(d, i, f64, u*x.bytes))
	})

	f16 := elem{"F16", "uint16", 2}
	text("F16ToF32"+x.name, "func(d []float32, s []uint16) int")
	Doc("F16ToF32" + x.name + " sets d[i] to the float32 value of the float16 bits s[i] (exact; NaN payloads kept, a signalling NaN quieted) over whole vectors.")
	d, s, n, i = Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, lanes32, func(u int) {
		v := x.vec()
		VCVTPH2PS(at(s, i, f16, u*half), v)
		VMOVUPS(v, at(d, i, f32, u*x.bytes))
	})

	text("F32ToF16"+x.name, "func(d []uint16, s []float32) int")
	Doc("F32ToF16" + x.name + " sets d[i] to the float16 bits of s[i], rounded to nearest even (a NaN keeps its sign and leading payload bits and becomes quiet), over whole vectors.")
	d, s, n, i = Load(Param("d").Base(), GP64()), Load(Param("s").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	loops(n, i, lanes32, func(u int) {
		var h reg.VecVirtual = XMM()
		if x.k {
			h = YMM()
		}
		v := x.vec()
		VMOVUPS(at(s, i, f32, u*x.bytes), v)
		VCVTPS2PH(Imm(0), v, h)
		VMOVUPS(h, at(d, i, f16, u*half))
	})
}

// dot emits the lane-wise sums of a[i]·b[i] over the whole vectors, with
// fused multiply-adds into four accumulators.
func dot(x isa, e elem) {
	lanes := x.per(e)
	name := "DotLanes" + e.name + x.name
	text(name, fmt.Sprintf("func(a, b []%s, r *[16]%s) int", e.goT, e.goT))
	Doc(fmt.Sprintf("%s stores into r[:%d] lane-wise sums of a[i]·b[i] over the whole vectors of a (fused multiply-adds, four accumulators) and returns how many elements it read; len(b) >= len(a).", name, lanes))
	fma := pick(e, VFMADD231PS, VFMADD231PD)
	add := pick(e, VADDPS, VADDPD)
	a, b, n, out := Load(Param("a").Base(), GP64()), Load(Param("b").Base(), GP64()), Load(Param("a").Len(), GP64()), Load(Param("r"), GP64())
	acc := make([]reg.VecVirtual, 4)
	for k := range acc {
		acc[k] = x.vec()
		if x.k {
			VPXORQ(acc[k], acc[k], acc[k])
		} else {
			VPXOR(acc[k], acc[k], acc[k])
		}
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
			VMOVUPS(at(a, i, e, u*x.bytes), v)
			fma(at(b, i, e, u*x.bytes), v, acc[u])
		}
		ADDQ(Imm(uint64(step)), i)
		JMP(LabelRef(top))
		Label(end)
	}
	add(acc[1], acc[0], acc[0])
	add(acc[3], acc[2], acc[2])
	add(acc[2], acc[0], acc[0])
	VMOVUPS(acc[0], Mem{Base: out})
	Store(i, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// intKernels emits the kernels of §33 for the instruction set x.
func intKernels(x isa) {
	for _, e := range ints {
		intBinary(x, e)
		intSum(x, e)
		intExtreme(x, e, true)
		intExtreme(x, e, false)
	}
	intCompare(x, i32)
	intCompare(x, i64)
	if !x.k {
		u8Compare(x)
	}
	for _, e := range elems {
		addRows(x, e)
		dot(x, e)
	}
	moreConversions(x)
}
