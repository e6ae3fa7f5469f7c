#!/usr/bin/python3
"""NumPy timings of the cases of bench/gemm_test.go (BenchmarkGemm), under
the same names. NumPy's matmul calls OpenBLAS when libopenblas0-pthread is
installed (check with np.show_config() or /proc/<pid>/maps). Run on one
thread and on two:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/gemm.py
    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 bench/numpy/gemm.py

Prints, per case, the median of several runs in ms and its GFLOP/s
(2·n·m·k per product). Pass "quick" to skip the 4096² cases.
"""
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

rng = np.random.default_rng(1)


def rand(dtype, *shape):
    return (2 * rng.random(shape) - 1).astype(dtype)


def timeit(fn, reps):
    fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


cases = []
for n in (1024, 4096):
    if n == 4096 and "quick" in sys.argv:
        continue
    for name, dt in (("F64", np.float64), ("F32", np.float32)):
        a, b = rand(dt, n, n), rand(dt, n, n)
        c = np.empty((n, n), dt)
        cases.append((f"{name}_{n}", 2 * n**3, lambda a=a, b=b, c=c: np.matmul(a, b, out=c), 5 if n == 4096 else 15))
        if n == 1024 and dt == np.float64:
            cases.append((f"{name}_{n}T", 2 * n**3, lambda a=a, b=b, c=c: np.matmul(a.T, b, out=c), 15))
for count, n in ((100_000, 4), (64, 128)):
    a, b = rand(np.float32, count, n, n), rand(np.float32, count, n, n)
    c = np.empty((count, n, n), np.float32)
    cases.append((f"Batch{count}x{n}_F32", 2 * count * n**3, lambda a=a, b=b, c=c: np.matmul(a, b, out=c), 15))

print("numpy", np.__version__, "OPENBLAS_NUM_THREADS", os.environ["OPENBLAS_NUM_THREADS"])
for name, flops, fn, reps in cases:
    t = timeit(fn, reps)
    print(f"{name:22s} {t * 1e3:9.2f} ms {flops / t / 1e9:8.1f} GFLOP/s")
