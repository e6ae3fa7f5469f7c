"""NumPy 1.24 timings of the cases of bench/sort_test.go, one thread.

Run with OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/sort.py.
Prints, per case, the median of several runs in ns/op, under the names of
the Go benchmarks. np.sort copies before it sorts, as the Go cases do.
"""
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def median_ns(f, runs):
    f()
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        f()
        ts.append(time.perf_counter_ns() - t0)
    ts.sort()
    return ts[len(ts) // 2]


rng = np.random.default_rng(1)
a = rng.random(1_000_000)
m = rng.random((4096, 256)).astype(np.float32)
distinct = rng.integers(-(2**62), 2**62, 1000)
u = distinct[rng.integers(0, 1000, 10_000_000)]
s = np.sort(rng.random(1_000_000))
q = rng.random(1_000_000)

cases = [
    ("BenchmarkSort/float64-1M", lambda: np.sort(a), 9),
    ("BenchmarkArgsort/float64-1M", lambda: np.argsort(a, kind="stable"), 9),
    ("BenchmarkArgsort/float64-1M-quicksort", lambda: np.argsort(a), 9),
    ("BenchmarkSortAxis/float32-4096x256", lambda: np.sort(m, axis=-1), 15),
    ("BenchmarkUnique/int64-10M-1000", lambda: np.unique(u, return_counts=True), 5),
    ("BenchmarkSearchsorted/float64-1M-1M", lambda: np.searchsorted(s, q), 9),
]
print("numpy", np.__version__)
for name, f, runs in cases:
    print(f"{name:45s} {median_ns(f, runs):14d} ns/op")
