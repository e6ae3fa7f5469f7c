#!/usr/bin/python3
"""Writes join.json: NumPy 1.24's answers for the joining, splitting and
shape routines of semantics.md §13, read by join_test.go.

Run with /usr/bin/python3 (NumPy 1.24) from ndview/testdata:
    /usr/bin/python3 join_gen.py
Every input array is np.arange(size).reshape(shape) + 100*k for input k,
so that each element says where it came from.
"""
import json
import numpy as np

assert np.__version__.startswith("1.24"), np.__version__


def arr(shape, k=0):
    return (np.arange(int(np.prod(shape, dtype=np.int64))) + 100 * k).reshape(shape)


def enc(a):
    a = np.asarray(a)
    return {"shape": list(a.shape), "data": [int(x) for x in a.ravel()]}


cases = []


def case(name, op, shapes, fn, **params):
    ins = [arr(s, k) for k, s in enumerate(shapes)]
    c = {"name": name, "op": op, "inputs": [list(s) for s in shapes], "params": params}
    try:
        r = fn(ins)
    except Exception as e:  # NumPy refuses: the Go side expects a failure
        c["error"] = type(e).__name__ + ": " + str(e)
    else:
        if isinstance(r, (list, tuple)):
            c["results"] = [enc(x) for x in r]
        else:
            c["result"] = enc(r)
    cases.append(c)


# Concatenate, ConcatenateFlat.
for shapes, axis in [
    ([(2, 3), (4, 3)], 0),
    ([(2, 3), (2, 1), (2, 0)], 1),
    ([(2, 3), (2, 1), (2, 0)], -1),
    ([(2, 3, 4), (2, 1, 4), (2, 2, 4)], -2),
    ([(2, 0, 3), (2, 0, 3)], 1),
    ([(0, 3), (0, 3)], 0),
    ([(3,), (5,), (1,)], 0),
    ([(2, 3)], 1),
    ([(), ()], 0),
    ([(3,), (2, 2)], 0),
    ([(2, 3), (2, 2)], 0),
    ([], 0),
]:
    case("concatenate%s/%d" % (shapes, axis), "concatenate", shapes,
         lambda ins, axis=axis: np.concatenate(ins, axis=axis), axis=axis)
for shapes in [[(), (2, 3), (0,)], [(2, 2), (3,)], []]:
    case("concatenate%s/None" % (shapes,), "concatenate_flat", shapes,
         lambda ins: np.concatenate(ins, axis=None))

# Stack and friends.
for shapes, axis in [
    ([(3,), (3,), (3,)], 0),
    ([(3,), (3,), (3,)], -1),
    ([(2, 3), (2, 3)], 1),
    ([(2, 3), (2, 3)], 2),
    ([(2, 3), (2, 3)], -3),
    ([(), ()], 0),
    ([(2, 0), (2, 0)], 1),
    ([(2, 3), (3, 2)], 0),
    ([], 0),
]:
    case("stack%s/%d" % (shapes, axis), "stack", shapes,
         lambda ins, axis=axis: np.stack(ins, axis=axis), axis=axis)
for op, fn in [("hstack", np.hstack), ("vstack", np.vstack), ("dstack", np.dstack), ("column_stack", np.column_stack)]:
    for shapes in [[(3,), (2,)], [(3,), (3,)], [(), ()], [(2, 1), (2, 3)], [(2, 3), (2, 3)],
                   [(2, 3), (3,)], [(3,), (3, 2)], [(1, 2, 3), (1, 2, 1)], []]:
        case("%s%s" % (op, shapes), op, shapes, lambda ins, fn=fn: fn(ins))

# Splits.
for shape, sections, axis in [((10,), 5, 0), ((4, 6), 3, 1), ((4, 6), 2, -2), ((10,), 3, 0), ((0, 2), 3, 0)]:
    case("split%s/%d/%d" % (shape, sections, axis), "split", [shape],
         lambda ins, s=sections, a=axis: np.split(ins[0], s, axis=a), sections=sections, axis=axis)
