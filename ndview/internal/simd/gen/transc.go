package main

// The transcendental kernels (semantics.md §32): e^x and ln x, float32 and
// float64, AVX2 (with FMA) and AVX-512. Each works on whole vectors from
// the start of d and stops before the first vector holding a lane outside
// its fast range (NaN, ±Inf, results that overflow or are subnormal,
// arguments that are zero, negative or subnormal), returning the number of
// elements it wrote; the Go loop computes that vector, and calls the
// kernel again after it. Nothing is written past the returned count, so a
// kernel run in place (d and a the same slice) is restarted safely.

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// A ctab is a table of constants, each repeated over one AVX-512 vector
// (64 bytes), read as memory operands of the vector instructions: the
// kernels hold more constants than there are vector registers.
type ctab struct {
	mem  Mem
	off  map[string]int
	next int
}

// newCtab starts the constant table name.
func newCtab(name string) *ctab {
	return &ctab{mem: GLOBL(name, RODATA|NOPTR), off: map[string]int{}}
}

// bits returns the operand of the constant of the given bits, of the
// element size of e, adding it to the table the first time.
func (t *ctab) bits(e elem, b uint64) Mem {
	key := fmt.Sprintf("%d:%x", e.size, b)
	off, ok := t.off[key]
	if !ok {
		off = t.next
		for k := 0; k < 64; k += e.size {
			if e.size == 4 {
				DATA(off+k, U32(uint32(b)))
			} else {
				DATA(off+k, U64(b))
			}
		}
		t.off[key] = off
		t.next += 64
	}
	return t.mem.Offset(off)
}

// val returns the operand of the constant v, rounded to e.
func (t *ctab) val(e elem, v float64) Mem {
	if e.size == 4 {
		return t.bits(e, uint64(math.Float32bits(float32(v))))
	}
	return t.bits(e, math.Float64bits(v))
}

// vops are the instructions of one element type and instruction set.
type vops struct {
	x                  isa
	e                  elem
	add, sub, mul, div insn
	fmadd              insn // fmadd(c, r, p): p = r·p + c (Horner's step)
	fmacc              insn // fmacc(a, b, acc): acc = a·b + acc
	fnmacc             insn // fnmacc(a, b, acc): acc = −(a·b) + acc
	iadd, shl, shr     insn // integer lanes of e's width
	and, or            insn
}

// opsOf returns the instructions of e under x.
func opsOf(x isa, e elem) vops {
	o := vops{x: x, e: e,
		add: pick(e, VADDPS, VADDPD), sub: pick(e, VSUBPS, VSUBPD),
		mul: pick(e, VMULPS, VMULPD), div: pick(e, VDIVPS, VDIVPD),
		fmadd:  pick(e, VFMADD213PS, VFMADD213PD),
		fmacc:  pick(e, VFMADD231PS, VFMADD231PD),
		fnmacc: pick(e, VFNMADD231PS, VFNMADD231PD),
		iadd:   pick(e, VPADDD, VPADDQ), shl: pick(e, VPSLLD, VPSLLQ), shr: pick(e, VPSRLD, VPSRLQ),
		and: fn(VPAND), or: fn(VPOR),
	}
	if x.k {
		o.and, o.or = pick(e, VPANDD, VPANDQ), pick(e, VPORD, VPORQ)
	}
	return o
}

