#!/usr/bin/python3
"""Writes stats.json: NumPy 1.24's answers for the statistics, cumulative
and NaN-aware routines (semantics.md §19), read by stats_fixture_test.go.

Run with /usr/bin/python3 (NumPy 1.24.2) from ndview/testdata:

    /usr/bin/python3 stats_gen.py

Floats are written as Python's repr strings ('nan', '-inf', '-0.0'), so
that every value, NaN and the sign of zero included, survives JSON.
Each case names the function, the dtype, the data and shape, its
arguments, and either "want" (values in C order, with "wshape") or
"error" (NumPy raised). "tol" is 0 for results that must match bit for bit
and a relative tolerance for results that sum (ndkit's pairwise order
differs from NumPy's, semantics.md N5).
"""
import json
import warnings

import numpy as np

warnings.simplefilter("ignore")
assert np.__version__.startswith("1.24"), np.__version__

cases = []
rng = np.random.default_rng(19)

METHODS = ["linear", "inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest"]


def enc(x):
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    return repr(float(x))


def flat(a):
    a = np.asarray(a)
    return [enc(x) for x in a.ravel().tolist()] if a.dtype != bool else [bool(x) for x in a.ravel()]


def add(fn, dtype, data, args, call, tol=0.0):
    a = np.array(data, dtype=dtype)
    c = {"fn": fn, "dtype": dtype, "data": flat(a), "shape": list(a.shape), "args": args, "tol": tol}
    try:
        r = call(a)
    except Exception as e:  # NumPy raised: the case expects an error
        c["error"] = type(e).__name__ + ": " + str(e)
    else:
        if isinstance(r, tuple):
            c["want"] = [flat(x) for x in r]
            c["wshape"] = [list(np.shape(x)) for x in r]
        else:
            c["want"] = flat(r)
            c["wshape"] = list(np.shape(r))
    cases.append(c)


FLOATS = ["float32", "float64"]
INTS = ["int64", "int8", "uint8"]

datasets = [
    [3.0, 1.0, 2.0],
    [4.0, 1.0, 3.0, 2.0],
    [5.0],
    [1.0, 1.0, 1.0, 2.0, 2.0, 7.0, 0.5],
    [0.1, 0.7, 0.2, 0.9, 0.3, 0.3],
    [-0.0, 0.0, -0.0, 0.0],
    [1.0, np.inf, 2.0],
    [-np.inf, np.inf],
    [np.inf, np.inf, 1.0],
    [1.0, np.nan, 2.0],
    [np.nan, np.nan],
    [],
    list(rng.normal(size=11)),
    list(rng.normal(size=16) * 1e3),
]
int_datasets = [[3, 1, 2], [4, 1, 3, 2], [-100, 100], [7], [0, 5, 5, 9, 2, 2, 8], [120, 127, -128, 3], []]

QS = [0.0, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 1.0]

