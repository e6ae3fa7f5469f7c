"""Writes fancy.json, the NumPy 1.24 answers for advanced indexing
(semantics.md §16) that fancy_test.go checks Gather and Scatter against.

Run with /usr/bin/python3 from ndview/testdata:

    /usr/bin/python3 fancy_gen.py

Every case indexes a view of np.arange(size) reshaped to "shape" (then the
basic index "view", then transposed when "transpose" is set), so each
element of a result names its position in the buffer. "get" is a[index]
and "set" the whole buffer after a[index] = values, or the error NumPy
raises ("error": its class and message). NumPy 1.24 accepts an index out
of range when the result has no elements, with a DeprecationWarning; those
cases are recorded as errors ("deprecated"), which ndkit returns.
"""
import json
import warnings

import numpy as np

warnings.simplefilter("error")

A = np.array
F, T = False, True
E = Ellipsis


def enc_item(x):
    if x is None:
        return {"newaxis": True}
    if x is Ellipsis:
        return {"ellipsis": True}
    if isinstance(x, bool):
        return {"bool": x}
    if isinstance(x, int):
        return {"int": x}
    if isinstance(x, slice):
        return {"slice": [x.start, x.stop, x.step]}
    if isinstance(x, list) and any(isinstance(e, list) for e in x):
        return enc_item(np.array(x))
    if isinstance(x, list):
        if all(isinstance(e, bool) for e in x) and x:
            return {"blist": x}
        return {"list": x}
    if isinstance(x, np.ndarray):
        key = "bools" if x.dtype == bool else "ints"
        return {key: {"shape": list(x.shape), "data": [bool(e) if x.dtype == bool else int(e) for e in x.ravel()]}}
    raise TypeError(x)


def np_item(x):
    # NumPy reads an empty list as an empty integer array.
    if isinstance(x, list) and not x:
        return np.zeros(0, int)
    return x


def source(c):
    base = np.arange(int(np.prod(c["shape"]))).reshape(c["shape"])
    a = eval("base[%s]" % c["view"]) if c.get("view") else base
    if c.get("transpose"):
        a = a.T
    return base, a


def err(e):
    if isinstance(e, DeprecationWarning):
        return {"class": "deprecated", "msg": "Out of bound index found"}
    return {"class": type(e).__name__, "msg": str(e).strip()}


def case(name, shape, index, values=None, view=None, transpose=False, setonly=False):
    c = {"name": name, "shape": list(shape), "index": [enc_item(x) for x in index]}
    if view:
        c["view"] = view
    if transpose:
        c["transpose"] = True
    idx = tuple(np_item(x) for x in index)
    if not setonly:
        base, a = source(c)
        try:
            r = a[idx]
            c["get"] = {"shape": list(r.shape), "data": [int(e) for e in np.ravel(r)]}
        except Exception as e:  # noqa: BLE001
            c["get_error"] = err(e)
    if values is not None:
        v = np.asarray(values)
        c["values"] = {"shape": list(v.shape), "data": [int(e) for e in v.ravel()]}
        base, a = source(c)
        try:
            a[idx] = v
            c["set"] = [int(e) for e in base.ravel()]
        except Exception as e:  # noqa: BLE001
            c["set_error"] = err(e)
    cases.append(c)


cases = []
s3 = (2, 3, 4)
b2 = (3, 4)
m3 = A([[T, F, T], [F, T, T]])

# Integer arrays, one axis.
case("list", (10,), [[3, 1, -1]], values=A([7, 8, 9]))
case("repeated", (10,), [[0, 0, 2, 0]], values=A([1, 2, 3, 4]))
case("repeated-scalar", (10,), [[5, 5]], values=A(-1))
case("2d-index", (10,), [A([[1, 2], [3, -4]])], values=A([[10, 20], [30, 40]]))
case("2d-index-bcast-values", (10,), [A([[1, 2], [3, 4]])], values=A([10, 20]))
case("rows", b2, [[2, 0]], values=A([100, 101, 102, 103]))
case("rows-colon", b2, [[2, 0], slice(None)])
case("cols", b2, [slice(None), [0, 2]], values=A([[1], [2], [3]]))
case("cols-from", b2, [slice(1, None), [0, -1]], values=A([[1, 2], [3, 4]]))
case("negative", b2, [[-1, -3], [-4]], values=A(5))
case("reversed-rows", b2, [slice(None, None, -1), [0, 3]], values=A([[1, 2], [3, 4], [5, 6]]))
case("stepped-cols", b2, [[2, 0], slice(None, None, -2)], values=A([[1, 2], [3, 4]]))

