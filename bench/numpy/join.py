#!/usr/bin/python3
"""NumPy's timings for bench/join_test.go, under the same case names.

Run on one thread, beside the Go benchmarks:
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/join.py
Prints, per case, the median of 15 runs (each the mean of a few calls)
in milliseconds and the throughput counted as the Go benchmarks count it
(the result's bytes, read once and written once).
"""
import os
import statistics
import timeit

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402


def inputs(k, n, transposed):
    out = []
    for i in range(k):
        a = (np.arange(n * n, dtype=np.float32) % 251 + i).reshape(n, n)
        out.append(a.T if transposed else a)
    return out


def run(name, fn, nbytes, number=5, repeat=15):
    fn()
    times = timeit.repeat(fn, number=number, repeat=repeat)
    med = statistics.median(times) / number
    print("%-36s %9.3f ms %8.2f GB/s" % (name, med * 1e3, 2 * nbytes / med / 1e9))


def main():
    print("numpy", np.__version__)
    k, n = 8, 1024
    for layout, tr in (("C", False), ("T", True)):
        vs = inputs(k, n, tr)
        d0, d1 = np.empty((k * n, n), np.float32), np.empty((n, k * n), np.float32)
        run("Concatenate/axis0/%s" % layout, lambda: np.concatenate(vs, axis=0), 4 * k * n * n)
        run("Concatenate/axis0/%s/into" % layout, lambda: np.concatenate(vs, axis=0, out=d0), 4 * k * n * n)
        run("Concatenate/axis1/%s" % layout, lambda: np.concatenate(vs, axis=1), 4 * k * n * n)
        run("Concatenate/axis1/%s/into" % layout, lambda: np.concatenate(vs, axis=1, out=d1), 4 * k * n * n)
    k, n = 64, 256
    vs = inputs(k, n, False)
    d0, d1 = np.empty((k, n, n), np.float32), np.empty((n, n, k), np.float32)
    run("Stack/axis0", lambda: np.stack(vs, axis=0), 4 * k * n * n)
    run("Stack/axis0/into", lambda: np.stack(vs, axis=0, out=d0), 4 * k * n * n)
    run("Stack/last", lambda: np.stack(vs, axis=-1), 4 * k * n * n)
    run("Stack/last/into", lambda: np.stack(vs, axis=-1, out=d1), 4 * k * n * n)
    run("Zeros/16MiB", lambda: np.empty(4 << 20, np.float32), 4 << 22)
    run("Zeros/32MiB", lambda: np.empty(8 << 20, np.float32), 4 << 23)
    n = 1024
    a = inputs(1, n, False)[0]
    run("Tile/2x2", lambda: np.tile(a, (2, 2)), 4 * 4 * n * n)
    run("Repeat/4/axis1", lambda: np.repeat(a, 4, axis=1), 4 * 4 * n * n)


main()