for dt in FLOATS + INTS:
    sets = datasets if dt in FLOATS else int_datasets
    for d in sets:
        if dt == "uint8":
            d = [abs(int(x)) % 256 for x in d]
        add("median", dt, d, {}, lambda a: np.median(a))
        add("ptp", dt, d, {}, lambda a: np.ptp(a))
        for ddof in [0, 1, 2, 5]:
            add("var", dt, d, {"ddof": ddof}, lambda a, ddof=ddof: np.var(a, ddof=ddof), 1e-5 if dt == "float32" else 1e-13)
            add("std", dt, d, {"ddof": ddof}, lambda a, ddof=ddof: np.std(a, ddof=ddof), 1e-5 if dt == "float32" else 1e-13)
        for m in METHODS:
            add("quantile", dt, d, {"q": QS, "method": m}, lambda a, m=m: np.quantile(a, QS, method=m))
        add("percentile", dt, d, {"q": [0, 12.5, 50, 99, 100], "method": "linear"},
            lambda a: np.percentile(a, [0, 12.5, 50, 99, 100]))
        if dt in FLOATS:
            tol = 1e-5 if dt == "float32" else 1e-13
            add("nansum", dt, d, {}, lambda a: np.nansum(a), tol)
            add("nanprod", dt, d, {}, lambda a: np.nanprod(a), tol)
            add("nanmean", dt, d, {}, lambda a: np.nanmean(a), tol)
            for ddof in [0, 1, 3]:
                add("nanvar", dt, d, {"ddof": ddof}, lambda a, ddof=ddof: np.nanvar(a, ddof=ddof), tol)
                add("nanstd", dt, d, {"ddof": ddof}, lambda a, ddof=ddof: np.nanstd(a, ddof=ddof), tol)
            add("nanmin", dt, d, {}, lambda a: np.nanmin(a))
            add("nanmax", dt, d, {}, lambda a: np.nanmax(a))
            add("nanargmin", dt, d, {}, lambda a: np.nanargmin(a))
            add("nanargmax", dt, d, {}, lambda a: np.nanargmax(a))
            add("nanmedian", dt, d, {}, lambda a: np.nanmedian(a))
            for m in ["linear", "lower", "nearest", "hazen"]:
                add("nanquantile", dt, d, {"q": QS, "method": m}, lambda a, m=m: np.nanquantile(a, QS, method=m))
            add("nancumsum", dt, d, {}, lambda a: np.nancumsum(a))
            add("nancumprod", dt, d, {}, lambda a: np.nancumprod(a))
        # ndkit keeps the element type (semantics.md §19), NumPy widens
        # small integers unless told the dtype.
        add("cumsum", dt, d, {}, lambda a: np.cumsum(a, dtype=a.dtype))
        add("cumprod", dt, d, {}, lambda a: np.cumprod(a, dtype=a.dtype))
        for n in [1, 2, 5]:
            add("diff", dt, d, {"n": n}, lambda a, n=n: np.diff(a, n=n))
        add("ediff1d", dt, d, {}, lambda a: np.ediff1d(a))
        tol = 1e-5 if dt == "float32" else 1e-13
        add("trapz", dt, d, {"dx": 0.5}, lambda a: np.trapz(a, dx=0.5), tol)
        if len(d) >= 1:
            x = list(np.cumsum(np.arange(1, len(d) + 1) * 0.5))
            add("trapz", dt, d, {"x": x}, lambda a, x=x: np.trapz(a, x=x), tol)
        for eo in [1, 2]:
            add("gradient", dt, d, {"dx": 0.5, "edge_order": eo}, lambda a, eo=eo: np.gradient(a, 0.5, edge_order=eo))
            x = list(np.cumsum(np.arange(1, len(d) + 1) ** 1.5))
            add("gradient", dt, d, {"x": [enc(t) for t in x], "edge_order": eo},
                lambda a, eo=eo, x=x: np.gradient(a, np.array(x), edge_order=eo), tol)
            xu = [0.25 * i for i in range(len(d))]
            add("gradient", dt, d, {"x": [enc(t) for t in xu], "edge_order": eo},
                lambda a, eo=eo, xu=xu: np.gradient(a, np.array(xu), edge_order=eo))
        if len(d) >= 0:
            for bins in [1, 3, 10]:
                add("histogram", dt, d, {"bins": bins}, lambda a, bins=bins: np.histogram(a, bins=bins))
                add("histogram", dt, d, {"bins": bins, "range": [-1.0, 2.5]},
                    lambda a, bins=bins: np.histogram(a, bins=bins, range=(-1.0, 2.5)))
            add("histogram", dt, d, {"edges": [0.0, 0.5, 1.0, 1.0, 3.0]},
                lambda a: np.histogram(a, bins=np.array([0.0, 0.5, 1.0, 1.0, 3.0])))
            for right in [False, True]:
                add("digitize", dt, d, {"bins": [0.0, 1.0, 2.0, 2.0, 5.0], "right": right},
                    lambda a, right=right: np.digitize(a, [0.0, 1.0, 2.0, 2.0, 5.0], right=right))
                add("digitize", dt, d, {"bins": [5.0, 2.0, 1.0, -1.0], "right": right},
                    lambda a, right=right: np.digitize(a, [5.0, 2.0, 1.0, -1.0], right=right))

