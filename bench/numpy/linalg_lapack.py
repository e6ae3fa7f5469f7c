#!/usr/bin/python3
"""NumPy timings of bench/linalg_lapack_test.go's cases
(BenchmarkLinalgLAPACK): solve, inv, det, cholesky, qr (reduced), the full
svd and eigh of a float64 and a float32 1024² matrix; det, inv and solve of a batch of 100,000
3×3 matrices; einsum('bij,bjk->bik') of two (4096, 16, 16) stacks and
einsum('ij,ij->i') of two (100000, 64) arrays, with optimize=True. Run
single-threaded (the default here), or with two threads:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/linalg_lapack.py
    OPENBLAS_NUM_THREADS=2 /usr/bin/python3 bench/numpy/linalg_lapack.py

Prints, per case, the median of several runs in µs and in MB/s of the
input bytes the Go benchmark counts, and the median CPU time
(process_time, the Go benchmarks' cpu-ns/op), under the Go
sub-benchmark names. Arguments, if any, select cases by substring.
"""
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def matrix(n, sym=False):
    rng = np.random.default_rng(n)
    a = rng.random((n, n)) - 0.5 + n * np.eye(n)
    if sym:
        a = np.tril(a) + np.tril(a, -1).T
    return a


def batch3(count):
    rng = np.random.default_rng(3)
    a = rng.random((count, 3, 3)) - 0.5 + 2 * np.eye(3)
    return a, rng.random((count, 3, 1))


N = 1024
A, SPD, RHS = matrix(N), matrix(N, True), np.ones(N)
B3, R3 = batch3(100000)
X = (np.arange(4096 * 16 * 16) % 7 - 3.0).reshape(4096, 16, 16)
Y = (np.arange(4096 * 16 * 16) % 5 - 2.0).reshape(4096, 16, 16)
U = (np.arange(100000 * 64) % 7 - 3.0).reshape(100000, 64)
V = (np.arange(100000 * 64) % 5 - 2.0).reshape(100000, 64)
MB = N * N * 8
A32, SPD32, RHS32 = A.astype(np.float32), SPD.astype(np.float32), RHS.astype(np.float32)
CASES = {}
for suffix, (a, spd, rhs, nb) in {"1024": (A, SPD, RHS, MB), "1024f32": (A32, SPD32, RHS32, MB // 2)}.items():
    CASES.update({
        f"Solve/{suffix}": ((lambda a=a, rhs=rhs: np.linalg.solve(a, rhs)), nb),
        f"Inv/{suffix}": ((lambda a=a: np.linalg.inv(a)), nb),
        f"Det/{suffix}": ((lambda a=a: np.linalg.det(a)), nb),
        f"Cholesky/{suffix}": ((lambda spd=spd: np.linalg.cholesky(spd)), nb),
        f"QR/{suffix}": ((lambda a=a: np.linalg.qr(a)), nb),
        f"SVD/{suffix}": ((lambda a=a: np.linalg.svd(a, full_matrices=True)), nb),
        f"Eigh/{suffix}": ((lambda spd=spd: np.linalg.eigh(spd)), nb),
    })
CASES.update({
    "Det/100000x3x3": (lambda: np.linalg.det(B3), B3.nbytes),
    "Inv/100000x3x3": (lambda: np.linalg.inv(B3), B3.nbytes),
    "Solve/100000x3x3": (lambda: np.linalg.solve(B3, R3), B3.nbytes),
    "Einsum_bij,bjk->bik/4096x16": (lambda: np.einsum("bij,bjk->bik", X, Y, optimize=True), 2 * X.nbytes),
    "Einsum_ij,ij->i/100000x64": (lambda: np.einsum("ij,ij->i", U, V, optimize=True), 2 * U.nbytes),
})


def median_seconds(fn, budget=1.0):
    """Medians of the wall time and of the CPU time (time.process_time,
    which the Go benchmarks' cpu-ns/op matches) of one call."""
    fn()  # warm up
    t = time.perf_counter()
    fn()
    once = max(time.perf_counter() - t, 1e-7)
    inner = max(1, int(0.02 / once))
    runs = max(5, min(25, int(budget / (once * inner))))
    wall, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        for _ in range(inner):
            fn()
        wall.append((time.perf_counter() - t) / inner)
        cpu.append((time.process_time() - c) / inner)
    return statistics.median(wall), statistics.median(cpu)


if __name__ == "__main__":
    only = sys.argv[1:]
    print("numpy", np.__version__, "OPENBLAS_NUM_THREADS", os.environ["OPENBLAS_NUM_THREADS"])
    for name, (fn, nbytes) in CASES.items():
        if only and not any(o in name for o in only):
            continue
        s, c = median_seconds(fn)
        print(f"{name}/numpy\t{s * 1e6:12.1f} µs\t{nbytes / s / 1e6:8.0f} MB/s\t{c * 1e9:14.0f} cpu-ns/op")
