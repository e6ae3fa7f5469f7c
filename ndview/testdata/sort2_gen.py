#!/usr/bin/python3
"""Writes sort2.json: NumPy 1.24's answers for the complex sorting,
searching and unique (semantics.md §36, SR5-SR7), read by
sort2_test.go.

Run with /usr/bin/python3 (NumPy 1.24.2) from ndview/testdata:

    /usr/bin/python3 sort2_gen.py

Floats are written as Python's repr strings ('nan', '-inf', '-0.0'), a
complex number as [real, imag]. The parts are drawn from a small set, so
that ties, signed zeros, infinities and every class of NaN are common.
"""
import json
import warnings

import numpy as np

warnings.simplefilter("ignore")
assert np.__version__.startswith("1.24"), np.__version__

rng = np.random.default_rng(36)
PARTS = [0.0, -0.0, 1.0, -1.0, 2.5, np.nan, np.inf, -np.inf]


def enc(z):
    return [repr(float(z.real)), repr(float(z.imag))]


def rand_complex(n, nanfrac):
    re = rng.choice(PARTS, n)
    im = rng.choice(PARTS, n)
    keep = rng.random(n) >= nanfrac
    re = np.where(keep & np.isnan(re), 0.5, re)
    im = np.where(keep & np.isnan(im), -0.5, im)
    return np.array([complex(r, i) for r, i in zip(re, im)])


cases = []
for dtype in ["complex128", "complex64"]:
    for n, nanfrac in [(0, 0), (1, 1), (7, 0.5), (40, 0.3), (300, 0.2)]:
        a = rand_complex(n, nanfrac).astype(dtype)
        q = rand_complex(25, 0.3).astype(dtype)
        srt = np.sort(a)
        u, ui, uinv, uc = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
        cases.append({
            "dtype": dtype,
            "data": [enc(z) for z in a],
            "sort": [enc(z) for z in srt],
            "argsort": np.argsort(a, kind="stable").tolist(),
            "unique": [enc(z) for z in u],
            "unique_index": ui.tolist(),
            "unique_inverse": uinv.tolist(),
            "unique_counts": uc.tolist(),
            "queries": [enc(z) for z in q],
            "left": np.searchsorted(srt, q, side="left").tolist(),
            "right": np.searchsorted(srt, q, side="right").tolist(),
        })

# float16 statistics: the data as the hex of its little-endian bytes, the
# whole-view results as repr strings, to match bit for bit.
half = []
for n, nanfrac, scale in [(1, 0, 1), (2, 0, 1), (5, 0, 1), (5, 0.4, 1), (64, 0.1, 10), (300, 0, 100),
                          (1000, 0.05, 1), (3000, 0, 1), (20000, 0, 0.01), (40, 0, 300), (6, 1, 1)]:
    a = (rng.standard_normal(n) * scale).astype(np.float16)
    a[rng.random(n) < nanfrac] = np.nan
    res = {}
    for name, f in [
        ("median", np.median), ("nanmedian", np.nanmedian), ("nanmean", np.nanmean),
        ("var0", lambda x: np.var(x)), ("var1", lambda x: np.var(x, ddof=1)),
        ("std0", lambda x: np.std(x)), ("std1", lambda x: np.std(x, ddof=1)),
        ("nanvar0", lambda x: np.nanvar(x)), ("nanvar1", lambda x: np.nanvar(x, ddof=1)),
        ("nanstd1", lambda x: np.nanstd(x, ddof=1)),
        ("q30", lambda x: np.quantile(x, 0.3)), ("q90", lambda x: np.quantile(x, 0.9)),
        ("q90hazen", lambda x: np.quantile(x, 0.9, method="hazen")),
        ("q50lower", lambda x: np.quantile(x, 0.5, method="lower")),
        ("nanq90", lambda x: np.nanquantile(x, 0.9)),
    ]:
        res[name] = repr(float(f(a)))
    half.append({"bits": a.view(np.uint16).tobytes().hex(), "want": res})

with open("sort2.json", "w") as f:
    json.dump({"complex": cases, "half": half}, f, separators=(",", ":"))
    f.write("\n")
