//go:build !purego

package simd

import "golang.org/x/sys/cpu"

// The kernels are chosen once, from the CPU's features: AVX-512 where the
// CPU has AVX-512F and the operating system saves its registers (cpu
// checks both), else AVX2, else none.
func init() { use(best()) }

// best returns the best level the CPU runs.
func best() string {
	switch {
	case cpu.X86.HasAVX512F:
		return "AVX-512"
	case cpu.X86.HasAVX2:
		return "AVX2"
	}
	return "none"
}

// use installs the kernels of level, which the CPU runs.
func use(level string) {
	switch level {
	case "AVX-512":
		useAVX512()
	case "AVX2":
		useAVX2()
	}
}

// runs reports whether the CPU runs the kernels of level.
func runs(level string) bool {
	switch level {
	case "AVX-512":
		return cpu.X86.HasAVX512F
	case "AVX2":
		return cpu.X86.HasAVX2
	}
	return level == "none"
}

// useAVX2 installs the AVX2 kernels.
func useAVX2() {
	level = "AVX2"
	t32 = table[float32]{
		vv:    [nOps]func(d, a, b []float32) int{AddVVF32AVX2, SubVVF32AVX2, MulVVF32AVX2, DivVVF32AVX2},
		vs:    [nOps]func(d, a []float32, s float32) int{AddVSF32AVX2, SubVSF32AVX2, MulVSF32AVX2, DivVSF32AVX2},
		sv:    [nOps]func(d []float32, s float32, b []float32) int{Sub: SubSVF32AVX2, Div: DivSVF32AVX2},
		cmpVV: [nPreds]func(d []bool, a, b []float32) int{EqualVVF32AVX2, NotEqualVVF32AVX2, LessVVF32AVX2, LessEqualVVF32AVX2},
		cmpVS: [nPreds]func(d []bool, a []float32, s float32) int{EqualVSF32AVX2, NotEqualVSF32AVX2, LessVSF32AVX2, LessEqualVSF32AVX2},
		cmpSV: [nPreds]func(d []bool, s float32, b []float32) int{EqualSVF32AVX2, NotEqualSVF32AVX2, LessSVF32AVX2, LessEqualSVF32AVX2},
		sqrt:  SqrtVF32AVX2, neg: NegVF32AVX2, abs: AbsVF32AVX2,
		clip: ClipVF32AVX2,
		max:  MaxLanesF32AVX2, min: MinLanesF32AVX2, lanes: 8,
		sum8: SumLanesF32AVX2,
	}
	t64 = table[float64]{
		vv:    [nOps]func(d, a, b []float64) int{AddVVF64AVX2, SubVVF64AVX2, MulVVF64AVX2, DivVVF64AVX2},
		vs:    [nOps]func(d, a []float64, s float64) int{AddVSF64AVX2, SubVSF64AVX2, MulVSF64AVX2, DivVSF64AVX2},
		sv:    [nOps]func(d []float64, s float64, b []float64) int{Sub: SubSVF64AVX2, Div: DivSVF64AVX2},
		cmpVV: [nPreds]func(d []bool, a, b []float64) int{EqualVVF64AVX2, NotEqualVVF64AVX2, LessVVF64AVX2, LessEqualVVF64AVX2},
		cmpVS: [nPreds]func(d []bool, a []float64, s float64) int{EqualVSF64AVX2, NotEqualVSF64AVX2, LessVSF64AVX2, LessEqualVSF64AVX2},
		cmpSV: [nPreds]func(d []bool, s float64, b []float64) int{EqualSVF64AVX2, NotEqualSVF64AVX2, LessSVF64AVX2, LessEqualSVF64AVX2},
		sqrt:  SqrtVF64AVX2, neg: NegVF64AVX2, abs: AbsVF64AVX2,
		clip: ClipVF64AVX2,
		max:  MaxLanesF64AVX2, min: MinLanesF64AVX2, lanes: 4,
		sum8: SumLanesF64AVX2,
	}
	where32, where64 = Where32AVX2, Where64AVX2
	u8ToF32, f64ToF32, f32ToF64 = U8ToF32AVX2, F64ToF32AVX2, F32ToF64AVX2
}

// useAVX512 installs the AVX-512 kernels (AVX-512F only), with the AVX2
// sum of float32, whose eight lanes are one AVX2 vector.
func useAVX512() {
	level = "AVX-512"
	t32 = table[float32]{
		vv:    [nOps]func(d, a, b []float32) int{AddVVF32AVX512, SubVVF32AVX512, MulVVF32AVX512, DivVVF32AVX512},
		vs:    [nOps]func(d, a []float32, s float32) int{AddVSF32AVX512, SubVSF32AVX512, MulVSF32AVX512, DivVSF32AVX512},
		sv:    [nOps]func(d []float32, s float32, b []float32) int{Sub: SubSVF32AVX512, Div: DivSVF32AVX512},
		cmpVV: [nPreds]func(d []bool, a, b []float32) int{EqualVVF32AVX512, NotEqualVVF32AVX512, LessVVF32AVX512, LessEqualVVF32AVX512},
		cmpVS: [nPreds]func(d []bool, a []float32, s float32) int{EqualVSF32AVX512, NotEqualVSF32AVX512, LessVSF32AVX512, LessEqualVSF32AVX512},
		cmpSV: [nPreds]func(d []bool, s float32, b []float32) int{EqualSVF32AVX512, NotEqualSVF32AVX512, LessSVF32AVX512, LessEqualSVF32AVX512},
		sqrt:  SqrtVF32AVX512, neg: NegVF32AVX512, abs: AbsVF32AVX512,
		clip: ClipVF32AVX512,
		max:  MaxLanesF32AVX512, min: MinLanesF32AVX512, lanes: 16,
		sum8: SumLanesF32AVX2,
	}
	t64 = table[float64]{
		vv:    [nOps]func(d, a, b []float64) int{AddVVF64AVX512, SubVVF64AVX512, MulVVF64AVX512, DivVVF64AVX512},
		vs:    [nOps]func(d, a []float64, s float64) int{AddVSF64AVX512, SubVSF64AVX512, MulVSF64AVX512, DivVSF64AVX512},
		sv:    [nOps]func(d []float64, s float64, b []float64) int{Sub: SubSVF64AVX512, Div: DivSVF64AVX512},
		cmpVV: [nPreds]func(d []bool, a, b []float64) int{EqualVVF64AVX512, NotEqualVVF64AVX512, LessVVF64AVX512, LessEqualVVF64AVX512},
		cmpVS: [nPreds]func(d []bool, a []float64, s float64) int{EqualVSF64AVX512, NotEqualVSF64AVX512, LessVSF64AVX512, LessEqualVSF64AVX512},
		cmpSV: [nPreds]func(d []bool, s float64, b []float64) int{EqualSVF64AVX512, NotEqualSVF64AVX512, LessSVF64AVX512, LessEqualSVF64AVX512},
		sqrt:  SqrtVF64AVX512, neg: NegVF64AVX512, abs: AbsVF64AVX512,
		clip: ClipVF64AVX512,
		max:  MaxLanesF64AVX512, min: MinLanesF64AVX512, lanes: 8,
		sum8: SumLanesF64AVX512,
	}
	where32, where64 = Where32AVX512, Where64AVX512
	u8ToF32, f64ToF32, f32ToF64 = U8ToF32AVX512, F64ToF32AVX512, F32ToF64AVX512
}