# Histograms of many values: the bin index fix-ups at the edges.
for dt in FLOATS:
    for lo, hi, bins in [(0.0, 1.0, 7), (-3.3, 2.9, 256), (0.1, 0.7, 3)]:
        d = list(np.concatenate([rng.uniform(lo, hi, 300), np.linspace(lo, hi, 50)]))
        add("histogram", dt, d, {"bins": bins}, lambda a, bins=bins: np.histogram(a, bins=bins))
        add("histogram", dt, d, {"bins": bins, "range": [lo, hi]},
            lambda a, bins=bins, lo=lo, hi=hi: np.histogram(a, bins=bins, range=(lo, hi)))
add("histogram", "float64", [1.0, np.nan], {"bins": 3}, lambda a: np.histogram(a, bins=3))
add("histogram", "float64", [1.0, 2.0], {"bins": 3, "range": [2.0, 1.0]}, lambda a: np.histogram(a, 3, range=(2.0, 1.0)))
add("histogram", "float64", [1.0, 2.0], {"edges": [0.0, 2.0, 1.0]}, lambda a: np.histogram(a, bins=[0.0, 2.0, 1.0]))
add("histogram", "int64", [-(2**62), 2**62, 0, 2**61], {"bins": 4}, lambda a: np.histogram(a, bins=4))
add("digitize", "float64", [1.0, 2.0], {"bins": [0.0, 2.0, 1.0], "right": False}, lambda a: np.digitize(a, [0.0, 2.0, 1.0]))

# Bincount.
for d, w, ml in [([0, 1, 1, 3, 2, 1, 7], None, 0), ([], None, 0), ([], None, 3), ([2, 2], [0.5, 0.25], 5),
                 ([1, -1], None, 0), ([0, 4, 4], [1.5, -2.0, 3.0], 0)]:
    if w is None:
        add("bincount", "int64", d, {"minlength": ml}, lambda a, ml=ml: np.bincount(a, minlength=ml))
    else:
        add("bincount", "int64", d, {"minlength": ml, "weights": w},
            lambda a, w=w, ml=ml: np.bincount(a, weights=w, minlength=ml))

# Cumulative and diff of integers that wrap; bool diff; prepend/append.
add("cumsum", "int8", [100, 100, 100, -128], {}, lambda a: np.cumsum(a, dtype=np.int8))
add("cumprod", "int8", [16, 16, 3], {}, lambda a: np.cumprod(a, dtype=np.int8))
add("diff", "int8", [-128, 127, -128], {"n": 1}, lambda a: np.diff(a))
add("diff", "uint8", [0, 255, 1], {"n": 1}, lambda a: np.diff(a))
add("diff", "bool", [True, False, False, True, True], {"n": 1}, lambda a: np.diff(a))
add("diff", "bool", [True, False, False, True, True], {"n": 2}, lambda a: np.diff(a, n=2))
add("diff", "float64", [1.0, 4.0, 9.0], {"n": 1, "prepend": [0.0], "append": [10.0, 20.0]},
    lambda a: np.diff(a, prepend=[0.0], append=[10.0, 20.0]))
add("diff", "float64", [[1.0, 4.0, 9.0], [2.0, 3.0, 5.0]], {"n": 1, "axis": 0, "prepend0d": 1.0},
    lambda a: np.diff(a, axis=0, prepend=1.0))
add("diff", "float64", 3.0, {"n": 1}, lambda a: np.diff(a))
add("ediff1d", "int64", [[1, 2], [4, 8]], {"to_begin": [-1], "to_end": [5, 6]},
    lambda a: np.ediff1d(a, to_begin=[-1], to_end=[5, 6]))
add("gradient", "float64", [1.0], {"dx": 1.0, "edge_order": 1}, lambda a: np.gradient(a))
add("gradient", "float64", [1.0, 2.0], {"dx": 1.0, "edge_order": 2}, lambda a: np.gradient(a, edge_order=2))

