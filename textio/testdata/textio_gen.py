"""Writes textio.json: what NumPy 1.24 np.loadtxt, np.genfromtxt and
np.savetxt give for tricky inputs. Run with /usr/bin/python3 (NumPy 1.24.2)
from this directory; textio's tests read the JSON and never need Python."""
import io
import json
import warnings

import numpy as np

warnings.simplefilter("ignore")


def enc(x):
    """One element as a string the Go test parses exactly."""
    if isinstance(x, (np.complexfloating, complex)):
        return repr(float(x.real)) + "," + repr(float(x.imag))
    if isinstance(x, (np.bool_, bool)):
        return "true" if x else "false"
    if isinstance(x, (np.floating, float)):
        return repr(float(x))
    return str(int(x))


DT = {"float64": np.float64, "float32": np.float32, "float16": np.float16,
      "int64": np.int64, "int8": np.int8, "uint8": np.uint8, "uint64": np.uint64,
      "int32": np.int32, "complex128": np.complex128, "complex64": np.complex64,
      "bool": np.bool_}

LOAD = [
    ("basic", "1 2\n3 4\n", "float64", {}),
    ("blanks and tabs", " 1.5e-3\t 2 \n-0 +7\n", "float64", {}),
    ("crlf", "1 2\r\n3 4\r\n", "float64", {}),
    ("nan inf", "nan inf -inf NaN Inf +inf INF infinity nAn -nan\n", "float64", {}),
    ("points", "1.\n.5\n-.25e1\n", "float64", {}),
    ("range", "1e400 -1e400 1e-400 4.9e-324 2.2250738585072014e-308\n", "float64", {}),
    ("float32 rounding", "0.1 16777217 3.4028235e38 1e39 1e-46\n", "float32", {}),
    ("float16 rounding", "0.1 2049 65504 65519 1e-8 6e-8 -0\n", "float16", {}),
    ("float16 overflow", "65520\n", "float16", {}),
    ("float16 ties", "1.00048828125 1.00146484375 2050 2051 0.000030517578125\n", "float16", {}),
    ("int", " +3 -2 0\n", "int64", {}),
    ("int refuses 1.5", "1 1.5\n", "int64", {}),
    ("int refuses 1e3", "1e3 2\n", "int64", {}),
    ("int8 range", "127 -128\n", "int8", {}),
    ("int8 overflow", "300\n", "int8", {}),
    ("uint64 max", "18446744073709551615 0\n", "uint64", {}),
    ("complex", "1+2j 3 -1.5e3-2j (1+1j) 2j -2.5j inf+nanj 1e2+1e-2j\n", "complex128", {}),
    ("complex64", "0.1+0.2j\n", "complex64", {}),
    ("complex refuses J", "1+2J\n", "complex128", {}),
    ("complex refuses bare j", "1+j\n", "complex128", {}),
    ("bool", "1 0 2 -0\n", "bool", {}),
    ("bool refuses True", "True\n", "bool", {}),
    ("hex refused", "0x10 2\n", "float64", {}),
    ("underscore refused", "1_000 2\n", "float64", {}),
    ("word refused", "1 2\n3 4x\n", "float64", {}),
    ("columns change", "1 2\n\n3\n", "float64", {}),
    ("empty field", "1,,3\n", "float64", {"delimiter": ","}),
    ("csv", "1, 2 ,3\n4,5,6\n", "float64", {"delimiter": ","}),
    ("tab delimiter", "1\t2\n3\t4\n", "int32", {"delimiter": "\t"}),
    ("comments", "#c\n1 2 # x\n\n3 4 // y\n//z\n", "float64", {"comments": ["#", "//"]}),
    ("no comments", "1 2\n", "float64", {"comments": None}),
    ("skiprows and max_rows", "a\n#c\n1 2\n\n3 4\n5 6\n", "float64", {"skiprows": 1, "max_rows": 2}),
    ("max_rows skips bad tail", "1 2\n3 4\nx y z\n", "float64", {"max_rows": 2}),
    ("usecols negative", "1 2 3\n4 5 6\n", "float64", {"usecols": [-1, 0]}),
    ("usecols repeated", "1 2 3\n4 5 6\n", "float64", {"usecols": [0, 0]}),
    ("usecols out of range", "1 2 3\n4 5 6\n", "float64", {"usecols": [5]}),
    ("usecols one column", "1 2 3\n4 5 6\n", "int64", {"usecols": [1]}),
    ("usecols column ndmin2", "1 2 3\n4 5 6\n", "int32", {"usecols": [2], "ndmin": 2}),
    ("one value", "5\n", "float64", {}),
    ("one value ndmin1", "5\n", "float64", {"ndmin": 1}),
    ("one value ndmin2", "5\n", "float64", {"ndmin": 2}),
    ("one row", "1 2 3\n", "float64", {}),
    ("one row ndmin2", "1 2 3\n", "float64", {"ndmin": 2}),
    ("one column", "1\n2\n3\n", "float64", {}),
    ("one column ndmin2", "1\n2\n3\n", "float64", {"ndmin": 2}),
    ("empty", "", "float64", {}),
    ("empty ndmin2", "", "float64", {"ndmin": 2}),
    ("only comments", "# a\n\n# b\n", "float64", {}),
    ("unpack", "1 2 3\n4 5 6\n", "float64", {"unpack": True}),
    ("unpack column", "1\n2\n", "float64", {"unpack": True}),
    ("quotechar", '"1",2\n" 3 ",4\n', "float64", {"delimiter": ",", "quotechar": '"'}),
    ("quoted comma refused", '"1,5",2\n', "float64", {"delimiter": ",", "quotechar": '"'}),
    ("quoted comment", '"1"#c\n', "float64", {"delimiter": ",", "quotechar": '"'}),
]


