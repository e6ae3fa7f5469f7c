// Command gen writes the amd64 microkernels of package gemm with avo
// (github.com/mmcloughlin/avo): register-blocked FMA kernels for AVX2 and
// AVX-512, float32 and float64. Run it through go generate in the parent
// directory:
//
//	go run ./gen -out kernel_amd64.s -stubs kernel_amd64.go -pkg gemm
//
// Every kernel has one contract (semantics.md §28, GM3). Given packed
// panels a (kc steps of MR elements: column p of an MR-row block of A) and
// b (kc steps of NR elements: row p of an NR-column block of B), it sums
// the kc outer products a[p]·b[p] in MR·NR vector accumulators, p in
// increasing order, one FMA per element and step, then stores the MR×NR
// tile into c (row i at c + i·ldc elements, NR contiguous elements), added
// to what c holds when load is not 0.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// spec is one microkernel: its name, element type, vector registers and
// tile (MR rows by NV vectors of columns).
type spec struct {
	name string
	f64  bool
	zmm  bool
	mr   int
	nv   int
}

// unroll is how many steps of p one pass of the main loop takes.
const unroll = 4

func main() {
	Package("github.com/ndkit/ndkit/linalg/internal/gemm")
	ConstraintExpr("!purego")
	for _, s := range []spec{
		{"kernF64AVX2", true, false, 6, 2},
		{"kernF32AVX2", false, false, 6, 2},
		{"kernF64AVX512", true, true, 8, 3},
		{"kernF32AVX512", false, true, 8, 3},
	} {
		kernel(s)
	}
	mul4x4(false)
	mul4x4(true)
	Generate()
}

func kernel(s spec) {
	es, vl := 4, 32 // element size, vector length in bytes
	typ := "float32"
	if s.f64 {
		es, typ = 8, "float64"
	}
	if s.zmm {
		vl = 64
	}
	nr := s.nv * vl / es
	mov, bcast, fma, add, xor := VMOVUPS, VBROADCASTSS, VFMADD231PS, VADDPS, VXORPS
	if s.f64 {
		mov, bcast, fma, add, xor = VMOVUPD, VBROADCASTSD, VFMADD231PD, VADDPD, VXORPD
	}
	vec := func(i int) VecPhysical { // vector register i
		if s.zmm {
			return []VecPhysical{Z0, Z1, Z2, Z3, Z4, Z5, Z6, Z7, Z8, Z9, Z10, Z11, Z12, Z13, Z14, Z15,
				Z16, Z17, Z18, Z19, Z20, Z21, Z22, Z23, Z24, Z25, Z26, Z27, Z28, Z29, Z30, Z31}[i]
		}
		return []VecPhysical{Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14, Y15}[i]
	}
	// Registers: B row vectors, then broadcasts, then accumulators.
	nb := 1 // broadcast registers
	if s.zmm {
		nb = 2
	}
	bv := func(j int) VecPhysical { return vec(j) }
	av := func(i int) VecPhysical { return vec(s.nv + i%nb) }
	acc := func(i, j int) VecPhysical { return vec(s.nv + nb + i*s.nv + j) }
	if s.nv+nb+s.mr*s.nv > map[bool]int{false: 16, true: 32}[s.zmm] {
		panic("too many registers")
	}

	TEXT(s.name, NOSPLIT, fmt.Sprintf("func(k int, a, b, c *%s, ldc int, load int)", typ))
	Doc(fmt.Sprintf("%s stores into the %d×%d tile at c the product of the packed panels a (k steps of %d) and b (k steps of %d), added to c when load is not 0.", s.name, s.mr, nr, s.mr, nr))
	k := Load(Param("k"), GP64())
	pa := Load(Param("a"), GP64())
	pb := Load(Param("b"), GP64())
	pc := Load(Param("c"), GP64())
	ldc := Load(Param("ldc"), GP64())
	load := Load(Param("load"), GP64())
	if s.f64 {
		SHLQ(U8(3), ldc)
	} else {
		SHLQ(U8(2), ldc)
	}
	for i := range s.mr {
		for j := range s.nv {
			xor(acc(i, j), acc(i, j), acc(i, j))
		}
	}
	step := func(u int) {
		for j := range s.nv {
			mov(Mem{Base: pb, Disp: u*nr*es + j*vl}, bv(j))
		}
		for i := range s.mr {
			bcast(Mem{Base: pa, Disp: (u*s.mr + i) * es}, av(i))
			for j := range s.nv {
				fma(bv(j), av(i), acc(i, j))
			}
		}
	}
	Label(s.name + "_loop4")
	CMPQ(k, U32(unroll))
	JL(LabelRef(s.name + "_loop1"))
	for u := range unroll {
		step(u)
	}
	ADDQ(U32(unroll*s.mr*es), pa)
	ADDQ(U32(unroll*nr*es), pb)
	SUBQ(U32(unroll), k)
	JMP(LabelRef(s.name + "_loop4"))

	Label(s.name + "_loop1")
	TESTQ(k, k)
	JE(LabelRef(s.name + "_store"))
	step(0)
	ADDQ(U32(s.mr*es), pa)
	ADDQ(U32(nr*es), pb)
	DECQ(k)
	JMP(LabelRef(s.name + "_loop1"))

	Label(s.name + "_store")
	TESTQ(load, load)
	JE(LabelRef(s.name + "_overwrite"))
	for i := range s.mr {
		for j := range s.nv {
			add(Mem{Base: pc, Disp: j * vl}, acc(i, j), acc(i, j))
			mov(acc(i, j), Mem{Base: pc, Disp: j * vl})
		}
		ADDQ(ldc, pc)
	}
	VZEROUPPER()
	RET()

	Label(s.name + "_overwrite")
	for i := range s.mr {
		for j := range s.nv {
			mov(acc(i, j), Mem{Base: pc, Disp: j * vl})
		}
		ADDQ(ldc, pc)
	}
	VZEROUPPER()
	RET()
}

