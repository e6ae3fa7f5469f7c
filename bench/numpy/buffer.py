"""CPython timings of the cases of bench/buffer_test.go (BenchmarkViewOf,
BenchmarkMemoryView), one thread, median of several runs per case, printed
in the Go benchmark's case names.

Run: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/buffer.py [filter]
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import statistics
import sys
import time

import numpy as np


def median_time(f, repeat=15, number=200000):
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(number):
            f()
        runs.append((time.perf_counter() - t0) / number)
    return statistics.median(runs)


def loop_overhead():
    return median_time(lambda: None)


def report(name, seconds):
    if len(sys.argv) > 1 and sys.argv[1] not in name:
        return
    print(f"{name:<40s} {seconds * 1e9:10.1f} ns")


def main():
    base = loop_overhead()
    for name, shape in [("rank1", (16384,)), ("rank2", (64, 256)),
                        ("rank3", (16, 32, 32)), ("rank4", (4, 4, 32, 32))]:
        a = np.zeros(shape, np.float32)
        report(f"ViewOf/{name}/ViewOf (memoryview(ndarray))", median_time(lambda: memoryview(a)) - base)
    buf = bytearray(16384 * 4)
    report("MemoryView/memoryview (bytearray)", median_time(lambda: memoryview(buf)) - base)
    ms = [memoryview(buf) for _ in range(200000)]
    it = iter(ms)

    def rel():
        next(it).release()
    report("MemoryView/release", median_time(rel, repeat=1) - base)

    def with_block():
        with memoryview(buf):
            pass
    report("MemoryView/with", median_time(with_block) - base)
    b = memoryview(bytearray(24))
    report("MemoryView/cast ('i', (3, 2))", median_time(lambda: b.cast("i", (3, 2))) - base)


main()
