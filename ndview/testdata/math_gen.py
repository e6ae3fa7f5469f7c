#!/usr/bin/python3
"""Writes math.json: NumPy 1.24's results of the element-wise mathematical
functions (semantics.md §17) on adversarial inputs, for math_test.go.

Run with /usr/bin/python3 (NumPy 1.24.2) from ndview/testdata:

    /usr/bin/python3 math_gen.py

Every float is written as the hex of its bits (float64: 16 digits, float32:
8), so that signed zeros, NaNs and the last bit survive. The inputs are
the same for every function of one arity: zeros of both signs,
subnormals, values next to ±1 and to the points where functions
overflow, huge values (where trigonometric argument reduction is hard),
±Inf, NaN, and random values over the whole exponent range. Integer
functions are evaluated on the corner values of each integer type.
"""

import json
import warnings

import numpy as np

warnings.simplefilter("ignore")
rng = np.random.default_rng(17)


def near(x, k, dtype):
    """x and its k nearest neighbours on each side, in dtype."""
    x = dtype(x)
    out = [x]
    lo = hi = x
    for _ in range(k):
        lo = np.nextafter(lo, dtype(-np.inf))
        hi = np.nextafter(hi, dtype(np.inf))
        out += [lo, hi]
    return out


def unary_inputs(dtype):
    fi = np.finfo(dtype)
    v = [0.0, -0.0, np.inf, -np.inf, np.nan, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, -3.0, 0.1, 10.0, 100.0,
         fi.tiny, -fi.tiny, fi.tiny / 4, -fi.tiny / 4, fi.max, -fi.max, fi.eps, -fi.eps,
         float(fi.smallest_subnormal), -float(fi.smallest_subnormal)]
    for c in (1.0, -1.0, 0.5, -0.5, 0.0, 0.7, -0.7, 0.9999, -0.9999):
        v += near(c, 6, dtype)
    # 1 - 2^-k and -1 + 2^-k: asin, acos, atanh near ±1.
    for k in range(1, fi.nmant + 2, 2):
        v += [1 - 2.0 ** -k, -1 + 2.0 ** -k, 1 + 2.0 ** -k]
    # Where exponentials overflow, and logs of tiny and huge values.
    for c in (709.78, 710.5, -745.2, 1023.9, 1024.0, -1074.5, 88.7, 89.4, -103.9, 127.9, 128.0, -149.5, 20.0, 22.0, 44.0):
        v += near(c, 2, dtype)
    # Multiples of pi/4 (hard for argument reduction), small and large.
    for k in (1, 2, 3, 4, 7, 100, 1000, 355, 103993, 2 ** 20, 2 ** 28, 2 ** 29, 2 ** 30, 2 ** 40):
        v += near(k * np.pi / 4, 1, dtype) + near(-k * np.pi / 2, 1, dtype)
    # Huge arguments.
    for e in (22, 29, 30, 40, 52, 53, 60, 100, 200, 300) if dtype == np.float64 else (22, 23, 24, 29, 30, 60, 100, 120):
        v += [2.0 ** e, -(2.0 ** e), 2.0 ** e * 1.2345, 10.0 ** (e * 0.3)]
    v += [1e22, 6381956970095103.0 * 2.0 ** 797, 5.319372648326541e255, 1.0e300] if dtype == np.float64 else []
    # Random values: uniform in [-1, 1], [-20, 20], and log-uniform.
    v += list(rng.uniform(-1, 1, 100)) + list(rng.uniform(-20, 20, 100))
    mags = 2.0 ** rng.uniform(fi.minexp - fi.nmant, fi.maxexp, 150)
    v += list(mags * rng.choice([-1.0, 1.0], 150))
    with np.errstate(all="ignore"):
        return np.array(v, dtype=np.float64).astype(dtype)


