package main

// intFamilies returns the dispatch functions of the kernels of ints.go.
func intFamilies() []family {
	var fs []family
	for _, e := range ints {
		t, n := e.goT, e.name
		var vv, vs, sv [][2]string
		for _, o := range intArith {
			if pickInt(e, o.b, o.d, o.q) == nil {
				continue
			}
			vv = append(vv, [2]string{o.name, o.name + "VV" + n})
			vs = append(vs, [2]string{o.name, o.name + "VS" + n})
			if o.name == "Sub" {
				sv = append(sv, [2]string{o.name, "SubSV" + n})
			} else { // commutative
				sv = append(sv, [2]string{o.name, o.name + "VS" + n + "%s(d, b, s)"})
			}
		}
		a5 := avx512Int(e)
		fs = append(fs,
			family{"vv" + n, "op Op, d, a, b []" + t, "d, a, b", "op", vv, a5},
			family{"vs" + n, "op Op, d, a []" + t + ", s " + t, "d, a, s", "op", vs, a5},
			family{"sv" + n, "op Op, d []" + t + ", s " + t + ", b []" + t, "d, s, b", "op", sv, a5})
		var cvv, cvs, csv [][2]string
		for _, p := range predicates {
			cvv = append(cvv, [2]string{p.name, p.name + "VV" + n})
			cvs = append(cvs, [2]string{p.name, p.name + "VS" + n})
			csv = append(csv, [2]string{p.name, p.name + "SV" + n})
		}
		fs = append(fs,
			family{"cmpVV" + n, "p Pred, d []bool, a, b []" + t, "d, a, b", "p", cvv, a5},
			family{"cmpVS" + n, "p Pred, d []bool, a []" + t + ", s " + t, "d, a, s", "p", cvs, a5},
			family{"cmpSV" + n, "p Pred, d []bool, s " + t + ", b []" + t, "d, s, b", "p", csv, a5},
			family{"intSum" + n, "s []" + t + ", r *[64]" + t, "s, r", "", [][2]string{{"", "SumLanes" + n}}, a5})
		if e.size != 8 {
			fs = append(fs, family{"intExtreme" + n, "isMax bool, s []" + t + ", r *[64]" + t, "s, r", "isMax", [][2]string{{"true", "MaxLanes" + n}, {"false", "MinLanes" + n}}, a5})
		}
	}
	for _, e := range elems {
		t, n := e.goT, e.name
		fs = append(fs,
			family{"addRows4" + n, "d, r0, r1, r2, r3 []" + t, "d, r0, r1, r2, r3", "", [][2]string{{"", "AddRows4" + n}}, true},
			family{"dotLanes" + n, "a, b []" + t + ", r *[16]" + t, "a, b, r", "", [][2]string{{"", "DotLanes" + n}}, true})
	}
	fs = append(fs,
		family{"i32ToF32", "d []float32, s []int32", "d, s", "", [][2]string{{"", "I32ToF32"}}, true},
		family{"i32ToF64", "d []float64, s []int32", "d, s", "", [][2]string{{"", "I32ToF64"}}, true},
		family{"u8ToF64", "d []float64, s []uint8", "d, s", "", [][2]string{{"", "U8ToF64"}}, true},
		family{"f16ToF32", "d []float32, s []uint16", "d, s", "", [][2]string{{"", "F16ToF32"}}, true},
		family{"f32ToF16", "d []uint16, s []float32", "d, s", "", [][2]string{{"", "F32ToF16"}}, true})
	return fs
}
