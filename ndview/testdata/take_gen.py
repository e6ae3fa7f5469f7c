"""Writes take.json: NumPy 1.24's answers for the corners of the index-array
routines (semantics.md §15), read by TestTakeFixture in take_test.go.

Run: /usr/bin/python3 ndview/testdata/take_gen.py (from the repository root).

Arrays are written as {"dtype", "shape", "data"} with data flat in C order;
floats as strings ("nan", "-0.0", "inf"), since JSON has no NaN. A case
either has "want" (the result, or the array after a put) or "error" (the
NumPy exception's type name).
"""
import json
import os
import warnings

import numpy as np

warnings.simplefilter("ignore")


def enc(x):
    x = np.asarray(x)
    if x.dtype.kind == "f":
        data = [repr(float(v)) for v in x.ravel()]
        dt = "f8"
    elif x.dtype.kind == "b":
        data = [bool(v) for v in x.ravel()]
        dt = "b1"
    else:
        data = [int(v) for v in x.ravel()]
        dt = "i8"
    return {"dtype": dt, "shape": list(x.shape), "data": data}


cases = []


def case(name, op, fn, **args):
    c = {"name": name, "op": op}
    for k, v in args.items():
        if k == "axis":
            c[k] = v
        elif isinstance(v, list) and v and isinstance(v[0], np.ndarray):
            c[k] = [enc(x) for x in v]
        else:
            c[k] = enc(v)
    try:
        r = fn()
        if isinstance(r, tuple):
            c["want"] = [enc(x) for x in r]
        else:
            c["want"] = enc(r)
    except Exception as e:  # noqa: BLE001
        c["error"] = type(e).__name__
    cases.append(c)


A = np.arange(24).reshape(2, 3, 4) * 10
v5 = np.arange(5) * 10

# take
for name, idx, axis in [
    ("neg", np.array([-1, -5, 0, 4]), 0),
    ("empty", np.array([], dtype=int), 0),
    ("2d-idx", np.array([[1, -5], [4, 0]]), 0),
    ("too-big", np.array([0, 5]), 0),
    ("too-neg", np.array([0, -6]), 0),
]:
    case("take/" + name, "take", lambda idx=idx, axis=axis: np.take(v5, idx, axis=axis), a=v5, indices=idx, axis=axis)
for axis in (0, 1, 2, -1):
    idx = np.array([[1, 0], [-1, 1]])
    case(f"take/3d/axis{axis}", "take", lambda idx=idx, axis=axis: np.take(A, idx, axis=axis), a=A, indices=idx, axis=axis)
case("take/0d-idx", "take", lambda: np.take(A, np.array(-1), axis=1), a=A, indices=np.array(-1), axis=1)
case("take/empty-axis", "take", lambda: np.take(np.zeros((2, 0), int), np.array([0]), axis=1), a=np.zeros((2, 0), int), indices=np.array([0]), axis=1)
case("take/empty-axis-empty-idx", "take", lambda: np.take(np.zeros((2, 0), int), np.array([], int), axis=1), a=np.zeros((2, 0), int), indices=np.array([], int), axis=1)
# take, flat
case("takeflat/2d", "takeflat", lambda: np.take(A, np.array([[-1, 0], [23, -24]])), a=A, indices=np.array([[-1, 0], [23, -24]]))
case("takeflat/0d", "takeflat", lambda: np.take(np.array(7), np.array([0, -1, 0])), a=np.array(7), indices=np.array([0, -1, 0]))
case("takeflat/bad", "takeflat", lambda: np.take(A, np.array([3, 24])), a=A, indices=np.array([3, 24]))
# take_along_axis
m = np.array([[10, 30, 20], [60, 40, 50]])
ia = np.argsort(m, axis=1)
case("along/argsort", "takealong", lambda: np.take_along_axis(m, ia, 1), a=m, indices=ia, axis=1)
case("along/bcast", "takealong", lambda: np.take_along_axis(v5[None, :], np.array([[0], [-1], [4]]), 1), a=v5[None, :], indices=np.array([[0], [-1], [4]]), axis=1)
case("along/axis0", "takealong", lambda: np.take_along_axis(m, np.array([[1, 0, 1]]), 0), a=m, indices=np.array([[1, 0, 1]]), axis=0)
case("along/bad", "takealong", lambda: np.take_along_axis(m, np.array([[3], [0]]), 1), a=m, indices=np.array([[3], [0]]), axis=1)


def put(a, *args, fn):
    a = a.copy()
    fn(a, *args)
    return a


case("put/cycle", "put", lambda: put(np.zeros(7, int), [0, 2, 4, 6, -1], [1, 2], fn=np.put), a=np.zeros(7, int), indices=np.array([0, 2, 4, 6, -1]), values=np.array([1, 2]))
case("put/repeat", "put", lambda: put(np.zeros(4, int), [1, 1, -3], [5, 6, 7], fn=np.put), a=np.zeros(4, int), indices=np.array([1, 1, -3]), values=np.array([5, 6, 7]))
case("put/2d", "put", lambda: put(np.zeros((2, 3), int), [[5, 0], [-1, 3]], [9, 8, 7], fn=np.put), a=np.zeros((2, 3), int), indices=np.array([[5, 0], [-1, 3]]), values=np.array([9, 8, 7]))
case("put/bad", "put", lambda: put(np.zeros(4, int), [1, 4], [5], fn=np.put), a=np.zeros(4, int), indices=np.array([1, 4]), values=np.array([5]))
case("putalong/repeat", "putalong", lambda: put(np.zeros(5, int), np.array([0, 0, 1]), np.array([1, 2, 3]), 0, fn=np.put_along_axis),
     a=np.zeros(5, int), indices=np.array([0, 0, 1]), values=np.array([1, 2, 3]), axis=0)
