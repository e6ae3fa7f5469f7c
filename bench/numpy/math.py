#!/usr/bin/python3
"""NumPy timings of bench/math_test.go's cases (BenchmarkMath): 16M
contiguous elements, one thread. Prints the median of 7 runs per case,
in the Go benchmark's case names, in ms.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/math.py
"""
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np

N = 1 << 24
rng = np.random.default_rng(1)


def median_ms(f, runs=7):
    ts = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    ts.sort()
    return ts[len(ts) // 2] * 1e3


for name, fn, lo, hi in (("Sin", np.sin, -100, 100), ("Exp2", np.exp2, -10, 10),
                         ("Expm1", np.expm1, -1, 1), ("Log1p", np.log1p, 0, 10)):
    for dt in (np.float64, np.float32):
        a = rng.uniform(lo, hi, N).astype(dt)
        d = np.empty_like(a)
        print("%s/%s %.1f ms" % (name, np.dtype(dt).name, median_ms(lambda: fn(a, out=d))))
for dt in (np.float64, np.float32):
    a = rng.uniform(-100, 100, N).astype(dt)
    y = rng.uniform(0.5, 10, N).astype(dt)
    d = np.empty_like(a)
    for name, fn in (("FloorDivide", np.floor_divide), ("Remainder", np.remainder)):
        print("%s/%s %.1f ms" % (name, np.dtype(dt).name, median_ms(lambda: fn(a, y, out=d))))
