"""Writes print.json: NumPy 1.24's str() of arrays under print options.
Run with /usr/bin/python3 (NumPy 1.24.2) from this directory; ndview's
print tests read the JSON and never need Python.

Each case gives the values (explicitly, or as start + i*step for
i < n, computed in float64 as Go computes them), the dtype, the shape, an
optional transpose, the options and NumPy's text."""
import json

import numpy as np

DT = {"float64": np.float64, "float32": np.float32, "float16": np.float16,
      "int64": np.int64, "int8": np.int8, "uint8": np.uint8,
      "complex128": np.complex128, "complex64": np.complex64, "bool": np.bool_}


def enc(x):
    if isinstance(x, (np.complexfloating, complex)):
        return repr(float(x.real)) + "," + repr(float(x.imag))
    if isinstance(x, (np.bool_, bool)):
        return "true" if x else "false"
    if isinstance(x, (np.floating, float)):
        return repr(float(x))
    return str(int(x))


cases = []


def case(name, dtype, shape, values=None, ramp=None, transpose=False, **opts):
    if ramp is not None:
        n, start, step = ramp
        vals = [start + i * step for i in range(n)]
    else:
        vals = values
    a = np.array(vals, dtype=DT[dtype]).reshape(shape)
    if transpose:
        a = a.T
    c = {"name": name, "dtype": dtype, "shape": list(shape), "transpose": transpose, "opts": opts}
    if ramp is not None:
        c["ramp"] = list(ramp)
    else:
        c["values"] = [enc(x) for x in np.array(vals, dtype=DT[dtype]).ravel()]
    with np.printoptions(**opts):
        c["text"] = str(a)
    cases.append(c)


nan, inf = float("nan"), float("inf")
case("int 1-D", "int64", (5,), [3, -40, 0, 7, 12])
case("int wraps", "int64", (40,), ramp=(40, 0, 1))
case("int 2-D wraps one earlier", "int64", (2, 30), ramp=(60, 0, 1))
case("int 3-D rows near the width", "int64", (2, 2, 24), ramp=(96, 0, 1))
case("int8", "int8", (4,), [-128, 0, 5, 127])
case("uint8 sign plus", "uint8", (3,), [0, 7, 255], sign="+")
case("int sign space", "int64", (3,), [1, 22, 333], sign=" ")
case("int summarised 1000x1000", "int64", (1000, 1000), ramp=(1000000, 0, 1))
case("float summarised 1000x1000", "float64", (1000, 1000), ramp=(1000000, 0.0, 1 / 7))
case("int summarised 3-D", "int64", (10, 10, 30), ramp=(3000, 0, 1))
case("float 3-D", "float64", (2, 3, 4), ramp=(24, -1.5, 0.25))
case("floats with nan and inf", "float64", (4,), [1.0, 2.5, nan, -inf])
case("small floats go scientific", "float64", (3,), [1e-5, 1.5e-5, nan])
case("large range goes scientific", "float64", (2,), [1e8, 1.0])
case("ratio above 1000", "float64", (2,), [1e-3, 2.0])
case("zeros", "float64", (2,), [0.0, -0.0])
case("only nan", "float64", (1,), [nan])
case("only infinities", "float64", (2,), [-inf, inf])
case("tenths", "float64", (3,), [0.1, 0.2, 0.30000000000000004])
case("thirds precision 8", "float64", (3,), [1 / 3, 2 / 3, 1.0])
case("precision 3", "float64", (3,), [1 / 3, 2 / 3, 12.0], precision=3)
case("precision 0", "float64", (3,), [0.5, 1.5, 2.5], precision=0)
case("suppress", "float64", (3,), [1e-10, 1.0, 123.456], suppress=True)
case("suppress large", "float64", (2,), [1e9, 1.0], suppress=True)
case("sign plus", "float64", (3,), [1.5, -2.0, nan], sign="+")
case("sign space", "float64", (2,), [1.5, 2.0], sign=" ")
case("sign space with negative", "float64", (2,), [1.5, -2.0], sign=" ")
case("scientific mixed exponents", "float64", (3,), [1e-120, 1.0, 5e200])
case("normals", "float64", (3, 4), [0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254,
                                     -0.23415337472333597, -0.23413695694918055, 1.5792128155073915, 0.7674347291529088,
                                     -0.4694743859349521, 0.5425600435859647, -0.46341769281246226, -0.46572975357025687])
case("linewidth 20", "float64", (10,), ramp=(10, 0.0, 0.5), linewidth=20)
case("edgeitems 1 threshold 5", "int64", (4, 4), ramp=(16, 0, 1), edgeitems=1, threshold=5)
case("threshold 0", "int64", (7,), ramp=(7, 0, 1), threshold=0)
case("transposed floats", "float64", (3, 4), ramp=(12, 0.0, 1.5), transpose=True)
case("float32", "float32", (3,), [0.1, 1 / 3, 3.4e38])
case("float32 ordinary", "float32", (3,), [0.1, 1 / 3, 2.0])
case("float16", "float16", (4,), [0.1, 65504.0, 1 / 3, -2.0])
case("float16 tiny", "float16", (2,), [6e-8, 1.0])
case("complex", "complex128", (3,), [1 + 2j, 3.5 - 1j, complex(nan, inf)])
case("complex 2-D", "complex128", (2, 2), [1j, 2, -3 - 4.25j, 1e-3 + 1e3j])
case("complex64", "complex64", (2,), [0.1 + 0.2j, -1j])
case("bool", "bool", (2,), [True, False])
case("bool all true", "bool", (2, 2), [True] * 4)
case("bool summarised", "bool", (2000,), [i % 3 == 0 for i in range(2000)])
case("0-d float", "float64", (), [1.0])
case("0-d float big", "float64", (), [1e16])
case("0-d float small", "float64", (), [1.5e-5])
case("0-d float32", "float32", (), [0.1])
case("0-d float16", "float16", (), [65504.0])
case("0-d complex", "complex128", (), [1 + 2j])
case("0-d complex imaginary", "complex128", (), [2.5j])
case("0-d complex whole", "complex128", (), [1.5 - 0j])
case("0-d bool", "bool", (), [True])
case("0-d int", "int64", (), [-5])
case("0-d nan", "float64", (), [nan])
case("empty", "float64", (0,), [])
case("empty 2-D", "float64", (2, 0), [])
case("empty 3-D", "int64", (0, 2, 3), [])

with open("print.json", "w") as fh:
    json.dump({"numpy": np.__version__, "cases": cases}, fh, indent=1, sort_keys=True)
    fh.write("\n")
