#!/usr/bin/python3
"""NumPy timings of the cases of bench/stats_test.go (BenchmarkStats),
under the same names. Run on one thread:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/stats.py

Prints, per case, the median of several runs in ms.
"""
import os
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

rng = np.random.default_rng(1)
a = rng.standard_normal(10_000_000)
n = 4096
m = rng.standard_normal((n, n))
out = np.empty((n, n))
row = np.empty(n)


def timeit(fn, reps=7):
    fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts) * 1e3


cases = {
    "Median": lambda: np.median(a),
    "Quantile90": lambda: np.quantile(a, 0.9),
    "Histogram256": lambda: np.histogram(a, bins=256, range=(-4, 4)),
    "CumsumAxis0": lambda: np.cumsum(m, axis=0, out=out),
    "CumsumAxis1": lambda: np.cumsum(m, axis=1, out=out),
    "VarAxis0": lambda: np.var(m, axis=0, out=row),
    "VarAxis1": lambda: np.var(m, axis=1, out=row),
}
print("numpy", np.__version__)
for name, fn in cases.items():
    print(f"{name:14s} {timeit(fn):9.2f} ms")
