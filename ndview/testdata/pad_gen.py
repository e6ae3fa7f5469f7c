# Writes pad.json: NumPy 1.24's np.pad over every mode, small shapes and
# widths of 0, small and larger than the extent, for ndview's pad_test.go.
# Run with /usr/bin/python3 (NumPy 1.24.2) from ndview/testdata.
import json
import numpy as np

rng = np.random.default_rng(14)
shapes = [(0,), (1,), (3,), (2, 3), (3, 0), (2, 1, 3)]
dtypes = ["int64", "uint8", "int8", "float64", "float32", "float16", "bool"]
movement = ["constant", "edge", "reflect", "symmetric", "wrap"]
arith = ["linear_ramp", "maximum", "minimum", "mean", "median"]


def widths_for(shape):
    nd = len(shape)
    out = [[[0, 0]], [[2, 1]]]
    if nd == 1:
        out.append([[5, 7]])
    else:  # wider than the extent on every axis, one side each
        out.append([[5, 0] if k == 0 else [k % 2, 4] for k in range(nd)])
    return out


def data_for(shape, dt):
    n = int(np.prod(shape))
    if dt == "bool":
        return rng.integers(0, 2, n).astype(bool)
    if dt == "uint8":
        return rng.integers(0, 256, n).astype(np.uint8)
    if dt == "int8":
        return rng.integers(-128, 128, n).astype(np.int8)
    return rng.integers(-20, 21, n).astype(dt)


def kwargs_for(mode, shape, dt):
    nd = len(shape)
    yield {}
    if mode == "constant":
        if dt == "bool":
            yield {"constant_values": True}
        else:
            yield {"constant_values": 7}
            yield {"constant_values": [[k + 1, -(k + 2) % 100] for k in range(nd)]}
    if mode in ("reflect", "symmetric") and dt != "bool":
        yield {"reflect_type": "odd"}
    if mode == "linear_ramp":
        yield {"end_values": 9}
        yield {"end_values": [[k + 3, 100 - k] for k in range(nd)]}
    if mode in ("maximum", "minimum", "mean", "median"):
        yield {"stat_length": [[1, 2]]}
        yield {"stat_length": [[2, 3] if k % 2 == 0 else [1, 1] for k in range(nd)]}


def num(x):
    """x as JSON: non-finite floats as the strings inf, -inf, nan."""
    x = float(x)
    return x if np.isfinite(x) else str(x)


cases = []
for shape in shapes:
    for dt in dtypes:
        a = data_for(shape, dt).reshape(shape)
        for mode in movement + arith:
            if mode in arith and dt == "bool":
                continue
            if mode in movement and dt not in ("int64", "bool", "float16") and mode not in ("reflect", "symmetric"):
                continue  # data movement is the same for every type; odd reflections are not
            for kw in kwargs_for(mode, shape, dt):
                for w in widths_for(shape):
                    case = {"dtype": dt, "shape": list(shape), "data": a.ravel().tolist(),
                            "widths": w, "mode": mode, "kwargs": kw}
                    try:
                        r = np.pad(a, w, mode=mode, **kw)
                    except ValueError as e:
                        case["error"] = str(e)
                    else:
                        case["out_shape"] = list(r.shape)
                        case["out"] = [x.item() if hasattr(x, "item") else x for x in r.ravel()]
                        if dt in ("float32", "float16", "float64"):
                            case["out"] = [num(x) for x in r.ravel()]
                    cases.append(case)

# Rounding corners: integer means and ramps that land on .5, and float ramps.
extra = [
    ("int64", [1, 2], [[2, 2]], "mean", {}),                # 1.5 -> 2
    ("int64", [2, 3], [[2, 2]], "mean", {}),                # 2.5 -> 2
    ("int64", [-3, -2], [[1, 1]], "mean", {}),              # -2.5 -> -2
    ("int64", [1, 2, 4, 7], [[1, 1]], "median", {}),        # 3.0
    ("int64", [1, 2, 3, 6], [[1, 1]], "median", {}),        # 2.5 -> 2
    ("int64", [0, 10], [[4, 3]], "linear_ramp", {"end_values": 3}),
    ("uint8", [255, 0, 7], [[5, 5]], "linear_ramp", {"end_values": 0}),
    ("float32", [0.1, 0.7], [[6, 6]], "linear_ramp", {"end_values": 1}),
    ("float16", [0.1, 0.7], [[6, 6]], "linear_ramp", {"end_values": 1}),
    ("float64", [0.1, 0.7, 0.3], [[6, 6]], "linear_ramp", {"end_values": 1}),
    ("float32", [0.1, 0.7, 0.3], [[1, 1]], "mean", {}),
    ("float16", [0.1, 0.7, 0.3], [[1, 1]], "mean", {}),
    ("float16", [0.1, 0.7, 0.3, 0.9], [[1, 1]], "median", {}),
    ("float16", [60000, 1000, 3], [[2, 2]], "reflect", {"reflect_type": "odd"}),
    ("int64", [4, 1, 2], [[3, 3]], "linear_ramp", {"end_values": 4}),  # a zero step
    ("float64", [4, 1, 2], [[3, 3]], "linear_ramp", {"end_values": 4.0}),
]
for dt, data, w, mode, kw in extra:
    a = np.array(data, dtype=dt)
    r = np.pad(a, w, mode=mode, **kw)
    out = [num(x) for x in r.ravel()] if a.dtype.kind == "f" else r.ravel().tolist()
    cases.append({"dtype": dt, "shape": [len(data)], "data": a.tolist(), "widths": w,
                  "mode": mode, "kwargs": kw, "out_shape": list(r.shape), "out": out})

with open("pad.json", "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, separators=(",", ":"))
print(len(cases), "cases")