# Several integer arrays broadcast together.
case("pairs", b2, [[0, 2], [1, 3]], values=A([50, 60]))
case("outer", b2, [[[0], [2]], [1, 3]], values=A([[1, 2], [3, 4]]))
case("outer-bcast-values", b2, [A([[0], [2]]), A([1, 3])], values=A([[1], [2]]))
case("rank2-both", b2, [A([[0, 1], [2, 0]]), A([[3], [0]])], values=A([[1, 2], [3, 4]]))
case("rank3-index", s3, [A(np.ones((2, 2, 2), int)), 0], values=A(9))
case("pairs-repeat", b2, [[0, 0, 1], [1, 1, 1]], values=A([5, 6, 7]))
case("collide-c-order", b2, [A([[0, 1], [1, 0]]), A([[1, 1], [1, 1]])], values=A([[1, 2], [3, 4]]))
case("three", s3, [[1, 0], [2, 0], [3, 1]], values=A([-1, -2]))

# Adjacent and separated advanced indices.
case("adjacent-mid", s3, [slice(None), [0, 2], slice(1, 3)], values=A([[1, 2], [3, 4]]))
case("separated-slice", s3, [[0, 1], slice(None), [0, 1]], values=A([[1, 2, 3], [4, 5, 6]]))
case("int-separated", s3, [0, slice(None), [0, 1]], values=A([[1, 2, 3], [4, 5, 6]]))
case("int-adjacent", s3, [slice(None), 0, [0, 1]], values=A([[1, 2], [3, 4]]))
case("int-first-adjacent", s3, [1, [0, 2]], values=A([7]))
case("array-int-adjacent", s3, [[1, 0], 2], values=A([[1, 2, 3, 4], [5, 6, 7, 8]]))
case("array-int-separated", s3, [[1, 0], slice(None), 2], values=A([[1, 2, 3], [4, 5, 6]]))
case("lead", s3, [[1], [0, 2], slice(None)])
case("ellipsis-last", s3, [E, [1, 3]], values=A([[[1, 2]]]))
case("ellipsis-first", s3, [[1, 0], E])
case("ellipsis-between", s3, [[1, 0], E, [1, 3]], values=A([[1], [2]]))
case("ellipsis-empty-between", (5, 3, 4), [slice(None), [0, 1], E, [0, 1]], values=A([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]))
case("ellipsis-int", s3, [0, E, [1, 2]])
case("newaxis-before", s3, [None, [1, 0]])
case("newaxis-between", s3, [[1, 0], None, [0, 2]], values=A([[[1, 2, 3, 4]], [[5, 6, 7, 8]]]))
case("newaxis-adjacent-pair", s3, [slice(None), None, [0, 1], [2, 3]], values=A([[[1, 2]], [[3, 4]]]))
case("all-ints-and-array", s3, [0, [0, 1], [1]])
case("zero-d-int-array", s3, [A(1), [0, 2]], values=A([[1, 2, 3, 4], [5, 6, 7, 8]]))

# Boolean arrays.
case("mask-full", b2, [A(np.arange(12).reshape(3, 4) % 3 == 0)], values=A([1, 2, 3, 4]))
case("mask-full-scalar", b2, [A(np.arange(12).reshape(3, 4) > 6)], values=A(0))
case("mask-full-one", b2, [A(np.arange(12).reshape(3, 4) > 6)], values=A([-5]))
case("mask-full-3d", s3, [A(np.arange(24).reshape(2, 3, 4) % 5 == 1)], values=A(np.arange(5) * 10))
case("mask-full-none", b2, [A(np.zeros((3, 4), bool))], values=A(np.zeros(0, int)))
case("mask-2d-of-3d", s3, [m3], values=A([[1, 2, 3, 4]]))
case("mask-trailing", s3, [slice(None), A([[T, F, F, T], [F, F, F, F], [T, T, F, F]])], values=A([1, 2, 3, 4]))
case("mask-1d", s3, [[T, F]], values=A(np.arange(12).reshape(1, 3, 4)))
case("mask-1d-list", b2, [[F, T, T], slice(1, None)], values=A([[1, 2, 3], [4, 5, 6]]))
case("mask-and-array", s3, [m3, [0, 1, 2, 3]], values=A([1, 2, 3, 4]))
case("mask-and-array-bcast", s3, [m3, A([[0], [3]])], values=A(1))
case("mask-separated", s3, [A([T, T]), slice(None), A([F, T, T, F])], values=A([[1, 2, 3], [4, 5, 6]]))
case("mask-empty-axis", (0, 3), [A(np.zeros(0, bool))], values=A(1))
case("mask-false-1d", b2, [[F, F, F]], values=A(1))
case("mask-view", b2, [A([[T, F, T], [F, F, T], [T, T, F], [F, T, F]])], values=A([1, 2, 3, 4, 5, 6]), view="::-1", transpose=True)

