#!/usr/bin/python3
"""Writes create.json: NumPy 1.24's answers for the creation routines
(semantics.md §12), read by create_test.go.

Run with /usr/bin/python3 (it has NumPy) from this directory:

    /usr/bin/python3 create_gen.py

Every scalar is written as a string: floats as repr (so "nan", "inf" and
every bit survive), integers in decimal (uint64 beyond int64 included).
Arguments of float32 and float16 cases are values of that type, written
as the Python float of the same value, which is what a Go caller passes.
"""
import json
import math

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__


def s(x):
    if isinstance(x, (float, np.floating)):
        return repr(float(x))
    return str(int(x))


def vals(a):
    return [s(x) for x in np.asarray(a).ravel().tolist()]


def typed(dtype, x):
    if dtype in ("float32", "float16"):
        return float(np.dtype(dtype).type(x))
    return x


out = {}

arange_cases = [
    ("float64", 0, 1, 0.1), ("float64", 1, 1.3, 0.1), ("float64", 0, -1, -0.1),
    ("float64", 10, 0, -3), ("float64", 0, 10, -1), ("float64", 5, 5, 1),
    ("float64", 0, 1, math.inf), ("float64", 0, -1, math.inf),
    ("float64", 0, 1e-320, 1e300), ("float64", -1.5, 2.5, 0.5),
    ("float64", 0.1, 0.35, 0.05), ("float64", 1e16, 1e16 + 20, 3),
    ("float64", -0.3, 0.4, 0.07), ("float64", 0, 1, 0.3),
    ("float32", 0, 1, 0.1), ("float32", 0.1, 100, 0.3), ("float32", 1, 1.3, 0.1),
    ("float16", 0.1, 10, 0.3), ("float16", 0, 1, 0.1),
    ("int64", 0, 10, 3), ("int64", 10, 0, -3), ("int64", 0, 10, -1),
    ("int64", -2**63, 2**63 - 1, 2**62), ("int64", 2**63 - 10, 2**63 - 1, 3),
    ("int64", -2**63, -2**63 + 5, 2), ("int64", 2**62, -2**62, -2**61 - 1),
    ("int32", -2**31, 2**31 - 1, 2**30 + 7),
    ("int8", -128, 127, 1), ("int8", 127, -128, -50), ("int8", -128, 127, 100),
    ("int16", -5, 5, 3),
    ("uint8", 0, 255, 7), ("uint8", 250, 255, 1), ("uint8", 5, 1, 1),
    ("uint64", 0, 2**64 - 1, 2**62), ("uint64", 2**64 - 10, 2**64 - 1, 4),
    ("uint64", 2**63, 2**64 - 1, 2**63 - 1),
]
out["arange"] = []
for dt, a, b, c in arange_cases:
    a, b, c = typed(dt, a), typed(dt, b), typed(dt, c)
    r = np.arange(a, b, c, dtype=dt)
    out["arange"].append({"dtype": dt, "start": s(a), "stop": s(b), "step": s(c), "values": vals(r)})

out["arangen"] = []
for dt, n in [("int64", 5), ("int64", 0), ("int64", -3), ("int8", 300), ("float64", 7), ("float32", 4), ("float16", 5), ("uint8", 260)]:
    out["arangen"].append({"dtype": dt, "n": n, "values": vals(np.arange(n, dtype=dt))})

linspace_cases = [
    ("float64", 0, 1, 5, True), ("float64", 0, 1, 5, False), ("float64", 2, 3, 0, True),
    ("float64", 2, 3, 0, False), ("float64", 2, 3, 1, True), ("float64", 2, 3, 1, False),
    ("float64", 0, 1, 50, True), ("float64", -1, 7.3, 13, True), ("float64", 0.1, 0.7, 7, False),
    ("float64", 0, 1.5e-323, 10, True), ("float64", 0, math.inf, 1, True),
    ("float64", 5, -5, 6, True), ("float64", 1, 1, 4, True), ("float64", 0, 1, 2, True),
    ("float64", 1e308, -1e308, 5, True),
    ("int64", 0, 10, 4, True), ("int64", -5, 5, 4, True), ("int64", 0, 10, 7, False),
    ("int64", 3, 3, 1, True), ("uint8", 0, 255, 10, True),
    ("float32", 0, 1, 7, True), ("float32", 0.1, 0.9, 9, False),
    ("float16", 0, 1, 7, True),
]
out["linspace"] = []
for dt, a, b, n, ep in linspace_cases:
    a, b = typed(dt, a), typed(dt, b)
    r, st = np.linspace(a, b, n, endpoint=ep, retstep=True, dtype=dt)
    out["linspace"].append({"dtype": dt, "start": s(a), "stop": s(b), "num": n, "endpoint": ep,
                            "values": vals(r), "step": s(float(st))})

logspace_cases = [
    ("float64", 0, 3, 4, True, 10), ("float64", 0, 10, 11, True, 2), ("float64", 0, 1, 5, True, 10),
    ("float64", -2, 2, 9, False, 10), ("float64", 0, 1, 7, True, math.e), ("float64", 1, 2, 0, True, 10),
    ("float64", 1, 2, 1, True, 10), ("float64", -3.5, 1.25, 20, True, 2),
    ("int64", 1, 5, 5, True, 2), ("int64", 0, 2, 3, True, 10), ("float32", 0, 3, 4, True, 10),
    ("float32", 0, 1, 6, True, 10),
]
out["logspace"] = []
for dt, a, b, n, ep, base in logspace_cases:
    r = np.logspace(a, b, n, endpoint=ep, base=base, dtype=dt)
    out["logspace"].append({"dtype": dt, "start": s(float(a)), "stop": s(float(b)), "num": n, "endpoint": ep,
                            "base": s(float(base)), "values": vals(r)})