# Axis forms on 2-D and 3-D data.
m2 = rng.normal(size=(4, 5)).round(2)
m2[1, 2] = np.nan
m2[3, :] = np.nan
m3 = rng.integers(-50, 50, size=(3, 4, 2))
for dt in FLOATS:
    a = m2.astype(dt)
    tol = 1e-5 if dt == "float32" else 1e-13
    for ax in [0, 1, -1]:
        add("median_axis", dt, a, {"axis": ax}, lambda a, ax=ax: np.median(a, axis=ax))
        add("quantile_axis", dt, a, {"axis": ax, "q": [0.2, 0.5, 0.9], "method": "linear"},
            lambda a, ax=ax: np.quantile(a, [0.2, 0.5, 0.9], axis=ax))
        add("var_axis", dt, a, {"axis": ax, "ddof": 1}, lambda a, ax=ax: np.var(a, axis=ax, ddof=1), tol)
        add("cumsum_axis", dt, a, {"axis": ax}, lambda a, ax=ax: np.cumsum(a, axis=ax))
        add("nancumprod_axis", dt, a, {"axis": ax}, lambda a, ax=ax: np.nancumprod(a, axis=ax))
        add("nanmean_axis", dt, a, {"axis": ax}, lambda a, ax=ax: np.nanmean(a, axis=ax), tol)
        add("nanvar_axis", dt, a, {"axis": ax, "ddof": 1}, lambda a, ax=ax: np.nanvar(a, axis=ax, ddof=1), tol)
        add("nanmin_axis", dt, a, {"axis": ax}, lambda a, ax=ax: np.nanmin(a, axis=ax))
        add("nanargmax_axis", dt, a, {"axis": ax}, lambda a, ax=ax: np.nanargmax(a, axis=ax))
        add("nanmedian_axis", dt, a, {"axis": ax}, lambda a, ax=ax: np.nanmedian(a, axis=ax))
        add("nanquantile_axis", dt, a, {"axis": ax, "q": [0.2, 0.5], "method": "linear"},
            lambda a, ax=ax: np.nanquantile(a, [0.2, 0.5], axis=ax))
        add("diff_axis", dt, a, {"axis": ax, "n": 1}, lambda a, ax=ax: np.diff(a, axis=ax))
        add("gradient_axis", dt, a, {"axis": ax, "dx": 2.0, "edge_order": 2},
            lambda a, ax=ax: np.gradient(a, 2.0, axis=ax, edge_order=2))
        add("trapz_axis", dt, a, {"axis": ax, "dx": 1.0}, lambda a, ax=ax: np.trapz(a, axis=ax), tol)
for ax in [0, 1, 2]:
    add("median_axis", "int64", m3, {"axis": ax}, lambda a, ax=ax: np.median(a, axis=ax))
    add("var_axis", "int64", m3, {"axis": ax, "ddof": 0}, lambda a, ax=ax: np.var(a, axis=ax), 1e-13)
    add("cumsum_axis", "int64", m3, {"axis": ax}, lambda a, ax=ax: np.cumsum(a, axis=ax))
    add("quantile_axis", "int64", m3, {"axis": ax, "q": [0.5], "method": "midpoint"},
        lambda a, ax=ax: np.quantile(a, [0.5], axis=ax, method="midpoint"))
add("quantile_axis", "float64", np.zeros((0, 3)), {"axis": 0, "q": [0.5], "method": "linear"},
    lambda a: np.quantile(a, [0.5], axis=0))
add("median_axis", "float64", np.zeros((0, 3)), {"axis": 0}, lambda a: np.median(a, axis=0))
add("var_axis", "float64", np.zeros((0, 3)), {"axis": 0, "ddof": 0}, lambda a: np.var(a, axis=0))