case("putalong/bcast", "putalong", lambda: put(np.zeros((2, 4), int), np.array([[3], [-1]]), np.array([7, 8])[:, None], 1, fn=np.put_along_axis),
     a=np.zeros((2, 4), int), indices=np.array([[3], [-1]]), values=np.array([7, 8])[:, None], axis=1)
case("putmask/cycle", "putmask", lambda: put(np.zeros((2, 3), int), np.array([[1, 0, 1], [0, 1, 1]], bool), [1, 2, 3, 4], fn=np.putmask),
     a=np.zeros((2, 3), int), mask=np.array([[1, 0, 1], [0, 1, 1]], bool), values=np.array([1, 2, 3, 4]))
case("putmask/long", "putmask", lambda: put(np.zeros(3, int), np.array([0, 1, 1], bool), np.arange(10, 20), fn=np.putmask),
     a=np.zeros(3, int), mask=np.array([0, 1, 1], bool), values=np.arange(10, 20))
case("place/fewer", "place", lambda: put(np.zeros((2, 3), int), np.array([[1, 0, 1], [0, 1, 1]], bool), [1, 2, 3], fn=np.place),
     a=np.zeros((2, 3), int), mask=np.array([[1, 0, 1], [0, 1, 1]], bool), values=np.array([1, 2, 3]))
case("place/one", "place", lambda: put(np.zeros(4, int), np.array([1, 1, 0, 1], bool), [9], fn=np.place),
     a=np.zeros(4, int), mask=np.array([1, 1, 0, 1], bool), values=np.array([9]))
# compress, extract
case("compress/short", "compress", lambda: np.compress([True, False], A, axis=1), condition=np.array([True, False]), a=A, axis=1)
case("compress/long-false", "compress", lambda: np.compress([False, True, False, False, False], A, axis=2), condition=np.array([False, True, False, False, False]), a=A, axis=2)
case("compress/long-true", "compress", lambda: np.compress([False, False, False, True], A, axis=1), condition=np.array([False, False, False, True]), a=A, axis=1)
case("compressflat/short", "compressflat", lambda: np.compress([True, False, True], A), condition=np.array([True, False, True]), a=A)
case("extract/2d", "extract", lambda: np.extract(A % 3 == 0, A), condition=A % 3 == 0, a=A)
case("extract/short", "extract", lambda: np.extract(np.array([True, False, True]), A), condition=np.array([True, False, True]), a=A)
case("extract/long", "extract", lambda: np.extract(np.ones(25, bool), A), condition=np.ones(25, bool), a=A)
# nonzero
f = np.array([[0.0, -0.0, np.nan], [np.inf, 1e-300, 0.0]])
case("nonzero/float", "nonzero", lambda: np.nonzero(f), a=f)
case("nonzero/1d", "nonzero", lambda: np.nonzero(f.ravel()), a=f.ravel())
case("nonzero/0d-true", "nonzero", lambda: np.nonzero(np.array(np.nan)), a=np.array(np.nan))
case("nonzero/0d-false", "nonzero", lambda: np.nonzero(np.array(-0.0)), a=np.array(-0.0))
case("flatnonzero/float", "flatnonzero", lambda: np.flatnonzero(f), a=f)
case("argwhere/float", "argwhere", lambda: np.argwhere(f), a=f)
case("argwhere/0d", "argwhere", lambda: np.argwhere(np.array(2.0)), a=np.array(2.0))
case("count/float", "count", lambda: np.array(np.count_nonzero(f)), a=f)
for axis in (0, 1):
    case(f"countaxis/{axis}", "countaxis", lambda axis=axis: np.count_nonzero(f, axis=axis), a=f, axis=axis)
# choose, select
ch = [np.array([[1, 2, 3]]) * 1, np.array([[10], [20]]), np.array(100)]
ci = np.array([[0, 1, 2], [2, -1, 3]])
case("choose/wrap", "choosewrap", lambda: np.choose(ci, ch, mode="wrap"), indices=ci, choices=ch)
case("choose/clip", "chooseclip", lambda: np.choose(ci, ch, mode="clip"), indices=ci, choices=ch)
case("choose/raise", "choose", lambda: np.choose(ci, ch), indices=ci, choices=ch)
ok = np.array([[0, 1, 2], [2, 1, 0]])
case("choose/ok", "choose", lambda: np.choose(ok, ch), indices=ok, choices=ch)
x = np.arange(6).reshape(2, 3)
case("select/first-wins", "select", lambda: np.select([x < 2, x < 4], [x, x * 10], -1), conditions=[x < 2, x < 4], choices=[x, x * 10], default=np.array(-1))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "take.json"), "w") as fh:
    json.dump({"numpy": np.__version__, "cases": cases}, fh, indent=None, separators=(",", ":"))
    fh.write("\n")
print(len(cases), "cases")