for shape, sections, axis in [((10,), 3, 0), ((10,), 12, 0), ((5, 4), 2, 0), ((3, 5), 4, -1), ((0,), 2, 0)]:
    case("array_split%s/%d/%d" % (shape, sections, axis), "array_split", [shape],
         lambda ins, s=sections, a=axis: np.array_split(ins[0], s, axis=a), sections=sections, axis=axis)
for shape, idx, axis in [((10,), [3, 1, -1, 10], 0), ((10,), [], 0), ((3, 7), [2, 5], 1),
                         ((10,), [-20, 20], 0), ((4, 2), [1, 1, 3], 0), ((10,), [12, 3], 0)]:
    case("split_at%s/%s/%d" % (shape, idx, axis), "split_at", [shape],
         lambda ins, i=idx, a=axis: np.split(ins[0], i, axis=a), indices=idx, axis=axis)
for op, fn in [("hsplit", np.hsplit), ("vsplit", np.vsplit), ("dsplit", np.dsplit)]:
    for shape in [(4,), (2, 4), (4, 2, 2), (2, 2, 4)]:
        case("%s%s" % (op, shape), op, [shape], lambda ins, fn=fn: fn(ins[0], 2), sections=2)
for shape, axis in [((2, 3), 0), ((2, 3), 1), ((2, 3, 4), -1), ((0, 2), 0)]:
    case("unstack%s/%d" % (shape, axis), "unstack", [shape],
         lambda ins, a=axis: list(np.moveaxis(ins[0], a, 0)), axis=axis)

# Tile, Repeat, Roll, Resize.
for shape, reps in [((3,), [2]), ((2, 3), [2]), ((3,), [2, 2, 2]), ((2, 3), [2, 2]), ((), [3]),
                    ((2, 3), []), ((2, 0), [2, 3]), ((2, 3), [0, 2]), ((2, 1, 3), [1, 3, 1]),
                    ((2, 3), [1, 1]), ((2,), [2, 1, 2])]:
    case("tile%s/%s" % (shape, reps), "tile", [shape], lambda ins, r=reps: np.tile(ins[0], r), reps=reps)
for shape, rep, axis in [((2, 3), 2, 0), ((2, 3), 3, 1), ((2, 3), 2, -1), ((2, 3), 0, 1), ((2, 3, 2), 2, 1)]:
    case("repeat%s/%d/%d" % (shape, rep, axis), "repeat", [shape],
         lambda ins, r=rep, a=axis: np.repeat(ins[0], r, axis=a), repeats=rep, axis=axis)
for shape, rep in [((2, 3), 2), ((), 3), ((0,), 2), ((3,), 0)]:
    case("repeat%s/%d/None" % (shape, rep), "repeat_flat", [shape],
         lambda ins, r=rep: np.repeat(ins[0], r), repeats=rep)
for shape, counts, axis in [((3,), [1, 0, 2], 0), ((2, 3), [2, 1], 0), ((2, 3), [0, 3, 1], 1),
                            ((2, 3), [2], 1), ((2, 3), [1, 2], 1), ((2, 3), [], 1), ((0, 2), [], 0)]:
    case("repeat_counts%s/%s/%d" % (shape, counts, axis), "repeat_counts", [shape],
         lambda ins, c=counts, a=axis: np.repeat(ins[0], c, axis=a), counts=counts, axis=axis)
for shape, counts in [((2, 2), [1, 0, 2, 1]), ((2, 2), [3]), ((2, 2), [1, 2])]:
    case("repeat_counts%s/%s/None" % (shape, counts), "repeat_counts_flat", [shape],
         lambda ins, c=counts: np.repeat(ins[0], c), counts=counts)