# 0-d booleans.
case("true", s3, [True], values=A(np.arange(24).reshape(2, 3, 4) * 2))
case("false", s3, [False], values=A(1))
case("true-array", s3, [A(True)], values=A(3))
case("true-between", s3, [[0, 1], True, [0, 1]], values=A([[1, 2, 3, 4], [5, 6, 7, 8]]))
case("colon-true-array", s3, [slice(None), True, [0, 1]])
case("colon-array-true", s3, [slice(None), [0, 1], True])
case("true-int", s3, [True, 0], values=A(4))
case("ints-true", s3, [0, 0, 0, True], values=A(4))
case("true-false", s3, [True, False], values=A(1))
case("ellipsis-true", s3, [E, True])
case("true-0d-source", (), [True], values=A([8]))
case("false-0d-source", (), [False], values=A(8))

# Empty results.
case("empty-list", s3, [[]], values=A(1))
case("empty-list-int", b2, [[], 1], values=A(1))
case("empty-2d", s3, [A(np.zeros((0, 2), int))])
case("empty-broadcast-unchecked", s3, [[], [100]], values=A(1))
case("empty-broadcast-int-unchecked", s3, [A(np.zeros((0, 1), int)), 0, A([100])])
case("empty-axis-slice", s3, [slice(0, 0), [1]], values=A(1))

# Source views.
case("transposed", s3, [[1, 0], slice(None), [0, 1]], values=A([[1, 2, 3], [4, 5, 6]]), transpose=True)
case("reversed-stepped", b2, [[0, 1], [1]], values=A([7, 8]), view="::-1, ::2")
case("newaxis-view", s3, [[1, 0], 0], values=A([[1], [2]]), view="1, :, None")

# Errors.
case("err-range", s3, [[2]], values=A(1))
case("err-range-negative", s3, [[-3]])
case("err-range-second", s3, [[0, 5], [7]])
case("err-int-range", s3, [[0, 1], 5], values=A(1))
case("err-int-empty", s3, [[], 10])
case("err-mask-shape", s3, [[T, F, T]], values=A(1))
case("err-mask-2d-shape", s3, [A(np.ones((2, 2), bool))])
case("err-mask-trailing-shape", s3, [slice(None), A(np.ones((3, 3), bool))])
case("err-broadcast", s3, [[0, 1], [0, 1, 2]], values=A(1))
case("err-broadcast-mask", s3, [A(np.ones((2, 3), bool)), [0, 1]])
case("err-too-many", s3, [[0], [0], [0], [0]])
case("err-ellipsis", s3, [E, [0], E])
case("err-empty-slice-range", s3, [slice(0, 0), [7]], values=A(1))
case("err-empty-subspace-range", (3, 0), [[5]], values=A(1))
case("err-values", b2, [[0, 1]], values=A([1, 2, 3]), setonly=True)
case("err-values-lead", b2, [[0, 1]], values=A(np.ones((1, 2, 1, 4), int)), setonly=True)
case("err-values-lead-ok", b2, [[0, 1]], values=A(np.ones((1, 1, 4), int)), setonly=True)
case("err-mask-count", b2, [A(np.arange(12).reshape(3, 4) > 5)], values=A([1, 2]), setonly=True)
case("err-mask-count-zero", b2, [A(np.arange(12).reshape(3, 4) > 100)], values=A([1, 2, 3]), setonly=True)
case("err-mask-2d-values", b2, [A(np.arange(12).reshape(3, 4) > 5)], values=A(np.ones((1, 6), int)), setonly=True)
case("err-mask-1d-values", b2, [[T, F, T]], values=A([1, 2, 3]), setonly=True)
case("err-false-values", b2, [False], values=A([1, 2]), setonly=True)

with open("fancy.json", "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, indent=None, separators=(",", ":"))
    f.write("\n")
print(len(cases), "cases")
