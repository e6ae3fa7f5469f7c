"""Writes sums.json: NumPy 1.24's sum and mean of deterministic inputs in
many layouts, as bit patterns, for reduce_numpy_test.go.

Run with Debian's NumPy:  /usr/bin/python3 sums_gen.py
The inputs come from splitmix64 (the same generator in the Go test), so
the fixture holds only the cases and NumPy's results.
"""
import hashlib
import json
import struct

import numpy as np

M = (1 << 64) - 1


def splitmix(seed, n):
    out = []
    x = seed & M
    for _ in range(n):
        x = (x + 0x9E3779B97F4A7C15) & M
        z = x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        out.append(z ^ (z >> 31))
    return out


def values(kind, seed, n):
    """The test's inputs: floats of mixed sign and magnitude."""
    r = splitmix(seed, n)
    if kind == "float16":
        # Finite halves of magnitude below 2, built from their bits.
        bits = np.array([(z & 0x3FFF) | ((z >> 20) & 0x8000) for z in r], dtype=np.uint16)
        return bits.view(np.float16)
    f = np.array([np.ldexp((z >> 11) / 2.0**53 - 0.5, int((z & 31)) - 12) for z in r])
    if kind == "float32":
        return f.astype(np.float32)
    if kind in ("complex64", "complex128"):
        g = np.array([np.ldexp((z >> 11) / 2.0**53 - 0.5, int((z >> 5) & 31) - 12) for z in r])
        c = f + 1j * g
        return c.astype(kind)
    return f


def bits(x):
    a = np.asarray(x)
    if a.dtype == np.float64:
        return [int(b) for b in a.reshape(-1).view(np.uint64)]
    if a.dtype == np.float32:
        return [int(b) for b in a.reshape(-1).view(np.uint32)]
    if a.dtype == np.float16:
        return [int(b) for b in a.reshape(-1).view(np.uint16)]
    if a.dtype == np.complex128:
        return [int(b) for b in a.reshape(-1).view(np.float64).view(np.uint64)]
    if a.dtype == np.complex64:
        return [int(b) for b in a.reshape(-1).view(np.float32).view(np.uint32)]
    raise ValueError(a.dtype)


def view(data, shape, perm, index):
    v = data.reshape(shape)
    if perm:
        v = v.transpose(perm)
    if index:
        v = eval("v[" + index + "]")
    return v


cases = []


def add(kind, seed, shape, perm=None, index="", axes=(None,), mean=False):
    n = int(np.prod(shape))
    data = values(kind, seed, n)
    v = view(data, shape, perm, index)
    for axis in axes:
        c = {"kind": kind, "seed": seed, "shape": list(shape), "perm": perm or [], "index": index}
        if axis is not None:
            c["axis"] = axis
        c["op"] = "sum"
        result(c, v.sum(axis=axis))
        cases.append(c)
        if mean:
            m = dict(c)
            m["op"] = "mean"
            result(m, v.mean(axis=axis))
            cases.append(m)


def result(c, r):
    """Stores r's bits; a long result as its first 8 values and a SHA-256
    of every value's bits as little-endian uint64s."""
    b = bits(r)
    if len(b) <= 64:
        c["bits"] = b
        return
    c["bits"] = b[:8]
    c["n"] = len(b)
    c["sha256"] = hashlib.sha256(b"".join(struct.pack("<Q", x) for x in b)).hexdigest()


rng = np.random.default_rng(20261203)
# Contiguous runs of every length up to 300, then random lengths to 100,000.
lengths = list(range(0, 301)) + sorted(int(n) for n in rng.integers(301, 100_001, 60))
for i, n in enumerate(lengths):
    add("float64", 1000 + i, (n,), mean=n > 0)
for i, n in enumerate(lengths[::3]):
    add("float32", 5000 + i, (n,), mean=n > 0)
for i, n in enumerate(lengths[::7]):
    add("complex128", 9000 + i, (n,))
    add("complex64", 9500 + i, (n,))
for n in (1, 7, 8, 100, 8192, 8193, 20000, 50000):
    add("float16", 12000 + n, (n,), mean=True)

# Layouts: whole sums and every axis.
layouts = [
    ((300, 70), None, ""),
    ((300, 70), [1, 0], ""),
    ((300, 70), None, "::-1"),
    ((300, 70), None, "::-1, ::-1"),
    ((300, 70), None, ":, ::-1"),
    ((300, 70), None, ":, ::2"),
    ((300, 70), None, "::2"),
    ((300, 70), [1, 0], "::-1"),
    ((300, 70), [1, 0], "::3, 1:"),
    ((3, 20000), None, ""),
    ((3, 20000), None, ":, ::-2"),
    ((20000, 3), None, ""),
    ((20000, 3), [1, 0], ""),
    ((7, 9000), None, "1:, ::-1"),
    ((20, 30, 40), None, ""),
    ((20, 30, 40), [1, 0, 2], ""),
    ((20, 30, 40), [2, 0, 1], ""),
    ((20, 30, 40), None, "::-1, :, ::3"),
    ((20, 30, 40), [0, 2, 1], "::2, ::-1"),
    ((4, 5, 6, 7), [3, 1, 0, 2], ""),
    ((64, 1, 129), None, ""),
    ((9000, 2), None, ":, 0"),
]
for k, (shape, perm, index) in enumerate(layouts):
    nd = len(view(np.zeros(shape), shape, perm, index).shape)
    for kind in ("float64", "float32"):
        add(kind, 20000 + 10 * k, shape, perm, index, axes=[None] + list(range(nd)), mean=True)
    add("complex128", 30000 + k, shape, perm, index, axes=[None] + list(range(nd)))

with open("sums.json", "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
print(len(cases), "cases")
