#!/usr/bin/python3
"""NumPy timings of bench/simd_test.go's cases (BenchmarkSIMD): 16M
contiguous elements (4096² for the sums), one thread. Prints the median of
7 runs per case, in the Go benchmark's case names, in ms.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/simd.py
"""
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np

N = 1 << 24
rng = np.random.default_rng(1)


def median_ms(f, runs=7):
    f()
    ts = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    ts.sort()
    return ts[len(ts) // 2] * 1e3


def case(name, f):
    print("%s %.2f ms" % (name, median_ms(f)), flush=True)


a = rng.uniform(-1, 1, N).astype(np.float32)
b = rng.uniform(-1, 1, N).astype(np.float32)
d = np.empty_like(a)
m = np.empty(N, dtype=bool)
case("Add/f32/16M", lambda: np.add(a, b, out=d))
case("MulScalar/f32/16M", lambda: np.multiply(a, np.float32(2), out=d))
case("Clip/f32/16M", lambda: np.clip(a, np.float32(-0.5), np.float32(0.5), out=d))
case("Less/f32/16M", lambda: np.less(a, b, out=m))
case("Where/f32/16M", lambda: np.copyto(d, np.where(m, a, b)))
case("Where/f32/16M/noalloc", lambda: (np.copyto(d, b), np.copyto(d, a, where=m)))
case("Max/f32/16M", lambda: a.max())
case("ArgMax/f32/16M", lambda: a.argmax())
u8 = (np.arange(N) * 7).astype(np.uint8)
case("U8ToF32/16M", lambda: np.copyto(d, u8, casting="unsafe"))
a64 = rng.uniform(0, 2, N)
d64 = np.empty_like(a64)
case("F64ToF32/16M", lambda: np.copyto(d, a64, casting="unsafe"))
case("Sqrt/f64/16M", lambda: np.sqrt(a64, out=d64))
sq = a64.reshape(4096, 4096)
case("Sum/f64/4096²", lambda: sq.sum())
case("SumT/f64/4096²", lambda: sq.T.sum())
