"""Writes sort.json: NumPy 1.24's answers for the fixtures of sort_test.go,
search_test.go and sets_test.go (semantics.md §18).

Run with /usr/bin/python3 (NumPy 1.24.2) from ndview/testdata:

    /usr/bin/python3 sort_gen.py

Floats are written as strings ("nan", "-0.0", "inf", "1.5") because JSON
has no NaN; the Go side parses them with strconv.ParseFloat.
"""
import json

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__

nan, inf = np.nan, np.inf


def fs(a):
    return [repr(float(x)) for x in np.ravel(a)]


def ints(a):
    return [int(x) for x in np.ravel(a)]


out = {"searchsorted": [], "unique": [], "lexsort": [], "sets": []}

# searchsorted: sorted a with duplicates, ±0, ±inf and NaNs at the end.
a = np.array([-inf, -3.0, -0.0, 0.0, 0.0, 1.0, 2.5, 2.5, 2.5, inf, nan, nan])
q = np.array([nan, inf, -inf, 0.0, -0.0, 2.5, 3.0, -5.0, 1.0, 7.0, -3.0, nan])
for side in ("left", "right"):
    out["searchsorted"].append({"a": fs(a), "v": fs(q), "side": side,
                                "want": ints(np.searchsorted(a, q, side=side))})
# with a sorter: a shuffled, the sorter its stable argsort.
rng = np.random.default_rng(18)
u = rng.permutation(a)
srt = np.argsort(u, kind="stable")
for side in ("left", "right"):
    out["searchsorted"].append({"a": fs(u), "v": fs(q), "side": side, "sorter": ints(srt),
                                "want": ints(np.searchsorted(u, q, side=side, sorter=srt))})
# many queries (the sorted sweep) into a long array with runs of duplicates.
big = np.sort(np.round(rng.normal(size=3000), 1))
big[-5:] = nan
qs = np.round(rng.normal(size=2500) * 1.2, 2)
qs[::97] = nan
qs[::101] = -0.0
for side in ("left", "right"):
    out["searchsorted"].append({"a": fs(big), "v": fs(qs), "side": side,
                                "want": ints(np.searchsorted(big, qs, side=side))})

# unique with everything returned (NumPy 1.24: equal_nan, flat inverse).
for arr, shape in [
    ([2.0, nan, 1.0, -0.0, 2.0, nan, 0.0, inf, 1.0, -inf, nan], [11]),
    ([3.0, 1.0, 3.0, 1.0, 2.0, 2.0], [2, 3]),
    ([], [0]),
    ([nan, nan], [2]),
    ([5.0], []),
]:
    x = np.array(arr, dtype=float).reshape(shape)
    vals, idx, inv, cnt = np.unique(x, return_index=True, return_inverse=True, return_counts=True)
    out["unique"].append({"x": fs(x), "shape": shape, "values": fs(vals), "index": ints(idx),
                          "inverse": ints(inv), "counts": ints(cnt)})

# lexsort: the last key is the primary one.
k0 = np.array([3, 1, 2, 3, 1, 2, 0, 0])
k1 = np.array([1, 1, 0, 0, 1, 0, 1, 1])
k2 = np.array([5, 5, 5, 4, 4, 4, 5, 5])
out["lexsort"].append({"keys": [ints(k0), ints(k1), ints(k2)], "want": ints(np.lexsort((k0, k1, k2)))})
out["lexsort"].append({"keys": [ints(k0)], "want": ints(np.lexsort((k0,)))})

# set routines, on floats with NaNs and ±0.
A = np.array([1.0, nan, 3.0, -0.0, 5.0, 1.0, nan, 7.0])
B = np.array([0.0, 3.0, nan, 9.0, 1.0, 3.0])
vals, i1, i2 = np.intersect1d(A, B, return_indices=True)
s = {"a": fs(A), "b": fs(B),
     "isin": [bool(x) for x in np.isin(A, B)],
     "isin_invert": [bool(x) for x in np.isin(A, B, invert=True)],
     "intersect": fs(vals), "intersect_a": ints(i1), "intersect_b": ints(i2),
     "union": fs(np.union1d(A, B)),
     "setdiff": fs(np.setdiff1d(A, B)),
     "setxor": fs(np.setxor1d(A, B))}
Au, Bu = np.array([4.0, 1.0, 3.0, nan]), np.array([3.0, 2.0, nan, 4.0])
vals, i1, i2 = np.intersect1d(Au, Bu, assume_unique=True, return_indices=True)
s["unique_a"], s["unique_b"] = fs(Au), fs(Bu)
s["intersect_au"], s["intersect_au_a"], s["intersect_au_b"] = fs(vals), ints(i1), ints(i2)
s["setdiff_au"] = fs(np.setdiff1d(Au, Bu, assume_unique=True))
s["setxor_au"] = fs(np.setxor1d(Au, Bu, assume_unique=True))
out["sets"].append(s)

with open("sort.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
