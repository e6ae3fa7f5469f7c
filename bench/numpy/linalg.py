#!/usr/bin/python3
"""NumPy timings of bench/linalg_test.go's cases (BenchmarkLinalg):
solve and inv of a 512² float64 matrix, the full SVD and eigh of a 256²
one, einsum('bij,bjk->bik') of two (64, 128, 128) stacks with
optimize=True, einsum('ii->') and einsum('ij->ji') (a view) of a 1024²
matrix. Run single-threaded:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/linalg.py

Prints, per case, the median of several runs in ms and in MB/s of the
input bytes the Go benchmark counts, under the Go sub-benchmark names.
"""
import os
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def matrix(n, sym=False):
    rng = np.random.default_rng(n)
    a = rng.random((n, n)) - 0.5 + n * np.eye(n)
    if sym:
        a = np.tril(a) + np.tril(a, -1).T
    return a


A512, A256, S256, SQ = matrix(512), matrix(256), matrix(256, True), matrix(1024)
RHS = np.ones(512)
X = (np.arange(64 * 128 * 128) % 7 - 3.0).reshape(64, 128, 128)
Y = (np.arange(64 * 128 * 128) % 5 - 2.0).reshape(64, 128, 128)
CASES = {
    "Solve/512": (lambda: np.linalg.solve(A512, RHS), 512 * 512 * 8),
    "Inv/512": (lambda: np.linalg.inv(A512), 512 * 512 * 8),
    "SVD/256": (lambda: np.linalg.svd(A256, full_matrices=True), 256 * 256 * 8),
    "Eigh/256": (lambda: np.linalg.eigh(S256), 256 * 256 * 8),
    "Einsum_bij,bjk->bik/64x128": (lambda: np.einsum("bij,bjk->bik", X, Y, optimize=True), 2 * X.nbytes),
    "Einsum_ii->/1024": (lambda: np.einsum("ii->", SQ, optimize=True), 0),
    "Einsum_ij->ji/1024": (lambda: np.einsum("ij->ji", SQ, optimize=True), 0),
}


def median_seconds(fn, budget=0.5):
    fn()  # warm up
    t = time.perf_counter()
    fn()
    once = max(time.perf_counter() - t, 1e-7)
    inner = max(1, int(0.02 / once))
    runs = max(5, min(25, int(budget / (once * inner))))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        times.append((time.perf_counter() - t) / inner)
    return statistics.median(times)


if __name__ == "__main__":
    print("numpy", np.__version__)
    for name, (fn, nbytes) in CASES.items():
        s = median_seconds(fn)
        rate = f"{nbytes / s / 1e6:8.0f} MB/s" if nbytes else ""
        print(f"{name}/numpy\t{s * 1e6:12.1f} µs\t{rate}")
