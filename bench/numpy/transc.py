#!/usr/bin/python3
"""NumPy timings of bench/transc_test.go's cases (BenchmarkTransc): exp,
log, sin, cos and tanh of 16M contiguous float64 and float32 elements, one
thread, on the same inputs' ranges. Prints the median of 7 runs per case,
in the Go benchmark's case names, in ms.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/transc.py
"""
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np

N = 1 << 24
rng = np.random.default_rng(16)


def median_ms(f, runs=7):
    f()
    ts = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    ts.sort()
    return ts[len(ts) // 2] * 1e3


def case(name, f):
    print("%s %.2f ms" % (name, median_ms(f)), flush=True)


for name, fn, lo, hi in [("Exp", np.exp, -10, 10), ("Log", np.log, 0, 100),
                         ("Sin", np.sin, -10, 10), ("Cos", np.cos, -10, 10),
                         ("Tanh", np.tanh, -5, 5)]:
    a64 = rng.uniform(lo, hi, N)
    d64 = np.empty_like(a64)
    a32 = a64.astype(np.float32)
    d32 = np.empty_like(a32)
    case(name + "/f64/16M", lambda: fn(a64, out=d64))
    case(name + "/f32/16M", lambda: fn(a32, out=d32))
