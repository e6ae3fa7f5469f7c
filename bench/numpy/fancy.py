"""NumPy timings of the advanced-indexing cases of bench/fancy_test.go.

Run with /usr/bin/python3 (NumPy 1.24) on one thread:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/fancy.py

Each case prints the median of several runs, in the sub-benchmark names of
BenchmarkFancy, in ns per operation.
"""
import os
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import statistics
import time

import numpy as np

N = 1 << 24  # 16M float32 elements


def median_ns(fn, runs=15, inner=1):
    fn()  # warm up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter_ns() - t0) / inner)
    return statistics.median(times)


def main():
    rng = np.random.default_rng(1)
    a = np.arange(N, dtype=np.float32)
    mask = rng.random(N) < 0.5
    count = int(mask.sum())
    vals = np.arange(count, dtype=np.float32)
    scalar = np.float32(7)

    cases = {}
    cases["MaskGet"] = lambda: a[mask]
    def set_scalar():
        a[mask] = scalar
    def set_values():
        a[mask] = vals
    cases["MaskSetScalar"] = set_scalar
    cases["MaskSetValues"] = set_values

    c = np.arange(256 * 256 * 256, dtype=np.float32).reshape(256, 256, 256)
    i0 = rng.integers(0, 256, 4096)
    i1 = rng.integers(0, 256, 4096)
    cases["Separated"] = lambda: c[i0, :, i1]

    for name, fn in cases.items():
        print(f"BenchmarkFancy/{name}/numpy\t{median_ns(fn):.0f} ns/op")


if __name__ == "__main__":
    main()