// transcLoop emits a kernel's loop over whole vectors of d = f(a): each
// vector is loaded, checked by inRange (which jumps to the end when a lane
// is outside the fast range), computed by body into a vector, and stored.
func transcLoop(x isa, e elem, inRange func(v reg.VecVirtual), body func(v reg.VecVirtual) reg.VecVirtual) {
	d, a, n, i := Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	lanes := x.per(e)
	XORQ(i, i)
	lim := GP64()
	MOVQ(n, lim)
	SUBQ(Imm(uint64(lanes)), lim)
	Label("loop")
	CMPQ(i, lim)
	JGT(LabelRef("done"))
	v := x.vec()
	VMOVUPS(at(a, i, e, 0), v)
	inRange(v)
	r := body(v)
	VMOVUPS(r, at(d, i, e, 0))
	ADDQ(Imm(uint64(lanes)), i)
	JMP(LabelRef("loop"))
	Label("done")
	Store(i, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// between returns inRange for lo <= v <= hi (false on NaN): it jumps to
// the label done unless every lane is in range.
func between(o vops, t *ctab, lo, hi float64) func(v reg.VecVirtual) {
	x, e := o.x, o.e
	cmp := pick(e, VCMPPS, VCMPPD)
	full := uint64(1)<<x.per(e) - 1
	return func(v reg.VecVirtual) {
		bits := GP32()
		if x.k {
			k1, k2 := K(), K()
			cmp(Imm(0x1d), t.val(e, lo), v, k1) // v >= lo, ordered
			cmp(Imm(0x12), t.val(e, hi), v, k2) // v <= hi, ordered
			KANDW(k1, k2, k1)
			KMOVW(k1, bits)
		} else {
			m1, m2 := x.vec(), x.vec()
			cmp(Imm(0x1d), t.val(e, lo), v, m1)
			cmp(Imm(0x12), t.val(e, hi), v, m2)
			VANDPS(m1, m2, m1)
			pick(e, VMOVMSKPS, VMOVMSKPD)(m1, bits)
		}
		CMPL(bits, U32(uint32(full)))
		JNE(LabelRef("done"))
	}
}

// horner sets p = c[0] + r·(c[1] + r·(… + r·c[len(c)−1])).
func horner(o vops, t *ctab, r reg.VecVirtual, c []float64) reg.VecVirtual {
	p := o.x.vec()
	VMOVUPS(t.val(o.e, c[len(c)-1]), p)
	for k := len(c) - 2; k >= 0; k-- {
		o.fmadd(t.val(o.e, c[k]), r, p)
	}
	return p
}

// The fast ranges: where the result is a normal number.
var (
	expRange = map[int][2]float64{4: {-87.3, 88.7}, 8: {-708.3, 709.7}}
	logRange = map[int][2]float64{4: {0x1p-126, math.MaxFloat32}, 8: {0x1p-1022, math.MaxFloat64}}
)

// expKernel emits e^x: x = k·ln 2 + r with k = round(x·log₂e) (found by
// adding 1.5·2^(mantissa bits), whose low bits are then k), r reduced
// by ln 2 in two parts with FMA, e^r by its Taylor polynomial (degree 7
// for float32, 13 for float64, |r| ≤ 0.35), and 2^k added to the
// exponent of the result as an integer (semantics.md VT2).
func expKernel(x isa, e elem, t *ctab) {
	o := opsOf(x, e)
	text("ExpV"+e.name+x.name, fmt.Sprintf("func(d, a []%s) int", e.goT))
	Doc(fmt.Sprintf("ExpV%s%s sets d[i] = e^a[i] over whole vectors, stopping before the first vector with a lane outside [%g, %g] or NaN.", e.name, x.name, expRange[e.size][0], expRange[e.size][1]))
	shift, mbits, deg := 0x1.8p52, 52, 13
	ln2hi, ln2lo := 0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56
	if e.size == 4 {
		shift, mbits, deg = 0x1.8p23, 23, 7
		ln2hi = float64(float32(math.Ln2))
		ln2lo = math.Ln2 - ln2hi
	}
	coef := make([]float64, deg+1)
	f := 1.0
	for k := range coef {
		if k > 0 {
			f *= float64(k)
		}
		coef[k] = 1 / f
	}
	rg := expRange[e.size]
	transcLoop(x, e, between(o, t, rg[0], rg[1]), func(v reg.VecVirtual) reg.VecVirtual {
		tk, kd, r := x.vec(), x.vec(), x.vec()
		VMOVUPS(t.val(e, shift), tk)
		o.fmacc(t.val(e, math.Log2E), v, tk) // tk = x·log₂e + shift
		o.sub(t.val(e, shift), tk, kd)       // kd = k
		VMOVUPS(v, r)
		o.fnmacc(t.val(e, ln2hi), kd, r)
		o.fnmacc(t.val(e, ln2lo), kd, r) // r = x − k·ln 2
		p := horner(o, t, r, coef)
		o.shl(Imm(uint64(mbits)), tk, tk) // k << mantissa bits
		o.iadd(tk, p, p)
		return p
	})
}

// logKernel emits ln x as fdlibm's log and logf (Go's math.Log): x =
// 2^k·m with √½ ≤ m < √2, found on the bits; f = m − 1, s = f/(2+f), and
// ln(1+f) = f − (f²/2 − s·(f²/2 + R(s²))) with fdlibm's minimax R
// (semantics.md VT2).
func logKernel(x isa, e elem, t *ctab) {
	o := opsOf(x, e)
	text("LogV"+e.name+x.name, fmt.Sprintf("func(d, a []%s) int", e.goT))
	Doc(fmt.Sprintf("LogV%s%s sets d[i] = ln a[i] over whole vectors, stopping before the first vector with a lane that is not a positive finite normal number.", e.name, x.name))
	// sqrtHalf is the bits of √½; one is the bits of 1; mant masks the
	// mantissa; magic is 2^mbits, whose low bits take an integer.
	sqrtHalf, one, mant, mbits := uint64(0x3fe6a09e667f3bcd), uint64(0x3ff0000000000000), uint64(1)<<52-1, 52
	magic, bias := uint64(0x4330000000000000), 0x1p52+1023
	ln2hi, ln2lo := 6.93147180369123816490e-01, 1.90821492927058770002e-10
	// The even and odd parts of R, in s⁴: t1 = s²·(L1 + s⁴·(L3 + …)), t2 = s⁴·(L2 + …).
	odd := []float64{6.666666666666735130e-01, 2.857142874366239149e-01, 1.818357216161805012e-01, 1.479819860511658591e-01}
	even := []float64{3.999999999940941908e-01, 2.222219843214978396e-01, 1.531383769920937332e-01}
	if e.size == 4 {
		sqrtHalf, one, mant, mbits = 0x3f3504f3, 0x3f800000, 1<<23-1, 23
		ln2hi, ln2lo = 6.9313812256e-01, 9.0580006145e-06
		odd = []float64{0xaaaaaa.0p-24, 0x91e9ee.0p-25}
		even = []float64{0xccce13.0p-25, 0xf89e26.0p-26}
	}
	rg := logRange[e.size]
	transcLoop(x, e, between(o, t, rg[0], rg[1]), func(v reg.VecVirtual) reg.VecVirtual {
		u, kd, m := x.vec(), x.vec(), x.vec()
		o.iadd(t.bits(e, one-sqrtHalf), v, u) // u = bits + (1 − √½)
		o.shr(Imm(uint64(mbits)), u, kd)      // the biased exponent of u
		if e.size == 4 {
			VCVTDQ2PS(kd, kd)
			o.sub(t.val(e, 127), kd, kd)
		} else {
			o.or(t.bits(e, magic), kd, kd)
			o.sub(t.val(e, bias), kd, kd) // k, exactly
		}
		o.and(t.bits(e, mant), u, m)
		o.iadd(t.bits(e, sqrtHalf), m, m) // m in [√½, √2)
		f, s, z, w := x.vec(), x.vec(), x.vec(), x.vec()
		o.sub(t.val(e, 1), m, f) // f = m − 1, exact
		o.add(t.val(e, 2), f, s)
		o.div(s, f, s) // s = f/(2+f)
		o.mul(s, s, z)
		o.mul(z, z, w)
		t1 := horner(o, t, w, odd)
		o.mul(z, t1, t1)
		t2 := horner(o, t, w, even)
		o.mul(w, t2, t2)
		o.add(t2, t1, t1) // R
		hf := x.vec()
		o.mul(f, f, hf)
		o.mul(t.val(e, 0.5), hf, hf) // f²/2
		o.add(hf, t1, t1)            // f²/2 + R
		lo := x.vec()
		o.mul(t.val(e, ln2lo), kd, lo)
		o.fmacc(s, t1, lo)  // s·(f²/2 + R) + k·ln2lo
		o.sub(lo, hf, hf)   // f²/2 − that
		o.sub(f, hf, hf)    // − f
		r := x.vec()
		o.mul(t.val(e, ln2hi), kd, r)
		o.sub(hf, r, r) // k·ln2hi − (…)
		return r
	})
}

// transcKernels emits the kernels of this file for every instruction set
// and element type.
func transcKernels() {
	t := newCtab("transcConst")
	for _, x := range isas {
		for _, e := range elems {
			expKernel(x, e, t)
			logKernel(x, e, t)
		}
	}
}

// transcFamilies are the dispatch functions of the kernels of this file.
func transcFamilies() []family {
	var fs []family
	for _, e := range elems {
		for _, f := range []string{"Exp", "Log"} {
			fs = append(fs, family{lower(f) + e.name, "d, a []" + e.goT, "d, a", "", [][2]string{{"", f + "V" + e.name}}, true})
		}
	}
	return fs
}

// lower returns s with its first letter in lower case.
func lower(s string) string { return string(s[0]+'a'-'A') + s[1:] }