// mul4x4 writes the batch kernel of 4×4 by 4×4 products of row-major
// matrices (unit column stride, any row stride): per product, the rows of
// B in four vector registers, each row of C the sum over p of a[i,p]
// times row p of B, p in increasing order, by one multiply and three
// FMAs. Strides are in elements; the AVX2+FMA instructions work on 128-bit
// (float32) or 256-bit (float64) vectors.
func mul4x4(f64 bool) {
	name, typ, shift := "mul4x4F32FMA", "float32", uint8(2)
	mov, bcast, mul, fma := VMOVUPS, VBROADCASTSS, VMULPS, VFMADD231PS
	v := []VecPhysical{X0, X1, X2, X3, X4, X5, X6, X7, X8}
	if f64 {
		name, typ, shift = "mul4x4F64FMA", "float64", 3
		mov, bcast, mul, fma = VMOVUPD, VBROADCASTSD, VMULPD, VFMADD231PD
		v = []VecPhysical{Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8}
	}
	es := 1 << shift
	TEXT(name, NOSPLIT, fmt.Sprintf("func(count int, c, a, b *%s, rc, ra, rb, sc, sa, sb int)", typ))
	Doc(fmt.Sprintf("%s stores A_q·B_q into C_q for q in [0, count): 4×4 row-major matrices with row strides rc, ra, rb, the q-th at c + q·sc, a + q·sa, b + q·sb (strides in elements).", name))
	count := Load(Param("count"), GP64())
	pc, pa, pb := Load(Param("c"), GP64()), Load(Param("a"), GP64()), Load(Param("b"), GP64())
	rs := make([]Register, 3)
	rs3 := make([]Register, 3)
	for i, n := range []string{"rc", "ra", "rb"} {
		rs[i] = Load(Param(n), GP64())
		SHLQ(U8(shift), rs[i])
		rs3[i] = GP64()
		LEAQ(Mem{Base: rs[i], Index: rs[i], Scale: 2}, rs3[i])
	}
	ss := make([]Register, 3)
	for i, n := range []string{"sc", "sa", "sb"} {
		ss[i] = Load(Param(n), GP64())
		SHLQ(U8(shift), ss[i])
	}
	row := func(base, r, r3 Register, i, disp int) Mem {
		switch i {
		case 0:
			return Mem{Base: base, Disp: disp}
		case 1:
			return Mem{Base: base, Index: r, Scale: 1, Disp: disp}
		case 2:
			return Mem{Base: base, Index: r, Scale: 2, Disp: disp}
		}
		return Mem{Base: base, Index: r3, Scale: 1, Disp: disp}
	}
	Label(name + "_loop")
	TESTQ(count, count)
	JE(LabelRef(name + "_done"))
	for p := range 4 {
		mov(row(pb, rs[2], rs3[2], p, 0), v[p])
	}
	for i := range 4 {
		acc := v[5+i%4]
		for p := range 4 {
			bcast(row(pa, rs[1], rs3[1], i, p*es), v[4])
			if p == 0 {
				mul(v[0], v[4], acc)
			} else {
				fma(v[p], v[4], acc)
			}
		}
		mov(acc, row(pc, rs[0], rs3[0], i, 0))
	}
	ADDQ(ss[0], pc)
	ADDQ(ss[1], pa)
	ADDQ(ss[2], pb)
	DECQ(count)
	JMP(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