def binary_inputs(dtype):
    fi = np.finfo(dtype)
    c = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 0.1, -0.1, 10.0, 2.5, -2.5, 7.0, 1.5, 0.3,
         1e-5, 1e5, 65.5, -33.25, fi.max, -fi.max, fi.tiny, float(fi.smallest_subnormal), -float(fi.smallest_subnormal),
         np.inf, -np.inf, np.nan, 1 - fi.eps, 1 + fi.eps, 100.0, 1e30, -1e-30, 8e-25, -8e-25]
    if dtype == np.float64:
        c += [1.8e308, -1.8e308, 1e300, 1e-300]
    xs, ys = [], []
    for x in c:
        for y in c:
            xs.append(x)
            ys.append(y)
    n = 300
    xs += list(rng.uniform(-50, 50, n)) + list(2.0 ** rng.uniform(-60, 60, n) * rng.choice([-1.0, 1.0], n))
    ys += list(rng.uniform(-50, 50, n)) + list(2.0 ** rng.uniform(-60, 60, n) * rng.choice([-1.0, 1.0], n))
    # Powers: bases near 1 with large exponents, and integer exponents.
    for k in range(150):
        xs.append(1 + rng.uniform(-1e-3, 1e-3))
        ys.append(rng.uniform(-5e5, 5e5))
        xs.append(rng.uniform(-10, 10))
        ys.append(float(rng.integers(-300, 300)))
    with np.errstate(all="ignore"):
        return np.array(xs).astype(dtype), np.array(ys).astype(dtype)


UNARY = ["sin", "cos", "tan", "arcsin", "arccos", "arctan", "deg2rad", "rad2deg",
         "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
         "exp2", "expm1", "log2", "log10", "log1p",
         "rint", "ceil", "floor", "trunc", "fix", "reciprocal", "spacing", "sign",
         "square", "cbrt", "fabs"]
BINARY = ["arctan2", "hypot", "logaddexp", "logaddexp2", "power", "floor_divide", "remainder",
          "fmod", "copysign", "nextafter", "heaviside"]
ROUND = [-2, -1, 0, 1, 2, 5]


def bits(a):
    if a.dtype == np.float64:
        return ["%016x" % int(b) for b in a.view(np.uint64)]
    return ["%08x" % int(b) for b in a.view(np.uint32)]


def main():
    out = {}
    for name, dtype in (("float64", np.float64), ("float32", np.float32)):
        d = {}
        x = unary_inputs(dtype)
        d["unary"] = bits(x)
        for f in UNARY:
            d[f] = bits(getattr(np, f)(x))
        # Rounding to decimals, on moderate values where it is interesting.
        xr = np.concatenate([x, (rng.uniform(-1000, 1000, 300)).astype(dtype),
                             np.array([2.675, 0.125, 0.375, -2.5, 1.005, 123.456, 1e300, -1e-300], dtype=np.float64).astype(dtype)])
        d["round"] = bits(xr)
        for dec in ROUND:
            d["round%d" % dec] = bits(np.round(xr, dec))
        xb, yb = binary_inputs(dtype)
        d["binary_x"], d["binary_y"] = bits(xb), bits(yb)
        for f in BINARY:
            d[f] = bits(getattr(np, f)(xb, yb))
        out[name] = d
    out["int"] = integers()
    with open("math.json", "w") as fp:
        json.dump(out, fp, separators=(",", ":"))
        fp.write("\n")


def integers():
    """NumPy's integer functions on the corners of each integer type, as
    decimal strings."""
    res = {}
    for t in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint64):
        ii = np.iinfo(t)
        c = sorted({0, 1, 2, 3, 5, 7, 8, 9, 63, 64, 65, 100, ii.max, ii.max - 1, ii.min, ii.min + 1} |
                   ({-1, -2, -3, -5, -7, -8, -9, -63, -64, -100} if ii.min < 0 else set()))
        xs = np.array([a for a in c for b in c], dtype=t)
        ys = np.array([b for a in c for b in c], dtype=t)
        d = {"x": [str(v) for v in xs], "y": [str(v) for v in ys]}
        for f in ("floor_divide", "remainder", "fmod", "gcd", "lcm", "left_shift", "right_shift",
                  "bitwise_and", "bitwise_or", "bitwise_xor"):
            d[f] = [str(v) for v in getattr(np, f)(xs, ys)]
        nonneg = ys >= 0
        p = np.power(xs, np.where(nonneg, ys, 0))
        d["power"] = [str(v) if ok else "" for v, ok in zip(p, nonneg)]
        for f in ("sign", "square", "invert", "reciprocal"):
            r = getattr(np, f)(xs)
            if f == "reciprocal":
                r = np.where(xs == 0, 0, r)  # 1/0 is undefined behaviour in NumPy's C loop
            d[f] = [str(v) for v in r]
        res[np.dtype(t).name] = d
    return res


if __name__ == "__main__":
    main()
