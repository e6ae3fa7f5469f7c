#!/usr/bin/python3
"""NumPy timings of bench/create_test.go's cases (BenchmarkCreate):
np.arange(0, n/2, 0.5), np.linspace(0, 1, n) and np.full(n, 1.5) of
n = 16M float64, each a new array per call. Run single-threaded:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/create.py

Prints, per case, the median of several runs in ms and in MB/s of bytes
written, under the Go sub-benchmark names.
"""
import os
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

N = 16 << 20
CASES = {
    "Arange/f64/16M": lambda: np.arange(0.0, N / 2, 0.5),
    "Linspace/f64/16M": lambda: np.linspace(0.0, 1.0, N),
    "Full/f64/16M": lambda: np.full(N, 1.5),
}


def median_seconds(fn, runs=15, inner=3):
    fn()  # warm up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for _ in range(inner):
            a = fn()
            del a
        times.append((time.perf_counter() - t) / inner)
    return statistics.median(times)


if __name__ == "__main__":
    print("numpy", np.__version__)
    for name, fn in CASES.items():
        assert fn().shape == (N,)
        s = median_seconds(fn)
        print(f"{name}/numpy\t{s * 1e3:8.2f} ms\t{N * 8 / s / 1e6:8.0f} MB/s")