# Average, cov, corrcoef.
for dt in FLOATS + ["int64"]:
    a = (rng.normal(size=(3, 6)) * 10).round(1).astype(dt)
    w = rng.uniform(0, 2, size=(3, 6)).round(2)
    add("average", dt, a, {"weights": [enc(x) for x in w.ravel()]}, lambda a, w=w: np.average(a, weights=w, returned=True), 1e-13)
    for rowvar in [True, False]:
        for ddof in [0, 1, 5, 6, 7]:
            add("cov", dt, a, {"rowvar": rowvar, "ddof": ddof},
                lambda a, rowvar=rowvar, ddof=ddof: np.cov(a, rowvar=rowvar, ddof=ddof), 1e-12)
        add("corrcoef", dt, a, {"rowvar": rowvar}, lambda a, rowvar=rowvar: np.corrcoef(a, rowvar=rowvar), 1e-12)
    add("cov", dt, a[0], {"rowvar": True, "ddof": 1}, lambda a: np.cov(a), 1e-12)
    add("corrcoef", dt, a[0], {"rowvar": True}, lambda a: np.corrcoef(a), 1e-12)
add("average", "float64", [1.0, 2.0], {"weights": [enc(1.0), enc(-1.0)]}, lambda a: np.average(a, weights=[1.0, -1.0], returned=True))
add("corrcoef", "float64", [[1.0, 1.0, 1.0], [1.0, 2.0, 3.0]], {"rowvar": True}, lambda a: np.corrcoef(a))

# Isclose, allclose, array_equiv.
xs = [0.0, -0.0, 1.0, 1.0 + 1e-9, 1e-9, np.inf, -np.inf, np.nan, 1e10, 1.00001e10, -3.0]
for dt in FLOATS:
    xa = np.array(xs, dtype=dt)
    for rtol, atol in [(1e-05, 1e-08), (0.0, 0.0), (0.1, 0.0), (0.0, 1e-3)]:
        for eq in [False, True]:
            args = {"b": [enc(x) for x in xa[::-1]], "rtol": rtol, "atol": atol, "equal_nan": eq}
            add("isclose", dt, xa, args, lambda a, rtol=rtol, atol=atol, eq=eq: np.isclose(a, a[::-1], rtol, atol, eq))
            add("isclose", dt, xa, dict(args, b=[enc(x) for x in xa]),
                lambda a, rtol=rtol, atol=atol, eq=eq: np.isclose(a, a, rtol, atol, eq))
for dt in INTS:
    xa = np.array([0, 1, 2, 100, 120], dtype=dt)
    args = {"b": [enc(x) for x in xa[::-1]], "rtol": 0.01, "atol": 1.0, "equal_nan": False}
    add("isclose", dt, xa, args, lambda a: np.isclose(a, a[::-1], 0.01, 1.0))
add("isclose", "float32", [1.0, 1.0000001], {"b": [repr(1.0000001)], "rtol": 1e-08, "atol": 0.0, "equal_nan": False},
    lambda a: np.isclose(a, np.float32(1.0000001), rtol=1e-08, atol=0.0))
add("allclose", "float64", [[1.0, 2.0], [1.0, 2.0 + 1e-12]], {"b": [enc(1.0), enc(2.0)], "bshape": [2]},
    lambda a: np.allclose(a, np.array([1.0, 2.0])))
add("allclose", "float64", [1.0, np.nan], {"b": [enc(1.0), enc(np.nan)], "bshape": [2]},
    lambda a: np.allclose(a, np.array([1.0, np.nan])))
add("array_equiv", "int64", [[1, 2], [1, 2]], {"b": [1, 2], "bshape": [2]}, lambda a: np.array_equiv(a, np.array([1, 2])))
add("array_equiv", "int64", [[1, 2], [1, 3]], {"b": [1, 2], "bshape": [2]}, lambda a: np.array_equiv(a, np.array([1, 2])))
add("array_equiv", "int64", [[1, 2], [1, 2]], {"b": [1, 2, 3], "bshape": [3]}, lambda a: np.array_equiv(a, np.array([1, 2, 3])))

# 0-d inputs.
for dt in FLOATS:
    add("median", dt, 2.5, {}, lambda a: np.median(a))
    add("quantile", dt, 2.5, {"q": [0.3], "method": "linear"}, lambda a: np.quantile(a, [0.3]))
    add("var", dt, 2.5, {"ddof": 0}, lambda a: np.var(a))

with open("stats.json", "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
print(len(cases), "cases")