geomspace_cases = [
    ("float64", 1, 1000, 4, True), ("float64", 1, 256, 9, True), ("float64", -1, -1000, 4, True),
    ("float64", 1000, 1, 4, True), ("float64", 1, 1000, 3, False), ("float64", 0.5, 8, 5, True),
    ("float64", 2, 3, 10, True), ("float64", 1, 1e10, 11, True), ("float64", 1, 1000, 1, True),
    ("float64", 1, 1000, 0, True), ("float64", 3, 7, 1, False), ("float64", 0.001, 1000, 7, True),
    ("float64", -8, -0.5, 5, False),
    ("int64", 1, 1000, 4, True), ("float32", 1, 1000, 4, True), ("float32", 0.5, 3, 6, True),
]
out["geomspace"] = []
for dt, a, b, n, ep in geomspace_cases:
    a, b = typed(dt, a), typed(dt, b)
    r = np.geomspace(a, b, n, endpoint=ep, dtype=dt)
    out["geomspace"].append({"dtype": dt, "start": s(a), "stop": s(b), "num": n, "endpoint": ep, "values": vals(r)})
with np.errstate(invalid="ignore"):
    r = np.geomspace(-1.0, 1.0, 5)
out["geomspace"].append({"dtype": "float64", "start": "-1.0", "stop": "1.0", "num": 5, "endpoint": True, "values": vals(r)})

mats = [(3, 3, 0), (3, 4, 1), (4, 3, -2), (3, 3, 5), (3, 3, -5), (0, 3, 0), (2, 0, 1), (3, 5, 4), (3, 5, -3), (4, 4, -1)]
out["eye"] = [{"n": n, "m": m, "k": k, "values": vals(np.eye(n, m, k, dtype=np.int64))} for n, m, k in mats]
out["tri"] = [{"n": n, "m": m, "k": k, "values": vals(np.tri(n, m, k, dtype=np.int64))} for n, m, k in mats]

out["triangle"] = []
for shape in [(2, 3, 4), (4, 3), (4,), (3, 5), (2, 1, 2, 3), (0, 3), (2, 0, 3)]:
    a = np.arange(1, 1 + int(np.prod(shape)), dtype=np.int64).reshape(shape)
    for k in (-5, -1, 0, 1, 3, 7):
        out["triangle"].append({"shape": list(shape), "k": k, "tril": vals(np.tril(a, k)), "triu": vals(np.triu(a, k)),
                                "outshape": list(np.tril(a, k).shape)})

out["diag"] = []
for shape, k in [((3,), 0), ((3,), 1), ((3,), -2), ((0,), 2), ((3, 4), 0), ((3, 4), 1), ((3, 4), -1),
                 ((3, 4), 5), ((3, 4), -4), ((3, 4), 3)]:
    a = np.arange(1, 1 + int(np.prod(shape)), dtype=np.int64).reshape(shape)
    r = np.diag(a, k)
    out["diag"].append({"shape": list(shape), "k": k, "outshape": list(r.shape), "values": vals(r)})
for shape, k in [((2, 2), 1), ((2, 2), -1), ((3,), 0), ((), 2), ((2, 1, 2), 0)]:
    a = np.arange(1, 1 + int(np.prod(shape)), dtype=np.int64).reshape(shape)
    r = np.diagflat(a, k)
    out["diag"].append({"flat": True, "shape": list(shape), "k": k, "outshape": list(r.shape), "values": vals(r)})

out["indices"] = []
for shape in [(2, 3), (3,), (), (2, 0, 3), (2, 3, 4), (1, 1)]:
    r = np.indices(shape)
    out["indices"].append({"shape": list(shape), "outshape": list(r.shape), "values": vals(r)})

out["meshgrid"] = []
ins = [np.array([1, 2, 3]), np.array([4, 5]), np.array([6, 7, 8, 9])]
for n in (0, 1, 2, 3):
    for ix in ("xy", "ij"):
        gs = np.meshgrid(*ins[:n], indexing=ix, copy=False)
        out["meshgrid"].append({"n": n, "indexing": ix, "grids": [{"shape": list(g.shape), "values": vals(g)} for g in gs]})

# order='K' of zeros_like: strides in elements, for prototypes the Go test
# builds the same way from arange(24).reshape(2, 3, 4).
b = np.arange(24).reshape(2, 3, 4)
protos = {
    "C": b, "T": b.T, "transpose102": b.transpose(1, 0, 2), "sliced": b[:, ::-1, ::2],
    "F": np.asfortranarray(b), "newaxis": b[:, None, 1], "swap12": b.swapaxes(1, 2)[::-1],
    "bcast_rows": np.broadcast_to(np.arange(3.0)[:, None], (3, 4)),
    "bcast_cols": np.broadcast_to(np.arange(3), (4, 3)),
}
out["like"] = []
for name, p in protos.items():
    z = np.zeros_like(p)
    out["like"].append({"name": name, "shape": list(z.shape), "strides": [x // z.itemsize for x in z.strides]})

with open("create.json", "w") as f:
    json.dump(out, f, indent=0, sort_keys=True)
    f.write("\n")
