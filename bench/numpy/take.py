"""NumPy timings of the cases of bench/take_test.go (BenchmarkTake,
BenchmarkNonzero), one thread, median of several runs per case, printed in
the Go benchmark's case names.

Run: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/take.py [filter]
(a filter prints only the cases whose names contain it).
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import statistics
import sys
import time

import numpy as np


def median_time(f, repeat=15, number=None):
    f()
    if number is None:
        t0 = time.perf_counter()
        f()
        dt = time.perf_counter() - t0
        number = max(1, int(0.05 / max(dt, 1e-9)))
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            f()
        runs.append((time.perf_counter() - t0) / number)
    return statistics.median(runs)


def report(name, seconds, nbytes):
    if len(sys.argv) > 1 and sys.argv[1] not in name:
        return
    print(f"{name:<40s} {seconds * 1e6:12.1f} µs  {nbytes / seconds / 1e6:10.1f} MB/s")


def main():
    rng = np.random.default_rng(1)

    # Take, flat: 1M random indices into 16M float32.
    n, k = 1 << 24, 1 << 20
    a = rng.random(n, dtype=np.float32)
    idx = rng.integers(0, n, size=k, dtype=np.intp)
    out = np.empty(k, dtype=np.float32)
    report("Take/flat/ndview", median_time(lambda: np.take(a, idx)), k * (8 + 4 + 4))
    report("Take/flat/into", median_time(lambda: np.take(a, idx, out=out)), k * (8 + 4 + 4))

    # Take, rows: 4096 random rows of a (65536, 64) float32 array.
    m = a[: 65536 * 64].reshape(65536, 64)
    rows = rng.integers(0, 65536, size=4096, dtype=np.intp)
    nb = 4096 * 8 + 2 * 4096 * 64 * 4
    report("Take/rows/ndview", median_time(lambda: np.take(m, rows, axis=0)), nb)
    rout = np.empty((4096, 64), dtype=np.float32)
    report("Take/rows/into", median_time(lambda: np.take(m, rows, axis=0, out=rout)), nb)

    # Nonzero of 16M bools, 1% and 50% true.
    for pct in (1, 50):
        b = rng.random(n) < pct / 100
        cnt = int(b.sum())
        report(f"Nonzero/{pct}%/ndview", median_time(lambda: np.nonzero(b)), n + 8 * cnt)


if __name__ == "__main__":
    main()
