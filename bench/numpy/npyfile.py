#!/usr/bin/python3
"""NumPy's timings for bench/npyfile_test.go, under the same case names.

Run on one thread, beside the Go benchmarks:
    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/npyfile.py
Prints, per case, the median of 7 runs in milliseconds and the
throughput in MB/s of the 256 MiB of data, as Go's SetBytes counts it.
np.save of a strided view goes through NumPy's buffered iterator;
np.load reads into a new array (NumPy has no load into a given array).
"""
import os
import shutil
import statistics
import tempfile
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

N = 256 << 20


def run(name, fn, repeat=7):
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    print("%-36s %9.2f ms %9.1f MB/s" % (name, med * 1e3, N / med / 1e6))


def main():
    print("numpy", np.__version__)
    c = np.arange(N // 4, dtype=np.float32).reshape(8192, 8192)
    strided = np.zeros((8192, 16384), np.float32)[:, ::2]
    strided[...] = c
    raw = c.tobytes()
    dirs = [("shm", tempfile.mkdtemp(dir="/dev/shm")), ("disk", tempfile.mkdtemp())]
    try:
        for name, d in dirs:
            path = os.path.join(d, "save.npy")

            def write_file():
                with open(path, "wb") as f:
                    f.write(raw)

            run("NPYSave/%s/WriteFile/256MiB" % name, write_file)
            run("NPYSave/%s/C/256MiB" % name, lambda: np.save(path, c))
            run("NPYSave/%s/T/256MiB" % name, lambda: np.save(path, c.T))
            run("NPYSave/%s/strided/256MiB" % name, lambda: np.save(path, strided))
        for name, d in dirs:
            path = os.path.join(d, "load.npy")
            np.save(path, c.reshape(-1))

            def read_file():
                with open(path, "rb") as f:
                    f.read()

            run("NPYLoad/%s/ReadFile/256MiB" % name, read_file)
            run("NPYLoad/%s/Read/256MiB" % name, lambda: np.load(path))
    finally:
        for _, d in dirs:
            shutil.rmtree(d)


main()