def load_case(name, text, dt, kw):
    c = {"name": name, "text": text, "dtype": dt, "opts": kw}
    args = dict(kw)
    if "comments" in args and args["comments"] is None:
        pass
    if "usecols" in args:
        args["usecols"] = tuple(args["usecols"])
    try:
        a = np.loadtxt(io.StringIO(text), dtype=DT[dt], **args)
        c["shape"] = list(a.shape)
        c["values"] = [enc(x) for x in a.ravel(order="C")]
    except ValueError as e:
        c["error"] = str(e)
    return c


GEN = [
    ("holes", "1,,3\n4,5,\n", "float64", {"delimiter": ","}),
    ("holes int", "1,,3\n4,5,\n", "int64", {"delimiter": ","}),
    ("holes uint8", "1,,3\n4,5,\n", "uint8", {"delimiter": ","}),
    ("holes complex", "1,,3\n", "complex128", {"delimiter": ","}),
    ("missing strings", "1,N/A,3\n4,5, \n", "float64", {"delimiter": ",", "missing_values": ["N/A"], "filling_values": [0]}),
    ("fill per column", "1,,\n,5,6\n", "float64", {"delimiter": ",", "filling_values": [-1, -2, -3]}),
    ("whitespace missing", "1 N/A 3\n4 5 6\n", "float64", {"missing_values": ["N/A"], "filling_values": [9]}),
    ("header and footer", "a,b,c\n1,2,3\n4,5,6\ntotal,9,9\n", "float64", {"delimiter": ",", "skip_header": 1, "skip_footer": 1}),
    ("names", "# a b\n1 2\n3 4\n", "float64", {"names": True}),
    ("names csv", "x, y ,z\n1,2,3\n", "float64", {"delimiter": ",", "names": True}),
    ("one row", "1,,3\n", "float64", {"delimiter": ","}),
    ("usecols", "1 2 3\n4 5 6\n", "float64", {"usecols": [-1, 0]}),
    ("comments", "# c\n1,2 # x\n\n,4\n", "float64", {"delimiter": ","}),
    ("columns change", "1 2\n3\n", "float64", {}),
]