for shape, shifts, axes in [((10,), [3], []), ((10,), [-3], []), ((10,), [13], []), ((10,), [-13], []),
                            ((3, 4), [5], []), ((3, 4), [1], [0]), ((3, 4), [5], [1]), ((3, 4), [-1], [-1]),
                            ((3, 4), [1, 2], [0, 1]), ((3, 4), [1], [0, 0]), ((3, 4), [1], [0, 1]),
                            ((3, 4), [1, 2], [1]), ((2, 3, 4), [7, -5, 2], [2, 0, 1]), ((0, 3), [1], [1]),
                            ((), [1], []), ((3, 4), [1, 2], [])]:
    case("roll%s/%s/%s" % (shape, shifts, axes), "roll", [shape],
         lambda ins, s=shifts, a=axes: np.roll(ins[0], s if len(s) > 1 else s[0],
                                              axis=(None if not a else (a[0] if len(a) == 1 else tuple(a)))),
         shifts=shifts, axes=axes)
for shape, new in [((3,), [2, 4]), ((2, 3), [2, 2]), ((0,), [2, 3]), ((2, 3), [0]), ((2, 3), [7]),
                   ((), [2, 2]), ((2, 3), [-1, 3]), ((2, 3), [])]:
    case("resize%s/%s" % (shape, new), "resize", [shape], lambda ins, n=new: np.resize(ins[0], n), shape=new)

# Shape routines and the axis operations with several axes.
for shape in [(), (3,), (2, 3), (2, 3, 4), (1, 2, 3, 4)]:
    for op, fn in [("atleast_1d", np.atleast_1d), ("atleast_2d", np.atleast_2d), ("atleast_3d", np.atleast_3d)]:
        case("%s%s" % (op, shape), op, [shape], lambda ins, fn=fn: fn(ins[0]))
for shapes in [[(3, 1), (1, 4), (4,)], [(2, 3), (2, 3)], [(3,), (4,)], [(0, 1), (1, 5)], [()], []]:
    case("broadcast_arrays%s" % (shapes,), "broadcast_arrays", shapes, lambda ins: np.broadcast_arrays(*ins))
for order in "CFA":
    case("ravel/%s" % order, "ravel", [(2, 3, 4)], lambda ins, o=order: np.ravel(ins[0], order=o), order=order)
    case("ravel.T/%s" % order, "ravel_t", [(2, 3, 4)], lambda ins, o=order: np.ravel(ins[0].T, order=o), order=order)
for shape, axes in [((2, 3), [0, -1]), ((2, 3), [0, 3]), ((2, 3), [-1, -4]), ((2, 3), [1, 1]),
                    ((2, 3), [1, -3]), ((2, 3), [4]), ((), [0, 1])]:
    case("expand_dims%s/%s" % (shape, axes), "expand_dims", [shape],
         lambda ins, a=axes: np.expand_dims(ins[0], tuple(a)), axes=axes)
for shape, axes in [((2, 3, 4), [0, -1]), ((2, 3, 4), [2, 0]), ((2, 3, 4), [1, -2]), ((2, 3, 4), [3]), ((2, 3), [])]:
    case("flip%s/%s" % (shape, axes), "flip", [shape],
         lambda ins, a=axes: np.flip(ins[0], tuple(a) if a else None), axes=axes)
for shape, src, dst in [((2, 3, 4), [0, 1], [-1, 0]), ((2, 3, 4), [-1], [0]), ((2, 3, 4, 5), [0, 2], [3, 1]),
                        ((2, 3, 4), [0, 0], [1, 2]), ((2, 3, 4), [0, 1], [2, 2]), ((2, 3, 4), [0], [3])]:
    case("moveaxis%s/%s/%s" % (shape, src, dst), "moveaxis", [shape],
         lambda ins, s=src, d=dst: np.moveaxis(ins[0], s, d), src=src, dst=dst)

with open("join.json", "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, indent=0, separators=(",", ":"))
    f.write("\n")
print(len(cases), "cases")
