#!/usr/bin/python3
"""NumPy timings of bench/simd2_test.go's cases (BenchmarkSIMD2): 16M
contiguous elements (4096² for the axis sums), one thread. Prints the median
of 7 runs per case, in the Go benchmark's case names, in ms.

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/simd2.py
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
d = np.empty_like(a)
sq = a.reshape(4096, 4096)
col = np.empty(4096, dtype=np.float32)
case("SumAxis0/f32/4096²", lambda: np.sum(sq, axis=0, out=col))
case("SumAxis1/f32/4096²", lambda: np.sum(sq, axis=1, out=col))

ia = rng.integers(-(1 << 31), 1 << 31, N, dtype=np.int32)
ib = rng.integers(-(1 << 31), 1 << 31, N, dtype=np.int32)
idst = np.empty_like(ia)
m = np.empty(N, dtype=bool)
case("Add/i32/16M", lambda: np.add(ia, ib, out=idst))
case("Less/i32/16M", lambda: np.less(ia, ib, out=m))
case("Max/i32/16M", lambda: ia.max())
# NumPy widens an int32 sum to int64 unless told; both are shown.
case("Sum/i32/16M", lambda: ia.sum())
case("Sum/i32/16M/dtype=int32", lambda: ia.sum(dtype=np.int32))
ua = rng.integers(0, 256, N, dtype=np.uint8)
ub = rng.integers(0, 256, N, dtype=np.uint8)
ud = np.empty_like(ua)
case("Add/u8/16M", lambda: np.add(ua, ub, out=ud))

case("I32ToF32/16M", lambda: np.copyto(d, ia, casting="unsafe"))
h16 = a.astype(np.float16)
case("F16ToF32/16M", lambda: np.copyto(d, h16, casting="unsafe"))
case("F32ToF16/16M", lambda: np.copyto(h16, a, casting="unsafe"))