def gen_case(name, text, dt, kw):
    c = {"name": name, "text": text, "dtype": dt, "opts": kw}
    args = dict(kw)
    if "usecols" in args:
        args["usecols"] = tuple(args["usecols"])
    if "missing_values" in args:
        args["missing_values"] = ",".join(args["missing_values"])
    if "filling_values" in args and len(args["filling_values"]) == 1:
        args["filling_values"] = args["filling_values"][0]
    try:
        a = np.genfromtxt(io.StringIO(text), dtype=DT[dt], usemask=True, **args)
        if a.dtype.names:
            c["names"] = list(a.dtype.names)
            a = np.ma.array([list(r) for r in a.filled().reshape(-1)],
                            mask=[list(r) for r in np.ma.getmaskarray(a).reshape(-1)], dtype=DT[dt])
            a = a.reshape(-1) if a.shape[0] == 1 else a
        data = np.ma.getdata(a)
        mask = np.ma.getmaskarray(a)
        if "filling_values" in args or True:
            # the filled values: genfromtxt's output with usemask=False
            filled = np.genfromtxt(io.StringIO(text), dtype=DT[dt], **args)
            if filled.dtype.names:
                filled = np.array([list(r) for r in filled.reshape(-1)], dtype=DT[dt])
                filled = filled.reshape(-1) if filled.shape[0] == 1 else filled
            data = filled
        c["shape"] = list(data.shape)
        c["values"] = [enc(x) for x in np.asarray(data).ravel()]
        c["mask"] = [bool(x) for x in np.asarray(mask).ravel()]
    except ValueError as e:
        c["error"] = str(e)
    return c


SAVE = [
    ("default", [[1.5, -2.0], [np.nan, np.inf]], "float64", {}),
    ("1-d is a column", [1.0, 2.0, 3.0], "float64", {}),
    ("fmt d of floats", [[1.7, -2.7]], "float64", {"fmt": "%d"}),
    ("fmt per column", [[1.5, 2.0, 3.0]], "float64", {"fmt": ["%.2f", "%10.3e", "%g"]}),
    ("whole-line fmt", [[1, 2], [3, 4]], "int64", {"fmt": "%d | %05d"}),
    ("csv and header", [[1, 2], [3, 4]], "int32", {"fmt": "%d", "delimiter": ",", "header": "a,b\nsecond", "footer": "end"}),
    ("raw header", [[1, 2]], "int64", {"fmt": "%d", "delimiter": ",", "header": "a,b", "comments": ""}),
    ("newline", [[1, 2]], "int64", {"fmt": "%d", "newline": "\r\n"}),
    ("g and nan", [[1e-5, 123456789.0, np.nan, -np.inf]], "float64", {"fmt": "%g"}),
    ("flags", [[3.0, -3.0, np.nan]], "float64", {"fmt": "%+08.2f"}),
    ("upper", [[np.inf, 1e20]], "float64", {"fmt": "%E"}),
    ("s of floats", [[0.1, 1e-05, 1e16, 123.0, -0.0]], "float64", {"fmt": "%s"}),
    ("s of float32", [[0.1, 3.4e38]], "float32", {"fmt": "%s"}),
    ("s of float16", [[0.1, 65504.0, 6e-8]], "float16", {"fmt": "%s"}),
    ("e of float32", [[0.1]], "float32", {}),
    ("ints default", [[1, -2]], "int8", {}),
    ("hex and octal", [[255, 8]], "int64", {"fmt": "%#x %#o"}),
    ("bool", [[True, False]], "bool", {"fmt": "%d"}),
    ("bool s", [[True, False]], "bool", {"fmt": "%s"}),
    ("complex", [[1 + 2j, 3 - 4j]], "complex128", {}),
    ("complex fmt", [[1 + 2j, -3 - 4.5j]], "complex128", {"fmt": "%.2f"}),
    ("uint64 max", [[18446744073709551615]], "uint64", {"fmt": "%d"}),
    ("empty", np.zeros((0, 3)), "float64", {}),
]


def save_case(name, vals, dt, kw):
    a = np.array(vals, dtype=DT[dt])
    c = {"name": name, "dtype": dt, "shape": list(a.shape), "values": [enc(x) for x in a.ravel()], "opts": kw}
    f = io.StringIO()
    args = dict(kw)
    if isinstance(args.get("fmt"), list):
        args["fmt"] = tuple(args["fmt"])
    np.savetxt(f, a, **args)
    c["text"] = f.getvalue()
    return c


out = {
    "numpy": np.__version__,
    "loadtxt": [load_case(*c) for c in LOAD],
    "genfromtxt": [gen_case(*c) for c in GEN],
    "savetxt": [save_case(*c) for c in SAVE],
}
with open("textio.json", "w") as fh:
    json.dump(out, fh, indent=1, sort_keys=True)
    fh.write("\n")
