#!/usr/bin/python3
"""NumPy timings of bench/random_test.go's cases (BenchmarkRandom):
Generator.random and Generator.standard_normal of n = 16M float64 from
default_rng(42), into a preallocated array (out=) and as a new array per
call. Run single-threaded:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/rng.py

Prints, per case, the median of several runs in ms and in MB/s of bytes
written, under the Go sub-benchmark names.
"""
import sys

# This file's name shadows the standard library's random module, which
# NumPy imports: take the script's directory off the module path first.
sys.path.pop(0)

import os  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

N = 16 << 20
rng = np.random.default_rng(42)
out = np.empty(N)
CASES = {
    "Random/f64/16M/into": lambda: rng.random(out=out),
    "Random/f64/16M/new": lambda: rng.random(N),
    "StandardNormal/f64/16M/into": lambda: rng.standard_normal(out=out),
    "StandardNormal/f64/16M/new": lambda: rng.standard_normal(N),
}


def median_seconds(fn, runs=11, inner=2):
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
