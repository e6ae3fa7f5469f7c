#!/usr/bin/python3
"""NumPy timings of the cases of bench/window_test.go (BenchmarkBoxBlur):
box filters on a 1080p float32 image, with NumPy's best idioms. Run on
one thread:
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/window.py
Prints, per case, the median of several runs in ms.
"""
import os
import statistics
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402
from numpy.lib.stride_tricks import sliding_window_view  # noqa: E402

R, C = 1080, 1920
img = ((np.arange(R * C) % 251) / 251).astype(np.float32).reshape(R, C)


def timeit(fn, reps=9):
    fn()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts) * 1e3


def shifted(w):
    """w*w shifted adds into one preallocated result."""
    m, n = R - w + 1, C - w + 1
    out = np.empty((m, n), np.float32)

    def f():
        np.copyto(out, img[:m, :n])
        for k in range(1, w * w):
            i, j = divmod(k, w)
            np.add(out, img[i:i + m, j:j + n], out=out)
    return f


def separable(w):
    """Shifted adds along rows, then along columns (2(w-1) adds)."""
    m, n = R - w + 1, C - w + 1
    rows = np.empty((m, C), np.float32)
    out = np.empty((m, n), np.float32)

    def f():
        np.copyto(rows, img[:m])
        for i in range(1, w):
            np.add(rows, img[i:i + m], out=rows)
        np.copyto(out, rows[:, :n])
        for j in range(1, w):
            np.add(out, rows[:, j:j + n], out=out)
    return f


def cumsum_diff(w):
    """Summed-area table: zero-padded 2-D cumsum, four-corner difference."""
    m, n = R - w + 1, C - w + 1
    c = np.zeros((R + 1, C + 1), np.float32)
    out = np.empty((m, n), np.float32)

    def f():
        np.cumsum(img, axis=0, out=c[1:, 1:])
        np.cumsum(c[1:, 1:], axis=1, out=c[1:, 1:])
        np.subtract(c[w:, w:], c[:-w, w:], out=out)
        np.subtract(out, c[w:, :-w], out=out)
        np.add(out, c[:-w, :-w], out=out)
    return f


def window_sum(w):
    return lambda: sliding_window_view(img, (w, w)).sum(axis=(2, 3))


cases = {
    "3x3/shifted-adds": shifted(3),
    "3x3/separable-adds": separable(3),
    "3x3/cumsum-diff": cumsum_diff(3),
    "3x3/sliding_window_view-sum": window_sum(3),
    "15x15/separable-adds": separable(15),
    "15x15/cumsum-diff": cumsum_diff(15),
}
print("numpy", np.__version__)
for name, fn in cases.items():
    print(f"BenchmarkBoxBlur/{name:32s} {timeit(fn):9.2f} ms")
