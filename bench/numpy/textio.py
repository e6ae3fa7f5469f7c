"""NumPy's timings for bench/textio_test.go (BenchmarkLoadTxt).

Run with OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/numpy/textio.py;
writes the same kind of file as the Go benchmark (1,000,000 rows of 10
comma-separated floats in [0, 1000) with 6 decimals, about 110 MB) into a
temporary directory and prints the median of several runs of np.loadtxt,
under the Go benchmark's case name.
"""
import os
import tempfile
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

rows, cols = 1_000_000, 10
rng = np.random.default_rng(1)
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "bench.csv")
    np.savetxt(path, rng.random((rows, cols)) * 1000, fmt="%.6f", delimiter=",")
    size = os.path.getsize(path)
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        a = np.loadtxt(path, delimiter=",")
        runs.append(time.perf_counter() - t)
        assert a.shape == (rows, cols)
    runs.sort()
    med = runs[len(runs) // 2]
    print(f"BenchmarkLoadTxt/CSV/numpy  {med * 1e3:10.1f} ms/op  {size / med / 1e6:8.1f} MB/s  (numpy {np.__version__}, {size / 1e6:.0f} MB)")
