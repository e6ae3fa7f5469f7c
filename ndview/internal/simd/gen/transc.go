package main

// The transcendental kernels (semantics.md §32): e^x, 2^x, e^x − 1,
// tanh x, ln x, log₂ x, ln(1 + x), sin x and cos x, float32 and float64, AVX2 (with FMA) and AVX-512. Every kernel
// computes in float64 (float32 lanes are widened, computed and rounded
// once), and its Go twin in package kernels does the same operations in
// the same order, with math.FMA where the kernel fuses, so that the vector
// and the Go loop give the same bits. Each kernel works on whole vectors
// from the start of d and stops before the first vector holding a lane
// outside its fast range (NaN, ±Inf, and arguments whose results need
// care), returning the number of elements it wrote; the Go loop computes
// that vector, and calls the kernel again after it. Nothing is written
// past the returned count, so a kernel run in place (d and a the same
// slice) is restarted safely.

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
	and, or, xor       insn
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
		and: fn(VPAND), or: fn(VPOR), xor: fn(VPXOR),
	}
	if x.k {
		o.and, o.or, o.xor = pick(e, VPANDD, VPANDQ), pick(e, VPORD, VPORQ), pick(e, VPXORD, VPXORQ)
	}
	return o
}

// A tfunc is one function's float64 body: its fast range [lo, hi] (of x,
// or of |x| when abs), and the code that computes it from v into a vector.
type tfunc struct {
	name   string
	lo, hi float64
	abs    bool
	body   func(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual
}

// transcKernel emits the kernel of f for elements e under x: a loop over
// whole vectors of float64 lanes (for float32, half a vector of float32
// widened), each checked against f's range, computed and stored.
func transcKernel(x isa, e elem, t *ctab, f tfunc) {
	o := opsOf(x, f64)
	name := f.name + "V" + e.name + x.name
	text(name, fmt.Sprintf("func(d, a []%s) int", e.goT))
	rng := fmt.Sprintf("[%g, %g]", f.lo, f.hi)
	if f.abs {
		rng = "|x| in " + rng
	}
	Doc(fmt.Sprintf("%s sets d[i] = %s(a[i]) over whole vectors of %d lanes, computed in float64, stopping before the first vector with a lane outside %s or NaN.", name, f.name, x.per(f64), rng))
	d, a, n, i := Load(Param("d").Base(), GP64()), Load(Param("a").Base(), GP64()), Load(Param("d").Len(), GP64()), GP64()
	lanes := x.per(f64)
	XORQ(i, i)
	lim := GP64()
	MOVQ(n, lim)
	SUBQ(Imm(uint64(lanes)), lim)
	Label("loop")
	CMPQ(i, lim)
	JGT(LabelRef("done"))
	v := x.vec()
	if e.size == 4 {
		VCVTPS2PD(at(a, i, e, 0), v)
	} else {
		VMOVUPD(at(a, i, e, 0), v)
	}
	chk := v
	if f.abs {
		chk = x.vec()
		o.and(t.bits(f64, 1<<63-1), v, chk)
	}
	inRange(o, t, chk, f.lo, f.hi)
	r := f.body(o, t, v)
	if e.size == 4 {
		h := YMM()
		if !x.k {
			h = XMM()
			VCVTPD2PSY(r, h)
		} else {
			VCVTPD2PS(r, h)
		}
		VMOVUPS(h, at(d, i, e, 0))
	} else {
		VMOVUPD(r, at(d, i, e, 0))
	}
	ADDQ(Imm(uint64(lanes)), i)
	JMP(LabelRef("loop"))
	Label("done")
	Store(i, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// inRange jumps to the label done unless lo <= v <= hi in every lane
// (false on NaN).
func inRange(o vops, t *ctab, v reg.VecVirtual, lo, hi float64) {
	x, e := o.x, o.e
	full := uint64(1)<<x.per(e) - 1
	bits := GP32()
	if x.k {
		k1, k2 := K(), K()
		VCMPPD(Imm(0x1d), t.val(e, lo), v, k1) // v >= lo, ordered
		VCMPPD(Imm(0x12), t.val(e, hi), v, k2) // v <= hi, ordered
		KANDW(k1, k2, k1)
		KMOVW(k1, bits)
	} else {
		m1, m2 := x.vec(), x.vec()
		VCMPPD(Imm(0x1d), t.val(e, lo), v, m1)
		VCMPPD(Imm(0x12), t.val(e, hi), v, m2)
		VANDPD(m1, m2, m1)
		VMOVMSKPD(m1, bits)
	}
	CMPL(bits, U32(uint32(full)))
	JNE(LabelRef("done"))
}

// horner sets p = c[0] + r·(c[1] + r·(… + r·c[len(c)−1])), each step one
// FMA.
func horner(o vops, t *ctab, r reg.VecVirtual, c []float64) reg.VecVirtual {
	p := o.x.vec()
	VMOVUPD(t.val(o.e, c[len(c)-1]), p)
	for k := len(c) - 2; k >= 0; k-- {
		o.fmadd(t.val(o.e, c[k]), r, p)
	}
	return p
}

// The constants the kernels share with their Go twins
// (kernels/transc.go, which must change with them).
const (
	shift52 = 0x1.8p52 // 1.5·2⁵²: x + shift52 rounds x to an integer in the low bits
	ln2Hi   = 0x1.62e42fefa39efp-1
	ln2Lo   = 0x1.abc9e3b39803fp-56
	pio2a   = 0x1.921fb54442d18p+0 // π/2 in three parts
	pio2b   = 0x1.1a62633145c07p-54
	pio2c   = -0x1.f1976b7ed8fbcp-110
)

// taylor returns the coefficients sign·1/k! for k = from, from+2, …, to,
// the signs alternating from sign.
func taylor(from, to int, sign float64) []float64 {
	var c []float64
	for k := from; k <= to; k += 2 {
		f := 1.0
		for j := 2; j <= k; j++ {
			f *= float64(j)
		}
		c = append(c, sign/f)
		sign = -sign
	}
	return c
}

// expFunc is e^x: x = k·ln 2 + r (expReduce), e^r by its Taylor
// polynomial of degree 13 (|r| ≤ 0.35), and k added to the exponent of
// the result as an integer. The range keeps the result normal.
var expFunc = tfunc{"Exp", -708.3, 709.7, false, func(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual {
	tk, _, r := expReduce(o, t, v)
	p := horner(o, t, r, expPoly())
	o.shl(Imm(52), tk, tk) // k << 52
	o.iadd(tk, p, p)
	return p
}}

// expReduce emits x = k·ln 2 + r: k = round(x·log₂e), found by adding
// shift52, whose low bits are then k (in tk), kd = k as a float64, and r
// reduced by ln 2 in two parts with FMA.
func expReduce(o vops, t *ctab, v reg.VecVirtual) (tk, kd, r reg.VecVirtual) {
	x, e := o.x, o.e
	tk, kd, r = x.vec(), x.vec(), x.vec()
	VMOVUPD(t.val(e, shift52), tk)
	o.fmacc(t.val(e, math.Log2E), v, tk) // tk = x·log₂e + shift
	o.sub(t.val(e, shift52), tk, kd)     // kd = k
	VMOVUPD(v, r)
	o.fnmacc(t.val(e, ln2Hi), kd, r)
	o.fnmacc(t.val(e, ln2Lo), kd, r) // r = x − k·ln 2
	return tk, kd, r
}

// expPoly returns the Taylor coefficients of e^r to degree 13, 1/k!.
func expPoly() []float64 {
	c := make([]float64, 14)
	f := 1.0
	for k := range c {
		if k > 0 {
			f *= float64(k)
		}
		c[k] = 1 / f
	}
	return c
}

// exp2Poly returns the coefficients of 2^r to degree 13, (ln 2)^k/k!.
func exp2Poly() []float64 {
	c := make([]float64, 14)
	c[0] = 1
	for k := 1; k < len(c); k++ {
		c[k] = c[k-1] * math.Ln2 / float64(k)
	}
	return c
}

// exp2Func is 2^x: x = k + r with k = round(x) (by shift52) and r = x −
// k exact, 2^r by its Taylor polynomial of degree 13 (|r| ≤ ½), and k
// added to the exponent. The range keeps the result normal.
var exp2Func = tfunc{"Exp2", -1021.5, 1023.49, false, func(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual {
	x, e := o.x, o.e
	tk, kd, r := x.vec(), x.vec(), x.vec()
	o.add(t.val(e, shift52), v, tk)
	o.sub(t.val(e, shift52), tk, kd)
	o.sub(kd, v, r) // r = x − k, exact
	p := horner(o, t, r, exp2Poly())
	o.shl(Imm(52), tk, tk)
	o.iadd(tk, p, p)
	return p
}}

// expm1Body emits e^x − 1 for x in the range of expm1Func: x = k·ln 2 +
// r (expReduce), e^r − 1 = r + r²·Q(r) with Q the Taylor polynomial from
// 1/2!, and 2^k·(e^r − 1) + (2^k − 1) in one FMA, 2^k built on its bits.
// The result takes the sign of x, which it has but for −0.
func expm1Body(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual {
	x, e := o.x, o.e
	tk, _, r := expReduce(o, t, v)
	z := x.vec()
	o.mul(r, r, z)
	p := horner(o, t, r, expPoly()[2:])
	o.fmadd(r, z, p)       // p = r + r²·Q(r)
	o.shl(Imm(52), tk, tk) // k << 52
	o.iadd(t.bits(e, logOne), tk, tk)
	sm1 := x.vec()
	o.sub(t.val(e, 1), tk, sm1) // 2^k − 1
	o.fmadd(sm1, tk, p)         // p = 2^k·p + (2^k − 1)
	sign := x.vec()
	o.and(t.bits(e, 1<<63), v, sign)
	o.or(sign, p, p)
	return p
}

// expm1Func is e^x − 1 by expm1Body; the range keeps 2^k normal.
var expm1Func = tfunc{"Expm1", -708.3, 709, false, expm1Body}

// tanhFunc is tanh x = −t/(t + 2) with t = e^(−2|x|) − 1 (expm1Body),
// with the sign of x. Above 22 tanh rounds to ±1, which the Go loop
// returns.
var tanhFunc = tfunc{"Tanh", 0, 22, true, func(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual {
	x, e := o.x, o.e
	w := x.vec()
	o.and(t.bits(e, 1<<63-1), v, w)
	o.mul(t.val(e, -2), w, w) // −2|x|, exact
	tm := expm1Body(o, t, w)
	den := x.vec()
	o.add(t.val(e, 2), tm, den)
	o.div(den, tm, tm)                // t/(t + 2) ≤ 0
	o.and(t.bits(e, 1<<63-1), tm, tm) // its magnitude
	sign := x.vec()
	o.and(t.bits(e, 1<<63), v, sign)
	o.or(sign, tm, tm)
	return tm
}}

// logParts emits the parts of ln x as fdlibm's log (Go's math.Log)
// computes them for a positive normal x: x = 2^k·m with √½ ≤ m < √2,
// found on the bits; f = m − 1, s = f/(2+f), hf = f²/2, and hr = f²/2 +
// R(s²) with fdlibm's minimax R, so that ln(1+f) = f − (hf − s·hr).
func logParts(o vops, t *ctab, v reg.VecVirtual) (kd, f, hf, s, hr reg.VecVirtual) {
	x, e := o.x, o.e
	u, m := x.vec(), x.vec()
	kd = x.vec()
	o.iadd(t.bits(e, logOne-logSqrtHalf), v, u) // u = bits + (1 − √½)
	o.shr(Imm(52), u, kd)                       // the biased exponent of u
	o.or(t.bits(e, 0x4330000000000000), kd, kd)
	o.sub(t.val(e, 0x1p52+1023), kd, kd) // k, exactly
	o.and(t.bits(e, 1<<52-1), u, m)
	o.iadd(t.bits(e, logSqrtHalf), m, m) // m in [√½, √2)
	f, s = x.vec(), x.vec()
	z, w := x.vec(), x.vec()
	o.sub(t.val(e, 1), m, f) // f = m − 1, exact
	o.add(t.val(e, 2), f, s)
	o.div(s, f, s) // s = f/(2+f)
	o.mul(s, s, z)
	o.mul(z, z, w)
	hr = horner(o, t, w, logOdd)
	o.mul(z, hr, hr)
	t2 := horner(o, t, w, logEven)
	o.mul(w, t2, t2)
	o.add(t2, hr, hr) // R
	hf = x.vec()
	o.mul(f, f, hf)
	o.mul(t.val(e, 0.5), hf, hf) // f²/2
	o.add(hf, hr, hr)            // f²/2 + R
	return kd, f, hf, s, hr
}

// logBody emits ln x for a positive normal x, as fdlibm: k·ln2hi − ((hf
// − (s·hr + k·ln2lo)) − f).
func logBody(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual {
	x, e := o.x, o.e
	kd, f, hf, s, hr := logParts(o, t, v)
	lo := x.vec()
	o.mul(t.val(e, ln2LoLog), kd, lo)
	o.fmacc(s, hr, lo) // s·(f²/2 + R) + k·ln2lo
	o.sub(lo, hf, hf)  // f²/2 − that
	o.sub(f, hf, hf)   // − f
	r := x.vec()
	o.mul(t.val(e, ln2HiLog), kd, r)
	o.sub(hf, r, r) // k·ln2hi − (…)
	return r
}

// logFunc is ln x by logBody; the range is the positive normal numbers.
var logFunc = tfunc{"Log", 0x1p-1022, math.MaxFloat64, false, logBody}

// log2Func is log₂ x = k + ln(m)·log₂e in one FMA, ln m = f − (hf − s·hr)
// from logParts: exact at powers of two.
var log2Func = tfunc{"Log2", 0x1p-1022, math.MaxFloat64, false, func(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual {
	x, e := o.x, o.e
	kd, f, hf, s, hr := logParts(o, t, v)
	o.mul(s, hr, hr)
	o.sub(hr, hf, hf) // hf − s·hr
	lnm := x.vec()
	o.sub(hf, f, lnm)                      // ln m
	o.fmacc(t.val(e, math.Log2E), lnm, kd) // k + ln m·log₂e
	return kd
}}

// log1pFunc is ln(1 + x) = ln u + c with u = 1 + x rounded and c = (x −
// (u − 1))/u the correction of its rounding (logBody of u, normal over
// the range), with the sign of x, which it has but for −0.
var log1pFunc = tfunc{"Log1p", -1 + 0x1p-53, math.MaxFloat64, false, func(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual {
	x, e := o.x, o.e
	u, c := x.vec(), x.vec()
	o.add(t.val(e, 1), v, u)
	o.sub(t.val(e, 1), u, c) // u − 1
	o.sub(c, v, c)           // x − (u − 1)
	o.div(u, c, c)
	r := logBody(o, t, u)
	o.add(c, r, r)
	sign := x.vec()
	o.and(t.bits(e, 1<<63), v, sign)
	o.or(sign, r, r)
	return r
}}

// fdlibm's constants of log.
const (
	logSqrtHalf = 0x3fe6a09e667f3bcd // the bits of √½
	logOne      = 0x3ff0000000000000 // the bits of 1
	ln2HiLog    = 6.93147180369123816490e-01
	ln2LoLog    = 1.90821492927058770002e-10
)

// logOdd and logEven are fdlibm's R(s²) = s²·(L1 + s⁴·(L3 + …)) + s⁴·(L2 + …).
var (
	logOdd  = []float64{6.666666666666735130e-01, 2.857142874366239149e-01, 1.818357216161805012e-01, 1.479819860511658591e-01}
	logEven = []float64{3.999999999940941908e-01, 2.222219843214978396e-01, 1.531383769920937332e-01}
)

// sinCos emits sin x (or cos x): |x| = q·π/2 + r with q = round(|x|·2/π),
// r reduced by π/2 in three parts with FMA (|r| ≤ π/4), sin r and cos r by
// their Taylor polynomials (to r¹⁷ and r¹⁸), the one of them that the
// quadrant q (q+1 for cos) picks, its sign flipped for quadrants 2 and 3
// and, for sin, by the sign of x.
func sinCos(isCos bool) func(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual {
	return func(o vops, t *ctab, v reg.VecVirtual) reg.VecVirtual {
		x, e := o.x, o.e
		ax, tq, qd, r := x.vec(), x.vec(), x.vec(), x.vec()
		o.and(t.bits(e, 1<<63-1), v, ax)
		VMOVUPD(t.val(e, shift52), tq)
		o.fmacc(t.val(e, 2/math.Pi), ax, tq) // tq = |x|·2/π + shift
		o.sub(t.val(e, shift52), tq, qd)     // q
		VMOVUPD(ax, r)
		o.fnmacc(t.val(e, pio2a), qd, r)
		o.fnmacc(t.val(e, pio2b), qd, r)
		o.fnmacc(t.val(e, pio2c), qd, r) // r = |x| − q·π/2
		if isCos {
			o.iadd(t.bits(e, 1), tq, tq) // cos x = sin(x + π/2)
		}
		z, rz := x.vec(), x.vec()
		o.mul(r, r, z)
		o.mul(z, r, rz)
		sn := horner(o, t, z, taylor(3, 17, -1))
		o.fmadd(r, rz, sn) // sin r = r + r³·S(r²)
		cs := horner(o, t, z, taylor(2, 18, -1))
		o.fmadd(t.val(e, 1), z, cs) // cos r = 1 + r²·C(r²)
		// Odd quadrants take cos r.
		if x.k {
			k := K()
			VPTESTMQ(t.bits(e, 1), tq, k)
			VMOVUPD(cs, k, sn)
		} else {
			m := x.vec()
			o.shl(Imm(63), tq, m)
			VBLENDVPD(m, cs, sn, sn)
		}
		sign := x.vec()
		o.shl(Imm(62), tq, sign) // bit 1 of the quadrant to the sign
		if !isCos {
			o.xor(v, sign, sign) // and the sign of x
		}
		o.and(t.bits(e, 1<<63), sign, sign)
		o.xor(sign, sn, sn)
		return sn
	}
}

// sinMax bounds |x| where sin and cos reduce in three parts (2²⁰·π/2, as
// fdlibm's medium range).
const sinMax = 0x1p20 * pio2a

// tfuncs are the functions with kernels.
var tfuncs = []tfunc{
	expFunc,
	exp2Func,
	expm1Func,
	tanhFunc,
	logFunc,
	log2Func,
	log1pFunc,
	{"Sin", 0, sinMax, true, sinCos(false)},
	{"Cos", 0, sinMax, true, sinCos(true)},
}

// transcKernels emits the kernels of this file for every instruction set
// and element type.
func transcKernels() {
	t := newCtab("transcConst")
	for _, x := range isas {
		for _, e := range elems {
			for _, f := range tfuncs {
				transcKernel(x, e, t, f)
			}
		}
	}
}

// transcFamilies are the dispatch functions of the kernels of this file.
func transcFamilies() []family {
	var fs []family
	for _, e := range elems {
		for _, f := range tfuncs {
			fs = append(fs, family{lower(f.name) + e.name, "d, a []" + e.goT, "d, a", "", [][2]string{{"", f.name + "V" + e.name}}, true})
		}
	}
	return fs
}

// lower returns s with its first letter in lower case.
func lower(s string) string { return string(s[0]+'a'-'A') + s[1:] }
